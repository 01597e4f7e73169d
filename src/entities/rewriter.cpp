#include "entities/rewriter.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace whosaid::entities {
namespace {

Scope ParseScope(const rules::RuleFile& file, const rules::RuleLine& line,
                 const std::string& text) {
  if (text == "person") return Scope::kPerson;
  if (text == "org") return Scope::kOrg;
  if (text == "all") return Scope::kAll;
  throw file.Error(line, "scope '" + text + "': expected person, org or all");
}

// Fields of an entry; "PATTERN |" (an empty replacement, whose trailing
// blank the loader trimmed) gives {PATTERN, ""}.
std::vector<std::string> SplitFields(const rules::RuleLine& line) {
  const std::string& t = line.text;
  if (t.size() > 2 && t.compare(t.size() - 2, 2, " |") == 0) {
    std::vector<std::string> f =
        rules::RuleFile::Fields(rules::RuleLine{line.line, t.substr(0, t.size() - 2)});
    f.emplace_back();
    return f;
  }
  return rules::RuleFile::Fields(line);
}

bool Covers(Scope rule, Scope wanted) {
  return wanted == Scope::kAll || rule == Scope::kAll || rule == wanted;
}

constexpr std::size_t kNone = std::string_view::npos;

bool Digit(char c) { return c >= '0' && c <= '9'; }
bool Alnum(char c) { return Digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Past the class opening at p[i] ('['), or kNone.
std::size_t SkipClass(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // (a first ']' is a member)
  while (j < p.size()) {
    if (p[j] == '\\') {
      j += 2;
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      const std::size_t close = p.find(":]", j + 2);
      if (close == kNone) return kNone;
      j = close + 2;
    } else if (p[j] == ']') {
      return j + 1;
    } else {
      ++j;
    }
  }
  return kNone;
}

// Past the group opening at p[i] ('(') and everything in it, or kNone.
std::size_t SkipGroup(std::string_view p, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < p.size();) {
    if (p[j] == '\\') {
      j += 2;
    } else if (p[j] == '[') {
      j = SkipClass(p, j);
      if (j == kNone) return kNone;
    } else {
      if (p[j] == '(') ++depth;
      if (p[j] == ')' && --depth == 0) return j + 1;
      ++j;
    }
  }
  return kNone;
}

// The length of the repeat count ({n}, {n,}, {n,m}) at p[i], or 0 (a
// literal brace to PCRE2).
std::size_t RepeatCount(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  const std::size_t digits = j;
  while (j < p.size() && Digit(p[j])) ++j;
  if (j == digits) return 0;
  if (j < p.size() && p[j] == ',') {
    ++j;
    while (j < p.size() && Digit(p[j])) ++j;
  }
  return j < p.size() && p[j] == '}' ? j + 1 - i : 0;
}

// Whether every "(?" and "(*" of the pattern opens a group this reading
// knows (no inline options, comments or verbs) and it has no \Q.
bool KnownForms(std::string_view p) {
  if (p.find("(*") != kNone || p.find("\\Q") != kNone) return false;
  for (std::size_t at = p.find("(?"); at != kNone; at = p.find("(?", at + 1)) {
    const std::string_view rest = p.substr(at + 2);
    const bool known = !rest.empty() && (rest[0] == ':' || rest[0] == '=' || rest[0] == '!' ||
                                         rest[0] == '>' || rest[0] == '|' ||
                                         (rest.size() > 1 && rest[0] == '<' &&
                                          (rest[1] == '=' || rest[1] == '!' || Alnum(rest[1]))));
    if (!known) return false;
  }
  return true;
}

bool Literal(char c) { return Alnum(c) || c == ' ' || c == '-' || c == '\'' || c == ','; }

// The alternatives of the group p[begin, end) ('(' … ')') when it is
// "(?:…)" or "(…)" and each is a non-empty run of Literal bytes, else none.
std::vector<std::string> LiteralChoice(std::string_view p, std::size_t begin, std::size_t end) {
  std::string_view body = p.substr(begin + 1, end - begin - 2);
  if (body.substr(0, 2) == "?:")
    body.remove_prefix(2);
  else if (!body.empty() && body[0] == '?')
    return {};  // (a lookaround, an atomic or a named group …)
  std::vector<std::string> alternatives(1);
  for (const char c : body) {
    if (c == '|') {
      if (alternatives.back().empty()) return {};
      alternatives.emplace_back();
    } else if (Literal(c)) {
      alternatives.back().push_back(c);
    } else {
      return {};
    }
  }
  if (alternatives.back().empty()) return {};
  return alternatives;
}

bool Quantifier(std::string_view p, std::size_t i) {
  return i < p.size() &&
         (p[i] == '?' || p[i] == '*' || p[i] == '+' || (p[i] == '{' && RepeatCount(p, i) > 0));
}

// The byte pairs a text holds, hashed into 1,024 bits: a run can be in the
// text only if each of its pairs is, so most runs the text lacks cost a
// bit test or two instead of a find (a pass with memchr per blank of the
// text for " bin").
class Pairs {
 public:
  void Assign(std::string_view text) {
    bits_.fill(0);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      const unsigned k = Key(text[i], text[i + 1]);
      bits_[k >> 6] |= std::uint64_t{1} << (k & 63);
    }
  }
  bool MayHold(std::string_view run) const {
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
      const unsigned k = Key(run[i], run[i + 1]);
      if ((bits_[k >> 6] >> (k & 63) & 1) == 0) return false;
    }
    return true;
  }

 private:
  static unsigned Key(char a, char b) {
    return (static_cast<unsigned char>(a) * 37u + static_cast<unsigned char>(b)) & 1023u;
  }
  std::array<std::uint64_t, 16> bits_{};
};

