// whosaid::events::Gazetteer — places with their parents: countries,
// capitals and demonyms from rules/places.txt, everything below them from
// rules/events/gazetteer.txt (format documented there).
//
// Contract
//   Built once (throws ConfigError naming file:line on a bad entry: wrong
//   number of fields, unknown parent, a known place moved to another country);
//   immutable and thread-safe afterwards. Place ids are indices, stable for
//   one Gazetteer.
//   Match(words, i, end) returns every place whose name (or other name)
//   equals the words at i (longest name first; all places sharing that
//   name), provided words[i] is capitalised; a following word naming the
//   place's kind ("Nineveh province") is part of the match. Within(a, b): a is b or lies
//   below it. Path(id): names from the country down to the place.
//
// Example
//   Gazetteer g(rules);
//   int sinjar = g.Find("Sinjar"), nineveh = g.Find("Nineveh");
//   g.Within(sinjar, nineveh) == true;
//   g.Path(sinjar) == {"Iraq", "Nineveh", "Sinjar"};
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/places.h"
#include "core/rules.h"
#include "events/words.h"

namespace whosaid::events {

struct Place {
  std::string name;
  std::string kind;      // country, province, state, district, city, …
  int parent = -1;       // -1 for a country or a region spanning countries
  bool capital = false;  // a capital of places.txt ("Baghdad said": its government)
};

struct PlaceMatch {
  std::size_t words = 0;    // how many words the name spans (0: none)
  std::vector<int> places;  // every place of that name, first-listed first
};

class Gazetteer {
 public:
  // Countries and capitals from the rule set's shared rules::Places
  // (core/places.h, read once per rule set), the rest from events/gazetteer.txt.
  explicit Gazetteer(const rules::RuleSet& rules);

  PlaceMatch Match(const std::vector<Word>& words, std::size_t i, std::size_t end) const;
  // The place a demonym (lower case: "afghan", "waziristani") names, or -1.
  int Demonym(std::string_view lower) const;
  // The place called `name` (its NAME, or "NAME (COUNTRY)"), or -1.
  int Find(std::string_view name) const;

  const Place& place(int id) const { return places_[static_cast<std::size_t>(id)]; }
  std::size_t size() const { return places_.size(); }
  bool IsCountry(int id) const { return place(id).kind == "country"; }
  // The top of the place's chain (its country, or a transnational region).
  int Root(int id) const;
  bool Within(int id, int ancestor) const;
  bool Overlap(int a, int b) const { return Within(a, b) || Within(b, a); }
  // How many parents lie above the place (a country: 0).
  int Depth(int id) const;
  std::vector<std::string> Path(int id) const;

 private:
  int Add(const std::string& name, const std::string& kind, int parent);
  void AddName(const std::string& surface, int id);
  void LoadCountries(const std::vector<rules::Country>& countries);
  void LoadEntries(const rules::RuleFile& file);

  std::vector<Place> places_;
  PhraseIndex<std::vector<int>> names_;
  std::unordered_map<std::string, int, ViewHash, std::equal_to<>>
      by_name_;  // NAME and NAME (COUNTRY)
  std::unordered_map<std::string, int, ViewHash, std::equal_to<>> demonyms_;
};

}  // namespace whosaid::events
