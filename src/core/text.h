// whosaid::text — UTF-8 helpers: validation, lossy decoding, code-point
// stepping and byte → code-point offset conversion.
//
// Every stage works on byte offsets into Document::text (valid UTF-8). Output
// needs Unicode code-point offsets; CodepointIndex converts in O(1) amortised
// per lookup with a checkpoint every 256 bytes (memory: text size / 64).
//
// Example
//   auto d = whosaid::text::DecodeLossy("caf\xC3\xA9 \xFF");
//   // d.text == "café \uFFFD", d.invalid == {6}
//   whosaid::text::CodepointIndex idx(d.text);
//   idx.ToCodepoint(5) == 4;  // the byte after "café"
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::text {

// Byte offset of the first ill-formed UTF-8 sequence, or nullopt.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view bytes);

// Eight bytes at a time (loops over long runs of ASCII: JSON strings,
// lines): Load8 reads the eight bytes at `p` as one word; BytesEqual8 is
// nonzero exactly when some byte of `w` equals `c`, and its lowest set bit
// marks (as 0x80) the lowest such byte in memory order on a little-endian
// machine — bytes above that one may be marked falsely (the subtraction's
// borrow), so only the lowest mark names a byte; NonAscii8 is nonzero when
// some byte is >= 0x80.
inline std::uint64_t Load8(const unsigned char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline std::uint64_t BytesEqual8(std::uint64_t w, unsigned char c) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const std::uint64_t v = w ^ (kOnes * c);
  return (v - kOnes) & ~v & kHigh;
}
inline std::uint64_t NonAscii8(std::uint64_t w) { return w & 0x8080808080808080ULL; }

// Whether the eight bytes at `p` are all plain ASCII inside a JSON string:
// none is a control character (< 0x20), a quote, a backslash or a byte of a
// multi-byte character (>= 0x80). JSON readers and writers pass such runs
// eight bytes at a time (news text is long runs of them).
inline bool JsonPlainAscii8(const unsigned char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const std::uint64_t w = Load8(p);
  const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;  // a byte < 0x20 (or >= 0x80)
  return (NonAscii8(w) | below_space | BytesEqual8(w, '"') | BytesEqual8(w, '\\')) == 0;
}

struct Decoded {
  static constexpr std::size_t kMaxOffsets = 16;
  std::string text;  // valid UTF-8
  // Byte offsets (in the input) of the first kMaxOffsets replaced sequences
  // (only so many: a file of invalid bytes must not cost 8 bytes per byte).
  std::vector<std::size_t> invalid;
  std::size_t invalid_count = 0;  // how many sequences were replaced
};

// Replaces each maximal ill-formed subsequence by U+FFFD (Unicode's
// recommended practice, as Python's errors="replace").
Decoded DecodeLossy(std::string_view bytes);

// `message` made safe for one line of a terminal or a log: control
// characters become escapes — a newline in a file name is written `\n`, a tab
// `\t`, a carriage return `\r`, any other and DEL `\xNN` — and so does each
// byte of invalid UTF-8 (`\xFF`); everything else is kept as it is.
std::string EscapeForMessage(std::string_view message);

// Splits on single spaces (a normalised phrase: "Ministry of Defence"); no
// empty words.
std::vector<std::string> SplitWords(std::string_view text);

// Decodes the code point starting at byte `i` of valid UTF-8 and advances `i`.
char32_t Next(std::string_view s, std::size_t& i);
// Next with its one-byte (ASCII) case inline: for loops that step through
// every character of a document, most of them ASCII.
inline char32_t NextInline(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return Next(s, i);
}
// The code point that ends just before byte `i` (which must be > 0), and moves
// `i` to its first byte.
char32_t Prev(std::string_view s, std::size_t& i);
// Code point at byte i without advancing; 0 at or past the end.
char32_t At(std::string_view s, std::size_t i);
// Appends the UTF-8 encoding of `c`.
void Append(std::string& out, char32_t c);

// The endings a possessive adds to a word, one list for every stage that
// strips them (resolve/: a name form, the spelling report's words): ’s and
// 's, then a lone apostrophe after a plural (victims’). `which` picks the
// ones tried: all, only the two with s, or only the two apostrophes.
enum class Possessive { kAny, kWithS, kApostrophe };
// `word` without the first of those endings it ends with (none: `word`).
// When `keep_whole`, an ending that is all of `word` is not removed ("'s"
// stays "'s"); otherwise it is ("'s" → "").
std::string_view WithoutPossessive(std::string_view word, Possessive which, bool keep_whole);

// Code points in `bytes` (valid UTF-8): the bytes that do not continue one
// (counted eight bytes at a time; any bytes are counted that way).
std::size_t CountCodepoints(std::string_view bytes);

class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text);
  // Code-point offset of byte offset `byte` (which must be a character
  // boundary or text.size()).
  std::size_t ToCodepoint(std::size_t byte) const;

 private:
  static constexpr std::size_t kStep = 64;  // (a look-up counts fewer bytes than this)
  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;  // code points before byte k*kStep
};

}  // namespace whosaid::text
