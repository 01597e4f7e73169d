// whosaid::entities::Normalizer — any name, in any script, to lower-case
// ASCII words.
//
// Contract
//   Normalize(text) applies the ICU transform of rules/names/transform.txt
//   (by default: NFKC; Russian-Latin/BGN; Any-Latin; Latin-ASCII; modifier
//   letters removed; Lower), deletes the characters of
//   rules/names/characters.txt (apostrophes: Su'ad → suad), turns every
//   other character outside a-z 0-9 into a word break and returns the words
//   joined by single spaces — "" when nothing is left. Invalid UTF-8 is
//   decoded leniently first. The input is never modified; callers keep the
//   original for output.
//   Pure-ASCII input skips ICU (the transform could only lower-case it), and
//   so does input whose other characters are all listed in
//   rules/names/punctuation.txt (dashes, spaces, quotation marks; optional):
//   each of those becomes what the transform makes of it alone (computed
//   once, when the rules load) — what the transform gives in any context for
//   a character it maps without looking at its neighbours. The file may list
//   only punctuation, spaces, symbols and format characters, as U+XXXX (4–6
//   hex digits, not ASCII, not a surrogate): any other line throws
//   ConfigError "path:line: …". The fast path is off (ICU for every
//   non-ASCII name) unless the transform passes checks when the rules load:
//   printable ASCII comes out lower-cased and otherwise unchanged, and each
//   listed character beside ASCII punctuation, letters and digits, and beside
//   each listed character, comes out as the pieces alone (normalizer.cpp,
//   MappedAlone: a check against a user's transform, not a proof).
//   Thread-safe: the ICU transliterator is used under a mutex (ICU does not
//   promise that one transliterator can run on two threads at once).
//   A transform line without the shape of an ICU ID ([filter] NAME,
//   Source-Target/Variant, (inverse)) or one ICU rejects throws ConfigError
//   "path:line: …".
//
// Example
//   Normalizer n(rules);                 // rules: a loaded rules::RuleSet
//   n.Normalize("ʿAbd al-Raḥmān");       // "abd al rahman"
//   n.Normalize("Ахмед Закаев");         // "akhmed zakayev"
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/rules.h"

namespace whosaid::entities {

class Normalizer {
 public:
  explicit Normalizer(const rules::RuleSet& rules);
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  std::string Normalize(std::string_view text) const;

 private:
  std::string Transliterate(std::string_view text) const;
  // `text` with its ASCII kept and each punctuation.txt character replaced
  // by alone_'s string, into `out`; false (out unspecified) at any other
  // non-ASCII character or invalid UTF-8.
  bool MapAlone(std::string_view text, std::string& out) const;
  std::string Words(std::string_view ascii) const;

  struct Transform;  // the ICU transliterator (ICU types stay in the .cpp)
  std::unique_ptr<Transform> transform_;
  mutable std::mutex mutex_;
  // Words' reading of each byte: kDeleted (characters.txt), kBreak (a
  // word break: any byte but a-z A-Z 0-9, the deleted ones aside) or the
  // byte in lower case
  static constexpr char kDeleted = 0, kBreak = 1;
  char byte_class_[256] = {};
  // punctuation.txt: code point → the transform of it alone, by code point
  std::vector<std::pair<char32_t, std::string>> alone_;
};

}  // namespace whosaid::entities
