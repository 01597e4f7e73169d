// whosaid::entities::NameParser — one name string to a ParsedName.
//
// Persons (rules/names/): normalise (transform.txt, characters.txt); leading
// titles become roles (titles.txt); particles and compounds are rewritten
// (rewrites.txt: Abd al-Rahman → abdrahman, bin dropped, Abu Hudhud →
// abuhudhud, -e- dropped); very common names get one spelling
// (families.txt: Mohd → muhammad); single letters are initials; each part
// is spelled for comparison (letters.txt) and weighted (common.txt).
// Organisations: normalise; synonyms (org_synonyms.txt: defence → defense,
// foreign office → ministry of foreign affairs); rewrites with scope org
// (plurals, -e- connectors); then each word is a stop word or legal form
// (dropped), an owner (org_owners.txt), or a part (type words weigh
// little, org_words.txt).
//
// Contract
//   Parse() never throws and never fails: any string gives a ParsedName.
//   An empty string, or one with no letters or digits, has no parts and is
//   not matchable; a person name of more than ParserConfig::max_parts
//   parts (a sentence, a list) is not matchable either, nor is an organisation name of more than
//   max_org_parts parts or any string longer than max_name_bytes. Only the first of
//   several names separated by ';' is used. An unknown type becomes kOrg
//   when a legal form or type word appears, else kPerson.
//   Thread-safe (const; the normaliser locks around ICU).
//
// Example
//   NameParser parser(rules, ParserConfig{}, spelling);
//   ParsedName n = parser.Parse("Mufti Hedayatullah Showarabani", EntityType::kUnknown);
//   n.Display();   // "(mufti) hedayatullah showarabani"
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/rules.h"
#include "core/text.h"
#include "entities/name.h"
#include "entities/normalizer.h"
#include "entities/rewriter.h"
#include "entities/spelling.h"

namespace whosaid::entities {

struct ParserConfig {
  // Person names with more parts than this are not matchable (lines that
  // are sentences or lists, not names). Organisation names are not capped.
  int max_parts = 12;
  // The same for organisation names, which run longer.
  int max_org_parts = 16;
  // Longer strings are not parsed into parts at all (not matchable).
  std::size_t max_name_bytes = 1024;
  // Weight of a type word (org_words.txt) that does not give its own.
  float default_type_weight = 0.3f;
  // ParseShared()'s memo shared by the threads (a thread's miss looked up
  // there before it parses): worth its locks only where two threads or more
  // parse (NameClusterer sets it from ClusterConfig::threads). No result
  // depends on it.
  bool shared_memo = false;
};

class NameParser {
 public:
  // `spelling` must outlive the parser.
  NameParser(const rules::RuleSet& rules, const ParserConfig& config,
             const SpellingRules& spelling);

  // Memoised per thread (the corpus stage asks for the same names again and
  // again): a repeated call costs a hash look-up and a copy. With
  // ParserConfig::shared_memo, a name the calling thread's memo lacks is
  // looked up in the parser's memo shared by every thread (sharded, each
  // shard under its own lock) before it is parsed, so that a name one
  // thread parsed (the map, a fold worker) is not parsed again by the
  // others; a parse depends only on the name, the type and the rules, so
  // either memo gives the result a parse would.
  ParsedName Parse(std::string_view name, EntityType type) const {
    return *ParseShared(name, type);
  }
  // The same parse without the copy: the memo's own entry, shared (it stays
  // valid however the memo changes), for callers that read a part or two.
  std::shared_ptr<const ParsedName> ParseShared(std::string_view name, EntityType type) const;
  // Frees the calling thread's memos (Parse's, the parts' and the part
  // spellings', of every parser; up to 3 x 16,384 entries each); they
  // refill on demand. A thread keeps them as long as it lives (a kept
  // thread: the process), so a stage done with names drops them on every
  // thread (parallel::OnEveryThread(&NameParser::ForgetThreadMemos)).
  static void ForgetThreadMemos();
  // Frees this parser's shared memo (up to kSharedEntries parses; it
  // refills on demand). Safe beside ParseShared() on other threads; nothing
  // without ParserConfig::shared_memo.
  void ForgetSharedMemo() const;
  static constexpr std::size_t kSharedEntries = 1 << 14;
  const Normalizer& normalizer() const { return normalizer_; }
  // The rewrites of rewrites.txt alone (for their tests).
  std::string Rewrite(std::string_view normalized, EntityType type) const;
  // `words` rewritten as one text (Rewrite of the words joined by blanks)
  // and split again; left as they are when no rewrite matched.
  void RewriteWords(std::vector<std::string>& words, EntityType type) const;
  const SpellingRules& spelling() const { return spelling_; }
  // `name` without the words before it that are titles as written
  // ("Brigadier-General Nabil Abdallah" → "Nabil Abdallah"); never empty.
  std::string WithoutTitles(std::string_view name) const;

 private:
  enum class WordKind { kStop, kDesignator, kType };
  struct OrgWord {
    WordKind kind;
    float weight;
  };
  struct Owner {
    std::string owner;
    bool modifier_only;
  };
  struct Common {
    Spelling spelling;
    float weight;
  };
  void LoadTitles(const rules::RuleSet& rules);
  // A word taken for a title before a name (titles.txt, any kind but "name").
  bool IsTitle(const std::string& word) const;
  void LoadFamilies(const rules::RuleSet& rules);
  void LoadCommon(const rules::RuleSet& rules);
  void LoadPrefixes(const rules::RuleSet& rules);
  void LoadOrgWords(const rules::RuleSet& rules);
  void LoadOrgSynonyms(const rules::RuleSet& rules);
  void LoadOrgOwners(const rules::RuleSet& rules);

  EntityType GuessType(const std::vector<std::string>& words) const;
  void ParsePerson(std::vector<std::string> words, ParsedName& out) const;
  void ParseOrg(std::vector<std::string> words, ParsedName& out) const;
  std::vector<std::string> ApplySynonyms(std::vector<std::string> words) const;
  ParsedName ParseUncached(std::string_view name, EntityType type) const;
  // The part of one word: remembered per thread (a function of the word
  // and the rules: a given name or a type word comes in many names).
  NamePart MakePart(std::string text) const;
  NamePart PartOf(std::string_view text) const;  // MakePart's work
  float CommonWeight(const Spelling& s) const;

  struct SharedMemo;  // (name_parser.cpp)

  ParserConfig config_;
  // (null without ParserConfig::shared_memo; a copy of the parser shares it: the same results)
  std::shared_ptr<SharedMemo> shared_;
  std::uint64_t serial_;  // tells this parser's memo entries from another's (Parse)
  const SpellingRules& spelling_;
  Normalizer normalizer_;
  Rewriter rewrites_;
  std::unordered_map<std::string, std::string> titles_;    // word → kind
  std::unordered_map<std::string, std::string> families_;  // member → canonical
  std::unordered_multimap<std::string, Common> common_;    // by blocking key
  struct Prefix {
    std::string text;
    std::size_t min_rest;
    bool weak;
    bool kunya;   // the part is a kunya (prefixes.txt level "kunya")
    bool suffix;  // an ending ("-bek"), not a beginning
  };
  std::vector<Prefix> prefixes_;
  std::unordered_map<std::string, OrgWord> org_words_;
  std::map<std::vector<std::string>, std::vector<std::string>> synonyms_;
  // each phrase's first word → the most words of a phrase it starts
  std::unordered_map<std::string, std::size_t> synonym_starts_;
  std::unordered_map<std::string, Owner> owners_;
};

using text::SplitWords;  // core/text.h

}  // namespace whosaid::entities
