#include "claims/terms.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/flat_map.h"
#include "core/text.h"
#include "core/view_hash.h"
#include "events/words.h"

namespace whosaid::claims {
namespace {

// ASCII first: these run on every character of every document.
bool IsAsciiAlpha(char32_t c) { return (c | 0x20) >= U'a' && (c | 0x20) <= U'z'; }
bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(c) || (c >= U'0' && c <= U'9');
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) > 0;
}
bool IsAlpha(char32_t c) { return c < 0x80 ? IsAsciiAlpha(c) : u_isalpha(static_cast<UChar32>(c)); }
char32_t ToLower(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z' ? c + 32 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}
bool IsBlank(char32_t c) {
  if (c < 0x80)
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v';
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}
bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019'; }
bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= U'A' && c <= U'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
// Characters after which the next word starts a sentence (or a quotation).
bool EndsSentence(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U':' || c == U'\n' || c == U'"' ||
         c == U'\u201C' || c == U'\u2018' || c == U'\u00AB' || c == U'(' || c == U'[' ||
         c == U'\u2014';
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

std::size_t ParseCount(const rules::RuleFile& file, const rules::RuleLine& line,
                       const std::string& field) {
  if (field.empty() ||
      !std::all_of(field.begin(), field.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw file.Error(line, "expected a number, got '" + field + "'");
  }
  return static_cast<std::size_t>(std::stoul(field));
}

}  // namespace

namespace {

// ScanWords' classes of a byte below 0x80 (0 for the bytes of longer
// characters, decoded instead): a table look-up per byte, not a chain of
// compares.
enum : unsigned char {
  kDigitByte = 1,
  kUpperByte = 2,
  kLowerByte = 4,
  kWordByte = kDigitByte | kUpperByte | kLowerByte,
  kBlankByte = 8,      // IsBlank
  kSentenceByte = 16,  // EndsSentence
  // A byte that may go on a word after its letters and digits: ' - , .
  // (joiners) and every byte of a longer character (0x80 and above, decoded)
  kGoesOnByte = 32
};
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitByte;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpperByte;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLowerByte;
  for (const char c : {' ', '\t', '\n', '\r', '\f', '\v'})
    t[static_cast<unsigned char>(c)] |= kBlankByte;
  for (const char c : {'.', '!', '?', ':', '\n', '"', '(', '['})
    t[static_cast<unsigned char>(c)] |= kSentenceByte;
  for (const char c : {'\'', '-', ',', '.'}) t[static_cast<unsigned char>(c)] |= kGoesOnByte;
  for (int c = 0x80; c < 0x100; ++c) t[c] |= kGoesOnByte;
  return t;
}();

// The ASCII letters and digits at the start of 8 bytes (SWAR, one 64-bit
// word): how many (0–8), how many of them are digits and upper case, and
// the bytes with those upper-case letters lowered (the bytes past the run
// are the input's). Little-endian: byte 0 is the first.
static_assert(std::endian::native == std::endian::little,
              "ReadAsciiRun8 reads byte 0 as the lowest of the word");
struct AsciiRun8 {
  std::uint64_t lowered = 0;
  int length = 0, digits = 0, uppers = 0;
};
AsciiRun8 ReadAsciiRun8(const char* at) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  std::uint64_t x;
  std::memcpy(&x, at, 8);
  const std::uint64_t y = x & ~kHigh;  // (7 bits a byte: no carry between bytes below)
  // high bit of each byte of v (7 bits a byte) in [lo, hi]
  auto in = [](std::uint64_t v, unsigned lo, unsigned hi) {
    return ((v + kOnes * (0x80 - lo)) & ~(v + kOnes * (0x7F - hi))) & kHigh;
  };
  // A letter is a byte whose bit 5 set makes it a–z (A–Z, a–z: two ranges
  // in one); an upper-case one has that bit clear (bit 5 moved to bit 7).
  const std::uint64_t digit = in(y, '0', '9'), letter = in(y | kOnes * 0x20, 'a', 'z');
  const std::uint64_t upper = letter & ~(y << 2);
  const std::uint64_t word = (digit | letter) & ~x;  // (& ~x: not ASCII)
  const std::uint64_t stop = ~word & kHigh;          // the bytes past the run
  AsciiRun8 r;
  r.length = stop == 0 ? 8 : __builtin_ctzll(stop) >> 3;
  const std::uint64_t run = stop == 0 ? kHigh : ((stop & (0 - stop)) - 1) & kHigh;
  // (a byte's high bit to its low, summed into the top byte: no popcount
  // instruction is assumed)
  auto count = [](std::uint64_t high) { return static_cast<int>(((high >> 7) * kOnes) >> 56); };
  r.digits = count(digit & run);
  r.uppers = count(upper & run);
  r.lowered = x | ((upper & run) >> 2);  // 0x80 → 0x20: A–Z to a–z
  return r;
}

// ScanWords' reading of a character of a word other than an ASCII run's:
// written at `at` lowered (’ as '; valid UTF-8: at most 3 bytes for one of
// 2 or 3, 4 for one of 4), `at` moved past it; 1 for a letter, 3 for an
// upper-case one, else 0.
int TakeChar(char32_t ch, char*& at) {
  int kind = 0;
  if (IsAlpha(ch)) kind = IsUpper(ch) ? 3 : 1;
  const char32_t c = ch < 0x80 ? ToLower(ch) : IsApostrophe(ch) ? U'\'' : ToLower(ch);
  if (c < 0x80) {
    *at++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *at++ = static_cast<char>(0xC0 | (c >> 6));
    *at++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *at++ = static_cast<char>(0xE0 | (c >> 12));
    *at++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *at++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *at++ = static_cast<char>(0xF0 | (c >> 18));
    *at++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *at++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *at++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return kind;
}

bool StartsAfter(char32_t last) {
  return last < 0x80 ? (kByteClass[last] & kSentenceByte) != 0 : EndsSentence(last);
}

}  // namespace

namespace {

// ScanWords (kFlags) and ScanWordsBare (no sentence_start, all_caps nor
// digit: neither the last character before a word nor the letters' case
// or digits are kept).
// (into `out`, emptied first: its storage kept; kFilter: the numbers of the
// words that pass *filter into *passing, emptied first)
template <bool kFlags, bool kFilter = false>
void Scan(std::string_view text, bool split_hyphens, WordLetters& into, std::vector<RawWord>& out,
          const FirstByteSizes* filter = nullptr, std::vector<std::uint32_t>* passing = nullptr) {
  out.clear();
  if (kFilter) passing->clear();
  out.reserve(text.size() / 6 + 1);  // about a word per 6 bytes of news: no moves as it grows
  const std::size_t n = text.size();
  // The words' letters one after another: a character's lower case takes at
  // most 3/2 of its bytes (TakeChar), and a run writes 8 bytes (keeping
  // those of its length): n * 3/2 and 8 spare bytes always hold them.
  char* at = into.Reserve(n + n / 2 + 16);
  std::size_t i = 0;
  char32_t last = U'\n';  // the last non-blank character before a word
  while (i < n) {
    const std::size_t start = i;
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t c = b;
    if (b < 0x80) {
      // (an ASCII first character is read by the first run below)
      const unsigned cls = kByteClass[b];
      if ((cls & kWordByte) == 0) {
        if (kFlags && ((cls & kBlankByte) == 0 || b == '\n')) last = b;
        ++i;
        continue;
      }
    } else {
      std::size_t j = i;  // (i itself not given by reference: kept in a register)
      c = text::Next(text, j);
      i = j;
      if (!IsWordChar(c)) {
        if (kFlags && !IsBlank(c)) last = c;
        continue;
      }
    }
    RawWord& w = out.emplace_back();
    char* const word_letters = at;
    w.span.begin = start;
    if (kFlags) w.sentence_start = StartsAfter(last);
    w.cap = IsUpper(c);
    int letters = 0, uppers = 0, digits = 0;
    std::size_t end = i;  // ASCII: at c (the run takes it); else past it
    // The word's last character so far, kept for `last` (ScanWords only; a
    // word character never ends a sentence). Whether it is a digit is read
    // from the byte before `end`: an ASCII character is that byte, and a
    // longer one (no digit) ends in a byte of 0x80 or above (no digit).
    char32_t prev = c;
    auto take = [&](char32_t ch) {
      const int kind = TakeChar(ch, at);  // (counts kept in registers)
      if (kFlags) {
        letters += kind & 1;
        uppers += kind >> 1;
      }
    };
    if (b >= 0x80) take(c);
    while (end < n) {
      // ASCII letters and digits, the most of any word, without decoding
      // (what take does for them): eight bytes at a time (AsciiRun8),
      // appended lowered as they are read; a byte at a time near the end
      const std::size_t run = end;
      for (;;) {
        if (end + 8 > n) {
          int run_digits = 0, run_uppers = 0;
          const std::size_t from = end;
          for (; end < n; ++end) {
            const unsigned cls = kByteClass[static_cast<unsigned char>(text[end])];
            if ((cls & kWordByte) == 0) break;
            run_digits += static_cast<int>(cls & kDigitByte);
            run_uppers += static_cast<int>((cls & kUpperByte) >> 1);
          }
          for (std::size_t k = from; k < end; ++k) {
            const auto l = static_cast<unsigned char>(text[k]);
            *at++ = static_cast<char>(static_cast<unsigned>(l - 'A') < 26u ? l + 32 : l);
          }
          if (kFlags) {
            letters += static_cast<int>(end - from) - run_digits;
            uppers += run_uppers;
            digits += run_digits;
          }
          break;
        }
        const AsciiRun8 r = ReadAsciiRun8(text.data() + end);
        if (r.length == 0) break;
        std::memcpy(at, &r.lowered, 8);  // (all 8: the bytes past the run are overwritten next)
        at += r.length;
        if (kFlags) {
          letters += r.length - r.digits;
          uppers += r.uppers;
          digits += r.digits;
        }
        end += r.length;
        if (r.length < 8) break;
      }
      if (kFlags && end > run) prev = static_cast<unsigned char>(text[end - 1]);
      if (end >= n) break;
      // an ASCII byte that neither continues nor may join a word: the word
      // ends (most words end so)
      if ((kByteClass[static_cast<unsigned char>(text[end])] & kGoesOnByte) == 0) break;
      std::size_t j = end;
      char32_t d = text::NextInline(text, j);
      if (IsWordChar(d)) {
        take(d);
        if (kFlags) prev = d;
        end = j;
        continue;
      }
      // An inner apostrophe, hyphen, or a separator between digits.
      bool joiner =
          IsApostrophe(d) || (!split_hyphens && d == U'-') ||
          (IsDigit(static_cast<unsigned char>(text[end - 1])) && (d == U',' || d == U'.'));
      if (!joiner || j >= n) break;
      std::size_t k = j;
      char32_t e = text::NextInline(text, k);
      bool ok = IsWordChar(e) && (!IsDigit(static_cast<unsigned char>(text[end - 1])) ||
                                  d == U'-' || IsApostrophe(d) || IsDigit(e));
      if (!ok) break;
      w.hyphen = w.hyphen || d == U'-';
      take(d);
      take(e);  // (the one ASCII character not read by a run: its digit counted here)
      if (kFlags) {
        prev = e;
        digits += IsDigit(e) ? 1 : 0;
      }
      end = k;
    }
    w.span.end = end;
    w.lower = std::string_view(word_letters, static_cast<std::size_t>(at - word_letters));
    // (a word is never empty: its first character is a word character)
    if (kFilter && filter->Passes(w.lower, w.hyphen)) {
      passing->push_back(static_cast<std::uint32_t>(out.size() - 1));
    }
    if (kFlags) {
      w.all_caps = letters >= 2 && uppers == letters;
      w.digit = digits > 0;
    }
    i = end;
    if (kFlags) last = prev;
  }
}

}  // namespace

std::vector<RawWord> ScanWords(std::string_view text, bool split_hyphens, WordLetters& into) {
  std::vector<RawWord> out;
  Scan<true>(text, split_hyphens, into, out);
  return out;
}

std::vector<RawWord> ScanWordsBare(std::string_view text, bool split_hyphens, WordLetters& into) {
  std::vector<RawWord> out;
  Scan<false>(text, split_hyphens, into, out);
  return out;
}

void ScanWordsBare(std::string_view text, bool split_hyphens, WordLetters& into,
                   std::vector<RawWord>& out) {
  Scan<false>(text, split_hyphens, into, out);
}

void ScanWordsBare(std::string_view text, bool split_hyphens, WordLetters& into,
                   std::vector<RawWord>& out, const FirstByteSizes& filter,
                   std::vector<std::uint32_t>& passing) {
  Scan<false, true>(text, split_hyphens, into, out, &filter, &passing);
}

namespace {

// The per-thread memos of TermKey and Spellings (TermLexicon is shared by
// the worker threads): a word's answer is computed once per thread, not once
// per use (news repeats its words: most look-ups find one). A memo belongs to
// one lexicon at a time (by serial number, not address: a lexicon may be made
// where another was) and is emptied when it holds kMaxKeys words.
//
// They are probed for every distinct word of every text (Spellings: of every
// direct quote), over tens of thousands of words: what costs is the cache
// misses, not the instructions. So a slot is 32 bytes (two to a cache line)
// and holds the word, one key and a flag inline (the key as a prefix of the
// word's bytes when it is one, as a stem or an unchanged spelling is, else
// after them): a probe reads one line, where a slot table with separate
// entries reads two or three. Anything else (a word and key of more than 23
// bytes together; Spellings' words of two keys or none) is kept aside as a
// `Spill` (a struct whose `word` is the word), the slot holding its index.
// Linear probing, at most three quarters full; the callers prefetch the
// slots of the words ahead (ScannedText).
template <class Spill>
class LineMemo {
 public:
  // What the memo holds for a word: its key and flag (a view valid until
  // the next Insert or Clear), or (spill set) its entry kept aside.
  struct Held {
    std::string_view key;
    bool flag = false;
    const Spill* spill = nullptr;
  };
  // What is held for `word` (hash = HashBytes(word)): true and `held` set, or false.
  bool Find(std::string_view word, std::uint64_t hash, Held& held) const {
    if (slots_.empty()) return false;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.state == kEmpty) return false;
      if (s.tag != tag) continue;
      if (s.state == kInline) {
        // (inline, memcmp's answer; an empty word's data(), maybe null, is not read)
        if (s.word_size == word.size() && SameBytes(s.bytes, word.data(), word.size())) {
          held = Held{std::string_view(s.bytes + s.key_at, s.key_size), s.flag != 0, nullptr};
          return true;
        }
      } else if (const Spill& e = spilled_[Spilled(s)]; e.word == word) {
        held = Held{{}, false, &e};
        return true;
      }
    }
  }
  // Adds `word` (absent): `key` and `flag` inline when `key` is given and
  // they fit, else make_spill() kept aside. Returns it as held (as Find's).
  template <class MakeSpill>
  Held Insert(std::string_view word, std::uint64_t hash, const std::string_view* key, bool flag,
              MakeSpill&& make_spill) {
    if (4 * (size_ + 1) > 3 * slots_.size()) Grow();
    ++size_;
    Slot s;
    s.tag = static_cast<std::uint32_t>(hash >> 32);
    if (key != nullptr && word.size() <= kBytes && key->size() <= word.size() &&
        word.compare(0, key->size(), *key) == 0) {
      s.state = kInline;  // the key a prefix of the word (or the word)
      s.key_at = 0;
    } else if (key != nullptr && word.size() + key->size() <= kBytes) {
      s.state = kInline;
      s.key_at = static_cast<std::uint8_t>(word.size());
      if (!key->empty()) std::memcpy(s.bytes + word.size(), key->data(), key->size());
    } else {
      s.state = kSpilled;
      const auto index = static_cast<std::uint32_t>(spilled_.size());
      std::memcpy(s.bytes, &index, sizeof index);
      spilled_.push_back(make_spill());
    }
    if (s.state == kInline) {
      s.word_size = static_cast<std::uint8_t>(word.size());
      s.key_size = static_cast<std::uint8_t>(key->size());
      s.flag = flag ? 1 : 0;
      if (!word.empty()) std::memcpy(s.bytes, word.data(), word.size());
    }
    const Slot& placed = slots_[Place(hash)] = s;
    if (placed.state != kInline) return Held{{}, false, &spilled_.back()};
    return Held{std::string_view(placed.bytes + placed.key_at, placed.key_size), flag, nullptr};
  }
  // Starts the fetch of `hash`'s first slot into the cache.
  void Prefetch(std::uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }
  void Clear() {
    slots_.clear();
    spilled_.clear();
    size_ = 0;
    mask_ = 0;
  }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t kBytes = 23;
  enum : std::uint8_t { kEmpty = 0, kInline = 1, kSpilled = 2 };
  struct alignas(32) Slot {
    std::uint32_t tag = 0;  // 32 bits of the word's HashBytes
    std::uint8_t state = kEmpty;
    std::uint8_t word_size = 0, key_size = 0, key_at = 0;  // kInline's: the key at bytes + key_at
    std::uint8_t flag = 0;                                 // kInline's
    char bytes[kBytes];  // kInline: the word's bytes (then the key's); kSpilled: the index
  };
  static_assert(sizeof(Slot) == 32);
  static std::uint32_t Spilled(const Slot& s) {
    std::uint32_t index;
    std::memcpy(&index, s.bytes, sizeof index);
    return index;
  }
  std::string_view Word(const Slot& s) const {
    return s.state == kInline ? std::string_view(s.bytes, s.word_size)
                              : std::string_view(spilled_[Spilled(s)].word);
  }
  // The free slot where `hash`'s probe ends.
  std::size_t Place(std::uint64_t hash) const {
    std::size_t i = hash & mask_;
    while (slots_[i].state != kEmpty) i = (i + 1) & mask_;
    return i;
  }
  // Doubles the slots (64 at first) and places every word again.
  void Grow() {
    std::vector<Slot> old(slots_.empty() ? 64 : 2 * slots_.size());
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.state != kEmpty) slots_[Place(HashBytes(Word(s)))] = s;
    }
  }

  std::vector<Slot> slots_;
  std::vector<Spill> spilled_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

