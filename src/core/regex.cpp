#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/regex.h"

#include <pcre2.h>

#include <algorithm>
#include <atomic>
#include <bitset>
#include <cctype>
#include <mutex>
#include <new>

#include "core/diagnostic.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace whosaid {

struct Regex::Impl {
  pcre2_code* code = nullptr;
  uint32_t captures = 0;  // capturing groups (PCRE2_INFO_CAPTURECOUNT)
  // The JIT is compiled on the first match, not at load: most rules of a
  // short run never get that far. kUnknown until then; kJit: matched with
  // pcre2_jit_match, no per-call checks; kInterpreter: JIT absent or failed.
  // Read with acquire, written with release after the compile, under
  // `jit_lock`, so a thread that sees kJit sees the compiled code and no
  // thread matches while another compiles.
  enum JitState : uint8_t { kUnknown, kJit, kInterpreter };
  std::atomic<uint8_t> jit{kUnknown};
  std::mutex jit_lock;
  // `jit` once known: one acquire load, except on the first match.
  uint8_t Jit() {
    uint8_t state = jit.load(std::memory_order_acquire);
    return state != kUnknown ? state : CompileJit();
  }
  // Compiles the JIT once, whichever threads ask at the same time. A
  // failure (no executable memory) leaves the interpreter for the rest of
  // the run; the interpreter counts PCRE2's match and depth limits as the
  // JIT does not, so a run that exhausts executable memory mid-way may
  // differ in what such a limit cuts off (no shipped pattern comes near one).
  [[gnu::noinline]] uint8_t CompileJit() {
    std::lock_guard<std::mutex> hold(jit_lock);
    uint8_t state = jit.load(std::memory_order_relaxed);
    if (state != kUnknown) return state;
    state = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0 ? kJit : kInterpreter;
    jit.store(state, std::memory_order_release);
    return state;
  }
  // MayMatch's facts: the bytes a match can start with (all when unknown)
  // and a byte every match takes, in either of two forms (-1: none known;
  // last_other: the other case of an ASCII letter, else -1).
  std::bitset<256> first = std::bitset<256>().set();
  int last = -1, last_other = -1;
  // Find's start skip (kBytes patterns whose `first` is known, no \G): 1
  // for each byte a match can start with. Empty when there is no skip.
  std::vector<uint8_t> starts;
  // AdmitStartsAfter's bytes: 1 for each byte that may stand right before a
  // match start; empty when there is no such condition.
  std::vector<uint8_t> before;
  // AdmitSecondBytes's bytes, the same way for the byte after a start.
  std::vector<uint8_t> second;
  // Whether a start p (a byte of `starts`, p < size) passes `before` and
  // `second`.
  bool Admits(const unsigned char* bytes, std::size_t p, std::size_t size) const {
    return (before.empty() || (p > 0 && before[bytes[p - 1]])) &&
           (second.empty() || (p + 1 < size && second[bytes[p + 1]]));
  }
  // The same bytes when there are at most kFewStarts of them (else `n_few`
  // is 0), each in the sixteen lanes of a vector (the spare vectors copy
  // the first): FirstStart compares sixteen subject bytes at a time.
  static constexpr std::size_t kFewStarts = 8;
  std::size_t n_few = 0;
#if defined(__SSE2__)
  __m128i few[kFewStarts] = {};
#endif
  // The first position in [p, stop) (stop <= size) holding a byte of
  // `starts`, else stop. (Inline: it runs once a Find, in a dozen
  // instructions when it finds a byte soon.)
  std::size_t FirstStart(const unsigned char* bytes, std::size_t p, std::size_t stop,
                         std::size_t size) const {
    if (p < stop && starts[bytes[p]]) return p;  // (frames mostly)
#if defined(__SSE2__)
    // sixteen bytes at a time while they lie in the subject (the cues'
    // searches of Frames::Run pass a dozen bytes a call on average); the
    // byte-by-byte loop below does the rest
    // (as many comparisons as the set needs, rounded up to 2, 4 or 8)
    if (n_few > 4) return FirstStartOf<8>(bytes, p, stop, size);
    if (n_few > 2) return FirstStartOf<4>(bytes, p, stop, size);
    if (n_few > 0) return FirstStartOf<2>(bytes, p, stop, size);
#endif
    return FirstStartByByte(bytes, p, stop);
  }
  std::size_t FirstStartByByte(const unsigned char* bytes, std::size_t p, std::size_t stop) const {
    while (p < stop && !starts[bytes[p]]) ++p;
    return std::min(p, stop);
  }
#if defined(__SSE2__)
  template <std::size_t kKeys>
  std::size_t FirstStartOf(const unsigned char* bytes, std::size_t p, std::size_t stop,
                           std::size_t size) const {
    for (; p < stop && p + 16 <= size; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + p));
      __m128i hit = _mm_cmpeq_epi8(v, few[0]);
      for (std::size_t k = 1; k < kKeys; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, few[k]));
      if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0)
        return std::min(stop, p + static_cast<std::size_t>(__builtin_ctz(mask)));
    }
    return FirstStartByByte(bytes, p, stop);
  }
