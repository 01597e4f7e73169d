// whosaid::entities::NameMatcher — are two parsed names the same entity,
// judging by the names alone?
//
// The parts of the two names are aligned one to one, best matches first
// (SpellingRules levels: exact, spelling, near, weak); a part left over on
// one side may match two or three adjacent left-over parts of the other
// written apart (Tayrbik = Tayr Bayk, Golbarsheramin = Golbar Shir
// Amin); an initial matches a part it begins (H = Hadi). Then:
//   relation  kEqual      every part of both names is matched
//             kFirstShort every part of the first is matched, the second has
//             kSecondShort more (a short form: Jamil Khan / Haji Jamil Khan
//                          Mohammadyari), or the reverse
//             kConflict   both have unmatched parts (Yahya Sarei / Rajeh
//                         Sarei), initials out of order (Folake A. / Kunle
//                         O.), or the owners of two organisations differ
//             kNone       nothing matched
//   strength  kStrong  the names alone justify a merge
//             kWeak    a merge needs context (same document, role or
//                      affiliation): a weak part match the rest of the name
//                      does not support (Mohammad Shafi / Mohammad Shafiq;
//                      but Hatim / Hatam Ahmad Durakat is strong), a
//                      one-part short form of a common part, a short form
//                      that drops the longer name's given name (Ahmad
//                      Al-Tarabulsi / Abdelhafid Qassim Ahmed Al-Tarabulsi), a
//                      reordering with little evidence (Ali Hasan / Hasan
//                      Ali), too little evidence
//             kNone    never merge
//   evidence  the sum over matched pairs of the smaller part weight times
//             the quality of the match (PartWeights: rare parts ≈ 1,
//             Mohammad 0.1); score = evidence over the weight of both names.
//
// A cheap test comes first where most pairs fail (clusterer candidates):
// MayRelate(a, b) is false only when Compare(a, b) is sure to find kNone or
// kConflict (so strength kNone). Proof: a relation of kEqual, kFirstShort
// or kSecondShort needs a side X (a or b) with at least one part that is
// not an initial, every such part linked (Judge: Unmatched(X) == 0, and
// `linked` needs a link of a part of X that is not an initial). Align links
// a part p of X to the other name Y in only four ways, each under a test
// that does not depend on what is already linked, so MayRelate applies the
// same tests to every part, linked or not (a superset of what Align links):
//   single   a part q of Y, neither an initial, PartComparer level >= kWeak
//            (AlignSingles; PartComparer::Compare called as Align calls it,
//            a's part first);
//   joined   p against a run of 2..max_joined_parts adjacent parts of Y, no
//            initial among them, consonants within one of p's, spelling
//            level >= kNear (AlignJoined, Y the multi side; its strong pass
//            asks kStrong, more than kNear);
//            or p inside such a run of X against one part of Y, not an
//            initial (AlignJoined, X the multi side);
//   initial  an initial of Y that is p's first letter (AlignInitials).
// Then ApplyOwners and misplaced initials only turn a relation into
// kConflict, and JudgeStrength gives kNone to kNone and kConflict. So when
// neither side has every part that is not an initial linkable one of these
// ways, no alignment — Compare tries two — relates the names. Part pairs
// are first tested without the edit distance (SpellingRules::MayMatch:
// false only below kWeak, so below kNear too).
// (tests/unit/entities/name_matcher_test.cpp: every related row passes.)
//
// Cheaper still, without comparing anything: Keys(n) gives a name's match
// keys once (SpellingRules::MatchKeys of every spelling above: parts,
// their alternatives, joined runs, and the first letter for initials), and
// MayRelateByKeys(a, b) is false only when MayRelate(a, b) is: for the side
// X above, each part p of X that is not an initial needs a key of its own
// (p's spellings, the runs of X through p, p's first letter) among the
// other name's keys (its parts' spellings, its runs, its initials'
// letters) — each of the four links of p (and an equal part) gives one.
// A spelling without keys (SpellingRules: no bound) makes the part it
// belongs to pass, or the other side's every part.
//
// Contract: Compare() is symmetric in outcome (relation mirrored), pure given
// the weights already set on the parts, and never throws. MayRelate() is
// true whenever Compare()'s relation is kEqual, kFirstShort or
// kSecondShort; MayRelateByKeys(Keys(a), Keys(b)) whenever MayRelate(a, b)
// is; all are pure and never throw. The PartComparer
// caches part comparisons; it is not thread-safe — use one per thread.
//
// Example
//   PartComparer parts(spelling);
//   NameMatcher matcher(MatcherConfig{});
//   PairMatch m = matcher.Compare(a, b, parts);
//   if (m.strength == Strength::kStrong) ...; std::string why = matcher.Explain(a, b, m);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "entities/name.h"
#include "entities/spelling.h"

