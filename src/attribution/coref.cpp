#include "attribution/coref.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "attribution/people_index.h"
#include "core/classes.h"
#include "core/places.h"
#include "core/text.h"

namespace whosaid::attribution {
namespace {

// A name word is looked up in lower case and without a joined particle:
// "Tamimi" and "Al-Tamimi" find "Abu Karim al-Tamimi".
PeopleIndex::WordKeys Keys(const Lexicon& lexicon) {
  return [&lexicon](std::string_view word, std::vector<std::string>& keys) {
    keys.push_back(segment::Lower(word));
    if (lexicon.IsParticleName(word)) {  // also Al-Tamimi
      keys.push_back(segment::Lower(word.substr(word.find('-') + 1)));
    }
  };
}

struct Known {
  std::string name;
  SpeakerType type = SpeakerType::kPerson;
  std::string role, affiliation, role_head;
  std::size_t unit = 0;
  bool rank_only = false;
  char gender = 0;
};

std::string JoinFrom(const std::vector<std::string>& words, std::size_t first) {
  std::string out;
  for (std::size_t i = first; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// Calls f(word) for each blank-separated word of `text` (text::SplitWords'
// words, no copies) until f returns true.
template <class F>
void ForEachWord(std::string_view text, F f) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start && f(text.substr(start, end - start))) return;
    start = end + 1;
  }
}

// "Sen." → "sen" into `out` (reused: no allocation once it is large enough):
// a title or descriptor as the lists hold it.
void BareInto(std::string& out, std::string_view word) {
  out.clear();
  segment::AppendLower(out, word);
  if (!out.empty() && out.back() == '.') out.pop_back();
}

class Resolver {
 public:
  Resolver(const CorefConfig& config, const SpeakerReader& reader, const SpeakerNames& names,
           std::string_view text, const segment::Tokens& tokens, const Shape& shape)
      : config_(config),
        reader_(reader),
        names_(names),
        text_(text),
        tokens_(tokens),
        shape_(shape),
        people_(Keys(reader.lexicon()), PeopleIndex::Lookups::kAllButWithWord),
        speakers_(Keys(reader.lexicon()), PeopleIndex::Lookups::kByWord) {}

  // Every person named in the document with the role stated next to the
  // name, then every later mention of one of their name words alone.
  void ScanMentions() {
    const auto& units = shape_.units;
    const std::size_t n = units.size();
    const char name = sym_.name, title = sym_.title;
    for (std::size_t u = 0; u < n;) {
      // (most units are neither: passed by a loop of its own, the symbols
      // and the size held in registers)
      while (u < n && units[u].symbol != name && units[u].symbol != title) ++u;
      if (u == n) break;
      std::size_t e = u;
      std::size_t names = 0, titles = 0;
      while (e < units.size() && (units[e].symbol == sym_.name || units[e].symbol == sym_.title) &&
             (e == u || !BoundaryBefore(e))) {
        names += units[e].symbol == sym_.name;
        titles += units[e].symbol == sym_.title;
        ++e;
      }
      // (a name before a possessive is still named: "Ana Ruiz’s campaign";
      // the reader tells a person from an owner that is a place or an
      // organisation)
      bool org_like = e < units.size() && !BoundaryBefore(e) && units[e].symbol == sym_.org_head;
      // two name words, or a title and one (Judge Okafor)
      bool named = names >= 2 || (names == 1 && titles > 0 && units[e - 1].symbol == sym_.name);
      if (named && !org_like && !InsideOrganization(u)) AddMention(u, e);
      u = e;
    }
    ScanWordMentions();
  }

  ResolvedSpeaker Resolve(const SpeakerPhrase& phrase, std::size_t cue_unit) {
    ResolvedSpeaker r{phrase, ""};
    SpeakerPhrase& p = r.phrase;
    std::size_t para = Paragraph(cue_unit);
    AfterDateline(p);
    if (!p.name.empty() && Addressee(p)) {
      // "… told Reuters": the hearer; the current speaker speaks
      Clear(p);
      if (has_last_ && para == last_para_) Fill(p, last_);
    }
    ModifierName(p);
    InterruptedPronoun(p, cue_unit);
    CleanName(p, true);
    if (p.pronoun)
      ResolvePronoun(p, cue_unit, para);
    else if (p.document)
      ResolveFromLast(p, para, false);
    else if (p.name.empty() && p.definite_role)
      ResolveRole(p, cue_unit, para);
    else if (p.type == SpeakerType::kPerson && !p.name.empty())
      ResolveName(p, cue_unit);
    else if (p.generic_org)
      ResolveGenericOrg(p, para);
    if (!p.name.empty()) {
      r.entity = EntityId(p);
      const char gender = GenderOf(p);
      last_ =
          Known{p.name, p.type, p.role, p.affiliation, p.role_head, cue_unit, p.rank_only, gender};
      last_para_ = para;
      has_last_ = true;
      if (p.type != SpeakerType::kPerson) {
        orgs_.push_back(last_);
        orgs_.back().unit = para;  // (a paragraph, for the distance)
      }
      if (p.type == SpeakerType::kPerson) {
        const KnownPerson known{p.name,   p.role,      p.affiliation, p.role_head,
                                cue_unit, p.rank_only, gender};
        people_.Remember(known);
        speakers_.Remember(known);
      }
    }
    return r;
  }

 private:
  const ShapeAlphabet& Alphabet() const { return reader_.lexicon().alphabet(); }

  std::size_t Paragraph(std::size_t unit) const {
    return tokens_.tokens[shape_.units[unit].first].paragraph;
  }

  // A sentence or paragraph ends right before unit u.
  bool BoundaryBefore(std::size_t u) const {
    return u > 0 && shape_.unit_at[shape_.pos_of[u] - 1] < 0;
  }

  // "the Ministry of Internal Affairs": capitalised words after an
  // organisation head and of/for name the organisation, not a person.
  bool InsideOrganization(std::size_t b) const {
    const auto& units = shape_.units;
    if (b < 2 || BoundaryBefore(b) || BoundaryBefore(b - 1)) return false;
    char of = units[b - 1].symbol;
    return (of == sym_.of || of == sym_.for_) && units[b - 2].symbol == sym_.org_head;
  }

