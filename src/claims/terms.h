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

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "claims/packed_words.h"
#include "core/record.h"
#include "core/rules.h"
#include "core/view_hash.h"
#include "core/word_filter.h"
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

  // The one term every negation takes (words.txt's negations, and the
  // clitics whose reading is this word): what statements compare for a
  // negated report.
  static constexpr std::string_view kNegation = "not";

  std::vector<Term> Terms(std::string_view text) const;
  // Terms(text) without building them: f(key, proper) for each term, in
  // order. `key` lives only during the call, and f must not ask this
  // lexicon for keys (the thread's memo holds them).
  void ForEachTerm(std::string_view text,
                   const std::function<void(std::string_view key, bool proper)>& f) const;
  std::vector<SpelledWord> Words(std::string_view text) const;
  // Words' spelled word(s) of one word (`lower`, at `span`), appended.
  void Spell(Span span, std::string_view lower, std::vector<SpelledWord>& out) const;
  // Spell's keys of one word, each with whether it is a content term
  // (TermKey neither "" nor `not`): from this thread's memo (a direct
  // quote's wording spells every word: news repeats them), valid until the
  // next Spellings on the thread.
  struct Spelling {
    std::string key;
    bool content = false;
  };
  // Spellings' answer: size() keys, [i] each as a view (of the memo).
  class Spelled {
   public:
    struct Key {
      std::string_view key;
      bool content = false;
    };
    std::size_t size() const { return many_ != nullptr ? many_->size() : 1; }
    Key operator[](std::size_t i) const {
      if (many_ == nullptr) return one_;
      return {(*many_)[i].key, (*many_)[i].content};
    }

   private:
    friend class TermLexicon;
    Key one_;                                      // the one key (many_ null)
    const std::vector<Spelling>* many_ = nullptr;  // else all of them
  };
  Spelled Spellings(std::string_view lower) const;

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
  // `word` with its first matching ending's replacement.
  static std::string ReplaceEnding(std::string word, const std::vector<Suffix>& endings);
  // The British spelling's replacement of `word`, else its first matching
  // `respell` ending's.
  std::string Respell(std::string word) const;
  std::string Stem(std::string word) const;
  std::string KeyOf(std::string_view lower) const;  // TermKey, computed (no memo)
  // TermKey in this thread's memo: valid until the next look-up on the thread.
  std::string_view MemoKey(std::string_view lower) const;
  // The same with `hash` = HashBytes(lower) made by the caller (ScannedText
  // hashes a word once for its own table and this one).
  std::string_view MemoKey(std::string_view lower, std::uint64_t hash) const;
  // Spellings with `hash` = HashBytes(lower) made by the caller (AddWording,
  // which prefetches the memo's slots a few words ahead, as ScannedText
  // does TermKey's: terms.cpp).
  Spelled Spellings(std::string_view lower, std::uint64_t hash) const;

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
  // KeyOf's pre-tests (a word that fails one is in no table it guards:
  // most of the words KeyOf computes are in none): `listed_` holds every
  // word of stop_, negation_, forms_, british_ and same_ (each added with
  // it), `clitic_byte_` is a byte every clitic ending holds (0: none is
  // shared, no pre-test).
  WordFilter listed_;
  char clitic_byte_ = 0;
  TermConfig config_;
  friend class ScannedText;
  // Set once the constructor is done (from 1, never reused): TermKey's
  // per-thread memo keeps keys of this lexicon only (terms.cpp).
  std::uint64_t serial_ = 0;
};

// The bytes a scan's words' `lower` views point into (ScanWords): one
// buffer per scan, not a std::string per word (the figures and terms read
// every word of every document). A scan into it replaces the letters of
// the scan before (whose views go stale); moving it keeps them where they are.
class WordLetters {
 public:
  // Room for n bytes (uninitialised), the buffer reused when large enough.
  char* Reserve(std::size_t n) {
    if (n > size_) {
      bytes_ = std::make_unique_for_overwrite<char[]>(n);
      size_ = n;
    }
    return bytes_.get();
  }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
};

