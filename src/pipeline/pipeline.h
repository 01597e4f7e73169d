// whosaid::Pipeline — the per-document half of whosaid: one document in, its
// quote records out. Pure: a function of the document and the rules, safe to
// call from any number of threads on one shared Pipeline.
//
// Steps (see Pipeline::Run):
//   1. segment      paragraphs, sentences and classed tokens
//   2. quotes       quote-mark pairing → direct quote spans (scare quotes kept
//                   apart), multi-paragraph and nested quotes
//   3. attribution  cue frames over the token shape string → speaker, cue and
//                   content for direct, mixed and indirect speech; the
//                   policy (attribution/policy.h) adds continuations and
//                   turns claims into records
//   4. coreference  pronouns, surnames and role nouns → full names; roles and
//                   affiliations carried to every record of the same speaker
//   5. names        every name the document mentions, speaking or not
//                   (entities/mentions.h), for corpus-level resolution
//   6. events       the document's events and the one each quote is about
//                   (events::EventStage); records get a document-level
//                   EventRef with no id
//   7. limits       records longer than any speech dropped, with a warning
//                   (record_limits.h, rules/records.txt)
//   8. figures      the numbers it states about events, with the record that
//                   states each (claims::FigureExtractor), over the whole text
//
// Corpus-level stages (entity merging across documents; one id per event
// across documents: events::ClusterEvents over every DocResult::events) run
// after, over every document's result (see HACKING.md).
//
// Example
//   auto rules = whosaid::rules::RuleSet::Load("rules");
//   whosaid::Pipeline pipeline(whosaid::PipelineConfig{}, *rules);
//   whosaid::DocResult r = pipeline.Run(doc);
#pragma once

#include <memory>
#include <vector>

#include "attribution/coref.h"
#include "attribution/frames.h"
#include "attribution/policy.h"
#include "attribution/shape.h"
#include "claims/figures.h"
#include "core/doc_result.h"
#include "core/document.h"
#include "core/rules.h"
#include "entities/mentions.h"
#include "events/event_stage.h"
#include "pipeline/record_limits.h"
#include "quotes/scanner.h"
#include "segment/tokenizer.h"

namespace whosaid {

struct PipelineConfig {
  // Print the shape string and each frame's claim on stderr (a development
  // aid; the CLI sets it from the WHOSAID_TRACE environment variable).
  bool trace = false;
  // Longer documents are read in windows of at most this many bytes
  // (segment/windows.h), so memory follows the window, not the document;
  // quotations, coreference and event grouping do not cross a window's
  // edge. Default 1 MiB.
  std::size_t window_bytes = std::size_t{1} << 20;
  // Each stage's settings, with their defaults documented in its header.
  segment::TokenizerConfig tokenizer;          // segment/tokenizer.h: what is all capitals
  quotes::ScannerConfig scanner;               // quotes/scanner.h: nesting depth
  attribution::ShapeConfig shape;              // attribution/shape.h: scare quotes, headlines
  attribution::FramesConfig frames;            // attribution/frames.h
  attribution::CorefConfig coref;              // attribution/coref.h: how far back pronouns look;
                                               // .speaker: how speaker phrases are read
  attribution::AttributionConfig attribution;  // attribution/policy.h: confidences
  entities::MentionConfig name_mentions;       // entities/mentions.h: role windows, headlines
  events::EventConfig events;                  // events/event_stage.h
  claims::ExtractorConfig figures;             // claims/figures.h (FigureExtractor)
  // (RecordLimits, pipeline/record_limits.h, has none: rules/records.txt.)
};

class Pipeline {
 public:
  // Compiles every rule the stages need; throws ConfigError on a bad rule.
  // Every stage is built as Stage(config.field, rules); what several share
  // (places, the attribution lexicon) is the rule set's one copy
  // (RuleSet::Shared), so `rules` must outlive the pipeline.
  Pipeline(const PipelineConfig& config, const rules::RuleSet& rules);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  DocResult Run(const Document& doc) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whosaid
