#include "attribution/lexicon.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>

#include "core/diagnostic.h"
#include "core/text.h"
#include "segment/tokenizer.h"

namespace whosaid::attribution {
namespace {

// The blanks `std::istream >> word` stops at in the classic locale.
bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// The words of a rule line in lower case (as `>>` from a string stream reads
// them, without building one per line).
std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    if (IsBlank(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && !IsBlank(s[j])) ++j;
    out.push_back(segment::Lower(std::string_view(s).substr(i, j - i)));
    i = j;
  }
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
bool EndsWithIng(const std::string& w, const EnglishWords& en) {
  return w.size() >= en.gerund_min_length && w.ends_with(en.gerund_ending);
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
      std::vector<std::string> words = SplitWords(form);
      if (words.empty()) throw file.Error(line, "a cue form without a word");
      CueForm cue_form{cue.get(), EndsWithIng(words[0], english_)};
      cue_forms_.emplace_back(words, cue_form);
      cue_index_.Add(std::move(words), cue_form);
    }
    cues_.push_back(std::move(cue));
  }
}

Lexicon::Lexicon(const rules::RuleSet& rules)
    : alphabet_(ShapeAlphabet::Load(rules)),
      english_(EnglishWords::Load(rules)),
      word_lists_(rules.Shared<segment::WordLists>()) {
  for (const auto& [name, cls] : kCueClasses)
    cue_symbols_[static_cast<std::size_t>(cls)] = alphabet_.CueClassSymbols(name);
  LoadCues(rules.File("cues.txt"));
  for (const auto& line : rules.File("nominal_cues.txt").lines()) {
    std::vector<std::string> words = SplitWords(line.text);
    if (words.size() == 1) nominal_one_words_.push_back(words[0]);
    if (words.size() >= 2) nominal_pair_words_.emplace_back(words[0], words[1]);
    nominal_index_.Add(std::move(words), true);
  }
  for (const auto& line : rules.File("aliases.txt").lines())
    alias_index_.Add(SplitWords(line.text), true);
  for (const segment::WordLists::Row& row : word_lists_.rows()) {  // words.txt
    if (row.word_class == "past") {                                // a content word: only its flag
      past_forms_.insert(row.word);
      continue;
    }
    function_[row.word] = alphabet_.WordClassSymbol(row.word_class);
    if (row.word_class == "be") be_forms_.insert(row.word);
    if (row.word_class == "quantifier" || row.word_class == "quantifier-one")
      quantifiers_[row.word] = row.word_class == "quantifier";
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
  MakeFacts();
}

namespace {

// The facts as one sortable value: two facts are the same exactly when their
// keys are (every field of WordFacts is in it).
std::tuple<char, std::uintptr_t, int, int, unsigned> FactsKey(const WordFacts& f) {
  const unsigned bits = f.title | f.role << 1 | f.org_head << 2 | f.org_head_cap << 3 |
                        f.past << 4 | f.starts_cue << 5 | f.starts_nominal << 6;
  return {f.function, reinterpret_cast<std::uintptr_t>(f.pronoun),
          f.source ? static_cast<int>(*f.source) : -1, static_cast<int>(f.particle), bits};
}

}  // namespace

// Every word some list of Facts holds (a title also with its full stop: IsTitle
// takes "gen." for "gen"), with its facts asked of the functions themselves,
// so Facts(w) gives their answers for a listed word, and none for any other
// (no list holds it) — but for number compounds, which Facts asks apart.
void Lexicon::MakeFacts() {
  std::vector<std::string> keys;
  auto add = [&](std::string_view w) { keys.emplace_back(w); };
  for (const auto& [w, symbol] : function_) add(w);
  for (const auto& [w, pronoun] : pronouns_) add(w);
  for (const auto& [w, type] : sources_) add(w);
  for (const auto& [w, particle] : particles_) add(w);
  for (const auto& w : past_forms_) add(w);
  cue_index_.ForEachFirstWord(add);
  nominal_index_.ForEachFirstWord(add);
  for (const auto& pair : nominal_pair_words_) add(pair.second);  // (MatchNominal's pair test)
  word_lists_.ForEachListWord([&](std::string_view w) {
    add(w);
    keys.push_back(std::string(w) + ".");
  });
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  if (keys.size() >= UINT16_MAX) throw ConfigError("attribution lexicon: too many listed words");
  std::size_t slots = 16;
  while (slots < 2 * keys.size()) slots *= 2;
  fact_slots_.assign(slots, FactSlot{});
  fact_mask_ = slots - 1;
  std::map<decltype(FactsKey(WordFacts{})), std::size_t> values;  // → its index in fact_values_
  for (const std::string& w : keys) {
    if (w.size() > UINT16_MAX) throw ConfigError("attribution lexicon: a listed word too long");
    WordFacts f;
    f.function = FunctionSymbol(w);
    const auto pronoun = pronouns_.find(w);  // (not FindPronoun: it reads these facts)
    f.pronoun = pronoun == pronouns_.end() ? nullptr : &pronoun->second;
    f.source = SourceType(w);
    f.particle = NameParticle(w);
    f.title = IsTitle(w);
    f.role = IsRole(w);
    f.org_head = IsOrgHead(w, false);
    f.org_head_cap = IsOrgHead(w, true);
    f.past = IsIrregularPast(w);
    f.starts_cue = cue_index_.StartsWith(w);
    f.starts_nominal = nominal_index_.StartsWith(w);
    const std::size_t value = values.emplace(FactsKey(f), fact_values_.size()).first->second;
    if (value == fact_values_.size()) fact_values_.push_back(f);
    const std::uint64_t head = FactsHead(w);
    std::size_t i = FactsMix(head, w.size()) & fact_mask_;
    while (fact_slots_[i].facts != 0) i = (i + 1) & fact_mask_;
    fact_slots_[i] =
        FactSlot{head, static_cast<std::uint32_t>(fact_keys_.size()),
                 static_cast<std::uint16_t>(value + 1), static_cast<std::uint16_t>(w.size())};
    fact_keys_.push_back(w);
  }
  number_facts_.function = alphabet_.sym.number;
  MakeCueLists();
  MakeNominalLists();
}

// The nominal cues' one words and first pairs by listed word's number
// (fact_keys_ is sorted and holds each of their words: MakeFacts).
void Lexicon::MakeNominalLists() {
  const auto number = [&](const std::string& w) -> std::uint64_t {
    return std::lower_bound(fact_keys_.begin(), fact_keys_.end(), w) - fact_keys_.begin();
  };
  nominal_one_.assign(fact_keys_.size(), false);
  for (const std::string& w : nominal_one_words_) nominal_one_[number(w)] = true;
  for (const auto& [first, second] : nominal_pair_words_)
    nominal_pairs_.push_back(number(first) << 32 | number(second));
  std::sort(nominal_pairs_.begin(), nominal_pairs_.end());
  nominal_pairs_.erase(std::unique(nominal_pairs_.begin(), nominal_pairs_.end()),
                       nominal_pairs_.end());
  nominal_one_words_.clear();
  nominal_pair_words_.clear();
}

// cue_index_'s lists, flat, by listed word (fact_keys_ holds every first
// word of a cue): a list is PhraseIndex::Add's — longest first, phrases of
// one length as added — which a stable sort by length makes.
void Lexicon::MakeCueLists() {
  std::vector<std::vector<std::size_t>> by_word(fact_keys_.size());
  for (std::size_t k = 0; k < cue_forms_.size(); ++k) {
    const std::string& first = cue_forms_[k].first[0];
    const auto at = std::lower_bound(fact_keys_.begin(), fact_keys_.end(), first);
    by_word[at - fact_keys_.begin()].push_back(k);  // (present: MakeFacts added it)
  }
  cue_at_.assign(1, 0);
  for (auto& list : by_word) {
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      return cue_forms_[a].first.size() > cue_forms_[b].first.size();
    });
    for (std::size_t k : list) {
      const auto& [words, form] = cue_forms_[k];
      cue_phrases_.push_back(CuePhrase{form, static_cast<std::uint32_t>(cue_rest_.size()),
                                       static_cast<std::uint32_t>(words.size())});
      cue_rest_.insert(cue_rest_.end(), words.begin() + 1, words.end());
    }
    cue_at_.push_back(static_cast<std::uint32_t>(cue_phrases_.size()));
  }
  cue_forms_.clear();
  cue_forms_.shrink_to_fit();
}

