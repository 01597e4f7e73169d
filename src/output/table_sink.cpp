#include "output/table_sink.h"

#include <unicode/uchar.h>

#include "core/text.h"

namespace whosaid::output {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

int CharWidth(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  const int32_t category_mask = U_MASK(u_charType(u));
  if (category_mask & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) return 0;
  const int ea = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

bool IsSpaceLike(char32_t c) {
  return c < 0x20 || c == 0x7F || u_isUWhiteSpace(static_cast<UChar32>(c));
}

// One line: whitespace and control runs become one space; trimmed.
std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t c = text::Next(s, i);
    if (IsSpaceLike(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string Pad(std::string cell, std::size_t width) {
  std::size_t w = DisplayWidth(cell);
  if (w < width) cell.append(width - w, ' ');
  return cell;
}

std::string SpeakerCell(const Document& doc, const QuoteRecord& r) {
  if (!r.speaker) return "-";
  if (!r.speaker->name.empty()) return r.speaker->name;
  const Span& m = r.speaker->mention;
  if (!m.empty() && m.end <= doc.text.size()) return doc.text.substr(m.begin, m.size());
  return "-";
}

std::string RoleCell(const QuoteRecord& r) {
  if (!r.speaker) return "";
  const std::string& role = r.speaker->role;
  const std::string& aff = r.speaker->affiliation;
  if (!role.empty() && !aff.empty()) return role + ", " + aff;
  return role.empty() ? aff : role;
}

}  // namespace

std::size_t DisplayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) width += CharWidth(text::Next(utf8, i));
  return width;
}

std::string FitCell(std::string_view utf8, std::size_t width) {
  std::string line = OneLine(utf8);
  if (DisplayWidth(line) <= width) return line;
  if (width == 0) return "";
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t start = i;
    int w = CharWidth(text::Next(line, i));
    if (used + w > width - 1) break;  // keep one column for "…"
    used += w;
    out.append(line, start, i - start);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += kEllipsis;
  return out;
}

void TableSink::Row(std::string_view doc, std::string_view speaker, std::string_view role,
                    std::string_view kind, std::string_view quote) {
  std::string row;
  row += Pad(FitCell(doc, config_.doc_width), config_.doc_width) + "  ";
  row += Pad(FitCell(speaker, config_.speaker_width), config_.speaker_width) + "  ";
  row += Pad(FitCell(role, config_.role_width), config_.role_width) + "  ";
  row += Pad(FitCell(kind, config_.kind_width), config_.kind_width) + "  ";
  row += FitCell(quote, config_.quote_width);
  while (!row.empty() && row.back() == ' ') row.pop_back();
  row += '\n';
  out_.Write(row);
}

void TableSink::Begin() { Row("DOC", "SPEAKER", "ROLE / AFFILIATION", "KIND", "QUOTE"); }

void TableSink::Write(const Document& doc, const DocResult& result) {
  ++docs_;
  for (const QuoteRecord& r : result.quotes) {
    ++quotes_;
    std::string quote;
    if (r.quote.end <= doc.text.size() && !r.quote.empty()) {
      quote = doc.text.substr(r.quote.begin, r.quote.size());
    }
    Row(doc.id, SpeakerCell(doc, r), RoleCell(r), ToString(r.kind), quote);
  }
}

void TableSink::End(const CorpusResult& /*corpus*/) {
  out_.Write(std::to_string(quotes_) + (quotes_ == 1 ? " quote in " : " quotes in ") +
             std::to_string(docs_) + (docs_ == 1 ? " document\n" : " documents\n"));
  out_.Flush();
}

}  // namespace whosaid::output
