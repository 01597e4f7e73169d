#include "attribution/coref.h"

#include <map>
#include <optional>
#include <string_view>

#include "attribution/people_index.h"

namespace whosaid::attribution {
namespace {

struct Known {
  std::string name;
  SpeakerType type = SpeakerType::kPerson;
  std::string role, affiliation, role_head;
  std::size_t unit = 0;
};

class Resolver {
 public:
  Resolver(const CorefConfig& config, const SpeakerReader& reader, std::string_view text,
           const segment::Tokens& tokens, const Shape& shape)
      : config_(config), reader_(reader), text_(text), tokens_(tokens), shape_(shape) {}

  // Every person named in the document with the role stated next to the name.
  void ScanMentions() {
    const auto& units = shape_.units;
    for (std::size_t u = 0; u < units.size();) {
      if (units[u].symbol != 'N' && units[u].symbol != 'H') {
        ++u;
        continue;
      }
      std::size_t e = u;
      std::size_t names = 0;
      while (e < units.size() && (units[e].symbol == 'N' || units[e].symbol == 'H')) {
        names += units[e].symbol == 'N';
        ++e;
      }
      bool org_like = e < units.size() && (units[e].symbol == 'O' || units[e].symbol == 's');
      if (names >= 2 && !org_like) AddMention(u, e);
      u = e;
    }
  }

  ResolvedSpeaker Resolve(const SpeakerPhrase& phrase, std::size_t cue_unit) {
    ResolvedSpeaker r{phrase, ""};
    SpeakerPhrase& p = r.phrase;
    std::size_t para = Paragraph(cue_unit);
    if (p.pronoun)
      ResolvePronoun(p, cue_unit, para);
    else if (p.name.empty() && p.definite_role)
      ResolveRole(p, cue_unit);
    else if (p.type == SpeakerType::kPerson && !p.name.empty())
      ResolveName(p, cue_unit);
    if (!p.name.empty()) {
      r.entity = EntityId(p);
      last_ = Known{p.name, p.type, p.role, p.affiliation, p.role_head, cue_unit};
      last_para_ = para;
      has_last_ = true;
      if (p.type == SpeakerType::kPerson) Remember(p, cue_unit);
    }
    return r;
  }

 private:
  std::size_t Paragraph(std::size_t unit) const {
    return tokens_.tokens[shape_.units[unit].first].paragraph;
  }

  void AddMention(std::size_t b, std::size_t e) {
    const auto& units = shape_.units;
    std::size_t left = b;
    for (int k = 0; k < 6 && left > 0; ++k) {
      char s = units[left - 1].symbol;
      if (shape_.unit_at[shape_.pos_of[left - 1] + 1] < 0) break;  // a boundary between
      if (std::string_view("NkRHs#Dd").find(s) == std::string_view::npos) break;
      --left;
      if (s == 'D' || s == 'd') break;
    }
    SpeakerPhrase p = reader_.Read(text_, tokens_, shape_, {left, e});
    std::size_t right = AppositionEnd(e);
    if (right > e + 1) reader_.ReadApposition(text_, tokens_, shape_, {e + 1, right}, p);
    if (p.role.empty() && b > 0 && units[b - 1].symbol == ',') {
      std::size_t start = b - 1;
      // the noun phrase right before the comma: "Egypt's special
      // representative for Sudan, Mohammad Shafi"
      while (start > 0 && b - start < 14 &&
             std::string_view("NkgRHsDdofO#").find(units[start - 1].symbol) !=
                 std::string_view::npos &&
             shape_.unit_at[shape_.pos_of[start - 1] + 1] >= 0) {
        --start;
      }
      reader_.ReadApposition(text_, tokens_, shape_, {start, b - 1}, p);
    }
    if (p.type != SpeakerType::kPerson || p.name.empty()) return;
    Remember(p, b);
  }

  // ", a security analyst and director of …," after a name: the unit after the
  // apposition's closing comma; e when there is none.
  std::size_t AppositionEnd(std::size_t e) const {
    const auto& units = shape_.units;
    if (e >= units.size() || units[e].symbol != ',') return e;
    if (e + 1 < units.size() && units[e + 1].symbol == 'a')
      return e;  // ", and X": a list, not an apposition
    bool role = false;
    for (std::size_t k = e + 1; k < units.size() && k < e + 16; ++k) {
      if (shape_.unit_at[shape_.pos_of[k] - 1] < 0 && k > e + 1) return role ? k : e;
      char s = units[k].symbol;
      if (s == ',' || s == '.') return role ? k : e;
      if (s == 'R') role = true;
      if (std::string_view("QqVvTUACcLlBbP").find(s) != std::string_view::npos) return e;
    }
    return e;
  }

