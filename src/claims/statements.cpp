#include "claims/statements.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "claims/linking.h"
#include "core/flat_map.h"
#include "core/parallel.h"
#include "core/release.h"

namespace whosaid::claims {
namespace {

// The run's terms: each key's document frequency, its id, the key's rank
// among the run's keys (ids compare as their keys do: a bag's terms are
// merged by id, an integer compare instead of a string's), and its idf over
// the run (set with the id: every bag of the term weighs it so).
// Keys owned (the features they come from are loaded and dropped); a flat
// table (core/flat_map.h): probed for every term of every bag.
struct TermInfo {
  int df = 0;
  std::uint32_t id = 0;
  double idf = 0;
};
using TermTable = FlatMap<TermInfo>;

// One item's terms: sorted unique keys (views of its features', which
// outlive the bag: Loaded) with their ids and weights, in one vector (a
// bag is made for every item of a block and every candidate of the bridge).
struct BagTerm {
  std::string_view key;
  std::uint32_t id = 0;  // TermInfo::id of the key
  bool proper = false;   // a name wherever the item uses it
  double idf = 0;        // TermInfo::idf of the key
  double weight = 0;
  double topic = 0;  // weight within its document (StatementConfig::topic_uses)
};
struct Bag {
  const ItemFeatures* features = nullptr;  // what it was made of
  std::vector<BagTerm> terms;              // by id, ascending
  std::vector<std::uint32_t> plain;        // ids of the terms neither names nor `not`, ascending
  double total = 0;
  double topic_total = 0;
};

// The bag's keys and names, no weights yet: sorted unique keys, a key a
// name only where every use of it is one. Every key is in `table`.
// (`not_id`: the id of `not`, or none)
Bag MakeBag(const PackedWords& terms, const TermTable& table, std::uint32_t not_id) {
  Bag bag;
  bag.terms.reserve(terms.size());
  bag.plain.reserve(terms.size());  // (at most one a term: no regrowth)
  for (const PackedWords::Word t : terms) {
    const TermInfo& info = *table.Find(t.key);
    bag.terms.push_back({t.key, info.id, t.flag, info.idf});
  }
  // a key's first use: its least proper
  std::sort(bag.terms.begin(), bag.terms.end(), [](const BagTerm& a, const BagTerm& b) {
    return a.id != b.id ? a.id < b.id : a.proper < b.proper;
  });
  bag.terms.erase(std::unique(bag.terms.begin(), bag.terms.end(),
                              [](const BagTerm& a, const BagTerm& b) { return a.id == b.id; }),
                  bag.terms.end());
  for (const BagTerm& t : bag.terms) {
    if (!t.proper && t.id != not_id) bag.plain.push_back(t.id);
  }
  return bag;
}

// Bag::plain of the bag MakeBag makes, alone: the ids of the keys neither
// `not` nor a name wherever used, ascending (into `plain`).
void PlainIds(const PackedWords& terms, const TermTable& table, std::uint32_t not_id,
              std::vector<std::uint32_t>& plain) {
  thread_local std::vector<std::uint64_t> uses;  // id << 1 | proper: a key's least proper first
  uses.clear();
  for (const PackedWords::Word t : terms)
    uses.push_back(std::uint64_t{table.Find(t.key)->id} << 1 | (t.flag ? 1 : 0));
  std::sort(uses.begin(), uses.end());
  plain.clear();
  for (std::size_t k = 0; k < uses.size(); ++k) {
    const auto id = static_cast<std::uint32_t>(uses[k] >> 1);
    if (k > 0 && uses[k - 1] >> 1 == id) continue;
    if ((uses[k] & 1) == 0 && id != not_id) plain.push_back(id);
  }
}

// Only the smaller of a and b's weights of a shared term counts.
struct Overlap {
  std::size_t shared = 0;
  std::size_t common = 0;  // shared terms that are neither names nor `not`
  double weight = 0;
};
// (`not_id`: the id of `not`, or none)
Overlap Shared(const Bag& a, const Bag& b, std::uint32_t not_id, bool one_doc = false) {
  Overlap o;
  const double BagTerm::*w = one_doc ? &BagTerm::topic : &BagTerm::weight;
  const std::size_t na = a.terms.size(), nb = b.terms.size();
  std::size_t i = 0, j = 0;
  while (i < na && j < nb) {
    const BagTerm& x = a.terms[i];
    const BagTerm& y = b.terms[j];
    if (x.id < y.id) {
      ++i;
    } else if (x.id > y.id) {
      ++j;
    } else {
      ++o.shared;
      if (!x.proper && !y.proper && x.id != not_id) ++o.common;
      o.weight += std::min(x.*w, y.*w);
      ++i;
      ++j;
    }
  }
  return o;
}

// Overlap::common of two bags (the ids both have plain: Bag::plain), no
// weights needed, counted up to `enough` (the answer is then
// min(common, enough)): one bag's plain ids set in a bit table by term id
// (Mark), then each other bag's looked up there — a bridge item is tested
// against each of its many candidates.
class CommonTerms {
 public:
  // Room for ids below `terms` (every bit off between a Mark on and off).
  void Fit(std::size_t terms) {
    if (bits_.size() < (terms + 63) / 64) bits_.resize((terms + 63) / 64, 0);
  }
  void Mark(const std::vector<std::uint32_t>& plain, bool on) {
    for (std::uint32_t id : plain) {
      if (on)
        bits_[id / 64] |= std::uint64_t{1} << (id % 64);
      else
        bits_[id / 64] &= ~(std::uint64_t{1} << (id % 64));
    }
  }
  // (ids [plain, plain + count))
  std::size_t With(const std::uint32_t* plain, std::size_t count, std::size_t enough) const {
    std::size_t common = 0;
    for (std::size_t k = 0; k < count; ++k) {
      const std::uint32_t id = plain[k];
      if ((bits_[id / 64] >> (id % 64) & 1) != 0 && ++common >= enough) break;
    }
    return common;
  }

 private:
  std::vector<std::uint64_t> bits_;
};

// The plain ids (PlainIds) of the bridge's candidates by rank, kept from
// one bridge chunk to the next: a named item is a candidate of every chunk
// whose items share one of its rare terms, and its ids are the same each
// time (k3000: ~10 chunks of ~12k candidates, most seen in a chunk before;
// each was loaded, read from disk when spilled, and its ids made again).
// Memory: about 4 bytes times `budget` (StatementConfig::bridge_cache: an
// item's ids and 5 for its entry and slots, the first items' kept, any
// later one made again in each chunk), up to twice that while its vectors
// and slots grow by doubling. Add between a chunk's parallel steps, Find and
// Ids within them (no Add then: Ids' pointers last until the next Add).
class PlainIdCache {
 public:
  explicit PlainIdCache(std::size_t budget) : budget_(budget) {}
  // Rank's ids, [Ids() + begin, Ids() + end), when kept.
  bool Find(std::uint32_t rank, std::uint32_t& begin, std::uint32_t& end) const {
    if (slots_.empty()) return false;
    for (std::size_t i = Start(rank);; i = (i + 1) & mask_) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return false;
      if (static_cast<std::uint32_t>(slot >> 32) == rank + 1) {
        const auto entry = static_cast<std::uint32_t>(slot);
        begin = starts_[entry];
        end = starts_[entry + 1];
        return true;
      }
    }
  }
  // Keeps `plain` as rank's (not yet kept) when the budget holds it (then
  // true).
  bool Add(std::uint32_t rank, const std::vector<std::uint32_t>& plain) {
    // (an entry costs its ids and 5 more: its start and two slots' 16 bytes)
    if (used_ + plain.size() + 5 > budget_ || rank == UINT32_MAX) return false;
    used_ += plain.size() + 5;
    if (2 * (starts_.size() + 1) > slots_.size()) Grow();
    Place(rank, static_cast<std::uint32_t>(starts_.size() - 1));
    ids_.insert(ids_.end(), plain.begin(), plain.end());
    starts_.push_back(static_cast<std::uint32_t>(ids_.size()));
    return true;
  }
  const std::uint32_t* Ids() const { return ids_.data(); }
  // Whether an entry of no ids would be kept.
  bool HasRoom() const { return used_ + 5 <= budget_; }

 private:
  std::size_t Start(std::uint32_t rank) const {
    return static_cast<std::size_t>((std::uint64_t{rank} * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
  }
  void Place(std::uint32_t rank, std::uint32_t entry) {
    std::size_t i = Start(rank);
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = (std::uint64_t{rank} + 1) << 32 | entry;
  }
  // Doubles the slots (64 at first), every kept rank placed again.
  void Grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), 0);
    mask_ = slots_.size() - 1;
    for (const std::uint64_t slot : old) {
      if (slot != 0)
        Place(static_cast<std::uint32_t>(slot >> 32) - 1, static_cast<std::uint32_t>(slot));
    }
  }

  std::size_t budget_, used_ = 0;
  std::vector<std::uint32_t> ids_;
  std::vector<std::uint32_t> starts_{0};  // by entry: its first id (one more: the end)
  std::vector<std::uint64_t> slots_;      // (rank + 1) << 32 | entry; 0: empty
  std::size_t mask_ = 0;
};

