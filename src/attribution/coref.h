// whosaid::attribution::Coref — in-document resolution of speakers.
//
// Input: the document's units and the speaker phrases of its claims, in text
// order. Output: for each claim, the resolved name, type, role, affiliation
// and a document-local entity id (P1, O2, G3; corpus-level ids come later).
//
// Every person the document names is known with every mention (full names,
// then their words alone: "Soomro" after "Kamal Soomro"; aliases: "known
// as", a nickname after the name; words without a joined particle:
// "Tamimi" for "al-Tamimi"). Sieves, most precise first:
//   1. a full name is itself; its role and affiliation come from any mention
//      in the document (appositions and premodifiers anywhere, not only in
//      attribution frames: "…between Egypt’s special representative for
//      Sudan, Mohammad Shafi, and …"); a role that is only a rank (General)
//      gives way to a function;
//   2. a surname alone (Soomro) → the person already quoted whose name holds
//      it (the current speaker of a quotation chain), else the person named
//      last before it holding it, else the first named after it;
//   3. a definite role (the spokesperson, Tarsa's foreign minister) → the
//      person holding that role mentioned last, else the first named after
//      it; nobody → the previous record's speaker within
//      `max_pronoun_paragraphs`, else the last person named;
//   4. a document (the statement added, her post) → the previous record's
//      speaker within `max_pronoun_paragraphs`;
//   5. an organisation described (the army) → the organisation quoted last
//      whose name holds that noun; members of one (the rebels) → the
//      organisation or named group quoted last, within `max_org_paragraphs`;
//   6. he/she → the previous record's speaker when it is a person within
//      `max_pronoun_paragraphs`, else the last person mentioned before it;
//      it → the last organisation; they → the last organisation or group;
//   7. an unresolved pronoun keeps its mention and gets no name (a name is
//      never a pronoun).
// At the end every record of a person gets the role learnt anywhere.
//
// Before any sieve, a name is cleaned (rules/speaker_names.txt): clause
// openers, titles and pre-name descriptors in front of it go ("When Ana
// Ruiz", "Sen. Ana Ruiz", "Billionaire Ana Ruiz" are Ana Ruiz; a descriptor
// is kept as the role when none is stated); a name holding a pronoun is that
// pronoun ("When I", "… in Lisbon. He"); a place is no person ("the Lisbon
// businessman" is a businessman); an outlet is an organisation; a
// sentence-initial word the document also writes in lower case is no name
// ("Participants will discuss"); the addressee of a tell cue ("told X") is
// not the speaker: the current speaker is. Agreement: he/she never resolve
// to a person whose first name, honorific or role (rules/speaker_names.txt)
// says the other gender, and pronouns take only persons. A surname that
// several persons of the document bear resolves to the current speaker when
// that is one of them, else to the bearer introduced last (not inside an
// of/for complement when another is), never by string match alone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "attribution/speaker.h"
#include "core/flat_map.h"

namespace whosaid::attribution {

struct CorefConfig {
  std::size_t max_pronoun_paragraphs = 2;  // how far back "he added" may look for the last speaker
  std::size_t max_org_paragraphs = 8;     // how far back "the rebels said" may look for their group
  std::size_t max_premodifier_units = 6;  // words a mention takes in before a name (the envoy X)
  std::size_t max_apposition_before_units = 28;  // a noun phrase before ", NAME" (its role)
  std::size_t max_alias_units = 4;               // an alias phrase after a name (widely known as)
  std::size_t max_apposition_after_units = 16;   // an apposition after "NAME," (its role)
  std::size_t max_agreement_mentions = 64;  // people a pronoun looks back over for one agreeing
  // How speaker phrases are read: by coreference around the names it finds,
  // and by the pipeline's speaker step (the same setting for both).
  SpeakerConfig speaker;
};

// rules/speaker_names.txt (format there) and the place names of
// places.txt and events/gazetteer.txt, lower case.
//
// One table of every word with the lists it is in (a bit each): a word
// asked of several lists (a name: place, group, demonym, outlet, not a
// name; a first name: female, male) is hashed and probed once, not once
// per list. In(w, l) is exactly "l's list holds w".
struct SpeakerNames {
  explicit SpeakerNames(const rules::RuleSet& rules);
  enum List : std::uint16_t {
    kOpener = 1 << 0,
    kDescriptor = 1 << 1,
    kOutlet = 1 << 2,
    kAddresseeVerb = 1 << 3,
    kFemaleName = 1 << 4,
    kMaleName = 1 << 5,
    kFemaleWord = 1 << 6,
    kMaleWord = 1 << 7,
    kPlaceHead = 1 << 8,
    kGroupName = 1 << 9,
    kPlace = 1 << 10,
    kDemonym = 1 << 11,
    kModifierOpener = 1 << 12,
    kNotName = 1 << 13,
  };
  // The lists holding `word` (List bits; 0: none), with one probe
  // (core/flat_map.h: views, no std::string per probe).
  std::uint16_t Lists(std::string_view word) const {
    const std::uint16_t* lists = lists_.Find(word);
    return lists ? *lists : 0;
  }
  bool In(std::string_view word, List list) const { return (Lists(word) & list) != 0; }
  void Add(std::string_view word, List list);

 private:
  FlatMap<std::uint16_t> lists_;
};

struct ResolvedSpeaker {
  SpeakerPhrase phrase;  // as read; name/type/role/affiliation filled in by resolution
  std::string entity;    // "" for anonymous sources
};

class Coref {
 public:
  // Reads phrases with its own SpeakerReader(config.speaker, rules); `rules`
  // must outlive it (the reader keeps the rule set's shared Lexicon). Throws
  // ConfigError on a bad speaker_names.txt.
  Coref(const CorefConfig& config, const rules::RuleSet& rules);

  // `speakers[i]` is read at unit `cue_units[i]` (for pronoun recency).
  std::vector<ResolvedSpeaker> Run(std::string_view text, const segment::Tokens& tokens,
                                   const Shape& shape, const std::vector<SpeakerPhrase>& speakers,
                                   const std::vector<std::size_t>& cue_units) const;

 private:
  CorefConfig config_;
  SpeakerReader reader_;
  SpeakerNames names_;
};

}  // namespace whosaid::attribution
