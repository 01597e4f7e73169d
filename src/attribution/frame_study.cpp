#include "attribution/frame_study.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

namespace whosaid::attribution {
namespace {

// A [class] at pattern[i] (i at '['): its members in `out`, negation applied;
// returns the index after ']', or npos when the class uses a form not read
// here (an escape of a letter, [:posix:]).
std::size_t ReadClass(const std::string& p, std::size_t i, std::bitset<256>& out) {
  std::bitset<256> m;
  std::size_t j = i + 1;
  bool negated = j < p.size() && p[j] == '^';
  if (negated) ++j;
  bool first = true;
  while (j < p.size() && (p[j] != ']' || first)) {
    first = false;
    unsigned char c = static_cast<unsigned char>(p[j]);
    if (c == '[' && j + 1 < p.size() && p[j + 1] == ':') return std::string::npos;
    if (c == '\\') {
      if (j + 1 >= p.size() || std::isalnum(static_cast<unsigned char>(p[j + 1])))
        return std::string::npos;
      c = static_cast<unsigned char>(p[++j]);
    }
    if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
      unsigned char hi = static_cast<unsigned char>(p[j + 2]);
      if (hi == '\\' || hi < c) return std::string::npos;
      for (unsigned x = c; x <= hi; ++x) m.set(x);
      j += 3;
      continue;
    }
    m.set(c);
    ++j;
  }
  if (j >= p.size()) return std::string::npos;
  out = negated ? ~m : m;
  return j + 1;
}

// The least and the most repeats the quantifier at p[k] allows (1 and 1
// when there is none; kMany for no most), and the index after it (a lazy or
// possessive mark included).
constexpr std::size_t kMany = static_cast<std::size_t>(-1);
// Whether `braces` ("{...}") is a repeat count: {n}, {n,} or {n,m}.
bool IsQuantifier(std::string_view braces) {
  const std::string_view in = braces.substr(1, braces.size() - 2);
  const std::size_t comma = in.find(',');
  auto digits = [](std::string_view d) {
    return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (comma == std::string_view::npos) return !in.empty() && digits(in);
  return comma > 0 && digits(in.substr(0, comma)) && digits(in.substr(comma + 1));
}
struct Repeat {
  std::size_t least = 1, most = 1, next = 0;
};
Repeat Repeats(const std::string& p, std::size_t k) {
  Repeat r{1, 1, k};
  if (k < p.size() && (p[k] == '?' || p[k] == '*')) {
    r.least = 0;
    r.most = p[k] == '?' ? 1 : kMany;
    ++k;
  } else if (k < p.size() && p[k] == '+') {
    r.most = kMany;
    ++k;
  } else if (k < p.size() && p[k] == '{') {
    std::size_t close = p.find('}', k);
    if (close == std::string::npos || !IsQuantifier(std::string_view(p).substr(k, close + 1 - k)))
      return r;  // a literal brace (PCRE2 10.42: only {n}, {n,} and {n,m} repeat)
    auto number = [&](std::size_t at) {  // the digits at `at` (no copy of the pattern's rest)
      if (at >= close || !std::isdigit(static_cast<unsigned char>(p[at]))) return kMany;
      std::size_t n = 0;
      const std::from_chars_result read = std::from_chars(p.data() + at, p.data() + close, n);
      return read.ec == std::errc() ? n : kMany;  // too large: unbounded, which proves nothing
    };
    std::size_t comma = p.find(',', k);
    r.least = number(k + 1) == kMany ? 0 : number(k + 1);
    r.most = comma < close ? number(comma + 1) : r.least;
    k = close + 1;
  } else {
    return r;
  }
  if (k < p.size() && (p[k] == '?' || p[k] == '+')) ++k;
  r.next = k;
  return r;
}

}  // namespace

Required RequiredSymbols(const std::string& p, const ShapeAlphabet& alpha) {
  using Set = std::bitset<256>;
  struct Group {
    bool lookaround = false;
    std::vector<Set> required;  // atoms taken by every match of the alternative being read
    std::size_t crossings = 0;  // boundary symbols it takes at most (alternatives added up)
    // of the alternatives read before the one being read: the union of their
    // smallest sets (`any` false while none was read)
    bool any = false, proved = true;
    Set either;
    // At '|' and at the end: the alternative read is added to `either`.
    void EndAlternative() {
      auto smallest =
          std::min_element(required.begin(), required.end(),
                           [](const Set& a, const Set& b) { return a.count() < b.count(); });
      if (smallest == required.end())
        proved = false;
      else
        either |= *smallest;
      any = true;
      required.clear();
    }
    // What every match of the group takes: the sets of its only alternative,
    // or one set, the union of the alternatives' smallest (none when one of
    // them takes no set).
    std::vector<Set> Required() {
      if (!any) return std::move(required);
      EndAlternative();
      return proved ? std::vector<Set>{either} : std::vector<Set>{};
    }
  };
  Set bounds;  // the boundary symbols: a stretch never holds one
  for (int c = 0; c < 256; ++c) bounds[c] = alpha.boundary.Has(static_cast<char>(c));
  std::vector<Group> open(1);  // open[0]: the whole pattern
  int looking = 0;             // open lookarounds
  bool unbounded = false;      // a boundary may be taken any number of times
  // An atom [i, next) read: required when its repeat allows no zero; one
  // that may take a boundary adds to the crossings instead.
  auto atom = [&](const Set& members, std::size_t next) {
    Repeat r = Repeats(p, next);
    if (looking) return r.next;
    if ((members & bounds).any()) {
      if (r.most == kMany) unbounded = true;
      open.back().crossings += r.most == kMany ? 0 : r.most;
    } else if (r.least > 0) {
      open.back().required.push_back(members);
    }
    return r.next;
  };
  for (std::size_t i = 0; i < p.size() && !unbounded;) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size() || std::isalnum(static_cast<unsigned char>(p[i + 1]))) return {};
      i = atom(Set().set(static_cast<unsigned char>(p[i + 1])), i + 2);
    } else if (c == '[') {
      Set members;
      std::size_t next = ReadClass(p, i, members);
      if (next == std::string::npos) return {};
      i = atom(members, next);
    } else if (c == '(') {
      Group g;
      if (p.compare(i, 3, "(?=") == 0 || p.compare(i, 3, "(?!") == 0) {
        g.lookaround = true;
        i += 3;
      } else if (p.compare(i, 4, "(?<=") == 0 || p.compare(i, 4, "(?<!") == 0) {
        g.lookaround = true;
        i += 4;
      } else if (p.compare(i, 3, "(?:") == 0) {
        i += 3;
      } else if (p.compare(i, 3, "(?<") == 0) {
        std::size_t end = p.find('>', i);
        if (end == std::string::npos) return {};
        for (std::size_t k = i + 3; k < end; ++k)
          if (!std::isalnum(static_cast<unsigned char>(p[k])) && p[k] != '_') return {};
        i = end + 1;
      } else if (i + 1 < p.size() && p[i + 1] == '?') {
        return {};  // another (?…) form
      } else {
        ++i;
      }
      looking += g.lookaround;
      open.push_back(std::move(g));
    } else if (c == ')') {
      if (open.size() < 2) return {};
      Group g = std::move(open.back());
      open.pop_back();
      looking -= g.lookaround;
      Repeat r = Repeats(p, i + 1);
      i = r.next;
      if (g.lookaround) continue;
      if (g.crossings > 0) {
        if (r.most == kMany) unbounded = true;
        open.back().crossings += r.most == kMany ? 0 : g.crossings * r.most;
      }
      if (r.least == 0) continue;
      std::vector<Set> taken = g.Required();
      auto& to = open.back().required;
      to.insert(to.end(), taken.begin(), taken.end());
    } else if (c == '|') {
      if (!looking) open.back().EndAlternative();
      ++i;
    } else if (c == '.') {
      i = atom(Set().set(), i + 1);
    } else if (c == '^' || c == '$') {
      ++i;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return {};  // a character of several bytes: no symbol
    } else if (std::string_view("*+?{}").find(c) != std::string_view::npos) {
      return {};  // a repeat of nothing read here
    } else {
      i = atom(Set().set(static_cast<unsigned char>(c)), i + 1);
    }
  }
  if (unbounded || open.size() != 1) return {};
  return {open[0].Required(), open[0].crossings};
}

