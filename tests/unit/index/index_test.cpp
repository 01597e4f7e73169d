// The quote index (src/index): schema and refusals, the stored per-document
// result, incremental equality, replacement, spelling search, FTS queries
// and filters. Documents are invented.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/pipeline_fixture.h"
#include "index/partial_codec.h"
#include "index/query.h"
#include "index/schema.h"
#include "index/writer.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;

Document Doc(std::string id, std::string text, std::string outlet, std::string url,
             std::string date) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.outlet = std::move(outlet);
  d.url = std::move(url);
  d.date = std::move(date);
  return d;
}

const std::vector<Document> kBatchA = {
    Doc("a1",
        "Airstrikes hit a market in Spin Boldak district of Kandahar province on Tuesday, "
        "killing at least 12 people, officials said.\n\n\"This was a cowardly attack on "
        "civilians,\" said Mirwais Nourzai, spokesperson for the provincial governor.\n\n"
        "Nourzai said that rescue teams were still searching the rubble.\n",
        "Harbor Ledger", "https://example.org/a1", "2023-05-10"),
    Doc("a2",
        "The national election commission will publish the results next week.\n\n"
        "\"Counting is going smoothly everywhere,\" commission chairwoman Ludmila Varga "
        "told reporters.\n\nOpposition leader Tomas Brenner said the count should be "
        "observed by independent monitors.\n",
        "Harbor Ledger", "", "2023-06-02"),
};

const std::vector<Document> kBatchB = {
    Doc("b1",
        "\"We will respond to this aggression,\" Mirvais Noorzai, the governor's spokesman, "
        "told reporters on Wednesday, a day after the airstrike on the market in Kandahar."
        "\n\nNoorzai said the dead included four children.\n",
        "Valley Post", "https://example.org/b1", "2023-05-11"),
    Doc("b2",
        "\"The count was not transparent,\" Tomas Brenner told a rally on Sunday.\n\n"
        "Election commission chairwoman Ludmila Varga said every ballot would be checked "
        "twice.\n",
        "Valley Post", "", "2023-06-05"),
};

// A fresh database path, removed (with its WAL) at the end of the test.
struct TempDb {
  explicit TempDb(const std::string& name)
      : path(fs::temp_directory_path() /
             ("whosaid_index_test_" + std::to_string(::getpid()) + "_" + name + ".db")) {
    Remove();
  }
  ~TempDb() { Remove(); }
  void Remove() const {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  }
  fs::path path;
};

index::IndexStats IndexBatch(const fs::path& path, const std::vector<Document>& docs) {
  index::Db db = index::OpenForWriting(path);
  index::IndexWriter writer(db, testing::Rules());
  for (const Document& d : docs) writer.Add(d, testing::ThePipeline().Run(d));
  return writer.Commit();
}