// The lower-case words of a role or mention.
std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> out;
  WordLetters letters;
  for (const RawWord& w : ScanWords(text, /*split_hyphens=*/true, letters))
    out.emplace_back(w.lower);
  return out;
}

// Whether a description's role fits the roles of a named speaker's records:
// no role, a relation word, or a word in common.
bool RoleFits(const TermLexicon& lexicon, std::string_view role,
              const std::vector<std::string>& named_roles) {
  const std::vector<std::string> words = LowerWords(role);
  if (words.empty()) return true;
  for (const std::string& w : words) {
    if (lexicon.Relation(w)) return true;
  }
  for (const std::string& r : named_roles) {
    for (const std::string& w : LowerWords(r)) {
      if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    }
  }
  return false;
}

// The run-wide state of one grouping, by rank (the canonical order): what
// makes an item's bag — its features, each term's document frequency over
// the run — and compares two items. A bag is made where it is needed (a
// speaker block, the bridge) and dropped with it: two bags of one item are
// the same.
// An item's features and term counts while a bag of it is needed: held
// (FeatureSource::Held) or read (FeatureSource::Read). Not moved once
// loaded: its bags' keys are views of it. Loaded with its terms alone
// (Ranked::kTerms): `u` null when read, only f->terms to be read.
struct Loaded {
  ItemFeatures features;
  TermUses uses;
  const ItemFeatures* f = nullptr;
  const TermUses* u = nullptr;
  Loaded() = default;
  Loaded(const Loaded&) = delete;
  Loaded& operator=(const Loaded&) = delete;
};

struct Ranked {
  const StatementConfig& config;
  const TermLexicon& lexicon;
  const PackedItems& items;
  const FeatureSource& source;
  std::vector<std::uint32_t> order;     // rank → item (4 bytes: millions of items)
  std::vector<std::uint32_t> doc_rank;  // by PackedItems::docs: its id's rank among the run's
  TermTable terms;                      // every key of the run's items
  std::vector<std::uint32_t> entry_of;  // id → its entry in terms.entries() (4 bytes a term)
  std::uint32_t not_id = UINT32_MAX;    // the id of `not` (UINT32_MAX: none)

  const PackedItem& Item(std::size_t r) const { return items.items[order[r]]; }
  bool SameDoc(const PackedItem& x, const PackedItem& y) const {
    return doc_rank[x.doc] == doc_rank[y.doc];
  }
  std::int32_t Published(const PackedItem& x) const { return items.DocOf(x.doc).published; }

  // What a load reads of an item that is not held: everything, or its
  // terms alone (a pass that makes no bag: FeatureSource::Into).
  enum Part { kAll, kTerms };
  // Rank ranks[k]'s features into into[k] for each k < count: held
  // (FeatureSource::Held) or read, those read at once (ReadMany: in the
  // file's order, not the ranks'). A Loaded loaded again is replaced.
  void LoadMany(const std::size_t* ranks, std::size_t count, Loaded* into, Part part = kAll) const {
    std::vector<std::size_t> items;
    std::vector<FeatureSource::Into> to;
    for (std::size_t k = 0; k < count; ++k) {
      Loaded& l = into[k];
      if (source.Held(order[ranks[k]], l.f, l.u)) continue;
      items.push_back(order[ranks[k]]);
      to.push_back({&l.features, part == kAll ? &l.uses : nullptr});
      l.f = &l.features;
      l.u = part == kAll ? &l.uses : nullptr;
    }
    if (!items.empty()) source.ReadMany(items, to);
  }
  // f(k, loaded) for each k < count in order, rank rank_of(k) loaded
  // kBatch at a time (LoadMany: `part` of it) and dropped after (the
  // batch's Loaded reused: one allocation a list, not one an item).
  template <class RankOf, class F>
  void ForEachLoaded(std::size_t count, RankOf&& rank_of, F&& f, Part part = kAll) const {
    constexpr std::size_t kBatch = 2048;
    std::vector<std::size_t> ranks;
    std::vector<Loaded> loaded(std::min(kBatch, count));
    for (std::size_t b = 0; b < count; b += kBatch) {
      const std::size_t m = std::min(kBatch, count - b);
      ranks.clear();
      for (std::size_t k = b; k < b + m; ++k) ranks.push_back(rank_of(k));
      LoadMany(ranks.data(), m, loaded.data(), part);
      for (std::size_t k = 0; k < m; ++k) f(b + k, loaded[k]);
    }
  }

  // The item's terms weighed: idf over the run (a name `proper_weight` of
  // it), and within its document (StatementConfig::topic_uses).
  Bag BagOf(const Loaded& loaded) const {
    Bag bag = MakeBag(loaded.f->terms, terms, not_id);
    Weigh(loaded, bag);
    return bag;
  }
  // An item's term uses as numbers, id << 1 | proper, ascending (a key's
  // least proper use first, as MakeBag takes it), appended to `out`.
  void UseIds(const PackedWords& words, std::vector<std::uint64_t>& out) const {
    const std::size_t from = out.size();
    for (const PackedWords::Word t : words)
      out.push_back(std::uint64_t{terms.Find(t.key)->id} << 1 | (t.flag ? 1 : 0));
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end());
  }
  // BagOf(loaded) made from its UseIds `uses[0 .. n)`: the same bag, no key
  // looked up again.
  Bag BagOf(const Loaded& loaded, const std::uint64_t* uses, std::size_t n) const {
    Bag bag;
    bag.terms.reserve(n);
    bag.plain.resize(n);  // (at most one a use: written in place, then cut)
    std::size_t plain = 0;
    const auto& entries = terms.entries();
    for (std::size_t k = 0; k < n; ++k) {
      const auto id = static_cast<std::uint32_t>(uses[k] >> 1);
      if (k > 0 && uses[k - 1] >> 1 == id) continue;
      const bool proper = (uses[k] & 1) != 0;
      const auto& entry = entries[entry_of[id]];
      bag.terms.push_back({entry.first, id, proper, entry.second.idf});
      if (!proper && id != not_id) bag.plain[plain++] = id;
    }
    bag.plain.resize(plain);
    Weigh(loaded, bag);
    return bag;
  }
  // A bag's weights (of MakeBag's terms).
  void Weigh(const Loaded& loaded, Bag& bag) const {
    bag.features = loaded.f;
    const TermUses& uses = *loaded.u;
    // the bag's keys ascend as the uses' do (ids are ranks of keys): one
    // walk over both finds what TermUses::Count would, key by key (one
    // three-way compare a step: the key found is told from the one passed)
    std::size_t u = 0;
    for (BagTerm& t : bag.terms) {
      t.weight = t.idf * (t.proper ? config.proper_weight : 1.0);
      bag.total += t.weight;
      int order = 1;  // uses.key(u) against t.key (1: past the uses' end)
      while (u < uses.size() && (order = uses.key(u).compare(t.key)) < 0) ++u;
      const int used = order == 0 ? uses.count(u) : 1;
      const double factor = config.topic_uses > 0 && used > config.topic_uses
                                ? static_cast<double>(config.topic_uses) / used
                                : 1.0;
      t.topic = t.weight * factor;
      bag.topic_total += t.topic;
    }
  }

  // How much of the smaller of items a and b (ranks, a < b; p and q their
  // bags) the other contains; 0 when they cannot be one statement.
  double Similarity(std::size_t a, const Bag& p, std::size_t b, const Bag& q) const {
    const PackedItem& x = Item(a);
    const PackedItem& y = Item(b);
    if (x.event != 0 && y.event != 0 && x.event != y.event && x.day >= 0 && y.day >= 0 &&
        std::labs(long{x.day} - y.day) > config.max_days_apart) {
      return 0.0;  // another occasion
    }
    if (p.terms.empty() || q.terms.empty()) return 0.0;
    const bool one_doc = SameDoc(x, y);
    Overlap o = Shared(p, q, not_id, one_doc);
    // A short report (`to exact revenge`) in another outlet's story of the
    // same event may share one word with the statement it paraphrases.
    const bool brief = std::min(p.terms.size(), q.terms.size()) <= config.short_terms && !one_doc &&
                       x.event != 0 && x.event == y.event;
    if (o.shared < (brief ? std::size_t{1} : config.min_shared)) return 0.0;
    if (config.need_common && o.common == 0) return 0.0;
    const double smaller =
        one_doc ? std::min(p.topic_total, q.topic_total) : std::min(p.total, q.total);
    const double sim = smaller > 0 ? o.weight / smaller : 0.0;
    if (o.shared < config.min_shared && sim < config.short_link) return 0.0;
    const std::int32_t pa = Published(x), pb = Published(y);
    if (pa >= 0 && pb >= 0 && std::labs(long{pa} - pb) > config.max_days_apart &&
        (sim < config.far_link || o.shared < config.far_min_shared)) {
      return 0.0;
    }
    // Two direct quotes: the shared run (the dearest test) only where the
    // containment alone does not decide. (Their words, in order: spelling
    // keys, flagged when a content term.)
    if (x.direct && y.direct) {
      auto run = [&] {
        return WordRun(p.features->wording, q.features->wording, config.direct_run);
      };
      if (one_doc && (sim < config.same_doc_direct || !run())) return 0.0;
      if (!one_doc && sim < config.direct_link && !run()) return 0.0;
    }
    return sim;
  }
};

