#include "index/partial_codec.h"

#include <nlohmann/json.hpp>

#include "index/sqlite.h"

namespace whosaid::index {
namespace {

using nlohmann::json;

// Compact arrays, one per struct, in field order: the stored form is read
// only by DecodePartial (docs/index.md describes it as opaque).
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

QuoteRecord GetRecord(const json& j) {
  QuoteRecord r;
  r.quote = GetSpan(j.at(0));
  r.kind = static_cast<QuoteKind>(j.at(1).get<int>());
  if (!j.at(2).is_null()) r.cue = GetSpan(j.at(2));
  if (const json& s = j.at(3); !s.is_null()) {
    r.speaker = Speaker{.entity = s.at(0).get<std::string>(),
                        .name = s.at(1).get<std::string>(),
                        .mention = GetSpan(s.at(2)),
                        .type = static_cast<SpeakerType>(s.at(3).get<int>()),
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
          .kind = static_cast<entities::MentionKind>(j.at(2).get<int>()),
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
  return events::DateRange{j.at(0).get<int>(), j.at(1).get<int>(),
                           static_cast<events::Precision>(j.at(2).get<int>())};
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

}  // namespace

std::string EncodePartial(const DocResult& r) {
  json j = json::object();
  j["v"] = kPartialVersion;
  j["quotes"] = PutAll(r.quotes, [](const QuoteRecord& q) { return Put(q); });
  j["names"] = PutAll(r.names, [](const entities::NameMention& m) { return Put(m); });
  j["events"] = {
      {"doc", r.events.doc},
      {"anchor", Put(r.events.anchor)},
      {"events", PutAll(r.events.events, [](const events::DocEvent& e) { return Put(e); })},
      {"quote_event", r.events.quote_event}};
  j["figures"] = PutAll(r.figures, [](const claims::Figure& f) { return Put(f); });
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

DocResult DecodePartial(std::string_view stored) {
  try {
    const json j = json::parse(stored);
    if (j.at("v").get<int>() != kPartialVersion) {
      throw IndexError("a stored document of partial version " + j.at("v").dump() + ", expected " +
                       std::to_string(kPartialVersion));
    }
    DocResult r;
    for (const json& q : j.at("quotes")) r.quotes.push_back(GetRecord(q));
    for (const json& m : j.at("names")) r.names.push_back(GetMention(m));
    const json& e = j.at("events");
    r.events.doc = e.at("doc").get<std::string>();
    r.events.anchor = GetDate(e.at("anchor"));
    for (const json& ev : e.at("events")) r.events.events.push_back(GetEvent(ev));
    r.events.quote_event = e.at("quote_event").get<std::vector<int>>();
    for (const json& f : j.at("figures")) r.figures.push_back(GetFigure(f));
    return r;
  } catch (const json::exception& e) {
    throw IndexError(std::string("a stored document result is malformed: ") + e.what());
  }
}

}  // namespace whosaid::index
