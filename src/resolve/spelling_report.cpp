#include "resolve/spelling_report.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <numeric>
#include <set>
#include <string_view>

#include "core/places.h"
#include "core/text.h"
#include "resolve/caps.h"
#include "segment/tokenizer.h"

namespace whosaid::resolve {
namespace {

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
  w = std::string(text::WithoutPossessive(w, text::Possessive::kAny, true));
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

void Merge(EntityVariant& into, const EntityVariant& v) {
  into.count += v.count;
  for (const auto& d : v.docs) into.docs.push_back(d);
  for (const auto& o : v.outlets) into.outlets.push_back(o);
  std::sort(into.docs.begin(), into.docs.end());
  into.docs.erase(std::unique(into.docs.begin(), into.docs.end()), into.docs.end());
  std::sort(into.outlets.begin(), into.outlets.end());
  into.outlets.erase(std::unique(into.outlets.begin(), into.outlets.end()), into.outlets.end());
}

// The sets of two or more members, by root.
std::map<std::size_t, std::vector<std::size_t>> Components(Sets& sets, std::size_t n) {
  std::map<std::size_t, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < n; ++i) members[sets.Find(i)].push_back(i);
  std::erase_if(members, [](const auto& m) { return m.second.size() < 2; });
  return members;
}

SpellingGroup GroupOf(const Entity& e) {
  SpellingGroup g;
  g.entity = e.id;
  g.type = e.type;
  g.name = e.name;
  return g;
}

// A word without a possessive 's (Center’s → Center).
std::string WithoutPossessiveS(const std::string& w) {
  return std::string(text::WithoutPossessive(w, text::Possessive::kWithS, true));
}

// The letters of a word (al-Hadithi → alhadithi, Nouri’ → nouri).
std::string Letters(const std::string& w) {
  std::string out;
  for (char c : w) {
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) out += c;
  }
  // (the bytes of ’ are not letters)
  std::string clean;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "\xE2\x80\x99") == 0) {
      i += 2;
      continue;
    }
    clean += out[i];
  }
  return clean;
}

// Forms that differ only in case are one spelling (Karim Al-Tabbani / Karim
// al-Tabbani): merged, written as the most used.
std::vector<EntityVariant> CaseMerged(const std::vector<EntityVariant>& variants) {
  std::map<std::string, EntityVariant> by_lower;
  std::map<std::string, std::size_t> best;
  for (const EntityVariant& v : variants) {
    const std::string key = segment::Lower(v.form);
    auto [it, fresh] = by_lower.try_emplace(key, v);
    if (fresh) {
      best[key] = v.count;
      continue;
    }
    if (v.count > best[key]) {
      it->second.form = v.form;
      best[key] = v.count;
    }
    Merge(it->second, v);
  }
  std::vector<EntityVariant> out;
  for (auto& [k, v] : by_lower) out.push_back(std::move(v));
  return out;
}

void SortByUse(std::vector<EntityVariant>& v) {
  std::stable_sort(v.begin(), v.end(), [](const EntityVariant& a, const EntityVariant& b) {
    return a.count > b.count;
  });
}

}  // namespace

