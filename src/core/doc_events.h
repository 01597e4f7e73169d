// whosaid::events::DocEvents — what the per-document event stage hands to
// the corpus stage: the document's events (mentions of one event grouped)
// and, for each quote record, the event it is about.
//
// Contract
//   Plain values with names, not ids (types as their path from the root
//   type, places as their path from the country), so results of different
//   runs, threads or machines combine: ClusterEvents (cluster.h) needs
//   nothing else.
//   quote_event[i] is the index in `events` of the event quote record i is
//   about, or -1.
//
// Example (an invented document)
//   DocEvents{.doc = "doc-2", .anchor = 2019-03-12,
//             .events = {{.type_path = {"armed action", "military operation", "attack",
//             "airstrike"},
//                         .places = {{{"Iraq", "Kirkuk"}, 1}, {{"Iraq", "Nineveh"}, 1}},
//                         .actors = {{"Turkey", "Turkey"}}, .date = 2019-03-12}, …},
//             .quote_event = {0, -1, -1, 0, …}}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date_range.h"
#include "core/record.h"

namespace whosaid::events {

struct Actor {
  std::string name;
  std::string country;  // "" when the actor acts for no state
  bool operator==(const Actor&) const = default;
};

struct EventPlace {
  std::vector<std::string> path;  // country first: {"Iraq", "Nineveh", "Sinjar"}
  int mentions = 0;
  bool near = false;  // only ever "near" it
  bool operator==(const EventPlace&) const = default;
};

struct DocEvent {
  std::vector<std::string> type_path;  // root type first; the event's type last
  std::vector<EventPlace> places;
  std::vector<Actor> actors;
  std::optional<DateRange> date;
  int mentions = 0;
  bool border = false;  // its document speaks of a border
  bool local = false;  // its type is `local` (types.txt): merges across documents only on a day and
                       // a place or actor
  std::size_t first_byte = 0;  // where it is first mentioned

  const std::string& type() const { return type_path.back(); }
};

struct DocEvents {
  std::string doc;
  std::optional<DateRange> anchor;  // the document's date
  std::vector<DocEvent> events;
  std::vector<int> quote_event;
  // Filled by the corpus pass (run/corpus_run.h): the run-wide EventRef of each
  // of `events`, for the stages after it (claims: the event of a figure).
  std::vector<EventRef> global;
};

}  // namespace whosaid::events
