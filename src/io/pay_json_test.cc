// The pay JSON writer's escaping: every position of a string, and the texts a sentence is given
// (an agreement's names and citations) escaped inside the explanations it writes straight in.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/explain.h"
#include "io/pay_json.h"
#include "core/test_support.h"

namespace plateau::io {
namespace {

// JSON's escaping one character at a time, as RFC 8259 words it: the reference the writer's
// sixteen-bytes-at-a-time search must agree with.
std::string escaped_one_by_one(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// One character to escape (or a UTF-8 one, which stays) at every position of texts of every length
// up to three blocks of sixteen and a few, so that it falls in a whole block, in the sixteen bytes
// that end the text (which overlap the block before), in each of the overlapping loads of a text
// shorter than sixteen, and on each side of their boundaries.
TEST(JsonString, EscapesAtEveryPositionAndLength) {
  constexpr std::size_t kLongest = 3 * 16 + 5;
  for (const std::string special : {"\"", "\\", "\n", "\r", "\t", "\x01", "\x1f", "\x7f", "é"}) {
    for (std::size_t length = 0; length <= kLongest; ++length) {
      EXPECT_EQ(json_string(std::string(length, 'a')), escaped_one_by_one(std::string(length, 'a')));
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text.replace(at, 1, special);
        EXPECT_EQ(json_string(text), escaped_one_by_one(text)) << "length " << length << ", at " << at;
      }
    }
  }
  EXPECT_EQ(json_string(std::string("a\0b", 3)), "\"a\\u0000b\"");
}

// GST of 5% on $75.60, $3.78 exactly, owed on 2009-05-22, on what `on_name` names.
engine::Tax gst_on(const agreement::Text& on_name) {
  engine::Tax tax;
  tax.code = "gst";
  tax.on_name = &on_name;
  tax.taxed = Money::from_cents(7560);
  tax.base = Money::from_cents(7560);
  tax.rate = Rational(5, 100);
  tax.amount = Money::from_cents(378);
  tax.date = Date{std::chrono::year{2009}, std::chrono::month{5}, std::chrono::day{22}};
  return tax;
}

// A batch of one person whose pay is `tax` alone.
engine::BatchPay pay_of(const engine::Tax& tax) {
  engine::PersonPay person;
  person.id = "E-1";
  person.taxes.push_back(tax);
  engine::BatchPay pay;
  pay.agreement_id = "dgc-quebec";
  pay.crew.push_back(person);
  return pay;
}

// A tax whose agreement names hold characters JSON escapes: the sentence's given texts (the name
// of what is taxed, the citation) are escaped where the sentence writes them, its own words not.
// 5% × $75.60 = $3.78 exactly, so the sentence shows no rounding.
TEST(PayJson, ExplanationEscapesTheTextsItIsGiven) {
  const agreement::Text on_name{"Fund \"A\"\\B", ""};
  const agreement::Citation citation{"Qc 5.03\n(\"tables\")", "", ""};
  engine::Tax tax = gst_on(on_name);
  tax.on = "admin_training";
  tax.citation = &citation;
  const engine::BatchPay pay = pay_of(tax);

  const std::string sentence = engine::explain(tax, "en");
  EXPECT_EQ(sentence,
            "GST on Fund \"A\"\\B: 5% × $75.60 = $3.78, rate in force on 2009-05-22, paid by the producer "
            "(Qc 5.03\n(\"tables\"))");
  const std::string out = write_pay_json(pay, "en");
  EXPECT_NE(out.find("\"citation\": " + json_string(citation.article) + ", \"explanation\": " + json_string(sentence) +
                     "}"),
            std::string::npos)
      << out;
}

// A contribution's code and the code a tax is on, the agreement's texts, are copied as they are
// once found plain and escaped when they need it, every time: more codes than the writer keeps,
// each twice and in turn, some with characters JSON escapes, two of the same text at different
// places, and one that takes the place of a plain one remembered before.
TEST(PayJson, AgreementCodesAreEscapedWhenTheyNeedItEveryTime) {
  std::vector<std::string> codes;
  for (int i = 0; i < 20; ++i) codes.push_back("code_" + std::to_string(i));
  codes.push_back("12345678");    // plain, of the size of the one with a newline after it
  codes.push_back("0123456789");  // and of the one with a backslash
  codes.push_back("quoted \"code\"");
  codes.push_back("back\\slash");
  codes.push_back("new\nline");
  codes.push_back("code_3");  // the same text as another, elsewhere
  std::vector<std::string> expected;
  engine::PersonPay person;
  person.id = "E-1";
  const agreement::Text name{"Fund", "Fonds"};
  for (int round = 0; round < 2; ++round) {
    for (const std::string& code : codes) {
      engine::Contribution contribution;
      contribution.code = code;
      contribution.name = &name;
      contribution.amount = Money::from_cents(0);
      contribution.base = Money::from_cents(0);
      contribution.rate = Rational(1, 100);
      person.contributions.push_back(contribution);
      engine::Tax tax = gst_on(name);
      tax.on = code;
      person.taxes.push_back(tax);
      expected.push_back("\"code\": " + json_string(code) + ", ");
      expected.push_back("\"on\": " + json_string(code) + ", ");
    }
  }
  engine::BatchPay pay;
  pay.agreement_id = "dgc-quebec";
  pay.crew.push_back(person);
  const std::string out = write_pay_json(pay, "en");
  for (const std::string& field : expected) {
    EXPECT_NE(out.find(field), std::string::npos) << field;
  }
  // Each code's field as many times as it was written (code_3 four times: two texts, two rounds).
  for (const std::string& code : codes) {
    const std::string field = "{\"code\": " + json_string(code) + ", ";
    std::size_t count = 0;
    for (std::size_t at = out.find(field); at != std::string::npos; at = out.find(field, at + 1)) ++count;
    EXPECT_EQ(count, code == "code_3" ? 4u : 2u) << code;
  }
  // Each text written somewhere else in its turn: one already kept, one never kept.
  std::string moved = codes[0];
  pay.crew[0].contributions[0].code = moved;
  pay.crew[0].contributions[1].code = codes[23];
  const std::string again = write_pay_json(pay, "en");
  EXPECT_NE(again.find("{\"code\": " + json_string(codes[23]) + ", "), std::string::npos);
}

// The crew array of a batch's JSON: what is between "crew": [ and its closing ], remittances.
std::string crew_of(const std::string& json) {
  const std::string open = "\"crew\": [";
  const std::size_t from = json.find(open) + open.size();
  return json.substr(from, json.rfind("], \"remittances\"") - from);
}

// A batch's percentage contributions and taxes are written in full the first time and, for the next
// person with the same one, copied from the pieces written then around the figures that differ
// (pay_json.cc). So each person's JSON in a batch of many must be the same, byte for byte, as the
// JSON of a batch of that person alone, where every item is written in full. The people differ
// in base, amount (one product not a whole number of cents: 6% × $1,038.13 = $62.2878 → $62.29),
// in the order of their items, and by one item each: a second rate, a cap (written in full as well
// when it cut the base), another payer or payee, an article with characters JSON escapes, another
// name for the same code, a tax on another contribution, and a tax with GST in its base.
TEST(PayJson, ContributionsAndTaxesCopiedFromTheirPiecesAreAsWhenWrittenInFull) {
  const agreement::Text retirement{"Retirement", "Retraite"};
  const agreement::Text fund{"Fund \"A\"", "Fonds « A »"};
  const agreement::Citation fringe{"Fringe Benefits", "", ""};
  const agreement::Citation quoted{"Qc 5.03 (\"tables\")", "", ""};
  const std::string retirement_code = "retirement";
  const std::string fund_code = "admin_training";
  const auto contribution = [&](const agreement::Text& name, const std::string& code, std::int64_t base_cents,
                                Rational rate, std::int64_t amount_cents) {
    engine::Contribution item;
    item.code = code;
    item.name = &name;
    item.citation = &fringe;
    item.base = Money::from_cents(base_cents);
    item.gross = Money::from_cents(base_cents);
    item.rate = rate;
    item.amount = Money::from_cents(amount_cents);
    item.paid_to = agreement::Payee::financial_institution;
    return item;
  };
  const agreement::Text retirement_again{"Retirement plan", "Régime de retraite"};  // another name, same code
  std::vector<engine::PersonPay> people(9);
  for (std::size_t i = 0; i < people.size(); ++i) {
    engine::PersonPay& person = people[i];
    person.id = "E-" + std::to_string(i + 1);
    const std::int64_t base = 103813 + static_cast<std::int64_t>(i) * 50000;  // $1,038.13, $1,538.13, …
    // 6% × base, rounded half away from zero, as the engine rounds: 6228.78 cents → 6229 for $1,038.13.
    const std::int64_t six_percent = (base * 6 + 50) / 100;
    person.contributions.push_back(contribution(retirement, retirement_code, base, Rational(6, 100), six_percent));
    // 1.5% × base: 1557.195 cents → 1557 for $1,038.13.
    person.contributions.push_back(contribution(fund, fund_code, base, Rational(15, 1000), (base * 15 + 500) / 1000));
    engine::Tax tax = gst_on(fund);
    tax.on = fund_code;
    tax.taxed = tax.base = person.contributions.back().amount;
    tax.amount = Money::from_cents((tax.base.cents() * 5 + 50) / 100);
    person.taxes.push_back(tax);
    switch (i) {
      case 1:  // another rate for the same contribution
        person.contributions[0].rate = Rational(7, 100);
        person.contributions[0].amount = Money::from_cents((base * 7 + 50) / 100);
        break;
      case 2:  // a cap that did not cut the base, then one that did
        person.contributions[1].cap = Money::from_cents(5000000);
        break;
      case 3:
        person.contributions[1].cap = Money::from_cents(5000000);
        person.contributions[1].gross = Money::from_cents(base + 1000);
        break;
      case 4:  // deducted from the person's pay, under an article JSON escapes; GST at 6%
        person.contributions[0].paid_by = agreement::Payer::person;
        person.contributions[0].citation = &quoted;
        person.taxes.back().rate = Rational(6, 100);
        person.taxes.back().amount = Money::from_cents((tax.base.cents() * 6 + 50) / 100);
        break;
      case 5:  // QST on the contribution plus its GST, and the items in the other order
        person.taxes.back().code = "qst";
        person.taxes.back().gst_included = Money::from_cents(78);
        person.taxes.back().base = person.taxes.back().taxed + Money::from_cents(78);
        std::swap(person.contributions[0], person.contributions[1]);
        break;
      case 6:  // the same code under another name
        person.contributions[0].name = &retirement_again;
        break;
      case 7:  // another article alone; another payee; the tax paid by the person, under that article
        person.contributions[0].citation = &quoted;
        person.contributions[1].paid_to = agreement::Payee::guild;
        person.taxes.back().paid_by = agreement::Payer::person;
        person.taxes.back().citation = &quoted;
        break;
      case 8:  // the tax on another contribution, then on the same code under another name
        person.taxes.back().on = retirement_code;
        person.taxes.back().on_name = &retirement;
        person.taxes.push_back(tax);
        person.taxes.back().on_name = &retirement_again;
        break;
      default:
        break;
    }
  }
  for (const std::string lang : {"en", "fr"}) {
    engine::BatchPay together;
    together.agreement_id = "dgc-quebec";
    std::string alone;
    for (const engine::PersonPay& person : people) {
      together.crew.push_back(person);
      engine::BatchPay one;
      one.agreement_id = "dgc-quebec";
      one.crew.push_back(person);
      alone += (alone.empty() ? "" : ", ") + crew_of(write_pay_json(one, lang));
    }
    // Twice over, so that every item of the second round is copied from pieces.
    const std::vector<engine::PersonPay> once = together.crew;
    together.crew.insert(together.crew.end(), once.begin(), once.end());
    EXPECT_EQ(crew_of(write_pay_json(together, lang)), alone + ", " + alone) << lang;
  }
}

// The items of the first array `key` in a batch's JSON: what is between "key": [ and ], "next"
// (the key that follows it in a person's JSON).
std::string array_of(const std::string& json, const std::string& key, const std::string& next) {
  const std::string open = "\"" + key + "\": [";
  const std::size_t from = json.find(open) + open.size();
  return json.substr(from, json.find("], \"" + next + "\"") - from);
}

// Dated items (pay lines, allowances) for the tests below, each on the day after the one before.
// add(first, change): `first`, then `first` changed by `change` (written in full, as it differs from
// the one before by that change alone), then the changed one again (copied from it).
template <typename Item>
class DatedSeries {
 public:
  explicit DatedSeries(Date first_day) : next_day_(first_day) {}
  template <typename Change>
  void add(const Item& first, Change change) {
    push(first);
    push(first);
    change(items_.back());
    push(Item(items_.back()));
  }
  const std::vector<Item>& items() const { return items_; }

