#include "index/query.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <variant>

#include "index/ranker.h"

namespace whosaid::index {
namespace {

using nlohmann::json;

// A query built from fixed SQL fragments and the values bound to them.
struct Sql {
  using Arg = std::variant<std::string, std::int64_t>;
  std::string text;
  std::vector<Arg> args;
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

bool HasIndex(const Db& db, const char* name) {
  Stmt s = db.Prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?");
  s.Bind(1, name);
  return s.Step();
}

// SQLite's lower(): ASCII letters only.
std::string LowerAscii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// The filters of `q` other than the text, as conditions on `quotes q`
// (" AND …" each); empty when there is none. `speakers` and `about` are the
// entity and event ids the speaker and about filters stand for.
Sql FilterSql(const SearchQuery& q, const std::vector<std::string>& speakers,
              const std::vector<std::string>& about) {
  Sql sql;
  if (!q.speaker.empty())
    sql.Where("AND q.speaker_entity IN (SELECT value FROM json_each(?)) ", json(speakers).dump());
  if (!q.entity.empty()) sql.Where("AND q.speaker_entity = ? ", q.entity);
  if (!q.role.empty()) sql.Where("AND instr(lower(q.role), lower(?)) > 0 ", q.role);
  if (!q.outlet.empty()) sql.Where("AND q.outlet = ? COLLATE NOCASE ", q.outlet);
  if (!q.event.empty()) sql.Where("AND q.event = ? ", q.event);
  if (!about.empty())
    sql.Where("AND q.event IN (SELECT value FROM json_each(?)) ", json(about).dump());
  if (!q.kind.empty()) sql.Where("AND q.kind = ? ", q.kind);
  if (!q.from.empty()) sql.Where("AND q.date >= ? ", q.from);
  // "2023-05" takes every day of May: '~' sorts after every digit and '-'.
  if (!q.to.empty()) sql.Where("AND q.date <= ? || '~' ", q.to);
  return sql;
}

// The arguments of kRanked and kRankedKept (no braced list of variants:
// GCC 12 warns of a maybe-uninitialized variant in one).
std::vector<Sql::Arg> TextAndLimit(const std::string& text, std::int64_t limit) {
  std::vector<Sql::Arg> args(2);
  args[0] = text;
  args[1] = limit;
  return args;
}

// bm25 as FTS5 computes it (index/ranker.h), quote text weighing double;
// equal scores in id order.
constexpr const char* kRanked =
    "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
    "ORDER BY whosaid_bm25(quotes_fts, 2.0, 1.0, 1.0), rowid LIMIT ?";
constexpr const char* kMatches = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?";
constexpr const char* kRankedKept =
    "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? AND whosaid_kept(rowid) "
    "ORDER BY whosaid_bm25(quotes_fts, 2.0, 1.0, 1.0), rowid LIMIT ?";
// One result row; the snippet only for the rows returned.
constexpr const char* kRowWithSnippet =
    "SELECT q.id, q.record, q.doc, d.url, q.date, q.outlet, q.text, q.speaker_name, q.role, "
    "q.kind, q.byte_start, q.byte_end, snippet(quotes_fts, 0, '[', ']', '…', 24) "
    "FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN documents d ON d.id = q.doc "
    "WHERE quotes_fts MATCH ? AND quotes_fts.rowid = ?";
constexpr const char* kRow =
    "SELECT q.id, q.record, q.doc, d.url, q.date, q.outlet, q.text, q.speaker_name, q.role, "
    "q.kind, q.byte_start, q.byte_end, NULL "
    "FROM quotes q JOIN documents d ON d.id = q.doc WHERE q.id = ?";

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

// The searcher's statements, prepared once each, and its ranker.
struct Searcher::Impl {
  Impl(const Db& d, SearchTuning t)
      : db(d),
        ranker(d),
        tuning(t),
        // Indexes made by an earlier whosaid lack them: the table serves then.
        walk(HasIndex(d, "quotes_walk") ? "INDEXED BY quotes_walk " : "NOT INDEXED "),
        outlet_walk(HasIndex(d, "quotes_outlet_walk") ? "INDEXED BY quotes_outlet_walk " : walk) {}
  Stmt& Cached(const std::string& sql);  // reset, bindings cleared
  std::vector<std::int64_t> Ids(const std::string& sql, const std::vector<Sql::Arg>& args);
  std::vector<std::int64_t> Ranked(const std::string& text, const Sql& filter, std::int64_t limit);
  // `by_outlet`: the filter names one outlet (its quotes are walked alone).
  std::vector<std::int64_t> Unranked(const Sql& filter, bool by_outlet, std::int64_t limit);
  // The first `max` + 1 quotes `filter` keeps, in the order of the index
  // SQLite chooses for it: all of them when there are at most `max`.
  std::vector<std::int64_t> Kept(const Sql& filter, std::size_t max);

