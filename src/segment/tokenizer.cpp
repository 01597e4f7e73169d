#include "segment/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/spare_storage.h"
#include "core/text.h"

namespace whosaid::segment {
namespace {

// text::At with the one-byte case inline (text::NextInline): the lexer
// reads every character of the document, most of them ASCII.
char32_t CharAt(std::string_view s, std::size_t i) {
  return i < s.size() ? text::NextInline(s, i) : 0;
}

bool IsLetterOrDigit(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) > 0 ||
         u_charType(static_cast<UChar32>(c)) == U_MODIFIER_LETTER ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool IsAlpha(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}
// ‘ too: written for ’ (Syria‘s) when the scanner did not take it for a mark.
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsSentenceEnd(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool IsCloser(char32_t c) { return c == ')' || c == ']'; }
// Blank or a line break between tokens: IsBlank (paragraphs.h) with its
// one-byte answers inline (the lexer asks at every token).
bool IsSpaceAt(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  return IsBlank(c);
}

// Copies the n bytes at src to dst with their ASCII letters lower-cased
// when none of them is above 0x7F; false otherwise (dst then unspecified).
// Eight bytes at a time (overlapping loads for the tail: lower-casing twice
// changes nothing); every byte is read before any is written, so src may be
// dst (in place). Inline: the tokenizer calls it once per token.
inline bool CopyLowerAscii(char* dst, const char* src, std::size_t n) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  auto lower8 = [](std::uint64_t x) {
    // each byte < 0x80: the high bit of x + (0x80 - 'A') marks bytes >= 'A',
    // of x + (0x80 - 'Z' - 1) bytes > 'Z' (no carry crosses a byte)
    const std::uint64_t ge_a = x + kOnes * (0x80 - 'A');
    const std::uint64_t gt_z = x + kOnes * (0x80 - 'Z' - 1);
    return x | (((ge_a ^ gt_z) & kHigh) >> 2);
  };
  if (n >= 8) {
    std::uint64_t all = 0;
    for (std::size_t k = 0; k + 8 <= n; k += 8) {
      std::uint64_t x;
      std::memcpy(&x, src + k, 8);
      all |= x;
    }
    std::uint64_t last;
    std::memcpy(&last, src + n - 8, 8);
    if ((all | last) & kHigh) return false;
    for (std::size_t k = 0; k + 8 <= n; k += 8) {
      std::uint64_t x;
      std::memcpy(&x, src + k, 8);
      x = lower8(x);
      std::memcpy(dst + k, &x, 8);
    }
    last = lower8(last);
    std::memcpy(dst + n - 8, &last, 8);
    return true;
  }
  if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, src, 4);
    std::memcpy(&b, src + n - 4, 4);
    std::uint64_t x = a | std::uint64_t{b} << 32;
    if (x & kHigh) return false;
    x = lower8(x);
    a = static_cast<std::uint32_t>(x);
    b = static_cast<std::uint32_t>(x >> 32);
    std::memcpy(dst + n - 4, &b, 4);
    std::memcpy(dst, &a, 4);
    return true;
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (static_cast<unsigned char>(src[k]) >= 0x80) return false;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const char c = src[k];
    dst[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return true;
}

// The word loop's question about a byte, one table load: an ASCII letter
// or digit (kWordByte), a letter (kLetterByte), upper case (kUpperByte); 0
// for every other byte, and for each byte above 0x7F.
constexpr std::uint8_t kWordByte = 1, kLetterByte = 2, kUpperByte = 4;
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kWordByte;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWordByte | kLetterByte;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWordByte | kLetterByte | kUpperByte;
  return t;
}();

// The run of ASCII letters and digits at bytes[i, end): where it ends, how
// many letters it has and whether one is lower case. Eight bytes at a time
// while eight remain before `end` (SWAR, one 64-bit word: most words end
// within the first), then one byte at a time. With kWriteLowered the run's
// bytes are written at `low` lowered (A–Z to a–z), and up to 8 bytes after
// them may be written too (the caller's buffer has room: Lexer::AddWords).
// (A template argument: the word loop's call tests no pointer.)
static_assert(std::endian::native == std::endian::little,
              "ReadAsciiRun reads byte 0 as the lowest of a 64-bit word");
struct AsciiRun {
  std::size_t end;
  int letters;
  bool lower;  // a lower-case letter among them
};
template <bool kWriteLowered>
inline AsciiRun ReadAsciiRun(const char* bytes, std::size_t i, std::size_t end,
                             [[maybe_unused]] char* low) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const std::size_t from = i;
  int letters = 0;
  std::uint64_t lower = 0;
  while (i + 8 <= end) {
    std::uint64_t x;
    std::memcpy(&x, bytes + i, 8);
    const std::uint64_t y = x & ~kHigh;  // (7 bits a byte: no carry between bytes below)
    // the high bit of each byte of v in [lo, hi] (v's bytes below 0x80)
    auto in = [](std::uint64_t v, unsigned lo, unsigned hi) {
      return (v + kOnes * (0x80 - lo)) & ~(v + kOnes * (0x7F - hi));
    };
    // (a letter of either case: its byte with 0x20 set is in a–z; & ~x: not ASCII)
    const std::uint64_t letter = in(y | kOnes * 0x20, 'a', 'z') & ~x & kHigh;
    const std::uint64_t word = letter | (in(y, '0', '9') & ~x & kHigh);
    const std::uint64_t stop = ~word & kHigh;              // the bytes past the run
    const std::uint64_t run = (stop - 1) & ~stop & kHigh;  // the run's bytes among the eight
    // (a byte's high bit to its low, summed into the top byte: no popcount
    // instruction is assumed)
    letters += static_cast<int>((((letter & run) >> 7) * kOnes) >> 56);
    lower |= letter & run & (x << 2);  // (a letter is lower case when its 0x20 bit is set)
    if constexpr (kWriteLowered) {
      // (0x80 → 0x20: A–Z to a–z; letters past the run too, in the room the
      // next token overwrites)
      const std::uint64_t lowered = x | (letter >> 2);
      std::memcpy(low + (i - from), &lowered, 8);
    }
    if (stop != 0)
      return {i + (static_cast<std::size_t>(std::countr_zero(stop)) >> 3), letters, lower != 0};
    i += 8;
  }
  for (; i < end; ++i) {
    const std::uint8_t cls = kByteClass[static_cast<unsigned char>(bytes[i])];
    if (!cls) break;
    letters += (cls & kLetterByte) != 0;
    lower |= (cls & (kLetterByte | kUpperByte)) == kLetterByte;
    if constexpr (kWriteLowered)
      low[i - from] = static_cast<char>(bytes[i] | ((cls & kUpperByte) ? 0x20 : 0));
  }
  return {i, letters, lower != 0};
}

