#include "quotes/scanner.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "core/text.h"
#include "segment/byte_scan.h"

namespace whosaid::quotes {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) > 0;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Punctuation after which a quotation may open: ( [ { — – - / : and the like.
bool OpensBefore(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '-' || c == 0x2014 || c == 0x2013 || c == '/' ||
         c == ':' || c == '>' || c == 0x2026;
}

enum class Side { kBlank, kWord, kPunct, kEdge };

struct Context {
  char32_t before = 0, after = 0;
  Side b = Side::kEdge, a = Side::kEdge;
};

Side Classify(char32_t c, bool edge) {
  if (edge) return Side::kEdge;
  if (segment::IsBlank(c) || c == '\n' || c == '\r') return Side::kBlank;
  if (IsWordChar(c)) return Side::kWord;
  return Side::kPunct;
}

// Spans of HTML/XML tags, whose attribute quotes are not quotations.
std::vector<Span> FindTags(std::string_view text, Span para) {
  std::vector<Span> tags;
  const std::string_view body = text.substr(0, para.end);
  for (std::size_t i = body.find('<', para.begin); i != std::string_view::npos;
       i = body.find('<', i + 1)) {
    if (i + 1 >= para.end) break;
    char n = text[i + 1];
    if (!((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') || n == '/' || n == '!')) continue;
    std::size_t limit = std::min(para.end, i + 2000);
    for (std::size_t j = i + 1; j < limit; ++j) {
      if (text[j] == '<') break;
      if (text[j] == '>') {
        tags.push_back({i, j + 1});
        i = j;
        break;
      }
    }
  }
  return tags;
}

struct Open {
  std::size_t pos;  // byte offset of the opening mark
  std::size_t len;  // its length in bytes
  Family family;
  int paragraphs;
  Span label = {};        // transcript speaker label after the mark
  std::size_t words = 0;  // where the words start (after the mark, or after the label)
};

}  // namespace

Scanner::Scanner(const ScannerConfig& config, const rules::RuleSet& rules) : config_(config) {
  const auto& file = rules.File("quote_marks.txt");
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 3) throw file.Error(line, "expected CHAR | FAMILY | DIRECTION");
    std::size_t i = 0;
    char32_t c = text::Next(f[0], i);
    bool pair = false;
    if (i != f[0].size()) {
      std::size_t j = i;
      pair = text::Next(f[0], j) == c && j == f[0].size();
      if (!pair)
        throw file.Error(line, "MARK must be one character or one repeated twice: '" + f[0] + "'");
    }
    Mark m{};
    if (f[1] == "double")
      m.family = Family::kDouble;
    else if (f[1] == "single")
      m.family = Family::kSingle;
    else
      throw file.Error(line, "FAMILY must be double or single, not '" + f[1] + "'");
    if (f[2] == "open")
      m.direction = Direction::kOpen;
    else if (f[2] == "close")
      m.direction = Direction::kClose;
    else if (f[2] == "either")
      m.direction = Direction::kEither;
    else
      throw file.Error(line, "DIRECTION must be open, close or either, not '" + f[2] + "'");
    if (pair) {
      pairs_.insert_or_assign(c, m);
    } else {
      marks_.insert_or_assign(c, m);
    }
    if (c < 0x80) ascii_mark_[c] = true;
  }
  swar_marks_.fill(0x80);
  std::size_t ascii = 0;
  for (unsigned char b = 0; b < 0x80; ++b) {
    if (!ascii_mark_[b]) continue;
    if (ascii < kSwarMarks) swar_marks_[ascii] = b;
    ++ascii;
  }
  swar_ = ascii <= kSwarMarks;
  if (rules.Has("transcript.txt")) {
    const auto& tr = rules.File("transcript.txt");
    for (const auto& line : tr.lines()) {
      Regex re(line.text, tr.path() + ":" + std::to_string(line.line));
      if (re.GroupIndex("label") < 0)
        throw tr.Error(line, "a label pattern needs a group named label");
      labels_.push_back(std::move(re));
    }
  }
}

Span Scanner::LabelAt(std::string_view text, std::size_t pos, std::size_t* words) const {
  // 80 bytes at most, ending on a character boundary: PCRE2 is told the
  // subject is valid UTF-8 (PCRE2_NO_UTF_CHECK), so it must not end mid-character.
  std::size_t end = std::min(text.size(), pos + 80);
  while (end > pos && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  std::string_view rest = text.substr(pos, end - pos);
  for (const Regex& re : labels_) {
    auto m = re.FindAt(rest, 0);
    if (!m || m->groups[0].begin != 0) continue;
    Span label = m->Group(re.GroupIndex("label"));
    *words = pos + m->groups[0].end;
    return {pos + label.begin, pos + label.end};
  }
  return {};
}

// Sixteen bytes at a time (segment::FirstStop): a byte >= 0x80 or one of
// swar_marks_ (the ASCII marks; unused slots 0x80, which stops anyway) is
// exactly a byte NeverMark turns down.
std::size_t Scanner::SkipNeverMark(std::string_view text, std::size_t i, std::size_t limit) const {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  if (swar_) return segment::FirstStop(p, i, limit, swar_marks_);
  while (i < limit && NeverMark(text[i])) ++i;
  return i;
}

const Scanner::Mark* Scanner::MarkAt(std::string_view text, std::size_t i,
                                     std::size_t* length) const {
  if (NeverMark(text[i])) return nullptr;  // fast path for ASCII
  std::size_t j = i;
  char32_t c = text::Next(text, j);
  if (!pairs_.empty() && j < text.size()) {
    std::size_t k = j;
    auto pit = pairs_.find(c);
    if (pit != pairs_.end() && text::Next(text, k) == c) {
      *length = k - i;
      return &pit->second;
    }
  }
  auto it = marks_.find(c);
  if (it == marks_.end()) return nullptr;
  *length = j - i;
  return &it->second;
}

namespace {

// The scanning state machine, one paragraph at a time.
class Pairing {
 public:
  Pairing(const Scanner& scanner, const ScannerConfig& config, std::string_view text,
          const std::vector<segment::Paragraph>& paras)
      : scanner_(scanner), config_(config), text_(text), paras_(paras) {}

  Scanner::Result Run() {
    for (std::size_t p = 0; p < paras_.size(); ++p) {
      ScanParagraph(p);
      EndParagraph(p);
    }
    std::sort(result_.quotes.begin(), result_.quotes.end(),
              [](const Quotation& a, const Quotation& b) {
                return a.outer.begin != b.outer.begin ? a.outer.begin < b.outer.begin
                                                      : a.outer.end > b.outer.end;
              });
    SetDepths();
    std::sort(result_.mark_positions.begin(), result_.mark_positions.end());
    return std::move(result_);
  }

 private:
  Context ContextAt(std::size_t i, std::size_t len, Span para) const {
    Context c;
    if (i > para.begin) {
      std::size_t j = i;
      c.before = text::Prev(text_, j);
      c.b = Classify(c.before, false);
    }
    if (i + len < para.end) {
      c.after = text::At(text_, i + len);
      c.a = Classify(c.after, false);
    }
    return c;
  }

  static bool LeftFlanking(const Context& c) {
    bool next_ok = c.a == Side::kWord || c.a == Side::kPunct;
    bool prev_ok =
        c.b == Side::kEdge || c.b == Side::kBlank ||
        (c.b == Side::kPunct && (OpensBefore(c.before) || c.before == ',' || c.before == ';'));
    return next_ok && prev_ok;
  }
  static bool RightFlanking(const Context& c) {
    bool prev_ok = c.b == Side::kWord || c.b == Side::kPunct;
    bool next_ok = c.a == Side::kEdge || c.a == Side::kBlank ||
                   (c.a == Side::kPunct && !OpensBefore(c.after)) || c.after == 0x2014 ||
                   c.after == 0x2013;
    return prev_ok && next_ok;
  }

  bool HasOpen(Family f) const {
    return std::any_of(stack_.begin(), stack_.end(), [f](const Open& o) { return o.family == f; });
  }

  bool IsApostrophe(const Context& c, Direction dir) const {
    if (c.b == Side::kWord && c.a == Side::kWord) return true;  // Pakistan’s
    if ((c.b == Side::kBlank || c.b == Side::kEdge) && IsDigit(c.after)) return true;  // ’90s
    if (dir == Direction::kClose && c.b != Side::kWord && c.a == Side::kWord) return true;  // ’em
    return false;
  }

  void ScanParagraph(std::size_t p) {
    Span para = paras_[p].span;
    auto tags = FindTags(text_, para);
    std::size_t tag = 0;
    std::size_t i = para.begin;
    bool first = true;  // the first mark of a continuing paragraph reopens the quote
    while (i < para.end) {
      while (tag < tags.size() && tags[tag].end <= i) ++tag;
      if (tag < tags.size() && tags[tag].begin <= i) {
        i = tags[tag].end;
        continue;
      }
      if (!first) {  // only a mark matters now: pass the bytes MarkAt turns down at once
        const std::size_t limit =
            tag < tags.size() ? std::min(para.end, tags[tag].begin) : para.end;
        i = scanner_.SkipNeverMark(text_, i, limit);
        if (i == limit) continue;
      }
      std::size_t len = 0;
      const Scanner::Mark* m = scanner_.MarkAt(text_, i, &len);
      if (!m) {
        unsigned char b = static_cast<unsigned char>(text_[i]);
        if (!(b == ' ' || b == '\t')) first = false;
        ++i;
        continue;
      }
      if (first && continuing_ && m->family == Family::kDouble &&
          LeftFlanking(ContextAt(i, len, para))) {
        AddMark(i, len);  // the reopening mark belongs to the quote
        continuing_ = false;
        first = false;
        i += len;
        continue;
      }
      first = false;
      OnMark(*m, i, len, para);
      i += len;
    }
  }

  void OnMark(const Scanner::Mark& m, std::size_t i, std::size_t len, Span para) {
    Context c = ContextAt(i, len, para);
    if (m.family == Family::kSingle && IsApostrophe(c, m.direction)) return;
    if (m.family == Family::kSingle && m.direction != Direction::kClose && IsDigit(c.after) &&
        IsDigit(text::At(text_, i + len + 1)) && c.b != Side::kWord) {
      return;  // ‘90s
    }
    bool left = LeftFlanking(c), right = RightFlanking(c);
    bool open_now = HasOpen(m.family);
    bool close = false, open = false;
    switch (m.direction) {
      case Direction::kOpen:
        close = open_now && right && !left;
        open = !close;
        break;
      case Direction::kClose:
        open = !open_now && left && !right && m.family == Family::kDouble;
        close = !open;
        break;
      case Direction::kEither:
        if (open_now && right)
          close = true;
        else if (left)
          open = true;
        else if (open_now)
          close = true;
        else
          open = !right;  // neither side clear: a stray closer is text
        break;
    }
    if (close) {
      Close(m.family, i, len);
    } else if (open && m.family == Family::kSingle && !left) {
      // A single mark that cannot open by its sides is an apostrophe or stray.
    } else if (open) {
      if (stack_.size() < config_.max_depth) {
        Open o{i, len, m.family, 1};
        o.words = i + len;
        if (m.family == Family::kDouble) o.label = scanner_.LabelAt(text_, i + len, &o.words);
        stack_.push_back(o);
      }
    }
  }

  void Close(Family f, std::size_t i, std::size_t len) {
    auto it =
        std::find_if(stack_.rbegin(), stack_.rend(), [f](const Open& o) { return o.family == f; });
    if (it == stack_.rend()) return;  // nothing to close: an apostrophe or stray mark
    std::size_t idx = static_cast<std::size_t>(stack_.rend() - it) - 1;
    Open o = stack_[idx];
    stack_.resize(idx);  // unclosed quotes of the other family inside were not quotes
    Emit(o, i + len, i, false);
    AddMark(o.pos, o.len);
    AddMark(i, len);
  }

  // Records every character of a mark (a mark may be two characters: '').
  void AddMark(std::size_t pos, std::size_t len) {
    for (std::size_t k = pos; k < pos + len;) {
      result_.mark_positions.push_back(k);
      text::Next(text_, k);
    }
  }

  void Emit(const Open& o, std::size_t outer_end, std::size_t inner_end, bool unclosed) {
    Quotation q;
    q.outer = {o.pos, outer_end};
    q.inner = {o.words ? o.words : o.pos + o.len, inner_end};
    q.label = o.label;
    q.family = o.family;
    q.unclosed = unclosed;
    q.paragraphs = o.paragraphs;
    if (!q.inner.empty()) result_.quotes.push_back(q);
  }

  // Next paragraph opens with a double mark: the quotation continues.
  bool NextReopens(std::size_t p) const {
    if (p + 1 >= paras_.size()) return false;
    Span next = paras_[p + 1].span;
    std::size_t len = 0;
    const Scanner::Mark* m = scanner_.MarkAt(text_, next.begin, &len);
    std::size_t words = 0;
    bool labelled = m && !scanner_.LabelAt(text_, next.begin + len, &words).empty();  // a new turn
    return m && m->family == Family::kDouble && m->direction != Direction::kClose && !labelled;
  }

  void EndParagraph(std::size_t p) {
    // Single quotes still open were apostrophes or strays.
    stack_.erase(std::remove_if(stack_.begin(), stack_.end(),
                                [](const Open& o) { return o.family == Family::kSingle; }),
                 stack_.end());
    if (stack_.empty()) return;
    if (stack_.size() == 1 && NextReopens(p)) {
      stack_[0].paragraphs++;
      continuing_ = true;
      return;
    }
    Span para = paras_[p].span;
    for (const Open& o : stack_) {
      Emit(o, para.end, para.end, true);
      AddMark(o.pos, o.len);
    }
    stack_.clear();
  }

  void SetDepths() {
    std::vector<std::size_t> ends;  // outer ends of the enclosing quotes
    for (Quotation& q : result_.quotes) {
      while (!ends.empty() && ends.back() <= q.outer.begin) ends.pop_back();
      q.depth = static_cast<int>(ends.size());
      ends.push_back(q.outer.end);
    }
  }

  const Scanner& scanner_;
  const ScannerConfig& config_;
  std::string_view text_;
  const std::vector<segment::Paragraph>& paras_;
  std::vector<Open> stack_;
  bool continuing_ = false;
  Scanner::Result result_;
};

}  // namespace

Scanner::Result Scanner::Run(std::string_view text,
                             const std::vector<segment::Paragraph>& paragraphs) const {
  return Pairing(*this, config_, text, paragraphs).Run();
}

}  // namespace whosaid::quotes
