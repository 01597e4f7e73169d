#include "claims/summary_codec.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace whosaid::claims {
namespace {

// Little-endian fixed-width numbers and length-prefixed strings: the bytes
// are read back by the process that wrote them.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void U64(std::uint64_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void F64(double v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  void Sp(Span s) {
    U64(s.begin);
    U64(s.end);
  }
  // n numbers of 4 bytes, as they are in memory
  template <class T>
  void Array(const std::vector<T>& v) {
    static_assert(sizeof(T) == 4);
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t U64() {
    std::uint64_t v;
    std::memcpy(&v, Take(sizeof v).data(), sizeof v);
    return v;
  }
  double F64() {
    double v;
    std::memcpy(&v, Take(sizeof v).data(), sizeof v);
    return v;
  }
  std::string_view Str() { return Take(U64()); }
  Span Sp() {
    Span s;
    s.begin = U64();
    s.end = U64();
    return s;
  }
  // Array's n numbers, into `v`
  template <class T>
  void Array(std::size_t n, std::vector<T>& v) {
    static_assert(sizeof(T) == 4);
    if (n > in_.size() / sizeof(T)) throw std::runtime_error("claims summary: the bytes end early");
    v.resize(n);
    const std::string_view bytes = Take(n * sizeof(T));
    if (n > 0) std::memcpy(v.data(), bytes.data(), n * sizeof(T));  // (data() may be null when 0)
  }

 private:
  std::string_view Take(std::size_t n) {
    if (n > in_.size()) throw std::runtime_error("claims summary: the bytes end early");
    std::string_view part = in_.substr(0, n);
    in_.remove_prefix(n);
    return part;
  }
  std::string_view in_;
};

// A list as it is held (PackedWords::letters, ends): read back in two
// copies, not a word at a time (the grouping reads every item's features
// back from a spilled run).
void Put(Writer& w, const PackedWords& words) {
  w.U64(words.size());
  w.Str(words.letters());
  w.Array(words.ends());
}

void Get(Reader& r, PackedWords& words) {
  const std::uint64_t n = r.U64();
  const std::string_view letters = r.Str();
  thread_local std::vector<std::uint32_t> ends;
  r.Array(n, ends);
  if (!words.Assign(letters, ends.data(), ends.size()))
    throw std::runtime_error("claims summary: a word list's ends are not its letters'");
}

void Put(Writer& w, const QuoteRecord& q) {
  w.Sp(q.quote);
  w.U64(static_cast<std::uint64_t>(q.kind));
  w.U64(q.cue ? 1 : 0);
  if (q.cue) w.Sp(*q.cue);
  w.U64(q.speaker ? 1 : 0);
  if (q.speaker) {
    const Speaker& s = *q.speaker;
    w.Str(s.entity);
    w.Str(s.name);
    w.Sp(s.mention);
    w.U64(static_cast<std::uint64_t>(s.type));
    w.Str(s.role);
    w.Str(s.affiliation);
  }
  w.U64(q.event ? 1 : 0);
  if (q.event) {
    const EventRef& e = *q.event;
    w.Str(e.id);
    w.Str(e.type);
    w.U64(e.where.size());
    for (const std::string& p : e.where) w.Str(p);
    w.Str(e.when);
    w.Str(e.label);
  }
  w.U64(q.statement ? 1 : 0);
  if (q.statement) {
    w.Str(q.statement->id);
    w.U64(static_cast<std::uint64_t>(q.statement->appearances));
  }
  w.F64(q.confidence);
  w.Str(q.rule);
}

QuoteRecord GetRecord(Reader& r) {
  QuoteRecord q;
  q.quote = r.Sp();
  q.kind = static_cast<QuoteKind>(r.U64());
  if (r.U64()) q.cue = r.Sp();
  if (r.U64()) {
    Speaker& s = q.speaker.emplace();
    s.entity = r.Str();
    s.name = r.Str();
    s.mention = r.Sp();
    s.type = static_cast<SpeakerType>(r.U64());
    s.role = r.Str();
    s.affiliation = r.Str();
  }
  if (r.U64()) {
    EventRef& e = q.event.emplace();
    e.id = r.Str();
    e.type = r.Str();
    for (std::uint64_t n = r.U64(); n > 0; --n) e.where.emplace_back(r.Str());
    e.when = r.Str();
    e.label = r.Str();
  }
  if (r.U64()) {
    StatementRef& st = q.statement.emplace();
    st.id = r.Str();
    st.appearances = static_cast<int>(r.U64());
  }
  q.confidence = r.F64();
  q.rule = r.Str();
  return q;
}

