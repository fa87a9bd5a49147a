/* test-iron.c: the iron target, intake, risk flags, tips and the blood-test rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "fl-iron.h"

static GDateTime *
at (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static FlFoods *
foods (void)
{
  g_autoptr(GError) error = NULL;
  FlFoods *table = fl_foods_new (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static FlJournal *
journal_with (FlSex    sex,
              int      birth_year,
              FlDiet   diet,
              gboolean heavy_periods)
{
  g_autoptr(GError) error = NULL;
  FlJournal *journal = fl_journal_new ();
  FlProfile profile;

  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = sex;
  profile.birth_year = birth_year;
  profile.diet = diet;
  profile.heavy_periods = heavy_periods;
  g_assert_true (fl_journal_set_profile (journal, &profile, &error));
  g_assert_no_error (error);

  return journal;
}

static void
add_iron (FlJournal  *journal,
          FlFoods    *table,
          const char *time_iso,
          const char *food_id,
          double      portions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = at (time_iso);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_IRON, time);
  const FlFood *food = fl_foods_lookup (table, food_id);

  g_assert_nonnull (food);
  FL_IRON_INTAKE (record)->food = g_strdup (food_id);
  FL_IRON_INTAKE (record)->portions = portions;
  FL_IRON_INTAKE (record)->mg = food->mg * portions;
  g_assert_true (fl_journal_add (journal, record, &error));
  g_assert_no_error (error);
}

static void
add_checkin (FlJournal *journal,
             int        year,
             int        month,
             int        day,
             int        legs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) midnight = g_date_time_new_local (year, month, day, 0, 0, 0);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_CHECKIN, midnight);

  FL_CHECKIN (record)->legs = legs;
  g_assert_true (fl_journal_add (journal, record, &error));
  g_assert_no_error (error);
}

static void
add_ferritin (FlJournal *journal,
              int        year,
              int        month,
              int        day,
              double     ug_per_l)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) midnight = g_date_time_new_local (year, month, day, 0, 0, 0);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_FERRITIN, midnight);

  FL_FERRITIN (record)->ug_per_l = ug_per_l;
  g_assert_true (fl_journal_add (journal, record, &error));
  g_assert_no_error (error);
}

static void
add_run_km (FlJournal  *journal,
            const char *start,
            double      km)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = at (start);
  g_autoptr(FlRecord) run = fl_run_new (time, (int) (km * 330), km * 1000);

  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

/* Every row of the NIH table, with the age taken on the day asked about */
static void
test_target_table (void)
{
  const struct {
    FlSex    sex;
    int      birth_year;
    FlDiet   diet;
    gboolean pregnant;
    double   target;
  } cases[] = {
    { FL_SEX_MALE, 1990, FL_DIET_OMNIVORE, FALSE, 8.0 },
    { FL_SEX_FEMALE, 1990, FL_DIET_OMNIVORE, FALSE, 18.0 },
    { FL_SEX_FEMALE, 1975, FL_DIET_OMNIVORE, FALSE, 8.0 },      /* 51 in 2026 */
    { FL_SEX_FEMALE, 1976, FL_DIET_OMNIVORE, FALSE, 18.0 },     /* 50 */
    { FL_SEX_MALE, 1960, FL_DIET_OMNIVORE, FALSE, 8.0 },
    { FL_SEX_MALE, 2010, FL_DIET_OMNIVORE, FALSE, 11.0 },       /* 16 */
    { FL_SEX_FEMALE, 2010, FL_DIET_OMNIVORE, FALSE, 15.0 },
    { FL_SEX_FEMALE, 2008, FL_DIET_OMNIVORE, FALSE, 15.0 },     /* 18 */
    { FL_SEX_FEMALE, 2007, FL_DIET_OMNIVORE, FALSE, 18.0 },     /* 19 */
    { FL_SEX_FEMALE, 1994, FL_DIET_OMNIVORE, TRUE, 27.0 },
    { FL_SEX_MALE, 1990, FL_DIET_VEGETARIAN, FALSE, 14.4 },
    { FL_SEX_MALE, 1990, FL_DIET_VEGAN, FALSE, 14.4 },
    { FL_SEX_FEMALE, 1996, FL_DIET_VEGETARIAN, FALSE, 32.4 },
    { FL_SEX_FEMALE, 1996, FL_DIET_VEGAN, FALSE, 32.4 },
    { FL_SEX_FEMALE, 2010, FL_DIET_VEGAN, FALSE, 27.0 },        /* 15 × 1.8 */
    { FL_SEX_MALE, 2010, FL_DIET_VEGAN, FALSE, 19.8 },          /* 11 × 1.8 */
    { FL_SEX_FEMALE, 1960, FL_DIET_VEGETARIAN, FALSE, 14.4 },
    { FL_SEX_FEMALE, 1994, FL_DIET_VEGETARIAN, TRUE, 48.6 },    /* 27 × 1.8 */
  };
  GDate date;

  set_date (&date, 2026, 11, 27);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FlProfile profile;

      fl_profile_init_defaults (&profile);
      profile.is_set = TRUE;
      profile.sex = cases[i].sex;
      profile.birth_year = cases[i].birth_year;
      profile.diet = cases[i].diet;
      profile.pregnant = cases[i].pregnant;
      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_cmpfloat (fl_iron_target_mg (&profile, &date), ==, cases[i].target);
    }
}

