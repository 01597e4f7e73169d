#include "entities/blocking.h"

#include <algorithm>
#include <functional>

namespace whosaid::entities {
namespace {

// The type keeps persons and organisations in separate blocks.
std::string Prefixed(const ParsedName& n, const char* kind, const std::string& body) {
  return std::string(EntityTypeName(n.type)) + kind + body;
}

// Blocking skeleton of a part written after another: an initial-vowel mark
// only makes sense at the start of a word.
std::string Tail(const std::string& blocking) {
  return !blocking.empty() && blocking[0] == '@' ? blocking.substr(1) : blocking;
}

std::vector<std::size_t> HeaviestFirst(const ParsedName& n) {
  std::vector<std::size_t> idx;
  for (std::size_t k = 0; k < n.parts.size(); ++k) {
    if (!n.parts[k].initial && !n.parts[k].spelling.blocking.empty()) idx.push_back(k);
  }
  std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
    const NamePart &a = n.parts[x], &b = n.parts[y];
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.spelling.blocking < b.spelling.blocking;
  });
  return idx;
}

}  // namespace

void Blocker::SingleKeys(const ParsedName& n, std::vector<std::string>& keys) const {
  for (const NamePart& p : n.parts) {
    if (p.initial || p.weight < config_.single_key_min_weight) continue;
    keys.push_back(Prefixed(n, "1:", p.spelling.blocking));
    if (p.without_article) keys.push_back(Prefixed(n, "1:", p.without_article->blocking));
  }
  // Runs of adjacent parts written together, whatever their weight: the
  // joined form is rare even when its pieces are not.
  for (std::size_t k = 0; k + 1 < n.parts.size(); ++k) {
    std::string joined = n.parts[k].spelling.blocking;
    for (std::size_t e = k + 1; e < n.parts.size() && e < k + 3; ++e) {
      if (n.parts[e].initial || n.parts[k].initial) break;
      joined += Tail(n.parts[e].spelling.blocking);
      keys.push_back(Prefixed(n, "1:", joined));
    }
  }
}

void Blocker::PairKeys(const ParsedName& n, std::vector<std::string>& keys) const {
  std::vector<std::size_t> top = HeaviestFirst(n);
  if (top.size() > static_cast<std::size_t>(config_.key_parts)) top.resize(config_.key_parts);
  for (std::size_t x = 0; x < top.size(); ++x) {
    for (std::size_t y = x + 1; y < top.size(); ++y) {
      std::string a = n.parts[top[x]].spelling.blocking, b = n.parts[top[y]].spelling.blocking;
      if (b < a) std::swap(a, b);
      keys.push_back(Prefixed(n, "2:", a + "+" + b));
    }
  }
}

// Symmetric deletion: two skeletons within one edit share a key.
void Blocker::DeletionKeys(const ParsedName& n, std::vector<std::string>& keys) const {
  for (const NamePart& p : n.parts) {
    if (p.initial || p.weight < config_.single_key_min_weight ||
        p.spelling.consonants < config_.deletion_min_consonants) {
      continue;
    }
    const std::string& s = p.spelling.blocking;
    keys.push_back(Prefixed(n, "d:", s));
    for (std::size_t k = 0; k < s.size(); ++k) {
      keys.push_back(Prefixed(n, "d:", s.substr(0, k) + s.substr(k + 1)));
    }
  }
}

std::vector<std::string> Blocker::Keys(const ParsedName& n) const {
  std::vector<std::string> keys;
  if (!n.matchable) return keys;
  SingleKeys(n, keys);
  PairKeys(n, keys);
  DeletionKeys(n, keys);
  if (keys.empty()) {
    std::vector<std::string> all;
    for (const NamePart& p : n.parts) all.push_back(p.spelling.blocking);
    std::sort(all.begin(), all.end());
    std::string body;
    for (const std::string& s : all) body += s + " ";
    keys.push_back(Prefixed(n, "0:", body));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Blocker::Pairs(
    const std::vector<const ParsedName*>& names) const {
  // (key hash, name) sorted: a block is a run of one hash. A hash collision
  // only adds candidate pairs, never loses one.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  std::hash<std::string> hash;
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    for (const std::string& k : Keys(*names[i])) entries.emplace_back(hash(k), i);
  }
  std::sort(entries.begin(), entries.end());
  std::vector<std::uint64_t> pairs;
  for (std::size_t b = 0; b < entries.size();) {
    std::size_t e = b;
    while (e < entries.size() && entries[e].first == entries[b].first) ++e;
    const std::size_t size = e - b;
    const std::size_t reach = size > config_.max_block ? config_.window : size;
    for (std::size_t x = b; x < e; ++x) {
      for (std::size_t y = x + 1; y < e && y <= x + reach; ++y) {
        std::uint64_t i = entries[x].second, j = entries[y].second;
        if (i != j) pairs.push_back((std::min(i, j) << 32) | std::max(i, j));
      }
    }
    b = e;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  out.reserve(pairs.size());
  for (std::uint64_t p : pairs) {
    out.emplace_back(static_cast<std::uint32_t>(p >> 32), static_cast<std::uint32_t>(p));
  }
  return out;
}

}  // namespace whosaid::entities