 private:
  void push(Item item) {
    item.date = next_day_;
    next_day_ = add_days(next_day_, 1);
    items_.push_back(item);
  }
  std::vector<Item> items_;
  Date next_day_;
};

// Each of `items`, put in a person's `member` list, written in a batch, is as when written alone,
// in both languages: all in one person (the array `key`, followed by `next`), then one person each.
template <typename Item>
void expect_as_when_written_alone(const std::vector<Item>& items, std::vector<Item> engine::PersonPay::*member,
                                  const std::string& key, const std::string& next) {
  for (const std::string lang : {"en", "fr"}) {
    std::string alone;
    std::string each_alone;
    engine::BatchPay together;
    engine::BatchPay each;
    together.crew.emplace_back();
    for (const Item& item : items) {
      engine::PersonPay person;
      (person.*member).push_back(item);
      (together.crew.front().*member).push_back(item);
      each.crew.push_back(person);
      engine::BatchPay one;
      one.crew.push_back(person);
      const std::string json = write_pay_json(one, lang);
      alone += (alone.empty() ? "" : ", ") + array_of(json, key, next);
      each_alone += (each_alone.empty() ? "" : ", ") + crew_of(json);
    }
    EXPECT_EQ(array_of(write_pay_json(together, lang), key, next), alone) << lang;
    EXPECT_EQ(crew_of(write_pay_json(each, lang)), each_alone) << lang;
  }
}

// A batch's pay lines are written in full the first time and, for a later line with the same
// figures but its date, copied from the pieces written then around the date and the day its
// sentence names (pay_json.cc). So a person's lines, written in a batch of many, must be the same,
// byte for byte, as each line written alone. The lines are a daily rate, an overtime line, a meal
// penalty and a weekly rate, each again on the next day (copied); then pairs of a line and the same
// line the next day with one field changed (to be written in full): each field the sentence or the
// JSON shows, a holiday named, a holiday declared (whose name is made from the date), an article
// with characters JSON escapes. (A line's `upper` and `basis` are not shown; same_but_date compares
// them all the same.)
TEST(PayJson, PayLinesCopiedFromTheirPiecesAreAsWhenWrittenInFull) {
  const agreement::Citation rates{"Minimum Rates", "", ""};
  const agreement::Citation overtime_article{"Qc 2.05", "", ""};
  const agreement::Citation quoted{"Qc 2.05 (\"b\")", "", ""};
  const agreement::Text victoria{"Victoria Day", "Journée nationale des patriotes"};
  const agreement::Text canada{"Canada Day", "Fête du Canada"};
  const Date monday = parse_date("2009-05-18").value();
  engine::PayLine daily;  // $840.00 a day
  daily.date = monday;
  daily.citation = &rates;
  daily.base = Rational(840);
  daily.amount = Money::from_cents(84000);
  engine::PayLine overtime = daily;  // 2.00 h beyond 10 h × ($840.00 ÷ 8 × 1.5 = $157.50) = $315.00
  overtime.code = engine::LineCode::overtime;
  overtime.citation = &overtime_article;
  overtime.divisor = 8;
  overtime.multiplier = Rational(3, 2);
  overtime.hours = Duration{120};
  overtime.rate = Rational(315, 2);
  overtime.threshold = Duration{600};
  overtime.upper = Duration{720};
  overtime.actual = Duration{720};
  overtime.amount = Money::from_cents(31500);
  engine::PayLine penalty = daily;  // 2 late meal(s) × $20.00 = $40.00
  penalty.code = engine::LineCode::meal_penalty;
  penalty.base = Rational(20);
  penalty.count = 2;
  penalty.amount = Money::from_cents(4000);
  engine::PayLine weekly = daily;  // $4,200.00 ÷ 5 = $840.00
  weekly.code = engine::LineCode::weekly_rate;
  weekly.base = Rational(4200);
  weekly.divisor = 5;
  DatedSeries<engine::PayLine> lines(monday);  // the changed line copied, but one naming a declared holiday
  const auto add = [&](const engine::PayLine& first, auto change) { lines.add(first, change); };
  for (const engine::PayLine& first : {daily, overtime, penalty, weekly}) {
    add(first, [](engine::PayLine&) {});  // the same line the next day: copied
  }
  add(daily, [](engine::PayLine& l) { l.amount = Money::from_cents(84001); });
  add(daily, [](engine::PayLine& l) { l.code = engine::LineCode::sixth_day; });
  add(daily, [&](engine::PayLine& l) { l.citation = &quoted; });
  add(daily, [](engine::PayLine& l) { l.code = engine::LineCode::holiday_worked; });
  add(weekly, [](engine::PayLine& l) { l.partial_week = true; });
  add(weekly, [](engine::PayLine& l) { l.base = Rational(4205); });
  const auto holiday = [](engine::PayLine& l) { l.code = engine::LineCode::holiday_worked; };
  engine::PayLine holiday_line = daily;
  holiday(holiday_line);
  add(holiday_line, [&](engine::PayLine& l) { l.holiday_name = &victoria; });
  add(holiday_line, [&](engine::PayLine& l) { l.holiday_name = &canada; });
  add(holiday_line, [&](engine::PayLine& l) { l.declared_holiday = true; });
  add(holiday_line, [&](engine::PayLine& l) { l.declared_holiday = true; });  // named by its own date
  add(holiday_line, [](engine::PayLine& l) { l.multiplier = Rational(2); });  // × 2
  engine::PayLine doubled = holiday_line;
  doubled.multiplier = Rational(2);
  add(doubled, [](engine::PayLine& l) { l.top_up = true; });  // (2 − 1) in a weekly week
  add(penalty, [](engine::PayLine& l) { l.count = 3; });
  add(penalty, [](engine::PayLine& l) { l.capped_late_meals = 3; });  // capped at $20.00 for 3 late meals
  add(overtime, [](engine::PayLine& l) { l.hours = Duration{150}; });
  add(overtime, [](engine::PayLine& l) { l.threshold = Duration{660}; });
  add(overtime, [](engine::PayLine& l) { l.rate = Rational(316, 2); });
  add(overtime, [](engine::PayLine& l) { l.multiplier = Rational(2); });
  add(overtime, [](engine::PayLine& l) { l.base = Rational(841); });
  add(overtime, [](engine::PayLine& l) { l.divisor = 10; });
  add(overtime, [](engine::PayLine& l) { l.base_multiplier = Rational(3, 2); });  // ($840.00 × 1.5) ÷ 8
  add(overtime, [](engine::PayLine& l) { l.base_divisor = 5; });                  // ($840.00 ÷ 5 × 1) ÷ 8
  add(overtime, [](engine::PayLine& l) { l.code = engine::LineCode::turnaround; });
  engine::PayLine turnaround = overtime;  // 12.00 h rest of the 10 h required (the figures need not agree)
  turnaround.code = engine::LineCode::turnaround;
  add(turnaround, [](engine::PayLine& l) { l.actual = Duration{540}; });
  expect_as_when_written_alone(lines.items(), &engine::PersonPay::lines, "lines", "gross");
}

// The same for allowances: per diems copied from one written in full the day before are as when
// written alone. An allowance, the same the next day with nothing or one field changed, and that
// again the day after. The fields changed: the amount, the code, the article (one JSON escapes),
// the currency, the amount before meals provided, and the meals provided (one more, another one,
// the same in another order, none).
TEST(PayJson, AllowancesCopiedFromTheirPiecesAreAsWhenWrittenInFull) {
  const agreement::Citation per_diem_article{"Per Diems", "", ""};
  const agreement::Citation quoted{"Per Diems (\"c\")", "", ""};
  const Date monday = parse_date("2009-05-18").value();
  engine::Allowance meals;  // $60.00 less breakfast ($10.00) = $50.00 CAD
  meals.date = monday;
  meals.code = engine::AllowanceCode::per_diem_meals;
  meals.amount = Money::from_cents(5000);
  meals.currency = "CAD";
  meals.citation = &per_diem_article;
  meals.full_amount = Money::from_cents(6000);
  meals.meals_provided = {"breakfast"};
  engine::Allowance incidentals;  // $15.00 CAD
  incidentals.date = monday;
  incidentals.code = engine::AllowanceCode::per_diem_incidentals;
  incidentals.amount = Money::from_cents(1500);
  incidentals.currency = "CAD";
  incidentals.citation = &per_diem_article;
  incidentals.full_amount = Money::from_cents(1500);
  DatedSeries<engine::Allowance> allowances(monday);
  const auto add = [&](const engine::Allowance& first, auto change) { allowances.add(first, change); };
  add(meals, [](engine::Allowance&) {});  // copied
  add(incidentals, [](engine::Allowance&) {});
  add(incidentals, [](engine::Allowance& a) { a.amount = Money::from_cents(1501); });
  add(incidentals, [](engine::Allowance& a) { a.code = engine::AllowanceCode::per_diem_meals; });
  add(incidentals, [&](engine::Allowance& a) { a.citation = &quoted; });
  add(incidentals, [](engine::Allowance& a) { a.currency = "USD"; });
  add(meals, [](engine::Allowance& a) { a.full_amount = Money::from_cents(6500); });
  add(meals, [](engine::Allowance& a) { a.meals_provided = {"breakfast", "lunch"}; });
  add(meals, [](engine::Allowance& a) { a.meals_provided = {"lunch"}; });
  add(meals, [](engine::Allowance& a) { a.meals_provided = {}; });
  engine::Allowance two_meals = meals;
  two_meals.meals_provided = {"breakfast", "lunch"};
  add(two_meals, [](engine::Allowance& a) { a.meals_provided = {"lunch", "breakfast"}; });
  expect_as_when_written_alone(allowances.items(), &engine::PersonPay::allowances, "allowances", "contributions");
}

// An agreement's name in a sentence: the French one in French when there is one, else the English
// one, each escaped as the loader found it (one language's text may need escaping, the other not).
TEST(PayJson, NamesInSentencesAreTheLanguagesWithTheirOwnEscaping) {
  const agreement::Text english_only{"Fund \"A\"", "", agreement::Escapes::not_known, agreement::Escapes::none};
  const agreement::Text french_escaped{"Fund", "Fonds \"B\"\\", agreement::Escapes::none, agreement::Escapes::not_known};
  for (const agreement::Text* name : {&english_only, &french_escaped}) {
    const engine::Tax tax = gst_on(*name);
    const engine::BatchPay pay = pay_of(tax);
    for (const std::string lang : {"en", "fr"}) {
      const std::string sentence = engine::explain(tax, lang);
      const std::string shown = lang == "fr" && !name->fr.empty() ? name->fr : name->en;
      EXPECT_NE(sentence.find((lang == "fr" ? " sur " : " on ") + shown + (lang == "fr" ? " : " : ": ")),
                std::string::npos)
          << sentence;
      EXPECT_NE(write_pay_json(pay, lang).find("\"explanation\": " + json_string(sentence) + "}"), std::string::npos)
          << lang << ": " << sentence;
    }
  }
}

// Findings' messages are written straight into the output, escaped there: for each kind kept as
// figures and one written out already, with names holding characters JSON escapes, the field is
// the message the finding returns, as a JSON string, in both languages.
TEST(PayJson, FindingMessagesAreTheReturnedMessagesEscaped) {
  const agreement::Text holiday{"St. \"Jean\"\\Baptiste\n\x01", "Saint-\"Jean\"\t"};
  const agreement::Text plain_holiday{"Canada Day", "Fête du Canada", agreement::Escapes::none,
                                      agreement::Escapes::none};
  const Date day{std::chrono::year{2009}, std::chrono::month{5}, std::chrono::day{4}};
  const ClockTime noon = ClockTime::at(day, Duration{12 * 60});
  const ClockTime wrap = ClockTime::at(day, Duration{19 * 60});
  const ClockTime call = ClockTime::at(add_days(day, 1), Duration{4 * 60});
  const std::vector<engine::FindingMessage> messages = {
      engine::MealTooShortFigures{noon, ClockTime::at(day, Duration{12 * 60 + 20}), 20, 30},
      engine::MealLateFigures{1, noon, 67, true},
      engine::MealLateFigures{7, noon, 3, false},
      engine::MealNotGivenFigures{true, 360},
      engine::MealNotGivenFigures{false, 12},
      engine::RestEncroachedFigures{false, Duration{540}, Duration{600}, wrap, call},
      engine::RestEncroachedFigures{true, Duration{1925}, Duration{2160}, wrap, call},
      engine::HolidayPayUndeterminedFigures{&holiday, day},
      engine::HolidayPayUndeterminedFigures{&plain_holiday, day},
      engine::AccommodationRequiredFigures{Duration{745}},
      agreement::Text{"Premium \"work\"\\ withheld\r", "Travail à prime \"retenu\"\x1f"},
  };
  const agreement::Citation citation{"Qc 6.01", "", "", agreement::Escapes::none};
  engine::PersonPay person;
  person.id = "E-1";
  for (const auto& message : messages) person.findings.push_back({day, "meal_late", engine::Severity::warning, message, &citation});
  engine::BatchPay pay;
  pay.agreement_id = "dgc-quebec";
  pay.crew.push_back(person);
  for (const std::string lang : {"en", "fr"}) {
    const std::string out = write_pay_json(pay, lang);
    std::size_t from = 0;
    for (const auto& message : messages) {
      const std::string field = "\"message\": " + json_string(message.in(lang)) + ", \"citation\": \"Qc 6.01\"}";
      const std::size_t at = out.find(field, from);
      ASSERT_NE(at, std::string::npos) << lang << ": " << field << "\nin " << out;
      from = at + field.size();
    }
  }
}

// Lines' and allowances' codes are copied from a table made once of to_string's texts: every code,
// and one after the last the table knows (written from to_string, "unknown"), is to_string's text.
TEST(PayJson, CodesAreToStringsTexts) {
  const Date day{std::chrono::year{2009}, std::chrono::month{5}, std::chrono::day{4}};
  engine::PersonPay person;
  person.id = "E-1";
  constexpr auto kAfterLastLine = static_cast<int>(engine::LineCode::holiday_day_off_not_given) + 1;
  for (int code = 0; code <= kAfterLastLine; ++code) {
    engine::PayLine line;
    line.date = day;
    line.code = static_cast<engine::LineCode>(code);
    line.base = Rational(100);
    line.amount = Money::from_cents(10000);
    // What the explanations of hourly lines (overtime, turnaround, rest) read: without them, those
    // explanations would read empty optionals.
    line.hours = Duration{60};
    line.rate = Rational(100);
    line.threshold = Duration{600};
    line.actual = Duration{540};
    person.lines.push_back(line);
  }
  constexpr auto kAfterLastAllowance = static_cast<int>(engine::AllowanceCode::per_diem_meals) + 1;
  for (int code = 0; code <= kAfterLastAllowance; ++code) {
    person.allowances.push_back({day, static_cast<engine::AllowanceCode>(code), Money::from_cents(1000), "CAD",
                                 &agreement::kNoCitation, Money::from_cents(1000), {}});
  }
  engine::BatchPay pay;
  pay.agreement_id = "dgc-quebec";
  pay.crew.push_back(person);
  const std::string out = write_pay_json(pay, "en");
  std::size_t from = 0;
  for (const auto& line : person.lines) {
    const std::string field = "{\"date\": \"2009-05-04\", \"code\": \"" + engine::to_string(line.code) + "\", ";
    from = out.find(field, from);
    ASSERT_NE(from, std::string::npos) << field << "\nin " << out;
  }
  EXPECT_EQ(engine::to_string(person.lines.back().code), "unknown");
  from = 0;
  for (const auto& allowance : person.allowances) {
    const std::string field = "{\"date\": \"2009-05-04\", \"code\": \"" + engine::to_string(allowance.code) + "\", ";
    from = out.find(field, from);
    ASSERT_NE(from, std::string::npos) << field << "\nin " << out;
  }
}

// TextOut::put_varying copies texts of every size, from 0 to past the largest copied in fixed-size
// pieces, taken at every offset of a larger text, after what the output holds already (of every
// length), without touching what is before it; and a run of them is their concatenation.
TEST(TextOut, PutVaryingCopiesEverySize) {
  std::string source;
  for (int i = 0; i < 128; ++i) source += static_cast<char>('!' + i % 90);
  const std::string_view all(source);
  for (std::size_t size = 0; size <= 70; ++size) {
    for (std::size_t offset = 0; offset < 8; ++offset) {
      for (std::size_t before = 0; before < 20; before += 3) {
        std::string out(before, '.');
        {
          engine::TextOut text(out);
          text.room_for(size);
          text.put_varying(all.substr(offset, size));
        }
        EXPECT_EQ(out, std::string(before, '.') + std::string(all.substr(offset, size)))
            << "size " << size << ", offset " << offset << ", after " << before;
      }
    }
  }
  std::string out;
  std::string expected;
  {
    engine::TextOut text(out);
    for (std::size_t size = 0; size <= 70; ++size) {
      text.room_for(size);
      text.put_varying(all.substr(size % 50, size));
      expected += all.substr(size % 50, size);
    }
  }
  EXPECT_EQ(out, expected);
}

// Dollars as the sentences write them, grouped by thousands, done the plain way: the reference
// for the sentences' writer, which works backwards from the cents. "$-1,234.50", "-1 234,50 $".
std::string dollars_the_plain_way(Money amount, bool fr) {
  const std::string plain = amount.to_string();
  const bool negative = plain[0] == '-';
  const std::string digits = plain.substr(negative ? 1 : 0, plain.size() - (negative ? 1 : 0) - 3);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += fr ? "\u202f" : ",";
    grouped += digits[i];
  }
  const std::string number = (negative ? "-" : "") + grouped + (fr ? "," : ".") + plain.substr(plain.size() - 2);
  return fr ? number + " $" : "$" + number;
}

// Every count of digits, on each side of each group's boundary, signed, and the extremes.
TEST(Explain, DollarsAreGroupedByThousandsInBothLanguages) {
  for (const std::int64_t amount : testing::cents_of_every_length()) {
    const Money money = Money::from_cents(amount);
    EXPECT_EQ(engine::explain_money(money, "en"), dollars_the_plain_way(money, false)) << amount;
    EXPECT_EQ(engine::explain_money(money, "fr"), dollars_the_plain_way(money, true)) << amount;
  }
}

// An exact amount's dollars done the plain way: its decimal text, to_decimal's, the integer part
// grouped by thousands, at least two decimals, the decimal sign and the dollar sign of the
// language. The reference for the sentences' writer, which works from the digits as_decimal gives.
std::string exact_dollars_the_plain_way(const Rational& exact, bool fr) {
  const std::string plain = exact.to_decimal();
  const bool negative = plain[0] == '-';
  const std::size_t point = plain.find('.');
  const std::string digits = plain.substr(negative ? 1 : 0, point == std::string::npos ? std::string::npos
                                                                                         : point - (negative ? 1 : 0));
  std::string fraction = point == std::string::npos ? "" : plain.substr(point + 1);
  while (fraction.size() < 2) fraction += '0';
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += fr ? "\u202f" : ",";
    grouped += digits[i];
  }
  const std::string number = (negative ? "-" : "") + grouped + (fr ? "," : ".") + fraction;
  return fr ? number + " $" : "$" + number;
}

