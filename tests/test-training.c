/* test-training.c: load, flags, the return after a break, the plan, cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each history is built day by day from 2026-10-01 (day 0), runs at 07:00
 * local time, across the end of summer time on 2026-10-25; the day the
 * figures are for comes from a test clock. Expected numbers were worked out
 * by hand from the formulas in DESIGN.md (EWMA λ = 2/(N+1), CTL += (load −
 * CTL)/42, …), not by running this code.
 */
#include "config.h"

#include <math.h>

#include "fl-test-clock.h"
#include "fl-sleep.h"
#include "fl-training.h"

#define EPS 0.005

static void
day_of (int    day,
        GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, G_DATE_OCTOBER, 2026);
  g_date_add_days (out, day);
}

static void
add_run_full (FlJournal *journal,
              int        day,
              int        hour,
              int        minutes,
              double     km,
              int        rpe,
              int        cadence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(FlRecord) run = NULL;
  GDate date;

  day_of (day, &date);
  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), hour, 0, 0);
  run = fl_run_new (start, minutes * 60, km * 1000);
  FL_RUN (run)->rpe = rpe;
  FL_RUN (run)->cadence_spm = cadence;
  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

static void
add_run (FlJournal *journal,
         int        day,
         int        minutes,
         double     km,
         int        rpe)
{
  add_run_full (journal, day, 7, minutes, km, rpe, 0);
}

/* The state for the evening of @day, the date as a test clock tells it */
static void
state_on (FlTrainingState *state,
          FlJournal       *journal,
          int             day)
{
  g_autoptr(FlTestClock) clock = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  day_of (day, &date);
  iso = g_strdup_printf ("%04d-%02d-%02dT20:00:00+01:00",
                         g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  clock = fl_test_clock_new (iso);
  fl_clock_today (FL_CLOCK (clock), &date);
  fl_training_state_init (state, journal, &date);
}

static void
test_session_load (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-27T07:30:00+01:00", NULL);
  g_autoptr(FlRecord) run = fl_run_new (start, 45 * 60, 8000);
  FlRun *r = FL_RUN (run);

  /* Foster: RPE 5 for 45 minutes */
  r->rpe = 5;
  g_assert_cmpfloat_with_epsilon (fl_training_session_load (r, 0), 225, EPS);

  /* Without an effort: a steady 40-minute run is a 4 … */
  r->rpe = -1;
  r->duration_s = 40 * 60;
  r->distance_m = 0;
  g_assert_cmpint (fl_training_estimate_rpe (r, 0), ==, 4);
  g_assert_cmpfloat_with_epsilon (fl_training_session_load (r, 0), 160, EPS);
  /* … a short one a 3, long ones 5 and 6 */
  r->duration_s = 25 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 0), ==, 3);
  r->duration_s = 100 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 0), ==, 5);
  r->duration_s = 160 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 0), ==, 6);

  /* Pace against the runner's usual 5:00/km: 10 km in 45:00 is 11 % faster,
   * in 48:00 4 % faster, in 56:00 12 % slower, in 52:00 nothing */
  r->distance_m = 10000;
  r->duration_s = 45 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 300), ==, 6);
  r->duration_s = 48 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 300), ==, 5);
  r->duration_s = 56 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 300), ==, 3);
  r->duration_s = 52 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 300), ==, 4);
  /* Without a usual pace, pace says nothing */
  r->duration_s = 45 * 60;
  g_assert_cmpint (fl_training_estimate_rpe (r, 0), ==, 4);

  g_assert_cmpstr (fl_training_rpe_word (0), ==, "Rest");
  g_assert_cmpstr (fl_training_rpe_word (3), ==, "Moderate");
  g_assert_cmpstr (fl_training_rpe_word (10), ==, "Maximal");
}

