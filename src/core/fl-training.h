/* fl-training.h: training load, rest days, the return after a break, cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fl-journal.h"
#include "fl-reminder.h"

G_BEGIN_DECLS

/* Weeks of distance (and of cadence) the state keeps for charts: rolling
 * 7-day blocks, the last one ending on the state's date. */
#define FL_TRAINING_WEEKS      12
#define FL_TRAINING_PLAN_DAYS  7
/* The longest return ramp the state describes (more weeks off: beginner) */
#define FL_TRAINING_MAX_RAMP_WEEKS 12

typedef enum {
  FL_TRAINING_FLAG_ACWR_HIGH         = 1 << 0,
  FL_TRAINING_FLAG_ACWR_CAUTION      = 1 << 1,
  FL_TRAINING_FLAG_DISTANCE_JUMP     = 1 << 2,
  FL_TRAINING_FLAG_MONOTONY_HIGH     = 1 << 3,
  FL_TRAINING_FLAG_RETURN_AFTER_BREAK = 1 << 4,
} FlTrainingFlags;

#define FL_TRAINING_N_FLAGS 5

typedef enum {
  FL_TRAINING_DAY_REST,
  FL_TRAINING_DAY_EASY,
  FL_TRAINING_DAY_NORMAL,
} FlTrainingDayKind;

/* Why a plan day is what it is; the text comes from fl_training_reason_describe() */
typedef enum {
  FL_TRAINING_REASON_NONE,              /* normal: nothing speaks against it */
  FL_TRAINING_REASON_NO_REST_6_DAYS,    /* rest: no rest day in the last 6 days */
  FL_TRAINING_REASON_TWO_HARD_DAYS,     /* rest: two hard days in a row */
  FL_TRAINING_REASON_ACWR_HIGH,         /* rest */
  FL_TRAINING_REASON_ACWR_CAUTION,      /* easy */
  FL_TRAINING_REASON_MONOTONY_HIGH,     /* easy */
  FL_TRAINING_REASON_DISTANCE_JUMP,     /* easy */
  FL_TRAINING_REASON_RETURN_AFTER_BREAK, /* easy */
} FlTrainingReason;

typedef struct
{
  GDate             date;
  FlTrainingDayKind kind;
  FlTrainingReason  reason;
} FlTrainingPlanDay;

typedef struct
{
  GDate    date;                /* the day the figures are for (runs up to its end) */
  guint    n_runs;              /* runs up to the end of @date */
  int      history_days;        /* from the first run's day to @date, both counted; 0 without runs */

  double   day_load;            /* @date's session load (RPE × minutes) */
  double   high_load;           /* 0..1: how far @date was a hard day (1: RPE ≥ 7, or
                                 * 1.5 × the usual run day's load or more) */
  double   acute;               /* EWMA of daily load, N = 7 */
  double   chronic;             /* EWMA of daily load, N = 28 */
  double   acwr;                /* acute / chronic; NAN before 28 days of history */
  double   ctl;                 /* fitness, τ 42 d, including @date */
  double   atl;                 /* fatigue, τ 7 d, including @date */
  double   tsb;                 /* form: CTL − ATL of the day before @date */
  double   week_load;           /* the 7 days ending on @date */
  double   monotony;            /* NAN when the 7 days carry no load */
  double   strain;              /* week_load × monotony; NAN with it */

  double   week_km;             /* the 7 days ending on @date */
  double   previous_week_km;    /* the 7 days before those */
  double   weekly_km[FL_TRAINING_WEEKS];       /* oldest first; the last is week_km */
  GDate    week_start[FL_TRAINING_WEEKS];      /* first day of each block */

  guint    flags;               /* FlTrainingFlags */

  /* Return after a break (14 days or more without a run): weeks_off is 0
   * when there is none to speak of. caps_km holds one cap per week of the
   * ramp, from ramp_start; after them, 100 % again. */
  int      weeks_off;
  gboolean beginner;            /* more than 12 weeks off: start as a beginner */
  gboolean in_break;            /* no run yet since the break */
  GDate    ramp_start;          /* the first day back (valid when !in_break) */
  double   earlier_week_km;     /* the weekly distance before the break */
  int      n_caps;
  double   caps_km[FL_TRAINING_MAX_RAMP_WEEKS];
  int      ramp_week;           /* the current week of the ramp, 0-based */

  FlTrainingPlanDay plan[FL_TRAINING_PLAN_DAYS];   /* the 7 days after @date */

  /* Cadence (steps per minute), from the runs that carry one */
  double   cadence_baseline;    /* median of the easy runs of the last 90 days; NAN without 3 */
  int      cadence_last;        /* the latest run's; 0 without any */
  int      cadence_target;      /* the drill: baseline + 5 %; 0 without a baseline */
  int      cadence_max;         /* never more than baseline + 10 % */
  double   cadence_weekly[FL_TRAINING_WEEKS];  /* mean per week block; NAN when none */
  gboolean cadence_fatigue;     /* the latest run ≥ 5 % under baseline on a heavy-legs day */
} FlTrainingState;