// A word of `text` as the scanners of this folder read it: letters and
// digits with internal apostrophes (’ or '), hyphens and, between digits,
// commas and periods. `lower` is lower case with ’ as ': a view of the
// WordLetters given to ScanWords (valid while they live and take no other scan).
struct RawWord {
  Span span;
  std::string_view lower;
  bool cap = false;             // first letter upper case
  bool all_caps = false;        // two or more letters, all upper case
  bool sentence_start = false;  // first word of the text or after . ! ? : or a quote mark
  bool hyphen = false;          // a '-' inside (only without split_hyphens)
  bool digit = false;           // an ASCII digit in `lower` (ScanWords only)
};
std::vector<RawWord> ScanWords(std::string_view text, bool split_hyphens, WordLetters& letters);
// ScanWords' words (spans, lower, cap, hyphen) with sentence_start,
// all_caps and digit false, for a reader of none of them (the figures read every word of
// every document): the same words, less work a word.
std::vector<RawWord> ScanWordsBare(std::string_view text, bool split_hyphens, WordLetters& letters);
// The same words into `out` (emptied first, its storage kept: a caller that
// scans text after text reuses the pages of the last).
void ScanWordsBare(std::string_view text, bool split_hyphens, WordLetters& letters,
                   std::vector<RawWord>& out);
// A test of a word's first byte and size a scan asks of every word as it
// reads it (its letters still at hand), so that a reader looking for a few
// words does not pass over all of them again: a word passes when bit
// min(its size, 31) of sizes[its first lower-case byte] is set, or when it
// holds a hyphen and sizes[that byte] is not 0.
struct FirstByteSizes {
  std::array<std::uint32_t, 256> sizes{};
  static std::uint32_t SizeBit(std::size_t n) { return std::uint32_t{1} << (n < 31 ? n : 31); }
  bool Passes(std::string_view lower, bool hyphen) const {
    const std::uint32_t s = sizes[static_cast<unsigned char>(lower[0])];
    return (s & SizeBit(lower.size())) != 0 || (hyphen && s != 0);
  }
};
// ScanWordsBare into `out`, with `passing` the numbers of the words (none
// empty) that pass `filter`, in order (emptied first, its storage kept).
void ScanWordsBare(std::string_view text, bool split_hyphens, WordLetters& letters,
                   std::vector<RawWord>& out, const FirstByteSizes& filter,
                   std::vector<std::uint32_t>& passing);

// One text's words scanned once (ScanWords, split_hyphens) with each
// word's term key: the terms of the whole text and those of a span of it
// without scanning all of the span again (the claims stage reads a
// document's terms and then each of its quotes'). Where the span cuts a
// word of the text (its pieces are laid end to end) only the words at its
// ends are scanned again, from the span's end to the first word they share
// with the text's.
//
// Contract: WordsOf(span) are the words ScanWords(text.substr(span), true)
// reads (spans into the whole text; lower a view valid until the next
// WordsOf), each with its term key; ForEachTerm(words, f) gives what the
// lexicon's ForEachTerm of that text gives, Words(words, span.begin) what
// its Words gives. Each distinct key has an id (0, 1, … in order of first
// use: Key(id) its text), stable for the object's life; keys are copies
// (no view of the lexicon's memo). One object per thread.
//
// Example
//   ScannedText doc(lexicon, "They said: \"We will march.\"");
//   doc.ForEachTerm(doc.WordsOf({12, 26}), [&](std::uint32_t id, std::string_view key,
//                                               bool proper) { ... });   // march
class ScannedText {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Word {
    Span span;                  // into the whole text
    std::string_view lower;     // RawWord::lower
    std::uint32_t key = kNone;  // kNone: a dropped word
    bool cap = false, all_caps = false, sentence_start = false;
    bool counted = false;  // counts toward TitleCase: headline_letters or more, no digit
    std::uint32_t doc_word =
        kNone;  // its index among the whole text's words (kNone: scanned again)
  };

  ScannedText(const TermLexicon& lexicon, std::string_view text);

