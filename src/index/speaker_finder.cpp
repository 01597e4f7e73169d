#include "index/speaker_finder.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "resolve/entity_resolver.h"

namespace whosaid::index {
namespace {

entities::EntityType TypeOf(std::string_view entity_type) {
  return entity_type == "person" ? entities::EntityType::kPerson : entities::EntityType::kOrg;
}

void AddKeys(const entities::ParsedName& name, std::vector<std::string>& keys) {
  if (!name.normalized.empty()) keys.push_back("n:" + name.normalized);
  std::string joined;
  for (const entities::NamePart& part : name.parts) {
    if (part.initial || part.spelling.blocking.empty()) continue;
    keys.push_back("b:" + part.spelling.blocking);
    joined += part.spelling.blocking;
  }
  if (name.parts.size() > 1 && !joined.empty()) keys.push_back("b:" + joined);
}

// Parts weigh what the rule files say (common.txt): the corpus' rarity
// counts are not at hand for one typed name.
void RuleWeights(entities::ParsedName& name) {
  for (entities::NamePart& part : name.parts) part.weight = part.initial ? 0 : part.rule_weight;
}

bool Matches(const entities::PairMatch& m) {
  using entities::Relation;
  return m.strength != entities::Strength::kNone &&
         (m.relation == Relation::kEqual || m.relation == Relation::kFirstShort ||
          m.relation == Relation::kSecondShort);
}

}  // namespace

std::vector<std::string> NameKeys(const entities::NameClusterer& clusterer, std::string_view form,
                                  std::string_view entity_type) {
  std::vector<std::string> keys;
  AddKeys(clusterer.parser().Parse(form, TypeOf(entity_type)), keys);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

SpeakerFinder::SpeakerFinder(const rules::RuleSet& rules)
    : clusterer_(std::make_unique<entities::NameClusterer>(
          resolve::ResolverConfig::NewsClusterConfig(), rules)),
      parts_(std::make_unique<entities::PartComparer>(clusterer_->spelling())) {}

SpeakerFinder::~SpeakerFinder() = default;

bool SpeakerFinder::Conflicts(const entities::ParsedName& typed, std::string_view name,
                              entities::EntityType type) {
  entities::ParsedName canonical = clusterer_->parser().Parse(name, type);
  RuleWeights(canonical);
  return clusterer_->matcher().Compare(typed, canonical, *parts_).relation ==
         entities::Relation::kConflict;
}

std::vector<std::string> SpeakerFinder::Find(const Db& db, std::string_view name) {
  // The typed name read as a person and as an organisation.
  entities::ParsedName as[2] = {clusterer_->parser().Parse(name, entities::EntityType::kPerson),
                                clusterer_->parser().Parse(name, entities::EntityType::kOrg)};
  std::vector<std::string> keys;
  for (entities::ParsedName& n : as) {
    RuleWeights(n);
    AddKeys(n, keys);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  Stmt forms = db.Prepare(
      "SELECT v.entity, e.type, v.form, e.name FROM variants v JOIN entities e ON e.id = v.entity "
      "WHERE v.entity IN (SELECT entity FROM name_keys WHERE key IN "
      "(SELECT value FROM json_each(?))) ORDER BY v.entity, v.form LIMIT ?");
  forms.Bind(1, nlohmann::json(keys).dump()).Bind(2, static_cast<std::int64_t>(kMaxCandidates));

  std::vector<std::string> found;
  std::string seen;      // the entity of the previous row
  bool settled = false;  // `seen` was found or refused
  while (forms.Step()) {
    std::string entity = forms.Text(0);
    if (entity == seen && settled) continue;
    const std::string type = forms.Text(1);
    const entities::ParsedName& typed = as[TypeOf(type) == entities::EntityType::kPerson ? 0 : 1];
    if (entity != seen) {
      seen = entity;
      // "Karel Brenner" is not the "Tomas Brenner" whose short form
      // "Brenner" it matches: the entity's own name must not conflict.
      settled = Conflicts(typed, forms.Text(3), TypeOf(type));
      if (settled) continue;
    }
    entities::ParsedName candidate = clusterer_->parser().Parse(forms.Text(2), TypeOf(type));
    RuleWeights(candidate);
    const bool same = !typed.normalized.empty() && typed.normalized == candidate.normalized;
    if (same || Matches(clusterer_->matcher().Compare(typed, candidate, *parts_))) {
      found.push_back(std::move(entity));
      settled = true;
    }
  }
  return found;
}

}  // namespace whosaid::index
