// whosaid::claims::ClaimsResult — the corpus-level claims stage's result
// (claims/claims_stage.h): the statements of the run (records of one
// speaker that report the same statement, across documents), where direct
// quotes of one statement differ in wording, and the figures stated about
// each event lined up across documents. Plain values; the claims feed
// (output/claims_feed.h) reads them.
//
// Example
//   Statement{.id = "S3", .members = {{0, 2}, {4, 1}}, .appearances = 2,
//             .check_worthy = {"figure"}}
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/doc_result.h"
#include "core/document.h"
#include "core/figure.h"
#include "core/per_document.h"
#include "core/record.h"

namespace whosaid::claims {

// A change between two wordings (claims/diff.h).
struct WordChange {
  Span a;  // bytes into the first text (empty when the change only adds words to b)
  Span b;
  std::string a_text, b_text;  // the texts of those spans
};

// A figure with the document and the source that state it (claims/conflicts.h).
struct SourcedFigure {
  std::string event;  // global event id, "" for none
  std::string doc;    // document id
  std::size_t doc_index = 0;
  Figure figure;
  std::string source_entity;  // "" when the outlet states it
  std::string source_name;
  // The occasion its document's figures count (claims/occasions.h): figures
  // of one occasion and measure share a line. "" → by event (or document).
  std::string occasion;
};

struct FigureLine {
  std::string event;  // "" → null
  std::string measure;
  bool conflict = false;
  std::vector<SourcedFigure> figures;
};

struct RecordRef {
  std::size_t doc = 0;     // index in the run's documents (as given to Run)
  std::size_t record = 0;  // index in that document's quotes
};

// Two direct appearances of one statement whose words differ.
struct WordingDiff {
  std::size_t a = 0, b = 0;  // indices into Statement::members (a: the majority wording)
  std::vector<WordChange> changes;
};

struct Statement {
  std::string id;                  // "S1"
  std::vector<RecordRef> members;  // by document id, then offset
  int appearances = 0;             // documents
  std::size_t wording = 0;         // the member whose words stand for it (majority direct wording)
  std::vector<WordingDiff> diffs;
  // Why it is worth checking: "figure", "conflict", "date", "comparison"
  // (rules/claims/check_worthy.txt); empty when nothing is.
  std::vector<std::string> check_worthy;
};

// The events of one document's figures (DocResult::figures).
struct DocFigures {
  std::vector<EventRef> events;  // parallel to the figures: id "" → none
};

// Each document's records' statements (core/per_document.h).
using RecordStatements = PerDocument<std::uint32_t>;

struct ClaimsResult {
  // In id order, with ClaimsConfig::details; without (statement ids only:
  // extract, where a run has millions), empty, and statement s is
  // "S<s + 1>", in appearances[s] documents: Ref(s) reads either.
  std::vector<Statement> statements;
  std::vector<int> appearances;
  RecordStatements statement_of;  // [doc][record] → statement
  std::vector<FigureLine> lines;

  StatementRef Ref(std::size_t statement) const {
    if (statement < statements.size())
      return {statements[statement].id, statements[statement].appearances};
    std::string id = std::to_string(statement + 1);
    id.insert(id.begin(), 'S');
    return {std::move(id), appearances[statement]};
  }
};

// One document as the claims feed reads it: its text, its result (run-wide
// ids applied) and the events of its figures.
struct KeptDoc {
  Document doc;
  DocResult result;
  DocFigures figures;
};

}  // namespace whosaid::claims
