#include "index/ranker.h"

#include <sqlite3.h>

#include <cmath>
#include <string>

namespace whosaid::index {

struct Ranker::State {
  std::vector<std::uint32_t> sizes;  // tokens of row i in all columns; 0 = not known
  std::vector<bool> kept;            // whosaid_kept(i)
  bool loaded = false;               // `sizes` holds every row's
  std::int64_t loaded_version = -1;  // data_version and changes `sizes` belongs to
  std::int64_t loaded_changes = -1;
};

namespace {

using StatePtr = std::shared_ptr<Ranker::State>;

void DeleteState(void* p) { delete static_cast<StatePtr*>(p); }

// SQLite's varint (big-endian groups of 7 bits), as in quotes_fts_docsize.
std::uint32_t Varint(const unsigned char* p, int n, int& i) {
  std::uint32_t v = 0;
  while (i < n) {
    const unsigned char c = p[i++];
    v = (v << 7) | (c & 0x7F);
    if (!(c & 0x80)) break;
  }
  return v;
}

// FTS5's bm25 per query: the IDF of each phrase and the mean row size.
struct Bm25Data {
  double avgdl = 0;
  std::vector<double> idf, freq;
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* count) {
  ++*static_cast<sqlite3_int64*>(count);
  return SQLITE_OK;
}

int Bm25Prepare(const Fts5ExtensionApi* api, Fts5Context* fts, Bm25Data*& out) {
  out = static_cast<Bm25Data*>(api->xGetAuxdata(fts, 0));
  if (out) return SQLITE_OK;
  auto data = std::make_unique<Bm25Data>();
  const int phrases = api->xPhraseCount(fts);
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  data->avgdl = static_cast<double>(tokens) / static_cast<double>(rows);
  for (int i = 0; i < phrases; ++i) {
    sqlite3_int64 hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, CountRow);
    if (rc != SQLITE_OK) return rc;
    double idf =
        std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    data->idf.push_back(idf);
  }
  data->freq.resize(static_cast<std::size_t>(phrases));
  out = data.get();
  return api->xSetAuxdata(fts, data.release(), [](void* p) { delete static_cast<Bm25Data*>(p); });
}

// fts5_aux.c's fts5Bm25Function, operation for operation, with the row size
// from the state's array.
void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_args,
          sqlite3_value** args) {
  const double k1 = 1.2, b = 0.75;
  const Ranker::State& state = **static_cast<StatePtr*>(api->xUserData(fts));
  Bm25Data* data = nullptr;
  int rc = Bm25Prepare(api, fts, data);
  int insts = 0;
  if (rc == SQLITE_OK) {
    std::fill(data->freq.begin(), data->freq.end(), 0.0);
    rc = api->xInstCount(fts, &insts);
  }
  for (int i = 0; rc == SQLITE_OK && i < insts; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) {
      const double w = n_args > column ? sqlite3_value_double(args[column]) : 1.0;
      data->freq[static_cast<std::size_t>(phrase)] += w;
    }
  }
  double size = 0;
  if (rc == SQLITE_OK) {
    const sqlite3_int64 row = api->xRowid(fts);
    if (row >= 0 && static_cast<std::uint64_t>(row) < state.sizes.size() &&
        state.sizes[static_cast<std::size_t>(row)] != 0) {
      size = state.sizes[static_cast<std::size_t>(row)];
    } else {
      int tokens = 0;
      rc = api->xColumnSize(fts, -1, &tokens);
      size = tokens;
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0.0;
  for (std::size_t i = 0; i < data->idf.size(); ++i) {
    score += data->idf[i] * ((data->freq[i] * (k1 + 1.0)) /
                             (data->freq[i] + k1 * (1 - b + b * size / data->avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

void Kept(sqlite3_context* ctx, int, sqlite3_value** args) {
  const Ranker::State& state = **static_cast<StatePtr*>(sqlite3_user_data(ctx));
  const sqlite3_int64 row = sqlite3_value_int64(args[0]);
  sqlite3_result_int(ctx, row >= 0 && static_cast<std::uint64_t>(row) < state.kept.size() &&
                              state.kept[static_cast<std::size_t>(row)]);
}

fts5_api* Fts5Api(const Db& db) {
  fts5_api* api = nullptr;
  // The FTS5 API pointer comes out through a bound pointer (sqlite.org/fts5.html §7).
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
    db.Fail(SQLITE_ERROR);
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (!api) throw IndexError(db.path() + ": this libsqlite3 has no FTS5");
  return api;
}

}  // namespace

Ranker::Ranker(const Db& db) : db_(db), state_(std::make_shared<State>()) {
  fts5_api* api = Fts5Api(db);
  int rc = api->xCreateFunction(api, "whosaid_bm25", new StatePtr(state_), Bm25, DeleteState);
  if (rc == SQLITE_OK) {
    rc = sqlite3_create_function_v2(db.handle(), "whosaid_kept", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                    new StatePtr(state_), Kept, nullptr, nullptr, DeleteState);
  }
  if (rc != SQLITE_OK) db.Fail(rc);
}

Ranker::~Ranker() {
  // The registered functions keep the state alive; leave them nothing stale.
  state_->sizes.clear();
  state_->kept.clear();
}

void Ranker::LoadSizes(bool needed) {
  const std::int64_t version = db_.Int("PRAGMA data_version").value_or(0);
  const std::int64_t changes = sqlite3_total_changes64(db_.handle());
  if (version != state_->loaded_version || changes != state_->loaded_changes) {
    state_->sizes.clear();  // of another state of the index
    state_->loaded = false;
    state_->loaded_version = version;
    state_->loaded_changes = changes;
  }
  if (!needed || state_->loaded) return;
  std::vector<std::uint32_t> sizes;
  Stmt s = db_.Prepare("SELECT id, sz FROM quotes_fts_docsize ORDER BY id");
  while (s.Step()) {
    const std::int64_t id = s.Int(0);
    if (id < 0) continue;
    const std::string blob = s.Text(1);
    const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
    const int n = static_cast<int>(blob.size());
    std::uint32_t total = 0;
    for (int i = 0; i < n;) total += Varint(p, n, i);
    if (sizes.size() <= static_cast<std::size_t>(id))
      sizes.resize(static_cast<std::size_t>(id) + 1);
    sizes[static_cast<std::size_t>(id)] = total;
  }
  state_->sizes = std::move(sizes);
  state_->loaded = true;
}

void Ranker::Keep(const std::vector<std::int64_t>& ids) {
  std::vector<bool>& kept = state_->kept;
  std::fill(kept.begin(), kept.end(), false);
  for (const std::int64_t id : ids) {
    if (id < 0) continue;
    if (kept.size() <= static_cast<std::size_t>(id)) kept.resize(static_cast<std::size_t>(id) + 1);
    kept[static_cast<std::size_t>(id)] = true;
  }
}

}  // namespace whosaid::index
