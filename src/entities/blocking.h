// whosaid::entities::Blocker — which pairs of names are worth comparing.
//
// Comparing every name with every other is quadratic; instead each name
// gets a few keys and only names sharing a key are compared. Keys are
// built from the blocking skeletons of the parts (SpellingRules: consonants
// only, confusable consonants in one class), so spelling variants share
// them:
//   "1:" part        each part weighing at least single_key_min_weight
//                    (rare parts; also without a joined article), and each
//                    run of 2–3 adjacent parts written together
//                    (Teir Beik → the key of Tayrbik)
//   "2:" part+part   each pair among the key_parts heaviest parts
//   "d:" …           a long rare part and its one-deletion variants
//                    (Mohammadyari / Mohadmmadyari)
//   "0:" all parts   only when no other key exists (all parts common)
// A block larger than max_block is not compared all-pairs: its members
// (already in canonical order) are compared with their `window` nearest
// neighbours, so one very common key cannot make the cost quadratic.
//
// Contract: an Index built over the names gives, for each name i, its
// candidates j > i, each once, ascending; Pairs() lists every pair (i, j),
// i < j, once, sorted. Both depend only on the names and their order, not
// on the threads Build makes the keys on (each name's keys on whichever
// thread takes it; the entries are sorted after). The
// index costs memory linear in names × keys per name; Candidates() lets a
// caller judge pairs as they come, without holding them all. Index is
// immutable after construction and safe to query from several threads.
//
// Example
//   Blocker blocker(BlockingConfig{});
//   Blocker::Index index = blocker.Build(names);
//   std::vector<std::uint32_t> js;
//   for (std::uint32_t i = 0; i < names.size(); ++i) {
//     index.Candidates(i, js);
//     for (auto j : js) compare(*names[i], *names[j]);
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/name.h"

namespace whosaid::entities {

struct BlockingConfig {
  int key_parts = 3;                   // pair keys among this many heaviest parts
  float single_key_min_weight = 0.3f;  // lighter parts give no key of their own
  int deletion_min_consonants = 5;     // parts this long also get deletion keys
  std::size_t max_block = 200;         // larger blocks: sorted neighbourhood
  std::size_t window = 8;              // neighbours compared in a large block
};

class Blocker {
 public:
  explicit Blocker(const BlockingConfig& config) : config_(config) {}

  class Index {
   public:
    // Replaces `out` with the candidates of name i: j > i, ascending.
    void Candidates(std::uint32_t i, std::vector<std::uint32_t>& out) const;
    std::size_t size() const { return start_.empty() ? 0 : start_.size() - 1; }

   private:
    friend class Blocker;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> entries_;  // (key hash, name), sorted
    std::vector<std::uint32_t> block_end_;                          // per entry: end of its block
    std::vector<bool> large_;             // per entry: block over max_block
    std::vector<std::uint32_t> by_name_;  // entry indices grouped by name
    std::vector<std::uint32_t> start_;    // name → first slot in by_name_
    std::size_t window_ = 0;
  };

  // The name's keys, sorted and unique.
  std::vector<std::string> Keys(const ParsedName& name) const;
  // The index of `names`, their keys made on up to `threads` threads.
  Index Build(const std::vector<const ParsedName*>& names, unsigned threads = 1) const;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> Pairs(
      const std::vector<const ParsedName*>& names) const;

 private:
  // A name's keys written one after another into one string (`text`, each
  // key ending at its entry of `ends`), maybe repeated: no string per key.
  struct KeyText {
    std::string_view type;  // EntityTypeName of the name: every key's start
    std::string text;
    std::vector<std::uint32_t> ends;
    void Add(std::string_view kind, std::string_view body, std::string_view more = {},
             std::string_view rest = {});
    std::string_view Key(std::size_t k) const;
  };
  void WriteKeys(const ParsedName& name, KeyText& keys) const;  // what Keys sorts
  void SingleKeys(const ParsedName& name, KeyText& keys) const;
  void PairKeys(const ParsedName& name, KeyText& keys) const;
  void DeletionKeys(const ParsedName& name, KeyText& keys) const;

  BlockingConfig config_;
};

}  // namespace whosaid::entities
