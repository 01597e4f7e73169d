#include "attribution/frames.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "attribution/frame_study.h"

namespace whosaid::attribution {
namespace {

bool IsMacroChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Replaces every @NAME by (?:BODY); unknown macros are errors.
std::string Expand(const std::string& pattern, const std::map<std::string, std::string>& macros,
                   const rules::RuleFile& file, const rules::RuleLine& line) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '@' || i + 1 >= pattern.size() || !IsMacroChar(pattern[i + 1])) {
      out.push_back(pattern[i]);
      continue;
    }
    std::size_t j = i + 1;
    while (j < pattern.size() && IsMacroChar(pattern[j])) ++j;
    std::string name = pattern.substr(i + 1, j - i - 1);
    auto it = macros.find(name);
    if (it == macros.end()) throw file.Error(line, "unknown macro @" + name);
    out += "(?:" + it->second + ")";
    i = j - 1;
  }
  return out;
}

// Symbol positions [b, e) → the units they cover.
UnitRange ToUnits(const Shape& shape, Span s) {
  UnitRange r{0, 0};
  if (s.begin == Regex::npos || s.begin >= s.end) return r;
  std::size_t b = s.begin, e = s.end;
  while (b < e && shape.unit_at[b] < 0) ++b;
  while (e > b && shape.unit_at[e - 1] < 0) --e;
  if (b >= e) return r;
  r.begin = static_cast<std::size_t>(shape.unit_at[b]);
  r.end = static_cast<std::size_t>(shape.unit_at[e - 1]) + 1;
  return r;
}

// Drops commas and colons at either end of a content range (not the comma
// that closes a quotation in it: “… time,”).
UnitRange TrimContent(const Shape& shape, UnitRange r, const ShapeSymbols& sym) {
  auto edge = [&](std::size_t u) {
    char c = shape.units[u].symbol;
    return c == sym.comma || c == sym.colon || c == sym.semicolon || c == sym.dash;
  };
  while (!r.empty() && edge(r.begin)) ++r.begin;
  while (!r.empty() && edge(r.end - 1) &&
         !(r.end - 1 > r.begin && shape.units[r.end - 1].end - shape.units[r.end - 1].first == 2 &&
           shape.units[r.end - 2].quote >= 0))
    --r.end;
  return r;
}

// A bare complement ("said the raids occurred") must read as a clause: a
// verb-like unit near its start. "adds another layer" has none.
bool LooksLikeClause(const Shape& shape, UnitRange r, std::size_t window, const ShapeSymbols& sym) {
  for (std::size_t u = r.begin; u < r.end && u < r.begin + window; ++u) {
    const Unit& unit = shape.units[u];
    if (unit.verbish || unit.cue || unit.symbol == sym.subject_pronoun || unit.symbol == sym.aux)
      return true;
  }
  return false;
}

// "asked about incidents that happened …", "how hard that can be": a "that"
// followed at once by a verb is a relative pronoun, not the complementiser
// that opens reported content.
bool RelativeThat(const Shape& shape, UnitRange content, const ShapeSymbols& sym) {
  if (content.begin == 0 || content.empty() || shape.units[content.begin - 1].symbol != sym.that)
    return false;
  const Unit& first = shape.units[content.begin];
  return first.symbol == sym.aux || first.symbol == sym.negation ||
         (first.symbol == sym.word && first.past);
}

