// whosaid::events::Words — a document's tokens as the event stage reads them:
// each token with its lower-case form (’ folded to ', full Unicode case
// mapping), case, sentence and paragraph; plus PhraseIndex (the one
// rules::PhraseIndex, core/phrase_index.h) that every event rule file
// compiles into, looked up on the words' lower-case forms (LowerAt).
//
// Contract
//   ReadWords keeps the token order and spans of segment::Tokens. The views in
//   Word::lower point into Words::buffer_: a Words object must outlive them
//   (it is not copyable); Word::text points into the document's text.
//   Word::key is WordFilter::KeyOf(Word::lower) (a Word copied keeps both).
//   PhraseIndex::Longest(i, end, LowerAt{words}) returns the longest phrase
//   whose words equal words[i…].lower (never past `end`), or {0, nullptr}.
//
// Example
//   Words w = ReadWords(text, tokens);            // "Air strikes hit Kirkuk."
//   PhraseIndex<int> idx; idx.Add({"air", "strikes"}, 7);
//   idx.Longest(0, w.size(), LowerAt{w.words})   // {2, &7}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/phrase_index.h"
#include "core/places.h"
#include "core/view_hash.h"
#include "core/word_filter.h"
#include "segment/tokenizer.h"

namespace whosaid::events {

// A word's context phrase look-up (EventLexicon::Context), remembered the
// first time it is asked: the longest phrase at the word that ends by the
// end of its vector of words. Empty (`known` false) when built or copied, so
// a copied word never carries an answer about another vector's words.
struct ContextMemo {
  ContextMemo() = default;
  ContextMemo(const ContextMemo&) {}
  ContextMemo& operator=(const ContextMemo&) {
    lexicon = 0;
    return *this;
  }
  // the serial of the EventLexicon that answered (0: none yet), so that a
  // word asked by two lexicons never gives one the other's answer
  mutable std::uint64_t lexicon = 0;
  mutable std::uint8_t length = 0;  // words
  mutable std::uint32_t classes = 0;
};

struct Word {
  Span span;
  std::string_view lower;  // lower case; ’ → '
  std::string_view text;   // as written (a view into the document)
  segment::TokenKind kind = segment::TokenKind::kPunct;
  bool cap = false;
  bool all_caps = false;
  // WordFilter::KeyOf(lower), made once by ReadWords: the key every event
  // filter (trigger, actor and context starts, date starts) tests the word
  // by, instead of reading its bytes and folding them again per filter
  std::uint16_t key = 0;
  std::uint32_t sentence = 0;
  std::uint32_t paragraph = 0;
  ContextMemo context;  // EventLexicon::Context's own cache
  bool IsWord() const { return kind == segment::TokenKind::kWord; }
  bool Is(std::string_view w) const { return lower == w; }
};

class Words {
 public:
  Words() = default;
  // Gives its storage to the thread's next ReadWords (words.cpp: Spare).
  ~Words();
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

// Hash that lets unordered maps keyed by std::string be probed with a view
// (core/view_hash.h: look-up tables only).
using whosaid::ViewHash;

// The phrase index of the event rule files (core/phrase_index.h), looked up
// on the words' lower-case forms: idx.Longest(i, end, LowerAt{words}).
template <class Value>
using PhraseIndex = rules::PhraseIndex<Value>;

// The pre-test before a look-up on a list of rare words (core/word_filter.h).
using whosaid::WordFilter;

// words[k].lower, the key of a PhraseIndex look-up.
struct LowerAt {
  const std::vector<Word>& words;
  std::string_view operator()(std::size_t k) const { return words[k].lower; }
};

}  // namespace whosaid::events
