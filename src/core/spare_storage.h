// whosaid::KeepStorage — hands a container's storage (not its contents) on
// to a spare that a later user fills anew: the per-thread spares of
// segment::Tokens (tokenizer.cpp) and events::Words (words.cpp), so that a
// thread's next document reuses pages already faulted in.
//
// Contract: when `from` holds more capacity than `to` and at most `limit`
// elements of it, `from` is cleared and swapped with `to` (the smaller
// storage goes with `from`); otherwise nothing changes. A spare therefore
// never holds contents, and never more than `limit` elements of storage.
#pragma once

#include <cstddef>

namespace whosaid {

template <class Container>
void KeepStorage(Container& from, Container& to, std::size_t limit) {
  if (from.capacity() > to.capacity() && from.capacity() <= limit) {
    from.clear();
    to.swap(from);
  }
}

}  // namespace whosaid
