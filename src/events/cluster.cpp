#include "events/cluster.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/release.h"
#include "events/calendar.h"
#include "events/lexicon.h"

namespace whosaid::events {
namespace {

// The run's document events as the clustering reads them, made one document
// at a time (no DocEvents is held): every string interned (id 0 is ""),
// every path (a place's, a type's) interned as its list of string ids, each
// event one fixed row with its places and actors in shared arrays; what
// nothing here reads (first_byte) is not kept. Equal ids are equal strings
// and equal paths, so every test below decides as on the DocEvents.
class Store {
 public:
  struct Place {
    std::uint32_t path = 0;
    int mentions = 0;
    bool near = false, known = true;
    // Made once by Add for PathsOverlap: among the places the event is at
    // (Where: those not near, else all); a path below country level.
    bool in = true, deep = false;
  };
  struct ActorIds {
    std::uint32_t name = 0, country = 0;
  };
  struct Event {
    std::optional<DateRange> date;
    std::uint32_t type = 0;                // path id of its type_path
    std::uint32_t type_slot = 0;           // its type among the run's types (TypesRelated)
    std::uint32_t family = 0;              // string id
    std::uint32_t places = 0, actors = 0;  // first in places_, actors_
    std::uint32_t place_count = 0, actor_count = 0;
    int mentions = 0;
    bool border = false, local = false, story = false;
    // Whether some place `in` is known / unknown / known and deep.
    bool known_in = false, unknown_in = false, deep_in = false;
  };

  Store() { Intern(std::string()); }
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Adds one event; returns its index.
  std::uint32_t Add(const DocEvent& e) {
    Event row;
    row.date = e.date;
    row.type = PathId(e.type_path);
    row.type_slot = TypeSlot(row.type);
    row.family = Intern(e.family);
    row.places = static_cast<std::uint32_t>(places_.size());
    row.place_count = static_cast<std::uint32_t>(e.places.size());
    const bool at =
        std::any_of(e.places.begin(), e.places.end(), [](const EventPlace& p) { return !p.near; });
    for (const EventPlace& p : e.places) {
      const bool in = !at || !p.near;
      places_.push_back({PathId(p.path), p.mentions, p.near, p.known, in, p.path.size() >= 2});
      row.known_in |= in && p.known;
      row.unknown_in |= in && !p.known;
      row.deep_in |= in && p.known && p.path.size() >= 2;
    }
    row.actors = static_cast<std::uint32_t>(actors_.size());
    row.actor_count = static_cast<std::uint32_t>(e.actors.size());
    for (const Actor& a : e.actors) actors_.push_back({Intern(a.name), Intern(a.country)});
    row.mentions = e.mentions;
    row.border = e.border;
    row.local = e.local;
    row.story = e.story;
    events_.push_back(row);
    return static_cast<std::uint32_t>(events_.size() - 1);
  }

  const Event& operator[](std::uint32_t e) const { return events_[e]; }
  std::span<const Place> places(const Event& e) const {
    return {places_.data() + e.places, e.place_count};
  }
  std::span<const ActorIds> actors(const Event& e) const {
    return {actors_.data() + e.actors, e.actor_count};
  }
  const std::vector<std::uint32_t>& path(std::uint32_t id) const { return *paths_[id]; }
  const std::string& string(std::uint32_t id) const { return *strings_[id]; }
  std::size_t path_count() const { return paths_.size(); }

