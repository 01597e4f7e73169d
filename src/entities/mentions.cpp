#include "entities/mentions.h"

#include <algorithm>
#include <optional>

namespace whosaid::entities {

using segment::Token;
using segment::TokenKind;

const char* ToString(MentionKind kind) {
  switch (kind) {
    case MentionKind::kPerson:
      return "person";
    case MentionKind::kOrganization:
      return "org";
    case MentionKind::kOperation:
      return "operation";
    case MentionKind::kAcronym:
      return "acronym";
    case MentionKind::kWord:
      return "word";
    case MentionKind::kPhrase:
      return "phrase";
  }
  return "word";
}

MentionFinder::MentionFinder(const rules::RuleSet& rules, const attribution::Lexicon& lexicon,
                             const attribution::SpeakerReader& places)
    : lexicon_(lexicon), places_(places) {
  const rules::RuleFile& file = rules.File("mentions.txt");
  for (const rules::RuleLine& line : file.lines()) {
    std::vector<std::string> f = rules::RuleFile::Fields(line);
    if (f.size() != 2 || f[1].empty()) throw file.Error(line, "an entry reads KEY | WORDS");
    if (f[0] == "connector") {
      connectors_.insert(f[1]);
    } else if (f[0] == "operation") {
      operations_.insert(f[1]);
    } else if (f[0] == "owned_head") {
      owned_heads_.insert(f[1]);
    } else if (f[0] == "operation_link") {
      std::vector<std::string> words;
      for (std::size_t i = 0; i < f[1].size();) {
        std::size_t sp = f[1].find(' ', i);
        if (sp == std::string::npos) sp = f[1].size();
        if (sp > i) words.push_back(f[1].substr(i, sp - i));
        i = sp + 1;
      }
      operation_links_.push_back(std::move(words));
    } else {
      throw file.Error(
          line, "unknown key '" + f[0] + "' (connector, operation, operation_link, owned_head)");
    }
  }
}

// One Run(): the tokens, their lower-case words, and the mentions so far.
struct MentionFinder::Run_ {
  const MentionFinder& f;
  std::string_view text;
  const std::vector<Token>& tok;
  std::vector<std::string> lower;  // per token ("" for non-words)
  std::vector<char> used;          // token already in a mention
  std::vector<NameMention> out;
  std::vector<std::size_t> first_place;  // per sentence, computed on first use

  Run_(const MentionFinder& finder, std::string_view t, const segment::Tokens& tokens)
      : f(finder),
        text(t),
        tok(tokens.tokens),
        lower(tokens.tokens.size()),
        used(tokens.tokens.size(), 0) {
    for (std::size_t i = 0; i < tok.size(); ++i) {
      if (tok[i].kind == TokenKind::kWord) lower[i] = segment::Lower(Word(i));
    }
  }

  std::string_view Word(std::size_t i) const {
    return text.substr(tok[i].span.begin, tok[i].span.size());
  }
  bool IsWord(std::size_t i) const { return i < tok.size() && tok[i].kind == TokenKind::kWord; }
  bool IsCap(std::size_t i) const { return IsWord(i) && (tok[i].cap || tok[i].all_caps); }
  bool IsPunct(std::size_t i, char c) const {
    return i < tok.size() && tok[i].kind == TokenKind::kPunct && tok[i].span.size() == 1 &&
           text[tok[i].span.begin] == c;
  }
  bool Same(std::size_t a, std::size_t b) const { return tok[a].sentence == tok[b].sentence; }
  bool IsPlace(std::size_t i) const {
    return IsWord(i) && (f.places_.IsPlace(Word(i)) || f.places_.IsDemonym(Word(i)));
  }
  bool IsFunction(std::size_t i) const {
    return IsWord(i) && f.lexicon_.FunctionSymbol(lower[i]) != 0;
  }
  bool IsRoleWord(std::size_t i) const {
    return IsWord(i) && (f.lexicon_.IsRole(lower[i]) ||
                         (f.lexicon_.IsTitle(lower[i]) && !f.lexicon_.IsHonorific(lower[i])));
  }
  bool IsOrgHead(std::size_t i) const { return IsWord(i) && f.lexicon_.IsOrgHead(lower[i], true); }

