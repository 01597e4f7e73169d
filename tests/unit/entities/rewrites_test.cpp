// Tests for rules/names/rewrites.txt: every example, "NAME => REWRITTEN"
// for persons and "org: NAME => REWRITTEN" for organisations.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/regex.h"
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

  TEST_CASE("NeedsOf reads what every match needs at a pattern's top level") {
    using Any = std::vector<std::vector<std::string>>;
    struct Row {
      const char* pattern;
      Any any_of;
      char last = 0;
    };
    const Row rows[] = {
        {"dsch", {{"dsch"}}},
        {"gu(?=[aeiy])", {{"gu"}}},
        {"(.)\\1+", {}},
        {"q", {}},  // (one byte: MayMatchBytes' test)
        {"\\babd ?[aeiou]? ?ll?ah?\\b", {{"abd"}}},
        {"(?<=[a-z]{2})ies\\b", {{"ies"}}},
        {"(?<=[a-z]) (?:bin|ibn)(?= [a-z]{2})", {{" bin", " ibn"}}},
        {"\\b(?:fnu|mnu) (?=[a-z])", {{"fnu", "mnu"}}},
        {"^([a-z]+ [a-z].*) (?:sahib|bhai)$", {{" sahib", " bhai"}}},
        {"(?<=[a-z]) (?:e|i|ye)(?= [a-z])", {{" e", " i", " ye"}}},
        {"(?:e|ab)x", {}},    // ("e" alone: one byte)
        {"(?:ab|cd)?x", {}},  // (optional)
        {"(?:ab|c.)x", {}},   // (not runs only)
        {"(?=ab|cd)x", {}},   // (a lookahead)
        {"ab(cd|ef)", {{"abcd", "abef"}}},
        {"(?<=[A-Za-z]{3}[oe]v)a$", {}, 'a'},
        {"(?<=ai)e$", {}, 'e'},
        {"ae(?=i$)", {{"ae"}}},
        {"abc$", {{"abc"}}, 'c'},
        {"ab?$", {}},
        {"a\\.$", {{"a."}}, '.'},
        {"abc*", {{"ab"}}},
        {"abc{2}de", {{"ab"}, {"de"}}},
        {"abc{1,}?de", {{"ab"}, {"de"}}},
        {"ab(?=cd)ef", {{"ab"}, {"ef"}}},
        {"(?:ab)+cd", {{"cd"}}},
        {"a b-c'd,e", {{"a b-c'd,e"}}},
        {"a\\.b\\(c", {{"a.b(c"}}},
        {"[ab]]cd", {{"cd"}}},
        {"[]a(]xy", {{"xy"}}},
        {"[[:alpha:]]xy", {{"xy"}}},
        {"xy\\d+zw", {{"xy"}, {"zw"}}},
        {"xy\\12zw", {{"xy"}, {"zw"}}},
        {"ab.cd", {{"ab"}, {"cd"}}},
        // forms that prove nothing
        {"ab|cd", {}},
        {"(?:x)ab|cd", {}},
        {"(?i)abc", {}},
        {"(?i:x)abc", {}},
        {"(*UCP)abc", {}},
        {"\\Qab\\E", {}},
        {"x{,2}ab", {}},
        {"\\x{41}bc", {}},
        {"\\p{L}bc", {}},
        {"ab)cd", {}},
        {"(ab", {}},
        {"[ab", {}},
        {"ab\\", {}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.pattern);
      const Rewriter::Needs needs = Rewriter::NeedsOf(row.pattern);
      CHECK(needs.any_of == row.any_of);
      CHECK(needs.last == row.last);
    }
  }

  // The needs are a proof: wherever a rule of rewrites.txt or letters.txt
  // matches, the text holds what NeedsOf says it needs.
  TEST_CASE("a rule matches only texts that hold its needs") {
    std::mt19937 random(36);
    std::vector<std::string> pieces;
    for (const char* file : {"names/rewrites.txt", "names/families.txt", "names/titles.txt",
                             "names/org_words.txt", "names/letters.txt"}) {
      for (const auto& ex : testing::Examples(file)) {
        for (const std::string& w : text::SplitWords(ex.input)) pieces.push_back(segment::Lower(w));
      }
    }
    for (int n = 0; n < 300; ++n) {
      std::string w;
      for (std::size_t i = 0, len = 1 + random() % 9; i < len; ++i)
        w += "abcdefghijklmnopqrstuvwxyzaeiouhs-'"[random() % 35];
      pieces.push_back(w);
    }
    std::size_t with_runs = 0, matched = 0;
    for (const char* file : {"names/rewrites.txt", "names/letters.txt"}) {
      for (const rules::RuleLine& line : testing::Rules().File(file).lines()) {
        const std::string pattern = rules::RuleFile::Fields(line).front();
        const Rewriter::Needs needs = Rewriter::NeedsOf(pattern);
        if (needs == Rewriter::Needs{}) continue;
        ++with_runs;
        const Regex regex(pattern, file);
        for (int n = 0; n < 3000; ++n) {
          std::string input;
          for (std::size_t w = 0, words = 1 + random() % 3; w < words; ++w) {
            if (w) input += ' ';
            input += pieces[random() % pieces.size()];
          }
          if (regex.FindAll(input).empty()) continue;
          ++matched;
          CAPTURE(pattern);
          CAPTURE(input);
          for (const std::vector<std::string>& any : needs.any_of) {
            CHECK(std::any_of(any.begin(), any.end(), [&](const std::string& a) {
              return input.find(a) != std::string::npos;
            }));
          }
          if (needs.last != 0) CHECK(input.back() == needs.last);
        }
      }
    }
    CHECK(with_runs >= 28);
    CHECK(matched > 500);
  }
}

}  // namespace whosaid::entities
