/* test-scheduler.c: when the drink reminder comes, and that it comes once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fl-scheduler.h"
#include "fl-test-clock.h"

typedef struct
{
  FlTestClock *clock;
  FlJournal   *journal;
  FlScheduler *scheduler;
  GPtrArray   *fired;           /* of FlReminder */
} Fixture;

static void
on_due (FlScheduler *scheduler,
        FlReminder  *reminder,
        Fixture     *fixture)
{
  g_ptr_array_add (fixture->fired, fl_reminder_ref (reminder));
}

static FlJournal *
journal_with_profile (FlSex sex)
{
  g_autoptr(GError) error = NULL;
  FlJournal *journal = fl_journal_new ();
  FlProfile profile;

  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = sex;
  profile.birth_year = 1990;
  profile.weight_kg = 70.0;
  g_assert_true (fl_journal_set_profile (journal, &profile, &error));
  g_assert_no_error (error);

  return journal;
}

static void
add_drink (FlJournal  *journal,
           const char *time_iso,
           int         ml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (time_iso, NULL);
  g_autoptr(FlRecord) drink = fl_drink_new (time, ml);

  g_assert_true (fl_journal_add (journal, drink, &error));
  g_assert_no_error (error);
}

static void
start_scheduler (Fixture *fixture)
{
  fixture->scheduler = fl_scheduler_new (fixture->journal, FL_CLOCK (fixture->clock));
  g_signal_connect (fixture->scheduler, "due", G_CALLBACK (on_due), fixture);
}

static void
stop_scheduler (Fixture *fixture)
{
  g_assert_finalize_object (fixture->scheduler);
  fixture->scheduler = NULL;
}

/* A man (2.0 L a day, nothing run), awake 7:00 to 23:00 (last call 22:00) */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *now = data ? data : "2026-11-27T07:00:00+01:00";

  fixture->clock = fl_test_clock_new (now);
  fixture->journal = journal_with_profile (FL_SEX_MALE);
  fixture->fired = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_reminder_unref);
  start_scheduler (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->scheduler != NULL)
    stop_scheduler (fixture);
  g_clear_pointer (&fixture->fired, g_ptr_array_unref);
  g_assert_finalize_object (fixture->journal);
  g_assert_finalize_object (fixture->clock);
}

/* Local ISO 8601, to compare times as a runner reads them */
static char *
local_iso (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
assert_next_due (Fixture    *fixture,
                 const char *expected)
{
  g_autofree char *due = local_iso (fl_scheduler_get_next_due (fixture->scheduler, "drink"));
  g_autofree char *deadline = local_iso (fl_scheduler_get_next_deadline (fixture->scheduler));

  g_assert_cmpstr (due, ==, expected);
  /* One wake-up, for exactly that moment; none when nothing is due */
  g_assert_cmpstr (deadline, ==, expected);
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, expected ? 1 : 0);
}

static void
assert_now (Fixture    *fixture,
            const char *expected)
{
  g_autoptr(GDateTime) now = fl_clock_now (FL_CLOCK (fixture->clock));
  g_autofree char *text = local_iso (now);

  g_assert_cmpstr (text, ==, expected);
}

static FlReminder *
fired (Fixture *fixture,
       guint    index)
{
  g_assert_cmpuint (index, <, fixture->fired->len);
  return g_ptr_array_index (fixture->fired, index);
}

static void
assert_fired_due (Fixture    *fixture,
                  guint       index,
                  const char *due)
{
  g_autofree char *text = local_iso (fired (fixture, index)->due);

  g_assert_cmpstr (text, ==, due);
}

static void
advance_minutes (Fixture *fixture,
                 double   minutes)
{
  fl_test_clock_advance (fixture->clock, (GTimeSpan) (minutes * G_TIME_SPAN_MINUTE));
}

