// whosaid::entities::PartWeights — how much a shared name part says, by its
// rarity among the names being clustered.
//
// A part shared by few names (a rare surname) is strong evidence; one
// shared by many (Mohammad, Khan) is weak. The frequency of a part is the
// number of distinct names it appears in, where names count as distinct
// only if the rest of the name differs in consonants (so the spelling
// variants of one person, Hedayatullah Showarabani / Hidayatullah Shwarebni,
// count once), and parts with the same consonant skeleton (Hatim, Hatem)
// count together. Its weight is 1 up
// to the "rare" frequency, the configured minimum from the "common"
// frequency on, and falls with the logarithm of the frequency in between;
// the final weight is the smaller of that and the part's rule weight
// (common.txt, org_words.txt). Initials weigh 0.
//
// Contract: Add() every name first, then Apply() to each (Apply is not
// thread-safe on its first call, unless Count() was called: then it is);
// counts are per entity type. Deterministic (depends on the set of names
// only). ContextsOf is what Add reads of a name (static: any thread), so a
// caller may make it in parallel and Add the names in order.
//
// Example
//   PartWeights w(WeightConfig{});
//   for (auto& n : names) w.Add(n);
//   for (auto& n : names) w.Apply(n);   // n.parts[i].weight in [0, 1]
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities/name.h"

namespace whosaid::entities {

struct WeightConfig {
  // A part found in at most max(rare_min_df, rare_share × names) names
  // weighs 1 ...
  double rare_share = 0.002;
  double rare_min_df = 5;
  // ... one in at least max(common_min_df, common_share × names) names
  // weighs min_weight.
  double common_share = 0.05;
  double common_min_df = 30;
  float min_weight = 0.05f;
};

class PartWeights {
 public:
  explicit PartWeights(const WeightConfig& config) : config_(config) {}

  void Add(const ParsedName& name);
  // Each distinct skeleton of the name's parts (initials aside) with the
  // hash of the others; Add(name) = Add(name.type, ContextsOf(name)).
  using NameContexts = std::vector<std::pair<std::string, std::uint64_t>>;
  static NameContexts ContextsOf(const ParsedName& name);
  void Add(EntityType type, NameContexts contexts);
  // Counts what Apply reads (the first Apply does otherwise).
  void Count() const;
  void Apply(ParsedName& name) const;
  // The rarity weight alone of a part of a name of type `type`.
  float RarityWeight(EntityType type, const std::string& skeleton) const;

 private:
  struct Counts {
    // skeleton → hashes of the rest of each name containing it; Apply()
    // counts the distinct ones.
    std::unordered_map<std::string, std::vector<std::uint64_t>> contexts;
    mutable std::unordered_map<std::string, int> df;  // filled on first Apply()
    mutable bool counted = false;
    int names = 0;
  };
  void Count(const Counts& c) const;
  const Counts& For(EntityType type) const { return type == EntityType::kOrg ? orgs_ : persons_; }

  WeightConfig config_;
  Counts persons_, orgs_;
};

}  // namespace whosaid::entities
