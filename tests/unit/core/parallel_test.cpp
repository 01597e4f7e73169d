// Tests for core/parallel.h: every worker runs once, chunks cover the range
// whatever the threads, and a worker's exception reaches the caller.
#include "core/parallel.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace whosaid::parallel {

TEST_SUITE("core.parallel") {
  TEST_CASE("ParallelFor's chunks and ForEach's items cover [0, n) once, for any threads") {
    using Cover = void (*)(std::size_t, unsigned, std::vector<int>&);
    const std::vector<std::pair<std::string, Cover>> runners = {
        {"ParallelFor",
         [](std::size_t n, unsigned threads, std::vector<int>& seen) {
           ParallelFor(n, threads, [&](std::size_t b, std::size_t e) {
             for (std::size_t i = b; i < e; ++i) ++seen[i];
           });
         }},
        {"ForEach",
         [](std::size_t n, unsigned threads, std::vector<int>& seen) {
           ForEach(n, threads, [&](std::size_t i) { ++seen[i]; });
         }},
    };
    for (const auto& [name, cover] : runners) {
      for (std::size_t n : {0, 1, 5, 100}) {
        for (unsigned threads : {0u, 1u, 2u, 3u, 8u, 200u}) {
          CAPTURE(name);
          CAPTURE(n);
          CAPTURE(threads);
          std::vector<int> seen(n, 0);
          cover(n, threads, seen);
          CHECK(seen == std::vector<int>(n, 1));
        }
      }
    }
  }

  TEST_CASE("ForEachInOrder makes every i once and puts them in order, whatever the threads") {
    struct Row {
      std::size_t n;
      unsigned threads;
      std::size_t window;
    };
    const std::vector<Row> rows = {
        {0, 2, 4},   {1, 2, 4},   {5, 1, 1},    {5, 2, 1},   {100, 2, 1},
        {100, 2, 3}, {100, 3, 8}, {100, 8, 64}, {100, 0, 0}, {7, 200, 1000},
    };
    for (const Row& r : rows) {
      CAPTURE(r.n);
      CAPTURE(r.threads);
      CAPTURE(r.window);
      std::vector<std::atomic<int>> made(r.n);
      std::vector<std::size_t> put;
      std::atomic<std::size_t> taken{0};
      std::size_t most_waiting = 0;  // made and not yet put, at a put (under the put's lock)
      ForEachInOrder<std::string>(
          r.n, r.threads, r.window,
          [&](std::size_t i) {
            ++made[i];
            ++taken;
            if (i % 7 == 3) std::this_thread::yield();  // an uneven pace
            return "item " + std::to_string(i);
          },
          [&](std::size_t i, std::string&& text) {
            CHECK(text == "item " + std::to_string(i));
            most_waiting = std::max(most_waiting, taken.load() - put.size());
            put.push_back(i);
          });
      std::vector<std::size_t> in_order(r.n);
      for (std::size_t i = 0; i < r.n; ++i) in_order[i] = i;
      CHECK(put == in_order);
      for (std::size_t i = 0; i < r.n; ++i) CHECK(made[i].load() == 1);
      // taken but not put: at most the window (and the threads' own, in flight)
      CHECK(most_waiting <= std::max<std::size_t>(r.window, 1) + 1);
    }
  }

  TEST_CASE("ForEachInOrder: the other threads go on making while one puts") {
    // put(0) waits (at most 10 s) until threads + 2 results are made: more
    // than one per thread, so only when a put holds back no other make
    for (unsigned threads : {2u, 3u}) {
      CAPTURE(threads);
      std::atomic<std::size_t> made{0};
      bool reached = false;
      std::vector<std::size_t> put;
      ForEachInOrder<std::size_t>(
          20, threads, 8,
          [&](std::size_t i) {
            ++made;
            return i;
          },
          [&](std::size_t i, std::size_t&& v) {
            CHECK(v == i);
            if (i == 0) {
              const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
              while (made.load() < threads + 2 && std::chrono::steady_clock::now() < until)
                std::this_thread::yield();
              reached = made.load() >= threads + 2;
            }
            put.push_back(i);
          });
      CHECK(reached);
      CHECK(put.size() == 20);
      for (std::size_t i = 0; i < put.size(); ++i) CHECK(put[i] == i);
    }
  }

  TEST_CASE("ForEachInOrder stops at an exception of make or put and rethrows it") {
    struct Row {
      std::string name;
      std::size_t throw_make;  // make(i) throws at this i (n: never)
      std::size_t throw_put;   // put(i) throws at this i (n: never)
      std::size_t most_put;    // puts made at most
    };
    constexpr std::size_t n = 200;
    const std::vector<Row> rows = {
        {"make throws", 50, n, 50},
        {"put throws", n, 10, 10},
        {"make throws at the first", 0, n, 0},
    };
    for (const Row& r : rows) {
      for (unsigned threads : {1u, 2u, 4u}) {
        CAPTURE(r.name);
        CAPTURE(threads);
        std::size_t puts = 0;
        std::string what;
        try {
          ForEachInOrder<std::size_t>(
              n, threads, 4,
              [&](std::size_t i) {
                if (i == r.throw_make) throw std::runtime_error("make " + std::to_string(i));
                return i;
              },
              [&](std::size_t i, std::size_t&&) {
                if (i == r.throw_put) throw std::runtime_error("put " + std::to_string(i));
                ++puts;
              });
        } catch (const std::runtime_error& e) {
          what = e.what();
        }
        CHECK(what == (r.throw_make < n ? "make " + std::to_string(r.throw_make)
                                        : "put " + std::to_string(r.throw_put)));
        CHECK(puts <= r.most_put);
      }
    }
  }

  // Regression (issue 10): an exception in a clusterer worker (std::thread,
  // no catch) called std::terminate: SIGABRT, status 134.
  TEST_CASE("a worker's exception is rethrown in the caller once all workers are done") {
    struct Row {
      std::string name;
      std::size_t workers;
      std::vector<std::size_t> throwing;  // the workers that throw
      std::string expected;               // what() of the exception the caller gets
    };
    const std::vector<Row> rows = {
        {"none throws", 4, {}, ""},
        {"the caller's own share throws", 4, {0}, "worker 0"},
        {"a helper thread throws", 4, {2}, "worker 2"},
        {"several throw: the lowest wins", 4, {3, 1, 2}, "worker 1"},
        {"one worker, on the caller's thread", 1, {0}, "worker 0"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      std::atomic<std::size_t> done{0};
      std::string got;
      try {
        RunWorkers(row.workers, [&](std::size_t k) {
          ++done;
          for (std::size_t t : row.throwing) {
            if (t == k) throw std::runtime_error("worker " + std::to_string(k));
          }
        });
      } catch (const std::runtime_error& e) {
        got = e.what();
      }
      CHECK(got == row.expected);
      CHECK(done == row.workers);  // nobody was abandoned
    }
  }

  // RunWorkers hands its shares to kept threads (parallel.cpp): each share
  // must still have a thread of its own at once, or shares that wait for
  // each other would deadlock; and the calls nest (a share calling RunWorkers).
  TEST_CASE("RunWorkers' shares run at the same time on threads of their own, and calls nest") {
    for (std::size_t n : {2, 3, 8}) {
      CAPTURE(n);
      for (int round = 0; round < 20; ++round) {
        std::latch all_here(static_cast<std::ptrdiff_t>(n));
        std::vector<std::thread::id> ids(n);
        RunWorkers(n, [&](std::size_t k) {
          ids[k] = std::this_thread::get_id();
          all_here.arrive_and_wait();  // returns only when all n are running
        });
        std::sort(ids.begin(), ids.end());
        CHECK(std::unique(ids.begin(), ids.end()) == ids.end());
      }
    }
    std::vector<int> inner(12, 0);
    RunWorkers(3,
               [&](std::size_t k) { RunWorkers(4, [&](std::size_t j) { ++inner[k * 4 + j]; }); });
    CHECK(inner == std::vector<int>(12, 1));
  }

  TEST_CASE("Async's Task gives the result or the exception, and waits when dropped") {
    Task<int> answer = Async([] { return 6 * 7; });
    CHECK(answer.valid());
    CHECK(answer.get() == 42);
    CHECK_FALSE(answer.valid());

    Task<std::string> failing = Async([]() -> std::string { throw std::runtime_error("no"); });
    std::string got;
    try {
      failing.get();
    } catch (const std::runtime_error& e) {
      got = e.what();
    }
    CHECK(got == "no");

    std::atomic<bool> ran{false};
    {
      Task<void> dropped = Async([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ran = true;
      });
    }  // the destructor waited
    CHECK(ran);

    Task<void> moved_over = Async([&] { ran = false; });
    moved_over = Async([] {});  // the first waited for before it is replaced
    CHECK_FALSE(ran);
    moved_over.get();
    CHECK(Task<void>().valid() == false);
  }

  // OnEveryThread reaches every kept thread: the idle ones at once, a busy
  // one once its share ends (and only once however often it was asked),
  // and the caller before it returns.
  TEST_CASE("OnEveryThread runs its function on the caller and on every kept thread") {
    static std::mutex mutex;
    static std::vector<std::thread::id> ran;  // one entry per run of Note
    static thread_local std::vector<int> memo;
    auto note = +[] {
      std::vector<int>().swap(memo);
      std::lock_guard<std::mutex> lock(mutex);
      ran.push_back(std::this_thread::get_id());
    };
    auto count = [](std::thread::id id) {
      std::lock_guard<std::mutex> lock(mutex);
      return std::count(ran.begin(), ran.end(), id);
    };
    auto wait_for = [&](std::thread::id id, long times) {
      for (int i = 0; i < 5000 && count(id) < times; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return count(id);
    };
    // three kept threads at least, each with a memo, idle afterwards
    std::latch all_here(4);
    std::vector<std::thread::id> kept(4);
    RunWorkers(4, [&](std::size_t k) {
      kept[k] = std::this_thread::get_id();
      memo.assign(1000, 1);
      all_here.arrive_and_wait();
    });
    OnEveryThread(note);
    CHECK(count(std::this_thread::get_id()) == 1);  // the caller: before it returns
    for (std::size_t k = 1; k < kept.size(); ++k) CHECK(wait_for(kept[k], 1) == 1);

    // a busy thread runs it after its share, once for two calls
    std::atomic<bool> go{false};
    std::thread::id busy;
    std::atomic<bool> started{false};
    Task<void> task = Async([&] {
      busy = std::this_thread::get_id();
      started = true;
      while (!go) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const long before = count(busy);
    OnEveryThread(note);
    OnEveryThread(note);
    CHECK(count(busy) == before);  // not while its share runs
    go = true;
    task.get();
    CHECK(wait_for(busy, before + 1) == before + 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(count(busy) == before + 1);  // the second call was folded into the first
    CHECK(count(std::this_thread::get_id()) == 3);
  }

  TEST_CASE("std::bad_alloc in a worker reaches the caller as std::bad_alloc") {
    bool caught = false;
    try {
      ParallelFor(64, 4, [](std::size_t b, std::size_t) {
        if (b > 0) throw std::bad_alloc();
      });
    } catch (const std::bad_alloc&) {
      caught = true;
    }
    CHECK(caught);
  }
}

}  // namespace whosaid::parallel
