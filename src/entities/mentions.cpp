#include "entities/mentions.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include "core/classes.h"
#include "core/text.h"
#include "core/view_hash.h"

namespace whosaid::entities {

using segment::Token;
using segment::TokenKind;

namespace {
// MentionFinder::facts_'s bits: what a lower-case word is.
enum Fact : std::uint32_t {
  kFunction = 1u << 0,  // WordLists::IsFunctionWord
  kRole = 1u << 1,      // WordLists::IsRole
  kTitle = 1u << 2,     // WordLists::IsTitle
  kHonorific = 1u << 3,
  kOrgHead = 1u << 4,  // WordLists::IsOrgHead of a capitalised word
  kConnector = 1u << 5,
  kOperationWord = 1u << 6,
  kOwnedHead = 1u << 7,
  kNameConnector = 1u << 8,
  kDateWord = 1u << 9,
  kPlaceConnector = 1u << 10,
  kPortfolio = 1u << 11,
  kAffiliationLink = 1u << 12,
  kRoleQualifier = 1u << 13,
  kOpener = 1u << 14,
  kDescriptor = 1u << 15,
  // the lower case of a place or demonym of places.txt: the word may be one
  // (rules::Places reads the word as written: asked only of these)
  kMayBePlace = 1u << 16,
  kAsked = 1u << 31,  // (Run_::facts: the token's word was looked up)
};
}  // namespace

MentionFinder::MentionFinder(const MentionConfig& config, const rules::RuleSet& rules)
    : word_lists_(rules.Shared<segment::WordLists>()),
      places_(rules.Shared<rules::Places>()),
      config_(config) {
  const auto english = rules::Classes::Read(rules.File("english.txt"));  // core/classes.h
  and_ = english.Word("conjunction");
  the_ = english.Word("article");
  const std::map<std::string, FlatSet*> sets = {{"connector", &connectors_},
                                                {"operation", &operations_},
                                                {"owned_head", &owned_heads_},
                                                {"particle", &particles_},
                                                {"name_connector", &name_connectors_},
                                                {"date_word", &date_words_},
                                                {"place_connector", &place_connectors_},
                                                {"portfolio", &portfolios_},
                                                {"affiliation_link", &affiliation_links_},
                                                {"role_qualifier", &role_qualifiers_}};
  const std::map<std::string, std::vector<std::vector<std::string>>*> phrases = {
      {"operation_link", &operation_links_},
      {"alias", &alias_links_},
      {"own_name", &own_names_},
      {"naming_link", &naming_links_}};
  const auto names = rules::Classes::Read(rules.File("speaker_names.txt"));
  for (const std::string& w : names.Words("opener")) openers_.Insert(w);
  for (const std::string& w : names.Words("descriptor")) descriptors_.Insert(w);
  const rules::RuleFile& file = rules.File("mentions.txt");
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || f[1].empty()) throw file.Error(line, "an entry reads KEY | WORDS");
    if (auto set = sets.find(f[0]); set != sets.end()) {
      set->second->Insert(f[1]);
    } else if (auto list = phrases.find(f[0]); list != phrases.end()) {
      list->second->push_back(text::SplitWords(f[1]));
      if (list->second->back().empty()) throw file.Error(line, "an entry reads KEY | WORDS");
    } else {
      std::string keys;
      for (const auto& [k, v] : sets) keys += (keys.empty() ? "" : ", ") + k;
      for (const auto& [k, v] : phrases) keys += ", " + k;
      throw file.Error(line, "unknown key '" + f[0] + "' (" + keys + ")");
    }
  }
  particles_.ForEach(
      [&](const std::string& p) { longest_particle_ = std::max(longest_particle_, p.size()); });
  for (const auto& words : own_names_) own_name_starts_.Add(words[0]);
  for (const auto& words : naming_links_) naming_starts_.Add(words[0]);
  operations_.ForEach([&](const std::string& w) { operation_words_.Add(w); });
  for (const auto* phrases : {&own_names_, &naming_links_}) {
    for (const auto& words : *phrases) rare_words_.Add(words[0]);
  }
  operations_.ForEach([&](const std::string& w) { rare_words_.Add(w); });
  // facts_: every word some answer is true of (see the header)
  std::vector<std::string> keys;
  for (const auto& row : word_lists_.rows()) keys.push_back(row.word);
  word_lists_.ForEachListWord([&](std::string_view w) {
    keys.emplace_back(w);
    keys.push_back(std::string(w) + ".");
  });
  for (const FlatSet* set : {&connectors_, &operations_, &owned_heads_, &name_connectors_,
                             &date_words_, &place_connectors_, &portfolios_, &affiliation_links_,
                             &role_qualifiers_, &openers_, &descriptors_}) {
    set->ForEach([&](const std::string& w) { keys.push_back(w); });
  }
  for (const std::string& k : keys) {
    if (const std::uint32_t facts = FactsOf(k)) facts_.Insert(k, facts);
  }
  // (FactsOf does not know them: a place's lower case, as a token's is made)
  auto may_be_place = [&](const std::string& name) {
    const std::string key = segment::Lower(name);
    facts_.Insert(key, FactsOf(key)) |= kMayBePlace;
  };
  for (const rules::Country& c : places_.countries()) {
    may_be_place(c.name);
    may_be_place(c.capital);
    for (const std::string& d : c.demonyms) may_be_place(d);
  }
}

// The answers facts_ holds for a word, asked of the lists themselves.
std::uint32_t MentionFinder::FactsOf(std::string_view w) const {
  std::uint32_t b = 0;
  auto add = [&](bool yes, Fact fact) { b |= yes ? fact : 0u; };
  add(word_lists_.IsFunctionWord(w), kFunction);
  add(word_lists_.IsRole(w), kRole);
  add(word_lists_.IsTitle(w), kTitle);
  add(word_lists_.IsHonorific(w), kHonorific);
  add(word_lists_.IsOrgHead(w, true), kOrgHead);
  add(connectors_.Contains(w), kConnector);
  add(operations_.Contains(w), kOperationWord);
  add(owned_heads_.Contains(w), kOwnedHead);
  add(name_connectors_.Contains(w), kNameConnector);
  add(date_words_.Contains(w), kDateWord);
  add(place_connectors_.Contains(w), kPlaceConnector);
  add(portfolios_.Contains(w), kPortfolio);
  add(affiliation_links_.Contains(w), kAffiliationLink);
  add(role_qualifiers_.Contains(w), kRoleQualifier);
  add(openers_.Contains(w), kOpener);
  add(descriptors_.Contains(w), kDescriptor);
  return b;
}

