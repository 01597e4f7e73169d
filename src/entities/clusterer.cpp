#include "entities/clusterer.h"

#include <algorithm>
#include <map>
#include <thread>
#include <unordered_map>

#include "entities/context.h"

namespace whosaid::entities {
namespace {

// One distinct parsed key: every input string that parses to it.
struct Form {
  ParsedName name;                     // parse of the smallest original
  std::string id_text;                 // smallest normalised original
  std::vector<std::size_t> inputs;     // ascending
  std::vector<std::string> originals;  // sorted, unique
  FormContext context;
};

// The verdict on one pair of forms, names and context together.
struct Decision {
  bool merge = false;
  Relation relation = Relation::kNone;
  float score = 0;
  const char* rule = "none";
};

std::uint64_t PairKey(std::uint32_t i, std::uint32_t j) {
  return (std::uint64_t{std::min(i, j)} << 32) | std::max(i, j);
}

// Runs fn(begin, end) over [0, n) in `threads` contiguous chunks. Each
// chunk writes only its own slots, so the result does not depend on the
// number of threads.
template <typename Fn>
void ParallelFor(std::size_t n, unsigned threads, Fn fn) {
  std::size_t t = std::max<std::size_t>(1, std::min<std::size_t>(threads, n / 256 + 1));
  if (t == 1) {
    fn(std::size_t{0}, n);
    return;
  }
  const std::size_t chunk = (n + t - 1) / t;
  std::vector<std::thread> pool;
  for (std::size_t k = 0; k < t; ++k) {
    std::size_t b = k * chunk, e = std::min(n, b + chunk);
    if (b < e) pool.emplace_back([&fn, b, e] { fn(b, e); });
  }
  for (std::thread& th : pool) th.join();
}

}  // namespace

// ---------------------------------------------------------------- one run

class NameClusterer::Run_ {
 public:
  Run_(const NameClusterer& c, std::span<const NameInput> in)
      : c_(c),
        in_(in),
        context_(c.parser_, c.role_synonyms_,
                 ContextRules{c.config_.roles_must_agree, c.config_.affiliations_must_agree}),
        parts_(c.spelling_) {}

  Clustering Go();

 private:
  void BuildForms();
  void AssignPartIds();
  void Weigh();
  void AddContexts();
  void CompareCandidates();
  Decision Decide(std::uint32_t i, std::uint32_t j, PartComparer& parts) const;
  bool Mergeable(std::uint32_t x, std::uint32_t y);
  bool AllMergeable(const std::vector<std::uint32_t>& forms);
  void DropAmbiguousShortForms();
  std::vector<std::uint32_t> ShortFormCandidates(std::uint32_t s, const std::vector<std::uint32_t>& supers);
  void Link();
  bool TryMerge(std::uint32_t i, std::uint32_t j);
  MergeExplanation Explain(std::uint32_t joined, std::uint32_t matched, const Decision& d);
  Clustering Output();

