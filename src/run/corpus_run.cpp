#include "run/corpus_run.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "claims/summary_codec.h"
#include "core/allocator.h"
#include "core/parallel.h"
#include "core/partial_codec.h"
#include "core/release.h"
#include "entities/name_parser.h"
#include "run/partial_map.h"
#include "run/spilled_features.h"

namespace whosaid::run {
namespace {

// About the bytes a held partial takes (its strings and records).
std::size_t Footprint(const Partial& p) {
  constexpr std::size_t kPerRecord = 256, kPerFigure = 96;
  std::size_t n = sizeof(Partial) + p.quotes.size() * kPerRecord + p.figures.size() * kPerFigure;
  for (const TextPiece& t : p.pieces) n += sizeof(TextPiece) + t.text.size();
  for (const QuoteRecord& q : p.quotes) {
    n += q.rule.size();
    if (q.speaker) n += q.speaker->name.size() + q.speaker->role.size();
  }
  return n;
}

// A byte offset of the text mapped into the pieces laid end to end: monotone,
// exact inside a piece, and a gap maps to the end of the piece before it.
class Rebase {
 public:
  explicit Rebase(const std::vector<TextPiece>& pieces) : pieces_(pieces) {
    std::size_t at = 0;
    for (const TextPiece& t : pieces) {
      starts_.push_back(at);
      at += t.text.size();
    }
  }
  std::size_t operator()(std::size_t byte) const {
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), byte,
                               [](std::size_t b, const TextPiece& t) { return b < t.byte; });
    if (it == pieces_.begin()) return 0;
    const auto k = static_cast<std::size_t>(it - pieces_.begin()) - 1;
    return starts_[k] + std::min(byte - pieces_[k].byte, pieces_[k].text.size());
  }
  Span operator()(Span s) const { return {(*this)(s.begin), (*this)(s.end)}; }

 private:
  const std::vector<TextPiece>& pieces_;
  std::vector<std::size_t> starts_;
};

// What the claims stage reads of a document, small: a text of its pieces
// laid end to end and its records and figures with their spans moved into
// it. The claims stage reads only quote texts and compares spans, which the
// move keeps (it is monotone and exact inside a piece). Summarize reads the
// text; the rest of the stage reads none.
void CompactForClaims(const Partial& p, Document& doc, DocResult& result,
                      std::vector<std::pair<Span, Span>>& figure_spans) {
  doc.id = p.doc.id;
  doc.outlet = p.doc.outlet;
  doc.date = p.doc.date;
  for (const TextPiece& t : p.pieces) doc.text += t.text;
  const Rebase rebase(p.pieces);
  result.quotes = p.quotes;
  for (QuoteRecord& q : result.quotes) {
    q.quote = rebase(q.quote);
    if (q.cue) q.cue = rebase(*q.cue);
    if (q.speaker) q.speaker->mention = rebase(q.speaker->mention);
  }
  result.figures = p.figures;
  for (claims::Figure& f : result.figures) {
    const Span original = f.span;
    f.span = rebase(f.span);
    figure_spans.emplace_back(f.span, original);
  }
}

// About the bytes a document's name inputs take.
std::size_t Footprint(const PartialNames& n) {
  constexpr std::size_t kPerInput = 320, kPerForm = 64, kPerCandidate = 48;
  std::size_t bytes = sizeof(PartialNames) + n.inputs.size() * kPerInput +
                      n.forms.size() * kPerForm + n.candidates.size() * kPerCandidate +
                      n.record_input.size() * sizeof(std::ptrdiff_t);
  for (const PartialName& x : n.inputs) bytes += x.name.size();
  for (const PartialForm& f : n.forms) bytes += f.form.size();
  for (const PartialCandidate& c : n.candidates) bytes += c.word.size();
  return bytes;
}

// About the bytes a document's events take.
std::size_t Footprint(const events::DocEvents& e) {
  constexpr std::size_t kPerEvent = 256, kPerPlace = 96;
  std::size_t bytes =
      sizeof(events::DocEvents) + e.events.size() * kPerEvent + e.quote_event.size() * sizeof(int);
  for (const events::DocEvent& x : e.events) bytes += x.places.size() * kPerPlace;
  return bytes;
}

