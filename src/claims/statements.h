// whosaid::claims::StatementGrouper — which quote records report the same
// statement: the same speaker entity, the same assertion, the same occasion —
// one direct quote printed by five outlets, or a direct quote in one and its
// indirect paraphrase in another, or a lead that repeats the body.
//
// Input: one StatementItem per quote record of the run (its speaker entity,
// its event, its document and its reported text), in any order; or, as a
// run holds them, one PackedItem per record (40 bytes, strings as ids) with
// the features from a FeatureSource.
// Output: a statement for every item (an item alone is a statement of one),
// ids S1, S2, … in the order of each statement's first appearance (document
// id, then offset), so ids do not depend on input order or threads.
//
// How
//   1. Terms (terms.h): content words, stemmed and cut, so that indirect
//      speech — cue, `that`, tense and pronoun shift — and British spellings
//      do not count. Each term weighs its inverse document frequency over all
//      items of the run; a name (a capitalised term) weighs `proper_weight`
//      of that, since a speaker names the same bodies in many statements.
//   2. Blocking: only items of one speaker entity are compared, and within a
//      speaker only pairs that share a term found in at most `max_posting` of
//      the speaker's items — cost about linear in the records.
//   3. A pair links when the weight of the shared terms is at least `link`
//      (`other_doc_link` across documents) of the smaller item's weight
//      (containment: a headline or a paraphrase inside a longer quote; in
//      one document the terms its text uses often, its topic, weigh less),
//      they share `min_shared` terms of which one
//      is neither a name nor `not` (`need_common`: a
//      headline that only names the speaker's forces matches nothing), and
//      their events are the same occasion (different events
//      dated more than `max_days_apart` apart are not). Stricter: documents
//      published further apart need `far_link` over `far_min_shared` terms,
//      two direct quotes of one document `same_doc_direct`, two direct
//      quotes of different documents `direct_link` or a shared run of words.
//      A record without speaker entity is first given one (`bridge_link`
//      above) or, with the same mention in its document, a speaker of its
//      own.
//   4. Links are taken strongest first (ties by content), and two groups
//      join only when every pair across them has at least `keep`
//      containment: one long record that holds two statements does not chain
//      them together.
//   Steps 2 to 4 run one speaker block at a time (links never cross a block
//   and a block keeps the run's order of its items), on the run's threads,
//   with the bags of weighed terms of that block's candidates only (memory:
//   a block's short postings and candidates per thread, not the run, nor a
//   block's every item; and, per block, one weighed similarity per pair of
//   kinds of alike items — items that agree on everything the weighing reads
//   but the document — some 32 to 64 bytes a pair of kinds, where each pair
//   of items took 8 bytes and a bit): the groups are the same for any number.
//
// Example
//   StatementGrouper g(StatementConfig{}, lexicon);
//   StatementGroups s = g.Run({{.speaker = "P1", .doc = "a", .text = "We will not end this march"},
//                              {.speaker = "P1", .doc = "b", .text = "they would not end the
//                              march"}});
//   s.of[0] == s.of[1];  s.appearances[0] == 2;  StatementGroups::Id(0) == "S1"
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "claims/packed_words.h"
#include "claims/terms.h"

