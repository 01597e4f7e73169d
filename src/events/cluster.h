// whosaid::events::ClusterEvents — the corpus half of event analysis: one
// id per real-world event across every document of a run.
//
// Input: every document's DocEvents (event_stage.h), in any order, read one
// document at a time (DocEventsReader: none is held; each event is kept only
// as what the clustering and the global events read, its strings and paths
// interned — a few dozen bytes and its places and actors). Output:
// the global events, each with its member document events, its type,
// places, actors, date, an output EventRef (id, type, where, when, label)
// and, per (document, local event), its global event.
//
// Two document events may be one event when
//   * their types agree: one lies below the other (attack / airstrike), or
//     both are of one family (types.txt: outlets call one day's fighting
//     "clashes", "attacks" or "the capture of the city") — in one document
//     only when both are dated to the same day;
//   * their places overlap through the gazetteer hierarchy (a path is a
//     prefix of the other: Iraq / Nineveh / Sinjar), or one has none (a
//     bare name the gazetteer lacks, EventPlace::known false, counts only
//     when both name it: "the Kiru Trust case" may be no place);
//   * their actors agree (lexicon.h: ActorsAgree);
//   * their dates lie within `date_slack_days` (a month-level date is
//     compatible with every day of its month).
//   In one document, an undated report's story and another undated event
//   of its family are one (its lead names it, later paragraphs say where).
// A cluster only takes an event that agrees with every member (no chains).
// An event with no date joins only when exactly one cluster dated within the
// `undated_days` before its document's date (any date when the document has
// none: an undated report of a dated event) agrees with it and they share a
// place below country level — or, for the event its document's lead
// reports (DocEvent::story), in a dated document nothing more, in an
// undated one a country (of a place or an actor); else, in an undated
// document, it joins the one undated cluster sharing a place below country
// with it (both name "the coastal region") or holding its document's
// story; otherwise it stays alone.
//
// Cost: an event is checked only against the clusters dated near it (they
// are listed by buckets of days; an undated event of an undated document
// still looks at every cluster), and against one member of a cluster per
// distinct content plus the members from its own document — not every
// member of every cluster, which grew with the square of the run (a story
// reported alike by many outlets is one content). The result is the one
// the full comparison gives.
//
// Ids: the clusters are built in an order fixed by the events' own content
// (date, type, places, document id), not by input order or thread count,
// and numbered E1, E2, … by date (undated last), type and label — stable
// for a run and independent of the order the documents came in.
//
// `where` lists the places most precise first-level first: below-country
// places when there are any (Nineveh, Sinjar), else the country; a strike
// reported only by country, by an actor of another country, in a document
// that speaks of a border, is placed at that country's border
// ("Syria border"); a part of a country said by its kind ("coastal
// region") comes last and leaves the country in. `label` is "type, first
// place, when".
//
// Example
//   EventIndex index = ClusterEvents({doc_a_events, doc_b_events});
//   const GlobalEvent* e = index.Find(0, 2);
//   e->ref.label == "airstrike, Nineveh, 2019-03-12";
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/doc_events.h"
#include "core/event_index.h"
#include "core/record.h"

namespace whosaid::events {

struct ClusterConfig {
  int date_slack_days = 2;  // dated events further apart are different events
  int undated_days = 7;     // how far back an undated event looks for its cluster
  // False: each global event keeps only its ref (what records show) and
  // date; its type path, places, actors, members and mentions are left
  // empty (the event report and the index read them, extract's records not).
  bool details = true;
};

// Gives document `doc`'s events; called for doc = 0, 1, … in order, once
// each; the reference needs to stay valid only until the next call.
using DocEventsReader = std::function<const DocEvents&(std::size_t doc)>;

// The documents 0 … docs-1 as `read` gives them (the index numbers them so).
EventIndex ClusterEvents(std::size_t docs, const DocEventsReader& read,
                         const ClusterConfig& config = {});
EventIndex ClusterEvents(const std::vector<DocEvents>& docs, const ClusterConfig& config = {});

// The EventRef a group of document events reads as (id left empty): used by
// ClusterEvents, and for one document's events before clustering.
EventRef Summarize(const std::vector<const DocEvent*>& members);

// Sets each quote record's `event` from the index (null where the document
// links none).
void AssignEvents(const EventIndex& index, std::size_t doc, const DocEvents& events,
                  std::vector<QuoteRecord>& quotes);

}  // namespace whosaid::events
