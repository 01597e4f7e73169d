// Test support for the event stage: a text's Words, and the stage's rule
// objects built once over the project's rules/.
#pragma once

#include <string>
#include <vector>

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
  static segment::Tokenizer tokenizer(segment::TokenizerConfig{}, Rules());
  return tokenizer.Run(text, segment::SplitParagraphs(text), {}, {});
}

inline events::Words WordsOf(const std::string& text) {
  return events::ReadWords(text, TokensOf(text));
}

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

// A document event as the event stage would give it: its type (the path is
// read from types.txt), its places (gazetteer paths, country first), actors
// and date ("" none; "YYYY-MM" a month).
inline events::DocEvent Ev(const std::string& type,
                           const std::vector<std::vector<std::string>>& places,
                           const std::vector<events::Actor>& actors = {},
                           const std::string& date = "") {
  events::DocEvent e;
  for (int t = Lexicon().TypeId(type); t >= 0; t = Lexicon().type(t).parent) {
    e.type_path.insert(e.type_path.begin(), Lexicon().type(t).name);
  }
  if (e.type_path.empty()) e.type_path.push_back("unknown type " + type);
  for (const auto& p : places) {
    events::EventPlace ep;
    ep.path = p;
    ep.mentions = 1;
    e.places.push_back(ep);
  }
  e.actors = actors;
  e.date = events::ParseIsoDate(date);
  e.mentions = 1;
  int id = Lexicon().TypeId(type);
  e.local = id >= 0 && Lexicon().type(id).local;
  if (id >= 0) e.family = Lexicon().type(id).family;
  return e;
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
