// Tests for run/spill_file.h: every slot reads back its own bytes, in any
// order of reading, across the write buffer and the read-ahead windows, with
// several files read in turn on one thread and on many threads after Sync.
#include "run/spill_file.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace whosaid::run {
namespace {

// Slot i's bytes: `size` characters, different for every i and offset.
std::string Bytes(std::size_t i, std::size_t size) {
  std::string out(size, '\0');
  for (std::size_t k = 0; k < size; ++k) out[k] = static_cast<char>('a' + (i * 7 + k) % 26);
  return out;
}

}  // namespace

TEST_SUITE("run.spill_file") {
  TEST_CASE("slots read back whatever the order and the sizes") {
    struct Row {
      std::string name;
      std::vector<std::size_t> sizes;  // of the slots, appended in order
      std::string order;               // "forward", "backward", "shuffled"
    };
    const std::vector<Row> rows = {
        {"small slots, in file order", std::vector<std::size_t>(2000, 37), "forward"},
        {"small slots, backwards", std::vector<std::size_t>(2000, 37), "backward"},
        {"small slots, shuffled", std::vector<std::size_t>(2000, 37), "shuffled"},
        {"empty slots among others", {0, 5, 0, 0, 9, 0}, "shuffled"},
        {"slots larger than the read-ahead", {10, 70000, 3, 200000, 65535, 65536, 1}, "forward"},
        {"slots larger than the write buffer", {5, (1u << 20) + 3, 7, 2u << 20, 9}, "shuffled"},
        {"slots across the 64 KiB windows", std::vector<std::size_t>(500, 1000), "forward"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      SpillFile file;
      std::vector<SpillFile::Slot> slots;
      for (std::size_t i = 0; i < row.sizes.size(); ++i)
        slots.push_back(file.Append(Bytes(i, row.sizes[i])));
      std::vector<std::size_t> order(slots.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      if (row.order == "backward") std::reverse(order.begin(), order.end());
      if (row.order == "shuffled") std::shuffle(order.begin(), order.end(), std::mt19937(7));
      for (std::size_t i : order) {
        CAPTURE(i);
        CHECK(file.Read(slots[i]) == Bytes(i, row.sizes[i]));
      }
    }
  }

  TEST_CASE("reads between appends, and files read in turn on one thread") {
    SpillFile a, b;
    std::vector<SpillFile::Slot> in_a, in_b;
    for (std::size_t i = 0; i < 300; ++i) {
      in_a.push_back(a.Append(Bytes(i, 100)));
      in_b.push_back(b.Append(Bytes(i + 1000, 100)));
      // read at once (flushed: the window ends at what is written so far),
      // then an older slot of the other file, then this one again
      CHECK(a.Read(in_a[i]) == Bytes(i, 100));
      CHECK(b.Read(in_b[i / 2]) == Bytes(i / 2 + 1000, 100));
      CHECK(a.Read(in_a[i]) == Bytes(i, 100));
    }
    for (std::size_t i = 0; i < 300; ++i) {
      CHECK(b.Read(in_b[i]) == Bytes(i + 1000, 100));
      CHECK(a.Read(in_a[299 - i]) == Bytes(299 - i, 100));
    }
  }

  TEST_CASE("after Sync, many threads read at once") {
    SpillFile file;
    std::vector<SpillFile::Slot> slots;
    for (std::size_t i = 0; i < 5000; ++i) slots.push_back(file.Append(Bytes(i, 10 + i % 300)));
    file.Sync();
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t k = 0; k < slots.size(); ++k) {
          const std::size_t i = (k * (t + 1) * 7919) % slots.size();
          if (file.Read(slots[i]) != Bytes(i, 10 + i % 300)) ++wrong[t];
        }
      });
    }
    for (std::thread& t : threads) t.join();
    CHECK(wrong == std::vector<int>(4, 0));
  }
}

}  // namespace whosaid::run
