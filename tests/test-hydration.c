/* test-hydration.c: the drinking goal, its line, pace and the weigh-in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "fl-hydration.h"

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

static FlJournal *
journal_with_profile (FlSex  sex,
                      double sweat_rate_l_h)
{
  g_autoptr(GError) error = NULL;
  FlJournal *journal = fl_journal_new ();
  FlProfile profile;

  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = sex;
  profile.birth_year = 1990;
  profile.weight_kg = 60.0;
  profile.sweat_rate_l_h = sweat_rate_l_h;
  g_assert_true (fl_journal_set_profile (journal, &profile, &error));
  g_assert_no_error (error);

  return journal;
}

/* @temperature_c: NAN for none */
static void
add_run (FlJournal  *journal,
         const char *start,
         int         minutes,
         double      temperature_c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = at (start);
  g_autoptr(FlRecord) run = fl_run_new (time, minutes * 60, 8000);

  FL_RUN (run)->temperature_c = temperature_c;
  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

static void
add_drink (FlJournal  *journal,
           const char *time_iso,
           int         ml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = at (time_iso);
  g_autoptr(FlRecord) drink = fl_drink_new (time, ml);

  g_assert_true (fl_journal_add (journal, drink, &error));
  g_assert_no_error (error);
}

/* Checks the day's figures and its line */
static void
assert_day (FlJournal  *journal,
            int         year,
            int         month,
            int         mday,
            int         base_ml,
            int         runs_ml,
            int         drunk_ml,
            const char *line)
{
  g_autofree char *described = NULL;
  FlHydrationDay day;
  GDate date;

  set_date (&date, year, month, mday);
  fl_hydration_day_init (&day, journal, &date);
  g_assert_cmpint (day.base_ml, ==, base_ml);
  g_assert_cmpint (day.runs_ml, ==, runs_ml);
  g_assert_cmpint (day.goal_ml, ==, base_ml + runs_ml);
  g_assert_cmpint (day.drunk_ml, ==, drunk_ml);
  described = fl_hydration_day_describe (&day);
  g_assert_cmpstr (described, ==, line);
  fl_hydration_day_clear (&day);
}

static void
test_base_female (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_FEMALE, 0);

  assert_day (journal, 2026, 11, 27, 1600, 0, 0, "1.6 L base (EFSA 2010, for women)");
}

static void
test_base_male (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_MALE, 0);

  assert_day (journal, 2026, 11, 27, 2000, 0, 0, "2.0 L base (EFSA 2010, for men)");
}

static void
test_base_unset_sex (void)
{
  FlProfile profile;

  fl_profile_init_defaults (&profile);
  profile.sex = FL_SEX_UNSET;
  g_assert_cmpint (fl_hydration_base_ml (&profile), ==, 2000);
  profile.sex = FL_SEX_FEMALE;
  g_assert_cmpint (fl_hydration_base_ml (&profile), ==, 1600);
  profile.sex = FL_SEX_MALE;
  g_assert_cmpint (fl_hydration_base_ml (&profile), ==, 2000);
}

static void
test_base_default_profile (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlHydrationDay day;
  GDate date;

  set_date (&date, 2026, 11, 27);
  fl_hydration_day_init (&day, journal, &date);
  g_assert_true (day.profile_is_default);
  fl_hydration_day_clear (&day);

  assert_day (journal, 2026, 11, 27, 2000, 0, 0,
              "2.0 L base (EFSA 2010, for men; the default until you set your profile)");

  add_run (journal, "2026-11-27T18:00:00+01:00", 60, NAN);
  assert_day (journal, 2026, 11, 27, 2000, 1500, 0,
              "2.0 L base (default profile) + 1.5 L for this evening’s 60-minute run");
}

static void
test_goal_after_hot_run (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_FEMALE, 0);

  /* 1.3 L/h above 25 °C × 1 h × 1.5 = 1.95 L */
  add_run (journal, "2026-11-27T07:30:00+01:00", 60, 28);
  assert_day (journal, 2026, 11, 27, 1600, 1950, 0,
              "1.6 L base + 1.95 L for this morning’s 60-minute run at 28 °C");
}

