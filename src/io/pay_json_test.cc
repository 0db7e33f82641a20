// The pay JSON writer's escaping: every position of a string, and the texts a sentence is given
// (an agreement's names and citations) escaped inside the explanations it writes straight in.
#include <gtest/gtest.h>

#include <string>

#include "engine/explain.h"
#include "io/pay_json.h"

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

// A tax whose agreement names hold characters JSON escapes: the sentence's given texts (the name
// of what is taxed, the citation) are escaped where the sentence writes them, its own words not.
// 5% × $75.60 = $3.78 exactly, so the sentence shows no rounding.
TEST(PayJson, ExplanationEscapesTheTextsItIsGiven) {
  const agreement::Text on_name{"Fund \"A\"\\B", ""};
  const agreement::Citation citation{"Qc 5.03\n(\"tables\")", "", ""};
  engine::Tax tax;
  tax.code = "gst";
  tax.on = "admin_training";
  tax.on_name = &on_name;
  tax.taxed = Money::from_cents(7560);
  tax.base = Money::from_cents(7560);
  tax.rate = Rational(5, 100);
  tax.amount = Money::from_cents(378);
  tax.date = Date{std::chrono::year{2009}, std::chrono::month{5}, std::chrono::day{22}};
  tax.citation = &citation;
  engine::PersonPay person;
  person.id = "E-1";
  person.taxes.push_back(tax);
  engine::BatchPay pay;
  pay.agreement_id = "dgc-quebec";
  pay.crew.push_back(person);

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

}  // namespace
}  // namespace plateau::io
