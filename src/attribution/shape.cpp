#include "attribution/shape.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "core/spare_storage.h"
#include "core/text.h"
#include "segment/title_case.h"

namespace whosaid::attribution {
namespace {

using segment::Token;
using segment::TokenKind;

// The symbol of a punctuation token, by its first character.
char PunctSymbol(char32_t c, const ShapeSymbols& sym) {
  switch (c) {
    case ',':
      return sym.comma;
    case '.':
    case '!':
    case '?':
    case 0x2026:
      return sym.full_stop;
    case ':':
      return sym.colon;
    case ';':
      return sym.semicolon;
    case '-':
    case 0x2014:
    case 0x2013:
    case 0x2012:
    case 0x2015:
      return sym.dash;
    case '(':
    case '[':
      return sym.open_bracket;
    case ')':
    case ']':
      return sym.close_bracket;
    default:
      return sym.other;
  }
}

// word.ends_with(ending), compared byte by byte: the endings of
// rules/english.txt are a few letters, and the shape builder tests them on
// most word tokens (std::string_view::ends_with calls memcmp).
bool EndsWith(std::string_view word, std::string_view ending) {
  if (word.size() < ending.size()) return false;
  const char* tail = word.data() + (word.size() - ending.size());
  for (std::size_t i = 0; i < ending.size(); ++i)
    if (tail[i] != ending[i]) return false;
  return true;
}

// ShapeBuilder::WordSymbol of a word already lower-cased, from its facts
// (Lexicon::Facts: one look-up for all the lists asked here).
char WordSymbolOf(const Lexicon& lexicon, std::string_view lower, const WordFacts& facts, bool cap,
                  bool sentence_initial, bool next_cap) {
  const ShapeSymbols& sym = lexicon.alphabet().sym;
  if (!cap || sentence_initial) {
    if (char f = facts.function) return f;
    if (const Pronoun* p = facts.pronoun)
      return p->subject ? sym.subject_pronoun : sym.object_pronoun;
  } else if (char f = facts.function; f == sym.determiner || f == sym.adverb) {
    return f;  // "The" inside a name (The Saleh Brigade); days (said Tuesday)
  }
  if (cap && next_cap && facts.title) return sym.title;
  if (facts.source) return sym.source;  // "analysts", "diplomats": sources first
  if (facts.role) return sym.role;
  if (cap ? facts.org_head_cap : facts.org_head) return sym.org_head;
  if (cap) return sym.name;
  const EnglishWords& en = lexicon.english();
  return lower.size() >= en.gerund_min_length && EndsWith(lower, en.gerund_ending) ? sym.gerund
                                                                                   : sym.word;
}

// The storage of the last Shape a thread let go, reused by the thread's next
// ShapeBuilder::Run (as segment::Tokens' is by the tokenizer's): a
// document's units (48 bytes a token) and symbols were fresh allocations,
// each of whose pages and lines was first touched (written) again as the
// units were added. Only the capacity is reused: each is given back empty
// and filled anew. Storage for more than kKeptUnits units is let go, so
// what a thread keeps is bounded, not the largest document's.
struct Spare {
  std::string symbols;
  std::vector<int> unit_at;
  std::vector<Unit> units;
  std::vector<std::size_t> pos_of;
};
thread_local Spare spare;
constexpr std::size_t kKeptUnits = std::size_t{1} << 15;

// Builds the units left to right.
class Builder {
 public:
  Builder(const ShapeConfig& config, const Lexicon& lexicon, std::string_view text,
          const segment::Tokens& tokens, const std::vector<quotes::Quotation>& quotations)
      : config_(config),
        lexicon_(lexicon),
        sym_(lexicon.alphabet().sym),
        text_(text),
        all_(tokens),
        tokens_(tokens.tokens),
        quotations_(quotations) {}

