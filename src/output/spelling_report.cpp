#include "output/spelling_report.h"

#include <sstream>

#include "output/entity_lines.h"

namespace whosaid::output {

using Json = nlohmann::ordered_json;

std::string SpellingJson(const resolve::SpellingReport& report) {
  Json groups = Json::array();
  for (const resolve::SpellingGroup& g : report.groups) {
    Json j;
    j["entity"] = g.entity.empty() ? Json(nullptr) : Json(g.entity);
    j["type"] = g.type;
    j["name"] = g.name;
    j["label"] = g.label;
    j["majority"] = g.majority;
    j["variants"] = Json::array();
    for (const auto& v : g.variants) j["variants"].push_back(VariantJson(v));
    j["forms"] = Json::array();
    for (const auto& v : g.forms) j["forms"].push_back(VariantJson(v));
    if (!g.words.empty()) {
      j["words"] = Json::array();
      for (const resolve::SpellingGroup& w : g.words) {
        Json word;
        word["label"] = w.label;
        word["majority"] = w.majority;
        word["variants"] = Json::array();
        for (const auto& v : w.variants) word["variants"].push_back(VariantJson(v));
        j["words"].push_back(std::move(word));
      }
    }
    groups.push_back(std::move(j));
  }
  Json out;
  out["groups"] = std::move(groups);
  return DumpLine(out) + "\n";
}

std::string SpellingTable(const resolve::SpellingReport& report) {
  std::ostringstream out;
  if (report.groups.empty()) {
    out << "No name is spelled more than one way.\n";
    return out.str();
  }
  for (const resolve::SpellingGroup& g : report.groups) {
    out << g.name << " (" << (g.entity.empty() ? "" : g.entity + ", ") << g.type << "): " << g.label
        << ", majority " << g.majority << "\n";
    for (const auto& v : g.variants) {
      out << "  " << (v.form == g.majority ? "* " : "  ") << v.form << "  ×" << v.count << "  ";
      for (std::size_t i = 0; i < v.docs.size(); ++i) out << (i ? ", " : "") << v.docs[i];
      if (!v.outlets.empty()) {
        out << "  [";
        for (std::size_t i = 0; i < v.outlets.size(); ++i) out << (i ? "; " : "") << v.outlets[i];
        out << "]";
      }
      out << "\n";
    }
    for (const resolve::SpellingGroup& w : g.words) {
      out << "    words (" << w.label << "):";
      for (const auto& v : w.variants) out << " " << v.form << " ×" << v.count;
      out << "\n";
    }
  }
  return out.str();
}

void SpellingSink::End(const CorpusResult& corpus) {
  out_.Write(format_ == OutputFormat::kJsonl ? SpellingJson(corpus.spelling)
                                             : SpellingTable(corpus.spelling));
}

}  // namespace whosaid::output
