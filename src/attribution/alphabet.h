// whosaid::attribution::ShapeAlphabet, EnglishWords — the shape alphabet as
// rules/shape_classes.txt defines it, once: every symbol by its name
// (ShapeSymbols: `sym.number` is '#'), the classes of symbols the attribution
// code tests, the symbol of each words.txt class and of each cues.txt class;
// and the English words and endings the code tests, as rules/english.txt
// names them. Loaded once by the Lexicon (ShapeBuilder, SpeakerReader, Coref
// and AttributionPolicy reach them there); Frames loads its own alphabet.
//
// Contract: every field is the class of the same name in the file; a class
// missing from the file throws ConfigError naming the file and the class
// (core/classes.h), so the code never runs with a class it does not have.
// Two symbols written with the same character, and a "word." or "cue." line
// naming no symbol, throw ConfigError too.
//
// Example
//   const ShapeAlphabet& abc = lexicon.alphabet();
//   if (abc.org_premodifier.Has(units[b - 1].symbol)) --b;
//   if (unit.symbol == abc.sym.name) ...                 // 'N'
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/classes.h"
#include "core/rules.h"

namespace whosaid::attribution {

// One field per symbol of the alphabet: the character the shape string writes
// for that kind of unit (rules/shape_classes.txt, "The symbols").
struct ShapeSymbols {
  char quotation = 0, short_quotation = 0, lower_quotation = 0;                 // Q q W
  char nominal_cue = 0;                                                         // S
  char say = 0, say_ing = 0, tell = 0, tell_ing = 0;                            // V v T U
  char according = 0, call_for = 0, call_for_ing = 0;                           // A C c
  char describe = 0, describe_ing = 0, belief = 0, belief_ing = 0, appear = 0;  // L l B b Y
  char subject_pronoun = 0, object_pronoun = 0;                                 // P p
  char name = 0, role = 0, title = 0, org_head = 0, source = 0;                 // N R H O G
  char determiner = 0, possessive_determiner = 0, possessive = 0;               // D d s
  char that = 0, of = 0, for_ = 0, preposition = 0, to = 0, as = 0;             // t o f e i m
  char conjunction = 0, wh = 0, wh_clause = 0, subordinator = 0;                // a w h u
  char aux = 0, adverb = 0, negation = 0, including = 0, when = 0;              // x y z n j
  char word = 0, gerund = 0, number = 0;                                        // k g #
  char comma = 0, full_stop = 0, colon = 0, semicolon = 0, dash = 0;            // , . : ; -
  char open_bracket = 0, close_bracket = 0, other = 0;                          // ( ) X
  char sentence_end = 0, paragraph_end = 0;                                     // | /

  // Reads every symbol from `classes`; throws ConfigError on a missing one or
  // two written alike.
  static ShapeSymbols Load(const rules::Classes& classes);
  // The symbol of a name ("number" → '#'), or 0 when no symbol has it.
  char Named(std::string_view name) const;
  // The name of a symbol ('#' → "number"), or "" when it is none.
  std::string_view NameOf(char symbol) const;
};

struct ShapeAlphabet {
  ShapeSymbols sym;  // every symbol by name

  // coref.cpp
  rules::SymbolSet name_premodifier;   // a mention takes these in before a name
  rules::SymbolSet apposition_before;  // the noun phrase before ", NAME"
  rules::SymbolSet apposition_stop;    // no apposition runs over these
  rules::SymbolSet org_premodifier;    // an organisation mention takes these in
  // shape.cpp
  rules::SymbolSet noun_opener;    // a cue word after these is a noun
  rules::SymbolSet noun_end;       // a word in -s after these reads as a verb
  rules::SymbolSet object_taker;   // a noun right after these is an object
  rules::SymbolSet clause_opener;  // a quantifier after these opens a clause
  rules::SymbolSet share_part;     // the count before a share's "in"
  // frames.cpp
  rules::SymbolSet finite_cue;      // a coordinated finite cue ends an object
  rules::SymbolSet head_end;        // a speaker's head ends at these
  rules::SymbolSet cue_gap;         // may stand between a speaker and its cue
  rules::SymbolSet clause_subject;  // a past-tense word after these may be a verb …
  rules::SymbolSet clause_object;   // … when one of these follows it
  rules::SymbolSet speaker_word;    // a speaker holding one of these names somebody
  rules::SymbolSet auxiliary;       // before a source-less cue: it must be passive
  rules::SymbolSet clause_marker;   // content at or after these follows a cue's own quotation
  // policy.cpp
  rules::SymbolSet continued_quote;  // an unclaimed quotation that may continue a speaker
  rules::SymbolSet boundary;         // sentence or paragraph end

  // The symbol of a words.txt class ("word.CLASS | SYMBOL-NAME"), or 0.
  char WordClassSymbol(std::string_view words_class) const;
  // The finite and -ing symbols of a cues.txt class ("cue.CLASS | FINITE,
  // ING" or one name for both); throws ConfigError when the file has none.
  std::pair<char, char> CueClassSymbols(std::string_view cue_class) const;

  // Reads rules/shape_classes.txt.
  static ShapeAlphabet Load(const rules::RuleSet& rules);

 private:
  void ReadNamedClasses(const rules::Classes& classes);

  std::string file_;
  std::map<std::string, char, std::less<>> word_classes_;
  std::map<std::string, std::pair<char, char>, std::less<>> cue_classes_;
};

// The English words and endings the attribution code tests by their part in
// a sentence, as rules/english.txt names them (same contract).
struct EnglishWords {
  std::string gerund_ending;      // an -ing form (g; a participle cue)
  std::string past_ending;        // a past form (Unit::past, verbish)
  std::string verb_s_ending;      // after a noun, a finite verb …
  std::string not_verb_s_ending;  // … unless it ends so
  std::string past_say;           // a cue word already past
  std::string article;            // the definite article
  // How long a word must be for its ending to make it that form (bytes):
  std::size_t gerund_min_length = 0;   // an -ing form (5: speaking, not sing)
  std::size_t past_min_length = 0;     // a past form, Unit::past (5: opened, not shed)
  std::size_t finite_min_stem = 0;     // before -ed/-s of a finite verb after a noun (3)
  std::size_t agreement_min_stem = 0;  // before -s/-ed of a quantifier's verb (2)

  // Reads rules/english.txt.
  static EnglishWords Load(const rules::RuleSet& rules);
};

}  // namespace whosaid::attribution
