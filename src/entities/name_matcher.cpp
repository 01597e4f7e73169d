#include "entities/name_matcher.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string_view>

namespace whosaid::entities {
namespace {

bool Better(const PartMatch& x, const PartMatch& y) {
  if (x.level != y.level) return x.level > y.level;
  return x.consonant_cost + x.vowel_cost < y.consonant_cost + y.vowel_cost;
}

struct Candidate {
  int i, j;
  PartMatch match;
};

}  // namespace

const char* RelationName(Relation r) {
  switch (r) {
    case Relation::kConflict:
      return "conflict";
    case Relation::kEqual:
      return "equal";
    case Relation::kFirstShort:
      return "first is a short form";
    case Relation::kSecondShort:
      return "second is a short form";
    case Relation::kNone:
      break;
  }
  return "none";
}

// ---------------------------------------------------------------- PartComparer

namespace {

// A part of two or more letters without a vowel is an acronym or an
// abbreviation (RNC, NAB), not a transliteration: only the same letters match.
bool Vowelless(const std::string& text) {
  return text.size() >= 2 && text.find_first_of("aeiouy") == std::string::npos;
}

}  // namespace

PartMatch PartComparer::Uncached(const NamePart& a, const NamePart& b) const {
  if (Vowelless(a.text) || Vowelless(b.text)) return PartMatch{PartLevel::kNone, 1, 0};
  PartMatch best = spelling_.Compare(a.spelling, b.spelling);
  if (best.level >= PartLevel::kStrong) return best;
  // Without a prefix (Alqubaie / Qubaie; Abdhamid / Hamid, weak).
  auto consider = [&](const Spelling& x, const Spelling& y, bool weak) {
    PartMatch m = spelling_.Compare(x, y);
    if (weak && m.level > PartLevel::kWeak) m.level = PartLevel::kWeak;
    if (Better(m, best)) best = m;
  };
  for (const auto& alt : a.alternatives) consider(alt.spelling, b.spelling, alt.weak);
  for (const auto& alt : b.alternatives) consider(a.spelling, alt.spelling, alt.weak);
  return best;
}

PartMatch PartComparer::Compare(const NamePart& a, const NamePart& b) {
  if (a.id == 0 || b.id == 0) return Uncached(a, b);
  if (a.id == b.id) return PartMatch{PartLevel::kExact, 0, 0};
  std::uint64_t key = (std::uint64_t{std::min(a.id, b.id)} << 32) | std::max(a.id, b.id);
  Slot& slot = cache_[(key * 0x9E3779B97F4A7C15ull) >> 48];  // 16-bit slot index
  if (slot.key == key) return slot.match;
  slot = Slot{key, Uncached(a, b)};
  return slot.match;
}

// ---------------------------------------------------------------- alignment

struct NameMatcher::Alignment {
  std::vector<int> a_link, b_link;  // part index → link index, -1 when unmatched
  std::vector<PartLink> links;

  void Add(int a0, int a1, int b0, int b1, PartLevel level, bool initial) {
    for (int i = a0; i < a1; ++i)
      a_link[static_cast<std::size_t>(i)] = static_cast<int>(links.size());
    for (int j = b0; j < b1; ++j)
      b_link[static_cast<std::size_t>(j)] = static_cast<int>(links.size());
    links.push_back({static_cast<std::uint8_t>(a0), static_cast<std::uint8_t>(a1),
                     static_cast<std::uint8_t>(b0), static_cast<std::uint8_t>(b1), level, initial});
  }
};

// One-to-one, best pairs first; among equals the pair closer in position,
// so "Muhammad Ali Muhammad" aligns left to right.
void NameMatcher::AlignSingles(const ParsedName& a, const ParsedName& b, PartComparer& parts,
                               Alignment& al) const {
  std::vector<Candidate> cands;
  for (std::size_t i = 0; i < a.parts.size(); ++i) {
    if (a.parts[i].initial) continue;
    for (std::size_t j = 0; j < b.parts.size(); ++j) {
      if (b.parts[j].initial) continue;
      PartMatch m = parts.Compare(a.parts[i], b.parts[j]);
      if (m.level >= PartLevel::kWeak)
        cands.push_back({static_cast<int>(i), static_cast<int>(j), m});
    }
  }
  std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) {
    if (x.match.level != y.match.level) return x.match.level > y.match.level;
    int dx = std::abs(x.i - x.j), dy = std::abs(y.i - y.j);
    if (dx != dy) return dx < dy;
    float cx = x.match.consonant_cost + x.match.vowel_cost;
    float cy = y.match.consonant_cost + y.match.vowel_cost;
    if (cx != cy) return cx < cy;
    return x.i != y.i ? x.i < y.i : x.j < y.j;
  });
  for (const Candidate& c : cands) {
    if (al.a_link[c.i] >= 0 || al.b_link[c.j] >= 0) continue;
    al.Add(c.i, c.i + 1, c.j, c.j + 1, c.match.level, false);
  }
}

