// Tests for core/allocator.h SmallPages: while one lives the process maps
// no transparent huge pages (Linux: the THP-disable flag is set), and its
// end puts the flag back as it was, whichever it was.
#include <doctest/doctest.h>

#if defined(__linux__)
#include <sys/prctl.h>
#endif

#include "core/allocator.h"

namespace whosaid::allocator {

#if defined(__linux__) && defined(PR_SET_THP_DISABLE)
TEST_CASE("SmallPages: huge pages off while it lives, the flag as it was after") {
  const int outside = ::prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0);
  REQUIRE(outside >= 0);
  for (const int before : {0, 1}) {
    CAPTURE(before);
    REQUIRE(::prctl(PR_SET_THP_DISABLE, before, 0, 0, 0) == 0);
    {
      SmallPages small;
      CHECK(::prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1);
    }
    CHECK(::prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == before);
  }
  ::prctl(PR_SET_THP_DISABLE, outside, 0, 0, 0);
}
#endif

}  // namespace whosaid::allocator
