#include "claims/claims_stage.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/release.h"
#include "core/view_hash.h"

namespace whosaid::claims {
namespace {

// The features of the items (StatementInputs): from their document's
// summary while it has its records, else from `spilled`.
class SummaryFeatures : public FeatureSource {
 public:
  SummaryFeatures(const std::vector<FoldedDoc>& docs, const PackedItems& items,
                  const FeatureSource* spilled)
      : docs_(docs), items_(items), spilled_(spilled) {}
  bool Held(std::size_t i, const ItemFeatures*& features, const TermUses*& uses) const override {
    const PackedItem& item = items_.items[i];
    const DocClaims* summary = docs_[item.doc].claims;
    const std::size_t record = item.record;
    if (!summary || record >= summary->records.size()) return false;
    features = &summary->records[record].features;
    uses = &summary->records[record].doc_uses;
    return true;
  }
  void Read(std::size_t i, ItemFeatures& features, TermUses& uses) const override {
    if (!spilled_) throw std::logic_error("claims: an item's features are neither held nor given");
    spilled_->Read(i, features, uses);
  }
  void ReadMany(const std::vector<std::size_t>& items,
                const std::vector<Into>& into) const override {
    if (!spilled_) throw std::logic_error("claims: an item's features are neither held nor given");
    spilled_->ReadMany(items, into);
  }

 private:
  const std::vector<FoldedDoc>& docs_;
  const PackedItems& items_;
  const FeatureSource* spilled_;
};

std::string SpanText(const Document& doc, Span s) {
  s.end = std::min(s.end, doc.text.size());
  s.begin = std::min(s.begin, s.end);
  return doc.text.substr(s.begin, s.end - s.begin);
}

bool Kinetic(const events::DocEvent& e) {
  return !e.type_path.empty() && e.type_path.front() == "armed action";
}

// The event a figure outside any dated record is about: the document's armed
// action with the most mentions (casualties are counted for violence), else
// its most mentioned event that is not a local occasion (statement, meeting).
int DominantEvent(const events::DocEvents& ev) {
  int best = -1;
  auto better = [&](int k) {
    if (best < 0) return true;
    const events::DocEvent& a = ev.events[static_cast<std::size_t>(k)];
    const events::DocEvent& b = ev.events[static_cast<std::size_t>(best)];
    if (Kinetic(a) != Kinetic(b)) return Kinetic(a);
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.first_byte < b.first_byte;
  };
  for (std::size_t k = 0; k < ev.events.size(); ++k) {
    if (ev.events[k].local && !Kinetic(ev.events[k])) continue;
    if (k >= ev.global.size() || ev.global[k].id.empty()) continue;
    if (better(static_cast<int>(k))) best = static_cast<int>(k);
  }
  return best;
}

// The occasion of a document's figures (occasions.h): their event, its root
// type, date and places, the other events it reports and the speakers it
// quotes.
Occasion MakeOccasion(const std::string& doc, const DocResult& result) {
  Occasion o;
  o.doc = doc;
  const events::DocEvents& ev = result.events;
  o.date = ev.anchor;
  const int dominant = DominantEvent(ev);
  if (dominant >= 0) {
    const events::DocEvent& e = ev.events[static_cast<std::size_t>(dominant)];
    o.event = ev.global[static_cast<std::size_t>(dominant)].id;
    if (!e.type_path.empty()) o.root = e.type_path.front();
    if (e.date) o.date = e.date;
    for (const events::EventPlace& p : e.places) {
      if (!p.known || p.path.empty()) continue;
      o.countries.push_back(p.path.front());
      o.places.insert(o.places.end(), p.path.begin() + 1, p.path.end());
    }
  }
  for (std::size_t k = 0; k < ev.events.size() && k < ev.global.size(); ++k) {
    if (!ev.events[k].local && !ev.global[k].id.empty()) o.events.push_back(ev.global[k].id);
  }
  std::map<std::string, int> quoted;
  for (const QuoteRecord& q : result.quotes) {
    if (q.speaker && !q.speaker->entity.empty()) ++quoted[q.speaker->entity];
  }
  int most = 0;
  for (const auto& [id, n] : quoted) most = std::max(most, n);
  for (const auto& [id, n] : quoted) {
    o.speakers.push_back(id);
    if (n == most) o.main.push_back(id);
  }
  for (auto* list : {&o.countries, &o.places, &o.events}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return o;
}

}  // namespace

ClaimsStage::ClaimsStage(const ClaimsConfig& config, const rules::RuleSet& rules)
    : config_(config), lexicon_(config.terms, rules), occasions_(ReadOccasionRules(rules)) {
  const rules::RuleFile& file = rules.File("claims/check_worthy.txt");
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || (f[0] != "date" && f[0] != "comparison")) {
      throw file.Error(line, "expected 'date | WORDS' or 'comparison | WORDS'");
    }
    std::unordered_set<std::string>& into = f[0] == "date" ? dates_ : comparisons_;
    std::size_t i = 0;
    while (i < f[1].size()) {
      std::size_t j = f[1].find(' ', i);
      if (j == std::string::npos) j = f[1].size();
      if (j > i) into.insert(f[1].substr(i, j - i));
      i = j + 1;
    }
  }
}

