#include "io/batch_json.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "core/limits.h"

namespace plateau::io {

namespace {

namespace od = simdjson::ondemand;
using engine::Batch;
using engine::CrewInput;
using engine::DayInput;

constexpr std::string_view kInputFormat = "plateau-payroll/1";

std::string quote_text(std::string_view text) {
  constexpr std::size_t kShown = 60;
  if (text.size() > kShown) return "\"" + std::string(text.substr(0, kShown)) + "…\"";
  return "\"" + std::string(text) + "\"";
}

std::string describe(od::json_type type) {
  switch (type) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "true or false";
    case od::json_type::null: return "null";
  }
  return "a value";
}

// Where a value is in the document, as messages name it ("crew[0].days[3].wrap"). Built on the
// stack as the reader descends and rendered only when a message needs it, so reading a valid
// batch builds no path strings.
class Path {
 public:
  Path() = default;  // the document itself
  Path(const Path& parent, std::string_view key) : parent_(&parent), key_(key), kind_(Kind::key) {}
  Path(const Path& parent, std::size_t index) : parent_(&parent), index_(index), kind_(Kind::index) {}

  std::string str() const {
    std::string out = parent_ == nullptr ? std::string() : parent_->str();
    if (kind_ == Kind::key) {
      if (!out.empty()) out += '.';
      out += key_;
    } else if (kind_ == Kind::index) {
      out += '[' + std::to_string(index_) + ']';
    }
    return out;
  }
  operator std::string() const { return str(); }  // NOLINT: a path is read as its text in messages
  friend std::string operator+(const Path& path, std::string_view text) { return path.str() + std::string(text); }

 private:
  enum class Kind { document, key, index };
  const Path* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  Kind kind_ = Kind::document;
};

// How many elements an array may have (core/limits.h), and what to call them in the refusal.
struct ItemLimit {
  std::size_t max_items;
  std::string_view items;  // "people"
  std::string_view hint = {};  // said after the limit: " (…)"
};

constexpr ItemLimit kPeople{limits::kMaxPeoplePerBatch, "people",
                            " (split a larger payroll into batches: compute --ndjson reads one batch per line)"};
constexpr ItemLimit kDays{limits::kMaxDaysPerPerson, "days", " for one person in one batch"};
constexpr ItemLimit kMeals{limits::kMaxMealsPerDay, "meal breaks", " on one day"};
constexpr ItemLimit kListItems{limits::kMaxListItems, "entries"};

// The longest key of the format ("production_gross_to_date"), and so the longest KeyWords holds.
constexpr std::size_t kMaxKeyBytes = 24;

// `Count` bytes of `text` as the low bytes of a number, the first lowest: one load at run time (on
// a little-endian machine), and the same number at compile time.
template <std::size_t Count>
constexpr std::uint64_t load_bytes(const char* text) {
  static_assert(Count <= sizeof(std::uint64_t));
  if (!std::is_constant_evaluated() && std::endian::native == std::endian::little) {
    std::uint64_t out = 0;
    std::memcpy(&out, text, Count);
    return out;
  }
  std::uint64_t out = 0;
  for (std::size_t i = 0; i < Count; ++i) out |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
  return out;
}

// The bytes of a text of at most kMaxKeyBytes, in three numbers: two texts of the same length are
// equal exactly when these are. Read by a few loads of 8 bytes (or 4, or 1, for short texts) that
// overlap rather than read past the text's end, in place of a call to memcmp.
struct KeyWords {
  std::uint64_t first = 0, middle = 0, last = 0;

