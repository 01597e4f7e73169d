#include "entities/spelling.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/view_hash.h"

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
// A transposition of two adjacent symbols (Distance), all consonant cost.
constexpr float kTransposition = 1.0f;

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

// Every SpellingRules gets its own number, so a thread's memo (Measure) never
// serves one instance's results to another built later at the same address.
std::uint64_t NextRulesSerial() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

}  // namespace

const char* PartLevelName(PartLevel level) {
  switch (level) {
    case PartLevel::kExact:
      return "exact";
    case PartLevel::kStrong:
      return "spelling";
    case PartLevel::kNear:
      return "near";
    case PartLevel::kWeak:
      return "weak";
    case PartLevel::kNone:
      break;
  }
  return "none";
}

SpellingRules::SpellingRules(const rules::RuleSet& rules, const SpellingConfig& config)
    : config_(config),
      serial_(NextRulesSerial()),
      letters_(rules.File(kLettersFile), Rewriter::Fields::kTwo) {
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
  FindMinClassEdit();
  BuildCoarseClasses();
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
    if (vowels && a == "final" && b == "-" && f.size() == 2) {
      final_vowel_indel_ = cost;
      continue;
    }
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

// The cheapest edit of the consonant classes, in consonant cost, over
// every symbol Distance may see: a substitution across classes or of a
// consonant for a vowel (or the reverse), a consonant dropped or added,
// two symbols transposed (kTransposition).
void SpellingRules::FindMinClassEdit() {
  float least = kTransposition;
  for (int a = 0; a < 128; ++a) {
    const bool va = IsVowel(static_cast<char>(a));
    if (!va) least = std::min(least, indel_[a]);
    for (int b = 0; b < 128; ++b) {
      const bool vb = IsVowel(static_cast<char>(b));
      if (a == b || (va && vb) || (!va && !vb && class_[a] == class_[b])) continue;
      least = std::min(least, sub_[a][b]);
    }
  }
  min_class_edit_ = least;
}

// MatchKeys' coarse classes: the consonant classes joined by every cheap
// substitution (cost at most `cheap`: the most one edit may cost when a
// path makes two or more, each costing min_class_edit_ or more); a coarse
// class is droppable when a cheap edit drops one of its consonants (dropped,
// or taken for a vowel). No keys (keyed_ false) when there is no bound, when
// a transposition is cheap (a coarse skeleton keeps the order), or when a
// path of three or more edits may drop a class (then one deletion per side
// would not cover it).
void SpellingRules::BuildCoarseClasses() {
  keyed_ = false;
  if (min_class_edit_ <= 0) return;
  const float allowed = static_cast<float>(std::max(1.0, config_.strong_consonant_cost));
  const float margin = 1e-3f;  // (for float sums, as MayMatch)
  const float cheap = allowed - min_class_edit_ + margin;
  const float cheap3 = allowed - 2 * min_class_edit_ + margin;  // each of three edits
  float least_drop = kVowelForConsonant;  // the cheapest edit that drops a class
  for (int a = 0; a < 128; ++a) {
    if (IsVowel(static_cast<char>(a))) continue;
    least_drop = std::min(least_drop, indel_[a]);
    for (int b = 0; b < 128; ++b) {
      if (IsVowel(static_cast<char>(b))) least_drop = std::min(least_drop, sub_[a][b]);
    }
  }
  if (kTransposition <= cheap || least_drop <= cheap3) return;
  std::array<int, 128> root{};
  for (int c = 0; c < 128; ++c) root[c] = c;
  auto find = [&](int x) {
    while (root[x] != x) x = root[x] = root[root[x]];
    return x;
  };
  auto unite = [&](int x, int y) {
    x = find(x);
    y = find(y);
    if (x != y) root[std::max(x, y)] = std::min(x, y);
  };
  std::array<bool, 128> drops{};
  for (int a = 0; a < 128; ++a) {
    if (IsVowel(static_cast<char>(a))) continue;
    unite(a, static_cast<unsigned char>(class_[a]));
    for (int b = 0; b < 128; ++b) {
      if (a == b || sub_[a][b] > cheap) continue;
      if (IsVowel(static_cast<char>(b))) {
        drops[a] = true;
      } else {
        unite(a, b);
      }
    }
    if (indel_[a] <= cheap) drops[a] = true;
  }
  std::array<bool, 128> root_drops{};
  for (int a = 0; a < 128; ++a) root_drops[find(a)] = root_drops[find(a)] || drops[a];
  for (int a = 0; a < 128; ++a) {
    const bool vowel = IsVowel(static_cast<char>(a));
    coarse_[a] = vowel ? '\0' : static_cast<char>(find(a));
    droppable_[a] = !vowel && root_drops[find(a)];
  }
  keyed_ = true;
}

namespace {

// Whether x and y are within `most` edits (substitution, insertion,
// deletion, transposition of two adjacent symbols; optimal string
// alignment), rows dropped once every cell of one is over `most`.
bool WithinEdits(std::string_view x, std::string_view y, int most) {
  if (std::abs(static_cast<int>(x.size()) - static_cast<int>(y.size())) > most) return false;
  constexpr std::size_t kLongest = 64;
  if (y.size() >= kLongest) return true;  // (no room: no bound)
  // (not zeroed: each cell is written before it is read — `last` up to
  // y.size() here, `row` up to y.size() on each pass, `before` is a former
  // `last`, read from the second pass on)
  std::array<std::array<int, kLongest>, 3> rows;
  int *before = rows[0].data(), *last = rows[1].data(), *row = rows[2].data();
  for (std::size_t j = 0; j <= y.size(); ++j) last[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    row[0] = static_cast<int>(i);
    int least = row[0];
    for (std::size_t j = 1; j <= y.size(); ++j) {
      int d = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      row[j] = d;
      least = std::min(least, d);
    }
    if (least > most) return false;
    int* free = before;  // the rows move up one
    before = last;
    last = row;
    row = free;
  }
  return last[y.size()] <= most;
}

// The consonant classes of a spelling, in order (`blocking` without the
// initial-vowel mark).
std::string_view Classes(const Spelling& s) {
  std::string_view b = s.blocking;
  if (!b.empty() && b[0] == '@') b.remove_prefix(1);
  return b;
}

}  // namespace

// Proof of the bound: take Distance's path from a to b (any path will do)
// and keep only what it does to consonants, each by its class. A
// substitution within a class leaves the class skeleton as it is; across
// classes it is a substitution there; a consonant for a vowel (or the
// reverse) an insertion (deletion); a consonant dropped or added a deletion
// (insertion); a transposition of two consonants a transposition (of a
// consonant and a vowel: nothing); vowel edits nothing. So the skeletons
// are that many edits apart or fewer, each costing at least
// min_class_edit_, all of it consonant cost (Distance counts any edit
// touching a consonant, and a transposition, as consonant cost). kWeak or
// better allows at most one consonant of cost, or strong_consonant_cost
// where that is set above one (Judge); Compare's cheap
// tests (equal, too long, consonants two apart) are repeated first.
bool SpellingRules::MayMatch(const Spelling& a, const Spelling& b) const {
  if (a.phonetic == b.phonetic) return true;
  const auto longest = static_cast<std::size_t>(config_.max_compare_length);
  if (a.phonetic.size() > longest || b.phonetic.size() > longest) return false;
  if (std::abs(a.consonants - b.consonants) > 1) return false;
  if (min_class_edit_ <= 0) return true;
  const std::string_view x = Classes(a), y = Classes(b);
  for (std::string_view s : {x, y}) {
    for (char c : s) {
      if (static_cast<unsigned char>(c) >= 128) return true;  // (Distance masks such bytes)
    }
  }
  // Judge's most consonant cost at kWeak or better: one consonant, or the
  // strong level's own limit where a configuration sets it higher.
  const auto allowed = static_cast<float>(std::max(1.0, config_.strong_consonant_cost));
  const float most = (allowed + 1e-3f) / min_class_edit_;  // (a margin for float sums)
  if (most >= static_cast<float>(longest)) return true;
  return WithinEdits(x, y, static_cast<int>(most));
}

// Proof of the keys (MatchKeys). Compare(a, b) >= kWeak: equal phonetic
// spellings (equal skeletons: the "e:" skeleton key), or Judge of
// Distance's path with at most `allowed` consonant cost (MayMatch). Project
// that path onto the class skeletons as MayMatch does: k class edits, each
// costing min_class_edit_ or more.
//   k <= 1: a substitution or a transposition is one deletion on each side,
//   a deletion or an insertion one on one side: the skeletons share an "e:"
//   key (a skeleton with at most one deletion).
//   k >= 2: each edit costs at most allowed − min_class_edit_ (`cheap`): a
//   cheap substitution keeps the coarse skeleton, a cheap deletion or
//   insertion drops or adds one droppable coarse class, a transposition is
//   never cheap (BuildCoarseClasses: else no keys). With k = 2, Compare
//   matching nothing whose consonants differ by two or more, the path drops
//   at most one class from each side; with k >= 3 each edit costs at most
//   allowed − 2 × min_class_edit_, less than any edit that drops a class
//   (BuildCoarseClasses: else no keys), so it drops none. Either way the
//   coarse skeletons share a "c:" key (the coarse skeleton with at most one
//   droppable class deleted).
// A skeleton (the mark aside) has a class per consonant, so its length is
// `consonants`; parts longer than max_compare_length match only equal
// phonetic spellings (the "e:" skeleton key alone).
bool SpellingRules::MatchKeys(const Spelling& s, std::vector<std::uint64_t>& keys) const {
  if (!keyed_) return false;
  std::string_view x = s.blocking;
  if (!s.phonetic.empty() && IsVowel(s.phonetic[0])) x.remove_prefix(1);  // the mark
  for (char c : x) {
    if (static_cast<unsigned char>(c) >= 128) return false;  // (Distance masks such bytes)
  }
  // FNV-1a over a tag and the symbols (mapped: coarse classes) but the one
  // at `skip`, then mixed (murmur3's finaliser); no string is built. The
  // state after the symbols before `skip` is the same for every skip past
  // them: made once per tag (Heads: head[k] after the tag and symbols
  // [0, k)), each key then hashes only the symbols after its skip — the
  // same value as hashing all but the skipped one in order.
  constexpr std::uint64_t kPrime = 1099511628211ull;
  const std::size_t n = x.size();
  std::array<std::uint64_t, 65> small;
  std::vector<std::uint64_t> large;  // (a longer skeleton)
  std::uint64_t* head = small.data();
  if (n + 1 > small.size()) {
    large.resize(n + 1);
    head = large.data();
  }
  auto symbol = [&](const char* map, std::size_t k) {
    const auto c = static_cast<unsigned char>(x[k]);
    return static_cast<unsigned char>(map ? map[c] : x[k]);
  };
  auto heads = [&](char tag, const char* map) {
    head[0] = (14695981039346656037ull ^ static_cast<unsigned char>(tag)) * kPrime;
    for (std::size_t k = 0; k < n; ++k) head[k + 1] = (head[k] ^ symbol(map, k)) * kPrime;
  };
  auto key = [&](const char* map, std::size_t skip) {  // (skip n: none)
    std::uint64_t h = head[skip];
    for (std::size_t k = skip + 1; k < n; ++k) h = (h ^ symbol(map, k)) * kPrime;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  };
  heads('e', nullptr);
  keys.push_back(key(nullptr, n));
  if (s.phonetic.size() > static_cast<std::size_t>(config_.max_compare_length)) return true;
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0 && x[k] == x[k - 1]) continue;  // (the same deletion)
    keys.push_back(key(nullptr, k));
  }
  const char* coarse = coarse_.data();
  heads('c', coarse);
  keys.push_back(key(coarse, n));
  for (std::size_t k = 0; k < n; ++k) {
    const auto c = static_cast<unsigned char>(x[k]);
    if (!droppable_[c]) continue;
    if (k > 0 && coarse_[c] == coarse_[static_cast<unsigned char>(x[k - 1])]) continue;  // (same)
    keys.push_back(key(coarse, k));
  }
  return true;
}

