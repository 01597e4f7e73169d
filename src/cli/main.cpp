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

#ifdef WHOSAID_WITH_JEMALLOC
// jemalloc's compiled-in options (read once, at its first allocation;
// MALLOC_CONF in the environment applies after them). One arena: jemalloc
// makes its other arenas as threads first allocate, and under an
// address-space limit a failed arena creation crashed the asking thread
// (SIGSEGV inside jemalloc; tests/cli/bad_input.sh worker_exception: 6 runs
// in 30 at 195-225 MB of ulimit -v, none in 40 with one arena) instead of
// failing the allocation. Each thread still has its cache (tcache): two
// threads measured the same (x11, --threads 2: 11.3-11.8 s wall, 11.8-12.0
// with one arena; peak 166 vs 172 MB).
// The heap asks for transparent huge pages (thp:always: madvise, so it
// applies where the kernel's mode is "madvise", the default of many
// distributions; "always" gives them anyway, "never" refuses them). The
// process's page faults at PolNeAR train x11 went from ~28k to ~13k, the
// rest the corpus stage's (each first touch a trap, costly on a virtual
// machine); interleaved x11 one-thread pairs: CPU time -2.6% and -3.3%
// (medians of 8, quiet machine) and -7% (median of 10, two other jobs
// running).
// The corpus stage still runs in 4 KiB pages (core/allocator.h,
// SmallPages): its tables grow past what the map used, and a huge page's
// unused part counts in the peak. The 1 GB run's peak (--threads 2):
// 487,636-495,776 KB in three runs, against 482,812 KB without.
// A thread's cache is trimmed after each MiB allocated, not each 64 KiB
// (tcache_gc_incr_bytes): the run frees millions of small objects in bursts
// (a document's result, a phase of the corpus stage), and each trim flushed
// cached objects that the next document asked for again. Callgrind,
// PolNeAR train x1 / x11, one thread: 0.7-1% fewer instructions; the 1 GB
// run's peak within a MB (475,228 KB before, 475,988 KB after, one sitting).
// A larger cache (tcache_nslots_small_max 1000) saved another 0.2% and
// cost ~3 MB there: not taken.
extern "C" {
const char* malloc_conf = "narenas:1,tcache_gc_incr_bytes:1048576,thp:always";
}
#endif

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