void ClaimsStage::Rate(const std::vector<FoldedDoc>& docs, const std::vector<FigureLine>& lines,
                       Statement& st) const {
  bool figure = false, conflict = false, date = false, comparison = false;
  for (const RecordRef& r : st.members) {
    const DocResult& result = *docs[r.doc].result;
    const Span q = result.quotes[r.record].quote;
    for (const Figure& f : result.figures) figure |= q.begin <= f.span.begin && f.span.end <= q.end;
    WordLetters letters;
    for (const RawWord& w : ScanWords(docs[r.doc].claims->records[r.record].text, true, letters)) {
      const std::string lower(w.lower);
      date |= dates_.count(lower) > 0 ||
              (w.lower.size() == 4 && w.lower >= "1900" && w.lower <= "2100" &&
               std::all_of(w.lower.begin(), w.lower.end(),
                           [](char c) { return c >= '0' && c <= '9'; }));
      comparison |= comparisons_.count(lower) > 0;
    }
  }
  for (const FigureLine& line : lines) {
    if (!line.conflict) continue;
    for (const SourcedFigure& f : line.figures) {
      if (f.figure.record < 0) continue;
      for (const RecordRef& r : st.members) {
        conflict |= f.doc_index == r.doc && static_cast<std::size_t>(f.figure.record) == r.record;
      }
    }
  }
  if (figure) st.check_worthy.push_back("figure");
  if (conflict) st.check_worthy.push_back("conflict");
  if (date) st.check_worthy.push_back("date");
  if (comparison) st.check_worthy.push_back("comparison");
}

DocFigures ClaimsStage::Figures(const Document& doc, const DocResult& result) const {
  (void)doc;
  DocFigures out;
  const int dominant = DominantEvent(result.events);
  for (const Figure& f : result.figures) {
    EventRef e;
    if (dominant >= 0) {
      e = result.events.global[static_cast<std::size_t>(dominant)];
    } else if (f.record >= 0 && result.quotes[static_cast<std::size_t>(f.record)].event) {
      e = *result.quotes[static_cast<std::size_t>(f.record)].event;
    }
    out.events.push_back(std::move(e));
  }
  return out;
}

void ClaimsStage::Diff(const std::vector<FoldedDoc>& docs, Statement& st) const {
  // The majority wording among the direct appearances.
  std::map<std::string, std::vector<std::size_t>> wordings;  // spelling keys → members
  std::vector<std::string> texts(st.members.size());
  for (std::size_t m = 0; m < st.members.size(); ++m) {
    const RecordRef& r = st.members[m];
    const QuoteRecord& q = docs[r.doc].result->quotes[r.record];
    texts[m] = docs[r.doc].claims->records[r.record].text;
    if (q.kind != QuoteKind::kDirect) continue;
    std::string key;
    for (const SpelledWord& w : lexicon_.Words(texts[m])) key += w.key + ' ';
    wordings[key].push_back(m);
  }
  if (wordings.empty()) {
    // No direct quote: the longest report stands for it.
    for (std::size_t m = 1; m < st.members.size(); ++m) {
      if (texts[m].size() > texts[st.wording].size()) st.wording = m;
    }
    return;
  }
  const std::vector<std::size_t>* major = nullptr;
  for (const auto& [key, members] : wordings) {
    if (!major || members.size() > major->size() ||
        (members.size() == major->size() && members.front() < major->front())) {
      major = &members;
    }
  }
  st.wording = major->front();
  const std::size_t a = st.wording;
  for (const auto& [key, members] : wordings) {
    if (&members == major) continue;
    for (std::size_t b : members) {
      if (st.members[b].doc == st.members[a].doc) continue;
      std::vector<WordChange> changes = DiffWords(texts[a], texts[b], lexicon_);
      if (!changes.empty()) st.diffs.push_back({a, b, std::move(changes)});
    }
  }
}

