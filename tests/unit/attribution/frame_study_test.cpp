#include "attribution/frame_study.h"

#include <doctest/doctest.h>

#include <bitset>
#include <cstdint>
#include <string>

#include "../support/rules_fixture.h"
#include "core/regex.h"

namespace whosaid::attribution {
namespace {

// The symbols of `symbols` as a set; "*": every symbol.
std::bitset<256> SymbolSet(const std::string& symbols) {
  std::bitset<256> set;
  if (symbols == "*") return set.set();
  for (char c : symbols) set.set(static_cast<unsigned char>(c));
  return set;
}

// Over `shapes` random shapes of 1 to 30 symbols of `alphabet`: at each
// position where `search` matches, at_match(shape, position); returns how
// many matched. `seed` advances.
template <typename AtMatch>
std::size_t ForEachMatch(const Regex& search, const std::string& alphabet, int shapes,
                         std::uint32_t& seed, AtMatch&& at_match) {
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  std::size_t found = 0;
  for (int n = 0; n < shapes; ++n) {
    std::string shape;
    for (std::size_t i = 0, size = 1 + next() % 30; i < size; ++i)
      shape += alphabet[next() % alphabet.size()];
    CAPTURE(shape);
    for (std::size_t at = 0; at < shape.size(); ++at) {
      if (!search.FindAt(shape, at, at)) continue;
      ++found;
      at_match(shape, at);
    }
  }
  return found;
}

TEST_SUITE("attribution") {
  TEST_CASE("CueSuffix: the cue group and what must follow it, up to the content") {
    struct Row {
      std::string pattern, suffix;
    } rows[] = {
        // the content group is opened; its lookahead stays, its long repeat ends the suffix
        {"(?<spk>N+)(?<cue>[VT])(?<content>(?=i)[^|/]{1,400}?)", "(?<cue>[VT])(?=i)"},
        {"(?<spk>N+),?(?<cue>V)[^|/t]{0,12}?,?t(?<content>[^|/]{1,400}?)(?=[|/])",
         "(?<cue>V)[^|/t]{0,12}?,?t"},
        // a cue group inside another plain group: that group is opened too
        {"(?<content>[wt](?<spk>N)(?<cue>[VB])(?=[xk])[^,|/]{1,300}?)", "(?<cue>[VB])(?=[xk])"},
        // a group after the cue with alternatives stays whole
        {"(?<spk>N)(?<cue>T)(?:H?N{1,4}|p)z?i(?<content>[^|/]{1,400}?)",
         "(?<cue>T)(?:H?N{1,4}|p)z?i"},
        // escapes are copied as they are
        {"(?<spk>N)(?<cue>V)\\.?\\|(?<q>Q)(?=[.]?[|/])", "(?<cue>V)\\.?\\|Q(?=[.]?[|/])"},
        // nothing that must match after the cue: none
        {"(?<q>Q),?(?<spk>N+),?(?<cue>[VT])", ""},
        {"(?<q>Q)(?<cue>[VT])S?(?<spk>N+)", ""},
        {"(?<spk>N)(?<cue>V)(?<content>[^|/]{2,400}?)", ""},
        // the cue group inside alternatives, a repeat or a lookaround: none
        {"(?:(?<cue>V)i|(?<spk>N)V)t", ""},
        {"(?<spk>N)(?:(?<cue>V)i)?t", ""},
        {"(?<spk>N)(?=(?<cue>V))Vt", ""},
        {"(?<spk>N)(?<cue>V)?t", ""},
        // alternatives at the top: none
        {"(?<spk>N)(?<cue>V)t|Q", ""},
        // forms not read here: none
        {"(?<spk>N)(?<cue>V)\\d", ""},
        {"(?<spk>N)(?<cue>V)[[:alpha:]]", ""},
        {"(?<spk>N)(?<cue>V)(?>t)", ""},
        {"(?<spk>N)(?<cue>V)(t", ""},
        {"", ""},
    };
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      CHECK(CueSuffix(row.pattern) == row.suffix);
    }
  }