// An unmatched part of `single` against runs of 2..max_joined_parts
// adjacent unmatched parts of `multi`, written together.
void NameMatcher::AlignJoined(const ParsedName& a, const ParsedName& b, bool a_is_single,
                              PartComparer& parts, Alignment& al, PartLevel min_level) const {
  const ParsedName& single = a_is_single ? a : b;
  const ParsedName& multi = a_is_single ? b : a;
  std::vector<int>& s_link = a_is_single ? al.a_link : al.b_link;
  std::vector<int>& m_link = a_is_single ? al.b_link : al.a_link;
  const int n = static_cast<int>(multi.parts.size());
  for (std::size_t i = 0; i < single.parts.size(); ++i) {
    const NamePart& part = single.parts[i];
    if (part.initial || s_link[i] >= 0) continue;
    for (int start = 0; start < n; ++start) {
      std::vector<const Spelling*> run;
      int consonants = 0;
      for (int end = start; end < n && end - start < config_.max_joined_parts; ++end) {
        const NamePart& p = multi.parts[static_cast<std::size_t>(end)];
        if (p.initial || m_link[static_cast<std::size_t>(end)] >= 0) break;
        run.push_back(&p.spelling);
        consonants += p.spelling.consonants;
        if (end == start || std::abs(consonants - part.spelling.consonants) > 1) continue;
        const SpellingRules& sp = parts.spelling();
        PartMatch m = sp.Compare(part.spelling, sp.Join(run));
        if (m.level < min_level) continue;
        int i0 = static_cast<int>(i);
        if (a_is_single)
          al.Add(i0, i0 + 1, start, end + 1, m.level, false);
        else
          al.Add(start, end + 1, i0, i0 + 1, m.level, false);
        start = n;  // done with this part
        break;
      }
    }
  }
}

// An unmatched initial takes the first unmatched part it begins.
void NameMatcher::AlignInitials(const ParsedName& a, const ParsedName& b, bool initials_in_a,
                                Alignment& al) {
  const ParsedName& x = initials_in_a ? a : b;
  const ParsedName& y = initials_in_a ? b : a;
  std::vector<int>& x_link = initials_in_a ? al.a_link : al.b_link;
  std::vector<int>& y_link = initials_in_a ? al.b_link : al.a_link;
  for (std::size_t i = 0; i < x.parts.size(); ++i) {
    if (!x.parts[i].initial || x_link[i] >= 0) continue;
    for (std::size_t j = 0; j < y.parts.size(); ++j) {
      const std::string& t = y.parts[j].text;
      if (y_link[j] >= 0 || t.empty() || t[0] != x.parts[i].text[0]) continue;
      int i0 = static_cast<int>(i), j0 = static_cast<int>(j);
      if (initials_in_a)
        al.Add(i0, i0 + 1, j0, j0 + 1, PartLevel::kStrong, true);
      else
        al.Add(j0, j0 + 1, i0, i0 + 1, PartLevel::kStrong, true);
      break;
    }
  }
}

// ---------------------------------------------------------------- judging

