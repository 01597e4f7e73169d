// Test support for the entities tests: one NameClusterer built from the
// project's rules/, and the example lines of rules/names/*.txt.
//
// Example lines come in two shapes:
//   #! INPUT => EXPECTED       (support/rules_fixture.h: Examples())
//   #! A ~ B   #! A ~? B   #! A !~ B
//       parts A and B match / match only weakly / do not match on their own
#pragma once

#include <string>
#include <vector>

#include "../support/rules_fixture.h"
#include "entities/clusterer.h"

namespace whosaid::testing {

inline const entities::NameClusterer& Clusterer() {
  static const entities::NameClusterer clusterer(entities::ClusterConfig{}, Rules());
  return clusterer;
}

struct PartExample {
  int line;
  std::string a, b;
  enum class Want { kMatch, kWeak, kNoMatch } want;
};

// The "A ~ B", "A ~? B", "A !~ B" examples of one rule file.
inline std::vector<PartExample> PartExamples(const std::string& file) {
  std::vector<PartExample> out;
  for (const auto& ex : Rules().File(file).examples()) {
    struct Op {
      const char* text;
      PartExample::Want want;
    };
    for (Op op : {Op{" !~ ", PartExample::Want::kNoMatch}, Op{" ~? ", PartExample::Want::kWeak},
                  Op{" ~ ", PartExample::Want::kMatch}}) {
      auto at = ex.text.find(op.text);
      if (at == std::string::npos) continue;
      out.push_back({ex.line, ex.text.substr(0, at),
                     ex.text.substr(at + std::string(op.text).size()), op.want});
      break;
    }
  }
  return out;
}

// A name list as NameInputs of one type.
inline std::vector<entities::NameInput> Inputs(const std::vector<std::string>& names,
                                               entities::EntityType type) {
  std::vector<entities::NameInput> out;
  for (const std::string& n : names) out.push_back({n, type, {}});
  return out;
}

// Cluster index per input, renumbered by first appearance so that two runs
// can be compared whatever the order of their clusters.
inline std::vector<long> Partition(const entities::Clustering& c) {
  std::vector<long> out;
  std::vector<std::ptrdiff_t> seen;
  for (std::ptrdiff_t k : c.cluster_of) {
    if (k < 0) {
      out.push_back(-1);
      continue;
    }
    long index = -1;
    for (std::size_t s = 0; s < seen.size(); ++s) {
      if (seen[s] == k) index = static_cast<long>(s);
    }
    if (index < 0) {
      index = static_cast<long>(seen.size());
      seen.push_back(k);
    }
    out.push_back(index);
  }
  return out;
}

}  // namespace whosaid::testing