/* 30 minutes at RPE 5 every day: 150 a day */
static void
test_acwr_silent_before_28_days (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;

  for (int day = 0; day < 28; day++)
    add_run (journal, day, 30, 5, 5);

  /* 27 days of history: nothing to compare with yet */
  state_on (&state, journal, 26);
  g_assert_cmpint (state.history_days, ==, 27);
  g_assert_true (isnan (state.acwr));
  g_assert_false (state.flags & (FL_TRAINING_FLAG_ACWR_HIGH | FL_TRAINING_FLAG_ACWR_CAUTION));

  /* Day 28: acute 150 (1 − 0.75^28) = 149.95, chronic 150 (1 − (27/29)^28) = 129.72 */
  state_on (&state, journal, 27);
  g_assert_cmpint (state.history_days, ==, 28);
  g_assert_cmpfloat_with_epsilon (state.acute, 149.952, EPS);
  g_assert_cmpfloat_with_epsilon (state.chronic, 129.717, EPS);
  g_assert_cmpfloat_with_epsilon (state.acwr, 1.156, EPS);
  g_assert_false (state.flags & (FL_TRAINING_FLAG_ACWR_HIGH | FL_TRAINING_FLAG_ACWR_CAUTION));
  /* The same load every day: SD 0, monotony at its cap, flagged */
  g_assert_cmpfloat_with_epsilon (state.monotony, 10, EPS);
  g_assert_true (state.flags & FL_TRAINING_FLAG_MONOTONY_HIGH);
}

/* 35 days of 30 min at RPE 5 (150), then a week of 60 min at RPE 6 (360)
 * with a rest day on day 38: on day 41 */
static void
test_load_figures (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;

  for (int day = 0; day < 42; day++)
    {
      if (day < 35)
        add_run (journal, day, 30, 5, 5);
      else if (day != 38)
        add_run (journal, day, 60, 10, 6);
    }

  state_on (&state, journal, 41);
  g_assert_cmpuint (state.n_runs, ==, 41);
  g_assert_cmpfloat_with_epsilon (state.day_load, 360, EPS);
  g_assert_cmpfloat_with_epsilon (state.acute, 293.999, EPS);
  g_assert_cmpfloat_with_epsilon (state.chronic, 205.160, EPS);
  /* Between 1.3 and 1.5: caution, not high (Gabbett 2016) */
  g_assert_cmpfloat_with_epsilon (state.acwr, 1.433, EPS);
  g_assert_true (state.flags & FL_TRAINING_FLAG_ACWR_CAUTION);
  g_assert_false (state.flags & FL_TRAINING_FLAG_ACWR_HIGH);

  g_assert_cmpfloat_with_epsilon (state.ctl, 120.105, EPS);
  g_assert_cmpfloat_with_epsilon (state.atl, 256.000, EPS);
  /* Form is yesterday's fitness minus yesterday's fatigue */
  g_assert_cmpfloat_with_epsilon (state.tsb, -124.412, EPS);

  /* 6 × 360 and a 0: mean 308.6, SD 126.0 */
  g_assert_cmpfloat_with_epsilon (state.week_load, 2160, EPS);
  g_assert_cmpfloat_with_epsilon (state.monotony, 2.449, EPS);
  g_assert_cmpfloat_with_epsilon (state.strain, 5290.898, 0.05);
  g_assert_true (state.flags & FL_TRAINING_FLAG_MONOTONY_HIGH);

  /* 60 km this week against 35 before: a jump */
  g_assert_cmpfloat_with_epsilon (state.week_km, 60, EPS);
  g_assert_cmpfloat_with_epsilon (state.previous_week_km, 35, EPS);
  g_assert_true (state.flags & FL_TRAINING_FLAG_DISTANCE_JUMP);
  g_assert_cmpfloat_with_epsilon (state.weekly_km[FL_TRAINING_WEEKS - 1], 60, EPS);
  g_assert_cmpfloat_with_epsilon (state.weekly_km[FL_TRAINING_WEEKS - 6], 35, EPS);
  g_assert_cmpfloat_with_epsilon (state.weekly_km[FL_TRAINING_WEEKS - 7], 0, EPS);

  /* 360 is more than 1.5 × the usual run day (196.7), today and yesterday */
  g_assert_cmpint (state.plan[0].kind, ==, FL_TRAINING_DAY_REST);
  g_assert_cmpint (state.plan[0].reason, ==, FL_TRAINING_REASON_TWO_HARD_DAYS);
}

