/* fl-training.c: training load, rest days, the return after a break, cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything comes from one pass over the runs up to the end of the day
 * (they are kept in start order) into per-day arrays, then one pass over the
 * days: linear in the length of the history.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fl-clock.h"
#include "fl-sleep.h"
#include "fl-training.h"

/* Williams et al. 2017 (Br J Sports Med, "Better way to determine the
 * acute:chronic workload ratio?"): exponentially weighted moving averages
 * with λ = 2 / (N + 1), N = 7 days acute and 28 days chronic. */
#define ACUTE_DAYS   7
#define CHRONIC_DAYS 28
/* The ratio needs a chronic load to compare with: silent before 28 days. */
#define ACWR_MIN_HISTORY_DAYS 28
/* Gabbett 2016 (Br J Sports Med, "The training-injury prevention paradox"):
 * above 1.3 injury risk starts to rise, above 1.5 it rises steeply. */
#define ACWR_CAUTION 1.3
#define ACWR_HIGH    1.5

/* Banister's fitness-fatigue model as TrainingPeaks' Performance Manager
 * uses it: fitness (CTL) τ = 42 days, fatigue (ATL) τ = 7 days, each day
 * x += (load − x) / τ. */
#define CTL_DAYS 42.0
#define ATL_DAYS 7.0

/* Foster 1998 (Med Sci Sports Exerc, "Monitoring training in athletes with
 * reference to overtraining syndrome"): monotony = mean daily load / SD over
 * a week, rest days counting as 0; above 2.0 goes with illness and
 * overtraining. Identical loads every day divide by zero: the value is
 * capped at 10, far above the flag. */
#define MONOTONY_HIGH 2.0
#define MONOTONY_CAP  10.0

/* Nielsen et al. 2014 (JOSPT, "Excessive progression in weekly running
 * distance and risk of running-related injuries"): runners whose weekly
 * distance rose more than 30 % over two weeks got injured more often. The
 * "10 % rule" had no effect in a trial (Buist et al. 2008) and is not used. */
#define DISTANCE_JUMP 0.30

/* DESIGN.md "Training": a break is 14 days or more without a run; n weeks
 * off come back at 50 % for n/2 weeks, 75 % for n/2 weeks, then 100 %;
 * more than 12 weeks off, start as a beginner. */
#define BREAK_DAYS        14
#define BEGINNER_WEEKS    FL_TRAINING_MAX_RAMP_WEEKS

/* Rest-day rules of DESIGN.md: a rest day at least every 7th day, and after
 * two hard days in a row. A hard day has a run at 7 ("very hard") or more on
 * the CR-10 scale, or a load of 1.5 times the runner's usual run day. */
#define NO_REST_MAX_DAYS 6
#define HARD_RPE         7
#define HARD_LOAD_FACTOR 1.5
/* Runs on 24 of the last 28 days (6 a week): a daily runner */
#define DAILY_RUNNER_DAYS 24
/* An easy day is planned at half the usual daily load. */
#define EASY_LOAD_FACTOR 0.5

/* Heiderscheit et al. 2011 (Med Sci Sports Exerc, "Effects of step rate
 * manipulation on joint mechanics during running"): +5 % steps a minute
 * already unloads knee and hip, +10 % at most. A drop of 5 % on a
 * heavy-legs day is a sign of fatigue (DESIGN.md). No magic 180. */
#define CADENCE_DRILL    1.05
#define CADENCE_MAX      1.10
#define CADENCE_DROP     0.95
#define CADENCE_DAYS     90
#define CADENCE_MIN_RUNS 3
#define EASY_RPE         4
#define HEAVY_LEGS       4

double
fl_training_session_load (const FlRun *run,
                          double       usual_pace_s_per_km)
{
  int rpe;

  g_return_val_if_fail (run != NULL, 0);

  /* Foster et al. 2001 (J Strength Cond Res): session RPE, the effort on
   * the CR-10 scale times the minutes. */
  rpe = run->rpe >= 0 ? run->rpe : fl_training_estimate_rpe (run, usual_pace_s_per_km);

  return rpe * (run->duration_s / 60.0);
}

