#include "index/writer.h"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "claims/claims_stage.h"
#include "core/text.h"
#include "index/partial_codec.h"
#include "index/speaker_finder.h"
#include "output/jsonl_sink.h"
#include "resolve/entity_resolver.h"
#include "run/corpus_run.h"

namespace whosaid::index {
namespace {

using nlohmann::json;

struct Stored {
  Document doc;
  DocResult result;
};

// Every stored document with its result, in id order (the order the corpus
// stage sees them in, whatever the batches were).
std::vector<Stored> LoadStored(const Db& db) {
  std::vector<Stored> docs;
  Stmt s =
      db.Prepare("SELECT id, outlet, url, date, source, text, partial FROM documents ORDER BY id");
  while (s.Step()) {
    Stored d;
    d.doc = Document{.id = s.Text(0),
                     .text = {},
                     .outlet = s.Text(1),
                     .url = s.Text(2),
                     .date = s.Text(3),
                     .source = s.Text(4)};
    d.result = DecodePartial(s.Text(6));
    // The text serves the quote records and figures only (as ResolvingSink).
    if (!d.result.quotes.empty() || !d.result.figures.empty()) d.doc.text = s.Text(5);
    docs.push_back(std::move(d));
  }
  return docs;
}

void ClearDerived(const Db& db) {
  db.Exec(
      "DELETE FROM quotes; DELETE FROM quotes_fts; DELETE FROM entities; DELETE FROM variants;"
      "DELETE FROM roles; DELETE FROM name_keys; DELETE FROM events; DELETE FROM event_docs;");
}

// SQL NULL for the empty strings the records use for "unknown".
void BindText(Stmt& s, int i, const std::string& text) {
  if (text.empty()) {
    s.BindNull(i);
  } else {
    s.Bind(i, text);
  }
}

void BindJson(Stmt& s, int i, const json& value) {
  if (value.is_null()) {
    s.BindNull(i);
  } else if (value.is_string()) {
    s.Bind(i, value.get<std::string>());
  } else if (value.is_number_integer()) {
    s.Bind(i, value.get<std::int64_t>());
  } else if (value.is_number()) {
    s.Bind(i, value.get<double>());
  } else {
    s.Bind(i, value.dump());
  }
}

void WriteEntities(const Db& db, const resolve::EntityTable& table,
                   const entities::NameClusterer& clusterer) {
  Stmt entity = db.Prepare("INSERT INTO entities(id, type, name, quotes) VALUES (?, ?, ?, ?)");
  Stmt variant = db.Prepare(
      "INSERT OR IGNORE INTO variants(entity, form, count, docs, outlets) VALUES (?, ?, ?, ?, ?)");
  Stmt role = db.Prepare("INSERT INTO roles(entity, rank, role, affiliation) VALUES (?, ?, ?, ?)");
  Stmt key = db.Prepare("INSERT OR IGNORE INTO name_keys(key, entity) VALUES (?, ?)");
  for (const resolve::Entity& e : table.entities) {
    entity.Bind(1, e.id).Bind(2, e.type).Bind(3, e.name);
    entity.Bind(4, static_cast<std::int64_t>(e.quotes)).Run();
    entity.Reset();
    auto add_keys = [&](const std::string& form) {
      for (const std::string& k : NameKeys(clusterer, form, e.type)) {
        key.Bind(1, k).Bind(2, e.id).Run();
        key.Reset();
      }
    };
    add_keys(e.name);
    for (const resolve::EntityVariant& v : e.variants) {
      variant.Bind(1, e.id).Bind(2, v.form).Bind(3, static_cast<std::int64_t>(v.count));
      variant.Bind(4, json(v.docs).dump()).Bind(5, json(v.outlets).dump()).Run();
      variant.Reset();
      add_keys(v.form);
    }
    for (std::size_t r = 0; r < e.roles.size(); ++r) {
      role.Bind(1, e.id).Bind(2, static_cast<std::int64_t>(r));
      BindText(role, 3, e.roles[r].role);
      BindText(role, 4, e.roles[r].affiliation);
      role.Run();
      role.Reset();
    }
  }
}

void WriteEvents(const Db& db, const events::EventIndex& index,
                 const std::vector<std::string>& doc_ids) {
  Stmt event = db.Prepare(
      "INSERT INTO events(id, rank, type, type_path, label, \"when\", \"where\", places, actors, "
      "mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Stmt member = db.Prepare("INSERT OR IGNORE INTO event_docs(event, doc) VALUES (?, ?)");
  for (std::size_t i = 0; i < index.events.size(); ++i) {
    const events::GlobalEvent& e = index.events[i];
    json places = json::array();
    for (const events::EventPlace& p : e.places) places.push_back(p.path);
    json actors = json::array();
    for (const events::Actor& a : e.actors) actors.push_back(a.name);
    event.Bind(1, e.ref.id).Bind(2, static_cast<std::int64_t>(i)).Bind(3, e.ref.type);
    event.Bind(4, json(e.type_path).dump()).Bind(5, e.ref.label);
    BindText(event, 6, e.ref.when);
    event.Bind(7, json(e.ref.where).dump()).Bind(8, places.dump()).Bind(9, actors.dump());
    event.Bind(10, static_cast<std::int64_t>(e.mentions)).Run();
    event.Reset();
    for (const auto& [d, local] : e.members) {
      member.Bind(1, e.ref.id).Bind(2, doc_ids[d]).Run();
      member.Reset();
    }
  }
}

// The sink of the index's corpus run: each record as its JSON line (the
// contract of docs/output.md, exactly what extract writes) and as columns;
// at the end the entity and event tables, then the full-text index.
class IndexTables : public output::Sink {
 public:
  IndexTables(const Db& db, const entities::NameClusterer& clusterer)
      : db_(db),
        clusterer_(clusterer),
        row_(db.Prepare(
            "INSERT INTO quotes(id, doc, seq, kind, text, start, \"end\", byte_start, byte_end, "
            "cue, cue_start, cue_end, speaker_entity, speaker_name, speaker_type, mention, "
            "mention_start, mention_end, role, affiliation, event, statement, "
            "statement_appearances, confidence, outlet, date, record) VALUES (?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}

  void Write(const Document& doc, const DocResult& result) override {
    doc_ids_.push_back(doc.id);
    const text::CodepointIndex cps(doc.text);
    for (std::size_t i = 0; i < result.quotes.size(); ++i) {
      std::string line = output::JsonlSink::RecordLine(doc, cps, result.quotes[i]);
      if (!line.empty() && line.back() == '\n') line.pop_back();
      Insert(doc, i, result.quotes[i], line);
    }
  }
  void End(const CorpusResult& corpus) override {
    WriteEntities(db_, corpus.entities, clusterer_);
    WriteEvents(db_, corpus.events, doc_ids_);
    // The speaker's names and every spelling of its entity (form order).
    db_.Exec(
        "INSERT INTO quotes_fts(rowid, quote, speaker, variants) "
        "SELECT q.id, q.text, coalesce(q.speaker_name, '') || char(10) || "
        "coalesce(q.mention, ''), coalesce((SELECT group_concat(form, char(10)) FROM "
        "(SELECT form FROM variants v WHERE v.entity = q.speaker_entity ORDER BY form)), '') "
        "FROM quotes q ORDER BY q.id");
    // One b-tree segment per term instead of several: every query reads
    // one doclist per term.
    db_.Exec("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')");
  }
  std::size_t rows() const { return rows_; }

 private:
  void Insert(const Document& doc, std::size_t seq, const QuoteRecord& r, const std::string& line) {
    const json j = json::parse(line);
    const std::int64_t id = static_cast<std::int64_t>(++rows_);
    const json& q = j.at("quote");
    row_.Bind(1, id).Bind(2, doc.id).Bind(3, static_cast<std::int64_t>(seq));
    BindJson(row_, 4, q.at("kind"));
    BindJson(row_, 5, q.at("text"));
    BindJson(row_, 6, q.at("start"));
    BindJson(row_, 7, q.at("end"));
    row_.Bind(8, static_cast<std::int64_t>(r.quote.begin));
    row_.Bind(9, static_cast<std::int64_t>(r.quote.end));
    const json& cue = j.at("cue");
    for (int k = 0; k < 3; ++k) {
      static const char* kCue[] = {"text", "start", "end"};
      BindJson(row_, 10 + k, cue.is_null() ? json() : cue.at(kCue[k]));
    }
    const json& sp = j.at("speaker");
    const json none;
    auto field = [&](const json& obj, const char* name) -> const json& {
      return obj.is_object() && obj.contains(name) ? obj.at(name) : none;
    };
    BindJson(row_, 13, field(sp, "entity"));
    BindJson(row_, 14, field(sp, "name"));
    BindJson(row_, 15, field(sp, "type"));
    const json& mention = field(sp, "mention");
    BindJson(row_, 16, field(mention, "text"));
    BindJson(row_, 17, field(mention, "start"));
    BindJson(row_, 18, field(mention, "end"));
    BindJson(row_, 19, field(sp, "role"));
    BindJson(row_, 20, field(sp, "affiliation"));
    BindJson(row_, 21, field(field(j, "event"), "id"));
    BindJson(row_, 22, field(field(j, "statement"), "id"));
    BindJson(row_, 23, field(field(j, "statement"), "appearances"));
    BindJson(row_, 24, j.at("confidence"));
    BindText(row_, 25, doc.outlet);
    BindText(row_, 26, doc.date);
    row_.Bind(27, line).Run();
    row_.Reset();
  }

  const Db& db_;
  const entities::NameClusterer& clusterer_;
  Stmt row_;
  std::vector<std::string> doc_ids_;  // in the order of the run
  std::size_t rows_ = 0;
};

}  // namespace

struct IndexWriter::Impl {
  Impl(const Db& d, const rules::RuleSet& r, const WriterConfig& c)
      : db(d),
        rules(r),
        config(c),
        txn(d),
        exists(d.Prepare("SELECT 1 FROM documents WHERE id = ?")),
        insert(d.Prepare(
            "INSERT OR REPLACE INTO documents(id, outlet, url, date, source, text, partial) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)")) {}

  void Rebuild();

  const Db& db;
  const rules::RuleSet& rules;
  WriterConfig config;
  Transaction txn;
  Stmt exists, insert;
  IndexStats stats;
};

IndexWriter::IndexWriter(const Db& db, const rules::RuleSet& rules, const WriterConfig& config)
    : impl_(std::make_unique<Impl>(db, rules, config)) {}

IndexWriter::~IndexWriter() = default;

void IndexWriter::Add(const Document& doc, const DocResult& result) {
  Impl& m = *impl_;
  m.exists.Bind(1, doc.id);
  if (m.exists.Step()) ++m.stats.replaced;
  m.exists.Reset();
  m.insert.Bind(1, doc.id);
  BindText(m.insert, 2, doc.outlet);
  BindText(m.insert, 3, doc.url);
  BindText(m.insert, 4, doc.date);
  BindText(m.insert, 5, doc.source);
  m.insert.Bind(6, doc.text).Bind(7, EncodePartial(result)).Run();
  m.insert.Reset();
  ++m.stats.added;
}

// The corpus stage of `whosaid extract` (entities, event ids, statements)
// over every stored document, writing the derived tables.
void IndexWriter::Impl::Rebuild() {
  std::vector<Stored> docs = LoadStored(db);
  resolve::ResolverConfig resolver_config;
  resolver_config.cluster.threads = config.threads;
  resolve::EntityResolver resolver(resolver_config, rules);
  claims::ClaimsConfig ids_only = config.claims;
  ids_only.details = false;  // statement ids only, as extract
  const claims::ClaimsStage claims(ids_only, rules);
  run::CorpusStages stages;
  stages.entities = &resolver;
  stages.events = true;
  stages.claims = &claims;
  run::CorpusRun corpus(stages);
  stats.documents = docs.size();
  for (Stored& d : docs) corpus.Add(std::move(d.doc), std::move(d.result));
  docs.clear();
  ClearDerived(db);
  IndexTables tables(db, resolver.clusterer());
  corpus.Finish(tables);
  stats.quotes = tables.rows();
  stats.entities = static_cast<std::size_t>(db.Int("SELECT count(*) FROM entities").value_or(0));
  stats.events = static_cast<std::size_t>(db.Int("SELECT count(*) FROM events").value_or(0));
}

IndexStats IndexWriter::Commit() {
  impl_->Rebuild();
  impl_->db.Exec("ANALYZE");  // statistics for the planner (which filter's index to use)
  impl_->txn.Commit();
  // Leave no WAL behind: the next reader opens a plain file, and a batch
  // killed part-way is visible as a WAL that grew past zero.
  impl_->db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return impl_->stats;
}

}  // namespace whosaid::index
