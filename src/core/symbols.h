// whosaid::rules::SymbolSet — a set of one-byte symbols (the classes of the
// attribution shape alphabet, rules/shape_classes.txt, read by
// rules::Classes::Symbols, core/classes.h): membership in constant time.
//
// Example
//   rules::SymbolSet openers("Dds#");
//   if (openers.Has(unit.symbol)) ...
#pragma once

#include <bitset>
#include <string>
#include <string_view>

namespace whosaid::rules {

class SymbolSet {
 public:
  SymbolSet() = default;
  explicit SymbolSet(std::string_view symbols);

  bool Has(char symbol) const { return bits_[static_cast<unsigned char>(symbol)]; }
  const std::string& symbols() const { return symbols_; }  // as written

 private:
  std::bitset<256> bits_;
  std::string symbols_;
};

}  // namespace whosaid::rules
