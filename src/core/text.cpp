#include "core/text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace whosaid::text {
namespace {
inline bool IsLead(unsigned char c) { return (c & 0xC0) != 0x80; }
}  // namespace

std::optional<std::size_t> FirstInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // ASCII, eight bytes at a time (news text is mostly ASCII)
    while (pos + 8 <= bytes.size()) {
      std::uint64_t word;
      std::memcpy(&word, s + pos, 8);
      if (word & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= bytes.size()) break;
    if (s[pos] < 0x80) {
      ++pos;
      continue;
    }
    // Decode one sequence in a window of at most 4 bytes, so that int32 offsets
    // never overflow however large the input.
    int32_t i = 0;
    int32_t m = static_cast<int32_t>(std::min<std::size_t>(bytes.size() - pos, 4));
    UChar32 c;
    U8_NEXT(s + pos, i, m, c);
    if (c < 0) return pos;
    pos += static_cast<std::size_t>(i);
  }
  return std::nullopt;
}

Decoded DecodeLossy(std::string_view bytes) {
  Decoded out;
  if (!FirstInvalidUtf8(bytes)) {
    out.text.assign(bytes);
    return out;
  }
  out.text.reserve(bytes.size() + 16);
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (s[pos] < 0x80) {
      out.text.push_back(static_cast<char>(s[pos++]));
      continue;
    }
    int32_t i = 0;
    int32_t m = static_cast<int32_t>(std::min<std::size_t>(bytes.size() - pos, 4));
    UChar32 c;
    U8_NEXT(s + pos, i, m, c);
    if (c < 0) {
      if (out.invalid_count++ < Decoded::kMaxOffsets) out.invalid.push_back(pos);
      out.text += "\xEF\xBF\xBD";
    } else {
      out.text.append(bytes.substr(pos, static_cast<std::size_t>(i)));
    }
    pos += static_cast<std::size_t>(i);
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string EscapeForMessage(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  auto hex = [&out](unsigned char c) {
    constexpr char kDigits[] = "0123456789ABCDEF";
    out += "\\x";
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  };
  const auto* s = reinterpret_cast<const uint8_t*>(message.data());
  for (std::size_t pos = 0; pos < message.size();) {
    const unsigned char c = s[pos];
    if (c >= 0x80) {
      int32_t i = 0;
      const auto m = static_cast<int32_t>(std::min<std::size_t>(message.size() - pos, 4));
      UChar32 cp;
      U8_NEXT(s + pos, i, m, cp);
      if (cp < 0) {
        for (int32_t k = 0; k < i; ++k) hex(s[pos + static_cast<std::size_t>(k)]);
      } else {
        out.append(message.substr(pos, static_cast<std::size_t>(i)));
      }
      pos += static_cast<std::size_t>(i);
      continue;
    }
    ++pos;
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      hex(c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

char32_t Next(std::string_view s, std::size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  if (p[i] < 0x80) return p[i++];
  int32_t k = 0;
  int32_t m = static_cast<int32_t>(std::min<std::size_t>(s.size() - i, 4));
  UChar32 c;
  U8_NEXT(p + i, k, m, c);
  i += static_cast<std::size_t>(k);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

char32_t Prev(std::string_view s, std::size_t& i) {
  std::size_t start = i - 1;
  while (start > 0 && !IsLead(static_cast<unsigned char>(s[start])) && i - start < 4) --start;
  std::size_t j = start;
  char32_t c = Next(s, j);
  i = start;
  return c;
}

char32_t At(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  return Next(s, i);
}

void Append(std::string& out, char32_t c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), err);
  if (err) {
    out += "\xEF\xBF\xBD";
  } else {
    out.append(buf, static_cast<std::size_t>(n));
  }
}

CodepointIndex::CodepointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStep + 2);
  std::uint32_t count = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t block = 0; block < text.size(); block += kStep) {
    checkpoints_.push_back(count);
    const std::size_t end = std::min(text.size(), block + kStep);
    std::uint32_t leads = 0;  // a branch-free count the compiler vectorises
    for (std::size_t i = block; i < end; ++i) leads += IsLead(bytes[i]) ? 1 : 0;
    count += leads;
  }
  checkpoints_.push_back(count);
}

std::size_t CountCodepoints(std::string_view bytes) {
  // The continuation bytes (10xxxxxx) are counted eight at a time: a byte's
  // top bit set and its next bit clear leaves 0x80 in `w & ~(w << 1)` (the
  // shift moves each byte's bit 6 into its own bit 7; bit 7 leaves the byte
  // and is masked off). Those 0/1 flags are summed per byte lane over at most
  // 31 words (a lane stays below 32, the eight lanes below 256), then the
  // lanes are added by one multiply. The code points are the other bytes.
  constexpr std::uint64_t kTop = 0x8080808080808080ULL;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::size_t kWordsPerSum = 31;
  const char* b = bytes.data();
  const std::size_t size = bytes.size();
  std::size_t continuations = 0;
  std::size_t i = 0;
  while (i + 8 <= size) {
    const std::size_t words = std::min(kWordsPerSum, (size - i) / 8);
    std::uint64_t lanes = 0;
    for (std::size_t k = 0; k < words; ++k, i += 8) {
      std::uint64_t w;
      std::memcpy(&w, b + i, 8);
      lanes += ((w & ~(w << 1)) & kTop) >> 7;
    }
    continuations += static_cast<std::size_t>((lanes * kOnes) >> 56);
  }
  for (; i < size; ++i) continuations += IsLead(static_cast<unsigned char>(b[i])) ? 0 : 1;
  return size - continuations;
}

std::string_view WithoutPossessive(std::string_view word, Possessive which, bool keep_whole) {
  static constexpr std::string_view kEndings[] = {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"};
  // (each ending ends in 's', ''' or the last byte of ’: most words end in
  // none of them, and are themselves)
  const char last = word.empty() ? '\0' : word.back();
  if (last != 's' && last != '\'' && last != '\x99') return word;
  const std::size_t first = which == Possessive::kApostrophe ? 2 : 0;
  const std::size_t end = which == Possessive::kWithS ? 2 : 4;
  for (std::size_t i = first; i < end; ++i) {
    const std::string_view e = kEndings[i];
    const bool fits = keep_whole ? word.size() > e.size() : word.size() >= e.size();
    if (fits && word.substr(word.size() - e.size()) == e)
      return word.substr(0, word.size() - e.size());
  }
  return word;
}

std::size_t CodepointIndex::ToCodepoint(std::size_t byte) const {
  if (byte >= text_.size()) return checkpoints_.back();
  const std::size_t k = byte / kStep;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  std::uint32_t leads = 0;  // as in the constructor: vectorised
  for (std::size_t i = k * kStep; i < byte; ++i) leads += IsLead(bytes[i]) ? 1 : 0;
  return checkpoints_[k] + leads;
}

}  // namespace whosaid::text