// TermKey's memo: a word's key (no flag).
struct KeySpill {
  std::string word, key;
};
struct KeyMemo : LineMemo<KeySpill> {
  std::uint64_t owner = 0;
  std::string unkept;  // the last key computed while the lexicon was being built
};
thread_local KeyMemo key_memo;
constexpr std::size_t kMaxKeys = std::size_t{1} << 16;
// Spellings' memo: a word of one spelling key holds it and its content flag;
// any other number of keys is kept aside.
struct SpellingSpill {
  std::string word;
  std::vector<TermLexicon::Spelling> spellings;
};
struct SpellingMemo : LineMemo<SpellingSpill> {
  std::uint64_t owner = 0;
  std::vector<TermLexicon::Spelling> unkept;
};
thread_local SpellingMemo spelling_memo;
std::atomic<std::uint64_t> next_serial{1};

}  // namespace

TermLexicon::TermLexicon(const TermConfig& config, const rules::RuleSet& rules) : config_(config) {
  const rules::RuleFile& file = rules.File("claims/words.txt");
  std::vector<std::vector<std::string>> same_lines;
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    const std::string& kind = f[0];
    auto need = [&](std::size_t n) {
      if (f.size() != n)
        throw file.Error(line, kind + " takes " + std::to_string(n - 1) + " fields");
    };
    if (kind == "stop" || kind == "negation" || kind == "relation") {
      need(2);
      for (std::string& w : events::PhraseWords(f[1])) {
        (kind == "stop" ? stop_ : kind == "negation" ? negation_ : relation_).insert(w);
        if (kind != "relation") listed_.Add(w);
      }
    } else if (kind == "clitic") {
      if (f.size() == 2) f.emplace_back();
      need(3);
      clitics_.emplace_back(f[1], f[2]);
    } else if (kind == "form") {
      need(3);
      forms_[f[1]] = f[2];
      listed_.Add(f[1]);
    } else if (kind == "suffix" || kind == "respell") {
      need(4);
      Suffix s{f[1], f[2] == "-" ? "" : f[2], ParseCount(file, line, f[3])};
      (kind == "suffix" ? suffixes_ : respell_).push_back(std::move(s));
    } else if (kind == "truncate") {
      need(2);
      truncate_ = ParseCount(file, line, f[1]);
    } else if (kind == "undouble") {
      need(3);
      undouble_ = events::PhraseWords(f[1]);
      keep_double_.clear();
      for (const std::string& w : events::PhraseWords(f[2])) keep_double_ += w;
    } else if (kind == "contraction") {
      need(3);
      if (f[1].size() > 1 && f[1][0] == '-') {
        contraction_endings_.emplace_back(f[1].substr(1), f[2]);
      } else {
        contraction_words_[f[1]] = events::PhraseWords(f[2]);
      }
    } else if (kind == "same") {
      need(2);
      same_lines.push_back(events::PhraseWords(f[1]));
    } else {
      throw file.Error(line, "unknown class '" + kind + "'");
    }
  }
  // A byte every clitic ending holds (an apostrophe), for KeyOf's pre-test
  // (set before the synonyms below make the first KeyOf).
  if (!clitics_.empty()) {
    for (const char b : clitics_.front().first) {
      if (std::all_of(clitics_.begin(), clitics_.end(), [b](const auto& clitic) {
            return clitic.first.find(b) != std::string::npos;
          })) {
        clitic_byte_ = b;
        break;
      }
    }
  }
  // Synonyms last: their keys are the terms the rules above make of them.
  for (const std::vector<std::string>& words : same_lines) {
    const std::string first = TermKey(words.front());
    for (const std::string& w : words) {
      if (std::string k = TermKey(w); !k.empty() && !first.empty()) {
        listed_.Add(k);
        same_[k] = first;
      }
    }
  }
  if (rules.Has("spelling.txt")) {
    for (const rules::RuleLine& line : rules.File("spelling.txt").lines()) {
      std::vector<std::string> f = rules::RuleFile::Fields(line);
      if (f.size() == 3 && f[0] == "british") {
        british_[f[1]] = f[2];
        listed_.Add(f[1]);
      }
    }
  }
  serial_ = next_serial.fetch_add(1);  // complete: TermKey may keep what it computes
}

