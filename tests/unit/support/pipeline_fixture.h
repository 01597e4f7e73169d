// Test support: one Pipeline over the project's rules/, and a helper that
// runs it on a text.
#pragma once

#include <string>

#include "pipeline/pipeline.h"
#include "rules_fixture.h"

namespace whosaid::testing {

inline const Pipeline& ThePipeline() {
  static Pipeline p(PipelineConfig{}, Rules());
  return p;
}

inline DocResult RunOn(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  return ThePipeline().Run(doc);
}

}  // namespace whosaid::testing