// "…, said the UN.", "…, reported the Daily Star.": after a comma, a cue
// whose reported content would be a short phrase without a verb ending the
// sentence names the source of what came before (an inversion); that
// phrase is not what the words before the comma said.
bool Inverted(const Shape& shape, const Claim& c, const ShapeAlphabet& alpha,
              std::size_t max_units) {
  const ShapeSymbols& sym = alpha.sym;
  if (c.direct || c.speaker.empty() || c.cue.begin == 0) return false;
  if (shape.units[c.cue.begin - 1].symbol != sym.comma || c.content.size() > max_units)
    return false;
  char first = shape.units[c.content.begin].symbol;
  if (first == sym.to || first == sym.that) return false;  // ", vowing to fight"
  for (std::size_t u = c.content.begin; u < c.content.end; ++u) {
    const Unit& unit = shape.units[u];
    if (unit.verbish || unit.cue || unit.symbol == sym.subject_pronoun || unit.symbol == sym.aux ||
        unit.quote >= 0)
      return false;
  }
  const std::string& s = shape.symbols;
  std::size_t p = shape.pos_of[c.content.end - 1] + 1;
  auto boundary = [&](std::size_t i) { return i < s.size() && alpha.boundary.Has(s[i]); };
  return boundary(p) || (p < s.size() && s[p] == sym.comma) ||
         (p < s.size() && s[p] == sym.full_stop && boundary(p + 1));
}

// The comma unit that closes a quotation (“… time,”) right after `r` joins
// it: the content ends with the closing mark.
UnitRange WithClosingComma(const Shape& shape, UnitRange r, const ShapeSymbols& sym) {
  if (r.empty() || r.end >= shape.units.size() || shape.units[r.end - 1].quote < 0) return r;
  const Unit& next = shape.units[r.end];
  if (next.symbol == sym.comma && next.end - next.first == 2 &&
      shape.unit_at[shape.pos_of[r.end] - 1] >= 0)
    ++r.end;
  return r;
}

// "urged X to Y and tried to …", "praised X and won …", "urged X to Y and
// vowed to …": an object or an infinitive ends where a coordinated
// past-tense verb or speech verb goes on with the speaker's own sentence.
UnitRange BeforeCoordinatedVerb(const Shape& shape, UnitRange r, const ShapeAlphabet& alpha) {
  for (std::size_t u = r.begin + 1; u + 1 < r.end; ++u) {
    const Unit& next = shape.units[u + 1];
    bool finite_cue = next.cue && alpha.finite_cue.Has(next.symbol);
    if (shape.units[u].symbol == alpha.sym.conjunction &&
        ((next.symbol == alpha.sym.word && next.past) || finite_cue)) {
      r.end = u;
      break;
    }
  }
  return r;
}

// "Clinton attacked Trump, saying …", "The room remained … as results came
// in showing …": a speaker is a noun phrase, never a clause. A lower-case
// past-tense word right after a noun in the speaker's head (before any
// apposition) is that clause's verb when a name, determiner, pronoun, role
// or preposition follows it, or when it ends a head that does not stand
// right before the cue: the speaker ends before it. "those surveyed said",
// "voters polled say" (a reduced relative right before the cue) and
// "registered voters" (an adjective before a noun) stay. Returns the
// speaker kept; empty when what is left names nobody (no name, role,
// organisation, source noun, title, pronoun or count): the claim keeps its
// content with no speaker (null) rather than a guess.
UnitRange SpeakerWithoutClause(const Shape& shape, const Claim& c, const ShapeAlphabet& alpha) {
  UnitRange spk = c.speaker;
  if (spk.size() < 2) return spk;
  auto sym = [&](std::size_t u) { return shape.units[u].symbol; };
  std::size_t head_end = spk.begin + 1;
  while (head_end < spk.end && !alpha.head_end.Has(sym(head_end))) ++head_end;
  bool adjacent = c.cue.begin >= spk.end;
  for (std::size_t u = spk.end; adjacent && u < c.cue.begin; ++u)
    adjacent = alpha.cue_gap.Has(sym(u));
  for (std::size_t u = spk.begin + 1; u < head_end; ++u) {
    if (sym(u) != alpha.sym.word || !shape.units[u].past) continue;
    if (!alpha.clause_subject.Has(sym(u - 1))) continue;
    bool verb =
        u + 1 < head_end ? alpha.clause_object.Has(sym(u + 1)) : !(head_end == spk.end && adjacent);
    if (!verb) continue;
    UnitRange cut{spk.begin, u};
    for (std::size_t k = cut.begin; k < cut.end; ++k)
      if (alpha.speaker_word.Has(sym(k))) return cut;
    return UnitRange{0, 0};
  }
  return spk;
}

