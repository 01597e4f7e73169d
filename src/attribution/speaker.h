// whosaid::attribution::SpeakerReader — reads a speaker phrase (the units a
// frame's spk group covers) into a mention, a name, a type, a role and an
// affiliation.
//
// Shapes it reads (symbols as in rules/frames.txt):
//   Hedayatullah Showarabani, spokesperson for Somalia’s Defence Ministry
//       name + apposition: role "spokesperson", affiliation after for/of/at
//   Egyptian diplomat Adel Fawzi Nassar      premodifiers: demonym → affiliation
//   Ministry spokesperson X / Foreign Minister X   role words before the name
//   General Farouk Nadim                     a title is the role when none other
//   Somalia’s Interior Ministry, the Ministry of Foreign Affairs (MoFA)
//       an organisation head → organization, named by the whole phrase
//   Army officials, security analysts        source noun → group
//   sources, reports, media                  source noun → anonymous (no name)
//   A spokesperson for the rebels            role only, indefinite → anonymous
//   the spokesperson                         role only, definite → resolved by coref
//   he, it, they                             pronoun → resolved by coref
//   Secretary of State Lena Ortiz, the commander of the Rapid Forces (RF)
//   Nasir Omar “Abu Layla”      a role with its portfolio or organisation,
//       then the name (the nickname is an alias, not part of the name)
//   Karim Haddad in a televised address      the name ends at a preposition
//   a statement issued by the Interior Ministry, the ministry's statement
//       a document (sources.txt) speaks for its author
//   the statement, her post                  its author, resolved by coref
//   the armed group                          an organisation described, resolved by coref
//   UNAMI, Baghdad                           acronym or capital → organization
// The mention is the phrase without its apposition; the name never holds a
// title, a determiner or a pronoun.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "attribution/frames.h"
#include "attribution/lexicon.h"
#include "attribution/shape.h"
#include "core/places.h"
#include "core/rules.h"
#include "segment/tokenizer.h"

namespace whosaid::attribution {

struct SpeakerPhrase {
  Span mention;      // bytes
  std::string name;  // "" when none (anonymous, role only, pronoun)
  SpeakerType type = SpeakerType::kPerson;
  std::string role;
  std::string affiliation;
  const Pronoun* pronoun = nullptr;  // set for he/she/it/they
  bool definite_role = false;        // "the spokesperson": resolve to a known entity
  std::string role_head;             // lower-case role noun, for that resolution
  bool rank_only = false;            // the role is only a rank or title (General, Lt Gen)
  std::string alias;                 // a nickname written after the name (“Abu Layla”)
  bool document = false;             // "the statement", "her post": its author speaks
  bool generic_org = false;          // "the armed group": an organisation described, not named
  std::string generic_head;          // its head noun, lower case (group, rebels)
};

// The words a phrase is read by are the lexicon's; these bound where.
struct SpeakerConfig {
  // "the RSF statement", "a statement issued by the ministry": a document
  // noun among a phrase's first this many units makes the document speak …
  std::size_t document_noun_units = 4;
  // … for the author named after "by"/"from" at most this many units after it.
  std::size_t author_after_document_units = 2;
};

class SpeakerReader {
 public:
  // Reads with the rule set's shared Lexicon and Places (capitals and
  // countries as speakers, demonyms): `rules` must outlive the reader.
  explicit SpeakerReader(const SpeakerConfig& config, const rules::RuleSet& rules);

  // Reads the speaker phrase `range` (the entry point; ReadApposition and the
  // look-ups below serve coreference).
  SpeakerPhrase Run(std::string_view text, const segment::Tokens& tokens, const Shape& shape,
                    UnitRange range) const;

  // Reads an apposition or a role phrase standing apart from the name
  // ("spokesperson for X", "Egypt’s special representative for Y") into
  // `out`'s role and affiliation (kept when already set).
  void ReadApposition(std::string_view text, const segment::Tokens& tokens, const Shape& shape,
                      UnitRange range, SpeakerPhrase& out) const;

  bool IsPlace(std::string_view name) const { return places_.IsPlace(name); }
  bool IsDemonym(std::string_view word) const { return places_.IsDemonym(word); }

  const Lexicon& lexicon() const { return lexicon_; }

 private:
  bool ReadDocument(std::string_view text, const segment::Tokens& tokens, const Shape& shape,
                    UnitRange main, SpeakerPhrase& out) const;

  SpeakerConfig config_;
  const Lexicon& lexicon_;
  const rules::Places& places_;
};

}  // namespace whosaid::attribution
