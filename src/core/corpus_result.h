// whosaid::CorpusResult — what the corpus-level stages make of a whole run,
// handed to every output sink at the end (output/sink.h: End()). Plain
// values; each part is filled only when the run asked for its stage
// (run/corpus_run.h: CorpusStages), empty otherwise.
//
//   entities  one entity per person, organisation, group or operation across
//             the run (core/entity_table.h); record_entity[d][i] is the
//             entity of document d's record i (d counts the documents in
//             input order)
//   events    one event per real-world event across the run
//             (core/event_index.h); events.Find(d, e) is document d's event e's
//   claims    statements, wording differences and figure lines
//             (core/claims_result.h)
//   figures   per document: the events of its figures (claims feed)
//   spelling  names spelled more than one way (core/spelling_groups.h)
//
// The records a sink gets in Write() already carry the run-wide ids
// (speaker entity and canonical name, event, statement): a sink needs this
// only for what spans documents.
//
// Example
//   void End(const CorpusResult& corpus) override {
//     for (const auto& e : corpus.entities.entities) out_.Write(e.id + "\n");
//   }
#pragma once

#include <vector>

#include "core/claims_result.h"
#include "core/entity_table.h"
#include "core/event_index.h"
#include "core/spelling_groups.h"

namespace whosaid {

struct CorpusResult {
  resolve::EntityTable entities;
  events::EventIndex events;
  claims::ClaimsResult claims;
  std::vector<claims::DocFigures> figures;  // per document
  resolve::SpellingReport spelling;
};

}  // namespace whosaid
