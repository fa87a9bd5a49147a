/* test-stretch-session.c: the cool-down timer, on the test clock and on the real one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fl-stretch-session.h"
#include "fl-system-clock.h"
#include "fl-test-clock.h"

#define SECOND G_TIME_SPAN_SECOND
#define START  "2026-11-27T08:00:00+01:00"

typedef struct
{
  FlTestClock      *clock;
  FlJournal        *journal;
  FlRoutine        *routine;
  FlStretchSession *session;
  gint64            start_us;   /* monotonic, at start */

  GArray           *steps;      /* of guint: step-changed indexes */
  GArray           *step_times; /* of gint64: when, µs after start */
  GArray           *ticks;      /* of gint64: remaining_ms */
  GArray           *tick_times; /* of gint64: when, µs after start */
  guint             n_finished;
  gboolean          completed;
  guint             holds_done;
  guint             holds_total;
} Fixture;

static gint64
elapsed_us (Fixture *fixture)
{
  return fl_clock_monotonic_us (FL_CLOCK (fixture->clock)) - fixture->start_us;
}

static void
on_step_changed (FlStretchSession *session,
                 guint             index,
                 Fixture          *fixture)
{
  gint64 when = elapsed_us (fixture);

  g_array_append_val (fixture->steps, index);
  g_array_append_val (fixture->step_times, when);
}

static void
on_tick (FlStretchSession *session,
         gint64            remaining_ms,
         Fixture          *fixture)
{
  gint64 when = elapsed_us (fixture);

  /* The tick says what the session says */
  g_assert_cmpint (remaining_ms, ==, fl_stretch_session_get_remaining_ms (session));
  g_array_append_val (fixture->ticks, remaining_ms);
  g_array_append_val (fixture->tick_times, when);
}

static void
on_finished (FlStretchSession *session,
             gboolean          completed,
             guint             holds_done,
             guint             holds_total,
             Fixture          *fixture)
{
  FlStretchSessionState state = fl_stretch_session_get_state (session);

  fixture->n_finished++;
  fixture->completed = completed;
  fixture->holds_done = holds_done;
  fixture->holds_total = holds_total;
  g_assert_cmpint (state, ==, completed ? FL_STRETCH_SESSION_DONE : FL_STRETCH_SESSION_STOPPED);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->clock = fl_test_clock_new (START);
  fixture->journal = fl_journal_new ();
  fixture->routine = fl_routine_lookup (data ? data : FL_ROUTINE_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->session = fl_stretch_session_new (fixture->routine, fixture->journal, FL_CLOCK (fixture->clock));
  fixture->steps = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->step_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->tick_times = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (fixture->session, "step-changed", G_CALLBACK (on_step_changed), fixture);
  g_signal_connect (fixture->session, "tick", G_CALLBACK (on_tick), fixture);
  g_signal_connect (fixture->session, "finished", G_CALLBACK (on_finished), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->session);
  /* Nothing left armed on the clock */
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, 0);
  g_assert_finalize_object (fixture->routine);
  g_assert_finalize_object (fixture->journal);
  g_assert_finalize_object (fixture->clock);
  g_array_unref (fixture->steps);
  g_array_unref (fixture->step_times);
  g_array_unref (fixture->ticks);
  g_array_unref (fixture->tick_times);
}

static void
start (Fixture *fixture)
{
  fixture->start_us = fl_clock_monotonic_us (FL_CLOCK (fixture->clock));
  fl_stretch_session_start (fixture->session);
}

static void
advance (Fixture *fixture,
         gint64   us)
{
  fl_test_clock_advance (fixture->clock, us);
}

