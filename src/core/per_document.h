#pragma once
// PerDocument<T>: one value per quote record of every document of a run,
// packed (a run has millions of records: sizeof(T) bytes each and 4 per
// document, instead of a vector per document): document d's values are
// of[first[d] .. first[d + 1]), and x[d][i] reads record i of document d.
// The run's record tables (EntityTable::record_entity,
// ClaimsResult::statement_of) are of this shape.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace whosaid {

template <class T>
struct PerDocument {
  std::vector<T> of;
  std::vector<std::uint32_t> first = {0};  // one more than the documents

  std::size_t size() const { return first.size() - 1; }  // documents
  std::span<const T> operator[](std::size_t doc) const {
    return {of.data() + first[doc], first[doc + 1] - first[doc]};
  }
  bool operator==(const PerDocument&) const = default;
};

}  // namespace whosaid