// Exact amounts with every count of digits and of decimals (none, one, two, up to 19, more than
// 64 bits hold, decimals that do not end), both signs, the extremes, against the plain way.
TEST(Explain, ExactDollarsOfEveryLengthAreGroupedLikeTheirDecimalText) {
  std::vector<std::int64_t> denominators = {1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 80, 100, 125, 200, 1000, 1024,
                                            3, 7, 12, 300, std::int64_t{1} << 40, std::int64_t{1} << 62};
  // 5^0 … 5^27 and 10^0 … 10^18, the powers 64 bits hold (multiplied only while the next one fits).
  constexpr int kMostFives = 27;
  constexpr int kMostTens = 18;
  std::int64_t power_of_five = 1;
  for (int fives = 0; fives <= kMostFives; ++fives) {
    denominators.push_back(power_of_five);
    if (fives < kMostFives) power_of_five *= 5;
  }
  std::int64_t power_of_ten = 1;
  for (int tens = 0; tens <= kMostTens; ++tens) {
    denominators.push_back(power_of_ten);
    if (tens < kMostTens) power_of_ten *= 10;
  }
  int checked = 0;
  for (const std::int64_t den : denominators) {
    for (const std::int64_t num : testing::cents_of_every_length()) {
      const Rational exact(num, den);
      EXPECT_EQ(engine::explain_exact_money(exact, "en"), exact_dollars_the_plain_way(exact, false)) << num << " / " << den;
      EXPECT_EQ(engine::explain_exact_money(exact, "fr"), exact_dollars_the_plain_way(exact, true)) << num << " / " << den;
      ++checked;
    }
  }
  EXPECT_EQ(engine::explain_exact_money(Rational(-123456789, 1000), "en"), "$-123,456.789");
  EXPECT_EQ(engine::explain_exact_money(Rational(1, 3), "en"), "$0.333333…");
  EXPECT_EQ(engine::explain_exact_money(Rational(5), "fr"), "5,00 $");
  EXPECT_GT(checked, 5000);
}