/* A woman born in 1976 is 50 through 2026 and 51 from new year 2027 */
static void
test_target_age_on_the_day (void)
{
  g_autoptr(FlJournal) journal = journal_with (FL_SEX_FEMALE, 1976, FL_DIET_OMNIVORE, FALSE);
  FlIronDay day;
  GDate date;

  set_date (&date, 2026, 12, 31);
  fl_iron_day_init (&day, journal, &date);
  g_assert_cmpint (day.age, ==, 50);
  g_assert_cmpfloat (day.target_mg, ==, 18.0);
  g_assert_true (day.risks & FL_IRON_RISK_FEMALE);

  set_date (&date, 2027, 1, 1);
  fl_iron_day_init (&day, journal, &date);
  g_assert_cmpint (day.age, ==, 51);
  g_assert_cmpfloat (day.target_mg, ==, 8.0);
  g_assert_false (day.risks & FL_IRON_RISK_FEMALE);

  /* A girl turns 14 in the year she gets the teen target */
  {
    g_autoptr(FlJournal) girl = journal_with (FL_SEX_FEMALE, 2013, FL_DIET_OMNIVORE, FALSE);

    set_date (&date, 2026, 12, 31);
    g_assert_cmpfloat (fl_iron_target_mg (fl_journal_get_profile (girl), &date), ==, 8.0);
    set_date (&date, 2027, 1, 1);
    g_assert_cmpfloat (fl_iron_target_mg (fl_journal_get_profile (girl), &date), ==, 15.0);
  }
}

/* DESIGN.md "done means": a vegetarian runner with heavy periods */
static void
test_vegetarian_heavy_periods (void)
{
  g_autoptr(FlJournal) journal = journal_with (FL_SEX_FEMALE, 1996, FL_DIET_VEGETARIAN, TRUE);
  g_autofree char *line = NULL;
  FlIronDay day;
  GDate date;

  set_date (&date, 2026, 11, 27);
  fl_iron_day_init (&day, journal, &date);
  g_assert_cmpint (day.age, ==, 30);
  g_assert_cmpfloat (day.target_mg, ==, 32.4);
  g_assert_false (day.profile_is_default);
  g_assert_cmpint (day.risks, ==, FL_IRON_RISK_FEMALE | FL_IRON_RISK_HEAVY_PERIODS | FL_IRON_RISK_PLANT_DIET);

  line = fl_iron_day_describe_target (&day, journal);
  g_assert_cmpstr (line, ==, "18.0 mg for women 19 to 50 (NIH), × 1.8 for a vegetarian or vegan diet: 32.4 mg a day");
}

static void
test_default_profile (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autofree char *line = NULL;
  FlIronDay day;
  GDate date;

  set_date (&date, 2026, 11, 27);
  fl_iron_day_init (&day, journal, &date);
  g_assert_true (day.profile_is_default);
  g_assert_cmpfloat (day.target_mg, ==, 18.0);
  /* Flags come only from what the runner said */
  g_assert_cmpint (day.risks, ==, FL_IRON_RISK_NONE);
  line = fl_iron_day_describe_target (&day, journal);
  g_assert_cmpstr (line, ==, "18.0 mg a day for women 19 to 50 (NIH); the default until you set your profile");
}

