#include "output/entity_lines.h"

#include <cmath>

namespace whosaid::output {

using Json = nlohmann::ordered_json;

Json VariantJson(const resolve::EntityVariant& v) {
  Json j;
  j["form"] = v.form;
  j["docs"] = v.docs;
  j["outlets"] = v.outlets;
  j["count"] = v.count;
  return j;
}

std::string DumpLine(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string EntityLine(const resolve::Entity& e, bool explain) {
  Json j;
  j["entity"] = e.id;
  j["type"] = e.type;
  j["name"] = e.name;
  j["variants"] = Json::array();
  for (const auto& v : e.variants) j["variants"].push_back(VariantJson(v));
  j["roles"] = Json::array();
  for (const auto& r : e.roles) {
    Json role;
    role["role"] = r.role.empty() ? Json(nullptr) : Json(r.role);
    role["affiliation"] = r.affiliation.empty() ? Json(nullptr) : Json(r.affiliation);
    j["roles"].push_back(std::move(role));
  }
  j["quotes"] = e.quotes;
  if (explain) {
    j["merges"] = Json::array();
    for (const auto& m : e.merges) {
      Json x;
      x["form"] = m.form;
      x["matched"] = m.matched;
      x["score"] = std::round(m.score * 1000) / 1000;
      x["rule"] = m.rule;
      x["detail"] = m.detail;
      x["shared"] = m.shared;
      j["merges"].push_back(std::move(x));
    }
  }
  return DumpLine(j) + "\n";
}

void EntitiesSink::End(const CorpusResult& corpus) {
  for (const resolve::Entity& e : corpus.entities.entities) out_.Write(EntityLine(e, explain_));
}

}  // namespace whosaid::output
