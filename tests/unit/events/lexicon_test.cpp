#include "events/lexicon.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "events_fixture.h"

namespace whosaid {
namespace {

// "A ~ B" → the two sides.
std::pair<std::string, std::string> Sides(const std::string& input) {
  auto tilde = input.find(" ~ ");
  return {input.substr(0, tilde), input.substr(tilde + 3)};
}

// The actor a phrase names: an actors.txt name, else a country or demonym.
std::vector<events::Actor> ActorOf(const std::string& phrase) {
  auto words = testing::WordsOf(phrase);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].cap) continue;
    if (auto [n, id] = testing::Lexicon().ActorAt(words.words, i, words.size()); id) {
      return {testing::Lexicon().actor(*id)};
    }
    auto m = testing::Places().Match(words.words, i, words.size());
    int place = m.words ? m.places.front() : testing::Places().Demonym(words[i].lower);
    if (place >= 0)
      return {{testing::Places().place(place).name, testing::Places().place(place).name}};
  }
  return {};
}

// In the order context.txt lists them.
const std::pair<const char*, std::uint32_t> kContextNames[] = {
    {"determiner", events::kDeterminer},
    {"quantifier", events::kQuantifier},
    {"listing", events::kListing},
    {"unreal", events::kUnreal},
    {"unreal-after", events::kUnrealAfter},
    {"background", events::kBackground},
    {"support", events::kSupport},
    {"locative", events::kLocative},
    {"near", events::kNear},
    {"place-like", events::kPlaceLike},
    {"other", events::kOther},
    {"region", events::kRegion},
    {"target", events::kTarget},
    {"border", events::kBorder},
    {"casualty", events::kCasualty},
    {"figurative", events::kFigurative},
    {"armed", events::kArmed},
    {"person", events::kPerson},
    {"stop", events::kStop},
    {"title", events::kTitle},
    {"institution", events::kInstitution},
    {"speech", events::kSpeech},
    {"indefinite", events::kIndefinite},
    {"aimed", events::kAimed},
    {"agent", events::kAgent},
    {"modal", events::kModal},
    {"conditional", events::kConditional},
    {"setting", events::kSetting},
    {"armed-name", events::kArmedName},
    {"facility", events::kFacility},
    {"part", events::kPart}};

