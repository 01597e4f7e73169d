#include "entities/blocking.h"

#include <algorithm>
#include <functional>
#include <string_view>

#include "core/parallel.h"

namespace whosaid::entities {
namespace {

// Blocking skeleton of a part written after another: an initial-vowel mark
// only makes sense at the start of a word.
std::string_view Tail(std::string_view blocking) {
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

// The type keeps persons and organisations in separate blocks: the type's
// name, `kind` and the pieces of the body, written at the end of `text`.
void Blocker::KeyText::Add(std::string_view kind, std::string_view body, std::string_view more,
                           std::string_view rest) {
  text.append(type).append(kind).append(body).append(more).append(rest);
  ends.push_back(static_cast<std::uint32_t>(text.size()));
}

std::string_view Blocker::KeyText::Key(std::size_t k) const {
  const std::size_t begin = k == 0 ? 0 : ends[k - 1];
  return std::string_view(text).substr(begin, ends[k] - begin);
}

void Blocker::SingleKeys(const ParsedName& n, KeyText& keys) const {
  for (const NamePart& p : n.parts) {
    if (p.initial || p.weight < config_.single_key_min_weight) continue;
    keys.Add("1:", p.spelling.blocking);
    for (const auto& alt : p.alternatives) {
      if (!alt.weak) keys.Add("1:", alt.spelling.blocking);
    }
  }
  // Runs of adjacent parts written together, whatever their weight: the
  // joined form is rare even when its pieces are not.
  for (std::size_t k = 0; k + 1 < n.parts.size(); ++k) {
    if (n.parts[k].initial) continue;
    const std::string_view first = n.parts[k].spelling.blocking;
    if (n.parts[k + 1].initial) continue;
    const std::string_view second = Tail(n.parts[k + 1].spelling.blocking);
    keys.Add("1:", first, second);
    if (k + 2 < n.parts.size() && !n.parts[k + 2].initial) {
      keys.Add("1:", first, second, Tail(n.parts[k + 2].spelling.blocking));
    }
  }
}

void Blocker::PairKeys(const ParsedName& n, KeyText& keys) const {
  std::vector<std::size_t> top = HeaviestFirst(n);
  if (top.size() > static_cast<std::size_t>(config_.key_parts)) top.resize(config_.key_parts);
  for (std::size_t x = 0; x < top.size(); ++x) {
    for (std::size_t y = x + 1; y < top.size(); ++y) {
      std::string_view a = n.parts[top[x]].spelling.blocking, b = n.parts[top[y]].spelling.blocking;
      if (b < a) std::swap(a, b);
      keys.Add("2:", a, "+", b);
    }
  }
}

// Symmetric deletion: two skeletons within one edit share a key.
void Blocker::DeletionKeys(const ParsedName& n, KeyText& keys) const {
  for (const NamePart& p : n.parts) {
    if (p.initial || p.weight < config_.single_key_min_weight ||
        p.spelling.consonants < config_.deletion_min_consonants) {
      continue;
    }
    const std::string_view s = p.spelling.blocking;
    keys.Add("d:", s);
    for (std::size_t k = 0; k < s.size(); ++k) keys.Add("d:", s.substr(0, k), s.substr(k + 1));
  }
}

void Blocker::WriteKeys(const ParsedName& n, KeyText& keys) const {
  keys.type = EntityTypeName(n.type);
  keys.text.clear();
  keys.ends.clear();
  if (!n.matchable) return;
  SingleKeys(n, keys);
  PairKeys(n, keys);
  DeletionKeys(n, keys);
  if (keys.ends.empty()) {
    std::vector<std::string> all;
    for (const NamePart& p : n.parts) all.push_back(p.spelling.blocking);
    std::sort(all.begin(), all.end());
    std::string body;
    for (const std::string& s : all) body += s + " ";
    keys.Add("0:", body);
  }
}

std::vector<std::string> Blocker::Keys(const ParsedName& n) const {
  KeyText text;
  WriteKeys(n, text);
  std::vector<std::string> keys;
  for (std::size_t k = 0; k < text.ends.size(); ++k) keys.emplace_back(text.Key(k));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Blocker::Index Blocker::Build(const std::vector<const ParsedName*>& names, unsigned threads) const {
  Index x;
  x.window_ = config_.window;
  // (key hash, name) sorted: a block is a run of one hash. A hash collision
  // only adds candidate pairs, never loses one. Each name's key hashes are
  // made on the thread that takes it (Keys is const and reads the name
  // only), then gathered in name order and sorted: the same entries for
  // any number of threads.
  // (the hash of each distinct key of Keys: std::hash of a string_view is
  // that of the equal std::string; keys sorted by hash, then text, so that
  // equal keys are neighbours, and each written once)
  std::vector<std::vector<std::uint64_t>> hashes(names.size());
  parallel::ForEach(names.size(), threads, [&](std::size_t i) {
    thread_local KeyText text;
    thread_local std::vector<std::pair<std::uint64_t, std::string_view>> hashed;
    WriteKeys(*names[i], text);
    hashed.clear();
    for (std::size_t k = 0; k < text.ends.size(); ++k) {
      const std::string_view key = text.Key(k);
      hashed.emplace_back(std::hash<std::string_view>()(key), key);
    }
    std::sort(hashed.begin(), hashed.end());
    for (std::size_t k = 0; k < hashed.size(); ++k) {
      if (k == 0 || hashed[k] != hashed[k - 1]) hashes[i].push_back(hashed[k].first);
    }
  });
  std::size_t total = 0;
  for (const auto& h : hashes) total += h.size();
  x.entries_.reserve(total);
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    for (std::uint64_t h : hashes[i]) x.entries_.emplace_back(h, i);
  }
  std::vector<std::vector<std::uint64_t>>().swap(hashes);
  std::sort(x.entries_.begin(), x.entries_.end());
  const std::size_t n = x.entries_.size();
  x.block_end_.resize(n);
  x.large_.resize(n);
  for (std::size_t b = 0; b < n;) {
    std::size_t e = b;
    while (e < n && x.entries_[e].first == x.entries_[b].first) ++e;
    for (std::size_t k = b; k < e; ++k) {
      x.block_end_[k] = static_cast<std::uint32_t>(e);
      x.large_[k] = e - b > config_.max_block;
    }
    b = e;
  }
  x.start_.assign(names.size() + 1, 0);
  for (const auto& en : x.entries_) ++x.start_[en.second + 1];
  for (std::size_t i = 0; i < names.size(); ++i) x.start_[i + 1] += x.start_[i];
  std::vector<std::uint32_t> fill(x.start_.begin(), x.start_.end() - 1);
  x.by_name_.resize(n);
  for (std::uint32_t k = 0; k < n; ++k) x.by_name_[fill[x.entries_[k].second]++] = k;
  return x;
}

// The later members of each of i's blocks; only the next `window` ones in
// a block over max_block.
void Blocker::Index::Candidates(std::uint32_t i, std::vector<std::uint32_t>& out) const {
  out.clear();
  for (std::uint32_t s = start_[i]; s < start_[i + 1]; ++s) {
    const std::uint32_t k = by_name_[s], e = block_end_[k];
    const std::uint32_t stop =
        large_[k] ? std::min<std::uint32_t>(e, k + 1 + static_cast<std::uint32_t>(window_)) : e;
    for (std::uint32_t y = k + 1; y < stop; ++y) {
      if (entries_[y].second != i) out.push_back(entries_[y].second);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Blocker::Pairs(
    const std::vector<const ParsedName*>& names) const {
  Index index = Build(names);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  std::vector<std::uint32_t> js;
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    index.Candidates(i, js);
    for (std::uint32_t j : js) out.emplace_back(i, j);
  }
  return out;
}

}  // namespace whosaid::entities
