#include "cli/claims_command.h"

#include "claims/claims_stage.h"
#include "cli/exit_status.h"
#include "cli/extract_command.h"
#include "output/claims_feed.h"

namespace whosaid::cli {

int RunClaims(const std::vector<std::string>& args, const char* argv0) {
  std::optional<Setup> s = Prepare(args, argv0, CorpusCommand::kClaims);
  if (!s) return kExitOk;
  const claims::ClaimsStage stage(s->options.claims, *s->rules);
  const ExtractOptions& o = s->options;
  const output::ClaimsMode mode = o.figures ? output::ClaimsMode::kFigures
                                  : o.format == output::OutputFormat::kTable
                                      ? output::ClaimsMode::kTable
                                      : output::ClaimsMode::kJsonLd;
  output::ClaimsFeedSink feed(*s->out, mode, o.check_worthy);
  run::CorpusStages stages;
  stages.events = true;
  stages.claims = &stage;
  return Process(*s, stages, feed);
}

}  // namespace whosaid::cli
