#include "segment/byte_scan.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace whosaid::segment {
namespace {

// FirstStop answers as the byte loop at every start and end of buffers whose
// stop bytes (listed ones, bytes >= 0x80) stand at every offset of a
// sixteen-byte step, in the tail and past `end` (where a scan that read or
// kept bytes beyond it would stop early), for one, two and four stop bytes
// (a 0x80 slot among them, as the quote scanner pads).
template <std::size_t kStops>
void CheckAgainstByteLoop(const std::array<unsigned char, kStops>& stops) {
  std::vector<std::string> texts;
  for (std::size_t n = 0; n <= 40; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      for (const unsigned char b : {stops[0], stops[kStops - 1], static_cast<unsigned char>(0xE2),
                                    static_cast<unsigned char>(0x7F)}) {
        std::string t(n, 'x');
        t[at] = static_cast<char>(b);
        texts.push_back(t);
      }
    }
  }
  std::mt19937 rng(27);
  const std::string pool = std::string("ab .,\n\r\"'`\x7f\x80\xc2\xe2\xff") +
                           std::string(reinterpret_cast<const char*>(stops.data()), kStops);
  for (int k = 0; k < 200; ++k) {
    std::string t(rng() % 48, ' ');
    for (char& c : t) c = rng() % 4 == 0 ? pool[rng() % pool.size()] : 'y';
    texts.push_back(t);
  }
  int wrong = 0;
  for (const std::string& t : texts) {
    const auto* p = reinterpret_cast<const unsigned char*>(t.data());
    for (std::size_t end = 0; end <= t.size(); ++end) {
      for (std::size_t i = 0; i <= end; ++i) {
        if (FirstStop(p, i, end, stops) != FirstStopByByte(p, i, end, stops)) ++wrong;
      }
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("FirstStop stops where the byte loop stops") {
  CheckAgainstByteLoop(std::array<unsigned char, 1>{'"'});
  CheckAgainstByteLoop(std::array<unsigned char, 2>{'\n', '\r'});
  CheckAgainstByteLoop(std::array<unsigned char, 4>{'"', '\'', '`', 0x80});
}

TEST_CASE("FirstStopByByte: a byte >= 0x80 or a listed byte stops the scan") {
  struct Row {
    std::string text;
    std::size_t i, end, want;
  };
  const std::array<unsigned char, 2> breaks{'\n', '\r'};
  const Row rows[] = {
      {"", 0, 0, 0},
      {"abc", 0, 3, 3},
      {"ab\ncd", 0, 5, 2},
      {"ab\ncd", 3, 5, 5},
      {"ab\rcd", 1, 5, 2},
      {"ab\xc3\xa9", 0, 4, 2},
      {"abcdefghijklmnopqrstuvwxyz\n", 0, 27, 26},
      {"abcdefghijklmnopqrstuvwxyz\n", 0, 26, 26},
      {"abcdefghijklmnopqrstuvwxy\xe2\x80\xa8", 3, 28, 25},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const auto* p = reinterpret_cast<const unsigned char*>(r.text.data());
    CHECK(FirstStopByByte(p, r.i, r.end, breaks) == r.want);
    CHECK(FirstStop(p, r.i, r.end, breaks) == r.want);
  }
}

}  // namespace
}  // namespace whosaid::segment
