#include "io/pay_json.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "engine/explain.h"

namespace plateau::io {

namespace {

using engine::BatchPay;
using engine::PayLine;

const std::string& citation_text(const agreement::Citation& citation) { return citation.article; }

constexpr unsigned char kFirstPrintable = 0x20;  // below: control characters, which JSON escapes

bool needs_escape(char c) {
  return static_cast<unsigned char>(c) < kFirstPrintable || c == '"' || c == '\\';
}

// Whether any of the 8 bytes of `word` needs escaping, all tested at once. `below(x, n)` is non-zero
// exactly when some byte of x is below n (n ≤ 0x80): subtracting n sets the top bit of such a byte,
// and `& ~x` drops bytes whose top bit was already set, so UTF-8 bytes never count. A byte equals c
// where `word ^ (c in every byte)` has a zero byte, one below 1.
bool any_needs_escape(std::uint64_t word) {
  constexpr std::uint64_t kOnes = ~std::uint64_t{0} / 0xff;  // 0x0101…01: one in every byte
  constexpr std::uint64_t kTops = kOnes << 7;                  // 0x8080…80: every byte's top bit
  const auto below = [](std::uint64_t x, unsigned char n) { return (x - kOnes * n) & ~x & kTops; };
  const auto equal = [&](unsigned char c) { return below(word ^ (kOnes * c), 1); };
  return (below(word, kFirstPrintable) | equal('"') | equal('\\')) != 0;
}

// The position of the first character of `text` that JSON escapes, or text.size(): eight bytes a
// step, then one at a time from the word that has one.
std::size_t find_needs_escape(std::string_view text, std::size_t from = 0) {
  std::size_t i = from;
  for (std::uint64_t word = 0; i + sizeof word <= text.size(); i += sizeof word) {
    std::memcpy(&word, text.data() + i, sizeof word);
    if (any_needs_escape(word)) break;
  }
  while (i < text.size() && !needs_escape(text[i])) ++i;
  return i;
}

// `text` escaped for a JSON string, without the quotes.
void append_escaped(std::string& out, std::string_view text) {
  std::size_t plain_from = 0;  // the start of a run of characters written as they are
  for (std::size_t i = find_needs_escape(text); i < text.size(); i = find_needs_escape(text, i + 1)) {
    out.append(text, plain_from, i - plain_from);
    plain_from = i + 1;
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
      }
    }
  }
  out.append(text, plain_from, text.size() - plain_from);
}

// Escapes the text appended to `out` from `from` on, in place. Usually no character needs it, and
// nothing moves.
void escape_from(std::string& out, std::size_t from) {
  const std::size_t first = find_needs_escape(out, from);
  if (first == out.size()) return;
  const std::string rest = out.substr(first);
  out.resize(first);
  append_escaped(out, rest);
}

// Appends JSON to a string as it goes: keys are plateau's own names (no escaping needed), values
// are escaped as they are copied in, and explanations are written straight into the output and
// escaped there, with no temporary strings.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  void key(std::string_view name) {
    comma();
    // One append for `"name": `: the key and its punctuation, without a capacity check per byte.
    const std::size_t at = out_.size();
    out_.resize(at + name.size() + kKeyPunctuation);
    char* p = out_.data() + at;
    *p++ = '"';
    p = std::copy(name.begin(), name.end(), p);
    *p++ = '"';
    *p++ = ':';
    *p = ' ';
    after_key_ = true;
  }
  void field(std::string_view name, std::string_view value) {
    key(name);
    value_string(value);
  }
  // A string field whose text plateau wrote itself and that never holds a character JSON escapes:
  // money, dates, decimals, plateau's own codes. It is copied without looking for one.
  void field_verbatim(std::string_view name, std::string_view value) {
    assert(find_needs_escape(value) == value.size());
    key(name);
    after_key_ = false;
    const std::size_t at = out_.size();
    out_.resize(at + value.size() + 2);
    char* p = out_.data() + at;
    *p++ = '"';
    p = std::copy(value.begin(), value.end(), p);
    *p = '"';
    first_ = false;
  }
  // A JSON number, written as given.
  void field_number(std::string_view name, std::string_view digits) {
    key(name);
    comma();
    out_ += digits;
    first_ = false;
  }
  void value_string(std::string_view value) {
    comma();
    append_json_string(out_, value);
    first_ = false;
  }
  // A string field whose text `write(out)` appends straight to the output; it is then escaped in
  // place, with no string built for it.
  template <typename Write>
  void field_written(std::string_view name, const Write& write) {
    key(name);
    comma();
    out_ += '"';
    const std::size_t text_start = out_.size();
    write(out_);
    escape_from(out_, text_start);
    out_ += '"';
    first_ = false;
  }
  // The field "explanation": the sentence of a line, allowance, contribution or tax in `lang`.
  template <typename Item>
  void explanation(const Item& item, const std::string& lang) {
    field_written("explanation", [&](std::string& out) { engine::append_explanation(item, lang, out); });
  }
  void open(char bracket) {
    comma();
    out_ += bracket;
    first_ = true;
  }
  void close(char bracket) {
    out_ += bracket;
    first_ = false;
  }

 private:
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_ += ", ";
  }
  static constexpr std::size_t kKeyPunctuation = 4;  // the quotes around a key, ':' and ' '
  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

