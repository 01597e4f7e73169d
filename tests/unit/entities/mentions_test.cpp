#include "entities/mentions.h"

#include <doctest/doctest.h>

#include "../support/pipeline_fixture.h"
#include "../support/rules_fixture.h"

namespace whosaid {
namespace {

// The non-word mentions the pipeline finds in `text`, as
// "kind:text [owner]; …" (the format of the examples in rules/mentions.txt).
std::string Mentions(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  DocResult r = testing::ThePipeline().Run(doc);
  std::string out;
  for (const entities::NameMention& m : r.names) {
    if (m.kind == entities::MentionKind::kWord || m.kind == entities::MentionKind::kPhrase ||
        m.kind == entities::MentionKind::kName)
      continue;
    if (!out.empty()) out += "; ";
    out += std::string(entities::ToString(m.kind)) + ":" + m.text;
    if (!m.owner.empty()) out += " [" + m.owner + "]";
  }
  return out;
}

TEST_SUITE("entities") {
  TEST_CASE("the examples in rules/mentions.txt") {
    for (const auto& ex : testing::Examples("mentions.txt")) {
      CAPTURE(ex.line);
      CHECK(Mentions(ex.input) == ex.expected);
    }
  }

  TEST_CASE("mentions: what is not a name") {
    struct Row {
      std::string text, mentions;
    } rows[] = {
        // a place after an operation word and a comma is not an operation
        {"After the operation, Egypt said it was over.", ""},
        // two capitalised words with no role nearby are not a person
        {"Shares of Acme Widgets rose on Monday.", ""},
        // an acronym needs its expansion's initials
        {"Prices rose (USD) in March.", ""},
        // the expansion stops at the first word the acronym does not spell
        {"The Ministry of Foreign Affairs and the Inter-Agency Press Office (IAPO) were silent.",
         "org:Ministry of Foreign Affairs; org:Inter-Agency Press Office; acronym:IAPO"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Mentions(row.text) == row.mentions);
    }
  }

  TEST_CASE("mentions: an operation word counts up to operation_word_before words back") {
    // (Operation reads only runs with a word operation_words_ admits at
    // their start or in those words: these rows put it at the edges)
    struct Row {
      std::string text, mentions;
    } rows[] = {
        {"Iraq launched a campaign in the far north called Irada-e-Nasr.",
         "operation:Irada-e-Nasr"},  // the sixth word before
        {"Iraq launched a campaign in the very far north called Irada-e-Nasr.", ""},  // the seventh
        {"Operation Zarb Azb began in June.", "operation:Zarb Azb"},  // at the run's start
        {"They said the Operation Zarb Azb began in June.", "operation:Zarb Azb"},
        {"The offensive, Zarb-e-Azb (Sword), began.", "operation:Zarb-e-Azb"},  // after a comma
        {"The offensive ended. Dubbed Zarb-e-Azb, it was over.", ""},           // another sentence
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Mentions(row.text) == row.mentions);
    }
  }

  TEST_CASE("mentions: acronyms link to their expansion, words are kept as candidates") {
    Document doc;
    doc.text = "The UN Women’s Fund (UNWF) said Dogar was right.";
    DocResult r = testing::ThePipeline().Run(doc);
    REQUIRE(r.names.size() >= 3);
    CHECK(r.names[0].text == "UN Women’s Fund");
    CHECK(r.names[0].same_as == 1);
    CHECK(r.names[1].text == "UNWF");
    CHECK(r.names[1].same_as == 0);
    bool dogar = false;
    for (const auto& m : r.names)
      dogar = dogar || (m.kind == entities::MentionKind::kWord && m.text == "Dogar");
    CHECK(dogar);
  }

