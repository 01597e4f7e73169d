#include "entities/normalizer.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>

#include "core/diagnostic.h"
#include "core/text.h"

namespace whosaid::entities {

struct Normalizer::Transform {
  std::unique_ptr<icu::Transliterator> icu;
};

namespace {

constexpr const char* kTransformFile = "names/transform.txt";
constexpr const char* kCharactersFile = "names/characters.txt";
constexpr const char* kPunctuationFile = "names/punctuation.txt";

// What is wrong with one transform ID, or "" when it has the shape of the
// IDs ICU documents: an optional filter ("[:Lm:]", brackets balanced), then
// a name, "Source-Target" or "Source-Target/Variant" (letters, digits, '_'),
// optionally followed by an inverse in parentheses. ICU 72's ID parser leaks
// memory on some malformed IDs ("name (a::b). c"), so anything else is
// refused before ICU sees it.
std::string BadId(std::string_view id) {
  auto trim = [](std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  };
  id = trim(id);
  if (!id.empty() && id.front() == '[') {
    int depth = 0;
    std::size_t i = 0;
    for (; i < id.size(); ++i) {
      if (id[i] == '\\') {
        ++i;
        continue;
      }
      if (id[i] == '[') ++depth;
      if (id[i] == ']' && --depth == 0) break;
    }
    if (depth != 0) return "'[' without ']'";
    id = trim(id.substr(i + 1));
  }
  auto name = [](std::string_view v) {
    if (v.empty()) return false;
    std::size_t dashes = 0, slashes = 0;
    char prev = '-';
    for (char c : v) {
      bool word =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (c == '-' || c == '/') {
        if (prev == '-' || prev == '/' || (c == '-' && (dashes++ > 0 || slashes > 0)) ||
            (c == '/' && slashes++ > 0)) {
          return false;
        }
      } else if (!word) {
        return false;
      }
      prev = c;
    }
    return prev != '-' && prev != '/';
  };
  std::string_view inverse;
  if (std::size_t open = id.find('('); open != std::string_view::npos) {
    if (id.back() != ')') return "'(' without ')' at the end of the line";
    inverse = trim(id.substr(open + 1, id.size() - open - 2));
    id = trim(id.substr(0, open));
    if (!inverse.empty() && !name(inverse)) return "not a transform name in '(…)'";
    if (id.empty()) return inverse.empty() ? "an empty transform" : "";
  }
  if (!name(id))
    return "not a transform ID (NAME, Source-Target or Source-Target/Variant, after an optional "
           "[filter])";
  return "";
}

std::unique_ptr<icu::Transliterator> CompileTransform(const rules::RuleFile& file) {
  std::string id;
  for (const rules::RuleLine& line : file.lines()) {
    if (std::string bad = BadId(line.text); !bad.empty()) throw file.Error(line, bad);
    if (!id.empty()) id += "; ";
    id += line.text;
  }
  if (id.empty()) id = "Any-Null";
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse{};
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, parse, status));
  if (U_FAILURE(status) || !t) {
    int line = file.lines().empty() ? 1 : file.lines().front().line;
    throw file.Error(rules::RuleLine{line, id},
                     std::string("ICU rejects the transform: ") + u_errorName(status));
  }
  return t;
}

