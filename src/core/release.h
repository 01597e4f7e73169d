#pragma once
// whosaid::Release(x): empties `x` and gives back the memory it holds, its
// buffer included.
//
// `x = {}` reads as that but is not, for the standard containers: on a
// std::vector, std::string, std::unordered_map or std::unordered_set it
// calls operator=(initializer_list), which destroys the elements and keeps
// the buffer (the bucket array). A run that empties a list per document
// that way keeps every list's buffer to the end (issue 13: each document's
// summary records, 256 bytes per record, stayed through the claims stage).
// Release swaps in an empty value instead, whose destruction frees them
// (not `x = T()`: moving a short std::string into a long one keeps the long
// one's buffer too); a type without swap() (a struct) is assigned T(), the
// same as `x = {}`.
//
// Example
//   std::vector<int> v(1000);
//   v = {};        // v.empty(), v.capacity() == 1000
//   Release(v);    // v.capacity() == 0

namespace whosaid {

template <class T>
void Release(T& x) {
  if constexpr (requires { x.swap(x); })
    T().swap(x);
  else
    x = T();
}

}  // namespace whosaid
