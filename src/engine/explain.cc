#include "engine/explain.h"

#include <array>

namespace plateau::engine {

namespace {

bool french(const std::string& lang) { return lang == "fr"; }

// Groups the integer part by thousands: "3015.00" → "3,015.00" (en) or "3 015,00" (fr).
std::string group_decimal(const std::string& plain, const std::string& lang) {
  const bool negative = !plain.empty() && plain[0] == '-';
  std::string digits = negative ? plain.substr(1) : plain;
  const auto point = digits.find('.');
  std::string integer = point == std::string::npos ? digits : digits.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : digits.substr(point + 1);
  const std::string separator = french(lang) ? "\u202f" : ",";
  std::string grouped;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += separator;
    grouped += integer[i];
  }
  std::string out = (negative ? "-" : "") + grouped;
  if (!fraction.empty()) out += (french(lang) ? "," : ".") + fraction;
  return out;
}

std::string number(const Rational& value, const std::string& lang) { return group_decimal(value.to_decimal(), lang); }

// Dollars with at least two decimals, more when the exact value needs them: "$877.50", "$283.125".
std::string dollars(const Rational& value, const std::string& lang) {
  std::string plain = value.to_decimal();
  const auto point = plain.find('.');
  if (point == std::string::npos) {
    plain += ".00";
  } else if (plain.size() - point - 1 < 2) {
    plain += "0";
  }
  const std::string text = group_decimal(plain, lang);
  return french(lang) ? text + " $" : "$" + text;
}

std::string hours(Duration d, const std::string& lang) {
  return group_decimal(Rational(d.count(), 60).to_fixed(2), lang) + " h";
}

// "14 h", "2 h 30" (fr) / "2.5 h" (en): a threshold, in the words of the sheet.
std::string threshold(Duration d, const std::string& lang) {
  const auto minutes = d.count();
  if (minutes % 60 == 0) return std::to_string(minutes / 60) + " h";
  return number(Rational(minutes, 60), lang) + " h";
}

std::string day_name(Date date, const std::string& lang) {
  static constexpr std::array<const char*, 7> kFrench = {"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."};
  const std::string name = french(lang) ? kFrench[weekday_of(date).c_encoding()] : weekday_short_name(weekday_of(date));
  return name + " " + to_string(date);
}

std::string cite(const PayLine& line) { return line.citation.article.empty() ? "" : " (" + line.citation.article + ")"; }

// "$755.00 ÷ 8 × 2 = $188.75": the day's base as written on the sheet, then the exact result.
std::string base_formula(const PayLine& line, const std::string& lang) {
  std::string out;
  const Rational contracted = line.base * Rational(line.base_divisor) / line.base_multiplier;
  if (line.base_multiplier != Rational(1) || line.base_divisor != 1) {
    // A 6th/7th-day base: (contracted [÷ 5] × 1.5)
    out = "(" + dollars(contracted, lang);
    if (line.base_divisor != 1) out += " ÷ " + std::to_string(line.base_divisor);
    out += " × " + number(line.base_multiplier, lang) + ")";
  } else {
    out = dollars(line.base, lang);
  }
  if (line.divisor != 1) out += " ÷ " + std::to_string(line.divisor);
  if (line.top_up) {
    out += " × (" + number(line.multiplier + Rational(1), lang) + " − 1)";
  } else if (line.multiplier != Rational(1) || line.code == LineCode::overtime) {
    out += " × " + number(line.multiplier, lang);
  }
  return out;
}

}  // namespace

std::string explain_money(Money amount, const std::string& lang) { return dollars(amount.dollars(), lang); }

std::string explain_hours(Duration duration, const std::string& lang) { return hours(duration, lang); }