std::string TermLexicon::ReplaceEnding(std::string word, const std::vector<Suffix>& endings) {
  for (const Suffix& s : endings) {
    // (the length, then the last byte, where most words fail, before the ending)
    if (word.size() < s.ending.size() + s.min_stem) continue;
    if (!s.ending.empty() && word.back() != s.ending.back()) continue;
    if (EndsWith(word, s.ending)) {
      word.resize(word.size() - s.ending.size());  // (in place: no new string)
      word += s.replacement;
      return word;
    }
  }
  return word;
}

std::string TermLexicon::Respell(std::string word) const {
  if (listed_.MayHold(word)) {
    if (auto it = british_.find(word); it != british_.end()) return it->second;
  }
  return ReplaceEnding(std::move(word), respell_);
}

std::string TermLexicon::Stem(std::string word) const {
  if (listed_.MayHold(word)) {
    if (auto it = forms_.find(word); it != forms_.end()) return it->second;
  }
  for (const std::string& ending : undouble_) {
    // `quitting` → quit, `stopped` → stop: the doubled consonant goes too.
    const std::size_t n = word.size();
    const std::size_t e = ending.size();
    if (n >= e + 4 && EndsWith(word, ending) && word[n - e - 1] == word[n - e - 2] &&
        IsAsciiAlpha(static_cast<unsigned char>(word[n - e - 1])) &&
        keep_double_.find(word[n - e - 1]) == std::string::npos) {
      return word.substr(0, n - e - 1);
    }
  }
  return ReplaceEnding(std::move(word), suffixes_);  // (not a form: looked up above)
}

