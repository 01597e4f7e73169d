#include "cli/claims_command.h"

#include <map>

#include "claims/claims_sink.h"
#include "cli/exit_status.h"
#include "cli/extract_command.h"
#include "events/event_sink.h"
#include "output/claims_feed.h"
#include "resolve/resolving_sink.h"

namespace whosaid::cli {
namespace {

// The entity table flattened to what a Claim's author shows.
std::map<std::string, output::ClaimAuthor> Authors(const resolve::EntityTable& table) {
  std::map<std::string, output::ClaimAuthor> out;
  for (const resolve::Entity& e : table.entities) {
    output::ClaimAuthor a;
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

}  // namespace

int RunClaims(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kClaims);
  if (!s) return kExitOk;
  const claims::ClaimsStage stage(claims::ClaimsConfig{}, *s->rules);
  const ExtractOptions& o = s->options;
  auto finish = [&](const std::vector<claims::KeptDoc>& docs, const claims::ClaimsResult& result) {
    const std::map<std::string, output::ClaimAuthor> authors =
        o.figures ? std::map<std::string, output::ClaimAuthor>{} : Authors(s->resolver->Resolve());
    const output::ClaimsFeed feed{docs, result, authors};
    if (o.figures) {
      s->out->Write(output::FigureLines(feed));
    } else if (o.format == output::OutputFormat::kTable) {
      s->out->Write(output::ClaimsTable(feed, o.check_worthy));
    } else {
      s->out->Write(output::ClaimsJsonLd(feed, o.check_worthy));
    }
  };
  events::EventIdSink event_ids(std::make_unique<claims::ClaimsSink>(stage, nullptr, finish));
  resolve::ResolvingSink resolving(*s->resolver, event_ids);
  return Process(*s, resolving, nullptr);
}

}  // namespace whosaid::cli