static char *
local_iso (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static FlCooldown *
only_cooldown (Fixture *fixture)
{
  GPtrArray *records = fl_journal_get_records (fixture->journal, FL_RECORD_COOLDOWN);

  g_assert_cmpuint (records->len, ==, 1);
  g_assert_true (g_ptr_array_index (records, 0) == (gpointer) fl_stretch_session_get_record (fixture->session));

  return FL_COOLDOWN (g_ptr_array_index (records, 0));
}

static void
assert_cooldown (Fixture    *fixture,
                 const char *start_iso,
                 const char *end_iso,
                 int         steps_done,
                 int         steps_total)
{
  FlCooldown *cooldown = only_cooldown (fixture);
  g_autofree char *start_text = local_iso (((FlRecord *) cooldown)->time);
  g_autofree char *end_text = local_iso (cooldown->end);

  g_assert_cmpstr (start_text, ==, start_iso);
  g_assert_cmpstr (end_text, ==, end_iso);
  g_assert_cmpstr (cooldown->routine, ==, fl_routine_get_name (fixture->routine));
  g_assert_cmpint (cooldown->steps_done, ==, steps_done);
  g_assert_cmpint (cooldown->steps_total, ==, steps_total);
}

static void
assert_nothing_logged (Fixture *fixture)
{
  g_assert_cmpuint (fl_journal_get_records (fixture->journal, FL_RECORD_COOLDOWN)->len, ==, 0);
  g_assert_null (fl_stretch_session_get_record (fixture->session));
}

/* The default routine, untouched: every step starts at its offset and the
 * session is done exactly 9:53 after the start, not a microsecond before. */
static void
test_full_session (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 total_us = (gint64) fl_routine_get_total_s (fixture->routine) * SECOND;
  guint n_steps = fl_routine_get_n_steps (fixture->routine);

  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_IDLE);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 3000);
  g_assert_cmpfloat (fl_stretch_session_get_progress (fixture->session), ==, 0.0);

  start (fixture);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_RUNNING);

  advance (fixture, total_us - 1);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_RUNNING);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, n_steps - 1);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 1);
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  assert_nothing_logged (fixture);

  advance (fixture, 1);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_DONE);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_true (fixture->completed);
  g_assert_cmpuint (fixture->holds_done, ==, 17);
  g_assert_cmpuint (fixture->holds_total, ==, 17);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 0);
  g_assert_cmpfloat (fl_stretch_session_get_progress (fixture->session), ==, 1.0);

  /* Each step began exactly at its offset, in order */
  g_assert_cmpuint (fixture->steps->len, ==, n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      g_assert_cmpuint (g_array_index (fixture->steps, guint, i), ==, i);
      g_assert_cmpint (g_array_index (fixture->step_times, gint64, i), ==,
                       (gint64) fl_routine_get_step (fixture->routine, i)->start_s * SECOND);
    }

  assert_cooldown (fixture, "2026-11-27T08:00:00+01:00", "2026-11-27T08:09:53+01:00", 17, 17);

  /* Nothing wakes up after the end, and a done session stays done */
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, 0);
  fl_stretch_session_stop (fixture->session);
  fl_stretch_session_skip (fixture->session);
  fl_stretch_session_start (fixture->session);
  advance (fixture, 60 * SECOND);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_DONE);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_cmpuint (fixture->steps->len, ==, n_steps);
}

/* One tick a second, on the whole seconds of the remaining time, whatever
 * steps the clock takes; one wake-up armed at a time. */
static void
test_ticks (Fixture       *fixture,
            gconstpointer  data)
{
  int total_s = fl_routine_get_total_s (fixture->routine);

  start (fixture);
  g_assert_cmpuint (fixture->ticks->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->ticks, gint64, 0), ==, 3000);

  /* Uneven steps of 0.3 s: ticks still land on the seconds */
  for (int i = 0; i < total_s * 10 / 3 + 1; i++)
    {
      advance (fixture, 300 * G_TIME_SPAN_MILLISECOND);
      if (fl_stretch_session_get_state (fixture->session) == FL_STRETCH_SESSION_RUNNING)
        g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, 1);
    }
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_DONE);

  /* One at each second from 0 to total − 1 (the end brings "finished") */
  g_assert_cmpuint (fixture->ticks->len, ==, total_s);
  for (int i = 0; i < total_s; i++)
    {
      gint64 remaining = g_array_index (fixture->ticks, gint64, i);
      guint step = 0;

      g_assert_cmpint (g_array_index (fixture->tick_times, gint64, i), ==, i * SECOND);
      g_assert_cmpint (remaining % 1000, ==, 0);
      while (step + 1 < fl_routine_get_n_steps (fixture->routine) &&
             fl_routine_get_step (fixture->routine, step + 1)->start_s <= i)
        step++;
      {
        const FlRoutineStep *s = fl_routine_get_step (fixture->routine, step);

        g_assert_cmpint (remaining, ==, (gint64) (s->start_s + s->seconds - i) * 1000);
      }
    }
}

