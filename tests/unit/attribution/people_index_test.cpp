// Tests for attribution/people_index.h: recency, ties and the word lookup
// that coreference relies on (and that must not cost O(n) per query).
#include "attribution/people_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::attribution {
namespace {

std::string NameOf(const KnownPerson* p) { return p ? p->name : "-"; }

// The same mentions (in and out of unit order, roles, a rank replaced, an
// alias, a non-salient one) remembered in two indexes of one-key words, to
// compare their answers; `self_named`: a person known as "Imbert" too.
void RememberInBoth(PeopleIndex& a, PeopleIndex& b, bool self_named) {
  auto both = [&](const KnownPerson& k, bool salient = true) {
    a.Remember(k, salient);
    b.Remember(k, salient);
  };
  both({"Rosa Imbert", "general", "", "general", 12, true});
  both({"Hugo Imbert", "", "", "", 30});
  both({"Rosa Imbert", "spokesperson", "Valdor Party", "spokesperson", 40});
  both({"Tessa Marsh", "mayor", "", "mayor", 5}, false);
  both({"Rosa Imbert", "", "", "", 20});
  if (self_named) both({"Imbert", "", "", "", 45});
  a.AddAlias("Hugo Imbert", "Zorvan");
  b.AddAlias("Hugo Imbert", "Zorvan");
}

void OneKey(std::string_view word, std::vector<std::string>& out) { out.emplace_back(word); }

// Nasrullah Dogar (unit 10, analyst), Kamal Soomro (20, analyst),
// Ali Dogar (30, minister); then Nasrullah Dogar seen again at 40; and a
// person known only as "Dogar" at 50.
PeopleIndex Sample() {
  PeopleIndex people;
  people.Remember({"Nasrullah Dogar", "security analyst", "", "analyst", 10});
  people.Remember({"Kamal Soomro", "security analyst", "", "analyst", 20});
  people.Remember({"Ali Dogar", "minister", "", "minister", 30});
  people.Remember({"Nasrullah Dogar", "", "IPRS", "", 40});
  people.Remember({"Dogar", "", "", "", 50});
  return people;
}

}  // namespace

