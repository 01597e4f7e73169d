#include "resolve/spelling_report.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>

#include "segment/tokenizer.h"

namespace whosaid::resolve {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// A word of a form without a trailing possessive or punctuation.
std::string Bare(std::string w) {
  for (std::string_view poss : {"\xE2\x80\x99s", "'s", "\xE2\x80\x99", "'"}) {
    if (w.size() > poss.size() && w.compare(w.size() - poss.size(), poss.size(), poss) == 0) {
      w.erase(w.size() - poss.size());
      break;
    }
  }
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ')')) w.pop_back();
  while (!w.empty() && w.front() == '(') w.erase(0, 1);
  return w;
}

// Union-find over word indices.
struct Sets {
  std::vector<std::size_t> parent;
  explicit Sets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t Find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(std::size_t a, std::size_t b) { parent[Find(a)] = Find(b); }
};

bool AllCaps(const std::string& w) {
  int upper = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
  }
  return upper >= 2;
}

void Merge(EntityVariant& into, const EntityVariant& v) {
  into.count += v.count;
  for (const auto& d : v.docs) into.docs.push_back(d);
  for (const auto& o : v.outlets) into.outlets.push_back(o);
  std::sort(into.docs.begin(), into.docs.end());
  into.docs.erase(std::unique(into.docs.begin(), into.docs.end()), into.docs.end());
  std::sort(into.outlets.begin(), into.outlets.end());
  into.outlets.erase(std::unique(into.outlets.begin(), into.outlets.end()), into.outlets.end());
}

Json VariantJson(const EntityVariant& v) {
  Json j;
  j["form"] = v.form;
  j["docs"] = v.docs;
  j["outlets"] = v.outlets;
  j["count"] = v.count;
  return j;
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

SpellingReporter::SpellingReporter(const rules::RuleSet& rules, const entities::NameParser& parser,
                                   const entities::SpellingRules& spelling)
    : parser_(parser), spelling_(spelling) {
  // every field of rules/places.txt: countries, capitals, demonyms
  for (const rules::RuleLine& line : rules.File("places.txt").lines()) {
    for (const std::string& field : rules::RuleFile::Fields(line)) {
      for (std::string p : SplitOn(field, ',')) {
        while (!p.empty() && p.front() == ' ') p.erase(0, 1);
        while (!p.empty() && p.back() == ' ') p.pop_back();
        if (!p.empty()) places_.insert(segment::Lower(p));
      }
    }
  }
  const rules::RuleFile& file = rules.File("spelling.txt");
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() == 3 && f[0] == "british") {
      british_[f[1]] = f[1];
      british_[f[2]] = f[1];
    } else if (f.size() == 2 && f[0] == "final") {
      for (const std::string& c : SplitOn(f[1], ' ')) {
        if (!c.empty()) finals_.insert(c);
      }
    } else if (f.size() == 2 && f[0] == "connector") {
      std::vector<std::string> forms = SplitOn(f[1], ' ');
      for (const std::string& c : forms) {
        if (!c.empty()) connector_[c] = forms.front();
      }
    } else {
      throw file.Error(line,
                       "an entry reads 'british | BRITISH | AMERICAN', 'final | LETTER …' or "
                       "'connector | FORM FORM …'");
    }
  }
}

std::string SpellingReporter::Connectorless(const std::string& w) const {
  std::vector<std::string> parts = SplitOn(w, '-');
  if (parts.size() < 3) return w;
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto it = connector_.find(parts[i]);
    bool inner = i > 0 && i + 1 < parts.size();
    out += (inner && it != connector_.end()) ? "<" + it->second + ">" : parts[i];
    if (i + 1 < parts.size()) out += '-';
  }
  return out;
}

