#include "attribution/coref.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "../support/pipeline_fixture.h"
#include "core/classes.h"
#include "core/places.h"
#include "segment/tokenizer.h"

namespace whosaid {
namespace {

// "name (mention)" of every record's speaker, joined by " / ".
std::string Speakers(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  std::string out;
  for (const auto& q : testing::ThePipeline().Run(doc).quotes) {
    if (!out.empty()) out += " / ";
    const Speaker& s = *q.speaker;
    out += (s.name.empty() ? "-" : s.name) + " (" + text.substr(s.mention.begin, s.mention.size()) +
           ")";
  }
  return out;
}

// Every record's speaker name, joined by " / " ("-" when none).
std::string Names(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  std::string out;
  for (const auto& q : testing::ThePipeline().Run(doc).quotes) {
    if (!out.empty()) out += " / ";
    out += q.speaker && !q.speaker->name.empty() ? q.speaker->name : "-";
  }
  return out;
}

TEST_SUITE("attribution") {
  TEST_CASE("coreference: pronouns, surnames, roles; a name is never a pronoun") {
    struct Row {
      std::string text, speakers;
    } rows[] = {
        // he added → the last speaker
        {"“The council should listen,” said Obaidullah Sherowazani. “We will not accept this "
         "delay,” he added.",
         "Obaidullah Sherowazani (Obaidullah Sherowazani) / Obaidullah Sherowazani (he)"},
        // a surname → the full name seen earlier
        {"Nasrullah Dogar, a security analyst, spoke.\n\n“Budgets should be audited,” Dogar said.",
         "Nasrullah Dogar (Dogar)"},
        // the role is carried to later records of the same person
        {"Kamal Soomro, a security analyst, noted that prices were rising. “We lack staff,” Soomro "
         "said.",
         "Kamal Soomro (Kamal Soomro) / Kamal Soomro (Soomro)"},
        // "it" → the organisation
        {"In a statement, the Nigerian foreign office said the talks were productive. Still, it "
         "said they left "
         "issues open.",
         "Nigerian foreign office (the Nigerian foreign office) / Nigerian foreign office (it)"},
        // an unresolvable pronoun keeps its mention and gets no name
        {"“It is over,” he said.", "- (he)"},
        // the name of a meeting's participant, given before any speech
        {"They met Egypt's special representative for Sudan, Mohammad Shafi, in Khartoum. Shafi "
         "posted on "
         "social media that the talks went well.",
         "Mohammad Shafi (Shafi)"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Speakers(row.text) == row.speakers);
    }
  }

  TEST_CASE("the examples in rules/speaker_names.txt") {
    for (const auto& ex : testing::Examples("speaker_names.txt")) {
      CAPTURE(ex.line);
      CAPTURE(ex.input);
      CHECK(Names(ex.input) == ex.expected);
    }
  }

  TEST_CASE("a contracted pronoun inside a name, with either apostrophe; other apostrophes") {
    // (Contracted looks for the marks only in words holding one of their
    // bytes: a name word without one is never a contraction)
    struct Row {
      std::string text, names;
    } rows[] = {
        {"Tessa Marsh spoke first. \"We won,\" Tom Lund said. She\u2019ll argue the vote was fair.",
         "Tom Lund / Tessa Marsh"},
        {"Tessa Marsh spoke first. \"We won,\" Tom Lund said. She'll argue the vote was fair.",
         "Tom Lund / Tessa Marsh"},
        {"\"We won,\" Sean O'Brien said.", "Sean O'Brien"},
        {"\"We won,\" Sean O\u2019Brien said.", "Sean O\u2019Brien"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Names(row.text) == row.names);
    }
  }

  TEST_CASE("the examples in rules/aliases.txt") {
    for (const auto& ex : testing::Examples("aliases.txt")) {
      CAPTURE(ex.line);
      CHECK(Names(ex.input) == ex.expected);
    }
  }

  TEST_CASE("coreference: the current speaker, roles named later, documents, organisations") {
    struct Row {
      std::string text, speakers;
    } rows[] = {
        // a definite role before the name: the holder named later
        {"Tarsa's new foreign minister said the sanctions must end.\n\n“We need help,” Foreign "
         "Minister Karim Haddad said.",
         "Karim Haddad (Tarsa's new foreign minister) / Karim Haddad (Foreign Minister Karim "
         "Haddad)"},
        // a definite role nobody holds: the current speaker
        {"“We will win,” Nasir Omar said.\n\nThe militia commander said that the road was open.",
         "Nasir Omar (Nasir Omar) / Nasir Omar (The militia commander)"},
        // a surname: the person quoted, not a relative named since
        {"Omar Siddiq said the dam was safe. The plant is named after Siddiq Snr, his late "
         "father. Siddiq insisted that the dam would hold.",
         "Omar Siddiq (Omar Siddiq) / Omar Siddiq (Siddiq)"},
        // a surname without its particle
        {"Deputy Minister Yusuf al-Harithi arrived on Monday. Harithi said the port was open.",
         "Yusuf al-Harithi (Harithi)"},
        // the statement speaks for its author
        {"The Tarsa Interior Ministry said in a statement that the roads were closed. “All traffic "
         "is banned until Friday,” the statement added.",
         "Tarsa Interior Ministry (The Tarsa Interior Ministry) / Tarsa Interior Ministry (the "
         "statement)"},
        {"According to a statement issued by the Tarsa Interior Ministry, the roads were closed.",
         "Tarsa Interior Ministry (a statement issued by the Tarsa Interior Ministry)"},
        // "the rebels": the rebel group quoted before
        {"“We entered the city,” the Northern Liberation Front said. The rebels also said that the "
         "governor had fled.",
         "Northern Liberation Front (the Northern Liberation Front) / Northern Liberation Front "
         "(The rebels)"},
        // a participle after a claim: that claim's speaker
        {"Tarsa Radio/ Minister Karim Haddad said the talks had failed, vowing to try again.",
         "Karim Haddad (Minister Karim Haddad) / Karim Haddad (Minister Karim Haddad)"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.text);
      CHECK(Speakers(row.text) == row.speakers);
    }
  }

  TEST_CASE("a sentence's first word the document also writes in lower case is no name") {
    // Each speaker a made-up word opening its sentence; some written in lower
    // case elsewhere (no name), some of those also capitalised inside a
    // sentence (a name again). The answers must not depend on how many such
    // questions a document asks: the first few scan the text, later ones
    // read sets of its words.
    struct Word {
      const char* word;
      bool lower;  // also written in lower case
      bool inner;  // also written capitalised inside a sentence
    };
    const std::vector<Word> words = {
        {"Quorvins", true, false}, {"Blentars", false, false}, {"Dravels", true, true},
        {"Fimbles", true, false},  {"Gostrels", false, true},  {"Hurlens", true, false},
        {"Jaskers", true, true},   {"Klivets", false, false},  {"Lumbrets", true, false},
        {"Morrels", true, false},  {"Nistrals", true, true},   {"Pelvors", false, false},
    };
    for (std::size_t n : {std::size_t{3}, words.size()}) {  // fewer, more than scans
      CAPTURE(n);
      std::string text, expected;
      for (std::size_t i = 0; i < n; ++i) {
        const Word& w = words[i];
        text += std::string(w.word) + " said the plan was sound. ";
        if (!expected.empty()) expected += " / ";
        expected += w.lower && !w.inner ? "-" : w.word;
      }
      text += "\n\nThe harbour was quiet";
      for (std::size_t i = 0; i < n; ++i) {
        std::string lower = words[i].word;
        lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
        if (words[i].lower) text += ", with " + lower + " about";
        if (words[i].inner) text += std::string(", near ") + words[i].word;
      }
      text += ".";
      CAPTURE(text);
      CHECK(Names(text) == expected);
    }
  }

  TEST_CASE("roles found anywhere in the document reach the record") {
    Document doc;
    doc.id = "t";
    doc.text =
        "They met Egypt's special representative for Sudan, Mohammad Shafi, in Khartoum. Shafi "
        "posted "
        "on social media that the talks went well.";
    auto r = testing::ThePipeline().Run(doc);
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].speaker->role == "special representative");
    CHECK(r.quotes[0].speaker->affiliation == "Egypt");
  }

