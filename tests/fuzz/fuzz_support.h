// Support for the fuzz targets: the rules loaded once, and invariant checks
// that abort (so libFuzzer keeps the input) with what was violated.
//
// A target checks what must hold for every input, not only that nothing
// crashed: spans inside the text and on character boundaries, sorted
// output, valid UTF-8, errors that name their file.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/rules.h"

#ifndef WHOSAID_FUZZ_RULES_DIR
#define WHOSAID_FUZZ_RULES_DIR "rules"
#endif

namespace whosaid::fuzz {

// $WHOSAID_RULES, else the source tree's rules/.
inline std::string RulesDir() {
  const char* env = std::getenv("WHOSAID_RULES");
  return env && *env ? env : WHOSAID_FUZZ_RULES_DIR;
}

inline const rules::RuleSet& Rules() {
  static const rules::RuleSetPtr rules = rules::RuleSet::Load(RulesDir());
  return *rules;
}

[[noreturn]] inline void Violated(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
  std::abort();
}

// Byte offset `i` starts a character of valid UTF-8 `text` (or is its end).
inline bool OnBoundary(std::string_view text, std::size_t i) {
  return i == text.size() ||
         (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80);
}

inline std::string_view AsText(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace whosaid::fuzz

#define FUZZ_CHECK(cond) \
  ((cond) ? static_cast<void>(0) : ::whosaid::fuzz::Violated(#cond, __FILE__, __LINE__))
