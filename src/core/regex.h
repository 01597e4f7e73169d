// whosaid::Regex — a compiled PCRE2 pattern (UTF, JIT when available) with
// named groups; the only place PCRE2's integer codes and match data appear.
//
// Contract: built once from a rule, immutable, safe to share between threads
// (each thread uses its own match data, reused from call to call). Patterns from rule files get
// match and depth limits so no input can make a match run away.
//
// Two ways to match: FindAt returning a fresh Match (match data per thread,
// for occasional callers), and Find into a caller's Match with a caller's
// Scratch (one per loop, e.g. per Frames::Run): no allocation once the
// groups vector has grown, no thread_local look-up. Both give the same
// matches under the same limits.
//
// Example
//   Regex re("(?<who>N+)V", "frames.txt:12");   // throws ConfigError when bad
//   for (const auto& m : re.FindAll("DNNV,")) m.Group(re.GroupIndex("who"));
#pragma once

#include <bitset>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"

namespace whosaid {

class Regex {
 public:
  struct Match {
    std::vector<Span> groups;  // [0] the whole match; unset groups are {npos, npos}
    Span Group(int index) const {
      return index >= 0 && static_cast<std::size_t>(index) < groups.size() ? groups[index]
                                                                           : Span{npos, npos};
    }
    static bool Set(Span s) { return s.begin != npos; }
  };
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // PCRE2 match data and match context (the limits below) owned by one
  // caller, for Find. Not thread-safe: one thread, one Scratch at a time;
  // any Regex may use it (the match data grows to the largest pattern).
  class Scratch {
   public:
    Scratch();
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class Regex;
    struct State;
    std::unique_ptr<State> state_;
  };

  // What the subjects are: UTF-8 text (PCRE2's UTF mode: `.` and classes
  // take a character), or strings of one-byte symbols such as the shape
  // string (attribution/shape.h): no UTF mode, a byte at a time — the same
  // matches on ASCII subjects, in fewer steps, and any byte is a symbol. A
  // kBytes pattern must be ASCII (a byte >= 0x80 would be read as a symbol
  // of its own: "N’?V" would make the last byte of ’ optional), else
  // ConfigError; so must its \x{…} (PCRE2's own error).
  enum class Subject { kUtf8, kBytes };
  // `where` names the rule ("frames.txt:12") for error messages.
  Regex(const std::string& pattern, const std::string& where, Subject subject = Subject::kUtf8);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  // Every non-overlapping match, left to right. `subject` must be valid
  // UTF-8 (it is not checked again), as must be where FindAt starts, unless
  // the pattern was compiled for Subject::kBytes.
  // Returns at once, without a match call, when MayMatch says no.
  std::vector<Match> FindAll(std::string_view subject) const;
  // Where FindAll's next search starts after the match `whole`: its end, or
  // past one more character for an empty match (a caller iterating with
  // Find and its own Scratch steps the same way).
  static std::size_t NextStart(std::string_view subject, Span whole);
  // False when PCRE2's study of the pattern proves that `subject` holds no
  // match: it has no byte that a match can start with (PCRE2_INFO_FIRSTCODEUNIT
  // or FIRSTBITMAP), or lacks the literal every match takes (LASTCODEUNIT).
  // True otherwise, and always for a pattern that sets options inline or
  // uses verbs (where that study is not read here). A short subject is
  // tested for far less than a match call costs (rewrites per name word).
  bool MayMatch(std::string_view subject) const;
  // The bytes `subject` holds, as MayMatchBytes reads them.
  using ByteSet = std::bitset<256>;
  static ByteSet BytesOf(std::string_view subject);
  // MayMatch(subject) from BytesOf(subject): the same answer in a few
  // word operations, for a caller that tries many patterns on one subject
  // (Rewriter: some thirty rules per name word).
  bool MayMatchBytes(const ByteSet& bytes) const;
  // The first match starting at or after `start`, if any.
  std::optional<Match> FindAt(std::string_view subject, std::size_t start) const;
  // The first match starting in [start, last_start], if any. The subject
  // stays whole, so lookarounds still see the bytes around that range; only
  // where a match may start is bounded (PCRE2's offset limit), so a search
  // that can fail fast does not scan on to the end of the subject.
  std::optional<Match> FindAt(std::string_view subject, std::size_t start,
                              std::size_t last_start) const;
  // FindAt(subject, start, last_start) into `out` (groups resized to the pattern's + 1, unset
  // {npos, npos}); false (`out` unspecified) when none. A kBytes pattern with known first bytes
  // (MayMatch's; no \G) starts at the first in [start, last_start], no call if none: same matches.
  bool Find(std::string_view subject, std::size_t start, std::size_t last_start, Scratch& scratch,
            Match& out) const;
  // The caller's proof that every match starts right after a byte of
  // `before` (the pattern opens with a lookbehind whose alternatives all end
  // with one of them): Find's start skip then also passes over the starts
  // where another byte, or none, stands before (no match call when none is
  // left). Only a kBytes pattern with the start skip uses it; call it before
  // the Regex is shared between threads.
  void AdmitStartsAfter(const ByteSet& before);
  // The same for the caller's proof that every match takes a byte of
  // `second` right after its first byte: a start with another byte, or
  // none, after it is passed over.
  void AdmitSecondBytes(const ByteSet& second);
  int GroupIndex(const std::string& name) const;  // -1 when absent
  const std::string& pattern() const { return pattern_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string pattern_;
};

}  // namespace whosaid
