#include "events/event_stage.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "events/gazetteer.h"
#include "events/lexicon.h"
#include "events/linker.h"
#include "events/mentions.h"
#include "events/story.h"
#include "events/words.h"

namespace whosaid::events {
namespace {

// The day a URL's path names: "/YYYY/MM/DD/" (month and day of one or two
// digits: ".../news/2024/6/9/kiru-falls"); none when no three segments in
// a row read as a valid date.
std::optional<DateRange> UrlDate(std::string_view url) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0; at <= url.size();) {
    std::size_t slash = std::min(url.find('/', at), url.size());
    parts.push_back(url.substr(at, slash - at));
    at = slash + 1;
  }
  auto digits = [](std::string_view s, std::size_t lo, std::size_t hi) {
    return s.size() >= lo && s.size() <= hi &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  for (std::size_t i = 0; i + 2 < parts.size(); ++i) {
    if (!digits(parts[i], 4, 4) || !digits(parts[i + 1], 1, 2) || !digits(parts[i + 2], 1, 2))
      continue;
    std::string iso(parts[i]);
    for (std::string_view part : {parts[i + 1], parts[i + 2]}) {
      iso += part.size() == 1 ? "-0" : "-";
      iso += part;
    }
    if (auto d = ParseIsoDate(iso)) return d;
  }
  return std::nullopt;
}

// In an undated report (no date to tell its events apart), an event of a
// family (types.txt) said nowhere takes the places below country of the one
// other event of its family the document places so ("the killings" and
// "clashes in the coastal region": where the report's fighting was); with
// two or more such events it stays unplaced. (In dated reports of other
// kinds of news, the other event was another one more often than not.)
void BorrowPlaces(std::vector<DocEvent>& events, bool undated) {
  // A dated report: only one whose story is an event of the family (the
  // report of a day's fighting, not news of other kinds that names some).
  auto story =
      std::find_if(events.begin(), events.end(), [](const DocEvent& e) { return e.story; });
  auto below_country = [](const DocEvent& e) {
    std::vector<EventPlace> out;
    for (const EventPlace& p : e.places) {
      if (!p.known || p.path.size() > 1) out.push_back(p);
    }
    return out;
  };
  std::vector<std::vector<EventPlace>> lent(events.size());
  for (std::size_t k = 0; k < events.size(); ++k) {
    const DocEvent& e = events[k];
    if (!e.places.empty() || e.family.empty()) continue;
    if (!undated && (story == events.end() || story->family != e.family)) continue;
    int placed = 0;
    for (const DocEvent& o : events) {
      if (&o == &e || o.family != e.family || below_country(o).empty()) continue;
      lent[k] = below_country(o);
      ++placed;
    }
    if (placed != 1) lent[k].clear();
  }
  for (std::size_t k = 0; k < events.size(); ++k) {
    if (!lent[k].empty()) events[k].places = std::move(lent[k]);
  }
}

}  // namespace

struct EventStage::Impl {
  Impl(const EventConfig& c, const rules::RuleSet& rules)
      : config(c),
        lexicon(rules),
        places(rules),
        dates(c.dates, rules),
        mentions(lexicon, places, dates, c.mentions),
        coref(c.coref, lexicon, places),
        linker(lexicon, dates, places, c.story) {}

  EventConfig config;
  EventLexicon lexicon;
  Gazetteer places;
  DateFinder dates;
  MentionFinder mentions;
  EventCoref coref;
  QuoteLinker linker;

  DocEvent Describe(const Words& words, const LocalEvent& e, bool border) const;
  int DatelinePlace(const Words& words, const std::vector<bool>& lead) const;
  void Trace(const Document& doc, const Words& words, const std::vector<Mention>& ms,
             const Grouping& g) const;
};

