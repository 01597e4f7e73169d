#include "resolve/entity_resolver.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/flat_map.h"
#include "core/parallel.h"
#include "core/places.h"
#include "core/release.h"
#include "core/text.h"
#include "entities/context.h"
#include "resolve/caps.h"
#include "resolve/spelling_report.h"
#include "segment/tokenizer.h"
#include "segment/word_lists.h"

namespace whosaid::resolve {
namespace {

using entities::EntityType;
using entities::MentionKind;
using entities::NameMention;

using Kind = NameKind;

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kPerson:
      return "person";
    case Kind::kOrganization:
      return "organization";
    case Kind::kGroup:
      return "group";
    case Kind::kOperation:
      return "operation";
  }
  return "person";
}

char KindPrefix(Kind k) {
  switch (k) {
    case Kind::kPerson:
      return 'P';
    case Kind::kOrganization:
      return 'O';
    case Kind::kGroup:
      return 'G';
    case Kind::kOperation:
      return 'X';
  }
  return 'P';
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(segment::Lower(s.substr(i, j - i)));
    i = j;
  }
  return out;
}

// Words(s).size() without the words: the runs of bytes other than a space.
std::size_t WordCount(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) n += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
  return n;
}

// A word without an apostrophe that ends it (Nouri’ = Nouri).
std::string NoEndApostrophe(std::string w) {
  return std::string(text::WithoutPossessive(w, text::Possessive::kApostrophe, true));
}

// The words WordsWithin compares: lower case, without an ending apostrophe.
std::vector<std::string> WithinWords(std::string_view s) {
  std::vector<std::string> out = Words(s);
  for (auto& x : out) x = NoEndApostrophe(x);
  return out;
}

// WordsWithin on words already read (WithinWords).
bool AllWordsIn(const std::vector<std::string>& p, const std::vector<std::string>& w) {
  if (p.empty()) return false;
  for (const std::string& x : p) {
    if (std::find(w.begin(), w.end(), x) == w.end()) return false;
  }
  return true;
}

// WithinWords read into reused storage: each word's bytes (lower case,
// without an ending apostrophe) as a range of `bytes`.
struct WithinScratch {
  std::string bytes;
  std::vector<std::pair<std::size_t, std::size_t>> words;  // offset, size

  void Read(std::string_view s) {
    bytes.clear();
    words.clear();
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && s[i] == ' ') ++i;
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ') ++j;
      if (j > i) {
        const std::size_t at = bytes.size();
        segment::AppendLower(bytes, s.substr(i, j - i));
        const std::string_view word = text::WithoutPossessive(std::string_view(bytes).substr(at),
                                                              text::Possessive::kApostrophe, true);
        words.emplace_back(at, word.size());
      }
      i = j;
    }
  }
  std::string_view Word(std::size_t k) const {
    return std::string_view(bytes).substr(words[k].first, words[k].second);
  }
};

// Every word of `part` is a word of `whole` (a short form: "Soomro" of
// "Kamal Soomro"); AllWordsIn(WithinWords(part), WithinWords(whole)) without
// building either list (it runs for every quote's speaker).
bool WordsWithin(std::string_view part, std::string_view whole) {
  thread_local WithinScratch p, w;
  p.Read(part);
  if (p.words.empty()) return false;
  w.Read(whole);
  for (std::size_t a = 0; a < p.words.size(); ++a) {
    bool found = false;
    for (std::size_t b = 0; b < w.words.size() && !found; ++b) found = p.Word(a) == w.Word(b);
    if (!found) return false;
  }
  return true;
}

// A speaker phrase that opens in lower case and has a lower-case word
// longer than a name particle (de, van, bin, al) is a clause, not a name:
// "relations between the Council and the Front", "led Syrian rebels".
bool Clause(std::string_view name) {
  constexpr std::size_t kMaxParticleBytes = 3;
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  std::size_t start = 0;
  for (std::size_t end = 0; end <= name.size(); ++end) {
    if (end < name.size() && name[end] != ' ') continue;
    const std::string_view word = name.substr(start, end - start);
    start = end + 1;
    const bool lower = !word.empty() && word[0] >= 'a' && word[0] <= 'z' &&
                       word.find('-') == std::string_view::npos;
    if (lower && word.size() > kMaxParticleBytes) return true;
  }
  return false;
}

// One word of ASCII bytes (no space): its parse is that of its lower case.
bool AsciiWord(std::string_view w) {
  return std::all_of(w.begin(), w.end(),
                     [](char c) { return c != ' ' && static_cast<unsigned char>(c) < 0x80; });
}

// A mention as a name form: no leading article, parenthetical or possessive.
std::string FormOf(std::string_view m) {
  for (std::string_view article : {"the ", "The ", "THE "}) {
    if (m.substr(0, article.size()) == article) m.remove_prefix(article.size());
  }
  if (!m.empty() && m.back() == ')') {
    std::size_t open = m.rfind(" (");
    if (open != std::string_view::npos) m = m.substr(0, open);
  }
  m = text::WithoutPossessive(m, text::Possessive::kAny, false);
  while (!m.empty() && (m.back() == ' ' || m.back() == ',' || m.back() == '.')) m.remove_suffix(1);
  return std::string(m);
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (s.empty()) return;
  // (the ends tested before the bytes: the lists are a document's other
  // names, of alike lengths, met again in every document of the group)
  for (const std::string& x : v) {
    if (x.size() == s.size() && x.front() == s.front() && x.back() == s.back() && x == s) return;
  }
  v.push_back(s);
}

// AddUnique for a list that may grow long (the names a document keeps
// apart from a person named in thousands of documents, met again in each):
// past kScanMax strings, `v`'s strings are found through `slots`, open
// addressing on HashBytes (1 + the string's index in `v`; 0: empty; at
// most half full). `slots` is empty until then.
void AddUniqueIndexed(std::vector<std::string>& v, std::vector<std::uint32_t>& slots,
                      const std::string& s) {
  constexpr std::size_t kScanMax = 16;
  if (v.size() < kScanMax) return AddUnique(v, s);
  if (s.empty()) return;
  auto place = [&slots](std::string_view x, std::uint32_t entry) {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = HashBytes(x) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = entry;
  };
  if (2 * (v.size() + 1) > slots.size()) {
    slots.assign(std::bit_ceil(2 * (v.size() + 1)), 0);
    for (std::size_t k = 0; k < v.size(); ++k) place(v[k], static_cast<std::uint32_t>(k + 1));
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = HashBytes(s) & mask; slots[i] != 0; i = (i + 1) & mask) {
    if (v[slots[i] - 1] == s) return;
  }
  v.push_back(s);
  place(s, static_cast<std::uint32_t>(v.size()));
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// The words of a name as the name parser keys them, case, particles,
// apostrophes and name families aside (al-Zuwari = Zuwari, Nouri’ = Nouri,
// Mohamed = Muhammad); cached per name.
class WordKeys {
 public:
  explicit WordKeys(const entities::NameParser& parser) : parser_(parser) {}
  // The reference stays valid until Forget (a deque never moves its items).
  const std::vector<std::string>& Of(std::string_view name) {
    const std::uint64_t hash = HashBytes(name);
    if (const std::uint32_t* at = index_.Find(name, hash)) return names_[*at];
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < name.size();) {  // Words(name), each lowered into word_
      while (i < name.size() && name[i] == ' ') ++i;
      std::size_t j = i;
      while (j < name.size() && name[j] != ' ') ++j;
      if (j > i) {
        word_.clear();
        segment::AppendLower(word_, name.substr(i, j - i));
        keys.push_back(OfWord(word_));
      }
      i = j;
    }
    index_.Insert(name, hash, static_cast<std::uint32_t>(names_.size()));
    return names_.emplace_back(std::move(keys));
  }
  // The names cached (Of).
  std::size_t size() const { return names_.size(); }
  // `word` as reporter.Prepare makes it (one reporter per WordKeys), cached:
  // its number in this cache, valid until Forget or StartDocument.
  std::uint32_t PreparedAt(const SpellingReporter& reporter, const std::string& word) {
    if (const std::uint32_t* at = prepared_index_.Find(word)) return *at;
    const auto at = static_cast<std::uint32_t>(prepared_.size());
    prepared_index_.Insert(word, at);
    prepared_.emplace_back(reporter.Prepare(word));
    return at;
  }
  // reporter.Transliteration(a, b, true) of the words numbered a and b
  // (PreparedAt), remembered per pair past the first-byte test (Label
  // costs some 1,200 instructions; a story's documents compare the same
  // words with the same names again and again).
  bool Transliterates(const SpellingReporter& reporter, std::uint32_t a, std::uint32_t b) {
    constexpr std::size_t kMaxPairs = 1 << 16;  // some 3 MB a fold worker
    if (!reporter.MayTransliterate(prepared_[a], prepared_[b])) return false;
    const std::uint64_t key = (std::uint64_t{a} << 32) | b;
    if (auto it = transliterates_.find(key); it != transliterates_.end()) return it->second;
    const bool yes = reporter.Transliteration(prepared_[a], prepared_[b], true);
    if (transliterates_.size() >= kMaxPairs) transliterates_.clear();  // a bound, not a limit
    transliterates_.emplace(key, yes);
    return yes;
  }
  // The word numbered `at` (PreparedAt) as reporter.Prepare made it: the
  // reference stays valid until Forget or StartDocument (a deque never
  // moves its items).
  const SpellingReporter::LabelWord& Prepared(std::uint32_t at) const { return prepared_[at]; }
  // Between documents: the Prepared cache starts again once it holds
  // kMaxPrepared words (a bound on a run's capitalised words, not a limit:
  // it refills on demand).
  void StartDocument() {
    constexpr std::size_t kMaxPrepared = 1 << 16;
    if (prepared_.size() < kMaxPrepared) return;
    Release(prepared_index_);
    Release(prepared_);
    Release(transliterates_);
  }
  void Forget() {
    Release(index_);
    Release(names_);
    Release(words_);
    Release(prepared_index_);
    Release(prepared_);
    Release(transliterates_);
  }

 private:
  // One lower-case word's key: its parts' text as the parser spells them.
  const std::string& OfWord(const std::string& w) {
    const std::uint64_t hash = HashBytes(w);
    if (const std::string* key = words_.Find(w, hash)) return *key;
    std::string key;
    const auto parsed = parser_.ParseShared(w, EntityType::kPerson);
    for (const auto& part : parsed->parts) key += part.text;
    return words_.Insert(w, hash, key.empty() ? w : std::move(key));
  }

  const entities::NameParser& parser_;
  FlatMap<std::uint32_t> index_;                // name → its keys in names_
  std::deque<std::vector<std::string>> names_;  // each name's word keys, in order
  FlatMap<std::string> words_;                  // word → key
  FlatMap<std::uint32_t> prepared_index_;       // word → its entry in prepared_
  std::deque<SpellingReporter::LabelWord> prepared_;
  std::unordered_map<std::uint64_t, bool> transliterates_;  // (a << 32) | b → Transliterates
  std::string word_;                                        // Of's scratch
};

// What a short-form candidate of a document stands for: the half of
// folding a document that only reads (its own names, the rules, what every
// Note() gathered — the run's acronyms and organisation keys), so that
// many documents are decided at once on other threads (Fold of a batch);
// FoldDoc applies the verdicts in input order.
struct Target {
  enum class To : std::uint8_t { kNone, kName, kPhrase, kAcronym, kInput, kPerson };
  To to = To::kNone;
  bool parsed = false;      // kPhrase: `known` was computed here (State::known_phrase had no entry)
  bool known = false;       // kPhrase, parsed: the phrase parses to an organisation's key
  std::uint32_t input = 0;  // kInput: the document's input it is a short form of
  std::string lower;        // kName, kPhrase, kPerson: the word in lower case (segment::Lower)
  // kPhrase: HashBytes(lower), made on the deciding thread so that FoldDoc's
  // serial look-up of State::known_phrase does not hash again
  std::uint64_t lower_hash = 0;
};

// A document's targets, shared by the copies of the document (DecideDocs);
// null: no candidates.
using Targets = std::shared_ptr<const std::vector<Target>>;

// A number per State made (RoleMemo tells resolvers apart by it).
std::atomic<std::uint64_t> states_made{0};

}  // namespace

// The order of std::pair<std::string, std::string>, found by views too: a
// (role, affiliation) pair is looked up without copying its strings.
struct StatedLess {
  using is_transparent = void;
  using Key = std::pair<std::string_view, std::string_view>;
  static Key View(const std::pair<std::string, std::string>& p) { return {p.first, p.second}; }
  static Key View(const Key& k) { return k; }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    return View(a) < View(b);
  }
};

struct EntityResolver::State {
  // Every input of one (type, name) across the run, folded together: the
  // stage's memory follows the distinct names and the documents each is
  // in, not the inputs (a name in 10,000 documents is one group).
  struct Group {
    std::string name;
    EntityType type = EntityType::kPerson;
    std::array<std::uint32_t, 4> kinds{0, 0, 0, 0};  // inputs of each kind
    bool acronym = false;                            // an input is an acronym
    bool opaque = false;                             // an input is a clause, no name
    bool tentative = true;  // every input is a role-less name (no entity alone)
    // roles and affiliations as written, each with the position of the
    // input that first gave it to the group (see Feed)
    std::vector<std::pair<std::string, std::uint64_t>> roles, affiliations;
    std::vector<std::string> same_as, distinct_from;
    std::vector<std::uint32_t> same_as_slots, distinct_from_slots;  // AddUniqueIndexed
    // documents (indices) it is in, each once; kMade: only as a
    // short-form candidate of the document
    std::vector<std::uint32_t> docs;
    // (role, affiliation) → records and mentions stating it
    std::map<std::pair<std::string, std::string>, std::size_t, StatedLess> stated;
  };
  static constexpr std::uint32_t kMade = 0x80000000u;
  // A form a group is written in: how often, and in which documents (the
  // documents only when details are kept).
  struct Occurrence {
    std::size_t count = 0;
    std::vector<std::uint32_t> docs;
  };
  // A document whose names wait for Resolve() (Add).
  struct Held {
    PartialNames names;
    std::string id, outlet;
  };