#endif
  ~Impl() { pcre2_code_free(code); }
};

namespace {

// Every pattern comes from a rule file: no input may make a match run away.
constexpr uint32_t kMatchLimit = 1000000;
constexpr uint32_t kDepthLimit = 10000;

pcre2_code* Compile(const std::string& pattern, const std::string& where, Regex::Subject subject) {
  if (subject == Regex::Subject::kBytes) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (static_cast<unsigned char>(pattern[i]) >= 0x80) {
        throw ConfigError(where + ": bad pattern at offset " + std::to_string(i) +
                          ": a pattern over one-byte symbols must be ASCII");
      }
    }
  }
  int err = 0;
  PCRE2_SIZE off = 0;
  const uint32_t utf = subject == Regex::Subject::kUtf8 ? PCRE2_UTF | PCRE2_NO_UTF_CHECK : 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   utf | PCRE2_USE_OFFSET_LIMIT, &err, &off, nullptr);
  if (!code) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    throw ConfigError(where + ": bad pattern at offset " + std::to_string(off) + ": " +
                      reinterpret_cast<const char*>(msg));
  }
  return code;
}

// MayMatch's facts from PCRE2's own study of the compiled pattern (what its
// start-of-match optimisation uses). Left unknown for a pattern with an
// inline option "(?i)", "(?x:…" (a caseless first unit is one case only) or
// a verb "(*…)" (which start optimisations may change).
//
// PCRE2 (10.42) folds alternatives whose first (or required) code units
// differ only in ASCII case into one caseless unit and reports it in one
// case: "L|l" and "(?:Ab|ab)" report a first unit 'L' and 'A' yet match "l"
// and "ab". pcre2_pattern_info does not say which units are caseless, so
// an ASCII letter reported as the first or the required unit admits both of
// its cases (never a false "no"; a pattern with one case only is pre-tested
// a little more loosely).
int OtherCase(uint32_t unit) {
  if (unit >= 'A' && unit <= 'Z') return static_cast<int>(unit - 'A' + 'a');
  if (unit >= 'a' && unit <= 'z') return static_cast<int>(unit - 'a' + 'A');
  return -1;
}

void StudyBytes(const std::string& pattern, pcre2_code* code, std::bitset<256>& first, int& last,
                int& last_other) {
  for (std::size_t i = 0; i + 2 < pattern.size(); ++i) {
    if (pattern[i] != '(') continue;  // (an escaped one too: only ever more cautious)
    if (pattern[i + 1] == '*') return;
    if (pattern[i + 1] != '?') continue;
    char c = pattern[i + 2];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '^') return;
  }
  uint32_t options = 0;
  pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &options);
  if (options & (PCRE2_CASELESS | PCRE2_ANCHORED)) return;
  uint32_t type = 0;
  pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type);
  if (type == 1) {
    uint32_t unit = 0;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
    first.reset();
    first.set(unit & 0xff);
    if (const int other = OtherCase(unit); other >= 0) first.set(static_cast<std::size_t>(other));
  } else if (type == 0) {
    const uint8_t* bitmap = nullptr;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    if (bitmap) {
      first.reset();
      for (int b = 0; b < 256; ++b) first[b] = (bitmap[b / 8] >> (b % 8)) & 1;
    }
  }
  pcre2_pattern_info(code, PCRE2_INFO_LASTCODETYPE, &type);
  if (type == 1) {
    uint32_t unit = 0;
    pcre2_pattern_info(code, PCRE2_INFO_LASTCODEUNIT, &unit);
    last = static_cast<int>(unit & 0xff);
    last_other = OtherCase(unit);
  }
}

}  // namespace

