// whosaid::FlatMap<V> / FlatSet — string-keyed hash tables probed with a
// std::string_view, laid out for the look-ups made per token of every
// document (a word's facts, its term key, whether a list holds it).
//
// Layout: open addressing with linear probing over a power-of-two array of
// 8-byte slots (32 bits of the key's HashBytes and the entry's number), at
// most half full; the entries (key, value) in one vector, in insertion
// order. A probe reads one slot (a mask, no division) and, only when the 32
// hash bits agree, one entry, whose key is compared inline (SameBytes: no
// memcmp call for a word of up to 16 bytes). std::unordered_map reads a
// bucket, the node before the one wanted, then the node: on tables of
// thousands of words, each read is a likely cache miss, and the bucket is
// found by a division.
//
// Contract: Find and Contains are const and safe on many threads while no
// thread inserts. Insert keeps the value of a key already present. A
// reference or pointer into the table stays valid until the next Insert or
// Clear. entries() and the iteration are in insertion order, never in hash
// order. At most 2^32 - 2 entries.
//
// Example
//   FlatMap<int> ranks;
//   ranks.Insert("minister", 3);
//   if (const int* r = ranks.Find(text.substr(4, 8))) ...   // no copy of the view
//   FlatSet roles;
//   roles.Insert("minister");
//   roles.Contains("minister")   // true
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/view_hash.h"

namespace whosaid {

template <class V>
class FlatMap {
 public:
  using Entry = std::pair<std::string, V>;

  // The value of `key`, or nullptr.
  const V* Find(std::string_view key) const { return Find(key, HashBytes(key)); }
  // The same with `hash` = HashBytes(key) made by the caller (a word looked
  // up in several tables is hashed once); with another hash it may miss.
  const V* Find(std::string_view key, std::uint64_t hash) const {
    if (entries_.empty()) return nullptr;
    const std::uint64_t h = hash;
    const std::uint32_t tag = Tag(h);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.entry == 0) return nullptr;
      if (s.tag == tag) {
        // 32 hash bits agree (the slot, no entry read before that); then
        // the length and the bytes, inline (SameBytes == memcmp's answer)
        const Entry& e = entries_[s.entry - 1];
        if (e.first.size() == key.size() && SameBytes(e.first.data(), key.data(), key.size()))
          return &e.second;
      }
    }
  }
  V* Find(std::string_view key) {
    return const_cast<V*>(static_cast<const FlatMap&>(*this).Find(key));
  }
  V* Find(std::string_view key, std::uint64_t hash) {
    return const_cast<V*>(static_cast<const FlatMap&>(*this).Find(key, hash));
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // Adds key → value when `key` is absent; returns the value held for it.
  V& Insert(std::string_view key, V value) { return Insert(key, HashBytes(key), std::move(value)); }
  // The same with `hash` = HashBytes(key) made by the caller (see Find).
  V& Insert(std::string_view key, std::uint64_t hash, V value) {
    if (V* held = Find(key, hash)) return *held;
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    entries_.emplace_back(std::string(key), std::move(value));
    Place(hash, static_cast<std::uint32_t>(entries_.size()));
    return entries_.back().second;
  }

  void Clear() {
    entries_.clear();
    slots_.clear();
    mask_ = 0;
  }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }
  typename std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  typename std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t entry = 0;  // 1 + the entry's index; 0: empty
  };
  static std::uint32_t Tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
  void Place(std::uint64_t h, std::uint32_t entry) {
    std::size_t i = h & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{Tag(h), entry};
  }
  // Doubles the slots (16 at first) and places every entry again.
  void Grow() {
    slots_.assign(slots_.empty() ? 16 : 2 * slots_.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (std::size_t k = 0; k < entries_.size(); ++k)
      Place(HashBytes(entries_[k].first), static_cast<std::uint32_t>(k + 1));
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
};

class FlatSet {
 public:
  bool Contains(std::string_view key) const { return map_.Contains(key); }
  void Insert(std::string_view key) { map_.Insert(key, Nothing{}); }
  void Clear() { map_.Clear(); }
  std::size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  // Each key, in insertion order: f(const std::string&).
  template <class F>
  void ForEach(F&& f) const {
    for (const auto& e : map_) f(e.first);
  }

 private:
  struct Nothing {};
  FlatMap<Nothing> map_;
};

}  // namespace whosaid
