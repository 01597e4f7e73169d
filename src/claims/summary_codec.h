// whosaid::claims::EncodeSummary / DecodeSummary — one document's claims
// summary (DocClaims, claims_stage.h) and its quote records, as bytes, for a
// run that spills them until the end (run/corpus_run.h: a million documents'
// summaries do not fit in memory). A private form of one process, not a
// contract between versions (the partial is that: core/partial_codec.h).
//
// Contract: DecodeSummary(EncodeSummary(s, q)) gives back s and q equal in
// every field (doubles bit for bit). Throws std::runtime_error on bytes
// that end early and on a word list whose ends do not fit its letters.
//
// Example
//   std::string bytes = EncodeSummary(summary, result.quotes);  // (, result.figures, spans)
//   DocClaims s; std::vector<QuoteRecord> q;
//   DecodeSummary(bytes, s, q);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claims/claims_stage.h"
#include "core/figure.h"
#include "core/record.h"

namespace whosaid::claims {

// With a document's figures (core/figure.h) too, and for each a pair of
// spans the caller keeps (the run: where it is in the compact text the
// stage read and in the document); the first DecodeSummary skips them.
std::string EncodeSummary(const DocClaims& summary, const std::vector<QuoteRecord>& quotes,
                          const std::vector<Figure>& figures = {},
                          const std::vector<std::pair<Span, Span>>& figure_spans = {});
void DecodeSummary(std::string_view bytes, DocClaims& summary, std::vector<QuoteRecord>& quotes);
void DecodeSummary(std::string_view bytes, DocClaims& summary, std::vector<QuoteRecord>& quotes,
                   std::vector<Figure>& figures, std::vector<std::pair<Span, Span>>& figure_spans);

// One record's features and term counts alone (statements.h, FeatureSource),
// the same way; decoded into empty ones.
std::string EncodeFeatures(const ItemFeatures& features, const TermUses& uses);
void DecodeFeatures(std::string_view bytes, ItemFeatures& features, TermUses& uses);
// Of EncodeFeatures' bytes, the terms alone (ItemFeatures::terms), into
// `terms` (replaced): what a pass that reads no wording nor counts needs,
// a third of the copies.
void DecodeTerms(std::string_view bytes, PackedWords& terms);

}  // namespace whosaid::claims
