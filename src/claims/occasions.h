// whosaid::claims figure occasions — which documents' figures count one
// occasion, so that a figure line (conflicts.h) can hold the counts of several
// outlets even when the event stage did not join their events.
//
// Each document with figures has one occasion: the event of its figures (its
// type's root, its date or else the document's, its places), the other events
// it reports and the speakers it quotes. Two occasions are one when
//   * they report one run-wide event (then their roots may differ: one
//     outlet's figures count the protest, another's the clashes of it), or
//   * they give evidence of one story — a speaker entity that is a main
//     speaker (quoted most) of one of the two documents, or a place below the
//     country shared by their events —
// and nothing says they differ: dated further apart than `days`, events in
// disjoint countries, or one event of an `apart` root (armed action) and the
// other of another known root. Joining is complete-link: a document joins a
// group only when it contradicts none of its members, so a chain of weak links
// never spans two occasions. Candidates come from postings of speakers and
// places (a posting longer than `max_posting` is skipped): about linear in the
// documents. Rules: rules/claims/lines.txt.
//
// Example
//   a: {doc "a", event "E3", root "armed action", date 2025-05-13, speakers {P5}}
//   b: {doc "b", event "E7", root "armed action", date 2025-05-18, speakers {P5}, main {P5}}
//   c: {doc "c", event "E9", root "armed action", date 2025-09-01, speakers {P5}, main {P5}}
//   JoinOccasions({a, b, c}, rules) → {0, 0, 2}   (c is months later)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date_range.h"
#include "core/rules.h"

namespace whosaid::claims {

struct OccasionRules {
  int days = 7;                    // dated occasions further apart are different
  std::vector<std::string> apart;  // roots that never join another known root
  std::size_t max_posting = 50;    // a speaker or place in more documents links none
};

// Reads rules/claims/lines.txt (throws ConfigError "file:line: …").
OccasionRules ReadOccasionRules(const rules::RuleSet& rules);

struct Occasion {
  std::string doc;                  // document id: orders the occasions, names a group
  std::string event;                // run-wide event id of its figures, "" for none
  std::vector<std::string> events;  // every run-wide event it reports that is not local, sorted
  std::string root;                 // that event's root type ("armed action"), "" unknown
  std::optional<events::DateRange> date;  // the event's, else the document's
  std::vector<std::string> countries;     // of the event's places
  std::vector<std::string> places;        // names below the country
  std::vector<std::string> speakers;      // entity ids of every quoted speaker
  std::vector<std::string> main;          // the speakers quoted most
};

// For each occasion, the index of the first occasion (in document order) of
// its group. Depends only on the multiset of occasions, not their order.
std::vector<std::size_t> JoinOccasions(const std::vector<Occasion>& occasions,
                                       const OccasionRules& rules);

}  // namespace whosaid::claims