void Put(Writer& w, const TermUses& uses) {
  Put(w, uses.keys());
  w.Array(uses.counts());
}

void Get(Reader& r, TermUses& uses) {
  PackedWords keys;
  Get(r, keys);
  std::vector<int> counts;
  r.Array(keys.size(), counts);
  if (!uses.Assign(std::move(keys), std::move(counts)))
    throw std::runtime_error("claims summary: a document's term counts are not in key order");
}

}  // namespace

std::string EncodeFeatures(const ItemFeatures& features, const TermUses& uses) {
  std::string out;
  Writer w(out);
  Put(w, features.terms);
  Put(w, features.wording);
  Put(w, uses);
  return out;
}

void DecodeFeatures(std::string_view bytes, ItemFeatures& features, TermUses& uses) {
  Reader r(bytes);
  Get(r, features.terms);
  Get(r, features.wording);
  Get(r, uses);
}

void DecodeTerms(std::string_view bytes, PackedWords& terms) {
  Reader r(bytes);
  Get(r, terms);
}

std::string EncodeSummary(const DocClaims& summary, const std::vector<QuoteRecord>& quotes,
                          const std::vector<Figure>& figures,
                          const std::vector<std::pair<Span, Span>>& figure_spans) {
  std::string out;
  Writer w(out);
  w.Str(summary.id);
  w.Str(summary.date);
  w.U64(summary.records.size());
  for (const RecordClaims& rc : summary.records) {
    Put(w, rc.features.terms);
    Put(w, rc.features.wording);
    Put(w, rc.doc_uses);
    w.Str(rc.mention);
    w.Str(rc.text);
  }
  w.U64(quotes.size());
  for (const QuoteRecord& q : quotes) Put(w, q);
  w.U64(figures.size());
  for (const Figure& f : figures) {
    w.Sp(f.span);
    w.F64(f.value);
    w.Str(f.qualifier);
    w.Str(f.measure);
    w.U64((f.subcount ? 1U : 0U) | (f.outcome ? 2U : 0U));
    w.U64(static_cast<std::uint64_t>(static_cast<std::int64_t>(f.record)));
  }
  w.U64(figure_spans.size());
  for (const auto& [a, b] : figure_spans) {
    w.Sp(a);
    w.Sp(b);
  }
  return out;
}

void DecodeSummary(std::string_view bytes, DocClaims& summary, std::vector<QuoteRecord>& quotes,
                   std::vector<Figure>& figures, std::vector<std::pair<Span, Span>>& figure_spans) {
  Reader r(bytes);
  summary.id = r.Str();
  summary.date = r.Str();
  summary.records.clear();
  summary.records.resize(r.U64());
  for (RecordClaims& rc : summary.records) {
    Get(r, rc.features.terms);
    Get(r, rc.features.wording);
    Get(r, rc.doc_uses);
    rc.mention = r.Str();
    rc.text = r.Str();
  }
  quotes.clear();
  const std::uint64_t n = r.U64();
  quotes.reserve(n);
  while (quotes.size() < n) quotes.push_back(GetRecord(r));
  figures.clear();
  figures.resize(r.U64());
  for (Figure& f : figures) {
    f.span = r.Sp();
    f.value = r.F64();
    f.qualifier = r.Str();
    f.measure = r.Str();
    const std::uint64_t flags = r.U64();
    f.subcount = (flags & 1U) != 0;
    f.outcome = (flags & 2U) != 0;
    f.record = static_cast<int>(static_cast<std::int64_t>(r.U64()));
  }
  figure_spans.clear();
  figure_spans.resize(r.U64());
  for (auto& [a, b] : figure_spans) {
    a = r.Sp();
    b = r.Sp();
  }
}

void DecodeSummary(std::string_view bytes, DocClaims& summary, std::vector<QuoteRecord>& quotes) {
  std::vector<Figure> figures;
  std::vector<std::pair<Span, Span>> figure_spans;
  DecodeSummary(bytes, summary, quotes, figures, figure_spans);
}

}  // namespace whosaid::claims