namespace {

float Quality(PartLevel level, const MatcherConfig& c) {
  switch (level) {
    case PartLevel::kExact:
    case PartLevel::kStrong:
      return 1.0f;
    case PartLevel::kNear:
      return c.near_quality;
    case PartLevel::kWeak:
      return c.weak_quality;
    case PartLevel::kNone:
      break;
  }
  return 0.0f;
}

float RunWeight(const ParsedName& n, int begin, int end) {
  float w = 0;
  for (int k = begin; k < end; ++k) w = std::max(w, n.parts[static_cast<std::size_t>(k)].weight);
  return w;
}

float TotalWeight(const ParsedName& n) {
  float w = 0;
  for (const NamePart& p : n.parts) w += p.initial ? 0.0f : p.weight;
  return w;
}

int Unmatched(const ParsedName& n, const std::vector<int>& link) {
  int count = 0;
  for (std::size_t k = 0; k < n.parts.size(); ++k) count += !n.parts[k].initial && link[k] < 0;
  return count;
}

// Whether the second positions go backwards somewhere when the pairs are
// sorted by the first.
bool Inverted(std::vector<std::pair<int, int>> order) {
  std::sort(order.begin(), order.end());
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (order[k].second < order[k - 1].second) return true;
  }
  return false;
}

int NameParts(const ParsedName& n) {
  int count = 0;
  for (const NamePart& p : n.parts) count += !p.initial;
  return count;
}

// The owners of two organisations: differing ones conflict; a missing one
// makes its side the short form (Ministry of Foreign Affairs / Egypt's).
Relation ApplyOwners(const ParsedName& a, const ParsedName& b, Relation r) {
  if (a.owner == b.owner || r == Relation::kNone || r == Relation::kConflict) return r;
  if (!a.owner.empty() && !b.owner.empty()) return Relation::kConflict;
  Relation owner_less = a.owner.empty() ? Relation::kFirstShort : Relation::kSecondShort;
  return r == Relation::kEqual || r == owner_less ? owner_less : Relation::kConflict;
}

}  // namespace

// The longer name's first part is kept by the short form, or its first
// part that weighs enough when lighter ones come before it (Masood in
// Mohammad Masood Izhari). A kunya is a name the person goes by alone: a
// short form that begins with the longer name's kunya, well matched, is
// anchored by it (Abu Walid Tarqi / Adnan Abu Walid Tarqi), and a leading
// kunya the short form drops is not its given name when every other part
// is spelled the same (Amr Tabsi / Abu Athir Amr Tabsi); nor is a leading
// honorific that is also a given name (Anwar Tabsi / Hakim Anwar Tabsi).
bool NameMatcher::Anchored(const ParsedName& longer, const std::vector<int>& longer_link,
                           const std::vector<int>& shorter_link,
                           const std::vector<PartLink>& links) const {
  const int opening = shorter_link.empty() ? -1 : shorter_link.front();
  for (std::size_t k = 0; k < longer.parts.size(); ++k) {
    if (longer.parts[k].kunya && opening >= 0 && longer_link[k] == opening &&
        links[static_cast<std::size_t>(opening)].level >= PartLevel::kStrong) {
      return true;
    }
  }
  bool all_exact = true;
  for (const PartLink& l : links) all_exact = all_exact && l.level == PartLevel::kExact;
  bool first = true;
  for (std::size_t k = 0; k < longer.parts.size(); ++k) {
    const NamePart& p = longer.parts[k];
    if (p.initial) continue;
    if (longer_link[k] >= 0 && first) return true;
    if (p.kunya && first && all_exact) continue;
    if (p.honorific && first) continue;
    if (p.weight >= config_.anchor_min_weight) return longer_link[k] >= 0;
    first = false;
  }
  return true;
}

