#include "entities/spelling.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace whosaid::entities {
namespace {

constexpr const char* kLettersFile = "names/letters.txt";
constexpr const char* kConsonantsFile = "names/consonants.txt";
constexpr const char* kVowelsFile = "names/vowels.txt";

// A consonant taken for a vowel or the reverse: more than dropping one and
// adding the other would cost, so the distance never prefers it.
constexpr float kVowelForConsonant = 2.0f;
constexpr float kDefaultConsonant = 1.0f;
constexpr float kDefaultVowelSub = 0.6f;
constexpr float kDefaultVowelIndel = 0.25f;

bool ParseCost(const std::string& text, float& out) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || v < 0 || v > 10) return false;
  out = static_cast<float>(v);
  return true;
}

// A symbol of letters.txt: one printable ASCII character.
bool IsSymbol(const std::string& s) {
  return s.size() == 1 && static_cast<unsigned char>(s[0]) > 32 &&
         static_cast<unsigned char>(s[0]) < 127;
}

}  // namespace

const char* PartLevelName(PartLevel level) {
  switch (level) {
    case PartLevel::kExact: return "exact";
    case PartLevel::kStrong: return "spelling";
    case PartLevel::kNear: return "near";
    case PartLevel::kWeak: return "weak";
    case PartLevel::kNone: break;
  }
  return "none";
}

SpellingRules::SpellingRules(const rules::RuleSet& rules, const SpellingConfig& config)
    : config_(config), letters_(rules.File(kLettersFile), Rewriter::Fields::kTwo) {
  for (int a = 0; a < 128; ++a) {
    const bool va = IsVowel(static_cast<char>(a));
    indel_[a] = va ? kDefaultVowelIndel : kDefaultConsonant;
    for (int b = 0; b < 128; ++b) {
      const bool vb = IsVowel(static_cast<char>(b));
      float cost = va != vb ? kVowelForConsonant : va ? kDefaultVowelSub : kDefaultConsonant;
      sub_[a][b] = a == b ? 0.0f : cost;
    }
  }
  LoadCosts(rules.File(kConsonantsFile), false);
  LoadCosts(rules.File(kVowelsFile), true);
  BuildClasses();
}

// "A B | COST" and "A - | COST" lines; vowel files may only name vowels,
// consonant files only consonants.
void SpellingRules::LoadCosts(const rules::RuleFile& file, bool vowels) {
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    float cost = 0;
    std::size_t space = f[0].find(' ');
    if (f.size() != 2 || !ParseCost(f[1], cost) || space == std::string::npos) {
      throw file.Error(line, "expected A B | COST or A - | COST (COST from 0 to 10)");
    }
    std::string a = f[0].substr(0, space), b = f[0].substr(space + 1);
    if (!IsSymbol(a) || (!IsSymbol(b) && b != "-") || IsVowel(a[0]) != vowels ||
        (b != "-" && IsVowel(b[0]) != vowels)) {
      throw file.Error(line, vowels ? "expected vowels (a e i o u)" : "expected consonant symbols");
    }
    auto x = static_cast<unsigned char>(a[0]);
    if (b == "-") {
      indel_[x] = cost;
      continue;
    }
    auto y = static_cast<unsigned char>(b[0]);
    sub_[x][y] = sub_[y][x] = cost;
  }
}

// Union-find over cheap consonant substitutions; a class is named by its
// smallest symbol so that keys do not depend on the order of the file.
void SpellingRules::BuildClasses() {
  for (int c = 0; c < 128; ++c) class_[c] = static_cast<char>(c);
  bool changed = true;
  while (changed) {
    changed = false;
    for (int a = 33; a < 127; ++a) {
      for (int b = 33; b < 127; ++b) {
        if (a == b || IsVowel(static_cast<char>(a)) || IsVowel(static_cast<char>(b))) continue;
        if (sub_[a][b] > config_.blocking_class_cost) continue;
        char m = std::min(class_[a], class_[b]);
        if (class_[a] != m || class_[b] != m) {
          class_[a] = class_[b] = m;
          changed = true;
        }
      }
    }
  }
}