// Writes the lower case of the n bytes at src to dst when they are ASCII
// and characters of U+2000–U+203F (dashes, quotation marks, the ellipsis:
// most non-ASCII tokens, and the ’ of most possessives), and returns the
// bytes written (at most n); npos for any other byte (dst then
// unspecified). The same bytes as AppendLower, without decoding: no
// character of that block has a lower case of its own, and ’ ‘ become '.
std::size_t LowerPunctuation(char* dst, const char* src, std::size_t n) {
  std::size_t out = 0;
  for (std::size_t k = 0; k < n;) {
    const auto b = static_cast<unsigned char>(src[k]);
    if (b < 0x80) {
      dst[out++] = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b);
      ++k;
      continue;
    }
    if (b != 0xE2 || k + 3 > n || static_cast<unsigned char>(src[k + 1]) != 0x80)
      return std::string::npos;
    const auto last = static_cast<unsigned char>(src[k + 2]);
    if (last < 0x80 || last > 0xBF) return std::string::npos;  // (not UTF-8: AppendLower)
    if (last == 0x98 || last == 0x99) {                        // U+2018, U+2019
      dst[out++] = '\'';
    } else {
      dst[out++] = src[k];
      dst[out++] = src[k + 1];
      dst[out++] = src[k + 2];
    }
    k += 3;
  }
  return out;
}

