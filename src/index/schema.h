// whosaid::index schema — the tables of a quote index (docs/index.md is the
// contract; kSchemaVersion is the `schema_version` it documents).
//
// OpenForWriting creates the schema in a new (or empty) file and switches it
// to WAL; it refuses, without modifying it, a file that is not an SQLite
// database, an SQLite database another program wrote (no whosaid
// application_id), or a whosaid index of another schema version.
// OpenForReading refuses the same, and a missing file.
//
// Example
//   index::Db db = index::OpenForWriting("whosaid.db");
#pragma once

#include <filesystem>

#include "index/sqlite.h"

namespace whosaid::index {

inline constexpr int kSchemaVersion = 1;
// PRAGMA application_id of every whosaid index: "wsid".
inline constexpr int kApplicationId = 0x77736964;

Db OpenForWriting(const std::filesystem::path& path);
Db OpenForReading(const std::filesystem::path& path);

}  // namespace whosaid::index
