// Tests for claims/figures.h: every figure form (digits, words, vague
// plurals, none), qualifiers, measures, sub-counts, and what is no figure.
// Invented sentences only.
#include "claims/figures.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/rules_fixture.h"

namespace whosaid::claims {
namespace {

const FigureExtractor& Extractor() {
  static const FigureExtractor fx(ExtractorConfig{}, testing::Rules());
  return fx;
}

std::string Number(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// "VALUE | QUALIFIER | MEASURE" of the first figure, "" when there is none.
std::string First(const std::string& text) {
  std::vector<Figure> f = Extractor().Run(text, {});
  if (f.empty()) return "";
  return Number(f[0].value) + " | " + (f[0].qualifier.empty() ? "-" : f[0].qualifier) + " | " +
         f[0].measure;
}

TEST_SUITE("claims.figures") {
  TEST_CASE("punctuation ends the stretch a figure's noun and outcome are read in") {
    // (GapAfter: a break between two words, none across a space)
    auto span = [](const std::string& text) {
      std::vector<Figure> f = Extractor().Run(text, {});
      return f.empty() ? std::string("none") : text.substr(f[0].span.begin, f[0].span.size());
    };
    CHECK(span("Clashes killed 12 people in the city.") == "12 people");
    CHECK(span("Clashes killed 12, people said.") == "12");
    CHECK(span("Clashes in the city; 12 people.") == "none");
    // (gaps of one byte other than a blank break too: ReadRow's blank test)
    CHECK(span("Clashes killed 12\npeople in the city.") == "12");
    CHECK(span("Clashes killed 12;people in the city.") == "12");
    CHECK(span("Clashes killed 12\tpeople in the city.") == "12\tpeople");
    CHECK(First("The strike killed 7 soldiers - officials said") ==
          First("The strike killed 7 soldiers"));
  }

  TEST_CASE("the numbers after a number glued to its noun are read too") {
    // (ReadRow: the words that may start a number listed again after a split)
    auto values = [](const std::string& text) {
      std::string got;
      for (const Figure& f : Extractor().Run(text, {})) got += Number(f.value) + " ";
      return got;
    };
    CHECK(
        values("Clashes killed 200people, then twelve soldiers were killed and 3 civilians died") ==
        "200 12 3 ");
    CHECK(values(
              "Clashes killed 200 people, then twelve soldiers were killed and 3 civilians died") ==
          "200 12 3 ");
  }

  TEST_CASE("a figure's sentence ends at . ! ? or a line end, not at other punctuation") {
    // (Scanner::EndAfter, read from the text around each number: the toll
    // read back, the period sentence, the earlier figure `including` refers to)
    CHECK(First("The toll, officials said, rose to 40") == "40 | - | killed");
    CHECK(First("The toll rose. Then 40 arrived") == "");
    CHECK(First("The toll rose!\nThen 40 arrived") == "");
    CHECK(First("The toll rose\n40 arrived") == "");
    CHECK(First("Clashes killed 12 people this year") == "");
    CHECK(First("Clashes killed 12 people. It was this year") == "12 | - | killed");
    CHECK(First("This year? Clashes killed 12 people") == "12 | - | killed");
    CHECK(First("This year; clashes killed 12 people") == "");
    auto parts = [](const std::string& text) {
      std::string got;
      for (const Figure& f : Extractor().Run(text, {})) {
        got += Number(f.value) + (f.subcount ? "p " : " ");
      }
      return got;
    };
    CHECK(parts("Guards downed 9 drones, including 2 drones (over Arvel) and 5 drones") ==
          "9 2p 5p ");
    // (a part of the sentence before would be "9 2p ")
    CHECK(parts("Guards downed 9 drones. Including 2 drones") == "9 ");
    CHECK(parts("Guards downed 9 drones\nincluding 2 drones") == "9 ");
    CHECK(parts("Guards downed 9 drones; including 2 drones") == "9 2p ");
  }

  TEST_CASE("the examples of rules/claims/figures.txt") {
    for (const auto& ex : testing::Examples("claims/figures.txt")) {
      CAPTURE(ex.line);
      CHECK(First(ex.input) == ex.expected);
    }
  }

  TEST_CASE("every figure form") {
    struct Row {
      std::string text, expected, span;
    } rows[] = {
        {"The shelling killed 46 people in Tarsk.", "46 | - | killed", "46 people"},
        {"Forty-six civilians were killed.", "46 | - | civilians killed", "Forty-six civilians"},
        // (a hyphenated number of each length of first word; a number glued to its noun)
        {"Twenty-one civilians were killed.", "21 | - | civilians killed", "Twenty-one civilians"},
        {"Ninety-nine soldiers were wounded.", "99 | - | security forces wounded",
         "Ninety-nine soldiers"},
        {"The clashes killed 200people.", "200 | - | killed", "200people"},
        {"Eight people died in the fire.", "8 | - | killed", "Eight people"},
        {"Dozens of protesters gathered.", "24 | dozens | protesters", "Dozens of protesters"},
        {"Hundreds were killed in the valley.", "200 | hundreds | killed", "Hundreds"},
        {"The raid caused no casualties.", "0 | - | killed", "no casualties"},
        {"No one was seriously injured.", "0 | - | seriously wounded", "No one"},
        {"At least 200 soldiers were wounded.", "200 | at least | security forces wounded",
         "At least 200 soldiers"},
        {"More than 1,500 troops were sent.", "1500 | more than | security forces",
         "More than 1,500 troops"},
        {"Around two hundred of their members were killed.", "200 | about | killed",
         "Around two hundred"},
        {"Up to 30 children were killed.", "30 | up to | children killed", "Up to 30 children"},
        {"The army shot down 12 drones overnight.", "12 | - | drones shot down", "12 drones"},
        {"The toll from the storm rose to over 1,000.", "1000 | more than | killed", "over 1,000"},
        {"Rescuers recovered six bodies.", "6 | - | killed", "six bodies"},
        {"He said 7,000 thousand volunteers were ready.", "7000 | - | fighters",
         "7,000 thousand volunteers"},
        {"Officials said 90security personnel had been killed.", "90 | - | security forces killed",
         "90security personnel"},
        {"Ten rebels were killed, along with around 12 soldiers.", "10 | - | fighters killed",
         "Ten rebels"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CHECK(First(r.text) == r.expected);
      std::vector<Figure> f = Extractor().Run(r.text, {});
      if (!f.empty()) CHECK(r.text.substr(f[0].span.begin, f[0].span.size()) == r.span);
    }
  }

  TEST_CASE(
      "a word that begins numbers only in phrases (`a`, `tens`) is read only before their second "
      "words") {
    // (Scanner::NoPhraseAt: `a` is a number only in `a dozen`; the next word
    // of its stretch, not across punctuation, decides)
    struct Row {
      std::string text, expected, span;
    } rows[] = {
        {"A dozen soldiers were killed.", "12 | - | security forces killed", "A dozen soldiers"},
        {"They said a dozen soldiers were killed.", "12 | - | security forces killed",
         "a dozen soldiers"},
        {"Tens of thousands of protesters marched.", "20000 | tens of thousands | protesters",
         "Tens of thousands of protesters"},
        {"A group of 12 soldiers was killed.", "12 | - | security forces killed", "12 soldiers"},
        {"It was a. Dozen soldiers were killed.", "12 | - | security forces killed",
         "Dozen soldiers"},
        {"It was a, dozen soldiers were killed.", "12 | - | security forces killed",
         "dozen soldiers"},
        {"Tens of people were killed.", "", ""},
        {"The raid killed a", "", ""},
        {"The raid killed a dozen", "12 | - | killed", "a dozen"},
        {"Soldiers killed a dozen.", "12 | - | killed", "a dozen"},
        {"A A dozen soldiers were killed.", "12 | - | security forces killed", "A dozen soldiers"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CHECK(First(r.text) == r.expected);
      std::vector<Figure> f = Extractor().Run(r.text, {});
      CHECK(f.empty() == r.span.empty());
      if (!f.empty()) CHECK(r.text.substr(f[0].span.begin, f[0].span.size()) == r.span);
    }
  }

  TEST_CASE("numbers that are no figures") {
    const char* rows[] = {
        "The war in Zelvan lasted 12 years.",
        "Prices rose 40% last year.",
        "They met on 15 April in Tarsk.",
        "The 72-year-old leader was killed in 2019.",
        "The blast at 12:55 killed no animals.",
        "He paid $300 for the rifles.",
        "One of the leaders spoke.",
        "Since the 9/11 attacks the city changed.",
        "After the Dec. 2 attack three stores closed.",
    };
    for (const std::string text : rows) {
      CAPTURE(text);
      CHECK(First(text) == "");
    }
  }

  TEST_CASE("a number's value as stod reads its digits (whole numbers summed exactly)") {
    struct Row {
      std::string text;
      double value;
    } rows[] = {
        {"The shelling killed 1,018 people.", 1018},
        {"The shelling killed 007 people.", 7},
        {"The shelling killed 2.5 million people.", 2.5e6},
        {"The shelling killed 84,000 people.", 84000},
        {"The shelling killed 123,456,789,012,345 people.", 123456789012345.0},
        {"The shelling killed 999999999999999 people.", 999999999999999.0},
        {"The shelling killed 12.75 people.", 12.75},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      const std::vector<Figure> f = Extractor().Run(row.text, {});
      REQUIRE(f.size() == 1);
      CHECK(f[0].value == row.value);
    }
    // sixteen digits are no number (no figure)
    CHECK(Extractor().Run("The shelling killed 1234567890123456 people.", {}).empty());
  }

  TEST_CASE("sub-counts after `including`") {
    const std::string text =
        "The ministry said it shot down 20 drones, including four over Tarsk. Later 3 drones "
        "were shot down.";
    std::vector<Figure> f = Extractor().Run(text, {});
    REQUIRE(f.size() == 3);
    CHECK(f[0].value == 20);
    CHECK_FALSE(f[0].subcount);
    CHECK(f[1].value == 4);
    CHECK(f[1].subcount);
    CHECK(f[1].measure == "drones shot down");
    CHECK_FALSE(f[2].subcount);
  }

  TEST_CASE("every item of a list of parts is a part") {
    const std::string text =
        "Guards downed 9 drones, including two over Arvel, five over Tesk and one over Orn.";
    std::vector<std::string> got;
    for (const Figure& f : Extractor().Run(text, {})) {
      got.push_back(Number(f.value) + (f.subcount ? " part" : ""));
    }
    CHECK(got == std::vector<std::string>{"9", "2 part", "5 part", "1 part"});
  }

  TEST_CASE("figures listed after `including` or `along with` take the outcome") {
    const std::string text =
        "The toll rose to 40, including 9 police officers and 4 children. Ten rebels were "
        "killed, along with around 12 soldiers.";
    std::vector<std::string> got;
    for (const Figure& f : Extractor().Run(text, {})) {
      got.push_back(f.measure + (f.subcount ? " (part)" : ""));
    }
    CHECK(got == std::vector<std::string>{"killed", "security forces killed", "children killed",
                                          "fighters killed", "security forces killed"});
  }

  TEST_CASE("a figure inside a quote belongs to its record") {
    const std::string text = "“Nine guards were wounded,” Maren Okafor said. Two people died.";
    QuoteRecord r;
    r.quote = {text.find("Nine"), text.find(",”")};
    std::vector<Figure> f = Extractor().Run(text, {r});
    REQUIRE(f.size() == 2);
    CHECK(f[0].record == 0);
    CHECK(f[1].record == -1);
  }
}

}  // namespace
}  // namespace whosaid::claims
