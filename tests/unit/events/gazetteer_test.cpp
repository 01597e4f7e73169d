#include "events/gazetteer.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "events_fixture.h"

namespace whosaid {
namespace {

// The place TEXT names and its ancestors: "Sinjar < Nineveh < Iraq";
// "none" when TEXT (as a whole) names no place.
std::string Chain(const std::string& text) {
  const auto& g = testing::Places();
  auto words = testing::WordsOf(text);
  auto m = g.Match(words.words, 0, words.size());
  if (m.words != words.size() || m.places.empty()) return "none";
  auto path = g.Path(m.places.front());
  std::string out;
  for (auto it = path.rbegin(); it != path.rend(); ++it) out += (out.empty() ? "" : " < ") + *it;
  return out;
}

TEST_SUITE("events") {
  TEST_CASE("the examples in rules/events/gazetteer.txt") {
    for (const auto& ex : testing::Examples("events/gazetteer.txt")) {
      CAPTURE(ex.line);
      CHECK(Chain(ex.input) == ex.expected);
    }
  }

  TEST_CASE("the hierarchy: within, overlap, depth") {
    const auto& g = testing::Places();
    int iraq = g.Find("Iraq"), nineveh = g.Find("Nineveh"), sinjar = g.Find("Sinjar");
    int anbar = g.Find("Anbar"), syria = g.Find("Syria"), kobani = g.Find("Kobani");
    REQUIRE((iraq >= 0 && nineveh >= 0 && sinjar >= 0 && anbar >= 0 && kobani >= 0));
    CHECK(g.Within(sinjar, nineveh));
    CHECK(g.Within(sinjar, iraq));
    CHECK(g.Within(nineveh, nineveh));
    CHECK_FALSE(g.Within(nineveh, sinjar));
    CHECK(g.Overlap(nineveh, sinjar));
    CHECK(g.Overlap(iraq, sinjar));
    CHECK_FALSE(g.Overlap(anbar, nineveh));
    CHECK_FALSE(g.Overlap(kobani, iraq));
    CHECK(g.Within(kobani, syria));
    CHECK(g.Depth(iraq) == 0);
    CHECK(g.Depth(sinjar) == 2);
    CHECK(g.Root(sinjar) == iraq);
    CHECK(g.IsCountry(syria));
  }

  TEST_CASE("every country of the world is known, with its demonyms") {
    const auto& g = testing::Places();
    for (const char* c : {"Iraq", "Somalia", "Chad", "Bolivia", "Fiji", "Iceland", "Mongolia",
                          "Guinea-Bissau", "Papua New Guinea", "Vanuatu", "Ukraine", "Yemen"}) {
      CAPTURE(c);
      int id = g.Find(c);
      REQUIRE(id >= 0);
      CHECK(g.IsCountry(id));
    }
    CHECK(g.Demonym("iraqi") == g.Find("Iraq"));
    CHECK(g.Demonym("somali") == g.Find("Somalia"));
    CHECK(g.Demonym("ghanaian") == g.Find("Ghana"));
    CHECK(g.Demonym("table") == -1);
  }

  TEST_CASE("a name two places share lists both, first-listed first") {
    const auto& g = testing::Places();
    auto words = testing::WordsOf("Punjab");
    auto m = g.Match(words.words, 0, words.size());
    REQUIRE(m.places.size() == 2);
    CHECK(g.place(g.Root(m.places[0])).name == "Pakistan");
    CHECK(g.place(g.Root(m.places[1])).name == "India");
    CHECK(Chain("punjab") == "none");  // a place name starts with a capital
  }

  TEST_CASE("every province of Afghanistan and Pakistan is in the gazetteer") {
    const auto& g = testing::Places();
    const char* afghan[] = {
        "Badakhshan", "Badghis",   "Baghlan",  "Balkh",   "Bamyan",  "Daykundi", "Farah",
        "Faryab",     "Ghazni",    "Ghor",     "Helmand", "Herat",   "Jowzjan",  "Kabul Province",
        "Kandahar",   "Kapisa",    "Khost",    "Kunar",   "Kunduz",  "Laghman",  "Logar",
        "Nangarhar",  "Nimruz",    "Nuristan", "Paktia",  "Paktika", "Panjshir", "Parwan",
        "Samangan",   "Sar-e Pol", "Takhar",   "Uruzgan", "Wardak",  "Zabul"};
    for (const char* p : afghan) {
      CAPTURE(p);
      int id = g.Find(p);
      REQUIRE(id >= 0);
      CHECK(g.place(id).parent == g.Find("Afghanistan"));
    }
    for (const char* p : {"Punjab", "Sindh", "Khyber Pakhtunkhwa", "Balochistan",
                          "Gilgit-Baltistan", "Azad Kashmir", "Islamabad Capital Territory"}) {
      CAPTURE(p);
      int id = g.Find(p);
      REQUIRE(id >= 0);
      CHECK(g.place(id).parent == g.Find("Pakistan"));
    }
  }

  // Found by fuzz_rules: a country dropped from places.txt breaks the
  // gazetteer that builds on it; the error names the gazetteer's line and
  // where the parent should come from.
  TEST_CASE("a country missing from places.txt is an error at the gazetteer line that needs it") {
    std::ifstream in(std::string(WHOSAID_TEST_SOURCE_DIR) + "/rules/places.txt");
    std::string content, line;
    while (std::getline(in, line)) {
      if (line.rfind("Iraq |", 0) != 0) content += line + "\n";
    }
    auto rules = testing::Rules().With("places.txt", rules::RuleFile::Parse("places.txt", content));
    CHECK_THROWS_WITH_AS(events::Gazetteer{*rules}, doctest::Contains("events/gazetteer.txt:"),
                         ConfigError);
    CHECK_THROWS_WITH_AS(events::Gazetteer{*rules}, doctest::Contains("unknown parent 'Iraq'"),
                         ConfigError);
    CHECK_THROWS_WITH_AS(events::Gazetteer{*rules}, doctest::Contains("country of places.txt"),
                         ConfigError);
  }
}

}  // namespace
}  // namespace whosaid
