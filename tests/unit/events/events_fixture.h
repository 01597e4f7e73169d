// Test support for the event stage: a text's Words, and the stage's rule
// objects built once over the project's rules/.
#pragma once

#include <string>

#include "../support/rules_fixture.h"
#include "events/dates.h"
#include "events/gazetteer.h"
#include "events/lexicon.h"
#include "events/mentions.h"
#include "events/words.h"
#include "segment/paragraphs.h"
#include "segment/tokenizer.h"

namespace whosaid::testing {

inline events::Words WordsOf(const std::string& text) {
  static segment::Tokenizer tokenizer(Rules());
  auto paragraphs = segment::SplitParagraphs(text);
  auto tokens = tokenizer.Run(text, paragraphs, {}, {});
  return events::ReadWords(text, tokens);
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

}  // namespace whosaid::testing
