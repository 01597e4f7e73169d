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
//                    (Kheir Beik → the key of Khayrbik)
//   "2:" part+part   each pair among the key_parts heaviest parts
//   "d:" …           a long rare part and its one-deletion variants
//                    (Mohammadhasni / Mohadmmadhasni)
//   "0:" all parts   only when no other key exists (all parts common)
// A block larger than max_block is not compared all-pairs: its members
// (already in canonical order) are compared with their `window` nearest
// neighbours, so one very common key cannot make the cost quadratic.
//
// Contract: Pairs() returns each candidate pair once, (i, j) with i < j,
// sorted; it depends only on the names and their order. Cost and memory
// are linear in the number of names times keys per name (plus the pairs).
//
// Example
//   Blocker blocker(BlockingConfig{});
//   for (auto [i, j] : blocker.Pairs(names)) compare(names[i], names[j]);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "entities/name.h"

namespace whosaid::entities {

struct BlockingConfig {
  int key_parts = 3;                    // pair keys among this many heaviest parts
  float single_key_min_weight = 0.3f;   // lighter parts give no key of their own
  int deletion_min_consonants = 5;      // parts this long also get deletion keys
  std::size_t max_block = 200;          // larger blocks: sorted neighbourhood
  std::size_t window = 8;               // neighbours compared in a large block
};

class Blocker {
 public:
  explicit Blocker(const BlockingConfig& config) : config_(config) {}

  std::vector<std::string> Keys(const ParsedName& name) const;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> Pairs(
      const std::vector<const ParsedName*>& names) const;

 private:
  void SingleKeys(const ParsedName& name, std::vector<std::string>& keys) const;
  void PairKeys(const ParsedName& name, std::vector<std::string>& keys) const;
  void DeletionKeys(const ParsedName& name, std::vector<std::string>& keys) const;

  BlockingConfig config_;
};

}  // namespace whosaid::entities
