// whosaid::output temporary files — removed when the process is told to stop.
//
// FileOutput (output_stream.h) writes a temporary file and renames it at the
// end. A run stopped by SIGTERM (kill, systemd, timeout), SIGINT (Ctrl-C) or
// SIGHUP (a closed terminal) would leave it behind; the handlers that
// RemoveTempFilesOnSignals() installs remove every registered temporary file,
// then let the signal end the process as it would have (same status).
//
// Contract
//   * RegisterTempFile(path) keeps a copy of `path` in a fixed table (no
//     allocation; at most kMaxTempFiles paths of less than PATH_MAX bytes)
//     and returns its slot, or -1 when the table is full or the path too long
//     (the file is then only removed by its owner). UnregisterTempFile(slot)
//     forgets it (call it once the file is renamed or removed).
//   * The handler uses only async-signal-safe calls (atomic loads, unlink,
//     sigaction, raise). A signal the process ignores (nohup, a background
//     job's SIGINT) stays ignored.
//   * Registration may happen on any thread; the handler may run on any.
//
// Example
//   output::RemoveTempFilesOnSignals();          // once, in main
//   int slot = output::RegisterTempFile("out.jsonl.Ab12Cd.tmp");
//   ... rename(...) ...
//   output::UnregisterTempFile(slot);
#pragma once

#include <cstddef>

namespace whosaid::output {

inline constexpr std::size_t kMaxTempFiles = 16;

void RemoveTempFilesOnSignals();
int RegisterTempFile(const char* path);
void UnregisterTempFile(int slot);

}  // namespace whosaid::output
