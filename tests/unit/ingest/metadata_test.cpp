// Tests for ingest/metadata.h: ISO dates and the meta.jsonl sidecar.
#include "ingest/metadata.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace whosaid::ingest {

TEST_SUITE("ingest.metadata") {
  TEST_CASE("NormalizeIsoDate keeps YYYY-MM-DD and YYYY-MM, cuts timestamps") {
    struct Row {
      std::string input;
      std::optional<std::string> expected;
    };
    const std::vector<Row> rows = {
        {"2024-10-15", "2024-10-15"},
        {"2025-01", "2025-01"},
        {"2016-09-12T10:00:00Z", "2016-09-12"},
        {"2016-09-12 10:00:00", "2016-09-12"},
        {"2024-13-01", std::nullopt},
        {"2024-12-32", std::nullopt},
        {"2024-1-5", std::nullopt},
        {"2024-10-15x", std::nullopt},
        {"Oct 15, 2024", std::nullopt},
        {"", std::nullopt},
    };
    for (const Row& row : rows) {
      CAPTURE(row.input);
      CHECK(NormalizeIsoDate(row.input) == row.expected);
    }
  }

  TEST_CASE("LoadMetaSidecar reads every good line and warns about the others") {
    testing::TempDir dir;
    auto path = dir.Write("meta.jsonl",
                          "{\"doc\": \"a\", \"outlet\": \"Nile Courier\", \"url\": null, "
                          "\"date\": \"2024-10-15\"}\n"
                          "not json\n"
                          "{\"outlet\": \"no doc\"}\n"
                          "\n"
                          "{\"doc\": \"b\", \"outlet\": \"K\", \"url\": \"http://k\", "
                          "\"date\": \"2025-01\"}\n"
                          "{\"doc\": \"c\", \"date\": \"soon\"}\n");
    LoadedSidecar loaded = LoadMetaSidecar(path);
    struct Row {
      std::string stem;
      std::optional<DocMeta> expected;
    };
    const std::vector<Row> rows = {
        {"a", DocMeta{"Nile Courier", "", "2024-10-15"}},
        {"b", DocMeta{"K", "http://k", "2025-01"}},
        {"c", DocMeta{"", "", ""}},
        {"missing", std::nullopt},
    };
    for (const Row& row : rows) {
      CAPTURE(row.stem);
      const DocMeta* m = loaded.table.Find(row.stem);
      REQUIRE((m != nullptr) == row.expected.has_value());
      if (!m) continue;
      CHECK(m->outlet == row.expected->outlet);
      CHECK(m->url == row.expected->url);
      CHECK(m->date == row.expected->date);
    }
    std::vector<std::string> places;
    for (const auto& d : loaded.diagnostics) {
      CHECK(d.severity == Diagnostic::Severity::kWarning);
      places.push_back(d.where.substr(d.where.rfind(':') + 1));
    }
    CHECK(places == std::vector<std::string>{"2", "3", "6"});
  }

  TEST_CASE("an unreadable sidecar is a warning, not a failure") {
    LoadedSidecar loaded = LoadMetaSidecar("/nonexistent/meta.jsonl");
    CHECK(loaded.table.size() == 0);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].severity == Diagnostic::Severity::kWarning);
  }
}

}  // namespace whosaid::ingest
