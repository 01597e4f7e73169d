#include "core/places.h"

namespace whosaid::rules {

std::vector<std::string> CommaList(std::string_view list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t c = list.find(',', start);
    if (c == std::string_view::npos) c = list.size();
    std::string_view part = list.substr(start, c - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = c + 1;
  }
  return out;
}

std::vector<Country> ReadPlaces(const RuleSet& rules) {
  const RuleFile& file = rules.File("places.txt");
  std::vector<Country> out;
  for (const RuleLine& line : file.lines()) {
    std::vector<std::string> f = RuleFile::Fields(line);
    if (f.size() != 3) throw file.Error(line, "expected COUNTRY | CAPITAL | DEMONYMS");
    out.push_back({f[0], f[1], CommaList(f[2]), line.line});
  }
  return out;
}

Places::Places(const RuleSet& rules) : countries_(ReadPlaces(rules)) {
  for (const Country& c : countries_) {
    places_.Insert(c.name);
    places_.Insert(c.capital);
    for (const std::string& d : c.demonyms) demonyms_.Insert(d);
  }
}

}  // namespace whosaid::rules