  TEST_CASE("CueSuffix: every frame's suffix compiles, and matches where the frame has its cue") {
    // a shape with several claims; each frame's matches have their cue where
    // the suffix matches, anchored
    const std::string shape = "/NRNNNV,Q/Q,PV./NNyVtDkkk./GTNNtDkxk./NTdkikkk./DNNVikkk./";
    struct Row {
      std::string pattern;
    } rows[] = {
        {"(?<spk>N+),?(?<cue>[VT])(?<content>(?=[tDdi])[^|/]{1,40}?)(?=[.]?[|/])"},
        {"(?<spk>[NGD]+)y?(?<cue>[VT])[^|/t]{0,12}?t(?<content>[^|/]{1,40}?)(?=[.]?[|/])"},
        {"(?<spk>[NDG]+)(?<cue>[VT])(?:[Dd]?N{1,2})?(?<content>i[^|/]{1,40}?)(?=[.]?[|/])"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      const std::string suffix = CueSuffix(row.pattern);
      REQUIRE(!suffix.empty());
      Regex frame(row.pattern, "test");
      Regex after(suffix, "test");
      const int cue = frame.GroupIndex("cue");
      std::size_t found = 0;
      for (const auto& m : frame.FindAll(shape)) {
        const std::size_t at = m.Group(cue).begin;
        CAPTURE(at);
        CHECK(after.FindAt(shape, at, at).has_value());
        ++found;
      }
      CHECK(found > 0);
    }
  }

  TEST_CASE("CueLead: what must stand right before the cue group, as a lookbehind") {
    struct Row {
      std::string pattern, lead;
    } rows[] = {
        // optional atoms before a lookbehind of one class: every run, the runs of one length
        // as one alternative, their common beginnings written once
        {"(?<=Q),?-?\\|?(?<cue>[VT])(?<spk>N+)",
         "(?<=[Q]|[Q](?:[\\,]|[\\-]|[\\|])|[Q](?:[\\,](?:[\\-]|[\\|])|[\\-][\\|])|"
         "[Q][\\,][\\-][\\|])"},
        // a plain group is opened; a long repeat ends the lead
        {"(?<content>[^|/]{1,60}?[QqW]),?(?<cue>V)(?<spk>N+)", "(?<=[QWq]|[QWq][\\,])"},
        // a group of one-atom alternatives is their class
        {"(?<spk>N+)[^|/]{0,40}?(?:,|e)(?<cue>[vc])i", "(?<=[\\,e])"},
        // a negative lookbehind or a lookahead takes no symbol: passed over
        {"(?<spk>N+)a(?<![z])(?<cue>V)", "(?<=[a])"},
        {"N+a(?=V)(?<cue>V)", "(?<=[a])"},
        // a lookbehind of one class is the last part read
        {"k(?<=[xy])(?<cue>V)", "(?<=[xy])"},
        // repeats of at most three
        {"[xy]{2}(?<cue>V)", "(?<=[xy][xy])"},
        {"x{1,2}(?<cue>V)", "(?<=[x]|[x][x])"},
        {"N{4}(?<cue>V)", ""},
        // '.' ends the lead
        {".,(?<cue>V)", "(?<=[\\,])"},
        // every part read may match empty: none
        {"(?<spk>N+),?(?<cue>V)t", ""},
        {"(?<spk>N+)(?<cue>V)t", ""},
        // more than 64 alternatives: the lead stops before the part, here with nothing said
        {"Xa?b?c?d?e?f?g?(?<cue>V)", ""},
        // 32 alternatives: every choice of the optional parts
        {"Xb?c?d?e?f?(?<cue>V)",
         "(?<=[X]|[X](?:[b]|[c]|[d]|[e]|[f])|[X](?:[b](?:[c]|[d]|[e]|[f])|[c](?:[d]|[e]|[f])|"
         "[d](?:[e]|[f])|[e][f])|[X](?:[b](?:[c](?:[d]|[e]|[f])|[d](?:[e]|[f])|[e][f])|"
         "[c](?:[d](?:[e]|[f])|[e][f])|[d][e][f])|[X](?:[b](?:[c](?:[d](?:[e]|[f])|[e][f])|"
         "[d][e][f])|[c][d][e][f])|[X][b][c][d][e][f])"},
        // a group of longer alternatives: each run it may take
        {"(?:ab|c)(?<cue>V)", "(?<=[c]|[a][b])"},
        {"(?:ab|c)x(?<cue>V)", "(?<=[c][x]|[a][b][x])"},
        {"a(?:e(?:y{1,2}|Dk)(?=V))?(?<cue>V)", "(?<=[a]|[a][e][y]|[a][e](?:[y][y]|[D][k]))"},
        {"a[xy]{0,1}(?:e(?:y|Dk)x?)?(?<cue>V)",
         "(?<=[a]|[a][xy]|[a][e][y]|[a](?:[xy][e][y]|[e](?:[y][x]|[D][k]))|"
         "[a](?:[xy][e](?:[y][x]|[D][k])|[e][D][k][x])|[a][xy][e][D][k][x])"},
        // one that may match empty says nothing alone; a lookbehind, '.' or a long repeat
        // in it ends the lead
        {"(?:ab|c)?(?<cue>V)", ""},
        {"x(?:a.|c)(?<cue>V)", ""},
        // a plain group some alternative of which is not read whole: each alternative as far
        // as it goes, a lookbehind of one class its last part; the lead stops at the group
        {"x(?:a(?<=a)b|c)(?<cue>V)", "(?<=[c]|[a][b])"},
        {"(?:(?<=[|/])|(?<=[|/,])j|(?<=[kN])j|(?<=[|/,])(?:D?N+)x|(?<=w)x{1,2})(?<spk>)(?<cue>V)",
         "(?<=(?:[\\/\\|]|[x])|(?:[\\,\\/\\|][j]|[Nk][j]|[w][x])|[w][x][x])"},
        // (and says nothing when one alternative reads no symbol)
        {"(?:(?<=[|/,])(?:D?N+)|j)(?<cue>V)", ""},
        {"(?:.x|j)?(?<cue>V)", ""},
        {"x(?:a{4}|c)(?<cue>V)", ""},
        {"x(?:ab|c){4}(?<cue>V)", ""},
        // no plain cue group at the top: none
        {"(?:(?<cue>V)|N)t", ""},
        {"x(?<cue>V)?t", ""},
        {"x(?<cue>V)|Q", ""},
        {"", ""},
    };
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      CHECK(CueLead(row.pattern) == row.lead);
    }
  }

