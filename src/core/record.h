// whosaid::QuoteRecord — one piece of reported speech, as the per-document
// pipeline produces it and the output sinks write it.
//
// Contract
//   All spans are byte offsets into Document::text, end exclusive. Sinks turn
//   them into code points (core/text.h) and take the span texts from the
//   document, so `quote.text == text[start:end]` holds by construction.
//   Field meanings follow ../shared/spec/output.md (copied in docs/output.md):
//     quote    direct: the words inside the marks, marks excluded;
//              mixed: the whole reported clause, marks included;
//              indirect: the complement clause, without the cue or "that".
//     cue      the speech verb or phrase; absent when the speaker is inferred.
//     speaker  absent when no source could be found. `name` is the resolved
//              full name (never a pronoun), empty for anonymous sources;
//              `entity` is empty for anonymous sources.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace whosaid {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return end <= begin; }
  std::size_t size() const { return end > begin ? end - begin : 0; }
  bool operator==(const Span&) const = default;
};

enum class QuoteKind { kDirect, kMixed, kIndirect };
enum class SpeakerType { kPerson, kOrganization, kGroup, kAnonymous };

const char* ToString(QuoteKind kind);
const char* ToString(SpeakerType type);

struct Speaker {
  std::string entity;  // "" → null (anonymous sources)
  std::string name;    // resolved full name; "" → null
  Span mention;        // the words the attribution rests on
  SpeakerType type = SpeakerType::kPerson;
  std::string role;         // "" → null
  std::string affiliation;  // "" → null
};

struct EventRef {
  std::string id;
  std::string type;
  std::vector<std::string> where;
  std::string when;  // "" → null
  std::string label;
};

// The statement a record reports (claims/statements.h): records of one
// speaker that report the same statement share the id; `appearances` counts
// the documents that carry it.
struct StatementRef {
  std::string id;  // "S3"
  int appearances = 0;
};

struct QuoteRecord {
  Span quote;
  QuoteKind kind = QuoteKind::kDirect;
  std::optional<Span> cue;
  std::optional<Speaker> speaker;
  std::optional<EventRef> event;
  std::optional<StatementRef> statement;  // set by the claims stage
  double confidence = 0.5;
  std::string rule;  // the frame or sieve that produced it (for --explain)
};

}  // namespace whosaid
