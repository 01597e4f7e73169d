// whosaid::index::Db and Stmt — a thin RAII layer over libsqlite3 for the
// quote index: one connection, prepared statements with bound parameters
// only (nothing a user types is ever pasted into SQL text).
//
// Contract
//   * Every failure throws IndexError whose message names the database file
//     and SQLite's own words ("whosaid.db: fts5: syntax error near …").
//   * Stmt::Step() returns true while a row is ready; Reset() makes a
//     statement reusable; columns are read by index.
//   * Transaction commits only by Commit(); its destructor rolls back, so an
//     exception (or a crash: SQLite's journal) leaves the database as it was.
//
// Example
//   Db db = Db::Open("whosaid.db", Db::Mode::kReadOnly);
//   Stmt s = db.Prepare("SELECT name FROM entities WHERE id = ?");
//   s.Bind(1, "P3");
//   while (s.Step()) use(s.Text(0));
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace whosaid::index {

class IndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Stmt;

class Db {
 public:
  enum class Mode { kReadOnly, kReadWrite };  // kReadWrite creates a missing file
  static Db Open(const std::filesystem::path& path, Mode mode);
  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  ~Db();

  Stmt Prepare(std::string_view sql) const;
  void Exec(std::string_view sql) const;  // one or more statements, no parameters
  // The first column of the first row of `sql`, or nullopt when no row.
  std::optional<std::int64_t> Int(std::string_view sql) const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }  // for registering functions (index/ranker.h)
  // Throws IndexError naming the file with SQLite's message for `rc`.
  [[noreturn]] void Fail(int rc) const;

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Stmt {
 public:
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&&) = delete;
  ~Stmt();

  // Parameters are numbered from 1.
  Stmt& Bind(int i, std::string_view text);
  Stmt& Bind(int i, std::int64_t value);
  Stmt& Bind(int i, double value);
  Stmt& BindNull(int i);
  bool Step();
  void Run() {  // steps to the end (an INSERT, UPDATE or DELETE)
    while (Step()) {
    }
  }
  void Reset();

  bool IsNull(int col) const;
  std::string Text(int col) const;
  std::int64_t Int(int col) const;
  double Real(int col) const;
  int Columns() const;
  std::string ColumnName(int col) const;

 private:
  friend class Db;
  Stmt(const Db& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
  const Db* db_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE on construction (the write lock at once: a second writer
// waits, then fails clearly); ROLLBACK on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(const Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  const Db& db_;
  bool open_ = true;
};

// A read snapshot: BEGIN (deferred) on construction when no transaction is
// open, COMMIT on destruction — every statement between sees one state of
// the index even while a writer commits a batch.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(const Db& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  const Db& db_;
  bool began_ = false;
};

}  // namespace whosaid::index
