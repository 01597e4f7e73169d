// whosaid::index::SpeakerFinder — which entities of an index a name typed by
// the user means, in any spelling, including one no document used
// ("Khowarizmi" for an entity whose forms are "Enayatullah Khowarazami" and
// "Enayatullah Khwarazmi"). It uses the entity stage's own name matcher
// (entities::NameClusterer's parser, spelling rules and NameMatcher, with the
// news settings of resolve::ResolverConfig).
//
// How
//   1. NameKeys(): every entity's forms are stored at index time under keys —
//      the normalised form, and the blocking skeleton of each part
//      (consonants in confusable classes: Khowarazami, Khwarazmi, Khowarizmi
//      share one) and of all parts written together;
//   2. Find(): the typed name's keys select candidate entities (bounded: at
//      most kMaxCandidates forms are compared);
//   3. each candidate form is parsed and compared with the typed name: the
//      entity matches when a form is the same name (kEqual) or one is a short
//      form of the other, at any strength the matcher gives (a search wants
//      recall: "Mohammad" lists every Mohammad), or when the normalised
//      strings are equal — unless the entity's own (canonical) name
//      conflicts with the typed one ("Karel Brenner" does not find the
//      "Tomas Brenner" whose short form "Brenner" it contains).
//
// Contract: results sorted by entity id, each once; Find() is not
// thread-safe (the part comparer caches), use one finder per thread.
//
// Example
//   SpeakerFinder finder(*rules);
//   std::vector<std::string> ids = finder.Find(db, "Khowarizmi");   // {"P3"}
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules.h"
#include "entities/clusterer.h"
#include "index/sqlite.h"

namespace whosaid::index {

// The lookup keys of a name of an entity of `entity_type` ("person",
// "organization", "group", "operation"), sorted, unique.
std::vector<std::string> NameKeys(const entities::NameClusterer& clusterer, std::string_view form,
                                  std::string_view entity_type);

class SpeakerFinder {
 public:
  static constexpr std::size_t kMaxCandidates = 2000;

  explicit SpeakerFinder(const rules::RuleSet& rules);
  ~SpeakerFinder();
  SpeakerFinder(const SpeakerFinder&) = delete;
  SpeakerFinder& operator=(const SpeakerFinder&) = delete;

  std::vector<std::string> Find(const Db& db, std::string_view name);
  const entities::NameClusterer& clusterer() const { return *clusterer_; }

 private:
  bool Conflicts(const entities::ParsedName& typed, std::string_view name,
                 entities::EntityType type);
  std::unique_ptr<entities::NameClusterer> clusterer_;
  std::unique_ptr<entities::PartComparer> parts_;
};

}  // namespace whosaid::index
