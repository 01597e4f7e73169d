// Tests for output/jsonl_sink.h: the JSON of quote records — code-point
// offsets, span texts taken from the document, nulls, field order.
#include "output/jsonl_sink.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/text.h"

namespace whosaid::output {
namespace {

using Json = nlohmann::json;

// The code points [start, end) of `s`, re-encoded (Python's s[start:end]).
std::string CodepointSlice(const std::string& s, std::size_t start, std::size_t end) {
  std::string out;
  std::size_t cp = 0;
  for (std::size_t i = 0; i < s.size(); ++cp) {
    char32_t c = text::Next(s, i);
    if (cp >= start && cp < end) text::Append(out, c);
  }
  return out;
}

// Byte span of the first occurrence of `needle` in `hay`.
Span Find(const std::string& hay, const std::string& needle, std::size_t from = 0) {
  std::size_t at = hay.find(needle, from);
  REQUIRE(at != std::string::npos);
  return {at, at + needle.size()};
}

std::vector<Json> Lines(const std::string& out) {
  std::vector<Json> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(Json::parse(out.substr(start, nl - start)));
  }
  CHECK(start == out.size());  // every line ends in '\n'
  return lines;
}

const std::string kText =
    "Mosul, 15 Oct — \xE2\x80\x9CThe Syrian side should respect the border,\xE2\x80\x9D "
    "said Obaidullah Sherowazani, spokesperson of Iraq\xE2\x80\x99s Defence "
    "Ministry. \xF0\x9F\x87\xA6 Officials said the floods displaced farmers.";

}  // namespace

