// whosaid::Partial — one document as the map step hands it to the corpus
// stage (run/corpus_run.h): everything the corpus stages and the outputs
// need of it, and no document text. Partials of different processes,
// threads or machines combine into the output of one run (`whosaid merge`);
// their serialised form is core/partial_codec.h (docs/partial.md).
//
//   ordinal  the order key: the document's place in the input of the run,
//            from RunConfig::first_ordinal (a shard is given the first
//            ordinal of its slice); ordinals need only increase in input
//            order, gaps are fine. The corpus stage adds partials ordered by
//            (ordinal, document id), whatever order they came in.
//   doc      metadata (id, outlet, url, date, source); `text` is empty
//   bytes, codepoints   the length of the text, in bytes and code points
//   pieces   the text under every span the outputs and the claims stage
//            read (quote, cue, speaker mention of each record, each
//            figure), snapped to characters, overlapping spans joined: each
//            piece with its byte and code-point offsets
//   quotes   the quote records, speakers with document-local names (byte
//            offsets, as the pipeline made them)
//   events   the document's events (core/doc_events.h)
//   figures  the figures it states (core/figure.h)
//   names    the entity stage's inputs from this document
//            (resolve/entity_resolver.h, EntityResolver::Names): the names
//            with their context, the forms they are written in, the
//            capitalised words that may be short forms, and each record's
//            name input — computed from the text by the mapper, so the
//            corpus stage never needs the text.
//
// Skeleton(p) rebuilds a Document whose text has every piece at its byte
// offset and filler characters elsewhere with the same byte and code-point
// counts: code that reads only those spans (every sink, the claims stage)
// sees exactly what it saw in the original text.
//
// Example
//   Partial p = run::MakePartial(doc, pipeline.Run(doc), resolver, 7);
//   Document skeleton = Skeleton(p);   // skeleton.text.size() == doc.text.size()
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/doc_events.h"
#include "core/document.h"
#include "core/entity_table.h"
#include "core/figure.h"
#include "core/record.h"

namespace whosaid {

// What an entity is; entity ids take its prefix (P, O, G, X).
enum class NameKind { kPerson, kOrganization, kGroup, kOperation };

// One name of a document as the entity stage clusters it.
struct PartialName {
  std::string name;
  NameKind kind = NameKind::kPerson;
  bool acronym = false;                          // an acronym the text defines or uses
  bool speaker = false;                          // a quote record's speaker
  bool opaque = false;                           // a clause taken for a name: matches no other form
  std::vector<std::string> roles, affiliations;  // context for the matcher
  std::vector<std::string> same_as;              // names the text says are this one
  std::vector<std::string> distinct_from;        // names the document keeps apart from it
  std::vector<resolve::EntityRole> stated;       // one per record or mention stating a role
  bool operator==(const PartialName&) const = default;
};

// A form a name is written in, and how often in the document.
struct PartialForm {
  std::uint32_t input = 0;  // index into PartialNames::inputs
  std::string form;
  std::size_t count = 1;
  bool operator==(const PartialForm&) const = default;
};

// A capitalised word or phrase that names an entity only if the run knows it.
struct PartialCandidate {
  std::string word;
  bool phrase = false;     // several words: joins only an organisation known by that key
  bool in_phrase = false;  // a word of a phrase, not a name alone
  bool name = false;       // a person's name with no role
  bool operator==(const PartialCandidate&) const = default;
};

struct PartialNames {
  std::vector<PartialName> inputs;
  std::vector<PartialForm> forms;
  std::vector<PartialCandidate> candidates;
  std::vector<std::ptrdiff_t> record_input;  // per quote record: index into inputs, or -1
  bool operator==(const PartialNames&) const = default;
};

// Bytes of the text at `byte` (code point `codepoint`).
struct TextPiece {
  std::size_t byte = 0;
  std::size_t codepoint = 0;
  std::string text;
  bool operator==(const TextPiece&) const = default;
};

struct Partial {
  std::uint64_t ordinal = 0;
  Document doc;  // no text
  std::size_t bytes = 0, codepoints = 0;
  std::vector<TextPiece> pieces;  // sorted by byte, disjoint
  std::vector<QuoteRecord> quotes;
  events::DocEvents events;
  std::vector<claims::Figure> figures;
  PartialNames names;
  // In-process only, never serialised: what the consumer's hook made of the
  // document on the worker thread that mapped it (run/runner.h,
  // RunConfig::prepare; the corpus run's claims summary), for the consumer.
  std::shared_ptr<void> prepared;
};

// The pieces of `text` under `spans` (clamped to the text, widened to
// character boundaries, overlapping or touching spans joined).
std::vector<TextPiece> TextPieces(const std::string& text, std::vector<Span> spans);

// TextPieces and the text's code-point count from one pass over `text`
// (the map step's, run::MakePartial): the code points are counted between
// the sorted piece starts, as text::CountCodepoints counts them (the bytes
// that do not continue a character, so invalid UTF-8 counts as before);
// each piece's `codepoint` equals text::CodepointIndex(text).ToCodepoint(byte)
// and `codepoints` equals text::CountCodepoints(text).
struct CutText {
  std::vector<TextPiece> pieces;
  std::size_t codepoints = 0;
};
CutText CutPieces(const std::string& text, std::vector<Span> spans);

// Every span the outputs and the claims stage read of a result.
std::vector<Span> ReadSpans(const std::vector<QuoteRecord>& quotes,
                            const std::vector<claims::Figure>& figures);

// A Document with `p`'s metadata and a text of p.bytes bytes and
// p.codepoints code points holding every piece at its offset (see above).
Document Skeleton(const Partial& p);

// Orders partials as one run adds them: by ordinal, then document id.
inline bool InputOrder(const Partial& a, const Partial& b) {
  return a.ordinal != b.ordinal ? a.ordinal < b.ordinal : a.doc.id < b.doc.id;
}

}  // namespace whosaid
