#include "entities/name_parser.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <mutex>

#include "core/flat_map.h"
#include "core/release.h"
#include "core/view_hash.h"

namespace whosaid::entities {
namespace {

constexpr const char* kRewritesFile = "names/rewrites.txt";
constexpr const char* kTitlesFile = "names/titles.txt";
// titles.txt kind of an honorific that is also a given name: a name part.
constexpr std::string_view kNameKind = "name";
constexpr const char* kFamiliesFile = "names/families.txt";
constexpr const char* kCommonFile = "names/common.txt";
constexpr const char* kPrefixesFile = "names/prefixes.txt";
constexpr const char* kOrgWordsFile = "names/org_words.txt";
constexpr const char* kOrgSynonymsFile = "names/org_synonyms.txt";
constexpr const char* kOrgOwnersFile = "names/org_owners.txt";

bool ParseWeight(const std::string& text, float& out) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || v < 0 || v > 1) return false;
  out = static_cast<float>(v);
  return true;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

// Fields of every entry, with a check on their number.
std::vector<std::vector<std::string>> Entries(const rules::RuleFile& file, std::size_t min,
                                              std::size_t max, const char* format) {
  std::vector<std::vector<std::string>> out;
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    bool empty = std::any_of(f.begin(), f.end(), [](const std::string& s) { return s.empty(); });
    if (f.size() < min || f.size() > max || empty) {
      throw file.Error(line, std::string("expected ") + format);
    }
    out.push_back(std::move(f));
  }
  return out;
}

// Every parser gets its own number, so a thread's memo (Parse) never serves
// one parser's results to another built later at the same address.
std::uint64_t NextSerial() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

// rules.Spell(part), remembered: a pure function of the part and the rules
// of the parser with this serial, and some thirty letters.txt rewrites; the
// same name words (first names, particles) come in many names. Each thread
// keeps its recent results (cleared when full), like Parse's memo.
// Parse's memo of this thread.
struct ParseMemo {
  std::uint64_t serial = 0;
  FlatMap<std::shared_ptr<const ParsedName>> parsed;  // type digit + name → result
  std::string key;  // the look-up's key, its bytes kept between calls
};
thread_local ParseMemo parse_memo;

struct SpellMemo {
  std::uint64_t serial = 0;
  ViewMap<Spelling> spelled;
};
thread_local SpellMemo spell_memo;

// MakePart's memo of this thread: each word's part as PartOf makes it (a
// pure function of the word and the rules of the parser with this serial;
// cleared when full, like Parse's memo).
struct PartMemo {
  std::uint64_t serial = 0;
  FlatMap<NamePart> parts;  // word → its part
};
thread_local PartMemo part_memo;

Spelling SpellOf(std::uint64_t serial, const SpellingRules& rules, std::string_view part) {
  constexpr std::size_t kMemoEntries = 1 << 14;
  SpellMemo& memo = spell_memo;
  if (memo.serial != serial || memo.spelled.size() >= kMemoEntries) {
    memo.spelled.clear();
    memo.serial = serial;
  }
  if (auto it = memo.spelled.find(part); it != memo.spelled.end()) return it->second;
  return memo.spelled.emplace(std::string(part), rules.Spell(part)).first->second;
}

}  // namespace

// ParseShared's memo across threads: kShards shards, each under its own
// lock (a thread-memo miss takes one shard's lock for a look-up, and once
// more to insert what it parsed), each cleared when it holds its share of
// kSharedEntries (a bound, not a limit: it refills on demand).
struct NameParser::SharedMemo {
  static constexpr std::size_t kShards = 16;
  struct alignas(64) Shard {
    std::mutex mutex;
    FlatMap<std::shared_ptr<const ParsedName>> parsed;  // type digit + name → result
  };
  std::array<Shard, kShards> shards;
  // The shard of a key's hash (its top bits: the tables index by the low ones).
  Shard& Of(std::uint64_t hash) { return shards[hash >> 60]; }
  static_assert(kShards == 16);
};

NameParser::NameParser(const rules::RuleSet& rules, const ParserConfig& config,
                       const SpellingRules& spelling)
    : config_(config),
      shared_(config.shared_memo ? std::make_shared<SharedMemo>() : nullptr),
      serial_(NextSerial()),
      spelling_(spelling),
      normalizer_(rules),
      rewrites_(rules.File(kRewritesFile), Rewriter::Fields::kWithScope) {
  LoadTitles(rules);
  LoadFamilies(rules);
  LoadCommon(rules);
  LoadPrefixes(rules);
  LoadOrgWords(rules);
  LoadOrgSynonyms(rules);
  LoadOrgOwners(rules);
}

