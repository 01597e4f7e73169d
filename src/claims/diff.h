// whosaid::claims::DiffWords — where two direct quotes of one statement
// differ in their words (a misquote, or two translations), beyond spelling:
// case, quote marks, apostrophes and British/American spellings
// (TermLexicon::Words) do not count.
//
// Contract
//   The words of `a` and `b` are aligned by their longest common
//   subsequence of spelling keys; every maximal run of unaligned words is one
//   change, given as the text of `a` and of `b` it covers (byte spans into
//   each, widened by `context` aligned words on either side so that a reader
//   sees where it stands). Words that only one side has before the first or
//   after the last shared word are a shorter excerpt, not a change.
//   Quotes longer than `max_words` words are compared on their first
//   max_words only (cost max_words²). No change: the two say the same words.
//
// Example
//   DiffWords("This will not go unanswered", "This will not remain unanswered", lexicon)
//   → {{a: "not go unanswered", b: "not remain unanswered"}}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claims/terms.h"
#include "core/claims_result.h"

namespace whosaid::claims {

std::vector<WordChange> DiffWords(std::string_view a, std::string_view b,
                                  const TermLexicon& lexicon, std::size_t context = 1,
                                  std::size_t max_words = 400);

}  // namespace whosaid::claims