  void AddMention(std::size_t b, std::size_t e) {
    const auto& units = shape_.units;
    std::size_t left = b;
    for (std::size_t k = 0; k < config_.max_premodifier_units && left > 0; ++k) {
      char s = units[left - 1].symbol;
      if (BoundaryBefore(left)) break;  // a boundary between
      if (!Alphabet().name_premodifier.Has(s)) break;
      --left;
      if (s == sym_.determiner || s == sym_.possessive_determiner) break;
    }
    SpeakerPhrase p = reader_.Run(text_, tokens_, shape_, {left, e});
    std::size_t right = AppositionEnd(e);
    if (right > e + 1) reader_.ReadApposition(text_, tokens_, shape_, {e + 1, right}, p);
    if ((p.role.empty() || p.rank_only) && b > 0 && units[b - 1].symbol == sym_.comma) {
      std::size_t start = b - 1;
      // the noun phrase right before the comma: "Egypt's special
      // representative for Sudan, Mohammad Shafi", "Deputy Head of the
      // Council (TC) and commander of the Rapid Forces (RF), Nasir Omar"
      while (start > 0 && b - start < config_.max_apposition_before_units &&
             Alphabet().apposition_before.Has(units[start - 1].symbol) && !BoundaryBefore(start)) {
        --start;
      }
      if (start < b - 1) reader_.ReadApposition(text_, tokens_, shape_, {start, b - 1}, p);
    }
    CleanName(p, false);
    if (p.type != SpeakerType::kPerson || p.name.empty() || p.pronoun) return;
    const bool owner = e < units.size() && !BoundaryBefore(e) && units[e].symbol == sym_.possessive;
    people_.Remember(
        KnownPerson{p.name, p.role, p.affiliation, p.role_head, b, p.rank_only, GenderOf(p)},
        !owner);
    NoteIntroduction(p.name, left);
    if (!p.alias.empty()) people_.AddAlias(p.name, p.alias);
    AddAliasAfter(p.name, e);
  }

  // "Nasir Omar, widely known as Abu Layla,", "Karim Haddad (alias
  // Hamoudi)": the name after an alias phrase (rules/aliases.txt) is the
  // person's too.
  void AddAliasAfter(const std::string& name, std::size_t e) {
    const auto& units = shape_.units;
    std::size_t u = e;
    if (u < units.size() && !BoundaryBefore(u) &&
        (units[u].symbol == sym_.comma || units[u].symbol == sym_.open_bracket))
      ++u;
    if (u >= units.size() || BoundaryBefore(u)) return;
    // the units in lower case: a one-token unit's is the token's (Lowered)
    std::vector<std::string>& lower = alias_words_;
    std::vector<std::string_view> views;
    lower.resize(config_.max_alias_units);
    for (std::size_t k = u;
         k < units.size() && k < u + config_.max_alias_units && !BoundaryBefore(k); ++k) {
      if (units[k].end == units[k].first + 1) {
        views.push_back(tokens_.Lowered(units[k].first));
      } else {
        lower[k - u] = segment::Lower(UnitText(k));
        views.push_back(lower[k - u]);
      }
      if (k == u && !reader_.lexicon().StartsAlias(views[0])) return;  // no alias opens here
    }
    std::size_t n = reader_.lexicon().MatchAlias(views);
    if (n == 0) return;
    std::size_t b = u + n, end = b;
    while (end < units.size() && units[end].symbol == sym_.name && !BoundaryBefore(end)) ++end;
    if (end == b) return;
    std::string alias;
    for (std::size_t k = b; k < end; ++k) {
      const auto& unit = units[k];
      for (std::size_t t = unit.first; t < unit.end; ++t) {
        const auto& tok = tokens_.tokens[t];
        if (tok.kind != segment::TokenKind::kWord) continue;
        if (!alias.empty()) alias += ' ';
        alias += std::string(text_.substr(tok.span.begin, tok.span.size()));
      }
    }
    people_.AddAlias(name, alias);
  }

  std::string UnitText(std::size_t u) const {
    const auto& unit = shape_.units[u];
    std::size_t b = tokens_.tokens[unit.first].span.begin;
    std::size_t e = tokens_.tokens[unit.end - 1].span.end;
    return std::string(text_.substr(b, e - b));
  }

  // "Soomro" alone, after "Kamal Soomro" was named: a mention of him, so
  // that "he" in the next sentence finds him.
  void ScanWordMentions() {
    if (people_.empty()) return;  // nobody to mention
    const auto& units = shape_.units;
    const std::size_t n = units.size();
    const char name = sym_.name;
    for (std::size_t u = 0; u < n; ++u) {
      while (u < n && units[u].symbol != name) ++u;  // (as ScanMentions: most are no name)
      if (u == n) break;
      if (units[u].nickname) continue;
      bool alone =
          (u == 0 || BoundaryBefore(u) ||
           (units[u - 1].symbol != sym_.name && units[u - 1].symbol != sym_.title)) &&
          (u + 1 >= units.size() || BoundaryBefore(u + 1) || units[u + 1].symbol != sym_.name);
      if (!alone) continue;
      if (units[u].end == units[u].first + 1) {  // one token: its keys are known at once
        // (a word's ASCII hyphen is Token::hyphen; a label's token is read)
        const segment::Token& tok = tokens_.tokens[units[u].first];
        const bool word =
            tok.kind == segment::TokenKind::kWord || tok.kind == segment::TokenKind::kNumber;
        const bool hyphen = word ? tok.hyphen
                                 : text_.substr(tok.span.begin, tok.span.size()).find('-') !=
                                       std::string_view::npos;
        if (!hyphen && !people_.Indexed(tokens_.Lowered(units[u].first)))
          continue;  // (no particle, so its only key is its lower case: a word of nobody)
      }
      if (const KnownPerson* k = Bearer(UnitText(u), u, false)) {
        KnownPerson mention{k->name, "", "", "", u, false};
        people_.Remember(mention);
      }
    }
  }

  // ", a security analyst and director of …," after a name: the unit after the
  // apposition's closing comma; e when there is none.
  std::size_t AppositionEnd(std::size_t e) const {
    const auto& units = shape_.units;
    if (e >= units.size() || units[e].symbol != sym_.comma) return e;
    if (e + 1 < units.size() && units[e + 1].symbol == sym_.conjunction)
      return e;  // ", and X": a list, not an apposition
    bool role = false;
    for (std::size_t k = e + 1; k < units.size() && k < e + config_.max_apposition_after_units;
         ++k) {
      if (BoundaryBefore(k) && k > e + 1) return role ? k : e;
      char s = units[k].symbol;
      if (s == sym_.comma || s == sym_.full_stop) return role ? k : e;
      if (s == sym_.role) role = true;
      if (Alphabet().apposition_stop.Has(s)) return e;
    }
    return e;
  }

  static bool Agrees(char gender, char want) { return gender == 0 || gender == want; }

