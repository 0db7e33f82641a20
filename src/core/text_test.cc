// Tests of core/text.h: edit distances for "did you mean", and strings grown for overwriting.
#include "core/text.h"

#include <string>

#include <gtest/gtest.h>

namespace plateau {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndReplacements) {
  EXPECT_EQ(edit_distance("member", "member"), 0U);
  EXPECT_EQ(edit_distance("membr", "member"), 1U);     // one insertion
  EXPECT_EQ(edit_distance("memberr", "member"), 1U);   // one deletion
  EXPECT_EQ(edit_distance("mamber", "member"), 1U);    // one replacement
  EXPECT_EQ(edit_distance("", "daily"), 5U);
  EXPECT_EQ(edit_distance("weekly", "daily"), 4U);     // w→d, e→a, e→i, k deleted
}

TEST(ResizeForOverwrite, KeepsTheTextBeforeAndGrowsToTheSizeAsked) {
  std::string text = "plateau";
  resize_for_overwrite(text, 4096);
  ASSERT_EQ(text.size(), 4096U);
  EXPECT_EQ(text.substr(0, 7), "plateau");
  text[7] = '!';
  text[4095] = '.';
  resize_for_overwrite(text, 8);
  EXPECT_EQ(text, "plateau!");
}

// Grown by less than its capacity doubled, a string's capacity doubles (libstdc++'s policy); its
// size is still the one asked for (GCC 12's resize_and_overwrite tells the operation the capacity).
TEST(ResizeForOverwrite, TheSizeIsTheOneAskedForWhenTheCapacityDoubles) {
  std::string text(3000, 'a');
  text.shrink_to_fit();
  resize_for_overwrite(text, 4000);
  EXPECT_EQ(text.size(), 4000U);
  EXPECT_EQ(text.substr(0, 3000), std::string(3000, 'a'));
}

}  // namespace
}  // namespace plateau
