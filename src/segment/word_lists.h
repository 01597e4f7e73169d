// whosaid::segment::WordLists — the word lists that more than one stage reads
// a word against, loaded once per rule set (rules::RuleSet::Shared): the
// function words of rules/words.txt (with their class), the role nouns
// (roles.txt, and which of them are relational), titles (titles.txt: rank or honorific) and
// organisation heads (org_heads.txt). The attribution lexicon builds its shape symbols on them; the
// name mentions (entities/) read them directly, so neither stage reaches into the other.
//
// Contract: every look-up takes a lower-case word (segment::Lower). A bad
// line throws ConfigError "FILE:LINE: …"; a words.txt class must be one that
// rules/shape_classes.txt gives a symbol (word.CLASS). Immutable once built:
// thread-safe.
//
// Example
//   const auto& words = rules.Shared<segment::WordLists>();
//   words.IsFunctionWord("the")      // true (words.txt: the | determiner)
//   words.IsFunctionWord("twenty-six")  // true: number words joined by hyphens
//   words.IsHonorific("mr.")         // true (titles.txt: mr | honorific)
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/flat_map.h"
#include "core/rules.h"

namespace whosaid::segment {

class WordLists {
 public:
  explicit WordLists(const rules::RuleSet& rules);

  // A words.txt line, in file order: the word (lower case) and its class
  // ("determiner", "be", …, or "past" for a content word's past flag).
  struct Row {
    std::string word;
    std::string word_class;
  };
  const std::vector<Row>& rows() const { return rows_; }

  // The word has a words.txt class (not only a past flag), or is number words
  // joined by hyphens ("twenty-six": a number, then numbers or determiners).
  bool IsFunctionWord(std::string_view lower) const;
  bool IsNumberCompound(std::string_view lower) const;
  bool IsRole(std::string_view lower) const { return roles_.Contains(lower); }
  // A role noun that names a relation to another person (roles.txt
  // `rival | relational`): a role noun, but no function an entity holds.
  bool IsRelational(std::string_view lower) const { return relational_.Contains(lower); }
  // A title ("gen.", "sheikh"; a final full stop is not needed).
  bool IsTitle(std::string_view lower) const;
  // An honorific title (Mr., Haji): no role.
  bool IsHonorific(std::string_view lower) const;
  // An organisation head word; a "cap" one only when written capitalised.
  bool IsOrgHead(std::string_view lower, bool capitalised) const;
  // Calls f(word) for every role, title and organisation head (lower case,
  // as stored; a word in several lists more than once): the keys a combined
  // look-up (attribution::Lexicon::Facts) must hold.
  template <class F>
  void ForEachListWord(const F& f) const {
    roles_.ForEach([&](const std::string& w) { f(std::string_view(w)); });
    for (const auto& [w, honorific] : titles_) f(std::string_view(w));
    for (const auto& [w, cap] : org_heads_) f(std::string_view(w));
  }

 private:
  // How a function word's symbol joins a number compound.
  enum class Compound { kNone, kNumber, kDeterminer };
  // probed with a view, per token of every document (core/flat_map.h)
  template <class V>
  using Map = FlatMap<V>;
  using Set = FlatSet;

  std::vector<Row> rows_;
  Map<Compound> function_;  // words.txt words with a class
  Set roles_;
  Set relational_;       // roles.txt nouns marked relational
  Map<bool> titles_;     // title → honorific
  Map<bool> org_heads_;  // word → needs a capital
};

}  // namespace whosaid::segment
