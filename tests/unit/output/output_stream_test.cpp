// Tests for output/output_stream.h FileOutput: its own unpredictable
// temporary file beside the target, renamed into place on Commit() and
// removed otherwise; never written through a planted symlink.
#include "output/output_stream.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../ingest/temp_dir.h"

namespace whosaid::output {
namespace fs = std::filesystem;
namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The names in `dir`, sorted.
std::vector<std::string> Names(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_SUITE("output.file") {
  TEST_CASE("FileOutput: a temporary file of its own, renamed on Commit, removed otherwise") {
    testing::TempDir dir;
    const fs::path target = dir.path() / "out.jsonl";
    {
      FileOutput out(target);
      const fs::path temp = out.temp_path();
      CHECK(temp.parent_path() == dir.path());
      CHECK(temp.filename().string().rfind("out.jsonl.", 0) == 0);
      CHECK(temp.filename().string() != "out.jsonl.tmp");  // not a name known in advance
      out.Write("one\n");
      CHECK(fs::exists(temp));
      CHECK(!fs::exists(target));
      out.Commit();
      CHECK(!fs::exists(temp));
    }
    CHECK(Slurp(target) == "one\n");
    {
      FileOutput out(target);  // not committed: the old file stays, no temporary
      out.Write("two\n");
    }
    CHECK(Slurp(target) == "one\n");
    CHECK(Names(dir.path()) == std::vector<std::string>{"out.jsonl"});
  }

  // Past kWritebackChunk the file's write-out is started as it is written
  // (a hint to the kernel): the bytes, in order, and the commit are as
  // before, whatever the sizes of the writes and where the chunks end.
  TEST_CASE("FileOutput: a file of several write-out chunks is whole after Commit") {
    testing::TempDir dir;
    const fs::path target = dir.path() / "big.jsonl";
    const std::size_t sizes[] = {1, 4095, 65536, 65537, 1000003};
    std::string expected;
    {
      FileOutput out(target);
      for (std::size_t i = 0; expected.size() < 2 * FileOutput::kWritebackChunk + 12345; ++i) {
        std::string piece(sizes[i % std::size(sizes)], static_cast<char>('a' + i % 26));
        out.Write(piece);
        expected += piece;
        if (i % 7 == 3) out.Flush();
      }
      out.Commit();
    }
    CHECK(fs::file_size(target) == expected.size());
    CHECK(Slurp(target) == expected);
    CHECK(Names(dir.path()) == std::vector<std::string>{"big.jsonl"});
  }

  // Regression (issue 10): FILE.tmp was opened without O_EXCL|O_NOFOLLOW; a
  // symlink planted there made whosaid overwrite the link's target.
  TEST_CASE("FileOutput: a symlink planted at FILE.tmp is neither followed nor replaced") {
    testing::TempDir dir;
    const fs::path victim = dir.Write("victim.txt", "precious\n");
    fs::create_symlink(victim, dir.path() / "v.jsonl.tmp");
    FileOutput out(dir.path() / "v.jsonl");
    out.Write("records\n");
    out.Commit();
    CHECK(Slurp(victim) == "precious\n");
    CHECK(fs::is_symlink(dir.path() / "v.jsonl.tmp"));
    CHECK(!fs::is_symlink(dir.path() / "v.jsonl"));
    CHECK(Slurp(dir.path() / "v.jsonl") == "records\n");
  }

  // Regression (issue 10): two runs with the same -o shared FILE.tmp and
  // left a torn mix of both.
  TEST_CASE("FileOutput: two writers of one file never share a temporary file") {
    testing::TempDir dir;
    FileOutput a(dir.path() / "o.jsonl"), b(dir.path() / "o.jsonl");
    CHECK(a.temp_path() != b.temp_path());
    a.Write(std::string(100000, 'a'));
    b.Write(std::string(100000, 'b'));
    a.Commit();
    b.Commit();
    CHECK(Slurp(dir.path() / "o.jsonl") == std::string(100000, 'b'));
  }

  TEST_CASE("FileOutput: the new file keeps the permissions of the one it replaces") {
    testing::TempDir dir;
    const fs::path target = dir.Write("p.jsonl", "old\n");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    FileOutput out(target);
    out.Commit();
    CHECK(fs::status(target).permissions() ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  }

  TEST_CASE("FileOutput: a directory that cannot hold the temporary file is named") {
    testing::TempDir dir;
    const fs::path target = dir.path() / "missing" / "x.jsonl";
    CHECK_THROWS_WITH_AS(FileOutput{target},
                         (target.string() + ": cannot create a temporary file in " +
                          (dir.path() / "missing").string() + "/: No such file or directory")
                             .c_str(),
                         WriteError);
  }

  TEST_CASE("SameFile: the same device and inode, through links") {
    testing::TempDir dir;
    const fs::path a = dir.Write("a.txt", "A"), b = dir.Write("b.txt", "A");
    fs::create_symlink(a, dir.path() / "l.txt");
    CHECK(SameFile(a, a));
    CHECK(SameFile(a, dir.path() / "l.txt"));
    CHECK(!SameFile(a, b));
    CHECK(!SameFile(a, dir.path() / "none.txt"));
  }
}

}  // namespace whosaid::output
