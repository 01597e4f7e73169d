#include "core/allocator.h"

#include <cstddef>
#include <cstdio>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/prctl.h>
#endif

// jemalloc's control entry point, when the executable is linked with it
// (CMakeLists.txt, WHOSAID_JEMALLOC); null otherwise (weak).
extern "C" int mallctl(const char* name, void* old_value, std::size_t* old_size, void* new_value,
                       std::size_t new_size) __attribute__((weak));

namespace whosaid::allocator {
namespace {

template <class T>
bool Read(const char* name, T& value) {
  std::size_t size = sizeof value;
  return mallctl(name, &value, &size, nullptr, 0) == 0;
}

// "arena.<i>.dirty_decay_ms", written into `out` (no allocation: the
// destructor uses it, maybe while an out-of-memory error unwinds)
const char* DecayOf(unsigned arena, char (&out)[48]) {
  std::snprintf(out, sizeof out, "arena.%u.dirty_decay_ms", arena);
  return out;
}

unsigned Arenas() {
  unsigned n = 0;
  return Read("arenas.narenas", n) ? n : 0;
}

// The decay jemalloc gives an arena it makes while the default is
// `default_decay`: its arena for huge allocations (index opt.narenas, made
// at the first allocation past opt.oversize_threshold) gives pages back at
// once when that default is above 0 (jemalloc 5, arena_choose_huge); any
// other arena takes the default.
ssize_t MadeWith(unsigned arena, ssize_t default_decay) {
  unsigned automatic = 0;
  std::size_t threshold = 0;
  if (default_decay > 0 && Read("opt.narenas", automatic) && arena == automatic &&
      Read("opt.oversize_threshold", threshold) && threshold > 0)
    return 0;
  return default_decay;
}

}  // namespace

HeldFreedPages::HeldFreedPages() {
  if (mallctl == nullptr) return;
  const unsigned arenas = Arenas();
  decay_.reserve(arenas);  // (before any change: nothing below throws)
  ssize_t never = -1;
  std::size_t size = sizeof default_decay_;
  // arenas made from now on (jemalloc makes its arena for huge allocations
  // at the first one: with decay 0 unless this default is -1) ...
  if (mallctl("arenas.dirty_decay_ms", &default_decay_, &size, &never, sizeof never) != 0) return;
  held_ = true;
  // ... and those made so far (an index not in use answers an error)
  char name[48];
  for (unsigned i = 0; i < arenas; ++i) {
    ssize_t was = 0;
    size = sizeof was;
    if (mallctl(DecayOf(i, name), &was, &size, &never, sizeof never) == 0)
      decay_.emplace_back(i, was);
  }
}

HeldFreedPages::~HeldFreedPages() {
  if (!held_) return;
  mallctl("arenas.dirty_decay_ms", nullptr, nullptr, &default_decay_, sizeof default_decay_);
  char name[48];
  std::size_t k = 0;  // decay_ is by arena, ascending
  for (unsigned i = 0, n = Arenas(); i < n; ++i) {
    ssize_t decay = 0;
    if (k < decay_.size() && decay_[k].first == i) {
      decay = decay_[k++].second;
    } else {
      decay = MadeWith(i, default_decay_);  // made meanwhile (or not in use: refused)
    }
    mallctl(DecayOf(i, name), nullptr, nullptr, &decay, sizeof decay);
  }
}

SmallPages::SmallPages() {
#if defined(__linux__) && defined(PR_SET_THP_DISABLE)
  const int was = ::prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0);
  if (was < 0 || was == 1) return;  // (unknown, or already so: nothing to put back)
  if (::prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0) was_ = was;
#endif
}

SmallPages::~SmallPages() {
#if defined(__linux__) && defined(PR_SET_THP_DISABLE)
  if (was_ >= 0) ::prctl(PR_SET_THP_DISABLE, was_, 0, 0, 0);
#endif
}

bool GivesBackFreedPages() {
  ssize_t decay = -1;  // (-1: never; MALLOC_CONF may say so)
  return mallctl != nullptr && Read("arenas.dirty_decay_ms", decay) && decay >= 0;
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