// Hours as the sentences show them, done the plain way: to_fixed(2)'s text with its integer part
// grouped by thousands, a decimal comma in French, " h".
std::string hours_the_plain_way(std::int64_t minutes, bool fr) {
  std::string plain = Rational(minutes, 60).to_fixed(2);
  const bool negative = plain[0] == '-';
  if (negative) plain.erase(0, 1);
  const std::size_t point = plain.find('.');
  const std::string integer = plain.substr(0, point);
  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += fr ? "\u202f" : ",";
    grouped += integer[i];
  }
  return (negative ? "-" : "") + grouped + (fr ? "," : ".") + plain.substr(point + 1) + " h";
}

// Hours of every count of digits, on each side of the first group of thousands (999.98 h, 1,000 h),
// both signs, in both languages: those with nothing to group are copied whole (their point made a
// comma in French), the others grouped.
TEST(Explain, HoursOfEveryLengthAreGroupedLikeTheirDecimalText) {
  std::vector<std::int64_t> minutes = {0, 1, 30, 59, 60, 61, 90, 599, 600, 5999, 59999, 59998, 60000, 60001,
                                       599999, 600000, 6000000, 123456789, std::numeric_limits<std::int64_t>::max() / 2};
  const std::size_t count = minutes.size();
  for (std::size_t i = 0; i < count; ++i) minutes.push_back(-minutes[i]);
  for (const std::int64_t m : minutes) {
    EXPECT_EQ(engine::explain_hours(Duration{m}, "en"), hours_the_plain_way(m, false)) << m;
    EXPECT_EQ(engine::explain_hours(Duration{m}, "fr"), hours_the_plain_way(m, true)) << m;
  }
  EXPECT_EQ(engine::explain_hours(Duration{630}, "fr"), "10,50 h");
  EXPECT_EQ(engine::explain_hours(Duration{60000}, "en"), "1,000.00 h");
}

