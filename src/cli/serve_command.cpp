#include <httplib.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "cli/exit_status.h"
#include "cli/index_commands.h"
#include "cli/serve_page.h"
#include "index/query.h"
#include "index/schema.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

using nlohmann::json;

struct ServeOptions {
  bool help = false;
  std::string db = kDefaultDb;
  std::string rules_dir;
  std::string host = "127.0.0.1";
  int port = 8080;
};

constexpr const char* kServeUsage =
    "Usage: whosaid serve [--db FILE] [--port N] [--host ADDRESS]\n\n"
    "Serves a read-only web page over a quote index: search with the filters of\n"
    "'whosaid search', each quote in its paragraph, a page per speaker with every\n"
    "spelling and its outlets, a page per event with its quotes by outlet. The JSON\n"
    "API: /api/search (the records of 'whosaid search --format jsonl'), /api/hits,\n"
    "/api/speakers, /api/entity, /api/event. No external assets: works offline.\n\n";

po::options_description ServeOptionTable(ServeOptions& o) {
  po::options_description desc("Options");
  // clang-format off
  desc.add_options()
      ("help,h", po::bool_switch(&o.help), "show this help and exit")
      ("db", po::value(&o.db)->value_name("FILE")->default_value(kDefaultDb), "the index file")
      ("rules", po::value(&o.rules_dir)->value_name("DIR"), "rules directory (the name matcher's)")
      ("port", po::value(&o.port)->value_name("N")->default_value(8080),
       "TCP port; 0 = any free port (the address is printed on standard error)")
      ("host", po::value(&o.host)->value_name("ADDRESS")->default_value("127.0.0.1"),
       "address to listen on (127.0.0.1: this machine only)");
  // clang-format on
  return desc;
}

ServeOptions ParseServeOptions(const std::vector<std::string>& args) {
  ServeOptions o;
  if (!ParseCommandLine(args, ServeOptionTable(o), nullptr)) {
    o.help = true;
    return o;
  }
  if (o.port < 0 || o.port > 65535) throw UsageError("--port: expected 0 to 65535");
  return o;
}

index::SearchQuery QueryOf(const httplib::Request& req) {
  auto get = [&](const char* key) {
    return req.has_param(key) ? req.get_param_value(key) : std::string();
  };
  index::SearchQuery q{.text = get("q"),
                       .speaker = get("speaker"),
                       .entity = get("entity"),
                       .role = get("role"),
                       .outlet = get("outlet"),
                       .event = get("event"),
                       .about = get("about"),
                       .kind = get("kind"),
                       .from = get("from"),
                       .to = get("to")};
  if (const std::string limit = get("limit"); !limit.empty()) {
    try {
      q.limit = std::clamp<std::int64_t>(std::stoll(limit), 0, 1000);
    } catch (const std::exception&) {
      throw index::QueryError("limit: expected a number");
    }
  }
  return q;
}

void Error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace),
                  "application/json");
}

json Strings(const std::string& json_array) { return json::parse(json_array); }

json EntityJson(const index::EntityEntry& e) {
  json variants = json::array();
  for (const index::Variant& v : e.variants) {
    variants.push_back({{"form", v.form},
                        {"count", v.count},
                        {"docs", Strings(v.docs)},
                        {"outlets", Strings(v.outlets)}});
  }
  json roles = json::array();
  for (const auto& [role, affiliation] : e.roles)
    roles.push_back({{"role", role}, {"affiliation", affiliation}});
  return {{"id", e.id},         {"type", e.type},       {"name", e.name},
          {"quotes", e.quotes}, {"variants", variants}, {"roles", roles}};
}

// One server over one read-only connection; handlers take turns (SQLite
// connection and the name matcher's cache are not shared between threads).
class Api {
 public:
  Api(index::Db db, const rules::RuleSet& rules) : db_(std::move(db)), searcher_(db_, rules) {
    searcher_.Warm();
  }