/* An honest guess where the runner gave no effort: most runs are steady,
 * so start at 4 ("somewhat hard" on CR-10); long runs weigh more (from 90
 * minutes +1, from 150 minutes +2), short ones less (under 30 minutes −1);
 * a pace clearly faster than the runner's own usual pace adds (4 % +1,
 * 10 % +2), clearly slower (10 %) takes one off. Between 1 and 9: a guess
 * never says "nothing" or "maximal". */
int
fl_training_estimate_rpe (const FlRun *run,
                          double       usual_pace_s_per_km)
{
  int rpe = 4;
  int minutes;

  g_return_val_if_fail (run != NULL, 4);

  minutes = run->duration_s / 60;
  if (minutes >= 150)
    rpe += 2;
  else if (minutes >= 90)
    rpe += 1;
  else if (minutes < 30)
    rpe -= 1;

  if (run->distance_m >= 1000 && usual_pace_s_per_km > 0)
    {
      double pace = run->duration_s / (run->distance_m / 1000.0);
      double speed_ratio = usual_pace_s_per_km / pace;

      if (speed_ratio >= 1.10)
        rpe += 2;
      else if (speed_ratio >= 1.04)
        rpe += 1;
      else if (speed_ratio <= 0.90)
        rpe -= 1;
    }

  return CLAMP (rpe, 1, 9);
}

typedef struct
{
  int    cadence;
  double pace;                  /* s/km; 0 = unknown */
  int    rpe;                   /* as given; -1 = not given */
} CadenceRun;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  if (n == 0)
    return NAN;

  qsort (values, n, sizeof (double), compare_double);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/* The median cadence of the easy runs: those the runner rated 4 or less,
 * and of the unrated ones with a pace, the slower half. */
static double
cadence_baseline (GArray *runs)
{
  g_autofree double *paces = g_new (double, MAX (runs->len, 1));
  g_autofree double *cadences = g_new (double, MAX (runs->len, 1));
  double median_pace;
  guint n_paces = 0, n = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      CadenceRun *r = &g_array_index (runs, CadenceRun, i);

      if (r->pace > 0)
        paces[n_paces++] = r->pace;
    }
  median_pace = median (paces, n_paces);

  for (guint i = 0; i < runs->len; i++)
    {
      CadenceRun *r = &g_array_index (runs, CadenceRun, i);
      gboolean easy;

      if (r->rpe >= 0)
        easy = r->rpe <= EASY_RPE;
      else
        easy = r->pace > 0 && r->pace >= median_pace;

      if (easy)
        cadences[n++] = r->cadence;
    }

  if (n < CADENCE_MIN_RUNS)
    return NAN;

  return median (cadences, n);
}

/* The local calendar day of @time as a GDate Julian day number, without
 * the allocations of g_date_time_to_local(): this runs once per run. */
#define UNIX_EPOCH_JULIAN 719163        /* g_date_get_julian() of 1970-01-01 */

static int
local_julian (GTimeZone *tz,
              GDateTime *time)
{
  gint64 unix_s = g_date_time_to_unix (time);
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_s);
  gint64 local_s = unix_s + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);
  gint64 days = local_s >= 0 ? local_s / 86400 : -((-local_s + 86399) / 86400);

  return (int) (days + UNIX_EPOCH_JULIAN);
}

static double
ewma_lambda (int days)
{
  return 2.0 / (days + 1.0);
}

static double
acwr_of (double acute,
         double chronic,
         int    history_days)
{
  if (history_days < ACWR_MIN_HISTORY_DAYS || chronic <= 0)
    return NAN;

  return acute / chronic;
}