  Shape Run() {
    // (empty when kept: the spares are left empty)
    shape_.symbols.swap(spare.symbols);
    shape_.unit_at.swap(spare.unit_at);
    shape_.units.swap(spare.units);
    shape_.pos_of.swap(spare.pos_of);
    // at most a unit per token, and a boundary per sentence and paragraph
    // (plus the ones cutting long runs): room for the common case at once
    const std::size_t n = tokens_.size();
    const std::size_t boundaries = all_.sentences.size() + all_.paragraph_first.size() + 2;
    shape_.units.reserve(n);
    shape_.pos_of.reserve(n);
    shape_.symbols.reserve(n + boundaries);
    shape_.unit_at.reserve(n + boundaries);
    shape_.symbols.push_back(sym_.paragraph_end);
    shape_.unit_at.push_back(-1);
    std::size_t q = 0;  // next top-level quotation
    std::size_t i = 0;
    while (i < tokens_.size()) {
      while (q < quotations_.size() &&
             (quotations_[q].depth > 0 || quotations_[q].outer.end <= tokens_[i].span.begin)) {
        ++q;
      }
      Unit u;
      u.first = i;
      if (q < quotations_.size() && tokens_[i].span.begin == quotations_[q].outer.begin) {
        if (!quotations_[q].label.empty()) i = AddLabel(i, quotations_[q].label);
        u.first = i;
        u.end = QuoteEnd(i, quotations_[q].outer.end);
        u.quote = static_cast<int>(q);
        u.symbol = QuoteSymbol(u, quotations_[q]);
        if (u.symbol == sym_.short_quotation && IsNickname(u)) {
          u.symbol = sym_.name;
          u.nickname = true;
        } else if (quotations_[q].label.empty() && CommaInside(u)) {
          // “… time,” days after: the comma is the sentence's, not the
          // quotation's — a unit of its own, with the closing mark
          Unit comma;
          comma.first = u.end - 2;
          comma.end = u.end;
          comma.symbol = sym_.comma;
          u.end = comma.first;
          Add(u);
          Add(comma);
          i = comma.end;
          continue;
        }
      } else {
        u.end = i + 1;
        FetchAhead(i);
        Classify(u);
        if (u.symbol == sym_.possessive && ApostropheInName(u.first)) {
          shape_.units.back().end = u.end;  // Shia' al-Kaabi: one name word
          i = u.end;
          continue;
        }
      }
      Add(u);
      i = u.end;
    }
    Boundary(sym_.paragraph_end);
    return std::move(shape_);
  }

 private:
  std::string_view Word(std::size_t i) const {
    return text_.substr(tokens_[i].span.begin, tokens_[i].span.size());
  }

  std::string_view Lowered(std::size_t i) const { return all_.Lowered(i); }

  // Before token i is classified: the word tokens of [i, i + kAhead) hashed
  // (Lexicon::ProbeIn, kept in probes_ by token number mod kRing) and their
  // facts' slots fetched, once each; i only grows. The facts table is
  // read for every word token, each a likely cache miss when asked cold;
  // the fetch changes no answer (a word fetched and never asked — a quotation
  // skipped past — costs its hash alone).
  static constexpr std::size_t kAhead = 8;
  static constexpr std::size_t kRing = 16;  // > kAhead: token i's hash is kept until it is asked
  // (Locals, not members, in the loop: a store to probes_ could otherwise
  // alias fetched_ and the vectors' pointers, read again every token.)
  void FetchAhead(std::size_t i) {
    std::size_t k = std::max(fetched_, i);
    const std::size_t stop = std::min(tokens_.size(), i + kAhead);
    if (k >= stop) return;
    const Token* tokens = tokens_.data();
    const char* lowered = all_.lowered.data();
    const char* end = lowered + all_.lowered.size();
    const std::size_t* at = all_.lowered_at.data();
    for (; k < stop; ++k) {
      if (tokens[k].kind != TokenKind::kWord) continue;
      const std::string_view w(lowered + at[k], at[k + 1] - at[k]);  // Lowered(k)
      const Lexicon::Probe p = Lexicon::ProbeIn(w, end);
      probes_[k % kRing] = p;
      lexicon_.PrefetchFacts(p.hash);
    }
    fetched_ = k;
  }