static void
test_monotony (void)
{
  g_autoptr(FlJournal) varied = fl_journal_new ();
  g_autoptr(FlJournal) alternate = fl_journal_new ();
  g_autoptr(FlJournal) empty = fl_journal_new ();
  const int minutes[] = { 60, 60, 50, 60, 60, 40, 60 };
  FlTrainingState state;

  /* RPE 5: 300, 300, 250, 300, 300, 200, 300: mean 278.6, SD 36.4 */
  for (int day = 0; day < 7; day++)
    add_run (varied, day, minutes[day], 10, 5);
  state_on (&state, varied, 6);
  g_assert_cmpfloat_with_epsilon (state.monotony, 7.649, EPS);
  g_assert_cmpfloat_with_epsilon (state.strain, 14914.632, 0.05);
  g_assert_true (state.flags & FL_TRAINING_FLAG_MONOTONY_HIGH);

  /* Every other day: 1.155, no flag */
  for (int day = 0; day < 7; day += 2)
    add_run (alternate, day, 60, 10, 5);
  state_on (&state, alternate, 6);
  g_assert_cmpfloat_with_epsilon (state.monotony, 1.155, EPS);
  g_assert_false (state.flags & FL_TRAINING_FLAG_MONOTONY_HIGH);

  /* Nothing at all: no figure, no flag, a normal week ahead */
  state_on (&state, empty, 6);
  g_assert_cmpuint (state.n_runs, ==, 0);
  g_assert_true (isnan (state.monotony));
  g_assert_true (isnan (state.acwr));
  g_assert_cmpuint (state.flags, ==, 0);
  for (int p = 0; p < FL_TRAINING_PLAN_DAYS; p++)
    {
      g_assert_cmpint (state.plan[p].kind, ==, FL_TRAINING_DAY_NORMAL);
      g_assert_cmpint (state.plan[p].reason, ==, FL_TRAINING_REASON_NONE);
    }
}

static void
test_distance_jump (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlJournal) steady = fl_journal_new ();
  FlTrainingState state;

  /* 4 × 5 km, then 3 × 9 km: +35 % */
  for (int day = 0; day < 7; day += 2)
    add_run (journal, day, 30, 5, 3);
  for (int day = 8; day < 14; day += 2)
    add_run (journal, day, 50, 9, 3);
  state_on (&state, journal, 13);
  g_assert_cmpfloat_with_epsilon (state.previous_week_km, 20, EPS);
  g_assert_cmpfloat_with_epsilon (state.week_km, 27, EPS);
  g_assert_true (state.flags & FL_TRAINING_FLAG_DISTANCE_JUMP);
  /* The following week is held, not raised */
  g_assert_cmpint (state.plan[1].kind, ==, FL_TRAINING_DAY_EASY);
  g_assert_cmpint (state.plan[1].reason, ==, FL_TRAINING_REASON_DISTANCE_JUMP);

  /* 20 km to 25 km is +25 %: within the 30 % (and never the 10 % rule) */
  for (int day = 0; day < 7; day += 2)
    add_run (steady, day, 30, 5, 3);
  for (int day = 8; day < 14; day += 2)
    add_run (steady, day, 45, 25.0 / 3, 3);
  state_on (&state, steady, 13);
  g_assert_cmpfloat_with_epsilon (state.week_km, 25, EPS);
  g_assert_false (state.flags & FL_TRAINING_FLAG_DISTANCE_JUMP);

  /* From a week without runs it is no jump (the return ramp speaks then) */
  state_on (&state, journal, 20);
  g_assert_cmpfloat_with_epsilon (state.week_km, 0, EPS);
  state_on (&state, journal, 6);
  g_assert_false (state.flags & FL_TRAINING_FLAG_DISTANCE_JUMP);
}

/* 4 weeks of 4 × 7.5 km (30 km a week), the last on day 27 */
static FlJournal *
four_weeks_of_30_km (void)
{
  FlJournal *journal = fl_journal_new ();

  for (int day = 0; day < 28; day++)
    if (day % 7 == 0 || day % 7 == 2 || day % 7 == 4 || day % 7 == 6)
      add_run (journal, day, 45, 7.5, 4);

  return journal;
}