// About the bytes a document's claims summary and slim records take.
template <typename DocForClaims>
std::size_t ClaimsFootprint(const DocForClaims& c) {
  constexpr std::size_t kPerWord = 8;
  std::size_t bytes = sizeof(DocForClaims) + c.summary.id.size() + c.summary.date.size() +
                      c.summary.records.size() * sizeof(claims::RecordClaims) +
                      c.result.quotes.size() * sizeof(QuoteRecord);
  for (const claims::RecordClaims& r : c.summary.records) {
    bytes += (r.features.terms.size() + r.features.wording.size() + r.doc_uses.size()) * kPerWord +
             r.mention.size() + r.text.size();
  }
  for (const QuoteRecord& q : c.result.quotes) {
    if (q.speaker)
      bytes += q.speaker->entity.size() + q.speaker->name.size() + q.speaker->role.size();
  }
  bytes += c.result.figures.size() * (sizeof(claims::Figure) + 2 * sizeof(Span));
  return bytes;
}

// What the claims stage's Run reads of a record once its summary is made
// (ClaimsStage::Summarize): its kind, quote span, speaker entity, name and
// role, event. The rest goes, and what stays is held at its size (it is
// held to the end of the run).
void SlimForClaims(claims::DocClaims& summary, DocResult& result) {
  for (QuoteRecord& q : result.quotes) {
    q.rule = {};
    q.cue.reset();
    if (q.speaker) q.speaker->affiliation = {};
  }
  result.quotes.shrink_to_fit();
  result.figures.shrink_to_fit();
  summary.records.shrink_to_fit();
  for (claims::RecordClaims& r : summary.records) {
    r.features.terms.Compact();
    r.features.wording.Compact();
    r.doc_uses.Compact();
  }
}

// Of a record's event, the claims stage's Run reads the id and date; the
// whole EventRef only for a document with figures (ClaimsStage::Figures).
void SlimEvents(DocResult& result) {
  if (!result.figures.empty()) return;
  for (QuoteRecord& q : result.quotes) {
    if (!q.event) continue;
    q.event->type = {};
    q.event->where = {};
    q.event->label = {};
  }
}

// Each of the document's events' run-wide EventRef (DocEvents::global).
void SetGlobal(const events::EventIndex& index, std::size_t doc, events::DocEvents& events) {
  events.global.clear();
  for (std::size_t e = 0; e < events.events.size(); ++e) {
    events.global.push_back(index.Ref(doc, static_cast<int>(e)).value_or(EventRef{}));
  }
}

// Reads back items [0, n), kBatch at a time: take(i, bytes) moves a held
// item into place and returns false, or reads a spilled one's bytes into
// `bytes` and returns true (on this thread: the spill file is read here
// only); decode(i, bytes) then runs on up to `threads` threads.
template <typename Take, typename Decode>
void ReadBack(std::size_t n, unsigned threads, Take&& take, Decode&& decode) {
  constexpr std::size_t kBatch = 256;
  std::vector<std::string> bytes;
  std::vector<char> spilled;
  for (std::size_t b = 0; b < n; b += kBatch) {
    const std::size_t m = std::min(kBatch, n - b);
    bytes.assign(m, std::string());
    spilled.assign(m, 0);
    for (std::size_t i = 0; i < m; ++i) spilled[i] = take(b + i, bytes[i]) ? 1 : 0;
    parallel::ForEach(m, threads, [&](std::size_t i) {
      if (spilled[i]) decode(b + i, bytes[i]);
    });
  }
}

}  // namespace

void CorpusRun::Doc::SetSlot(Kind kind, SpillFile::Slot slot) {
  if (slot.size > UINT32_MAX)
    throw std::length_error("CorpusRun: a document's spilled records over 4 GiB");
  at[kind] = slot.offset;
  size[kind] = static_cast<std::uint32_t>(slot.size);
}