  const std::uint64_t number = ++states_made;  // (RoleMemo)
  ResolverConfig config;
  entities::NameClusterer clusterer;
  SpellingReporter reporter;                 // its spelling test decides short forms
  std::unordered_set<std::string> pronouns;  // lower case (pronouns.txt): never another name
  // what an entity's role may be (RoleLike, BodyLike): the role nouns of
  // roles.txt, those of them that name a relation to another person
  // (`rival | relational`) — both in the rule set's WordLists —, and the
  // function words of words.txt (lower case)
  const segment::WordLists* word_lists = nullptr;
  std::unordered_set<std::string> function_words;
  // what is never a person's other name or a speaker's name (NotAName,
  // lower case): places (places.txt, events/gazetteer.txt: "Maine" of "Sen.
  // Ann Doe (Maine)"), abbreviations (abbreviations.txt: "Fla." of "Rep. Ann
  // Doe (Fla.)"), month and weekday names (events/dates.txt: "March" of
  // "her March comment")
  std::unordered_set<std::string> places, abbreviations, calendar_words;
  bool details = true;

  // pass 1 (Note): what the run's inputs say, whatever the order
  std::unordered_set<std::string> acronyms;   // names of acronym inputs
  std::unordered_set<std::string> org_names;  // organisations' names, not acronyms
  std::unordered_set<std::string> org_keys;   // their parsed keys
  // DecideCandidates' targets of the documents decided lately (DecideDocs),
  // by the bytes of what it reads of a document (DecideKey): a copy of a
  // document (wire copy republished) is decided once. Valid while the
  // acronyms and organisation keys stay (Note() forgets them); bounded, not
  // a limit: emptied whole past kMaxDecidedBytes.
  static constexpr std::size_t kMaxDecidedBytes = 8u << 20;
  FlatMap<Targets> decided;
  std::size_t decided_bytes = 0;
  // pass 2 (Fold), documents in input order
  FlatMap<bool>
      known_phrase;  // lower case → an organisation's key (probed with Target::lower_hash)
  // FoldDoc writes known_phrase while DecideCandidates of the next batch
  // reads it (FoldBatches): each under this lock
  mutable std::shared_mutex known_phrase_mutex;
  std::vector<Group> groups;
  std::array<FlatMap<std::uint32_t>, 3> group_index;  // per EntityType: name → group
  // (group, form) → its Occurrence: each form's entries chained from the
  // form's (1 + the first one's index; next: the same, 0 ends); read in no
  // particular order (Resolve sums them into maps and sorts their documents)
  struct FormOccurrence {
    std::uint32_t group = 0;
    std::uint32_t next = 0;
    Occurrence occurrence;
  };
  FlatMap<std::uint32_t> occurrence_forms;
  std::deque<FormOccurrence> occurrences;  // (grown without copies: a run's largest table)
  FlatMap<Occurrence> loose;               // words of no name (details only)
  std::vector<std::uint32_t> doc_key;      // doc → its distinct id (keys)
  std::unordered_map<std::string, std::uint32_t> keys;
  std::vector<const std::string*> key_names;  // distinct id → the id (the key in keys)
  std::vector<std::uint32_t> doc_outlet;
  std::vector<std::string> outlets;
  std::unordered_map<std::string, std::uint32_t> outlet_ids;
  std::vector<std::uint32_t> record_begin{0};  // per doc, into records
  std::vector<std::int32_t> records;           // per record: group, or -1
  std::uint64_t position = 0;                  // inputs folded so far
  std::vector<Held> held;

  State(const ResolverConfig& c, const rules::RuleSet& rules)
      : config(c),
        clusterer(c.cluster, rules),
        reporter(rules, clusterer.parser(), clusterer.spelling()) {
    for (const auto& line : rules.File("pronouns.txt").lines()) {
      auto f = rules::RuleFile::Fields(line);
      if (!f.empty()) pronouns.insert(segment::Lower(f[0]));
    }
    const auto& words = rules.Shared<segment::WordLists>();  // roles.txt, words.txt: loaded once
    for (const auto& row : words.rows()) function_words.insert(row.word);
    word_lists = &words;
    auto add_list = [](std::unordered_set<std::string>& set, const std::string& list) {
      for (const std::string& item : rules::CommaList(list)) set.insert(segment::Lower(item));
    };
    for (const rules::Country& country : rules.Shared<rules::Places>().countries()) {
      places.insert(segment::Lower(country.name));
      places.insert(segment::Lower(country.capital));
    }
    if (rules.Has("events/gazetteer.txt")) {
      for (const auto& line : rules.File("events/gazetteer.txt").lines()) {
        auto f = rules::RuleFile::Fields(line);
        if (!f.empty()) places.insert(segment::Lower(f[0]));
        if (f.size() > 3 && f[3] != "-") add_list(places, f[3]);
      }
    }
    for (const auto& line : rules.File("abbreviations.txt").lines())
      abbreviations.insert(segment::Lower(line.text));
    if (rules.Has("events/dates.txt")) {
      for (const auto& line : rules.File("events/dates.txt").lines()) {
        auto f = rules::RuleFile::Fields(line);
        if (f.size() >= 3 && (f[0] == "month" || f[0] == "weekday")) add_list(calendar_words, f[2]);
      }
    }
  }
};

namespace {

// A word of a role or an affiliation as the rule lists have it: lower
// case, without the period of an abbreviation or a comma ("Sen." = sen).
std::vector<std::string> RoleWords(std::string_view phrase) {
  std::vector<std::string> out = Words(phrase);
  for (std::string& w : out) {
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  }
  std::erase_if(out, [](const std::string& w) { return w.empty(); });
  return out;
}

// The plural of a role noun of roles.txt, in lower case ("officers",
// "pollsters", "witnesses").
bool PluralRole(const EntityResolver::State& s, const std::string& word) {
  if (word.size() < s.config.plural_role_min_bytes || word.back() != 's') return false;
  const std::string one = word.substr(0, word.size() - 1);
  const std::string two = word.substr(0, word.size() - 2);
  return s.word_lists->IsRole(one) || (word[word.size() - 2] == 'e' && s.word_lists->IsRole(two));
}

// A role that may stand for its entity in other records: a function, not
// a relation to someone else or a fragment. Its head is its last word
// before a function word ("director" of "Director of Government Affairs");
// it is not a relational noun (roles.txt: "rival" of "It makes no mention
// of rival Ann Doe"), not a plural ("officers" of "five police officers
// with Gov. Ann Doe"), and the role does not open with a function word
// ("now director", "like").
bool RoleLike(const EntityResolver::State& s, std::string_view role) {
  const std::vector<std::string> w = RoleWords(role);
  if (w.empty() || s.function_words.count(w.front())) return false;
  std::size_t end = 1;
  while (end < w.size() && !s.function_words.count(w[end])) ++end;
  const std::string& head = w[end - 1];
  return !s.word_lists->IsRelational(head) && !PluralRole(s, head);
}

// A role without the function words that open it ("who is executive vice
// president" → "executive vice president", "now director" → "director"),
// then kept when role-like, else "".
std::string RoleOf(const EntityResolver::State& s, std::string_view role) {
  std::size_t start = 0;
  while (start < role.size()) {
    const std::size_t end = std::min(role.find(' ', start), role.size());
    const std::vector<std::string> w = RoleWords(role.substr(start, end - start));
    if (!w.empty() && !s.function_words.count(w.front())) break;
    start = end + 1;
  }
  if (start >= role.size()) return "";
  const std::string_view rest = role.substr(start);
  return RoleLike(s, rest) ? std::string(rest) : "";
}

// RoleOf and RoleLike of one resolver, remembered per role on the thread
// that asks (ApplyChecked asks of every record of the run, on any thread; a
// run's roles are few and repeat: "spokesman", "President"). They read only
// the rules, so a memo is never stale; bounded, not a limit: emptied whole
// at kMaxRoles.
class RoleMemo {
 public:
  static RoleMemo& For(const EntityResolver::State& s) {
    thread_local RoleMemo memo;
    if (memo.owner_ != s.number) {
      memo.owner_ = s.number;
      memo.of_.Clear();
      memo.like_.Clear();
    }
    return memo;
  }
  const std::string& Of(const EntityResolver::State& s, std::string_view role) {
    const std::uint64_t hash = HashBytes(role);
    if (const std::string* of = of_.Find(role, hash)) return *of;
    if (of_.size() >= kMaxRoles) of_.Clear();
    return of_.Insert(role, hash, RoleOf(s, role));
  }
  bool Like(const EntityResolver::State& s, std::string_view role) {
    const std::uint64_t hash = HashBytes(role);
    if (const bool* like = like_.Find(role, hash)) return *like;
    if (like_.size() >= kMaxRoles) like_.Clear();
    return like_.Insert(role, hash, RoleLike(s, role));
  }

 private:
  static constexpr std::size_t kMaxRoles = 1 << 14;
  std::uint64_t owner_ = 0;  // State::number; 0: none yet
  FlatMap<std::string> of_;
  FlatMap<bool> like_;
};

// The word keys of the documents one thread maps (EntityResolver::Names),
// kept from one document to the next: a run's documents name the same
// people and places again. A name's keys are a function of the name and
// the parser's rules alone, so a kept entry is never stale. The corpus
// stage reads the same cache on whichever thread it runs (DecideCandidates,
// JoinSurnames): the words the map parsed on that thread are not parsed
// again (one thread: every word of the run). Bounded, not a limit: started
// again, between two documents, once it holds kMaxNames names (a DocAdder
// or DocPeople keeps references into it while it works);
// EntityResolver::ForgetThreadMemos forgets it on the calling thread
// (Clear on the calling and the kept threads).
class MapKeys {
 public:
  static WordKeys& ForDocument(const EntityResolver::State& s);
  static void Forget() { Memo().keys.reset(); }

 private:
  static constexpr std::size_t kMaxNames = 1 << 14;  // some 3 MB a thread
  struct Held {
    std::uint64_t owner = 0;  // State::number; 0: none yet
    std::unique_ptr<WordKeys> keys;
  };
  static Held& Memo() {
    thread_local Held held;
    return held;
  }
};

// An affiliation that names a body: it has a capitalised word that is no
// function word ("Foreign Ministry", "Clinton campaign"; never "like" of
// "candidates like Ann Doe", "stopped", "in three", "political messaging").
bool BodyLike(const EntityResolver::State& s, std::string_view affiliation) {
  std::size_t start = 0;
  for (std::size_t end = 0; end <= affiliation.size(); ++end) {
    if (end < affiliation.size() && affiliation[end] != ' ') continue;
    const std::string_view word = affiliation.substr(start, end - start);
    start = end + 1;
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z' &&
        !s.function_words.count(segment::Lower(word)))
      return true;
  }
  return false;
}

// One capital letter, a hyphen and a place or its abbreviation: the party
// and state tag after a legislator's name ("R-Fla.", "D-NY" of "Rep. Ann
// Doe, D-NY").
bool PartyTag(const EntityResolver::State& s, std::string_view tag) {
  while (!tag.empty() && tag.back() == '.') tag.remove_suffix(1);
  if (tag.size() < 3 || !(tag[0] >= 'A' && tag[0] <= 'Z') || tag[1] != '-') return false;
  const std::string_view place = tag.substr(2);
  const bool postal = place.size() == 2 && std::all_of(place.begin(), place.end(), [](char c) {
                        return (c >= 'A' && c <= 'Z') || c == '.';
                      });
  const std::string lower = segment::Lower(place);
  return postal || s.places.count(lower) || s.abbreviations.count(lower);
}

// A name without the party and state tag after a comma ("Ann Doe, R-NY").
std::string WithoutPartyTag(const EntityResolver::State& s, std::string name) {
  const std::size_t comma = name.rfind(", ");
  if (comma != std::string::npos && PartyTag(s, std::string_view(name).substr(comma + 2)))
    name.resize(comma);
  return name;
}

// What is never another name of a person: a place or an abbreviation in
// brackets ("Rep. Ann Doe (Fla.)", "Sen. Ann Doe (Maine)"), a party tag.
bool NotAName(const EntityResolver::State& s, std::string_view name) {
  std::string_view bare = name;
  while (!bare.empty() && bare.back() == '.') bare.remove_suffix(1);
  const std::string lower = segment::Lower(bare);
  return s.places.count(lower) || s.abbreviations.count(lower) || PartyTag(s, name);
}

// A headline in capitals, no name: four or more words of three or more
// capital letters ("VOTERS STAY HOME IN OHIO"; "USA TODAY NETWORK" is a name).
bool CapsHeadline(const ResolverConfig& c, std::string_view name) {
  const std::size_t need = c.headline_min_caps_words;
  // (too short for `need` such words and the spaces between them: most names)
  if (need > 0 && name.size() + 1 < need * (c.headline_min_word_letters + 1)) return false;
  std::size_t caps = 0, start = 0;
  for (std::size_t end = 0; end <= name.size() && caps < need; ++end) {
    if (end < name.size() && name[end] != ' ') continue;
    const std::string_view w = name.substr(start, end - start);
    start = end + 1;
    if (AllCaps(w) && w.size() >= c.headline_min_word_letters) ++caps;
  }
  return caps >= need;
}

