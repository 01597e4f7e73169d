// whosaid::rules — loading the plain-text rule files in rules/.
//
// Every word list and pattern the pipeline uses lives in a file under the
// rules directory (default: the source tree's rules/, or --rules DIR). This
// header reads them; each stage compiles the files it needs, once, when it is
// constructed, so a broken rule fails at start-up and never mid-run.
//
// File format (shared by every rule file; each file documents its own fields
// at its top):
//   * UTF-8 text, one entry per line; blank lines are ignored;
//   * `#` starts a comment when it is the first non-blank character, or when
//     it follows a blank (so `C#` inside an entry is kept);
//   * `#! ` at the start of a line is an EXAMPLE: a test case whose meaning the
//     file's header explains; tests/unit/rules_test.cpp runs them all;
//   * fields inside an entry are separated by ` | ` unless the file says
//     otherwise; leading and trailing blanks are trimmed.
//
// Errors: a missing directory or file, a file that is not a regular file,
// a mandatory file without an entry, invalid UTF-8 or an entry a loader
// rejects throws ConfigError with "path:line: what is wrong" (or "path: …").
//
// Example
//   auto rules = whosaid::rules::RuleSet::Load("rules");
//   for (const auto& line : rules->File("speech_verbs.txt").lines()) ...
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

#include "core/diagnostic.h"

namespace whosaid::rules {

struct RuleLine {
  int line = 0;      // 1-based line number in the file
  std::string text;  // the entry, comment stripped, trimmed
};

class RuleFile {
 public:
  // Reads and splits one file. Throws ConfigError when unreadable or not UTF-8.
  static RuleFile Read(const std::filesystem::path& path);
  // Splits `content` as if read from `path` (tests and fuzzing). Throws
  // ConfigError when it is not UTF-8.
  static RuleFile Parse(const std::filesystem::path& path, std::string_view content);

  const std::string& name() const { return name_; }  // file name, e.g. "titles.txt"
  const std::string& path() const { return path_; }  // as given, for messages
  const std::vector<RuleLine>& lines() const { return lines_; }
  const std::vector<RuleLine>& examples() const { return examples_; }

  // An error about one entry: "path:line: message".
  ConfigError Error(const RuleLine& at, const std::string& message) const;
  // The entry's fields, split on " | " and trimmed.
  static std::vector<std::string> Fields(const RuleLine& line);

 private:
  std::string name_;
  std::string path_;
  std::vector<RuleLine> lines_;
  std::vector<RuleLine> examples_;
};

class RuleSet {
 public:
  // Reads every *.txt file under `dir` (recursively; names are relative paths
  // such as "names/translit.txt"). Throws ConfigError if `dir` is missing or
  // a file cannot be read.
  static std::shared_ptr<const RuleSet> Load(const std::filesystem::path& dir);

  // The rules directory to use when none is given: $WHOSAID_RULES, then the
  // installed share/whosaid/rules next to the executable, then the source
  // tree's rules/ (compiled in). Returns "" when none exists.
  static std::filesystem::path DefaultDir(const std::filesystem::path& argv0);

  const std::filesystem::path& dir() const { return dir_; }
  bool Has(std::string_view name) const;
  // The file `name`. Throws ConfigError naming the file ("PATH: …") when it
  // is missing, when it is not a regular file ("is a directory", "is a FIFO
  // (named pipe)": such entries are never opened), or when it is one of the
  // mandatory files (rules.cpp: the vocabularies a stage cannot work
  // without, e.g. frames.txt, cues.txt) and holds no entry: "frames.txt: no
  // frame defined (the file is empty)".
  const RuleFile& File(std::string_view name) const;
  const std::map<std::string, RuleFile, std::less<>>& files() const { return files_; }

  // A copy of this set with the file `name` ("frames.txt", "names/titles.txt")
  // added or replaced by `file` (tests and fuzzing: one rule file changed).
  std::shared_ptr<const RuleSet> With(std::string_view name, RuleFile file) const;

  // A compiled form of these rules that several stages share (rules::Places,
  // attribution::Lexicon, events::Gazetteer): T(*this), built on the first
  // call and the same object on every later one, so a stage constructor
  // takes only (config, rules) and still nothing is read twice. T must be
  // constructible from `const RuleSet&` (its constructor may call Shared
  // itself). The object lives as long as this set: a stage that keeps a
  // reference to it must not outlive the set. Thread-safe; throws what T's
  // constructor throws (and tries again on the next call). A copy of the
  // set (With) starts with none built.
  template <class T>
  const T& Shared() const;

 private:
  static void CheckNotEmpty(std::string_view name, const RuleFile& file);

  // The objects Shared built, by type; copying a set copies none of them.
  struct SharedObjects {
    SharedObjects() = default;
    SharedObjects(const SharedObjects&) {}
    SharedObjects& operator=(const SharedObjects&) {
      std::lock_guard lock(mutex);
      built.clear();
      return *this;
    }
    std::recursive_mutex mutex;  // a constructor may ask for another object
    std::map<std::type_index, std::shared_ptr<const void>> built;
  };
  mutable SharedObjects shared_;

  std::filesystem::path dir_;
  std::map<std::string, RuleFile, std::less<>> files_;
  // *.txt entries that are not regular files: name → what they are.
  std::map<std::string, std::string, std::less<>> unusable_;
};

using RuleSetPtr = std::shared_ptr<const RuleSet>;

template <class T>
const T& RuleSet::Shared() const {
  std::lock_guard lock(shared_.mutex);
  auto it = shared_.built.find(std::type_index(typeid(T)));
  if (it == shared_.built.end()) {
    auto object = std::make_shared<const T>(*this);
    it = shared_.built.emplace(std::type_index(typeid(T)), std::move(object)).first;
  }
  return *static_cast<const T*>(it->second.get());
}

}  // namespace whosaid::rules