  // The run of capitalised words starting at token i: [i, last].
  std::size_t RunEnd(std::size_t i) const {
    std::size_t last = i;
    for (std::size_t j = i + 1; j < tok.size() && Same(i, j);) {
      if (IsCap(j)) {
        last = j++;
        continue;
      }
      // connectors and possessives join only when a capitalised word follows
      std::size_t k = j;
      while (k < tok.size() && k < j + 2 && Same(i, k) &&
             (tok[k].kind == TokenKind::kPossessive ||
              (IsWord(k) && !tok[k].cap && f.connectors_.count(lower[k]) > 0))) {
        ++k;
      }
      if (k == j || !IsCap(k) || !Same(i, k)) break;
      if (k == j + 2 && lower[j] == "and" && lower[j + 1] == "the") break;  // a new phrase
      j = k;
    }
    return last;
  }

  // Leading function words ("The", "In") are not part of a name.
  std::size_t SkipLeading(std::size_t first, std::size_t last) const {
    while (first < last && (IsFunction(first) || !IsCap(first))) ++first;
    return first;
  }

  void Emit(std::size_t first, std::size_t last, MentionKind kind, std::string role = {},
            std::string owner = {}) {
    NameMention m;
    m.span = {tok[first].span.begin, tok[last].span.end};
    m.text = std::string(text.substr(m.span.begin, m.span.size()));
    m.kind = kind;
    m.role = std::move(role);
    m.owner = std::move(owner);
    for (std::size_t i = first; i <= last; ++i) used[i] = 1;
    out.push_back(std::move(m));
  }

