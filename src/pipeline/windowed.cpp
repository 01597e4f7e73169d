#include "pipeline/windowed.h"

#include <map>
#include <string>
#include <vector>

#include "segment/windows.h"

namespace whosaid {
namespace {

// Each window numbers its speakers P1, O2 … afresh; one name keeps the
// first id it got in the document.
class EntityIds {
 public:
  std::string For(const Speaker& s) {
    auto it = by_name_.find(s.name);
    if (it != by_name_.end()) return it->second;
    std::string id = s.entity.substr(0, 1) + std::to_string(by_name_.size() + 1);
    return by_name_.emplace(s.name, std::move(id)).first->second;
  }

 private:
  std::map<std::string, std::string> by_name_;
};

Span Shifted(Span s, std::size_t by) { return {s.begin + by, s.end + by}; }

// A window's record, with offsets into the whole document.
QuoteRecord ToDocument(QuoteRecord r, std::size_t offset, EntityIds& ids) {
  r.quote = Shifted(r.quote, offset);
  if (r.cue) r.cue = Shifted(*r.cue, offset);
  if (r.speaker) {
    r.speaker->mention = Shifted(r.speaker->mention, offset);
    if (!r.speaker->entity.empty()) r.speaker->entity = ids.For(*r.speaker);
  }
  return r;
}

// A window's events after those of the windows before it; its records were
// appended in the same order, so quote_event stays parallel to the records.
void AppendEvents(events::DocEvents part, std::size_t offset, events::DocEvents& into) {
  if (into.doc.empty()) into.doc = std::move(part.doc);
  if (!into.anchor) into.anchor = part.anchor;
  const auto base = static_cast<int>(into.events.size());
  for (events::DocEvent& e : part.events) {
    e.first_byte += offset;
    into.events.push_back(std::move(e));
  }
  for (int k : part.quote_event) into.quote_event.push_back(k >= 0 ? k + base : -1);
}

}  // namespace

DocResult RunInWindows(std::string_view text, std::size_t window_bytes,
                       const std::function<DocResult(std::string_view window)>& run_window) {
  const std::vector<Span> windows = segment::SplitWindows(text, window_bytes);
  if (windows.size() == 1) return run_window(text);
  DocResult result;
  EntityIds ids;
  for (Span w : windows) {
    DocResult part = run_window(text.substr(w.begin, w.size()));
    for (QuoteRecord& r : part.quotes)
      result.quotes.push_back(ToDocument(std::move(r), w.begin, ids));
    for (Diagnostic& d : part.diagnostics) result.diagnostics.push_back(std::move(d));
    AppendEvents(std::move(part.events), w.begin, result.events);
    const auto base = static_cast<std::ptrdiff_t>(result.names.size());
    for (entities::NameMention& m : part.names) {
      m.span = Shifted(m.span, w.begin);
      if (m.same_as >= 0) m.same_as += base;
      result.names.push_back(std::move(m));
    }
  }
  return result;
}

}  // namespace whosaid