/* Session load of one run: RPE × minutes (Foster 2001, session RPE). Runs
 * without an RPE get fl_training_estimate_rpe() with @usual_pace_s_per_km
 * (the runner's mean pace before this run, 0 when unknown). */
double      fl_training_session_load  (const FlRun       *run,
                                       double             usual_pace_s_per_km);
int         fl_training_estimate_rpe  (const FlRun       *run,
                                       double             usual_pace_s_per_km);

/* Everything for @date from the runs up to its end, in one pass over them. */
void        fl_training_state_init    (FlTrainingState   *state,
                                       FlJournal         *journal,
                                       const GDate       *date);

/* What the night after @day needs on top, for sleep (an FlSleepLoadFunc):
 * up to 45 minutes after a hard day, in proportion to high_load. */
int         fl_training_sleep_extra_min (FlJournal       *journal,
                                         const GDate     *day,
                                         gpointer         user_data);

/* "acwr-high", …: the stable names scripts read */
const char *fl_training_flag_to_string (FlTrainingFlags   flag);
/* One translated sentence per flag, plain words */
const char *fl_training_flag_describe  (FlTrainingFlags   flag);
const char *fl_training_day_kind_to_string (FlTrainingDayKind kind);
/* One translated sentence */
const char *fl_training_reason_describe (FlTrainingReason reason);

/* The "training" section of `today --json`:
 * {"acwr": number|null, "ctl", "atl", "tsb", "monotony": number|null,
 *  "strain": number|null, "week_km", "previous_week_km", "flags": [...],
 *  "plan": [{"date", "kind": "rest"|"easy"|"normal", "reason"}],
 *  "cadence": {"baseline_spm": number|null, "last_spm": int|null,
 *              "drill_spm": int|null, "max_spm": int|null, "fatigue_sign": bool},
 *  "return_after_break": null|{"weeks_off", "beginner", "in_break",
 *                              "earlier_week_km", "caps_km": [...], "week"}} */
JsonNode   *fl_training_build_json     (FlJournal         *journal,
                                        const GDate       *date);

/* The rest-day reminder ("rest-day"): the evening before a suggested rest
 * day, at @time_min minutes after local midnight, once per evening
 * (@last_fired: when it last fired, or NULL). Today's evening if tomorrow
 * is a rest day (already past: at once, once), else tomorrow's; NULL when
 * neither. (transfer full) */
#define FL_TRAINING_REST_DAY_TIME (20 * 60)
GDateTime  *fl_training_rest_day_due   (FlJournal         *journal,
                                        int                time_min,
                                        GDateTime         *last_fired,
                                        GDateTime         *now);
/* "Tomorrow is a rest day" with the reason and an "Open plan" button
 * (app.show-page "training") */
FlReminder *fl_training_rest_day_build (FlJournal         *journal,
                                        GDateTime         *due);

/* CR-10 words for an effort 0..10 ("Moderate"), translated */
const char *fl_training_rpe_word       (int               rpe);

G_END_DECLS
