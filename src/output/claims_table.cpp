#include <algorithm>
#include <cstdio>
#include <set>

#include "output/claims_feed.h"

namespace whosaid::output {
namespace {

constexpr std::size_t kMaxQuote = 220;  // bytes of a quote shown

// The text on one line, blanks folded, cut at kMaxQuote bytes (on a
// character boundary) with "…".
std::string OneLine(std::string_view s, std::size_t max = kMaxQuote) {
  std::string out;
  bool blank = false;
  for (char c : s) {
    bool b = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (b) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "\u2026";
  }
  return out;
}

// `s` without the quote marks around all of it (a mixed quote's own marks),
// so that the table's marks are not doubled.
std::string_view Unquoted(std::string_view s) {
  static constexpr std::string_view kPairs[][2] = {
      {"\u201C", "\u201D"}, {"\"", "\""}, {"\u2018", "\u2019"}, {"'", "'"}};
  for (const auto& [open, close] : kPairs) {
    if (s.size() > open.size() + close.size() && s.substr(0, open.size()) == open &&
        s.substr(s.size() - close.size()) == close &&
        s.substr(open.size(), s.size() - open.size() - close.size()).find(open) ==
            std::string_view::npos) {
      return s.substr(open.size(), s.size() - open.size() - close.size());
    }
  }
  return s;
}

// A statement's wording as a reader should take it: a direct quote in
// marks, a mixed quote with its own marks only (the words outside them are
// the outlet's), an indirect one without marks.
std::string Wording(QuoteKind kind, std::string_view text) {
  if (kind == QuoteKind::kDirect) return "“" + OneLine(Unquoted(text)) + "”";
  return OneLine(text);
}

std::string Text(const Document& doc, Span s) {
  s.end = std::min(s.end, doc.text.size());
  s.begin = std::min(s.begin, s.end);
  return doc.text.substr(s.begin, s.end - s.begin);
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, v == static_cast<long long>(v) ? "%.0f" : "%g", v);
  return buf;
}

std::string Speaker(const ClaimsFeed& feed, const QuoteRecord& q) {
  if (!q.speaker) return "(no speaker)";
  std::string out = q.speaker->name.empty() ? "(anonymous)" : q.speaker->name;
  auto it = feed.authors.find(q.speaker->entity);
  std::string role = it != feed.authors.end() ? it->second.job_title : q.speaker->role;
  std::string aff = it != feed.authors.end() ? it->second.affiliation : q.speaker->affiliation;
  if (!role.empty() || !aff.empty()) {
    out += " (" + role + (role.empty() || aff.empty() ? "" : ", ") + aff + ")";
  }
  return out;
}

std::string Where(const Document& doc) {
  return doc.id + (doc.outlet.empty() ? "" : " [" + doc.outlet + "]");
}

void Lines(const ClaimsFeed& feed, bool conflicts, std::string& out) {
  for (const claims::FigureLine& line : feed.claims.lines) {
    if (line.conflict != conflicts) continue;
    std::string event = line.event.empty() ? "no event" : line.event;
    for (const claims::SourcedFigure& f : line.figures) {
      const auto& quotes = feed.docs[f.doc_index].result.quotes;
      if (f.figure.record >= 0 && quotes[static_cast<std::size_t>(f.figure.record)].event) {
        event = quotes[static_cast<std::size_t>(f.figure.record)].event->label;
      }
    }
    out += "  " + line.measure + " — " + (line.event.empty() ? "" : line.event + " ") + "(" +
           event + ")" + (line.conflict ? "  CONFLICT" : "") + "\n";
    for (const claims::SourcedFigure& f : line.figures) {
      const Document& doc = feed.docs[f.doc_index].doc;
      std::string value = (f.figure.qualifier.empty() ? "" : f.figure.qualifier + " ") +
                          Number(f.figure.value) + (f.figure.subcount ? " (part)" : "");
      std::string source = f.source_name.empty() ? "the outlet" : f.source_name;
      out += "    " + value + std::string(value.size() < 18 ? 18 - value.size() : 1, ' ') + "“" +
             OneLine(Text(doc, f.figure.span), 60) + "”  — " + source + ", " + Where(doc) + "\n";
    }
  }
}

void StatementBlock(const ClaimsFeed& feed, const claims::Statement& st, std::string& out) {
  const claims::RecordRef& w = st.members[st.wording];
  const claims::KeptDoc& main = feed.docs[w.doc];
  const QuoteRecord& q = main.result.quotes[w.record];
  out += "  " + st.id + "  " + Speaker(feed, q) + " — " + std::to_string(st.appearances) +
         (st.appearances == 1 ? " document" : " documents");
  if (!st.check_worthy.empty()) {
    out += "  [check:";
    for (const std::string& r : st.check_worthy) out += " " + r;
    out += "]";
  }
  out += "\n    " + Wording(q.kind, Text(main.doc, q.quote)) + "\n";
  for (const claims::RecordRef& r : st.members) {
    const claims::KeptDoc& k = feed.docs[r.doc];
    const QuoteRecord& m = k.result.quotes[r.record];
    out += std::string("    - ") + ToString(m.kind) + ", " + Where(k.doc);
    if (&m != &q) out += ": " + OneLine(Text(k.doc, m.quote), 140);
    out += "\n";
  }
  for (const claims::WordingDiff& d : st.diffs) {
    const std::string& a = feed.docs[st.members[d.a].doc].doc.id;
    const std::string& b = feed.docs[st.members[d.b].doc].doc.id;
    for (const claims::WordChange& c : d.changes) {
      out += "    wording: " + a + " “" + OneLine(c.a_text, 80) + "” / " + b + " “" +
             OneLine(c.b_text, 80) + "”\n";
    }
  }
}

}  // namespace

std::string ClaimsTable(const ClaimsFeed& feed, bool check_worthy) {
  std::string out;
  bool any_conflict = std::any_of(feed.claims.lines.begin(), feed.claims.lines.end(),
                                  [](const claims::FigureLine& l) { return l.conflict; });
  out += "CONFLICTING FIGURES\n";
  if (any_conflict)
    Lines(feed, true, out);
  else
    out += "  (none)\n";
  auto keep = [&](const claims::Statement& st) {
    return !st.members.empty() && (!check_worthy || !st.check_worthy.empty());
  };
  out += "\nSTATEMENTS IN SEVERAL DOCUMENTS\n";
  for (const claims::Statement& st : feed.claims.statements) {
    if (keep(st) && st.appearances > 1) StatementBlock(feed, st, out);
  }
  out += "\nFIGURES THAT AGREE\n";
  Lines(feed, false, out);
  out += "\nOTHER STATEMENTS\n";
  for (const claims::Statement& st : feed.claims.statements) {
    if (keep(st) && st.appearances <= 1) StatementBlock(feed, st, out);
  }
  return out;
}

}  // namespace whosaid::output
