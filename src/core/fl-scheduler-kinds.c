/* fl-scheduler-kinds.c: when each kind of reminder is due and what it says,
 * for the rows of the scheduler's kinds[] table (fl-scheduler-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-hydration.h"
#include "fl-iron.h"
#include "fl-scheduler-private.h"
#include "fl-sleep.h"
#include "fl-stretch-session.h"
#include "fl-training.h"

/* DESIGN.md "Hydration": drink reminders at least 90 minutes apart, and none
 * in the last hour before bedtime. */
#define DRINK_SPACING       (90 * G_TIME_SPAN_MINUTE)
#define LAST_CALL_BEFORE_BED (60 * G_TIME_SPAN_MINUTE)
#define DRINK_QUICK_ML      250
#define DRINK_SNOOZE_MIN    30

/* DESIGN.md "Reminders": the cool-down is offered as a run ends, or as it
 * is logged or imported within 2 hours of its end (FL_COOLDOWN_WINDOW);
 * "Later" is 30 minutes. */
#define COOLDOWN_SNOOZE_MIN 30
/* How far back a run can have started and still matter: the window, the
 * longest run a record takes (48 h) and the longest snooze (24 h). */
#define COOLDOWN_LOOK_BACK  (FL_COOLDOWN_WINDOW + 72 * G_TIME_SPAN_HOUR)

static GDateTime *
later (GDateTime *a,
       GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return g_date_time_compare (a, b) >= 0 ? a : b;
}

/* Local wall time @minutes after midnight on @date: 07:00 is 07:00 on the
 * days the clocks change too. */
static GDateTime *
local_time_on (const GDate *date,
               int          minutes)
{
  return g_date_time_new_local (g_date_get_year (date),
                                g_date_get_month (date),
                                g_date_get_day (date),
                                minutes / 60, minutes % 60, 0);
}

/* The waking day that starts on @date: from wake time to an hour before
 * bedtime. A bedtime at or before the wake time (00:30 with 07:00) falls on
 * the next calendar day. */
static void
waking_window (FlScheduler  *self,
               const GDate  *date,
               GDateTime   **out_wake,
               GDateTime   **out_last_call)
{
  int wake_time = fl_scheduler_get_wake_time (self);
  int bedtime = fl_scheduler_get_bedtime (self);
  g_autoptr(GDateTime) bed = NULL;
  GDate bed_date = *date;

  if (bedtime <= wake_time)
    g_date_add_days (&bed_date, 1);

  bed = local_time_on (&bed_date, bedtime);
  *out_wake = local_time_on (date, wake_time);
  *out_last_call = g_date_time_add (bed, -LAST_CALL_BEFORE_BED);
}

/* The date whose waking day @time belongs to: after midnight but before
 * the wake time, with a bedtime past midnight, it is still yesterday's. */
static void
waking_date_of (FlScheduler *self,
                GDateTime   *time,
                GDate       *out_date)
{
  int wake_time = fl_scheduler_get_wake_time (self);
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  fl_date_from_date_time (local, out_date);
  if (fl_scheduler_get_bedtime (self) <= wake_time && minutes < wake_time)
    g_date_subtract_days (out_date, 1);
}

/* Drink: the first moment the runner is behind pace, during waking hours,
 * at least 90 minutes after the last drink reminder or at the end of a
 * snooze. */

GDateTime *
fl_scheduler_drink_next_due (FlScheduler *self,
                             GDateTime   *now)
{
  FlJournal *journal = fl_scheduler_get_journal (self);
  FlReminderState state = { NULL, NULL };
  g_autoptr(GDateTime) spaced = NULL;
  GDateTime *due = NULL;
  GDate date;

  fl_journal_get_reminder_state (journal, "drink", &state);

  /* A snooze is the runner asking to be reminded then: it takes the place
   * of the 90-minute spacing (firing clears it, so a snooze is always newer
   * than the last firing). */
  if (state.snoozed_until != NULL)
    spaced = g_date_time_ref (state.snoozed_until);
  else if (state.last_fired != NULL)
    spaced = g_date_time_add (state.last_fired, DRINK_SPACING);

  /* Yesterday's waking day may still run past midnight, then today's, then
   * tomorrow's (with tomorrow's goal and whatever is logged for it). */
  waking_date_of (self, now, &date);
  g_date_subtract_days (&date, 1);
  for (int i = 0; i < 3 && due == NULL; i++, g_date_add_days (&date, 1))
    {
      g_autoptr(GDateTime) wake = NULL;
      g_autoptr(GDateTime) last_call = NULL;
      FlHydrationDay day;
      GDateTime *from;

      waking_window (self, &date, &wake, &last_call);

      /* Once last call has passed, a reminder missed earlier that day is
       * not worth a notification at bedtime. */
      if (g_date_time_compare (now, last_call) >= 0)
        continue;

      from = later (wake, spaced);
      fl_hydration_day_init (&day, journal, &date);
      due = fl_hydration_behind_at (&day, wake, last_call, from);
      fl_hydration_day_clear (&day);
    }

  fl_reminder_state_clear (&state);

  return due;
}

