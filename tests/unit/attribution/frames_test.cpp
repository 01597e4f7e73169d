#include "attribution/frames.h"

#include <doctest/doctest.h>

#include "../support/rules_fixture.h"

namespace whosaid::attribution {
namespace {

const Frames& TheFrames() {
  static Frames f(FramesConfig{}, testing::Rules());
  return f;
}

// A shape of `symbols` (one unit a symbol but for | and /), whose V units
// have the cue `cue`.
Shape ShapeWithCue(const std::string& symbols, const Cue* cue) {
  Shape shape;
  shape.symbols = symbols;
  for (std::size_t p = 0; p < symbols.size(); ++p) {
    if (symbols[p] == '|' || symbols[p] == '/') {
      shape.unit_at.push_back(-1);
      continue;
    }
    shape.unit_at.push_back(static_cast<int>(shape.units.size()));
    shape.pos_of.push_back(p);
    Unit u;
    u.symbol = symbols[p];
    if (symbols[p] == 'V') u.cue = cue;
    shape.units.push_back(u);
  }
  return shape;
}

std::string Ids(const std::vector<Claim>& claims) {
  std::string ids;
  for (const Claim& c : claims) ids += (ids.empty() ? "" : " ") + c.frame;
  return ids;
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

  TEST_CASE("frames: a claim goes for another claim on its own cue, never on another cue") {
    // DropAfterOwnQuote and DropCrossing compare the claims of one cue unit
    // (GroupByCue); the same shapes with a claim on another cue before or
    // after keep that claim and drop the same one
    struct Row {
      std::string shape, frames;
    } rows[] = {
        // "“…,” he said he …": the words after the cue are no content of it
        {"/Q,PVPxk./", "q_spk_cue"},
        {"/Q,PVPxk.|NNyVtDkkk./", "q_spk_cue spk_cue_that"},
        {"/NNyVtDkkk.|Q,PVPxk./", "spk_cue_that q_spk_cue"},
        {"/NNyVtDkkk.|Q,PVPxk.|NNyVtDkkk./", "spk_cue_that q_spk_cue spk_cue_that"},
        // "X lacks in the looks department, said Y, a critic, but …": the
        // claim whose speaker is "the looks department" goes
        {"/DkBxk,aPykkeDgO,VN,adkxk./", "clause_cue_spk"},
        {"/NNyVtDkkk.|DkBxk,aPykkeDgO,VN,adkxk./", "spk_cue_that clause_cue_spk"},
        {"/DkBxk,aPykkeDgO,VN,adkxk.|NNyVtDkkk./", "clause_cue_spk spk_cue_that"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.shape);
      CHECK(TheFrames().ClaimIds(row.shape) == row.frames);
    }
  }

  TEST_CASE("frames: a cue without the flag a frame needs gets no claim of that frame") {
    // Run leaves such cues out of where it searches (Frame::needs_flag); the
    // claims are what Accept alone would give
    Cue say, bare_only, object_only, to_only, wh_only, of_only, loose_only, neither;
    say.bare = say.loose = say.object = true;
    bare_only.bare = bare_only.loose = true;
    object_only.object = true;
    to_only.to = true;
    wh_only.wh = true;
    of_only.of = true;
    loose_only.loose = true;
    struct Row {
      std::string shape;
      const Cue* cue;
      std::string frames;
    } rows[] = {
        {"/NNVDkkk./", &say, "spk_cue_bare"},
        {"/NNVDkkk./", &bare_only, "spk_cue_bare"},
        {"/NNVDkkk./", &object_only, "spk_cue_object"},
        {"/NNVDkkk./", &neither, ""},
        {"/NNVDkkk.|PVtDkxk./", &say, "spk_cue_bare spk_cue_that"},
        {"/NNVDkkk.|PVtDkxk./", &neither, "spk_cue_that"},
        // one row for each other NEEDS flag, with and without it
        {"/DNNVikkk./", &to_only, "spk_cue_to"},
        {"/DNNVikkk./", &neither, ""},
        {"/NxVhDkxk./", &wh_only, "spk_cue_wh"},
        {"/NxVhDkxk./", &neither, ""},
        {"/NVDNoqkeDk./", &of_only, "spk_accuse_of"},
        {"/NVDNoqkeDk./", &neither, ""},
        {"/PxDktNVxk./", &loose_only, "rel_spk_cue"},
        {"/PxDktNVxk./", &neither, ""},
    };
    for (const Row& r : rows) {
      CAPTURE(r.shape);
      CAPTURE(r.frames);
      CHECK(Ids(TheFrames().Run(ShapeWithCue(r.shape, r.cue))) == r.frames);
    }
  }

  TEST_CASE("frames: where a frame may start, within a stretch and across boundaries") {
    // Run's last_start (the last start whose stretches hold every required
    // set: stretch k's last symbol when the later stretches of the window
    // hold them all, else found by bisection over stretch k's suffix sets)
    // and its mask test per stretch; the claims are those of the search
    // before them (the same rows, run on main ef836e8)
    struct Row {
      std::string shape, frames;
    } rows[] = {
        {"/NNV.|Q./", "spk_cue_then_q"},
        {"/DkkNNV.|Q./", "spk_cue_then_q"},
        {"/NNV|Q./", "spk_cue_then_q"},
        {"/kkk.|NNV.|Q.|NNV,Q./", "spk_cue_then_q spk_cue_q"},
        {"/Q,NNV.|kkNNyVtPxk./", "q_spk_cue spk_cue_that"},
        {"/kNkNkV|Q|NV./", "q_spk_cue"},
        {"/NNVtkkk.|kk./", ""},
        {"/DNN,DR,VtPxk./", "spk_cue_that"},
        {"/kkkkkkkkkkNNVDkkk./", ""},
        {"/NNVDkkk|NVQ./", "spk_cue_bare spk_cue_q"},
        {"/Q,VNN.|Q,NV./", "q_cue_spk q_spk_cue"},
        {"/NkV:|Q./", ""},
        {"/NNV:|Q|NNV.|Q./", "q_spk_cue spk_cue_then_q"},
        {"/Q|NNV./", "q_spk_cue"},
        {"/NV.|kk.|Q./", ""},
        {"/PV,|Q|PV./", "q_spk_cue"},
    };
    for (const auto& row : rows) {
      CAPTURE(row.shape);
      CHECK(TheFrames().ClaimIds(row.shape) == row.frames);
    }
  }
}

}  // namespace
}  // namespace whosaid::attribution