// The Cue flag that Satisfies requires for `needs` whatever the content
// ("bare": cue.bare and more); null when it requires none. Satisfies starts
// from it, so Frames::Run's skipping of cues without the flag and the
// judgement read one list.
bool Cue::*NeedsFlag(const std::string& needs) {
  if (needs == "bare") return &Cue::bare;
  if (needs == "object") return &Cue::object;
  if (needs == "to") return &Cue::to;
  if (needs == "wh") return &Cue::wh;
  if (needs == "of") return &Cue::of;
  if (needs == "loose") return &Cue::loose;
  return nullptr;
}

// The cue carries the flag the frame needs (and a bare complement reads as a
// clause unless the cue is loose).
bool Satisfies(const Cue& cue, const std::string& needs, const Shape& shape, UnitRange content,
               std::size_t clause_window, const ShapeSymbols& sym) {
  if (bool Cue::*flag = NeedsFlag(needs); flag && !(cue.*flag)) return false;
  if (needs == "bare") {
    // a complement opening with an -ing word must show its verb even after
    // "say" ("says running for president is tough"; not "said, referring to")
    const Unit& first = shape.units[content.begin];
    if (first.symbol == sym.word && first.past)
      return false;  // "said in a statement obtained by …"
    bool gerund = first.symbol == sym.gerund;
    return (cue.loose && !gerund) || LooksLikeClause(shape, content, clause_window, sym);
  }
  if (needs == "clause") return LooksLikeClause(shape, content, clause_window, sym);
  return true;  // the flag alone ("object", "to", "wh", "of", "loose"), or nothing
}

// The claims grouped by the unit their cue starts at: `order` holds the
// claim indices by cue.begin (in any order among equals), and a claim's
// group, itself included, is order[group[i].first, group[i].second). The
// drops below ask whether some claim on the same cue is of a kind: a scan
// of the group, not of every claim (their number squared per document).
struct CueGroups {
  std::vector<std::size_t> order;
  std::vector<std::pair<std::size_t, std::size_t>> group;  // by claim
};

CueGroups GroupByCue(const std::vector<Claim>& claims) {
  CueGroups g;
  g.order.resize(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) g.order[i] = i;
  std::sort(g.order.begin(), g.order.end(), [&](std::size_t a, std::size_t b) {
    return claims[a].cue.begin < claims[b].cue.begin;
  });
  g.group.resize(claims.size());
  for (std::size_t b = 0, e = 0; b < g.order.size(); b = e) {
    const std::size_t cue = claims[g.order[b]].cue.begin;
    while (e < g.order.size() && claims[g.order[e]].cue.begin == cue) ++e;
    for (std::size_t k = b; k < e; ++k) g.group[g.order[k]] = {b, e};
  }
  return g;
}

// Removes the claims marked in `drop` (one flag per claim), keeping order.
void Compact(std::vector<Claim>& claims, const std::vector<char>& drop) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (drop[i]) continue;
    if (n != i) claims[n] = std::move(claims[i]);
    ++n;
  }
  claims.resize(n);
}

}  // namespace

