#include "events/mentions.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "segment/title_case.h"

namespace whosaid::events {
namespace {

using segment::TokenKind;

enum class Role { kNone, kPlace, kNear, kActor };

struct PlaceHit {
  std::size_t first = 0, end = 0;
  PlaceRef place;
  Role role = Role::kNone;
};

struct ActorHit {
  std::size_t first = 0, end = 0;
  Actor actor;
};

bool IsClauseBreak(const Word& w) {
  return w.kind == TokenKind::kPunct && (w.lower == "," || w.lower == ";" || w.lower == ":" ||
                                         w.lower == "." || w.lower == "(" || w.lower == ")");
}

// Context classes whose words may stand in a noun trigger's phrase ("a
// general election", "the Democratic primary", "the gun attack"): they do
// not end it.
constexpr std::uint32_t kModifierClasses =
    kArmed | kFigurative | kPerson | kTitle | kInstitution | kSpeech | kIndefinite;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() + 1 &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "raids", "talks", not "address", "crisis", "census" (rules/english.txt).
bool Plural(std::string_view head, const EnglishWords& english) {
  const std::string& s = english.plural_ending;
  if (head.size() < s.size() || head.empty() || head.compare(head.size() - s.size(), s.size(), s))
    return false;
  for (const std::string& e : english.not_plural_endings) {
    if (EndsWith(head, e)) return false;
  }
  return true;
}

// A lower-case word ending as a verb does ("killed", "meeting").
bool VerbEnding(std::string_view word, const EnglishWords& english) {
  for (const std::string& e : english.verb_endings) {
    if (EndsWith(word, e)) return true;
  }
  return false;
}

// A quotation mark among w[begin, end): without one no QuotedTrigger can
// match there, so a sentence without marks skips its look-ahead at each word.
bool HasQuoteMark(const std::vector<Word>& w, std::size_t begin, std::size_t end) {
  for (std::size_t k = begin; k < end; ++k) {
    if (w[k].kind == TokenKind::kQuote) return true;
  }
  return false;
}

// A trigger whose words stand around quotation marks, the reporter
// quoting part of it ("claimed to have taken “full control” of the
// palace"): {words it spans, marks included; its info}, or {0, null}.
std::pair<std::size_t, const TriggerInfo*> QuotedTrigger(const EventLexicon& lex,
                                                         const std::vector<Word>& w, std::size_t i,
                                                         std::size_t end, std::size_t max_words) {
  // A word starts the phrase itself: most start none (one look-up, before
  // the scan ahead).
  if (i < end && w[i].kind != TokenKind::kQuote && !lex.StartsTrigger(w[i])) return {0, nullptr};
  // Few words have a mark among the words after them: look before copying.
  bool ahead = false;
  for (std::size_t k = i, words = 0; k < end && words < max_words; ++k) {
    if (w[k].kind == TokenKind::kQuote)
      ahead = ahead || words > 0;
    else
      ++words;
  }
  if (!ahead) return {0, nullptr};
  // Nor does a phrase start with most words: look up the first before copying.
  std::size_t first = i;
  while (first < end && w[first].kind == TokenKind::kQuote) ++first;
  // (w[i] itself was looked up above: asked again only past a mark)
  if (first == end || (first != i && !lex.StartsTrigger(w[first]))) return {0, nullptr};
  // The words without the marks, read in place through `at` (the index in
  // w of each; a thread's vector, reused: not a copy of each Word).
  thread_local std::vector<std::size_t> at;
  at.clear();
  bool marks = false;
  for (std::size_t k = i; k < end && at.size() < max_words; ++k) {
    if (w[k].kind == TokenKind::kQuote) {
      marks = marks || !at.empty();
      continue;
    }
    at.push_back(k);
  }
  if (!marks) return {0, nullptr};
  auto [n, info] =
      lex.TriggerOver(w[at[0]], at.size(), [&](std::size_t k) { return w[at[k]].lower; });
  // Only a phrase the marks stand inside of counts.
  if (!info || n < 2 || at[n - 1] - i + 1 == n) return {0, nullptr};
  return {at[n - 1] - i + 1, info};
}

}  // namespace

// One sentence being read: its words, its trigger drafts and what was found.
struct MentionFinder::Sentence {
  struct Draft {
    Mention m;
    std::size_t np = 0;  // the noun phrase's first word (nouns), else the trigger's
    bool definite = false, quantified = false, listed = false, supported = false;
    bool has_object = false;  // a marker followed by the event it answers
    bool date_generic = false, date_unknown = false;
    bool date_from_dateline = false;  // its date is the document's dateline
    bool dropped = false;
    bool evidence = false, determined = false, place_object = false;  // TriggerInfo's flags
  };

  const std::vector<Word>& w;
  std::size_t b = 0, e = 0;
  std::optional<DateRange> anchor;
  std::size_t dateline_end = 0;   // a date ending here or before is the dateline
  bool lead = false;              // a sentence of the document's lead
  bool title = false;             // a headline in title case
  std::size_t first_word = 0;     // the sentence's first word token
  std::size_t context_words = 0;  // MentionConfig::context_phrase_words
  std::vector<Draft> drafts;
  std::vector<PlaceHit> places;
  std::vector<ActorHit> actors;
  std::vector<char> taken;  // words inside an actor name

  Sentence(const std::vector<Word>& words, std::size_t begin, std::size_t end)
      : w(words), b(begin), e(end) {}