Strength NameMatcher::JudgeStrength(const ParsedName& a, const ParsedName& b, const PairMatch& m,
                                    const Tally& t) const {
  if (m.relation == Relation::kNone || m.relation == Relation::kConflict) return Strength::kNone;
  // Organisation names are words as much as transliterations: a weak part
  // (East / West) is never supported by the rest (Isis ... Africa).
  const int max_weak = a.type == EntityType::kPerson ? config_.max_weak_links : 0;
  if (t.weak > max_weak || (t.weak > 0 && t.support < config_.weak_support_evidence)) {
    return Strength::kWeak;
  }
  const PartLevel worst = t.worst;
  if (m.reordered && (t.weak > 0 || m.evidence < config_.reorder_min_evidence)) {
    return Strength::kWeak;  // a reordering with a doubtful part is two doubts
  }
  if (m.relation == Relation::kEqual) {
    bool enough = (worst >= PartLevel::kStrong || m.evidence >= config_.near_min_evidence) &&
                  m.evidence >= config_.equal_min_evidence;
    return enough ? Strength::kStrong : Strength::kWeak;
  }
  const ParsedName& shorter = m.relation == Relation::kFirstShort ? a : b;
  const ParsedName& longer = m.relation == Relation::kFirstShort ? b : a;
  // one word of an organisation's long name is not that organisation
  // ("UN" in "Former UN Envoy and Daily Ledger Security Editor")
  if (a.type == EntityType::kOrg && NameParts(shorter) == 1 &&
      NameParts(longer) > config_.org_short_max_parts) {
    return Strength::kWeak;
  }
  if (NameParts(shorter) == 1) {  // a surname alone (Shwarbani) need not be anchored
    bool rare = TotalWeight(shorter) >= config_.single_part_min_weight;
    return rare && worst >= PartLevel::kStrong ? Strength::kStrong : Strength::kWeak;
  }
  if (!t.anchored) return Strength::kWeak;
  bool enough = m.evidence >= config_.subset_min_evidence &&
                (worst >= PartLevel::kStrong || m.evidence >= config_.near_min_evidence);
  return enough ? Strength::kStrong : Strength::kWeak;
}

void NameMatcher::Judge(const ParsedName& a, const ParsedName& b, const Alignment& al,
                        PairMatch& m) const {
  Tally t;
  std::vector<std::pair<int, int>> order, with_initials;
  bool linked = false;
  for (const PartLink& l : al.links) {
    with_initials.emplace_back(l.a_begin, l.b_begin);
    if (l.initial) continue;
    order.emplace_back(l.a_begin, l.b_begin);
    linked = true;
    const float w = std::min(RunWeight(a, l.a_begin, l.a_end), RunWeight(b, l.b_begin, l.b_end));
    m.evidence += w * Quality(l.level, config_);
    if (l.level == PartLevel::kWeak) {
      ++t.weak;
    } else {
      t.worst = std::min(t.worst, l.level);
      t.support += w * Quality(l.level, config_);
    }
  }
  m.reordered = Inverted(order);
  // Initials out of order (Folake A. / Kunle O.) are other names, not a
  // reordering.
  const bool initials_misplaced = !m.reordered && Inverted(with_initials);
  const float union_weight = TotalWeight(a) + TotalWeight(b) - m.evidence;
  m.score = union_weight > 0 ? std::min(1.0f, m.evidence / union_weight) : 0.0f;
  const int ua = Unmatched(a, al.a_link), ub = Unmatched(b, al.b_link);
  if (!linked)
    m.relation = Relation::kNone;
  else if (ua == 0 && ub == 0)
    m.relation = Relation::kEqual;
  else if (ua == 0)
    m.relation = Relation::kFirstShort;
  else if (ub == 0)
    m.relation = Relation::kSecondShort;
  else
    m.relation = Relation::kConflict;
  if (initials_misplaced) m.relation = Relation::kConflict;
  // Organisation names put their words in any order (Ansar Front of Iraq /
  // Harakat-e-Ansar Iraq): only persons' short forms are anchored.
  const bool persons = a.type == EntityType::kPerson;
  if (persons && m.relation == Relation::kFirstShort)
    t.anchored = Anchored(b, al.b_link, al.a_link, al.links);
  if (persons && m.relation == Relation::kSecondShort)
    t.anchored = Anchored(a, al.a_link, al.b_link, al.links);
  m.relation = ApplyOwners(a, b, m.relation);
  m.strength = JudgeStrength(a, b, m, t);
  if (m.strength == Strength::kNone)
    m.rule = m.relation == Relation::kConflict ? "conflict" : "none";
  else if (m.strength == Strength::kWeak)
    m.rule = "weak (needs context)";
  else if (m.relation != Relation::kEqual)
    m.rule = "short form";
  else if (m.reordered)
    m.rule = "reordered";
  else if (t.weak > 0)
    m.rule = "spelling variant (one part weak)";
  else if (t.worst == PartLevel::kNear)
    m.rule = "near spelling";
  else
    m.rule = t.worst == PartLevel::kExact ? "same name" : "spelling variant";
}

