// TextIndex: every text added is found at its first place, exactly as added; a text never added
// is not found, whatever hash it shares with texts that were.
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement/text_index.h"

namespace plateau::agreement {
namespace {

TEST(TextIndex, FindsEachTextAtTheFirstPlaceGiven) {
  TextIndex index;
  EXPECT_TRUE(index.emplace("1st Assistant Director", 0));
  EXPECT_TRUE(index.emplace("first_assistant_director", 0));
  EXPECT_TRUE(index.emplace("2nd Assistant Director", 1));
  EXPECT_FALSE(index.emplace("1st Assistant Director", 7));  // already in: the first place stays
  EXPECT_EQ(index.size(), 3U);
  EXPECT_EQ(index.find("1st Assistant Director"), 0U);
  EXPECT_EQ(index.find("2nd Assistant Director"), 1U);
  EXPECT_EQ(index.find("first_assistant_director"), 0U);
  EXPECT_EQ(index.find("3rd Assistant Director"), std::nullopt);
  EXPECT_EQ(index.find("1st assistant director"), std::nullopt);  // bytes as added: no normalising
  EXPECT_EQ(index.find(""), std::nullopt);
}

TEST(TextIndex, AnEmptyIndexFindsNothing) {
  const TextIndex index;
  EXPECT_EQ(index.find("Director"), std::nullopt);
  EXPECT_EQ(index.find(""), std::nullopt);
}

TEST(TextIndex, ShortTextsAndTheEmptyText) {
  TextIndex index;
  EXPECT_TRUE(index.emplace("", 4));
  EXPECT_TRUE(index.emplace("a", 5));
  EXPECT_TRUE(index.emplace("ab", 6));
  EXPECT_TRUE(index.emplace("abcdefgh", 7));   // exactly one word
  EXPECT_TRUE(index.emplace("abcdefghi", 8));  // the two words overlap
  EXPECT_EQ(index.find(""), 4U);
  EXPECT_EQ(index.find("a"), 5U);
  EXPECT_EQ(index.find("ab"), 6U);
  EXPECT_EQ(index.find("abcdefgh"), 7U);
  EXPECT_EQ(index.find("abcdefghi"), 8U);
  EXPECT_EQ(index.find("abc"), std::nullopt);
}

// The hash reads a text's length and its first and last eight bytes only: texts that differ in
// their middle share it, and are still told apart by the comparison.
TEST(TextIndex, TextsThatShareTheirHashAreToldApart) {
  const std::string first = "Production Coordinator, Director";
  const std::string second = "Production Xoordinator, Director";
  ASSERT_EQ(TextIndex::hash(first), TextIndex::hash(second));
  TextIndex index;
  EXPECT_TRUE(index.emplace(first, 1));
  EXPECT_EQ(index.find(second), std::nullopt);
  EXPECT_TRUE(index.emplace(second, 2));
  EXPECT_EQ(index.find(first), 1U);
  EXPECT_EQ(index.find(second), 2U);
}

// Against std::map over many texts (the table grows several times on the way): the same place for
// every text added, the first one given winning, and nothing for a text not added.
RC_GTEST_PROP(TextIndexProperty, AgreesWithAMap, (const std::vector<std::string>& texts, const std::string& other)) {
  TextIndex index;
  std::map<std::string, std::size_t> expected;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const bool added = expected.emplace(texts[i], i).second;
    RC_ASSERT(index.emplace(texts[i], i) == added);
  }
  RC_ASSERT(index.size() == expected.size());
  for (const auto& [text, place] : expected) RC_ASSERT(index.find(text) == std::optional<std::size_t>(place));
  if (!expected.contains(other)) RC_ASSERT(index.find(other) == std::nullopt);
}

TEST(TextIndex, ManyTextsWithTheSameEnds) {
  // 500 texts of one length, the same first and last eight bytes: one hash for all.
  TextIndex index;
  const auto text = [](int i) { return "Assistant " + std::to_string(1000 + i) + " Director"; };
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(index.emplace(text(i), static_cast<std::size_t>(i)));
  for (int i = 0; i < 500; ++i) ASSERT_EQ(index.find(text(i)), static_cast<std::size_t>(i)) << i;
  EXPECT_EQ(index.find(text(500)), std::nullopt);
}

}  // namespace
}  // namespace plateau::agreement