void CorpusRun::Add(Partial partial) {
  if (docs_.size() >= UINT32_MAX) throw std::length_error("CorpusRun: over 4G documents");
  keys_.push_back({partial.doc.id, partial.doc.outlet});
  try {
    docs_.emplace_back();
  } catch (...) {
    keys_.pop_back();  // (docs_ and keys_ stay aligned)
    throw;
  }
  Doc& doc = docs_.back();
  doc.ordinal = partial.ordinal;
  stages_.entities->Note(partial.names);
  if (stages_.keep_documents && stages_.claims && partial.prepared &&
      static_cast<const DocForClaims*>(partial.prepared.get())->encoded_all) {
    // encoded by Prepare on a worker: the run spills
    auto claims = std::static_pointer_cast<DocForClaims>(std::move(partial.prepared));
    doc.SetSlot(Doc::kNames, spills_[0]->names.Append(claims->names_bytes));
    doc.SetSlot(Doc::kEvents, spills_[0]->events.Append(claims->events_bytes));
    doc.SetSlot(Doc::kPartial, spills_[0]->partials.Append(claims->partial_bytes));
    claims->names_bytes = claims->events_bytes = claims->partial_bytes = {};
    HoldClaims(doc, std::move(claims));
    return;
  }
  HoldNames(doc, std::move(partial.names));
  if (!stages_.keep_documents) return;  // only the names are needed
  if (stages_.claims) {
    if (!partial.prepared) Prepare(partial, false);
    HoldClaims(doc, std::static_pointer_cast<DocForClaims>(std::move(partial.prepared)));
  }
  HoldEvents(doc, std::move(partial.events));
  partial.events = {};  // kept apart, as the names are
  partial.names = {};
  partial.names.record_input.assign(partial.quotes.size(), -1);
  Hold(doc, std::move(partial));
}

void CorpusRun::Prepare(Partial& partial) const { Prepare(partial, true); }

void CorpusRun::Prepare(Partial& partial, bool encode_all) const {
  if (!stages_.keep_documents || !stages_.claims || partial.prepared) return;
  auto claims = std::make_shared<DocForClaims>();
  Document compact;
  CompactForClaims(partial, compact, claims->result, claims->figure_spans);
  claims->summary = stages_.claims->Summarize(compact, claims->result);
  SlimForClaims(claims->summary, claims->result);
  if (spilling_.load(std::memory_order_relaxed)) {
    // it will be spilled (Fits says no once the run spills): encoded here
    claims->records = static_cast<std::uint32_t>(claims->summary.records.size());
    claims->bytes = claims::EncodeSummary(claims->summary, claims->result.quotes,
                                          claims->result.figures, claims->figure_spans);
    claims->figure_spans = {};
    claims->encoded = true;
    claims->summary = {};
    claims->result = {};
  }
  if (encode_all && spilling_.load(std::memory_order_relaxed)) {
    // so will the rest (Add as Hold, HoldNames and HoldEvents would)
    claims->names_bytes = EncodeNames(partial.names);
    claims->events_bytes = EncodeEvents(partial.events);
    PartialNames names = std::move(partial.names);
    partial.events = {};
    partial.names = {};
    partial.names.record_input.assign(partial.quotes.size(), -1);
    claims->partial_bytes = EncodeSpilledPartial(partial);
    partial.names = std::move(names);
    Release(partial.pieces);
    Release(partial.quotes);
    Release(partial.figures);
    claims->encoded_all = true;
  }
  partial.prepared = std::move(claims);
}

void CorpusRun::SpillHeld() {
  spills_.push_back(std::make_unique<Spills>());
  spilling_.store(true, std::memory_order_relaxed);
  for (Doc& d : docs_) {
    if (d.names) {
      d.SetSlot(Doc::kNames, spills_[0]->names.Append(EncodeNames(*d.names)));
      d.names.reset();
    }
    if (d.events) {
      d.SetSlot(Doc::kEvents, spills_[0]->events.Append(EncodeEvents(*d.events)));
      d.events.reset();
    }
    if (d.held) {
      d.SetSlot(Doc::kPartial, spills_[0]->partials.Append(EncodeSpilledPartial(*d.held)));
      d.held.reset();
    }
    if (d.claims) SpillClaims(d, spills_[0]->claims);
  }
  held_bytes_ = 0;
}