// The speaker each item (by rank) is compared under: its entity; for an
// item without one whose words match the records of exactly one named
// speaker (StatementConfig::bridge_link, in both), that speaker's; else,
// with a role, a speaker of its own per document and mention.
//
// Memory follows the vocabulary, not the run: named items get postings only
// for the terms of the items to bridge and only while a term's list is
// short (`max_posting`: a longer one offers no candidates, so it is dropped
// as it grows past that); the candidates' plain ids are made first, within
// a budget (PlainIdCache, FillPlainIds); the items to bridge are then
// decided bridge_chunk at a time on `threads` threads, each
// chunk loading its items and the candidates it needs, then dropping them
// (but for plain ids the cache has room for). A candidate whose common terms (neither
// a name nor `not`: Overlap::common) are fewer than `bridge_min_shared`
// fails the first test below, so only the others get weighed bags.
// Speakers as ids: the items' (PackedItems strings), then those of their own
// (a string the items' table does not hold: an id past it).
struct Postings {
  std::vector<std::uint32_t> ranks;
  bool long_list = false;  // more than max_posting named items: dropped
};
using PostingLists = std::vector<Postings>;  // by held term (BridgeInputs::held)

// The items to bridge (ranks of the items without entity, with a mention)
// and their terms: made before the run's terms are counted, whose pass
// makes the postings of the named items (BridgeInputs::Noted, NoteTerm).
struct BridgeInputs {
  std::vector<std::size_t> bridge;
  FlatMap<std::uint32_t> held;      // term → its index (of its postings), from 0
  std::vector<PostingLists> parts;  // by chunk of ranks of the counting pass (by held term)

  BridgeInputs(const Ranked& g, unsigned threads) {
    const std::size_t n = g.order.size();
    for (std::size_t r = 0; r < n; ++r) {
      const PackedItem& x = g.Item(r);
      if (x.speaker == 0 && x.mention != 0) bridge.push_back(r);
    }
    if (bridge.empty()) return;
    // The terms of the items to bridge, made by contiguous chunks on
    // `threads` threads (the items loaded there), then joined.
    const std::size_t chunks = std::max<std::size_t>(1, std::min<std::size_t>(threads, n));
    std::vector<FlatSet> sets(chunks);
    const std::size_t chunk = (bridge.size() + chunks - 1) / chunks;
    parallel::RunWorkers(chunks, [&](std::size_t c) {
      const std::size_t from = std::min(bridge.size(), c * chunk);
      const std::size_t to = std::min(bridge.size(), (c + 1) * chunk);
      g.ForEachLoaded(
          to - from, [&](std::size_t k) { return bridge[from + k]; },
          [&](std::size_t, const Loaded& loaded) {
            for (const PackedWords::Word t : loaded.f->terms) sets[c].Insert(t.key);
          },
          Ranked::kTerms);
    });
    for (FlatSet& set : sets) {
      set.ForEach([&](const std::string& key) {
        held.Insert(key, static_cast<std::uint32_t>(held.size()));
      });
      set.Clear();
    }
  }
  // In the counting pass, chunk c's rank r (ascending in the chunk): its
  // postings of the held terms when it has a speaker (then Noted is true),
  // while short — NoteTerm for each of its terms (`hash`: HashBytes(term),
  // made once for this and the count).
  bool Noted(const Ranked& g, std::size_t c, std::size_t r) {
    if (held.empty() || g.Item(r).speaker == 0) return false;
    if (parts[c].empty()) parts[c].resize(held.size());
    return true;
  }
  void NoteTerm(const Ranked& g, std::size_t c, std::size_t r, std::string_view term,
                std::uint64_t hash) {
    const std::uint32_t* key = held.Find(term, hash);
    if (!key) return;
    Postings& list = parts[c][*key];
    if (list.long_list || (!list.ranks.empty() && list.ranks.back() == r)) return;
    list.ranks.push_back(static_cast<std::uint32_t>(r));
    if (list.ranks.size() > g.config.max_posting) list = {{}, true};
  }
};