static void
week_figures (const double *loads,
              int           n_days,
              double       *out_week_load,
              double       *out_monotony)
{
  double sum = 0, mean, var = 0, sd;

  /* Days before the first run are rest days: 0 */
  for (int i = n_days - 7; i < n_days; i++)
    sum += i >= 0 ? loads[i] : 0;
  mean = sum / 7.0;
  for (int i = n_days - 7; i < n_days; i++)
    {
      double d = (i >= 0 ? loads[i] : 0) - mean;

      var += d * d;
    }
  /* The week itself, not a sample of some larger set: population SD */
  sd = sqrt (var / 7.0);

  *out_week_load = sum;
  if (sum <= 0)
    *out_monotony = NAN;
  else if (sd * MONOTONY_CAP <= mean)
    *out_monotony = MONOTONY_CAP;
  else
    *out_monotony = mean / sd;
}

static gboolean
heavy_legs_on (FlJournal   *journal,
               const GDate *date)
{
  char id[16];
  FlRecord *checkin;

  g_snprintf (id, sizeof id, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  checkin = fl_journal_lookup (journal, FL_RECORD_CHECKIN, id);

  return checkin != NULL && FL_CHECKIN (checkin)->legs >= HEAVY_LEGS;
}

/* Return after a break: @break_end is the day index of the first run back
 * (or -1 while the break lasts), @last_before the last run before it. */
static void
return_after_break (FlTrainingState *state,
                    const double    *km,
                    int              n_days,
                    int              last_before,
                    int              break_end,
                    int              days_off)
{
  int weeks = days_off / 7;
  int first = MAX (0, last_before - 27);
  int ramp_weeks, since;
  double sum = 0, weeks_before;

  for (int i = first; i <= last_before; i++)
    sum += km[i];
  /* The weekly average of the 4 weeks before the break (or of as many
   * days as there were, at least one week). */
  weeks_before = MAX (1.0, (last_before - first + 1) / 7.0);

  ramp_weeks = MIN (weeks, BEGINNER_WEEKS);
  since = break_end < 0 ? 0 : (n_days - 1 - break_end) / 7;
  if (break_end >= 0 && since >= ramp_weeks)
    return;     /* the ramp is over: back to 100 % */

  state->weeks_off = weeks;
  state->in_break = break_end < 0;
  state->earlier_week_km = sum / weeks_before;
  state->ramp_week = since;
  state->flags |= FL_TRAINING_FLAG_RETURN_AFTER_BREAK;
  if (break_end >= 0)
    {
      state->ramp_start = state->date;
      g_date_subtract_days (&state->ramp_start, n_days - 1 - break_end);
    }

  if (weeks > BEGINNER_WEEKS)
    {
      state->beginner = TRUE;
      return;
    }

  /* n/2 weeks at 50 %, n/2 at 75 %: with an odd n the extra week goes to
   * the cautious half. */
  for (int w = 0; w < weeks; w++)
    state->caps_km[state->n_caps++] = state->earlier_week_km * (w < (weeks + 1) / 2 ? 0.50 : 0.75);
}

static void
plan_days (FlTrainingState *state,
           const double    *loads,
           const gboolean  *ran,
           int              n_days,
           gboolean         hard_today,
           gboolean         hard_yesterday,
           double           usual_daily_load,
           gboolean         daily_runner)
{
  double lambda_a = ewma_lambda (ACUTE_DAYS), lambda_c = ewma_lambda (CHRONIC_DAYS);
  double acute = state->acute, chronic = state->chronic;
  /* Whether each of the last 6 days had a run, the oldest first, then the plan's */
  gboolean window[NO_REST_MAX_DAYS + FL_TRAINING_PLAN_DAYS];

  for (int i = 0; i < NO_REST_MAX_DAYS; i++)
    {
      int day = n_days - NO_REST_MAX_DAYS + i;

      window[i] = day >= 0 && ran[day];
    }

  for (int p = 0; p < FL_TRAINING_PLAN_DAYS; p++)
    {
      FlTrainingPlanDay *day = &state->plan[p];
      double acwr = acwr_of (acute, chronic, state->history_days + p);
      gboolean no_rest = TRUE;
      double load;

      day->date = state->date;
      g_date_add_days (&day->date, p + 1);

      for (int i = p; i < p + NO_REST_MAX_DAYS; i++)
        no_rest = no_rest && window[i];

      if (no_rest)
        day->kind = FL_TRAINING_DAY_REST, day->reason = FL_TRAINING_REASON_NO_REST_6_DAYS;
      else if (p == 0 && hard_today && hard_yesterday)
        day->kind = FL_TRAINING_DAY_REST, day->reason = FL_TRAINING_REASON_TWO_HARD_DAYS;
      else if (!isnan (acwr) && acwr > ACWR_HIGH)
        day->kind = FL_TRAINING_DAY_REST, day->reason = FL_TRAINING_REASON_ACWR_HIGH;
      else if (!isnan (acwr) && acwr > ACWR_CAUTION)
        day->kind = FL_TRAINING_DAY_EASY, day->reason = FL_TRAINING_REASON_ACWR_CAUTION;
      /* Monotony is broken by the next day being different */
      else if (p == 0 && (state->flags & FL_TRAINING_FLAG_MONOTONY_HIGH))
        day->kind = FL_TRAINING_DAY_EASY, day->reason = FL_TRAINING_REASON_MONOTONY_HIGH;
      /* After a jump, hold next week's distance rather than add to it */
      else if (state->flags & FL_TRAINING_FLAG_DISTANCE_JUMP)
        day->kind = FL_TRAINING_DAY_EASY, day->reason = FL_TRAINING_REASON_DISTANCE_JUMP;
      else if (state->flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK)
        day->kind = FL_TRAINING_DAY_EASY, day->reason = FL_TRAINING_REASON_RETURN_AFTER_BREAK;
      else
        day->kind = FL_TRAINING_DAY_NORMAL, day->reason = FL_TRAINING_REASON_NONE;

      /* What the following days will look back on: the usual load on a
       * normal day, half on an easy one. For a runner who runs (nearly)
       * every day, a planned day that is not a rest day counts as a day
       * with a run; others take their rest days as they always do. */
      load = day->kind == FL_TRAINING_DAY_REST ? 0
           : day->kind == FL_TRAINING_DAY_EASY ? usual_daily_load * EASY_LOAD_FACTOR
           : usual_daily_load;
      acute = lambda_a * load + (1 - lambda_a) * acute;
      chronic = lambda_c * load + (1 - lambda_c) * chronic;
      window[p + NO_REST_MAX_DAYS] = daily_runner && day->kind != FL_TRAINING_DAY_REST;
    }
}

void
fl_training_state_init (FlTrainingState *state,
                        FlJournal       *journal,
                        const GDate     *date)
{
  g_autoptr(GDateTime) end_time = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GArray) cadence_runs = NULL;
  g_autofree double *loads = NULL;
  g_autofree double *km = NULL;
  g_autofree gboolean *ran = NULL;
  double cadence_sum[FL_TRAINING_WEEKS] = { 0, };
  int cadence_count[FL_TRAINING_WEEKS] = { 0, };
  double lambda_a = ewma_lambda (ACUTE_DAYS), lambda_c = ewma_lambda (CHRONIC_DAYS);
  double prior_s = 0, prior_km = 0;
  double ctl_before = 0, atl_before = 0;
  double usual_run_load = 0, usual_daily_load = 0;
  int usual_n = 0;
  int max_rpe_today = -1, max_rpe_yesterday = -1;
  int prev_index = -1, last_before_break = -1, break_end = -1, days_off = 0;
  int last_cadence_index = -1;
  GDate next;
  int first_julian = 0;
  GPtrArray *runs;
  guint begin, end;
  int n_days = 0, last;

  g_return_if_fail (state != NULL);
  g_return_if_fail (FL_IS_JOURNAL (journal));
  g_return_if_fail (date != NULL && g_date_valid (date));

  memset (state, 0, sizeof *state);
  state->date = *date;
  state->acwr = state->monotony = state->strain = NAN;
  state->cadence_baseline = NAN;
  g_date_clear (&state->ramp_start, 1);
  for (int w = 0; w < FL_TRAINING_WEEKS; w++)
    {
      state->week_start[w] = *date;
      g_date_subtract_days (&state->week_start[w], 7 * (FL_TRAINING_WEEKS - w) - 1);
      state->cadence_weekly[w] = NAN;
    }

  next = *date;
  g_date_add_days (&next, 1);
  end_time = fl_date_to_local_midnight (&next);
  runs = fl_journal_get_records (journal, FL_RECORD_RUN);
  fl_journal_range (journal, FL_RECORD_RUN, NULL, end_time, &begin, &end);

  state->n_runs = end - begin;
  if (begin < end)
    {
      first_julian = local_julian (tz, ((FlRecord *) g_ptr_array_index (runs, begin))->time);
      n_days = (int) g_date_get_julian (date) - first_julian + 1;
    }
  state->history_days = n_days;
  last = n_days - 1;

  loads = g_new0 (double, MAX (n_days, 1));
  km = g_new0 (double, MAX (n_days, 1));
  ran = g_new0 (gboolean, MAX (n_days, 1));
  cadence_runs = g_array_new (FALSE, FALSE, sizeof (CadenceRun));

  /* The one pass over the runs */
  for (guint i = begin; i < end; i++)
    {
      const FlRun *run = g_ptr_array_index (runs, i);
      int index, block;
      double usual_pace = prior_km > 0 ? prior_s / prior_km : 0;
      int rpe = run->rpe >= 0 ? run->rpe : fl_training_estimate_rpe (run, usual_pace);

      index = local_julian (tz, run->parent.time) - first_julian;
      if (index < 0 || index > last)
        continue;       /* cannot happen with sorted runs; never index outside */

      loads[index] += fl_training_session_load (run, usual_pace);
      km[index] += run->distance_m / 1000.0;
      ran[index] = TRUE;
      if (index == last)
        max_rpe_today = MAX (max_rpe_today, rpe);
      else if (index == last - 1)
        max_rpe_yesterday = MAX (max_rpe_yesterday, rpe);

      /* The usual pace for the next guess: distance-weighted, runs of 1 km or more */
      if (run->distance_m >= 1000)
        {
          prior_s += run->duration_s;
          prior_km += run->distance_m / 1000.0;
        }

      /* The latest break: 14 days or more without a run between two runs */
      if (prev_index >= 0 && index - prev_index - 1 >= BREAK_DAYS)
        {
          last_before_break = prev_index;
          break_end = index;
          days_off = index - prev_index - 1;
        }
      prev_index = index;

      block = FL_TRAINING_WEEKS - 1 - (last - index) / 7;
      if (run->cadence_spm > 0)
        {
          if (block >= 0)
            {
              cadence_sum[block] += run->cadence_spm;
              cadence_count[block]++;
            }
          if (last - index < CADENCE_DAYS)
            {
              CadenceRun r = {
                run->cadence_spm,
                run->distance_m >= 1000 ? run->duration_s / (run->distance_m / 1000.0) : 0,
                run->rpe,
              };

              g_array_append_val (cadence_runs, r);
            }
          state->cadence_last = run->cadence_spm;
          last_cadence_index = index;
        }
    }

  /* The one pass over the days */
  for (int i = 0; i < n_days; i++)
    {
      ctl_before = state->ctl;
      atl_before = state->atl;
      state->acute = lambda_a * loads[i] + (1 - lambda_a) * state->acute;
      state->chronic = lambda_c * loads[i] + (1 - lambda_c) * state->chronic;
      state->ctl += (loads[i] - state->ctl) / CTL_DAYS;
      state->atl += (loads[i] - state->atl) / ATL_DAYS;

      if (last - i < CHRONIC_DAYS)
        {
          usual_daily_load += loads[i] / CHRONIC_DAYS;
          if (ran[i])
            {
              usual_run_load += loads[i];
              usual_n++;
            }
        }

      if (last - i < 7 * FL_TRAINING_WEEKS)
        state->weekly_km[FL_TRAINING_WEEKS - 1 - (last - i) / 7] += km[i];
    }
  if (usual_n > 0)
    usual_run_load /= usual_n;

  if (n_days > 0)
    state->day_load = loads[last];
  state->tsb = ctl_before - atl_before;
  state->acwr = acwr_of (state->acute, state->chronic, n_days);
  week_figures (loads, n_days, &state->week_load, &state->monotony);
  if (!isnan (state->monotony))
    state->strain = state->week_load * state->monotony;
  state->week_km = state->weekly_km[FL_TRAINING_WEEKS - 1];
  state->previous_week_km = state->weekly_km[FL_TRAINING_WEEKS - 2];

  if (!isnan (state->acwr) && state->acwr > ACWR_HIGH)
    state->flags |= FL_TRAINING_FLAG_ACWR_HIGH;
  else if (!isnan (state->acwr) && state->acwr > ACWR_CAUTION)
    state->flags |= FL_TRAINING_FLAG_ACWR_CAUTION;
  if (!isnan (state->monotony) && state->monotony > MONOTONY_HIGH)
    state->flags |= FL_TRAINING_FLAG_MONOTONY_HIGH;
  /* From nothing, any distance is "up": that is the return ramp's business */
  if (state->previous_week_km > 0 &&
      state->week_km > state->previous_week_km * (1.0 + DISTANCE_JUMP))
    state->flags |= FL_TRAINING_FLAG_DISTANCE_JUMP;

  /* A break still under way (today is day 14 or later without a run)
   * outweighs an earlier one. */
  if (n_days > 0 && last - prev_index >= BREAK_DAYS)
    return_after_break (state, km, n_days, prev_index, -1, last - prev_index);
  else if (break_end >= 0)
    return_after_break (state, km, n_days, last_before_break, break_end, days_off);

  {
    gboolean hard_today = max_rpe_today >= HARD_RPE ||
                          (n_days > 0 && ran[last] && usual_run_load > 0 &&
                           loads[last] >= HARD_LOAD_FACTOR * usual_run_load);

    /* From the usual run day (0) up to a hard one (1) */
    if (max_rpe_today >= HARD_RPE)
      state->high_load = 1.0;
    else if (n_days > 0 && ran[last] && usual_run_load > 0)
      state->high_load = CLAMP ((loads[last] / usual_run_load - 1.0) / (HARD_LOAD_FACTOR - 1.0), 0.0, 1.0);
    gboolean hard_yesterday = max_rpe_yesterday >= HARD_RPE ||
                              (n_days > 1 && ran[last - 1] && usual_run_load > 0 &&
                               loads[last - 1] >= HARD_LOAD_FACTOR * usual_run_load);

    plan_days (state, loads, ran, n_days, hard_today, hard_yesterday, usual_daily_load,
               usual_n >= DAILY_RUNNER_DAYS);
  }

  for (int w = 0; w < FL_TRAINING_WEEKS; w++)
    if (cadence_count[w] > 0)
      state->cadence_weekly[w] = cadence_sum[w] / cadence_count[w];

  state->cadence_baseline = cadence_baseline (cadence_runs);
  if (!isnan (state->cadence_baseline))
    {
      state->cadence_target = (int) lround (state->cadence_baseline * CADENCE_DRILL);
      state->cadence_max = (int) lround (state->cadence_baseline * CADENCE_MAX);

      if (last_cadence_index >= 0 &&
          state->cadence_last <= state->cadence_baseline * CADENCE_DROP)
        {
          GDate day = *date;

          g_date_subtract_days (&day, last - last_cadence_index);
          state->cadence_fatigue = heavy_legs_on (journal, &day);
        }
    }
}

