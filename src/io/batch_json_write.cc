#include "io/batch_json_write.h"

#include <vector>

#include "io/batch_values.h"
#include "io/pay_json.h"

namespace plateau::io {

namespace {

using engine::CrewInput;
using engine::DayInput;

constexpr std::size_t kIndentWidth = 2;

// Builds indented JSON: objects and arrays of objects one member per line, arrays of strings
// on one line.
class PrettyJson {
 public:
  void begin_object() { begin('{'); }
  void end_object() { end('}'); }
  void begin_array() { begin('['); }
  void end_array() { end(']'); }

  void key(const std::string& name) {
    next_member();
    out_ += json_string(name) + ": ";
    after_key_ = true;
  }

  void string(const std::string& value) { raw(json_string(value)); }
  void boolean(bool value) { raw(value ? "true" : "false"); }
  void strings(const std::vector<std::string>& values) {
    std::string line = "[";
    for (std::size_t i = 0; i < values.size(); ++i) line += (i > 0 ? ", " : "") + json_string(values[i]);
    raw(line + "]");
  }

  void field(const std::string& name, const std::string& value) {
    key(name);
    string(value);
  }
  void flag(const std::string& name, bool value) {
    key(name);
    boolean(value);
  }

  std::string take() { return std::move(out_) + "\n"; }

 private:
  void raw(const std::string& text) {
    start_value();
    out_ += text;
  }
  void begin(char bracket) {
    start_value();
    out_ += bracket;
    empty_.push_back(true);
  }
  void end(char bracket) {
    const bool empty = empty_.back();
    empty_.pop_back();
    if (!empty) new_line();
    out_ += bracket;
  }
  // A value goes after its key, or on a line of its own in an array.
  void start_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!empty_.empty()) next_member();
  }
  void next_member() {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
    new_line();
  }
  void new_line() {
    out_ += '\n';
    out_.append(empty_.size() * kIndentWidth, ' ');
  }

  std::string out_;
  std::vector<bool> empty_;  // one per open bracket: nothing written inside yet
  bool after_key_ = false;
};

template <class Item, class Write>
std::vector<std::string> texts(const std::vector<Item>& items, Write write) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(write(item));
  return out;
}

std::string date_text(Date date) { return to_string(date); }

void write_day(PrettyJson& json, const DayInput& day) {
  const DayInput defaults{};
  json.begin_object();
  json.field("date", to_string(day.date));
  if (day.worked != defaults.worked) json.flag("worked", day.worked);
  auto time = [&](const std::string& name, const std::optional<ClockTime>& value) {
    if (value) json.field(name, timecard_time(*value, day.date));
  };
  time("call", day.call);
  time("wrap", day.wrap);
  if (!day.meals.empty()) {
    json.key("meals");
    json.begin_array();
    for (const auto& meal : day.meals) {
      json.begin_object();
      json.field("start", timecard_time(meal.start, day.date));
      json.field("end", timecard_time(meal.end, day.date));
      if (meal.shot_in_progress) json.flag("shot_in_progress", true);
      json.end_object();
    }
    json.end_array();
  }
  time("general_crew_call", day.general_crew_call);
  if (day.ndb != defaults.ndb) json.flag("ndb", day.ndb);
  time("snack", day.snack);
  if (day.location != defaults.location) json.field("location", name_of(kLocationNames, day.location));
  time("zone_departure", day.zone_departure);
  time("zone_return", day.zone_return);
  if (day.distant) {
    json.key("distant");
    json.begin_object();
    json.field("currency", day.distant->currency);
    json.key("meals_provided");
    json.strings(day.distant->meals_provided);
    json.flag("beyond_one_hour_drive", day.distant->beyond_one_hour_drive);
    json.end_object();
  }
  if (day.premium_approved != defaults.premium_approved) json.flag("premium_approved", day.premium_approved);
  if (day.reduced_weekend_rest != defaults.reduced_weekend_rest) {
    json.flag("reduced_weekend_rest", day.reduced_weekend_rest);
  }
  json.end_object();
}

void write_person(PrettyJson& json, const CrewInput& person) {
  const CrewInput defaults{};
  json.begin_object();
  json.field("id", person.id);
  json.field("name", person.name);
  json.field("classification", person.classification);
  json.field("category", person.category);
  json.key("rate");
  json.begin_object();
  json.field("basis", name_of(kRateBasisNames, person.basis));
  json.field("amount", person.rate.to_string());
  json.end_object();
  if (person.engagement) {
    json.key("engagement");
    json.begin_object();
    json.field("start", to_string(person.engagement->start));
    json.field("end", to_string(person.engagement->end));
    json.end_object();
  }
  if (person.production_gross_to_date != defaults.production_gross_to_date) {
    json.field("production_gross_to_date", person.production_gross_to_date.to_string());
  }
  if (person.permit_fee_paid_by != defaults.permit_fee_paid_by) {
    json.field("permit_fee_paid_by", name_of(kPermitFeePayerNames, person.permit_fee_paid_by));
  }
  if (!person.days_off_in_lieu.empty()) {
    json.key("days_off_in_lieu");
    json.strings(texts(person.days_off_in_lieu, date_text));
  }
  json.key("days");
  json.begin_array();
  for (const auto& day : person.days) write_day(json, day);
  json.end_array();
  json.end_object();
}

}  // namespace

std::string write_batch_json(const engine::Batch& batch) {
  PrettyJson json;
  json.begin_object();
  json.field("format", batch.format);
  const auto& production = batch.production;
  json.key("production");
  json.begin_object();
  json.field("title", production.title);
  json.field("agreement", production.agreement);
  json.field("production_type", production.production_type);
  json.field("week_starts_on", weekday_name(production.week_starts_on));
  json.field("time_zone", production.time_zone);
  json.key("regular_days_off");
  json.strings(texts(production.regular_days_off, weekday_name));
  json.key("declared_holidays");
  json.strings(texts(production.declared_holidays, date_text));
  json.end_object();
  json.key("crew");
  json.begin_array();
  for (const auto& person : batch.crew) write_person(json, person);
  json.end_array();
  json.end_object();
  return json.take();
}

}  // namespace plateau::io