// An exact amount is written from its cents when it is a whole number of them, and through its
// decimal text when it has more decimals: both grouped, with at least two decimals.
TEST(Explain, ExactDollarsWithAndWithoutMoreDecimalsThanCents) {
  engine::PayLine line;
  line.date = Date{std::chrono::year{2009}, std::chrono::month{3}, std::chrono::day{4}};
  line.code = engine::LineCode::sixth_day;
  line.multiplier = Rational(3, 2);
  line.base = Rational(-24691351, 20);  // -1,234,567.55
  line.amount = Money::from_cents(-185185133);
  EXPECT_EQ(engine::explain(line, "en"), "6th day, Wed 2009-03-04: $-1,234,567.55 × 1.5 = $-1,851,851.325 → $-1,851,851.33");
  EXPECT_EQ(engine::explain(line, "fr"),
            "6e jour, mer. 2009-03-04 : -1\u202f234\u202f567,55 $ × 1,5 = -1\u202f851\u202f851,325 $ → "
            "-1\u202f851\u202f851,33 $");
  line.base = Rational(1000);
  line.amount = Money::from_cents(150000);
  EXPECT_EQ(engine::explain(line, "en"), "6th day, Wed 2009-03-04: $1,000.00 × 1.5 = $1,500.00");
}

// A tax's base × rate: the amount alone when the product is a whole number of cents, else the exact
// product and its rounding.
TEST(Explain, RoundedProductShowsTheExactValueOnlyWhenItHasMoreDecimalsThanCents) {
  const agreement::Text on_name{"Fund", "Fonds"};
  engine::Tax tax;
  tax.code = "qst";
  tax.on_name = &on_name;
  tax.taxed = Money::from_cents(1635);
  tax.base = Money::from_cents(1635);
  tax.rate = Rational(75, 1000);
  tax.amount = Money::from_cents(123);
  tax.date = Date{std::chrono::year{2009}, std::chrono::month{5}, std::chrono::day{22}};
  EXPECT_EQ(engine::explain(tax, "en"),
            "QST on Fund: 7.5% × $16.35 = $1.22625 → $1.23, rate in force on 2009-05-22, paid by the producer");
  tax.base = Money::from_cents(-2000);
  tax.taxed = tax.base;
  tax.amount = Money::from_cents(-150);
  EXPECT_EQ(engine::explain(tax, "fr"),
            "TVQ sur Fonds : 7,5\u00a0% × -20,00 $ = -1,50 $, taux en vigueur le 2009-05-22, à la charge du producteur");
}