  TEST_CASE("StudyFrame's cue_search matches, anchored, wherever a frame has its cue group") {
    const std::bitset<256> bounds = std::bitset<256>().set('|').set('/');
    struct Row {
      std::string pattern, shape;
      bool lead;  // the study finds a lead
    } rows[] = {
        {"(?<=Q),?-?\\|?(?<cue>[VT])(?<spk>N+),(?<q>[QW])", "/Q,VNN,Q./Q|TN,W/Q-VN,Q/", true},
        {"(?<=[|/])(?<spk>N+)[^|/]{0,40}?(?:,|e)(?<cue>[vc])(?<content>i[^|/]{1,40}?)(?=[.]?[|/])",
         "/NNkk,vikk./NkecikD./Nk,cikD./", true},
        {"(?<=[|/])(?<content>[^|/]{1,60}?[QqW]),?(?<cue>V)(?<spk>N+)(?=[.]?[|/])",
         "/kkQ,VNN./kqVN./kWkVN./", true},
        {"(?<spk>N+),?(?<cue>[VT])(?<content>(?=[tDdi])[^|/]{1,40}?)(?=[.]?[|/])",
         "/NRNNNV,Q/NNVtDkkk./NTdkikkk./", false},
        // a coordinated cue after adverbs (@ADV of frames.txt): the lead reads every run of
        // the optional group
        {"(?<=[|/])(?<spk>N+)[^|/]{0,40}?a[xyz]{0,3}(?:e(?:y{1,2}|N#?|Dk)[xyz]{0,2}(?=[VBTLC]))?"
         "(?<![z])(?<cue>[VB])(?<content>[DdN][^|/]{1,40}?)(?=[.]?[|/])",
         "/NkaVDkk./NkaxeyVDk./NkayyeDkxVNk./NkaeN#BDk./NkVDk./", true},
        // the opening of asked_object of frames.txt (@NP shortened): the lead reads each
        // alternative back as far as it goes
        {"(?:(?<=[|/])|(?<=[|/,])j|(?<=[kNRGOPpQqWV])j|(?<=[|/,])(?:[Dd]?N{1,5}(?:[ofe]N+)?|P)"
         "x{1,2}|(?<=w)x{1,2})(?<spk>)(?<cue>V)(?<content>(?=[DdNPp#kgQqW])[^,|/]{1,80}?)"
         "(?=,|[.]?[|/])",
         "/VDkk,NVPxkk./jVeDRhPxk,NVPk./DNxxVDk./NeNxVNk,kwxVPk./kkjVNk./PxVpk./", true},
    };
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      const FrameStudy study = StudyFrame(row.pattern, bounds);
      CHECK(!CueLead(row.pattern).empty() == row.lead);
      REQUIRE(!study.cue_search.empty());
      // the lead, then the suffix or, when there is none, the cue group alone
      const std::size_t open = row.pattern.find("(?<cue>");
      const std::string group = row.pattern.substr(open, row.pattern.find(')', open) + 1 - open);
      const std::string rest = study.cue_suffix.empty() ? group : study.cue_suffix;
      CHECK(study.cue_search == (row.lead ? CueLead(row.pattern) + rest : study.cue_suffix));
      Regex frame(row.pattern, "test", Regex::Subject::kBytes);
      Regex search(study.cue_search, "test", Regex::Subject::kBytes);
      const int cue = frame.GroupIndex("cue");
      std::size_t found = 0;
      for (const auto& m : frame.FindAll(row.shape)) {
        const std::size_t at = m.Group(cue).begin;
        CAPTURE(at);
        const auto hit = search.FindAt(row.shape, at, at);
        REQUIRE(hit.has_value());
        CHECK(hit->groups[0].begin == at);
        ++found;
      }
      CHECK(found >= 2);
    }
  }

