/* fl-iron.c: an iron target, intake, risk flags, ferritin and the blood-test suggestion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fl-clock.h"
#include "fl-iron.h"

/* NIH ODS, Iron fact sheet for health professionals, RDAs: 14–18 years 11 mg
 * (boys) and 15 mg (girls); 19–50 years 8 mg (men) and 18 mg (women); 51+
 * 8 mg; pregnancy 27 mg; 9–13 years 8 mg. */
#define RDA_CHILD_MG        8.0
#define RDA_TEEN_BOY_MG     11.0
#define RDA_TEEN_GIRL_MG    15.0
#define RDA_MAN_MG          8.0
#define RDA_WOMAN_MG        18.0
#define RDA_OVER_50_MG      8.0
#define RDA_PREGNANCY_MG    27.0
/* NIH ODS: "The RDAs for vegetarians are 1.8 times higher than for people
 * who eat meat", as non-heme iron is less well absorbed. */
#define VEGETARIAN_FACTOR   1.8

#define AVERAGE_DAYS 7

/* A meal: entries within an hour of each other. DESIGN.md "Iron": tea and
 * coffee an hour away from iron-rich meals (their polyphenols cut non-heme
 * absorption; Hurrell 1999). */
#define MEAL_SPAN (60 * G_TIME_SPAN_MINUTE)
/* Iron-rich: at least 10 % of the 18 mg Daily Value in one entry, the FDA's
 * "good source" (21 CFR 101.54). */
#define IRON_RICH_MG 1.8
/* Plant iron worth pairing with vitamin C: a non-heme entry of 1 mg or more */
#define PLANT_IRON_MG 1.0

/* High running volume: iron losses grow with training (foot-strike
 * haemolysis, sweat, the gut; Peeling 2008, "Athletic induced iron
 * deficiency"). No consensus gives a line; 40 km a week is a simple,
 * documented threshold for a recreational runner (FL_IRON_HIGH_VOLUME_KM). */

static void
effective_profile (FlJournal *journal,
                   FlProfile *out,
                   gboolean  *out_default)
{
  const FlProfile *stored = fl_journal_get_profile (journal);
  gboolean is_default = !(stored != NULL && stored->is_set);

  if (is_default)
    fl_profile_init_defaults (out);
  else
    *out = *stored;
  if (out_default)
    *out_default = is_default;
}

int
fl_iron_age_on (const FlProfile *profile,
                const GDate     *date)
{
  g_return_val_if_fail (profile != NULL, -1);
  g_return_val_if_fail (date != NULL && g_date_valid (date), -1);

  if (profile->birth_year <= 0)
    return -1;
  return g_date_get_year (date) - profile->birth_year;
}

double
fl_iron_target_mg (const FlProfile *profile,
                   const GDate     *date)
{
  int age;
  double base;
  /* Without a sex, the women's figures: the larger errs on the side of
   * enough iron, which runners more often lack. */
  gboolean male;

  g_return_val_if_fail (profile != NULL, RDA_WOMAN_MG);
  g_return_val_if_fail (date != NULL && g_date_valid (date), RDA_WOMAN_MG);

  male = profile->sex == FL_SEX_MALE;
  age = fl_iron_age_on (profile, date);
  if (age < 0)
    age = g_date_get_year (date) - FL_PROFILE_DEFAULT_BIRTH_YEAR;

  if (profile->pregnant && !male)
    base = RDA_PREGNANCY_MG;
  else if (age < 14)
    base = RDA_CHILD_MG;
  else if (age <= 18)
    base = male ? RDA_TEEN_BOY_MG : RDA_TEEN_GIRL_MG;
  else if (age <= 50)
    base = male ? RDA_MAN_MG : RDA_WOMAN_MG;
  else
    base = RDA_OVER_50_MG;

  if (profile->diet == FL_DIET_VEGETARIAN || profile->diet == FL_DIET_VEGAN)
    base *= VEGETARIAN_FACTOR;

  /* Tenths: 18 × 1.8 is 32.4, not 32.400000000000006 */
  return round (base * 10.0) / 10.0;
}