TEST_SUITE("attribution") {
  TEST_CASE("people index: agreeing persons before a unit, and the bearers of a name word") {
    PeopleIndex people;
    people.Remember({"Rosa Imbert", "", "", "", 10, false, 'f'});
    people.Remember({"Hugo Imbert", "", "", "", 20, false, 'm'});
    people.Remember({"Lena Baro", "", "", "", 30, false, 0});
    auto male = [](const KnownPerson& k) { return k.gender == 0 || k.gender == 'm'; };
    auto female = [](const KnownPerson& k) { return k.gender == 0 || k.gender == 'f'; };
    auto strictly_female = [](const KnownPerson& k) { return k.gender == 'f'; };
    CHECK(NameOf(people.Before(40, male, 8)) == "Lena Baro");      // unknown agrees
    CHECK(NameOf(people.Before(30, male, 8)) == "Hugo Imbert");    // strictly before
    CHECK(NameOf(people.Before(30, female, 8)) == "Rosa Imbert");  // a man is skipped
    CHECK(NameOf(people.Before(40, strictly_female, 1)) == "-");   // looks back 1 mention
    CHECK(NameOf(people.Before(40, strictly_female, 3)) == "Rosa Imbert");
    const auto bearers = people.Bearers("Imbert");
    REQUIRE(bearers.size() == 2);
    CHECK(bearers[0]->name == "Rosa Imbert");
    CHECK(bearers[1]->name == "Hugo Imbert");
    CHECK(people.Bearers("Baro").size() == 1);
    CHECK(people.Bearers("Quade").empty());
  }

  TEST_CASE("people index: the most recent person by unit, role and name word") {
    const PeopleIndex people = Sample();
    struct Row {
      std::string what;
      const KnownPerson* got;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {"before unit 0", people.Before(0), "-"},
        {"before 10: strictly before", people.Before(10), "-"},
        {"before 20: every mention counts", people.Before(20), "Nasrullah Dogar"},
        {"before 31", people.Before(31), "Ali Dogar"},
        {"before 45", people.Before(45), "Nasrullah Dogar"},
        {"analyst at 25", people.WithRole("analyst", 25), "Kamal Soomro"},
        {"analyst at 45", people.WithRole("analyst", 45), "Nasrullah Dogar"},
        {"no such role", people.WithRole("senator", 99), "-"},
        {"minister at 5: none before, the first after", people.WithRole("minister", 5),
         "Ali Dogar"},
        {"Dogar at 35", people.WithWord("Dogar", 35), "Ali Dogar"},
        {"Dogar at 60: not the bare Dogar", people.WithWord("Dogar", 60), "Nasrullah Dogar"},
        {"Dogar at 5: none before, the first after", people.WithWord("Dogar", 5),
         "Nasrullah Dogar"},
        {"Soomro at 15: the first after", people.WithWord("Soomro", 15), "Kamal Soomro"},
        {"Soomro at 99", people.WithWord("Soomro", 99), "Kamal Soomro"},
        {"a word of nobody", people.WithWord("Khan", 99), "-"},
        {"find", people.Find("Kamal Soomro"), "Kamal Soomro"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.what);
      CHECK(NameOf(row.got) == row.expected);
    }
  }

  TEST_CASE("people index: a second mention fills a missing role or affiliation, keeps the first") {
    const PeopleIndex people = Sample();
    const KnownPerson* dogar = people.Find("Nasrullah Dogar");
    REQUIRE(dogar);
    CHECK(dogar->role == "security analyst");  // not replaced by the later empty role
    CHECK(dogar->affiliation == "IPRS");       // filled in
    CHECK(dogar->unit == 40);
  }

  TEST_CASE("people index: a function replaces a rank; an alias is a name word") {
    PeopleIndex people;
    people.Remember({"Nasir Omar", "General", "", "general", 3, true});
    people.Remember({"Nasir Omar", "militia commander", "", "commander", 9, false});
    people.Remember({"Nasir Omar", "adviser", "", "adviser", 12, false});
    CHECK(people.Find("Nasir Omar")->role == "militia commander");
    CHECK(NameOf(people.WithRole("commander", 10)) == "Nasir Omar");
    CHECK(NameOf(people.WithRole("commander", 4)) == "Nasir Omar");  // every mention moved
    people.AddAlias("Nasir Omar", "Abu Layla");
    CHECK(NameOf(people.WithWord("Layla", 20)) == "Nasir Omar");
  }

  TEST_CASE("people index: mentions in any unit order, repeated, and words added later") {
    // Remember adds a unit above the person's latest without looking at the
    // others; one below or equal must still be found once, and an alias's
    // word gets every mention made before it
    PeopleIndex people;
    people.Remember({"Rosa Imbert", "", "", "", 30});
    people.Remember({"Hugo Marsh", "", "", "", 25});
    people.Remember({"Rosa Imbert", "", "", "", 10});
    people.Remember({"Rosa Imbert", "", "", "", 30});  // again: no second mention
    people.Remember({"Rosa Imbert", "", "", "", 50});
    people.Remember({"Rosa Imbert", "", "", "", 20});
    people.AddAlias("Rosa Imbert", "La  Rosa");  // two blanks: an empty word too, as split
    struct Row {
      std::string what;
      const KnownPerson* got;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {"latest unit kept", people.Find("Rosa Imbert"), "Rosa Imbert"},
        {"before 11: the earlier mention", people.Before(11), "Rosa Imbert"},
        {"before 26: Marsh at 25", people.Before(26), "Hugo Marsh"},
        {"before 31: Imbert at 30", people.Before(31), "Rosa Imbert"},
        {"Imbert at 15", people.WithWord("Imbert", 15), "Rosa Imbert"},
        {"alias word at 12: the mention at 10", people.WithWord("La", 12), "Rosa Imbert"},
        {"alias word at 5: the first after", people.WithWord("Rosa", 5), "Rosa Imbert"},
        {"the empty word", people.WithWord("", 40), "Rosa Imbert"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.what);
      CHECK(NameOf(row.got) == row.expected);
    }
    CHECK(people.Find("Rosa Imbert")->unit == 50);
    // walking back over mentions: 50, 30, 25, 20 — a repeated 30 would be
    // one more step (the set holds each (unit, person) once either way)
    auto marsh = [](const KnownPerson& k) { return k.name == "Hugo Marsh"; };
    CHECK(NameOf(people.Before(60, marsh, 3)) == "Hugo Marsh");
    CHECK(NameOf(people.Before(60, marsh, 2)) == "-");
    CHECK(NameOf(people.First(11, 60, [](const KnownPerson&) { return true; })) == "Rosa Imbert");
    CHECK(NameOf(people.First(21, 29, [](const KnownPerson&) { return true; })) == "Hugo Marsh");
  }

  TEST_CASE("people index: an entry that cannot go last is placed in (unit, person) order") {
    // Add tries the end of a set first (mentions come mostly in document
    // order); an entry below the last one, or at its unit for a person known
    // earlier, must still land where the set's order puts it
    PeopleIndex people;
    people.Remember({"Rosa Imbert", "", "", "", 10});  // person 0
    people.Remember({"Hugo Imbert", "", "", "", 20});  // person 1
    people.Remember({"Rosa Imbert", "", "", "", 20});  // (20, 0) before (20, 1)
    people.Remember({"Hugo Imbert", "", "", "", 5});   // first of all
    auto any = [](const KnownPerson&) { return true; };
    struct Row {
      std::string what;
      const KnownPerson* got;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {"before 21: the tie at 20 goes to the first known", people.Before(21), "Rosa Imbert"},
        {"walking back one step from 21: (20, 1)", people.Before(21, any, 1), "Hugo Imbert"},
        {"walking back two steps: (20, 0) at the same unit", people.Before(21, any, 2),
         "Rosa Imbert"},
        {"before 10: the mention at 5", people.Before(10), "Hugo Imbert"},
        {"first in [0, 10)", people.First(0, 10, any), "Hugo Imbert"},
        {"first in [6, 30)", people.First(6, 30, any), "Rosa Imbert"},
        {"word Imbert at 7: at 5", people.WithWord("Imbert", 7), "Hugo Imbert"},
        {"word Imbert at 15: at 10", people.WithWord("Imbert", 15), "Rosa Imbert"},
        {"word Imbert at 20: the first known", people.WithWord("Imbert", 20), "Rosa Imbert"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.what);
      CHECK(NameOf(row.got) == row.expected);
    }
  }

  TEST_CASE("people index: an index by word alone answers by name and word as the full one does") {
    PeopleIndex full(OneKey), by_word(OneKey, PeopleIndex::Lookups::kByWord);
    RememberInBoth(full, by_word, /*self_named=*/false);
    for (const char* word : {"Imbert", "Rosa", "Marsh", "Zorvan", "Hugo Imbert", "Khan", ""}) {
      CAPTURE(word);
      CHECK(full.HasBearers(word) == by_word.HasBearers(word));
      CHECK(full.Bearers(word).size() == by_word.Bearers(word).size());
      CHECK(full.Indexed(word) == by_word.Indexed(word));
      for (std::size_t unit : {0, 5, 12, 13, 25, 30, 35, 50}) {
        CAPTURE(unit);
        const KnownPerson *f = full.WithWord(word, unit), *b = by_word.WithWord(word, unit);
        CHECK(NameOf(f) == NameOf(b));
        if (f && b) {
          CHECK(f->unit == b->unit);
          CHECK(f->role == b->role);
          CHECK(f->affiliation == b->affiliation);
        }
      }
    }
    for (const char* name : {"Rosa Imbert", "Hugo Imbert", "Tessa Marsh"}) {
      CAPTURE(name);
      REQUIRE(by_word.Find(name) != nullptr);
      CHECK(by_word.Find(name)->role == full.Find(name)->role);
      CHECK(by_word.Find(name)->unit == full.Find(name)->unit);
    }
    // by unit and by role it finds nobody
    CHECK(NameOf(full.Before(31)) == "Hugo Imbert");
    CHECK(by_word.Before(31) == nullptr);
    CHECK(by_word.First(0, 60, [](const KnownPerson&) { return true; }) == nullptr);
    CHECK(NameOf(full.WithRole("spokesperson", 50)) == "Rosa Imbert");
    CHECK(by_word.WithRole("spokesperson", 50) == nullptr);
  }

  TEST_CASE("people index: an index without WithWord answers every other look-up as the full one") {
    // (coreference's index of every person: a word of one bearer names that
    // bearer, the one the full index's WithWord finds at any unit)
    PeopleIndex full(OneKey), lean(OneKey, PeopleIndex::Lookups::kAllButWithWord);
    RememberInBoth(full, lean, /*self_named=*/true);
    for (const char* word : {"Imbert", "Rosa", "Marsh", "Zorvan", "Hugo Imbert", "Khan", ""}) {
      CAPTURE(word);
      CHECK(full.HasBearers(word) == lean.HasBearers(word));
      const auto bearers = lean.Bearers(word);
      REQUIRE(full.Bearers(word).size() == bearers.size());
      for (std::size_t i = 0; i < bearers.size(); ++i)
        CHECK(NameOf(full.Bearers(word)[i]) == NameOf(bearers[i]));
      CHECK(full.Indexed(word) == lean.Indexed(word));
      for (std::size_t unit : {0, 5, 12, 13, 25, 30, 35, 50}) {
        CAPTURE(unit);
        CHECK(lean.WithWord(word, unit) == nullptr);
        if (bearers.size() == 1) CHECK(NameOf(full.WithWord(word, unit)) == NameOf(bearers[0]));
      }
    }
    for (std::size_t unit : {0, 5, 12, 13, 25, 31, 41, 50}) {
      CAPTURE(unit);
      CHECK(NameOf(full.Before(unit)) == NameOf(lean.Before(unit)));
      CHECK(NameOf(full.WithRole("spokesperson", unit)) ==
            NameOf(lean.WithRole("spokesperson", unit)));
      CHECK(NameOf(full.WithRole("mayor", unit)) == NameOf(lean.WithRole("mayor", unit)));
    }
    auto any = [](const KnownPerson&) { return true; };
    CHECK(NameOf(full.First(0, 60, any)) == NameOf(lean.First(0, 60, any)));
    CHECK(NameOf(full.Before(50, any, 8)) == NameOf(lean.Before(50, any, 8)));
  }

  TEST_CASE("people index: a word asked again in a row reuses its keys; another word does not") {
    int calls = 0;
    PeopleIndex people([&calls](std::string_view word, std::vector<std::string>& keys) {
      ++calls;
      std::string lower(word);
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      keys.push_back(lower);
    });
    people.Remember({"Rosa Imbert", "", "", "", 4});
    people.Remember({"Hugo Imbert", "", "", "", 9});
    struct Row {
      std::string word;
      bool has;             // HasBearers(word)
      std::size_t bearers;  // Bearers(word).size()
      std::string with;     // WithWord(word, 20)
      int calls;            // keys computed for the three
    } rows[] = {
        {"IMBERT", true, 2, "Hugo Imbert", 1},
        {"Rosa", true, 1, "Rosa Imbert", 1},
        {"IMBERT", true, 2, "Hugo Imbert", 1},  // asked again after another word
        {"Khan", false, 0, "-", 1},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      calls = 0;
      CHECK(people.HasBearers(r.word) == r.has);
      CHECK(people.Bearers(r.word).size() == r.bearers);
      CHECK(NameOf(people.WithWord(r.word, 20)) == r.with);
      CHECK(calls == r.calls);
    }
  }

  TEST_CASE("people index: HasBearers is !Bearers().empty(); Indexed says which keys are held") {
    PeopleIndex people = Sample();
    people.AddAlias("Kamal Soomro", "Abu Kamal");
    struct Row {
      std::string word;
      bool has;  // HasBearers(word)
    } rows[] = {
        {"Dogar", true},       // three persons hold it; the bare Dogar is skipped, others remain
        {"Soomro", true},      // one
        {"Kamal", true},       // a name word and an alias word of the same person
        {"Abu", true},         // an alias word
        {"Khan", false},       // nobody's
        {"dogar", false},      // the default keys are the words as written
        {"Ali Dogar", false},  // a whole name is no word of it
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(people.HasBearers(r.word) == r.has);
      CHECK(people.HasBearers(r.word) == !people.Bearers(r.word).empty());
      CHECK(people.Indexed(r.word) == r.has);
    }
    PeopleIndex alone;
    alone.Remember({"Dogar", "", "", "", 5});
    CHECK(alone.Indexed("Dogar"));           // its own name's word
    CHECK_FALSE(alone.HasBearers("Dogar"));  // but only the person named exactly that bears it
    CHECK(alone.Bearers("Dogar").empty());
  }

  TEST_CASE("people index: the keys function decides what a word finds") {
    // lower case, and the part after a hyphen too (as coreference's keys)
    PeopleIndex people([](std::string_view word, std::vector<std::string>& keys) {
      std::string lower(word);
      for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      keys.push_back(lower);
      if (std::size_t dash = lower.find('-'); dash != std::string::npos)
        keys.push_back(lower.substr(dash + 1));
    });
    people.Remember({"Abu Karim al-Tamimi", "", "", "", 4});
    people.Remember({"Rosa Imbert", "", "", "", 9});
    struct Row {
      std::string word;
      std::string with_word;  // WithWord(word, 20)
    } rows[] = {
        {"Tamimi", "Abu Karim al-Tamimi"},
        {"Al-Tamimi", "Abu Karim al-Tamimi"},
        {"TAMIMI", "Abu Karim al-Tamimi"},
        {"imbert", "Rosa Imbert"},
        {"Karimi", "-"},
        {"al", "-"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(NameOf(people.WithWord(r.word, 20)) == r.with_word);
      CHECK(people.HasBearers(r.word) == (r.with_word != "-"));
    }
    CHECK(people.Indexed("tamimi"));
    CHECK(people.Indexed("al-tamimi"));
    CHECK_FALSE(people.Indexed("Tamimi"));  // keys, not words
  }

  TEST_CASE("people index: a mention with no role is found by no role; a role learnt later is") {
    PeopleIndex people;
    people.Remember({"Lena Baro", "", "", "", 3});
    people.Remember({"Hugo Marsh", "", "", "", 5});
    CHECK(NameOf(people.WithRole("", 9)) == "-");
    CHECK(NameOf(people.WithRole("mayor", 9)) == "-");
    people.Remember({"Lena Baro", "mayor", "", "mayor", 7});
    CHECK(NameOf(people.WithRole("mayor", 4)) == "Lena Baro");  // every mention moved
    CHECK(NameOf(people.WithRole("mayor", 9)) == "Lena Baro");
    CHECK(NameOf(people.WithRole("", 9)) == "-");
  }

  TEST_CASE("people index: ties at one unit go to the person known first") {
    PeopleIndex people;
    people.Remember({"Kamal Soomro", "", "", "", 7});
    people.Remember({"Ali Soomro", "", "", "", 7});
    CHECK(NameOf(people.Before(8)) == "Kamal Soomro");
    CHECK(NameOf(people.WithWord("Soomro", 8)) == "Kamal Soomro");
    people.Remember({"Soomro", "", "", "", 7});  // the bare word is skipped, not the tie
    CHECK(NameOf(people.WithWord("Soomro", 8)) == "Kamal Soomro");
  }

  // Hundreds of persons sharing name words (the name and word tables grow
  // many times over): every look-up by name and word against a plain scan
  // of what was remembered, as the contract states it.
  TEST_CASE("people index: many persons and shared words, against a plain scan") {
    const std::vector<std::string> syllables = {"ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi"};
    std::uint32_t seed = 12345;
    auto next = [&seed](std::uint32_t n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    auto word = [&]() { return syllables[next(8)] + syllables[next(8)]; };
    struct Person {
      std::string name;
      std::vector<std::string> words;
      std::vector<std::size_t> units;
    };
    std::vector<Person> known;  // in the order they became known
    PeopleIndex people;
    for (int k = 0; k < 1500; ++k) {
      std::string name = next(6) == 0 ? word() : word() + " " + word();
      const std::size_t unit = next(400);
      people.Remember({name, "", "", "", unit});
      auto it = std::find_if(known.begin(), known.end(),
                             [&name](const Person& p) { return p.name == name; });
      if (it == known.end()) {
        Person p{name, {}, {}};
        for (std::size_t b = 0;;) {
          const std::size_t sp = name.find(' ', b);
          p.words.push_back(name.substr(b, sp == std::string::npos ? std::string::npos : sp - b));
          if (sp == std::string::npos) break;
          b = sp + 1;
        }
        known.push_back(p);
        it = known.end() - 1;
      }
      it->units.push_back(unit);
    }
    auto bearers = [&](const std::string& w) {
      std::vector<std::size_t> out;
      for (std::size_t i = 0; i < known.size(); ++i)
        if (known[i].name != w && std::count(known[i].words.begin(), known[i].words.end(), w))
          out.push_back(i);
      return out;
    };
    // the latest mention at or before `unit` (the first known among equals), else the first after
    auto nearest = [&](const std::vector<std::size_t>& of, std::size_t unit) -> std::string {
      const Person* best = nullptr;
      std::size_t best_unit = 0;
      for (std::size_t i : of)
        for (std::size_t u : known[i].units)
          if (u <= unit && (!best || u > best_unit)) best = &known[i], best_unit = u;
      if (best) return best->name;
      for (std::size_t i : of)
        for (std::size_t u : known[i].units)
          if (u > unit && (!best || u < best_unit)) best = &known[i], best_unit = u;
      return best ? best->name : "-";
    };
    for (int q = 0; q < 400; ++q) {
      const std::string w = next(4) == 0 ? word() + " " + word() : word();
      const std::size_t unit = next(420);
      CAPTURE(w);
      CAPTURE(unit);
      const std::vector<std::size_t> of = bearers(w);
      std::vector<std::string> want, got;
      for (std::size_t i : of) want.push_back(known[i].name);
      for (const KnownPerson* p : people.Bearers(w)) got.push_back(p->name);
      CHECK(got == want);
      CHECK(people.HasBearers(w) == !of.empty());
      CHECK(people.Indexed(w) == std::any_of(known.begin(), known.end(), [&w](const Person& p) {
              return std::count(p.words.begin(), p.words.end(), w) > 0;
            }));
      CHECK(NameOf(people.WithWord(w, unit)) == nearest(of, unit));
      const bool named =
          std::any_of(known.begin(), known.end(), [&w](const Person& p) { return p.name == w; });
      CHECK(NameOf(people.Find(w)) == (named ? w : "-"));
    }
  }
}

}  // namespace whosaid::attribution
