// whosaid::index::Ranker — the quote index's bm25 ranking, fast: two SQL
// functions registered on one connection for the searcher's queries.
//
//   whosaid_bm25(quotes_fts, w0, w1, w2)   FTS5 auxiliary function
//       The value FTS5's own bm25(quotes_fts, w0, w1, w2) gives — the same
//       formula, the same calls, the same floating-point operations, so the
//       same double — except that the row's size in tokens comes from an
//       array held in memory instead of a lookup in quotes_fts_docsize for
//       every matching row (that lookup is ~80% of bm25's cost: a common word
//       matching 26,000 quotes ranks in 4 ms instead of 22 ms).
//   whosaid_kept(rowid)                    scalar function
//       1 when `rowid` is in the set given to Keep(), else 0: a filter
//       computed once (the quotes of a speaker, an event, a date range)
//       applied to each full-text match without a lookup.
//
// Contract
//   * LoadSizes(needed) forgets the sizes when the index changed since they
//     were read (`PRAGMA data_version`), then, when `needed`, reads every
//     row's size from quotes_fts_docsize (one scan; ~15 ms per 100,000
//     quotes) unless held. Call it inside the read transaction of the
//     query that ranks, so sizes and matches are one snapshot. A row whose
//     size is not held is sized by FTS5 as bm25 does (same value, slower):
//     a text with few matches need not wait for the scan.
//   * The functions live as long as the connection; the Ranker may die
//     first (they then see no sizes and no kept set).
//   * Not thread-safe: one Ranker per connection, used by one thread.
//
// Example
//   Ranker ranker(db);
//   ranker.LoadSizes(true);
//   db.Prepare("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
//              "ORDER BY whosaid_bm25(quotes_fts, 2.0, 1.0, 1.0), rowid LIMIT 20");
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "index/sqlite.h"

namespace whosaid::index {

class Ranker {
 public:
  explicit Ranker(const Db& db);  // registers the two functions on db's connection
  ~Ranker();
  Ranker(const Ranker&) = delete;
  Ranker& operator=(const Ranker&) = delete;

  void LoadSizes(bool needed);
  // whosaid_kept(rowid) is 1 exactly for `ids` from now on.
  void Keep(const std::vector<std::int64_t>& ids);

  struct State;  // shared with the registered functions

 private:
  const Db& db_;
  std::shared_ptr<State> state_;
};

}  // namespace whosaid::index
