#include "events/cluster.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

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
  // Its content (ContentOf): events of equal content agree alike with any
  // event of another document.
  std::uint32_t content = 0;
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

// Whether the places of two events overlap through the gazetteer (a path is
// a prefix of the other); with `below_country`, at a place below country
// level. A name the gazetteer lacks (a case, a building, a road) says
// nothing, unless both events name it. The places compared are Where's
// (those an event is at, else those it is near), walked in place: this
// runs for every candidate pair of the run (no vectors made).
bool PathsOverlap(const std::vector<EventPlace>& a, const std::vector<EventPlace>& b,
                  bool below_country) {
  auto has_at = [](const std::vector<EventPlace>& v) {
    return std::any_of(v.begin(), v.end(), [](const EventPlace& p) { return !p.near; });
  };
  const bool at_a = has_at(a), at_b = has_at(b);
  auto in_a = [&](const EventPlace& p) { return !at_a || !p.near; };
  auto in_b = [&](const EventPlace& p) { return !at_b || !p.near; };
  bool known_a = false, known_b = false;
  for (const EventPlace& x : a) {
    if (!in_a(x)) continue;
    known_a |= x.known;
    for (const EventPlace& y : b) {
      if (in_b(y) && !x.known && !y.known && x.path == y.path) return true;
    }
  }
  for (const EventPlace& y : b) known_b |= in_b(y) && y.known;
  if (!known_a || !known_b) return !below_country;
  for (const EventPlace& x : a) {
    if (!in_a(x) || !x.known) continue;
    for (const EventPlace& y : b) {
      if (!in_b(y) || !y.known) continue;
      if (below_country && (x.path.size() < 2 || y.path.size() < 2)) continue;
      if (Prefix(x.path, y.path) || Prefix(y.path, x.path)) return true;
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
// day seeds a cluster before a month or a week joins it. The key is made
// once per event (not per comparison).
struct OrderKey {
  std::tuple<int, int, int> date;
  const std::vector<std::string>* type_path = nullptr;
  std::vector<std::vector<std::string>> paths;  // sorted
};

OrderKey KeyOf(const DocEvent& e) {
  OrderKey k;
  k.date = e.date ? std::make_tuple(0, Width(*e.date), e.date->first) : std::make_tuple(1, 0, 0);
  k.type_path = &e.type_path;
  for (const auto& p : e.places) k.paths.push_back(p.path);
  std::sort(k.paths.begin(), k.paths.end());
  return k;
}

bool ContentBefore(const Item& x, const OrderKey& kx, const Item& y, const OrderKey& ky) {
  if (kx.date != ky.date) return kx.date < ky.date;
  if (*kx.type_path != *ky.type_path) return *kx.type_path < *ky.type_path;
  if (kx.paths != ky.paths) return kx.paths < ky.paths;
  if (*x.doc_id != *y.doc_id) return *x.doc_id < *y.doc_id;
  return x.local < y.local;
}

// What Agree reads of an event, as one string: two events with the same
// key agree alike with a third of another document.
std::string ContentKey(const DocEvent& e) {
  std::string k;
  auto add = [&k](std::string_view part) {
    k += part;
    k += '\x1f';
  };
  for (const std::string& t : e.type_path) add(t);
  k += '\x1e';
  add(e.family);
  k += e.story ? 'S' : 's';
  k += e.local ? 'L' : 'l';
  if (e.date) {
    add(std::to_string(e.date->first));
    add(std::to_string(e.date->last));
    add(std::to_string(static_cast<int>(e.date->precision)));
  }
  k += '\x1e';
  for (const EventPlace& p : e.places) {
    for (const std::string& part : p.path) add(part);
    k += p.near ? 'N' : 'n';
    k += p.known ? 'K' : 'k';
    k += '\x1d';
  }
  k += '\x1e';
  for (const Actor& actor : e.actors) {
    add(actor.name);
    add(actor.country);
  }
  return k;
}

struct Cluster {
  std::vector<Item> items;
  std::optional<DateRange> date;  // the span of its members' dates
  // One member of each content (Item::content) among `items`, by index.
  std::vector<std::uint32_t> distinct;
  // The buckets of days (Clusters::kBucketDays) it is listed under.
  std::optional<std::pair<long, long>> listed;
};

// The clusters built so far, with what finds the few that can take an
// event: a cluster lists itself under every bucket of days its date spans,
// so the dated clusters near a date are those of a few buckets, not all of
// them (the scan over every cluster for every event made the stage grow
// with the square of the run); each cluster checks an event against one
// member per distinct content, and against its members from the event's
// own document (Agree is stricter there: TypesAgree), found through the
// document's own list. The candidates are visited in cluster order, so
// every choice is the one the scan over all clusters made.
class Clusters {
 public:
  static constexpr long kBucketDays = 8;

  explicit Clusters(std::size_t docs) : joined_(docs) {}

  const std::vector<Cluster>& list() const { return list_; }
  const Cluster& operator[](std::size_t k) const { return list_[k]; }

  // Clusters whose date meets [lo, hi] (and maybe others), ascending.
  const std::vector<std::uint32_t>& Meeting(int lo, int hi) const {
    found_.clear();
    for (long b = Bucket(lo); b <= Bucket(hi); ++b) {
      auto it = buckets_.find(b);
      if (it != buckets_.end()) found_.insert(found_.end(), it->second.begin(), it->second.end());
    }
    std::sort(found_.begin(), found_.end());
    found_.erase(std::unique(found_.begin(), found_.end()), found_.end());
    return found_;
  }

  // Whether every member of cluster k agrees with `e` (see above).
  bool Accepts(std::size_t k, const Item& e, const ClusterConfig& config) const {
    const Cluster& c = list_[k];
    for (std::uint32_t r : c.distinct) {
      if (!Agree(c.items[r], e, config)) return false;
    }
    for (const auto& [cluster, at] : joined_[e.doc]) {
      if (cluster == k && !Agree(list_[k].items[at], e, config)) return false;
    }
    return true;
  }
  // Whether any member of cluster k (one per content) satisfies `pred`.
  template <typename Pred>
  bool AnyContent(std::size_t k, Pred&& pred) const {
    const Cluster& c = list_[k];
    return std::any_of(c.distinct.begin(), c.distinct.end(),
                       [&](std::uint32_t r) { return pred(c.items[r]); });
  }
  // Whether any member of cluster k from document `doc` satisfies `pred`.
  template <typename Pred>
  bool AnyOfDocument(std::size_t k, std::size_t doc, Pred&& pred) const {
    for (const auto& [cluster, at] : joined_[doc]) {
      if (cluster == k && pred(list_[k].items[at])) return true;
    }
    return false;
  }

  // Puts `item` into cluster `home` (-1: a new one) and returns its index.
  std::size_t Join(int home, const Item& item) {
    const DocEvent& e = *item.event;
    if (home < 0) {
      list_.push_back({{}, e.date, {}, {}});
      home = static_cast<int>(list_.size()) - 1;
    }
    const auto k = static_cast<std::size_t>(home);
    Cluster& c = list_[k];
    const auto at = static_cast<std::uint32_t>(c.items.size());
    c.items.push_back(item);
    if (contents_.insert((static_cast<std::uint64_t>(k) << 32) | item.content).second)
      c.distinct.push_back(at);
    joined_[item.doc].emplace_back(static_cast<std::uint32_t>(k), at);
    if (e.date && c.date)
      c.date = DateRange{std::min(c.date->first, e.date->first),
                         std::max(c.date->last, e.date->last), c.date->precision};
    if (c.date) List(k);
    return k;
  }

 private:
  static long Bucket(long day) {  // floor division: days before 1970 are negative
    return day >= 0 ? day / kBucketDays : -((-day + kBucketDays - 1) / kBucketDays);
  }
  // Lists cluster k under the buckets its date spans that it is not yet under.
  void List(std::size_t k) {
    Cluster& c = list_[k];
    const long lo = Bucket(c.date->first), hi = Bucket(c.date->last);
    for (long b = lo; b <= hi; ++b) {
      if (c.listed && b >= c.listed->first && b <= c.listed->second) continue;
      buckets_[b].push_back(static_cast<std::uint32_t>(k));
    }
    c.listed = c.listed
                   ? std::make_pair(std::min(lo, c.listed->first), std::max(hi, c.listed->second))
                   : std::make_pair(lo, hi);
  }

  std::vector<Cluster> list_;
  std::unordered_map<long, std::vector<std::uint32_t>> buckets_;
  std::unordered_set<std::uint64_t> contents_;  // (cluster << 32) | content present
  // By document: (cluster, member index) of each of its events placed.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> joined_;
  mutable std::vector<std::uint32_t> found_;
};

int Center(const DateRange& r) { return r.first + (r.last - r.first) / 2; }

// A dated event: the agreeing cluster (dated, of a compatible type) with the
// nearest date, then the most members; -1 for none.
int DatedHome(const Clusters& clusters, const Item& item, const ClusterConfig& config) {
  const DocEvent& e = *item.event;
  int best = -1;
  const int slack = config.date_slack_days;
  for (std::uint32_t k : clusters.Meeting(e.date->first - slack, e.date->last + slack)) {
    const Cluster& c = clusters[k];
    if (!c.date || !Near(*c.date, *e.date, slack) || !clusters.Accepts(k, item, config)) continue;
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
int UndatedPeer(const Clusters& clusters, const Item& item, const ClusterConfig& config) {
  const DocEvent& e = *item.event;
  int found = -1, own = -1, owns = 0;
  for (std::size_t k = 0; k < clusters.list().size(); ++k) {
    const Cluster& c = clusters[k];
    if (c.date || !clusters.Accepts(k, item, config)) continue;
    bool story = clusters.AnyOfDocument(k, item.doc,
                                        [&](const Item& i) { return i.event->story || e.story; });
    bool place = clusters.AnyContent(
        k, [&](const Item& i) { return PathsOverlap(i.event->places, e.places, true); });
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
int UndatedHome(const Clusters& clusters, const Item& item, const std::optional<DateRange>& anchor,
                const ClusterConfig& config) {
  const DocEvent& e = *item.event;
  int found = -1;
  auto consider = [&](std::size_t k) {  // false: ambiguous, stop
    const Cluster& c = clusters[k];
    if (!c.date) return true;
    if (anchor &&
        (c.date->last > anchor->last || c.date->last < anchor->first - config.undated_days))
      return true;
    bool place = clusters.AnyContent(k, [&](const Item& i) {
      if (PathsOverlap(i.event->places, e.places, true)) return true;
      return e.story && (anchor || ShareCountry(*i.event, e));
    });
    if (!place || !clusters.Accepts(k, item, config)) return true;
    if (found >= 0) return false;
    found = static_cast<int>(k);
    return true;
  };
  if (anchor) {
    for (std::uint32_t k : clusters.Meeting(anchor->first - config.undated_days, anchor->last)) {
      if (!consider(k)) return -1;
    }
  } else {
    for (std::size_t k = 0; k < clusters.list().size(); ++k) {
      if (!consider(k)) return -1;
    }
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
  std::vector<OrderKey> keys;
  std::unordered_map<std::string, std::uint32_t> contents;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t k = 0; k < docs[d].events.size(); ++k) {
      const DocEvent& e = docs[d].events[k];
      const auto content =
          contents.emplace(ContentKey(e), static_cast<std::uint32_t>(contents.size()))
              .first->second;
      items.push_back({d, static_cast<int>(k), &e, &docs[d].doc, content});
      keys.push_back(KeyOf(e));
    }
  }
  contents = {};
  std::vector<std::size_t> order_built(items.size());
  for (std::size_t i = 0; i < order_built.size(); ++i) order_built[i] = i;
  std::stable_sort(order_built.begin(), order_built.end(), [&](std::size_t x, std::size_t y) {
    return ContentBefore(items[x], keys[x], items[y], keys[y]);
  });
  keys = {};
  Clusters built(docs.size());
  for (std::size_t i : order_built) {
    const Item& it = items[i];
    const DocEvent& e = *it.event;
    int home =
        e.date ? DatedHome(built, it, config) : UndatedHome(built, it, docs[it.doc].anchor, config);
    built.Join(home, it);
  }
  const std::vector<Cluster>& clusters = built.list();
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