DocClaims ClaimsStage::Summarize(const Document& doc, const DocResult& result) const {
  DocClaims out;
  out.id = doc.id;
  out.date = doc.date;
  if (result.quotes.empty()) return out;
  // The text's words and their terms once (the records' are read from
  // them), each term's uses in the whole document by key id.
  ScannedText scanned(lexicon_, doc.text);
  const bool topic = config_.statements.topic_uses > 0;
  const std::vector<int> uses = topic ? scanned.KeyUses() : std::vector<int>();
  std::vector<std::uint32_t> ids;
  std::vector<std::pair<std::string_view, int>> doc_uses;  // (a record's, reused)
  out.records.reserve(result.quotes.size());  // (a record is large: not moved as they grow)
  for (const QuoteRecord& q : result.quotes) {
    RecordClaims& r = out.records.emplace_back();
    ids.clear();
    r.features = ItemFeatures::Of(scanned, q.quote, q.kind == QuoteKind::kDirect, &ids);
    // (views of the record's terms: no string made until TermUses packs them)
    doc_uses.clear();
    if (topic) {
      std::size_t k = 0;
      for (const PackedWords::Word t : r.features.terms) {
        const std::uint32_t id = ids[k++];
        // (a key no word of the whole text has: an id past its counts)
        if (id < uses.size() && uses[id] > 1) doc_uses.emplace_back(t.key, uses[id]);
      }
    }
    std::sort(doc_uses.begin(), doc_uses.end());
    doc_uses.erase(std::unique(doc_uses.begin(), doc_uses.end()), doc_uses.end());
    for (const auto& [key, count] : doc_uses) r.doc_uses.Add(key, count);
    if (q.speaker) r.mention = SpanText(doc, q.speaker->mention);
    if (config_.details) r.text = SpanText(doc, q.quote);
  }
  return out;
}

ClaimsResult ClaimsStage::Run(const std::vector<ClaimsDoc>& docs) const {
  std::vector<DocClaims> summaries;
  summaries.reserve(docs.size());
  for (const ClaimsDoc& d : docs) summaries.push_back(Summarize(*d.doc, *d.result));
  std::vector<FoldedDoc> folded;
  folded.reserve(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    folded.push_back({&summaries[d], docs[d].result, docs[d].figures});
  }
  return Run(folded);
}

ClaimsResult ClaimsStage::Run(const std::vector<FoldedDoc>& docs) const {
  StatementInputs inputs;
  std::size_t records = 0;  // reserved: a million items are not grown by doubling
  for (const FoldedDoc& d : docs)
    records += std::min(d.result->quotes.size(), d.claims->records.size());
  inputs.items.items.reserve(records);
  for (std::size_t d = 0; d < docs.size(); ++d) AddItems(d, docs[d], inputs);
  return Run(docs, inputs);
}

void ClaimsStage::AddItems(std::size_t d, const FoldedDoc& doc, StatementInputs& into) const {
  const DocClaims& summary = *doc.claims;
  const auto& quotes = doc.result->quotes;
  PackedItems& items = into.items;
  if (!quotes.empty() && !summary.records.empty()) items.SetDoc(d, summary.id, summary.date);
  for (std::size_t r = 0; r < quotes.size() && r < summary.records.size(); ++r) {
    const QuoteRecord& q = quotes[r];
    PackedItem item;
    item.doc = static_cast<std::uint32_t>(d);
    if (r >= (std::size_t{1} << 31)) throw std::length_error("a document of over 2^31 records");
    item.record = static_cast<std::uint32_t>(r);
    item.direct = q.kind == QuoteKind::kDirect;
    item.start = static_cast<std::uint32_t>(q.quote.begin);
    item.end = static_cast<std::uint32_t>(q.quote.end);
    if (q.speaker) {
      item.speaker = items.Intern(q.speaker->entity);
      item.role = items.Intern(q.speaker->role);
      if (item.speaker == 0) item.mention = items.Intern(summary.records[r].mention);
    }
    if (q.event) {
      item.event = items.Intern(q.event->id);
      item.day = static_cast<std::int32_t>(DayNumber(q.event->when));
    }
    items.items.push_back(item);
  }
}

void ClaimsStage::AppendItems(StatementInputs&& from, StatementInputs& into) {
  into.items.Append(std::move(from.items));
  from = {};
}

