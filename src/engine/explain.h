// The words of plateau: each pay line's derivation as one sentence a crew member can redo with a
// calculator, in English or French, rendered from the line's structured fields.
//   "Overtime ×2, Wed 2009-03-04: 2.00 h beyond 14 h × ($755.00 ÷ 8 × 2 = $188.75) = $377.50 (Qc 2.05)"
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/pay.h"

namespace plateau::engine {

// "$3,015.00" (en) or "3 015,00 $" (fr).
std::string explain_money(Money amount, const std::string& lang);

// An exact amount of dollars as the sentences show it before its rounding: "$283.125", "$3,015.00"
// (en) or "283,125 $", "3 015,00 $" (fr), at least two decimals.
std::string explain_exact_money(const Rational& dollars, const std::string& lang);

// "15.50 h" (en) or "15,50 h" (fr).
std::string explain_hours(Duration duration, const std::string& lang);

// "15.50": hours with two decimals and a point, ungrouped, the same in both languages, as fields and
// the findings' messages show them. The one text of a duration's hours, which explain_hours and the
// pay lines' sentences write in each language's way.
std::string plain_hours(Duration duration);

// The line's label: "Overtime ×2", "Heures supplémentaires ×2".
std::string line_label(const PayLine& line, const std::string& lang);

std::string explain(const PayLine& line, const std::string& lang);
std::string explain(const Allowance& allowance, const std::string& lang);

// "Health & Welfare: 4% × $1,000.00 = $40.00 — the part of the gross ($3,000.00) under the cap of
// $125,000.00 per production, $124,000.00 having been paid before, paid by the producer (Qc5.02)"
std::string explain(const Contribution& contribution, const std::string& lang);

// "QST on Administration and Training Fund: 7.5% × ($15.57 + $0.78 GST = $16.35) = $1.22625 → $1.23,
// rate in force on 2009-06-13, paid by the producer (…)"
std::string explain(const Tax& tax, const std::string& lang);

// Text written at the end of a string through a pointer into room made ahead of time, a chunk at
// a time: one comparison per piece instead of an std::string append per piece (a call, a capacity
// check, a call to memcpy). The sentences below and the JSON writer around them (pay_json) write
// through the same TextOut, so a sentence goes into the writer's room without either giving it
// back. When the TextOut is gone, the string ends where the text does.
class TextOut {
 public:
  explicit TextOut(std::string& out) : out_(out) {}
  TextOut(const TextOut&) = delete;
  TextOut& operator=(const TextOut&) = delete;
  ~TextOut() { give_back_room(); }

  // Makes room for `size` more bytes: put() and writes through at() go there without looking.
  void room_for(std::size_t size) {
    if (static_cast<std::size_t>(room_end_ - at_) < size) make_room(size);
  }
  void put(char c) { *at_++ = c; }
  void put(std::string_view text) { at_ = std::copy(text.begin(), text.end(), at_); }
  // put(text) for a text whose size is not known where it is written (money, a number, a code),
  // mostly short: see copy.
  void put_varying(std::string_view text) { at_ = copy(text, at_); }
  // room_for(text.size()), then put(text).
  void append(std::string_view text) {
    room_for(text.size());
    put(text);
  }
  // Where the next byte goes, for a writer that writes in place after room_for and then says where
  // it stopped with advance_to.
  char* at() const { return at_; }
  void advance_to(char* end) { at_ = end; }
  // How many bytes the string holds up to where the next byte goes: where the text written next
  // starts, for a writer that copies it again later (repeat).
  std::size_t written() const {
    return at_ == nullptr ? out_.size() : static_cast<std::size_t>(at_ - out_.data());
  }
  // Appends again the `size` bytes written from `from` (a written() taken before them).
  void repeat(std::size_t from, std::size_t size) {
    room_for(size);
    at_ = copy(std::string_view(out_.data() + from, size), at_);  // after room_for: the string may have moved
  }