  // One path is a prefix of the other (Iraq / Iraq, Nineveh; either way).
  bool Nested(std::uint32_t a, std::uint32_t b) const {
    const auto &x = path(a), &y = path(b);
    return std::equal(x.begin(),
                      x.begin() + static_cast<std::ptrdiff_t>(std::min(x.size(), y.size())),
                      y.begin());
  }
  // One event's type path is a prefix of the other's (attack / airstrike):
  // one load from a table over the run's few types, made by Seal (the
  // paths compared when the table is not made for the types there are).
  bool TypesRelated(const Event& a, const Event& b) const {
    const std::size_t n = type_paths_.size();
    if (related_.size() != n * n) return Nested(type_paths_[a.type_slot], type_paths_[b.type_slot]);
    return related_[a.type_slot * n + b.type_slot] != 0;
  }
  // Makes TypesRelated's table; called once every event is added.
  void Seal() {
    const std::size_t n = type_paths_.size();
    related_.assign(n * n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        related_[i * n + j] = Nested(type_paths_[i], type_paths_[j]);
      }
    }
  }

  // The event as a DocEvent again (first_byte 0), for the global events.
  DocEvent Made(std::uint32_t e) const {
    const Event& row = events_[e];
    DocEvent out;
    out.type_path = Strings(row.type);
    for (const Place& p : places(row))
      out.places.push_back({Strings(p.path), p.mentions, p.near, p.known});
    for (const ActorIds& a : actors(row)) out.actors.push_back({string(a.name), string(a.country)});
    out.date = row.date;
    out.mentions = row.mentions;
    out.border = row.border;
    out.local = row.local;
    out.family = string(row.family);
    out.story = row.story;
    return out;
  }

  // The path ids ranked in the order of their strings (lexicographic).
  std::vector<std::uint32_t> PathRanks() const {
    std::vector<std::uint32_t> ids(paths_.size()), rank(paths_.size());
    for (std::uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;
    std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto &x = path(a), &y = path(b);
      return std::lexicographical_compare(
          x.begin(), x.end(), y.begin(), y.end(),
          [&](std::uint32_t s, std::uint32_t t) { return string(s) < string(t); });
    });
    for (std::uint32_t r = 0; r < ids.size(); ++r) rank[ids[r]] = r;
    return rank;
  }

 private:
  std::uint32_t Intern(const std::string& s) {
    auto [it, fresh] = string_ids_.try_emplace(s, static_cast<std::uint32_t>(strings_.size()));
    if (fresh) strings_.push_back(&it->first);
    return it->second;
  }
  std::uint32_t PathId(const std::vector<std::string>& parts) {
    std::vector<std::uint32_t> ids;
    ids.reserve(parts.size());
    for (const std::string& p : parts) ids.push_back(Intern(p));
    auto [it, fresh] =
        path_ids_.try_emplace(std::move(ids), static_cast<std::uint32_t>(paths_.size()));
    if (fresh) paths_.push_back(&it->first);
    return it->second;
  }
  std::uint32_t TypeSlot(std::uint32_t path_id) {
    if (slot_of_path_.size() <= path_id) slot_of_path_.resize(path_id + 1, kNoSlot);
    if (slot_of_path_[path_id] == kNoSlot) {
      slot_of_path_[path_id] = static_cast<std::uint32_t>(type_paths_.size());
      type_paths_.push_back(path_id);
    }
    return slot_of_path_[path_id];
  }
  std::vector<std::string> Strings(std::uint32_t path_id) const {
    std::vector<std::string> out;
    for (std::uint32_t s : path(path_id)) out.push_back(string(s));
    return out;
  }

  std::unordered_map<std::string, std::uint32_t> string_ids_;
  std::vector<const std::string*> strings_;  // by id (the map's keys)
  std::map<std::vector<std::uint32_t>, std::uint32_t> path_ids_;
  std::vector<const std::vector<std::uint32_t>*> paths_;  // by id (the map's keys)
  static constexpr std::uint32_t kNoSlot = ~std::uint32_t{0};
  std::vector<std::uint32_t> slot_of_path_;  // by path id: its type slot, or kNoSlot
  std::vector<std::uint32_t> type_paths_;    // by type slot: its path id
  std::vector<std::uint8_t> related_;        // TypesRelated, by slot pair
  std::vector<Event> events_;
  std::vector<Place> places_;
  std::vector<ActorIds> actors_;
};

using Place = Store::Place;
using ActorIds = Store::ActorIds;
using Event = Store::Event;