  [[gnu::always_inline]] static constexpr KeyWords of(std::string_view text) {
    constexpr std::size_t kWord = 8, kHalf = 4, kTwoWords = 16;
    const char* at = text.data();
    const std::size_t size = text.size();
    KeyWords words;
    if (size >= kWord) {
      words.first = load_bytes<kWord>(at);
      words.middle = size > kTwoWords ? load_bytes<kWord>(at + kWord) : 0;
      words.last = load_bytes<kWord>(at + size - kWord);
    } else if (size >= kHalf) {
      words.first = load_bytes<kHalf>(at) | (load_bytes<kHalf>(at + size - kHalf) << (8 * kHalf));
    } else if (size > 0) {
      words.first = load_bytes<1>(at) | (load_bytes<1>(at + size / 2) << 8) | (load_bytes<1>(at + size - 1) << 16);
    }
    return words;
  }
  friend constexpr bool operator==(const KeyWords&, const KeyWords&) = default;
};

// The keys an object of the format may have, in the order its refusals list them, each standing
// for an enumerator of `Key` (the n-th name for the n-th enumerator). A key as written in the
// document is compared, under a mask, with the names that begin with its first byte
// (find_unescaped); only a key that is not one of them as written (escaped, or unknown) is
// unescaped and found by its length (a bit per name of each length) and its bytes as KeyWords.
// Either way a field costs a few comparisons of numbers, no call to memcmp; and, every key being
// one of a few, a bit per key says which were given already.
template <class Key, std::size_t N>
class ObjectKeys {
 public:
  static_assert(N <= 64, "a bit per key in one 64-bit word");
  consteval explicit ObjectKeys(const std::string_view (&names)[N]) {
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i].size() > kMaxKeyBytes) throw "a key longer than kMaxKeyBytes";  // fails the compilation
      names_[i] = names[i];
      words_[i] = KeyWords::of(names[i]);
      of_length_[names[i].size()] |= std::uint64_t{1} << i;
      if (names[i].empty()) throw "an empty key";  // fails the compilation
      of_first_byte_[static_cast<unsigned char>(names[i].front())] |= std::uint64_t{1} << i;
      // The name then its closing quote, and which bytes of kRawWords words those are.
      for (std::size_t byte = 0; byte <= names[i].size(); ++byte) {
        const char c = byte < names[i].size() ? names[i][byte] : '"';
        const std::size_t shift = 8 * (byte % sizeof(std::uint64_t));
        quoted_[i][byte / sizeof(std::uint64_t)] |= std::uint64_t{static_cast<unsigned char>(c)} << shift;
        quoted_mask_[i][byte / sizeof(std::uint64_t)] |= std::uint64_t{0xFF} << shift;
      }
    }
  }

  // The key whose text in the document starts at `raw` (just past its opening quote), if it is
  // one of the names written as is, without escapes (as keys always are in practice): found
  // without unescaping the key into the parser's string buffer. `raw` must be followed by at
  // least kRawWords * 8 readable bytes (the document's padding is more than that).
  std::optional<Key> find_unescaped(const char* raw) const {
    std::uint64_t candidates = of_first_byte_[static_cast<unsigned char>(raw[0])];
    if (candidates == 0) return std::nullopt;
    std::array<std::uint64_t, kRawWords> words;  // the next kRawWords * 8 bytes, read whatever they are
    for (std::size_t w = 0; w < kRawWords; ++w) words[w] = load_bytes<sizeof(std::uint64_t)>(raw + w * sizeof(std::uint64_t));
    for (; candidates != 0; candidates &= candidates - 1) {
      const auto i = static_cast<std::size_t>(std::countr_zero(candidates));
      // The name's bytes, then the closing quote: not an escaped one, as the name has no backslash.
      std::uint64_t differ = 0;
      for (std::size_t w = 0; w < kRawWords; ++w) differ |= (words[w] ^ quoted_[i][w]) & quoted_mask_[i][w];
      if (differ == 0) return static_cast<Key>(i);
    }
    return std::nullopt;
  }

  std::optional<Key> find(std::string_view key) const {
    if (key.size() > kMaxKeyBytes) return std::nullopt;
    std::uint64_t candidates = of_length_[key.size()];
    if (candidates == 0) return std::nullopt;
    const KeyWords words = KeyWords::of(key);
    for (; candidates != 0; candidates &= candidates - 1) {
      const auto i = static_cast<std::size_t>(std::countr_zero(candidates));
      if (words_[i] == words) return static_cast<Key>(i);
    }
    return std::nullopt;
  }
  std::string_view name(Key key) const { return names_[static_cast<std::size_t>(key)]; }

  Error unknown(const Path& path) const {
    std::string names;
    for (auto name : names_) names += (names.empty() ? "" : ", ") + std::string(name);
    return Error{path + ": unknown key; expected one of " + names};
  }

 private:
  std::array<std::string_view, N> names_{};
  std::array<KeyWords, N> words_{};
  std::array<std::uint64_t, kMaxKeyBytes + 1> of_length_{};  // bit i: names_[i] has that length
  std::array<std::uint64_t, 256> of_first_byte_{};           // bit i: names_[i] begins with that byte
  // Enough 8-byte words for the longest name and its closing quote.
  static constexpr std::size_t kRawWords = (kMaxKeyBytes + 1 + sizeof(std::uint64_t) - 1) / sizeof(std::uint64_t);
  static_assert(kRawWords * sizeof(std::uint64_t) < simdjson::SIMDJSON_PADDING, "read within the document's padding");
  std::array<std::array<std::uint64_t, kRawWords>, N> quoted_{};       // names_[i] then '"', the first byte lowest
  std::array<std::array<std::uint64_t, kRawWords>, N> quoted_mask_{};  // 0xFF for each byte of quoted_[i]
};

// Which keys of an object were given: the bits object() kept to refuse a key given twice.
template <class Key>
class KeysGiven {
 public:
  KeysGiven() = default;
  explicit KeysGiven(std::uint64_t bits) : bits_(bits) {}
  bool has(Key key) const { return ((bits_ >> static_cast<unsigned>(key)) & 1U) != 0; }

 private:
  std::uint64_t bits_ = 0;  // bit n: the n-th enumerator of Key
};

template <class Key, std::size_t N>
consteval ObjectKeys<Key, N> keys_of(const std::string_view (&names)[N]) {
  return ObjectKeys<Key, N>(names);
}

// The ids of a batch's people, to refuse one given twice: an open-addressing table of views into
// the parser's buffer (alive for the document), kept from document to document with its memory.
// A node-based set would allocate once per person. Cleared in constant time: a slot holds an id
// only if it was filled in the current generation.
class IdSet {
 public:
  void clear() {
    ++generation_;
    count_ = 0;
  }

  // False if `id` was inserted already (since clear()). `id` is not empty.
  bool insert(std::string_view id) {
    // At most half full, so that a probe ends soon on an empty slot.
    if (2 * (count_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string_view>{}(id) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.generation != generation_) {
        slot = {id, generation_};
        ++count_;
        return true;
      }
      if (slot.id == id) return false;
    }
  }

 private:
  struct Slot {
    std::string_view id;
    std::uint64_t generation = 0;  // the table's generations start at 1: a new slot is empty
  };

  void grow() {
    constexpr std::size_t kFirstSlots = 64;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? kFirstSlots : 2 * old.size(), Slot{});
    count_ = 0;
    for (const Slot& slot : old) {
      if (slot.generation == generation_) insert(slot.id);
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
  std::uint64_t generation_ = 1;
};

// Reading into a batch that held the previous one. A struct copy-assigned from a new one gets
// every field's default, fields added later included, and keeps its memory: assigning a string,
// or a vector of plain values, reuses its buffer when it is large enough. Only vectors of structs
// that own memory themselves (the crew, a person's days) are reused element by element instead.
const CrewInput kNewPerson{};
const DayInput kNewDay{};
const engine::DistantFacts kNewDistant{};
const Batch kNewBatch{};

// The element at `index` of `items`, to read the index-th item of a document into (not yet
// reset): one a previous batch left there, else one from `spare`, else a new one.
template <class T>
T& item_at(std::vector<T>& items, std::size_t index, std::vector<T>& spare) {
  if (index < items.size()) return items[index];
  if (spare.empty()) return items.emplace_back();
  items.push_back(std::move(spare.back()));
  spare.pop_back();
  return items.back();
}

// One of `spare`, or a new T (not reset).
template <class T>
T take_spare(std::vector<T>& spare) {
  if (spare.empty()) return T{};
  T taken = std::move(spare.back());
  spare.pop_back();
  return taken;
}

// Keeps the first `count` of `items`, moving the others to `spare` with their memory.
template <class T>
void keep_first(std::vector<T>& items, std::size_t count, std::vector<T>& spare) {
  if (count >= items.size()) return;
  for (auto it = items.begin() + static_cast<std::ptrdiff_t>(count); it != items.end(); ++it) {
    spare.push_back(std::move(*it));
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(count), items.end());
}

// Walks the document, keeping paths for messages. Every method returns an Error that names
// the path; the first error ends the read.
// A meal break of a day as read, before its times are parsed on the day's date.
struct PendingMeal {
  std::string_view start, end;  // in the parser's buffer
  std::size_t index = 0;
  bool shot_in_progress = false;
};

class Reader {
 public:
  // The meals of the day being read: one vector for all batches, cleared for each day.
  std::vector<PendingMeal> pending_meals;
  // The ids of the people read so far in this document.
  IdSet ids;
  // People and days that a previous batch had and the one being read does not (yet): kept with
  // their memory for the next batch that has more, rather than freed and allocated again.
  std::vector<CrewInput> spare_people;
  std::vector<DayInput> spare_days;
  std::vector<engine::DistantFacts> spare_distant;  // of days reset since

