// whosaid::entities::Rewriter — an ordered list of regex rewrites read from a
// rule file (rules/names/rewrites.txt, rules/names/letters.txt).
//
// Contract
//   Each entry is "PATTERN | REPLACEMENT" or "PATTERN | REPLACEMENT | SCOPE".
//   Apply() runs the rules top to bottom, each over the result of the
//   previous one, replacing every non-overlapping match by REPLACEMENT, in
//   which $1 … $9 stand for captured groups (an unset group is empty) and
//   every other character is literal. A rule whose scope does not include
//   the requested one is skipped. Compiled once; Apply() is const and safe
//   to call from many threads.
//   A bad pattern or scope throws ConfigError "path:line: …" at load.
//
// Example
//   Rewriter letters(rules.File("names/letters.txt"), Rewriter::Fields::kTwo);
//   letters.Apply("qasim", Scope::kAll);   // "kasim"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/regex.h"
#include "core/rules.h"

namespace whosaid::entities {

// Which kind of name a rewrite is for.
enum class Scope { kPerson, kOrg, kAll };

class Rewriter {
 public:
  enum class Fields { kTwo, kWithScope };  // whether entries carry a SCOPE field

  Rewriter(const rules::RuleFile& file, Fields fields);

  // `text` rewritten by every rule whose scope covers `scope` (kAll: every rule).
  std::string Apply(std::string_view text, Scope scope) const;
  // The same, in place; false when no rule matched (`text` as it was).
  bool ApplyInPlace(std::string& text, Scope scope) const;
  std::size_t size() const { return rules_.size(); }
  // What every match of a pattern needs in the text, read from the
  // pattern's top level (outside classes, nothing repeated by a
  // quantifier): runs of its literal bytes (ASCII letters, digits, blanks,
  // '-', '\'' and ','; an escaped punctuation byte counts as itself) and,
  // for a group whose alternatives are all such runs ("(?:bin|ibn)"), one
  // of them after the run before the group; and the literal byte right
  // before a final '$'. Nothing when the pattern has a top-level '|', sets
  // options inline, uses verbs, \Q…\E, a brace that is no repeat count
  // or an escape not read here: a form this reading does not know proves
  // nothing. Apply skips a rule whose needs the text lacks.
  struct Needs {
    // each: the text holds one of these (of two bytes or more each)
    std::vector<std::vector<std::string>> any_of;
    char last = 0;  // the text ends with this byte, or with it and "\n" (0: no need)
    bool operator==(const Needs&) const = default;
  };
  static Needs NeedsOf(std::string_view pattern);  // (public for its tests)

 private:
  struct Rule {
    Regex pattern;
    std::string replacement;
    Scope scope;
    Needs needs;  // NeedsOf(pattern)
  };
  struct Work;  // a thread's Regex::Scratch, Match and output buffer (rewriter.cpp)
  static void AppendExpanded(std::string& out, const std::string& replacement,
                             std::string_view subject, const Regex::Match& match);
  static bool ApplyOne(const Rule& rule, std::string& text, Regex::ByteSet& bytes, Work& work);

  std::vector<Rule> rules_;
  // For each Scope (its number), the indices in rules_ of the rules that
  // cover it, in order: Apply walks only those (every rule for kAll).
  std::vector<std::uint32_t> in_scope_[3];
};

}  // namespace whosaid::entities
