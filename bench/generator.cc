// The synthetic batch generator (generator.h): a production's week is planned first (which days
// it shoots, where, the general crew call and wrap, planned short turnarounds), then each person's
// timecard is drawn around that plan (early calls for the assistant directors, office hours for
// the art and accounting departments, meals, nearby-zone crossings, days on distant location),
// and the whole batch is written as compact JSON straight into the caller's string.
//
// Figures of the agreement the generator needs (classifications and their minimum rates, the
// 2009 holidays) are copied by hand from agreements/dgc-quebec/2009-01-01.toml; the test
// (generator_test.cc) computes the batches with the real agreement and would catch a mismatch.
// Every share of the mix ("… percent of days") is a named constant below, in one place.
#include "bench/generator.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace plateau::bench {

namespace {

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

constexpr int kMinutesPerHour = 60;
constexpr int kHoursPerDay = 24;
constexpr int kMinutesPerDay = kHoursPerDay * kMinutesPerHour;
constexpr int kDaysPerWeek = 7;
constexpr std::int64_t kCentsPerDollar = 100;
constexpr int kPercent = 100;  // chances are written in percent
constexpr int kEvenChance = kPercent / 2;

// Element `i` of an array indexed by a signed position (a weekday, a month, a count).
template <class T, std::size_t N>
constexpr T& at(std::array<T, N>& items, int i) {
  return items[static_cast<std::size_t>(i)];
}
template <class T, std::size_t N>
constexpr const T& at(const std::array<T, N>& items, int i) {
  return items[static_cast<std::size_t>(i)];
}

// Minutes in `hours` h `minutes` min: a time of day (since midnight) or a duration.
constexpr int hm(int hours, int minutes) { return hours * kMinutesPerHour + minutes; }
constexpr std::int64_t dollars(std::int64_t whole_dollars) { return whole_dollars * kCentsPerDollar; }

// Times on timecards are drawn on this grid, as a production report would write them.
constexpr int kClockStep = 5;
// Calls are set on the quarter hour.
constexpr int kCallStep = 15;

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
// generators", 2014). Integer arithmetic only, so a seed gives the same numbers everywhere.
// ---------------------------------------------------------------------------------------------

constexpr std::uint64_t kGoldenGamma = 0x9E3779B97F4A7C15ULL;
constexpr std::uint64_t kMixMultiplier1 = 0xBF58476D1CE4E5B9ULL;
constexpr std::uint64_t kMixMultiplier2 = 0x94D049BB133111EBULL;
constexpr int kMixShift1 = 30;
constexpr int kMixShift2 = 27;
constexpr int kMixShift3 = 31;
constexpr int kHalfWord = 32;

constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> kMixShift1)) * kMixMultiplier1;
  z = (z ^ (z >> kMixShift2)) * kMixMultiplier2;
  return z ^ (z >> kMixShift3);
}

class Random {
 public:
  // The generator of batch `index` of stream `seed`: independent of every other batch.
  Random(std::uint64_t seed, std::uint64_t index) : state_(mix64(mix64(seed) + index * kGoldenGamma)) {}

  std::uint64_t next() {
    state_ += kGoldenGamma;
    return mix64(state_);
  }

  // A number in [0, bound): the top 32 bits scaled by `bound` (Lemire's multiply-shift).
  // REQUIRES: 0 < bound < 2^32.
  std::uint64_t below(std::uint64_t bound) { return ((next() >> kHalfWord) * bound) >> kHalfWord; }

  // A number in [low, high]. REQUIRES: low <= high.
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low + 1)));
  }
  int between(int low, int high) {
    return static_cast<int>(between(static_cast<std::int64_t>(low), static_cast<std::int64_t>(high)));
  }

  // A number in [low, high] on a grid of `step` from `low`.
  int on_grid(int low, int high, int step) { return low + between(0, (high - low) / step) * step; }

  // True `chance` times in a hundred.
  bool percent(int chance) { return static_cast<int>(below(kPercent)) < chance; }

  template <class T, std::size_t N>
  const T& element(const std::array<T, N>& items) {
    return items[below(N)];
  }

  // One of `items`, each as likely as its `weight` field.
  template <class T, std::size_t N>
  const T& weighted(const std::array<T, N>& items) {
    int total = 0;
    for (const T& item : items) total += item.weight;
    int ticket = between(0, total - 1);
    for (const T& item : items) {
      if (ticket < item.weight) return item;
      ticket -= item.weight;
    }
    return items[N - 1];
  }

 private:
  std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------------
// The calendar of 2009 (dates are days of the year, 0 = 2009-01-01, a Thursday)
// ---------------------------------------------------------------------------------------------

constexpr int kYear = 2009;
constexpr int kDaysInYear = 365;  // 2009 is not a leap year
constexpr int kMonthsPerYear = 12;
constexpr std::array<int, kMonthsPerYear> kDaysInMonth = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

// Weekdays as positions in the Sunday-start work week.
constexpr int kSunday = 0;
constexpr int kMonday = 1;
constexpr int kTuesday = 2;
constexpr int kWednesday = 3;
constexpr int kThursday = 4;
constexpr int kFriday = 5;
constexpr int kSaturday = 6;
constexpr int kWeekdayOfNewYearsDay = kThursday;

constexpr int day_of_year(int month, int day) {
  int days = 0;
  for (int m = 1; m < month; ++m) days += at(kDaysInMonth, m - 1);
  return days + day - 1;
}
constexpr int weekday_of(int day) { return (kWeekdayOfNewYearsDay + day) % kDaysPerWeek; }
constexpr int sunday_of_week(int day) { return day - weekday_of(day); }

// Weeks run from 2009-01-04, the first Sunday, to the week of 2009-12-20, the last that ends in 2009.
constexpr int kFirstSunday = day_of_year(1, 4);
constexpr int kLastSunday = day_of_year(12, 20);
static_assert(weekday_of(kFirstSunday) == kSunday && weekday_of(kLastSunday) == kSunday);
static_assert(kLastSunday + kSaturday < kDaysInYear);
constexpr int kWeeksInYear = (kLastSunday - kFirstSunday) / kDaysPerWeek + 1;

// Weeks whose Saturday night runs into a daylight-saving change in America/Toronto (2009-03-08
// 02:00 skipped, 2009-11-01 01:00–02:00 repeated): a wrap past midnight there could name a time
// that does not exist or exists twice, which the engine rightly rejects. These weeks are skipped.
constexpr std::array<int, 2> kWeeksBeforeClockChanges = {day_of_year(3, 1), day_of_year(10, 25)};
// The earliest a work day starts (crew call less the earliest early call and the longest drive to
// a nearby location) stays clear of 03:00, so no Sunday of a clock change is touched either.
constexpr int kEarliestWorkStart = hm(3, 0);

