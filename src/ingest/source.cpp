#include "ingest/source.h"

namespace whosaid::ingest {

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  return std::nullopt;
}

}  // namespace whosaid::ingest