Frames::Frames(const FramesConfig& config, const rules::RuleSet& rules)
    : config_(config), alphabet_(ShapeAlphabet::Load(rules)) {
  const auto& file = rules.File("frames.txt");
  std::map<std::string, std::string> macros;
  std::bitset<256> bounds;  // the boundary symbols
  for (int c = 0; c < 256; ++c) bounds[c] = alphabet_.boundary.Has(static_cast<char>(c));
  for (const auto& line : file.lines()) {
    if (line.text[0] == '@') {
      auto eq = line.text.find(" = ");
      if (eq == std::string::npos) throw file.Error(line, "a macro reads @NAME = PATTERN");
      std::string name = line.text.substr(1, eq - 1);
      macros[name] = Expand(line.text.substr(eq + 3), macros, file, line);
      continue;
    }
    auto f = rules::RuleFile::Fields(line);
    if (f.size() < 4) throw file.Error(line, "a frame reads ID | KIND | NEEDS | PATTERN");
    // The pattern may itself contain " | "? No: alternation inside is written without blanks.
    if (f.size() > 4)
      throw file.Error(line, "write alternations in a pattern without blanks around |");
    // the pattern as written (what the studies below read), compiled with
    // its long lookaheads filtered (the same matches, fewer steps)
    const std::string pattern = Expand(f[3], macros, file, line);
    FrameStudy study = StudyFrame(pattern, bounds);
    Frame fr{f[0], f[1] == "quote", f[2] == "-" ? "" : f[2],
             Regex(study.filtered, file.path() + ":" + std::to_string(line.line),
                   Regex::Subject::kBytes)};
    if (f[1] != "quote" && f[1] != "content")
      throw file.Error(line, "KIND must be quote or content");
    if (!fr.needs.empty() && fr.needs != "bare" && fr.needs != "object" && fr.needs != "to" &&
        fr.needs != "wh" && fr.needs != "of" && fr.needs != "clause" && fr.needs != "loose") {
      throw file.Error(line, "NEEDS must be bare, object, to, wh, of, loose, clause or -");
    }
    fr.spk = fr.regex.GroupIndex("spk");
    fr.cue = fr.regex.GroupIndex("cue");
    fr.q = fr.regex.GroupIndex("q");
    fr.content = fr.regex.GroupIndex("content");
    fr.chain = fr.regex.GroupIndex("chain");
    Required req = RequiredSymbols(pattern, alphabet_);
    fr.required = std::move(req.sets);
    fr.crossings = req.crossings;
    fr.after_boundary = study.starts_after;
    fr.needs_flag = NeedsFlag(fr.needs);
    if (!study.cue_search.empty()) {
      fr.after_cue = std::make_unique<Regex>(
          study.cue_search, file.path() + ":" + std::to_string(line.line) + " (from the cue on)",
          Regex::Subject::kBytes);
      // (a match of the cue search starts right after its lead, and may
      // take only some symbols after the cue's)
      fr.after_cue->AdmitStartsAfter(study.before_cue);
      fr.after_cue->AdmitSecondBytes(study.after_cue);
    }
    if (fr.spk < 0 || fr.cue < 0) throw file.Error(line, "a frame needs groups spk and cue");
    if (fr.direct ? fr.q < 0 : fr.content < 0) {
      throw file.Error(
          line, fr.direct ? "a quote frame needs group q" : "a content frame needs group content");
    }
    frames_.push_back(std::move(fr));
  }
  IndexRequiredSets();
}

void Frames::IndexRequiredSets() {
  std::bitset<256> bounds;  // the boundary symbols
  for (int c = 0; c < 256; ++c) bounds[c] = alphabet_.boundary.Has(static_cast<char>(c));
  std::vector<std::bitset<256>> sets;
  for (Frame& fr : frames_) {
    // Run() reads the sets as held by stretches only (its last_start passes
    // over boundaries): RequiredSymbols never puts a boundary in a set, and
    // a frame whose set had one would be searched over the whole string
    if (std::any_of(fr.required.begin(), fr.required.end(),
                    [&](const std::bitset<256>& r) { return (r & bounds).any(); }))
      fr.required.clear();
    for (const std::bitset<256>& r : fr.required) {
      auto at = std::find(sets.begin(), sets.end(), r);
      if (at == sets.end() && sets.size() == 64) {
        fr.required.clear();  // no bit left: searched over the whole string
        fr.needs_sets = 0;
        break;
      }
      if (at == sets.end()) at = sets.insert(sets.end(), r);
      fr.needs_sets |= std::uint64_t{1} << (at - sets.begin());
    }
  }
  for (std::size_t j = 0; j < sets.size(); ++j)
    for (int c = 0; c < 256; ++c)
      if (sets[j].test(static_cast<std::size_t>(c))) symbol_sets_[c] |= std::uint64_t{1} << j;
}

