// whosaid::entities::NameClusterer — which names, across a whole corpus or
// a list, belong to one person or organisation.
//
// This is the entry point of the entities library. Given names (each with
// an optional type and context), it returns clusters: one per entity, every
// spelling and short form of a name in one cluster, different people in
// different ones. Precision first: a person split in two is better than two
// people merged.
//
// How (each step a component documented in its own header):
//   1. parse each distinct name (NameParser: normalise any script, titles
//      to roles, particles and compounds, phonetic spelling of each part);
//      names with the same parsed key (type, owner, spellings) are one form
//      (Mohammed Shafiq = Muhammad Shafiq), whose context is the union of its
//      inputs' — context never splits one form;
//   2. weigh parts by rarity over these forms (PartWeights);
//   3. compare only forms that share a blocking key (Blocker) or a
//      document, never all pairs;
//   4. judge each compared pair by the names (NameMatcher) and by context:
//      same document, role or affiliation confirms a weak match; names seen
//      as different people in one document (distinct_from), or conflicting
//      roles or affiliations, block any match; same_as links (an acronym the
//      text defines) always match;
//   5. a short form (Shafiq, Jamil Khan) whose longer forms are not all
//      compatible with each other is ambiguous and joins none of them
//      (unless context picks exactly one);
//   6. merge, best pairs first, only when every member of one cluster
//      matches every member of the other (complete linkage: no chains of
//      weak links); two clusters joined by one full name spelled two ways
//      need only most member pairs (one odd spelling does not block), and
//      a member pair that conflicts counts as matching when a full
//      spelling variant of one side, in its own cluster, merges cleanly
//      with the other (an odd spelling does not keep out a longer name).
//
// Contract
//   * Run() never throws on any input: empty strings, punctuation, one
//     letter, 20-part lines, any script. An input with no letters or digits
//     is not a name: cluster_of is -1. Every other input is in exactly one
//     cluster (alone if nothing matches).
//   * Deterministic: the result depends only on the multiset of inputs —
//     not their order, not ClusterConfig::threads. Cluster ids are derived
//     from the cluster's smallest normalised member: "person:mohammad shafiq".
//   * Cost: the pairs compared are those sharing a blocking key (capped
//     blocks) and those of one article; on news the blocks of common
//     surnames grow with the corpus, so the pairs grow faster than the
//     names (PolNeAR train, 200 → 840 articles: 3.8 → 12.7 pairs per
//     form). Each pair first goes through necessary tests, cheapest first:
//     match keys made once per form (NameMatcher::MayRelateByKeys: sorted
//     hash lookups, no comparison; about 1 pair in 10 passes on PolNeAR),
//     then NameMatcher::MayRelate and SpellingRules::MayMatch; only the few
//     that pass are aligned. The same pairs reach the judgement as without
//     the tests (each is false only when no merge can follow). Memory
//     proportional to distinct names, not to inputs (the keys: some tens
//     of hashes per form, held while candidates are compared).
//   * The construction loads and compiles rules/names/ (throws ConfigError
//     "path:line: …" on a bad rule); Run() is const and may be called from
//     several threads.
//
// Example
//   auto rules = whosaid::rules::RuleSet::Load("rules");
//   whosaid::entities::NameClusterer clusterer(ClusterConfig{}, *rules);
//   std::vector<NameInput> in(3);
//   in[0].name = "Hedayatullah Showarabani";     in[0].context.docs = {"d1"};
//   in[1].name = "Mufti Hedayatullah Shwarbani"; in[1].context.docs = {"d2"};
//   in[2].name = "Shwarbani";                    in[2].context.docs = {"d2"};
//   for (NameInput& n : in) n.type = EntityType::kPerson;
//   Clustering out = clusterer.Run(in);
//   // out.cluster_of == {0, 0, 0}; out.clusters[0].id == "person:hedayatullah showarabani"
//   // out.clusters[0].merges: why each form joined (score, rule, shared context)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/entity_table.h"  // MergeExplanation
#include "core/rules.h"
#include "entities/blocking.h"
#include "entities/name.h"
#include "entities/name_matcher.h"
#include "entities/name_parser.h"
#include "entities/part_weights.h"
#include "entities/spelling.h"

