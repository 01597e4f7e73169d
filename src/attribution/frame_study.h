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

// Whether every match of a pattern starts right after a symbol of `set`: the
// pattern opens (groups with one alternative and no repeat opened) with a
// lookbehind of one literal or [class] that `set` holds, as "(?<=[|/])…"
// (the macro @START of frames.txt). False when it does not, or uses a form
// not read here.
bool StartsAfter(const std::string& pattern, const std::bitset<256>& set);

}  // namespace whosaid::attribution
