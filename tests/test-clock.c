/* test-clock.c: the test clock and the system clock keep their deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fl-clock.h"
#include "fl-day-watch.h"
#include "fl-system-clock.h"
#include "fl-test-clock.h"

typedef struct
{
  GString *log;
  FlClock *clock;
} Recorder;

static gboolean
record_now (gpointer data)
{
  Recorder *r = data;
  g_autoptr(GDateTime) now = fl_clock_now (r->clock);
  g_autofree char *text = g_date_time_format (now, "%H:%M;");

  g_string_append (r->log, text);
  return G_SOURCE_REMOVE;
}

static void
on_time_changed (FlClock *clock,
                 int     *count)
{
  (*count)++;
}

static GDateTime *
local_time (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

static void
test_advance_fires_in_order (void)
{
  g_autoptr(FlTestClock) clock = fl_test_clock_new ("2026-11-27T07:30:00+01:00");
  Recorder r = { g_string_new (NULL), FL_CLOCK (clock) };
  g_autoptr(GDateTime) at9 = local_time (2026, 11, 27, 9, 0);
  g_autoptr(GDateTime) at8 = local_time (2026, 11, 27, 8, 0);
  g_autoptr(GDateTime) at10 = local_time (2026, 11, 27, 10, 0);
  guint removed;

  fl_clock_add_wall_deadline (FL_CLOCK (clock), at9, record_now, &r, NULL);
  fl_clock_add_wall_deadline (FL_CLOCK (clock), at8, record_now, &r, NULL);
  removed = fl_clock_add_wall_deadline (FL_CLOCK (clock), at10, record_now, &r, NULL);
  /* 60 min of monotonic time from now: 08:30 on the wall */
  fl_clock_add_monotonic_deadline (FL_CLOCK (clock),
                                   fl_clock_monotonic_us (FL_CLOCK (clock)) + 60 * G_TIME_SPAN_MINUTE,
                                   record_now, &r, NULL);
  fl_clock_remove (FL_CLOCK (clock), removed);

  fl_test_clock_advance (clock, 3 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (r.log->str, ==, "08:00;08:30;09:00;");
  g_assert_cmpuint (fl_test_clock_n_pending (clock), ==, 0);

  {
    g_autoptr(GDateTime) now = fl_clock_now (FL_CLOCK (clock));
    g_assert_cmpint (g_date_time_get_hour (now), ==, 10);
    g_assert_cmpint (g_date_time_get_minute (now), ==, 30);
  }

  g_string_free (r.log, TRUE);
}