static void
test_return_after_break (void)
{
  g_autoptr(FlJournal) journal = four_weeks_of_30_km ();
  g_autoptr(FlJournal) long_break = four_weeks_of_30_km ();
  FlTrainingState state;

  /* 13 days without a run is no break */
  state_on (&state, journal, 40);
  g_assert_false (state.flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK);
  g_assert_cmpint (state.weeks_off, ==, 0);

  /* 20 days: a break under way, 2 weeks: 1 week at 15 km, 1 at 22.5 km */
  state_on (&state, journal, 47);
  g_assert_true (state.flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK);
  g_assert_true (state.in_break);
  g_assert_cmpint (state.weeks_off, ==, 2);
  g_assert_cmpfloat_with_epsilon (state.earlier_week_km, 30, EPS);
  g_assert_cmpint (state.n_caps, ==, 2);
  g_assert_cmpfloat_with_epsilon (state.caps_km[0], 15, EPS);
  g_assert_cmpfloat_with_epsilon (state.caps_km[1], 22.5, EPS);
  g_assert_cmpint (state.plan[0].kind, ==, FL_TRAINING_DAY_EASY);
  g_assert_cmpint (state.plan[0].reason, ==, FL_TRAINING_REASON_RETURN_AFTER_BREAK);

  /* Back on day 70 after 42 days off: 6 weeks, 3 at 50 %, 3 at 75 % */
  for (int day = 70; day < 120; day += 2)
    add_run (journal, day, 30, 5, 3);
  state_on (&state, journal, 70);
  g_assert_false (state.in_break);
  g_assert_cmpint (state.weeks_off, ==, 6);
  g_assert_cmpint (state.n_caps, ==, 6);
  for (int w = 0; w < 3; w++)
    g_assert_cmpfloat_with_epsilon (state.caps_km[w], 15, EPS);
  for (int w = 3; w < 6; w++)
    g_assert_cmpfloat_with_epsilon (state.caps_km[w], 22.5, EPS);
  g_assert_cmpint (state.ramp_week, ==, 0);
  g_assert_cmpint (g_date_get_day (&state.ramp_start), ==, 10);
  g_assert_cmpint (g_date_get_month (&state.ramp_start), ==, G_DATE_DECEMBER);

  /* Three weeks in: the first week at 75 % */
  state_on (&state, journal, 91);
  g_assert_true (state.flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK);
  g_assert_cmpint (state.ramp_week, ==, 3);
  g_assert_cmpfloat_with_epsilon (state.caps_km[state.ramp_week], 22.5, EPS);

  /* Six weeks in: 100 % again, no flag */
  state_on (&state, journal, 112);
  g_assert_false (state.flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK);
  g_assert_cmpint (state.n_caps, ==, 0);

  /* 13 weeks off: start as a beginner, no caps from the old distance */
  add_run (long_break, 27 + 1 + 91, 20, 2.5, 3);
  state_on (&state, long_break, 119);
  g_assert_true (state.flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK);
  g_assert_cmpint (state.weeks_off, ==, 13);
  g_assert_true (state.beginner);
  g_assert_cmpint (state.n_caps, ==, 0);
}

static void
test_plan_no_rest_day (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;
  int rest = 0;

  for (int day = 0; day < 6; day++)
    add_run (journal, day, 30, 5, 3);

  state_on (&state, journal, 5);
  g_assert_cmpint (g_date_get_day (&state.plan[0].date), ==, 7);
  g_assert_cmpint (state.plan[0].kind, ==, FL_TRAINING_DAY_REST);
  g_assert_cmpint (state.plan[0].reason, ==, FL_TRAINING_REASON_NO_REST_6_DAYS);
  for (int p = 0; p < FL_TRAINING_PLAN_DAYS; p++)
    rest += state.plan[p].kind == FL_TRAINING_DAY_REST;
  /* One rest day is enough for this week */
  g_assert_cmpint (rest, ==, 1);
  g_assert_cmpint (state.plan[1].kind, ==, FL_TRAINING_DAY_NORMAL);
  g_assert_cmpint (state.plan[1].reason, ==, FL_TRAINING_REASON_NONE);

  /* Five days in a row leave room for a sixth, and a runner who does not
   * run every day takes the rest days as usual */
  state_on (&state, journal, 4);
  for (int p = 0; p < FL_TRAINING_PLAN_DAYS; p++)
    g_assert_cmpint (state.plan[p].kind, ==, FL_TRAINING_DAY_NORMAL);
}

/* A runner out every day but day 24 (30, 45, 60 minutes in turn at RPE 3):
 * the planned days count as running days, so the fourth one is a rest */
static void
test_plan_daily_runner (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;

  for (int day = 0; day < 28; day++)
    if (day != 24)
      add_run (journal, day, 30 + 15 * (day % 3), 5, 3);

  state_on (&state, journal, 27);
  /* 90, 135, 180, 0, 135, 180, 90: mean 115.7, SD 58.2, just under the flag */
  g_assert_cmpfloat_with_epsilon (state.monotony, 1.988, EPS);
  g_assert_cmpuint (state.flags, ==, 0);
  g_assert_cmpint (state.plan[0].kind, ==, FL_TRAINING_DAY_NORMAL);
  g_assert_cmpint (state.plan[1].kind, ==, FL_TRAINING_DAY_NORMAL);
  g_assert_cmpint (state.plan[2].kind, ==, FL_TRAINING_DAY_NORMAL);
  g_assert_cmpint (state.plan[3].kind, ==, FL_TRAINING_DAY_REST);
  g_assert_cmpint (state.plan[3].reason, ==, FL_TRAINING_REASON_NO_REST_6_DAYS);
  g_assert_cmpint (state.plan[4].kind, ==, FL_TRAINING_DAY_NORMAL);
}

