#include "attribution/lexicon.h"

#include <algorithm>
#include <sstream>

#include "core/text.h"
#include "segment/tokenizer.h"

namespace whosaid::attribution {
namespace {

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(segment::Lower(w));
  return out;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t c = s.find(',', start);
    std::string part = s.substr(start, c == std::string::npos ? std::string::npos : c - start);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) out.push_back(part);
    if (c == std::string::npos) break;
    start = c + 1;
  }
  return out;
}

// A word of five or more letters with the -ing ending (rules/english.txt).
bool EndsWithIng(const std::string& w, const std::string& ing) {
  return w.size() > 4 && w.ends_with(ing);
}

const std::unordered_map<std::string, CueClass> kCueClasses = {{"say", CueClass::kSay},
                                                               {"tell", CueClass::kTell},
                                                               {"according", CueClass::kAccording},
                                                               {"callfor", CueClass::kCallFor},
                                                               {"describe", CueClass::kDescribe},
                                                               {"belief", CueClass::kBelief},
                                                               {"appear", CueClass::kAppear}};

}  // namespace

void Lexicon::LoadCues(const rules::RuleFile& file) {
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 4) throw file.Error(line, "expected LEMMA | CLASS | FLAGS | FORMS");
    auto cls = kCueClasses.find(f[1]);
    if (cls == kCueClasses.end()) throw file.Error(line, "unknown cue class '" + f[1] + "'");
    auto cue = std::make_unique<Cue>();
    cue->lemma = f[0];
    cue->cls = cls->second;
    for (const auto& flag : SplitComma(f[2])) {
      if (flag == "bare")
        cue->bare = true;
      else if (flag == "object")
        cue->object = true;
      else if (flag == "to")
        cue->to = true;
      else if (flag == "loose")
        cue->loose = cue->bare = true;
      else if (flag == "wh")
        cue->wh = true;
      else if (flag == "of")
        cue->of = true;
      else if (flag != "-")
        throw file.Error(line, "unknown cue flag '" + flag + "'");
    }
    for (const auto& form : SplitComma(f[3])) {
      Phrase p;
      p.words = SplitWords(form);
      p.cue = cue.get();
      p.participle = EndsWithIng(p.words[0], english_.gerund_ending);
      cue_index_[p.words[0]].push_back(std::move(p));
    }
    cues_.push_back(std::move(cue));
  }
}

Lexicon::Lexicon(const rules::RuleSet& rules)
    : alphabet_(ShapeAlphabet::Load(rules)), english_(EnglishWords::Load(rules)) {
  for (const auto& [name, cls] : kCueClasses)
    cue_symbols_[static_cast<std::size_t>(cls)] = alphabet_.CueClassSymbols(name);
  LoadCues(rules.File("cues.txt"));
  for (const auto& line : rules.File("nominal_cues.txt").lines()) {
    Phrase p;
    p.words = SplitWords(line.text);
    nominal_index_[p.words[0]].push_back(std::move(p));
  }
  for (const auto& line : rules.File("aliases.txt").lines()) {
    Phrase p;
    p.words = SplitWords(line.text);
    alias_index_[p.words[0]].push_back(std::move(p));
  }
  const auto& words = rules.File("words.txt");
  for (const auto& line : words.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() == 2 && f[1] == "past") {  // a content word: only its flag
      past_forms_.insert(segment::Lower(f[0]));
      continue;
    }
    char symbol = f.size() == 2 ? alphabet_.WordClassSymbol(f[1]) : 0;
    if (!symbol) throw words.Error(line, "expected WORD | CLASS with a known CLASS");
    function_[segment::Lower(f[0])] = symbol;
    if (f[1] == "be") be_forms_.insert(segment::Lower(f[0]));
    if (f[1] == "quantifier" || f[1] == "quantifier-one")
      quantifiers_[segment::Lower(f[0])] = f[1] == "quantifier";
  }
  const auto& pron = rules.File("pronouns.txt");
  for (const auto& line : pron.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 4 || (f[1] != "subject" && f[1] != "object") ||
        (f[3] != "singular" && f[3] != "plural")) {
      throw pron.Error(line, "expected WORD | subject|object | GENDER | singular|plural");
    }
    pronouns_[segment::Lower(f[0])] = Pronoun{f[1] == "subject", f[2], f[3] == "plural"};
  }
  for (const auto& line : rules.File("roles.txt").lines())  // NOUN [| relational]
    roles_.insert(segment::Lower(rules::RuleFile::Fields(line).front()));
  const auto& titles = rules.File("titles.txt");
  for (const auto& line : titles.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || (f[1] != "rank" && f[1] != "honorific")) {
      throw titles.Error(line, "expected TITLE | rank|honorific");
    }
    titles_[segment::Lower(f[0])] = f[1] == "honorific";
  }
  const auto& heads = rules.File("org_heads.txt");
  for (const auto& line : heads.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || (f[1] != "any" && f[1] != "cap"))
      throw heads.Error(line, "expected WORD | any|cap");
    org_heads_[segment::Lower(f[0])] = f[1] == "cap";
  }
  const auto& src = rules.File("sources.txt");
  for (const auto& line : src.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || (f[1] != "group" && f[1] != "members" && f[1] != "anonymous" &&
                          f[1] != "document" && f[1] != "label")) {
      throw src.Error(line, "expected WORD | group|members|anonymous|document|label");
    }
    if (f[1] == "label") {
      labels_.insert(segment::Lower(f[0]));
      continue;
    }
    if (f[1] == "members") members_.insert(segment::Lower(f[0]));
    if (f[1] == "document") {
      documents_.insert(segment::Lower(f[0]));
      continue;
    }
    sources_[segment::Lower(f[0])] =
        f[1] == "anonymous" ? SpeakerType::kAnonymous : SpeakerType::kGroup;
  }
  const auto& particles = rules.File("particles.txt");
  for (const auto& line : particles.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || (f[1] != "joined" && f[1] != "apart" && f[1] != "both"))
      throw particles.Error(line, "expected PARTICLE | joined|apart|both");
    particles_[segment::Lower(f[0])] = f[1] == "joined"  ? Particle::kJoined
                                       : f[1] == "apart" ? Particle::kApart
                                                         : Particle::kBoth;
  }
  for (const auto& line : rules.File("portfolios.txt").lines())
    portfolios_.insert(segment::Lower(line.text));
  for (auto* index : {&cue_index_, &nominal_index_, &alias_index_}) {
    for (auto& [first, list] : *index) {
      std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
        return a.words.size() > b.words.size();
      });
    }
  }
}