namespace whosaid::entities {

// Compares name parts, also without a prefix (prefixes.txt: Alqubaie /
// Qubaie; Abdhamid / Hamid weakly), with a small direct-mapped cache keyed
// by NamePart::id when both ids are set (fixed memory, 1 MiB).
class PartComparer {
 public:
  explicit PartComparer(const SpellingRules& spelling) : spelling_(spelling), cache_(kSlots) {}
  PartMatch Compare(const NamePart& a, const NamePart& b);
  const SpellingRules& spelling() const { return spelling_; }

 private:
  PartMatch Uncached(const NamePart& a, const NamePart& b) const;
  struct Slot {
    std::uint64_t key = 0;  // 0: empty (ids start at 1)
    PartMatch match;
  };
  static constexpr std::size_t kSlots = 1 << 16;
  const SpellingRules& spelling_;
  std::vector<Slot> cache_;
};

struct MatcherConfig {
  // Equal names whose worst part match is "near" need this much evidence.
  float near_min_evidence = 1.0f;
  // A short form of two or more parts needs this much evidence (its parts
  // all matched) to join without context.
  float subset_min_evidence = 0.8f;
  // A one-part short form joins without context when its part weighs at
  // least this (a rare surname such as Shwarbani, not Khan).
  float single_part_min_weight = 0.8f;
  // A short form must keep the first part of the longer name that weighs
  // at least this (its given name, common names such as Mohammad aside):
  // Jamil Khan joins Haji Jamil Khan Mohammadyari, but Ahmad Al-Tarabulsi does
  // not join Abdelhafid Qassim Ahmed Al-Tarabulsi without context.
  float anchor_min_weight = 0.3f;
  // Names whose matched parts are in a different order (Zohami Khaled /
  // Khaled Al-Zuhami) need this much evidence.
  float reorder_min_evidence = 1.0f;
  // One weak part match (Hatim / Hatam) is accepted without context when
  // the other matched parts give at least this much evidence (Ahmad
  // Durakat); more weak matches never are, nor any in organisation names.
  float weak_support_evidence = 0.7f;
  int max_weak_links = 1;
  // Differently spelled names made only of common parts (Abdul Rahman /
  // Abdur Rehman, Muhammad Ali / Mohammed Ali) need this much evidence:
  // in a long list they are mostly different people.
  float equal_min_evidence = 0.5f;
  // Quality of each part level, multiplying the weight in the evidence.
  float near_quality = 0.8f;
  float weak_quality = 0.5f;
  // Longest run of adjacent parts compared joined to one part.
  int max_joined_parts = 3;
  // A one-part organisation name joins without context only a name of at
  // most this many parts (Taliban / Afghan Taliban Movement; not UN / a
  // seven-word clause that mentions it).
  int org_short_max_parts = 4;
};

enum class Relation : std::uint8_t { kNone, kConflict, kEqual, kFirstShort, kSecondShort };
enum class Strength : std::uint8_t { kNone, kWeak, kStrong };
const char* RelationName(Relation r);

// One aligned pair: parts [a_begin, a_end) of the first name with
// [b_begin, b_end) of the second (one side has a single part).
struct PartLink {
  std::uint8_t a_begin, a_end, b_begin, b_end;
  PartLevel level;
  bool initial;  // an initial matched to the part it begins
};

struct PairMatch {
  Relation relation = Relation::kNone;
  Strength strength = Strength::kNone;
  float evidence = 0;
  float score = 0;
  bool reordered = false;
  std::vector<PartLink> links;
  const char* rule = "none";  // why: "spelling", "short form", "near", "weak", ...
};

// A name's match keys (NameMatcher::Keys), sorted hashes.
struct NameKeys {
  EntityType type = EntityType::kUnknown;
  bool matchable = false;
  bool any_part = false;              // a part that is not an initial
  std::vector<std::uint64_t> target;  // what a part of another name may link to
  // target's directory: the keys whose top bits are b (key >> target_shift)
  // are target[target_bucket[b], target_bucket[b + 1]); about two a bucket
  // (the keys are mixed hashes), so a look-up reads a few keys, not the list;
  // made only for a matchable name (empty otherwise: MayRelateByKeys tests
  // `matchable` before it reads a bucket)
  std::vector<std::uint32_t> target_bucket;
  unsigned target_shift = 63;
  // target's filter: bit (key & target_mask) of these words is set for
  // every target key (eight or more bits a key, a power of two of them),
  // so most keys that are no target are turned away by one bit, before the
  // directory is read; made with the directory
  std::vector<std::uint64_t> target_bits;
  std::uint64_t target_mask = 0;
  bool open = false;  // some target spelling has no keys: anything may link
  // Per part that is not an initial and has keys (fewest keys first): its
  // keys, the run [part_begin[k], part_begin[k + 1]) of `own`.
  std::vector<std::uint64_t> own;
  std::vector<std::uint32_t> part_begin;
};

class NameMatcher {
 public:
  explicit NameMatcher(const MatcherConfig& config) : config_(config) {}