Spelling SpellingRules::Spell(std::string_view part) const {
  return FromPhonetic(letters_.Apply(part, Scope::kAll));
}

Spelling SpellingRules::Join(const std::vector<const Spelling*>& parts) const {
  std::string joined;
  for (const Spelling* p : parts) {
    std::string_view next = p->phonetic;
    if (!joined.empty() && !next.empty() && joined.back() == next.front()) next.remove_prefix(1);
    joined += next;
  }
  return FromPhonetic(std::move(joined));
}

Spelling SpellingRules::FromPhonetic(std::string phonetic) const {
  Spelling s;
  s.phonetic = std::move(phonetic);
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

float SpellingRules::Indel(std::string_view s, std::size_t k) const {
  const char c = s[k];
  if (final_vowel_indel_ >= 0 && k + 1 == s.size() && k > 0 && IsVowel(c) && !IsVowel(s[k - 1])) {
    return final_vowel_indel_;
  }
  return indel_[static_cast<unsigned char>(c) & 0x7f];
}

// Weighted edit distance with transpositions of two adjacent symbols
// (Arkam / Akram), cost 1 as a consonant edit. Each cell keeps the total
// and its consonant share, preferring the smaller total (then the smaller
// consonant share).
SpellingRules::Cost SpellingRules::Distance(std::string_view a, std::string_view b,
                                            float limit) const {
  auto sym = [](char c) { return static_cast<unsigned char>(c) & 0x7f; };
  auto better = [](const Cost& x, const Cost& y) {
    return x.total < y.total || (x.total == y.total && x.consonant < y.consonant);
  };
  auto add = [](Cost c, float cost, bool consonant) {
    c.total += cost;
    if (consonant) c.consonant += cost;
    return c;
  };
  // A per-thread table reused from call to call: no allocation in this hot
  // loop once it has grown to the longest parts compared (at most
  // max_compare_length symbols each: Compare checks).
  const std::size_t w = b.size() + 1;
  // (not cleared: the corner is set here, and every other cell is written
  // before it is read — row 0 first, then each row's column 0 and its
  // cells from left to right)
  thread_local std::vector<Cost> table;
  if (table.size() < (a.size() + 1) * w) table.resize((a.size() + 1) * w);
  Cost* d = table.data();
  d[0] = Cost{};
  // What each column reads of b — its symbol's indel cost and whether it is
  // a consonant — taken once, not once per row (the same values: Indel and
  // IsVowel are functions of b and the column alone).
  thread_local std::vector<float> b_indel;
  thread_local std::vector<char> b_consonant;
  b_indel.resize(b.size());
  b_consonant.resize(b.size());
  // (Indel's final-vowel cost is for the last symbol only: the others read
  // the table directly, the same value)
  for (std::size_t j = 0; j < b.size(); ++j) {
    b_indel[j] = j + 1 < b.size() ? indel_[sym(b[j])] : Indel(b, j);
    b_consonant[j] = !IsVowel(b[j]);
  }
  for (std::size_t j = 1; j <= b.size(); ++j) {
    d[j] = add(d[j - 1], b_indel[j - 1], b_consonant[j - 1] != 0);
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const char ca = a[i - 1];
    const float del_a = i < a.size() ? indel_[sym(ca)] : Indel(a, i - 1);
    const bool a_consonant = !IsVowel(ca);
    const std::array<float, 128>& sub_a = sub_[sym(ca)];
    d[i * w] = add(d[(i - 1) * w], del_a, a_consonant);
    float row_min = d[i * w].total;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const char cb = b[j - 1];
      const bool b_cons = b_consonant[j - 1] != 0;
      Cost best = add(d[(i - 1) * w + j - 1], sub_a[sym(cb)], a_consonant || b_cons);
      Cost del = add(d[(i - 1) * w + j], del_a, a_consonant);
      Cost ins = add(d[i * w + j - 1], b_indel[j - 1], b_cons);
      if (better(del, best)) best = del;
      if (better(ins, best)) best = ins;
      if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb && ca != cb) {
        Cost swap = add(d[(i - 2) * w + j - 2], kTransposition, true);
        if (better(swap, best)) best = swap;
      }
      d[i * w + j] = best;
      row_min = std::min(row_min, best.total);
    }
    // Costs only grow down the table: once a whole row is over the limit,
    // so is the answer (most compared parts are unrelated and stop early).
    if (row_min > limit) return Cost{row_min, row_min};
  }
  return d[a.size() * w + b.size()];
}