// What Agree reads of an event (its content): its type, family, story and
// local marks, date, places (path, near, known) and actors; events of one
// content agree alike with any event of another document. Numbers each
// event's content, the first seen 0.
class Contents {
 public:
  explicit Contents(const Store& s) : ids_(0, Hash{&s}, Equal{&s}) {}
  std::uint32_t Of(std::uint32_t e) {
    return ids_.try_emplace(e, static_cast<std::uint32_t>(ids_.size())).first->second;
  }

 private:
  struct Hash {
    const Store* s;
    std::size_t operator()(std::uint32_t e) const {
      const Event& x = (*s)[e];
      std::size_t h = x.type * 31u + x.family;
      auto mix = [&h](std::size_t v) { h = h * 1000003u ^ v; };
      mix((x.story ? 1u : 0u) | (x.local ? 2u : 0u));
      if (x.date)
        mix(static_cast<std::size_t>(x.date->first) * 7u + static_cast<std::size_t>(x.date->last));
      for (const Place& p : s->places(x))
        mix(p.path * 4u + (p.near ? 2u : 0u) + (p.known ? 1u : 0u));
      for (const ActorIds& a : s->actors(x)) mix(a.name * 31u + a.country);
      return h;
    }
  };
  struct Equal {
    const Store* s;
    bool operator()(std::uint32_t a, std::uint32_t b) const {
      const Event &x = (*s)[a], &y = (*s)[b];
      if (x.type != y.type || x.family != y.family || x.story != y.story || x.local != y.local ||
          x.date != y.date)
        return false;
      auto px = s->places(x), py = s->places(y);
      if (!std::equal(px.begin(), px.end(), py.begin(), py.end(),
                      [](const Place& p, const Place& q) {
                        return p.path == q.path && p.near == q.near && p.known == q.known;
                      }))
        return false;
      auto ax = s->actors(x), ay = s->actors(y);
      return std::equal(ax.begin(), ax.end(), ay.begin(), ay.end(),
                        [](const ActorIds& p, const ActorIds& q) {
                          return p.name == q.name && p.country == q.country;
                        });
    }
  };
  std::unordered_map<std::uint32_t, std::uint32_t, Hash, Equal> ids_;  // an event → its content
};

struct Item {
  std::uint32_t doc = 0;
  int local = 0;
  std::uint32_t event = 0;  // in the Store
  // Its content (Contents): events of equal content agree alike with any
  // event of another document.
  std::uint32_t content = 0;
};

// One type lies below the other (attack / airstrike); or, in two documents,
// both types are of one family (types.txt): outlets name one story's armed
// events "clashes", "attacks" or "the capture" alike.
// In one document, too, when both are dated to one day: a report calls one
// day's fighting "the clashes", "the attack on the headquarters" and "the
// seizure of the airport" (other days, or places that differ, part them).
bool TypesAgree(const Store& s, const Event& a, const Event& b, bool same_document) {
  if (s.TypesRelated(a, b)) return true;
  if (a.family == 0 || a.family != b.family) return false;  // (0: "")
  if (!same_document) return true;
  // An undated report's story and another undated event of its family: the
  // lead names the story, later paragraphs tell where ("the killings" …
  // "two days of clashes in the coastal region").
  if ((a.story || b.story) && !a.date && !b.date) return true;
  return a.date && b.date && Width(*a.date) == 1 && *a.date == *b.date;
}

