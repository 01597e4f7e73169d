// Tests for claims/summary_codec.h: a document's claims summary and its
// records read back from their bytes equal what was written, field by field
// (the run spills them, run/corpus_run.h), and short bytes are an error.
#include "claims/summary_codec.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace whosaid::claims {
namespace {

bool Same(const QuoteRecord& a, const QuoteRecord& b) {
  auto same_speaker = [](const Speaker& x, const Speaker& y) {
    return x.entity == y.entity && x.name == y.name && x.mention == y.mention && x.type == y.type &&
           x.role == y.role && x.affiliation == y.affiliation;
  };
  auto same_event = [](const EventRef& x, const EventRef& y) {
    return x.id == y.id && x.type == y.type && x.where == y.where && x.when == y.when &&
           x.label == y.label;
  };
  return a.quote == b.quote && a.kind == b.kind && a.cue == b.cue &&
         a.speaker.has_value() == b.speaker.has_value() &&
         (!a.speaker || same_speaker(*a.speaker, *b.speaker)) &&
         a.event.has_value() == b.event.has_value() &&
         (!a.event || same_event(*a.event, *b.event)) &&
         a.statement.has_value() == b.statement.has_value() &&
         (!a.statement || (a.statement->id == b.statement->id &&
                           a.statement->appearances == b.statement->appearances)) &&
         a.confidence == b.confidence && a.rule == b.rule;
}

TEST_SUITE("claims.summary_codec") {
  TEST_CASE("a summary and its records round-trip") {
    DocClaims s;
    s.id = "wire-0042";
    s.date = "2031-05-17";
    RecordClaims& r0 = s.records.emplace_back();
    r0.features.terms.Add("reservoir", false);
    r0.features.terms.Add("Velmora", true);
    r0.features.wording.Add("we", false);
    r0.features.wording.Add("will", true);
    r0.doc_uses.Add("reservoir", 3);
    r0.mention = "the water minister";
    RecordClaims& r1 = s.records.emplace_back();  // an empty one
    r1.text = "text kept for the details";

    std::vector<QuoteRecord> quotes(3);
    quotes[0].quote = {10, 52};
    quotes[0].kind = QuoteKind::kIndirect;
    quotes[0].cue = Span{4, 9};
    quotes[0].speaker = Speaker{"P7", "Ilse Marrow", {0, 3}, SpeakerType::kPerson, "minister", ""};
    quotes[0].event = EventRef{"E3", "flood", {"Velmora", "north"}, "2031-05", "the flood"};
    quotes[0].confidence = 0.1 + 0.2;  // not exact in binary: must come back bit for bit
    quotes[1].statement = StatementRef{"S9", 2};
    quotes[1].rule = "frame:said";
    quotes[2].speaker = Speaker{};

    DocClaims s2;
    std::vector<QuoteRecord> q2;
    DecodeSummary(EncodeSummary(s, quotes), s2, q2);
    CHECK(s2.id == s.id);
    CHECK(s2.date == s.date);
    REQUIRE(s2.records.size() == 2);
    CHECK(s2.records[0].features.terms == s.records[0].features.terms);
    CHECK(s2.records[0].features.wording == s.records[0].features.wording);
    CHECK(s2.records[0].doc_uses.size() == 1);
    CHECK(s2.records[0].doc_uses.Count("reservoir", 1) == 3);
    CHECK(s2.records[0].mention == "the water minister");
    CHECK(s2.records[1].features.terms.empty());
    CHECK(s2.records[1].text == "text kept for the details");
    REQUIRE(q2.size() == quotes.size());
    for (std::size_t i = 0; i < quotes.size(); ++i) {
      CAPTURE(i);
      CHECK(Same(q2[i], quotes[i]));
    }
  }

  TEST_CASE("a summary with figures and their spans round-trips") {
    DocClaims s;
    s.id = "wire-0043";
    std::vector<QuoteRecord> quotes(1);
    std::vector<Figure> figures(2);
    figures[0] = Figure{{5, 20}, 0.1 + 0.2, "at least", "civilians killed", true, false, 0};
    figures[1] = Figure{{30, 41}, 46, "", "fighters", false, true, -1};
    const std::vector<std::pair<Span, Span>> spans = {{{5, 20}, {105, 120}},
                                                      {{30, 41}, {230, 241}}};
    DocClaims s2;
    std::vector<QuoteRecord> q2;
    std::vector<Figure> f2;
    std::vector<std::pair<Span, Span>> spans2;
    DecodeSummary(EncodeSummary(s, quotes, figures, spans), s2, q2, f2, spans2);
    CHECK(s2.id == s.id);
    CHECK(q2.size() == 1);
    REQUIRE(f2.size() == 2);
    for (std::size_t k = 0; k < f2.size(); ++k) {
      CAPTURE(k);
      CHECK(f2[k].span == figures[k].span);
      CHECK(f2[k].value == figures[k].value);  // bit for bit
      CHECK(f2[k].qualifier == figures[k].qualifier);
      CHECK(f2[k].measure == figures[k].measure);
      CHECK(f2[k].subcount == figures[k].subcount);
      CHECK(f2[k].outcome == figures[k].outcome);
      CHECK(f2[k].record == figures[k].record);
    }
    CHECK(spans2 == spans);
    // without figures: none come back
    DecodeSummary(EncodeSummary(s, quotes), s2, q2, f2, spans2);
    CHECK(f2.empty());
    CHECK(spans2.empty());
  }

  TEST_CASE("a record's features and term counts round-trip alone") {
    ItemFeatures f;
    f.terms.Add("harbour", false);
    f.terms.Add("Orrin", true);
    f.wording.Add("the", false);
    const TermUses uses({{"harbour", 5}, {"strike", 2}});
    ItemFeatures f2;
    TermUses uses2;
    DecodeFeatures(EncodeFeatures(f, uses), f2, uses2);
    CHECK(f2.terms == f.terms);
    CHECK(f2.wording == f.wording);
    REQUIRE(uses2.size() == 2);
    CHECK(uses2.Count("harbour", 1) == 5);
    CHECK(uses2.Count("strike", 1) == 2);
    CHECK(uses2.Count("ferry", 1) == 1);
    // every shorter prefix of the bytes is an error
    const std::string bytes = EncodeFeatures(f, uses);
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
      CAPTURE(cut);
      ItemFeatures f3;
      TermUses uses3;
      CHECK_THROWS_AS(DecodeFeatures(std::string_view(bytes).substr(0, cut), f3, uses3),
                      std::runtime_error);
    }
  }

