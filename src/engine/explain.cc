#include "engine/explain.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <iterator>
#include <limits>
#include <optional>
#include <string_view>

#include "core/digits.h"
#include "core/text.h"

namespace plateau::engine {

namespace {

// Compared as a string_view: the literal's length is then known, with no call to strlen and memcmp.
bool french(const std::string& lang) { return std::string_view(lang) == "fr"; }

constexpr std::int64_t kMinutesPerHour = 60;
constexpr std::size_t kCents = 2;             // decimals money always shows
constexpr std::size_t kDecimalsAsWritten = 0;  // for append_grouped: add no zeros

// Appends plain decimal text ("-3015.5", from to_decimal or to_fixed) with its integer part grouped
// by thousands and, when `min_decimals` asks for them, zeros after the last decimal:
// "-3,015.50" (en) or "-3 015,50" (fr, the separator a narrow no-break space).
void append_grouped(TextOut& out, std::string_view plain, std::size_t min_decimals, bool fr) {
  const bool negative = !plain.empty() && plain[0] == '-';
  const std::string_view digits = negative ? plain.substr(1) : plain;
  const auto point = std::find(digits.begin(), digits.end(), '.');  // a short text: no call to memchr
  const std::string_view integer(digits.begin(), point);
  const std::string_view fraction = point == digits.end() ? "" : std::string_view(point + 1, digits.end());
  constexpr std::size_t kGroup = 3;
  if (integer.size() <= kGroup && fraction.size() >= min_decimals) {
    // The usual case (a rate, a multiplier, hours): nothing to group and no zeros to add, so the
    // text is copied whole, its point then made a comma in French.
    out.room_for(plain.size());
    char* const start = out.at();
    out.put_varying(plain);
    if (fr && point != digits.end()) start[point - plain.data()] = ',';
    return;
  }
  // Each a string_view of its own, so that the separator's length is known, not found by strlen.
  const std::string_view separator = fr ? std::string_view("\u202f") : std::string_view(",");
  // The text grows by a separator (at most 3 bytes) per group of three digits after the first,
  // so by at most the integer's length, and by the zeros added.
  out.room_for(plain.size() + integer.size() + min_decimals);
  if (negative) out.put('-');
  // The leading 1 to 3 digits, then a separator before each group of three.
  const std::size_t leading = integer.size() % kGroup == 0 ? kGroup : integer.size() % kGroup;
  out.put_varying(integer.substr(0, leading));
  for (std::size_t i = leading; i < integer.size(); i += kGroup) {
    out.put(separator);
    out.put_varying(integer.substr(i, kGroup));
  }
  if (fraction.empty() && min_decimals == 0) return;
  out.put(fr ? ',' : '.');
  out.put_varying(fraction);
  for (std::size_t i = fraction.size(); i < min_decimals; ++i) out.put('0');
}

// `exact` in whole cents when it is a whole number of cents that fits in 64 bits (its denominator
// divides 100); nothing otherwise.
constexpr std::int64_t kCentsPerDollar = 100;

std::optional<std::int64_t> whole_cents(const Rational& exact) {
  if (kCentsPerDollar % exact.denominator() != 0) return std::nullopt;
  std::int64_t cents = 0;
  if (__builtin_mul_overflow(exact.numerator(), kCentsPerDollar / exact.denominator(), &cents)) return std::nullopt;
  return cents;
}

// cents × num ÷ (100 × den) dollars, an amount of cents times a rate num / den (in lowest terms)
// given as `scaled` = cents × num, as the digits ExactDollars writes for the Rational it reduces to
// (at least the two decimals of cents), worked out without reducing it: 100 × den is 2^(a+2) 5^(b+2)
// for den = 2^a 5^b, so max(a, b) + 2 decimals make it whole, and the zeros that end those digits,
// beyond the two of cents, are the ones the reduced denominator does without. Nothing when the
// decimals do not end (den has another prime factor) or the digits do not fit in 64 bits.
std::optional<Rational::Decimal> decimal_of_cents_times(std::int64_t scaled, const Rational& rate) {
  const int rate_decimals = rate.terminating_decimals();
  if (rate_decimals < 0 || rate_decimals + static_cast<int>(kCents) > kMaxPowerOfTen64) return std::nullopt;
  Rational::Decimal decimal;
  decimal.negative = scaled < 0;
  decimal.decimals = rate_decimals + static_cast<int>(kCents);
  const std::uint64_t magnitude =
      decimal.negative ? std::uint64_t{0} - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
  // 10^decimals ÷ (100 × den) = 10^rate_decimals ÷ den, exact.
  const std::uint64_t factor =
      kPowersOfTen[static_cast<std::size_t>(rate_decimals)] / static_cast<std::uint64_t>(rate.denominator());
  if (__builtin_mul_overflow(magnitude, factor, &decimal.scaled)) return std::nullopt;
  constexpr std::uint64_t kTen = 10;
  while (decimal.decimals > static_cast<int>(kCents) && decimal.scaled % kTen == 0) {
    decimal.scaled /= kTen;
    --decimal.decimals;
  }
  return decimal;
}

// The signs of dollars in each language: "$3,015.00" and "3 015,00 $", the group separator a
// narrow no-break space in French (three bytes in UTF-8).
constexpr std::string_view kEnglishDollarSign = "$";
constexpr std::string_view kFrenchDollarSign = " $";
constexpr std::string_view kEnglishGroupSeparator = ",";
constexpr std::string_view kFrenchGroupSeparator = "\u202f";
constexpr char kEnglishDecimalSign = '.';
constexpr char kFrenchDecimalSign = ',';
constexpr int kGroupDigits = 3;
// The longest dollars text put_dollars writes: the dollar sign, a minus, the 20 digits of a 64-bit
// count with a separator before each group of three after the first, the decimal sign and at most
// 19 decimals (a count of 64 bits has 20 digits in all, but the bound need not be tight).
constexpr std::size_t kMaxDollarsText = kFrenchDollarSign.size() + 1 + kMaxDigits64 +
                                        (kMaxDigits64 - 1) / kGroupDigits * kFrenchGroupSeparator.size() + 1 +
                                        kMaxPowerOfTen64;

// How each language writes dollars: "$3,015.00" and "3 015,00 $".
struct DollarsInEnglish {
  static constexpr std::string_view kSignBefore = kEnglishDollarSign;
  static constexpr std::string_view kSignAfter = "";
  static constexpr std::string_view kGroupSeparator = kEnglishGroupSeparator;
  static constexpr char kDecimalSign = kEnglishDecimalSign;
};
struct DollarsInFrench {
  static constexpr std::string_view kSignBefore = "";
  static constexpr std::string_view kSignAfter = kFrenchDollarSign;
  static constexpr std::string_view kGroupSeparator = kFrenchGroupSeparator;
  static constexpr char kDecimalSign = kFrenchDecimalSign;
};

// scaled ÷ 10^decimals dollars, with a minus when `negative`, as a sentence shows them in the
// language `Way` describes: "$-3,015.50", "$283.125" (en) or "-3 015,50 $", "283,125 $" (fr),
// written at `at`, which has room for kMaxDollarsText bytes; returns its end. The same text as the
// amount's decimal text through append_grouped, with no plain text in between: the text's size is
// worked out first, from the count of digits, and the text written backwards from its end, two
// digits a step, straight into its place. One function for each language, so that each piece's size
// is known where it is written.
// REQUIRES: 2 <= decimals <= 19 (money's cents at least); scaled != 0 when negative.
template <typename Way>
[[gnu::always_inline]] inline char* put_dollars(char* at, bool negative, std::uint64_t scaled, int decimals) {
  assert(decimals >= static_cast<int>(kCents) && decimals <= kMaxPowerOfTen64);
  assert(scaled != 0 || !negative);
  constexpr std::uint64_t kHundred = 100;
  constexpr std::uint64_t kGroupSize = 1000;
  std::uint64_t dollars = 0;
  std::uint64_t fraction = 0;
  if (decimals == static_cast<int>(kCents)) {  // money: a division by a constant, a multiplication
    dollars = scaled / kHundred;
    fraction = scaled - dollars * kHundred;
  } else {
    const std::uint64_t unit = kPowersOfTen[static_cast<std::size_t>(decimals)];
    dollars = scaled / unit;
    fraction = scaled - dollars * unit;
  }
  const int dollar_digits = decimal_digit_count(dollars);
  const std::size_t size = Way::kSignBefore.size() + (negative ? 1 : 0) + static_cast<std::size_t>(dollar_digits) +
                           static_cast<std::size_t>((dollar_digits - 1) / kGroupDigits) * Way::kGroupSeparator.size() +
                           1 + static_cast<std::size_t>(decimals) + Way::kSignAfter.size();
  char* const end = at + size;
  char* next = end;  // each piece is written just before the ones already written
  const auto put = [&](std::string_view text) {
    next -= text.size();
    std::copy(text.begin(), text.end(), next);
  };
  put(Way::kSignAfter);
  next = put_low_digits_before(next, fraction, decimals);
  *--next = Way::kDecimalSign;
  // Groups of three digits from the right, a separator before each but the leading one.
  while (dollars >= kGroupSize) {
    next = put_low_digits_before(next, dollars, kGroupDigits);
    put(Way::kGroupSeparator);
  }
  next = put_digits_before(next, dollars);  // the leading one to three digits
  if (negative) *--next = '-';
  put(Way::kSignBefore);
  assert(next == at);
  return end;
}

// The same in French when `fr`, else in English.
[[gnu::always_inline]] inline char* put_dollars(char* at, bool negative, std::uint64_t scaled, int decimals, bool fr) {
  return fr ? put_dollars<DollarsInFrench>(at, negative, scaled, decimals)
            : put_dollars<DollarsInEnglish>(at, negative, scaled, decimals);
}

// The values a sentence shows, each written in the sentence's language by Sentence::operator<<.

// "$877.50" (en) or "877,50 $" (fr): money as it is paid.
struct Dollars {
  explicit Dollars(Money money) : amount(money) {}
  Money amount;
};

// "$877.50", "$283.125" (en) or "877,50 $", "283,125 $" (fr): an exact amount before its rounding,
// with at least two decimals, more when the exact value needs them.
struct ExactDollars {
  explicit ExactDollars(const Rational& value) : exact(value) {}
  Rational exact;
};

// "1.5", "1,5": a multiplier or another exact number, as many decimals as it needs.
struct Number {
  Rational value;
};

// "6%", "1.5%", "9.975%" (en) or "6 %", "1,5 %" (fr).
struct Percent {
  Rational rate;
};

// "15.50 h" (en) or "15,50 h" (fr).
struct Hours {
  Duration duration;
};

// "14 h", "2.5 h" (en) / "2,5 h" (fr): a threshold, in the words of the sheet.
struct Threshold {
  Duration duration;
};

// "Tue 2009-04-07" (en) or "mar. 2009-04-07" (fr).
struct Day {
  Date date;
};

// "Victoria Day" (en) or "Journée nationale des patriotes" (fr): the holiday a pay line names
// (PayLine::holiday_name, or a declared holiday's name made from the line's date).
struct HolidayOf {
  const PayLine& line;
};

// " (Qc 2.05)", or nothing when the line has no article.
struct Cite {
  const agreement::Citation& citation;
};

// " = $62.2878 → $62.29", or " = $40.00" when rounding did not change the exact value.
struct RoundedResult {
  Rational exact;
  Money amount;
};

// The same for base × rate (a contribution's or a tax's), worked out as an exact fraction only when
// it is not a whole number of cents: most are, and then the sentence shows the amount alone.
struct RoundedProduct {
  Money base;
  Rational rate;
  Money amount;
};

// "9.00": hours with two decimals and a point in both languages, ungrouped, as the findings' messages
// have always shown them (unlike Hours, which the pay lines' sentences write in each language's way).
struct PlainHours {
  Duration duration;
};

// "02:15": a clock time's hours and minutes.
struct HourMinute {
  ClockTime time;
};

// "2009-03-08 02:15": a clock time with its date.
struct DateAndTime {
  ClockTime time;
};

// A text given to plateau with what the loader found of its escaping: written as it is when it
// needs none, else through the sentence's `append_given`.
struct Given {
  std::string_view text;
  agreement::Escapes escapes = agreement::Escapes::not_known;
};

// Whether `text` holds a character some output escapes: a quote, a backslash, a control character.
// For the assertion on plateau's own words (unused when assertions are compiled out).
[[maybe_unused]] bool needs_escaping_somewhere(std::string_view text) {
  constexpr unsigned char kFirstPrintable = 0x20;
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < kFirstPrintable || c == '"' || c == '\\';
  });
}

