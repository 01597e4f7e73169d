#include "attribution/policy.h"

#include <doctest/doctest.h>

#include <string>

#include "../support/pipeline_fixture.h"

namespace whosaid {
namespace {

// The rules of a document's records, in text order, joined by blanks.
std::string Rules(const std::string& text) {
  std::string out;
  for (const QuoteRecord& q : testing::RunOn(text).quotes) {
    if (!out.empty()) out += ' ';
    out += q.rule;
  }
  return out;
}

TEST_SUITE("attribution") {
  TEST_CASE("continuations: a split quote's second half, a quotation paragraph after a speaker's") {
    struct Row {
      std::string text, rules;
    } rows[] = {
        {"“The bridge opens in May,” Lena Korhonen said, sipping her tea. “Traffic will ease in "
         "the summer.”",
         "q_spk_cue split_quote"},  // the second half, after an interruption
        {"“The bridge opens in May and traffic will ease,” said Lena Korhonen.\n\n“Nobody "
         "expected the delay of the bridge.”",
         "q_cue_spk continuation"},  // the next paragraph, only a quotation
        {"“The bridge opens in May and traffic will ease,” said Lena Korhonen.\n\nThe mayor was "
         "not there.\n\n“Nobody expected the delay of the bridge.”",
         "q_cue_spk"},  // a paragraph between: none
        {"Lena Korhonen spoke to the press. “The bridge opens in May and traffic will ease.”",
         ""},  // no claim before it: none
        {"“The bridge opens in May,” Lena Korhonen said. “Traffic will ease.”\n\n“Nobody "
         "expected the delay.”\n\nKorhonen said the budget had grown.",
         "q_spk_cue spk_cue_then_q continuation spk_cue_bare"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CHECK(Rules(r.text) == r.rules);
    }
  }
}

}  // namespace
}  // namespace whosaid
