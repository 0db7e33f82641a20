#include "io/pay_json.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/explain.h"

namespace plateau::io {

namespace {

using engine::BatchPay;
using engine::PayLine;

constexpr unsigned char kFirstPrintable = 0x20;  // below: control characters, which JSON escapes
constexpr std::size_t kLongestEscape = 6;        // "\u001f"

bool needs_escape(char c) {
  return static_cast<unsigned char>(c) < kFirstPrintable || c == '"' || c == '\\';
}

// Sixteen bytes tested at once: GCC's and Clang's vector extensions, one SSE2 register on x86-64
// (emulated with plain integers where there is no vector unit, still correct).
using Bytes16 = unsigned char __attribute__((vector_size(16)));
constexpr std::size_t kBlock = sizeof(Bytes16);

// Whether any of the 16 bytes at `bytes` needs escaping. Bytes are unsigned: UTF-8 bytes, 0x80 and
// above, never count.
bool block_needs_escape(const char* bytes) {
  Bytes16 block;
  std::memcpy(&block, bytes, kBlock);
  const auto flagged = (block < kFirstPrintable) | (block == '"') | (block == '\\');  // 0xff where one does
  std::uint64_t halves[2];
  std::memcpy(halves, &flagged, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

// Whether any of the `size` bytes at `bytes` needs escaping, for fewer than sixteen: read with
// fixed-size loads that overlap (the first and last eight, or four), never past the text and never
// through a copy of a variable length, which is a call to memcpy.
bool short_needs_escape(const char* bytes, std::size_t size) {
  assert(size < kBlock);
  constexpr std::size_t kHalf = kBlock / 2;
  constexpr std::size_t kQuarter = kBlock / 4;
  char block[kBlock];
  if (size >= kHalf) {
    std::memcpy(block, bytes, kHalf);
    std::memcpy(block + kHalf, bytes + size - kHalf, kHalf);
    return block_needs_escape(block);
  }
  if (size >= kQuarter) {
    std::memset(block, ' ', kBlock);
    std::memcpy(block, bytes, kQuarter);
    std::memcpy(block + kQuarter, bytes + size - kQuarter, kQuarter);
    return block_needs_escape(block);
  }
  for (std::size_t i = 0; i < size; ++i) {
    if (needs_escape(bytes[i])) return true;
  }
  return false;
}

// The position of the first character of `text` that JSON escapes, or text.size(): sixteen bytes a
// step, the last few through the sixteen bytes that end the text (or the loads above when it is
// shorter), then one at a time from the block that has one (escapes are rare: plateau's texts and
// most names have none).
std::size_t find_needs_escape(std::string_view text, std::size_t from = 0) {
  const std::size_t size = text.size();
  std::size_t i = from;
  if (size - i < kBlock) {
    if (!short_needs_escape(text.data() + i, size - i)) return size;
  } else {
    for (; i + kBlock <= size; i += kBlock) {
      if (block_needs_escape(text.data() + i)) break;
    }
    if (i + kBlock > size && (i == size || !block_needs_escape(text.data() + size - kBlock))) return size;
  }
  while (i < size && !needs_escape(text[i])) ++i;
  return i;
}

// The escape sequence for a character JSON escapes ('"', '\\', a control character), written into
// `buffer`: "\\\"", "\\n", "\\u001f".
std::string_view escape_sequence(unsigned char c, char (&buffer)[kLongestEscape]) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      buffer[0] = '\\';
      buffer[1] = 'u';
      buffer[2] = '0';
      buffer[3] = '0';
      buffer[4] = kHex[c >> 4];
      buffer[5] = kHex[c & 0xf];
      return {buffer, kLongestEscape};
    }
  }
}

// `text` escaped for a JSON string, without the quotes: room for text.size() bytes is made first;
// an escape sequence, longer than its character, makes room for itself and the rest.
void append_escaped(engine::TextOut& out, std::string_view text) {
  out.room_for(text.size());
  std::size_t plain_from = 0;  // the start of a run of characters written as they are
  for (std::size_t i = find_needs_escape(text); i < text.size(); i = find_needs_escape(text, i + 1)) {
    out.put_varying(text.substr(plain_from, i - plain_from));
    plain_from = i + 1;
    char buffer[kLongestEscape];
    const std::string_view sequence = escape_sequence(static_cast<unsigned char>(text[i]), buffer);
    out.room_for(sequence.size() + text.size() - plain_from);
    out.put(sequence);
  }
  out.put_varying(text.substr(plain_from));
}

// The agreement's texts a writer has found to hold nothing JSON escapes, known by where they are:
// a contribution's code and the code a tax is on are string_views into the agreement, the same few
// for every person of a batch, and the agreement does not change while a batch is written. So a
// text at the same place, of the same size, is the same text, and it is copied without looking
// again. A text found to need escaping is not remembered: it is escaped each time.
class PlainAgreementTexts {
 public:
  // Whether `text` needs no escaping: known when seen before, else looked at (and remembered).
  bool plain(std::string_view text) {
    for (std::size_t i = 0; i < used_; ++i) {
      if (kept_[i].data() == text.data() && kept_[i].size() == text.size()) return true;
    }
    if (find_needs_escape(text) != text.size()) return false;
    kept_[next_] = text;
    next_ = (next_ + 1) % kKept;
    used_ = std::min(used_ + 1, kKept);
    return true;
  }