std::string line_label(const PayLine& line, const std::string& lang) {
  const bool fr = french(lang);
  switch (line.code) {
    case LineCode::daily_rate: return fr ? "Taux journalier" : "Daily rate";
    case LineCode::weekly_rate:
      if (line.partial_week) return fr ? "Cinquième du taux hebdomadaire" : "One fifth of the weekly rate";
      return fr ? "Taux hebdomadaire" : "Weekly rate";
    case LineCode::sixth_day: return fr ? "6e jour" : "6th day";
    case LineCode::seventh_day: return fr ? "7e jour" : "7th day";
    case LineCode::holiday_worked: return (fr ? "Jour férié travaillé (" : "Holiday worked (") + line.what.in(lang) + ")";
    case LineCode::overtime:
      return (fr ? "Heures supplémentaires ×" : "Overtime ×") + number(line.multiplier, lang);
    case LineCode::turnaround: return fr ? "Empiètement sur la période de repos" : "Turnaround encroachment";
    case LineCode::rest_period: return fr ? "Empiètement sur le repos hebdomadaire" : "Weekly rest encroachment";
    case LineCode::meal_penalty: return fr ? "Pénalité de repas" : "Meal penalty";
    case LineCode::holiday_unworked:
      return (fr ? "Jour férié non travaillé (" : "Holiday not worked (") + line.what.in(lang) + ")";
    case LineCode::holiday_day_off_not_given:
      return (fr ? "Congé non accordé pour jour férié (" : "Day off not given for holiday (") + line.what.in(lang) + ")";
  }
  return "";
}

std::string explain(const PayLine& line, const std::string& lang) {
  const bool fr = french(lang);
  const std::string start = line_label(line, lang) + ", " + day_name(line.date, lang) + (fr ? " : " : ": ");
  const std::string amount = dollars(line.amount.dollars(), lang);
  const std::string exact_note = [&] {
    // Show the exact value when rounding changed it: "= $283.125 → $283.13".
    const Rational exact = exact_amount(line);
    if (exact == line.amount.dollars()) return " = " + amount;
    return " = " + dollars(exact, lang) + " → " + amount;
  }();
  switch (line.code) {
    case LineCode::daily_rate:
      return start + (fr ? "taux contractuel " : "contracted rate ") + amount + cite(line);
    case LineCode::weekly_rate:
      if (line.partial_week) {
        return start + dollars(line.base, lang) + " ÷ " + std::to_string(line.divisor) + exact_note +
               (fr ? ", semaine partielle de l'engagement" : ", a partial week of the engagement") + cite(line);
      }
      return (fr ? "Taux hebdomadaire, semaine du " : "Weekly rate, week of ") + day_name(line.date, lang) +
             (fr ? " : taux contractuel " : ": contracted rate ") + amount +
             (fr ? ", couvre les cinq premiers jours de travail" : ", covering the first five work days") + cite(line);
    case LineCode::sixth_day:
    case LineCode::seventh_day:
    case LineCode::holiday_worked:
    case LineCode::holiday_unworked:
    case LineCode::holiday_day_off_not_given: {
      const bool plain_day = line.divisor == 1 && line.multiplier == Rational(1);
      std::string text = start + (plain_day ? (fr ? "une journée de salaire, " : "one day's pay, ") + amount
                                            : base_formula(line, lang) + exact_note);
      if (line.top_up) {
        text += fr ? " (taux de jour férié moins le cinquième déjà compris dans le taux hebdomadaire)"
                   : " (the holiday rate less the fifth already in the weekly rate)";
      }
      if ((line.code == LineCode::sixth_day || line.code == LineCode::seventh_day) && !line.what.en.empty()) {
        text += fr ? " (aussi " + line.what.fr + ", payé une fois au taux le plus élevé)"
                   : " (also " + line.what.en + ", paid once at the higher rate)";
      }
      if (line.code == LineCode::holiday_unworked) {
        text += fr ? ", jours ouvrables précédent et suivant travaillés" : ", the work days before and after were worked";
      }
      return text + cite(line);
    }
    case LineCode::overtime: {
      std::string beyond = fr ? " au-delà de " : " beyond ";
      return start + hours(*line.hours, lang) + beyond + threshold(*line.threshold, lang) + " × (" +
             base_formula(line, lang) + " = " + dollars(*line.rate, lang) + ")" + exact_note + cite(line);
    }
    case LineCode::turnaround:
    case LineCode::rest_period: {
      const std::string given = hours(*line.actual, lang);
      const std::string required = threshold(*line.threshold, lang);
      return start + (fr ? "repos de " + given + " sur " + required + " exigées; " + hours(*line.hours, lang) +
                               " d'empiètement × ("
                         : given + " rest of the " + required + " required; " + hours(*line.hours, lang) +
                               " encroached × (") +
             base_formula(line, lang) + " = " + dollars(*line.rate, lang) + ")" + exact_note + cite(line);
    }
    case LineCode::meal_penalty:
      if (!line.what.en.empty()) return start + dollars(line.base, lang) + ", " + line.what.in(lang) + cite(line);
      return start + std::to_string(line.count) + (fr ? " repas en retard × " : " late meal(s) × ") +
             dollars(line.base, lang) + exact_note + cite(line);
  }
  return "";
}