void CorpusRun::SpillClaims(Doc& doc, SpillFile& spill) {
  doc.SetSlot(Doc::kClaims, spill.Append(claims::EncodeSummary(
                                doc.claims->summary, doc.claims->result.quotes,
                                doc.claims->result.figures, doc.claims->figure_spans)));
  doc.claims_spilled = true;
  doc.claims.reset();
}

void CorpusRun::HoldClaims(Doc& doc, std::shared_ptr<DocForClaims>&& claims) {
  if (claims->encoded) {  // by Prepare: the run spills
    doc.claims_records = claims->records;
    doc.SetSlot(Doc::kClaims, spills_[0]->claims.Append(claims->bytes));
    doc.claims_spilled = true;
    return;
  }
  doc.claims_records = static_cast<std::uint32_t>(claims->summary.records.size());
  doc.claims = std::move(claims);
  if (Fits(ClaimsFootprint(*doc.claims))) return;
  // the Fits that starts the spill has spilled every held document, this one included
  if (doc.claims) SpillClaims(doc, spills_[0]->claims);
}

bool CorpusRun::Fits(std::size_t bytes) {
  if (spills_.empty() && held_bytes_ + bytes <= stages_.memory_budget) {
    held_bytes_ += bytes;
    return true;
  }
  if (spills_.empty()) SpillHeld();  // over budget: spill what is held, then everything
  return false;
}

void CorpusRun::Hold(Doc& doc, Partial&& partial) {
  if (Fits(Footprint(partial)))
    doc.held = std::make_unique<Partial>(std::move(partial));
  else
    doc.SetSlot(Doc::kPartial, spills_[0]->partials.Append(EncodeSpilledPartial(partial)));
}

void CorpusRun::HoldNames(Doc& doc, PartialNames&& names) {
  if (Fits(Footprint(names)))
    doc.names = std::make_unique<PartialNames>(std::move(names));
  else
    doc.SetSlot(Doc::kNames, spills_[0]->names.Append(EncodeNames(names)));
}

void CorpusRun::HoldEvents(Doc& doc, events::DocEvents&& events) {
  if (Fits(Footprint(events)))
    doc.events = std::make_unique<events::DocEvents>(std::move(events));
  else
    doc.SetSlot(Doc::kEvents, spills_[0]->events.Append(EncodeEvents(events)));
}

events::DocEvents CorpusRun::TakeEvents(Doc& doc) {
  if (!doc.events) return DecodeEvents(spills_[doc.spill]->events.Read(doc.SlotOf(Doc::kEvents)));
  events::DocEvents e = std::move(*doc.events);
  doc.events.reset();
  return e;
}

PartialNames CorpusRun::TakeNames(Doc& doc) {
  if (!doc.names) return DecodeNames(spills_[doc.spill]->names.Read(doc.SlotOf(Doc::kNames)));
  PartialNames n = std::move(*doc.names);
  doc.names.reset();
  return n;
}

Partial CorpusRun::Take(Doc& doc) {
  if (doc.held) {
    Partial p = std::move(*doc.held);
    doc.held.reset();
    return p;
  }
  return DecodeSpilledPartial(spills_[doc.spill]->partials.Read(doc.SlotOf(Doc::kPartial)));
}

void CorpusRun::Add(Document doc, DocResult result) {
  Add(MakePartial(doc, std::move(result), *stages_.entities, next_ordinal_++));
}

void CorpusRun::Merge(CorpusRun&& other) {
  const std::size_t base = spills_.size();
  if (base + other.spills_.size() > UINT32_MAX)
    throw std::length_error("CorpusRun::Merge: over 4G spill files");
  // (both made room for first, so that a failed allocation leaves docs_ and
  // keys_ aligned; grown by doubling at least: many merges stay linear)
  auto make_room = [](auto& v, std::size_t more) {
    if (v.size() + more > v.capacity()) v.reserve(std::max(v.size() + more, 2 * v.capacity()));
  };
  make_room(docs_, other.docs_.size());
  make_room(keys_, other.keys_.size());
  for (auto& f : other.spills_) spills_.push_back(std::move(f));
  for (Doc& d : other.docs_) {
    d.spill += static_cast<std::uint32_t>(base);
    docs_.push_back(std::move(d));
  }
  for (DocKey& k : other.keys_) keys_.push_back(std::move(k));
  other.keys_.clear();
  held_bytes_ += other.held_bytes_;
  other.docs_.clear();
  other.spills_.clear();
  other.held_bytes_ = 0;
}