static const struct {
  FlTrainingFlags flag;
  const char     *name;
  const char     *describe;
} flags[] = {
  { FL_TRAINING_FLAG_ACWR_HIGH, "acwr-high",
    N_("This week’s load is more than 1.5 times what you are used to: injury risk rises steeply above that.") },
  { FL_TRAINING_FLAG_ACWR_CAUTION, "acwr-caution",
    N_("This week’s load is more than 1.3 times what you are used to: hold it there rather than add more.") },
  { FL_TRAINING_FLAG_DISTANCE_JUMP, "distance-jump",
    /* xgettext:no-c-format */
    N_("Your weekly distance rose more than 30 % over two weeks: keep next week at this week’s distance.") },
  { FL_TRAINING_FLAG_MONOTONY_HIGH, "monotony-high",
    N_("Your days have been very alike: vary them with easy and rest days.") },
  { FL_TRAINING_FLAG_RETURN_AFTER_BREAK, "return-after-break",
    N_("You are coming back after a break: build up again step by step.") },
};

const char *
fl_training_flag_to_string (FlTrainingFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].flag == flag)
      return flags[i].name;

  g_return_val_if_reached (NULL);
}

const char *
fl_training_flag_describe (FlTrainingFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].flag == flag)
      return _(flags[i].describe);

  g_return_val_if_reached (NULL);
}

