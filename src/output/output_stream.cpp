#include "output/output_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "output/temp_files.h"

namespace whosaid::output {
namespace fs = std::filesystem;
namespace {
constexpr std::size_t kBufferSize = std::size_t{64} << 10;

// A symlink the kernel's protected_symlinks would not follow: in a sticky
// world-writable directory (/tmp), owned by neither us nor the directory's
// owner — a link someone else planted where our output goes.
bool PlantedLink(const fs::path& link) {
  struct stat l {
  }, dir{};
  fs::path parent = link.parent_path();
  if (parent.empty()) parent = ".";
  if (::lstat(link.c_str(), &l) != 0 || ::stat(parent.c_str(), &dir) != 0) return false;
  const bool shared_dir = (dir.st_mode & S_ISVTX) && (dir.st_mode & S_IWOTH);
  return shared_dir && l.st_uid != ::geteuid() && l.st_uid != dir.st_uid;
}

// The file a chain of symlinks ends at (existing or not), so that -o through
// a link replaces the file and keeps the link. Throws WriteError for a link
// planted by someone else (see PlantedLink) or a loop.
fs::path ResolveSymlinks(const fs::path& given) {
  fs::path path = given;
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(path, ec); ++hops) {
    if (hops == 40) throw WriteError(given.string(), ELOOP);
    if (PlantedLink(path)) {
      throw WriteError(given.string(), EPERM,
                       "refusing to follow " + path.string() +
                           ", a symlink another user owns in a shared directory");
    }
    fs::path next = fs::read_symlink(path, ec);
    if (ec) break;
    path = next.is_absolute() ? next : path.parent_path() / next;
  }
  return path;
}

// The permissions the new file gets: those of the file it replaces, else
// what open(…, 0666) would have given under the umask.
mode_t NewFileMode(const fs::path& target) {
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777 & ~06000;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Makes the rename durable (best effort: some file systems refuse).
void SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

WriteError::WriteError(const std::string& name, int error_number, const std::string& action)
    : std::runtime_error(name + ": " + action + ": " + std::strerror(error_number)),
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
      temp_(std::move(opened.temp)) {
  if (!temp_.empty()) registration_ = RegisterTempFile(temp_.c_str());
}

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
  // mkstemp: a fresh name, O_CREAT|O_EXCL (an existing name or a symlink
  // there fails instead of being followed), mode 0600 until it is ours.
  std::string temp = target.string() + ".XXXXXX.tmp";
  int fd = ::mkostemps(temp.data(), 4, O_CLOEXEC);
  if (fd < 0) {
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    throw WriteError(target.string(), errno,
                     "cannot create a temporary file in " + dir.string() + "/");
  }
  if (::fchmod(fd, NewFileMode(target)) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw WriteError(temp, err);
  }
  return {fd, target, temp};
}

FileOutput::~FileOutput() {
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
  UnregisterTempFile(registration_);
}

void FileOutput::Flush() {
  const std::size_t n = buffered();
  FdOutput::Flush();
  flushed_ += n;
  if (temp_.empty() || flushed_ - handed_over_ < kWritebackChunk) return;
#ifdef SYNC_FILE_RANGE_WRITE
  // Only a head start for Commit()'s fsync, which reports any error: a
  // failure here (a file system without it) changes nothing.
  (void)::sync_file_range(fd(), static_cast<off64_t>(handed_over_),
                          static_cast<off64_t>(flushed_ - handed_over_), SYNC_FILE_RANGE_WRITE);
#endif
  handed_over_ = flushed_;
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
  UnregisterTempFile(registration_);
  registration_ = -1;
  SyncDirectory(target_.parent_path());
}

bool SameFile(const fs::path& a, const fs::path& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

}  // namespace whosaid::output
