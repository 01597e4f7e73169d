// whosaid::attribution::PeopleIndex — the persons a document names, as
// coreference (coref.h) sees them, with the lookups it needs.
//
// Each person is known by name, with the role and affiliation stated
// somewhere next to it, and the unit where it was last seen (Remember moves
// it). Lookups answer "the most recent person before this unit", "… holding
// this role", "… whose name holds this word" in O(log n), so a document
// naming n people costs O(n log n), not O(n²) (a hostile or very long
// document may name hundreds of thousands).
//
// Ties: among persons last seen at the same unit, the one known first wins.
//
// Example
//   PeopleIndex people;
//   people.Remember({"Halima Yusufzai", "", "", ""}, 12);
//   people.WithWord("Yusufzai", 40, "Yusufzai");   // → Halima Yusufzai
//   people.Before(40);                             // → Halima Yusufzai
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace whosaid::attribution {

struct KnownPerson {
  std::string name;
  std::string role, affiliation, role_head;
  std::size_t unit = 0;  // where last seen
};

class PeopleIndex {
 public:
  // Adds `person`, or updates the one of that name: an empty role or
  // affiliation is filled in from `person`, and it is now last seen at
  // person.unit.
  void Remember(const KnownPerson& person);

  const KnownPerson* Find(const std::string& name) const;
  // Last seen before `unit` (strictly).
  const KnownPerson* Before(std::size_t unit) const;
  // Holding `role_head`, last seen at or before `unit`.
  const KnownPerson* WithRole(const std::string& role_head, std::size_t unit) const;
  // Whose name holds `word` (blank-separated), other than the person named
  // exactly `word`: the one last seen at or before `unit`, else the first
  // known.
  const KnownPerson* WithWord(const std::string& word, std::size_t unit) const;

 private:
  using ByUnit = std::set<std::pair<std::size_t, std::size_t>>;  // (unit, index)
  struct Word {
    ByUnit by_unit;
    std::vector<std::size_t> first;  // the first two persons holding it
  };
  const KnownPerson* Latest(const ByUnit& set, std::size_t unit, std::size_t skip) const;
  void Index(std::size_t i);
  void Unindex(std::size_t i);

  std::vector<KnownPerson> people_;
  std::unordered_map<std::string, std::size_t> by_name_;
  ByUnit by_unit_;
  std::unordered_map<std::string, ByUnit> by_role_;
  std::unordered_map<std::string, Word> by_word_;
};

}  // namespace whosaid::attribution
