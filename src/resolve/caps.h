// whosaid::resolve::AllCaps — whether a written word is in capitals only:
// no lower-case ASCII letter and at least two capitals (hyphens, apostrophes
// and other marks aside): "FALLIN", "WASHINGTON", "UN", "D-NY"; never
// "Ann", "A". Shared by the entity resolver (datelines, transcript labels,
// headlines in capitals) and the spelling report (acronyms).
#pragma once

#include <string_view>

namespace whosaid::resolve {

inline bool AllCaps(std::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
  }
  return upper >= 2;
}

}  // namespace whosaid::resolve