static void
test_plan_two_hard_days (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;

  add_run (journal, 0, 30, 5, 3);
  add_run (journal, 3, 30, 7, 8);
  state_on (&state, journal, 3);
  /* One hard day is fine */
  g_assert_cmpint (state.plan[0].kind, ==, FL_TRAINING_DAY_NORMAL);

  add_run (journal, 4, 30, 7, 8);
  state_on (&state, journal, 4);
  g_assert_cmpint (state.plan[0].kind, ==, FL_TRAINING_DAY_REST);
  g_assert_cmpint (state.plan[0].reason, ==, FL_TRAINING_REASON_TWO_HARD_DAYS);
  g_assert_cmpint (state.plan[1].kind, ==, FL_TRAINING_DAY_NORMAL);
}

/* Twice a week for 5 weeks, then 5 runs in 6 days, all the same 120: no
 * hard day, but acute 85.46 against chronic 53.00 */
static void
test_plan_acwr_high (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;

  for (int day = 0; day < 35; day++)
    if (day % 7 == 0 || day % 7 == 3)
      add_run (journal, day, 30, 6, 4);
  for (int day = 35; day <= 40; day++)
    if (day != 38)
      add_run (journal, day, 30, 6, 4);

  state_on (&state, journal, 40);
  g_assert_cmpfloat_with_epsilon (state.acwr, 1.612, EPS);
  g_assert_true (state.flags & FL_TRAINING_FLAG_ACWR_HIGH);
  g_assert_false (state.flags & FL_TRAINING_FLAG_ACWR_CAUTION);
  g_assert_cmpint (state.plan[0].kind, ==, FL_TRAINING_DAY_REST);
  g_assert_cmpint (state.plan[0].reason, ==, FL_TRAINING_REASON_ACWR_HIGH);
  /* A rest day brings the ratio to 1.299; the 30 km after 12 still holds
   * the week easy */
  g_assert_cmpint (state.plan[1].kind, ==, FL_TRAINING_DAY_EASY);
  g_assert_cmpint (state.plan[1].reason, ==, FL_TRAINING_REASON_DISTANCE_JUMP);
}

static void
add_heavy_checkin (FlJournal *journal,
                   int        day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(FlRecord) checkin = NULL;
  GDate date;

  day_of (day, &date);
  midnight = fl_date_to_local_midnight (&date);
  checkin = fl_record_new (FL_RECORD_CHECKIN, midnight);
  FL_CHECKIN (checkin)->legs = 4;
  g_assert_true (fl_journal_add (journal, checkin, &error));
  g_assert_no_error (error);
}

static void
test_cadence (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;

  /* Easy by the runner's own rating: 160, 162, 164 */
  add_run_full (journal, 0, 7, 40, 0, 3, 160);
  add_run_full (journal, 2, 7, 40, 0, 4, 162);
  add_run_full (journal, 4, 7, 40, 0, 2, 164);
  /* Not easy: rated 7 */
  add_run_full (journal, 6, 7, 40, 0, 7, 176);
  /* Unrated: the slower one (6:00/km) of two is easy, the faster (4:30) not */
  add_run_full (journal, 8, 7, 60, 10, -1, 158);
  add_run_full (journal, 10, 7, 45, 10, -1, 175);

  state_on (&state, journal, 10);
  /* median of 158, 160, 162, 164 */
  g_assert_cmpfloat_with_epsilon (state.cadence_baseline, 161, EPS);
  g_assert_cmpint (state.cadence_last, ==, 175);
  /* +5 %, never more than +10 % (Heiderscheit 2011) */
  g_assert_cmpint (state.cadence_target, ==, 169);
  g_assert_cmpint (state.cadence_max, ==, 177);
  g_assert_false (state.cadence_fatigue);
  g_assert_cmpfloat_with_epsilon (state.cadence_weekly[FL_TRAINING_WEEKS - 1], (164 + 176 + 158 + 175) / 4.0, EPS);
  g_assert_cmpfloat_with_epsilon (state.cadence_weekly[FL_TRAINING_WEEKS - 2], (160 + 162) / 2.0, EPS);
  g_assert_true (isnan (state.cadence_weekly[FL_TRAINING_WEEKS - 3]));

  /* 152 is 5.6 % under 161: on an ordinary day no sign … */
  add_run_full (journal, 12, 7, 40, 0, 5, 152);
  state_on (&state, journal, 12);
  g_assert_cmpint (state.cadence_last, ==, 152);
  g_assert_false (state.cadence_fatigue);
  /* … on a heavy-legs day a sign of fatigue */
  add_heavy_checkin (journal, 12);
  state_on (&state, journal, 12);
  g_assert_true (state.cadence_fatigue);

  /* A later run at 154, 4.3 % under: no sign */
  add_run_full (journal, 12, 18, 40, 0, 5, 154);
  state_on (&state, journal, 12);
  g_assert_false (state.cadence_fatigue);

  /* Two easy runs are not a baseline */
  {
    g_autoptr(FlJournal) few = fl_journal_new ();

    add_run_full (few, 0, 7, 40, 0, 3, 160);
    add_run_full (few, 2, 7, 40, 0, 3, 162);
    state_on (&state, few, 2);
    g_assert_true (isnan (state.cadence_baseline));
    g_assert_cmpint (state.cadence_target, ==, 0);
    g_assert_cmpint (state.cadence_last, ==, 162);
  }
}

