// whosaid::segment::FirstStop — the scan loops' pass over plain ASCII text:
// the first offset in [i, end) whose byte is above 0x7F or one of a few
// given ASCII bytes, or `end`. The paragraph splitter stops at \n and \r
// (every other line break is a multi-byte character), the quote scanner at
// the ASCII quote marks; news text is long runs of bytes that are neither.
//
// Contract
//   `bytes` is the start of the buffer and [i, end) lies in it (the scan
//   reads only bytes of [0, end): sixteen at a time with SSE2, the last
//   step a load of the sixteen bytes ending at `end` when that many precede
//   it, the bytes before i masked off). The answer is the byte loop's:
//     while (i < end && bytes[i] < 0x80 && bytes[i] is none of stops) ++i;
//   A stop byte of 0x80 or more changes nothing (such a byte stops anyway).
//
// Example
//   constexpr std::array<unsigned char, 2> kBreaks{'\n', '\r'};
//   FirstStop(p, 0, n, kBreaks)   // the first \n, \r or byte >= 0x80, or n
#pragma once

#include <array>
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace whosaid::segment {

// The byte loop of FirstStop's contract (the tail without SSE2, and the
// unit test's reference).
template <std::size_t kStops>
std::size_t FirstStopByByte(const unsigned char* bytes, std::size_t i, std::size_t end,
                            const std::array<unsigned char, kStops>& stops) {
  for (; i < end; ++i) {
    const unsigned char b = bytes[i];
    if (b >= 0x80) return i;
    for (const unsigned char s : stops) {
      if (b == s) return i;
    }
  }
  return end;
}

template <std::size_t kStops>
std::size_t FirstStop(const unsigned char* bytes, std::size_t i, std::size_t end,
                      const std::array<unsigned char, kStops>& stops) {
#if defined(__SSE2__)
  // (a byte's own high bit marks one >= 0x80; movemask reads the high bits)
  const auto hits = [&](std::size_t at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
    __m128i hit = v;
    for (const unsigned char s : stops)
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(s))));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  for (; i + 16 <= end; i += 16) {
    if (const unsigned mask = hits(i); mask != 0)
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  if (i < end && end >= 16) {
    // (the last 1–15 bytes: the sixteen ending at `end`, those before i
    // dropped from the mask; they lie in the buffer)
    const std::size_t from = end - 16;
    const unsigned mask = hits(from) >> (i - from);
    return mask != 0 ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : end;
  }
#endif
  return FirstStopByByte(bytes, i, end, stops);
}

}  // namespace whosaid::segment