  PairMatch Compare(const ParsedName& a, const ParsedName& b, PartComparer& parts) const;
  // False: Compare(a, b, parts) relates nothing (kNone or kConflict); see above.
  bool MayRelate(const ParsedName& a, const ParsedName& b, PartComparer& parts) const;
  NameKeys Keys(const ParsedName& n, const SpellingRules& spelling) const;
  // False: MayRelate(a, b) is false for the names whose keys these are.
  static bool MayRelateByKeys(const NameKeys& a, const NameKeys& b);
  // MayRelateByKeys(ka, kb) && MayRelate(a, b), for ka = Keys(a) and
  // kb = Keys(b), at less cost: each side X is linked part by part
  // (AllLinkable) only when its keys pass (AllKeyed(X, Y)), since the keys
  // bound each side on its own (above: every part of X that Align may link
  // has a key among Y's).
  bool MayRelateKeyed(const ParsedName& a, const NameKeys& ka, const ParsedName& b,
                      const NameKeys& kb, PartComparer& parts) const;
  // "khowarazami~khwarzami (spelling), enayatullah=enayatullah (exact)".
  static std::string Explain(const ParsedName& a, const ParsedName& b, const PairMatch& m);
  const MatcherConfig& config() const { return config_; }

 private:
  struct Alignment;
  void AlignSingles(const ParsedName& a, const ParsedName& b, PartComparer& parts,
                    Alignment& al) const;
  void AlignJoined(const ParsedName& a, const ParsedName& b, bool a_is_single, PartComparer& parts,
                   Alignment& al, PartLevel min_level = PartLevel::kNear) const;
  void Align(const ParsedName& a, const ParsedName& b, PartComparer& parts, bool joined_first,
             PairMatch& m) const;
  bool AllLinkable(const ParsedName& x, const ParsedName& y, bool x_is_a,
                   PartComparer& parts) const;
  bool Linkable(const ParsedName& x, std::size_t k, const ParsedName& y, bool x_is_a,
                PartComparer& parts) const;
  bool JoinedLinkable(const NamePart& single, const ParsedName& multi, std::size_t start,
                      std::size_t reach, const SpellingRules& sp) const;
  static void AlignInitials(const ParsedName& a, const ParsedName& b, bool initials_in_a,
                            Alignment& al);
  void Judge(const ParsedName& a, const ParsedName& b, const Alignment& al, PairMatch& m) const;
  struct Tally {                          // the links summed up
    PartLevel worst = PartLevel::kExact;  // worst non-weak level
    int weak = 0;                         // weak links
    float support = 0;                    // evidence from non-weak links
    bool anchored = true;                 // a short form keeps the longer name's first part
  };
  Strength JudgeStrength(const ParsedName& a, const ParsedName& b, const PairMatch& m,
                         const Tally& t) const;
  bool Anchored(const ParsedName& longer, const std::vector<int>& longer_link,
                const std::vector<int>& shorter_link, const std::vector<PartLink>& links) const;

  MatcherConfig config_;
};

}  // namespace whosaid::entities