// One Run(): the tokens, their lower-case words, and the mentions so far.
struct MentionFinder::Run_ {
  const MentionFinder& f;
  std::string_view text;
  const std::vector<Token>& tok;
  // Tokens::sentences: sentence s holds the tokens whose Token::sentence is
  // s, [first, end) (the tokenizer numbers them so, each sentence one run
  // of tokens, none empty).
  const std::vector<segment::Sentence>& sentences;
  // Token i's lower-case word (Tokens::Lowered, read in place: the views
  // are made as asked, none stored); for a token that is no word, its
  // lower case too — every reader asks of words only.
  struct LowerWords {
    const char* bytes;
    const std::size_t* at;  // Tokens::lowered_at
    std::string_view operator[](std::size_t i) const {
      return std::string_view(bytes + at[i], at[i + 1] - at[i]);
    }
  } lower;
  // What is known of each token, in one vector (one allocation, one fill):
  // its word's Fact bits (0 until asked: kAsked once looked up), what
  // IsPlace found (kUnknown until asked) — the finder asks of the same
  // words again and again, each a hash look-up —, whether it is a name
  // word (IsCap or IsParticleName, filled before any mention is read) and
  // whether it is in a mention already.
  enum Known : char { kUnknown, kNo, kYes };
  struct TokenState {
    std::uint32_t facts = 0;
    Known place = kUnknown;
    bool name_word = false;
    bool used = false;
  };
  mutable std::vector<TokenState> at;
  std::vector<NameMention> out;
  std::vector<std::pair<std::size_t, std::size_t>> range;  // per mention: first, last token
  // The word tokens that may start an own-name phrase or a naming link
  // (WordFilter::MayHold), in order, found in the one pass over the words: the
  // only tokens OwnNames and NamedRoles read. And those that may be an
  // operation word (operation_words_): Operation finds none for a run with
  // none of them at its start or in the words before it.
  std::vector<std::size_t> own_name_at, naming_at, operation_at;
  // The name words (TokenState::name_word), in order: the passes that read
  // only name words (Runs, Words) step through them, not every token.
  std::vector<std::size_t> name_words;
  // Per sentence (Token::sentence): its first place and whether it is in
  // title case, each computed when a mention first asks of that sentence
  // (most sentences are never asked).
  std::vector<std::size_t> first_place;  // npos: not computed yet
  std::vector<Known> title_case;         // kUnknown: not computed yet

  Run_(const MentionFinder& finder, std::string_view t, const segment::Tokens& tokens)
      : f(finder),
        text(t),
        tok(tokens.tokens),
        sentences(tokens.sentences),
        lower{tokens.lowered.data(), tokens.lowered_at.data()},
        at(tokens.tokens.size()) {
    // (the tokens and the filter read through locals, which the byte-sized
    // stores below cannot alias: not read again after each store)
    const std::size_t n = tok.size();
    const Token* const toks = tok.data();
    TokenState* const state = at.data();
    const WordFilter& rare = f.rare_words_;
    for (std::size_t i = 0; i < n; ++i) {
      const Token& t = toks[i];
      if (t.kind != TokenKind::kWord) continue;
      const bool name_word = t.cap || t.all_caps || (t.hyphen && IsParticleName(i));
      state[i].name_word = name_word;
      if (name_word) name_words.push_back(i);
      const std::string_view w = lower[i];
      if (!rare.MayHold(w)) continue;  // (most words: one test for the three)
      if (f.own_name_starts_.MayHold(w)) own_name_at.push_back(i);
      if (i > 0 && f.naming_starts_.MayHold(w)) naming_at.push_back(i);
      if (f.operation_words_.MayHold(w)) operation_at.push_back(i);
    }
  }

  // (a token's span lies inside the text: the view is made without substr's check)
  std::string_view Word(std::size_t i) const {
    return std::string_view(text.data() + tok[i].span.begin, tok[i].span.size());
  }
  bool IsWord(std::size_t i) const { return i < tok.size() && tok[i].kind == TokenKind::kWord; }
  bool IsCap(std::size_t i) const { return IsWord(i) && (tok[i].cap || tok[i].all_caps); }
  bool IsPunct(std::size_t i, char c) const {
    return i < tok.size() && tok[i].kind == TokenKind::kPunct && tok[i].span.size() == 1 &&
           text[tok[i].span.begin] == c;
  }
  bool Same(std::size_t a, std::size_t b) const { return tok[a].sentence == tok[b].sentence; }
  bool IsPlace(std::size_t i) const {
    if (!IsWord(i)) return false;
    if (at[i].place == kUnknown) {
      const bool place =
          Is(i, kMayBePlace) && (f.places_.IsPlace(Word(i)) || f.places_.IsDemonym(Word(i)));
      at[i].place = place ? kYes : kNo;
    }
    return at[i].place == kYes;
  }
  // The Fact bits of word token i (0 for any other token), looked up once.
  // A number compound is no key of facts_: a word without a hyphen is none
  // (Token::hyphen: the lower case has a '-' only where the word has one).
  // (Inline, the look-up not: the finder asks about a token several times,
  // and looks it up once.)
  [[gnu::always_inline]] std::uint32_t Facts(std::size_t i) const {
    if (!IsWord(i)) return 0;
    if (at[i].facts == 0) at[i].facts = LookUpFacts(i);
    return at[i].facts;
  }
  [[gnu::noinline]] std::uint32_t LookUpFacts(std::size_t i) const {
    const std::uint32_t* held = f.facts_.Find(lower[i]);
    std::uint32_t b = kAsked | (held ? *held : 0u);
    if (!(b & kFunction) && tok[i].hyphen && f.word_lists_.IsNumberCompound(lower[i]))
      b |= kFunction;
    return b;
  }
  [[gnu::always_inline]] bool Is(std::size_t i, Fact fact) const { return (Facts(i) & fact) != 0; }
  bool IsFunction(std::size_t i) const { return Is(i, kFunction); }
  // A role noun, or a title that is no honorific.
  bool IsRoleWord(std::size_t i) const {
    const std::uint32_t b = Facts(i);
    return (b & kRole) || ((b & kTitle) && !(b & kHonorific));
  }
  bool IsOrgHead(std::size_t i) const { return Is(i, kOrgHead); }

