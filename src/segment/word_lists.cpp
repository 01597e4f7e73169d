#include "segment/word_lists.h"

#include <algorithm>

#include "core/classes.h"
#include "segment/tokenizer.h"

namespace whosaid::segment {

WordLists::WordLists(const rules::RuleSet& rules) {
  // the symbol each words.txt class is written as (word.CLASS | SYMBOL-NAME)
  const auto shape = rules::Classes::Read(rules.File("shape_classes.txt"));
  const auto& words = rules.File("words.txt");
  for (const auto& line : words.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() == 2 && f[1] == "past") {  // a content word: only its flag
      rows_.push_back({Lower(f[0]), f[1]});
      continue;
    }
    const std::string word_class = f.size() == 2 ? "word." + f[1] : "";
    if (word_class.empty() || !shape.Has(word_class))
      throw words.Error(line, "expected WORD | CLASS with a known CLASS");
    const std::string symbol = shape.Word(word_class);
    rows_.push_back({Lower(f[0]), f[1]});
    function_.Insert(rows_.back().word, {}) = symbol == "number"       ? Compound::kNumber
                                              : symbol == "determiner" ? Compound::kDeterminer
                                                                       : Compound::kNone;
  }
  const auto& roles = rules.File("roles.txt");
  for (const auto& line : roles.lines()) {  // NOUN [| relational]
    auto f = rules::RuleFile::Fields(line);
    if (f.empty() || f.size() > 2 || (f.size() == 2 && f[1] != "relational"))
      throw roles.Error(line, "expected NOUN or NOUN | relational");
    roles_.Insert(Lower(f[0]));
    if (f.size() == 2) relational_.Insert(Lower(f[0]));
  }
  const auto& titles = rules.File("titles.txt");
  for (const auto& line : titles.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || (f[1] != "rank" && f[1] != "honorific")) {
      throw titles.Error(line, "expected TITLE | rank|honorific");
    }
    titles_.Insert(Lower(f[0]), false) = f[1] == "honorific";
  }
  const auto& heads = rules.File("org_heads.txt");
  for (const auto& line : heads.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || (f[1] != "any" && f[1] != "cap"))
      throw heads.Error(line, "expected WORD | any|cap");
    org_heads_.Insert(Lower(f[0]), false) = f[1] == "cap";
  }
}

bool WordLists::IsFunctionWord(std::string_view lower) const {
  return function_.Contains(lower) || IsNumberCompound(lower);
}

// "twenty-six", "sixty-one": number words joined by hyphens (the first of the
// number class, the others number words or determiners such as "one").
bool WordLists::IsNumberCompound(std::string_view lower) const {
  std::size_t dash = lower.find('-');
  if (dash == std::string_view::npos) return false;
  for (std::size_t start = 0; start <= lower.size();) {
    std::size_t end = std::min(lower.find('-', start), lower.size());
    const Compound* c = function_.Find(lower.substr(start, end - start));
    if (!c || (*c != Compound::kNumber && (start == 0 || *c != Compound::kDeterminer)))
      return false;
    start = end + 1;
  }
  return true;
}

// (a final full stop is not part of the title: "gen." is "gen")
static std::string_view WithoutStop(std::string_view lower) {
  if (!lower.empty() && lower.back() == '.') lower.remove_suffix(1);
  return lower;
}

bool WordLists::IsTitle(std::string_view lower) const {
  return titles_.Contains(WithoutStop(lower));
}

bool WordLists::IsHonorific(std::string_view lower) const {
  const bool* honorific = titles_.Find(WithoutStop(lower));
  return honorific && *honorific;
}

bool WordLists::IsOrgHead(std::string_view lower, bool capitalised) const {
  const bool* needs_cap = org_heads_.Find(lower);
  return needs_cap && (capitalised || !*needs_cap);
}

}  // namespace whosaid::segment
