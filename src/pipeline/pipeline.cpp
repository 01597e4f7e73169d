#include "pipeline/pipeline.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "attribution/coref.h"
#include "attribution/frames.h"
#include "attribution/lexicon.h"
#include "attribution/shape.h"
#include "attribution/speaker.h"
#include "claims/figures.h"
#include "entities/mentions.h"
#include "events/cluster.h"
#include "pipeline/record_limits.h"
#include "pipeline/windowed.h"
#include "quotes/scanner.h"
#include "segment/paragraphs.h"
#include "segment/tokenizer.h"

namespace whosaid {

using attribution::Claim;
using attribution::Shape;
using attribution::UnitRange;

namespace {

events::EventConfig WithTrace(events::EventConfig c, bool trace) {
  c.trace = c.trace || trace;
  return c;
}

}  // namespace

struct Pipeline::Impl {
  Impl(const PipelineConfig& c, const rules::RuleSet& rules)
      : config(c),
        tokenizer(rules),
        scanner(quotes::ScannerConfig{}, rules),
        lexicon(rules),
        shapes(attribution::ShapeConfig{}, lexicon),
        frames(rules),
        speakers(rules, lexicon),
        coref(attribution::CorefConfig{}, speakers),
        mentions(rules, lexicon, speakers),
        events(WithTrace(c.events, c.trace), rules),
        limits(rules),
        figures(rules) {}

  DocResult RunWindow(const Document& doc) const;  // every step on one window

  PipelineConfig config;
  segment::Tokenizer tokenizer;
  quotes::Scanner scanner;
  attribution::Lexicon lexicon;
  attribution::ShapeBuilder shapes;
  attribution::Frames frames;
  attribution::SpeakerReader speakers;
  attribution::Coref coref;
  entities::MentionFinder mentions;
  events::EventStage events;
  RecordLimits limits;
  claims::FigureExtractor figures;
};

namespace {

struct Analysed {
  std::string_view text;
  std::vector<segment::Paragraph> paragraphs;
  quotes::Scanner::Result quotes;
  segment::Tokens tokens;
  Shape shape;