// The agreement's holidays in 2009 (holidays.rule in the agreement file, computed for 2009).
constexpr std::array<int, 9> kHolidays = {
    day_of_year(1, 1),    // New Year's Day (its week starts in 2008: never drawn)
    day_of_year(4, 10),   // Good Friday
    day_of_year(5, 18),   // Victoria Day: the Monday before May 25
    day_of_year(6, 24),   // Quebec National Holiday
    day_of_year(7, 1),    // Canada Day
    day_of_year(9, 7),    // Labour Day
    day_of_year(10, 12),  // Thanksgiving Day
    day_of_year(12, 25),  // Christmas Day
    day_of_year(12, 26),  // Boxing Day, a Saturday in 2009
};

bool is_agreement_holiday(int day) {
  for (const int holiday : kHolidays) {
    if (holiday == day) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The agreement's classifications (Minimum Rates for Theatrical Motion Pictures)
// ---------------------------------------------------------------------------------------------

enum class Department { direction, production, art, accounting };

constexpr std::int64_t kNoDailyEngagement = 0;  // the sheet's "N/A": engaged by the week only

struct Classification {
  std::string_view name;  // as a payroll person types it; the engine matches ignoring spaces and case
  Department department;
  std::int64_t weekly_minimum;  // cents
  std::int64_t daily_minimum;   // cents, or kNoDailyEngagement
  bool called_before_crew;      // assistant directors and production managers come in before general crew call
  int weight;                   // how often the classification appears on a crew list
};

constexpr std::array<Classification, 20> kClassifications = {{
    {"2nd Unit Director", Department::direction, dollars(9380), dollars(2345), false, 2},
    {"Production Manager", Department::production, dollars(3135), dollars(785), true, 5},
    {"1st Assistant Director", Department::production, dollars(3015), dollars(755), true, 8},
    {"2nd Assistant Director", Department::production, dollars(2345), dollars(585), true, 8},
    {"3rd Assistant Director", Department::production, dollars(1630), dollars(405), true, 10},
    {"Trainee Assistant Director", Department::production, dollars(975), kNoDailyEngagement, true, 6},
    {"Production Designer", Department::art, dollars(3820), dollars(960), false, 3},
    {"Art Director Head of Department", Department::art, dollars(3360), dollars(840), false, 2},
    {"Art Director", Department::art, dollars(2535), dollars(635), false, 4},
    {"Assistant Art Director", Department::art, dollars(1890), dollars(470), false, 4},
    {"Set Designer", Department::art, dollars(1785), dollars(445), false, 3},
    {"Draftsman", Department::art, dollars(1530), dollars(385), false, 3},
    {"Art Department Coordinator", Department::art, dollars(1735), dollars(435), false, 3},
    {"Assistant Art Department Coordinator", Department::art, dollars(1100), dollars(275), false, 3},
    {"Production Accountant", Department::accounting, dollars(2450), dollars(610), false, 4},
    {"1st Assistant Accountant (General)", Department::accounting, dollars(1560), dollars(390), false, 3},
    {"1st Assistant Accountant (Payroll)", Department::accounting, dollars(1515), dollars(380), false, 3},
    {"2nd Assistant Accountant", Department::accounting, dollars(1020), dollars(255), false, 3},
    {"3rd Assistant Accountant", Department::accounting, dollars(815), dollars(205), false, 2},
    {"Trainee Assistant Accountant", Department::accounting, dollars(615), dollars(155), false, 2},
}};

// ---------------------------------------------------------------------------------------------
// Categories, locations and other enumerations of the payroll format
// ---------------------------------------------------------------------------------------------

enum class Category {
  member,
  permittee_non_canadian,
  permittee_dga_bectu_iatse_unsca,
  permittee_non_canadian_accountant,
  permittee_canadian,
};

std::string_view json_name(Category category) {
  switch (category) {
    case Category::member: return "member";
    case Category::permittee_non_canadian: return "permittee_non_canadian";
    case Category::permittee_dga_bectu_iatse_unsca: return "permittee_dga_bectu_iatse_unsca";
    case Category::permittee_non_canadian_accountant: return "permittee_non_canadian_accountant";
    case Category::permittee_canadian: return "permittee_canadian";
  }
  return "member";
}

struct CategoryShare {
  Category category;
  int weight;
};
// Non-Canadian production accountants are a category of the accounting department only; drawn
// for anyone else, it becomes a member.
constexpr std::array<CategoryShare, 5> kCategoryShares = {{
    {Category::member, 76},
    {Category::permittee_canadian, 8},
    {Category::permittee_non_canadian, 6},
    {Category::permittee_dga_bectu_iatse_unsca, 6},
    {Category::permittee_non_canadian_accountant, 4},
}};

enum class Location { studio, nearby, distant };

std::string_view json_name(Location location) {
  switch (location) {
    case Location::studio: return "studio";
    case Location::nearby: return "nearby";
    case Location::distant: return "distant";
  }
  return "studio";
}

enum class RateBasis { daily, weekly };

// Meals the producer provides on a distant-location day (they reduce the meal per diem).
struct MealsProvided {
  bool breakfast = false;
  bool lunch = false;
  bool supper = false;
};

// ---------------------------------------------------------------------------------------------
// The mix: how often each situation happens
// ---------------------------------------------------------------------------------------------

// Weeks and productions.
constexpr int kHolidayWeekPercent = 32;            // a week holding one of the agreement's holidays
constexpr int kShootsOnHolidayPercent = 35;        // the production works the holiday
constexpr int kDeclaredHolidayPercent = 4;         // a government declared an extra holiday that week
constexpr int kDeclaredOnSaturdayPercent = 30;     // … falling on a Saturday (a regular day off)
constexpr int kFullProductionFieldsPercent = 60;   // every production field written, defaults included
constexpr int kDistantWeekPercent = 14;            // the whole week on distant location
constexpr int kForeignLocationPercent = 15;        // a distant week in the U.S. (per diems in USD)
constexpr int kBeyondOneHourDrivePercent = 65;     // a distant location beyond a one-hour drive
constexpr int kNearbyDayPercent = 28;              // a shooting day on a nearby location
constexpr int kNightShootPercent = 3;              // a shooting day called in the afternoon, wrapping after midnight
constexpr int kShortTurnaroundPlannedPercent = 6;  // the production calls the crew back early

// Crew size: kSmallestCrew + two draws below kCrewDrawBound, plus, for the larger productions, a
// draw below kLargeCrewExtraBound: 3 to 40 people, 12 on average.
constexpr int kSmallestCrew = 3;
constexpr int kCrewDrawBound = 8;
constexpr int kLargeCrewPercent = 20;
constexpr int kLargeCrewExtraBound = 24;

// The production's days in the week.
enum class WeekShape { monday_to_friday, monday_to_saturday, all_seven, four_days, tuesday_to_saturday };
struct WeekShapeShare {
  WeekShape shape;
  int weight;
};
constexpr std::array<WeekShapeShare, 5> kWeekShapes = {{
    {WeekShape::monday_to_friday, 58},
    {WeekShape::monday_to_saturday, 20},
    {WeekShape::all_seven, 6},
    {WeekShape::four_days, 9},
    {WeekShape::tuesday_to_saturday, 7},
}};

// A band of durations (or times of day), drawn on the clock grid, as likely as its weight.
struct TimeBand {
  int weight;
  int low;
  int high;
};

// Shooting day, general crew call to wrap (meal breaks included).
constexpr std::array<TimeBand, 5> kShootingDayLengths = {{
    {70, hm(9, 30), hm(12, 0)},
    {22, hm(12, 0), hm(14, 0)},
    {6, hm(14, 0), hm(16, 0)},
    {1, hm(16, 0), hm(17, 30)},
    {1, hm(17, 30), hm(19, 0)},
}};
// Art and accounting departments keep office hours, call to wrap.
constexpr std::array<TimeBand, 5> kOfficeDayLengths = {{
    {72, hm(8, 30), hm(11, 0)},
    {19, hm(11, 0), hm(12, 0)},
    {6, hm(12, 0), hm(14, 0)},
    {2, hm(14, 0), hm(16, 0)},
    {1, hm(16, 0), hm(17, 30)},
}};
constexpr int kEarliestCrewCall = hm(6, 0);
constexpr int kLatestCrewCall = hm(8, 30);
constexpr int kEarliestNightCall = hm(15, 0);
constexpr int kLatestNightCall = hm(18, 0);
constexpr int kEarliestOfficeCall = hm(7, 0);
constexpr int kLatestOfficeCall = hm(9, 0);
// Rest the production plans between its wrap and the next call.
constexpr int kShortestPlannedRest = hm(11, 0);
constexpr int kLongestPlannedRest = hm(12, 30);
constexpr int kShortestShortRest = hm(8, 30);
constexpr int kLongestShortRest = hm(9, 45);
// However late a person wrapped, they are not called back sooner than this.
constexpr int kShortestPersonalRest = hm(7, 0);
// A call pushed later than this by the rest before it is no call: the day is taken off instead.
// (It also keeps every time of the week well under the format's 71:59.)
constexpr int kLatestCall = hm(20, 0);

// Assistant directors and production managers.
constexpr int kEarlyCallPercent = 35;
constexpr int kLongestEarlyCallLead = 90;
// Minutes before general crew call.
constexpr std::array<int, 5> kEarlyCallLeads = {15, 30, 45, 60, kLongestEarlyCallLead};
constexpr int kLateWrapPercent = 25;
constexpr std::array<int, 2> kLateWrapLags = {15, 30};  // minutes after the crew's wrap
constexpr int kWritesGeneralCallPercent = 85;           // when it differs from the person's call
constexpr int kRedundantGeneralCallPercent = 4;         // written although it equals the call
// Everyone else on the shooting crew: wrap this much around the crew's wrap.
constexpr int kEarliestCrewWrapShift = -30;
constexpr int kLatestCrewWrapShift = 15;

// Nearby locations: the drive from the studio-zone boundary, each way.
constexpr int kShortestZoneDrive = 15;
constexpr int kLongestZoneDrive = 45;
static_assert(kEarliestCrewCall - kLongestEarlyCallLead - kLongestZoneDrive >= kEarliestWorkStart,
              "the earliest early call less the longest drive must stay clear of the clock changes");
enum class ZoneCrossings { both, departure_only, return_only, neither };
struct ZoneCrossingsShare {
  ZoneCrossings written;
  int weight;
};
constexpr std::array<ZoneCrossingsShare, 4> kZoneCrossingsWritten = {{
    {ZoneCrossings::both, 85},
    {ZoneCrossings::departure_only, 5},
    {ZoneCrossings::return_only, 5},
    {ZoneCrossings::neither, 5},
}};

// Distant locations.
constexpr int kBreakfastProvidedPercent = 35;
constexpr int kLunchProvidedPercent = 75;
constexpr int kSupperProvidedPercent = 25;
constexpr int kBreakfastOnDayOffPercent = 20;
constexpr int kStaysOnLocationPercent = 75;     // lists the week's days off there, worked: false
constexpr int kDistantFactsOmittedPercent = 8;  // the defaults (CAD, no meals) stand

// Meals (the agreement: first within 6 h of call, the next within 8 h of the previous one).
constexpr int kFirstMealDue = hm(6, 0);
constexpr int kNextMealDue = hm(8, 0);
constexpr int kShotInProgressGrace = 10;
constexpr int kLatestEarlyMeal = 90;  // an on-time meal starts up to this many minutes before it is due
constexpr int kShortestLateness = 5;
constexpr int kLongestLateness = 45;
constexpr int kLatestGraceLateness = 25;  // a shot in progress run past its 10 minutes
enum class MealTiming { on_time, shot_in_progress_within_grace, late, late_despite_shot_in_progress, not_given };
struct MealTimingShare {
  MealTiming timing;
  int weight;
};
constexpr std::array<MealTimingShare, 5> kMealTimings = {{
    {MealTiming::on_time, 90},
    {MealTiming::shot_in_progress_within_grace, 5},
    {MealTiming::late, 3},
    {MealTiming::late_despite_shot_in_progress, 1},
    {MealTiming::not_given, 1},
}};
struct MealLength {
  int minutes;
  int weight;
};
// 20 minutes is under the 30 of a meal break: it counts as none (finding meal_too_short).
constexpr std::array<MealLength, 4> kMealLengths = {{{30, 70}, {45, 9}, {60, 20}, {20, 1}}};
constexpr int kMaxMealsPerDay = 4;
constexpr int kExplicitNoShotInProgressPercent = 3;
// The non-deductible meal exception: an early-called person given a meal before general crew call
// and a snack no more than 2 h 30 before the first meal may eat 6 h after general crew call.
constexpr int kNonDeductibleMealPercent = 40;  // of the days a person is called before the crew
constexpr int kShortestSnackLead = 60;
constexpr int kLongestSnackLead = 150;
constexpr int kSnackOnlyPercent = 5;          // a snack with no non-deductible meal: no exception
constexpr int kEarliestLoneSnack = hm(2, 0);  // after the start of work
constexpr int kLatestLoneSnack = hm(4, 0);

// Other facts of a day.
constexpr int kPremiumNotApprovedPercent = 2;
constexpr int kPremiumApprovedWrittenPercent = 5;
constexpr int kStudioWrittenPercent = 30;
constexpr int kReducedWeekendRestPercent = 2;  // of people: notice given for their first call of the week

// People.
constexpr int kWeeklyBasisPercent = 35;  // of classifications that may be engaged by the day
constexpr int kAtMinimumRatePercent = 40;
constexpr int kLargestRaisePercent = 35;  // above the minimum, by 1 to this many percent
constexpr int kDayPlayerPercent = 12;     // of daily engagements: two to four consecutive shooting days
constexpr int kFewestDayPlayerDays = 2;
constexpr int kMostDayPlayerDays = 4;
constexpr int kMissesADayPercent = 6;
constexpr int kFewestDaysToMissOne = 4;
constexpr int kSaturdayPrepPercent = 10;  // art and accounting come in on a Saturday the crew does not shoot
constexpr int kEngagementWrittenPercent = 70;
constexpr int kPartialWeekPercent = 15;  // of written weekly engagements: begins or ends inside this week
constexpr int kLongestEngagementWeeks = 12;
constexpr int kNameOmittedPercent = 3;
constexpr int kMemberCategoryWrittenPercent = 50;
constexpr int kZeroGrossWrittenPercent = 50;
constexpr int kPermitPayerOmittedPercent = 30;
constexpr int kPaidByPermitteePercent = 50;  // of the permittees whose payer is written
constexpr int kDayOffInLieuPercent = 50;     // of people with a holiday on a day off they did not work

// Gross already paid on the production, in cents: near and past the per-production caps
// ($50,000 for the administration and training fund, $125,000 for health and welfare and check-off).
struct MoneyBand {
  int weight;
  std::int64_t low;
  std::int64_t high;
};
constexpr std::array<MoneyBand, 6> kGrossToDate = {{
    {25, 0, 0},
    {40, dollars(500), dollars(44000)},
    {12, dollars(44000), dollars(50000)},
    {8, dollars(50000), dollars(118000)},
    {10, dollars(118000), dollars(125000)},
    {5, dollars(125000), dollars(250000)},
}};

// Names and titles.
constexpr std::array<std::string_view, 24> kFirstNames = {
    "Marie",    "Jean",    "Sophie",    "Louis",     "Émilie",    "Marc",    "Julie",    "François",
    "Isabelle", "Mathieu", "Catherine", "Alexandre", "Geneviève", "Olivier", "Nathalie", "Simon",
    "Chloé",    "David",   "Annie",     "Patrick",   "Sarah",     "Kevin",   "Hélène",   "Luc"};
constexpr std::array<std::string_view, 24> kLastNames = {
    "Tremblay", "Gagnon", "Roy",     "Côté",      "Bouchard", "Gauthier", "Morin",    "Lavoie",
    "Fortin",   "Gagné",  "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc",
    "Paquette", "Girard", "Simard",  "Boucher",   "Caron",    "Beaulieu", "Cloutier", "Smith"};
constexpr std::array<std::string_view, 12> kTitles = {
    "Le Grand Nord",  "Les Hauts Plateaux", "La Traversée", "Rue Beaubien",   "Northern Lights",   "Saint-Laurent",
    "Les Bâtisseurs", "Midnight Ferry",     "Chambre 27",   "Le Dernier Été", "The Quiet Harbour", "Côte-des-Neiges"};

// ---------------------------------------------------------------------------------------------
// Writing compact JSON into the output string
// ---------------------------------------------------------------------------------------------

// Values are written as they come; commas are placed between members and elements. Strings are
// written unescaped. REQUIRES: every string holds no '"', '\\' or control character (all the
// generator's text is its own).
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() {
    separate();
    out_ += '{';
    need_comma_ = false;
  }
  void end_object() {
    out_ += '}';
    need_comma_ = true;
  }
  void begin_array() {
    separate();
    out_ += '[';
    need_comma_ = false;
  }
  void end_array() {
    out_ += ']';
    need_comma_ = true;
  }
  void key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    need_comma_ = false;
  }
  void string(std::string_view text) {
    separate();
    out_ += '"';
    out_ += text;
    out_ += '"';
    need_comma_ = true;
  }
  void boolean(bool value) {
    separate();
    out_ += value ? std::string_view("true") : std::string_view("false");
    need_comma_ = true;
  }
  // "1234.50"
  void money(std::int64_t cents) {
    separate();
    out_ += '"';
    append_unsigned(cents / kCentsPerDollar);
    out_ += '.';
    append_two_digits(static_cast<int>(cents % kCentsPerDollar));
    out_ += '"';
    need_comma_ = true;
  }
  // "2009-06-24"
  void date(int day) {
    int month = 0;
    int remaining = day;
    while (remaining >= at(kDaysInMonth, month)) remaining -= at(kDaysInMonth, month++);
    separate();
    out_ += '"';
    append_unsigned(kYear);
    out_ += '-';
    append_two_digits(month + 1);
    out_ += '-';
    append_two_digits(remaining + 1);
    out_ += '"';
    need_comma_ = true;
  }
  // "HH:MM", minutes since midnight of the day's date; "26:15" past midnight.
  void clock(int minutes) {
    separate();
    out_ += '"';
    append_two_digits(minutes / kMinutesPerHour);
    out_ += ':';
    append_two_digits(minutes % kMinutesPerHour);
    out_ += '"';
    need_comma_ = true;
  }
  // "Marie Tremblay": two words and a space.
  void words(std::string_view first, std::string_view second) {
    separate();
    out_ += '"';
    out_ += first;
    out_ += ' ';
    out_ += second;
    out_ += '"';
    need_comma_ = true;
  }
  // "E-007": a prefix and a number of at least three digits.
  void numbered(std::string_view prefix, int number) {
    constexpr int kHundred = 100;
    constexpr int kTen = 10;
    separate();
    out_ += '"';
    out_ += prefix;
    if (number < kHundred) out_ += '0';
    if (number < kTen) out_ += '0';
    append_unsigned(number);
    out_ += '"';
    need_comma_ = true;
  }

 private:
  static constexpr int kDecimalBase = 10;
  static constexpr std::size_t kMaxDigits = 20;

  void separate() {
    if (need_comma_) out_ += ',';
  }
  void append_two_digits(int value) {
    out_ += static_cast<char>('0' + value / kDecimalBase);
    out_ += static_cast<char>('0' + value % kDecimalBase);
  }
  void append_unsigned(std::int64_t value) {
    std::array<char, kMaxDigits> digits{};
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + value % kDecimalBase);
      value /= kDecimalBase;
    } while (value > 0);
    while (count > 0) out_ += digits[--count];
  }

  std::string& out_;
  bool need_comma_ = false;
};