  // The events whose label or type path holds every word of `about`
  // (case-insensitive substrings, as SQLite's instr(lower(…))), in id order.
  std::vector<std::string> EventsAbout(std::string_view about);
  void ReadLabels();  // `labels` for the state of the database now

  const Db& db;
  Ranker ranker;
  SearchTuning tuning;
  std::string walk;         // how the quotes are read in id order
  std::string outlet_walk;  // how one outlet's quotes are read in id order
  std::map<std::string, Stmt, std::less<>> cache;
  // Each distinct "label type_path" (lower-cased) with its events, read once
  // per state of the database (PRAGMA data_version): an index has far fewer
  // distinct labels than events, so --about tests each label, not each event.
  std::vector<std::pair<std::string, std::vector<std::string>>> labels;
  std::optional<std::int64_t> labels_version;
};

Searcher::Searcher(const Db& db, const rules::RuleSet& rules, SearchTuning tuning)
    : db_(db), finder_(rules), impl_(std::make_unique<Impl>(db, tuning)) {}

Searcher::~Searcher() = default;

Stmt& Searcher::Impl::Cached(const std::string& sql) {
  auto it = cache.find(sql);
  if (it == cache.end()) it = cache.emplace(sql, db.Prepare(sql)).first;
  it->second.Reset();
  return it->second;
}

std::vector<std::int64_t> Searcher::Impl::Ids(const std::string& sql,
                                              const std::vector<Sql::Arg>& args) {
  Stmt& s = Cached(sql);
  int i = 0;
  for (const Sql::Arg& arg : args) std::visit([&](const auto& v) { s.Bind(++i, v); }, arg);
  std::vector<std::int64_t> ids;
  while (s.Step()) ids.push_back(s.Int(0));
  return ids;
}

// Ranked by bm25 over every match, filters applied in one of two ways:
// a filter that keeps few quotes (a speaker, an event) is computed first and
// checked on each match in memory; a broad one (a kind, a year), or one
// keeping more quotes than a text with few matches matches, is checked on
// the best-ranked matches, deeper until `limit` pass. Both give the first `limit` filtered matches
// in (bm25, id) order.
std::vector<std::int64_t> Searcher::Impl::Ranked(const std::string& text, const Sql& filter,
                                                 std::int64_t limit) {
  const std::size_t matches =
      Ids(kMatches, TextAndLimit(text, static_cast<std::int64_t>(tuning.max_checked) + 1)).size();
  ranker.LoadSizes(matches > tuning.max_checked);  // few matches rank fast without
  if (filter.text.empty()) return Ids(kRanked, TextAndLimit(text, limit));
  // The filter is read when it keeps fewer quotes than the text matches (up
  // to max_kept); else it is checked on the ranked matches (below).
  const std::size_t bound = matches <= tuning.max_checked ? matches : tuning.max_kept;
  const std::vector<std::int64_t> kept = Kept(filter, bound);
  if (kept.size() <= bound) {
    ranker.Keep(kept);
    return Ids(kRankedKept, TextAndLimit(text, limit));
  }
  // One narrow index seek per ranked match, in rank order, until `limit` pass.
  const std::string check = "SELECT 1 FROM quotes q " + walk + "WHERE q.id = ? " + filter.text;
  std::vector<Sql::Arg> check_args(1 + filter.args.size());
  std::copy(filter.args.begin(), filter.args.end(), check_args.begin() + 1);
  std::vector<std::int64_t> out;
  std::size_t checked = 0;
  for (std::int64_t depth = 8 * limit + 64;; depth *= 8) {
    const std::vector<std::int64_t> ranked = Ids(kRanked, TextAndLimit(text, depth));
    for (; checked < ranked.size() && static_cast<std::int64_t>(out.size()) < limit; ++checked) {
      check_args[0] = ranked[checked];
      if (!Ids(check, check_args).empty()) out.push_back(ranked[checked]);
    }
    if (static_cast<std::int64_t>(out.size()) == limit ||
        static_cast<std::int64_t>(ranked.size()) < depth)
      return out;
  }
}

void Searcher::Warm() {
  const ReadSnapshot snapshot(db_);
  impl_->ranker.LoadSizes(true);
  impl_->ReadLabels();
}

void Searcher::Impl::ReadLabels() {
  const std::optional<std::int64_t> version = db.Int("PRAGMA data_version");
  if (!labels_version || version != labels_version) {
    labels.clear();
    Stmt& s = Cached("SELECT lower(label || ' ' || type_path) AS l, id FROM events ORDER BY l, id");
    while (s.Step()) {
      std::string label = s.Text(0);
      if (labels.empty() || labels.back().first != label)
        labels.emplace_back(std::move(label), std::vector<std::string>{});
      labels.back().second.push_back(s.Text(1));
    }
    s.Reset();
    labels_version = version;
  }
}

std::vector<std::string> Searcher::Impl::EventsAbout(std::string_view about) {
  ReadLabels();
  const std::vector<std::string> words = Words(LowerAscii(std::string(about)));
  std::vector<std::string> ids;
  for (const auto& [label, events] : labels) {
    const std::string& text = label;  // (clang 14: no lambda capture of a structured binding)
    const bool all = std::all_of(words.begin(), words.end(), [&text](const std::string& w) {
      return text.find(w) != std::string::npos;
    });
    if (all) ids.insert(ids.end(), events.begin(), events.end());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<std::int64_t> Searcher::Impl::Kept(const Sql& filter, std::size_t max) {
  std::vector<Sql::Arg> args = filter.args;
  args.emplace_back(static_cast<std::int64_t>(max) + 1);
  return Ids("SELECT q.id FROM quotes q WHERE 1 " + filter.text + "LIMIT ?", args);
}

// In id order: a filter keeping few quotes is read from its index and
// sorted; a broad one is checked along quotes_walk (every filter column in
// id order), which stops after `limit` pass (the planner would read and
// sort all of them).
std::vector<std::int64_t> Searcher::Impl::Unranked(const Sql& filter, bool by_outlet,
                                                   std::int64_t limit) {
  std::vector<std::int64_t> ids;
  if (!filter.text.empty()) {
    ids = Kept(filter, tuning.max_sorted);
    if (ids.size() <= tuning.max_sorted) {
      std::sort(ids.begin(), ids.end());
      if (static_cast<std::int64_t>(ids.size()) > limit)
        ids.resize(static_cast<std::size_t>(limit));
      return ids;
    }
  }
  std::vector<Sql::Arg> args = filter.args;
  args.emplace_back(limit);
  return Ids("SELECT q.id FROM quotes q " + (by_outlet ? outlet_walk : walk) + "WHERE 1 " +
                 filter.text + "ORDER BY q.id LIMIT ?",
             args);
}

std::vector<Hit> Searcher::Search(const SearchQuery& query) {
  std::vector<std::string> speakers;
  if (!query.speaker.empty()) {
    speakers = finder_.Find(db_, query.speaker);
    if (speakers.empty()) return {};
  }
  const ReadSnapshot snapshot(db_);  // ids and rows from one state of the index
  std::vector<std::string> about;
  if (!Words(query.about).empty()) {
    about = impl_->EventsAbout(query.about);
    if (about.empty()) return {};
  }
  const Sql filter = FilterSql(query, speakers, about);
  const std::int64_t limit = std::max<std::int64_t>(query.limit, 0);
  std::vector<Hit> hits;
  try {
    std::vector<std::int64_t> ids;
    if (query.text.empty()) {
      ids = impl_->Unranked(filter, !query.outlet.empty(), limit);
    } else {
      ids = impl_->Ranked(query.text, filter, limit);
    }
    for (const std::int64_t id : ids) {
      Stmt& row = impl_->Cached(query.text.empty() ? kRow : kRowWithSnippet);
      if (!query.text.empty()) row.Bind(1, query.text);
      row.Bind(query.text.empty() ? 1 : 2, id);
      if (row.Step()) hits.push_back(ReadHit(row));
      row.Reset();
    }
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
