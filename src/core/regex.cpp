#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/regex.h"

#include <pcre2.h>

#include "core/diagnostic.h"

namespace whosaid {

struct Regex::Impl {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  ~Impl() {
    pcre2_code_free(code);
    pcre2_match_context_free(context);
  }
};

namespace {

pcre2_code* Compile(const std::string& pattern, const std::string& where) {
  int err = 0;
  PCRE2_SIZE off = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err, &off, nullptr);
  if (!code) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    throw ConfigError(where + ": bad pattern at offset " + std::to_string(off) + ": " +
                      reinterpret_cast<const char*>(msg));
  }
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // falls back to the interpreter if JIT is absent
  return code;
}

}  // namespace

Regex::Regex(const std::string& pattern, const std::string& where)
    : impl_(std::make_unique<Impl>()), pattern_(pattern) {
  impl_->code = Compile(pattern, where);
  impl_->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(impl_->context, 1000000);
  pcre2_set_depth_limit(impl_->context, 10000);
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

std::optional<Regex::Match> Regex::FindAt(std::string_view subject, std::size_t start) const {
  if (start > subject.size()) return std::nullopt;
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(impl_->code, nullptr);
  int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                       start, PCRE2_NO_UTF_CHECK, md, impl_->context);
  std::optional<Match> out;
  if (rc >= 0) {  // no match, or a limit hit: nothing
    uint32_t ngroups = 0;
    pcre2_pattern_info(impl_->code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    Match m;
    m.groups.resize(ngroups + 1, Span{npos, npos});
    for (uint32_t g = 0; g <= ngroups && g < static_cast<uint32_t>(rc); ++g) {
      if (ov[2 * g] != PCRE2_UNSET) m.groups[g] = {ov[2 * g], ov[2 * g + 1]};
    }
    out = std::move(m);
  }
  pcre2_match_data_free(md);
  return out;
}

std::vector<Regex::Match> Regex::FindAll(std::string_view subject) const {
  std::vector<Match> out;
  std::size_t start = 0;
  while (auto m = FindAt(subject, start)) {
    Span whole = m->groups[0];
    start = whole.end;
    if (whole.end == whole.begin) {  // an empty match: step over one character
      ++start;
      while (start < subject.size() && (static_cast<unsigned char>(subject[start]) & 0xC0) == 0x80)
        ++start;
    }
    out.push_back(std::move(*m));
  }
  return out;
}

int Regex::GroupIndex(const std::string& name) const {
  int n = pcre2_substring_number_from_name(impl_->code, reinterpret_cast<PCRE2_SPTR>(name.c_str()));
  return n < 0 ? -1 : n;
}

}  // namespace whosaid