 private:
  // More than an agreement's contribution codes (six in the shipped ones); when all are taken, the
  // oldest is replaced.
  static constexpr std::size_t kKept = 16;
  std::array<std::string_view, kKept> kept_;
  std::size_t used_ = 0;
  std::size_t next_ = 0;
};

// Appends JSON to a string as it goes, through a TextOut (explain.h): pieces are written into room
// made a chunk at a time, and the sentences of the explanations go into the same room. Keys are
// plateau's own names, and money, dates, decimals and codes plateau's own text: none holds a
// character JSON escapes, and they are copied as they are. Texts from the agreement or the input
// are escaped as they are copied in, unless the loader found them plain.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  void key(std::string_view name) {
    comma();
    room_for(name.size() + kKeyPunctuation);
    put('"');
    put(name);
    put("\": ");
    after_key_ = true;
  }
  void field(std::string_view name, std::string_view value) {
    key(name);
    value_string(value);
  }
  // A string field whose text is known to hold no character JSON escapes: plateau's own codes, or
  // an agreement's text the loader found plain. It is copied without looking for one.
  //
  // Always inlined: GCC's heuristics otherwise drop inlining it, and with it the known sizes of its
  // keys, as soon as it has a few more callers (one more call site cost 1.8% of the writer).
  [[gnu::always_inline]] void field_verbatim(std::string_view name, std::string_view value) {
    assert(find_needs_escape(value) == value.size());
    key(name);
    after_key_ = false;
    room_for(value.size() + kQuotes);
    put('"');
    out_.put_varying(value);
    put('"');
    first_ = false;
  }
  // A string field whose text is the agreement's own, not known to be plain: copied as it is once it
  // was found plain (PlainAgreementTexts), else escaped.
  void field_agreements_text(std::string_view name, std::string_view value) {
    if (plain_texts_.plain(value)) {
      field_verbatim(name, value);
    } else {
      field(name, value);
    }
  }
  // A citation's article, copied as it is when the loader found it needs no escaping.
  void field(std::string_view name, const agreement::Citation& citation) {
    if (citation.article_escapes == agreement::Escapes::none) {
      field_verbatim(name, citation.article);
    } else {
      field(name, std::string_view(citation.article));
    }
  }
  // Money, "283.13", as a string field.
  void field(std::string_view name, Money amount) {
    field_written(name, Money::kMaxTextSize, [&](char* at) { return amount.write_text(at); });
  }
  // An exact number, "0.015", "188.75", as a string field of its decimal text.
  void field(std::string_view name, const Rational& value) {
    field_written(name, Rational::kMaxDecimalTextSize, [&](char* at) { return value.write_decimal(at); });
  }
  // The same for one of the agreement's numbers (a rate, a multiplier), the same for many people:
  // its text written once and copied after.
  void field_agreements(std::string_view name, const Rational& value) {
    field_verbatim(name, kept_.numbers.decimal(value));
  }
  // A date, "2009-03-02", as a string field: kept for the next of the same date (DateText).
  void field(std::string_view name, Date date) {
    field_written(name, kMaxDateTextSize, [&](char* at) { return kept_.date.write(at, date); });
  }
  // A string field whose text, at most `max_size` bytes of plateau's own (nothing JSON escapes),
  // `write(at)` writes in place and returns its end: money, decimals, dates.
  template <typename Write>
  void field_written(std::string_view name, std::size_t max_size, Write&& write) {
    key(name);
    after_key_ = false;
    room_for(max_size + kQuotes);
    put('"');
    out_.advance_to(write(out_.at()));
    put('"');
    first_ = false;
  }
  // A date's text, "2009-03-02", inside a string begun by begin_string (kept as field(name, Date)).
  void date_in_place(Date date) {
    room_for(kMaxDateTextSize);
    out_.advance_to(kept_.date.write(out_.at(), date));
  }
  // Hours with two decimals, "10.50": kept for the next line of the same hours (HoursTexts).
  void field_hours(std::string_view name, Duration hours) { field_verbatim(name, kept_.hours.of(hours)); }
  // A whole number, as a JSON number.
  void field_number(std::string_view name, std::int64_t whole) {
    key(name);
    after_key_ = false;
    constexpr std::size_t kMaxDigits = std::numeric_limits<std::int64_t>::digits10 + 2;  // every digit and a sign
    room_for(kMaxDigits);
    out_.advance_to(std::to_chars(out_.at(), out_.at() + kMaxDigits, whole).ptr);
    first_ = false;
  }
  // A string value written in pieces: begin_string() after its key, the pieces through out(),
  // then end_string().
  void begin_string() {
    after_key_ = false;
    room_for(1);
    put('"');
  }
  void end_string() {
    room_for(1);
    put('"');
    first_ = false;
  }
  engine::TextOut& out() { return out_; }
  engine::KeptTexts& kept() { return kept_; }
  // How much has been written, and the text written from there copied again after (TextOut).
  std::size_t written() const { return out_.written(); }
  void repeat(std::size_t from, std::size_t size) { out_.repeat(from, size); }
  // After a repeated text that ends with a value, as end_string leaves it.
  void after_repeated_value() {
    after_key_ = false;
    first_ = false;
  }
  void value_string(std::string_view value) {
    comma();
    room_for(1);
    put('"');
    append_escaped(out_, value);
    room_for(1);
    put('"');
    first_ = false;
  }
  // The field "explanation": the sentence of a line, allowance, contribution or tax in `lang`,
  // written straight into the output, with no string built for it. Only the texts the sentence is
  // given (names, citations) are escaped; its own words and numbers never need it.
  template <typename Item>
  void explanation(const Item& item, const std::string& lang) {
    field_appended("explanation",
                   [&](engine::TextOut& out) { engine::append_explanation(item, lang, out, append_escaped, &kept_); });
  }
  // A pay line's or an allowance's, saying where its sentence wrote its day.
  template <typename Item>
  void explanation(const Item& item, const std::string& lang, engine::DayWritten* day_written) {
    field_appended("explanation", [&](engine::TextOut& out) {
      engine::append_explanation(item, lang, out, append_escaped, &kept_, day_written);
    });
  }
  // The field "message": a finding's message in `lang`, written straight into the output in the
  // same way (no string built for each finding).
  void message(const engine::FindingMessage& message, const std::string& lang) {
    field_appended("message", [&](engine::TextOut& out) { message.append_in(lang, out, append_escaped); });
  }
  // A string field whose text `append(out)` appends to the output, escaping what it was given.
  template <typename Append>
  void field_appended(std::string_view name, Append&& append) {
    key(name);
    after_key_ = false;
    room_for(1);
    put('"');
    append(out_);
    room_for(1);
    put('"');
    first_ = false;
  }
  void open(char bracket) {
    comma();
    room_for(1);
    put(bracket);
    first_ = true;
  }
  void close(char bracket) {
    room_for(1);
    put(bracket);
    first_ = false;
  }
  // The newline after a batch's JSON: one line per batch in a stream.
  void end_line() {
    room_for(1);
    put('\n');
  }

 private:
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) {
      room_for(2);
      put(", ");
    }
  }

  void room_for(std::size_t size) { out_.room_for(size); }
  void put(char c) { out_.put(c); }
  void put(std::string_view text) { out_.put(text); }

  static constexpr std::size_t kKeyPunctuation = 4;  // the quotes around a key, ':' and ' '
  static constexpr std::size_t kQuotes = 2;          // around a string value

  engine::TextOut out_;
  engine::KeptTexts kept_;  // the agreement's rates and multipliers, the last date: for this batch
  PlainAgreementTexts plain_texts_;  // the agreement's codes found plain, for this batch
  bool first_ = true;
  bool after_key_ = false;
};