static void
day_bounds (const GDate  *first,
            const GDate  *last,
            GDateTime   **out_from,
            GDateTime   **out_to)
{
  GDate next = *last;

  g_date_add_days (&next, 1);
  *out_from = fl_date_to_local_midnight (first);
  *out_to = fl_date_to_local_midnight (&next);
}

static double
sum_mg (FlJournal   *journal,
        const GDate *first,
        const GDate *last)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GPtrArray *records = fl_journal_get_records (journal, FL_RECORD_IRON);
  guint begin, end;
  double mg = 0;

  day_bounds (first, last, &from, &to);
  fl_journal_range (journal, FL_RECORD_IRON, from, to, &begin, &end);
  for (guint i = begin; i < end; i++)
    mg += FL_IRON_INTAKE (g_ptr_array_index (records, i))->mg;

  return mg;
}

/* What people read: tenths of a milligram */
static double
tenths (double mg)
{
  return round (mg * 10.0) / 10.0;
}

double
fl_iron_day_mg (FlJournal   *journal,
                const GDate *date)
{
  g_return_val_if_fail (FL_IS_JOURNAL (journal), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return tenths (sum_mg (journal, date, date));
}

double
fl_iron_average_mg (FlJournal   *journal,
                    const GDate *last,
                    guint        n_days)
{
  GDate first;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), 0);
  g_return_val_if_fail (last != NULL && g_date_valid (last), 0);
  g_return_val_if_fail (n_days > 0, 0);

  first = *last;
  g_date_subtract_days (&first, n_days - 1);

  return tenths (sum_mg (journal, &first, last) / n_days);
}

double
fl_iron_week_km (FlJournal   *journal,
                 const GDate *last)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GPtrArray *runs;
  GDate first;
  guint begin, end;
  double metres = 0;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), 0);
  g_return_val_if_fail (last != NULL && g_date_valid (last), 0);

  first = *last;
  g_date_subtract_days (&first, 6);
  day_bounds (&first, last, &from, &to);

  runs = fl_journal_get_records (journal, FL_RECORD_RUN);
  fl_journal_range (journal, FL_RECORD_RUN, from, to, &begin, &end);
  for (guint i = begin; i < end; i++)
    metres += FL_RUN (g_ptr_array_index (runs, i))->distance_m;

  return metres / 1000.0;
}

guint
fl_iron_heavy_leg_days (FlJournal   *journal,
                        const GDate *last)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GPtrArray *checkins;
  GDate first;
  guint begin, end;
  guint n = 0;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), 0);
  g_return_val_if_fail (last != NULL && g_date_valid (last), 0);

  first = *last;
  g_date_subtract_days (&first, FL_IRON_HEAVY_DAYS_WINDOW - 1);
  day_bounds (&first, last, &from, &to);

  /* One check-in a day: the journal replaces a second one */
  checkins = fl_journal_get_records (journal, FL_RECORD_CHECKIN);
  fl_journal_range (journal, FL_RECORD_CHECKIN, from, to, &begin, &end);
  for (guint i = begin; i < end; i++)
    if (FL_CHECKIN (g_ptr_array_index (checkins, i))->legs >= FL_IRON_HEAVY_LEGS)
      n++;

  return n;
}

FlIronRisk
fl_iron_risks (FlJournal   *journal,
               const GDate *date)
{
  FlProfile profile;
  FlIronRisk risks = FL_IRON_RISK_NONE;
  int age;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), FL_IRON_RISK_NONE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FL_IRON_RISK_NONE);

  /* Flags come from what the runner said, never from the defaults */
  effective_profile (journal, &profile, NULL);
  age = fl_iron_age_on (&profile, date);
  /* Without a birth year, an adult, as for the target */
  if (age < 0)
    age = g_date_get_year (date) - FL_PROFILE_DEFAULT_BIRTH_YEAR;

  if (profile.sex == FL_SEX_FEMALE && age >= 14 && age <= 50)
    risks |= FL_IRON_RISK_FEMALE;
  if (profile.sex != FL_SEX_MALE && profile.heavy_periods)
    risks |= FL_IRON_RISK_HEAVY_PERIODS;
  if (profile.diet == FL_DIET_VEGETARIAN || profile.diet == FL_DIET_VEGAN)
    risks |= FL_IRON_RISK_PLANT_DIET;
  if (fl_iron_week_km (journal, date) >= FL_IRON_HIGH_VOLUME_KM)
    risks |= FL_IRON_RISK_HIGH_VOLUME;

  return risks;
}

