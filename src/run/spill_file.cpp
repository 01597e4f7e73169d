#include "run/spill_file.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <vector>

#include "output/output_stream.h"

namespace whosaid::run {
namespace {

std::atomic<std::uint64_t> next_serial{1};

// What a thread has read ahead, for the few spill files it reads in turn
// (the names', events' and claims' of a run): the least recently used goes.
struct ReadAhead {
  struct Window {
    std::uint64_t serial = 0;  // 0: empty
    std::uint64_t offset = 0;
    std::string bytes;
    std::uint64_t used = 0;
  };
  std::array<Window, 4> windows;
  std::uint64_t clock = 0;

  // The window holding [offset, offset + size) of file `serial`, or null.
  Window* Find(std::uint64_t serial, std::uint64_t offset, std::uint64_t size) {
    for (Window& w : windows) {
      if (w.serial == serial && offset >= w.offset && offset + size <= w.offset + w.bytes.size()) {
        w.used = ++clock;
        return &w;
      }
    }
    return nullptr;
  }
  Window& Oldest() {
    Window* oldest = &windows[0];
    for (Window& w : windows) {
      if (w.used < oldest->used) oldest = &w;
    }
    oldest->used = ++clock;
    return *oldest;
  }
};

}  // namespace

SpillFile::SpillFile() : serial_(next_serial.fetch_add(1)) {
  const char* dir = std::getenv("TMPDIR");
  std::string base = dir && *dir ? dir : "/tmp";
  name_ = "a spill file in " + base;
  std::string path = base + "/whosaid-spill.XXXXXX";
  std::vector<char> templ(path.begin(), path.end());
  templ.push_back('\0');
  fd_ = ::mkstemp(templ.data());
  if (fd_ < 0) throw output::WriteError(name_, errno, "cannot create");
  ::unlink(templ.data());  // anonymous from now on
  buffer_.reserve(kBufferBytes);
}

SpillFile::~SpillFile() {
  if (fd_ >= 0) ::close(fd_);
}

SpillFile::Slot SpillFile::Append(std::string_view bytes) {
  const Slot slot{size_, bytes.size()};
  if (buffer_.size() + bytes.size() > kBufferBytes) Flush();
  if (bytes.size() >= kBufferBytes) {
    buffer_.assign(bytes);  // one large record: written at once
    Flush();
  } else {
    buffer_.append(bytes);
  }
  size_ += bytes.size();
  return slot;
}

void SpillFile::Flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                               static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw output::WriteError(name_, n < 0 ? errno : ENOSPC);
    done += static_cast<std::size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
}

std::string SpillFile::Read(Slot slot) {
  if (slot.offset + slot.size > written_) Flush();
  if (slot.size >= kReadAhead) {  // a large slot: read alone
    std::string out(slot.size, '\0');
    ReadAt(slot.offset, out.data(), out.size());
    return out;
  }
  thread_local ReadAhead ahead;
  ReadAhead::Window* window = ahead.Find(serial_, slot.offset, slot.size);
  if (window == nullptr) {
    window = &ahead.Oldest();
    window->serial = 0;  // empty until filled (ReadAt may throw)
    const std::size_t size =
        static_cast<std::size_t>(std::min<std::uint64_t>(kReadAhead, written_ - slot.offset));
    window->bytes.resize(size);
    ReadAt(slot.offset, window->bytes.data(), size);
    window->offset = slot.offset;
    window->serial = serial_;
  }
  return window->bytes.substr(static_cast<std::size_t>(slot.offset - window->offset),
                              static_cast<std::size_t>(slot.size));
}

void SpillFile::ReadAt(std::uint64_t offset, char* out, std::size_t size) const {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd_, out + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw output::WriteError(name_, n < 0 ? errno : EIO, "cannot read");
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace whosaid::run