// One sentence being appended to `out`, in `lang`: plateau's own words, the texts it was given,
// whole numbers, and the values above. Nothing is built aside: every part goes straight to `out`.
//
// The kind of text says how it is written. plateau's own words are string literals (const char*)
// and hold no character an output escapes: they, and the numbers, are written as they are, never
// scanned. A text given to plateau, an agreement's names and citations or the input's words, comes
// as a std::string or string_view and goes through `append_given`, which escapes it for the output
// (JSON) or writes it as it is.
class Sentence {
 public:
  Sentence(TextOut& out, const std::string& lang, AppendGivenText append_given, KeptTexts* kept = nullptr,
           DayWritten* day_written = nullptr)
      : out_(out), lang_(lang), fr_(french(lang)), append_given_(append_given), kept_(kept), day_written_(day_written) {}

  bool fr() const { return fr_; }
  const std::string& lang() const { return lang_; }
  // The colon of "Daily rate, Tue 2009-04-07: ", with its space before in French.
  const char* colon() const { return fr_ ? " : " : ": "; }

  Sentence& operator<<(const char* own_words) {
    const std::string_view text(own_words);
    assert(!needs_escaping_somewhere(text));
    out_.append(text);
    return *this;
  }
  Sentence& operator<<(std::string_view given) {
    append_given_(out_, given);
    return *this;
  }
  // An agreement's name in the sentence's language: as it is when the loader found it needs no
  // escaping, else through `append_given`. Picked by the sentence's own fr_, not by comparing the
  // language again.
  Sentence& operator<<(const agreement::Text& name) {
    write_given(name.shown(fr_), name.shown_escapes(fr_));
    return *this;
  }
  Sentence& operator<<(Date date) {
    out_.room_for(kMaxDateTextSize);
    if (kept_ != nullptr) {
      out_.advance_to(kept_->date.write(out_.at(), date));
    } else {
      out_.advance_to(write_date(out_.at(), date));
    }
    return *this;
  }
  Sentence& operator<<(std::int64_t whole) {
    constexpr std::size_t kMaxDigits = std::numeric_limits<std::int64_t>::digits10 + 2;  // every digit and a sign
    out_.room_for(kMaxDigits);
    out_.advance_to(std::to_chars(out_.at(), out_.at() + kMaxDigits, whole).ptr);
    return *this;
  }
  Sentence& operator<<(int whole) { return *this << std::int64_t{whole}; }
  Sentence& operator<<(char) = delete;  // a char would be written as its code

