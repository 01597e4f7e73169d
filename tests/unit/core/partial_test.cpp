// Tests for core/partial.h and core/partial_codec.h: the text pieces cover
// every span a sink reads, the skeleton puts them at their byte and
// code-point offsets, and a partial survives its JSON line unchanged; a
// malformed or foreign line is refused with a reason.
#include "core/partial.h"

#include <doctest/doctest.h>

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/partial_codec.h"
#include "core/text.h"

namespace whosaid {
namespace {

// An invented article with multi-byte characters before, between and inside the spans.
const std::string kText =
    "Über den Fluss — “We will rebuild the bridge,” said Zoë Marrak, the mayor’s aide. "
    "Officials counted 12 homes lost.";

Span Find(const std::string& needle) {
  const std::size_t at = kText.find(needle);
  REQUIRE(at != std::string::npos);
  return {at, at + needle.size()};
}

Partial Example() {
  Partial p;
  p.ordinal = 41;
  p.doc = {.id = "doc-7",
           .text = "",
           .outlet = "Outlet A",
           .url = "",
           .date = "2024-05-02",
           .source = "in.jsonl:3"};
  p.bytes = kText.size();
  for (char c : kText) p.codepoints += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  QuoteRecord q;
  q.quote = Find("We will rebuild the bridge,");
  q.cue = Find("said");
  q.speaker = Speaker{"", "Zoë Marrak", Find("Zoë Marrak"), SpeakerType::kPerson, "aide", ""};
  q.confidence = 0.8125;
  q.rule = "said-after";
  p.quotes = {q};
  claims::Figure f;
  f.span = Find("12 homes");
  f.value = 12;
  f.measure = "homes";
  p.figures = {f};
  p.pieces = TextPieces(kText, ReadSpans(p.quotes, p.figures));
  p.events.doc = "doc-7";
  p.events.quote_event = {-1};
  PartialName n;
  n.name = "Zoë Marrak";
  n.speaker = true;
  n.roles = {"aide"};
  n.stated = {{"aide", ""}};
  p.names.inputs = {n};
  p.names.forms = {{0, "Zoë Marrak", 2}};
  p.names.candidates = {{"Fluss", false, false, false}};
  p.names.record_input = {0};
  return p;
}

TEST_SUITE("core.partial") {
  TEST_CASE("the skeleton holds every span's text at its byte and code-point offsets") {
    const Partial p = Example();
    const Document skeleton = Skeleton(p);
    CHECK(skeleton.text.size() == kText.size());
    CHECK(skeleton.id == "doc-7");
    CHECK(text::FirstInvalidUtf8(skeleton.text) == std::nullopt);
    const text::CodepointIndex original(kText), rebuilt(skeleton.text);
    for (Span s : ReadSpans(p.quotes, p.figures)) {
      CAPTURE(kText.substr(s.begin, s.size()));
      CHECK(skeleton.text.substr(s.begin, s.size()) == kText.substr(s.begin, s.size()));
      CHECK(rebuilt.ToCodepoint(s.begin) == original.ToCodepoint(s.begin));
      CHECK(rebuilt.ToCodepoint(s.end) == original.ToCodepoint(s.end));
    }
    CHECK(rebuilt.ToCodepoint(skeleton.text.size()) == original.ToCodepoint(kText.size()));
  }

  TEST_CASE("TextPieces: clamped, snapped to characters, overlapping spans joined") {
    struct Row {
      std::string name;
      std::vector<Span> spans;
      std::vector<std::string> pieces;
    };
    const std::string text = "a “b” c é d";  // “ and ” are 3 bytes, é 2
    const std::vector<Row> rows = {
        {"none", {}, {}},
        {"inside a character: widened", {{3, 4}}, {"“"}},
        {"overlapping: one piece", {{0, 3}, {2, 9}}, {"a “b”"}},
        {"touching: one piece", {{0, 1}, {1, 2}}, {"a "}},
        {"past the end: clamped", {{14, 99}}, {" d"}},
        {"empty: dropped", {{5, 5}}, {}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      std::vector<std::string> got;
      for (const TextPiece& t : TextPieces(text, row.spans)) got.push_back(t.text);
      CHECK(got == row.pieces);
    }
  }

  // CutPieces counts code points between the sorted piece starts in one
  // pass: each row's pieces must be TextPieces' (listed), each piece's code
  // point CodepointIndex's answer at its byte and the count CountCodepoints'
  // over the whole text, with invalid UTF-8 counted as those count it (the
  // bytes that do not continue a character).
  TEST_CASE("CutPieces: the code points CodepointIndex and CountCodepoints give") {
    struct Row {
      std::string name;
      std::string text;
      std::vector<Span> spans;
      std::vector<std::string> pieces;
    };
    const std::string long_text = std::string(70, 'x') + "é" + std::string(60, 'y') + "“z”";
    const std::vector<Row> rows = {
        {"no spans", "a “b” c", {}, {}},
        {"an empty text", "", {{0, 0}, {0, 5}}, {}},
        {"empty spans dropped", "é a é", {{2, 2}, {0, 0}, {7, 7}}, {}},
        {"a span cutting a character at each edge", "ab“cd”ef", {{3, 9}}, {"“cd”"}},
        {"a span from a character's last byte", "a“b", {{3, 5}}, {"“b"}},
        {"spans inside one character", "a“b", {{2, 3}, {3, 3}}, {"“"}},
        {"overlapping, unsorted", "é1é2é3é4", {{6, 9}, {0, 4}, {3, 7}}, {"é1é2é3"}},
        {"touching, then apart", "é1é2é3é4", {{0, 3}, {3, 4}, {9, 12}}, {"é1é", "é4"}},
        {"one inside another", "a “b” c é d", {{0, 14}, {3, 5}}, {"a “b” c é"}},
        {"past the end: clamped", "ab é", {{3, 99}, {50, 60}}, {"é"}},
        {"a stray continuation byte first",
         "\x80\x80"
         "ab",
         {{1, 3}},
         {"\x80\x80"
          "a"}},
        {"stray continuations widen a span to the next",
         "a\x80\x80"
         "b",
         {{0, 1}, {3, 4}},
         {"a\x80\x80"
          "b"}},
        {"a lead byte with no continuation",
         "a\xE2"
         "b\xC3",
         {{1, 2}, {3, 4}},
         {"\xE2", "\xC3"}},
        {"bytes that are never UTF-8",
         "\xFF"
         "a\xFE\xFF"
         "b",
         {{2, 3}, {4, 5}},
         {"\xFE", "b"}},
        {"a character cut short at the end", "ab\xE2\x80", {{1, 3}}, {"b\xE2\x80"}},
        {"past a 64-byte checkpoint", long_text, {{71, 72}, {140, 131}, {133, 135}}, {"é", "“"}},
        {"at the very end of a long text", long_text, {{long_text.size() - 2, 999}}, {"”"}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      const CutText cut = CutPieces(row.text, row.spans);
      const text::CodepointIndex index(row.text);
      CHECK(cut.codepoints == text::CountCodepoints(row.text));
      CHECK(cut.codepoints == index.ToCodepoint(row.text.size()));
      std::vector<std::string> got;
      for (const TextPiece& t : cut.pieces) {
        got.push_back(t.text);
        CHECK(t.text == row.text.substr(t.byte, t.text.size()));
        CHECK(t.codepoint == index.ToCodepoint(t.byte));
      }
      CHECK(got == row.pieces);
      CHECK(TextPieces(row.text, row.spans) == cut.pieces);
    }
  }

  // Every pair of spans over a text mixing characters of each length with
  // invalid bytes: the offsets are CodepointIndex's, the count is CountCodepoints'.
  TEST_CASE("CutPieces: every pair of spans over a tricky text") {
    const std::string text =
        "a\xC3\xA9\x80"
        "b\xE2\x80\x9C\xF0\x9F\x98\x80\xFF"
        "c\xE2";
    const text::CodepointIndex index(text);
    const std::size_t all = text::CountCodepoints(text);
    for (std::size_t b1 = 0; b1 <= text.size() + 1; ++b1) {
      for (std::size_t e1 = b1; e1 <= text.size() + 1; ++e1) {
        for (std::size_t b2 = 0; b2 <= text.size(); b2 += 3) {
          const std::vector<Span> spans = {{b1, e1}, {b2, b2 + 2}};
          const CutText cut = CutPieces(text, spans);
          CAPTURE(b1);
          CAPTURE(e1);
          CAPTURE(b2);
          REQUIRE(cut.codepoints == all);
          for (const TextPiece& t : cut.pieces) REQUIRE(t.codepoint == index.ToCodepoint(t.byte));
        }
      }
    }
  }

  TEST_CASE("a partial survives its JSON line") {
    const Partial p = Example();
    const std::string line = EncodePartial(p);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find("\"partial_version\":1") != std::string::npos);
    const Partial q = DecodePartial(line);
    CHECK(q.ordinal == p.ordinal);
    CHECK(q.doc.id == p.doc.id);
    CHECK(q.doc.outlet == p.doc.outlet);
    CHECK(q.doc.date == p.doc.date);
    CHECK(q.doc.source == p.doc.source);
    CHECK(q.bytes == p.bytes);
    CHECK(q.codepoints == p.codepoints);
    CHECK(q.pieces == p.pieces);
    CHECK(q.names == p.names);
    REQUIRE(q.quotes.size() == 1);
    CHECK(q.quotes[0].quote == p.quotes[0].quote);
    CHECK(q.quotes[0].confidence == p.quotes[0].confidence);
    CHECK(q.quotes[0].speaker->name == "Zoë Marrak");
    CHECK(q.figures[0].value == 12);
    CHECK(EncodePartial(q) == line);
  }

  TEST_CASE("a partial survives its spill form, whole and in parts") {
    Partial p = Example();
    p.quotes[0].event = EventRef{"E2", "flood", {"Velmora", "Cask Valley"}, "", "the flood"};
    p.quotes[0].statement = StatementRef{"S3", 4};
    p.names.inputs[0].distinct_from = {"Ann Doe"};
    p.names.record_input = {-1};
    const std::string bytes = EncodeSpilledPartial(p);
    const Partial q = DecodeSpilledPartial(bytes);
    CHECK(EncodePartial(q) == EncodePartial(p));  // every field the JSON line has
    CHECK(q.names == p.names);
    CHECK(DecodeNames(EncodeNames(p.names)) == p.names);
    CHECK(EncodeSpilledPartial(q) == bytes);
    // not its form, cut short, bytes after the end, an index that points nowhere
    CHECK_THROWS_AS(DecodeSpilledPartial(EncodePartial(p)), PartialError);
    CHECK_THROWS_AS(DecodeSpilledPartial(bytes.substr(0, bytes.size() - 1)), PartialError);
    CHECK_THROWS_AS(DecodeSpilledPartial(bytes + "x"), PartialError);
    CHECK_THROWS_AS(DecodeNames(EncodeEvents(p.events)), PartialError);
    PartialNames bad = p.names;
    bad.record_input = {1};
    CHECK_THROWS_AS(DecodeNames(EncodeNames(bad)), PartialError);
    // a string that is not UTF-8 comes back as the JSON line gives it back
    PartialNames odd = p.names;
    odd.inputs[0].name = "Zo\xEB";
    CHECK(DecodeNames(EncodeNames(odd)).inputs[0].name == "Zo\xEF\xBF\xBD");
  }

  // The spill writer passes ASCII strings without FirstInvalidUtf8 and
  // writes a number below 0x80 as one byte: every length around the
  // eight-byte steps with a character of two bytes, or a byte that is no
  // UTF-8, at each place; numbers at each step of the varint.
  TEST_CASE("the spill form: strings of every length and place of a non-ASCII byte, numbers") {
    for (std::size_t size = 0; size <= 18; ++size) {
      for (std::size_t at = 0; at <= size; ++at) {  // at == size: ASCII alone
        std::string valid(size, 'a'), invalid(size, 'b'), expected(size, 'b');
        if (at < size) {
          valid.replace(at, 1, "\xC3\xA9");         // é
          invalid[at] = '\xEB';                     // no UTF-8
          expected.replace(at, 1, "\xEF\xBF\xBD");  // U+FFFD, as the JSON line
        }
        CAPTURE(size);
        CAPTURE(at);
        PartialNames n;
        n.inputs.resize(1);
        n.inputs[0].name = valid;
        n.candidates = {{invalid, false, false, false}};
        const PartialNames back = DecodeNames(EncodeNames(n));
        CHECK(back.inputs[0].name == valid);
        CHECK(back.candidates[0].word == expected);
      }
    }
    PartialNames n;
    n.inputs.resize(1);
    for (std::size_t count :
         {std::size_t{0}, std::size_t{1}, std::size_t{0x7F}, std::size_t{0x80}, std::size_t{0xFF},
          std::size_t{0x3FFF}, std::size_t{0x4000}, std::size_t{1} << 35, ~std::size_t{0}}) {
      n.forms.push_back({0, "f", count});
    }
    n.record_input = {-1, 0, -1};
    const PartialNames back = DecodeNames(EncodeNames(n));
    CHECK(back == n);
    CHECK(EncodeNames(back) == EncodeNames(n));
  }

  // The spill writer writes into a buffer it sizes from a guess and grows
  // by doubling; the reader reads a varint without a bound check per byte
  // when ten bytes are left, else with one. The bytes of a small form,
  // byte for byte; forms far larger than any guess; numbers of every
  // length in the middle of the bytes and at their very end; a number too
  // long or cut short, either way.
  TEST_CASE("the spill form: its bytes, growth past the guess, numbers at the end") {
    PartialNames small;
    small.inputs.resize(1);
    small.inputs[0].name = "Ab";
    small.inputs[0].kind = static_cast<NameKind>(0);
    small.inputs[0].speaker = true;
    small.inputs[0].roles = {"r"};
    small.forms = {{0, "f", 300}};
    small.record_input = {-1, 0};
    const std::string expected = {'N', 1, 2, 'A', 'b', 0,   2,      1,      1, 'r', 0, 0,
                                  0,   0, 1, 0,   1,   'f', '\xAC', '\x02', 0, 2,   1, 0};
    CHECK(EncodeNames(small) == expected);
    CHECK(DecodeNames(expected) == small);

    PartialNames big;
    for (std::size_t i = 0; i < 40; ++i) {
      PartialName& n = big.inputs.emplace_back();
      n.name = std::string(i * 97 + 1, static_cast<char>('a' + i % 26));
      n.roles.assign(i % 5, std::string(i * 13, 'r'));
      n.stated.push_back({std::string(200, 's'), std::string(i, 'x')});
      big.forms.push_back({static_cast<std::uint32_t>(i), n.name, std::size_t{1} << (i % 64)});
      big.candidates.push_back({std::string(i * 31, 'c'), i % 2 == 0, i % 3 == 0, i % 5 == 0});
      big.record_input.push_back(static_cast<std::ptrdiff_t>(i) - 1);
    }
    const std::string big_bytes = EncodeNames(big);
    CHECK(DecodeNames(big_bytes) == big);
    CHECK(EncodeNames(DecodeNames(big_bytes)) == big_bytes);
    Partial whole = Example();
    whole.names.record_input = {-1};
    whole.pieces.push_back({whole.bytes, whole.codepoints, std::string(70000, 'z')});
    whole.bytes += 70000;
    whole.codepoints += 70000;
    const std::string whole_bytes = EncodeSpilledPartial(whole);
    CHECK(EncodePartial(DecodeSpilledPartial(whole_bytes)) == EncodePartial(whole));
    CHECK(EncodeSpilledPartial(DecodeSpilledPartial(whole_bytes)) == whole_bytes);

    // numbers of every length: the last field of the events' form, so that
    // the number is read with fewer than ten bytes left, and in the middle
    for (const int v : {0, 1, -1, 63, -64, 64, 127, 128, 8191, 8192, -8193, 1048575, 1048576,
                        std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
      CAPTURE(v);
      events::DocEvents e;
      e.doc = "d";
      e.quote_event = {v};
      CHECK(DecodeEvents(EncodeEvents(e)).quote_event == e.quote_event);
      e.quote_event = {v, v, v, v, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
      CHECK(DecodeEvents(EncodeEvents(e)).quote_event == e.quote_event);
    }
    PartialNames counts;
    counts.inputs.resize(1);
    for (std::uint64_t c = 1; c != 0; c <<= 7) counts.forms.push_back({0, "f", c});
    counts.forms.push_back({0, "f", ~std::size_t{0}});
    counts.candidates.assign(12, {"c", false, false, false});
    CHECK(DecodeNames(EncodeNames(counts)) == counts);
    // an input count of eleven bytes that never ends, with bytes after it
    // and without; a number cut short
    const std::string endless(11, '\x80');
    CHECK_THROWS_AS(DecodeNames("N" + endless + std::string(20, '\0')), PartialError);
    CHECK_THROWS_AS(DecodeNames("N" + endless), PartialError);
    CHECK_THROWS_AS(DecodeNames(std::string("N\x80")), PartialError);
    CHECK_THROWS_AS(DecodeNames(std::string("N\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01")),
                    PartialError);
  }

  TEST_CASE("a partial's events survive their own line (a run spills them apart)") {
    events::DocEvents e;
    e.doc = "doc-9";
    e.anchor = events::DateRange{100, 100, events::Precision::kDay};
    events::DocEvent flood;
    flood.type_path = {"disaster", "flood"};
    flood.places = {{{"Velmora", "Cask Valley"}, 2, false, true}};
    flood.actors = {{"river authority", ""}};
    flood.mentions = 3;
    flood.story = true;
    e.events = {flood};
    e.quote_event = {0, -1};
    e.global = {EventRef{}};  // run-wide: not kept
    const events::DocEvents back = DecodeEvents(EncodeEvents(e));
    CHECK(back.doc == e.doc);
    CHECK(back.anchor == e.anchor);
    REQUIRE(back.events.size() == 1);
    CHECK(back.events[0].type_path == flood.type_path);
    CHECK(back.events[0].places == flood.places);
    CHECK(back.events[0].actors == flood.actors);
    CHECK(back.events[0].story);
    CHECK(back.quote_event == e.quote_event);
    CHECK(back.global.empty());
    CHECK_THROWS_AS(DecodeEvents("{\"doc\": 1}"), PartialError);
  }

  TEST_CASE("a malformed or foreign line is refused with a reason") {
    const std::string good = EncodePartial(Example());
    auto replaced = [&](const std::string& from, const std::string& to) {
      std::string s = good;
      const std::size_t at = s.find(from);
      REQUIRE(at != std::string::npos);
      return s.replace(at, from.size(), to);
    };
    struct Row {
      std::string name;
      std::string line;
      std::string reason;  // a part of the message
    };
    const std::vector<Row> rows = {
        {"not JSON", "{\"partial_version\":1,", "malformed"},
        {"no version", "{\"ordinal\": 3}", "partial_version"},
        {"another version", replaced("\"partial_version\":1", "\"partial_version\":2"),
         "version 2"},
        {"a missing field", replaced("\"ordinal\":41,", ""), "malformed"},
        {"a record of no name input", replaced("\"record_input\":[0]", "\"record_input\":[3]"),
         "no name input"},
        {"records without name inputs", replaced("\"record_input\":[0]", "\"record_input\":[]"),
         "every record"},
        {"a form of no name input", replaced("[[0,\"Zoë Marrak\",2]]", "[[5,\"Zoë Marrak\",2]]"),
         "no name input"},
        {"text beyond its length", replaced("\"codepoints\":", "\"codepoints\":1,\"x\":"),
         "beyond"},
        // Integers are JSON integers within the field's range: a float or an
        // out-of-range value is refused, never cast (a float's cast is undefined).
        {"a float for a count", replaced("\"ordinal\":41", "\"ordinal\":41.5"), "integer"},
        {"a huge float for a size", replaced("\"ordinal\":41", "\"ordinal\":3.2e105"), "integer"},
        {"a negative size", replaced("\"ordinal\":41", "\"ordinal\":-1"), "integer"},
        {"a float in an integer array",
         replaced("\"record_input\":[0]", "\"record_input\":[1e300]"), "integer"},
        {"a record's name input beyond int64",
         replaced("\"record_input\":[0]", "\"record_input\":[9223372036854775808]"), "integer"},
        // the fuzzer's case: a document's size as a float out of every range
        {"a huge float for the text's size",
         replaced("\"bytes\":", "\"bytes\":3.21111e+105,\"x\":"), "integer"},
        // a form's name input is 32 bits: 2^32 was read as input 0 before
        {"a form's input beyond 32 bits",
         replaced("[[0,\"Zoë Marrak\",2]]", "[[4294967296,\"Zoë Marrak\",2]]"), "integer"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      std::string what;
      try {
        DecodePartial(row.line);
      } catch (const PartialError& e) {
        what = e.what();
      }
      CHECK(what.find(row.reason) != std::string::npos);
    }
  }

  TEST_CASE("a span beyond the text or reversed is refused, in both forms") {
    struct Row {
      std::string name;
      std::function<void(Partial&)> change;
      std::string reason;
    };
    const std::vector<Row> rows = {
        {"a quote past the end", [](Partial& p) { p.quotes[0].quote.end = p.bytes + 1; },
         "record's span reversed or beyond"},
        {"a quote reversed",
         [](Partial& p) {
           p.quotes[0].quote = {p.quotes[0].quote.end, p.quotes[0].quote.begin};
         },
         "record's span reversed or beyond"},
        {"a cue past the end",
         [](Partial& p) {
           p.quotes[0].cue = Span{p.bytes, p.bytes + 4};
         },
         "record's span reversed or beyond"},
        {"a speaker's mention past the end",
         [](Partial& p) { p.quotes[0].speaker->mention.begin = p.bytes + 9; },
         "record's span reversed or beyond"},
        {"a figure past the end", [](Partial& p) { p.figures[0].span.end = p.bytes + 1; },
         "figure's span reversed or beyond"},
        {"spans at the very end are fine",
         [](Partial& p) {
           p.quotes[0].cue = Span{p.bytes, p.bytes};
         },
         ""},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      Partial p = Example();
      row.change(p);
      for (const bool spilled : {false, true}) {
        CAPTURE(spilled);
        std::string what;
        try {
          if (spilled)
            DecodeSpilledPartial(EncodeSpilledPartial(p));
          else
            DecodePartial(EncodePartial(p));
        } catch (const PartialError& e) {
          what = e.what();
        }
        if (row.reason.empty())
          CHECK(what.empty());
        else
          CHECK(what.find(row.reason) != std::string::npos);
      }
    }
  }
}

}  // namespace
}  // namespace whosaid