  // Only persons are remembered (callers check the type).
  void Remember(const SpeakerPhrase& p, std::size_t unit) {
    people_.Remember(KnownPerson{p.name, p.role, p.affiliation, p.role_head, unit});
  }

  void Fill(SpeakerPhrase& p, const KnownPerson& k) const {
    Fill(p, Known{k.name, SpeakerType::kPerson, k.role, k.affiliation, k.role_head, k.unit});
  }

  void Fill(SpeakerPhrase& p, const Known& k) const {
    p.name = k.name;
    p.type = k.type;
    if (p.role.empty()) {
      p.role = k.role;
      p.role_head = k.role_head;
    }
    if (p.affiliation.empty()) p.affiliation = k.affiliation;
  }

  void ResolveName(SpeakerPhrase& p, std::size_t cue_unit) const {
    if (p.name.find(' ') == std::string::npos) {
      // the most recent full name holding this word
      if (const KnownPerson* best = people_.WithWord(p.name, cue_unit)) {
        Fill(p, *best);
        return;
      }
    }
    if (const KnownPerson* k = people_.Find(p.name)) Fill(p, *k);
  }

  void ResolveRole(SpeakerPhrase& p, std::size_t cue_unit) const {
    if (const KnownPerson* best = people_.WithRole(p.role_head, cue_unit)) Fill(p, *best);
  }

  void ResolvePronoun(SpeakerPhrase& p, std::size_t cue_unit, std::size_t para) const {
    const std::string& g = p.pronoun->gender;
    bool person = g == "male" || g == "female";
    if (person) {
      if (has_last_ && last_.type == SpeakerType::kPerson &&
          para - last_para_ <= config_.max_pronoun_paragraphs) {
        Fill(p, last_);
        return;
      }
      if (const KnownPerson* best = people_.Before(cue_unit)) Fill(p, *best);
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

  // The organisation named earlier in the pronoun's own sentence, if any: its
  // subject, which "it" most often refers to.
  std::optional<Known> SentenceOrganization(std::size_t unit) const {
    const auto& units = shape_.units;
    std::size_t start = unit;
    while (start > 0 && shape_.unit_at[shape_.pos_of[start] - 1] >= 0) --start;
    for (std::size_t u = start; u < unit; ++u) {
      if (units[u].symbol != 'O') continue;
      std::size_t b = u, e = u + 1;
      while (b > start &&
             std::string_view("NkgsDd").find(units[b - 1].symbol) != std::string_view::npos)
        --b;
      while (e + 1 < unit && units[e].symbol == 'o' && units[e + 1].symbol == 'N') {
        e += 2;
        while (e < unit && units[e].symbol == 'N') ++e;
      }
      SpeakerPhrase org = reader_.Read(text_, tokens_, shape_, {b, e});
      if (org.type == SpeakerType::kOrganization && !org.name.empty()) {
        return Known{org.name, org.type, org.role, org.affiliation, org.role_head, u};
      }
      return std::nullopt;
    }
    return std::nullopt;
  }

  std::string EntityId(const SpeakerPhrase& p) {
    auto it = ids_.find(p.name);
    if (it != ids_.end()) return it->second;
    char prefix = p.type == SpeakerType::kPerson         ? 'P'
                  : p.type == SpeakerType::kOrganization ? 'O'
                                                         : 'G';
    std::string id = prefix + std::to_string(ids_.size() + 1);
    ids_.emplace(p.name, id);
    return id;
  }

  const CorefConfig& config_;
  const SpeakerReader& reader_;
  std::string_view text_;
  const segment::Tokens& tokens_;
  const Shape& shape_;
  PeopleIndex people_;  // every person named in the document
  Known last_;
  std::size_t last_para_ = 0;
  bool has_last_ = false;
  std::map<std::string, std::string> ids_;
};

}  // namespace

Coref::Coref(const CorefConfig& config, const SpeakerReader& reader)
    : config_(config), reader_(reader) {}

std::vector<ResolvedSpeaker> Coref::Run(std::string_view text, const segment::Tokens& tokens,
                                        const Shape& shape,
                                        const std::vector<SpeakerPhrase>& speakers,
                                        const std::vector<std::size_t>& cue_units) const {
  Resolver resolver(config_, reader_, text, tokens, shape);
  resolver.ScanMentions();
  std::vector<ResolvedSpeaker> out;
  out.reserve(speakers.size());
  for (std::size_t i = 0; i < speakers.size(); ++i)
    out.push_back(resolver.Resolve(speakers[i], cue_units[i]));
  return out;
}

}  // namespace whosaid::attribution
