#pragma once
// whosaid::allocator — when the memory a run frees goes back to the system.
//
// The executable links jemalloc (CMakeLists.txt, WHOSAID_JEMALLOC); a build
// without it uses glibc's malloc. Both keep freed memory for reuse; jemalloc
// also gives freed pages back on its own, some seconds after they were
// freed (its dirty-page decay), one madvise() per run of pages. On a machine
// with more than one CPU every such call flushes the other CPUs' address
// translations (an interrupt each; under a hypervisor a costly one), and a
// page given back and asked for again is faulted in and zeroed anew: ~3% of
// a one-thread extract's time over PolNeAR train x11, for pages the run
// would have reused a moment later.
//
//   HeldFreedPages  while one lives, freed pages stay with the allocator
//                   for reuse (jemalloc: every arena's dirty-page decay
//                   off, and that of arenas made meanwhile); its end puts
//                   each arena's decay back as it was, and gives one made
//                   meanwhile the decay jemalloc would have given it
//                   (jemalloc restarts the decay: what was held then goes
//                   back over the decay time, like anything freed, or at
//                   once by ReleaseFreedPages).
//                   For a phase whose memory is bounded and reused — the
//                   map of a corpus run (run/runner.h: a bounded window of
//                   documents) — not for a whole run: the corpus stage's
//                   freed pages, held, raised the peak of a 1 GB run from
//                   474 to 533 MiB. Nothing without jemalloc. Not nested.
//   ReleaseFreedPages()  gives every freed page back now (jemalloc: every
//                   arena purged; glibc: malloc_trim, which also reaches
//                   the worker threads' arenas). Thread-safe; serial (a
//                   third of a second per 10k documents).
//   GivesBackFreedPages()  true when the allocator gives freed pages back by
//                   itself (jemalloc with a dirty-page decay: not inside a
//                   HeldFreedPages, nor with MALLOC_CONF's dirty_decay_ms:-1),
//                   so that a phase about to allocate again need not call
//                   ReleaseFreedPages first (it would reuse them); false
//                   with glibc, which keeps them until trimmed.
//   SmallPages      while one lives, the process's memory is mapped in 4 KiB
//                   pages only, none in transparent huge pages (Linux:
//                   prctl PR_SET_THP_DISABLE; its end puts the setting back
//                   as it was; huge pages already mapped stay). A corpus
//                   run's corpus stage runs under one (run/corpus_run.h,
//                   RunCorpus): its tables grow past what the map used, and
//                   a huge page's unused part counts in the peak. Where the
//                   kernel maps any heap in huge pages (THP mode "always"),
//                   or as whosaid's jemalloc asks (thp:always,
//                   src/cli/main.cpp), the map still gets them (the
//                   process's page faults at PolNeAR train x11: ~28k ->
//                   ~13k);
//                   huge pages throughout raised a 1 GB run's peak from 481
//                   to 523 MiB, in the map only to 490-492.
//                   Not nested; nothing off Linux.

#include <sys/types.h>

#include <utility>
#include <vector>

namespace whosaid::allocator {

class HeldFreedPages {
 public:
  HeldFreedPages();
  ~HeldFreedPages();
  HeldFreedPages(const HeldFreedPages&) = delete;
  HeldFreedPages& operator=(const HeldFreedPages&) = delete;

 private:
  bool held_ = false;
  ssize_t default_decay_ = 0;                        // for arenas made later, as it was
  std::vector<std::pair<unsigned, ssize_t>> decay_;  // (arena, its decay as it was)
};

class SmallPages {
 public:
  SmallPages();
  ~SmallPages();
  SmallPages(const SmallPages&) = delete;
  SmallPages& operator=(const SmallPages&) = delete;

 private:
  int was_ = -1;  // the process's setting before (1: disabled), -1 when unchanged
};

void ReleaseFreedPages();
bool GivesBackFreedPages();

}  // namespace whosaid::allocator