namespace {

// A part of a pattern as CueSuffix reads it: an atom or a group, with its
// repeat; [begin, end) is its text, the repeat included.
struct Part {
  std::size_t begin = 0, end = 0;
  std::string_view open;  // a group's opening: "(?:", "(?<cue>", "(?=" …; "" for an atom
  bool lookaround = false;
  std::vector<std::vector<Part>> alternatives;  // a group's
  Repeat repeat;
};

// Reads a pattern into parts; `failed` once it meets a form not read here.
class PartReader {
 public:
  explicit PartReader(const std::string& p) : p_(p) {}

  // The alternatives from i_ up to an unopened ')' or the end.
  std::vector<std::vector<Part>> Alternatives() {
    std::vector<std::vector<Part>> alts(1);
    while (!failed && i_ < p_.size() && p_[i_] != ')') {
      if (p_[i_] == '|') {
        alts.emplace_back();
        ++i_;
        continue;
      }
      alts.back().push_back(Read());
    }
    return alts;
  }
  bool AtEnd() const { return i_ == p_.size(); }
  bool failed = false;

 private:
  Part Read() {
    Part part;
    part.begin = i_;
    const char c = p_[i_];
    if (c == '\\') {
      if (i_ + 1 >= p_.size() || std::isalnum(static_cast<unsigned char>(p_[i_ + 1])))
        return Fail();
      i_ += 2;
    } else if (c == '[') {
      std::bitset<256> members;
      i_ = ReadClass(p_, i_, members);
      if (i_ == std::string::npos) return Fail();
    } else if (c == '(') {
      part.open = Opening();
      if (part.open.empty()) return Fail();
      part.lookaround = part.open.starts_with("(?=") || part.open.starts_with("(?!") ||
                        part.open.starts_with("(?<=") || part.open.starts_with("(?<!");
      i_ += part.open.size();
      part.alternatives = Alternatives();
      if (failed || i_ >= p_.size()) return Fail();
      ++i_;  // ')'
    } else if (static_cast<unsigned char>(c) >= 0x80 ||
               std::string_view("*+?{}").find(c) != std::string_view::npos) {
      return Fail();  // a character of several bytes; a repeat of nothing
    } else {
      ++i_;  // a literal, '.', '^', '$'
    }
    part.repeat = Repeats(p_, i_);
    if (part.repeat.next > i_) i_ = part.repeat.next;
    part.end = i_;
    return part;
  }