const char *
fl_training_day_kind_to_string (FlTrainingDayKind kind)
{
  switch (kind)
    {
    case FL_TRAINING_DAY_REST:
      return "rest";
    case FL_TRAINING_DAY_EASY:
      return "easy";
    case FL_TRAINING_DAY_NORMAL:
    default:
      return "normal";
    }
}

const char *
fl_training_reason_describe (FlTrainingReason reason)
{
  switch (reason)
    {
    case FL_TRAINING_REASON_NO_REST_6_DAYS:
      return _("No rest day in the 6 days before");
    case FL_TRAINING_REASON_TWO_HARD_DAYS:
      return _("Two hard days in a row");
    case FL_TRAINING_REASON_ACWR_HIGH:
      return _("Load ratio above 1.5");
    case FL_TRAINING_REASON_ACWR_CAUTION:
      return _("Load ratio above 1.3");
    case FL_TRAINING_REASON_MONOTONY_HIGH:
      return _("Days too alike: make this one different");
    case FL_TRAINING_REASON_DISTANCE_JUMP:
      return _("Weekly distance up more than 30 %");
    case FL_TRAINING_REASON_RETURN_AFTER_BREAK:
      return _("Coming back after a break");
    case FL_TRAINING_REASON_NONE:
    default:
      return _("No flag raised");
    }
}