// Whether `text` holds what `needs` asks (Rewriter::NeedsOf); `pairs` are
// the text's (Pairs::Assign).
bool Holds(const Rewriter::Needs& needs, const std::string& text, const Pairs& pairs) {
  if (needs.last != 0) {
    const std::size_t n = text.size();
    const bool ends = (n >= 1 && text[n - 1] == needs.last) ||
                      (n >= 2 && text[n - 1] == '\n' && text[n - 2] == needs.last);
    if (!ends) return false;
  }
  for (const std::vector<std::string>& any : needs.any_of) {
    bool found = false;
    for (const std::string& a : any)
      found = found || (pairs.MayHold(a) && text.find(a) != std::string::npos);
    if (!found) return false;
  }
  return true;
}

}  // namespace

Rewriter::Rewriter(const rules::RuleFile& file, Fields fields) {
  const std::size_t want = fields == Fields::kTwo ? 2 : 3;
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = SplitFields(line);
    if (f.size() != want) {
      throw file.Error(line, fields == Fields::kTwo ? "expected PATTERN | REPLACEMENT"
                                                    : "expected PATTERN | REPLACEMENT | SCOPE");
    }
    if (f[0].empty()) throw file.Error(line, "empty pattern");
    Scope scope = want == 3 ? ParseScope(file, line, f[2]) : Scope::kAll;
    std::string where = file.path() + ":" + std::to_string(line.line);
    rules_.push_back({Regex(f[0], where), f[1], scope, NeedsOf(f[0])});
  }
  for (const Scope wanted : {Scope::kPerson, Scope::kOrg, Scope::kAll}) {
    for (std::size_t i = 0; i < rules_.size(); ++i)
      if (Covers(rules_[i].scope, wanted))
        in_scope_[static_cast<int>(wanted)].push_back(static_cast<std::uint32_t>(i));
  }
}

Rewriter::Needs Rewriter::NeedsOf(std::string_view p) {
  if (!KnownForms(p)) return {};
  Needs needs;
  std::string run;
  auto end_run = [&] {
    if (run.size() >= 2) needs.any_of.push_back({run});
    run.clear();
  };
  bool literal = false;  // the last atom read is run.back() (a quantifier takes it off)
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (Quantifier(p, i)) {
      if (literal) run.pop_back();
      end_run();
      i += c == '{' ? RepeatCount(p, i) : 1;
      if (i < p.size() && (p[i] == '?' || p[i] == '+')) ++i;  // lazy, possessive
      literal = false;
      continue;
    }
    if (c == '|' || c == ')' || c == '{') return {};
    if (c == '$' && i + 1 == p.size() && literal) needs.last = run.back();
    literal = false;
    if (c == '(' || c == '[') {
      const std::size_t end = c == '(' ? SkipGroup(p, i) : SkipClass(p, i);
      if (end == kNone) return {};
      std::vector<std::string> choice;
      if (c == '(' && !Quantifier(p, end)) choice = LiteralChoice(p, i, end);
      for (std::string& a : choice) a.insert(0, run);
      const bool all_long = std::all_of(choice.begin(), choice.end(),
                                        [](const std::string& a) { return a.size() >= 2; });
      if (!choice.empty() && all_long) {
        needs.any_of.push_back(std::move(choice));  // (the run before it is in each)
        run.clear();
      }
      end_run();
      i = end;
      continue;
    }
    if (c == '\\') {
      if (i + 1 == p.size()) return {};
      const char e = p[i + 1];
      i += 2;
      if (static_cast<unsigned char>(e) < 0x80 && !Alnum(e) && e > ' ') {
        run.push_back(e);  // an escaped punctuation byte: itself
        literal = true;
        continue;
      }
      if (Digit(e)) {
        while (i < p.size() && Digit(p[i])) ++i;  // a back reference
      } else if (std::string_view("bBAzZGKdDwWsShHvVRX").find(e) == kNone) {
        return {};  // (\x{…}, \p{…}, \g…: not read here)
      }
      end_run();
      continue;
    }
    ++i;
    if (Literal(c)) {
      run.push_back(c);
      literal = true;
    } else {
      end_run();  // '.', '^', '$', any other byte
    }
  }
  end_run();
  return needs;
}

