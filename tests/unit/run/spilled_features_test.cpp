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

  TEST_CASE("ReadMany reads each item asked for, in any order, gaps and large items") {
    // Items 0..39: every 10th has a long wording (20 KiB: what lies between
    // two asked for may be more than ReadMany reads through), 25 and 26
    // 600 KiB each (together more than one read holds).
    auto features = [](std::size_t i) {
      claims::ItemFeatures f = Features(i);
      const std::size_t words = i == 25 || i == 26 ? 60000 : i % 10 == 0 ? 2000 : 0;
      for (std::size_t k = 0; k < words; ++k) f.wording.Add("word" + std::to_string(k % 100000));
      return f;
    };
    SpilledFeatures spilled(40);
    for (std::size_t i = 0; i < 40; ++i) {
      if (i == 7) continue;  // none spilled: not asked for
      spilled.Add(i, claims::EncodeFeatures(features(i),
                                            claims::TermUses({{"item", static_cast<int>(i)}})));
    }
    spilled.Sync();
    struct Row {
      std::string name;
      std::vector<std::size_t> items;
    };
    const std::vector<Row> rows = {
        {"none", {}},
        {"one", {3}},
        {"neighbours in order", {1, 2, 3, 4, 5, 6}},
        {"reversed", {6, 5, 4, 3, 2, 1, 0}},
        {"across long items not asked for", {9, 11, 19, 21, 31, 39}},
        {"long items among short ones", {20, 0, 10, 30, 1, 29}},
        {"two items over a read together", {24, 25, 26, 27}},
        {"one asked twice", {12, 5, 12}},
        {"every one",
         {0,  1,  2,  3,  4,  5,  6,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
          21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      std::vector<claims::ItemFeatures> got(row.items.size());
      std::vector<claims::TermUses> uses(row.items.size());
      std::vector<claims::FeatureSource::Into> into;
      for (std::size_t k = 0; k < row.items.size(); ++k) into.push_back({&got[k], &uses[k]});
      spilled.ReadMany(row.items, into);
      for (std::size_t k = 0; k < row.items.size(); ++k) {
        const std::size_t i = row.items[k];
        CAPTURE(i);
        const claims::ItemFeatures want = features(i);
        CHECK(got[k].terms == want.terms);
        CHECK(got[k].wording == want.wording);
        CHECK(uses[k].Count("item", -1) == static_cast<int>(i));
      }
      // The terms alone (uses null): the same terms, the wording left as
      // it was (a list already holding words is replaced).
      std::vector<claims::ItemFeatures> terms(row.items.size());
      std::vector<claims::FeatureSource::Into> terms_into;
      for (std::size_t k = 0; k < row.items.size(); ++k) {
        terms[k].terms.Add("stale", true);
        terms[k].wording.Add("kept", false);
        terms_into.push_back({&terms[k], nullptr});
      }
      spilled.ReadMany(row.items, terms_into);
      for (std::size_t k = 0; k < row.items.size(); ++k) {
        CAPTURE(row.items[k]);
        CHECK(terms[k].terms == features(row.items[k]).terms);
        REQUIRE(terms[k].wording.size() == 1);
        CHECK(terms[k].wording[0].key == "kept");
      }
    }
  }

  TEST_CASE("the default ReadMany reads the terms alone through Read") {
    // (a source with Read only: FeatureSource's own ReadMany)
    struct One : claims::FeatureSource {
      void Read(std::size_t item, claims::ItemFeatures& f, claims::TermUses& u) const override {
        f = Features(item);
        f.wording.Add("said", true);
        u = claims::TermUses({{"item", 1}});
      }
    } source;
    claims::ItemFeatures all, terms;
    claims::TermUses uses;
    source.ReadMany({4, 9}, {{&all, &uses}, {&terms, nullptr}});
    CHECK(all.terms == Features(4).terms);
    CHECK(all.wording.size() == Features(4).wording.size() + 1);
    CHECK(uses.Count("item", 0) == 1);
    CHECK(terms.terms == Features(9).terms);
    CHECK(terms.wording.empty());
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