std::string SpellingReporter::Label(const std::string& a, const std::string& b, bool person) const {
  const std::string la = segment::Lower(Bare(a)), lb = segment::Lower(Bare(b));
  if (la == lb || la.empty() || lb.empty()) return {};
  if (places_.count(la) || places_.count(lb)) return {};
  auto ba = british_.find(la), bb = british_.find(lb);
  if (ba != british_.end() && bb != british_.end() && ba->second == bb->second)
    return "British/American";
  const std::string ca = Connectorless(la), cb = Connectorless(lb);
  if (ca != la && ca == cb) return "connector";
  if (la.find('-') != std::string::npos || lb.find('-') != std::string::npos)
    return Compound(la, lb);
  if (AllCaps(a) || AllCaps(b)) return {};  // acronyms are not transliterated (TPP / TTIP)
  const auto pa = parser_.Parse(la, entities::EntityType::kPerson);
  const auto pb = parser_.Parse(lb, entities::EntityType::kPerson);
  if (pa.parts.size() != 1 || pb.parts.size() != 1 || pa.parts[0].text.size() < 3 ||
      pb.parts[0].text.size() < 3) {
    return {};
  }
  if (pa.parts[0].text[0] != pb.parts[0].text[0]) return {};
  const auto level = spelling_.Compare(pa.parts[0].spelling, pb.parts[0].spelling).level;
  if (level >= entities::PartLevel::kStrong) return "transliteration";
  return person && FinalLetter(la, lb) ? "transliteration" : "";
}

// Hyphenated compounds part by part: connectors by class, the other parts
// equal or transliterations (Harakat-i-Ansar / Harakat-e-Ansar).
std::string SpellingReporter::Compound(const std::string& a, const std::string& b) const {
  const std::vector<std::string> pa = SplitOn(Connectorless(a), '-'),
                                 pb = SplitOn(Connectorless(b), '-');
  if (pa.size() != pb.size() || pa.size() < 2) return {};
  bool spelled = false;
  for (std::size_t i = 0; i < pa.size(); ++i) {
    if (pa[i] == pb[i]) continue;
    if (pa[i].empty() || pb[i].empty() || pa[i][0] == '<' || pb[i][0] == '<') return {};
    if (Label(pa[i], pb[i], false) != "transliteration") return {};
    spelled = true;
  }
  return spelled ? "transliteration" : "connector";
}

std::string SpellingReporter::Lowered(const std::string& word) {
  return segment::Lower(Bare(word));
}

// One word is the other plus one final letter transliterations drop.
bool SpellingReporter::FinalLetter(const std::string& a, const std::string& b) const {
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  return longer.size() == shorter.size() + 1 && shorter.size() >= 3 &&
         longer.compare(0, shorter.size(), shorter) == 0 &&
         finals_.count(longer.substr(shorter.size())) > 0;
}

SpellingReport SpellingReporter::Build(const EntityTable& table) const {
  SpellingReport report;
  for (const Entity& e : table.entities) {
    // every word of every form, merged case-insensitively
    // (persons: slot-prefixed, so a first name is only compared with first
    // names and a surname or short form with surnames)
    const bool person = e.type == "person";
    std::map<std::string, EntityVariant> words;  // key → counts (form: most used case)
    std::map<std::string, std::vector<std::size_t>> holders;  // key → variant indices
    for (std::size_t k = 0; k < e.variants.size(); ++k) {
      const EntityVariant& v = e.variants[k];
      const std::vector<std::string> raws = SplitOn(v.form, ' ');
      for (std::size_t r = 0; r < raws.size(); ++r) {
        std::string w = Bare(raws[r]);
        if (w.empty()) continue;
        std::string slot = !person                ? ""
                           : r + 1 == raws.size() ? "last:"
                           : r == 0               ? "first:"
                                                  : "mid:";
        std::string lw = slot + segment::Lower(w);
        EntityVariant& into = words[lw];
        if (into.form.empty() ||
            (w[0] >= 'A' && w[0] <= 'Z' && !(into.form[0] >= 'A' && into.form[0] <= 'Z'))) {
          into.form = w;
        }
        Merge(into, v);
        holders[lw].push_back(k);
      }
    }
    std::vector<std::string> keys;
    for (const auto& [k, v] : words) keys.push_back(k);
    Sets sets(keys.size());
    std::vector<std::string> label(keys.size());
    auto slot_of = [](const std::string& key) { return key.substr(0, key.find(':') + 1); };
    for (std::size_t i = 0; i < keys.size(); ++i) {
      for (std::size_t j = i + 1; j < keys.size(); ++j) {
        if (slot_of(keys[i]) != slot_of(keys[j])) continue;
        std::string l = Label(words[keys[i]].form, words[keys[j]].form, person);
        if (l.empty()) continue;
        sets.Join(i, j);
        label[sets.Find(i)] = l;
      }
    }
    std::map<std::size_t, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < keys.size(); ++i) members[sets.Find(i)].push_back(i);
    for (const auto& [root, idx] : members) {
      if (idx.size() < 2) continue;
      SpellingGroup g;
      g.entity = e.id;
      g.type = e.type;
      g.name = e.name;
      g.label = label[root];
      std::vector<std::size_t> forms;
      for (std::size_t i : idx) {
        g.variants.push_back(words[keys[i]]);
        for (std::size_t k : holders[keys[i]]) forms.push_back(k);
      }
      std::stable_sort(
          g.variants.begin(), g.variants.end(),
          [](const EntityVariant& a, const EntityVariant& b) { return a.count > b.count; });
      g.majority = g.variants.front().form;
      std::sort(forms.begin(), forms.end());
      forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
      for (std::size_t k : forms) g.forms.push_back(e.variants[k]);
      report.groups.push_back(std::move(g));
    }
  }
  OtherNames(table.words, report);
  return report;
}

