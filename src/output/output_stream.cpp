#include "output/output_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace whosaid::output {
namespace fs = std::filesystem;
namespace {
constexpr std::size_t kBufferSize = std::size_t{64} << 10;

// The file a chain of symlinks ends at (existing or not), so that -o through
// a link replaces the file and keeps the link.
fs::path ResolveSymlinks(fs::path path) {
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(path, ec); ++hops) {
    fs::path next = fs::read_symlink(path, ec);
    if (ec) break;
    path = next.is_absolute() ? next : path.parent_path() / next;
  }
  return path;
}

}  // namespace

WriteError::WriteError(const std::string& name, int error_number)
    : std::runtime_error(name + ": cannot write: " + std::strerror(error_number)),
      error_number_(error_number) {}

bool WriteError::broken_pipe() const { return error_number_ == EPIPE; }

FdOutput::FdOutput(int fd, std::string name, bool owned)
    : fd_(fd), name_(std::move(name)), owned_(owned) {
  buffer_.reserve(kBufferSize);
}

FdOutput::~FdOutput() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

void FdOutput::Write(std::string_view bytes) {
  buffer_.append(bytes);
  if (buffer_.size() >= kBufferSize) Flush();
}

void FdOutput::Flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      buffer_.clear();  // never retry the same bytes on the next Flush
      throw WriteError(name_, err);
    }
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void FdOutput::Close() {
  int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) != 0) throw WriteError(name_, errno);
}

FileOutput::FileOutput(const fs::path& path) : FileOutput(OpenFor(path)) {}

FileOutput::FileOutput(Opened opened)
    : FdOutput(opened.fd, opened.target.string(), /*owned=*/true),
      target_(std::move(opened.target)),
      temp_(std::move(opened.temp)) {}

FileOutput::Opened FileOutput::OpenFor(const fs::path& path) {
  const fs::path target = ResolveSymlinks(path);
  std::error_code ec;
  fs::file_status status = fs::status(target, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // A device or FIFO: no temporary file (renaming over /dev/full would
    // replace the device).
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw WriteError(target.string(), errno);
    return {fd, target, {}};
  }
  fs::path temp = target;
  temp += ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw WriteError(target.string(), errno);
  return {fd, target, temp};
}

FileOutput::~FileOutput() {
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void FileOutput::Commit() {
  Flush();
  if (temp_.empty()) {
    committed_ = true;
    return;
  }
  if (::fsync(fd()) != 0 && errno != EINVAL) throw WriteError(name(), errno);
  Close();
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) throw WriteError(name(), errno);
  committed_ = true;
}

}  // namespace whosaid::output
