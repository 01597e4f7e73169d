// whosaid::entities::MentionFinder — the names a document mentions, whether
// or not they speak: people next to a role, organisations, operations,
// acronyms with the expansion the text defines, and single capitalised words
// that may be short forms. The per-document half of entity resolution; the
// corpus-level half (resolve/entity_resolver.h) clusters these with the
// speakers of the quote records.
//
// Input: the document text and its tokens (segment/tokenizer.h). Output:
// mentions in text order, byte spans into the text. What counts as each kind
// of mention, and every word list it uses, is in rules/mentions.txt (with
// examples a unit test checks); organisation heads, roles, titles and
// function words come from the shared word lists (segment/word_lists.h),
// places and demonyms from rules/places.txt.
//
// Contract: built once (throws ConfigError "mentions.txt:LINE: …" on a bad
// entry), immutable and thread-safe. Run() never throws on any text and is
// linear in the number of tokens.
//
// Example
//   MentionFinder finder(MentionConfig{}, rules);
//   for (const NameMention& m : finder.Run(text, tokens)) ...
//   // "The UN Assistance Mission in Iraq (UNAMI) said" →
//   //   {org "UN Assistance Mission in Iraq", same_as 1}, {acronym "UNAMI", same_as 0}
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/flat_map.h"
#include "core/name_mention.h"
#include "core/places.h"
#include "core/record.h"
#include "core/rules.h"
#include "core/word_filter.h"
#include "segment/title_case.h"
#include "segment/tokenizer.h"
#include "segment/word_lists.h"

namespace whosaid::entities {

struct MentionConfig {
  // A name's role is a role word among this many words before ", NAME" or
  // after "NAME," (in its sentence, not past a comma).
  std::size_t role_words_before = 8;
  std::size_t role_words_after = 6;
  // A sentence of three or more words that are not function words, four in
  // five capitalised, is a headline: a name in it without a role is no
  // mention ("Senator Blasts Trade Deal").
  segment::TitleCaseConfig headline{3, 80};
  // A person's name is 2 to `max_plain_name_words` name words, or up to
  // `max_name_words` with a particle or a name connector among them
  // (Hamad bin Faisal bin Jassim Al Marri).
  std::size_t max_plain_name_words = 4;
  std::size_t max_name_words = 6;
  // An acronym after a name, "(RSF)" or ", RSF,", has this many letters.
  std::size_t min_acronym_letters = 2;
  std::size_t max_acronym_letters = 8;
  // A run of capitalised words is an operation's name ("Operation Olive
  // Branch") when an operation word stands among this many words before it.
  std::size_t operation_word_before = 6;
  // A run of two or more name words spanning at most this many tokens that is
  // no person is a phrase mention.
  std::size_t max_phrase_words = 8;
  // How many tokens back, in its paragraph, an own-name alias ("our
  // organisation, known as …") looks for the person it is about.
  std::size_t max_subject_distance = 80;
  // An alias in quotation marks after a name ("Abu Layla") takes at most
  // this many name words.
  std::size_t max_alias_words = 4;
  // A name word in brackets after a person's name ("Yasin Omar (Tiger)")
  // is an alias when it has at least this many bytes ("(D)" is a party).
  std::size_t min_bracket_alias_bytes = 3;
  // A capitalised word alone, not a function word, is a short-form mention
  // when it has at least this many bytes.
  std::size_t min_word_mention_bytes = 3;
};

class MentionFinder {
 public:
  // Reads with the rule set's shared segment::WordLists and rules::Places
  // (RuleSet::Shared): `rules` must outlive the finder.
  MentionFinder(const MentionConfig& config, const rules::RuleSet& rules);

  std::vector<NameMention> Run(std::string_view text, const segment::Tokens& tokens) const;

 private:
  struct Run_;  // the state of one Run()
  const segment::WordLists& word_lists_;
  const rules::Places& places_;
  MentionConfig config_;
  std::string and_, the_;  // rules/english.txt conjunction, article
  // (probed with a token's lower-case view, Tokens::Lowered: core/flat_map.h)
  FlatSet connectors_, operations_, owned_heads_;
  std::size_t longest_particle_ = 0;  // bytes
  FlatSet particles_, name_connectors_, date_words_, place_connectors_, portfolios_,
      affiliation_links_, role_qualifiers_;
  // rules/speaker_names.txt: clause openers and pre-name descriptors, never
  // a person's first name word ("But Ana Ruiz", "Billionaire Ana Ruiz")
  FlatSet openers_, descriptors_;
  std::vector<std::vector<std::string>> operation_links_;  // word sequences
  std::vector<std::vector<std::string>> alias_links_;      // word sequences
  std::vector<std::vector<std::string>> own_names_;        // word sequences
  std::vector<std::vector<std::string>> naming_links_;     // word sequences
  // The first words of own_names_ and naming_links_ (core/word_filter.h): a
  // word none of them admits starts none of them (most words); the words of
  // operations_ (a word it does not admit is no operation word); and of all
  // three (one test of most words, Run_'s pass over them).
  WordFilter own_name_starts_, naming_starts_, operation_words_, rare_words_;
  // What Run() asks of a token's lower-case word, as bits (mentions.cpp:
  // Fact): each word of the sets above and of segment::WordLists (a title
  // also with a final full stop, as WordLists::IsTitle reads it) with its
  // answers, so one look-up per token answers every question; and the lower
  // case of every place, capital and demonym (kMayBePlace: only those words
  // go on to the places' own case-sensitive look-ups). A word not held has
  // none, but a number compound ("twenty-six" is a function word:
  // WordLists::IsNumberCompound), asked of a word with a hyphen.
  FlatMap<std::uint32_t> facts_;
  std::uint32_t FactsOf(std::string_view lower) const;
};

}  // namespace whosaid::entities