  const NameClusterer& c_;
  std::span<const NameInput> in_;
  ContextTable context_;
  PartComparer parts_;  // for the sequential steps
  std::vector<Form> forms_;
  std::vector<std::ptrdiff_t> form_of_input_;  // -1: not a name
  std::unordered_map<std::string, std::uint32_t> form_by_key_;
  std::unordered_map<std::uint64_t, Decision> decisions_;  // computed so far
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges_;
  std::vector<std::uint32_t> owner_;                   // form → cluster root
  std::vector<std::vector<std::uint32_t>> members_;    // root → forms
  std::vector<std::vector<MergeExplanation>> merges_;  // root → explanations
  ClusterStats stats_;
};

// Step 1: distinct (type, string) parsed once; equal keys make one form;
// forms in key order, so nothing depends on the order of the input.
void NameClusterer::Run_::BuildForms() {
  std::unordered_map<std::string, std::size_t> distinct;
  std::vector<std::size_t> first_input;
  std::vector<std::vector<std::size_t>> inputs_of;
  for (std::size_t i = 0; i < in_.size(); ++i) {
    std::string k = std::string(1, static_cast<char>('0' + static_cast<int>(in_[i].type))) + in_[i].name;
    auto [it, fresh] = distinct.emplace(std::move(k), first_input.size());
    if (fresh) {
      first_input.push_back(i);
      inputs_of.emplace_back();
    }
    inputs_of[it->second].push_back(i);
  }
  std::vector<ParsedName> parsed(first_input.size());
  ParallelFor(parsed.size(), c_.config_.threads, [&](std::size_t b, std::size_t e) {
    for (std::size_t d = b; d < e; ++d) {
      parsed[d] = c_.parser_.Parse(in_[first_input[d]].name, in_[first_input[d]].type);
    }
  });
  std::map<std::string, std::vector<std::size_t>> by_key;
  form_of_input_.assign(in_.size(), -1);
  for (std::size_t d = 0; d < parsed.size(); ++d) {
    if (!parsed[d].parts.empty()) by_key[parsed[d].Key()].push_back(d);
  }
  for (auto& [key, ds] : by_key) {
    std::sort(ds.begin(), ds.end(), [&](std::size_t x, std::size_t y) {
      return parsed[x].original < parsed[y].original;
    });
    Form f;
    f.id_text = parsed[ds[0]].normalized;
    for (std::size_t d : ds) {
      f.id_text = std::min(f.id_text, parsed[d].normalized);
      f.originals.push_back(parsed[d].original);
      for (std::size_t i : inputs_of[d]) form_of_input_[i] = static_cast<std::ptrdiff_t>(forms_.size());
      f.inputs.insert(f.inputs.end(), inputs_of[d].begin(), inputs_of[d].end());
    }
    f.originals.erase(std::unique(f.originals.begin(), f.originals.end()), f.originals.end());
    std::sort(f.inputs.begin(), f.inputs.end());
    f.name = std::move(parsed[ds[0]]);
    form_by_key_.emplace(key, static_cast<std::uint32_t>(forms_.size()));
    forms_.push_back(std::move(f));
  }
  stats_.names = parsed.size();
  stats_.forms = forms_.size();
}

// Equal part texts get equal ids, for PartComparer's cache.
void NameClusterer::Run_::AssignPartIds() {
  std::unordered_map<std::string, std::uint32_t> ids;
  for (Form& f : forms_) {
    for (NamePart& p : f.name.parts) {
      p.id = ids.emplace(p.text, static_cast<std::uint32_t>(ids.size() + 1)).first->second;
    }
  }
}

// Step 2: rarity over the distinct forms.
void NameClusterer::Run_::Weigh() {
  PartWeights weights(c_.config_.weights);
  for (const Form& f : forms_) {
    if (f.name.matchable) weights.Add(f.name);
  }
  for (Form& f : forms_) weights.Apply(f.name);
}

void NameClusterer::Run_::AddContexts() {
  auto lookup = [this](const std::string& key) -> std::optional<std::uint32_t> {
    auto it = form_by_key_.find(key);
    if (it == form_by_key_.end()) return std::nullopt;
    return it->second;
  };
  for (std::size_t i = 0; i < in_.size(); ++i) {
    if (form_of_input_[i] < 0) continue;
    Form& f = forms_[static_cast<std::size_t>(form_of_input_[i])];
    context_.Add(in_[i].context, f.name.type, f.context, lookup);
  }
  for (Form& f : forms_) ContextTable::Finish(f.context);
}

Decision NameClusterer::Run_::Decide(std::uint32_t i, std::uint32_t j, PartComparer& parts) const {
  const Form &a = forms_[i], &b = forms_[j];
  Decision d;
  ContextVerdict v = context_.Judge(i, a.context, j, b.context);
  if (v == ContextVerdict::kSameAs) return Decision{true, Relation::kEqual, 1.0f, "same_as"};
  if (v == ContextVerdict::kBlock) return Decision{false, Relation::kNone, 0.0f, "blocked by context"};
  PairMatch m = c_.matcher_.Compare(a.name, b.name, parts);
  d.relation = m.relation;
  d.score = m.score;
  d.rule = m.rule;
  d.merge = m.strength == Strength::kStrong;
  if (m.strength == Strength::kWeak && v == ContextVerdict::kConfirm) {
    d.merge = true;
    d.rule = "weak + context";
  }
  return d;
}

// Steps 3 and 4: candidate pairs from blocking, judged in parallel.
void NameClusterer::Run_::CompareCandidates() {
  std::vector<const ParsedName*> names;
  for (const Form& f : forms_) names.push_back(&f.name);
  auto pairs = c_.blocker_.Pairs(names);
  for (std::uint32_t i = 0; i < forms_.size(); ++i) {
    for (std::uint32_t j : forms_[i].context.same_as) {
      if (j != i) pairs.emplace_back(std::min(i, j), std::max(i, j));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  stats_.candidate_pairs = pairs.size();
  std::vector<Decision> out(pairs.size());
  ParallelFor(pairs.size(), c_.config_.threads, [&](std::size_t b, std::size_t e) {
    PartComparer parts(c_.spelling_);
    for (std::size_t k = b; k < e; ++k) out[k] = Decide(pairs[k].first, pairs[k].second, parts);
  });
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    if (!out[k].merge) continue;  // not kept: recomputed if linkage ever asks
    decisions_.emplace(PairKey(pairs[k].first, pairs[k].second), out[k]);
    edges_.push_back(pairs[k]);
  }
}

bool NameClusterer::Run_::Mergeable(std::uint32_t x, std::uint32_t y) {
  if (x == y) return true;
  std::uint64_t key = PairKey(x, y);
  auto it = decisions_.find(key);
  if (it == decisions_.end()) {
    ++stats_.linkage_checks;
    it = decisions_.emplace(key, Decide(std::min(x, y), std::max(x, y), parts_)).first;
  }
  return it->second.merge;
}

bool NameClusterer::Run_::AllMergeable(const std::vector<std::uint32_t>& forms) {
  for (std::size_t a = 0; a < forms.size(); ++a) {
    for (std::size_t b = a + 1; b < forms.size(); ++b) {
      if (!Mergeable(forms[a], forms[b])) return false;
    }
  }
  return true;
}

// The longer forms short form `s` may join: all of them when they are
// compatible with each other; else the ones context confirms, if those are
// compatible; else none.
std::vector<std::uint32_t> NameClusterer::Run_::ShortFormCandidates(
    std::uint32_t s, const std::vector<std::uint32_t>& supers) {
  if (supers.size() <= c_.config_.max_short_form_candidates && AllMergeable(supers)) return supers;
  std::vector<std::uint32_t> keep;
  for (std::uint32_t l : supers) {
    if (context_.Judge(s, forms_[s].context, l, forms_[l].context) == ContextVerdict::kConfirm) {
      keep.push_back(l);
    }
  }
  if (keep.size() > c_.config_.max_short_form_candidates || !AllMergeable(keep)) keep.clear();
  return keep;
}

// Step 5. Verdicts are all taken before any is applied, so the order in
// which short forms are visited cannot matter.
void NameClusterer::Run_::DropAmbiguousShortForms() {
  std::vector<std::vector<std::uint32_t>> supers(forms_.size());
  for (auto [i, j] : edges_) {
    Relation r = decisions_[PairKey(i, j)].relation;
    if (r == Relation::kFirstShort) supers[i].push_back(j);
    if (r == Relation::kSecondShort) supers[j].push_back(i);
  }
  std::vector<std::uint64_t> dropped;
  for (std::uint32_t s = 0; s < forms_.size(); ++s) {
    if (supers[s].size() < 2) continue;
    std::sort(supers[s].begin(), supers[s].end());
    std::vector<std::uint32_t> keep = ShortFormCandidates(s, supers[s]);
    for (std::uint32_t l : supers[s]) {
      if (!std::binary_search(keep.begin(), keep.end(), l)) dropped.push_back(PairKey(s, l));
    }
  }
  for (std::uint64_t key : dropped) {
    Decision& d = decisions_[key];
    d.merge = false;
    d.rule = "ambiguous short form";
  }
  std::erase_if(edges_, [this](auto e) { return !decisions_[PairKey(e.first, e.second)].merge; });
}

MergeExplanation NameClusterer::Run_::Explain(std::uint32_t joined, std::uint32_t matched,
                                              const Decision& d) {
  const Form &a = forms_[joined], &b = forms_[matched];
  MergeExplanation e{a.originals.front(), b.originals.front(), d.score, d.rule, "", {}};
  if (std::string_view(d.rule) != "same_as") {
    e.detail = NameMatcher::Explain(a.name, b.name, c_.matcher_.Compare(a.name, b.name, parts_));
  }
  e.shared = context_.Shared(a.context, b.context);
  return e;
}

// Merges the clusters of i and j when every member of one may merge with
// every member of the other (complete linkage).
bool NameClusterer::Run_::TryMerge(std::uint32_t i, std::uint32_t j) {
  std::uint32_t a = owner_[i], b = owner_[j];
  if (a == b) return false;
  if (members_[a].size() * members_[b].size() > c_.config_.max_linkage_checks) return false;
  for (std::uint32_t x : members_[a]) {
    for (std::uint32_t y : members_[b]) {
      if (!Mergeable(x, y)) return false;
    }
  }
  // The smaller cluster joins the larger (ties: the later root joins).
  if (members_[b].size() > members_[a].size() || (members_[b].size() == members_[a].size() && b < a)) {
    std::swap(a, b);
    std::swap(i, j);
  }
  MergeExplanation why = Explain(j, i, decisions_[PairKey(i, j)]);
  for (std::uint32_t y : members_[b]) owner_[y] = a;
  members_[a].insert(members_[a].end(), members_[b].begin(), members_[b].end());
  merges_[a].insert(merges_[a].end(), merges_[b].begin(), merges_[b].end());
  merges_[a].push_back(std::move(why));
  members_[b].clear();
  merges_[b].clear();
  ++stats_.merges;
  return true;
}

// Step 6: equal names before short forms, better scores first.
void NameClusterer::Run_::Link() {
  owner_.resize(forms_.size());
  members_.resize(forms_.size());
  merges_.resize(forms_.size());
  for (std::uint32_t f = 0; f < forms_.size(); ++f) {
    owner_[f] = f;
    members_[f] = {f};
  }
  std::vector<std::pair<Decision, std::pair<std::uint32_t, std::uint32_t>>> order;
  for (auto e : edges_) order.emplace_back(decisions_[PairKey(e.first, e.second)], e);
  std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
    bool ex = x.first.relation == Relation::kEqual, ey = y.first.relation == Relation::kEqual;
    if (ex != ey) return ex;
    if (x.first.score != y.first.score) return x.first.score > y.first.score;
    return x.second < y.second;
  });
  for (const auto& [d, e] : order) TryMerge(e.first, e.second);
}