// lexicon.h's ActorsAgree on interned actors (0: no country).
bool ActorsAgree(std::span<const ActorIds> a, std::span<const ActorIds> b) {
  if (a.empty() || b.empty()) return true;
  for (const ActorIds& x : a) {
    for (const ActorIds& y : b) {
      if (x.name == y.name) return true;
      if (x.country != 0 && (x.country == y.country || x.country == y.name)) return true;
      if (y.country != 0 && y.country == x.name) return true;
    }
  }
  return false;
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
// (those an event is at, else those it is near: Place::in), walked in
// place: this runs for every candidate pair of the run (no vectors made),
// and the events' own summaries (Event::known_in, unknown_in, deep_in)
// answer most pairs before any pair of places is looked at.
bool PathsOverlap(const Store& s, const Event& a, const Event& b, bool below_country) {
  const auto pa = s.places(a), pb = s.places(b);
  if (a.unknown_in && b.unknown_in) {  // a name the gazetteer lacks, named by both
    for (const Place& x : pa) {
      if (!x.in || x.known) continue;
      for (const Place& y : pb) {
        if (y.in && !y.known && x.path == y.path) return true;
      }
    }
  }
  if (!a.known_in || !b.known_in) return !below_country;
  if (below_country && (!a.deep_in || !b.deep_in)) return false;
  for (const Place& x : pa) {
    if (!x.in || !x.known || (below_country && !x.deep)) continue;
    for (const Place& y : pb) {
      if (!y.in || !y.known || (below_country && !y.deep)) continue;
      if (s.Nested(x.path, y.path)) return true;
    }
  }
  return false;
}

// False when PathsOverlap(s, a, e, true) is false for every event a: e is
// at no place below country level and at no name the gazetteer lacks (the
// scans for an undated event's home skip what only such a place could pass).
bool MayOverlapBelowCountry(const Event& e) { return e.unknown_in || e.deep_in; }

// The countries an event names: its known places' and its actors'.
// Whether event e names country c (a string id) so.
bool NamesCountry(const Store& s, const Event& e, std::uint32_t c) {
  for (const Place& p : s.places(e)) {
    if (p.known && !s.path(p.path).empty() && s.path(p.path).front() == c) return true;
  }
  for (const ActorIds& actor : s.actors(e)) {
    if (actor.country != 0 && actor.country == c) return true;
  }
  return false;
}

// Whether two events name a country in common (no lists made: an undated
// story asks it of every member content of every dated cluster).
bool ShareCountry(const Store& s, const Event& a, const Event& b) {
  for (const Place& p : s.places(a)) {
    if (p.known && !s.path(p.path).empty() && NamesCountry(s, b, s.path(p.path).front()))
      return true;
  }
  for (const ActorIds& actor : s.actors(a)) {
    if (actor.country != 0 && NamesCountry(s, b, actor.country)) return true;
  }
  return false;
}

// Statements, meetings, debates happen every day: two of them are one only
// when both are dated to the day and they share a place below country or an
// actor.
bool LocalAgree(const Store& s, const Event& a, const Event& b) {
  if (!a.date || !b.date || Width(*a.date) > 1 || Width(*b.date) > 1) return false;
  bool actor = a.actor_count > 0 && b.actor_count > 0 && ActorsAgree(s.actors(a), s.actors(b));
  return actor || PathsOverlap(s, a, b, true);
}

bool Agree(const Store& s, const Item& x, const Item& y, const ClusterConfig& config) {
  const Event& a = s[x.event];
  const Event& b = s[y.event];
  if (!TypesAgree(s, a, b, x.doc == y.doc) || !ActorsAgree(s.actors(a), s.actors(b)) ||
      !PathsOverlap(s, a, b, false))
    return false;
  if ((a.local || b.local) && !LocalAgree(s, a, b)) return false;
  return !a.date || !b.date || Near(*a.date, *b.date, config.date_slack_days);
}

// An event no event agrees with (Agree false with it on either side, in
// one document or two): of a local type (LocalAgree) and not dated to the
// day, or naming no actor and no place PathsOverlap could find below
// country (MayOverlapBelowCountry). Statements reported by week or month
// are many in a run, and copies of one report (wire copy) are each such
// an event: each is a cluster of its own, and no later event need be
// checked against it (Clusters::Join leaves it unlisted).
bool NeverAgrees(const Event& e) {
  if (!e.local) return false;
  if (!e.date || Width(*e.date) > 1) return true;
  return e.actor_count == 0 && !MayOverlapBelowCountry(e);
}

// The order clusters are built in: by content, so that input order and
// thread count change nothing; the most precisely dated first, so that a
// day seeds a cluster before a month or a week joins it; then by type path
// and place paths (as strings: their ranks, Store::PathRanks), document id,
// local index. The key is made once per event (not per comparison).
struct OrderKey {
  std::tuple<int, int, int> date;
  std::uint32_t type_rank = 0;
  std::vector<std::uint32_t> paths;  // ranks, sorted
};

OrderKey KeyOf(const Store& s, const Event& e, const std::vector<std::uint32_t>& rank) {
  OrderKey k;
  k.date = e.date ? std::make_tuple(0, Width(*e.date), e.date->first) : std::make_tuple(1, 0, 0);
  k.type_rank = rank[e.type];
  for (const Place& p : s.places(e)) k.paths.push_back(rank[p.path]);
  std::sort(k.paths.begin(), k.paths.end());
  return k;
}

bool ContentBefore(const Item& x, const OrderKey& kx, const Item& y, const OrderKey& ky,
                   const std::vector<std::string>& doc_ids) {
  if (kx.date != ky.date) return kx.date < ky.date;
  if (kx.type_rank != ky.type_rank) return kx.type_rank < ky.type_rank;
  if (kx.paths != ky.paths) return kx.paths < ky.paths;
  if (doc_ids[x.doc] != doc_ids[y.doc]) return doc_ids[x.doc] < doc_ids[y.doc];
  return x.local < y.local;
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
// document's own list. The candidates are visited once each in no order,
// and every choice is the one the scan over all clusters in cluster order
// made (the lowest index breaks DatedHome's ties; UndatedHome takes the one
// cluster or none).
class Clusters {
 public:
  static constexpr long kBucketDays = 8;

  Clusters(const Store& store, std::size_t docs) : store_(store), joined_(docs) {}

  const Store& store() const { return store_; }

  const std::vector<Cluster>& list() const { return list_; }
  // The dated clusters and the undated ones, each ascending (a cluster is
  // dated or not from its first member on: an undated one takes no dated
  // event, and a dated one stays dated), so that a scan for one kind does
  // not step over the other.
  const std::vector<std::uint32_t>& dated() const { return dated_; }
  const std::vector<std::uint32_t>& undated() const { return undated_; }
  const Cluster& operator[](std::size_t k) const { return list_[k]; }

  // Calls visit(k) once for each cluster whose date meets [lo, hi] (and
  // maybe others), in no particular order, until it returns false (then
  // false): each bucket's list in turn, a cluster listed under several
  // buckets of the span in the first of them only (its buckets are one run,
  // Cluster::listed), so nothing is merged or copied. A caller's answer must
  // not depend on the order (DatedHome breaks ties by index). visit may not
  // Join.
  template <typename Visit>
  bool ForEachMeeting(int lo, int hi, Visit&& visit) const {
    const long first = Bucket(lo), last = Bucket(hi);
    for (long b = first; b <= last; ++b) {
      const auto it = buckets_.find(b);
      if (it == buckets_.end()) continue;
      for (const std::uint32_t k : it->second) {
        if (b > first && list_[k].listed->first < b) continue;  // (visited under b - 1)
        if (!visit(k)) return false;
      }
    }
    return true;
  }

  // Whether every member of cluster k agrees with `e` (see above).
  bool Accepts(std::size_t k, const Item& e, const ClusterConfig& config) const {
    const Cluster& c = list_[k];
    for (std::uint32_t r : c.distinct) {
      if (!Agree(store_, c.items[r], e, config)) return false;
    }
    for (const auto& [cluster, at] : joined_[e.doc]) {
      if (cluster == k && !Agree(store_, list_[k].items[at], e, config)) return false;
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
  // A new cluster of an event no event agrees with (NeverAgrees) accepts
  // nothing (Accepts asks its one member): it is kept in the list but in
  // no bucket and neither in dated() nor undated(), so no scan visits it
  // (each scan's choice is among clusters that accept the event).
  std::size_t Join(int home, const Item& item) {
    const Event& e = store_[item.event];
    if (home < 0 && NeverAgrees(e)) {
      list_.push_back({{item}, e.date, {0}, {}});  // (nor in joined_: none asks of it)
      return list_.size() - 1;
    }
    if (home < 0) {
      list_.push_back({{}, e.date, {}, {}});
      home = static_cast<int>(list_.size()) - 1;
      (e.date ? dated_ : undated_).push_back(static_cast<std::uint32_t>(home));
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
      std::vector<std::uint32_t>& list = buckets_[b];  // ascending: a new cluster goes last
      list.insert(std::upper_bound(list.begin(), list.end(), k), static_cast<std::uint32_t>(k));
    }
    c.listed = c.listed
                   ? std::make_pair(std::min(lo, c.listed->first), std::max(hi, c.listed->second))
                   : std::make_pair(lo, hi);
  }

  const Store& store_;
  std::vector<Cluster> list_;
  std::vector<std::uint32_t> dated_, undated_;  // indices into list_
  std::unordered_map<long, std::vector<std::uint32_t>> buckets_;
  std::unordered_set<std::uint64_t> contents_;  // (cluster << 32) | content present
  // By document: (cluster, member index) of each of its events placed.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> joined_;
};

int Center(const DateRange& r) { return r.first + (r.last - r.first) / 2; }

// A dated event: the agreeing cluster (dated, of a compatible type) with the
// nearest date, then the most members, then the lowest index (the first of
// a scan in cluster order); -1 for none. The order is decided before
// Accepts is asked (its member-by-member agreement is the cost): a cluster
// that would not beat the best accepted so far is not asked.
int DatedHome(const Clusters& clusters, const Item& item, const ClusterConfig& config) {
  const Event& e = clusters.store()[item.event];
  int best = -1;
  int dbest = 0;
  const int slack = config.date_slack_days;
  const int center = Center(*e.date);
  clusters.ForEachMeeting(e.date->first - slack, e.date->last + slack, [&](std::uint32_t k) {
    const Cluster& c = clusters[k];
    if (!c.date || !Near(*c.date, *e.date, slack)) return true;
    const int dk = std::abs(Center(*c.date) - center);
    if (best >= 0) {
      const Cluster& o = clusters[static_cast<std::size_t>(best)];
      const bool better =
          dk != dbest ? dk < dbest
                      : (c.items.size() != o.items.size() ? c.items.size() > o.items.size()
                                                          : k < static_cast<std::uint32_t>(best));
      if (!better) return true;
    }
    if (!clusters.Accepts(k, item, config)) return true;
    best = static_cast<int>(k);
    dbest = dk;
    return true;
  });
  return best;
}

// An undated report's event no dated cluster takes: the one undated cluster
// that agrees with it and holds its document's story (or it is the story:
// TypesAgree), else the one that shares a place below country with it
// (both name "the coastal region"); -1 for none or several.
int UndatedPeer(const Clusters& clusters, const Item& item, const ClusterConfig& config) {
  const Store& s = clusters.store();
  const Event& e = s[item.event];
  int found = -1, own = -1, owns = 0;
  const bool may_overlap = MayOverlapBelowCountry(e);
  for (const std::uint32_t k : clusters.undated()) {
    // (the two cheap tests before Accepts: a cluster that passes neither
    // counts for nothing, accepted or not)
    bool story = clusters.AnyOfDocument(k, item.doc,
                                        [&](const Item& i) { return s[i.event].story || e.story; });
    bool place = may_overlap && clusters.AnyContent(k, [&](const Item& i) {
      return PathsOverlap(s, s[i.event], e, true);
    });
    if (!story && !place) continue;
    if (!clusters.Accepts(k, item, config)) continue;
    if (story) own = static_cast<int>(k), ++owns;
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
  const Store& s = clusters.store();
  const Event& e = s[item.event];
  int found = -1;
  auto consider = [&](std::size_t k) {  // false: ambiguous, stop
    const Cluster& c = clusters[k];
    if (!c.date) return true;
    if (anchor &&
        (c.date->last > anchor->last || c.date->last < anchor->first - config.undated_days))
      return true;
    bool place = clusters.AnyContent(k, [&](const Item& i) {
      if (PathsOverlap(s, s[i.event], e, true)) return true;
      return e.story && (anchor || ShareCountry(s, s[i.event], e));
    });
    if (!place || !clusters.Accepts(k, item, config)) return true;
    if (found >= 0) return false;
    found = static_cast<int>(k);
    return true;
  };
  // An event that is not its lead's story and names no place below country
  // shares no place with any cluster (`place` false for each): none is its
  // home, and no cluster is read.
  if (!e.story && !MayOverlapBelowCountry(e))
    return anchor ? -1 : UndatedPeer(clusters, item, config);
  if (anchor) {
    // (each cluster once, in any order: `found` is the one or none)
    if (!clusters.ForEachMeeting(anchor->first - config.undated_days, anchor->last, consider))
      return -1;
  } else {
    for (const std::uint32_t k : clusters.dated()) {  // (consider passes every undated one)
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
  ref.label = EventLabel(ref.type, ref.where, ref.when);
  return ref;
}

EventIndex ClusterEvents(const std::vector<DocEvents>& docs, const ClusterConfig& config) {
  return ClusterEvents(
      docs.size(), [&docs](std::size_t d) -> const DocEvents& { return docs[d]; }, config);
}

EventIndex ClusterEvents(std::size_t docs, const DocEventsReader& read,
                         const ClusterConfig& config) {
  // every document read once, in order, into the store (nothing of it held)
  Store store;
  std::vector<Item> items;
  std::vector<std::string> doc_ids(docs);
  std::vector<std::optional<DateRange>> anchors(docs);
  EventIndex index;
  index.first.reserve(docs + 1);
  index.first.push_back(0);
  {
    Contents contents(store);  // (only while reading)
    for (std::size_t d = 0; d < docs; ++d) {
      const DocEvents& doc = read(d);
      doc_ids[d] = doc.doc;
      anchors[d] = doc.anchor;
      for (std::size_t k = 0; k < doc.events.size(); ++k) {
        const std::uint32_t e = store.Add(doc.events[k]);
        items.push_back({static_cast<std::uint32_t>(d), static_cast<int>(k), e, contents.Of(e)});
      }
      index.first.push_back(static_cast<std::uint32_t>(items.size()));
    }
  }
  store.Seal();
  std::vector<std::size_t> order_built(items.size());
  {
    const std::vector<std::uint32_t> rank = store.PathRanks();
    std::vector<OrderKey> keys;
    keys.reserve(items.size());
    for (const Item& it : items) keys.push_back(KeyOf(store, store[it.event], rank));
    for (std::size_t i = 0; i < order_built.size(); ++i) order_built[i] = i;
    std::stable_sort(order_built.begin(), order_built.end(), [&](std::size_t x, std::size_t y) {
      return ContentBefore(items[x], keys[x], items[y], keys[y], doc_ids);
    });
  }
  Clusters built(store, docs);
  for (std::size_t i : order_built) {
    const Item& it = items[i];
    // (an event no event agrees with has no home: not looked for)
    int home = NeverAgrees(store[it.event]) ? -1
               : store[it.event].date       ? DatedHome(built, it, config)
                                            : UndatedHome(built, it, anchors[it.doc], config);
    built.Join(home, it);
  }
  Release(order_built);
  Release(items);
  const std::vector<Cluster>& clusters = built.list();
  // Global events, numbered by date, type and label (their members made
  // DocEvents again, one cluster at a time); without details only their
  // refs, packed (PackedEventRefs), in cluster order until numbered.
  std::vector<std::optional<DateRange>> dates(clusters.size());
  std::vector<std::string> labels;  // without details: each cluster's, for the order
  PackedEventRefs& packed = index.refs;
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    const Cluster& c = clusters[k];
    std::vector<DocEvent> made;
    made.reserve(c.items.size());
    std::vector<const DocEvent*> members;
    for (const Item& i : c.items) {
      made.push_back(store.Made(i.event));
      members.push_back(&made.back());
    }
    dates[k] = GroupDate(members);
    if (!config.details) {
      const EventRef ref = Summarize(members);
      labels.push_back(ref.label);
      packed.refs.push_back(packed.Pack(ref));
      continue;
    }
    GlobalEvent g;
    g.ref = Summarize(members);
    g.date = dates[k];
    for (const Item& i : c.items) g.members.emplace_back(i.doc, i.local);
    for (const DocEvent* e : members) {
      g.mentions += e->mentions;
      for (const Actor& a : e->actors) {
        if (std::find(g.actors.begin(), g.actors.end(), a) == g.actors.end()) g.actors.push_back(a);
      }
      if (e->type_path.size() > g.type_path.size()) g.type_path = e->type_path;
    }
    g.places = MergePlaces(members);
    index.events.push_back(std::move(g));
  }
  auto type = [&](std::size_t k) -> const std::string& {
    return config.details ? index.events[k].ref.type : packed.strings[packed.refs[k].type];
  };
  auto label = [&](std::size_t k) -> const std::string& {
    return config.details ? index.events[k].ref.label : labels[k];
  };
  // by (dated first, first day, type, label, first member's document id,
  // its local event)
  auto before = [&](std::size_t a, std::size_t b) {
    const std::optional<DateRange>&da = dates[a], &db = dates[b];
    if (da.has_value() != db.has_value()) return da.has_value();
    if (da && da->first != db->first) return da->first < db->first;
    if (int c = type(a).compare(type(b)); c != 0) return c < 0;
    if (int c = label(a).compare(label(b)); c != 0) return c < 0;
    const Item& fa = clusters[a].items.front();
    const Item& fb = clusters[b].items.front();
    if (int c = doc_ids[fa.doc].compare(doc_ids[fb.doc]); c != 0) return c < 0;
    return fa.local < fb.local;
  };
  std::vector<std::size_t> order(clusters.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), before);
  Release(labels);
  Release(dates);
  index.of.assign(index.first.back(), -1);
  for (std::size_t n = 0; n < order.size(); ++n) {
    for (const Item& i : clusters[order[n]].items)
      index.of[index.first[i.doc] + static_cast<std::uint32_t>(i.local)] = static_cast<int>(n);
  }
  if (!config.details) {
    std::vector<PackedEventRefs::Ref> numbered;
    numbered.reserve(order.size());
    for (std::size_t k : order) numbered.push_back(packed.refs[k]);
    packed.refs = std::move(numbered);
    packed.Done();
    return index;
  }
  std::vector<GlobalEvent> sorted;
  sorted.reserve(order.size());
  for (std::size_t n = 0; n < order.size(); ++n) {
    GlobalEvent g = std::move(index.events[order[n]]);
    char id[32];  // (not "E" + to_string: GCC 12 -Wrestrict false positive)
    std::snprintf(id, sizeof id, "E%zu", n + 1);
    g.ref.id = id;
    g.members.shrink_to_fit();
    sorted.push_back(std::move(g));
  }
  index.events = std::move(sorted);
  return index;
}

void AssignEvents(const EventIndex& index, std::size_t doc, const DocEvents& events,
                  std::vector<QuoteRecord>& quotes) {
  for (std::size_t i = 0; i < quotes.size() && i < events.quote_event.size(); ++i) {
    quotes[i].event = index.Ref(doc, events.quote_event[i]);
  }
}

}  // namespace whosaid::events
