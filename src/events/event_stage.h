// whosaid::events::EventStage — the per-document half of event analysis:
// which events a document mentions and which one each quote is about.
//
// Steps (see EventStage::Run):
//   1. words      the tokens in lower case (words.h)
//   2. anchor     the document's date: Document::date, else a dateline
//   3. mentions   triggers with places, actors and dates, per sentence
//                 (mentions.h; only sentences holding a trigger are read)
//   4. events     mentions of one event grouped (coref.h)
//   5. quotes     the event each quote record is about (linker.h)
// The corpus half, one id per real-world event across documents, is
// ClusterEvents (cluster.h).
//
// Rules: rules/events/ (dates, gazetteer, types, triggers, actors, context)
// and rules/places.txt, compiled once by the constructor (ConfigError on a
// bad entry). Run is pure and thread-safe.
//
// Example
//   EventStage stage(EventConfig{}, rules);
//   DocEvents ev = stage.Run(doc, tokens, records);
//   // ev.events[ev.quote_event[0]].type() == "airstrike"
#pragma once

#include <memory>
#include <vector>

#include "core/doc_events.h"
#include "core/document.h"
#include "core/record.h"
#include "core/rules.h"
#include "events/coref.h"
#include "events/dates.h"
#include "events/mentions.h"
#include "events/story.h"
#include "segment/tokenizer.h"

namespace whosaid::events {

struct EventConfig {
  DateConfig dates;
  MentionConfig mentions;  // events/mentions.h: the headline test
  CorefConfig coref;
  StoryConfig story;
  // Print each mention and event on stderr (a development aid, like
  // PipelineConfig::trace, which sets it).
  bool trace = false;
};

class EventStage {
 public:
  // Its gazetteer reads the rule set's shared rules::Places (core/places.h).
  EventStage(const EventConfig& config, const rules::RuleSet& rules);
  ~EventStage();
  EventStage(const EventStage&) = delete;
  EventStage& operator=(const EventStage&) = delete;

  DocEvents Run(const Document& doc, const segment::Tokens& tokens,
                const std::vector<QuoteRecord>& quotes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whosaid::events