std::string explain(const Allowance& allowance, const std::string& lang) {
  const bool fr = french(lang);
  const std::string when = day_name(allowance.date, lang);
  const std::string cur = " " + allowance.currency;
  if (allowance.code == AllowanceCode::per_diem_incidentals) {
    return (fr ? "Per diem faux frais, " : "Per diem incidentals, ") + when + (fr ? " : " : ": ") +
           dollars(allowance.amount.dollars(), lang) + cur;
  }
  std::string text = (fr ? "Per diem repas, " : "Per diem meals, ") + when + (fr ? " : " : ": ") +
                     dollars(allowance.full_amount.dollars(), lang);
  if (!allowance.meals_provided.empty()) {
    std::string meals;
    for (const auto& meal : allowance.meals_provided) meals += (meals.empty() ? "" : ", ") + meal;
    text += (fr ? " moins les repas fournis (" : " less meals provided (") + meals + ") = " +
            dollars(allowance.amount.dollars(), lang);
  }
  return text + cur;
}

namespace {

// "6%", "1.5%", "9.975%" (en) or "6 %", "1,5 %" (fr).
std::string percent(const Rational& rate, const std::string& lang) {
  return number(rate * Rational(100), lang) + (french(lang) ? "\u00a0%" : "%");
}

// " = $62.2878 → $62.29" or " = $40.00"
std::string result(const Rational& exact, Money amount, const std::string& lang) {
  const std::string rounded = dollars(amount.dollars(), lang);
  if (exact == amount.dollars()) return " = " + rounded;
  return " = " + dollars(exact, lang) + " → " + rounded;
}

std::string cite(const agreement::Citation& citation) {
  return citation.article.empty() ? "" : " (" + citation.article + ")";
}

std::string payer_words(agreement::Payer payer, const std::string& lang) {
  if (payer == agreement::Payer::producer) return french(lang) ? "à la charge du producteur" : "paid by the producer";
  return french(lang) ? "retenue sur la paie" : "deducted from pay";
}

}  // namespace

std::string payee_name(agreement::Payee payee, const std::string& lang) {
  const bool fr = french(lang);
  switch (payee) {
    case agreement::Payee::guild: return fr ? "la Guilde" : "the Guild";
    case agreement::Payee::financial_institution: return fr ? "l'institution financière" : "the financial institution";
    case agreement::Payee::person: return fr ? "l'équipe (paies nettes)" : "the crew (net pay)";
  }
  return "";
}

