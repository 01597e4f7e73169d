// whosaid::claims::TermLexicon — the words of a reported statement reduced to
// what two reports of it share: content terms for matching (statements.h) and
// spelling-normalised words for the wording diff of two direct quotes
// (diff.h).
//
// Contract
//   Terms(text): the content words of `text` in order, each lower-cased, with
//   clitics read (`won't` → not), negations as `not`, function words dropped
//   (the cue, `that`, pronouns, auxiliaries and modals: what indirect speech
//   shifts), irregular forms to their base, British endings respelled, then
//   inflection endings stripped, the result cut to `truncate` letters and a
//   synonym read as the first word of its `same` group (rules/claims/
//   words.txt). A whole number of four digits or more that is not a year is
//   followed by its rounded term (`84,000` → 84000 8e4: first digit and
//   length), which an outlet's `more than 80,000` shares. `proper` marks a word written with a
//   capital inside a sentence (or all capitals): names, which a speaker repeats across unrelated
//   statements; in a title-case headline only all-capital words. Words(text): every word of `text`
//   with its byte span and its spelling key (lower case, ’ → ', British → American from
//   rules/spelling.txt `british` lines and the `respell` endings; a contraction is its words,
//   `won't` → will not, `we're` → we are, each with the contraction's span): two words with one key
//   differ only in spelling. Both are pure and thread-safe; cost is linear in the text.
//
// Example
//   TermLexicon lex(TermConfig{}, *rules);
//   lex.Terms("We won't end the march")        // not, end, march
//   lex.Words("the neighbours")[1].key         // "neighbors"
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/record.h"
#include "core/rules.h"
#include "core/view_hash.h"
#include "segment/title_case.h"

namespace whosaid::claims {

struct TermConfig {
  // A statement whose words of at least headline_letters letters (no digit)
  // are three or more, four in five capitalised, is a title-case headline:
  // its capitals mark no name.
  segment::TitleCaseConfig headline{3, 80};
  std::size_t headline_letters = 4;
};

struct Term {
  std::string key;
  bool proper = false;
  bool operator==(const Term&) const = default;
};

struct SpelledWord {
  Span span;        // bytes into the text given
  std::string key;  // spelling-normalised lower case
};

class TermLexicon {
 public:
  // Reads rules/claims/words.txt and the `british` lines of rules/spelling.txt;
  // throws ConfigError ("file:line: …") on a malformed entry.
  TermLexicon(const TermConfig& config, const rules::RuleSet& rules);

  std::vector<Term> Terms(std::string_view text) const;
  // Terms(text) without building them: f(key, proper) for each term, in
  // order. `key` lives only during the call, and f must not ask this
  // lexicon for keys (the thread's memo holds them).
  void ForEachTerm(std::string_view text,
                   const std::function<void(std::string_view key, bool proper)>& f) const;
  std::vector<SpelledWord> Words(std::string_view text) const;

  // One word (lower case) to its spelling key / its term key ("" if dropped).
  std::string SpellingKey(std::string_view lower) const;
  std::string TermKey(std::string_view lower) const;
  // Whether a lower-case word names a relation to someone (`son`, `wife`):
  // a description that fits any role.
  bool Relation(const std::string& lower) const { return relation_.count(lower) > 0; }

 private:
  struct Suffix {
    std::string ending;
    std::string replacement;
    std::size_t min_stem = 3;
  };
  // The whole-word replacement of `word`, else its first matching ending's.
  static std::string Rewrite(std::string word, const ViewMap<std::string>& whole,
                             const std::vector<Suffix>& endings);
  std::string Respell(std::string word) const;
  std::string Stem(std::string word) const;
  std::string KeyOf(std::string_view lower) const;  // TermKey, computed (no memo)
  // TermKey in this thread's memo: valid until the next look-up on the thread.
  const std::string& MemoKey(std::string_view lower) const;

  // Look-up tables, probed for every word (core/view_hash.h: never iterated).
  ViewSet stop_;
  ViewSet negation_;
  ViewSet relation_;
  std::vector<std::pair<std::string, std::string>> clitics_;  // ending → word
  ViewMap<std::string> forms_;
  ViewMap<std::string> british_;
  std::vector<Suffix> suffixes_;
  std::vector<Suffix> respell_;
  std::size_t truncate_ = 0;
  std::vector<std::string> undouble_;  // endings after which a doubled consonant is single
  std::string keep_double_;            // letters that stay doubled (`called`, `passing`)
  ViewMap<std::string> same_;          // a synonym's term → its group's
  // Contractions for the spelling keys: whole words, then endings.
  ViewMap<std::vector<std::string>> contraction_words_;
  std::vector<std::pair<std::string, std::string>> contraction_endings_;  // ending → word
  TermConfig config_;
  // Set once the constructor is done (from 1, never reused): TermKey's
  // per-thread memo keeps keys of this lexicon only (terms.cpp).
  std::uint64_t serial_ = 0;
};

// A word of `text` as the scanners of this folder read it: letters and
// digits with internal apostrophes (’ or '), hyphens and, between digits,
// commas and periods. `lower` is lower case with ’ as '.
struct RawWord {
  Span span;
  std::string lower;
  bool cap = false;             // first letter upper case
  bool all_caps = false;        // two or more letters, all upper case
  bool sentence_start = false;  // first word of the text or after . ! ? : or a quote mark
};
std::vector<RawWord> ScanWords(std::string_view text, bool split_hyphens);

}  // namespace whosaid::claims