// ---------------------------------------------------------------------------------------------
// The production's week
// ---------------------------------------------------------------------------------------------

// Times of a week are minutes from midnight of its Sunday; a day's clock text is that less the
// day's own midnight (so "26:15" for 02:15 the next morning).
int week_minute(int weekday, int time_of_day) { return weekday * kMinutesPerDay + time_of_day; }

struct ProductionDay {
  bool shooting = false;
  int crew_call = 0;  // general crew call, minutes of the week
  int crew_wrap = 0;
  Location location = Location::studio;
  int zone_drive = 0;            // nearby: minutes between the studio-zone boundary and the set, each way
  MealsProvided meals_provided;  // distant
};

struct ProductionWeek {
  int sunday = 0;  // day of the year
  std::array<ProductionDay, kDaysPerWeek> days;
  std::array<bool, kDaysPerWeek> holiday{};  // the agreement's holidays and a declared one
  std::optional<int> declared_holiday;       // its weekday
  bool distant = false;
  bool foreign = false;  // per diems in USD
  bool beyond_one_hour_drive = false;
  bool all_production_fields = false;
  std::string_view title;
};

int draw_time(Random& random, const TimeBand& band) { return random.on_grid(band.low, band.high, kClockStep); }

template <std::size_t N>
int draw_length(Random& random, const std::array<TimeBand, N>& bands) {
  return draw_time(random, random.weighted(bands));
}