// engine::to_string's text of each code from the first to `kLast`, made once, so that a code is
// copied from it rather than from a string built for each line: some codes ("holiday_unworked",
// "per_diem_incidentals") are longer than a string holds in itself, and each was an allocation. A
// code after `kLast` (one added since) is written from to_string, as before; codes added before it
// shift the values, and each value's text is still to_string's.
template <typename Code, Code kLast>
class CodeTexts {
 public:
  CodeTexts() {
    for (std::size_t i = 0; i <= static_cast<std::size_t>(kLast); ++i) {
      texts_.push_back(engine::to_string(static_cast<Code>(i)));
    }
  }
  // The code's text, or null for a code after kLast.
  const std::string* find(Code code) const {
    const auto i = static_cast<std::size_t>(code);
    return i < texts_.size() ? &texts_[i] : nullptr;
  }

 private:
  std::vector<std::string> texts_;
};

// A line's or allowance's code as a string field: plateau's own words, copied from the table.
template <typename Code, Code kLast>
void field_code(JsonOut& json, std::string_view name, Code code) {
  static const CodeTexts<Code, kLast> kTexts;
  const std::string* text = kTexts.find(code);
  std::string after_last;  // one call of field_verbatim, not two: GCC then still inlines it everywhere
  if (text == nullptr) {
    after_last = engine::to_string(code);
    text = &after_last;
  }
  json.field_verbatim(name, *text);
}