// CopyLowerAscii in place: p unchanged when it returns false.
bool LowerAsciiInPlace(char* p, std::size_t n) { return CopyLowerAscii(p, p, n); }

class Lexer {
 public:
  Lexer(std::string_view text, const std::vector<std::size_t>& marks, const Tokenizer& tokenizer,
        Tokens& out)
      : text_(text),
        marks_(marks),
        tokenizer_(tokenizer),
        out_(out),
        next_mark_(marks.empty() ? kNoMark : marks.front()) {
    // (8 bytes of room past the text: ReadAsciiRun writes a word's lowered
    // bytes eight at a time)
    out_.lowered.resize(text.size() + 8);
  }

  // Appends the tokens of [span) to out.tokens, each token's lower case to
  // out.lowered as it is made (Tokens::Lowered; Finish ends them).
  void Run(Span span, std::uint32_t para) {
    std::size_t i = span.begin;
    end_ = span.end;
    while (i < end_) {
      const auto first = static_cast<unsigned char>(text_[i]);
      if (first == ' ') {  // (the usual byte between tokens)
        ++i;
        continue;
      }
      // A word starts at a letter or digit that is no quote mark. (Most
      // tokens start with an ASCII one: no blank, no apostrophe, answered
      // without decoding.)
      if (!(kByteClass[first] & kWordByte)) {
        std::size_t j = i;
        const char32_t c = text::NextInline(text_, j);
        if (IsSpaceAt(c)) {
          i = j;
          continue;
        }
        if (IsMark(i) || !IsLetterOrDigit(c)) {
          // (an ASCII byte here is no letter, digit or blank: unless it is a
          // quote mark or an apostrophe, which may be a possessive, it is a
          // punctuation token of one byte, its own lower case — AddOther's
          // answer, made here without a call and a copy)
          if (c < 0x80 && c != '\'' && at_ < out_.lowered.size() && !IsMark(i)) {
            Token& t = out_.tokens.emplace_back();
            t.paragraph = para;
            t.kind = TokenKind::kPunct;
            t.span = {i, j};
            out_.lowered_at.push_back(at_);
            out_.lowered[at_++] = static_cast<char>(c);
            i = j;
            continue;
          }
          i = AddOther(i, j, c, para);
          continue;
        }
      } else if (IsMark(i)) {
        i = AddOther(i, i + 1, first, para);
        continue;
      }
      i = AddWords(i, para);
    }
  }

  // The word at byte i (a letter or digit, no quote mark) and the words
  // after it while each is plain and the next follows one blank; returns
  // the end of the last. A plain word is one run of ASCII letters and
  // digits ending at a blank, the end of the span, or — after a letter — a
  // comma (WordEnd's first run and its first stop, with Classify's ASCII
  // answers), its run written lowered as it is read: most words. The loop
  // keeps the lexer's state in locals (the lowered bytes are char stores,
  // which would make members be read again after each), and relies on:
  // - room: at - i never grows here (a plain word's lower case is as long
  //   as it; the blank writes nothing), so the room for the first word's
  //   bytes and 8 more is room for every later one's;
  // - marks: IsMark(i) was false, so after_mark_ <= i < next_mark_ and no
  //   byte before next_mark_ is one (IsMark would answer so, unmoved).
  // Any other word (another byte after the run: - . ' a comma after digits
  // alone, other punctuation, one above 0x7F; or a first byte above 0x7F,
  // an empty run) goes on in AddWord from that run.
  std::size_t AddWords(std::size_t i, std::uint32_t para) {
    const char* const bytes = text_.data();
    const std::size_t end = end_;
    std::size_t at = at_;
    // (room for the word's bytes and 8 more: never short unless a lower case
    // before was longer than its token, AppendLower)
    if (at + (end - i) + 8 > out_.lowered.size())
      return AddWord(i, ReadAsciiRun<false>(bytes, i, end, nullptr), false, para);
    char* const low = out_.lowered.data();
    std::vector<Token>& tokens = out_.tokens;
    std::vector<std::size_t>& lowered_at = out_.lowered_at;
    const std::size_t next_mark = next_mark_;
    const int all_caps_letters = tokenizer_.config().all_caps_letters;
    for (;;) {
      const AsciiRun run = ReadAsciiRun<true>(bytes, i, end, low + at);
      const std::size_t e = run.end;
      if (e < end && bytes[e] != ' ' && !(bytes[e] == ',' && run.letters > 0)) {
        at_ = at;
        return AddWord(i, run, true, para);
      }
      // (made from its fields at once; braces: clang 14 has no aggregate
      // initialisation from parentheses, as emplace_back's arguments would ask)
      Token& t =
          tokens.emplace_back(Token{Span{i, e}, TokenKind::kWord, false, false, false, para});
      ClassifyAscii(t, bytes[i], run.letters, run.lower, all_caps_letters);
      lowered_at.push_back(at);
      at += e - i;
      i = e;
      if (i + 1 >= end || bytes[i] != ' ' ||
          !(kByteClass[static_cast<unsigned char>(bytes[i + 1])] & kWordByte) || i + 1 >= next_mark)
        break;
      ++i;
    }
    at_ = at;
    return i;
  }