/* Borg's CR-10 scale, as Foster's session RPE uses it */
int
fl_training_sleep_extra_min (FlJournal   *journal,
                             const GDate *day,
                             gpointer     user_data)
{
  FlTrainingState state;

  fl_training_state_init (&state, journal, day);

  /* DESIGN.md "Sleep": up to 45 minutes more after a high-load day */
  return (int) round (state.high_load * FL_SLEEP_MAX_LOAD_EXTRA_MIN);
}

const char *
fl_training_rpe_word (int rpe)
{
  static const char * const words[] = {
    NC_("CR-10 effort", "Rest"),
    NC_("CR-10 effort", "Very, very easy"),
    NC_("CR-10 effort", "Easy"),
    NC_("CR-10 effort", "Moderate"),
    NC_("CR-10 effort", "Somewhat hard"),
    NC_("CR-10 effort", "Hard"),
    NC_("CR-10 effort", "Hard"),
    NC_("CR-10 effort", "Very hard"),
    NC_("CR-10 effort", "Very hard"),
    NC_("CR-10 effort", "Very hard"),
    NC_("CR-10 effort", "Maximal"),
  };

  g_return_val_if_fail (rpe >= 0 && rpe <= 10, "");

  return g_dpgettext2 (GETTEXT_PACKAGE, "CR-10 effort", words[rpe]);
}

