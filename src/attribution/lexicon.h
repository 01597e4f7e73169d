// whosaid::attribution::Lexicon — the word lists of rules/ compiled into
// lookups: speech cues (one or several words), nominal cues, function words,
// pronouns, roles, titles, organisation heads and source nouns.
//
// Contract: built once from the rules (throws ConfigError on a bad entry),
// immutable and thread-safe. Words are looked up in lower case (see
// segment::Lower), with ’ folded to '.
//
// Example
//   Lexicon lex(rules);
//   lex.MatchCue({"pointed", "out", "that"}) → cue "point out", 2 words
//   lex.FunctionSymbol("the") → lex.alphabet().sym.determiner ('D')
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "attribution/alphabet.h"
#include "core/flat_map.h"
#include "core/phrase_index.h"
#include "core/record.h"
#include "core/rules.h"
#include "core/view_hash.h"
#include "segment/word_lists.h"

namespace whosaid::attribution {

// The cues.txt classes; the shape symbol of each is the rules' (cue.CLASS in
// shape_classes.txt).
enum class CueClass { kSay, kTell, kAccording, kCallFor, kDescribe, kBelief, kAppear };
inline constexpr std::size_t kCueClassCount = 7;

struct Cue {
  std::string lemma;
  CueClass cls = CueClass::kSay;
  bool bare = false;    // the clause may follow without "that"
  bool object = false;  // a noun phrase after it is the content
  bool to = false;      // an infinitive after it is the content
  bool wh = false;      // a whether/how/what clause after it is the content
  bool of = false;      // "X of “Y”" after it is the content (accused X of “Y”)
  bool loose = false;   // bare, and needs no verb check (say, tell, think)
};

struct PhraseMatch {
  const Cue* cue = nullptr;  // null for nominal cues
  std::size_t words = 0;     // how many words it spans
  bool participle = false;   // an -ing form
};

// Where a name particle (rules/particles.txt) is written: joined by a hyphen
// to a capitalised part (al-Tamimi), apart between two name words (bin), or
// either way.
enum class Particle { kNone, kJoined, kApart, kBoth };

// The number a quantifier's verb agrees with (kNone: not a quantifier).
enum class Agreement { kNone, kSingular, kPlural };

struct Pronoun {
  bool subject = true;
  std::string gender;  // male, female, neuter, any
  bool plural = false;
};

// Everything the shape builder asks of one lower-case word, gathered by one
// look-up (Lexicon::Facts) instead of one hash look-up per list: it classes
// every word token of every document, and most of them are in no list.
// Each field equals the answer of the Lexicon function named beside it.
struct WordFacts {
  char function = 0;                    // FunctionSymbol (number compounds too)
  const Pronoun* pronoun = nullptr;     // FindPronoun
  std::optional<SpeakerType> source;    // SourceType
  Particle particle = Particle::kNone;  // NameParticle
  bool title = false;                   // IsTitle
  bool role = false;                    // IsRole
  bool org_head = false;                // IsOrgHead(word, false)
  bool org_head_cap = false;            // IsOrgHead(word, true)
  bool past = false;                    // IsIrregularPast
  bool starts_cue = false;              // some cue phrase starts with it (MatchCue can match)
  bool starts_nominal = false;          // some nominal cue starts with it (MatchNominal)
};

class Lexicon {
 public:
  explicit Lexicon(const rules::RuleSet& rules);

  // The longest speech cue starting at words[0] (lower case), if any.
  std::optional<PhraseMatch> MatchCue(const std::vector<std::string_view>& words) const;
  // The longest nominal cue (in a statement) starting at words[0]: its length, or 0.
  // (Most words starting one start none there: "in the", "on Monday". The
  // first two words' numbers as listed words — every nominal cue's first
  // and second words are listed, MakeFacts — looked up among the cues'
  // pairs answer 0 for them before the first word's phrases are compared.)
  std::size_t MatchNominal(const std::vector<std::string_view>& words) const;
  // MatchNominal(words) for a caller that has words[0]'s number from Facts.
  std::size_t MatchNominal(std::uint32_t word, const std::vector<std::string_view>& words) const;

  // The longest alias phrase (known as, alias) starting at words[0]: its
  // length, or 0 (rules/aliases.txt).
  std::size_t MatchAlias(const std::vector<std::string_view>& words) const;
  // Some alias phrase starts with `lower` (MatchAlias can match only then).
  bool StartsAlias(std::string_view lower) const { return alias_index_.StartsWith(lower); }

