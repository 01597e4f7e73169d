// whosaid::claims linking — the two steps the statement grouper
// (statements.h) and the figure occasions (occasions.h) share.
//
//   PostingPairs(postings, max_posting): candidate pairs from postings (key →
//     the items that carry it, each list ascending): every pair of items that
//     share a key whose list holds at most `max_posting` items, each pair
//     once, (a < b), sorted. A key carried by too many items says nothing, and
//     skipping it keeps the cost about linear in the items.
//   PostingPairsByItem(postings, n, max_posting): the same pairs, for items
//     0..n-1 each at most once per list, made item by item from the lists
//     each item is in: a pair shared through many keys (copies of one text
//     share all of theirs) is held once, not once per key; items in the
//     same lists (copies) gather the items they share a list with once
//     (*twins, when given: whether any two items were in the same lists).
//   CompleteLink(n, links, ok, check): joins items 0..n-1 along `links`
//     (pairs, strongest first): two groups join only when ok(x, y) holds for
//     every x of one and y of the other (at most `check` members of each side
//     compared), so a chain of links never spans two groups that do not
//     belong together. Each group is named by its smallest item; its members
//     are sorted.
//   WordRun(a, b, score): whether word sequences a and b (each word flagged
//     or not) share a run of words in the same order whose length plus its
//     flagged words of a make `score`, with one flagged word at least. A
//     pair costs sorting b's word hashes and its matching words, not
//     |a| x |b| string compares: the grouping asks it of the pairs of
//     direct quotes that containment alone does not decide.
//
// Example
//   PostingPairs(std::map<std::string, std::vector<std::size_t>>{{"x", {0, 2}},
//                {"y", {0, 1, 2}}}, 2)                    → {(0, 2)}
//   CompleteLink(3, {{0, 1}, {1, 2}}, [](auto x, auto y) { return x + y < 3; })
//     .group                                              → {0, 0, 2}
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/view_hash.h"

