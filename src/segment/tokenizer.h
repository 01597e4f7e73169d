// whosaid::segment::Tokenizer — words, numbers, punctuation and sentences.
//
// Input: the text, its paragraphs, and the byte offsets of the characters the
// quote scanner used as quote marks. Output: tokens (byte spans into the
// text) with their kind and case, and sentences as token ranges.
//
// Tokens
//   word        letters/digits with internal hyphens (Harakat-e-Ansar) and
//               internal apostrophes (O’Brien, don’t); dotted abbreviations
//               such as U.S. or U.N. are one word;
//   number      digits with internal , or . (6,000; 2.5);
//   possessive  ’s / 's (‘s written for it) after a word, and a lone ’ after
//               a plural (victims’) when it is not a quote mark;
//   quote       a character the scanner used as a quote mark;
//   punct       any other single character.
// Sentences end after . ! ? … (and any closing marks or brackets after them)
// when the next token starts a sentence (capital, digit, opening mark) or the
// paragraph ends — not after an abbreviation from rules/abbreviations.txt
// (Mr., Gen., Dec.) or a single capital initial (John F. Kennedy). A paragraph
// end always ends a sentence.
//
// Each token's lower case is kept with them (Tokens::Lowered).
//
// Example
//   "Soomro said. He left." → tokens Soomro|said|.|He|left|. ; sentences [0,3) [3,6)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/flat_map.h"
#include "core/record.h"
#include "core/rules.h"
#include "segment/paragraphs.h"

namespace whosaid::segment {

enum class TokenKind : std::uint8_t { kWord, kNumber, kPossessive, kQuote, kPunct };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kPunct;
  bool cap = false;       // first letter is upper case (or title case)
  bool all_caps = false;  // TokenizerConfig::all_caps_letters or more letters, all upper case
  bool hyphen = false;    // an ASCII hyphen-minus inside the word or number (al-Masri, 2-1)
  std::uint32_t paragraph = 0;
  std::uint32_t sentence = 0;
};

struct Sentence {
  std::size_t first = 0;  // first token
  std::size_t end = 0;    // one past the last token
};

struct Tokens {
  Tokens() = default;
  // Gives its storage (tokens, lowered, lowered_at) to the thread's next
  // Tokenizer::Run (tokenizer.cpp: Spare); the answers never depend on it.
  ~Tokens();
  Tokens(const Tokens&) = default;
  Tokens& operator=(const Tokens&) = default;
  Tokens(Tokens&&) = default;
  Tokens& operator=(Tokens&&) = default;

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Paragraph p covers tokens [paragraph_first[p], paragraph_first[p+1]).
  std::vector<std::size_t> paragraph_first;
  // Every token lower-cased once (Lower), one after another in one buffer:
  // the shape builder, the name mentions and the event words read token i's
  // as Lowered(i) instead of each lower-casing it again.
  std::string lowered;
  std::vector<std::size_t> lowered_at;  // token i: [lowered_at[i], lowered_at[i + 1])
  std::string_view Lowered(std::size_t i) const {
    return std::string_view(lowered).substr(lowered_at[i], lowered_at[i + 1] - lowered_at[i]);
  }
};

struct TokenizerConfig {
  // A word is all capitals (Token::all_caps: an acronym, a shouted headline)
  // when it has at least this many letters and every one is upper case; a
  // lone capital ("A", an initial) is not.
  int all_caps_letters = 2;
};

class Tokenizer {
 public:
  // Compiles rules/abbreviations.txt; throws ConfigError on a bad entry.
  Tokenizer(const TokenizerConfig& config, const rules::RuleSet& rules);

  // `quote_marks` must be sorted (quotes::Scanner::Result::mark_positions).
  // `quote_spans` are the top-level quotations (outer spans, sorted): no
  // sentence ends inside one except where its own words end a sentence and
  // the closing mark is followed by a new sentence.
  Tokens Run(std::string_view text, const std::vector<Paragraph>& paragraphs,
             const std::vector<std::size_t>& quote_marks,
             const std::vector<Span>& quote_spans) const;

  bool IsAbbreviation(std::string_view lower_word) const;
  // IsAbbreviation(Lower(word)) for a word as written (any case).
  bool WritesAbbreviation(std::string_view word) const;
  const TokenizerConfig& config() const { return config_; }

 private:
  TokenizerConfig config_;
  FlatSet abbreviations_;                 // lower case, without the final dot
  std::size_t longest_abbreviation_ = 0;  // bytes
};

// Lower-cases a word (full Unicode case mapping).
std::string Lower(std::string_view word);
// Appends Lower(word) to `out` (no allocation when `out` has room).
void AppendLower(std::string& out, std::string_view word);

// The character starting at byte `i` of `word` is upper or title case.
bool IsUpperAt(std::string_view word, std::size_t i);

}  // namespace whosaid::segment
