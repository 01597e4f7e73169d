// Fuzz target: the rule loaders. The input names one of the rule files and
// replaces its content: "NAME\nCONTENT" when it starts with the name of a
// rule file and a line break (the seeds in corpus/rules/ do: they keep
// picking their file when files are added), else the first byte picks the
// file (in name order) and the rest is its content. An empty content is an
// empty rule file (corpus/rules/empty_*). What reads the file is then built —
// the Pipeline for rules/*.txt, the NameClusterer for rules/names/ — and,
// when the rules are accepted, run on a small sample.
//
// Checks: a rule file is either accepted or rejected with a ConfigError that
// names the file ("path:line: what is wrong", or "path: …") — or the rule
// file that builds on it, for a change that breaks another; a file with no
// entry at all is rejected, if at all, with an error naming that very file
// (issue 10: an empty places.txt was reported at events/gazetteer.txt:375);
// no other exception, crash or hang; accepted rules never break a run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entities/clusterer.h"
#include "fuzz_support.h"
#include "pipeline/pipeline.h"

namespace {

using namespace whosaid;

const std::vector<std::string>& FileNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, file] : fuzz::Rules().files()) out.push_back(name);
    return out;
  }();
  return names;
}

constexpr const char* kSample =
    "\xE2\x80\x9CWe will not accept this,\xE2\x80\x9D said Jane Doe, a spokesperson for the "
    "ministry. She added that talks would go on.\n"
    "\"It is a 'disaster',\" the minister told reporters on Tuesday.\n";

void RunPipelineSample(const rules::RuleSet& rules) {
  Pipeline pipeline(PipelineConfig{}, rules);
  Document doc;
  doc.id = "sample";
  doc.text = kSample;
  DocResult result = pipeline.Run(doc);
  for (const QuoteRecord& r : result.quotes) FUZZ_CHECK(r.quote.end <= doc.text.size());
}

void RunClustererSample(const rules::RuleSet& rules) {
  entities::NameClusterer clusterer(entities::ClusterConfig{}, rules);
  std::vector<entities::NameInput> names(4);
  names[0].name = "Enayatullah Khowarazami";
  names[1].name = "Mufti Enayatullah Khwarzami";
  names[2].name = "Ministry of Defence";
  names[3].name = "Khwarzami";
  entities::Clustering c = clusterer.Run(names);
  FUZZ_CHECK(c.cluster_of.size() == names.size());
}

// The rule file the input names, and where its content starts.
std::pair<std::string, std::size_t> Pick(std::string_view input) {
  if (std::size_t nl = input.find('\n'); nl != std::string_view::npos) {
    const std::string name(input.substr(0, nl));
    if (fuzz::Rules().Has(name)) return {name, nl + 1};
  }
  return {FileNames()[static_cast<unsigned char>(input[0]) % FileNames().size()], 1};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input = fuzz::AsText(data, size);
  const auto [name, start] = Pick(input);
  const std::string path = (fuzz::Rules().dir() / name).string();
  bool empty = false;
  try {
    auto file = rules::RuleFile::Parse(path, input.substr(start));
    empty = file.lines().empty();
    auto changed = fuzz::Rules().With(name, std::move(file));
    if (name.rfind("names/", 0) == 0) {
      RunClustererSample(*changed);
    } else {
      RunPipelineSample(*changed);
    }
  } catch (const ConfigError& e) {
    // The changed file, or a rule file that builds on it (gazetteer.txt
    // names the countries of places.txt): "path:…" either way — but an
    // empty file is the changed file's own fault.
    const std::string what = e.what();
    const std::string dir = fuzz::Rules().dir().string() + "/";
    const bool names_it = what.rfind(path + ":", 0) == 0;
    const bool names_rule_file = names_it || (what.rfind(dir, 0) == 0 &&
                                              what.find(".txt:", dir.size()) != std::string::npos);
    if (!names_rule_file || (empty && !names_it)) {
      std::fprintf(stderr, "error does not name %s: %s\n", path.c_str(), what.c_str());
      FUZZ_CHECK(!"a rule error names its file");
    }
  }
  return 0;
}