PairMatch NameMatcher::Compare(const ParsedName& a, const ParsedName& b,
                               PartComparer& parts) const {
  PairMatch m;
  if (!a.matchable || !b.matchable || a.type != b.type) return m;
  Align(a, b, parts, false, m);
  // A part written joined may have lost its first half to a single part of
  // the same spelling elsewhere in the name (Mohamed Sherif Mohamed Awad /
  // Mohamedsherif Mohamed Awad): when that leaves a conflict, parts written
  // together that match a run of the other name's parts strongly are
  // aligned first.
  if (m.relation == Relation::kConflict && NameParts(a) != NameParts(b)) {
    PairMatch joined;
    Align(a, b, parts, true, joined);
    if (joined.relation != Relation::kConflict && joined.relation != Relation::kNone)
      m = std::move(joined);
  }
  return m;
}

void NameMatcher::Align(const ParsedName& a, const ParsedName& b, PartComparer& parts,
                        bool joined_first, PairMatch& m) const {
  Alignment al;
  al.a_link.assign(a.parts.size(), -1);
  al.b_link.assign(b.parts.size(), -1);
  if (joined_first) {
    AlignJoined(a, b, true, parts, al, PartLevel::kStrong);
    AlignJoined(a, b, false, parts, al, PartLevel::kStrong);
  }
  AlignSingles(a, b, parts, al);
  AlignJoined(a, b, true, parts, al);
  AlignJoined(a, b, false, parts, al);
  AlignInitials(a, b, true, al);
  AlignInitials(a, b, false, al);
  Judge(a, b, al, m);
  m.links = std::move(al.links);
}

// ---------------------------------------------------------------- MayRelate

bool NameMatcher::MayRelate(const ParsedName& a, const ParsedName& b, PartComparer& parts) const {
  if (!a.matchable || !b.matchable || a.type != b.type) return false;  // as Compare
  return AllLinkable(a, b, true, parts) || AllLinkable(b, a, false, parts);
}

namespace {

// Whether y has a part, not an initial, of p's text (ids set: PartComparer
// finds them exact without comparing).
bool SameIdIn(const NamePart& p, const ParsedName& y) {
  return p.id != 0 && std::any_of(y.parts.begin(), y.parts.end(),
                                  [&](const NamePart& q) { return !q.initial && q.id == p.id; });
}

// Whether PartComparer::Compare(p, q) may reach kWeak: one of the spellings
// it compares (each part, or one without its prefix) may match the other.
bool MayMatchPart(const NamePart& p, const NamePart& q, const SpellingRules& sp) {
  if (sp.MayMatch(p.spelling, q.spelling)) return true;
  for (const auto& alt : p.alternatives) {
    if (sp.MayMatch(alt.spelling, q.spelling)) return true;
  }
  for (const auto& alt : q.alternatives) {
    if (sp.MayMatch(p.spelling, alt.spelling)) return true;
  }
  return false;
}

}  // namespace

// Whether x has a part that is not an initial, and every such part could
// be linked to y by Align (x is Compare's first name when x_is_a).
bool NameMatcher::AllLinkable(const ParsedName& x, const ParsedName& y, bool x_is_a,
                              PartComparer& parts) const {
  bool any = false;
  for (std::size_t k = 0; k < x.parts.size(); ++k) {
    if (x.parts[k].initial) continue;
    any = true;
    if (!SameIdIn(x.parts[k], y) && !Linkable(x, k, y, x_is_a, parts)) return false;
  }
  return any;
}

