// whosaid::claims::PackedWords, TermUses — short words in one buffer, for
// what the claims stage holds per quote record from its document's map step
// to the end of the run (a record's terms, a direct quote's wording, the
// document's counts of its terms). A std::string costs 32 bytes before its
// letters, and a run holds millions of these words: packed, a word costs its
// letters and 4 bytes (its end offset, whose top bit carries a flag).
//
// Contract: words keep the order they were added in; views stay valid while
// the list lives and is not added to; the letters of all
// its words total less than 2 GiB (the ends are 31-bit offsets into one
// buffer).
//
// Example
//   PackedWords terms;
//   terms.Add("march", false);
//   terms.Add("Belgrade", true);
//   terms.size() == 2;  terms[1].key == "Belgrade";  terms[1].flag
//   for (PackedWords::Word w : terms) use(w.key, w.flag);
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace whosaid::claims {

class PackedWords {
 public:
  struct Word {
    std::string_view key;
    bool flag = false;
  };

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Word;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Word;
    Iterator() = default;
    Iterator(const PackedWords* list, std::size_t i) : list_(list), i_(i) {}
    Word operator*() const { return (*list_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }

   private:
    const PackedWords* list_ = nullptr;
    std::size_t i_ = 0;
  };

  // Room for `bytes` more letters and `words` more words: a list whose size
  // is known before it is filled grows no more (and Compact keeps it as is).
  void Reserve(std::size_t bytes, std::size_t words) {
    bytes_.reserve(bytes_.size() + bytes);
    ends_.reserve(ends_.size() + words);
  }
  void Add(std::string_view key, bool flag = false) {
    bytes_.append(key);
    ends_.push_back(static_cast<std::uint32_t>(bytes_.size()) | (flag ? kFlag : 0u));
  }
  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  Word operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : (ends_[i - 1] & ~kFlag);
    const std::size_t end = ends_[i] & ~kFlag;
    return {std::string_view(bytes_).substr(begin, end - begin), (ends_[i] & kFlag) != 0};
  }
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, ends_.size()}; }
  // Returns the spare capacity (the list is held to the end of the run).
  void Compact() {
    bytes_.shrink_to_fit();
    ends_.shrink_to_fit();
  }
  bool operator==(const PackedWords&) const = default;

  // Its form, as a codec copies it (claims/summary_codec.cpp): the words'
  // letters one after another, and each word's end there (the top bit: its
  // flag). Assign takes such a form back (the list then equals the one it
  // came from) when it is one: ends ascending, the last at the letters'
  // end; else it returns false and the list is unchanged. (A list already
  // holding words is replaced, its buffers reused when they fit.)
  std::string_view letters() const { return bytes_; }
  const std::vector<std::uint32_t>& ends() const { return ends_; }
  bool Assign(std::string_view letters, const std::uint32_t* ends, std::size_t n) {
    std::uint32_t at = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t end = ends[i] & ~kFlag;
      if (end < at) return false;
      at = end;
    }
    if (at != letters.size()) return false;
    // (exactly its size: a run holds millions; a list assigned again, as
    // the grouping's loads reuse theirs, keeps a room that fits)
    if (bytes_.capacity() >= letters.size())
      bytes_.assign(letters.data(), letters.size());
    else
      bytes_ = std::string(letters);
    ends_.assign(ends, ends + n);
    return true;
  }

 private:
  static constexpr std::uint32_t kFlag = 0x80000000u;
  std::string bytes_;
  std::vector<std::uint32_t> ends_;
};

// How often a document uses some terms: keys ascending, each with its count.
class TermUses {
 public:
  // `uses`: (key, count), keys ascending and unique.
  explicit TermUses(const std::vector<std::pair<std::string, int>>& uses = {}) {
    for (const auto& [key, count] : uses) Add(key, count);
  }
  // The count of `key`, or `missing` when it has none.
  int Count(std::string_view key, int missing) const {
    std::size_t lo = 0, hi = keys_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (keys_[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo < keys_.size() && keys_[lo].key == key ? counts_[lo] : missing;
  }
  std::size_t size() const { return counts_.size(); }
  std::string_view key(std::size_t i) const { return keys_[i].key; }
  int count(std::size_t i) const { return counts_[i]; }
  // Appends a key greater than every key before it.
  void Add(std::string_view key, int count) {
    keys_.Add(key);
    counts_.push_back(count);
  }
  void Compact() {
    keys_.Compact();
    counts_.shrink_to_fit();
  }
  // Its form, as a codec copies it: the keys (PackedWords, flags off) and
  // their counts; Assign takes such a form back (false, unchanged, when the
  // two sizes differ or the keys do not ascend: a corrupt form must not
  // count wrong, since Count and the grouping's walk read them in order).
  const PackedWords& keys() const { return keys_; }
  const std::vector<int>& counts() const { return counts_; }
  bool Assign(PackedWords keys, std::vector<int> counts) {
    if (keys.size() != counts.size()) return false;
    for (std::size_t i = 1; i < keys.size(); ++i) {
      if (!(keys[i - 1].key < keys[i].key)) return false;
    }
    keys_ = std::move(keys);
    counts_ = std::move(counts);
    return true;
  }

 private:
  PackedWords keys_;
  std::vector<int> counts_;
};

}  // namespace whosaid::claims