void NameParser::LoadTitles(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kTitlesFile);
  for (auto& f : Entries(file, 2, 2, "WORD | KIND")) titles_[f[0]] = f[1];
}

bool NameParser::IsTitle(const std::string& word) const {
  auto it = titles_.find(word);
  return it != titles_.end() && it->second != kNameKind;
}

void NameParser::LoadFamilies(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kFamiliesFile);
  for (auto& f : Entries(file, 2, 1000, "CANONICAL | MEMBER | ...")) {
    for (const std::string& member : f) families_[member] = f[0];
  }
}

void NameParser::LoadCommon(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kCommonFile);
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    float w = 0;
    if (f.size() != 2 || f[0].empty() || !ParseWeight(f[1], w)) {
      throw file.Error(line, "expected PART | WEIGHT (WEIGHT from 0 to 1)");
    }
    Spelling s = spelling_.Spell(f[0]);
    std::string key = s.blocking;
    common_.emplace(std::move(key), Common{std::move(s), w});
  }
}

void NameParser::LoadPrefixes(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kPrefixesFile);
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    int rest = f.size() == 3 ? std::atoi(f[1].c_str()) : 0;
    const bool suffix = !f.empty() && f[0].size() > 1 && f[0].front() == '-';
    if (f.size() != 3 || f[0].empty() || rest < 1 ||
        (f[2] != "strong" && f[2] != "weak" && f[2] != "kunya") || (suffix && f[2] == "kunya")) {
      throw file.Error(line,
                       "expected PREFIX | MIN_REST | strong|weak|kunya or -SUFFIX | MIN_REST | "
                       "strong|weak (MIN_REST >= 1)");
    }
    std::string text = suffix ? f[0].substr(1) : f[0];
    prefixes_.push_back({std::move(text), static_cast<std::size_t>(rest), f[2] != "strong",
                         f[2] == "kunya", suffix});
  }
}

void NameParser::LoadOrgWords(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kOrgWordsFile);
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    OrgWord word{WordKind::kStop, config_.default_type_weight};
    bool ok = f.size() >= 2 && f.size() <= 3 && !f[0].empty();
    if (ok && f[1] == "stop")
      word.kind = WordKind::kStop;
    else if (ok && f[1] == "designator")
      word.kind = WordKind::kDesignator;
    else if (ok && f[1] == "type")
      word.kind = WordKind::kType;
    else
      ok = false;
    if (ok && f.size() == 3) ok = word.kind == WordKind::kType && ParseWeight(f[2], word.weight);
    if (!ok) throw file.Error(line, "expected WORD | stop|designator|type [| WEIGHT]");
    org_words_[f[0]] = word;
  }
}

void NameParser::LoadOrgSynonyms(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kOrgSynonymsFile);
  for (auto& f : Entries(file, 2, 2, "PHRASE | CANONICAL")) {
    std::vector<std::string> phrase = SplitWords(f[0]);
    if (phrase.empty()) continue;  // (nothing to find)
    std::size_t& longest = synonym_starts_[phrase.front()];
    longest = std::max(longest, phrase.size());
    synonyms_[std::move(phrase)] = SplitWords(f[1]);
  }
}

void NameParser::LoadOrgOwners(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File(kOrgOwnersFile);
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() != 3 || f[0].empty() || f[1].empty() || (f[2] != "any" && f[2] != "modifier")) {
      throw file.Error(line, "expected WORD | OWNER | any|modifier");
    }
    owners_[f[0]] = Owner{f[1], f[2] == "modifier"};
  }
}

std::string NameParser::Rewrite(std::string_view normalized, EntityType type) const {
  return rewrites_.Apply(normalized, type == EntityType::kOrg ? Scope::kOrg : Scope::kPerson);
}

// (words from SplitWords, each non-empty and without a blank: when nothing
// matched, splitting their join again would give them back)
void NameParser::RewriteWords(std::vector<std::string>& words, EntityType type) const {
  std::string text = Join(words);
  if (rewrites_.ApplyInPlace(text, type == EntityType::kOrg ? Scope::kOrg : Scope::kPerson))
    words = SplitWords(text);
}

float NameParser::CommonWeight(const Spelling& s) const {
  float w = 1;
  auto [begin, end] = common_.equal_range(s.blocking);
  for (auto it = begin; it != end; ++it) {
    if (spelling_.Compare(s, it->second.spelling).level >= PartLevel::kStrong) {
      w = std::min(w, it->second.weight);
    }
  }
  return w;
}