std::string explain(const Contribution& contribution, const std::string& lang) {
  const bool fr = french(lang);
  const std::string colon = fr ? " : " : ": ";
  std::string text = contribution.name.in(lang);
  if (contribution.week) {
    const std::string fee = dollars(contribution.fee.dollars(), lang);
    const std::string days = std::to_string(contribution.days) + (fr ? (contribution.days > 1 ? " jours" : " jour")
                                                                      : (contribution.days > 1 ? " days" : " day"));
    text += (fr ? ", semaine du " : ", week of ") + to_string(*contribution.week) + colon;
    switch (contribution.fee_kind) {
      case agreement::PermitFeeKind::per_day_capped_weekly: {
        const Money uncapped = contribution.fee * contribution.days;
        text += days + " × " + fee + " = " + dollars(uncapped.dollars(), lang);
        if (contribution.weekly_cap && uncapped > *contribution.weekly_cap) {
          text += fr ? ", plafonné à " + dollars(contribution.weekly_cap->dollars(), lang) + " par semaine"
                     : ", capped at " + dollars(contribution.weekly_cap->dollars(), lang) + " a week";
        }
        break;
      }
      case agreement::PermitFeeKind::per_week:
        text += fee + (fr ? " par semaine (" : " a week (") + days + (fr ? " travaillés)" : " worked)");
        break;
      case agreement::PermitFeeKind::per_week_or_portion:
        text += fee + (fr ? " par semaine ou partie de semaine (" : " a week or portion of a week (") + days +
                (fr ? " travaillés)" : " worked)");
        break;
    }
    return text + ", " + payer_words(contribution.paid_by, lang) + cite(contribution.citation);
  }
  text += colon;
  const Money base = contribution.base.value_or(Money());
  if (contribution.cap && base.is_zero() && !contribution.gross.is_zero()) {
    return text + (fr ? "rien, le plafond de " + dollars(contribution.cap->dollars(), lang) +
                            " par production étant atteint (" + dollars(contribution.gross_to_date.dollars(), lang) +
                            " payés auparavant)"
                      : "nothing, the cap of " + dollars(contribution.cap->dollars(), lang) +
                            " per production having been reached (" +
                            dollars(contribution.gross_to_date.dollars(), lang) + " paid before)") +
           ", " + payer_words(contribution.paid_by, lang) + cite(contribution.citation);
  }
  text += percent(*contribution.rate, lang) + " × " + dollars(base.dollars(), lang) +
          result(base.dollars() * *contribution.rate, contribution.amount, lang);
  if (contribution.cap && base != contribution.gross) {
    text += fr ? " — la part du brut (" + dollars(contribution.gross.dollars(), lang) + ") sous le plafond de " +
                     dollars(contribution.cap->dollars(), lang) + " par production, " +
                     dollars(contribution.gross_to_date.dollars(), lang) + " ayant été payés auparavant"
               : " — the part of the gross (" + dollars(contribution.gross.dollars(), lang) + ") under the cap of " +
                     dollars(contribution.cap->dollars(), lang) + " per production, " +
                     dollars(contribution.gross_to_date.dollars(), lang) + " having been paid before";
  }
  return text + ", " + payer_words(contribution.paid_by, lang) + cite(contribution.citation);
}

std::string explain(const Tax& tax, const std::string& lang) {
  const bool fr = french(lang);
  const std::string name = tax.code == "gst" ? (fr ? "TPS" : "GST") : (fr ? "TVQ" : "QST");
  std::string text = name + (fr ? " sur " : " on ") + tax.on_name.in(lang) + (fr ? " : " : ": ") + percent(tax.rate, lang) + " × ";
  if (!tax.gst_included.is_zero()) {
    text += "(" + dollars(tax.taxed.dollars(), lang) + " + " + dollars(tax.gst_included.dollars(), lang) +
            (fr ? " TPS = " : " GST = ") + dollars(tax.base.dollars(), lang) + ")";
  } else {
    text += dollars(tax.base.dollars(), lang);
  }
  text += result(tax.base.dollars() * tax.rate, tax.amount, lang);
  text += fr ? ", taux en vigueur le " + to_string(tax.date) : ", rate in force on " + to_string(tax.date);
  return text + ", " + payer_words(tax.paid_by, lang) + cite(tax.citation);
}

}  // namespace plateau::engine
