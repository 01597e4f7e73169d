#include "core/partial_codec.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "core/text.h"

namespace whosaid {
namespace {

using nlohmann::json;

// Integers as the encoders write them: a JSON integer within T's range.
// nlohmann's get<T>() would cast a float (1e300) or an out-of-range value
// to T, which is undefined for a float; a partial is untrusted input.
template <typename T>
T Int(const json& j) {
  if (j.is_number_unsigned()) {
    const auto v = j.get<std::uint64_t>();
    if (std::in_range<T>(v)) return static_cast<T>(v);
  } else if (j.is_number_integer()) {
    const auto v = j.get<std::int64_t>();
    if (std::in_range<T>(v)) return static_cast<T>(v);
  }
  throw PartialError("expected an integer in range, got " + j.dump().substr(0, 40));
}

template <typename T>
std::vector<T> Ints(const json& j) {
  if (!j.is_array()) throw PartialError("expected an array of integers");
  std::vector<T> out;
  out.reserve(j.size());
  for (const json& x : j) out.push_back(Int<T>(x));
  return out;
}

// Compact arrays, one per struct, in field order (docs/partial.md lists them).
json Put(const Span& s) { return json::array({s.begin, s.end}); }
Span GetSpan(const json& j) { return {Int<std::size_t>(j.at(0)), Int<std::size_t>(j.at(1))}; }

json Put(const QuoteRecord& r) {
  json speaker = nullptr;
  if (r.speaker) {
    const Speaker& s = *r.speaker;
    speaker = json::array(
        {s.entity, s.name, Put(s.mention), static_cast<int>(s.type), s.role, s.affiliation});
  }
  json event = nullptr;
  if (r.event) {
    event =
        json::array({r.event->id, r.event->type, r.event->where, r.event->when, r.event->label});
  }
  json statement = nullptr;
  if (r.statement) statement = json::array({r.statement->id, r.statement->appearances});
  return json::array({Put(r.quote), static_cast<int>(r.kind), r.cue ? Put(*r.cue) : json(nullptr),
                      speaker, event, statement, r.confidence, r.rule});
}

template <typename E>
E GetEnum(const json& j, int last) {
  const int v = Int<int>(j);
  if (v < 0 || v > last) throw PartialError("an enumeration value out of range: " + j.dump());
  return static_cast<E>(v);
}

QuoteRecord GetRecord(const json& j) {
  QuoteRecord r;
  r.quote = GetSpan(j.at(0));
  r.kind = GetEnum<QuoteKind>(j.at(1), static_cast<int>(QuoteKind::kIndirect));
  if (!j.at(2).is_null()) r.cue = GetSpan(j.at(2));
  if (const json& s = j.at(3); !s.is_null()) {
    r.speaker =
        Speaker{.entity = s.at(0).get<std::string>(),
                .name = s.at(1).get<std::string>(),
                .mention = GetSpan(s.at(2)),
                .type = GetEnum<SpeakerType>(s.at(3), static_cast<int>(SpeakerType::kAnonymous)),
                .role = s.at(4).get<std::string>(),
                .affiliation = s.at(5).get<std::string>()};
  }
  if (const json& e = j.at(4); !e.is_null()) {
    r.event = EventRef{.id = e.at(0).get<std::string>(),
                       .type = e.at(1).get<std::string>(),
                       .where = e.at(2).get<std::vector<std::string>>(),
                       .when = e.at(3).get<std::string>(),
                       .label = e.at(4).get<std::string>()};
  }
  if (const json& s = j.at(5); !s.is_null())
    r.statement = StatementRef{s.at(0).get<std::string>(), Int<int>(s.at(1))};
  r.confidence = j.at(6).get<double>();
  r.rule = j.at(7).get<std::string>();
  return r;
}

json Put(const entities::NameMention& m) {
  return json::array({Put(m.span), m.text, static_cast<int>(m.kind), m.role, m.owner, m.same_as});
}

entities::NameMention GetMention(const json& j) {
  return {.span = GetSpan(j.at(0)),
          .text = j.at(1).get<std::string>(),
          .kind = GetEnum<entities::MentionKind>(j.at(2),
                                                 static_cast<int>(entities::MentionKind::kName)),
          .role = j.at(3).get<std::string>(),
          .owner = j.at(4).get<std::string>(),
          .same_as = Int<std::ptrdiff_t>(j.at(5))};
}

json Put(const std::optional<events::DateRange>& d) {
  if (!d) return nullptr;
  return json::array({d->first, d->last, static_cast<int>(d->precision)});
}

std::optional<events::DateRange> GetDate(const json& j) {
  if (j.is_null()) return std::nullopt;
  return events::DateRange{
      Int<int>(j.at(0)), Int<int>(j.at(1)),
      GetEnum<events::Precision>(j.at(2), static_cast<int>(events::Precision::kYear))};
}

json Put(const events::DocEvent& e) {
  json places = json::array();
  for (const events::EventPlace& p : e.places)
    places.push_back({p.path, p.mentions, p.near, p.known});
  json actors = json::array();
  for (const events::Actor& a : e.actors) actors.push_back({a.name, a.country});
  return json::array({e.type_path, places, actors, Put(e.date), e.mentions, e.border, e.local,
                      e.first_byte, e.family, e.story});
}

events::DocEvent GetEvent(const json& j) {
  events::DocEvent e;
  e.type_path = j.at(0).get<std::vector<std::string>>();
  if (e.type_path.empty()) throw PartialError("an event without a type");
  for (const json& p : j.at(1)) {
    e.places.push_back({p.at(0).get<std::vector<std::string>>(), Int<int>(p.at(1)),
                        p.at(2).get<bool>(), p.at(3).get<bool>()});
  }
  for (const json& a : j.at(2)) e.actors.push_back({a.at(0).get<std::string>(), a.at(1)});
  e.date = GetDate(j.at(3));
  e.mentions = Int<int>(j.at(4));
  e.border = j.at(5).get<bool>();
  e.local = j.at(6).get<bool>();
  e.first_byte = Int<std::size_t>(j.at(7));
  e.family = j.at(8).get<std::string>();
  e.story = j.at(9).get<bool>();
  return e;
}

json Put(const events::DocEvents& e) {
  json events = json::array();
  for (const events::DocEvent& x : e.events) events.push_back(Put(x));
  return {{"doc", e.doc},
          {"anchor", Put(e.anchor)},
          {"events", std::move(events)},
          {"quote_event", e.quote_event}};
}

events::DocEvents GetEvents(const json& j) {
  events::DocEvents e;
  e.doc = j.at("doc").get<std::string>();
  e.anchor = GetDate(j.at("anchor"));
  for (const json& ev : j.at("events")) e.events.push_back(GetEvent(ev));
  e.quote_event = Ints<int>(j.at("quote_event"));
  return e;
}

json Put(const claims::Figure& f) {
  return json::array(
      {Put(f.span), f.value, f.qualifier, f.measure, f.subcount, f.outcome, f.record});
}

claims::Figure GetFigure(const json& j) {
  return {.span = GetSpan(j.at(0)),
          .value = j.at(1).get<double>(),
          .qualifier = j.at(2).get<std::string>(),
          .measure = j.at(3).get<std::string>(),
          .subcount = j.at(4).get<bool>(),
          .outcome = j.at(5).get<bool>(),
          .record = Int<int>(j.at(6))};
}

template <typename T, typename F>
json PutAll(const std::vector<T>& items, F put) {
  json out = json::array();
  for (const T& item : items) out.push_back(put(item));
  return out;
}

// A name input: [name, kind, flags, roles, affiliations, same_as,
// distinct_from, stated]; flags: 1 acronym, 2 speaker, 4 opaque.
json Put(const PartialName& n) {
  json stated = json::array();
  for (const resolve::EntityRole& r : n.stated) stated.push_back({r.role, r.affiliation});
  const int flags = (n.acronym ? 1 : 0) | (n.speaker ? 2 : 0) | (n.opaque ? 4 : 0);
  return json::array({n.name, static_cast<int>(n.kind), flags, n.roles, n.affiliations, n.same_as,
                      n.distinct_from, std::move(stated)});
}

PartialName GetName(const json& j) {
  PartialName n;
  n.name = j.at(0).get<std::string>();
  n.kind = GetEnum<NameKind>(j.at(1), static_cast<int>(NameKind::kOperation));
  const int flags = Int<int>(j.at(2));
  n.acronym = flags & 1;
  n.speaker = flags & 2;
  n.opaque = flags & 4;
  n.roles = j.at(3).get<std::vector<std::string>>();
  n.affiliations = j.at(4).get<std::vector<std::string>>();
  n.same_as = j.at(5).get<std::vector<std::string>>();
  n.distinct_from = j.at(6).get<std::vector<std::string>>();
  for (const json& r : j.at(7))
    n.stated.push_back({r.at(0).get<std::string>(), r.at(1).get<std::string>()});
  return n;
}

json Put(const PartialNames& n) {
  json forms = json::array();
  for (const PartialForm& f : n.forms) forms.push_back({f.input, f.form, f.count});
  json candidates = json::array();
  for (const PartialCandidate& c : n.candidates) {
    candidates.push_back({c.word, (c.phrase ? 1 : 0) | (c.in_phrase ? 2 : 0) | (c.name ? 4 : 0)});
  }
  return {{"inputs", PutAll(n.inputs, [](const PartialName& x) { return Put(x); })},
          {"forms", std::move(forms)},
          {"candidates", std::move(candidates)},
          {"record_input", n.record_input}};
}

PartialNames GetNames(const json& j) {
  PartialNames n;
  for (const json& x : j.at("inputs")) n.inputs.push_back(GetName(x));
  for (const json& f : j.at("forms")) {
    n.forms.push_back(
        {Int<std::uint32_t>(f.at(0)), f.at(1).get<std::string>(), Int<std::size_t>(f.at(2))});
    if (n.forms.back().input >= n.inputs.size()) throw PartialError("a form of no name input");
  }
  for (const json& c : j.at("candidates")) {
    const int flags = Int<int>(c.at(1));
    n.candidates.push_back(
        {c.at(0).get<std::string>(), (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0});
  }
  n.record_input = Ints<std::ptrdiff_t>(j.at("record_input"));
  for (std::ptrdiff_t in : n.record_input) {
    if (in < -1 || in >= static_cast<std::ptrdiff_t>(n.inputs.size()))
      throw PartialError("a record of no name input");
  }
  return n;
}

// Indices between the parts of a partial point somewhere, pieces are in
// order and inside the text, and so is every span of a record or figure:
// what the corpus stage, the skeleton and the sinks assume.
void Check(const Partial& p) {
  std::size_t byte = 0, codepoint = 0;
  for (const TextPiece& piece : p.pieces) {
    if (piece.byte < byte || piece.codepoint < codepoint ||
        piece.byte - byte < piece.codepoint - codepoint)
      throw PartialError("text pieces out of order");
    byte = piece.byte + piece.text.size();
    codepoint = piece.codepoint + text::CountCodepoints(piece.text);
  }
  if (byte > p.bytes || codepoint > p.codepoints || p.codepoints > p.bytes)
    throw PartialError("text pieces beyond the text");
  auto inside = [&](const Span& s) { return s.begin <= s.end && s.end <= p.bytes; };
  for (const QuoteRecord& r : p.quotes) {
    if (!inside(r.quote) || (r.cue && !inside(*r.cue)) ||
        (r.speaker && !inside(r.speaker->mention)))
      throw PartialError("a record's span reversed or beyond the text");
  }
  for (const claims::Figure& f : p.figures) {
    if (!inside(f.span)) throw PartialError("a figure's span reversed or beyond the text");
  }
  if (p.names.record_input.size() != p.quotes.size())
    throw PartialError("record_input does not list every record");
  if (p.events.quote_event.size() > p.quotes.size())
    throw PartialError("quote_event lists more records than there are");
  for (int e : p.events.quote_event) {
    if (e < -1 || e >= static_cast<int>(p.events.events.size()))
      throw PartialError("a record's event is no event");
  }
  for (const claims::Figure& f : p.figures) {
    if (f.record < -1 || f.record >= static_cast<int>(p.quotes.size()))
      throw PartialError("a figure's record is no record");
  }
}

// The spill form of a document's name inputs and events (EncodeNames,
// EncodeEvents): a tag byte, then every field in order — unsigned numbers
// as LEB128 varints, signed ones zig-zagged, strings as a length and their
// bytes, a list as its length and its items. A string is stored as the
// JSON line would give it back: invalid UTF-8 becomes U+FFFD as with
// nlohmann's replace (never in practice: the texts are valid UTF-8).
constexpr char kNamesTag = 'N', kEventsTag = 'E', kPartialTag = 'P';

class SpillWriter {
 public:
  // `reserve`: the bytes expected (a guess: the writer grows past it by
  // doubling). The bytes are written into `out_` as into a buffer, `at_`
  // of them so far: no std::string::append (a call, its own capacity
  // check) per field.
  SpillWriter(char tag, std::size_t reserve) : out_(std::max<std::size_t>(reserve, 16), '\0') {
    out_[0] = tag;
    at_ = 1;
  }
  [[gnu::always_inline]] void U(std::uint64_t v) {
    Room(10);  // (the longest varint)
    char* p = out_.data() + at_;
    while (v >= 0x80) {
      *p++ = static_cast<char>((v & 0x7F) | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<char>(v);
    at_ = static_cast<std::size_t>(p - out_.data());
  }
  void I(std::int64_t v) {
    U((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void S(std::string_view s) {
    const std::size_t ascii = AsciiPrefix(s);
    if (ascii < s.size() && text::FirstInvalidUtf8(s.substr(ascii))) {
      const std::string replaced =
          json::parse(json(s).dump(-1, ' ', false, json::error_handler_t::replace))
              .get<std::string>();
      U(replaced.size());
      Bytes(replaced.data(), replaced.size());
      return;
    }
    U(s.size());
    Bytes(s.data(), s.size());
  }
  void Double(double d) { Bytes(reinterpret_cast<const char*>(&d), sizeof d); }
  void Strings(const std::vector<std::string>& v) {
    U(v.size());
    for (const std::string& s : v) S(s);
  }
  void Date(const std::optional<events::DateRange>& d) {
    U(d ? 1 : 0);
    if (!d) return;
    I(d->first);
    I(d->last);
    U(static_cast<std::uint64_t>(d->precision));
  }
  std::string Take() {
    out_.resize(at_);
    return std::move(out_);
  }

 private:
  [[gnu::always_inline]] void Bytes(const char* bytes, std::size_t n) {
    Room(n);
    if (n != 0) std::memcpy(out_.data() + at_, bytes, n);
    at_ += n;
  }
  // At least `n` bytes free after `at_`.
  [[gnu::always_inline]] void Room(std::size_t n) {
    if (out_.size() - at_ < n) Grow(n);
  }
  [[gnu::noinline]] void Grow(std::size_t n) { out_.resize(std::max(out_.size() * 2, at_ + n)); }

  // How many bytes of `s` are ASCII for sure (eight at a time, then one at
  // a time): whole characters, so `s` is valid UTF-8 exactly when the rest
  // is. Most names and words are ASCII and short: FirstInvalidUtf8, a
  // call, is asked only of the rest, and only when there is one.
  static std::size_t AsciiPrefix(std::string_view s) {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (text::NonAscii8(w) != 0) return i;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    return i;
  }

  std::string out_;  // the bytes [0, at_), then room
  std::size_t at_ = 0;
};

class SpillReader {
 public:
  // Throws PartialError "`what`: …" unless `bytes` opens with `tag`.
  SpillReader(std::string_view bytes, char tag, const char* what) : in_(bytes), what_(what) {
    if (in_.empty() || in_[0] != tag) Fail("not a spilled record");
    at_ = 1;
  }
  // With ten bytes left (the longest varint) the bytes are read without a
  // bound check each; the last few numbers of the bytes by Varint. Both
  // give the same number and the same failure.
  [[gnu::always_inline]] std::uint64_t U() {
    if (in_.size() - at_ < 10) return Varint();
    const auto* b = reinterpret_cast<const unsigned char*>(in_.data()) + at_;
    std::uint64_t v = b[0];
    if (v < 0x80) {  // (most numbers: sizes, counts, flags)
      ++at_;
      return v;
    }
    v &= 0x7F;
    for (std::size_t i = 1; i < 10; ++i) {
      v |= static_cast<std::uint64_t>(b[i] & 0x7F) << (7 * i);
      if (b[i] < 0x80) {
        at_ += i + 1;
        return v;
      }
    }
    Fail("a number too long");
  }
  [[gnu::noinline]] std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) Fail("cut short");
      const auto b = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) return v;
    }
    Fail("a number too long");
  }
  std::int64_t I() {
    const std::uint64_t u = U();
    return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  int Int() {
    const std::int64_t v = I();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
      Fail("a number out of range");
    return static_cast<int>(v);
  }
  // A list's length (each item takes at least a byte: a length beyond the
  // bytes left is refused before anything is allocated).
  [[gnu::always_inline]] std::size_t Count() {
    const std::uint64_t n = U();
    if (n > in_.size() - at_) Fail("a list longer than its bytes");
    return static_cast<std::size_t>(n);
  }
  // A string into `s` (assigned in place: no string made and moved).
  [[gnu::always_inline]] void S(std::string& s) {
    const std::size_t n = Count();
    s.assign(in_.data() + at_, n);
    at_ += n;
  }
  double Double() {
    if (in_.size() - at_ < sizeof(double)) Fail("cut short");
    double d;
    std::memcpy(&d, in_.data() + at_, sizeof d);
    at_ += sizeof d;
    return d;
  }
  void Strings(std::vector<std::string>& v) {
    const std::size_t n = Count();
    v.clear();
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {  // (each made in place)
      const std::size_t size = Count();
      v.emplace_back(in_.data() + at_, size);
      at_ += size;
    }
  }
  template <typename E>
  E Enum(int last) {
    const std::uint64_t v = U();
    if (v > static_cast<std::uint64_t>(last)) Fail("an enumeration value out of range");
    return static_cast<E>(v);
  }
  std::optional<events::DateRange> Date() {
    if (U() == 0) return std::nullopt;
    events::DateRange d;
    d.first = Int();
    d.last = Int();
    d.precision = Enum<events::Precision>(static_cast<int>(events::Precision::kYear));
    return d;
  }
  void End() const {
    if (at_ != in_.size()) Fail("bytes after the end");
  }

 private:
  [[noreturn]] void Fail(const char* why) const {
    throw PartialError(std::string(what_) + ": " + why);
  }
  std::string_view in_;
  std::size_t at_ = 0;
  const char* what_;
};

}  // namespace

std::string EncodePartial(const Partial& p) {
  json j = json::object();
  j["partial_version"] = kPartialVersion;
  j["ordinal"] = p.ordinal;
  j["doc"] = {{"id", p.doc.id},
              {"outlet", p.doc.outlet},
              {"url", p.doc.url},
              {"date", p.doc.date},
              {"source", p.doc.source},
              {"bytes", p.bytes},
              {"codepoints", p.codepoints}};
  json pieces = json::array();
  for (const TextPiece& t : p.pieces) pieces.push_back({t.byte, t.codepoint, t.text});
  j["pieces"] = std::move(pieces);
  j["quotes"] = PutAll(p.quotes, [](const QuoteRecord& q) { return Put(q); });
  j["events"] = Put(p.events);
  j["figures"] = PutAll(p.figures, [](const claims::Figure& f) { return Put(f); });
  j["names"] = Put(p.names);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

void Put(SpillWriter& w, const PartialNames& names) {
  w.U(names.inputs.size());
  for (const PartialName& n : names.inputs) {
    w.S(n.name);
    w.U(static_cast<std::uint64_t>(n.kind));
    w.U((n.acronym ? 1u : 0u) | (n.speaker ? 2u : 0u) | (n.opaque ? 4u : 0u));
    w.Strings(n.roles);
    w.Strings(n.affiliations);
    w.Strings(n.same_as);
    w.Strings(n.distinct_from);
    w.U(n.stated.size());
    for (const resolve::EntityRole& r : n.stated) {
      w.S(r.role);
      w.S(r.affiliation);
    }
  }
  w.U(names.forms.size());
  for (const PartialForm& f : names.forms) {
    w.U(f.input);
    w.S(f.form);
    w.U(f.count);
  }
  w.U(names.candidates.size());
  for (const PartialCandidate& c : names.candidates) {
    w.S(c.word);
    w.U((c.phrase ? 1u : 0u) | (c.in_phrase ? 2u : 0u) | (c.name ? 4u : 0u));
  }
  w.U(names.record_input.size());
  for (std::ptrdiff_t in : names.record_input) w.I(in);
}

void Get(SpillReader& r, PartialNames& names) {
  names.inputs.resize(r.Count());
  for (PartialName& n : names.inputs) {
    r.S(n.name);
    n.kind = r.Enum<NameKind>(static_cast<int>(NameKind::kOperation));
    const std::uint64_t flags = r.U();
    n.acronym = (flags & 1) != 0;
    n.speaker = (flags & 2) != 0;
    n.opaque = (flags & 4) != 0;
    r.Strings(n.roles);
    r.Strings(n.affiliations);
    r.Strings(n.same_as);
    r.Strings(n.distinct_from);
    n.stated.resize(r.Count());
    for (resolve::EntityRole& x : n.stated) {
      r.S(x.role);
      r.S(x.affiliation);
    }
  }
  names.forms.resize(r.Count());
  for (PartialForm& f : names.forms) {
    f.input = static_cast<std::uint32_t>(r.U());
    if (f.input >= names.inputs.size()) throw PartialError("a form of no name input");
    r.S(f.form);
    f.count = r.U();
  }
  names.candidates.resize(r.Count());
  for (PartialCandidate& c : names.candidates) {
    r.S(c.word);
    const std::uint64_t flags = r.U();
    c.phrase = (flags & 1) != 0;
    c.in_phrase = (flags & 2) != 0;
    c.name = (flags & 4) != 0;
  }
  names.record_input.resize(r.Count());
  for (std::ptrdiff_t& in : names.record_input) {
    in = static_cast<std::ptrdiff_t>(r.I());
    if (in < -1 || in >= static_cast<std::ptrdiff_t>(names.inputs.size()))
      throw PartialError("a record of no name input");
  }
}

void Put(SpillWriter& w, const events::DocEvents& events) {
  w.S(events.doc);
  w.Date(events.anchor);
  w.U(events.events.size());
  for (const events::DocEvent& e : events.events) {
    w.Strings(e.type_path);
    w.U(e.places.size());
    for (const events::EventPlace& p : e.places) {
      w.Strings(p.path);
      w.I(p.mentions);
      w.U((p.near ? 1u : 0u) | (p.known ? 2u : 0u));
    }
    w.U(e.actors.size());
    for (const events::Actor& a : e.actors) {
      w.S(a.name);
      w.S(a.country);
    }
    w.Date(e.date);
    w.I(e.mentions);
    w.U((e.border ? 1u : 0u) | (e.local ? 2u : 0u) | (e.story ? 4u : 0u));
    w.U(e.first_byte);
    w.S(e.family);
  }
  w.U(events.quote_event.size());
  for (int q : events.quote_event) w.I(q);
}

void Get(SpillReader& r, events::DocEvents& events) {
  r.S(events.doc);
  events.anchor = r.Date();
  events.events.resize(r.Count());
  for (events::DocEvent& e : events.events) {
    r.Strings(e.type_path);
    if (e.type_path.empty()) throw PartialError("an event without a type");
    e.places.resize(r.Count());
    for (events::EventPlace& p : e.places) {
      r.Strings(p.path);
      p.mentions = r.Int();
      const std::uint64_t flags = r.U();
      p.near = (flags & 1) != 0;
      p.known = (flags & 2) != 0;
    }
    e.actors.resize(r.Count());
    for (events::Actor& a : e.actors) {
      r.S(a.name);
      r.S(a.country);
    }
    e.date = r.Date();
    e.mentions = r.Int();
    const std::uint64_t flags = r.U();
    e.border = (flags & 1) != 0;
    e.local = (flags & 2) != 0;
    e.story = (flags & 4) != 0;
    e.first_byte = r.U();
    r.S(e.family);
  }
  events.quote_event.resize(r.Count());
  for (int& q : events.quote_event) q = r.Int();
}

void Put(SpillWriter& w, const Span& s) {
  w.U(s.begin);
  w.U(s.end);
}

Span GetSpan(SpillReader& r) {
  Span s;
  s.begin = r.U();
  s.end = r.U();
  return s;
}

void Put(SpillWriter& w, const QuoteRecord& q) {
  Put(w, q.quote);
  w.U(static_cast<std::uint64_t>(q.kind));
  w.U((q.cue ? 1u : 0u) | (q.speaker ? 2u : 0u) | (q.event ? 4u : 0u) | (q.statement ? 8u : 0u));
  if (q.cue) Put(w, *q.cue);
  if (q.speaker) {
    const Speaker& s = *q.speaker;
    w.S(s.entity);
    w.S(s.name);
    Put(w, s.mention);
    w.U(static_cast<std::uint64_t>(s.type));
    w.S(s.role);
    w.S(s.affiliation);
  }
  if (q.event) {
    w.S(q.event->id);
    w.S(q.event->type);
    w.Strings(q.event->where);
    w.S(q.event->when);
    w.S(q.event->label);
  }
  if (q.statement) {
    w.S(q.statement->id);
    w.I(q.statement->appearances);
  }
  w.Double(q.confidence);
  w.S(q.rule);
}

void Get(SpillReader& r, QuoteRecord& q) {
  q.quote = GetSpan(r);
  q.kind = r.Enum<QuoteKind>(static_cast<int>(QuoteKind::kIndirect));
  const std::uint64_t has = r.U();
  if (has & 1) q.cue = GetSpan(r);
  if (has & 2) {
    Speaker& s = q.speaker.emplace();
    r.S(s.entity);
    r.S(s.name);
    s.mention = GetSpan(r);
    s.type = r.Enum<SpeakerType>(static_cast<int>(SpeakerType::kAnonymous));
    r.S(s.role);
    r.S(s.affiliation);
  }
  if (has & 4) {
    EventRef& e = q.event.emplace();
    r.S(e.id);
    r.S(e.type);
    r.Strings(e.where);
    r.S(e.when);
    r.S(e.label);
  }
  if (has & 8) {
    StatementRef& st = q.statement.emplace();
    r.S(st.id);
    st.appearances = r.Int();
  }
  q.confidence = r.Double();
  r.S(q.rule);
}

void Put(SpillWriter& w, const claims::Figure& f) {
  Put(w, f.span);
  w.Double(f.value);
  w.S(f.qualifier);
  w.S(f.measure);
  w.U((f.subcount ? 1u : 0u) | (f.outcome ? 2u : 0u));
  w.I(f.record);
}

void Get(SpillReader& r, claims::Figure& f) {
  f.span = GetSpan(r);
  f.value = r.Double();
  r.S(f.qualifier);
  r.S(f.measure);
  const std::uint64_t flags = r.U();
  f.subcount = (flags & 1) != 0;
  f.outcome = (flags & 2) != 0;
  f.record = r.Int();
}

// The bytes a spill form is expected to take (a guess for the writer's
// first buffer: too small costs a doubling, too large a little memory).
std::size_t NamesGuess(const PartialNames& n) {
  return 16 + 48 * n.inputs.size() + 24 * n.forms.size() + 16 * n.candidates.size() +
         2 * n.record_input.size();
}

}  // namespace

std::string EncodeNames(const PartialNames& names) {
  SpillWriter w(kNamesTag, NamesGuess(names));
  Put(w, names);
  return w.Take();
}

PartialNames DecodeNames(std::string_view line) {
  SpillReader r(line, kNamesTag, "malformed name inputs");
  PartialNames names;
  Get(r, names);
  r.End();
  return names;
}

std::string EncodeEvents(const events::DocEvents& events) {
  SpillWriter w(kEventsTag, 64 + 96 * events.events.size() + 2 * events.quote_event.size());
  Put(w, events);
  return w.Take();
}

events::DocEvents DecodeEvents(std::string_view line) {
  SpillReader r(line, kEventsTag, "malformed events");
  events::DocEvents events;
  Get(r, events);
  r.End();
  return events;
}

std::string EncodeSpilledPartial(const Partial& p) {
  std::size_t guess = 160 + 160 * p.quotes.size() + 48 * p.figures.size() + NamesGuess(p.names);
  for (const TextPiece& t : p.pieces) guess += t.text.size() + 8;
  SpillWriter w(kPartialTag, guess);
  w.U(p.ordinal);
  w.S(p.doc.id);
  w.S(p.doc.outlet);
  w.S(p.doc.url);
  w.S(p.doc.date);
  w.S(p.doc.source);
  w.U(p.bytes);
  w.U(p.codepoints);
  w.U(p.pieces.size());
  for (const TextPiece& t : p.pieces) {
    w.U(t.byte);
    w.U(t.codepoint);
    w.S(t.text);
  }
  w.U(p.quotes.size());
  for (const QuoteRecord& q : p.quotes) Put(w, q);
  Put(w, p.events);
  w.U(p.figures.size());
  for (const claims::Figure& f : p.figures) Put(w, f);
  Put(w, p.names);
  return w.Take();
}

Partial DecodeSpilledPartial(std::string_view bytes) {
  SpillReader r(bytes, kPartialTag, "a malformed spilled partial");
  Partial p;
  p.ordinal = r.U();
  r.S(p.doc.id);
  r.S(p.doc.outlet);
  r.S(p.doc.url);
  r.S(p.doc.date);
  r.S(p.doc.source);
  p.bytes = r.U();
  p.codepoints = r.U();
  p.pieces.resize(r.Count());
  for (TextPiece& t : p.pieces) {
    t.byte = r.U();
    t.codepoint = r.U();
    r.S(t.text);
  }
  p.quotes.resize(r.Count());
  for (QuoteRecord& q : p.quotes) Get(r, q);
  Get(r, p.events);
  p.figures.resize(r.Count());
  for (claims::Figure& f : p.figures) Get(r, f);
  Get(r, p.names);
  r.End();
  Check(p);
  return p;
}

Partial DecodePartial(std::string_view line) {
  try {
    const json j = json::parse(line);
    if (!j.is_object() || !j.contains("partial_version"))
      throw PartialError("not a partial (no \"partial_version\")");
    if (j.at("partial_version") != kPartialVersion) {
      throw PartialError("a partial of version " + j.at("partial_version").dump() + ", expected " +
                         std::to_string(kPartialVersion));
    }
    Partial p;
    p.ordinal = Int<std::uint64_t>(j.at("ordinal"));
    const json& d = j.at("doc");
    p.doc.id = d.at("id").get<std::string>();
    p.doc.outlet = d.at("outlet").get<std::string>();
    p.doc.url = d.at("url").get<std::string>();
    p.doc.date = d.at("date").get<std::string>();
    p.doc.source = d.at("source").get<std::string>();
    p.bytes = Int<std::size_t>(d.at("bytes"));
    p.codepoints = Int<std::size_t>(d.at("codepoints"));
    for (const json& t : j.at("pieces"))
      p.pieces.push_back({Int<std::size_t>(t.at(0)), Int<std::size_t>(t.at(1)), t.at(2)});
    for (const json& q : j.at("quotes")) p.quotes.push_back(GetRecord(q));
    p.events = GetEvents(j.at("events"));
    for (const json& f : j.at("figures")) p.figures.push_back(GetFigure(f));
    p.names = GetNames(j.at("names"));
    Check(p);
    return p;
  } catch (const json::exception& e) {
    throw PartialError(std::string("a malformed partial: ") + e.what());
  }
}

std::string EncodeStoredResult(const DocResult& r) {
  json j = json::object();
  j["v"] = kStoredResultVersion;
  j["quotes"] = PutAll(r.quotes, [](const QuoteRecord& q) { return Put(q); });
  j["names"] = PutAll(r.names, [](const entities::NameMention& m) { return Put(m); });
  j["events"] = Put(r.events);
  j["figures"] = PutAll(r.figures, [](const claims::Figure& f) { return Put(f); });
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

DocResult DecodeStoredResult(std::string_view stored) {
  try {
    const json j = json::parse(stored);
    if (Int<int>(j.at("v")) != kStoredResultVersion) {
      throw PartialError("a stored document of partial version " + j.at("v").dump() +
                         ", expected " + std::to_string(kStoredResultVersion));
    }
    DocResult r;
    for (const json& q : j.at("quotes")) r.quotes.push_back(GetRecord(q));
    for (const json& m : j.at("names")) r.names.push_back(GetMention(m));
    r.events = GetEvents(j.at("events"));
    for (const json& f : j.at("figures")) r.figures.push_back(GetFigure(f));
    return r;
  } catch (const json::exception& e) {
    throw PartialError(std::string("a stored document result is malformed: ") + e.what());
  }
}

}  // namespace whosaid
