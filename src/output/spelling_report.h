// whosaid::output spelling report — `whosaid spelling`: the spelling-
// consistency report (core/spelling_groups.h; built by
// resolve/spelling_report.h) as one line of JSON ({"groups": [...]},
// docs/output.md) or as a table for people.
//
// SpellingSink is the command's sink: nothing per document, the report of
// CorpusResult::spelling at End().
//
// Example
//   out.Write(SpellingJson(report));    // {"groups":[{"entity":"O2", …}]}
//   out.Write(SpellingTable(report));   // Ministry of Defence (O2, organization): …
#pragma once

#include <string>

#include "core/spelling_groups.h"
#include "output/sink.h"

namespace whosaid::output {

std::string SpellingJson(const resolve::SpellingReport& report);   // {"groups": [...]}, one line
std::string SpellingTable(const resolve::SpellingReport& report);  // a readable table

class SpellingSink : public Sink {
 public:
  SpellingSink(OutputStream& out, OutputFormat format) : out_(out), format_(format) {}
  void Write(const Document&, const DocResult&) override {}
  void End(const CorpusResult& corpus) override;

 private:
  OutputStream& out_;
  OutputFormat format_;
};

}  // namespace whosaid::output