  // The opening of the group at i_: "(", "(?:", a lookaround's or a named
  // group's; "" for another form.
  std::string_view Opening() const {
    const std::string_view rest = std::string_view(p_).substr(i_);
    for (std::string_view open : {"(?:", "(?=", "(?!", "(?<=", "(?<!"})
      if (rest.starts_with(open)) return open;
    if (rest.starts_with("(?<")) {
      std::size_t end = rest.find('>');
      if (end == std::string::npos) return "";
      for (std::size_t k = 3; k < end; ++k)
        if (!std::isalnum(static_cast<unsigned char>(rest[k])) && rest[k] != '_') return "";
      return rest.substr(0, end + 1);
    }
    if (i_ + 1 < p_.size() && p_[i_ + 1] == '?') return "";
    return "(";
  }

  Part Fail() {
    failed = true;
    return {};
  }

  const std::string& p_;
  std::size_t i_ = 0;
};

// The most symbols a part may take or look at (kMany: no bound known).
std::size_t MostSymbols(const Part& part) {
  auto times = [](std::size_t a, std::size_t b) {
    return a == 0 || b == 0 ? 0 : (a > kMany / b ? kMany : a * b);
  };
  if (part.open.empty()) return part.repeat.most;
  std::size_t widest = 0;
  for (const auto& alt : part.alternatives) {
    std::size_t sum = 0;
    for (const Part& p : alt) sum = std::min(kMany - 1, sum + std::min(MostSymbols(p), kMany - 1));
    widest = std::max(widest, sum);
  }
  return times(part.repeat.most, widest);
}

bool Plain(const Part& part) { return part.repeat.least == 1 && part.repeat.most == 1; }

// The parts of `seq` with every group opened that has one alternative, no
// repeat and is no lookaround (the cue group stays whole).
void Open(const std::vector<Part>& seq, std::vector<const Part*>& out) {
  for (const Part& part : seq) {
    if (!part.open.empty() && !part.lookaround && part.alternatives.size() == 1 && Plain(part) &&
        part.open != "(?<cue>") {
      Open(part.alternatives[0], out);
    } else {
      out.push_back(&part);
    }
  }
}

// A pattern read into parts once, for every study below; `read` false when
// it uses a form not read here.
struct Parsed {
  std::vector<std::vector<Part>> root;
  bool read = false;
};
Parsed Parse(const std::string& pattern) {
  PartReader reader(pattern);
  Parsed parsed{reader.Alternatives(), false};
  parsed.read = !reader.failed && reader.AtEnd();
  return parsed;
}

// The parts of a pattern read whole as one sequence (`seq`, filled) and its
// plain cue group in it; seq.end() when the pattern was not read, has
// alternatives at its root, or no plain cue group.
std::vector<const Part*>::const_iterator CuePart(const Parsed& parsed,
                                                 std::vector<const Part*>& seq) {
  if (!parsed.read || parsed.root.size() != 1) return seq.end();
  Open(parsed.root[0], seq);
  auto cue = std::find_if(seq.begin(), seq.end(),
                          [](const Part* part) { return part->open == "(?<cue>"; });
  return cue != seq.end() && Plain(**cue) ? cue : seq.end();
}

std::string CueSuffixOf(const std::string& pattern, const Parsed& parsed) {
  std::vector<const Part*> seq;
  const auto cue = CuePart(parsed, seq);
  if (cue == seq.end()) return "";
  std::string suffix = pattern.substr((*cue)->begin, (*cue)->end - (*cue)->begin);
  bool more = false;  // a part after the cue group that may not match empty
  for (auto at = cue + 1; at != seq.end(); ++at) {
    const Part& part = **at;
    if (MostSymbols(part) > kCueSuffixMostSymbols) break;
    suffix += pattern.substr(part.begin, part.end - part.begin);
    more = more || part.lookaround || part.repeat.least > 0;
  }
  return more ? suffix : "";
}

// The symbols one plain atom part (a literal, an escape or a [class]) takes,
// into `out`; false for another part ('.', '^', '$', a group).
bool AtomMembers(const std::string& p, const Part& part, std::bitset<256>& out) {
  if (!part.open.empty()) return false;
  const char c = p[part.begin];
  if (c == '[') return ReadClass(p, part.begin, out) != std::string::npos;
  if (c == '\\') {
    out.set(static_cast<unsigned char>(p[part.begin + 1]));
    return true;
  }
  if (c == '.' || c == '^' || c == '$') return false;
  out.set(static_cast<unsigned char>(c));
  return true;
}

// "[…]" of `set` (printable ASCII), every member but a letter or digit escaped.
std::string ClassText(const std::bitset<256>& set);

// The runs of symbols `part` may take, each as the ClassText of its
// symbols in order ("[a][b]"), into `out`: at most `most` of them (more
// ways of matching it: false). A lookahead or a negative lookbehind takes
// none (""). False for a part not read here: '.', '^', '$', a lookbehind, a
// symbol that is not printable ASCII, a repeat of more than
// kCueLeadMostRepeats.
bool RunsOf(const std::string& p, const Part& part, std::size_t most,
            std::vector<std::string>& out) {
  auto cross = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> both;
    for (const std::string& x : a)
      for (const std::string& y : b) both.push_back(x + y);
    return both;
  };
  if (part.open == "(?=" || part.open == "(?!" || part.open == "(?<!") {
    out = {""};
    return true;
  }
  if (part.lookaround || part.repeat.most > kCueLeadMostRepeats) return false;
  std::vector<std::string> once;  // the runs of one repeat
  if (part.open.empty()) {
    std::bitset<256> members, printable;
    for (int c = 0x20; c < 0x7F; ++c) printable.set(static_cast<std::size_t>(c));
    if (!AtomMembers(p, part, members) || members.none() || (members & ~printable).any())
      return false;
    once.push_back(ClassText(members));
  } else {
    for (const auto& alt : part.alternatives) {
      std::vector<std::string> runs{""};
      for (const Part& q : alt) {
        std::vector<std::string> of;
        if (!RunsOf(p, q, most, of) || runs.size() * of.size() > most) return false;
        runs = cross(runs, of);
      }
      once.insert(once.end(), runs.begin(), runs.end());
      if (once.size() > most) return false;
    }
  }
  std::vector<std::string> runs{""};  // of n repeats
  out.clear();
  for (std::size_t n = 0;; ++n) {
    if (n >= part.repeat.least) out.insert(out.end(), runs.begin(), runs.end());
    if (out.size() > most) return false;
    if (n == part.repeat.most) return true;
    if (runs.size() * once.size() > most) return false;
    runs = cross(runs, once);
  }
}