int round_up_to(int minutes, int step) { return (minutes + step - 1) / step * step; }

int draw_sunday(Random& random) {
  if (random.percent(kHolidayWeekPercent)) {
    // A holiday of 2009 whose week lies wholly in 2009 (all but New Year's Day).
    for (;;) {
      const int sunday = sunday_of_week(random.element(kHolidays));
      if (sunday >= kFirstSunday && sunday <= kLastSunday) return sunday;
    }
  }
  for (;;) {
    const int sunday = kFirstSunday + random.between(0, kWeeksInYear - 1) * kDaysPerWeek;
    if (sunday != kWeeksBeforeClockChanges[0] && sunday != kWeeksBeforeClockChanges[1]) return sunday;
  }
}

void set_shooting_days(Random& random, ProductionWeek& week) {
  auto shoot = [&](int first, int last) {
    for (int d = first; d <= last; ++d) at(week.days, d).shooting = true;
  };
  switch (random.weighted(kWeekShapes).shape) {
    case WeekShape::monday_to_friday: shoot(kMonday, kFriday); break;
    case WeekShape::monday_to_saturday: shoot(kMonday, kSaturday); break;
    case WeekShape::all_seven: shoot(kSunday, kSaturday); break;
    case WeekShape::four_days:
      if (random.percent(kEvenChance)) {
        shoot(kMonday, kThursday);
      } else {
        shoot(kTuesday, kFriday);
      }
      break;
    case WeekShape::tuesday_to_saturday: shoot(kTuesday, kSaturday); break;
  }
  // Most productions do not shoot on a holiday.
  for (int d = 0; d < kDaysPerWeek; ++d) {
    ProductionDay& day = at(week.days, d);
    if (at(week.holiday, d) && day.shooting && !random.percent(kShootsOnHolidayPercent)) day.shooting = false;
  }
}

