// whosaid::resolve::SpellingReport — the spelling-consistency report: every
// entity whose name is spelled more than one way across the run, each
// spelling with its documents, outlets and count, and the majority spelling.
//
// How: the words of an entity's surface forms are compared pairwise (case
// and a trailing possessive ignored; a person's first names with first
// names, surnames and short forms with surnames). Two different words are spellings of
// one word when
//   * rules/spelling.txt lists them as British/American (Defence / Defense),
//   * they differ only in a compound's connector (Harakat-e-Ansar /
//     Harakat-i-Ansar; connector forms in rules/spelling.txt), or
//   * the name matcher's spelling rules (rules/names/) call them a strong
//     match, or (persons) one is the other plus a final letter that
//     transliterations drop (rules/spelling.txt; e.g. Shafi / Shafiq) —
// never when either is a place or demonym (Iraq / Iraqi is grammar,
// not spelling). Each set of such words is one group, labelled by the kind
// of difference: "British/American", "connector" or "transliteration".
// Capitalised words that belong to no entity (places, other names) are
// grouped the same way, but only by connector or British/American spelling
// (transliteration look-alikes among them are mostly English words:
// Became / Become), spellings seen in different documents, as groups of
// type "name" with no entity.
//
// Contract: a pure function of the entity table and the rules; groups come
// sorted by entity id, then by majority spelling. Build() never throws.
//
// Example
//   SpellingReporter reporter(rules, resolver_rules_parser, spelling);
//   SpellingReport report = reporter.Build(table);
//   out.Write(output::SpellingJson(report));   // output/spelling_report.h
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/rules.h"
#include "core/spelling_groups.h"
#include "entities/name_parser.h"
#include "entities/spelling.h"
#include "resolve/entity_resolver.h"

namespace whosaid::resolve {

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

  // What Label computes of one word alone (lower case, place, spelling of
  // its one name part), made once for a word compared with many others:
  // Label(Prepare(a), Prepare(b), p) == Label(a, b, p).
  struct LabelWord {
    std::string lower;                     // Bare, then lower case
    std::string connectorless;             // Connectorless(lower)
    const std::string* british = nullptr;  // its British/American pair key, if any
    bool place = false, hyphen = false, all_caps = false;
    bool one_part = false;  // the parse has one part of 3+ bytes: `part` and `spelling` set
    char part = 0;          // that part's first byte
    entities::Spelling spelling;
  };
  LabelWord Prepare(const std::string& word) const;
  std::string Label(const LabelWord& a, const LabelWord& b, bool person) const;
  // Label(a, b, person) == "transliteration", rejecting first on what makes
  // most pairs of words no spellings of one (their parts' first bytes)
  // without building a label: for a word compared with a document's names.
  bool Transliteration(const LabelWord& a, const LabelWord& b, bool person) const;
  // False when Transliteration is sure to be false by that first test alone.
  static bool MayTransliterate(const LabelWord& a, const LabelWord& b) {
    return a.hyphen || b.hyphen || (a.one_part && b.one_part && a.part == b.part);
  }
  // One is the other plus a final letter transliterations drop (Shafi / Shafiq).
  bool DropsFinalLetter(const std::string& a, const std::string& b) const {
    return FinalLetter(Lowered(a), Lowered(b));
  }

 private:
  static constexpr std::size_t kMinOtherNameBytes = 5;  // shorter words are too often alike
  static constexpr std::size_t kMaxForms = 500;         // forms of one entity compared pairwise
  struct FormWords;
  FormWords Words(const std::string& form, bool person) const;
  std::string FormLabel(const FormWords& a, const FormWords& b, bool person) const;
  std::vector<SpellingGroup> WordGroups(const Entity& e) const;
  std::string PhraseLabel(const std::string& a, const std::string& b) const;
  static constexpr std::size_t kMaxBucket = 2000;  // words per first letter compared pairwise
  std::string Connectorless(const std::string& lower_word) const;
  bool FinalLetter(const std::string& a, const std::string& b) const;
  std::string Compound(const std::string& a, const std::string& b) const;
  static std::string Lowered(const std::string& word);
  void OtherNames(const std::vector<EntityVariant>& words, SpellingReport& report) const;

  const entities::NameParser& parser_;
  const entities::SpellingRules& spelling_;
  std::unordered_set<std::string> places_;                  // lower case
  std::unordered_map<std::string, std::string> british_;    // each spelling → the pair key
  std::unordered_map<std::string, std::string> connector_;  // connector → its class
  std::unordered_set<std::string> finals_;                  // letters a transliteration drops
};

}  // namespace whosaid::resolve
