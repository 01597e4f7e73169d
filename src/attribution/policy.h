// whosaid::attribution::AttributionPolicy — what the frames' claims become:
// the quotations no frame claimed that continue a quoted speaker, and one
// quote record per claim (its kind, span, cue, speaker and confidence), with
// the claims that are no speech (an article's dateline) left out.
//
// Contract: built once from its config and the speaker reader whose places
// it consults; immutable and thread-safe. It reads a window as the steps
// before it left it (Analysed: the text, the quotations, the tokens and the
// shape string) and never changes it.
//
// Example
//   AttributionPolicy policy(AttributionConfig{}, rules);
//   claims = policy.WithContinuations(a, std::move(claims));
//   ... resolve each claim's speaker (Coref) ...
//   if (auto r = policy.Record(a, claims[i], resolved[i])) records.push_back(*r);
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "attribution/coref.h"
#include "attribution/frames.h"
#include "attribution/shape.h"
#include "attribution/speaker.h"
#include "core/record.h"
#include "quotes/scanner.h"
#include "segment/paragraphs.h"
#include "segment/tokenizer.h"

namespace whosaid::attribution {

struct AttributionConfig {
  // A record's confidence by what gave it: a quote frame (the words inside
  // the marks) 0.9; content holding a quotation (mixed) 0.85; reported
  // speech (indirect) 0.75; a quotation attributed only as the next
  // paragraph of the speaker's previous quotation ("continuation") 0.7.
  double direct_confidence = 0.9;
  double mixed_confidence = 0.85;
  double indirect_confidence = 0.75;
  double continuation_confidence = 0.7;
  // Taken off when the speaker is a pronoun coreference found no name for.
  double unnamed_pronoun_penalty = 0.2;
};

// One window (or document) as the steps before attribution read it.
struct Analysed {
  std::string_view text;
  std::vector<segment::Paragraph> paragraphs;
  quotes::Scanner::Result quotes;
  segment::Tokens tokens;
  Shape shape;

  // The bytes units [r.begin, r.end) cover.
  Span Bytes(UnitRange r) const {
    return {tokens.tokens[shape.units[r.begin].first].span.begin,
            tokens.tokens[shape.units[r.end - 1].end - 1].span.end};
  }
  std::size_t Paragraph(std::size_t unit) const {
    return tokens.tokens[shape.units[unit].first].paragraph;
  }
  bool StartsParagraph(std::size_t unit) const {
    return unit == 0 || Paragraph(unit - 1) != Paragraph(unit);
  }
};

class AttributionPolicy {
 public:
  // Uses the rule set's shared Places (a place tells a dateline) and
  // Lexicon (its shape alphabet): `rules` must outlive the policy.
  AttributionPolicy(const AttributionConfig& config, const rules::RuleSet& rules);

  // `claims` (in text order) plus the quotations no frame claimed that
  // continue a quoted speaker: the second half of a split quote ("A," he
  // said. "B.") or a paragraph that is only a quotation after a paragraph
  // ending in that speaker's quotation; sorted by where their content starts.
  std::vector<Claim> WithContinuations(const Analysed& a, std::vector<Claim> claims) const;

  // The record claim `c` gives, its speaker as coreference resolved it
  // (`speaker`); nullopt when it gives none (an empty quotation, a dateline).
  std::optional<QuoteRecord> Record(const Analysed& a, const Claim& c,
                                    const ResolvedSpeaker& speaker) const;

 private:
  double Confidence(const Claim& c, const ResolvedSpeaker& r, QuoteKind kind) const;
  bool IsDateline(const Analysed& a, const Claim& c) const;

  AttributionConfig config_;
  const rules::Places& places_;
  const ShapeAlphabet& alphabet_;
};

}  // namespace whosaid::attribution
