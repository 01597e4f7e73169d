#include "events/lexicon.h"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "core/classes.h"

namespace whosaid::events {
namespace {

const std::unordered_map<std::string, TriggerClass> kClasses = {
    {"noun", TriggerClass::kNoun},         {"verb", TriggerClass::kVerb},
    {"weak", TriggerClass::kWeak},         {"marker", TriggerClass::kMarker},
    {"response", TriggerClass::kResponse}, {"anaphor", TriggerClass::kAnaphor}};

const std::unordered_map<std::string, std::uint32_t> kContextClasses = {
    {"determiner", kDeterminer},
    {"quantifier", kQuantifier},
    {"listing", kListing},
    {"unreal", kUnreal},
    {"unreal-after", kUnrealAfter},
    {"background", kBackground},
    {"support", kSupport},
    {"locative", kLocative},
    {"near", kNear},
    {"target", kTarget},
    {"border", kBorder},
    {"casualty", kCasualty},
    {"other", kOther},
    {"region", kRegion},
    {"place-like", kPlaceLike},
    {"figurative", kFigurative},
    {"armed", kArmed},
    {"person", kPerson},
    {"stop", kStop},
    {"title", kTitle},
    {"institution", kInstitution},
    {"speech", kSpeech},
    {"indefinite", kIndefinite},
    {"aimed", kAimed},
    {"agent", kAgent},
    {"modal", kModal},
    {"conditional", kConditional},
    {"setting", kSetting},
    {"armed-name", kArmedName},
    {"facility", kFacility},
    {"part", kPart}};

}  // namespace

void EventLexicon::LoadTypes(const rules::RuleFile& file) {
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 3) throw file.Error(line, "expected TYPE | PARENT | FLAGS");
    if (TypeId(f[0]) >= 0) throw file.Error(line, "type '" + f[0] + "' defined twice");
    EventType t;
    t.name = f[0];
    if (f[1] != "-" && (t.parent = TypeId(f[1])) < 0) {
      throw file.Error(line, "unknown parent type '" + f[1] + "' (define it first)");
    }
    for (const auto& flag : CommaList(f[2])) {
      if (flag == "kinetic")
        t.kinetic = true;
      else if (flag.starts_with("family=") && flag.size() > 7)
        t.family = flag.substr(7);
      else if (flag == "occasion")
        t.occasion = true;
      else if (flag == "scheduled")
        t.scheduled = true;
      else if (flag == "local")
        t.local = true;
      else if (flag == "kind")
        t.kind = true;
      else if (flag == "sentence")
        t.sentence = true;
      else if (flag == "at-actor")
        t.at_actor = true;
      else if (flag == "answer") {
        if (answer_ >= 0) throw file.Error(line, "a second answer type");
        answer_ = static_cast<int>(types_.size());
      } else if (flag != "-") {
        throw file.Error(line, "unknown flag '" + flag + "'");
      }
    }
    types_.push_back(std::move(t));
  }
  if (answer_ < 0) throw ConfigError(file.path() + ": no type is flagged 'answer'");
}

void EventLexicon::LoadTriggers(const rules::RuleFile& file) {
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 3) throw file.Error(line, "expected TYPE | CLASS | PHRASES");
    TriggerInfo info;
    if (f[0] != "-" && (info.type = TypeId(f[0])) < 0) {
      throw file.Error(line, "unknown type '" + f[0] + "' (see types.txt)");
    }
    auto parts = CommaList(f[1]);
    auto cls = parts.empty() ? kClasses.end() : kClasses.find(parts[0]);
    if (cls == kClasses.end()) throw file.Error(line, "unknown class '" + f[1] + "'");
    info.cls = cls->second;
    for (std::size_t k = 1; k < parts.size(); ++k) {
      if (parts[k] == "evidence")
        info.evidence = true;
      else if (parts[k] == "determined")
        info.determined = true;
      else if (parts[k] == "final")
        info.final = true;
      else if (parts[k] == "place-object")
        info.place_object = true;
      else
        throw file.Error(line, "unknown trigger flag '" + parts[k] +
                                   "' (evidence, determined, final, place-object)");
    }
    for (const auto& phrase : CommaList(f[2])) {
      TriggerInfo one = info;
      one.proper =
          std::any_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      triggers_.Add(PhraseWords(phrase), one);
    }
  }
}

void EventLexicon::LoadActors(const rules::RuleFile& file) {
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    if (f.size() != 3) throw file.Error(line, "expected ACTOR | COUNTRY | OTHER NAMES");
    int id = static_cast<int>(actor_list_.size());
    actor_list_.push_back({f[0], f[1] == "-" ? std::string() : f[1]});
    actors_.Add(PhraseWords(f[0]), id);
    if (f[2] == "-") continue;
    for (const auto& name : CommaList(f[2])) actors_.Add(PhraseWords(name), id);
  }
}

