// whosaid::cli pipeline options — the stage settings of PipelineConfig a
// user may want to change from the command line, for every command that
// reads documents (extract, entities, spelling, events, claims).
//
//   --window-bytes N          PipelineConfig::window_bytes (1M): longer
//                             documents are read in windows of N bytes
//                             (suffixes K, M, G as for --max-doc-bytes)
//   --min-quote-words N       ShapeConfig::min_quote_words (4): shorter
//                             quotations are scare quotes or titles, no speech
//   --pronoun-paragraphs N    CorefConfig::max_pronoun_paragraphs (2): how
//                             many paragraphs back "he said" looks for its
//                             speaker
//   --group-paragraphs N      CorefConfig::max_org_paragraphs (8): the same
//                             for "the rebels said" and their group
//   --event-days N            events::CorefConfig::date_slack_days (2): two
//                             dated mentions further apart are two events
//   --story-paragraphs N      events::StoryConfig::quote_paragraphs (5): a
//                             quote naming no event is about the story's
//                             event only in the first N paragraphs
// and, for `whosaid claims` only (ClaimsOptions):
//   --statement-link X        StatementConfig::link (0.35): the share of
//                             terms that makes two reports one statement
//   --min-reports N           claims::FigureConfig::min_reports (2): a
//                             figure line needs N documents or N sources
// Every default is the config's own (the help shows it); a bad value is a
// UsageError naming the option.
//
// Example
//   po::options_description desc("Options");
//   desc.add(PipelineOptions(options.pipeline));
#pragma once

#include <boost/program_options/options_description.hpp>

#include "claims/claims_stage.h"
#include "pipeline/pipeline.h"

namespace whosaid::cli {

// The options, bound to `config` (which must outlive parsing); their
// defaults are `config`'s values when called.
boost::program_options::options_description PipelineOptions(PipelineConfig& config);
boost::program_options::options_description ClaimsOptions(claims::ClaimsConfig& config);

}  // namespace whosaid::cli
