#include "index/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace whosaid::index {

Db Db::Open(const std::filesystem::path& path, Mode mode) {
  sqlite3* db = nullptr;
  const int flags =
      mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    throw IndexError(path.string() + ": cannot open the index: " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 5000);  // another writer: wait, then fail clearly
  return Db(db, path.string());
}

Db::Db(Db&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Db::~Db() { sqlite3_close(db_); }

void Db::Fail(int rc) const {
  const char* message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  throw IndexError(path_ + ": " + message);
}

Stmt Db::Prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) Fail(rc);
  return Stmt(*this, stmt);
}

void Db::Exec(std::string_view sql) const {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) Fail(rc);
}

std::optional<std::int64_t> Db::Int(std::string_view sql) const {
  Stmt s = Prepare(sql);
  if (!s.Step()) return std::nullopt;
  return s.Int(0);
}

Stmt::Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int i, std::string_view text) {
  const int rc =
      sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) db_->Fail(rc);
  return *this;
}

Stmt& Stmt::Bind(int i, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, i, value);
  if (rc != SQLITE_OK) db_->Fail(rc);
  return *this;
}

Stmt& Stmt::Bind(int i, double value) {
  const int rc = sqlite3_bind_double(stmt_, i, value);
  if (rc != SQLITE_OK) db_->Fail(rc);
  return *this;
}

Stmt& Stmt::BindNull(int i) {
  const int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK) db_->Fail(rc);
  return *this;
}

bool Stmt::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->Fail(rc);
}

void Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::string Stmt::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Real(int col) const { return sqlite3_column_double(stmt_, col); }
int Stmt::Columns() const { return sqlite3_column_count(stmt_); }
std::string Stmt::ColumnName(int col) const { return sqlite3_column_name(stmt_, col); }

Transaction::Transaction(const Db& db) : db_(db) { db_.Exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.Exec("ROLLBACK");
  } catch (const IndexError&) {  // nothing more to undo (SQLite rolled back itself)
  }
}

void Transaction::Commit() {
  db_.Exec("COMMIT");
  open_ = false;
}

ReadSnapshot::ReadSnapshot(const Db& db) : db_(db) {
  if (sqlite3_get_autocommit(db_.handle()) == 0) return;  // the caller's transaction
  db_.Exec("BEGIN");
  began_ = true;
}

ReadSnapshot::~ReadSnapshot() {
  if (!began_) return;
  // A read transaction has nothing to keep; ending it is what matters (an
  // open one would pin this snapshot for every later search).
  if (sqlite3_get_autocommit(db_.handle()) == 0)
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace whosaid::index