// The code point of a punctuation.txt line ("U+2019": four to six hex
// digits, not ASCII, not a surrogate, at most U+10FFFF), or -1.
std::int32_t CodePointOf(std::string_view text) {
  if (text.size() < 6 || text.size() > 8 || text.substr(0, 2) != "U+") return -1;
  std::int32_t c = 0;
  for (char h : text.substr(2)) {
    int digit = h >= '0' && h <= '9'   ? h - '0'
                : h >= 'A' && h <= 'F' ? h - 'A' + 10
                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                       : -1;
    if (digit < 0) return -1;
    c = c * 16 + digit;
  }
  if (c < 0x80 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return -1;
  return c;
}

std::string Apply(icu::Transliterator& t, const icu::UnicodeString& text) {
  icu::UnicodeString u = text;
  t.transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Whether a punctuation.txt character may be listed: punctuation, a space,
// a symbol or a format character (never a letter, mark or digit, which
// transforms read in context).
bool MayBeListed(UChar32 c) {
  switch (u_charType(c)) {
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONNECTOR_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_FORMAT_CHAR:
      return true;
    default:
      return false;
  }
}

// punctuation.txt's characters, by code point; a line that is not such a
// character is a ConfigError.
std::vector<char32_t> Listed(const rules::RuleFile& file) {
  std::vector<char32_t> out;
  for (const rules::RuleLine& line : file.lines()) {
    const std::int32_t c = CodePointOf(line.text);
    if (c < 0) {
      throw file.Error(line,
                       "expected one character as U+ and 4 to 6 hex digits, not ASCII (U+2019)");
    }
    if (!MayBeListed(c)) {
      throw file.Error(line,
                       "only punctuation, spaces, symbols and format characters can be listed (a "
                       "letter, mark or digit is transformed in context)");
    }
    out.push_back(static_cast<char32_t>(c));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// What `t` makes of each listed character alone, by code point — or
// nothing (no fast path) unless `t` passes these checks (a check, not a
// proof: a transform could still look further than one neighbour):
//   ASCII     the printable ASCII characters, in order and reversed, come
//             out lower-cased and otherwise unchanged;
//   beside    each listed character between every two of the printable
//             ASCII characters other than letters and digits, and a, z, A,
//             Z, 0 and 9, in turn (x1 c x2 c … x39 c) comes out as the pieces
//             alone, one after another (all 95 would cost ~30M instructions
//             of start-up, ICU's transform being ~5K a character);
//   pairs     each listed character beside every listed one (c1 c c2 c …)
//             the same.
std::vector<std::pair<char32_t, std::string>> MappedAlone(const std::vector<char32_t>& listed,
                                                          icu::Transliterator& t) {
  std::string ascii;
  for (char c = ' '; c <= '~'; ++c) ascii.push_back(c);
  for (const std::string& s : {ascii, std::string(ascii.rbegin(), ascii.rend())}) {
    std::string lower = s;
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (Apply(t, icu::UnicodeString::fromUTF8(s)) != lower) return {};
  }
  std::vector<std::pair<char32_t, std::string>> out;
  for (char32_t c : listed) {
    icu::UnicodeString alone;
    alone.append(static_cast<UChar32>(c));
    out.emplace_back(c, Apply(t, alone));
  }
  std::string beside = "azAZ09";
  for (char x : ascii) {
    if (!std::isalnum(static_cast<unsigned char>(x))) beside.push_back(x);
  }
  for (const auto& [c, mapped] : out) {
    icu::UnicodeString text;
    std::string expected;
    for (char x : beside) {
      text.append(static_cast<UChar>(x)).append(static_cast<UChar32>(c));
      expected += (x >= 'A' && x <= 'Z') ? static_cast<char>(x - 'A' + 'a') : x;
      expected += mapped;
    }
    if (Apply(t, text) != expected) return {};
    text.remove();
    expected.clear();
    for (const auto& [other, other_mapped] : out) {
      text.append(static_cast<UChar32>(c)).append(static_cast<UChar32>(other));
      expected += mapped + other_mapped;
    }
    if (Apply(t, text) != expected) return {};
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

Normalizer::Normalizer(const rules::RuleSet& rules)
    : transform_(
          std::make_unique<Transform>(Transform{CompileTransform(rules.File(kTransformFile))})) {
  for (int c = 0; c < 256; ++c) {
    const bool digit = c >= '0' && c <= '9', lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    byte_class_[c] = digit || lower ? static_cast<char>(c)
                     : upper        ? static_cast<char>(c - 'A' + 'a')
                                    : kBreak;
  }
  const rules::RuleFile& chars = rules.File(kCharactersFile);
  for (const rules::RuleLine& line : chars.lines()) {
    if (line.text.size() != 1 || static_cast<unsigned char>(line.text[0]) >= 128) {
      throw chars.Error(line, "expected one ASCII character per line");
    }
    // (a letter is deleted before Words lower-cases: it would go in one
    // case and stay in the other, and a name's parse must not depend on the
    // case of its ASCII letters — DocPeople::Of parses the lower case)
    if (const char c = line.text[0]; (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      throw chars.Error(line, "a letter cannot be deleted (letters make the words)");
    byte_class_[static_cast<unsigned char>(line.text[0])] = kDeleted;
  }
  if (rules.Has(kPunctuationFile))
    alone_ = MappedAlone(Listed(rules.File(kPunctuationFile)), *transform_->icu);
}

Normalizer::~Normalizer() = default;

std::string Normalizer::Transliterate(std::string_view text) const {
  std::string valid = text::DecodeLossy(text).text;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(valid);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    transform_->icu->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool Normalizer::MapAlone(std::string_view text, std::string& out) const {
  if (text.size() > INT32_MAX) return false;
  out.clear();
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      out.push_back(static_cast<char>(s[i++]));
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;  // invalid UTF-8: the lenient decoding's
    auto it = std::lower_bound(alone_.begin(), alone_.end(), static_cast<char32_t>(c),
                               [](const auto& e, char32_t v) { return e.first < v; });
    if (it == alone_.end() || it->first != static_cast<char32_t>(c)) return false;
    out += it->second;
  }
  return true;
}

// Lower-case ASCII words; whatever the transform left outside a-z 0-9 (and
// not deleted) separates words.
// Written in place: a blank stands for one break byte or more, so the
// words are never longer than `s` (every name parsed and every word
// WithoutTitles reads comes here).
std::string Normalizer::Words(std::string_view s) const {
  std::string out(s.size(), ' ');
  char* const begin = out.data();
  char* o = begin;
  bool gap = false;
  for (const char c : s) {
    const char b = byte_class_[static_cast<unsigned char>(c)];
    if (b == kDeleted) continue;
    if (b == kBreak) {
      gap = o != begin;
      continue;
    }
    o += gap;  // (the blank already there)
    gap = false;
    *o++ = b;
  }
  out.resize(static_cast<std::size_t>(o - begin));
  return out;
}

std::string Normalizer::Normalize(std::string_view text) const {
  if (IsAscii(text)) return Words(text);
  if (std::string mapped; MapAlone(text, mapped)) return Words(mapped);
  return Words(Transliterate(text));
}

}  // namespace whosaid::entities