// A name after the headline in capitals the segmenter left before it
// ("FARM TOWNS BRACE FOR DROUGHT The Rural Water Board" → "The Rural Water
// Board"); the name itself otherwise.
std::string WithoutCapsHeadline(const ResolverConfig& c, const std::string& name) {
  if (!CapsHeadline(c, name)) return name;
  std::size_t start = 0;
  while (start < name.size()) {
    const std::size_t end = std::min(name.find(' ', start), name.size());
    if (!AllCaps(std::string_view(name).substr(start, end - start))) break;
    start = end + 1;
  }
  const std::string rest = start < name.size() ? name.substr(start) : "";
  return CapsHeadline(c, rest) ? "" : rest;
}

// A speaker name that names no one: a dateline's place in capitals
// ("WASHINGTON — Sen. Ann Doe said"), a headline in capitals, a month or
// weekday name alone ("after her March comment that"); for a person, a
// plural role noun alone ("Pollsters agree - Ann Doe: …").
bool NoSpeakerName(const EntityResolver::State& s, std::string_view name, bool person) {
  if (CapsHeadline(s.config, name)) return true;
  if (name.find(' ') != std::string_view::npos) return false;
  const std::string lower = segment::Lower(name);
  const bool dateline = AllCaps(name) && name.size() >= s.config.dateline_min_bytes &&
                        name.find('.') == std::string_view::npos && s.places.count(lower);
  return dateline || s.calendar_words.count(lower) || (person && PluralRole(s, lower));
}

// The name inputs of one document (EntityResolver::Names), made from its
// text and result; reads only the resolver's rules, so many documents may
// be done at once on other threads.
class DocAdder {
 public:
  using State = EntityResolver::State;
  DocAdder(const State& s, const Document& d, PartialNames& out)
      : s_(s), d_(d), out_(out), keys_(MapKeys::ForDocument(s)) {}

  void Records(const DocResult& r) {
    auto& record_input = out_.record_input;
    record_input.assign(r.quotes.size(), -1);
    for (std::size_t i = 0; i < r.quotes.size(); ++i) {
      const auto& sp = r.quotes[i].speaker;
      if (!sp || sp->type == SpeakerType::kAnonymous) continue;
      const std::string speaker_name = WithoutCapsHeadline(s_.config, sp->name);
      if (speaker_name.empty() ||
          (NoSpeakerName(s_, speaker_name, sp->type == SpeakerType::kPerson) &&
           !(s_.calendar_words.count(segment::Lower(speaker_name)) && Surname(speaker_name))))
        continue;
      Kind kind = sp->type == SpeakerType::kPerson  ? Kind::kPerson
                  : sp->type == SpeakerType::kGroup ? Kind::kGroup
                                                    : Kind::kOrganization;
      std::string key = sp->entity.empty() ? "name:" + speaker_name : sp->entity;
      auto [it, fresh] = local_.try_emplace(key, 0);
      if (fresh) {
        auto [name, alias] = SplitAlias(WithoutPartyTag(s_, speaker_name));
        it->second = NewInput(name, kind);
        out_.inputs[it->second].opaque = Clause(name);
        if (kind == Kind::kPerson) {
          for (const std::string& w : Keys(name)) speaker_words_[w].push_back(it->second);
          if (!alias.empty()) AddAlias(it->second, alias);
        }
      }
      const std::uint32_t in = it->second;
      record_input[i] = in;
      out_.inputs[in].speaker = true;
      auto& ctx = out_.inputs[in];
      AddUnique(ctx.roles, sp->role);
      AddUnique(ctx.affiliations, sp->affiliation);
      // a role the entity keeps is stated at its name ("Ann Doe, the
      // mayor"), not by a description the coreference gave it ("the
      // Vermont senator said"), which may be another person's
      if ((!sp->role.empty() || !sp->affiliation.empty()) && AtName(sp->mention, ctx.name))
        out_.inputs[in].stated.push_back({sp->role, sp->affiliation});
      if (sp->mention.empty() || !seen_.insert(sp->mention.begin).second) continue;
      if (sp->mention.size() <= kMaxMentionBytes) spans_.push_back({sp->mention, in});
      std::string form = WithoutPartyTag(
          s_, FormOf(std::string_view(d_.text).substr(sp->mention.begin, sp->mention.size())));
      // the name as written after its titles (Babikir of "Gen. Babikir"),
      // as well as the speaker's name (as the titled form gave before);
      // `within`: WordsWithin(form, name) when known (neither changed since)
      std::optional<bool> within;
      if (kind == Kind::kPerson) within = WordsWithin(form, out_.inputs[in].name);
      if (within && !*within) {
        std::string untitled = s_.clusterer.parser().WithoutTitles(form);
        if (untitled.size() < form.size() && Within(untitled, out_.inputs[in].name)) {
          Occur(in, out_.inputs[in].name, false);
          form = std::move(untitled);
          within.reset();
        }
      }
      // a short form by the parser's keys (Hadithi of Karim Nouri’ al-Hadithi)
      const bool written =
          !form.empty() && ((within ? *within : WordsWithin(form, out_.inputs[in].name)) ||
                            (kind == Kind::kPerson && Within(form, out_.inputs[in].name)));
      if (!written && kind == Kind::kPerson && OtherName(form, out_.inputs[in].name)) {
        AddAlias(in, form);  // the nickname the attribution resolved (Tiger of Yasin Omar)
        continue;
      }
      Occur(in, written ? std::move(form) : out_.inputs[in].name, written);
    }
  }

