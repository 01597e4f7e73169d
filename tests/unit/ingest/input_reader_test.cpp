// Tests for ingest/input_reader.h, ingest/directory.h and
// ingest/text_document.h: which documents a command line yields, in which
// order, with which metadata and messages.
#include "ingest/input_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ingest/directory.h"
#include "ingest/text_document.h"
#include "temp_dir.h"

namespace whosaid::ingest {
namespace fs = std::filesystem;
namespace {

struct Read {
  std::vector<Document> docs;
  std::vector<Diagnostic> diagnostics;
};

Read ReadInputs(std::vector<std::string> inputs, const IngestConfig& config = {}) {
  InputReader reader(std::move(inputs), config);
  Read out;
  Document doc;
  while (reader.Next(doc, out.diagnostics)) out.docs.push_back(doc);
  return out;
}

std::vector<std::string> Ids(const Read& r) {
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id);
  return ids;
}

bool HasDiagnostic(const Read& r, Diagnostic::Severity severity, const std::string& needle) {
  for (const auto& d : r.diagnostics) {
    if (d.severity == severity && d.ToString().find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("ingest.reader") {
  TEST_CASE("directories are read recursively, *.txt only, sorted by path") {
    testing::TempDir dir;
    for (const char* f : {"b.txt", "a.txt", "sub/c.txt", "sub/deeper/a0.txt", "a-z.txt", "notes.md",
                          "meta.jsonl", "data.jsonl", "sub.txt/x.txt"}) {
      dir.Write(f, "text of " + std::string(f));
    }
    DirectoryListing listing = ListDocumentFiles(dir.path(), ".txt");
    std::vector<std::string> rel;
    for (const auto& p : listing.files) rel.push_back(fs::relative(p, dir.path()).string());
    CHECK(rel == std::vector<std::string>{"a-z.txt", "a.txt", "b.txt", "sub/c.txt",
                                          "sub/deeper/a0.txt", "sub.txt/x.txt"});
    CHECK(listing.diagnostics.empty());

    Read r = ReadInputs({dir.path().string()});
    CHECK(Ids(r) == std::vector<std::string>{"a-z", "a", "b", "c", "a0", "x"});
    REQUIRE(r.docs.size() == 6);
    CHECK(r.docs[1].text == "text of a.txt");
    CHECK(r.docs[1].source == (dir.path() / "a.txt").string());
  }

  TEST_CASE("a symlink loop does not hang the walk") {
    testing::TempDir dir;
    dir.Write("d/a.txt", "A");
    fs::create_directory_symlink(dir.path() / "d", dir.path() / "d" / "loop");
    fs::create_directory_symlink(dir.path(), dir.path() / "d" / "up");
    Read r = ReadInputs({dir.path().string()});
    CHECK(Ids(r) == std::vector<std::string>{"a"});
  }

  TEST_CASE("a document-named link that leads nowhere is an error; the walk goes on") {
    testing::TempDir dir;
    dir.Write("a.txt", "A");
    fs::create_symlink(dir.path() / "l2.txt", dir.path() / "l1.txt");  // a loop of links
    fs::create_symlink(dir.path() / "l1.txt", dir.path() / "l2.txt");
    fs::create_symlink(dir.path() / "gone.txt", dir.path() / "dangling.txt");
    fs::create_symlink(dir.path() / "gone.md", dir.path() / "other.md");  // not a document name
    Read r = ReadInputs({dir.path().string()});
    CHECK(Ids(r) == std::vector<std::string>{"a"});
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].where == (dir.path() / "dangling.txt").string());
    CHECK(r.diagnostics[1].ToString().find(
              "l1.txt: error: cannot read: Too many levels of symbolic links") !=
          std::string::npos);
    CHECK(r.diagnostics[2].where == (dir.path() / "l2.txt").string());
  }

  TEST_CASE("a repeated id is a warning naming the later document; both are kept") {
    testing::TempDir dir;
    auto one = dir.Write("one/x.txt", "first");
    auto two = dir.Write("two/x.txt", "second");
    auto jsonl = dir.Write("d.jsonl",
                           "{\"id\":\"j\",\"text\":\"A\"}\n{\"id\":\"j\",\"text\":\"B\"}\n"
                           "{\"id\":\"x\",\"text\":\"C\"}\n");
    Read r = ReadInputs({dir.path().string(), jsonl.string()});
    CHECK(Ids(r) == std::vector<std::string>{"x", "x", "j", "j", "x"});
    std::vector<std::string> places;
    for (const auto& d : r.diagnostics) {
      CHECK(d.severity == Diagnostic::Severity::kWarning);
      CHECK(d.message.find("duplicate id") != std::string::npos);
      places.push_back(d.where);
    }
    CHECK(places ==
          std::vector<std::string>{two.string(), jsonl.string() + ":2", jsonl.string() + ":3"});
  }

  TEST_CASE("meta.jsonl gives outlet, url and date per file stem") {
    testing::TempDir dir;
    dir.Write("x/one.txt", "1");
    dir.Write("x/two.txt", "2");
    dir.Write("x/meta.jsonl",
              "{\"doc\": \"one\", \"outlet\": \"Nile Courier\", \"url\": \"http://p\", "
              "\"date\": \"2024-10-15\"}\n");
    struct Row {
      std::string input;
      std::vector<std::string> outlets;
    };
    const std::vector<Row> rows = {
        {(dir.path() / "x").string(), {"Nile Courier", ""}},
        {(dir.path() / "x" / "one.txt").string(), {"Nile Courier"}},  // a single file too
        {(dir.path() / "x" / "two.txt").string(), {""}},
    };
    for (const Row& row : rows) {
      CAPTURE(row.input);
      Read r = ReadInputs({row.input});
      std::vector<std::string> outlets;
      for (const auto& d : r.docs) outlets.push_back(d.outlet);
      CHECK(outlets == row.outlets);
      CHECK(r.diagnostics.empty());
      if (!r.docs.empty() && r.docs[0].id == "one") {
        CHECK(r.docs[0].date == "2024-10-15");
        CHECK(r.docs[0].url == "http://p");
      }
    }
  }

  TEST_CASE("a missing path is an error naming it; the other inputs are read") {
    testing::TempDir dir;
    auto a = dir.Write("a.txt", "A");
    auto b = dir.Write("b.jsonl", "{\"id\":\"j1\",\"text\":\"J\"}\n");
    std::string missing = (dir.path() / "missing.txt").string();
    Read r = ReadInputs({a.string(), missing, b.string()});
    CHECK(Ids(r) == std::vector<std::string>{"a", "j1"});
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Diagnostic::Severity::kError);
    CHECK(r.diagnostics[0].where == missing);
  }

  // Regression (issue 10): a directory with no *.txt gave status 0 and no
  // word; it is a warning now (nothing to read is no failure).
  TEST_CASE("a directory without document files is a warning naming it") {
    testing::TempDir dir;
    dir.Write("d/notes.md", "x");
    dir.Write("d/meta.jsonl", "");
    const std::string d = (dir.path() / "d").string();
    Read r = ReadInputs({d});
    CHECK(r.docs.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].ToString() ==
          d + ": warning: no *.txt file found under this directory; nothing read from it");
    IngestConfig jsonl;
    jsonl.format = InputFormat::kJsonl;
    CHECK(HasDiagnostic(ReadInputs({d}, jsonl), Diagnostic::Severity::kWarning, "no *.jsonl file"));
  }

