// whosaid::attribution::ShapeBuilder — turns a document's tokens into units
// and the shape string the attribution frames (rules/frames.txt) match.
//
// A unit is one token, a multi-word cue (pointed out, according to, in a
// statement), or a whole top-level quotation. Each unit has one symbol of the
// shape alphabet (defined in rules/shape_classes.txt, read by name through
// attribution/alphabet.h; explained at the top of rules/frames.txt). Sentence
// ends (sentence_end, '|') and paragraph ends (paragraph_end, '/') are in the
// string but belong to no unit; the string starts and ends with a paragraph
// end. A run of more than max_sentence_units units without a sentence end gets
// one inserted so frame matching stays linear.
//
// Names are read whole (rules/particles.txt): a lower-case particle joined to
// a capital (al-Tamimi) or standing between two name words (bin, van) is N;
// a lone apostrophe between two name words joins the name word before it
// (Shia' al-Kaabi); a short capitalised quotation right after a name, not
// after a describe cue, is an N unit marked `nickname` (Nasir Omar “Abu
// Layla” said). An all-capitals object pronoun is a name (US). A comma
// that ends a quotation's words (“… time,” days after) is a ',' unit of its
// own, with the closing mark: the quotation unit ends before it.
//
// Example
//   “A b c d,” he said.  →  "/Q,PV./"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "attribution/lexicon.h"
#include "quotes/scanner.h"
#include "segment/tokenizer.h"

namespace whosaid::attribution {

struct Unit {
  std::size_t first = 0;     // first token
  std::size_t end = 0;       // one past the last token
  char symbol = 0;           // a ShapeSymbols character, set by the builder
  const Cue* cue = nullptr;  // for cue units
  bool participle = false;
  int quote = -1;        // index into the quotations, for Q and q units
  bool verbish = false;  // looks like a finite verb (aux, -ed, or -s after a noun)
  // a lower-case word ending in -ed (not hyphenated) or an irregular past
  // (words.txt class past): a verb when it opens a clause
  bool past = false;
  bool nickname = false;  // an N unit that is a short quotation after a name (“Abu Layla”)
  bool passive = false;   // a finite cue after a form of "be" (are considered, was told)
};

struct Shape {
  Shape() = default;
  // Gives its storage (symbols, unit_at, units, pos_of) to the thread's next
  // ShapeBuilder::Run (shape.cpp: Spare); the answers never depend on it.
  ~Shape();
  Shape(const Shape&) = default;
  Shape& operator=(const Shape&) = default;
  Shape(Shape&&) = default;
  Shape& operator=(Shape&&) = default;

  std::string symbols;       // the shape string
  std::vector<int> unit_at;  // symbol position → unit index; -1 for | and /
  std::vector<Unit> units;
  std::vector<std::size_t> pos_of;  // unit index → symbol position
};

struct ShapeConfig {
  std::size_t min_quote_words = 4;         // shorter quotations are q (scare quotes, titles)
  std::size_t max_sentence_units = 250;    // longer runs are cut (keeps matching linear)
  std::size_t min_title_words = 4;         // a headline has at least this many words …
  std::size_t title_case_percent = 80;     // … and at least this share of them capitalised
  std::size_t max_cue_words = 6;           // words a cue or nominal cue phrase is looked up in
  std::size_t max_nickname_words = 3;      // a capitalised quotation after a name: a nickname
  std::size_t max_be_adverb_units = 3;     // an adverb or "not" between "be" and a passive cue
                                           // ("is not often said") stands this near the cue
  std::size_t min_quoted_title_words = 2;  // a quotation of this many words, this many
                                           // capitalised and the rest function words, is a
                                           // title ("Make Tarsa Great"): q, even with a comma
};

class ShapeBuilder {
 public:
  // The lexicon is the rule set's shared one (rules.Shared<Lexicon>()).
  ShapeBuilder(const ShapeConfig& config, const rules::RuleSet& rules);

  Shape Run(std::string_view text, const segment::Tokens& tokens,
            const std::vector<quotes::Quotation>& quotations) const;

  // The symbol of one word token (no multi-word cues), for tests and coref.
  // Lower-case words ending in -ing that are in no list are gerunds (sym.gerund).
  char WordSymbol(std::string_view word, bool cap, bool sentence_initial, bool next_cap) const;

 private:
  ShapeConfig config_;
  const Lexicon& lexicon_;
};

}  // namespace whosaid::attribution