static void
test_goal_after_cool_run (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_MALE, 0);
  FlHydrationDay day;
  const FlHydrationRun *hrun;
  GDate date;

  /* 25 °C is not above 25 °C: 1.0 L/h × 0.75 h × 1.5 = 1.125 L */
  add_run (journal, "2026-11-27T13:00:00+01:00", 45, 25);
  assert_day (journal, 2026, 11, 27, 2000, 1125, 0,
              "2.0 L base + 1.13 L for this afternoon’s 45-minute run at 25 °C");

  set_date (&date, 2026, 11, 27);
  fl_hydration_day_init (&day, journal, &date);
  g_assert_cmpuint (day.runs->len, ==, 1);
  hrun = &g_array_index (day.runs, FlHydrationRun, 0);
  g_assert_cmpfloat (hrun->sweat_rate_l_h, ==, 1.0);
  g_assert_false (hrun->measured_rate);
  g_assert_cmpint (hrun->ml, ==, 1125);
  fl_hydration_day_clear (&day);
}

static void
test_goal_just_above_25 (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_MALE, 0);

  /* 25.5 °C counts as hot: 1.3 × 0.5 × 1.5 = 0.975 L */
  add_run (journal, "2026-11-27T13:00:00+01:00", 30, 25.5);
  assert_day (journal, 2026, 11, 27, 2000, 975, 0,
              "2.0 L base + 0.98 L for this afternoon’s 30-minute run at 25.5 °C");
}

static void
test_goal_measured_rate (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_FEMALE, 0.8);
  const FlProfile *profile = fl_journal_get_profile (journal);
  g_autoptr(GDateTime) start = at ("2026-11-27T14:00:00+01:00");
  g_autoptr(FlRecord) hot = fl_run_new (start, 3600, 10000);
  gboolean measured = FALSE;

  /* The runner's own rate wins over the heat: 0.8 × 1 h × 1.5 = 1.2 L */
  FL_RUN (hot)->temperature_c = 30;
  g_assert_cmpfloat (fl_hydration_sweat_rate (profile, FL_RUN (hot), &measured), ==, 0.8);
  g_assert_true (measured);
  g_assert_cmpint (fl_hydration_run_ml (profile, FL_RUN (hot)), ==, 1200);

  add_run (journal, "2026-11-27T14:00:00+01:00", 60, 30);
  assert_day (journal, 2026, 11, 27, 1600, 1200, 0,
              "1.6 L base + 1.2 L for this afternoon’s 60-minute run at your measured sweat rate");
}

static void
test_goal_no_temperature (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_FEMALE, 0);

  /* Unknown temperature: 1.0 L/h × 0.5 h × 1.5 = 0.75 L */
  add_run (journal, "2026-11-27T19:15:00+01:00", 30, NAN);
  assert_day (journal, 2026, 11, 27, 1600, 750, 0,
              "1.6 L base + 0.75 L for this evening’s 30-minute run");
}

static void
test_goal_multiple_runs (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_FEMALE, 0);

  add_run (journal, "2026-11-27T21:30:00+01:00", 20, 12);
  add_run (journal, "2026-11-27T07:30:00+01:00", 60, 28);
  add_run (journal, "2026-11-27T17:00:00+01:00", 30, NAN);
  /* 1950 + 750 + 1.0 × 1/3 h × 1.5 = 500 ml, in start order */
  assert_day (journal, 2026, 11, 27, 1600, 3200, 0,
              "1.6 L base + 1.95 L for this morning’s 60-minute run at 28 °C"
              " + 0.75 L for this evening’s 30-minute run"
              " + 0.5 L for tonight’s 20-minute run at 12 °C");
}

static void
test_run_time_of_day (void)
{
  struct {
    const char *start;
    const char *line;
  } cases[] = {
    { "2026-11-02T00:30:00+01:00", "1.6 L base + 1.5 L for this morning’s 60-minute run" },
    { "2026-11-03T11:59:00+01:00", "1.6 L base + 1.5 L for this morning’s 60-minute run" },
    { "2026-11-04T12:00:00+01:00", "1.6 L base + 1.5 L for this afternoon’s 60-minute run" },
    { "2026-11-05T16:59:00+01:00", "1.6 L base + 1.5 L for this afternoon’s 60-minute run" },
    { "2026-11-06T17:00:00+01:00", "1.6 L base + 1.5 L for this evening’s 60-minute run" },
    { "2026-11-07T20:59:00+01:00", "1.6 L base + 1.5 L for this evening’s 60-minute run" },
    { "2026-11-08T21:00:00+01:00", "1.6 L base + 1.5 L for tonight’s 60-minute run" },
  };

  /* The start hour names the part of the day: before 12 morning, before 17
   * afternoon, before 21 evening, then night */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_FEMALE, 0);
      g_autoptr(GDateTime) start = at (cases[i].start);

      add_run (journal, cases[i].start, 60, NAN);
      assert_day (journal, g_date_time_get_year (start), g_date_time_get_month (start),
                  g_date_time_get_day_of_month (start), 1600, 1500, 0, cases[i].line);
    }
}

