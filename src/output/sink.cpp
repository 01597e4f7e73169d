#include "output/sink.h"

#include "output/jsonl_sink.h"
#include "output/table_sink.h"

namespace whosaid::output {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "table") return OutputFormat::kTable;
  return std::nullopt;
}

std::unique_ptr<Sink> MakeSink(OutputFormat format, OutputStream& out, bool explain) {
  switch (format) {
    case OutputFormat::kTable:
      return std::make_unique<TableSink>(out, TableConfig{});
    case OutputFormat::kJsonl:
      break;
  }
  return std::make_unique<JsonlSink>(out, explain);
}

}  // namespace whosaid::output
