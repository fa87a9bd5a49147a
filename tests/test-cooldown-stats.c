/* test-cooldown-stats.c: this week's cool-downs, and runs followed by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TZ is Europe/Berlin (tests/meson.build). 2026-11-27 is a Friday: its
 * week runs from Monday 23 to Sunday 29 November.
 */
#include "config.h"

#include "fl-cooldown-stats.h"
#include "fl-stretch-session.h"
#include "fl-today.h"

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

static void
add_run (FlJournal  *journal,
         const char *start,
         int         minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = at (start);
  g_autoptr(FlRecord) run = fl_run_new (time, minutes * 60, 8000);

  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

static void
add_cooldown (FlJournal  *journal,
              const char *start,
              int         seconds,
              int         steps_done,
              int         steps_total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = at (start);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_COOLDOWN, time);
  FlCooldown *cooldown = FL_COOLDOWN (record);

  cooldown->end = g_date_time_add_seconds (time, seconds);
  cooldown->routine = g_strdup ("post-run-10");
  cooldown->steps_done = steps_done;
  cooldown->steps_total = steps_total;
  g_assert_true (fl_journal_add (journal, record, &error));
  g_assert_no_error (error);
}

static FlCooldownStats
stats_for (FlJournal *journal,
           int        year,
           int        month,
           int        day)
{
  FlCooldownStats stats;
  GDate date;

  set_date (&date, year, month, day);
  fl_cooldown_stats_init (&stats, journal, &date);

  return stats;
}

/* An empty journal: nothing this week, no runs */
static void
test_empty (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlCooldownStats stats = stats_for (journal, 2026, 11, 27);

  g_assert_cmpuint (stats.week_cooldowns, ==, 0);
  g_assert_cmpuint (stats.week_complete, ==, 0);
  g_assert_cmpint (stats.week_time, ==, 0);
  g_assert_false (stats.done_today);
  g_assert_cmpuint (stats.recent_runs, ==, 0);
  g_assert_cmpuint (stats.recent_runs_with_cooldown, ==, 0);
}

/* The week is Monday 00:00 to today, in local time: Sunday night before
 * does not count, Monday just after midnight does; a partial cool-down
 * counts, one with no hold done does not. */
static void
test_week (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlCooldownStats stats;

  add_cooldown (journal, "2026-11-22T23:50:00+01:00", 600, 17, 17);  /* Sunday before */
  add_cooldown (journal, "2026-11-23T00:05:00+01:00", 600, 17, 17);  /* Monday */
  add_cooldown (journal, "2026-11-25T18:00:00+01:00", 215, 5, 17);   /* Wednesday, stopped early */
  add_cooldown (journal, "2026-11-26T18:00:00+01:00", 20, 0, 17);    /* stopped in the lead-in */

  stats = stats_for (journal, 2026, 11, 27);
  g_assert_cmpuint (stats.week_cooldowns, ==, 2);
  g_assert_cmpuint (stats.week_complete, ==, 1);
  g_assert_cmpint (stats.week_time, ==, (600 + 215) * G_TIME_SPAN_SECOND);
  g_assert_false (stats.done_today);

  add_cooldown (journal, "2026-11-27T08:15:00+01:00", 612, 17, 17);
  stats = stats_for (journal, 2026, 11, 27);
  g_assert_cmpuint (stats.week_cooldowns, ==, 3);
  g_assert_cmpuint (stats.week_complete, ==, 2);
  g_assert_cmpint (stats.week_time, ==, (600 + 215 + 612) * G_TIME_SPAN_SECOND);
  g_assert_true (stats.done_today);

  /* On Monday the 30th a new week starts: nothing yet */
  stats = stats_for (journal, 2026, 11, 30);
  g_assert_cmpuint (stats.week_cooldowns, ==, 0);
  g_assert_false (stats.done_today);

  /* Seen from Monday the 23rd, the Sunday before is last week */
  stats = stats_for (journal, 2026, 11, 23);
  g_assert_cmpuint (stats.week_cooldowns, ==, 1);
  g_assert_true (stats.done_today);
}

/* The week of the change back from summer time (Sunday 25 October 2026 has
 * 25 hours): its last hour still belongs to it. */
static void
test_week_across_dst (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlCooldownStats stats;

  add_cooldown (journal, "2026-10-19T00:30:00+02:00", 600, 17, 17);  /* Monday, summer time */
  add_cooldown (journal, "2026-10-25T23:30:00+01:00", 600, 17, 17);  /* Sunday, winter time */
  add_cooldown (journal, "2026-10-26T00:10:00+01:00", 600, 17, 17);  /* next Monday */

  stats = stats_for (journal, 2026, 10, 25);
  g_assert_cmpuint (stats.week_cooldowns, ==, 2);
  g_assert_true (stats.done_today);

  stats = stats_for (journal, 2026, 10, 26);
  g_assert_cmpuint (stats.week_cooldowns, ==, 1);
}

/* A run is followed by a cool-down when one starts within 2 hours of its
 * end; the runs are those of the 14 days up to today. */