NamePart NameParser::MakePart(std::string text) const {
  constexpr std::size_t kMemoEntries = 1 << 14;
  PartMemo& memo = part_memo;
  if (memo.serial != serial_ || memo.parts.size() >= kMemoEntries) {
    memo.parts.Clear();
    memo.serial = serial_;
  }
  const std::uint64_t hash = HashBytes(text);
  if (const NamePart* held = memo.parts.Find(text, hash)) return *held;
  return memo.parts.Insert(text, hash, PartOf(text));
}

NamePart NameParser::PartOf(std::string_view text) const {
  NamePart p;
  p.initial = text.size() == 1;
  p.spelling = SpellOf(serial_, spelling_, text);
  for (const Prefix& prefix : prefixes_) {
    const std::size_t n = prefix.text.size();
    if (text.size() < n + prefix.min_rest) continue;
    const std::size_t at = prefix.suffix ? text.size() - n : 0;
    if (text.compare(at, n, prefix.text) != 0) continue;
    std::string_view rest = text.substr(prefix.suffix ? 0 : n, text.size() - n);
    p.alternatives.push_back({SpellOf(serial_, spelling_, rest), prefix.weak});
    p.kunya = p.kunya || prefix.kunya;
  }
  p.rule_weight = p.initial ? 0.0f : CommonWeight(p.spelling);
  p.weight = p.rule_weight;
  p.text = std::string(text);
  return p;
}

EntityType NameParser::GuessType(const std::vector<std::string>& words) const {
  for (const std::string& w : ApplySynonyms(words)) {
    auto it = org_words_.find(w);
    if (it != org_words_.end() && it->second.kind != WordKind::kStop) return EntityType::kOrg;
  }
  return EntityType::kPerson;
}

void NameParser::ParsePerson(std::vector<std::string> words, ParsedName& out) const {
  // Titles: leading words only, and never the last word left.
  std::size_t k = 0;
  while (k + 1 < words.size() && IsTitle(words[k])) out.titles.push_back(words[k++]);
  words.erase(words.begin(), words.begin() + static_cast<long>(k));
  RewriteWords(words, EntityType::kPerson);
  for (std::string& w : words) {
    auto family = families_.find(w);
    out.parts.push_back(MakePart(family != families_.end() ? family->second : std::move(w)));
  }
  // (an honorific before two more parts; Hakim Tabsi is Hakim's own name)
  if (out.parts.size() >= 3) {
    auto title = titles_.find(out.parts.front().text);
    out.parts.front().honorific = title != titles_.end() && title->second == kNameKind;
  }
  out.matchable = !out.parts.empty() && static_cast<int>(out.parts.size()) <= config_.max_parts;
}

// At each word the longest phrase that starts there, if any; a word that
// starts no phrase (most words) is passed on without a look-up. A name
// with no such word (most names) is returned as it came.
std::vector<std::string> NameParser::ApplySynonyms(std::vector<std::string> words) const {
  std::size_t first = 0;
  while (first < words.size() && synonym_starts_.find(words[first]) == synonym_starts_.end())
    ++first;
  if (first == words.size()) return words;
  std::vector<std::string> out(std::make_move_iterator(words.begin()),
                               std::make_move_iterator(words.begin() + static_cast<long>(first)));
  for (std::size_t i = first; i < words.size();) {
    const auto starts = synonym_starts_.find(words[i]);
    std::size_t len =
        starts == synonym_starts_.end() ? 0 : std::min(starts->second, words.size() - i);
    for (; len > 0; --len) {
      std::vector<std::string> phrase(words.begin() + static_cast<long>(i),
                                      words.begin() + static_cast<long>(i + len));
      auto it = synonyms_.find(phrase);
      if (it == synonyms_.end()) continue;
      out.insert(out.end(), it->second.begin(), it->second.end());
      break;
    }
    if (len == 0) out.push_back(words[i]);
    i += std::max<std::size_t>(len, 1);
  }
  return out;
}

void NameParser::ParseOrg(std::vector<std::string> words, ParsedName& out) const {
  words = ApplySynonyms(std::move(words));
  RewriteWords(words, EntityType::kOrg);
  bool has_type = false;
  for (const std::string& w : words) {
    auto it = org_words_.find(w);
    has_type = has_type || (it != org_words_.end() && it->second.kind == WordKind::kType);
  }
  std::vector<std::string> owners;
  for (std::string& w : words) {
    auto word = org_words_.find(w);
    if (word != org_words_.end() && word->second.kind != WordKind::kType) continue;
    auto owner = owners_.find(w);
    if (owner != owners_.end() && (!owner->second.modifier_only || has_type)) {
      owners.push_back(owner->second.owner);
      continue;
    }
    NamePart part = MakePart(std::move(w));
    if (word != org_words_.end()) part.rule_weight = part.weight = word->second.weight;
    out.parts.push_back(std::move(part));
  }
  std::sort(owners.begin(), owners.end());
  owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
  out.owner = Join(owners);
  // An organisation named only by its owner ("Afghanistan") keeps it as a part.
  if (out.parts.empty() && !owners.empty()) {
    for (const std::string& o : owners) out.parts.push_back(MakePart(o));
  }
  out.matchable = !out.parts.empty() && static_cast<int>(out.parts.size()) <= config_.max_org_parts;
}