  // "(ACRONYM)" right after token `last`: the acronym's token, if any.
  std::optional<std::size_t> Acronym(std::size_t last) const {
    std::size_t a = last + 1;
    if (!IsPunct(a, '(') || !IsWord(a + 1) || !IsPunct(a + 2, ')')) return std::nullopt;
    std::string_view w = Word(a + 1);
    if (w.size() < 2 || w.size() > 8) return std::nullopt;
    int upper = 0;
    for (char c : w) {
      if (c >= 'A' && c <= 'Z')
        ++upper;
      else if (!(c >= 'a' && c <= 'z'))
        return std::nullopt;
    }
    if (upper < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return std::nullopt;
    return a + 1;
  }

  // The longest tail of [first, last] whose capitalised words all start
  // with a letter of the acronym; its first token (or nullopt).
  std::optional<std::size_t> Expansion(std::size_t first, std::size_t last, std::size_t acr) const {
    const std::string& letters = lower[acr];
    std::size_t start = last + 1;
    for (std::size_t i = last + 1; i-- > first;) {
      if (IsCap(i)) {
        if (letters.find(lower[i][0]) == std::string::npos) break;
        start = i;
      } else if (!(tok[i].kind == TokenKind::kPossessive || IsWord(i))) {
        break;
      }
    }
    if (start > last) return std::nullopt;
    start = SkipLeading(start, last);
    bool hyphen = Word(start).find('-') != std::string_view::npos;
    if (start == last && !hyphen) return std::nullopt;
    return start;
  }

  // Lower-case role words inside [first, last] up to the last role word,
  // without places and function words ("Interim Somali Foreign Minister"
  // → "interim foreign minister"); `end` receives the token after it.
  std::string RolePrefix(std::size_t first, std::size_t last, std::size_t* end) const {
    std::optional<std::size_t> last_role;
    for (std::size_t i = first; i <= last; ++i) {
      if (IsRoleWord(i)) last_role = i;
    }
    if (!last_role) return {};
    std::string role;
    for (std::size_t i = first; i <= *last_role; ++i) {
      if (!IsWord(i) || IsPlace(i) || IsFunction(i)) continue;
      if (!role.empty()) role += ' ';
      role += lower[i];
    }
    *end = *last_role + 1;
    return role;
  }

  bool PersonLike(std::size_t first, std::size_t last) const {
    if (last - first + 1 < 2 || last - first + 1 > 4) return false;
    for (std::size_t i = first; i <= last; ++i) {
      if (!IsCap(i) || tok[i].all_caps || IsOrgHead(i) || IsPlace(i) || IsFunction(i) ||
          IsRoleWord(i)) {
        return false;
      }
    }
    return true;
  }

  // A role word among the `n` words before token `at` (exclusive) or after
  // it, in its sentence, not past a comma; the role word itself or "".
  std::string RoleNear(std::size_t at, int direction, std::size_t n) const {
    for (std::size_t k = 1; k <= n; ++k) {
      if (direction < 0 && k > at) break;
      std::size_t i = direction < 0 ? at - k : at + k;
      if (i >= tok.size() || !Same(at, i) || IsPunct(i, ',') || IsPunct(i, '(')) break;
      if (IsRoleWord(i)) return lower[i];
    }
    return {};
  }

  void Person(std::size_t first, std::size_t last) {
    std::size_t name = first;
    std::string role = RolePrefix(first, last, &name);
    if (!role.empty() && name <= last && PersonLike(name, last)) {
      Emit(name, last, MentionKind::kPerson, role);
      return;
    }
    if (!PersonLike(first, last)) return;
    if (first > 0 && IsRoleWord(first - 1) && Same(first, first - 1)) {
      Emit(first, last, MentionKind::kPerson, lower[first - 1]);
      return;
    }
    std::string near;
    if (first > 0 && IsPunct(first - 1, ',')) near = RoleNear(first - 1, -1, 8);
    if (near.empty() && IsPunct(last + 1, ',')) near = RoleNear(last + 1, +1, 6);
    if (!near.empty()) Emit(first, last, MentionKind::kPerson, near);
  }

  // The first place in token i's sentence before i, else in the sentence before.
  std::string OwnerBefore(std::size_t i) {
    const std::size_t sentence = tok[i].sentence;
    std::size_t here = FirstPlace(sentence);
    if (here < i) return std::string(Word(here));
    if (sentence == 0) return {};
    std::size_t before = FirstPlace(sentence - 1);
    return before < tok.size() ? std::string(Word(before)) : std::string();
  }

  // The first place token of a sentence (tok.size() when none), each
  // sentence scanned once however many organisations it names.
  std::size_t FirstPlace(std::size_t sentence) {
    if (first_place.empty()) {
      std::size_t sentences = tok.empty() ? 0 : tok.back().sentence + 1;
      first_place.assign(sentences, tok.size());
      for (std::size_t k = tok.size(); k-- > 0;) {
        if (IsPlace(k)) first_place[tok[k].sentence] = k;
      }
    }
    return sentence < first_place.size() ? first_place[sentence] : tok.size();
  }

  // The place an organisation's name leaves implicit ("" when it names one).
  std::string ImplicitOwner(std::size_t first, std::size_t last) {
    bool owned = false;
    for (std::size_t i = first; i <= last; ++i) {
      if (IsPlace(i) || (i == first && tok[i].all_caps)) return {};
      owned = owned || (IsWord(i) && f.owned_heads_.count(lower[i]) > 0);
    }
    return owned ? OwnerBefore(first) : std::string();
  }

  void Organization(std::size_t first, std::size_t last) {
    first = SkipLeading(first, last);
    if (first == last && !tok[first].all_caps) return;  // a bare head: "Ministry"
    Emit(first, last, MentionKind::kOrganization, {}, ImplicitOwner(first, last));
  }

  bool LinkEndsAt(std::size_t i) const {
    for (const auto& words : f.operation_links_) {
      if (words.size() > i + 1) continue;
      bool ok = true;
      for (std::size_t k = 0; k < words.size() && ok; ++k) {
        std::size_t t = i + 1 - words.size() + k;
        ok = IsWord(t) && lower[t] == words[k];
      }
      if (ok) return true;
    }
    return false;
  }

  bool OperationWordBefore(std::size_t i, std::size_t n) const {
    for (std::size_t k = 1; k <= n && k <= i; ++k) {
      if (!Same(i, i - k)) break;
      if (IsWord(i - k) && f.operations_.count(lower[i - k]) > 0) return true;
    }
    return false;
  }

  bool Operation(std::size_t first, std::size_t last) {
    if (f.operations_.count(lower[first]) > 0 && tok[first].cap && first < last) {
      Emit(first + 1, last, MentionKind::kOperation);
      return true;
    }
    if (first == 0 || IsPlace(first) || IsFunction(first)) return false;
    bool hyphen = false;
    for (std::size_t i = first; i <= last; ++i)
      hyphen = hyphen || Word(i).find('-') != std::string_view::npos;
    bool linked =
        IsWord(first - 1) && (LinkEndsAt(first - 1) || f.operations_.count(lower[first - 1]) > 0);
    bool comma = IsPunct(first - 1, ',') && (hyphen || IsPunct(last + 1, '('));
    if (!(linked || comma) || !OperationWordBefore(first, 6)) return false;
    Emit(first, last, MentionKind::kOperation);
    return true;
  }

  void Runs() {
    for (std::size_t i = 0; i < tok.size();) {
      if (!IsCap(i)) {
        ++i;
        continue;
      }
      std::size_t last = RunEnd(i);
      if (auto acr = Acronym(last)) {
        if (auto start = Expansion(i, last, *acr)) {
          if (*start > i) Run(i, *start - 1);
          Emit(*start, last, MentionKind::kOrganization, {}, ImplicitOwner(*start, last));
          Emit(*acr, *acr, MentionKind::kAcronym);
          out[out.size() - 2].same_as = static_cast<std::ptrdiff_t>(out.size() - 1);
          out.back().same_as = static_cast<std::ptrdiff_t>(out.size() - 2);
          i = *acr + 2;
          continue;
        }
      }
      Run(i, last);
      i = last + 1;
    }
  }

  void Run(std::size_t first, std::size_t last) {
    const std::size_t before = out.size();
    Classify(first, last);
    if (out.size() > before) return;
    first = SkipLeading(first, last);
    std::size_t caps = 0;
    for (std::size_t k = first; k <= last; ++k) caps += IsCap(k) ? 1 : 0;
    if (caps >= 2 && last - first < 8) {
      Emit(first, last, MentionKind::kPhrase);
      for (std::size_t k = first; k <= last; ++k) used[k] = 0;  // its words stay candidates
    }
  }

  void Classify(std::size_t first, std::size_t last) {
    if (Operation(first, last)) return;
    for (std::size_t k = first; k <= last; ++k) {
      if (IsOrgHead(k)) {
        Organization(first, last);
        return;
      }
    }
    // people: each stretch of capitalised words (no connector inside a name)
    for (std::size_t k = first; k <= last;) {
      std::size_t e = k;
      while (e + 1 <= last && IsCap(e + 1)) ++e;
      Person(k, e);
      k = e + 1;
      while (k <= last && !IsCap(k)) ++k;
    }
  }

  // Capitalised words in no mention: short-form candidates — unless the
  // document also writes the word in lower case (People … people).
  void Words() {
    std::unordered_set<std::string_view> common;
    for (std::size_t i = 0; i < tok.size(); ++i) {
      if (IsWord(i) && !tok[i].cap && !tok[i].all_caps) common.insert(lower[i]);
    }
    for (std::size_t i = 0; i < tok.size(); ++i) {
      if (used[i] || !IsCap(i) || IsFunction(i) || Word(i).size() < 3 || common.count(lower[i]))
        continue;
      Emit(i, i, MentionKind::kWord);
    }
  }
};

std::vector<NameMention> MentionFinder::Run(std::string_view text,
                                            const segment::Tokens& tokens) const {
  Run_ run(*this, text, tokens);
  run.Runs();
  run.Words();
  std::vector<std::size_t> order(run.out.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return run.out[a].span.begin < run.out[b].span.begin;
  });
  std::vector<std::ptrdiff_t> position(order.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    position[order[k]] = static_cast<std::ptrdiff_t>(k);
  std::vector<NameMention> sorted;
  sorted.reserve(order.size());
  for (std::size_t k : order) {
    NameMention m = std::move(run.out[k]);
    if (m.same_as >= 0) m.same_as = position[static_cast<std::size_t>(m.same_as)];
    sorted.push_back(std::move(m));
  }
  return sorted;
}

}  // namespace whosaid::entities