  // Ready for a new document.
  void start() {
    syntax_error_ = false;
    ids.clear();
  }

  // Whether the read stopped at text that is not JSON (the message is then located by line and
  // column, locate_syntax_error), rather than at JSON that is not a batch.
  bool syntax_error() const { return syntax_error_; }

  Result<od::json_type> type_of(od::value& value, const Path& path) {
    od::json_type type;
    if (auto error = value.type().get(type)) return not_json(path, error);
    return type;
  }

  // The text of a string, in the parser's buffer (alive as long as the document).
  // Inlined where it is called, with the refusals in a function of their own, so that reading a
  // string needs no stack frame for the strings of the messages.
  [[gnu::always_inline]] Result<std::string_view> string_view(od::value& value, const Path& path,
                                                              std::string_view expected) {
    // Most values asked for as text are text: take it first, and ask for the type only to explain
    // a refusal (a value of the wrong type is left as it was, so it can still be asked about).
    std::string_view text;
    const simdjson::error_code error = value.get_string().get(text);
    if (error == simdjson::SUCCESS && text.size() <= limits::kMaxTextBytes) [[likely]] {
      return text;
    }
    return not_a_string(value, path, expected, error, text);
  }

  // Why string_view() refused `value`.
  [[gnu::noinline]] Result<std::string_view> not_a_string(od::value& value, const Path& path, std::string_view expected,
                                                          simdjson::error_code error, std::string_view text) {
    if (error == simdjson::SUCCESS) return too_long(path, "text", text.size());
    if (error != simdjson::INCORRECT_TYPE) return fail(path + ": invalid string (" + simdjson::error_message(error) + ")");
    auto type = type_of(value, path);
    if (!type) return tl::unexpected(type.error());
    if (*type != od::json_type::string) return fail(path + ": expected " + std::string(expected) + "; found " + describe(*type));
    return fail(path + ": invalid string (" + simdjson::error_message(error) + ")");
  }

  // Text of a string, or the literal text of a number (for money).
  Result<std::string_view> number_text(od::value& value, const Path& path, std::string_view expected) {
    // As string_view(): the text first (amounts are mostly given as strings), the value's type
    // only when it is not one.
    std::string_view text;
    const simdjson::error_code error = value.get_string().get(text);
    if (error == simdjson::SUCCESS && text.size() <= limits::kMaxTextBytes) return text;
    if (error != simdjson::INCORRECT_TYPE) return not_a_string(value, path, expected, error, text);
    auto type = type_of(value, path);
    if (!type) return tl::unexpected(type.error());
    if (*type != od::json_type::number) return fail(path + ": expected " + std::string(expected) + "; found " + describe(*type));
    std::string_view raw = value.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t')) {
      raw.remove_suffix(1);
    }
    if (raw.size() > limits::kMaxTextBytes) return too_long(path, "number", raw.size());
    return raw;
  }

  // Inlined, its refusals out of line, as string_view().
  [[gnu::always_inline]] Result<bool> boolean(od::value& value, const Path& path) {
    // As string_view(): the value first, its type only to explain a refusal.
    bool out = false;
    const simdjson::error_code error = value.get_bool().get(out);
    if (error == simdjson::SUCCESS) [[likely]] return out;
    return not_a_boolean(value, path, error);
  }

  [[gnu::noinline]] Result<bool> not_a_boolean(od::value& value, const Path& path, simdjson::error_code error) {
    auto type = type_of(value, path);
    if (!type) return tl::unexpected(type.error());
    if (*type != od::json_type::boolean) return fail(path + ": expected true or false; found " + describe(*type));
    return fail(path + ": expected true or false (" + simdjson::error_message(error) + ")");
  }

  Result<Money> money(od::value& value, const Path& path) {
    constexpr std::string_view expected = "a decimal amount with at most 2 decimals, like \"755.00\"";
    auto text = number_text(value, path, expected);
    if (!text) return tl::unexpected(text.error());
    auto parsed = Money::parse(*text);
    if (!parsed) return tl::unexpected(parsed.error().at(path));
    return *parsed;
  }

  // Inlined, its refusals out of line, as string_view().
  [[gnu::always_inline]] Result<Date> date(od::value& value, const Path& path) {
    auto text = string_view(value, path, "a date YYYY-MM-DD");
    if (!text) [[unlikely]] return tl::unexpected(text.error());
    auto parsed = parse_date(*text);
    if (!parsed) [[unlikely]] return not_a_date(parsed.error(), path);
    return *parsed;
  }

  [[gnu::noinline]] static tl::unexpected<Error> not_a_date(const Error& error, const Path& path) {
    return tl::unexpected(error.at(path));
  }

  Result<Weekday> weekday(od::value& value, const Path& path) {
    auto text = string_view(value, path, "a weekday like \"sunday\"");
    if (!text) return tl::unexpected(text.error());
    auto parsed = parse_weekday(*text);
    if (!parsed) return tl::unexpected(parsed.error().at(path));
    return *parsed;
  }

