// whosaid::index::IndexWriter — adds one batch of documents to a quote index
// (schema: docs/index.md), as one transaction.
//
// How
//   * The constructor begins the batch (BEGIN IMMEDIATE: the write lock; a
//     second writer waits, then fails with a message).
//   * Add() stores a document — its text, metadata and per-document result
//     (partial_codec.h) — replacing a stored document of the same id.
//   * Commit() re-runs only the corpus stage (one entity per name, one id per
//     event, statements: run::CorpusRun, as `whosaid extract`) over every stored
//     document, read back from the database in id order, rewrites the derived
//     tables (quotes and their full-text index, entities, variants, roles,
//     name keys, events) and commits; then checkpoints the WAL.
//   So indexing A then B gives exactly the tables of indexing A and B at once
//   (the corpus stage reads the same stored documents in the same order), and
//   old documents never go through the per-document pipeline again.
//
// Safety: until Commit() returns, the database is as it was before the batch
// — a destroyed writer rolls back, a killed process leaves an uncommitted WAL
// that SQLite discards when the file is next opened.
//
// Cost: Commit() holds every stored document with quote records in memory
// (text included) and rewrites every derived table, so a batch costs the
// corpus stage over the whole index, not over the batch alone.
//
// Example
//   index::Db db = index::OpenForWriting("whosaid.db");
//   index::IndexWriter writer(db, *rules);
//   writer.Add(doc, pipeline.Run(doc));
//   index::IndexStats stats = writer.Commit();
#pragma once

#include <cstddef>
#include <memory>

#include "claims/claims_stage.h"
#include "core/document.h"
#include "core/rules.h"
#include "index/sqlite.h"
#include "pipeline/pipeline.h"

namespace whosaid::index {

struct IndexStats {
  std::size_t added = 0;     // documents of this batch (replacements included)
  std::size_t replaced = 0;  // of which replaced a stored document of the same id
  std::size_t documents = 0, quotes = 0, entities = 0, events = 0;  // in the index after
};

struct WriterConfig {
  unsigned threads = 1;  // the name clusterer's threads (same result for any)
  // How statements are grouped across the index (its ids only are stored:
  // `details` is ignored), as extract's --statement-link.
  claims::ClaimsConfig claims;
};

class IndexWriter {
 public:
  // `db` and `rules` must outlive the writer.
  IndexWriter(const Db& db, const rules::RuleSet& rules, const WriterConfig& config = {});
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  void Add(const Document& doc, const DocResult& result);
  IndexStats Commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whosaid::index
