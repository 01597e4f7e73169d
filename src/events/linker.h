// whosaid::events::QuoteLinker — the event each quote record is about.
//
// Input: the document's Words, its mentions and their grouping into events,
// the quote records (byte spans). Output: per record, an event index or -1.
// The event is, in this order:
//   1. the one a mention inside the quote names (the first; an event named
//      only to place another — "after an attack" — never counts);
//   2. else one named in the quote's sentence, outside the quote: the
//      nearest before the quote, else the first after it;
//   3. else the same in its paragraph, up to two sentences before the quote
//      or one after it;
//   4. else, when the quote speaks of victims or damage ("12 casualties")
//      or threatens a retaliation ("to retaliate by targeting their
//      posts"), the armed action the document reported last before it, or
//      its main event (the one mentioned most);
//   5. else the document's story (story.h), for a quote in its first
//      paragraphs or in a paragraph next to one that tells a new turn of
//      the story, dated or placed below country level (not a reference
//      back: "The march resumed on Sunday evening."), or one anywhere that
//      names where the story happened
//      below country level after a locative ("in the city of Kiru"; "in
//      the capital" when it happened in a capital);
//   6. else none: a general statement, or one that names an event only to
//      place something else ("the Patriot Act after the attacks").
// A quote that speaks in general — a generic mention ("856 attacks") or a
// span such as "so far" or "this year" inside it — only takes an event from
// its own words or from before it (never 4, unless victims or damage are
// told in a sentence of the quote before it). Events where words are spoken
// (types.txt: occasion, "in a statement", "at a briefing") only count
// inside the quote; anaphors ("this shameful act") too. Types flagged
// `sentence` (an election, an agreement) count inside the quote or its
// sentence, never from its paragraph (3).
//
// Contract: a pure function of its inputs; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/record.h"
#include "events/coref.h"
#include "events/dates.h"
#include "events/gazetteer.h"
#include "events/lexicon.h"
#include "events/mentions.h"
#include "events/story.h"
#include "events/words.h"

namespace whosaid::events {

class QuoteLinker {
 public:
  QuoteLinker(const EventLexicon& lexicon, const DateFinder& dates, const Gazetteer& places,
              const StoryConfig& story = {});

  std::vector<int> Run(const Words& words, const std::vector<Mention>& mentions,
                       const Grouping& grouping, const std::vector<QuoteRecord>& quotes,
                       const std::optional<DateRange>& anchor, const Story& story = {}) const;

 private:
  struct Quote;
  struct Paragraphs;  // what AboutStory reads of the document's paragraphs, made once
  int Link(const Quote& q, const std::vector<Mention>& ms, const Grouping& g, int story) const;
  bool AboutStory(const Words& words, const Quote& q, const Story& story,
                  std::optional<Paragraphs>& paragraphs) const;
  bool NamesStoryPlace(const Words& words, const Quote& q, const Grouping& g,
                       const Story& story) const;
  int Recent(const Quote& q, const std::vector<Mention>& ms, const Grouping& g) const;

  const EventLexicon& lex_;
  const DateFinder& dates_;
  const Gazetteer& places_;
  StoryConfig story_;
};

}  // namespace whosaid::events
