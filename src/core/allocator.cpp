#include "core/allocator.h"

#include <cstddef>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// jemalloc's control entry point, when the executable is linked with it
// (CMakeLists.txt, WHOSAID_JEMALLOC); null otherwise (weak).
extern "C" int mallctl(const char* name, void* old_value, std::size_t* old_size, void* new_value,
                       std::size_t new_size) __attribute__((weak));

namespace whosaid::allocator {
namespace {

std::string DecayOf(unsigned arena) { return "arena." + std::to_string(arena) + ".dirty_decay_ms"; }

unsigned Arenas() {
  unsigned n = 0;
  std::size_t size = sizeof n;
  return mallctl("arenas.narenas", &n, &size, nullptr, 0) == 0 ? n : 0;
}

}  // namespace

HeldFreedPages::HeldFreedPages() {
  if (mallctl == nullptr) return;
  ssize_t never = -1;
  std::size_t size = sizeof default_decay_;
  // arenas made from now on (jemalloc makes its arena for huge allocations
  // at the first one: with decay 0 unless this default is -1) ...
  if (mallctl("arenas.dirty_decay_ms", &default_decay_, &size, &never, sizeof never) != 0) return;
  held_ = true;
  // ... and those made so far (an index not in use answers an error)
  for (unsigned i = 0, n = Arenas(); i < n; ++i) {
    ssize_t was = 0;
    size = sizeof was;
    if (mallctl(DecayOf(i).c_str(), &was, &size, &never, sizeof never) == 0)
      decay_.emplace_back(i, was);
  }
}

HeldFreedPages::~HeldFreedPages() {
  if (!held_) return;
  mallctl("arenas.dirty_decay_ms", nullptr, nullptr, &default_decay_, sizeof default_decay_);
  std::size_t k = 0;  // decay_ is by arena, ascending
  for (unsigned i = 0, n = Arenas(); i < n; ++i) {
    ssize_t decay = default_decay_;  // an arena made meanwhile: the default
    if (k < decay_.size() && decay_[k].first == i) decay = decay_[k++].second;
    mallctl(DecayOf(i).c_str(), nullptr, nullptr, &decay, sizeof decay);
  }
}

void ReleaseFreedPages() {
  if (mallctl != nullptr) {
    mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);  // 4096: MALLCTL_ARENAS_ALL
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace whosaid::allocator
