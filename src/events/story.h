// whosaid::events::FindStory — the event a document reports: the news of
// its headline and lead, which quotes about its course and consequences are
// about even when they do not name it.
//
// Input: the document's Words, its mentions and their grouping (coref.h).
// Output: the index of the story event in `grouping.events` (or -1) and the
// names of the lead sentences that mention it.
// The story is the event with the most mentions among those mentioned for
// themselves in the lead (the headline and the first full paragraph) — not generic, unreal,
// background, answered, an anaphor, or inside a direct quotation — of a type that is neither an
// occasion (a statement, an address: words spoken are not the news they
// speak of), local (a meeting: many happen every day) nor `sentence` (an
// election: campaign news names it around quotes about anything else). A lead that
// reports an occasion ("in a televised address on Saturday, the minister
// defended the raids") has for its story only what the occasion's first
// direct quotation, in the lead or the paragraph after it, names for itself
// ("“We will not end this march,” she said": the march); else none — its
// quotes are the words of that occasion, about whatever they name.
//
// Example (an invented document)
//   "Rebels seize Kiru airport. Rebel fighters seized the airport of Kiru on
//   Friday, witnesses said. … “We have lost everything,” a trader said."
//   → the capture of Kiru; the trader's quote is about it.
#pragma once

#include <string_view>
#include <vector>

#include "core/record.h"
#include "events/coref.h"
#include "events/lexicon.h"
#include "events/mentions.h"
#include "events/words.h"

namespace whosaid::events {

// The story event and the names (capitalised words, lower case) of the
// lead sentences that mention it: a quote is about the story only when its
// sentence names one of them (linker.h).
struct Story {
  int event = -1;
  std::vector<std::string_view> names;
};

struct StoryConfig {
  // The lead: the headline (the first paragraph) and the first paragraph of
  // at least this many words.
  std::size_t lead_words = 25;
  // A quote that names no event is about the story only in the first this
  // many paragraphs (linker.h; between the headline and the lead's full
  // paragraph only those that end as sentences count, not captions).
  std::uint32_t quote_paragraphs = 5;
};

// The paragraphs of the lead: the headline (the first paragraph) and the
// first paragraph of at least `lead_words` words; furniture between is not.
// One entry per paragraph up to the last word's (`words` in paragraph order,
// as ReadWords gives them).
std::vector<bool> LeadParagraphs(const StoryConfig& config, const Words& words);

Story FindStory(const StoryConfig& config, const EventLexicon& lexicon, const Words& words,
                const std::vector<Mention>& mentions, const Grouping& grouping,
                const std::vector<QuoteRecord>& quotes);

}  // namespace whosaid::events
