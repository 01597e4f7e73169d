#include "claims/statements.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "claims/linking.h"
#include "core/parallel.h"

namespace whosaid::claims {
namespace {

// One item's terms: sorted unique keys (views of its features', which
// outlive the grouping) with their weights.
struct Bag {
  std::vector<std::string_view> keys;
  std::vector<bool> proper;  // a name wherever the item uses it
  std::vector<double> weight;
  double total = 0;
  std::vector<double> topic;  // weight within its document (StatementConfig::topic_uses)
  double topic_total = 0;
};

// The bag's keys and names, no weights yet: sorted unique keys, a key a
// name only where every use of it is one.
Bag MakeBag(const std::vector<Term>& terms) {
  std::vector<std::pair<std::string_view, bool>> seen;
  seen.reserve(terms.size());
  for (const Term& t : terms) seen.emplace_back(t.key, t.proper);
  std::sort(seen.begin(), seen.end());  // a key's first use: its least proper
  Bag bag;
  for (const auto& [key, proper] : seen) {
    if (!bag.keys.empty() && bag.keys.back() == key) continue;
    bag.keys.push_back(key);
    bag.proper.push_back(proper);
  }
  return bag;
}

// Only the smaller of a and b's weights of a shared term counts.
struct Overlap {
  std::size_t shared = 0;
  std::size_t common = 0;  // shared terms that are neither names nor `not`
  double weight = 0;
};
Overlap Shared(const Bag& a, const Bag& b, bool one_doc = false) {
  Overlap o;
  const std::vector<double>& wa = one_doc ? a.topic : a.weight;
  const std::vector<double>& wb = one_doc ? b.topic : b.weight;
  std::size_t i = 0, j = 0;
  while (i < a.keys.size() && j < b.keys.size()) {
    int c = a.keys[i].compare(b.keys[j]);
    if (c < 0) {
      ++i;
    } else if (c > 0) {
      ++j;
    } else {
      ++o.shared;
      if (!a.proper[i] && !b.proper[j] && a.keys[i] != "not") ++o.common;
      o.weight += std::min(wa[i], wb[j]);
      ++i;
      ++j;
    }
  }
  return o;
}

// Whether two direct quotes (their features: spelling keys in order, and
// whether each is a content term) share a run of words in order whose
// length plus content terms make `score`, one content term at least.
bool SharedRun(const ItemFeatures& a, const ItemFeatures& b, std::size_t score) {
  // len[j]: the common run ending at a[i - 1], b[j - 1]; same for content
  // words.
  const std::vector<std::string>& ak = a.wording;
  const std::vector<std::string>& bk = b.wording;
  std::vector<std::size_t> len(bk.size() + 1, 0), con(bk.size() + 1, 0);
  for (std::size_t i = 0; i < ak.size(); ++i) {
    for (std::size_t j = bk.size(); j-- > 0;) {
      if (ak[i] == bk[j]) {
        len[j + 1] = len[j] + 1;
        con[j + 1] = con[j] + (a.content[i] ? 1 : 0);
        if (con[j + 1] > 0 && len[j + 1] + con[j + 1] >= score) return true;
      } else {
        len[j + 1] = con[j + 1] = 0;
      }
    }
  }
  return false;
}

// The lower-case words of a role or mention.
std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> out;
  for (const RawWord& w : ScanWords(text, /*split_hyphens=*/true)) out.push_back(w.lower);
  return out;
}

// Whether a description's role fits the roles of a named speaker's records:
// no role, a relation word, or a word in common.
bool RoleFits(const TermLexicon& lexicon, const std::string& role,
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
struct Ranked {
  const StatementConfig& config;
  const std::vector<StatementItem>& items;
  std::vector<std::size_t> order;                // rank → item
  std::vector<const ItemFeatures*> features;     // by rank
  std::vector<long> day, published;              // by rank: the event's date, the document's
  std::unordered_map<std::string_view, int> df;  // items whose terms hold the key

  const StatementItem& Item(std::size_t r) const { return items[order[r]]; }

  // The item's terms weighed: idf over the run (a name `proper_weight` of
  // it), and within its document (StatementConfig::topic_uses).
  Bag BagOf(std::size_t r) const {
    Bag bag = MakeBag(features[r]->terms);
    const StatementItem& item = Item(r);
    const auto& uses = item.uses ? *item.uses : item.doc_uses;
    const double n = static_cast<double>(items.size());
    for (std::size_t k = 0; k < bag.keys.size(); ++k) {
      const int count = df.find(bag.keys[k])->second;
      double idf = std::log((n + 1.0) / (count + 0.5));
      bag.weight.push_back(idf * (bag.proper[k] ? config.proper_weight : 1.0));
      bag.total += bag.weight.back();
      auto it = std::lower_bound(
          uses.begin(), uses.end(), bag.keys[k],
          [](const std::pair<std::string, int>& u, std::string_view key) { return u.first < key; });
      const int used = it != uses.end() && it->first == bag.keys[k] ? it->second : 1;
      const double factor = config.topic_uses > 0 && used > config.topic_uses
                                ? static_cast<double>(config.topic_uses) / used
                                : 1.0;
      bag.topic.push_back(bag.weight.back() * factor);
      bag.topic_total += bag.topic.back();
    }
    return bag;
  }

  // How much of the smaller of items a and b (ranks, a < b; p and q their
  // bags) the other contains; 0 when they cannot be one statement.
  double Similarity(std::size_t a, const Bag& p, std::size_t b, const Bag& q) const {
    const StatementItem& x = Item(a);
    const StatementItem& y = Item(b);
    if (!x.event.empty() && !y.event.empty() && x.event != y.event && day[a] >= 0 && day[b] >= 0 &&
        std::labs(day[a] - day[b]) > config.max_days_apart) {
      return 0.0;  // another occasion
    }
    if (p.keys.empty() || q.keys.empty()) return 0.0;
    const bool one_doc = x.doc == y.doc;
    Overlap o = Shared(p, q, one_doc);
    // A short report (`to exact revenge`) in another outlet's story of the
    // same event may share one word with the statement it paraphrases.
    const bool brief = std::min(p.keys.size(), q.keys.size()) <= config.short_terms && !one_doc &&
                       !x.event.empty() && x.event == y.event;
    if (o.shared < (brief ? std::size_t{1} : config.min_shared)) return 0.0;
    if (config.need_common && o.common == 0) return 0.0;
    const double smaller =
        one_doc ? std::min(p.topic_total, q.topic_total) : std::min(p.total, q.total);
    const double sim = smaller > 0 ? o.weight / smaller : 0.0;
    if (o.shared < config.min_shared && sim < config.short_link) return 0.0;
    if (x.direct && y.direct) {
      const bool run = SharedRun(*features[a], *features[b], config.direct_run);
      if (x.doc == y.doc && (sim < config.same_doc_direct || !run)) return 0.0;
      if (x.doc != y.doc && sim < config.direct_link && !run) return 0.0;
    }
    if (published[a] >= 0 && published[b] >= 0 &&
        std::labs(published[a] - published[b]) > config.max_days_apart &&
        (sim < config.far_link || o.shared < config.far_min_shared)) {
      return 0.0;
    }
    return sim;
  }
};

// The speaker each item (by rank) is compared under: its entity; for an
// item without one whose words match the records of exactly one named
// speaker (StatementConfig::bridge_link, in both), that speaker's; else,
// with a role, a speaker of its own per document and mention. Only the
// terms of the items to bridge get postings of named items, and only the
// named items those postings offer get bags; the items to bridge are
// decided on `threads` threads.
std::vector<std::string> Speakers(const Ranked& g, const TermLexicon& lexicon, unsigned threads) {
  const StatementConfig& config = g.config;
  const std::size_t n = g.order.size();
  std::vector<std::string> out(n);
  std::vector<std::size_t> bridge;  // ranks of the items to bridge
  for (std::size_t r = 0; r < n; ++r) {
    const StatementItem& x = g.Item(r);
    out[r] = x.speaker;
    if (x.speaker.empty() && !x.mention.empty()) bridge.push_back(r);
  }
  if (bridge.empty()) return out;
  std::vector<Bag> bridged(bridge.size());
  parallel::ParallelFor(bridge.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) bridged[i] = g.BagOf(bridge[i]);
  });
  std::unordered_set<std::string_view> held;  // their terms
  for (const Bag& bag : bridged) held.insert(bag.keys.begin(), bag.keys.end());
  // Postings of named items (rank ascending, and whether the item uses the
  // term only as a name), for the terms of the items to bridge only.
  struct Posting {
    std::size_t rank;
    bool proper;
  };
  std::unordered_map<std::string_view, std::vector<Posting>> postings;
  for (std::size_t r = 0; r < n; ++r) {
    if (out[r].empty()) continue;
    for (const Term& t : g.features[r]->terms) {
      if (held.count(t.key) == 0) continue;
      std::vector<Posting>& list = postings[t.key];
      if (list.empty() || list.back().rank != r)
        list.push_back({r, t.proper});
      else
        list.back().proper = list.back().proper && t.proper;
    }
  }
  // Each item to bridge: its candidates (named items sharing a term whose
  // posting is short) that share `bridge_min_shared` common terms with it
  // (neither a name nor `not`: Overlap::common) — the others fail the first
  // test below, so only these need bags.
  std::vector<std::vector<std::size_t>> passing(bridge.size());
  parallel::ForEach(bridge.size(), threads, [&](std::size_t i) {
    const Bag& bag = bridged[i];
    std::vector<std::size_t> candidates;
    for (std::string_view k : bag.keys) {
      auto it = postings.find(k);
      if (it == postings.end() || it->second.size() > config.max_posting) continue;
      for (const Posting& p : it->second) candidates.push_back(p.rank);
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::size_t> common(candidates.size(), 0);
    for (std::size_t k = 0; k < bag.keys.size(); ++k) {
      if (bag.proper[k] || bag.keys[k] == "not") continue;
      auto it = postings.find(bag.keys[k]);
      if (it == postings.end()) continue;
      const std::vector<Posting>& list = it->second;
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        auto p = std::lower_bound(list.begin(), list.end(), candidates[c],
                                  [](const Posting& q, std::size_t r) { return q.rank < r; });
        if (p != list.end() && p->rank == candidates[c] && !p->proper) ++common[c];
      }
    }
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (common[c] >= config.bridge_min_shared) passing[i].push_back(candidates[c]);
    }
  });
  std::vector<std::size_t> near;  // the named items some item to bridge may take
  for (const std::vector<std::size_t>& list : passing)
    near.insert(near.end(), list.begin(), list.end());
  std::sort(near.begin(), near.end());
  near.erase(std::unique(near.begin(), near.end()), near.end());
  std::vector<Bag> near_bags(near.size());
  parallel::ParallelFor(near.size(), threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) near_bags[i] = g.BagOf(near[i]);
  });
  auto near_bag = [&](std::size_t c) -> const Bag& {
    return near_bags[static_cast<std::size_t>(std::lower_bound(near.begin(), near.end(), c) -
                                              near.begin())];
  };
  parallel::ForEach(bridge.size(), threads, [&](std::size_t i) {
    const std::size_t r = bridge[i];
    const Bag& bag = bridged[i];
    const StatementItem& x = g.Item(r);
    const std::vector<std::size_t>& candidates = passing[i];
    std::string entity;
    bool one = true;
    std::vector<std::string> roles;
    for (std::size_t c : candidates) {
      // Containment in the longer of the two: the same words, not a short
      // record inside a long one.
      const Bag& other = near_bag(c);
      const Overlap o = Shared(bag, other);
      const double longer = std::max(bag.total, other.total);
      if (o.common < config.bridge_min_shared || longer <= 0 ||
          o.weight / longer < config.bridge_link) {
        continue;
      }
      const double sim = r < c ? g.Similarity(r, bag, c, other) : g.Similarity(c, other, r, bag);
      if (sim < config.bridge_link) continue;
      const StatementItem& y = g.Item(c);
      one = one && (entity.empty() || entity == y.speaker);
      entity = y.speaker;
      roles.push_back(y.role);
    }
    if (!entity.empty() && one && RoleFits(lexicon, x.role, roles)) {
      out[r] = entity;
    } else if (!x.role.empty()) {
      std::string key;
      for (const std::string& w : LowerWords(x.mention)) key += ' ' + w;
      out[r] = "\x01" + x.doc + "\x01" + key;
    }
  });
  return out;
}