  Sentence& operator<<(const Dollars& dollars) {
    const std::int64_t cents = dollars.amount.cents();
    const bool negative = cents < 0;
    // The magnitude of INT64_MIN still fits in 64 bits unsigned.
    const std::uint64_t magnitude =
        negative ? std::uint64_t{0} - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    out_.room_for(kMaxDollarsText);
    out_.advance_to(put_dollars(out_.at(), negative, magnitude, kCents, fr_));
    return *this;
  }
  Sentence& operator<<(const ExactDollars& dollars) {
    // Straight from its digits when its decimals end and it fits in 64 bits, with at least the two
    // of cents; else through its decimal text ("…" after six decimals when they do not end).
    if (auto decimal = dollars.exact.as_decimal()) {
      if (decimal->decimals < static_cast<int>(kCents)) {
        const std::uint64_t to_cents = kPowersOfTen[kCents - static_cast<std::size_t>(decimal->decimals)];
        if (__builtin_mul_overflow(decimal->scaled, to_cents, &decimal->scaled)) decimal.reset();
        if (decimal) decimal->decimals = static_cast<int>(kCents);
      }
      if (decimal) {
        put_exact_dollars(*decimal);
        return *this;
      }
    }
    if (!fr_) out_.append(kEnglishDollarSign);
    append_grouped_decimal(dollars.exact, kCents);
    if (fr_) out_.append(kFrenchDollarSign);
    return *this;
  }
  // A Number is one of the agreement's (a multiplier, a threshold): remembered when the writer
  // keeps them.
  Sentence& operator<<(const Number& number) {
    if (kept_ != nullptr) {
      append_grouped(out_, kept_->numbers.decimal(number.value), kDecimalsAsWritten, fr_);
    } else {
      append_grouped_decimal(number.value, kDecimalsAsWritten);
    }
    return *this;
  }
  Sentence& operator<<(const Percent& percent) {
    if (kept_ != nullptr) {
      append_grouped(out_, kept_->numbers.percent(percent.rate), kDecimalsAsWritten, fr_);
    } else {
      append_grouped_decimal(percent.rate * Rational(100), kDecimalsAsWritten);
    }
    return *this << (fr_ ? "\u00a0%" : "%");
  }
  Sentence& operator<<(const Hours& hours) {
    if (kept_ != nullptr) {
      append_grouped(out_, kept_->hours.of(hours.duration), kDecimalsAsWritten, fr_);
    } else {
      append_grouped(out_, plain_hours(hours.duration), kDecimalsAsWritten, fr_);
    }
    return *this << " h";
  }
  Sentence& operator<<(const Threshold& threshold) {
    const auto minutes = threshold.duration.count();
    if (minutes % kMinutesPerHour == 0) return *this << std::int64_t{minutes / kMinutesPerHour} << " h";
    return *this << Number{Rational(minutes, kMinutesPerHour)} << " h";
  }
  Sentence& operator<<(const PlainHours& hours) {
    out_.append(plain_hours(hours.duration));
    return *this;
  }
  Sentence& operator<<(const HourMinute& clock) {
    out_.append(clock.time.hhmm());  // five characters: a string held in itself, no allocation
    return *this;
  }
  Sentence& operator<<(const DateAndTime& clock) {
    // ClockTime::to_string()'s text, "2009-03-08 02:15", with no string of its own (longer than one
    // holds in itself).
    return *this << clock.time.date() << " " << HourMinute{clock.time};
  }
  Sentence& operator<<(const Given& given) {
    write_given(given.text, given.escapes);
    return *this;
  }
  Sentence& operator<<(const Day& day) {
    // Sunday first, as Weekday::c_encoding() counts. The English names are weekday_short_name's,
    // here as literals: plateau's own words, not a string built for each date.
    static constexpr std::array<const char*, 7> kFrench = {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."};
    static constexpr std::array<const char*, 7> kEnglish = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    const Weekday weekday = kept_ != nullptr ? kept_->date.weekday_of(day.date) : weekday_of(day.date);
    const std::size_t from = out_.written();
    *this << (fr_ ? kFrench : kEnglish)[weekday.c_encoding()] << " " << day.date;
    if (day_written_ != nullptr) *day_written_ = {from, out_.written(), day_written_->times + 1};
    return *this;
  }
  Sentence& operator<<(const HolidayOf& holiday) {
    if (holiday.line.declared_holiday) return *this << declared_holiday_name(holiday.line.date);
    return *this << *holiday.line.holiday_name;
  }
  Sentence& operator<<(const Cite& cite) {
    if (cite.citation.article.empty()) return *this;
    *this << " (";
    write_given(cite.citation.article, cite.citation.article_escapes);
    return *this << ")";
  }
  Sentence& operator<<(const RoundedProduct& result) {
    // base × rate in cents is cents × num ÷ den: whole when den divides cents × num.
    std::int64_t scaled = 0;
    if (!__builtin_mul_overflow(result.base.cents(), result.rate.numerator(), &scaled)) {
      if (scaled % result.rate.denominator() == 0 && scaled / result.rate.denominator() == result.amount.cents()) {
        return *this << " = " << Dollars(result.amount);
      }
      // The exact product's digits straight from cents × num, with no fraction reduced.
      if (const auto exact = decimal_of_cents_times(scaled, result.rate)) {
        *this << " = ";
        put_exact_dollars(*exact);
        return *this << " → " << Dollars(result.amount);
      }
      // The exact product in dollars, cents × num ÷ (100 × den), reduced once: the same Rational as
      // base.dollars() × rate (both in lowest terms), which reduces the dollars and then the product.
      std::int64_t denominator = 0;
      if (!__builtin_mul_overflow(kCentsPerDollar, result.rate.denominator(), &denominator)) {
        return *this << RoundedResult{Rational(scaled, denominator), result.amount};
      }
    }
    return *this << RoundedResult{result.base.dollars() * result.rate, result.amount};
  }
  Sentence& operator<<(const RoundedResult& result) {
    if (whole_cents(result.exact) == result.amount.cents()) return *this << " = " << Dollars(result.amount);
    return *this << " = " << ExactDollars(result.exact) << " → " << Dollars(result.amount);
  }

 private:
  // Dollars from the digits of an exact amount with at least the two decimals of cents.
  void put_exact_dollars(const Rational::Decimal& decimal) {
    out_.room_for(kMaxDollarsText);
    out_.advance_to(put_dollars(out_.at(), decimal.negative, decimal.scaled, decimal.decimals, fr_));
  }
  // `value`'s decimal text, grouped, from a stack buffer rather than a string built for it.
  void append_grouped_decimal(const Rational& value, std::size_t min_decimals) {
    char plain[Rational::kMaxDecimalTextSize];
    append_grouped(out_, std::string_view(plain, value.write_decimal(plain)), min_decimals, fr_);
  }
  void write_given(std::string_view given, agreement::Escapes escapes) {
    if (escapes == agreement::Escapes::none) {
      out_.room_for(given.size());
      out_.put_varying(given);
    } else {
      append_given_(out_, given);
    }
  }

  TextOut& out_;
  const std::string& lang_;
  bool fr_;
  AppendGivenText append_given_;
  KeptTexts* kept_;  // null: every number and date written afresh
  DayWritten* day_written_;  // null: where a Day went is not asked
};

void append_label(Sentence& s, const PayLine& line) {
  const bool fr = s.fr();
  switch (line.code) {
    case LineCode::daily_rate: s << (fr ? "Taux journalier" : "Daily rate"); return;
    case LineCode::weekly_rate:
      if (line.partial_week) {
        s << (fr ? "Cinquième du taux hebdomadaire" : "One fifth of the weekly rate");
      } else {
        s << (fr ? "Taux hebdomadaire" : "Weekly rate");
      }
      return;
    case LineCode::sixth_day: s << (fr ? "6e jour" : "6th day"); return;
    case LineCode::seventh_day: s << (fr ? "7e jour" : "7th day"); return;
    case LineCode::holiday_worked:
      s << (fr ? "Jour férié travaillé (" : "Holiday worked (") << HolidayOf{line} << ")";
      return;
    case LineCode::overtime:
      s << (fr ? "Heures supplémentaires ×" : "Overtime ×") << Number{line.multiplier};
      return;
    case LineCode::turnaround: s << (fr ? "Empiètement sur la période de repos" : "Turnaround encroachment"); return;
    case LineCode::rest_period: s << (fr ? "Empiètement sur le repos hebdomadaire" : "Weekly rest encroachment"); return;
    case LineCode::meal_penalty: s << (fr ? "Pénalité de repas" : "Meal penalty"); return;
    case LineCode::holiday_unworked:
      s << (fr ? "Jour férié non travaillé (" : "Holiday not worked (") << HolidayOf{line} << ")";
      return;
    case LineCode::holiday_day_off_not_given:
      s << (fr ? "Congé non accordé pour jour férié (" : "Day off not given for holiday (") << HolidayOf{line}
        << ")";
      return;
  }
}

// "$755.00 ÷ 8 × 2 = $188.75": the day's base as written on the sheet, then the exact result.
void append_base_formula(Sentence& s, const PayLine& line) {
  if (line.base_multiplier != Rational(1) || line.base_divisor != 1) {
    // A 6th/7th-day base: (contracted [÷ 5] × 1.5)
    const Rational contracted = line.base * Rational(line.base_divisor) / line.base_multiplier;
    s << "(" << ExactDollars(contracted);
    if (line.base_divisor != 1) s << " ÷ " << line.base_divisor;
    s << " × " << Number{line.base_multiplier} << ")";
  } else {
    s << ExactDollars(line.base);
  }
  if (line.divisor != 1) s << " ÷ " << line.divisor;
  if (line.top_up) {
    s << " × (" << Number{line.multiplier + Rational(1)} << " − 1)";
  } else if (line.multiplier != Rational(1) || line.code == LineCode::overtime) {
    s << " × " << Number{line.multiplier};
  }
}

const char* payer_words(agreement::Payer payer, bool fr) {
  if (payer == agreement::Payer::producer) return fr ? "à la charge du producteur" : "paid by the producer";
  return fr ? "retenue sur la paie" : "deducted from pay";
}

// The text `write` writes, as a string of its own.
template <typename Write>
std::string written(Write write) {
  std::string out;
  {
    TextOut text(out);
    write(text);
  }  // the room not written is given back here
  return out;
}

}  // namespace

