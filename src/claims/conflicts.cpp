#include "claims/conflicts.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace whosaid::claims {
namespace {

// "E10" → (10, "E10") so that E2 sorts before E10; no event last.
std::pair<long, std::string> EventKey(const std::string& id) {
  if (id.empty()) return {std::numeric_limits<long>::max(), ""};
  std::size_t k = 0;
  while (k < id.size() && !(id[k] >= '0' && id[k] <= '9')) ++k;
  long n = 0;
  for (std::size_t j = k; j < id.size() && id[j] >= '0' && id[j] <= '9' && n < 1000000000; ++j) {
    n = n * 10 + (id[j] - '0');
  }
  return {n, id};
}

bool LineConflicts(const FigureLine& line, const FigureConfig& config) {
  for (std::size_t x = 0; x < line.figures.size(); ++x) {
    if (line.figures[x].figure.subcount) continue;
    for (std::size_t y = x + 1; y < line.figures.size(); ++y) {
      if (line.figures[y].figure.subcount) continue;
      if (!Compatible(line.figures[x].figure, line.figures[y].figure, config)) return true;
    }
  }
  return false;
}

}  // namespace

Bounds FigureBounds(const Figure& f, const FigureConfig& config) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const double v = f.value;
  const std::string& q = f.qualifier;
  if (q.empty()) return {v, v, false, false};
  if (q == "more than") return {v, kInf, true, false};
  if (q == "about") return {v * (1 - config.about), v * (1 + config.about), false, false};
  if (q == "up to") return {0, v, false, false};
  if (q == "fewer than") return {0, v, false, true};
  return {v, kInf, false, false};  // at least, and the vague plurals
}

bool Compatible(const Figure& a, const Figure& b, const FigureConfig& config) {
  const Bounds p = FigureBounds(a, config), q = FigureBounds(b, config);
  // Does [p] meet [q]? Compare the larger low against the smaller high.
  auto below = [](double high, bool high_open, double low, bool low_open) {
    return high < low || (high == low && (high_open || low_open));
  };
  return !below(p.high, p.high_open, q.low, q.low_open) &&
         !below(q.high, q.high_open, p.low, p.low_open);
}

std::vector<FigureLine> BuildLines(std::vector<SourcedFigure> figures, const FigureConfig& config) {
  // Key: (event, or "doc:" + document when there is none; measure).
  std::map<std::tuple<std::pair<long, std::string>, std::string, std::string>, FigureLine> lines;
  std::map<std::tuple<std::string, std::string>, std::map<std::string, int>> events;
  for (SourcedFigure& f : figures) {
    // One occasion: its figures' most frequent event names the line.
    const std::string scope = !f.occasion.empty() ? "o:" + f.occasion
                              : f.event.empty()   ? "d:" + f.doc
                                                  : "";
    if (!f.occasion.empty() && !f.event.empty()) ++events[{scope, f.figure.measure}][f.event];
    FigureLine& line =
        lines[{EventKey(f.occasion.empty() ? f.event : ""), scope, f.figure.measure}];
    line.event = f.event;
    line.measure = f.figure.measure;
    line.figures.push_back(std::move(f));
  }
  std::vector<FigureLine> out;
  for (auto& [key, line] : lines) {
    if (auto it = events.find({std::get<1>(key), line.measure}); it != events.end()) {
      int best = 0;
      for (const auto& [id, count] : it->second) {
        if (count > best || (count == best && EventKey(id) < EventKey(line.event))) {
          best = count;
          line.event = id;
        }
      }
    }
    std::set<std::string> docs, sources;
    for (const SourcedFigure& f : line.figures) {
      docs.insert(f.doc);
      sources.insert(f.source_entity.empty()
                         ? (f.source_name.empty() ? "outlet:" + f.doc : "name:" + f.source_name)
                         : f.source_entity);
    }
    if (docs.size() < config.min_reports && sources.size() < config.min_reports) continue;
    std::sort(line.figures.begin(), line.figures.end(),
              [](const SourcedFigure& a, const SourcedFigure& b) {
                return std::tie(a.doc, a.figure.span.begin) < std::tie(b.doc, b.figure.span.begin);
              });
    const bool outcome = std::any_of(line.figures.begin(), line.figures.end(),
                                     [](const SourcedFigure& f) { return f.figure.outcome; });
    line.conflict = (outcome || !config.outcomes_only) && LineConflicts(line, config);
    out.push_back(std::move(line));
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureLine& a, const FigureLine& b) {
    const auto ka = EventKey(a.event), kb = EventKey(b.event);
    return ka != kb ? ka < kb : a.measure < b.measure;
  });
  return out;
}

}  // namespace whosaid::claims
