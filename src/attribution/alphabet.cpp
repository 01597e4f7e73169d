#include "attribution/alphabet.h"

namespace whosaid::attribution {
namespace {

// Each symbol's name in rules/shape_classes.txt and its field.
constexpr std::pair<std::string_view, char ShapeSymbols::*> kSymbols[] = {
    {"quotation", &ShapeSymbols::quotation},
    {"short_quotation", &ShapeSymbols::short_quotation},
    {"lower_quotation", &ShapeSymbols::lower_quotation},
    {"nominal_cue", &ShapeSymbols::nominal_cue},
    {"say", &ShapeSymbols::say},
    {"say_ing", &ShapeSymbols::say_ing},
    {"tell", &ShapeSymbols::tell},
    {"tell_ing", &ShapeSymbols::tell_ing},
    {"according", &ShapeSymbols::according},
    {"call_for", &ShapeSymbols::call_for},
    {"call_for_ing", &ShapeSymbols::call_for_ing},
    {"describe", &ShapeSymbols::describe},
    {"describe_ing", &ShapeSymbols::describe_ing},
    {"belief", &ShapeSymbols::belief},
    {"belief_ing", &ShapeSymbols::belief_ing},
    {"appear", &ShapeSymbols::appear},
    {"subject_pronoun", &ShapeSymbols::subject_pronoun},
    {"object_pronoun", &ShapeSymbols::object_pronoun},
    {"name", &ShapeSymbols::name},
    {"role", &ShapeSymbols::role},
    {"title", &ShapeSymbols::title},
    {"org_head", &ShapeSymbols::org_head},
    {"source", &ShapeSymbols::source},
    {"determiner", &ShapeSymbols::determiner},
    {"possessive_determiner", &ShapeSymbols::possessive_determiner},
    {"possessive", &ShapeSymbols::possessive},
    {"that", &ShapeSymbols::that},
    {"of", &ShapeSymbols::of},
    {"for", &ShapeSymbols::for_},
    {"preposition", &ShapeSymbols::preposition},
    {"to", &ShapeSymbols::to},
    {"as", &ShapeSymbols::as},
    {"conjunction", &ShapeSymbols::conjunction},
    {"wh", &ShapeSymbols::wh},
    {"wh_clause", &ShapeSymbols::wh_clause},
    {"subordinator", &ShapeSymbols::subordinator},
    {"aux", &ShapeSymbols::aux},
    {"adverb", &ShapeSymbols::adverb},
    {"negation", &ShapeSymbols::negation},
    {"including", &ShapeSymbols::including},
    {"when", &ShapeSymbols::when},
    {"word", &ShapeSymbols::word},
    {"gerund", &ShapeSymbols::gerund},
    {"number", &ShapeSymbols::number},
    {"comma", &ShapeSymbols::comma},
    {"full_stop", &ShapeSymbols::full_stop},
    {"colon", &ShapeSymbols::colon},
    {"semicolon", &ShapeSymbols::semicolon},
    {"dash", &ShapeSymbols::dash},
    {"open_bracket", &ShapeSymbols::open_bracket},
    {"close_bracket", &ShapeSymbols::close_bracket},
    {"other", &ShapeSymbols::other},
    {"sentence_end", &ShapeSymbols::sentence_end},
    {"paragraph_end", &ShapeSymbols::paragraph_end},
};

constexpr std::string_view kWordPrefix = "word.", kCuePrefix = "cue.";

}  // namespace

ShapeSymbols ShapeSymbols::Load(const rules::Classes& classes) {
  ShapeSymbols s;
  std::map<char, std::string_view> used;
  for (const auto& [name, field] : kSymbols) {
    char c = classes.Symbol(name);
    auto [at, fresh] = used.emplace(c, name);
    if (!fresh) throw classes.Error(name, "shares its symbol with " + std::string(at->second));
    s.*field = c;
  }
  return s;
}

char ShapeSymbols::Named(std::string_view name) const {
  for (const auto& [n, field] : kSymbols) {
    if (n == name) return this->*field;
  }
  return 0;
}

std::string_view ShapeSymbols::NameOf(char symbol) const {
  for (const auto& [name, field] : kSymbols) {
    if (this->*field == symbol) return name;
  }
  return {};
}

char ShapeAlphabet::WordClassSymbol(std::string_view words_class) const {
  auto it = word_classes_.find(words_class);
  return it == word_classes_.end() ? 0 : it->second;
}

std::pair<char, char> ShapeAlphabet::CueClassSymbols(std::string_view cue_class) const {
  auto it = cue_classes_.find(cue_class);
  if (it == cue_classes_.end())
    throw ConfigError(file_ + ": no class " + std::string(kCuePrefix) + std::string(cue_class) +
                      " defined");
  return it->second;
}

// "word.CLASS | NAME" and "cue.CLASS | FINITE, ING": classes of other rule
// files, each given the symbols it is written as, by their names.
void ShapeAlphabet::ReadNamedClasses(const rules::Classes& c) {
  auto named = [&](const std::string& cls, const std::string& symbol) {
    char s = sym.Named(symbol);
    if (!s) throw c.Error(cls, "names no symbol '" + symbol + "'");
    return s;
  };
  for (const std::string& cls : c.Names()) {
    std::vector<std::string> names = c.Words(cls);
    if (cls.starts_with(kWordPrefix)) {
      if (names.size() != 1) throw c.Error(cls, "must name one symbol");
      word_classes_[cls.substr(kWordPrefix.size())] = named(cls, names[0]);
    } else if (cls.starts_with(kCuePrefix)) {
      if (names.size() != 1 && names.size() != 2)
        throw c.Error(cls, "must name one or two symbols");
      cue_classes_[cls.substr(kCuePrefix.size())] = {named(cls, names[0]),
                                                     named(cls, names.back())};
    }
  }
}

ShapeAlphabet ShapeAlphabet::Load(const rules::RuleSet& rules) {
  const rules::RuleFile& file = rules.File("shape_classes.txt");
  auto c = rules::Classes::Read(file);
  ShapeAlphabet a;
  a.file_ = file.path();
  a.sym = ShapeSymbols::Load(c);
  a.ReadNamedClasses(c);
  a.name_premodifier = c.Symbols("name_premodifier");
  a.apposition_before = c.Symbols("apposition_before");
  a.apposition_stop = c.Symbols("apposition_stop");
  a.org_premodifier = c.Symbols("org_premodifier");
  a.noun_opener = c.Symbols("noun_opener");
  a.noun_end = c.Symbols("noun_end");
  a.object_taker = c.Symbols("object_taker");
  a.clause_opener = c.Symbols("clause_opener");
  a.share_part = c.Symbols("share_part");
  a.finite_cue = c.Symbols("finite_cue");
  a.head_end = c.Symbols("head_end");
  a.cue_gap = c.Symbols("cue_gap");
  a.clause_subject = c.Symbols("clause_subject");
  a.clause_object = c.Symbols("clause_object");
  a.speaker_word = c.Symbols("speaker_word");
  a.auxiliary = c.Symbols("auxiliary");
  a.clause_marker = c.Symbols("clause_marker");
  a.continued_quote = c.Symbols("continued_quote");
  a.boundary = c.Symbols("boundary");
  return a;
}

EnglishWords EnglishWords::Load(const rules::RuleSet& rules) {
  auto c = rules::Classes::Read(rules.File("english.txt"));
  EnglishWords e;
  e.gerund_ending = c.Word("gerund_ending");
  e.past_ending = c.Word("past_ending");
  e.verb_s_ending = c.Word("verb_s_ending");
  e.not_verb_s_ending = c.Word("not_verb_s_ending");
  e.past_say = c.Word("past_say");
  e.article = c.Word("article");
  auto length = [&](std::string_view name) {
    const std::string value = c.Word(name);
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
      throw c.Error(name, "must be a number");
    return static_cast<std::size_t>(std::stoul(value));
  };
  e.gerund_min_length = length("gerund_min_length");
  e.past_min_length = length("past_min_length");
  e.finite_min_stem = length("finite_min_stem");
  e.agreement_min_stem = length("agreement_min_stem");
  return e;
}

}  // namespace whosaid::attribution
