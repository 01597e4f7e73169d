#include "core/rules.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/text.h"

#ifndef WHOSAID_SOURCE_RULES_DIR
#define WHOSAID_SOURCE_RULES_DIR ""
#endif

namespace whosaid::rules {
namespace {

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// Cuts a comment: '#' at the start or after a blank.
std::string StripComment(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
      return Trim(s.substr(0, i));
    }
  }
  return Trim(s);
}

}  // namespace

RuleFile RuleFile::Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read rule file");
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw ConfigError(path.string() + ": cannot read rule file");
  return Parse(path, buf.str());
}

RuleFile RuleFile::Parse(const std::filesystem::path& path, std::string_view content) {
  if (auto bad = text::FirstInvalidUtf8(content)) {
    throw ConfigError(path.string() + ": byte " + std::to_string(*bad) +
                      ": not valid UTF-8 (rule files must be UTF-8)");
  }
  RuleFile file;
  file.name_ = path.filename().string();
  file.path_ = path.string();
  // A byte order mark (some editors add one) would glue itself to line 1 and
  // turn a leading "# comment" into an entry.
  const std::size_t bom = content.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  std::istringstream lines(std::string(content.substr(bom)));
  std::string raw;
  int n = 0;
  while (std::getline(lines, raw)) {
    ++n;
    if (raw.rfind("#!", 0) == 0) {
      std::string ex = Trim(std::string_view(raw).substr(2));
      if (!ex.empty()) file.examples_.push_back({n, ex});
      continue;
    }
    std::string entry = StripComment(raw);
    if (!entry.empty()) file.lines_.push_back({n, entry});
  }
  return file;
}

ConfigError RuleFile::Error(const RuleLine& at, const std::string& message) const {
  return ConfigError(path_ + ":" + std::to_string(at.line) + ": " + message);
}

std::vector<std::string> RuleFile::Fields(const RuleLine& line) {
  std::vector<std::string> out;
  std::string_view s = line.text;
  std::size_t start = 0;
  for (;;) {
    std::size_t bar = s.find(" | ", start);
    if (bar == std::string_view::npos) {
      out.push_back(Trim(s.substr(start)));
      break;
    }
    out.push_back(Trim(s.substr(start, bar - start)));
    start = bar + 3;
  }
  return out;
}

std::shared_ptr<const RuleSet> RuleSet::Load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw ConfigError(dir.string() + ": rules directory not found (give --rules DIR)");
  }
  auto set = std::make_shared<RuleSet>();
  set->dir_ = dir;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() != ".txt") continue;
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) {  // a loop of links is an error, not an exception
      if (type_ec)
        throw ConfigError(it->path().string() + ": cannot read rule file: " + type_ec.message());
      continue;
    }
    std::string rel = std::filesystem::relative(it->path(), dir).generic_string();
    set->files_.emplace(rel, RuleFile::Read(it->path()));
  }
  if (ec) throw ConfigError(dir.string() + ": cannot list rules directory: " + ec.message());
  return set;
}

std::filesystem::path RuleSet::DefaultDir(const std::filesystem::path& argv0) {
  std::error_code ec;
  if (const char* env = std::getenv("WHOSAID_RULES"); env && *env) return env;
  std::filesystem::path exe = std::filesystem::canonical("/proc/self/exe", ec);
  if (ec) exe = argv0;
  for (auto cand : {exe.parent_path().parent_path() / "share" / "whosaid" / "rules",
                    exe.parent_path() / "rules"}) {
    if (std::filesystem::is_directory(cand, ec)) return cand;
  }
  std::filesystem::path src = WHOSAID_SOURCE_RULES_DIR;
  if (!src.empty() && std::filesystem::is_directory(src, ec)) return src;
  return {};
}

std::shared_ptr<const RuleSet> RuleSet::With(std::string_view name, RuleFile file) const {
  auto set = std::make_shared<RuleSet>(*this);
  set->files_.insert_or_assign(std::string(name), std::move(file));
  return set;
}

bool RuleSet::Has(std::string_view name) const { return files_.find(name) != files_.end(); }

const RuleFile& RuleSet::File(std::string_view name) const {
  auto it = files_.find(name);
  if (it == files_.end()) {
    throw ConfigError((dir_ / std::string(name)).string() + ": rule file missing");
  }
  return it->second;
}

}  // namespace whosaid::rules
