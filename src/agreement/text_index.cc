// TextIndex (see text_index.h).
#include "agreement/text_index.h"

#include <bit>
#include <cstring>

namespace plateau::agreement {
namespace {

constexpr std::size_t kWord = sizeof(std::uint64_t);
// Odd 64-bit constants of the kind hash mixers use (these are splitmix64's): multiplying by them
// spreads every input bit over the high bits of the product.
constexpr std::uint64_t kMixLength = 0x9e3779b97f4a7c15ULL;
constexpr std::uint64_t kMixFirst = 0xbf58476d1ce4e5b9ULL;
constexpr std::uint64_t kMixLast = 0x94d049bb133111ebULL;
constexpr int kFoldShift = 31;
constexpr std::size_t kFirstSlotCount = 16;

std::uint64_t load_word(const char* at) {
  std::uint64_t word;
  std::memcpy(&word, at, kWord);
  return word;
}

}  // namespace

std::uint64_t TextIndex::hash(std::string_view text) {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  if (text.size() >= kWord) {
    first = load_word(text.data());
    last = load_word(text.data() + text.size() - kWord);  // overlaps `first` below 16 bytes
  } else if (!text.empty()) {
    std::memcpy(&first, text.data(), text.size());
  }
  std::uint64_t h = (text.size() + 1) * kMixLength;
  h ^= first * kMixFirst;
  h ^= std::rotl(last * kMixLast, kFoldShift);
  return h ^ (h >> kFoldShift);
}

std::optional<std::uint32_t> TextIndex::slot_of(std::string_view text, std::uint64_t text_hash) const {
  if (slots_.empty()) return std::nullopt;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = text_hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.text == kEmpty) return static_cast<std::uint32_t>(at);  // not in: where it would go
    if (slot.hash == text_hash && texts_[slot.text] == text) return static_cast<std::uint32_t>(at);
  }
}

std::optional<std::size_t> TextIndex::find(std::string_view text) const {
  const auto at = slot_of(text, hash(text));
  if (!at || slots_[*at].text == kEmpty) return std::nullopt;
  return places_[slots_[*at].text];
}

bool TextIndex::emplace(std::string_view text, std::size_t place) {
  if ((texts_.size() + 1) * 2 > slots_.size()) rebuild(slots_.empty() ? kFirstSlotCount : slots_.size() * 2);
  const std::uint64_t text_hash = hash(text);
  const std::uint32_t at = *slot_of(text, text_hash);  // the table is at most half full: a slot is free
  if (slots_[at].text != kEmpty) return false;
  slots_[at] = Slot{text_hash, static_cast<std::uint32_t>(texts_.size())};
  texts_.emplace_back(text);
  places_.push_back(place);
  return true;
}

void TextIndex::rebuild(std::size_t slot_count) {
  slots_.assign(slot_count, Slot{});
  const std::size_t mask = slot_count - 1;
  for (std::uint32_t i = 0; i < texts_.size(); ++i) {
    const std::uint64_t text_hash = hash(texts_[i]);
    std::size_t at = text_hash & mask;
    while (slots_[at].text != kEmpty) at = (at + 1) & mask;
    slots_[at] = Slot{text_hash, i};
  }
}

}  // namespace plateau::agreement