namespace whosaid::claims {

struct StatementConfig {
  double link = 0.35;  // containment that makes two items one statement
  // Two reports in different documents: another outlet paraphrases the
  // speaker in its own words, while one article's further records of the
  // speaker are mostly other sentences on its topic.
  double other_doc_link = 0.32;
  double keep = 0.30;          // containment every pair inside a statement keeps
  double proper_weight = 0.5;  // weight of a name term, relative to its idf
  std::size_t min_shared = 2;  // shared terms a link needs
  // ... except one when an item of at most `short_terms` terms and a record
  // of another document on the same event (both with an event id) share a
  // word of `short_link` of the short one's weight: a brief paraphrase
  // (`to exact revenge` of `we will retaliate`).
  std::size_t short_terms = 2;
  double short_link = 0.4;
  bool need_common = true;  // a link needs a shared term that is neither a name nor `not`
  int max_days_apart = 7;   // dated events further apart are different occasions
  // Documents published more than max_days_apart apart report one
  // statement only in nearly its words: `far_link` containment over at least
  // `far_min_shared` terms (a speaker returns to a topic in another week).
  double far_link = 0.7;
  std::size_t far_min_shared = 3;
  // Two direct quotes in one document are one statement only when nearly
  // the same words that share a run (below; a headline or lead repeating
  // the body), else they are two sentences of one speech.
  double same_doc_direct = 0.8;
  // Two direct quotes in different documents report one statement in its
  // words: `direct_link` containment, or a run of words in the same order
  // whose length plus its content terms make `direct_run`, with one content
  // term at least (`will not end this`, `preserve national unity`: two
  // translations of one sentence share phrases, two sentences of one
  // speaker only topic words).
  double direct_link = 0.8;
  std::size_t direct_run = 5;
  // A record whose speaker has no entity (`the interior minister`, `his
  // son`, a headline's `rebel leader`) takes the entity of the named
  // records that share `bridge_link` of the weight of each of the two (the
  // same words, not a short record inside a long one) over
  // `bridge_min_shared` content terms, when they are all one entity and its
  // role shares a word with the description's (a relation word — `son` —
  // fits any). Else such records of one document with the same mention and
  // a role are one speaker.
  double bridge_link = 0.6;
  std::size_t bridge_min_shared = 3;
  std::size_t max_posting = 64;  // terms in more of one speaker's items find no candidates
  // Two records of one document compare their terms weighed down by the
  // document's topic: a term used more than `topic_uses` times in the
  // document weighs topic_uses / uses of its weight there (an article on a
  // vote says `vote` in every paragraph; two of its speaker's sentences
  // sharing it are not yet one statement). 0: off.
  int topic_uses = 2;
  // Memory, not the result: a speaker block of at most this many items
  // keeps its items' features while it is linked; a larger one reads them
  // again for each pass (a block of a million items need not be held).
  std::size_t held_block = 8192;
  // Memory, not the result: the records to bridge are decided this many at
  // a time (each chunk loads them and their candidates, then drops them),
  std::size_t bridge_chunk = 1024;
  // and the candidates' plain term ids are kept from chunk to chunk in
  // about 4 bytes times this, up to twice that while it grows (a named
  // record is a candidate of many chunks: kept, it is not read and its ids
  // made again in each; 0: none kept).
  std::size_t bridge_cache = std::size_t{1} << 21;
};

// What the grouper reads of an item's text, computed once per record (the
// claims stage does it per document, as the document comes: no text need be
// kept until the grouping).
// Packed (packed_words.h): a run holds them for every record.
struct ItemFeatures {
  PackedWords terms;    // TermLexicon::Terms(text): key, flag = proper
  PackedWords wording;  // a direct quote's spelling keys, in order; flag =
                        //   whether it is a content term (not `not`)

