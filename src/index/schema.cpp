#include "index/schema.h"

#include <string>

namespace whosaid::index {
namespace {

// docs/index.md explains every column. Derived tables (all but meta and
// documents) are rewritten by every batch (index/writer.h). The indexes on
// outlet, kind and date each hold the other two, so any mix of those
// filters is read from one index alone; quotes_walk holds every indexed
// filter's column in id order, to stop at the first results that pass a
// broad filter (index/query.h); quotes_outlet_walk the same within one outlet.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(
  id TEXT PRIMARY KEY, outlet TEXT, url TEXT, date TEXT, source TEXT,
  text TEXT NOT NULL, partial TEXT NOT NULL);
CREATE TABLE entities(
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, quotes INTEGER NOT NULL);
CREATE TABLE variants(
  entity TEXT NOT NULL, form TEXT NOT NULL, count INTEGER NOT NULL,
  docs TEXT NOT NULL, outlets TEXT NOT NULL, PRIMARY KEY(entity, form));
CREATE TABLE roles(
  entity TEXT NOT NULL, rank INTEGER NOT NULL, role TEXT, affiliation TEXT,
  PRIMARY KEY(entity, rank));
CREATE TABLE name_keys(key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY(key, entity))
  WITHOUT ROWID;
CREATE TABLE events(
  id TEXT PRIMARY KEY, rank INTEGER NOT NULL, type TEXT NOT NULL, type_path TEXT NOT NULL,
  label TEXT NOT NULL, "when" TEXT, "where" TEXT NOT NULL, places TEXT NOT NULL,
  actors TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE TABLE event_docs(event TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(event, doc))
  WITHOUT ROWID;
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY, doc TEXT NOT NULL, seq INTEGER NOT NULL,
  kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  cue TEXT, cue_start INTEGER, cue_end INTEGER,
  speaker_entity TEXT, speaker_name TEXT, speaker_type TEXT, mention TEXT,
  mention_start INTEGER, mention_end INTEGER, role TEXT, affiliation TEXT,
  event TEXT, statement TEXT, statement_appearances INTEGER,
  confidence REAL NOT NULL, outlet TEXT, date TEXT, record TEXT NOT NULL);
CREATE INDEX quotes_doc ON quotes(doc, seq);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE INDEX quotes_event ON quotes(event);
CREATE INDEX quotes_outlet ON quotes(outlet COLLATE NOCASE, date, kind);
CREATE INDEX quotes_kind ON quotes(kind, date, outlet);
CREATE INDEX quotes_date ON quotes(date, kind, outlet);
CREATE INDEX quotes_walk ON quotes(id, kind, outlet, date, speaker_entity, event);
CREATE INDEX quotes_outlet_walk ON quotes(outlet COLLATE NOCASE, id, kind, date, speaker_entity,
  event);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  quote, speaker, variants, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
)sql";

bool IsEmpty(const Db& db) { return db.Int("SELECT count(*) FROM sqlite_schema").value_or(0) == 0; }

// Refuses what is not a whosaid index of this version; reads only.
void Check(const Db& db) {
  std::optional<std::int64_t> app;
  try {
    app = db.Int("PRAGMA application_id");
  } catch (const IndexError& e) {
    throw IndexError(std::string(e.what()) + " (not a whosaid index; left as it is)");
  }
  if (app.value_or(0) != kApplicationId) {
    throw IndexError(db.path() +
                     ": not a whosaid index (an SQLite database another program wrote); "
                     "left as it is: give another --db");
  }
  Stmt s = db.Prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  const std::string version = s.Step() ? s.Text(0) : "";
  if (version != std::to_string(kSchemaVersion)) {
    throw IndexError(db.path() + ": a whosaid index of schema version " +
                     (version.empty() ? "?" : version) + ", this whosaid reads version " +
                     std::to_string(kSchemaVersion) +
                     "; left as it is: rebuild it into a new --db");
  }
}

void Create(const Db& db) {
  Transaction t(db);
  if (!IsEmpty(db)) return;  // another process created it meanwhile (checked after)
  db.Exec(kSchema);
  db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  Stmt meta = db.Prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
  meta.Bind(1, "schema_version").Bind(2, std::to_string(kSchemaVersion)).Run();
  meta.Reset();
  meta.Bind(1, "whosaid_version").Bind(2, WHOSAID_VERSION).Run();
  t.Commit();
}

}  // namespace

Db OpenForWriting(const std::filesystem::path& path) {
  Db db = Db::Open(path, Db::Mode::kReadWrite);
  bool empty = false;
  try {
    empty = IsEmpty(db) && db.Int("PRAGMA application_id").value_or(0) == 0;
  } catch (const IndexError& e) {
    throw IndexError(std::string(e.what()) + " (not a whosaid index; left as it is)");
  }
  if (empty) {
    db.Exec("PRAGMA journal_mode = WAL");
    Create(db);
  }
  Check(db);
  db.Exec("PRAGMA journal_mode = WAL");
  db.Exec("PRAGMA synchronous = NORMAL");  // WAL: durable at checkpoints, never corrupt
  db.Exec("PRAGMA foreign_keys = OFF");
  return db;
}

Db OpenForReading(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw IndexError(path.string() + ": no such index: build it with 'whosaid index --db " +
                     path.string() + " PATH...'");
  }
  Db db = Db::Open(path, Db::Mode::kReadOnly);
  Check(db);
  // Searches read a few rows from many pages: map the file (no copy into
  // SQLite's cache, no read() per page) and keep more pages cached.
  db.Exec("PRAGMA mmap_size = 1073741824");
  db.Exec("PRAGMA cache_size = -32768");
  return db;
}

}  // namespace whosaid::index
