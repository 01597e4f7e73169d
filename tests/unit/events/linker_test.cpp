// Tests for events/linker.h: the event each quote is about, through the
// whole per-document pipeline (quotes and speakers as the pipeline finds
// them). Each case is one invented document; each row one of its quotes and
// the label of the event it must be linked to ("none": a general statement).
#include "events/linker.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "events/coref.h"
#include "events_fixture.h"

namespace whosaid {
namespace {

struct Link {
  const char* quote;  // words of the quote
  const char* event;  // the label of its event, or "none"
};

struct Case {
  const char* name;
  const char* date;
  const char* text;
  std::vector<Link> links;
};

void CheckLinks(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    DocResult r = testing::Analyze(c.text, c.date);
    for (const Link& l : c.links) {
      CAPTURE(std::string(l.quote));
      CHECK(testing::LinkedTo(c.text, r, l.quote) == l.event);
    }
  }
}

TEST_SUITE("events") {
  // Regressions: a quote that named an event only to place something else
  // was linked to it when nothing else was found; the date the reporter
  // gave the saying went to the event the quote names.
  TEST_CASE(
      "linker: an event named in passing is not what the quote is about; the saying's date is not "
      "its") {
    CheckLinks({
        {"background inside the quote, nothing else",
         "2016-05-10",
         "The senator spoke to students about privacy.\n\n"
         "He said \"the surveillance law passed after the 2001 terrorist attacks went too far.\"\n",
         {{"the surveillance law passed", "none"}}},
        {"the date of the saying is not that of the event the quote names",
         "2016-05-18",
         "\"The convention was a mess,\" the senator said on Monday.\n",
         {{"The convention was a mess", "convention"}}},
        {"an election only from the quote's sentence, not its paragraph",
         "2016-02-10",
         "The governor won the state's primary on Tuesday. \"Taxes are too high,\" a voter "
         "said.\n\n"
         "Mr. Ames won the primary in the state on Tuesday, and he said \"the count was fair\".\n",
         {{"Taxes are too high", "none"}, {"the count was fair", "election, 2016-02-09"}}},
        {"background and casualties: the document's armed action",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday, killing four.\n\n"
         "\"Four people were killed after the airstrike,\" a doctor said.\n",
         {{"Four people were killed", "airstrike, Afrin, 2024-11-06"}}},
    });
  }

  TEST_CASE("linker: inside the quote, its sentence, its paragraph") {
    CheckLinks({
        {"the event named inside the quote, over the one its paragraph reports",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday.\n"
         "On Thursday the governor visited Aleppo. \"The airstrike on Afrin was a crime,\" he "
         "said.\n",
         {{"The airstrike on Afrin was a crime", "airstrike, Afrin, 2024-11-06"}}},
        {"the quote's sentence, after the quote",
         "2024-11-07",
         "\"We heard the jets first,\" a resident said of the airstrike on Afrin on Wednesday.\n",
         {{"We heard the jets first", "airstrike, Afrin, 2024-11-06"}}},
        {"the quote's sentence, before the quote",
         "2024-03-09",
         "Russian forces shelled Kharkiv on Friday, and a resident said \"the whole street "
         "shook\".\n",
         {{"the whole street shook", "attack, Kharkiv, 2024-03-08"}}},
        {"the paragraph: the sentence before",
         "2024-10-16",
         "On Monday, the foreign ministers of Qatar and Egypt met in Doha. \"We spoke for hours,\" "
         "the Qatari "
         "minister said.\n",
         {{"We spoke for hours", "meeting, Doha, 2024-10-14"}}},
        {"the paragraph reaches two sentences back, no further",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday. The town has a long history. \"We want to go "
         "home,\" a "
         "resident said.\n"
         "Turkish drones bombed Afrin on Wednesday. The town has a long history. Its market dates "
         "from the "
         "Ottoman era. Its citadel is famous. \"We would like to leave,\" a resident said.\n",
         {{"We want to go home", "airstrike, Afrin, 2024-11-06"},
          {"We would like to leave", "none"}}},
        {"an event of the next paragraph is not the quote's",
         "2024-11-07",
         "\"The town is calm tonight,\" the mayor said.\n"
         "Turkish drones bombed Afrin on Wednesday.\n",
         {{"The town is calm tonight", "none"}}},
    });
  }

  TEST_CASE("linker: victims and damage name the main event; general statements none") {
    CheckLinks({
        {"victims, before any event is named: the main event",
         "2024-11-07",
         "\"Most of the dead were children,\" a doctor at the city hospital said on Thursday.\n"
         "Turkish drones bombed Afrin on Wednesday. The airstrikes destroyed a school.\n",
         {{"Most of the dead were children", "airstrike, Afrin, 2024-11-06"}}},
        {"victims, paragraphs after the event",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday.\n"
         "The town has a long history.\n"
         "\"Eleven people were wounded,\" a doctor said.\n",
         {{"Eleven people were wounded", "airstrike, Afrin, 2024-11-06"}}},
        {"a retaliation threatened far down: the armed action it answers",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday.\n"
         "The town has a long history.\n"
         "Its market dates from the Ottoman era.\n"
         "Traders said prices had doubled.\n"
         "The region has two harvests a year.\n"
         "Its river floods every spring.\n"
         "\"We will retaliate against their posts across the border,\" the local commander "
         "said.\n",
         {{"We will retaliate against their posts", "airstrike, Afrin, 2024-11-06"}}},
        {"a policy view, a view of the future: none",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday.\n"
         "The town has a long history.\n"
         "\"Our policy on refugees has not changed,\" the Turkish foreign minister said in a "
         "statement.\n"
         "\"Peace will come to this region one day,\" the minister added.\n",
         {{"Our policy on refugees has not changed", "none"}, {"Peace will come", "none"}}},
        {"counts over a span, even of victims: none",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday.\n"
         "The town has a long history.\n"
         "\"We have recorded 120 drone strikes so far this year,\" a monitor said.\n"
         "\"So far this year, hundreds of civilians have been killed,\" a UN official said.\n"
         "\"In 2023, drone strikes killed dozens of civilians in the north,\" a monitor said.\n",
         {{"120 drone strikes", "none"}, {"hundreds of civilians", "none"}, {"In 2023", "none"}}},
        {"victims told before a general remark in the quote: the event reported",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday.\n"
         "The town has a long history.\n"
         "\"Two guards were injured. The building was protected from such attacks,\" a police "
         "officer said.\n",
         {{"Two guards were injured", "airstrike, Afrin, 2024-11-06"}}},
        {"where words are spoken is not what they are about",
         "2024-11-07",
         "Turkish drones bombed Afrin on Wednesday.\n"
         "The town has a long history.\n"
         "At a press conference on Thursday, the minister said: \"Our borders are secure.\"\n",
         {{"Our borders are secure", "none"}}},
    });
  }

  TEST_CASE("linker: a quote that names no event is about the document's story") {
    CheckLinks({
        {"the lead's event, for quotes in the first paragraphs that say what happened",
         "2024-06-08",
         "Rebels seize Kiru\n"
         "Rebel fighters entered the city of Kiru on Friday and took control of its airport, "
         "residents and officials said, after a week of heavy shelling.\n"
         "\"The governor has fled to the coast,\" a police officer said.\n"
         "\"We will hold the city,\" a rebel commander said.\n"
         "The city has a long history. Its market dates from the Ottoman era.\n"
         "Traders said prices had doubled.\n"
         "The region has two harvests a year.\n"
         "\"The river floods every spring,\" a farmer said.\n",
         {{"The governor has fled to the coast", "capture, Kiru, 2024-06-07"},
          {"We will hold the city", "none"},
          {"The river floods every spring", "none"}}},
        {"a lead that reports words spoken at an occasion has no story",
         "2024-06-09",
         "Minister defends Kiru raids\n"
         "In a televised address on Saturday, the interior minister defended the police raids "
         "in the city of Kiru and promised an inquiry into the deaths of two students.\n"
         "\"The gangs had grown bigger than the police,\" the minister said.\n",
         {{"The gangs had grown bigger than the police", "none"}}},
        {"an occasion's first quotation names its topic: the occasion's words are about it",
         "2024-06-09",
         "Farmers near the capital\n"
         "In a short address to the farmers on the highway on Sunday, the union leader repeated "
         "her demand for lower fuel prices as the tractors neared the capital of Morvia.\n"
         "\"We will not end this march until the prices fall,\" she told them.\n"
         "In a later message she said the farmers were close to the city.\n",
         {{"the farmers were close to the city", "protest, 2024-06-09"}}},
        {"a quote far down that names where the story happened is about it",
         "2024-06-08",
         "Rebels seize Manbij\n"
         "Rebel fighters entered the city of Manbij on Friday and took control of its airport, "
         "residents and officials said, after a week of heavy shelling.\n"
         "The city has a long history.\n"
         "Its market dates from the Ottoman era.\n"
         "Traders said prices had doubled.\n"
         "The region has two harvests a year.\n"
         "\"All fighters in the city of Manbij must stay in their barracks,\" the rebel commander "
         "said in a statement.\n"
         "\"The river floods every spring,\" a farmer said.\n",
         {{"All fighters in the city of Manbij", "capture, Manbij, 2024-06-07"},
          {"The river floods every spring", "none"}}},
        {"a quote far down that says 'in the capital' of a story in a capital is about it",
         "2024-06-08",
         "Rebels seize Kabul\n"
         "Rebel fighters entered the city of Kabul on Friday and took control of its airport, "
         "residents and officials said, after a week of heavy shelling.\n"
         "The city has a long history.\n"
         "Its market dates from the colonial era.\n"
         "Traders said prices had doubled.\n"
         "The region has two harvests a year.\n"
         "The commander ordered his men to guard every bank in the capital.\n"
         "\"The river floods every spring,\" a farmer said.\n",
         {{"his men to guard every bank in the capital", "capture, Kabul, 2024-06-07"},
          {"The river floods every spring", "none"}}},
        {"an occasion the lead speaks about (not where words were spoken) leaves the story",
         "2024-06-10",
         "Union leader insisted on the square for the farmers' protest: governor\n"
         "The regional governor said on Monday that the police had suggested holding the rally "
         "outside the city, a proposal the union had first accepted and later rejected.\n"
         "\"Fuel costs twice what it did a year ago,\" he said.\n",
         {{"Fuel costs twice what it did", "protest, 2024-06-10"}}},
        {"an embedded post after the lead does not count in the first paragraphs",
         "2024-06-08",
         "Rebels seize Manbij\n"
         "Rebel fighters entered the city of Manbij on Friday and took control of its airport, "
         "residents and officials said, after a week of heavy shelling.\n"
         "Rebels at the airport gate https://t.co/x1y2z3 \u2014 Ann Lee (@annlee) June 7, 2024\n"
         "Officials said the airport was closed.\n"
         "Shops stayed shut.\n"
         "\"The governor has fled to the coast,\" a police officer said.\n",
         {{"The governor has fled to the coast", "capture, Manbij, 2024-06-07"}}},
        {"a quote next to a paragraph that dates a new turn of the story further down is about it "
         "…",
         "2024-06-09",
         "Farmers march on Morvia's capital\n"
         "Thousands of farmers marched towards the capital on Sunday on tractors, demanding lower "
         "fuel prices, and the union said they would not turn back before the prices fall.\n"
         "The union has two hundred thousand members.\n"
         "Its leader grew up on a farm.\n"
         "Fuel prices rose twice last year.\n"
         "The government has promised a review.\n"
         "The union said the farmers were \"about to reach the city\" and that their spirits "
         "were high.\n"
         "The march resumed on Sunday evening after a short stop at a toll plaza.\n"
         "The region has two harvests a year.\n"
         "The union's founder died in 1990.\n"
         "\"The river floods every spring,\" a farmer said.\n",
         {{"about to reach the city", "protest, 2024-06-09"},
          {"The river floods every spring", "none"}}},
        {"… or that places it",
         "2024-06-09",
         "Truckers block the ring road\n"
         "Hundreds of truckers marched on the ring road on Sunday behind their trucks, demanding "
         "lower tolls, and their union said they would stay until the tolls were cut.\n"
         "Tolls were raised in March.\n"
         "The union was founded in 1962.\n"
         "Diesel costs more than petrol.\n"
         "Talks with the ministry broke down last week.\n"
         "A union leader said the drivers were \"close to the port gates\".\n"
         "Truckers also marched in Manbij, union officials said.\n",
         {{"close to the port gates", "protest, Manbij, 2024-06-09"}}},
        {"a trigger the reporter quotes part of ('taken \u201cfull control\u201d of') tells the "
         "story",
         "2024-06-08",
         "Rebels claim Kiru airport\n"
         "Kiru, Jun 8 (Agency).- Rebel fighters on Saturday claimed to have taken \u201cfull "
         "control\u201d of the airport of Kiru, the second city of Morvia, after a night of heavy "
         "shelling.\n"
         "\"The governor has fled to the coast,\" a rebel commander said.\n",
         {{"The governor has fled to the coast", "capture, 2024-06-08"}}},
        {"captions and a 'Published' line before the lead do not count in the first paragraphs",
         "2024-06-08",
         "Rebels seize Kiru\n"
         "Published June 8, 2024 Updated June 8, 2024 10:12am\n"
         "Fighters at the airport gate on Friday. \u2014 Kiru TV\n"
         "Smoke over the old market. \u2014 Kiru TV\n"
         "Residents leave the city by road. \u2014 Kiru TV\n"
         "Rebel fighters entered the city of Kiru on Friday and took control of its airport, "
         "residents and officials said, after a week of heavy shelling.\n"
         "Officials said the airport was closed.\n"
         "\"The governor has fled to the coast,\" a police officer said.\n",
         {{"The governor has fled to the coast", "capture, Kiru, 2024-06-07"}}},
    });
  }

  TEST_CASE("linker: a retaliation, a meeting the same day are other events") {
    CheckLinks({
        {"strike, retaliation, meeting",
         "2024-10-16",
         "Israeli jets bombed Tyre in southern Lebanon on Monday, killing nine people, the health "
         "ministry said.\n"
         "In retaliation for the airstrikes, Hezbollah launched rocket attacks on Haifa on "
         "Tuesday. \"This was "
         "our answer to the massacre in Tyre,\" a Hezbollah official said.\n"
         "\"The rockets hit an empty field,\" an Israeli army spokesman said of the retaliatory "
         "strike.\n"
         "On Monday, the foreign ministers of Qatar and Egypt met in Doha. \"We spoke for hours,\" "
         "the Qatari "
         "minister said.\n",
         {{"Israeli jets bombed Tyre", "airstrike, Tyre, 2024-10-14"},
          {"the massacre in Tyre", "airstrike, Tyre, 2024-10-14"},
          {"The rockets hit an empty field", "retaliatory strike, Haifa, 2024-10-15"},
          {"We spoke for hours", "meeting, Doha, 2024-10-14"}}},
    });
    // And they stay three events: the reference to the airstrikes inside the
    // retaliation's sentence joins the strike, not the answer.
    DocResult r = testing::Analyze(
        "Israeli jets bombed Tyre on Monday.\n"
        "In retaliation for the airstrikes, Hezbollah launched rocket attacks on Haifa on "
        "Tuesday.\n"
        "On Monday, the foreign ministers of Qatar and Egypt met in Doha.\n",
        "2024-10-16");
    std::vector<std::string> labels;
    for (const auto& e : r.events.events) labels.push_back(testing::LabelOf(e));
    CHECK(labels == std::vector<std::string>{"airstrike, Tyre, 2024-10-14",
                                             "retaliatory strike, Haifa, 2024-10-15",
                                             "meeting, Doha, 2024-10-14"});
  }

  TEST_CASE("linker: mentions in text order are found by search, out of order by reading all") {
    // The same quotes linked with the stage's mentions (in text order: the
    // steps search them by word and sentence) and with an inert mention
    // appended out of order (no event, no occasion: every step reads all).
    const std::string text =
        "Turkish drones bombed Afrin on Wednesday. \"They hit homes,\" a medic said.\n"
        "Rebels shelled Kiru. Later, gunmen attacked a checkpoint in Morvia.\n"
        "\"We will respond,\" an officer said. \"No one was hurt,\" he added.\n"
        "Protesters marched in the capital. \"It was calm,\" a witness said.";
    auto words = testing::WordsOf(text);
    std::vector<events::Mention> mentions;
    for (std::size_t s = 0; s < words.sentences.size(); ++s) {
      for (auto& m : testing::Mentions().Run(words, s, events::ParseIsoDate("2024-11-07")))
        mentions.push_back(m);
    }
    REQUIRE(mentions.size() >= 3);
    events::EventCoref coref(events::CorefConfig{}, testing::Lexicon(), testing::Places());
    const events::Grouping g = coref.Run(mentions);
    // every sentence, every two sentences in a row, every paragraph, as a quote
    std::vector<QuoteRecord> quotes;
    for (std::size_t s = 0; s < words.sentences.size(); ++s) {
      for (std::size_t t = s; t < words.sentences.size() && t <= s + 1; ++t) {
        QuoteRecord q;
        q.quote = {words[words.sentences[s].first].span.begin,
                   words[words.sentences[t].end - 1].span.end};
        quotes.push_back(q);
      }
    }
    const events::QuoteLinker linker(testing::Lexicon(), testing::Dates(), testing::Places());
    const auto anchor = events::ParseIsoDate("2024-11-07");
    const auto in_order = linker.Run(words, mentions, g, quotes, anchor);
    auto unordered = mentions;
    events::Mention inert;  // first word, sentence 0: before the others
    inert.type = mentions[0].type;
    REQUIRE(!testing::Lexicon().type(inert.type).occasion);
    unordered.push_back(inert);
    events::Grouping g2 = g;
    g2.mention_event.push_back(-1);
    CHECK(linker.Run(words, unordered, g2, quotes, anchor) == in_order);
    int linked = 0;
    for (int e : in_order) linked += e >= 0;
    CHECK(linked > 0);
  }

  TEST_CASE("linker: a quote with no words links to nothing") {
    // QuoteLinker directly: an empty span and one past the text.
    const std::string text = "Turkish drones bombed Afrin on Wednesday.";
    auto words = testing::WordsOf(text);
    std::vector<events::Mention> mentions;
    for (std::size_t s = 0; s < words.sentences.size(); ++s) {
      for (auto& m : testing::Mentions().Run(words, s, events::ParseIsoDate("2024-11-07")))
        mentions.push_back(m);
    }
    events::EventCoref coref(events::CorefConfig{}, testing::Lexicon(), testing::Places());
    events::Grouping g = coref.Run(mentions);
    events::QuoteLinker linker(testing::Lexicon(), testing::Dates(), testing::Places());
    QuoteRecord empty, beyond, whole;
    empty.quote = {5, 5};
    beyond.quote = {text.size() + 3, text.size() + 9};
    whole.quote = {0, text.size()};
    auto linked =
        linker.Run(words, mentions, g, {empty, beyond, whole}, events::ParseIsoDate("2024-11-07"));
    CHECK(linked == std::vector<int>{-1, -1, 0});
  }
}

}  // namespace
}  // namespace whosaid