  // The longest context phrase ending just before word k: {length, classes}.
  std::pair<std::size_t, std::uint32_t> Before(const EventLexicon& lex, std::size_t k) const {
    for (std::size_t n = std::min(context_words, k - b); n >= 1; --n) {
      auto [len, bits] = lex.Context(w, k - n, k);
      if (len == n) return {n, bits};
    }
    return {0, 0};
  }
  const PlaceHit* PlaceEndingAt(std::size_t k) const {
    for (const auto& p : places) {
      if (p.end == k) return &p;
    }
    return nullptr;
  }
};

MentionFinder::MentionFinder(const EventLexicon& lexicon, const Gazetteer& places,
                             const DateFinder& dates, const MentionConfig& config)
    : lex_(lexicon), places_(places), dates_(dates), config_(config) {}

std::size_t MentionFinder::FirstTrigger(const Words& words, std::size_t s) const {
  const auto& sent = words.sentences[s];
  const bool marks = HasQuoteMark(words.words, sent.first, sent.end);
  // Without marks, one look-up a word (Trigger pre-tests and finds the
  // phrases itself; no QuotedTrigger can match).
  if (!marks) {
    for (std::size_t i = sent.first; i < sent.end; ++i) {
      if (words[i].IsWord() && lex_.Trigger(words.words, i, sent.end).second) return i;
    }
    return sent.end;
  }
  for (std::size_t i = sent.first; i < sent.end; ++i) {
    // (no trigger, quoted or not, starts at a word that starts no phrase:
    // most words, turned away by the pre-test; Trigger and QuotedTrigger
    // each look the word up themselves)
    if (!words[i].IsWord() || !lex_.MayStartTrigger(words[i])) continue;
    if (lex_.Trigger(words.words, i, sent.end).second ||
        QuotedTrigger(lex_, words.words, i, sent.end, config_.quoted_trigger_words).second)
      return i;
  }
  return sent.end;
}

bool MentionFinder::HasBorderWord(const Words& words, std::size_t begin, std::size_t end) const {
  for (std::size_t i = begin; i < end; ++i) {
    if (words[i].IsWord() && lex_.ContextHas(words.words, i, end, kBorder)) return true;
  }
  return false;
}

// 1. Triggers, longest first. A capitalised trigger inside a sentence is
// part of a name ("Operation Zarb-e-Azb", "Rally for Peace") unless the
// sentence is a headline in title case. From word `from` on: no trigger
// starts before it (FirstTrigger: each word before it reads as no trigger
// here, and the scan moves one word at a time over them).
void MentionFinder::FindTriggers(Sentence& s, std::size_t from) const {
  const bool marks = HasQuoteMark(s.w, s.b, s.e);
  for (std::size_t i = std::max(s.b, from); i < s.e;) {
    auto [n, info] = s.w[i].IsWord() ? lex_.Trigger(s.w, i, s.e)
                                     : std::pair<std::size_t, const TriggerInfo*>{0, nullptr};
    if (!info && marks && s.w[i].IsWord())
      std::tie(n, info) = QuotedTrigger(lex_, s.w, i, s.e, config_.quoted_trigger_words);
    if (info && info->type < 0) {  // a phrase that is no event ("attack ads", "election law")
      i += n;
      continue;
    }
    if (!info || (s.w[i].cap && i != s.first_word && !s.title && !info->proper)) {
      ++i;
      continue;
    }
    // "the primary victims": an adjective, not the noun.
    if (info->final && i + n < s.e && s.w[i + n].IsWord() && !s.w[i + n].cap &&
        !lex_.ContextHas(s.w, i + n, s.e,
                         kLocative | kNear | kOther | kStop | kBackground | kSupport)) {
      i += n;
      continue;
    }
    Sentence::Draft d;
    d.m.first = d.np = i;
    d.m.end = i + n;
    d.m.type = info->type;
    d.m.cls = info->cls;
    d.m.sentence = s.w[i].sentence;
    d.m.paragraph = s.w[i].paragraph;
    d.m.head = std::string(s.w[i + n - 1].lower);
    d.evidence = info->evidence;
    d.determined = info->determined;
    d.place_object = info->place_object;
    s.drafts.push_back(std::move(d));
    i += n;
  }
}

// 2. Each noun trigger's noun phrase: determiner, quantifiers, numbers,
// possessives and modifiers before it; what stands before the phrase.
void MentionFinder::ReadNounPhrases(Sentence& s) const {
  for (auto& d : s.drafts) {
    bool noun = d.m.cls == TriggerClass::kNoun || d.m.cls == TriggerClass::kAnaphor;
    std::size_t k = d.m.first;
    std::size_t modifiers = 0, lower_modifiers = 0;
    while (noun && k > s.b && modifiers < config_.max_modifiers) {
      const Word& p = s.w[k - 1];
      if (p.kind == TokenKind::kQuote) {
        --k;
        continue;
      }
      if (p.kind == TokenKind::kPossessive) {
        d.definite = true;
        k -= k - 1 > s.b ? 2 : 1;
        ++modifiers;
        continue;
      }
      auto [len, bits] = s.Before(lex_, k);
      if (bits & kDeterminer) {
        d.definite = true;
        k -= len;
        break;
      }
      if (bits & kQuantifier) {
        d.quantified = true;
        k -= len;
        ++modifiers;
        continue;
      }
      if (bits & ~kModifierClasses) break;
      if (p.kind == TokenKind::kNumber) {
        // "the November 11 election": the day of a date, not a count.
        bool day = k - 1 > s.b && s.w[k - 2].cap && dates_.MayStart(s.w[k - 2]);
        d.quantified |= !day;
        --k;
        ++modifiers;
        continue;
      }
      if (!p.IsWord()) break;
      bool hyphenated =
          p.lower.find('-') != std::string_view::npos;  // wide-ranging, intelligence-based
      if (!p.cap && !hyphenated && VerbEnding(p.lower, lex_.english())) break;  // a verb
      --k;
      ++modifiers;
      lower_modifiers += !p.cap || k == s.first_word;  // "Heavy fighting broke out"
    }
    d.np = k;
    // A figurative modifier in or just before the phrase ("political
    // attacks", "sharpened his attacks"): no event.
    const std::size_t fig = config_.figurative_before_words;
    for (std::size_t j = std::max(s.b + 1, k > fig ? k - fig : 0);
         noun && j <= d.m.first && !d.dropped; ++j) {
      d.dropped = lex_.ContextEndsAt(s.w, s.b, j, kFigurative);
    }
    auto [len, before] = s.Before(lex_, k);
    d.listed = before & kListing;
    d.supported = before & kSupport;
    d.m.background = before & kBackground;
    // "a meeting", "the talks", "Monday's visit", "held talks" — not "meeting
    // those requirements" or "she talks about it".
    if (noun && d.determined && !d.definite && !d.quantified && !d.supported &&
        lower_modifiers == 0)
      d.dropped = true;
    // "to protest", "to debate": a verb (not "in response to attacks").
    bool infinitive = noun && k == d.m.first && k > s.b && s.w[k - 1].Is(lex_.english().to) &&
                      !Plural(d.m.head, lex_.english());
    for (const auto& o : s.drafts) {
      infinitive &= !(o.m.end + 1 == k &&
                      (o.m.cls == TriggerClass::kMarker || o.m.cls == TriggerClass::kResponse));
    }
    if (infinitive) d.dropped = true;
    // "meeting the requirements", "meeting them": a verb with its object.
    bool gerund = EndsWith(d.m.head, lex_.english().gerund_ending) && d.m.end < s.e &&
                  s.w[d.m.end].IsWord() &&
                  lex_.ContextHas(s.w, d.m.end, s.e, kDeterminer | kPerson | kQuantifier);
    if (noun && d.determined && gerund) d.dropped = true;
    // Unreal: a word of that class within unreal_before_words before, in the clause
    // (not for a definite noun: "will not forgive this shameful act" names
    // an act that happened).
    for (std::size_t j = k; !d.definite && j > s.b && j + config_.unreal_before_words > k; --j) {
      if (IsClauseBreak(s.w[j - 1])) break;
      if (s.Before(lex_, j).second & kUnreal) d.m.unreal = true;
    }
    if (!d.definite && d.m.end < s.e && lex_.ContextHas(s.w, d.m.end, s.e, kUnrealAfter))
      d.m.unreal = true;
    // "if the strike had lasted": a condition, even for a definite noun.
    std::uint32_t opener = k > s.b ? s.Before(lex_, k).second : 0;
    if (noun && (opener & kConditional)) d.m.unreal = true;
    d.m.setting = noun && (opener & kSetting);
  }
}

// 3. A response marker's object is the event answered ("in response to the
// airstrikes"): a reference, named only in passing when the response is
// real.
void MentionFinder::FindObjects(Sentence& s) const {
  auto& ds = s.drafts;
  auto responds = [](const Sentence::Draft& d) {
    return d.m.cls == TriggerClass::kMarker || d.m.cls == TriggerClass::kResponse;
  };
  for (std::size_t i = 0; i < ds.size(); ++i) {
    if (!responds(ds[i])) continue;
    for (std::size_t j = i + 1;
         j < ds.size() && ds[j].m.first <= ds[i].m.end + config_.response_object_words; ++j) {
      bool broken = false;
      for (std::size_t k = ds[i].m.end; k < ds[j].m.first; ++k) broken |= IsClauseBreak(s.w[k]);
      if (broken) break;
      if (!lex_.type(ds[j].m.type).kinetic || responds(ds[j])) continue;
      ds[j].m.answered = ds[j].m.reference = true;
      ds[j].m.background = !ds[i].m.unreal;
      ds[i].has_object = true;
      break;
    }
  }
}

// 8. Responses: a weak verb gives way to a real noun or verb trigger of an
// armed action (its places go to the nearest); with a real marker, the
// sentence's armed actions become the answer type; with none, a marker with
// an object is the answer itself.
void MentionFinder::Respond(Sentence& s) const {
  auto& ds = s.drafts;
  auto foreground_kinetic = [&](const Sentence::Draft& d) {
    return !d.dropped && lex_.type(d.m.type).kinetic && !d.m.answered && !d.m.background &&
           !d.m.unreal && !d.m.generic && d.m.cls != TriggerClass::kMarker &&
           d.m.cls != TriggerClass::kResponse && d.m.cls != TriggerClass::kAnaphor;
  };
  Sentence::Draft* strong = nullptr;
  for (auto& d : ds) {
    if (foreground_kinetic(d) && d.m.cls != TriggerClass::kWeak) strong = strong ? strong : &d;
  }
  for (auto& d : ds) {
    if (!strong || d.dropped || d.m.cls != TriggerClass::kWeak) continue;
    d.dropped = true;
    if (!strong->m.date) strong->m.date = d.m.date;
    for (const auto& p : d.m.places) {
      if (std::find(strong->m.places.begin(), strong->m.places.end(), p) ==
          strong->m.places.end()) {
        strong->m.places.push_back(p);
      }
    }
  }
  // A response phrase answers only an armed action ("in response to the
  // airstrikes", not "in response to the latest polls").
  bool respond = std::any_of(ds.begin(), ds.end(), [](const auto& d) {
    return !d.dropped && !d.m.unreal &&
           (d.m.cls == TriggerClass::kMarker ||
            (d.m.cls == TriggerClass::kResponse && d.has_object));
  });
  bool retyped = false;
  for (auto& d : ds) {
    if (!respond || !foreground_kinetic(d) || !lex_.Compatible(d.m.type, lex_.answer_type()))
      continue;
    d.m.type = lex_.answer_type();
    retyped = true;
  }
  for (auto& d : ds) {
    if (d.m.cls == TriggerClass::kResponse) d.dropped = true;
    if (d.m.cls != TriggerClass::kMarker) continue;
    d.dropped |= retyped || d.m.unreal || !d.has_object;
  }
}

// 4. Actors: the names of actors.txt (their words are taken), then countries
// and capitals that act (subjects, possessives), then demonyms.
void MentionFinder::FindActors(Sentence& s) const {
  s.taken.assign(s.e - s.b, 0);
  for (std::size_t i = s.b; i < s.e;) {
    auto [n, id] = s.w[i].IsWord() && s.w[i].cap ? lex_.ActorAt(s.w, i, s.e)
                                                 : std::pair<std::size_t, const int*>{0, nullptr};
    if (!id) {
      ++i;
      continue;
    }
    s.actors.push_back({i, i + n, lex_.actor(*id)});
    std::fill(s.taken.begin() + static_cast<long>(i - s.b),
              s.taken.begin() + static_cast<long>(i + n - s.b), 1);
    i += n;
  }
}

// Where the object of a verb ending at word k starts: after "the", a
// region word and "of" ("bombed the town of Kiru", "entered the capital
// Kiru").
std::size_t MentionFinder::ObjectStart(const Sentence& s, std::size_t k) const {
  if (k < s.e && s.w[k].Is(lex_.english().article)) ++k;
  if (k < s.e && s.w[k].IsWord() && !s.w[k].cap && lex_.ContextHas(s.w, k, k + 1, kRegion)) ++k;
  if (k < s.e && s.w[k].Is(lex_.english().of)) ++k;
  return k;
}

// Whether word k is the object of a verb of an armed action ("bombed Afrin",
// "entered the city of Kiru").
bool MentionFinder::ObjectOfArmedVerb(const Sentence& s, std::size_t k) const {
  return std::any_of(s.drafts.begin(), s.drafts.end(), [&](const Sentence::Draft& d) {
    bool verb = d.m.cls == TriggerClass::kVerb || d.m.cls == TriggerClass::kWeak;
    return !d.dropped && verb && ObjectStart(s, d.m.end) == k && lex_.type(d.m.type).kinetic;
  });
}

// 5. Places: gazetteer names, place-like names after a locative
// preposition, countries of targets, a country whose scheduled event
// follows ("Iraq's parliamentary elections"); each with its role.
void MentionFinder::FindPlaces(Sentence& s) const {
  auto role_of = [&](std::size_t first, std::size_t end, int id) {
    bool acts = places_.IsCountry(id) || places_.place(id).capital;
    // "Kiru international airport": a capital before a site is where.
    for (std::size_t k = end;
         acts && !places_.IsCountry(id) && k < s.e && k < end + config_.facility_after_words; ++k) {
      if (!s.w[k].IsWord() || s.w[k].cap) break;
      if (lex_.ContextHas(s.w, k, k + 1, kFacility)) acts = false;
    }
    // "Turkey's military" acts; "Iraq's northern Nineveh province"
    // and "Iraq's northern provinces" are places.
    if (acts && end < s.e && s.w[end].kind == TokenKind::kPossessive) {
      bool place_follows = false;
      for (std::size_t k = end + 1;
           k < s.e && k <= end + config_.possessive_place_words && !place_follows; ++k) {
        place_follows = (s.w[k].cap && places_.Match(s.w, k, s.e).words) ||
                        (s.w[k].IsWord() && lex_.ContextHas(s.w, k, s.e, kRegion));
      }
      // "Iraq's parliamentary elections": a scheduled event of the country
      // (an election) is held there.
      bool scheduled_follows = std::any_of(s.drafts.begin(), s.drafts.end(), [&](const auto& d) {
        return !d.dropped && d.m.first > end && d.m.first <= end + config_.possessive_place_words &&
               lex_.type(d.m.type).scheduled;
      });
      if (scheduled_follows) return Role::kPlace;
      if (!place_follows) return Role::kActor;
    }
    // The object of an attack verb is where it struck, whatever follows
    // ("bombed Afrin, killing four", "shelled Syria near the border").
    if (ObjectOfArmedVerb(s, first)) return Role::kPlace;
    // "Rep. Ann Cole of Ohio", "Governor of Texas": a person's description.
    if (first >= s.b + 2 && s.w[first - 1].Is(lex_.english().of) && s.w[first - 2].IsWord() &&
        (s.w[first - 2].cap || lex_.ContextHas(s.w, first - 2, first - 1, kTitle)) &&
        !s.PlaceEndingAt(first - 1)) {
      return Role::kNone;
    }
    // Back over "the northern border provinces of", "Kirkuk and", "'s" to a
    // preposition.
    std::size_t k = first;
    for (std::size_t words = 0; k > s.b && words < config_.place_modifier_words;) {
      if (const PlaceHit* prev = s.PlaceEndingAt(k)) return prev->role;
      const Word& p = s.w[k - 1];
      auto [len, bits] = s.Before(lex_, k);
      if (bits & kNear) return Role::kNear;
      if (bits & kLocative) return Role::kPlace;
      if (bits & kOther) break;
      bool list =
          (p.lower == lex_.english().conjunction || p.lower == ",") && s.PlaceEndingAt(k - 1);
      if (p.kind == TokenKind::kPossessive || p.lower == lex_.english().of || list ||
          (bits & kDeterminer)) {
        k -= std::max<std::size_t>(len, 1);
        continue;
      }
      if (!p.IsWord() || p.cap) break;
      k -= std::max<std::size_t>(len, 1);
      ++words;
    }
    if (acts) return Role::kActor;
    // "Nineveh airstrikes", not "the Ohio senator".
    bool titled = end < s.e && lex_.ContextHas(s.w, end, s.e, kTitle);
    return end < s.e && s.w[end].IsWord() && !s.w[end].cap && !titled ? Role::kPlace : Role::kNone;
  };
  int country = -1;  // settles names two places share
  // (a place or demonym is a capitalised word, not an actor's: the case
  // tested first, most words are lower case)
  for (std::size_t i = s.b; i < s.e;) {
    if (!s.w[i].cap || !s.w[i].IsWord() || s.taken[i - s.b]) {
      ++i;
      continue;
    }
    PlaceMatch m = places_.Match(s.w, i, s.e);
    if (!m.words) {
      i = UnknownPlace(s, i);
      continue;
    }
    // (not after a sentence's first word "The": "The United States imposed …")
    bool after_name = i > s.first_word && s.w[i - 1].IsWord() && s.w[i - 1].cap &&
                      !(i - 1 == s.first_word && lex_.ContextHas(s.w, i - 1, i, kDeterminer));
    bool inside_name = !s.title && (after_name || (i + m.words < s.e && s.w[i + m.words].IsWord() &&
                                                   s.w[i + m.words].cap &&
                                                   !places_.Match(s.w, i + m.words, s.e).words));
    if (inside_name) {
      i += m.words;
      continue;
    }
    int id = m.places.front();
    for (int c : m.places) {
      if (places_.Root(c) == country) id = c;
    }
    if (country < 0) country = places_.Root(id);
    PlaceHit hit{i, i + m.words, PlaceRef{id, "", -1, false}, Role::kNone};
    hit.role = role_of(i, i + m.words, id);
    // After "near X", the places of the same clause describe X ("near
    // Syria's Qamishli district in Hasakah").
    if (hit.role == Role::kPlace && !s.places.empty() && s.places.back().role == Role::kNear) {
      bool broken = false;
      for (std::size_t k = s.places.back().end; k < i; ++k) broken |= IsClauseBreak(s.w[k]);
      if (!broken) hit.role = Role::kNear;
    }
    hit.place.near = hit.role == Role::kNear;
    if (hit.role == Role::kActor) {
      const std::string& name = places_.place(places_.Root(id)).name;
      s.actors.push_back({i, i + m.words, Actor{name, name}});
    }
    s.places.push_back(hit);
    i += m.words;
  }
  // Demonyms: the country of a target just after a trigger, in its clause
  // ("targeted Syrian troops") is a place; otherwise the demonym names an
  // actor ("Turkish airstrikes", "Iraqi forces retaliated").
  for (std::size_t i = s.b; i < s.e; ++i) {
    if (!s.w[i].cap || !s.w[i].IsWord() || s.taken[i - s.b]) continue;
    int id = places_.Demonym(s.w[i].lower);
    if (id < 0) continue;
    bool target = false;
    for (std::size_t k = i + 1; k < s.e && k <= i + config_.demonym_target_words && !target; ++k) {
      target = lex_.ContextHas(s.w, k, s.e, kTarget);
    }
    bool after_trigger = false;  // within demonym_trigger_words of a trigger, in its clause
    for (const auto& d : s.drafts) {
      if (d.dropped || d.m.end > i || d.m.end + config_.demonym_trigger_words < i) continue;
      bool broken = false;
      for (std::size_t k = d.m.end; k < i; ++k) broken |= IsClauseBreak(s.w[k]);
      after_trigger |= !broken;
    }
    const std::uint32_t before = i > s.b ? s.Before(lex_, i).second : 0;
    target &= after_trigger && !(before & kAgent);
    // "launched from Syrian soil", "with Iraqi forces": where it came from
    // or who was with it, neither place nor actor.
    if (!(before & kAgent) && (before & kOther)) continue;
    if (target) {
      s.places.push_back({i, i + 1, PlaceRef{id, "", -1, false}, Role::kPlace});
    } else if (places_.IsCountry(id)) {
      s.actors.push_back({i, i + 1, Actor{places_.place(id).name, places_.place(id).name}});
    }
  }
  DescribedPlaces(s);
  std::sort(s.actors.begin(), s.actors.end(),
            [](const ActorHit& a, const ActorHit& b) { return a.first < b.first; });
  std::sort(s.places.begin(), s.places.end(),
            [](const PlaceHit& a, const PlaceHit& b) { return a.first < b.first; });
}

// A place-like name the gazetteer lacks, right after a place-like
// preposition ("in Sinjar", "near the Spin Ghar", "across Pashtunistan"): up
// to three capitalised words, not a month or weekday, ending the name (a
// kind word may follow: "the Dand-e-Patan district"). It lies in the place
// after "district of" or before "'s" when one is said. None in a title-case
// headline. Returns the next word.
std::size_t MentionFinder::UnknownPlace(Sentence& s, std::size_t i) const {
  // In a headline in title case capitals mark no name ("Targeting Rebel
  // Hideouts"): only the gazetteer's places count there.
  if (s.title) return i + 1;
  std::size_t end = i;
  while (end < s.e && end < i + config_.max_unknown_place_words && s.w[end].IsWord() &&
         s.w[end].cap && !s.w[end].all_caps && !s.taken[end - s.b] && !dates_.MayStart(s.w[end]) &&
         places_.Demonym(s.w[end].lower) < 0 && !lex_.Trigger(s.w, end, s.e).second) {
    ++end;
  }
  bool one_letter = end == i + 1 && s.w[i].text.size() < 2;
  // A person ("in Judge Ames", "as Ann Cole said") or an institution ("in
  // the Democratic caucuses", "in Senate chambers"), not a place.
  bool person = (end > i && lex_.ContextHas(s.w, i, end, kTitle)) ||
                (end < s.e && s.w[end].IsWord() && lex_.ContextHas(s.w, end, s.e, kSpeech));
  for (std::size_t k = i; k < end && !person; ++k)
    person = lex_.ContextHas(s.w, k, k + 1, kInstitution);
  if (person) return end > i ? end : i + 1;
  bool possessed =
      end < s.e && s.w[end].kind == TokenKind::kPossessive;  // a person: "in X's court"
  if (end == i || one_letter || possessed || (end < s.e && s.w[end].IsWord() && s.w[end].cap))
    return i + 1;
  PlaceRef ref;
  Role role = Role::kNone;
  std::size_t k = i > s.b && s.w[i - 1].Is(lex_.english().article) ? i - 1 : i;
  const PlaceHit* owner =
      k >= s.b + 2 && s.w[k - 1].kind == TokenKind::kPossessive ? s.PlaceEndingAt(k - 1) : nullptr;
  if (owner) {
    role = owner->role;  // "in Iraq's Sinjar district"
    ref.parent = owner->place.id;
  } else if (std::uint32_t bits = s.Before(lex_, k).second; bits & kPlaceLike) {
    role = bits & kNear ? Role::kNear : Role::kPlace;
  } else if (ObjectOfArmedVerb(s, i)) {
    role = Role::kPlace;  // "entered the town of Kiru", "shelled Kiru"
  }
  if (role != Role::kPlace && role != Role::kNear) return end;
  ref.name = std::string(s.w[i].text.data(), s.w[end - 1].text.data() + s.w[end - 1].text.size());
  ref.near = role == Role::kNear;
  std::size_t after = end;
  if (after < s.e && lex_.ContextHas(s.w, after, s.e, kRegion)) ++after;
  if (ref.parent < 0 && after + 1 < s.e && s.w[after].Is(lex_.english().of)) {
    PlaceMatch parent = places_.Match(s.w, after + 1, s.e);
    if (parent.words) ref.parent = parent.places.front();
  }
  s.places.push_back({i, after, ref, role});
  return after;
}

// Parts of a country named by their kind after a locative ("in the coastal
// areas", "in Kiru's northern region", "to the coastal region"): a part
// word, then a region word (context.txt). The name is "<part> region"
// whatever the region word, so that outlets' "coastal areas" and "coastal
// region" are one place; it lies in no gazetteer place (a country's part
// says nothing of the cities in it) and counts only where two events both
// name it (EventPlace::known false).
void MentionFinder::DescribedPlaces(Sentence& s) const {
  for (std::size_t i = s.b; i + 1 < s.e; ++i) {
    const Word& w = s.w[i];
    // (both words' pre-tests before either look-up: few word pairs pass)
    if (!w.IsWord() || w.cap || s.w[i + 1].cap || !s.w[i + 1].IsWord() ||
        !lex_.MayStartContext(w, kPart) || !lex_.MayStartContext(s.w[i + 1], kRegion) ||
        !lex_.ContextHas(s.w, i, i + 1, kPart) || !lex_.ContextHas(s.w, i + 1, i + 2, kRegion))
      continue;
    // "the northern border provinces of Kunduz": a description of the
    // places it names, no part.
    if (std::size_t n = i + 2;
        n < s.e && s.w[n].IsWord() &&
        (s.w[n].Is(lex_.english().of) || s.w[n].cap || lex_.ContextHas(s.w, n, n + 1, kRegion)))
      continue;
    std::size_t k = i > s.b && s.w[i - 1].Is(lex_.english().article) ? i - 1 : i;
    const PlaceHit* owner = k >= s.b + 2 && s.w[k - 1].kind == TokenKind::kPossessive
                                ? s.PlaceEndingAt(k - 1)
                                : nullptr;
    Role role = Role::kNone;
    if (owner) {
      role = owner->role;  // "in Kiru's northern region"
    } else if (std::uint32_t bits = k > s.b ? s.Before(lex_, k).second : 0; bits & kNear) {
      role = Role::kNear;
    } else if (bits & kLocative) {
      role = Role::kPlace;
    }
    if (role != Role::kPlace && role != Role::kNear) continue;
    PlaceRef ref;
    ref.name = std::string(w.lower) + " region";
    ref.near = role == Role::kNear;
    s.places.push_back({i, i + 2, ref, role});
    ++i;
  }
}

// A scheduled event's date said without its year ("the November
// election"): the nearer reading, back or ahead of the anchor.
std::optional<DateRange> MentionFinder::Scheduled(const Sentence& s, int type,
                                                  const DateMention& dm) const {
  if (!dm.ahead || dm.future || dm.weekday || !dm.range || !s.anchor || !lex_.type(type).scheduled)
    return dm.range;
  auto distance = [&](const DateRange& r) {
    return std::min(std::abs(r.first - s.anchor->last), std::abs(r.last - s.anchor->first));
  };
  return distance(*dm.ahead) < distance(*dm.range) ? dm.ahead : dm.range;
}

// 6. Dates: each goes with the nearest mention; a verb without one takes the
// sentence's date when only one date goes with its events ("died Friday
// in air strikes …, leading Iraqi units to respond").
void MentionFinder::AttachDates(Sentence& s) const {
  auto live = [](const Sentence::Draft& d) { return !d.dropped; };
  std::optional<DateRange> sentence_date, dateline_date;
  int foreground_dates = 0;
  // A quotation mark and a speech verb between a date and a trigger part
  // them: the quote's words and the reporter's ('"… a contested
  // convention," he said Thursday'; not 'killed Monday in "reckless" air
  // strikes').
  auto quoted_apart = [&](const Sentence::Draft& d, const DateMention& dm) {
    std::size_t from = std::min(d.m.end, dm.end), to = std::max(d.m.first, dm.first);
    bool quote = false, speech = false;
    for (std::size_t k = from; k < to; ++k) {
      quote |= s.w[k].kind == TokenKind::kQuote;
      speech |= s.w[k].IsWord() && lex_.ContextHas(s.w, k, k + 1, kSpeech);
    }
    return quote && speech;
  };
  // "X said on Monday that …": when the words were said, not when what
  // they tell of happened (but "said Monday's raid …" dates the raid); it
  // dates only what stands before it ("drones hit the depot overnight,
  // the governor said Thursday").
  auto saying_date = [&](const DateMention& dm) {
    std::size_t k = dm.first;
    if (k > s.b && s.w[k - 1].Is(lex_.english().on)) --k;
    bool after_speech = k > s.b && s.w[k - 1].IsWord() && lex_.ContextHas(s.w, k - 1, k, kSpeech);
    bool possessive = dm.end < s.e && s.w[dm.end].kind == TokenKind::kPossessive;
    return after_speech && !possessive;
  };
  for (const DateMention& dm : dates_.Run(s.w, s.b, s.e, s.anchor)) {
    const bool saying = saying_date(dm);
    Sentence::Draft* best = nullptr;
    std::size_t best_dist = 0;
    for (auto& d : s.drafts) {
      if (!live(d) || quoted_apart(d, dm) || (saying && d.m.first > dm.first)) continue;
      std::size_t dist = dm.first >= d.m.end   ? dm.first - d.m.end
                         : d.m.first >= dm.end ? d.m.first - dm.end
                                               : 0;
      if (!best || dist < best_dist) best = &d, best_dist = dist;
    }
    if (!best) continue;
    // The dateline says when the document was written: any other date of
    // the sentence says better when its event happened.
    bool dateline = dm.end <= s.dateline_end;
    // A span ("so far", "in 2024") speaks for the mention it stands by.
    if (dm.generic && best_dist <= config_.generic_date_words)
      best->date_generic = true;
    else if (!dm.range)
      best->date_unknown = true;
    // A date inside the trigger's own phrase ("the November 8 election")
    // is its date whatever else the sentence says.
    else if (!best->m.date || (best->date_from_dateline && !dateline) ||
             (dm.first >= best->np && dm.end <= best->m.first)) {
      best->m.date = Scheduled(s, best->m.type, dm);
      best->date_from_dateline = dateline;
    }
    if (dm.range && !best->m.background) {
      if (dateline) {
        dateline_date = dm.range;
        continue;
      }
      ++foreground_dates;
      sentence_date = dm.range;
    }
  }
  if (foreground_dates == 0 && dateline_date) foreground_dates = 1, sentence_date = dateline_date;
  if (foreground_dates != 1) return;
  for (auto& d : s.drafts) {
    bool verbal = d.m.cls == TriggerClass::kVerb || d.m.cls == TriggerClass::kWeak ||
                  d.m.cls == TriggerClass::kMarker;
    if (live(d) && verbal && (!d.m.date || d.date_from_dateline) && !d.m.background &&
        !d.date_unknown && !d.date_generic) {
      d.m.date = sentence_date;
    }
  }
}

// 7. Arguments to mentions, then what kind of mention each is.
void MentionFinder::Classify(Sentence& s) const {
  auto live_index = [&](std::size_t pos, bool left) -> Sentence::Draft* {
    Sentence::Draft* best = nullptr;
    for (auto& d : s.drafts) {
      if (d.dropped) continue;
      if (left && d.m.end <= pos) best = &d;              // the last one before
      if (!left && d.m.first >= pos && !best) best = &d;  // the first one after
    }
    return best;
  };
  for (const PlaceHit& p : s.places) {
    if (p.role != Role::kPlace && p.role != Role::kNear) continue;
    Sentence::Draft* d = live_index(p.first, true);
    // "the shooting came hours after a man set off explosives in Shanghai":
    // the place is that of the clause "after" opens, not of the trigger.
    for (std::size_t k = d ? d->m.end : p.first; k < p.first && d; ++k) {
      if (s.w[k].IsWord() && lex_.ContextHas(s.w, k, p.first, kBackground)) d = nullptr;
    }
    if (!d && live_index(p.first, true)) continue;
    if (!d) {
      // A place before every trigger goes with the first one when nothing
      // parts them, or when it opens the sentence ("In Nineveh, jets …").
      d = live_index(p.end, false);
      bool opens = p.first <= s.first_word + config_.opening_place_words;
      for (std::size_t k = p.end; d && !opens && k < d->m.first; ++k) {
        if (IsClauseBreak(s.w[k])) d = nullptr;
      }
    }
    if (d && std::find(d->m.places.begin(), d->m.places.end(), p.place) == d->m.places.end())
      d->m.places.push_back(p.place);
  }
  for (auto& d : s.drafts) {
    if (d.dropped || !d.place_object) continue;
    // "entered the city of Kiru", "entered Kiru": a place is its object, and
    // armed men, arms or victims are in the sentence ("rebels entered Kiru",
    // not "the marchers were about to enter Kiru").
    std::size_t k = ObjectStart(s, d.m.end);
    // "entered the capital", "entering the city": the place the story names,
    // said by its kind alone (nothing capitalised, no "of" after it).
    std::size_t e = d.m.end;
    bool kind_only =
        e + 1 < s.e && s.w[e].Is(lex_.english().article) && s.w[e + 1].IsWord() &&
        !s.w[e + 1].cap && lex_.ContextHas(s.w, e + 1, e + 2, kRegion) &&
        (e + 2 >= s.e || !s.w[e + 2].IsWord() || s.w[e + 2].Is(lex_.english().conjunction));
    d.dropped =
        !Armed(s, false) ||
        (!kind_only && std::none_of(s.places.begin(), s.places.end(), [&](const PlaceHit& p) {
          return p.first == k && (p.role == Role::kPlace || p.role == Role::kNear);
        }));
  }
  for (auto& d : s.drafts) {
    if (d.dropped) continue;
    // "attacks on him", "attack against Smith": words aimed at a person.
    bool kinetic = lex_.type(d.m.type).kinetic;
    if (kinetic && d.m.end + 1 < s.e && lex_.ContextHas(s.w, d.m.end, d.m.end + 1, kAimed) &&
        AimedAtPerson(s, d.m.end + 1)) {
      d.dropped = true;
    } else if (d.evidence && !d.supported && !Armed(s)) {
      d.m.dependent = true;
    }
  }
  for (auto& d : s.drafts) {
    if (d.dropped) continue;
    // Actors: in the noun phrase, after "by", or the subject before it.
    for (const ActorHit& a : s.actors) {
      bool in_np = a.first >= d.np && a.end <= d.m.first;
      bool by = d.m.end < s.e && lex_.ContextHas(s.w, d.m.end, d.m.end + 1, kAgent) &&
                a.first > d.m.end && a.first <= d.m.end + config_.agent_words;
      bool subject =
          a.end <= d.np && a.end + config_.subject_words >= d.np &&
          (d.m.cls == TriggerClass::kNoun ? d.supported : d.m.cls != TriggerClass::kAnaphor);
      for (std::size_t k = a.end; subject && k < d.np; ++k) subject = !IsClauseBreak(s.w[k]);
      for (const auto& o : s.drafts)
        subject &= &o == &d || o.dropped || o.m.first < a.end || o.m.first >= d.np;
      if (in_np || by || subject) d.m.actors.push_back(a.actor);
    }
    bool has_place = !d.m.places.empty();
    bool below_country = std::any_of(d.m.places.begin(), d.m.places.end(), [&](const PlaceRef& p) {
      return p.id < 0 || !places_.IsCountry(p.id);
    });
    switch (d.m.cls) {
      case TriggerClass::kNoun: {
        // "militant attacks", "HAI operations": plural, no determiner, nothing
        // that pins them down (a place below country, a support verb).
        bool bare_plural =
            !d.definite && !d.supported && Plural(d.m.head, lex_.english()) && !below_country;
        // "her public statements", "his speeches": many occasions, not one.
        bool occasions = lex_.type(d.m.type).occasion && Plural(d.m.head, lex_.english());
        // "a general election", "a contested convention": the kind of event.
        bool article = false;
        for (std::size_t k = d.np; k < d.m.first; ++k)
          article |= lex_.ContextHas(s.w, k, k + 1, kIndefinite);
        bool kind = lex_.type(d.m.type).kind && !has_place && article;
        d.m.generic =
            !d.m.answered && !d.m.date &&
            (d.quantified || d.listed || bare_plural || d.date_generic || kind || occasions);
        d.m.reference |= d.definite && !has_place && !d.m.date;
        break;
      }
      case TriggerClass::kAnaphor:
        d.dropped |= !d.definite;
        d.m.reference = true;
        break;
      case TriggerClass::kVerb:
        // "when we met", "bombed them again": nothing new, so only ever an
        // event named before.
        d.m.reference |= !s.lead && !has_place && !d.m.date && d.m.actors.empty();
        d.m.dependent |= d.m.reference;
        break;
      case TriggerClass::kWeak:
      case TriggerClass::kMarker:
      case TriggerClass::kResponse:
        d.m.reference |= !has_place && !d.m.date;
        break;
    }
  }
}

// Word k names a person: a pronoun, a person noun after a determiner, or a
// capitalised name that is no place, actor or date ("attacks on Smith", not
// "attacks on Paris").
bool MentionFinder::AimedAtPerson(const Sentence& s, std::size_t k) const {
  // "attacks on his rivals", "attacks against the press".
  if (k + 1 < s.e && lex_.ContextHas(s.w, k, k + 1, kDeterminer)) {
    return lex_.ContextHas(s.w, k + 1, s.e, kPerson);
  }
  const Word& w = s.w[k];
  if (!w.IsWord()) return false;
  if (lex_.ContextHas(s.w, k, s.e, kPerson)) return true;
  if (!w.cap || s.taken[k - s.b] || dates_.MayStart(w) || places_.Demonym(w.lower) >= 0)
    return false;
  return std::none_of(s.places.begin(), s.places.end(),
                      [&](const PlaceHit& p) { return p.first == k; });
}

// Whether the sentence says an armed action took place: a place where
// something happened (unless `places` is false), victims or damage, arms or
// armed men, a named armed group.
bool MentionFinder::Armed(const Sentence& s, bool places) const {
  for (const PlaceHit& p : s.places) {
    if (places && (p.role == Role::kPlace || p.role == Role::kNear)) return true;
  }
  for (std::size_t i = s.b; i < s.e; ++i) {
    if (s.taken[i - s.b]) return true;
    if (!s.w[i].IsWord()) continue;
    const std::uint32_t bits = lex_.MayStartContext(s.w[i], kCasualty | kArmed | kArmedName)
                                   ? lex_.Context(s.w, i, s.e).second
                                   : 0u;
    if (bits & (kCasualty | kArmed)) return true;
    // The last word of a capitalised name: an armed group ("the Kiru
    // Defence Forces", "the 12th Brigade").
    bool name_end = s.w[i].cap && i > s.b &&
                    (s.w[i - 1].cap || s.w[i - 1].kind == TokenKind::kNumber) &&
                    (i + 1 >= s.e || !s.w[i + 1].cap);
    if (name_end && (bits & kArmedName)) return true;
  }
  return false;
}

std::vector<Mention> MentionFinder::Run(const Words& words, std::size_t index,
                                        const std::optional<DateRange>& anchor,
                                        std::size_t dateline_end, bool lead,
                                        std::size_t first_trigger) const {
  const auto& sent = words.sentences[index];
  Sentence s(words.words, sent.first, sent.end);
  s.context_words = config_.context_phrase_words;
  s.anchor = anchor;
  s.dateline_end = dateline_end;
  s.lead = lead;
  std::size_t word_count = 0, caps = 0;
  s.first_word = s.e;
  for (std::size_t i = s.b; i < s.e; ++i) {
    if (!words[i].IsWord()) continue;
    if (s.first_word == s.e) s.first_word = i;
    ++word_count;
    caps += words[i].cap;
  }
  s.title = segment::IsTitleCase(word_count, caps, config_.headline);
  FindTriggers(s, first_trigger);
  if (s.drafts.empty()) return {};
  ReadNounPhrases(s);
  FindObjects(s);
  // No step after this one takes a dropped draft back (each drops or reads
  // the live ones only) and only live drafts are mentions: when the noun
  // phrases dropped every draft ("meeting the requirements", "political
  // attacks"), the actors, places and dates are not read.
  if (std::all_of(s.drafts.begin(), s.drafts.end(), [](const auto& d) { return d.dropped; }))
    return {};
  FindActors(s);
  FindPlaces(s);
  AttachDates(s);
  Classify(s);
  Respond(s);
  std::vector<Mention> out;
  for (auto& d : s.drafts) {
    if (!d.dropped) out.push_back(std::move(d.m));
  }
  return out;
}

}  // namespace whosaid::events