void EventLexicon::LoadContext(const rules::RuleFile& file) {
  for (const auto& line : file.lines()) {
    auto f = rules::RuleFile::Fields(line);
    auto cls = f.size() == 2 ? kContextClasses.find(f[0]) : kContextClasses.end();
    if (cls == kContextClasses.end())
      throw file.Error(line, "expected CLASS | PHRASES with a known CLASS");
    for (const auto& phrase : CommaList(f[1])) {
      auto words = PhraseWords(phrase);
      longest_context_ = std::max(longest_context_, words.size());
      if (words.size() > 255) throw file.Error(line, "a context phrase of more than 255 words");
      if (!words.empty())
        context_start_classes_[ContextSlot(WordFilter::KeyOf(words[0]))] |= cls->second;
      if (std::uint32_t* bits = context_.Exact(words))
        *bits |= cls->second;
      else
        context_.Add(std::move(words), cls->second);
    }
  }
}

namespace {
std::atomic<std::uint64_t> next_lexicon_serial{1};  // ContextMemo's owner: never 0
}  // namespace

EventLexicon::EventLexicon(const rules::RuleSet& rules)
    : serial_(next_lexicon_serial.fetch_add(1)) {
  LoadTypes(rules.File("events/types.txt"));
  LoadTriggers(rules.File("events/triggers.txt"));
  LoadActors(rules.File("events/actors.txt"));
  LoadContext(rules.File("events/context.txt"));
  const auto english = rules::Classes::Read(rules.File("english.txt"));  // core/classes.h
  english_.plural_ending = english.Word("plural_ending");
  english_.not_plural_endings = english.Words("not_plural_ending");
  english_.verb_endings = english.Words("verb_ending");
  english_.gerund_ending = english.Word("gerund_ending");
  english_.to = english.Word("infinitive");
  english_.of = english.Word("of");
  english_.on = english.Word("on");
  english_.article = english.Word("article");
  english_.conjunction = english.Word("conjunction");
  english_.link_starts = english.Words("link_start");
  trigger_starts_ = WordFilter::FirstWords(triggers_);
  actor_starts_ = WordFilter::FirstWords(actors_);
  context_starts_ = WordFilter::FirstWords(context_);
}

int EventLexicon::TypeId(std::string_view name) const {
  for (std::size_t i = 0; i < types_.size(); ++i) {
    if (types_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

bool EventLexicon::Compatible(int a, int b) const { return Narrower(a, b) >= 0; }

int EventLexicon::Narrower(int a, int b) const {
  for (int t = a; t >= 0; t = type(t).parent) {
    if (t == b) return a;  // b is a or above it
  }
  for (int t = b; t >= 0; t = type(t).parent) {
    if (t == a) return b;
  }
  return -1;
}

std::pair<std::size_t, std::uint32_t> EventLexicon::Context(const std::vector<Word>& words,
                                                            std::size_t i, std::size_t end) const {
  if (i >= end || !context_starts_.MayHoldKey(words[i].key)) return {0, 0u};
  // The phrases are tried longest first: the answer up to the last word is
  // the answer up to `end` whenever it ends by `end` (or is none).
  const ContextMemo& memo = words[i].context;
  if (memo.lexicon != serial_) {
    auto [n, bits] = context_.Longest(i, words.size(), LowerAt{words});
    memo.length = static_cast<std::uint8_t>(n);
    memo.classes = bits ? *bits : 0u;
    memo.lexicon = serial_;
  }
  if (i + memo.length <= end) return {memo.length, memo.classes};
  auto [n, bits] = context_.Longest(i, end, LowerAt{words});
  return {n, bits ? *bits : 0u};
}

bool EventLexicon::ContextEndsAt(const std::vector<Word>& words, std::size_t begin, std::size_t e,
                                 std::uint32_t cls) const {
  for (std::size_t n = 1; n <= longest_context_ && n <= e - begin; ++n) {
    if (!MayStartContext(words[e - n], cls)) continue;  // (most words)
    auto [len, bits] = Context(words, e - n, e);
    if (len == n && (bits & cls)) return true;
  }
  return false;
}

bool ActorsAgree(const std::vector<Actor>& a, const std::vector<Actor>& b) {
  if (a.empty() || b.empty()) return true;
  for (const Actor& x : a) {
    for (const Actor& y : b) {
      if (x.name == y.name) return true;
      if (!x.country.empty() && (x.country == y.country || x.country == y.name)) return true;
      if (!y.country.empty() && y.country == x.name) return true;
    }
  }
  return false;
}

}  // namespace whosaid::events
