// Tests for core/allocator.h, in whosaid_allocator_tests: linked with
// jemalloc, the executable's allocator (tests/CMakeLists.txt; not built
// without it, where HeldFreedPages does nothing). HeldFreedPages turns the
// dirty-page decay off while it lives and puts every arena's back as it was
// (an arena made meanwhile gets what jemalloc would have given it);
// ReleaseFreedPages gives the held pages back.
#include "core/allocator.h"

#include <doctest/doctest.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

extern "C" int mallctl(const char* name, void* old_value, std::size_t* old_size, void* new_value,
                       std::size_t new_size);

namespace whosaid::allocator {
namespace {

template <class T>
bool Read(const std::string& name, T& value) {
  std::size_t size = sizeof value;
  return mallctl(name.c_str(), &value, &size, nullptr, 0) == 0;
}

ssize_t Decay(const std::string& name) {
  ssize_t v = 0;
  REQUIRE(Read(name, v));
  return v;
}

std::string ArenaDecay(unsigned arena) {
  return "arena." + std::to_string(arena) + ".dirty_decay_ms";
}

// Bytes of freed pages the arenas hold (statistics refreshed first).
long long DirtyBytes() {
  std::uint64_t epoch = 1;
  std::size_t size = sizeof epoch;
  mallctl("epoch", &epoch, &size, &epoch, size);
  std::size_t pages = 0, page = 0;
  REQUIRE(Read("stats.arenas.4096.pdirty", pages));
  REQUIRE(Read("arenas.page", page));
  return static_cast<long long>(pages * page);
}

// Makes and frees `blocks` blocks of `bytes`, each touched (so its pages
// are resident when freed).
void Churn(std::size_t blocks, std::size_t bytes) {
  std::vector<std::unique_ptr<char[]>> kept;
  for (std::size_t i = 0; i < blocks; ++i) {
    kept.push_back(std::make_unique<char[]>(bytes));
    for (std::size_t b = 0; b < bytes; b += 4096) kept.back()[b] = 1;
  }
}

// First in the file (doctest runs a file's cases in order): nothing has
// made a huge block yet, so jemalloc's arena for them is made while held.
TEST_CASE("allocator: an arena made while held gets the decay jemalloc gives it") {
  unsigned automatic = 0;
  std::size_t threshold = 0;
  REQUIRE(Read("opt.narenas", automatic));
  REQUIRE(Read("opt.oversize_threshold", threshold));
  REQUIRE(threshold > 0);
  const std::string huge = ArenaDecay(automatic);  // jemalloc 5: the huge arena's index
  ssize_t unused = 0;
  REQUIRE_FALSE(Read(huge, unused));  // not made yet
  const ssize_t fallback = Decay("arenas.dirty_decay_ms");
  REQUIRE(fallback > 0);
  {
    HeldFreedPages held;
    Churn(1, threshold + (1 << 20));
    CHECK(Decay(huge) == -1);
  }
  CHECK(Decay(huge) == 0);  // what jemalloc gives it with a default above 0
  CHECK(Decay("arenas.dirty_decay_ms") == fallback);
}

TEST_CASE("allocator: HeldFreedPages turns the decay off and puts it back") {
  const ssize_t arena0 = Decay("arena.0.dirty_decay_ms");
  const ssize_t fallback = Decay("arenas.dirty_decay_ms");
  REQUIRE(arena0 != -1);  // (the test would prove nothing)
  {
    HeldFreedPages held;
    CHECK(Decay("arena.0.dirty_decay_ms") == -1);
    CHECK(Decay("arenas.dirty_decay_ms") == -1);
  }
  CHECK(Decay("arena.0.dirty_decay_ms") == arena0);
  CHECK(Decay("arenas.dirty_decay_ms") == fallback);
  {  // again: nothing of the first one stays
    HeldFreedPages held;
    CHECK(Decay("arena.0.dirty_decay_ms") == -1);
  }
  CHECK(Decay("arena.0.dirty_decay_ms") == arena0);
}

TEST_CASE("allocator: pages freed while held stay until ReleaseFreedPages") {
  bool stats = false;
  REQUIRE(Read("config.stats", stats));
  REQUIRE(stats);
  HeldFreedPages held;
  ReleaseFreedPages();
  CHECK(DirtyBytes() == 0);
  Churn(64, 256 << 10);  // 16 MiB in blocks below the huge-arena size
  CHECK(DirtyBytes() >= (8 << 20));
  ReleaseFreedPages();
  CHECK(DirtyBytes() == 0);
}

// jemalloc's decay gives freed pages back by itself: the corpus run purges
// only with an allocator that keeps them (glibc).
TEST_CASE("allocator: jemalloc gives freed pages back by itself, unless held") {
  // (outside a HeldFreedPages: as MALLOC_CONF, if set, says)
  CHECK(GivesBackFreedPages() == (Decay("arenas.dirty_decay_ms") >= 0));
  {
    HeldFreedPages held;
    CHECK_FALSE(GivesBackFreedPages());
  }
  CHECK(GivesBackFreedPages() == (Decay("arenas.dirty_decay_ms") >= 0));
}

}  // namespace
}  // namespace whosaid::allocator