std::string TermLexicon::SpellingKey(std::string_view lower) const {
  return Respell(std::string(lower));
}

std::string TermLexicon::TermKey(std::string_view lower) const {
  return std::string(MemoKey(lower));
}

std::string_view TermLexicon::MemoKey(std::string_view lower) const {
  return MemoKey(lower, HashBytes(lower));
}

std::string_view TermLexicon::MemoKey(std::string_view lower, std::uint64_t hash) const {
  KeyMemo& memo = key_memo;
  if (serial_ == 0) return memo.unkept = KeyOf(lower);  // still being built: not complete
  if (memo.owner != serial_) {
    memo.Clear();
    memo.owner = serial_;
  }
  auto key_of = [](const KeyMemo::Held& held) {
    return held.spill != nullptr ? std::string_view(held.spill->key) : held.key;
  };
  if (KeyMemo::Held held; memo.Find(lower, hash, held)) return key_of(held);
  if (memo.size() >= kMaxKeys) memo.Clear();
  std::string key = KeyOf(lower);
  const std::string_view view = key;
  return key_of(memo.Insert(lower, hash, &view, false, [&] {
    return KeySpill{std::string(lower), std::move(key)};
  }));
}

std::string TermLexicon::KeyOf(std::string_view lower) const {
  std::string w(lower);
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') {
    // A number whole, without its separators: 1,500 and 1500 meet, 1,500 and 1,512 do not.
    w.erase(std::remove(w.begin(), w.end(), ','), w.end());
    return w;
  }
  if (clitic_byte_ == 0 || w.find(clitic_byte_) != std::string::npos) {
    for (const auto& [ending, replacement] : clitics_) {
      if (EndsWith(w, ending) && w.size() > ending.size()) {
        if (!replacement.empty()) return replacement;
        w.resize(w.size() - ending.size());
        break;
      }
    }
  }
  if (listed_.MayHold(w)) {
    if (negation_.count(w)) return std::string(kNegation);
    if (stop_.count(w)) return "";
  }
  w = Respell(Stem(Respell(std::move(w))));
  if (truncate_ > 0) {
    // Cut at a character boundary.
    std::size_t n = 0, chars = 0;
    while (n < w.size() && chars < truncate_) {
      text::NextInline(w, n);
      ++chars;
    }
    w.resize(n);
  }
  if (listed_.MayHold(w)) {
    if (auto it = same_.find(w); it != same_.end()) return it->second;
  }
  return w;
}