TEST_SUITE("events") {
  TEST_CASE("the examples in rules/events/types.txt") {
    const auto& lex = testing::Lexicon();
    for (const auto& ex : testing::Examples("events/types.txt")) {
      CAPTURE(ex.line);
      auto [a, b] = Sides(ex.input);
      REQUIRE(lex.TypeId(a) >= 0);
      REQUIRE(lex.TypeId(b) >= 0);
      CHECK((lex.Compatible(lex.TypeId(a), lex.TypeId(b)) ? "yes" : "no") == ex.expected);
    }
  }

  TEST_CASE("the examples in rules/events/actors.txt") {
    for (const auto& ex : testing::Examples("events/actors.txt")) {
      CAPTURE(ex.line);
      auto [a, b] = Sides(ex.input);
      auto x = ActorOf(a), y = ActorOf(b);
      REQUIRE(!x.empty());
      REQUIRE(!y.empty());
      CHECK((events::ActorsAgree(x, y) ? "yes" : "no") == ex.expected);
    }
  }

  TEST_CASE("the examples in rules/events/context.txt") {
    for (const auto& ex : testing::Examples("events/context.txt")) {
      CAPTURE(ex.line);
      auto words = testing::WordsOf(ex.input);
      auto [n, bits] = testing::Lexicon().Context(words.words, 0, words.size());
      CHECK(n == words.size());
      std::string classes;
      for (const auto& [name, bit] : kContextNames) {
        if (!(bits & bit)) continue;
        if (!classes.empty()) classes += ' ';
        classes += name;
      }
      CHECK(classes == ex.expected);
    }
  }

  TEST_CASE("ContextHas gives Context's answer for each class, behind its pre-test") {
    const auto& lex = testing::Lexicon();
    // every example of context.txt, and texts around them, at every word and end
    std::vector<std::string> texts{"In the wake of border areas attacks, in the town.",
                                   "Gunmen killed three soldiers, officials said on Monday.",
                                   "The attacks will not stop, he told reporters."};
    for (const auto& ex : testing::Examples("events/context.txt")) texts.push_back(ex.input);
    std::size_t yes = 0;
    for (const std::string& text : texts) {
      CAPTURE(text);
      const auto words = testing::WordsOf(text);
      for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t end = i; end <= words.size(); ++end) {
          const std::uint32_t bits = lex.Context(words.words, i, end).second;
          for (const auto& [name, bit] : kContextNames) {
            CAPTURE(name);
            const bool has = (bits & bit) != 0;
            CHECK(lex.ContextHas(words.words, i, end, bit) == has);
            if (has) CHECK(lex.MayStartContext(words[i].lower, bit));
            // (the pre-test on the word's key answers as on its bytes)
            CHECK(lex.MayStartContext(words[i], bit) == lex.MayStartContext(words[i].lower, bit));
            if (lex.StartsTrigger(words[i].lower)) CHECK(lex.MayStartTrigger(words[i]));
            CHECK(lex.StartsTrigger(words[i]) == lex.StartsTrigger(words[i].lower));
            yes += has;
          }
        }
      }
    }
    CHECK(yes > texts.size());  // the rows do ask about words that answer yes
    // a word that starts no phrase of a class is turned away by the pre-test
    CHECK_FALSE(lex.MayStartContext("attacks", events::kBorder));
    CHECK_FALSE(lex.MayStartContext("border", events::kSpeech));
    CHECK(lex.MayStartContext("border", events::kBorder | events::kSpeech));
  }

  TEST_CASE("the narrower of two types, and the answer type") {
    const auto& lex = testing::Lexicon();
    int attack = lex.TypeId("attack"), airstrike = lex.TypeId("airstrike");
    CHECK(lex.Narrower(attack, airstrike) == airstrike);
    CHECK(lex.Narrower(airstrike, attack) == airstrike);
    CHECK(lex.Narrower(airstrike, lex.TypeId("meeting")) == -1);
    CHECK(lex.type(lex.answer_type()).name == "retaliatory strike");
    CHECK(lex.type(lex.TypeId("statement")).occasion);
    CHECK(lex.type(airstrike).kinetic);
    CHECK(lex.type(lex.TypeId("election")).scheduled);
    CHECK(lex.type(lex.TypeId("election")).sentence);
    CHECK(lex.type(lex.TypeId("meeting")).local);
    CHECK(lex.type(lex.TypeId("convention")).kind);
  }

  TEST_CASE("trigger flags and phrases that are no event") {
    auto words = testing::WordsOf("attack ads Super Tuesday primary meeting");
    const auto& lex = testing::Lexicon();
    struct Row {
      std::size_t at;
      std::size_t length;
      int type;
      bool evidence, determined, final, proper;
    } rows[] = {
        {0, 2, -1, false, false, false, false},
        {2, 2, lex.TypeId("election"), false, false, false, true},
        {4, 1, lex.TypeId("election"), false, true, true, false},
        {5, 1, lex.TypeId("meeting"), false, true, false, false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.at);
      auto [n, info] = lex.Trigger(words.words, r.at, words.size());
      REQUIRE(info);
      CHECK(n == r.length);
      CHECK(info->type == r.type);
      CHECK(info->evidence == r.evidence);
      CHECK(info->determined == r.determined);
      CHECK(info->final == r.final);
      CHECK(info->proper == r.proper);
    }
    auto attack = testing::WordsOf("attacks");
    CHECK(lex.Trigger(attack.words, 0, attack.size()).second->evidence);
  }

  TEST_CASE("TriggerOver: Trigger's answer on a copy of the words it reads in place") {
    const auto& lex = testing::Lexicon();
    // every example of triggers.txt, at every word, read from every other word
    // on (the marks QuotedTrigger skips: a gap in the words read)
    std::vector<std::string> texts{"attack ads Super Tuesday primary meeting",
                                   "claimed to have taken \u201cfull control\u201d of the palace"};
    for (const auto& ex : testing::Examples("events/triggers.txt")) texts.push_back(ex.input);
    std::size_t found = 0;
    for (const std::string& text : texts) {
      CAPTURE(text);
      const auto words = testing::WordsOf(text);
      for (std::size_t i = 0; i < words.size(); ++i) {
        for (std::size_t step = 1; step <= 2; ++step) {
          std::vector<std::size_t> at;
          std::vector<events::Word> copy;
          for (std::size_t k = i; k < words.size(); k += step) {
            at.push_back(k);
            copy.push_back(words[k]);
          }
          const auto want = lex.Trigger(copy, 0, copy.size());
          const auto got = lex.TriggerOver(words[i], at.size(),
                                           [&](std::size_t k) { return words[at[k]].lower; });
          CHECK(got.first == want.first);
          CHECK(got.second == want.second);
          found += want.second != nullptr;
        }
      }
    }
    CHECK(found > texts.size());  // the rows do ask about words that start a trigger
  }

  TEST_CASE("a bad rule names its file and line") {
    auto dir = std::filesystem::temp_directory_path() / "whosaid_events_bad_rules";
    std::filesystem::remove_all(dir);
    std::filesystem::copy(std::string(WHOSAID_TEST_SOURCE_DIR) + "/rules", dir,
                          std::filesystem::copy_options::recursive);
    {
      std::ofstream f(dir / "events" / "triggers.txt", std::ios::app);
      f << "airstrike | noun | sorties\nbattle | noun | battle\n";
    }
    auto rules = rules::RuleSet::Load(dir);
    CHECK_THROWS_WITH_AS(events::EventLexicon{*rules}, doctest::Contains("triggers.txt:"),
                         ConfigError);
    CHECK_THROWS_WITH_AS(events::EventLexicon{*rules}, doctest::Contains("unknown type 'battle'"),
                         ConfigError);
    std::filesystem::copy_file(std::string(WHOSAID_TEST_SOURCE_DIR) + "/rules/events/triggers.txt",
                               dir / "events" / "triggers.txt",
                               std::filesystem::copy_options::overwrite_existing);
    {
      std::ofstream f(dir / "events" / "triggers.txt", std::ios::app);
      f << "attack | noun, sure | sorties\n";
    }
    auto flagged = rules::RuleSet::Load(dir);
    CHECK_THROWS_WITH_AS(events::EventLexicon{*flagged},
                         doctest::Contains("unknown trigger flag 'sure'"), ConfigError);
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("the English words the mention finder tests come from rules/english.txt") {
    const events::EnglishWords& e = testing::Lexicon().english();
    CHECK(e.plural_ending == "s");
    CHECK(e.not_plural_endings == std::vector<std::string>{"ss", "is", "us"});
    CHECK(e.verb_endings == std::vector<std::string>{"ed", "ing"});
    CHECK(e.gerund_ending == "ing");
    CHECK(e.to == "to");
    CHECK(e.of == "of");
    CHECK(e.on == "on");
    CHECK(e.article == "the");
    CHECK(e.conjunction == "and");
    // (the linker's embedded post: a link or a handle, as written)
    CHECK(e.link_starts == std::vector<std::string>{"http", "@"});
  }
}

}  // namespace
}  // namespace whosaid
