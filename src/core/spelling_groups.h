// whosaid::resolve::SpellingReport — the spelling-consistency report's
// content (resolve/spelling_report.h builds it from the entity table): every
// entity whose name is spelled more than one way across the run, each
// spelling with its documents, outlets and count, and the majority
// spelling. Plain values; output/spelling_report.h writes them.
//
// Example
//   SpellingGroup{.entity = "O2", .type = "organization",
//                 .name = "Ministry of Defence", .label = "British/American",
//                 .majority = "Defence", .variants = {{"Defence", …}, {"Defense", …}}}
#pragma once

#include <string>
#include <vector>

#include "core/entity_table.h"

namespace whosaid::resolve {

struct SpellingGroup {
  std::string entity;                   // entity id; "" for another recurring name (JSON null)
  std::string type;                     // person, organization, group, operation; name (no entity)
  std::string name;                     // the entity's canonical name
  std::string label;                    // how the spellings differ, comma separated
  std::string majority;                 // the spelling used most
  std::vector<EntityVariant> variants;  // the spellings (most used first)
  std::vector<EntityVariant> forms;     // the entity's full forms holding them
  // For a group of full forms: the single words spelled more than one way
  // in them (groups of words: Defence / Defense), where there are any.
  std::vector<SpellingGroup> words;
};

struct SpellingReport {
  std::vector<SpellingGroup> groups;
};

}  // namespace whosaid::resolve