const WordFacts& Lexicon::Facts(std::string_view lower) const {
  return Facts(lower, lower.find('-') != std::string_view::npos);
}

const WordFacts& Lexicon::Facts(std::string_view lower, bool hyphen) const {
  return Facts(lower, hyphen, FactsHash(lower));
}

const WordFacts& Lexicon::Facts(std::string_view lower, bool hyphen, std::uint64_t hash) const {
  std::uint32_t word;
  return Facts(lower, hyphen, hash, word);
}

const WordFacts& Lexicon::Facts(std::string_view lower, bool hyphen, std::uint64_t hash,
                                std::uint32_t& word) const {
  return Facts(lower, hyphen, Probe{FactsHead(lower), hash}, word);
}

bool Lexicon::SameTail(std::uint32_t key, std::string_view lower) const {
  return SameBytes(fact_keys_[key].data() + 8, lower.data() + 8, lower.size() - 8);
}

const WordFacts& Lexicon::UnlistedHyphenated(std::string_view lower) const {
  return NumberCompound(lower) ? number_facts_ : no_facts_;
}

namespace {
// words[k], for a PhraseIndex look-up over the whole of `words`.
struct WordAt {
  const std::vector<std::string_view>& words;
  std::string_view operator()(std::size_t k) const { return words[k]; }
};
}  // namespace

