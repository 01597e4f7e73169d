// whosaid::events::MentionFinder — the event mentions of one sentence: each
// trigger (rules/events/triggers.txt) with its type, its arguments (places,
// actors, a date) and what kind of mention it is.
//
// Input: the document's Words, a sentence, the document's date anchor.
// Output: the mentions in text order. A mention is
//   generic     counted, listed or spread over a span ("856 attacks so far",
//               "several airstrikes", "such as air strikes"): no one event;
//   reference   it names an event without saying anything new about it ("the
//               raids", "these strikes", "the operation", an anaphor such as
//               "this shameful act", the event a response answers): the
//               document-level grouping ties it to an event named before;
//   answered    the event a response answers ("in response to the airstrikes");
//   background  named to place another ("after an attack on a post");
//   unreal      threatened, promised, possible ("may promise retaliation").
// Arguments: places from the gazetteer after a locative preposition (or a
// place-like capitalised name there), a place before the trigger ("Nineveh
// airstrikes"), the object of an attack verb ("bombed Tyre, killing …"),
// the country of a target ("targeted Syrian troops"), a part of a country
// said by its kind ("in the coastal region");
// actors before the trigger or after "by"; the nearest date, else the
// sentence's date.
//
// Contract: a pure function of its inputs; thread-safe.
//
// Example
//   MentionFinder finder(rules, lexicon, gazetteer, dates);
//   auto ms = finder.Run(words, sentence, anchor);
//   // "Turkey carried out airstrikes in Nineveh on Tuesday."
//   // → {type airstrike, places {Nineveh}, actors {Turkey}, date Tuesday}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "events/calendar.h"
#include "events/dates.h"
#include "events/gazetteer.h"
#include "events/lexicon.h"
#include "events/words.h"
#include "segment/title_case.h"

namespace whosaid::events {

struct PlaceRef {
  int id = -1;        // a gazetteer place; -1 for a name the gazetteer lacks
  std::string name;   // that name
  int parent = -1;    // for such a name: the gazetteer place it lies in, if said
  bool near = false;  // "near X": close to, not at
  bool operator==(const PlaceRef&) const = default;
};

struct Mention {
  std::size_t first = 0;  // trigger words
  std::size_t end = 0;
  std::uint32_t sentence = 0;
  std::uint32_t paragraph = 0;
  int type = -1;
  TriggerClass cls = TriggerClass::kNoun;
  bool generic = false;
  bool reference = false;
  bool answered = false;
  bool background = false;
  bool unreal = false;
  bool setting = false;  // where words were spoken ("said during a visit to Doha")
  bool dependent =
      false;  // nothing in its sentence says it was armed: only ever names an event named before
  std::vector<PlaceRef> places;
  std::vector<Actor> actors;
  std::optional<DateRange> date;
  std::string head;  // the trigger's last word, lower case
};

struct MentionConfig {
  // A sentence of four or more words, seven in ten capitalised, is a headline.
  segment::TitleCaseConfig headline{4, 70};
  // Windows, in word tokens:
  std::size_t quoted_trigger_words = 6;  // a trigger read across quotation marks ("took “full
                                         // control”"): words looked at
  std::size_t context_phrase_words = 4;  // the longest context phrase (context.txt) before a word
  std::size_t max_modifiers = 4;         // numbers, possessives, modifiers a noun trigger takes in
  std::size_t figurative_before_words = 2;  // a figurative word this near before the noun phrase
                                            // drops it ("political attacks")
  std::size_t unreal_before_words = 4;  // an unreal word this near before, in the clause ("would")
  std::size_t response_object_words = 6;   // a response marker's object starts this near after it
  std::size_t facility_after_words = 2;    // a facility word this near after a capital makes it a
                                           // site's ("Kiru international airport"), not an actor
  std::size_t possessive_place_words = 3;  // after "COUNTRY's": a place or scheduled event this
                                           // near makes the country a place, not an actor
  std::size_t place_modifier_words = 3;    // lower-case words walked back from a place to its
                                           // preposition ("in the northern border provinces of")
  std::size_t demonym_target_words =
      2;  // a target word this near after a demonym ("Syrian troops")
  std::size_t demonym_trigger_words = 6;  // … and the demonym this near after a trigger: a place
  std::size_t max_unknown_place_words = 3;  // capitalised words of a place not in the gazetteer
  std::size_t generic_date_words =
      3;  // a span ("so far", "in 2024") this near speaks for a mention
  std::size_t opening_place_words = 3;  // a place this near the sentence start opens it
  std::size_t agent_words = 3;          // an actor this near after "by" is the agent
  std::size_t subject_words = 8;        // an actor ending this near before the noun phrase: subject
};

class MentionFinder {
 public:
  MentionFinder(const EventLexicon& lexicon, const Gazetteer& places, const DateFinder& dates,
                const MentionConfig& config = {});

  // The mentions of sentence `s` of `words`. A date that ends at or before
  // word `dateline_end` is the document's dateline (DateFinder::Dateline):
  // when it was written, so a mention takes it only when its sentence gives
  // no other date ("DAMASCUS, November 6, 2024 — Drones bombed Afrin late on
  // Tuesday": the Tuesday).
  // `lead`: the sentence is in the document's lead (story.h), where a verb
  // reports news: never only a reference back ("Khan has been arrested").
  // `first_trigger`: FirstTrigger's answer, when asked (no trigger starts
  // before it: the search for them starts there, the same mentions found).
  std::vector<Mention> Run(const Words& words, std::size_t s,
                           const std::optional<DateRange>& anchor, std::size_t dateline_end = 0,
                           bool lead = false, std::size_t first_trigger = 0) const;

  // The first word of sentence `s` where a trigger, quoted or not, starts
  // (words.sentences[s].end when none does): a cheap test before Run.
  std::size_t FirstTrigger(const Words& words, std::size_t s) const;
  // Whether the sentence holds a trigger.
  bool HasTrigger(const Words& words, std::size_t s) const {
    return FirstTrigger(words, s) < words.sentences[s].end;
  }
  // Whether the words [begin, end) hold a border word (context.txt).
  bool HasBorderWord(const Words& words, std::size_t begin, std::size_t end) const;

 private:
  struct Sentence;
  void FindTriggers(Sentence& s, std::size_t from) const;
  void ReadNounPhrases(Sentence& s) const;
  void FindObjects(Sentence& s) const;
  void Respond(Sentence& s) const;
  void FindPlaces(Sentence& s) const;
  std::size_t ObjectStart(const Sentence& s, std::size_t k) const;
  bool ObjectOfArmedVerb(const Sentence& s, std::size_t k) const;
  std::size_t UnknownPlace(Sentence& s, std::size_t i) const;
  void DescribedPlaces(Sentence& s) const;
  void FindActors(Sentence& s) const;
  void AttachDates(Sentence& s) const;
  std::optional<DateRange> Scheduled(const Sentence& s, int type, const DateMention& dm) const;
  void Classify(Sentence& s) const;
  bool AimedAtPerson(const Sentence& s, std::size_t k) const;
  bool Armed(const Sentence& s, bool places = true) const;

  const EventLexicon& lex_;
  const Gazetteer& places_;
  const DateFinder& dates_;
  MentionConfig config_;
};

}  // namespace whosaid::events