  template <class Enum>
  Result<Enum> choice(od::value& value, const Path& path,
                      std::initializer_list<std::pair<std::string_view, Enum>> options) {
    const auto names = [&] {
      std::string out;
      for (const auto& [name, unused] : options) out += (out.empty() ? "" : ", ") + std::string(name);
      return out;
    };
    // As string_view(): the text first, the value's type only to explain a refusal.
    std::string_view text;
    if (const simdjson::error_code error = value.get_string().get(text)) {
      if (error != simdjson::INCORRECT_TYPE) return fail(path + ": invalid string (" + simdjson::error_message(error) + ")");
      auto type = type_of(value, path);
      if (!type) return tl::unexpected(type.error());
      return fail(path + ": expected one of " + names() + "; found " + describe(*type));
    }
    for (const auto& [name, option] : options) {
      if (text == name) return option;
    }
    return fail(path + ": expected one of " + names() + "; found " + quote_text(text));
  }

  // Calls visit(key, value, path) for each field, `key` being which of `keys` it is; rejects
  // unknown and duplicate keys, and non-objects. Says which keys were given.
  template <class Key, std::size_t N, class Visit>
  Result<KeysGiven<Key>> object(od::value& value, const Path& path, const ObjectKeys<Key, N>& keys, Visit&& visit) {
    // As string_view(): the object first, the value's type only to explain a refusal (a value of
    // another type is left as it was).
    od::object object;
    if (const simdjson::error_code error = value.get_object().get(object)) {
      if (error != simdjson::INCORRECT_TYPE) return not_json(path, error);
      auto type = type_of(value, path);
      if (!type) return tl::unexpected(type.error());
      return fail(path + ": expected an object; found " + describe(*type));
    }
    std::uint64_t seen = 0;  // a bit per key of `keys` given so far
    for (auto field_result : object) {
      if (auto error = field_result.error()) return not_json(path, error);
      od::field& field = field_result.value_unsafe();  // in place, not a copy: the error was checked
      // A key written as is is found in the document; any other (escaped, or unknown) is
      // unescaped first, as simdjson reads keys.
      std::optional<Key> key = keys.find_unescaped(field.key().raw());
      std::string_view key_text;  // the name, or in the parser's buffer: alive for the whole document
      if (key) {
        key_text = keys.name(*key);
      } else {
        if (auto error = field.unescaped_key().get(key_text)) {
          return fail(path + ": invalid key (" + simdjson::error_message(error) + ")");
        }
        if (key_text.size() > limits::kMaxTextBytes) return too_long(path, "key", key_text.size());
        key = keys.find(key_text);
      }
      const Path field_path(path, key_text);
      if (!key) return tl::unexpected(keys.unknown(field_path));
      const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(*key);
      if ((seen & bit) != 0) return fail(field_path + ": duplicate key; expected each key once");
      seen |= bit;
      od::value& field_value = field.value();  // in `field`, not a copy
      auto visited = visit(*key, field_value, field_path);
      if (!visited) return tl::unexpected(visited.error());
    }
    return KeysGiven<Key>(seen);
  }

  // Calls visit(element, path, index) for each element, of which there may be at most
  // `limit.max_items`; rejects non-arrays.
  template <class Visit>
  Result<void> array(od::value& value, const Path& path, const ItemLimit& limit, Visit&& visit) {
    // As object().
    od::array array;
    if (const simdjson::error_code error = value.get_array().get(array)) {
      if (error != simdjson::INCORRECT_TYPE) return not_json(path, error);
      auto type = type_of(value, path);
      if (!type) return tl::unexpected(type.error());
      return fail(path + ": expected an array; found " + describe(*type));
    }
    std::size_t index = 0;
    for (auto element_result : array) {
      if (index == limit.max_items) {
        return fail(path + ": found more than " + std::to_string(limit.max_items) + " " + std::string(limit.items) +
                    "; expected at most " + std::to_string(limit.max_items) + std::string(limit.hint));
      }
      if (auto error = element_result.error()) return not_json(path, error);
      od::value& element = element_result.value_unsafe();  // in place, not a copy: the error was checked
      auto visited = visit(element, Path(path, index), index);
      if (!visited) return visited;
      ++index;
    }
    return {};
  }

 private:
  tl::unexpected<Error> not_json(const Path& path, simdjson::error_code error) {
    syntax_error_ = true;
    return fail(path + ": invalid JSON (" + simdjson::error_message(error) + ")");
  }

  static tl::unexpected<Error> too_long(const Path& path, std::string_view what, std::size_t bytes) {
    const std::string place = path.str();
    return fail((place.empty() ? std::string("the document") : place) + ": found a " + std::string(what) + " of " + std::to_string(bytes) + " bytes; expected at most " +
                std::to_string(limits::kMaxTextBytes) + " bytes");
  }

  bool syntax_error_ = false;
};

// Early return of a failed Result. Each expansion names its temporary uniquely, because the
// expressions nest (an array reader's callback reads the elements).
#define PLATEAU_CONCAT_INNER(a, b) a##b
#define PLATEAU_CONCAT(a, b) PLATEAU_CONCAT_INNER(a, b)
#define PLATEAU_TRY_ASSIGN_IMPL(name, target, expression) \
  do {                                                    \
    auto name = (expression);                             \
    if (!name) return tl::unexpected(name.error());       \
    target = std::move(*name);                            \
  } while (false)
#define PLATEAU_TRY_IMPL(name, expression)          \
  do {                                              \
    auto name = (expression);                       \
    if (!name) return tl::unexpected(name.error()); \
  } while (false)
#define PLATEAU_TRY_ASSIGN(target, expression) \
  PLATEAU_TRY_ASSIGN_IMPL(PLATEAU_CONCAT(plateau_result_, __COUNTER__), target, expression)
#define PLATEAU_TRY(expression) PLATEAU_TRY_IMPL(PLATEAU_CONCAT(plateau_result_, __COUNTER__), expression)