void append_as_is(TextOut& out, std::string_view text) { out.append(text); }

std::string_view HoursTexts::remember(std::int64_t minutes) {
  Entry& entry = entries_[next_];
  next_ = (next_ + 1) % kKept;
  used_ = std::min(used_ + 1, kKept);
  entry.minutes = minutes;
  entry.text = plain_hours(Duration{minutes});
  return entry.text;
}

void DateText::remember(Date date) {
  date_ = date;
  weekday_known_ = false;
  size_ = static_cast<std::size_t>(write_date(text_, date) - text_);
}

std::string_view DecimalTexts::Kept::remember(const Rational& value, Shown shown) {
  Entry& entry = entries_[next_];
  next_ = (next_ + 1) % kKept;
  used_ = std::min(used_ + 1, kKept);
  entry.value = value;
  const Rational written = shown == Shown::times_hundred ? value * Rational(100) : value;
  entry.size = static_cast<std::size_t>(written.write_decimal(entry.text) - entry.text);
  return {entry.text, entry.size};
}

void TextOut::make_room(std::size_t size) {
  // Enough for a person's pay lines and contributions with their sentences, so that making room is
  // rare. The room is not filled before it is written (resize_for_overwrite), so room left unwritten
  // at the end of a batch costs nothing. Measured, `compute --ndjson --threads 1` on 100 MB, twelve
  // runs each, alternating: 1 KiB 0.674 s of CPU on average, 8 KiB 0.642 s. (When the room was
  // zero-filled, 1 KiB was best: 4 KiB filled more than the writer wrote.)
  constexpr std::size_t kRoomChunk = 8192;
  const std::size_t kept = written();
  resize_for_overwrite(out_, kept + std::max(size, kRoomChunk));
  at_ = out_.data() + kept;
  room_end_ = out_.data() + out_.size();
}