PartLevel SpellingRules::Judge(const Cost& cost, int consonants) const {
  const float vowels = cost.total - cost.consonant;
  const double allowance =
      config_.vowel_allowance_base + config_.vowel_allowance_per_consonant * consonants;
  const bool soft_consonants = cost.consonant <= config_.strong_consonant_cost + 1e-6;
  if (vowels > allowance + 1e-6) {
    bool weak = soft_consonants && consonants >= config_.weak_min_consonants &&
                vowels <= allowance + config_.weak_extra_vowel_cost + 1e-6;
    return weak ? PartLevel::kWeak : PartLevel::kNone;
  }
  if (soft_consonants) return PartLevel::kStrong;
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
  const auto longest = static_cast<std::size_t>(config_.max_compare_length);
  if (a.phonetic.size() > longest || b.phonetic.size() > longest) return m;
  // Lengths too far apart cannot be within one consonant and the vowel
  // allowance; skip the distance (the common case when blocks are large).
  if (std::abs(a.consonants - b.consonants) > 1) return m;
  return Measure(a, b);
}

// The same pairs of parts are compared again and again across a corpus's
// names (each name part against each of a block's), and the distance costs
// some thousands of instructions: a per-thread direct-mapped memo keyed by
// the instance and both spellings (phonetic, consonants) (in the order given) keeps the
// answer. Measure is a pure function of those, so the memo changes no result.
PartMatch SpellingRules::Measure(const Spelling& a, const Spelling& b) const {
  struct Slot {
    std::uint64_t serial = 0;  // 0: empty (serials start at 1)
    int ca = 0, cb = 0;
    std::string a, b;
    PartMatch match;
  };
  constexpr std::size_t kSlots = 1 << 13;
  thread_local std::vector<Slot> memo(kSlots);
  // (HashBytes: a third of std::hash's instructions on a part's few bytes;
  // the slot is a cache's, so any hash gives the same answers)
  const std::uint64_t h = HashBytes(a.phonetic) * 0x9E3779B97F4A7C15ull + HashBytes(b.phonetic);
  Slot& slot = memo[(h * 0x9E3779B97F4A7C15ull) >> 51];  // 13-bit slot index
  if (slot.serial == serial_ && slot.ca == a.consonants && slot.cb == b.consonants &&
      slot.a == a.phonetic && slot.b == b.phonetic) {
    return slot.match;
  }
  // Nothing costing more than one consonant plus the widest vowel allowance
  // can be a match at any level.
  const int n = std::max(a.consonants, b.consonants);
  const float limit = static_cast<float>(1.0 + config_.vowel_allowance_base +
                                         config_.vowel_allowance_per_consonant * n +
                                         config_.weak_extra_vowel_cost) +
                      1e-3f;
  Cost cost = Distance(a.phonetic, b.phonetic, limit);
  PartMatch m;
  m.consonant_cost = cost.consonant;
  m.vowel_cost = cost.total - cost.consonant;
  m.level = Judge(cost, n);
  slot.serial = serial_;
  slot.ca = a.consonants;
  slot.cb = b.consonants;
  slot.a.assign(a.phonetic);
  slot.b.assign(b.phonetic);
  slot.match = m;
  return m;
}

}  // namespace whosaid::entities