  // A transcript turn ("WALLACE: …"): the label becomes a name unit and the
  // colon a unit of its own, before the quotation's words; the opening mark
  // belongs to no unit. Returns the first token of the words.
  std::size_t AddLabel(std::size_t mark, Span label) {
    std::size_t i = mark + 1;
    Unit name;
    name.first = i;
    while (i < tokens_.size() && tokens_[i].span.begin < label.end) ++i;
    name.end = i;
    name.symbol = sym_.name;
    if (name.end > name.first) Add(name);
    if (i < tokens_.size() && text_[tokens_[i].span.begin] == ':') {
      Unit colon;
      colon.first = i;
      colon.end = ++i;
      colon.symbol = sym_.colon;
      Add(colon);
    }
    return i;
  }

  std::size_t QuoteEnd(std::size_t i, std::size_t outer_end) const {
    while (i < tokens_.size() && tokens_[i].span.begin < outer_end) ++i;
    return i;
  }

  std::size_t WordsIn(std::size_t b, std::size_t e) const {
    std::size_t n = 0;
    for (std::size_t k = b; k < e; ++k) {
      n += tokens_[k].kind == TokenKind::kWord || tokens_[k].kind == TokenKind::kNumber;
    }
    return n;
  }

  // Q for speech; q for short quotations that read as scare quotes or titles.
  // A short one is speech when its words end in punctuation inside the marks
  // (“No,” he said) and it is not in title case (“Face the Nation,”).
  char QuoteSymbol(const Unit& u, const quotes::Quotation& quote) const {
    std::size_t words = WordsIn(u.first, u.end);
    std::size_t first_word = u.first;
    while (first_word < u.end && tokens_[first_word].kind != TokenKind::kWord) ++first_word;
    bool lower = first_word < u.end && !tokens_[first_word].cap &&
                 text::At(text_, tokens_[first_word].span.begin) < 0x80 &&
                 std::islower(static_cast<unsigned char>(text_[tokens_[first_word].span.begin]));
    if (words >= config_.min_quote_words) return lower ? sym_.lower_quotation : sym_.quotation;
    std::size_t k = quote.inner.end;
    if (k <= quote.inner.begin) return sym_.short_quotation;
    char32_t last = text::Prev(text_, k);
    bool punct = last == ',' || last == '.' || last == '!' || last == '?';
    std::size_t caps = 0, minor = 0;  // minor: function words, lower case in titles
    for (std::size_t t = u.first; t < u.end; ++t) {
      if (tokens_[t].kind != TokenKind::kWord) continue;
      if (tokens_[t].cap)
        ++caps;
      else if (lexicon_.FunctionSymbol(Lowered(t)))
        ++minor;
    }
    const std::size_t least = config_.min_quoted_title_words;
    bool title = words >= least && caps >= least && caps + minor == words;
    return punct && !title ? sym_.quotation : sym_.short_quotation;
  }

  // Headlines ("Trump Says His Plan Will Work"): a paragraph of four or more
  // words nearly all capitalised (segment::IsTitleCase over its word
  // tokens). There, capitalised words are looked up as if lower case, so
  // "Says" is a cue and "To" a preposition. Asked only through
  // SentenceInitial, of a capitalised word's paragraph, so the answer is
  // made when first asked and kept for the paragraph's next words (the units
  // go left to right); it reads the paragraph's tokens (Tokens::
  // paragraph_first) only until the answer is known: after a lower-case word
  // that even every token left being a capitalised word could not outweigh
  // (segment::NeverTitleCase: a paragraph of prose stops within its first
  // dozen tokens), or to the end. (It was a count of every token of the
  // document, every paragraph's, before the first unit.)
  bool TitleCase(std::uint32_t p) {
    if (p != title_paragraph_) {
      title_paragraph_ = p;
      title_case_ = ReadTitleCase(p);
    }
    return title_case_;
  }