ClaimsResult ClaimsStage::Run(const std::vector<FoldedDoc>& docs, const StatementInputs& inputs,
                              unsigned threads) const {
  // 1. Statements over every record.
  const std::vector<PackedItem>& items = inputs.items.items;
  StatementGroups groups =
      StatementGrouper(config_.statements, lexicon_)
          .Run(inputs.items, SummaryFeatures(docs, inputs.items, inputs.features), threads);
  auto ref = [&](std::size_t i) {
    return RecordRef{items[i].doc, static_cast<std::uint32_t>(items[i].record)};
  };
  ClaimsResult out;
  {
    // a summary has a record per quote (Summarize); one whose records went
    // has a statement per item: one per record
    std::vector<std::uint32_t> records(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) {
      records[d] = static_cast<std::uint32_t>(docs[d].result ? docs[d].result->quotes.size()
                                                             : docs[d].claims->records.size());
    }
    for (const PackedItem& item : items)
      records[item.doc] = std::max(records[item.doc], static_cast<std::uint32_t>(item.record) + 1);
    RecordStatements& of = out.statement_of;
    of.first.reserve(docs.size() + 1);
    for (std::uint32_t n : records) of.first.push_back(of.first.back() + n);
    Release(records);
    of.of.assign(of.first.back(), 0);
    for (std::size_t i = 0; i < items.size(); ++i)
      of.of[of.first[items[i].doc] + static_cast<std::uint32_t>(items[i].record)] =
          static_cast<std::uint32_t>(groups.of[i]);
  }
  Release(groups.of);
  if (config_.details) {
    for (std::size_t s = 0; s < groups.size(); ++s) {
      Statement st;
      st.id = StatementGroups::Id(s);
      st.appearances = groups.appearances[s];
      for (std::size_t k = groups.first[s]; k < groups.first[s + 1]; ++k)
        st.members.push_back(ref(groups.members[k]));
      Diff(docs, st);
      out.statements.push_back(std::move(st));
    }
  } else {
    out.appearances = std::move(groups.appearances);
  }
  groups = {};
  // 2. Figure lines, by the occasion of each document's figures (made
  //    here for a document given with its result only).
  std::vector<std::size_t> with_figures;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].figure_inputs || (docs[d].result && !docs[d].result->figures.empty()))
      with_figures.push_back(d);
  }
  std::vector<DocFigureInputs> made;
  made.reserve(with_figures.size());
  std::vector<const DocFigureInputs*> inputs_of;
  std::vector<Occasion> occasions;
  for (std::size_t d : with_figures) {
    if (!docs[d].figure_inputs) made.push_back(FigureInputs(d, docs[d]));
    inputs_of.push_back(docs[d].figure_inputs ? docs[d].figure_inputs : &made.back());
    occasions.push_back(inputs_of.back()->occasion);
  }
  const std::vector<std::size_t> joined = JoinOccasions(occasions, occasions_);
  std::vector<SourcedFigure> figures;
  for (std::size_t k = 0; k < joined.size(); ++k) {
    for (const SourcedFigure& f : inputs_of[k]->figures) {
      figures.push_back(f);
      figures.back().occasion = occasions[joined[k]].doc;
    }
  }
  out.lines = BuildLines(std::move(figures), config_.figures);
  if (config_.details) {
    for (Statement& st : out.statements) Rate(docs, out.lines, st);
  }
  return out;
}

DocFigureInputs ClaimsStage::FigureInputs(std::size_t d, const FoldedDoc& doc) const {
  DocFigureInputs out;
  out.occasion = MakeOccasion(doc.claims->id, *doc.result);
  const DocFigures* f = doc.figures;
  const std::vector<Figure>& found = doc.result->figures;
  for (std::size_t k = 0; k < found.size(); ++k) {
    SourcedFigure s;
    s.figure = found[k];
    s.event = f && k < f->events.size() ? f->events[k].id : "";
    s.doc = doc.claims->id;
    s.doc_index = d;
    if (s.figure.record >= 0) {
      const QuoteRecord& q = doc.result->quotes[static_cast<std::size_t>(s.figure.record)];
      if (q.speaker) {
        s.source_entity = q.speaker->entity;
        s.source_name = q.speaker->name;
      }
    }
    out.figures.push_back(std::move(s));
  }
  return out;
}

void ClaimsStage::Apply(const ClaimsResult& claims, std::size_t doc, DocResult& result) {
  if (doc >= claims.statement_of.size()) return;
  const auto& of = claims.statement_of[doc];
  for (std::size_t r = 0; r < result.quotes.size() && r < of.size(); ++r) {
    result.quotes[r].statement = claims.Ref(of[r]);
  }
}

}  // namespace whosaid::claims
