/* fl-cooldown-stats.h: what the journal says about a runner's cool-downs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fl-journal.h"

G_BEGIN_DECLS

/* The days of "recent runs": the 14 days up to and including today, the
 * span the diagnosis looks at (DESIGN.md "Diagnosis") and `today --json`
 * reports as "last_14d". */
#define FL_COOLDOWN_STATS_DAYS 14

typedef struct
{
  /* This calendar week, Monday (ISO 8601) to today: cool-downs with at
   * least one hold done, those of them done to the end, and their time
   * from start to end (pauses included: the time the runner gave it). */
  guint     week_cooldowns;
  guint     week_complete;
  GTimeSpan week_time;
  gboolean  done_today;
  /* Runs that started in the FL_COOLDOWN_STATS_DAYS days up to today, and
   * those of them followed by a cool-down: one that started within
   * FL_COOLDOWN_WINDOW of the run's end (fl_cooldown_logged_between(), the
   * rule `today --json` uses). */
  guint     recent_runs;
  guint     recent_runs_with_cooldown;
} FlCooldownStats;

/* Fills @out from @journal for the local calendar day @today. Pure: the
 * same journal and day give the same figures. */
void fl_cooldown_stats_init (FlCooldownStats *out,
                             FlJournal       *journal,
                             const GDate     *today);

/* A span of whole seconds as a clock shows it: "0:05", "10:00", "1:05:00".
 * Negative spans count as 0. */
char *fl_cooldown_format_clock (int               seconds);
/* What a logged cool-down did, in a few words, translated: "17 stretches,
 * 10:00" when done to the end, "5 of 17 stretches, 3:40" when stopped early
 * (a stretch is one hold: one side of a stretch). The time is from start to
 * end, to the nearest second. */
char *fl_cooldown_describe     (const FlCooldown *cooldown);

G_END_DECLS
