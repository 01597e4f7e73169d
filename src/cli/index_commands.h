// whosaid::cli::RunIndex, RunSearch, RunServe — the quote-index commands
// (docs/index.md):
//   index   whosaid index [--db FILE] PATH...     add documents (one transaction)
//   search  whosaid search [--db FILE] [TEXT] [filters]   quotes, ranked
//           whosaid search --speakers NAME        entities with every spelling
//   serve   whosaid serve [--db FILE] [--port N]  a local web page (serve_command.cpp)
// Thin: options here, the work in src/index/. An index that cannot be opened
// (missing, not a whosaid index, another schema version) is a ConfigError
// (status 2) and is never modified; a search text FTS5 cannot read is a
// UsageError (status 2) with FTS5's message.
#pragma once

#include <boost/program_options.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/rules.h"
#include "index/sqlite.h"

namespace whosaid::cli {

int RunIndex(const std::vector<std::string>& args, const char* argv0);
int RunSearch(const std::vector<std::string>& args, const char* argv0);
int RunServe(const std::vector<std::string>& args, const char* argv0);

// The rules of --rules DIR, else the default directory (ConfigError when none).
rules::RuleSetPtr LoadIndexRules(const std::string& rules_dir, const char* argv0);

inline constexpr const char* kDefaultDb = "whosaid.db";

// Parses `args` with `options` (and `positional`, if any) into their bound
// variables; false when --help was given (nothing else is checked then).
// Throws UsageError.
bool ParseCommandLine(const std::vector<std::string>& args,
                      const boost::program_options::options_description& options,
                      const boost::program_options::positional_options_description* positional);

// The index at `path` for reading or writing; a file that is missing (for
// reading) or not a whosaid index of this version is a ConfigError.
index::Db OpenIndex(const std::string& path, bool write);

}  // namespace whosaid::cli