// Pay lines and allowances, written around their date. A person's lines repeat: the same daily rate
// each day, the same meal penalty, the same per diems on each distant day. Two lines with the same
// figures but their date have the same JSON but in two places, the date field and the day their
// sentence names ("Tue 2009-05-19", DayWritten), bars around what differs:
//   "date": "|2009-05-19|", "code": "daily_rate", "amount": "840.00", "citation": "…",
//   "explanation": "Daily rate, |Tue 2009-05-19|: contracted rate $840.00 (…)"
// A line written in full keeps the offsets of the two pieces after the bars; a later line of the
// batch with the same figures copies them and writes only its date and its day. The same for
// allowances. A line that names a holiday the production declared is always written in full: that
// holiday's name is made from the date. The writer's instructions fell by 10% (callgrind,
// plateau-bench-engine's write_json on 300 batches: 71.1 M to 63.8 M).
//
// Pieces of a batch's output written before, to be copied again: where each starts in the output
// (TextOut::written, an offset, which stays right as the output grows) and its size.
template <std::size_t N>
struct Pieces {
  std::array<std::size_t, N> from{};
  std::array<std::size_t, N> size{};
};
using DatedPieces = Pieces<2>;  // after the date, after the day

// Whether two pay lines are written the same but for their date: every field of PayLine but
// `date`. The pointers are compared by address (the agreement's citations and names, which do not
// change while a batch is written). Every member is named in the binding below, so a member added
// to PayLine makes this fail to compile until it is compared here too (else a line would be copied
// with another's value of it).
bool same_but_date(const PayLine& x, const PayLine& y) {
  [[maybe_unused]] const auto& [date, code, amount, citation, basis, base, divisor, multiplier, hours, rate,
                                threshold, upper, actual, count, base_multiplier, base_divisor, top_up,
                                partial_week, holiday_name, declared_holiday, capped_late_meals] = x;
  return x.amount == y.amount && x.code == y.code && x.citation == y.citation && x.base == y.base &&
         x.divisor == y.divisor && x.multiplier == y.multiplier && x.hours == y.hours && x.rate == y.rate &&
         x.threshold == y.threshold && x.upper == y.upper && x.actual == y.actual && x.count == y.count &&
         x.base_multiplier == y.base_multiplier && x.base_divisor == y.base_divisor && x.top_up == y.top_up &&
         x.partial_week == y.partial_week && x.holiday_name == y.holiday_name &&
         x.declared_holiday == y.declared_holiday && x.capped_late_meals == y.capped_late_meals &&
         x.basis == y.basis;
}
// The same for allowances: every field but `date`; the currency and the meals provided by their
// words. Every member named, as above.
bool same_but_date(const engine::Allowance& x, const engine::Allowance& y) {
  [[maybe_unused]] const auto& [date, code, amount, currency, citation, full_amount, meals_provided] = x;
  return x.amount == y.amount && x.code == y.code && x.citation == y.citation && x.currency == y.currency &&
         x.full_amount == y.full_amount &&
         std::equal(x.meals_provided.begin(), x.meals_provided.end(), y.meals_provided.begin(),
                    y.meals_provided.end());
}

