#include "io/pay_json.h"

#include <string_view>

#include "engine/explain.h"

namespace plateau::io {

namespace {

using engine::BatchPay;
using engine::PayLine;

std::string citation_text(const agreement::Citation& citation) { return citation.article; }

// Appends JSON to a string as it goes: keys are plateau's own names (no escaping needed), values
// are escaped in place, with no temporary strings.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}

  void key(std::string_view name) {
    comma();
    out_ += '"';
    out_ += name;
    out_ += "\": ";
    after_key_ = true;
  }
  void field(std::string_view name, std::string_view value) {
    key(name);
    value_string(value);
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
  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

void write_line(JsonOut& json, const PayLine& line, const std::string& lang) {
  json.open('{');
  json.field("date", to_string(line.date));
  json.field("code", engine::to_string(line.code));
  if (line.hours) json.field("hours", Rational(line.hours->count(), 60).to_fixed(2));
  if (line.rate) {
    json.field("multiplier", line.multiplier.to_decimal());
    json.field("rate", line.rate->to_decimal());
  }
  json.field("amount", line.amount.to_string());
  json.field("citation", citation_text(line.citation));
  json.field("explanation", engine::explain(line, lang));
  json.close('}');
}

void write_contribution(JsonOut& json, const engine::Contribution& contribution, const std::string& lang) {
  json.open('{');
  json.field("code", contribution.code);
  if (contribution.week) {
    json.field("week", to_string(*contribution.week));
    json.field_number("days", std::to_string(contribution.days));
    json.field("kind", std::string(agreement::to_string(contribution.fee_kind)));
    json.field("fee", contribution.fee.to_string());
    if (contribution.weekly_cap) json.field("weekly_cap", contribution.weekly_cap->to_string());
  }
  if (contribution.base) json.field("base", contribution.base->to_string());
  if (contribution.rate) json.field("rate", contribution.rate->to_decimal());
  if (contribution.cap) json.field("cap", contribution.cap->to_string());
  json.field("amount", contribution.amount.to_string());
  json.field("paid_by", std::string(agreement::to_string(contribution.paid_by)));
  json.field("paid_to", std::string(agreement::to_string(contribution.paid_to)));
  json.field("citation", citation_text(contribution.citation));
  json.field("explanation", engine::explain(contribution, lang));
  json.close('}');
}

void write_tax(JsonOut& json, const engine::Tax& tax, const std::string& lang) {
  json.open('{');
  json.field("code", tax.code);
  json.field("on", tax.on);
  json.field("base", tax.base.to_string());
  json.field("rate", tax.rate.to_decimal());
  json.field("amount", tax.amount.to_string());
  json.field("paid_by", std::string(agreement::to_string(tax.paid_by)));
  json.field("paid_to", std::string(agreement::to_string(tax.paid_to)));
  json.field("citation", citation_text(tax.citation));
  json.field("explanation", engine::explain(tax, lang));
  json.close('}');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t plain_from = 0;  // the start of a run of characters written as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, plain_from, i - plain_from);
    plain_from = i + 1;
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
    json.field("gross", person.gross.to_string());
    json.key("allowances");
    json.open('[');
    for (const auto& allowance : person.allowances) {
      json.open('{');
      json.field("date", to_string(allowance.date));
      json.field("code", engine::to_string(allowance.code));
      json.field("amount", allowance.amount.to_string());
      json.field("currency", allowance.currency);
      json.field("citation", citation_text(allowance.citation));
      json.field("explanation", engine::explain(allowance, lang));
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
    json.field("net_pay", person.net_pay.to_string());
    json.key("findings");
    json.open('[');
    for (const auto& finding : person.findings) {
      json.open('{');
      json.field("date", to_string(finding.date));
      json.field("code", finding.code);
      json.field("severity", engine::to_string(finding.severity));
      json.field("message", finding.message.in(lang));
      json.field("citation", citation_text(finding.citation));
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
    json.field("paid_to", std::string(agreement::to_string(remittance.paid_to)));
    json.field("amount", remittance.amount.to_string());
    json.key("items");
    json.open('[');
    for (const auto& item : remittance.items) {
      json.open('{');
      json.field("code", item.code);
      if (!item.on.empty()) json.field("on", item.on);
      json.field("amount", item.amount.to_string());
      json.close('}');
    }
    json.close(']');
    json.close('}');
  }
  json.close(']');
  json.key("totals");
  json.open('{');
  json.field("gross", pay.total_gross.to_string());
  json.field("net_pay", pay.total_net_pay.to_string());
  json.close('}');
  json.close('}');
  out += '\n';
}

}  // namespace plateau::io
