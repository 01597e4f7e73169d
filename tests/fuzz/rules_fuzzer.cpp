// Fuzz target: the rule loaders. The first byte picks one of the rule files
// (in name order: the seeds in corpus/rules/ are named after the file they
// were made for, and pick another when files are added); the rest of the
// input replaces that file's content. What reads the file is then built —
// the Pipeline for rules/*.txt, the NameClusterer for rules/names/ — and,
// when the rules are accepted, run on a small sample.
//
// Checks: a rule file is either accepted or rejected with a ConfigError that
// names the file ("path:line: what is wrong", or "path: …") — or the rule
// file that builds on it, for a change that breaks another; no other
// exception, crash or hang; accepted rules never break a run.
#include <cstddef>
#include <cstdint>
#include <string>
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string& name = FileNames()[data[0] % FileNames().size()];
  const std::string path = (fuzz::Rules().dir() / name).string();
  try {
    auto file = rules::RuleFile::Parse(path, fuzz::AsText(data + 1, size - 1));
    auto changed = fuzz::Rules().With(name, std::move(file));
    if (name.rfind("names/", 0) == 0) {
      RunClustererSample(*changed);
    } else {
      RunPipelineSample(*changed);
    }
  } catch (const ConfigError& e) {
    // The changed file, or a rule file that builds on it (gazetteer.txt
    // names the countries of places.txt): "path:…" either way.
    const std::string what = e.what();
    const std::string dir = fuzz::Rules().dir().string() + "/";
    bool names_rule_file =
        what.rfind(path + ":", 0) == 0 ||
        (what.rfind(dir, 0) == 0 && what.find(".txt:", dir.size()) != std::string::npos);
    if (!names_rule_file) {
      std::fprintf(stderr, "error does not name %s: %s\n", path.c_str(), what.c_str());
      FUZZ_CHECK(!"a rule error names its file");
    }
  }
  return 0;
}