  TEST_CASE("mentions: in text order, word mentions merged in, same_as following its mention") {
    // Every mention as "kind:text" ("=k": same_as k), in the order Run returns
    // them. Runs finds the phrases in text order, an alias or an own name
    // after them (out of order), Words the word mentions last: Run merges.
    auto all = [](const std::string& text) {
      Document doc;
      doc.id = "t";
      doc.text = text;
      std::string out;
      const DocResult r = testing::ThePipeline().Run(doc);
      for (std::size_t i = 0; i < r.names.size(); ++i) {
        const entities::NameMention& m = r.names[i];
        if (i > 0) CHECK(r.names[i - 1].span.begin <= m.span.begin);
        if (!out.empty()) out += "; ";
        out += std::string(entities::ToString(m.kind)) + ":" + m.text;
        if (m.same_as >= 0) {  // (not "=" + to_string: GCC 12 -Wrestrict false positive)
          out += '=';
          out += std::to_string(m.same_as);
        }
      }
      return out;
    };
    struct Row {
      std::string text, mentions;
    } rows[] = {
        // a word before, between and after the acronym pair
        {"Dogar said the UN Women’s Fund (UNWF) met Kestra.",
         "word:Dogar; org:UN Women’s Fund=2; acronym:UNWF=1; word:Kestra"},
        // an alias found after the mentions that follow it
        {"Dogar met Commander Ahmed Omar, also known as Tiger, and Ann Lee, the minister, "
         "met Kestra.",
         "word:Dogar; word:Commander; person:Ahmed Omar=3; person:Tiger=2; person:Ann Lee; "
         "word:Kestra"},
        // no word mention: out returned as it is
        {"Ann Lee, the minister, said so.", "person:Ann Lee"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(all(row.text) == row.mentions);
    }
  }

  TEST_CASE("mentions: a word alone is a candidate unless the text writes it in lower case") {
    // (Words(): the forms in an open-addressed set; the long row makes it grow)
    std::string many;
    for (const char* w : {"Alvar",  "Brisk",  "Corvo",  "Dunmal", "Estro",  "Falka",  "Gerrow",
                          "Hoska",  "Iblan",  "Jorvik", "Kestra", "Lumio",  "Marvek", "Norrin",
                          "Ostrel", "Pellam", "Quorra", "Rastov", "Selvin", "Tarnow"})
      many += std::string(w) + " spoke. ";
    struct Row {
      std::string text, word;
      int count;  // word mentions of `word`
    } rows[] = {
        {"Dogar said that Dogar was right.", "Dogar", 2},
        {"Bush spoke. The bush burned.", "Bush", 0},
        {"The bush burned. Bush spoke.", "Bush", 0},
        {"BUSH spoke about Bush.", "BUSH", 1},
        {"BUSH spoke about Bush.", "Bush", 1},
        {"al-Masri spoke to Dogar.", "al-Masri", 0},  // a particle name in lower case
        {many + "A brisk walk.", "Brisk", 0},
        {many + "A brisk walk.", "Tarnow", 1},
        {many + "A brisk walk.", "Alvar", 1},
        // a function word is no candidate: a number compound too (asked of
        // hyphenated words only), not any hyphenated word
        {"Twenty-Five said so.", "Twenty-Five", 0},
        {"Twenty-Blue said so.", "Twenty-Blue", 1},
        {"Twenty said so.", "Twenty", 0},
        // (Runs and Words step from name word to name word: none, the last
        // token, one after a long stretch of lower-case words)
        {"no name is written here at all.", "Dogar", 0},
        {"It was said so to Dogar", "Dogar", 1},
        {"it was said so and so and so and so and so and so to Dogar.", "Dogar", 1},
        {"dogar said that Dogar was right.", "Dogar", 0},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CAPTURE(row.word);
      Document doc;
      doc.text = row.text;
      DocResult r = testing::ThePipeline().Run(doc);
      int count = 0;
      for (const auto& m : r.names)
        count += m.kind == entities::MentionKind::kWord && m.text == row.word ? 1 : 0;
      CHECK(count == row.count);
    }
  }
}

}  // namespace
}  // namespace whosaid
