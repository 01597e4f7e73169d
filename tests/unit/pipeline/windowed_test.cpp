// Tests for pipeline/windowed.h: a document longer than a window gives the
// records of its pieces, with document offsets and document-wide entity ids.
#include "pipeline/windowed.h"

#include <doctest/doctest.h>

#include <string>

#include "../support/rules_fixture.h"

namespace whosaid {
namespace {

const std::string kParagraph =
    "\xE2\x80\x9CWe will not accept this,\xE2\x80\x9D said Jane Doe, a spokesperson.\n"
    "\xE2\x80\x9CThe talks are over now,\xE2\x80\x9D said John Roe.\n";

// "entity quote" per record, joined by " / ".
std::string Records(const std::string& text, std::size_t window_bytes) {
  PipelineConfig config;
  config.window_bytes = window_bytes;
  Pipeline pipeline(config, testing::Rules());
  Document doc{.id = "t", .text = text, .outlet = "", .url = "", .date = "", .source = "t"};
  std::string out;
  for (const QuoteRecord& r : pipeline.Run(doc).quotes) {
    if (!out.empty()) out += " / ";
    out += (r.speaker ? r.speaker->entity : "-") + " " + text.substr(r.quote.begin, r.quote.size());
  }
  return out;
}

// "kind:text" per name mention (words aside), with each span checked
// against the document and acronyms pointing at their expansion.
std::string Names(const std::string& text, std::size_t window_bytes) {
  PipelineConfig config;
  config.window_bytes = window_bytes;
  Pipeline pipeline(config, testing::Rules());
  Document doc{.id = "t", .text = text, .outlet = "", .url = "", .date = "", .source = "t"};
  const DocResult r = pipeline.Run(doc);
  std::string out;
  for (const auto& m : r.names) {
    if (m.kind == entities::MentionKind::kWord || m.kind == entities::MentionKind::kPhrase ||
        m.kind == entities::MentionKind::kName)
      continue;
    if (text.substr(m.span.begin, m.span.size()) != m.text) return "bad span: " + m.text;
    if (m.kind == entities::MentionKind::kAcronym &&
        (m.same_as < 0 || r.names[static_cast<std::size_t>(m.same_as)].same_as < 0)) {
      return "bad same_as: " + m.text;
    }
    out += std::string(entities::ToString(m.kind)) + ":" + m.text + " ";
  }
  return out;
}

}  // namespace

TEST_SUITE("pipeline") {
  TEST_CASE("windows: name mentions with document offsets and their acronym links") {
    const std::string line =
        "The UN Assistance Mission in Iraq (UNAMI) said it met Foreign Minister Ibrahim Khan.\n";
    const std::string text = line + line + line;
    const std::string whole = Names(text, std::size_t{1} << 20);
    CHECK(whole.find("acronym:UNAMI") != std::string::npos);
    CHECK(Names(text, line.size() + 4) == whole);  // one line per window
  }

  TEST_CASE("windows: records and entity ids as if the document were read whole") {
    const std::string text = kParagraph + kParagraph + kParagraph;
    const std::string whole = Records(text, std::size_t{1} << 20);
    CHECK(whole ==
          "P1 We will not accept this, / P2 The talks are over now, / "
          "P1 We will not accept this, / P2 The talks are over now, / "
          "P1 We will not accept this, / P2 The talks are over now,");
    // One window per line: each window numbers its speakers from P1, the
    // document keeps one id per name.
    CHECK(Records(text, kParagraph.size() / 2 + 4) == whole);
  }

  // Regression (issue 10): a word longer than a window forced a cut through
  // it, and the quotation after it became one huge mixed record starting at
  // the cut. Now the rest of the word is a window of its own.
  TEST_CASE("windows: a word longer than a window does not swallow the quotation after it") {
    const std::string text = std::string(300, 'x') + " " + kParagraph;
    CHECK(Records(text, 128) == "P1 We will not accept this, / P2 The talks are over now,");
  }
}

}  // namespace whosaid
