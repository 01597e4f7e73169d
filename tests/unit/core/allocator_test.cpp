// Tests for core/allocator.h: HeldFreedPages turns jemalloc's dirty-page
// decay off while it lives and puts every arena's back as it was;
// ReleaseFreedPages gives the held pages back. In whosaid_tests (the C
// library's malloc) both must be harmless no-ops; whosaid_allocator_tests
// runs the same cases linked with jemalloc (tests/CMakeLists.txt), where
// they check the allocator's own figures.
#include "core/allocator.h"

#include <doctest/doctest.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

extern "C" int mallctl(const char* name, void* old_value, std::size_t* old_size, void* new_value,
                       std::size_t new_size) __attribute__((weak));

namespace whosaid::allocator {
namespace {

ssize_t Decay(const std::string& name) {
  ssize_t v = 0;
  std::size_t size = sizeof v;
  REQUIRE(mallctl(name.c_str(), &v, &size, nullptr, 0) == 0);
  return v;
}

// Bytes of freed pages the arenas hold (stats refreshed first); -1 when
// this jemalloc keeps no statistics.
long long DirtyBytes() {
  bool stats = false;
  std::size_t size = sizeof stats;
  if (mallctl("config.stats", &stats, &size, nullptr, 0) != 0 || !stats) return -1;
  std::uint64_t epoch = 1;
  size = sizeof epoch;
  mallctl("epoch", &epoch, &size, &epoch, size);
  std::size_t pages = 0, page = 0;
  size = sizeof pages;
  mallctl("stats.arenas.4096.pdirty", &pages, &size, nullptr, 0);
  mallctl("arenas.page", &page, &size, nullptr, 0);
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

TEST_CASE("allocator: without jemalloc both are harmless") {
  if (mallctl != nullptr) return;
  MESSAGE("not linked with jemalloc: HeldFreedPages does nothing, ReleaseFreedPages trims");
  {
    HeldFreedPages held;
    Churn(8, 1 << 20);
  }
  ReleaseFreedPages();
  CHECK(true);
}

TEST_CASE("allocator: HeldFreedPages turns the decay off and puts it back") {
  if (mallctl == nullptr) return;
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
  if (mallctl == nullptr || DirtyBytes() < 0) return;
  HeldFreedPages held;
  ReleaseFreedPages();
  CHECK(DirtyBytes() == 0);
  Churn(64, 256 << 10);  // 16 MiB in blocks below the huge-arena size
  CHECK(DirtyBytes() >= (8 << 20));
  ReleaseFreedPages();
  CHECK(DirtyBytes() == 0);
}

}  // namespace
}  // namespace whosaid::allocator
