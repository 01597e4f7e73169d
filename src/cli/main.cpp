// whosaid — the command-line entry point; everything else is in the library
// and in cli/commands.cpp.
#include <malloc.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdlib>

#include "cli/commands.h"
#include "output/temp_files.h"

namespace {

// Under an address-space limit (ulimit -v), glibc's per-thread arenas (each
// reserves 64 MiB of address space) fail to map; malloc then falls back to
// the main arena and tries to make the arena again on every call: a run with
// --threads 2 became 5-10 times slower. With such a limit, every thread uses
// the main arena. MALLOC_ARENA_MAX in the environment wins.
void OneArenaUnderAddressLimit() {
  rlimit limit{};
  if (std::getenv("MALLOC_ARENA_MAX") || getrlimit(RLIMIT_AS, &limit) != 0 ||
      limit.rlim_cur == RLIM_INFINITY)
    return;
  mallopt(M_ARENA_MAX, 1);
}

}  // namespace

int main(int argc, char** argv) {
  OneArenaUnderAddressLimit();
  // A closed pipe (`whosaid extract corpus | head -1`) must not kill us:
  // writes then fail with EPIPE and the run ends quietly (status 0, or 1
  // when a document failed).
  std::signal(SIGPIPE, SIG_IGN);
  // SIGTERM, SIGINT, SIGHUP: remove the -o file's temporary file, then end
  // as the signal would have.
  whosaid::output::RemoveTempFilesOnSignals();
  return whosaid::cli::Main(argc, argv);
}
