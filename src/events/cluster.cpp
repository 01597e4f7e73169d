#include "events/cluster.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "events/calendar.h"
#include "events/lexicon.h"

namespace whosaid::events {
namespace {

bool Prefix(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return a.size() <= b.size() && std::equal(a.begin(), a.end(), b.begin());
}

struct Item {
  std::size_t doc = 0;
  int local = 0;
  const DocEvent* event = nullptr;
  const std::string* doc_id = nullptr;
};

// One type lies below the other (attack / airstrike); or, in two documents,
// both types are of one family (types.txt): outlets name one story's armed
// events "clashes", "attacks" or "the capture" alike.
// In one document, too, when both are dated to one day: a report calls one
// day's fighting "the clashes", "the attack on the headquarters" and "the
// seizure of the airport" (other days, or places that differ, part them).
bool TypesAgree(const DocEvent& a, const DocEvent& b, bool same_document) {
  if (Prefix(a.type_path, b.type_path) || Prefix(b.type_path, a.type_path)) return true;
  if (a.family.empty() || a.family != b.family) return false;
  if (!same_document) return true;
  // An undated report's story and another undated event of its family: the
  // lead names the story, later paragraphs tell where ("the killings" …
  // "two days of clashes in the coastal region").
  if ((a.story || b.story) && !a.date && !b.date) return true;
  return a.date && b.date && Width(*a.date) == 1 && *a.date == *b.date;
}

std::vector<const EventPlace*> Where(const std::vector<EventPlace>& places) {
  std::vector<const EventPlace*> at, near;
  for (const auto& p : places) (p.near ? near : at).push_back(&p);
  return at.empty() ? near : at;
}

std::vector<const EventPlace*> Known(std::vector<const EventPlace*> places) {
  places.erase(
      std::remove_if(places.begin(), places.end(), [](const EventPlace* p) { return !p->known; }),
      places.end());
  return places;
}

// Whether the places of two events overlap through the gazetteer (a path is
// a prefix of the other); with `below_country`, at a place below country
// level. A name the gazetteer lacks (a case, a building, a road) says
// nothing, unless both events name it.
bool PathsOverlap(const std::vector<EventPlace>& a, const std::vector<EventPlace>& b,
                  bool below_country) {
  auto ta = Where(a), tb = Where(b);
  for (const EventPlace* x : ta) {
    for (const EventPlace* y : tb) {
      if (!x->known && !y->known && x->path == y->path) return true;
    }
  }
  auto wa = Known(ta), wb = Known(tb);
  if (wa.empty() || wb.empty()) return !below_country;
  for (const EventPlace* x : wa) {
    for (const EventPlace* y : wb) {
      if (below_country && (x->path.size() < 2 || y->path.size() < 2)) continue;
      if (Prefix(x->path, y->path) || Prefix(y->path, x->path)) return true;
    }
  }
  return false;
}

// The countries an event names: its known places' and its actors'.
bool ShareCountry(const DocEvent& a, const DocEvent& b) {
  auto countries = [](const DocEvent& e) {
    std::vector<std::string> out;
    for (const EventPlace& p : e.places) {
      if (p.known && !p.path.empty()) out.push_back(p.path.front());
    }
    for (const Actor& actor : e.actors) {
      if (!actor.country.empty()) out.push_back(actor.country);
    }
    return out;
  };
  auto ca = countries(a), cb = countries(b);
  return std::any_of(ca.begin(), ca.end(), [&](const std::string& c) {
    return std::find(cb.begin(), cb.end(), c) != cb.end();
  });
}

// Statements, meetings, debates happen every day: two of them are one only
// when both are dated to the day and they share a place below country or an
// actor.
bool LocalAgree(const DocEvent& a, const DocEvent& b) {
  if (!a.date || !b.date || Width(*a.date) > 1 || Width(*b.date) > 1) return false;
  bool actor = !a.actors.empty() && !b.actors.empty() && ActorsAgree(a.actors, b.actors);
  return actor || PathsOverlap(a.places, b.places, true);
}

bool Agree(const Item& x, const Item& y, const ClusterConfig& config) {
  const DocEvent& a = *x.event;
  const DocEvent& b = *y.event;
  if (!TypesAgree(a, b, x.doc == y.doc) || !ActorsAgree(a.actors, b.actors) ||
      !PathsOverlap(a.places, b.places, false))
    return false;
  if ((a.local || b.local) && !LocalAgree(a, b)) return false;
  return !a.date || !b.date || Near(*a.date, *b.date, config.date_slack_days);
}

// The order clusters are built in: by content, so that input order and
// thread count change nothing; the most precisely dated first, so that a
// day seeds a cluster before a month or a week joins it.
bool ContentBefore(const Item& x, const Item& y) {
  const DocEvent& a = *x.event;
  const DocEvent& b = *y.event;
  auto date_key = [](const DocEvent& e) {
    return e.date ? std::make_tuple(0, Width(*e.date), e.date->first) : std::make_tuple(1, 0, 0);
  };
  if (date_key(a) != date_key(b)) return date_key(a) < date_key(b);
  if (a.type_path != b.type_path) return a.type_path < b.type_path;
  auto paths = [](const DocEvent& e) {
    std::vector<std::vector<std::string>> out;
    for (const auto& p : e.places) out.push_back(p.path);
    std::sort(out.begin(), out.end());
    return out;
  };
  if (paths(a) != paths(b)) return paths(a) < paths(b);
  if (*x.doc_id != *y.doc_id) return *x.doc_id < *y.doc_id;
  return x.local < y.local;
}

struct Cluster {
  std::vector<Item> items;
  std::optional<DateRange> date;  // the span of its members' dates
};

bool Accepts(const Cluster& c, const Item& e, const ClusterConfig& config) {
  return std::all_of(c.items.begin(), c.items.end(),
                     [&](const Item& i) { return Agree(i, e, config); });
}

int Center(const DateRange& r) { return r.first + (r.last - r.first) / 2; }

// A dated event: the agreeing cluster (dated, of a compatible type) with the
// nearest date, then the most members; -1 for none.
int DatedHome(const std::vector<Cluster>& clusters, const Item& item, const ClusterConfig& config) {
  const DocEvent& e = *item.event;
  int best = -1;
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    const Cluster& c = clusters[k];
    if (!c.date || !Near(*c.date, *e.date, config.date_slack_days) || !Accepts(c, item, config))
      continue;
    if (best < 0) {
      best = static_cast<int>(k);
      continue;
    }
    const Cluster& o = clusters[static_cast<std::size_t>(best)];
    int dk = std::abs(Center(*c.date) - Center(*e.date)),
        dbest = std::abs(Center(*o.date) - Center(*e.date));
    if (dk < dbest || (dk == dbest && c.items.size() > o.items.size())) best = static_cast<int>(k);
  }
  return best;
}

// An undated report's event no dated cluster takes: the one undated cluster
// that agrees with it and holds its document's story (or it is the story:
// TypesAgree), else the one that shares a place below country with it
// (both name "the coastal region"); -1 for none or several.
int UndatedPeer(const std::vector<Cluster>& clusters, const Item& item,
                const ClusterConfig& config) {
  const DocEvent& e = *item.event;
  int found = -1, own = -1, owns = 0;
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    const Cluster& c = clusters[k];
    if (c.date || !Accepts(c, item, config)) continue;
    bool story = std::any_of(c.items.begin(), c.items.end(), [&](const Item& i) {
      return i.doc == item.doc && (i.event->story || e.story);
    });
    bool place = std::any_of(c.items.begin(), c.items.end(), [&](const Item& i) {
      return PathsOverlap(i.event->places, e.places, true);
    });
    if (story) own = static_cast<int>(k), ++owns;
    if (!story && !place) continue;
    found = found == -1 ? static_cast<int>(k) : -2;
  }
  if (owns == 1) return own;  // its own report's story first
  return found >= 0 ? found : -1;
}