struct Edge {
  double sim;
  std::size_t a, b;  // indices into one block's ranks, a < b
};

}  // namespace

ItemFeatures ItemFeatures::Of(const TermLexicon& lexicon, std::string_view text, bool direct) {
  ItemFeatures f;
  f.terms = lexicon.Terms(text);
  if (!direct) return f;
  for (const SpelledWord& s : lexicon.Words(text)) {
    const std::string term = lexicon.TermKey(s.key);
    f.content.push_back(!term.empty() && term != "not");
    f.wording.push_back(s.key);
  }
  return f;
}

long DayNumber(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return -1;
  for (std::size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (iso[k] < '0' || iso[k] > '9') return -1;
  }
  long y = std::stol(iso.substr(0, 4));
  long m = std::stol(iso.substr(5, 2));
  long d = std::stol(iso.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

StatementGroups StatementGrouper::Run(const std::vector<StatementItem>& items,
                                      unsigned threads) const {
  const std::size_t n = items.size();
  // 1. A canonical order, by content: everything below follows it, never the
  //    input order (nor the threads: each step writes only its own slots).
  //    A document's id compares as its rank among the run's ids: the same
  //    order, one integer compare instead of a string's.
  std::vector<std::size_t> doc_rank(n);
  {
    std::unordered_map<std::string_view, std::size_t> rank;
    for (const StatementItem& item : items) rank.emplace(item.doc, 0);
    std::vector<std::string_view> ids;
    ids.reserve(rank.size());
    for (const auto& [id, r] : rank) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (std::size_t k = 0; k < ids.size(); ++k) rank[ids[k]] = k;
    for (std::size_t i = 0; i < n; ++i) doc_rank[i] = rank[items[i].doc];
  }
  Ranked g{config_, items, std::vector<std::size_t>(n), {}, {}, {}, {}};
  std::iota(g.order.begin(), g.order.end(), 0);
  std::sort(g.order.begin(), g.order.end(), [&](std::size_t x, std::size_t y) {
    const StatementItem& a = items[x];
    const StatementItem& b = items[y];
    return std::tie(doc_rank[x], a.start, a.speaker, a.end, a.text) <
           std::tie(doc_rank[y], b.start, b.speaker, b.end, b.text);
  });
  doc_rank = {};
  //    Each item's features (made here for an item given without), dates,
  //    and the terms' document frequencies (counted per chunk, then added).
  g.features.resize(n);
  g.day.resize(n);
  g.published.resize(n);
  std::vector<std::unique_ptr<const ItemFeatures>> own(n);
  const std::size_t chunks = std::max<std::size_t>(1, std::min<std::size_t>(threads, n));
  const std::size_t chunk = (n + chunks - 1) / chunks;
  std::vector<std::unordered_map<std::string_view, int>> counts(chunks);
  parallel::RunWorkers(chunks, [&](std::size_t c) {
    std::unordered_map<std::string_view, int>& df = counts[c];
    std::vector<std::string_view> keys;
    for (std::size_t r = c * chunk; r < std::min(n, (c + 1) * chunk); ++r) {
      const StatementItem& item = g.Item(r);
      if (!item.features) {
        own[r] = std::make_unique<const ItemFeatures>(
            ItemFeatures::Of(lexicon_, item.text, item.direct));
      }
      g.features[r] = item.features ? item.features : own[r].get();
      g.day[r] = DayNumber(item.event_date);
      g.published[r] = DayNumber(item.doc_date);
      keys.clear();
      for (const Term& t : g.features[r]->terms) keys.push_back(t.key);
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (std::string_view k : keys) ++df[k];
    }
  });
  g.df = std::move(counts[0]);
  for (std::size_t c = 1; c < chunks; ++c) {
    for (const auto& [key, count] : counts[c]) g.df[key] += count;
  }
  counts = {};
  // 2. Blocks: one per speaker entity, items in rank order; a record
  //    without entity first takes one by its words (bridge) or its mention.
  std::map<std::string, std::vector<std::size_t>> blocks;
  {
    const std::vector<std::string> speaker = Speakers(g, lexicon_, threads);
    for (std::size_t r = 0; r < n; ++r) {
      if (!speaker[r].empty()) blocks[speaker[r]].push_back(r);
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
  std::vector<std::size_t> group(n);  // rank → the smallest rank of its statement
  std::iota(group.begin(), group.end(), 0);
  std::vector<std::vector<std::size_t>> members(n);  // [smallest rank] → ranks; none: alone
  parallel::ForEach(todo.size(), threads, [&](std::size_t t) {
    const std::vector<std::size_t>& ranks = *todo[t];
    std::vector<Bag> bags(ranks.size());
    for (std::size_t i = 0; i < ranks.size(); ++i) bags[i] = g.BagOf(ranks[i]);
    auto similarity = [&](std::size_t x, std::size_t y) {
      return g.Similarity(ranks[x], bags[x], ranks[y], bags[y]);
    };
    // 3. Candidate pairs share a term that is rare within the speaker's items.
    std::vector<Edge> edges;
    {
      std::unordered_map<std::string_view, std::vector<std::size_t>> postings;
      for (std::size_t i = 0; i < ranks.size(); ++i) {
        for (std::string_view k : bags[i].keys) postings[k].push_back(i);
      }
      for (auto [a, b] : PostingPairs(postings, config_.max_posting)) {
        const double s = similarity(a, b);
        const bool one_doc = g.Item(ranks[a]).doc == g.Item(ranks[b]).doc;
        if (s >= (one_doc ? config_.link : config_.other_doc_link)) edges.push_back({s, a, b});
      }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& p, const Edge& q) {
      return std::tie(q.sim, p.a, p.b) < std::tie(p.sim, q.a, q.b);
    });
    // 4. Strongest links first; groups join only when no pair across them
    //    is unrelated (at most kCheck members of each side are compared).
    constexpr std::size_t kCheck = 64;
    std::vector<ItemPair> links;
    links.reserve(edges.size());
    for (const Edge& e : edges) links.emplace_back(e.a, e.b);
    const LinkedGroups linked = CompleteLink(
        ranks.size(), links,
        [&](std::size_t x, std::size_t y) { return similarity(x, y) >= config_.keep; }, kCheck);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
      group[ranks[i]] = ranks[linked.group[i]];
      if (linked.group[i] != i) continue;
      for (std::size_t m : linked.members[i]) members[ranks[i]].push_back(ranks[m]);
    }
  });
  // 5. Statements numbered by their first member's rank; members are in
  //    rank order, so a statement's documents are its runs of one doc.
  StatementGroups out;
  out.of.assign(n, 0);
  for (std::size_t r = 0; r < n; ++r) {
    if (group[r] != r) continue;
    if (members[r].empty()) members[r] = {r};
    StatementGroup st;
    st.id = std::to_string(out.statements.size() + 1);
    st.id.insert(st.id.begin(), 'S');
    const std::string* doc = nullptr;
    for (std::size_t m : members[r]) {
      st.members.push_back(g.order[m]);
      const std::string& d = g.Item(m).doc;
      if (!doc || *doc != d) ++st.appearances;
      doc = &d;
      out.of[g.order[m]] = out.statements.size();
    }
    out.statements.push_back(std::move(st));
    members[r] = {};
  }
  return out;
}

}  // namespace whosaid::claims
