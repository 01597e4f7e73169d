// Fuzz target: the name matcher (entities/clusterer.h and the normaliser
// under it). Each input line is "NAME[\tTYPE[\tDOC[\tROLE]]]", as
// `whosaid names` reads it, plus a document and role for context.
//
// Checks: one cluster per matchable input, each input in exactly one
// cluster; cluster ids sorted; the normaliser gives lower-case ASCII words
// separated by single blanks; clustering does not depend on input order
// (the contract of NameClusterer::Run).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "entities/clusterer.h"
#include "fuzz_support.h"

namespace {

using namespace whosaid;
using entities::NameInput;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string field;
  while (std::getline(in, field, '\t')) out.push_back(field);
  return out;
}

std::vector<NameInput> ParseInputs(std::string_view data) {
  std::vector<NameInput> inputs;
  std::istringstream lines{std::string(data)};
  std::string line;
  while (std::getline(lines, line) && inputs.size() < 64) {
    auto f = SplitTabs(line);
    NameInput in;
    in.name = f.empty() ? "" : f[0];
    if (f.size() > 1)
      in.type = entities::ParseEntityType(f[1]).value_or(entities::EntityType::kUnknown);
    if (f.size() > 2) in.context.docs.push_back(f[2]);
    if (f.size() > 3) in.context.roles.push_back(f[3]);
    inputs.push_back(std::move(in));
  }
  return inputs;
}

void CheckNormalized(const std::string& s) {
  for (char c : s) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
  FUZZ_CHECK(s.empty() || (s.front() != ' ' && s.back() != ' '));
  FUZZ_CHECK(s.find("  ") == std::string::npos);
}

// The partition of input names: for each cluster, its sorted input strings.
std::set<std::multiset<std::string>> Partition(const std::vector<NameInput>& inputs,
                                               const entities::Clustering& c) {
  FUZZ_CHECK(c.cluster_of.size() == inputs.size());
  std::vector<std::multiset<std::string>> groups(c.clusters.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::ptrdiff_t k = c.cluster_of[i];
    FUZZ_CHECK(k >= -1 && k < static_cast<std::ptrdiff_t>(c.clusters.size()));
    if (k >= 0)
      groups[static_cast<std::size_t>(k)].insert(inputs[i].name + "\t" +
                                                 std::to_string(static_cast<int>(inputs[i].type)));
  }
  for (std::size_t k = 0; k < c.clusters.size(); ++k) {
    FUZZ_CHECK(!c.clusters[k].inputs.empty());
    FUZZ_CHECK(std::is_sorted(c.clusters[k].inputs.begin(), c.clusters[k].inputs.end()));
    for (std::size_t i : c.clusters[k].inputs)
      FUZZ_CHECK(c.cluster_of[i] == static_cast<std::ptrdiff_t>(k));
    FUZZ_CHECK(k == 0 || c.clusters[k - 1].id <= c.clusters[k].id);
  }
  return {groups.begin(), groups.end()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const entities::NameClusterer clusterer(entities::ClusterConfig{}, fuzz::Rules());
  const std::vector<NameInput> inputs = ParseInputs(fuzz::AsText(data, size));
  for (const NameInput& in : inputs)
    CheckNormalized(clusterer.parser().normalizer().Normalize(in.name));

  const auto forward = Partition(inputs, clusterer.Run(inputs));
  std::vector<NameInput> reversed(inputs.rbegin(), inputs.rend());
  const auto backward = Partition(reversed, clusterer.Run(reversed));
  FUZZ_CHECK(forward == backward);
  return 0;
}
