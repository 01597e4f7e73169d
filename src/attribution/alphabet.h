// whosaid::attribution::ShapeAlphabet, EnglishWords — the classes of shape
// symbols the attribution code tests, by name, as rules/shape_classes.txt
// defines them (the symbols are listed at the top of rules/frames.txt), and
// the English words and endings it tests, as rules/english.txt names them.
// Loaded once by the Lexicon (ShapeBuilder, SpeakerReader, Coref and
// AttributionPolicy reach them there); Frames loads its own alphabet.
//
// Contract: every field is the class of the same name in the file; a class
// missing from the file throws ConfigError naming the file and the class
// (core/classes.h), so the code never runs with a class it does not have.
//
// Example
//   if (lexicon.alphabet().org_premodifier.Has(units[b - 1].symbol)) --b;
#pragma once

#include <string>

#include "core/classes.h"
#include "core/rules.h"

namespace whosaid::attribution {

struct ShapeAlphabet {
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
  char sentence_end = 0;
  char full_stop = 0;
  char quotation = 0;

  // Reads rules/shape_classes.txt.
  static ShapeAlphabet Load(const rules::RuleSet& rules);
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

  // Reads rules/english.txt.
  static EnglishWords Load(const rules::RuleSet& rules);
};

}  // namespace whosaid::attribution