// Capitalised words of no entity spelled more than one way (a strong
// transliteration match, a connector or British/American), each spelling
// seen in a document the others are not: "name" groups with no entity.
void SpellingReporter::OtherNames(const std::vector<EntityVariant>& words,
                                  SpellingReport& report) const {
  std::vector<const EntityVariant*> usable;
  for (const auto& w : words) {
    if (w.form.size() >= kMinOtherNameBytes && !(w.form[0] >= 'a' && w.form[0] <= 'z'))
      usable.push_back(&w);
  }
  // candidates share their first letter: compare within those buckets only
  std::map<std::string, std::vector<std::size_t>> buckets;
  for (std::size_t i = 0; i < usable.size(); ++i) {
    buckets[segment::Lower(usable[i]->form).substr(0, 1)].push_back(i);
  }
  Sets sets(usable.size());
  std::vector<std::string> label(usable.size());
  for (const auto& [first, idx] : buckets) {
    if (idx.size() > kMaxBucket) continue;  // a letter too common to compare all pairs
    for (std::size_t a = 0; a < idx.size(); ++a) {
      for (std::size_t b = a + 1; b < idx.size(); ++b) {
        const EntityVariant &x = *usable[idx[a]], &y = *usable[idx[b]];
        if (x.docs == y.docs)
          continue;  // one document's own two words: not a cross-outlet spelling
        std::string l = Label(x.form, y.form, false);
        // transliteration look-alikes among words of no entity are mostly
        // English words (Became / Become): only the unambiguous labels count
        if (l.empty() || l == "transliteration") continue;
        sets.Join(idx[a], idx[b]);
        label[sets.Find(idx[a])] = l;
      }
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < usable.size(); ++i) members[sets.Find(i)].push_back(i);
  for (const auto& [root, idx] : members) {
    if (idx.size() < 2) continue;
    SpellingGroup g;
    g.type = "name";
    g.label = label[root];
    for (std::size_t i : idx) g.variants.push_back(*usable[i]);
    std::stable_sort(
        g.variants.begin(), g.variants.end(),
        [](const EntityVariant& a, const EntityVariant& b) { return a.count > b.count; });
    g.majority = g.variants.front().form;
    g.name = g.majority;
    report.groups.push_back(std::move(g));
  }
}

std::string ToJson(const SpellingReport& report) {
  Json groups = Json::array();
  for (const SpellingGroup& g : report.groups) {
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
    groups.push_back(std::move(j));
  }
  Json out;
  out["groups"] = std::move(groups);
  return Dump(out) + "\n";
}

std::string ToTable(const SpellingReport& report) {
  std::ostringstream out;
  if (report.groups.empty()) {
    out << "No name is spelled more than one way.\n";
    return out.str();
  }
  for (const SpellingGroup& g : report.groups) {
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
  }
  return out.str();
}

std::string EntityLine(const Entity& e, bool explain) {
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
  return Dump(j) + "\n";
}

}  // namespace whosaid::resolve
