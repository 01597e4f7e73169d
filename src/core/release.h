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
// Release move-assigns an empty value instead, which frees them; for a
// struct it is the same as `x = {}`.
//
// Example
//   std::vector<int> v(1000);
//   v = {};        // v.empty(), v.capacity() == 1000
//   Release(v);    // v.capacity() == 0

namespace whosaid {

template <class T>
void Release(T& x) {
  x = T();
}

}  // namespace whosaid
