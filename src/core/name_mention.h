// whosaid::entities::NameMention — a name a document mentions, speaking or
// not, as the per-document pipeline hands it to the corpus-level entity
// stage (entities/mentions.h finds them; resolve/entity_resolver.h clusters
// them). A plain value: byte spans into the document text.
//
// Example (an invented sentence)
//   "The UN Assistance Mission in Iraq (UNAMI) said" →
//     {org "UN Assistance Mission in Iraq", same_as 1}, {acronym "UNAMI", same_as 0}
#pragma once

#include <cstddef>
#include <string>

#include "core/record.h"

namespace whosaid::entities {

// kWord: a capitalised word in no other mention; kPhrase: a run of capitalised
// words that is no other mention ("Iraqi Ansar"); kName: two to four name
// words with no role near them ("headed by Yusuf Kamali") — all candidates
// the corpus stage keeps only when they name an entity it knows.
enum class MentionKind { kPerson, kOrganization, kOperation, kAcronym, kWord, kPhrase, kName };

const char* ToString(MentionKind kind);  // person, org, operation, acronym, word, phrase, name

struct NameMention {
  Span span;         // bytes into the text
  std::string text;  // as written, without a leading "the" or a possessive
  MentionKind kind = MentionKind::kWord;
  std::string role;             // person: the role or title next to the name, lower case
  std::string owner;            // organisation: the place the text leaves implicit
  std::ptrdiff_t same_as = -1;  // acronym ↔ expansion: index of the other mention
};

}  // namespace whosaid::entities