 private:
  // Copies `text` to `to` and returns its end. Most texts put are short (a key, a code, an amount,
  // a few words): up to 32 bytes they are copied as two fixed-size copies that overlap, a few moves
  // each, rather than through a call to memmove, whose set-up costs more than such a copy. Nothing is
  // read outside the text nor written outside its place.
  static char* copy(std::string_view text, char* to) {
    const char* from = text.data();
    const std::size_t size = text.size();
    constexpr std::size_t k4 = 4, k8 = 8, k16 = 16, k32 = 32;
    if (size > k32) {
      std::memcpy(to, from, size);
    } else if (size >= k16) {
      std::memcpy(to, from, k16);
      std::memcpy(to + size - k16, from + size - k16, k16);
    } else if (size >= k8) {
      std::memcpy(to, from, k8);
      std::memcpy(to + size - k8, from + size - k8, k8);
    } else if (size >= k4) {
      std::memcpy(to, from, k4);
      std::memcpy(to + size - k4, from + size - k4, k4);
    } else if (size > 0) {  // 1 to 3: the first, the middle and the last byte (some the same)
      to[0] = from[0];
      to[size / 2] = from[size / 2];
      to[size - 1] = from[size - 1];
    }
    return to + size;
  }
  void make_room(std::size_t size);  // out of line: the rare case keeps room_for small enough to inline
  void give_back_room();

  std::string& out_;
  char* at_ = nullptr;        // where the next byte goes; null when no room is made
  char* room_end_ = nullptr;  // the end of the room made, which is the end of `out_`
};

// The decimal texts of the exact numbers a writer shows over and over: an agreement's rates and
// multipliers, the same for every person of a batch. Each is written once by
// Rational::write_decimal, the one path that formats a Rational, and copied after; Rationals are in
// lowest terms, so equal values have one text.
//
// Why remembered by the writer rather than made once at load: the pay results hold these values by
// value (PayLine::multiplier, Contribution::rate, Tax::rate), not a reference to the agreement's,
// so a text made at load could not be found from them. Only the agreement's numbers go here, never
// a person's rate or an exact amount: those differ from line to line and would push the others out.
class DecimalTexts {
 public:
  // value.write_decimal's text: "1.5", "0.09975".
  std::string_view decimal(const Rational& value) { return decimals_.text_of(value, Shown::as_it_is); }
  // (rate × 100).write_decimal's text, a rate as a percentage: "9.975".
  std::string_view percent(const Rational& rate) { return percents_.text_of(rate, Shown::times_hundred); }

 private:
  enum class Shown { as_it_is, times_hundred };

  // A few texts, each with the value it was written for; when all are taken the oldest is replaced.
  // Sixteen: on the benchmark's batches, 1,479 texts written for 300 batches, about the distinct
  // values of each batch (with eight, 4,665: the sentences' multipliers, thresholds and rates
  // pushed each other out).
  class Kept {
   public:
    std::string_view text_of(const Rational& value, Shown shown) {
      for (std::size_t i = 0; i < used_; ++i) {
        if (entries_[i].value == value) return {entries_[i].text, entries_[i].size};
      }
      return remember(value, shown);
    }

   private:
    std::string_view remember(const Rational& value, Shown shown);  // out of line: the rare case

    static constexpr std::size_t kKept = 16;
    struct Entry {
      Rational value;
      std::size_t size = 0;
      char text[Rational::kMaxDecimalTextSize];  // written when remembered, never read before
    };
    std::array<Entry, kKept> entries_;
    std::size_t used_ = 0;  // entries holding a text
    std::size_t next_ = 0;  // the one replaced next once all are used
  };

  Kept decimals_;
  Kept percents_;
};

// The text of the date written last, "2009-03-04" (write_date's), and its weekday, kept so that
// the next of the same date is a copy: a person's lines come by date, several a day, and each
// line's date is written twice (its JSON field, its sentence), as are an allowance's.
class DateText {
 public:
  std::string_view of(Date date) {
    if (size_ == 0 || date != date_) remember(date);
    return {text_, size_};
  }
  // The date's text written at `at`, which has room for kMaxDateTextSize characters; returns its
  // end. All kMaxDateTextSize bytes are copied, a size known here (a few moves, not a call to
  // memcpy); the ones after the text are written over next.
  char* write(char* at, Date date) {
    if (size_ == 0 || date != date_) remember(date);
    std::memcpy(at, text_, kMaxDateTextSize);
    return at + size_;
  }
  Weekday weekday_of(Date date) {
    if (size_ == 0 || date != date_) remember(date);
    if (!weekday_known_) {  // worked out when first asked: most dates written have none
      weekday_ = plateau::weekday_of(date);
      weekday_known_ = true;
    }
    return weekday_;
  }

 private:
  void remember(Date date);  // out of line: the rare case