  static ItemFeatures Of(const TermLexicon& lexicon, std::string_view text, bool direct);
  // The same of the text under `span` of a scanned text (ScannedText), with
  // each term's key id in `ids` when given.
  static ItemFeatures Of(ScannedText& text, Span span, bool direct,
                         std::vector<std::uint32_t>* ids = nullptr);
};

// The strings an item views must outlive Run. (A run packs its items
// instead: PackedItems below.)
struct StatementItem {
  std::string_view speaker;     // entity id; "" → a statement of its own
  std::string_view event;       // event id; "" → unknown
  std::string_view event_date;  // "YYYY-MM-DD", "YYYY-MM" or ""
  std::string_view doc;         // document id
  std::size_t start = 0;        // where the quote starts (orders a document's items)
  std::size_t end = 0;          // and ends (two items from one offset: the shorter first)
  std::string text;             // the reported content
  std::string_view doc_date;    // the document's publication date, "YYYY-MM-DD" or ""
  bool direct = false;          // a direct quote (all words in quote marks)
  std::string_view mention;     // a speaker without entity: the words naming it ("" if none)
  std::string_view role;        // the speaker's role ("" if none)
  // How often the document uses each term of `text` (TermLexicon::Terms of
  // the text the claims stage is given for it), by term key, ascending;
  // missing: once.
  std::vector<std::pair<std::string, int>> doc_uses;
  // The same, when given, instead of doc_uses (it must outlive Run: the
  // claims stage points into its summaries rather than copy them).
  const TermUses* uses = nullptr;
  // ItemFeatures::Of(text, direct), when given (it must outlive Run); else
  // the grouper reads it from the FeatureSource given to Run, or computes
  // it from `text`.
  const ItemFeatures* features = nullptr;
};

// Where the grouper reads the features and term counts of items given
// without them (StatementItem::features null; every PackedItem): a run too
// large to hold every record's features keeps them on disk
// (run/corpus_run.h), and the grouper reads an item's when a pass, the
// bridge or its speaker block needs them, then drops them. Read and Held
// are called from up to `threads` threads at once.
class FeatureSource {
 public:
  virtual ~FeatureSource() = default;
  // Item `item` (its index in the items given to Run)'s features and uses
  // (StatementItem::uses), replacing what `features` and `uses` held (the
  // grouping reuses them from item to item: ForEachLoaded).
  virtual void Read(std::size_t item, ItemFeatures& features, TermUses& uses) const = 0;
  // Read of many items at once (any order; none held): items[k]'s into
  // *into[k].features and *into[k].uses (replaced). A source on disk reads
  // them in its file's order, neighbours in one read (the grouping asks
  // for a speaker block's items, spread over the run). With `uses` null,
  // only features->terms is read (the rest of *features left as it was):
  // the passes that read no wording nor counts.
  struct Into {
    ItemFeatures* features = nullptr;
    TermUses* uses = nullptr;
  };
  virtual void ReadMany(const std::vector<std::size_t>& items,
                        const std::vector<Into>& into) const {
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (into[k].uses) {
        Read(items[k], *into[k].features, *into[k].uses);
        continue;
      }
      ItemFeatures features;
      TermUses uses;
      Read(items[k], features, uses);
      into[k].features->terms = std::move(features.terms);
    }
  }
  // When the item's are held in memory (they outlive Run): true, and where;
  // else false (then Read gives them).
  virtual bool Held(std::size_t /*item*/, const ItemFeatures*& /*features*/,
                    const TermUses*& /*uses*/) const {
    return false;
  }
};

// The grouper's input as a run holds it: one PackedItem per record (40
// bytes; a run holds millions), its strings interned once per run (32-bit
// ids, 0 = ""), its document an index into `docs` (the id a view: it must
// outlive Run), its features and term counts only through a FeatureSource
// (held or on disk). The grouping reads the ids as their strings: two
// strings are equal when their ids are, ordered by their text (so by id
// nothing depends on the order they were interned in); two documents are
// one when their ids are the same text.
struct PackedItem {
  std::uint32_t doc = 0;          // index into PackedItems::docs
  std::uint32_t record : 31 = 0;  // the caller's: its index among its document's records
  std::uint32_t direct : 1 = 0;   // a direct quote (a bit of `record`'s word: 36 bytes an item)
  std::uint32_t speaker = 0;      // entity id; 0 → a statement of its own
  std::uint32_t event = 0;        // event id; 0 → unknown
  std::uint32_t mention = 0;      // a speaker without entity: the words naming it
  std::uint32_t role = 0;         // the speaker's role
  std::uint32_t start = 0;        // where the quote starts (a document under 4 GiB)
  std::uint32_t end = 0;          // and ends
  std::int32_t day = -1;          // DayNumber of the event's date
};