CorpusResult CorpusRun::Resolve() {
  CorpusResult corpus;
  // 2a. events: the clustering reads each document's one at a time (a
  //     held one where it is, a spilled one read and decoded); with two
  //     threads or more it runs beside the entity stage (both pure, sharing
  //     nothing but the spill files, read-only then), else after it, so that
  //     only one of them holds its working memory at a time
  const bool cluster = stages_.keep_documents && stages_.events;
  auto cluster_events = [this] {
    events::DocEvents read;  // the last spilled one read
    return events::ClusterEvents(
        docs_.size(),
        [&](std::size_t d) -> const events::DocEvents& {
          const Doc& doc = docs_[d];
          if (doc.events) return *doc.events;
          read = DecodeEvents(spills_[doc.spill]->events.Read(doc.SlotOf(Doc::kEvents)));
          return read;
        },
        stages_.event_config);
  };
  // with two threads or more the spill files are read on several threads
  // (the clustering, the next batch of names beside the fold): synced
  // first, then Read is safe on any thread
  if (threads_ >= 2) {
    for (auto& f : spills_) f->Sync();
  }
  parallel::Task<events::EventIndex> clustered;
  if (cluster && threads_ >= 2) {
    clustered = parallel::Async(cluster_events);
  }
  // 1. entities (every document noted as it came; folded in input order,
  //    kFoldBatch documents at a time: their short forms on threads_ threads)
  stages_.entities->KeepDetails(stages_.entity_details);
  //    (the next batch read back beside the folding of this one)
  constexpr std::size_t kFoldBatch = 256;
  auto read_names = [&](std::size_t batch, std::vector<resolve::EntityResolver::DocNames>& fold) {
    const std::size_t b = batch * kFoldBatch;
    fold.assign(std::min(kFoldBatch, docs_.size() - b), {});
    ReadBack(
        fold.size(), threads_,
        [&](std::size_t i, std::string& bytes) {
          Doc& d = docs_[b + i];
          // (moved: the run reads a document's id and outlet no more)
          fold[i].id = std::move(keys_[b + i].id);
          fold[i].outlet = std::move(keys_[b + i].outlet);
          if (d.names) {
            fold[i].names = TakeNames(d);
            return false;
          }
          bytes = spills_[d.spill]->names.Read(d.SlotOf(Doc::kNames));
          return true;
        },
        [&](std::size_t i, const std::string& bytes) { fold[i].names = DecodeNames(bytes); });
  };
  stages_.entities->FoldBatches((docs_.size() + kFoldBatch - 1) / kFoldBatch, read_names, threads_);
  Release(keys_);  // (every id and outlet moved into the fold)
  corpus.entities = stages_.entities->Resolve();
  // its memory of the run goes (records read only the table and the rules):
  // with two threads or more beside the claims stage's first steps (Clear
  // releases nothing ApplyChecked reads), done before the freed pages go
  // back and before Resolve returns; this thread's name memos go here
  parallel::Task<void> cleared;
  if (threads_ >= 2) {
    cleared = parallel::Async([this] { stages_.entities->Clear(); });
    resolve::EntityResolver::ForgetThreadMemos();
  } else {
    stages_.entities->Clear();
  }
  // 3. (with 2b) claims, from each document's summary and records (no
  //    text), read back in input order if spilled: its records get their
  //    entities and events, its statement items are made, and its records
  //    go (unless the stage reads them again: ClaimsStage::NeedsResult), so
  //    that the grouping never holds every record of the run beside its items
  const bool claims = stages_.keep_documents && stages_.claims != nullptr;
  std::vector<claims::FoldedDoc> docs;
  // Each document's summary, moved here when its items are made (they view
  // its id and date): what the grouping keeps of a document, not its
  // DocForClaims (kept only for a document with figures or details).
  std::vector<claims::DocClaims> summaries;
  claims::StatementInputs inputs;
  std::unique_ptr<SpilledFeatures> spilled;  // when any summary was spilled
  if (claims) {
    corpus.figures.resize(docs_.size());  // each document's slot, written on any thread
    docs.resize(docs_.size());
    summaries.resize(docs_.size());  // not moved again: items view them
    std::size_t records = 0;         // reserved: a million items are not grown by doubling
    for (const Doc& d : docs_) records += d.claims_records;
    inputs.items.items.reserve(records);
    for (const Doc& d : docs_) {
      if (d.claims_spilled && !spilled) spilled = std::make_unique<SpilledFeatures>(records);
    }
  }
  const Document no_text;  // Figures reads the records' events, not the text
  // Each document decoded (its summary read back if spilled) and made ready
  // by the thread that takes it, into a list of its own (ready_doc), and
  // the lists appended in input order, one at a time, by a thread that made
  // one (parallel::ForEachInOrder): the items, their order and the features
  // written are those of one document after another, for any number of
  // threads. No barrier per batch of documents and no thread of its own for
  // the appending (which took a third thread beside the two making ready);
  // at most kClaimsWindow lists wait to be appended.
  constexpr std::size_t kClaimsWindow = 64;
  struct Ready {
    claims::StatementInputs items;      // its statement items (with strings of their own)
    std::vector<std::string> features;  // of a summary that was spilled: its items' features
  };
  // (the one writer of `inputs` and of `spilled` until the grouping: called
  // in input order, one call at a time)
  auto append = [&inputs, &spilled](std::size_t, std::unique_ptr<Ready>&& r) {
    const std::size_t first = inputs.items.items.size();
    claims::ClaimsStage::AppendItems(std::move(r->items), inputs);
    for (std::size_t k = 0; k < r->features.size(); ++k) spilled->Add(first + k, r->features[k]);
    r.reset();  // (freed here, outside the pool's lock)
  };
  // Document d's records get their entities and events, its figures their
  // events, its statement items are made, and what the grouping does not
  // read of it goes (writes only document d's slots and `out`)
  auto ready_doc = [&](std::size_t d, const events::DocEvents* events, bool was_spilled,
                       Ready& out) {
    DocForClaims& c = *docs_[d].claims;  // (read back first if spilled)
    DocResult& result = c.result;
    stages_.entities->ApplyChecked(corpus.entities, d, result);
    if (events) {
      events::AssignEvents(corpus.events, d, *events, result.quotes);
      SlimEvents(result);
      // only the figures read the document's events (ClaimsStage::Figures)
      if (!result.figures.empty()) result.events = *events;
    }
    corpus.figures[d] = stages_.claims->Figures(no_text, result);
    summaries[d] = std::move(c.summary);
    docs[d] = {&summaries[d], &result, &corpus.figures[d]};
    stages_.claims->AddItems(d, docs[d], out.items);
    if (!result.figures.empty() && stages_.claims->FiguresAlone()) {
      // what the figure lines read of it, instead of its records and events
      c.figure_inputs = stages_.claims->FigureInputs(d, docs[d]);
      docs[d].figure_inputs = &c.figure_inputs;
    } else if (stages_.claims->NeedsResult(result)) {
      return;
    }
    docs[d].result = nullptr;
    // what the run keeps of it: its summary, and of a document with
    // figures what the figure lines read and its figures' spans
    if (!docs[d].figure_inputs)
      docs_[d].claims.reset();  // (`c` and `result` go)
    else
      result = DocResult{};
    if (!was_spilled) return;
    // a summary that was spilled goes again: its items' features to disk
    // (read back by the grouping as it needs them), its records with them
    // (an item reads its features from the summary while it has its
    // records: ClaimsStage::Run)
    out.features.reserve(out.items.items.items.size());
    for (const claims::PackedItem& item : out.items.items.items) {
      const claims::RecordClaims& rc = summaries[d].records[static_cast<std::size_t>(item.record)];
      out.features.push_back(claims::EncodeFeatures(rc.features, rc.doc_uses));
    }
    Release(summaries[d].records);
  };
  // Every document made ready, events_of(d, read) the events of document d
  // (null: no event stage; `read` a slot for them when read back). A
  // spilled summary or events' bytes are read by the thread that makes the
  // document ready (the spill files are synced with two threads or more;
  // each thread reads ahead of its own reads).
  auto claims_docs = [&](auto&& events_of) {
    parallel::ForEachInOrder<std::unique_ptr<Ready>>(
        docs_.size(), threads_, kClaimsWindow,
        [&](std::size_t d) {
          Doc& doc = docs_[d];
          const bool from_disk = doc.claims_spilled;
          if (from_disk) {
            auto c = std::make_shared<DocForClaims>();
            claims::DecodeSummary(spills_[doc.spill]->claims.Read(doc.SlotOf(Doc::kClaims)),
                                  c->summary, c->result.quotes, c->result.figures, c->figure_spans);
            doc.claims = std::move(c);
            doc.claims_spilled = false;
          }
          auto out = std::make_unique<Ready>();
          events::DocEvents read;
          ready_doc(d, events_of(d, read), from_disk, *out);
          return out;
        },
        append);
  };
  // 2b. events: run-wide refs for the claims
  if (cluster) {
    corpus.events = clustered.valid() ? clustered.get() : cluster_events();
    // each document's events again (a held one in place, a spilled one's
    // bytes read back and decoded), given their run-wide refs by the thread
    // that makes the document's claims
    if (claims) {
      claims_docs([&](std::size_t d, events::DocEvents& read) -> const events::DocEvents* {
        events::DocEvents* events = docs_[d].events.get();
        if (!events) {
          read = DecodeEvents(spills_[docs_[d].spill]->events.Read(docs_[d].SlotOf(Doc::kEvents)));
          events = &read;
        }
        SetGlobal(corpus.events, d, *events);
        return events;
      });
    }
  }
  // 3. (the rest) claims: the grouping and the figure lines
  if (claims) {
    if (!cluster)
      claims_docs(
          [](std::size_t, events::DocEvents&) -> const events::DocEvents* { return nullptr; });
    if (spilled) {
      spilled->Sync();
      inputs.features = spilled.get();
    }
    // An allocator that keeps freed pages until told (glibc) gives them
    // back here, beside the grouping's first steps when there are threads
    // for it (malloc_trim is thread-safe, and serial: a third of a second
    // per 10k documents). One that gives them back by itself (jemalloc, its
    // decay back on since the map ended) is not told: the grouping reuses
    // them first. A purge here (PolNeAR train x11: ~1,100 madvise calls,
    // each an interrupt on the other CPUs, and ~10.5K pages faulted in again
    // by the grouping) lowered no peak (1 GB, --threads 2: 498,832 KB with
    // it, 497,788 KB without).
    if (cleared.valid()) cleared.get();
    parallel::Task<void> released;
    if (!allocator::GivesBackFreedPages()) {
      if (threads_ >= 2)
        released = parallel::Async(allocator::ReleaseFreedPages);
      else
        allocator::ReleaseFreedPages();
    }
    corpus.claims = stages_.claims->Run(docs, inputs, threads_);
    if (released.valid()) released.get();
    inputs = {};
    for (claims::FigureLine& line : corpus.claims.lines) {  // the figures' own spans back
      for (claims::SourcedFigure& f : line.figures) {
        for (const auto& [compact, original] : docs_[f.doc_index].claims->figure_spans) {
          if (compact == f.figure.span) {
            f.figure.span = original;
            break;
          }
        }
      }
    }
    for (Doc& d : docs_) d.claims.reset();  // no longer needed
  }
  if (cleared.valid()) cleared.get();
  // 4. spelling
  if (stages_.spelling) corpus.spelling = stages_.spelling->Build(corpus.entities);
  return corpus;
}