// The replacement with $1 … $9 filled in, appended to `out`.
void Rewriter::AppendExpanded(std::string& out, const std::string& replacement,
                              std::string_view subject, const Regex::Match& match) {
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    char c = replacement[i];
    if (c == '$' && i + 1 < replacement.size() && replacement[i + 1] >= '1' &&
        replacement[i + 1] <= '9') {
      Span g = match.Group(replacement[++i] - '0');
      if (Regex::Match::Set(g)) out.append(subject.substr(g.begin, g.end - g.begin));
      continue;
    }
    out.push_back(c);
  }
}

// A thread's reused match state: Apply runs every rule over every word of
// every name parsed, some 175,000 match calls on a thousand articles, so
// each call reuses one Scratch, one Match and one output buffer instead of
// FindAll's vector of fresh matches (and its thread_local look-up per match).
struct Rewriter::Work {
  Regex::Scratch scratch;
  Regex::Match match;
  std::string out;
};

// In place: most rules match nothing in a given name, and then nothing is
// copied (Apply runs every rule over every word of every name parsed).
// `bytes` is Regex::BytesOf(text), kept so when the text changes. The
// caller has made MayMatchBytes(bytes) true (the test FindAll would make
// first). The matches are FindAll's: every non-overlapping one, left to
// right (Regex::NextStart). Returns whether the text changed.
bool Rewriter::ApplyOne(const Rule& rule, std::string& text, Regex::ByteSet& bytes, Work& work) {
  std::string& out = work.out;
  std::size_t start = 0, at = 0;
  bool any = false;
  while (rule.pattern.Find(text, start, text.size(), work.scratch, work.match)) {
    const Span whole = work.match.groups[0];
    if (!any) out.clear();
    any = true;
    out.append(text, at, whole.begin - at);
    AppendExpanded(out, rule.replacement, text, work.match);
    at = whole.end;
    start = Regex::NextStart(text, whole);
  }
  if (!any) return false;
  out.append(text, at);
  text.swap(out);
  bytes = Regex::BytesOf(text);
  return true;
}

std::string Rewriter::Apply(std::string_view text, Scope scope) const {
  std::string s(text);
  ApplyInPlace(s, scope);
  return s;
}

bool Rewriter::ApplyInPlace(std::string& s, Scope scope) const {
  thread_local Work work;
  Regex::ByteSet bytes = Regex::BytesOf(s);
  Pairs pairs;
  bool pairs_made = false;  // (for the first rule with runs to find, again after a change)
  bool changed = false;
  // a rule whose pattern cannot match the text's bytes costs a few word
  // operations (MayMatchBytes), not a pass over the text: most rules for
  // most texts (Spell: a hundred rules per name word)
  // (nor one whose needs the text lacks, NeedsOf: a search that fails
  // costs some 400 instructions; a run is looked for only when the text
  // holds its byte pairs, Pairs)
  for (const std::uint32_t i : in_scope_[static_cast<int>(scope)]) {
    const Rule& rule = rules_[i];
    if (!rule.pattern.MayMatchBytes(bytes)) continue;
    if (!pairs_made && !rule.needs.any_of.empty()) {
      pairs.Assign(s);
      pairs_made = true;
    }
    if (!Holds(rule.needs, s, pairs) || !ApplyOne(rule, s, bytes, work)) continue;
    changed = true;
    pairs_made = false;
  }
  return changed;
}

}  // namespace whosaid::entities