// The [classes] of a run of ClassTexts ("[a][\\,]" → "[a]", "[\\,]").
std::vector<std::string> Classes(const std::string& run) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < run.size();) {
    std::size_t j = i + 1;
    while (j < run.size() && run[j] != ']') j += run[j] == '\\' ? 2 : 1;
    out.push_back(run.substr(i, j + 1 - i));
    i = j + 1;
  }
  return out;
}

// Runs of the same length (in classes) as one alternation, their common
// beginnings written once: "[a][x]", "[a][e][y]"… are tried class by class,
// so a lookbehind fails at the first class that fails for all of them
// rather than once per run (PCRE2 tries a lookbehind's alternatives in
// turn). Every branch of a nested group has the length of its siblings, as
// PCRE2's lookbehinds ask.
std::string Trie(const std::vector<std::vector<std::string>>& runs, std::size_t at) {
  if (runs.empty() || at >= runs[0].size()) return "";
  std::vector<std::string> heads;  // the classes at `at`, by first appearance
  std::vector<std::vector<std::vector<std::string>>> tails;
  for (const auto& run : runs) {
    const auto it = std::find(heads.begin(), heads.end(), run[at]);
    if (it == heads.end()) {
      heads.push_back(run[at]);
      tails.push_back({run});
    } else {
      tails[static_cast<std::size_t>(it - heads.begin())].push_back(run);
    }
  }
  if (heads.size() == 1) return heads[0] + Trie(tails[0], at + 1);
  std::string out = "(?:";
  for (std::size_t i = 0; i < heads.size(); ++i)
    out += (i ? "|" : "") + heads[i] + Trie(tails[i], at + 1);
  return out + ")";
}