void TextOut::give_back_room() {
  if (at_ == nullptr) return;
  out_.resize(static_cast<std::size_t>(at_ - out_.data()));
  at_ = room_end_ = nullptr;
}

std::string explain_money(Money amount, const std::string& lang) {
  return written([&](TextOut& out) { Sentence(out, lang, append_as_is) << Dollars(amount); });
}

std::string explain_exact_money(const Rational& dollars, const std::string& lang) {
  return written([&](TextOut& out) { Sentence(out, lang, append_as_is) << ExactDollars(dollars); });
}

std::string plain_hours(Duration duration) {
  constexpr int kHourDecimals = 2;
  return Rational(duration.count(), kMinutesPerHour).to_fixed(kHourDecimals);
}

std::string explain_hours(Duration duration, const std::string& lang) {
  return written([&](TextOut& out) { Sentence(out, lang, append_as_is) << Hours{duration}; });
}

std::string line_label(const PayLine& line, const std::string& lang) {
  return written([&](TextOut& out) {
    Sentence s(out, lang, append_as_is);
    append_label(s, line);
  });
}

void append_day(Date date, const std::string& lang, TextOut& out, KeptTexts* kept) {
  Sentence(out, lang, append_as_is, kept) << Day{date};
}

void append_explanation(const PayLine& line, const std::string& lang, TextOut& out,
                        AppendGivenText append_given, KeptTexts* kept, DayWritten* day_written) {
  Sentence s(out, lang, append_given, kept, day_written);
  const bool fr = s.fr();
  // "Overtime ×2, Tue 2009-04-07: "
  const auto start = [&]() -> Sentence& {
    append_label(s, line);
    return s << ", " << Day{line.date} << s.colon();
  };
  // " = $283.125 → $283.13": the exact value, and the amount when rounding changed it.
  const auto exact_note = [&] { return RoundedResult{exact_amount(line), line.amount}; };
  switch (line.code) {
    case LineCode::daily_rate:
      start() << (fr ? "taux contractuel " : "contracted rate ") << Dollars(line.amount) << Cite{*line.citation};
      return;
    case LineCode::weekly_rate:
      if (line.partial_week) {
        start() << ExactDollars(line.base) << " ÷ " << line.divisor << exact_note()
                << (fr ? ", semaine partielle de l'engagement" : ", a partial week of the engagement")
                << Cite{*line.citation};
        return;
      }
      s << (fr ? "Taux hebdomadaire, semaine du " : "Weekly rate, week of ") << Day{line.date}
        << (fr ? " : taux contractuel " : ": contracted rate ") << Dollars(line.amount)
        << (fr ? ", couvre les cinq premiers jours de travail" : ", covering the first five work days")
        << Cite{*line.citation};
      return;
    case LineCode::sixth_day:
    case LineCode::seventh_day:
    case LineCode::holiday_worked:
    case LineCode::holiday_unworked:
    case LineCode::holiday_day_off_not_given: {
      start();
      const bool plain_day = line.divisor == 1 && line.multiplier == Rational(1);
      if (plain_day) {
        s << (fr ? "une journée de salaire, " : "one day's pay, ") << Dollars(line.amount);
      } else {
        append_base_formula(s, line);
        s << exact_note();
      }
      if (line.top_up) {
        s << (fr ? " (taux de jour férié moins le cinquième déjà compris dans le taux hebdomadaire)"
                 : " (the holiday rate less the fifth already in the weekly rate)");
      }
      if ((line.code == LineCode::sixth_day || line.code == LineCode::seventh_day) &&
          (!line.holiday_name->en.empty() || line.declared_holiday)) {
        if (fr) {
          s << " (aussi " << HolidayOf{line} << ", payé une fois au taux le plus élevé)";
        } else {
          s << " (also " << HolidayOf{line} << ", paid once at the higher rate)";
        }
      }
      if (line.code == LineCode::holiday_unworked) {
        s << (fr ? ", jours ouvrables précédent et suivant travaillés" : ", the work days before and after were worked");
      }
      s << Cite{*line.citation};
      return;
    }
    case LineCode::overtime:
      start() << Hours{*line.hours} << (fr ? " au-delà de " : " beyond ") << Threshold{*line.threshold} << " × (";
      append_base_formula(s, line);
      s << " = " << ExactDollars(*line.rate) << ")" << exact_note() << Cite{*line.citation};
      return;
    case LineCode::turnaround:
    case LineCode::rest_period:
      start();
      if (fr) {
        s << "repos de " << Hours{*line.actual} << " sur " << Threshold{*line.threshold} << " exigées; "
          << Hours{*line.hours} << " d'empiètement × (";
      } else {
        s << Hours{*line.actual} << " rest of the " << Threshold{*line.threshold} << " required; "
          << Hours{*line.hours} << " encroached × (";
      }
      append_base_formula(s, line);
      s << " = " << ExactDollars(*line.rate) << ")" << exact_note() << Cite{*line.citation};
      return;
    case LineCode::meal_penalty:
      if (line.capped_late_meals != 0) {
        start() << ExactDollars(line.base) << ", ";
        if (fr) {
          s << "plafonnée à " << ExactDollars(line.base) << " par jour pour " << line.capped_late_meals
            << " repas en retard";
        } else {
          s << "capped at " << ExactDollars(line.base) << " a day for " << line.capped_late_meals << " late meals";
        }
        s << Cite{*line.citation};
        return;
      }
      start() << line.count << (fr ? " repas en retard × " : " late meal(s) × ") << ExactDollars(line.base) << exact_note()
              << Cite{*line.citation};
      return;
  }
}