  // `Names`: a const vector of the mentions, or a mutable one whose word
  // mentions' text is moved into the candidates (TakeNames).
  template <typename Names>
  void Mentions(Names& names) {
    std::sort(spans_.begin(), spans_.end(),
              [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
    std::vector<std::ptrdiff_t> input_of(names.size(), -1);
    // (room for every candidate at once: those in a speaker's mention, left
    // out below, are few)
    out_.candidates.reserve(static_cast<std::size_t>(std::count_if(
        names.begin(), names.end(), [](const NameMention& m) { return Candidate(m); })));
    std::size_t phrase_end = 0;  // of the last phrase (mentions come in text order)
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto& m = names[i];
      if (Candidate(m)) {
        const bool word = m.kind == MentionKind::kWord;
        if (!InSpeakerMention(m.span)) {
          out_.candidates.push_back(
              {word ? std::move(m.text) : FormOf(m.text), m.kind == MentionKind::kPhrase,
               word && m.span.begin < phrase_end, m.kind == MentionKind::kName});
        }
        if (!word) phrase_end = std::max(phrase_end, m.span.end);
        continue;
      }
      input_of[i] = Mention(m);
    }
    for (std::size_t i = 0; i < names.size(); ++i) {  // acronym ↔ expansion, aliases
      std::ptrdiff_t j = names[i].same_as;
      if (j < 0 || input_of[i] < 0 || input_of[static_cast<std::size_t>(j)] < 0) continue;
      links_.emplace_back(static_cast<std::uint32_t>(input_of[i]),
                          static_cast<std::uint32_t>(input_of[static_cast<std::size_t>(j)]));
    }
  }

  // A capitalised word, phrase or name that is a name only if the run knows it.
  static bool Candidate(const NameMention& m) {
    return m.kind == MentionKind::kWord || m.kind == MentionKind::kPhrase ||
           m.kind == MentionKind::kName;
  }

  // A person known in the document by one word only (a speaker the
  // attribution named by surname: "Zuwari said") takes the full name of the
  // one person of the document whose surname that is — the one who speaks
  // when several share it.
  void ShortNames() {
    std::vector<std::uint32_t> people, speakers;
    for (const auto& [key, in] : local_) {
      if (out_.inputs[in].kind == Kind::kPerson) people.push_back(in);
    }
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    if (people.size() > kMaxDistinctPeople) return;
    // the surname of a one-word name, after its titles ("Mrs. Doe", "Sen.
    // Doe"), or "" (a name of two or more words, or titles alone)
    const auto& parser = s_.clusterer.parser();
    auto surname = [&](std::uint32_t in) -> std::string {
      const std::string& name = out_.inputs[in].name;
      if (Keys(name).size() == 1) return Keys(name)[0];
      const std::string bare = parser.WithoutTitles(name);
      if (bare.size() == name.size() || Keys(bare).size() != 1) return "";
      return Keys(bare)[0];
    };
    // a name in capitals that the document's one person of that surname
    // speaks under: a transcript's label ("DOE:" of Gov. Ann Doe), which the
    // attribution may read as an organisation
    for (const auto& [key, in] : local_) {
      auto& x = out_.inputs[in];
      if (x.kind != Kind::kOrganization || !x.speaker || x.acronym || WordCount(x.name) != 1 ||
          !AllCaps(x.name) || Keys(x.name).size() != 1)
        continue;
      std::optional<std::uint32_t> one;
      bool several = false;
      for (std::uint32_t other : people) {
        const auto& k = Keys(out_.inputs[other].name);
        if (k.size() < 2 || k.back() != Keys(x.name)[0]) continue;
        several = several || (one && out_.inputs[*one].name != out_.inputs[other].name);
        one = other;
      }
      if (!one || several) continue;
      x.kind = Kind::kPerson;
      Rename(in, out_.inputs[*one].name);
    }
    for (std::uint32_t in : people) {
      const std::string word = surname(in);
      if (word.empty()) continue;
      std::vector<std::uint32_t> full;
      for (std::uint32_t other : people) {
        const auto& k = Keys(out_.inputs[other].name);
        if (other != in && k.size() >= 2 && k.back() == word && surname(other).empty())
          full.push_back(other);
      }
      if (full.empty()) full = Respelled(people, in, word);
      if (full.size() > 1) {
        std::erase_if(full, [this](std::uint32_t x) { return !out_.inputs[x].speaker; });
      }
      if (full.size() == 1) Rename(in, out_.inputs[full[0]].name);
    }
  }

  // The full names among `people` (but `in`) whose surname another spelling of `word`
  // is (Gen. Babikir of Major General Nader Babiker: the spelling report's
  // test), when `word` is no word of any of them (Jolani stays with
  // al-Jolani, never al-Jalali).
  std::vector<std::uint32_t> Respelled(const std::vector<std::uint32_t>& people, std::uint32_t in,
                                       const std::string& word) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t other : people) {
      if (other == in) continue;
      const auto& k = Keys(out_.inputs[other].name);
      if (std::find(k.begin(), k.end(), word) != k.end()) return {};
      if (k.size() >= 2 && s_.reporter.Label(word, k.back(), true) == "transliteration")
        out.push_back(other);
    }
    return out;
  }

  bool Linked(std::uint32_t a, std::uint32_t b) const {
    return std::find(links_.begin(), links_.end(), std::make_pair(a, b)) != links_.end() ||
           std::find(links_.begin(), links_.end(), std::make_pair(b, a)) != links_.end();
  }

  // The same_as links of the document, under the inputs' final names; two
  // names of one person share the roles the document gives either.
  void Links() {
    for (auto [a, b] : links_) {
      if (a == b) continue;
      auto &x = out_.inputs[a], &y = out_.inputs[b];
      AddUnique(x.same_as, out_.inputs[b].name);
      if (out_.inputs[a].kind != Kind::kPerson || out_.inputs[b].kind != Kind::kPerson) continue;
      for (const std::string& r : std::vector<std::string>(y.roles)) AddUnique(x.roles, r);
      for (const std::string& r : std::vector<std::string>(x.roles)) AddUnique(y.roles, r);
    }
  }

  // Full person names the document keeps apart are never one entity.
  void DistinctPeople() {
    std::vector<std::uint32_t> people;
    for (const auto& [key, in] : local_) {
      const auto& x = out_.inputs[in];
      if (x.kind == Kind::kPerson && WordCount(x.name) >= 2) people.push_back(in);
    }
    if (people.size() > kMaxDistinctPeople) return;  // a list, not an article
    std::vector<std::vector<std::string>> words;     // each name's, read once for all pairs
    for (std::uint32_t a : people) words.push_back(WithinWords(out_.inputs[a].name));
    // Each person's list holds the names of the others in `people` order,
    // each name once (AddUnique's list): the names are told equal once per
    // pair of people here (first[j]: the first of people with j's name), and
    // each list is made at its size, not grown one copy at a time. A person
    // listed twice in `people` (a list made already) takes AddUnique.
    std::vector<std::uint32_t> first(people.size());
    {
      std::unordered_map<std::string_view, std::uint32_t> first_of;
      for (std::size_t j = 0; j < people.size(); ++j)
        first[j] = first_of.try_emplace(out_.inputs[people[j]].name, j).first->second;
    }
    std::vector<std::size_t> listed(people.size(), 0);  // by first[j]: 1 + the i it is listed for
    std::vector<std::uint32_t> kept;                    // the j whose names person i lists
    for (std::size_t i = 0; i < people.size(); ++i) {
      const std::uint32_t a = people[i];
      std::vector<std::string>& list = out_.inputs[a].distinct_from;
      const bool made = !list.empty();
      kept.clear();
      for (std::size_t j = 0; j < people.size(); ++j) {
        const std::uint32_t b = people[j];
        if (a == b || AllWordsIn(words[i], words[j]) || AllWordsIn(words[j], words[i]) ||
            Linked(a, b))
          continue;
        if (made) {
          AddUnique(list, out_.inputs[b].name);
        } else if (listed[first[j]] != i + 1) {
          listed[first[j]] = i + 1;
          kept.push_back(static_cast<std::uint32_t>(j));
        }
      }
      if (made) continue;
      list.reserve(kept.size());
      for (std::uint32_t j : kept) list.push_back(out_.inputs[people[j]].name);
    }
  }

 private:
  // `written`: the form is in the text (not a name the attribution made up
  // for a pronoun or a role noun).
  void Occur(std::uint32_t in, std::string form, bool written = true) {
    auto [it, fresh] = occurrence_.try_emplace({in, form}, out_.forms.size());
    if (fresh)
      out_.forms.push_back({in, std::move(form)});
    else
      ++out_.forms[it->second].count;
    if (written) written_.insert(it->second);
  }

  // The speaker mentions that overlap `span` (spans_ is sorted by start;
  // a mention is at most kMaxMentionBytes long).
  template <typename F>
  void ForOverlapping(Span span, F&& f) const {
    const std::size_t from = span.begin > kMaxMentionBytes ? span.begin - kMaxMentionBytes : 0;
    auto it = std::lower_bound(spans_.begin(), spans_.end(), from,
                               [](const auto& p, std::size_t b) { return p.first.begin < b; });
    for (; it != spans_.end() && it->first.begin < span.end; ++it) {
      if (Overlaps(it->first, span) && f(it->second)) return;
    }
  }
  bool InSpeakerMention(Span span) const {
    bool found = false;
    ForOverlapping(span, [&](std::uint32_t) { return found = true; });
    return found;
  }
  static constexpr std::size_t kMaxMentionBytes = 4096;
  static constexpr std::size_t kMaxDistinctPeople = 200;

  std::ptrdiff_t Mention(const NameMention& m) {
    const std::string form = FormOf(m.text);
    if (form.empty()) return -1;
    if (m.kind == MentionKind::kPerson && WordCount(form) == 1 && NotAName(s_, form))
      return -1;  // "R-Fla.", "Maine" of "Sen. Ann Doe (Maine)": no person
    if (m.kind != MentionKind::kAcronym && CapsHeadline(s_.config, form)) return -1;
    // the owner the text left implicit, unless the name has one (Somali defense ministry)
    const std::string owner =
        m.owner.empty() || !s_.clusterer.parser().Parse(form, EntityType::kOrg).owner.empty()
            ? ""
            : m.owner;
    const Kind kind = m.kind == MentionKind::kPerson      ? Kind::kPerson
                      : m.kind == MentionKind::kOperation ? Kind::kOperation
                                                          : Kind::kOrganization;
    // the same span as a speaker's mention: that speaker (its owner made explicit)
    if (m.kind != MentionKind::kAcronym) {
      std::optional<std::uint32_t> speaker;
      ForOverlapping(m.span, [&](std::uint32_t in) {
        auto& x = out_.inputs[in];
        // a name the text gives an acronym is an organisation, whatever its
        // speaker phrase looked like ("The National Intelligence Service (NIS) declined")
        if (m.same_as >= 0 && kind == Kind::kOrganization && x.kind == Kind::kPerson &&
            x.name == form) {
          x.kind = Kind::kOrganization;
        }
        if (x.kind == kind && !x.opaque && SameName(x.name, form, kind)) speaker = in;
        return speaker.has_value();
      });
      if (speaker) {
        if (!owner.empty() && !owned_.count(*speaker)) {
          out_.inputs[*speaker].name = owner + " " + out_.inputs[*speaker].name;
          owned_.insert(*speaker);
        }
        // the whole name where the speaker's was cut (Karim Nouri for Karim
        // Nouri’ al-Hadithi, Support Centre for Emergency Support Centre):
        // the mention's, when it holds every word of it
        const std::string& name = out_.inputs[*speaker].name;
        if (kind == Kind::kPerson && Keys(form).size() > Keys(name).size() && Within(name, form))
          Rename(*speaker, form);
        if (kind != Kind::kPerson && owner.empty() && WordCount(form) > WordCount(name) &&
            WordsWithin(name, form))
          Rename(*speaker, form);
        Occur(*speaker, form);
        return *speaker;
      }
    }
    std::string key = std::string(KindName(kind)) + ":" + owner + ":" + segment::Lower(form);
    auto [it, fresh] = local_.try_emplace(key, 0);
    if (fresh) {
      if (auto known = Attach(form, kind)) {
        it->second = *known;
      } else {
        std::string name = owner.empty() ? form : owner + " " + form;
        it->second = NewInput(name, kind);
        out_.inputs[it->second].acronym = m.kind == MentionKind::kAcronym;
      }
    }
    const std::uint32_t in = it->second;
    if (!m.role.empty()) {
      AddUnique(out_.inputs[in].roles, m.role);
      out_.inputs[in].stated.push_back({m.role, ""});
    }
    Occur(in, form);
    return in;
  }

  // A person mention that is a short or long form of a speaker of this
  // document: that speaker (the longer name is kept). Speakers that are all
  // short forms of the mention (Karim, al-Zuwari for Karim al-Zuwari) all
  // take its name.
  std::optional<std::uint32_t> Attach(const std::string& form, Kind kind) {
    if (kind != Kind::kPerson) return std::nullopt;
    // candidates: the speakers sharing a word with the form (an index, so a
    // document naming thousands of people stays linear)
    std::vector<std::uint32_t> candidates;
    for (const std::string& w : Keys(form)) {
      auto it = speaker_words_.find(w);
      if (it != speaker_words_.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::uint32_t> shorter;
    std::optional<std::uint32_t> longer;
    for (std::uint32_t in : candidates) {
      const std::string& name = out_.inputs[in].name;
      if (Within(name, form) && Keys(name).size() <= Keys(form).size()) {
        shorter.push_back(in);
      } else if (Within(form, name)) {
        if (longer) return std::nullopt;  // ambiguous
        longer = in;
      }
    }
    if (longer) return shorter.empty() ? longer : std::nullopt;
    if (shorter.empty()) return std::nullopt;
    for (std::uint32_t in : shorter) {
      if (Keys(out_.inputs[in].name).size() < Keys(form).size()) Rename(in, form);
    }
    return shorter.front();
  }

  const std::vector<std::string>& Keys(const std::string& name) { return keys_.Of(name); }
  // The text writes `word` after a capitalised word that is no function,
  // title or calendar word: the surname of someone ("Theresa May", so "May
  // said" is hers; never "In May").
  bool Surname(const std::string& word) const {
    const std::string_view text = d_.text;
    for (std::size_t at = text.find(word); at != std::string_view::npos;
         at = text.find(word, at + 1)) {
      const std::size_t end = at + word.size();
      const bool inside = end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') ||
                                                (text[end] >= 'A' && text[end] <= 'Z'));
      if (at < 2 || text[at - 1] != ' ' || inside) continue;
      std::size_t begin = at - 1;
      while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
      const std::string_view before = text.substr(begin, at - 1 - begin);
      const bool word = std::all_of(before.begin(), before.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
      });
      if (before.empty() || !word || !(before[0] >= 'A' && before[0] <= 'Z')) continue;
      const std::string lower = segment::Lower(before);
      const bool title = s_.clusterer.parser().WithoutTitles(std::string(before) + " x") == "x";
      if (!s_.function_words.count(lower) && !s_.calendar_words.count(lower) && !title) return true;
    }
    return false;
  }
  // The mention writes a word of the name (no mention: the attribution's
  // own name).
  bool AtName(Span mention, const std::string& name) {
    if (mention.empty()) return true;
    const auto& n = Keys(name);
    for (const std::string& w :
         Keys(FormOf(std::string_view(d_.text).substr(mention.begin, mention.size())))) {
      if (std::find(n.begin(), n.end(), w) != n.end()) return true;
    }
    return false;
  }
  // Every word of `part` is a word of `whole`, by their keys.
  bool Within(const std::string& part, const std::string& whole) {
    const auto &p = Keys(part), &w = Keys(whole);
    if (p.empty()) return false;
    for (const std::string& x : p) {
      if (std::find(w.begin(), w.end(), x) == w.end()) return false;
    }
    return true;
  }

  // Whether a speaker mention's form is another name of the person the
  // attribution resolved it to (a nickname: "Tiger said" of Yasin Omar
  // Dagane): one to kMaxAliasWords capitalised words, none of them a word
  // of the name, a title or a pronoun ("He said" opens a sentence), that
  // the text writes in quotation marks or brackets right after the name
  // (Yasin Omar Dagane “Tiger”) — never a coreference guess alone ("the
  // Ohio Republican said").
  bool OtherName(const std::string& form, const std::string& name) {
    return AliasForm(form, name) && StatedAfter(form, name);
  }

  // Whether `form` occurs in the text in quotation marks or brackets right
  // after a word whose key is the last of `name`'s.
  bool StatedAfter(const std::string& form, const std::string& name) {
    constexpr std::size_t kMaxGapBytes = 8;  // spaces and marks between name and form
    const std::string_view text = d_.text;
    const std::string& last = Keys(name).back();
    for (std::size_t at = text.find(form); at != std::string_view::npos;
         at = text.find(form, at + 1)) {
      std::size_t i = at;
      bool mark = false;
      while (i > 0 && at - i < kMaxGapBytes) {
        const auto c = static_cast<unsigned char>(text[i - 1]);
        if (c == ' ') {
          --i;
        } else if (c == '"' || c == '(' || c == '\'') {
          --i;
          mark = true;
        } else if (c >= 0x80 && c < 0xC0 && i >= 3 &&
                   text.substr(i - 3, 2) == "\xE2\x80") {  // “ ‘ (U+201C, U+2018)
          i -= 3;
          mark = true;
        } else {
          break;
        }
      }
      if (!mark || i == at) continue;
      std::size_t b = i;
      while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
      const std::vector<std::string> before = Keys(std::string(text.substr(b, i - b)));
      if (before.size() == 1 && before[0] == last) return true;
    }
    return false;
  }

  // The shape of another name (see OtherName).
  bool AliasForm(const std::string& form, const std::string& name) {
    constexpr std::size_t kMaxAliasWords = 3;
    const std::size_t words = WordCount(form);
    if (words == 0 || words > kMaxAliasWords || s_.pronouns.count(segment::Lower(form)))
      return false;
    for (std::size_t i = 0; i < form.size(); ++i) {  // every word opens in upper case
      const auto c = static_cast<unsigned char>(form[i]);
      if ((i == 0 || form[i - 1] == ' ') && c >= 'a' && c <= 'z') return false;
    }
    if (s_.clusterer.parser().WithoutTitles(form) != form) return false;
    const auto& n = Keys(name);
    for (const std::string& k : Keys(form)) {
      if (std::find(n.begin(), n.end(), k) != n.end()) return false;
    }
    return !Keys(form).empty();
  }

  // Whether a speaker's name and a mention over its words name one entity:
  // one holds the other's words (an organisation's name at most two words
  // longer than the mention: not "relations between the Council and …").
  bool SameName(const std::string& name, const std::string& form, Kind kind) {
    if (kind == Kind::kPerson) return Within(name, form) || Within(form, name);
    return WordsWithin(name, form) ||
           (WordsWithin(form, name) && WordCount(name) <= WordCount(form) + 2);
  }

  // Gives input `in` a longer name; its occurrences under the old name that
  // the text does not write (a cut name given to a pronoun) take the new one.
  void Rename(std::uint32_t in, const std::string& name) {
    const std::string old = out_.inputs[in].name;
    out_.inputs[in].name = name;
    for (const std::string& w : Keys(name)) {
      auto& v = speaker_words_[w];
      if (std::find(v.begin(), v.end(), in) == v.end()) v.push_back(in);
    }
    for (auto& [key, index] : occurrence_) {
      if (key.first == in && key.second == old && !written_.count(index))
        out_.forms[index].form = name;
    }
  }

  // "Karim Nouri (Bazooka)": the name and the other name it gives in
  // brackets; an acronym in brackets is no other name and is dropped.
  static std::pair<std::string, std::string> SplitAlias(const std::string& name) {
    if (name.empty() || name.back() != ')') return {name, ""};
    const std::size_t open = name.rfind(" (");
    if (open == std::string::npos) return {name, ""};
    std::string inside = name.substr(open + 2, name.size() - open - 3);
    bool lower =
        std::any_of(inside.begin(), inside.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    return {name.substr(0, open), lower ? inside : ""};
  }

  // Another name of person input `in` that the document states (linked
  // when the document is done, under the names the inputs end with).
  void AddAlias(std::uint32_t in, const std::string& alias) {
    if (NotAName(s_, alias)) return;
    auto [it, fresh] = local_.try_emplace("person::" + segment::Lower(alias), 0);
    if (fresh) it->second = NewInput(alias, Kind::kPerson);
    if (it->second == in) return;
    links_.emplace_back(it->second, in);
    Occur(it->second, alias);
  }

  std::uint32_t NewInput(std::string name, Kind kind) {
    PartialName x;
    x.name = std::move(name);
    x.kind = kind;
    out_.inputs.push_back(std::move(x));
    return static_cast<std::uint32_t>(out_.inputs.size() - 1);
  }

  const State& s_;
  const Document& d_;
  PartialNames& out_;
  std::map<std::string, std::uint32_t> local_;  // speaker id or mention key → input
  std::unordered_map<std::string, std::vector<std::uint32_t>>
      speaker_words_;                                  // word → person speakers
  std::vector<std::pair<Span, std::uint32_t>> spans_;  // speaker mentions
  std::unordered_set<std::size_t> seen_;               // speaker mention starts
  std::unordered_set<std::uint32_t> owned_;
  std::unordered_set<std::size_t> written_;  // occurrences whose form the text writes
  WordKeys& keys_;                           // (MapKeys: this thread's)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links_;  // same_as: input → input
  std::map<std::pair<std::uint32_t, std::string>, std::size_t>
      occurrence_;  // (input, form) → its index
};

}  // namespace

WordKeys& MapKeys::ForDocument(const EntityResolver::State& s) {
  Held& held = Memo();
  if (!held.keys || held.owner != s.number || held.keys->size() >= kMaxNames) {
    held.owner = s.number;
    held.keys = std::make_unique<WordKeys>(s.clusterer.parser());
  }
  return *held.keys;
}