// Calls, wraps and locations of the shooting days, keeping the planned rest between them.
void plan_shooting_days(Random& random, ProductionWeek& week) {
  std::optional<int> previous_wrap;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    ProductionDay& day = at(week.days, d);
    if (!day.shooting) continue;
    const bool night = random.percent(kNightShootPercent);
    const int call = night ? random.on_grid(kEarliestNightCall, kLatestNightCall, kCallStep)
                           : random.on_grid(kEarliestCrewCall, kLatestCrewCall, kCallStep);
    day.crew_call = week_minute(d, call);
    if (previous_wrap) {
      const int rest = random.percent(kShortTurnaroundPlannedPercent)
                           ? random.on_grid(kShortestShortRest, kLongestShortRest, kCallStep)
                           : random.on_grid(kShortestPlannedRest, kLongestPlannedRest, kCallStep);
      if (day.crew_call < *previous_wrap + rest) day.crew_call = round_up_to(*previous_wrap + rest, kCallStep);
      if (day.crew_call > week_minute(d, kLatestCall)) {
        day.shooting = false;
        continue;
      }
    }
    day.crew_wrap = day.crew_call + draw_length(random, kShootingDayLengths);
    previous_wrap = day.crew_wrap;
    if (week.distant) {
      day.location = Location::distant;
      day.meals_provided = {random.percent(kBreakfastProvidedPercent), random.percent(kLunchProvidedPercent),
                            random.percent(kSupperProvidedPercent)};
    } else if (random.percent(kNearbyDayPercent)) {
      day.location = Location::nearby;
      day.zone_drive = random.on_grid(kShortestZoneDrive, kLongestZoneDrive, kClockStep);
    }
  }
  if (week.distant) {
    for (auto& day : week.days) {
      if (!day.shooting) day.meals_provided.breakfast = random.percent(kBreakfastOnDayOffPercent);
    }
  }
}

