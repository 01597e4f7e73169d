#include "entities/name.h"

namespace whosaid::entities {

std::optional<EntityType> ParseEntityType(std::string_view text) {
  if (text.empty() || text == "unknown") return EntityType::kUnknown;
  if (text == "person" || text == "per" || text == "PER") return EntityType::kPerson;
  if (text == "org" || text == "organization" || text == "organisation" || text == "ORG") {
    return EntityType::kOrg;
  }
  return std::nullopt;
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrg:
      return "org";
    case EntityType::kUnknown:
      break;
  }
  return "unknown";
}

std::string ParsedName::Key() const {
  std::string key = EntityTypeName(type);
  key.push_back(':');
  if (!owner.empty()) key += "[" + owner + "] ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) key.push_back(' ');
    key += parts[i].spelling.phonetic;
  }
  return key;
}

std::string ParsedName::Display() const {
  std::string out;
  if (!titles.empty()) {
    out.push_back('(');
    for (std::size_t i = 0; i < titles.size(); ++i) {
      if (i) out += ' ';
      out += titles[i];
    }
    out += ") ";
  }
  if (!owner.empty()) out += "[" + owner + "] ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ' ';
    out += parts[i].text;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace whosaid::entities
