/* bench-cooldown-timer.c: the real session object on the real clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-cooldown-timer ROUTINE.json [RUNS]
 *
 * Runs FlStretchSession (src/core, linked as it is in the app) through the
 * routine on FlSystemClock, RUNS times in a row (default 1), and prints one
 * line per run:
 *
 *   run=1 total_s=60 end_error_ms=+0.412 ticks=60 tick_late_max_ms=0.390
 *   tick_late_mean_ms=0.101 cpu_ms=3.1
 *
 * end_error_ms: when "finished" came, on the monotonic clock, less the start
 * plus the routine's total (what a runner would see as the session ending
 * late). Each tick is due when the remaining time of the step crosses a whole
 * second, i.e. start + a whole number of seconds; tick_late is how long after
 * that it ran. cpu_ms: user + system time of the process during the run.
 * The session logs into no journal: what is measured is the timer.
 */
#include "config.h"

#include <math.h>
#include <sys/resource.h>

#include "fl-stretch-session.h"
#include "fl-system-clock.h"

typedef struct
{
  GMainLoop *loop;
  gint64     start_us;
  gint64     end_us;
  guint      ticks;
  double     late_max_ms;
  double     late_sum_ms;
} Run;

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

static void
on_tick (FlStretchSession *session,
         gint64            remaining_ms,
         Run              *run)
{
  gint64 now = g_get_monotonic_time ();
  gint64 since = now - run->start_us;
  /* The whole second of the session this tick belongs to: every step is a
   * whole number of seconds long, so every due time is start + n s */
  gint64 due = run->start_us + (since / G_USEC_PER_SEC) * G_USEC_PER_SEC;
  double late_ms = (now - due) / 1000.0;

  run->ticks++;
  run->late_sum_ms += late_ms;
  run->late_max_ms = MAX (run->late_max_ms, late_ms);
}

static void
on_finished (FlStretchSession *session,
             gboolean          completed,
             guint             holds_done,
             guint             holds_total,
             Run              *run)
{
  run->end_us = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(FlClock) clock = NULL;
  g_autofree char *data = NULL;
  gsize length;
  int runs;

  if (argc < 2)
    {
      g_printerr ("usage: %s ROUTINE.json [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? atoi (argv[2]) : 1;

  if (!g_file_get_contents (argv[1], &data, &length, &error) ||
      (routine = fl_routine_new_from_data (data, length, FL_ROUTINE_FLAGS_SHORT_HOLDS, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 2;
    }

  clock = fl_system_clock_new ();

  for (int i = 1; i <= runs; i++)
    {
      g_autoptr(FlStretchSession) session = fl_stretch_session_new (routine, NULL, clock);
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      Run run = { .loop = loop };
      double cpu_before, expected_end;

      g_signal_connect (session, "tick", G_CALLBACK (on_tick), &run);
      g_signal_connect (session, "finished", G_CALLBACK (on_finished), &run);

      cpu_before = cpu_ms ();
      run.start_us = g_get_monotonic_time ();
      fl_stretch_session_start (session);
      g_main_loop_run (loop);

      expected_end = run.start_us + (gint64) fl_routine_get_total_s (routine) * G_USEC_PER_SEC;
      g_print ("run=%d total_s=%d end_error_ms=%+.3f ticks=%u tick_late_max_ms=%.3f "
               "tick_late_mean_ms=%.3f cpu_ms=%.1f\n",
               i, fl_routine_get_total_s (routine), (run.end_us - expected_end) / 1000.0,
               run.ticks, run.late_max_ms, run.ticks > 0 ? run.late_sum_ms / run.ticks : 0.0,
               cpu_ms () - cpu_before);
    }

  return 0;
}