const char *
fl_iron_risk_to_string (FlIronRisk risk)
{
  switch (risk)
    {
    case FL_IRON_RISK_FEMALE:
      return "female-14-50";
    case FL_IRON_RISK_HEAVY_PERIODS:
      return "heavy-periods";
    case FL_IRON_RISK_PLANT_DIET:
      return "vegetarian-or-vegan";
    case FL_IRON_RISK_HIGH_VOLUME:
      return "high-running-volume";
    case FL_IRON_RISK_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fl_iron_risk_describe (FlIronRisk risk)
{
  switch (risk)
    {
    case FL_IRON_RISK_FEMALE:
      return _("Women from 14 to 50 lose iron with their periods");
    case FL_IRON_RISK_HEAVY_PERIODS:
      return _("Heavy periods lose more iron");
    case FL_IRON_RISK_PLANT_DIET:
      return _("Iron from plants is less well absorbed than iron from meat and fish");
    case FL_IRON_RISK_HIGH_VOLUME:
      return _("40 km or more of running in the last 7 days: training raises iron losses");
    case FL_IRON_RISK_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

FlFerritinBand
fl_ferritin_band (double ug_per_l)
{
  /* Swiss Society of Sports Medicine consensus (Clénin et al. 2015, "Iron
   * deficiency in sports"): below 15 µg/L the stores are empty; 15–30 is
   * iron deficiency without anaemia in an athlete. */
  if (ug_per_l < FL_FERRITIN_EMPTY_BELOW)
    return FL_FERRITIN_EMPTY;
  if (ug_per_l < FL_FERRITIN_LOW_BELOW)
    return FL_FERRITIN_LOW;
  return FL_FERRITIN_OK;
}

const char *
fl_ferritin_band_describe (FlFerritinBand band)
{
  switch (band)
    {
    case FL_FERRITIN_EMPTY:
      /* Translators: a ferritin result below 15 µg/L */
      return _("empty stores");
    case FL_FERRITIN_LOW:
      /* Translators: a ferritin result of 15 to 30 µg/L */
      return _("low");
    case FL_FERRITIN_OK:
    default:
      /* Translators: a ferritin result of 30 µg/L or more */
      return _("not low");
    }
}

/* The latest result on or before @date */
static const FlFerritin *
latest_ferritin (FlJournal   *journal,
                 const GDate *date)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GPtrArray *results = fl_journal_get_records (journal, FL_RECORD_FERRITIN);
  guint begin, end;

  day_bounds (date, date, &from, &to);
  fl_journal_range (journal, FL_RECORD_FERRITIN, NULL, to, &begin, &end);
  if (end == begin)
    return NULL;
  return FL_FERRITIN (g_ptr_array_index (results, end - 1));
}

void
fl_iron_day_init (FlIronDay   *day,
                  FlJournal   *journal,
                  const GDate *date)
{
  FlProfile profile;
  const FlFerritin *ferritin;

  g_return_if_fail (day != NULL);
  g_return_if_fail (FL_IS_JOURNAL (journal));
  g_return_if_fail (date != NULL && g_date_valid (date));

  memset (day, 0, sizeof *day);
  day->date = *date;
  effective_profile (journal, &profile, &day->profile_is_default);

  day->age = fl_iron_age_on (&profile, date);
  day->target_mg = fl_iron_target_mg (&profile, date);
  day->today_mg = fl_iron_day_mg (journal, date);
  day->avg7_mg = fl_iron_average_mg (journal, date, AVERAGE_DAYS);
  day->week_km = fl_iron_week_km (journal, date);
  day->risks = fl_iron_risks (journal, date);
  day->heavy_days = fl_iron_heavy_leg_days (journal, date);

  ferritin = latest_ferritin (journal, date);
  g_date_clear (&day->ferritin_date, 1);
  if (ferritin != NULL)
    {
      day->has_ferritin = TRUE;
      day->ferritin = ferritin->ug_per_l;
      fl_date_from_date_time (ferritin->parent.time, &day->ferritin_date);
    }

  /* DESIGN.md "Iron": with a risk flag and heavy legs on 5 of the last 14
   * days, or a ferritin below 30 µg/L, suggest a blood test with a GP. */
  day->blood_test_suggested =
    (day->risks != FL_IRON_RISK_NONE && day->heavy_days >= FL_IRON_HEAVY_DAYS_NEEDED) ||
    (day->has_ferritin && day->ferritin < FL_FERRITIN_LOW_BELOW);
}

gboolean
fl_iron_blood_test_suggested (FlJournal   *journal,
                              const GDate *date)
{
  FlIronDay day;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), FALSE);

  fl_iron_day_init (&day, journal, date);
  return day.blood_test_suggested;
}

char *
fl_iron_blood_test_reason (FlJournal   *journal,
                           const GDate *date)
{
  FlIronDay day;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);

  fl_iron_day_init (&day, journal, date);
  if (!day.blood_test_suggested)
    return NULL;

  if (day.has_ferritin && day.ferritin < FL_FERRITIN_LOW_BELOW)
    /* Translators: %.0f is a ferritin result in µg/L, %s its band ("low") */
    return g_strdup_printf (_("Your last ferritin result, %.0f µg/L, reads “%s”. A blood test with your GP "
                              "can tell whether your iron stores are filling up."),
                            day.ferritin, fl_ferritin_band_describe (fl_ferritin_band (day.ferritin)));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u is a number of days out of 14 */
                                       "Your legs felt heavy on %u of the last 14 days, and you have a risk of low "
                                       "iron. A blood test (ferritin) with your GP can tell whether iron plays a part.",
                                       "Your legs felt heavy on %u of the last 14 days, and you have a risk of low "
                                       "iron. A blood test (ferritin) with your GP can tell whether iron plays a part.",
                                       day.heavy_days),
                          day.heavy_days);
}

