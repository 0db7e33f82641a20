// The findings' messages kept as figures (pay.h): each kind's sentence, appended to a TextOut
// (explain.cc), against the sentence as it was first written, with strings joined by `+`, in both
// languages and every branch; the string forms (render, FindingMessage::in) against the appended
// one; and the texts a message is given (a holiday's name, a message written out already) passed
// through the writer's `append_given` while its own words are not.
#include <array>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/explain.h"
#include "engine/pay.h"

namespace plateau::engine {
namespace {

// --- The sentences as they were written before they were appended: the reference -------------

std::string hours_text(Duration d) { return Rational(d.count(), 60).to_fixed(2); }

std::string reference(const MealTooShortFigures& f, bool french) {
  const std::string length = std::to_string(f.minutes);
  const std::string minimum = std::to_string(f.minimum_minutes);
  if (french) {
    return "La pause de " + f.start.hhmm() + " à " + f.end.hhmm() + " a duré " + length + " min, moins que les " +
           minimum + " min d'une pause-repas : elle ne compte pas comme telle.";
  }
  return "The break from " + f.start.hhmm() + " to " + f.end.hhmm() + " lasted " + length + " min, under the " +
         minimum + " min of a meal break: it does not count as one.";
}

std::string reference(const MealLateFigures& f, bool french) {
  static constexpr std::array<const char*, 4> kOrdinalEn = {"first", "second", "third", "fourth"};
  static constexpr std::array<const char*, 4> kOrdinalFr = {"premier", "deuxième", "troisième", "quatrième"};
  const bool named = f.which < kOrdinalEn.size();
  const std::string late = std::to_string(f.minutes_late);
  if (french) {
    const std::string meal =
        named ? std::string(kOrdinalFr[f.which]) + " repas" : "repas no " + std::to_string(f.which + 1);
    return "Le " + meal + " a commencé à " + f.start.hhmm() + ", " + late + " min après l'échéance" +
           (f.after_general_crew_call ? " (6 h après l'appel général)" : "") + ".";
  }
  const std::string meal = named ? std::string(kOrdinalEn[f.which]) + " meal" : "meal no. " + std::to_string(f.which + 1);
  return "The " + meal + " began at " + f.start.hhmm() + ", " + late + " min after it was due" +
         (f.after_general_crew_call ? " (6 h after general crew call)" : "") + ".";
}

std::string reference(const MealNotGivenFigures& f, bool french) {
  const std::string past = std::to_string(f.minutes_past);
  if (french) {
    return f.first ? "Aucune pause-repas n'a été accordée; le travail s'est poursuivi " + past +
                         " min après l'échéance du premier repas."
                   : "Aucune autre pause-repas n'a été accordée; le travail s'est poursuivi " + past +
                         " min après l'échéance du repas suivant.";
  }
  return f.first ? "No meal break was given; work went on " + past + " min past the time the first meal was due."
                 : "No further meal break was given; work went on " + past + " min past the time the next meal was due.";
}

std::string reference(const RestEncroachedFigures& f, bool french) {
  const std::string shortfall = hours_text(f.required - f.gap);
  if (french) {
    return std::string(f.weekly_rest ? "Repos hebdomadaire" : "Période de repos") + " de " + hours_text(f.gap) +
           " h entre la fin " + f.wrap.to_string() + " et l'appel " + f.call.to_string() + ", inférieur de " +
           shortfall + " h aux " + hours_text(f.required) + " h exigées.";
  }
  return std::string(f.weekly_rest ? "Weekly rest" : "Turnaround") + " of " + hours_text(f.gap) + " h from wrap " +
         f.wrap.to_string() + " to call " + f.call.to_string() + ", short of the " + hours_text(f.required) +
         " h required by " + shortfall + " h.";
}

std::string reference(const HolidayPayUndeterminedFigures& f, bool french) {
  if (french) {
    return "Le paiement de " + f.holiday_name->fr + " dépend du " + to_string(f.needed) +
           ", que ce lot ne couvre pas; le vérifier avec le lot voisin.";
  }
  return "Pay for " + f.holiday_name->en + " depends on " + to_string(f.needed) +
         ", which this batch does not cover; check it with the neighbouring batch.";
}

std::string reference(const AccommodationRequiredFigures& f, bool french) {
  if (french) {
    return "Journée en lieu éloigné de " + hours_text(f.worked) +
           " h au-delà d'une heure de route : le producteur doit fournir un hébergement de première classe.";
  }
  return "A distant-location day of " + hours_text(f.worked) +
         " h beyond a one-hour drive: the producer must make first-class accommodation available.";
}

// --- Figures of every kind, through every branch -----------------------------------------------

const Date kDay{std::chrono::year{2009}, std::chrono::month{5}, std::chrono::day{4}};
ClockTime at(Date day, int hours, int minutes) {
  return ClockTime::at(day, Duration{static_cast<std::int64_t>(hours) * 60 + minutes});
}

// Holiday names: plain, with every kind of character JSON escapes, without a French name, and one
// the loader found plain (written without being scanned).
const agreement::Text kPlainName{"Labour Day", "Fête du Travail"};
const agreement::Text kSpecialName{"St. \"Jean\"\\Baptiste\n\t\x01", "Saint-\"Jean\"\\\r\x1f"};
const agreement::Text kEnglishOnly{"Declared \"day\"", ""};
const agreement::Text kFoundPlain{"Canada Day", "Fête du Canada", agreement::Escapes::none, agreement::Escapes::none};

std::vector<FindingMessage::Figures> every_kind() {
  std::vector<FindingMessage::Figures> out;
  out.emplace_back(MealTooShortFigures{at(kDay, 12, 5), at(kDay, 12, 25), 20, 30});
  out.emplace_back(MealTooShortFigures{at(kDay, 23, 50), at(add_days(kDay, 1), 0, 5), 15, 30});
  for (const std::size_t which : {0u, 1u, 2u, 3u, 4u, 11u}) {
    out.emplace_back(MealLateFigures{which, at(kDay, 13, 7), 67, false});
    out.emplace_back(MealLateFigures{which, at(kDay, 13, 7), 1, true});
  }
  out.emplace_back(MealNotGivenFigures{true, 360});
  out.emplace_back(MealNotGivenFigures{false, 5});
  out.emplace_back(RestEncroachedFigures{false, Duration{540}, Duration{600}, at(kDay, 19, 0), at(add_days(kDay, 1), 4, 0)});
  out.emplace_back(
      RestEncroachedFigures{true, Duration{1925}, Duration{2160}, at(kDay, 23, 59), at(add_days(kDay, 2), 8, 4)});
  for (const agreement::Text* name : {&kPlainName, &kSpecialName, &kEnglishOnly, &kFoundPlain, &agreement::kNoText}) {
    out.emplace_back(HolidayPayUndeterminedFigures{name, add_days(kDay, 3)});
  }
  out.emplace_back(AccommodationRequiredFigures{Duration{0}});
  out.emplace_back(AccommodationRequiredFigures{Duration{745}});
  out.emplace_back(AccommodationRequiredFigures{Duration{100001}});
  return out;
}

// Messages written out already, as Text: with characters to escape, and without a French one.
std::vector<FindingMessage> every_message() {
  std::vector<FindingMessage> out;
  for (const auto& figures : every_kind()) out.emplace_back(FindingMessage(figures));
  out.emplace_back(agreement::Text{"Premium \"work\"\\ withheld\n", "Travail à prime \"retenu\"\t"});
  out.emplace_back(agreement::Text{"English only", ""});
  out.emplace_back(FindingMessage());
  return out;
}

// An `append_given` that marks each text given, so that a test sees which texts went through it.
void bracketed(TextOut& out, std::string_view text) {
  out.append("[");
  out.append(text);
  out.append("]");
}

std::string appended(const FindingMessage& message, std::string_view lang, AppendGivenText append_given) {
  std::string out = "before ";  // appended after what the output holds already
  {
    TextOut text(out);
    message.append_in(lang, text, append_given);
  }
  return out;
}

TEST(FindingMessage, EachKindWritesTheSentenceItAlwaysHasInBothLanguages) {
  for (const auto& figures : every_kind()) {
    for (const bool french : {false, true}) {
      std::visit(
          [&](const auto& kind) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(kind)>, agreement::Text>) {
              EXPECT_EQ(FindingMessage(kind).in(french ? "fr" : "en"), reference(kind, french));
            }
          },
          figures);
    }
  }
}

