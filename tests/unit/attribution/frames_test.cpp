#include "attribution/frames.h"

#include <doctest/doctest.h>

#include "../support/rules_fixture.h"

namespace whosaid::attribution {
namespace {

const Frames& TheFrames() {
  static Frames f(FramesConfig{}, testing::Rules());
  return f;
}

TEST_SUITE("attribution") {
  TEST_CASE("the examples in rules/frames.txt") {
    auto examples = testing::Examples("frames.txt");
    REQUIRE(examples.size() > 10);
    for (const auto& ex : examples) {
      CAPTURE(ex.line);
      CAPTURE(ex.input);
      CHECK(TheFrames().ClaimIds(ex.input) == ex.expected);
    }
  }

  TEST_CASE("frames: shapes that are and are not reported speech") {
    struct Row {
      std::string shape, frame;
    } rows[] = {
        {"/NNVNoxkkeNN,PVQfkkk./", "spk_cue_bare"},  // Sanders accused Clinton …, she said "…": the
                                                     // describe frame takes the quote
        {"/DRfDNVe#G,ekak,xkeDk./",
         "spk_cue_bare"},      // A spokesperson for Hezbollah said at least 12 …
        {"/NNkkkkkkk./", ""},  // no cue, no claim
        {"/DkqkkN./", ""},     // a scare quote alone is no speech
        {"/AGkkN,DNxk./", "according_before"},
        {"/DNxk,AHNN./", "according_after"},
        // consecutive sentences that each may hold a cue (one search for
        // the cues of all of them), and one between that holds none
        {"/NNVDkkk.|PVtDkxk.|Dkkkk.|NNyVtDkkk./", "spk_cue_bare spk_cue_that spk_cue_that"},
        {"/Q,PV.|DNNVikkk.|NTdkikkk./", "q_spk_cue spk_cue_to spk_tell_to"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.shape);
      CHECK(TheFrames().ClaimIds(row.shape) == row.frame);
    }
  }
}

}  // namespace
}  // namespace whosaid::attribution