  // A lower-case word made of a name particle, a hyphen and a capitalised
  // name (al-Dabbagh, el-Masri, ad-Din): a name word like a capitalised one.
  bool IsParticleName(std::size_t i) const {
    // (Token::hyphen: most words have none, and are not read)
    if (!IsWord(i) || tok[i].cap || tok[i].all_caps || !tok[i].hyphen) return false;
    const std::string_view w = Word(i);
    // (a hyphen after more bytes than the longest particle has follows no
    // particle: only the first bytes are looked at)
    const std::size_t n = std::min(w.size(), f.longest_particle_ + 1);
    std::size_t dash = 0;
    while (dash < n && w[dash] != '-') ++dash;
    if (dash == n || dash == 0 || dash + 1 >= w.size()) return false;
    const char c = w[dash + 1];
    return c >= 'A' && c <= 'Z' && f.particles_.Contains(lower[i].substr(0, dash));
  }
  // IsCap or IsParticleName (name_word, filled before any mention is read).
  bool IsNameWord(std::size_t i) const { return i < at.size() && at[i].name_word; }
  bool IsDateWord(std::size_t i) const { return Is(i, kDateWord); }
  bool IsNameConnector(std::size_t i) const { return Is(i, kNameConnector) && !tok[i].cap; }
  // An apostrophe alone after a word (Nouri’ al-Hadithi), not a possessive 's.
  bool IsLoneApostrophe(std::size_t i) const {
    if (i >= tok.size() || tok[i].kind != TokenKind::kPossessive) return false;
    const std::string_view w = Word(i);
    return w == "'" || w == "\xE2\x80\x99";
  }
  // Inside a person's name between two name words: bin, ibn, a lone apostrophe.
  bool IsNameJoint(std::size_t i) const { return IsNameConnector(i) || IsLoneApostrophe(i); }
  // The tokens of a place (places.txt) of one or two words starting at
  // token k: 0 when there is none.
  std::size_t PlaceTokens(std::size_t k) const {
    if (!IsWord(k)) return 0;
    if (IsWord(k + 1) && Same(k, k + 1)) {
      const std::size_t b = tok[k].span.begin;
      if (f.places_.IsPlace(text.substr(b, tok[k + 1].span.end - b))) return 2;
    }
    return f.places_.IsPlace(Word(k)) ? 1 : 0;
  }

  // The run of name words starting at token i: [i, last]. A weekday or a
  // month never joins it (Radio Dalsan Saturday).
  std::size_t RunEnd(std::size_t i) const {
    std::size_t last = i;
    for (std::size_t j = i + 1; j < tok.size() && Same(i, j);) {
      if (IsDateWord(j)) break;
      if (IsNameWord(j)) {
        last = j++;
        continue;
      }
      // connectors and possessives join only when a name word follows
      std::size_t k = j;
      while (k < tok.size() && k < j + 2 && Same(i, k) &&
             (tok[k].kind == TokenKind::kPossessive || IsNameConnector(k) ||
              (Is(k, kConnector) && !tok[k].cap))) {
        ++k;
      }
      if (k == j || !IsNameWord(k) || !Same(i, k) || IsDateWord(k)) break;
      if (k == j + 2 && lower[j] == f.and_ && lower[j + 1] == f.the_) break;  // a new phrase
      j = k;
    }
    return last;
  }

  // Leading function words and clause openers ("The", "In", "When") are
  // not part of a name.
  std::size_t SkipLeading(std::size_t first, std::size_t last) const {
    while (first < last && (IsFunction(first) || !IsNameWord(first) || IsOpener(first))) ++first;
    return first;
  }
  bool IsOpener(std::size_t i) const { return Is(i, kOpener); }
  // "Billionaire", "Sen.": a descriptor or a title written before a name.
  bool IsPreName(std::size_t i) const {
    return Is(i, kDescriptor) || (Is(i, kTitle) && IsPunct(i + 1, '.'));
  }

  void Emit(std::size_t first, std::size_t last, MentionKind kind, std::string role = {},
            std::string owner = {}) {
    NameMention& m = out.emplace_back();  // (made in place: no move, no destructor)
    Fill(m, first, last, kind);
    m.role = std::move(role);
    m.owner = std::move(owner);
    for (std::size_t i = first; i <= last; ++i) at[i].used = true;
    range.emplace_back(first, last);
  }
  // A new mention's span, text and kind: tokens [first, last].
  void Fill(NameMention& m, std::size_t first, std::size_t last, MentionKind kind) const {
    m.span = {tok[first].span.begin, tok[last].span.end};
    m.text.assign(text.data() + m.span.begin, m.span.size());
    m.kind = kind;
  }

  // A person named right after a title keeps the title in its form
  // (Sheikh Hamad bin Faisal, General Yusuf Kamal): how the text writes the
  // name; the corpus stage also knows it without (resolve/).
  void EmitTitled(std::size_t first, std::size_t last, std::string role) {
    if (first > 0 && IsCap(first - 1) && Same(first, first - 1) && Is(first - 1, kTitle) &&
        !Is(first - 1, kRole)) {
      --first;
    }
    Emit(first, last, MentionKind::kPerson, std::move(role));
  }

