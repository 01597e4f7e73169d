// whosaid::output claims feed — the three ways `whosaid claims` writes the
// claims stage's result (claims/claims_stage.h):
//
//   ClaimsJsonLd     a JSON-LD document of schema.org Claims, one per
//                    statement (docs/output.md, "Claim feed"):
//                    {"@context": ["https://schema.org", {"whosaid": "urn:whosaid:"}],
//                     "@graph": [{"@type": "Claim", "identifier": "S3", "text",
//                       "author": {"@type": "Person"|"Organization", "identifier",
//                                  "name", "alternateName": [...], "jobTitle",
//                                  "affiliation": {"@type": "Organization", "name"}},
//                       "appearance": [{"@type": "NewsArticle", "identifier" (doc),
//                                       "url", "publisher": {"@type": "Organization",
//                                       "name"}, "datePublished", "whosaid:start",
//                                       "whosaid:end", "whosaid:kind"}, …],
//                       "firstAppearance": {…one of appearance…},
//                       "about": {"@type": "Event", "identifier", "name",
//                                 "startDate", "location": [{"@type": "Place", "name"}]},
//                       "whosaid:appearances": 4,
//                       "whosaid:checkWorthy": ["figure", …],
//                       "whosaid:diff": [{"a", "b", "docs": [A, B]}]}, …]}
//                    Properties with no value are left out (never null).
//   FigureLines      JSON Lines, one line per figure line (docs/output.md,
//                    "Figures and conflicts").
//   ClaimsTable      for people: conflicting figures first, then statements
//                    reported by several documents (with their wording
//                    differences), then agreeing figures, then the other
//                    statements.
//
// Offsets are code points into each document's text (text::CodepointIndex);
// texts are taken from the documents. Statements appear in id order.
// `check_worthy` keeps only statements with a reason (Statement::check_worthy).
//
// Example
//   ClaimsFeed feed{kept, claims, authors};
//   out.Write(ClaimsJsonLd(feed, /*check_worthy=*/false));
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/claims_result.h"
#include "core/entity_table.h"
#include "output/sink.h"

namespace whosaid::output {

// What the entity stage knows of a speaker (resolve::Entity, flattened).
struct ClaimAuthor {
  std::string type;  // person, organization, group
  std::string name;
  std::vector<std::string> alternate_names;  // every other spelling
  std::string job_title;
  std::string affiliation;
};

struct ClaimsFeed {
  const std::vector<claims::KeptDoc>& docs;
  const claims::ClaimsResult& claims;
  const std::map<std::string, ClaimAuthor>& authors;  // by entity id
};

std::string ClaimsJsonLd(const ClaimsFeed& feed, bool check_worthy);
std::string FigureLines(const ClaimsFeed& feed);
std::string ClaimsTable(const ClaimsFeed& feed, bool check_worthy);

// The entity table flattened to what a Claim's author shows, by entity id.
std::map<std::string, ClaimAuthor> ClaimAuthors(const resolve::EntityTable& table);

// `whosaid claims`: keeps every document (text, records with run-wide ids)
// and at End() writes the feed of CorpusResult::claims as `mode` says.
enum class ClaimsMode { kJsonLd, kTable, kFigures };

class ClaimsFeedSink : public Sink {
 public:
  ClaimsFeedSink(OutputStream& out, ClaimsMode mode, bool check_worthy)
      : out_(out), mode_(mode), check_worthy_(check_worthy) {}
  void Write(const Document& doc, const DocResult& result) override { Take(doc, result); }
  void Take(Document doc, DocResult result) override;
  void End(const CorpusResult& corpus) override;

 private:
  OutputStream& out_;
  ClaimsMode mode_;
  bool check_worthy_;
  std::vector<claims::KeptDoc> docs_;
};

}  // namespace whosaid::output