// The four ways Align may link part k of x (not an initial) to y, each
// tested whatever else is linked (name_matcher.h, MayRelate).
bool NameMatcher::Linkable(const ParsedName& x, std::size_t k, const ParsedName& y, bool x_is_a,
                           PartComparer& parts) const {
  const NamePart& p = x.parts[k];
  for (const NamePart& q : y.parts) {  // initial (AlignInitials)
    if (q.initial && !p.text.empty() && p.text[0] == q.text[0]) return true;
  }
  const SpellingRules& sp = parts.spelling();
  for (const NamePart& q : y.parts) {  // single (AlignSingles)
    if (q.initial || !MayMatchPart(p, q, sp)) continue;
    const PartMatch m = x_is_a ? parts.Compare(p, q) : parts.Compare(q, p);
    if (m.level >= PartLevel::kWeak) return true;
  }
  for (std::size_t start = 0; start < y.parts.size(); ++start) {  // p against a run of y
    if (JoinedLinkable(p, y, start, start + 1, sp)) return true;
  }
  const std::size_t span = static_cast<std::size_t>(std::max(1, config_.max_joined_parts));
  for (std::size_t start = k >= span ? k - span + 1 : 0; start <= k; ++start) {  // a run of x
    for (const NamePart& q : y.parts) {
      if (JoinedLinkable(q, x, start, std::max(k, start + 1), sp)) return true;
    }
  }
  return false;
}