  // An acronym right after token `last`: "(ACRONYM)" or "[ACRONYM]", or
  // ", ACRONYM," (an apposition: then its expansion must spell it exactly).
  struct AcronymAt {
    std::size_t token;
    bool apposition;
  };
  std::optional<AcronymAt> Acronym(std::size_t last) const {
    std::size_t a = last + 1;
    const bool bracket =
        (IsPunct(a, '(') && IsPunct(a + 2, ')')) || (IsPunct(a, '[') && IsPunct(a + 2, ']'));
    const bool apposition = IsPunct(a, ',') && (IsPunct(a + 2, ',') || IsPunct(a + 2, '.'));
    if ((!bracket && !apposition) || !IsWord(a + 1)) return std::nullopt;
    std::string_view w = Word(a + 1);
    if (w.size() < f.config_.min_acronym_letters || w.size() > f.config_.max_acronym_letters)
      return std::nullopt;
    int upper = 0;
    for (char c : w) {
      if (c >= 'A' && c <= 'Z')
        ++upper;
      else if (!(c >= 'a' && c <= 'z') || apposition)
        return std::nullopt;
    }
    if (upper < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return std::nullopt;
    return AcronymAt{a + 1, apposition};
  }

  // The longest tail of [first, last] whose capitalised words all start
  // with a letter of the acronym; its first token (or nullopt).
  std::optional<std::size_t> Expansion(std::size_t first, std::size_t last, std::size_t acr) const {
    const std::string_view letters = lower[acr];
    std::size_t start = last + 1;
    for (std::size_t i = last + 1; i-- > first;) {
      if (IsCap(i)) {
        if (letters.find(lower[i][0]) == std::string_view::npos) break;
        start = i;
      } else if (!(tok[i].kind == TokenKind::kPossessive || IsWord(i))) {
        break;
      }
    }
    if (start > last) return std::nullopt;
    start = SkipLeading(start, last);
    bool hyphen = Word(start).find('-') != std::string_view::npos;
    if (start == last && !hyphen) return std::nullopt;
    // a shorter tail whose initials spell the acronym exactly wins
    // ("Chairman of the Transitional Military Council (TMC)")
    for (std::size_t i = start; i <= last; ++i) {
      if (IsNameWord(i) && Initials(i, last) == letters) return i;
    }
    return start;
  }

  // The initials of the name words of [first, last], each hyphenated
  // part's too (Tehreek-e-Insaf: t, i), a particle compound by its name
  // (al-Sham: s); lower case.
  std::string Initials(std::size_t first, std::size_t last) const {
    std::string out;
    for (std::size_t i = first; i <= last; ++i) {
      if (!IsNameWord(i)) continue;
      const std::string_view w = Word(i);
      for (std::size_t p = 0; p < w.size();) {
        std::size_t dash = w.find('-', p);
        if (dash == std::string_view::npos) dash = w.size();
        const char c = w[p];
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        p = dash + 1;
      }
    }
    return out;
  }

  // Lower-case role words inside [first, last] up to the last role word,
  // without places and function words ("Interim Somali Foreign Minister"
  // → "interim foreign minister"); `end` receives the token after it.
  std::string RolePrefix(std::size_t first, std::size_t last, std::size_t* end) const {
    std::optional<std::size_t> last_role;
    for (std::size_t i = first; i <= last; ++i) {
      if (IsRoleWord(i)) last_role = i;
    }
    if (!last_role) return {};
    std::string role;
    for (std::size_t i = first; i <= *last_role; ++i) {
      if (!IsWord(i) || IsPlace(i) || IsFunction(i)) continue;
      if (!role.empty()) role += ' ';
      role += lower[i];
    }
    *end = *last_role + 1;
    return role;
  }

  bool IsPortfolio(std::size_t i) const { return Is(i, kPortfolio); }

  // 2–max_plain_name_words name words — up to max_name_words with a particle or a name
  // connector among them (Hamad bin Faisal bin Jassim Al Marri) — none a
  // role, title, organisation head, place, function, date or portfolio
  // word; bin, ibn or a lone apostrophe may stand between two of them.
  bool PersonLike(std::size_t first, std::size_t last) const {
    if (last < first || last - first + 1 > 2 * f.config_.max_name_words) return false;
    std::size_t words = 0;
    bool particles = false;
    for (std::size_t i = first; i <= last; ++i) {
      if (i > first && i < last && IsNameJoint(i)) {
        particles = true;
        continue;
      }
      if (!IsNameWord(i) || tok[i].all_caps) return false;
      // (a name word is a word: its Fact bits read once for the list
      // questions — organisation head, function, role or title that is no
      // honorific, date, portfolio —, then IsPlace, its own memo; both only
      // fill memos, so the order changes no answer)
      const std::uint32_t b = Facts(i);
      if ((b & (kOrgHead | kFunction | kRole | kDateWord | kPortfolio)) != 0 ||
          ((b & kTitle) && !(b & kHonorific)) || IsPlace(i)) {
        return false;
      }
      particles = particles || IsParticleName(i);
      ++words;
    }
    return words >= 2 &&
           words <= (particles ? f.config_.max_name_words : f.config_.max_plain_name_words);
  }

  // A role word among the `n` words before token `at` (exclusive) or after
  // it, in its sentence, not past a comma; the role word itself or "". After
  // a name, a role word followed by a name is that name's ("X, regional
  // leader Y said": not X's).
  std::string RoleNear(std::size_t at, int direction, std::size_t n) const {
    for (std::size_t k = 1; k <= n; ++k) {
      if (direction < 0 && k > at) break;
      std::size_t i = direction < 0 ? at - k : at + k;
      if (i >= tok.size() || !Same(at, i) || IsPunct(i, ',') || IsPunct(i, '(')) break;
      if (!IsRoleWord(i)) continue;
      if (direction > 0 && IsNameWord(i + 1) && Same(i, i + 1) && !IsRoleWord(i + 1)) return {};
      return std::string(lower[i]);
    }
    return {};
  }

  void Person(std::size_t first, std::size_t last) {
    while (first < last && (IsOpener(first) || IsFunction(first) || IsPreName(first))) ++first;
    std::size_t name = first;
    std::string role = RolePrefix(first, last, &name);
    if (!role.empty() && name <= last && PersonLike(name, last)) {
      EmitTitled(name, last, role);
      return;
    }
    if (!PersonLike(first, last)) return;
    if (first > 0 && IsRoleWord(first - 1) && Same(first, first - 1)) {
      EmitTitled(first, last, std::string(lower[first - 1]));
      return;
    }
    // "the" never comes before a person's name (the Blue Zone, an AFP
    // journalist reported)
    if (first > 0 && IsWord(first - 1) && lower[first - 1] == f.the_) return;
    std::string near;
    if (first > 0 && IsPunct(first - 1, ','))
      near = RoleNear(first - 1, -1, f.config_.role_words_before);
    if (near.empty() && IsPunct(last + 1, ','))
      near = RoleNear(last + 1, +1, f.config_.role_words_after);
    if (!near.empty()) {
      Emit(first, last, MentionKind::kPerson, near);
      return;
    }
    // no role: a name the corpus stage keeps only when it is a spelling of
    // a person it knows; its words stay short-form candidates. Not in a
    // headline written in title case ("Senator Blasts Trade Deal").
    if (TitleCase(tok[first].sentence)) return;
    Emit(first, last, MentionKind::kName);
    for (std::size_t k = first; k <= last; ++k) at[k].used = false;
  }

  // The tokens of a sentence [first, end) (empty for a sentence past the
  // last token): the tokenizer's own table, no pass over the tokens.
  std::pair<std::size_t, std::size_t> SentenceTokens(std::size_t sentence) const {
    if (sentence >= sentences.size()) return {tok.size(), tok.size()};
    return {sentences[sentence].first, sentences[sentence].end};
  }

  // Whether a sentence is written in title case (config headline) counting
  // the words that are not function words.
  bool TitleCase(std::size_t sentence) {
    const auto [first, end] = SentenceTokens(sentence);
    if (first >= end) return false;
    if (title_case.empty()) title_case.assign(sentences.size(), kUnknown);
    if (title_case[sentence] == kUnknown && NoTitleCase(first, end)) title_case[sentence] = kNo;
    if (title_case[sentence] == kUnknown) {
      std::size_t words = 0, caps = 0;
      for (std::size_t k = first; k < end; ++k) {
        if (!IsWord(k) || IsFunction(k)) continue;
        ++words;
        caps += IsNameWord(k) ? 1 : 0;
      }
      title_case[sentence] = segment::IsTitleCase(words, caps, f.config_.headline) ? kYes : kNo;
    }
    return title_case[sentence] == kYes;
  }

  // TitleCase's answer is no, known from the name words and the first few
  // lower-case words that are no function words (segment::NeverTitleCase):
  // most sentences have more such words than a headline may, and their
  // other words are not looked up.
  bool NoTitleCase(std::size_t first, std::size_t end) const {
    std::size_t names = 0, lower_words = 0;
    for (std::size_t k = first; k < end; ++k) names += IsWord(k) && at[k].name_word ? 1 : 0;
    for (std::size_t k = first; k < end; ++k) {
      if (!IsWord(k) || at[k].name_word || IsFunction(k)) continue;
      if (segment::NeverTitleCase(names, ++lower_words, f.config_.headline)) return true;
    }
    return false;
  }

  // The first place in token i's sentence before i, else in the sentence before.
  std::string OwnerBefore(std::size_t i) {
    const std::size_t sentence = tok[i].sentence;
    std::size_t here = FirstPlace(sentence);
    if (here < i) return std::string(Word(here));
    if (sentence == 0) return {};
    std::size_t before = FirstPlace(sentence - 1);
    return before < tok.size() ? std::string(Word(before)) : std::string();
  }

  // The first place token of a sentence (tok.size() when none), each
  // sentence scanned once however many organisations it names.
  std::size_t FirstPlace(std::size_t sentence) {
    const auto [first, end] = SentenceTokens(sentence);
    if (first >= end) return tok.size();
    if (first_place.empty()) first_place.assign(sentences.size(), std::string::npos);
    if (first_place[sentence] == std::string::npos) {
      std::size_t k = first;
      while (k < end && !IsPlace(k)) ++k;
      first_place[sentence] = k < end ? k : tok.size();
    }
    return first_place[sentence];
  }

  // The place an organisation's name leaves implicit ("" when it names one).
  std::string ImplicitOwner(std::size_t first, std::size_t last) {
    bool owned = false;
    for (std::size_t i = first; i <= last; ++i) {
      if (IsPlace(i) || (i == first && tok[i].all_caps)) return {};
      owned = owned || Is(i, kOwnedHead);
    }
    return owned ? OwnerBefore(first) : std::string();
  }

  // An organisation's run without a place connector and the place after it
  // unless that place is a country (the Ministry of Water Affairs in a
  // city; but the UN Mission in Somalia).
  std::size_t WithoutLocation(std::size_t first, std::size_t last) const {
    for (std::size_t p = first + 1; p < last; ++p) {
      if (!IsWord(p) || tok[p].cap || !Is(p, kPlaceConnector)) continue;
      if (PlaceTokens(p + 1) != last - p) return p - 1;
    }
    return last;
  }

  void Organization(std::size_t first, std::size_t last) {
    last = WithoutLocation(first, last);
    first = SkipLeading(first, last);
    if (first == last && !tok[first].all_caps) return;  // a bare head: "Ministry"
    Emit(first, last, MentionKind::kOrganization, {}, ImplicitOwner(first, last));
  }

  bool LinkEndsAt(std::size_t i) const {
    for (const auto& words : f.operation_links_) {
      if (words.size() > i + 1) continue;
      bool ok = true;
      for (std::size_t k = 0; k < words.size() && ok; ++k) {
        std::size_t t = i + 1 - words.size() + k;
        ok = IsWord(t) && lower[t] == words[k];
      }
      if (ok) return true;
    }
    return false;
  }

  bool OperationWordBefore(std::size_t i, std::size_t n) const {
    for (std::size_t k = 1; k <= n && k <= i; ++k) {
      if (!Same(i, i - k)) break;
      if (Is(i - k, kOperationWord)) return true;
    }
    return false;
  }

  // Whether a word of tokens [lo, end) may be an operation word: false
  // proves Is(k, kOperationWord) false for each (kOperationWord is set for
  // the words of operations_ only, and operation_at holds every word token
  // operation_words_ admits).
  bool MayHoldOperationWord(std::size_t lo, std::size_t end) const {
    const auto it = std::lower_bound(operation_at.begin(), operation_at.end(), lo);
    return it != operation_at.end() && *it < end;
  }

  bool Operation(std::size_t first, std::size_t last) {
    // (each way to true below needs an operation word at `first` or among
    // the operation_word_before words before it — OperationWordBefore —:
    // most runs have none, and nothing is looked up; what is skipped only
    // fills the per-token memos)
    const std::size_t n = std::min(first, f.config_.operation_word_before);
    if (!MayHoldOperationWord(first - n, first + 1)) return false;
    if (Is(first, kOperationWord) && tok[first].cap && first < last) {
      Emit(first + 1, last, MentionKind::kOperation);
      return true;
    }
    if (first == 0 || IsPlace(first) || IsFunction(first)) return false;
    // (most runs follow neither a link nor a comma: the hyphens are looked
    // for only after a comma)
    const bool linked =
        IsWord(first - 1) && (LinkEndsAt(first - 1) || Is(first - 1, kOperationWord));
    bool comma = IsPunct(first - 1, ',') && IsPunct(last + 1, '(');
    for (std::size_t i = first; !linked && !comma && i <= last && IsPunct(first - 1, ','); ++i)
      comma = Word(i).find('-') != std::string_view::npos;
    if (!(linked || comma) || !OperationWordBefore(first, f.config_.operation_word_before))
      return false;
    Emit(first, last, MentionKind::kOperation);
    return true;
  }

  void Runs() {
    // (a token that is no name word starts no run: the loop goes from name
    // word to name word, `next` the first at or after i)
    std::size_t next = 0;
    for (std::size_t i = 0; i < tok.size();) {
      while (next < name_words.size() && name_words[next] < i) ++next;
      if (next == name_words.size()) break;
      i = name_words[next];
      if (IsDateWord(i)) {
        ++i;
        continue;
      }
      std::size_t last = RunEnd(i);
      if (auto acr = Acronym(last)) {
        auto start = Expansion(i, last, acr->token);
        if (start && acr->apposition && Initials(*start, last) != lower[acr->token]) start.reset();
        if (start) {
          if (*start > i) Run(i, *start - 1);
          Emit(*start, last, MentionKind::kOrganization, {}, ImplicitOwner(*start, last));
          Emit(acr->token, acr->token, MentionKind::kAcronym);
          out[out.size() - 2].same_as = static_cast<std::ptrdiff_t>(out.size() - 1);
          out.back().same_as = static_cast<std::ptrdiff_t>(out.size() - 2);
          i = acr->token + 2;
          continue;
        }
      }
      Run(i, last);
      i = last + 1;
    }
  }

  void Run(std::size_t first, std::size_t last) {
    const std::size_t before = out.size();
    Classify(first, last);
    for (std::size_t m = before; m < out.size(); ++m) {
      if (out[m].kind != MentionKind::kName) return;
    }
    first = SkipLeading(first, last);
    std::size_t caps = 0;
    for (std::size_t k = first; k <= last; ++k) caps += IsNameWord(k) ? 1 : 0;
    if (caps >= 2 && last - first < f.config_.max_phrase_words) {
      Emit(first, last, MentionKind::kPhrase);
      for (std::size_t k = first; k <= last; ++k) at[k].used = false;  // its words stay candidates
    }
  }

  // A role phrase and a name ending the run: "US Secretary of State Antony
  // Blinken", "Head of the Republic Council Yusuf Kamali" — the longest
  // tail that is a name and follows a role, organisation head, place or
  // portfolio word, with a role word before it. An organisation before the
  // first role word is a mention too ("Interior Ministry spokesperson X").
  // Two titled names joined by "and" are two people ("Emirati President X
  // and Russian President Y"): the role phrase starts after the last "and".
  bool TitledPerson(std::size_t first, std::size_t last) {
    for (std::size_t n = first + 1; n < last; ++n) {
      // (the word before first, one look-up: most runs have no role,
      // organisation head, place or portfolio word, and PersonLike, which
      // reads every word to the run's end, is asked only after one; both
      // only fill the per-token memos, so the order changes no answer)
      const std::size_t b = n - 1;
      if (!(IsRoleWord(b) || IsOrgHead(b) || IsPlace(b) || IsPortfolio(b))) continue;
      if (!PersonLike(n, last)) continue;
      std::size_t start = first;
      for (std::size_t k = first; k < b; ++k) {
        if (IsWord(k) && lower[k] == f.and_) start = k + 1;
      }
      std::size_t after_role = 0;
      std::string role = RolePrefix(start, b, &after_role);
      if (role.empty()) continue;
      if (start >= first + 2) Classify(first, start - 2);
      std::size_t r = start;
      while (r < b && !IsRoleWord(r)) ++r;
      if (auto org_end = OrgBefore(start, r)) Organization(start, *org_end);
      EmitTitled(n, last, role);
      return true;
    }
    return false;
  }

  // The last token of an organisation named in [first, r) before a role
  // word: the words before the role without the qualifiers and places that
  // belong to it (the Radio Dalsan Senior Political Correspondent; not the
  // House in "House Minority Leader"), when an organisation head is left.
  std::optional<std::size_t> OrgBefore(std::size_t first, std::size_t r) const {
    std::size_t end = r;
    while (end > first && (!IsWord(end - 1) || IsPlace(end - 1) || Is(end - 1, kRoleQualifier))) {
      --end;
    }
    if (end <= first + 1) return std::nullopt;  // a bare head ("House") is no name
    for (std::size_t k = first; k < end; ++k) {
      if (IsOrgHead(k)) return end - 1;
    }
    return std::nullopt;
  }

  // A name, then of / from / at and an organisation: both ("Dana Fahmy of
  // the Gulf Policy Centre").
  bool PersonOfOrg(std::size_t first, std::size_t last) {
    for (std::size_t c = first + 2; c < last; ++c) {
      if (!IsWord(c) || tok[c].cap || !Is(c, kAffiliationLink)) continue;
      if (!PersonLike(first, c - 1)) return false;
      bool org = false;
      for (std::size_t k = c + 1; k <= last; ++k) org = org || IsOrgHead(k);
      if (!org) return false;
      Emit(first, c - 1, MentionKind::kPerson);
      // "X of the Post and Y Z": the organisation ends before "and" and a name
      std::size_t end = last;
      for (std::size_t k = c + 2; k + 2 <= last; ++k) {
        if (IsWord(k) && lower[k] == f.and_ && PersonLike(k + 1, last)) {
          end = k - 1;
          Emit(k + 1, last, MentionKind::kPerson);
          break;
        }
      }
      Organization(c + 1, end);
      return true;
    }
    return false;
  }

  void Classify(std::size_t first, std::size_t last) {
    if (Operation(first, last)) return;
    if (TitledPerson(first, last) || PersonOfOrg(first, last)) return;
    for (std::size_t k = first; k <= last; ++k) {
      if (IsOrgHead(k)) {
        Organization(first, last);
        return;
      }
    }
    // people: each stretch of name words, with bin, ibn or a lone
    // apostrophe inside (no other connector inside a name). A stretch of
    // one word is no person (PersonLike wants two name words, and a role
    // word leaves none after it): Person is not asked (most runs are one
    // capitalised word: "The", "He", a short form).
    for (std::size_t k = first; k <= last;) {
      if (!IsNameWord(k)) {
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e + 1 <= last) {
        if (IsNameWord(e + 1)) {
          ++e;
        } else if (e + 2 <= last && IsNameJoint(e + 1) && IsNameWord(e + 2)) {
          e += 2;
        } else {
          break;
        }
      }
      if (e > k) Person(k, e);
      k = e + 1;
    }
  }

  // The mention whose last token is `t`, if any.
  std::optional<std::size_t> EndingAt(std::size_t t) const {
    for (std::size_t m = out.size(); m-- > 0;) {
      if (range[m].second == t) return m;
    }
    return std::nullopt;
  }
  std::optional<std::size_t> StartingAt(std::size_t t) const {
    for (std::size_t m = 0; m < out.size(); ++m) {
      if (range[m].first == t) return m;
    }
    return std::nullopt;
  }

  // The name words from token y (after an opening quote mark): [y, end].
  std::optional<std::pair<std::size_t, std::size_t>> AliasAt(std::size_t y) const {
    if (y < tok.size() && tok[y].kind == TokenKind::kQuote) ++y;
    if (!IsNameWord(y) || IsDateWord(y) || IsPlace(y)) return std::nullopt;
    std::size_t e = y, words = 1;
    while (words < f.config_.max_alias_words && e + 1 < tok.size() && Same(y, e + 1)) {
      if (IsNameWord(e + 1)) {
        ++e;
      } else if (IsNameJoint(e + 1) && IsNameWord(e + 2) && Same(y, e + 2)) {
        e += 2;
      } else {
        break;
      }
      ++words;
    }
    return std::make_pair(y, e);
  }

  void LinkAlias(std::size_t x, std::size_t y_first, std::size_t y_last) {
    std::size_t y;
    if (auto m = StartingAt(y_first)) {
      y = *m;
    } else {
      for (std::size_t k = y_first; k <= y_last; ++k) {
        if (at[k].used) return;
      }
      Emit(y_first, y_last, out[x].kind);
      y = out.size() - 1;
    }
    if (out[y].kind == MentionKind::kName && out[x].kind == MentionKind::kPerson)
      out[y].kind = MentionKind::kPerson;  // the text says whose name it is
    if (y == x || out[y].kind != out[x].kind) return;
    if (out[y].same_as < 0) out[y].same_as = static_cast<std::ptrdiff_t>(x);
    if (out[x].same_as < 0) out[x].same_as = static_cast<std::ptrdiff_t>(y);
  }

  // Other names the text gives a person or organisation: "X, also known as
  // Y", "X (formerly known as Y)" (alias phrases in rules/mentions.txt), and
  // a nickname in quote marks right after a person's name ("X ‘Y’ said").
  void Aliases() {
    const std::size_t mentions = out.size();
    for (std::size_t x = 0; x < mentions; ++x) {
      if (out[x].kind != MentionKind::kPerson && out[x].kind != MentionKind::kOrganization)
        continue;
      std::size_t t = range[x].second + 1;
      if (out[x].kind == MentionKind::kPerson && t + 2 < tok.size() &&
          tok[t].kind == TokenKind::kQuote && IsNameWord(t + 1) &&
          tok[t + 2].kind == TokenKind::kQuote && Same(t, t + 2)) {
        LinkAlias(x, t + 1, t + 1);
        continue;
      }
      // "Yasin Omar (Tiger)": a name word in brackets after a person's name
      // (not a party and state: "(D)", "(R-Texas)")
      if (out[x].kind == MentionKind::kPerson && IsPunct(t, '(') && IsNameWord(t + 1) &&
          !tok[t + 1].all_caps && !IsPlace(t + 1) && IsPunct(t + 2, ')') &&
          Word(t + 1).size() >= f.config_.min_bracket_alias_bytes &&
          Word(t + 1).find('-') == std::string_view::npos && range[x].second > range[x].first) {
        LinkAlias(x, t + 1, t + 1);
        continue;
      }
      if (IsPunct(t, ',') || IsPunct(t, '(')) ++t;
      for (const auto& words : f.alias_links_) {
        bool ok = true;
        for (std::size_t k = 0; k < words.size() && ok; ++k) {
          ok = IsWord(t + k) && lower[t + k] == words[k] && Same(t, t + k);
        }
        if (!ok) continue;
        if (auto y = AliasAt(t + words.size())) LinkAlias(x, y->first, y->second);
        break;
      }
    }
  }

  // "a commander identified as Tiger": the name after a role word and
  // a naming phrase (rules/mentions.txt) is a person with that role.
  void NamedRoles() {
    for (std::size_t next : naming_at) {
      const std::size_t r = next - 1;
      if (!IsWord(r)) continue;
      for (const auto& words : f.naming_links_) {
        bool ok = true;
        for (std::size_t k = 0; k < words.size() && ok; ++k) {
          ok = IsWord(r + 1 + k) && lower[r + 1 + k] == words[k] && Same(r, r + 1 + k);
        }
        if (!ok) continue;
        if (!IsRoleWord(r)) break;  // (asked after the link: most words are followed by none)
        auto name = AliasAt(r + 1 + words.size());
        if (!name) break;
        bool free = true;
        for (std::size_t k = name->first; k <= name->second; ++k) free = free && !at[k].used;
        if (free) Emit(name->first, name->second, MentionKind::kPerson, std::string(lower[r]));
        break;
      }
    }
  }

  // "Using his real name, Yusuf Kamali, he said": the name
  // after an own-name phrase (rules/mentions.txt) is another name of the
  // person the sentence is about — the nearest person before it in the
  // paragraph: a person mention, or a name word opening a sentence (not a
  // possessive: "Kamali’s rival").
  void OwnNames() {
    for (std::size_t t : own_name_at) {
      for (const auto& words : f.own_names_) {
        if (lower[t] != words[0]) continue;
        bool ok = true;
        for (std::size_t k = 0; k < words.size() && ok; ++k) {
          ok = IsWord(t + k) && lower[t + k] == words[k] && Same(t, t + k);
        }
        if (!ok) continue;
        std::size_t y = t + words.size();
        if (IsPunct(y, ',')) ++y;
        auto alias = AliasAt(y);
        auto x = SubjectBefore(t);
        if (alias && x) LinkAlias(*x, alias->first, alias->second);
        break;
      }
    }
  }

  // The person the text before token t (in its paragraph) is about, as a
  // mention (made for a lone name word when needed).
  std::optional<std::size_t> SubjectBefore(std::size_t t) {
    for (std::size_t k = t; k-- > 0 && t - k <= f.config_.max_subject_distance;) {
      if (tok[k].paragraph != tok[t].paragraph) break;
      for (std::size_t m = 0; m < out.size(); ++m) {
        if (range[m].first == k && out[m].kind == MentionKind::kPerson) return m;
      }
      if (Same(k, t)) continue;  // its own sentence names its subject in a mention
      const bool opens = k == 0 || tok[k - 1].sentence != tok[k].sentence;
      if (opens && IsNameWord(k) && !at[k].used && !IsFunction(k) && !IsPlace(k) &&
          !(k + 1 < tok.size() && tok[k + 1].kind == TokenKind::kPossessive)) {
        Emit(k, k, MentionKind::kPerson);
        return out.size() - 1;
      }
    }
    return std::nullopt;
  }

  // Capitalised words in no mention: short-form candidates — unless the
  // document also writes the word in lower case (People … people).
  // A name word in no mention yet is a mention of its own, unless the
  // document also writes it in lower case (a common word). The candidates'
  // forms are gathered first and the common ones struck off, so the lower-case
  // words are only looked up, never stored. Returns the word mentions'
  // tokens, in text order (Ordered makes them mentions: none is in `out`).
  std::vector<std::size_t> Words() const {
    std::vector<std::size_t> candidates;
    for (std::size_t i : name_words) {
      if (at[i].used || IsFunction(i) || tok[i].span.size() < f.config_.min_word_mention_bytes)
        continue;
      candidates.push_back(i);
    }
    if (candidates.empty()) return candidates;
    Forms names;  // the candidates' lower-case forms
    names.Reset(candidates.size());
    std::vector<std::size_t> slot(candidates.size());
    for (std::size_t c = 0; c < candidates.size(); ++c) slot[c] = names.Add(lower[candidates[c]]);
    // a lower-case word that no candidate's WordFilter bit (length, first and
    // last byte) admits strikes none off and is not looked up (most are not)
    WordFilter shapes;
    for (std::size_t i : candidates) shapes.Add(lower[i]);
    for (std::size_t i = 0; i < tok.size(); ++i) {
      if (IsWord(i) && !tok[i].cap && !tok[i].all_caps && shapes.MayHold(lower[i]))
        names.StrikeOff(lower[i]);
    }
    std::size_t kept = 0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (!names.slots[slot[c]].common) candidates[kept++] = candidates[c];
    }
    candidates.resize(kept);
    return candidates;
  }