  // The words of text.substr(span) (clamped to the text).
  const std::vector<Word>& WordsOf(Span span);
  // f(id, key, proper) for each term of the words (ForEachTerm).
  template <class F>
  void ForEachTerm(const std::vector<Word>& words, F&& f) const {
    const bool title = TitleCase(words);
    for (const Word& w : words) {
      if (w.key == kNone) continue;
      const bool proper = (w.all_caps || (w.cap && !w.sentence_start && !title)) && !not_[w.key];
      f(w.key, std::string_view(keys_[w.key]), proper);
      if (rounded_[w.key] != kNone)
        f(rounded_[w.key], std::string_view(keys_[rounded_[w.key]]), false);
    }
  }
  // The letters and the number of the terms ForEachTerm(words, ·) gives
  // (a list of them sized before it is filled).
  std::pair<std::size_t, std::size_t> TermsSize(const std::vector<Word>& words) const {
    std::size_t bytes = 0, count = 0;
    for (const Word& w : words) {
      if (w.key == kNone) continue;
      bytes += keys_[w.key].size();
      ++count;
      if (rounded_[w.key] != kNone) {
        bytes += keys_[rounded_[w.key]].size();
        ++count;
      }
    }
    return {bytes, count};
  }
  // lexicon.Words of the text the words are of, spans from `origin`.
  std::vector<SpelledWord> Words(const std::vector<Word>& words, std::size_t origin) const;
  // Whether lexicon.TermKey(word) is a content term: neither dropped nor
  // `not` (a word of the text looked up in its own table).
  bool ContentTerm(std::string_view word) {
    const std::uint32_t id = KeyOfWord(word);
    return id != kNone && !not_[id];
  }
  // For each of Words(words, ·) in order: wording.Add(key, ContentTerm(key))
  // (a direct quote's wording: ItemFeatures), from the lexicon's Spellings.
  void AddWording(const std::vector<Word>& words, PackedWords& wording);
  // How often the whole text uses each key (by id): ForEachTerm's count.
  std::vector<int> KeyUses() const;

  std::size_t keys() const { return keys_.size(); }
  const std::string& Key(std::uint32_t id) const { return keys_[id]; }
  // The id of `key`, or `none` when no word read so far has it.
  std::uint32_t Find(std::string_view key, std::uint32_t none) const;
  const TermLexicon& lexicon() const { return lexicon_; }
  std::size_t size() const { return text_.size(); }  // the text's bytes

 private:
  std::uint32_t Id(std::string_view key);
  std::uint32_t Id(std::string_view key, std::uint64_t hash);  // hash = HashBytes(key)
  // A word's key id (kNone: dropped); `word`: its index in words_ when one
  // of the text's (then kept for the words after it with its spelling).
  std::uint32_t KeyOfWord(std::string_view lower, std::size_t word = SIZE_MAX);
  std::uint32_t KeyOfWord(std::string_view lower, std::uint64_t hash,
                          std::size_t word);        // hash = HashBytes(lower)
  Word Made(const RawWord& w, std::size_t offset);  // a word scanned again (offset: its text's)
  Word Doc(std::size_t k) const;                    // the text's word k
  Word Of(const RawWord& w, Span span, std::uint32_t key) const;  // Made's and Doc's common part
  bool TitleCase(const std::vector<Word>& words) const;
  // Whether word k, the first of a span from `begin`, starts a sentence there.
  bool StartsSentence(std::size_t begin, std::size_t k) const;
  const std::vector<Word>& Rescanned(Span span);  // the span scanned again, whole

  const TermLexicon& lexicon_;
  std::string_view text_;
  WordLetters letters_, head_letters_, tail_letters_;  // words_', head_'s, tail_'s
  std::vector<RawWord> words_;
  std::vector<std::uint32_t> word_keys_;  // by word of the text: its key id
  std::vector<std::string> keys_;
  std::vector<std::uint32_t> rounded_;  // by key: its Rounded key's id, or kNone
  std::vector<char> not_;               // by key: `not`
  // Open addressing over ids, probed with a view (no key copied): a slot
  // holds 32 bits of the key's HashBytes and 1 + the id (0: empty).
  std::vector<std::uint64_t> key_slots_;   // key → id (keys_)
  std::vector<std::uint64_t> word_slots_;  // lower case → the first word of words_ with it
  std::vector<std::uint64_t> hashes_;      // by word of the text: HashBytes of its lower case
  std::vector<RawWord> head_, tail_;       // WordsOf's words scanned again
  std::vector<Word> out_;                  // WordsOf's
};

}  // namespace whosaid::claims