static void
tip_free (gpointer data)
{
  FlIronTip *tip = data;

  g_free (tip->food_id);
  g_free (tip->text);
  g_free (tip);
}

static gboolean
within_meal (GDateTime *a,
             GDateTime *b)
{
  GTimeSpan span = g_date_time_difference (a, b);

  return span <= MEAL_SPAN && span >= -MEAL_SPAN;
}

static gboolean
has_tip (GPtrArray     *tips,
         FlIronTipKind  kind)
{
  for (guint i = 0; i < tips->len; i++)
    if (((FlIronTip *) g_ptr_array_index (tips, i))->kind == kind)
      return TRUE;
  return FALSE;
}

GPtrArray *
fl_iron_tips (FlJournal   *journal,
              FlFoods     *foods,
              const GDate *date)
{
  GPtrArray *tips = g_ptr_array_new_with_free_func (tip_free);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GPtrArray *records;
  guint begin, end;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), tips);
  g_return_val_if_fail (FL_IS_FOODS (foods), tips);
  g_return_val_if_fail (date != NULL && g_date_valid (date), tips);

  day_bounds (date, date, &from, &to);
  records = fl_journal_get_records (journal, FL_RECORD_IRON);
  fl_journal_range (journal, FL_RECORD_IRON, from, to, &begin, &end);

  for (guint i = begin; i < end; i++)
    {
      const FlIronIntake *entry = g_ptr_array_index (records, i);
      const FlFood *food = fl_foods_lookup (foods, entry->food);
      gboolean plant, rich, vitamin_c = FALSE, tea = FALSE;
      const FlIronIntake *tea_entry = NULL;

      /* A food no longer in the table: its iron counts, its kind is unknown */
      if (food == NULL || food->tea_or_coffee)
        continue;

      plant = !food->heme && !food->vitamin_c && entry->mg >= PLANT_IRON_MG;
      rich = entry->mg >= IRON_RICH_MG;
      if (!plant && !rich)
        continue;

      for (guint j = begin; j < end; j++)
        {
          const FlIronIntake *other = g_ptr_array_index (records, j);
          const FlFood *other_food = fl_foods_lookup (foods, other->food);

          if (j == i || other_food == NULL || !within_meal (entry->parent.time, other->parent.time))
            continue;
          vitamin_c = vitamin_c || other_food->vitamin_c;
          if (other_food->tea_or_coffee && tea_entry == NULL)
            {
              tea = TRUE;
              tea_entry = other;
            }
        }

      if (plant && !vitamin_c && !has_tip (tips, FL_IRON_TIP_VITAMIN_C))
        {
          FlIronTip *tip = g_new0 (FlIronTip, 1);

          tip->kind = FL_IRON_TIP_VITAMIN_C;
          tip->food_id = g_strdup (food->id);
          /* Translators: %s is a food ("Lentils, boiled") */
          tip->text = g_strdup_printf (_("%s had no vitamin C with it. Iron from plants is absorbed several "
                                         "times better with vitamin C in the same meal: a pepper, an orange, "
                                         "broccoli or strawberries."),
                                       food->name);
          g_ptr_array_add (tips, tip);
        }

      if (rich && tea && !has_tip (tips, FL_IRON_TIP_TEA_COFFEE))
        {
          const FlFood *tea_food = fl_foods_lookup (foods, tea_entry->food);
          FlIronTip *tip = g_new0 (FlIronTip, 1);

          tip->kind = FL_IRON_TIP_TEA_COFFEE;
          tip->food_id = g_strdup (food->id);
          /* Translators: the first %s is a drink ("Coffee, brewed"), the second a food */
          tip->text = g_strdup_printf (_("%s within an hour of %s takes some of its iron: "
                                         "keep tea and coffee an hour away from iron-rich meals."),
                                       tea_food->name, food->name);
          g_ptr_array_add (tips, tip);
        }
    }

  return tips;
}