void append_explanation(const Allowance& allowance, const std::string& lang, TextOut& out,
                        AppendGivenText append_given, KeptTexts* kept, DayWritten* day_written) {
  Sentence s(out, lang, append_given, kept, day_written);
  const bool fr = s.fr();
  if (allowance.code == AllowanceCode::per_diem_incidentals) {
    s << (fr ? "Per diem faux frais, " : "Per diem incidentals, ") << Day{allowance.date} << s.colon()
      << Dollars(allowance.amount) << " " << allowance.currency;
    return;
  }
  s << (fr ? "Per diem repas, " : "Per diem meals, ") << Day{allowance.date} << s.colon()
    << Dollars(allowance.full_amount);
  if (!allowance.meals_provided.empty()) {
    s << (fr ? " moins les repas fournis (" : " less meals provided (");
    bool any_written = false;  // a separator goes after written text only, so an empty name adds none
    for (const auto& meal : allowance.meals_provided) {
      if (any_written) s << ", ";
      s << meal;
      any_written = any_written || !meal.empty();
    }
    s << ") = " << Dollars(allowance.amount);
  }
  s << " " << allowance.currency;
}

std::string payee_name(agreement::Payee payee, const std::string& lang) {
  const bool fr = french(lang);
  switch (payee) {
    case agreement::Payee::guild: return fr ? "la Guilde" : "the Guild";
    case agreement::Payee::financial_institution: return fr ? "l'institution financière" : "the financial institution";
    case agreement::Payee::person: return fr ? "l'équipe (paies nettes)" : "the crew (net pay)";
  }
  return "";
}

