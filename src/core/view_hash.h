// whosaid::ViewHash — the hash that lets unordered containers keyed by
// std::string be probed with a std::string_view (heterogeneous look-up), so
// a per-token look-up builds no std::string. ViewMap / ViewSet are the
// containers with it.
//
// The hash is HashBytes, a word-at-a-time hash for short keys (the words of
// the rule lists and of the text, most under 16 bytes): 8 bytes per step,
// the last 1-8 bytes in two overlapping loads, then two multiply-xorshift
// rounds — a third of the instructions of std::hash's murmur on a word, and
// these tables are probed for every token of every document. SameBytes is
// the byte compare made after a hash agrees (FlatMap's probe).
//
// Contract: HashBytes is a pure function of the bytes (the same on every
// run and thread, on one machine's byte order). A container with ViewHash
// orders its elements by this hash: nothing may write them to the output
// in iteration order (the tables here are look-up tables, memos and sets
// iterated only into other look-up tables).
//
// Example
//   ViewSet roles{"minister"};
//   std::string_view w = text.substr(4, 8);
//   roles.count(w)   // no copy of w
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace whosaid {

inline std::uint64_t HashBytes(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;  // 2^64 / golden ratio, odd
  constexpr std::uint64_t kMul2 = 0xD6E8FEB86659FD93ull;
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = (n + 1) * kMul;
  for (; n > 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  std::uint64_t tail = 0;  // the last n (0-8) bytes, each read at least once
  if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    tail = a | std::uint64_t{b} << 32;
  } else if (n > 0) {
    tail = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[n / 2]) << 8 |
           static_cast<unsigned char>(p[n - 1]) << 16;
  }
  h = (h ^ tail) * kMul;
  h ^= h >> 32;
  h *= kMul2;
  h ^= h >> 29;
  return h;
}

// Whether the n bytes at a and b are equal: memcmp(a, b, n) == 0, with the
// keys of up to 16 bytes (most words) compared inline — as HashBytes reads
// them, two overlapping loads from each end cover every byte once or twice,
// so any differing byte shows — and longer ones by memcmp. A table probe
// that calls memcmp pays the call and, in the caller, the saving of the
// registers it clobbers; inline, the probe stays a leaf.
inline bool SameBytes(const char* a, const char* b, std::size_t n) {
  if (n > 16) return std::memcmp(a, b, n) == 0;
  if (n >= 8) {  // bytes [0, 8) and [n - 8, n)
    std::uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 8);
    std::memcpy(&b0, b, 8);
    std::memcpy(&a1, a + n - 8, 8);
    std::memcpy(&b1, b + n - 8, 8);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n >= 4) {  // bytes [0, 4) and [n - 4, n)
    std::uint32_t a0, a1, b0, b1;
    std::memcpy(&a0, a, 4);
    std::memcpy(&b0, b, 4);
    std::memcpy(&a1, a + n - 4, 4);
    std::memcpy(&b1, b + n - 4, 4);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
  }
  if (n == 0) return true;
  // 1-3 bytes: 0, n/2 and n-1 are every position
  return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

struct ViewHash {
  using is_transparent = void;
  // Not noexcept on purpose: libstdc++ then keeps each element's hash in its
  // node, so a probe compares hashes before bytes and never rehashes a key.
  std::size_t operator()(std::string_view s) const { return HashBytes(s); }
};

template <class V>
using ViewMap = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;
using ViewSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

}  // namespace whosaid
