#include "run/spill_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <vector>

#include "output/output_stream.h"

namespace whosaid::run {

SpillFile::SpillFile() {
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
  std::string out(slot.size, '\0');
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n =
        ::pread(fd_, out.data() + done, out.size() - done, static_cast<off_t>(slot.offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw output::WriteError(name_, n < 0 ? errno : EIO, "cannot read");
    done += static_cast<std::size_t>(n);
  }
  return out;
}

}  // namespace whosaid::run