Spelling SpellingRules::Spell(std::string_view part) const {
  Spelling s;
  s.phonetic = letters_.Apply(part, Scope::kAll);
  if (!s.phonetic.empty() && IsVowel(s.phonetic[0])) s.skeleton.push_back('@');
  for (char c : s.phonetic) {
    if (IsVowel(c)) continue;
    s.skeleton.push_back(c);
    ++s.consonants;
  }
  s.blocking = s.skeleton;
  for (char& c : s.blocking) {
    if (static_cast<unsigned char>(c) < 128) c = class_[static_cast<unsigned char>(c)];
  }
  return s;
}

// Weighted edit distance; each cell keeps the total and its consonant
// share, preferring the smaller total (then the smaller consonant share).
SpellingRules::Cost SpellingRules::Distance(std::string_view a, std::string_view b) const {
  auto sym = [](char c) { return static_cast<unsigned char>(c) & 0x7f; };
  auto better = [](const Cost& x, const Cost& y) {
    return x.total < y.total || (x.total == y.total && x.consonant < y.consonant);
  };
  auto add = [](Cost c, float cost, bool consonant) {
    c.total += cost;
    if (consonant) c.consonant += cost;
    return c;
  };
  std::vector<Cost> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 1; j <= b.size(); ++j) {
    prev[j] = add(prev[j - 1], indel_[sym(b[j - 1])], !IsVowel(b[j - 1]));
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const char ca = a[i - 1];
    cur[0] = add(prev[0], indel_[sym(ca)], !IsVowel(ca));
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const char cb = b[j - 1];
      Cost best = add(prev[j - 1], Sub(sym(ca), sym(cb)), !IsVowel(ca) || !IsVowel(cb));
      Cost del = add(prev[j], indel_[sym(ca)], !IsVowel(ca));
      Cost ins = add(cur[j - 1], indel_[sym(cb)], !IsVowel(cb));
      if (better(del, best)) best = del;
      if (better(ins, best)) best = ins;
      cur[j] = best;
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

PartLevel SpellingRules::Judge(const Cost& cost, int consonants) const {
  const float vowels = cost.total - cost.consonant;
  const double allowance =
      config_.vowel_allowance_base + config_.vowel_allowance_per_consonant * consonants;
  if (vowels > allowance + 1e-6) return PartLevel::kNone;
  if (cost.consonant <= config_.strong_consonant_cost + 1e-6) return PartLevel::kStrong;
  if (cost.consonant > 1.0f + 1e-6) return PartLevel::kNone;
  if (consonants >= config_.near_min_consonants) return PartLevel::kNear;
  if (consonants >= config_.weak_min_consonants) return PartLevel::kWeak;
  return PartLevel::kNone;
}

PartMatch SpellingRules::Compare(const Spelling& a, const Spelling& b) const {
  PartMatch m;
  if (a.phonetic == b.phonetic) {
    m.level = a.phonetic.empty() ? PartLevel::kNone : PartLevel::kExact;
    return m;
  }
  const auto limit = static_cast<std::size_t>(config_.max_compare_length);
  if (a.phonetic.size() > limit || b.phonetic.size() > limit) return m;
  // Lengths too far apart cannot be within one consonant and the vowel
  // allowance; skip the distance (the common case when blocks are large).
  const int n = std::max(a.consonants, b.consonants);
  if (std::abs(a.consonants - b.consonants) > 1) return m;
  Cost cost = Distance(a.phonetic, b.phonetic);
  m.consonant_cost = cost.consonant;
  m.vowel_cost = cost.total - cost.consonant;
  m.level = Judge(cost, n);
  return m;
}

}  // namespace whosaid::entities
