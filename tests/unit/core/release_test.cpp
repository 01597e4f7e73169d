// Tests for core/release.h: Release gives back a container's buffer, which
// `x = {}` keeps (operator=(initializer_list)); the run's stages rely on it
// to drop per-document lists (issue 13).
#include "core/release.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace whosaid {
namespace {

// A container filled with 1000 elements, then Released: its capacity (or
// bucket count) before and after, and whether it is empty.
struct Released {
  std::size_t before = 0, after = 0;
  bool empty = false;
};

template <class C, class Fill, class Capacity>
Released FillAndRelease(Fill&& fill, Capacity&& capacity) {
  C c;
  for (int i = 0; i < 1000; ++i) fill(c, i);
  Released out;
  out.before = capacity(c);
  Release(c);
  out.after = capacity(c);
  out.empty = c.empty();
  return out;
}

}  // namespace

TEST_SUITE("core.release") {
  TEST_CASE("Release frees the buffer that x = {} keeps") {
    struct Row {
      const char* what;
      std::function<Released()> run;
      std::size_t at_most_after;  // the capacity of an empty one
    };
    const std::vector<Row> rows = {
        {"vector<int>",
         [] {
           return FillAndRelease<std::vector<int>>([](auto& c, int i) { c.push_back(i); },
                                                   [](const auto& c) { return c.capacity(); });
         },
         0},
        {"vector<vector<int>>",
         [] {
           return FillAndRelease<std::vector<std::vector<int>>>(
               [](auto& c, int i) {
                 c.push_back({i, i});
               },
               [](const auto& c) { return c.capacity(); });
         },
         0},
        {"string",
         [] {
           return FillAndRelease<std::string>([](auto& c, int) { c.push_back('x'); },
                                              [](const auto& c) { return c.capacity(); });
         },
         std::string().capacity()},
        {"unordered_map<string, int>",
         [] {
           return FillAndRelease<std::unordered_map<std::string, int>>(
               [](auto& c, int i) { c.emplace(std::to_string(i), i); },
               [](const auto& c) { return c.bucket_count(); });
         },
         std::unordered_map<std::string, int>().bucket_count()},
        {"unordered_set<int>",
         [] {
           return FillAndRelease<std::unordered_set<int>>(
               [](auto& c, int i) { c.insert(i); }, [](const auto& c) { return c.bucket_count(); });
         },
         std::unordered_set<int>().bucket_count()},
    };
    for (const Row& row : rows) {
      CAPTURE(row.what);
      const Released r = row.run();
      CHECK(r.before >= 1000);
      CHECK(r.empty);
      CHECK(r.after <= row.at_most_after);
    }
  }

  TEST_CASE("Release of a struct is the same as assigning it a default one") {
    struct Pair {
      int a = 7;
      std::vector<int> v;
    };
    Pair p{1, {1, 2, 3}};
    Release(p);
    CHECK(p.a == 7);
    CHECK(p.v.capacity() == 0);
  }
}

}  // namespace whosaid