  // Every mention in text order (by its first byte; a stable order: of two
  // with the same first byte, the one found first): `out` and the word
  // mentions of the tokens `words` (ascending, Words()). The word mentions
  // come last and in order, so `out`, sorted when it is not (most
  // documents' is), is merged with them — each mention made or moved once —
  // and the same_as indices follow their mentions.
  std::vector<NameMention> Ordered(const std::vector<std::size_t>& words) {
    const auto before = [](const NameMention& a, const NameMention& b) {
      return a.span.begin < b.span.begin;
    };
    if (words.empty() && std::is_sorted(out.begin(), out.end(), before)) return std::move(out);
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (!std::is_sorted(out.begin(), out.end(), before)) {
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return before(out[a], out[b]); });
    }
    std::vector<NameMention> sorted;
    sorted.reserve(out.size() + words.size());
    std::vector<std::ptrdiff_t> position(out.size());
    std::size_t w = 0;
    for (std::size_t k : order) {
      // (a word mention goes after a mention with the same first byte: found later)
      for (; w < words.size() && tok[words[w]].span.begin < out[k].span.begin; ++w)
        Fill(sorted.emplace_back(), words[w], words[w], MentionKind::kWord);
      position[k] = static_cast<std::ptrdiff_t>(sorted.size());
      sorted.push_back(std::move(out[k]));
    }
    for (; w < words.size(); ++w)
      Fill(sorted.emplace_back(), words[w], words[w], MentionKind::kWord);
    for (NameMention& m : sorted) {
      if (m.same_as >= 0) m.same_as = position[static_cast<std::size_t>(m.same_as)];
    }
    return sorted;
  }

  // Words()'s set of forms: each candidate form once, struck off (`common`)
  // when the document writes it in lower case. Open addressing over 2^k
  // slots at most half full, probed with HashBytes (core/view_hash.h): one
  // hash per candidate and per lower-case word the shape test lets through,
  // no allocation per form (a std::unordered_set made a node for each).
  struct Forms {
    struct Slot {
      std::string_view form;
      std::uint32_t tag = 0;  // the hash's high bits
      bool held = false;
      bool common = false;
    };
    std::vector<Slot> slots;
    std::size_t mask = 0;

    void Reset(std::size_t forms) {
      std::size_t n = 16;
      while (n < 2 * forms) n *= 2;
      slots.assign(n, Slot{});
      mask = n - 1;
    }
    // The slot of `w`, claimed when no slot holds it.
    std::size_t Add(std::string_view w) {
      const std::uint64_t h = HashBytes(w);
      const auto tag = static_cast<std::uint32_t>(h >> 32);
      for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& s = slots[i];
        if (!s.held) {
          s = Slot{w, tag, true, false};
          return i;
        }
        if (s.tag == tag && s.form == w) return i;
      }
    }
    void StrikeOff(std::string_view w) {
      const std::uint64_t h = HashBytes(w);
      const auto tag = static_cast<std::uint32_t>(h >> 32);
      for (std::size_t i = h & mask; slots[i].held; i = (i + 1) & mask) {
        if (slots[i].tag == tag && slots[i].form == w) {
          slots[i].common = true;
          return;
        }
      }
    }
  };
};

std::vector<NameMention> MentionFinder::Run(std::string_view text,
                                            const segment::Tokens& tokens) const {
  Run_ run(*this, text, tokens);
  run.Runs();
  run.Aliases();
  run.OwnNames();
  run.NamedRoles();
  return run.Ordered(run.Words());
}

}  // namespace whosaid::entities
