// Tests for core/event_index.h: EventLabel, and PackedEventRefs giving back
// each ref packed (its id by number, its label made again), strings kept once.
#include "core/event_index.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::events {

TEST_SUITE("core.event_index") {
  TEST_CASE("EventLabel: type, first place, when, those not empty") {
    struct Row {
      std::string type;
      std::vector<std::string> where;
      std::string when, label;
    } rows[] = {
        {"airstrike", {"Nineveh", "Sinjar"}, "2019-03-12", "airstrike, Nineveh, 2019-03-12"},
        {"airstrike", {}, "2019-03", "airstrike, 2019-03"},
        {"protest", {"Idlib"}, "", "protest, Idlib"},
        {"meeting", {}, "", "meeting"},
        {"attack", {"", "Aleppo"}, "2024-11-06", "attack, 2024-11-06"},  // an empty first place
        {"", {}, "", ""},
    };
    for (const Row& r : rows) {
      CAPTURE(r.label);
      CHECK(EventLabel(r.type, r.where, r.when) == r.label);
    }
  }

  TEST_CASE("PackedEventRefs: each ref back by number, strings once") {
    std::vector<EventRef> refs(4);
    refs[0].type = "airstrike";
    refs[0].where = {"Syria border", "Manbij"};
    refs[0].when = "2024-11-06";
    refs[1].type = "airstrike";  // the same strings again
    refs[1].where = {"Manbij"};
    refs[1].when = "2024-11-06";
    refs[2].type = "meeting";  // no place, no date
    refs[3] = {};              // nothing (an event no type summarised)
    PackedEventRefs packed;
    for (const EventRef& r : refs) packed.refs.push_back(packed.Pack(r));
    packed.Done();
    // "", airstrike, 2024-11-06, Syria border, Manbij, meeting
    CHECK(packed.strings.size() == 6);
    for (std::size_t n = 0; n < refs.size(); ++n) {
      CAPTURE(n);
      const EventRef back = packed.Unpack(n);
      std::string id = "E";
      id += std::to_string(n + 1);
      CHECK(back.id == id);
      CHECK(back.type == refs[n].type);
      CHECK(back.where == refs[n].where);
      CHECK(back.when == refs[n].when);
      CHECK(back.label == EventLabel(refs[n].type, refs[n].where, refs[n].when));
    }
  }
}

}  // namespace whosaid::events
