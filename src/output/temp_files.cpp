#include "output/temp_files.h"

#include <limits.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>

namespace whosaid::output {
namespace {

// A slot is free, being filled (not yet safe to read in a handler), or holds
// a path the handler removes.
enum State : int { kFree = 0, kFilling = 1, kReady = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};

Slot slots[kMaxTempFiles];

static_assert(std::atomic<int>::is_always_lock_free, "the handler reads slot states");

constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};

extern "C" void RemoveAndReraise(int signal) {
  for (Slot& s : slots) {
    if (s.state.load(std::memory_order_acquire) == kReady) ::unlink(s.path);
  }
  // End the process the way the signal would have (status 128 + signal).
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(signal, &dfl, nullptr);
  ::raise(signal);
}

}  // namespace

void RemoveTempFilesOnSignals() {
  for (int signal : kSignals) {
    struct sigaction old {};
    if (::sigaction(signal, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction act {};
    act.sa_handler = RemoveAndReraise;
    sigemptyset(&act.sa_mask);
    for (int other : kSignals) sigaddset(&act.sa_mask, other);  // one cleanup at a time
    ::sigaction(signal, &act, nullptr);
  }
}

int RegisterTempFile(const char* path) {
  const std::size_t n = std::strlen(path);
  if (n >= PATH_MAX) return -1;
  for (std::size_t k = 0; k < kMaxTempFiles; ++k) {
    int expected = kFree;
    if (!slots[k].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(slots[k].path, path, n + 1);
    slots[k].state.store(kReady, std::memory_order_release);
    return static_cast<int>(k);
  }
  return -1;
}

void UnregisterTempFile(int slot) {
  if (slot < 0 || static_cast<std::size_t>(slot) >= kMaxTempFiles) return;
  slots[slot].state.store(kFree, std::memory_order_release);
}

}  // namespace whosaid::output