static void
test_intake_sums_and_average (void)
{
  g_autoptr(FlJournal) journal = journal_with (FL_SEX_FEMALE, 1990, FL_DIET_OMNIVORE, FALSE);
  g_autoptr(FlFoods) table = foods ();
  FlIronDay day;
  GDate date;

  /* 27 Nov: lentils 3.3 + spinach 2 × 3.2 + beef 2.1 = 11.8 */
  add_iron (journal, table, "2026-11-27T12:30:00+01:00", "lentils-cooked", 1);
  add_iron (journal, table, "2026-11-27T12:35:00+01:00", "spinach-cooked", 2);
  add_iron (journal, table, "2026-11-27T19:00:00+01:00", "beef-cooked", 1);
  /* Local days: 23:30 on the 26th counts for the 26th */
  add_iron (journal, table, "2026-11-26T23:30:00+01:00", "tofu-firm", 2);
  /* 21 Nov: the first day of the 7 */
  add_iron (journal, table, "2026-11-21T08:00:00+01:00", "fortified-cereal", 1);
  /* 20 Nov: outside the 7 days */
  add_iron (journal, table, "2026-11-20T08:00:00+01:00", "fortified-cereal", 1);

  set_date (&date, 2026, 11, 27);
  g_assert_cmpfloat (fl_iron_day_mg (journal, &date), ==, 11.8);
  fl_iron_day_init (&day, journal, &date);
  g_assert_cmpfloat (day.today_mg, ==, 11.8);
  /* (11.8 + 6 + 18) / 7 = 5.114… */
  g_assert_cmpfloat (day.avg7_mg, ==, 5.1);
  g_assert_cmpfloat (fl_iron_average_mg (journal, &date, 1), ==, 11.8);

  set_date (&date, 2026, 11, 26);
  g_assert_cmpfloat (fl_iron_day_mg (journal, &date), ==, 6.0);
  set_date (&date, 2026, 11, 28);
  g_assert_cmpfloat (fl_iron_day_mg (journal, &date), ==, 0.0);
  /* (6 + 11.8 + 0) / 7 from 22..28: the 18 mg of the 21st falls out */
  g_assert_cmpfloat (fl_iron_average_mg (journal, &date, 7), ==, 2.5);
}

static void
test_risk_flags (void)
{
  GDate date;

  set_date (&date, 2026, 11, 27);

  {
    g_autoptr(FlJournal) journal = journal_with (FL_SEX_MALE, 1990, FL_DIET_OMNIVORE, FALSE);

    g_assert_cmpint (fl_iron_risks (journal, &date), ==, FL_IRON_RISK_NONE);

    /* 39.9 km in the 7 days is not yet high volume; 40 km is */
    add_run_km (journal, "2026-11-21T08:00:00+01:00", 20);
    add_run_km (journal, "2026-11-27T08:00:00+01:00", 19.9);
    add_run_km (journal, "2026-11-20T08:00:00+01:00", 30);    /* 8 days back */
    g_assert_cmpfloat (fabs (fl_iron_week_km (journal, &date) - 39.9), <, 1e-9);
    g_assert_cmpint (fl_iron_risks (journal, &date), ==, FL_IRON_RISK_NONE);
    add_run_km (journal, "2026-11-25T18:00:00+01:00", 0.1);
    g_assert_cmpint (fl_iron_risks (journal, &date), ==, FL_IRON_RISK_HIGH_VOLUME);
  }

  {
    g_autoptr(FlJournal) journal = journal_with (FL_SEX_FEMALE, 1970, FL_DIET_VEGAN, TRUE);

    /* 56: no longer the female flag, but the diet and the periods */
    g_assert_cmpint (fl_iron_risks (journal, &date), ==, FL_IRON_RISK_HEAVY_PERIODS | FL_IRON_RISK_PLANT_DIET);
  }

  {
    g_autoptr(FlJournal) journal = journal_with (FL_SEX_FEMALE, 2012, FL_DIET_OMNIVORE, FALSE);

    g_assert_cmpint (fl_iron_risks (journal, &date), ==, FL_IRON_RISK_FEMALE);      /* 14 */
  }

  g_assert_cmpstr (fl_iron_risk_to_string (FL_IRON_RISK_FEMALE), ==, "female-14-50");
  g_assert_cmpstr (fl_iron_risk_to_string (FL_IRON_RISK_HEAVY_PERIODS), ==, "heavy-periods");
  g_assert_cmpstr (fl_iron_risk_to_string (FL_IRON_RISK_PLANT_DIET), ==, "vegetarian-or-vegan");
  g_assert_cmpstr (fl_iron_risk_to_string (FL_IRON_RISK_HIGH_VOLUME), ==, "high-running-volume");
}

