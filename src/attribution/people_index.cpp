#include "attribution/people_index.h"

#include <limits>

namespace whosaid::attribution {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// The blank-separated words of a name (empty words too, as the linear
// HasWord test this replaces saw them).
std::vector<std::string> Words(const std::string& name) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t sp = name.find(' ', start);
    out.push_back(name.substr(start, sp == std::string::npos ? std::string::npos : sp - start));
    if (sp == std::string::npos) return out;
    start = sp + 1;
  }
}

}  // namespace

void PeopleIndex::Remember(const KnownPerson& person) {
  auto found = by_name_.find(person.name);
  if (found == by_name_.end()) {
    const std::size_t i = people_.size();
    people_.push_back(person);
    by_name_.emplace(person.name, i);
    for (const std::string& w : Words(person.name)) {
      Word& word = by_word_[w];
      if (word.first.size() < 2 && (word.first.empty() || word.first.back() != i)) {
        word.first.push_back(i);
      }
    }
    Index(i);
    return;
  }
  const std::size_t i = found->second;
  Unindex(i);
  KnownPerson& k = people_[i];
  if (k.role.empty() && !person.role.empty()) {
    k.role = person.role;
    k.role_head = person.role_head;
  }
  if (k.affiliation.empty() && !person.affiliation.empty()) k.affiliation = person.affiliation;
  k.unit = person.unit;
  Index(i);
}

void PeopleIndex::Index(std::size_t i) {
  const KnownPerson& k = people_[i];
  by_unit_.insert({k.unit, i});
  by_role_[k.role_head].insert({k.unit, i});
  for (const std::string& w : Words(k.name)) by_word_[w].by_unit.insert({k.unit, i});
}

void PeopleIndex::Unindex(std::size_t i) {
  const KnownPerson& k = people_[i];
  by_unit_.erase({k.unit, i});
  by_role_[k.role_head].erase({k.unit, i});
  for (const std::string& w : Words(k.name)) by_word_[w].by_unit.erase({k.unit, i});
}

const KnownPerson* PeopleIndex::Find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &people_[it->second];
}

// The entry with the largest unit <= `unit` (the first known among equals),
// other than index `skip`.
const KnownPerson* PeopleIndex::Latest(const ByUnit& set, std::size_t unit,
                                       std::size_t skip) const {
  auto it = set.upper_bound({unit, kNone});
  while (it != set.begin()) {
    --it;
    if (it->second == skip) continue;
    auto first = set.lower_bound({it->first, 0});
    if (first->second == skip) ++first;  // another entry at this unit exists: `it`
    return &people_[first->second];
  }
  return nullptr;
}

const KnownPerson* PeopleIndex::Before(std::size_t unit) const {
  return unit == 0 ? nullptr : Latest(by_unit_, unit - 1, kNone);
}

const KnownPerson* PeopleIndex::WithRole(const std::string& role_head, std::size_t unit) const {
  auto it = by_role_.find(role_head);
  return it == by_role_.end() ? nullptr : Latest(it->second, unit, kNone);
}

const KnownPerson* PeopleIndex::WithWord(const std::string& word, std::size_t unit) const {
  auto it = by_word_.find(word);
  if (it == by_word_.end()) return nullptr;
  auto self = by_name_.find(word);
  const std::size_t skip = self == by_name_.end() ? kNone : self->second;
  if (const KnownPerson* latest = Latest(it->second.by_unit, unit, skip)) return latest;
  for (std::size_t i : it->second.first) {
    if (i != skip) return &people_[i];
  }
  return nullptr;
}

}  // namespace whosaid::attribution
