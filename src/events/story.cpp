#include "events/story.h"

#include <algorithm>

namespace whosaid::events {
std::vector<bool> LeadParagraphs(const StoryConfig& config, const Words& words) {
  // (the words come paragraph by paragraph: the lead is read up to its full
  // paragraph's `lead_words`-th word, not to the document's end)
  std::vector<bool> lead(words.size() == 0 ? 0 : std::size_t{words.words.back().paragraph} + 1,
                         false);
  bool headline = false;
  std::size_t count = 0;
  std::uint32_t paragraph = 0;
  for (const Word& w : words.words) {
    if (!w.IsWord()) continue;
    if (w.paragraph != paragraph) paragraph = w.paragraph, count = 0;
    if (!headline) lead[paragraph] = headline = true;
    if (++count >= config.lead_words) {
      lead[paragraph] = true;
      break;
    }
  }
  return lead;
}

namespace {

// A lead that reports words spoken ("in an address to the marchers, she
// renewed her demand") has for its story the event the occasion's first
// direct quotation names for itself, when that quotation starts in the
// lead or the paragraph right after it ("“We will not end this march,” she
// said"): the words of the occasion are about it. Else none.
template <class News>
int OccasionTopic(const Words& words, const std::vector<Mention>& mentions,
                  const Grouping& grouping, const std::vector<QuoteRecord>& quotes,
                  const std::vector<bool>& lead, const News& news) {
  std::uint32_t last_lead = 0;
  for (std::size_t p = 0; p < lead.size(); ++p) {
    if (lead[p]) last_lead = static_cast<std::uint32_t>(p);
  }
  const QuoteRecord* first = nullptr;
  for (const QuoteRecord& q : quotes) {
    if (q.kind == QuoteKind::kDirect && (!first || q.quote.begin < first->quote.begin)) first = &q;
  }
  if (!first) return -1;
  std::uint32_t next = last_lead;  // the paragraph right after the lead
  for (const Word& w : words.words) {
    if (w.paragraph > last_lead && w.IsWord()) {
      next = w.paragraph;
      break;
    }
  }
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    std::size_t at = words[mentions[i].first].span.begin;
    std::uint32_t p = mentions[i].paragraph;
    bool near_lead = p == next || (p < lead.size() && lead[p]);
    if (at >= first->quote.begin && at < first->quote.end && near_lead && news(i))
      return grouping.mention_event[i];
  }
  return -1;
}

// Whether an occasion mention is where the lead's words were spoken ("in a
// televised address", "at a rally", "during the debate"): a preposition
// stands before its phrase. The object of a verb ("suggested holding the
// rally elsewhere") is what the news is about, not where it was said.
bool SpokenAt(const Words& words, const Mention& m) {
  static constexpr std::string_view kAt[] = {"in", "at", "during", "on", "from", "through", "via"};
  for (std::size_t k = m.first, seen = 0; k > 0 && seen < 4; --k) {
    const Word& w = words[k - 1];
    if (!w.IsWord() || w.sentence != words[m.first].sentence) return false;
    if (std::find(std::begin(kAt), std::end(kAt), w.lower) != std::end(kAt)) return true;
    if (w.cap) continue;  // "at a PTI rally"
    ++seen;
  }
  return false;
}

}  // namespace

Story FindStory(const StoryConfig& config, const EventLexicon& lexicon, const Words& words,
                const std::vector<Mention>& mentions, const Grouping& grouping,
                const std::vector<QuoteRecord>& quotes) {
  std::vector<bool> lead = LeadParagraphs(config, words);
  auto quoted = [&](const Mention& m) {
    std::size_t at = words[m.first].span.begin;
    return std::any_of(quotes.begin(), quotes.end(), [&](const QuoteRecord& q) {
      return q.kind == QuoteKind::kDirect && q.quote.begin <= at && at < q.quote.end;
    });
  };
  auto news = [&](std::size_t i) {
    const Mention& m = mentions[i];
    int ev = grouping.mention_event[i];
    if (ev < 0 || m.generic || m.unreal || m.background || m.answered ||
        m.cls == TriggerClass::kAnaphor)
      return false;
    const EventType& type = lexicon.type(grouping.events[static_cast<std::size_t>(ev)].type);
    return !type.occasion && !type.local && !type.sentence;
  };
  int story = -1;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.paragraph >= lead.size() || !lead[m.paragraph]) continue;
    int ev = grouping.mention_event[i];
    if (ev < 0 || m.generic || m.unreal || m.background || m.answered ||
        m.cls == TriggerClass::kAnaphor || quoted(m))
      continue;
    const EventType& type = lexicon.type(grouping.events[static_cast<std::size_t>(ev)].type);
    if (type.occasion && !m.reference && SpokenAt(words, m)) {  // the lead reports words spoken
      Story out;
      out.event = OccasionTopic(words, mentions, grouping, quotes, lead, news);
      return out;
    }
    if (type.occasion || type.local || type.sentence) continue;
    if (story < 0 || grouping.events[static_cast<std::size_t>(ev)].mentions >
                         grouping.events[static_cast<std::size_t>(story)].mentions)
      story = ev;
  }
  Story out;
  out.event = story;
  for (std::size_t i = 0; story >= 0 && i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (grouping.mention_event[i] != story || m.paragraph >= lead.size() || !lead[m.paragraph])
      continue;
    const auto& sent = words.sentences[m.sentence];
    for (std::size_t k = sent.first + 1; k < sent.end; ++k) {
      if (words[k].IsWord() && words[k].cap) out.names.push_back(words[k].lower);
    }
  }
  std::sort(out.names.begin(), out.names.end());
  out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
  return out;
}

}  // namespace whosaid::events
