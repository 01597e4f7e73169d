#include "events/words.h"

#include "core/text.h"  // SplitWords

namespace whosaid::events {

Words ReadWords(std::string_view text, const segment::Tokens& tokens) {
  Words out;
  out.sentences = tokens.sentences;
  out.buffer_ = tokens.lowered;  // its own copy: the Words may outlive the Tokens
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