// The plain ids (PlainIds) of the bridge's candidates made before its
// chunks, into `cache` until its budget is spent (the chunks make those of
// the others as they come): every named item of a short posting, each a
// candidate of the items to bridge with its term (every held term is one of
// theirs), read in item order — the file's, so neighbours come in one read.
// Made in the chunks, each candidate was read alone, its items spread over
// the file (x11: ~40k candidates, ~300 bytes a read). The ids are a
// function of the item and the run's terms alone (PlainIdCache), so which
// of them the cache holds changes no result.
void FillPlainIds(const Ranked& g, const PostingLists& postings, unsigned threads,
                  PlainIdCache& cache) {
  if (!cache.HasRoom()) return;
  std::vector<std::uint32_t> candidates;  // ranks, each once, by item
  {
    std::vector<char> seen(g.order.size(), 0);
    for (const Postings& list : postings) {
      if (list.long_list) continue;
      for (const std::uint32_t r : list.ranks) {
        if (seen[r]) continue;
        seen[r] = 1;
        candidates.push_back(r);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [&](std::uint32_t a, std::uint32_t b) { return g.order[a] < g.order[b]; });
  constexpr std::size_t kBatch = 4096;
  std::vector<std::size_t> ranks;
  // (a batch's ids, its slots reused: PlainIds clears them)
  std::vector<std::vector<std::uint32_t>> plain(std::min(kBatch, candidates.size()));
  for (std::size_t b = 0; b < candidates.size() && cache.HasRoom(); b += kBatch) {
    const std::size_t m = std::min(kBatch, candidates.size() - b);
    ranks.assign(candidates.begin() + static_cast<std::ptrdiff_t>(b),
                 candidates.begin() + static_cast<std::ptrdiff_t>(b + m));
    // (each thread a contiguous part: its reads dense; its features
    // loaded, read and freed by that thread, not by this one between
    // the batches)
    parallel::ParallelFor(m, threads, [&](std::size_t from, std::size_t to) {
      std::vector<Loaded> loaded(to - from);
      g.LoadMany(ranks.data() + from, to - from, loaded.data(), Ranked::kTerms);
      for (std::size_t k = from; k < to; ++k)
        PlainIds(loaded[k - from].f->terms, g.terms, g.not_id, plain[k]);
    });
    for (std::size_t k = 0; k < m; ++k) {
      if (!cache.Add(static_cast<std::uint32_t>(ranks[k]), plain[k])) return;
    }
  }
}

// (the rest of the bridge, after the counting pass: BridgeInputs)
std::vector<std::uint32_t> Speakers(const Ranked& g, const TermLexicon& lexicon, unsigned threads,
                                    BridgeInputs& inputs) {
  const StatementConfig& config = g.config;
  const std::size_t n = g.order.size();
  std::vector<std::uint32_t> out(n);                       // by rank; 0 → none
  std::unordered_map<std::string, std::uint32_t> own_ids;  // speakers of their own
  const std::vector<std::size_t>& bridge = inputs.bridge;  // ranks of the items to bridge
  for (std::size_t r = 0; r < n; ++r) out[r] = g.Item(r).speaker;
  if (bridge.empty()) return out;
  // The postings of named items (rank ascending) for the terms of the items
  // to bridge, while short: made by contiguous chunks of ranks in the
  // counting pass, joined here in chunk order: a posting is the chunks'
  // lists one after another, dropped when that is longer than max_posting —
  // what one pass in rank order makes.
  PostingLists postings(inputs.held.size());
  for (PostingLists& part : inputs.parts) {
    for (std::size_t key = 0; key < part.size(); ++key) {
      const Postings& from = part[key];
      Postings& list = postings[key];
      if (list.long_list) continue;
      if (from.long_list || list.ranks.size() + from.ranks.size() > config.max_posting) {
        list = {{}, true};
        continue;
      }
      list.ranks.insert(list.ranks.end(), from.ranks.begin(), from.ranks.end());
    }
    Release(part);
  }
  const std::size_t chunk = std::max<std::size_t>(1, config.bridge_chunk);
  std::vector<Loaded> loaded;
  std::vector<Bag> bags;
  std::vector<std::vector<std::size_t>> candidates;
  std::vector<std::string> own;  // by item of a chunk: the speaker of its own made for it
  // by rank: a candidate's index in the chunk's `near` (then cleared)
  constexpr std::uint32_t kNotNear = UINT32_MAX;
  std::vector<std::uint32_t> near_at(n, kNotNear);
  PlainIdCache cache(config.bridge_cache);
  FillPlainIds(g, postings, threads, cache);
  for (std::size_t b0 = 0; b0 < bridge.size(); b0 += chunk) {
    const std::size_t m = std::min(chunk, bridge.size() - b0);
    // Its items: bags and candidates (named items sharing a term whose
    // posting is short), each thread loading a contiguous part of them.
    // A candidate whose plain ids are kept (PlainIdCache, made before
    // this chunk's steps) is tested there too (the common-terms test, as
    // for the others below: the same test of the same ids, wherever it
    // runs); `unsure[i]`: item i has candidates not kept, not yet tested.
    loaded = std::vector<Loaded>(m);
    bags.assign(m, Bag());
    candidates.assign(m, {});
    std::vector<char> unsure(m, 0);
    parallel::ParallelFor(m, threads, [&](std::size_t from, std::size_t to) {
      g.LoadMany(bridge.data() + b0 + from, to - from, loaded.data() + from);
      thread_local CommonTerms common;  // (one per thread, its bits off between items)
      common.Fit(g.terms.size());
      for (std::size_t i = from; i < to; ++i) {
        bags[i] = g.BagOf(loaded[i]);
        auto& list = candidates[i];
        for (const BagTerm& t : bags[i].terms) {
          const std::uint32_t* held = inputs.held.Find(t.key);  // (every key of theirs is held)
          if (!held || postings[*held].long_list) continue;
          for (std::uint32_t c : postings[*held].ranks) list.push_back(c);
        }
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        std::size_t kept = 0;
        common.Mark(bags[i].plain, true);
        // (the test of the candidate tested before, taken again when its ids
        // are the same: copies of one text under neighbouring ids, as
        // x11's X#0..X#10, are neighbours in rank order)
        const std::uint32_t* before = nullptr;
        std::size_t before_size = 0;
        bool before_passes = false;
        for (std::size_t c : list) {
          std::uint32_t begin = 0, end = 0;
          if (!cache.Find(static_cast<std::uint32_t>(c), begin, end)) {
            unsure[i] = 1;
            list[kept++] = c;
            continue;
          }
          const std::uint32_t* ids = cache.Ids() + begin;
          const std::size_t size = end - begin;
          if (before == nullptr || size != before_size || !std::equal(ids, ids + size, before)) {
            before_passes =
                common.With(ids, size, config.bridge_min_shared) >= config.bridge_min_shared;
            before = ids;
            before_size = size;
          }
          if (before_passes) list[kept++] = c;
        }
        common.Mark(bags[i].plain, false);
        list.resize(kept);
      }
    });
    // Their candidates (`near`: the ranks, each once, ascending; `near_at`
    // marks a rank seen, then holds its index in `near`).
    std::vector<std::size_t> near;
    for (const std::vector<std::size_t>& list : candidates) {
      for (std::size_t c : list) {
        if (near_at[c] != kNotNear) continue;
        near_at[c] = 0;
        near.push_back(c);
      }
    }
    std::sort(near.begin(), near.end());
    for (std::size_t k = 0; k < near.size(); ++k) near_at[near[k]] = static_cast<std::uint32_t>(k);
    auto near_index = [&](std::size_t c) { return std::size_t{near_at[c]}; };
    // Those not kept: plain ids made from their terms alone (most fail the
    // test), kept for the chunks after when the budget holds them, and
    // tested by the items that have them.
    std::vector<std::size_t> fresh_ranks;
    std::vector<std::uint32_t> fresh_of(near.size(), kNotNear);  // by index in `near`
    if (std::find(unsure.begin(), unsure.end(), char{1}) != unsure.end()) {
      for (std::size_t i = 0; i < near.size(); ++i) {
        std::uint32_t begin = 0, end = 0;
        if (cache.Find(static_cast<std::uint32_t>(near[i]), begin, end)) continue;
        fresh_of[i] = static_cast<std::uint32_t>(fresh_ranks.size());
        fresh_ranks.push_back(near[i]);
      }
    }
    std::vector<std::vector<std::uint32_t>> fresh_plain(fresh_ranks.size());
    // (the features loaded, read and freed by each part's thread)
    parallel::ParallelFor(fresh_ranks.size(), threads, [&](std::size_t from, std::size_t to) {
      std::vector<Loaded> fresh_loaded(to - from);
      g.LoadMany(fresh_ranks.data() + from, to - from, fresh_loaded.data(), Ranked::kTerms);
      for (std::size_t k = from; k < to; ++k)
        PlainIds(fresh_loaded[k - from].f->terms, g.terms, g.not_id, fresh_plain[k]);
    });
    for (std::size_t k = 0; k < fresh_ranks.size(); ++k)
      cache.Add(static_cast<std::uint32_t>(fresh_ranks[k]), fresh_plain[k]);
    // From here each item's candidates are those passing (ranks, ascending).
    std::vector<char> passes(near.size(), fresh_ranks.empty() ? 1 : 0);
    if (!fresh_ranks.empty()) {
      parallel::ForEach(m, threads, [&](std::size_t i) {
        if (!unsure[i]) return;
        auto& list = candidates[i];
        std::size_t kept = 0;
        thread_local CommonTerms common;  // (one per thread, its bits off between items)
        common.Fit(g.terms.size());
        common.Mark(bags[i].plain, true);
        for (std::size_t c : list) {
          const std::uint32_t k = fresh_of[near_index(c)];
          if (k != kNotNear) {
            const std::vector<std::uint32_t>& plain = fresh_plain[k];
            if (common.With(plain.data(), plain.size(), config.bridge_min_shared) <
                config.bridge_min_shared)
              continue;
          }
          list[kept++] = c;
        }
        common.Mark(bags[i].plain, false);
        list.resize(kept);
      });
      for (const std::vector<std::size_t>& list : candidates) {
        for (std::size_t c : list) passes[near_index(c)] = 1;
      }
    }
    Release(fresh_of);
    Release(fresh_plain);
    // Those passing loaded whole (`whole`: their indices in `near`,
    // ascending; `whole_loaded` outlives their bags, whose keys it holds).
    std::vector<Bag> near_bags(near.size());
    std::vector<std::size_t> whole, whole_ranks;
    for (std::size_t i = 0; i < near.size(); ++i) {
      if (!passes[i]) continue;
      whole.push_back(i);
      whole_ranks.push_back(near[i]);
    }
    std::vector<Loaded> whole_loaded(whole.size());
    parallel::ParallelFor(whole.size(), threads, [&](std::size_t from, std::size_t to) {
      g.LoadMany(whole_ranks.data() + from, to - from, whole_loaded.data() + from);
      for (std::size_t k = from; k < to; ++k) near_bags[whole[k]] = g.BagOf(whole_loaded[k]);
    });
    own.assign(m, std::string());
    parallel::ForEach(m, threads, [&](std::size_t i) {
      const std::size_t r = bridge[b0 + i];
      const Bag& bag = bags[i];
      const PackedItem& x = g.Item(r);
      std::uint32_t entity = 0;
      bool one = true;
      std::vector<std::string> roles;
      for (std::size_t c : candidates[i]) {
        // Containment in the longer of the two: the same words, not a short
        // record inside a long one.
        const Bag& other = near_bags[near_index(c)];
        const Overlap o = Shared(bag, other, g.not_id);
        const double longer = std::max(bag.total, other.total);
        if (o.common < config.bridge_min_shared || longer <= 0 ||
            o.weight / longer < config.bridge_link) {
          continue;
        }
        const double sim = r < c ? g.Similarity(r, bag, c, other) : g.Similarity(c, other, r, bag);
        if (sim < config.bridge_link) continue;
        const PackedItem& y = g.Item(c);
        one = one && (entity == 0 || entity == y.speaker);
        entity = y.speaker;
        roles.emplace_back(g.items.String(y.role));
      }
      if (entity != 0 && one && RoleFits(lexicon, g.items.String(x.role), roles)) {
        out[r] = entity;
      } else if (x.role != 0) {
        std::string& key = own[i];  // \x01 doc \x01 then ' ' word for each word
        key.push_back('\x01');
        key.append(g.items.DocOf(x.doc).id);
        key.push_back('\x01');
        for (const std::string& w : LowerWords(g.items.String(x.mention))) {
          key.push_back(' ');
          key.append(w);
        }
      }
    });
    for (std::size_t c : near) near_at[c] = kNotNear;
    for (std::size_t i = 0; i < m; ++i) {
      if (own[i].empty()) continue;
      // one id per string: the items' own when they hold it
      const auto next = static_cast<std::uint32_t>(g.items.strings() + own_ids.size());
      const std::uint32_t id = g.items.Find(own[i], next);
      out[bridge[b0 + i]] =
          id != next ? id : own_ids.emplace(std::move(own[i]), next).first->second;
    }
  }
  return out;
}

// A block's postings of its short lists (PostingPairsByItem reads any
// order of them).
struct ShortPostings : std::vector<std::pair<std::uint32_t, std::vector<std::size_t>>> {
  using mapped_type = std::vector<std::size_t>;
};

// Items of a block alike for Ranked::Similarity: the same event, event
// day, publication day and directness, the same weighed bag (ids, names,
// weights, topic weights, totals) and, direct, the same wording — all
// Similarity reads of an item but its document, so two pairs of items of
// the same two classes, both of one document or both not, get the same
// similarity. A run that prints one wire story in many outlets has each of
// its records once per copy (x11: eleven): a block's pairs are then mostly
// the same few pairs of classes over and over.
// class_of[c]: the smallest c of its class; alone[c]: no other is alike.
struct AlikeItems {
  std::vector<std::uint32_t> class_of;
  std::vector<char> alone;
};
AlikeItems Alike(const Ranked& g, const std::vector<std::size_t>& ranks,
                 const std::vector<std::size_t>& items, const std::vector<Bag>& bags) {
  auto item = [&](std::size_t c) -> const PackedItem& { return g.Item(ranks[items[c]]); };
  auto bits = [](double d) { return std::bit_cast<std::uint64_t>(d); };
  auto mix = [](std::uint64_t h, std::uint64_t v) {
    return (h ^ v) * 0x9E3779B97F4A7C15ULL + (h >> 29);
  };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_hash(items.size());
  for (std::size_t c = 0; c < items.size(); ++c) {
    const PackedItem& x = item(c);
    const Bag& p = bags[c];
    std::uint64_t h = mix(mix(x.event, static_cast<std::uint32_t>(x.day)),
                          static_cast<std::uint32_t>(g.Published(x)) * 2 + x.direct);
    // (ids, names and the wording's letters: the weights — functions of
    // them and the document's counts — and the word ends are compared only
    // where the hashes agree)
    for (const BagTerm& t : p.terms) h = mix(h, t.id * 2 + t.proper);
    if (x.direct) h = mix(h, HashBytes(p.features->wording.letters()));
    by_hash[c] = {h, static_cast<std::uint32_t>(c)};
  }
  auto same = [&](std::size_t c, std::size_t d) {
    const PackedItem& x = item(c);
    const PackedItem& y = item(d);
    const Bag& p = bags[c];
    const Bag& q = bags[d];
    if (x.event != y.event || x.day != y.day || x.direct != y.direct ||
        g.Published(x) != g.Published(y) || bits(p.total) != bits(q.total) ||
        bits(p.topic_total) != bits(q.topic_total) || p.terms.size() != q.terms.size()) {
      return false;
    }
    for (std::size_t k = 0; k < p.terms.size(); ++k) {
      const BagTerm& s = p.terms[k];
      const BagTerm& t = q.terms[k];
      if (s.id != t.id || s.proper != t.proper || bits(s.weight) != bits(t.weight) ||
          bits(s.topic) != bits(t.topic)) {
        return false;
      }
    }
    return !x.direct || p.features->wording == q.features->wording;
  };
  std::sort(by_hash.begin(), by_hash.end());
  AlikeItems out;
  out.class_of.resize(items.size());
  out.alone.assign(items.size(), 1);
  std::vector<std::uint32_t> firsts;  // a run of one hash: its classes' smallest items
  for (std::size_t a = 0, b = 0; a < by_hash.size(); a = b) {
    while (b < by_hash.size() && by_hash[b].first == by_hash[a].first) ++b;
    firsts.clear();
    for (std::size_t k = a; k < b; ++k) {
      const std::uint32_t c = by_hash[k].second;
      std::uint32_t cls = c;
      for (std::uint32_t f : firsts) {
        if (!same(f, c)) continue;
        cls = f;
        out.alone[f] = out.alone[c] = 0;
        break;
      }
      if (cls == c) firsts.push_back(c);
      out.class_of[c] = cls;
    }
  }
  return out;
}

// Similarities already weighed, by (class of a, class of b, one document):
// open addressing on the 64-bit key, at most half full.
class SimilarityMemo {
 public:
  static std::uint64_t Key(std::uint32_t a, std::uint32_t b, bool one_doc) {
    return (std::uint64_t{a} << 33) | (std::uint64_t{b} << 1) | (one_doc ? 1 : 0);
  }
  const double* Find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = Start(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == kEmpty) return nullptr;
      if (slots_[i].key == key) return &slots_[i].sim;
    }
  }
  // (key not held)
  void Add(std::uint64_t key, double sim) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    Place(key, sim);
    ++used_;
  }

 private:
  struct Slot {
    std::uint64_t key;
    double sim;
  };
  static constexpr std::uint64_t kEmpty = UINT64_MAX;
  std::size_t Start(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
  }
  void Place(std::uint64_t key, double sim) {
    std::size_t i = Start(key);
    while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {key, sim};
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : 2 * old.size(), Slot{kEmpty, 0});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key != kEmpty) Place(s.key, s.sim);
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0, used_ = 0;
};

