// whosaid::attribution::PeopleIndex — the persons a document names, as
// coreference (coref.h) sees them, with the lookups it needs.
//
// Each person is known by name (and any alias the text gives: a nickname
// after the name, "known as …"), with the role and affiliation stated
// somewhere next to it, and every unit where it is mentioned (Remember adds
// a mention). Lookups answer "the person mentioned last before this unit",
// "… holding this role", "… whose name holds this word" in O(log n), so a
// document naming n people costs O(n log n), not O(n²) (a hostile or very
// long document may name hundreds of thousands). The role and word lookups
// look forward when nobody fits before the unit: "Syria's foreign minister
// said … Foreign Minister Karim Haddad" (the name comes later).
//
// Ties: among persons mentioned at the same unit, the one known first wins.
// A role that is only a rank or title (General) gives way to a function
// (spokesperson) learnt later; any other role, once known, stays. A gender,
// once known, stays.
//
// One document's, on one thread: the look-ups (Bearers, WithWord,
// HasBearers) reuse a buffer of the index, so even its const members must
// not run on two threads at once; a moved-from index is not used again
// (its sets live in the arena the moved-to index now owns).
//
// Example
//   PeopleIndex people;
//   people.Remember({"Halima Yusufzai", "", "", "", 12});
//   people.WithWord("Yusufzai", 40);   // → Halima Yusufzai
//   people.Before(40);                 // → Halima Yusufzai
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <memory_resource>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/flat_map.h"
#include "core/view_hash.h"

namespace whosaid::attribution {

struct KnownPerson {
  std::string name;
  std::string role, affiliation, role_head;
  std::size_t unit = 0;    // the mention being remembered; after lookups, the latest one
  bool rank_only = false;  // the role is only a rank or title
  char gender = 0;         // 'f', 'm' or 0 (unknown): what pronouns must agree with
};

class PeopleIndex {
 public:
  // The keys a name word is indexed and looked up by, appended to `keys`
  // (which comes empty); by default the word itself. Coreference gives lower
  // case without a joined particle, so that "Tamimi" finds "Abu Karim
  // al-Tamimi". A function of the word alone: the keys of the word asked
  // last are reused when the same word is asked again.
  using WordKeys = std::function<void(std::string_view word, std::vector<std::string>& keys)>;
  // What the index answers: every look-up; or only those by name and name
  // word (Find, Bearers, HasBearers, Indexed, WithWord): such an index keeps
  // no mentions by unit nor by role, so Before, First and WithRole find
  // nobody (coreference's index of the persons quoted so far asks WithWord
  // alone, and its mentions cost it a set or two fewer each); or every one
  // but WithWord, which finds nobody: the index keeps a name word's bearers,
  // not where they are mentioned (coreference's index of every person named
  // asks of a name word its bearers only, and each mention costs it a set
  // fewer per name word).
  enum class Lookups { kAll, kByWord, kAllButWithWord };
  PeopleIndex() = default;
  explicit PeopleIndex(WordKeys keys, Lookups lookups = Lookups::kAll)
      : by_word_only_(lookups == Lookups::kByWord),
        keeps_word_mentions_(lookups != Lookups::kAllButWithWord),
        keys_(std::move(keys)) {}
  // Movable (the index keeps its arena), not assignable.
  PeopleIndex(PeopleIndex&&) = default;
  PeopleIndex& operator=(PeopleIndex&&) = delete;

  // Adds `person` with a mention at person.unit, or adds that mention to the
  // person of that name: an empty role or affiliation (or a rank-only role)
  // is filled in from `person`.
  // A mention that is not `salient` (the owner in "Ana Ruiz’s campaign")
  // is found by name word and role, never by Before().
  void Remember(const KnownPerson& person, bool salient = true);
  // `alias` (one or more words) names the person called `name` too.
  void AddAlias(const std::string& name, const std::string& alias);

