// The text rendering of an agreement's rules, in English or French, for a payroll person to check
// against the printed sheet (see render.h). Figures come from the Agreement; only the labels
// are written here. The sheet's own words (`source`) are quoted as printed, in English.
#include "agreement/render.h"

#include <map>
#include <sstream>

#include "agreement/units.h"

namespace plateau::agreement {

using plateau::to_string;  // dates, beside the enum names of agreement.h
namespace {

struct Label {
  const char* en;
  const char* fr;
};

// Every label of the rendering, in both languages.
const std::map<std::string, Label, std::less<>>& labels() {
  static const std::map<std::string, Label, std::less<>> kLabels = {
      {"agreement", {"Agreement", "Convention"}},
      {"version", {"Version in force from", "Version en vigueur à partir du"}},
      {"until", {"until", "jusqu'au"}},
      {"until_further", {"until a later version", "jusqu'à une version ultérieure"}},
      {"parties", {"Parties", "Parties"}},
      {"currency", {"Currency", "Devise"}},
      {"source_document", {"Source document", "Document source"}},
      {"note", {"Note", "Note"}},
      {"file", {"File", "Fichier"}},
      {"production_types", {"Production types", "Types de production"}},
      {"source", {"Source", "Source"}},
      {"reading", {"Reading taken", "Lecture retenue"}},
      {"minimums", {"Minimum rates", "Taux minimums"}},
      {"weekly", {"weekly", "hebdomadaire"}},
      {"daily", {"daily", "quotidien"}},
      {"no_daily", {"N/A (no daily engagement)", "S.O. (aucun engagement à la journée)"}},
      {"department", {"department", "département"}},
      {"departments", {"Departments and overtime", "Départements et heures supplémentaires"}},
      {"no_overtime", {"No overtime rule", "Aucune règle d'heures supplémentaires"}},
      {"first_five", {"First five days", "Cinq premiers jours"}},
      {"sixth", {"6th day", "6e jour"}},
      {"seventh", {"7th day", "7e jour"}},
      {"after", {"after", "après"}},
      {"overtime_rules", {"Overtime computation", "Calcul des heures supplémentaires"}},
      {"increment", {"Increment", "Tranche"}},
      {"rounded_up", {"rounded up", "arrondie à la tranche supérieure"}},
      {"not_rounded_up", {"not rounded up", "non arrondie"}},
      {"hourly_daily", {"Hourly base, daily engagement: contracted daily rate ÷",
                        "Base horaire, engagement à la journée : taux quotidien convenu ÷"}},
      {"hourly_weekly", {"Hourly base, weekly engagement (first five days): contracted weekly rate ÷",
                         "Base horaire, engagement à la semaine (cinq premiers jours) : taux hebdomadaire convenu ÷"}},
      {"hourly_day_rate", {"Hourly base on a 6th or 7th day: that day's rate ÷",
                           "Base horaire un 6e ou 7e jour : taux de ce jour ÷"}},
      {"meal_breaks_work", {"Meal breaks count as time worked", "Les pauses-repas comptent comme temps travaillé"}},
      {"meal_breaks_not_work", {"Meal breaks do not count as time worked",
                                "Les pauses-repas ne comptent pas comme temps travaillé"}},
      {"long_day", {"Long day reported when no overtime rule applies: longer than",
                    "Longue journée signalée quand aucune règle d'heures supplémentaires ne s'applique : plus de"}},
      {"day_rates", {"Day rates", "Taux journaliers"}},
      {"weekly_days", {"A weekly rate covers this many work days", "Nombre de jours de travail couverts par le taux hebdomadaire"}},
      {"holiday", {"Holiday", "Jour férié"}},
      {"contracted_daily", {"contracted daily rate", "taux quotidien convenu"}},
      {"or_weekly", {"or contracted weekly rate ÷", "ou taux hebdomadaire convenu ÷"}},
      {"meals", {"Meals", "Repas"}},
      {"first_within", {"First paid meal break no later than, after call", "Première pause-repas payée au plus tard, après l'appel"}},
      {"next_within", {"Next paid meal break no later than, after the end of the previous",
                       "Pause-repas suivante au plus tard, après la fin de la précédente"}},
      {"minimum_break", {"Shortest meal break", "Pause-repas minimale"}},
      {"penalty", {"Meal penalty", "Pénalité de repas"}},
      {"max_per_day", {"at most per day", "au plus par jour"}},
      {"exception", {"Exception: first meal break after general crew call no later than",
                     "Exception : première pause-repas après l'appel général au plus tard"}},
      {"snack", {"with a substantial snack no more than this before the first meal",
                 "avec une collation substantielle au plus tant avant le premier repas"}},
      {"grace", {"Grace to complete a shot in progress", "Délai de grâce pour terminer un plan en cours"}},
      {"rest", {"Rest", "Repos"}},
      {"between_days", {"Rest between work days", "Repos entre les jours de travail"}},
      {"after_long_day", {"Rest after a day longer than", "Repos après une journée de plus de"}},
      {"weekly_rest", {"Weekly rest after", "Repos hebdomadaire après"}},
      {"days_worked", {"days worked", "jours travaillés"}},
      {"holiday_weekend", {"when a holiday makes a 3-day weekend", "quand un jour férié crée une fin de semaine de 3 jours"}},
      {"reduction", {"Weekend rest may be reduced by", "Le repos de fin de semaine peut être réduit de"}},
      {"occasions", {"occasions per cycle of weeks:", "fois par cycle de semaines :"}},
      {"notice", {"notice", "préavis"}},
      {"encroachment", {"Encroachment premium", "Prime d'empiètement"}},
      {"rest_below", {"shortfall below", "manque sous"}},
      {"applicable_minimum", {"the applicable minimum", "le minimum applicable"}},
      {"hourly_base", {"hourly base", "base horaire"}},
      {"holidays", {"Holidays", "Jours fériés"}},
      {"declared", {"Declared holidays", "Jours fériés décrétés"}},
      {"unworked", {"Unworked holidays", "Jours fériés non travaillés"}},
      {"day_off", {"Holidays falling on days off", "Jours fériés tombant un jour de congé"}},
      {"day_off_not_given", {"Day off not given", "Congé non accordé"}},
      {"moves_when_on", {"moves to the next day when on a", "reporté au lendemain s'il tombe un"}},
      {"locations", {"Locations", "Lieux de tournage"}},
      {"studio_zone", {"Studio zone: radius", "Zone studio : rayon"}},
      {"centred_on", {"centred on", "centré sur"}},
      {"nearby", {"Nearby locations", "Lieux de tournage rapprochés"}},
      {"per_diem", {"Per diem per distant-location day", "Allocation quotidienne par jour en lieu éloigné"}},
      {"incidentals", {"incidentals", "faux frais"}},
      {"meal_allowance", {"meals", "repas"}},
      {"reduced_by", {"reduced when provided:", "réduite quand fourni :"}},
      {"home_currency", {"in Canada", "au Canada"}},
      {"foreign_currency", {"elsewhere", "ailleurs"}},
      {"accommodation", {"Accommodation for a distant day of at least", "Hébergement pour une journée en lieu éloigné d'au moins"}},
      {"beyond_drive", {"beyond a drive from the studio zone's edge of", "au-delà d'un trajet depuis la limite de la zone studio de"}},
      {"premium_approval", {"Premium approval: premium pay owed only when approved, for",
                            "Approbation des primes : primes dues seulement si approuvées, pour"}},
      {"caps", {"Per-production caps on gross", "Plafonds de rémunération brute par production"}},
      {"categories", {"Contributions by category", "Contributions par catégorie"}},
      {"paid_by", {"paid by", "payée par"}},
      {"paid_to", {"to", "à"}},
      {"cap", {"cap", "plafond"}},
      {"plus_taxes", {"plus sales taxes", "plus taxes de vente"}},
      {"permit_fee", {"Permit fee", "Droits de permis"}},
      {"weekly_cap", {"capped per week at", "plafonnés par semaine à"}},
      {"producer", {"producer", "producteur"}},
      {"person", {"the person", "la personne"}},
      {"guild", {"guild", "guilde"}},
      {"financial_institution", {"financial institution", "institution financière"}},
      {"per_day_capped_weekly", {"per day", "par jour"}},
      {"per_week", {"per week", "par semaine"}},
      {"per_week_or_portion", {"per week or portion thereof", "par semaine ou partie de semaine"}},
      {"sales_taxes", {"Sales taxes", "Taxes de vente"}},
      {"from", {"from", "du"}},
      {"qst_on_gst", {"QST on amount plus GST", "TVQ sur le montant plus la TPS"}},
      {"qst_on_amount", {"QST on the amount alone", "TVQ sur le montant seul"}},
      {"provisions", {"Other provisions", "Autres dispositions"}},
      {"versions", {"versions", "versions"}},
      {"easter", {"Easter Sunday", "dimanche de Pâques"}},
      {"days", {"days", "jours"}},
      {"before", {"before", "avant le"}},
      {"of_month", {"of month", "du mois"}},
  };
  return kLabels;
}

class Writer {
 public:
  explicit Writer(std::string lang) : lang_(std::move(lang)) {}