  // Regression (issue 10): `whosaid extract a.txt -o a.txt` replaced the
  // article with its records. InputThatReads is how the commands refuse it.
  TEST_CASE("InputThatReads: an output file that the run would read") {
    testing::TempDir dir;
    const fs::path a = dir.Write("a.txt", "A"), j = dir.Write("c/j.jsonl", "{}\n");
    const fs::path nested = dir.Write("c/sub/n.txt", "N"), meta = dir.Write("c/meta.jsonl", "");
    const fs::path other = dir.Write("o/other.txt", "O"), link = dir.path() / "link.txt";
    const fs::path top_meta = dir.Write("meta.jsonl", "");
    fs::create_symlink(a, link);
    IngestConfig text, jsonl;
    jsonl.format = InputFormat::kJsonl;
    struct Row {
      std::string name;
      std::vector<std::string> inputs;
      IngestConfig config;
      fs::path output;
      std::string expected;  // the input named, "" when none
    };
    const std::string c = (dir.path() / "c").string();
    const std::vector<Row> rows = {
        {"the input itself", {a.string()}, text, a, a.string()},
        {"through a symlink", {link.string()}, text, a, link.string()},
        {"under an input directory", {c}, text, nested, c},
        {"the sidecar of an input directory", {c}, text, meta, c},
        {"the sidecar beside an input text file", {a.string()}, text, top_meta, a.string()},
        {"another directory's sidecar",
         {nested.string(), (dir.path() / "c/x.txt").string()},
         text,
         meta,
         ""},
        {"a *.jsonl under a directory read as JSON Lines", {c}, jsonl, j, c},
        {"a *.jsonl under a directory read as text", {c}, text, j, ""},
        {"a file elsewhere", {a.string(), c}, text, other, ""},
        {"a file that does not exist yet", {c}, text, dir.path() / "c/new.txt", ""},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(InputThatReads(row.inputs, row.config, row.output).value_or("") == row.expected);
    }
  }

