// whosaid::entities::ContextTable — the context of each name form, interned,
// and the context rules of NameClusterer.
//
// Documents are compared by id, affiliations as organisations (their
// parsed key: "Somalia's Defence Ministry" = "Somali Defense Ministry";
// one that leaves its owner unsaid agrees with any owner's: "Foreign
// Office" = "Egypt's foreign ministry", never Egypt's = Somalia's),
// roles as sets of words after rules/names/roles.txt (one role agrees with
// another when all its words are among the other's: "analyst" / "security
// analyst").
//
// Verdict for two forms a, b:
//   kSameAs   one lists the other in same_as: merge whatever the names say
//   kBlock    one lists the other in distinct_from
//   kDisagree both have roles and none agree, or both have affiliations and
//             share none (ContextRules say whether either counts)
//   kConfirm  they share a document, an agreeing role or an affiliation
//   kNeutral  otherwise
//
// Contract: Add() every input's context, Finish() each form, then Judge()
// and Shared() (const). Never throws after construction. Add may take the
// input's links made beforehand by MakeLinks() (const: safe on many threads,
// one call per input, in any order), so that the parses of a run's
// distinct_from / same_as names are made in parallel and only the
// interning, whose numbers follow the order of Add, stays in order.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/rules.h"
#include "entities/name_parser.h"

namespace whosaid::entities {

struct NameContext;

struct FormContext {
  std::vector<std::uint32_t> docs, roles, affiliations;  // interned, sorted, unique
  std::vector<std::uint32_t> distinct, same_as;          // form indices, sorted, unique
  bool tentative = true;  // every input of the form is (NameContext::tentative)
  bool opaque = false;    // an input of the form is (NameContext::opaque)
};

enum class ContextVerdict { kNeutral, kConfirm, kDisagree, kBlock, kSameAs };

struct ContextRules {
  bool roles_must_agree = true;
  bool affiliations_must_agree = true;
};

class ContextTable {
 public:
  using RoleSynonyms = std::unordered_map<std::string, std::string>;
  // rules/names/roles.txt; throws ConfigError on a bad entry.
  static RoleSynonyms LoadRoleSynonyms(const rules::RuleSet& rules);

  // `parser` and `roles` must outlive the table.
  ContextTable(const NameParser& parser, const RoleSynonyms& roles, ContextRules config);

  // Adds one input's context to `into`; `form_of` maps a parsed key to its
  // form index (names in distinct_from / same_as that are not forms are
  // ignored).
  using FormLookup = std::function<std::optional<std::uint32_t>(const std::string& key)>;
  void Add(const NameContext& context, EntityType type, FormContext& into,
           const FormLookup& form_of);
  // What Add reads of an input beyond its strings: the forms its
  // distinct_from and same_as names parse to (unsorted; Finish sorts them),
  // the canonical words of each of its roles (RoleWords), in order, and,
  // for each affiliation the table has not met yet, its organisation keys
  // (none when it parses to no name; parsed: false for one met before).
  struct Affiliation {
    bool parsed = false;
    std::optional<std::pair<std::string, std::string>> keys;  // key, key without the owner
    bool owned = false;
  };
  struct Links {
    std::vector<std::uint32_t> distinct, same_as;
    std::vector<std::string> role_words;
    std::vector<Affiliation> affiliations;
  };
  // (reads the affiliations met so far: safe on many threads while no Add runs)
  void MakeLinks(const NameContext& context, EntityType type, const FormLookup& form_of,
                 Links& out) const;
  // Add with the links MakeLinks made for this context and type.
  void Add(const NameContext& context, FormContext& into, const Links& links);
  static void Finish(FormContext& c);  // sort and deduplicate

  ContextVerdict Judge(std::uint32_t ia, const FormContext& a, std::uint32_t ib,
                       const FormContext& b) const;
  // "doc:…", "role:…", "affiliation:…" shared by a and b.
  std::vector<std::string> Shared(const FormContext& a, const FormContext& b) const;
  // The canonical words of a role, space-separated ("spokesperson").
  std::string RoleWords(const std::string& role) const;

 private:
  std::uint32_t Intern(std::unordered_map<std::string, std::uint32_t>& table,
                       std::vector<std::string>& names, const std::string& s);
  Affiliation AffiliationOf(const std::string& affiliation) const;  // (parsed)
  bool RolesAgree(std::uint32_t x, std::uint32_t y) const;
  bool AnyRoleAgrees(const FormContext& a, const FormContext& b) const;
  bool AffiliationsAgree(const FormContext& a, const FormContext& b) const;

  const NameParser& parser_;
  ContextRules config_;
  const RoleSynonyms& role_synonyms_;
  std::unordered_map<std::string, std::optional<std::uint32_t>> aff_raw_;  // string → id
  std::unordered_map<std::string, std::uint32_t> doc_ids_, role_ids_, aff_ids_;
  std::vector<std::string> doc_names_, role_names_, aff_names_;
  std::vector<std::uint32_t> doc_number_ids_;  // NameContext::doc_numbers: n → interned id + 1
  std::vector<std::vector<std::string>> role_words_;  // by role id, sorted
  // by affiliation id: its key without the owner (interned), and whether it had one
  std::vector<std::uint32_t> aff_core_;
  std::vector<char> aff_owned_;
  std::unordered_map<std::string, std::uint32_t> aff_core_ids_;
  std::vector<std::string> aff_core_names_;
};

}  // namespace whosaid::entities
