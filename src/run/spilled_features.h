// whosaid::run::SpilledFeatures — the statement items' features and term
// counts on disk, once their document's summary goes (CorpusRun::Resolve;
// claims::StatementInputs::features): the grouping reads an item's back
// when a pass or its speaker block needs them (claims/statements.h).
//
// Contract
//   * Add(item, bytes) in increasing order of item (items skipped have none:
//     their features are read from their summary, FeatureSource::Held);
//     the bytes are claims::EncodeFeatures'.
//   * Sync() before the first Read; then Read, ReadMany and Slot are safe
//     on many threads (SpillFile's contract).
//   * ReadMany(items) reads what Read of each gives (or its terms alone:
//     FeatureSource::ReadMany), in file order: runs of
//     items at most kGap bytes apart in one pread each (at most kRunBytes),
//     exactly their bytes — no read-ahead, which a speaker block's items,
//     spread over the file, would pay 64 KiB each for.
//   * Memory: the bytes go one after another into one SpillFile, so an item
//     costs its size (4 bytes) and every kChunk-th item its offset (8 bytes
//     / kChunk), not a 16-byte SpillFile::Slot: 3.5 million items (the 1 GB
//     corpus) hold 14 MB, not 56. Slot(item) adds up at most kChunk - 1 sizes.
//
// Example
//   SpilledFeatures spilled(items);
//   spilled.Add(0, claims::EncodeFeatures(features, uses));
//   spilled.Sync();
//   spilled.Read(0, features_again, uses_again);
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "claims/statements.h"
#include "claims/summary_codec.h"
#include "run/spill_file.h"

namespace whosaid::run {

class SpilledFeatures : public claims::FeatureSource {
 public:
  // `items`: how many the run has (reserved).
  explicit SpilledFeatures(std::size_t items) {
    sizes_.reserve(items);
    starts_.reserve(items / kChunk + 1);
  }
  // Item `item`'s bytes, from now on read from here.
  void Add(std::size_t item, const std::string& bytes) {
    while (sizes_.size() <= item) {
      if (sizes_.size() % kChunk == 0) starts_.push_back(file_.size());
      sizes_.push_back(0);
    }
    if (sizes_[item] != 0 || item + 1 != sizes_.size())
      throw std::logic_error("SpilledFeatures::Add: items out of order");
    if (bytes.size() > UINT32_MAX) throw std::length_error("an item's features over 4 GiB");
    file_.Append(bytes);
    sizes_[item] = static_cast<std::uint32_t>(bytes.size());
  }
  void Sync() { file_.Sync(); }
  void Read(std::size_t item, claims::ItemFeatures& features,
            claims::TermUses& uses) const override {
    claims::DecodeFeatures(file_.Read(Slot(item)), features, uses);
  }
  // Items sorted by offset, then each run of them whose gaps are at most
  // kGap bytes (and whose bytes at most kRunBytes) in one read: a speaker
  // block's items spread over the file cost what they hold, not a read
  // ahead each.
  void ReadMany(const std::vector<std::size_t>& items,
                const std::vector<Into>& into) const override {
    std::vector<SpillFile::Slot> slots(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) slots[k] = Slot(items[k]);
    std::vector<std::size_t> by(items.size());
    std::iota(by.begin(), by.end(), std::size_t{0});
    std::sort(by.begin(), by.end(),
              [&](std::size_t a, std::size_t b) { return slots[a].offset < slots[b].offset; });
    // The reads: items by[first, last) in bytes [begin, end) of the file
    // (the buffer then sized once, for the longest: not zero-filled per read).
    struct Run {
      std::size_t first, last;
      std::uint64_t begin, end;
    };
    std::vector<Run> runs;
    std::uint64_t longest = 0;
    for (std::size_t k = 0; k < by.size();) {
      const std::uint64_t begin = slots[by[k]].offset;
      std::uint64_t end = begin + slots[by[k]].size;
      std::size_t e = k + 1;
      for (; e < by.size(); ++e) {
        const SpillFile::Slot& s = slots[by[e]];
        if (s.offset > end + kGap || s.offset + s.size - begin > kRunBytes) break;
        end = std::max(end, s.offset + s.size);
      }
      runs.push_back({k, e, begin, end});
      longest = std::max(longest, end - begin);
      k = e;
    }
    std::string buffer(static_cast<std::size_t>(longest), '\0');
    for (const Run& run : runs) {
      const auto size = static_cast<std::size_t>(run.end - run.begin);
      if (size > 0) file_.ReadAt(run.begin, buffer.data(), size);
      const std::string_view bytes(buffer.data(), size);
      for (std::size_t k = run.first; k < run.last; ++k) {
        const SpillFile::Slot& s = slots[by[k]];
        const std::string_view item = bytes.substr(static_cast<std::size_t>(s.offset - run.begin),
                                                   static_cast<std::size_t>(s.size));
        const Into& to = into[by[k]];
        if (to.uses)
          claims::DecodeFeatures(item, *to.features, *to.uses);
        else
          claims::DecodeTerms(item, to.features->terms);
      }
    }
  }
  // Where item `item`'s bytes are in the file ({offset, 0} when it has none).
  SpillFile::Slot Slot(std::size_t item) const {
    std::uint64_t offset = starts_[item / kChunk];
    for (std::size_t k = item - item % kChunk; k < item; ++k) offset += sizes_[k];
    return {offset, sizes_[item]};
  }

 private:
  static constexpr std::size_t kChunk = 64;
  static constexpr std::uint64_t kGap = 4096;          // ReadMany: a smaller gap is read
  static constexpr std::uint64_t kRunBytes = 1 << 20;  //   through; a read holds at most this
  mutable SpillFile file_;                             // Read after Sync does not change it
  std::vector<std::uint32_t> sizes_;                   // by item
  std::vector<std::uint64_t> starts_;                  // offsets of items 0, kChunk, 2 kChunk, …
};

}  // namespace whosaid::run