struct Edge {
  double sim;
  std::uint32_t a, b;  // indices into BlockLinks::items, a < b (16 bytes: sorted by the million)
};

// One speaker block linked (steps 3 and 4): `items` are the indices into
// the block's ranks of the items that share a short posting with another
// (ascending; only they can link), `groups` their groups by index into
// `items`. Every other item of the block is a statement of its own.
struct BlockLinks {
  std::vector<std::size_t> items;
  LinkedGroups groups;
};

// A block of `ranks` (ascending). Memory follows the candidates, not the
// block: each item's unique terms are counted (loaded one at a time), the
// postings kept only for terms of at most `max_posting` items (a longer
// list offers no pairs: PostingPairs), and bags made only for the items of
// the pairs. A block of at most StatementConfig::held_block items keeps its
// loaded features between the passes instead of reading them again (given
// loaded in `preloaded`, ranks[i]'s at preloaded[i], when a wave of blocks
// was read at once: the same features). The pairs, their
// order and so the links are those of postings over every term: indices
// into `items` keep the block's order.
BlockLinks LinkBlock(const Ranked& g, const std::vector<std::size_t>& ranks,
                     const Loaded* preloaded = nullptr) {
  const StatementConfig& config = g.config;
  const bool hold = ranks.size() <= config.held_block;
  std::vector<Loaded> own(hold && !preloaded ? ranks.size() : 0);
  if (hold && !preloaded) g.LoadMany(ranks.data(), ranks.size(), own.data());
  const Loaded* held = preloaded ? preloaded : own.data();
  // Each item's unique terms (TermInfo::id).
  auto unique_ids = [&](const Loaded& loaded, std::vector<std::uint32_t>& keys) {
    keys.clear();
    for (const PackedWords::Word w : loaded.f->terms) keys.push_back(g.terms.Find(w.key)->id);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  };
  // 3. Candidate pairs share a term that is rare within the speaker's items.
  ShortPostings postings;  // (term id, its items ascending): short lists only
  std::vector<std::uint32_t> keys;
  // A held block: each item's UseIds, one after another (item i's from
  // held_at[i] to held_at[i + 1]), its keys looked up once for its
  // postings and its bag.
  std::vector<std::uint64_t> held_uses;
  std::vector<std::size_t> held_at;
  if (hold) {
    held_at.reserve(ranks.size() + 1);
    held_at.push_back(0);
    // (UseIds is a function of the terms: an item whose terms are an
    // earlier one's — a copy of one text, x11: eleven in a block — copies
    // its ids, no key looked up or sorted again. `first_of`: each distinct
    // list's first item, by the hash of its letters, open addressing, at
    // most half full: 4 bytes a slot, for this loop only.)
    const std::size_t slots = std::bit_ceil(2 * ranks.size());
    std::vector<std::uint32_t> first_of(slots, UINT32_MAX);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
      const PackedWords& terms = held[i].f->terms;
      const std::uint64_t h = HashBytes(terms.letters()) * 0x9E3779B97F4A7C15ULL + terms.size();
      std::size_t at = static_cast<std::size_t>(h >> 32) & (slots - 1);
      while (first_of[at] != UINT32_MAX && held[first_of[at]].f->terms != terms)
        at = (at + 1) & (slots - 1);
      if (first_of[at] != UINT32_MAX) {
        const std::size_t from = held_at[first_of[at]], count = held_at[first_of[at] + 1] - from;
        held_uses.resize(held_uses.size() + count);
        std::copy_n(held_uses.begin() + static_cast<std::ptrdiff_t>(from), count,
                    held_uses.end() - static_cast<std::ptrdiff_t>(count));
      } else {
        first_of[at] = static_cast<std::uint32_t>(i);
        g.UseIds(terms, held_uses);
      }
      held_at.push_back(held_uses.size());
    }
    Release(first_of);
    // Every (term, item) of the block, sorted: a term's items are one run,
    // ascending — its count and its posting (no table per block).
    std::vector<std::uint64_t> uses;
    uses.reserve(held_uses.size());  // (at most one an item's use: no moves as it grows)
    for (std::size_t i = 0; i < ranks.size(); ++i) {
      for (std::size_t k = held_at[i]; k < held_at[i + 1]; ++k) {
        const std::uint64_t id = held_uses[k] >> 1;
        if (k > held_at[i] && held_uses[k - 1] >> 1 == id) continue;
        uses.push_back(id << 32 | i);
      }
    }
    std::sort(uses.begin(), uses.end());
    for (std::size_t a = 0, b = 0; a < uses.size(); a = b) {
      while (b < uses.size() && uses[b] >> 32 == uses[a] >> 32) ++b;
      if (b - a < 2 || b - a > config.max_posting) continue;
      auto& list = postings.emplace_back(uses[a] >> 32, std::vector<std::size_t>()).second;
      list.reserve(b - a);  // (its length known: not grown by doubling)
      for (std::size_t k = a; k < b; ++k) list.push_back(uses[k] & 0xFFFFFFFFu);
    }
  } else {
    // Items loaded a batch at a time, twice: the counts, then the short
    // lists (memory: the block's distinct terms, not its every use).
    auto for_keys = [&](auto&& use) {
      g.ForEachLoaded(
          ranks.size(), [&](std::size_t i) { return ranks[i]; },
          [&](std::size_t i, const Loaded& loaded) {
            unique_ids(loaded, keys);
            for (std::uint32_t k : keys) use(i, k);
          },
          Ranked::kTerms);
    };
    std::unordered_map<std::uint32_t, int> count;
    for_keys([&](std::size_t, std::uint32_t k) { ++count[k]; });
    std::unordered_map<std::uint32_t, std::vector<std::size_t>> lists;
    for_keys([&](std::size_t i, std::uint32_t k) {
      const auto n = static_cast<std::size_t>(count.find(k)->second);
      if (n >= 2 && n <= config.max_posting) lists[k].push_back(i);
    });
    Release(count);
    for (auto& [k, list] : lists) postings.emplace_back(k, std::move(list));
  }
  bool twins = false;  // (items alike are in the same lists: none without twins)
  std::vector<ItemPair> pairs =
      PostingPairsByItem(postings, ranks.size(), config.max_posting, &twins);
  Release(postings);
  BlockLinks out;
  // The items of the pairs, ascending, and each one's index among them (a
  // block's pairs are many more than its items: marked, not sorted).
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint32_t> index_of(ranks.size(), kNone);
  for (const auto& [a, b] : pairs) index_of[a] = index_of[b] = 0;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (index_of[i] == kNone) continue;
    index_of[i] = static_cast<std::uint32_t>(out.items.size());
    out.items.push_back(i);
  }
  auto index = [&](std::size_t i) { return std::size_t{index_of[i]}; };
  std::vector<Loaded> loaded(hold ? 0 : out.items.size());
  if (!hold) {
    std::vector<std::size_t> linked_ranks;
    for (std::size_t i : out.items) linked_ranks.push_back(ranks[i]);
    g.LoadMany(linked_ranks.data(), linked_ranks.size(), loaded.data());
  }
  std::vector<Bag> bags(out.items.size());
  for (std::size_t c = 0; c < out.items.size(); ++c) {
    const std::size_t i = out.items[c];
    bags[c] = hold ? g.BagOf(held[i], held_uses.data() + held_at[i], held_at[i + 1] - held_at[i])
                   : g.BagOf(loaded[c]);
  }
  // (a pair of two classes met before, of one document or not as it is:
  // looked up, not weighed again — Alike)
  AlikeItems alike = twins && out.items.size() < (std::size_t{1} << 31)
                         ? Alike(g, ranks, out.items, bags)
                         : AlikeItems{};
  SimilarityMemo memo;
  // Each linked item's document rank (Ranked::SameDoc's) and memo class,
  // read once, side by side: a block's pairs are many more than its items
  // (x11: ~20 a linked item), and each pair asks both. `cls`: its class
  // (Alike::class_of; its own index when alone or without Alike), the top
  // bit set when alone (no memo: weighed every time); indices < 2^31.
  struct PairSide {
    std::uint32_t doc;
    std::uint32_t cls;
  };
  constexpr std::uint32_t kAloneBit = std::uint32_t{1} << 31;
  std::vector<PairSide> side(out.items.size());
  for (std::size_t c = 0; c < out.items.size(); ++c) {
    const bool alone = alike.alone.empty() || alike.alone[c];
    side[c] = {g.doc_rank[g.Item(ranks[out.items[c]]).doc],
               alike.alone.empty() ? kAloneBit | static_cast<std::uint32_t>(c)
                                   : (alone ? kAloneBit : 0) | alike.class_of[c]};
  }
  Release(alike.class_of);  // (`side` holds what the pairs read of them)
  Release(alike.alone);
  auto one_doc_of = [&](std::size_t x, std::size_t y) { return side[x].doc == side[y].doc; };
  auto weigh = [&](std::size_t x, std::size_t y) {
    return g.Similarity(ranks[out.items[x]], bags[x], ranks[out.items[y]], bags[y]);
  };
  // (x, y not both alone) the similarity of their classes, one document or
  // not: weighed at the first ask, then remembered (`key`: memo_key's)
  auto memo_key = [&](std::size_t x, std::size_t y, bool one_doc) {
    return SimilarityMemo::Key(side[x].cls & ~kAloneBit, side[y].cls & ~kAloneBit, one_doc);
  };
  auto weigh_once = [&](std::uint64_t key, std::size_t x, std::size_t y) {
    const double sim = weigh(x, y);
    memo.Add(key, sim);
    return sim;
  };
  auto both_alone = [&](std::size_t x, std::size_t y) {
    return (side[x].cls & side[y].cls & kAloneBit) != 0;
  };
  // (one_doc: one_doc_of(x, y))
  auto similarity = [&](std::size_t x, std::size_t y, bool one_doc) {
    if (both_alone(x, y)) return weigh(x, y);
    const std::uint64_t key = memo_key(x, y, one_doc);
    const double* sim = memo.Find(key);
    return sim ? *sim : weigh_once(key, x, y);
  };
  // Whether each pair's similarity reaches config.keep, kept for step 4
  // (which asks again of the pairs across two groups): by pair, as `pairs`
  // ((a << 32) | b, ascending), a bit each — 8 bytes and a bit a pair, not
  // a similarity (a block's pairs may be tens of millions); only pairs of
  // two items alone (Alike: the memo holds the others').
  std::vector<std::uint64_t> weighed;
  std::vector<bool> kept;
  weighed.reserve(pairs.size());
  kept.reserve(pairs.size());
  std::vector<Edge> edges;
  std::uint64_t last_key = UINT64_MAX;  // (no key: classes are below 2^31)
  double last_sim = 0;
  for (const auto& [i, j] : pairs) {
    const std::size_t a = index(i), b = index(j);
    const bool one_doc = one_doc_of(a, b);
    // (similarity(a, b, one_doc), written out: most pairs of a block of
    // copies are a memo hit, a probe here, not a call)
    double s;
    if (both_alone(a, b)) {  // (else the memo has it)
      s = weigh(a, b);
      weighed.push_back((std::uint64_t{a} << 32) | b);
      kept.push_back(s >= config.keep);
    } else {
      // (often the pair before's classes again, taken without a probe:
      // copies of one text under neighbouring ids, as x11's X#0..X#10,
      // are neighbours in the block's rank order)
      const std::uint64_t key = memo_key(a, b, one_doc);
      if (key != last_key) {
        const double* sim = memo.Find(key);
        last_sim = sim ? *sim : weigh_once(key, a, b);
        last_key = key;
      }
      s = last_sim;
    }
    if (s >= (one_doc ? config.link : config.other_doc_link))
      edges.push_back({s, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
  }
  Release(pairs);
  // Strongest first, ties by (a, b): the pairs came by (a, b), so a stable
  // sort by strength alone.
  std::stable_sort(edges.begin(), edges.end(),
                   [](const Edge& p, const Edge& q) { return q.sim < p.sim; });
  // 4. Strongest links first; groups join only when no pair across them
  //    is unrelated (at most kCheck members of each side are compared).
  constexpr std::size_t kCheck = 64;
  std::vector<ItemPair> links;
  links.reserve(edges.size());
  for (const Edge& e : edges) links.emplace_back(e.a, e.b);
  Release(edges);
  // (a pair weighed above is looked up, not weighed again: by its classes
  // when one is not alone — the memo holds every such pair weighed — else
  // in `weighed`)
  auto keep = [&](std::size_t x, std::size_t y) {
    if (!both_alone(x, y)) return similarity(x, y, one_doc_of(x, y)) >= config.keep;
    const std::uint64_t key = (std::uint64_t{x} << 32) | y;
    const auto at = std::lower_bound(weighed.begin(), weighed.end(), key);
    if (at != weighed.end() && *at == key)
      return static_cast<bool>(kept[static_cast<std::size_t>(at - weighed.begin())]);
    return similarity(x, y, false) >= config.keep;  // (both alone: one_doc not read)
  };
  out.groups = CompleteLink(out.items.size(), links, keep, kCheck);
  return out;
}

}  // namespace

