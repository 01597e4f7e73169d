#include "resolve/entity_resolver.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

#include "../support/pipeline_fixture.h"
#include "core/parallel.h"

namespace whosaid {
namespace {

struct Doc {
  std::string id, outlet, text;
};

// Resolves `docs` (in the given order) and returns, per surface form, the
// entity id it belongs to; and the canonical name per entity.
struct Resolved {
  std::map<std::string, std::string> entity_of;           // form → id
  std::map<std::string, std::string> name_of;             // id → canonical name
  std::set<std::string> canonical;                        // canonical names
  std::map<std::string, std::set<std::string>> forms_of;  // id → forms
};

Document MakeDoc(const Doc& d) {
  Document doc;
  doc.id = d.id;
  doc.text = d.text;
  doc.outlet = d.outlet;
  return doc;
}

// Runs the pipeline on `docs` and adds each to `resolver`: their results.
std::vector<DocResult> AddAll(resolve::EntityResolver& resolver, const std::vector<Doc>& docs) {
  std::vector<DocResult> results;
  for (const Doc& d : docs) {
    Document doc = MakeDoc(d);
    results.push_back(testing::ThePipeline().Run(doc));
    resolver.Add(doc, results.back());
  }
  return results;
}

Resolved Resolve(const std::vector<Doc>& docs, unsigned threads = 1) {
  resolve::ResolverConfig config;
  config.cluster.threads = threads;
  resolve::EntityResolver resolver(config, testing::Rules());
  for (const Doc& d : docs) {
    Document doc = MakeDoc(d);
    resolver.Add(doc, testing::ThePipeline().Run(doc));
  }
  resolve::EntityTable table = resolver.Resolve();
  Resolved out;
  for (const auto& e : table.entities) {
    out.name_of[e.id] = e.name;
    out.canonical.insert(e.name);
    for (const auto& v : e.variants) {
      out.entity_of.emplace(v.form, e.id);
      out.forms_of[e.id].insert(v.form);
    }
  }
  return out;
}

const std::vector<Doc> kDocs = {
    {"a", "Outlet A",
     "“We will respond,” said Obaidullah Sherowazani, spokesperson for Somalia’s Defence Ministry. "
     "The meeting was between Egypt’s special representative for Sudan, Mohammad Shafi, and the "
     "foreign minister. Soomro said that Shafiq’s visit was about trade. Ibrahim Soomro, a "
     "security analyst, "
     "said the talks were a start."},
    {"b", "Outlet B",
     "The Somali Defense Ministry, through its spokesperson Obaidullah Sherwazni, announced that "
     "the "
     "convoy reached its base. The UN Assistance Mission in Iraq (UNAMI) said families fled. "
     "Later, UNAMI called for an inquiry. Ibrahim Khan Achakzai, the foreign minister, said talks "
     "would go on."},
    {"c", "Outlet C",
     "Yahya Sarei, a military spokesman, said the attack was over. Rajeh Sarei, an engineer, said "
     "the "
     "power was cut. The talks included Mohammad Shafiq, Egypt’s special representative to Sudan."},
};

TEST_SUITE("resolve") {
  TEST_CASE("entities across documents: must merge") {
    Resolved r = Resolve(kDocs);
    struct Row {
      std::string a, b;
    } rows[] = {
        {"Obaidullah Sherowazani", "Obaidullah Sherwazni"},  // transliteration, same role
        {"Mohammad Shafi", "Mohammad Shafiq"},               // spelling variant, same role
        {"Mohammad Shafi", "Shafiq"},                        // short form in the same document
        {"Somalia’s Defence Ministry", "Somali Defense Ministry"},  // organisation key
        {"UN Assistance Mission in Iraq", "UNAMI"},                 // acronym the text defines
        {"Ibrahim Soomro", "Soomro"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      REQUIRE(r.entity_of.count(row.a));
      REQUIRE(r.entity_of.count(row.b));
      CHECK(r.entity_of[row.a] == r.entity_of[row.b]);
    }
  }

  TEST_CASE("entities across documents: must not merge") {
    Resolved r = Resolve(kDocs);
    struct Row {
      std::string a, b;
    } rows[] = {
        {"Yahya Sarei", "Rajeh Sarei"},               // both in one document as different people
        {"Ibrahim Soomro", "Ibrahim Khan Achakzai"},  // a shared common first name
        {"Mohammad Shafi", "Ibrahim Khan Achakzai"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      REQUIRE(r.entity_of.count(row.a));
      REQUIRE(r.entity_of.count(row.b));
      CHECK(r.entity_of[row.a] != r.entity_of[row.b]);
    }
  }

  TEST_CASE("look-alike names in different documents stay apart without context") {
    struct Row {
      std::string a_text, b_text, a, b;
      bool same;
    } rows[] = {
        {"Dan Backer said the fund was legal.", "Dean Baker said the economy grew.", "Dan Backer",
         "Dean Baker", false},
        {"“It is over,” said Barack Obama.", "“It is not,” said Osama Obama.", "Barack Obama",
         "Osama Obama", false},
        // one identical part and a spelling variant: one person
        {"Kirsten Gillibrand said the bill would pass.",
         "Kristen Gillibrand said the vote was close.", "Kirsten Gillibrand", "Kristen Gillibrand",
         true},
    };
    for (const auto& row : rows) {
      CAPTURE(row.a);
      Resolved r = Resolve({{"x", "X", row.a_text}, {"y", "Y", row.b_text}});
      REQUIRE(r.entity_of.count(row.a));
      REQUIRE(r.entity_of.count(row.b));
      CHECK((r.entity_of[row.a] == r.entity_of[row.b]) == row.same);
    }
  }

  TEST_CASE(
      "context: an affiliation without its owner agrees with an owner's; an acronym makes an "
      "organisation") {
    Resolved r = Resolve({{"x", "X",
                           "Foreign Office spokesperson Nargis Zahida Jatoi told reporters that "
                           "Egypt wanted a deal. "
                           "The Inter-Agency Intelligence (IAI) declined to comment."},
                          {"y", "Y",
                           "Egypt's foreign ministry spokeswoman Nargis Zehida Jatoi said the "
                           "visit was postponed."}});
    REQUIRE(r.entity_of.count("Nargis Zahida Jatoi"));
    REQUIRE(r.entity_of.count("Nargis Zehida Jatoi"));
    CHECK(r.entity_of["Nargis Zahida Jatoi"] == r.entity_of["Nargis Zehida Jatoi"]);
    REQUIRE(r.entity_of.count("IAI"));
    CHECK(r.entity_of["IAI"] == r.entity_of["Inter-Agency Intelligence"]);
    CHECK(r.entity_of["IAI"].substr(0, 1) == "O");
  }

  TEST_CASE("news names: particles, cut speaker names, aliases, roles told differently") {
    // invented outlets and people
    Resolved r = Resolve(
        {{"x", "X",
          "Prime Minister Karim Nouri’ al-Hadithi said the vote was fair. “We counted every "
          "ballot,” Hadithi said. Port commander Yasin Omar Dagane, also known as Tiger, was "
          "arrested on Monday. Army chief Gen. Salah Idris al-Dabbagh said the city was calm."},
         {"y", "Y",
          "Karim Nouri al-Hadithi, the prime minister, said the count would end soon. “We will "
          "not stop,” Tiger said in a recording. The country's ruler Salah Idris Dabbagh said "
          "talks would go on."},
         {"z", "Z",
          "Yasin Omar Dagane said the front line held. Ruling council head Ramzi Fadel al-Jawadi "
          "met Interior Minister Ramzi Fadel al-Jawari. “It is over,” Jawadi said."}});
    struct Row {
      std::string a, b;
      bool same;
    } rows[] = {
        {"Karim Nouri’ al-Hadithi", "Karim Nouri al-Hadithi", true},  // apostrophe in a name
        {"Karim Nouri’ al-Hadithi", "Hadithi", true},                 // speaker by surname
        {"Yasin Omar Dagane", "Tiger", true},                         // alias the text states
        {"Salah Idris al-Dabbagh", "Salah Idris Dabbagh", true},      // roles told differently
        {"Ramzi Fadel al-Jawadi", "Ramzi Fadel al-Jawari", false},    // one consonant apart
        {"Jawadi", "Ramzi Fadel al-Jawari", false},
    };
    for (const auto& row : rows) {
      CAPTURE(row.a);
      CAPTURE(row.b);
      REQUIRE(r.entity_of.count(row.a));
      REQUIRE(r.entity_of.count(row.b));
      CHECK((r.entity_of[row.a] == r.entity_of[row.b]) == row.same);
    }
    CHECK(r.entity_of.count("Karim Nouri") == 0);  // a cut name is no form
  }

  TEST_CASE("short forms: a shared surname, a respelling, a title, a given name") {
    Resolved r = Resolve(
        {{"x", "X",
          "Governor Ramzi Tarkan said the storm had passed and that Tarkan's men were "
          "ready. The stadium is named after his father, former governor Aslan Tarkan. "
          "Foreign Minister Omar al-Shirwani said talks went well. Sirwani said the visit was "
          "useful."},
         {"y", "Y",
          "Aslan Tarkan, the former governor, died in 2004. PM Daud Kamali said the budget was "
          "ready. Finance Minister Daud Kamali said taxes would fall. Protesters marched in "
          "support of Daud."}});
    const std::string ramzi = r.entity_of["Ramzi Tarkan"], aslan = r.entity_of["Aslan Tarkan"];
    CHECK(ramzi != aslan);
    CHECK(r.forms_of[ramzi].count("Tarkan") == 1);  // the one who speaks
    CHECK(r.forms_of[aslan].count("Tarkan") == 0);
    CHECK(r.entity_of["Sirwani"] == r.entity_of["Omar al-Shirwani"]);  // one document respells it
    CHECK(r.entity_of["Daud Kamali"] == r.entity_of["PM Daud Kamali"]);
    CHECK(r.name_of[r.entity_of["Daud Kamali"]] == "Daud Kamali");
    CHECK(r.entity_of["Daud"] == r.entity_of["Daud Kamali"]);  // a given name, not a common one
  }

  TEST_CASE("speaker mentions the attribution resolved: a nickname, a title, a respelling") {
    // invented outlets and people
    Resolved r = Resolve(
        {{"x", "X",
          "Harbour Guard chief Yasin Omar Dagane “Tigeri” said he was a victim of "
          "lies.\n\n“We held the port for ten days,” Tigeri said at a rally on Friday."},
         {"y", "Y",
          "Major General Karim Nouri Haddad, the commander of the Harbour Guard, told reporters "
          "that the port was calm.\n\n“The governor is safe,” Gen. Hadad added."}});
    REQUIRE(r.entity_of.count("Tigeri"));
    CHECK(r.entity_of["Tigeri"] == r.entity_of["Yasin Omar Dagane"]);
    REQUIRE(r.entity_of.count("Hadad"));
    CHECK(r.entity_of["Hadad"] == r.entity_of["Karim Nouri Haddad"]);
  }

  TEST_CASE("a nickname respelled in its own document joins it") {
    Resolved r = Resolve({{"x", "X",
                           "Commander Yasin Omar (Tigeri) said the port was taken.\nTegeri "
                           "speech\n“We hold it,” he said."}});
    CHECK(r.entity_of["Tegeri"] == r.entity_of["Yasin Omar"]);
  }

  TEST_CASE("a real name the text gives joins a nom de guerre across outlets") {
    Resolved r = Resolve(
        {{"x", "X",
          "Port commander Abu Karim al-Tabbani ordered his men to hold. “Stay,” Tabbani said."},
         {"y", "Y",
          "Port commander Abu Kareem al-Dabbani reached the harbour.\nAl-Dabbani spoke at the "
          "docks. Using his real name, Yusuf al-Marwani, he addressed the crowd."},
         {"z", "Z", "The interim leader, Yousef al-Marwani, said peace would hold."}});
    CHECK(r.entity_of["Yusuf al-Marwani"] == r.entity_of["Yousef al-Marwani"]);
    CHECK(r.entity_of["Yusuf al-Marwani"] == r.entity_of["Abu Kareem al-Dabbani"]);
    CHECK(r.entity_of["Yousef al-Marwani"] == r.entity_of["Abu Karim al-Tabbani"]);
  }

  TEST_CASE("a name with no role joins a person known elsewhere, or is no entity") {
    Resolved r = Resolve(
        {{"x", "X", "Interior Minister Yusuf Kamal Zubairi said the border was calm."},
         {"y", "Y",
          "A delegation led by Yousef Kamal Zubairi will decide. Crowds cheered Lina Haddad "
          "in the square.\nSenator Blasts Harbor Deal\nThe vote was close."}});
    CHECK(r.entity_of["Yousef Kamal Zubairi"] == r.entity_of["Yusuf Kamal Zubairi"]);
    CHECK(r.entity_of.count("Lina Haddad") == 0);    // known nowhere else: no entity
    CHECK(r.entity_of.count("Blasts Harbor") == 0);  // a title-case headline is no name
  }

  TEST_CASE("the canonical name is the most frequent full form") {
    Resolved r = Resolve({{"x", "X", "Barack Obama said yes. Later, Barack Obama said no."},
                          {"y", "Y", "U.S. President Barack Obama said maybe."}});
    CHECK(r.canonical.count("Barack Obama") == 1);
  }

  TEST_CASE("entities do not depend on the order of the documents") {
    std::vector<Doc> docs = kDocs;
    Resolved first = Resolve(docs);
    std::reverse(docs.begin(), docs.end());
    Resolved reversed = Resolve(docs);
    std::rotate(docs.begin(), docs.begin() + 1, docs.end());
    Resolved rotated = Resolve(docs);
    CHECK(first.entity_of == reversed.entity_of);
    CHECK(first.entity_of == rotated.entity_of);
    CHECK(first.name_of == reversed.name_of);
  }

  TEST_CASE("a batch folded on threads gives the table of one document at a time") {
    // invented documents: short forms by surname, a respelling, a given
    // name, an acronym the run defines, a known organisation's phrase
    std::vector<Doc> docs = kDocs;
    docs.push_back({"x", "X",
                    "Governor Ramzi Tarkan said the storm had passed and that Tarkan's men were "
                    "ready. Foreign Minister Omar al-Shirwani said talks went well. Sirwani said "
                    "the visit was useful. UNAMI staff left."});
    docs.push_back({"y", "Y",
                    "PM Daud Kamali said the budget was ready. Protesters marched in support of "
                    "Daud. The Somali Defense Ministry said the Defense Ministry would pay."});
    // the same short forms beside other people: decided afresh, not copied
    // from the document above (DecideDocs' key holds the people's names)
    docs.push_back({"z", "Z",
                    "Governor Ramzi Kellerman said the storm had passed and that Tarkan's men were "
                    "ready. Foreign Minister Omar al-Shirwani said talks went well. Sirwani said "
                    "the visit was useful. UNAMI staff left."});
    const std::size_t n = docs.size();
    for (std::size_t i = 0; i < n; ++i) docs.push_back({docs[i].id + "-2", "Z", docs[i].text});
    std::vector<PartialNames> names;
    std::vector<DocResult> results;
    {
      resolve::EntityResolver maker(resolve::ResolverConfig{}, testing::Rules());
      for (const Doc& d : docs) {
        Document doc = MakeDoc(d);
        results.push_back(testing::ThePipeline().Run(doc));
        names.push_back(maker.Names(doc, results.back()));
        // TakeNames: the same inputs, the mentions' text moved out of a copy
        DocResult spent = results.back();
        CHECK(maker.TakeNames(doc, spent) == names.back());
        CHECK(spent.names.empty());
      }
    }
    // the table as text: ids, names, variants with their documents, roles, records
    auto describe = [&](const resolve::EntityTable& t) {
      std::string out;
      for (const auto& e : t.entities) {
        out += e.id + " " + e.type + " " + e.name + " " + std::to_string(e.quotes) + "\n";
        for (const auto& v : e.variants) {
          out += "  " + v.form + " x" + std::to_string(v.count) + ":";
          for (const auto& d : v.docs) out += " " + d;
          out += "\n";
        }
        for (const auto& r : e.roles) out += "  role " + r.role + "/" + r.affiliation + "\n";
        for (const auto& m : e.merges) out += "  merge " + m.form + " ~ " + m.matched + "\n";
      }
      for (const auto& w : t.words) out += "word " + w.form + " x" + std::to_string(w.count) + "\n";
      for (std::size_t d = 0; d < t.record_entity.size(); ++d) {
        for (std::ptrdiff_t r : t.record_entity[d]) out += std::to_string(r) + " ";
        out += "\n";
      }
      return out;
    };
    // streamed: FoldBatches (the next batch read and decided beside the folding)
    auto resolve_batches = [&](unsigned threads, std::size_t batch) {
      resolve::EntityResolver resolver(resolve::ResolverConfig{}, testing::Rules());
      for (const PartialNames& x : names) resolver.Note(x);
      std::size_t read = 0;  // batches read, checked to come in order
      resolver.FoldBatches(
          (docs.size() + batch - 1) / batch,
          [&](std::size_t b, std::vector<resolve::EntityResolver::DocNames>& fold) {
            CHECK(b == read++);
            fold.clear();
            for (std::size_t d = b * batch; d < std::min(docs.size(), (b + 1) * batch); ++d)
              fold.push_back({names[d], docs[d].id, docs[d].outlet});
          },
          threads);
      return describe(resolver.Resolve());
    };
    auto resolve = [&](unsigned threads, std::size_t batch) {
      resolve::EntityResolver resolver(resolve::ResolverConfig{}, testing::Rules());
      for (const PartialNames& x : names) resolver.Note(x);
      for (std::size_t b = 0; b < docs.size(); b += batch) {
        if (batch == 1) {
          resolver.Fold(names[b], docs[b].id, docs[b].outlet);
          continue;
        }
        std::vector<resolve::EntityResolver::DocNames> fold;
        for (std::size_t d = b; d < std::min(docs.size(), b + batch); ++d)
          fold.push_back({names[d], docs[d].id, docs[d].outlet});
        resolver.Fold(fold, threads);
      }
      return describe(resolver.Resolve());
    };
    const std::string one = resolve(1, 1);
    CHECK(one.find("Tarkan") != std::string::npos);
    CHECK(resolve(1, 4) == one);
    CHECK(resolve(2, 3) == one);
    CHECK(resolve(3, docs.size()) == one);
    struct Row {
      unsigned threads;
      std::size_t batch;
    };
    // (two threads or more: each next batch decided on threads - 1 beside
    // the fold, and by the folding thread once its batch is done)
    for (const Row& r : std::vector<Row>{
             {1, 1}, {1, 4}, {2, 1}, {2, 3}, {3, 2}, {2, 1000}, {3, 1}, {4, 3}, {7, 2}, {7, 5}}) {
      CAPTURE(r.threads);
      CAPTURE(r.batch);
      CHECK(resolve_batches(r.threads, r.batch) == one);
    }
    // a slow read: the folding thread, its batch done before the next
    // batch's read, waits for that batch's keys and then helps decide it
    // (the same table); a read that throws is rethrown, and the folding
    // thread waiting for that batch wakes (no hang)
    for (unsigned threads : {2u, 3u, 7u}) {
      CAPTURE(threads);
      resolve::EntityResolver resolver(resolve::ResolverConfig{}, testing::Rules());
      for (const PartialNames& x : names) resolver.Note(x);
      resolver.FoldBatches(
          docs.size(),
          [&](std::size_t b, std::vector<resolve::EntityResolver::DocNames>& fold) {
            if (b > 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
            fold.assign(1, {names[b], docs[b].id, docs[b].outlet});
          },
          threads);
      CHECK(describe(resolver.Resolve()) == one);
      for (std::size_t bad : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {
        CAPTURE(bad);
        resolve::EntityResolver failing(resolve::ResolverConfig{}, testing::Rules());
        for (const PartialNames& x : names) failing.Note(x);
        CHECK_THROWS_AS(
            failing.FoldBatches(
                docs.size(),
                [&](std::size_t b, std::vector<resolve::EntityResolver::DocNames>& fold) {
                  if (b == bad) throw std::runtime_error("unreadable");
                  fold.assign(1, {names[b], docs[b].id, docs[b].outlet});
                },
                threads),
            std::runtime_error);
      }
    }
    // with cluster.threads >= 2 the name parser shares its parses between
    // the threads (ParserConfig::shared_memo): documents mapped on that
    // many threads at once (each thread starting at its own document, so
    // that they race for the same names), then folded and resolved on
    // them, give the same names and the same table; and again after
    // Clear() forgot the memos
    for (unsigned threads : {2u, 3u, 7u}) {
      CAPTURE(threads);
      resolve::ResolverConfig config;
      config.cluster.threads = threads;
      resolve::EntityResolver resolver(config, testing::Rules());
      std::vector<Document> texts;
      for (const Doc& d : docs) texts.push_back(MakeDoc(d));
      for (int round = 0; round < 2; ++round) {
        CAPTURE(round);
        std::vector<std::vector<PartialNames>> mapped(threads,
                                                      std::vector<PartialNames>(docs.size()));
        parallel::RunWorkers(threads, [&](std::size_t k) {
          for (std::size_t j = 0; j < docs.size(); ++j) {
            const std::size_t d = (j + k * docs.size() / threads) % docs.size();
            mapped[k][d] = resolver.Names(texts[d], results[d]);
          }
        });
        for (unsigned k = 0; k < threads; ++k) CHECK(mapped[k] == names);
        for (const PartialNames& x : names) resolver.Note(x);
        resolver.FoldBatches(
            docs.size(),
            [&](std::size_t b, std::vector<resolve::EntityResolver::DocNames>& fold) {
              fold.assign(1, {names[b], docs[b].id, docs[b].outlet});
            },
            threads);
        CHECK(describe(resolver.Resolve()) == one);
        resolver.Clear();
      }
    }
    // the fold reads the word keys its thread's map kept (MapKeys): a
    // resolver that mapped the documents itself on this thread (its keys
    // warm) folds them to the same table, and maps them to the same names
    // after its fold filled those keys
    for (const Row& r : std::vector<Row>{{1, 1}, {1, 4}, {2, 3}, {2, 1000}}) {
      CAPTURE(r.threads);
      CAPTURE(r.batch);
      resolve::EntityResolver resolver(resolve::ResolverConfig{}, testing::Rules());
      std::vector<Document> texts;
      for (std::size_t d = 0; d < docs.size(); ++d) {
        texts.push_back(MakeDoc(docs[d]));
        CHECK(resolver.Names(texts.back(), results[d]) == names[d]);
      }
      for (const PartialNames& x : names) resolver.Note(x);
      resolver.FoldBatches(
          (docs.size() + r.batch - 1) / r.batch,
          [&](std::size_t b, std::vector<resolve::EntityResolver::DocNames>& fold) {
            fold.clear();
            for (std::size_t d = b * r.batch; d < std::min(docs.size(), (b + 1) * r.batch); ++d)
              fold.push_back({names[d], docs[d].id, docs[d].outlet});
          },
          r.threads);
      CHECK(describe(resolver.Resolve()) == one);
      for (std::size_t d = 0; d < docs.size(); ++d)
        CHECK(resolver.Names(texts[d], results[d]) == names[d]);
    }
  }

  // Without details (extract) the table keeps no merge explanations (their
  // shared documents grew with the run); the entities, names and records are
  // the same. With details the shared documents are named by their ids.
  TEST_CASE("details: merge explanations only with details, the same entities without") {
    auto table = [](bool details) {
      resolve::EntityResolver resolver(resolve::ResolverConfig{}, testing::Rules());
      resolver.KeepDetails(details);
      AddAll(resolver, kDocs);
      return resolver.Resolve();
    };
    auto shared_docs = [](const resolve::EntityTable& t) {
      std::set<std::string> out;
      for (const auto& e : t.entities) {
        for (const auto& m : e.merges) {
          for (const std::string& s : m.shared) {
            if (s.rfind("doc:", 0) == 0) out.insert(s);
          }
        }
      }
      return out;
    };
    const resolve::EntityTable with = table(true), without = table(false);
    struct Row {
      const resolve::EntityTable* t;
      bool merges;
    } rows[] = {{&with, true}, {&without, false}};
    for (const Row& r : rows) {
      CAPTURE(r.merges);
      std::size_t merges = 0;
      for (const auto& e : r.t->entities) merges += e.merges.size();
      CHECK((merges > 0) == r.merges);
      REQUIRE(r.t->entities.size() == with.entities.size());
      for (std::size_t k = 0; k < with.entities.size(); ++k) {
        CHECK(r.t->entities[k].id == with.entities[k].id);
        CHECK(r.t->entities[k].name == with.entities[k].name);
      }
      CHECK(r.t->record_entity == with.record_entity);
    }
    const std::set<std::string> ids = shared_docs(with);
    CHECK(!ids.empty());
    for (const std::string& s : ids) CHECK((s == "doc:a" || s == "doc:b" || s == "doc:c"));
    CHECK(shared_docs(without).empty());
  }

  // The map keeps its word keys per thread from one document to the next
  // (and across resolvers): a document's name inputs must be those a
  // fresh resolver gives it, whatever was mapped before, in any order.
  TEST_CASE("a document's name inputs do not depend on the documents mapped before it") {
    std::vector<Doc> docs = kDocs;
    docs.push_back({"x", "X",
                    "Governor Ramzi Tarkan said the storm had passed and that Tarkan's men were "
                    "ready. The stadium is named after his father, former governor Aslan Tarkan. "
                    "Foreign Minister Omar al-Shirwani said talks went well. Sirwani said the "
                    "visit was useful."});
    docs.push_back({"y", "Y",
                    "Harbour Guard chief Yasin Omar Dagane “Tigeri” said he was a victim of "
                    "lies.\n\n“We held the port for ten days,” Tigeri said at a rally on Friday."});
    docs.push_back({"z", "Z",
                    "Major General Karim Nouri Haddad, the commander of the Harbour Guard, told "
                    "reporters that the port was calm.\n\n“The governor is safe,” Gen. Hadad "
                    "added. Yasin Omar said nothing."});
    std::vector<Document> texts;
    std::vector<DocResult> results;
    std::vector<PartialNames> alone;  // each document's, on a resolver of its own
    for (const Doc& d : docs) {
      texts.push_back(MakeDoc(d));
      results.push_back(testing::ThePipeline().Run(texts.back()));
      resolve::EntityResolver fresh(resolve::ResolverConfig{}, testing::Rules());
      alone.push_back(fresh.Names(texts.back(), results.back()));
    }
    resolve::EntityResolver a(resolve::ResolverConfig{}, testing::Rules());
    resolve::EntityResolver b(resolve::ResolverConfig{}, testing::Rules());
    for (int round = 0; round < 2; ++round) {  // in order, then reversed, twice each
      for (std::size_t k = 0; k < docs.size(); ++k) {
        const std::size_t i = round == 0 ? k : docs.size() - 1 - k;
        CAPTURE(docs[i].text);
        CHECK(a.Names(texts[i], results[i]) == alone[i]);
        CHECK(a.Names(texts[i], results[i]) == alone[i]);
        CHECK(b.Names(texts[i], results[i]) == alone[i]);  // another resolver between
      }
    }
  }

  // Clear() forgets the run: the next run's table is a fresh resolver's,
  // and a table made before stays valid for Apply.
  TEST_CASE("Clear: the next run starts afresh") {
    auto ids = [](const resolve::EntityTable& t) {
      std::string out;
      for (const auto& e : t.entities) out += e.id + " " + e.name + "\n";
      for (std::size_t d = 0; d < t.record_entity.size(); ++d) {
        for (std::ptrdiff_t r : t.record_entity[d]) out += std::to_string(r) + " ";
        out += "\n";
      }
      return out;
    };
    const std::vector<Doc> other = {kDocs[2], kDocs[0]};
    resolve::EntityResolver fresh(resolve::ResolverConfig{}, testing::Rules());
    AddAll(fresh, other);
    const std::string expected = ids(fresh.Resolve());
    resolve::EntityResolver reused(resolve::ResolverConfig{}, testing::Rules());
    const std::vector<DocResult> first = AddAll(reused, kDocs);
    const resolve::EntityTable before = reused.Resolve();
    reused.Clear();
    CHECK(ids(reused.Resolve()).empty());
    AddAll(reused, other);
    CHECK(ids(reused.Resolve()) == expected);
    CHECK(ids(reused.Resolve()) != ids(before));
    DocResult r = first[0];
    reused.ApplyChecked(before, 0, r);
    bool named = false;
    for (const QuoteRecord& q : r.quotes) named |= q.speaker && !q.speaker->entity.empty();
    CHECK(named);
  }

  TEST_CASE("records get the entity's id and canonical name") {
    resolve::EntityResolver resolver(resolve::ResolverConfig{}, testing::Rules());
    std::vector<DocResult> results = AddAll(resolver, kDocs);
    resolve::EntityTable table = resolver.Resolve();
    std::map<std::string, std::set<std::string>> names;  // entity → names
    for (std::size_t d = 0; d < results.size(); ++d) {
      resolve::EntityResolver::Apply(table, d, results[d]);
      for (const auto& q : results[d].quotes) {
        if (q.speaker && !q.speaker->entity.empty())
          names[q.speaker->entity].insert(q.speaker->name);
      }
    }
    for (const auto& entry : names) {
      CAPTURE(entry.first);
      CHECK(entry.second.size() == 1);
    }
    // the spokesperson quoted in documents a and b is one entity
    std::string a_id, b_id;
    for (const auto& q : results[0].quotes)
      if (q.speaker && q.speaker->role == "spokesperson") a_id = q.speaker->entity;
    for (const auto& q : results[1].quotes)
      if (q.speaker && q.speaker->role == "spokesperson") b_id = q.speaker->entity;
    CHECK(!a_id.empty());
    CHECK(a_id == b_id);
  }

  // Invented articles: each row names a record by its document and words
  // of its quote, and the role and affiliation it must end with.
  TEST_CASE("role fill: a function of the entity, never a relation, the nearest first") {
    const std::vector<Doc> docs = {
        {"r1", "",
         "It makes no mention of rival Nadia Ferrante, but the ad repeats the message.\n\nWhile "
         "candidates like Rita Salcedo are vowing to bring back jobs, few voters agree."},
        {"r2", "", "Nadia Ferrante said the vote was fair. Rita Salcedo said the count was slow."},
        {"r3", "",
         "Tomas Berrow, the city's mayor, said the bridge would open. Tomas Berrow said the road "
         "was closed."},
        {"r4", "",
         "Tomas Berrow, the mayor, said the river was high. Tomas Berrow said the dam held."},
        {"r5", "",
         "Tomas Berrow, the party's spokesman, said funds were short.\n\nLater, Tomas Berrow said "
         "the audit was done."},
        {"r6", "",
         "Five police officers stood beside Gov. Mary Hallick as she spoke. Mary Hallick said "
         "the streets were safe."},
        {"r7", "", "Mary Hallick said the budget was balanced."},
        {"r8", "",
         "Lena Ostrova, who is executive director of the fund, said the grants were late."},
    };
    struct Row {
      std::size_t doc;
      std::string quote, role, affiliation;
    } rows[] = {
        {1, "the vote was fair", "", ""},   // not "rival" (r1)
        {1, "the count was slow", "", ""},  // not affiliation "like" (r1)
        {4, "the audit was done", "spokesman",
         ""},  // its own article's role, not the run's "mayor"
        {2, "the road", "mayor", ""},
        {6, "the budget was balanced", "gov.", ""},  // not "officers" (r6)
        {5, "the streets were safe", "gov.", ""},    // the record's own "officers" is no role
        {7, "the grants were late", "executive director", ""},  // not "who is executive …"
    };
    resolve::EntityResolver resolver(resolve::ResolverConfig{}, testing::Rules());
    std::vector<DocResult> results = AddAll(resolver, docs);
    resolve::EntityTable table = resolver.Resolve();
    for (std::size_t d = 0; d < results.size(); ++d) resolver.ApplyChecked(table, d, results[d]);
    for (const Row& row : rows) {
      CAPTURE(row.quote);
      const std::string& text = docs[row.doc].text;
      const Speaker* found = nullptr;
      for (const auto& q : results[row.doc].quotes) {
        if (q.speaker &&
            text.substr(q.quote.begin, q.quote.size()).find(row.quote) != std::string::npos)
          found = &*q.speaker;
      }
      REQUIRE(found != nullptr);
      CHECK(found->role.find(row.role) != std::string::npos);
      if (row.role.empty()) CHECK(found->role.empty());
      CHECK(found->affiliation == row.affiliation);
    }
  }

  // Invented articles: forms that are no names, a label in capitals, a
  // titled surname.
  TEST_CASE("entities: tags, datelines and labels are no names; titled surnames join") {
    const std::vector<Doc> docs = {
        {"t1", "",
         "WASHINGTON — Sen. Ann Dorsey said on Monday that the bill would pass.\n\nRep. Chris "
         "Dunmore, R-NY, said he agreed. Rep. Bob Ramsey (Fla.) said the same, and Sen. Ada "
         "Quill (Maine) said so too.\n\nLeonard Voss, a tax expert, said the cuts were large. "
         "Mr. Voss said the deficit would grow."},
        {"t2", "",
         "Gov. Mary Hallick joined the program on Sunday.\n\nTAPPER: Governor, do you "
         "agree?\n\nHALLICK: I do. We want safe streets.\n\nTAPPER: Thank you."},
        {"t3", "",
         "FARM TOWNS BRACE FOR DROUGHT The Rural Water Board said wells were low.\n\nPollsters "
         "agree - Dana Pirelli: \"The numbers moved.\""},
    };
    Resolved r = Resolve(docs);
    for (const char* junk :
         {"WASHINGTON", "R-NY", "Fla", "Fla.", "Maine", "Mr. Voss", "Voss", "Pollsters",
          "FARM TOWNS BRACE FOR DROUGHT", "FARM TOWNS BRACE FOR DROUGHT The Rural Water Board"}) {
      CAPTURE(junk);
      CHECK(r.canonical.count(junk) == 0);
    }
    for (const char* form : {"R-NY", "Fla", "Fla.", "Maine"}) {
      CAPTURE(form);
      CHECK(r.entity_of.count(form) == 0);
    }
    CHECK(r.canonical.count("Chris Dunmore") == 1);
    // a titled surname in an article without the full name: the run's one
    // person of that surname, or none when two share it, or when the roles
    // disagree (another person of that surname: the party's chairman is not
    // the judge)
    // (the clusters' surnames parsed on one thread or several: JoinSurnames)
    for (unsigned threads : {1u, 2u, 3u}) {
      CAPTURE(threads);
      Resolved run = Resolve(
          {
              {"s1", "", "Newton Galbreath, a former speaker, said the tax plan was sound."},
              {"s2", "",
               "The dinner ran late.\n\nMr. Galbreath, the former speaker, said the party was "
               "united."},
              {"s3", "", "Ann Pellow, a judge, said the case was closed."},
              {"s4", "", "Bob Pellow, a lawyer, said the case was open."},
              {"s5", "", "\"We will appeal,\" Mr. Pellow said on Friday."},
              {"s6", "", "Edwin Tolliver, a judge, said the case was closed."},
              {"s7", "",
               "The dinner ran late.\n\nMr. Tolliver, the party's chairman, said the party was "
               "united."},
          },
          threads);
      CHECK(run.canonical.count("Galbreath") == 0);
      CHECK(run.entity_of.at("Mr. Galbreath") == run.entity_of.at("Newton Galbreath"));
      CHECK(run.entity_of.at("Mr. Tolliver") != run.entity_of.at("Edwin Tolliver"));
      CHECK(run.entity_of.at("Pellow") != run.entity_of.at("Ann Pellow"));
      CHECK(run.entity_of.at("Pellow") != run.entity_of.at("Bob Pellow"));
    }
    // a month name that is someone's surname in the text stays a name
    CHECK(Resolve({{"t4", "",
                    "Greta May spoke in Leeds on Monday.\n\n\"We will leave on time,\" May said."}})
              .entity_of.count("May") == 1);
    CHECK(r.entity_of.at("Voss") == r.entity_of.at("Leonard Voss"));
    CHECK(r.entity_of.at("HALLICK") == r.entity_of.at("Mary Hallick"));
    CHECK(r.canonical.count("HALLICK") == 0);
  }
}

}  // namespace
}  // namespace whosaid