  // The word at byte i whose first run of ASCII letters and digits `run`
  // is (written lowered when `lowered`), through WordEnd; returns its end.
  std::size_t AddWord(std::size_t i, AsciiRun run, bool lowered, std::uint32_t para) {
    Token& t = out_.tokens.emplace_back();  // (made in place, not copied)
    t.paragraph = para;
    WordShape shape;
    t.span = {i, WordEnd(i, run, lowered, shape)};
    Classify(t, shape);
    out_.lowered_at.push_back(at_);
    if (lowered && shape.lowered == t.span.end)
      at_ += t.span.size();  // (written lowered by WordEnd)
    else
      Lower(t.span);
    return t.span.end;
  }

  // The token at byte i that is no word: a quote mark, a possessive, or
  // any other character (c, ending at byte j), appended with its lower
  // case; returns its end.
  std::size_t AddOther(std::size_t i, std::size_t j, char32_t c, std::uint32_t para) {
    std::vector<Token>& out = out_.tokens;
    Token t;
    t.paragraph = para;
    if (IsMark(i)) {
      t.kind = TokenKind::kQuote;
      t.span = {i, j};
    } else if (IsApostrophe(c) && !out.empty() && out.back().span.end == i &&
               out.back().kind == TokenKind::kWord) {
      t.kind = TokenKind::kPossessive;
      t.span = {i, PossessiveEnd(i, j)};
    } else {
      t.kind = TokenKind::kPunct;
      t.span = {i, j};
    }
    out.push_back(t);
    out_.lowered_at.push_back(at_);
    Lower(t.span);
    return t.span.end;
  }

  // Closes Tokens::lowered after the last token.
  void Finish() {
    out_.lowered_at.push_back(at_);
    out_.lowered.resize(at_);
  }

 private:
  // Whether byte i is a quote mark. The lexer asks in text order, so a
  // cursor walks the sorted marks; a position before it searches again.
  // (The cursor's neighbours are kept as positions, so that a byte between
  // them — most bytes asked — is answered by two comparisons: the cursor
  // would not move, and marks_[mark_] == i is i == next_mark_.)
  bool IsMark(std::size_t i) const {
    if (after_mark_ <= i && i <= next_mark_) return i == next_mark_;
    if (mark_ > 0 && marks_[mark_ - 1] >= i)
      mark_ = static_cast<std::size_t>(std::lower_bound(marks_.begin(), marks_.end(), i) -
                                       marks_.begin());
    while (mark_ < marks_.size() && marks_[mark_] < i) ++mark_;
    after_mark_ = mark_ > 0 ? marks_[mark_ - 1] + 1 : 0;
    next_mark_ = mark_ < marks_.size() ? marks_[mark_] : kNoMark;
    return mark_ < marks_.size() && marks_[mark_] == i;
  }