// The match context (the limits above, and the offset limit of the call —
// Find's last_start — set before each match) and match data with room for
// `pairs` offset pairs, grown when a pattern needs more, instead of an
// allocation and a free per call.
struct Regex::Scratch::State {
  pcre2_match_context* context = nullptr;
  pcre2_match_data* data = nullptr;
  uint32_t pairs = 0;
  State() {
    context = pcre2_match_context_create(nullptr);
    if (!context) throw std::bad_alloc();
    pcre2_set_match_limit(context, kMatchLimit);
    pcre2_set_depth_limit(context, kDepthLimit);
  }
  ~State() {
    pcre2_match_data_free(data);
    pcre2_match_context_free(context);
  }
  pcre2_match_data* Data(uint32_t need) {
    if (pairs < need) {
      pcre2_match_data* grown = pcre2_match_data_create(std::max<uint32_t>(need, 32), nullptr);
      if (!grown) throw std::bad_alloc();
      pcre2_match_data_free(data);
      data = grown;
      pairs = pcre2_get_ovector_count(grown);
    }
    return data;
  }
};

Regex::Scratch::Scratch() : state_(std::make_unique<State>()) {}
Regex::Scratch::~Scratch() = default;

Regex::Regex(const std::string& pattern, const std::string& where, Subject subject)
    : impl_(std::make_unique<Impl>()), pattern_(pattern) {
  impl_->code = Compile(pattern, where, subject);  // eager: a bad pattern fails at load
  pcre2_pattern_info(impl_->code, PCRE2_INFO_CAPTURECOUNT, &impl_->captures);
  StudyBytes(pattern, impl_->code, impl_->first, impl_->last, impl_->last_other);
  // (\G asserts the start offset itself: moving the start would move it;
  // an escaped backslash before a G only leaves the skip out)
  if (subject == Subject::kBytes && !impl_->first.all() &&
      pattern.find("\\G") == std::string::npos) {
    impl_->starts.assign(256, 0);
    for (std::size_t b = 0; b < 256; ++b) impl_->starts[b] = impl_->first[b];
#if defined(__SSE2__)
    if (impl_->first.count() <= Impl::kFewStarts) {
      for (std::size_t b = 0; b < 256; ++b)
        if (impl_->first[b]) impl_->few[impl_->n_few++] = _mm_set1_epi8(static_cast<char>(b));
      for (std::size_t k = impl_->n_few; k < Impl::kFewStarts; ++k) impl_->few[k] = impl_->few[0];
    }
#endif
  }
}

void Regex::AdmitStartsAfter(const ByteSet& before) {
  if (impl_->starts.empty() || before.all()) return;
  impl_->before.assign(256, 0);
  for (std::size_t b = 0; b < 256; ++b) impl_->before[b] = before[b];
}

