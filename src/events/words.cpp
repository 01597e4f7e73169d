#include "events/words.h"

#include "core/text.h"  // SplitWords

namespace whosaid::events {

Words ReadWords(std::string_view text, const segment::Tokens& tokens) {
  Words out;
  out.sentences = tokens.sentences;
  out.buffer_ = tokens.lowered;  // its own copy: the Words may outlive the Tokens
  out.words.reserve(tokens.tokens.size());
  const char* const lowered = out.buffer_.data();
  // (the spans and offsets lie inside the text and the buffer: views made
  // directly, without substr's checks)
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    const auto& t = tokens.tokens[i];
    Word& w = out.words.emplace_back();  // (made in place, not copied)
    w.span = t.span;
    w.lower = std::string_view(lowered + tokens.lowered_at[i],
                               tokens.lowered_at[i + 1] - tokens.lowered_at[i]);
    w.text = std::string_view(text.data() + t.span.begin, t.span.end - t.span.begin);
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