  // ’s followed by a non-letter is one possessive token; otherwise the lone ’.
  std::size_t PossessiveEnd(std::size_t i, std::size_t after) const {
    if (after < end_ && (text_[after] == 's' || text_[after] == 'S')) {
      char32_t n = CharAt(text_, after + 1);
      if (after + 1 >= end_ || !IsLetterOrDigit(n)) return after + 1;
    }
    (void)i;
    return after;
  }

  // What WordEnd saw of a word's letters, for Classify: the ASCII letters
  // and whether one is lower case; `ascii` false once it read a byte above
  // 0x7F.
  struct WordShape {
    int letters = 0;
    bool lower = false;
    bool ascii = true;
    bool hyphen = false;  // an ASCII '-' inside (Token::hyphen)
    // the end of the word's first run of ASCII letters and digits, when it
    // starts the word and was written lowered (WordEnd's `low`); 0 if not
    std::size_t lowered = 0;
  };

  // The end of the word at `start`, whose first run of ASCII letters and
  // digits `run` is (ReadAsciiRun at start, read by Run: not read again);
  // `lowered`: that run was written lowered (shape.lowered is set).
  std::size_t WordEnd(std::size_t start, AsciiRun run, bool lowered, WordShape& shape) const {
    if (lowered) shape.lowered = run.end;
    std::size_t i = start;
    bool digits_only = true;
    const char* const bytes = text_.data();
    for (bool first = true;; first = false) {
      // (most bytes: a run of ASCII letters and digits, ReadAsciiRun)
      if (!first) {
        if (i >= end_) break;
        run = ReadAsciiRun<false>(bytes, i, end_, nullptr);
      }
      shape.letters += run.letters;
      shape.lower = shape.lower || run.lower;
      digits_only = digits_only && run.letters == 0;
      i = run.end;
      if (i >= end_) break;
      const auto b = static_cast<unsigned char>(bytes[i]);
      if (b == ' ') break;  // (the usual end: a blank joins nothing below)
      shape.ascii = shape.ascii && b < 0x80;
      std::size_t j = i;
      char32_t c = text::NextInline(text_, j);
      if (IsLetterOrDigit(c)) {
        if (!IsDigit(c)) digits_only = false;
        i = j;
        continue;
      }
      char32_t n = j < end_ ? CharAt(text_, j) : 0;
      if (IsHyphen(c) && IsLetterOrDigit(n)) {
        shape.hyphen = shape.hyphen || c == '-';
        i = j;
        continue;
      }
      if (digits_only && (c == ',' || c == '.') && IsDigit(n)) {
        i = j;
        continue;
      }
      if (IsApostrophe(c) && IsAlpha(n) && !IsMark(i) && !IsPossessiveS(j)) {
        i = j;
        continue;
      }
      if (c == '.' && IsDottedAbbrev(start, i, n)) {
        i = j;
        continue;
      }
      if (c == '.' && KeepsDot(start, i)) {
        i = j;
        break;
      }
      break;
    }
    return i;
  }

  // Mr. / Gen. / Dec. and initials (John F. Kennedy) keep their period.
  bool KeepsDot(std::size_t start, std::size_t dot) const {
    std::string_view w = text_.substr(start, dot - start);
    std::size_t k = 0;
    char32_t c = text::NextInline(w, k);
    if (k == w.size() && IsUpper(c)) return true;
    return tokenizer_.WritesAbbreviation(w);
  }

  // After an apostrophe at j: "s" then a non-letter (a possessive, split off).
  bool IsPossessiveS(std::size_t j) const {
    if (j >= end_ || (text_[j] != 's' && text_[j] != 'S')) return false;
    return j + 1 >= end_ || !IsLetterOrDigit(CharAt(text_, j + 1));
  }

  // U.S. / U.N. / e.g.: single letters separated by dots.
  bool IsDottedAbbrev(std::size_t start, std::size_t dot, char32_t next) const {
    std::size_t len = dot - start;
    char before = len >= 2 ? text_[dot - 2] : 0;  // a lone letter: D-S.C. / U.S.
    bool single = len == 1 || (len >= 3 && (before == '.' || before == '-'));
    if (!single || !IsAlpha(CharAt(text_, dot - 1))) return false;
    if (IsAlpha(next)) {
      char32_t after = CharAt(text_, dot + 2);
      return after == '.' || !IsLetterOrDigit(after);
    }
    return len >= 3;  // the final dot of U.S.
  }