  Span Bytes(UnitRange r) const {
    return {tokens.tokens[shape.units[r.begin].first].span.begin,
            tokens.tokens[shape.units[r.end - 1].end - 1].span.end};
  }
  std::size_t Paragraph(std::size_t unit) const {
    return tokens.tokens[shape.units[unit].first].paragraph;
  }
  bool StartsParagraph(std::size_t unit) const {
    return unit == 0 || Paragraph(unit - 1) != Paragraph(unit);
  }
};

// The quotation ends its sentence (a final period allowed).
bool EndsSentence(const Analysed& a, std::size_t u) {
  const std::string& s = a.shape.symbols;
  std::size_t p = a.shape.pos_of[u];
  auto boundary = [&](std::size_t i) { return i < s.size() && (s[i] == '|' || s[i] == '/'); };
  return boundary(p + 1) || (p + 1 < s.size() && s[p + 1] == '.' && boundary(p + 2));
}

std::size_t SentencesBetween(const Analysed& a, std::size_t from, std::size_t to) {
  if (from >= to) return 0;
  std::size_t n = 0;
  for (std::size_t p = a.shape.pos_of[from]; p < a.shape.pos_of[to]; ++p)
    n += a.shape.symbols[p] == '|';
  return n;
}

// Quotations no frame claimed that continue a quoted speaker: the second half
// of a split quote ("A," he said. "B.") or a paragraph that is only a
// quotation after a paragraph ending in that speaker's quotation.
std::vector<Claim> Continuations(const Analysed& a, const std::vector<Claim>& claims) {
  std::vector<char> claimed(a.shape.units.size(), 0);
  for (const Claim& c : claims) {
    for (std::size_t u = c.content.begin; u < c.content.end; ++u) claimed[u] = 1;
  }
  std::vector<Claim> out;
  std::optional<Claim> last;  // the latest claim before u
  std::size_t next = 0;
  for (std::size_t u = 0; u < a.shape.units.size(); ++u) {
    while (next < claims.size() && claims[next].content.begin <= u) last = claims[next++];
    char sym = a.shape.units[u].symbol;
    if ((sym != 'Q' && sym != 'W') || claimed[u] || !last || !EndsSentence(a, u)) continue;
    std::size_t from = a.Paragraph(last->content.begin), here = a.Paragraph(u);
    std::size_t after = std::max({last->content.end, last->cue.end, last->speaker.end});
    std::size_t sentences = SentencesBetween(a, std::min(after, u), u);
    // the next sentence, or the same one after an interruption ("A," X said, Y, "B.")
    bool split =
        from == here && ((sentences == 1 && sym == 'Q') || (sentences == 0 && last->direct));
    bool next_para = here == from + 1 && a.StartsParagraph(u) && last->direct && sym == 'Q';
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

Speaker ToSpeaker(const attribution::ResolvedSpeaker& r) {
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

double Confidence(const Claim& c, const attribution::ResolvedSpeaker& r, QuoteKind kind) {
  double base = c.direct ? 0.9 : kind == QuoteKind::kIndirect ? 0.75 : 0.85;
  if (c.frame == "continuation") base = 0.7;
  if (r.phrase.pronoun && r.phrase.name.empty()) base -= 0.2;
  return base;
}

// "ISLAMABAD: Prime Minister …" — an all-capitals place opening the article,
// with a colon, is a dateline, not a speaker and what it said (a transcript's
// "WALLACE:" stays a speaker).
bool IsDateline(const Analysed& a, const Claim& c, const attribution::SpeakerReader& places) {
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
  return places.IsPlace(name);
}

// Development aid (PipelineConfig::trace): the shape string and every claim.
void Trace(const Analysed& a, const std::vector<Claim>& claims) {
  std::fprintf(stderr, "shape %s\n", a.shape.symbols.c_str());
  for (const Claim& c : claims) {
    Span s = a.Bytes(c.content);
    std::fprintf(stderr, "  %-18s %.*s\n", c.frame.c_str(),
                 static_cast<int>(std::min<std::size_t>(s.size(), 90)), a.text.data() + s.begin);
  }
}

}  // namespace

Pipeline::Pipeline(const PipelineConfig& config, const rules::RuleSet& rules)
    : impl_(std::make_unique<Impl>(config, rules)) {}
Pipeline::~Pipeline() = default;

DocResult Pipeline::Impl::RunWindow(const Document& doc) const {
  const Impl& m = *this;
  Analysed a;
  a.text = doc.text;
  // 1. segment: paragraphs
  a.paragraphs = segment::SplitParagraphs(a.text);
  // 2. quotes: pair the quote marks
  a.quotes = m.scanner.Run(a.text, a.paragraphs);
  std::vector<Span> top;
  for (const auto& q : a.quotes.quotes)
    if (q.depth == 0) top.push_back(q.outer);
  // 3. segment: tokens and sentences, quotations kept whole
  a.tokens = m.tokenizer.Run(a.text, a.paragraphs, a.quotes.mark_positions, top);
  // 4. attribution: shape string, frames, continuations
  a.shape = m.shapes.Run(a.text, a.tokens, a.quotes.quotes);
  std::vector<Claim> claims = m.frames.Run(a.shape);

  auto more = Continuations(a, claims);
  claims.insert(claims.end(), more.begin(), more.end());
  std::sort(claims.begin(), claims.end(),
            [](const Claim& x, const Claim& y) { return x.content.begin < y.content.begin; });
  if (m.config.trace) Trace(a, claims);
  // 5. speakers: read each phrase, then resolve across the document
  std::vector<attribution::SpeakerPhrase> phrases;
  std::vector<std::size_t> at;
  for (const Claim& c : claims) {
    phrases.push_back(c.speaker.empty() ? attribution::SpeakerPhrase{}
                                        : m.speakers.Read(a.text, a.tokens, a.shape, c.speaker));
    at.push_back(c.cue.empty() ? c.content.begin : c.cue.begin);
  }
  auto resolved = m.coref.Run(a.text, a.tokens, a.shape, phrases, at);
  // 6. records
  DocResult result;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    QuoteRecord r;
    r.kind = KindOf(a, c, &r.quote);
    if (r.quote.empty() || IsDateline(a, c, m.speakers)) continue;
    if (!c.cue.empty()) r.cue = a.Bytes(c.cue);
    if (!c.speaker.empty()) r.speaker = ToSpeaker(resolved[i]);  // else: a source-less appearance
    r.confidence = Confidence(c, resolved[i], r.kind);
    r.rule = c.frame;
    result.quotes.push_back(std::move(r));
  }
  // 7. names mentioned, for corpus-level resolution
  result.names = m.mentions.Run(a.text, a.tokens);
  // 8. events: the document's events and each record's (ids come from the
  // corpus stage, events::ClusterEvents)
  result.events = m.events.Run(doc, a.tokens, result.quotes);
  for (std::size_t i = 0; i < result.quotes.size(); ++i) {
    int k = result.events.quote_event[i];
    if (k >= 0)
      result.quotes[i].event =
          events::Summarize({&result.events.events[static_cast<std::size_t>(k)]});
  }
  return result;
}

DocResult Pipeline::Run(const Document& doc) const {
  // A window is read as a document of its own that keeps the document's id
  // and date; when only the text dates it (a dateline), later windows take
  // the date the first one found.
  std::string date = doc.date;
  DocResult result =
      RunInWindows(doc.text, impl_->config.window_bytes, [&](std::string_view window) {
        if (window.size() == doc.text.size()) return impl_->RunWindow(doc);
        Document part;
        part.id = doc.id;
        part.outlet = doc.outlet;
        part.url = doc.url;
        part.source = doc.source;
        part.date = date;
        part.text = std::string(window);
        DocResult r = impl_->RunWindow(part);
        if (date.empty() && r.events.anchor) date = events::FormatWhen(*r.events.anchor);
        return r;
      });
  impl_->limits.Apply(doc, result);  // no record no speech could be (rules/records.txt)
  // Figures are read over the whole text (in small chunks of their own), after
  // the limits: they point at the records that remain.
  result.figures = impl_->figures.Run(doc.text, result.quotes);
  return result;
}

}  // namespace whosaid
