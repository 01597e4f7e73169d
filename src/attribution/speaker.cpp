#include "attribution/speaker.h"

#include <algorithm>
#include <initializer_list>

#include "core/places.h"

namespace whosaid::attribution {
namespace {

// Read access to one phrase's units.
struct View {
  std::string_view text;
  const segment::Tokens& tokens;
  const Shape& shape;
  const EnglishWords& english;
  const ShapeSymbols& sym;

  char Sym(std::size_t u) const { return shape.units[u].symbol; }
  Span Bytes(UnitRange r) const {
    if (r.empty()) return {};
    return {tokens.tokens[shape.units[r.begin].first].span.begin,
            tokens.tokens[shape.units[r.end - 1].end - 1].span.end};
  }
  std::string Text(UnitRange r) const {
    Span s = Bytes(r);
    return std::string(text.substr(s.begin, s.size()));
  }
  std::string Word(std::size_t u) const { return Text({u, u + 1}); }
  bool AllCaps(std::size_t u) const { return tokens.tokens[shape.units[u].first].all_caps; }
  // The first unit in r written with one of `syms`, or r.end.
  std::size_t Find(UnitRange r, std::initializer_list<char> syms) const {
    for (std::size_t u = r.begin; u < r.end; ++u) {
      if (std::find(syms.begin(), syms.end(), Sym(u)) != syms.end()) return u;
    }
    return r.end;
  }
};

// A name run's words, without the titles before it and a nickname after it
// ("General Nasir Omar “Abu Layla”" → Nasir Omar); empty when only titles.
UnitRange NameIn(const View& v, UnitRange run) {
  std::size_t first = run.begin;
  for (std::size_t u = run.begin; u + 1 < run.end; ++u) {
    if (v.Sym(u) == v.sym.title) first = u + 1;
  }
  while (first < run.end && v.Sym(first) == v.sym.title) ++first;
  std::size_t end = run.end;
  while (end > first + 1 && v.shape.units[end - 1].nickname) --end;
  return {first, end};
}

// The nickname after a name, without its quote marks ("Abu Layla").
std::string AliasAfter(const View& v, UnitRange name, std::size_t end) {
  for (std::size_t u = name.end; u < end; ++u) {
    const Unit& unit = v.shape.units[u];
    if (!unit.nickname || unit.end - unit.first < 3) continue;
    const auto& toks = v.tokens.tokens;
    Span s{toks[unit.first + 1].span.begin, toks[unit.end - 2].span.end};
    return std::string(v.text.substr(s.begin, s.size()));
  }
  return "";
}

UnitRange SkipDeterminer(const View& v, UnitRange r, bool* definite) {
  if (!r.empty() &&
      (v.Sym(r.begin) == v.sym.determiner || v.Sym(r.begin) == v.sym.possessive_determiner)) {
    if (definite) *definite = segment::Lower(v.Word(r.begin)) == v.english.article;
    ++r.begin;
  }
  return r;
}

// "The Somali Defense Ministry, through its spokesperson Hedayatullah
// Shwarbani, announced …": the person speaks for the organisation.
void ReadSpokesperson(const View& v, UnitRange appos, SpeakerPhrase& out) {
  std::size_t u = appos.begin;
  if (u + 3 > appos.end || v.Sym(u) != v.sym.preposition ||
      v.Sym(u + 1) != v.sym.possessive_determiner)
    return;
  u += 2;
  std::size_t role = u;
  while (role < appos.end && v.Sym(role) != v.sym.role) ++role;
  std::size_t name = role + 1;
  if (role >= appos.end || name >= appos.end) return;
  for (std::size_t k = name; k < appos.end; ++k)
    if (v.Sym(k) != v.sym.name) return;
  out.affiliation = out.name;
  out.role = v.Text({u, role + 1});
  out.role_head = segment::Lower(v.Word(role));
  out.name = v.Text({name, appos.end});
  out.type = SpeakerType::kPerson;
  out.mention = v.Bytes({name, appos.end});
}

}  // namespace

SpeakerReader::SpeakerReader(const SpeakerConfig& config, const rules::RuleSet& rules)
    : config_(config), lexicon_(rules.Shared<Lexicon>()), places_(rules.Shared<rules::Places>()) {}

namespace {

// Role words before a name or at the end of a role-only phrase: the role noun
// (at `role`) and the words qualifying it; what stands before them is the
// affiliation (a demonym, a possessive, an organisation).
// Returns the first unit of the role words.
std::size_t ReadRole(const View& v, const SpeakerReader& reader, UnitRange pre, std::size_t role,
                     SpeakerPhrase& out) {
  std::size_t b = role;
  while (b > pre.begin) {
    char s = v.Sym(b - 1);
    bool qualifier =
        s == v.sym.word || s == v.sym.role || s == v.sym.title ||
        (s == v.sym.name && !reader.IsDemonym(v.Word(b - 1)) && !reader.IsPlace(v.Word(b - 1)));
    if (!qualifier) break;
    --b;
  }
  out.role = v.Text({b, role + 1});
  out.role_head = segment::Lower(v.Word(role));
  UnitRange aff{pre.begin, b};
  while (!aff.empty() &&
         (v.Sym(aff.end - 1) == v.sym.possessive || v.Sym(aff.end - 1) == v.sym.determiner))
    --aff.end;
  aff = SkipDeterminer(v, aff, nullptr);
  if (!aff.empty()) out.affiliation = v.Text(aff);
  return b;
}

// "spokesperson for Somalia’s Defence Ministry", "a security analyst and
// director of the Sahel Institute for Water Studies", "Egypt’s special
// representative to Sudan".
void ReadAppositionIn(const View& v, const SpeakerReader& reader, UnitRange r, SpeakerPhrase& out) {
  r = SkipDeterminer(v, r, nullptr);
  std::size_t prep = v.Find(
      r, {v.sym.of, v.sym.for_, v.sym.preposition, v.sym.to});  // adviser to the Chief Minister
  UnitRange head{r.begin, prep};
  std::size_t poss = v.Find(head, {v.sym.possessive});
  std::string owner;
  if (poss < head.end) {
    std::size_t first = poss;  // the owner is the name right before ’s
    while (first > head.begin && v.Sym(first - 1) == v.sym.name) --first;
    if (first < poss) owner = v.Text({first, poss});
    head.begin = poss + 1;
  }
  std::size_t last_role = head.end;
  for (std::size_t u = head.begin; u < head.end; ++u) {
    if (v.Sym(u) == v.sym.role) last_role = u;
  }
  if (last_role == head.end) {
    if (out.name.empty() && v.Find(head, {v.sym.name}) < head.end &&
        v.Find(head, {v.sym.word, v.sym.role}) == head.end) {
      UnitRange name = NameIn(v, head);  // "the official, Hamdullah Fitrat"
      out.name = v.Text(name);
      out.alias = AliasAfter(v, name, head.end);
      out.type = SpeakerType::kPerson;
      if (name.begin > head.begin && out.role.empty()) {
        out.role = v.Text({head.begin, name.begin});
        out.rank_only = true;
      }
    }
    return;
  }
  if (!out.role.empty() && !out.rank_only) return;
  out.rank_only = false;
  out.role = v.Text({head.begin, last_role + 1});
  out.role_head = segment::Lower(v.Word(last_role));
  UnitRange aff = SkipDeterminer(v, {prep + 1, r.end}, nullptr);
  aff.end = v.Find(aff, {v.sym.conjunction, v.sym.wh,
                         v.sym.comma});  // "… of the Council (TC) and commander of …"
  if (!owner.empty())
    out.affiliation = owner;
  else if (prep < r.end && !aff.empty())
    out.affiliation = v.Text(aff);
  (void)reader;
}

}  // namespace

// "Karim Haddad in a televised address", "the Ministry of the Interior in
// Tarsa": a speaker phrase ends at a preposition after its name words (of
// and for belong to it).
static std::size_t PrepositionAfterName(const View& v, UnitRange main) {
  bool named = false;
  for (std::size_t u = main.begin; u < main.end; ++u) {
    char s = v.Sym(u);
    if (s == v.sym.preposition && named) return u;
    named = named || s == v.sym.name || s == v.sym.org_head || s == v.sym.role || s == v.sym.source;
  }
  return main.end;
}

// "Secretary of State Lena Ortiz", "the commander of the Rapid Forces (RF)
// Nasir Omar": a role, of, its portfolio or organisation, then the name.
// The portfolio stays in the role (Secretary of State); an organisation is
// the affiliation.
static bool RoleOfName(const View& v, const SpeakerReader& reader, UnitRange main, std::size_t prep,
                       SpeakerPhrase& out) {
  if (prep >= main.end || prep == main.begin || v.Sym(prep - 1) != v.sym.role) return false;
  auto portfolio = [&](std::size_t u) {
    return reader.lexicon().IsPortfolio(segment::Lower(v.Word(u)));
  };
  std::size_t end = main.end;
  while (end > prep + 1 && v.Sym(end - 1) == v.sym.name && v.shape.units[end - 1].nickname) --end;
  std::size_t b = end;
  while (b > prep + 1 && v.Sym(b - 1) == v.sym.name && !portfolio(b - 1) &&
         !reader.IsPlace(v.Word(b - 1)))
    --b;
  if (b == end || b == prep + 1) return false;
  UnitRange between = SkipDeterminer(v, {prep + 1, b}, nullptr);
  bool only_portfolio = !between.empty();
  for (std::size_t u = between.begin; u < between.end; ++u)
    only_portfolio = only_portfolio && (portfolio(u) || v.Sym(u) == v.sym.conjunction);
  char before = v.Sym(b - 1);
  if (!only_portfolio && before != v.sym.org_head && before != v.sym.close_bracket &&
      before != v.sym.name)
    return false;
  std::size_t start = ReadRole(v, reader, {main.begin, prep - 1}, prep - 1, out);
  if (only_portfolio)
    out.role = v.Text({start, b});
  else
    out.affiliation = v.Text(between);
  UnitRange name{b, main.end};
  name = NameIn(v, name);
  out.name = v.Text(name);
  out.alias = AliasAfter(v, name, main.end);
  out.type = SpeakerType::kPerson;
  return true;
}

// "Ministry spokesperson Hedayatullah Shwarbani", "an army spokesperson": a
// role after the last organisation head, then only name words or nothing —
// a person of that organisation.
bool RoleAfterOrganization(const View& v, UnitRange head) {
  std::size_t o = head.end;
  for (std::size_t u = head.begin; u < head.end; ++u) {
    if (v.Sym(u) == v.sym.org_head) o = u;
  }
  std::size_t role = head.end;
  for (std::size_t u = o + 1; u < head.end; ++u) {
    if (v.Sym(u) == v.sym.role) role = u;
  }
  if (role >= head.end) return false;
  for (std::size_t u = role + 1; u < head.end; ++u) {
    if (v.Sym(u) != v.sym.name && v.Sym(u) != v.sym.title) return false;
  }
  return true;
}

// "a statement issued by the Interior Ministry", "the RSF statement", "the
// statement", "her post": a document speaks for its author, named after it
// (by, from) or before it; without one, a definite or possessive document
// is resolved by coref (the author of the statement last quoted).
bool SpeakerReader::ReadDocument(std::string_view text, const segment::Tokens& tokens,
                                 const Shape& shape, UnitRange main, SpeakerPhrase& out) const {
  View v{text, tokens, shape, lexicon_.english(), lexicon_.alphabet().sym};
  std::size_t doc = main.end;
  for (std::size_t u = main.begin; u < main.end && u < main.begin + config_.document_noun_units;
       ++u) {
    if (v.Sym(u) == v.sym.word && lexicon_.IsDocument(segment::Lower(v.Word(u)))) {
      doc = u;
      break;
    }
  }
  if (doc == main.end) return false;
  const bool possessive = v.Sym(main.begin) == v.sym.possessive_determiner;
  const bool definite = possessive || segment::Lower(v.Word(main.begin)) == v.english.article;
  UnitRange author{main.end, main.end};
  std::size_t agent = v.Find({doc + 1, main.end}, {v.sym.preposition});
  if (agent < main.end && agent <= doc + config_.author_after_document_units)
    author = {agent + 1, main.end};
  UnitRange before = SkipDeterminer(v, {main.begin, doc}, nullptr);
  while (!before.empty() && v.Sym(before.end - 1) == v.sym.possessive) --before.end;
  if (author.empty() && v.Find(before, {v.sym.name, v.sym.org_head}) < before.end) author = before;
  out.type = SpeakerType::kAnonymous;
  if (!author.empty() &&
      v.Find(author, {v.sym.name, v.sym.org_head, v.sym.role, v.sym.source}) < author.end) {
    Span mention = out.mention;  // the whole phrase, the document included
    out = Run(text, tokens, shape, author);
    out.mention = mention;
    return true;
  }
  out.document = definite;
  return true;
}

SpeakerPhrase SpeakerReader::Run(std::string_view text, const segment::Tokens& tokens,
                                 const Shape& shape, UnitRange range) const {
  View v{text, tokens, shape, lexicon_.english(), lexicon_.alphabet().sym};
  SpeakerPhrase out;
  std::size_t comma = v.Find(range, {v.sym.comma});
  UnitRange core{range.begin, comma};
  UnitRange appos{comma < range.end ? comma + 1 : range.end, range.end};
  while (!appos.empty() && v.Sym(appos.end - 1) == v.sym.comma) --appos.end;
  out.mention = v.Bytes(core);

  if (core.end - core.begin == 1 && v.Sym(core.begin) == v.sym.subject_pronoun) {
    out.pronoun = lexicon_.FindPronoun(segment::Lower(v.Word(core.begin)));
    return out;
  }
  UnitRange main = core;
  // a name that ends in an acronym is whole ("Mission in Iraq (UNAMI)")
  if (main.empty() || v.Sym(main.end - 1) != v.sym.close_bracket)
    main.end = PrepositionAfterName(v, main);
  if (!main.empty() && v.Sym(main.end - 1) == v.sym.close_bracket) {
    std::size_t open = main.end - 1;
    while (open > main.begin && v.Sym(open) != v.sym.open_bracket) --open;
    if (open > main.begin) main.end = open;
  }
  if (ReadDocument(text, tokens, shape, main, out)) return out;
  bool definite = false;
  main = SkipDeterminer(v, main, &definite);
  // "The Daily Star first reported", "The Tarsa Herald first": a lower-case
  // word after a name is no part of the speaker's name
  while (main.end - main.begin >= 2 && v.Sym(main.end - 1) == v.sym.word &&
         (v.Sym(main.end - 2) == v.sym.name ||
          (v.Sym(main.end - 2) == v.sym.org_head && v.AllCaps(main.end - 2) == false &&
           segment::IsUpperAt(v.Word(main.end - 2), 0))))
    --main.end;
  std::size_t prep = v.Find(main, {v.sym.of, v.sym.for_});
  UnitRange head{main.begin, prep};
  UnitRange post = SkipDeterminer(v, {prep < main.end ? prep + 1 : main.end, main.end}, nullptr);

  if (RoleOfName(v, *this, main, prep, out)) return out;
  bool source_head = !head.empty() && v.Sym(head.end - 1) == v.sym.source;  // Army officials
  if (!source_head && v.Find(head, {v.sym.org_head}) < head.end &&
      !RoleAfterOrganization(v, head)) {
    // an organisation names itself by the whole phrase; a definite one
    // without a name word is described ("the armed group"), not named
    out.type = SpeakerType::kOrganization;
    out.name = v.Text(main);
    out.generic_org = definite && v.Find(main, {v.sym.name}) == main.end;
    if (out.generic_org) out.generic_head = segment::Lower(v.Word(main.end - 1));
    ReadSpokesperson(v, appos, out);
    return out;
  }
  if (!head.empty() && v.Sym(head.end - 1) == v.sym.source) {
    std::string noun = segment::Lower(v.Word(head.end - 1));
    out.type = *lexicon_.SourceType(noun);
    if (out.type == SpeakerType::kGroup && v.Find(head, {v.sym.name, v.sym.org_head}) < head.end)
      out.name = v.Text(head);
    out.generic_org = definite && out.name.empty() && lexicon_.IsMembers(noun);
    if (out.generic_org) out.generic_head = noun;
    return out;
  }
  std::size_t run = head.end;  // the trailing name run
  while (run > head.begin && (v.Sym(run - 1) == v.sym.name || v.Sym(run - 1) == v.sym.title)) --run;
  // the name starts after the last title of the run: "Former President Bill
  // Clinton", "U.S. President Barack Obama" → Bill Clinton, Barack Obama
  const UnitRange name = NameIn(v, {run, head.end});
  const std::size_t first_name = name.begin;
  UnitRange pre{head.begin, run};
  std::size_t role = pre.end;
  for (std::size_t u = pre.begin; u < pre.end; ++u) {
    if (v.Sym(u) == v.sym.role) role = u;
  }
  if (role < pre.end)
    ReadRole(v, *this, pre, role, out);
  else if (!pre.empty()) {
    UnitRange aff = pre;
    while (!aff.empty() && v.Sym(aff.end - 1) == v.sym.possessive) --aff.end;
    if (!aff.empty()) out.affiliation = v.Text(aff);
  }
  std::size_t rank = run;  // honorifics (Mr., Haji) are no role
  while (rank < first_name && lexicon_.IsHonorific(segment::Lower(v.Word(rank)))) ++rank;
  if (first_name > rank && out.role.empty()) {
    out.role = v.Text({rank, first_name});
    out.rank_only = true;
  }
  if (first_name < head.end) {
    out.name = v.Text(name);
    out.alias = AliasAfter(v, name, head.end);
    bool single = name.end - first_name == 1;
    if (IsPlace(out.name) || (single && v.AllCaps(first_name)))
      out.type = SpeakerType::kOrganization;
    if (!post.empty() && out.affiliation.empty()) out.affiliation = v.Text(post);
  } else if (!head.empty() && v.Sym(head.end - 1) == v.sym.role) {
    ReadRole(v, *this, {head.begin, head.end - 1}, head.end - 1, out);
    if (!post.empty()) out.affiliation = v.Text(post);
    out.definite_role =
        definite || v.Find(head, {v.sym.possessive}) < head.end;  // Tarsa's foreign minister
  }
  if (!appos.empty() && v.Sym(appos.begin) != v.sym.wh) ReadAppositionIn(v, *this, appos, out);
  return out;
}

void SpeakerReader::ReadApposition(std::string_view text, const segment::Tokens& tokens,
                                   const Shape& shape, UnitRange range, SpeakerPhrase& out) const {
  View v{text, tokens, shape, lexicon_.english(), lexicon_.alphabet().sym};
  ReadAppositionIn(v, *this, range, out);
}

}  // namespace whosaid::attribution