  Date date_{};
  Weekday weekday_{};
  bool weekday_known_ = false;
  std::size_t size_ = 0;  // 0: none kept yet
  char text_[kMaxDateTextSize] = {};
};

// Hours with two decimals, "10.50", plain_hours's text, kept for the few durations a batch's lines
// have over and over (a day's hours, the overtime past a threshold): the rest are a copy, with no
// fraction reduced.
class HoursTexts {
 public:
  std::string_view of(Duration duration) {
    const std::int64_t minutes = duration.count();
    for (std::size_t i = 0; i < used_; ++i) {
      if (entries_[i].minutes == minutes) return entries_[i].text;
    }
    return remember(minutes);
  }

 private:
  std::string_view remember(std::int64_t minutes);  // out of line: the rare case

  static constexpr std::size_t kKept = 16;
  struct Entry {
    std::int64_t minutes = 0;
    std::string text;  // a few characters: held in the string itself, no allocation
  };
  std::array<Entry, kKept> entries_;
  std::size_t used_ = 0;
  std::size_t next_ = 0;
};

// What a writer of many sentences keeps from one to the next (pay_json keeps one for a batch).
struct KeptTexts {
  DecimalTexts numbers;
  DateText date;
  HoursTexts hours;
};

// How a sentence writes a text given to plateau: AppendGivenText (pay.h, beside the findings'
// figures, which take one too). This one writes it as it is.
void append_as_is(TextOut& out, std::string_view text);

// Where a pay line's or an allowance's sentence wrote its day ("Tue 2009-04-07", see append_day),
// as offsets in the output (TextOut::written), and how many times it wrote one. Every such sentence
// names its day once, and nothing else in it depends on the date but a declared holiday's name: so
// a writer of many (pay_json) copies a line or allowance written before with the same figures but
// for its date, and writes only the date and this day.
struct DayWritten {
  std::size_t from = 0;
  std::size_t to = 0;
  int times = 0;
};

// "Tue 2009-04-07" (en) or "mar. 2009-04-07" (fr): a pay line's day as its sentence writes it.
void append_day(Date date, const std::string& lang, TextOut& out, KeptTexts* kept = nullptr);

// The same sentences, written to `out`: writers of many lines (pay_json) put them straight into
// their output instead of building a string for each, escaping the given texts with `append_given`,
// and taking the agreement's multipliers and percentages, and dates, from `kept` when given one.
// A pay line's or an allowance's sentence says where it wrote its day in `day_written`, when given
// one.
void append_explanation(const PayLine& line, const std::string& lang, TextOut& out,
                        AppendGivenText append_given = append_as_is, KeptTexts* kept = nullptr,
                        DayWritten* day_written = nullptr);
void append_explanation(const Allowance& allowance, const std::string& lang, TextOut& out,
                        AppendGivenText append_given = append_as_is, KeptTexts* kept = nullptr,
                        DayWritten* day_written = nullptr);
void append_explanation(const Contribution& contribution, const std::string& lang, TextOut& out,
                        AppendGivenText append_given = append_as_is, KeptTexts* kept = nullptr);
void append_explanation(const Tax& tax, const std::string& lang, TextOut& out,
                        AppendGivenText append_given = append_as_is, KeptTexts* kept = nullptr);

// The sentence of a percentage contribution without a cap clause, or of a tax, in three parts:
// what names it and its rate ("Retirement contribution: 6% × "), its figures ("$5,040.00 =
// $302.40"), and who pays with the article (", paid by the producer (…)"). The first and the last
// are the same for every person the same contribution or tax applies to, so a writer of many
// (pay_json) writes them once and copies them after, writing only the figures each time.
// append_explanation writes the three, one after the other, for such a contribution or tax.
enum class SentencePart { head, figures, tail };

// Whether append_explanation writes the contribution's sentence as its three parts: a percentage
// contribution (a base and a rate, no permit fee) whose base was not cut by a per-production cap.
bool sentence_in_parts(const Contribution& contribution);

// One part of the sentence, for a contribution for which sentence_in_parts holds, or a tax.
void append_explanation_part(const Contribution& contribution, SentencePart part, const std::string& lang,
                             TextOut& out, AppendGivenText append_given = append_as_is,
                             KeptTexts* kept = nullptr);
void append_explanation_part(const Tax& tax, SentencePart part, const std::string& lang, TextOut& out,
                             AppendGivenText append_given = append_as_is, KeptTexts* kept = nullptr);

// "guild", "institution financière", … in `lang`.
std::string payee_name(agreement::Payee payee, const std::string& lang);

}  // namespace plateau::engine
