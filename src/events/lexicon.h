// whosaid::events::EventLexicon — the event stage's word lists compiled into
// lookups: event types and how they nest (rules/events/types.txt),
// triggers (triggers.txt), actors (actors.txt) and the context words around
// a trigger (context.txt). Each file documents its format at its top.
//
// Contract: built once (throws ConfigError "path:line: …" on a bad entry),
// immutable and thread-safe. Phrases are matched on Word::lower, longest
// first.
//
// Example
//   EventLexicon lex(rules);
//   auto [n, trigger] = lex.Trigger(words, i, end);   // "air strikes" → 2, airstrike/noun
//   lex.Compatible(lex.TypeId("attack"), lex.TypeId("airstrike")) == true;
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/doc_events.h"
#include "core/rules.h"
#include "events/words.h"

namespace whosaid::events {

enum class TriggerClass : std::uint8_t { kNoun, kVerb, kWeak, kMarker, kResponse, kAnaphor };

struct TriggerInfo {
  int type = -1;  // -1: a phrase that is no event ("attack ad")
  TriggerClass cls = TriggerClass::kNoun;
  bool evidence =
      false;  // stands only with a place, victims, arms or a support verb in its sentence
  bool determined = false;  // a noun that needs a determiner, article, number or modifier
  bool final =
      false;  // a noun no lower-case word (other than a context word) may follow ("primary")
  bool place_object = false;  // a verb that is an event only when a place is its object ("entered
                              // the city of Kiru", not "entered the room")
  bool proper =
      false;  // written capitalised in triggers.txt: matches capitalised ("Super Tuesday")
};

struct EventType {
  std::string name;
  int parent = -1;
  bool kinetic = false;
  std::string family;  // "family=NAME": across documents, one event may be named by any type of it
  bool occasion = false;
  bool scheduled =
      false;  // set in advance: a date without its year is the nearer reading, back or ahead
  bool local =
      false;  // one event across documents only on a shared day and a shared place or actor
  bool sentence = false;  // a quote takes it from its own sentence, never from its paragraph
  bool kind =
      false;  // "a/an" without a place or date names the kind, not one event ("win an election")
  bool at_actor = false;  // said nowhere, it is where its actor's state is (a state's sanctions)
};

// Context classes (context.txt), as bits.
enum ContextClass : std::uint32_t {
  kDeterminer = 1u << 0,
  kQuantifier = 1u << 1,
  kListing = 1u << 2,
  kUnreal = 1u << 3,
  kUnrealAfter = 1u << 4,
  kBackground = 1u << 5,
  kSupport = 1u << 6,
  kLocative = 1u << 7,
  kNear = 1u << 8,
  kTarget = 1u << 9,
  kBorder = 1u << 10,
  kCasualty = 1u << 11,
  kOther = 1u << 12,
  kRegion = 1u << 13,
  kPlaceLike = 1u << 14,
  kFigurative = 1u << 15,
  kArmed = 1u << 16,
  kPerson = 1u << 17,
  kStop = 1u << 18,
  kTitle = 1u << 19,
  kInstitution = 1u << 20,
  kSpeech = 1u << 21,
  kIndefinite = 1u << 22,
  kAimed = 1u << 23,
  kAgent = 1u << 24,
  kModal = 1u << 25,
  kConditional = 1u << 26,
  kSetting = 1u << 27,
  kArmedName = 1u << 28,
  kFacility = 1u << 29,
  kPart = 1u << 30,
};

// The English words and endings the mention finder (mentions.cpp) tests by
// their part in a sentence, from rules/english.txt (core/classes.h).
struct EnglishWords {
  std::string plural_ending;                    // a head so ending is plural (raids) …
  std::vector<std::string> not_plural_endings;  // … unless it ends so (address, crisis)
  std::vector<std::string> verb_endings;        // a modifier so ending is a verb (killed, meeting)
  std::string gerund_ending;                    // a trigger so ending may be a verb (meeting)
  std::string to, of, on, article, conjunction;
  // how a link or a handle starts, as written ("https", "@"): a paragraph
  // with a token so starting is an embedded post's
  std::vector<std::string> link_starts;
};

class EventLexicon {
 public:
  explicit EventLexicon(const rules::RuleSet& rules);

  const EnglishWords& english() const { return english_; }

  // Types
  int TypeId(std::string_view name) const;  // -1 when unknown
  const EventType& type(int id) const { return types_[static_cast<std::size_t>(id)]; }
  // One type is the other or lies below it.
  bool Compatible(int a, int b) const;
  // The narrower of two compatible types.
  int Narrower(int a, int b) const;
  int answer_type() const { return answer_; }

