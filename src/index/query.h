// whosaid::index::Searcher — reads a quote index (docs/index.md): quote
// search with FTS5 and filters, the speakers a name means, an entity's
// spellings, an event with its documents, a quote's paragraph.
//
// Contract
//   * Every value from the user is a bound parameter; the SQL text is made
//     only of fixed fragments chosen by which filters are set.
//   * Search(): `text` is FTS5 syntax (words, "phrases", AND/OR/NOT, NEAR,
//     prefix*) over the quote text, the speaker's names and every spelling of
//     its entity, ranked by bm25 (quote text weighs double; FTS5's own
//     bm25(quotes_fts, 2.0, 1.0, 1.0), computed faster: index/ranker.h),
//     equal scores by quotes.id; with the filters applied before the limit.
//     Without `text`: by quotes.id (document id, then position). A query
//     FTS5 cannot parse throws QueryError whose what() says why ("fts5:
//     syntax error near …"), never anything else.
//   * `speaker` is a name in any spelling, also one no document used, found
//     through the entity stage's name matcher (speaker_finder.h).
//   * JsonlLine(hit) is the record `whosaid extract` writes for the quote
//     (docs/output.md), plus "url" and "date" of its document.
//
// Example
//   index::Db db = index::OpenForReading("whosaid.db");
//   index::Searcher searcher(db, *rules);
//   for (const index::Hit& h : searcher.Search({.text = "\"cowardly act\""}))
//     std::cout << index::JsonlLine(h);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules.h"
#include "index/speaker_finder.h"
#include "index/sqlite.h"

namespace whosaid::index {

// An FTS5 query the user typed that FTS5 refuses.
class QueryError : public IndexError {
 public:
  using IndexError::IndexError;
};

struct SearchQuery {
  std::string text{};        // FTS5 query; "" = every record
  std::string speaker{};     // a name, any spelling
  std::string entity{};      // an entity id ("P3")
  std::string role{};        // words in the speaker's role (case-insensitive substring)
  std::string outlet{};      // the outlet's name (case-insensitive)
  std::string event{};       // an event id ("E1")
  std::string about{};       // words of the event's label or type (each must appear)
  std::string kind{};        // direct, mixed, indirect
  std::string from{}, to{};  // document dates, ISO (YYYY, YYYY-MM or YYYY-MM-DD), inclusive
  std::int64_t limit = 20;
};

// How Search() applies filters; the results are the same either way (tests
// set small values to take every path on a small index).
struct SearchTuning {
  // With text: a filter keeping at most max_kept quotes is computed first
  // and checked on every full-text match in memory; a broader one is
  // checked on the best-ranked matches, deeper until the limit passes.
  std::size_t max_kept = 30000;
  // With text matching at most max_checked quotes, a filter keeping more
  // quotes than the text matches is checked on the ranked matches.
  std::size_t max_checked = 5000;
  // Without text: at most max_sorted kept quotes are read and sorted; more
  // are checked along the table in id order, stopping at the limit.
  std::size_t max_sorted = 10000;
};

struct Hit {
  std::int64_t id = 0;  // quotes.id
  std::string record;   // the JSON object of docs/output.md (no newline)
  std::string doc, url, date, outlet;
  std::string text, snippet;  // the quote; with matches in [brackets] (text queries)
  std::string speaker, role, kind;
  std::int64_t byte_start = 0, byte_end = 0;
};

struct Variant {
  std::string form;
  std::int64_t count = 0;
  std::string docs, outlets;  // JSON arrays
};

struct EntityEntry {
  std::string id, type, name;
  std::int64_t quotes = 0;
  std::vector<Variant> variants;
  std::vector<std::pair<std::string, std::string>> roles;  // role, affiliation
};

struct EventEntry {
  std::string id, type, label, when, where, places, actors;  // JSON arrays for the last three
  std::int64_t mentions = 0;
  std::vector<std::string> docs;
};

// A quote in its paragraph (the lines around it in the stored text).
struct Paragraph {
  std::string before, quote, after;
};

class Searcher {
 public:
  // `db` and `rules` must outlive the searcher; one searcher per connection
  // (it registers the ranking functions on it). Not thread-safe.
  Searcher(const Db& db, const rules::RuleSet& rules, SearchTuning tuning = {});
  ~Searcher();

  std::vector<Hit> Search(const SearchQuery& query);
  // Reads now what the first ranked search would (every quote's size, a
  // scan of ~40 ms per million quotes), so that search does not wait: for
  // a server.
  void Warm();
  // Entities whose name, in any spelling, is `name`, or one of whose forms
  // contains it; by quote count, then id.
  std::vector<EntityEntry> Speakers(std::string_view name);
  std::optional<EntityEntry> Entity(std::string_view id);
  std::optional<EventEntry> Event(std::string_view id);
  Paragraph Context(const Hit& hit);

 private:
  struct Impl;
  const Db& db_;
  SpeakerFinder finder_;
  std::unique_ptr<Impl> impl_;
};

std::string JsonlLine(const Hit& hit);  // with its '\n'

// Every row of a table of the index, ordered, one tab-separated line each:
// for tests and for comparing two indexes. Throws IndexError for a table
// that is not one of docs/index.md's.
std::string DumpTable(const Db& db, std::string_view table);

}  // namespace whosaid::index
