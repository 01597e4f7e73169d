// whosaid::output::OutputStream — where sinks put their bytes: standard
// output, a file written safely, or (in tests) a string.
//
// Contract
//   Write() buffers; Flush() and Commit() push the bytes out. Any failure
//   throws WriteError, which tells a closed pipe (EPIPE: the reader went away,
//   as in `whosaid extract corpus | head -1`, a normal way to stop) from a real
//   failure (ENOSPC, EIO, ...). Nothing here prints or exits.
//   FileOutput is the one way whosaid writes a file (every command's -o):
//   * it writes a temporary file of its own, FILE.XXXXXX.tmp in FILE's
//     directory, created by mkstemp (O_CREAT|O_EXCL: never a name chosen in
//     advance, never through a symlink planted there), so two runs with the
//     same -o never share it;
//   * Commit() flushes, fsyncs, and renames it to FILE (atomic), then syncs
//     the directory: a run that fails, crashes or is killed never leaves a
//     half-written FILE and never clobbers a good one; with two concurrent
//     runs, FILE is the whole output of one of them;
//   * while it is written, every kWritebackChunk bytes flushed are handed
//     to the disk at once (Linux: sync_file_range, the write-out started
//     and usually not waited for; it can block while the device's queue is
//     full), so that the fsync at Commit() waits for the last chunk only,
//     not for the whole file;
//   * an uncommitted FileOutput removes its temporary file, and so does a
//     SIGTERM, SIGINT or SIGHUP (temp_files.h);
//   * the new FILE keeps the permissions of the one it replaces (else 0666
//     less the umask);
//   * FILE that is a symlink is followed (the file it leads to is replaced,
//     the link stays) — except, as the kernel's protected_symlinks does, a
//     link in a sticky world-writable directory (/tmp) owned by neither the
//     user nor the directory's owner: that is refused;
//   * FILE that exists and is not a regular file (/dev/stdout, a FIFO,
//     /dev/full) is written directly, without a temporary file.
//   SameFile() tells whether FILE is an existing file (commands refuse an
//   output that is one of their inputs).
//
// Example
//   whosaid::output::FileOutput out("quotes.jsonl");   // throws WriteError
//   out.Write("{...}\n");
//   out.Commit();
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace whosaid::output {

class WriteError : public std::runtime_error {
 public:
  // what(): "NAME: ACTION: REASON" ("out.jsonl: cannot write: No space left on device").
  WriteError(const std::string& name, int error_number, const std::string& action = "cannot write");
  int error_number() const { return error_number_; }
  // True for EPIPE: the reading end closed; stop quietly.
  bool broken_pipe() const;

 private:
  int error_number_;
};

class OutputStream {
 public:
  virtual ~OutputStream() = default;
  virtual void Write(std::string_view bytes) = 0;
  virtual void Flush() = 0;
  // Makes the output final (flush; for FileOutput, rename into place).
  virtual void Commit() { Flush(); }
};

// A file descriptor with a 64 KiB buffer. Does not close `fd` unless owned.
class FdOutput : public OutputStream {
 public:
  FdOutput(int fd, std::string name, bool owned = false);
  ~FdOutput() override;
  FdOutput(const FdOutput&) = delete;
  FdOutput& operator=(const FdOutput&) = delete;

  void Write(std::string_view bytes) override;
  void Flush() override;

 protected:
  int fd() const { return fd_; }
  std::size_t buffered() const { return buffer_.size(); }
  const std::string& name() const { return name_; }
  void Close();  // flushes nothing; throws WriteError when close() fails

 private:
  int fd_;
  std::string name_;
  bool owned_;
  std::string buffer_;
};

// A file replaced atomically on Commit() (see above). The constructor throws
// WriteError when the file cannot be created.
class FileOutput : public FdOutput {
 public:
  explicit FileOutput(const std::filesystem::path& path);
  ~FileOutput() override;
  void Flush() override;  // FdOutput's, then the write-out of a full chunk begun
  void Commit() override;
  // Bytes flushed to the temporary file between two starts of its write-out.
  static constexpr std::size_t kWritebackChunk = std::size_t{8} << 20;

  // The temporary file being written; "" when writing the target directly.
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  struct Opened {
    int fd;
    std::filesystem::path target;
    std::filesystem::path temp;
  };
  static Opened OpenFor(const std::filesystem::path& path);
  explicit FileOutput(Opened opened);

  std::filesystem::path target_;
  std::filesystem::path temp_;  // empty when writing `target_` directly
  int registration_ = -1;       // temp_files.h slot, -1 when none
  bool committed_ = false;
  std::size_t flushed_ = 0;      // bytes written to the file
  std::size_t handed_over_ = 0;  // of which the write-out was started
};

// True when `a` and `b` both exist and are the same file (device and inode,
// symlinks followed): `whosaid extract a.txt -o a.txt`.
bool SameFile(const std::filesystem::path& a, const std::filesystem::path& b);

// Collects everything written (tests).
class StringOutput : public OutputStream {
 public:
  void Write(std::string_view bytes) override { str_.append(bytes); }
  void Flush() override {}
  const std::string& str() const { return str_; }

 private:
  std::string str_;
};

}  // namespace whosaid::output
