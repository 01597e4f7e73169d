// whosaid::attribution::Frames — the attribution frames of rules/frames.txt,
// compiled, matched over a document's shape string, and resolved into claims.
//
// Contract: built once (throws ConfigError with "frames.txt:LINE: …" on a bad
// frame or macro), immutable and thread-safe. Run() matches every frame over
// the whole shape string (PCRE2, JIT), then accepts matches in frame order: a
// quotation is claimed by the first frame that takes it, content may not
// overlap content already claimed, and a frame whose NEEDS flag the cue lacks
// is skipped. Claims come back in text order. A claim of a frame with a
// (?<chain>) group takes the speaker of the claim before it in the same
// sentence, when there is one ("“…,” he said, adding that …").
//
// Example
//   Frames frames(FramesConfig{}, rules);
//   for (const Claim& c : frames.Run(shape)) ...   // c.quote_unit, c.speaker …
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "attribution/alphabet.h"
#include "attribution/shape.h"
#include "core/regex.h"
#include "core/rules.h"

namespace whosaid::attribution {

// A range of units [begin, end); empty when begin == end.
struct UnitRange {
  std::size_t begin = 0, end = 0;
  bool empty() const { return end <= begin; }
  std::size_t size() const { return end > begin ? end - begin : 0; }
};

struct Claim {
  std::string frame;    // frame id
  bool direct = false;  // a quote frame (one quotation unit)
  UnitRange speaker;    // the speaker phrase (may hold an apposition)
  UnitRange cue;
  UnitRange content;   // for direct frames: the quotation unit
  bool chain = false;  // the frame has a (?<chain>) group: see rules/frames.txt
};

// What a frame matches is rules/frames.txt; these bound the checks on a
// claim's content after a match.
struct FramesConfig {
  // A bare complement reads as a clause when a verb-like unit stands among
  // its first this many units ("said the raids occurred"; not "adds another
  // layer").
  std::size_t clause_verb_units = 8;
  // "confirmed that observation": content of at most this many units after
  // "that", opening with a noun and with no verb, is a demonstrative's
  // object, no reported clause.
  std::size_t demonstrative_units = 4;
  // "…, said the UN.": after a comma, content of at most this many units, no
  // verb, ending the sentence, names the source of what came before (an
  // inversion), not what was said.
  std::size_t inverted_content_units = 4;
};

class Frames {
 public:
  Frames(const FramesConfig& config, const rules::RuleSet& rules);
  std::vector<Claim> Run(const Shape& shape) const;

  // The ids of the frames that claim content in `shape_string`, in text order,
  // joined by blanks ("" when none); cue flags are not checked (used by the
  // examples test).
  std::string ClaimIds(const std::string& shape_string) const;

 private:
  struct Frame {
    std::string id;
    bool direct = false;
    std::string needs;  // "", "bare" or "object"
    Regex regex;        // over the shape string's bytes (Regex::Subject::kBytes), as after_cue
    int spk = -1, cue = -1, q = -1, content = -1, chain = -1;
    // When the pattern proves that every match takes at most `crossings`
    // boundaries (| or /): symbol sets such that every match takes one
    // symbol of each (the cue group's class, literals outside optional
    // parts, of alternatives the union of one set each); empty otherwise
    // (see RequiredSymbols in frames.cpp). Run() searches only for matches
    // starting where the next crossings + 1 stretches between boundaries
    // hold them.
    std::vector<std::bitset<256>> required = {};
    std::size_t crossings = 0;
    // `required` as bits of Frames::symbol_sets_ (one bit per distinct set)
    std::uint64_t needs_sets = 0;
    // FrameStudy::cue_search of the pattern (frame_study.h: its CueLead,
    // what must stand right before the cue group, then its CueSuffix),
    // compiled; null when there is none. Run() searches only for matches
    // starting at or before the last position of their stretches where it
    // matches.
    std::unique_ptr<Regex> after_cue = nullptr;
    // Every match starts right after a boundary (StartsAfter, frame_study.h:
    // "(?<=[|/])…"): one that takes none starts where its stretch does.
    bool after_boundary = false;
    // The Cue flag NEEDS asks for (bare, object, to, wh, of, loose; null for
    // none or clause): a match whose cue unit has a cue lacking it fails
    // Accept whatever its speaker and content, so Run() leaves such cue
    // positions out of the ones after_cue finds.
    bool Cue::*needs_flag = nullptr;
  };
  static void ChainSpeakers(const Shape& shape, std::vector<Claim>& claims);
  void IndexRequiredSets();  // fills symbol_sets_ and each Frame::needs_sets
  static void DropCrossing(std::vector<Claim>& claims);
  void DropAfterOwnQuote(const Shape& shape, std::vector<Claim>& claims) const;
  std::optional<Claim> Accept(const Frame& frame, const Regex::Match& match, const Shape& shape,
                              std::vector<char>& taken) const;
  std::vector<Frame> frames_;
  // The distinct required sets of all frames, at most 64 (a frame whose set
  // finds no bit left is searched over the whole string): for each symbol,
  // the bits of the sets that hold it. Run() ORs them per stretch, so which
  // stretches can hold a frame's match is one AND per frame and stretch.
  std::array<std::uint64_t, 256> symbol_sets_ = {};
  FramesConfig config_;
  ShapeAlphabet alphabet_;  // rules/shape_classes.txt
};

}  // namespace whosaid::attribution
