#include "entities/rewriter.h"

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
    rules_.push_back({Regex(f[0], where), f[1], scope});
  }
  for (const Scope wanted : {Scope::kPerson, Scope::kOrg, Scope::kAll}) {
    for (std::size_t i = 0; i < rules_.size(); ++i)
      if (Covers(rules_[i].scope, wanted))
        in_scope_[static_cast<int>(wanted)].push_back(static_cast<std::uint32_t>(i));
  }
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
  thread_local Work work;
  std::string s(text);
  Regex::ByteSet bytes = Regex::BytesOf(s);
  // a rule whose pattern cannot match the text's bytes costs a few word
  // operations (MayMatchBytes), not a pass over the text: most rules for
  // most texts (Spell: a hundred rules per name word)
  for (const std::uint32_t i : in_scope_[static_cast<int>(scope)]) {
    const Rule& rule = rules_[i];
    if (rule.pattern.MayMatchBytes(bytes)) ApplyOne(rule, s, bytes, work);
  }
  return s;
}

}  // namespace whosaid::entities
