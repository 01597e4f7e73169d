// whosaid::attribution::ShapeAlphabet — the classes of shape symbols the
// attribution code tests, by name, as rules/shape_classes.txt defines them
// (the symbols are listed at the top of rules/frames.txt). Loaded once by
// the Lexicon (ShapeBuilder, SpeakerReader, Coref and AttributionPolicy
// reach it there) and by Frames.
//
// Contract: every field is the class of the same name in the file; a class
// missing from the file throws ConfigError naming the file and the class
// (core/symbols.h), so the code never runs with a class it does not have.
//
// Example
//   if (lexicon.alphabet().org_premodifier.Has(units[b - 1].symbol)) --b;
#pragma once

#include "core/rules.h"
#include "core/symbols.h"

namespace whosaid::attribution {

struct ShapeAlphabet {
  // coref.cpp
  rules::SymbolSet name_premodifier;   // a mention takes these in before a name
  rules::SymbolSet apposition_before;  // the noun phrase before ", NAME"
  rules::SymbolSet apposition_stop;    // no apposition runs over these
  rules::SymbolSet org_premodifier;    // an organisation mention takes these in
  // shape.cpp
  rules::SymbolSet noun_opener;   // a cue word after these is a noun
  rules::SymbolSet noun_end;      // a word in -s after these reads as a verb
  rules::SymbolSet object_taker;  // a noun right after these is an object
  // frames.cpp
  rules::SymbolSet finite_cue;      // a coordinated finite cue ends an object
  rules::SymbolSet head_end;        // a speaker's head ends at these
  rules::SymbolSet cue_gap;         // may stand between a speaker and its cue
  rules::SymbolSet clause_subject;  // a past-tense word after these may be a verb …
  rules::SymbolSet clause_object;   // … when one of these follows it
  rules::SymbolSet speaker_word;    // a speaker holding one of these names somebody
  // policy.cpp
  rules::SymbolSet continued_quote;  // an unclaimed quotation that may continue a speaker
  rules::SymbolSet boundary;         // sentence or paragraph end
  char sentence_end = 0;
  char full_stop = 0;
  char quotation = 0;

  // Reads rules/shape_classes.txt.
  static ShapeAlphabet Load(const rules::RuleSet& rules);
};

}  // namespace whosaid::attribution