bool sentence_in_parts(const Contribution& contribution) {
  if (contribution.week || !contribution.base || !contribution.rate) return false;
  if (!contribution.cap) return true;
  // The cap's clauses: nothing owed once the cap is reached, or the part of the gross under it.
  const Money base = *contribution.base;
  if (base.is_zero() && !contribution.gross.is_zero()) return false;
  return base == contribution.gross;
}

namespace {

// One part of a percentage contribution's sentence (SentencePart), for the three parts and for the
// sentences that add a cap's clause between its figures and its tail.
void write_part(Sentence& s, const Contribution& contribution, SentencePart part) {
  switch (part) {
    case SentencePart::head:
      s << *contribution.name << s.colon() << Percent{*contribution.rate} << " × ";
      return;
    case SentencePart::figures: {
      const Money base = contribution.base.value_or(Money());
      s << Dollars(base) << RoundedProduct{base, *contribution.rate, contribution.amount};
      return;
    }
    case SentencePart::tail:
      s << ", " << payer_words(contribution.paid_by, s.fr()) << Cite{*contribution.citation};
      return;
  }
}

}  // namespace

void append_explanation_part(const Contribution& contribution, SentencePart part, const std::string& lang,
                             TextOut& out, AppendGivenText append_given, KeptTexts* kept) {
  assert(sentence_in_parts(contribution));
  Sentence s(out, lang, append_given, kept);
  write_part(s, contribution, part);
}

void append_explanation(const Contribution& contribution, const std::string& lang, TextOut& out,
                        AppendGivenText append_given, KeptTexts* kept) {
  Sentence s(out, lang, append_given, kept);
  if (sentence_in_parts(contribution)) {
    for (const auto part : {SentencePart::head, SentencePart::figures, SentencePart::tail}) {
      write_part(s, contribution, part);
    }
    return;
  }
  const bool fr = s.fr();
  if (contribution.week) {
    const Dollars fee(contribution.fee);
    // "3 days", "1 jour"
    const auto days = [&] {
      const bool several = contribution.days > 1;
      s << contribution.days << (fr ? (several ? " jours" : " jour") : (several ? " days" : " day"));
    };
    s << *contribution.name << (fr ? ", semaine du " : ", week of ") << *contribution.week << s.colon();
    switch (contribution.fee_kind) {
      case agreement::PermitFeeKind::per_day_capped_weekly: {
        const Money uncapped = contribution.fee * contribution.days;
        days();
        s << " × " << fee << " = " << Dollars(uncapped);
        if (contribution.weekly_cap && uncapped > *contribution.weekly_cap) {
          s << (fr ? ", plafonné à " : ", capped at ") << Dollars(*contribution.weekly_cap)
            << (fr ? " par semaine" : " a week");
        }
        break;
      }
      case agreement::PermitFeeKind::per_week:
        s << fee << (fr ? " par semaine (" : " a week (");
        days();
        s << (fr ? " travaillés)" : " worked)");
        break;
      case agreement::PermitFeeKind::per_week_or_portion:
        s << fee << (fr ? " par semaine ou partie de semaine (" : " a week or portion of a week (");
        days();
        s << (fr ? " travaillés)" : " worked)");
        break;
    }
    write_part(s, contribution, SentencePart::tail);
    return;
  }
  const Money base = contribution.base.value_or(Money());
  if (contribution.cap && base.is_zero() && !contribution.gross.is_zero()) {
    s << *contribution.name << s.colon();
    if (fr) {
      s << "rien, le plafond de " << Dollars(*contribution.cap) << " par production étant atteint ("
        << Dollars(contribution.gross_to_date) << " payés auparavant)";
    } else {
      s << "nothing, the cap of " << Dollars(*contribution.cap) << " per production having been reached ("
        << Dollars(contribution.gross_to_date) << " paid before)";
    }
    write_part(s, contribution, SentencePart::tail);
    return;
  }
  write_part(s, contribution, SentencePart::head);
  write_part(s, contribution, SentencePart::figures);
  if (contribution.cap && base != contribution.gross) {
    if (fr) {
      s << " — la part du brut (" << Dollars(contribution.gross) << ") sous le plafond de "
        << Dollars(*contribution.cap) << " par production, " << Dollars(contribution.gross_to_date)
        << " ayant été payés auparavant";
    } else {
      s << " — the part of the gross (" << Dollars(contribution.gross) << ") under the cap of "
        << Dollars(*contribution.cap) << " per production, " << Dollars(contribution.gross_to_date)
        << " having been paid before";
    }
  }
  write_part(s, contribution, SentencePart::tail);
}

namespace {

// One part of a tax's sentence (SentencePart).
void write_part(Sentence& s, const Tax& tax, SentencePart part) {
  const bool fr = s.fr();
  switch (part) {
    case SentencePart::head:
      if (tax.code == "gst") {
        s << (fr ? "TPS" : "GST");
      } else {
        s << (fr ? "TVQ" : "QST");
      }
      s << (fr ? " sur " : " on ") << *tax.on_name << s.colon() << Percent{tax.rate} << " × ";
      return;
    case SentencePart::figures:
      if (!tax.gst_included.is_zero()) {
        s << "(" << Dollars(tax.taxed) << " + " << Dollars(tax.gst_included) << (fr ? " TPS = " : " GST = ")
          << Dollars(tax.base) << ")";
      } else {
        s << Dollars(tax.base);
      }
      s << RoundedProduct{tax.base, tax.rate, tax.amount};
      s << (fr ? ", taux en vigueur le " : ", rate in force on ") << tax.date;
      return;
    case SentencePart::tail:
      s << ", " << payer_words(tax.paid_by, fr) << Cite{*tax.citation};
      return;
  }
}

}  // namespace

void append_explanation_part(const Tax& tax, SentencePart part, const std::string& lang, TextOut& out,
                             AppendGivenText append_given, KeptTexts* kept) {
  Sentence s(out, lang, append_given, kept);
  write_part(s, tax, part);
}

