#include <boost/program_options.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/exit_status.h"
#include "cli/index_commands.h"
#include "core/text.h"
#include "index/query.h"
#include "index/schema.h"

namespace whosaid::cli {
namespace po = boost::program_options;
namespace {

struct SearchOptions {
  bool help = false;
  std::string db = kDefaultDb;
  std::string rules_dir;
  std::vector<std::string> words;  // TEXT
  std::string speakers;            // --speakers NAME
  std::string format = "table";
  index::SearchQuery query;
};

constexpr const char* kSearchUsage =
    "Usage: whosaid search [--db FILE] [TEXT] [OPTIONS]\n"
    "       whosaid search [--db FILE] --speakers NAME\n\n"
    "Searches a quote index (whosaid index). TEXT is an FTS5 query over the quote\n"
    "text, the speaker's names and every spelling of them: words, \"a phrase\", AND,\n"
    "OR, NOT, NEAR(a b), prefix*; results are ranked by bm25. Filters narrow it;\n"
    "--speaker takes a name in any spelling, even one no article used.\n\n";

po::options_description SearchOptionTable(SearchOptions& o) {
  po::options_description desc("Options");
  index::SearchQuery& q = o.query;
  // clang-format off
  desc.add_options()
      ("help,h", po::bool_switch(&o.help), "show this help and exit")
      ("db", po::value(&o.db)->value_name("FILE")->default_value(kDefaultDb), "the index file")
      ("rules", po::value(&o.rules_dir)->value_name("DIR"), "rules directory (the name matcher's)")
      ("speaker", po::value(&q.speaker)->value_name("NAME"), "quotes of this person or body, any spelling")
      ("entity", po::value(&q.entity)->value_name("ID"), "quotes of this entity (P3, O1 ...)")
      ("role", po::value(&q.role)->value_name("WORDS"), "the speaker's role contains WORDS")
      ("outlet", po::value(&q.outlet)->value_name("NAME"), "quotes of this outlet (case-insensitive)")
      ("event", po::value(&q.event)->value_name("ID"), "quotes about this event (E1 ...)")
      ("about", po::value(&q.about)->value_name("WORDS"), "quotes about an event whose label or type has every word")
      ("kind", po::value(&q.kind)->value_name("direct|mixed|indirect"), "only this kind of quote")
      ("from", po::value(&q.from)->value_name("DATE"), "documents dated on or after DATE (YYYY[-MM[-DD]])")
      ("to", po::value(&q.to)->value_name("DATE"), "documents dated on or before DATE")
      ("limit", po::value(&q.limit)->value_name("N")->default_value(20), "at most N results")
      ("format", po::value(&o.format)->value_name("table|jsonl")->default_value("table"),
       "table: for people; jsonl: the records of 'whosaid extract' plus url and date")
      ("speakers", po::value(&o.speakers)->value_name("NAME"),
       "list the entities NAME means, with every spelling, its outlets and quote counts");
  // clang-format on
  return desc;
}

SearchOptions ParseSearchOptions(const std::vector<std::string>& args) {
  SearchOptions o;
  po::options_description all = SearchOptionTable(o);
  all.add_options()("text", po::value(&o.words)->composing(), "search text");
  po::positional_options_description positional;
  positional.add("text", -1);
  if (!ParseCommandLine(args, all, &positional)) {
    o.help = true;
    return o;
  }
  for (const std::string& w : o.words) o.query.text += (o.query.text.empty() ? "" : " ") + w;
  if (o.format != "table" && o.format != "jsonl")
    throw UsageError("--format " + o.format + ": expected table or jsonl");
  if (o.query.limit < 0) throw UsageError("--limit: expected a number >= 0");
  if (!o.query.kind.empty() && o.query.kind != "direct" && o.query.kind != "mixed" &&
      o.query.kind != "indirect")
    throw UsageError("--kind " + o.query.kind + ": expected direct, mixed or indirect");
  return o;
}

// Cuts to at most `width` code points, with "…" when cut.
std::string Cut(const std::string& s, std::size_t width) {
  std::size_t cps = 0, i = 0;
  while (i < s.size() && cps < width) {
    text::Next(s, i);
    ++cps;
  }
  if (i >= s.size()) return s;
  return s.substr(0, i) + "…";
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  return s;
}

void PrintTable(const std::vector<index::Hit>& hits) {
  for (const index::Hit& h : hits) {
    std::cout << (h.date.empty() ? "-" : h.date) << "  " << (h.outlet.empty() ? h.doc : h.outlet)
              << "  " << (h.speaker.empty() ? "(unattributed)" : h.speaker);
    if (!h.role.empty()) std::cout << ", " << h.role;
    std::cout << "  [" << h.kind << "]\n    " << Cut(OneLine(h.snippet), 300) << "\n";
  }
  std::cout << hits.size() << (hits.size() == 1 ? " quote\n" : " quotes\n");
}

void PrintSpeakers(const std::vector<index::EntityEntry>& entities) {
  for (const index::EntityEntry& e : entities) {
    std::cout << e.id << "  " << e.name << "  (" << e.type << ", " << e.quotes << " quotes)\n";
    for (const index::Variant& v : e.variants) {
      std::cout << "    " << v.form << "  ×" << v.count;
      const auto outlets = nlohmann::json::parse(v.outlets);
      if (!outlets.empty()) {
        std::cout << "  ";
        for (std::size_t i = 0; i < outlets.size(); ++i)
          std::cout << (i ? ", " : "") << outlets[i].get<std::string>();
      }
      std::cout << "\n";
    }
  }
  std::cout << entities.size() << (entities.size() == 1 ? " entity\n" : " entities\n");
}

}  // namespace

int RunSearch(const std::vector<std::string>& args, const char* argv0) {
  const SearchOptions o = ParseSearchOptions(args);
  if (o.help) {
    SearchOptions defaults;
    std::cout << kSearchUsage << SearchOptionTable(defaults);
    return kExitOk;
  }
  const rules::RuleSetPtr rules = LoadIndexRules(o.rules_dir, argv0);
  const index::Db db = OpenIndex(o.db, false);
  index::Searcher searcher(db, *rules);
  if (!o.speakers.empty()) {
    PrintSpeakers(searcher.Speakers(o.speakers));
    return kExitOk;
  }
  std::vector<index::Hit> hits;
  try {
    hits = searcher.Search(o.query);
  } catch (const index::QueryError& e) {
    throw UsageError(e.what());
  }
  if (o.format == "jsonl") {
    for (const index::Hit& h : hits) std::cout << index::JsonlLine(h);
  } else {
    PrintTable(hits);
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace whosaid::cli