  bool ReadTitleCase(std::uint32_t p) const {
    const segment::TitleCaseConfig config{config_.min_title_words, config_.title_case_percent};
    const std::vector<std::size_t>& first = all_.paragraph_first;
    // (the tokens of paragraph p are [first[p], first[p + 1]); the test of
    // Token::paragraph keeps the answer exact over all tokens without them)
    const bool listed = std::size_t{p} + 1 < first.size();
    const std::size_t b = listed ? first[p] : 0;
    const std::size_t e = listed ? first[p + 1] : tokens_.size();
    std::size_t words = 0, caps = 0;
    for (std::size_t k = b; k < e; ++k) {
      const Token& t = tokens_[k];
      if (t.kind != TokenKind::kWord || t.paragraph != p) continue;
      ++words;
      if (t.cap) {
        ++caps;
        continue;
      }
      // (at most e - k - 1 capitalised words to come: the answer is no)
      if (segment::NeverTitleCase(caps + (e - k - 1), words - caps, config)) return false;
    }
    return segment::IsTitleCase(words, caps, config);
  }

  bool SentenceInitial(std::size_t i) {
    if (TitleCase(tokens_[i].paragraph)) return true;
    std::size_t k = i;
    while (k > 0 && tokens_[k - 1].sentence == tokens_[i].sentence &&
           (tokens_[k - 1].kind == TokenKind::kQuote || tokens_[k - 1].kind == TokenKind::kPunct ||
            tokens_[k - 1].kind == TokenKind::kNumber)) {  // "[5] While …" starts a sentence
      --k;
    }
    return k == 0 || tokens_[k - 1].sentence != tokens_[i].sentence;
  }

  // Lower-case words from token i on, within the sentence (for phrase lookups).
  const std::vector<std::string_view>& LowerWords(std::size_t i, std::size_t n) {
    lowers_.clear();
    for (std::size_t k = i; k < tokens_.size() && k < i + n; ++k) {
      if (tokens_[k].kind != TokenKind::kWord || tokens_[k].paragraph != tokens_[i].paragraph)
        break;
      lowers_.push_back(Lowered(k));
    }
    return lowers_;
  }

