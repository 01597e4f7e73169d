#include "index/partial_codec.h"

#include "index/sqlite.h"

namespace whosaid::index {

std::string EncodePartial(const DocResult& result) { return EncodeStoredResult(result); }

DocResult DecodePartial(std::string_view stored) {
  try {
    return DecodeStoredResult(stored);
  } catch (const PartialError& e) {
    throw IndexError(e.what());
  }
}

}  // namespace whosaid::index
