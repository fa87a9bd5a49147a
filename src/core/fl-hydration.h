/* fl-hydration.h: how much to drink today, and whether the runner is behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fl-journal.h"

G_BEGIN_DECLS

#define FL_HYDRATION_ERROR (fl_hydration_error_quark ())

typedef enum {
  FL_HYDRATION_ERROR_INPUT,     /* a weigh-in value out of range or inconsistent */
} FlHydrationError;

GQuark fl_hydration_error_quark (void);

typedef struct
{
  const FlRun *run;             /* owned by the journal */
  double       sweat_rate_l_h;  /* the rate used for this run */
  gboolean     measured_rate;   /* the runner's own rate, from a weigh-in */
  int          ml;              /* added to the day's goal: loss × 1.5 */
} FlHydrationRun;

typedef struct
{
  GDate    date;
  gboolean profile_is_default;
  int      base_ml;
  int      runs_ml;
  int      goal_ml;             /* base_ml + runs_ml */
  int      drunk_ml;
  GArray  *runs;                /* of FlHydrationRun, in start order */
} FlHydrationDay;

/* Base goal from drinks by sex (EFSA 2010) */
int      fl_hydration_base_ml        (const FlProfile *profile);
/* Sweat rate for a run: the measured one, else 1.0 L/h, 1.3 L/h above 25 °C */
double   fl_hydration_sweat_rate     (const FlProfile *profile,
                                      const FlRun     *run,
                                      gboolean        *out_measured);
/* What a run adds to the goal: its sweat loss × 1.5 (ACSM 2007) */
int      fl_hydration_run_ml         (const FlProfile *profile,
                                      const FlRun     *run);

void     fl_hydration_day_init       (FlHydrationDay  *day,
                                      FlJournal       *journal,
                                      const GDate     *date);
void     fl_hydration_day_clear      (FlHydrationDay  *day);
/* One translated line: "1.6 L base + 1.95 L for this morning's 60-minute run at 28 °C" */
char    *fl_hydration_day_describe   (const FlHydrationDay *day);

/* Pace: the goal spread evenly between @wake and @last_call (an hour before
 * bedtime), what should have been drunk by @at. */
int      fl_hydration_expected_ml    (const FlHydrationDay *day,
                                      GDateTime       *wake,
                                      GDateTime       *last_call,
                                      GDateTime       *at);
/* The first moment at or after @from when the runner is behind pace by
 * FL_HYDRATION_BEHIND_ML or more, or NULL if not before @last_call. */
#define FL_HYDRATION_BEHIND_ML 250
GDateTime *fl_hydration_behind_at    (const FlHydrationDay *day,
                                      GDateTime       *wake,
                                      GDateTime       *last_call,
                                      GDateTime       *from);

/* The runner's own sweat rate from a weigh-in: (before − after + drunk) / time */
gboolean fl_hydration_sweat_rate_from_weigh_in (double   before_kg,
                                                double   after_kg,
                                                int      drunk_ml,
                                                int      minutes,
                                                double  *out_l_h,
                                                GError **error);

/* "1.6 L", "250 ml": translated, for lines and labels */
char    *fl_format_volume            (int ml);

G_END_DECLS