ProductionWeek plan_week(Random& random) {
  ProductionWeek week;
  week.sunday = draw_sunday(random);
  week.title = random.element(kTitles);
  for (int d = 0; d < kDaysPerWeek; ++d) at(week.holiday, d) = is_agreement_holiday(week.sunday + d);
  if (random.percent(kDeclaredHolidayPercent)) {
    week.declared_holiday = random.percent(kDeclaredOnSaturdayPercent) ? kSaturday : random.between(kMonday, kFriday);
    at(week.holiday, *week.declared_holiday) = true;
  }
  week.all_production_fields = week.declared_holiday || random.percent(kFullProductionFieldsPercent);
  week.distant = random.percent(kDistantWeekPercent);
  if (week.distant) {
    week.foreign = random.percent(kForeignLocationPercent);
    week.beyond_one_hour_drive = random.percent(kBeyondOneHourDrivePercent);
  }
  set_shooting_days(random, week);
  plan_shooting_days(random, week);
  return week;
}

// ---------------------------------------------------------------------------------------------
// One person's week
// ---------------------------------------------------------------------------------------------

struct Meal {
  int start = 0;  // minutes of the week
  int end = 0;
  bool shot_in_progress = false;
};

struct PersonDay {
  bool listed = false;
  bool worked = false;  // listed but not worked: a day on distant location without work
  int call = 0;         // minutes of the week
  int wrap = 0;
  std::optional<int> general_crew_call;  // minutes of the week, like the times below
  std::optional<int> zone_departure;
  std::optional<int> zone_return;
  bool ndb = false;
  std::optional<int> snack;
  std::array<Meal, kMaxMealsPerDay> meals{};
  int meal_count = 0;
  bool explicit_no_shot_in_progress = false;
  bool premium_not_approved = false;
  bool premium_approved_written = false;
  bool studio_written = false;
  bool reduced_weekend_rest = false;
};

struct Engagement {
  int start = 0;  // days of the year
  int end = 0;
};

struct Person {
  const Classification* classification = nullptr;
  Category category = Category::member;
  RateBasis basis = RateBasis::daily;
  std::int64_t rate = 0;
  std::int64_t gross_to_date = 0;
  std::array<PersonDay, kDaysPerWeek> days{};
  std::optional<Engagement> engagement;
  std::optional<int> day_off_in_lieu;  // day of the year
  bool stays_on_location = false;      // on a distant location, lists the days off there
};

bool keeps_office_hours(const Classification& classification) {
  return classification.department == Department::art || classification.department == Department::accounting;
}

// Where the person works that day: with the company on a distant location; else the art and
// accounting departments in the production office (the studio zone), the others where it shoots.
Location location_of(const ProductionWeek& week, int weekday, const Classification& classification) {
  const ProductionDay& shoot = at(week.days, weekday);
  if (week.distant) return Location::distant;
  if (keeps_office_hours(classification) || !shoot.shooting) return Location::studio;
  return shoot.location;
}

const Classification& draw_classification(Random& random) { return random.weighted(kClassifications); }

Category draw_category(Random& random, const Classification& classification) {
  const Category category = random.weighted(kCategoryShares).category;
  if (category == Category::permittee_non_canadian_accountant && classification.department != Department::accounting) {
    return Category::member;
  }
  return category;
}

std::int64_t draw_rate(Random& random, std::int64_t minimum) {
  if (random.percent(kAtMinimumRatePercent)) return minimum;
  const std::int64_t raise = minimum * random.between(1, kLargestRaisePercent) / kPercent;
  return minimum + raise / kCentsPerDollar * kCentsPerDollar;  // whole dollars above the minimum
}

std::int64_t draw_gross_to_date(Random& random) {
  const MoneyBand& band = random.weighted(kGrossToDate);
  return random.between(band.low, band.high);
}

// The days the person works: the production's shooting days, a run of them for a day player,
// less a missed day, plus a Saturday of preparation for the art and accounting departments.
void choose_work_days(Random& random, const ProductionWeek& week, Person& person) {
  std::array<int, kDaysPerWeek> shooting{};
  int shooting_count = 0;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (at(week.days, d).shooting) at(shooting, shooting_count++) = d;
  }
  int first = 0;
  int last = shooting_count - 1;
  if (person.basis == RateBasis::daily && random.percent(kDayPlayerPercent)) {
    const int run = std::min(shooting_count, random.between(kFewestDayPlayerDays, kMostDayPlayerDays));
    first = random.between(0, shooting_count - run);
    last = first + run - 1;
  }
  for (int k = first; k <= last; ++k) {
    PersonDay& day = at(person.days, at(shooting, k));
    day.listed = true;
    day.worked = true;
  }
  if (last - first + 1 >= kFewestDaysToMissOne && random.percent(kMissesADayPercent)) {
    PersonDay& missed = at(person.days, at(shooting, random.between(first, last)));
    missed.listed = false;
    missed.worked = false;
  }
  if (keeps_office_hours(*person.classification) && !week.distant && !at(week.days, kSaturday).shooting &&
      !at(week.holiday, kSaturday) && random.percent(kSaturdayPrepPercent)) {
    at(person.days, kSaturday).listed = true;
    at(person.days, kSaturday).worked = true;
  }
  // On distant location, most of the crew stays there on the days off.
  person.stays_on_location = week.distant && random.percent(kStaysOnLocationPercent);
  if (person.stays_on_location) {
    for (auto& day : person.days) day.listed = true;  // the days off there: listed, worked stays false
  }
}

// Meals from the start of work: each due kFirstMealDue after the start (or after general crew call
// under the non-deductible meal exception), then kNextMealDue after the end of the previous one.
// `work_end` is when work ends for the meal rules (the zone crossing back on a nearby day);
// meals end by `wrap`.
void place_meals(Random& random, int work_start, int first_due, int wrap, int work_end, PersonDay& day) {
  int due = first_due;
  int earliest = work_start;
  while (work_end > due && day.meal_count < kMaxMealsPerDay) {
    const MealTiming timing = random.weighted(kMealTimings).timing;
    Meal meal;
    switch (timing) {
      case MealTiming::on_time: meal.start = due - random.on_grid(0, kLatestEarlyMeal, kClockStep); break;
      case MealTiming::shot_in_progress_within_grace:
        meal.start = due + random.between(1, kShotInProgressGrace);
        meal.shot_in_progress = true;
        break;
      case MealTiming::late: meal.start = due + random.on_grid(kShortestLateness, kLongestLateness, kClockStep); break;
      case MealTiming::late_despite_shot_in_progress:
        meal.start = due + random.between(kShotInProgressGrace + 1, kLatestGraceLateness);
        meal.shot_in_progress = true;
        break;
      case MealTiming::not_given: return;
    }
    if (meal.start < earliest) meal.start = earliest;
    meal.end = meal.start + random.weighted(kMealLengths).minutes;
    if (meal.end > wrap) return;  // work ended before the meal: none given
    at(day.meals, day.meal_count++) = meal;
    earliest = meal.end;
    due = meal.end + kNextMealDue;
  }
}

