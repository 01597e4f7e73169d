#include "core/rules.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

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

// The rule files that must hold at least one entry, and what an entry is
// called in the message ("frames.txt: no frame defined"). These are the
// vocabularies and patterns a stage cannot work without: emptied, they would
// make it find nothing, silently (an empty frames.txt: no quote, status 0).
// The files not listed are refinements and exceptions, where an empty list
// means "none": transcript.txt, spelling.txt, events/actors.txt,
// events/gazetteer.txt (places below the countries of places.txt), and
// names/ characters, common, consonants, families, org_owners, org_synonyms,
// prefixes, rewrites, roles.
constexpr std::pair<std::string_view, std::string_view> kMandatory[] = {
    {"abbreviations.txt", "abbreviation"},
    {"cues.txt", "cue"},
    {"english.txt", "English word class"},
    {"frames.txt", "frame"},
    {"mentions.txt", "mention rule"},
    {"nominal_cues.txt", "nominal cue"},
    {"org_heads.txt", "organisation head"},
    {"places.txt", "country"},
    {"pronouns.txt", "pronoun"},
    {"quote_marks.txt", "quote mark"},
    {"records.txt", "record limit"},
    {"roles.txt", "role"},
    {"shape_classes.txt", "symbol class"},
    {"sources.txt", "source noun"},
    {"speaker_names.txt", "speaker name class"},
    {"titles.txt", "title"},
    {"words.txt", "function word"},
    {"claims/check_worthy.txt", "check-worthy word class"},
    {"claims/figures.txt", "figure word"},
    {"claims/words.txt", "statement word class"},
    {"events/context.txt", "context class"},
    {"events/dates.txt", "date rule"},
    {"events/triggers.txt", "trigger"},
    {"events/types.txt", "event type"},
    {"names/letters.txt", "letter rewrite"},
    {"names/org_words.txt", "organisation word"},
    {"names/titles.txt", "title"},
    {"names/transform.txt", "transform"},
    {"names/vowels.txt", "vowel cost"},
};

// What a directory entry that is not a regular file is, for the message
// that names it (a FIFO would block a reader; a directory is no rule file).
std::string KindOf(const std::filesystem::file_status& status) {
  switch (status.type()) {
    case std::filesystem::file_type::directory:
      return "a directory";
    case std::filesystem::file_type::fifo:
      return "a FIFO (named pipe)";
    case std::filesystem::file_type::socket:
      return "a socket";
    case std::filesystem::file_type::block:
    case std::filesystem::file_type::character:
      return "a device";
    default:
      return "not a regular file";
  }
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
    const std::filesystem::file_status status = it->status(type_ec);
    if (type_ec)  // a loop of links is an error, not an exception
      throw ConfigError(it->path().string() + ": cannot read rule file: " + type_ec.message());
    std::string rel = std::filesystem::relative(it->path(), dir).generic_string();
    if (!std::filesystem::is_regular_file(status)) {
      // Never opened (a FIFO would block); an error if a stage asks for it.
      set->unusable_.emplace(std::move(rel), KindOf(status));
      continue;
    }
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
  set->unusable_.erase(std::string(name));
  set->files_.insert_or_assign(std::string(name), std::move(file));
  return set;
}

bool RuleSet::Has(std::string_view name) const { return files_.find(name) != files_.end(); }

const RuleFile& RuleSet::File(std::string_view name) const {
  auto it = files_.find(name);
  if (it == files_.end()) {
    const std::string path = (dir_ / std::string(name)).string();
    if (auto odd = unusable_.find(name); odd != unusable_.end())
      throw ConfigError(path + ": is " + odd->second + ", not a rule file");
    throw ConfigError(path + ": rule file missing");
  }
  CheckNotEmpty(name, it->second);
  return it->second;
}

void RuleSet::CheckNotEmpty(std::string_view name, const RuleFile& file) {
  if (!file.lines().empty()) return;
  for (const auto& [mandatory, entry] : kMandatory) {
    if (mandatory == name)
      throw ConfigError(file.path() + ": no " + std::string(entry) +
                        " defined (the file is empty)");
  }
}

}  // namespace whosaid::rules