static void
test_pace_rule (Fixture       *fixture,
                gconstpointer  data)
{
  /* 2000 ml over the 15 h from 7:00 to 22:00: 250 ml behind after 1 h 52 min 30 s */
  assert_next_due (fixture, "2026-11-27T08:52:30+01:00");

  /* Not a second early */
  fl_test_clock_advance (fixture->clock, (G_TIME_SPAN_HOUR + 52 * G_TIME_SPAN_MINUTE + 29 * G_TIME_SPAN_SECOND));
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  fl_test_clock_advance (fixture->clock, G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T08:52:30+01:00");
}

static void
test_reminder_content (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-27T06:00:00+01:00", NULL);
  g_autoptr(FlRecord) run = fl_run_new (start, 3600, 10000);
  FlReminderAction *action;
  FlReminder *reminder;

  /* The drink reminder alone: the run just ended would bring the cool-down
   * one (tested below) */
  fl_scheduler_set_cooldown_enabled (fixture->scheduler, FALSE);

  /* A hot hour's run makes the goal 2.0 + 1.95 = 3.95 L; with 500 ml drunk,
   * behind (750 ml due) at 7:00 + 15 h × 750 / 3950 = 9:50:54 (rounded up) */
  FL_RUN (run)->temperature_c = 28;
  g_assert_true (fl_journal_add (fixture->journal, run, &error));
  add_drink (fixture->journal, "2026-11-27T06:30:00+01:00", 500);
  assert_next_due (fixture, "2026-11-27T09:50:54+01:00");

  /* The machine slept until 13:00: shown late, and the body says how far
   * behind the runner is by now: 3950 × 6 / 15 − 500 = 1080 ml */
  fl_test_clock_suspend (fixture->clock, 6 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  reminder = fired (fixture, 0);
  g_assert_cmpstr (reminder->kind, ==, "drink");
  g_assert_cmpstr (reminder->title, ==, "Time for a drink");
  g_assert_cmpstr (reminder->body, ==, "You have had 500 ml of today’s 3.95 L — about 1.1 L behind.");
  assert_fired_due (fixture, 0, "2026-11-27T09:50:54+01:00");

  g_assert_cmpuint (reminder->actions->len, ==, 2);
  action = &g_array_index (reminder->actions, FlReminderAction, 0);
  g_assert_cmpstr (action->label, ==, "Log 250 ml");
  g_assert_cmpstr (action->action, ==, "app.log-drink");
  g_assert_true (g_variant_is_of_type (action->target, G_VARIANT_TYPE_INT32));
  g_assert_cmpint (g_variant_get_int32 (action->target), ==, 250);

  action = &g_array_index (reminder->actions, FlReminderAction, 1);
  g_assert_cmpstr (action->label, ==, "Snooze 30 min");
  g_assert_cmpstr (action->action, ==, "app.snooze");
  g_assert_cmpstr (g_variant_get_type_string (action->target), ==, "(si)");
  {
    const char *kind = NULL;
    gint32 minutes = 0;

    g_variant_get (action->target, "(&si)", &kind, &minutes);
    g_assert_cmpstr (kind, ==, "drink");
    g_assert_cmpint (minutes, ==, 30);
  }
}

static void
test_body_at_due_time (Fixture       *fixture,
                       gconstpointer  data)
{
  advance_minutes (fixture, 112.5);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (fired (fixture, 0)->body, ==, "You have had 0 ml of today’s 2.0 L — about 250 ml behind.");
}

static void
test_not_before_wake (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Set up at 05:00: behind pace is counted from the wake time */
  assert_now (fixture, "2026-11-27T05:00:00+01:00");
  assert_next_due (fixture, "2026-11-27T08:52:30+01:00");

  advance_minutes (fixture, 3 * 60 + 52);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  /* A later wake time moves the pace: 13 h from 9:00 to 22:00, 250 ml due
   * after 1 h 37 min 30 s, at 10:37:30, later than the spacing's 10:22:30 */
  fl_scheduler_set_wake_time (fixture->scheduler, 9 * 60);
  assert_next_due (fixture, "2026-11-27T10:37:30+01:00");
}

static void
test_not_after_last_call (Fixture       *fixture,
                          gconstpointer  data)
{
  /* 1600 ml by 7:00: 1850 ml are due only at 7:00 + 15 h × 1850 / 2000 =
   * 20:52:30 */
  add_drink (fixture->journal, "2026-11-27T06:30:00+01:00", 1600);
  assert_next_due (fixture, "2026-11-27T20:52:30+01:00");

  /* Bed at 21:30, last call 20:30: the same goal in 13.5 h, 1850 ml due at
   * 7:00 + 13.5 h × 1850 / 2000 = 19:29:15 */
  fl_scheduler_set_bedtime (fixture->scheduler, 21 * 60 + 30);
  assert_next_due (fixture, "2026-11-27T19:29:15+01:00");

  /* 1800 ml: 2050 ml would be due, more than the goal, so never today;
   * tomorrow starts from nothing, 250 ml due after 13.5 h / 8 */
  add_drink (fixture->journal, "2026-11-27T06:45:00+01:00", 200);
  assert_next_due (fixture, "2026-11-28T08:41:15+01:00");
}

static void
test_at_last_call_nothing_today (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* Nothing drunk all day and the app only starts at 22:00: too late for a
   * reminder today; tomorrow's comes at its time */
  assert_now (fixture, "2026-11-27T22:00:00+01:00");
  assert_next_due (fixture, "2026-11-28T08:52:30+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
}

static void
test_spacing (Fixture       *fixture,
              gconstpointer  data)
{
  advance_minutes (fixture, 112.5);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  /* Still behind, but 90 minutes apart */
  assert_next_due (fixture, "2026-11-27T10:22:30+01:00");
  advance_minutes (fixture, 89);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  assert_fired_due (fixture, 1, "2026-11-27T10:22:30+01:00");
  assert_next_due (fixture, "2026-11-27T11:52:30+01:00");

  /* The whole day, never drinking: 8:52:30 and then every 90 minutes, the
   * last one before 22:00 at 20:52:30 */
  advance_minutes (fixture, 13 * 60);
  g_assert_cmpuint (fixture->fired->len, ==, 9);
  assert_fired_due (fixture, 8, "2026-11-27T20:52:30+01:00");
  assert_next_due (fixture, "2026-11-28T08:52:30+01:00");
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  FlReminderState state = { NULL, NULL };
  g_autofree char *until = NULL;

  advance_minutes (fixture, 112.5);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  /* "Snooze 30 min" a minute later: the runner asked for 9:23:30, which
   * takes the place of the 90-minute spacing */
  advance_minutes (fixture, 1);
  fl_scheduler_snooze (fixture->scheduler, "drink", 30);
  assert_next_due (fixture, "2026-11-27T09:23:30+01:00");

  fl_journal_get_reminder_state (fixture->journal, "drink", &state);
  until = local_iso (state.snoozed_until);
  g_assert_cmpstr (until, ==, "2026-11-27T09:23:30+01:00");
  fl_reminder_state_clear (&state);

  advance_minutes (fixture, 29);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  assert_fired_due (fixture, 1, "2026-11-27T09:23:30+01:00");

  /* Firing ends the snooze; spacing rules again */
  fl_journal_get_reminder_state (fixture->journal, "drink", &state);
  g_assert_null (state.snoozed_until);
  g_assert_nonnull (state.last_fired);
  fl_reminder_state_clear (&state);
  assert_next_due (fixture, "2026-11-27T10:53:30+01:00");

  /* A snooze while nothing is due holds it until then */
  add_drink (fixture->journal, "2026-11-27T09:30:00+01:00", 1000);
  /* 1250 ml due at 7:00 + 15 h × 1250 / 2000 = 16:22:30 */
  assert_next_due (fixture, "2026-11-27T16:22:30+01:00");
  fl_scheduler_snooze (fixture->scheduler, "drink", 8 * 60);
  assert_next_due (fixture, "2026-11-27T17:23:30+01:00");
}

static void
test_drinking_catches_up (Fixture       *fixture,
                          gconstpointer  data)
{
  advance_minutes (fixture, 112.5);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_next_due (fixture, "2026-11-27T10:22:30+01:00");

  /* 250 ml at 9:00: behind again when 500 ml are due, at 10:45 */
  fl_test_clock_set (fixture->clock, "2026-11-27T09:00:00+01:00");
  add_drink (fixture->journal, "2026-11-27T09:00:00+01:00", 250);
  assert_next_due (fixture, "2026-11-27T10:45:00+01:00");

  /* 750 ml more: 1250 ml due at 16:22:30 */
  add_drink (fixture->journal, "2026-11-27T09:01:00+01:00", 750);
  assert_next_due (fixture, "2026-11-27T16:22:30+01:00");

  /* Removing the drink (undo) brings it back */
  {
    GPtrArray *drinks = fl_journal_get_records (fixture->journal, FL_RECORD_DRINK);
    g_autofree char *id = g_strdup (((FlRecord *) g_ptr_array_index (drinks, 1))->id);
    g_autoptr(FlRecord) removed = fl_journal_remove (fixture->journal, FL_RECORD_DRINK, id);

    g_assert_nonnull (removed);
  }
  assert_next_due (fixture, "2026-11-27T10:45:00+01:00");

  fl_test_clock_set (fixture->clock, "2026-11-27T12:00:00+01:00");
  g_assert_cmpuint (fixture->fired->len, ==, 2);
}

static void
test_restart_does_not_repeat (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) saved = NULL;
  FlJournal *reloaded;

  advance_minutes (fixture, 112.5);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  /* Quit a minute later, start again from what was saved */
  advance_minutes (fixture, 1);
  stop_scheduler (fixture);
  saved = fl_journal_to_json (fixture->journal);
  reloaded = fl_journal_new_from_json (saved, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (fixture->journal);
  fixture->journal = reloaded;

  start_scheduler (fixture);
  assert_next_due (fixture, "2026-11-27T10:22:30+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  advance_minutes (fixture, 88);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
}

static void
test_missed_while_closed (Fixture       *fixture,
                          gconstpointer  data)
{
  /* The app starts at 14:00, behind since 8:52:30: one reminder, late,
   * due when it was missed */
  assert_now (fixture, "2026-11-27T14:00:00+01:00");
  assert_next_due (fixture, "2026-11-27T08:52:30+01:00");
  g_assert_cmpuint (fixture->fired->len, ==, 0);

  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T08:52:30+01:00");
  /* 2000 × 7 / 15 = 933 ml behind by now */
  g_assert_cmpstr (fired (fixture, 0)->body, ==, "You have had 0 ml of today’s 2.0 L — about 950 ml behind.");

  /* Once: the next one keeps 90 minutes from when it was shown */
  assert_next_due (fixture, "2026-11-27T15:30:00+01:00");
  advance_minutes (fixture, 89);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  /* A restart right after does not show it again */
  stop_scheduler (fixture);
  start_scheduler (fixture);
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_next_due (fixture, "2026-11-27T15:30:00+01:00");
}

static void
test_midnight (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-28T06:00:00+01:00", NULL);
  g_autoptr(FlRecord) run = fl_run_new (start, 3600, 10000);

  /* The drink reminder alone: the run's end would bring the cool-down one
   * (tested below) */
  fl_scheduler_set_cooldown_enabled (fixture->scheduler, FALSE);

  /* 22:30, today is over; tomorrow's goal has a planned hot run:
   * 2.0 + 1.95 = 3.95 L, 250 ml due at 7:00 + 15 h × 250 / 3950 = 7:56:58 */
  assert_now (fixture, "2026-11-27T22:30:00+01:00");
  assert_next_due (fixture, "2026-11-28T08:52:30+01:00");
  FL_RUN (run)->temperature_c = 28;
  g_assert_true (fl_journal_add (fixture->journal, run, &error));
  assert_next_due (fixture, "2026-11-28T07:56:58+01:00");

  /* Drinks logged after midnight count for tomorrow, not today */
  fl_test_clock_set (fixture->clock, "2026-11-28T00:30:00+01:00");
  add_drink (fixture->journal, "2026-11-28T00:30:00+01:00", 250);
  /* 500 ml due at 7:00 + 15 h × 500 / 3950 = 8:53:56 (rounded up) */
  assert_next_due (fixture, "2026-11-28T08:53:56+01:00");

  fl_test_clock_advance (fixture->clock, 9 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-28T08:53:56+01:00");
  g_assert_cmpstr (fired (fixture, 0)->body, ==, "You have had 250 ml of today’s 3.95 L — about 250 ml behind.");
}

static void
test_bedtime_after_midnight (Fixture       *fixture,
                             gconstpointer  data)
{
  /* 1650 ml by 21:00 against 2000: with a 23:00 bedtime nothing more today */
  add_drink (fixture->journal, "2026-11-27T21:00:00+01:00", 1650);
  assert_now (fixture, "2026-11-27T22:00:00+01:00");
  assert_next_due (fixture, "2026-11-28T08:52:30+01:00");

  /* Bed at 00:30: last call 23:30, 16.5 h after 7:00; 1900 ml are due
   * at 7:00 + 16.5 h × 1900 / 2000 = 22:40:30 */
  fl_scheduler_set_bedtime (fixture->scheduler, 30);
  assert_next_due (fixture, "2026-11-27T22:40:30+01:00");
  fl_test_clock_advance (fixture->clock, 45 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T22:40:30+01:00");

  /* 90 minutes later, 0:10:30, is after last call: tomorrow, in tomorrow's
   * 16.5 h window, 250 ml due after 2 h 3 min 45 s */
  assert_next_due (fixture, "2026-11-28T09:03:45+01:00");

  /* Bed at 2:00, last call 1:00: 0:10:30 still belongs to the 27th */
  fl_scheduler_set_bedtime (fixture->scheduler, 2 * 60);
  assert_next_due (fixture, "2026-11-28T00:10:30+01:00");
  fl_test_clock_set (fixture->clock, "2026-11-28T00:30:00+01:00");
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  assert_fired_due (fixture, 1, "2026-11-28T00:10:30+01:00");
  /* The 27th's drinks and goal: 2000 × 17.5 h / 18 h − 1650 = 294 ml */
  g_assert_cmpstr (fired (fixture, 1)->body, ==, "You have had 1.65 L of today’s 2.0 L — about 300 ml behind.");
  /* Next in the 28th's 18 h window: 250 ml due after 2 h 15 min */
  assert_next_due (fixture, "2026-11-28T09:15:00+01:00");
}

static void
test_dst_spring (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Europe/Berlin skips 02:00–03:00 on 2026-03-29: 7:00 is still 7:00 */
  assert_now (fixture, "2026-03-28T22:30:00+01:00");
  assert_next_due (fixture, "2026-03-29T08:52:30+02:00");

  /* 10 h 22 min 30 s on the clock face, 9 h 22 min 30 s of real time */
  fl_test_clock_advance (fixture->clock, 9 * G_TIME_SPAN_HOUR + 22 * G_TIME_SPAN_MINUTE + 29 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  fl_test_clock_advance (fixture->clock, G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_now (fixture, "2026-03-29T08:52:30+02:00");
  assert_fired_due (fixture, 0, "2026-03-29T08:52:30+02:00");
  assert_next_due (fixture, "2026-03-29T10:22:30+02:00");
}

static void
test_dst_autumn (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Europe/Berlin repeats 02:00–03:00 on 2026-10-25 */
  assert_now (fixture, "2026-10-24T22:30:00+02:00");
  assert_next_due (fixture, "2026-10-25T08:52:30+01:00");

  fl_test_clock_advance (fixture->clock, 11 * G_TIME_SPAN_HOUR + 22 * G_TIME_SPAN_MINUTE + 29 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  fl_test_clock_advance (fixture->clock, G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_now (fixture, "2026-10-25T08:52:30+01:00");
  assert_fired_due (fixture, 0, "2026-10-25T08:52:30+01:00");
  assert_next_due (fixture, "2026-10-25T10:22:30+01:00");
}

static void
test_dst_bedtime_after_midnight (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* Bed at 03:30 on the night the clocks go back (03:00 CEST becomes 02:00
   * CET): last call is 02:30 CET, 20.5 h of real time after 7:00 CEST;
   * with 1650 ml drunk, 1900 ml are due after 20.5 h × 0.95 = 19 h 28 min
   * 30 s, at 02:28:30 CEST, the first of the two 02:28:30s */
  add_drink (fixture->journal, "2026-10-24T21:00:00+02:00", 1650);
  assert_next_due (fixture, "2026-10-25T08:52:30+01:00");
  fl_scheduler_set_bedtime (fixture->scheduler, 3 * 60 + 30);
  assert_next_due (fixture, "2026-10-25T02:28:30+02:00");

  fl_test_clock_set (fixture->clock, "2026-10-25T02:45:00+02:00");
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-10-25T02:28:30+02:00");

  /* The 25th's own window, 7:00 CET to 02:30 CET, is 19.5 h: 250 ml due
   * after 2 h 26 min 15 s */
  assert_next_due (fixture, "2026-10-25T09:26:15+01:00");
}

static void
test_clock_jump_forward (Fixture       *fixture,
                         gconstpointer  data)
{
  assert_next_due (fixture, "2026-11-27T08:52:30+01:00");

  /* The clock is set to 12:00: the 8:52:30 reminder fires once, late */
  fl_test_clock_set (fixture->clock, "2026-11-27T12:00:00+01:00");
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T08:52:30+01:00");
  assert_next_due (fixture, "2026-11-27T13:30:00+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

static void
test_clock_jump_backward (Fixture       *fixture,
                          gconstpointer  data)
{
  advance_minutes (fixture, 112.5);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_next_due (fixture, "2026-11-27T10:22:30+01:00");

  /* Set back to 8:00: nothing fires, the wake-up is armed for 10:22:30
   * wall-clock time, 2 h 22 min 30 s away now */
  fl_test_clock_set (fixture->clock, "2026-11-27T08:00:00+01:00");
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_next_due (fixture, "2026-11-27T10:22:30+01:00");
  advance_minutes (fixture, 142);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  advance_minutes (fixture, 0.5);
  g_assert_cmpuint (fixture->fired->len, ==, 2);

  /* Back to the evening before: the last firing, now "in the future",
   * still holds the next one 90 minutes after it */
  fl_test_clock_set (fixture->clock, "2026-11-26T23:30:00+01:00");
  assert_next_due (fixture, "2026-11-27T11:52:30+01:00");
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_disable (Fixture       *fixture,
              gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect_swapped (fixture->scheduler, "notify::drink-enabled",
                            G_CALLBACK (count_notify), &notified);

  assert_next_due (fixture, "2026-11-27T08:52:30+01:00");
  fl_scheduler_set_drink_enabled (fixture->scheduler, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (fl_scheduler_get_drink_enabled (fixture->scheduler));
  assert_next_due (fixture, NULL);

  fl_scheduler_set_drink_enabled (fixture->scheduler, FALSE);
  g_assert_cmpuint (notified, ==, 1);

  fl_test_clock_advance (fixture->clock, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (fixture->fired->len, ==, 0);

  g_object_set (fixture->scheduler, "drink-enabled", TRUE, NULL);
  g_assert_cmpuint (notified, ==, 2);
  assert_next_due (fixture, "2026-11-28T08:52:30+01:00");
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  guint notified = 0;
  int wake = 0, bed = 0;

  g_object_get (fixture->scheduler, "wake-time", &wake, "bedtime", &bed, NULL);
  g_assert_cmpint (wake, ==, 7 * 60);
  g_assert_cmpint (bed, ==, 23 * 60);

  g_signal_connect_swapped (fixture->scheduler, "notify::wake-time",
                            G_CALLBACK (count_notify), &notified);
  fl_scheduler_set_wake_time (fixture->scheduler, 7 * 60);
  g_assert_cmpuint (notified, ==, 0);
  fl_scheduler_set_wake_time (fixture->scheduler, 6 * 60);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (fl_scheduler_get_wake_time (fixture->scheduler), ==, 6 * 60);
  /* 16 h to last call: 250 ml due after 2 h */
  assert_next_due (fixture, "2026-11-27T08:00:00+01:00");

  fl_scheduler_set_bedtime (fixture->scheduler, 22 * 60);
  g_assert_cmpint (fl_scheduler_get_bedtime (fixture->scheduler), ==, 22 * 60);
  /* 15 h: 6:00 + 1 h 52 min 30 s */
  assert_next_due (fixture, "2026-11-27T07:52:30+01:00");
}

/* The cool-down reminder. The fixture's drink reminder is switched off so
 * that what fires is the cool-down's alone, except where both are tested. */

static void
add_run (FlJournal  *journal,
         const char *start_iso,
         int         minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr(FlRecord) run = fl_run_new (start, minutes * 60, 8000);

  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

static void
add_cooldown (FlJournal  *journal,
              const char *start_iso,
              int         steps_done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr(FlRecord) cooldown = fl_record_new (FL_RECORD_COOLDOWN, start);

  FL_COOLDOWN (cooldown)->end = g_date_time_add_minutes (start, 10);
  FL_COOLDOWN (cooldown)->routine = g_strdup ("post-run-10");
  FL_COOLDOWN (cooldown)->steps_done = steps_done;
  FL_COOLDOWN (cooldown)->steps_total = 17;
  g_assert_true (fl_journal_add (journal, cooldown, &error));
  g_assert_no_error (error);
}

static void
cooldown_setup (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_setup (fixture, data);
  fl_scheduler_set_drink_enabled (fixture->scheduler, FALSE);
}

static void
assert_cooldown_due (Fixture    *fixture,
                     const char *expected)
{
  g_autofree char *due = local_iso (fl_scheduler_get_next_due (fixture->scheduler, "cooldown"));
  g_autofree char *deadline = local_iso (fl_scheduler_get_next_deadline (fixture->scheduler));

  g_assert_cmpstr (due, ==, expected);
  g_assert_cmpstr (deadline, ==, expected);
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, expected ? 1 : 0);
}

/* A run logged 5 minutes after it ended: "Time to cool down" at once,
 * with Start and Later; once */
static void
test_cooldown_after_run (Fixture       *fixture,
                         gconstpointer  data)
{
  FlReminderAction *action;
  FlReminder *reminder;
  const char *kind = NULL;
  gint32 minutes = 0;

  assert_cooldown_due (fixture, NULL);
  add_run (fixture->journal, "2026-11-27T06:10:00+01:00", 45);
  assert_cooldown_due (fixture, "2026-11-27T06:55:00+01:00");

  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  reminder = fired (fixture, 0);
  g_assert_cmpstr (reminder->kind, ==, "cooldown");
  g_assert_cmpstr (reminder->title, ==, "Time to cool down");
  g_assert_cmpstr (reminder->body, ==,
                   "A few minutes of stretching now, while your muscles are warm, helps against heavy legs.");
  assert_fired_due (fixture, 0, "2026-11-27T06:55:00+01:00");

  g_assert_cmpuint (reminder->actions->len, ==, 2);
  action = &g_array_index (reminder->actions, FlReminderAction, 0);
  g_assert_cmpstr (action->label, ==, "Start");
  g_assert_cmpstr (action->action, ==, "app.start-cooldown");
  g_assert_null (action->target);
  action = &g_array_index (reminder->actions, FlReminderAction, 1);
  g_assert_cmpstr (action->label, ==, "Later");
  g_assert_cmpstr (action->action, ==, "app.snooze");
  g_assert_cmpstr (g_variant_get_type_string (action->target), ==, "(si)");
  g_variant_get (action->target, "(&si)", &kind, &minutes);
  g_assert_cmpstr (kind, ==, "cooldown");
  g_assert_cmpint (minutes, ==, 30);

  /* Shown once: nothing more for this run */
  assert_cooldown_due (fixture, NULL);
  advance_minutes (fixture, 3 * 60);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  /* The next run brings it again */
  add_run (fixture->journal, "2026-11-27T09:30:00+01:00", 30);
  assert_cooldown_due (fixture, "2026-11-27T10:00:00+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  assert_fired_due (fixture, 1, "2026-11-27T10:00:00+01:00");
}

/* A run in the journal before it ends (a planned one): due as it ends */
static void
test_cooldown_as_run_ends (Fixture       *fixture,
                           gconstpointer  data)
{
  add_run (fixture->journal, "2026-11-27T07:00:00+01:00", 45);
  assert_cooldown_due (fixture, "2026-11-27T07:45:00+01:00");

  advance_minutes (fixture, 44);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T07:45:00+01:00");
}

/* "Later": 30 minutes; a cool-down logged meanwhile cancels it */
static void
test_cooldown_later (Fixture       *fixture,
                     gconstpointer  data)
{
  FlReminderState state = { NULL, NULL };

  add_run (fixture->journal, "2026-11-27T06:15:00+01:00", 40);
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  advance_minutes (fixture, 2);
  fl_scheduler_snooze (fixture->scheduler, "cooldown", 30);
  assert_cooldown_due (fixture, "2026-11-27T07:32:00+01:00");
  advance_minutes (fixture, 29);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  assert_fired_due (fixture, 1, "2026-11-27T07:32:00+01:00");
  assert_cooldown_due (fixture, NULL);

  fl_journal_get_reminder_state (fixture->journal, "cooldown", &state);
  g_assert_null (state.snoozed_until);
  fl_reminder_state_clear (&state);

  /* Later once more, then the runner does it from the window */
  fl_scheduler_snooze (fixture->scheduler, "cooldown", 30);
  assert_cooldown_due (fixture, "2026-11-27T08:02:00+01:00");
  advance_minutes (fixture, 10);
  add_cooldown (fixture->journal, "2026-11-27T07:42:00+01:00", 17);
  assert_cooldown_due (fixture, NULL);
  advance_minutes (fixture, 60);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
}

/* Only within 2 hours of the run's end, and not after a cool-down */
static void
test_cooldown_window (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Ended 05:00, exactly 2 h ago: too late to remind */
  add_run (fixture->journal, "2026-11-27T04:00:00+01:00", 60);
  assert_cooldown_due (fixture, NULL);

  /* Ended 06:30 and already cooled down at 06:35: nothing */
  add_run (fixture->journal, "2026-11-27T05:45:00+01:00", 45);
  add_cooldown (fixture->journal, "2026-11-27T06:35:00+01:00", 17);
  assert_cooldown_due (fixture, NULL);

  /* A cool-down stopped before any hold ran out does not count */
  add_run (fixture->journal, "2026-11-27T06:00:00+01:00", 40);
  add_cooldown (fixture->journal, "2026-11-27T06:45:00+01:00", 0);
  assert_cooldown_due (fixture, "2026-11-27T06:40:00+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

/* Reminded, quit, started again: not shown twice */
static void
test_cooldown_restart (Fixture       *fixture,
                       gconstpointer  data)
{
  add_run (fixture->journal, "2026-11-27T06:00:00+01:00", 50);
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);

  stop_scheduler (fixture);
  advance_minutes (fixture, 5);
  start_scheduler (fixture);
  fl_scheduler_set_drink_enabled (fixture->scheduler, FALSE);
  assert_cooldown_due (fixture, NULL);
  advance_minutes (fixture, 60);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

static void
test_cooldown_disable (Fixture       *fixture,
                       gconstpointer  data)
{
  guint notified = 0;
  gboolean enabled = FALSE;

  g_signal_connect_swapped (fixture->scheduler, "notify::cooldown-enabled",
                            G_CALLBACK (count_notify), &notified);
  g_object_get (fixture->scheduler, "cooldown-enabled", &enabled, NULL);
  g_assert_true (enabled);

  add_run (fixture->journal, "2026-11-27T07:00:00+01:00", 30);
  assert_cooldown_due (fixture, "2026-11-27T07:30:00+01:00");

  fl_scheduler_set_cooldown_enabled (fixture->scheduler, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (fl_scheduler_get_cooldown_enabled (fixture->scheduler));
  assert_cooldown_due (fixture, NULL);
  fl_scheduler_set_cooldown_enabled (fixture->scheduler, FALSE);
  g_assert_cmpuint (notified, ==, 1);

  advance_minutes (fixture, 60);
  g_assert_cmpuint (fixture->fired->len, ==, 0);

  /* Switched on again at 8:00, half an hour after the end: due at once */
  g_object_set (fixture->scheduler, "cooldown-enabled", TRUE, NULL);
  g_assert_cmpuint (notified, ==, 2);
  assert_cooldown_due (fixture, "2026-11-27T07:30:00+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

/* With the drink reminder on too: one wake-up, always for the earlier of
 * the two, and each fires at its own time */
static void
assert_one_wake_up_for_earliest (Fixture *fixture)
{
  GDateTime *drink = fl_scheduler_get_next_due (fixture->scheduler, "drink");
  GDateTime *cooldown = fl_scheduler_get_next_due (fixture->scheduler, "cooldown");
  GDateTime *earliest = drink;
  g_autofree char *expected = NULL;
  g_autofree char *deadline = NULL;

  if (earliest == NULL || (cooldown != NULL && g_date_time_compare (cooldown, earliest) < 0))
    earliest = cooldown;
  expected = local_iso (earliest);
  deadline = local_iso (fl_scheduler_get_next_deadline (fixture->scheduler));
  g_assert_cmpstr (deadline, ==, expected);
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, earliest ? 1 : 0);
}

static void
test_cooldown_and_drink (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *cooldown_due = NULL;
  guint cooldowns = 0;

  /* A 45-minute run from 9:00: the drink goal grows to 3.125 L, 250 ml due
   * by 7:00 + 15 h × 250 / 3125 = 8:12; the run ends at 9:45 */
  add_run (fixture->journal, "2026-11-27T09:00:00+01:00", 45);
  assert_next_due (fixture, "2026-11-27T08:12:00+01:00");
  cooldown_due = local_iso (fl_scheduler_get_next_due (fixture->scheduler, "cooldown"));
  g_assert_cmpstr (cooldown_due, ==, "2026-11-27T09:45:00+01:00");

  for (int i = 0; i < 16; i++)
    {
      advance_minutes (fixture, 15);
      assert_one_wake_up_for_earliest (fixture);
    }

  g_assert_cmpuint (fixture->fired->len, >=, 2);
  g_assert_cmpstr (fired (fixture, 0)->kind, ==, "drink");
  assert_fired_due (fixture, 0, "2026-11-27T08:12:00+01:00");
  for (guint i = 0; i < fixture->fired->len; i++)
    if (g_str_equal (fired (fixture, i)->kind, "cooldown"))
      {
        cooldowns++;
        assert_fired_due (fixture, i, "2026-11-27T09:45:00+01:00");
      }
  g_assert_cmpuint (cooldowns, ==, 1);
}

/* Wind-down and nap (fl-sleep.c). The drink and cool-down reminders are
 * switched off, so what is armed is the sleep reminder alone. */

static void
sleep_setup (Fixture       *fixture,
             gconstpointer  data)
{
  fixture_setup (fixture, data);
  fl_scheduler_set_drink_enabled (fixture->scheduler, FALSE);
  fl_scheduler_set_cooldown_enabled (fixture->scheduler, FALSE);
  fl_scheduler_set_wind_down_enabled (fixture->scheduler, TRUE);
  fl_scheduler_set_nap_enabled (fixture->scheduler, TRUE);
}

static void
add_sleep (FlJournal  *journal,
           const char *bed_iso,
           const char *wake_iso,
           gboolean    nap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) bed = g_date_time_new_from_iso8601 (bed_iso, NULL);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_SLEEP, bed);

  FL_SLEEP (record)->end = g_date_time_new_from_iso8601 (wake_iso, NULL);
  FL_SLEEP (record)->nap = nap;
  g_assert_true (fl_journal_add (journal, record, &error));
  g_assert_no_error (error);
}

static void
assert_kind_due (Fixture    *fixture,
                 const char *kind,
                 const char *expected)
{
  g_autofree char *due = local_iso (fl_scheduler_get_next_due (fixture->scheduler, kind));

  g_assert_cmpstr (due, ==, expected);
}

static void
assert_deadline (Fixture    *fixture,
                 const char *expected)
{
  g_autofree char *deadline = local_iso (fl_scheduler_get_next_deadline (fixture->scheduler));

  g_assert_cmpstr (deadline, ==, expected);
  g_assert_cmpuint (fl_test_clock_n_pending (fixture->clock), ==, expected ? 1 : 0);
}

/* 07:00 wake time − 8 h − 15 min = 22:45 bedtime; wind down at 22:15, once,
 * with "Snooze 15 min" */
static void
test_sleep_wind_down (Fixture       *fixture,
                      gconstpointer  data)
{
  FlReminderState state = { NULL, NULL };
  FlReminderAction *action;
  FlReminder *reminder;
  const char *kind = NULL;
  gint32 minutes = 0;

  assert_kind_due (fixture, "wind-down", "2026-11-27T22:15:00+01:00");
  assert_kind_due (fixture, "nap", NULL);
  assert_deadline (fixture, "2026-11-27T22:15:00+01:00");

  advance_minutes (fixture, 4 * 60 + 14);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  reminder = fired (fixture, 0);
  g_assert_cmpstr (reminder->kind, ==, "wind-down");
  g_assert_cmpstr (reminder->title, ==, "Time to wind down");
  g_assert_cmpstr (reminder->body, ==,
                   "Bedtime is 22:45: 8 h of sleep before you get up at 07:00, with 15 minutes to fall asleep. "
                   "Dim the lights and put screens away.");
  g_assert_cmpuint (reminder->actions->len, ==, 1);
  action = &g_array_index (reminder->actions, FlReminderAction, 0);
  g_assert_cmpstr (action->label, ==, "Snooze 15 min");
  g_assert_cmpstr (action->action, ==, "app.snooze");
  g_variant_get (action->target, "(&si)", &kind, &minutes);
  g_assert_cmpstr (kind, ==, "wind-down");
  g_assert_cmpint (minutes, ==, 15);

  /* Once tonight; tomorrow evening again */
  assert_kind_due (fixture, "wind-down", "2026-11-28T22:15:00+01:00");

  /* Snoozed: 15 minutes on, then not again tonight */
  fl_scheduler_snooze (fixture->scheduler, "wind-down", 15);
  assert_deadline (fixture, "2026-11-27T22:30:00+01:00");
  advance_minutes (fixture, 15);
  g_assert_cmpuint (fixture->fired->len, ==, 2);
  assert_fired_due (fixture, 1, "2026-11-27T22:30:00+01:00");
  g_assert_cmpstr (fired (fixture, 1)->body, ==,
                   "Bedtime is 22:45: 8 h of sleep before you get up at 07:00, with 15 minutes to fall asleep. "
                   "Dim the lights and put screens away.");
  fl_journal_get_reminder_state (fixture->journal, "wind-down", &state);
  g_assert_null (state.snoozed_until);
  fl_reminder_state_clear (&state);
  assert_kind_due (fixture, "wind-down", "2026-11-28T22:15:00+01:00");

  /* A restart does not repeat it */
  stop_scheduler (fixture);
  start_scheduler (fixture);
  fl_scheduler_set_drink_enabled (fixture->scheduler, FALSE);
  fl_scheduler_set_cooldown_enabled (fixture->scheduler, FALSE);
  fl_scheduler_set_wind_down_enabled (fixture->scheduler, TRUE);
  assert_deadline (fixture, "2026-11-28T22:15:00+01:00");
  g_assert_cmpuint (fixture->fired->len, ==, 2);
}

/* The need moves it: a higher baseline, a nap today */
static void
test_sleep_wind_down_follows_need (Fixture       *fixture,
                                   gconstpointer  data)
{
  fl_scheduler_set_sleep_baseline (fixture->scheduler, 9 * 60);
  assert_kind_due (fixture, "wind-down", "2026-11-27T21:15:00+01:00");
  fl_scheduler_set_wake_time (fixture->scheduler, 6 * 60 + 30);
  assert_kind_due (fixture, "wind-down", "2026-11-27T20:45:00+01:00");

  /* A 40-minute nap today takes 40 minutes off tonight's need */
  add_sleep (fixture->journal, "2026-11-27T13:00:00+01:00", "2026-11-27T13:40:00+01:00", TRUE);
  assert_kind_due (fixture, "wind-down", "2026-11-27T21:25:00+01:00");

  fl_scheduler_set_wind_down_enabled (fixture->scheduler, FALSE);
  assert_kind_due (fixture, "wind-down", NULL);
  assert_deadline (fixture, NULL);
}

/* Started at 22:30, after the wind-down time but before bedtime: shown
 * once, late; started after bedtime: not at all tonight */
static void
test_sleep_wind_down_missed (Fixture       *fixture,
                             gconstpointer  data)
{
  assert_deadline (fixture, "2026-11-27T22:15:00+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T22:15:00+01:00");
  assert_deadline (fixture, "2026-11-28T22:15:00+01:00");
}

static void
test_sleep_wind_down_after_bedtime (Fixture       *fixture,
                                    gconstpointer  data)
{
  assert_deadline (fixture, "2026-11-28T22:15:00+01:00");
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
}

/* The evening before the clocks go forward, 8 h before 07:00 summer time
 * is 22:00 winter time: bed at 21:45, wind down at 21:15 */
static void
test_sleep_wind_down_dst (Fixture       *fixture,
                          gconstpointer  data)
{
  assert_deadline (fixture, "2026-03-28T21:15:00+01:00");
  advance_minutes (fixture, 3 * 60 + 15);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  g_assert_cmpstr (fired (fixture, 0)->body, ==,
                   "Bedtime is 21:45: 8 h of sleep before you get up at 07:00, with 15 minutes to fall asleep. "
                   "Dim the lights and put screens away.");
  /* The next evening, in summer time */
  assert_deadline (fixture, "2026-03-29T22:15:00+02:00");
}

/* After a night of 6 h 10 min, the nap reminder at 13:00 with "Dismiss" */
static void
test_sleep_nap (Fixture       *fixture,
                gconstpointer  data)
{
  FlReminderAction *action;
  FlReminder *reminder;

  fl_scheduler_set_wind_down_enabled (fixture->scheduler, FALSE);
  assert_kind_due (fixture, "nap", NULL);

  add_sleep (fixture->journal, "2026-11-27T00:30:00+01:00", "2026-11-27T06:40:00+01:00", FALSE);
  assert_kind_due (fixture, "nap", "2026-11-27T13:00:00+01:00");
  assert_deadline (fixture, "2026-11-27T13:00:00+01:00");

  advance_minutes (fixture, 6 * 60);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  reminder = fired (fixture, 0);
  g_assert_cmpstr (reminder->kind, ==, "nap");
  g_assert_cmpstr (reminder->title, ==, "A short nap would help");
  g_assert_cmpstr (reminder->body, ==,
                   "You slept 6 h 10 min last night. A nap from 13:00 to 13:30 helps; keep it under half an hour.");
  g_assert_cmpuint (reminder->actions->len, ==, 1);
  action = &g_array_index (reminder->actions, FlReminderAction, 0);
  g_assert_cmpstr (action->label, ==, "Dismiss");
  g_assert_cmpstr (action->action, ==, "app.dismiss-reminder");
  g_assert_cmpstr (g_variant_get_string (action->target, NULL), ==, "nap");

  /* Once: nothing more today, and tomorrow's depends on tonight */
  assert_kind_due (fixture, "nap", NULL);
  assert_deadline (fixture, NULL);
  advance_minutes (fixture, 24 * 60);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

/* A full night, or a nap taken already: no reminder */
static void
test_sleep_nap_not_needed (Fixture       *fixture,
                           gconstpointer  data)
{
  fl_scheduler_set_wind_down_enabled (fixture->scheduler, FALSE);

  add_sleep (fixture->journal, "2026-11-26T23:40:00+01:00", "2026-11-27T06:40:00+01:00", FALSE);
  assert_kind_due (fixture, "nap", NULL);

  fl_scheduler_set_nap_enabled (fixture->scheduler, FALSE);
  assert_kind_due (fixture, "nap", NULL);
}

/* Started at 13:10 after a short night: shown at once, late; at 13:40,
 * when the nap window has closed, not at all */
static void
test_sleep_nap_missed (Fixture       *fixture,
                       gconstpointer  data)
{
  fl_scheduler_set_wind_down_enabled (fixture->scheduler, FALSE);
  add_sleep (fixture->journal, "2026-11-27T01:00:00+01:00", "2026-11-27T06:00:00+01:00", FALSE);
  fl_test_clock_advance (fixture->clock, 0);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T13:00:00+01:00");

  fl_journal_set_reminder_state (fixture->journal, "nap", NULL);
  fl_test_clock_set (fixture->clock, "2026-11-27T13:40:00+01:00");
  assert_kind_due (fixture, "nap", NULL);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

/* Blood test (fl-iron.h): a vegetarian woman of 36; only "blood-test"
 * reminders are looked at */
static void
blood_setup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FlProfile profile;

  fixture_setup (fixture, data);
  fl_scheduler_set_drink_enabled (fixture->scheduler, FALSE);
  fl_scheduler_set_cooldown_enabled (fixture->scheduler, FALSE);
  profile = *fl_journal_get_profile (fixture->journal);
  profile.sex = FL_SEX_FEMALE;
  profile.diet = FL_DIET_VEGETARIAN;
  g_assert_true (fl_journal_set_profile (fixture->journal, &profile, &error));
  g_assert_no_error (error);
}

static guint
n_blood_tests (Fixture *fixture)
{
  guint n = 0;

  for (guint i = 0; i < fixture->fired->len; i++)
    n += g_str_equal (((FlReminder *) g_ptr_array_index (fixture->fired, i))->kind, "blood-test");
  return n;
}

static FlReminder *
last_blood_test (Fixture *fixture)
{
  for (guint i = fixture->fired->len; i > 0; i--)
    {
      FlReminder *reminder = g_ptr_array_index (fixture->fired, i - 1);

      if (g_str_equal (reminder->kind, "blood-test"))
        return reminder;
    }
  g_assert_not_reached ();
}

static void
add_ferritin_result (FlJournal *journal,
                     int        month,
                     int        day,
                     double     ug_per_l)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) midnight = g_date_time_new_local (2026, month, day, 0, 0, 0);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_FERRITIN, midnight);

  FL_FERRITIN (record)->ug_per_l = ug_per_l;
  g_assert_true (fl_journal_add (journal, record, &error));
  g_assert_no_error (error);
}

static void
add_legs (FlJournal *journal,
          int        day,
          int        legs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) midnight = g_date_time_new_local (2026, 11, day, 0, 0, 0);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_CHECKIN, midnight);

  FL_CHECKIN (record)->legs = legs;
  g_assert_true (fl_journal_add (journal, record, &error));
  g_assert_no_error (error);
}

static void
assert_blood_due (Fixture    *fixture,
                  const char *expected)
{
  g_autofree char *due = local_iso (fl_scheduler_get_next_due (fixture->scheduler, "blood-test"));

  g_assert_cmpstr (due, ==, expected);
}

/* A low ferritin logged: the suggestion comes at once, says why, opens the
 * Iron page, and comes again only a month later */
static void
test_blood_test_once_a_month (Fixture       *fixture,
                              gconstpointer  data)
{
  FlReminder *reminder;
  FlReminderAction *action;

  assert_blood_due (fixture, NULL);
  add_ferritin_result (fixture->journal, 11, 20, 24);
  assert_blood_due (fixture, "2026-11-27T10:00:00+01:00");

  fl_test_clock_advance (fixture->clock, G_TIME_SPAN_SECOND);
  g_assert_cmpuint (n_blood_tests (fixture), ==, 1);
  reminder = last_blood_test (fixture);
  g_assert_cmpstr (reminder->title, ==, "A blood test could help");
  g_assert_cmpstr (reminder->body, ==,
                   "Your last ferritin result, 24 µg/L, reads “low”. A blood test with your GP can tell whether "
                   "your iron stores are filling up. This is information, not medical advice.");
  g_assert_cmpuint (reminder->actions->len, ==, 1);
  action = &g_array_index (reminder->actions, FlReminderAction, 0);
  g_assert_cmpstr (action->label, ==, "Open Iron");
  g_assert_cmpstr (action->action, ==, "app.show-page");
  g_assert_cmpstr (g_variant_get_string (action->target, NULL), ==, "iron");

  /* A month after it fired, not before, and only while the rule holds */
  assert_blood_due (fixture, "2026-12-27T10:00:00+01:00");
  fl_test_clock_advance (fixture->clock, 29 * G_TIME_SPAN_DAY);
  g_assert_cmpuint (n_blood_tests (fixture), ==, 1);
  fl_test_clock_advance (fixture->clock, 2 * G_TIME_SPAN_DAY);
  g_assert_cmpuint (n_blood_tests (fixture), ==, 2);

  /* A restart remembers it (the journal keeps the firing) */
  stop_scheduler (fixture);
  start_scheduler (fixture);
  assert_blood_due (fixture, "2027-01-27T10:00:00+01:00");

  /* A good result ends it */
  add_ferritin_result (fixture->journal, 12, 28, 45);
  assert_blood_due (fixture, NULL);
}

/* Heavy legs on 5 of 14 days with a risk flag; the fifth day logged late at night waits for morning */
static void
test_blood_test_heavy_legs_night (Fixture       *fixture,
                                  gconstpointer  data)
{
  add_legs (fixture->journal, 20, 4);
  add_legs (fixture->journal, 22, 5);
  add_legs (fixture->journal, 24, 4);
  add_legs (fixture->journal, 26, 4);
  assert_blood_due (fixture, NULL);
  add_legs (fixture->journal, 27, 5);
  /* 23:30: after last call (22:00), so at 07:00 */
  assert_blood_due (fixture, "2026-11-28T07:00:00+01:00");
  fl_test_clock_advance (fixture->clock, 7 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (n_blood_tests (fixture), ==, 0);
  fl_test_clock_advance (fixture->clock, 30 * G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (n_blood_tests (fixture), ==, 1);
  g_assert_true (g_str_has_prefix (last_blood_test (fixture)->body,
                                   "Your legs felt heavy on 5 of the last 14 days"));
}

static void
test_blood_test_disable (Fixture       *fixture,
                         gconstpointer  data)
{
  add_ferritin_result (fixture->journal, 11, 2, 12);
  assert_blood_due (fixture, "2026-11-27T10:00:00+01:00");
  g_object_set (fixture->scheduler, "blood-test-enabled", FALSE, NULL);
  g_assert_false (fl_scheduler_get_blood_test_enabled (fixture->scheduler));
  assert_blood_due (fixture, NULL);
  fl_test_clock_advance (fixture->clock, G_TIME_SPAN_DAY);
  g_assert_cmpuint (n_blood_tests (fixture), ==, 0);
}

/* Rest day: only this kind on, so that what fires is the rest-day reminder */
static void
rest_day_setup (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_setup (fixture, data);
  g_object_set (fixture->scheduler,
                "drink-enabled", FALSE,
                "cooldown-enabled", FALSE,
                "wind-down-enabled", FALSE,
                "nap-enabled", FALSE,
                "blood-test-enabled", FALSE,
                NULL);
}

static void
add_hard_run (FlJournal  *journal,
              const char *start_iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (start_iso, NULL);
  g_autoptr(FlRecord) run = fl_run_new (start, 40 * 60, 8000);

  /* CR-10 8: "very hard" */
  FL_RUN (run)->rpe = 8;
  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

static void
assert_rest_day_due (Fixture    *fixture,
                     const char *expected)
{
  g_autofree char *due = local_iso (fl_scheduler_get_next_due (fixture->scheduler, "rest-day"));

  g_assert_cmpstr (due, ==, expected);
}

/* Two hard days in a row (yesterday and this morning): tomorrow is a rest
 * day, said at 20:00 this evening, once */
static void
test_rest_day_evening_before (Fixture       *fixture,
                              gconstpointer  data)
{
  FlReminder *reminder;
  FlReminderAction *action;

  g_assert_true (fl_scheduler_get_rest_day_enabled (fixture->scheduler));
  g_assert_cmpint (fl_scheduler_get_rest_day_time (fixture->scheduler), ==, 20 * 60);

  add_hard_run (fixture->journal, "2026-11-26T18:00:00+01:00");
  /* One hard day: no rest day to announce */
  assert_rest_day_due (fixture, NULL);
  g_assert_null (fl_scheduler_get_next_deadline (fixture->scheduler));

  add_hard_run (fixture->journal, "2026-11-27T06:00:00+01:00");
  assert_rest_day_due (fixture, "2026-11-27T20:00:00+01:00");

  advance_minutes (fixture, 13 * 60 - 1);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
  advance_minutes (fixture, 1);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  reminder = fired (fixture, 0);
  g_assert_cmpstr (reminder->kind, ==, "rest-day");
  g_assert_cmpstr (reminder->title, ==, "Tomorrow is a rest day");
  g_assert_true (g_str_has_prefix (reminder->body, "Two hard days in a row."));
  g_assert_cmpuint (reminder->actions->len, ==, 1);
  action = &g_array_index (reminder->actions, FlReminderAction, 0);
  g_assert_cmpstr (action->label, ==, "Open Plan");
  g_assert_cmpstr (action->action, ==, "app.show-page");
  g_assert_cmpstr (g_variant_get_string (action->target, NULL), ==, "training");

  /* Once: the rest day itself has nothing to announce */
  assert_rest_day_due (fixture, NULL);
  advance_minutes (fixture, 36 * 60);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
}

/* The time comes from Preferences; switched off, nothing */
static void
test_rest_day_time_and_switch (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *deadline = NULL;

  add_hard_run (fixture->journal, "2026-11-26T18:00:00+01:00");
  add_hard_run (fixture->journal, "2026-11-27T06:00:00+01:00");

  g_object_set (fixture->scheduler, "rest-day-time", 21 * 60 + 30, NULL);
  assert_rest_day_due (fixture, "2026-11-27T21:30:00+01:00");
  deadline = local_iso (fl_scheduler_get_next_deadline (fixture->scheduler));
  g_assert_cmpstr (deadline, ==, "2026-11-27T21:30:00+01:00");

  fl_scheduler_set_rest_day_enabled (fixture->scheduler, FALSE);
  assert_rest_day_due (fixture, NULL);
  g_assert_null (fl_scheduler_get_next_deadline (fixture->scheduler));
  advance_minutes (fixture, 24 * 60);
  g_assert_cmpuint (fixture->fired->len, ==, 0);
}

/* Opened at 22:00 on the evening before: shown at once, late, once; a
 * restart does not show it again */
static void
test_rest_day_missed (Fixture       *fixture,
                      gconstpointer  data)
{
  add_hard_run (fixture->journal, "2026-11-26T18:00:00+01:00");
  add_hard_run (fixture->journal, "2026-11-27T06:00:00+01:00");

  fl_test_clock_advance (fixture->clock, 0);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_fired_due (fixture, 0, "2026-11-27T20:00:00+01:00");

  stop_scheduler (fixture);
  start_scheduler (fixture);
  g_object_set (fixture->scheduler, "drink-enabled", FALSE, "cooldown-enabled", FALSE,
                "wind-down-enabled", FALSE, "nap-enabled", FALSE, "blood-test-enabled", FALSE, NULL);
  fl_test_clock_advance (fixture->clock, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (fixture->fired->len, ==, 1);
  assert_rest_day_due (fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, now) \
  g_test_add ("/fl/scheduler/" path, Fixture, now, fixture_setup, func, fixture_teardown)

  ADD ("pace-rule", test_pace_rule, NULL);
  ADD ("reminder-content", test_reminder_content, NULL);
  ADD ("body-at-due-time", test_body_at_due_time, NULL);
  ADD ("not-before-wake", test_not_before_wake, "2026-11-27T05:00:00+01:00");
  ADD ("not-after-last-call", test_not_after_last_call, NULL);
  ADD ("at-last-call-nothing-today", test_at_last_call_nothing_today, "2026-11-27T22:00:00+01:00");
  ADD ("spacing-90-minutes", test_spacing, NULL);
  ADD ("snooze", test_snooze, NULL);
  ADD ("drinking-catches-up", test_drinking_catches_up, NULL);
  ADD ("restart-does-not-repeat", test_restart_does_not_repeat, NULL);
  ADD ("missed-while-closed", test_missed_while_closed, "2026-11-27T14:00:00+01:00");
  ADD ("midnight", test_midnight, "2026-11-27T22:30:00+01:00");
  ADD ("bedtime-after-midnight", test_bedtime_after_midnight, "2026-11-27T22:00:00+01:00");
  ADD ("dst-spring", test_dst_spring, "2026-03-28T22:30:00+01:00");
  ADD ("dst-autumn", test_dst_autumn, "2026-10-24T22:30:00+02:00");
  ADD ("dst-bedtime-after-midnight", test_dst_bedtime_after_midnight, "2026-10-24T22:00:00+02:00");
  ADD ("clock-jump-forward", test_clock_jump_forward, NULL);
  ADD ("clock-jump-backward", test_clock_jump_backward, NULL);
  ADD ("disable", test_disable, NULL);
  ADD ("properties", test_properties, NULL);
  ADD ("cooldown-and-drink", test_cooldown_and_drink, NULL);

#define ADD_COOLDOWN(path, func, now) \
  g_test_add ("/fl/scheduler/cooldown/" path, Fixture, now, cooldown_setup, func, fixture_teardown)

  ADD_COOLDOWN ("after-run", test_cooldown_after_run, NULL);
  ADD_COOLDOWN ("as-run-ends", test_cooldown_as_run_ends, NULL);
  ADD_COOLDOWN ("later", test_cooldown_later, NULL);
  ADD_COOLDOWN ("window", test_cooldown_window, NULL);
  ADD_COOLDOWN ("restart-does-not-repeat", test_cooldown_restart, NULL);
  ADD_COOLDOWN ("disable", test_cooldown_disable, NULL);

#undef ADD_COOLDOWN

#define ADD_SLEEP(path, func, now) \
  g_test_add ("/fl/scheduler/sleep/" path, Fixture, now, sleep_setup, func, fixture_teardown)

  ADD_SLEEP ("wind-down", test_sleep_wind_down, "2026-11-27T18:00:00+01:00");
  ADD_SLEEP ("wind-down-follows-need", test_sleep_wind_down_follows_need, "2026-11-27T18:00:00+01:00");
  ADD_SLEEP ("wind-down-missed", test_sleep_wind_down_missed, "2026-11-27T22:30:00+01:00");
  ADD_SLEEP ("wind-down-after-bedtime", test_sleep_wind_down_after_bedtime, "2026-11-27T22:50:00+01:00");
  ADD_SLEEP ("wind-down-dst", test_sleep_wind_down_dst, "2026-03-28T18:00:00+01:00");
  ADD_SLEEP ("nap", test_sleep_nap, "2026-11-27T07:00:00+01:00");
  ADD_SLEEP ("nap-not-needed", test_sleep_nap_not_needed, "2026-11-27T07:00:00+01:00");
  ADD_SLEEP ("nap-missed", test_sleep_nap_missed, "2026-11-27T13:10:00+01:00");

#undef ADD_SLEEP

#define ADD_BLOOD(path, func, now) \
  g_test_add ("/fl/scheduler/blood-test/" path, Fixture, now, blood_setup, func, fixture_teardown)

  ADD_BLOOD ("once-a-month", test_blood_test_once_a_month, "2026-11-27T10:00:00+01:00");
  ADD_BLOOD ("heavy-legs-night", test_blood_test_heavy_legs_night, "2026-11-27T23:30:00+01:00");
  ADD_BLOOD ("disable", test_blood_test_disable, "2026-11-27T10:00:00+01:00");

#undef ADD_BLOOD

#define ADD_REST_DAY(path, func, now) \
  g_test_add ("/fl/scheduler/rest-day/" path, Fixture, now, rest_day_setup, func, fixture_teardown)

  ADD_REST_DAY ("evening-before", test_rest_day_evening_before, "2026-11-27T07:00:00+01:00");
  ADD_REST_DAY ("time-and-switch", test_rest_day_time_and_switch, "2026-11-27T07:00:00+01:00");
  ADD_REST_DAY ("missed", test_rest_day_missed, "2026-11-27T22:00:00+01:00");

#undef ADD_REST_DAY

#undef ADD

  return g_test_run ();
}
