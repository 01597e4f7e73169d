// Test support: the project's rules/ loaded once, and the examples a rule
// file carries ("#! INPUT => EXPECTED").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/rules.h"

namespace whosaid::testing {

inline const rules::RuleSet& Rules() {
  static auto rules = rules::RuleSet::Load(std::string(WHOSAID_TEST_SOURCE_DIR) + "/rules");
  return *rules;
}

struct Example {
  int line;
  std::string input, expected;
};

// The "#! INPUT => EXPECTED" examples of one rule file.
inline std::vector<Example> Examples(const std::string& file) {
  std::vector<Example> out;
  for (const auto& ex : Rules().File(file).examples()) {
    auto arrow = ex.text.rfind(" =>");
    if (arrow == std::string::npos) continue;
    std::string expected = ex.text.substr(arrow + 3);
    if (!expected.empty() && expected[0] == ' ') expected.erase(0, 1);
    out.push_back({ex.line, ex.text.substr(0, arrow), expected});
  }
  return out;
}

}  // namespace whosaid::testing
