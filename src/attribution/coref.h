// whosaid::attribution::Coref — in-document resolution of speakers.
//
// Input: the document's units and the speaker phrases of its claims, in text
// order. Output: for each claim, the resolved name, type, role, affiliation
// and a document-local entity id (P1, O2, G3; corpus-level ids come later).
//
// Sieves, most precise first:
//   1. a full name is itself; its role and affiliation come from any mention
//      in the document (appositions and premodifiers anywhere, not only in
//      attribution frames: "…between Egypt’s special representative for
//      Sudan, Mohammad Shafi, and …");
//   2. a surname alone (Soomro) → the full name seen earlier (Kamal Soomro),
//      the most recent when several share it;
//   3. a definite role (the spokesperson, the minister) → the last entity
//      holding that role;
//   4. he/she → the previous record's speaker when it is a person within
//      `max_pronoun_paragraphs`, else the last person named before it;
//      it → the last organisation; they → the last organisation or group;
//   5. an unresolved pronoun keeps its mention and gets no name (a name is
//      never a pronoun).
#pragma once

#include <string>
#include <vector>

#include "attribution/speaker.h"

namespace whosaid::attribution {

struct CorefConfig {
  std::size_t max_pronoun_paragraphs = 2;  // how far back "he added" may look for the last speaker
  std::size_t max_org_paragraphs = 8;  // how far back "the rebels said" may look for their group
};

struct ResolvedSpeaker {
  SpeakerPhrase phrase;  // as read; name/type/role/affiliation filled in by resolution
  std::string entity;    // "" for anonymous sources
};

class Coref {
 public:
  Coref(const CorefConfig& config, const SpeakerReader& reader);

  // `speakers[i]` is read at unit `cue_units[i]` (for pronoun recency).
  std::vector<ResolvedSpeaker> Run(std::string_view text, const segment::Tokens& tokens,
                                   const Shape& shape, const std::vector<SpeakerPhrase>& speakers,
                                   const std::vector<std::size_t>& cue_units) const;

 private:
  CorefConfig config_;
  const SpeakerReader& reader_;
};

}  // namespace whosaid::attribution