enum class ProductionKey { title, agreement, production_type, week_starts_on, time_zone, regular_days_off, declared_holidays };
constexpr auto kProductionKeys = keys_of<ProductionKey>({"title", "agreement", "production_type", "week_starts_on",
                                                         "time_zone", "regular_days_off", "declared_holidays"});

Result<KeysGiven<ProductionKey>> read_production(Reader& r, od::value& value, const Path& path,
                                                engine::Production& production) {
  return r.object(value, path, kProductionKeys, [&](ProductionKey key, od::value& v, const Path& p) -> Result<void> {
    switch (key) {
      case ProductionKey::title:
        PLATEAU_TRY_ASSIGN(production.title, r.string_view(v, p, "a title"));
        break;
      case ProductionKey::agreement:
        PLATEAU_TRY_ASSIGN(production.agreement, r.string_view(v, p, "an agreement id like \"dgc-quebec\""));
        break;
      case ProductionKey::production_type:
        PLATEAU_TRY_ASSIGN(production.production_type, r.string_view(v, p, "a production type like \"theatrical\""));
        break;
      case ProductionKey::week_starts_on:
        PLATEAU_TRY_ASSIGN(production.week_starts_on, r.weekday(v, p));
        break;
      case ProductionKey::time_zone:
        PLATEAU_TRY_ASSIGN(production.time_zone, r.string_view(v, p, "an IANA time zone like \"America/Toronto\""));
        break;
      case ProductionKey::regular_days_off:
        production.regular_days_off.clear();
        PLATEAU_TRY(r.array(v, p, kListItems, [&](od::value& element, const Path& ep, std::size_t) -> Result<void> {
          Weekday day;
          PLATEAU_TRY_ASSIGN(day, r.weekday(element, ep));
          production.regular_days_off.push_back(day);
          return {};
        }));
        break;
      case ProductionKey::declared_holidays:
        PLATEAU_TRY(r.array(v, p, kListItems, [&](od::value& element, const Path& ep, std::size_t) -> Result<void> {
          Date day;
          PLATEAU_TRY_ASSIGN(day, r.date(element, ep));
          production.declared_holidays.push_back(day);
          return {};
        }));
        break;
    }
    return {};
  });
}

enum class DistantKey { currency, meals_provided, beyond_one_hour_drive };
constexpr auto kDistantKeys = keys_of<DistantKey>({"currency", "meals_provided", "beyond_one_hour_drive"});

Result<void> read_distant(Reader& r, od::value& value, const Path& path, engine::DistantFacts& distant) {
  PLATEAU_TRY(r.object(value, path, kDistantKeys, [&](DistantKey key, od::value& v, const Path& p) -> Result<void> {
    switch (key) {
      case DistantKey::currency:
        PLATEAU_TRY_ASSIGN(distant.currency, r.string_view(v, p, "a currency code like \"CAD\" or \"USD\""));
        break;
      case DistantKey::meals_provided:
        PLATEAU_TRY(r.array(v, p, kListItems, [&](od::value& element, const Path& ep, std::size_t) -> Result<void> {
          std::string_view meal;
          PLATEAU_TRY_ASSIGN(meal, r.string_view(element, ep, "breakfast, lunch or supper"));
          const auto& known = engine::kProvidedMealNames;
          if (std::find(known.begin(), known.end(), meal) == known.end()) {
            return fail(ep + ": expected breakfast, lunch or supper; found " + quote_text(meal));
          }
          if (std::find(distant.meals_provided.begin(), distant.meals_provided.end(), meal) != distant.meals_provided.end()) {
            return fail(ep + ": " + quote_text(meal) + " is listed twice; expected each meal once");
          }
          distant.meals_provided.emplace_back(meal);
          return {};
        }));
        break;
      case DistantKey::beyond_one_hour_drive:
        PLATEAU_TRY_ASSIGN(distant.beyond_one_hour_drive, r.boolean(v, p));
        break;
    }
    return {};
  }));
  return {};
}

enum class MealKey { start, end, shot_in_progress };
constexpr auto kMealKeys = keys_of<MealKey>({"start", "end", "shot_in_progress"});

enum class DayKey {
  date, call, wrap, meals, general_crew_call, ndb, snack, location, zone_departure, zone_return, distant,
  premium_approved, reduced_weekend_rest, worked
};
constexpr auto kDayKeys = keys_of<DayKey>({"date", "call", "wrap", "meals", "general_crew_call", "ndb", "snack",
                                           "location", "zone_departure", "zone_return", "distant", "premium_approved",
                                           "reduced_weekend_rest", "worked"});

