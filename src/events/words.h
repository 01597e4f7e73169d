// whosaid::events::Words — a document's tokens as the event stage reads them:
// each token with its lower-case form (’ folded to ', full Unicode case
// mapping), case, sentence and paragraph; plus PhraseIndex, the longest-match
// lookup of lower-case word sequences every event rule file compiles into.
//
// Contract
//   ReadWords keeps the token order and spans of segment::Tokens. The views in
//   Word::lower point into Words::buffer_: a Words object must outlive them
//   (it is not copyable); Word::text points into the document's text.
//   PhraseIndex::Longest(words, i, end) returns the longest phrase whose words
//   equal words[i…] (never past `end`), or {0, nullptr}.
//
// Example
//   Words w = ReadWords(text, tokens);            // "Air strikes hit Kirkuk."
//   PhraseIndex<int> idx; idx.Add({"air", "strikes"}, 7);
//   idx.Longest(w.words, 0, w.words.size())       // {2, &7}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/places.h"
#include "segment/tokenizer.h"

namespace whosaid::events {

struct Word {
  Span span;
  std::string_view lower;  // lower case; ’ → '
  std::string_view text;   // as written (a view into the document)
  segment::TokenKind kind = segment::TokenKind::kPunct;
  bool cap = false;
  bool all_caps = false;
  std::uint32_t sentence = 0;
  std::uint32_t paragraph = 0;
  bool IsWord() const { return kind == segment::TokenKind::kWord; }
  bool Is(std::string_view w) const { return lower == w; }
};

class Words {
 public:
  Words() = default;
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;
  Words(Words&&) = default;
  Words& operator=(Words&&) = default;

  std::vector<Word> words;
  std::vector<segment::Sentence> sentences;
  std::size_t size() const { return words.size(); }
  const Word& operator[](std::size_t i) const { return words[i]; }

 private:
  friend Words ReadWords(std::string_view text, const segment::Tokens& tokens);
  std::string buffer_;
};

Words ReadWords(std::string_view text, const segment::Tokens& tokens);

// Splits "air strikes" into lower-case words (blank separated).
std::vector<std::string> PhraseWords(std::string_view phrase);
// Splits "a, b ,c" into trimmed non-empty parts (core/places.h).
using rules::CommaList;

// Hash that lets unordered maps keyed by std::string be probed with a view.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class Value>
class PhraseIndex {
 public:
  void Add(std::vector<std::string> words, Value value) {
    if (words.empty()) return;
    auto& list = index_[words[0]];
    Entry e{std::move(words), std::move(value)};
    auto at = list.begin();
    while (at != list.end() && at->words.size() >= e.words.size()) ++at;  // longest first
    list.insert(at, std::move(e));
  }

  std::pair<std::size_t, const Value*> Longest(const std::vector<Word>& words, std::size_t i,
                                               std::size_t end) const {
    auto it = index_.find(words[i].lower);
    if (it == index_.end()) return {0, nullptr};
    for (const Entry& e : it->second) {
      if (i + e.words.size() > end) continue;
      bool ok = true;
      for (std::size_t k = 1; k < e.words.size() && ok; ++k) ok = words[i + k].lower == e.words[k];
      if (ok) return {e.words.size(), &e.value};
    }
    return {0, nullptr};
  }

  // The value stored for exactly these words, or null (to extend it in place).
  Value* Exact(const std::vector<std::string>& words) {
    if (words.empty()) return nullptr;
    auto it = index_.find(words[0]);
    if (it == index_.end()) return nullptr;
    for (Entry& e : it->second) {
      if (e.words == words) return &e.value;
    }
    return nullptr;
  }

  bool StartsWith(std::string_view first) const { return index_.find(first) != index_.end(); }
  bool empty() const { return index_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> words;
    Value value;
  };
  std::unordered_map<std::string, std::vector<Entry>, ViewHash, std::equal_to<>> index_;
};

}  // namespace whosaid::events