  // Words of the document written in lower case, and words written
  // capitalised inside a sentence (not as its first word). The first
  // kCaseScans distinct questions each scan the tokens (most documents ask
  // none or a few: a scan compares sizes, rarely bytes); a document asking
  // more gets the sets (views into the text), built once, so a long
  // document asking many costs one pass more, never one per question.
  static constexpr std::size_t kCaseScans = 8;
  enum class Case { kLower, kInnerCap };

  // A word token written `c` is `word`.
  bool ScanFor(std::string_view word, Case c) const {
    std::size_t sentence = static_cast<std::size_t>(-1);
    for (const auto& tok : tokens_.tokens) {
      if (tok.kind != segment::TokenKind::kWord) continue;
      const bool first = tok.sentence != sentence;
      sentence = tok.sentence;
      if (tok.span.size() != word.size()) continue;
      const bool lower = !tok.cap && !tok.all_caps;
      if (c == Case::kLower ? !lower : (lower || first)) continue;
      if (text_.substr(tok.span.begin, tok.span.size()) == word) return true;
    }
    return false;
  }
  void ScanCase() const {
    std::size_t sentence = static_cast<std::size_t>(-1);
    for (const auto& tok : tokens_.tokens) {
      if (tok.kind != segment::TokenKind::kWord) continue;
      const bool first = tok.sentence != sentence;
      sentence = tok.sentence;
      std::string_view word = text_.substr(tok.span.begin, tok.span.size());
      if (!tok.cap && !tok.all_caps)
        lower_words_.insert(word);
      else if (!first)
        inner_caps_.insert(word);
    }
  }
  bool Written(std::string_view word, Case c) const {
    auto& memo = case_answers_[static_cast<std::size_t>(c)];
    for (const auto& [w, yes] : memo)
      if (w == word) return yes;
    if (case_scans_ == kCaseScans) {  // many questions: the sets
      ScanCase();
      ++case_scans_;
    }
    if (case_scans_ > kCaseScans)
      return (c == Case::kLower ? lower_words_ : inner_caps_).count(word) > 0;
    ++case_scans_;
    const bool yes = ScanFor(word, c);
    memo.emplace_back(std::string(word), yes);
    return yes;
  }
  bool WrittenLower(std::string_view word) const { return Written(word, Case::kLower); }
  bool CapitalisedInside(std::string_view word) const { return Written(word, Case::kInnerCap); }

  // 'f', 'm' or 0: what the first name, the role or an honorific in the
  // mention says (rules/speaker_names.txt).
  char GenderOf(const SpeakerPhrase& p) const {
    if (p.type != SpeakerType::kPerson) return 0;
    std::string& lower = scratch_;
    std::size_t n = 0;  // two words or more: the first is a first name
    std::string_view first;
    ForEachWord(p.name, [&](std::string_view w) {
      if (n++ == 0) first = w;
      return n >= 2;
    });
    if (n >= 2) {
      lower.clear();
      segment::AppendLower(lower, first);
      const std::uint16_t lists = names_.Lists(lower);  // (one probe for both lists)
      if (lists & SpeakerNames::kFemaleName) return 'f';
      if (lists & SpeakerNames::kMaleName) return 'm';
    }
    char gender = 0;
    auto word_gender = [&](std::string_view w) {
      BareInto(lower, w);
      const std::uint16_t lists = names_.Lists(lower);
      if (lists & SpeakerNames::kFemaleWord) gender = 'f';
      if (!gender && (lists & SpeakerNames::kMaleWord)) gender = 'm';
      return gender != 0;
    };
    ForEachWord(p.role, word_gender);
    if (gender) return gender;
    if (p.mention.end <= text_.size() && p.mention.begin < p.mention.end)
      ForEachWord(text_.substr(p.mention.begin, p.mention.size()), word_gender);
    return gender;
  }

  static void Clear(SpeakerPhrase& p) {
    p.name.clear();
    p.role.clear();
    p.affiliation.clear();
    p.role_head.clear();
    p.alias.clear();
    p.rank_only = false;
    p.definite_role = false;
    p.type = SpeakerType::kAnonymous;
  }

  // The unit holding the byte `at` (the first unit at or after it).
  std::size_t UnitAtByte(std::size_t at) const {
    const auto& units = shape_.units;
    std::size_t lo = 0, hi = units.size();
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (tokens_.tokens[units[mid].end - 1].span.end <= at)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  }

  // The phrase stands right after a tell cue or an addressee verb: it names
  // who was spoken to ("told Reuters", "asked the senator").
  bool Addressee(const SpeakerPhrase& p) const {
    std::size_t u = UnitAtByte(p.mention.begin);
    if (u == 0 || u >= shape_.units.size() || BoundaryBefore(u)) return false;
    char s = shape_.units[u - 1].symbol;
    if (s == sym_.tell || s == sym_.tell_ing) return true;
    return names_.In(segment::Lower(UnitText(u - 1)), SpeakerNames::kAddresseeVerb);
  }

  // A word's lower case (segment::Lower) without a contraction's ending
  // ("she’ll", "we've" → "she", "we"): an apostrophe and one or two letters.
  // (Most words hold neither mark: a byte scan for ' and for ’'s first byte
  // answers them before the marks are looked for from the end.)
  static std::string_view Contracted(std::string_view lower) {
    constexpr char kCurlyFirst = '\xE2';  // ’ is E2 80 99 in UTF-8
    bool mark_byte = false;
    for (char c : lower) mark_byte = mark_byte || c == '\'' || c == kCurlyFirst;
    if (!mark_byte) return lower;
    for (const std::string_view mark : {"\u2019", "'"}) {
      const std::size_t at = lower.rfind(mark);
      if (at == std::string::npos || at == 0) continue;
      const std::size_t tail = lower.size() - at - mark.size();
      bool letters = tail >= 1 && tail <= 2;
      for (std::size_t i = at + mark.size(); i < lower.size(); ++i)
        letters = letters && lower[i] >= 'a' && lower[i] <= 'z';
      if (letters) return lower.substr(0, at);
    }
    return lower;
  }

  // `words` = text::SplitWords(text), `lowers` their segment::Lower, into
  // the vectors' strings (no allocation once they have grown).
  static void SplitLowered(std::string_view text, std::vector<std::string>& words,
                           std::vector<std::string>& lowers) {
    std::size_t n = 0;
    ForEachWord(text, [&](std::string_view w) {
      if (n == words.size()) words.emplace_back(), lowers.emplace_back();
      words[n].assign(w);
      lowers[n].clear();
      segment::AppendLower(lowers[n], w);
      ++n;
      return false;
    });
    words.resize(n);
    lowers.resize(n);
  }