namespace {

// A headline in title case (`Leader Vows To End The March`): most words of
// config.headline_letters or more letters capitalised, so a capital marks no name.
bool TitleCase(const std::vector<RawWord>& words, const TermConfig& config) {
  std::size_t longer = 0, capitalised = 0;
  for (const RawWord& w : words) {
    if (w.lower.size() < config.headline_letters || w.digit) continue;
    ++longer;
    capitalised += w.cap ? 1 : 0;
  }
  return segment::IsTitleCase(longer, capitalised, config.headline);
}

// A whole number of four digits or more as an outlet rounds it: its first
// digit and its length (`84000` → `8e4`, like `80000`); "" for anything else.
std::string Rounded(std::string_view key) {
  if (key.size() < 4 || key[0] < '1' || key[0] > '9' ||
      !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "";
  }
  if (key.size() == 4 && (key.compare(0, 2, "19") == 0 || key.compare(0, 2, "20") == 0)) {
    return "";  // a year
  }
  return std::string(1, key[0]) + 'e' + std::to_string(key.size() - 1);
}

}  // namespace

std::vector<Term> TermLexicon::Terms(std::string_view text) const {
  std::vector<Term> out;
  ForEachTerm(text, [&](std::string_view key, bool proper) {
    out.push_back({std::string(key), proper});
  });
  return out;
}