// An undated event: the one agreeing cluster dated shortly before its
// document (any date when the document has none) that shares a place below
// country level with it. The event its document's lead reports (the news
// of the day) needs no shared place in a dated document, and only a shared
// country (of a place or an actor) in an undated one.
int UndatedHome(const std::vector<Cluster>& clusters, const Item& item,
                const std::optional<DateRange>& anchor, const ClusterConfig& config) {
  const DocEvent& e = *item.event;
  int found = -1;
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    const Cluster& c = clusters[k];
    if (!c.date) continue;
    if (anchor &&
        (c.date->last > anchor->last || c.date->last < anchor->first - config.undated_days))
      continue;
    bool place = std::any_of(c.items.begin(), c.items.end(), [&](const Item& i) {
      if (PathsOverlap(i.event->places, e.places, true)) return true;
      return e.story && (anchor || ShareCountry(*i.event, e));
    });
    if (!place || !Accepts(c, item, config)) continue;
    if (found >= 0) return -1;  // ambiguous
    found = static_cast<int>(k);
  }
  return found >= 0 || anchor ? found : UndatedPeer(clusters, item, config);
}

// The date of a group: the day most of its day-precise members give (the
// earliest of equals), else the narrowest span.
std::optional<DateRange> GroupDate(const std::vector<const DocEvent*>& members) {
  std::map<int, int> days;
  std::optional<DateRange> narrowest;
  for (const DocEvent* e : members) {
    if (!e->date) continue;
    if (e->date->first == e->date->last) ++days[e->date->first];
    if (!narrowest || Width(*e->date) < Width(*narrowest)) narrowest = e->date;
  }
  int best = 0, best_day = 0;
  for (const auto& [day, n] : days) {
    if (n > best) best = n, best_day = day;
  }
  if (best > 0) return DayRange(best_day);
  return narrowest;
}

