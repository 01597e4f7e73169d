// whosaid::claims::ClaimsStage — the fact-check layer of a run: which quote
// records report one statement (statements.h), where direct quotes of one
// statement differ in wording (diff.h), and the figures stated about each
// event with their conflicts (figures.h, conflicts.h).
//
// It is a corpus stage after entities and events, and a pure function of the
// per-document results: each document's quote records (speaker entity ids,
// event refs, spans), its figures (DocResult::figures, found by the
// pipeline), its events with their run-wide refs (DocEvents::global) and its
// text. A fold:
//   Summarize(doc, result)  per document as it comes, any thread, before
//                         the run-wide ids exist: the terms and wording of
//                         each record, the words naming its speaker, how
//                         often the document uses each term (DocClaims) —
//                         no text is kept past this (memory grows with the
//                         records' features, not with the documents' text);
//   Figures(doc, result)  per document, any thread, once events have their
//                         run-wide ids: the event of each of its figures;
//   Run(folded)           the whole run, from each document's summary and
//                         its result with run-wide ids (FoldedDoc; the
//                         result's quotes need no text): statements, wording
//                         differences and figure lines. Depends only on the
//                         multiset of documents, never on their order or on
//                         threads. Run(docs) = Summarize each, then this.
//   Apply(result, d, r)   gives document d's records their StatementRef.
//
// Example
//   ClaimsStage stage(ClaimsConfig{}, *rules);
//   std::vector<DocFigures> figs = {stage.Figures(doc0, r0), stage.Figures(doc1, r1)};
//   ClaimsResult claims = stage.Run({{&doc0, &r0, &figs[0]}, {&doc1, &r1, &figs[1]}});
//   // or, folding: DocClaims s0 = stage.Summarize(doc0, r0) as doc0 comes
//   // (its text may go now), … then stage.Run({{&s0, &r0, &figs[0]}, …})
//   ClaimsStage::Apply(claims, 0, r0);   // r0.quotes[i].statement
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claims/conflicts.h"
#include "claims/diff.h"
#include "claims/figures.h"
#include "claims/occasions.h"
#include "claims/statements.h"
#include "claims/terms.h"
#include "core/claims_result.h"
#include "core/doc_result.h"
#include "core/document.h"
#include "core/rules.h"

namespace whosaid::claims {

struct ClaimsConfig {
  TermConfig terms;  // claims/terms.h: the headline test
  StatementConfig statements;
  FigureConfig figures;
  // Wording differences and check-worthy reasons (the claims feed); extract
  // needs only the statement ids and leaves them out.
  bool details = true;
};

struct ClaimsDoc {
  const Document* doc = nullptr;
  const DocResult* result = nullptr;
  const DocFigures* figures = nullptr;
};

// What the stage keeps of one record between the map step and Run: its
// features, no document text (the text of its quote only with
// ClaimsConfig::details, for the wording diff and the feed).
struct RecordClaims {
  ItemFeatures features;  // statements.h
  TermUses doc_uses;      // StatementItem::uses (packed: held to the end of the run)
  std::string mention;    // the words naming its speaker ("" if none)
  std::string text;       // its quote's text (details only)
};

// One document's summary (ClaimsStage::Summarize), records parallel to its
// DocResult::quotes.
struct DocClaims {
  std::string id, date;  // the document's id and publication date
  std::vector<RecordClaims> records;
};

// What Run reads of a document with figures (ClaimsStage::FigureInputs): the
// occasion of its figures and each figure with its event and source (their
// `occasion` is set by Run), made once its records have their run-wide ids.
struct DocFigureInputs {
  Occasion occasion;
  std::vector<SourcedFigure> figures;
};

// One document at the end of a run: its summary and its result with the
// run-wide ids applied (speaker entities, record events, DocEvents::global;
// its figures), no text.
struct FoldedDoc {
  const DocClaims* claims = nullptr;
  // Once its statement items are made (ClaimsStage::AddItems), Run reads the
  // result only of a document with figures, and only then with
  // ClaimsConfig::details: it may be null otherwise (so a run need not hold
  // every record until the grouping ends).
  const DocResult* result = nullptr;
  const DocFigures* figures = nullptr;
  // Given (FigureInputs), Run reads this instead of the result's figures,
  // and without ClaimsConfig::details the result may then be null too.
  const DocFigureInputs* figure_inputs = nullptr;
};

// The statement grouper's input (statements.h): one packed item per record
// of the run (PackedItem::doc: the document's index as given to AddItems,
// ::record: the record's index in it), its strings interned in `items`, its
// document's id a view of the document's summary (DocClaims::id, which must
// outlive Run). Its features and term counts are read where they are when
// the grouping needs them: from the document's summary while it has its
// records, else from `features`.
struct StatementInputs {
  PackedItems items;
  // Where the items of a summary whose records went have theirs (a run
  // that keeps them on disk: run/corpus_run.cpp, SpilledFeatures), by item.
  const FeatureSource* features = nullptr;
};

class ClaimsStage {
 public:
  // Reads rules/claims/words.txt and check_worthy.txt (throws ConfigError
  // "file:line: …").
  ClaimsStage(const ClaimsConfig& config, const rules::RuleSet& rules);

  DocFigures Figures(const Document& doc, const DocResult& result) const;
  // Per document as it comes, any thread: what Run needs of its text.
  // `doc` is the text the records' spans point into (a compact text of the
  // pieces will do: only the text under the quotes, the speaker mentions
  // and what else is given is read).
  DocClaims Summarize(const Document& doc, const DocResult& result) const;
  // The whole run from the summaries; the same result as Run(docs) over the
  // documents the summaries were made of.
  ClaimsResult Run(const std::vector<FoldedDoc>& docs) const;
  // The same in two steps: AddItems for each document d in turn (its items
  // point into doc.claims, which must outlive Run), then Run over the
  // documents and the items. Between the two a document's result may go
  // (FoldedDoc::result, NeedsResult).
  void AddItems(std::size_t d, const FoldedDoc& doc, StatementInputs& into) const;
  // Appends `from`'s items to `into`'s, in their order, with their strings
  // interned in `into` (`from`'s may then go): AddItems of
  // documents into inputs of their own, on any threads, then AppendItems of
  // each in document order gives the inputs AddItems of each in turn gives.
  static void AppendItems(StatementInputs&& from, StatementInputs& into);
  bool NeedsResult(const DocResult& result) const {
    return config_.details || !result.figures.empty();
  }
  // Without details, what Run reads of a document with figures: made now
  // (after AddItems), its result may go (FoldedDoc::figure_inputs).
  bool FiguresAlone() const { return !config_.details; }
  DocFigureInputs FigureInputs(std::size_t d, const FoldedDoc& doc) const;
  // `threads`: the statement grouping's (StatementGrouper::Run); the result
  // is the same for any number.
  ClaimsResult Run(const std::vector<FoldedDoc>& docs, const StatementInputs& inputs,
                   unsigned threads = 1) const;
  // Summarize(doc, result) of each, then Run over them.
  ClaimsResult Run(const std::vector<ClaimsDoc>& docs) const;
  static void Apply(const ClaimsResult& claims, std::size_t doc, DocResult& result);

  const TermLexicon& lexicon() const { return lexicon_; }

 private:
  void Diff(const std::vector<FoldedDoc>& docs, Statement& st) const;
  void Rate(const std::vector<FoldedDoc>& docs, const std::vector<FigureLine>& lines,
            Statement& st) const;

  ClaimsConfig config_;
  TermLexicon lexicon_;
  OccasionRules occasions_;
  std::unordered_set<std::string> dates_, comparisons_;
};

}  // namespace whosaid::claims
