// Tests for run/spilled_features.h: every item added reads back its own
// features and term counts, whatever items were skipped (none spilled) and
// however the chunks of sizes fall; items out of order are refused.
#include "run/spilled_features.h"

#include <doctest/doctest.h>

#include <cstddef>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace whosaid::run {
namespace {

// Item i's features: a term naming i and a few of the same length.
claims::ItemFeatures Features(std::size_t i) {
  claims::ItemFeatures f;
  f.terms.Add("item" + std::to_string(i), i % 2 == 0);
  for (std::size_t k = 0; k < i % 5; ++k) f.terms.Add("word" + std::to_string(k), false);
  if (i % 3 == 0) f.wording.Add("said", true);
  return f;
}

// Items [from, to).
std::set<std::size_t> Range(std::size_t from, std::size_t to) {
  std::set<std::size_t> out;
  for (std::size_t i = from; i < to; ++i) out.insert(i);
  return out;
}

}  // namespace

TEST_SUITE("run.spilled_features") {
  TEST_CASE("each item added reads back its own features, skipped ones have none") {
    struct Row {
      std::string name;
      std::size_t items;
      std::set<std::size_t> skipped;  // items never added (held: read from their summary)
    };
    const std::vector<Row> rows = {
        {"one item", 1, {}},
        {"a chunk exactly", 64, {}},
        {"past a chunk", 65, {}},
        {"several chunks", 300, {}},
        {"the first items skipped", 200, {0, 1, 2, 3, 63, 64}},
        {"a whole chunk skipped", 260, Range(128, 193)},
        {"the last of a chunk skipped", 130, {63, 127}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      SpilledFeatures spilled(row.items);
      std::uint64_t offset = 0;
      std::vector<std::uint64_t> offsets(row.items, 0);
      std::vector<std::uint64_t> sizes(row.items, 0);
      for (std::size_t i = 0; i < row.items; ++i) {
        offsets[i] = offset;
        if (row.skipped.count(i)) continue;
        const std::string bytes = claims::EncodeFeatures(
            Features(i), claims::TermUses({{"item", static_cast<int>(i + 1)}}));
        spilled.Add(i, bytes);
        sizes[i] = bytes.size();
        offset += bytes.size();
      }
      spilled.Sync();
      for (std::size_t i = 0; i < row.items; ++i) {
        CAPTURE(i);
        const SpillFile::Slot slot = spilled.Slot(i);
        CHECK(slot.offset == offsets[i]);
        CHECK(slot.size == sizes[i]);
        if (row.skipped.count(i)) continue;
        claims::ItemFeatures f;
        claims::TermUses uses;
        spilled.Read(i, f, uses);
        CHECK(f.terms == Features(i).terms);
        CHECK(f.wording == Features(i).wording);
        CHECK(uses.Count("item", 0) == static_cast<int>(i + 1));
      }
    }
  }

  TEST_CASE("an item added again or before the last is refused") {
    SpilledFeatures spilled(4);
    const std::string bytes = claims::EncodeFeatures(Features(1), claims::TermUses());
    spilled.Add(2, bytes);
    CHECK_THROWS_AS(spilled.Add(2, bytes), std::logic_error);
    CHECK_THROWS_AS(spilled.Add(1, bytes), std::logic_error);
    spilled.Add(3, bytes);
  }
}

}  // namespace whosaid::run