std::optional<Claim> Frames::Accept(const Frame& fr, const Regex::Match& m, const Shape& shape,
                                    std::vector<char>& taken) const {
  const ShapeSymbols& sym = alphabet_.sym;
  Claim c;
  c.frame = fr.id;
  c.direct = fr.direct;
  c.chain = fr.chain >= 0;
  c.speaker = ToUnits(shape, m.Group(fr.spk));
  c.cue = ToUnits(shape, m.Group(fr.cue));
  c.content = fr.direct ? ToUnits(shape, m.Group(fr.q))
                        : TrimContent(shape, ToUnits(shape, m.Group(fr.content)), sym);
  if (!fr.direct && (fr.needs == "object" || fr.needs == "to"))
    c.content = TrimContent(shape, BeforeCoordinatedVerb(shape, c.content, alphabet_), sym);
  if (!fr.direct) c.content = WithClosingComma(shape, c.content, sym);
  Span spk = m.Group(fr.spk);
  bool no_speaker = spk.begin != Regex::npos && spk.begin == spk.end;  // (?<spk>): no source
  if (c.content.empty() || c.cue.empty() || (c.speaker.empty() && !no_speaker)) return std::nullopt;
  const Cue* cue = shape.units[c.cue.begin].cue;
  const std::size_t clause_window = config_.clause_verb_units;
  if (fr.needs == "clause" && !LooksLikeClause(shape, c.content, clause_window, sym))
    return std::nullopt;
  if (!fr.direct && RelativeThat(shape, c.content, sym)) return std::nullopt;
  if (Inverted(shape, c, alphabet_, config_.inverted_content_units)) return std::nullopt;
  // "confirmed that observation": a demonstrative "that", not a clause
  if (!fr.direct && c.content.begin > 0 && shape.units[c.content.begin - 1].symbol == sym.that &&
      c.content.size() <= config_.demonstrative_units &&
      shape.units[c.content.begin].symbol == sym.word &&
      !LooksLikeClause(shape, c.content, clause_window, sym))
    return std::nullopt;
  // "the relations are considered …", "he was told …": a passive speech
  // verb's subject is not its speaker
  if (shape.units[c.cue.begin].passive && !c.speaker.empty() && c.speaker.end <= c.cue.begin)
    return std::nullopt;
  // "X was asked whether …" has no source; "X has asked whether …" has one
  if (no_speaker && c.cue.begin > 0 &&
      alphabet_.auxiliary.Has(shape.units[c.cue.begin - 1].symbol) &&
      !shape.units[c.cue.begin].passive)
    return std::nullopt;
  if (cue && !Satisfies(*cue, fr.needs, shape, c.content, clause_window, sym)) return std::nullopt;
  if (!c.speaker.empty()) c.speaker = SpeakerWithoutClause(shape, c, alphabet_);
  for (std::size_t u = c.content.begin; u < c.content.end; ++u) {
    if (taken[u]) return std::nullopt;
  }
  for (std::size_t u = c.content.begin; u < c.content.end; ++u) taken[u] = 1;
  return c;
}