  void Classify(Unit& u) {
    const Token& t = tokens_[u.first];
    switch (t.kind) {
      case TokenKind::kNumber:
        u.symbol = sym_.number;
        return;
      case TokenKind::kPossessive:
        // "he's said", "she's saying": after a subject pronoun 's is "has"/"is"
        u.symbol = AfterSubjectPronoun() ? sym_.aux : sym_.possessive;
        u.verbish = u.symbol == sym_.aux;
        return;
      case TokenKind::kQuote:
        u.symbol = sym_.other;
        return;
      case TokenKind::kPunct: {
        // (an ASCII first byte is its character: text::At's answer, without the call)
        const auto c = static_cast<unsigned char>(text_[t.span.begin]);
        u.symbol = PunctSymbol(c < 0x80 ? c : text::At(text_, t.span.begin), sym_);
        return;
      }
      case TokenKind::kWord:
        break;
    }
    // (asked only of a capitalised word: a lower-case one is read the same
    // at a sentence's start and inside it)
    const bool initial = t.cap && SentenceInitial(u.first);
    // (a word token's lower case holds an ASCII '-' exactly when it is
    // Token::hyphen: no scan of it per word for the number compounds)
    // (FetchAhead(u.first) hashed it: u.first is a word token within kRing)
    std::uint32_t word = Lexicon::kNoWord;  // its number, for MatchCue
    const WordFacts& facts =
        lexicon_.Facts(Lowered(u.first), t.hyphen, probes_[u.first % kRing], word);
    if ((!t.cap || initial) && (facts.starts_cue || facts.starts_nominal)) {
      const auto& words = LowerWords(u.first, config_.max_cue_words);
      std::optional<PhraseMatch> cue;
      if (facts.starts_cue) cue = lexicon_.MatchCue(word, words);
      bool count_subject = cue && QuantifierSubject(words[0], cue->participle);
      if (cue &&
          ((AfterDeterminer() && !count_subject) || AfterSpeechVerb() || BeforeVerb(u.first, *cue)))
        cue.reset();               // "the warning", "says praise", "reports emerged": nouns
      if (cue && count_subject) {  // "Some say", "Another said": the count speaks
        shape_.units.back().symbol = sym_.number;
        shape_.symbols.back() = sym_.number;
      }
      if (cue) {
        u.end = u.first + cue->words;
        u.cue = cue->cue;
        u.participle = cue->participle;
        u.symbol = lexicon_.CueSymbol(*cue->cue, cue->participle);
        u.passive = !cue->participle && AfterBe();
        return;
      }
      if (std::size_t n = facts.starts_nominal ? lexicon_.MatchNominal(word, words) : 0) {
        u.end = u.first + n;
        u.symbol = sym_.nominal_cue;
        return;
      }
    }
    bool next_cap = u.first + 1 < tokens_.size() && tokens_[u.first + 1].cap;
    if (!t.cap && IsApart(facts.particle) && ApartParticle(u.first)) {
      u.symbol = sym_.name;
      return;
    }
    // (IsParticleName holds only of a word with a hyphen: Token::hyphen)
    bool cap = t.cap || (t.hyphen && lexicon_.IsParticleName(Word(u.first)));
    u.symbol = WordSymbolOf(lexicon_, Lowered(u.first), facts, cap, initial && t.cap, next_cap);
    if (u.symbol == sym_.object_pronoun && t.all_caps) u.symbol = sym_.name;   // US, not us
    if (u.symbol == sym_.name && KickerLabel(u.first)) u.symbol = sym_.other;  // "EXCLUSIVE: …"
    if (u.symbol == sym_.word) {
      std::string_view lower = Lowered(u.first);
      u.verbish = LooksFinite(lower);
      // "black-owned", "self-funded": a hyphenated compound is an adjective
      const EnglishWords& en = lexicon_.english();
      u.past = lower.size() >= en.past_min_length && EndsWith(lower, en.past_ending) && !t.hyphen;
      u.past = u.past || facts.past;
    }
    u.verbish = u.verbish || u.symbol == sym_.aux;
  }

  // Token i opens its paragraph, a colon follows, and it is a kicker label
  // (sources.txt "label": "EXCLUSIVE: …", "Watch: …"), not a speaker.
  bool KickerLabel(std::size_t i) const {
    if (i + 1 >= tokens_.size() || text_[tokens_[i + 1].span.begin] != ':') return false;
    if (i > 0 && tokens_[i - 1].paragraph == tokens_[i].paragraph) return false;
    return lexicon_.IsLabel(Lowered(i));
  }

  // A quotation whose words end with a comma right before the closing mark.
  bool CommaInside(const Unit& u) const {
    if (u.end < u.first + 4) return false;
    const Token& close = tokens_[u.end - 1];
    const Token& comma = tokens_[u.end - 2];
    return close.kind == TokenKind::kQuote && comma.kind == TokenKind::kPunct &&
           text_[comma.span.begin] == ',' && comma.span.end == close.span.begin;
  }

  // The previous unit is a name word of the same sentence as token i.
  bool AfterNameWord(std::size_t i) const {
    if (shape_.units.empty() || shape_.units.back().symbol != sym_.name) return false;
    return tokens_[shape_.units.back().end - 1].sentence == tokens_[i].sentence;
  }

  // Token i is a name word: capitalised, or a particle joined to a capital.
  bool NameWordAt(std::size_t i) const {
    if (i >= tokens_.size() || tokens_[i].kind != TokenKind::kWord) return false;
    return tokens_[i].cap || lexicon_.IsParticleName(Word(i));
  }