  // The phrase's name cut to what names somebody (rules/speaker_names.txt;
  // see coref.h). `speaker`: the phrase is a record's speaker (an
  // unnamed one becomes anonymous or a definite role); else a mention.
  // Each word of the name is split off and lower-cased once (name_words_,
  // name_lowers_: every step below reads them).
  void CleanName(SpeakerPhrase& p, bool speaker) const {
    if (p.name.empty() || p.pronoun) return;
    std::vector<std::string>& words = name_words_;
    std::vector<std::string>& lowers = name_lowers_;
    SplitLowered(p.name, words, lowers);
    const Lexicon& lexicon = reader_.lexicon();
    // a pronoun inside the name: "When I", "… D.C. He"
    // (the cheap tests first: a first word of several is never asked, and
    // a word in capitals only when it is a subject pronoun)
    for (std::size_t i = words.size() > 1 ? 1 : 0; i < words.size(); ++i) {
      const Pronoun* pronoun = lexicon.FindPronoun(Contracted(lowers[i]));
      if (!pronoun || !pronoun->subject) continue;
      bool caps = words[i].size() > 1;  // "IT" is no pronoun
      for (char c : words[i]) caps = caps && c >= 'A' && c <= 'Z';
      if (caps) continue;
      std::string mention(text_.substr(p.mention.begin, p.mention.size()));
      std::size_t at = mention.rfind(words[i]);
      Clear(p);
      p.type = SpeakerType::kPerson;
      p.pronoun = pronoun;
      if (at != std::string::npos)
        p.mention = {p.mention.begin + at, p.mention.begin + at + words[i].size()};
      return;
    }
    SplitOwner(p, words, lowers);
    std::size_t first = 0;
    std::string descriptor;
    const bool person = p.type == SpeakerType::kPerson;
    while (first < words.size()) {
      const std::string& lower_word = lowers[first];
      const std::uint16_t lists = names_.Lists(lower_word);
      if (lists & SpeakerNames::kOpener) {
        ++first;
        continue;
      }
      // Bare(word): without its full stop (most words have none: then the
      // word's own lists answer)
      const std::string_view bare =
          std::string_view(lower_word)
              .substr(0, lower_word.size() - (!lower_word.empty() && lower_word.back() == '.'));
      const bool descriptive = bare.size() == lower_word.size()
                                   ? (lists & SpeakerNames::kDescriptor) != 0
                                   : names_.In(bare, SpeakerNames::kDescriptor);
      if (person && first + 1 < words.size() && (descriptive || lexicon.IsTitle(bare))) {
        if (descriptive && descriptor.empty()) descriptor = bare;
        ++first;
      } else {
        break;
      }
    }
    if (first > 0) p.name = JoinFrom(words, first);
    if (!descriptor.empty() && p.role.empty()) {
      p.role = descriptor;
      p.role_head = descriptor;
    }
    if (person && !p.name.empty()) {
      std::string& lower = name_lower_;  // segment::Lower(p.name)
      lower.clear();
      segment::AppendLower(lower, p.name);
      const bool single = p.name.find(' ') == std::string::npos;
      const bool borne = single && people_.HasBearers(p.name);
      // the lists of the whole name, probed once for the five asked below
      const std::uint16_t lists = names_.Lists(lower);
      if (!borne && IsPlaceName(p, lower, lists)) {
        p.name.clear();  // "the Lisbon businessman": a businessman
        if (text::SplitWords(p.role).size() == 1 && !lexicon.IsRole(segment::Lower(p.role))) {
          p.role.clear();  // the place's first word read as a role ("New")
          p.role_head.clear();
        }
      } else if (single && !borne &&
                 (lists & (SpeakerNames::kGroupName | SpeakerNames::kDemonym)) != 0) {
        p.type = SpeakerType::kGroup;  // "Valdorians said"
        return;
      } else if (!borne && !single && MentionIsArticleAnd(p, lower)) {
        p.type = SpeakerType::kOrganization;  // "the" is never before a person's name
        return;
      } else if (!borne && (lists & SpeakerNames::kOutlet) != 0) {
        p.type = SpeakerType::kOrganization;
        return;
      } else if ((lists & SpeakerNames::kNotName) != 0 && (!single || !borne)) {
        p.name.clear();  // "Memorial Day", "Q": a day or a label, nobody named
      } else if (single && !borne && WrittenLower(lower) && !CapitalisedInside(p.name)) {
        p.name.clear();  // "Participants will discuss …"
      }
    }
    if (!p.name.empty() || !speaker) return;
    bool definite = false;
    ForEachWord(text_.substr(p.mention.begin, p.mention.size()), [&](std::string_view w) {
      scratch_.clear();
      segment::AppendLower(scratch_, w);
      definite = scratch_ == lexicon.english().article;
      return definite;
    });
    if (!p.role_head.empty() && definite) {
      p.definite_role = true;  // "Significantly, the judge"
      return;
    }
    const std::string role = p.role;
    Clear(p);
    p.role = role;  // "a Lisbon businessman": anonymous, with the role
  }

  // "Valdor Institute’s Ana Ruiz", "Channel 9’s Ana Ruiz": the person
  // named after an owner's possessive (a possessive token in the mention),
  // with the owner as affiliation. `lowers`: the words' lower case, cut as
  // they are.
  void SplitOwner(SpeakerPhrase& p, std::vector<std::string>& words,
                  std::vector<std::string>& lowers) const {
    if (p.mention.end > text_.size() || words.size() < 2) return;
    const auto& toks = tokens_.tokens;
    auto t = std::lower_bound(
        toks.begin(), toks.end(), p.mention.begin,
        [](const segment::Token& tok, std::size_t at) { return tok.span.begin < at; });
    const segment::Token* possessive = nullptr;
    std::size_t after = 0;  // name words after the last possessive
    for (; t != toks.end() && t->span.end <= p.mention.end; ++t) {
      if (t->kind == segment::TokenKind::kPossessive) {
        possessive = &*t;
        after = 0;
      } else if (possessive && t->kind == segment::TokenKind::kWord) {
        const std::string_view lower = tokens_.Lowered(static_cast<std::size_t>(t - toks.begin()));
        if (!t->cap || reader_.lexicon().IsOrgHead(lower, true)) return;
        ++after;
      }
    }
    if (!possessive || after == 0 || after >= words.size()) return;
    const std::string suffix(text_.substr(possessive->span.begin, possessive->span.size()));
    std::string owner = JoinFrom(
        std::vector<std::string>(words.begin(), words.end() - static_cast<long>(after)), 0);
    if (!owner.ends_with(suffix)) return;  // the possessive is not inside the name
    owner.resize(owner.size() - suffix.size());
    words.erase(words.begin(), words.end() - static_cast<long>(after));
    lowers.erase(lowers.begin(), lowers.end() - static_cast<long>(after));
    p.name = JoinFrom(words, 0);
    p.type = SpeakerType::kPerson;
    if (p.affiliation.empty()) p.affiliation = owner;
  }

