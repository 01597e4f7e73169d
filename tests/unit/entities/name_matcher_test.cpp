// Tests for entities::NameMatcher: must-match and must-not-match pairs,
// judged by the names alone (weights from the two names and common.txt).
#include "entities/name_matcher.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "entities/part_weights.h"
#include "entities_fixture.h"

namespace whosaid::entities {
namespace {

struct Judged {
  PairMatch match;
  bool may_relate = false;  // NameMatcher::MayRelate
  bool by_keys = false;     // NameMatcher::MayRelateByKeys
  bool keyed = false;       // NameMatcher::MayRelateKeyed
};

Judged Judge(const std::string& a, const std::string& b, EntityType type) {
  const NameClusterer& c = testing::Clusterer();
  ParsedName x = c.parser().Parse(a, type), y = c.parser().Parse(b, type);
  PartWeights weights{WeightConfig{}};
  weights.Add(x);
  weights.Add(y);
  weights.Apply(x);
  weights.Apply(y);
  PartComparer parts(c.spelling());
  PartComparer fresh(c.spelling());  // MayRelate must not lean on Compare's cache
  const bool may = c.matcher().MayRelate(x, y, fresh);
  const NameKeys kx = c.matcher().Keys(x, c.spelling()), ky = c.matcher().Keys(y, c.spelling());
  const bool by_keys = NameMatcher::MayRelateByKeys(kx, ky);
  PartComparer fresh_keyed(c.spelling());
  const bool keyed = c.matcher().MayRelateKeyed(x, kx, y, ky, fresh_keyed);
  return {c.matcher().Compare(x, y, parts), may, by_keys, keyed};
}

PairMatch Compare(const std::string& a, const std::string& b, EntityType type) {
  return Judge(a, b, type).match;
}

bool Related(Relation r) { return r != Relation::kNone && r != Relation::kConflict; }

}  // namespace

TEST_SUITE("entities.matcher") {
  TEST_CASE("pairs of names") {
    using R = Relation;
    using S = Strength;
    constexpr EntityType P = EntityType::kPerson, O = EntityType::kOrg;
    struct Row {
      std::string a, b;
      EntityType type;
      Relation relation;
      Strength strength;
    };
    // clang-format off
    const std::vector<Row> rows = {
        // spelling variants
        {"Hedayatullah Showarabani", "Hedayatullah Shwarbani", P, R::kEqual, S::kStrong},
        {"Mufti Hedayatullah Shwarabni", "Hidayatullah Shwarebni", P, R::kEqual, S::kStrong},
        {"Abd al-Rahman Tilad", "Abdurrahman Tilad", P, R::kEqual, S::kStrong},
        {"Muhammad Yasir Tayrbik", "Mohamad Yasir Teir Beik", P, R::kEqual, S::kStrong},
        {"Mohamed Tawfiq Mohamed Dirbala", "Mohamedtawfiq Mohamed Dirbala", P, R::kEqual, S::kStrong},
        {"Ravshanbek Tolqinov", "Ravshan Tolqinov", P, R::kEqual, S::kStrong},
        {"Muhammad Hadi Rayhan Al-Ashri", "Mohammad H R Alashiri", P, R::kEqual, S::kStrong},
        {"Hatim Ahmad Durakat", "Hatam Ahmad Durakat", P, R::kEqual, S::kStrong},
        {"Zohami Khaled", "Khaled Al-Zuhami", P, R::kEqual, S::kStrong},
        // short forms
        {"Shafiq", "Mohammad Shafiq", P, R::kFirstShort, S::kStrong},
        {"Muhammad Dabbas", "Mohammad Hassan Dabbas", P, R::kFirstShort, S::kStrong},
        {"Jamil Khan Mohammadyari", "Haji Jamil Khan Zarkoni Mohammadyari", P, R::kFirstShort, S::kStrong},
        // a kunya: a short form may begin with it or drop it when it leads
        {"Abu Yasir Tarqi", "Karim Abu Yasir Tarqi", P, R::kFirstShort, S::kStrong},
        {"Samir Tabsi", "Abu Bilal Samir Tabsi", P, R::kFirstShort, S::kStrong},
        // an honorific that is also a given name, before two more parts
        {"Anwar Tabsi", "Hakim Anwar Tabsi", P, R::kFirstShort, S::kStrong},
        {"Muhammad Anwar Tabsi", "Maulana Malik Muhammad Anwar Tabsi", P, R::kFirstShort, S::kStrong},
        // only with context
        {"Mohammad Shafi", "Shafiq", P, R::kSecondShort, S::kWeak},
        {"Mohammad Shafi", "Mohammad Shafiq", P, R::kEqual, S::kWeak},
        {"Ali Hasan", "Hasan Ali", P, R::kEqual, S::kWeak},
        {"Yasir Tarqi", "Karim Abu Yasir Tarqi", P, R::kFirstShort, S::kWeak},
        {"Samir Shakrawi", "Abu Bilal Samir Shakarawi", P, R::kFirstShort, S::kWeak},
        {"Yasir Tabsi", "Hakim Anwar Yasir Tabsi", P, R::kFirstShort, S::kWeak},
        {"Ahmad Al-Tarabulsi", "Abdelhafid Qassim Ahmed Al Tarabulsi", P, R::kFirstShort, S::kWeak},
        {"Abdur Rahman", "Abdul Rehman", P, R::kEqual, S::kWeak},
        // different people
        {"Ibrahim Soomro", "Ibrahim Khan Achakzai", P, R::kConflict, S::kNone},
        {"Yahya Sarei", "Rajeh Sarei", P, R::kConflict, S::kNone},
        {"Hasan Durakat", "Husayn Durakat", P, R::kConflict, S::kNone},
        {"Amir Durakat", "Omar Durakat", P, R::kConflict, S::kNone},
        {"Folake A. Adebanjoko", "Kunle O. Adebanjoko", P, R::kConflict, S::kNone},
        {"Zahid Khan", "Zahedi Khan", P, R::kEqual, S::kWeak},
        // organisations
        {"Somalia’s Defence Ministry", "Somali Defense Ministry", O, R::kEqual, S::kStrong},
        {"Islamabad defense ministry", "Pakistan's Defense Ministry", O, R::kEqual, S::kStrong},
        {"Iraq Nujum", "Syrian Nujum", O, R::kConflict, S::kNone},
        {"Interior Ministry", "Ministry of Foreign Affairs", O, R::kConflict, S::kNone},
        {"Ministry of Foreign Affairs", "Iraqi Foreign Office", O, R::kFirstShort, S::kStrong},
        {"Iraq Nujum", "Harakat-e-Nujum Iraq", O, R::kFirstShort, S::kStrong},
        {"Jaish-e-Sayyida", "Jaish-i-Saida", O, R::kEqual, S::kStrong},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      const Judged j = Judge(row.a, row.b, row.type);
      const PairMatch& m = j.match;
      CAPTURE(m.rule);
      if (Related(m.relation)) CHECK(j.may_relate);  // MayRelate's contract
      if (j.may_relate) CHECK(j.by_keys);            // MayRelateByKeys'
      CHECK(RelationName(m.relation) == std::string(RelationName(row.relation)));
      CHECK(static_cast<int>(m.strength) == static_cast<int>(row.strength));
      PairMatch back = Compare(row.b, row.a, row.type);  // symmetric
      CHECK(static_cast<int>(back.strength) == static_cast<int>(m.strength));
    }
  }

  // MayRelate (the clusterer's cheap test) may be false only when Compare
  // relates nothing. One row per way Align links a part (name_matcher.h),
  // each the only way some part of the row is linked, so a row fails when
  // MayRelate forgets that way; and pairs it must turn away.
  // MayRelateByKeys (before MayRelate) may be false only when MayRelate is:
  // the same rows, each also a row for the keys of its link.
  TEST_CASE("MayRelate passes every pair Compare relates") {
    constexpr EntityType P = EntityType::kPerson, O = EntityType::kOrg;
    struct Row {
      std::string a, b;
      EntityType type;
      bool related;  // Compare's relation: kEqual or a short form
      bool may_relate;
      bool by_keys = true;
    };
    // clang-format off
    const std::vector<Row> rows = {
        // single parts: exact, spelling, weak, without a prefix
        {"Hedayatullah Showarabani", "Hedayatullah Shwarbani", P, true, true},
        {"Mohammad Shafi", "Mohammad Shafiq", P, true, true},
        {"Shafiq", "Mohammad Shafiq", P, true, true},
        {"Khalid Alqubaie", "Khalid Qubaie", P, true, true},
        {"Abdhamid Zarkoni", "Hamid Zarkoni Khan", P, true, true},  // only without the prefix
        {"Hamid Zarkoni", "Abdhamid Zarkoni Khan", P, true, true},  // ... on either side
        // joined: a part against a run of the other name, either side first
        {"Muhammad Yasir Tayrbik", "Mohamad Yasir Teir Beik", P, true, true},
        {"Mohamad Yasir Teir Beik", "Muhammad Yasir Tayrbik", P, true, true},
        {"Golbarsheramin", "Golbar Shir Amin", P, true, true},
        // joined first (Compare's second alignment)
        {"Mohamed Tawfiq Mohamed Dirbala", "Mohamedtawfiq Mohamed Dirbala", P, true, true},
        {"Mohamedtawfiq Mohamed Dirbala", "Mohamed Tawfiq Mohamed Dirbala", P, true, true},
        // initials: a part linked only to an initial of the other name
        {"Muhammad Hadi Rayhan Al-Ashri", "Mohammad H R Alashiri", P, true, true},
        {"Mohammad H R Alashiri", "Muhammad Hadi Rayhan Al-Ashri", P, true, true},
        // ... the short side linked only that way (the longer has a part
        // the short one lacks): a joined part, a part of a joined run, an
        // initial
        {"Yasir Tayrbik", "Yasir Teir Beik Zarkoni", P, true, true},
        {"Yasir Teir Beik", "Yasir Tayrbik Zarkoni", P, true, true},
        {"Hadi Alashiri", "H Alashiri Zarkoni", P, true, true},
        // organisations
        {"Ministry of Foreign Affairs", "Iraqi Foreign Office", O, true, true},
        {"Iraq Nujum", "Harakat-e-Nujum Iraq", O, true, true},
        // each name has a part the other lacks: turned away
        {"Yahya Sarei", "Rajeh Sarei", P, false, false, true},  // keys: Yahya Sarei ~ Sarei
        {"Ibrahim Soomro", "Ibrahim Khan Achakzai", P, false, false, false},
        {"Donald Trump", "Ivanka Trump", P, false, false, false},
        {"Hasan Durakat", "Husayn Durakat", P, false, false, true},  // keys: Hasan ~ Husayn
        {"Interior Ministry", "Ministry of Foreign Affairs", O, false, false, false},
        {"Ibrahim Soomro", "Haseebullah Toorzai", P, false, false, false},
        // a part matched at two cheap class edits (coarse keys)
        {"Tabib Zarkoni", "Dabip Zarkoni", P, true, true},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      const Judged j = Judge(row.a, row.b, row.type);
      CAPTURE(RelationName(j.match.relation));
      CHECK(Related(j.match.relation) == row.related);
      CHECK(j.may_relate == row.may_relate);
      CHECK(j.by_keys == row.by_keys);
      CHECK(j.keyed == (row.by_keys && row.may_relate));
    }
    // Every pair of these names, both orders: related implies MayRelate.
    for (const Row& x : rows) {
      for (const Row& y : rows) {
        for (const std::string* a : {&x.a, &x.b}) {
          for (const std::string* b : {&y.a, &y.b}) {
            if (x.type != y.type) continue;
            CAPTURE(*a);
            CAPTURE(*b);
            const Judged j = Judge(*a, *b, x.type);
            if (Related(j.match.relation)) CHECK(j.may_relate);
            if (j.may_relate) CHECK(j.by_keys);
            CHECK(j.keyed == (j.by_keys && j.may_relate));  // one side's keys, that side
          }
        }
      }
    }
    // Names of two types never relate.
    const NameClusterer& c = testing::Clusterer();
    PartComparer parts(c.spelling());
    CHECK_FALSE(
        c.matcher().MayRelate(c.parser().Parse("Nujum", P), c.parser().Parse("Nujum", O), parts));
    CHECK(c.matcher().MayRelate(c.parser().Parse("Nujum", O), c.parser().Parse("Nujum", O), parts));
    auto keys = [&](const char* name, EntityType type) {
      return c.matcher().Keys(c.parser().Parse(name, type), c.spelling());
    };
    CHECK_FALSE(NameMatcher::MayRelateByKeys(keys("Nujum", P), keys("Nujum", O)));
    CHECK(NameMatcher::MayRelateByKeys(keys("Nujum", O), keys("Nujum", O)));
  }

  TEST_CASE("explanations name the aligned parts") {
    const NameClusterer& c = testing::Clusterer();
    ParsedName x = c.parser().Parse("Hedayatullah Showarabani", EntityType::kPerson);
    ParsedName y = c.parser().Parse("Hedayatullah Shwarbani", EntityType::kPerson);
    PartComparer parts(c.spelling());
    PairMatch m = c.matcher().Compare(x, y, parts);
    CHECK(NameMatcher::Explain(x, y, m) ==
          "hedayatullah=hedayatullah (exact), showarabani~shwarbani (spelling)");
  }

  // MayRelateByKeys looks each of a part's keys up in the other name's
  // target directory (NameKeys::target_bucket), also when the part has more
  // keys than the name has targets: exactly "each keyed part shares a key
  // with the targets", checked here against a set, for names of one part to
  // many (few targets and many), on both sides. The directory holds each
  // target in the bucket of its top bits; the filter in front of it has
  // every target's bit set. A part's own keys are a list in no order (the
  // targets are sorted and unique): every key of each spelling the part
  // links by, its letter's among them.
  TEST_CASE("MayRelateByKeys is the key test, by directory") {
    const NameClusterer& c = testing::Clusterer();
    struct Row {
      std::string name;
      EntityType type;
    };
    constexpr EntityType P = EntityType::kPerson, O = EntityType::kOrg;
    const std::vector<Row> rows = {
        {"Shafiq", P},
        {"M Shafiq", P},
        {"Mohammad Shafiq", P},
        {"Mohammad Shafi", P},
        {"Rajeh Sarei", P},
        {"Yahya Sarei", P},
        {"Hedayatullah Showarabani", P},
        {"Mufti Hedayatullah Shwarabni", P},
        {"Haji Jamil Khan Zarkoni Mohammadyari", P},
        {"Jamil Khan Mohammadyari", P},
        {"Muhammad Yasir Tayrbik", P},
        {"Mohamad Yasir Teir Beik", P},
        {"Abd al-Rahman Tilad", P},
        {"Golbarsheramin", P},
        {"Golbar Shir Amin", P},
        {"Ministry of Foreign Affairs", O},
        {"Iraqi Foreign Office", O},
        {"UN Assistance Mission in Iraq", O},
    };
    std::vector<NameKeys> keys;
    for (const Row& row : rows)
      keys.push_back(c.matcher().Keys(c.parser().Parse(row.name, row.type), c.spelling()));
    auto all_keyed = [](const NameKeys& x, const NameKeys& y) {
      if (!x.any_part) return false;
      if (y.open) return true;
      const std::set<std::uint64_t> targets(y.target.begin(), y.target.end());
      for (std::size_t k = 0; k + 1 < x.part_begin.size(); ++k) {
        if (std::none_of(x.own.begin() + x.part_begin[k], x.own.begin() + x.part_begin[k + 1],
                         [&](std::uint64_t key) { return targets.count(key) > 0; }))
          return false;
      }
      return true;
    };
    std::size_t related = 0, longer_part = 0;
    for (std::size_t a = 0; a < rows.size(); ++a) {
      const NameKeys& x = keys[a];
      CAPTURE(rows[a].name);
      REQUIRE(x.matchable);
      CHECK(x.target_bucket.size() >= 3);
      CHECK(((x.target_bucket.size() - 1) & (x.target_bucket.size() - 2)) == 0);  // 2^n + 1
      CHECK(x.target_bucket.back() == x.target.size());
      CHECK(std::is_sorted(x.target.begin(), x.target.end()));
      CHECK(std::adjacent_find(x.target.begin(), x.target.end()) == x.target.end());
      for (std::size_t i = 0; i < x.target.size(); ++i) {
        const std::size_t b = x.target[i] >> x.target_shift;
        CHECK((x.target_bucket[b] <= i && i < x.target_bucket[b + 1]));
        const std::uint64_t bit = x.target[i] & x.target_mask;  // the filter lets it through
        CHECK(((x.target_bits[bit >> 6] >> (bit & 63)) & 1) == 1);
      }
      // every spelling of a part that is not an initial gives its keys to
      // the targets (made once for the part's own keys and the targets)
      bool keyless = false;
      for (const NamePart& p : c.parser().Parse(rows[a].name, rows[a].type).parts) {
        if (p.initial) continue;
        std::vector<std::uint64_t> spelled;
        keyless = !c.spelling().MatchKeys(p.spelling, spelled) || keyless;
        for (const auto& alt : p.alternatives)
          keyless = !c.spelling().MatchKeys(alt.spelling, spelled) || keyless;
        for (std::uint64_t key : spelled)
          CHECK(std::binary_search(x.target.begin(), x.target.end(), key));
      }
      if (keyless) CHECK(x.open);
      CHECK(x.target_bits.size() * 64 == x.target_mask + 1);
      CHECK(x.target_bits.size() * 64 >= x.target.size() * 8);
      for (std::size_t b = 0; b < rows.size(); ++b) {
        const NameKeys& y = keys[b];
        CAPTURE(rows[b].name);
        for (std::size_t k = 0; k + 1 < x.part_begin.size(); ++k)
          longer_part += x.part_begin[k + 1] - x.part_begin[k] > y.target.size() ? 1 : 0;
        const bool want = x.type == y.type && (all_keyed(x, y) || all_keyed(y, x));
        CHECK(NameMatcher::MayRelateByKeys(x, y) == want);
        related += want ? 1 : 0;
      }
    }
    CHECK(related > rows.size());  // pairs that pass, not only each name with itself
    CHECK(related < rows.size() * rows.size() / 2);  // and pairs turned away
    CHECK(longer_part > 0);                          // parts longer than the targets too
  }
}

}  // namespace whosaid::entities
