// whosaid::WordFilter — a pre-test before a table look-up by word: one bit
// per (length, first byte, last byte) of the words added, folded into 2^16
// bits. It answers "may this word be one of the list's?" without hashing
// the word, so a look-up on a list of rare words (the first words of the
// event rule files' phrases, a document's candidate name forms) costs a few
// instructions for the many words of a text that are none of them.
//
// Contract: MayHold is true for every word added (no false negatives) and
// false for most others; a true answer still needs the exact look-up. The
// answer depends only on the word's length and first and last bytes (the
// empty word has key 0, which some non-empty words share). An empty filter
// holds nothing. 8 KB: a member of a long-lived table, or one per document.
// KeyOf(w) is that bit's number: a caller that tests one word against several
// filters (the event stage: events::Word::key) makes it once and asks
// MayHoldKey(key), which answers exactly as MayHold(w).
//
// Example
//   WordFilter f;
//   f.Add("attack");
//   f.MayHold("attack")   // true
//   f.MayHold("attacks")  // false (another length)
//   if (f.MayHold(w) && table.Contains(w)) ...
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace whosaid {

class WordFilter {
 public:
  void Add(std::string_view w) { bits_.set(KeyOf(w)); }
  bool MayHold(std::string_view w) const { return bits_.test(KeyOf(w)); }
  // MayHold(w) for key = KeyOf(w).
  bool MayHoldKey(std::uint16_t key) const { return bits_.test(key); }
  // The bit of a word: its length, first and last byte, folded into 16 bits.
  static std::uint16_t KeyOf(std::string_view w) {
    if (w.empty()) return 0;
    const auto first = static_cast<unsigned char>(w.front());
    const auto last = static_cast<unsigned char>(w.back());
    return static_cast<std::uint16_t>(((w.size() * 0x9E37u) ^ (std::size_t{first} << 8) ^ last) &
                                      0xFFFFu);
  }
  // The filter of an index's first words: any index with
  // ForEachFirstWord(f) (rules::PhraseIndex, core/phrase_index.h).
  template <class Index>
  static WordFilter FirstWords(const Index& index) {
    WordFilter f;
    index.ForEachFirstWord([&](std::string_view w) { f.Add(w); });
    return f;
  }

 private:
  std::bitset<1u << 16> bits_;
};

}  // namespace whosaid
