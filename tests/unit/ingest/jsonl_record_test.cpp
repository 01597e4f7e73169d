// Tests for ingest/jsonl_record.h: which fields a record line yields, as a
// JSON object would give them, without building one.
#include "ingest/jsonl_record.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace whosaid::ingest {
namespace {

// "id|text|outlet|url|date|publisher|meta url|publication date", "-" for a
// field that is not a string (or an integer id), "!" + error, "not object".
std::string Fields(const std::string& line) {
  Record r = ReadRecord(line);
  if (!r.error.empty()) return std::string("!").append(r.error, 0, r.error.find(':'));
  if (!r.is_object) return "not object";
  std::string out;
  for (const RecordField* f : {&r.id, &r.text, &r.outlet, &r.url, &r.date, &r.meta_publisher,
                               &r.meta_url, &r.meta_publication_date}) {
    if (!out.empty()) out += '|';
    out += f->kind == RecordField::Kind::kString || f->kind == RecordField::Kind::kInteger ? f->text
                                                                                           : "-";
  }
  return out;
}

}  // namespace

TEST_SUITE("ingest.jsonl") {
  TEST_CASE("record fields: top level and meta, last key wins, other shapes ignored") {
    struct Row {
      std::string name, line, expected;
    };
    const std::vector<Row> rows = {
        {"all fields",
         R"({"id":"a","text":"T","outlet":"O","url":"U","date":"D","meta":{"publisher":"P","url":"MU","publication_date":"PD"}})",
         "a|T|O|U|D|P|MU|PD"},
        {"integer ids", R"({"id":-7,"text":"T"})", "-7|T|-|-|-|-|-|-"},
        {"a big unsigned id", R"({"id":18446744073709551615})",
         "18446744073709551615|-|-|-|-|-|-|-"},
        {"float, bool, null, array, object ids", R"({"id":1.5})", "-|-|-|-|-|-|-|-"},
        {"text an array", R"({"text":["a"],"id":"x"})", "x|-|-|-|-|-|-|-"},
        {"text an object", R"({"text":{"text":"inner"}})", "-|-|-|-|-|-|-|-"},
        {"the last of two keys wins", R"({"text":"one","text":"two"})", "-|two|-|-|-|-|-|-"},
        {"a later meta replaces an earlier one",
         R"({"meta":{"publisher":"P1","url":"U1"},"meta":{"publisher":"P2"}})", "-|-|-|-|-|P2|-|-"},
        {"meta not an object", R"({"meta":{"publisher":"P"},"meta":"x"})", "-|-|-|-|-|-|-|-"},
        {"nested objects inside meta do not end it",
         R"({"meta":{"x":{"y":{"publisher":"no"}},"publisher":"P"}})", "-|-|-|-|-|P|-|-"},
        {"fields deeper down are not fields",
         R"({"a":{"text":"no","id":"no"},"b":[{"text":"no"}]})", "-|-|-|-|-|-|-|-"},
        {"an array is not an object", R"([{"text":"T"}])", "not object"},
        {"a string is not an object", R"("text")", "not object"},
        {"malformed", R"({"text": )", "!parse error at column 10"},
        {"trailing garbage", R"({"text":"T"} x)", "!parse error at column 14"},
        {"a number no double holds", R"({"n":1e999})", "!number overflow parsing '1e999'"},
        {"BOM", "\xEF\xBB\xBF{\"text\":\"T\"}", "-|T|-|-|-|-|-|-"},
        // the common line is read without the SAX parser: the same fields
        {"escapes", R"({"text":"a\"b\\c\/d\b\f\n\r\t\u00e9\u20AC\ud83d\ude00"})",
         "-|a\"b\\c/d\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80|-|-|-|-|-|-"},
        {"spaces everywhere",
         " \t{ \"id\" : 7 ,\n\"text\"\r:\"T\" , \"meta\" : { \"url\" : \"U\" } } \n",
         "7|T|-|-|-|-|U|-"},
        {"nineteen and twenty digits",
         R"({"id":9999999999999999999,"text":"12345678901234567890"})",
         "9999999999999999999|12345678901234567890|-|-|-|-|-|-"},
        {"twenty digits", R"({"id":18446744073709551616})", "-|-|-|-|-|-|-|-"},
        {"zero and minus zero", R"({"id":0,"date":"x","url":-0})", "0|-|-|0|x|-|-|-"},
        {"a leading zero", R"({"id":01})", "!parse error at column 8"},
        {"a control character in a string", "{\"text\":\"a\x01\"}", "!parse error at column 11"},
        {"an unknown escape", R"({"text":"a\x"})", "!parse error at column 12"},
        {"null, true, false and an empty object",
         R"({"id":null,"url":true,"date":false,"x":{},"text":"T"})", "-|T|-|-|-|-|-|-"},
        {"an empty meta clears the earlier one", R"({"meta":{"url":"U"},"meta":{}})",
         "-|-|-|-|-|-|-|-"},
        {"an empty object", "{}", "-|-|-|-|-|-|-|-"},
        {"a missing value", R"({"text":})", "!parse error at column 9"},
        {"an unclosed string", R"({"text":"T)", "!parse error at column 11"},
        // past the eight-bytes-at-a-time plain run: what ends or breaks it at each place
        {"a quote after eight", R"({"text":"abcdefgh","id":"x"})", "x|abcdefgh|-|-|-|-|-|-"},
        {"a quote after fifteen", R"({"text":"abcdefghijklmno"})", "-|abcdefghijklmno|-|-|-|-|-|-"},
        {"an escape after eight", R"({"text":"abcdefgh\"ijklmnop\\"})",
         "-|abcdefgh\"ijklmnop\\|-|-|-|-|-|-"},
        {"a control character after eight", "{\"text\":\"abcdefghi\x01jklmnop\"}",
         "!parse error at column 19"},
        {"multi-byte after eight", "{\"text\":\"abcdefgh\xC3\xA9ijklmnop\"}",
         "-|abcdefgh\xC3\xA9ijklmnop|-|-|-|-|-|-"},
        {"invalid UTF-8 after eight", "{\"text\":\"abcdefgh\xFFijklmnop\"}",
         "!parse error at column 18"},
        {"an unclosed string of sixteen", R"({"text":"abcdefghijklmnop)",
         "!parse error at column 26"},
        // arrays and objects of fields no document uses are read without the SAX parser too
        {"a corpus line: quotes and annotators",
         R"({"id":"a","text":"T","quotes":[{"start":120,"end":211,"text":"q \"x\" ]}","s":null,"d":true}],"meta":{"all_annotators":["d473"],"publisher":"P"}})",
         "a|T|-|-|-|P|-|-"},
        {"a meta field holding an array", R"({"meta":{"url":["U"],"publisher":"P"}})",
         "-|-|-|-|-|P|-|-"},
        {"a fraction inside an array", R"({"a":[1.5],"text":"T"})", "-|T|-|-|-|-|-|-"},
        {"signed fractions inside an object", R"({"q":{"f":-0.125,"g":[0.5,-3]},"text":"T"})",
         "-|T|-|-|-|-|-|-"},
        {"a number past a double inside an array", R"({"a":[1e999],"text":"T"})",
         "!number overflow parsing '1e999'"},
        {"a fraction without digits inside an array", R"({"a":[1.],"text":"T"})",
         "!parse error at column 9"},
        {"a negative number inside an object", R"({"a":{"b":-1},"text":"T"})", "-|T|-|-|-|-|-|-"},
        {"an unclosed array", R"({"a":[1,"text":"T"})", "!parse error at column 15"},
        {"a leading zero inside an array", R"({"a":[00],"text":"T"})", "!parse error at column 8"},
        {"zeros then a word inside an array", R"({"a":[00null],"text":"T"})",
         "!parse error at column 8"},
        {"a key that is no string inside an object", R"({"a":{b:1},"text":"T"})",
         "!parse error at column 7"},
        {"forty levels of arrays",
         R"({"a":)" + std::string(40, '[') + std::string(40, ']') + R"(,"text":"T"})",
         "-|T|-|-|-|-|-|-"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(Fields(row.line) == row.expected);
    }
  }

  TEST_CASE("record fields: deep and wide lines are read without building them") {
    // 2,000,000 levels of arrays (as a JSON value: about 150 MB) and an
    // object of 500,000 keys before the text.
    CHECK(Fields(std::string(2'000'000, '[') + std::string(2'000'000, ']')) == "not object");
    std::string wide = "{";
    for (int i = 0; i < 500'000; ++i)
      wide.append("\"k").append(std::to_string(i)).append("\":[1,{}],");
    wide += "\"text\":\"T\"}";
    CHECK(Fields(wide) == "-|T|-|-|-|-|-|-");
  }

  // Regression (issue 10): "\ud800" alone in a text made the whole record
  // malformed JSON (a lost document); it reads as U+FFFD now.
  TEST_CASE("lone surrogate escapes become U+FFFD; pairs and escaped backslashes stay") {
    struct Row {
      std::string name, line, expected;
      std::size_t count, first_byte;
    };
    const std::vector<Row> rows = {
        {"lone high", R"({"text":"a \ud800 b"})", R"({"text":"a \ufffd b"})", 1, 11},
        {"lone low", R"({"text":"\uDC00"})", R"({"text":"\ufffd"})", 1, 9},
        {"high then no low", R"({"text":"\ud83d\u0041\ud83d"})", R"({"text":"\ufffd\u0041\ufffd"})",
         2, 9},
        {"a pair is a character", R"({"text":"\ud83d\ude00"})", R"({"text":"\ud83d\ude00"})", 0, 0},
        {"low before high", R"({"text":"\ude00\ud83d"})", R"({"text":"\ufffd\ufffd"})", 2, 9},
        {"an escaped backslash", R"({"text":"\\ud800"})", R"({"text":"\\ud800"})", 0, 0},
        {"cut short at the end", R"({"text":"\ud83d\u)", R"({"text":"\ufffd\u)", 1, 9},
        {"not hex", R"({"text":"\uZZZZ\ud800"})", R"({"text":"\uZZZZ\ufffd"})", 1, 15},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      std::string line = row.line;
      SurrogateRepair r = ReplaceLoneSurrogates(line);
      CHECK(line == row.expected);
      CHECK(r.count == row.count);
      if (row.count > 0) CHECK(r.first_byte == row.first_byte);
      if (row.count > 0 && row.name != "cut short at the end" && row.name != "not hex")
        CHECK(ReadRecord(line).ok());
    }
  }

  TEST_CASE("record fields: a value of another type says what it is") {
    struct Row {
      std::string line, expected;
    };
    const std::vector<Row> rows = {
        {R"({"id":null})", "null"},
        {R"({"id":true})", "a boolean"},
        {R"({"id":1.5})", "a fractional number"},
        {R"({"id":{}})", "an object"},
        {R"({"id":[1]})", "an array"},
        {R"({"id":"x"})", ""},
    };
    for (const Row& row : rows) {
      CAPTURE(row.line);
      CHECK(std::string(ReadRecord(row.line).id.other) == row.expected);
    }
  }
}

}  // namespace whosaid::ingest