/* Paused time does not count: the remaining time freezes, nothing wakes up,
 * and the session ends its total after the start plus the pause. */
static void
test_pause (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 total_us = (gint64) fl_routine_get_total_s (fixture->routine) * SECOND;
  guint notified = 0;
  guint ticks;

  start (fixture);
  g_signal_connect_swapped (fixture->session, "notify::state", G_CALLBACK (g_atomic_int_inc), &notified);

  /* 10.4 s in: the first hold (3 s to 33 s) has 22.6 s left */
  advance (fixture, 10400 * G_TIME_SPAN_MILLISECOND);
  fl_stretch_session_pause (fixture->session);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_PAUSED);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, 1);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 22600);
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, 0);
  ticks = fixture->ticks->len;

  /* Pausing again changes nothing */
  fl_stretch_session_pause (fixture->session);
  g_assert_cmpuint (notified, ==, 1);

  advance (fixture, 1000 * SECOND);
  g_assert_cmpuint (fixture->ticks->len, ==, ticks);
  g_assert_cmpuint (fixture->steps->len, ==, 2);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 22600);
  g_assert_cmpfloat_with_epsilon (fl_stretch_session_get_progress (fixture->session),
                                  10.4 / fl_routine_get_total_s (fixture->routine), 1e-9);

  fl_stretch_session_resume (fixture->session);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_RUNNING);
  g_assert_cmpuint (notified, ==, 2);

  /* The next tick when 22 s are left, 0.6 s after resuming */
  advance (fixture, 599 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (fixture->ticks->len, ==, ticks);
  advance (fixture, 1 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (fixture->ticks->len, ==, ticks + 1);
  g_assert_cmpint (g_array_index (fixture->ticks, gint64, ticks), ==, 22000);

  /* To the end: the total plus the 1000 s paused */
  advance (fixture, total_us - 11 * SECOND - 1);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_RUNNING);
  advance (fixture, 1);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_DONE);
  g_assert_cmpint (elapsed_us (fixture), ==, total_us + 1000 * SECOND);
  assert_cooldown (fixture, "2026-11-27T08:00:00+01:00", "2026-11-27T08:26:33+01:00", 17, 17);
}

/* Back on the first step starts it again; skip on the last one ends the
 * session; paused, both keep it paused at the start of the step. */
static void
test_skip_and_back (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n_steps = fl_routine_get_n_steps (fixture->routine);

  /* Before the start, nothing moves */
  fl_stretch_session_skip (fixture->session);
  fl_stretch_session_back (fixture->session);
  g_assert_cmpuint (fixture->steps->len, ==, 0);

  start (fixture);
  advance (fixture, 2 * SECOND);
  fl_stretch_session_back (fixture->session);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, 0);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 3000);
  g_assert_cmpuint (fixture->steps->len, ==, 2);
  g_assert_cmpuint (g_array_index (fixture->steps, guint, 1), ==, 0);
  /* The restarted lead-in runs its full 3 s */
  advance (fixture, 3 * SECOND - 1);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, 0);
  advance (fixture, 1);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, 1);

  /* Skip 10 s into the first hold: the change step, whole */
  advance (fixture, 10 * SECOND);
  fl_stretch_session_skip (fixture->session);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, 2);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 5000);
  g_assert_cmpint (fl_stretch_session_get_step (fixture->session)->kind, ==, FL_STEP_CHANGE);

  /* Paused, skip and back move but stay paused */
  fl_stretch_session_pause (fixture->session);
  fl_stretch_session_back (fixture->session);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_PAUSED);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, 1);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 30000);
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, 0);

  /* To the last step */
  while (fl_stretch_session_get_current_step (fixture->session) < n_steps - 1)
    fl_stretch_session_skip (fixture->session);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_PAUSED);
  fl_stretch_session_resume (fixture->session);
  advance (fixture, 29 * SECOND);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 1000);

  /* Back from the last hold: the change before it, whole */
  fl_stretch_session_back (fixture->session);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, n_steps - 2);
  g_assert_cmpint (fl_stretch_session_get_remaining_ms (fixture->session), ==, 5000);
  fl_stretch_session_skip (fixture->session);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, n_steps - 1);
  g_assert_cmpuint (fixture->n_finished, ==, 0);

  /* Skip on the last step: done, with only the holds that ran their time
   * (the first one: skipped 10 s in, it is not done) */
  fl_stretch_session_skip (fixture->session);
  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_DONE);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_true (fixture->completed);
  g_assert_cmpuint (fixture->holds_done, ==, 0);
  g_assert_cmpuint (fixture->holds_total, ==, 17);
  assert_nothing_logged (fixture);
}