static void
test_run_other_day_ignored (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_FEMALE, 0);

  /* It ends after midnight, but counts on the day it started */
  add_run (journal, "2026-11-26T23:30:00+01:00", 60, 28);
  add_run (journal, "2026-11-28T00:00:00+01:00", 60, 28);
  add_drink (journal, "2026-11-26T23:59:59+01:00", 500);
  add_drink (journal, "2026-11-27T00:00:00+01:00", 250);
  add_drink (journal, "2026-11-27T23:59:59+01:00", 300);
  add_drink (journal, "2026-11-28T00:00:00+01:00", 400);

  assert_day (journal, 2026, 11, 27, 1600, 0, 550, "1.6 L base (EFSA 2010, for women)");
  assert_day (journal, 2026, 11, 26, 1600, 1950, 500,
              "1.6 L base + 1.95 L for tonight’s 60-minute run at 28 °C");
  assert_day (journal, 2026, 11, 28, 1600, 1950, 400,
              "1.6 L base + 1.95 L for this morning’s 60-minute run at 28 °C");
}

static void
test_dst_days (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_MALE, 0);

  /* 2026-03-29 has 23 hours in Europe/Berlin, 2026-10-25 has 25. */
  add_drink (journal, "2026-03-28T23:59:00+01:00", 100);
  add_drink (journal, "2026-03-29T00:00:00+01:00", 200);
  add_drink (journal, "2026-03-29T23:59:00+02:00", 300);
  add_drink (journal, "2026-03-30T00:00:00+02:00", 400);
  assert_day (journal, 2026, 3, 29, 2000, 0, 500, "2.0 L base (EFSA 2010, for men)");

  add_drink (journal, "2026-10-24T23:59:00+02:00", 1000);
  add_drink (journal, "2026-10-25T00:00:00+02:00", 10);
  add_drink (journal, "2026-10-25T02:30:00+02:00", 20);
  add_drink (journal, "2026-10-25T02:30:00+01:00", 40);
  add_drink (journal, "2026-10-25T23:59:00+01:00", 80);
  add_drink (journal, "2026-10-26T00:00:00+01:00", 1000);
  assert_day (journal, 2026, 10, 25, 2000, 0, 150, "2.0 L base (EFSA 2010, for men)");
}

static void
test_pace_expected (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_MALE, 0);
  g_autoptr(GDateTime) wake = at ("2026-11-27T07:00:00+01:00");
  g_autoptr(GDateTime) last_call = at ("2026-11-27T22:00:00+01:00");
  FlHydrationDay day;
  GDate date;
  struct {
    const char *time;
    int         expected;
  } cases[] = {
    { "2026-11-27T06:00:00+01:00", 0 },
    { "2026-11-27T07:00:00+01:00", 0 },
    { "2026-11-27T08:52:30+01:00", 250 },
    /* 8 of the 15 hours: 2000 × 8 / 15 = 1066.7 */
    { "2026-11-27T15:00:00+01:00", 1067 },
    { "2026-11-27T22:00:00+01:00", 2000 },
    { "2026-11-27T23:30:00+01:00", 2000 },
  };

  set_date (&date, 2026, 11, 27);
  fl_hydration_day_init (&day, journal, &date);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) time = at (cases[i].time);

      g_assert_cmpint (fl_hydration_expected_ml (&day, wake, last_call, time), ==, cases[i].expected);
    }
  fl_hydration_day_clear (&day);
}

