#include "attribution/people_index.h"

#include <algorithm>
#include <limits>

namespace whosaid::attribution {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

}  // namespace

void PeopleIndex::Add(ByUnit& set, std::size_t unit, std::size_t i) {
  // (a hint at the end costs one comparison when the entry goes elsewhere:
  // the set then finds its place from the root, as insert does)
  set.insert(set.end(), {unit, i});
}

const std::vector<std::string>& PeopleIndex::Keys(std::string_view word) const {
  // (a surname is often asked HasBearers, Bearers and WithWord in a row:
  // the keys of the word asked last are still in the buffer)
  if (keys_known_ && word == keys_word_) return key_buffer_;
  keys_word_.assign(word);
  keys_known_ = true;
  key_buffer_.clear();
  if (keys_)
    keys_(word, key_buffer_);
  else
    key_buffer_.emplace_back(word);
  return key_buffer_;
}

void PeopleIndex::IndexWord(std::string_view word, std::size_t i) {
  for (const std::string& key : Keys(word)) {
    const std::uint64_t hash = HashBytes(key);  // (hashed once: the probe, then any insert)
    WordEntry* held = by_word_.Find(key, hash);
    const bool added = held == nullptr;
    WordEntry& entry = added ? by_word_.Insert(key, hash, WordEntry{}) : *held;
    // (a key already indexed for i: its set is among i's, one set per key)
    std::vector<ByUnit*>& sets = word_sets_[i];
    if (!added && std::find(sets.begin(), sets.end(), entry.mentions) != sets.end()) continue;
    if (added) entry.mentions = &word_mentions_.emplace_back(pool_.get());
    entry.bearers.push_back(i);
    ByUnit& set = *entry.mentions;
    sets.push_back(&set);  // (empty without keeps_word_mentions_: then it only tells keys apart)
    if (keeps_word_mentions_)
      for (std::size_t unit : mentions_[i]) Add(set, unit, i);
  }
}

// (the words as a split at each blank gives them, empty ones too, as the
// linear HasWord test this replaced saw them)
void PeopleIndex::IndexWords(std::string_view name, std::size_t i) {
  for (std::size_t start = 0;;) {
    const std::size_t sp = name.find(' ', start);
    IndexWord(
        name.substr(start, sp == std::string_view::npos ? std::string_view::npos : sp - start), i);
    if (sp == std::string_view::npos) return;
    start = sp + 1;
  }
}

void PeopleIndex::SetRole(std::size_t i, const KnownPerson& from) {
  KnownPerson& k = people_[i];
  if (ByUnit* old = role_set_[i])
    for (std::size_t unit : mentions_[i]) old->erase({unit, i});
  k.role = from.role;
  k.role_head = from.role_head;
  k.rank_only = from.rank_only;
  role_set_[i] = k.role_head.empty() || by_word_only_ ? nullptr : &by_role_[k.role_head];
  if (ByUnit* now = role_set_[i])
    for (std::size_t unit : mentions_[i]) Add(*now, unit, i);
}

void PeopleIndex::Remember(const KnownPerson& person, bool salient) {
  const std::uint64_t hash = HashBytes(person.name);
  const std::size_t* found = by_name_.Find(person.name, hash);
  std::size_t i;
  if (found == nullptr) {
    i = people_.size();
    people_.push_back(person);
    people_[i].role.clear();
    people_[i].role_head.clear();
    mentions_.emplace_back();
    word_sets_.emplace_back();
    role_set_.push_back(nullptr);
    by_name_.Insert(person.name, hash, i);
    IndexWords(person.name, i);
    SetRole(i, person);
  } else {
    i = *found;
    KnownPerson& k = people_[i];
    bool better_role =
        !person.role.empty() && (k.role.empty() || (k.rank_only && !person.rank_only));
    if (better_role) SetRole(i, person);
    if (k.affiliation.empty() && !person.affiliation.empty()) k.affiliation = person.affiliation;
    if (k.gender == 0) k.gender = person.gender;
  }
  KnownPerson& k = people_[i];
  const std::size_t unit = person.unit;
  // (k.unit is the largest of its mentions: a later unit is new without a scan)
  if (unit > k.unit || mentions_[i].empty() ||
      std::find(mentions_[i].begin(), mentions_[i].end(), unit) == mentions_[i].end()) {
    mentions_[i].push_back(unit);
    if (salient && !by_word_only_) Add(by_unit_, unit, i);
    if (ByUnit* roles = role_set_[i]) Add(*roles, unit, i);
    if (keeps_word_mentions_)
      for (ByUnit* set : word_sets_[i]) Add(*set, unit, i);
  }
  k.unit = std::max(k.unit, unit);
}

