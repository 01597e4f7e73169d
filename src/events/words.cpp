#include "events/words.h"

#include "core/text.h"  // SplitWords

namespace whosaid::events {
namespace {

// segment::Lower without a temporary for the (usual) ASCII token.
void AppendLower(std::string& out, std::string_view word) {
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      out += segment::Lower(word);
      return;
    }
  }
  for (char c : word) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
}

}  // namespace

Words ReadWords(std::string_view text, const segment::Tokens& tokens) {
  Words out;
  out.sentences = tokens.sentences;
  std::vector<std::pair<std::size_t, std::size_t>> at;  // (offset, size) in buffer_
  at.reserve(tokens.tokens.size());
  for (const auto& t : tokens.tokens) {
    std::size_t from = out.buffer_.size();
    AppendLower(out.buffer_, text.substr(t.span.begin, t.span.end - t.span.begin));
    at.emplace_back(from, out.buffer_.size() - from);
  }
  out.words.reserve(tokens.tokens.size());
  std::string_view buffer = out.buffer_;
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    const auto& t = tokens.tokens[i];
    Word w;
    w.span = t.span;
    w.lower = buffer.substr(at[i].first, at[i].second);
    w.text = text.substr(t.span.begin, t.span.end - t.span.begin);
    w.kind = t.kind;
    w.cap = t.cap;
    w.all_caps = t.all_caps;
    w.sentence = t.sentence;
    w.paragraph = t.paragraph;
    out.words.push_back(w);
  }
  return out;
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> out = text::SplitWords(phrase);
  for (auto& w : out) w = segment::Lower(w);
  return out;
}

}  // namespace whosaid::events
