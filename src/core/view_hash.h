// whosaid::ViewHash — the hash that lets unordered containers keyed by
// std::string be probed with a std::string_view (heterogeneous look-up), so
// a per-token look-up builds no std::string. ViewMap / ViewSet are the
// containers with it.
//
// Example
//   ViewSet roles{"minister"};
//   std::string_view w = text.substr(4, 8);
//   roles.count(w)   // no copy of w
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace whosaid {

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class V>
using ViewMap = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;
using ViewSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

}  // namespace whosaid