// The runs of a lead as the alternatives of a lookbehind: one per length,
// shortest first, each factored (Trie).
std::string Factored(const std::vector<std::string>& runs) {
  std::vector<std::vector<std::vector<std::string>>> by_length;
  for (const std::string& run : runs) {
    std::vector<std::string> classes = Classes(run);
    if (by_length.size() <= classes.size()) by_length.resize(classes.size() + 1);
    by_length[classes.size()].push_back(std::move(classes));
  }
  std::string out;
  for (const auto& same : by_length) {
    if (same.empty()) continue;
    out += (out.empty() ? "" : "|") + Trie(same, 0);
  }
  return out;
}

// Reads a cue lead back over the parts [begin, end) of a sequence (CueLead):
// `alternatives` holds the runs read so far, nearest the cue last, and is
// extended by each part read; `says` is set once a part read may not match
// empty. False when the reading stopped inside [begin, end) (nothing before
// it may be read), true when every part was read.
bool ReadLeadBack(const std::string& pattern, std::vector<const Part*>::const_iterator begin,
                  std::vector<const Part*>::const_iterator end,
                  std::vector<std::string>& alternatives, bool& says) {
  std::bitset<256> printable;
  for (int c = 0x20; c < 0x7F; ++c) printable.set(static_cast<std::size_t>(c));
  // The symbols a part takes, when it is one atom or a group of one-atom
  // alternatives: false otherwise.
  auto members_of = [&](const Part& part, std::bitset<256>& out) {
    if (part.open.empty()) return AtomMembers(pattern, part, out);
    if (part.lookaround || part.alternatives.empty()) return false;
    for (const auto& alt : part.alternatives)
      if (alt.size() != 1 || !Plain(alt[0]) || !AtomMembers(pattern, alt[0], out)) return false;
    return true;
  };
  for (auto at = end; at != begin;) {
    const Part& part = **--at;
    if (part.open == "(?=" || part.open == "(?!" || part.open == "(?<!") continue;
    std::bitset<256> members;
    std::size_t least = part.repeat.least, most = part.repeat.most;
    const bool behind = part.open == "(?<=";
    if (behind) {  // (?<=X): the symbol before is one of X; nothing is read beyond it
      if (!Plain(part) || part.alternatives.size() != 1 || part.alternatives[0].size() != 1 ||
          !Plain(part.alternatives[0][0]) ||
          !AtomMembers(pattern, part.alternatives[0][0], members))
        return false;
      least = most = 1;
    } else if (!members_of(part, members) || most > kCueLeadMostRepeats) {
      // a group of longer alternatives ("(?:e(?:y|Dk))?"): each run it may take
      std::vector<std::string> runs;
      if (!part.open.empty() && RunsOf(pattern, part, kCueLeadMostAlternatives, runs) &&
          alternatives.size() * runs.size() <= kCueLeadMostAlternatives) {
        std::vector<std::string> longer;
        for (const std::string& run : alternatives)
          for (const std::string& r : runs) longer.push_back(r + run);
        alternatives = std::move(longer);
        says = says || std::find(runs.begin(), runs.end(), "") == runs.end();
        continue;
      }
      // a plain group some alternative of which is not read whole
      // ("(?:(?<=[|/,])@NPx|j)"): each alternative read back as far as it
      // goes (the runs it ends with: "[x]", "[j]"), and the lead stops here
      if (part.open.empty() || part.lookaround || !Plain(part)) return false;
      std::vector<std::string> ends;  // of every alternative
      bool all_say = true;
      for (const auto& alt : part.alternatives) {
        std::vector<const Part*> parts;
        Open(alt, parts);
        std::vector<std::string> read = alternatives;
        bool alt_says = false;
        ReadLeadBack(pattern, parts.cbegin(), parts.cend(), read, alt_says);
        all_say = all_say && alt_says;
        ends.insert(ends.end(), read.begin(), read.end());
        if (ends.size() > kCueLeadMostAlternatives) return false;
      }
      alternatives = std::move(ends);
      says = says || all_say;
      return false;
    }
    if (members.none() || (members & ~printable).any()) return false;
    if (alternatives.size() * (most - least + 1) > kCueLeadMostAlternatives) return false;
    const std::string one = ClassText(members);
    std::vector<std::string> longer;
    for (const std::string& run : alternatives) {
      std::string with = run;
      for (std::size_t n = 0; n < least; ++n) with.insert(0, one);
      for (std::size_t n = least; n <= most; ++n) {
        longer.push_back(with);
        with.insert(0, one);
      }
    }
    alternatives = std::move(longer);
    says = says || least > 0;
    if (behind) return false;
  }
  return true;
}