// The last few lines (or allowances) of a batch written in full, with their pieces, looked for
// newest first: a person's lines come by date, the repeated ones days apart. Eight: on the
// benchmark's 300 batches, keeping four took 0.2% fewer of the writer's instructions than eight
// (less to look through, a few more lines written in full) and sixteen 0.4% more; eight leaves room
// for a person with more kinds of lines than the benchmark's.
template <typename Item>
class DatedFound {
 public:
  const DatedPieces* find(const Item& item) const {
    for (std::size_t n = 0; n < used_; ++n) {
      const Entry& entry = entries_[(next_ + kKept - 1 - n) % kKept];
      if (same_but_date(*entry.item, item)) return &entry.pieces;
    }
    return nullptr;
  }
  // `item` outlives the batch's writing (it is in the BatchPay being written).
  void add(const Item& item, const DatedPieces& pieces) {
    entries_[next_] = {&item, pieces};
    next_ = (next_ + 1) % kKept;
    used_ = std::min(used_ + 1, kKept);
  }

 private:
  static constexpr std::size_t kKept = 8;
  struct Entry {
    const Item* item = nullptr;
    DatedPieces pieces;
  };
  std::array<Entry, kKept> entries_;
  std::size_t used_ = 0;
  std::size_t next_ = 0;
};

// A line or allowance after its opening brace: its date, then copied from one found in
// `written_in_full` but for its day, or written in full (its other fields by `write_fields`, then its
// explanation) and added there. `may_copy` false: always in full, and not added.
template <typename Item, typename WriteFields>
void write_around_date(JsonOut& json, const Item& item, const std::string& lang, DatedFound<Item>& written_in_full,
                       bool may_copy, WriteFields&& write_fields) {
  json.key("date");
  json.begin_string();
  json.date_in_place(item.date);
  const DatedPieces* found = may_copy ? written_in_full.find(item) : nullptr;
  if (found != nullptr) {
    json.repeat(found->from[0], found->size[0]);
    engine::append_day(item.date, lang, json.out(), &json.kept());
    json.repeat(found->from[1], found->size[1]);
    json.after_repeated_value();
    return;
  }
  const std::size_t after_date = json.written();
  json.end_string();
  write_fields();
  engine::DayWritten day;
  json.explanation(item, lang, &day);
  if (may_copy && day.times == 1) {
    written_in_full.add(item, {{after_date, day.to}, {day.from - after_date, json.written() - day.to}});
  }
}

// The lines and allowances a batch's writer has written in full, with their pieces.
struct DatedKept {
  DatedFound<PayLine> lines;
  DatedFound<engine::Allowance> allowances;
};

void write_line(JsonOut& json, const PayLine& line, const std::string& lang, DatedKept& kept) {
  json.open('{');
  write_around_date(json, line, lang, kept.lines, !line.declared_holiday, [&] {
    field_code<engine::LineCode, engine::LineCode::holiday_day_off_not_given>(json, "code", line.code);
    if (line.hours) json.field_hours("hours", *line.hours);
    if (line.rate) {
      json.field_agreements("multiplier", line.multiplier);
      json.field("rate", *line.rate);  // the person's rate per hour: theirs, not the agreement's
    }
    json.field("amount", line.amount);
    json.field("citation", *line.citation);
  });
  json.close('}');
}