// Times of one worked day: call and wrap around the production's, the zone crossings of a nearby
// day, the rest since the previous day's work, meals, snack and the other facts. When the rest
// would push the call past kLatestCall, the person takes the day off instead.
void time_day(Random& random, const ProductionWeek& week, int weekday, std::optional<int> previous_work_end,
              Person& person) {
  PersonDay& day = at(person.days, weekday);
  const ProductionDay& shoot = at(week.days, weekday);
  const Classification& classification = *person.classification;
  int crew_call = shoot.crew_call;
  if (keeps_office_hours(classification)) {
    // Office hours, whatever the shooting crew does.
    day.call = week_minute(weekday, random.on_grid(kEarliestOfficeCall, kLatestOfficeCall, kCallStep));
    day.wrap = day.call + draw_length(random, kOfficeDayLengths);
    crew_call = day.call;
  } else {
    day.call = shoot.crew_call;
    day.wrap = shoot.crew_wrap + random.on_grid(kEarliestCrewWrapShift, kLatestCrewWrapShift, kClockStep);
    if (classification.called_before_crew && random.percent(kEarlyCallPercent)) {
      day.call -= random.element(kEarlyCallLeads);
    }
    if (classification.called_before_crew && random.percent(kLateWrapPercent)) {
      day.wrap = shoot.crew_wrap + random.element(kLateWrapLags);
    }
  }
  const Location location = location_of(week, weekday, classification);
  const int drive = location == Location::nearby ? shoot.zone_drive : 0;
  // Never called back sooner than kShortestPersonalRest after the previous day's work ended.
  if (previous_work_end && day.call - drive < *previous_work_end + kShortestPersonalRest) {
    const int shift = round_up_to(*previous_work_end + kShortestPersonalRest - (day.call - drive), kClockStep);
    day.call += shift;
    day.wrap += shift;
    if (day.call > week_minute(weekday, kLatestCall)) {
      day.worked = false;
      day.listed = person.stays_on_location;
      return;
    }
  }
  const int work_start = day.call - drive;
  const int work_end = day.wrap + drive;
  if (location == Location::nearby) {
    switch (random.weighted(kZoneCrossingsWritten).written) {
      case ZoneCrossings::both:
        day.zone_departure = work_start;
        day.zone_return = work_end;
        break;
      case ZoneCrossings::departure_only: day.zone_departure = work_start; break;
      case ZoneCrossings::return_only: day.zone_return = work_end; break;
      case ZoneCrossings::neither: break;
    }
  }
  // The engine's start and end of work are the crossings that are written.
  const int counted_start = day.zone_departure.value_or(day.call);
  const int counted_end = day.zone_return.value_or(day.wrap);
  const bool before_crew = day.call < crew_call;
  if (before_crew) {
    if (random.percent(kWritesGeneralCallPercent)) day.general_crew_call = crew_call;
  } else if (random.percent(kRedundantGeneralCallPercent)) {
    day.general_crew_call = day.call;
  }
  const bool exception =
      day.general_crew_call && *day.general_crew_call > counted_start && random.percent(kNonDeductibleMealPercent);
  const int first_meal_due = (exception ? *day.general_crew_call : counted_start) + kFirstMealDue;
  place_meals(random, counted_start, first_meal_due, day.wrap, counted_end, day);
  if (exception) {
    day.ndb = true;
    if (day.meal_count > 0) {
      day.snack = day.meals[0].start - random.on_grid(kShortestSnackLead, kLongestSnackLead, kClockStep);
    }
  } else if (random.percent(kSnackOnlyPercent)) {
    day.snack = counted_start + random.on_grid(kEarliestLoneSnack, kLatestLoneSnack, kClockStep);
  }
  day.explicit_no_shot_in_progress = random.percent(kExplicitNoShotInProgressPercent);
  day.premium_not_approved = random.percent(kPremiumNotApprovedPercent);
  day.premium_approved_written = random.percent(kPremiumApprovedWrittenPercent);
  day.studio_written = random.percent(kStudioWrittenPercent);
}

Person draw_person(Random& random, const ProductionWeek& week) {
  Person person;
  person.classification = &draw_classification(random);
  const Classification& classification = *person.classification;
  person.category = draw_category(random, classification);
  const bool weekly = classification.daily_minimum == kNoDailyEngagement || random.percent(kWeeklyBasisPercent);
  person.basis = weekly ? RateBasis::weekly : RateBasis::daily;
  person.rate = draw_rate(random, weekly ? classification.weekly_minimum : classification.daily_minimum);
  person.gross_to_date = draw_gross_to_date(random);
  choose_work_days(random, week, person);

  std::optional<int> previous_work_end;
  bool first_worked = true;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    PersonDay& day = at(person.days, d);
    if (!day.worked) continue;
    time_day(random, week, d, previous_work_end, person);
    if (!day.worked) continue;
    previous_work_end = day.zone_return.value_or(day.wrap);
    if (first_worked) day.reduced_weekend_rest = random.percent(kReducedWeekendRestPercent);
    first_worked = false;
  }

  // The engagement, when written, holds every listed day; a weekly one may begin or end this week.
  std::optional<int> first_listed;
  int last_listed = kSunday;
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (!at(person.days, d).listed) continue;
    if (!first_listed) first_listed = d;
    last_listed = d;
  }
  if (random.percent(kEngagementWrittenPercent)) {
    Engagement engagement;
    engagement.start = std::max(0, week.sunday - kDaysPerWeek * random.between(0, kLongestEngagementWeeks));
    engagement.end =
        std::min(kDaysInYear - 1, week.sunday + kSaturday + kDaysPerWeek * random.between(0, kLongestEngagementWeeks));
    if (weekly && random.percent(kPartialWeekPercent)) {
      if (random.percent(kEvenChance)) {
        engagement.start = week.sunday + first_listed.value_or(kSunday);
      } else {
        engagement.end = week.sunday + last_listed;
      }
    }
    person.engagement = engagement;
  }

  // A holiday on a Saturday or Sunday not worked: the producer may designate a day off in lieu,
  // here the Monday after the week (never a day the person works in this batch).
  for (const int d : {kSunday, kSaturday}) {
    const PersonDay& day = at(person.days, d);
    if (at(week.holiday, d) && !day.worked && random.percent(kDayOffInLieuPercent)) {
      person.day_off_in_lieu = week.sunday + kDaysPerWeek + kMonday;
    }
  }
  return person;
}