void CorpusRun::Finish(output::Sink& sink) {
  // input order (core/partial.h, InputOrder), the keys beside their documents
  {
    if (docs_.size() > UINT32_MAX) throw std::length_error("CorpusRun: over 4G documents");
    std::vector<std::uint32_t> order(docs_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) {
      return docs_[a].ordinal != docs_[b].ordinal ? docs_[a].ordinal < docs_[b].ordinal
                                                  : keys_[a].id < keys_[b].id;
    });
    // (made at their final size: grown by doubling, up to half again of a
    // million Docs would be unused)
    std::vector<Doc> docs(docs_.size());
    std::vector<DocKey> keys(keys_.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      docs[k] = std::move(docs_[order[k]]);
      keys[k] = std::move(keys_[order[k]]);
    }
    docs_ = std::move(docs);
    keys_ = std::move(keys);
  }
  const CorpusResult corpus = Resolve();
  // 5. output: each document's records get the run-wide ids as they are
  //    written (`partial` and `events` as read back: the document as the sink gets it)
  auto make_doc = [&](std::size_t d, Partial& p, events::DocEvents& events) {
    Document doc = p.quotes.empty() && p.figures.empty() ? std::move(p.doc) : Skeleton(p);
    DocResult result;
    result.quotes = std::move(p.quotes);
    result.figures = std::move(p.figures);
    stages_.entities->ApplyChecked(corpus.entities, d, result);
    result.events = std::move(events);
    if (stages_.events) {
      SetGlobal(corpus.events, d, result.events);
      events::AssignEvents(corpus.events, d, result.events, result.quotes);
    }
    if (stages_.claims) claims::ClaimsStage::Apply(corpus.claims, d, result);
    return std::make_pair(std::move(doc), std::move(result));
  };
  sink.Begin();
  if (stages_.keep_documents && threads_ >= 2 && sink.Renders()) {
    // each document read back (the spill files synced first: then Read is
    // safe on many threads), decoded, made and rendered on threads_
    // threads, each taking the next document, and put in input order by the
    // thread that rendered the next one to put (parallel::ForEachInOrder:
    // no barrier per batch; at most kWriteWindow texts wait)
    constexpr std::size_t kWriteWindow = 64;
    for (auto& f : spills_) f->Sync();
    parallel::ForEachInOrder<std::string>(
        docs_.size(), threads_, kWriteWindow,
        [&](std::size_t d) {
          Partial p = Take(docs_[d]);
          events::DocEvents events = TakeEvents(docs_[d]);
          const auto [doc, result] = make_doc(d, p, events);
          return sink.Render(doc, result);
        },
        [&](std::size_t, std::string&& text) { sink.Put(text); });
  } else {
    for (std::size_t d = 0; stages_.keep_documents && d < docs_.size(); ++d) {
      Partial p = Take(docs_[d]);
      events::DocEvents events = TakeEvents(docs_[d]);
      auto [doc, result] = make_doc(d, p, events);
      sink.Take(std::move(doc), std::move(result));
    }
  }
  sink.End(corpus);
  docs_.clear();
  spills_.clear();
  held_bytes_ = 0;
}

RunStats RunCorpus(ingest::DocumentSource& source, const Pipeline& pipeline,
                   const CorpusStages& stages, output::Sink& sink, RunObserver& observer,
                   const RunConfig& config) {
  CorpusRun run(stages);
  run.SetThreads(config.threads);
  RunConfig map = config;  // the claims summaries made on the worker threads
  map.prepare = [&run](Partial& p) { run.Prepare(p); };
  RunStats stats;
  {
    // the map's memory is a bounded window of documents, freed and made
    // again: its pages stay for reuse, and go back when it ends
    // (core/allocator.h)
    allocator::HeldFreedPages held;
    stats = RunMap(
        source, pipeline, *stages.entities, [&](Partial&& p) { run.Add(std::move(p)); }, observer,
        map);
  }
  if (!observer.stop()) {
    // (the corpus stage in small pages: core/allocator.h, SmallPages)
    allocator::SmallPages small;
    run.Finish(sink);
  }
  return stats;
}

}  // namespace whosaid::run
