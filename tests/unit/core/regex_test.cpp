// Tests for core/regex.h: matching stays on character boundaries; MayMatch.
#include "core/regex.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.h"

namespace whosaid {

namespace {

Regex::ByteSet BytesOf(const std::string& bytes) {
  Regex::ByteSet set;
  for (char c : bytes) set.set(static_cast<unsigned char>(c));
  return set;
}

// Over `subjects` random subjects of `alphabet` (the first empty; up to 40
// bytes: 16 at a time, and the rest), from every start to every last start:
// `other` finds what `plain` finds, with the same groups; returns how many of
// plain's matches `short_of` (if any) missed (a restriction one byte short
// must lose some). `seed` advances.
std::size_t CompareFind(const Regex& plain, const Regex& other, const Regex* short_of,
                        const std::string& alphabet, int subjects, std::uint32_t& seed) {
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  Regex::Scratch scratch;
  Regex::Match a, b;
  std::size_t lost = 0;
  for (int n = 0; n < subjects; ++n) {
    std::string subject;
    const std::size_t size = n == 0 ? 0 : next() % 40;
    for (std::size_t i = 0; i < size; ++i) subject += alphabet[next() % alphabet.size()];
    CAPTURE(subject);
    for (std::size_t start = 0; start <= subject.size() + 1; ++start) {
      for (std::size_t last = start; last <= subject.size() + 1; ++last) {
        const std::size_t last_start = last == subject.size() + 1 ? Regex::npos : last;
        CAPTURE(start);
        CAPTURE(last_start);
        const bool found = plain.Find(subject, start, last_start, scratch, a);
        REQUIRE(other.Find(subject, start, last_start, scratch, b) == found);
        if (found) REQUIRE(a.groups == b.groups);
        if (short_of) lost += found && !short_of->Find(subject, start, last_start, scratch, b);
      }
    }
  }
  return lost;
}

}  // namespace

TEST_SUITE("core") {
  TEST_CASE("regex: empty matches step over whole characters, never into one") {
    struct Row {
      std::string pattern, subject;
      std::vector<std::size_t> begins;  // where each match starts
    };
    const std::vector<Row> rows = {
        {"x*", "ab", {0, 1, 2}},
        // é is two bytes, 一 three: an empty match before each character
        {"x*",
         "\xC3\xA9"
         "a\xE4\xB8\x80",
         {0, 2, 3, 6}},
        {"(?=a)|b",
         "\xC3\xA9"
         "ab",
         {2, 3}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.pattern);
      Regex re(row.pattern, "test");
      std::vector<std::size_t> begins;
      for (const auto& m : re.FindAll(row.subject)) begins.push_back(m.groups[0].begin);
      CHECK(begins == row.begins);
    }
  }

  TEST_CASE("regex: MayMatch says no only where PCRE2 finds no match") {
    struct Row {
      std::string pattern, subject;
      bool may;  // MayMatch's answer; when false, FindAll finds nothing
    };
    const std::vector<Row> rows = {
        {"q", "kasim", false},                       // first unit absent
        {"q", "qasim", true},                        //
        {"[iy]j$", "rajab", false},                  // no i or y: the first-unit set
        {"gu(?=[aeiy])", "gamal", false},            // g, but no u: a required unit
        {"(?<=[iy])j$", "hadi", false},              // a lookbehind takes nothing: j first
        {"(.)\\1+", "aa", true},                     // no first unit known
        {"(?i)q", "Qasim", true},                    // inline option: never says no
        {"(?<=ai)e$", "maie", true},                 //
        {"\\b[ae]l (?=[a-z]{2})", "bin ali", true},  //
        {"q", "", false},                            // nothing to start on
        {"(.)\\1+", "", true},                       // unknown: never says no
        {"gu(?=[aeiy])", "ug", true},                // both bytes, in either order
        {"sch", "shc", true},                        //
        {"sch", "sc", false},                        // the required last unit absent
        {"L|l", "axl", true},                        // PCRE2 reports one caseless 'L'
        {"(?:Ab|ab)c", "xabc", true},                //
        {"(?:x|X)y", "zxy", true},                   //
        {"(?:L|(?<=x)l)", "axl", true},              //
        {"L|l", "axm", false},                       // neither case
        {"Q", "qasim", true},                        // a letter admits both cases
    };
    for (const Row& row : rows) {
      CAPTURE(row.pattern);
      CAPTURE(row.subject);
      Regex re(row.pattern, "test");
      CHECK(re.MayMatch(row.subject) == row.may);
      CHECK(re.MayMatchBytes(Regex::BytesOf(row.subject)) == row.may);  // the same answer
      if (!row.may) CHECK(re.FindAll(row.subject).empty());
    }
  }

  TEST_CASE("regex: a runaway pattern hits the match limit and finds nothing, quickly") {
    // Catastrophic backtracking: (a+)+$ on a's followed by b.
    Regex re("(a+)+$", "test");
    CHECK(re.FindAll(std::string(40, 'a') + "b").empty());
    Regex::Scratch scratch;  // the same limits on a caller's scratch
    Regex::Match m;
    CHECK_FALSE(re.Find(std::string(40, 'a') + "b", 0, 41, scratch, m));
  }

  TEST_CASE("regex: Find with a reused Match and Scratch finds what FindAt finds") {
    struct Row {
      std::string pattern, subject;
      std::size_t start, last_start;
      std::size_t begin;  // where the match starts; kNone: no match
    };
    constexpr std::size_t kNone = Regex::npos;
    // One Scratch and one Match for every row, in turn: patterns with more
    // and fewer groups (stale groups must not survive), unset groups, an
    // offset limit that ends the search, a start past the last start.
    const std::vector<Row> rows = {
        {"(?<a>x)(?<b>y)?(z)?(w)?", "..xz..", 0, 6, 2},
        {"b", "abcb", 0, 4, 1},
        {"(x)|(y)", "..y", 0, 3, 2},
        {"(x)|(y)", "..y", 0, 1, kNone},  // y at 2: past the last start
        {"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)(t)(u)(v)(w)(x)(y)(z)(1)(2)"
         "(3)(4)(5)(6)(7)(8)",
         "abcdefghijklmnopqrstuvwxyz12345678", 0, 34, 0},  // more groups than 32 pairs
        {"(q)?r", "qr r", 1, 4, 1},
        {"x", "x", 1, 1, kNone},
        {"(?<=a)b", "ab", 1, 1, 1},  // a lookbehind sees before `start`
        {"b", "ab", 2, 1, kNone},    // start past last_start: none
    };
    Regex::Scratch scratch;
    Regex::Match m;
    for (const Row& row : rows) {
      CAPTURE(row.pattern);
      CAPTURE(row.subject);
      Regex re(row.pattern, "test");
      std::optional<Regex::Match> expected = re.FindAt(row.subject, row.start, row.last_start);
      bool found = re.Find(row.subject, row.start, row.last_start, scratch, m);
      REQUIRE(found == expected.has_value());
      CHECK(found == (row.begin != kNone));
      if (!found) continue;
      CHECK(m.groups[0].begin == row.begin);
      CHECK(m.groups.size() == expected->groups.size());
      for (std::size_t g = 0; g < expected->groups.size(); ++g) {
        CAPTURE(g);
        CHECK(m.groups[g].begin == expected->groups[g].begin);
        CHECK(m.groups[g].end == expected->groups[g].end);
      }
    }
  }

  // Subject::kBytes: no UTF mode. On ASCII subjects the same matches as
  // the default (the frames' patterns over the shape string); a byte >= 0x80
  // is a symbol of its own, never part of a character.
  TEST_CASE("regex: a kBytes pattern matches ASCII as the UTF-8 one does, and bytes one by one") {
    struct Row {
      std::string pattern, subject;
    } rows[] = {
        {"(?<spk>N+)V", "DNNV,"},
        {"(?<spk>N+)(?:,[^,|]*,)?V(?<q>Q)", "NN,Dk,VQ|"},
        {".V", "NV"},
        {"[^N]+", "NDVVN"},
        {"\\bV\\w", "N Vq"},
        {"(?=N)N|V", "xxVN"},
        {"a*", "bbb"},
        {"(?i)n+", "DnNV"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.pattern);
      CAPTURE(row.subject);
      const Regex utf(row.pattern, "test");
      const Regex bytes(row.pattern, "test", Regex::Subject::kBytes);
      const auto a = utf.FindAll(row.subject);
      const auto b = bytes.FindAll(row.subject);
      REQUIRE(a.size() == b.size());
      for (std::size_t k = 0; k < a.size(); ++k) CHECK(a[k].groups == b[k].groups);
      CHECK(utf.MayMatch(row.subject) == bytes.MayMatch(row.subject));
    }
    const std::string e_acute = "\xC3\xA9";
    const auto one = Regex(".", "test", Regex::Subject::kBytes).FindAt(e_acute, 0);
    REQUIRE(one);
    CHECK(one->groups[0].end == 1);  // one byte
    const auto whole = Regex(".", "test").FindAt(e_acute, 0);
    REQUIRE(whole);
    CHECK(whole->groups[0].end == 2);  // one character
    // a kBytes pattern must be ASCII: "N’?V" would make the last byte of ’ optional
    CHECK_THROWS_WITH_AS(Regex("N\xE2\x80\x99?V", "frames.txt:3", Regex::Subject::kBytes),
                         "frames.txt:3: bad pattern at offset 1: a pattern over one-byte symbols "
                         "must be ASCII",
                         ConfigError);
    CHECK_THROWS_AS(Regex("N\\x{2019}V", "frames.txt:4", Regex::Subject::kBytes), ConfigError);
    CHECK_NOTHROW(Regex("N\xE2\x80\x99?V", "frames.txt:3"));
    const std::string high = "N\x80\xFFV";  // not UTF-8: a kBytes subject may hold any byte
    const auto m = Regex("N[^V]+V", "test", Regex::Subject::kBytes).FindAt(high, 0);
    REQUIRE(m);
    CHECK(m->groups[0].end == 4);
  }

  // Find on a kBytes pattern starts at the first byte PCRE2's start study
  // admits (and makes no match call when there is none up to last_start):
  // from every start to every last start, the same match as the UTF-8
  // pattern (no skip) on ASCII subjects. Patterns as the frames write them:
  // lookbehinds before the first symbol, a first unit, classes, groups.
  TEST_CASE("regex: a kBytes Find skips to a possible first byte and finds what it found") {
    const std::vector<std::string> patterns = {
        "(?<=[xk]|x[yz])(?<cue>[VB]|(?<=x)[vb])(?:S|e?y){0,3},?(?=[DdNk]|ek?#)",
        "(?<![DdkN])(?:[Dd]?N{1,3}|P),?(?<cue>V)[^|/]{1,6}?(?=[.]?[|/]|,)",
        "(?<=[|/])N+V",
        "V",
        "(?:Vt|B,)N",
        "(?<=V)\\|?Q",
        "^/N",
        "\\GN|V",
        "N(?=V)|(?<=N)V",
        "[^|/]{2,5}?(?=,|[|/])",
        "(?i)v",
        "(?<cue>[VCTB]|(?<=x)[vcUb])(?=[iD])",  // 8 first bytes
        "(?<=[,x])[VtS]k?",                     // 3
        "[VBtdxyzk]",                           // 8: none padded
        "[VBtdxyzkN]",                          // 9: byte by byte
    };
    const std::string alphabet = "NVDkdxyzvbB,.|/QtPe#SCTcUi";
    std::uint32_t seed = 12345;
    for (const std::string& pattern : patterns) {
      CAPTURE(pattern);
      const Regex utf(pattern, "test");
      const Regex bytes(pattern, "test", Regex::Subject::kBytes);
      CompareFind(utf, bytes, nullptr, alphabet, 60, seed);
    }
  }

  // AdmitStartsAfter(before), given the bytes a pattern's opening
  // lookbehind ends with, finds what Find found without it, from every start
  // to every last start; bytes that are not all of them lose matches.
  TEST_CASE("regex: a kBytes Find admitting starts after some bytes finds what it found") {
    struct Row {
      std::string pattern, before;
    } rows[] = {
        {"(?<=[xk]|x[yz])(?<cue>[VB]|(?<=x)[vb])(?=[DdNk]|ek?#)", "xkyz"},
        {"(?<=[,x])[VtS]k?", ",x"},
        {"(?<=Q|Q[,\\-|]|Q,[-|])(?<cue>[VT])", "Q,-|"},
        {"(?<=[a]|[a][xyz]|[a]e[yN])(?<cue>[VB])[DdN]", "axyzyN"},
        {"(?<=[|/])N+V", "|/"},
    };
    const std::string alphabet = "NVBTQa,-|/xyzeDk";
    std::uint32_t seed = 4242;
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      const Regex plain(row.pattern, "test", Regex::Subject::kBytes);
      Regex admitting(row.pattern, "test", Regex::Subject::kBytes);
      Regex::ByteSet before = BytesOf(row.before);
      admitting.AdmitStartsAfter(before);
      Regex short_of(row.pattern, "test", Regex::Subject::kBytes);
      short_of.AdmitStartsAfter(before.reset(static_cast<unsigned char>(row.before[0])));
      CHECK(CompareFind(plain, admitting, &short_of, alphabet, 120, seed) > 0);
    }
  }

