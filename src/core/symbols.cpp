#include "core/symbols.h"

#include <vector>

namespace whosaid::rules {

SymbolSet::SymbolSet(std::string_view symbols) : symbols_(symbols) {
  for (char c : symbols) bits_.set(static_cast<unsigned char>(c));
}

SymbolClasses SymbolClasses::Read(const RuleFile& file) {
  SymbolClasses out;
  out.file_ = file.path();
  for (const RuleLine& line : file.lines()) {
    std::vector<std::string> f = RuleFile::Fields(line);
    if (f.size() != 2 || f[0].empty() || f[1].empty() || f[1].find(' ') != std::string::npos)
      throw file.Error(line, "expected NAME | SYMBOLS");
    if (!out.classes_.emplace(f[0], Entry{SymbolSet(f[1]), line.line}).second)
      throw file.Error(line, "class " + f[0] + " defined twice");
  }
  return out;
}

const SymbolClasses::Entry& SymbolClasses::Find(std::string_view name) const {
  auto it = classes_.find(name);
  if (it == classes_.end())
    throw ConfigError(file_ + ": no class " + std::string(name) + " defined");
  return it->second;
}

const SymbolSet& SymbolClasses::Get(std::string_view name) const { return Find(name).set; }

char SymbolClasses::Single(std::string_view name) const {
  const Entry& e = Find(name);
  if (e.set.symbols().size() != 1)
    throw ConfigError(file_ + ":" + std::to_string(e.line) + ": class " + std::string(name) +
                      " must be one symbol");
  return e.set.symbols()[0];
}

}  // namespace whosaid::rules