namespace {

// A direct quote's wording: its spelling keys, each flagged when a content term.
void AddWording(const TermLexicon& lexicon, const std::vector<SpelledWord>& words,
                ItemFeatures& f) {
  for (const SpelledWord& s : words) {
    const std::string term = lexicon.TermKey(s.key);
    f.wording.Add(s.key, !term.empty() && term != TermLexicon::kNegation);
  }
}

}  // namespace

ItemFeatures ItemFeatures::Of(const TermLexicon& lexicon, std::string_view text, bool direct) {
  ItemFeatures f;
  lexicon.ForEachTerm(text, [&](std::string_view key, bool proper) { f.terms.Add(key, proper); });
  if (direct) AddWording(lexicon, lexicon.Words(text), f);
  return f;
}

ItemFeatures ItemFeatures::Of(ScannedText& text, Span span, bool direct,
                              std::vector<std::uint32_t>* ids) {
  ItemFeatures f;
  span.end = std::min(span.end, text.size());  // (WordsOf's)
  span.begin = std::min(span.begin, span.end);
  const std::vector<ScannedText::Word>& words = text.WordsOf(span);
  const auto [bytes, count] = text.TermsSize(words);
  f.terms.Reserve(bytes, count);  // (no regrowth as the terms come)
  text.ForEachTerm(words, [&](std::uint32_t id, std::string_view key, bool proper) {
    f.terms.Add(key, proper);
    if (ids) ids->push_back(id);
  });
  if (direct) text.AddWording(words, f.wording);
  return f;
}

