/* fl-cooldown-stats.c: what the journal says about a runner's cool-downs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-clock.h"
#include "fl-cooldown-stats.h"
#include "fl-stretch-session.h"

static void
count_week (FlCooldownStats *out,
            FlJournal       *journal,
            const GDate     *today)
{
  g_autoptr(GDateTime) monday_midnight = NULL;
  g_autoptr(GDateTime) today_midnight = NULL;
  g_autoptr(GDateTime) tomorrow_midnight = NULL;
  GPtrArray *cooldowns = fl_journal_get_records (journal, FL_RECORD_COOLDOWN);
  GDate monday = *today;
  GDate tomorrow = *today;
  guint begin, end;

  /* ISO 8601 weeks start on Monday (G_DATE_MONDAY is 1) */
  g_date_subtract_days (&monday, g_date_get_weekday (today) - G_DATE_MONDAY);
  g_date_add_days (&tomorrow, 1);
  /* Local midnights: a week with a DST change has a 23- or 25-hour day */
  monday_midnight = fl_date_to_local_midnight (&monday);
  today_midnight = fl_date_to_local_midnight (today);
  tomorrow_midnight = fl_date_to_local_midnight (&tomorrow);

  fl_journal_range (journal, FL_RECORD_COOLDOWN, monday_midnight, tomorrow_midnight, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      FlRecord *record = g_ptr_array_index (cooldowns, i);
      FlCooldown *cooldown = FL_COOLDOWN (record);

      /* A session stopped before its first hold ran out did nothing */
      if (cooldown->steps_done == 0)
        continue;

      out->week_cooldowns++;
      if (cooldown->steps_done >= cooldown->steps_total)
        out->week_complete++;
      out->week_time += g_date_time_difference (cooldown->end, record->time);
    }

  out->done_today = fl_cooldown_logged_between (journal, today_midnight, tomorrow_midnight);
}

static void
count_recent_runs (FlCooldownStats *out,
                   FlJournal       *journal,
                   const GDate     *today)
{
  g_autoptr(GDateTime) first_midnight = NULL;
  g_autoptr(GDateTime) tomorrow_midnight = NULL;
  GPtrArray *runs = fl_journal_get_records (journal, FL_RECORD_RUN);
  GDate first = *today;
  GDate tomorrow = *today;
  guint begin, end;

  g_date_subtract_days (&first, FL_COOLDOWN_STATS_DAYS - 1);
  g_date_add_days (&tomorrow, 1);
  first_midnight = fl_date_to_local_midnight (&first);
  tomorrow_midnight = fl_date_to_local_midnight (&tomorrow);

  fl_journal_range (journal, FL_RECORD_RUN, first_midnight, tomorrow_midnight, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      g_autoptr(GDateTime) run_end = fl_run_get_end (FL_RUN (g_ptr_array_index (runs, i)));
      g_autoptr(GDateTime) window_end = g_date_time_add (run_end, FL_COOLDOWN_WINDOW);

      out->recent_runs++;
      if (fl_cooldown_logged_between (journal, run_end, window_end))
        out->recent_runs_with_cooldown++;
    }
}

void
fl_cooldown_stats_init (FlCooldownStats *out,
                        FlJournal       *journal,
                        const GDate     *today)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (FL_IS_JOURNAL (journal));
  g_return_if_fail (today != NULL && g_date_valid (today));

  *out = (FlCooldownStats) { 0, };
  count_week (out, journal, today);
  count_recent_runs (out, journal, today);
}

char *
fl_cooldown_format_clock (int seconds)
{
  seconds = MAX (seconds, 0);

  if (seconds >= 3600)
    /* Translators: hours, minutes and seconds on a clock, "1:05:00" */
    return g_strdup_printf (_("%d:%02d:%02d"), seconds / 3600, seconds / 60 % 60, seconds % 60);

  /* Translators: minutes and seconds on a clock, "10:00" */
  return g_strdup_printf (_("%d:%02d"), seconds / 60, seconds % 60);
}

char *
fl_cooldown_describe (const FlCooldown *cooldown)
{
  const FlRecord *record = (const FlRecord *) cooldown;
  GTimeSpan span;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (cooldown != NULL && record->kind == FL_RECORD_COOLDOWN, NULL);

  span = g_date_time_difference (cooldown->end, record->time);
  clock = fl_cooldown_format_clock ((int) ((span + G_TIME_SPAN_SECOND / 2) / G_TIME_SPAN_SECOND));

  if (cooldown->steps_done >= cooldown->steps_total)
    /* Translators: what a finished cool-down did: "17 stretches, 10:00" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d stretch, %s", "%d stretches, %s",
                                         cooldown->steps_done),
                            cooldown->steps_done, clock);

  /* Translators: what a cool-down stopped early did: "5 of 17 stretches, 3:40" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d stretch, %s", "%d of %d stretches, %s",
                                       cooldown->steps_total),
                          cooldown->steps_done, cooldown->steps_total, clock);
}
