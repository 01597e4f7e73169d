#include "entities/part_weights.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace whosaid::entities {

void PartWeights::Add(const ParsedName& name) {
  Counts& c = name.type == EntityType::kOrg ? orgs_ : persons_;
  ++c.names;
  std::set<std::string> seen;  // a part repeated in one name counts once
  for (const NamePart& p : name.parts) {
    if (!p.initial && seen.insert(p.spelling.skeleton).second) ++c.df[p.spelling.skeleton];
  }
}

float PartWeights::RarityWeight(EntityType type, const std::string& skeleton) const {
  const Counts& c = For(type);
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
    p.weight = p.initial ? 0.0f
                         : std::min(p.rule_weight, RarityWeight(name.type, p.spelling.skeleton));
  }
}

}  // namespace whosaid::entities