void write_allowance(JsonOut& json, const engine::Allowance& allowance, const std::string& lang, DatedKept& kept) {
  json.open('{');
  write_around_date(json, allowance, lang, kept.allowances, true, [&] {
    field_code<engine::AllowanceCode, engine::AllowanceCode::per_diem_meals>(json, "code", allowance.code);
    json.field("amount", allowance.amount);
    json.field("currency", allowance.currency);
    json.field("citation", *allowance.citation);
  });
  json.close('}');
}

// Percentage contributions and taxes, written around the figures that differ from person to
// person. Their JSON is, with the varying parts between bars:
//   "code": "retirement", "base": "|5040.00|", "rate": "0.06", "amount": "|302.40|", "paid_by": …,
//   "citation": "…", "explanation": "Retirement contribution: 6% × |$5,040.00 = $302.40|, paid by
//   the producer (…)"
// The four pieces around the bars are the same for every person of a batch the same contribution
// or tax applies to: they depend only on what its key (below) holds, and the batch's language. The
// first such item of a batch is written in full, the output's offsets of its pieces are kept, and
// the next ones copy the pieces from there and write only their base, amount and figures. The
// contributions and taxes, five to ten items a person, were half of the writer's time (the writer
// without them ran 2.1 times as fast); in pieces, the writer's instructions fell by 13% (callgrind,
// plateau-bench-engine's write_json on 300 batches: 81.5 M to 71.1 M).
using FigurePieces = Pieces<4>;  // before the base, the amount and the figures, and after them

// What a percentage contribution's pieces are made of: its code, name, rate, cap, payer, payee and
// article (the base, amount and figures are not in them; gross and gross_to_date only count when
// a cap cut the base, and such a contribution is not written in pieces).
struct ContributionKey {
  explicit ContributionKey(const engine::Contribution& contribution)
      : code(contribution.code),
        name(contribution.name),
        rate(*contribution.rate),
        cap(contribution.cap),
        paid_by(contribution.paid_by),
        paid_to(contribution.paid_to),
        citation(contribution.citation) {}
  bool operator==(const ContributionKey& other) const {
    // The code, a view into the agreement, by place; the name and article by address: the agreement
    // does not change while a batch is written.
    return code.data() == other.code.data() && code.size() == other.code.size() && name == other.name &&
           rate == other.rate && cap == other.cap && paid_by == other.paid_by && paid_to == other.paid_to &&
           citation == other.citation;
  }
  std::string_view code;
  const agreement::Text* name;
  Rational rate;
  std::optional<Money> cap;
  agreement::Payer paid_by;
  agreement::Payee paid_to;
  const agreement::Citation* citation;
};

// The same for a tax: its code, the contribution it is on (code and name), its rate, payer, payee
// and article.
struct TaxKey {
  explicit TaxKey(const engine::Tax& tax)
      : code(tax.code),
        on(tax.on),
        on_name(tax.on_name),
        rate(tax.rate),
        paid_by(tax.paid_by),
        paid_to(tax.paid_to),
        citation(tax.citation) {}
  bool operator==(const TaxKey& other) const {
    return code == other.code && on.data() == other.on.data() && on.size() == other.on.size() &&
           on_name == other.on_name && rate == other.rate && paid_by == other.paid_by && paid_to == other.paid_to &&
           citation == other.citation;
  }
  std::string_view code;  // gst, qst: static text, compared by its words
  std::string_view on;
  const agreement::Text* on_name;
  Rational rate;
  agreement::Payer paid_by;
  agreement::Payee paid_to;
  const agreement::Citation* citation;
};

// The pieces written so far in a batch, found by key. A batch has a few kinds (six contribution
// codes and two taxes in the shipped agreements, times the rates in force); past kKept kinds, an
// item is written in full each time.
template <typename Key>
class PiecesFound {
 public:
  const FigurePieces* find(const Key& key) const {
    for (std::size_t i = 0; i < used_; ++i) {
      if (keys_[i] == key) return &pieces_[i];
    }
    return nullptr;
  }
  // Where to keep the pieces of `key`, or null when there is no room left.
  FigurePieces* add(const Key& key) {
    if (used_ == kKept) return nullptr;
    keys_[used_].emplace(key);
    return &pieces_[used_++];
  }