  // Kind and case of an ASCII word token (first byte `first`) from what
  // WordEnd (or AddWords' first run) saw: its letters and whether one is
  // lower case.
  static void ClassifyAscii(Token& t, char first, int letters, bool lower, int all_caps_letters) {
    if (IsDigit(static_cast<unsigned char>(first))) {
      t.kind = letters > 0 ? TokenKind::kWord : TokenKind::kNumber;
      return;
    }
    t.kind = TokenKind::kWord;
    t.cap = first >= 'A' && first <= 'Z';
    t.all_caps = letters >= all_caps_letters && !lower;
  }

  // Kind and case of a word token; an ASCII one from its WordShape (the
  // same answers without reading it again).
  void Classify(Token& t, const WordShape& shape) const {
    t.hyphen = shape.hyphen;
    if (shape.ascii) {
      ClassifyAscii(t, text_[t.span.begin], shape.letters, shape.lower,
                    tokenizer_.config().all_caps_letters);
      return;
    }
    std::size_t i = t.span.begin;
    char32_t c = text::NextInline(text_, i);
    if (IsDigit(c)) {
      t.kind = TokenKind::kNumber;
      for (std::size_t k = t.span.begin; k < t.span.end;) {
        if (IsAlpha(text::NextInline(text_, k))) {
          t.kind = TokenKind::kWord;
          break;
        }
      }
      return;
    }
    t.kind = TokenKind::kWord;
    t.cap = IsUpper(c);
    int letters = 0, upper = 0;
    for (std::size_t k = t.span.begin; k < t.span.end;) {
      char32_t d = text::NextInline(text_, k);
      if (IsAlpha(d)) {
        ++letters;
        upper += IsUpper(d);
      }
    }
    t.all_caps = letters >= tokenizer_.config().all_caps_letters && upper == letters;
  }

  // Appends the lower case of the token at `span` to out_.lowered: ASCII
  // lowered in place of the copy, else through LowerPunctuation when it
  // can, else AppendLower.
  void Lower(Span span) {
    std::string& low = out_.lowered;
    const char* src = text_.data() + span.begin;
    const std::size_t n = span.size();
    if (at_ + n <= low.size() && CopyLowerAscii(low.data() + at_, src, n)) {
      at_ += n;
      return;
    }
    if (at_ + n <= low.size()) {
      const std::size_t m = LowerPunctuation(low.data() + at_, src, n);
      if (m != std::string::npos) {
        at_ += m;
        return;
      }
    }
    wide_.clear();
    AppendLower(wide_, std::string_view(src, n));
    if (at_ + wide_.size() + 8 > low.size()) low.resize(at_ + wide_.size() + 8);
    std::memcpy(low.data() + at_, wide_.data(), wide_.size());
    at_ += wide_.size();
  }

  std::string_view text_;
  const std::vector<std::size_t>& marks_;
  const Tokenizer& tokenizer_;
  Tokens& out_;
  std::size_t at_ = 0;  // the end of the tokens' lower case in out_.lowered
  std::string wide_;    // (Lower's buffer for AppendLower)
  std::size_t end_ = 0;
  mutable std::size_t mark_ = 0;  // IsMark's cursor: marks_[mark_ - 1] < the last byte asked
  // marks_[mark_ - 1] + 1 (0 when mark_ is 0), and marks_[mark_] (kNoMark
  // past the last): no byte is kNoMark (a text is smaller)
  static constexpr std::size_t kNoMark = static_cast<std::size_t>(-1);
  mutable std::size_t after_mark_ = 0;
  mutable std::size_t next_mark_;
};

}  // namespace

bool IsUpperAt(std::string_view word, std::size_t i) {
  return i < word.size() && IsUpper(CharAt(word, i));
}

std::string Lower(std::string_view word) {
  std::string out(word);
  if (LowerAsciiInPlace(out.data(), out.size())) return out;
  out.clear();
  AppendLower(out, word);
  return out;
}