// Whether `single` (not an initial) matches, by AlignJoined's test, a run of
// two or more of multi's parts from `start` that ends at `reach` or later.
// (The run is spelled only when its consonants are within one of single's.)
bool NameMatcher::JoinedLinkable(const NamePart& single, const ParsedName& multi, std::size_t start,
                                 std::size_t reach, const SpellingRules& sp) const {
  if (single.initial) return false;
  int consonants = 0;
  for (std::size_t end = start;
       end < multi.parts.size() && static_cast<int>(end - start) < config_.max_joined_parts;
       ++end) {
    const NamePart& p = multi.parts[end];
    if (p.initial) break;
    consonants += p.spelling.consonants;
    if (end == start || end < reach || std::abs(consonants - single.spelling.consonants) > 1) {
      continue;
    }
    std::vector<const Spelling*> run;
    for (std::size_t r = start; r <= end; ++r) run.push_back(&multi.parts[r].spelling);
    const Spelling joined = sp.Join(run);
    if (sp.MayMatch(single.spelling, joined) &&
        sp.Compare(single.spelling, joined).level >= PartLevel::kNear) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- keys

namespace {

// An initial, and a part it may begin: its first letter.
std::uint64_t InitialKey(char letter) {
  const char key[] = {'i', ':', letter};
  return std::hash<std::string_view>()(std::string_view(key, sizeof key));
}

// The match keys of parts [start, end] of n written together; false: none.
bool RunKeys(const ParsedName& n, std::size_t start, std::size_t end, const SpellingRules& sp,
             std::vector<const Spelling*>& run, std::vector<std::uint64_t>& keys) {
  run.clear();
  for (std::size_t r = start; r <= end; ++r) run.push_back(&n.parts[r].spelling);
  return sp.MatchKeys(sp.Join(run), keys);
}

void SortUnique(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// NameKeys::target_bucket of the sorted `target`: a power of two of
// buckets (two or more), about one for every two keys.
void IndexTargets(NameKeys& keys) {
  unsigned bits = 1;
  while (bits < 32 && (std::size_t{1} << bits) * 2 < keys.target.size()) ++bits;
  keys.target_shift = 64 - bits;
  keys.target_bucket.assign((std::size_t{1} << bits) + 1, 0);
  for (std::uint64_t key : keys.target) ++keys.target_bucket[(key >> keys.target_shift) + 1];
  for (std::size_t b = 1; b < keys.target_bucket.size(); ++b)
    keys.target_bucket[b] += keys.target_bucket[b - 1];
  // The filter: the low bits of each key (the directory reads the top ones).
  unsigned filter = 6;
  while (filter < 32 && (std::size_t{1} << filter) < keys.target.size() * 8) ++filter;
  keys.target_mask = (std::uint64_t{1} << filter) - 1;
  keys.target_bits.assign(std::size_t{1} << (filter - 6), 0);
  for (std::uint64_t key : keys.target) {
    const std::uint64_t bit = key & keys.target_mask;
    keys.target_bits[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
}

}  // namespace

// The keys of every spelling Linkable tests (MayRelate): a part of x against
// a part of y, or y's alternatives, a run of y, an initial of y; a run of x
// through the part against a part of y. (A part's own keys are neither
// sorted nor made unique: AllKeyed looks each up in the other name's
// directory, and a repeated key costs one more look-up, not a sort per
// part; all of a name's keys go into two flat lists, no vector per part or
// run.)
NameKeys NameMatcher::Keys(const ParsedName& n, const SpellingRules& sp) const {
  NameKeys keys;
  keys.type = n.type;
  keys.matchable = n.matchable;
  if (!n.matchable) return keys;
  const std::size_t span = static_cast<std::size_t>(std::max(1, config_.max_joined_parts));
  const std::size_t size = n.parts.size();
  // Every run of 2..span adjacent parts without an initial (JoinedLinkable),
  // keyed once: all are targets, each is one of its parts' own (its keys
  // are target[first, last) of the targets made so far).
  struct Run {
    std::size_t start, end, first, last;
    bool keyless;
  };
  std::vector<Run> runs;
  std::vector<const Spelling*> joined;
  keys.target.reserve(64 * size);
  for (std::size_t start = 0; start < size; ++start) {
    if (n.parts[start].initial) continue;
    for (std::size_t end = start + 1; end < size && end - start < span && !n.parts[end].initial;
         ++end) {
      Run run{start, end, keys.target.size(), 0, false};
      run.keyless = !RunKeys(n, start, end, sp, joined, keys.target);
      run.last = keys.target.size();
      keys.open = keys.open || run.keyless;
      runs.push_back(run);
    }
  }
  // Each keyed part's keys, own[begin, end), in name order; then ordered.
  struct Own {
    std::size_t begin, end;
  };
  std::vector<Own> parts;
  std::vector<std::uint64_t> own;
  own.reserve(keys.target.size() * 2 + 16 * size);
  for (std::size_t k = 0; k < size; ++k) {
    const NamePart& p = n.parts[k];
    if (p.initial) {
      if (!p.text.empty()) keys.target.push_back(InitialKey(p.text[0]));
      continue;
    }
    keys.any_part = true;
    // The part's own keys: its spellings (targets too, made once), the runs
    // through it, its letter.
    const std::size_t begin = own.size();
    bool keyless = !sp.MatchKeys(p.spelling, own);
    for (const auto& alt : p.alternatives) keyless = !sp.MatchKeys(alt.spelling, own) || keyless;
    keys.open = keys.open || keyless;  // (a target spelling without keys)
    keys.target.insert(keys.target.end(), own.begin() + static_cast<std::ptrdiff_t>(begin),
                       own.end());
    for (const Run& run : runs) {
      if (run.start > k || run.end < k) continue;
      own.insert(own.end(), keys.target.begin() + static_cast<std::ptrdiff_t>(run.first),
                 keys.target.begin() + static_cast<std::ptrdiff_t>(run.last));
      keyless = keyless || run.keyless;
    }
    if (!p.text.empty()) own.push_back(InitialKey(p.text[0]));
    if (keyless) {  // (no keys: the part may link to anything)
      own.resize(begin);
      continue;
    }
    parts.push_back({begin, own.size()});
  }
  // Fewest keys first: a pair that fails mostly fails on any part.
  std::stable_sort(parts.begin(), parts.end(),
                   [](const Own& x, const Own& y) { return x.end - x.begin < y.end - y.begin; });
  keys.own.reserve(own.size());
  for (const Own& part : parts) {
    keys.part_begin.push_back(static_cast<std::uint32_t>(keys.own.size()));
    keys.own.insert(keys.own.end(), own.begin() + static_cast<std::ptrdiff_t>(part.begin),
                    own.begin() + static_cast<std::ptrdiff_t>(part.end));
  }
  keys.part_begin.push_back(static_cast<std::uint32_t>(keys.own.size()));
  SortUnique(keys.target);
  // (kept per form while the candidates are compared: no room left from the
  // reserve above, at most 512 bytes a part, stays with it)
  keys.target.shrink_to_fit();
  IndexTargets(keys);
  return keys;
}

namespace {

// Whether `key` is one of y's targets: not when its bit of the filter is
// clear (every target's bit is set), else its directory's bucket.
bool Targets(const NameKeys& y, std::uint64_t key) {
  const std::uint64_t bit = key & y.target_mask;
  if (((y.target_bits[bit >> 6] >> (bit & 63)) & 1) == 0) return false;
  const std::size_t b = key >> y.target_shift;
  const std::uint64_t* t = y.target.data();
  for (std::uint32_t i = y.target_bucket[b], end = y.target_bucket[b + 1]; i < end; ++i) {
    if (t[i] >= key) return t[i] == key;
  }
  return false;
}

// Whether x has a part that is not an initial and each of x's keyed parts
// has a key among y's targets (AllLinkable, by keys). Each key is looked up
// in y's directory, most turned away by its filter bit (and most pairs fail
// on the first part: some 14 look-ups instead of a merge through ~100
// targets).
bool AllKeyed(const NameKeys& x, const NameKeys& y) {
  if (!x.any_part) return false;
  if (y.open) return true;
  for (std::size_t k = 0; k + 1 < x.part_begin.size(); ++k) {
    const std::uint64_t *a = x.own.data() + x.part_begin[k],
                        *a_end = x.own.data() + x.part_begin[k + 1];
    if (std::none_of(a, a_end, [&](std::uint64_t key) { return Targets(y, key); })) return false;
  }
  return true;
}

}  // namespace

bool NameMatcher::MayRelateByKeys(const NameKeys& a, const NameKeys& b) {
  if (!a.matchable || !b.matchable || a.type != b.type) return false;  // as MayRelate
  return AllKeyed(a, b) || AllKeyed(b, a);
}

// (AllLinkable(X, Y) implies AllKeyed(X, Y) for either side X, name_matcher.h:
// so (AllKeyed(a, b) || AllKeyed(b, a)) && (AllLinkable(a, b) ||
// AllLinkable(b, a)) is this, and a side whose keys fail is never linked
// part by part: AllLinkable called 21,882 times on PolNeAR x1, not 35,392.)
bool NameMatcher::MayRelateKeyed(const ParsedName& a, const NameKeys& ka, const ParsedName& b,
                                 const NameKeys& kb, PartComparer& parts) const {
  if (!ka.matchable || !kb.matchable || ka.type != kb.type) return false;  // as MayRelate
  if (AllKeyed(ka, kb) && AllLinkable(a, b, true, parts)) return true;
  return AllKeyed(kb, ka) && AllLinkable(b, a, false, parts);
}

std::string NameMatcher::Explain(const ParsedName& a, const ParsedName& b, const PairMatch& m) {
  auto run = [](const ParsedName& n, int begin, int end) {
    std::string s;
    for (int k = begin; k < end; ++k) {
      if (k > begin) s += ' ';
      s += n.parts[static_cast<std::size_t>(k)].text;
    }
    return s;
  };
  std::string out;
  for (const PartLink& l : m.links) {
    if (!out.empty()) out += ", ";
    std::string x = run(a, l.a_begin, l.a_end), y = run(b, l.b_begin, l.b_end);
    const char* level = l.initial ? "initial" : PartLevelName(l.level);
    out += x + (x == y ? "=" : "~") + y + " (" + level + ")";
  }
  return out;
}

}  // namespace whosaid::entities
