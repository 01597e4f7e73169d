// Tests for entities::SpellingRules and PartComparer: every "A ~ B",
// "A ~? B", "A !~ B" example of letters.txt, consonants.txt, vowels.txt and
// prefixes.txt, comparing the single part each side parses to.
#include "entities/spelling.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/name_matcher.h"
#include "entities_fixture.h"

namespace whosaid::entities {
namespace {

NamePart OnePart(const std::string& name) {
  ParsedName n = testing::Clusterer().parser().Parse(name, EntityType::kPerson);
  REQUIRE(n.parts.size() == 1);
  return n.parts[0];
}

// The spellings of the parts (and their alternatives: the parts without a
// prefix) of `words` and of the rule files' examples.
std::vector<Spelling> ExampleSpellings(std::vector<std::string> words,
                                       const std::vector<std::string>& files) {
  for (const std::string& file : files) {
    for (const auto& ex : testing::PartExamples(file)) words.insert(words.end(), {ex.a, ex.b});
  }
  std::vector<Spelling> spellings;
  for (const std::string& w : words) {
    for (const NamePart& p : testing::Clusterer().parser().Parse(w, EntityType::kPerson).parts) {
      spellings.push_back(p.spelling);
      for (const auto& alt : p.alternatives) spellings.push_back(alt.spelling);
    }
  }
  return spellings;
}

}  // namespace

TEST_SUITE("entities.spelling") {
  TEST_CASE("the examples of the equivalence rules hold") {
    PartComparer parts(testing::Clusterer().spelling());
    for (std::string file :
         {"names/letters.txt", "names/consonants.txt", "names/vowels.txt", "names/prefixes.txt"}) {
      auto examples = testing::PartExamples(file);
      CHECK(examples.size() >= 4);
      for (const auto& ex : examples) {
        CAPTURE(file);
        CAPTURE(ex.line);
        CAPTURE(ex.a);
        CAPTURE(ex.b);
        PartMatch m = parts.Compare(OnePart(ex.a), OnePart(ex.b));
        CAPTURE(PartLevelName(m.level));
        switch (ex.want) {
          case testing::PartExample::Want::kMatch:
            CHECK(m.level >= PartLevel::kNear);
            break;
          case testing::PartExample::Want::kWeak:
            CHECK(m.level == PartLevel::kWeak);
            break;
          case testing::PartExample::Want::kNoMatch:
            CHECK(m.level < PartLevel::kNear);
            break;
        }
      }
    }
  }

  TEST_CASE("comparison is symmetric and exact on equal spellings") {
    const SpellingRules& s = testing::Clusterer().spelling();
    const char* words[] = {"showarabani", "shwarbani", "hasan", "husayn",
                           "shafi",       "shafiq",    "a",     ""};
    for (const char* x : words) {
      for (const char* y : words) {
        CAPTURE(x);
        CAPTURE(y);
        PartMatch xy = s.Compare(s.Spell(x), s.Spell(y)), yx = s.Compare(s.Spell(y), s.Spell(x));
        CHECK(xy.level == yx.level);
        if (std::string(x) == y && *x) CHECK(xy.level == PartLevel::kExact);
      }
    }
  }

  TEST_CASE("a remembered comparison is the one computed, per set of rules") {
    // Invented parts; the second rules allow no vowel change, so a vowel
    // edit that the defaults accept must not be served from the first's memo.
    SpellingConfig strict;
    strict.vowel_allowance_base = 0;
    strict.vowel_allowance_per_consonant = 0;
    strict.weak_extra_vowel_cost = 0;
    const SpellingRules loose(testing::Rules(), SpellingConfig{}), tight(testing::Rules(), strict);
    const Spelling x = loose.Spell("baravendi"), y = loose.Spell("barovendi");
    const PartMatch first = loose.Compare(x, y), second_tight = tight.Compare(x, y);
    CHECK(first.level > second_tight.level);
    for (int round = 0; round < 3; ++round) {
      CHECK(loose.Compare(x, y).level == first.level);
      CHECK(loose.Compare(x, y).vowel_cost == first.vowel_cost);
      CHECK(tight.Compare(x, y).level == second_tight.level);
    }
  }

  // The weighted edit distance's costs (invented parts), as the distance
  // gave them when it read each column's indel cost once per cell: a final
  // vowel after a consonant, vowels changed or added inside, a consonant
  // added, a transposition, and rows stopped early over the limit.
  TEST_CASE("the edit distance's costs") {
    const SpellingRules& s = testing::Clusterer().spelling();
    struct Row {
      const char *a, *b;
      PartLevel level;
      float consonant, vowel;
    };
    const Row rows[] = {
        {"tolua", "tolu", PartLevel::kStrong, 0, 0.3f},
        {"tolua", "tolo", PartLevel::kWeak, 0, 0.4f},
        {"tolu", "tolo", PartLevel::kStrong, 0, 0.1f},
        {"zelutha", "zeluta", PartLevel::kStrong, 0.3f, 0},
        {"hasmoda", "hasmodi", PartLevel::kStrong, 0, 0.6f},
        {"ubaleta", "ubalette", PartLevel::kStrong, 0, 0.15f},
        {"drevik", "dravick", PartLevel::kStrong, 0, 0.15f},
        {"strona", "sotrona", PartLevel::kStrong, 0, 0.3f},
        {"velmaro", "vlemaro", PartLevel::kNone, 1, 0.7f},
        {"sefari", "safiro", PartLevel::kNone, 0, 1.35f},
        {"e", "ea", PartLevel::kNone, 0, 0.3f},
    };
    for (const Row& r : rows) {
      for (bool swap : {false, true}) {
        const char *x = swap ? r.b : r.a, *y = swap ? r.a : r.b;
        CAPTURE(x);
        CAPTURE(y);
        const PartMatch m = s.Compare(s.Spell(x), s.Spell(y));
        CHECK(m.level == r.level);
        CHECK(m.consonant_cost == doctest::Approx(r.consonant).epsilon(1e-5));
        CHECK(m.vowel_cost == doctest::Approx(r.vowel).epsilon(1e-5));
      }
    }
  }

  // MayMatch (the cheap bound before the edit distance) may be false only
  // when Compare is below kWeak.
  TEST_CASE("MayMatch is never false for parts that match") {
    const SpellingRules& s = testing::Clusterer().spelling();
    struct Row {
      std::string a, b;
      bool may_match;
    };
    const std::vector<Row> rows = {
        {"showarabani", "shwarbani", true},  // vowels only
        {"shafi", "shafiq", true},           // a consonant added (weak)
        {"qasemi", "ghasemi", true},         // one class
        {"hamid", "hamad", true},           {"mohammadyari", "mohadmmadyari", true},  // near
        {"donald", "trump", false},  // four consonants each, none shared
    };
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      const Spelling x = s.Spell(row.a), y = s.Spell(row.b);
      if (s.Compare(x, y).level >= PartLevel::kWeak) CHECK(s.MayMatch(x, y));
      CHECK(s.MayMatch(x, y) == row.may_match);
      CHECK(s.MayMatch(y, x) == row.may_match);
    }
    // Every pair of the spellings (parts and parts without a prefix) of the
    // rule files' examples and the rows.
    std::vector<std::string> words;
    for (const Row& row : rows) words.insert(words.end(), {row.a, row.b});
    const std::vector<Spelling> spellings = ExampleSpellings(
        words,
        {"names/letters.txt", "names/consonants.txt", "names/vowels.txt", "names/prefixes.txt"});
    int matched = 0;
    for (const Spelling& x : spellings) {
      for (const Spelling& y : spellings) {
        if (s.Compare(x, y).level < PartLevel::kWeak) continue;
        ++matched;
        CAPTURE(x.phonetic);
        CAPTURE(y.phonetic);
        CHECK(s.MayMatch(x, y));
      }
    }
    CHECK(matched > static_cast<int>(spellings.size()));  // not only each with itself
  }