  // segment::Lower of p's mention (within the text, not empty), kept
  // until another span is asked: CleanName asks IsPlaceName, then
  // MentionIsArticleAnd, of the same mention.
  const std::string& LowerMention(const SpeakerPhrase& p) const {
    if (p.mention.begin != mention_lower_of_.begin || p.mention.end != mention_lower_of_.end) {
      mention_lower_.clear();
      segment::AppendLower(mention_lower_, text_.substr(p.mention.begin, p.mention.size()));
      mention_lower_of_ = p.mention;
    }
    return mention_lower_;
  }

  // Lower(MentionText(p)) == the article, a blank, then `lower`.
  bool MentionIsArticleAnd(const SpeakerPhrase& p, std::string_view lower) const {
    const std::string& article = reader_.lexicon().english().article;
    if (p.mention.end > text_.size() || p.mention.begin >= p.mention.end) return false;
    const std::string& m = LowerMention(p);
    return m.size() == article.size() + 1 + lower.size() && m.starts_with(article) &&
           m[article.size()] == ' ' && m.ends_with(lower);
  }

  // A place, not a person: a place's name ("Lisbon"), the end of one the
  // mention writes ("New Hampshire" read as role "new" and "Hampshire"),
  // or a name ending in a place head ("Elm Street"). `lists`:
  // names_.Lists(lower).
  bool IsPlaceName(const SpeakerPhrase& p, const std::string& lower, std::uint16_t lists) const {
    if ((lists & SpeakerNames::kPlace) != 0 || reader_.IsPlace(p.name)) return true;
    std::string_view last, before_last;  // the last two words (SplitWords': blanks apart)
    ForEachWord(lower, [&](std::string_view w) {
      before_last = last;
      last = w;
      return false;
    });
    if (!before_last.empty() && names_.In(last, SpeakerNames::kPlaceHead)) return true;
    if (p.mention.end > text_.size() || p.mention.begin >= p.mention.end) return false;
    const std::string& mention = LowerMention(p);
    std::size_t at = mention.find(lower);
    if (at == std::string::npos || at < 2 || mention[at - 1] != ' ') return false;
    std::size_t b = mention.rfind(' ', at - 2);
    b = b == std::string::npos ? 0 : b + 1;
    return names_.In(std::string_view(mention).substr(b, at + lower.size() - b),
                     SpeakerNames::kPlace);
  }

  // Where a person was first named in full, and whether inside an of/for
  // complement ("the mother of X"): a bare surname prefers other bearers.
  void NoteIntroduction(const std::string& name, std::size_t unit) {
    const std::uint64_t hash = HashBytes(name);  // (once: the probe, then the insert)
    if (introduced_.Find(name, hash) != nullptr) return;
    const auto& units = shape_.units;
    bool complement = false;
    for (std::size_t k = unit; k-- > 0 && unit - k <= config_.max_premodifier_units;) {
      if (BoundaryBefore(k + 1)) break;
      char s = units[k].symbol;
      if (s == sym_.of || s == sym_.for_ || s == sym_.possessive) {
        complement = true;
        break;
      }
      if (!Alphabet().name_premodifier.Has(s)) break;
    }
    introduced_.Insert(name, hash, Introduction{unit, complement});
  }

  // The person a bare name word (a surname) names at `unit`: its only
  // bearer; of several, the current speaker when `chain` and it is one,
  // else the one introduced last before `unit` (preferring those not
  // introduced inside a complement), else the first introduced after it.
  // `gender` ('f', 'm', 0: any): an honorific's ("Mrs. Doe" is no man).
  const KnownPerson* Bearer(const std::string& word, std::size_t unit, bool chain,
                            char gender = 0) const {
    if (!people_.HasBearers(word)) return nullptr;  // (WithWord would find nobody either)
    std::vector<const KnownPerson*>& bearers = bearers_;
    people_.Bearers(word, bearers);
    if (gender != 0) {
      std::erase_if(bearers, [gender](const KnownPerson* k) { return !Agrees(k->gender, gender); });
      if (bearers.empty()) return nullptr;
      if (bearers.size() == 1) return bearers.front();
    }
    // (one bearer: the one WithWord would find, as the key sets hold nobody
    // else's mentions; people_ keeps none by name word)
    if (bearers.size() == 1) return bearers.front();
    if (chain && has_last_ && last_.type == SpeakerType::kPerson &&
        Paragraph(unit) - last_para_ <= config_.max_pronoun_paragraphs) {
      for (const KnownPerson* k : bearers)
        if (k->name == last_.name) return k;
    }
    const KnownPerson* best = nullptr;
    Introduction best_at{0, true};
    const KnownPerson* after = nullptr;
    std::size_t after_at = static_cast<std::size_t>(-1);
    for (const KnownPerson* k : bearers) {
      const Introduction* found = introduced_.Find(k->name);
      if (found == nullptr) continue;
      const Introduction& at = *found;
      if (at.unit > unit) {
        if (at.unit < after_at) after = k, after_at = at.unit;
        continue;
      }
      bool better = !best || (best_at.complement && !at.complement) ||
                    (best_at.complement == at.complement && at.unit > best_at.unit);
      if (better) best = k, best_at = at;
    }
    return best ? best : after;
  }

  // p takes k's name and type, its role unless p has one (a rank gives way
  // to a function) and its affiliation unless p has one. (A KnownPerson is
  // read in place: no Known copied from it.)
  template <class K>
  static void FillFrom(SpeakerPhrase& p, const K& k, SpeakerType type) {
    p.name = k.name;
    p.type = type;
    if (p.role.empty() || (p.rank_only && !k.role.empty() && !k.rank_only)) {
      p.role = k.role;
      p.role_head = k.role_head;
      p.rank_only = k.rank_only;
    }
    if (p.affiliation.empty()) p.affiliation = k.affiliation;
  }
  void Fill(SpeakerPhrase& p, const KnownPerson& k) const { FillFrom(p, k, SpeakerType::kPerson); }
  void Fill(SpeakerPhrase& p, const Known& k) const { FillFrom(p, k, k.type); }