 private:
  static constexpr std::size_t kKept = 16;
  std::array<std::optional<Key>, kKept> keys_;
  std::array<FigurePieces, kKept> pieces_;
  std::size_t used_ = 0;
};

// The fields before the base: the code, and for a tax the contribution it is on.
void write_before_base(JsonOut& json, const engine::Contribution& contribution) {
  json.field_agreements_text("code", contribution.code);
}
void write_before_base(JsonOut& json, const engine::Tax& tax) {
  json.field_verbatim("code", tax.code);  // gst, qst: the engine's own words
  json.field_agreements_text("on", tax.on);
}
// The fields between the base and the amount: the rate, and a contribution's cap.
void write_between_base_and_amount(JsonOut& json, const engine::Contribution& contribution) {
  json.field_agreements("rate", *contribution.rate);
  if (contribution.cap) json.field("cap", *contribution.cap);
}
void write_between_base_and_amount(JsonOut& json, const engine::Tax& tax) { json.field_agreements("rate", tax.rate); }
// The fields after the amount, before the explanation: who pays, who is paid, and the article.
template <typename Item>
void write_payer_payee_citation(JsonOut& json, const Item& item) {
  json.field_verbatim("paid_by", agreement::to_string(item.paid_by));
  json.field_verbatim("paid_to", agreement::to_string(item.paid_to));
  json.field("citation", *item.citation);
}

Money base_of(const engine::Contribution& contribution) { return *contribution.base; }
Money base_of(const engine::Tax& tax) { return tax.base; }

// A percentage contribution or a tax after its opening brace: copied from `found` but for its
// figures, or written in full, keeping its pieces' offsets in `keep` when given.
template <typename Item>
void write_in_pieces(JsonOut& json, const Item& item, const std::string& lang, const FigurePieces* found,
                     FigurePieces* keep) {
  const auto write_money = [&](Money amount) {
    engine::TextOut& out = json.out();
    out.room_for(Money::kMaxTextSize);
    out.advance_to(amount.write_text(out.at()));
  };
  const auto write_part = [&](engine::SentencePart part) {
    engine::append_explanation_part(item, part, lang, json.out(), append_escaped, &json.kept());
  };
  if (found != nullptr) {
    json.repeat(found->from[0], found->size[0]);
    write_money(base_of(item));
    json.repeat(found->from[1], found->size[1]);
    write_money(item.amount);
    json.repeat(found->from[2], found->size[2]);
    write_part(engine::SentencePart::figures);
    json.repeat(found->from[3], found->size[3]);
    json.after_repeated_value();
    return;
  }
  std::size_t piece = 0;
  std::size_t from = json.written();
  const auto end_piece = [&] {
    if (keep != nullptr) {
      keep->from[piece] = from;
      keep->size[piece] = json.written() - from;
    }
    ++piece;
  };
  write_before_base(json, item);
  json.key("base");
  json.begin_string();
  end_piece();
  write_money(base_of(item));
  from = json.written();
  json.end_string();
  write_between_base_and_amount(json, item);
  json.key("amount");
  json.begin_string();
  end_piece();
  write_money(item.amount);
  from = json.written();
  json.end_string();
  write_payer_payee_citation(json, item);
  json.key("explanation");
  json.begin_string();
  write_part(engine::SentencePart::head);
  end_piece();
  write_part(engine::SentencePart::figures);
  from = json.written();
  write_part(engine::SentencePart::tail);
  json.end_string();
  end_piece();
}

// Which pieces a batch's writer has kept, for contributions and for taxes.
struct PiecesKept {
  PiecesFound<ContributionKey> contributions;
  PiecesFound<TaxKey> taxes;
};

