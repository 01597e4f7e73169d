// Tests for claims/statements.h: one statement across outlets (direct and
// direct, direct and indirect), two statements of one speaker kept apart,
// different speakers and occasions kept apart, ids independent of order.
// Invented people and sentences only.
#include "claims/statements.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "../support/rules_fixture.h"
#include "claims/linking.h"

namespace whosaid::claims {
namespace {

const TermLexicon& Lexicon() {
  static const TermLexicon lexicon(TermConfig{}, testing::Rules());
  return lexicon;
}

// A string kept for the tests' run (items view their strings).
std::string_view Keep(std::string s) {
  static std::unordered_set<std::string> kept;
  return *kept.insert(std::move(s)).first;
}

StatementItem Item(std::string speaker, std::string doc, std::size_t start, std::string text,
                   std::string event = "", std::string date = "") {
  StatementItem item;
  item.speaker = Keep(std::move(speaker));
  item.event = Keep(std::move(event));
  item.event_date = Keep(std::move(date));
  item.doc = Keep(std::move(doc));
  item.start = start;
  item.text = std::move(text);
  return item;
}

// A direct quote, or a record of a document published on `published`.
StatementItem Direct(std::string speaker, std::string doc, std::size_t start, std::string text) {
  StatementItem item = Item(std::move(speaker), std::move(doc), start, std::move(text));
  item.direct = true;
  return item;
}
// A record whose speaker has no entity: the words naming it and its role.
StatementItem Described(std::string doc, std::string mention, std::string role, std::string text) {
  StatementItem item = Item("", std::move(doc), 0, std::move(text));
  item.mention = Keep(std::move(mention));
  item.role = Keep(std::move(role));
  return item;
}
StatementItem Published(std::string doc, std::string published, std::string text) {
  StatementItem item = Item("P1", std::move(doc), 0, std::move(text));
  item.doc_date = Keep(std::move(published));
  return item;
}

// A small run: Maren Okafor (P1) says two things, reported by three outlets;
// Ilyas Brandt (P2) says one of her words.
std::vector<StatementItem> Run1() {
  return {
      Item("P1", "a", 10, "The dam at Tarsk will be rebuilt before the winter rains"),
      Item("P1", "b", 40, "The dam at Tarsk will be rebuilt before the winter rains"),
      Item("P1", "c", 5, "the dam at Tarsk would be rebuilt before the winter rains"),
      Item("P1", "a", 200, "We have asked the Velda council for fuel and medicine"),
      Item("P1", "c", 300, "she had asked the Velda council for fuel and medicines"),
      Item("P2", "b", 90, "The dam at Tarsk will be rebuilt before the winter rains"),
      Item("P1", "b", 400, "Nobody in Tarsk should fear the soldiers"),
  };
}

// The same statements: groups, ids, members and appearances.
void CheckSameGroups(const StatementGroups& g, const StatementGroups& one) {
  CHECK(g.of == one.of);
  CHECK(g.first == one.first);
  CHECK(g.members == one.members);
  CHECK(g.appearances == one.appearances);
}

TEST_SUITE("claims.statements") {
  TEST_CASE("same statement: direct in two outlets, indirect in a third") {
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(Run1());
    CHECK(g.of[0] == g.of[1]);  // direct / direct
    CHECK(g.of[0] == g.of[2]);  // direct / indirect (would, no marks)
    CHECK(g.of[3] == g.of[4]);  // we have asked / she had asked
    CHECK(g.appearances[g.of[0]] == 3);
    CHECK(g.appearances[g.of[3]] == 2);
    // members by (doc, start): a:10, b:40, c:5
    CHECK(g.Members(g.of[0]) == std::vector<std::size_t>{0, 1, 2});
    CHECK(g.Members(g.of[6]) == std::vector<std::size_t>{6});
    CHECK(g.size() == g.first.size() - 1);
    CHECK(g.first.back() == g.members.size());
  }

  TEST_CASE("two statements of one speaker stay apart; other speakers never join") {
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(Run1());
    CHECK(g.of[0] != g.of[3]);
    CHECK(g.of[0] != g.of[6]);  // shares only the place name
    CHECK(g.of[0] != g.of[5]);  // the same words from another speaker
    CHECK(g.appearances[g.of[6]] == 1);
  }

  TEST_CASE("the same words on two occasions far apart are two statements") {
    std::vector<StatementItem> items = {
        Item("P1", "a", 0, "We will never leave the valley of Tarsk", "E1", "2021-03-02"),
        Item("P1", "b", 0, "We will never leave the valley of Tarsk", "E2", "2023-08-19"),
        Item("P1", "c", 0, "they would never leave the valley of Tarsk", "E2", "2023-08-20"),
    };
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] != g.of[1]);
    CHECK(g.of[1] == g.of[2]);
  }