long DayNumber(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return -1;
  for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[k] < '0' || iso[k] > '9') return -1;
  }
  auto number = [&](std::size_t at, std::size_t digits) {
    long v = 0;
    for (std::size_t k = at; k < at + digits; ++k) v = v * 10 + (iso[k] - '0');
    return v;
  };
  long y = number(0, 4);
  long m = number(5, 2);
  long d = number(8, 2);
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::uint32_t PackedItems::Intern(std::string_view s) {
  if (s.empty()) return 0;
  auto it = ids_.find(s);
  if (it == ids_.end()) {
    it = ids_.emplace(std::string(s), static_cast<std::uint32_t>(strings_.size())).first;
    strings_.push_back(it->first);
  }
  return it->second;
}

std::uint32_t PackedItems::Find(std::string_view s, std::uint32_t none) const {
  if (s.empty()) return 0;
  const auto it = ids_.find(s);
  return it == ids_.end() ? none : it->second;
}

void PackedItems::SetDoc(std::size_t d, std::string_view id, std::string_view date) {
  if (docs.empty()) first_doc_ = d;
  if (d < first_doc_) {
    docs.insert(docs.begin(), first_doc_ - d, Doc{});
    first_doc_ = d;
  }
  if (docs.size() <= d - first_doc_) docs.resize(d - first_doc_ + 1);
  docs[d - first_doc_] = {id, static_cast<std::int32_t>(DayNumber(date))};
}

void PackedItems::Append(PackedItems&& from) {
  // a document's entry is set where one of its items is
  for (const PackedItem& item : from.items) {
    if (item.doc < first_doc_) {
      docs.insert(docs.begin(), first_doc_ - item.doc, Doc{});
      first_doc_ = item.doc;
    }
    const std::size_t at = item.doc - first_doc_;
    if (docs.size() <= at) docs.resize(at + 1);
    docs[at] = from.DocOf(item.doc);
  }
  items.reserve(items.size() + from.items.size());
  // Each of `from`'s strings interned here once, at its first use in item
  // and field order (a later use's Intern would find it and change
  // nothing): the ids Intern per use gives, in the same order, without a
  // hash and probe per use (a document's items share their speakers,
  // roles and events). kUnset: not interned yet.
  constexpr std::uint32_t kUnset = UINT32_MAX;
  std::vector<std::uint32_t> here(from.strings_.size(), kUnset);
  here[0] = 0;  // "" (Intern's 0)
  for (PackedItem item : from.items) {
    for (std::uint32_t* id : {&item.speaker, &item.event, &item.mention, &item.role}) {
      std::uint32_t& to = here[*id];
      if (to == kUnset) to = Intern(from.String(*id));
      *id = to;
    }
    items.push_back(item);
  }
  if (!from.texts.empty() || !texts.empty()) {
    texts.resize(items.size() - from.items.size());
    from.texts.resize(from.items.size());
    texts.insert(texts.end(), from.texts.begin(), from.texts.end());
  }
  from = {};
}

namespace {

// The features of StatementItems: their own when given (with uses, or
// else read here), else from `source`, else made from their text.
class ItemSource : public FeatureSource {
 public:
  ItemSource(const TermLexicon& lexicon, const std::vector<StatementItem>& items,
             const FeatureSource* source)
      : lexicon_(lexicon), items_(items), source_(source) {}
  bool Held(std::size_t i, const ItemFeatures*& features, const TermUses*& uses) const override {
    const StatementItem& item = items_[i];
    if (!item.features || !item.uses) return false;
    features = item.features;
    uses = item.uses;
    return true;
  }
  void Read(std::size_t i, ItemFeatures& features, TermUses& uses) const override {
    const StatementItem& item = items_[i];
    if (!item.features && source_) return source_->Read(i, features, uses);
    features = item.features ? *item.features : ItemFeatures::Of(lexicon_, item.text, item.direct);
    uses = item.uses ? *item.uses : TermUses(item.doc_uses);
  }

 private:
  const TermLexicon& lexicon_;
  const std::vector<StatementItem>& items_;
  const FeatureSource* source_;
};

}  // namespace

StatementGroups StatementGrouper::Run(const std::vector<StatementItem>& items, unsigned threads,
                                      const FeatureSource* source) const {
  // Packed: a document per (id, date) (two with one id are one document all
  // the same: PackedItems compares their ids).
  PackedItems packed;
  std::map<std::pair<std::string_view, std::string_view>, std::uint32_t> docs;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const StatementItem& item = items[i];
    const auto [it, added] =
        docs.emplace(std::pair(item.doc, item.doc_date), static_cast<std::uint32_t>(docs.size()));
    if (added) packed.SetDoc(it->second, item.doc, item.doc_date);
    PackedItem p;
    p.doc = it->second;
    p.record = static_cast<std::uint32_t>(i);
    p.speaker = packed.Intern(item.speaker);
    p.event = packed.Intern(item.event);
    p.mention = packed.Intern(item.mention);
    p.role = packed.Intern(item.role);
    p.start = static_cast<std::uint32_t>(item.start);
    p.end = static_cast<std::uint32_t>(item.end);
    p.day = static_cast<std::int32_t>(DayNumber(item.event_date));
    p.direct = item.direct;
    packed.items.push_back(p);
    packed.texts.push_back(item.text);
  }
  return Run(packed, ItemSource(lexicon_, items, source), threads);
}