// The runs of a cue lead (ClassTexts, nearest the cue last); none when there
// is no lead (CueLead's "").
std::vector<std::string> CueLeadRuns(const std::string& pattern, const Parsed& parsed) {
  std::vector<const Part*> seq;
  const auto cue = CuePart(parsed, seq);
  if (cue == seq.end()) return {};
  std::vector<std::string> alternatives{""};  // the runs read so far, nearest the cue last
  bool says = false;                          // a part read may not match empty
  ReadLeadBack(pattern, seq.cbegin(), cue, alternatives, says);
  if (!says) return {};
  return alternatives;
}

// The lead's lookbehind of its runs ("" for none).
std::string LeadOf(const std::vector<std::string>& runs) {
  return runs.empty() ? "" : "(?<=" + Factored(runs) + ")";
}

std::string CueLeadOf(const std::string& pattern, const Parsed& parsed) {
  return LeadOf(CueLeadRuns(pattern, parsed));
}

// The symbols the runs end with (the last class of each); all when there are
// none or one is empty (no condition).
std::bitset<256> LastSymbols(const std::vector<std::string>& runs) {
  std::bitset<256> last;
  for (const std::string& run : runs) {
    if (run.empty()) return std::bitset<256>().set();
    const std::string cls = Classes(run).back();
    std::bitset<256> members;
    if (ReadClass(cls, 0, members) != cls.size()) return std::bitset<256>().set();
    last |= members;
  }
  return runs.empty() ? std::bitset<256>().set() : last;
}

// The symbols a match of `seq` may take first, into `first`; false when
// `seq` may match empty or its first symbol is not known here ('.', a
// character of several bytes, '^' or '$'). Lookarounds take no symbol: the
// first symbol is the one after them (a superset of what they allow).
bool FirstSymbols(const std::string& p, const std::vector<Part>& seq, std::bitset<256>& first);