EntityResolver::EntityResolver(const ResolverConfig& config, const rules::RuleSet& rules)
    : state_(std::make_unique<State>(config, rules)) {}
EntityResolver::~EntityResolver() = default;

const entities::NameClusterer& EntityResolver::clusterer() const { return state_->clusterer; }

PartialNames EntityResolver::Names(const Document& doc, const DocResult& result) const {
  PartialNames names;
  DocAdder adder(*state_, doc, names);
  adder.Records(result);
  adder.Mentions(result.names);
  adder.ShortNames();
  adder.Links();
  adder.DistinctPeople();
  return names;
}

PartialNames EntityResolver::TakeNames(const Document& doc, DocResult& result) const {
  PartialNames names;
  DocAdder adder(*state_, doc, names);
  adder.Records(result);
  adder.Mentions(result.names);
  result.names.clear();
  adder.ShortNames();
  adder.Links();
  adder.DistinctPeople();
  return names;
}

void EntityResolver::Note(const PartialNames& names) {
  State& s = *state_;
  if (s.decided_bytes > 0) {  // (a new acronym or organisation may change a verdict)
    Release(s.decided);
    s.decided_bytes = 0;
  }
  for (const PartialName& n : names.inputs) {
    if (n.acronym) s.acronyms.insert(n.name);
    if (n.kind == Kind::kOrganization && !n.acronym && s.org_names.insert(n.name).second)
      s.org_keys.insert(s.clusterer.parser().Parse(n.name, EntityType::kOrg).Key());
  }
}

void EntityResolver::KeepDetails(bool keep) { state_->details = keep; }

void EntityResolver::Clear() {
  State& s = *state_;
  Release(s.acronyms);
  Release(s.org_names);
  Release(s.org_keys);
  Release(s.known_phrase);
  Release(s.decided);
  s.decided_bytes = 0;
  Release(s.groups);
  Release(s.group_index);
  Release(s.occurrence_forms);
  Release(s.occurrences);
  Release(s.loose);
  Release(s.doc_key);
  Release(s.keys);
  Release(s.key_names);
  Release(s.doc_outlet);
  Release(s.outlets);
  Release(s.outlet_ids);
  Release(s.record_begin);
  s.record_begin.push_back(0);
  Release(s.records);
  s.position = 0;
  Release(s.held);
  // the name memos, kept by every thread that mapped, folded or resolved,
  // and the parser's shared one
  parallel::OnEveryThread(&EntityResolver::ForgetThreadMemos);
  s.clusterer.parser().ForgetSharedMemo();
}

void EntityResolver::ForgetThreadMemos() {
  entities::NameParser::ForgetThreadMemos();
  MapKeys::Forget();  // the map's word keys (Names)
}

void EntityResolver::Add(const PartialNames& names, const std::string& doc_id,
                         const std::string& outlet) {
  Note(names);
  state_->held.push_back({names, doc_id, outlet});
}

void EntityResolver::Add(const Document& doc, const DocResult& result) {
  Add(Names(doc, result), doc.id, doc.outlet);
}

namespace {

using State = EntityResolver::State;

EntityType TypeOf(Kind k) { return k == Kind::kPerson ? EntityType::kPerson : EntityType::kOrg; }

std::uint32_t Intern(std::unordered_map<std::string, std::uint32_t>& ids, const std::string& s) {
  return ids.try_emplace(s, static_cast<std::uint32_t>(ids.size())).first->second;
}

// The group of (kind's type, name), made when new.
std::uint32_t GroupFor(State& s, const std::string& name, Kind kind) {
  const EntityType type = TypeOf(kind);
  FlatMap<std::uint32_t>& index = s.group_index[static_cast<std::size_t>(type)];
  const std::uint64_t hash = HashBytes(name);
  if (const std::uint32_t* g = index.Find(name, hash)) return *g;
  const auto g = static_cast<std::uint32_t>(s.groups.size());
  index.Insert(name, hash, g);
  State::Group& group = s.groups.emplace_back();
  group.name = name;
  group.type = type;
  return g;
}

// Document `doc` for group `g` (documents come in order: the last entry is
// this document's when it has one; an input of the text outranks a made one).
void AddDoc(State::Group& g, std::uint32_t doc, bool made) {
  if (!g.docs.empty() && (g.docs.back() & ~State::kMade) == doc) {
    if (!made) g.docs.back() = doc;
    return;
  }
  g.docs.push_back(made ? doc | State::kMade : doc);
}

void AddFirst(std::vector<std::pair<std::string, std::uint64_t>>& v, const std::string& s,
              std::uint64_t position) {
  for (const auto& [x, at] : v) {
    if (x == s) return;
  }
  v.emplace_back(s, position);
}

void AddDocOnce(std::vector<std::uint32_t>& docs, std::uint32_t doc) {
  if (docs.empty() || docs.back() != doc) docs.push_back(doc);
}

// The occurrence of (group, form), made when new.
State::Occurrence& OccurrenceOf(State& s, std::uint32_t group, const std::string& form) {
  std::uint32_t& first = s.occurrence_forms.Insert(form, 0);
  for (std::uint32_t at = first; at != 0; at = s.occurrences[at - 1].next) {
    if (s.occurrences[at - 1].group == group) return s.occurrences[at - 1].occurrence;
  }
  s.occurrences.push_back({group, first, {}});
  first = static_cast<std::uint32_t>(s.occurrences.size());
  return s.occurrences.back().occurrence;
}

// fn(group, form, occurrence) for every (group, form) that occurred, in no
// particular order.
template <class Fn>
void ForEachOccurrence(const State& s, Fn&& fn) {
  for (const auto& [form, first] : s.occurrence_forms) {
    for (std::uint32_t at = first; at != 0; at = s.occurrences[at - 1].next) {
      const State::FormOccurrence& o = s.occurrences[at - 1];
      fn(o.group, form, o.occurrence);
    }
  }
}

void Occur(State& s, std::uint32_t group, const std::string& form, std::size_t count,
           std::uint32_t doc) {
  State::Occurrence& o = OccurrenceOf(s, group, form);
  o.count += count;
  if (s.details) AddDocOnce(o.docs, doc);
}

// The people one document names, indexed by the parser keys of their words
// (al-Zuwari = Zuwari), for the single capitalised words that may be their
// short forms.
class DocPeople {
 public:
  DocPeople(const State& s, const PartialNames& names, WordKeys& keys)
      : s_(s), names_(names), keys_(keys) {
    keys_.StartDocument();
    bare_.resize(names.inputs.size());
    for (std::uint32_t i = 0; i < names.inputs.size(); ++i) {
      const PartialName& x = names.inputs[i];
      if (x.kind != Kind::kPerson) continue;
      bare_[i] = s.clusterer.parser().WithoutTitles(x.name);
      const std::vector<std::string>& k = Keys(bare_[i]);
      if (k.empty()) continue;
      if (last_words_.size() < kMaxPeople) last_words_.push_back(k.back());
      if (k.size() == 1) {
        single_[k[0]].push_back(i);
        continue;
      }
      surname_[k.back()].push_back(i);
      if (!x.roles.empty()) first_[k.front()].push_back(i);
    }
  }

  // The input a capitalised word of the document is a short form of: the
  // surname of exactly one person of the document (the one who speaks
  // when several share it), the one-word name of one, or — written alone,
  // not in a phrase — the given name of exactly one person with a role
  // when that name is not a common one (common.txt).
  std::optional<std::uint32_t> Of(const std::string& word, bool alone) {
    const std::vector<std::string>& k = Keys(word);  // (valid until Forget: a deque)
    if (k.size() != 1) return std::nullopt;
    if (auto in = Unique(surname_, k[0], true)) return in;
    if (auto in = Unique(single_, k[0], false)) return in;
    if (!alone) return std::nullopt;
    // (an ASCII word without a space parses to the parts of its lower case
    // — the normaliser lower-cases ASCII, and the parts follow the
    // normalised words —, which Keys had parsed (WordKeys::OfWord) and the
    // memo mostly still holds; the word as written would be a memo entry of
    // its own, parsed again for every capitalised word of the run)
    const std::string lower = AsciiWord(word) ? segment::Lower(word) : word;
    const auto parsed = s_.clusterer.parser().ParseShared(lower, EntityType::kPerson);
    if (parsed->parts.size() == 1 && parsed->parts[0].rule_weight >= 1.0f) {
      if (auto in = Unique(first_, k[0], false)) return in;
    }
    return std::nullopt;
  }

  // Whether the word is another spelling of the last word of a person of
  // the document (Sirwani / Shirwani, Shafiq / Shafi: the spelling report's
  // test), so that the clusterer may judge it with the document as context.
  bool Respells(const std::string& word) {
    if (last_words_.empty()) return false;
    if (last_prepared_.size() != last_words_.size()) {  // once per document, on first use
      for (const std::string& w : last_words_)
        last_prepared_.push_back(keys_.PreparedAt(s_.reporter, w));
      for (std::uint32_t w : last_prepared_) last_labels_.push_back(&keys_.Prepared(w));
    }
    const std::uint32_t prepared = keys_.PreparedAt(s_.reporter, word);
    // (the first-byte test read here, on the words themselves, before
    // Transliterates' own: most of a document's up to 200 last words fail
    // it for most words, and the deque's look-ups cost more than the test)
    const SpellingReporter::LabelWord& a = keys_.Prepared(prepared);
    for (std::size_t i = 0; i < last_prepared_.size(); ++i) {
      if (!SpellingReporter::MayTransliterate(a, *last_labels_[i])) continue;
      if (keys_.Transliterates(s_.reporter, prepared, last_prepared_[i])) return true;
    }
    return false;
  }

 private:
  using Index = std::unordered_map<std::string, std::vector<std::uint32_t>>;
  static constexpr std::size_t kMaxPeople = 200;  // last words compared per document

  std::optional<std::uint32_t> Unique(const Index& index, const std::string& key,
                                      bool prefer_speakers) const {
    auto it = index.find(key);
    if (it == index.end()) return std::nullopt;
    // (read in place: the inputs taken are the list's, or its speakers'
    // when it lists several and `prefer_speakers`)
    const std::vector<std::uint32_t>& all = it->second;
    const bool speakers_only = all.size() > 1 && prefer_speakers;
    std::optional<std::uint32_t> first;
    for (std::uint32_t i : all) {
      if (speakers_only && !names_.inputs[i].speaker) continue;
      // several inputs of one name are one person (PM Daud Kamali, Daud Kamali)
      if (!first)
        first = i;
      else if (bare_[i] != bare_[*first])
        return std::nullopt;
    }
    return first;
  }

  const std::vector<std::string>& Keys(const std::string& name) { return keys_.Of(name); }

  const State& s_;
  const PartialNames& names_;
  WordKeys& keys_;
  Index surname_, first_, single_;  // (every input they list is a person's)
  std::vector<std::string> bare_;   // per input: a person's name without titles (else empty)
  std::vector<std::string> last_words_;
  std::vector<std::uint32_t> last_prepared_;  // Respells: last_words_ (WordKeys::PreparedAt)
  // their words (WordKeys::Prepared; valid for the document: StartDocument
  // runs before it)
  std::vector<const SpellingReporter::LabelWord*> last_labels_;
};

// A capitalised word that is the surname of a person named in the same
// document, or a spelling of it by the spelling report's test, or an
// acronym defined anywhere in the run. Reads `s` only (known_phrase: as a
// cache, under its lock; FoldDoc fills it, maybe meanwhile: FoldBatches).
std::vector<Target> DecideCandidates(const State& s, const PartialNames& names, WordKeys& keys) {
  std::vector<Target> out(names.candidates.size());
  if (names.candidates.empty()) return out;
  DocPeople people(s, names, keys);
  const auto& parser = s.clusterer.parser();
  for (std::size_t k = 0; k < names.candidates.size(); ++k) {
    const PartialCandidate& c = names.candidates[k];
    Target& t = out[k];
    if (c.name) {
      t.to = Target::To::kName;
      t.lower = segment::Lower(c.word);
    } else if (c.phrase) {
      t.to = Target::To::kPhrase;
      t.lower = segment::Lower(c.word);
      t.lower_hash = HashBytes(t.lower);
      bool cached = false;
      {
        std::shared_lock<std::shared_mutex> lock(s.known_phrase_mutex);
        cached = s.known_phrase.Find(t.lower, t.lower_hash) != nullptr;
      }
      if (!cached) {
        t.parsed = true;
        t.known = s.org_keys.count(parser.ParseShared(c.word, EntityType::kOrg)->Key()) > 0;
      }
    } else if (s.acronyms.count(c.word)) {
      t.to = Target::To::kAcronym;
    } else if (auto in = people.Of(c.word, !c.in_phrase)) {
      t.to = Target::To::kInput;
      t.input = *in;
    } else if (people.Respells(c.word)) {
      t.to = Target::To::kPerson;
      t.lower = segment::Lower(c.word);
    }
  }
  return out;
}

// What DecideCandidates reads of a document's names, as bytes: every
// input's kind in order (a target names its input by position), a
// person's name and whether it speaks and has roles, and every candidate's
// word and flags; sizes before the bytes, so that two documents have the
// same key only when DecideCandidates reads the same of both.
void DecideKey(const PartialNames& names, std::string& key) {
  auto append_size = [&key](std::size_t n) {
    const auto n32 = static_cast<std::uint32_t>(n);
    key.append(reinterpret_cast<const char*>(&n32), sizeof n32);
  };
  std::size_t size = sizeof(std::uint32_t) + names.inputs.size() * (2 + sizeof(std::uint32_t));
  for (const PartialName& x : names.inputs) size += x.name.size();
  for (const PartialCandidate& c : names.candidates)
    size += 1 + sizeof(std::uint32_t) + c.word.size();
  key.clear();
  key.reserve(size);
  append_size(names.inputs.size());
  for (const PartialName& x : names.inputs) {
    key.push_back(static_cast<char>(x.kind));
    if (x.kind != Kind::kPerson) continue;
    key.push_back(static_cast<char>((x.speaker ? 1 : 0) | (x.roles.empty() ? 0 : 2)));
    append_size(x.name.size());
    key += x.name;
  }
  for (const PartialCandidate& c : names.candidates) {
    key.push_back(static_cast<char>((c.phrase ? 1 : 0) | (c.in_phrase ? 2 : 0) | (c.name ? 4 : 0)));
    append_size(c.word.size());
    key += c.word;
  }
}

// DecideCandidates of each of a batch of documents into `targets`, on
// any number of threads at once (each with its thread's word keys,
// MapKeys): a document whose key (DecideKey) was decided lately
// (State::decided) or earlier in the batch takes those targets, the others
// are decided and remembered. The verdicts are the same as deciding each:
// they depend only on the key, the rules and what every Note() gathered (a
// copy's kPhrase `parsed`/`known` may be stale, but FoldDoc reads them only
// for a phrase State::known_phrase lacks, and the copied document's
// FoldDoc, earlier in input order, added it) — not on which thread decides
// a document, nor when. Begin() and End() on one thread (they read and
// write State::decided); Work() on any threads between them, each taking
// the next document to decide until none is left (FoldBatches: the
// caller's thread helps once its fold of the batch before is done).
class BatchDecider {
 public:
  BatchDecider(State& s, const std::vector<EntityResolver::DocNames>& docs,
               std::vector<Targets>& targets)
      : s_(s), docs_(docs), targets_(targets) {}