StatementGroups StatementGrouper::Run(const PackedItems& items, const FeatureSource& source,
                                      unsigned threads) const {
  const std::size_t n = items.items.size();
  // 1. A canonical order, by content: everything below follows it, never the
  //    input order (nor the threads: each step writes only its own slots).
  //    A document's id compares as its rank among the run's ids, a speaker's
  //    as its rank among the strings: the same order as their text, one
  //    integer compare instead of a string's.
  if (n > UINT32_MAX) throw std::length_error("StatementGrouper: over 4G items");
  Ranked g{config_, lexicon_, items, source, std::vector<std::uint32_t>(n), {}, {}, {}};
  auto ranks = [](std::size_t size, auto&& text) {
    std::vector<std::uint32_t> by(size);
    std::iota(by.begin(), by.end(), 0);
    std::sort(by.begin(), by.end(),
              [&](std::uint32_t x, std::uint32_t y) { return text(x) < text(y); });
    std::vector<std::uint32_t> rank(size);
    for (std::size_t k = 0; k < size; ++k) {
      const bool same = k > 0 && text(by[k]) == text(by[k - 1]);
      rank[by[k]] = same ? rank[by[k - 1]] : static_cast<std::uint32_t>(k);
    }
    return rank;
  };
  g.doc_rank = ranks(items.first_doc() + items.docs.size(), [&](std::uint32_t d) {
    return d < items.first_doc() ? std::string_view() : items.DocOf(d).id;
  });
  {
    const std::vector<std::uint32_t> speaker_rank =
        ranks(items.strings(), [&](std::uint32_t s) { return items.String(s); });
    auto text = [&](std::size_t i) {
      return items.texts.empty() ? std::string_view() : items.texts[i];
    };
    std::iota(g.order.begin(), g.order.end(), 0);
    // (the tuple (doc rank, start, speaker rank, end, text) compared field
    // by field, each read only when those before it are equal)
    std::sort(g.order.begin(), g.order.end(), [&](std::size_t x, std::size_t y) {
      const PackedItem& a = items.items[x];
      const PackedItem& b = items.items[y];
      if (g.doc_rank[a.doc] != g.doc_rank[b.doc]) return g.doc_rank[a.doc] < g.doc_rank[b.doc];
      if (a.start != b.start) return a.start < b.start;
      if (speaker_rank[a.speaker] != speaker_rank[b.speaker])
        return speaker_rank[a.speaker] < speaker_rank[b.speaker];
      if (a.end != b.end) return a.end < b.end;
      return text(x) < text(y);
    });
  }
  //    The terms' document frequencies (counted per chunk, then added; an
  //    item's features loaded and dropped).
  //    The same pass makes the bridge's postings of named items (one
  //    loading of every item for both).
  const std::size_t chunks = std::max<std::size_t>(1, std::min<std::size_t>(threads, n));
  const std::size_t chunk = (n + chunks - 1) / chunks;
  BridgeInputs bridge(g, threads);
  bridge.parts.resize(chunks);
  std::vector<TermTable> counts(chunks);
  //    (While counting, a term's TermInfo::id is 1 + the last item of the
  //    chunk that counted it: an item's repeated key counts once, no sort;
  //    the ids are set below.)
  parallel::RunWorkers(chunks, [&](std::size_t c) {
    TermTable& df = counts[c];
    const std::size_t from = std::min(n, c * chunk);
    const std::size_t to = std::min(n, (c + 1) * chunk);
    g.ForEachLoaded(
        to - from, [&](std::size_t k) { return from + k; },
        [&](std::size_t k, const Loaded& loaded) {
          const bool noted = bridge.Noted(g, c, from + k);
          const auto stamp = static_cast<std::uint32_t>(k + 1);
          for (const PackedWords::Word t : loaded.f->terms) {
            const std::uint64_t hash = HashBytes(t.key);  // (one hash for both tables)
            if (noted) bridge.NoteTerm(g, c, from + k, t.key, hash);
            if (TermInfo* info = df.Find(t.key, hash)) {
              if (info->id != stamp) ++info->df;
              info->id = stamp;
            } else {
              df.Insert(t.key, hash, TermInfo{1, stamp, 0});
            }
          }
        },
        Ranked::kTerms);
  });
  g.terms = std::move(counts[0]);
  for (std::size_t c = 1; c < chunks; ++c) {
    for (const auto& [key, info] : counts[c]) {
      if (TermInfo* held = g.terms.Find(key))
        held->df += info.df;
      else
        g.terms.Insert(key, TermInfo{info.df, 0, 0});
    }
  }
  Release(counts);
  {
    // (4 bytes a term: a run may have millions; kept as Ranked::entry_of)
    const auto& entries = g.terms.entries();
    std::vector<std::uint32_t> sorted(entries.size());
    std::iota(sorted.begin(), sorted.end(), 0u);
    std::sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) {
      return entries[a].first < entries[b].first;
    });
    // each term's idf over the run, as every bag of it weighs it
    const double n_items = static_cast<double>(n);
    for (std::size_t k = 0; k < sorted.size(); ++k) {
      TermInfo& info = *g.terms.Find(entries[sorted[k]].first);
      info.id = static_cast<std::uint32_t>(k);
      info.idf = std::log((n_items + 1.0) / (info.df + 0.5));
    }
    if (const TermInfo* info = g.terms.Find(TermLexicon::kNegation)) g.not_id = info->id;
    g.entry_of = std::move(sorted);
  }
  // 2. Blocks: one per speaker entity, items in rank order; a record
  //    without entity first takes one by its words (bridge) or its mention.
  std::map<std::uint32_t, std::vector<std::size_t>> blocks;
  {
    const std::vector<std::uint32_t> speakers = Speakers(g, lexicon_, threads, bridge);
    for (std::size_t r = 0; r < n; ++r) {
      if (speakers[r] != 0) blocks[speakers[r]].push_back(r);
    }
  }
  // 3 and 4, one block at a time on `threads` threads, largest first, with
  // the bags of just that block: links never cross a block, and a block's
  // ranks keep the run's order, so its links taken in the run's order give
  // each block what one run-wide pass gives. A block writes only the groups
  // of its own ranks.
  std::vector<const std::vector<std::size_t>*> todo;
  for (const auto& [key, ranks] : blocks) {
    if (ranks.size() >= 2) todo.push_back(&ranks);
  }
  std::stable_sort(todo.begin(), todo.end(),
                   [](const auto* a, const auto* b) { return a->size() > b->size(); });
  // A block writes only its own ranks' marks and its own list of groups
  // (those of two items or more: an item alone is the default).
  std::vector<char> follower(n, 0);  // rank → in a group under a smaller rank
  std::vector<std::vector<std::vector<std::size_t>>> linked_of(todo.size());
  auto link = [&](std::size_t t, const Loaded* preloaded) {
    const std::vector<std::size_t>& ranks = *todo[t];
    const BlockLinks linked = LinkBlock(g, ranks, preloaded);
    for (std::size_t c = 0; c < linked.items.size(); ++c) {
      if (linked.groups.group[c] != c) {
        follower[ranks[linked.items[c]]] = 1;
        continue;
      }
      if (linked.groups.members[c].size() < 2) continue;
      std::vector<std::size_t>& list = linked_of[t].emplace_back();
      for (std::size_t m : linked.groups.members[c]) list.push_back(ranks[linked.items[m]]);
    }
  };
  // The blocks too large to hold (first: largest first) load their own. The
  // rest go in waves of consecutive blocks of at most held_block items in
  // all (what one held block may hold), each wave's features read at once
  // (LoadMany: in the file's order, neighbours in one read — a small
  // block's items are spread over the run, but a wave's are dense) and
  // given to its blocks, linked one after another: each block's Loaded are
  // what it would load itself. Each large block and each wave is a task of
  // its own, taken by the next free thread (ForEach, largest first): a
  // large block, serial, runs beside the waves instead of before them with
  // the other threads idle (x11: one block of 11.6k items). A block writes
  // only its own slots, so neither the waves nor which thread takes which
  // task change a result. (Memory: a wave's features per thread, a wave at
  // most held_block / threads items.)
  std::size_t t0 = 0;
  while (t0 < todo.size() && todo[t0]->size() > config_.held_block) ++t0;
  // (a wave of at most held_block / threads items: the waves the threads
  // hold at once are about what one held block may hold)
  const std::size_t wave_items =
      std::max<std::size_t>(1, config_.held_block / std::max<std::size_t>(1, threads));
  std::vector<std::size_t> wave_first;  // wave w: blocks [wave_first[w], wave_first[w + 1])
  for (std::size_t a = t0, b = t0; a < todo.size(); a = b) {
    wave_first.push_back(a);
    for (std::size_t items = 0; b < todo.size(); ++b) {
      if (b > a && items + todo[b]->size() > wave_items) break;
      items += todo[b]->size();
    }
  }
  wave_first.push_back(todo.size());
  auto wave = [&](std::size_t w) {
    std::vector<std::size_t> ranks, at;
    for (std::size_t t = wave_first[w]; t < wave_first[w + 1]; ++t) {
      at.push_back(ranks.size());
      ranks.insert(ranks.end(), todo[t]->begin(), todo[t]->end());
    }
    std::vector<Loaded> loaded(ranks.size());
    g.LoadMany(ranks.data(), ranks.size(), loaded.data());
    for (std::size_t t = wave_first[w]; t < wave_first[w + 1]; ++t)
      link(t, loaded.data() + at[t - wave_first[w]]);
  };
  parallel::ForEach(t0 + wave_first.size() - 1, threads, [&](std::size_t k) {
    if (k < t0)
      link(k, nullptr);
    else
      wave(k - t0);
  });
  Release(todo);
  Release(blocks);  // (the groups' numbering below needs only the ranks linked)
  std::vector<std::vector<std::size_t>> linked;  // groups of two or more, by smallest rank
  for (auto& lists : linked_of) {
    for (auto& list : lists) linked.push_back(std::move(list));
  }
  Release(linked_of);
  std::sort(linked.begin(), linked.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  // 5. Statements numbered by their first member's rank; members are in
  //    rank order, so a statement's documents are its runs of one doc.
  StatementGroups out;
  const auto statements =
      static_cast<std::size_t>(std::count(follower.begin(), follower.end(), char{0}));
  out.of.assign(n, 0);
  out.members.reserve(n);
  out.first.reserve(statements + 1);
  out.appearances.reserve(statements);
  std::size_t next = 0;  // in `linked`
  for (std::size_t r = 0; r < n; ++r) {
    if (follower[r]) continue;
    const bool group = next < linked.size() && linked[next].front() == r;
    const std::size_t alone[] = {r};
    const std::size_t* begin = group ? linked[next].data() : alone;
    const std::size_t* end = begin + (group ? linked[next].size() : 1);
    const std::size_t statement = out.appearances.size();
    out.first.push_back(out.members.size());
    int appearances = 0;
    const PackedItem* doc = nullptr;
    for (const std::size_t* m = begin; m != end; ++m) {
      out.members.push_back(g.order[*m]);
      const PackedItem& d = g.Item(*m);
      if (!doc || !g.SameDoc(*doc, d)) ++appearances;
      doc = &d;
      out.of[g.order[*m]] = statement;
    }
    out.appearances.push_back(appearances);
    if (group) Release(linked[next++]);
  }
  out.first.push_back(out.members.size());
  return out;
}

std::string StatementGroups::Id(std::size_t statement) {
  std::string id = std::to_string(statement + 1);
  id.insert(id.begin(), 'S');
  return id;
}

}  // namespace whosaid::claims