  // "Yusuf bin Harith", "Pieter van der Berg": a particle written apart
  // between name words.
  static bool IsApart(Particle p) { return p == Particle::kApart || p == Particle::kBoth; }

  bool ApartParticle(std::size_t i) const {
    auto apart = [&](std::size_t k) {
      if (k >= tokens_.size() || tokens_[k].kind != TokenKind::kWord || tokens_[k].cap)
        return false;
      return IsApart(lexicon_.NameParticle(Lowered(k)));
    };
    if (!apart(i) || !AfterNameWord(i)) return false;
    std::size_t next = i + 1;
    if (apart(next)) ++next;  // van der
    return NameWordAt(next) && tokens_[next].sentence == tokens_[i].sentence;
  }

  // A lone apostrophe (not ’s) right after a name word and before another,
  // with a blank after it: "Shia' al-Kaabi".
  bool ApostropheInName(std::size_t i) const {
    const Token& t = tokens_[i];
    std::string_view w = Word(i);
    if (!(w == "'" || w == "\u2019") || !AfterNameWord(i)) return false;
    if (shape_.units.back().nickname) return false;
    if (tokens_[i - 1].span.end != t.span.begin || t.span.end >= text_.size()) return false;
    char32_t after = text::At(text_, t.span.end);
    return (after == ' ' || after == 0xA0) && NameWordAt(i + 1) &&
           tokens_[i + 1].paragraph == t.paragraph;
  }

  // A short quotation of one to max_nickname_words (3) capitalised words right after a name
  // ("Nasir Omar “Abu Layla” said"), not the object of a describe cue in
  // its sentence ("called Omar “Crooked Omar”") and not followed by a
  // lower-case word other than a cue ("Omar “Big Man” at the rally").
  bool IsNickname(const Unit& u) const {
    if (!AfterNameWord(u.first)) return false;
    std::size_t words = 0;
    for (std::size_t t = u.first; t < u.end; ++t) {
      if (tokens_[t].kind == TokenKind::kQuote || tokens_[t].kind == TokenKind::kPunct) continue;
      if (tokens_[t].kind != TokenKind::kWord || !tokens_[t].cap) return false;
      ++words;
    }
    if (words == 0 || words > config_.max_nickname_words) return false;
    for (std::size_t k = shape_.units.size(); k-- > 0;) {
      const Unit& prev = shape_.units[k];
      if (tokens_[prev.end - 1].sentence != tokens_[u.first].sentence) break;
      if (prev.cue && prev.cue->cls == CueClass::kDescribe) return false;
    }
    if (u.end < tokens_.size() && tokens_[u.end].kind == TokenKind::kWord &&
        tokens_[u.end].sentence == tokens_[u.first].sentence && !tokens_[u.end].cap) {
      std::string_view lower = Lowered(u.end);
      return lexicon_.MatchCueWord(lower).has_value() || lexicon_.FunctionSymbol(lower) == sym_.aux;
    }
    return true;
  }

  // A form of "be" before this unit in its sentence, adverbs and "not"
  // between ("is said", "were not told").
  bool AfterBe() const {
    for (std::size_t k = shape_.units.size(); k-- > 0;) {
      if (AtBoundary()) return false;
      const Unit& prev = shape_.units[k];
      if (prev.symbol == sym_.adverb || prev.symbol == sym_.negation) {
        if (k + config_.max_be_adverb_units < shape_.units.size()) return false;
        continue;
      }
      return prev.symbol == sym_.aux && lexicon_.IsBe(Lowered(prev.first));
    }
    return false;
  }

