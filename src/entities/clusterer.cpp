#include "entities/clusterer.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <map>
#include <string_view>
#include <unordered_map>

#include "core/flat_map.h"
#include "core/parallel.h"
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
  bool merge = false;       // the pair alone justifies a merge
  bool compatible = false;  // may share a cluster that stronger pairs built
  Relation relation = Relation::kNone;
  float score = 0;
  const char* rule = "none";
  bool blocked = false;  // by context: never in one cluster, however linked
};

std::uint64_t PairKey(std::uint32_t i, std::uint32_t j) {
  return (std::uint64_t{std::min(i, j)} << 32) | std::max(i, j);
}

// Chunks of [0, n) on threads; a worker's exception reaches the caller
// (core/parallel.h).
using parallel::ParallelFor;

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
  struct ContextIndex;
  ContextIndex IndexContext() const;
  void ContextPartners(const ContextIndex& index, std::uint32_t i,
                       std::vector<std::uint32_t>& js) const;
  Decision Decide(std::uint32_t i, std::uint32_t j, PartComparer& parts) const;
  bool MayMerge(std::uint32_t i, std::uint32_t j, PartComparer& parts) const;
  // Decide(x, y), computed once (decisions_); on a worker of
  // DropAmbiguousShortForms, in that worker's own memo (Memo, below).
  const Decision& Decided(std::uint32_t x, std::uint32_t y);
  bool Mergeable(std::uint32_t x, std::uint32_t y) { return x == y || Decided(x, y).merge; }
  bool WeaklyCompatible(std::uint32_t x, std::uint32_t y) {
    return x == y || Decided(x, y).compatible;
  }
  bool ShortOf(std::uint32_t x, std::uint32_t z);
  bool Compatible(std::uint32_t x, std::uint32_t y, const std::vector<std::uint32_t>& pool);
  bool ThroughAlias(std::uint32_t x, std::uint32_t y, const std::vector<std::uint32_t>& pool);
  bool RespelledShort(std::uint32_t x, std::uint32_t y, const std::vector<std::uint32_t>& pool);
  bool AllCompatible(const std::vector<std::uint32_t>& forms);
  void DropAmbiguousShortForms();
  std::vector<std::uint32_t> ShortFormCandidates(std::uint32_t s,
                                                 const std::vector<std::uint32_t>& supers);
  void Link();
  bool FullVariant(std::uint32_t i, std::uint32_t j);
  bool ThroughVariant(std::uint32_t x, std::uint32_t y);
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
  std::vector<NameKeys> keys_;                         // per form (CompareCandidates)
  std::vector<std::uint32_t> owner_;                   // form → cluster root
  std::vector<std::vector<std::uint32_t>> members_;    // root → forms
  std::vector<std::vector<MergeExplanation>> merges_;  // root → explanations
  ClusterStats stats_;
  bool any_same_as_ = false;  // some form has a same_as link

  // What a worker of DropAmbiguousShortForms decides: while the workers run,
  // decisions_ is only read, and each pair not in it is computed into the
  // memo of the worker whose thread asks (`memo`, set for the worker's
  // share); the memos are merged after. Decide is a pure function of the
  // pair, so the pairs visited and their verdicts are those of one thread.
  struct Memo {
    explicit Memo(const SpellingRules& spelling) : parts(spelling) {}
    std::unordered_map<std::uint64_t, Decision> decisions;
    PartComparer parts;
  };
  static thread_local Memo* memo;
};

thread_local NameClusterer::Run_::Memo* NameClusterer::Run_::memo = nullptr;

// Equal (type, string) inputs, parsed once: the first input of each and
// all its inputs.
namespace {

struct Distinct {
  std::vector<std::size_t> first_input;
  std::vector<std::vector<std::size_t>> inputs_of;
};

Distinct FindDistinct(std::span<const NameInput> in) {
  Distinct d;
  std::array<FlatMap<std::size_t>, 3> seen;  // per EntityType: name → its distinct number
  for (std::size_t i = 0; i < in.size(); ++i) {
    const std::size_t next = d.first_input.size();
    const std::size_t at = seen[static_cast<std::size_t>(in[i].type)].Insert(in[i].name, next);
    if (at == next) {
      d.first_input.push_back(i);
      d.inputs_of.emplace_back();
    }
    d.inputs_of[at].push_back(i);
  }
  return d;
}

}  // namespace

