// whosaid::rules::ReadPlaces, Places — rules/places.txt (countries, their
// capitals and demonyms) read by one loader for every stage that knows
// places: the speaker reader (a place as a speaker, a demonym as an
// affiliation), the name mentions (a place is no name), the event gazetteer
// (countries and capitals under the provinces of events/gazetteer.txt) and
// the spelling report (place names are no person's spelling). Each of them
// takes the rule set's one Places (RuleSet::Shared<Places>()), so a run
// reads places.txt once.
//
// Contract: the entries in file order, each field as written (trimmed);
// the third field is a comma-separated list, blanks around each item
// trimmed and empty items dropped. Throws ConfigError
// "places.txt:LINE: expected COUNTRY | CAPITAL | DEMONYMS" on an entry
// without exactly three fields, or when the file is missing.
//
// Example
//   for (const rules::Country& c : rules::ReadPlaces(rules))
//     places.insert(c.name), places.insert(c.capital);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/flat_map.h"
#include "core/rules.h"

namespace whosaid::rules {

struct Country {
  std::string name;                   // "United States"
  std::string capital;                // "Washington"
  std::vector<std::string> demonyms;  // "American", "Americans", "U.S.", "US"
  int line = 0;                       // in places.txt, for messages
};

std::vector<Country> ReadPlaces(const RuleSet& rules);

// places.txt read once: its countries, and look-ups by name as written.
class Places {
 public:
  explicit Places(const RuleSet& rules);

  const std::vector<Country>& countries() const { return countries_; }
  // A country or a capital, as written ("Valdoria", "Port Amsel").
  bool IsPlace(std::string_view name) const { return places_.Contains(name); }
  // A demonym, as written ("Valdorian").
  bool IsDemonym(std::string_view word) const { return demonyms_.Contains(word); }

 private:
  std::vector<Country> countries_;
  FlatSet places_;  // probed with a view, per token (core/flat_map.h)
  FlatSet demonyms_;
};

// "a, b ,, c" → {"a", "b", "c"}: items split on commas, blanks (' ')
// around each trimmed, empty ones dropped.
std::vector<std::string> CommaList(std::string_view list);

}  // namespace whosaid::rules