SpellingReporter::SpellingReporter(const rules::RuleSet& rules, const entities::NameParser& parser,
                                   const entities::SpellingRules& spelling)
    : parser_(parser), spelling_(spelling) {
  // every name of rules/places.txt (the rule set's one rules::Places, core/places.h):
  // countries, capitals, demonyms
  for (const rules::Country& c : rules.Shared<rules::Places>().countries()) {
    for (const std::string* p : {&c.name, &c.capital}) {
      if (!p->empty()) places_.insert(segment::Lower(*p));
    }
    for (const std::string& d : c.demonyms) places_.insert(segment::Lower(d));
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
  // an inner part needs two hyphens: most words have none (no split, no look-up)
  if (std::count(w.begin(), w.end(), '-') < 2) return w;
  const std::vector<std::string> parts = SplitOn(w, '-');  // hyphens + 1 parts
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
  return Label(Prepare(a), Prepare(b), person);
}

SpellingReporter::LabelWord SpellingReporter::Prepare(const std::string& word) const {
  LabelWord w;
  w.lower = segment::Lower(Bare(word));
  if (w.lower.empty()) return w;  // never labelled
  w.place = places_.count(w.lower) > 0;
  if (auto it = british_.find(w.lower); it != british_.end()) w.british = &it->second;
  w.connectorless = Connectorless(w.lower);
  w.hyphen = w.lower.find('-') != std::string::npos;
  w.all_caps = AllCaps(word);
  if (w.place || w.hyphen || w.all_caps) return w;  // Label decides before the parse
  const auto parsed = parser_.ParseShared(w.lower, entities::EntityType::kPerson);
  if (parsed->parts.size() == 1 && parsed->parts[0].text.size() >= 3) {
    w.one_part = true;
    w.part = parsed->parts[0].text[0];
    w.spelling = parsed->parts[0].spelling;
  }
  return w;
}

std::string SpellingReporter::Label(const LabelWord& a, const LabelWord& b, bool person) const {
  const std::string &la = a.lower, &lb = b.lower;
  if (la == lb || la.empty() || lb.empty()) return {};
  if (a.place || b.place) return {};
  if (a.british && b.british && *a.british == *b.british) return "British/American";
  if (a.connectorless != la && a.connectorless == b.connectorless) return "connector";
  if (a.hyphen || b.hyphen) return Compound(a.connectorless, b.connectorless);
  if (a.all_caps || b.all_caps) return {};  // acronyms are not transliterated (TPP / TTIP)
  if (!a.one_part || !b.one_part) return {};
  if (a.part != b.part) return {};
  const auto level = spelling_.Compare(a.spelling, b.spelling).level;
  if (level >= entities::PartLevel::kStrong) return "transliteration";
  return person && FinalLetter(la, lb) ? "transliteration" : "";
}

bool SpellingReporter::Transliteration(const LabelWord& a, const LabelWord& b, bool person) const {
  // Without a hyphen, only Label's last two tests give "transliteration",
  // and both need one part in each word, of the same first byte.
  if (!MayTransliterate(a, b)) return false;
  return Label(a, b, person) == "transliteration";
}

// Hyphenated compounds part by part: connectors by class, the other parts
// equal or transliterations (Harakat-i-Ansar / Harakat-e-Ansar). `a` and `b`
// are the words' Connectorless forms, read in place between their hyphens.
std::string SpellingReporter::Compound(const std::string& connectorless_a,
                                       const std::string& connectorless_b) const {
  const std::string_view a = connectorless_a, b = connectorless_b;
  const auto hyphens = std::count(a.begin(), a.end(), '-');
  if (hyphens == 0 || hyphens != std::count(b.begin(), b.end(), '-')) return {};
  bool spelled = false;
  for (std::size_t ia = 0, ib = 0;;) {
    const std::size_t ea = std::min(a.find('-', ia), a.size());
    const std::size_t eb = std::min(b.find('-', ib), b.size());
    const std::string_view pa = a.substr(ia, ea - ia), pb = b.substr(ib, eb - ib);
    if (pa != pb) {
      if (pa.empty() || pb.empty() || pa[0] == '<' || pb[0] == '<') return {};
      if (Label(std::string(pa), std::string(pb), false) != "transliteration") return {};
      spelled = true;
    }
    if (ea == a.size()) break;  // (b ends with it: as many hyphens)
    ia = ea + 1;
    ib = eb + 1;
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

// The words of one entity spelled more than one way, compared slot by slot
// (persons: a first name with first names, a surname or short form with
// surnames): one group per word, its spellings and the forms holding them.
std::vector<SpellingGroup> SpellingReporter::WordGroups(const Entity& e) const {
  std::vector<SpellingGroup> out;
  const bool person = e.type == "person";
  std::map<std::string, EntityVariant> words;               // key → counts (form: most used case)
  std::map<std::string, std::vector<std::size_t>> holders;  // key → variant indices
  for (std::size_t k = 0; k < e.variants.size(); ++k) {
    const EntityVariant& v = e.variants[k];
    const std::vector<std::string> raws = SplitOn(v.form, ' ');
    for (std::size_t r = 0; r < raws.size(); ++r) {
      std::string w = Bare(raws[r]);
      if (w.empty()) continue;
      std::string slot = !person ? "" : r + 1 == raws.size() ? "last:" : r == 0 ? "first:" : "mid:";
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
  for (const auto& [root, idx] : Components(sets, keys.size())) {
    SpellingGroup g = GroupOf(e);
    g.label = label[root];
    std::vector<std::size_t> forms;
    for (std::size_t i : idx) {
      g.variants.push_back(words[keys[i]]);
      for (std::size_t k : holders[keys[i]]) forms.push_back(k);
    }
    SortByUse(g.variants);
    g.majority = g.variants.front().form;
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    for (std::size_t k : forms) g.forms.push_back(e.variants[k]);
    out.push_back(std::move(g));
  }
  return out;
}

// One form of a name as the form-level comparison sees it.
struct SpellingReporter::FormWords {
  std::vector<std::string> raw;   // lower-case words without titles, possessives, punctuation
  std::vector<std::string> keys;  // their parser keys (al-Hadithi = Hadithi, Mohamed = Muhammad)
  std::vector<entities::Spelling> spellings;
  std::vector<std::string> parts;  // an organisation's parts (NameParser)
  bool acronym = false;
};

SpellingReporter::FormWords SpellingReporter::Words(const std::string& form, bool person) const {
  FormWords f;
  const std::string bare = person ? parser_.WithoutTitles(form) : form;
  f.acronym = bare.find(' ') == std::string::npos && AllCaps(bare);
  if (!person) {  // an organisation's parts: synonyms applied, stop words dropped
    for (const auto& part : parser_.Parse(bare, entities::EntityType::kOrg).parts)
      f.parts.push_back(part.text);
  }
  const std::vector<std::string> words = SplitOn(bare, ' ');
  for (std::size_t k = 0; k < words.size(); ++k) {
    // a lone apostrophe ends a possessive on the last word only (Nouri’
    // al-Hadithi keeps its apostrophe; Center’s loses its ’s anywhere)
    std::string b = k + 1 == words.size() ? Bare(words[k]) : WithoutPossessiveS(words[k]);
    while (!b.empty() && (b.back() == ',' || b.back() == '.')) b.pop_back();
    if (b.empty()) continue;
    f.raw.push_back(segment::Lower(b));
    const auto parsed = parser_.Parse(b, entities::EntityType::kPerson);
    std::string key;
    for (const auto& part : parsed.parts) key += part.text;
    f.keys.push_back(key.empty() ? f.raw.back() : key);
    f.spellings.push_back(parsed.parts.size() == 1 ? parsed.parts[0].spelling
                                                   : spelling_.Spell(f.keys.back()));
  }
  return f;
}

// Whether two forms of one entity are two spellings of one name, and how
// they differ ("" when they do not: a short form, another name):
// a word spelled otherwise (Omar Farid Khan / Umar Farid; a surname with a
// surname, a first name with a first name, unless the spellings are close),
// words in another order (Karim Aziz / Aziz Karim), joined or split (Abdul Hamid /
// Abdulhamid), punctuation or particles only (Nouri’ / Nouri, al-Hadithi / Hadithi),
// or — organisations — other wording of the same words (Front for / of
// Unity and Peace, Rapid Defence / Action Forces).
std::string SpellingReporter::FormLabel(const FormWords& a, const FormWords& b, bool person) const {
  if (a.acronym || b.acronym || a.raw.empty() || b.raw.empty() || a.raw == b.raw) return {};
  std::vector<std::size_t> only_a, only_b;  // word indices without an equal key on the other side
  std::vector<char> used(b.keys.size(), 0);
  for (std::size_t i = 0; i < a.keys.size(); ++i) {
    bool found = false;
    for (std::size_t j = 0; j < b.keys.size() && !found; ++j) {
      if (!used[j] && a.keys[i] == b.keys[j]) used[j] = found = true;
    }
    if (!found) only_a.push_back(i);
  }
  for (std::size_t j = 0; j < b.keys.size(); ++j) {
    if (!used[j]) only_b.push_back(j);
  }
  if (only_a.empty() && only_b.empty()) {
    if (a.keys != b.keys) return "word order";
    // the same words: spelled otherwise (Ahmad / Ahmed), or only their
    // particles and punctuation differ (al-Hadithi / Hadithi, Nouri’ / Nouri)
    for (std::size_t i = 0; i < a.raw.size() && i < b.raw.size(); ++i) {
      if (Letters(a.raw[i]) != Letters(b.raw[i]) &&
          Letters(a.raw[i]).find(Letters(b.raw[i])) == std::string::npos &&
          Letters(b.raw[i]).find(Letters(a.raw[i])) == std::string::npos) {
        return "transliteration";
      }
    }
    return "particle or punctuation";
  }
  if (only_a.empty() || only_b.empty()) return {};  // a short form
  auto joined = [](const FormWords& f, const std::vector<std::size_t>& idx) {
    std::string out;
    for (std::size_t i : idx) {
      for (char c : f.raw[i]) {
        if (c != '-') out += c;
      }
    }
    return out;
  };
  if (joined(a, only_a) == joined(b, only_b)) return "joined or split";
  if (only_a.size() == 1 && only_b.size() == 1) {
    std::string l = Label(a.raw[only_a[0]], b.raw[only_b[0]], person);
    if (!l.empty()) return l;
  }
  if (!person) {
    // an organisation: the same parts, or one part for another (Rapid
    // Support / Response Forces), never a short form or two names
    std::vector<std::string> pa = a.parts, pb = b.parts;
    std::sort(pa.begin(), pa.end());
    std::sort(pb.begin(), pb.end());
    std::vector<std::string> oa, ob;
    std::set_difference(pa.begin(), pa.end(), pb.begin(), pb.end(), std::back_inserter(oa));
    std::set_difference(pb.begin(), pb.end(), pa.begin(), pa.end(), std::back_inserter(ob));
    const bool swap = oa.size() == 1 && ob.size() == 1 && pa.size() > 1 && pb.size() > 1;
    return (oa.empty() && ob.empty() && !pa.empty()) || swap ? "wording" : "";
  }
  // every word of the side with fewer has a close spelling on the other
  auto slot = [](const FormWords& f, std::size_t i) {
    return i + 1 == f.keys.size() ? 2 : i == 0 ? 0 : 1;
  };
  const bool a_fewer = only_a.size() <= only_b.size();
  const FormWords &x = a_fewer ? a : b, &y = a_fewer ? b : a;
  const auto &xs = a_fewer ? only_a : only_b, &ys = a_fewer ? only_b : only_a;
  for (std::size_t i : xs) {
    bool close = false;
    for (std::size_t j : ys) {
      const auto level = spelling_.Compare(x.spellings[i], y.spellings[j]).level;
      close = close || level >= entities::PartLevel::kStrong ||
              (level == entities::PartLevel::kWeak && slot(x, i) == slot(y, j));
    }
    if (!close) return {};
  }
  return "transliteration";
}

SpellingReport SpellingReporter::Build(const EntityTable& table) const {
  SpellingReport report;
  for (const Entity& e : table.entities) {
    std::vector<SpellingGroup> words = WordGroups(e);
    const std::vector<EntityVariant> variants = CaseMerged(e.variants);
    std::vector<FormWords> forms;
    for (const EntityVariant& v : variants) forms.push_back(Words(v.form, e.type == "person"));
    Sets sets(forms.size());
    std::vector<std::set<std::string>> labels(forms.size());
    std::vector<std::pair<std::size_t, std::string>> pairs;
    for (std::size_t i = 0; i < forms.size() && forms.size() <= kMaxForms; ++i) {
      for (std::size_t j = i + 1; j < forms.size(); ++j) {
        std::string l = FormLabel(forms[i], forms[j], e.type == "person");
        if (l.empty()) continue;
        sets.Join(i, j);
        pairs.emplace_back(i, l);
      }
    }
    for (auto& [i, l] : pairs) labels[sets.Find(i)].insert(l);
    std::vector<char> placed(words.size(), 0);
    for (const auto& [root, idx] : Components(sets, forms.size())) {
      SpellingGroup g = GroupOf(e);
      for (const std::string& l : labels[root]) g.label += (g.label.empty() ? "" : ", ") + l;
      for (std::size_t i : idx) g.variants.push_back(variants[i]);
      SortByUse(g.variants);
      g.majority = g.variants.front().form;
      g.forms = g.variants;
      const std::vector<std::size_t>& members = idx;  // clang 14 cannot capture a binding
      for (std::size_t w = 0; w < words.size(); ++w) {
        const bool within =
            std::any_of(words[w].forms.begin(), words[w].forms.end(), [&](const EntityVariant& f) {
              return std::any_of(members.begin(), members.end(), [&](std::size_t i) {
                return segment::Lower(variants[i].form) == segment::Lower(f.form);
              });
            });
        if (within && !placed[w]) {
          g.words.push_back(words[w]);
          placed[w] = 1;
        }
      }
      report.groups.push_back(std::move(g));
    }
    // word spellings no two full forms show (a short form spelled otherwise)
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (!placed[w]) report.groups.push_back(std::move(words[w]));
    }
  }
  OtherNames(table.words, report);
  return report;
}

// Two names of no entity written otherwise but parsed alike: the same
// parts with other particles or punctuation (Al-Gadir / Al Gadir), or two or
// more parts each a strong spelling match (Wadi El Kabir / Wadi Al Kebir).
std::string SpellingReporter::PhraseLabel(const std::string& a, const std::string& b) const {
  if (segment::Lower(a) == segment::Lower(b)) return {};
  const auto pa = parser_.Parse(a, entities::EntityType::kPerson);
  const auto pb = parser_.Parse(b, entities::EntityType::kPerson);
  if (pa.parts.empty() || pa.parts.size() != pb.parts.size()) return {};
  bool exact = true;
  for (std::size_t i = 0; i < pa.parts.size(); ++i) {
    if (pa.parts[i].text == pb.parts[i].text) continue;
    exact = false;
    if (spelling_.Compare(pa.parts[i].spelling, pb.parts[i].spelling).level <
        entities::PartLevel::kStrong) {
      return {};
    }
  }
  if (exact) return "particle or punctuation";
  return pa.parts.size() >= 2 ? "transliteration" : "";
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
        // transliteration look-alikes among single words of no entity are
        // mostly English words (Became / Become): only the unambiguous
        // labels count, or names of several parts spelled alike part by part
        if (l == "transliteration") l.clear();
        if (l.empty()) l = PhraseLabel(x.form, y.form);
        if (l.empty()) continue;
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

}  // namespace whosaid::resolve