  TEST_CASE("--input-format decides how files are read") {
    testing::TempDir dir;
    auto jsonl = dir.Write("d.jsonl", "{\"id\":\"j1\",\"text\":\"J\"}\n");
    auto txt = dir.Write("t.txt", "{\"id\":\"j2\",\"text\":\"J\"}\n");
    struct Row {
      InputFormat format;
      std::vector<std::string> ids;
    };
    const std::vector<Row> rows = {
        {InputFormat::kAuto, {"j1", "t"}},
        {InputFormat::kText, {"d", "t"}},
        {InputFormat::kJsonl, {"j1", "j2"}},
    };
    for (const Row& row : rows) {
      IngestConfig config;
      config.format = row.format;
      CHECK(Ids(ReadInputs({jsonl.string(), txt.string()}, config)) == row.ids);
    }
  }

  TEST_CASE("text documents: invalid UTF-8, binary files and size limits") {
    IngestConfig small;
    small.max_doc_bytes = 16;
    struct Row {
      std::string name;
      std::string bytes;
      IngestConfig config;
      bool has_doc;
      Diagnostic::Severity severity;
      std::string message;  // "" → no diagnostic
    };
    const std::vector<Row> rows = {
        {"plain",
         "He said \xE2\x80\x9Chi\xE2\x80\x9D.",
         {},
         true,
         Diagnostic::Severity::kWarning,
         ""},
        {"invalid UTF-8",
         "ab\xFF"
         "c\xC3",
         {},
         true,
         Diagnostic::Severity::kWarning,
         "f.txt: byte 2: warning: invalid UTF-8, replaced with U+FFFD (2 sequences)"},
        {"binary",
         std::string("PK\0\3", 4) + "zip",
         {},
         false,
         Diagnostic::Severity::kWarning,
         "binary file"},
        {"too large", std::string(17, 'x'), small, false, Diagnostic::Severity::kError,
         "larger than --max-doc-bytes"},
        {"at the limit", std::string(16, 'x'), small, true, Diagnostic::Severity::kWarning, ""},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      LoadedDocument loaded = MakeTextDocument(row.bytes, "f", "f.txt", row.config);
      CHECK(loaded.doc.has_value() == row.has_doc);
      if (row.message.empty()) {
        CHECK(loaded.diagnostics.empty());
        continue;
      }
      REQUIRE(loaded.diagnostics.size() == 1);
      CHECK(loaded.diagnostics[0].severity == row.severity);
      CHECK(loaded.diagnostics[0].ToString().find(row.message) != std::string::npos);
    }
    LoadedDocument bad = MakeTextDocument(
        "ab\xFF"
        "c",
        "f", "f.txt", {});
    REQUIRE(bad.doc);
    CHECK(bad.doc->text ==
          "ab\xEF\xBF\xBD"
          "c");
  }

  TEST_CASE("files on disk: oversized and unreadable files are skipped with an error") {
    testing::TempDir dir;
    auto big = dir.Write("big.txt", std::string(100, 'x'));
    auto ok = dir.Write("ok.txt", "fine");
    IngestConfig config;
    config.max_doc_bytes = 50;
    Read r = ReadInputs({big.string(), ok.string()}, config);
    CHECK(Ids(r) == std::vector<std::string>{"ok"});
    CHECK(HasDiagnostic(r, Diagnostic::Severity::kError, "big.txt: error: document larger"));
  }
}

}  // namespace whosaid::ingest