  void Mount(httplib::Server& server) {
    server.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kServePage, "text/html; charset=utf-8");
    });
    Route(server, "/api/search", [this](const httplib::Request& req, httplib::Response& res) {
      std::string body;
      for (const index::Hit& h : searcher_.Search(QueryOf(req))) body += index::JsonlLine(h);
      res.set_content(body, "application/x-ndjson; charset=utf-8");
    });
    Route(server, "/api/hits", [this](const httplib::Request& req, httplib::Response& res) {
      json hits = json::array();
      for (const index::Hit& h : searcher_.Search(QueryOf(req))) {
        const index::Paragraph p = searcher_.Context(h);
        hits.push_back({{"record", json::parse(h.record)},
                        {"url", h.url},
                        {"date", h.date},
                        {"before", p.before},
                        {"quote", p.quote},
                        {"after", p.after}});
      }
      Send(res, hits);
    });
    Route(server, "/api/speakers", [this](const httplib::Request& req, httplib::Response& res) {
      json list = json::array();
      for (const index::EntityEntry& e : searcher_.Speakers(req.get_param_value("name")))
        list.push_back(EntityJson(e));
      Send(res, list);
    });
    Route(server, "/api/entity", [this](const httplib::Request& req, httplib::Response& res) {
      const auto e = searcher_.Entity(req.get_param_value("id"));
      if (!e) return Error(res, 404, "no entity '" + req.get_param_value("id") + "'");
      Send(res, EntityJson(*e));
    });
    Route(server, "/api/event", [this](const httplib::Request& req, httplib::Response& res) {
      const auto e = searcher_.Event(req.get_param_value("id"));
      if (!e) return Error(res, 404, "no event '" + req.get_param_value("id") + "'");
      Send(res, {{"id", e->id},
                 {"type", e->type},
                 {"label", e->label},
                 {"when", e->when},
                 {"where", Strings(e->where)},
                 {"places", Strings(e->places)},
                 {"actors", Strings(e->actors)},
                 {"mentions", e->mentions},
                 {"documents", e->docs}});
    });
  }

 private:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  // Every handler runs alone and turns a bad query into 400 with a message.
  void Route(httplib::Server& server, const char* path, Handler handler) {
    server.Get(path, [this, handler](const httplib::Request& req, httplib::Response& res) {
      const std::lock_guard<std::mutex> lock(mutex_);
      try {
        handler(req, res);
      } catch (const index::QueryError& e) {
        Error(res, 400, e.what());
      } catch (const std::exception& e) {
        Error(res, 500, e.what());
      }
    });
  }

  static void Send(httplib::Response& res, const json& value) {
    res.set_content(value.dump(-1, ' ', false, json::error_handler_t::replace),
                    "application/json; charset=utf-8");
  }

  index::Db db_;
  index::Searcher searcher_;
  std::mutex mutex_;
};

}  // namespace

int RunServe(const std::vector<std::string>& args, const char* argv0) {
  const ServeOptions o = ParseServeOptions(args);
  if (o.help) {
    ServeOptions defaults;
    std::cout << kServeUsage << ServeOptionTable(defaults);
    return kExitOk;
  }
  const rules::RuleSetPtr rules = LoadIndexRules(o.rules_dir, argv0);
  Api api(OpenIndex(o.db, false), *rules);
  httplib::Server server;
  server.set_tcp_nodelay(true);  // no 40 ms delayed-ACK stall per keep-alive request
  api.Mount(server);
  int port = o.port;
  if (port == 0) {
    port = server.bind_to_any_port(o.host);
  } else if (!server.bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port < 0) throw ConfigError("cannot listen on " + o.host + ":" + std::to_string(o.port));
  std::fprintf(stderr, "whosaid: serving %s at http://%s:%d/ (Ctrl-C stops)\n", o.db.c_str(),
               o.host.c_str(), port);
  std::fflush(stderr);
  server.listen_after_bind();
  return kExitOk;
}

}  // namespace whosaid::cli