  // A cue word not in its past form followed by a past-tense word or by
  // another speech verb is a noun, the subject of that verb: "a news report
  // published Monday said", "multiple reports reveal".
  bool BeforeVerb(std::size_t i, const PhraseMatch& cue) {
    std::size_t next = i + cue.words;
    if (cue.participle || next >= tokens_.size() || tokens_[next].kind != TokenKind::kWord ||
        tokens_[next].cap || tokens_[next].sentence != tokens_[i].sentence)
      return false;
    std::string_view w = Lowered(i);
    const EnglishWords& en = lexicon_.english();
    auto ends = [&](std::string_view x, const std::string& suf) {
      return x.size() >= suf.size() + en.finite_min_stem && EndsWith(x, suf);
    };
    if (ends(w, en.past_ending) || w == en.past_say) return false;
    std::string_view n = Lowered(next);
    if (ends(n, en.past_ending)) return true;
    auto then = lexicon_.MatchCueWord(n);
    return then && !then->participle;
  }

  bool AfterSubjectPronoun() const {
    return !shape_.units.empty() && !AtBoundary() &&
           shape_.units.back().symbol == sym_.subject_pronoun;
  }

  bool AfterDeterminer() const {
    if (shape_.units.empty() || AtBoundary()) return false;
    return lexicon_.alphabet().noun_opener.Has(shape_.units.back().symbol) && !AfterShare();
  }

  // "Some say …", "Two in three said …", "Another said …": a quantifier
  // (words.txt) right before a finite speech verb `word` that agrees with it
  // is a subject when it opens a clause (after a sentence start, a comma, a
  // conjunction, "who", or a share's "in").
  bool QuantifierSubject(std::string_view word, bool participle) const {
    if (participle || shape_.units.empty() || shape_.symbols.back() != sym_.determiner)
      return false;
    const Unit& last = shape_.units.back();
    Agreement q = lexicon_.Quantifier(Lowered(last.first));
    if (q == Agreement::kNone) return false;
    std::size_t pos = shape_.pos_of.back();
    char before = pos > 0 ? shape_.symbols[pos - 1] : sym_.paragraph_end;
    const ShapeAlphabet& abc = lexicon_.alphabet();
    bool starts = abc.clause_opener.Has(before);
    if (before == sym_.preposition && pos >= 2)  // "two in three said"
      starts = abc.share_part.Has(shape_.symbols[pos - 2]);
    if (!starts) return false;
    const EnglishWords& en = lexicon_.english();
    auto ends = [&](const std::string& suf) {
      return word.size() >= suf.size() + en.agreement_min_stem && EndsWith(word, suf);
    };
    bool s_form = ends(en.verb_s_ending) && !EndsWith(word, en.not_verb_s_ending);
    bool past = ends(en.past_ending) || lexicon_.IsIrregularPast(word);
    return q == Agreement::kPlural ? !s_form : s_form || past;
  }

  // "six in 10", "one out of five": a share of people, who can speak.
  bool AfterShare() const {
    const auto& u = shape_.units;
    std::size_t n = u.size();
    if (n < 3 || u[n - 1].symbol != sym_.number) return false;
    std::size_t k = n - 2;
    if (u[k].symbol == sym_.of && k > 0 && u[k - 1].symbol == sym_.word)
      --k;  // out of
    else if (u[k].symbol != sym_.preposition)
      return false;
    return k > 0 && (u[k - 1].symbol == sym_.number || u[k - 1].symbol == sym_.determiner);
  }

  bool AfterSpeechVerb() const {
    if (shape_.units.empty() || AtBoundary()) return false;
    const Unit& last = shape_.units.back();
    return last.cue && !last.participle && (last.symbol == sym_.say || last.symbol == sym_.belief);
  }

