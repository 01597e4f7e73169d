// whosaid::claims figure lines — the figures of a run lined up by event and
// measure, and whether they conflict.
//
// Contract
//   Bounds(f): the values a figure allows — exact v: [v, v]; `at least` and
//   vague plurals (`dozens`, read as a lower bound): [v, ∞); `more than`:
//   (v, ∞); `about`: v ± `about` (a share of v); `up to`: [0, v];
//   `fewer than`: [0, v).
//   Compatible(a, b): their bounds meet. A line conflicts when two of its
//   figures that are not sub-counts are incompatible (exact 125 against
//   exact 200; `at least 46` against 30); `at least 46` and 50 do not. Only
//   outcomes (killed, wounded …: one true number per event) conflict; a group
//   counted on its own (troops, protesters) is counted in parts and at
//   different times (`outcomes_only`).
//   BuildLines: one line per (occasion, measure) — the occasion the claims
//   stage found for the figure's document (occasions.h); a figure without
//   one is lined up by (event, measure), and without an event only within
//   its own document (nothing says two documents speak of one unknown
//   event). A line of an occasion is named by its figures' most frequent
//   event. A line is kept when two or more documents
//   or sources (`min_reports`) give it a figure. Lines come in order of event id (E2 before
//   E10, no event last), then measure; figures by document, then offset.
//
// Example
//   BuildLines({{.event = "E4", .doc = "a", .figure = {.value = 46, .qualifier = "at least",
//                .measure = "killed"}}, {.event = "E4", .doc = "b", .figure = {.value = 15,
//                .measure = "killed"}}}) → one line, conflict true
#pragma once

#include <string>
#include <vector>

#include "claims/figures.h"
#include "core/claims_result.h"

namespace whosaid::claims {

struct FigureConfig {
  double about = 0.2;  // `about v` allows v × (1 ± about)
  // A line is kept when this many documents, or this many sources, give it
  // a figure (a single report is nothing to line up).
  std::size_t min_reports = 2;
  bool outcomes_only = true;  // lines of groups counted on their own never conflict
};

struct Bounds {
  double low = 0, high = 0;
  bool low_open = false, high_open = false;
};
Bounds FigureBounds(const Figure& f, const FigureConfig& config = {});
bool Compatible(const Figure& a, const Figure& b, const FigureConfig& config = {});

std::vector<FigureLine> BuildLines(std::vector<SourcedFigure> figures,
                                   const FigureConfig& config = {});

}  // namespace whosaid::claims
