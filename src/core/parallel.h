// whosaid::parallel — the one thread pool of the project: runs work on N
// threads and carries any exception a worker throws back to the caller.
//
// A plain std::thread whose function throws calls std::terminate (SIGABRT,
// no message, a stale output file). Every pool here goes through RunWorkers
// instead, so a worker's exception (std::bad_alloc under a memory limit, a
// bug) reaches the caller as if the work had run on its own thread.
//
// Contract
//   RunWorkers(n, fn) calls fn(k) once for every k in [0, n): fn(0) on the
//   calling thread, the others on threads of their own. It returns when all
//   have returned; then, if some threw, it rethrows the exception of the
//   lowest k (the others are dropped). Catching stores a std::exception_ptr
//   in a slot reserved before any thread starts: nothing is allocated on the
//   way back. A thread that cannot be started (std::system_error, bad_alloc)
//   is not an error: its share runs on the calling thread, so results are the
//   same, only slower.
//   ParallelFor(n, threads, fn) cuts [0, n) into at most `threads` contiguous
//   chunks and calls fn(begin, end) once per chunk through RunWorkers. A
//   chunk that writes only its own slots gives a result independent of the
//   number of threads.
//   ForEach(n, threads, fn) calls fn(i) once for every i in [0, n) on up to
//   `threads` threads (RunWorkers), each taking the next i when it is free:
//   for items of uneven cost (a large speaker block, a long document). As
//   with ParallelFor, fn writing only slots of its own i gives a result
//   independent of the threads and of which thread took which i.
//   ForEachInOrder<T>(n, threads, window, make, put) calls make(i) -> T for
//   every i in [0, n) on up to `threads` threads (each taking the next i when
//   it is free, as ForEach), and put(i, T&&) for every i in increasing order,
//   one call at a time, by a thread that made one of them (a stream: the
//   order costs no barrier per batch), without the pool's lock: the other
//   threads go on making while one puts (a result made meanwhile is put by
//   the putting thread in its turn). A thread waits before
//   taking an i that is `window` (>= 1) or more past the next i to put, so
//   at most `window` results wait to be put. Once make or put throws, no
//   thread takes another i and no other put is made; the exception is
//   rethrown as RunWorkers does.
//   Async(fn) runs fn() on a kept thread while the caller goes on and
//   returns a Task: get() waits for it and returns its result or rethrows
//   its exception; a Task not waited for waits in its destructor (as the
//   future of std::async does). When no thread can be had, fn runs at once
//   on the calling thread.
//
// Kept threads (parallel.cpp)
//   RunWorkers and Async do not start a thread per call: they hand each share
//   to an idle thread kept for the whole process and start a new one only
//   when none is idle, so every share still has a thread of its own at once
//   (shares that wait for each other cannot deadlock). A run makes hundreds
//   of such calls (a batch of names, of claims, of output); a thread started
//   and ended for each cost page faults for its stack and the allocator's
//   teardown of its caches (four in five of the madvise calls of a
//   two-thread run). Kept threads wait, idle, until the process ends.
//   OnEveryThread(fn) runs fn on the calling thread and on every kept thread:
//   an idle one now, a busy one when its share ends, before it takes another;
//   it does not wait for them. It is how a stage drops what threads keep of
//   their own (a thread_local memo lives as long as its thread, and kept
//   threads live as long as the process): fn must be safe to run on any
//   thread between two shares, and a failure to reach a thread (no memory)
//   is ignored, so fn may free only what is rebuilt on demand.
//
// Example
//   std::vector<int> out(items.size());
//   whosaid::parallel::ParallelFor(items.size(), 4, [&](std::size_t b, std::size_t e) {
//     for (std::size_t i = b; i < e; ++i) out[i] = Work(items[i]);   // may throw
//   });                                                                // rethrown here
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <latch>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace whosaid::parallel {

namespace detail {
// Runs `job` on a kept thread (an idle one, else one started now) and
// returns true; false when no thread could be had (then `job` is not run).
// `job` must not throw.
bool RunOnKeptThread(std::function<void()>& job);
}  // namespace detail

// See "Kept threads" above.
void OnEveryThread(void (*fn)()) noexcept;

template <typename Fn>
void RunWorkers(std::size_t n, Fn&& fn) {
  if (n == 0) return;
  std::vector<std::exception_ptr> errors(n);  // one slot per worker, reserved up front
  auto guarded = [&fn, &errors](std::size_t k) noexcept {
    try {
      fn(k);
    } catch (...) {
      errors[k] = std::current_exception();  // no allocation: the exception is shared
    }
  };
  std::latch finished(static_cast<std::ptrdiff_t>(n - 1));  // the shares on other threads
  std::size_t started = 1;
  try {
    for (; started < n; ++started) {
      std::function<void()> job = [&guarded, &finished, started] {
        guarded(started);
        finished.count_down();
      };
      if (!detail::RunOnKeptThread(job)) break;
    }
  } catch (...) {
    // No more threads (a resource limit): the workers not started run below.
  }
  finished.count_down(static_cast<std::ptrdiff_t>(n - started));
  guarded(0);
  for (std::size_t k = started; k < n; ++k) guarded(k);
  finished.wait();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

// fn()'s result, made on a kept thread (Async).
template <typename T>
class Task {
 public:
  Task() = default;
  Task(Task&&) noexcept = default;
  Task& operator=(Task&& other) noexcept {
    Finish();
    state_ = std::move(other.state_);
    return *this;
  }
  ~Task() { Finish(); }

  bool valid() const { return state_ != nullptr; }
  // Waits for fn; its result, or its exception rethrown. Once only.
  T get() {
    std::shared_ptr<State> state = std::move(state_);
    state->done.wait();
    if (state->error) std::rethrow_exception(state->error);
    if constexpr (!std::is_void_v<T>) return std::move(*state->value);
  }

 private:
  template <typename Fn>
  friend auto Async(Fn fn) -> Task<std::invoke_result_t<Fn&>>;
  using Value = std::conditional_t<std::is_void_v<T>, bool, T>;
  struct State {
    std::latch done{1};
    std::optional<Value> value;
    std::exception_ptr error;
  };
  void Finish() noexcept {
    if (state_) state_->done.wait();
    state_.reset();
  }
  std::shared_ptr<State> state_;
};

template <typename Fn>
auto Async(Fn fn) -> Task<std::invoke_result_t<Fn&>> {
  using T = std::invoke_result_t<Fn&>;
  using State = typename Task<T>::State;
  Task<T> task;
  task.state_ = std::make_shared<State>();
  std::function<void()> job = [state = task.state_, fn = std::move(fn)]() mutable noexcept {
    try {
      if constexpr (std::is_void_v<T>) {
        fn();
      } else {
        state->value.emplace(fn());
      }
    } catch (...) {
      state->error = std::current_exception();
    }
    state->done.count_down();
  };
  if (!detail::RunOnKeptThread(job)) job();  // no thread: made here, now
  return task;
}

template <typename Fn>
void ParallelFor(std::size_t n, unsigned threads, Fn&& fn) {
  const std::size_t t = std::max<std::size_t>(1, std::min<std::size_t>(threads, n));
  if (t == 1) {
    fn(std::size_t{0}, n);
    return;
  }
  const std::size_t chunk = (n + t - 1) / t;
  RunWorkers(t, [&fn, chunk, n](std::size_t k) {
    const std::size_t b = std::min(n, k * chunk), e = std::min(n, b + chunk);
    if (b < e) fn(b, e);
  });
}

template <typename Fn>
void ForEach(std::size_t n, unsigned threads, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  RunWorkers(std::min<std::size_t>(std::max(threads, 1u), n), [&fn, &next, n](std::size_t) {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  });
}

template <typename T, typename Make, typename Put>
void ForEachInOrder(std::size_t n, unsigned threads, std::size_t window, Make&& make, Put&& put) {
  // (a result is moved under the lock, between setting and clearing the
  // putting flag: a move that threw there would leave the flag set)
  static_assert(std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>,
                "ForEachInOrder: T must move without throwing");
  window = std::max<std::size_t>(window, 1);
  std::vector<std::optional<T>> slots(std::min(window, n));  // i's result at i % window
  std::mutex mutex;
  std::condition_variable free;
  std::size_t next = 0, to_put = 0;  // the next i to take, to put (under `mutex`)
  bool failed = false;
  bool putting = false;  // a thread is putting (under `mutex`): only it calls put
  RunWorkers(std::min<std::size_t>(std::max(threads, 1u), n), [&](std::size_t) {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      free.wait(lock, [&] { return failed || next >= n || next < to_put + window; });
      if (failed || next >= n) return;
      const std::size_t i = next++;
      lock.unlock();
      std::optional<T> made;
      try {
        made.emplace(make(i));
      } catch (...) {
        lock.lock();
        failed = true;
        free.notify_all();
        throw;
      }
      lock.lock();
      slots[i % window] = std::move(made);
      if (putting) {  // the thread putting now puts it too, in its turn
        free.notify_all();
        continue;
      }
      // This thread puts every result ready in order, one at a time with
      // the lock released (the others make and leave results meanwhile; a
      // result left while it puts is seen at its next check), until the
      // next one to put is not made yet.
      putting = true;
      for (std::optional<T>* s; !failed && to_put < n && *(s = &slots[to_put % window]);) {
        T ready = std::move(**s);
        s->reset();
        const std::size_t k = to_put++;
        free.notify_all();  // (its slot is free)
        lock.unlock();
        try {
          put(k, std::move(ready));
        } catch (...) {
          lock.lock();
          failed = true;
          putting = false;
          free.notify_all();
          throw;
        }
        lock.lock();
      }
      putting = false;
      free.notify_all();
    }
  });
}

}  // namespace whosaid::parallel