static void
assert_behind_at (FlHydrationDay *day,
                  const char     *from,
                  const char     *expected)
{
  g_autoptr(GDateTime) wake = at ("2026-11-27T07:00:00+01:00");
  g_autoptr(GDateTime) last_call = at ("2026-11-27T22:00:00+01:00");
  g_autoptr(GDateTime) from_time = at (from);
  g_autoptr(GDateTime) behind = fl_hydration_behind_at (day, wake, last_call, from_time);

  if (expected == NULL)
    {
      g_assert_null (behind);
      return;
    }

  g_assert_nonnull (behind);
  {
    g_autoptr(GDateTime) want = at (expected);
    g_autoptr(GDateTime) before = g_date_time_add_seconds (behind, -1);

    g_assert_true (g_date_time_equal (behind, want));
    /* Behind by 250 ml there, and not yet a second earlier */
    g_assert_cmpint (fl_hydration_expected_ml (day, wake, last_call, behind) - day->drunk_ml, >=, 250);
    if (g_date_time_compare (before, from_time) >= 0)
      {
        double exact = 2000.0 * g_date_time_difference (before, wake) / g_date_time_difference (last_call, wake);

        g_assert_cmpfloat (exact - day->drunk_ml, <, 250.0);
      }
  }
}

static void
test_pace_behind_at (void)
{
  g_autoptr(FlJournal) journal = journal_with_profile (FL_SEX_MALE, 0);
  FlHydrationDay day;
  GDate date;

  set_date (&date, 2026, 11, 27);
  fl_hydration_day_init (&day, journal, &date);

  /* Nothing drunk: behind by 250 ml after 15 h × 250 / 2000 = 1 h 52 min 30 s */
  assert_behind_at (&day, "2026-11-27T05:00:00+01:00", "2026-11-27T08:52:30+01:00");
  /* Already behind at @from: @from itself */
  assert_behind_at (&day, "2026-11-27T12:00:00+01:00", "2026-11-27T12:00:00+01:00");
  /* Never at or after last call */
  assert_behind_at (&day, "2026-11-27T22:00:00+01:00", NULL);

  /* 500 ml drunk: behind when 750 ml were due, 15 h × 750 / 2000 = 5 h 37 min 30 s */
  day.drunk_ml = 500;
  assert_behind_at (&day, "2026-11-27T07:00:00+01:00", "2026-11-27T12:37:30+01:00");

  /* Within 250 ml of the whole goal: never behind today */
  day.drunk_ml = 1751;
  assert_behind_at (&day, "2026-11-27T07:00:00+01:00", NULL);
  /* Exactly 250 ml short of it: only at last call, which is too late */
  day.drunk_ml = 1750;
  assert_behind_at (&day, "2026-11-27T07:00:00+01:00", NULL);

  fl_hydration_day_clear (&day);
}

