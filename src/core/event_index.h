// whosaid::events::EventIndex — the corpus-level event stage's result
// (events/cluster.h: ClusterEvents): one GlobalEvent per real-world event
// across every document of a run, with its members (document index, local
// event), its type, places, actors, date and the EventRef quote records
// show. Plain values; the event report (output/event_report.h) reads it.
//
// Example
//   const GlobalEvent* e = index.Find(0, 2);   // document 0's third event
//   if (e) e->ref.label == "airstrike, Nineveh, 2019-03-12";
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/doc_events.h"
#include "core/record.h"

namespace whosaid::events {

struct GlobalEvent {
  EventRef ref;  // what quote records show
  std::vector<std::string> type_path;
  std::vector<EventPlace> places;
  std::vector<Actor> actors;
  std::optional<DateRange> date;
  std::vector<std::pair<std::uint32_t, int>> members;  // (document index, local event)
  int mentions = 0;
};

// Without details (events::ClusterConfig::details false) a global event is
// only its ref, packed: its type, places and date as ids of strings kept
// once per index (20-odd bytes an event, not a GlobalEvent's 280 and its
// strings: the 1 GB corpus has ~460k global events); its id is its number
// ("E" n+1) and its label is made again (EventLabel).
struct PackedEventRefs {
  struct Ref {
    std::uint32_t type = 0, when = 0;         // ids in `strings`
    std::uint32_t where = 0, where_size = 0;  // its places: where_ids[where, + where_size)
  };
  std::vector<Ref> refs;  // by event number (once the index is made)
  std::vector<std::string> strings{std::string()};
  std::vector<std::uint32_t> where_ids;

  // `ref`'s type, where and when (its id and label are not kept).
  Ref Pack(const EventRef& ref);
  // Once every ref is packed: the lookup of strings goes (no Pack after).
  void Done();
  // Event n's ref as it was packed, with id "E" n+1 and its label.
  EventRef Unpack(std::size_t n) const;

 private:
  std::uint32_t Intern(const std::string& s);           // its id in `strings`, added on first sight
  std::unordered_map<std::string, std::uint32_t> ids_;  // while packing
};

// "type, first place, when" (those that are not empty): what an EventRef's
// label reads (events::Summarize).
std::string EventLabel(const std::string& type, const std::vector<std::string>& where,
                       const std::string& when);

struct EventIndex {
  std::vector<GlobalEvent> events;  // in id order: E1, E2, … (with details)
  PackedEventRefs refs;             // in id order, without details (`events` empty)
  // Document d's local event e is event number of[first[d] + e] (-1: none);
  // first has one entry per document and one more (packed: a few bytes per
  // document and per event, not a vector per document).
  std::vector<std::uint32_t> first;
  std::vector<int> of;

  // The event's GlobalEvent (with details only; else null).
  const GlobalEvent* Find(std::size_t doc, int local) const;
  // Its ref (with or without details); none when it has no global event.
  std::optional<EventRef> Ref(std::size_t doc, int local) const;
  // How many global events the index has.
  std::size_t size() const { return events.empty() ? refs.refs.size() : events.size(); }

 private:
  int Number(std::size_t doc, int local) const;  // -1: none
};

}  // namespace whosaid::events
