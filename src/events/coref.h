// whosaid::events::EventCoref — groups one document's event mentions into
// its events: every mention of the same real-world event in the document
// gets one event.
//
// Input: the mentions of MentionFinder, in text order. Output: the events
// and, per mention, its event (-1 for unreal and generic mentions, and for
// an anaphor with nothing to refer to).
// How:
//   * a reference ("the raids", "the operation", "this shameful act", the
//     event a response answers) joins the event of the latest earlier
//     mention whose type it may name (types.txt); a generic mention of the
//     same word in the same paragraph makes it generic too ("a spate of
//     attacks … the attacks were launched from …");
//   * any other mention joins the latest event it agrees with — a type one
//     of them lies below, places that overlap through the gazetteer, actors
//     that agree, dates within `date_slack_days`; of another type only when
//     they share a date, a place or an actor — or starts a new one (each
//     statement, briefing, … is its own).
//   An event takes the narrowest type (a reference never makes it the
//   answer type: a retaliation is another event), every place, actor and
//   the narrowest date of its mentions.
//
// Example
//   "Turkey bombed Nineveh on Tuesday. The raids killed 12. A meeting in
//   Baghdad …" → events {airstrike: mentions 0, 1}, {meeting: mention 2}
#pragma once

#include <optional>
#include <vector>

#include "events/gazetteer.h"
#include "events/lexicon.h"
#include "events/mentions.h"

namespace whosaid::events {

struct CorefConfig {
  int date_slack_days = 2;  // two dated mentions further apart are two events
};

struct LocalEvent {
  int type = -1;
  std::vector<PlaceRef> places;
  std::vector<int> place_mentions;  // how many mentions name each place
  std::vector<Actor> actors;
  std::optional<DateRange> date;
  int mentions = 0;
  std::size_t first_word = 0;  // its first mention's trigger
  std::size_t last_word = 0;   // its latest mention's trigger
};

struct Grouping {
  std::vector<LocalEvent> events;
  std::vector<int> mention_event;  // per mention; -1: none
};

class EventCoref {
 public:
  EventCoref(const CorefConfig& config, const EventLexicon& lexicon, const Gazetteer& places);

  Grouping Run(const std::vector<Mention>& mentions) const;

  // Whether a mention may be an event already seen (type, dates, places,
  // actors all agree).
  bool Agrees(const Mention& m, const LocalEvent& e) const;
  // Whether a new mention of another type than the event shares a date, a
  // place or an actor with it (one of the same type needs none).
  bool Evidence(const Mention& m, const LocalEvent& e) const;

 private:
  int Antecedent(const std::vector<Mention>& ms, std::size_t i, const Grouping& g,
                 bool* generic) const;
  void Join(const Mention& m, LocalEvent& e) const;

  CorefConfig config_;
  const EventLexicon& lex_;
  const Gazetteer& places_;
};

// Whether two sets of places may belong to one event: either is empty, or a
// place of one lies within a place of the other ("near" places only count
// when a set has nothing else). A name the gazetteer lacks and places in
// nothing it knows ("the Kiru Trust case") counts only when both sets name
// it: a set of nothing else is as good as empty.
bool PlacesOverlap(const Gazetteer& g, const std::vector<PlaceRef>& a,
                   const std::vector<PlaceRef>& b);

}  // namespace whosaid::events
