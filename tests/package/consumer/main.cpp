// Uses the installed library the way an application would: load the
// installed rules, run the pipeline and the corpus stages over one invented
// document through the library's runner, write JSON Lines to a string.
// Prints the output; exit status 1 when no quote was found.
#include <cstdio>
#include <vector>

#include "core/rules.h"
#include "ingest/source.h"
#include "output/sink.h"
#include "pipeline/pipeline.h"
#include "resolve/entity_resolver.h"
#include "run/corpus_run.h"

namespace {

// One invented document.
class OneDocument : public whosaid::ingest::DocumentSource {
 public:
  bool Next(whosaid::Document& doc, std::vector<whosaid::Diagnostic>&) override {
    if (done_) return false;
    done_ = true;
    doc.id = "consumer-1";
    doc.text = "\"The bridge will open in May,\" said Talia Verhoeven, the city's engineer.";
    doc.source = "consumer-1";
    return true;
  }

 private:
  bool done_ = false;
};

class Quiet : public whosaid::run::RunObserver {
 public:
  void Report(const std::vector<whosaid::Diagnostic>&) override {}
  bool stop() const override { return false; }
};

}  // namespace

int main() {
  auto rules = whosaid::rules::RuleSet::Load(WHOSAID_RULES_DIR);
  const whosaid::Pipeline pipeline(whosaid::PipelineConfig{}, *rules);
  whosaid::resolve::EntityResolver resolver(whosaid::resolve::ResolverConfig{}, *rules);
  whosaid::run::CorpusStages stages;
  stages.entities = &resolver;
  stages.events = true;
  whosaid::output::StringOutput out;
  auto sink = whosaid::output::MakeSink(whosaid::output::OutputFormat::kJsonl, out);
  OneDocument source;
  Quiet observer;
  whosaid::run::RunCorpus(source, pipeline, stages, *sink, observer, whosaid::run::RunConfig{});
  std::fputs(out.str().c_str(), stdout);
  return out.str().find("Talia Verhoeven") != std::string::npos ? 0 : 1;
}