/* Figures as a person reads them: a ratio to 2 decimals, loads to 1 */
static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value,
            double       scale)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (value * scale) / scale);
}

/* Steps per minute: a whole number, or null for 0 (none) */
static void
add_count (JsonBuilder *builder,
           const char  *name,
           int          value)
{
  json_builder_set_member_name (builder, name);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const GDate *date)
{
  char iso[16];

  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  json_builder_add_string_value (builder, iso);
}

JsonNode *
fl_training_build_json (FlJournal   *journal,
                        const GDate *date)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FlTrainingState state;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  fl_training_state_init (&state, journal, date);

  json_builder_begin_object (builder);
  add_number (builder, "acwr", state.acwr, 100);
  add_number (builder, "ctl", state.ctl, 10);
  add_number (builder, "atl", state.atl, 10);
  add_number (builder, "tsb", state.tsb, 10);
  add_number (builder, "monotony", state.monotony, 100);
  add_number (builder, "strain", state.strain, 10);
  add_number (builder, "week_km", state.week_km, 10);
  add_number (builder, "previous_week_km", state.previous_week_km, 10);

  json_builder_set_member_name (builder, "flags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (state.flags & flags[i].flag)
      json_builder_add_string_value (builder, flags[i].name);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (int p = 0; p < FL_TRAINING_PLAN_DAYS; p++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      add_date (builder, &state.plan[p].date);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, fl_training_day_kind_to_string (state.plan[p].kind));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, fl_training_reason_describe (state.plan[p].reason));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "cadence");
  json_builder_begin_object (builder);
  add_number (builder, "baseline_spm", state.cadence_baseline, 10);
  add_count (builder, "last_spm", state.cadence_last);
  add_count (builder, "drill_spm", state.cadence_target);
  add_count (builder, "max_spm", state.cadence_max);
  json_builder_set_member_name (builder, "fatigue_sign");
  json_builder_add_boolean_value (builder, state.cadence_fatigue);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "return_after_break");
  if (state.flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "weeks_off");
      json_builder_add_int_value (builder, state.weeks_off);
      json_builder_set_member_name (builder, "beginner");
      json_builder_add_boolean_value (builder, state.beginner);
      json_builder_set_member_name (builder, "in_break");
      json_builder_add_boolean_value (builder, state.in_break);
      add_number (builder, "earlier_week_km", state.earlier_week_km, 10);
      json_builder_set_member_name (builder, "caps_km");
      json_builder_begin_array (builder);
      for (int w = 0; w < state.n_caps; w++)
        json_builder_add_double_value (builder, round (state.caps_km[w] * 10) / 10);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "week");
      json_builder_add_int_value (builder, state.ramp_week);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