  // A person's full record: the role and affiliation learnt anywhere.
  void FillKnown(SpeakerPhrase& p) const {
    if (const KnownPerson* k = people_.Find(p.name)) Fill(p, *k);
  }

  // A surname alone: the person quoted last whose name holds it (the
  // current speaker of a quotation chain), else the person named last.
  // An honorific's gender holds: "Mrs. Doe" is never Tom Doe, she is the
  // other bearer (Ann Doe) or nobody known.
  void ResolveName(SpeakerPhrase& p, std::size_t cue_unit) const {
    if (p.name.find(' ') == std::string::npos) {
      const char gender = GenderOf(p);
      const KnownPerson* best = speakers_.WithWord(p.name, cue_unit);
      if (best && best->unit > cue_unit) best = nullptr;  // quoted only later
      if (best && gender != 0 && !Agrees(best->gender, gender)) best = nullptr;
      if (!best) best = Bearer(p.name, cue_unit, true, gender);
      if (best) {
        Fill(p, *best);
        FillKnown(p);
        return;
      }
    }
    FillKnown(p);
  }

  // "the spokesperson", "the Russian republic's leader": the person holding
  // that role (named before, else soon after); failing that, the current
  // speaker, else the person named last.
  void ResolveRole(SpeakerPhrase& p, std::size_t cue_unit, std::size_t para) const {
    if (const KnownPerson* best = people_.WithRole(p.role_head, cue_unit)) {
      Fill(p, *best);
      return;
    }
    const char gender = GenderOf(p);  // "the spokeswoman" is no man
    if (has_last_ && para - last_para_ <= config_.max_pronoun_paragraphs &&
        (last_.type == SpeakerType::kPerson || !p.role_head.empty()) &&
        (gender == 0 || last_.type != SpeakerType::kPerson || Agrees(last_.gender, gender))) {
      Fill(p, last_);
      FillKnown(p);
      return;
    }
    auto agrees = [gender](const KnownPerson& k) {
      return gender == 0 || Agrees(k.gender, gender);
    };
    if (const KnownPerson* best =
            people_.Before(cue_unit, agrees, config_.max_agreement_mentions)) {
      Fill(p, *best);
      FillKnown(p);
    }
  }

  // "the statement added", "the armed group said": the speaker quoted last.
  void ResolveFromLast(SpeakerPhrase& p, std::size_t para, bool organisation) const {
    if (!has_last_ || para - last_para_ > config_.max_pronoun_paragraphs) return;
    if (organisation && last_.type == SpeakerType::kPerson) return;
    Fill(p, last_);
  }

  // "the army", "the armed group", "the rebels": the organisation quoted
  // last whose name holds the same head noun (the Sudanese Army); failing
  // that, for a group of members (rebels), the organisation quoted last.
  void ResolveGenericOrg(SpeakerPhrase& p, std::size_t para) const {
    const std::string& head = p.generic_head;
    for (auto it = orgs_.rbegin(); it != orgs_.rend(); ++it) {
      if (it->name == p.name || para - it->unit > config_.max_org_paragraphs) continue;
      std::string name = segment::Lower(it->name);
      if (name.find(head) == std::string::npos) continue;
      Fill(p, *it);
      return;
    }
    if (!reader_.lexicon().IsMembers(head)) return;
    if (orgs_.empty() || para - orgs_.back().unit > config_.max_org_paragraphs) return;
    Fill(p, orgs_.back());
  }

  void ResolvePronoun(SpeakerPhrase& p, std::size_t cue_unit, std::size_t para) const {
    const std::string& g = p.pronoun->gender;
    bool person = g == "male" || g == "female";
    if (person) {
      const char want = g == "male" ? 'm' : 'f';
      auto agrees = [want](const KnownPerson& k) { return Agrees(k.gender, want); };
      if (has_last_ && last_.type == SpeakerType::kPerson &&
          para - last_para_ <= config_.max_pronoun_paragraphs && Agrees(last_.gender, want)) {
        if (const KnownPerson* subject = NewSubject(p, agrees)) {
          Fill(p, *subject);
          FillKnown(p);
          return;
        }
        Fill(p, last_);
        return;
      }
      std::size_t at = 0;
      const KnownPerson* best =
          people_.Before(cue_unit, agrees, config_.max_agreement_mentions, &at);
      if (!best) return;
      // named in an earlier sentence: that sentence's subject (its first
      // person), not its last-named one ("Ana Ruiz sued the mayor, Hugo
      // Marsh. She said …" is Ana Ruiz) unless a pronoun of that gender
      // came between (the chain went on with the last-named: "… Hugo Marsh.
      // If he wins, he said …")
      const std::size_t from = SentenceStart(at);
      if (from != SentenceStart(UnitAtByte(p.mention.begin)) &&
          !PronounBetween(shape_.units[at].end, p.mention.begin, g)) {
        if (const KnownPerson* subject = people_.First(from, at, agrees)) best = subject;
      }
      Fill(p, *best);
      FillKnown(p);
      return;
    }
    bool neuter = g == "neuter";
    if (neuter) {
      if (auto subject =
              SentenceOrganization(cue_unit)) {  // "X announced …, targeting what it described as"
        Fill(p, *subject);
        return;
      }
    }
    if ((neuter || p.pronoun->plural) && has_last_ &&
        (last_.type == SpeakerType::kOrganization ||
         (p.pronoun->plural && last_.type == SpeakerType::kGroup))) {
      Fill(p, last_);
    }
  }

  // "Budget estimates, she added, were …": a sentence's one capitalised first
  // word read as a name before a noun taken for a cue, when a subject pronoun
  // and a cue follow between commas — the pronoun speaks.
  void InterruptedPronoun(SpeakerPhrase& p, std::size_t cue_unit) const {
    const auto& units = shape_.units;
    const auto& toks = tokens_.tokens;
    if (p.type != SpeakerType::kPerson || p.name.empty() || p.name.find(' ') != std::string::npos ||
        people_.HasBearers(p.name) || cue_unit + 4 >= units.size())
      return;
    const std::size_t cue = units[cue_unit].first;
    if (cue == 0 || toks[cue - 1].span.begin != p.mention.begin) return;  // the name right before
    if (cue >= 2 && toks[cue - 2].sentence == toks[cue - 1].sentence)
      return;  // first in its sentence
    auto is_comma = [&](std::size_t u) {
      const segment::Token& t = toks[units[u].first];
      return units[u].end == units[u].first + 1 && t.kind == segment::TokenKind::kPunct &&
             text_.substr(t.span.begin, t.span.size()) == ",";
    };
    if (!is_comma(cue_unit + 1) || !units[cue_unit + 3].cue || !is_comma(cue_unit + 4)) return;
    const segment::Token& pro = toks[units[cue_unit + 2].first];
    const Pronoun* pronoun =
        reader_.lexicon().FindPronoun(tokens_.Lowered(units[cue_unit + 2].first));
    if (!pronoun || !pronoun->subject) return;
    Clear(p);
    p.type = SpeakerType::kPerson;
    p.pronoun = pronoun;
    p.mention = pro.span;
  }

