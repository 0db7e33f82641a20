#include "io/derivation_text.h"

#include <cctype>
#include <set>

#include "core/clock.h"
#include "engine/explain.h"
#include "io/batch_values.h"

namespace plateau::io {

namespace {

bool french(const std::string& lang) { return lang == "fr"; }

// The article, then the sheet's words and plateau's reading, indented under the sentence.
// `agreement`: the words are the agreement's; otherwise another source's (the sales-tax tables).
std::string words(const agreement::Citation& citation, const std::string& lang, bool agreement = true) {
  std::string out;
  if (!citation.source.empty()) {
    const char* label = agreement ? (french(lang) ? " — texte de l'entente : « " : " — the agreement: \"")
                                  : (french(lang) ? " — source : « " : " — source: \"");
    out += "      " + citation.article + label + citation.source + (french(lang) ? " »\n" : "\"\n");
  }
  if (!citation.note.empty()) {
    out += (french(lang) ? "      Lecture retenue : " : "      Reading taken: ") + citation.note + "\n";
  }
  return out;
}

// "call 07:00, wrap 22:30 (15.50 h elapsed); meals 12:00–12:30, 19:00–19:30; studio"
std::string day_facts(const engine::DayInput& day, const engine::Production& production, const std::string& lang) {
  const bool fr = french(lang);
  if (!day.worked) return fr ? "non travaillé (lieu éloigné, per diem seulement)" : "not worked (distant location, per diem only)";
  std::string out;
  if (day.call && day.wrap) {
    out += (fr ? "appel " : "call ") + timecard_time(*day.call, day.date) +
           (fr ? ", fin " : ", wrap ") + timecard_time(*day.wrap, day.date);
    if (auto zone = TimeZone::named(production.time_zone); zone) {
      if (auto elapsed = zone->elapsed(*day.call, *day.wrap); elapsed) {
        out += " (" + engine::explain_hours(*elapsed, lang) + (fr ? " écoulées, repas compris)" : " elapsed, meals included)");
      }
    }
  }
  if (!day.meals.empty()) {
    out += fr ? "; repas " : "; meals ";
    for (std::size_t i = 0; i < day.meals.size(); ++i) {
      out += (i ? ", " : "") + timecard_time(day.meals[i].start, day.date) + "–" + timecard_time(day.meals[i].end, day.date);
      if (day.meals[i].shot_in_progress) out += fr ? " (plan en cours)" : " (shot in progress)";
    }
  }
  switch (day.location) {
    case engine::Location::studio: out += fr ? "; zone de studio" : "; studio zone"; break;
    case engine::Location::nearby: out += fr ? "; lieu rapproché" : "; nearby location"; break;
    case engine::Location::distant: out += fr ? "; lieu éloigné" : "; distant location"; break;
  }
  if (!day.premium_approved) out += fr ? "; travail à prime non approuvé" : "; premium work not approved";
  if (day.reduced_weekend_rest) out += fr ? "; repos de fin de semaine réduit (avis)" : "; weekend rest reduced (notice)";
  return out;
}

std::string day_heading(Date date, const std::string& lang) {
  static const char* kFrench[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
  const Weekday day = weekday_of(date);
  std::string name = french(lang) ? std::string(kFrench[day.c_encoding()]) : weekday_name(day);
  if (!french(lang) && !name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name + " " + to_string(date);
}

}  // namespace

std::string write_derivation(const engine::CrewInput& input, const engine::PersonPay& pay,
                             const engine::Production& production, std::optional<Date> only, const std::string& lang) {
  const bool fr = french(lang);
  std::string out = pay.id + (pay.name.empty() ? "" : "  " + pay.name) + " — " + pay.classification + " (" +
                    std::string(pay.category) + ")\n";
  out += (fr ? "Taux contractuel : " : "Contracted rate: ") + engine::explain_money(input.rate, lang) +
         (input.basis == engine::RateBasis::daily ? (fr ? " par jour" : " a day") : (fr ? " par semaine" : " a week")) +
         "\n";

  std::set<Date> dates;
  for (const auto& day : input.days) dates.insert(day.date);
  for (const auto& line : pay.lines) dates.insert(line.date);
  for (const Date date : dates) {
    if (only && date != *only) continue;
    out += "\n" + day_heading(date, lang) + "\n";
    for (const auto& day : input.days) {
      if (day.date == date) out += (fr ? "  Faits : " : "  Facts: ") + day_facts(day, production, lang) + "\n";
    }
    bool any = false;
    for (const auto& line : pay.lines) {
      if (line.date != date) continue;
      any = true;
      out += "  " + engine::explain_money(line.amount, lang) + "  " + engine::explain(line, lang) + "\n";
      out += words(*line.citation, lang);
    }
    for (const auto& allowance : pay.allowances) {
      if (allowance.date != date) continue;
      any = true;
      out += "  " + engine::explain_money(allowance.amount, lang) + "  " + engine::explain(allowance, lang) +
             (fr ? " (hors brut)\n" : " (not in gross)\n");
      out += words(*allowance.citation, lang);
    }
    if (!any) out += fr ? "  Aucune ligne de paie ce jour-là.\n" : "  No pay line on this day.\n";
    for (const auto& finding : pay.findings) {
      if (finding.date != date) continue;
      out += "  [" + engine::to_string(finding.severity) + "] " + std::string(finding.code) + ": " + finding.message.in(lang) + "\n";
      out += words(*finding.citation, lang);
    }
  }
  if (only) return out;

  out += "\n" + engine::explain_money(pay.gross, lang) + (fr ? "  BRUT : somme des lignes de paie\n" : "  GROSS: the sum of the pay lines\n");
  if (!pay.contributions.empty()) out += fr ? "\nCotisations et retenues\n" : "\nContributions and deductions\n";
  for (const auto& contribution : pay.contributions) {
    out += "  " + engine::explain_money(contribution.amount, lang) + "  " + engine::explain(contribution, lang) + "\n";
    out += words(*contribution.citation, lang);
  }
  for (const auto& tax : pay.taxes) {
    out += "  " + engine::explain_money(tax.amount, lang) + "  " + engine::explain(tax, lang) + "\n";
    out += words(*tax.citation, lang, false);
  }
  out += "\n" + engine::explain_money(pay.net_pay, lang) +
         (fr ? "  NET : brut + versé à la personne − retenues (avant impôts)\n"
             : "  NET PAY: gross + paid to the person − deductions (before income tax)\n");
  return out;
}

}  // namespace plateau::io
