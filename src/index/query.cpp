#include "index/query.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <variant>

namespace whosaid::index {
namespace {

using nlohmann::json;

// A query built from fixed SQL fragments and the values bound to them.
struct Sql {
  std::string text;
  std::vector<std::variant<std::string, std::int64_t>> args;
  template <typename T>
  void Where(const char* fragment, const T& value) {
    text += fragment;
    args.emplace_back(value);
  }
};

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The ranked ids first (only id and score go through the sorter), then the
// rows and snippets of those ids alone.
Sql BuildSearch(const SearchQuery& q, const std::vector<std::string>& speakers, bool rank) {
  const bool fts = !q.text.empty();
  Sql sql;
  sql.text =
      "SELECT q.id, q.record, q.doc, d.url, q.date, q.outlet, q.text, q.speaker_name, q.role, "
      "q.kind, q.byte_start, q.byte_end, ";
  sql.text += fts ? "snippet(quotes_fts, 0, '[', ']', '…', 24) " : "NULL ";
  sql.text += "FROM (SELECT q.id AS id, ";
  sql.text += fts && rank ? "bm25(quotes_fts, 2.0, 1.0, 1.0) " : "0 ";
  sql.text += "AS score FROM quotes q ";
  if (fts) sql.text += "JOIN quotes_fts ON quotes_fts.rowid = q.id ";
  sql.text += "WHERE 1 ";
  if (fts) sql.Where("AND quotes_fts MATCH ? ", q.text);
  if (!q.speaker.empty())
    sql.Where("AND q.speaker_entity IN (SELECT value FROM json_each(?)) ", json(speakers).dump());
  if (!q.entity.empty()) sql.Where("AND q.speaker_entity = ? ", q.entity);
  if (!q.role.empty()) sql.Where("AND instr(lower(q.role), lower(?)) > 0 ", q.role);
  if (!q.outlet.empty()) sql.Where("AND q.outlet = ? COLLATE NOCASE ", q.outlet);
  if (!q.event.empty()) sql.Where("AND q.event = ? ", q.event);
  for (const std::string& w : Words(q.about)) {
    sql.Where(
        "AND q.event IN (SELECT id FROM events WHERE "
        "instr(lower(label || ' ' || type_path), lower(?)) > 0) ",
        w);
  }
  if (!q.kind.empty()) sql.Where("AND q.kind = ? ", q.kind);
  if (!q.from.empty()) sql.Where("AND q.date >= ? ", q.from);
  // "2023-05" takes every day of May: '~' sorts after every digit and '-'.
  if (!q.to.empty()) sql.Where("AND q.date <= ? || '~' ", q.to);
  // Unranked full-text results come in the FTS index's own (rowid) order,
  // which stops at the limit instead of scoring every match.
  sql.Where(fts && !rank ? "ORDER BY quotes_fts.rowid LIMIT ?) AS top "
                         : "ORDER BY score, q.id LIMIT ?) AS top ",
            std::max<std::int64_t>(q.limit, 0));
  sql.text += "JOIN quotes q ON q.id = top.id JOIN documents d ON d.id = q.doc ";
  if (fts)
    sql.Where("JOIN quotes_fts ON quotes_fts.rowid = top.id AND quotes_fts MATCH ? ", q.text);
  sql.text += "ORDER BY top.score, top.id";
  return sql;
}

Hit ReadHit(const Stmt& s) {
  Hit h;
  h.id = s.Int(0);
  h.record = s.Text(1);
  h.doc = s.Text(2);
  h.url = s.Text(3);
  h.date = s.Text(4);
  h.outlet = s.Text(5);
  h.text = s.Text(6);
  h.speaker = s.Text(7);
  h.role = s.Text(8);
  h.kind = s.Text(9);
  h.byte_start = s.Int(10);
  h.byte_end = s.Int(11);
  h.snippet = s.IsNull(12) ? h.text : s.Text(12);
  return h;
}

std::vector<Variant> VariantsOf(const Db& db, const std::string& id) {
  std::vector<Variant> out;
  Stmt s = db.Prepare(
      "SELECT form, count, docs, outlets FROM variants WHERE entity = ? ORDER BY count DESC, "
      "form");
  s.Bind(1, id);
  while (s.Step()) out.push_back({s.Text(0), s.Int(1), s.Text(2), s.Text(3)});
  return out;
}

// Cuts `pos` back to the start of a UTF-8 character.
std::size_t CharStart(const std::string& text, std::size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
    --pos;
  return pos;
}

}  // namespace

Searcher::Searcher(const Db& db, const rules::RuleSet& rules) : db_(db), finder_(rules) {}

// bm25 reads each match's row sizes: for a text matching a large part of the
// index ("said") scoring every match would cost seconds, so such a text is
// answered in index order instead.
bool Searcher::Rankable(const std::string& text) {
  if (text.empty()) return false;
  Stmt count = db_.Prepare(
      "SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)");
  count.Bind(1, text).Bind(2, static_cast<std::int64_t>(kMaxRanked) + 1);
  try {
    return count.Step() && count.Int(0) <= static_cast<std::int64_t>(kMaxRanked);
  } catch (const IndexError&) {
    return false;  // the search itself reports the syntax error
  }
}
Searcher::~Searcher() = default;

std::vector<Hit> Searcher::Search(const SearchQuery& query) {
  std::vector<std::string> speakers;
  if (!query.speaker.empty()) {
    speakers = finder_.Find(db_, query.speaker);
    if (speakers.empty()) return {};
  }
  const Sql sql = BuildSearch(query, speakers, Rankable(query.text));
  Stmt s = db_.Prepare(sql.text);
  int i = 0;
  for (const auto& arg : sql.args) std::visit([&](const auto& v) { s.Bind(++i, v); }, arg);
  std::vector<Hit> hits;
  try {
    while (s.Step()) hits.push_back(ReadHit(s));
  } catch (const IndexError& e) {
    if (query.text.empty()) throw;
    // The only user-written SQL input is the FTS5 query; SQLite's message
    // says what it could not read ("fts5: syntax error near …").
    std::string what = e.what();
    if (const auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    throw QueryError("cannot read the search text '" + query.text + "': " + what);
  }
  return hits;
}

std::vector<EntityEntry> Searcher::Speakers(std::string_view name) {
  std::vector<std::string> ids = finder_.Find(db_, name);
  Stmt contains = db_.Prepare(
      "SELECT DISTINCT entity FROM variants WHERE instr(lower(form), lower(?)) > 0 LIMIT 200");
  contains.Bind(1, name);
  while (contains.Step()) ids.push_back(contains.Text(0));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<EntityEntry> out;
  for (const std::string& id : ids) {
    if (std::optional<EntityEntry> e = Entity(id)) out.push_back(std::move(*e));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const EntityEntry& a, const EntityEntry& b) { return a.quotes > b.quotes; });
  return out;
}

std::optional<EntityEntry> Searcher::Entity(std::string_view id) {
  Stmt s = db_.Prepare("SELECT id, type, name, quotes FROM entities WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  EntityEntry e{s.Text(0), s.Text(1), s.Text(2), s.Int(3), {}, {}};
  e.variants = VariantsOf(db_, e.id);
  Stmt roles = db_.Prepare("SELECT role, affiliation FROM roles WHERE entity = ? ORDER BY rank");
  roles.Bind(1, e.id);
  while (roles.Step()) e.roles.emplace_back(roles.Text(0), roles.Text(1));
  return e;
}

std::optional<EventEntry> Searcher::Event(std::string_view id) {
  Stmt s = db_.Prepare(
      "SELECT id, type, label, \"when\", \"where\", places, actors, mentions FROM events "
      "WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  EventEntry e{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4),
               s.Text(5), s.Text(6), s.Int(7),  {}};
  Stmt docs = db_.Prepare("SELECT doc FROM event_docs WHERE event = ? ORDER BY doc");
  docs.Bind(1, e.id);
  while (docs.Step()) e.docs.push_back(docs.Text(0));
  return e;
}

Paragraph Searcher::Context(const Hit& hit) {
  Stmt s = db_.Prepare("SELECT text FROM documents WHERE id = ?");
  s.Bind(1, hit.doc);
  if (!s.Step()) return {};
  const std::string text = s.Text(0);
  constexpr std::size_t kMaxSide = 1500;  // bytes of context on each side at most
  const std::size_t b =
      std::min<std::size_t>(static_cast<std::size_t>(hit.byte_start), text.size());
  const std::size_t e =
      std::clamp<std::size_t>(static_cast<std::size_t>(hit.byte_end), b, text.size());
  std::size_t from = text.rfind('\n', b == 0 ? 0 : b - 1);
  from = (from == std::string::npos || b == 0) ? 0 : from + 1;
  if (b - from > kMaxSide) from = CharStart(text, b - kMaxSide);
  std::size_t to = text.find('\n', e);
  if (to == std::string::npos) to = text.size();
  if (to - e > kMaxSide) to = CharStart(text, e + kMaxSide);
  return {text.substr(from, b - from), text.substr(b, e - b), text.substr(e, to - e)};
}

std::string JsonlLine(const Hit& hit) {
  std::string line = hit.record;
  if (!line.empty() && line.back() == '}') line.pop_back();
  line += ",\"url\":";
  line += hit.url.empty() ? "null" : json(hit.url).dump();
  line += ",\"date\":";
  line += hit.date.empty() ? "null" : json(hit.date).dump();
  line += "}\n";
  return line;
}

std::string DumpTable(const Db& db, std::string_view table) {
  static constexpr std::string_view kTables[] = {"meta",   "documents", "entities", "variants",
                                                 "roles",  "name_keys", "events",   "event_docs",
                                                 "quotes", "quotes_fts"};
  if (std::find(std::begin(kTables), std::end(kTables), table) == std::end(kTables))
    throw IndexError("no table '" + std::string(table) + "' in a whosaid index");
  Stmt probe = db.Prepare("SELECT * FROM " + std::string(table) + " LIMIT 0");
  std::string order;
  for (int c = 1; c <= probe.Columns(); ++c) order += (c > 1 ? ", " : "") + std::to_string(c);
  Stmt s = db.Prepare("SELECT * FROM " + std::string(table) + " ORDER BY " + order);
  std::string out;
  while (s.Step()) {
    for (int c = 0; c < s.Columns(); ++c) {
      if (c) out += '\t';
      out += s.IsNull(c) ? "\\N" : s.Text(c);
    }
    out += '\n';
  }
  return out;
}

}  // namespace whosaid::index
