#include "events/story.h"

#include <doctest/doctest.h>

#include "events_fixture.h"

namespace whosaid {
namespace {

TEST_SUITE("events story") {
  TEST_CASE("LeadParagraphs: the headline and the first paragraph of lead_words words") {
    struct Row {
      const char* text;
      std::size_t lead_words;
      std::vector<bool> expected;
    } rows[] = {
        {"Head line\n\nOne two three.\n\nOne two three four.\n\nFive six seven eight.",
         4,
         {true, false, true, false}},
        {"Head line\n\nOne two three.\n\nOne two three four.", 3, {true, true, false}},
        {"Head line\n\nOne two.", 9, {true, false}},
        {"Head line four five\n\nOne two.", 4, {true, false}},
        {"Head line\n\n\u2014\n\nOne two three four.", 4, {true, false, true}},
        {"\u2014\n\nHead line\n\nOne two three four.", 2, {false, true, false}},
        {"Head line\n\nOne two.", 0, {true, false}},
        {"", 4, {}},
    };
    for (const Row& r : rows) {
      CAPTURE(r.text);
      CAPTURE(r.lead_words);
      events::StoryConfig config;
      config.lead_words = r.lead_words;
      CHECK(events::LeadParagraphs(config, testing::WordsOf(r.text)) == r.expected);
    }
  }
}

}  // namespace
}  // namespace whosaid