  TEST_CASE("DecodeTerms reads what DecodeFeatures reads of the terms, into a list reused") {
    struct Row {
      std::string name;
      std::vector<std::pair<std::string, bool>> terms, wording;
    };
    const std::vector<Row> rows = {
        {"none", {}, {}},
        {"terms only", {{"harbour", false}, {"Orrin", true}}, {}},
        {"wording only", {}, {{"we", true}}},
        {"a long term and wording",
         {{std::string(40, 'x'), false}, {"dam", true}},
         {{"the", false}, {"dam", true}}},
    };
    PackedWords reused;  // (one list for every row: replaced each time)
    reused.Add(std::string(64, 'z'), true);
    for (const Row& row : rows) {
      CAPTURE(row.name);
      ItemFeatures f;
      for (const auto& [w, flag] : row.terms) f.terms.Add(w, flag);
      for (const auto& [w, flag] : row.wording) f.wording.Add(w, flag);
      const std::string bytes = EncodeFeatures(f, TermUses({{"harbour", 3}}));
      DecodeTerms(bytes, reused);
      CHECK(reused == f.terms);
      PackedWords fresh;
      DecodeTerms(bytes, fresh);
      CHECK(fresh == f.terms);
      CHECK(fresh.letters().size() == f.terms.letters().size());
    }
    CHECK_THROWS_AS(DecodeTerms(std::string_view("\x05", 1), reused), std::runtime_error);
  }

  TEST_CASE("term counts whose keys do not ascend are an error, not counts read wrong") {
    struct Row {
      std::string name;
      std::vector<std::pair<std::string, int>> uses;
      bool ok;
    };
    const std::vector<Row> rows = {
        {"ascending", {{"harbour", 5}, {"strike", 2}}, true},
        {"descending", {{"strike", 2}, {"harbour", 5}}, false},
        {"a key twice", {{"harbour", 5}, {"harbour", 2}}, false},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      TermUses uses;  // (Add takes them as given: as a corrupt spill would hold them)
      for (const auto& [key, count] : row.uses) uses.Add(key, count);
      const std::string bytes = EncodeFeatures(ItemFeatures{}, uses);
      ItemFeatures f2;
      TermUses uses2;
      if (row.ok) {
        DecodeFeatures(bytes, f2, uses2);
        CHECK(uses2.size() == row.uses.size());
      } else {
        CHECK_THROWS_AS(DecodeFeatures(bytes, f2, uses2), std::runtime_error);
      }
    }
  }

  TEST_CASE("empty features and term counts round-trip (empty lists read into fresh vectors)") {
    ItemFeatures f2;
    TermUses uses2;
    DecodeFeatures(EncodeFeatures(ItemFeatures{}, TermUses{}), f2, uses2);
    CHECK(f2.terms.empty());
    CHECK(f2.wording.empty());
    CHECK(uses2.size() == 0);
    ItemFeatures f3;  // one list empty, the other not
    f3.wording.Add("we", true);
    ItemFeatures f4;
    TermUses uses4;
    DecodeFeatures(EncodeFeatures(f3, TermUses({{"harbour", 1}})), f4, uses4);
    CHECK(f4.terms.empty());
    CHECK(f4.wording == f3.wording);
    CHECK(uses4.Count("harbour", 2) == 1);
  }

  TEST_CASE("bytes that end early are an error") {
    DocClaims s;
    s.id = "a";
    s.records.emplace_back().mention = "the spokesman";
    const std::string bytes = EncodeSummary(s, {});
    for (std::size_t cut : {std::size_t{0}, std::size_t{5}, bytes.size() - 1}) {
      CAPTURE(cut);
      DocClaims out;
      std::vector<QuoteRecord> q;
      CHECK_THROWS_AS(DecodeSummary(std::string_view(bytes).substr(0, cut), out, q),
                      std::runtime_error);
    }
  }
}

}  // namespace
}  // namespace whosaid::claims