  // AdmitSecondBytes(second), given the bytes every match takes right after
  // its first, finds what Find found without it (with AdmitStartsAfter too);
  // bytes that are not all of them lose matches.
  TEST_CASE("regex: a kBytes Find admitting some second bytes finds what it found") {
    struct Row {
      std::string pattern, second, before;
    } rows[] = {
        {"(?<cue>[VB]|(?<=x)[vb])(?=[DdNk]|ek?#)", "DdNke", ""},
        {"(?<cue>[VB])(?:S|e?y){0,3},?(?=[DdN])", "SeyDdN,", ""},
        {"(?<=[a,])(?<cue>[VT]),(?![vD])", ",", "a,"},
        {"(?<cue>V)\\.?[|Q]", "|.Q", ""},
    };
    const std::string alphabet = "NVBTQa,.|vbxDdkeSy";
    std::uint32_t seed = 5151;
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      const Regex plain(row.pattern, "test", Regex::Subject::kBytes);
      Regex admitting(row.pattern, "test", Regex::Subject::kBytes);
      Regex::ByteSet second = BytesOf(row.second);
      admitting.AdmitSecondBytes(second);
      admitting.AdmitStartsAfter(row.before.empty() ? Regex::ByteSet().set() : BytesOf(row.before));
      Regex short_of(row.pattern, "test", Regex::Subject::kBytes);
      short_of.AdmitSecondBytes(second.reset(static_cast<unsigned char>(row.second[0])));
      CHECK(CompareFind(plain, admitting, &short_of, alphabet, 120, seed) > 0);
    }
  }

  TEST_CASE("regex: NextStart steps past a match, and one character past an empty one") {
    struct Row {
      std::string subject;
      Span whole;
      std::size_t next;
    } rows[] = {
        {"abc", {0, 2}, 2},  // a match: its end
        {"abc", {1, 1}, 2},  // empty: one ASCII character on
        {"a\xC3\xA9"
         "b",
         {1, 1},
         3},  // empty before é: past both of its bytes
        {"a\xE2\x80\x9C"
         "b",
         {1, 1},
         4},                // past a three-byte character
        {"ab", {2, 2}, 3},  // empty at the end: past it (FindAt then stops)
    };
    for (const Row& r : rows) {
      CAPTURE(r.subject);
      CHECK(Regex::NextStart(r.subject, r.whole) == r.next);
    }
    // FindAll steps the same way: "x*" on "ab" matches empty at 0, 1 and 2
    Regex any("x*", "test");
    CHECK(any.FindAll("ab").size() == 3);
  }
  // The JIT is compiled on a pattern's first match; pcre2_compile stays at
  // construction, so a bad pattern still fails when the rules load.
  TEST_CASE("regex: a bad pattern fails at construction, before any match") {
    CHECK_THROWS_AS(Regex("(a", "frames.txt:1"), ConfigError);
    CHECK_THROWS_AS(Regex("a{2,1}", "frames.txt:2"), ConfigError);
    CHECK_NOTHROW(Regex("(a)", "frames.txt:3"));  // built, never matched
  }

  TEST_CASE("regex: first matches from several threads at once find what one thread finds") {
    struct Row {
      std::string pattern, subject;
      std::size_t begin, end;  // the first match; begin == npos: none
    };
    constexpr std::size_t kNone = Regex::npos;
    const std::vector<Row> rows = {
        {"(?<who>N+)V", "DNNV,", 1, 4},
        {"b+c", "abbbc", 1, 5},
        {"(a+)+$", std::string(30, 'a') + "b", kNone, kNone},  // the match limit
        {"x", "yyy", kNone, kNone},
        {"(?<=a)b", "cbab", 3, 4},
    };
    for (int round = 0; round < 20; ++round) {
      std::vector<Regex> fresh;  // never matched: the threads race to the first match
      for (const Row& r : rows) fresh.emplace_back(r.pattern, "test");
      constexpr int kThreads = 4;
      std::atomic<int> ready{0};
      std::vector<int> wrong(kThreads, 0);
      std::vector<std::thread> threads;
      for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
          Regex::Scratch scratch;
          Regex::Match m;
          ready.fetch_add(1);
          while (ready.load() < kThreads) {
          }
          for (std::size_t i = 0; i < rows.size(); ++i) {
            const Row& r = rows[i];
            bool found = fresh[i].Find(r.subject, 0, r.subject.size(), scratch, m);
            bool same =
                found ? m.groups[0].begin == r.begin && m.groups[0].end == r.end : r.begin == kNone;
            if (!same) ++wrong[t];
          }
        });
      }
      for (std::thread& t : threads) t.join();
      for (int t = 0; t < kThreads; ++t) CHECK(wrong[t] == 0);
    }
  }
}

}  // namespace whosaid