std::vector<EventPlace> MergePlaces(const std::vector<const DocEvent*>& members) {
  std::vector<EventPlace> out;
  for (const DocEvent* e : members) {
    for (const EventPlace& p : e->places) {
      auto it = std::find_if(out.begin(), out.end(),
                             [&](const EventPlace& q) { return q.path == p.path; });
      if (it == out.end()) {
        out.push_back(p);
      } else {
        it->mentions += p.mentions;
        it->near = it->near && p.near;
      }
    }
  }
  return out;
}

// The names for `where`: see the header.
std::vector<std::string> WhereNames(const std::vector<const DocEvent*>& members) {
  std::vector<EventPlace> merged = MergePlaces(members);
  std::vector<const EventPlace*> where = Where(merged);
  // A name the gazetteer lacks is finer than a country ("the Kiru
  // interchange"), after the places the gazetteer knows; a part of a
  // country said by its kind ("coastal region", lower case) is listed but
  // keeps the country.
  auto country = [](const EventPlace* p) { return p->known && p->path.size() == 1; };
  auto described = [](const EventPlace* p) {
    return !p->known && !p->path.empty() && !p->path.back().empty() &&
           p->path.back().front() >= 'a' && p->path.back().front() <= 'z';
  };
  bool finer = std::any_of(where.begin(), where.end(),
                           [&](const EventPlace* p) { return !country(p) && !described(p); });
  if (finer) where.erase(std::remove_if(where.begin(), where.end(), country), where.end());
  std::stable_sort(where.begin(), where.end(), [](const EventPlace* a, const EventPlace* b) {
    if (a->known != b->known) return a->known;
    if (a->path.size() != b->path.size()) return a->path.size() < b->path.size();
    if (a->mentions != b->mentions) return a->mentions > b->mentions;
    return a->path.back() < b->path.back();
  });
  std::vector<std::string> names;
  for (const EventPlace* p : where) names.push_back(p->path.back());
  // A cross-border action reported only by country: that country's border.
  bool border =
      std::any_of(members.begin(), members.end(), [](const DocEvent* e) { return e->border; });
  auto named =
      std::count_if(where.begin(), where.end(), [&](const EventPlace* p) { return !described(p); });
  if (!finer && border && named == 1) {
    bool foreign = false;
    for (const DocEvent* e : members) {
      for (const Actor& a : e->actors) {
        const std::string& country = a.country.empty() ? std::string() : a.country;
        foreign |= !country.empty() && country != names[0];
      }
    }
    if (foreign) {
      std::string at_border = names[0];
      at_border += " border";
      names.insert(names.begin(), std::move(at_border));
    }
  }
  return names;
}

}  // namespace

