#include "events/words.h"

#include "core/spare_storage.h"
#include "core/text.h"  // SplitWords

namespace whosaid::events {
namespace {

// The storage of the last Words a thread let go, reused by the thread's next
// ReadWords: a document's words (80 bytes each) were a fresh allocation each,
// whose pages faulted in again (0.7% of the cycles of a one-thread x11 run).
// Only the capacity is reused: ReadWords clears the vector and makes every
// Word anew (an empty ContextMemo). A vector of more than kKeptWords is let
// go, so what a thread keeps is bounded, not the largest document's words.
struct Spare {
  std::vector<Word> words;
  std::string buffer;
};
thread_local Spare spare;
constexpr std::size_t kKeptWords = std::size_t{1} << 15;

}  // namespace

Words::~Words() {
  KeepStorage(words, spare.words, kKeptWords);
  KeepStorage(buffer_, spare.buffer, kKeptWords * 8);
}

Words ReadWords(std::string_view text, const segment::Tokens& tokens) {
  Words out;
  out.words.swap(spare.words);  // (cleared when it was kept; the spare left empty)
  out.buffer_.swap(spare.buffer);
  out.sentences = tokens.sentences;
  out.buffer_.assign(tokens.lowered);  // its own copy: the Words may outlive the Tokens
  // (the spans and offsets lie inside the text and the buffer: views made
  // directly, without substr's checks; the inputs read through local
  // pointers, which the byte-sized stores below cannot alias, so they are
  // not read again after each store)
  const std::size_t n = tokens.tokens.size();
  const segment::Token* const from = tokens.tokens.data();
  const std::size_t* const at = tokens.lowered_at.data();
  const char* const lowered = out.buffer_.data();
  const char* const bytes = text.data();
  out.words.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const segment::Token& t = from[i];
    Word& w = out.words.emplace_back();  // (made in place, not copied)
    w.span = t.span;
    w.lower = std::string_view(lowered + at[i], at[i + 1] - at[i]);
    w.key = WordFilter::KeyOf(w.lower);
    w.text = std::string_view(bytes + t.span.begin, t.span.end - t.span.begin);
    w.kind = t.kind;
    w.cap = t.cap;
    w.all_caps = t.all_caps;
    w.sentence = t.sentence;
    w.paragraph = t.paragraph;
  }
  return out;
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> out = text::SplitWords(phrase);
  for (auto& w : out) w = segment::Lower(w);
  return out;
}

}  // namespace whosaid::events
