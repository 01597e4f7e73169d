// whosaid::resolve::EntityResolver — the corpus-level half of entity
// resolution: one entity per person, organisation or operation across every
// document of a run, with one canonical spelling and every surface form.
//
// Input: each document with its per-document result (quote records whose
// speakers carry document-local ids, and the names the document mentions,
// entities/mentions.h). Output: an EntityTable — the entities, and for each
// record of each document the entity its speaker is.
//
// How
//   1. Names() turns each document into name inputs (the map step: it reads
//      the text, and runs on any thread; its result travels in the
//      document's Partial, core/partial.h), and Add() appends them: one per speaker the
//      document's coreference resolved (its full name, roles, affiliations,
//      document), one per person, organisation, operation or acronym it
//      mentions without quoting them. An organisation the text names without
//      its country ("the Ministry of Foreign Affairs" after "Iraq …")
//      takes the owner the mention finder inferred. An acronym and the
//      expansion the text defines are the same (same_as); two full person
//      names the coreference kept apart in one document are never merged
//      (distinct_from). Every occurrence is remembered with its surface form.
//   2. Fold() adds each document's short-form candidates (a capitalised
//      word that is the surname of a person named in the same document, or
//      a spelling of it by the spelling report's test — Shafiq for Shafi,
//      never Osama for Obama —, or an acronym defined anywhere in the run:
//      what Note() gathered); Resolve() clusters all inputs with
//      entities::NameClusterer, and builds the entities:
//      canonical name = the most frequent full form (persons: forms of two
//      or more words; organisations: forms that are not acronyms), ties
//      broken by more words, then by code-point order.
//
// Contract
//   * The table depends only on the multiset of documents, not on the order
//     Add() saw them or on any thread count: entity ids are numbered per type
//     (P persons, O organisations, G groups, X operations) in the order of
//     the clusterer's deterministic cluster ids.
//   * Names() is const and thread-safe. Note(), Fold(), Add() and Resolve()
//     are not (the corpus run calls them in input order); Resolve() may be
//     called more than once (documents folded since are added).
//   * Memory: Fold() folds every input of one (type, name) into one group
//     (its kinds counted, contexts joined, documents as indices) and every
//     form of a group into one occurrence with a count, so the stage holds
//     the distinct names and, per document, a number for its id (each
//     distinct id kept once) and its record speakers — not the inputs. The
//     clusterer sees one input per group (plus the groups' roles and
//     affiliations again where each first came, so it numbers them as it
//     did input by input); documents reach it as numbers, and the shared
//     documents of merge explanations (kept only with KeepDetails) are
//     written back as ids in the order it met them input by input. The
//     table is the same as from every input alone. Two memos sit beside it,
//     bounded, neither a limit (the table is the same without them): the
//     fold's verdicts on documents decided lately, by what the fold reads of
//     a document (a copy republished by another outlet is decided once;
//     8 MB of keys and verdicts counted, two to three times that with the
//     table's own overhead; forgotten by Note() and Clear()), and each
//     thread's RoleOf/RoleLike per role (up to 2 x 16K roles a thread,
//     kept for the thread, forgotten when another resolver asks).
//
// Example
//   EntityResolver resolver(ResolverConfig{}, *rules);
//   for (...) resolver.Add(doc, pipeline.Run(doc));   // = Add(Names(doc, r), doc.id, doc.outlet)
//   EntityTable table = resolver.Resolve();
//   EntityResolver::Apply(table, 0, result_of_first_doc);   // global ids and names
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/doc_result.h"
#include "core/document.h"
#include "core/entity_table.h"
#include "core/partial.h"
#include "core/rules.h"
#include "entities/clusterer.h"

namespace whosaid::resolve {

struct ResolverConfig {
  // What names no one (a speaker name or a mention refused as a name):
  // a headline in capitals is this many words or more of capital letters
  // ("VOTERS STAY HOME IN OHIO"; "USA TODAY NETWORK" is a name), each
  // word at least headline_min_word_letters long.
  std::size_t headline_min_caps_words = 4;
  std::size_t headline_min_word_letters = 3;
  // A dateline's place in capitals ("ROME — …") is at least this long, so
  // "UK" or "U.S." (a government) stays a speaker.
  std::size_t dateline_min_bytes = 3;
  // A plural role noun alone ("Pollsters") is at least this long.
  std::size_t plural_role_min_bytes = 4;
  // The matcher's settings; news needs variants_need_anchor and lets full
  // names merge whatever the roles (set by default here).
  entities::ClusterConfig cluster = NewsClusterConfig();
  static entities::ClusterConfig NewsClusterConfig() {
    entities::ClusterConfig c;
    c.variants_need_anchor = true;
    c.disagreement_blocks_full_names = false;
    c.weak_parts_need_context = true;
    return c;
  }
};

class EntityResolver {
 public:
  // Loads rules/names/ (throws ConfigError "path:line: …" on a bad rule).
  EntityResolver(const ResolverConfig& config, const rules::RuleSet& rules);
  ~EntityResolver();
  EntityResolver(const EntityResolver&) = delete;
  EntityResolver& operator=(const EntityResolver&) = delete;