TEST(FindingMessage, AppendedEqualsReturnedInEveryLanguage) {
  for (const auto& message : every_message()) {
    for (const std::string_view lang : {"en", "fr", "de", ""}) {
      const std::string returned = message.in(lang);
      EXPECT_EQ(appended(message, lang, append_as_is), "before " + returned) << lang;
    }
  }
  const FindingMessage figures = MealNotGivenFigures{true, 360};
  EXPECT_EQ(figures.in("fr"), reference(MealNotGivenFigures{true, 360}, true));
  EXPECT_EQ(figures.in("de"), reference(MealNotGivenFigures{true, 360}, false));
  const FindingMessage text = agreement::Text{"Premium", "Prime"};
  EXPECT_EQ(text.in("fr"), "Prime");
  EXPECT_EQ(text.in("en"), "Premium");
  EXPECT_EQ(FindingMessage(agreement::Text{"Premium", ""}).in("fr"), "Premium");
}

// A holiday's name goes through `append_given` unless the loader found it plain; the sentence's own
// words and numbers never do. A message written out already goes through it whole.
TEST(FindingMessage, OnlyTheTextsGivenGoThroughAppendGiven) {
  const FindingMessage special = HolidayPayUndeterminedFigures{&kSpecialName, kDay};
  EXPECT_EQ(appended(special, "en", bracketed),
            "before Pay for [St. \"Jean\"\\Baptiste\n\t\x01] depends on 2009-05-04, which this batch does not cover; "
            "check it with the neighbouring batch.");
  EXPECT_EQ(appended(special, "fr", bracketed),
            "before Le paiement de [Saint-\"Jean\"\\\r\x1f] dépend du 2009-05-04, que ce lot ne couvre pas; le "
            "vérifier avec le lot voisin.");
  const FindingMessage plain = HolidayPayUndeterminedFigures{&kFoundPlain, kDay};
  EXPECT_EQ(appended(plain, "en", bracketed), "before " + plain.in("en"));
  const FindingMessage rest =
      RestEncroachedFigures{false, Duration{540}, Duration{600}, at(kDay, 19, 0), at(add_days(kDay, 1), 4, 0)};
  EXPECT_EQ(appended(rest, "fr", bracketed), "before " + rest.in("fr"));
  const FindingMessage text = agreement::Text{"a \"b\"", "c"};
  EXPECT_EQ(appended(text, "en", bracketed), "before [a \"b\"]");
  EXPECT_EQ(appended(text, "fr", bracketed), "before [c]");
}

}  // namespace
}  // namespace plateau::engine