  // The keys and the look-ups of the batch; then Work() may start.
  void Begin() {
    targets_.assign(docs_.size(), nullptr);
    keys_.assign(docs_.size(), std::string());
    FlatMap<std::uint32_t> first;  // key → its first document in docs
    for (std::size_t d = 0; d < docs_.size(); ++d) {
      if (docs_[d].names.candidates.empty()) continue;
      DecideKey(docs_[d].names, keys_[d]);
      const std::uint64_t hash = HashBytes(keys_[d]);
      if (const Targets* t = s_.decided.Find(keys_[d], hash)) {
        targets_[d] = *t;
        continue;
      }
      const auto at = static_cast<std::uint32_t>(d);
      const std::uint32_t earlier = first.Insert(keys_[d], hash, at);
      if (earlier == at) {
        decide_.push_back(at);
      } else {
        same_.emplace_back(at, earlier);
      }
    }
    errors_.resize(decide_.size());
    open_.store(kOpen, std::memory_order_release);
    open_.notify_all();
  }

  // Begin() will not be done (the batch's read or Begin() threw): wakes
  // AwaitOpen().
  void Abandon() {
    int expected = kNotYet;
    if (open_.compare_exchange_strong(expected, kAbandoned, std::memory_order_acq_rel))
      open_.notify_all();
  }

  // Waits until Begin() is done (then Work() may be called: true) or
  // abandoned (false).
  bool AwaitOpen() const {
    open_.wait(kNotYet, std::memory_order_acquire);
    return open_.load(std::memory_order_acquire) == kOpen;
  }
  std::size_t ToDecide() const { return decide_.size(); }

  // Decides the next documents until none is left to take (a document's
  // exception is kept for End()).
  void Work() {
    for (std::size_t i; (i = next_.fetch_add(1)) < decide_.size();) {
      try {
        targets_[decide_[i]] = std::make_shared<const std::vector<Target>>(
            DecideCandidates(s_, docs_[decide_[i]].names, MapKeys::ForDocument(s_)));
      } catch (...) {
        errors_[i] = std::current_exception();
      }
      if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == decide_.size()) done_.notify_all();
    }
  }

  // Waits until every document is decided (by whichever threads took
  // them), rethrows the first document's exception, and remembers the
  // verdicts (State::decided).
  void End() {
    for (std::size_t d; (d = done_.load(std::memory_order_acquire)) < decide_.size();)
      done_.wait(d, std::memory_order_acquire);
    for (const std::exception_ptr& e : errors_) {
      if (e) std::rethrow_exception(e);
    }
    for (const auto& [d, earlier] : same_) targets_[d] = targets_[earlier];
    for (std::uint32_t d : decide_) {
      std::size_t bytes = keys_[d].size() + targets_[d]->size() * sizeof(Target);
      for (const Target& t : *targets_[d]) bytes += t.lower.size();
      if (s_.decided_bytes + bytes > State::kMaxDecidedBytes) {
        Release(s_.decided);
        s_.decided_bytes = 0;
      }
      s_.decided.Insert(keys_[d], targets_[d]);
      s_.decided_bytes += bytes;
    }
  }

 private:
  State& s_;
  const std::vector<EntityResolver::DocNames>& docs_;
  std::vector<Targets>& targets_;
  std::vector<std::string> keys_;
  std::vector<std::uint32_t> decide_;                          // documents to decide
  std::vector<std::pair<std::uint32_t, std::uint32_t>> same_;  // (document, an earlier one of docs)
  std::vector<std::exception_ptr> errors_;                     // per document to decide
  enum : int { kNotYet, kOpen, kAbandoned };
  std::atomic<int> open_{kNotYet};
  std::atomic<std::size_t> next_{0}, done_{0};
};

// BatchDecider of `docs` on up to `threads` threads.
void DecideDocs(State& s, const std::vector<EntityResolver::DocNames>& docs, unsigned threads,
                std::vector<Targets>& targets) {
  BatchDecider decider(s, docs, targets);
  decider.Begin();
  const std::size_t workers =
      std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, decider.ToDecide()));
  parallel::RunWorkers(workers, [&](std::size_t) { decider.Work(); });
  decider.End();
}

// Folds one document's name inputs into the run's groups, and its
// short-form candidates as `targets` (DecideCandidates, every Note() done)
// decided them.
void FoldDoc(State& s, const PartialNames& names, const std::string& id, const std::string& outlet,
             const Targets& targets) {
  const auto doc = static_cast<std::uint32_t>(s.doc_key.size());
  const auto [key, fresh] = s.keys.try_emplace(id, static_cast<std::uint32_t>(s.key_names.size()));
  if (fresh) s.key_names.push_back(&key->first);
  s.doc_key.push_back(key->second);
  s.doc_outlet.push_back(Intern(s.outlet_ids, outlet));
  if (s.doc_outlet.back() == s.outlets.size()) s.outlets.push_back(outlet);
  std::vector<std::uint32_t> group_of(names.inputs.size());
  for (std::size_t i = 0; i < names.inputs.size(); ++i) {
    const PartialName& n = names.inputs[i];
    group_of[i] = GroupFor(s, n.name, n.kind);
    State::Group& g = s.groups[group_of[i]];
    ++g.kinds[static_cast<std::size_t>(n.kind)];
    g.acronym = g.acronym || n.acronym;
    g.opaque = g.opaque || n.opaque;
    g.tentative = false;
    for (const std::string& r : n.roles) AddFirst(g.roles, r, s.position);
    for (const std::string& a : n.affiliations) AddFirst(g.affiliations, a, s.position);
    for (const std::string& x : n.same_as) AddUniqueIndexed(g.same_as, g.same_as_slots, x);
    for (const std::string& x : n.distinct_from)
      AddUniqueIndexed(g.distinct_from, g.distinct_from_slots, x);
    for (const EntityRole& r : n.stated) {
      const StatedLess::Key key{r.role, r.affiliation};
      auto at = g.stated.lower_bound(key);
      if (at == g.stated.end() || g.stated.key_comp()(key, at->first))
        at = g.stated.emplace_hint(at, std::make_pair(r.role, r.affiliation), 0);
      ++at->second;
    }
    AddDoc(g, doc, false);
    ++s.position;
  }
  for (std::ptrdiff_t in : names.record_input)
    s.records.push_back(in < 0 ? -1
                               : static_cast<std::int32_t>(group_of[static_cast<std::size_t>(in)]));
  s.record_begin.push_back(static_cast<std::uint32_t>(s.records.size()));
  for (const PartialForm& f : names.forms) Occur(s, group_of[f.input], f.form, f.count, doc);

  // (how, its word) → group, made once per key: the words are views of
  // `targets` and `names`, which outlive the map (no key string is built)
  enum class Made : std::uint8_t { kName, kPhrase, kAcronym, kPerson };
  std::map<std::pair<Made, std::string_view>, std::uint32_t> made;
  auto input_for = [&](Made how, std::string_view word, const std::string& name, Kind kind,
                       bool tentative) {
    auto [it, fresh] = made.try_emplace({how, word}, 0);
    if (fresh) {
      it->second = GroupFor(s, name, kind);
      State::Group& g = s.groups[it->second];
      ++g.kinds[static_cast<std::size_t>(kind)];
      if (how == Made::kAcronym) g.acronym = true;
      if (!tentative) g.tentative = false;
      AddDoc(g, doc, true);
    }
    return it->second;
  };
  const auto& parser = s.clusterer.parser();
  for (std::size_t k = 0; k < names.candidates.size(); ++k) {
    const PartialCandidate& c = names.candidates[k];
    const Target& t = (*targets)[k];
    std::optional<std::uint32_t> target;
    switch (t.to) {
      case Target::To::kName:
        target = input_for(Made::kName, t.lower, c.word, Kind::kPerson, true);
        break;
      case Target::To::kPhrase: {
        // (the first spelling of a phrase in input order decides for all)
        const std::string& lw = t.lower;
        // (FoldDoc, on one thread, is the table's only writer: its own look-up
        // needs no lock; the insert excludes DecideCandidates' readers)
        bool is_known = false;
        if (const bool* known = s.known_phrase.Find(lw, t.lower_hash)) {
          is_known = *known;
        } else {
          is_known = t.parsed ? t.known
                              : s.org_keys.count(parser.Parse(c.word, EntityType::kOrg).Key()) > 0;
          std::unique_lock<std::shared_mutex> lock(s.known_phrase_mutex);
          s.known_phrase.Insert(lw, t.lower_hash, is_known);
        }
        if (!is_known) continue;
        target = input_for(Made::kPhrase, lw, c.word, Kind::kOrganization, false);
        break;
      }
      case Target::To::kAcronym:
        target = input_for(Made::kAcronym, c.word, c.word, Kind::kOrganization, false);
        break;
      case Target::To::kInput:
        target = group_of[t.input];
        break;
      case Target::To::kPerson:
        target = input_for(Made::kPerson, t.lower, c.word, Kind::kPerson, false);
        break;
      case Target::To::kNone:
        break;
    }
    if (target) {
      Occur(s, *target, c.word, 1, doc);
    } else if (!c.phrase && !c.name && s.details) {
      State::Occurrence& w = s.loose.Insert(c.word, {});
      ++w.count;
      AddDocOnce(w.docs, doc);
    }
  }
}

// An acronym and every expansion the run's texts define for it are one
// name: each group linked by same_as, directly or through others, lists
// all the others (complete linkage would otherwise keep "Ansar Front of Iraq
// (HAI)" and "Harakat-e-Ansar Iraq (HAI)" apart). Returns each group's
// same_as, closed.
std::vector<std::vector<std::string>> CloseSameAs(const std::vector<State::Group>& groups) {
  std::vector<std::vector<std::string>> out(groups.size());
  for (std::size_t i = 0; i < groups.size(); ++i) out[i] = groups[i].same_as;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < groups.size(); ++i) by_name[groups[i].name].push_back(i);
  std::vector<std::size_t> parent(groups.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  bool any = false;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& same = groups[i].same_as;
    if (!same.empty()) any = true;
    for (const std::string& n : same) {
      auto it = by_name.find(n);
      if (it == by_name.end()) continue;
      for (std::size_t j : it->second) parent[find(i)] = find(j);
    }
    for (std::size_t j : by_name[groups[i].name]) parent[find(i)] = find(j);  // one name, one set
  }
  if (!any) return out;
  std::unordered_map<std::size_t, std::vector<std::string>> names;
  for (std::size_t i = 0; i < groups.size(); ++i) AddUnique(names[find(i)], groups[i].name);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& all = names[find(i)];
    if (all.size() < 2) continue;
    for (const std::string& n : all) {
      if (n != groups[i].name) AddUnique(out[i], n);
    }
  }
  return out;
}