namespace whosaid::claims {

using ItemPair = std::pair<std::size_t, std::size_t>;

template <class Postings>
std::vector<ItemPair> PostingPairs(const Postings& postings, std::size_t max_posting) {
  std::vector<ItemPair> pairs;
  for (const auto& [key, list] : postings) {
    if (list.size() < 2 || list.size() > max_posting) continue;
    for (std::size_t x = 0; x < list.size(); ++x) {
      for (std::size_t y = x + 1; y < list.size(); ++y) pairs.emplace_back(list[x], list[y]);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

template <class Postings>
std::vector<ItemPair> PostingPairsByItem(const Postings& postings, std::size_t n,
                                         std::size_t max_posting, bool* twins = nullptr) {
  using List = typename Postings::mapped_type;
  std::vector<const List*> lists;
  // item i → the lists it is in, ascending: in_lists[lists_at[i] ..
  // lists_at[i + 1]) (one array, counted then filled: no vector an item)
  std::vector<std::size_t> lists_at(n + 1, 0);
  for (const auto& [key, list] : postings) {
    if (list.size() < 2 || list.size() > max_posting) continue;
    for (std::size_t i : list) ++lists_at[i + 1];
    lists.push_back(&list);
  }
  for (std::size_t i = 0; i < n; ++i) lists_at[i + 1] += lists_at[i];
  std::vector<std::uint32_t> in_lists(lists_at[n]);
  {
    std::vector<std::size_t> next(lists_at.begin(), lists_at.end() - 1);
    for (std::size_t l = 0; l < lists.size(); ++l) {
      for (std::size_t i : *lists[l]) in_lists[next[i]++] = static_cast<std::uint32_t>(l);
    }
  }
  auto lists_of = [&](std::size_t i) {
    return std::span<const std::uint32_t>(in_lists.data() + lists_at[i],
                                          lists_at[i + 1] - lists_at[i]);
  };
  // Twins: items in the same lists (copies of one text). They share a list
  // with the same items, so those are gathered once, for the first twin,
  // and each twin pairs with those after it. (group_of: an item's group of
  // twins, or kAlone; a group's partners kept from its first twin to its
  // last.)
  constexpr std::uint32_t kAlone = UINT32_MAX;
  std::vector<std::uint32_t> group_of(n, kAlone);
  std::vector<std::uint32_t> twins_left;  // by group: its twins not yet paired
  {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_hash;
    for (std::size_t i = 0; i < n; ++i) {
      if (lists_of(i).empty()) continue;
      std::uint64_t h = lists_of(i).size();
      for (std::uint32_t l : lists_of(i)) h = (h ^ l) * 0x9E3779B97F4A7C15ULL + (h >> 29);
      by_hash.emplace_back(h, static_cast<std::uint32_t>(i));
    }
    std::sort(by_hash.begin(), by_hash.end());
    std::vector<std::uint32_t> firsts;  // a run of one hash: the first item of each set of lists
    for (std::size_t a = 0, b = 0; a < by_hash.size(); a = b) {
      while (b < by_hash.size() && by_hash[b].first == by_hash[a].first) ++b;
      firsts.clear();
      for (std::size_t k = a; k < b; ++k) {
        const std::uint32_t i = by_hash[k].second;
        const auto twin = std::find_if(firsts.begin(), firsts.end(), [&](std::uint32_t f) {
          return std::ranges::equal(lists_of(f), lists_of(i));
        });
        if (twin == firsts.end()) {
          firsts.push_back(i);
          continue;
        }
        if (group_of[*twin] == kAlone) {
          group_of[*twin] = static_cast<std::uint32_t>(twins_left.size());
          twins_left.push_back(1);
        }
        group_of[i] = group_of[*twin];
        ++twins_left[group_of[i]];
      }
    }
  }
  if (twins) *twins = !twins_left.empty();
  std::vector<std::vector<std::size_t>> partners(twins_left.size());  // by group, ascending
  std::vector<ItemPair> pairs;
  std::vector<std::size_t> with;  // the later items item i shares a list with, each once
  // item j → the last i it was taken for (a pair shared through many lists
  // is taken once, not sorted out after)
  std::vector<std::size_t> taken_for(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t group = group_of[i];
    if (group != kAlone) {
      std::vector<std::size_t>& all = partners[group];
      if (all.empty()) {  // (its first twin: every item of its lists, each once)
        for (std::uint32_t l : lists_of(i)) {
          for (std::size_t j : *lists[l]) {
            if (taken_for[j] == i) continue;
            taken_for[j] = i;
            all.push_back(j);
          }
        }
        std::sort(all.begin(), all.end());
      }
      for (auto j = std::upper_bound(all.begin(), all.end(), i); j != all.end(); ++j)
        pairs.emplace_back(i, *j);
      if (--twins_left[group] == 0) std::vector<std::size_t>().swap(all);
      continue;
    }
    with.clear();
    for (std::uint32_t l : lists_of(i)) {
      const List& list = *lists[l];
      for (auto j = std::upper_bound(list.begin(), list.end(), i); j != list.end(); ++j) {
        if (taken_for[*j] == i) continue;
        taken_for[*j] = i;
        with.push_back(*j);
      }
    }
    std::sort(with.begin(), with.end());
    for (std::size_t j : with) pairs.emplace_back(i, j);
  }
  return pairs;
}

struct LinkedGroups {
  std::vector<std::size_t> group;                 // item → the smallest item of its group
  std::vector<std::vector<std::size_t>> members;  // [smallest item] → members, sorted
};

template <class Ok>
LinkedGroups CompleteLink(std::size_t n, const std::vector<ItemPair>& links, Ok ok,
                          std::size_t check = std::numeric_limits<std::size_t>::max()) {
  LinkedGroups g;
  g.group.resize(n);
  std::iota(g.group.begin(), g.group.end(), 0);
  g.members.resize(n);
  for (std::size_t r = 0; r < n; ++r) g.members[r] = {r};
  for (const auto& [a, b] : links) {
    std::size_t ga = g.group[a], gb = g.group[b];
    if (ga == gb) continue;
    bool fits = true;
    const auto& ma = g.members[ga];
    const auto& mb = g.members[gb];
    for (std::size_t x = 0; fits && x < std::min(check, ma.size()); ++x) {
      for (std::size_t y = 0; fits && y < std::min(check, mb.size()); ++y) {
        fits = ok(std::min(ma[x], mb[y]), std::max(ma[x], mb[y]));
      }
    }
    if (!fits) continue;
    if (ga > gb) std::swap(ga, gb);
    for (std::size_t r : g.members[gb]) g.group[r] = ga;
    const auto before = static_cast<std::ptrdiff_t>(g.members[ga].size());
    g.members[ga].insert(g.members[ga].end(), g.members[gb].begin(), g.members[gb].end());
    std::inplace_merge(g.members[ga].begin(), g.members[ga].begin() + before, g.members[ga].end());
    g.members[gb].clear();
  }
  return g;
}

// The longest-common-run table of a and b, read only where a's word i and
// b's word j are equal: b's words sorted by hash (positions ascending
// within one), each of a's looked up there; a run ending at (i, j) extends
// the one ending at (i - 1, j - 1), if any (the cells of the row before,
// ascending by j). Words: anything with size() and operator[](i).key and
// .flag (claims::PackedWords).
template <class Words>
bool WordRun(const Words& a, const Words& b, std::size_t score) {
  struct Cell {
    std::uint32_t j;
    std::size_t length, flagged;
  };
  thread_local std::vector<std::pair<std::uint64_t, std::uint32_t>> sorted;
  thread_local std::vector<Cell> before, row;
  sorted.clear();
  for (std::size_t j = 0; j < b.size(); ++j)
    sorted.emplace_back(HashBytes(b[j].key), static_cast<std::uint32_t>(j));
  std::sort(sorted.begin(), sorted.end());
  before.clear();
  for (std::size_t i = 0; i < a.size(); ++i) {
    row.clear();
    const auto w = a[i];
    const std::uint64_t h = HashBytes(w.key);
    auto at = std::lower_bound(sorted.begin(), sorted.end(),
                               std::pair<std::uint64_t, std::uint32_t>(h, 0));
    const std::size_t flag = w.flag ? 1 : 0;
    std::size_t p = 0;  // in `before`
    for (; at != sorted.end() && at->first == h; ++at) {
      const std::uint32_t j = at->second;
      if (std::string_view(b[j].key) != std::string_view(w.key)) continue;
      while (p < before.size() && before[p].j + 1 < j) ++p;
      const bool extends = p < before.size() && before[p].j + 1 == j;
      const Cell c{j, extends ? before[p].length + 1 : 1, (extends ? before[p].flagged : 0) + flag};
      if (c.flagged > 0 && c.length + c.flagged >= score) return true;
      row.push_back(c);
    }
    std::swap(before, row);
  }
  return false;
}

}  // namespace whosaid::claims
