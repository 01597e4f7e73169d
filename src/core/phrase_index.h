// whosaid::rules::PhraseIndex — the one longest-match look-up of word
// sequences (lower-case phrases from a rule file) that the stages compile
// their phrase lists into: the attribution lexicon (cues, nominal cues,
// aliases), the event lexicon, gazetteer and dates, and the figures of the
// claims stage. Phrases are kept by their first word, longest first.
//
// Contract
//   Longest(i, end, word) returns the longest phrase whose words equal
//   word(i), word(i + 1), … and which ends at or before `end`; {0, null} when
//   none (or i >= end). `word(k)` gives the k-th word of the caller's
//   sequence as something comparable with std::string (a std::string_view);
//   it is called only for k in [i, end). Phrases of equal length are tried
//   in the order they were added, so the first one added wins. The index is
//   immutable once built: look-ups from many threads are safe.
//
// Example
//   rules::PhraseIndex<int> idx;
//   idx.Add({"air", "strikes"}, 7);
//   std::vector<std::string_view> w{"air", "strikes", "hit"};
//   auto at = [&](std::size_t k) { return w[k]; };
//   idx.Longest(0, w.size(), at)                 // {2, &7}
//   idx.Before(0, 2, 4, at)                      // {2, &7}: ends before w[2]
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/flat_map.h"

namespace whosaid::rules {

template <class Value>
class PhraseIndex {
 public:
  struct Hit {
    std::size_t length = 0;        // words
    const Value* value = nullptr;  // null: no phrase
  };

  // Adds a phrase (its words, already lower case); an empty one is ignored.
  void Add(std::vector<std::string> words, Value value) {
    if (words.empty()) return;
    auto& list = index_.Insert(words[0], {});
    Entry e{std::move(words), std::move(value)};
    auto at = list.begin();
    while (at != list.end() && at->words.size() >= e.words.size()) ++at;  // longest first
    list.insert(at, std::move(e));
  }

  // The longest phrase at word i that ends at or before `end`.
  template <class WordAt>
  Hit Longest(std::size_t i, std::size_t end, const WordAt& word) const {
    if (i >= end) return {};
    const std::vector<Entry>* list = index_.Find(std::string_view(word(i)));
    if (!list) return {};
    for (const Entry& e : *list) {
      if (i + e.words.size() > end) continue;
      bool ok = true;
      for (std::size_t k = 1; ok && k < e.words.size(); ++k) ok = word(i + k) == e.words[k];
      if (ok) return {e.words.size(), &e.value};
    }
    return {};
  }

  // The longest phrase of at most `max_words` words that ends right before
  // word `end` and starts at or after `begin`.
  template <class WordAt>
  Hit Before(std::size_t begin, std::size_t end, std::size_t max_words, const WordAt& word) const {
    Hit best;
    for (std::size_t len = 1; len <= max_words && len <= end - begin; ++len) {
      Hit h = Longest(end - len, end, word);
      if (h.value && h.length == len) best = h;
    }
    return best;
  }

  // The value stored for exactly these words, or null (to extend it in place).
  Value* Exact(const std::vector<std::string>& words) {
    if (words.empty()) return nullptr;
    std::vector<Entry>* list = index_.Find(words[0]);
    if (!list) return nullptr;
    for (Entry& e : *list) {
      if (e.words == words) return &e.value;
    }
    return nullptr;
  }

  // Some phrase starts with this word.
  bool StartsWith(std::string_view first) const { return index_.Contains(first); }
  bool empty() const { return index_.empty(); }
  // Calls f(first_word) once for each word some phrase starts with (in the
  // order they were first added).
  template <class F>
  void ForEachFirstWord(const F& f) const {
    for (const auto& entry : index_) f(entry.first);
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    Value value;
  };
  // by first word; probed with a view, per token of every document (core/flat_map.h)
  FlatMap<std::vector<Entry>> index_;
};

}  // namespace whosaid::rules
