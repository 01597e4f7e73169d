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

Bag MakeBag(const std::vector<Term>& terms) {
  std::map<std::string_view, bool> seen;
  for (const Term& t : terms) {
    auto [it, fresh] = seen.emplace(t.key, t.proper);
    if (!fresh) it->second = it->second && t.proper;
  }
  Bag bag;
  for (const auto& [key, proper] : seen) {
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

// One direct quote's words in order: spelling keys, and whether each is a
// content term (its features', not copies).
struct Wording {
  const std::vector<std::string>* keys = nullptr;
  const std::vector<bool>* content = nullptr;
};

// Whether a and b share a run of words in order whose length plus content
// terms make `score`, one content term at least.
bool SharedRun(const Wording& a, const Wording& b, std::size_t score) {
  // len[j]: the common run ending at a[i - 1], b[j - 1]; same for content words.
  const std::vector<std::string>& ak = *a.keys;
  const std::vector<std::string>& bk = *b.keys;
  std::vector<std::size_t> len(bk.size() + 1, 0), con(bk.size() + 1, 0);
  for (std::size_t i = 0; i < ak.size(); ++i) {
    for (std::size_t j = bk.size(); j-- > 0;) {
      if (ak[i] == bk[j]) {
        len[j + 1] = len[j] + 1;
        con[j + 1] = con[j] + ((*a.content)[i] ? 1 : 0);
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

// The speaker each item (by rank) is compared under: its entity; for an
// item without one whose words match the records of exactly one named
// speaker (StatementConfig::bridge_link, in both), that speaker's; else,
// with a role, a speaker of its own per document and mention. Only the
// terms of the items to bridge get postings of named items; the items to
// bridge are decided on `threads` threads (each reads only the named items).
template <class Similarity>
std::vector<std::string> Speakers(const StatementConfig& config, const TermLexicon& lexicon,
                                  const std::vector<StatementItem>& items,
                                  const std::vector<std::size_t>& order,
                                  const std::vector<Bag>& bags, Similarity similarity,
                                  unsigned threads) {
  const std::size_t n = order.size();
  std::vector<std::string> out(n);
  std::vector<std::size_t> bridge;            // ranks of the items to bridge
  std::unordered_set<std::string_view> held;  // their terms
  for (std::size_t r = 0; r < n; ++r) {
    const StatementItem& x = items[order[r]];
    out[r] = x.speaker;
    if (!x.speaker.empty() || x.mention.empty()) continue;
    bridge.push_back(r);
    held.insert(bags[r].keys.begin(), bags[r].keys.end());
  }
  if (bridge.empty()) return out;
  std::unordered_map<std::string_view, std::vector<std::size_t>> postings;  // named items
  for (std::size_t r = 0; r < n; ++r) {
    if (out[r].empty()) continue;
    for (std::string_view k : bags[r].keys) {
      if (held.count(k) > 0) postings[k].push_back(r);
    }
  }
  parallel::ForEach(bridge.size(), threads, [&](std::size_t i) {
    const std::size_t r = bridge[i];
    const StatementItem& x = items[order[r]];
    std::vector<std::size_t> candidates;
    for (std::string_view k : bags[r].keys) {
      auto it = postings.find(k);
      if (it == postings.end() || it->second.size() > config.max_posting) continue;
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::string entity;
    bool one = true;
    std::vector<std::string> roles;
    for (std::size_t c : candidates) {
      // Containment in the longer of the two: the same words, not a short
      // record inside a long one.
      const Overlap o = Shared(bags[r], bags[c]);
      const double longer = std::max(bags[r].total, bags[c].total);
      if (o.common < config.bridge_min_shared || longer <= 0 ||
          o.weight / longer < config.bridge_link) {
        continue;
      }
      if (similarity(std::min(r, c), std::max(r, c)) < config.bridge_link) continue;
      const StatementItem& y = items[order[c]];
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
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const StatementItem& a = items[x];
    const StatementItem& b = items[y];
    return std::tie(a.doc, a.start, a.speaker, a.end, a.text) <
           std::tie(b.doc, b.start, b.speaker, b.end, b.text);
  });
  std::vector<Bag> bags(n);                                 // by rank
  std::vector<Wording> wording(n);                          // direct quotes only
  std::vector<std::unique_ptr<const ItemFeatures>> own(n);  // of the items given without
  parallel::ParallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      const StatementItem& item = items[order[r]];
      if (!item.features) {
        own[r] = std::make_unique<const ItemFeatures>(
            ItemFeatures::Of(lexicon_, item.text, item.direct));
      }
      const ItemFeatures& f = item.features ? *item.features : *own[r];
      bags[r] = MakeBag(f.terms);
      if (item.direct) wording[r] = {&f.wording, &f.content};
    }
  });
  std::unordered_map<std::string_view, int> df;
  for (const Bag& bag : bags) {
    for (std::string_view k : bag.keys) ++df[k];
  }
  std::vector<long> day(n), published(n);
  parallel::ParallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      Bag& bag = bags[r];
      const StatementItem& item = items[order[r]];
      const auto& uses = item.uses ? *item.uses : item.doc_uses;
      for (std::size_t k = 0; k < bag.keys.size(); ++k) {
        const int count = df.find(bag.keys[k])->second;
        double idf = std::log((static_cast<double>(n) + 1.0) / (count + 0.5));
        bag.weight.push_back(idf * (bag.proper[k] ? config_.proper_weight : 1.0));
        bag.total += bag.weight.back();
        auto it = std::lower_bound(uses.begin(), uses.end(), bag.keys[k],
                                   [](const std::pair<std::string, int>& u, std::string_view key) {
                                     return u.first < key;
                                   });
        const int used = it != uses.end() && it->first == bag.keys[k] ? it->second : 1;
        const double factor = config_.topic_uses > 0 && used > config_.topic_uses
                                  ? static_cast<double>(config_.topic_uses) / used
                                  : 1.0;
        bag.topic.push_back(bag.weight.back() * factor);
        bag.topic_total += bag.topic.back();
      }
      day[r] = DayNumber(item.event_date);
      published[r] = DayNumber(item.doc_date);
    }
  });

  auto similarity = [&](std::size_t a, std::size_t b) {
    const StatementItem& x = items[order[a]];
    const StatementItem& y = items[order[b]];
    if (!x.event.empty() && !y.event.empty() && x.event != y.event && day[a] >= 0 && day[b] >= 0 &&
        std::labs(day[a] - day[b]) > config_.max_days_apart) {
      return 0.0;  // another occasion
    }
    const Bag& p = bags[a];
    const Bag& q = bags[b];
    if (p.keys.empty() || q.keys.empty()) return 0.0;
    const bool one_doc = x.doc == y.doc;
    Overlap o = Shared(p, q, one_doc);
    // A short report (`to exact revenge`) in another outlet's story of the
    // same event may share one word with the statement it paraphrases.
    const bool brief = std::min(p.keys.size(), q.keys.size()) <= config_.short_terms && !one_doc &&
                       !x.event.empty() && x.event == y.event;
    if (o.shared < (brief ? std::size_t{1} : config_.min_shared)) return 0.0;
    if (config_.need_common && o.common == 0) return 0.0;
    const double smaller =
        one_doc ? std::min(p.topic_total, q.topic_total) : std::min(p.total, q.total);
    const double sim = smaller > 0 ? o.weight / smaller : 0.0;
    if (o.shared < config_.min_shared && sim < config_.short_link) return 0.0;
    if (x.direct && y.direct) {
      const bool run = SharedRun(wording[a], wording[b], config_.direct_run);
      if (x.doc == y.doc && (sim < config_.same_doc_direct || !run)) return 0.0;
      if (x.doc != y.doc && sim < config_.direct_link && !run) return 0.0;
    }
    if (published[a] >= 0 && published[b] >= 0 &&
        std::labs(published[a] - published[b]) > config_.max_days_apart &&
        (sim < config_.far_link || o.shared < config_.far_min_shared)) {
      return 0.0;
    }
    return sim;
  };

  // 2. Blocks: one per speaker entity, items in rank order; a record
  //    without entity first takes one by its words (bridge) or its mention.
  std::map<std::string, std::vector<std::size_t>> blocks;
  {
    const std::vector<std::string> speaker =
        Speakers(config_, lexicon_, items, order, bags, similarity, threads);
    for (std::size_t r = 0; r < n; ++r) {
      if (!speaker[r].empty()) blocks[speaker[r]].push_back(r);
    }
  }
  // 3 and 4, one block at a time on `threads` threads, largest first: links
  // never cross a block, and a block's ranks keep the run's order, so its
  // links taken in the run's order give each block what one run-wide pass
  // gives. A block writes only the groups of its own ranks.
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
    // 3. Candidate pairs share a term that is rare within the speaker's items.
    std::vector<Edge> edges;
    {
      std::unordered_map<std::string_view, std::vector<std::size_t>> postings;
      for (std::size_t i = 0; i < ranks.size(); ++i) {
        for (std::string_view k : bags[ranks[i]].keys) postings[k].push_back(i);
      }
      for (auto [a, b] : PostingPairs(postings, config_.max_posting)) {
        const double s = similarity(ranks[a], ranks[b]);
        const bool one_doc = items[order[ranks[a]]].doc == items[order[ranks[b]]].doc;
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
        [&](std::size_t x, std::size_t y) {
          return similarity(ranks[x], ranks[y]) >= config_.keep;
        },
        kCheck);
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
      st.members.push_back(order[m]);
      const std::string& d = items[order[m]].doc;
      if (!doc || *doc != d) ++st.appearances;
      doc = &d;
      out.of[order[m]] = out.statements.size();
    }
    out.statements.push_back(std::move(st));
    members[r] = {};
  }
  return out;
}

}  // namespace whosaid::claims
