// Tests for output/table_sink.h: display widths, cell fitting, rows.
#include "output/table_sink.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::output {

TEST_SUITE("output.table") {
  TEST_CASE("DisplayWidth counts columns, not bytes") {
    struct Row {
      std::string text;
      std::size_t expected;
    };
    const std::vector<Row> rows = {
        {"", 0},
        {"abc", 3},
        {"caf\xC3\xA9", 4},                // é precomposed
        {"cafe\xCC\x81", 4},               // e + combining acute
        {"\xE2\x80\x9Cq\xE2\x80\x9D", 3},  // “q”
        {"\xE4\xB8\xAD\xE6\x96\x87", 4},   // 中文: wide
        {"a\xE2\x80\x8B"
         "b",
         2},  // zero-width space
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      CHECK(DisplayWidth(row.text) == row.expected);
    }
  }

  TEST_CASE("FitCell puts text on one line and cuts it with an ellipsis") {
    struct Row {
      std::string text;
      std::size_t width;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {"short", 10, "short"},
        {"exactly10!", 10, "exactly10!"},
        {"eleven char", 10, "eleven ch\xE2\x80\xA6"},
        {"two words", 5, "two\xE2\x80\xA6"},  // no space before …
        {"line\none\t\ttab", 20, "line one tab"},
        {"  padded  ", 20, "padded"},
        {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3, "\xC3\xA9\xC3\xA9\xE2\x80\xA6"},
        {"\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", 4, "\xE4\xB8\xAD\xE2\x80\xA6"},  // 中文字
        {"anything", 0, ""},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      std::string cell = FitCell(row.text, row.width);
      CHECK(cell == row.expected);
      CHECK(DisplayWidth(cell) <= row.width);
    }
  }

  TEST_CASE("one row per record, columns aligned, a count at the end") {
    const std::string text = "\xE2\x80\x9C\xC3\x89l est venu,\xE2\x80\x9D dit Ren\xC3\xA9.";
    Document doc{.id = "doc1", .text = text, .outlet = "", .url = "", .date = "", .source = ""};
    QuoteRecord r;
    r.quote = {3, text.find(",") + 1};
    r.speaker = Speaker{.entity = "P1",
                        .name = "",
                        .mention = {text.find("Ren"), text.size() - 1},
                        .type = SpeakerType::kPerson,
                        .role = "minister",
                        .affiliation = ""};
    DocResult result;
    result.quotes = {r, QuoteRecord{}};
    StringOutput out;
    TableConfig config;
    TableSink sink(out, config);
    sink.Begin();
    sink.Write(doc, result);
    sink.End(CorpusResult{});
    std::vector<std::string> lines;
    std::string s = out.str();
    for (std::size_t start = 0, nl; (nl = s.find('\n', start)) != std::string::npos;
         start = nl + 1) {
      lines.push_back(s.substr(start, nl - start));
    }
    REQUIRE(lines.size() == 4);
    const std::size_t quote_column =
        config.doc_width + config.speaker_width + config.role_width + config.kind_width + 8;
    auto column_of = [](const std::string& line, const std::string& needle) {
      return DisplayWidth(line.substr(0, line.find(needle)));
    };
    CHECK(column_of(lines[0], "QUOTE") == quote_column);
    CHECK(column_of(lines[1], "\xC3\x89l est venu,") == quote_column);
    CHECK(lines[1].find("Ren\xC3\xA9") != std::string::npos);  // the mention, no name
    CHECK(lines[1].find("minister") != std::string::npos);
    CHECK(lines[2].rfind("doc1", 0) == 0);
    CHECK(lines[3] == "2 quotes in 1 document");
  }
}

}  // namespace whosaid::output
