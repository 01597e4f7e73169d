// whosaid::entities::SpellingRules — how one name part is spelled for
// comparison, and how close two such spellings are.
//
// A name part ("khowarazami") is rewritten by rules/names/letters.txt into a
// phonetic spelling ("XowarazamI" style symbols, see that file), whose
// consonants form its skeleton. Two parts are compared by a weighted edit
// distance over their phonetic spellings: vowels cost what
// rules/names/vowels.txt says, consonants what rules/names/consonants.txt
// says (1 when unlisted); consonant and vowel costs are kept apart and
// judged separately (SpellingConfig), so Showarabani / Shwarbani (vowels
// only) match while Hamid / Majid (consonants) do not.
//
// Contract
//   Spell() is a pure function of the part; Compare() is symmetric and pure.
//   Both are const and thread-safe. Parts longer than
//   SpellingConfig::max_compare_length are compared for equality only.
//
// Example
//   SpellingRules s(rules, SpellingConfig{});
//   PartMatch m = s.Compare(s.Spell("khowarazami"), s.Spell("khwarzami"));
//   // m.level == PartLevel::kStrong, m.consonant_cost == 0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules.h"
#include "entities/rewriter.h"

namespace whosaid::entities {

struct SpellingConfig {
  // A pair is a strong match when the consonant cost is at most this
  // (0.5: one soft pair such as kh/h, dh/z, or a dropped h).
  double strong_consonant_cost = 0.5;
  // Vowel cost allowed: base + per_consonant × consonants of the longer
  // skeleton. Defaults allow 0.38 for 2 consonants (Hatim/Hatem: 0.15),
  // 0.52 for 3 (not Hamid/Hamad: 0.6), 0.80 for 5 (Showarabani/Shwarbani
  // fit).
  double vowel_allowance_base = 0.1;
  double vowel_allowance_per_consonant = 0.14;
  // One full consonant edit is a "near" match in skeletons of at least this
  // many consonants (Mohammadyari / Mohadmmadyari) ...
  int near_min_consonants = 5;
  // A "weak" match — usable only with support from the rest of the name or
  // from context — is one consonant edit in skeletons of at least this
  // many consonants (Shafi / Shafiq, Rozi / Rosi) ...
  int weak_min_consonants = 2;
  // ... or vowels over the allowance by at most this (Hatim / Hatam,
  // Wihab / Wahhab; not Hasan / Husayn).
  double weak_extra_vowel_cost = 0.3;
  // Consonants whose substitution costs at most this share a blocking class
  // (kh/h, gh/q/g, dh/z, th/s …); see BlockingKey.
  double blocking_class_cost = 0.3;
  // Parts longer than this (in symbols) are compared for equality only.
  int max_compare_length = 40;
};

// How well two parts match, from worst to best.
enum class PartLevel : std::uint8_t { kNone, kWeak, kNear, kStrong, kExact };
const char* PartLevelName(PartLevel level);

struct PartMatch {
  PartLevel level = PartLevel::kNone;
  float consonant_cost = 0;
  float vowel_cost = 0;
};

// One part as it is compared.
struct Spelling {
  std::string phonetic;  // letters.txt applied: symbols
  std::string skeleton;  // consonants of `phonetic`, '@' first when it starts with a vowel
  std::string blocking;  // `skeleton` with each consonant replaced by its class
  int consonants = 0;    // consonants in `skeleton`
};

class SpellingRules {
 public:
  SpellingRules(const rules::RuleSet& rules, const SpellingConfig& config);

  // The spelling of one normalised part (lower-case a-z 0-9).
  Spelling Spell(std::string_view part) const;
  // The spelling of parts written together (Teir Beik as Teirbeik), from
  // their spellings: the phonetic spellings joined, a letter doubled across
  // the join written once. Cheaper than Spell() on the joined text.
  Spelling Join(const std::vector<const Spelling*>& parts) const;
  PartMatch Compare(const Spelling& a, const Spelling& b) const;
  // False only when Compare(a, b) is sure to be below kWeak, without the
  // edit distance: kWeak or better costs at most one consonant (Judge), and
  // each edit of the consonant classes (`blocking`: a substitution across
  // classes or with a vowel, a consonant dropped, added or transposed) costs
  // at least min_class_edit_ of consonant cost (the cheapest in the loaded
  // costs: 0.3 with rules/names/, so up to three edits); the class
  // skeletons are within 1 / min_class_edit_ edits of each other
  // (spelling.cpp). True is no promise.
  bool MayMatch(const Spelling& a, const Spelling& b) const;
  // Appends to `keys` the match keys of `s` (hashes, in no order, perhaps
  // repeated) and returns true; or returns false when `s` has none (it
  // may match anything: bytes outside ASCII, or costs that give no bound).
  // Contract: Compare(a, b).level >= kWeak implies that a and b share a
  // key, or that one of them has none. So two parts without a shared key
  // cannot match; a shared key is no promise. The keys (spelling.cpp has
  // the proof), on the class skeleton (`blocking` without the mark):
  //   "e:"  the skeleton and each one-class deletion of it — a match
  //         whose path makes at most one class edit;
  //   "c:"  the coarse skeleton (classes joined by every substitution
  //         that costs at most the allowed cost − min_class_edit_) and
  //         each deletion of one class that such a cheap edit may drop — a
  //         match of two or more class edits, each then that cheap.
  bool MatchKeys(const Spelling& s, std::vector<std::uint64_t>& keys) const;
  const SpellingConfig& config() const { return config_; }

 private:
  struct Cost {
    float total = 0;
    float consonant = 0;
  };
  void LoadCosts(const rules::RuleFile& file, bool vowels);
  void BuildClasses();
  void FindMinClassEdit();
  void BuildCoarseClasses();
  Spelling FromPhonetic(std::string phonetic) const;
  // Stops early (any cost over `limit`) once every path costs more.
  Cost Distance(std::string_view a, std::string_view b, float limit) const;
  float Sub(unsigned char a, unsigned char b) const { return sub_[a][b]; }
  // Cost of dropping s[k]; a vowel ending `s` after a consonant may cost more.
  float Indel(std::string_view s, std::size_t k) const;
  PartLevel Judge(const Cost& cost, int consonants) const;
  // Distance and Judge of two parts that passed Compare's cheap tests.
  PartMatch Measure(const Spelling& a, const Spelling& b) const;

  SpellingConfig config_;
  std::uint64_t serial_;  // this instance's number, for the per-thread memo of Measure
  Rewriter letters_;
  std::array<std::array<float, 128>, 128> sub_{};  // substitution costs
  std::array<float, 128> indel_{};                 // insertion / deletion costs
  float final_vowel_indel_ = -1;                   // vowels.txt "final -"; < 0: as indel_
  std::array<char, 128> class_{};                  // blocking class per symbol
  float min_class_edit_ = 0;  // cheapest edit of the consonant classes (MayMatch)
  // MatchKeys: per symbol, its coarse class (0: none, not a consonant) and
  // whether a cheap edit may drop that coarse class; false: no keys at all.
  std::array<char, 128> coarse_{};
  std::array<bool, 128> droppable_{};
  bool keyed_ = false;
};

// True for the vowel symbols a e i o u.
inline bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace whosaid::entities