// ---------------------------------------------------------------------------------------------
// Writing the batch
// ---------------------------------------------------------------------------------------------

void write_production(JsonWriter& json, const ProductionWeek& week) {
  json.key("production");
  json.begin_object();
  json.key("title");
  json.string(week.title);
  json.key("agreement");
  json.string("dgc-quebec");
  if (week.all_production_fields) {
    json.key("production_type");
    json.string("theatrical");
    json.key("week_starts_on");
    json.string("sunday");
    json.key("time_zone");
    json.string("America/Toronto");
    json.key("regular_days_off");
    json.begin_array();
    json.string("saturday");
    json.string("sunday");
    json.end_array();
    json.key("declared_holidays");
    json.begin_array();
    if (week.declared_holiday) json.date(week.sunday + *week.declared_holiday);
    json.end_array();
  }
  json.end_object();
}

void write_day(Random& random, JsonWriter& json, const ProductionWeek& week, int weekday, const Person& person) {
  const PersonDay& day = at(person.days, weekday);
  const ProductionDay& shoot = at(week.days, weekday);
  const int midnight = week_minute(weekday, 0);
  const Location location = location_of(week, weekday, *person.classification);
  json.begin_object();
  json.key("date");
  json.date(week.sunday + weekday);
  if (!day.worked) {
    json.key("worked");
    json.boolean(false);
  } else {
    json.key("call");
    json.clock(day.call - midnight);
    json.key("wrap");
    json.clock(day.wrap - midnight);
    if (day.meal_count > 0) {
      json.key("meals");
      json.begin_array();
      for (int m = 0; m < day.meal_count; ++m) {
        const Meal& meal = at(day.meals, m);
        json.begin_object();
        json.key("start");
        json.clock(meal.start - midnight);
        json.key("end");
        json.clock(meal.end - midnight);
        if (meal.shot_in_progress || day.explicit_no_shot_in_progress) {
          json.key("shot_in_progress");
          json.boolean(meal.shot_in_progress);
        }
        json.end_object();
      }
      json.end_array();
    }
    if (day.general_crew_call) {
      json.key("general_crew_call");
      json.clock(*day.general_crew_call - midnight);
    }
    if (day.ndb) {
      json.key("ndb");
      json.boolean(true);
    }
    if (day.snack) {
      json.key("snack");
      json.clock(*day.snack - midnight);
    }
  }
  if (location != Location::studio || day.studio_written) {
    json.key("location");
    json.string(json_name(location));
  }
  if (day.zone_departure) {
    json.key("zone_departure");
    json.clock(*day.zone_departure - midnight);
  }
  if (day.zone_return) {
    json.key("zone_return");
    json.clock(*day.zone_return - midnight);
  }
  if (location == Location::distant && (week.foreign || !random.percent(kDistantFactsOmittedPercent))) {
    json.key("distant");
    json.begin_object();
    json.key("currency");
    json.string(week.foreign ? "USD" : "CAD");
    json.key("meals_provided");
    json.begin_array();
    if (shoot.meals_provided.breakfast) json.string("breakfast");
    if (shoot.meals_provided.lunch) json.string("lunch");
    if (shoot.meals_provided.supper) json.string("supper");
    json.end_array();
    json.key("beyond_one_hour_drive");
    json.boolean(week.beyond_one_hour_drive);
    json.end_object();
  }
  if (day.worked && (day.premium_not_approved || day.premium_approved_written)) {
    json.key("premium_approved");
    json.boolean(!day.premium_not_approved);
  }
  if (day.reduced_weekend_rest) {
    json.key("reduced_weekend_rest");
    json.boolean(true);
  }
  json.end_object();
}

void write_person(Random& random, JsonWriter& json, const ProductionWeek& week, const Person& person, int number) {
  const bool permittee = person.category != Category::member;
  json.begin_object();
  json.key("id");
  json.numbered("E-", number);
  if (!random.percent(kNameOmittedPercent)) {
    json.key("name");
    std::string_view first = random.element(kFirstNames);
    std::string_view last = random.element(kLastNames);
    json.words(first, last);
  }
  json.key("classification");
  json.string(person.classification->name);
  if (permittee || random.percent(kMemberCategoryWrittenPercent)) {
    json.key("category");
    json.string(json_name(person.category));
  }
  json.key("rate");
  json.begin_object();
  json.key("basis");
  json.string(person.basis == RateBasis::daily ? "daily" : "weekly");
  json.key("amount");
  json.money(person.rate);
  json.end_object();
  if (person.engagement) {
    json.key("engagement");
    json.begin_object();
    json.key("start");
    json.date(person.engagement->start);
    json.key("end");
    json.date(person.engagement->end);
    json.end_object();
  }
  if (person.gross_to_date > 0 || random.percent(kZeroGrossWrittenPercent)) {
    json.key("production_gross_to_date");
    json.money(person.gross_to_date);
  }
  if (permittee && !random.percent(kPermitPayerOmittedPercent)) {
    json.key("permit_fee_paid_by");
    json.string(random.percent(kPaidByPermitteePercent) ? "permittee" : "producer");
  }
  if (person.day_off_in_lieu) {
    json.key("days_off_in_lieu");
    json.begin_array();
    json.date(*person.day_off_in_lieu);
    json.end_array();
  }
  json.key("days");
  json.begin_array();
  for (int d = 0; d < kDaysPerWeek; ++d) {
    if (at(person.days, d).listed) write_day(random, json, week, d, person);
  }
  json.end_array();
  json.end_object();
}

int draw_crew_size(Random& random) {
  int size = kSmallestCrew + random.between(0, kCrewDrawBound - 1) + random.between(0, kCrewDrawBound - 1);
  if (random.percent(kLargeCrewPercent)) size += random.between(0, kLargeCrewExtraBound - 1);
  return size;
}

}  // namespace

void append_batch(const GeneratorOptions& options, std::uint64_t index, std::string& out) {
  Random random(options.seed, index);
  const ProductionWeek week = plan_week(random);
  JsonWriter json(out);
  json.begin_object();
  json.key("format");
  json.string("plateau-payroll/1");
  write_production(json, week);
  json.key("crew");
  json.begin_array();
  const int crew_size = draw_crew_size(random);
  for (int number = 1; number <= crew_size; ++number) {
    const Person person = draw_person(random, week);
    write_person(random, json, week, person, number);
  }
  json.end_array();
  json.end_object();
}

}  // namespace plateau::bench
