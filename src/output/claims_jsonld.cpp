#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "output/claims_feed.h"

namespace whosaid::output {
namespace {

using Json = nlohmann::ordered_json;

std::string Text(const Document& doc, Span s) {
  s.end = std::min(s.end, doc.text.size());
  s.begin = std::min(s.begin, s.end);
  return doc.text.substr(s.begin, s.end - s.begin);
}

void Put(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

Json AuthorJson(const ClaimAuthor& a, const std::string& id) {
  Json j;
  j["@type"] = a.type == "person" ? "Person" : "Organization";
  j["identifier"] = id;
  Put(j, "name", a.name);
  if (!a.alternate_names.empty()) j["alternateName"] = a.alternate_names;
  Put(j, "jobTitle", a.job_title);
  if (!a.affiliation.empty())
    j["affiliation"] = {{"@type", "Organization"}, {"name", a.affiliation}};
  return j;
}

Json EventJson(const EventRef& e) {
  Json j;
  j["@type"] = "Event";
  j["identifier"] = e.id;
  Put(j, "name", e.label);
  Put(j, "startDate", e.when);
  if (!e.where.empty()) {
    Json places = Json::array();
    for (const std::string& w : e.where) places.push_back({{"@type", "Place"}, {"name", w}});
    j["location"] = std::move(places);
  }
  return j;
}

// Code-point indexes of the documents, built when first needed.
class Offsets {
 public:
  explicit Offsets(std::size_t docs) : index_(docs) {}
  std::size_t At(const claims::KeptDoc& k, std::size_t d, std::size_t byte) {
    if (!index_[d]) index_[d] = std::make_unique<text::CodepointIndex>(k.doc.text);
    return index_[d]->ToCodepoint(std::min(byte, k.doc.text.size()));
  }

 private:
  std::vector<std::unique_ptr<text::CodepointIndex>> index_;
};

// One NewsArticle per document: the first of the statement's quotes in it.
Json ArticleJson(const claims::KeptDoc& k, std::size_t d, const QuoteRecord& q, Offsets& offsets) {
  Json j;
  j["@type"] = "NewsArticle";
  j["identifier"] = k.doc.id;
  Put(j, "url", k.doc.url);
  if (!k.doc.outlet.empty()) j["publisher"] = {{"@type", "Organization"}, {"name", k.doc.outlet}};
  Put(j, "datePublished", k.doc.date);
  j["whosaid:start"] = offsets.At(k, d, q.quote.begin);
  j["whosaid:end"] = offsets.At(k, d, q.quote.end);
  j["whosaid:kind"] = ToString(q.kind);
  return j;
}

Json ClaimJson(const ClaimsFeed& feed, const claims::Statement& st, Offsets& offsets) {
  const claims::RecordRef& w = st.members[st.wording];
  const QuoteRecord& main = feed.docs[w.doc].result.quotes[w.record];
  Json j;
  j["@type"] = "Claim";
  j["identifier"] = st.id;
  j["text"] = Text(feed.docs[w.doc].doc, main.quote);
  if (main.speaker && !main.speaker->entity.empty()) {
    auto it = feed.authors.find(main.speaker->entity);
    ClaimAuthor a = it != feed.authors.end() ? it->second : ClaimAuthor{};
    if (it == feed.authors.end()) {
      a.type = main.speaker->type == SpeakerType::kPerson ? "person" : "organization";
      a.name = main.speaker->name;
    }
    j["author"] = AuthorJson(a, main.speaker->entity);
  }
  Json articles = Json::array();
  std::vector<std::size_t> seen;
  std::size_t first = 0;  // index in articles of the first appearance
  for (const claims::RecordRef& r : st.members) {
    if (std::find(seen.begin(), seen.end(), r.doc) != seen.end()) continue;
    seen.push_back(r.doc);
    const claims::KeptDoc& k = feed.docs[r.doc];
    articles.push_back(ArticleJson(k, r.doc, k.result.quotes[r.record], offsets));
    // The earliest dated document first appeared it; undated ones come after.
    const Document& best = feed.docs[seen[first]].doc;
    const bool earlier = !k.doc.date.empty() && (best.date.empty() || k.doc.date < best.date);
    if (earlier) first = seen.size() - 1;
  }
  j["appearance"] = articles;
  j["firstAppearance"] = articles[first];
  for (const claims::RecordRef& r : st.members) {
    const QuoteRecord& q = feed.docs[r.doc].result.quotes[r.record];
    if (q.event && !q.event->id.empty()) {
      j["about"] = EventJson(*q.event);
      break;
    }
  }
  j["whosaid:appearances"] = st.appearances;
  if (!st.check_worthy.empty()) j["whosaid:checkWorthy"] = st.check_worthy;
  if (!st.diffs.empty()) {
    Json diffs = Json::array();
    for (const claims::WordingDiff& d : st.diffs) {
      const std::string& a = feed.docs[st.members[d.a].doc].doc.id;
      const std::string& b = feed.docs[st.members[d.b].doc].doc.id;
      for (const claims::WordChange& c : d.changes) {
        diffs.push_back({{"a", c.a_text}, {"b", c.b_text}, {"docs", {a, b}}});
      }
    }
    j["whosaid:diff"] = std::move(diffs);
  }
  return j;
}

}  // namespace

std::string ClaimsJsonLd(const ClaimsFeed& feed, bool check_worthy) {
  Json doc;
  doc["@context"] = Json::array({"https://schema.org", {{"whosaid", "urn:whosaid:"}}});
  Json graph = Json::array();
  Offsets offsets(feed.docs.size());
  for (const claims::Statement& st : feed.claims.statements) {
    if (st.members.empty() || (check_worthy && st.check_worthy.empty())) continue;
    graph.push_back(ClaimJson(feed, st, offsets));
  }
  doc["@graph"] = std::move(graph);
  return doc.dump(1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace) + "\n";
}

}  // namespace whosaid::output