std::size_t Lexicon::Longest(const std::unordered_map<std::string, std::vector<Phrase>>& index,
                             const std::vector<std::string_view>& words,
                             const Phrase** best) const {
  if (words.empty()) return 0;
  auto it = index.find(std::string(words[0]));
  if (it == index.end()) return 0;
  for (const Phrase& p : it->second) {  // longest first
    if (p.words.size() > words.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < p.words.size() && ok; ++k) ok = p.words[k] == words[k];
    if (ok) {
      *best = &p;
      return p.words.size();
    }
  }
  return 0;
}

std::optional<PhraseMatch> Lexicon::MatchCue(const std::vector<std::string_view>& words) const {
  const Phrase* p = nullptr;
  std::size_t n = Longest(cue_index_, words, &p);
  if (!n) return std::nullopt;
  return PhraseMatch{p->cue, n, p->participle};
}

std::size_t Lexicon::MatchNominal(const std::vector<std::string_view>& words) const {
  const Phrase* p = nullptr;
  return Longest(nominal_index_, words, &p);
}

std::size_t Lexicon::MatchAlias(const std::vector<std::string_view>& words) const {
  const Phrase* p = nullptr;
  return Longest(alias_index_, words, &p);
}

char Lexicon::FunctionSymbol(std::string_view lower) const {
  auto it = function_.find(std::string(lower));
  if (it != function_.end()) return it->second;
  return NumberCompound(lower) ? alphabet_.sym.number : 0;
}

// "twenty-six", "sixty-one": number words joined by hyphens (the first of the
// number class, the others number words or determiners such as "one").
bool Lexicon::NumberCompound(std::string_view lower) const {
  std::size_t dash = lower.find('-');
  if (dash == std::string_view::npos) return false;
  for (std::size_t start = 0; start <= lower.size();) {
    std::size_t end = std::min(lower.find('-', start), lower.size());
    auto it = function_.find(std::string(lower.substr(start, end - start)));
    const ShapeSymbols& sym = alphabet_.sym;
    if (it == function_.end() ||
        (it->second != sym.number && (start == 0 || it->second != sym.determiner)))
      return false;
    start = end + 1;
  }
  return true;
}

const Pronoun* Lexicon::FindPronoun(std::string_view lower) const {
  auto it = pronouns_.find(std::string(lower));
  return it == pronouns_.end() ? nullptr : &it->second;
}

bool Lexicon::IsTitle(std::string_view lower) const {
  std::string w(lower);
  if (!w.empty() && w.back() == '.') w.pop_back();
  return titles_.count(w) > 0;
}

bool Lexicon::IsHonorific(std::string_view lower) const {
  std::string w(lower);
  if (!w.empty() && w.back() == '.') w.pop_back();
  auto it = titles_.find(w);
  return it != titles_.end() && it->second;
}

bool Lexicon::IsOrgHead(std::string_view lower, bool cap) const {
  auto it = org_heads_.find(std::string(lower));
  return it != org_heads_.end() && (cap || !it->second);
}

Particle Lexicon::NameParticle(std::string_view lower) const {
  auto it = particles_.find(std::string(lower));
  return it == particles_.end() ? Particle::kNone : it->second;
}

bool Lexicon::IsParticleName(std::string_view word) const {
  std::size_t hyphen = word.find('-');
  if (hyphen == 0 || hyphen == std::string_view::npos || hyphen + 1 >= word.size()) return false;
  Particle p = NameParticle(segment::Lower(word.substr(0, hyphen)));
  if (p != Particle::kJoined && p != Particle::kBoth) return false;
  return segment::IsUpperAt(word, hyphen + 1);
}

std::optional<SpeakerType> Lexicon::SourceType(std::string_view lower) const {
  auto it = sources_.find(std::string(lower));
  if (it == sources_.end()) return std::nullopt;
  return it->second;
}

char Lexicon::CueSymbol(const Cue& cue, bool participle) const {
  const auto& [finite, ing] = cue_symbols_[static_cast<std::size_t>(cue.cls)];
  return participle ? ing : finite;
}

}  // namespace whosaid::attribution