  // MatchKeys (the clusterer's candidate keys) must share a key for every
  // pair of parts that match at kWeak or better. Rows per kind of path: one
  // class edit (only an "e:" deletion key is shared), two cheap class edits
  // (only a "c:" coarse key), and pairs that share none.
  TEST_CASE("MatchKeys: parts that match share a key") {
    const SpellingRules& s = testing::Clusterer().spelling();
    auto keys = [&](const Spelling& x) {
      std::vector<std::uint64_t> k;
      REQUIRE(s.MatchKeys(x, k));
      std::sort(k.begin(), k.end());
      return k;
    };
    auto share = [&](const Spelling& x, const Spelling& y) {
      const std::vector<std::uint64_t> a = keys(x), b = keys(y);
      return std::any_of(a.begin(), a.end(), [&](std::uint64_t h) {
        return std::binary_search(b.begin(), b.end(), h);
      });
    };
    struct Row {
      std::string a, b;
      bool matches;  // Compare: kWeak or better
      bool share;
    };
    const std::vector<Row> rows = {
        {"showarabani", "shwarbani", true, true},       // vowels only: one skeleton
        {"salem", "saleh", true, true},                 // one substitution (m / h, cost 1)
        {"arkam", "akram", true, true},                 // one transposition
        {"shafi", "shafiq", true, true},                // one consonant added
        {"mohammadyari", "mohammadyarin", true, true},  // one consonant added, not cheap
        {"tabib", "dabip", true, true},                 // two cheap substitutions (t / d, b / p)
        {"mahdi", "mati", true, true},                  // a cheap substitution and a dropped h
        {"donald", "trump", false, false},
        {"salem", "sabeh", false, false},  // two edits, one not cheap
    };
    for (const Row& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      const Spelling x = s.Spell(row.a), y = s.Spell(row.b);
      CHECK((s.Compare(x, y).level >= PartLevel::kWeak) == row.matches);
      CHECK(share(x, y) == row.share);
      CHECK(share(y, x) == row.share);
    }
    // Every pair of the spellings of the rule files' examples and the rows
    // (parts and parts without a prefix) that matches shares a key.
    std::vector<std::string> words;
    for (const Row& row : rows) words.insert(words.end(), {row.a, row.b});
    const std::vector<Spelling> spellings =
        ExampleSpellings(words, {"names/letters.txt", "names/consonants.txt", "names/vowels.txt",
                                 "names/prefixes.txt", "names/common.txt"});
    int matched = 0;
    for (const Spelling& x : spellings) {
      for (const Spelling& y : spellings) {
        if (x.phonetic == y.phonetic || s.Compare(x, y).level < PartLevel::kWeak) continue;
        ++matched;
        CAPTURE(x.phonetic);
        CAPTURE(y.phonetic);
        CHECK(share(x, y));
      }
    }
    CHECK(matched > 20);  // pairs of different spellings
  }

