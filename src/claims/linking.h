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
//     share all of theirs) is held once, not once per key.
//   CompleteLink(n, links, ok, check): joins items 0..n-1 along `links`
//     (pairs, strongest first): two groups join only when ok(x, y) holds for
//     every x of one and y of the other (at most `check` members of each side
//     compared), so a chain of links never spans two groups that do not
//     belong together. Each group is named by its smallest item; its members
//     are sorted.
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
#include <utility>
#include <vector>

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
                                         std::size_t max_posting) {
  using List = typename Postings::mapped_type;
  std::vector<const List*> lists;
  std::vector<std::vector<std::uint32_t>> lists_of(n);  // item → the lists it is in
  for (const auto& [key, list] : postings) {
    if (list.size() < 2 || list.size() > max_posting) continue;
    for (std::size_t i : list) lists_of[i].push_back(static_cast<std::uint32_t>(lists.size()));
    lists.push_back(&list);
  }
  std::vector<ItemPair> pairs;
  std::vector<std::size_t> with;  // the later items item i shares a list with
  for (std::size_t i = 0; i < n; ++i) {
    with.clear();
    for (std::uint32_t l : lists_of[i]) {
      const List& list = *lists[l];
      with.insert(with.end(), std::upper_bound(list.begin(), list.end(), i), list.end());
    }
    std::sort(with.begin(), with.end());
    with.erase(std::unique(with.begin(), with.end()), with.end());
    for (std::size_t j : with) pairs.emplace_back(i, j);
    std::vector<std::uint32_t>().swap(lists_of[i]);
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
    g.members[ga].insert(g.members[ga].end(), g.members[gb].begin(), g.members[gb].end());
    std::sort(g.members[ga].begin(), g.members[ga].end());
    g.members[gb].clear();
  }
  return g;
}

}  // namespace whosaid::claims
