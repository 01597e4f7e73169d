#include "ingest/byte_input.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace whosaid::ingest {
namespace {
constexpr std::size_t kBlock = std::size_t{64} << 10;
constexpr std::size_t kPeekLimit = std::size_t{64} << 10;
}  // namespace

FdInput::~FdInput() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

std::size_t FdInput::Read(char* buf, std::size_t n) {
  for (;;) {
    ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) throw ReadError(std::strerror(errno));
  }
}

std::size_t StringInput::Read(char* buf, std::size_t n) {
  std::size_t k = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

BufferedInput::BufferedInput(std::unique_ptr<ByteInput> input) : input_(std::move(input)) {}

bool BufferedInput::Fill() {
  if (eof_) return false;
  // Drop what has been consumed so the buffer stays one line (or block) long.
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  std::size_t old = buf_.size();
  buf_.resize(old + kBlock);
  std::size_t got = input_->Read(buf_.data() + old, kBlock);
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

BufferedInput::Line BufferedInput::ReadLine(std::string& line, std::size_t max_bytes,
                                            std::size_t max_skip) {
  line.clear();
  if (eof_ && pos_ == buf_.size()) return Line::kEnd;
  std::size_t length = 0;  // bytes of the line seen so far
  for (;;) {
    std::size_t nl = buf_.find('\n', pos_);
    std::size_t stop = nl == std::string::npos ? buf_.size() : nl;
    length += stop - pos_;
    // Copy only while under the limit: an oversized line costs no memory.
    if (length <= max_bytes) {
      line.append(buf_, pos_, stop - pos_);
    } else {
      line.clear();
    }
    const bool too_long = length > max_bytes;
    if (nl != std::string::npos) {
      pos_ = nl + 1;
      return too_long ? Line::kTooLong : Line::kOk;
    }
    pos_ = buf_.size();
    if (too_long && length - max_bytes > max_skip) {
      // Give up on this input: drop what is buffered, read no more.
      buf_.clear();
      pos_ = 0;
      eof_ = true;
      return Line::kEndless;
    }
    if (!Fill()) {
      if (length == 0) return Line::kEnd;
      return too_long ? Line::kTooLong : Line::kOk;
    }
  }
}

bool BufferedInput::ReadAll(std::string& out, std::size_t max_bytes) {
  std::size_t start = out.size();
  for (;;) {
    if (out.size() - start + (buf_.size() - pos_) > max_bytes) return false;
    out.append(buf_, pos_, std::string::npos);
    pos_ = buf_.size();
    if (!Fill()) return true;
  }
}

int BufferedInput::PeekFirstNonBlank() {
  std::size_t i = pos_;
  for (;;) {
    while (i < buf_.size()) {
      auto c = static_cast<unsigned char>(buf_[i]);
      bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
      bool bom = (c == 0xEF || c == 0xBB || c == 0xBF) && i - pos_ < 3;
      if (!blank && !bom) return c;
      ++i;
    }
    if (i - pos_ >= kPeekLimit) return -1;
    // Fill() may move the unread bytes to the front of the buffer.
    std::size_t offset = i - pos_;
    if (!Fill()) return -1;
    i = pos_ + offset;
  }
}

}  // namespace whosaid::ingest