Result<void> read_day(Reader& r, od::value& value, const Path& path, DayInput& day) {
  // The date comes first in meaning (times are read on it) but not necessarily in the text:
  // keep time texts until the object is read, then parse them on the date.
  struct PendingTime {
    DayKey key;
    std::string_view text;  // in the parser's buffer
  };
  // call, wrap, general_crew_call, snack, zone_departure, zone_return: each at most once (object()
  // refuses a key given twice), so they fit on the stack.
  constexpr std::size_t kTimeKeys = 6;
  std::array<PendingTime, kTimeKeys> times;
  std::size_t time_count = 0;
  std::vector<PendingMeal>& meals = r.pending_meals;
  meals.clear();
  constexpr std::string_view time_expected = "a time HH:MM, like \"07:00\" or \"26:15\"";
  KeysGiven<DayKey> given;
  PLATEAU_TRY_ASSIGN(given, r.object(value, path, kDayKeys, [&](DayKey key, od::value& v, const Path& p) -> Result<void> {
    switch (key) {
      case DayKey::date:
        PLATEAU_TRY_ASSIGN(day.date, r.date(v, p));
        break;
      case DayKey::call:
      case DayKey::wrap:
      case DayKey::general_crew_call:
      case DayKey::snack:
      case DayKey::zone_departure:
      case DayKey::zone_return: {
        std::string_view text;
        PLATEAU_TRY_ASSIGN(text, r.string_view(v, p, time_expected));
        times[time_count++] = {key, text};
        break;
      }
      case DayKey::meals:
        PLATEAU_TRY(r.array(v, p, kMeals, [&](od::value& element, const Path& ep, std::size_t index) -> Result<void> {
          PendingMeal meal;
          meal.index = index;
          KeysGiven<MealKey> meal_given;
          PLATEAU_TRY_ASSIGN(meal_given, r.object(element, ep, kMealKeys, [&](MealKey mk, od::value& mv, const Path& mp) -> Result<void> {
            switch (mk) {
              case MealKey::start:
                PLATEAU_TRY_ASSIGN(meal.start, r.string_view(mv, mp, time_expected));
                break;
              case MealKey::end:
                PLATEAU_TRY_ASSIGN(meal.end, r.string_view(mv, mp, time_expected));
                break;
              case MealKey::shot_in_progress:
                PLATEAU_TRY_ASSIGN(meal.shot_in_progress, r.boolean(mv, mp));
                break;
            }
            return {};
          }));
          if (!meal_given.has(MealKey::start)) return fail(ep + ".start: missing; expected the time the meal break began");
          if (!meal_given.has(MealKey::end)) return fail(ep + ".end: missing; expected the time the meal break ended");
          meals.push_back(meal);
          return {};
        }));
        break;
      case DayKey::ndb:
        PLATEAU_TRY_ASSIGN(day.ndb, r.boolean(v, p));
        break;
      case DayKey::location:
        PLATEAU_TRY_ASSIGN(day.location, r.choice<engine::Location>(v, p, {{"studio", engine::Location::studio},
                                                                            {"nearby", engine::Location::nearby},
                                                                            {"distant", engine::Location::distant}}));
        break;
      case DayKey::distant: {
        engine::DistantFacts distant = take_spare(r.spare_distant);
        distant = kNewDistant;
        PLATEAU_TRY(read_distant(r, v, p, distant));
        day.distant = std::move(distant);
        break;
      }
      case DayKey::premium_approved:
        PLATEAU_TRY_ASSIGN(day.premium_approved, r.boolean(v, p));
        break;
      case DayKey::reduced_weekend_rest:
        PLATEAU_TRY_ASSIGN(day.reduced_weekend_rest, r.boolean(v, p));
        break;
      case DayKey::worked:
        PLATEAU_TRY_ASSIGN(day.worked, r.boolean(v, p));
        break;
    }
    return {};
  }));
  if (!given.has(DayKey::date)) return fail(path + ".date: missing; expected the day's date YYYY-MM-DD");
  const ClockTime midnight = ClockTime::at(day.date, Duration{0});  // the day's times are read from it
  for (const auto& pending : std::span(times.data(), time_count)) {
    auto parsed = ClockTime::parse(pending.text, midnight);
    if (!parsed) return tl::unexpected(parsed.error().at(Path(path, kDayKeys.name(pending.key))));
    switch (pending.key) {
      case DayKey::call: day.call = *parsed; break;
      case DayKey::wrap: day.wrap = *parsed; break;
      case DayKey::general_crew_call: day.general_crew_call = *parsed; break;
      case DayKey::snack: day.snack = *parsed; break;
      case DayKey::zone_departure: day.zone_departure = *parsed; break;
      case DayKey::zone_return: day.zone_return = *parsed; break;
      default: break;  // only the time keys are kept in `times`
    }
  }
  day.meals.reserve(meals.size());
  for (const auto& pending : meals) {
    const Path meals_path(path, "meals");
    const Path meal_path(meals_path, pending.index);
    auto start = ClockTime::parse(pending.start, midnight);
    if (!start) return tl::unexpected(start.error().at(Path(meal_path, "start")));
    auto end = ClockTime::parse(pending.end, midnight);
    if (!end) return tl::unexpected(end.error().at(Path(meal_path, "end")));
    day.meals.push_back({*start, *end, pending.shot_in_progress});
  }
  if (day.worked) {
    if (!day.call) return fail(path + ".call: missing; expected the call time of a worked day (or \"worked\": false)");
    if (!day.wrap) return fail(path + ".wrap: missing; expected the wrap time of a worked day (or \"worked\": false)");
  }
  return {};
}

enum class RateKey { basis, amount };
constexpr auto kRateKeys = keys_of<RateKey>({"basis", "amount"});

enum class EngagementKey { start, end };
constexpr auto kEngagementKeys = keys_of<EngagementKey>({"start", "end"});

enum class CrewKey {
  id, name, classification, category, rate, engagement, production_gross_to_date, permit_fee_paid_by,
  days_off_in_lieu, days
};
constexpr auto kCrewKeys = keys_of<CrewKey>({"id", "name", "classification", "category", "rate", "engagement",
                                             "production_gross_to_date", "permit_fee_paid_by", "days_off_in_lieu",
                                             "days"});

