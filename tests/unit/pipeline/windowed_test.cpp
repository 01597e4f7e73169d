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

}  // namespace

TEST_SUITE("pipeline") {
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
}

}  // namespace whosaid
