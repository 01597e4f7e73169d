// whosaid::resolve::SpellingReport — the spelling-consistency report: every
// entity whose name is spelled more than one way across the run, each
// spelling with its documents, outlets and count, and the majority spelling.
//
// How: the words of an entity's surface forms are compared pairwise (case
// and a trailing possessive ignored). Two different words are spellings of
// one word when
//   * rules/spelling.txt lists them as British/American (Defence / Defense),
//   * they differ only in a compound's connector (Tehreek-e-Taliban /
//     Tehreek-i-Taliban; connector forms in rules/spelling.txt), or
//   * the name matcher's spelling rules (rules/names/) match them (persons:
//     at least a weak match, so a short form spelled differently counts:
//     Sadi / Sadiq; organisations and operations: a strong one) —
// never when either is a place or demonym (Pakistan / Pakistani is grammar,
// not spelling). Each set of such words is one group, labelled by the kind
// of difference: "British/American", "connector" or "transliteration".
//
// Contract: a pure function of the entity table and the rules; groups come
// sorted by entity id, then by majority spelling. Build() never throws.
//
// Example
//   SpellingReporter reporter(rules, resolver_rules_parser, spelling);
//   SpellingReport report = reporter.Build(table);
//   out << ToJson(report);      // {"groups": [...]}
//   out << ToTable(report);     // for people
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/rules.h"
#include "entities/name_parser.h"
#include "entities/spelling.h"
#include "resolve/entity_resolver.h"

namespace whosaid::resolve {

struct SpellingGroup {
  std::string entity;  // entity id
  std::string type;    // person, organization, group, operation
  std::string name;    // the entity's canonical name
  std::string label;   // British/American, connector, transliteration
  std::string majority;                 // the spelling used most
  std::vector<EntityVariant> variants;  // the spellings of the word (most used first)
  std::vector<EntityVariant> forms;     // the entity's full forms holding them
};

struct SpellingReport {
  std::vector<SpellingGroup> groups;
};

class SpellingReporter {
 public:
  // Reads rules/spelling.txt and the places of rules/places.txt (throws
  // ConfigError on a bad entry); `parser` and `spelling` (the clusterer's)
  // must outlive the reporter.
  SpellingReporter(const rules::RuleSet& rules, const entities::NameParser& parser,
                   const entities::SpellingRules& spelling);

  SpellingReport Build(const EntityTable& table) const;

  // The label for two spellings of a word, "" when they are not one word.
  std::string Label(const std::string& a, const std::string& b, bool person) const;

 private:
  std::string Connectorless(const std::string& lower_word) const;

  const entities::NameParser& parser_;
  const entities::SpellingRules& spelling_;
  std::unordered_set<std::string> places_;             // lower case
  std::unordered_map<std::string, std::string> british_;  // each spelling → the pair key
  std::unordered_map<std::string, std::string> connector_;  // connector → its class
};

std::string ToJson(const SpellingReport& report);   // {"groups": [...]}, one line
std::string ToTable(const SpellingReport& report);  // a readable table

// One JSON line per entity (docs/output.md "Entities"); with `explain`, each
// merge: the form, the member it matched, score, rule, detail, shared context.
std::string EntityLine(const Entity& entity, bool explain);

}  // namespace whosaid::resolve