  // A gender learnt at a later mention of a person first named without
  // one ("Mr." the second time) is kept and decides a pronoun.
  TEST_CASE("a gender first learnt at a later full mention decides a pronoun") {
    struct Row {
      std::string text, names;
    } rows[] = {
        {"Tobias Renner arrived at noon. Later, Mr. Tobias Renner spoke. She said the deal was "
         "done.",
         "-"},
        {"Tobias Renner arrived at noon. Later, Tobias Renner spoke. She said the deal was done.",
         "Tobias Renner"},
        {"Tobias Renner met Dana Kell at noon. Later, Mr. Tobias Renner called Dana Kell. She "
         "said the deal was done.",
         "Tobias Renner / Dana Kell"},
        {"Tobias Renner met Dana Kell at noon. Later, Tobias Renner called Dana Kell. She said "
         "the deal was done.",
         "Tobias Renner / Tobias Renner"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      CHECK(Names(row.text) == row.names);
    }
  }

  // SpeakerNames keeps every list in one table of bits: each word must be
  // in exactly the lists whose rule lines (or places.txt) name it, also a
  // word that several lists name (a bit added never replaces another).
  TEST_CASE("speaker name lists: one probe answers every list as its own set would") {
    using attribution::SpeakerNames;
    const rules::RuleSet& rules = testing::Rules();
    SpeakerNames names(rules);
    const auto classes = rules::Classes::Read(rules.File("speaker_names.txt"));
    const std::pair<const char*, SpeakerNames::List> lists[] = {
        {"opener", SpeakerNames::kOpener},
        {"descriptor", SpeakerNames::kDescriptor},
        {"outlet", SpeakerNames::kOutlet},
        {"addressee_verb", SpeakerNames::kAddresseeVerb},
        {"female_name", SpeakerNames::kFemaleName},
        {"male_name", SpeakerNames::kMaleName},
        {"female_word", SpeakerNames::kFemaleWord},
        {"male_word", SpeakerNames::kMaleWord},
        {"place_head", SpeakerNames::kPlaceHead},
        {"group_name", SpeakerNames::kGroupName},
        {"modifier_opener", SpeakerNames::kModifierOpener},
        {"not_a_name", SpeakerNames::kNotName},
    };
    std::map<std::string, std::uint16_t> want;  // from the lists' own words
    for (const auto& [name, list] : lists) {
      for (const std::string& w : classes.Words(name)) want[w] |= list;
    }
    for (const rules::Country& c : rules.Shared<rules::Places>().countries()) {
      for (const std::string& d : c.demonyms)
        CHECK(names.In(segment::Lower(d), SpeakerNames::kDemonym));
      CHECK(names.In(segment::Lower(c.name), SpeakerNames::kPlace));
    }
    const std::uint16_t listed = ~(SpeakerNames::kPlace | SpeakerNames::kDemonym) & 0xffff;
    for (const auto& [word, bits] : want) {
      CAPTURE(word);
      CHECK((names.Lists(word) & listed) == bits);
      CHECK(names.Lists(word + "#") == 0);  // (no rule word ends in '#')
    }
    CHECK(names.Lists("") == 0);
    // a word named by several lists keeps every one, in any order
    names.Add("zzqx", SpeakerNames::kMaleName);
    names.Add("zzqx", SpeakerNames::kFemaleName);
    names.Add("zzqx", SpeakerNames::kMaleName);
    CHECK(names.Lists("zzqx") == (SpeakerNames::kMaleName | SpeakerNames::kFemaleName));
    CHECK(names.In("zzqx", SpeakerNames::kFemaleName));
    CHECK_FALSE(names.In("zzqx", SpeakerNames::kOpener));
    CHECK_FALSE(names.In("zzq", SpeakerNames::kMaleName));
  }
}

}  // namespace
}  // namespace whosaid