static void
test_runs_followed (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  FlCooldownStats stats;

  /* 15 days before: outside the window, even with its cool-down */
  add_run (journal, "2026-11-12T07:00:00+01:00", 45);
  add_cooldown (journal, "2026-11-12T07:50:00+01:00", 600, 17, 17);
  /* 14th day back: inside; cool-down 5 minutes after the end */
  add_run (journal, "2026-11-14T07:00:00+01:00", 45);
  add_cooldown (journal, "2026-11-14T07:50:00+01:00", 600, 17, 17);
  /* Cool-down 2 h 10 min after the end: too late to count */
  add_run (journal, "2026-11-18T18:00:00+01:00", 60);
  add_cooldown (journal, "2026-11-18T21:10:00+01:00", 600, 17, 17);
  /* No cool-down at all */
  add_run (journal, "2026-11-21T09:00:00+01:00", 90);
  /* Stopped early, but with holds done: it was done */
  add_run (journal, "2026-11-25T18:00:00+01:00", 30);
  add_cooldown (journal, "2026-11-25T18:31:00+01:00", 200, 4, 17);
  /* Stopped before the first hold ran out: not a cool-down */
  add_run (journal, "2026-11-26T18:00:00+01:00", 30);
  add_cooldown (journal, "2026-11-26T18:31:00+01:00", 10, 0, 17);
  /* Today, just finished: none yet */
  add_run (journal, "2026-11-27T09:00:00+01:00", 50);

  stats = stats_for (journal, 2026, 11, 27);
  g_assert_cmpuint (stats.recent_runs, ==, 6);
  g_assert_cmpuint (stats.recent_runs_with_cooldown, ==, 2);
  g_assert_false (stats.done_today);

  /* One started 1 h 59 min after the end counts */
  add_cooldown (journal, "2026-11-27T11:49:00+01:00", 600, 17, 17);
  stats = stats_for (journal, 2026, 11, 27);
  g_assert_cmpuint (stats.recent_runs_with_cooldown, ==, 3);
  g_assert_true (stats.done_today);
}

/* The page and `fresh-legs today --json` say the same thing */
static void
test_agrees_with_today (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *cooldown, *last;
  FlCooldownStats stats;
  GDate date;

  add_run (journal, "2026-11-20T07:00:00+01:00", 45);
  add_cooldown (journal, "2026-11-20T07:46:00+01:00", 600, 17, 17);
  add_run (journal, "2026-11-24T07:00:00+01:00", 45);
  add_run (journal, "2026-11-27T07:00:00+01:00", 45);
  add_cooldown (journal, "2026-11-27T07:50:00+01:00", 300, 8, 17);

  set_date (&date, 2026, 11, 27);
  fl_cooldown_stats_init (&stats, journal, &date);
  node = fl_today_build_json (journal, &date);
  g_assert_true (json_object_has_member (json_node_get_object (node), "cooldown"));
  cooldown = json_object_get_object_member (json_node_get_object (node), "cooldown");
  last = json_object_get_object_member (cooldown, "last_14d");

  g_assert_cmpuint (stats.recent_runs, ==, 3);
  g_assert_cmpuint (stats.recent_runs_with_cooldown, ==, 2);
  g_assert_cmpint (json_object_get_int_member (last, "runs"), ==, stats.recent_runs);
  g_assert_cmpint (json_object_get_int_member (last, "runs_with_cooldown"), ==, stats.recent_runs_with_cooldown);
  g_assert_cmpint (json_object_get_boolean_member (cooldown, "done_today"), ==, stats.done_today);
}

/* The clock a runner reads, and what the done page and notification say */
static void
test_describe (void)
{
  g_autoptr(GDateTime) start = at ("2026-11-27T08:00:00+01:00");
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_COOLDOWN, start);
  FlCooldown *cooldown = FL_COOLDOWN (record);
  g_autofree char *clock_0 = fl_cooldown_format_clock (0);
  g_autofree char *clock_5 = fl_cooldown_format_clock (5);
  g_autofree char *clock_600 = fl_cooldown_format_clock (600);
  g_autofree char *clock_3900 = fl_cooldown_format_clock (3900);
  g_autofree char *clock_negative = fl_cooldown_format_clock (-3);
  g_autofree char *complete = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *one = NULL;

  g_assert_cmpstr (clock_0, ==, "0:00");
  g_assert_cmpstr (clock_5, ==, "0:05");
  g_assert_cmpstr (clock_600, ==, "10:00");
  g_assert_cmpstr (clock_3900, ==, "1:05:00");
  g_assert_cmpstr (clock_negative, ==, "0:00");

  /* 10:00.4 on the real clock reads 10:00 */
  cooldown->end = g_date_time_add (start, 600 * G_TIME_SPAN_SECOND + 400 * G_TIME_SPAN_MILLISECOND);
  cooldown->routine = g_strdup ("post-run-10");
  cooldown->steps_done = 17;
  cooldown->steps_total = 17;
  complete = fl_cooldown_describe (cooldown);
  g_assert_cmpstr (complete, ==, "17 stretches, 10:00");

  g_clear_pointer (&cooldown->end, g_date_time_unref);
  cooldown->end = g_date_time_add_seconds (start, 219.6);
  cooldown->steps_done = 5;
  partial = fl_cooldown_describe (cooldown);
  g_assert_cmpstr (partial, ==, "5 of 17 stretches, 3:40");

  cooldown->steps_done = 1;
  cooldown->steps_total = 1;
  one = fl_cooldown_describe (cooldown);
  g_assert_cmpstr (one, ==, "1 stretch, 3:40");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/cooldown-stats/empty", test_empty);
  g_test_add_func ("/fl/cooldown-stats/week", test_week);
  g_test_add_func ("/fl/cooldown-stats/week-across-dst", test_week_across_dst);
  g_test_add_func ("/fl/cooldown-stats/runs-followed", test_runs_followed);
  g_test_add_func ("/fl/cooldown-stats/agrees-with-today", test_agrees_with_today);
  g_test_add_func ("/fl/cooldown-stats/describe", test_describe);

  return g_test_run ();
}
