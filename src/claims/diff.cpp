#include "claims/diff.h"

#include <algorithm>

namespace whosaid::claims {
namespace {

// Pairs (i, j) of aligned words, in order (longest common subsequence).
std::vector<std::pair<std::size_t, std::size_t>> Align(const std::vector<SpelledWord>& a,
                                                       const std::vector<SpelledWord>& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<unsigned>> len(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      len[i][j] =
          a[i].key == b[j].key ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i].key == b[j].key) {
      out.emplace_back(i++, j++);
    } else if (len[i + 1][j] >= len[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

// The span of words [first, last) widened by `context` words each side.
Span Cover(const std::vector<SpelledWord>& words, std::size_t first, std::size_t last,
           std::size_t context) {
  std::size_t lo = first >= context ? first - context : 0;
  std::size_t hi = std::min(words.size(), last + context);
  if (lo >= hi) return {};
  return {words[lo].span.begin, words[hi - 1].span.end};
}

}  // namespace

std::vector<WordChange> DiffWords(std::string_view a, std::string_view b,
                                  const TermLexicon& lexicon, std::size_t context,
                                  std::size_t max_words) {
  std::vector<SpelledWord> wa = lexicon.Words(a), wb = lexicon.Words(b);
  if (wa.size() > max_words) wa.resize(max_words);
  if (wb.size() > max_words) wb.resize(max_words);
  auto aligned = Align(wa, wb);
  aligned.emplace_back(wa.size(), wb.size());  // a sentinel after the last words
  std::vector<WordChange> out;
  std::size_t i = 0, j = 0;
  for (auto [ai, bj] : aligned) {
    // Words only one side has before the first or after the last shared word
    // are a shorter excerpt, not a change of wording.
    const bool edge = (i == 0 && j == 0) || (ai == wa.size() && bj == wb.size());
    const bool one_sided = ai == i || bj == j;
    if ((ai > i || bj > j) && !(edge && one_sided && !aligned.empty() && aligned.size() > 1)) {
      WordChange c;
      c.a = Cover(wa, i, ai, context);
      c.b = Cover(wb, j, bj, context);
      c.a_text = std::string(a.substr(c.a.begin, c.a.size()));
      c.b_text = std::string(b.substr(c.b.begin, c.b.size()));
      out.push_back(std::move(c));
    }
    i = ai + 1;
    j = bj + 1;
  }
  return out;
}

}  // namespace whosaid::claims
