// whosaid::rules::Classes — the named classes of a rule file, so that code
// tests a word or a symbol against a class by its name instead of a string
// literal: rules/shape_classes.txt (classes of shape symbols) and
// rules/english.txt (English words and endings tested by their part in a
// sentence).
//
// File format (on top of core/rules.h's): NAME | VALUE, one class a line.
// A class of symbols writes them together, one byte each ("NkRHs#Dd"); a
// backslash takes the next byte as a symbol, so a '#' that stands first (where
// after the blank it would start a comment) is written "\#" ("number | \#").
// A class of words lists them separated by commas ("’s, 's"); so does a class
// that names symbols by their names ("cue.say | say, say_ing").
//
// Contract: Read keeps every class of the file; it throws ConfigError
// "FILE:LINE: expected NAME | VALUE" on a malformed entry and "FILE:LINE:
// class NAME defined twice" on a repeated name. Each getter throws
// "FILE: no class NAME defined" for a class the file lacks; Symbols "FILE:LINE:
// class NAME holds a blank: symbols are written together" when it does;
// Symbol and Word "FILE:LINE: class NAME must be one symbol / one word".
//
// Example
//   auto classes = rules::Classes::Read(rules.File("english.txt"));
//   std::string ending = classes.Word("gerund_ending");             // "ing"
//   rules::SymbolSet heads = rules::Classes::Read(shape).Symbols("org_premodifier");
//   char number = rules::Classes::Read(shape).Symbol("number");      // "\#" → '#'
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules.h"
#include "core/symbols.h"

namespace whosaid::rules {

class Classes {
 public:
  static Classes Read(const RuleFile& file);

  bool Has(std::string_view name) const { return classes_.count(name) > 0; }
  // Every class name, in order.
  std::vector<std::string> Names() const;
  // "FILE:LINE: class NAME WHAT" (the line of the class).
  ConfigError Error(std::string_view name, const std::string& what) const;

  SymbolSet Symbols(std::string_view name) const;
  char Symbol(std::string_view name) const;
  std::vector<std::string> Words(std::string_view name) const;
  std::string Word(std::string_view name) const;

 private:
  struct Entry {
    std::string value;
    int line = 0;
  };
  const Entry& Find(std::string_view name) const;

  std::string file_;
  std::map<std::string, Entry, std::less<>> classes_;
};

}  // namespace whosaid::rules