  std::string label(std::string_view key) const {
    const auto found = labels().find(key);
    if (found == labels().end()) return std::string(key);
    return lang_ == "fr" ? found->second.fr : found->second.en;
  }
  std::string text(const Text& value) const { return value.in(lang_); }
  // ": " in English, " : " in French typography.
  std::string colon() const { return lang_ == "fr" ? " : " : ": "; }

  void heading(std::string_view key) { out_ << "\n== " << label(key) << " ==\n"; }
  void line(int indent, const std::string& text) { out_ << std::string(static_cast<std::size_t>(indent) * 2, ' ') << text << "\n"; }

  void cite(int indent, const Citation& citation) {
    if (citation.article.empty() && citation.source.empty()) return;
    line(indent, label("source") + " (" + citation.article + ")" + colon() + "\"" + citation.source + "\"");
    if (!citation.note.empty()) line(indent, label("reading") + colon() + citation.note);
  }

  std::string str() const { return out_.str(); }

 private:
  std::string lang_;
  std::ostringstream out_;
};

std::string money(Money amount) { return "$" + amount.to_string(); }
std::string times(const Rational& factor) { return "×" + factor.to_decimal(); }
std::string percent(const Rational& rate) { return (rate * Rational(100)).to_decimal() + "%"; }

void render_header(Writer& w, const Agreement& a) {
  w.line(0, w.text(a.title));
  w.line(0, w.label("agreement") + w.colon() + a.id);
  std::string version = w.label("version") + " " + to_string(a.effective) + " ";
  version += a.next_version ? w.label("until") + " " + to_string(add_days(*a.next_version, -1)) : w.label("until_further");
  w.line(0, version);
  std::string parties;
  for (const std::string& party : a.parties) parties += (parties.empty() ? "" : "; ") + party;
  w.line(0, w.label("parties") + w.colon() + parties);
  w.line(0, w.label("currency") + w.colon() + a.currency);
  w.line(0, w.label("source_document") + w.colon() + a.source_document);
  if (!a.file.empty()) w.line(0, w.label("file") + w.colon() + a.file);
  if (!a.note.empty()) w.line(0, w.label("note") + w.colon() + a.note);
}

void render_minimums(Writer& w, const Agreement& a) {
  for (const std::string& type : a.production_types) {
    w.heading("minimums");
    w.line(0, "(" + type + ")");
    for (const Classification& c : a.classifications) {
      const auto found = c.minimums.find(type);
      if (found == c.minimums.end()) continue;
      const MinimumRates& rates = found->second;
      const std::string daily = rates.daily ? money(*rates.daily) : w.label("no_daily");
      const Department* department = a.department(c.department);
      w.line(1, c.name + " / " + c.name_fr + " [" + (department ? w.text(department->name) : c.department) + "]: " +
                    w.label("weekly") + " " + money(rates.weekly) + ", " + w.label("daily") + " " + daily);
      w.cite(2, c.citation);
    }
  }
}

void render_departments(Writer& w, const Agreement& a) {
  w.heading("departments");
  for (const Department& d : a.departments) {
    w.line(0, w.text(d.name) + " (" + d.id + ")");
    if (d.overtime.empty()) {
      w.line(1, w.label("no_overtime"));
      w.cite(2, d.no_overtime_citation);
      continue;
    }
    for (const auto& [kind, tiers] : d.overtime) {
      for (const OvertimeTier& tier : tiers) {
        w.line(1, w.label(to_string(kind)) + w.colon() + w.label("after") + " " + format_duration(tier.after) + " " +
                      times(tier.multiplier));
        w.cite(2, tier.citation);
      }
    }
  }
  const OvertimeRules& o = a.overtime;
  w.heading("overtime_rules");
  w.line(1, w.label("increment") + w.colon() + format_duration(o.increment) + ", " +
                w.label(o.round_up ? "rounded_up" : "not_rounded_up"));
  w.line(1, w.label("hourly_daily") + " " + std::to_string(o.daily_divisor));
  w.line(1, w.label("hourly_weekly") + " " + std::to_string(o.weekly_divisor));
  w.line(1, w.label("hourly_day_rate") + " " + std::to_string(o.day_rate_divisor));
  w.cite(2, o.citation);
  w.line(1, w.label(o.meal_breaks_are_work ? "meal_breaks_work" : "meal_breaks_not_work"));
  w.cite(2, o.meal_breaks_citation);
  w.line(1, w.label("long_day") + " " + format_duration(o.long_day_threshold));
  w.cite(2, o.long_day_citation);
}

void render_day_rates(Writer& w, const Agreement& a) {
  w.heading("day_rates");
  w.line(1, w.label("weekly_days") + w.colon() + std::to_string(a.day_rates.weekly_days));
  const std::pair<const char*, const DayRate*> rates[] = {
      {"sixth", &a.day_rates.sixth}, {"seventh", &a.day_rates.seventh}, {"holiday", &a.day_rates.holiday}};
  for (const auto& [key, rate] : rates) {
    w.line(1, w.label(key) + w.colon() + w.label("contracted_daily") + " " + times(rate->multiplier) + ", " +
                  w.label("or_weekly") + " " + std::to_string(a.day_rates.weekly_days) + " " + times(rate->multiplier));
    w.cite(2, rate->citation);
  }
}

void render_meals(Writer& w, const Agreement& a) {
  const MealRules& m = a.meals;
  w.heading("meals");
  w.line(1, w.label("first_within") + w.colon() + format_duration(m.first_within));
  w.line(1, w.label("next_within") + w.colon() + format_duration(m.next_within));
  w.line(1, w.label("minimum_break") + w.colon() + format_duration(m.minimum_break));
  w.line(1, w.label("penalty") + w.colon() + money(m.penalty) + ", " + w.label("max_per_day") + " " + money(m.max_per_day));
  w.cite(2, m.citation);
  w.line(1, w.label("exception") + " " + format_duration(m.first_within_after_general_call) + ", " + w.label("snack") +
                w.colon() + format_duration(m.snack_before_meal));
  w.cite(2, m.exception_citation);
  w.line(1, w.label("grace") + w.colon() + format_duration(m.shot_in_progress_grace));
  w.cite(2, m.grace_citation);
}

void render_rest(Writer& w, const Agreement& a) {
  const RestRules& r = a.rest;
  w.heading("rest");
  w.line(1, w.label("between_days") + w.colon() + format_duration(r.between_days));
  w.cite(2, r.between_days_citation);
  for (const LongDayRest& rest : r.after_long_day) {
    w.line(1, w.label("after_long_day") + " " + format_duration(rest.day_longer_than) + w.colon() + format_duration(rest.minimum));
    w.cite(2, rest.citation);
  }
  for (const WeeklyRest& weekly : r.weekly) {
    std::string text = w.label("weekly_rest") + " " + std::to_string(weekly.days_worked) + " " + w.label("days_worked") +
                       w.colon() + format_duration(weekly.minimum);
    if (weekly.requires_holiday_long_weekend) text += " (" + w.label("holiday_weekend") + ")";
    w.line(1, text);
    w.cite(2, weekly.citation);
  }
  if (r.weekend_reductions_per_cycle > 0) {
    w.line(1, w.label("reduction") + " " + format_duration(r.weekend_reduction) + ", " +
                  std::to_string(r.weekend_reductions_per_cycle) + " " + w.label("occasions") + " " +
                  std::to_string(r.cycle_weeks) + ", " + w.label("notice") + " " + format_duration(r.weekend_reduction_notice));
    w.cite(2, r.weekend_reduction_citation);
  }
  w.line(1, w.label("encroachment") + w.colon() + w.label("increment") + " " + format_duration(r.encroachment_increment) + ", " +
                w.label(r.encroachment_round_up ? "rounded_up" : "not_rounded_up") + "; " + w.label("hourly_daily") + " " +
                std::to_string(r.daily_divisor) + "; " + w.label("hourly_weekly") + " " + std::to_string(r.weekly_divisor));
  for (const EncroachmentTier& tier : r.encroachment) {
    const std::string below = tier.rest_below ? format_duration(*tier.rest_below) : w.label("applicable_minimum");
    w.line(2, w.label("rest_below") + " " + below + w.colon() + w.label("hourly_base") + " " + times(tier.multiplier));
    w.cite(3, tier.citation);
  }
}

std::string describe_rule(Writer& w, const HolidayRule& rule) {
  switch (rule.kind) {
    case HolidayRuleKind::fixed: return std::to_string(rule.month) + "/" + std::to_string(rule.day);
    case HolidayRuleKind::easter_offset:
      return w.label("easter") + " " + std::string(rule.offset_days < 0 ? "" : "+") + std::to_string(rule.offset_days) +
             " " + w.label("days");
    case HolidayRuleKind::weekday_before:
      return weekday_name(rule.weekday) + " " + w.label("before") + " " + std::to_string(rule.month) + "/" +
             std::to_string(rule.day);
    case HolidayRuleKind::nth_weekday:
      return "#" + std::to_string(rule.nth) + " " + weekday_name(rule.weekday) + " " + w.label("of_month") + " " +
             std::to_string(rule.month);
  }
  return "";
}

void render_holidays(Writer& w, const Agreement& a) {
  const HolidayRules& h = a.holidays;
  w.heading("holidays");
  for (const HolidayRule& rule : h.rules) {
    std::string text = w.text(rule.name) + w.colon() + std::string(to_string(rule.kind)) + " (" + describe_rule(w, rule) + ")";
    if (rule.moves_when_on) text += ", " + w.label("moves_when_on") + " " + weekday_name(*rule.moves_when_on);
    w.line(1, text);
    w.cite(2, rule.citation);
  }
  const std::pair<const char*, const Citation*> more[] = {{"declared", &h.declared_citation},
                                                          {"unworked", &h.unworked_citation},
                                                          {"day_off", &h.day_off_citation},
                                                          {"day_off_not_given", &h.day_off_not_given_citation}};
  for (const auto& [key, citation] : more) {
    w.line(1, w.label(key));
    w.cite(2, *citation);
  }
}

void render_locations(Writer& w, const Agreement& a) {
  const LocationRules& l = a.locations;
  w.heading("locations");
  std::ostringstream centre;
  centre << l.studio_zone.centre_latitude << ", " << l.studio_zone.centre_longitude;
  std::ostringstream radius;
  radius << l.studio_zone.radius_km;
  w.line(1, w.label("studio_zone") + " " + radius.str() + " km, " + w.label("centred_on") + " " +
                w.text(l.studio_zone.centre_name) + " (" + centre.str() + ")");
  w.cite(2, l.studio_zone.citation);
  w.line(1, w.label("nearby"));
  w.cite(2, l.nearby_citation);
  const PerDiem& p = l.per_diem;
  w.line(1, w.label("per_diem") + w.colon() + w.label("incidentals") + " " + money(p.incidentals) + " (" + p.home_currency + " " +
                w.label("home_currency") + ", " + p.foreign_currency + " " + w.label("foreign_currency") + ")");
  w.cite(2, p.incidentals_citation);
  std::string reductions;
  for (const auto& [meal, amount] : p.meal_reductions) reductions += (reductions.empty() ? "" : ", ") + meal + " " + money(amount);
  w.line(1, w.label("per_diem") + w.colon() + w.label("meal_allowance") + " " + money(p.meals) + "; " + w.label("reduced_by") + " " +
                reductions);
  w.cite(2, p.meals_citation);
  w.line(1, w.label("accommodation") + " " + format_duration(l.accommodation_day_length) + ", " + w.label("beyond_drive") + " " +
                format_duration(l.accommodation_beyond_drive));
  w.cite(2, l.accommodation_citation);
  std::string codes;
  for (const std::string& code : a.premium_approval.premium_line_codes) codes += (codes.empty() ? "" : ", ") + code;
  w.line(0, "");
  w.line(0, w.label("premium_approval") + w.colon() + codes);
  w.cite(1, a.premium_approval.citation);
}

void render_contributions(Writer& w, const Agreement& a) {
  w.heading("caps");
  for (const Cap& cap : a.caps) {
    w.line(1, cap.id + w.colon() + money(cap.per_production));
    w.cite(2, cap.citation);
  }
  w.heading("categories");
  for (const Category& category : a.categories) {
    w.line(0, w.text(category.name) + " (" + category.id + ")");
    w.cite(1, category.citation);
    for (const ContributionRule& rule : category.contributions) {
      std::string text = w.text(rule.name) + " (" + rule.code + "): " + percent(rule.rate) + ", " + w.label("paid_by") + " " +
                         w.label(to_string(rule.paid_by)) + " " + w.label("paid_to") + " " + w.label(to_string(rule.paid_to));
      if (rule.cap) text += ", " + w.label("cap") + " " + *rule.cap;
      if (rule.sales_taxes) text += ", " + w.label("plus_taxes");
      w.line(1, text);
      w.cite(2, rule.citation);
    }
    if (category.permit_fee) {
      const PermitFee& fee = *category.permit_fee;
      std::string text = w.label("permit_fee") + w.colon() + money(fee.amount) + " " + w.label(to_string(fee.kind));
      if (fee.weekly_cap) text += ", " + w.label("weekly_cap") + " " + money(*fee.weekly_cap);
      text += ", " + w.label("paid_to") + " " + w.label(to_string(fee.paid_to));
      if (fee.sales_taxes) text += ", " + w.label("plus_taxes");
      w.line(1, text);
      w.cite(2, fee.citation);
    }
  }
  w.heading("sales_taxes");
  for (const SalesTaxPeriod& period : a.sales_taxes) {
    std::string text = w.label("from") + " " + to_string(period.from);
    if (period.until) text += " " + w.label("until") + " " + to_string(*period.until);
    text += ": GST/TPS " + percent(period.gst) + ", QST/TVQ " + percent(period.qst) + " (" +
            w.label(period.qst_on_amount_plus_gst ? "qst_on_gst" : "qst_on_amount") + ")";
    w.line(1, text);
    w.cite(2, period.citation);
  }
}

void render_provisions(Writer& w, const Agreement& a) {
  if (a.provisions.empty()) return;
  w.heading("provisions");
  for (const Provision& provision : a.provisions) {
    w.line(1, w.text(provision.name));
    w.cite(2, provision.citation);
  }
}

}  // namespace

std::string render_list(const Registry& registry) {
  std::ostringstream out;
  for (const std::string& id : registry.ids()) {
    const std::vector<Agreement>& versions = registry.versions(id);
    std::string dates;
    for (const Agreement& version : versions) dates += (dates.empty() ? "" : ", ") + to_string(version.effective);
    out << id << "  " << versions.back().title.en << "  (" << dates << ")\n";
  }
  return out.str();
}

std::string render_agreement(const Agreement& agreement, const std::string& lang) {
  Writer w(lang);
  render_header(w, agreement);
  render_minimums(w, agreement);
  render_departments(w, agreement);
  render_day_rates(w, agreement);
  render_meals(w, agreement);
  render_rest(w, agreement);
  render_holidays(w, agreement);
  render_locations(w, agreement);
  render_contributions(w, agreement);
  render_provisions(w, agreement);
  return w.str();
}

}  // namespace plateau::agreement
