// whosaid::ingest::ByteInput / BufferedInput — bytes from a file descriptor
// (or, in tests, a string), read in 64 KiB blocks.
//
// BufferedInput offers what the readers need and nothing more: whole content
// with a size limit (text documents), lines with a length limit (JSON Lines),
// and a peek at the first non-blank byte (format sniffing on standard input).
// Read errors throw ReadError, which the readers turn into a Diagnostic.
//
// Example
//   BufferedInput in(std::make_unique<StringInput>("{\"id\":1}\n{\"id\":2}\n"));
//   std::string line;
//   while (in.ReadLine(line, 1 << 20, 1 << 20) != BufferedInput::Line::kEnd) ...
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

namespace whosaid::ingest {

// A read failed; what() is the system's reason ("Input/output error").
class ReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteInput {
 public:
  virtual ~ByteInput() = default;
  // Reads up to `n` bytes into `buf`; returns how many, 0 at the end.
  // Throws ReadError.
  virtual std::size_t Read(char* buf, std::size_t n) = 0;
};

// Reads a file descriptor; closes it on destruction when `owned`.
class FdInput : public ByteInput {
 public:
  FdInput(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdInput() override;
  FdInput(const FdInput&) = delete;
  FdInput& operator=(const FdInput&) = delete;
  std::size_t Read(char* buf, std::size_t n) override;

 private:
  int fd_;
  bool owned_;
};

// Reads a string (tests, and prefixes already read).
class StringInput : public ByteInput {
 public:
  explicit StringInput(std::string data) : data_(std::move(data)) {}
  std::size_t Read(char* buf, std::size_t n) override;

 private:
  std::string data_;
  std::size_t pos_ = 0;
};

class BufferedInput {
 public:
  explicit BufferedInput(std::unique_ptr<ByteInput> input);

  enum class Line { kOk, kTooLong, kEndless, kEnd };
  // Reads the next line into `line`, without its '\n'. kEnd when nothing is
  // left (a last line without '\n' is kOk). A line longer than `max_bytes`
  // is dropped (`line` is left empty; it costs no memory): its rest is
  // skipped, and kTooLong returned, when its '\n' (or the end) comes within
  // `max_skip` more bytes (counted in the 64 KiB blocks read); otherwise
  // reading stops there and kEndless is returned — an endless line
  // (/dev/zero, a stream with no newline) is never read for more than
  // max_bytes + max_skip bytes and a block — and every later call returns
  // kEnd.
  Line ReadLine(std::string& line, std::size_t max_bytes, std::size_t max_skip);

  // Appends everything left to `out`. Returns false, having stopped reading,
  // when that would be more than `max_bytes`.
  bool ReadAll(std::string& out, std::size_t max_bytes);

  // The first byte that is not ' ', '\t', '\r', '\n' or part of a UTF-8 byte
  // order mark, without consuming anything; -1 at the end or when none is
  // found within the first 64 KiB.
  int PeekFirstNonBlank();

 private:
  bool Fill();  // reads one more block into buf_; false at the end
  std::unique_ptr<ByteInput> input_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

}  // namespace whosaid::ingest
