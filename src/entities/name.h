// whosaid::entities — the parsed form of a person or organisation name, as
// NameParser builds it and NameMatcher compares it.
//
//   "Mufti Hedayatullah Showarabani"
//     original   "Mufti Hedayatullah Showarabani"   (kept for output)
//     normalized "mufti hedayatullah showarabani"   (Normalizer)
//     titles     {"mufti"}                          (titles.txt: a role, not a name)
//     parts      hedayatullah, showarabani          (each with its Spelling)
//
// For an organisation, `owner` is the country or government it belongs to
// ("somalia" for "Somali defense ministry") and the parts are the
// other content words, synonyms applied (org_words.txt, org_synonyms.txt).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/spelling.h"

namespace whosaid::entities {

enum class EntityType : std::uint8_t { kUnknown, kPerson, kOrg };

// "person", "org" (also "organization", "organisation"), "" / "unknown".
std::optional<EntityType> ParseEntityType(std::string_view text);
const char* EntityTypeName(EntityType type);  // "person", "org", "unknown"

struct NamePart {
  std::string text;   // normalised word after rewrites and families
  Spelling spelling;  // how it is compared
  // The part without a prefix (prefixes.txt): "alsubaie" is also compared
  // as "subaie" (strong), "abdhamid" as "hamid" (weak: a related name).
  struct Alternative {
    Spelling spelling;
    bool weak = false;
  };
  std::vector<Alternative> alternatives;
  bool initial = false;  // a single letter (an initial): matches any part it begins
  bool kunya = false;    // begins with a kunya prefix (Abuwalid: "father of Walid")
  // The first part, an honorific that is also a given name (titles.txt
  // kind "name": Hakim Anwar Tabsi): a short form may leave it out.
  bool honorific = false;
  float rule_weight = 1;  // common.txt / org_words.txt (1 = not listed)
  float weight = 1;       // final weight, set by PartWeights
  std::uint32_t id = 0;   // set by NameClusterer: equal ids ⇔ equal text (0: unset)
};

struct ParsedName {
  std::string original;
  std::string normalized;
  EntityType type = EntityType::kUnknown;  // kPerson or kOrg after parsing
  std::vector<std::string> titles;         // roles written before a person's name
  std::string owner;                       // an organisation's country / government
  std::vector<NamePart> parts;
  // True when the name is usable for matching at all (some part left and
  // not too many parts); unusable names cluster only with identical keys.
  bool matchable = false;

  // The identity used for exact duplicates and cluster ids: type, owner and
  // the phonetic spellings of the parts, e.g. "person:enaiatulah Xowarazami".
  std::string Key() const;
  // For tests and explanations: "(mufti) enayatullah khowarazami",
  // organisations "[afghanistan] defense ministry".
  std::string Display() const;
};

}  // namespace whosaid::entities