  const KnownPerson* Find(const std::string& name) const;
  bool empty() const { return people_.empty(); }  // nobody remembered yet
  // Mentioned last before `unit` (strictly).
  const KnownPerson* Before(std::size_t unit) const;
  // Mentioned last before `unit` (strictly) among those `accept` takes,
  // looking back over at most `max_mentions` mentions.
  // `at`, when given, gets the unit of the mention found.
  const KnownPerson* Before(std::size_t unit, const std::function<bool(const KnownPerson&)>& accept,
                            std::size_t max_mentions, std::size_t* at = nullptr) const;
  // Mentioned first in units [lo, hi) among those `accept` takes (the
  // subject of a sentence), or nullptr.
  const KnownPerson* First(std::size_t lo, std::size_t hi,
                           const std::function<bool(const KnownPerson&)>& accept) const;
  // The persons whose name or alias holds `word` (other than the person
  // named exactly `word`), in the order they became known.
  std::vector<const KnownPerson*> Bearers(const std::string& word) const;
  // The same into `out` (cleared first): no list made per call.
  void Bearers(const std::string& word, std::vector<const KnownPerson*>& out) const;
  // !Bearers(word).empty(), without building the list.
  bool HasBearers(const std::string& word) const;
  // Some person's name or alias holds a word with key `key` (a key as the
  // WordKeys function gives it): when none of a word's keys is, the word has
  // no bearers.
  bool Indexed(std::string_view key) const { return by_word_.Contains(key); }
  // Holding `role_head`: mentioned last at or before `unit`, else the first
  // mentioned after it.
  const KnownPerson* WithRole(const std::string& role_head, std::size_t unit) const;
  // Whose name or alias holds `word` (blank-separated), other than the
  // person named exactly `word`: mentioned last at or before `unit`, else the
  // first mentioned after it (nobody in a Lookups::kAllButWithWord index).
  const KnownPerson* WithWord(const std::string& word, std::size_t unit) const;

 private:
  // (unit, index), its nodes in the index's arena (pool_)
  using ByUnit = std::pmr::set<std::pair<std::size_t, std::size_t>>;
  // Inserts (unit, i) into `set`. Mentions come mostly in document order
  // (coreference scans the names from the first unit on), so the entry
  // usually goes last: it is tried there first, with no descent from the
  // root (the same set as insert makes; only the cost differs).
  static void Add(ByUnit& set, std::size_t unit, std::size_t i);
  const KnownPerson* Latest(const ByUnit& set, std::size_t unit, std::size_t skip) const;
  const KnownPerson* Nearest(const ByUnit& set, std::size_t unit, std::size_t skip) const;
  void IndexWord(std::string_view word, std::size_t i);
  // Every blank-separated word of `name` (empty ones too) indexed for i.
  void IndexWords(std::string_view name, std::size_t i);
  void SetRole(std::size_t i, const KnownPerson& from);

  // The keys of `word` (keys_), in a buffer reused until the next call
  // with another word (keys_ must be a function of the word alone).
  const std::vector<std::string>& Keys(std::string_view word) const;

  // The nodes of the ByUnit sets, freed all at once with the index (a
  // mention is added to three or four sets: a node each, never freed one by
  // one but for a role changing; declared first, destroyed last).
  std::unique_ptr<std::pmr::monotonic_buffer_resource> pool_ =
      std::make_unique<std::pmr::monotonic_buffer_resource>();
  bool by_word_only_ = false;        // Lookups::kByWord: by_unit_ and by_role_ stay empty
  bool keeps_word_mentions_ = true;  // false for Lookups::kAllButWithWord: the word sets stay empty
  WordKeys keys_;
  mutable std::vector<std::string> key_buffer_;  // Keys' result …
  mutable std::string keys_word_;                // … for this word
  mutable bool keys_known_ = false;
  mutable std::vector<std::size_t> seen_;  // Bearers' people, by index
  std::vector<KnownPerson> people_;
  std::vector<std::vector<std::size_t>> mentions_;  // by person: the units
  // (FlatMaps: a name or word probed is hashed once and found in one slot
  // read, not a bucket and a node chain; core/flat_map.h)
  FlatMap<std::size_t> by_name_;
  ByUnit by_unit_{pool_.get()};
  // (their sets take the map's arena: uses-allocator construction)
  std::pmr::unordered_map<std::string, ByUnit, ViewHash, std::equal_to<>> by_role_{
      pool_.get()};  // no empty role head
  // A name or alias word's key: the persons bearing it, in the order they
  // became known, and their mentions (one hash look-up per key for both).
  struct WordEntry {
    std::vector<std::size_t> bearers;
    ByUnit* mentions = nullptr;  // in word_mentions_
  };
  FlatMap<WordEntry> by_word_;        // probed with views (Indexed)
  std::deque<ByUnit> word_mentions_;  // WordEntry::mentions (a deque's elements stay put)
  // by person: the by_word_ sets of its name and alias words' keys (one per
  // key: a key is indexed for a person once) and the by_role_ set of its
  // role head (nullptr for none), so that a mention is added without
  // hashing the person's words again
  std::vector<std::vector<ByUnit*>> word_sets_;
  std::vector<ByUnit*> role_set_;
};

}  // namespace whosaid::attribution
