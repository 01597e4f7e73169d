#include "events/gazetteer.h"

#include <algorithm>

namespace whosaid::events {
namespace {

std::vector<std::string> Others(const std::string& field) {
  return field == "-" ? std::vector<std::string>{} : CommaList(field);
}

}  // namespace

int Gazetteer::Add(const std::string& name, const std::string& kind, int parent) {
  places_.push_back({name, kind, parent});
  int id = static_cast<int>(places_.size()) - 1;
  by_name_.emplace(name, id);  // the first place of a name keeps it
  by_name_[name + " (" + place(Root(id)).name + ")"] = id;
  AddName(name, id);
  return id;
}

void Gazetteer::AddName(const std::string& surface, int id) {
  auto words = PhraseWords(surface);
  if (words.empty()) return;
  // Places sharing a name share one list.
  if (std::vector<int>* list = names_.Exact(words)) {
    if (std::find(list->begin(), list->end(), id) == list->end()) list->push_back(id);
    return;
  }
  names_.Add(std::move(words), {id});
}

void Gazetteer::LoadCountries(const std::vector<rules::Country>& countries) {
  for (const rules::Country& c : countries) {
    int country = Add(c.name, "country", -1);
    places_[static_cast<std::size_t>(Add(c.capital, "city", country))].capital = true;
    for (const auto& d : c.demonyms) demonyms_.emplace(segment::Lower(d), country);
  }
}

void Gazetteer::LoadEntries(const rules::RuleFile& file) {
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 5)
      throw file.Error(line, "expected NAME | KIND | PARENT | OTHER NAMES | DEMONYMS");
    int parent = -1;
    if (f[2] != "-") {
      parent = Find(f[2]);
      if (parent < 0) {
        throw file.Error(line, "unknown parent '" + f[2] +
                                   "' (define it first, here or as a country of places.txt)");
      }
    }
    int id = -1;
    auto known = by_name_.find(f[0] + " (" + (parent < 0 ? f[0] : place(Root(parent)).name) + ")");
    if (known != by_name_.end() && place(known->second).name == f[0]) {
      id = known->second;  // a known place: more names, maybe a more precise parent
      Place& p = places_[static_cast<std::size_t>(id)];
      if (parent >= 0 && parent != p.parent) {
        if (p.parent < 0 || !Within(parent, p.parent)) {
          throw file.Error(line, "'" + f[0] + "' cannot move below '" + f[2] + "'");
        }
        p.parent = parent;
      }
    } else {
      id = Add(f[0], f[1], parent);
    }
    for (const auto& other : Others(f[3])) AddName(other, id);
    for (const auto& d : Others(f[4])) demonyms_.emplace(segment::Lower(d), id);
  }
}

Gazetteer::Gazetteer(const rules::RuleSet& rules) {
  LoadCountries(rules.Shared<rules::Places>().countries());
  LoadEntries(rules.File("events/gazetteer.txt"));
}

PlaceMatch Gazetteer::Match(const std::vector<Word>& words, std::size_t i, std::size_t end) const {
  PlaceMatch m;
  if (!words[i].cap) return m;
  auto [n, found] = names_.Longest(i, end, LowerAt{words});
  if (found) {
    m.words = n;
    m.places = *found;
    // "Nineveh province", "Sinjar district": the kind word belongs to the name.
    if (i + n < end && words[i + n].lower == place(m.places.front()).kind) ++m.words;
  }
  return m;
}

int Gazetteer::Demonym(std::string_view lower) const {
  auto it = demonyms_.find(lower);
  return it == demonyms_.end() ? -1 : it->second;
}

int Gazetteer::Find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? -1 : it->second;
}

int Gazetteer::Root(int id) const {
  while (place(id).parent >= 0) id = place(id).parent;
  return id;
}

bool Gazetteer::Within(int id, int ancestor) const {
  for (; id >= 0; id = place(id).parent) {
    if (id == ancestor) return true;
  }
  return false;
}

int Gazetteer::Depth(int id) const {
  int d = 0;
  while ((id = place(id).parent) >= 0) ++d;
  return d;
}

std::vector<std::string> Gazetteer::Path(int id) const {
  std::vector<std::string> out;
  for (; id >= 0; id = place(id).parent) out.push_back(place(id).name);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace whosaid::events
