// Tests for ingest/jsonl_source.h: good and bad JSON Lines records.
#include "ingest/jsonl_source.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::ingest {
namespace {

struct Read {
  std::vector<Document> docs;
  std::vector<Diagnostic> diagnostics;
};

Read ReadAll(const std::string& input, const IngestConfig& config = {}) {
  JsonlSource source("in.jsonl", "in",
                     std::make_unique<BufferedInput>(std::make_unique<StringInput>(input)), config);
  Read out;
  Document doc;
  while (source.Next(doc, out.diagnostics)) out.docs.push_back(doc);
  return out;
}

std::vector<std::string> Ids(const Read& r) {
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id);
  return ids;
}

// "E in.jsonl:3" / "W in.jsonl:4" — severity and place of each diagnostic.
std::vector<std::string> Places(const Read& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) {
    out.push_back((d.severity == Diagnostic::Severity::kError ? "E " : "W ") + d.where);
  }
  return out;
}

}  // namespace

TEST_SUITE("ingest.jsonl") {
  TEST_CASE("each line is a document; bad lines are reported by line and skipped") {
    struct Row {
      std::string name;
      std::string input;
      std::vector<std::string> ids;
      std::vector<std::string> places;
      std::string message;  // in the first diagnostic, when any
    };
    // clang-format off
    const std::vector<Row> rows = {
        {"two good lines", R"({"id":"a","text":"A"})" "\n" R"({"id":"b","text":"B"})" "\n",
         {"a", "b"}, {}, ""},
        {"no final newline, CRLF, blank lines",
         "\n" R"({"id":"a","text":"A"})" "\r\n\n  \n" R"({"id":"b","text":"B"})",
         {"a", "b"}, {}, ""},
        {"malformed line between good ones",
         R"({"id":"a","text":"A"})" "\n" R"({"id":"b","text":)" "\n" R"({"id":"c","text":"C"})" "\n",
         {"a", "c"}, {"E in.jsonl:2"}, "malformed JSON"},
        {"text missing", R"({"id":"a"})" "\n" R"({"id":"b","text":"B"})" "\n",
         {"b"}, {"E in.jsonl:1"}, "no string \"text\""},
        {"text not a string", R"({"id":"a","text":42})",
         {}, {"E in.jsonl:1"}, "no string \"text\""},
        {"not an object", "[1,2]\n\"x\"\n",
         {}, {"E in.jsonl:1", "E in.jsonl:2"}, "not a JSON object"},
        {"trailing garbage", R"({"id":"a","text":"A"} x)",
         {}, {"E in.jsonl:1"}, "malformed JSON"},
        {"id missing: stem:LINE", "\n" R"({"text":"A"})",
         {"in:2"}, {"W in.jsonl:2"}, "no \"id\""},
        {"numeric id", R"({"id":7,"text":"A"})",
         {"7"}, {}, ""},
        {"bad date dropped", R"({"id":"a","text":"A","date":"yesterday"})",
         {"a"}, {"W in.jsonl:1"}, "not YYYY-MM-DD"},
        {"invalid UTF-8 replaced", "{\"id\":\"a\",\"text\":\"x\xFFy\"}",
         {"a"}, {"W in.jsonl:1"}, "invalid UTF-8"},
        {"empty input", "",
         {}, {}, ""},
        // regression (fuzz_jsonl): nlohmann throws out_of_range, not
        // parse_error, for a number no double holds; it escaped the reader
        // and ended the whole run.
        {"number too large for a double", R"({"":1e999})" "\n" R"({"id":"b","text":"B"})" "\n",
         {"b"}, {"E in.jsonl:1"}, "number overflow"},
        // regression (issue 10): a lone surrogate escape made the whole
        // record malformed JSON; it is U+FFFD now, like invalid UTF-8
        {"lone surrogate escape", R"({"id":"a","text":"x \ud800 y"})",
         {"a"}, {"W in.jsonl:1"}, "byte 20 of the line: escape of a lone surrogate (1 in the line), replaced with U+FFFD"},
        // regression (issue 10): an id of the wrong type was "no id"
        {"id of the wrong type", R"({"id":["a"],"text":"A"})" "\n" R"({"id":1.5,"text":"B"})",
         {"in:1", "in:2"}, {"W in.jsonl:1", "W in.jsonl:2"},
         "\"id\" is an array, not a string or an integer; named \"in:1\""},
        {"id null", R"({"id":null,"text":"A"})",
         {"in:1"}, {"W in.jsonl:1"}, "\"id\" is null, not a string or an integer"},
        {"id empty", R"({"id":"","text":"A"})",
         {"in:1"}, {"W in.jsonl:1"}, "\"id\" is empty; named \"in:1\""},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(row.name);
      Read r = ReadAll(row.input);
      CHECK(Ids(r) == row.ids);
      CHECK(Places(r) == row.places);
      if (!row.message.empty() && !r.diagnostics.empty()) {
        CHECK(r.diagnostics.front().message.find(row.message) != std::string::npos);
      }
    }
  }

  TEST_CASE("fields: top-level outlet/url/date, else PolNeAR meta") {
    struct Row {
      std::string line;
      Document expected;
    };
    const std::vector<Row> rows = {
        {R"({"id":"a","text":"T","outlet":"O","url":"http://u","date":"2024-12-25"})",
         {.id = "a",
          .text = "T",
          .outlet = "O",
          .url = "http://u",
          .date = "2024-12-25",
          .source = "in.jsonl:1"}},
        {R"({"id":"b","text":"T","meta":{"publisher":"breitbart","publication_date":"2016-09-12"}})",
         {.id = "b",
          .text = "T",
          .outlet = "breitbart",
          .url = "",
          .date = "2016-09-12",
          .source = "in.jsonl:1"}},
        {R"({"id":"c","text":"T","outlet":"Top","meta":{"publisher":"m"}})",
         {.id = "c", .text = "T", .outlet = "Top", .url = "", .date = "", .source = "in.jsonl:1"}},
        {R"({"id":"d","text":"caf\u00e9 \"q\"\n","outlet":null})",
         {.id = "d",
          .text = "caf\xC3\xA9 \"q\"\n",
          .outlet = "",
          .url = "",
          .date = "",
          .source = "in.jsonl:1"}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.line);
      Read r = ReadAll(row.line + "\n");
      REQUIRE(r.docs.size() == 1);
      const Document& d = r.docs.front();
      CHECK(d.id == row.expected.id);
      CHECK(d.text == row.expected.text);
      CHECK(d.outlet == row.expected.outlet);
      CHECK(d.url == row.expected.url);
      CHECK(d.date == row.expected.date);
      CHECK(d.source == row.expected.source);
    }
  }

  TEST_CASE("size limits: an oversized text or line is skipped, the next line is read") {
    // The line cap is 2 × 8 + 1 MiB; a longer line is skipped up to as many
    // bytes again, past which the input is given up (an endless line).
    IngestConfig config;
    config.max_doc_bytes = 8;
    auto big = [](std::size_t n) {
      return "{\"id\":\"big\",\"text\":\"" + std::string(n, 'x') + "\"}";
    };
    const std::string next = "\n{\"id\":\"b\",\"text\":\"ok\"}\n";
    struct Row {
      std::string input;
      std::vector<std::string> ids;
      std::vector<std::string> places;
    };
    const std::vector<Row> rows = {
        {"{\"id\":\"a\",\"text\":\"123456789\"}\n{\"id\":\"b\",\"text\":\"ok\"}\n",
         {"b"},
         {"E in.jsonl:1"}},
        {big(3 << 19) + next, {"b"}, {"E in.jsonl:1"}},  // 1.5 MiB: skipped, next line read
        // regression (issue 10, endless input): 3 MiB, or no end at all, is
        // reported at line 1 and nothing after it is read
        {big(3 << 20) + next, {}, {"E in.jsonl:1"}},
        {std::string(5 << 20, '\0'), {}, {"E in.jsonl:1"}},
    };
    for (const Row& row : rows) {
      Read r = ReadAll(row.input, config);
      CHECK(Ids(r) == row.ids);
      CHECK(Places(r) == row.places);
    }
  }
}

}  // namespace whosaid::ingest
