#include "claims/occasions.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <tuple>

#include "claims/linking.h"

namespace whosaid::claims {
namespace {

bool Shares(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    if (std::binary_search(b.begin(), b.end(), x)) return true;
  }
  return false;
}

bool Has(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Does anything say that a and b are different occasions?
bool Differ(const Occasion& a, const Occasion& b, const OccasionRules& rules) {
  if (!a.event.empty() && a.event == b.event) return false;
  const bool one_event = Shares(a.events, b.events);
  if (a.date && b.date) {
    const long gap = std::max(static_cast<long>(a.date->first) - b.date->last,
                              static_cast<long>(b.date->first) - a.date->last);
    if (gap > rules.days) return true;
  }
  if (one_event) return false;  // the event stage found one event: types and places may differ
  if (!a.countries.empty() && !b.countries.empty() && !Shares(a.countries, b.countries)) {
    return true;
  }
  if (!a.root.empty() && !b.root.empty() && a.root != b.root &&
      (Has(rules.apart, a.root) || Has(rules.apart, b.root))) {
    return true;
  }
  return false;
}

// How strongly a and b look like one story (0: no evidence).
int Evidence(const Occasion& a, const Occasion& b) {
  int e = 0;
  if ((!a.event.empty() && a.event == b.event) || Shares(a.events, b.events)) e += 4;
  if (Shares(a.main, b.speakers) || Shares(b.main, a.speakers)) e += 2;
  if (Shares(a.places, b.places)) e += 1;
  return e;
}

int Number(const rules::RuleFile& file, const rules::RuleLine& line, const std::string& s) {
  if (s.empty() || s.size() > 6 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw file.Error(line, "expected a number, got '" + s + "'");
  }
  return std::stoi(s);
}

}  // namespace

OccasionRules ReadOccasionRules(const rules::RuleSet& rules) {
  OccasionRules out;
  const rules::RuleFile& file = rules.File("claims/lines.txt");
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() != 2) throw file.Error(line, "expected 'CLASS | VALUE'");
    if (f[0] == "days") {
      out.days = Number(file, line, f[1]);
    } else if (f[0] == "max posting") {
      out.max_posting = static_cast<std::size_t>(Number(file, line, f[1]));
    } else if (f[0] == "apart") {
      out.apart.push_back(f[1]);
    } else {
      throw file.Error(line, "unknown class '" + f[0] + "'");
    }
  }
  return out;
}

std::vector<std::size_t> JoinOccasions(const std::vector<Occasion>& occasions,
                                       const OccasionRules& rules) {
  const std::size_t n = occasions.size();
  // A canonical order (by content), so that nothing depends on input order.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const Occasion& a = occasions[x];
    const Occasion& b = occasions[y];
    return std::tie(a.doc, a.event, a.speakers) < std::tie(b.doc, b.event, b.speakers);
  });
  // Candidates: ranks that share an event, a speaker or a place.
  std::map<std::string, std::vector<std::size_t>> postings;
  for (std::size_t r = 0; r < n; ++r) {
    const Occasion& o = occasions[order[r]];
    for (const std::string& e : o.events) postings["e:" + e].push_back(r);
    for (const std::string& s : o.speakers) postings["s:" + s].push_back(r);
    for (const std::string& p : o.places) postings["p:" + p].push_back(r);
  }
  const auto pairs = PostingPairs(postings, rules.max_posting);
  struct Link {
    int evidence;
    std::size_t a, b;
  };
  std::vector<Link> links;
  for (auto [a, b] : pairs) {
    const Occasion& x = occasions[order[a]];
    const Occasion& y = occasions[order[b]];
    const int e = Evidence(x, y);
    if (e > 0 && !Differ(x, y, rules)) links.push_back({e, a, b});
  }
  std::sort(links.begin(), links.end(), [](const Link& p, const Link& q) {
    return std::tie(q.evidence, p.a, p.b) < std::tie(p.evidence, q.a, q.b);
  });
  // Complete link: two groups join only when no pair across them differs.
  std::vector<ItemPair> pairs_by_strength;
  for (const Link& l : links) pairs_by_strength.emplace_back(l.a, l.b);
  const std::vector<std::size_t> group =
      CompleteLink(n, pairs_by_strength, [&](std::size_t x, std::size_t y) {
        return !Differ(occasions[order[x]], occasions[order[y]], rules);
      }).group;
  std::vector<std::size_t> out(n);
  for (std::size_t r = 0; r < n; ++r) out[order[r]] = order[group[r]];
  return out;
}

}  // namespace whosaid::claims