static const char *
group_of (const FlProfile *profile,
          int              age)
{
  gboolean male = profile->sex == FL_SEX_MALE;

  if (profile->pregnant && !male)
    return _("in pregnancy");
  if (age < 14)
    return _("for children 9 to 13");
  if (age <= 18)
    return male ? _("for boys 14 to 18") : _("for girls 14 to 18");
  if (age <= 50)
    return male ? _("for men 19 to 50") : _("for women 19 to 50");
  return male ? _("for men over 50") : _("for women over 50");
}

char *
fl_iron_day_describe_target (const FlIronDay *day,
                             FlJournal       *journal)
{
  FlProfile profile;
  g_autofree char *target = NULL;
  g_autofree char *base = NULL;
  g_autofree char *line = NULL;
  int age;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);

  effective_profile (journal, &profile, NULL);
  age = day->age >= 0 ? day->age : g_date_get_year (&day->date) - FL_PROFILE_DEFAULT_BIRTH_YEAR;
  target = fl_format_iron_mg (day->target_mg);

  if (profile.diet == FL_DIET_VEGETARIAN || profile.diet == FL_DIET_VEGAN)
    {
      base = fl_format_iron_mg (round (day->target_mg / VEGETARIAN_FACTOR * 10.0) / 10.0);
      /* Translators: “18.0 mg for women 19 to 50 (NIH), × 1.8 for a plant-based diet: 32.4 mg a day” */
      line = g_strdup_printf (_("%1$s %2$s (NIH), × 1.8 for a vegetarian or vegan diet: %3$s a day"),
                              base, group_of (&profile, age), target);
    }
  else
    {
      /* Translators: “18.0 mg a day for women 19 to 50 (NIH)” */
      line = g_strdup_printf (_("%1$s a day %2$s (NIH)"), target, group_of (&profile, age));
    }

  if (day->profile_is_default)
    {
      g_autofree char *previous = g_steal_pointer (&line);

      /* Translators: %s is the line above; the profile is not set yet */
      line = g_strdup_printf (_("%s; the default until you set your profile"), previous);
    }

  return g_steal_pointer (&line);
}

