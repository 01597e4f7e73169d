// Test support for the event stage: a text's Words, and the stage's rule
// objects built once over the project's rules/.
#pragma once

#include <string>

#include "../support/pipeline_fixture.h"
#include "../support/rules_fixture.h"
#include "events/cluster.h"
#include "events/dates.h"
#include "events/gazetteer.h"
#include "events/lexicon.h"
#include "events/mentions.h"
#include "events/words.h"
#include "segment/paragraphs.h"
#include "segment/tokenizer.h"

namespace whosaid::testing {

// The tokens of a text with no quotations.
inline segment::Tokens TokensOf(const std::string& text) {
  static segment::Tokenizer tokenizer(Rules());
  return tokenizer.Run(text, segment::SplitParagraphs(text), {}, {});
}

inline events::Words WordsOf(const std::string& text) { return events::ReadWords(text, TokensOf(text)); }

inline const events::DateFinder& Dates() {
  static events::DateFinder dates(events::DateConfig{}, Rules());
  return dates;
}

inline const events::Gazetteer& Places() {
  static events::Gazetteer places(Rules());
  return places;
}

inline const events::EventLexicon& Lexicon() {
  static events::EventLexicon lexicon(Rules());
  return lexicon;
}

inline const events::MentionFinder& Mentions() {
  static events::MentionFinder finder(Lexicon(), Places(), Dates());
  return finder;
}

// "ANCHOR | TEXT" → (anchor, text); "-" is no anchor.
inline std::pair<std::string, std::string> SplitAnchor(const std::string& input) {
  auto bar = input.find(" | ");
  std::string anchor = input.substr(0, bar);
  return {anchor == "-" ? std::string() : anchor, input.substr(bar + 3)};
}

// The whole per-document pipeline on `text`, dated `date` ("" for none).
inline DocResult Analyze(const std::string& text, const std::string& date = "") {
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = date;
  return ThePipeline().Run(doc);
}

// A document event as its label reads: "type, first place, when".
inline std::string LabelOf(const events::DocEvent& e) { return events::Summarize({&e}).label; }

// The label of the event the quote record holding `quote` is linked to:
// "none" when it is linked to none, "no such quote" when no record holds it.
inline std::string LinkedTo(const std::string& text, const DocResult& r, const std::string& quote) {
  for (std::size_t i = 0; i < r.quotes.size(); ++i) {
    const Span& q = r.quotes[i].quote;
    if (text.substr(q.begin, q.size()).find(quote) == std::string::npos) continue;
    int ev = i < r.events.quote_event.size() ? r.events.quote_event[i] : -1;
    return ev < 0 ? "none" : LabelOf(r.events.events[static_cast<std::size_t>(ev)]);
  }
  return "no such quote";
}

}  // namespace whosaid::testing