/* Stopped after three holds: logged as a partial cool-down */
static void
test_stop_logs_partial (Fixture       *fixture,
                        gconstpointer  data)
{
  start (fixture);
  /* 3 + 30 + 5 + 30 + 5 + 30 = 103 s: three holds done; 12 s more */
  advance (fixture, 115 * SECOND);
  g_assert_cmpuint (fl_stretch_session_get_holds_done (fixture->session), ==, 3);
  fl_stretch_session_stop (fixture->session);

  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_STOPPED);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_false (fixture->completed);
  g_assert_cmpuint (fixture->holds_done, ==, 3);
  g_assert_cmpuint (fixture->holds_total, ==, 17);
  assert_cooldown (fixture, "2026-11-27T08:00:00+01:00", "2026-11-27T08:01:55+01:00", 3, 17);
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, 0);
  /* Where it stopped: 115 s of 593 */
  g_assert_cmpfloat_with_epsilon (fl_stretch_session_get_progress (fixture->session), 115.0 / 593.0, 1e-9);

  /* Stopping twice logs once */
  fl_stretch_session_stop (fixture->session);
  fl_stretch_session_resume (fixture->session);
  advance (fixture, 600 * SECOND);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  only_cooldown (fixture);
}

/* Stopped before a single hold ran out: nothing to log */
static void
test_stop_before_any_hold (Fixture       *fixture,
                           gconstpointer  data)
{
  start (fixture);
  advance (fixture, 32 * SECOND);
  fl_stretch_session_pause (fixture->session);
  fl_stretch_session_stop (fixture->session);

  g_assert_cmpint (fl_stretch_session_get_state (fixture->session), ==, FL_STRETCH_SESSION_STOPPED);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_cmpuint (fixture->holds_done, ==, 0);
  assert_nothing_logged (fixture);
}

/* A hold done twice (back, then again) counts once */
static void
test_hold_counted_once (Fixture       *fixture,
                        gconstpointer  data)
{
  start (fixture);
  advance (fixture, 34 * SECOND);
  g_assert_cmpuint (fl_stretch_session_get_holds_done (fixture->session), ==, 1);
  fl_stretch_session_back (fixture->session);
  g_assert_cmpuint (fl_stretch_session_get_current_step (fixture->session), ==, 1);
  advance (fixture, 30 * SECOND);
  g_assert_cmpuint (fl_stretch_session_get_holds_done (fixture->session), ==, 1);
  advance (fixture, 35 * SECOND);
  g_assert_cmpuint (fl_stretch_session_get_holds_done (fixture->session), ==, 2);
  fl_stretch_session_stop (fixture->session);
  assert_cooldown (fixture, "2026-11-27T08:00:00+01:00", "2026-11-27T08:01:39+01:00", 2, 17);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  FlStretchSessionState state = FL_STRETCH_SESSION_STOPPED;
  g_autoptr(FlRoutine) routine = NULL;
  guint step = 99;
  gint64 remaining = 0;
  double progress = -1;
  guint remaining_notified = 0;
  guint step_notified = 0;

  g_signal_connect_swapped (fixture->session, "notify::remaining-ms", G_CALLBACK (count_notify), &remaining_notified);
  g_signal_connect_swapped (fixture->session, "notify::current-step", G_CALLBACK (count_notify), &step_notified);

  start (fixture);
  advance (fixture, 18 * SECOND);
  g_object_get (fixture->session,
                "routine", &routine,
                "state", &state,
                "current-step", &step,
                "remaining-ms", &remaining,
                "progress", &progress,
                NULL);
  g_assert_true (routine == fixture->routine);
  g_assert_cmpint (state, ==, FL_STRETCH_SESSION_RUNNING);
  g_assert_cmpuint (step, ==, 1);
  g_assert_cmpint (remaining, ==, 15000);
  g_assert_cmpfloat_with_epsilon (progress, 18.0 / 593.0, 1e-9);
  /* Once a second, and once per step */
  g_assert_cmpuint (remaining_notified, ==, 19);
  g_assert_cmpuint (step_notified, ==, 2);
  g_assert_true (fl_stretch_session_get_routine (fixture->session) == fixture->routine);
  fl_stretch_session_stop (fixture->session);
}

