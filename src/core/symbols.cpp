#include "core/symbols.h"

namespace whosaid::rules {

SymbolSet::SymbolSet(std::string_view symbols) : symbols_(symbols) {
  for (char c : symbols) bits_.set(static_cast<unsigned char>(c));
}

}  // namespace whosaid::rules