void TermLexicon::ForEachTerm(
    std::string_view text, const std::function<void(std::string_view key, bool proper)>& f) const {
  WordLetters letters;
  const std::vector<RawWord> words = ScanWords(text, /*split_hyphens=*/true, letters);
  const bool title = TitleCase(words, config_);
  for (const RawWord& w : words) {
    const std::string_view key = MemoKey(w.lower);  // no copy: f reads it before the next look-up
    if (key.empty()) continue;
    const bool proper = (w.all_caps || (w.cap && !w.sentence_start && !title)) && key != kNegation;
    const std::string rounded = Rounded(key);
    f(key, proper);
    if (!rounded.empty()) f(rounded, false);
  }
}

std::vector<SpelledWord> TermLexicon::Words(std::string_view text) const {
  std::vector<SpelledWord> out;
  WordLetters letters;
  for (const RawWord& w : ScanWords(text, /*split_hyphens=*/false, letters))
    Spell(w.span, w.lower, out);
  return out;
}

void TermLexicon::Spell(Span span, std::string_view lower, std::vector<SpelledWord>& out) const {
  if (auto it = contraction_words_.find(lower); it != contraction_words_.end()) {
    for (const std::string& part : it->second) out.push_back({span, SpellingKey(part)});
    return;
  }
  for (const auto& [ending, word] : contraction_endings_) {
    if (lower.size() > ending.size() && EndsWith(lower, ending)) {
      out.push_back({span, SpellingKey(lower.substr(0, lower.size() - ending.size()))});
      out.push_back({span, SpellingKey(word)});
      return;
    }
  }
  out.push_back({span, SpellingKey(lower)});
}

TermLexicon::Spelled TermLexicon::Spellings(std::string_view lower) const {
  return Spellings(lower, HashBytes(lower));
}

TermLexicon::Spelled TermLexicon::Spellings(std::string_view lower, std::uint64_t hash) const {
  SpellingMemo& memo = spelling_memo;
  auto spell = [&] {
    std::vector<SpelledWord> spelled;
    Spell({}, lower, spelled);
    std::vector<Spelling> out;
    out.reserve(spelled.size());
    for (SpelledWord& s : spelled) {
      const std::string_view term = MemoKey(s.key);
      const bool content = !term.empty() && term != kNegation;
      out.push_back({std::move(s.key), content});
    }
    return out;
  };
  auto spelled = [](const SpellingMemo::Held& held) {
    Spelled out;
    if (held.spill != nullptr)
      out.many_ = &held.spill->spellings;
    else
      out.one_ = {held.key, held.flag};
    return out;
  };
  if (serial_ == 0) {  // still being built: not complete
    memo.unkept = spell();
    Spelled out;
    out.many_ = &memo.unkept;
    return out;
  }
  if (memo.owner != serial_) {
    memo.Clear();
    memo.owner = serial_;
  }
  if (SpellingMemo::Held held; memo.Find(lower, hash, held)) return spelled(held);
  if (memo.size() >= kMaxKeys) memo.Clear();
  std::vector<Spelling> spellings = spell();
  // (one key inline with its flag; any other number kept aside)
  const std::string_view one = spellings.size() == 1 ? spellings[0].key : std::string_view();
  const bool content = spellings.size() == 1 && spellings[0].content;
  return spelled(memo.Insert(lower, hash, spellings.size() == 1 ? &one : nullptr, content, [&] {
    return SpellingSpill{std::string(lower), std::move(spellings)};
  }));
}

namespace {

// ScannedText's slots (1 + id, under 32 bits of the hash): the id of `key`
// (text_of(id) its text), or UINT32_MAX.
template <class TextOf>
std::uint32_t ProbeId(const std::vector<std::uint64_t>& slots, std::string_view key,
                      std::uint64_t h, TextOf&& text_of) {
  if (slots.empty()) return UINT32_MAX;
  const std::size_t mask = slots.size() - 1;
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots[i];
    if (slot == 0) return UINT32_MAX;
    if (static_cast<std::uint32_t>(slot >> 32) == tag) {
      const auto id = static_cast<std::uint32_t>(slot) - 1;
      const std::string_view text = text_of(id);  // (== key, compared inline: no memcmp call)
      if (text.size() == key.size() && SameBytes(text.data(), key.data(), key.size())) return id;
    }
  }
}

void PlaceId(std::vector<std::uint64_t>& slots, std::uint64_t h, std::uint32_t id) {
  const std::size_t mask = slots.size() - 1;
  std::size_t i = h & mask;
  while (slots[i] != 0) i = (i + 1) & mask;
  slots[i] = ((h >> 32) << 32) | (std::uint64_t{id} + 1);
}

// Slots for n ids, at most half full.
std::size_t SlotsFor(std::size_t n) {
  std::size_t size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

}  // namespace

ScannedText::ScannedText(const TermLexicon& lexicon, std::string_view text)
    : lexicon_(lexicon), text_(text), words_(ScanWords(text, /*split_hyphens=*/true, letters_)) {
  word_keys_.assign(words_.size(), kNone);
  word_slots_.assign(SlotsFor(words_.size()), 0);
  keys_.reserve(words_.size() / 2 + 8);
  rounded_.reserve(keys_.capacity());  // (by key, as keys_: no regrowth as they come)
  not_.reserve(keys_.capacity());
  // (sized for that many keys: not placed again as they come)
  key_slots_.assign(SlotsFor(words_.size() / 2 + 8), 0);
  // Each word hashed once, the lexicon's memo slot of the word kAhead
  // words on fetched while this one is looked up (the memo is megabytes:
  // a probe of it is a cache miss; a word seen before in the text is not
  // looked up there, and its fetch is wasted, not wrong).
  // (the thread's memo named once: a prefetch per word is then inline,
  // neither a call nor a thread_local access)
  constexpr std::size_t kAhead = 8;
  const std::size_t n = words_.size();
  hashes_.resize(n);
  for (std::size_t k = 0; k < n; ++k) hashes_[k] = HashBytes(words_[k].lower);
  const KeyMemo& memo = key_memo;
  for (std::size_t k = 0; k < n; ++k) {
    if (k + kAhead < n) memo.Prefetch(hashes_[k + kAhead]);
    KeyOfWord(words_[k].lower, hashes_[k], k);
  }
}