  // "one Ruiz adviser", "a Valdor supporter who …": after a modifier opener
  // (speaker_names.txt) the name only modifies a lower-case noun, the
  // speaker is unnamed (the noun its role when it is one).
  void ModifierName(SpeakerPhrase& p) const {
    if (p.type != SpeakerType::kPerson || p.name.empty() || p.pronoun) return;
    if (p.mention.begin >= p.mention.end || p.mention.end > text_.size()) return;
    const auto& toks = tokens_.tokens;
    auto t = std::lower_bound(
        toks.begin(), toks.end(), p.mention.begin,
        [](const segment::Token& tok, std::size_t at) { return tok.span.begin < at; });
    if (t == toks.end() || t->kind != segment::TokenKind::kWord) return;
    if (!names_.In(tokens_.Lowered(static_cast<std::size_t>(t - toks.begin())),
                   SpeakerNames::kModifierOpener))
      return;
    std::size_t caps = 0;
    for (++t; t != toks.end() && t->sentence == (t - 1)->sentence; ++t) {
      if (t->kind != segment::TokenKind::kWord) return;  // "a Ruiz, who", "a Ruiz."
      if (t->cap || t->all_caps) {
        ++caps;
        continue;
      }
      if (caps == 0) return;
      const std::size_t u = UnitAtByte(t->span.begin);
      if (u < shape_.units.size() && shape_.units[u].cue) return;  // "One Ruiz said"
      const std::string noun(tokens_.Lowered(static_cast<std::size_t>(t - toks.begin())));
      for (auto n = t + 1; n != toks.end() && n->span.end <= p.mention.end; ++n)
        if (n->kind == segment::TokenKind::kWord && n->cap) return;  // "a Valdor interview Ruiz"
      Clear(p);
      if (reader_.lexicon().IsRole(noun)) p.role = p.role_head = noun;
      return;
    }
  }

  // "WASHINGTON — Sen. Ana Ruiz defended the bill, saying …": a phrase that
  // is a dateline (words in capitals opening a paragraph, before a dash)
  // is no speaker; the name right after the dash is, else nobody named.
  void AfterDateline(SpeakerPhrase& p) const {
    if (p.mention.begin >= p.mention.end || p.mention.end > text_.size()) return;
    const std::size_t u = UnitAtByte(p.mention.begin);
    if (u >= shape_.units.size() || (u > 0 && Paragraph(u - 1) == Paragraph(u))) return;
    std::size_t letters = 0;
    for (char c : text_.substr(p.mention.begin, p.mention.size())) {
      if (c >= 'a' && c <= 'z') return;
      letters += c >= 'A' && c <= 'Z';
    }
    const std::size_t dash = UnitAtByte(p.mention.end);
    if (letters < 3 || dash >= shape_.units.size() || shape_.units[dash].symbol != sym_.dash)
      return;
    std::size_t e = dash + 1, names = 0, titles = 0;
    while (e < shape_.units.size() && !BoundaryBefore(e) &&
           (shape_.units[e].symbol == sym_.name || shape_.units[e].symbol == sym_.title)) {
      names += shape_.units[e].symbol == sym_.name;
      titles += shape_.units[e].symbol == sym_.title;
      ++e;
    }
    // a person named as ScanMentions names one ("European leaders" is none)
    const bool person =
        (names >= 2 || (names == 1 && titles > 0 && shape_.units[e - 1].symbol == sym_.name)) &&
        !(e < shape_.units.size() && !BoundaryBefore(e) && shape_.units[e].symbol == sym_.org_head);
    SpeakerPhrase named;
    if (person) named = reader_.Run(text_, tokens_, shape_, {dash + 1, e});
    if (named.type == SpeakerType::kPerson && !named.name.empty())
      p = named;
    else
      Clear(p);  // the place names nobody
  }

  // The person opening the pronoun's sentence or the one before it, when
  // that sentence starts after the current speaker's cue and no pronoun of
  // the gender stands between: the chain moved to them ("“We tried,” Ana
  // Ruiz said. Tessa Marsh disagreed. “It failed,” she said." is Tessa Marsh).
  const KnownPerson* NewSubject(const SpeakerPhrase& p,
                                const std::function<bool(const KnownPerson&)>& agrees) const {
    const std::size_t pu = UnitAtByte(p.mention.begin);
    if (pu >= shape_.units.size()) return nullptr;
    const std::size_t cur = SentenceStart(pu);
    const std::size_t prev = cur > 0 ? SentenceStart(cur - 1) : cur;
    const std::string& g = p.pronoun->gender;
    const std::pair<std::size_t, std::size_t> sentences[] = {{cur, pu}, {prev, cur}};
    for (const auto& [from, to] : sentences) {
      if (from >= to || from <= last_.unit || Paragraph(from) != Paragraph(pu)) continue;
      const KnownPerson* k = people_.First(from, to, agrees);
      if (!k) continue;
      if (k->name == last_.name) return nullptr;
      if (PronounBetween(shape_.units[from].first, p.mention.begin, g)) return nullptr;
      return k;
    }
    return nullptr;
  }

  // Whether a pronoun of `gender` (pronouns.txt) stands in the tokens from
  // token `first` up to byte `end`.
  bool PronounBetween(std::size_t first, std::size_t end, const std::string& gender) const {
    const Lexicon& lexicon = reader_.lexicon();
    for (std::size_t t = first; t < tokens_.tokens.size(); ++t) {
      const segment::Token& tok = tokens_.tokens[t];
      if (tok.span.begin >= end) break;
      if (tok.kind != segment::TokenKind::kWord) continue;
      const Pronoun* pr = lexicon.FindPronoun(tokens_.Lowered(t));
      if (pr && pr->gender == gender) return true;
    }
    return false;
  }

  // The first unit of the sentence holding `unit`.
  std::size_t SentenceStart(std::size_t unit) const {
    unit = std::min(unit, shape_.units.size());
    while (unit > 0 && !BoundaryBefore(unit)) --unit;
    return unit;
  }

