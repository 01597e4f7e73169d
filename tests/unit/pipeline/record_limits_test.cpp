// Tests for pipeline/record_limits.h: records longer than any speech are
// dropped (rules/records.txt), with a warning, keeping events parallel.
#include "pipeline/record_limits.h"

#include <doctest/doctest.h>

#include <string>

#include "../support/rules_fixture.h"

namespace whosaid {
namespace {

// A document of `chars` two-byte characters (lengths count characters, not
// bytes) quoted whole by one record, then a short record about event 0.
struct Sample {
  Document doc;
  DocResult result;
};

Sample Quoted(std::size_t chars) {
  Sample s;
  s.doc.source = "doc-9";
  s.doc.text = std::string(2 * chars, '\0');
  for (std::size_t i = 0; i < chars; ++i) s.doc.text.replace(2 * i, 2, "\xC3\xA9");
  s.doc.text += " \"Short.\"";
  QuoteRecord whole, tail;
  whole.quote = {0, 2 * chars};
  tail.quote = {2 * chars + 2, s.doc.text.size() - 1};
  s.result.quotes = {whole, tail};
  s.result.events.quote_event = {-1, 0};
  return s;
}

}  // namespace

TEST_SUITE("pipeline") {
  TEST_CASE("record limits: the examples of records.txt") {
    const RecordLimits limits(testing::Rules());
    const auto examples = testing::Examples("records.txt");
    REQUIRE(!examples.empty());
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      Sample s = Quoted(std::stoul(ex.input));
      limits.Run(s.doc, s.result);
      const bool kept = s.result.quotes.size() == 2;
      CHECK((kept ? "kept" : "dropped") == ex.expected);
      CHECK(s.result.events.quote_event.size() == s.result.quotes.size());
      CHECK(s.result.events.quote_event.back() == 0);  // the short record keeps its event
      CHECK(s.result.diagnostics.size() == (kept ? 0u : 1u));
      if (!kept) {
        CHECK(s.result.diagnostics[0].ToString() ==
              "doc-9: warning: a quote of " + ex.input +
                  " characters at byte 0 dropped (longer than max_quote_chars, records.txt)");
      }
    }
  }

  TEST_CASE("record limits: a bad records.txt names its line") {
    struct Row {
      std::string content, error;
    };
    const std::vector<Row> rows = {
        {"max_quote_chars | many\n",
         "records.txt:1: max_quote_chars: 'many' is not a positive number"},
        {"max_quote_chars | 0\n", "records.txt:1: max_quote_chars: '0' is not a positive number"},
        {"\nmax_words | 5\n", "records.txt:2: expected 'max_quote_chars | N'"},
        {"# nothing\n", "records.txt: no record limit defined (the file is empty)"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.content);
      auto rules =
          testing::Rules().With("records.txt", rules::RuleFile::Parse("records.txt", row.content));
      std::string error;
      try {
        RecordLimits limits(*rules);
      } catch (const ConfigError& e) {
        error = e.what();
      }
      CHECK(error == row.error);
    }
  }
}

}  // namespace whosaid
