#include "entities/context.h"

#include <algorithm>
#include <iterator>

#include "entities/clusterer.h"

namespace whosaid::entities {
namespace {

constexpr const char* kRolesFile = "names/roles.txt";

bool Shares(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

bool Contains(const std::vector<std::uint32_t>& sorted, std::uint32_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

void SortUnique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

ContextTable::RoleSynonyms ContextTable::LoadRoleSynonyms(const rules::RuleSet& rules) {
  RoleSynonyms out;
  const rules::RuleFile& file = rules.File(kRolesFile);
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() < 2 || std::any_of(f.begin(), f.end(), [](auto& s) { return s.empty(); })) {
      throw file.Error(line, "expected CANONICAL | VARIANT | ...");
    }
    for (const std::string& v : f) out[v] = f[0];
  }
  return out;
}

ContextTable::ContextTable(const NameParser& parser, const RoleSynonyms& roles, ContextRules config)
    : parser_(parser), config_(config), role_synonyms_(roles) {}

std::uint32_t ContextTable::Intern(std::unordered_map<std::string, std::uint32_t>& table,
                                   std::vector<std::string>& names, const std::string& s) {
  auto [it, fresh] = table.emplace(s, static_cast<std::uint32_t>(names.size()));
  if (fresh) names.push_back(s);
  return it->second;
}

std::string ContextTable::RoleWords(const std::string& role) const {
  std::vector<std::string> words = SplitWords(parser_.normalizer().Normalize(role));
  for (std::string& w : words) {
    auto it = role_synonyms_.find(w);
    if (it != role_synonyms_.end()) w = it->second;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

void ContextTable::Add(const NameContext& context, EntityType type, FormContext& into,
                       const FormLookup& form_of) {
  Links links;
  MakeLinks(context, type, form_of, links);
  Add(context, into, links);
}

// (the memo's parses, read in place: a document's every full name lists
// the others as distinct_from, so these are the same names again and again)
void ContextTable::MakeLinks(const NameContext& context, EntityType type, const FormLookup& form_of,
                             Links& out) const {
  for (const std::string& r : context.roles) out.role_words.push_back(RoleWords(r));
  out.affiliations.resize(context.affiliations.size());
  for (std::size_t k = 0; k < context.affiliations.size(); ++k) {
    if (!aff_raw_.count(context.affiliations[k]))  // (else Add knows it)
      out.affiliations[k] = AffiliationOf(context.affiliations[k]);
  }
  for (const std::string& n : context.distinct_from) {
    if (auto f = form_of(parser_.ParseShared(n, type)->Key())) out.distinct.push_back(*f);
  }
  for (const std::string& n : context.same_as) {
    if (auto f = form_of(parser_.ParseShared(n, EntityType::kUnknown)->Key()))
      out.same_as.push_back(*f);
    if (auto f = form_of(parser_.ParseShared(n, type)->Key())) out.same_as.push_back(*f);
  }
}

ContextTable::Affiliation ContextTable::AffiliationOf(const std::string& affiliation) const {
  Affiliation a;
  a.parsed = true;
  const auto org = parser_.ParseShared(affiliation, EntityType::kOrg);
  if (org->parts.empty()) return a;
  a.owned = !org->owner.empty();
  std::string key = org->Key(), core = key;
  if (a.owned) {
    ParsedName unowned = *org;
    unowned.owner.clear();
    core = unowned.Key();
  }
  a.keys.emplace(std::move(key), std::move(core));
  return a;
}

void ContextTable::Add(const NameContext& context, FormContext& into, const Links& links) {
  into.tentative = into.tentative && context.tentative;
  into.opaque = into.opaque || context.opaque;
  for (const std::string& d : context.docs) into.docs.push_back(Intern(doc_ids_, doc_names_, d));
  for (std::uint32_t n : context.doc_numbers) {  // interned as the string "n" would be
    if (n >= doc_number_ids_.size()) doc_number_ids_.resize(std::size_t{n} + 1, 0);
    if (doc_number_ids_[n] == 0)
      doc_number_ids_[n] = Intern(doc_ids_, doc_names_, std::to_string(n)) + 1;
    into.docs.push_back(doc_number_ids_[n] - 1);
  }
  for (const std::string& words : links.role_words) {
    if (words.empty()) continue;
    std::uint32_t id = Intern(role_ids_, role_names_, words);
    if (id == role_words_.size()) role_words_.push_back(SplitWords(words));
    into.roles.push_back(id);
  }
  for (std::size_t k = 0; k < context.affiliations.size(); ++k) {
    auto [it, fresh] = aff_raw_.emplace(context.affiliations[k], std::nullopt);
    if (fresh) {
      // (its keys made by MakeLinks, unless that met it before: then here)
      const Affiliation& made = links.affiliations[k];
      const Affiliation a = made.parsed ? made : AffiliationOf(context.affiliations[k]);
      if (a.keys) {
        const std::uint32_t id = Intern(aff_ids_, aff_names_, a.keys->first);
        if (id == aff_core_.size()) {  // new: remember its key without the owner
          aff_core_.push_back(Intern(aff_core_ids_, aff_core_names_, a.keys->second));
          aff_owned_.push_back(a.owned);
        }
        it->second = id;
      }
    }
    if (it->second) into.affiliations.push_back(*it->second);
  }
  into.distinct.insert(into.distinct.end(), links.distinct.begin(), links.distinct.end());
  into.same_as.insert(into.same_as.end(), links.same_as.begin(), links.same_as.end());
}

void ContextTable::Finish(FormContext& c) {
  SortUnique(c.docs);
  SortUnique(c.roles);
  SortUnique(c.affiliations);
  SortUnique(c.distinct);
  SortUnique(c.same_as);
}

// The same organisation, or the same one where either leaves its owner
// unsaid ("Foreign Office" / "Egypt's foreign ministry"); never two owners.
bool ContextTable::AffiliationsAgree(const FormContext& a, const FormContext& b) const {
  if (Shares(a.affiliations, b.affiliations)) return true;
  for (std::uint32_t x : a.affiliations) {
    for (std::uint32_t y : b.affiliations) {
      if (aff_core_[x] == aff_core_[y] && (!aff_owned_[x] || !aff_owned_[y])) return true;
    }
  }
  return false;
}

bool ContextTable::RolesAgree(std::uint32_t x, std::uint32_t y) const {
  const auto &a = role_words_[x], &b = role_words_[y];
  return std::includes(a.begin(), a.end(), b.begin(), b.end()) ||
         std::includes(b.begin(), b.end(), a.begin(), a.end());
}

bool ContextTable::AnyRoleAgrees(const FormContext& a, const FormContext& b) const {
  for (std::uint32_t x : a.roles) {
    for (std::uint32_t y : b.roles) {
      if (RolesAgree(x, y)) return true;
    }
  }
  return false;
}

ContextVerdict ContextTable::Judge(std::uint32_t ia, const FormContext& a, std::uint32_t ib,
                                   const FormContext& b) const {
  if (Contains(a.same_as, ib) || Contains(b.same_as, ia)) return ContextVerdict::kSameAs;
  if (Contains(a.distinct, ib) || Contains(b.distinct, ia)) return ContextVerdict::kBlock;
  const bool roles_known = !a.roles.empty() && !b.roles.empty();
  const bool roles_agree = roles_known && AnyRoleAgrees(a, b);
  if (config_.roles_must_agree && roles_known && !roles_agree) return ContextVerdict::kDisagree;
  const bool affs_known = !a.affiliations.empty() && !b.affiliations.empty();
  const bool affs_shared = affs_known && AffiliationsAgree(a, b);
  if (config_.affiliations_must_agree && affs_known && !affs_shared) {
    return ContextVerdict::kDisagree;
  }
  if (roles_agree || affs_shared || Shares(a.docs, b.docs)) return ContextVerdict::kConfirm;
  return ContextVerdict::kNeutral;
}

std::vector<std::string> ContextTable::Shared(const FormContext& a, const FormContext& b) const {
  std::vector<std::string> out;
  auto add = [&out](const char* kind, const std::vector<std::uint32_t>& x,
                    const std::vector<std::uint32_t>& y, const std::vector<std::string>& names) {
    std::vector<std::uint32_t> common;
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(common));
    for (std::uint32_t id : common) out.push_back(std::string(kind) + names[id]);
  };
  add("doc:", a.docs, b.docs, doc_names_);
  add("affiliation:", a.affiliations, b.affiliations, aff_names_);
  for (std::uint32_t x : a.roles) {
    for (std::uint32_t y : b.roles) {
      if (RolesAgree(x, y)) out.push_back("role:" + role_names_[x]);
    }
  }
  return out;
}

}  // namespace whosaid::entities