  // The organisation named earlier in the pronoun's own sentence, if any: its
  // subject, which "it" most often refers to.
  std::optional<Known> SentenceOrganization(std::size_t unit) const {
    const auto& units = shape_.units;
    std::size_t start = unit;
    while (start > 0 && !BoundaryBefore(start)) --start;
    for (std::size_t u = start; u < unit; ++u) {
      if (units[u].symbol != sym_.org_head) continue;
      std::size_t b = u, e = u + 1;
      while (b > start && Alphabet().org_premodifier.Has(units[b - 1].symbol)) --b;
      while (e + 1 < unit && units[e].symbol == sym_.of && units[e + 1].symbol == sym_.name) {
        e += 2;
        while (e < unit && units[e].symbol == sym_.name) ++e;
      }
      SpeakerPhrase org = reader_.Run(text_, tokens_, shape_, {b, e});
      if (org.type == SpeakerType::kOrganization && !org.name.empty()) {
        return Known{org.name, org.type, org.role, org.affiliation, org.role_head, u, false};
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

 public:
  // Roles learnt anywhere reach every record of the person, earlier ones too.
  void CarryRoles(std::vector<ResolvedSpeaker>& out) const {
    for (ResolvedSpeaker& r : out) {
      SpeakerPhrase& p = r.phrase;
      if (p.type != SpeakerType::kPerson || p.name.empty()) continue;
      if (const KnownPerson* k = people_.Find(p.name)) Fill(p, *k);
    }
  }

 private:
  std::string EntityId(const SpeakerPhrase& p) {
    const std::uint64_t hash = HashBytes(p.name);  // (once: the probe, then the insert)
    if (const std::string* id = ids_.Find(p.name, hash)) return *id;
    char prefix = p.type == SpeakerType::kPerson         ? 'P'
                  : p.type == SpeakerType::kOrganization ? 'O'
                                                         : 'G';
    std::string id = prefix + std::to_string(ids_.size() + 1);
    ids_.Insert(p.name, hash, id);
    return id;
  }

  struct Introduction {
    std::size_t unit = 0;
    bool complement = false;
  };

  const CorefConfig& config_;
  const SpeakerReader& reader_;
  const SpeakerNames& names_;
  std::string_view text_;
  const segment::Tokens& tokens_;
  const Shape& shape_;
  const ShapeSymbols& sym_ = reader_.lexicon().alphabet().sym;
  PeopleIndex people_;    // every person named in the document (asked no WithWord)
  PeopleIndex speakers_;  // the persons quoted so far, where quoted (asked WithWord alone)
  Known last_;
  std::size_t last_para_ = 0;
  bool has_last_ = false;
  std::vector<Known> orgs_;   // organisations and named groups quoted; unit = the paragraph
  FlatMap<std::string> ids_;  // by name
  // Written: the answers of the scans (by Case), how many scans, then the sets
  mutable std::vector<std::pair<std::string, bool>> case_answers_[2];
  mutable std::size_t case_scans_ = 0;
  mutable std::string scratch_;                                // GenderOf's lower-case word …
  mutable std::string mention_lower_;                          // LowerMention's, of the span …
  mutable Span mention_lower_of_{1, 0};                        // … (none at first: begin > end)
  mutable std::vector<std::string> name_words_, name_lowers_;  // CleanName's
  mutable std::string name_lower_;                             // CleanName's
  mutable std::vector<const KnownPerson*> bearers_;            // Bearer's
  std::vector<std::string> alias_words_;  // AddAliasAfter's words of units of several tokens
  mutable std::unordered_set<std::string_view, ViewHash> lower_words_, inner_caps_;
  FlatMap<Introduction> introduced_;  // by name
};

}  // namespace

SpeakerNames::SpeakerNames(const rules::RuleSet& rules) {
  const auto classes = rules::Classes::Read(rules.File("speaker_names.txt"));
  const std::pair<const char*, List> lists[] = {
      {"opener", kOpener},
      {"descriptor", kDescriptor},
      {"outlet", kOutlet},
      {"addressee_verb", kAddresseeVerb},
      {"female_name", kFemaleName},
      {"male_name", kMaleName},
      {"female_word", kFemaleWord},
      {"male_word", kMaleWord},
      {"place_head", kPlaceHead},
      {"group_name", kGroupName},
      {"modifier_opener", kModifierOpener},
      {"not_a_name", kNotName},
  };
  for (const auto& [name, list] : lists) {
    for (const std::string& w : classes.Words(name)) Add(w, list);
  }
  for (const rules::Country& c : rules.Shared<rules::Places>().countries()) {
    Add(segment::Lower(c.name), kPlace);
    Add(segment::Lower(c.capital), kPlace);
    for (const std::string& d : c.demonyms) Add(segment::Lower(d), kDemonym);
  }
  if (!rules.Has("events/gazetteer.txt")) return;
  for (const rules::RuleLine& line : rules.File("events/gazetteer.txt").lines()) {
    const std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.empty()) continue;
    std::string name = f[0];
    if (std::size_t paren = name.find(" ("); paren != std::string::npos) name.resize(paren);
    Add(segment::Lower(name), kPlace);
    if (f.size() > 3 && f[3] != "-") {
      for (const std::string& other : rules::CommaList(f[3])) Add(segment::Lower(other), kPlace);
    }
    if (f.size() > 4 && f[4] != "-") {
      for (const std::string& d : rules::CommaList(f[4])) Add(segment::Lower(d), kDemonym);
    }
  }
}

void SpeakerNames::Add(std::string_view word, List list) {
  if (std::uint16_t* lists = lists_.Find(word))
    *lists |= list;
  else
    lists_.Insert(word, list);
}

Coref::Coref(const CorefConfig& config, const rules::RuleSet& rules)
    : config_(config), reader_(config.speaker, rules), names_(rules) {}

std::vector<ResolvedSpeaker> Coref::Run(std::string_view text, const segment::Tokens& tokens,
                                        const Shape& shape,
                                        const std::vector<SpeakerPhrase>& speakers,
                                        const std::vector<std::size_t>& cue_units) const {
  Resolver resolver(config_, reader_, names_, text, tokens, shape);
  resolver.ScanMentions();
  std::vector<ResolvedSpeaker> out;
  out.reserve(speakers.size());
  for (std::size_t i = 0; i < speakers.size(); ++i)
    out.push_back(resolver.Resolve(speakers[i], cue_units[i]));
  resolver.CarryRoles(out);
  return out;
}

}  // namespace whosaid::attribution
