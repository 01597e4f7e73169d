#include "attribution/policy.h"

#include <algorithm>
#include <string>

namespace whosaid::attribution {

namespace {

// The quotation ends its sentence (a final period allowed).
bool EndsSentence(const Analysed& a, std::size_t u, const ShapeAlphabet& alpha) {
  const std::string& s = a.shape.symbols;
  std::size_t p = a.shape.pos_of[u];
  auto boundary = [&](std::size_t i) { return i < s.size() && alpha.boundary.Has(s[i]); };
  return boundary(p + 1) ||
         (p + 1 < s.size() && s[p + 1] == alpha.sym.full_stop && boundary(p + 2));
}

std::size_t SentencesBetween(const Analysed& a, std::size_t from, std::size_t to,
                             const ShapeAlphabet& alpha) {
  if (from >= to) return 0;
  std::size_t n = 0;
  for (std::size_t p = a.shape.pos_of[from]; p < a.shape.pos_of[to]; ++p)
    n += a.shape.symbols[p] == alpha.sym.sentence_end;
  return n;
}

// Quotations no frame claimed that continue a quoted speaker: the second half
// of a split quote ("A," he said. "B.") or a paragraph that is only a
// quotation after a paragraph ending in that speaker's quotation. (The units
// are visited through the shape string, one byte each, and only a
// continued_quote unit reads its Unit and the claims before it.)
std::vector<Claim> Continuations(const Analysed& a, const std::vector<Claim>& claims,
                                 const ShapeAlphabet& alpha) {
  std::vector<char> claimed(a.shape.units.size(), 0);
  for (const Claim& c : claims) {
    for (std::size_t u = c.content.begin; u < c.content.end; ++u) claimed[u] = 1;
  }
  std::vector<Claim> out;
  std::optional<Claim> last;  // the latest claim before u
  std::size_t next = 0;
  const std::string& symbols = a.shape.symbols;
  for (std::size_t p = 0; p < symbols.size(); ++p) {
    const char sym = symbols[p];
    if (!alpha.continued_quote.Has(sym) || a.shape.unit_at[p] < 0) continue;
    const auto u = static_cast<std::size_t>(a.shape.unit_at[p]);
    const std::size_t first = next;
    while (next < claims.size() && claims[next].content.begin <= u) ++next;
    if (next > first) last = claims[next - 1];
    if (claimed[u] || !last || !EndsSentence(a, u, alpha)) continue;
    std::size_t from = a.Paragraph(last->content.begin), here = a.Paragraph(u);
    std::size_t after = std::max({last->content.end, last->cue.end, last->speaker.end});
    std::size_t sentences = SentencesBetween(a, std::min(after, u), u, alpha);
    // the next sentence, or the same one after an interruption ("A," X said, Y, "B.")
    bool split = from == here && ((sentences == 1 && sym == alpha.sym.quotation) ||
                                  (sentences == 0 && last->direct));
    bool next_para =
        here == from + 1 && a.StartsParagraph(u) && last->direct && sym == alpha.sym.quotation;
    if (!split && !next_para) continue;
    Claim c = *last;
    c.frame = split ? "split_quote" : "continuation";
    c.direct = true;
    c.content = {u, u + 1};
    if (!split) c.cue = {};
    out.push_back(c);
    last = c;
    claimed[u] = 1;
  }
  return out;
}

// Quote frames give direct quotes (the words inside the marks); content
// frames give mixed content when it holds a quotation ("that “…”" included),
// indirect otherwise.
QuoteKind KindOf(const Analysed& a, const Claim& c, Span* span) {
  const auto& units = a.shape.units;
  if (c.direct) {
    *span = a.quotes.quotes[static_cast<std::size_t>(units[c.content.begin].quote)].inner;
    return QuoteKind::kDirect;
  }
  *span = a.Bytes(c.content);
  for (std::size_t u = c.content.begin; u < c.content.end; ++u) {
    if (units[u].quote >= 0) return QuoteKind::kMixed;
  }
  return QuoteKind::kIndirect;
}

Speaker ToSpeaker(const ResolvedSpeaker& r) {
  const auto& p = r.phrase;
  Speaker s;
  s.entity = r.entity;
  s.name = p.name;
  s.mention = p.mention;
  s.role = p.role;
  s.affiliation = p.affiliation;
  s.type = p.type;
  if (p.name.empty() && !p.pronoun) s.type = SpeakerType::kAnonymous;
  if (p.type == SpeakerType::kGroup) s.type = SpeakerType::kGroup;
  return s;
}

}  // namespace

AttributionPolicy::AttributionPolicy(const AttributionConfig& config, const rules::RuleSet& rules)
    : config_(config),
      places_(rules.Shared<rules::Places>()),
      alphabet_(rules.Shared<Lexicon>().alphabet()) {}

std::vector<Claim> AttributionPolicy::WithContinuations(const Analysed& a,
                                                        std::vector<Claim> claims) const {
  auto more = Continuations(a, claims, alphabet_);
  claims.insert(claims.end(), more.begin(), more.end());
  std::sort(claims.begin(), claims.end(),
            [](const Claim& x, const Claim& y) { return x.content.begin < y.content.begin; });
  return claims;
}

std::optional<QuoteRecord> AttributionPolicy::Record(const Analysed& a, const Claim& c,
                                                     const ResolvedSpeaker& speaker) const {
  QuoteRecord r;
  r.kind = KindOf(a, c, &r.quote);
  if (r.quote.empty() || IsDateline(a, c)) return std::nullopt;
  if (!c.cue.empty()) r.cue = a.Bytes(c.cue);
  if (!c.speaker.empty()) r.speaker = ToSpeaker(speaker);  // else: a source-less appearance
  r.confidence = Confidence(c, speaker, r.kind);
  r.rule = c.frame;
  return r;
}

double AttributionPolicy::Confidence(const Claim& c, const ResolvedSpeaker& r,
                                     QuoteKind kind) const {
  double base = c.direct                       ? config_.direct_confidence
                : kind == QuoteKind::kIndirect ? config_.indirect_confidence
                                               : config_.mixed_confidence;
  if (c.frame == "continuation") base = config_.continuation_confidence;
  if (r.phrase.pronoun && r.phrase.name.empty()) base -= config_.unnamed_pronoun_penalty;
  return base;
}

// "ISLAMABAD: Prime Minister …" — an all-capitals place opening the article,
// with a colon, is a dateline, not a speaker and what it said (a transcript's
// "WALLACE:" stays a speaker).
bool AttributionPolicy::IsDateline(const Analysed& a, const Claim& c) const {
  if (c.speaker.empty() || c.cue.empty() || a.Paragraph(c.speaker.begin) != a.Paragraph(0))
    return false;
  const Span cue = a.Bytes(c.cue);
  if (a.text.substr(cue.begin, cue.size()) != ":") return false;
  std::string name;  // title case: "NEW DELHI" → "New Delhi"
  for (std::size_t u = c.speaker.begin; u < c.speaker.end; ++u) {
    const auto& unit = a.shape.units[u];
    for (std::size_t t = unit.first; t < unit.end; ++t) {
      const auto& tok = a.tokens.tokens[t];
      if (!tok.all_caps) return false;
      std::string word = segment::Lower(a.text.substr(tok.span.begin, tok.span.size()));
      if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
        word[0] = static_cast<char>(word[0] - 'a' + 'A');
      name += (name.empty() ? "" : " ") + word;
    }
  }
  return places_.IsPlace(name);
}

}  // namespace whosaid::attribution