  // The function-word symbol of a lower-case word (its words.txt class's
  // symbol, shape_classes.txt word.CLASS), or 0.
  char FunctionSymbol(std::string_view lower) const;
  // Number words joined by hyphens ("twenty-six").
  bool NumberCompound(std::string_view lower) const;
  const Pronoun* FindPronoun(std::string_view lower) const;
  // A form of "be" (words.txt class be).
  bool IsBe(std::string_view lower) const { return be_forms_.count(lower); }
  // An irregular past-tense verb (words.txt class past: went, came); the
  // -ed forms are recognised by their ending.
  bool IsIrregularPast(std::string_view lower) const { return past_forms_.count(lower) > 0; }
  // A determiner that can stand alone for people (words.txt class quantifier:
  // some, two; quantifier-one: another, each): the verb agreeing with it.
  Agreement Quantifier(std::string_view lower) const {
    auto it = quantifiers_.find(lower);
    if (it == quantifiers_.end()) return Agreement::kNone;
    return it->second ? Agreement::kPlural : Agreement::kSingular;
  }
  // Roles, titles and organisation heads are the shared word lists'
  // (segment::WordLists, rules/roles.txt, titles.txt, org_heads.txt).
  bool IsRole(std::string_view lower) const { return word_lists_.IsRole(lower); }
  bool IsTitle(std::string_view lower) const { return word_lists_.IsTitle(lower); }
  // A title that is courtesy, not function (Mr, Mrs, Haji): never a role.
  bool IsHonorific(std::string_view lower) const { return word_lists_.IsHonorific(lower); }
  // An organisation head; `cap` says whether the word is capitalised.
  bool IsOrgHead(std::string_view lower, bool cap) const {
    return word_lists_.IsOrgHead(lower, cap);
  }
  // A word that completes a role after of/for (State, Foreign, Affairs;
  // rules/portfolios.txt).
  bool IsPortfolio(std::string_view lower) const { return portfolios_.count(lower); }
  // How a lower-case word is written as a name particle (kNone: it is not one).
  Particle NameParticle(std::string_view lower) const;
  // A word that is a name word though written in lower case: a joined
  // particle, a hyphen, then a capital (al-Tamimi, ash-Shaar, bin-Zayed).
  bool IsParticleName(std::string_view word) const;
  // A document a speaker issues (statement, post; sources.txt "document").
  bool IsDocument(std::string_view lower) const { return documents_.count(lower); }
  // A kicker label ("EXCLUSIVE: …", "Watch: …"; sources.txt "label").
  bool IsLabel(std::string_view lower) const { return labels_.count(lower); }
  // A group noun that stands for an organisation (rebels; sources.txt "members").
  bool IsMembers(std::string_view lower) const { return members_.count(lower); }
  // A source noun: kGroup or kAnonymous.
  std::optional<SpeakerType> SourceType(std::string_view lower) const;
  // All of the above that the shape builder reads, in one look-up (a word in
  // no list: all none, after one hash). The reference is the lexicon's own
  // (valid as long as it is), so a caller copies nothing.
  const WordFacts& Facts(std::string_view lower) const;
  // Facts(lower) for a caller that knows whether `lower` holds an ASCII '-'
  // (a word token's Token::hyphen): a word in no list without one is
  // answered after the look-up alone (only a number compound has one).
  const WordFacts& Facts(std::string_view lower, bool hyphen) const;
  // Facts in steps, for a caller that looks up a run of words: a word's
  // hash (FactsHash, a function of its bytes), its table slot fetched into
  // the cache some words ahead (PrefetchFacts: a hint, no answer changes),
  // then Facts with that hash — the same answer as Facts(lower, hyphen)
  // when `hash` is FactsHash(lower) (with another hash it may miss).
  std::uint64_t FactsHash(std::string_view lower) const {
    return FactsMix(FactsHead(lower), lower.size());
  }
  void PrefetchFacts(std::uint64_t hash) const {
    __builtin_prefetch(&fact_slots_[hash & fact_mask_]);
  }
  const WordFacts& Facts(std::string_view lower, bool hyphen, std::uint64_t hash) const;
  // The same, and in `word` the listed word's number for MatchCue (kNoWord
  // when no list holds `lower`).
  static constexpr std::uint32_t kNoWord = UINT32_MAX;
  const WordFacts& Facts(std::string_view lower, bool hyphen, std::uint64_t hash,
                         std::uint32_t& word) const;
  // A word's head (its first eight bytes, FactsHead) and hash (FactsHash),
  // made once by a caller that looks up a run of words and kept until its
  // Facts: the hash to prefetch with, both to probe with (no second reading
  // of the word's bytes).
  struct Probe {
    std::uint64_t head = 0;
    std::uint64_t hash = 0;
  };
  static Probe ProbeOf(std::string_view lower) {
    const std::uint64_t head = FactsHead(lower);
    return Probe{head, FactsMix(head, lower.size())};
  }
  // ProbeOf(lower) for a word whose bytes lie in a buffer readable up to
  // `end` (end >= lower's end): when eight bytes from the word's start lie
  // in it, its head is one load masked to the word's size — the same zero
  // padded number FactsHead makes (both read the bytes little-endian, as
  // memcpy into a uint64_t does on the targets we build for).
  static Probe ProbeIn(std::string_view lower, const char* end) {
    const std::size_t n = lower.size();
    if (end - lower.data() < 8) return ProbeOf(lower);
    std::uint64_t head;
    std::memcpy(&head, lower.data(), 8);
    head &= n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
    return Probe{head, FactsMix(head, n)};
  }
  // Facts(lower, hyphen, probe.hash, word) for probe == ProbeOf(lower).
  // (Inline, with its rare steps out of line — a listed word of more than
  // eight bytes, a hyphenated word no list holds: the shape builder asks it
  // of every word token, and the call's register saves cost a third of it.)
  const WordFacts& Facts(std::string_view lower, bool hyphen, Probe probe,
                         std::uint32_t& word) const {
    // (the table is never full: the probe meets an empty slot)
    const FactSlot* slots = fact_slots_.data();
    const std::size_t n = lower.size();
    for (std::size_t i = probe.hash & fact_mask_;; i = (i + 1) & fact_mask_) {
      const FactSlot& s = slots[i];
      if (s.facts == 0) break;
      if (s.head == probe.head && s.size == n && (n <= 8 || SameTail(s.key, lower))) {
        word = s.key;
        return fact_values_[s.facts - 1];
      }
    }
    word = kNoWord;
    return hyphen ? UnlistedHyphenated(lower) : no_facts_;
  }
  // MatchCue(words) for a caller that has words[0]'s number from Facts (its
  // phrases read from one flat list, no look-up of words[0]).
  std::optional<PhraseMatch> MatchCue(std::uint32_t word,
                                      const std::vector<std::string_view>& words) const;
  // MatchCue({lower}) without building a vector: a one-word cue.
  std::optional<PhraseMatch> MatchCueWord(std::string_view lower) const;

