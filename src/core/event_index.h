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

struct EventIndex {
  std::vector<GlobalEvent> events;  // in id order: E1, E2, …
  // Document d's local event e is events[of[first[d] + e]] (-1: none);
  // first has one entry per document and one more (packed: a few bytes per
  // document and per event, not a vector per document).
  std::vector<std::uint32_t> first;
  std::vector<int> of;

  const GlobalEvent* Find(std::size_t doc, int local) const;
};

}  // namespace whosaid::events