/* A run at midnight on the night summer time ends counts on that day, not
 * the one before */
static void
test_days_across_dst (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlTrainingState state;

  add_run_full (journal, 23, 23, 30, 5, 5, 0);    /* 2026-10-24 23:00 */
  add_run_full (journal, 24, 0, 60, 10, 5, 0);    /* 2026-10-25 00:00 */
  state_on (&state, journal, 24);
  g_assert_cmpint (state.history_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (state.day_load, 300, EPS);
  state_on (&state, journal, 23);
  g_assert_cmpfloat_with_epsilon (state.day_load, 150, EPS);
  g_assert_cmpuint (state.n_runs, ==, 1);
}

/* Sleep needs up to 45 minutes more after a hard day (DESIGN.md "Sleep"):
 * in proportion to how far the day's load was above the usual run day's,
 * full at 1.5 times it or at an effort of 7 or more. */
static void
test_sleep_extra_after_hard_day (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlSleepOptions options;
  GDate date;

  /* Ten usual days: 40 min at effort 5, a load of 200 */
  for (int day = 0; day < 10; day++)
    add_run (journal, day, 40, 8, 5);

  day_of (9, &date);
  g_assert_cmpint (fl_training_sleep_extra_min (journal, &date, NULL), ==, 0);

  /* 60 min at effort 5 (300) against the usual of the last 28 days with it,
   * 2300 / 11 = 209.1: 1.43 times, 87 % of the way to hard, 39 minutes */
  add_run (journal, 10, 60, 12, 5);
  day_of (10, &date);
  g_assert_cmpint (fl_training_sleep_extra_min (journal, &date, NULL), ==, 39);

  /* Effort 8 is hard whatever the load */
  add_run (journal, 11, 30, 6, 8);
  day_of (11, &date);
  g_assert_cmpint (fl_training_sleep_extra_min (journal, &date, NULL), ==, 45);

  /* A rest day adds nothing */
  day_of (12, &date);
  g_assert_cmpint (fl_training_sleep_extra_min (journal, &date, NULL), ==, 0);

  /* The sleep rules ask the training model by default */
  fl_sleep_options_init (&options);
  g_assert_true (options.load_func == fl_training_sleep_extra_min);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/training/session-load", test_session_load);
  g_test_add_func ("/fl/training/sleep-extra-after-hard-day", test_sleep_extra_after_hard_day);
  g_test_add_func ("/fl/training/acwr-silent-before-28-days", test_acwr_silent_before_28_days);
  g_test_add_func ("/fl/training/load-figures", test_load_figures);
  g_test_add_func ("/fl/training/monotony", test_monotony);
  g_test_add_func ("/fl/training/distance-jump", test_distance_jump);
  g_test_add_func ("/fl/training/return-after-break", test_return_after_break);
  g_test_add_func ("/fl/training/plan-no-rest-day", test_plan_no_rest_day);
  g_test_add_func ("/fl/training/plan-daily-runner", test_plan_daily_runner);
  g_test_add_func ("/fl/training/plan-two-hard-days", test_plan_two_hard_days);
  g_test_add_func ("/fl/training/plan-acwr-high", test_plan_acwr_high);
  g_test_add_func ("/fl/training/cadence", test_cadence);
  g_test_add_func ("/fl/training/days-across-dst", test_days_across_dst);

  return g_test_run ();
}