TEST_SUITE("output.jsonl") {
  TEST_CASE("spans are code-point offsets and their text is the document's slice") {
    Document doc{.id = "000_x",
                 .text = kText,
                 .outlet = "Nile Courier",
                 .url = "",
                 .date = "2024-10-15",
                 .source = "000_x.txt"};
    QuoteRecord direct;
    direct.quote = Find(kText, "The Syrian side should respect the border,");
    direct.kind = QuoteKind::kDirect;
    direct.cue = Find(kText, "said");
    direct.speaker = Speaker{.entity = "P3",
                             .name = "Obaidullah Sherwazani",
                             .mention = Find(kText, "Obaidullah Sherowazani"),
                             .type = SpeakerType::kPerson,
                             .role = "spokesperson",
                             .affiliation = "Iraq\xE2\x80\x99s Defence Ministry"};
    direct.event = EventRef{.id = "E1",
                            .type = "airstrike",
                            .where = {"Nineveh", "Sinjar"},
                            .when = "2024-10-14",
                            .label = "airstrike, Nineveh, 2024-10-14"};
    direct.confidence = 0.94;
    QuoteRecord indirect;
    indirect.quote = Find(kText, "the floods displaced farmers");
    indirect.kind = QuoteKind::kIndirect;
    indirect.cue = Find(kText, "said", direct.cue->end);
    indirect.speaker = Speaker{.entity = "",
                               .name = "",
                               .mention = Find(kText, "Officials"),
                               .type = SpeakerType::kGroup,
                               .role = "",
                               .affiliation = ""};
    indirect.confidence = 1.7;  // clamped
    DocResult result;
    result.quotes = {direct, indirect};

    StringOutput out;
    JsonlSink sink(out);
    sink.Begin();
    sink.Write(doc, result);
    sink.End(CorpusResult{});
    std::vector<Json> lines = Lines(out.str());
    REQUIRE(lines.size() == 2);

    struct SpanRow {
      Json json;
      std::string expected_text;
    };
    const std::vector<SpanRow> spans = {
        {lines[0]["quote"], "The Syrian side should respect the border,"},
        {lines[0]["cue"], "said"},
        {lines[0]["speaker"]["mention"], "Obaidullah Sherowazani"},
        {lines[1]["quote"], "the floods displaced farmers"},
        {lines[1]["cue"], "said"},
        {lines[1]["speaker"]["mention"], "Officials"},
    };
    for (const SpanRow& row : spans) {
      CAPTURE(row.expected_text);
      const auto start = row.json["start"].get<std::size_t>();
      const auto end = row.json["end"].get<std::size_t>();
      CHECK(row.json["text"] == row.expected_text);
      CHECK(CodepointSlice(kText, start, end) == row.expected_text);
    }
    // "Mosul, 15 Oct — “" is 17 code points (19 bytes).
    CHECK(lines[0]["quote"]["start"] == 17);
    CHECK(lines[0]["quote"]["kind"] == "direct");
    CHECK(lines[0]["doc"] == "000_x");
    CHECK(lines[0]["outlet"] == "Nile Courier");
    CHECK(lines[0]["speaker"]["affiliation"] == "Iraq\xE2\x80\x99s Defence Ministry");
    CHECK(lines[0]["event"]["where"] == Json::array({"Nineveh", "Sinjar"}));
    CHECK(lines[0]["confidence"] == 0.94);
    CHECK(lines[1]["confidence"] == 1.0);
    CHECK(lines[1]["quote"]["kind"] == "indirect");
  }

  TEST_CASE("empty fields are null and the field order follows docs/output.md") {
    Document doc{.id = "d",
                 .text = "\xE2\x80\x9CNo.\xE2\x80\x9D",
                 .outlet = "",
                 .url = "",
                 .date = "",
                 .source = "d"};
    QuoteRecord r;
    r.quote = {3, 6};
    DocResult result;
    result.quotes = {r};
    StringOutput out;
    JsonlSink sink(out);
    sink.Write(doc, result);
    sink.End(CorpusResult{});
    CHECK(out.str() ==
          "{\"doc\":\"d\",\"outlet\":null,\"quote\":{\"text\":\"No.\",\"start\":1,\"end\":4,"
          "\"kind\":\"direct\"},\"cue\":null,\"speaker\":null,\"event\":null,"
          "\"confidence\":0.5}\n");

    struct Row {
      Speaker speaker;
      std::string expected;
    };
    const std::vector<Row> rows = {
        {Speaker{.entity = "",
                 .name = "",
                 .mention = {0, 0},
                 .type = SpeakerType::kAnonymous,
                 .role = "",
                 .affiliation = ""},
         R"({"entity":null,"name":null,"mention":null,"type":"anonymous","role":null,"affiliation":null})"},
        {Speaker{.entity = "P1",
                 .name = "N",
                 .mention = {3, 5},
                 .type = SpeakerType::kOrganization,
                 .role = "",
                 .affiliation = "A"},
         R"({"entity":"P1","name":"N","mention":{"text":"No","start":1,"end":3},"type":"organization","role":null,"affiliation":"A"})"},
    };
    for (const Row& row : rows) {
      QuoteRecord with = r;
      with.speaker = row.speaker;
      DocResult one;
      one.quotes = {with};
      StringOutput o;
      JsonlSink s(o);
      s.Write(doc, one);
      s.End(CorpusResult{});
      CHECK(Json::parse(o.str())["speaker"].dump() == Json::parse(row.expected).dump());
    }
  }

  TEST_CASE("spans off character boundaries or past the end are snapped, never invalid") {
    const std::string text =
        "a\xC3\xA9"
        "b";  // "aéb": bytes 0, 1-2, 3
    Document doc{.id = "d", .text = text, .outlet = "", .url = "", .date = "", .source = "d"};
    struct Row {
      Span span;
      std::string expected_text;
      int start;
      int end;
    };
    const std::vector<Row> rows = {
        {{1, 3}, "\xC3\xA9", 1, 2},  {{2, 3}, "\xC3\xA9", 1, 2},  // begins inside "é"
        {{0, 2}, "a\xC3\xA9", 0, 2},                              // ends inside "é"
        {{3, 99}, "b", 2, 3},                                     // past the end
        {{9, 99}, "", 3, 3},
    };
    for (const Row& row : rows) {
      QuoteRecord r;
      r.quote = row.span;
      DocResult result;
      result.quotes = {r};
      StringOutput out;
      JsonlSink sink(out);
      sink.Write(doc, result);
      Json q = Json::parse(out.str())["quote"];
      CHECK(q["text"] == row.expected_text);
      CHECK(q["start"] == row.start);
      CHECK(q["end"] == row.end);
    }
  }

  TEST_CASE("strings and confidences are written as nlohmann's dump writes them") {
    // the writer builds no JSON value: each row's line must be the bytes
    // nlohmann::ordered_json's dump(-1, ' ', false, replace) gave before
    using Ordered = nlohmann::ordered_json;
    struct Row {
      std::string name, text;  // the speaker's name
      double confidence;
    };
    std::vector<Row> rows = {
        {"plain", "Ann Doe", 0.94},
        {"quotes and backslash", "Ann \"Tiger\" Doe \\ x", 1.0},
        {"control characters", std::string("a\b\t\n\f\r\x01\x1f\x7f", 10) + "z", 0.0},
        {"a NUL", std::string("a\0b", 3), 0.0001},
        {"multi-byte", "Zo\xC3\xAB \xE2\x80\x9Cx\xE2\x80\x9D \xF0\x9F\x87\xA6", 0.3333},
        {"not UTF-8: replaced", "Zo\xEB \xC3", 0.5},
        {"a surrogate's bytes: replaced", "x\xED\xA0\x80y", 0.12345},
        {"out of range", "x", 7.5},
        {"below zero", "x", -0.2},
        {"not a number", "x", std::nan("")},
        {"negative zero", "x", -0.0},
        // past the eight-bytes-at-a-time plain run: the byte to escape at each place of a word
        {"long plain", "Abdul Rahman Mohammadyari Khwarizmi", 0.5},
        {"quote after eight", "abcdefgh\"ijklmnop", 0.5},
        {"quote seventh", "abcdefg\"hijklmnop", 0.5},
        {"backslash ninth", "abcdefghi\\jklmnopq", 0.5},
        {"control after sixteen", std::string("abcdefghijklmnop\x1f", 17) + "rstuvwxyz", 0.5},
        {"DEL and tilde in a run", "abc~\x7f~defghijklmn", 0.5},
        {"multi-byte after eight",
         "abcdefgh\xE2\x80\x9C"
         "abcdefgh",
         0.5},
        {"invalid after eight", "abcdefgh\xEBzzzzzzzz", 0.5},
        // a borrow from a control character flags the space above it too
        {"control then space", std::string("ab\x01 cdefgh \x1f!xyz", 15), 0.5},
        {"controls in a row", std::string("\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f", 9), 0.5},
    };
    // (words are read eight bytes at a time: each special byte at each place
    // of a word and of the padded last one)
    for (const std::string special : {"\"", "\\", "\x01", "\xE2\x80\x99", "\xC3", "\n"}) {
      for (std::size_t at = 0; at < 12; ++at) {
        std::string text(13, 'x');
        text.replace(at, 1, special);
        rows.push_back({"special at " + std::to_string(at), text, 0.5});
        rows.push_back(
            {"short, special at " + std::to_string(at % 5), text.substr(at - at % 5), 0.5});
      }
    }
    // (and sixteen at a time while both words are plain: each special byte at
    // each place of a long run, and after runs of every length past sixteen)
    for (const std::string special :
         {"\"", "\\", "\x01", "\x1f", "\x7f", "\xC3\xA9", "\n", " ", "!", "#", "[", "]"}) {
      for (std::size_t at = 0; at < 40; ++at) {
        std::string text(41, 'x');
        text.replace(at, 1, special);
        rows.push_back({"long, special at " + std::to_string(at), text, 0.5});
        rows.push_back({"run of " + std::to_string(at) + ", then special",
                        std::string(at, 'y') + special, 0.5});
      }
    }
    const Document doc{.id = "d\"1",
                       .text = "\xE2\x80\x9CNo.\xE2\x80\x9D",
                       .outlet = "O\n",
                       .url = "",
                       .date = "",
                       .source = "d"};
    for (const Row& row : rows) {
      CAPTURE(row.name);
      QuoteRecord r;
      r.quote = {3, 6};
      r.speaker = Speaker{"P1", row.text, {0, 0}, SpeakerType::kPerson, row.text, ""};
      r.event = EventRef{"E1", "flood", {row.text, "b"}, "", "l"};
      r.statement = StatementRef{"S2", 3};
      r.confidence = row.confidence;
      r.rule = row.text;
      Ordered j;
      j["doc"] = doc.id;
      j["outlet"] = doc.outlet;
      j["quote"] = {{"text", "No."}, {"start", 1}, {"end", 4}, {"kind", "direct"}};
      j["cue"] = nullptr;
      j["speaker"] = {{"entity", "P1"},   {"name", row.text}, {"mention", nullptr},
                      {"type", "person"}, {"role", row.text}, {"affiliation", nullptr}};
      j["event"] = {{"id", "E1"},
                    {"type", "flood"},
                    {"where", {row.text, "b"}},
                    {"when", nullptr},
                    {"label", "l"}};
      j["statement"] = {{"id", "S2"}, {"appearances", 3}};
      const double c = std::isfinite(row.confidence) ? row.confidence : 0.0;
      j["confidence"] = std::round(std::clamp(c, 0.0, 1.0) * 1e4) / 1e4;
      j["rule"] = row.text;
      const std::string expected = j.dump(-1, ' ', false, Ordered::error_handler_t::replace) + "\n";
      const text::CodepointIndex index(doc.text);
      CHECK(JsonlSink::RecordLine(doc, index, r, true) == expected);
    }
  }

  TEST_CASE("a span's end is its start plus the code points written; Write is RecordLine") {
    // the end offset is counted while the text is escaped, not looked up:
    // every row must give CodepointIndex's offsets and the same bytes by
    // both paths (Write renders into a buffer sized per record, RecordLine
    // appends to a string)
    const std::string text = std::string("ab\"c\\d\x01\te", 9) +
                             "\xC3\xA9\xE2\x80\x9Cquoted words here\xE2\x80\x9D \xF0\x9F\x87\xA6"
                             "plain ascii run of more than eight bytes\nend";
    const Document doc{.id = "d", .text = text, .outlet = "", .url = "", .date = "", .source = "d"};
    const text::CodepointIndex index(text);
    const std::vector<Span> spans = {
        {0, text.size()}, {0, 0},   {2, 9},
        {9, 11},          {10, 14},  // inside é and “: snapped
        {11, 40},         {40, 99}, {text.size(), text.size()},
        {5, 6},
    };
    StringOutput out;
    JsonlSink sink(out);
    DocResult result;
    std::string lines;
    for (const Span& span : spans) {
      QuoteRecord r;
      r.quote = span;
      r.cue = span;
      result.quotes.push_back(r);
      lines += JsonlSink::RecordLine(doc, index, r);
    }
    // a name of control characters only: six bytes written for each
    QuoteRecord wide;
    wide.quote = {0, text.size()};
    wide.speaker = Speaker{"P1", std::string(3000, '\x01'), {0, 3}, SpeakerType::kPerson, "", ""};
    result.quotes.push_back(wide);
    lines += JsonlSink::RecordLine(doc, index, wide);
    sink.Write(doc, result);
    CHECK(out.str() == lines);
    CHECK(sink.Render(doc, result) == lines);
    const std::vector<Json> json = Lines(out.str());
    REQUIRE(json.size() == spans.size() + 1);
    for (std::size_t i = 0; i < spans.size(); ++i) {
      CAPTURE(i);
      const auto start = json[i]["quote"]["start"].get<std::size_t>();
      const auto end = json[i]["quote"]["end"].get<std::size_t>();
      CHECK(CodepointSlice(text, start, end) == json[i]["quote"]["text"].get<std::string>());
      // the offsets counted independently: the span snapped out to whole characters
      auto inside = [&](std::size_t k) { return k < text.size() && (text[k] & 0xC0) == 0x80; };
      std::size_t e = std::min(spans[i].end, text.size());
      std::size_t b = std::min(spans[i].begin, e);
      while (b > 0 && inside(b)) --b;
      while (inside(e)) ++e;
      CHECK(start == text::CountCodepoints(std::string_view(text).substr(0, b)));
      CHECK(end == text::CountCodepoints(std::string_view(text).substr(0, e)));
      Json quote = json[i]["quote"];
      quote.erase("kind");
      CHECK(json[i]["cue"] == quote);
    }
    CHECK(json[9]["speaker"]["name"].get<std::string>() == std::string(3000, '\x01'));
  }

  TEST_CASE("a document without records writes nothing") {
    StringOutput out;
    JsonlSink sink(out);
    sink.Write(Document{.id = "d", .text = "x", .outlet = "", .url = "", .date = "", .source = ""},
               DocResult{});
    CHECK(out.str().empty());
  }
}

}  // namespace whosaid::output