// base × rate in a tax's sentence, for rates of every shape (the shipped ones' and others, one
// whose decimals do not end, ones whose product's digits need up to 19 decimals or do not fit in 64
// bits) and bases from cents to millions and of every length, both signs, in both languages: the
// amount alone when the product is a whole number of cents that rounds to it, else the exact
// product (its digits worked out from the cents, without reducing it) and its rounding, as
// base.dollars() × rate shows it done the plain way.
TEST(Explain, RoundedProductIsBaseDollarsTimesRate) {
  const agreement::Text on_name{"Fund", "Fonds"};
  const std::vector<Rational> rates = {
      Rational(5, 100),      Rational(75, 1000),     Rational(9975, 100000),         Rational(8, 100),
      Rational(1, 3),        Rational(7, 40),        Rational(-3, 1000000),          Rational(2),
      Rational(1, 1024),     Rational(6, 100),       Rational(15, 1000),             Rational(1, 1),
      Rational(3, 7),        Rational(1, 1 << 20),   Rational(1, 78125),             Rational(999, 4096),
      Rational(1, 100000000000000000), Rational(7, 200000000000000000), Rational(1, 1000000000000000000)};
  std::vector<std::int64_t> cents = {0, 1, -1, 99, 101, 1635, -2000, 123456789, -987654321, 100000000000};
  for (const std::int64_t amount : testing::cents_of_every_length()) {
    if (amount > -(std::int64_t{1} << 62) && amount < (std::int64_t{1} << 62)) cents.push_back(amount);
  }
  std::uint64_t state = 12345;
  for (int i = 0; i < 200; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    cents.push_back(static_cast<std::int64_t>(state >> 34) - (std::int64_t{1} << 29));
  }
  int with_exact_product = 0;
  for (const Rational& rate : rates) {
    for (const std::int64_t base : cents) {
      engine::Tax tax;
      tax.code = "gst";
      tax.on_name = &on_name;
      tax.taxed = tax.base = Money::from_cents(base);
      tax.rate = rate;
      Rational exact;
      try {
        exact = tax.base.dollars() * rate;
        tax.amount = ExactAmount(exact).round_to_cent();
      } catch (const OverflowError&) {
        continue;  // no such tax: its amount does not fit in cents
      }
      const bool whole = (exact * Rational(100)).is_integer();
      with_exact_product += whole ? 0 : 1;
      for (const bool fr : {false, true}) {
        const std::string lang = fr ? "fr" : "en";
        const std::string sentence = engine::explain(tax, lang);
        const std::string shown = whole ? " = " + engine::explain_money(tax.amount, lang) + ","
                                        : " = " + exact_dollars_the_plain_way(exact, fr) + " → " +
                                              engine::explain_money(tax.amount, lang) + ",";
        EXPECT_NE(sentence.find(shown), std::string::npos) << sentence << "\nexpected " << shown;
      }
    }
  }
  EXPECT_GT(with_exact_product, 1000);
}

}  // namespace
}  // namespace plateau::io