void AppendLower(std::string& out, std::string_view word) {
  // ASCII in place (most words are), else ASCII and General Punctuation
  // (LowerPunctuation: ’s, “, —), else code point by code point from the
  // first byte that is not ASCII.
  const std::size_t base = out.size();
  out.append(word);
  if (LowerAsciiInPlace(out.data() + base, word.size())) return;
  if (const std::size_t n = LowerPunctuation(out.data() + base, word.data(), word.size());
      n != std::string::npos) {
    out.resize(base + n);
    return;
  }
  std::size_t i = 0;
  while (i < word.size() && static_cast<unsigned char>(word[i]) < 0x80) {
    const char b = word[i];
    out[base + i] = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b;
    ++i;
  }
  out.resize(base + i);
  while (i < word.size()) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    char32_t c = text::Next(word, i);
    if (c == 0x2019 || c == 0x2018) c = '\'';
    text::Append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
}

Tokenizer::Tokenizer(const TokenizerConfig& config, const rules::RuleSet& rules) : config_(config) {
  const auto& file = rules.File("abbreviations.txt");
  for (const auto& line : file.lines()) {
    if (line.text.find(' ') != std::string::npos)
      throw file.Error(line, "one abbreviation per line");
    const std::string lower = Lower(line.text);
    abbreviations_.Insert(lower);
    longest_abbreviation_ = std::max(longest_abbreviation_, lower.size());
  }
}

bool Tokenizer::WritesAbbreviation(std::string_view word) const {
  // (Lower keeps an ASCII word's length and makes no character shorter than
  // a quarter of its bytes: a word too long for every abbreviation is not
  // lower-cased and looked up, as most words before a full stop are.)
  if (word.size() > 4 * longest_abbreviation_) return false;
  // (an ASCII word no longer than the longest: lower-cased on the stack, as
  // Lower would, and looked up without a string)
  char lower[32];
  if (word.size() <= longest_abbreviation_ && word.size() <= sizeof lower &&
      CopyLowerAscii(lower, word.data(), word.size()))
    return IsAbbreviation(std::string_view(lower, word.size()));
  if (word.size() > longest_abbreviation_ &&
      std::none_of(word.begin(), word.end(), [](char c) { return c & 0x80; }))
    return false;
  return IsAbbreviation(Lower(word));
}

bool Tokenizer::IsAbbreviation(std::string_view lower_word) const {
  return abbreviations_.Contains(lower_word);
}

namespace {

struct SentenceSplitter {
  const Tokenizer& tokenizer;
  std::string_view text;
  const std::vector<Span>& quotes;

  char32_t First(const Token& t) const { return CharAt(text, t.span.begin); }

  // A quotation starts at pos ("plan.“No amount…": the mark opens, it
  // does not close the sentence before it).
  bool OpensQuote(std::size_t pos) const {
    auto it = std::lower_bound(quotes.begin(), quotes.end(), pos,
                               [](const Span& s, std::size_t p) { return s.begin < p; });
    return it != quotes.end() && it->begin == pos;
  }

  bool InsideQuote(std::size_t pos, std::size_t& q) const {
    while (q < quotes.size() && quotes[q].end <= pos) ++q;
    return q < quotes.size() && quotes[q].begin < pos && pos < quotes[q].end - 1;
  }

  bool EndsAbbreviation(const std::vector<Token>& toks, std::size_t dot) const {
    // A word that is an abbreviation or an initial keeps a full stop
    // written right after it (Lexer::KeepsDot, asked of the same bytes):
    // a '.' token after a word says the word is neither, unread.
    if (text[toks[dot].span.begin] == '.') return false;
    if (dot == 0 || toks[dot - 1].kind != TokenKind::kWord ||
        toks[dot - 1].span.end != toks[dot].span.begin) {
      return false;
    }
    std::string_view w = text.substr(toks[dot - 1].span.begin, toks[dot - 1].span.size());
    std::size_t k = 0;
    char32_t c = text::NextInline(w, k);
    if (k == w.size() && IsUpper(c)) return true;  // an initial
    return tokenizer.WritesAbbreviation(w);
  }

