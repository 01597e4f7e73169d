#include "core/event_index.h"

namespace whosaid::events {

const GlobalEvent* EventIndex::Find(std::size_t doc, int local) const {
  if (doc + 1 >= first.size() || local < 0 ||
      static_cast<std::size_t>(local) >= first[doc + 1] - first[doc])
    return nullptr;
  int k = of[first[doc] + static_cast<std::size_t>(local)];
  return k >= 0 ? &events[static_cast<std::size_t>(k)] : nullptr;
}

}  // namespace whosaid::events