// The clusterer's inputs: one per group (input i is group i), its
// documents as numbers (the distinct id's: DocOrder writes the ids back); then, in the order the
// documents gave them, each group's roles and affiliations again, each where it first came — the
// clusterer numbers them in input order, and lists shared ones in that order.
std::vector<entities::NameInput> Feed(const State& s,
                                      std::vector<std::vector<std::string>> same_as) {
  // the roles and affiliations in the order the documents gave them, first:
  // the feed is then made at its full size at once, never grown (growing it
  // moved the run's largest table to fresh pages, page faults in a serial
  // step)
  struct Item {
    std::uint64_t position;
    std::uint32_t group;
    bool affiliation;
    const std::string* text;
  };
  std::vector<Item> items;
  for (std::uint32_t i = 0; i < s.groups.size(); ++i) {
    const State::Group& g = s.groups[i];
    for (const auto& [r, at] : g.roles) items.push_back({at, i, false, &r});
    for (const auto& [a, at] : g.affiliations) items.push_back({at, i, true, &a});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) { return a.position < b.position; });
  std::size_t positions = 0;  // (one input per position, below)
  for (std::size_t k = 0; k < items.size(); ++k)
    positions += k == 0 || items[k].position != items[k - 1].position ? 1 : 0;
  std::vector<entities::NameInput> feed;
  feed.reserve(s.groups.size() + positions);
  feed.resize(s.groups.size());
  // (each group's input written on whichever thread takes it: its document
  // list and names are copied, the run's largest)
  parallel::ForEach(s.groups.size(), s.config.cluster.threads, [&](std::size_t i) {
    const State::Group& g = s.groups[i];
    entities::NameInput& in = feed[i];
    in.name = g.name;
    in.type = g.type;
    in.context.doc_numbers.reserve(g.docs.size());
    for (std::uint32_t d : g.docs) in.context.doc_numbers.push_back(s.doc_key[d & ~State::kMade]);
    in.context.same_as = std::move(same_as[i]);
    in.context.distinct_from = g.distinct_from;
    in.context.tentative = g.tentative;
    in.context.opaque = g.opaque;
  });
  for (std::size_t b = 0; b < items.size();) {
    const State::Group& g = s.groups[items[b].group];
    entities::NameInput& in = feed.emplace_back();
    in.name = g.name;
    in.type = g.type;
    in.context.tentative = g.tentative;
    std::size_t e = b;
    for (; e < items.size() && items[e].position == items[b].position; ++e) {
      (items[e].affiliation ? in.context.affiliations : in.context.roles).push_back(*items[e].text);
    }
    b = e;
  }
  return feed;
}

// The shared documents of merge explanations, as ids in the order the
// clusterer met them when every input was fed alone: documents with an
// input of their own text first, then those with only made inputs, each
// part in input order.
class DocOrder {
 public:
  DocOrder(const State& s, const std::vector<std::ptrdiff_t>& cluster_of)
      : s_(s), rank_(s.keys.size(), ~std::uint64_t{0}) {
    for (std::size_t g = 0; g < s.groups.size(); ++g) {
      if (cluster_of[g] < 0) continue;
      for (std::uint32_t e : s.groups[g].docs) {
        const std::uint32_t d = e & ~State::kMade;
        const std::uint64_t r = (std::uint64_t{(e & State::kMade) ? 1u : 0u} << 32) | d;
        auto& k = rank_[s.doc_key[d]];
        k = std::min(k, r);
      }
    }
  }

  void Restore(std::vector<entities::MergeExplanation>& merges) const {
    for (entities::MergeExplanation& m : merges) {
      std::vector<std::pair<std::uint64_t, std::uint32_t>> docs;  // (rank, key)
      std::size_t n = 0;
      for (; n < m.shared.size() && m.shared[n].rfind("doc:", 0) == 0; ++n) {
        const auto key = static_cast<std::uint32_t>(std::stoul(m.shared[n].substr(4)));
        docs.emplace_back(rank_[key], key);
      }
      std::sort(docs.begin(), docs.end());
      for (std::size_t i = 0; i < n; ++i) m.shared[i] = "doc:" + *s_.key_names[docs[i].second];
    }
  }

 private:
  const State& s_;
  std::vector<std::uint64_t> rank_;
};

// A person's surname as each full form spells it is a short form seen in
// the same documents (news refers to people by surname: searching for
// "Shwarbani" must find the entity whose full form spells it so) — unless
// another person of the run has that surname too (`shared`, lower case):
// then only the surname's own occurrences count.
std::string LastWord(const std::string& form) {
  std::size_t space = form.rfind(' ');
  return space == std::string::npos ? std::string() : form.substr(space + 1);
}

void AddSurnames(std::map<std::string, EntityVariant>& variants,
                 const std::unordered_set<std::string>& shared) {
  std::map<std::string, EntityVariant> surnames;
  for (const auto& [form, v] : variants) {
    std::string last = LastWord(form);
    if (last.size() < 3 || shared.count(segment::Lower(last))) continue;
    EntityVariant& s = surnames[last];
    s.form = last;
    s.count += v.count;
    for (const auto& d : v.docs) AddUnique(s.docs, d);
    for (const auto& o : v.outlets) AddUnique(s.outlets, o);
  }
  for (auto& [last, s] : surnames) variants.try_emplace(last, s);
}

// A person's form written after titles (PM Yusuf Kamali,
// Brigadier-General Nabil Omar) is also a form without them.
void AddUntitled(std::map<std::string, EntityVariant>& variants,
                 const entities::NameParser& parser) {
  std::vector<EntityVariant> untitled;
  for (const auto& [form, v] : variants) {
    std::string bare = parser.WithoutTitles(form);
    if (bare == form || WordCount(bare) < 2) continue;
    untitled.push_back(v);
    untitled.back().form = std::move(bare);
  }
  for (auto& u : untitled) {
    auto [it, fresh] = variants.try_emplace(u.form, u);
    if (fresh) continue;
    it->second.count += u.count;
    for (const auto& d : u.docs) AddUnique(it->second.docs, d);
    for (const auto& o : u.outlets) AddUnique(it->second.outlets, o);
  }
}

// The surnames (lower case) of two or more person entities.
std::unordered_set<std::string> SharedSurnames(
    const std::vector<Entity>& entities,
    const std::vector<std::map<std::string, EntityVariant>>& variants) {
  std::unordered_map<std::string, std::size_t> owner;
  std::unordered_set<std::string> shared;
  for (std::size_t k = 0; k < entities.size(); ++k) {
    if (entities[k].type != "person") continue;
    for (const auto& [form, v] : variants[k]) {
      std::string last = segment::Lower(LastWord(form));
      if (last.empty()) continue;
      auto [it, fresh] = owner.try_emplace(last, k);
      if (!fresh && it->second != k) shared.insert(last);
    }
  }
  return shared;
}

// Most frequent full form — persons: a form of two or more words and no
// leading title;
// organisations: a form that is not an acronym — ties broken by more words,
// then code-point order. ("Barack Obama" ×114 over "U.S. President Barack
// Obama" ×1.)
std::string Canonical(const Entity& e, Kind kind, const std::unordered_set<std::string>& acronyms,
                      const entities::NameParser& parser) {
  auto full = [&](const EntityVariant& v) {
    return kind == Kind::kPerson ? WordCount(v.form) >= 2 && parser.WithoutTitles(v.form) == v.form
                                 : !acronyms.count(v.form);
  };
  const bool any_full = std::any_of(e.variants.begin(), e.variants.end(), full);
  const EntityVariant* best = nullptr;
  for (const auto& v : e.variants) {
    if (any_full && !full(v)) continue;
    if (!best || v.count > best->count ||
        (v.count == best->count &&
         (WordCount(v.form) > WordCount(best->form) ||
          (WordCount(v.form) == WordCount(best->form) && v.form < best->form)))) {
      best = &v;
    }
  }
  return best ? best->form : std::string();
}

// Roles by how many records and mentions state them, most first (ties in
// (role, affiliation) order).
std::vector<EntityRole> RankRoles(
    const std::map<std::pair<std::string, std::string>, std::size_t>& count) {
  std::vector<std::pair<std::size_t, EntityRole>> ranked;
  for (const auto& [k, n] : count) ranked.push_back({n, EntityRole{k.first, k.second}});
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<EntityRole> out;
  for (auto& [n, r] : ranked) out.push_back(std::move(r));
  return out;
}

void SortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// A person known across the run only by a titled surname ("Mr. Doe", with
// "Doe", in articles that never give the full name) joins the one person of
// the run whose full name ends with that surname; with none, or with two or
// more ("Ann Doe" and "Bob Doe"), it stays apart. An untitled word alone
// ("Fed", "Boss") joins nothing. Roles and affiliations must not disagree
// by the clusterer's own test (ContextTable: "Mr. Doe, the analyst" never
// joins "Ann Doe, the senator": another person who shares her surname).
void JoinSurnames(EntityResolver::State& s, entities::Clustering& clustering) {
  const std::size_t n = clustering.clusters.size();
  const auto person = static_cast<std::size_t>(Kind::kPerson);
  std::vector<std::vector<std::uint32_t>> members(n);
  for (std::uint32_t g = 0; g < s.groups.size(); ++g) {
    const auto c = clustering.cluster_of[g];
    if (c >= 0) members[static_cast<std::size_t>(c)].push_back(g);
  }
  const auto& parser = s.clusterer.parser();
  // per cluster of persons: its one surname ("" when it has a full name or
  // several surnames), and the surnames of its full names (sorted, unique);
  // the clusters parsed on the config's threads (each worker with its
  // thread's word keys, MapKeys: a cache), then indexed in cluster order
  std::vector<std::string> alone(n);
  std::vector<std::vector<std::string>> ends(n);
  auto surnames = [&](std::size_t c, WordKeys& word_keys) {
    bool persons = !members[c].empty(), short_only = true, titled = false;
    for (std::uint32_t g : members[c]) {
      const auto& k = s.groups[g].kinds;
      if (k[person] == 0 || k[person] * 2 < k[0] + k[1] + k[2] + k[3]) persons = false;
    }
    if (!persons) return;  // (its names need no parsing)
    std::string surname;
    for (std::uint32_t g : members[c]) {
      const std::string bare = parser.WithoutTitles(s.groups[g].name);
      titled = titled || bare.size() < s.groups[g].name.size();
      const auto& keys = word_keys.Of(bare);
      if (keys.size() == 1) {
        if (!surname.empty() && surname != keys[0]) short_only = false;
        surname = keys[0];
      } else {
        short_only = false;
        if (keys.size() >= 2) ends[c].push_back(keys.back());
      }
    }
    if (short_only && titled) alone[c] = surname;
    SortUnique(ends[c]);
  };
  constexpr std::size_t kChunk = 4;
  const std::size_t workers = std::clamp<std::size_t>(
      s.config.cluster.threads, 1, std::max<std::size_t>(1, (n + kChunk - 1) / kChunk));
  std::atomic<std::size_t> next{0};
  parallel::RunWorkers(workers, [&](std::size_t) {
    WordKeys& keys = MapKeys::ForDocument(s);  // (no reset until this share's next call)
    for (std::size_t b; (b = next.fetch_add(kChunk)) < n;) {
      for (std::size_t c = b; c < std::min(n, b + kChunk); ++c) surnames(c, keys);
    }
  });
  std::unordered_map<std::string, std::vector<std::size_t>> full;
  for (std::size_t c = 0; c < n; ++c) {
    for (const std::string& e : ends[c]) full[e].push_back(c);
  }
  std::vector<std::vector<std::string>>().swap(ends);
  // the one full-name cluster each lone surname may join
  std::vector<std::ptrdiff_t> joins(n, -1);
  std::vector<char> judged(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    if (alone[c].empty()) continue;
    auto it = full.find(alone[c]);
    if (it == full.end() || it->second.size() != 1) continue;
    joins[c] = static_cast<std::ptrdiff_t>(it->second.front());
    judged[c] = judged[it->second.front()] = 1;
  }
  // the roles and affiliations of the clusters judged, as the clusterer
  // compares them (Judge reads what the strings say, never the order they
  // were interned in: the other clusters need none)
  const auto& cfg = s.clusterer.config();
  entities::ContextTable table(
      parser, s.clusterer.role_synonyms(),
      entities::ContextRules{cfg.roles_must_agree, cfg.affiliations_must_agree});
  std::vector<entities::FormContext> context(n);
  const auto none = [](const std::string&) { return std::optional<std::uint32_t>{}; };
  for (std::size_t c = 0; c < n; ++c) {
    if (!judged[c]) continue;
    entities::NameContext in;
    for (std::uint32_t g : members[c]) {
      for (const auto& [r, at] : s.groups[g].roles) in.roles.push_back(r);
      for (const auto& [a, at] : s.groups[g].affiliations) in.affiliations.push_back(a);
    }
    table.Add(in, EntityType::kPerson, context[c], none);
    entities::ContextTable::Finish(context[c]);
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (joins[c] < 0) continue;
    const auto f = static_cast<std::size_t>(joins[c]);
    if (table.Judge(static_cast<std::uint32_t>(c), context[c], static_cast<std::uint32_t>(f),
                    context[f]) == entities::ContextVerdict::kDisagree)
      continue;
    for (std::uint32_t g : members[c]) clustering.cluster_of[g] = static_cast<std::ptrdiff_t>(f);
  }
}

}  // namespace

void EntityResolver::Fold(const PartialNames& names, const std::string& doc_id,
                          const std::string& outlet) {
  State& s = *state_;
  FoldDoc(s, names, doc_id, outlet,
          std::make_shared<const std::vector<Target>>(
              DecideCandidates(s, names, MapKeys::ForDocument(s))));
}

void EntityResolver::Fold(const std::vector<DocNames>& docs, unsigned threads) {
  State& s = *state_;
  std::vector<Targets> targets;
  DecideDocs(s, docs, threads, targets);
  for (std::size_t d = 0; d < docs.size(); ++d)
    FoldDoc(s, docs[d].names, docs[d].id, docs[d].outlet, targets[d]);
}