// Development aid (EventConfig::trace): every mention with its event.
void EventStage::Impl::Trace(const Document& doc, const Words& words,
                             const std::vector<Mention>& ms, const Grouping& g) const {
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    std::string text = doc.text.substr(words[m.first].span.begin,
                                       words[m.end - 1].span.end - words[m.first].span.begin);
    std::string places_text, actors;
    for (const auto& p : m.places)
      places_text += (p.id >= 0 ? places.place(p.id).name : p.name) + (p.near ? "~ " : " ");
    for (const auto& a : m.actors) actors += a.name + " ";
    if (i == 0 || ms[i - 1].sentence != m.sentence) {
      const auto& sent = words.sentences[m.sentence];
      std::size_t b = words[sent.first].span.begin, e = words[sent.end - 1].span.end;
      std::fprintf(stderr, "s%u p%u: %.*s\n", m.sentence, m.paragraph,
                   static_cast<int>(std::min<std::size_t>(e - b, 150)), doc.text.data() + b);
    }
    std::fprintf(stderr, "  event %-3d s%-3u %-18s %-22s %s%s%s%s%s| %s| %s| %s\n",
                 g.mention_event[i], m.sentence, lexicon.type(m.type).name.c_str(), text.c_str(),
                 m.generic ? "generic " : "", m.reference ? "ref " : "",
                 m.answered ? "answered " : "", m.background ? "background " : "",
                 m.unreal ? "unreal " : "", places_text.c_str(), actors.c_str(),
                 m.date ? FormatWhen(*m.date).c_str() : "");
  }
}

// The place a dateline opens the lead with: a gazetteer name as the lead's
// first words, then a comma, a dash, a colon or a bracket ("Kiru, Morvia –",
// "KIRU (Agency) –"); -1 for none.
int EventStage::Impl::DatelinePlace(const Words& words, const std::vector<bool>& lead) const {
  std::size_t p = lead.size();
  for (std::size_t k = lead.size(); k-- > 1;) {
    if (lead[k]) p = k;  // the lead's full paragraph (not the headline)
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].paragraph != p) continue;
    PlaceMatch match = places.Match(words.words, i, words.size());
    std::size_t next = i + match.words;
    if (match.places.empty() || next >= words.size()) return -1;
    std::string_view t = words[next].text;
    bool mark = t == "," || t == "(" || t == ":" || t == "-" || t == "\u2013" || t == "\u2014";
    return mark ? match.places.front() : -1;
  }
  return -1;
}

// A document event by names: the type's path, each place's path.
DocEvent EventStage::Impl::Describe(const Words& words, const LocalEvent& e, bool border) const {
  DocEvent out;
  for (int t = e.type; t >= 0; t = lexicon.type(t).parent)
    out.type_path.insert(out.type_path.begin(), lexicon.type(t).name);
  for (std::size_t k = 0; k < e.places.size(); ++k) {
    const PlaceRef& p = e.places[k];
    EventPlace ep;
    if (p.id >= 0)
      ep.path = places.Path(p.id);
    else {
      if (p.parent >= 0) ep.path = places.Path(p.parent);
      ep.path.push_back(p.name);
    }
    ep.mentions = e.place_mentions[k];
    ep.near = p.near;
    ep.known = p.id >= 0 || p.parent >= 0;
    out.places.push_back(std::move(ep));
  }
  // An event of an `at-actor` type (a state's sanctions) is in its state
  // actors' countries; the places it names are its targets' ("sanctions
  // on a commander in Morvia").
  std::vector<EventPlace> home;
  for (const Actor& a : lexicon.type(e.type).at_actor ? e.actors : std::vector<Actor>{}) {
    EventPlace ep{{a.country}, 1, false, true};
    if (!a.country.empty() && std::find(home.begin(), home.end(), ep) == home.end())
      home.push_back(std::move(ep));
  }
  if (!home.empty()) out.places = std::move(home);
  out.actors = e.actors;
  out.date = e.date;
  out.mentions = e.mentions;
  out.border = border;
  out.local = lexicon.type(e.type).local;
  out.family = lexicon.type(e.type).family;
  out.first_byte = words[e.first_word].span.begin;
  return out;
}