static void
test_ferritin_bands (void)
{
  g_assert_cmpint (fl_ferritin_band (8), ==, FL_FERRITIN_EMPTY);
  g_assert_cmpint (fl_ferritin_band (14.9), ==, FL_FERRITIN_EMPTY);
  g_assert_cmpint (fl_ferritin_band (15), ==, FL_FERRITIN_LOW);
  g_assert_cmpint (fl_ferritin_band (29.9), ==, FL_FERRITIN_LOW);
  g_assert_cmpint (fl_ferritin_band (30), ==, FL_FERRITIN_OK);
  g_assert_cmpstr (fl_ferritin_band_describe (FL_FERRITIN_EMPTY), ==, "empty stores");
  g_assert_cmpstr (fl_ferritin_band_describe (FL_FERRITIN_LOW), ==, "low");
}

static void
test_blood_test_heavy_legs (void)
{
  g_autoptr(FlJournal) journal = journal_with (FL_SEX_FEMALE, 1990, FL_DIET_OMNIVORE, FALSE);
  g_autoptr(FlJournal) no_risk = journal_with (FL_SEX_MALE, 1990, FL_DIET_OMNIVORE, FALSE);
  g_autofree char *reason = NULL;
  GDate date;

  set_date (&date, 2026, 11, 27);

  /* Heavy (>= 4) on 4 days within the 14, one on the 13th (outside), and
   * a 3 that does not count */
  add_checkin (journal, 2026, 11, 14, 5);
  add_checkin (journal, 2026, 11, 13, 5);
  add_checkin (journal, 2026, 11, 20, 4);
  add_checkin (journal, 2026, 11, 22, 4);
  add_checkin (journal, 2026, 11, 25, 3);
  add_checkin (journal, 2026, 11, 27, 5);
  g_assert_cmpuint (fl_iron_heavy_leg_days (journal, &date), ==, 4);
  g_assert_false (fl_iron_blood_test_suggested (journal, &date));
  g_assert_null (fl_iron_blood_test_reason (journal, &date));

  add_checkin (journal, 2026, 11, 26, 4);
  g_assert_cmpuint (fl_iron_heavy_leg_days (journal, &date), ==, 5);
  g_assert_true (fl_iron_blood_test_suggested (journal, &date));
  reason = fl_iron_blood_test_reason (journal, &date);
  g_assert_true (g_str_has_prefix (reason, "Your legs felt heavy on 5 of the last 14 days"));

  /* A day later the 14th falls out of the window */
  set_date (&date, 2026, 11, 28);
  g_assert_false (fl_iron_blood_test_suggested (journal, &date));

  /* Heavy legs without a risk flag are not enough */
  set_date (&date, 2026, 11, 27);
  for (int d = 20; d <= 27; d++)
    add_checkin (no_risk, 2026, 11, d, 5);
  g_assert_false (fl_iron_blood_test_suggested (no_risk, &date));
}

static void
test_blood_test_ferritin (void)
{
  g_autoptr(FlJournal) journal = journal_with (FL_SEX_MALE, 1990, FL_DIET_OMNIVORE, FALSE);
  g_autofree char *reason = NULL;
  FlIronDay day;
  GDate date;

  set_date (&date, 2026, 11, 27);
  add_ferritin (journal, 2026, 10, 2, 24);
  fl_iron_day_init (&day, journal, &date);
  g_assert_true (day.has_ferritin);
  g_assert_cmpfloat (day.ferritin, ==, 24);
  g_assert_true (day.blood_test_suggested);
  reason = fl_iron_blood_test_reason (journal, &date);
  g_assert_cmpstr (reason, ==, "Your last ferritin result, 24 µg/L, reads “low”. A blood test with your GP "
                   "can tell whether your iron stores are filling up.");

  /* A newer result of 30 ends it; asked about a day before it, the old one counts */
  add_ferritin (journal, 2026, 11, 20, 30);
  g_assert_false (fl_iron_blood_test_suggested (journal, &date));
  set_date (&date, 2026, 11, 19);
  g_assert_true (fl_iron_blood_test_suggested (journal, &date));
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

static void
test_tips_vitamin_c (void)
{
  g_autoptr(FlJournal) journal = journal_with (FL_SEX_FEMALE, 1990, FL_DIET_VEGETARIAN, FALSE);
  g_autoptr(FlFoods) table = foods ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) tips = NULL;
  g_autoptr(GPtrArray) paired = NULL;
  g_autoptr(GPtrArray) heme = NULL;
  GDate date;

  set_date (&date, 2026, 11, 27);
  none = fl_iron_tips (journal, table, &date);
  g_assert_cmpuint (none->len, ==, 0);

  /* Lentils at lunch, an orange at 14:00: more than an hour apart */
  add_iron (journal, table, "2026-11-27T12:30:00+01:00", "lentils-cooked", 1);
  add_iron (journal, table, "2026-11-27T14:00:00+01:00", "orange", 1);
  tips = fl_iron_tips (journal, table, &date);
  g_assert_cmpuint (tips->len, ==, 1);
  g_assert_cmpint (((FlIronTip *) g_ptr_array_index (tips, 0))->kind, ==, FL_IRON_TIP_VITAMIN_C);
  g_assert_cmpstr (((FlIronTip *) g_ptr_array_index (tips, 0))->food_id, ==, "lentils-cooked");
  g_assert_true (g_str_has_prefix (((FlIronTip *) g_ptr_array_index (tips, 0))->text,
                                   "Lentils, boiled had no vitamin C with it."));

  /* A red pepper in the same meal: the tip goes */
  add_iron (journal, table, "2026-11-27T12:40:00+01:00", "red-pepper-raw", 1);
  paired = fl_iron_tips (journal, table, &date);
  g_assert_false (has_tip (paired, FL_IRON_TIP_VITAMIN_C));

  /* Meat needs no vitamin C; a small plant portion (under 1 mg) neither */
  {
    g_autoptr(FlJournal) other = journal_with (FL_SEX_MALE, 1990, FL_DIET_OMNIVORE, FALSE);

    add_iron (other, table, "2026-11-27T12:30:00+01:00", "beef-cooked", 1);
    add_iron (other, table, "2026-11-27T18:30:00+01:00", "egg-boiled", 1);
    heme = fl_iron_tips (other, table, &date);
    g_assert_cmpuint (heme->len, ==, 0);
  }
}

