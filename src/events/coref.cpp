#include "events/coref.h"

#include <algorithm>

namespace whosaid::events {
namespace {

// The places that say where: those the event was at, else those it was near.
std::vector<const PlaceRef*> Where(const std::vector<PlaceRef>& places) {
  std::vector<const PlaceRef*> at, near;
  for (const auto& p : places) (p.near ? near : at).push_back(&p);
  return at.empty() ? near : at;
}

// A place the gazetteer lacks sits in its parent, if known.
int Anchor(const PlaceRef& p) { return p.id >= 0 ? p.id : p.parent; }

}  // namespace

bool PlacesOverlap(const Gazetteer& g, const std::vector<PlaceRef>& a,
                   const std::vector<PlaceRef>& b) {
  auto wa = Where(a), wb = Where(b);
  // A bare name the gazetteer lacks (a case, a building, a road: "in the
  // Kiru Trust case") may be no place: unless both name it, it says nothing.
  auto anchored = [](const std::vector<const PlaceRef*>& w) {
    return std::any_of(w.begin(), w.end(), [](const PlaceRef* p) { return Anchor(*p) >= 0; });
  };
  for (const PlaceRef* x : wa) {
    for (const PlaceRef* y : wb) {
      if (x->id < 0 && y->id < 0 && x->name == y->name) return true;
    }
  }
  if (!anchored(wa) || !anchored(wb)) return true;
  for (const PlaceRef* x : wa) {
    for (const PlaceRef* y : wb) {
      if (x->id < 0 && y->id < 0 && x->name == y->name) return true;
      int ax = Anchor(*x), ay = Anchor(*y);
      if (ax < 0 || ay < 0 || (x->id < 0 && y->id < 0)) continue;
      // A name the gazetteer lacks overlaps only what contains it.
      if (x->id < 0 ? g.Within(ax, ay) : y->id < 0 ? g.Within(ay, ax) : g.Overlap(ax, ay))
        return true;
    }
  }
  return false;
}

EventCoref::EventCoref(const CorefConfig& config, const EventLexicon& lexicon,
                       const Gazetteer& places)
    : config_(config), lex_(lexicon), places_(places) {}

bool EventCoref::Agrees(const Mention& m, const LocalEvent& e) const {
  if (!lex_.Compatible(m.type, e.type)) return false;
  if (m.date && e.date && !Near(*m.date, *e.date, config_.date_slack_days)) return false;
  return PlacesOverlap(places_, m.places, e.places) && ActorsAgree(m.actors, e.actors);
}

// A new mention of another type than the event ("a counterterrorism
// operation in June" and retaliatory strikes) joins it only on evidence: a
// date, a place or an actor they share.
bool EventCoref::Evidence(const Mention& m, const LocalEvent& e) const {
  if (m.type == e.type) return true;
  return (m.date && e.date) || (!m.places.empty() && !e.places.empty()) ||
         (!m.actors.empty() && !e.actors.empty());
}

void EventCoref::Join(const Mention& m, LocalEvent& e) const {
  if (e.mentions == 0) {
    e.type = m.type;
    e.first_word = m.first;
  }
  // A reference names the event it refers to; it never makes it a
  // retaliation ("the killings … revenge attacks had followed": the
  // killings stay an attack).
  bool retypes = !m.reference || m.type != lex_.answer_type() || e.mentions == 0;
  int narrower = lex_.Narrower(e.type, m.type);
  if (retypes && narrower >= 0) e.type = narrower;
  for (const auto& p : m.places) {
    auto it = std::find(e.places.begin(), e.places.end(), p);
    if (it == e.places.end()) {
      e.places.push_back(p);
      e.place_mentions.push_back(1);
    } else {
      ++e.place_mentions[static_cast<std::size_t>(it - e.places.begin())];
    }
  }
  for (const auto& a : m.actors) {
    if (std::find(e.actors.begin(), e.actors.end(), a) == e.actors.end()) e.actors.push_back(a);
  }
  if (m.date && (!e.date || Width(*m.date) < Width(*e.date))) e.date = m.date;
  ++e.mentions;
  e.last_word = m.first;
}

// The event a reference names: that of the latest earlier mention of its
// type or a narrower one ("the airstrikes" → an airstrike), else of any type
// it may name. -1 when there is none (or the antecedent is generic:
// *generic).
int EventCoref::Antecedent(const std::vector<Mention>& ms, std::size_t i, const Grouping& g,
                           bool* generic) const {
  const Mention& m = ms[i];
  for (bool narrower_only : {true, false}) {
    for (std::size_t j = i; j-- > 0;) {
      const Mention& a = ms[j];
      if (a.unreal) continue;
      if (a.generic) {
        if (a.paragraph == m.paragraph && a.head == m.head) {
          *generic = true;
          return -1;
        }
        continue;
      }
      int ev = g.mention_event[j];
      if (ev < 0) continue;
      const LocalEvent& e = g.events[static_cast<std::size_t>(ev)];
      if (narrower_only && lex_.Narrower(m.type, e.type) != e.type) continue;
      if (Agrees(m, e)) return ev;
    }
  }
  return -1;
}

Grouping EventCoref::Run(const std::vector<Mention>& ms) const {
  Grouping g;
  g.mention_event.assign(ms.size(), -1);
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.unreal || m.generic) continue;
    int ev = -1;
    if (m.reference || m.dependent) {
      bool generic = false;
      ev = Antecedent(ms, i, g, &generic);
      if (ev < 0 && (generic || m.dependent || m.cls == TriggerClass::kAnaphor)) continue;
    } else if (!lex_.type(m.type).occasion) {
      // The latest event it agrees with (each statement, briefing … is its
      // own event).
      std::size_t latest = 0;
      for (std::size_t k = 0; k < g.events.size(); ++k) {
        if (Agrees(m, g.events[k]) && Evidence(m, g.events[k]) &&
            (ev < 0 || g.events[k].last_word > latest)) {
          ev = static_cast<int>(k);
          latest = g.events[k].last_word;
        }
      }
    }
    if (ev < 0) {
      g.events.emplace_back();
      ev = static_cast<int>(g.events.size()) - 1;
    }
    g.mention_event[i] = ev;
    // An anaphor ("this act") names an event and adds nothing to it.
    if (m.cls != TriggerClass::kAnaphor) Join(m, g.events[static_cast<std::size_t>(ev)]);
  }
  return g;
}

}  // namespace whosaid::events