  TEST_CASE("StartsAfter: a pattern opening with a lookbehind of boundary symbols") {
    const std::bitset<256> bounds = std::bitset<256>().set('|').set('/');
    struct Row {
      std::string pattern;
      bool after;
    } rows[] = {
        {"(?:(?<=[|/]))(?<spk>N+)(?<cue>V)", true},  // @START, as frames.txt writes it
        {"(?<=/)(?<spk>N)(?<cue>:)", true},
        {"(?<=\\|)N", true},
        {"(?<content>(?<=[|/])k+)V", true},  // inside a plain group
        {"(?<=[|/,])(?<q>Q)", false},        // a comma is no boundary
        {"(?:(?<=[|/]))?N", false},          // optional
        {"(?:(?<=[|/])|(?<=,))N", false},    // one of alternatives
        {"(?<=[|/]N)V", false},              // more than one symbol
        {"(?<![|/])N", false},               // a negative lookbehind
        {"N(?<=[|/])", false},               // not first
        {"(?=[|/])N", false},
        {"(?<=[|/])N|V", false},
        {"", false},
    };
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      CHECK(StartsAfter(row.pattern, bounds) == row.after);
    }
  }

  TEST_CASE("RequiredSymbols: sets every match takes, and the boundaries it may cross") {
    const ShapeAlphabet alpha = ShapeAlphabet::Load(testing::Rules());
    auto sets = [](const Required& r) {
      std::string out;
      for (const auto& set : r.sets) {
        if (!out.empty()) out += ' ';
        for (int c = 0; c < 256; ++c)
          if (set.test(static_cast<std::size_t>(c))) out += static_cast<char>(c);
      }
      return out;
    };
    struct Row {
      std::string pattern, sets;
      std::size_t crossings;
    } rows[] = {
        {"(?<spk>N+),?(?<cue>[VT])\\.?\\|(?<q>Q)", "N TV Q", 1},
        {"(?:[VB]|(?<=x)[vb])t", "BVbv t", 0},
        {"N?(?=Q)V", "V", 0},
        {"[^|/]{0,40}V", "V", 0},
        {"(?:N|)V", "V", 0},
        {".V", "V", 1},   // a '.' may take one boundary
        {".*V", "", 0},   // any number of them: nothing proved
        {"N\\d", "", 0},  // a form not read here
    };
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      const Required r = RequiredSymbols(row.pattern, alpha);
      CHECK(sets(r) == row.sets);
      if (!r.sets.empty()) CHECK(r.crossings == row.crossings);
    }
  }

  TEST_CASE("FilteredLookaheads: a one-class filter before each long lookahead") {
    const std::string end = "(?=,a|[.:;]?[|/]|;|(?<=[Qq])[vc]|,[um])";
    struct Row {
      std::string pattern, filtered;
    } rows[] = {
        // the first symbols of each alternative; an optional one adds the next
        {"[^|/]{1,9}?" + end, "[^|/]{1,9}?(?=[\\,\\.\\/\\:\\;cv\\|])" + end},
        // in a named group and after it: both get one
        {"(?<content>N" + end + ")" + end,
         "(?<content>N(?=[\\,\\.\\/\\:\\;cv\\|])" + end + ")(?=[\\,\\.\\/\\:\\;cv\\|])" + end},
        // a group of alternatives first, and a lookahead inside an alternative
        {"N(?=(?:a|b)x|c|d|(?=e)e)", "N(?=[abcde])(?=(?:a|b)x|c|d|(?=e)e)"},
        // fewer than kFilteredAlternatives alternatives: as it is
        {"N(?=[.]?[|/]|,|a)", "N(?=[.]?[|/]|,|a)"},
        // an alternative that may match empty, a '.', a repeated lookahead,
        // a negative one, one in a lookbehind: as they are
        {"N(?=a|b|c|d?)", "N(?=a|b|c|d?)"},
        {"N(?=a|b|c|.)", "N(?=a|b|c|.)"},
        {"N(?=a|b|c|d)?", "N(?=a|b|c|d)?"},
        {"N(?!a|b|c|d)", "N(?!a|b|c|d)"},
        {"(?<=N(?=a|b|c|d))k", "(?<=N(?=a|b|c|d))k"},
        // a form not read here: the whole pattern as it is
        {"N\\d(?=a|b|c|d)", "N\\d(?=a|b|c|d)"},
        // a brace that is no repeat count is a literal (PCRE2), never "x zero
        // times" (which made the filter [bcdy]): a form not read, as it is
        {"N(?=x{}y|b|c|d)", "N(?=x{}y|b|c|d)"},
        {"N(?=x{a}y|b|c|d)", "N(?=x{a}y|b|c|d)"},
        {"N(?=x{0,2}y|b|c|d)", "N(?=[bcdxy])(?=x{0,2}y|b|c|d)"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      CHECK(FilteredLookaheads(row.pattern) == row.filtered);
    }
  }

  TEST_CASE("FilteredLookaheads: the same matches and groups as the pattern written") {
    const std::string end =
        "(?=,a(?=[Dd]k)|[.:;]?[|/]|;|,[um]|,[vclgU]|a[xyz]{0,3}[VBTL]t|(?<=[QqW])[vclgU]|"
        "(?<=[QqW]),[kea]|,(?=[Dd]?[kNRGP]{1,3}[VT][,.|/]))";
    const std::string patterns[] = {
        "(?<spk>N+),?(?<cue>[VB])(?<content>(?=[DdNPp])[^|/]{1,400}?)" + end,
        "(?<content>[^|/]{1,80}?),(?<spk>N+)(?<cue>V)" + end,
        "(?<spk>[DN]+)(?<cue>V)t(?<content>[^|/]{1,40}?)(?:" + end + "|(?=,))",
    };
    const std::string shapes[] = {
        "/NNVDkkk./NVtDkx,akk./",
        "/DkkQ,NV./NNVDkk,um./Dkk,NV,aDk./",
        "/NVDk,vkk|NVPkaxVtk./NVDk;kk./",
        "/NNVQc,DkkV,./NVtDk,DkV./",
    };
    for (const std::string& pattern : patterns) {
      const Regex written(pattern, "test"), filtered(FilteredLookaheads(pattern), "test");
      CHECK(filtered.pattern() != written.pattern());
      for (const std::string& shape : shapes) {
        CAPTURE(pattern);
        CAPTURE(shape);
        const auto a = written.FindAll(shape), b = filtered.FindAll(shape);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
          REQUIRE(a[i].groups.size() == b[i].groups.size());
          for (std::size_t g = 0; g < a[i].groups.size(); ++g) {
            CHECK(a[i].groups[g].begin == b[i].groups[g].begin);
            CHECK(a[i].groups[g].end == b[i].groups[g].end);
          }
        }
      }
    }
  }

  // before_cue: every match of cue_search starts right after one of its
  // symbols (Frames::Run skips the other starts: AdmitStartsAfter); all
  // symbols when the study finds no lead. Leads as the frames write them
  // (frames.txt): a lookbehind of one class, optional parts after a required
  // one, a group of longer alternatives, a group read alternative by
  // alternative, and none.
  TEST_CASE("StudyFrame's before_cue: the symbols that stand right before a cue search's match") {
    const std::bitset<256> bounds = std::bitset<256>().set('|').set('/');
    struct Row {
      std::string pattern;
      std::string before;  // "*": every symbol
    } rows[] = {
        {"(?<=Q),?-?\\|?(?<cue>[VT])(?<spk>N+),(?<q>[QW])", "Q,-|"},
        {"(?<=[|/])(?<content>[^|/]{1,60}?[QqW]),?(?<cue>V)(?<spk>N+)(?=[.]?[|/])", "QqW,"},
        {"(?<=[|/])(?<spk>N+)[^|/]{0,40}?(?:,|e)(?<cue>[vc])(?<content>i[^|/]{1,40}?)"
         "(?=[.]?[|/])",
         ",e"},
        {"(?<=[|/])(?<spk>N+)[^|/]{0,40}?a[xyz]{0,3}(?:e(?:y{1,2}|N#?|Dk)[xyz]{0,2}(?=[VBTLC]))?"
         "(?<![z])(?<cue>[VB])(?<content>[DdN][^|/]{1,40}?)(?=[.]?[|/])",
         "axyzN#k"},
        {"(?:(?<=[|/])|(?<=[|/,])j|(?<=[kNRGOPpQqWV])j|(?<=[|/,])(?:[Dd]?N{1,5}(?:[ofe]N+)?|P)"
         "x{1,2}|(?<=w)x{1,2})(?<spk>)(?<cue>V)(?<content>(?=[DdNPp#kgQqW])[^,|/]{1,80}?)"
         "(?=,|[.]?[|/])",
         "|/jx"},
        {"(?<spk>N+),?(?<cue>[VT])(?<content>(?=[tDdi])[^|/]{1,40}?)(?=[.]?[|/])", "*"},
    };
    const std::string alphabet = "NVTDdkxyzvcbBa,.|/QqWtPe#SjwiR";
    std::uint32_t seed = 2718;
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      const FrameStudy study = StudyFrame(row.pattern, bounds);
      REQUIRE(!study.cue_search.empty());
      CHECK(study.before_cue == SymbolSet(row.before));
      const Regex search(study.cue_search, "test", Regex::Subject::kBytes);
      const std::size_t found =
          ForEachMatch(search, alphabet, 400, seed, [&](const std::string& shape, std::size_t at) {
            if (study.before_cue.all()) return;
            REQUIRE(at > 0);
            CHECK(study.before_cue[static_cast<unsigned char>(shape[at - 1])]);
          });
      CHECK(found > 0);
    }
  }

  // after_cue: when the cue group takes one symbol, every match of
  // cue_search takes one of these right after it (Frames::Run skips the other
  // starts: AdmitSecondBytes); all symbols when that is not known. Suffixes
  // as the frames write them (frames.txt): a lookahead of one class,
  // optional parts before a lookahead, a required literal, a cue group with
  // a lookbehind in an alternative, one of two symbols, and none.
  TEST_CASE("StudyFrame's after_cue: the symbols that follow a cue search's first") {
    const std::bitset<256> bounds = std::bitset<256>().set('|').set('/');
    struct Row {
      std::string pattern;
      std::string after;  // "*": every symbol
    } rows[] = {
        {"(?<spk>N+)(?<cue>[VCTB]|(?:(?<=x|x[yz]|x[yz]{2}))[vcUb])(?=[DdN#QqWpkGH])"
         "(?<content>[^|/]{1,40}?)(?=[.]?[|/])",
         "DdN#QqWpkGH"},
        {"(?<spk>N+)(?<cue>[VB]|(?:(?<=x|x[yz]|x[yz]{2}))[vb])(?:S|e?y){0,3},?"
         "(?=[DdNPp#QqWHkROGgj]|ek?#|ekD|t[yz]{0,2}x)(?<content>[^|/]{1,40}?)(?=[.]?[|/])",
         "SeyDdNPp#QqWHkROGgjt,"},
        {"(?<spk>N+)(?<cue>[VT]),(?![vclgU])(?<content>[^|/]{1,40}?)(?=[.]?[|/])", ","},
        {"(?<=[|/])(?<spk>N+)(?<cue>V)\\.?\\|(?<q>Q)(?=[.]?[|/])", ".|"},
        {"(?<spk>N+),?(?<cue>[VT])(?<content>(?=[tDdi])[^|/]{1,40}?)(?=[.]?[|/])", "tDdi"},
        {"(?<spk>N+)(?<cue>V[iD])(?=[DdN])(?<content>[^|/]{1,40}?)(?=[.]?[|/])", "*"},
        // (N+ may take more than kCueSuffixMostSymbols: no suffix)
        {"(?<=[|/])(?<content>[^|/]{1,60}?[QqW]),?(?<cue>V)(?<spk>N+)(?=[.]?[|/])", "*"},
    };
    std::uint32_t seed = 1414;
    for (const auto& row : rows) {
      CAPTURE(row.pattern);
      const FrameStudy study = StudyFrame(row.pattern, bounds);
      REQUIRE(!study.cue_search.empty());
      CHECK(study.after_cue == SymbolSet(row.after));
      const Regex search(study.cue_search, "test", Regex::Subject::kBytes);
      // (the symbols of the rows' cues and leads, and those said to follow)
      const std::string alphabet =
          "NVTBvbxQ|/,." + (row.after == "*" ? std::string("iDdtkSy") : row.after);
      const std::size_t found =
          ForEachMatch(search, alphabet, 1000, seed, [&](const std::string& shape, std::size_t at) {
            if (study.after_cue.all()) return;
            REQUIRE(at + 1 < shape.size());
            CHECK(study.after_cue[static_cast<unsigned char>(shape[at + 1])]);
          });
      CHECK(found > 0);
    }
  }

  TEST_CASE("StudyFrame: the three studies of one reading") {
    const std::bitset<256> bounds = std::bitset<256>().set('|').set('/');
    const std::string patterns[] = {
        "(?<=[|/])(?<spk>N+)(?<cue>V)(?=i)(?<content>[^|/]{1,40}?)(?=,|a|b|[|/])",
        "(?<spk>N+)(?<cue>V)t",
        "N\\d",
    };
    for (const std::string& p : patterns) {
      CAPTURE(p);
      const FrameStudy study = StudyFrame(p, bounds);
      CHECK(study.cue_suffix == CueSuffix(p));
      CHECK(study.starts_after == StartsAfter(p, bounds));
      CHECK(study.filtered == FilteredLookaheads(p));
    }
  }
}

}  // namespace
}  // namespace whosaid::attribution
