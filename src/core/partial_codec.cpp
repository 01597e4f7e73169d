#include "core/partial_codec.h"

#include <nlohmann/json.hpp>

namespace whosaid {
namespace {

using nlohmann::json;

// Compact arrays, one per struct, in field order (docs/partial.md lists them).
json Put(const Span& s) { return json::array({s.begin, s.end}); }
Span GetSpan(const json& j) { return {j.at(0).get<std::size_t>(), j.at(1).get<std::size_t>()}; }

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
  const int v = j.get<int>();
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
    r.statement = StatementRef{s.at(0).get<std::string>(), s.at(1).get<int>()};
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
          .same_as = j.at(5).get<std::ptrdiff_t>()};
}

json Put(const std::optional<events::DateRange>& d) {
  if (!d) return nullptr;
  return json::array({d->first, d->last, static_cast<int>(d->precision)});
}

std::optional<events::DateRange> GetDate(const json& j) {
  if (j.is_null()) return std::nullopt;
  return events::DateRange{
      j.at(0).get<int>(), j.at(1).get<int>(),
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
    e.places.push_back({p.at(0).get<std::vector<std::string>>(), p.at(1).get<int>(),
                        p.at(2).get<bool>(), p.at(3).get<bool>()});
  }
  for (const json& a : j.at(2)) e.actors.push_back({a.at(0).get<std::string>(), a.at(1)});
  e.date = GetDate(j.at(3));
  e.mentions = j.at(4).get<int>();
  e.border = j.at(5).get<bool>();
  e.local = j.at(6).get<bool>();
  e.first_byte = j.at(7).get<std::size_t>();
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
  e.quote_event = j.at("quote_event").get<std::vector<int>>();
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
          .record = j.at(6).get<int>()};
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
  const int flags = j.at(2).get<int>();
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
        {f.at(0).get<std::uint32_t>(), f.at(1).get<std::string>(), f.at(2).get<std::size_t>()});
    if (n.forms.back().input >= n.inputs.size()) throw PartialError("a form of no name input");
  }
  for (const json& c : j.at("candidates")) {
    const int flags = c.at(1).get<int>();
    n.candidates.push_back(
        {c.at(0).get<std::string>(), (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0});
  }
  n.record_input = j.at("record_input").get<std::vector<std::ptrdiff_t>>();
  for (std::ptrdiff_t in : n.record_input) {
    if (in < -1 || in >= static_cast<std::ptrdiff_t>(n.inputs.size()))
      throw PartialError("a record of no name input");
  }
  return n;
}

std::size_t Codepoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Indices between the parts of a partial point somewhere, pieces are in
// order and inside the text: what the corpus stage and the skeleton assume.
void Check(const Partial& p) {
  std::size_t byte = 0, codepoint = 0;
  for (const TextPiece& piece : p.pieces) {
    if (piece.byte < byte || piece.codepoint < codepoint ||
        piece.byte - byte < piece.codepoint - codepoint)
      throw PartialError("text pieces out of order");
    byte = piece.byte + piece.text.size();
    codepoint = piece.codepoint + Codepoints(piece.text);
  }
  if (byte > p.bytes || codepoint > p.codepoints || p.codepoints > p.bytes)
    throw PartialError("text pieces beyond the text");
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

std::string EncodeNames(const PartialNames& names) {
  return Put(names).dump(-1, ' ', false, json::error_handler_t::replace);
}

PartialNames DecodeNames(std::string_view line) {
  try {
    return GetNames(json::parse(line));
  } catch (const json::exception& e) {
    throw PartialError(std::string("malformed name inputs: ") + e.what());
  }
}

std::string EncodeEvents(const events::DocEvents& events) {
  return Put(events).dump(-1, ' ', false, json::error_handler_t::replace);
}

events::DocEvents DecodeEvents(std::string_view line) {
  try {
    return GetEvents(json::parse(line));
  } catch (const json::exception& e) {
    throw PartialError(std::string("malformed events: ") + e.what());
  }
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
    p.ordinal = j.at("ordinal").get<std::uint64_t>();
    const json& d = j.at("doc");
    p.doc.id = d.at("id").get<std::string>();
    p.doc.outlet = d.at("outlet").get<std::string>();
    p.doc.url = d.at("url").get<std::string>();
    p.doc.date = d.at("date").get<std::string>();
    p.doc.source = d.at("source").get<std::string>();
    p.bytes = d.at("bytes").get<std::size_t>();
    p.codepoints = d.at("codepoints").get<std::size_t>();
    for (const json& t : j.at("pieces"))
      p.pieces.push_back({t.at(0).get<std::size_t>(), t.at(1).get<std::size_t>(), t.at(2)});
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
    if (j.at("v").get<int>() != kStoredResultVersion) {
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
