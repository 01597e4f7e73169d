#include "entities/normalizer.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include "core/diagnostic.h"
#include "core/text.h"

namespace whosaid::entities {

struct Normalizer::Transform {
  std::unique_ptr<icu::Transliterator> icu;
};

namespace {

constexpr const char* kTransformFile = "names/transform.txt";
constexpr const char* kCharactersFile = "names/characters.txt";

// A '(' not closed on its line (outside [sets]): ICU 72 rejects such an ID
// but leaks memory doing so, so it is refused before ICU sees it.
bool Unclosed(std::string_view id) {
  int parens = 0, sets = 0;
  for (char c : id) {
    if (c == '[') ++sets;
    if (c == ']' && sets > 0) --sets;
    if (sets == 0 && c == '(') ++parens;
    if (sets == 0 && c == ')' && parens > 0) --parens;
  }
  return parens > 0;
}

std::unique_ptr<icu::Transliterator> CompileTransform(const rules::RuleFile& file) {
  std::string id;
  for (const rules::RuleLine& line : file.lines()) {
    if (Unclosed(line.text)) throw file.Error(line, "'(' without ')'");
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
  const rules::RuleFile& chars = rules.File(kCharactersFile);
  for (const rules::RuleLine& line : chars.lines()) {
    if (line.text.size() != 1 || static_cast<unsigned char>(line.text[0]) >= 128) {
      throw chars.Error(line, "expected one ASCII character per line");
    }
    deleted_[static_cast<unsigned char>(line.text[0])] = true;
  }
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

// Lower-case ASCII words; whatever the transform left outside a-z 0-9 (and
// not deleted) separates words.
std::string Normalizer::Words(std::string_view s) const {
  std::string out;
  bool gap = false;
  for (unsigned char c : s) {
    if (c < 128 && deleted_[c]) continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string Normalizer::Normalize(std::string_view text) const {
  if (IsAscii(text)) return Words(text);
  return Words(Transliterate(text));
}

}  // namespace whosaid::entities