  // MatchKeys hashes each key from the state shared by the symbols before
  // its skip (made once per tag): the same values as FNV-1a over the tag and
  // every symbol but the skipped one, then mixed. Checked on the "e:" keys
  // (the whole skeleton, then each deletion but a repeated one's) of the
  // rule files' spellings and of skeletons of 1 to 80 symbols (past the
  // 64 the shared states are kept for on the stack).
  TEST_CASE("MatchKeys: the keys are FNV-1a of the skeleton but one symbol") {
    const SpellingRules& s = testing::Clusterer().spelling();
    auto fnv = [](char tag, std::string_view x, std::size_t skip) {
      std::uint64_t h =
          (14695981039346656037ull ^ static_cast<unsigned char>(tag)) * 1099511628211ull;
      for (std::size_t k = 0; k < x.size(); ++k) {
        if (k != skip) h = (h ^ static_cast<unsigned char>(x[k])) * 1099511628211ull;
      }
      h ^= h >> 33;
      h *= 0xff51afd7ed558ccdull;
      h ^= h >> 33;
      return h;
    };
    std::vector<std::string> words = {"a", "b", "showarabani", "mohammadyari", "abdulrahman"};
    std::string longer;
    for (int n = 1; n <= 80; ++n) {
      longer += "bdfghklmnprstz"[(n * 7) % 14];
      longer += "aeiou"[n % 5];
      words.push_back(longer);
    }
    int checked = 0, long_checked = 0;
    for (const Spelling& sp :
         ExampleSpellings(words, {"names/letters.txt", "names/consonants.txt"})) {
      CAPTURE(sp.phonetic);
      std::vector<std::uint64_t> keys;
      if (!s.MatchKeys(sp, keys)) continue;
      std::string_view x = sp.blocking;
      if (!sp.phonetic.empty() && IsVowel(sp.phonetic[0])) x.remove_prefix(1);
      REQUIRE(!keys.empty());
      CHECK(keys[0] == fnv('e', x, x.size()));
      ++checked;
      long_checked += x.size() > 64 ? 1 : 0;
      if (keys.size() == 1) continue;  // (longer than max_compare_length: the skeleton alone)
      std::size_t at = 1;
      for (std::size_t k = 0; k < x.size(); ++k) {
        if (k > 0 && x[k] == x[k - 1]) continue;
        REQUIRE(at < keys.size());
        CHECK(keys[at++] == fnv('e', x, k));
      }
      CHECK(keys.size() > at);  // then the coarse keys
    }
    CHECK(checked > 80);
    CHECK(long_checked > 0);
  }

  TEST_CASE("skeletons and blocking classes") {
    const SpellingRules& s = testing::Clusterer().spelling();
    CHECK(s.Spell("shwarabni").skeleton == s.Spell("showarabani").skeleton);
    CHECK(s.Spell("ahmad").skeleton != s.Spell("hamid").skeleton);  // initial vowel kept
    CHECK(s.Spell("qasemi").blocking == s.Spell("ghasemi").blocking);
  }
}

}  // namespace whosaid::entities
