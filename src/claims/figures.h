// whosaid::claims::FigureExtractor — the figures a document states about an
// event: `at least 46 people` killed, `forty-six civilians`, `dozens of
// fighters`, `no casualties`, `more than 1,500 troops` — each with its value,
// its qualifier, what it counts (the measure) and the quote record (hence
// the speaker) that states it, if any.
//
// Input: a document's text and its quote records (byte spans). Output: its
// figures in text order. Pure: a function of the text, the records and the
// rules (rules/claims/figures.txt), safe on any thread; linear in the text.
//
// What is a figure
//   A number — digits (`1,018`, `1.5 million`), number words (`forty-six`,
//   `two hundred`), a vague plural (`dozens`, `hundreds of`: value 24, 200
//   with that word as qualifier), or nothing (`no one`, `no casualties`:
//   0) — with, within `window` words and no punctuation between,
//     * a counted noun after it (`people`, `civilians`, `troops`, `bodies`),
//     * and/or an outcome before or after it (`killed`, `were wounded`,
//       `shot down`) or a toll earlier in its sentence (`the death toll rose
//       to 1,018`).
//   measure = the group and the outcome: `killed` (people), `civilians
//   killed`, `security forces wounded`, `seriously wounded`, `drones shot
//   down`; a group that counts on its own (`80,000 fighters`, `thousands of
//   protesters`) is its own measure. Numbers beside a unit (`12 years`,
//   `40 percent`, `$5`), a month (`15 April`, `Dec. 2`), a time (`12:55`),
//   a slash (`9/11`) and bare years are never figures.
//   A figure after `including` with the measure of an earlier figure of its
//   sentence is a sub-count (a bare number there takes that measure).
//
// Example
//   FigureExtractor fx(ExtractorConfig{}, *rules);
//   fx.Run("Clashes killed at least 46 people.", {})
//     → {{value 46, qualifier "at least", measure "killed", text "at least 46 people"}}
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/figure.h"
#include "core/record.h"
#include "core/rules.h"

namespace whosaid::claims {

// What a figure is is rules/claims/figures.txt; these bound how it is read.
struct ExtractorConfig {
  // A bare four-digit number in this range, with no group or outcome, is a
  // year ("in 1998"), never a figure.
  int min_bare_year = 1800;
  int max_bare_year = 2100;
  // The text is read in pieces of at most this many bytes, cut at a line end
  // (or a blank), so working memory stays small whatever the document.
  std::size_t chunk_bytes = std::size_t{1} << 16;
  // A qualifier ("at least", "more than") or an alongside phrase is looked
  // for in this many words right before a figure.
  std::size_t before_phrase_words = 4;
};

class FigureExtractor {
 public:
  // Compiles rules/claims/figures.txt; throws ConfigError ("file:line: …").
  FigureExtractor(const ExtractorConfig& config, const rules::RuleSet& rules);
  ~FigureExtractor();
  FigureExtractor(const FigureExtractor&) = delete;
  FigureExtractor& operator=(const FigureExtractor&) = delete;

  std::vector<Figure> Run(std::string_view text, const std::vector<QuoteRecord>& records) const;

  struct Lexicon;  // defined in the .cpp

 private:
  std::unique_ptr<Lexicon> lex_;
};

}  // namespace whosaid::claims
