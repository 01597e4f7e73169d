// Tests for entities::NameClusterer: groups that must and must not merge,
// context (documents, roles, affiliations, distinct_from, same_as), short
// forms, order and thread independence, and bad input.
#include "entities/clusterer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "entities/context.h"
#include "entities_fixture.h"

namespace whosaid::entities {
namespace {

using testing::Clusterer;
using testing::Inputs;
using testing::Partition;

// "0 0 1": the cluster of each input, numbered by first appearance.
std::string Groups(const std::vector<NameInput>& in) {
  std::string out;
  for (long k : Partition(Clusterer().Run(in))) {
    if (!out.empty()) out += ' ';
    out += std::to_string(k);
  }
  return out;
}

NameInput Person(std::string name, NameContext context = NameContext()) {
  return {std::move(name), EntityType::kPerson, std::move(context)};
}

// Contexts with one field set (designated initializers would leave the
// others to -Wmissing-field-initializers).
using Words = std::vector<std::string>;
NameContext Docs(Words docs, Words distinct_from = {}) {
  NameContext c;
  c.docs = std::move(docs);
  c.distinct_from = std::move(distinct_from);
  return c;
}
NameContext Roles(Words roles) {
  NameContext c;
  c.roles = std::move(roles);
  return c;
}
NameContext Affiliations(Words affiliations) {
  NameContext c;
  c.affiliations = std::move(affiliations);
  return c;
}
NameContext SameAs(Words names) {
  NameContext c;
  c.same_as = std::move(names);
  return c;
}
NameContext Opaque() {
  NameContext c;
  c.opaque = true;
  return c;
}
NameContext Tentative(Words docs) {
  NameContext c;
  c.docs = std::move(docs);
  c.tentative = true;
  return c;
}

}  // namespace

TEST_SUITE("entities.clusterer") {
  TEST_CASE("names alone: which names are one entity") {
    struct Row {
      std::string name;
      std::vector<std::string> names;
      EntityType type;
      std::string clusters;  // by first appearance
    };
    constexpr EntityType P = EntityType::kPerson, O = EntityType::kOrg;
    // clang-format off
    const std::vector<Row> rows = {
        {"one person, four spellings and a short form",
         {"Hedayatullah Showarabani", "Hedayatullah Shwarbani", "Mufti Hedayatullah Shwarabni",
          "Hidayatullah Shwarebni", "Shwarbani"}, P, "0 0 0 0 0"},
        {"Ibrahim Soomro is not Ibrahim Khan Achakzai; Soomro is Ibrahim Soomro's",
         {"Ibrahim Soomro", "Ibrahim Khan Achakzai", "Soomro"}, P, "0 1 0"},
        {"Yahya Sarei is not Rajeh Sarei; Sarei alone is ambiguous",
         {"Yahya Sarei", "Rajeh Sarei", "Sarei"}, P, "0 1 2"},
        {"Shafi and Shafiq need context",
         {"Mohammad Shafi", "Shafiq", "Mohammad Shafiq"}, P, "0 1 1"},
        {"no chain through a short form: two Khans stay apart",
         {"Jamil Khan Zarkoni", "Khan", "Mohammed Khan"}, P, "0 1 2"},
        {"short forms of one full name join it together",
         {"Haji Jamil Khan Zarkoni Mohammadyari", "Jamil Khan Zarkoni", "Jamil Khan Mohammadyari",
          "Jamil Khan"}, P, "0 0 0 0"},
        {"one odd spelling does not keep out another spelling of the same full name",
         {"Jawad Hilmi Al-Mutaqy", "Jawad Hilmi Al-Mutky", "Jawad Hilmi Al-Motky",
          "Jawad Hilmi Al-Matqi"}, P, "0 0 0 0"},
        {"... nor does one doubtful part that begins alike",
         {"Faris Omar Dalaiman", "Faris Omar Dulayman", "Faris Omar Dalamin"}, P, "0 0 0"},
        {"an odd spelling does not keep out a longer name its other spellings agree with",
         {"Tarek Yunis Kamadin", "Tarek Yunis Kamaidan", "Tarek Yunis Abd al-Sami Kumaidan"},
         P, "0 0 0"},
        {"... but a short form with another given name is no such name",
         {"Samwil Karam Al-Nadi", "Samuel Karam El-Nadi", "Shamil Karam"}, P, "0 0 1"},
        {"a respelling of a short form joins the full name it is short of",
         {"Khalid Saeed Nouri Mazdhan", "Khalid Mazdhan", "Khalid Mazthan"}, P, "0 0 0"},
        {"Defence / Defense Ministry of one country",
         {"Pakistan’s Defence Ministry", "Pakistani Defense Ministry", "Islamabad defense ministry",
          "Egypt’s Interior Ministry"}, O, "0 0 0 1"},
        {"Iraq Nujum is not Syrian Nujum",
         {"Iraq Nujum", "Harakat-e-Nujum Iraq", "Syrian Nujum", "Harakat-i-Nujum Iraq"},
         O, "0 0 1 0"},
        {"Interior Ministry is not the Ministry of Foreign Affairs",
         {"Interior Ministry", "Ministry of Foreign Affairs", "Foreign Office"}, O, "0 1 1"},
        {"an owner-less name between two owners is ambiguous",
         {"Ministry of Foreign Affairs", "Iraqi Foreign Office", "Syrian foreign office"}, O, "0 1 2"},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(Groups(Inputs(row.names, row.type)) == row.clusters);
    }
  }

  TEST_CASE("context confirms weak matches and blocks any") {
    struct Row {
      std::string name;
      std::vector<NameInput> in;
      std::string clusters;
    };
    const NameContext d1 = Docs({"d1"}), d3 = Docs({"d3"});
    // clang-format off
    const std::vector<Row> rows = {
        {"one article writes Mohammad Shafi and Shafiq",
         {Person("Mohammad Shafi", d1), Person("Shafiq", Docs({"d1", "d3"})), Person("Mohammad Shafiq", d3)},
         "0 0 0"},
        {"a weak match alone does not merge",
         {Person("Mohammad Hatim"), Person("Muhammad Hatam")}, "0 1"},
        {"the same role confirms it",
         {Person("Mohammad Hatim", Roles({"special representative"})),
          Person("Muhammad Hatam", Roles({"representative"}))}, "0 0"},
        {"different roles block even a spelling variant",
         {Person("Tahir Nazir", Roles({"army chief"})),
          Person("Taher Nazir", Roles({"spokesperson"}))}, "0 1"},
        {"role synonyms agree",
         {Person("Tahir Nazir", Roles({"spokesman"})),
          Person("Taher Nazir", Roles({"spokesperson"}))}, "0 0"},
        {"identical spellings are one form: context cannot split them",
         {Person("Tahir Nazir", Roles({"army chief"})),
          Person("Tahir Nazeer", Roles({"spokesperson"}))}, "0 0"},
        {"the same affiliation, however spelled, agrees",
         {Person("Hedayatullah Shwarabni", Affiliations({"Somalia’s Defence Ministry"})),
          Person("Hidayatullah Shwarebni", Affiliations({"Somali Defense Ministry"}))}, "0 0"},
        {"different affiliations block",
         {Person("Hedayatullah Shwarabni", Affiliations({"Somalia’s Defence Ministry"})),
          Person("Hidayatullah Shwarebni", Affiliations({"Egypt’s Interior Ministry"}))}, "0 1"},
        {"seen as different people in one document",
         {Person("Mohammad Shafiq", Docs({"d1"}, {"Mohammad Shafeq"})),
          Person("Mohammad Shafeq", d1)}, "0 1"},
        {"the same names without that",
         {Person("Mohammad Shafiq", d1), Person("Mohammad Shafeq", d1)}, "0 0"},
        {"context picks the one longer form of an ambiguous short form",
         {Person("Yahya Sarei", d1), Person("Rajeh Sarei", d3), Person("Sarei", d1)}, "0 1 0"},
        {"a clause taken for a name matches nothing",
         {NameInput{"relations between the Unity Council and the Peace Front", EntityType::kOrg,
                    Opaque()},
          NameInput{"Peace Front", EntityType::kOrg, NameContext()}},
         "0 1"},
        {"a tentative name needs a strong match, not a weak one and a shared document",
         {Person("Mohammad Shafi", d1), Person("Mohammad Shafiq", Tentative({"d1"}))}, "0 1"},
        {"an alias the text states bridges names with nothing in common",
         {Person("Karim Zuwari", d1), Person("Bazooka", Docs({"d3"})),
          NameInput{"Karim al-Zuwari", EntityType::kPerson, SameAs({"Bazooka"})}},
         "0 0 0"},
        {"two documents each state a nickname: the names meet through them",
         {Person("Yasin Omar", Docs({"d1"})), Person("Hawk", Docs({"d1"})),
          NameInput{"Yasin Omar", EntityType::kPerson, SameAs({"Hawk"})},
          Person("Yasin Omar Dagane", Docs({"d3"})), Person("Falcon", Docs({"d3"})),
          NameInput{"Falcon", EntityType::kPerson, SameAs({"Yasin Omar Dagane"})}},
         "0 0 0 0 0 0"},
        {"an acronym the text defines",
         {NameInput{"UNAMI", EntityType::kOrg, SameAs({"UN Assistance Mission in Iraq"})},
          NameInput{"UN Assistance Mission in Iraq", EntityType::kOrg, NameContext()}}, "0 0"},
        // (the link on either form: one of these two rows has it on the
        // later form, which ContextPartners reads through its reverse index)
        {"an acronym the text defines, the link on the expansion",
         {NameInput{"UNAMI", EntityType::kOrg, NameContext()},
          NameInput{"UN Assistance Mission in Iraq", EntityType::kOrg, SameAs({"UNAMI"})}}, "0 0"},
    };
    // clang-format on
    for (const Row& row : rows) {
      CAPTURE(row.name);
      CHECK(Groups(row.in) == row.clusters);
    }
  }

  // Forms named together in many documents give each pair once (a form's
  // context partners come with repeats, made unique with its candidates):
  // 150 forms in 100 shared documents make 1.1 million pairs before
  // repeats go, and cluster as the same forms in one document do.
  TEST_CASE("a pair of forms met in many documents is judged as in one") {
    const std::vector<std::string> first = {"Hatim", "Yahya", "Rajeh", "Ibrahim", "Jamil",
                                            "Tahir", "Karim", "Yasin", "Omar",    "Abdul"};
    const std::vector<std::string> last = {
        "Soomro", "Sarei",  "Shafiq",      "Durakat",      "Achakzai", "Zarkoni", "Nazir", "Zuwari",
        "Dagane", "Qadeer", "Showarabani", "Mohammadyari", "Khan",     "Backer",  "Hatam"};
    Words many;
    for (int d = 0; d < 100; ++d) {
      std::string id = "d";  // (appended: GCC 12's -Wrestrict misfires on "d" + to_string)
      id += std::to_string(d);
      many.push_back(id);
    }
    std::vector<NameInput> one_doc, many_docs;
    for (const std::string& f : first) {
      for (const std::string& l : last) {
        std::string name = f;
        name += ' ';
        name += l;
        one_doc.push_back(Person(name, Docs({"d0"})));
        many_docs.push_back(Person(name, Docs(many)));
      }
    }
    CHECK(one_doc.size() == 150);
    CHECK(Groups(many_docs) == Groups(one_doc));
  }

  TEST_CASE("the result does not depend on input order or threads") {
    const std::vector<std::string> names = {"Hedayatullah Showarabani",
                                            "Shwarbani",
                                            "Mufti Hedayatullah Shwarabni",
                                            "Ibrahim Soomro",
                                            "Soomro",
                                            "Ibrahim Khan Achakzai",
                                            "Yahya Sarei",
                                            "Rajeh Sarei",
                                            "Sarei",
                                            "Mohammad Shafi",
                                            "Shafiq",
                                            "Mohammad Shafiq",
                                            "Haji Jamil Khan Zarkoni Mohammadyari",
                                            "Jamil Khan Zarkoni",
                                            "Jamil Khan Mohammadyari",
                                            "Jamil Khan",
                                            "Mohammed Khan",
                                            "Hatim Ahmad Durakat",
                                            "Hatem Ahmad Durakat",
                                            "Hatam Ahmad Durakat",
                                            "Ahmad Durakat",
                                            "Muhammad Dabbas",
                                            "Mohammad Hassan Dabbas",
                                            "Mohammad Hasan Dabbas",
                                            "Zohami Khaled",
                                            "Khaled Al-Zuhami",
                                            "Abd al-Rahman Tilad",
                                            "Abdurrahman Al Tilad",
                                            "Mounir Younous",
                                            "Munir Younous",
                                            "'Munir Yunus"};
    auto id_of = [](const std::vector<NameInput>& in, const Clustering& c, const std::string& n) {
      for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i].name == n) return c.clusters[static_cast<std::size_t>(c.cluster_of[i])].id;
      }
      return std::string();
    };
    std::vector<NameInput> base = Inputs(names, EntityType::kPerson);
    Clustering expected = Clusterer().Run(base);
    std::mt19937 rng(7);
    for (int round = 0; round < 5; ++round) {
      std::vector<NameInput> shuffled = base;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      Clustering got = Clusterer().Run(shuffled);
      for (const std::string& n : names) {
        CAPTURE(n);
        CHECK(id_of(shuffled, got, n) == id_of(base, expected, n));
      }
    }
    ClusterConfig threaded;
    threaded.threads = 4;
    NameClusterer parallel(threaded, testing::Rules());
    std::vector<NameInput> many;
    for (int copy = 0; copy < 40; ++copy) many.insert(many.end(), base.begin(), base.end());
    CHECK(Partition(parallel.Run(many)) == Partition(Clusterer().Run(many)));
  }

  TEST_CASE("cluster ids and explanations") {
    std::vector<NameInput> in =
        Inputs({"Mufti Hedayatullah Shwarabni", "Hedayatullah Showarabani"}, EntityType::kPerson);
    Clustering c = Clusterer().Run(in);
    REQUIRE(c.clusters.size() == 1);
    CHECK(c.clusters[0].id == "person:hedayatullah showarabani");  // smallest normalised member
    CHECK(c.clusters[0].forms.size() == 2);
    REQUIRE(c.clusters[0].merges.size() == 1);
    CHECK(c.clusters[0].merges[0].rule == "spelling variant");
    CHECK(c.clusters[0].merges[0].detail.find("shwarabni~showarabani") != std::string::npos);
  }

  // A document's forms are compared with each other only while it has no
  // more than max_document_forms of them: Mohammad Shafi meets Shafiq only
  // through d1 (their skeletons differ), so with a cap below d1's two forms
  // it stays apart, and the cap is per document (d3 alone still pairs).
  TEST_CASE("a document with more forms than max_document_forms pairs none") {
    struct Row {
      std::size_t max_document_forms;
      std::string clusters;
    };
    const std::vector<NameInput> in = {Person("Mohammad Shafi", Docs({"d1"})),
                                       Person("Shafiq", Docs({"d1", "d3"})),
                                       Person("Mohammad Shafiq", Docs({"d3"}))};
    for (const Row& row : std::vector<Row>{{200, "0 0 0"}, {2, "0 0 0"}, {1, "0 1 1"}}) {
      CAPTURE(row.max_document_forms);
      ClusterConfig config;
      config.max_document_forms = row.max_document_forms;
      const NameClusterer clusterer(config, testing::Rules());
      std::string out;
      for (long k : Partition(clusterer.Run(in))) {
        if (!out.empty()) out += ' ';
        out += std::to_string(k);
      }
      CHECK(out == row.clusters);
    }
  }

  TEST_CASE("documents as numbers are the documents \"n\"") {
    // resolve/ gives every distinct name its documents as numbers: the same
    // clusters and explanations as with the strings, mixed or not
    auto run = [](bool numbers_first, bool numbers_second) {
      auto context = [](bool numbers, std::vector<std::uint32_t> docs) {
        NameContext c;
        for (std::uint32_t d : docs) {
          if (numbers)
            c.doc_numbers.push_back(d);
          else
            c.docs.push_back(std::to_string(d));
        }
        return c;
      };
      const std::vector<NameInput> in = {Person("Mohammad Shafi", context(numbers_first, {7, 12})),
                                         Person("Shafiq", context(numbers_second, {12, 3})),
                                         Person("Mohammad Shafiq", context(numbers_first, {3}))};
      const Clustering c = Clusterer().Run(in);
      std::string out;
      for (long k : Partition(c)) out += std::to_string(k) + " ";
      for (const Cluster& cluster : c.clusters) {
        for (const MergeExplanation& m : cluster.merges) {
          for (const std::string& x : m.shared) out += x + " ";
        }
      }
      return out;
    };
    const std::string strings = run(false, false);
    CHECK(strings.rfind("0 0 0 ", 0) == 0);
    CHECK(strings.find("doc:12") != std::string::npos);
    CHECK(run(true, true) == strings);
    CHECK(run(true, false) == strings);
    CHECK(run(false, true) == strings);
  }

  TEST_CASE("bad input gets a defined result, never a crash") {
    std::string twenty;
    for (int i = 0; i < 20; ++i) twenty += "Name" + std::to_string(i) + " ";
    const std::vector<std::string> names = {"",
                                            "   ",
                                            "!!!",
                                            "x",
                                            "X",
                                            "Q",
                                            twenty,
                                            twenty,
                                            "محمد عبد الله",
                                            "毛泽东",
                                            std::string(100000, 'k'),
                                            "Ali\xFF\xFE Khan",
                                            "\xF0\x9F\x98\x80",
                                            "a b c d e f g h i j k l m n"};
    std::vector<NameInput> in = Inputs(names, EntityType::kUnknown);
    Clustering c = Clusterer().Run(in);
    REQUIRE(c.cluster_of.size() == names.size());
    CHECK(c.cluster_of[0] == -1);               // empty
    CHECK(c.cluster_of[1] == -1);               // blanks
    CHECK(c.cluster_of[2] == -1);               // punctuation
    CHECK(c.cluster_of[10] == -1);              // 100 000 bytes: not a name
    CHECK(c.cluster_of[12] == -1);              // an emoji
    CHECK(c.cluster_of[3] == c.cluster_of[4]);  // x = X
    CHECK(c.cluster_of[3] != c.cluster_of[5]);
    CHECK(c.cluster_of[6] == c.cluster_of[7]);  // identical lines stay together
    for (std::size_t i : {3, 5, 6, 8, 9, 11, 13}) CHECK(c.cluster_of[i] >= 0);
  }

  TEST_CASE("links made beforehand, in any order, add as Add with the look-up does") {
    auto synonyms = ContextTable::LoadRoleSynonyms(testing::Rules());
    const auto& parser = Clusterer().parser();
    // three forms, by their parsed keys
    const std::vector<std::string> keys = {
        parser.Parse("Yahya Sarei", EntityType::kPerson).Key(),
        parser.Parse("Rajeh Sarei", EntityType::kPerson).Key(),
        parser.Parse("UN Assistance Mission in Iraq", EntityType::kOrg).Key()};
    const ContextTable::FormLookup lookup = [&](const std::string& key) {
      auto it = std::find(keys.begin(), keys.end(), key);
      return it == keys.end()
                 ? std::nullopt
                 : std::optional<std::uint32_t>(static_cast<std::uint32_t>(it - keys.begin()));
    };
    NameContext a = Docs({"d1", "d2"}, {"Rajeh Sarei", "Nobody Known"});
    a.roles = {"military spokesman", "Spokesperson", ""};
    a.affiliations = {"Somalia's Defence Ministry", "Foreign Office"};
    NameContext b = SameAs({"UN Assistance Mission in Iraq", "Yahya Sarei"});
    b.roles = {"security analyst", "analyst"};
    b.doc_numbers = {3, 1, 3};
    NameContext c = Affiliations({"Somali Defense Ministry", "Egypt's foreign ministry"});
    c.distinct_from = {"Yahya Sarei"};
    c.tentative = true;
    const std::vector<std::pair<NameContext, EntityType>> inputs = {{a, EntityType::kPerson},
                                                                    {b, EntityType::kOrg},
                                                                    {c, EntityType::kPerson},
                                                                    {Opaque(), EntityType::kPerson},
                                                                    {a, EntityType::kPerson}};
    ContextTable direct(parser, synonyms, ContextRules{});
    ContextTable linked(parser, synonyms, ContextRules{});
    std::vector<FormContext> want(inputs.size()), got(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i)
      direct.Add(inputs[i].first, inputs[i].second, want[i], lookup);
    std::vector<ContextTable::Links> links(inputs.size());
    for (std::size_t i = inputs.size(); i-- > 0;)  // made last to first
      linked.MakeLinks(inputs[i].first, inputs[i].second, lookup, links[i]);
    for (std::size_t i = 0; i < inputs.size(); ++i) linked.Add(inputs[i].first, got[i], links[i]);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      CAPTURE(i);
      ContextTable::Finish(want[i]);
      ContextTable::Finish(got[i]);
      CHECK(got[i].docs == want[i].docs);
      CHECK(got[i].roles == want[i].roles);
      CHECK(got[i].affiliations == want[i].affiliations);
      CHECK(got[i].distinct == want[i].distinct);
      CHECK(got[i].same_as == want[i].same_as);
      CHECK(got[i].tentative == want[i].tentative);
      CHECK(got[i].opaque == want[i].opaque);
      for (std::size_t j = 0; j < inputs.size(); ++j) {
        CAPTURE(j);
        const auto x = static_cast<std::uint32_t>(i), y = static_cast<std::uint32_t>(j);
        CHECK(linked.Judge(x, got[i], y, got[j]) == direct.Judge(x, want[i], y, want[j]));
        CHECK(linked.Shared(got[i], got[j]) == direct.Shared(want[i], want[j]));
      }
    }
    CHECK(want[0].distinct == std::vector<std::uint32_t>{1});  // (the look-up found something)
    CHECK(!want[1].same_as.empty());
    CHECK(!want[0].roles.empty());
  }

  TEST_CASE("threads do not change clusters, ids or explanations, context included") {
    std::vector<NameInput> in = {
        Person("Yahya Sarei", Docs({"d1"}, {"Rajeh Sarei"})),
        Person("Rajeh Sarei", Docs({"d1"}, {"Yahya Sarei"})),
        Person("Sarei", Roles({"military spokesman"})),
        Person("Yahya Sarei", Roles({"spokesman"})),
        Person("Hedayatullah Showarabani", Affiliations({"Somalia's Defence Ministry"})),
        Person("Hidayatullah Shwarbani", Affiliations({"Somali Defense Ministry"})),
        Person("Mohammad Shafi", Docs({"d2"})),
        Person("Shafiq", Docs({"d2"})),
        Person("Mohammad Shafiq", Docs({"d3"})),
        {"UN Assistance Mission in Iraq", EntityType::kOrg, SameAs({"UNAMI"})},
        {"UNAMI", EntityType::kOrg, NameContext()},
        Person("Ibrahim Soomro", Roles({"security analyst"})),
        Person("Soomro", Roles({"analyst"})),
        Person("relations between the Council and the Front", Opaque()),
    };
    std::vector<NameInput> many;
    for (int copy = 0; copy < 30; ++copy) {
      for (NameInput x : in) {
        const std::string copy_of = std::to_string(copy % 7);
        for (std::string& d : x.context.docs) d.append(1, '-').append(copy_of);
        many.push_back(std::move(x));
      }
    }
    ClusterConfig threaded;
    threaded.threads = 3;
    NameClusterer parallel(threaded, testing::Rules());
    for (const std::vector<NameInput>* run : {&in, &many}) {
      const Clustering want = Clusterer().Run(*run), got = parallel.Run(*run);
      CHECK(got.cluster_of == want.cluster_of);
      REQUIRE(got.clusters.size() == want.clusters.size());
      for (std::size_t k = 0; k < want.clusters.size(); ++k) {
        CAPTURE(want.clusters[k].id);
        CHECK(got.clusters[k].id == want.clusters[k].id);
        CHECK(got.clusters[k].forms == want.clusters[k].forms);
        REQUIRE(got.clusters[k].merges.size() == want.clusters[k].merges.size());
        for (std::size_t m = 0; m < want.clusters[k].merges.size(); ++m) {
          CHECK(got.clusters[k].merges[m].form == want.clusters[k].merges[m].form);
          CHECK(got.clusters[k].merges[m].matched == want.clusters[k].merges[m].matched);
          CHECK(got.clusters[k].merges[m].rule == want.clusters[k].merges[m].rule);
          CHECK(got.clusters[k].merges[m].shared == want.clusters[k].merges[m].shared);
        }
      }
    }
  }

  TEST_CASE("short forms decided on several threads: the verdicts and checks of one") {
    // many short forms with two longer forms each (DropAmbiguousShortForms
    // takes them on the config's threads): context confirms one, both or
    // none, so some pairs are dropped and some kept
    const std::vector<std::string> surnames = {"Sarei",   "Durakat",  "Dabbas",    "Tilad",
                                               "Soomro",  "Zuwari",   "Shwarabni", "Nazir",
                                               "Younous", "Achakzai", "Kamadin",   "Wadhran"};
    const std::vector<std::pair<std::string, std::string>> given = {
        {"Yahya", "Rajeh"}, {"Hatim", "Ibrahim"}, {"Muhammad", "Karim"}};
    std::vector<NameInput> in;
    for (std::size_t k = 0; k < surnames.size(); ++k) {
      const std::string& sn = surnames[k];
      const auto& [a, b] = given[k % given.size()];
      const std::string num = std::to_string(k);
      const std::string da = std::string("a").append(num), db = std::string("b").append(num);
      in.push_back(Person(a + " " + sn, Docs({da})));
      in.push_back(Person(b + " " + sn, Docs({db})));
      // the bare surname: in the first one's document, in both, or in neither
      const Words docs = k % 3 == 0   ? Words{da}
                         : k % 3 == 1 ? Words{da, db}
                                      : Words{std::string("c").append(num)};
      in.push_back(Person(sn, Docs(docs)));
    }
    const Clustering want = Clusterer().Run(in);
    for (unsigned threads : {2u, 3u, 5u}) {
      CAPTURE(threads);
      ClusterConfig threaded;
      threaded.threads = threads;
      const Clustering got = NameClusterer(threaded, testing::Rules()).Run(in);
      CHECK(got.cluster_of == want.cluster_of);
      CHECK(got.stats.linkage_checks == want.stats.linkage_checks);
      CHECK(got.stats.merges == want.stats.merges);
    }
    CHECK(want.stats.linkage_checks > 0);
  }

  TEST_CASE("the examples of roles.txt hold") {
    auto synonyms = ContextTable::LoadRoleSynonyms(testing::Rules());
    ContextTable table(Clusterer().parser(), synonyms, ContextRules{});
    for (const auto& ex : testing::Examples("names/roles.txt")) {
      CAPTURE(ex.line);
      CHECK(table.RoleWords(ex.input) == ex.expected);
    }
  }
}

}  // namespace whosaid::entities