// The same of one part, ignoring its repeat; false as above.
bool FirstOfPart(const std::string& p, const Part& part, std::bitset<256>& first) {
  if (!part.open.empty()) {
    for (const auto& alt : part.alternatives)
      if (!FirstSymbols(p, alt, first)) return false;
    return true;
  }
  const char c = p[part.begin];
  if (c == '[') return ReadClass(p, part.begin, first) != std::string::npos;
  if (c == '\\') {
    first.set(static_cast<unsigned char>(p[part.begin + 1]));
    return true;
  }
  if (c == '.' || c == '^' || c == '$' || static_cast<unsigned char>(c) >= 0x80) return false;
  first.set(static_cast<unsigned char>(c));
  return true;
}

bool FirstSymbols(const std::string& p, const std::vector<Part>& seq, std::bitset<256>& first) {
  for (const Part& part : seq) {
    if (part.lookaround) continue;
    if (part.repeat.most == 0) continue;
    std::bitset<256> own;
    if (!FirstOfPart(p, part, own)) return false;
    first |= own;
    if (part.repeat.least > 0) return true;  // (a group that may match empty failed above)
  }
  return false;  // all of it may be skipped: the sequence may match empty
}

// Whether a part takes no symbol: a lookaround, or a plain group each
// alternative of which takes none ("(?:(?<=x|xy))").
bool TakesNone(const Part& part) {
  if (part.lookaround) return true;
  if (part.open.empty() || !Plain(part)) return false;
  for (const auto& alt : part.alternatives)
    for (const Part& p : alt)
      if (!TakesNone(p)) return false;
  return true;
}

// Whether every match of the (plain) cue group takes exactly one symbol:
// each alternative one plain atom ('.' , a literal, an escape of punctuation
// or a [class]; no '^' or '$') among parts that take none.
bool TakesOneSymbol(const std::string& p, const Part& cue) {
  for (const auto& alt : cue.alternatives) {
    std::size_t atoms = 0;
    for (const Part& part : alt) {
      if (TakesNone(part)) continue;
      const char c = p[part.begin];
      if (!part.open.empty() || !Plain(part) || c == '^' || c == '$' ||
          (c == '\\' && std::isalnum(static_cast<unsigned char>(p[part.begin + 1]))))
        return false;
      ++atoms;
    }
    if (atoms != 1) return false;
  }
  return true;
}

// The symbols that may stand right after the cue group's one symbol in a
// match of the cue suffix (the parts CueSuffixOf takes after it): read
// forward, the first symbols of the optional parts met, then those of the
// first part that must take one, or of the first plain lookahead whose every
// alternative takes one ((?=[DdN]|ek): a symbol of one of them follows, unless
// an optional part before it took it). Other lookarounds are passed over
// (leaving their condition out only admits more). All symbols when the cue
// group may take more or less than one symbol, when all the parts read may
// match empty (no symbol need follow), or at a part whose first symbols are
// not known here.
std::bitset<256> AfterCueOf(const std::string& pattern, const Parsed& parsed) {
  const std::bitset<256> any = std::bitset<256>().set();
  std::vector<const Part*> seq;
  const auto cue = CuePart(parsed, seq);
  if (cue == seq.end() || !TakesOneSymbol(pattern, **cue)) return any;
  std::bitset<256> acc;  // the first symbols of the optional parts read
  for (auto at = cue + 1; at != seq.end(); ++at) {
    const Part& part = **at;
    if (MostSymbols(part) > kCueSuffixMostSymbols) break;  // where CueSuffixOf stops
    if (part.open == "(?=" && Plain(part)) {
      std::bitset<256> ahead;
      bool each = true;  // every alternative takes a first symbol known here
      for (const auto& alt : part.alternatives) each = each && FirstSymbols(pattern, alt, ahead);
      if (each) return acc | ahead;
      continue;
    }
    if (part.lookaround || part.repeat.most == 0) continue;
    std::bitset<256> own;
    if (!FirstOfPart(pattern, part, own)) return any;
    acc |= own;
    if (part.repeat.least > 0) return acc;  // (a group that may match empty failed above)
  }
  return any;
}

// "[…]" of `set` (printable ASCII), every member but a letter or digit escaped.
std::string ClassText(const std::bitset<256>& set) {
  std::string text = "[";
  for (int c = 0; c < 0x80; ++c) {
    if (!set.test(static_cast<std::size_t>(c))) continue;
    if (!std::isalnum(c)) text += '\\';
    text += static_cast<char>(c);
  }
  return text + "]";
}

