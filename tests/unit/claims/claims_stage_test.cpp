// Tests for claims/claims_stage.h: statements over documents' records,
// wording differences of direct appearances, figure lines with events and
// sources, check-worthy reasons, and independence from document order.
// Invented documents only.
#include "claims/claims_stage.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/rules_fixture.h"
#include "claims/figures.h"

namespace whosaid::claims {
namespace testing_claims {

QuoteRecord Quote(const std::string& text, const std::string& quote, QuoteKind kind,
                  const std::string& entity, const std::string& event = "") {
  QuoteRecord r;
  r.quote = {text.find(quote), text.find(quote) + quote.size()};
  r.kind = kind;
  Speaker s;
  s.entity = entity;
  s.name = entity == "P1" ? "Maren Okafor" : "Ilyas Brandt";
  r.speaker = s;
  if (!event.empty()) r.event = EventRef{event, "attack", {"Tarsk"}, "2031-05-04", "attack, Tarsk"};
  return r;
}

// Three outlets report Maren Okafor (P1) on the shelling of Tarsk (E1).
std::vector<KeptDoc> Corpus() {
  std::vector<KeptDoc> docs(3);
  docs[0].doc = {"a",
                 "“This attack will not go unanswered,” Maren Okafor said. At least 40 "
                 "people were killed, she said.",
                 "Tarsk Daily",
                 "https://tarsk.example/a",
                 "2031-05-04",
                 "a"};
  docs[1].doc = {"b",
                 "“This attack will not remain unanswered,” Okafor said. The shelling "
                 "killed 12 people, medics said.",
                 "Velda Post",
                 "https://velda.example/b",
                 "2031-05-05",
                 "b"};
  docs[2].doc = {"c",
                 "Okafor said the attack would not go unanswered. She met Ilyas Brandt on "
                 "Tuesday.",
                 "",
                 "",
                 "",
                 "c"};
  const char* quotes[] = {"This attack will not go unanswered",
                          "This attack will not remain unanswered",
                          "the attack would not go unanswered"};
  const QuoteKind kinds[] = {QuoteKind::kDirect, QuoteKind::kDirect, QuoteKind::kIndirect};
  for (int d = 0; d < 3; ++d) {
    docs[d].result.quotes.push_back(Quote(docs[d].doc.text, quotes[d], kinds[d], "P1", "E1"));
  }
  docs[0].result.quotes.push_back(
      Quote(docs[0].doc.text, "At least 40 people were killed", QuoteKind::kIndirect, "P1", "E1"));
  docs[2].result.quotes.push_back(
      Quote(docs[2].doc.text, "She met Ilyas Brandt on Tuesday", QuoteKind::kIndirect, "P1"));
  return docs;
}

ClaimsResult RunOn(const ClaimsStage& stage, std::vector<KeptDoc>& docs) {
  static const FigureExtractor fx(ExtractorConfig{}, testing::Rules());
  std::vector<ClaimsDoc> in;
  for (KeptDoc& k : docs) {
    k.result.figures = fx.Run(k.doc.text, k.result.quotes);
    k.figures = stage.Figures(k.doc, k.result);
    // No document events here: a figure takes the event of its record.
    for (std::size_t f = 0; f < k.result.figures.size(); ++f) {
      if (k.figures.events[f].id.empty()) k.figures.events[f].id = "E1";
    }
  }
  for (const KeptDoc& k : docs) in.push_back({&k.doc, &k.result, &k.figures});
  return stage.Run(in);
}

TEST_SUITE("claims.stage") {
  TEST_CASE("one statement in three outlets, its misquote, its figures") {
    const ClaimsStage stage(ClaimsConfig{}, testing::Rules());
    std::vector<KeptDoc> docs = Corpus();
    ClaimsResult r = RunOn(stage, docs);
    const std::size_t s = r.statement_of[0][0];
    CHECK(r.statement_of[1][0] == s);
    CHECK(r.statement_of[2][0] == s);
    CHECK(r.statement_of[0][1] != s);
    const Statement& st = r.statements[s];
    CHECK(st.appearances == 3);
    REQUIRE(st.diffs.size() == 1);
    REQUIRE(st.diffs[0].changes.size() == 1);
    CHECK(st.diffs[0].changes[0].a_text == "not go unanswered");
    CHECK(st.diffs[0].changes[0].b_text == "not remain unanswered");
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0].measure == "killed");
    CHECK(r.lines[0].conflict);  // at least 40 against exactly 12
    CHECK(r.lines[0].figures[0].source_entity == "P1");
    CHECK(r.lines[0].figures[1].source_entity.empty());
    ClaimsStage::Apply(r, 0, docs[0].result);
    CHECK(docs[0].result.quotes[0].statement->id == st.id);
    CHECK(docs[0].result.quotes[0].statement->appearances == 3);
  }