  // The longest trigger at words[i…end).
  std::pair<std::size_t, const TriggerInfo*> Trigger(const std::vector<Word>& words, std::size_t i,
                                                     std::size_t end) const {
    if (i >= end || !trigger_starts_.MayHoldKey(words[i].key)) return {0, nullptr};
    auto hit = triggers_.Longest(i, end, LowerAt{words});
    return {hit.length, hit.value};
  }
  // The same over `count` words that are not one vector's (count >= 1):
  // `first` is word 0, lower(k) word k's lower case; the answer of Trigger
  // on a vector holding those words, from 0 to its end.
  template <class LowerOf>
  std::pair<std::size_t, const TriggerInfo*> TriggerOver(const Word& first, std::size_t count,
                                                         const LowerOf& lower) const {
    if (count == 0 || !trigger_starts_.MayHoldKey(first.key)) return {0, nullptr};
    auto hit = triggers_.Longest(0, count, lower);
    return {hit.length, hit.value};
  }
  // False when no trigger phrase starts with this word (true may still be
  // none: a pre-test on its key, the one Trigger and StartsTrigger make).
  bool MayStartTrigger(const Word& w) const { return trigger_starts_.MayHoldKey(w.key); }
  // Some trigger phrase starts with this lower-case word (or this word).
  bool StartsTrigger(std::string_view lower) const {
    return trigger_starts_.MayHold(lower) && triggers_.StartsWith(lower);
  }
  bool StartsTrigger(const Word& w) const {
    return trigger_starts_.MayHoldKey(w.key) && triggers_.StartsWith(w.lower);
  }
  // The longest actor name at words[i…end): {words, actor index}.
  std::pair<std::size_t, const int*> ActorAt(const std::vector<Word>& words, std::size_t i,
                                             std::size_t end) const {
    if (i >= end || !actor_starts_.MayHoldKey(words[i].key)) return {0, nullptr};
    auto hit = actors_.Longest(i, end, LowerAt{words});
    return {hit.length, hit.value};
  }
  const Actor& actor(int id) const { return actor_list_[static_cast<std::size_t>(id)]; }
  // The longest context phrase at words[i…end): {words, classes}. The
  // answer up to the vector's end is remembered in words[i].context, with
  // this lexicon's serial (a `words` vector must not change once asked
  // about; one thread per vector).
  std::pair<std::size_t, std::uint32_t> Context(const std::vector<Word>& words, std::size_t i,
                                                std::size_t end) const;
  // Whether the longest context phrase at words[i…end) has a class of
  // `cls`: Context(words, i, end).second & cls, with a pre-test first (no
  // phrase of those classes starts with words[i], MayStartContext), so the
  // scans that ask every word of a stretch about a few classes look up
  // only the words that may answer yes.
  bool ContextHas(const std::vector<Word>& words, std::size_t i, std::size_t end,
                  std::uint32_t cls) const {
    return i < end && MayStartContext(words[i], cls) && (Context(words, i, end).second & cls);
  }
  // False when no context phrase with a class of `cls` starts with this
  // word (true may still be none: a pre-test, on the word's key).
  bool MayStartContext(const Word& w, std::uint32_t cls) const {
    return (context_start_classes_[ContextSlot(w.key)] & cls) != 0;
  }
  // The same for a lower-case word not read by ReadWords.
  bool MayStartContext(std::string_view lower, std::uint32_t cls) const {
    return (context_start_classes_[ContextSlot(WordFilter::KeyOf(lower))] & cls) != 0;
  }
  // Whether some context phrase of class `cls` ends at words[e-1] (e <= end).
  bool ContextEndsAt(const std::vector<Word>& words, std::size_t begin, std::size_t e,
                     std::uint32_t cls) const;

 private:
  void LoadTypes(const rules::RuleFile& file);
  void LoadTriggers(const rules::RuleFile& file);
  void LoadActors(const rules::RuleFile& file);
  void LoadContext(const rules::RuleFile& file);

  EnglishWords english_;

  std::vector<EventType> types_;
  int answer_ = -1;
  PhraseIndex<TriggerInfo> triggers_;
  PhraseIndex<int> actors_;
  std::vector<Actor> actor_list_;
  PhraseIndex<std::uint32_t> context_;
  std::uint64_t serial_;  // this lexicon's, unique in the process (ContextMemo::lexicon)
  std::size_t longest_context_ = 1;
  // The first words of triggers_, actors_ and context_: most words start
  // none, and are turned away before they are hashed.
  WordFilter trigger_starts_, actor_starts_, context_starts_;
  // The classes of the context phrases by their first word's slot
  // (ContextSlot: its WordFilter key, as in Word::key, folded to 12 bits),
  // OR'ed.
  static constexpr std::size_t kContextStartSlots = 1u << 12;
  static std::size_t ContextSlot(std::uint16_t key) {
    return (key ^ (key >> 4u)) & (kContextStartSlots - 1);
  }
  std::vector<std::uint32_t> context_start_classes_ =
      std::vector<std::uint32_t>(kContextStartSlots, 0u);
};

// Whether two sets of actors may belong to one event: either is empty, or
// they share an actor or the country an actor acts for.
bool ActorsAgree(const std::vector<Actor>& a, const std::vector<Actor>& b);

}  // namespace whosaid::events
