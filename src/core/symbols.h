// whosaid::rules::SymbolSet, SymbolClasses — named classes of one-byte
// symbols read from a rule file, so that code tests a symbol against a class
// by its name instead of a string literal (rules/shape.txt: the classes of the
// attribution shape alphabet).
//
// File format (on top of core/rules.h's): NAME | SYMBOLS, one class a line;
// SYMBOLS are the class's symbols written together, one byte each
// ("NkRHs#Dd"). A '#' may not open SYMBOLS (after the blank it would start a
// comment): write it after another symbol.
//
// Contract: Read keeps every class of the file. Get throws ConfigError
// "FILE: no class NAME defined" when the file has no such class, Single
// also "FILE:LINE: class NAME must be one symbol" when it has more than one.
// Read throws "FILE:LINE: expected NAME | SYMBOLS" on a malformed entry and
// "FILE:LINE: class NAME defined twice" on a repeated name.
//
// Example
//   auto classes = rules::SymbolClasses::Read(rules.File("shape.txt"));
//   rules::SymbolSet heads = classes.Get("org_premodifier");
//   if (heads.Has(unit.symbol)) ...
#pragma once

#include <bitset>
#include <map>
#include <string>
#include <string_view>

#include "core/rules.h"

namespace whosaid::rules {

// A set of one-byte symbols; membership in constant time.
class SymbolSet {
 public:
  SymbolSet() = default;
  explicit SymbolSet(std::string_view symbols);

  bool Has(char symbol) const { return bits_[static_cast<unsigned char>(symbol)]; }
  const std::string& symbols() const { return symbols_; }  // as written

 private:
  std::bitset<256> bits_;
  std::string symbols_;
};

class SymbolClasses {
 public:
  static SymbolClasses Read(const RuleFile& file);

  const SymbolSet& Get(std::string_view name) const;
  char Single(std::string_view name) const;

 private:
  struct Entry {
    SymbolSet set;
    int line = 0;
  };
  const Entry& Find(std::string_view name) const;

  std::string file_;
  std::map<std::string, Entry, std::less<>> classes_;
};

}  // namespace whosaid::rules