  TEST_CASE("two direct quotes share a phrase, not only topic words") {
    const std::vector<StatementItem> items = {
        // Two sentences of one speech: one repeats a topic word of the other.
        Direct("P1", "a", 0, "We have lazy ministers."),
        Direct("P1", "a", 100,
               "Our farmers are tired of lazy ministers who never visit the valley."),
        // Two outlets' translations of one sentence share a phrase.
        Direct("P1", "b", 0, "We will not leave this valley until the dam is rebuilt,"),
        Direct("P1", "c", 0,
               "My friends, as long as the dam is broken, we will not leave this valley,"),
        // Two sentences in two outlets that share topic words only.
        Direct("P1", "d", 0, "Tarsk farmers deserve honest ministers."),
        Direct("P1", "e", 0, "Ministers in Tarsk ignore the farmers, who are honest people."),
        // A headline repeating the body.
        Direct("P1", "f", 0, "We Will Not Leave The Valley"),
        Direct("P1", "f", 80, "we will not leave the valley,"),
    };
    const StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] != g.of[1]);
    CHECK(g.of[2] == g.of[3]);
    CHECK(g.of[4] != g.of[5]);
    CHECK(g.of[6] == g.of[7]);
  }

  TEST_CASE("documents published weeks apart share a statement only in nearly its words") {
    const std::vector<StatementItem> items = {
        Published("a", "2031-02-01", "the northern dam must be rebuilt before the winter rains"),
        Published("b", "2031-03-15", "the northern dam was rebuilt too slowly by the council"),
        Published("c", "2031-03-16", "the northern dam must be rebuilt before the winter rains"),
        // Other speakers' words make the dam's words rare.
        Item("P2", "e", 0, "the ferry to Velda runs again on Monday"),
        Item("P3", "e", 50, "teachers will be paid in March"),
        Item("P4", "e", 90, "the border post at Orrin is closed to trucks"),
        Item("P5", "e", 140, "fuel prices rose for the third week"),
    };
    const StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] != g.of[1]);  // topic words six weeks later
    CHECK(g.of[0] == g.of[2]);  // the same words six weeks later
  }

  TEST_CASE("a record without speaker entity joins the one named speaker it repeats") {
    auto named = [](std::string speaker, std::string doc, std::string role, std::string text) {
      StatementItem item = Item(std::move(speaker), std::move(doc), 0, std::move(text));
      item.role = Keep(std::move(role));
      return item;
    };
    const std::string dam = "This dam, my friends, is a gift to every village in the valley,";
    const std::vector<StatementItem> items = {
        named("P1", "a", "rebel leader", dam),
        Described("b", "the rebel commander", "rebel commander", dam),  // a role word in common
        Described("c", "his son", "son", dam),                          // a relation fits any role
        Described("d", "the health minister", "health minister", dam),  // another office
        named("P2", "e", "mayor", "the bridge at Orrin will open in spring"),
        Described("f", "an official", "official", "the bridge at Orrin will open in spring"),
        named("P3", "g", "engineer", "the bridge at Orrin will open in spring"),
        Described("h", "the interior minister", "interior minister",
                  "the ferry to Velda stopped after three accidents on the river"),
        Described("h", "The interior minister", "interior minister",
                  "the Velda ferry stopped after three accidents"),
        Item("P4", "i", 0, "teachers will be paid in March"),
        Item("P5", "i", 50, "fuel prices rose for the third week"),
    };
    const StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[1] == g.of[0]);
    CHECK(g.of[2] == g.of[0]);
    CHECK(g.of[3] != g.of[0]);
    CHECK(g.of[5] != g.of[4]);  // two named speakers say it: whose is unknown
    CHECK(g.of[5] != g.of[6]);
    CHECK(g.of[7] == g.of[8]);  // one description in one document
  }

  // The records to bridge are decided StatementConfig::bridge_chunk at a
  // time, their candidates' plain ids made before the chunks and kept from
  // chunk to chunk within bridge_cache: chunks of one record make every
  // chunk read the candidates from the cache (a wrong id there, and `c` or
  // `k` would not join P1); a budget of 0 or of a few ids keeps none or
  // some of them (the chunks make the others).
  TEST_CASE("the bridge decides the same in chunks of any size, candidates' ids kept or not") {
    auto named = [](std::string speaker, std::string doc, std::string role, std::string text) {
      StatementItem item = Item(std::move(speaker), std::move(doc), 0, std::move(text));
      item.role = Keep(std::move(role));
      return item;
    };
    const std::string dam = "This dam, my friends, is a gift to every village in the valley,";
    const std::string bridge = "the bridge at Orrin will open in spring";
    const std::vector<StatementItem> items = {
        named("P1", "a", "rebel leader", dam),
        Described("b", "the rebel commander", "rebel commander", dam),
        Described("c", "his son", "son", dam),
        Described("d", "the health minister", "health minister", dam),
        named("P2", "e", "mayor", bridge),
        Described("f", "an official", "official", bridge),
        named("P3", "g", "engineer", bridge),
        Described("h", "the mayor", "mayor", bridge),
        Described("k", "a rebel", "rebel", dam),
    };
    const StatementGroups want = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(want.of[1] == want.of[0]);
    CHECK(want.of[2] == want.of[0]);
    CHECK(want.of[8] == want.of[0]);
    CHECK(want.of[3] != want.of[0]);
    CHECK(want.of[5] != want.of[4]);
    struct Row {
      std::size_t chunk, cache;
    };
    const std::vector<Row> rows = {{1, 0}, {1, 12}, {1, 1u << 21}, {2, 0}, {2, 20}, {3, 1u << 21}};
    for (const Row& row : rows) {
      for (unsigned threads : {1u, 2u, 3u, 7u}) {
        CAPTURE(row.chunk);
        CAPTURE(row.cache);
        CAPTURE(threads);
        StatementConfig config;
        config.bridge_chunk = row.chunk;
        config.bridge_cache = row.cache;
        const StatementGroups g = StatementGrouper(config, Lexicon()).Run(items, threads);
        CHECK(g.of[2] == g.of[0]);
        CHECK(g.of[8] == g.of[0]);
        CheckSameGroups(g, want);
      }
    }
  }

  // Generated runs: the records to bridge each test some candidates
  // whose ids are kept and some made in their chunk (a cache of a few ids),
  // and some pass: any chunk, budget and thread count decides as one chunk
  // with every id made in it, on one thread.
  TEST_CASE("the bridge over generated records: kept and made ids mixed, any threads") {
    std::mt19937 rng(29);
    std::vector<std::string> words;
    for (int k = 0; k < 24; ++k)
      words.push_back(std::string("w").append(std::to_string(k)).append("x"));
    auto text = [&](std::size_t n) {
      std::string t;
      for (std::size_t k = 0; k < n; ++k) {
        if (k) t.push_back(' ');
        t.append(words[rng() % words.size()]);
      }
      return t;
    };
    std::vector<StatementItem> items;
    std::vector<std::string> said;
    for (int k = 0; k < 40; ++k) {
      said.push_back(text(7));
      StatementItem item = Item(std::string("P").append(std::to_string(k % 3)),
                                std::string("n").append(std::to_string(k)), 0, said.back());
      item.role = Keep("leader");
      items.push_back(item);
    }
    for (int k = 0; k < 60; ++k) {
      // most a named record's words again (a word or two changed), some new
      std::string t = rng() % 4 == 0 ? text(7) : said[rng() % said.size()];
      if (rng() % 2 == 0) t.append(" ").append(words[rng() % words.size()]);
      items.push_back(
          Described(std::string("m").append(std::to_string(k % 20)), "the leader", "leader", t));
    }
    StatementConfig one;
    one.bridge_chunk = items.size();
    one.bridge_cache = 0;
    const StatementGroups want = StatementGrouper(one, Lexicon()).Run(items);
    std::size_t joined = 0;  // described records in a named speaker's statement
    for (std::size_t k = 40; k < items.size(); ++k) {
      for (std::size_t j = 0; j < 40; ++j) joined += want.of[k] == want.of[j];
    }
    CHECK(joined > 0);
    for (std::size_t chunk : {1, 7, 64}) {
      for (std::size_t cache : {0, 30, 90, 1 << 21}) {
        for (unsigned threads : {1u, 2u, 3u, 7u}) {
          CAPTURE(chunk);
          CAPTURE(cache);
          CAPTURE(threads);
          StatementConfig config;
          config.bridge_chunk = chunk;
          config.bridge_cache = cache;
          CheckSameGroups(StatementGrouper(config, Lexicon()).Run(items, threads), want);
        }
      }
    }
  }

  TEST_CASE("a record holding two statements does not chain them") {
    std::vector<StatementItem> items = {
        Item("P1", "a", 0, "The fuel convoy reached Tarsk on time"),
        Item("P1", "b", 0, "Our clinics reopened across the northern districts"),
        Item("P1", "c", 0,
             "The fuel convoy reached Tarsk on time. Our clinics reopened across the northern "
             "districts"),
    };
    StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] != g.of[1]);
  }

  TEST_CASE("a title-case headline and a paraphrase in other words are the statement") {
    const std::vector<StatementItem> items = {
        Item("P1", "a", 0, "Mayor Okafor Vows To Quit Over Budget Row With Velda Council"),
        Item("P1", "b", 50, "she would resign over the budget dispute with the Velda council"),
        Item("P1", "b", 300, "the Velda council must open the winter shelters"),
    };
    const StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(g.of[0] == g.of[1]);
    CHECK(g.of[2] != g.of[0]);
  }

  TEST_CASE("one article's topic words do not make its speaker's sentences one statement") {
    // An article on a ferry strike says `ferry` and `strike` in every
    // paragraph; two sentences of its speaker sharing them are two
    // statements, while another outlet's report of one of them is the same.
    std::vector<StatementItem> items = {
        Item("P1", "a", 10, "the ferry strike would end once the harbour board paid the crews"),
        Item("P1", "a", 200, "the ferry strike was costly"),
        Item("P1", "b", 40, "the strike on the ferry ends when the harbour board pays the crews"),
        Item("P2", "c", 0, "Our bakery opened early"),
        Item("P2", "c", 50, "Prices for flour rose twice"),
        Item("P2", "c", 90, "The market square floods every spring"),
        Item("P2", "c", 130, "Nobody repaired the bridge"),
        Item("P2", "c", 170, "Teachers want smaller classes"),
        Item("P2", "c", 210, "The museum closes on Mondays"),
    };
    const StatementGroups plain = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(plain.of[0] == plain.of[1]);  // no word counts given: every word is used once
    const std::vector<Term> topic_terms = Lexicon().Terms("ferry strike");
    REQUIRE(topic_terms.size() == 2);
    for (StatementItem& item : items) {
      if (item.doc != "a") continue;
      for (const Term& t : topic_terms) item.doc_uses.emplace_back(t.key, 9);
      std::sort(item.doc_uses.begin(), item.doc_uses.end());
    }
    const StatementGroups topic = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(topic.of[0] != topic.of[1]);
    CHECK(topic.of[0] == topic.of[2]);
    // Counts of terms the item does not have, before, between and after its
    // own (a bag walks its keys and the counts together): nothing changes.
    for (StatementItem& item : items) {
      if (item.doc != "a") continue;
      for (const char* other : {"", "0", "aaa", "fa", "g", "strijz", "strikz", "zzz", "\xC3\xA9"})
        item.doc_uses.emplace_back(other, 50);
      std::sort(item.doc_uses.begin(), item.doc_uses.end());
    }
    const StatementGroups more = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
    CHECK(more.of == topic.of);
  }

  TEST_CASE("a brief report on the same event shares one word with its statement") {
    // P1 vows revenge; another outlet's story of the same event has him
    // vowing `revenge for the city` (two terms, `city` common in the run).
    // One shared word links them only across documents, on one event.
    auto run = [](std::string doc, std::string event, StatementConfig config = {}) {
      const std::vector<StatementItem> items = {
          Item("P1", "a", 10, "we will take revenge on the raiders of Tarsk", "E1"),
          Item("P1", doc, 400, "revenge for the city", event),
          Item("P2", "d", 0, "Our city bakery opened early"),
          Item("P2", "d", 50, "Prices for flour rose twice in the city"),
          Item("P2", "d", 90, "The city market square floods every spring"),
          Item("P2", "d", 130, "Nobody repaired the city bridge"),
      };
      const StatementGroups g = StatementGrouper(config, Lexicon()).Run(items);
      return g.of[0] == g.of[1];
    };
    CHECK(run("b", "E1"));   // another outlet, same event
    CHECK(!run("b", "E2"));  // another event
    CHECK(!run("b", ""));    // no event known
    CHECK(!run("a", "E1"));  // the same article: its further sentence
    StatementConfig strict;
    strict.short_terms = 0;
    CHECK(!run("b", "E1", strict));
  }

  TEST_CASE("ids do not depend on input order") {
    const std::vector<StatementItem> items = Run1();
    auto ids = [](const std::vector<StatementItem>& in, const StatementGroups& g) {
      std::vector<std::string> out;
      for (std::size_t i = 0; i < in.size(); ++i) {
        out.push_back(std::string(in[i].doc) + ":" + std::to_string(in[i].start) + "=" +
                      StatementGroups::Id(g.of[i]));
      }
      std::sort(out.begin(), out.end());
      return out;
    };
    const StatementGrouper grouper(StatementConfig{}, Lexicon());
    const auto want = ids(items, grouper.Run(items));
    std::mt19937 rng(7);
    for (int round = 0; round < 5; ++round) {
      std::vector<StatementItem> shuffled = items;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      CHECK(ids(shuffled, grouper.Run(shuffled)) == want);
    }
    StatementGroups g = grouper.Run(items);
    CHECK(StatementGroups::Id(g.of[0]) == "S1");  // doc a, offset 10 comes first
  }

  // Steps 2 to 4 run per speaker block on the threads; the groups, their
  // ids, members and appearances must not depend on how many.
  TEST_CASE("the same statements for every number of threads") {
    // Invented: five speakers, each saying some of four things in several
    // outlets (blocks of uneven size), records to bridge, records alone.
    const std::vector<std::string> said = {
        "the dam at Tarsk will be rebuilt before the winter rains",
        "we have asked the Velda council for fuel and medicine",
        "the ferry strike would end once the harbour board paid the crews",
        "teachers in Orrin will be paid in March",
    };
    const std::vector<std::string> people = {"P1", "P2", "P3", "P4", "P5"};
    const std::vector<std::string> docs = {"d0", "d1", "d2", "d3", "d4",  "d5",
                                           "d6", "d7", "d8", "d9", "d10", "d11"};
    const std::vector<std::string> dates = {"2024-03-01", "2024-03-02", "2024-03-20"};
    std::vector<StatementItem> many;
    for (std::size_t p = 0; p < people.size(); ++p) {
      for (std::size_t d = 0; d < 2 + 2 * p; ++d) {
        const std::string& text = said[(p + d) % said.size()];
        many.push_back(Item(people[p], docs[d], 10 * p,
                            d % 3 == 0 ? std::string("we said ") + text : text, d % 2 ? "E1" : "",
                            d % 2 ? dates[d % dates.size()] : ""));
      }
    }
    many.push_back(Described("x", "the rebel commander", "rebel commander", said[0]));
    many.push_back(Described("y", "an official", "official", said[1]));
    many.push_back(Item("", "z", 0, said[2]));
    struct Row {
      std::string name;
      std::vector<StatementItem> items;
    };
    const std::vector<Row> rows = {
        {"none", {}},
        {"one item", {Item("P1", "a", 0, said[0])}},
        {"two outlets, three statements", Run1()},
        {"five speakers in blocks of uneven size, bridged records", many},
    };
    const StatementGrouper grouper(StatementConfig{}, Lexicon());
    for (const Row& row : rows) {
      CAPTURE(row.name);
      const StatementGroups one = grouper.Run(row.items);
      CHECK(one.of.size() == row.items.size());
      for (unsigned threads : {2u, 3u, 8u}) {
        CAPTURE(threads);
        const StatementGroups g = grouper.Run(row.items, threads);
        CheckSameGroups(g, one);
      }
      // The features read from a FeatureSource (a run that keeps them on
      // disk) instead of made from the text: the same groups.
      struct FromText : FeatureSource {
        const std::vector<StatementItem>* items = nullptr;
        mutable std::atomic<std::size_t> reads{0};
        void Read(std::size_t i, ItemFeatures& f, TermUses& uses) const override {
          ++reads;
          f = ItemFeatures::Of(Lexicon(), (*items)[i].text, (*items)[i].direct);
          uses = TermUses((*items)[i].doc_uses);
        }
      } source;
      source.items = &row.items;
      for (unsigned threads : {1u, 3u}) {
        CAPTURE(threads);
        const StatementGroups g = grouper.Run(row.items, threads, &source);
        CHECK(g.of == one.of);
        CHECK(g.first == one.first);
        CHECK(g.members == one.members);
      }
      CHECK((source.reads > 0) == !row.items.empty());
      // Every block read again per pass (StatementConfig::held_block 0, as
      // a block too large to hold), or the larger blocks so and the smaller
      // ones held, loaded in waves of at most held_block items (cut at
      // other blocks as it grows), each large block and each wave a task
      // the next free thread takes: the same groups.
      for (std::size_t held_block : {0u, 1u, 2u, 3u, 5u}) {
        CAPTURE(held_block);
        StatementConfig unheld;
        unheld.held_block = held_block;
        const StatementGrouper reading(unheld, Lexicon());
        for (unsigned threads : {1u, 2u, 3u, 7u}) {
          CAPTURE(threads);
          for (const FeatureSource* from : {static_cast<const FeatureSource*>(nullptr),
                                            static_cast<const FeatureSource*>(&source)}) {
            const StatementGroups g = reading.Run(row.items, threads, from);
            CheckSameGroups(g, one);
          }
        }
      }
    }
  }

  TEST_CASE("copies of stories in many outlets: the groups of copies told apart") {
    // A wire story printed by several outlets: its records once per copy,
    // alike but for their document (a pair's similarity is weighed once
    // per pair of kinds). With each copy's records on an event of its own
    // (undated: no occasion told apart, so no similarity changes), no two
    // records are alike and every pair is weighed: the same groups.
    const std::vector<std::string> story = {
        "the ferry strike would end once the harbour board paid the crews",
        "the ferry strike was costly",
        "the harbour board must pay the crews of the ferry",
    };
    const std::vector<std::string> direct = {
        "we will not end this march until the council listens",
        "this march will not end until the council listens to us",
    };
    const std::vector<Term> topic_terms = Lexicon().Terms("ferry strike");
    REQUIRE(topic_terms.size() == 2);
    struct Row {
      std::string name;
      std::size_t copies;
      bool topic;  // the story's documents say `ferry strike` often
    };
    const std::vector<Row> rows = {{"one copy", 1, false},
                                   {"two copies", 2, false},
                                   {"five copies", 5, false},
                                   {"five copies, topic words", 5, true},
                                   {"eight copies, topic words", 8, true}};
    for (const Row& row : rows) {
      CAPTURE(row.name);
      auto copies = [&](bool own_events) {
        std::vector<StatementItem> items;
        for (std::size_t k = 0; k < row.copies; ++k) {
          // (appended: GCC 12's -Wrestrict misreads "s" + std::to_string(k))
          std::string doc = "s", event = "E";
          doc.append(std::to_string(k));
          if (own_events) event.append(std::to_string(k));
          for (std::size_t t = 0; t < story.size(); ++t)
            items.push_back(Item("P1", doc, 100 * t, story[t], event));
          for (std::size_t t = 0; t < direct.size(); ++t) {
            StatementItem quote = Direct("P1", doc, 1000 + 100 * t, direct[t]);
            quote.event = Keep(event);
            items.push_back(quote);
          }
          items.push_back(Item("P2", doc, 5000, story[0], event));
          if (!row.topic) continue;
          for (StatementItem& item : items) {
            if (item.doc != doc || !item.doc_uses.empty()) continue;
            for (const Term& t : topic_terms) item.doc_uses.emplace_back(t.key, 9);
            std::sort(item.doc_uses.begin(), item.doc_uses.end());
          }
        }
        return items;
      };
      const StatementGrouper grouper(StatementConfig{}, Lexicon());
      const StatementGroups alike = grouper.Run(copies(false));
      if (row.copies > 1) CHECK(alike.of[0] == alike.of[6]);  // a record and its copy
      CheckSameGroups(alike, grouper.Run(copies(true)));
      CheckSameGroups(alike, grouper.Run(copies(false), 3));
    }
    // Two direct quotes sharing a run of words, not nearly the same words:
    // one statement across documents, two in one. Document a prints the
    // first, b both: the pair of kinds weighed across a and b first, then
    // within b — each as its own.
    // (Other speakers' records make the shared words rare in the run.)
    const std::string said = "we will end the march when the council listens";
    const std::string other = "the council listens to nobody, so the ferry crews stay home";
    for (bool own_events : {false, true}) {
      CAPTURE(own_events);
      std::vector<StatementItem> items = {Direct("P1", "a", 0, said), Direct("P1", "b", 0, said),
                                          Direct("P1", "b", 100, other)};
      items[0].event = Keep(own_events ? "E1" : "E");
      items[1].event = items[2].event = Keep(own_events ? "E2" : "E");
      for (const char* word :
           {"orchard",  "pension", "bakery",  "harvest",  "tunnel",   "library",    "stadium",
            "vaccine",  "railway", "glacier", "festival", "mortgage", "lighthouse", "quarry",
            "vineyard", "brewery", "airport", "canal",    "meadow",   "factory"})
        items.push_back(Item("P9", word, 0, std::string("a new ") + word + " opened"));
      const StatementGroups g = StatementGrouper(StatementConfig{}, Lexicon()).Run(items);
      CHECK(g.of[0] == g.of[1]);
      CHECK(g.of[2] != g.of[1]);
    }
  }

  TEST_CASE("PackedItems: strings interned once, 0 for none; Append interns anew") {
    PackedItems a;
    struct Row {
      std::string_view text;
      std::uint32_t id;
    };
    const std::vector<Row> rows = {{"", 0}, {"P1", 1}, {"E7", 2}, {"P1", 1}, {"", 0}, {"p1", 3}};
    for (const Row& row : rows) {
      CAPTURE(row.text);
      CHECK(a.Intern(row.text) == row.id);
      CHECK(a.String(row.id) == row.text);
      CHECK(a.Find(row.text, 99) == row.id);
    }
    CHECK(a.Find("absent", 99) == 99);
    CHECK(a.strings() == 4);
    a.SetDoc(2, "doc-c", "2024-03-01");
    // a list begun at document 2 holds entries from 2 on only (a run makes
    // one list per document: an entry for every document before it would
    // make the run quadratic)
    CHECK(a.first_doc() == 2);
    CHECK(a.docs.size() == 1);
    CHECK(a.DocOf(2).published == DayNumber("2024-03-01"));
    // Another list, its strings interned in another order: appended, each
    // item names the same strings and documents.
    PackedItems b;
    b.SetDoc(2, "doc-c", "2024-03-01");
    b.SetDoc(4, "doc-e", "");
    PackedItem x;
    x.doc = 4;
    x.speaker = b.Intern("P9");
    x.event = b.Intern("E7");
    x.role = b.Intern("minister");
    b.items.push_back(x);
    x.doc = 2;
    x.speaker = b.Intern("P1");
    x.mention = b.Intern("the minister");
    b.items.push_back(x);
    a.Append(std::move(b));
    REQUIRE(a.items.size() == 2);
    CHECK(a.String(a.items[0].speaker) == "P9");
    CHECK(a.String(a.items[0].event) == "E7");
    CHECK(a.items[0].event == 2);  // E7's id here
    CHECK(a.String(a.items[0].role) == "minister");
    CHECK(a.items[0].mention == 0);
    CHECK(a.String(a.items[1].speaker) == "P1");
    CHECK(a.String(a.items[1].mention) == "the minister");
    REQUIRE(a.docs.size() == 3);
    CHECK(a.DocOf(4).id == "doc-e");
    CHECK(a.DocOf(2).id == "doc-c");
    CHECK(a.DocOf(3).id.empty());
    CHECK(b.items.empty());
  }

  TEST_CASE("PackedItems: Append gives the ids Intern of each item's strings in order gives") {
    // Lists of many items sharing few strings (as a document's records share
    // speakers, roles and events; some none), strings seen in one list and
    // not another, appended one after another: each item's ids are those
    // interning its strings, field by field (speaker, event, mention,
    // role), item by item, gives.
    std::vector<std::string> pool;
    for (int k = 0; k < 40; ++k) pool.push_back(std::to_string(k * 7 % 40).append("s"));
    pool.emplace_back();
    PackedItems run, want;
    std::uint32_t seed = 12345;
    auto next = [&seed](std::uint32_t n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    std::size_t appended = 0;
    for (int list = 0; list < 60; ++list) {
      PackedItems one;
      one.SetDoc(static_cast<std::size_t>(list), "doc", "2024-03-01");
      const std::uint32_t items = next(12);
      const std::uint32_t span = 1 + next(static_cast<std::uint32_t>(pool.size()));
      for (std::uint32_t i = 0; i < items; ++i) {
        PackedItem x;
        x.doc = static_cast<std::uint32_t>(list);
        x.record = i;
        // fields interned in another order than Append's
        x.role = one.Intern(pool[next(span)]);
        x.mention = one.Intern(pool[next(span)]);
        x.speaker = one.Intern(pool[next(span)]);
        x.event = one.Intern(pool[pool.size() - 1 - next(span)]);
        one.items.push_back(x);
      }
      for (const PackedItem& x : one.items) {
        PackedItem y = x;
        for (std::uint32_t* id : {&y.speaker, &y.event, &y.mention, &y.role})
          *id = want.Intern(one.String(*id));
        want.items.push_back(y);
      }
      run.Append(std::move(one));
      appended += items;
    }
    REQUIRE(run.items.size() == appended);
    REQUIRE(want.items.size() == appended);
    CHECK(run.strings() == want.strings());
    for (std::size_t k = 0; k < appended; ++k) {
      CAPTURE(k);
      CHECK(run.items[k].speaker == want.items[k].speaker);
      CHECK(run.items[k].event == want.items[k].event);
      CHECK(run.items[k].mention == want.items[k].mention);
      CHECK(run.items[k].role == want.items[k].role);
      CHECK(run.String(run.items[k].speaker) == want.String(want.items[k].speaker));
    }
    for (std::uint32_t id = 0; id < want.strings(); ++id) CHECK(run.String(id) == want.String(id));
  }

  TEST_CASE("PackedItems: a document's list holds its own entry; a run's list every one from 0") {
    struct Row {
      std::vector<std::size_t> set;  // SetDoc in this order on an empty list
      std::size_t first, size;
    };
    const std::vector<Row> rows = {
        {{1000000}, 1000000, 1}, {{5, 3}, 3, 3}, {{0, 7}, 0, 8}, {{4, 4}, 4, 1}};
    std::map<std::size_t, std::string> ids;  // (an entry views its id: they must outlive the lists)
    for (const Row& row : rows)
      for (std::size_t d : row.set) ids[d] = "doc-" + std::to_string(d);
    for (const Row& row : rows) {
      PackedItems one;
      for (std::size_t d : row.set) one.SetDoc(d, ids[d], "2024-03-01");
      CHECK(one.first_doc() == row.first);
      CHECK(one.docs.size() == row.size);
      for (std::size_t d : row.set) CHECK(one.DocOf(d).id == ids[d]);
      // appended to a run's list (empty, from 0): the entries of its items
      PackedItem x;
      x.doc = static_cast<std::uint32_t>(row.set.back());
      one.items.push_back(x);
      PackedItems run;
      run.Append(std::move(one));
      CHECK(run.first_doc() == 0);
      CHECK(run.docs.size() == row.set.back() + 1);
      CHECK(run.DocOf(row.set.back()).id == ids[row.set.back()]);
    }
  }

  TEST_CASE("packed items: the groups of their StatementItems, whatever the ids' order") {
    // A run's items packed as a run packs them (strings interned as the
    // documents come, here in reverse), one document id given two entries:
    // ids compare as their text, so the groups are those of the items.
    std::vector<StatementItem> items = Run1();
    items.push_back(Direct("P3", "d", 0, "We will not leave this valley until the dam is rebuilt"));
    items.push_back(
        Direct("P3", "d", 70, "We will not leave this valley until the dam is rebuilt"));
    items.push_back(Direct("P3", "e", 0, "we will not leave this valley until the dam is rebuilt"));
    items.push_back(Described("e", "the rebel commander", "rebel commander",
                              "we will not leave this valley until the dam is rebuilt"));
    const StatementGrouper grouper(StatementConfig{}, Lexicon());
    const StatementGroups want = grouper.Run(items);
    PackedItems packed;
    for (std::size_t k = items.size(); k-- > 0;) {
      const StatementItem& item = items[k];
      PackedItem p;
      p.doc = static_cast<std::uint32_t>(k);  // an entry per item: same ids, one document
      p.record = static_cast<std::uint32_t>(k);
      p.speaker = packed.Intern(item.speaker);
      p.event = packed.Intern(item.event);
      p.mention = packed.Intern(item.mention);
      p.role = packed.Intern(item.role);
      p.start = static_cast<std::uint32_t>(item.start);
      p.end = static_cast<std::uint32_t>(item.end);
      p.day = static_cast<std::int32_t>(DayNumber(item.event_date));
      p.direct = item.direct;
      packed.SetDoc(k, item.doc, item.doc_date);
      packed.items.push_back(p);
    }
    struct FromText : FeatureSource {
      const std::vector<StatementItem>* items = nullptr;
      void Read(std::size_t i, ItemFeatures& f, TermUses& uses) const override {
        const StatementItem& item = (*items)[items->size() - 1 - i];  // packed in reverse
        f = ItemFeatures::Of(Lexicon(), item.text, item.direct);
        uses = TermUses(item.doc_uses);
      }
    } source;
    source.items = &items;
    for (unsigned threads : {1u, 2u}) {
      CAPTURE(threads);
      const StatementGroups g = grouper.Run(packed, source, threads);
      REQUIRE(g.of.size() == items.size());
      CHECK(g.appearances == want.appearances);
      for (std::size_t k = 0; k < items.size(); ++k) {
        CAPTURE(k);
        CHECK(g.of[items.size() - 1 - k] == want.of[k]);
      }
    }
    CHECK(want.of[7] == want.of[9]);           // one statement in d and e
    CHECK(want.appearances[want.of[7]] == 2);  // d's two entries are one document
  }

  TEST_CASE("PostingPairsByItem: PostingPairs' pairs, each held once") {
    struct Row {
      std::string name;
      std::map<std::string, std::vector<std::size_t>> postings;
      std::size_t n, max_posting;
    };
    std::map<std::string, std::vector<std::size_t>> copies;  // three copies of one text
    for (const char* key : {"dam", "tarsk", "rebuilt", "winter"}) copies[key] = {1, 4, 7};
    copies["velda"] = {0, 1, 2, 3, 4, 5, 6, 7};  // too long a list
    std::map<std::string, std::vector<std::size_t>> random;
    std::mt19937 rng(13);
    for (int k = 0; k < 40; ++k) {
      std::vector<std::size_t>& list = random[std::to_string(100 + k)];
      for (std::size_t i = 0; i < 30; ++i)
        if (rng() % 5 == 0) list.push_back(i);
    }
    // Three copies of ten texts, interleaved (text t's copy c is item
    // 10c + t), in random lists of texts, and ten other items.
    std::map<std::string, std::vector<std::size_t>> copied;
    for (int k = 0; k < 12; ++k) {
      std::vector<std::size_t>& list = copied[std::to_string(200 + k)];
      for (std::size_t c = 0; c < 3; ++c) {
        for (std::size_t t = 0; t < 10; ++t)
          if ((t * 7 + static_cast<std::size_t>(k) * 3) % 4 == 0) list.push_back(10 * c + t);
      }
      for (std::size_t i = 30; i < 40; ++i)
        if (rng() % 3 == 0) list.push_back(i);
    }
    const std::vector<Row> rows = {
        {"none", {}, 3, 4},
        {"one list", {{"x", {0, 2}}, {"y", {0, 1, 2}}}, 3, 2},
        {"copies share every key", copies, 8, 4},
        {"random lists", random, 30, 6},
        {"copies of random lists among others", copied, 40, 9},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      const std::vector<ItemPair> want = PostingPairs(row.postings, row.max_posting);
      CHECK(PostingPairsByItem(row.postings, row.n, row.max_posting) == want);
    }
    CHECK(PostingPairsByItem(copies, 8, 4) == std::vector<ItemPair>{{1, 4}, {1, 7}, {4, 7}});
    // Whether two items were in the same lists (the grouping looks for
    // alike records only then).
    using Lists = std::map<std::string, std::vector<std::size_t>>;
    for (const auto& [postings, n, max_posting, twins] :
         {std::tuple(copies, std::size_t{8}, std::size_t{4}, true),
          std::tuple(copied, std::size_t{40}, std::size_t{9}, true),
          std::tuple(Lists{{"x", {0, 2}}, {"y", {1, 2}}}, std::size_t{3}, std::size_t{4}, false)}) {
      bool found = !twins;
      PostingPairsByItem(postings, n, max_posting, &found);
      CHECK(found == twins);
    }
  }

  TEST_CASE("WordRun: the full table's answer, read only where words match") {
    // The whole |a| x |b| table of common runs ending at (i, j): the answer
    // WordRun must give.
    auto full_table = [](const PackedWords& a, const PackedWords& b, std::size_t score) {
      std::vector<std::size_t> len(b.size() + 1, 0), con(b.size() + 1, 0);
      for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t j = b.size(); j-- > 0;) {
          if (a[i].key == b[j].key) {
            len[j + 1] = len[j] + 1;
            con[j + 1] = con[j] + (a[i].flag ? 1 : 0);
            if (con[j + 1] > 0 && len[j + 1] + con[j + 1] >= score) return true;
          } else {
            len[j + 1] = con[j + 1] = 0;
          }
        }
      }
      return false;
    };
    // Words as "word" (content) or "word-" (not: the flag off).
    auto words = [](std::string_view text) {
      PackedWords out;
      while (!text.empty()) {
        const std::size_t end = std::min(text.find(' '), text.size());
        const std::string_view w = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (w.empty()) continue;
        const bool plain = w.back() == '-';
        out.Add(plain ? w.substr(0, w.size() - 1) : w, !plain);
      }
      return out;
    };
    struct Row {
      std::string name, a, b;
      std::size_t score;
      bool want;
    };
    const std::vector<Row> rows = {
        {"empty", "", "will not end", 5, false},
        {"a phrase of five", "we- will- not- end this march", "they- will- not- end this walk", 5,
         true},
        {"the run needs a content word", "we- will- not- end-", "we- will- not- end-", 3, false},
        {"content words count twice", "preserve national unity", "to- preserve national unity", 6,
         true},
        {"one short of the score", "preserve national unity", "preserve national unity", 7, false},
        {"words out of order", "end this march", "march this end", 3, false},
        {"repeated words", "the- the- the- dam", "the- the- dam the- dam", 4, true},
        {"the run restarts", "dam river dam river", "dam river bank dam", 5, false},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      const PackedWords a = words(row.a), b = words(row.b);
      CHECK(full_table(a, b, row.score) == row.want);
      CHECK(WordRun(a, b, row.score) == row.want);
    }
    // Random sequences over a few words: the full table's answer each time.
    std::mt19937 rng(18);
    const char* vocabulary[] = {"dam", "dam-", "river", "the-", "bank", "winter", "not-"};
    for (int k = 0; k < 500; ++k) {
      std::string ta, tb;
      for (std::size_t i = rng() % 12; i > 0; --i) (ta += vocabulary[rng() % 7]) += ' ';
      for (std::size_t i = rng() % 12; i > 0; --i) (tb += vocabulary[rng() % 7]) += ' ';
      const PackedWords a = words(ta), b = words(tb);
      const std::size_t score = 2 + rng() % 6;
      CAPTURE(ta);
      CAPTURE(tb);
      CAPTURE(score);
      CHECK(WordRun(a, b, score) == full_table(a, b, score));
    }
  }

  TEST_CASE("DayNumber") {
    CHECK(DayNumber("1970-01-01") == 0);
    CHECK(DayNumber("2024-03-01") - DayNumber("2024-02-28") == 2);
    CHECK(DayNumber("2024-03") == -1);
    CHECK(DayNumber("") == -1);
  }
}

}  // namespace
}  // namespace whosaid::claims