  // -ed, or -s after a noun or pronoun (Trump represents; the raids occurred).
  bool LooksFinite(std::string_view w) const {
    const EnglishWords& en = lexicon_.english();
    auto ends = [&](const std::string& suf) {
      return w.size() >= suf.size() + en.finite_min_stem && EndsWith(w, suf);
    };
    if (ends(en.past_ending)) return true;
    if (!ends(en.verb_s_ending) || ends(en.not_verb_s_ending) || shape_.units.empty()) return false;
    const auto& units = shape_.units;
    bool after_noun = lexicon_.alphabet().noun_end.Has(units.back().symbol);
    // "confront Syrian forces", "of such conflicts": a noun after a verb or
    // preposition is an object, and its -s a plural
    bool object =
        units.size() >= 2 && lexicon_.alphabet().object_taker.Has(units[units.size() - 2].symbol);
    return after_noun && !object;
  }

  // The shape string ends with a sentence or paragraph end.
  bool AtBoundary() const {
    return shape_.symbols.back() == sym_.sentence_end ||
           shape_.symbols.back() == sym_.paragraph_end;
  }

  void Boundary(char b) {
    char last = shape_.symbols.back();
    if (last == sym_.paragraph_end || (last == sym_.sentence_end && b == sym_.sentence_end)) return;
    if (last == sym_.sentence_end) {
      shape_.symbols.back() = b;
      return;
    }
    shape_.symbols.push_back(b);
    shape_.unit_at.push_back(-1);
    run_ = 0;
  }

  // (inlined: called for every unit; the call cost its prologue and epilogue)
  [[gnu::always_inline]] void Add(const Unit& u) {
    if (!shape_.units.empty()) {
      const Token& prev = tokens_[shape_.units.back().end - 1];
      const Token& cur = tokens_[u.first];
      if (cur.paragraph != prev.paragraph)
        Boundary(sym_.paragraph_end);
      else if (cur.sentence != prev.sentence)
        Boundary(sym_.sentence_end);
    }
    if (++run_ > config_.max_sentence_units) Boundary(sym_.sentence_end);
    shape_.pos_of.push_back(shape_.symbols.size());
    shape_.symbols.push_back(u.symbol);
    shape_.unit_at.push_back(static_cast<int>(shape_.units.size()));
    shape_.units.push_back(u);
  }

  const ShapeConfig& config_;
  const Lexicon& lexicon_;
  const ShapeSymbols& sym_;
  std::string_view text_;
  const segment::Tokens& all_;  // tokens_ and their lower case (Tokens::Lowered)
  const std::vector<Token>& tokens_;
  const std::vector<quotes::Quotation>& quotations_;
  std::vector<std::string_view> lowers_;        // LowerWords' result
  std::array<Lexicon::Probe, kRing> probes_{};  // FetchAhead's, by token mod kRing
  std::size_t fetched_ = 0;                     // FetchAhead has seen the tokens before this
  std::size_t run_ = 0;
  // TitleCase's last answer, and the paragraph it is of (none yet)
  // (a size_t: no paragraph number, a uint32_t, is the first value)
  std::size_t title_paragraph_ = static_cast<std::size_t>(-1);
  bool title_case_ = false;
  Shape shape_;
};

}  // namespace

Shape::~Shape() {
  KeepStorage(symbols, spare.symbols, 2 * kKeptUnits);
  KeepStorage(unit_at, spare.unit_at, 2 * kKeptUnits);
  KeepStorage(units, spare.units, kKeptUnits);
  KeepStorage(pos_of, spare.pos_of, kKeptUnits);
}

ShapeBuilder::ShapeBuilder(const ShapeConfig& config, const rules::RuleSet& rules)
    : config_(config), lexicon_(rules.Shared<Lexicon>()) {}

char ShapeBuilder::WordSymbol(std::string_view word, bool cap, bool sentence_initial,
                              bool next_cap) const {
  const std::string lower = segment::Lower(word);
  return WordSymbolOf(lexicon_, lower, lexicon_.Facts(lower), cap, sentence_initial, next_cap);
}

Shape ShapeBuilder::Run(std::string_view text, const segment::Tokens& tokens,
                        const std::vector<quotes::Quotation>& quotations) const {
  return Builder(config_, lexicon_, text, tokens, quotations).Run();
}

}  // namespace whosaid::attribution
