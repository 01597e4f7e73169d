#include "core/parallel.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace whosaid::parallel::detail {
namespace {

// The process's kept threads: each waits for a job of its own, runs it, and
// goes back to the idle list. Never destroyed (a leaked singleton): kept
// threads may still wait while the process exits, and nothing they use is
// destroyed under them.
class KeptThreads {
 public:
  bool Run(std::function<void()>& job) {
    std::unique_lock<std::mutex> lock(mutex_);
    Slot* slot = nullptr;
    if (idle_.empty()) {
      slot = Start();
      if (slot == nullptr) return false;
    } else {
      slot = idle_.back();
      idle_.pop_back();
    }
    slot->job = std::move(job);
    slot->wake.notify_one();
    return true;
  }

 private:
  struct Slot {
    std::function<void()> job;
    std::condition_variable wake;
  };

  // A new slot and its thread (under mutex_); null when none can be started.
  Slot* Start() {
    try {
      slots_.reserve(slots_.size() + 1);
      idle_.reserve(slots_.size() + 1);  // Loop's push_back cannot fail
      auto slot = std::make_unique<Slot>();
      std::thread thread([this, s = slot.get()] { Loop(*s); });
      thread.detach();
      slots_.push_back(std::move(slot));
      return slots_.back().get();
    } catch (...) {
      return nullptr;  // a resource limit: the caller runs the job itself
    }
  }

  void Loop(Slot& slot) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      slot.wake.wait(lock, [&] { return static_cast<bool>(slot.job); });
      std::function<void()> job = std::move(slot.job);
      slot.job = nullptr;
      lock.unlock();
      job();          // noexcept: RunWorkers' and Async's jobs keep their exceptions
      job = nullptr;  // what it holds released before the thread is idle again
      lock.lock();
      idle_.push_back(&slot);
    }
  }

  std::mutex mutex_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<Slot*> idle_;
};

}  // namespace

bool RunOnKeptThread(std::function<void()>& job) {
  static KeptThreads* const kept = new KeptThreads;  // never destroyed (see above)
  return kept->Run(job);
}

}  // namespace whosaid::parallel::detail
