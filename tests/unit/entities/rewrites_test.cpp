// Tests for rules/names/rewrites.txt: every example, "NAME => REWRITTEN"
// for persons and "org: NAME => REWRITTEN" for organisations.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/text.h"
#include "entities/rewriter.h"
#include "entities_fixture.h"
#include "segment/tokenizer.h"

namespace whosaid::entities {

TEST_SUITE("entities.rewrites") {
  TEST_CASE("the examples of rewrites.txt hold") {
    const NameParser& parser = testing::Clusterer().parser();
    auto examples = testing::Examples("names/rewrites.txt");
    CHECK(examples.size() > 40);
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      CAPTURE(ex.input);
      std::string input = ex.input;
      EntityType type = EntityType::kPerson;
      if (input.rfind("org: ", 0) == 0) {
        input = input.substr(5);
        type = EntityType::kOrg;
      }
      CHECK(parser.Rewrite(parser.normalizer().Normalize(input), type) == ex.expected);
    }
  }

  // Apply walks only the rules of the scope and asks MayMatchBytes before
  // the rule's pass: the same text as every rule, in order, each over the
  // result of the one before (here: one Rewriter per rule, chained).
  TEST_CASE("Apply equals its rules applied one by one, in order") {
    struct File {
      const char* name;
      Rewriter::Fields fields;
    };
    std::mt19937 random(25);
    std::size_t changed = 0;
    for (const File f : {File{"names/rewrites.txt", Rewriter::Fields::kWithScope},
                         File{"names/letters.txt", Rewriter::Fields::kTwo}}) {
      const rules::RuleFile& file = testing::Rules().File(f.name);
      const Rewriter all(file, f.fields);
      std::vector<Rewriter> one;
      std::vector<std::string> scope_of;  // each rule's scope as written ("all" without one)
      for (const rules::RuleLine& line : file.lines()) {
        one.emplace_back(rules::RuleFile::Parse(f.name, line.text), f.fields);
        scope_of.push_back(
            f.fields == Rewriter::Fields::kTwo ? "all" : rules::RuleFile::Fields(line).back());
      }
      REQUIRE(one.size() == all.size());
      // the examples' words and pieces of them, joined at random
      std::vector<std::string> pieces;
      for (const char* other : {"names/rewrites.txt", "names/families.txt", "names/titles.txt",
                                "names/org_words.txt"}) {
        for (const auto& ex : testing::Examples(other)) {
          for (const std::string& w : text::SplitWords(ex.input)) {
            pieces.push_back(segment::Lower(w));
            std::size_t half = w.size() / 2;  // (at a character's first byte)
            while (half < w.size() && (static_cast<unsigned char>(w[half]) & 0xC0) == 0x80) ++half;
            if (w.size() > 3) pieces.push_back(segment::Lower(w.substr(half)));
          }
        }
      }
      for (int n = 0; n < 200; ++n) {  // and letters at random
        std::string w;
        for (std::size_t i = 0, len = 1 + random() % 9; i < len; ++i)
          w += "abcdefghijklmnopqrstuvwxyz-'"[random() % 28];
        pieces.push_back(w);
      }
      REQUIRE(pieces.size() > 250);
      for (int n = 0; n < 2500; ++n) {
        std::string input;
        const std::size_t words = 1 + random() % 4;
        for (std::size_t w = 0; w < words; ++w) {
          if (w) input += ' ';
          input += pieces[random() % pieces.size()];
        }
        for (const Scope scope : {Scope::kPerson, Scope::kOrg, Scope::kAll}) {
          std::string want = input;
          for (std::size_t r = 0; r < one.size(); ++r) {  // (the scope read here)
            const bool covers = scope == Scope::kAll || scope_of[r] == "all" ||
                                scope_of[r] == (scope == Scope::kPerson ? "person" : "org");
            if (covers) want = one[r].Apply(want, Scope::kAll);
          }
          CAPTURE(input);
          CHECK(all.Apply(input, scope) == want);
          changed += want != input;
        }
      }
    }
    CHECK(changed > 1000);  // (many inputs some rule rewrites)
  }
}

}  // namespace whosaid::entities
