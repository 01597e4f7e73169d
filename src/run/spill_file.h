// whosaid::run::SpillFile — an anonymous temporary file a run writes what it
// must keep until the end (each document's partial, run/corpus_run.h) and
// reads back by slot, so that memory does not grow with the corpus.
//
// Contract
//   * Created in $TMPDIR (else /tmp) with mkstemp and unlinked at once: the
//     disk space is freed when the object is destroyed or the process ends,
//     however it ends; nothing is left behind.
//   * Append() buffers (1 MiB) and returns where the bytes went; Read(slot)
//     returns them (flushing first). Not thread-safe, except that after
//     Sync(), until the next Append, Read may be called from many threads.
//   * Read reads ahead: one pread brings the slot and what follows it (up to
//     kReadAhead bytes in all), kept by the reading thread, so that the next
//     slots read in file order cost no system call. A run reads its slots
//     about in the order it wrote them (a document's, then the next's), a
//     few hundred thousand of them; bytes once written never change, so
//     what a thread keeps stays true.
//   * Failures throw output::WriteError naming the file ("a spill file in
//     /tmp: cannot write: No space left on device").
//
// Example
//   SpillFile spill;
//   SpillFile::Slot s = spill.Append(EncodePartial(p));
//   Partial again = DecodePartial(spill.Read(s));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace whosaid::run {

class SpillFile {
 public:
  struct Slot {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
  };

  SpillFile();
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  Slot Append(std::string_view bytes);
  std::string Read(Slot slot);
  void Sync() { Flush(); }  // everything appended on disk
  std::uint64_t size() const { return size_; }
  // [offset, offset + size) from the file into `out`, exactly (no read
  // ahead: a caller that knows what it will read gathers it itself); after
  // Sync, on many threads.
  void ReadAt(std::uint64_t offset, char* out, std::size_t size) const;

 private:
  void Flush();

  static constexpr std::size_t kBufferBytes = std::size_t{1} << 20;
  static constexpr std::size_t kReadAhead = std::size_t{64} << 10;

  std::uint64_t serial_ = 0;  // this file's, unique in the process (read-ahead)
  int fd_ = -1;
  std::string name_;  // for messages: "a spill file in DIR"
  std::string buffer_;
  std::uint64_t written_ = 0;  // bytes on disk
  std::uint64_t size_ = 0;     // bytes appended
};

}  // namespace whosaid::run
