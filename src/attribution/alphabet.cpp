#include "attribution/alphabet.h"

namespace whosaid::attribution {

ShapeAlphabet ShapeAlphabet::Load(const rules::RuleSet& rules) {
  auto c = rules::SymbolClasses::Read(rules.File("shape_classes.txt"));
  ShapeAlphabet a;
  a.name_premodifier = c.Get("name_premodifier");
  a.apposition_before = c.Get("apposition_before");
  a.apposition_stop = c.Get("apposition_stop");
  a.org_premodifier = c.Get("org_premodifier");
  a.noun_opener = c.Get("noun_opener");
  a.noun_end = c.Get("noun_end");
  a.object_taker = c.Get("object_taker");
  a.finite_cue = c.Get("finite_cue");
  a.head_end = c.Get("head_end");
  a.cue_gap = c.Get("cue_gap");
  a.clause_subject = c.Get("clause_subject");
  a.clause_object = c.Get("clause_object");
  a.speaker_word = c.Get("speaker_word");
  a.continued_quote = c.Get("continued_quote");
  a.boundary = c.Get("boundary");
  a.sentence_end = c.Single("sentence_end");
  a.full_stop = c.Single("full_stop");
  a.quotation = c.Single("quotation");
  return a;
}

}  // namespace whosaid::attribution