static void
test_weigh_in (void)
{
  g_autoptr(GError) error = NULL;
  double rate = 0;

  /* 0.8 kg lost + 0.3 L drunk over an hour */
  g_assert_true (fl_hydration_sweat_rate_from_weigh_in (70.0, 69.2, 300, 60, &rate, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (rate, 1.1, 1e-9);

  /* 1.5 kg + 0.5 L over 90 minutes = 2 L / 1.5 h */
  g_assert_true (fl_hydration_sweat_rate_from_weigh_in (62.5, 61.0, 500, 90, &rate, &error));
  g_assert_cmpfloat_with_epsilon (rate, 1.33, 1e-9);

  /* Heavier afterwards, having drunk a lot: 1.0 L − 0.5 kg over 30 min */
  g_assert_true (fl_hydration_sweat_rate_from_weigh_in (60.0, 60.5, 1000, 30, &rate, &error));
  g_assert_cmpfloat_with_epsilon (rate, 1.0, 1e-9);
}

static void
assert_weigh_in_error (double      before_kg,
                       double      after_kg,
                       int         drunk_ml,
                       int         minutes,
                       const char *message)
{
  g_autoptr(GError) error = NULL;
  double rate = -1;

  g_assert_false (fl_hydration_sweat_rate_from_weigh_in (before_kg, after_kg, drunk_ml, minutes,
                                                         &rate, &error));
  g_assert_error (error, FL_HYDRATION_ERROR, FL_HYDRATION_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, message);
  /* Nothing is handed back on error */
  g_assert_cmpfloat (rate, ==, -1);
}

static void
test_weigh_in_errors (void)
{
  assert_weigh_in_error (24.9, 24.0, 0, 60,
                         "The weight before the run must be 25 to 300 kg; got 24.9 kg.");
  assert_weigh_in_error (301, 300, 0, 60,
                         "The weight before the run must be 25 to 300 kg; got 301.0 kg.");
  assert_weigh_in_error (NAN, 60, 0, 60,
                         "The weight before the run must be 25 to 300 kg; got nan kg.");
  assert_weigh_in_error (70, 20, 0, 60,
                         "The weight after the run must be 25 to 300 kg; got 20.0 kg.");
  assert_weigh_in_error (70, 72.5, 0, 60,
                         "The weight after the run (72.5 kg) is more than 2 kg above the weight before (70.0 kg); check both weights.");
  assert_weigh_in_error (70, 69, -1, 60,
                         "What you drank during the run must be 0 to 5000 ml; got -1 ml.");
  assert_weigh_in_error (70, 69, 5001, 60,
                         "What you drank during the run must be 0 to 5000 ml; got 5001 ml.");
  assert_weigh_in_error (70, 69, 0, 9,
                         "The run must last 10 to 600 minutes; got 9.");
  assert_weigh_in_error (70, 69, 0, 601,
                         "The run must last 10 to 600 minutes; got 601.");
  /* 6 kg in an hour */
  assert_weigh_in_error (80, 74, 0, 60,
                         "That works out at 6.00 L/h, outside the 0.1 to 5.0 L/h a runner sweats; check the weights and what you drank.");
  /* 1 kg heavier with 0.5 L drunk: a negative rate */
  assert_weigh_in_error (70, 71, 500, 60,
                         "That works out at -0.50 L/h, outside the 0.1 to 5.0 L/h a runner sweats; check the weights and what you drank.");
  /* Nothing lost at all */
  assert_weigh_in_error (70, 70, 0, 60,
                         "That works out at 0.00 L/h, outside the 0.1 to 5.0 L/h a runner sweats; check the weights and what you drank.");
}

static void
test_format_volume (void)
{
  struct {
    int         ml;
    const char *text;
  } cases[] = {
    { 0, "0 ml" },
    { 150, "150 ml" },
    { 250, "250 ml" },
    { 999, "999 ml" },
    { 1000, "1.0 L" },
    { 1600, "1.6 L" },
    { 1950, "1.95 L" },
    { 1999, "2.0 L" },
    { 2000, "2.0 L" },
    { 3550, "3.55 L" },
    { 1234, "1.23 L" },
    { 12345, "12.35 L" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fl_format_volume (cases[i].ml);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/hydration/base-female", test_base_female);
  g_test_add_func ("/fl/hydration/base-male", test_base_male);
  g_test_add_func ("/fl/hydration/base-unset-sex", test_base_unset_sex);
  g_test_add_func ("/fl/hydration/base-default-profile", test_base_default_profile);
  g_test_add_func ("/fl/hydration/goal-after-hot-run", test_goal_after_hot_run);
  g_test_add_func ("/fl/hydration/goal-after-cool-run", test_goal_after_cool_run);
  g_test_add_func ("/fl/hydration/goal-just-above-25", test_goal_just_above_25);
  g_test_add_func ("/fl/hydration/goal-measured-rate", test_goal_measured_rate);
  g_test_add_func ("/fl/hydration/goal-no-temperature", test_goal_no_temperature);
  g_test_add_func ("/fl/hydration/goal-multiple-runs", test_goal_multiple_runs);
  g_test_add_func ("/fl/hydration/run-time-of-day", test_run_time_of_day);
  g_test_add_func ("/fl/hydration/run-other-day-ignored", test_run_other_day_ignored);
  g_test_add_func ("/fl/hydration/dst-days", test_dst_days);
  g_test_add_func ("/fl/hydration/pace-expected", test_pace_expected);
  g_test_add_func ("/fl/hydration/pace-behind-at", test_pace_behind_at);
  g_test_add_func ("/fl/hydration/weigh-in", test_weigh_in);
  g_test_add_func ("/fl/hydration/weigh-in-errors", test_weigh_in_errors);
  g_test_add_func ("/fl/hydration/format-volume", test_format_volume);

  return g_test_run ();
}
