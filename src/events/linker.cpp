#include "events/linker.h"

#include <algorithm>
#include <string_view>

namespace whosaid::events {

// One quote record as the linker reads it.
struct QuoteLinker::Quote {
  std::size_t first = 0, end = 0;  // its words
  std::uint32_t sentence_first = 0, sentence_last = 0;
  std::uint32_t paragraph = 0;
  bool general = false;     // speaks in general
  bool casualties = false;  // speaks of victims or damage
  // The full stop that ends its first sentence of victims or damage (its end
  // when there is none).
  std::size_t casualty_told = 0;
  bool modal = false;     // speaks of what will, may or must be
  bool occasion = false;  // its sentence names where the words were spoken
  // The mentions are in text order (by first word and by sentence, as the
  // event stage makes them): the steps that read only the mentions of some
  // words or sentences find them by binary search (MentionsAt,
  // MentionsOfSentences) instead of reading every mention per quote.
  bool sorted = false;
};

namespace {

// Whether ms's first words and sentences are both non-decreasing.
bool InTextOrder(const std::vector<Mention>& ms) {
  for (std::size_t i = 1; i < ms.size(); ++i) {
    if (ms[i].first < ms[i - 1].first || ms[i].sentence < ms[i - 1].sentence) return false;
  }
  return true;
}

// The indices [begin, end) of ms holding every mention whose first word is
// in [from, to) (all of ms when not `sorted`; in order, so a loop over them
// sees those mentions as a loop over all of ms does).
std::pair<std::size_t, std::size_t> MentionsAt(const std::vector<Mention>& ms, bool sorted,
                                               std::size_t from, std::size_t to) {
  if (!sorted) return {0, ms.size()};
  auto by_first = [](const Mention& m, std::size_t w) { return m.first < w; };
  auto b = std::lower_bound(ms.begin(), ms.end(), from, by_first);
  auto e = std::lower_bound(b, ms.end(), to, by_first);
  return {static_cast<std::size_t>(b - ms.begin()), static_cast<std::size_t>(e - ms.begin())};
}

// The same for the mentions whose sentence is in [lo, hi].
std::pair<std::size_t, std::size_t> MentionsOfSentences(const std::vector<Mention>& ms, bool sorted,
                                                        std::uint64_t lo, std::uint64_t hi) {
  if (!sorted) return {0, ms.size()};
  auto b = std::lower_bound(ms.begin(), ms.end(), lo,
                            [](const Mention& m, std::uint64_t v) { return m.sentence < v; });
  auto e = std::upper_bound(b, ms.end(), hi,
                            [](std::uint64_t v, const Mention& m) { return v < m.sentence; });
  return {static_cast<std::size_t>(b - ms.begin()), static_cast<std::size_t>(e - ms.begin())};
}

}  // namespace

QuoteLinker::QuoteLinker(const EventLexicon& lexicon, const DateFinder& dates,
                         const Gazetteer& places, const StoryConfig& story)
    : lex_(lexicon), dates_(dates), places_(places), story_(story) {}

// The armed action mentioned last before the quote, else the main event
// (most mentions, then first mentioned) when it is an armed action.
int QuoteLinker::Recent(const Quote& q, const std::vector<Mention>& ms, const Grouping& g) const {
  int recent = -1;
  for (std::size_t i = 0; i < ms.size() && ms[i].first < q.first; ++i) {
    int ev = g.mention_event[i];
    if (ev >= 0 && lex_.type(g.events[static_cast<std::size_t>(ev)].type).kinetic) recent = ev;
  }
  if (recent >= 0) return recent;
  int main = -1;
  for (std::size_t k = 0; k < g.events.size(); ++k) {
    if (main < 0 || g.events[k].mentions > g.events[static_cast<std::size_t>(main)].mentions)
      main = static_cast<int>(k);
  }
  return main >= 0 && lex_.type(g.events[static_cast<std::size_t>(main)].type).kinetic ? main : -1;
}

int QuoteLinker::Link(const Quote& q, const std::vector<Mention>& ms, const Grouping& g,
                      int story) const {
  auto event_of = [&](std::size_t i) { return g.mention_event[i]; };
  auto inside = [&](const Mention& m) { return m.first >= q.first && m.first < q.end; };
  // 1. Inside the quote: the first event named for itself.
  bool generic_inside = q.general;
  // Victims told in a sentence before any general remark ("No one was
  // hurt. The guards were protected from such attacks.") are this event's.
  bool told_first = q.casualties && !q.general;
  bool threat = false;  // a retaliation threatened inside the quote
  const auto [in_begin, in_end] = MentionsAt(ms, q.sorted, q.first, q.end);
  for (std::size_t i = in_begin; i < in_end; ++i) {
    if (!inside(ms[i])) continue;
    generic_inside |= ms[i].generic;
    told_first &= !ms[i].generic || ms[i].first > q.casualty_told;
    threat |= ms[i].unreal && ms[i].type == lex_.answer_type();
    if (event_of(i) < 0) continue;
    if (!ms[i].background) return event_of(i);
  }
  // 2, 3. The sentence, then the paragraph: the nearest mention before the
  // quote, else (unless the quote speaks in general) the first after it.
  auto usable = [&](std::size_t i) {
    const Mention& m = ms[i];
    return event_of(i) >= 0 && !inside(m) && !m.background && m.cls != TriggerClass::kAnaphor &&
           !lex_.type(m.type).occasion && !m.setting;
  };
  auto in_sentence = [&](const Mention& m) {
    return m.sentence >= q.sentence_first && m.sentence <= q.sentence_last;
  };
  auto in_paragraph = [&](const Mention& m) { return m.paragraph == q.paragraph; };
  // (level 0 reads sentences [first, last], level 1 [first - 2, last + 1])
  const auto [near_begin, near_end] =
      MentionsOfSentences(ms, q.sorted, q.sentence_first >= 2 ? q.sentence_first - 2 : 0,
                          std::uint64_t{q.sentence_last} + 1);
  for (int level = 0; level < 2; ++level) {
    int before = -1, after = -1;
    for (std::size_t i = near_begin; i < near_end; ++i) {
      if (!usable(i)) continue;
      // The paragraph: up to two sentences before the quote, one after.
      bool within = level == 0 ? in_sentence(ms[i])
                               : in_paragraph(ms[i]) && ms[i].sentence + 2 >= q.sentence_first &&
                                     ms[i].sentence <= q.sentence_last + 1;
      if (!within || (level == 1 && lex_.type(ms[i].type).sentence)) continue;
      if (ms[i].first < q.first)
        before = event_of(i);
      else if (after < 0)
        after = event_of(i);
    }
    if (before >= 0) return before;
    if (after >= 0 && !generic_inside) return after;
  }
  // 4. Victims or damage, or a retaliation threatened ("vowed to retaliate
  // by targeting 400 soldiers"): the armed action the document is reporting.
  if ((q.casualties || threat) && (!generic_inside || told_first)) {
    if (int recent = Recent(q, ms, g); recent >= 0) return recent;
  }
  // 6. The document's story (story.h).
  if (story >= 0 && !generic_inside) return story;
  // 5. An event the quote names only in passing ("the Patriot Act after the
  // attacks", "before the primary") is not what it is about: none. (A
  // fallback to it was wrong about two times in three on news of other
  // kinds.)
  return -1;
}

namespace {

// Whether a paragraph's last token ends a sentence: captions ("… on
// Monday. — Agency TV"), bylines and "Published …" lines do not.
bool EndsSentence(std::string_view last) {
  return last == "." || last == "!" || last == "?" || last == "\"" || last == "\u201d" ||
         last == "'" || last == "\u2019";
}

// Whether the story is still being told around the quote, beyond the first
// paragraphs: its paragraph, or the one before or after it, tells a new turn
// of the story — a mention of the story event for itself (not a reference
// back, "the attacks", nor named to place something else, "since the fall
// of the city") that dates or places it below country level: "The march
// resumed on Sunday evening." / “We are about to enter the capital,” the
// party said. (Analysis further down refers back to the story without
// dating or placing it.)
bool NearStoryMention(const Gazetteer& places, const std::vector<Mention>& ms, const Grouping& g,
                      int story, std::uint32_t paragraph) {
  auto local = [&](const PlaceRef& p) {
    return !p.near && (p.id >= 0 ? !places.IsCountry(p.id) : p.parent >= 0);
  };
  for (std::size_t i = 0; story >= 0 && i < ms.size(); ++i) {
    const Mention& m = ms[i];
    bool told = m.date || std::any_of(m.places.begin(), m.places.end(), local);
    if (g.mention_event[i] != story || m.background || m.reference || !told) continue;
    std::uint32_t p = m.paragraph;
    if (p + 1 >= paragraph && p <= paragraph + 1) return true;
  }
  return false;
}

}  // namespace

// Whether the quote is about the story when it names no event: it stands
// in the first paragraphs of the story — the headline, the lead and what
// follows; between the headline and the lead's full paragraph only
// paragraphs that end as sentences count (news tells its main event first,
// then ranges over background and reactions) — does not speak of what
// will, may or must be, and its sentence names no occasion where it was
// said ("in a statement": words of an occasion are about what they name).
// Per paragraph of the document: its last token, whether it has words and
// a link; and the lead's full paragraph.
struct QuoteLinker::Paragraphs {
  std::size_t full = 0;
  std::vector<std::string_view> last;
  std::vector<bool> has_words, link;
};

bool QuoteLinker::AboutStory(const Words& words, const Quote& q, const Story& story,
                             std::optional<Paragraphs>& paragraphs) const {
  if (story.event < 0 || q.modal || q.occasion) return false;
  if (!paragraphs) {  // (the same for every quote of the document: read once)
    Paragraphs& d = paragraphs.emplace();
    std::vector<bool> lead = LeadParagraphs(story_, words);
    for (std::size_t p = 0; p < lead.size(); ++p) {
      if (lead[p]) d.full = p;
    }
    // (rules/english.txt link_start)
    auto starts_link = [&](std::string_view text) {
      for (const std::string& start : lex_.english().link_starts) {
        if (text.starts_with(start)) return true;
      }
      return false;
    };
    for (const Word& w : words.words) {
      if (w.paragraph >= d.last.size()) {
        d.last.resize(std::size_t{w.paragraph} + 1);
        d.has_words.resize(d.last.size(), false);
        d.link.resize(d.last.size(), false);
      }
      d.last[w.paragraph] = w.text;
      if (w.IsWord()) d.has_words[w.paragraph] = true;
      if (starts_link(w.text)) d.link[w.paragraph] = true;
    }
  }
  const Paragraphs& d = *paragraphs;
  std::uint32_t count = 0;
  bool headline = true;
  for (std::size_t p = 0; p <= q.paragraph && p < d.last.size(); ++p) {
    if (!d.has_words[p]) continue;
    // An embedded post ("… https://t.co/x — Ann Lee (@annlee) May 9, 2024")
    // is no paragraph of the story either.
    bool sentence = EndsSentence(d.last[p]);
    if (headline || (p >= d.full && (sentence || !d.link[p])) || sentence) ++count;
    headline = false;
  }
  return count <= story_.quote_paragraphs;
}

// Whether the quote names a place below country level where the story
// happened, after a locative preposition ("“To all forces in the city of
// Kiru …”" in a report of Kiru's capture): wherever it stands, and even of
// what will be, it speaks of the story.
bool QuoteLinker::NamesStoryPlace(const Words& words, const Quote& q, const Grouping& g,
                                  const Story& story) const {
  if (story.event < 0) return false;
  const LocalEvent& e = g.events[static_cast<std::size_t>(story.event)];
  // A capital named by its kind ("in the capital", "in the city"): the
  // story's, when it happened in a capital.
  bool in_capital = std::any_of(e.places.begin(), e.places.end(), [&](const PlaceRef& p) {
    return p.id >= 0 && !p.near && places_.place(p.id).capital;
  });
  for (std::size_t i = q.first; in_capital && i + 2 < q.end; ++i) {
    if (lex_.ContextHas(words.words, i, i + 1, kLocative) &&
        words[i + 1].Is(lex_.english().article) && !words[i + 2].cap &&
        lex_.ContextHas(words.words, i + 2, i + 3, kRegion) &&
        (i + 3 >= q.end || !words[i + 3].IsWord()))
      return true;
  }
  for (std::size_t i = q.first; i < q.end; ++i) {
    if (!words[i].IsWord() || !words[i].cap) continue;
    PlaceMatch m = places_.Match(words.words, i, q.end);
    // Where something is or happens ("in the city of Kiru", "over Kiru"),
    // not a government that acts ("Kiru supported the rebels").
    bool located = false;
    for (std::size_t k = i; k > q.first && k + 4 > i && words[k - 1].IsWord() && !located; --k)
      located = lex_.ContextHas(words.words, k - 1, i, kLocative);
    for (int id : located ? m.places : std::vector<int>{}) {
      if (places_.IsCountry(id)) continue;
      for (const PlaceRef& p : e.places) {
        if (p.id >= 0 && !p.near && !places_.IsCountry(p.id) && places_.Overlap(id, p.id))
          return true;
      }
    }
    if (m.words) i += m.words - 1;
  }
  return false;
}

std::vector<int> QuoteLinker::Run(const Words& words, const std::vector<Mention>& ms,
                                  const Grouping& g, const std::vector<QuoteRecord>& quotes,
                                  const std::optional<DateRange>& anchor,
                                  const Story& story) const {
  // No event in the document: no quote is about one (Link never answers
  // but with an event of `g`).
  if (g.events.empty()) return std::vector<int>(quotes.size(), -1);
  std::vector<int> out;
  out.reserve(quotes.size());
  const auto& w = words.words;
  std::optional<Paragraphs> paragraphs;
  const bool sorted = InTextOrder(ms);
  for (const QuoteRecord& r : quotes) {
    Quote q;
    auto lower = std::lower_bound(w.begin(), w.end(), r.quote.begin,
                                  [](const Word& x, std::size_t b) { return x.span.begin < b; });
    q.first = static_cast<std::size_t>(lower - w.begin());
    q.end = q.first;
    while (q.end < w.size() && w[q.end].span.end <= r.quote.end) ++q.end;
    if (q.first >= w.size() || q.end == q.first) {
      out.push_back(-1);
      continue;
    }
    q.sentence_first = w[q.first].sentence;
    q.sentence_last = w[q.end - 1].sentence;
    q.paragraph = w[q.first].paragraph;
    for (std::size_t i = q.first; i < q.end; ++i) {
      if (!w[i].IsWord()) continue;
      // (only casualty and modal words matter here: most words start no such phrase)
      const std::uint32_t bits =
          lex_.MayStartContext(w[i], kCasualty | kModal) ? lex_.Context(w, i, q.end).second : 0u;
      if ((bits & kCasualty) && !q.casualties) {
        q.casualty_told = i;
        while (q.casualty_told < q.end && !w[q.casualty_told].Is(".")) ++q.casualty_told;
      }
      q.casualties |= (bits & kCasualty) != 0;
      q.modal |= (bits & kModal) != 0;
    }
    q.sorted = sorted;
    const auto [said_begin, said_end] =
        MentionsOfSentences(ms, sorted, q.sentence_first, q.sentence_last);
    for (std::size_t i = said_begin; i < said_end; ++i) {
      const Mention& m = ms[i];
      q.occasion |= m.sentence >= q.sentence_first && m.sentence <= q.sentence_last &&
                    lex_.type(m.type).occasion;
    }
    bool about =
        AboutStory(words, q, story, paragraphs) || NamesStoryPlace(words, q, g, story) ||
        (!q.modal && !q.occasion && NearStoryMention(places_, ms, g, story.event, q.paragraph));
    // Whether the quote speaks in general by a span of time ("so far"):
    // its dates are read only when the answer depends on them (most
    // quotes get the same event either way).
    const int event = about ? story.event : -1;
    const int specific = Link(q, ms, g, event);
    q.general = true;
    const int general = Link(q, ms, g, event);
    q.general = false;
    if (general != specific) {
      for (const DateMention& d : dates_.Run(w, q.first, q.end, anchor)) q.general |= d.generic;
    }
    out.push_back(q.general ? general : specific);
  }
  return out;
}

}  // namespace whosaid::events
