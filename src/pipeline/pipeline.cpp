#include "pipeline/pipeline.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "attribution/coref.h"
#include "attribution/frames.h"
#include "attribution/lexicon.h"
#include "attribution/policy.h"
#include "attribution/shape.h"
#include "attribution/speaker.h"
#include "claims/figures.h"
#include "entities/mentions.h"
#include "events/cluster.h"
#include "pipeline/record_limits.h"
#include "pipeline/windowed.h"
#include "quotes/scanner.h"
#include "segment/paragraphs.h"
#include "segment/tokenizer.h"

namespace whosaid {

using attribution::Analysed;
using attribution::Claim;

namespace {

events::EventConfig WithTrace(events::EventConfig c, bool trace) {
  c.trace = c.trace || trace;
  return c;
}

}  // namespace

struct Pipeline::Impl {
  Impl(const PipelineConfig& c, const rules::RuleSet& rules)
      : config(c),
        tokenizer(c.tokenizer, rules),
        scanner(c.scanner, rules),
        shapes(c.shape, rules),
        frames(c.frames, rules),
        speakers(c.coref.speaker, rules),
        coref(c.coref, rules),
        policy(c.attribution, rules),
        mentions(c.name_mentions, rules),
        events(WithTrace(c.events, c.trace), rules),
        limits(rules),
        figures(c.figures, rules) {}

  DocResult RunWindow(const Document& doc) const;  // every step on one window

  PipelineConfig config;
  segment::Tokenizer tokenizer;
  quotes::Scanner scanner;
  attribution::ShapeBuilder shapes;
  attribution::Frames frames;
  attribution::SpeakerReader speakers;
  attribution::Coref coref;
  attribution::AttributionPolicy policy;
  entities::MentionFinder mentions;
  events::EventStage events;
  RecordLimits limits;
  claims::FigureExtractor figures;
};

namespace {

// Development aid (PipelineConfig::trace): the shape string and every claim.
void Trace(const Analysed& a, const std::vector<Claim>& claims) {
  std::fprintf(stderr, "shape %s\n", a.shape.symbols.c_str());
  for (const Claim& c : claims) {
    Span s = a.Bytes(c.content);
    std::fprintf(stderr, "  %-18s %.*s\n", c.frame.c_str(),
                 static_cast<int>(std::min<std::size_t>(s.size(), 90)), a.text.data() + s.begin);
  }
}

}  // namespace

Pipeline::Pipeline(const PipelineConfig& config, const rules::RuleSet& rules)
    : impl_(std::make_unique<Impl>(config, rules)) {}
Pipeline::~Pipeline() = default;

DocResult Pipeline::Impl::RunWindow(const Document& doc) const {
  const Impl& m = *this;
  Analysed a;
  a.text = doc.text;
  // 1. segment: paragraphs
  a.paragraphs = segment::SplitParagraphs(a.text);
  // 2. quotes: pair the quote marks
  a.quotes = m.scanner.Run(a.text, a.paragraphs);
  std::vector<Span> top;
  for (const auto& q : a.quotes.quotes)
    if (q.depth == 0) top.push_back(q.outer);
  // 3. segment: tokens and sentences, quotations kept whole
  a.tokens = m.tokenizer.Run(a.text, a.paragraphs, a.quotes.mark_positions, top);
  // 4. attribution: shape string, frames, continuations
  a.shape = m.shapes.Run(a.text, a.tokens, a.quotes.quotes);
  // (attribution/policy.h: quotations continuing a quoted speaker)
  std::vector<Claim> claims = m.frames.Run(a.shape);
  claims = m.policy.WithContinuations(a, std::move(claims));
  if (m.config.trace) Trace(a, claims);
  // 5. speakers: read each phrase, then resolve across the document
  std::vector<attribution::SpeakerPhrase> phrases;
  std::vector<std::size_t> at;
  for (const Claim& c : claims) {
    phrases.push_back(c.speaker.empty() ? attribution::SpeakerPhrase{}
                                        : m.speakers.Run(a.text, a.tokens, a.shape, c.speaker));
    at.push_back(c.cue.empty() ? c.content.begin : c.cue.begin);
  }
  auto resolved = m.coref.Run(a.text, a.tokens, a.shape, phrases, at);
  // 6. records (attribution/policy.h: kind, confidence, datelines left out)
  DocResult result;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (auto r = m.policy.Record(a, claims[i], resolved[i])) result.quotes.push_back(std::move(*r));
  }
  // 7. names mentioned, for corpus-level resolution
  result.names = m.mentions.Run(a.text, a.tokens);
  // 8. events: the document's events and each record's (ids come from the
  // corpus stage, events::ClusterEvents)
  result.events = m.events.Run(doc, a.tokens, result.quotes);
  for (std::size_t i = 0; i < result.quotes.size(); ++i) {
    int k = result.events.quote_event[i];
    if (k >= 0)
      result.quotes[i].event =
          events::Summarize({&result.events.events[static_cast<std::size_t>(k)]});
  }
  return result;
}

DocResult Pipeline::Run(const Document& doc) const {
  // A window is read as a document of its own that keeps the document's id
  // and date; when only the text dates it (a dateline), later windows take
  // the date the first one found.
  std::string date = doc.date;
  DocResult result =
      RunInWindows(doc.text, impl_->config.window_bytes, [&](std::string_view window) {
        if (window.size() == doc.text.size()) return impl_->RunWindow(doc);
        Document part;
        part.id = doc.id;
        part.outlet = doc.outlet;
        part.url = doc.url;
        part.source = doc.source;
        part.date = date;
        part.text = std::string(window);
        DocResult r = impl_->RunWindow(part);
        if (date.empty() && r.events.anchor) date = events::FormatWhen(*r.events.anchor);
        return r;
      });
  impl_->limits.Run(doc, result);  // no record no speech could be (rules/records.txt)
  // Figures are read over the whole text (in small chunks of their own), after
  // the limits: they point at the records that remain.
  result.figures = impl_->figures.Run(doc.text, result.quotes);
  return result;
}

}  // namespace whosaid