void write_line(JsonOut& json, const PayLine& line, const std::string& lang) {
  json.open('{');
  json.field_verbatim("date", to_string(line.date));
  json.field_verbatim("code", engine::to_string(line.code));
  if (line.hours) json.field_verbatim("hours", Rational(line.hours->count(), 60).to_fixed(2));
  if (line.rate) {
    json.field_verbatim("multiplier", line.multiplier.to_decimal());
    json.field_verbatim("rate", line.rate->to_decimal());
  }
  json.field_verbatim("amount", line.amount.to_string());
  json.field("citation", citation_text(*line.citation));
  json.explanation(line, lang);
  json.close('}');
}

void write_contribution(JsonOut& json, const engine::Contribution& contribution, const std::string& lang) {
  json.open('{');
  json.field("code", contribution.code);
  if (contribution.week) {
    json.field_verbatim("week", to_string(*contribution.week));
    json.field_number("days", std::to_string(contribution.days));
    json.field_verbatim("kind", agreement::to_string(contribution.fee_kind));
    json.field_verbatim("fee", contribution.fee.to_string());
    if (contribution.weekly_cap) json.field_verbatim("weekly_cap", contribution.weekly_cap->to_string());
  }
  if (contribution.base) json.field_verbatim("base", contribution.base->to_string());
  if (contribution.rate) json.field_verbatim("rate", contribution.rate->to_decimal());
  if (contribution.cap) json.field_verbatim("cap", contribution.cap->to_string());
  json.field_verbatim("amount", contribution.amount.to_string());
  json.field_verbatim("paid_by", agreement::to_string(contribution.paid_by));
  json.field_verbatim("paid_to", agreement::to_string(contribution.paid_to));
  json.field("citation", citation_text(*contribution.citation));
  json.explanation(contribution, lang);
  json.close('}');
}

void write_tax(JsonOut& json, const engine::Tax& tax, const std::string& lang) {
  json.open('{');
  json.field("code", tax.code);
  json.field("on", tax.on);
  json.field_verbatim("base", tax.base.to_string());
  json.field_verbatim("rate", tax.rate.to_decimal());
  json.field_verbatim("amount", tax.amount.to_string());
  json.field_verbatim("paid_by", agreement::to_string(tax.paid_by));
  json.field_verbatim("paid_to", agreement::to_string(tax.paid_to));
  json.field("citation", citation_text(*tax.citation));
  json.explanation(tax, lang);
  json.close('}');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  append_escaped(out, text);
  out += '"';
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
    for (const auto& line : person.lines) write_line(json, line, lang);
    json.close(']');
    json.field_verbatim("gross", person.gross.to_string());
    json.key("allowances");
    json.open('[');
    for (const auto& allowance : person.allowances) {
      json.open('{');
      json.field_verbatim("date", to_string(allowance.date));
      json.field_verbatim("code", engine::to_string(allowance.code));
      json.field_verbatim("amount", allowance.amount.to_string());
      json.field("currency", allowance.currency);
      json.field("citation", citation_text(*allowance.citation));
      json.explanation(allowance, lang);
      json.close('}');
    }
    json.close(']');
    json.key("contributions");
    json.open('[');
    for (const auto& contribution : person.contributions) write_contribution(json, contribution, lang);
    json.close(']');
    json.key("taxes");
    json.open('[');
    for (const auto& tax : person.taxes) write_tax(json, tax, lang);
    json.close(']');
    json.field_verbatim("net_pay", person.net_pay.to_string());
    json.key("findings");
    json.open('[');
    for (const auto& finding : person.findings) {
      json.open('{');
      json.field_verbatim("date", to_string(finding.date));
      json.field("code", finding.code);
      json.field_verbatim("severity", engine::to_string(finding.severity));
      json.field("message", finding.message.in(lang));
      json.field("citation", citation_text(*finding.citation));
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
    json.field_verbatim("amount", remittance.amount.to_string());
    json.key("items");
    json.open('[');
    for (const auto& item : remittance.items) {
      json.open('{');
      json.field("code", item.code);
      if (!item.on.empty()) json.field("on", item.on);
      json.field_verbatim("amount", item.amount.to_string());
      json.close('}');
    }
    json.close(']');
    json.close('}');
  }
  json.close(']');
  json.key("totals");
  json.open('{');
  json.field_verbatim("gross", pay.total_gross.to_string());
  json.field_verbatim("net_pay", pay.total_net_pay.to_string());
  json.close('}');
  json.close('}');
  out += '\n';
}

}  // namespace plateau::io