static void
test_tips_tea_coffee (void)
{
  g_autoptr(FlJournal) journal = journal_with (FL_SEX_MALE, 1990, FL_DIET_OMNIVORE, FALSE);
  g_autoptr(FlFoods) table = foods ();
  g_autoptr(GPtrArray) far = NULL;
  g_autoptr(GPtrArray) near = NULL;
  g_autoptr(GPtrArray) small = NULL;
  GDate date;

  set_date (&date, 2026, 11, 27);

  /* Beef (2.1 mg, iron-rich) at 12:30, coffee at 13:31: an hour and a minute */
  add_iron (journal, table, "2026-11-27T12:30:00+01:00", "beef-cooked", 1);
  add_iron (journal, table, "2026-11-27T13:31:00+01:00", "coffee", 1);
  far = fl_iron_tips (journal, table, &date);
  g_assert_false (has_tip (far, FL_IRON_TIP_TEA_COFFEE));

  /* Black tea at 13:30, exactly an hour after */
  add_iron (journal, table, "2026-11-27T13:30:00+01:00", "black-tea", 1);
  near = fl_iron_tips (journal, table, &date);
  g_assert_true (has_tip (near, FL_IRON_TIP_TEA_COFFEE));
  g_assert_cmpstr (((FlIronTip *) g_ptr_array_index (near, 0))->text, ==,
                   "Black tea, brewed within an hour of Beef, lean, cooked takes some of its iron: "
                   "keep tea and coffee an hour away from iron-rich meals.");

  /* Coffee with a meal that is not iron-rich (under 1.8 mg): no tip */
  {
    g_autoptr(FlJournal) other = journal_with (FL_SEX_MALE, 1990, FL_DIET_OMNIVORE, FALSE);

    add_iron (other, table, "2026-11-27T08:00:00+01:00", "whole-wheat-bread", 2);     /* 1.6 mg */
    add_iron (other, table, "2026-11-27T08:05:00+01:00", "coffee", 1);
    small = fl_iron_tips (other, table, &date);
    g_assert_false (has_tip (small, FL_IRON_TIP_TEA_COFFEE));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/iron/target/table", test_target_table);
  g_test_add_func ("/fl/iron/target/age-on-the-day", test_target_age_on_the_day);
  g_test_add_func ("/fl/iron/target/vegetarian-heavy-periods", test_vegetarian_heavy_periods);
  g_test_add_func ("/fl/iron/target/default-profile", test_default_profile);
  g_test_add_func ("/fl/iron/intake/sums-and-average", test_intake_sums_and_average);
  g_test_add_func ("/fl/iron/risk-flags", test_risk_flags);
  g_test_add_func ("/fl/iron/ferritin-bands", test_ferritin_bands);
  g_test_add_func ("/fl/iron/blood-test/heavy-legs", test_blood_test_heavy_legs);
  g_test_add_func ("/fl/iron/blood-test/ferritin", test_blood_test_ferritin);
  g_test_add_func ("/fl/iron/tips/vitamin-c", test_tips_vitamin_c);
  g_test_add_func ("/fl/iron/tips/tea-coffee", test_tips_tea_coffee);

  return g_test_run ();
}