void PeopleIndex::AddAlias(const std::string& name, const std::string& alias) {
  const std::size_t* found = by_name_.Find(name);
  if (found == nullptr || alias.empty()) return;
  IndexWords(alias, *found);
}

const KnownPerson* PeopleIndex::Find(const std::string& name) const {
  const std::size_t* i = by_name_.Find(name);
  return i == nullptr ? nullptr : &people_[*i];
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

// Latest at or before `unit`, else the first after it.
const KnownPerson* PeopleIndex::Nearest(const ByUnit& set, std::size_t unit,
                                        std::size_t skip) const {
  if (const KnownPerson* p = Latest(set, unit, skip)) return p;
  for (auto it = set.upper_bound({unit, kNone}); it != set.end(); ++it) {
    if (it->second != skip) return &people_[it->second];
  }
  return nullptr;
}

const KnownPerson* PeopleIndex::Before(std::size_t unit) const {
  return unit == 0 ? nullptr : Latest(by_unit_, unit - 1, kNone);
}

const KnownPerson* PeopleIndex::Before(std::size_t unit,
                                       const std::function<bool(const KnownPerson&)>& accept,
                                       std::size_t max_mentions, std::size_t* at) const {
  const KnownPerson* found = nullptr;
  std::size_t found_unit = kNone;
  auto it = by_unit_.lower_bound({unit, 0});
  for (std::size_t n = 0; it != by_unit_.begin() && n < max_mentions; ++n) {
    --it;
    if (found && it->first != found_unit) break;
    if (accept(people_[it->second])) {
      found = &people_[it->second];  // walking back: among equals, the first known wins
      found_unit = it->first;
    }
  }
  if (found && at) *at = found_unit;
  return found;
}

const KnownPerson* PeopleIndex::First(std::size_t lo, std::size_t hi,
                                      const std::function<bool(const KnownPerson&)>& accept) const {
  for (auto it = by_unit_.lower_bound({lo, 0}); it != by_unit_.end() && it->first < hi; ++it) {
    if (accept(people_[it->second])) return &people_[it->second];
  }
  return nullptr;
}

std::vector<const KnownPerson*> PeopleIndex::Bearers(const std::string& word) const {
  std::vector<const KnownPerson*> out;
  Bearers(word, out);
  return out;
}

void PeopleIndex::Bearers(const std::string& word, std::vector<const KnownPerson*>& out) const {
  const std::size_t* self = by_name_.Find(word);
  const std::size_t skip = self == nullptr ? kNone : *self;
  std::vector<std::size_t>& seen = seen_;
  seen.clear();
  for (const std::string& key : Keys(word)) {
    const WordEntry* entry = by_word_.Find(key);
    if (entry == nullptr) continue;
    for (std::size_t i : entry->bearers) {
      if (i != skip && std::find(seen.begin(), seen.end(), i) == seen.end()) seen.push_back(i);
    }
  }
  std::sort(seen.begin(), seen.end());
  out.clear();
  for (std::size_t i : seen) out.push_back(&people_[i]);
}

bool PeopleIndex::HasBearers(const std::string& word) const {
  std::size_t skip = kNone;
  bool looked = false;  // for the person named `word`, only once some key has bearers
  for (const std::string& key : Keys(word)) {
    const WordEntry* entry = by_word_.Find(key);
    if (entry == nullptr) continue;
    if (!looked) {
      const std::size_t* self = by_name_.Find(word);
      skip = self == nullptr ? kNone : *self;
      looked = true;
    }
    for (std::size_t i : entry->bearers)
      if (i != skip) return true;
  }
  return false;
}

const KnownPerson* PeopleIndex::WithRole(const std::string& role_head, std::size_t unit) const {
  if (role_head.empty()) return nullptr;
  auto it = by_role_.find(role_head);
  return it == by_role_.end() ? nullptr : Nearest(it->second, unit, kNone);
}

const KnownPerson* PeopleIndex::WithWord(const std::string& word, std::size_t unit) const {
  const std::size_t* self = by_name_.Find(word);
  const std::size_t skip = self == nullptr ? kNone : *self;
  for (const std::string& key : Keys(word)) {
    const WordEntry* entry = by_word_.Find(key);
    if (entry == nullptr) continue;
    if (const KnownPerson* p = Nearest(*entry->mentions, unit, skip)) return p;
  }
  return nullptr;
}

}  // namespace whosaid::attribution