FlReminder *
fl_scheduler_drink_build (FlScheduler *self,
                          GDateTime   *due,
                          GDateTime   *now)
{
  g_autoptr(GDateTime) wake = NULL;
  g_autoptr(GDateTime) last_call = NULL;
  g_autofree char *drunk = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *behind = NULL;
  g_autofree char *body = NULL;
  g_autofree char *log_label = NULL;
  g_autofree char *snooze_label = NULL;
  g_autofree char *quick = NULL;
  FlHydrationDay day;
  FlReminder *reminder;
  GDate date;
  int behind_ml;

  waking_date_of (self, due, &date);
  waking_window (self, &date, &wake, &last_call);
  fl_hydration_day_init (&day, fl_scheduler_get_journal (self), &date);

  /* How far behind now (a late reminder is further behind than at its due
   * time), rounded as "about" promises. */
  behind_ml = fl_hydration_expected_ml (&day, wake, last_call, later (now, due)) - day.drunk_ml;
  behind_ml = MAX (50, (int) lround (behind_ml / 50.0) * 50);

  drunk = fl_format_volume (day.drunk_ml);
  goal = fl_format_volume (day.goal_ml);
  behind = fl_format_volume (behind_ml);
  /* Translators: "You have had 750 ml of today’s 3.55 L — about 600 ml behind." */
  body = g_strdup_printf (_("You have had %1$s of today’s %2$s — about %3$s behind."),
                          drunk, goal, behind);
  fl_hydration_day_clear (&day);

  reminder = fl_reminder_new ("drink", due, _("Time for a drink"), body);

  quick = fl_format_volume (DRINK_QUICK_ML);
  /* Translators: a button; %s is a volume ("250 ml") */
  log_label = g_strdup_printf (_("Log %s"), quick);
  fl_reminder_add_action (reminder, log_label, "app.log-drink",
                          g_variant_new_int32 (DRINK_QUICK_ML));

  snooze_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: a button */
                                               "Snooze %d min", "Snooze %d min",
                                               DRINK_SNOOZE_MIN),
                                  DRINK_SNOOZE_MIN);
  fl_reminder_add_action (reminder, snooze_label, "app.snooze",
                          g_variant_new ("(si)", "drink", DRINK_SNOOZE_MIN));

  return reminder;
}

/* Cool-down: due when a run ends (at once for one logged or imported
 * after its end, if that was less than 2 hours ago), unless a cool-down
 * was logged since; once per run, plus whenever the runner said "Later". */

GDateTime *
fl_scheduler_cooldown_next_due (FlScheduler *self,
                                GDateTime   *now)
{
  FlJournal *journal = fl_scheduler_get_journal (self);
  FlReminderState state = { NULL, NULL };
  g_autoptr(GDateTime) look_back = g_date_time_add (now, -COOLDOWN_LOOK_BACK);
  g_autoptr(GDateTime) window_start = g_date_time_add (now, -FL_COOLDOWN_WINDOW);
  GPtrArray *runs = fl_journal_get_records (journal, FL_RECORD_RUN);
  GDateTime *due = NULL;
  guint begin, end;

  fl_journal_get_reminder_state (journal, "cooldown", &state);

  /* Runs are in start order, their ends not quite: look at each. */
  fl_journal_range (journal, FL_RECORD_RUN, look_back, NULL, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      g_autoptr(GDateTime) run_end = fl_run_get_end (FL_RUN (g_ptr_array_index (runs, i)));
      GDateTime *candidate;

      if (fl_cooldown_logged_between (journal, run_end, NULL))
        continue;

      if (state.last_fired != NULL && g_date_time_compare (state.last_fired, run_end) >= 0)
        {
          /* Reminded already since this run ended: only a snooze brings it
           * back (firing clears the snooze, so a snooze is newer) */
          if (state.snoozed_until == NULL)
            continue;
          candidate = state.snoozed_until;
        }
      else
        {
          /* Missed by more than the window (logged late, or the app was
           * closed): no longer worth a notification */
          if (g_date_time_compare (run_end, window_start) <= 0)
            continue;
          candidate = run_end;
        }

      if (due == NULL || g_date_time_compare (candidate, due) < 0)
        {
          g_clear_pointer (&due, g_date_time_unref);
          due = g_date_time_ref (candidate);
        }
    }

  fl_reminder_state_clear (&state);

  return due;
}