EventRef Summarize(const std::vector<const DocEvent*>& members) {
  EventRef ref;
  const DocEvent* deepest = nullptr;
  for (const DocEvent* e : members) {
    if (!deepest || e->type_path.size() > deepest->type_path.size()) deepest = e;
  }
  if (!deepest) return ref;
  ref.type = deepest->type();
  ref.where = WhereNames(members);
  if (auto d = GroupDate(members)) ref.when = FormatWhen(*d);
  ref.label = ref.type;
  for (const std::string* part : {ref.where.empty() ? nullptr : &ref.where.front(), &ref.when}) {
    if (!part || part->empty()) continue;
    ref.label += ", ";
    ref.label += *part;
  }
  return ref;
}

EventIndex ClusterEvents(const std::vector<DocEvents>& docs, const ClusterConfig& config) {
  std::vector<Item> items;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t k = 0; k < docs[d].events.size(); ++k) {
      items.push_back({d, static_cast<int>(k), &docs[d].events[k], &docs[d].doc});
    }
  }
  std::stable_sort(items.begin(), items.end(), ContentBefore);
  std::vector<Cluster> clusters;
  for (const Item& it : items) {
    const DocEvent& e = *it.event;
    int home = e.date ? DatedHome(clusters, it, config)
                      : UndatedHome(clusters, it, docs[it.doc].anchor, config);
    if (home < 0) {
      clusters.push_back({{}, e.date});
      home = static_cast<int>(clusters.size()) - 1;
    }
    Cluster& c = clusters[static_cast<std::size_t>(home)];
    c.items.push_back(it);
    if (e.date && c.date)
      c.date = DateRange{std::min(c.date->first, e.date->first),
                         std::max(c.date->last, e.date->last), c.date->precision};
  }
  // Global events, numbered by date, type and label.
  EventIndex index;
  for (const Cluster& c : clusters) {
    GlobalEvent g;
    std::vector<const DocEvent*> members;
    for (const Item& i : c.items) {
      members.push_back(i.event);
      g.members.emplace_back(i.doc, i.local);
      g.mentions += i.event->mentions;
      for (const Actor& a : i.event->actors) {
        if (std::find(g.actors.begin(), g.actors.end(), a) == g.actors.end()) g.actors.push_back(a);
      }
    }
    g.ref = Summarize(members);
    g.places = MergePlaces(members);
    g.date = GroupDate(members);
    for (const DocEvent* e : members) {
      if (e->type_path.size() > g.type_path.size()) g.type_path = e->type_path;
    }
    index.events.push_back(std::move(g));
  }
  std::vector<std::size_t> order(index.events.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  auto key = [&](std::size_t k) {
    const GlobalEvent& g = index.events[k];
    const Item& first = clusters[k].items.front();
    return std::make_tuple(g.date ? 0 : 1, g.date ? g.date->first : 0, g.ref.type, g.ref.label,
                           *first.doc_id, first.local);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<GlobalEvent> sorted;
  index.of.resize(docs.size());
  for (std::size_t d = 0; d < docs.size(); ++d) index.of[d].assign(docs[d].events.size(), -1);
  for (std::size_t n = 0; n < order.size(); ++n) {
    GlobalEvent g = std::move(index.events[order[n]]);
    char id[32];  // (not "E" + to_string: GCC 12 -Wrestrict false positive)
    std::snprintf(id, sizeof id, "E%zu", n + 1);
    g.ref.id = id;
    for (const auto& [doc, local] : g.members)
      index.of[doc][static_cast<std::size_t>(local)] = static_cast<int>(n);
    sorted.push_back(std::move(g));
  }
  index.events = std::move(sorted);
  return index;
}

void AssignEvents(const EventIndex& index, std::size_t doc, const DocEvents& events,
                  std::vector<QuoteRecord>& quotes) {
  for (std::size_t i = 0; i < quotes.size() && i < events.quote_event.size(); ++i) {
    const GlobalEvent* g = index.Find(doc, events.quote_event[i]);
    if (g)
      quotes[i].event = g->ref;
    else
      quotes[i].event.reset();
  }
}

}  // namespace whosaid::events