/* A session without a journal logs nothing, and still finishes */
static void
test_no_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlTestClock) clock = fl_test_clock_new (START);
  g_autoptr(FlRoutine) routine = fl_routine_lookup ("post-run-5", &error);
  g_autoptr(FlStretchSession) session = NULL;

  g_assert_no_error (error);
  session = fl_stretch_session_new (routine, NULL, FL_CLOCK (clock));
  fl_stretch_session_start (session);
  fl_test_clock_advance (clock, 298 * SECOND);
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_DONE);
  g_assert_cmpuint (fl_stretch_session_get_holds_done (session), ==, 10);
  g_assert_null (fl_stretch_session_get_record (session));
}

/* The real clock: a 3-second routine ends within 50 ms of its 3 s */
typedef struct
{
  GMainLoop *loop;
  gint64     finished_us;
  guint      n_ticks;
} RealRun;

static void
real_on_finished (FlStretchSession *session,
                  gboolean          completed,
                  guint             holds_done,
                  guint             holds_total,
                  RealRun          *run)
{
  run->finished_us = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
}

static void
real_on_tick (RealRun *run)
{
  run->n_ticks++;
}

static gboolean
real_timeout (gpointer user_data)
{
  g_error ("The 3-second session did not end within 10 s");
  return G_SOURCE_REMOVE;
}

static void
test_real_clock (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "routines", "three-seconds.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(FlClock) clock = fl_system_clock_new ();
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlStretchSession) session = NULL;
  RealRun run = { 0 };
  gint64 start_us;
  gint64 error_us;
  guint timeout_id;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  routine = fl_routine_new_from_data (contents, -1, FL_ROUTINE_FLAGS_SHORT_HOLDS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_routine_get_total_s (routine), ==, 3);
  g_assert_cmpuint (fl_routine_get_n_steps (routine), ==, 3);

  run.loop = g_main_loop_new (NULL, FALSE);
  session = fl_stretch_session_new (routine, journal, clock);
  g_signal_connect (session, "finished", G_CALLBACK (real_on_finished), &run);
  g_signal_connect_swapped (session, "tick", G_CALLBACK (real_on_tick), &run);

  timeout_id = g_timeout_add_seconds (10, real_timeout, NULL);
  start_us = g_get_monotonic_time ();
  fl_stretch_session_start (session);
  g_main_loop_run (run.loop);
  g_source_remove (timeout_id);
  g_main_loop_unref (run.loop);

  error_us = run.finished_us - start_us - 3 * SECOND;
  g_test_message ("3-second session ended %+" G_GINT64_FORMAT " µs off", error_us);
  g_assert_cmpint (ABS (error_us), <, 50 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (run.n_ticks, ==, 3);
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_DONE);
  g_assert_cmpuint (fl_journal_get_records (journal, FL_RECORD_COOLDOWN)->len, ==, 1);
  g_assert_cmpint (FL_COOLDOWN (fl_stretch_session_get_record (session))->steps_done, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, routine) \
  g_test_add ("/fl/stretch-session/" path, Fixture, routine, fixture_setup, func, fixture_teardown)

  ADD ("full-session-ends-at-total", test_full_session, NULL);
  ADD ("ticks-on-whole-seconds", test_ticks, NULL);
  ADD ("ticks-on-whole-seconds-5-min", test_ticks, "post-run-5");
  ADD ("pause-excluded", test_pause, NULL);
  ADD ("skip-and-back-at-first-and-last-step", test_skip_and_back, NULL);
  ADD ("stop-logs-partial", test_stop_logs_partial, NULL);
  ADD ("stop-before-any-hold-logs-nothing", test_stop_before_any_hold, NULL);
  ADD ("hold-counted-once", test_hold_counted_once, NULL);
  ADD ("properties", test_properties, NULL);
  g_test_add_func ("/fl/stretch-session/no-journal", test_no_journal);
  g_test_add_func ("/fl/stretch-session/real-clock", test_real_clock);

#undef ADD

  return g_test_run ();
}
