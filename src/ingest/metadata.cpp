#include "ingest/metadata.h"

#include <fcntl.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "ingest/byte_input.h"
#include "ingest/jsonl_record.h"

namespace whosaid::ingest {
namespace {

constexpr std::size_t kMaxSidecarLine = std::size_t{1} << 20;
constexpr std::size_t kMaxSidecarSkip = std::size_t{16} << 20;  // then: a line without an end

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

// `j[key]` when it is a string, else "".
std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Diagnostic Warning(std::string where, std::string message) {
  return {Diagnostic::Severity::kWarning, std::move(where), std::move(message)};
}

// Parses one sidecar line into `table`; problems go to `diags`.
void AddSidecarLine(std::string& line, const std::string& where, MetaTable& table,
                    std::vector<Diagnostic>& diags) {
  if (ReplaceLoneSurrogates(line).count > 0)
    diags.push_back(Warning(where, "escape of a lone surrogate replaced with U+FFFD"));
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    diags.push_back(Warning(where, "not a JSON object; line ignored"));
    return;
  }
  std::string stem = StringField(j, "doc");
  if (stem.empty()) {
    diags.push_back(Warning(where, "no string \"doc\"; line ignored"));
    return;
  }
  DocMeta meta{StringField(j, "outlet"), StringField(j, "url"), ""};
  if (std::string date = StringField(j, "date"); !date.empty()) {
    if (auto iso = NormalizeIsoDate(date)) {
      meta.date = *iso;
    } else {
      diags.push_back(
          Warning(where, "date \"" + date + "\" is not YYYY-MM-DD or YYYY-MM; ignored"));
    }
  }
  table.Add(std::move(stem), std::move(meta));
}

}  // namespace

const DocMeta* MetaTable::Find(std::string_view stem) const {
  auto it = entries_.find(stem);
  return it == entries_.end() ? nullptr : &it->second;
}

LoadedSidecar LoadMetaSidecar(const std::filesystem::path& path) {
  LoadedSidecar out;
  const std::string name = path.string();
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    out.diagnostics.push_back(
        Warning(name, std::string("cannot read metadata: ") + std::strerror(errno)));
    return out;
  }
  BufferedInput in(std::make_unique<FdInput>(fd, /*owned=*/true));
  std::string line;
  try {
    for (int n = 1;; ++n) {
      auto status = in.ReadLine(line, kMaxSidecarLine, kMaxSidecarSkip);
      if (status == BufferedInput::Line::kEnd) break;
      std::string where = name + ":" + std::to_string(n);
      if (status == BufferedInput::Line::kEndless) {
        out.diagnostics.push_back(
            Warning(where, "line without an end; the rest of the sidecar is ignored"));
        break;
      }
      if (status == BufferedInput::Line::kTooLong) {
        out.diagnostics.push_back(Warning(where, "line too long; ignored"));
      } else if (line.find_first_not_of(" \t\r") != std::string::npos) {
        AddSidecarLine(line, where, out.table, out.diagnostics);
      }
    }
  } catch (const ReadError& e) {
    out.diagnostics.push_back(Warning(name, std::string("cannot read metadata: ") + e.what()));
  }
  return out;
}

std::optional<std::string> NormalizeIsoDate(std::string_view date) {
  auto dash = [&](std::size_t i) { return date.size() > i && date[i] == '-'; };
  if (date.size() < 7 || !IsDigits(date.substr(0, 4)) || !dash(4) || !IsDigits(date.substr(5, 2))) {
    return std::nullopt;
  }
  int month = std::stoi(std::string(date.substr(5, 2)));
  if (month < 1 || month > 12) return std::nullopt;
  if (date.size() == 7) return std::string(date);
  if (!dash(7) || date.size() < 10 || !IsDigits(date.substr(8, 2))) return std::nullopt;
  int day = std::stoi(std::string(date.substr(8, 2)));
  if (day < 1 || day > 31) return std::nullopt;
  if (date.size() > 10 && date[10] != 'T' && date[10] != ' ') return std::nullopt;
  return std::string(date.substr(0, 10));
}

}  // namespace whosaid::ingest