std::vector<Claim> Frames::Run(const Shape& shape) const {
  std::vector<char> taken(shape.units.size(), 0);
  std::vector<Claim> claims;
  // The stretches between boundaries, each with the required sets its
  // symbols hold (bits of symbol_sets_). A frame with required symbols
  // (Frame::required) is searched only for matches starting in a stretch (or
  // in the boundaries before it, when the frame may take one) such that it
  // and the next Frame::crossings stretches hold one of each set; the others
  // are searched over the whole string. This runs for every frame and
  // stretch: a mask test each; where it passes, the last start is found by
  // bisection over the stretch's suffix sets and the later stretches' held
  // sets (last_start).
  struct Stretch {
    std::size_t begin, end;  // symbol positions [begin, end), no boundary among them
    std::uint64_t sets;
  };
  const std::string& s = shape.symbols;
  auto sets_of = [&](std::size_t p) { return symbol_sets_[static_cast<unsigned char>(s[p])]; };
  std::vector<Stretch> stretches;
  // (at most one more than the boundaries, the symbols of no unit)
  stretches.reserve(s.size() > shape.units.size() ? s.size() - shape.units.size() + 1 : 1);
  // (one stretch at a time: its symbols ORed in a register, no push or
  // back() per symbol)
  for (std::size_t i = 0, n = s.size(); i < n;) {
    if (alphabet_.boundary.Has(s[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    std::uint64_t sets = 0;
    do sets |= sets_of(i++);
    while (i < n && !alphabet_.boundary.Has(s[i]));
    stretches.push_back({begin, i, sets});
  }
  // suffix[p]: the sets of the symbols from p to the end of p's stretch (0
  // on a boundary), for last_start
  std::vector<std::uint64_t> suffix(s.size(), 0);
  for (const Stretch& st : stretches) {
    std::uint64_t sets = 0;
    for (std::size_t p = st.end; p-- > st.begin;) suffix[p] = sets |= sets_of(p);
  }
  // Every match of the frame starting in [max(start, from), last], checked
  // and claimed left to right; `start` carries on from range to range, so
  // the ranges of a frame, taken in order, find what one search over the
  // whole string finds. A match the checks reject may hide a good one
  // inside it: search again one position on, not after the rejected match.
  // One Scratch and two reused Matches for every search of this run (no
  // allocation or thread_local look-up per call).
  Regex::Scratch scratch;
  Regex::Match m, cue_match;
  auto search = [&](const Frame& fr, std::size_t& start, std::size_t from, std::size_t last) {
    start = std::max(start, from);
    while (fr.regex.Find(s, start, last, scratch, m)) {
      Span whole = m.groups[0];
      auto claim = Accept(fr, m, shape, taken);
      if (!claim) {
        start = whole.begin + 1;
        continue;
      }
      start = whole.end > whole.begin ? whole.end : whole.begin + 1;
      claims.push_back(std::move(*claim));
    }
  };
  // Where a match starting at or after stretch k's `from` may start at the
  // latest: it takes a symbol of each required set at or after its start and
  // within stretches [k, to), so at or before the last such symbol there, for
  // every set: scanning back, where the last of the sets is first met. Npos
  // when some set has none there.
  // (Boundaries hold no set — RequiredSymbols counts a boundary as a
  // crossing, never in a set — so when stretches (k, to) hold every set the
  // answer is stretch k's last symbol; else it is the last p of stretch k
  // whose suffix, with theirs, holds every set: suffix only loses sets as p
  // grows, so it is found by bisection.)
  std::vector<std::vector<std::uint64_t>> held;
  auto last_start = [&](const Frame& fr, std::size_t k, std::size_t to) {
    const std::uint64_t need = fr.needs_sets;
    const std::uint64_t later = to > k + 1 ? held[to - k - 2][k + 1] : 0;  // stretches k+1 … to-1
    if ((later & need) == need) return stretches[k].end - 1;
    auto holds = [&](std::size_t p) { return ((suffix[p] | later) & need) == need; };
    std::size_t lo = stretches[k].begin, hi = stretches[k].end - 1;
    if (!holds(lo)) return Regex::npos;
    while (lo < hi) {  // holds(lo); the answer is in [lo, hi]
      const std::size_t mid = lo + (hi - lo + 1) / 2;
      if (holds(mid))
        lo = mid;
      else
        hi = mid - 1;
    }
    return lo;
  };
  // held[c][k]: the sets of stretches k … k + c, for each c a frame has
  // (made once, not per frame)
  for (const Frame& fr : frames_) {
    for (std::size_t c = held.size(); c <= fr.crossings; ++c) {
      std::vector<std::uint64_t> u(stretches.size());
      for (std::size_t k = 0; k < stretches.size(); ++k) {
        u[k] = stretches[k].sets;
        if (c > 0 && k + 1 < stretches.size()) u[k] |= held[c - 1][k + 1];
      }
      held.push_back(std::move(u));
    }
  }
  // Where a frame's cue may stand (Frame::after_cue matches there): found
  // left to right, each position once, up to `ahead` (at least the end of
  // the window asked about; the end of the windows after it that pass the
  // mask test too, so consecutive windows share one search, and one failing
  // call ends it, not one per window). A position whose unit has a cue
  // without the frame's needs_flag is left out: every match with its cue
  // group there fails Satisfies in Accept (the checks have no side effect),
  // so no claim is lost when the matches starting after the last other cue
  // of a window are not searched for.
  std::vector<std::size_t> cues;
  auto may_take = [&](const Frame& fr, std::size_t p) {
    if (!fr.needs_flag || shape.unit_at[p] < 0) return true;
    const Cue* cue = shape.units[static_cast<std::size_t>(shape.unit_at[p])].cue;
    return !cue || cue->*fr.needs_flag;
  };
  std::size_t cues_to = 0;  // searched up to here
  // The last position in [begin, end) where a match of `fr` may have its
  // cue; npos when none.
  auto last_cue = [&](const Frame& fr, std::size_t begin, std::size_t end, std::size_t ahead) {
    if (cues_to < end) {
      for (std::size_t at = std::max(begin, cues_to); at < ahead;) {
        if (!fr.after_cue->Find(s, at, ahead - 1, scratch, cue_match)) break;
        if (may_take(fr, cue_match.groups[0].begin)) cues.push_back(cue_match.groups[0].begin);
        at = cue_match.groups[0].begin + 1;
      }
      cues_to = std::max(cues_to, ahead);
    }
    auto after = std::lower_bound(cues.begin(), cues.end(), end);
    return after == cues.begin() || *(after - 1) < begin ? Regex::npos : *(after - 1);
  };
  std::uint64_t all_sets = 0;  // the sets the whole string holds
  for (const Stretch& st : stretches) all_sets |= st.sets;
  for (const Frame& fr : frames_) {
    std::size_t start = 0;
    if (fr.required.empty()) {
      search(fr, start, 0, s.size());
      continue;
    }
    // (a window's sets are some of the string's: no stretch passes)
    if ((all_sets & fr.needs_sets) != fr.needs_sets) continue;
    cues.clear();
    cues_to = 0;
    const std::vector<std::uint64_t>& h = held[fr.crossings];
    const std::uint64_t need = fr.needs_sets;
    const std::uint64_t* const hk = h.data();
    const std::size_t n_stretches = stretches.size();
    auto passes = [&](std::size_t k) { return (hk[k] & need) == need; };
    // most stretches fail the mask test: skipped in a loop of their own
    for (std::size_t k = 0;; ++k) {
      while (k < n_stretches && !passes(k)) ++k;
      if (k == n_stretches) break;
      const std::size_t to = std::min(stretches.size(), k + fr.crossings + 1);
      std::size_t last = last_start(fr, k, to);
      if (last == Regex::npos) continue;
      // a frame that takes no boundary cannot start on one
      std::size_t from = stretches[k].begin;
      if (fr.crossings > 0) from = k == 0 ? 0 : stretches[k - 1].end;
      if (fr.after_boundary && fr.crossings == 0) last = std::min(last, from);
      if (fr.after_cue) {
        // a match starts at or before its cue, which lies in its stretches
        const std::size_t end = stretches[to - 1].end;
        std::size_t ahead = end;
        if (cues_to < end) {  // a search to the end of the windows passing from k on
          std::size_t j = k;
          while (j + 1 < stretches.size() && passes(j + 1)) ++j;
          ahead =
              std::max(end, stretches[std::min(stretches.size(), j + fr.crossings + 1) - 1].end);
        }
        std::size_t cue = last_cue(fr, from, end, ahead);
        if (cue == Regex::npos) continue;
        last = std::min(last, cue);
      }
      search(fr, start, from, last);
    }
  }
  DropCrossing(claims);
  DropAfterOwnQuote(shape, claims);
  ChainSpeakers(shape, claims);
  std::sort(claims.begin(), claims.end(),
            [](const Claim& a, const Claim& b) { return a.content.begin < b.content.begin; });
  return claims;
}

// "X lacks in the looks department, said Y, a critic, but …": two claims on
// one cue, one reading "Y said X" and the other "the looks department said
// Y, a critic, but …". When a claim whose speaker follows the cue holds in
// its content the speaker of another claim on the same cue, that other
// claim read reported speech as a speaker; it goes.
void Frames::DropCrossing(std::vector<Claim>& claims) {
  auto inside = [](UnitRange a, UnitRange b) { return a.begin >= b.begin && a.end <= b.end; };
  const CueGroups same_cue = GroupByCue(claims);
  std::vector<char> drop(claims.size(), 0);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& x = claims[i];
    if (x.speaker.empty()) continue;
    for (std::size_t k = same_cue.group[i].first; k < same_cue.group[i].second; ++k) {
      const Claim& y = claims[same_cue.order[k]];
      if (&y == &x || y.direct || y.content.empty()) continue;
      bool inverted = y.speaker.begin >= y.cue.end && x.speaker.end <= x.cue.begin;
      if (inverted && inside(x.speaker, y.content)) {
        drop[i] = 1;
        break;
      }
    }
  }
  Compact(claims, drop);
}

// "“…,” he said last week": a cue whose quotation stands before it has
// reported what was said; the words after it are when, where or how it was
// said ("last week", "sarcastically", "in 2012"), not more content, unless a
// clause marker opens them ("“…,” he said, adding that …" is another cue;
// "he told them that …", "he urged them to …" stay).
void Frames::DropAfterOwnQuote(const Shape& shape, std::vector<Claim>& claims) const {
  auto marked = [&](const Claim& x) {
    std::size_t b = x.content.begin;
    return alphabet_.clause_marker.Has(shape.units[b].symbol) ||
           (b > 0 && alphabet_.clause_marker.Has(shape.units[b - 1].symbol));
  };
  const CueGroups same_cue = GroupByCue(claims);
  auto after_own_quote = [&](std::size_t i) {
    const Claim& x = claims[i];
    if (x.direct || x.content.empty() || x.content.begin < x.cue.end || marked(x)) return false;
    for (std::size_t k = same_cue.group[i].first; k < same_cue.group[i].second; ++k) {
      const Claim& y = claims[same_cue.order[k]];
      if (y.direct && y.content.end <= x.cue.begin) return true;
    }
    return false;
  };
  std::vector<char> drop(claims.size(), 0);
  for (std::size_t i = 0; i < claims.size(); ++i) drop[i] = after_own_quote(i);
  Compact(claims, drop);
}

// A chain claim takes the speaker of the claim whose cue comes last before
// its own in the same sentence (one pass over the claims by cue position).
void Frames::ChainSpeakers(const Shape& shape, std::vector<Claim>& claims) {
  std::vector<std::size_t> order(claims.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return claims[a].cue.begin < claims[b].cue.begin;
  });
  // the sentence of a unit: the boundaries before it, counted as we go
  std::size_t sentence = 0, pos = 0;
  auto sentence_of = [&](std::size_t unit) {
    for (std::size_t p = shape.pos_of[unit]; pos < p; ++pos)
      sentence += shape.unit_at[pos] < 0 && pos > 0;
    return sentence;
  };
  const Claim* last = nullptr;
  std::size_t last_sentence = 0;
  for (std::size_t i : order) {
    Claim& c = claims[i];
    if (c.cue.empty()) continue;
    std::size_t here = sentence_of(c.cue.begin);
    if (c.chain && last && last_sentence == here && !last->speaker.empty())
      c.speaker = last->speaker;
    if (!c.speaker.empty()) {
      last = &c;
      last_sentence = here;
    }
  }
}

std::string Frames::ClaimIds(const std::string& shape_string) const {
  Shape shape;
  shape.symbols = shape_string;
  for (char c : shape_string) {
    if (alphabet_.boundary.Has(c)) {
      shape.unit_at.push_back(-1);
      continue;
    }
    shape.unit_at.push_back(static_cast<int>(shape.units.size()));
    shape.pos_of.push_back(shape.symbols.size() == 0 ? 0 : shape.unit_at.size() - 1);
    Unit u;
    u.symbol = c;
    shape.units.push_back(u);
  }
  std::string ids;
  for (const Claim& c : Run(shape)) {
    if (!ids.empty()) ids += ' ';
    ids += c.frame;
  }
  return ids;
}

}  // namespace whosaid::attribution
