// TextIndex: texts to a place in a list, for the names an agreement is looked up by (a
// classification's printed name, French name and id, as written and normalised).
//
// Built once when the agreement is loaded; then every person of every batch is found by one look-up
// of the name typed on the timecard, so the look-up is what costs. A text is hashed from its length
// and its first and last eight bytes (a few instructions, whatever its length), into an open-address
// table at most half full; a slot whose hash matches is confirmed by comparing the whole text, so
// texts that share their ends ("1st Assistant Director", "2nd Assistant Director") are told apart,
// only at the price of a comparison.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plateau::agreement {

class TextIndex {
 public:
  // Adds `text` at `place`, unless `text` is already in: the first place given for a text wins.
  // Returns whether it was added.
  bool emplace(std::string_view text, std::size_t place);
  // The place of `text`, exactly as added (bytes compared, no normalising); nullopt when absent.
  std::optional<std::size_t> find(std::string_view text) const;
  std::size_t size() const { return texts_.size(); }

  // The hash a text is filed under (for the tests: texts that share it must still be told apart).
  static std::uint64_t hash(std::string_view text);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t text = kEmpty;  // place in texts_ and places_, or kEmpty
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  std::optional<std::uint32_t> slot_of(std::string_view text, std::uint64_t text_hash) const;
  void rebuild(std::size_t slot_count);

  std::vector<std::string> texts_;
  std::vector<std::size_t> places_;
  std::vector<Slot> slots_;  // a power of two in size, at most half full
};

}  // namespace plateau::agreement