std::vector<Document> Concat(std::vector<Document> a, const std::vector<Document>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string Dump(const fs::path& path, const char* table) {
  index::Db db = index::OpenForReading(path);
  return index::DumpTable(db, table);
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Docs(const std::vector<index::Hit>& hits) {
  std::vector<std::string> out;
  for (const index::Hit& h : hits) out.push_back(h.doc + ":" + h.kind);
  return out;
}

TEST_SUITE("index") {
  TEST_CASE("schema: a new index has the tables, application id and schema version") {
    TempDb t("schema");
    IndexBatch(t.path, kBatchA);
    index::Db db = index::OpenForReading(t.path);
    CHECK(db.Int("PRAGMA application_id") == index::kApplicationId);
    CHECK(index::DumpTable(db, "meta").find("schema_version\t1\n") != std::string::npos);
    CHECK(db.Int("SELECT count(*) FROM documents") == 2);
    for (const char* table : {"documents", "entities", "variants", "roles", "name_keys", "events",
                              "event_docs", "quotes", "quotes_fts", "meta"}) {
      CAPTURE(table);
      CHECK_NOTHROW(index::DumpTable(db, table));
    }
    CHECK_THROWS_AS(index::DumpTable(db, "sqlite_schema"), index::IndexError);
  }

  TEST_CASE("schema: files that are not a whosaid index of this version are refused, unchanged") {
    struct Row {
      const char* name;
      const char* sql;  // run on a fresh SQLite file (nullptr: write `bytes` instead)
      const char* bytes;
      const char* message;  // part of the refusal
    };
    const Row rows[] = {
        {"foreign", "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);", nullptr,
         "another program"},
        {"not_sqlite", nullptr, "this is a plain text file, not a database\n", "not a whosaid"},
        {"other_version",
         "PRAGMA application_id = 2004052324; CREATE TABLE meta(key TEXT PRIMARY KEY, value "
         "TEXT); INSERT INTO meta VALUES ('schema_version', '99');",
         nullptr, "schema version 99"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      TempDb t(row.name);
      if (row.sql) {
        index::Db db = index::Db::Open(t.path, index::Db::Mode::kReadWrite);
        db.Exec(row.sql);
      } else {
        std::ofstream(t.path) << row.bytes;
      }
      const std::string before = ReadBytes(t.path);
      try {
        index::OpenForWriting(t.path);
        FAIL("opened");
      } catch (const index::IndexError& e) {
        CHECK(std::string(e.what()).find(row.message) != std::string::npos);
      }
      CHECK_THROWS_AS(index::OpenForReading(t.path), index::IndexError);
      CHECK(ReadBytes(t.path) == before);
      CHECK_FALSE(fs::exists(t.path.string() + "-wal"));
    }
    TempDb missing("missing");
    CHECK_THROWS_WITH_AS(index::OpenForReading(missing.path), doctest::Contains("no such index"),
                         index::IndexError);
  }

  TEST_CASE("partial: the stored per-document result reads back equal") {
    for (const Document& d : Concat(kBatchA, kBatchB)) {
      CAPTURE(d.id);
      const DocResult r = testing::ThePipeline().Run(d);
      const std::string stored = index::EncodePartial(r);
      const DocResult back = index::DecodePartial(stored);
      CHECK(index::EncodePartial(back) == stored);
      REQUIRE(back.quotes.size() == r.quotes.size());
      for (std::size_t i = 0; i < r.quotes.size(); ++i) {
        CHECK(back.quotes[i].quote == r.quotes[i].quote);
        CHECK(back.quotes[i].confidence == r.quotes[i].confidence);
      }
      CHECK(back.names.size() == r.names.size());
      CHECK(back.events.events.size() == r.events.events.size());
      CHECK(back.events.quote_event == r.events.quote_event);
    }
    CHECK_THROWS_AS(index::DecodePartial("{\"v\": 999}"), index::IndexError);
    CHECK_THROWS_AS(index::DecodePartial("not json"), index::IndexError);
  }

  TEST_CASE("incremental: A then B gives the tables of A and B at once, in any order") {
    TempDb once("once"), a_then_b("a_then_b"), b_then_a("b_then_a");
    IndexBatch(once.path, Concat(kBatchA, kBatchB));
    IndexBatch(a_then_b.path, kBatchA);
    // After A alone the spokesman is named as A spells him ...
    CHECK(Dump(a_then_b.path, "entities").find("Mirwais Nourzai") != std::string::npos);
    IndexBatch(a_then_b.path, kBatchB);
    IndexBatch(b_then_a.path, kBatchB);
    IndexBatch(b_then_a.path, kBatchA);
    for (const char* table : {"entities", "variants", "roles", "name_keys", "events", "event_docs",
                              "quotes", "quotes_fts", "documents"}) {
      CAPTURE(table);
      const std::string expected = Dump(once.path, table);
      CHECK(!expected.empty());
      CHECK(Dump(a_then_b.path, table) == expected);
      CHECK(Dump(b_then_a.path, table) == expected);
    }
    // ... and after B, by the majority spelling, on every record of both batches.
    const std::string quotes = Dump(once.path, "quotes");
    CHECK(quotes.find("Mirwais Nourzai\tperson") == std::string::npos);
  }

  TEST_CASE("replacement: re-indexing a document id replaces it, nothing is duplicated") {
    TempDb t("replace");
    IndexBatch(t.path, Concat(kBatchA, kBatchB));
    Document changed = kBatchB[1];
    changed.text = "\"Every ballot will be counted in public,\" Tomas Brenner said on Monday.\n";
    const index::IndexStats s = IndexBatch(t.path, {changed});
    CHECK(s.added == 1);
    CHECK(s.replaced == 1);
    CHECK(s.documents == 4);
    index::Db db = index::OpenForReading(t.path);
    CHECK(db.Int("SELECT count(*) FROM documents") == 4);
    CHECK(db.Int("SELECT count(*) FROM quotes WHERE doc = 'b2'") == 1);
    CHECK(db.Int("SELECT count(*) FROM quotes WHERE text LIKE '%transparent%'") == 0);
    CHECK(db.Int("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'transparent'") == 0);
    CHECK(db.Int("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'public'") == 1);
    // The same as indexing the final documents at once.
    TempDb once("replace_once");
    IndexBatch(once.path, {kBatchA[0], kBatchA[1], kBatchB[0], changed});
    for (const char* table : {"entities", "variants", "events", "quotes"}) {
      CAPTURE(table);
      CHECK(Dump(t.path, table) == Dump(once.path, table));
    }
  }

  TEST_CASE("a batch that is not committed leaves the index as it was") {
    TempDb t("rollback");
    IndexBatch(t.path, kBatchA);
    const std::string before = Dump(t.path, "quotes");
    {
      index::Db db = index::OpenForWriting(t.path);
      index::IndexWriter writer(db, testing::Rules());
      for (const Document& d : kBatchB) writer.Add(d, testing::ThePipeline().Run(d));
    }  // destroyed without Commit()
    CHECK(Dump(t.path, "quotes") == before);
    CHECK(index::OpenForReading(t.path).Int("SELECT count(*) FROM documents") == 2);
  }

  TEST_CASE("search: a speaker in any spelling, also one no document used") {
    TempDb t("speaker");
    IndexBatch(t.path, Concat(kBatchA, kBatchB));
    index::Db db = index::OpenForReading(t.path);
    index::Searcher searcher(db, testing::Rules());
    struct Row {
      const char* name;
      std::size_t quotes;
    };
    const Row rows[] = {
        {"Mirwais Nourzai", 4},                             // as one outlet wrote it
        {"Mirvais Noorzai", 4},                             // as the other did
        {"Noorzai", 4},                                     // a short form
        {"Nurzay", 4},                                      // a spelling no document used
        {"Mir Wais Nurzai", 4},                             // another one, written apart
        {"Ludmilla Warga", 2},                              // never seen either
        {"Brener", 2},          {"Zbigniew Kowalczyk", 0},  // nobody of the index
        {"Karel Brenner", 0},                               // another man of the same surname
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(searcher.Search({.speaker = row.name}).size() == row.quotes);
    }
    const std::vector<index::EntityEntry> speakers = searcher.Speakers("Nurzay");
    REQUIRE(speakers.size() == 1);
    CHECK(speakers[0].variants.size() == 4);  // two full forms, two surnames
    CHECK(speakers[0].quotes == 4);
  }

  TEST_CASE("search: FTS5 queries and filters") {
    TempDb t("fts");
    IndexBatch(t.path, Concat(kBatchA, kBatchB));
    index::Db db = index::OpenForReading(t.path);
    index::Searcher searcher(db, testing::Rules());
    struct Row {
      index::SearchQuery query;
      std::vector<std::string> hits;  // doc:kind, in rank order
    };
    const std::vector<Row> rows = {
        {{.text = "\"cowardly attack\""}, {"a1:direct"}},
        {{.text = "cowardly OR aggression"}, {"a1:direct", "b1:direct"}},
        {{.text = "count NOT transparent"}, {"a2:indirect"}},
        {{.text = "child*"}, {"b1:indirect"}},
        {{.text = "Nourzai"},
         {"a1:direct", "a1:indirect", "b1:direct", "b1:indirect"}},  // a spelling of the speaker
        {{.kind = "direct"}, {"a1:direct", "a2:direct", "b1:direct", "b2:direct"}},
        {{.outlet = "valley post", .kind = "direct"}, {"b1:direct", "b2:direct"}},
        {{.role = "chairwoman"}, {"a2:direct", "b2:indirect"}},
        {{.about = "airstrike kandahar", .kind = "direct"}, {"a1:direct"}},
        {{.from = "2023-06"}, {"a2:direct", "a2:indirect", "b2:direct", "b2:indirect"}},
        {{.kind = "direct", .to = "2023-05-10"}, {"a1:direct"}},
        {{.entity = "P3", .kind = "direct"}, {"b2:direct"}},
        {{.kind = "direct", .limit = 1}, {"a1:direct"}},
        {{.text = "count", .speaker = "Brenner"}, {"a2:indirect", "b2:direct"}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.query.text);
      CAPTURE(row.query.kind);
      std::vector<std::string> got = Docs(searcher.Search(row.query));
      if (!row.query.text.empty()) std::sort(got.begin(), got.end());
      std::vector<std::string> expected = row.hits;
      if (!row.query.text.empty()) std::sort(expected.begin(), expected.end());
      CHECK(got == expected);
    }
    // An event id from the index: the two outlets' quotes about the airstrike.
    const std::string event = searcher.Search({.text = "\"cowardly attack\""})[0].record;
    CHECK(event.find("\"airstrike\"") != std::string::npos);
    for (const char* bad : {"\"unterminated", "AND", "a NEAR(", "nocolumn: word"}) {
      CAPTURE(bad);
      CHECK_THROWS_AS(searcher.Search({.text = bad}), index::QueryError);
    }
  }

  TEST_CASE("search: --about reads the event labels again after another batch") {
    TempDb t("about");
    IndexBatch(t.path, {kBatchA[1], kBatchB[1]});  // the election documents
    index::Db db = index::OpenForReading(t.path);
    index::Searcher searcher(db, testing::Rules());
    CHECK(searcher.Search({.about = "airstrike"}).empty());     // no such event yet
    CHECK(Docs(searcher.Search({.about = "  "})).size() == 4);  // no words: no filter
    IndexBatch(t.path, {kBatchA[0], kBatchB[0]});  // another connection commits the airstrike
    CHECK(Docs(searcher.Search({.about = "AIRSTRIKE kandahar"})) ==
          std::vector<std::string>{"a1:indirect", "a1:direct", "a1:indirect", "b1:indirect"});
    CHECK(searcher.Search({.about = "airstrike no-such-word"}).empty());
  }

  TEST_CASE("search: every way of applying filters gives plain SQL's results, bm25 then id") {
    // More quotes than the two batches: a long one (row sizes past one
    // varint byte) and several sharing words, so that scores tie and differ.
    std::string long_quote;
    for (int i = 1; i <= 16; ++i)
      long_quote += "the ballots of precinct " + std::to_string(i) + " were counted twice and ";
    std::vector<Document> docs = Concat(kBatchA, kBatchB);
    docs.push_back(Doc("c1",
                       "\"" + long_quote + "nobody objected,\" Tomas Brenner told reporters.\n\n" +
                           "\"The count is over,\" Ludmila Varga said.\n",
                       "Valley Post", "", "2023-06-07"));
    docs.push_back(Doc("c2",
                       "\"The count is not over and the count must go on,\" Tomas Brenner said."
                       "\n\n\"We counted every ballot,\" the commission said in a statement.\n",
                       "Harbor Ledger", "", "2023-06-08"));
    TempDb t("paths");
    IndexBatch(t.path, docs);
    index::Db db = index::OpenForReading(t.path);
    index::Searcher fast(db, testing::Rules());
    fast.Warm();

    // whosaid_bm25 is FTS5's bm25 to the last bit, on every row.
    for (const char* text : {"count", "count OR ballots", "\"the count\"", "coun*", "Brenner"}) {
      CAPTURE(text);
      index::Stmt s = db.Prepare(
          "SELECT whosaid_bm25(quotes_fts, 2.0, 1.0, 1.0) = bm25(quotes_fts, 2.0, 1.0, 1.0) "
          "FROM quotes_fts WHERE quotes_fts MATCH ?");
      s.Bind(1, text);
      int rows = 0;
      while (s.Step()) {
        CHECK(s.Int(0) == 1);
        ++rows;
      }
      CHECK(rows > 0);
    }
    CHECK(db.Int("SELECT max(length(sz)) FROM quotes_fts_docsize").value_or(0) > 3);

    // The reference: one SQL query with FTS5's bm25.
    auto plain = [&](const index::SearchQuery& q) {
      std::string sql = q.text.empty() ? "SELECT q.id FROM quotes q WHERE 1 "
                                       : "SELECT q.id FROM quotes_fts JOIN quotes q ON q.id = "
                                         "quotes_fts.rowid WHERE quotes_fts MATCH ?1 ";
      if (!q.entity.empty()) sql += "AND q.speaker_entity = ?2 ";
      if (!q.kind.empty()) sql += "AND q.kind = ?3 ";
      if (!q.outlet.empty()) sql += "AND q.outlet = ?4 COLLATE NOCASE ";
      if (!q.from.empty()) sql += "AND q.date >= ?5 ";
      sql += q.text.empty() ? "ORDER BY q.id " : "ORDER BY bm25(quotes_fts, 2.0, 1.0, 1.0), q.id ";
      sql += "LIMIT ?6";
      index::Stmt s = db.Prepare(sql);
      if (!q.text.empty()) s.Bind(1, q.text);
      if (!q.entity.empty()) s.Bind(2, q.entity);
      if (!q.kind.empty()) s.Bind(3, q.kind);
      if (!q.outlet.empty()) s.Bind(4, q.outlet);
      if (!q.from.empty()) s.Bind(5, q.from);
      s.Bind(6, q.limit);
      std::vector<std::int64_t> ids;
      while (s.Step()) ids.push_back(s.Int(0));
      return ids;
    };
    const std::string brenner = fast.Speakers("Tomas Brenner").at(0).id;
    const std::vector<index::SearchQuery> queries = {
        {.text = "count"},
        {.text = "count", .limit = 2},
        {.text = "count OR ballots OR attack"},
        {.text = "\"the count\""},
        {.text = "coun*", .kind = "direct"},
        {.text = "count", .entity = brenner},
        {.text = "count", .entity = brenner, .limit = 1},
        {.text = "said OR count OR ballot*", .outlet = "VALLEY POST", .limit = 1},
        {.text = "the", .kind = "indirect"},
        {.text = "the", .from = "2023-06-02", .limit = 3},
        {.text = "nothing_matches_this", .kind = "direct"},
        {.kind = "direct"},
        {.kind = "direct", .limit = 2},
        {.entity = brenner},
        {.outlet = "harbor ledger", .from = "2023-06"},
        {.outlet = "VALLEY POST", .kind = "direct", .limit = 1},
        {.limit = 3},
        {.kind = "mixed", .from = "2099"},
    };
    // Default tuning (few matches: checked); every filter checked on the
    // ranked matches; every filter read first.
    const index::SearchTuning tunings[] = {
        {},
        {.max_kept = 0, .max_checked = 0, .max_sorted = 0},
        {.max_kept = 1, .max_checked = 1, .max_sorted = 1},
        {.max_kept = 1000, .max_checked = 0, .max_sorted = 1000}};
    for (const index::SearchTuning& tuning : tunings) {
      index::Db db2 = index::OpenForReading(t.path);
      index::Searcher searcher(db2, testing::Rules(), tuning);
      for (const index::SearchQuery& q : queries) {
        CAPTURE(tuning.max_kept);
        CAPTURE(q.text);
        CAPTURE(q.kind);
        CAPTURE(q.limit);
        std::vector<std::int64_t> got;
        for (const index::Hit& h : searcher.Search(q)) got.push_back(h.id);
        CHECK(got == plain(q));
      }
      // The speaker filter is the entity's: the same rows.
      std::vector<std::int64_t> by_name, by_id;
      for (const index::Hit& h : searcher.Search({.text = "count", .speaker = "Brener"}))
        by_name.push_back(h.id);
      for (const index::Hit& h : searcher.Search({.text = "count", .entity = brenner}))
        by_id.push_back(h.id);
      CHECK(by_name == by_id);
      CHECK(by_name.size() >= 3);
    }
  }

  TEST_CASE("search: a searcher sees the batches committed after it started") {
    TempDb t("later");
    IndexBatch(t.path, kBatchA);
    index::Db db = index::OpenForReading(t.path);
    index::Searcher searcher(db, testing::Rules(), {.max_checked = 0});  // sizes held
    CHECK(searcher.Search({.text = "count OR aggression"}).size() == 1);
    IndexBatch(t.path, kBatchB);  // another connection writes
    std::vector<std::int64_t> got, fresh;
    for (const index::Hit& h : searcher.Search({.text = "count OR aggression"}))
      got.push_back(h.id);
    index::Db db2 = index::OpenForReading(t.path);
    index::Searcher other(db2, testing::Rules());
    for (const index::Hit& h : other.Search({.text = "count OR aggression"})) fresh.push_back(h.id);
    CHECK(got.size() > 1);
    CHECK(got == fresh);
  }

  TEST_CASE("search: jsonl records are extract's, plus url and date; a quote in its paragraph") {
    TempDb t("jsonl");
    IndexBatch(t.path, kBatchA);
    index::Db db = index::OpenForReading(t.path);
    index::Searcher searcher(db, testing::Rules());
    const std::vector<index::Hit> hits = searcher.Search({.text = "cowardly"});
    REQUIRE(hits.size() == 1);
    const std::string line = index::JsonlLine(hits[0]);
    CHECK(line.rfind("{\"doc\":\"a1\",\"outlet\":\"Harbor Ledger\",\"quote\":", 0) == 0);
    CHECK(line.find(",\"url\":\"https://example.org/a1\",\"date\":\"2023-05-10\"}\n") !=
          std::string::npos);
    const index::Paragraph p = searcher.Context(hits[0]);
    CHECK(p.before == "\"");
    CHECK(p.quote == "This was a cowardly attack on civilians,");
    CHECK(p.after == "\" said Mirwais Nourzai, spokesperson for the provincial governor.");
  }
}

}  // namespace
}  // namespace whosaid