FlReminder *
fl_scheduler_cooldown_build (FlScheduler *self,
                             GDateTime   *due,
                             GDateTime   *now)
{
  FlReminder *reminder;

  reminder = fl_reminder_new ("cooldown", due, _("Time to cool down"),
                              _("A few minutes of stretching now, while your muscles are warm, "
                                "helps against heavy legs."));

  /* Translators: a button that starts the guided cool-down */
  fl_reminder_add_action (reminder, C_("cool-down reminder", "Start"), "app.start-cooldown", NULL);

  /* Translators: a button: remind again in 30 minutes */
  fl_reminder_add_action (reminder, C_("cool-down reminder", "Later"), "app.snooze",
                          g_variant_new ("(si)", "cooldown", COOLDOWN_SNOOZE_MIN));

  return reminder;
}

/* Wind-down and nap: the rules live in fl-sleep.c; the scheduler gives them
 * its wake time and the runner's sleep baseline. */

static void
sleep_options (FlScheduler    *self,
               FlSleepOptions *options)
{
  fl_sleep_options_init (options);
  options->wake_time_min = fl_scheduler_get_wake_time (self);
  options->baseline_min = fl_scheduler_get_sleep_baseline (self);
}

GDateTime *
fl_scheduler_wind_down_next_due (FlScheduler *self,
                                 GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_wind_down_due (fl_scheduler_get_journal (self), &options, now);
}

FlReminder *
fl_scheduler_wind_down_build (FlScheduler *self,
                              GDateTime   *due,
                              GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_wind_down_build (fl_scheduler_get_journal (self), &options, due);
}

GDateTime *
fl_scheduler_nap_next_due (FlScheduler *self,
                           GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_nap_due (fl_scheduler_get_journal (self), &options, now);
}

FlReminder *
fl_scheduler_nap_build (FlScheduler *self,
                        GDateTime   *due,
                        GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_nap_build (fl_scheduler_get_journal (self), &options, due);
}

/* Blood test: the rule lives in fl-iron.c (at most once a month, never in
 * the night); the scheduler gives it the last firing and the waking day. */

GDateTime *
fl_scheduler_blood_test_next_due (FlScheduler *self,
                                  GDateTime   *now)
{
  FlJournal *journal = fl_scheduler_get_journal (self);
  FlReminderState state = { NULL, NULL };
  GDateTime *due;

  fl_journal_get_reminder_state (journal, "blood-test", &state);
  due = fl_iron_blood_test_due (journal, now, state.last_fired,
                                fl_scheduler_get_wake_time (self),
                                fl_scheduler_get_bedtime (self));
  fl_reminder_state_clear (&state);

  return due;
}

FlReminder *
fl_scheduler_blood_test_build (FlScheduler *self,
                               GDateTime   *due,
                               GDateTime   *now)
{
  return fl_iron_blood_test_reminder (fl_scheduler_get_journal (self), due);
}

/* Rest day: the rule lives in fl-training.c; the scheduler gives it the
 * time from Preferences and the last firing. */

GDateTime *
fl_scheduler_rest_day_next_due (FlScheduler *self,
                                GDateTime   *now)
{
  FlJournal *journal = fl_scheduler_get_journal (self);
  FlReminderState state = { NULL, NULL };
  GDateTime *due;

  fl_journal_get_reminder_state (journal, "rest-day", &state);
  due = fl_training_rest_day_due (journal, fl_scheduler_get_rest_day_time (self),
                                  state.last_fired, now);
  fl_reminder_state_clear (&state);

  return due;
}

FlReminder *
fl_scheduler_rest_day_build (FlScheduler *self,
                             GDateTime   *due,
                             GDateTime   *now)
{
  return fl_training_rest_day_build (fl_scheduler_get_journal (self), due);
}