  // The shape symbol of a cue, finite or -ing (shape_classes.txt cue.CLASS).
  char CueSymbol(const Cue& cue, bool participle) const;
  // The symbol classes the code tests (rules/shape_classes.txt).
  const ShapeAlphabet& alphabet() const { return alphabet_; }
  // The English words and endings the code tests (rules/english.txt).
  const EnglishWords& english() const { return english_; }

 private:
  struct CueForm {  // a form of a cue (cues.txt FORMS)
    const Cue* cue = nullptr;
    bool participle = false;
  };
  void LoadCues(const rules::RuleFile& file);
  void MakeCueLists();
  std::optional<PhraseMatch> MatchCueAt(std::uint32_t word, const std::string_view* words,
                                        std::size_t n) const;
  void MakeFacts();
  void MakeNominalLists();
  template <class V>
  using Map = ViewMap<V>;  // probed with a view (core/view_hash.h)
  using Set = ViewSet;

  std::vector<std::unique_ptr<Cue>> cues_;
  rules::PhraseIndex<CueForm> cue_index_;
  rules::PhraseIndex<bool> nominal_index_;
  // The first two words ("in a") of every nominal cue of two or more words,
  // and the one-word nominal cues (as read; by listed word's number once
  // MakeFacts has numbered them: a pair as first << 32 | second, sorted): a
  // sequence whose first two words are no pair and whose first word is no
  // one-word cue starts no nominal cue.
  std::vector<std::pair<std::string, std::string>> nominal_pair_words_;
  std::vector<std::string> nominal_one_words_;
  std::vector<std::uint64_t> nominal_pairs_;
  std::vector<bool> nominal_one_;  // by listed word
  rules::PhraseIndex<bool> alias_index_;
  Map<char> function_;
  Map<Pronoun> pronouns_;
  Map<SpeakerType> sources_;
  Map<Particle> particles_;
  Set portfolios_;
  Set documents_;
  Set be_forms_;
  Set past_forms_;
  Map<bool> quantifiers_;  // word → plural
  Set members_;
  Set labels_;
  // Every word of the lists above (Facts); made last, probed for every word
  // token of every document. Open addressing with linear probing over a
  // power-of-two array of 16-byte slots, at most half full: a slot holds a
  // listed word's first eight bytes (FactsHead), its length and the number
  // of its facts among the distinct ones (fact_values_: a few hundred, all
  // in cache). A word of up to eight bytes (most) is compared in its slot
  // alone, so a look-up reads one cache line; a longer one compares its
  // other bytes with fact_keys_ too. (A FlatMap read a slot, then a 72-byte
  // entry elsewhere: two likely cache misses per word token.)
  // The first min(8, size) bytes of a word as one number, zero padded: the
  // value memcpy of them into a zeroed uint64_t gives, read without touching
  // a byte past the word (two overlapping loads, as HashBytes reads its
  // tail). With the size, it tells apart any two words of up to eight bytes.
  static std::uint64_t FactsHead(std::string_view w) {
    const char* p = w.data();
    const std::size_t n = w.size();
    std::uint64_t head = 0;
    if (n >= 8) {
      std::memcpy(&head, p, 8);
    } else if (n >= 4) {  // bytes [0, 4) and [n - 4, n), the same bytes where they overlap
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      head = a | std::uint64_t{b} << (8 * (n - 4));
    } else if (n > 0) {  // 0, n/2 and n-1 are every position
      const auto at = [&](std::size_t k) {
        return std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
      };
      head = at(0) | at(n / 2) | at(n - 1);
    }
    return head;
  }
  // The slot hash of a word of this head and size (words longer than eight
  // bytes sharing their first eight and their size share a chain: compared).
  static std::uint64_t FactsMix(std::uint64_t head, std::size_t size) {
    std::uint64_t h = (head ^ (size * 0xD6E8FEB86659FD93ull)) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ h >> 29;
  }
  struct FactSlot {
    std::uint64_t head = 0;   // FactsHead of the word
    std::uint32_t key = 0;    // the word: fact_keys_[key]
    std::uint16_t facts = 0;  // 1 + its index in fact_values_; 0: an empty slot
    std::uint16_t size = 0;   // the word's length
  };
  // fact_keys_[key]'s bytes after the first eight are `lower`'s (same size, > 8).
  bool SameTail(std::uint32_t key, std::string_view lower) const;
  // The facts of a word no list holds, with an ASCII '-' (a number compound's or none).
  const WordFacts& UnlistedHyphenated(std::string_view lower) const;
  std::vector<FactSlot> fact_slots_;
  std::size_t fact_mask_ = 0;
  std::vector<std::string> fact_keys_;
  std::vector<WordFacts> fact_values_;
  // The cue phrases as cue_index_ holds them, by listed word: those starting
  // with fact_keys_[w] are cue_phrases_[cue_at_[w], cue_at_[w + 1]), in
  // cue_index_'s order (longest first, then as added), their words after
  // the first in cue_rest_ from `rest` on. MatchCue(word, …) walks them as
  // PhraseIndex::Longest walks its list: the same first match.
  struct CuePhrase {
    CueForm form;
    std::uint32_t rest = 0;
    std::uint32_t words = 0;
  };
  std::vector<std::pair<std::vector<std::string>, CueForm>> cue_forms_;  // as added (LoadCues)
  std::vector<CuePhrase> cue_phrases_;
  std::vector<std::string> cue_rest_;
  std::vector<std::uint32_t> cue_at_;
  WordFacts no_facts_;      // Facts of a word in no list
  WordFacts number_facts_;  // … of a number compound in no list ("twenty-six")
  ShapeAlphabet alphabet_;
  EnglishWords english_;
  const segment::WordLists& word_lists_;  // the rule set's (RuleSet::Shared)
  std::array<std::pair<char, char>, kCueClassCount> cue_symbols_{};  // by CueClass: finite, -ing
};

}  // namespace whosaid::attribution