void Regex::AdmitSecondBytes(const ByteSet& second) {
  if (impl_->starts.empty() || second.all()) return;
  impl_->second.assign(256, 0);
  for (std::size_t b = 0; b < 256; ++b) impl_->second[b] = second[b];
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

std::optional<Regex::Match> Regex::FindAt(std::string_view subject, std::size_t start) const {
  return FindAt(subject, start, subject.size());
}

std::optional<Regex::Match> Regex::FindAt(std::string_view subject, std::size_t start,
                                          std::size_t last_start) const {
  // Regex calls run by the million (rewrites per name part): one Scratch
  // per thread, never shared.
  thread_local Scratch scratch;
  Match m;
  if (!Find(subject, start, last_start, scratch, m)) return std::nullopt;
  return m;
}

bool Regex::Find(std::string_view subject, std::size_t start, std::size_t last_start,
                 Scratch& scratch, Match& out) const {
  if (start > subject.size() || start > last_start) return false;
  if (!impl_->starts.empty()) {
    // A kBytes match starts at a byte of PCRE2's own start study (`first`:
    // the bitmap or first unit its start-of-match optimisation skips by), so
    // the search starts at the first such byte in [start, last_start], and
    // when there is none no match call is made (a call costs some hundreds
    // of instructions before its first step: 31K of Frames::Run's 265K
    // calls at k1000 are left out so). Lookbehinds still see the bytes
    // before the new start.
    const auto* bytes = reinterpret_cast<const unsigned char*>(subject.data());
    if (subject.empty()) return false;  // a match takes a first byte
    const std::size_t stop = std::min(last_start, subject.size() - 1) + 1;
    std::size_t p = impl_->FirstStart(bytes, start, stop, subject.size());
    // (a start where no admitted byte stands before or after cannot match
    // either: AdmitStartsAfter, AdmitSecondBytes)
    if (!impl_->before.empty() || !impl_->second.empty()) {
      while (p < stop && !impl_->Admits(bytes, p, subject.size()))
        p = impl_->FirstStart(bytes, p + 1, stop, subject.size());
    }
    if (p >= stop) return false;
    start = p;
  }
  const uint8_t jit = impl_->Jit();
  const uint32_t ngroups = impl_->captures;
  Scratch::State& st = *scratch.state_;
  pcre2_match_data* md = st.Data(ngroups + 1);
  pcre2_set_offset_limit(st.context, last_start >= subject.size() ? PCRE2_UNSET : last_start);
  const auto* bytes = reinterpret_cast<PCRE2_SPTR>(subject.data());
  int rc = jit == Impl::kJit ? pcre2_jit_match(impl_->code, bytes, subject.size(), start,
                                               PCRE2_NO_UTF_CHECK, md, st.context)
                             : pcre2_match(impl_->code, bytes, subject.size(), start,
                                           PCRE2_NO_UTF_CHECK, md, st.context);
  if (rc < 0) return false;  // no match, or a limit hit: nothing
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  out.groups.assign(ngroups + 1, Span{npos, npos});
  for (uint32_t g = 0; g <= ngroups && g < static_cast<uint32_t>(rc); ++g) {
    if (ov[2 * g] != PCRE2_UNSET) out.groups[g] = {ov[2 * g], ov[2 * g + 1]};
  }
  return true;
}

bool Regex::MayMatch(std::string_view subject) const {
  if (impl_->last >= 0 && subject.find(static_cast<char>(impl_->last)) == std::string_view::npos &&
      (impl_->last_other < 0 ||
       subject.find(static_cast<char>(impl_->last_other)) == std::string_view::npos))
    return false;
  if (impl_->first.all()) return true;
  for (char c : subject) {
    if (impl_->first.test(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

Regex::ByteSet Regex::BytesOf(std::string_view subject) {
  ByteSet bytes;
  for (char c : subject) bytes.set(static_cast<unsigned char>(c));
  return bytes;
}

bool Regex::MayMatchBytes(const ByteSet& bytes) const {
  if (impl_->last >= 0 && !bytes.test(static_cast<std::size_t>(impl_->last)) &&
      (impl_->last_other < 0 || !bytes.test(static_cast<std::size_t>(impl_->last_other))))
    return false;
  return (impl_->first & bytes).any() || impl_->first.all();
}

std::vector<Regex::Match> Regex::FindAll(std::string_view subject) const {
  std::vector<Match> out;
  if (!MayMatch(subject)) return out;
  std::size_t start = 0;
  while (auto m = FindAt(subject, start)) {
    start = NextStart(subject, m->groups[0]);
    out.push_back(std::move(*m));
  }
  return out;
}

std::size_t Regex::NextStart(std::string_view subject, Span whole) {
  std::size_t start = whole.end;
  if (whole.end == whole.begin) {  // an empty match: step over one character
    ++start;
    while (start < subject.size() && (static_cast<unsigned char>(subject[start]) & 0xC0) == 0x80)
      ++start;
  }
  return start;
}

int Regex::GroupIndex(const std::string& name) const {
  int n = pcre2_substring_number_from_name(impl_->code, reinterpret_cast<PCRE2_SPTR>(name.c_str()));
  return n < 0 ? -1 : n;
}

}  // namespace whosaid
