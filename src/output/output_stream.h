// whosaid::output::OutputStream — where sinks put their bytes: standard
// output, a file written safely, or (in tests) a string.
//
// Contract
//   Write() buffers; Flush() and Commit() push the bytes out. Any failure
//   throws WriteError, which tells a closed pipe (EPIPE: the reader went away,
//   as in `whosaid extract corpus | head -1`, a normal way to stop) from a real
//   failure (ENOSPC, EIO, ...). Nothing here prints or exits.
//   FileOutput writes FILE.tmp and renames it to FILE on Commit(), so a run
//   that fails or crashes never leaves a half-written FILE and never clobbers
//   a good one; an uncommitted FileOutput removes its temporary file. When
//   FILE exists and is not a regular file (/dev/stdout, a FIFO, /dev/full)
//   it is written directly.
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
  // what(): "NAME: cannot write: REASON".
  WriteError(const std::string& name, int error_number);
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
  void Commit() override;

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
  bool committed_ = false;
};

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
