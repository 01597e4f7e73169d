#include "output/claims_feed.h"

namespace whosaid::output {

std::map<std::string, ClaimAuthor> ClaimAuthors(const resolve::EntityTable& table) {
  std::map<std::string, ClaimAuthor> out;
  for (const resolve::Entity& e : table.entities) {
    ClaimAuthor a;
    a.type = e.type;
    a.name = e.name;
    for (const resolve::EntityVariant& v : e.variants) {
      if (v.form != e.name) a.alternate_names.push_back(v.form);
    }
    if (!e.roles.empty()) {
      a.job_title = e.roles.front().role;
      a.affiliation = e.roles.front().affiliation;
    }
    out.emplace(e.id, std::move(a));
  }
  return out;
}

void ClaimsFeedSink::Take(Document doc, DocResult result) {
  docs_.push_back({std::move(doc), std::move(result), {}});
}

void ClaimsFeedSink::End(const CorpusResult& corpus) {
  for (std::size_t d = 0; d < docs_.size() && d < corpus.figures.size(); ++d)
    docs_[d].figures = corpus.figures[d];
  const std::map<std::string, ClaimAuthor> authors = mode_ == ClaimsMode::kFigures
                                                         ? std::map<std::string, ClaimAuthor>{}
                                                         : ClaimAuthors(corpus.entities);
  const ClaimsFeed feed{docs_, corpus.claims, authors};
  switch (mode_) {
    case ClaimsMode::kFigures:
      out_.Write(FigureLines(feed));
      break;
    case ClaimsMode::kTable:
      out_.Write(ClaimsTable(feed, check_worthy_));
      break;
    case ClaimsMode::kJsonLd:
      out_.Write(ClaimsJsonLd(feed, check_worthy_));
      break;
  }
}

}  // namespace whosaid::output
