#include "attribution/alphabet.h"

namespace whosaid::attribution {

ShapeAlphabet ShapeAlphabet::Load(const rules::RuleSet& rules) {
  auto c = rules::Classes::Read(rules.File("shape_classes.txt"));
  ShapeAlphabet a;
  a.name_premodifier = c.Symbols("name_premodifier");
  a.apposition_before = c.Symbols("apposition_before");
  a.apposition_stop = c.Symbols("apposition_stop");
  a.org_premodifier = c.Symbols("org_premodifier");
  a.noun_opener = c.Symbols("noun_opener");
  a.noun_end = c.Symbols("noun_end");
  a.object_taker = c.Symbols("object_taker");
  a.clause_opener = c.Symbols("clause_opener");
  a.share_part = c.Symbols("share_part");
  a.finite_cue = c.Symbols("finite_cue");
  a.head_end = c.Symbols("head_end");
  a.cue_gap = c.Symbols("cue_gap");
  a.clause_subject = c.Symbols("clause_subject");
  a.clause_object = c.Symbols("clause_object");
  a.speaker_word = c.Symbols("speaker_word");
  a.auxiliary = c.Symbols("auxiliary");
  a.clause_marker = c.Symbols("clause_marker");
  a.continued_quote = c.Symbols("continued_quote");
  a.boundary = c.Symbols("boundary");
  a.sentence_end = c.Symbol("sentence_end");
  a.full_stop = c.Symbol("full_stop");
  a.quotation = c.Symbol("quotation");
  return a;
}

EnglishWords EnglishWords::Load(const rules::RuleSet& rules) {
  auto c = rules::Classes::Read(rules.File("english.txt"));
  EnglishWords e;
  e.gerund_ending = c.Word("gerund_ending");
  e.past_ending = c.Word("past_ending");
  e.verb_s_ending = c.Word("verb_s_ending");
  e.not_verb_s_ending = c.Word("not_verb_s_ending");
  e.past_say = c.Word("past_say");
  e.article = c.Word("article");
  return e;
}

}  // namespace whosaid::attribution