void append_explanation(const Tax& tax, const std::string& lang, TextOut& out,
                        AppendGivenText append_given, KeptTexts* kept) {
  Sentence s(out, lang, append_given, kept);
  for (const auto part : {SentencePart::head, SentencePart::figures, SentencePart::tail}) write_part(s, tax, part);
}

// The findings' messages kept as figures (pay.h). Their words, numbers and layout are the ones the
// findings have always shown: hours "9.00" in both languages, minutes and counts as plain numbers.

namespace {

// The language a finding's sentence is written in, as Sentence takes it.
const std::string kEnglish = "en";
const std::string kFrench = "fr";
const std::string& language(bool french) { return french ? kFrench : kEnglish; }

}  // namespace

void MealTooShortFigures::render(bool french, TextOut& out, AppendGivenText append_given) const {
  Sentence s(out, language(french), append_given);
  if (french) {
    s << "La pause de " << HourMinute{start} << " à " << HourMinute{end} << " a duré " << minutes
      << " min, moins que les " << minimum_minutes << " min d'une pause-repas : elle ne compte pas comme telle.";
    return;
  }
  s << "The break from " << HourMinute{start} << " to " << HourMinute{end} << " lasted " << minutes << " min, under the "
    << minimum_minutes << " min of a meal break: it does not count as one.";
}

void MealLateFigures::render(bool french, TextOut& out, AppendGivenText append_given) const {
  static constexpr std::array<const char*, 4> kOrdinalEn = {"first", "second", "third", "fourth"};
  static constexpr std::array<const char*, 4> kOrdinalFr = {"premier", "deuxième", "troisième", "quatrième"};
  const bool named = which < kOrdinalEn.size();
  const auto number = static_cast<std::int64_t>(which) + 1;  // counted from 1 in words
  Sentence s(out, language(french), append_given);
  if (french) {
    s << "Le ";
    if (named) {
      s << kOrdinalFr[which] << " repas";
    } else {
      s << "repas no " << number;
    }
    s << " a commencé à " << HourMinute{start} << ", " << minutes_late << " min après l'échéance"
      << (after_general_crew_call ? " (6 h après l'appel général)" : "") << ".";
    return;
  }
  s << "The ";
  if (named) {
    s << kOrdinalEn[which] << " meal";
  } else {
    s << "meal no. " << number;
  }
  s << " began at " << HourMinute{start} << ", " << minutes_late << " min after it was due"
    << (after_general_crew_call ? " (6 h after general crew call)" : "") << ".";
}

void MealNotGivenFigures::render(bool french, TextOut& out, AppendGivenText append_given) const {
  Sentence s(out, language(french), append_given);
  if (french) {
    s << (first ? "Aucune pause-repas n'a été accordée; le travail s'est poursuivi "
                : "Aucune autre pause-repas n'a été accordée; le travail s'est poursuivi ")
      << minutes_past << (first ? " min après l'échéance du premier repas." : " min après l'échéance du repas suivant.");
    return;
  }
  s << (first ? "No meal break was given; work went on " : "No further meal break was given; work went on ")
    << minutes_past
    << (first ? " min past the time the first meal was due." : " min past the time the next meal was due.");
}

void RestEncroachedFigures::render(bool french, TextOut& out, AppendGivenText append_given) const {
  Sentence s(out, language(french), append_given);
  if (french) {
    s << (weekly_rest ? "Repos hebdomadaire" : "Période de repos") << " de " << PlainHours{gap} << " h entre la fin "
      << DateAndTime{wrap} << " et l'appel " << DateAndTime{call} << ", inférieur de " << PlainHours{required - gap}
      << " h aux " << PlainHours{required} << " h exigées.";
    return;
  }
  s << (weekly_rest ? "Weekly rest" : "Turnaround") << " of " << PlainHours{gap} << " h from wrap " << DateAndTime{wrap}
    << " to call " << DateAndTime{call} << ", short of the " << PlainHours{required} << " h required by "
    << PlainHours{required - gap} << " h.";
}

void HolidayPayUndeterminedFigures::render(bool french, TextOut& out, AppendGivenText append_given) const {
  Sentence s(out, language(french), append_given);
  // The name in the language asked for, even empty: the message has always shown it so.
  if (french) {
    s << "Le paiement de " << Given{holiday_name->fr, holiday_name->fr_escapes} << " dépend du " << needed
      << ", que ce lot ne couvre pas; le vérifier avec le lot voisin.";
    return;
  }
  s << "Pay for " << Given{holiday_name->en, holiday_name->en_escapes} << " depends on " << needed
    << ", which this batch does not cover; check it with the neighbouring batch.";
}

void AccommodationRequiredFigures::render(bool french, TextOut& out, AppendGivenText append_given) const {
  Sentence s(out, language(french), append_given);
  if (french) {
    s << "Journée en lieu éloigné de " << PlainHours{worked}
      << " h au-delà d'une heure de route : le producteur doit fournir un hébergement de première classe.";
    return;
  }
  s << "A distant-location day of " << PlainHours{worked}
    << " h beyond a one-hour drive: the producer must make first-class accommodation available.";
}

std::string explain(const PayLine& line, const std::string& lang) {
  return written([&](TextOut& out) { append_explanation(line, lang, out); });
}

std::string explain(const Allowance& allowance, const std::string& lang) {
  return written([&](TextOut& out) { append_explanation(allowance, lang, out); });
}

std::string explain(const Contribution& contribution, const std::string& lang) {
  return written([&](TextOut& out) { append_explanation(contribution, lang, out); });
}

std::string explain(const Tax& tax, const std::string& lang) {
  return written([&](TextOut& out) { append_explanation(tax, lang, out); });
}

}  // namespace plateau::engine
