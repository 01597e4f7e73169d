// whosaid::cli::RunClaims — `whosaid claims [OPTIONS] [PATH...]`: the
// fact-check feed of a run (claims/claims_stage.h) after entities and
// events: a JSON-LD document of schema.org Claims (default, --format jsonld),
// the figure lines with their conflicts (--figures, JSON Lines), or a
// worklist for people (--format table: conflicts first, then statements
// reported by several documents, then the rest); --check-worthy keeps the
// statements with a figure, a date, a comparison or a conflict. Formats:
// docs/output.md; writers: output/claims_feed.h.
//
// Two-phase start and exit statuses as for extract (extract_command.h).
#pragma once

#include <string>
#include <vector>

namespace whosaid::cli {

int RunClaims(const std::vector<std::string>& args, const char* argv0);

}  // namespace whosaid::cli