// `person` may hold someone of a previous batch.
// `id` is set to the text of the person's id, in the parser's buffer.
Result<void> read_crew_member(Reader& r, od::value& value, const Path& path, CrewInput& person, std::string_view& id) {
  {
    // Reset, but for the days: each is reset as it is read into, and only those read are kept.
    std::vector<DayInput> days = std::move(person.days);
    person = kNewPerson;
    person.days = std::move(days);
  }
  KeysGiven<CrewKey> given;
  PLATEAU_TRY_ASSIGN(given, r.object(value, path, kCrewKeys, [&](CrewKey key, od::value& v, const Path& p) -> Result<void> {
    switch (key) {
      case CrewKey::id:
        PLATEAU_TRY_ASSIGN(id, r.string_view(v, p, "the person's id, like \"E-001\""));
        person.id = id;
        if (person.id.empty()) return fail(p + ": expected a non-empty id; found \"\"");
        break;
      case CrewKey::name:
        PLATEAU_TRY_ASSIGN(person.name, r.string_view(v, p, "the person's name"));
        break;
      case CrewKey::classification:
        PLATEAU_TRY_ASSIGN(person.classification, r.string_view(v, p, "a classification, like \"1st Assistant Director\""));
        break;
      case CrewKey::category:
        PLATEAU_TRY_ASSIGN(person.category, r.string_view(v, p, "a category, like \"member\""));
        break;
      case CrewKey::rate: {
        KeysGiven<RateKey> rate_given;
        PLATEAU_TRY_ASSIGN(rate_given, r.object(v, p, kRateKeys, [&](RateKey rk, od::value& rv, const Path& rp) -> Result<void> {
          switch (rk) {
            case RateKey::basis:
              PLATEAU_TRY_ASSIGN(person.basis, r.choice<engine::RateBasis>(rv, rp, {{"daily", engine::RateBasis::daily},
                                                                                     {"weekly", engine::RateBasis::weekly}}));
              break;
            case RateKey::amount:
              PLATEAU_TRY_ASSIGN(person.rate, r.money(rv, rp));
              break;
          }
          return {};
        }));
        if (!rate_given.has(RateKey::basis)) return fail(p + ".basis: missing; expected \"daily\" or \"weekly\"");
        if (!rate_given.has(RateKey::amount)) return fail(p + ".amount: missing; expected the contracted rate, like \"755.00\"");
        break;
      }
      case CrewKey::engagement: {
        engine::Engagement engagement;
        KeysGiven<EngagementKey> engagement_given;
        PLATEAU_TRY_ASSIGN(engagement_given, r.object(v, p, kEngagementKeys, [&](EngagementKey ek, od::value& ev, const Path& ep) -> Result<void> {
          switch (ek) {
            case EngagementKey::start:
              PLATEAU_TRY_ASSIGN(engagement.start, r.date(ev, ep));
              break;
            case EngagementKey::end:
              PLATEAU_TRY_ASSIGN(engagement.end, r.date(ev, ep));
              break;
          }
          return {};
        }));
        if (!engagement_given.has(EngagementKey::start)) return fail(p + ".start: missing; expected the first day of the engagement");
        if (!engagement_given.has(EngagementKey::end)) return fail(p + ".end: missing; expected the last day of the engagement");
        if (engagement.end < engagement.start) {
          return fail(p + ": the end " + to_string(engagement.end) + " is before the start " + to_string(engagement.start) +
                      "; expected end on or after start");
        }
        person.engagement = engagement;
        break;
      }
      case CrewKey::production_gross_to_date:
        PLATEAU_TRY_ASSIGN(person.production_gross_to_date, r.money(v, p));
        if (person.production_gross_to_date < Money()) {
          return fail(p + ": expected an amount of zero or more; found " + person.production_gross_to_date.to_string());
        }
        break;
      case CrewKey::permit_fee_paid_by:
        PLATEAU_TRY_ASSIGN(person.permit_fee_paid_by,
                           r.choice<engine::PermitFeePayer>(v, p, {{"producer", engine::PermitFeePayer::producer},
                                                                   {"permittee", engine::PermitFeePayer::permittee}}));
        break;
      case CrewKey::days_off_in_lieu:
        PLATEAU_TRY(r.array(v, p, kListItems, [&](od::value& element, const Path& ep, std::size_t) -> Result<void> {
          Date day;
          PLATEAU_TRY_ASSIGN(day, r.date(element, ep));
          person.days_off_in_lieu.push_back(day);
          return {};
        }));
        break;
      case CrewKey::days: {
        // A batch is usually one work week: room for its days at once, rather than four growths
        // that each move the days read so far.
        constexpr std::size_t kDaysInAWeek = 7;
        person.days.reserve(kDaysInAWeek);
        std::size_t count = 0;
        PLATEAU_TRY(r.array(v, p, kDays, [&](od::value& element, const Path& ep, std::size_t index) -> Result<void> {
          DayInput& day = item_at(person.days, index, r.spare_days);
          // Reset; the distant facts of a day that had them are kept for one that has them next.
          if (day.distant) r.spare_distant.push_back(std::move(*day.distant));
          day = kNewDay;
          count = index + 1;
          return read_day(r, element, ep, day);
        }));
        keep_first(person.days, count, r.spare_days);
        break;
      }
    }
    return {};
  }));
  if (!given.has(CrewKey::id)) return fail(path + ".id: missing; expected the person's id, unique in the batch");
  if (!given.has(CrewKey::classification)) return fail(path + ".classification: missing; expected a classification of the agreement");
  if (!given.has(CrewKey::rate)) return fail(path + ".rate: missing; expected {\"basis\": \"daily\"|\"weekly\", \"amount\": \"…\"}");
  if (!given.has(CrewKey::days)) return fail(path + ".days: missing; expected the person's timecard days");
  return {};
}

enum class DocumentKey { format, production, crew };
constexpr auto kDocumentKeys = keys_of<DocumentKey>({"format", "production", "crew"});

// `batch` may hold a previous batch.
Result<void> read_document(Reader& r, od::value& root, Batch& batch) {
  // Reset, but for the crew: each person is reset as they are read into, and only those read are
  // kept.
  batch.format = kNewBatch.format;
  batch.production = kNewBatch.production;
  KeysGiven<ProductionKey> production_given;
  KeysGiven<DocumentKey> given;
  PLATEAU_TRY_ASSIGN(given, r.object(root, Path(), kDocumentKeys, [&](DocumentKey key, od::value& v, const Path& p) -> Result<void> {
    switch (key) {
      case DocumentKey::format:
        PLATEAU_TRY_ASSIGN(batch.format, r.string_view(v, p, "\"plateau-payroll/1\""));
        if (batch.format != kInputFormat) {
          return fail(p + ": expected \"" + std::string(kInputFormat) + "\"; found " + quote_text(batch.format));
        }
        break;
      case DocumentKey::production:
        PLATEAU_TRY_ASSIGN(production_given, read_production(r, v, p, batch.production));
        break;
      case DocumentKey::crew: {
        std::size_t count = 0;
        PLATEAU_TRY(r.array(v, p, kPeople, [&](od::value& element, const Path& ep, std::size_t index) -> Result<void> {
          CrewInput& person = item_at(batch.crew, index, r.spare_people);
          count = index + 1;
          std::string_view id;  // in the parser's buffer: person.id moves when the crew grows
          PLATEAU_TRY(read_crew_member(r, element, ep, person, id));
          if (!r.ids.insert(id)) {
            return fail(ep + ".id: " + quote_text(person.id) + " is used twice; expected unique ids");
          }
          return {};
        }));
        keep_first(batch.crew, count, r.spare_people);
        break;
      }
    }
    return {};
  }));
  if (!given.has(DocumentKey::production)) return fail("production: missing; expected the production object");
  if (!production_given.has(ProductionKey::agreement)) return fail("production.agreement: missing; expected an agreement id like \"dgc-quebec\"");
  if (!given.has(DocumentKey::crew)) return fail("crew: missing; expected the crew array");
  return {};
}