std::string NameParser::WithoutTitles(std::string_view name) const {
  std::size_t start = 0;
  for (std::size_t next = name.find(' '); next != std::string_view::npos;
       next = name.find(' ', start)) {
    const std::vector<std::string> words =
        SplitWords(normalizer_.Normalize(name.substr(start, next - start)));
    const bool titles =
        !words.empty() && std::all_of(words.begin(), words.end(),
                                      [this](const std::string& w) { return IsTitle(w); });
    if (!titles) break;
    start = next + 1;
  }
  return std::string(name.substr(start));
}

// Why a memo: Parse is a pure function of (name, type) and the rules, and
// costs some thirty regex rewrites per word (rewrites.txt, letters.txt);
// the corpus stage parses each distinct name once per mention, per pair of
// spellings compared and per context — the same few thousand strings tens
// of times each. Each thread keeps the results of its recent calls (cleared
// when full, so memory stays bounded), without locks.
void NameParser::ForgetThreadMemos() {
  Release(parse_memo.parsed);
  Release(parse_memo.key);
  Release(spell_memo.spelled);
  Release(part_memo.parts);
}

std::shared_ptr<const ParsedName> NameParser::ParseShared(std::string_view name,
                                                          EntityType type) const {
  constexpr std::size_t kMemoEntries = 1 << 14;
  ParseMemo& memo = parse_memo;
  if (memo.serial != serial_ || memo.parsed.size() >= kMemoEntries) {
    memo.parsed.Clear();
    memo.serial = serial_;
  }
  auto key = [&]() -> const std::string& {
    memo.key.assign(1, static_cast<char>('0' + static_cast<int>(type)));
    return memo.key.append(name);
  };
  const std::uint64_t hash = HashBytes(key());
  if (const auto* held = memo.parsed.Find(memo.key, hash)) return *held;
  if (!shared_) {
    auto parsed = std::make_shared<const ParsedName>(ParseUncached(name, type));
    return memo.parsed.Insert(key(), hash,
                              std::move(parsed));  // the key again: no call may have kept it
  }
  SharedMemo::Shard& shard = shared_->Of(hash);
  std::shared_ptr<const ParsedName> parsed;
  {
    const std::lock_guard<std::mutex> lock(shard.mutex);
    if (const auto* held = shard.parsed.Find(memo.key, hash)) parsed = *held;
  }
  if (!parsed) {
    parsed = std::make_shared<const ParsedName>(ParseUncached(name, type));
    key();  // the key again: no call may have kept it
    const std::lock_guard<std::mutex> lock(shard.mutex);
    if (shard.parsed.size() >= kSharedEntries / SharedMemo::kShards) shard.parsed.Clear();
    // (another thread may have put the same parse meanwhile: equal, kept)
    if (!shard.parsed.Find(memo.key, hash)) shard.parsed.Insert(memo.key, hash, parsed);
  }
  return memo.parsed.Insert(memo.key, hash, std::move(parsed));
}

void NameParser::ForgetSharedMemo() const {
  if (!shared_) return;
  for (SharedMemo::Shard& shard : shared_->shards) {
    FlatMap<std::shared_ptr<const ParsedName>> gone;
    {
      const std::lock_guard<std::mutex> lock(shard.mutex);
      std::swap(gone, shard.parsed);
    }
  }  // (each shard's parses freed outside its lock)
}

ParsedName NameParser::ParseUncached(std::string_view name, EntityType type) const {
  ParsedName out;
  out.original = std::string(name);
  std::string_view first = name.substr(0, name.find(';'));
  if (first.size() > config_.max_name_bytes) first = first.substr(0, 0);
  out.normalized = normalizer_.Normalize(first);
  std::vector<std::string> words = SplitWords(out.normalized);
  out.type = type == EntityType::kUnknown ? GuessType(words) : type;
  if (out.type == EntityType::kOrg) {
    ParseOrg(std::move(words), out);
  } else {
    ParsePerson(std::move(words), out);
  }
  return out;
}

}  // namespace whosaid::entities
