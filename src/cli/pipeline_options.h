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
// Every default is the config's own (the help shows it); a bad value is a
// UsageError naming the option.
//
// Example
//   po::options_description desc("Options");
//   desc.add(PipelineOptions(options.pipeline));
#pragma once

#include <boost/program_options/options_description.hpp>

#include "pipeline/pipeline.h"

namespace whosaid::cli {

// The options, bound to `config` (which must outlive parsing); their
// defaults are `config`'s values when called.
boost::program_options::options_description PipelineOptions(PipelineConfig& config);

}  // namespace whosaid::cli