void write_contribution(JsonOut& json, const engine::Contribution& contribution, const std::string& lang,
                        PiecesKept& kept) {
  json.open('{');
  if (engine::sentence_in_parts(contribution)) {
    const ContributionKey key(contribution);
    const FigurePieces* found = kept.contributions.find(key);
    write_in_pieces(json, contribution, lang, found, found == nullptr ? kept.contributions.add(key) : nullptr);
    json.close('}');
    return;
  }
  write_before_base(json, contribution);
  if (contribution.week) {
    json.field("week", *contribution.week);
    json.field_number("days", contribution.days);
    json.field_verbatim("kind", agreement::to_string(contribution.fee_kind));
    json.field("fee", contribution.fee);
    if (contribution.weekly_cap) json.field("weekly_cap", *contribution.weekly_cap);
  }
  if (contribution.base) json.field("base", *contribution.base);
  if (contribution.rate) json.field_agreements("rate", *contribution.rate);
  if (contribution.cap) json.field("cap", *contribution.cap);
  json.field("amount", contribution.amount);
  write_payer_payee_citation(json, contribution);
  json.explanation(contribution, lang);
  json.close('}');
}

void write_tax(JsonOut& json, const engine::Tax& tax, const std::string& lang, PiecesKept& kept) {
  json.open('{');
  const TaxKey key(tax);
  const FigurePieces* found = kept.taxes.find(key);
  write_in_pieces(json, tax, lang, found, found == nullptr ? kept.taxes.add(key) : nullptr);
  json.close('}');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  engine::TextOut text_out(out);
  text_out.append("\"");
  append_escaped(text_out, text);
  text_out.append("\"");
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string write_pay_json(const BatchPay& pay, const std::string& lang) {
  std::string out;
  append_pay_json(pay, lang, out);
  return out;
}

void append_pay_json(const BatchPay& pay, const std::string& lang, std::string& out) {
  JsonOut json(out);
  // Pieces written in full, as offsets into `out`, for this batch only: contributions and taxes
  // around their figures; lines and allowances around their date.
  PiecesKept pieces;
  DatedKept dated;
  json.open('{');
  json.field("format", "plateau-pay/1");
  json.key("agreement");
  json.open('{');
  json.field("id", pay.agreement_id);
  json.key("versions");
  json.open('[');
  for (const auto& version : pay.agreement_versions) json.value_string(version);
  json.close(']');
  json.close('}');
  json.key("crew");
  json.open('[');
  for (const auto& person : pay.crew) {
    json.open('{');
    json.field("id", person.id);
    if (!person.name.empty()) json.field("name", person.name);
    json.field("classification", person.classification);
    json.key("lines");
    json.open('[');
    for (const auto& line : person.lines) write_line(json, line, lang, dated);
    json.close(']');
    json.field("gross", person.gross);
    json.key("allowances");
    json.open('[');
    for (const auto& allowance : person.allowances) write_allowance(json, allowance, lang, dated);
    json.close(']');
    json.key("contributions");
    json.open('[');
    for (const auto& contribution : person.contributions) write_contribution(json, contribution, lang, pieces);
    json.close(']');
    json.key("taxes");
    json.open('[');
    for (const auto& tax : person.taxes) write_tax(json, tax, lang, pieces);
    json.close(']');
    json.field("net_pay", person.net_pay);
    json.key("findings");
    json.open('[');
    for (const auto& finding : person.findings) {
      json.open('{');
      json.field("date", finding.date);
      json.field_verbatim("code", finding.code);  // the engine's own words
      json.field_verbatim("severity", engine::to_string(finding.severity));
      json.message(finding.message, lang);
      json.field("citation", *finding.citation);
      json.close('}');
    }
    json.close(']');
    json.close('}');
  }
  json.close(']');
  json.key("remittances");
  json.open('[');
  for (const auto& remittance : pay.remittances) {
    json.open('{');
    json.field_verbatim("paid_to", agreement::to_string(remittance.paid_to));
    json.field("amount", remittance.amount);
    json.key("items");
    json.open('[');
    for (const auto& item : remittance.items) {
      json.open('{');
      json.field("code", item.code);
      if (!item.on.empty()) json.field("on", item.on);
      json.field("amount", item.amount);
      json.close('}');
    }
    json.close(']');
    json.close('}');
  }
  json.close(']');
  json.key("totals");
  json.open('{');
  json.field("gross", pay.total_gross);
  json.field("net_pay", pay.total_net_pay);
  json.close('}');
  json.close('}');
  json.end_line();
}

}  // namespace plateau::io