std::optional<PhraseMatch> Lexicon::MatchCue(const std::vector<std::string_view>& words) const {
  auto hit = cue_index_.Longest(0, words.size(), WordAt{words});
  if (!hit.value) return std::nullopt;
  return PhraseMatch{hit.value->cue, hit.length, hit.value->participle};
}

std::optional<PhraseMatch> Lexicon::MatchCue(std::uint32_t word,
                                             const std::vector<std::string_view>& words) const {
  return MatchCueAt(word, words.data(), words.size());
}

std::optional<PhraseMatch> Lexicon::MatchCueWord(std::string_view lower) const {
  std::uint32_t word;
  Facts(lower, false, FactsHash(lower), word);
  return MatchCueAt(word, &lower, 1);
}

std::optional<PhraseMatch> Lexicon::MatchCueAt(std::uint32_t word, const std::string_view* words,
                                               std::size_t n) const {
  // (no listed word starts no cue: every cue's first word is listed)
  if (word == kNoWord || n == 0) return std::nullopt;
  for (std::uint32_t k = cue_at_[word]; k < cue_at_[word + 1]; ++k) {
    const CuePhrase& p = cue_phrases_[k];
    if (p.words > n) continue;
    bool ok = true;
    for (std::size_t j = 1; ok && j < p.words; ++j) {
      const std::string& w = cue_rest_[p.rest + j - 1];
      ok = words[j].size() == w.size() && SameBytes(words[j].data(), w.data(), w.size());
    }
    if (ok) return PhraseMatch{p.form.cue, p.words, p.form.participle};
  }
  return std::nullopt;
}

std::size_t Lexicon::MatchNominal(const std::vector<std::string_view>& words) const {
  std::uint32_t word = kNoWord;
  if (!words.empty()) Facts(words[0], false, ProbeOf(words[0]), word);
  return MatchNominal(word, words);
}

std::size_t Lexicon::MatchNominal(std::uint32_t word,
                                  const std::vector<std::string_view>& words) const {
  // (no unlisted word starts a nominal cue: every first word is listed)
  if (word == kNoWord || words.empty()) return 0;
  if (words.size() >= 2 && !nominal_one_[word]) {
    std::uint32_t second;  // (an unlisted second word is no cue's second word)
    Facts(words[1], false, ProbeOf(words[1]), second);
    const std::uint64_t pair = std::uint64_t{word} << 32 | second;
    if (second == kNoWord ||
        !std::binary_search(nominal_pairs_.begin(), nominal_pairs_.end(), pair))
      return 0;
  }
  return nominal_index_.Longest(0, words.size(), WordAt{words}).length;
}

std::size_t Lexicon::MatchAlias(const std::vector<std::string_view>& words) const {
  return alias_index_.Longest(0, words.size(), WordAt{words}).length;
}

char Lexicon::FunctionSymbol(std::string_view lower) const {
  auto it = function_.find(lower);
  if (it != function_.end()) return it->second;
  return NumberCompound(lower) ? alphabet_.sym.number : 0;
}

bool Lexicon::NumberCompound(std::string_view lower) const {
  return word_lists_.IsNumberCompound(lower);
}

// The facts' pronoun (MakeFacts took it from pronouns_ for every word it
// holds, so the same pointer): one probe of the packed table, not a
// ViewMap's. With no hyphen named, a word no list holds has no facts and a
// number compound's facts hold no pronoun either.
const Pronoun* Lexicon::FindPronoun(std::string_view lower) const {
  return Facts(lower, false).pronoun;
}

Particle Lexicon::NameParticle(std::string_view lower) const {
  auto it = particles_.find(lower);
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
  auto it = sources_.find(lower);
  if (it == sources_.end()) return std::nullopt;
  return it->second;
}

char Lexicon::CueSymbol(const Cue& cue, bool participle) const {
  const auto& [finite, ing] = cue_symbols_[static_cast<std::size_t>(cue.cls)];
  return participle ? ing : finite;
}

}  // namespace whosaid::attribution
