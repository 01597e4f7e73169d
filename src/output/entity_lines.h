// whosaid::output entity lines — `whosaid entities`: one JSON line per
// entity of the run (docs/output.md "Entities"): id, type, canonical name,
// every surface form with its documents, outlets and count, roles, quote
// count; with `explain`, each merge (the form, the member it matched, score,
// rule, detail, shared context).
//
// EntitiesSink is the command's sink: it writes nothing per document and
// every entity of CorpusResult::entities at End().
//
// Example
//   {"entity":"P3","type":"person","name":"Amira Solberg",
//    "variants":[{"form":"Amira Solberg","docs":["doc-1"],"outlets":[],"count":2}],
//    "roles":[{"role":"spokesperson","affiliation":null}],"quotes":2}
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/entity_table.h"
#include "output/sink.h"

namespace whosaid::output {

// One JSON line (newline included).
std::string EntityLine(const resolve::Entity& entity, bool explain);
// {"form", "docs", "outlets", "count"}: a surface form as entities and the
// spelling report show it.
nlohmann::ordered_json VariantJson(const resolve::EntityVariant& variant);
// One line of JSON as every whosaid JSON output writes it (invalid UTF-8 replaced).
std::string DumpLine(const nlohmann::ordered_json& j);

class EntitiesSink : public Sink {
 public:
  EntitiesSink(OutputStream& out, bool explain) : out_(out), explain_(explain) {}
  void Write(const Document&, const DocResult&) override {}
  void End(const CorpusResult& corpus) override;

 private:
  OutputStream& out_;
  bool explain_;
};

}  // namespace whosaid::output
