// whosaid::claims::Figure — a number a document states about an event
// ("at least 46 people" killed), as the per-document pipeline hands it on
// (claims/figures.h finds them; the claims stage lines them up across
// documents). A plain value: a byte span into the document text.
//
// Example (an invented sentence)
//   "Clashes killed at least 46 people." →
//     {value 46, qualifier "at least", measure "killed", outcome true, record -1}
#pragma once

#include <string>

#include "core/record.h"

namespace whosaid::claims {

struct Figure {
  Span span;  // bytes: qualifier, number and counted noun
  double value = 0;
  std::string qualifier;  // "" (exact), "at least", "more than", "about", "up to",
                          // "fewer than", or a vague plural ("dozens")
  std::string measure;    // "killed", "civilians killed", "fighters", …
  bool subcount = false;  // a part of an earlier figure of its sentence
  bool outcome = false;   // the measure names an outcome (killed, wounded …), not a
                          // group counted on its own (troops, protesters)
  int record = -1;        // the quote record whose quote holds it, or -1
};

}  // namespace whosaid::claims