Clustering NameClusterer::Run_::Output() {
  Clustering out;
  for (std::uint32_t r = 0; r < forms_.size(); ++r) {
    if (members_[r].empty()) continue;
    Cluster c;
    c.type = forms_[r].name.type;
    std::string id_text = forms_[members_[r][0]].id_text;
    for (std::uint32_t f : members_[r]) {
      id_text = std::min(id_text, forms_[f].id_text);
      c.inputs.insert(c.inputs.end(), forms_[f].inputs.begin(), forms_[f].inputs.end());
      c.forms.insert(c.forms.end(), forms_[f].originals.begin(), forms_[f].originals.end());
    }
    c.id = std::string(EntityTypeName(c.type)) + ":" + id_text;
    std::sort(c.inputs.begin(), c.inputs.end());
    std::sort(c.forms.begin(), c.forms.end());
    c.forms.erase(std::unique(c.forms.begin(), c.forms.end()), c.forms.end());
    c.merges = std::move(merges_[r]);
    out.clusters.push_back(std::move(c));
  }
  std::sort(out.clusters.begin(), out.clusters.end(),
            [](const Cluster& x, const Cluster& y) { return x.id < y.id; });
  out.cluster_of.assign(in_.size(), -1);
  for (std::size_t k = 0; k < out.clusters.size(); ++k) {
    for (std::size_t i : out.clusters[k].inputs) out.cluster_of[i] = static_cast<std::ptrdiff_t>(k);
  }
  stats_.inputs = in_.size();
  out.stats = stats_;
  return out;
}

Clustering NameClusterer::Run_::Go() {
  BuildForms();          // 1. parse, group by key
  AssignPartIds();
  Weigh();               // 2. rarity
  AddContexts();
  CompareCandidates();   // 3–4. blocking, names + context
  DropAmbiguousShortForms();  // 5.
  Link();                // 6. complete linkage
  return Output();
}

// ---------------------------------------------------------------- NameClusterer

NameClusterer::NameClusterer(const ClusterConfig& config, const rules::RuleSet& rules)
    : config_(config),
      spelling_(rules, config.spelling),
      parser_(rules, config.parser, spelling_),
      matcher_(config.matcher),
      blocker_(config.blocking),
      role_synonyms_(ContextTable::LoadRoleSynonyms(rules)) {}

NameClusterer::~NameClusterer() = default;

Clustering NameClusterer::Run(std::span<const NameInput> inputs) const {
  Run_ run(*this, inputs);
  return run.Go();
}

}  // namespace whosaid::entities