  TEST_CASE("check-worthy reasons (and the examples of rules/claims/check_worthy.txt)") {
    const ClaimsStage stage(ClaimsConfig{}, testing::Rules());
    std::vector<KeptDoc> docs = Corpus();
    ClaimsResult r = RunOn(stage, docs);
    auto reasons = [&](std::size_t d, std::size_t q) {
      return r.statements[r.statement_of[d][q]].check_worthy;
    };
    CHECK(reasons(0, 1) == std::vector<std::string>{"figure", "conflict"});
    CHECK(reasons(2, 1) == std::vector<std::string>{"date"});
    CHECK(reasons(0, 0).empty());
    for (const auto& ex : testing::Examples("claims/check_worthy.txt")) {
      CAPTURE(ex.line);
      std::vector<KeptDoc> one(1);
      one[0].doc = {"x", ex.input, "", "", "", "x"};
      one[0].result.quotes.push_back(Quote(ex.input, ex.input, QuoteKind::kDirect, "P1"));
      ClaimsResult rr = RunOn(stage, one);
      std::string got;
      for (const std::string& w : rr.statements[0].check_worthy)
        got += (got.empty() ? "" : " ") + w;
      CHECK((got.empty() ? "-" : got) == ex.expected);
    }
  }

  TEST_CASE("folding: summaries made as documents come, no text at the end") {
    const ClaimsStage stage(ClaimsConfig{}, testing::Rules());
    std::vector<KeptDoc> docs = Corpus();
    const ClaimsResult whole = RunOn(stage, docs);
    std::vector<DocClaims> summaries;
    for (KeptDoc& k : docs) {
      summaries.push_back(stage.Summarize(k.doc, k.result));
      k.doc.text.clear();  // the text goes once the document is summarised
    }
    std::vector<FoldedDoc> folded;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      folded.push_back({&summaries[d], &docs[d].result, &docs[d].figures});
    }
    const ClaimsResult r = stage.Run(folded);
    CHECK(r.statement_of == whole.statement_of);
    REQUIRE(r.statements.size() == whole.statements.size());
    for (std::size_t s = 0; s < r.statements.size(); ++s) {
      CHECK(r.statements[s].id == whole.statements[s].id);
      CHECK(r.statements[s].check_worthy == whole.statements[s].check_worthy);
      CHECK(r.statements[s].diffs.size() == whole.statements[s].diffs.size());
    }
    REQUIRE(r.lines.size() == whole.lines.size());
    CHECK(r.lines[0].conflict == whole.lines[0].conflict);
    // Without details a summary keeps no text at all.
    ClaimsConfig ids_only;
    ids_only.details = false;
    const ClaimsStage slim(ids_only, testing::Rules());
    std::vector<KeptDoc> again = Corpus();
    for (const RecordClaims& rc : slim.Summarize(again[0].doc, again[0].result).records) {
      CHECK(rc.text.empty());
    }
  }

  TEST_CASE("in two steps: items per document, then the records may go") {
    ClaimsConfig ids_only;
    ids_only.details = false;
    const ClaimsStage stage(ids_only, testing::Rules());
    std::vector<KeptDoc> docs = Corpus();
    const ClaimsResult whole = RunOn(stage, docs);
    std::vector<DocClaims> summaries;
    for (KeptDoc& k : docs) summaries.push_back(stage.Summarize(k.doc, k.result));
    std::vector<FoldedDoc> folded;
    StatementInputs inputs;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      folded.push_back({&summaries[d], &docs[d].result, &docs[d].figures});
      stage.AddItems(d, folded[d], inputs);
      // a document with figures keeps its records (the figure lines read them)
      CHECK(stage.NeedsResult(docs[d].result) == !docs[d].result.figures.empty());
      if (!stage.NeedsResult(docs[d].result)) {
        folded[d].result = nullptr;
        docs[d].result = DocResult{};
      }
    }
    const ClaimsResult r = stage.Run(folded, inputs);
    CHECK(r.statement_of == whole.statement_of);
    // statement ids only: packed (ClaimsResult::Ref)
    CHECK(r.statements.empty());
    REQUIRE(r.appearances == whole.appearances);
    for (std::size_t s = 0; s < r.appearances.size(); ++s) {
      CHECK(r.Ref(s).id == "S" + std::to_string(s + 1));
      CHECK(r.Ref(s).appearances == whole.Ref(s).appearances);
    }
    CHECK(!r.appearances.empty());
    CHECK(r.lines.size() == whole.lines.size());
    // Without details a document with figures may go too once what the
    // figure lines read of it is made (FigureInputs): the same lines.
    REQUIRE(stage.FiguresAlone());
    std::vector<DocFigureInputs> figure_inputs(docs.size());
    std::size_t with_figures = 0;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      if (!folded[d].result) continue;
      ++with_figures;
      figure_inputs[d] = stage.FigureInputs(d, folded[d]);
      folded[d].figure_inputs = &figure_inputs[d];
      folded[d].result = nullptr;
    }
    CHECK(with_figures > 0);
    const ClaimsResult lean = stage.Run(folded, inputs);
    CHECK(lean.statement_of == whole.statement_of);
    REQUIRE(lean.lines.size() == whole.lines.size());
    for (std::size_t k = 0; k < lean.lines.size(); ++k) {
      CAPTURE(k);
      CHECK(lean.lines[k].event == whole.lines[k].event);
      CHECK(lean.lines[k].measure == whole.lines[k].measure);
      CHECK(lean.lines[k].conflict == whole.lines[k].conflict);
      REQUIRE(lean.lines[k].figures.size() == whole.lines[k].figures.size());
      for (std::size_t f = 0; f < lean.lines[k].figures.size(); ++f) {
        CHECK(lean.lines[k].figures[f].doc == whole.lines[k].figures[f].doc);
        CHECK(lean.lines[k].figures[f].occasion == whole.lines[k].figures[f].occasion);
        CHECK(lean.lines[k].figures[f].source_entity == whole.lines[k].figures[f].source_entity);
      }
    }
  }

  TEST_CASE("items made per document, then appended in order: the inputs of AddItems in turn") {
    ClaimsConfig ids_only;
    ids_only.details = false;
    const ClaimsStage stage(ids_only, testing::Rules());
    std::vector<KeptDoc> docs = Corpus();
    std::vector<DocClaims> summaries;
    std::vector<FoldedDoc> folded;
    for (KeptDoc& k : docs) summaries.push_back(stage.Summarize(k.doc, k.result));
    for (std::size_t d = 0; d < docs.size(); ++d)
      folded.push_back({&summaries[d], &docs[d].result, &docs[d].figures});
    const std::vector<std::vector<std::size_t>> orders = {{0, 1, 2}, {2, 0, 1}, {1, 1, 0}};
    for (const std::vector<std::size_t>& order : orders) {
      CAPTURE(order.front());
      StatementInputs in_turn, appended;
      for (std::size_t d : order) {
        stage.AddItems(d, folded[d], in_turn);
        StatementInputs own;  // goes before the grouping: nothing may view it
        stage.AddItems(d, folded[d], own);
        ClaimsStage::AppendItems(std::move(own), appended);
      }
      const std::vector<PackedItem>& a_items = appended.items.items;
      const std::vector<PackedItem>& b_items = in_turn.items.items;
      REQUIRE(a_items.size() == b_items.size());
      CHECK(!a_items.empty());
      CHECK(appended.items.strings() == in_turn.items.strings());
      for (std::size_t i = 0; i < a_items.size(); ++i) {
        CAPTURE(i);
        const PackedItem& a = a_items[i];
        const PackedItem& b = b_items[i];
        CHECK(a.doc == b.doc);
        CHECK(std::uint32_t{a.record} == std::uint32_t{b.record});
        // the same strings (interned in `appended`: `own` went)
        for (auto [x, y] : {std::pair{a.speaker, b.speaker},
                            {a.role, b.role},
                            {a.mention, b.mention},
                            {a.event, b.event}}) {
          CHECK(appended.items.String(x) == in_turn.items.String(y));
        }
        CHECK(appended.items.docs[a.doc].id == in_turn.items.docs[b.doc].id);
        CHECK(appended.items.docs[a.doc].id.data() == summaries[a.doc].id.data());
        CHECK(appended.items.docs[a.doc].published == in_turn.items.docs[b.doc].published);
        CHECK(a.start == b.start);
        CHECK(a.end == b.end);
        CHECK(a.day == b.day);
        CHECK(std::uint32_t{a.direct} == std::uint32_t{b.direct});
      }
      CHECK(stage.Run(folded, appended).statement_of == stage.Run(folded, in_turn).statement_of);
    }
  }

  TEST_CASE("the result does not depend on document order") {
    const ClaimsStage stage(ClaimsConfig{}, testing::Rules());
    std::vector<KeptDoc> docs = Corpus();
    ClaimsResult a = RunOn(stage, docs);
    std::vector<KeptDoc> reversed = Corpus();
    std::reverse(reversed.begin(), reversed.end());
    ClaimsResult b = RunOn(stage, reversed);
    for (std::size_t d = 0; d < docs.size(); ++d) {
      for (std::size_t q = 0; q < docs[d].result.quotes.size(); ++q) {
        CHECK(a.statements[a.statement_of[d][q]].id ==
              b.statements[b.statement_of[docs.size() - 1 - d][q]].id);
      }
    }
    REQUIRE(a.lines.size() == b.lines.size());
    CHECK(a.lines[0].figures[0].doc == b.lines[0].figures[0].doc);
  }
}

}  // namespace testing_claims
}  // namespace whosaid::claims