// Step 1: distinct strings parsed in chunks (in parallel) and folded into
// forms as they come, so memory follows forms, not strings; equal keys
// make one form, represented by the parse of its smallest original; forms
// in key order, so nothing depends on the order of the input.
void NameClusterer::Run_::BuildForms() {
  const Distinct distinct = FindDistinct(in_);
  struct Pending {
    ParsedName name;
    std::string id_text;
    std::vector<std::string> originals;
    std::vector<std::size_t> inputs;
  };
  std::map<std::string, Pending> by_key;
  constexpr std::size_t kChunk = 8192;
  std::vector<ParsedName> parsed;
  for (std::size_t b = 0; b < distinct.first_input.size(); b += kChunk) {
    const std::size_t e = std::min(distinct.first_input.size(), b + kChunk);
    parsed.assign(e - b, ParsedName{});
    ParallelFor(e - b, c_.config_.threads, [&](std::size_t x, std::size_t y) {
      for (std::size_t d = x; d < y; ++d) {
        const NameInput& in = in_[distinct.first_input[b + d]];
        parsed[d] = c_.parser_.Parse(in.name, in.type);
      }
    });
    for (std::size_t d = b; d < e; ++d) {
      ParsedName& p = parsed[d - b];
      if (p.parts.empty()) continue;  // not a name: no form
      auto [it, fresh] = by_key.try_emplace(p.Key());
      Pending& f = it->second;
      f.inputs.insert(f.inputs.end(), distinct.inputs_of[d].begin(), distinct.inputs_of[d].end());
      f.originals.push_back(p.original);
      if (fresh || p.normalized < f.id_text) f.id_text = p.normalized;
      if (fresh || p.original < f.name.original) f.name = std::move(p);
    }
  }
  stats_.names = distinct.first_input.size();
  form_of_input_.assign(in_.size(), -1);
  forms_.reserve(by_key.size());
  for (auto& [key, p] : by_key) {
    Form f{
        std::move(p.name), std::move(p.id_text), std::move(p.inputs), std::move(p.originals), {}};
    std::sort(f.inputs.begin(), f.inputs.end());
    std::sort(f.originals.begin(), f.originals.end());
    f.originals.erase(std::unique(f.originals.begin(), f.originals.end()), f.originals.end());
    for (std::size_t i : f.inputs) form_of_input_[i] = static_cast<std::ptrdiff_t>(forms_.size());
    form_by_key_.emplace(key, static_cast<std::uint32_t>(forms_.size()));
    forms_.push_back(std::move(f));
  }
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
// (what each name adds made in parallel, added in form order; counted
// once, then applied in parallel)
void NameClusterer::Run_::Weigh() {
  PartWeights weights(c_.config_.weights);
  std::vector<PartWeights::NameContexts> contexts(forms_.size());
  parallel::ForEach(forms_.size(), c_.config_.threads, [&](std::size_t f) {
    if (forms_[f].name.matchable) contexts[f] = PartWeights::ContextsOf(forms_[f].name);
  });
  for (std::size_t f = 0; f < forms_.size(); ++f) {
    if (forms_[f].name.matchable) weights.Add(forms_[f].name.type, std::move(contexts[f]));
  }
  std::vector<PartWeights::NameContexts>().swap(contexts);
  weights.Count();
  parallel::ForEach(forms_.size(), c_.config_.threads,
                    [&](std::size_t f) { weights.Apply(forms_[f].name); });
}

void NameClusterer::Run_::AddContexts() {
  auto lookup = [this](const std::string& key) -> std::optional<std::uint32_t> {
    auto it = form_by_key_.find(key);
    if (it == form_by_key_.end()) return std::nullopt;
    return it->second;
  };
  // (the links of a chunk of inputs parsed in parallel, then added in input
  // order: Add interns documents, roles and affiliations in that order)
  constexpr std::size_t kChunk = 8192;
  std::vector<ContextTable::Links> links;
  for (std::size_t b = 0; b < in_.size(); b += kChunk) {
    const std::size_t e = std::min(in_.size(), b + kChunk);
    links.assign(e - b, ContextTable::Links{});
    parallel::ForEach(e - b, c_.config_.threads, [&](std::size_t k) {
      const std::ptrdiff_t f = form_of_input_[b + k];
      if (f < 0) return;
      context_.MakeLinks(in_[b + k].context, forms_[static_cast<std::size_t>(f)].name.type, lookup,
                         links[k]);
    });
    for (std::size_t i = b; i < e; ++i) {
      if (form_of_input_[i] < 0) continue;
      Form& f = forms_[static_cast<std::size_t>(form_of_input_[i])];
      context_.Add(in_[i].context, f.context, links[i - b]);
    }
  }
  for (Form& f : forms_) {
    ContextTable::Finish(f.context);
    any_same_as_ = any_same_as_ || !f.context.same_as.empty();
  }
}

namespace {

// A strong match of two or more parts of both names (not an initial).
bool FullNameMatch(const PairMatch& m) {
  if (m.strength != Strength::kStrong) return false;
  int parts = 0;
  for (const PartLink& l : m.links) parts += l.initial ? 0 : 1;
  return parts >= 2;
}

// Parts other than initials.
int NameParts(const ParsedName& n) {
  return static_cast<int>(
      std::count_if(n.parts.begin(), n.parts.end(), [](const NamePart& p) { return !p.initial; }));
}

}  // namespace

Decision NameClusterer::Run_::Decide(std::uint32_t i, std::uint32_t j, PartComparer& parts) const {
  const Form &a = forms_[i], &b = forms_[j];
  Decision d;
  ContextVerdict v = context_.Judge(i, a.context, j, b.context);
  if (v == ContextVerdict::kSameAs) return Decision{true, true, Relation::kEqual, 1.0f, "same_as"};
  if (a.context.opaque || b.context.opaque) {
    return Decision{false, false, Relation::kNone, 0.0f, "not a name", true};
  }
  if (v == ContextVerdict::kBlock) {
    return Decision{false, false, Relation::kNone, 0.0f, "blocked by context", true};
  }
  PairMatch m = c_.matcher_.Compare(a.name, b.name, parts);
  if (v == ContextVerdict::kDisagree) {
    // (a disagreement is no proof of two people: a name the text states
    // for one of them may still bring them together, ThroughAlias)
    if (c_.config_.disagreement_blocks_full_names || !FullNameMatch(m)) {
      return Decision{false, false, Relation::kNone, 0.0f, "blocked by context", false};
    }
    v = ContextVerdict::kNeutral;
  }
  d.relation = m.relation;
  d.score = m.score;
  d.rule = m.rule;
  d.merge = m.strength == Strength::kStrong;
  // A weak pair of person names (one doubtful part, a short form without
  // its given name) may sit in a cluster that strong pairs built; a weak
  // pair of organisation names (East / West Africa) may not.
  d.compatible = m.strength == Strength::kStrong ||
                 (m.strength == Strength::kWeak && a.name.type == EntityType::kPerson);
  // (context confirms a doubtful spelling, not a different initial:
  // Shafi / Shafiq in one article, never Pigs / Vegas)
  auto same_initial = [&](const PartLink& l) {
    const std::string &x = a.name.parts[l.a_begin].text, &y = b.name.parts[l.b_begin].text;
    return !x.empty() && !y.empty() && x[0] == y[0];
  };
  // a doubtful part is taken on the strength of the others only with
  // context (news: not David Brock / David Brooks on the strength of
  // David), never for a tentative name
  const bool weak_part = std::any_of(m.links.begin(), m.links.end(),
                                     [](const PartLink& l) { return l.level == PartLevel::kWeak; });
  if (weak_part && (a.context.tentative || b.context.tentative ||
                    (c_.config_.weak_parts_need_context && v != ContextVerdict::kConfirm))) {
    d.merge = false;
  }
  if (m.strength == Strength::kWeak && v == ContextVerdict::kConfirm && !a.context.tentative &&
      !b.context.tentative && std::all_of(m.links.begin(), m.links.end(), same_initial)) {
    d.merge = true;
    d.rule = "weak + context";
  }
  // (identical as written after normalisation: Backer / Baker are one
  // phonetic spelling, not one name)
  auto same_text = [&](const PartLink& l) {
    return l.a_end == l.a_begin + 1 && l.b_end == l.b_begin + 1 &&
           l.a_begin < a.name.parts.size() && l.b_begin < b.name.parts.size() &&
           a.name.parts[l.a_begin].text == b.name.parts[l.b_begin].text;
  };
  if (c_.config_.variants_need_anchor && a.name.type == EntityType::kPerson &&
      v != ContextVerdict::kConfirm && !m.links.empty() &&
      std::none_of(m.links.begin(), m.links.end(), same_text)) {
    // (never a merge on their own; but in a cluster that a shared
    // document built — Sirwani / Shirwani in one article — they may meet
    // the other spellings of that cluster)
    d.merge = false;
    d.rule = "variants without context";
  }
  return d;
}

// False only when Decide(i, j).merge is sure to be false: a merge needs a
// same_as link (ContextTable::Judge, kSameAs) or names that relate
// (Compare's relation kEqual or a short form: strength kNone otherwise, and
// Decide merges only on a strong match, or a weak one with context), which
// the match keys rule out for most candidate pairs without comparing
// anything, and MayRelate cheaply for most others (both in
// NameMatcher::MayRelateKeyed: MayRelateByKeys && MayRelate).
bool NameClusterer::Run_::MayMerge(std::uint32_t i, std::uint32_t j, PartComparer& parts) const {
  const Form &a = forms_[i], &b = forms_[j];
  auto lists = [](const std::vector<std::uint32_t>& same_as, std::uint32_t f) {
    return std::binary_search(same_as.begin(), same_as.end(), f);
  };
  return lists(a.context.same_as, j) || lists(b.context.same_as, i) ||
         c_.matcher_.MayRelateKeyed(a.name, keys_[i], b.name, keys_[j], parts);
}

// Pairs the names alone would not propose but context makes worth judging:
// same_as links, and forms of one document (where Shafi and Shafiq are
// compared although their skeletons differ). A document with more than
// max_document_forms forms adds none (a list, not an article). Indexed
// once (serially: a counting sort of the forms' document lists); each
// form's partners are then read on the comparing worker that takes the
// form (ContextPartners), so no list of all the pairs is made, sorted or
// held (the same pair of names in a thousand documents is repeated only
// in that form's own candidate list, which is sorted and made unique).
struct NameClusterer::Run_::ContextIndex {
  // each document's matchable forms, ascending: forms_of[first[d], first[d + 1])
  std::vector<std::uint32_t> first{0};
  std::vector<std::uint32_t> forms_of;
  // per form i: the forms j > i whose same_as lists i
  // (same_as_later[later_first[i], later_first[i + 1])); empty: no same_as
  std::vector<std::uint32_t> later_first;
  std::vector<std::uint32_t> same_as_later;
};

NameClusterer::Run_::ContextIndex NameClusterer::Run_::IndexContext() const {
  ContextIndex ix;
  std::vector<std::uint32_t>& first = ix.first;
  for (const Form& f : forms_) {
    if (!f.name.matchable) continue;
    for (std::uint32_t d : f.context.docs) {
      if (first.size() < std::size_t{d} + 2) first.resize(std::size_t{d} + 2, 0);
      ++first[d + 1];
    }
  }
  for (std::size_t d = 1; d < first.size(); ++d) first[d] += first[d - 1];
  ix.forms_of.resize(first.back());
  {
    std::vector<std::uint32_t> at(first.begin(), first.end() - 1);
    for (std::uint32_t i = 0; i < forms_.size(); ++i) {
      if (!forms_[i].name.matchable) continue;
      for (std::uint32_t d : forms_[i].context.docs) ix.forms_of[at[d]++] = i;
    }
  }
  if (!any_same_as_) return ix;
  ix.later_first.assign(forms_.size() + 1, 0);
  for (std::uint32_t z = 0; z < forms_.size(); ++z) {
    for (std::uint32_t w : forms_[z].context.same_as) {
      if (w < z) ++ix.later_first[w + 1];
    }
  }
  for (std::size_t i = 1; i < ix.later_first.size(); ++i)
    ix.later_first[i] += ix.later_first[i - 1];
  ix.same_as_later.resize(ix.later_first.back());
  std::vector<std::uint32_t> at(ix.later_first.begin(), ix.later_first.end() - 1);
  for (std::uint32_t z = 0; z < forms_.size(); ++z) {
    for (std::uint32_t w : forms_[z].context.same_as) {
      if (w < z) ix.same_as_later[at[w]++] = z;
    }
  }
  return ix;
}

// Appends to `js` the forms j > i that context pairs with form i (maybe
// more than once): i's same_as links and the forms whose same_as lists i,
// and the later forms of i's type in each document of i (with no more than
// max_document_forms forms).
void NameClusterer::Run_::ContextPartners(const ContextIndex& ix, std::uint32_t i,
                                          std::vector<std::uint32_t>& js) const {
  const Form& f = forms_[i];
  for (std::uint32_t j : f.context.same_as) {
    if (j > i) js.push_back(j);
  }
  if (!ix.later_first.empty()) {
    js.insert(js.end(), ix.same_as_later.begin() + ix.later_first[i],
              ix.same_as_later.begin() + ix.later_first[i + 1]);
  }
  if (!f.name.matchable) return;
  for (std::uint32_t d : f.context.docs) {
    const auto b = ix.forms_of.begin() + ix.first[d], e = ix.forms_of.begin() + ix.first[d + 1];
    if (static_cast<std::size_t>(e - b) > c_.config_.max_document_forms) continue;
    for (auto x = std::upper_bound(b, e, i); x != e; ++x) {
      if (forms_[*x].name.type == f.name.type) js.push_back(*x);
    }
  }
}

// Steps 3 and 4: candidate pairs from blocking and context, judged in
// parallel as they are generated (never all held at once). Names are cut
// into chunks; each chunk keeps only its merges, in pair order, so memory
// follows the merges and the result does not depend on the threads.
void NameClusterer::Run_::CompareCandidates() {
  std::vector<const ParsedName*> names;
  for (const Form& f : forms_) names.push_back(&f.name);
  const Blocker::Index index = c_.blocker_.Build(names, c_.config_.threads);
  keys_.assign(forms_.size(), NameKeys{});
  // (each form taken by whichever worker is free: a name's cost follows its
  // parts, and contiguous halves of the key order are not even)
  parallel::ForEach(forms_.size(), c_.config_.threads, [&](std::size_t f) {
    keys_[f] = c_.matcher_.Keys(forms_[f].name, c_.spelling_);
  });
  const ContextIndex context_index = IndexContext();
  // (chunks taken by whichever worker is free: a form's candidates are the
  // later members of its blocks, so the cost per form falls along the order)
  const std::size_t threads = std::max<std::size_t>(1, c_.config_.threads);
  const std::size_t chunks = threads * 32;
  const std::size_t per = (forms_.size() + chunks - 1) / chunks;
  std::vector<std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, Decision>>> kept(
      chunks);
  std::vector<std::size_t> counted(chunks, 0);
  std::atomic<std::size_t> next_chunk{0};
  parallel::RunWorkers(threads, [&](std::size_t) {
    PartComparer parts(c_.spelling_);
    std::vector<std::uint32_t> js;
    for (std::size_t c; (c = next_chunk.fetch_add(1)) < chunks;) {
      const auto lo = static_cast<std::uint32_t>(std::min(forms_.size(), c * per));
      const auto hi = static_cast<std::uint32_t>(std::min(forms_.size(), (c + 1) * per));
      for (std::uint32_t i = lo; i < hi; ++i) {
        index.Candidates(i, js);
        ContextPartners(context_index, i, js);
        std::sort(js.begin(), js.end());
        js.erase(std::unique(js.begin(), js.end()), js.end());
        counted[c] += js.size();
        for (std::uint32_t j : js) {
          if (!MayMerge(i, j, parts)) continue;  // Decide would not merge them
          Decision d = Decide(i, j, parts);
          if (d.merge) kept[c].push_back({{i, j}, d});  // others: recomputed if linkage asks
        }
      }
    }
  });
  std::vector<NameKeys>().swap(keys_);  // (only candidates need them)
  for (std::size_t c = 0; c < chunks; ++c) {
    stats_.candidate_pairs += counted[c];
    for (const auto& [pair, d] : kept[c]) {
      decisions_.emplace(PairKey(pair.first, pair.second), d);
      edges_.push_back(pair);
    }
  }
}

// The decision on a pair, computed on first use (x != y).
const Decision& NameClusterer::Run_::Decided(std::uint32_t x, std::uint32_t y) {
  std::uint64_t key = PairKey(x, y);
  auto it = decisions_.find(key);
  if (it == decisions_.end() && memo != nullptr) {  // (a worker: decisions_ read-only)
    auto [mine, fresh] = memo->decisions.try_emplace(key);
    if (fresh) mine->second = Decide(std::min(x, y), std::max(x, y), memo->parts);
    return mine->second;
  }
  if (it == decisions_.end()) {
    ++stats_.linkage_checks;
    it = decisions_.emplace(key, Decide(std::min(x, y), std::max(x, y), parts_)).first;
  }
  return it->second;
}

// Whether x is a short form of z that may join it.
bool NameClusterer::Run_::ShortOf(std::uint32_t x, std::uint32_t z) {
  if (x == z) return false;
  const Decision& d = Decided(x, z);
  return d.merge && d.relation == (x < z ? Relation::kFirstShort : Relation::kSecondShort);
}

// Two forms may share a cluster when the names match at least weakly (a
// merge itself always rests on a strong pair, so weak pairs never chain),
// or when each has a
// part the other lacks but both are short forms of one longer form in
// `pool` (Jamil Khan Zarkoni and Jamil Khan Mohammadyari, given Haji Jamil
// Khan Zarkoni Mohammadyari). Without such a form, two names that differ
// in a part stay apart (Yahya Sarei / Rajeh Sarei).
bool NameClusterer::Run_::Compatible(std::uint32_t x, std::uint32_t y,
                                     const std::vector<std::uint32_t>& pool) {
  if (WeaklyCompatible(x, y)) return true;
  const Decision& d = Decided(x, y);
  if (d.blocked) return false;
  if (RespelledShort(x, y, pool) || RespelledShort(y, x, pool)) return true;
  if (d.relation != Relation::kNone && d.relation != Relation::kConflict) return false;
  if (d.relation == Relation::kConflict) {
    for (std::uint32_t z : pool) {
      if (ShortOf(x, z) && ShortOf(y, z)) return true;
    }
  }
  return ThroughAlias(x, y, pool);
}

// Whether x is another spelling of a short form of y in `pool`, all parts
// matched (Ibrahim Wathran, given Ibrahim Wadhran and Ibrahim Saeed
// Wadhran): the respelling (every part a spelling variant, none merely
// near) and the short form each rest on a strong pair.
bool NameClusterer::Run_::RespelledShort(std::uint32_t x, std::uint32_t y,
                                         const std::vector<std::uint32_t>& pool) {
  for (std::uint32_t z : pool) {
    if (z == x || z == y) continue;
    const Decision& v = Decided(x, z);
    if (v.merge && v.relation == Relation::kEqual &&
        std::string_view(v.rule) == "spelling variant" && ShortOf(z, y))
      return true;
  }
  return false;
}

// Names with nothing in common may share a cluster when the text states
// other names for them that are compatible: each side stands for itself and
// for the alias partners of the members it is compatible with (Bazooka,
// stated as Karim al-Zuwari's nickname, and Karim Zuwari; Tiger, said of
// Yasin Omar, and Kobra, said of Yasin Omar Dagane).
bool NameClusterer::Run_::ThroughAlias(std::uint32_t x, std::uint32_t y,
                                       const std::vector<std::uint32_t>& pool) {
  if (!any_same_as_) return false;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> aliases;
  for (std::uint32_t z : pool) {
    for (std::uint32_t w : forms_[z].context.same_as) {
      if (w != z && std::find(pool.begin(), pool.end(), w) != pool.end())
        aliases.emplace_back(z, w);
    }
  }
  if (aliases.empty()) return false;
  auto stands_for = [&](std::uint32_t v) {
    std::vector<std::uint32_t> out{v};
    for (auto [z, w] : aliases) {
      if (WeaklyCompatible(v, z)) out.push_back(w);
      if (WeaklyCompatible(v, w)) out.push_back(z);
    }
    return out;
  };
  for (std::uint32_t a : stands_for(x)) {
    for (std::uint32_t b : stands_for(y)) {
      if ((a != x || b != y) && WeaklyCompatible(a, b)) return true;
    }
  }
  return false;
}

bool NameClusterer::Run_::AllCompatible(const std::vector<std::uint32_t>& forms) {
  for (std::size_t a = 0; a < forms.size(); ++a) {
    for (std::size_t b = a + 1; b < forms.size(); ++b) {
      if (!Compatible(forms[a], forms[b], forms)) return false;
    }
  }
  return true;
}

// The longer forms short form `s` may join: all of them when they are
// compatible with each other; else the ones context confirms, if those are
// compatible; else none.
std::vector<std::uint32_t> NameClusterer::Run_::ShortFormCandidates(
    std::uint32_t s, const std::vector<std::uint32_t>& supers) {
  if (supers.size() <= c_.config_.max_short_form_candidates && AllCompatible(supers)) return supers;
  std::vector<std::uint32_t> keep;
  for (std::uint32_t l : supers) {
    if (context_.Judge(s, forms_[s].context, l, forms_[l].context) == ContextVerdict::kConfirm) {
      keep.push_back(l);
    }
  }
  if (keep.size() > c_.config_.max_short_form_candidates || !AllCompatible(keep)) keep.clear();
  return keep;
}

// Step 5. Verdicts are all taken before any is applied, so the order in
// which short forms are visited cannot matter: they are taken on the
// config's threads (each short form by whichever worker is free, the pairs
// it decides in that worker's Memo), then the memos are merged (each pair
// counted once as a linkage check, as one thread would) and the verdicts
// applied in form order.
void NameClusterer::Run_::DropAmbiguousShortForms() {
  std::vector<std::vector<std::uint32_t>> supers(forms_.size());
  for (auto [i, j] : edges_) {
    Relation r = decisions_[PairKey(i, j)].relation;
    if (r == Relation::kFirstShort) supers[i].push_back(j);
    if (r == Relation::kSecondShort) supers[j].push_back(i);
  }
  std::vector<std::uint32_t> shorts;  // the forms with two longer forms or more
  for (std::uint32_t s = 0; s < forms_.size(); ++s) {
    if (supers[s].size() < 2) continue;
    std::sort(supers[s].begin(), supers[s].end());
    shorts.push_back(s);
  }
  std::vector<std::vector<std::uint32_t>> keep(shorts.size());
  const std::size_t workers =
      std::clamp<std::size_t>(c_.config_.threads, 1, std::max<std::size_t>(1, shorts.size()));
  if (workers < 2) {
    for (std::size_t k = 0; k < shorts.size(); ++k)
      keep[k] = ShortFormCandidates(shorts[k], supers[shorts[k]]);
  } else {
    std::vector<Memo> memos;
    memos.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w) memos.emplace_back(c_.spelling_);
    std::atomic<std::size_t> next{0};
    parallel::RunWorkers(workers, [&](std::size_t w) {
      struct Set {  // (reset however the share ends)
        explicit Set(Memo* m) { memo = m; }
        ~Set() { memo = nullptr; }
      } set(&memos[w]);
      for (std::size_t k; (k = next.fetch_add(1)) < shorts.size();)
        keep[k] = ShortFormCandidates(shorts[k], supers[shorts[k]]);
    });
    for (Memo& m : memos) {
      for (const auto& [key, d] : m.decisions) {
        if (decisions_.emplace(key, d).second) ++stats_.linkage_checks;
      }
    }
  }
  std::vector<std::uint64_t> dropped;
  for (std::size_t k = 0; k < shorts.size(); ++k) {
    const std::uint32_t s = shorts[k];
    for (std::uint32_t l : supers[s]) {
      if (!std::binary_search(keep[k].begin(), keep[k].end(), l)) dropped.push_back(PairKey(s, l));
    }
  }
  for (std::uint64_t key : dropped) {
    Decision& d = decisions_[key];
    d.merge = d.compatible = false;
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

// Whether i and j are one full name spelled two ways: every part of both
// matched, alike or a spelling variant, or one part doubtful (weak) that
// begins with the same letter (Dalamin / Dalaiman; not Yozada / Shuzada).
bool NameClusterer::Run_::FullVariant(std::uint32_t i, std::uint32_t j) {
  const Decision& d = Decided(i, j);
  if (!d.merge || d.relation != Relation::kEqual) return false;
  const std::string_view rule = d.rule;
  if (rule == "spelling variant" || rule == "same name") return true;
  if (rule != "spelling variant (one part weak)") return false;
  const ParsedName &a = forms_[i].name, &b = forms_[j].name;
  const PairMatch m = c_.matcher_.Compare(a, b, parts_);
  return std::all_of(m.links.begin(), m.links.end(), [&](const PartLink& l) {
    if (l.level != PartLevel::kWeak) return true;
    const std::string &x = a.parts[l.a_begin].text, &y = b.parts[l.b_begin].text;
    return !x.empty() && !y.empty() && x[0] == y[0];
  });
}

// Whether y merges on its own with a full spelling variant of x in x's
// cluster (FullVariant), every part of that pair well matched (none
// doubtful): one odd spelling in a cluster (Tarek Yunis Kamadin beside
// Tarek Yunis Kamaidan) does not keep out a name its other spellings agree
// with (Tarek Yunis Abd al-Sami Kumaidan). Not when y is a short form of
// that variant: a short form with another given name (Shamil Karam, given
// Samuel Karam El-Nadi beside Samwil Karam Al-Nadi) is another person as
// often as not.
bool NameClusterer::Run_::ThroughVariant(std::uint32_t x, std::uint32_t y) {
  // (only names that conflict, not ones context sets apart; and only full
  // names: Mr. Dorsan and Mrs. Dorsan are one written name, not one person)
  if (Decided(x, y).relation != Relation::kConflict || NameParts(forms_[x].name) < 2) return false;
  for (std::uint32_t z : members_[owner_[x]]) {
    if (z == x || NameParts(forms_[z].name) < 2 || !FullVariant(x, z) || !Mergeable(z, y) ||
        ShortOf(y, z)) {
      continue;
    }
    const PairMatch m = c_.matcher_.Compare(forms_[z].name, forms_[y].name, parts_);
    if (std::none_of(m.links.begin(), m.links.end(),
                     [](const PartLink& l) { return l.level == PartLevel::kWeak; })) {
      return true;
    }
  }
  return false;
}

// Merges the clusters of i and j when every member of one may share a
// cluster with every member of the other (complete linkage). When i and j
// are one full name spelled two ways, a share of the member pairs
// (ClusterConfig::variant_linkage_min_share) is enough, none blocked by
// context: one odd spelling in a cluster (Al-Mutaqy beside Al-Mutky) does not
// keep out another spelling of the same full name (Al-Matqi). A member pair
// that may not share a cluster still counts as compatible when one side's
// full spelling variant vouches for the other (ThroughVariant).
bool NameClusterer::Run_::TryMerge(std::uint32_t i, std::uint32_t j) {
  std::uint32_t a = owner_[i], b = owner_[j];
  if (a == b) return false;
  if (members_[a].size() * members_[b].size() > c_.config_.max_linkage_checks) return false;
  std::vector<std::uint32_t> pool = members_[a];
  pool.insert(pool.end(), members_[b].begin(), members_[b].end());
  const bool variant = FullVariant(i, j);
  std::size_t compatible = 0;
  for (std::uint32_t x : members_[a]) {
    for (std::uint32_t y : members_[b]) {
      if (Compatible(x, y, pool) || ThroughVariant(x, y) || ThroughVariant(y, x)) {
        ++compatible;
      } else if (!variant || Decided(x, y).blocked) {
        return false;
      }
    }
  }
  const std::size_t pairs = members_[a].size() * members_[b].size();
  if (compatible < pairs &&
      static_cast<double>(compatible) < c_.config_.variant_linkage_min_share * pairs) {
    return false;
  }
  // The smaller cluster joins the larger (ties: the later root joins).
  if (members_[b].size() > members_[a].size() ||
      (members_[b].size() == members_[a].size() && b < a)) {
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
  // (the order std::sort gives the clusters themselves, found on their
  // numbers and then moved once: its steps depend only on the comparisons,
  // so ids that tie keep the same order as well)
  std::vector<std::uint32_t> order(out.clusters.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&out](std::uint32_t x, std::uint32_t y) {
    return out.clusters[x].id < out.clusters[y].id;
  });
  std::vector<Cluster> sorted;
  sorted.reserve(order.size());
  for (std::uint32_t k : order) sorted.push_back(std::move(out.clusters[k]));
  out.clusters = std::move(sorted);
  out.cluster_of.assign(in_.size(), -1);
  for (std::size_t k = 0; k < out.clusters.size(); ++k) {
    for (std::size_t i : out.clusters[k].inputs) out.cluster_of[i] = static_cast<std::ptrdiff_t>(k);
  }
  stats_.inputs = in_.size();
  out.stats = stats_;
  return out;
}

Clustering NameClusterer::Run_::Go() {
  BuildForms();  // 1. parse, group by key
  AssignPartIds();
  Weigh();  // 2. rarity
  AddContexts();
  CompareCandidates();        // 3–4. blocking, names + context
  DropAmbiguousShortForms();  // 5.
  Link();                     // 6. complete linkage
  return Output();
}

// ---------------------------------------------------------------- NameClusterer

namespace {
// The parser's config, its memo shared by the threads when they are two or
// more (ParserConfig::shared_memo: the map's and the fold's threads parse
// names the others have parsed).
ParserConfig WithSharedMemo(ParserConfig config, bool several_threads) {
  config.shared_memo = config.shared_memo || several_threads;
  return config;
}
}  // namespace

NameClusterer::NameClusterer(const ClusterConfig& config, const rules::RuleSet& rules)
    : config_(config),
      spelling_(rules, config.spelling),
      parser_(rules, WithSharedMemo(config.parser, config.threads >= 2), spelling_),
      matcher_(config.matcher),
      blocker_(config.blocking),
      role_synonyms_(ContextTable::LoadRoleSynonyms(rules)) {}

NameClusterer::~NameClusterer() = default;

Clustering NameClusterer::Run(std::span<const NameInput> inputs) const {
  Run_ run(*this, inputs);
  return run.Go();
}

}  // namespace whosaid::entities