GDateTime *
fl_training_rest_day_due (FlJournal *journal,
                          int        time_min,
                          GDateTime *last_fired,
                          GDateTime *now)
{
  GDate date;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (time_min >= 0 && time_min < 24 * 60, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  fl_date_from_date_time (now, &date);
  for (int i = 0; i < 2; i++, g_date_add_days (&date, 1))
    {
      g_autoptr(GDateTime) due = NULL;
      FlTrainingState state;

      /* The plan as it stands for that evening: tomorrow is its first day */
      fl_training_state_init (&state, journal, &date);
      if (state.plan[0].kind != FL_TRAINING_DAY_REST)
        continue;

      due = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), time_min / 60, time_min % 60, 0);
      if (due == NULL)
        continue;
      /* Once an evening */
      if (last_fired != NULL && g_date_time_compare (last_fired, due) >= 0)
        continue;

      return g_steal_pointer (&due);
    }

  return NULL;
}

FlReminder *
fl_training_rest_day_build (FlJournal *journal,
                            GDateTime *due)
{
  g_autofree char *body = NULL;
  FlTrainingState state;
  FlReminder *reminder;
  GDate date;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (due != NULL, NULL);

  fl_date_from_date_time (due, &date);
  fl_training_state_init (&state, journal, &date);

  /* Translators: %s says why, e.g. "Two hard days in a row" */
  body = g_strdup_printf (_("%s. A day off lets your legs recover and come back fresher."),
                          fl_training_reason_describe (state.plan[0].reason));
  reminder = fl_reminder_new ("rest-day", due, _("Tomorrow is a rest day"), body);
  /* Translators: a button on the rest-day reminder */
  fl_reminder_add_action (reminder, _("Open Plan"), "app.show-page", g_variant_new_string ("training"));

  return reminder;
}