  bool StartsSentence(const Token& t) const {
    if (t.kind == TokenKind::kQuote || t.kind == TokenKind::kNumber) return true;
    if (t.kind == TokenKind::kWord) return t.cap;
    char32_t c = First(t);
    return c == '(' || c == '[' || c == 0x2022 || c == '-' || c == 0x2014;
  }

  void Run(Tokens& out) const {
    auto& toks = out.tokens;
    std::size_t q = 0, start = 0;
    // one past the last token of toks[i]'s paragraph (Tokens::paragraph_first:
    // not asked of each token's neighbour)
    std::size_t para_end = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (i >= para_end) para_end = out.paragraph_first[toks[i].paragraph + 1];
      bool boundary = i + 1 == para_end;
      if (!boundary && toks[i].kind == TokenKind::kPunct && IsSentenceEnd(First(toks[i])) &&
          !EndsAbbreviation(toks, i)) {
        std::size_t j = i + 1;  // closing marks and brackets belong to this sentence
        while (j < toks.size() && toks[j].paragraph == toks[i].paragraph &&
               toks[j].span.begin == toks[j - 1].span.end &&  // attached: a closing mark
               ((toks[j].kind == TokenKind::kQuote && !OpensQuote(toks[j].span.begin)) ||
                (toks[j].kind == TokenKind::kPunct && IsCloser(First(toks[j]))))) {
          ++j;
        }
        if (j >= toks.size() || toks[j].paragraph != toks[i].paragraph) {
          i = j - 1;
          boundary = true;
        } else if (StartsSentence(toks[j]) && !InsideQuote(toks[j].span.begin, q)) {
          i = j - 1;
          boundary = true;
        }
      }
      if (boundary) {
        for (std::size_t k = start; k <= i; ++k)
          toks[k].sentence = static_cast<std::uint32_t>(out.sentences.size());
        out.sentences.push_back({start, i + 1});
        start = i + 1;
      }
    }
  }
};

}  // namespace

namespace {

// The storage of the last Tokens a thread let go, reused by the thread's next
// Tokenizer::Run: a document's tokens, their lower case and its offsets
// were fresh allocations each, whose pages were first touched (and faulted
// in) again. Only the capacity is reused: each is given back empty and
// filled anew. Storage for more than kKeptTokens tokens is let go, so what
// a thread keeps is bounded, not the largest document's.
struct Spare {
  std::vector<Token> tokens;
  std::vector<std::size_t> lowered_at;
  std::string lowered;
};
thread_local Spare spare;
constexpr std::size_t kKeptTokens = std::size_t{1} << 15;

}  // namespace

Tokens::~Tokens() {
  KeepStorage(tokens, spare.tokens, kKeptTokens);
  KeepStorage(lowered_at, spare.lowered_at, kKeptTokens);
  KeepStorage(lowered, spare.lowered, kKeptTokens * 8);
}

Tokens Tokenizer::Run(std::string_view text, const std::vector<Paragraph>& paragraphs,
                      const std::vector<std::size_t>& quote_marks,
                      const std::vector<Span>& quote_spans) const {
  Tokens out;
  // (empty when kept: the spares are left empty)
  out.tokens.swap(spare.tokens);
  out.lowered_at.swap(spare.lowered_at);
  out.lowered.swap(spare.lowered);
  out.tokens.reserve(text.size() / 5 + 8);
  out.lowered_at.reserve(text.size() / 5 + 9);
  // The tokens' lower case is written as each is made (Lexer::Run), one
  // after another in one buffer (never much more than the text).
  Lexer lexer(text, quote_marks, *this, out);
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    out.paragraph_first.push_back(out.tokens.size());
    lexer.Run(paragraphs[p].span, static_cast<std::uint32_t>(p));
  }
  out.paragraph_first.push_back(out.tokens.size());
  lexer.Finish();
  SentenceSplitter{*this, text, quote_spans}.Run(out);
  return out;
}

}  // namespace whosaid::segment
