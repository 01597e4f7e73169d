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
//
// Example
//   std::vector<int> out(items.size());
//   whosaid::parallel::ParallelFor(items.size(), 4, [&](std::size_t b, std::size_t e) {
//     for (std::size_t i = b; i < e; ++i) out[i] = Work(items[i]);   // may throw
//   });                                                                // rethrown here
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace whosaid::parallel {

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
  std::vector<std::thread> pool;
  pool.reserve(n - 1);
  std::size_t started = 1;
  try {
    for (; started < n; ++started) pool.emplace_back(guarded, started);
  } catch (...) {
    // No more threads (a resource limit): the workers not started run below.
  }
  guarded(0);
  for (std::size_t k = started; k < n; ++k) guarded(k);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
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

}  // namespace whosaid::parallel