struct PackedItems {
  struct Doc {
    std::string_view id;          // the document's id (a view: must outlive Run)
    std::int32_t published = -1;  // DayNumber of its publication date
  };
  std::vector<PackedItem> items;
  // By PackedItem::doc - first_doc() (DocOf): a run's list holds every
  // document from 0; a list made for one document (SetDoc on an empty list)
  // holds only the entries from that document on, so making it costs
  // nothing of the documents before it.
  std::vector<Doc> docs;
  // By item, optional (empty: every item's is ""): the last key of the
  // canonical order (StatementItem::text).
  std::vector<std::string_view> texts;

  // `s`'s id (0 for ""), interned on first sight; String(Intern(s)) == s.
  std::uint32_t Intern(std::string_view s);
  // The id of `s` when interned, else `none`.
  std::uint32_t Find(std::string_view s, std::uint32_t none) const;
  std::string_view String(std::uint32_t id) const { return strings_[id]; }
  std::size_t strings() const { return strings_.size(); }
  // Document d's entry (docs grown to hold it; on an empty list d becomes
  // first_doc()).
  void SetDoc(std::size_t d, std::string_view id, std::string_view date);
  const Doc& DocOf(std::size_t d) const { return docs[d - first_doc_]; }
  std::size_t first_doc() const { return first_doc_; }
  // `from`'s items appended after these, their strings interned here
  // (`from`'s may then go), its documents' entries copied where set (into
  // this list's numbering: a run's list, appended to from empty, holds
  // every document from 0).
  void Append(PackedItems&& from);

 private:
  std::size_t first_doc_ = 0;  // the document docs[0] is of
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string_view> strings_{std::string_view{}};  // by id: views of ids_' keys
};

// The statements of a run, packed (a run of millions of records has about
// as many statements, most of one record): statement s (ids S1, S2, … in
// this order: Id(s)) has the items members[first[s] .. first[s + 1]), by
// (doc, start), and appears in appearances[s] distinct documents.
struct StatementGroups {
  // (4 bytes each: a run of 3.5 million items has about as many statements)
  std::vector<std::uint32_t> of;       // of[item] → statement
  std::vector<std::uint32_t> first;    // [statement] → its start in members (one more: the end)
  std::vector<std::uint32_t> members;  // items, statement by statement
  std::vector<int> appearances;        // [statement] → distinct documents

  std::size_t size() const { return appearances.size(); }
  std::vector<std::size_t> Members(std::size_t statement) const {
    return {members.begin() + static_cast<std::ptrdiff_t>(first[statement]),
            members.begin() + static_cast<std::ptrdiff_t>(first[statement + 1])};
  }
  static std::string Id(std::size_t statement);  // "S<statement + 1>"
};

class StatementGrouper {
 public:
  // `lexicon` must outlive the grouper.
  StatementGrouper(const StatementConfig& config, const TermLexicon& lexicon)
      : config_(config), lexicon_(lexicon) {}

  // The same groups for any `threads` (>= 2: the items' bags, the bridge
  // and the speaker blocks of steps 3 and 4 on that many threads). An item
  // without features is read from `source` when given (then its text,
  // doc_uses and uses are not read), else made from its text.
  StatementGroups Run(const std::vector<StatementItem>& items, unsigned threads = 1,
                      const FeatureSource* source = nullptr) const;
  // The same over packed items, each item's features from `source` (Held,
  // else Read): the groups Run over the StatementItems they pack gives.
  StatementGroups Run(const PackedItems& items, const FeatureSource& source,
                      unsigned threads = 1) const;

 private:
  StatementConfig config_;
  const TermLexicon& lexicon_;
};

// Days since 1970-01-01 of "YYYY-MM-DD"; -1 for anything else.
long DayNumber(std::string_view iso);

}  // namespace whosaid::claims