static void
test_set_and_suspend (void)
{
  g_autoptr(FlTestClock) clock = fl_test_clock_new ("2026-11-27T07:30:00+01:00");
  Recorder r = { g_string_new (NULL), FL_CLOCK (clock) };
  g_autoptr(GDateTime) at9 = local_time (2026, 11, 27, 9, 0);
  gint64 mono_before = fl_clock_monotonic_us (FL_CLOCK (clock));
  int changed = 0;

  g_signal_connect (clock, "time-changed", G_CALLBACK (on_time_changed), &changed);
  fl_clock_add_wall_deadline (FL_CLOCK (clock), at9, record_now, &r, NULL);
  fl_clock_add_monotonic_deadline (FL_CLOCK (clock), mono_before + G_TIME_SPAN_MINUTE,
                                   record_now, &r, NULL);

  /* A suspend of two hours: the wall deadline is due, the monotonic one is not. */
  fl_test_clock_suspend (clock, 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpstr (r.log->str, ==, "09:30;");
  g_assert_cmpint (fl_clock_monotonic_us (FL_CLOCK (clock)), ==, mono_before);
  g_assert_cmpuint (fl_test_clock_n_pending (clock), ==, 1);

  /* Setting the clock back fires nothing and is reported. */
  fl_test_clock_set (clock, "2026-11-27T06:00:00+01:00");
  g_assert_cmpint (changed, ==, 2);
  g_assert_cmpuint (fl_test_clock_n_pending (clock), ==, 1);

  g_string_free (r.log, TRUE);
}

static void
test_today_across_dst (void)
{
  /* 2026-10-25 in Europe/Berlin has 25 hours; local midnight to local midnight. */
  g_autoptr(FlTestClock) clock = fl_test_clock_new ("2026-10-25T23:30:00+01:00");
  GDate today, next;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  fl_clock_today (FL_CLOCK (clock), &today);
  g_assert_cmpint (g_date_get_day (&today), ==, 25);
  next = today;
  g_date_add_days (&next, 1);
  start = fl_date_to_local_midnight (&today);
  end = fl_date_to_local_midnight (&next);
  g_assert_cmpint (g_date_time_difference (end, start), ==, 25 * G_TIME_SPAN_HOUR);
}

static gboolean
quit_loop (gpointer data)
{
  GMainLoop *loop = data;
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  FlClock   *clock;
  gint64     fired_mono;
  GMainLoop *loop;
} SystemFire;

static gboolean
record_system_fire (gpointer data)
{
  SystemFire *f = data;

  f->fired_mono = g_get_monotonic_time ();
  g_main_loop_quit (f->loop);
  return G_SOURCE_REMOVE;
}

static void
test_system_clock_deadlines (void)
{
  g_autoptr(FlClock) clock = fl_system_clock_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SystemFire f = { clock, 0, loop };
  g_autoptr(GDateTime) now = fl_clock_now (clock);
  g_autoptr(GDateTime) soon = g_date_time_add (now, 200 * 1000);
  gint64 start = g_get_monotonic_time ();
  guint guard;

  /* Wall deadline, 200 ms ahead */
  guard = g_timeout_add_seconds (5, quit_loop, loop);
  fl_clock_add_wall_deadline (clock, soon, record_system_fire, &f, NULL);
  g_main_loop_run (loop);
  g_assert_cmpint (f.fired_mono, >, 0);
  g_assert_cmpint (f.fired_mono - start, >=, 190 * 1000);
  g_assert_cmpint (f.fired_mono - start, <, 400 * 1000);
  g_source_remove (guard);

  /* Monotonic deadline, 150 ms ahead */
  f.fired_mono = 0;
  start = g_get_monotonic_time ();
  guard = g_timeout_add_seconds (5, quit_loop, loop);
  fl_clock_add_monotonic_deadline (clock, start + 150 * 1000, record_system_fire, &f, NULL);
  g_main_loop_run (loop);
  g_assert_cmpint (f.fired_mono - start, >=, 150 * 1000);
  g_assert_cmpint (f.fired_mono - start, <, 300 * 1000);
  g_source_remove (guard);
}

static gboolean
fail_if_called (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
test_system_clock_remove (void)
{
  g_autoptr(FlClock) clock = fl_system_clock_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GDateTime) now = fl_clock_now (clock);
  g_autoptr(GDateTime) soon = g_date_time_add (now, 50 * 1000);
  guint wall = fl_clock_add_wall_deadline (clock, soon, fail_if_called, NULL, NULL);
  guint mono = fl_clock_add_monotonic_deadline (clock, g_get_monotonic_time () + 50 * 1000,
                                                fail_if_called, NULL, NULL);

  fl_clock_remove (clock, wall);
  fl_clock_remove (clock, mono);
  g_timeout_add (200, quit_loop, loop);
  g_main_loop_run (loop);
}

static void
count_day (FlDayWatch *watch,
           int        *count)
{
  (*count)++;
}

static void
test_day_watch (void)
{
  /* 2026-10-25 in Europe/Berlin has 25 hours: midnight is still midnight */
  g_autoptr(FlTestClock) clock = fl_test_clock_new ("2026-10-24T22:00:00+02:00");
  FlDayWatch *watch = fl_day_watch_new (FL_CLOCK (clock));
  int days = 0;

  g_signal_connect (watch, "day-changed", G_CALLBACK (count_day), &days);
  g_assert_cmpuint (fl_test_clock_n_pending (clock), ==, 1);

  /* 22:00 to 23:59: nothing */
  fl_test_clock_advance (clock, 119 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (days, ==, 0);
  /* Midnight, then the 25-hour day ends at the next midnight, not at 23:00 */
  fl_test_clock_advance (clock, G_TIME_SPAN_MINUTE);
  g_assert_cmpint (days, ==, 1);
  fl_test_clock_advance (clock, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (days, ==, 1);
  fl_test_clock_advance (clock, G_TIME_SPAN_HOUR);
  g_assert_cmpint (days, ==, 2);

  /* A clock set tells too, and one deadline stays armed */
  fl_test_clock_set (clock, "2026-10-26T12:00:00+01:00");
  g_assert_cmpint (days, ==, 3);
  g_assert_cmpuint (fl_test_clock_n_pending (clock), ==, 1);

  /* Gone: nothing left armed */
  g_object_unref (watch);
  g_assert_cmpuint (fl_test_clock_n_pending (clock), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/clock/test/advance-fires-in-order", test_advance_fires_in_order);
  g_test_add_func ("/fl/clock/test/set-and-suspend", test_set_and_suspend);
  g_test_add_func ("/fl/clock/today-across-dst", test_today_across_dst);
  g_test_add_func ("/fl/clock/day-watch", test_day_watch);
  g_test_add_func ("/fl/clock/system/deadlines", test_system_clock_deadlines);
  g_test_add_func ("/fl/clock/system/remove", test_system_clock_remove);

  return g_test_run ();
}