// Collects, in pattern order, the text positions and filters of the
// lookaheads of `seq` (and of the groups in it) that get one.
void CollectFilters(const std::string& p, const std::vector<Part>& seq,
                    std::vector<std::pair<std::size_t, std::string>>& out) {
  for (const Part& part : seq) {
    if (part.open.empty() || part.open.starts_with("(?<=") || part.open.starts_with("(?<!"))
      continue;
    if (part.open == "(?=" && Plain(part) && part.alternatives.size() >= kFilteredAlternatives) {
      std::bitset<256> first;
      bool known = true;
      for (const auto& alt : part.alternatives) known = known && FirstSymbols(p, alt, first);
      std::bitset<256> printable;  // written in a class as themselves (or escaped)
      for (int c = 0x20; c < 0x7F; ++c) printable.set(static_cast<std::size_t>(c));
      if (known && (first & ~printable).none() && first != printable)
        out.emplace_back(part.begin, "(?=" + ClassText(first) + ")");
    }
    for (const auto& alt : part.alternatives) CollectFilters(p, alt, out);
  }
}

std::string FilteredOf(const std::string& pattern, const Parsed& parsed) {
  if (!parsed.read) return pattern;
  std::vector<std::pair<std::size_t, std::string>> filters;
  for (const auto& alt : parsed.root) CollectFilters(pattern, alt, filters);
  std::string out;
  std::size_t copied = 0;
  for (const auto& [at, filter] : filters) {
    out.append(pattern, copied, at - copied);
    out += filter;
    copied = at;
  }
  out.append(pattern, copied, std::string::npos);
  return out;
}

bool StartsAfterOf(const std::string& pattern, const Parsed& parsed, const std::bitset<256>& set) {
  const auto& root = parsed.root;
  if (!parsed.read || root.size() != 1) return false;
  std::vector<const Part*> seq;
  Open(root[0], seq);
  if (seq.empty()) return false;
  const Part& first = *seq[0];
  if (first.open != "(?<=" || !Plain(first) || first.alternatives.size() != 1 ||
      first.alternatives[0].size() != 1)
    return false;
  const Part& atom = first.alternatives[0][0];
  if (!atom.open.empty() || !Plain(atom)) return false;
  std::bitset<256> members;
  const char c = pattern[atom.begin];
  if (c == '[') {
    if (ReadClass(pattern, atom.begin, members) == std::string::npos) return false;
  } else if (c == '\\') {
    members.set(static_cast<unsigned char>(pattern[atom.begin + 1]));
  } else if (c != '.' && c != '^' && c != '$') {
    members.set(static_cast<unsigned char>(c));
  } else {
    return false;
  }
  return (members & ~set).none();
}

}  // namespace

std::string CueSuffix(const std::string& pattern) { return CueSuffixOf(pattern, Parse(pattern)); }

bool StartsAfter(const std::string& pattern, const std::bitset<256>& set) {
  return StartsAfterOf(pattern, Parse(pattern), set);
}

std::string FilteredLookaheads(const std::string& pattern) {
  return FilteredOf(pattern, Parse(pattern));
}

std::string CueLead(const std::string& pattern) { return CueLeadOf(pattern, Parse(pattern)); }

FrameStudy StudyFrame(const std::string& pattern, const std::bitset<256>& boundaries) {
  const Parsed parsed = Parse(pattern);
  FrameStudy study;
  study.cue_suffix = CueSuffixOf(pattern, parsed);
  study.cue_search = study.cue_suffix;
  const std::vector<std::string> runs = CueLeadRuns(pattern, parsed);
  study.before_cue = LastSymbols(runs);
  study.after_cue = AfterCueOf(pattern, parsed);
  if (const std::string lead = LeadOf(runs); !lead.empty()) {
    std::string cue_group;  // the cue group's text, for a lead with no suffix
    if (study.cue_suffix.empty()) {
      std::vector<const Part*> seq;
      Open(parsed.root[0], seq);
      for (const Part* part : seq)
        if (part->open == "(?<cue>")
          cue_group = pattern.substr(part->begin, part->end - part->begin);
    }
    study.cue_search = lead + (study.cue_suffix.empty() ? cue_group : study.cue_suffix);
  }
  study.starts_after = StartsAfterOf(pattern, parsed, boundaries);
  study.filtered = FilteredOf(pattern, parsed);
  return study;
}

}  // namespace whosaid::attribution
