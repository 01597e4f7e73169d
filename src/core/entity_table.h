// whosaid::resolve::EntityTable — the corpus-level entity stage's result
// (resolve/entity_resolver.h): one entity per person, organisation, group or
// operation across every document of a run, its canonical name, every
// surface form with where it was seen, its roles, and for each quote record
// the entity its speaker is. Plain values; the output formatters
// (output/entity_lines.h, output/spelling_report.h, the claims feed) read it.
//
// Example
//   Entity{.id = "P3", .type = "person", .name = "Amira Solberg",
//          .variants = {{"Amira Solberg", {"doc-1", "doc-4"}, {"Outlet A"}, 5},
//                       {"Solberg", {"doc-4"}, {}, 2}},
//          .roles = {{"spokesperson", "Ministry of Water"}}, .quotes = 4}
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/per_document.h"

namespace whosaid::entities {

// Why one form joined a cluster, for `--explain` (entities/clusterer.h).
struct MergeExplanation {
  std::string form;     // the spelling that joined (an input string)
  std::string matched;  // the member it was judged against
  float score = 0;      // NameMatcher score in [0, 1]
  std::string rule;     // "spelling variant", "short form", "weak + context", "same_as", ...
  std::string detail;   // aligned parts: "khowarazami~khwarzami (spelling), ..."
  std::vector<std::string> shared;  // shared context: "doc:…", "role:…", "affiliation:…"
};

}  // namespace whosaid::entities

namespace whosaid::resolve {

struct EntityVariant {
  std::string form;
  std::vector<std::string> docs;     // sorted, unique
  std::vector<std::string> outlets;  // sorted, unique, known ones only
  std::size_t count = 0;             // occurrences
};

struct EntityRole {
  std::string role, affiliation;  // either may be empty
  bool operator==(const EntityRole&) const = default;
};

struct Entity {
  std::string id;                       // "P3"
  std::string type;                     // person, organization, group, operation
  std::string name;                     // canonical
  std::vector<EntityVariant> variants;  // sorted by form
  std::vector<EntityRole> roles;        // most frequent first
  std::size_t quotes = 0;               // quote records with this speaker
  std::vector<entities::MergeExplanation> merges;
};

// Each document's quote records' entities, each an index into
// EntityTable::entities or -1 (core/per_document.h).
using RecordEntities = PerDocument<std::int32_t>;

struct EntityTable {
  std::vector<Entity> entities;  // P…, O…, G…, X…, each numbered from 1
  // Per document (in Add() order), per quote record: index into entities, or -1.
  RecordEntities record_entity;
  // Capitalised words that belong to no entity (places, other names), sorted,
  // with where they were seen: the spelling report's other recurring names.
  std::vector<EntityVariant> words;
};

}  // namespace whosaid::resolve