void EntityResolver::FoldBatches(std::size_t batches, const ReadBatch& read, unsigned threads) {
  State& s = *state_;
  std::vector<DocNames> docs;
  if (threads < 2) {
    for (std::size_t b = 0; b < batches; ++b) {
      read(b, docs);
      Fold(docs, 1);
    }
    return;
  }
  // batch b read and decided (each deciding thread with its word keys,
  // MapKeys): the first on `threads` threads; each next one beside the
  // folding of the one before, on threads - 1 threads, so that the fold,
  // the serial part, keeps a thread of its own — and once it is done, the
  // caller's thread helps decide (BatchDecider::Work) instead of waiting:
  // if the next batch is still being read, it waits for its keys
  // (AwaitOpen) and then helps (it used to wait for the whole batch then:
  // PolNeAR train x11, two threads, 0.33-0.36 s of the fold's waits -> 0.01)
  struct Ready {
    std::vector<DocNames> docs;
    std::vector<Targets> targets;
    std::unique_ptr<BatchDecider> decider;  // (its atomics stay in place: swapped as a pointer)
  };
  auto prepare = [&](std::size_t b, Ready& r, unsigned workers) {
    try {
      read(b, r.docs);
      r.decider->Begin();
    } catch (...) {
      r.decider->Abandon();  // (the folding thread waits for Begin() no more)
      throw;
    }
    parallel::RunWorkers(
        std::clamp<std::size_t>(workers, 1, std::max<std::size_t>(1, r.decider->ToDecide())),
        [&](std::size_t) { r.decider->Work(); });
    r.decider->End();
  };
  Ready now, ahead;
  // (a batch's decider made here, before its task starts, and kept until
  // the task is waited for: this thread reads the pointer without a race)
  auto start = [&s](Ready& r) { r.decider = std::make_unique<BatchDecider>(s, r.docs, r.targets); };
  if (batches > 0) {
    start(now);
    prepare(0, now, threads);
  }
  for (std::size_t b = 0; b < batches; ++b) {
    parallel::Task<void> next;  // (waited for by its destructor when FoldDoc throws)
    if (b + 1 < batches) {
      start(ahead);
      next = parallel::Async([&, b] { prepare(b + 1, ahead, threads - 1); });
    }
    for (std::size_t d = 0; d < now.docs.size(); ++d)
      FoldDoc(s, now.docs[d].names, now.docs[d].id, now.docs[d].outlet, now.targets[d]);
    if (next.valid()) {
      if (ahead.decider->AwaitOpen()) ahead.decider->Work();
      next.get();
    }
    // (both batches' tasks are done: their deciders go before the swap, which
    // moves the batches' vectors but not the deciders' references to them)
    now.decider.reset();
    ahead.decider.reset();
    std::swap(now, ahead);
  }
}

EntityTable EntityResolver::Resolve() {
  State& s = *state_;
  for (const State::Held& h : s.held)
    FoldDoc(s, h.names, h.id, h.outlet,
            std::make_shared<const std::vector<Target>>(
                DecideCandidates(s, h.names, MapKeys::ForDocument(s))));
  s.held.clear();
  entities::Clustering clustering = s.clusterer.Run(Feed(s, CloseSameAs(s.groups)));
  const std::size_t groups = s.groups.size();
  JoinSurnames(s, clustering);

  // the kind of each cluster: its inputs' most common kind
  const std::size_t n = clustering.clusters.size();
  std::vector<std::array<std::size_t, 4>> kinds(n, {0, 0, 0, 0});
  for (std::size_t g = 0; g < groups; ++g) {
    auto c = clustering.cluster_of[g];
    if (c < 0) continue;
    for (std::size_t k = 0; k < 4; ++k)
      kinds[static_cast<std::size_t>(c)][k] += s.groups[g].kinds[k];
  }
  std::vector<Kind> kind_of(n);
  for (std::size_t c = 0; c < n; ++c) {
    kind_of[c] =
        static_cast<Kind>(std::max_element(kinds[c].begin(), kinds[c].end()) - kinds[c].begin());
  }
  // a cluster of role-less names alone is no entity
  std::vector<char> kept(n, 0);
  for (std::size_t g = 0; g < groups; ++g) {
    auto c = clustering.cluster_of[g];
    if (c >= 0 && !s.groups[g].tentative) kept[static_cast<std::size_t>(c)] = 1;
  }
  // ids: per kind, in cluster-id order (clusters are sorted by id)
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < n; ++c) {
    if (kept[c]) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return kind_of[a] < kind_of[b]; });
  EntityTable table;
  std::vector<std::ptrdiff_t> entity_of(n, -1);
  std::vector<Kind> entity_kind;
  std::array<std::size_t, 4> numbers{0, 0, 0, 0};
  // (merges explained only with details: nothing else reads them)
  std::optional<DocOrder> doc_order;
  if (s.details) doc_order.emplace(s, clustering.cluster_of);
  for (std::size_t c : order) {
    Entity ent;
    ent.id = std::string(1, KindPrefix(kind_of[c])) +
             std::to_string(++numbers[static_cast<std::size_t>(kind_of[c])]);
    ent.type = KindName(kind_of[c]);
    if (doc_order) {
      ent.merges = clustering.clusters[c].merges;
      doc_order->Restore(ent.merges);
    }
    entity_of[c] = static_cast<std::ptrdiff_t>(table.entities.size());
    entity_kind.push_back(kind_of[c]);
    table.entities.push_back(std::move(ent));
  }
  // variants, roles
  std::vector<std::map<std::string, EntityVariant>> variants(table.entities.size());
  std::vector<std::map<std::pair<std::string, std::string>, std::size_t>> roles(
      table.entities.size());
  auto entity_of_group = [&](std::uint32_t g) -> std::ptrdiff_t {
    auto c = clustering.cluster_of[g];
    return c < 0 ? -1 : entity_of[static_cast<std::size_t>(c)];
  };
  auto add_docs = [&](EntityVariant& v, const std::vector<std::uint32_t>& docs) {
    for (std::uint32_t d : docs) {
      const std::string& id = *s.key_names[s.doc_key[d]];
      if (!id.empty()) v.docs.push_back(id);
      const std::string& outlet = s.outlets[s.doc_outlet[d]];
      if (!outlet.empty()) v.outlets.push_back(outlet);
    }
  };
  // (in no particular order: counts are summed, documents sorted below)
  ForEachOccurrence(s,
                    [&](std::uint32_t group, const std::string& form, const State::Occurrence& o) {
                      std::ptrdiff_t ent = entity_of_group(group);
                      if (ent < 0) return;
                      EntityVariant& v = variants[static_cast<std::size_t>(ent)][form];
                      v.form = form;
                      v.count += o.count;
                      add_docs(v, o.docs);
                    });
  for (std::uint32_t g = 0; g < groups; ++g) {
    std::ptrdiff_t ent = entity_of_group(g);
    if (ent < 0) continue;
    // what each states, as a role and a body (neither: nothing)
    for (const auto& [k, count] : s.groups[g].stated) {
      std::pair<std::string, std::string> kept_role{RoleOf(s, k.first),
                                                    BodyLike(s, k.second) ? k.second : ""};
      if (kept_role.first.empty() && kept_role.second.empty()) continue;
      roles[static_cast<std::size_t>(ent)][kept_role] += count;
    }
  }
  std::unordered_set<std::string> acronyms;
  for (const State::Group& g : s.groups)
    if (g.acronym) acronyms.insert(g.name);
  // (each entity's variants, roles and name on whichever thread takes it:
  // they read only its own maps and the run's sets, made before)
  const unsigned threads = s.config.cluster.threads;
  parallel::ForEach(variants.size(), threads, [&](std::size_t k) {
    for (auto& [form, v] : variants[k]) {
      SortUnique(v.docs);
      SortUnique(v.outlets);
    }
  });
  const std::unordered_set<std::string> shared = SharedSurnames(table.entities, variants);
  parallel::ForEach(table.entities.size(), threads, [&](std::size_t k) {
    Entity& ent = table.entities[k];
    if (ent.type == "person") {
      AddUntitled(variants[k], s.clusterer.parser());
      AddSurnames(variants[k], shared);
    }
    for (auto& [form, v] : variants[k]) {
      std::sort(v.docs.begin(), v.docs.end());
      std::sort(v.outlets.begin(), v.outlets.end());
      ent.variants.push_back(std::move(v));
    }
    ent.roles = RankRoles(roles[k]);
    ent.name = Canonical(ent, entity_kind[k], acronyms, s.clusterer.parser());
  });
  // capitalised words and names of no entity, for the spelling report's
  // other names (when details are kept)
  if (s.details) {
    std::map<std::string, EntityVariant> words;
    auto loose = [&](const std::string& form, const State::Occurrence& o) {
      EntityVariant& v = words[form];
      v.form = form;
      v.count += o.count;
      add_docs(v, o.docs);
    };
    for (const auto& [w, o] : s.loose) loose(w, o);
    ForEachOccurrence(
        s, [&](std::uint32_t group, const std::string& form, const State::Occurrence& o) {
          auto c = clustering.cluster_of[group];
          if (c >= 0 && !kept[static_cast<std::size_t>(c)]) loose(form, o);
        });
    for (auto& [w, v] : words) {
      SortUnique(v.docs);
      SortUnique(v.outlets);
      table.words.push_back(std::move(v));
    }
  }
  // records
  const std::size_t docs = s.doc_key.size();
  table.record_entity.first.reserve(docs + 1);
  for (std::size_t d = 0; d < docs; ++d) {
    for (std::size_t r = s.record_begin[d]; r < s.record_begin[d + 1]; ++r) {
      const std::int32_t g = s.records[r];
      std::ptrdiff_t ent = g < 0 ? -1 : entity_of_group(static_cast<std::uint32_t>(g));
      table.record_entity.of.push_back(static_cast<std::int32_t>(ent));
      if (ent >= 0) ++table.entities[static_cast<std::size_t>(ent)].quotes;
    }
    table.record_entity.first.push_back(static_cast<std::uint32_t>(table.record_entity.of.size()));
  }
  return table;
}

namespace {

// EntityResolver::Apply; with `s`, records' own roles and affiliations are
// checked (ApplyChecked).
void ApplyTable(const EntityTable& table, std::size_t doc_index, DocResult& result,
                const EntityResolver::State* s) {
  if (doc_index >= table.record_entity.size()) return;
  const auto& ents = table.record_entity[doc_index];
  const std::size_t n = std::min(result.quotes.size(), ents.size());
  auto entity = [&](std::size_t i) -> const Entity& {
    return table.entities[static_cast<std::size_t>(ents[i])];
  };
  auto has_role = [](const Entity& e, const std::string& role, const std::string* affiliation) {
    return std::any_of(e.roles.begin(), e.roles.end(), [&](const EntityRole& r) {
      return r.role == role && (!affiliation || r.affiliation == *affiliation);
    });
  };
  if (s) {  // every record's, with an entity or not ("a source who …": affiliation "who")
    for (std::size_t i = 0; i < result.quotes.size(); ++i) {
      auto& sp = result.quotes[i].speaker;
      if (!sp) continue;
      if (!sp->affiliation.empty() && !BodyLike(*s, sp->affiliation)) sp->affiliation.clear();
      if (!sp->role.empty()) sp->role = RoleMemo::For(*s).Of(*s, sp->role);
      // a speaker the entity stage found no name in (a dateline, a month,
      // a headline): an unnamed source, not a name
      if ((i < n && ents[i] >= 0) || sp->type == SpeakerType::kAnonymous || sp->name.empty())
        continue;
      const std::string name = WithoutCapsHeadline(s->config, sp->name);
      if (name.empty() || NoSpeakerName(*s, name, sp->type == SpeakerType::kPerson)) {
        sp->name.clear();
        sp->type = SpeakerType::kAnonymous;
      }
    }
  }
  // the records of the document that state a role of their entity, before
  // any is filled: one the entity keeps, or with the rules any role-like one
  // (the document's own descriptions count there: "the judge said")
  std::vector<std::size_t> stating;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& sp = result.quotes[i].speaker;
    if (sp && ents[i] >= 0 && !sp->role.empty() &&
        (s ? RoleMemo::For(*s).Like(*s, sp->role) : has_role(entity(i), sp->role, nullptr)))
      stating.push_back(i);
  }
  // a speaker of no run-wide entity keeps no id (the attribution's
  // document-local one would name another entity of the run)
  for (std::size_t i = 0; i < result.quotes.size(); ++i) {
    auto& sp = result.quotes[i].speaker;
    if (sp && (i >= n || ents[i] < 0)) sp->entity.clear();
  }
  for (std::size_t i = 0; i < n; ++i) {
    auto& sp = result.quotes[i].speaker;
    if (!sp || ents[i] < 0) continue;
    const Entity& e = entity(i);
    sp->entity = e.id;
    if (!e.name.empty()) sp->name = e.name;
    if (e.type == "organization" || e.type == "operation") sp->type = SpeakerType::kOrganization;
    // a transcript's label in capitals joined to the person it names
    if (e.type == "person" && sp->type == SpeakerType::kOrganization)
      sp->type = SpeakerType::kPerson;
    if (!sp->role.empty() || e.type != "person") continue;
    // a role of the person: the one stated nearest this record in its own
    // document (the earlier at equal distance), else the run's first (a
    // group or an organisation has none: "all major" of "all major Democrats")
    const std::size_t at = result.quotes[i].quote.begin;
    std::optional<std::size_t> near;
    std::size_t near_distance = 0;
    for (std::size_t j : stating) {
      if (ents[j] != ents[i]) continue;
      const std::size_t from = result.quotes[j].quote.begin;
      const std::size_t distance = from > at ? from - at : at - from;
      if (!near || distance < near_distance) near = j, near_distance = distance;
    }
    if (near) {
      const Speaker& other = *result.quotes[*near].speaker;
      sp->role = other.role;
      if (sp->affiliation.empty() && (s || has_role(e, other.role, &other.affiliation)))
        sp->affiliation = other.affiliation;
      continue;
    }
    for (const auto& r : e.roles) {
      if (r.role.empty()) continue;
      sp->role = r.role;
      if (sp->affiliation.empty()) sp->affiliation = r.affiliation;
      break;
    }
  }
}

}  // namespace

void EntityResolver::Apply(const EntityTable& table, std::size_t doc_index, DocResult& result) {
  ApplyTable(table, doc_index, result, nullptr);
}

void EntityResolver::ApplyChecked(const EntityTable& table, std::size_t doc_index,
                                  DocResult& result) const {
  ApplyTable(table, doc_index, result, state_.get());
}

}  // namespace whosaid::resolve
