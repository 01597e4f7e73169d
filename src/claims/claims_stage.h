// whosaid::claims::ClaimsStage — the fact-check layer of a run: which quote
// records report one statement (statements.h), where direct quotes of one
// statement differ in wording (diff.h), and the figures stated about each
// event with their conflicts (figures.h, conflicts.h).
//
// It is a corpus stage after entities and events, and a pure function of the
// per-document results: each document's quote records (speaker entity ids,
// event refs, spans), its figures (DocResult::figures, found by the
// pipeline), its events with their run-wide refs (DocEvents::global) and its
// text. Two halves:
//   Figures(doc, result)  per document, any thread: the event of each of
//                         its figures;
//   Run(docs)             the whole run: statements, wording differences and
//                         figure lines. Depends only on the multiset of
//                         documents, never on their order or on threads.
//   Apply(result, d, r)   gives document d's records their StatementRef.
//
// Example
//   ClaimsStage stage(ClaimsConfig{}, *rules);
//   std::vector<DocFigures> figs = {stage.Figures(doc0, r0), stage.Figures(doc1, r1)};
//   ClaimsResult claims = stage.Run({{&doc0, &r0, &figs[0]}, {&doc1, &r1, &figs[1]}});
//   ClaimsStage::Apply(claims, 0, r0);   // r0.quotes[i].statement
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
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

class ClaimsStage {
 public:
  // Reads rules/claims/words.txt and check_worthy.txt (throws ConfigError
  // "file:line: …").
  ClaimsStage(const ClaimsConfig& config, const rules::RuleSet& rules);

  DocFigures Figures(const Document& doc, const DocResult& result) const;
  ClaimsResult Run(const std::vector<ClaimsDoc>& docs) const;
  static void Apply(const ClaimsResult& claims, std::size_t doc, DocResult& result);

  const TermLexicon& lexicon() const { return lexicon_; }

 private:
  void Diff(const std::vector<ClaimsDoc>& docs, Statement& st) const;
  void Rate(const std::vector<ClaimsDoc>& docs, const std::vector<FigureLine>& lines,
            Statement& st) const;

  ClaimsConfig config_;
  TermLexicon lexicon_;
  OccasionRules occasions_;
  std::unordered_set<std::string> dates_, comparisons_;
};

}  // namespace whosaid::claims