JsonNode *
fl_iron_build_json (FlJournal   *journal,
                    const GDate *date)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FlIronDay day;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);

  fl_iron_day_init (&day, journal, date);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "target_mg");
  json_builder_add_double_value (builder, day.target_mg);
  json_builder_set_member_name (builder, "today_mg");
  json_builder_add_double_value (builder, day.today_mg);
  json_builder_set_member_name (builder, "avg7_mg");
  json_builder_add_double_value (builder, day.avg7_mg);
  json_builder_set_member_name (builder, "risk_flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < FL_IRON_N_RISKS; i++)
    if (day.risks & (1u << i))
      json_builder_add_string_value (builder, fl_iron_risk_to_string ((FlIronRisk) (1u << i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "blood_test_suggested");
  json_builder_add_boolean_value (builder, day.blood_test_suggested);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The night, when no reminder of this kind is worth waking anyone for:
 * from an hour before bedtime to the wake time. */
static GDateTime *
out_of_the_night (GDateTime *time,
                  int        wake_min,
                  int        bedtime_min)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  int quiet_from = ((bedtime_min - 60) % (24 * 60) + 24 * 60) % (24 * 60);
  gboolean quiet;
  GDate date;

  if (quiet_from <= wake_min)
    quiet = minutes >= quiet_from && minutes < wake_min;
  else
    quiet = minutes >= quiet_from || minutes < wake_min;

  if (!quiet)
    return g_date_time_ref (time);

  fl_date_from_date_time (local, &date);
  if (minutes >= wake_min)
    g_date_add_days (&date, 1);

  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                wake_min / 60, wake_min % 60, 0);
}

GDateTime *
fl_iron_blood_test_due (FlJournal *journal,
                        GDateTime *now,
                        GDateTime *last_fired,
                        int        wake_min,
                        int        bedtime_min)
{
  g_autoptr(GDateTime) earliest = NULL;
  GDate today;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  fl_date_from_date_time (now, &today);
  if (!fl_iron_blood_test_suggested (journal, &today))
    return NULL;

  /* DESIGN.md "Reminders": at most once a month. A later due time is only
   * a wake-up: the rule is asked again then. */
  if (last_fired != NULL)
    {
      earliest = g_date_time_add_months (last_fired, 1);
      if (g_date_time_compare (earliest, now) < 0)
        g_clear_pointer (&earliest, g_date_time_unref);
    }
  if (earliest == NULL)
    earliest = g_date_time_ref (now);

  return out_of_the_night (earliest, wake_min, bedtime_min);
}

FlReminder *
fl_iron_blood_test_reminder (FlJournal *journal,
                             GDateTime *due)
{
  g_autofree char *reason = NULL;
  g_autofree char *body = NULL;
  FlReminder *reminder;
  GDate date;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (due != NULL, NULL);

  fl_date_from_date_time (due, &date);
  reason = fl_iron_blood_test_reason (journal, &date);
  /* Translators: the first %s says why a blood test is suggested */
  body = g_strdup_printf (_("%s This is information, not medical advice."),
                          reason != NULL ? reason : _("Your iron figures suggest a blood test with your GP."));

  reminder = fl_reminder_new ("blood-test", due, _("A blood test could help"), body);
  /* Translators: a button on the blood-test reminder */
  fl_reminder_add_action (reminder, _("Open Iron"), "app.show-page", g_variant_new_string ("iron"));

  return reminder;
}

FlRecord *
fl_iron_intake_new (const FlFood *food,
                    double        portions,
                    GDateTime    *time)
{
  FlRecord *record;
  FlIronIntake *intake;

  g_return_val_if_fail (food != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  record = fl_record_new (FL_RECORD_IRON, time);
  intake = FL_IRON_INTAKE (record);
  intake->food = g_strdup (food->id);
  intake->portions = portions;
  /* Hundredths: tea's 0.05 mg stays, float noise does not */
  intake->mg = round (food->mg * portions * 100.0) / 100.0;

  return record;
}

char *
fl_iron_format_portions (double      portions,
                         const char *portion)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%g", round (portions * 100.0) / 100.0);
  /* Translators: how much of a food: “2 × ½ cup” */
  return g_strdup_printf (_("%s × %s"), number, portion);
}