std::uint32_t ScannedText::KeyOfWord(std::string_view lower, std::size_t word) {
  return KeyOfWord(lower, HashBytes(lower), word);
}

std::uint32_t ScannedText::KeyOfWord(std::string_view lower, std::uint64_t h, std::size_t word) {
  // a word's key from the lexicon's memo once per text, then from the
  // text's own (smaller) table
  const std::uint32_t seen = ProbeId(
      word_slots_, lower, h, [&](std::uint32_t w) { return std::string_view(words_[w].lower); });
  if (seen != UINT32_MAX) {
    if (word != SIZE_MAX) word_keys_[word] = word_keys_[seen];
    return word_keys_[seen];
  }
  // (the key valid until the next look-up; the word's hash serves the memo,
  // and the key's table when the key is the word itself, as most are)
  const std::string_view key = lexicon_.MemoKey(lower, h);
  const std::uint32_t id = key.empty() ? kNone : key == lower ? Id(key, h) : Id(key);
  if (word != SIZE_MAX) {
    word_keys_[word] = id;
    PlaceId(word_slots_, h, static_cast<std::uint32_t>(word));
  }
  return id;
}

std::uint32_t ScannedText::Id(std::string_view key) { return Id(key, HashBytes(key)); }

std::uint32_t ScannedText::Id(std::string_view key, std::uint64_t h) {
  auto text_of = [&](std::uint32_t i) { return std::string_view(keys_[i]); };
  if (const std::uint32_t seen = ProbeId(key_slots_, key, h, text_of); seen != UINT32_MAX)
    return seen;
  const auto id = static_cast<std::uint32_t>(keys_.size());
  keys_.emplace_back(key);
  if (2 * keys_.size() > key_slots_.size()) {
    key_slots_.assign(SlotsFor(keys_.size()), 0);
    for (std::uint32_t k = 0; k < keys_.size(); ++k) PlaceId(key_slots_, HashBytes(keys_[k]), k);
  } else {
    PlaceId(key_slots_, h, id);
  }
  rounded_.push_back(kNone);
  not_.push_back(keys_[id] == TermLexicon::kNegation ? 1 : 0);
  // (Rounded asked only of a key that may be a number of four digits or
  // more: most keys are words, and it gives them "")
  if (keys_[id].size() >= 4 && keys_[id][0] >= '1' && keys_[id][0] <= '9') {
    const std::string rounded = Rounded(keys_[id]);
    if (!rounded.empty()) {
      const std::uint32_t r = Id(rounded);
      rounded_[id] = r;
    }
  }
  return id;
}

std::uint32_t ScannedText::Find(std::string_view key, std::uint32_t none) const {
  const std::uint32_t id = ProbeId(key_slots_, key, HashBytes(key),
                                   [&](std::uint32_t i) { return std::string_view(keys_[i]); });
  return id == UINT32_MAX ? none : id;
}

ScannedText::Word ScannedText::Of(const RawWord& w, Span span, std::uint32_t key) const {
  Word out;
  out.span = span;
  out.lower = w.lower;
  out.key = key;
  out.cap = w.cap;
  out.all_caps = w.all_caps;
  out.sentence_start = w.sentence_start;
  out.counted = w.lower.size() >= lexicon_.config_.headline_letters && !w.digit;
  return out;
}

ScannedText::Word ScannedText::Made(const RawWord& w, std::size_t offset) {
  return Of(w, {w.span.begin + offset, w.span.end + offset}, KeyOfWord(w.lower));
}

ScannedText::Word ScannedText::Doc(std::size_t k) const {
  Word out = Of(words_[k], words_[k].span, word_keys_[k]);
  out.doc_word = static_cast<std::uint32_t>(k);
  return out;
}

const std::vector<ScannedText::Word>& ScannedText::Rescanned(Span span) {
  head_ = ScanWords(text_.substr(span.begin, span.end - span.begin), /*split_hyphens=*/true,
                    head_letters_);
  out_.clear();
  for (const RawWord& w : head_) out_.push_back(Made(w, span.begin));
  return out_;
}