  // The name inputs of one document (needs its text; thread-safe). Each
  // calling thread keeps the word keys of the names it has seen from one
  // call to the next (a name's keys depend only on the name and the rules):
  // up to 16,384 names, some 3 MB a thread, tied to this resolver, forgotten
  // by Clear() on the kept threads and by ForgetThreadMemos() on any other.
  // Fold(), FoldBatches() and Resolve() read the same keys on the threads
  // they run on (a word the map parsed there is not parsed again).
  PartialNames Names(const Document& doc, const DocResult& result) const;
  // Names(doc, result) for a result whose name mentions are dropped after
  // (run::MakePartial): the mentions' text is moved into the candidates
  // instead of copied, and result.names is left empty.
  PartialNames TakeNames(const Document& doc, DocResult& result) const;

  // Two passes over the run's documents, memory bounded by distinct names:
  // Note() every document's names (any order: the run's acronyms and
  // organisation names), then Fold() each in input order (documents are
  // numbered in Fold() order), then Resolve().
  void Note(const PartialNames& names);
  void Fold(const PartialNames& names, const std::string& doc_id, const std::string& outlet);
  // Fold() of consecutive documents, in their order: what reads only each
  // document's own names (which name its short-form candidates are) on up
  // to `threads` threads, the rest in order; the same as Fold() of each.
  struct DocNames {
    PartialNames names;
    std::string id, outlet;
  };
  void Fold(const std::vector<DocNames>& docs, unsigned threads);
  // Fold() of batches [0, batches) in order, read(b, docs) filling batch b:
  // with `threads` >= 2 the next batch is read and its short forms decided
  // (on threads - 1 threads) beside the folding of this one, the caller's
  // thread keeping to the fold and, once its batch is folded, helping
  // decide the next instead of waiting. read() is called in order of b
  // (batch 0 on the caller's thread, the others on another, beside the
  // folding: it must not touch what FoldDoc does, the resolver). The same
  // as Fold() of each batch.
  using ReadBatch = std::function<void(std::size_t batch, std::vector<DocNames>& docs)>;
  void FoldBatches(std::size_t batches, const ReadBatch& read, unsigned threads);
  // Or in one pass, keeping every document's names until Resolve():
  // Note() now, Fold() then (documents numbered in Add() order).
  void Add(const PartialNames& names, const std::string& doc_id, const std::string& outlet);
  void Add(const Document& doc, const DocResult& result);  // Add(Names(doc, result), …)
  // False: the table's variants carry no documents or outlets, its entities
  // no merge explanations, and it has no words (what the entities and
  // spelling reports need, the records not). Call before the first Fold().
  void KeepDetails(bool keep);
  EntityTable Resolve();
  // Forgets every document noted, folded or added (the stage's memory of
  // the run goes, and the per-thread memos on every thread:
  // ForgetThreadMemos, and the name parser's memo shared by the threads:
  // NameParser::ForgetSharedMemo; the next Note() starts a run afresh). The tables made
  // stay valid, and Apply()/ApplyChecked() read only them and the rules:
  // Clear() may run on another thread beside them (CorpusRun does, beside
  // the claims stage; the memos of the thread that calls it and of the
  // kept threads go, so a caller on another thread that mapped, folded or
  // resolved forgets its own with ForgetThreadMemos()).
  void Clear();
  // The calling thread's memos of names: the name parser's
  // (entities::NameParser::ForgetThreadMemos) and Names()'s word keys.
  static void ForgetThreadMemos();

  // Gives the records of the document added `doc_index`-th their entity id
  // and canonical name (a record of no entity keeps no id), and a person's
  // record without role the role stated nearest it in its document, else
  // the person's first role in the run. An entity's roles are those stated
  // at its name (never through a description the coreference resolved) that
  // are functions, not relations ("rival"), plurals or fragments (roles.txt).
  static void Apply(const EntityTable& table, std::size_t doc_index, DocResult& result);
  // Apply(), and with this resolver's rules: a record's own role that is no
  // function (a relation: "rival" of "rival Ann Doe"; a plural; a role that
  // opens with a function word: "who is …") is replaced as a missing one,
  // and an affiliation that names no body ("like", "in three") is dropped.
  void ApplyChecked(const EntityTable& table, std::size_t doc_index, DocResult& result) const;

  // The matcher in use (its parser and spelling rules serve the spelling report).
  const entities::NameClusterer& clusterer() const;

  struct State;  // defined in the .cpp

 private:
  std::unique_ptr<State> state_;
};

}  // namespace whosaid::resolve
