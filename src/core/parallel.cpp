#include "core/parallel.h"

#include <algorithm>
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

  // fn on every kept thread: noted on each (once), and each idle one woken
  // with an empty job, after which it runs what is noted (Loop).
  void Notify(void (*fn)()) noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& slot : slots_) {
      auto& todo = slot->todo;
      if (std::find(todo.begin(), todo.end(), fn) != todo.end()) continue;
      try {
        todo.push_back(fn);
      } catch (...) {
        // no memory: that thread keeps what fn would free
      }
    }
    for (Slot* slot : idle_) {
      slot->job = [] {};
      slot->wake.notify_one();
    }
    idle_.clear();
  }

 private:
  struct Slot {
    std::function<void()> job;
    std::condition_variable wake;
    std::vector<void (*)()> todo;  // OnEveryThread's, to run after the job
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
      while (!slot.todo.empty()) {
        std::vector<void (*)()> todo;
        todo.swap(slot.todo);
        lock.unlock();
        for (void (*fn)() : todo) fn();
        lock.lock();
      }
      idle_.push_back(&slot);
    }
  }

  std::mutex mutex_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<Slot*> idle_;
};

KeptThreads& Kept() {
  static KeptThreads* const kept = new KeptThreads;  // never destroyed (see above)
  return *kept;
}

}  // namespace

bool RunOnKeptThread(std::function<void()>& job) { return Kept().Run(job); }

}  // namespace whosaid::parallel::detail

namespace whosaid::parallel {

void OnEveryThread(void (*fn)()) noexcept {
  detail::Kept().Notify(fn);
  fn();
}

}  // namespace whosaid::parallel