// Reads a document that simdjson refused with nlohmann's SAX parser, which says where it stops
// being JSON (line and column). No tree is built, and the scan stops deeper than kMaxJsonDepth,
// so a hostile document costs no more memory here than its largest string.
class SyntaxLocator final : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool key(string_t&) override { return true; }
  bool start_object(std::size_t) override { return deeper(); }
  bool start_array(std::size_t) override { return deeper(); }
  bool end_object() override { return shallower(); }
  bool end_array() override { return shallower(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override {
    message_ = error.what();
    return false;
  }

  // nlohmann's message, or empty when the scan found no syntax error.
  const std::string& message() const { return message_; }
  bool too_deep() const { return too_deep_; }

 private:
  bool deeper() {
    too_deep_ = ++depth_ > limits::kMaxJsonDepth;
    return !too_deep_;
  }
  bool shallower() {
    --depth_;
    return true;
  }

  std::size_t depth_ = 0;
  bool too_deep_ = false;
  std::string message_;
};

// simdjson's on-demand parser finds bad JSON where it stops, without a line and column;
// nlohmann's parser, run only on this failure path, names them.
Error locate_syntax_error(std::string_view text, std::string_view parser_message) {
  SyntaxLocator locator;
  try {
    nlohmann::json::sax_parse(text.begin(), text.end(), &locator);
  } catch (const std::exception& error) {
    return Error{std::string("invalid JSON: ") + error.what()};
  }
  if (locator.too_deep()) {
    return Error{"found arrays or objects nested more than " + std::to_string(limits::kMaxJsonDepth) +
                 " deep in a document that is not valid JSON (" + std::string(parser_message) +
                 "); expected a payroll batch object, 5 levels deep"};
  }
  std::string message = locator.message();
  if (message.empty()) {
    return Error{"invalid JSON (" + std::string(parser_message) + "); expected a payroll batch object"};
  }
  const auto at = message.find("parse error at ");
  if (at != std::string::npos) message = message.substr(at + std::string("parse error at ").size());
  // "line 3, column 13: syntax error while parsing value - unexpected '}'; expected …"
  return Error{message + " (invalid JSON; expected a payroll batch object)"};
}

// `padded` is `json` followed by simdjson's padding.
Result<void> read_padded(od::parser& parser, Reader& reader, std::string_view json, simdjson::padded_string_view padded,
                         Batch& into) {
  reader.start();
  od::document document;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS) return tl::unexpected(locate_syntax_error(json, "the parser stopped"));
  od::value root;
  // A document whose root is a scalar is not a batch.
  od::json_type root_type;
  if (document.type().get(root_type) != simdjson::SUCCESS) return tl::unexpected(locate_syntax_error(json, "the parser stopped"));
  if (root_type != od::json_type::object) {
    return fail("the document: expected a payroll batch object {\"format\": …, \"production\": …, \"crew\": […]}; found " +
                describe(root_type));
  }
  if (document.get_value().get(root) != simdjson::SUCCESS) return tl::unexpected(locate_syntax_error(json, "the parser stopped"));
  auto read = read_document(reader, root, into);
  if (!read) {
    if (reader.syntax_error()) return tl::unexpected(locate_syntax_error(json, read.error().message));
    return read;
  }
  // Past the root object the parser has nothing left to point at; if it still has a location,
  // something follows the batch.
  const char* trailing = nullptr;
  if (!document.current_location().get(trailing)) return tl::unexpected(locate_syntax_error(json, "the parser stopped"));
  return {};
}

}  // namespace

Result<Batch> read_batch_json(std::string_view json) {
  BatchJsonReader reader;
  return reader.read(json);
}

struct BatchJsonReader::State {
  od::parser parser;
  std::unique_ptr<char[]> padded;  // the document, then simdjson's padding
  std::size_t padded_capacity = 0;
  Reader reader;       // with the memory it keeps from batch to batch
};

BatchJsonReader::BatchJsonReader() : state_(std::make_unique<State>()) {}
BatchJsonReader::~BatchJsonReader() = default;

Result<Batch> BatchJsonReader::read(std::string_view json) {
  Batch batch;
  auto read = read_into(*state_, json, batch);
  if (!read) return tl::unexpected(read.error());
  return batch;
}

Result<void> BatchJsonReader::read(std::string_view json, Batch& into) { return read_into(*state_, json, into); }

// Both read()s, which call this rather than one the other so that a profile of read() counts each
// document once.
Result<void> BatchJsonReader::read_into(State& state, std::string_view json, Batch& into) {
  if (json.size() > limits::kMaxBatchBytes) {
    return fail("the document: found " + std::to_string(json.size()) + " bytes; expected a batch of at most " +
                std::to_string(limits::kMaxBatchBytes) + " bytes");
  }
  // The buffer only grows, and is not filled when it does (a std::string would be filled with
  // zeros first, only for the document to be copied over them).
  const std::size_t padded_size = json.size() + simdjson::SIMDJSON_PADDING;
  if (state.padded_capacity < padded_size) {
    state.padded = std::make_unique_for_overwrite<char[]>(padded_size);
    state.padded_capacity = padded_size;
  }
  std::copy(json.begin(), json.end(), state.padded.get());
  std::fill_n(state.padded.get() + json.size(), simdjson::SIMDJSON_PADDING, ' ');
  const simdjson::padded_string_view padded(state.padded.get(), json.size(), padded_size);
  return read_padded(state.parser, state.reader, json, padded, into);
}

}  // namespace plateau::io
