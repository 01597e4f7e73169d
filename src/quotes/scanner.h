// whosaid::quotes::Scanner — finds quotations by pairing quote marks.
//
// Input: a document's text and its paragraphs (segment/paragraphs.h).
// Output: every quotation, outer span (marks included) and inner span (marks
// excluded), in text order, with its nesting depth.
//
// How marks are read (rules/quote_marks.txt gives each mark's family and
// direction):
//   * a mark opens or closes by the characters on each side (flanking): one
//     with a blank or opening punctuation before it and a letter after it can
//     open; one with a letter or punctuation before it and a blank or
//     punctuation after it can close;
//   * single-family marks between letters (Pakistan’s), before a digit after a
//     blank (’90s), or closing with no single quote open (victims’) are
//     apostrophes;
//   * pairing uses a stack; a closer closes the nearest open quote of its
//     family, dropping unclosed single quotes inside it;
//   * quotation marks inside HTML/XML tags (<tweet author="x">) are ignored;
//   * a double quote still open at a paragraph's end continues when the next
//     paragraph opens with a double mark (the news convention for quotes of
//     several paragraphs: each reopens, only the last closes); otherwise it is
//     closed at the paragraph's end and flagged `unclosed`, so the rest of the
//     document is read as usual. Single quotes open at a paragraph's end were
//     apostrophes and are dropped.
//   Work is linear in the text length; nesting depth is bounded by the stack
//   limit in ScannerConfig (deeper marks are treated as text).
//
// Example
//   Scanner s(ScannerConfig{}, rules);
//   auto qs = s.Run(text, paragraphs);   // “A,” he said. → one quote, inner "A,"
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/record.h"
#include "core/regex.h"
#include "core/rules.h"
#include "segment/paragraphs.h"

namespace whosaid::quotes {

enum class Family : std::uint8_t { kDouble, kSingle };
enum class Direction : std::uint8_t { kOpen, kClose, kEither };

struct Quotation {
  Span outer;  // from the opening mark to the closing mark, inclusive
  Span inner;  // the words inside the marks
  Family family = Family::kDouble;
  int depth = 0;          // 0 for top level
  bool unclosed = false;  // closed by the paragraph end, not by a mark
  int paragraphs = 1;     // how many paragraphs it spans
  Span label;             // a transcript speaker label ("WALLACE") before the words; empty if none
};

struct ScannerConfig {
  std::size_t max_depth = 64;  // deeper opening marks are read as text
};

class Scanner {
 public:
  // Compiles rules/quote_marks.txt; throws ConfigError on a bad entry.
  Scanner(const ScannerConfig& config, const rules::RuleSet& rules);

  struct Result {
    std::vector<Quotation> quotes;            // sorted by outer.begin
    std::vector<std::size_t> mark_positions;  // byte offsets of marks used as quote marks, sorted
  };
  Result Run(std::string_view text, const std::vector<segment::Paragraph>& paragraphs) const;

  struct Mark {
    Family family;
    Direction direction;
  };
  // The mark at byte i, or nullptr (the character there is not a quote mark).
  const Mark* MarkAt(std::string_view text, std::size_t i, std::size_t* length) const;
  // Whether MarkAt is null at a byte of this value whatever follows: an
  // ASCII byte that no mark of quote_marks.txt is (bytes of 0x80 or more
  // may start one). Lets a scan pass plain text without calling MarkAt.
  bool NeverMark(char byte) const {
    const auto b = static_cast<unsigned char>(byte);
    return b < 0x80 && !ascii_mark_[b];
  }
  // The first offset in [i, limit) whose byte NeverMark turns down, or
  // `limit`: sixteen bytes at a time (segment::FirstStop) when
  // quote_marks.txt has at most kSwarMarks ASCII characters (news text is
  // long runs of plain ASCII).
  std::size_t SkipNeverMark(std::string_view text, std::size_t i, std::size_t limit) const;

  // The label after an opening mark at `pos` ("WALLACE: "), or an empty span;
  // `*words` gets where the quotation's words start.
  Span LabelAt(std::string_view text, std::size_t pos, std::size_t* words) const;

 private:
  ScannerConfig config_;
  std::vector<Regex> labels_;
  std::unordered_map<char32_t, Mark> marks_;
  std::unordered_map<char32_t, Mark> pairs_;  // two-character marks by their (repeated) character
  std::array<bool, 0x80> ascii_mark_{};       // the ASCII characters of marks_ and pairs_
  // The ASCII characters of marks_ and pairs_ for SkipNeverMark's
  // sixteen-byte test (unused slots 0x80, a byte that test stops at anyway), when there are
  // at most kSwarMarks of them.
  static constexpr std::size_t kSwarMarks = 4;
  std::array<unsigned char, kSwarMarks> swar_marks_{};
  bool swar_ = false;
};

}  // namespace whosaid::quotes