const std::vector<ScannedText::Word>& ScannedText::WordsOf(Span span) {
  span.end = std::min(span.end, text_.size());
  span.begin = std::min(span.begin, span.end);
  // a span that cuts a character: scanned again whole
  auto boundary = [&](std::size_t at) {
    return at == text_.size() || (static_cast<unsigned char>(text_[at]) & 0xC0) != 0x80;
  };
  if (!boundary(span.begin) || !boundary(span.end)) return Rescanned(span);
  auto first_at = [&](std::size_t at) {
    return static_cast<std::size_t>(
        std::partition_point(words_.begin(), words_.end(),
                             [&](const RawWord& w) { return w.span.begin < at; }) -
        words_.begin());
  };
  const std::size_t lo = first_at(span.begin);
  const std::size_t hi = std::max(lo, first_at(span.end));
  // A word of the text across the span's start or end (the span's own scan
  // reads another there): the words from that end to the nearest whole
  // word of the text are scanned again; past that word the two scans agree
  // (the same state: outside a word, after the same character).
  const bool head = lo > 0 && words_[lo - 1].span.end > span.begin;
  const bool tail = hi > lo && words_[hi - 1].span.end > span.end;
  const std::size_t first = lo, last = tail ? hi - 1 : hi;  // the text's words kept: [first, last)
  if (last - first < (head ? 1u : 0u) + (tail ? 1u : 0u)) return Rescanned(span);
  if (head) {
    const Span& w = words_[first].span;
    head_ = ScanWords(text_.substr(span.begin, w.end - span.begin), /*split_hyphens=*/true,
                      head_letters_);
    if (head_.empty() || head_.back().span != Span{w.begin - span.begin, w.end - span.begin})
      return Rescanned(span);
  }
  if (tail) {
    const Span& w = words_[last - 1].span;
    tail_ =
        ScanWords(text_.substr(w.begin, span.end - w.begin), /*split_hyphens=*/true, tail_letters_);
    if (tail_.empty() || tail_.front().span != Span{0, w.end - w.begin}) return Rescanned(span);
  }
  out_.clear();
  if (head) {
    for (std::size_t j = 0; j + 1 < head_.size(); ++j) out_.push_back(Made(head_[j], span.begin));
    // the last is `first`: its bytes, hence its lower case and key, are the
    // text's word's (KeyOfWord would find it in the word table)
    out_.push_back(Of(head_.back(), words_[first].span, word_keys_[first]));
  }
  for (std::size_t k = head ? first + 1 : first; k < last; ++k) {
    out_.push_back(Doc(k));
    // the first word's sentence start: from what lies before it in the span
    if (k == first) out_.back().sentence_start = StartsSentence(span.begin, k);
  }
  if (tail) {
    // tail_'s first word is the last kept (pushed above)
    for (std::size_t j = 1; j < tail_.size(); ++j)
      out_.push_back(Made(tail_[j], words_[last - 1].span.begin));
  }
  return out_;
}

bool ScannedText::TitleCase(const std::vector<Word>& words) const {
  std::size_t longer = 0, capitalised = 0;
  for (const Word& w : words) {
    if (!w.counted) continue;
    ++longer;
    capitalised += w.cap ? 1 : 0;
  }
  return segment::IsTitleCase(longer, capitalised, lexicon_.config_.headline);
}

bool ScannedText::StartsSentence(std::size_t begin, std::size_t k) const {
  // ScanWords' `last` over what lies before the span's first word (no word)
  char32_t last = U'\n';
  for (std::size_t i = begin; i < words_[k].span.begin;) {
    const char32_t c = text::NextInline(text_, i);
    if (!IsBlank(c) || c == U'\n') last = c;
  }
  return EndsSentence(last);
}

std::vector<int> ScannedText::KeyUses() const {
  std::vector<int> uses(keys_.size(), 0);
  for (const std::uint32_t key : word_keys_) {
    if (key == kNone) continue;
    ++uses[key];
    if (rounded_[key] != kNone) ++uses[rounded_[key]];
  }
  return uses;
}

void ScannedText::AddWording(const std::vector<Word>& words, PackedWords& wording) {
  // Words' joins, each word's keys read from the lexicon's Spellings memo
  // (one line a word: a word of the text looked up again reads it from the
  // cache), whose slot is fetched kAhead words before (a word of the text by
  // the hash its scan made; a join, rare, is hashed when it comes)
  constexpr std::size_t kAhead = 8;
  const std::size_t n = words.size();
  const SpellingMemo& memo = spelling_memo;  // (named once: the prefetches inline)
  auto prefetch = [&](std::size_t k) {
    if (words[k].doc_word != kNone) memo.Prefetch(hashes_[words[k].doc_word]);
  };
  for (std::size_t k = 0; k < std::min(n, kAhead); ++k) prefetch(k);
  auto add = [&](const TermLexicon::Spelled& spelled) {
    for (std::size_t i = 0; i < spelled.size(); ++i) {
      const TermLexicon::Spelled::Key s = spelled[i];
      wording.Add(s.key, s.content);
    }
  };
  std::string joined;
  for (std::size_t k = 0; k < n; ++k) {
    if (k + kAhead < n) prefetch(k + kAhead);
    auto joins = [&] {
      const std::size_t end = words[k].span.end;
      return k + 1 < n && end < text_.size() && text_[end] == '-' &&
             words[k + 1].span.begin == end + 1;
    };
    if (joins()) {
      joined = words[k].lower;
      while (joins()) {
        ++k;
        joined.push_back('-');
        joined.append(words[k].lower);
      }
      add(lexicon_.Spellings(joined));
      continue;
    }
    const Word& w = words[k];
    add(w.doc_word == kNone ? lexicon_.Spellings(w.lower)
                            : lexicon_.Spellings(w.lower, hashes_[w.doc_word]));
  }
}

std::vector<SpelledWord> ScannedText::Words(const std::vector<Word>& words,
                                            std::size_t origin) const {
  // ScanWords without split_hyphens joins two words with one hyphen
  // between them (`war-torn`); else its words are these.
  std::vector<SpelledWord> out;
  std::string joined;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::size_t first = k;
    auto joins = [&] {
      const std::size_t end = words[k].span.end;
      return k + 1 < words.size() && end < text_.size() && text_[end] == '-' &&
             words[k + 1].span.begin == end + 1;
    };
    if (!joins()) {
      lexicon_.Spell({words[k].span.begin - origin, words[k].span.end - origin}, words[k].lower,
                     out);
      continue;
    }
    joined = words[k].lower;
    while (joins()) {
      ++k;
      joined.push_back('-');
      joined.append(words[k].lower);
    }
    lexicon_.Spell({words[first].span.begin - origin, words[k].span.end - origin}, joined, out);
  }
  return out;
}

}  // namespace whosaid::claims
