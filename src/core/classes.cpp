#include "core/classes.h"

#include "core/places.h"

namespace whosaid::rules {

Classes Classes::Read(const RuleFile& file) {
  Classes out;
  out.file_ = file.path();
  for (const RuleLine& line : file.lines()) {
    std::vector<std::string> f = RuleFile::Fields(line);
    if (f.size() != 2 || f[0].empty() || f[1].empty())
      throw file.Error(line, "expected NAME | VALUE");
    if (!out.classes_.emplace(f[0], Entry{f[1], line.line}).second)
      throw file.Error(line, "class " + f[0] + " defined twice");
  }
  return out;
}

const Classes::Entry& Classes::Find(std::string_view name) const {
  auto it = classes_.find(name);
  if (it == classes_.end())
    throw ConfigError(file_ + ": no class " + std::string(name) + " defined");
  return it->second;
}

std::vector<std::string> Classes::Names() const {
  std::vector<std::string> out;
  for (const auto& [name, entry] : classes_) out.push_back(name);
  return out;
}

ConfigError Classes::Error(std::string_view name, const std::string& what) const {
  return ConfigError(file_ + ":" + std::to_string(Find(name).line) + ": class " +
                     std::string(name) + " " + what);
}

SymbolSet Classes::Symbols(std::string_view name) const {
  const Entry& e = Find(name);
  if (e.value.find(' ') != std::string::npos)
    throw Error(name, "holds a blank: symbols are written together");
  std::string symbols;
  for (std::size_t i = 0; i < e.value.size(); ++i) {
    if (e.value[i] == '\\' && i + 1 < e.value.size()) ++i;  // "\#": the next byte as it is
    symbols.push_back(e.value[i]);
  }
  return SymbolSet(symbols);
}

char Classes::Symbol(std::string_view name) const {
  SymbolSet set = Symbols(name);
  if (set.symbols().size() != 1) throw Error(name, "must be one symbol");
  return set.symbols()[0];
}

std::vector<std::string> Classes::Words(std::string_view name) const {
  return CommaList(Find(name).value);
}

std::string Classes::Word(std::string_view name) const {
  std::vector<std::string> words = Words(name);
  if (words.size() != 1) throw Error(name, "must be one word");
  return words[0];
}

}  // namespace whosaid::rules