EventStage::EventStage(const EventConfig& config, const rules::RuleSet& rules)
    : impl_(std::make_unique<Impl>(config, rules)) {}
EventStage::~EventStage() = default;

DocEvents EventStage::Run(const Document& doc, const segment::Tokens& tokens,
                          const std::vector<QuoteRecord>& quotes) const {
  const Impl& m = *impl_;
  DocEvents out;
  out.doc = doc.id;
  // 1. words
  Words words = ReadWords(doc.text, tokens);
  // 2. anchor
  // (metadata, else the URL's date, else a dateline in the text)
  std::optional<DateRange> url_date;
  if (!ParseIsoDate(doc.date)) url_date = UrlDate(doc.url);
  out.anchor = url_date ? url_date : m.dates.Anchor(doc.date, words.words);
  auto dateline = m.dates.Dateline(doc.date, words.words);
  std::size_t dateline_end = dateline ? dateline->end : 0;
  // 3. mentions, sentence by sentence
  std::vector<Mention> mentions;
  std::vector<bool> lead = LeadParagraphs(m.config.story, words);
  bool border = false;
  for (std::size_t s = 0; s < words.sentences.size(); ++s) {
    const std::size_t first_trigger = m.mentions.FirstTrigger(words, s);
    if (first_trigger >= words.sentences[s].end) continue;
    std::uint32_t paragraph = words[words.sentences[s].first].paragraph;
    bool in_lead = paragraph < lead.size() && lead[paragraph];
    auto found = m.mentions.Run(words, s, out.anchor, dateline_end, in_lead, first_trigger);
    mentions.insert(mentions.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
    border =
        border || m.mentions.HasBorderWord(words, words.sentences[s].first, words.sentences[s].end);
  }
  // 4. events, and the story the lead reports: said without a date in a
  // dated document, it happened on the day of the report (the news of the day)
  Grouping grouping = m.coref.Run(mentions);
  Story story = FindStory(m.config.story, m.lexicon, words, mentions, grouping, quotes);
  if (story.event >= 0 && out.anchor && Width(*out.anchor) == 1) {
    LocalEvent& e = grouping.events[static_cast<std::size_t>(story.event)];
    if (!e.date) e.date = out.anchor;
  }
  if (m.config.trace) {
    m.Trace(doc, words, mentions, grouping);
    std::fprintf(stderr, "story %d\n", story.event);
  }
  for (const LocalEvent& e : grouping.events) out.events.push_back(m.Describe(words, e, border));
  if (story.event >= 0) {
    DocEvent& e = out.events[static_cast<std::size_t>(story.event)];
    e.story = true;
    // An undated report's story said nowhere: near its dateline's place
    // ("Kiru, Morvia – The second day of the march …"), enough to tell the
    // country of the story it may be part of (cluster.h).
    if (!out.anchor && e.places.empty()) {
      if (int at = m.DatelinePlace(words, lead); at >= 0)
        e.places.push_back(EventPlace{m.places.Path(at), 1, true, true});
    }
  }
  BorrowPlaces(out.events, !out.anchor);
  // 5. quotes
  out.quote_event = m.linker.Run(words, mentions, grouping, quotes, out.anchor, story);
  for (std::size_t i = 0; m.config.trace && i < quotes.size(); ++i) {
    const QuoteRecord& q = quotes[i];
    auto w = std::lower_bound(words.words.begin(), words.words.end(), q.quote.begin,
                              [](const Word& x, std::size_t b) { return x.span.begin < b; });
    std::fprintf(stderr, "quote p%u -> %d: %.*s\n", w == words.words.end() ? 0U : w->paragraph,
                 out.quote_event[i],
                 static_cast<int>(std::min<std::size_t>(q.quote.end - q.quote.begin, 70)),
                 doc.text.data() + q.quote.begin);
  }
  return out;
}

}  // namespace whosaid::events