namespace whosaid::entities {

// What the documents say about one name. All fields optional.
struct NameContext {
  std::vector<std::string> roles;         // "spokesperson", "security analyst" (roles.txt)
  std::vector<std::string> affiliations;  // organisation names, compared as organisations
  std::vector<std::string> docs;          // ids of the documents the name appears in
  // ... or as numbers: number n is the document "n" of `docs` (explained as
  // "doc:n"), without a string per name and document (resolve/ has one
  // input per distinct name, with every document it is in).
  std::vector<std::uint32_t> doc_numbers;
  // Names seen in one document as other entities than this one ("Rajeh
  // Sarei" for "Yahya Sarei"): never merged with it.
  std::vector<std::string> distinct_from;
  // Names the text says are this one (an acronym and the expansion it
  // defines: "UNAMI" for "UN Assistance Mission in Iraq").
  std::vector<std::string> same_as;
  // A name nothing in its document vouches for (no role, no quote): it
  // joins a cluster only by a strong match of the names, never by a weak
  // match that context confirms.
  bool tentative = false;
  // A string that is no name (a clause taken for one: "relations between
  // the Council and the Front"): it matches no other form.
  bool opaque = false;
};

struct NameInput {
  std::string name;
  EntityType type = EntityType::kUnknown;  // unknown: guessed (NameParser)
  NameContext context;
};

struct ClusterConfig {
  SpellingConfig spelling;
  ParserConfig parser;
  WeightConfig weights;
  MatcherConfig matcher;
  BlockingConfig blocking;
  // A person pair none of whose matched parts is spelled the same (Dan Backer
  // / Dean Baker, Osama / Obama) merges only with confirming context (a
  // shared document, role or affiliation). Off for name lists (`whosaid
  // names`: no context to give); on for news (resolve/), where everyday
  // Western names are often one vowel apart.
  bool variants_need_anchor = false;
  // A pair with a doubtful (weak) part that the other parts support (Hatim /
  // Hatam Ahmad Durakat) merges only with confirming context. Off for name
  // lists; on for news, where Western names one letter apart (Brock /
  // Brooks) are mostly other people.
  bool weak_parts_need_context = false;
  // Both names have roles and none is shared: never merge.
  bool roles_must_agree = true;
  // Both names have affiliations and none is shared: never merge.
  bool affiliations_must_agree = true;
  // ... even when the names alone are a strong match of two or more parts
  // (Yusuf Kamal al-Sabbagh / Yousef Kamal Sabbagh). Off for news, where
  // each outlet describes one person its own way ("army chief", "ruler",
  // "general"); short forms and weak matches stay blocked.
  bool disagreement_blocks_full_names = true;
  // Forms of one document are compared with each other (context can
  // confirm what their spellings alone cannot), unless the document has
  // more forms than this.
  std::size_t max_document_forms = 200;
  // A short form with more longer forms than this is ambiguous outright.
  std::size_t max_short_form_candidates = 32;
  // Two clusters joined by a pair that is one full name spelled two ways
  // (every part a spelling variant) merge when at least this share of their
  // member pairs may share a cluster, none blocked by context; 1: every
  // pair (complete linkage, as for all other merges).
  double variant_linkage_min_share = 0.5;
  // A merge needing more member-pair checks than this is refused.
  std::size_t max_linkage_checks = 4096;
  // Worker threads for parsing and comparing (the result is the same for any).
  unsigned threads = 1;
};

struct Cluster {
  std::string id;  // "person:…" / "org:…": smallest normalised member
  EntityType type = EntityType::kPerson;
  std::vector<std::size_t> inputs;       // indices into the input, ascending
  std::vector<std::string> forms;        // distinct input strings, sorted
  std::vector<MergeExplanation> merges;  // in the order the merges happened
};

struct ClusterStats {
  std::size_t inputs = 0, names = 0, forms = 0;  // inputs, distinct strings, distinct keys
  std::size_t candidate_pairs = 0, linkage_checks = 0, merges = 0;
};

struct Clustering {
  std::vector<std::ptrdiff_t> cluster_of;  // per input: index into clusters, -1: not a name
  std::vector<Cluster> clusters;           // sorted by id
  ClusterStats stats;
};

class NameClusterer {
 public:
  NameClusterer(const ClusterConfig& config, const rules::RuleSet& rules);
  ~NameClusterer();

  Clustering Run(std::span<const NameInput> inputs) const;

  // The components, for tests and for callers that compare two names.
  const NameParser& parser() const { return parser_; }
  const NameMatcher& matcher() const { return matcher_; }
  const SpellingRules& spelling() const { return spelling_; }
  const ClusterConfig& config() const { return config_; }
  const std::unordered_map<std::string, std::string>& role_synonyms() const {
    return role_synonyms_;
  }  // roles.txt

 private:
  class Run_;  // the state of one Run()
  ClusterConfig config_;
  SpellingRules spelling_;
  NameParser parser_;
  NameMatcher matcher_;
  Blocker blocker_;
  std::unordered_map<std::string, std::string> role_synonyms_;  // roles.txt
};

}  // namespace whosaid::entities
