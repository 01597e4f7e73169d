#include "core/record.h"

namespace whosaid {

const char* ToString(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kMixed:
      return "mixed";
    case QuoteKind::kIndirect:
      return "indirect";
  }
  return "direct";
}

const char* ToString(SpeakerType type) {
  switch (type) {
    case SpeakerType::kPerson:
      return "person";
    case SpeakerType::kOrganization:
      return "organization";
    case SpeakerType::kGroup:
      return "group";
    case SpeakerType::kAnonymous:
      return "anonymous";
  }
  return "person";
}

}  // namespace whosaid
