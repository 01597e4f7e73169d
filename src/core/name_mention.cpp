#include "core/name_mention.h"

namespace whosaid::entities {

const char* ToString(MentionKind kind) {
  switch (kind) {
    case MentionKind::kPerson:
      return "person";
    case MentionKind::kOrganization:
      return "org";
    case MentionKind::kOperation:
      return "operation";
    case MentionKind::kAcronym:
      return "acronym";
    case MentionKind::kWord:
      return "word";
    case MentionKind::kName:
      return "name";
    case MentionKind::kPhrase:
      return "phrase";
  }
  return "word";
}

}  // namespace whosaid::entities
