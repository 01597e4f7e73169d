#include "entities/part_weights.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace whosaid::entities {

void PartWeights::Add(const ParsedName& name) { Add(name.type, ContextsOf(name)); }

PartWeights::NameContexts PartWeights::ContextsOf(const ParsedName& name) {
  std::vector<std::string> skeletons;
  for (const NamePart& p : name.parts) {
    if (!p.initial) skeletons.push_back(p.spelling.skeleton);
  }
  std::sort(skeletons.begin(), skeletons.end());
  skeletons.erase(std::unique(skeletons.begin(), skeletons.end()), skeletons.end());
  std::hash<std::string> hash;
  NameContexts out;
  out.reserve(skeletons.size());
  for (std::size_t k = 0; k < skeletons.size(); ++k) {
    std::string rest;  // the other skeletons, in order
    for (std::size_t o = 0; o < skeletons.size(); ++o) {
      if (o != k) rest += skeletons[o] + " ";
    }
    out.emplace_back(skeletons[k], hash(rest));
  }
  return out;
}

void PartWeights::Add(EntityType type, NameContexts contexts) {
  Counts& c = type == EntityType::kOrg ? orgs_ : persons_;
  ++c.names;
  for (auto& [skeleton, hash] : contexts) c.contexts[std::move(skeleton)].push_back(hash);
}

void PartWeights::Count() const {
  Count(persons_);
  Count(orgs_);
}

void PartWeights::Count(const Counts& c) const {
  if (c.counted) return;
  for (const auto& [skeleton, hashes] : c.contexts) {
    std::vector<std::uint64_t> h = hashes;
    std::sort(h.begin(), h.end());
    c.df[skeleton] = static_cast<int>(std::unique(h.begin(), h.end()) - h.begin());
  }
  c.counted = true;
}

float PartWeights::RarityWeight(EntityType type, const std::string& skeleton) const {
  const Counts& c = For(type);
  Count(c);
  auto it = c.df.find(skeleton);
  const double df = it == c.df.end() ? 1 : it->second;
  const double rare = std::max(config_.rare_min_df, config_.rare_share * c.names);
  const double common = std::max({config_.common_min_df, config_.common_share * c.names, rare * 2});
  if (df <= rare) return 1.0f;
  if (df >= common) return config_.min_weight;
  // Logarithmic fall from 1 at `rare` to min_weight at `common`.
  double t = std::log(df / rare) / std::log(common / rare);
  return static_cast<float>(1.0 - t * (1.0 - config_.min_weight));
}

void PartWeights::Apply(ParsedName& name) const {
  for (NamePart& p : name.parts) {
    p.weight =
        p.initial ? 0.0f : std::min(p.rule_weight, RarityWeight(name.type, p.spelling.skeleton));
  }
}

}  // namespace whosaid::entities
