// whosaid::attribution frame study — what a frame's pattern (rules/frames.txt,
// macros expanded) proves about its matches, read from the pattern text once
// at load time, so that Frames::Run can leave out searches that cannot match.
//
// Contract: pure functions of the pattern text; a form they do not read makes
// them prove nothing (never a wrong proof). Both read the subset of PCRE2
// syntax the frames use: literals, escapes of punctuation, [classes], '.',
// groups ((?:…), (?<name>…), (…)), lookarounds and the repeats ? * + {m,n}
// (lazy or possessive too).
//
// Example
//   RequiredSymbols("(?<spk>N+),?(?<cue>[VT])\\.?\\|(?<q>Q)", alphabet)
//     → sets {N} {V T} {Q}, one crossing
//   CueSuffix("(?<spk>N+)(?<cue>[VT])(?<content>(?=i)[^|/]{1,400}?)")
//     == "(?<cue>[VT])(?=i)"
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <vector>

#include "attribution/alphabet.h"

namespace whosaid::attribution {

// What RequiredSymbols proves of every match of a frame's pattern: the
// symbol sets it takes one symbol of each (a literal or a [class] that the
// match must take: not in a lookaround or an optional repeat of its own or
// an enclosing group; of a group of alternatives, the union of one set of
// each alternative, its smallest: "(?:[VB]|(?<=x)[vb])" takes one of VBvb),
// and how many boundary symbols (| or /)
// it takes at most: the literals and classes that can take one, each at most
// once (so "\\|?" counts 1). Then every match lies in at most crossings + 1
// stretches between boundaries, which together hold a symbol of each set.
// Proves nothing (no sets) when a boundary can be taken any number of times
// (a '.', a repeated class holding one, a repeated group that takes one), or
// the pattern uses a form not read here (an escape of a letter, (?…) other
// than groups and lookarounds).
// "(?<spk>@SPK),?(?<cue>[VT])\\.?\\|(?<q>Q)" → {V T}, {Q}, @SPK's own sets;
// one crossing.
struct Required {
  std::vector<std::bitset<256>> sets;  // empty: nothing proved
  std::size_t crossings = 0;
};
Required RequiredSymbols(const std::string& pattern, const ShapeAlphabet& alpha);

// A part that may take or look at more than this many symbols ends a cue suffix.
inline constexpr std::size_t kCueSuffixMostSymbols = 30;

// What a frame's pattern must match from the start of its cue group on: a
// pattern that matches, anchored at a symbol, wherever a match of the frame
// has its cue group start. It is the cue group and the parts that follow it
// in sequence, up to the first part that may take or look at more than
// kCueSuffixMostSymbols symbols (the content, mostly), which is left out with
// everything after it. Groups around the cue group and after it are opened
// when they have one alternative, no repeat and are no lookaround: their
// parts stand in the sequence. A match of the frame with its cue group at c
// takes from c a path whose beginning the suffix matches, so where the suffix
// matches nowhere anchored, no match of the frame has its cue. "" when there
// is none: the cue group stands inside alternatives, a repeat or a
// lookaround; the pattern uses a form not read here; or nothing that must
// match follows the cue group (its own symbols, which Run already checks,
// say all it would).
std::string CueSuffix(const std::string& pattern);

// At most this many repeats of one part, and this many alternatives in all,
// in a cue lead (CueLead).
inline constexpr std::size_t kCueLeadMostRepeats = 3;
inline constexpr std::size_t kCueLeadMostAlternatives = 64;

// What must stand right before a frame's cue group: a lookbehind
// "(?<=A|B|…)", each alternative a fixed run of symbols ([classes]), that
// holds wherever a match of the frame has its cue group start. Read back from
// the cue group (found as CueSuffix finds it, groups of one alternative
// opened) over the parts right before it: literals and [classes] of printable
// ASCII, and groups whose alternatives are each one of them, repeated at most
// kCueLeadMostRepeats times (and other groups, with every run of symbols
// they may take, read so too: "(?:e(?:y|Dk))?" → "", "[e][y]", "[e][D][k]");
// a lookahead or a negative lookbehind among them
// takes no symbol and is passed over (leaving its condition out only admits
// more); a lookbehind of one literal or class is the lead's last part, one
// symbol. A plain group (no repeat, no lookaround) some alternative of which
// is not read whole is read alternative by alternative, each back as far as
// it goes (the runs it must end with), and is the lead's last part:
// "(?:(?<=[|/,])@NP x|(?<=w)x{1,2})" → "[x]", "[w][x]", "[w][x][x]". It
// stops at the first other part, and before a part that would make
// more than kCueLeadMostAlternatives alternatives. "" when there is none or
// every part read may match empty (the lead would say nothing). The runs
// of one length are one alternative of the lookbehind, their common
// beginnings written once (PCRE2 tries a lookbehind's alternatives in turn:
// a failing one costs one class per length, not one per run).
// "(?<=Q),?-?\|?(?<cue>[VT])(?<spk>N+)" → "(?<=[Q]|[Q](?:[\,]|[\-]|[\|])|…)" (8 runs);
// "(?<content>[^|/]{1,60}?[QqW]),?(?<cue>V)" → "(?<=[QWq]|[QWq][\,])".
std::string CueLead(const std::string& pattern);

// Whether every match of a pattern starts right after a symbol of `set`: the
// pattern opens (groups with one alternative and no repeat opened) with a
// lookbehind of one literal or [class] that `set` holds, as "(?<=[|/])…"
// (the macro @START of frames.txt). False when it does not, or uses a form
// not read here.
bool StartsAfter(const std::string& pattern, const std::bitset<256>& set);

// A lookahead with at least this many alternatives gets a filter
// (FilteredLookaheads).
inline constexpr std::size_t kFilteredAlternatives = 4;

// The pattern with a one-class lookahead "(?=[S])" put before every
// lookahead "(?=…)" of kFilteredAlternatives or more alternatives, S the
// symbols that any match of that lookahead's alternatives starts with:
// PCRE2 tries each alternative in turn, so a lazy repeat followed by such a
// lookahead (the content's end, @END of frames.txt) tried it, alternative by
// alternative, at every step; the filter fails at once on a symbol none
// starts with. Every match of the lookahead consumes a first symbol in S, so
// the pattern matches the same text with the same groups. A lookahead left
// as it is: one that may match empty, takes '.', a character of several
// bytes or one that is not printable ASCII first, or is nested in a
// lookbehind; the whole pattern is returned unchanged when it uses a form
// not read here. The class escapes every member but letters and digits:
// "[^|/]{1,9}?(?=,a|[.:;]?[|/]|;|,[um])"
//   → "[^|/]{1,9}?(?=[\\,\\.\\/\\:\\;\\|])(?=,a|[.:;]?[|/]|;|,[um])"
std::string FilteredLookaheads(const std::string& pattern);

// The studies above of one pattern, read into parts once (what the frames'
// loading asks of each pattern): CueSuffix(pattern), StartsAfter(pattern,
// boundaries) and FilteredLookaheads(pattern); and `cue_search`, what
// matches, anchored at a symbol, wherever a match of the frame has its cue
// group start: CueLead(pattern) followed by CueSuffix(pattern), or by the cue
// group alone when there is a lead and no suffix ("" when there is neither).
// `before_cue`: the symbols that may stand right before a match of
// cue_search, the last symbol of each run of its lead (every one the lead's
// lookbehind admits: a match of cue_search starts right after one); all
// symbols when there is no lead. `after_cue`: when every match of the cue
// group takes one symbol, the symbols that may follow it in a match of
// cue_search (every match of cue_search takes one right after its first
// symbol); all symbols when that is not known.
struct FrameStudy {
  std::string cue_suffix;
  std::string cue_search;
  std::bitset<256> before_cue = std::bitset<256>().set();
  std::bitset<256> after_cue = std::bitset<256>().set();
  bool starts_after = false;
  std::string filtered;
};
FrameStudy StudyFrame(const std::string& pattern, const std::bitset<256>& boundaries);

}  // namespace whosaid::attribution
