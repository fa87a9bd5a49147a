/* fl-scheduler.c: decides when each reminder is due, and wakes up once for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-hydration.h"
#include "fl-iron.h"
#include "fl-scheduler.h"
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

#define DEFAULT_WAKE_TIME (7 * 60)
#define DEFAULT_BEDTIME   (23 * 60)
#define MINUTES_PER_DAY   (24 * 60)

/* One kind of reminder. A new kind adds a row to kinds[] below: whether it
 * is switched on, when it is next due, and what it says. A due time before
 * @now is one missed while the app was closed or the machine slept: it fires
 * at once, says when it was due, and firing records it, so it is shown once. */
typedef struct
{
  const char  *name;
  gboolean   (*is_enabled) (FlScheduler *self);
  GDateTime *(*next_due)   (FlScheduler *self,
                            GDateTime   *now);
  FlReminder *(*build)     (FlScheduler *self,
                            GDateTime   *due,
                            GDateTime   *now);
} ReminderKind;

static gboolean    drink_is_enabled (FlScheduler *self);
static GDateTime  *drink_next_due   (FlScheduler *self,
                                     GDateTime   *now);
static FlReminder *drink_build      (FlScheduler *self,
                                     GDateTime   *due,
                                     GDateTime   *now);

static gboolean    cooldown_is_enabled (FlScheduler *self);
static GDateTime  *cooldown_next_due   (FlScheduler *self,
                                        GDateTime   *now);
static FlReminder *cooldown_build      (FlScheduler *self,
                                        GDateTime   *due,
                                        GDateTime   *now);

static gboolean    wind_down_is_enabled (FlScheduler *self);
static GDateTime  *wind_down_next_due   (FlScheduler *self,
                                         GDateTime   *now);
static FlReminder *wind_down_build      (FlScheduler *self,
                                         GDateTime   *due,
                                         GDateTime   *now);
static gboolean    nap_is_enabled       (FlScheduler *self);
static GDateTime  *nap_next_due         (FlScheduler *self,
                                         GDateTime   *now);
static FlReminder *nap_build            (FlScheduler *self,
                                         GDateTime   *due,
                                         GDateTime   *now);

static gboolean    blood_test_is_enabled (FlScheduler *self);
static GDateTime  *blood_test_next_due   (FlScheduler *self,
                                          GDateTime   *now);
static FlReminder *blood_test_build      (FlScheduler *self,
                                          GDateTime   *due,
                                          GDateTime   *now);

/* Rest day: the rule lives in fl-training.c; the scheduler gives it the
 * time from Preferences and the last firing. */
static gboolean    rest_day_is_enabled (FlScheduler *self);
static GDateTime  *rest_day_next_due   (FlScheduler *self,
                                        GDateTime   *now);
static FlReminder *rest_day_build      (FlScheduler *self,
                                        GDateTime   *due,
                                        GDateTime   *now);

static const ReminderKind kinds[] = {
  { "drink", drink_is_enabled, drink_next_due, drink_build },
  { "cooldown", cooldown_is_enabled, cooldown_next_due, cooldown_build },
  { "rest-day", rest_day_is_enabled, rest_day_next_due, rest_day_build },
  { "blood-test", blood_test_is_enabled, blood_test_next_due, blood_test_build },
  { "wind-down", wind_down_is_enabled, wind_down_next_due, wind_down_build },
  { "nap", nap_is_enabled, nap_next_due, nap_build },
};

#define N_KINDS G_N_ELEMENTS (kinds)

struct _FlScheduler
{
  GObject    parent_instance;

  FlJournal *journal;
  FlClock   *clock;

  int        wake_time;         /* minutes after local midnight */
  int        bedtime;
  gboolean   drink_enabled;
  gboolean   cooldown_enabled;
  gboolean   rest_day_enabled;
  int        rest_day_time;     /* minutes after local midnight */
  gboolean   blood_test_enabled;
  gboolean   wind_down_enabled;
  gboolean   nap_enabled;
  int        sleep_baseline;    /* minutes (fl-sleep.h) */

  GDateTime *due[N_KINDS];      /* per kind; NULL: not due today or tomorrow */
  GDateTime *deadline;          /* the armed one, or NULL */
  guint      deadline_id;
  gboolean   recording;         /* writing reminder state: recompute once, after */
};

G_DEFINE_FINAL_TYPE (FlScheduler, fl_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CLOCK,
  PROP_WAKE_TIME,
  PROP_BEDTIME,
  PROP_DRINK_ENABLED,
  PROP_COOLDOWN_ENABLED,
  PROP_REST_DAY_ENABLED,
  PROP_REST_DAY_TIME,
  PROP_BLOOD_TEST_ENABLED,
  PROP_WIND_DOWN_ENABLED,
  PROP_NAP_ENABLED,
  PROP_SLEEP_BASELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
kind_index (const char *name)
{
  for (guint i = 0; i < N_KINDS; i++)
    if (g_str_equal (kinds[i].name, name))
      return (int) i;

  return -1;
}

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
  g_autoptr(GDateTime) bed = NULL;
  GDate bed_date = *date;

  if (self->bedtime <= self->wake_time)
    g_date_add_days (&bed_date, 1);

  bed = local_time_on (&bed_date, self->bedtime);
  *out_wake = local_time_on (date, self->wake_time);
  *out_last_call = g_date_time_add (bed, -LAST_CALL_BEFORE_BED);
}

/* The date whose waking day @time belongs to: after midnight but before
 * the wake time, with a bedtime past midnight, it is still yesterday's. */
static void
waking_date_of (FlScheduler *self,
                GDateTime   *time,
                GDate       *out_date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  fl_date_from_date_time (local, out_date);
  if (self->bedtime <= self->wake_time && minutes < self->wake_time)
    g_date_subtract_days (out_date, 1);
}

/* Drink: the first moment the runner is behind pace, during waking hours,
 * at least 90 minutes after the last drink reminder or at the end of a
 * snooze. */

static gboolean
drink_is_enabled (FlScheduler *self)
{
  return self->drink_enabled;
}

static GDateTime *
drink_next_due (FlScheduler *self,
                GDateTime   *now)
{
  FlReminderState state = { NULL, NULL };
  g_autoptr(GDateTime) spaced = NULL;
  GDateTime *due = NULL;
  GDate date;

  fl_journal_get_reminder_state (self->journal, "drink", &state);

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
      fl_hydration_day_init (&day, self->journal, &date);
      due = fl_hydration_behind_at (&day, wake, last_call, from);
      fl_hydration_day_clear (&day);
    }

  fl_reminder_state_clear (&state);

  return due;
}

static FlReminder *
drink_build (FlScheduler *self,
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
  fl_hydration_day_init (&day, self->journal, &date);

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

static gboolean
cooldown_is_enabled (FlScheduler *self)
{
  return self->cooldown_enabled;
}

static GDateTime *
cooldown_next_due (FlScheduler *self,
                   GDateTime   *now)
{
  FlReminderState state = { NULL, NULL };
  g_autoptr(GDateTime) look_back = g_date_time_add (now, -COOLDOWN_LOOK_BACK);
  g_autoptr(GDateTime) window_start = g_date_time_add (now, -FL_COOLDOWN_WINDOW);
  GPtrArray *runs = fl_journal_get_records (self->journal, FL_RECORD_RUN);
  GDateTime *due = NULL;
  guint begin, end;

  fl_journal_get_reminder_state (self->journal, "cooldown", &state);

  /* Runs are in start order, their ends not quite: look at each. */
  fl_journal_range (self->journal, FL_RECORD_RUN, look_back, NULL, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      g_autoptr(GDateTime) run_end = fl_run_get_end (FL_RUN (g_ptr_array_index (runs, i)));
      GDateTime *candidate;

      if (fl_cooldown_logged_between (self->journal, run_end, NULL))
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

static FlReminder *
cooldown_build (FlScheduler *self,
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
  options->wake_time_min = self->wake_time;
  options->baseline_min = self->sleep_baseline;
}

static gboolean
wind_down_is_enabled (FlScheduler *self)
{
  return self->wind_down_enabled;
}

static GDateTime *
wind_down_next_due (FlScheduler *self,
                    GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_wind_down_due (self->journal, &options, now);
}

static FlReminder *
wind_down_build (FlScheduler *self,
                 GDateTime   *due,
                 GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_wind_down_build (self->journal, &options, due);
}

static gboolean
nap_is_enabled (FlScheduler *self)
{
  return self->nap_enabled;
}

static GDateTime *
nap_next_due (FlScheduler *self,
              GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_nap_due (self->journal, &options, now);
}

static FlReminder *
nap_build (FlScheduler *self,
           GDateTime   *due,
           GDateTime   *now)
{
  FlSleepOptions options;

  sleep_options (self, &options);
  return fl_sleep_nap_build (self->journal, &options, due);
}

/* Blood test: the rule lives in fl-iron.c (at most once a month, never in
 * the night); the scheduler gives it the last firing and the waking day. */

static gboolean
blood_test_is_enabled (FlScheduler *self)
{
  return self->blood_test_enabled;
}

static GDateTime *
blood_test_next_due (FlScheduler *self,
                     GDateTime   *now)
{
  FlReminderState state = { NULL, NULL };
  GDateTime *due;

  fl_journal_get_reminder_state (self->journal, "blood-test", &state);
  due = fl_iron_blood_test_due (self->journal, now, state.last_fired, self->wake_time, self->bedtime);
  fl_reminder_state_clear (&state);

  return due;
}

static FlReminder *
blood_test_build (FlScheduler *self,
                  GDateTime   *due,
                  GDateTime   *now)
{
  return fl_iron_blood_test_reminder (self->journal, due);
}

static gboolean
rest_day_is_enabled (FlScheduler *self)
{
  return self->rest_day_enabled;
}

static GDateTime *
rest_day_next_due (FlScheduler *self,
                   GDateTime   *now)
{
  FlReminderState state = { NULL, NULL };
  GDateTime *due;

  fl_journal_get_reminder_state (self->journal, "rest-day", &state);
  due = fl_training_rest_day_due (self->journal, self->rest_day_time, state.last_fired, now);
  fl_reminder_state_clear (&state);

  return due;
}

static FlReminder *
rest_day_build (FlScheduler *self,
                GDateTime   *due,
                GDateTime   *now)
{
  return fl_training_rest_day_build (self->journal, due);
}

static void arm (FlScheduler *self);

/* Computes every kind's due time from @now. */
static void
compute_dues (FlScheduler *self,
              GDateTime   *now)
{
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_clear_pointer (&self->due[i], g_date_time_unref);
      if (kinds[i].is_enabled (self))
        self->due[i] = kinds[i].next_due (self, now);
    }
}

static gboolean
on_deadline (gpointer user_data)
{
  FlScheduler *self = FL_SCHEDULER (user_data);
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_reminder_unref);
  g_autoptr(GDateTime) now = NULL;

  /* The clock forgets a deadline once it fired. */
  self->deadline_id = 0;
  g_clear_pointer (&self->deadline, g_date_time_unref);

  g_object_ref (self);
  now = fl_clock_now (self->clock);

  /* Decide afresh: since the deadline was armed, the clock may have jumped
   * or the machine slept. Record first, so that a reminder is never shown
   * twice, even if showing it goes wrong. */
  self->recording = TRUE;
  compute_dues (self, now);
  for (guint i = 0; i < N_KINDS; i++)
    {
      FlReminderState state = { now, NULL };

      if (self->due[i] == NULL || g_date_time_compare (self->due[i], now) > 0)
        continue;

      /* The journal remembers it even when read-only, so that it is not
       * shown again in this session either. */
      fl_journal_set_reminder_state (self->journal, kinds[i].name, &state);
      g_ptr_array_add (reminders, kinds[i].build (self, self->due[i], now));
    }
  self->recording = FALSE;

  for (guint i = 0; i < reminders->len; i++)
    g_signal_emit (self, signals[DUE], 0, g_ptr_array_index (reminders, i));

  fl_scheduler_recompute (self);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

/* One wake-up, for the earliest due time; a due time already past (missed
 * while the app was closed) fires at the next main-loop iteration, once:
 * firing records it, which moves the kind's next due time on. */
static void
arm (FlScheduler *self)
{
  GDateTime *earliest = NULL;

  for (guint i = 0; i < N_KINDS; i++)
    if (self->due[i] != NULL && (earliest == NULL || g_date_time_compare (self->due[i], earliest) < 0))
      earliest = self->due[i];

  if (self->deadline_id != 0)
    fl_clock_remove (self->clock, self->deadline_id);
  self->deadline_id = 0;
  g_clear_pointer (&self->deadline, g_date_time_unref);

  if (earliest == NULL)
    return;

  self->deadline = g_date_time_ref (earliest);
  self->deadline_id = fl_clock_add_wall_deadline (self->clock, earliest, on_deadline, self, NULL);
}

void
fl_scheduler_recompute (FlScheduler *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (FL_IS_SCHEDULER (self));

  /* on_deadline() recomputes once it has recorded what fired. */
  if (self->recording || self->journal == NULL || self->clock == NULL)
    return;

  now = fl_clock_now (self->clock);
  compute_dues (self, now);
  arm (self);
}

static void
on_changed (FlScheduler *self)
{
  fl_scheduler_recompute (self);
}

FlScheduler *
fl_scheduler_new (FlJournal *journal,
                  FlClock   *clock)
{
  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (FL_IS_CLOCK (clock), NULL);

  return g_object_new (FL_TYPE_SCHEDULER,
                       "journal", journal,
                       "clock", clock,
                       NULL);
}

gboolean
fl_scheduler_get_rest_day_enabled (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FALSE);

  return self->rest_day_enabled;
}

void
fl_scheduler_set_rest_day_enabled (FlScheduler *self,
                                   gboolean     enabled)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));

  enabled = !!enabled;
  if (self->rest_day_enabled == enabled)
    return;

  self->rest_day_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REST_DAY_ENABLED]);
  fl_scheduler_recompute (self);
}

int
fl_scheduler_get_rest_day_time (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FL_TRAINING_REST_DAY_TIME);

  return self->rest_day_time;
}

void
fl_scheduler_set_rest_day_time (FlScheduler *self,
                                int          minutes)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));
  g_return_if_fail (minutes >= 0 && minutes < MINUTES_PER_DAY);

  if (self->rest_day_time == minutes)
    return;

  self->rest_day_time = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REST_DAY_TIME]);
  fl_scheduler_recompute (self);
}

gboolean
fl_scheduler_get_cooldown_enabled (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FALSE);

  return self->cooldown_enabled;
}

void
fl_scheduler_set_cooldown_enabled (FlScheduler *self,
                                   gboolean     enabled)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));

  enabled = !!enabled;
  if (self->cooldown_enabled == enabled)
    return;

  self->cooldown_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COOLDOWN_ENABLED]);
  fl_scheduler_recompute (self);
}

gboolean
fl_scheduler_get_wind_down_enabled (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FALSE);

  return self->wind_down_enabled;
}

void
fl_scheduler_set_wind_down_enabled (FlScheduler *self,
                                    gboolean     enabled)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));

  enabled = !!enabled;
  if (self->wind_down_enabled == enabled)
    return;

  self->wind_down_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIND_DOWN_ENABLED]);
  fl_scheduler_recompute (self);
}

gboolean
fl_scheduler_get_nap_enabled (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FALSE);

  return self->nap_enabled;
}

void
fl_scheduler_set_nap_enabled (FlScheduler *self,
                              gboolean     enabled)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));

  enabled = !!enabled;
  if (self->nap_enabled == enabled)
    return;

  self->nap_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAP_ENABLED]);
  fl_scheduler_recompute (self);
}

int
fl_scheduler_get_sleep_baseline (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FL_SLEEP_DEFAULT_BASELINE_MIN);

  return self->sleep_baseline;
}

void
fl_scheduler_set_sleep_baseline (FlScheduler *self,
                                 int          minutes)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));
  g_return_if_fail (minutes > 0 && minutes < MINUTES_PER_DAY);

  if (self->sleep_baseline == minutes)
    return;

  self->sleep_baseline = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLEEP_BASELINE]);
  fl_scheduler_recompute (self);
}

gboolean
fl_scheduler_get_blood_test_enabled (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FALSE);

  return self->blood_test_enabled;
}

void
fl_scheduler_set_blood_test_enabled (FlScheduler *self,
                                     gboolean     enabled)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));

  enabled = !!enabled;
  if (self->blood_test_enabled == enabled)
    return;

  self->blood_test_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOOD_TEST_ENABLED]);
  fl_scheduler_recompute (self);
}

int
fl_scheduler_get_wake_time (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), DEFAULT_WAKE_TIME);

  return self->wake_time;
}

void
fl_scheduler_set_wake_time (FlScheduler *self,
                            int          minutes)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));
  g_return_if_fail (minutes >= 0 && minutes < MINUTES_PER_DAY);

  if (self->wake_time == minutes)
    return;

  self->wake_time = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAKE_TIME]);
  fl_scheduler_recompute (self);
}

int
fl_scheduler_get_bedtime (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), DEFAULT_BEDTIME);

  return self->bedtime;
}

void
fl_scheduler_set_bedtime (FlScheduler *self,
                          int          minutes)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));
  g_return_if_fail (minutes >= 0 && minutes < MINUTES_PER_DAY);

  if (self->bedtime == minutes)
    return;

  self->bedtime = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEDTIME]);
  fl_scheduler_recompute (self);
}

gboolean
fl_scheduler_get_drink_enabled (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), FALSE);

  return self->drink_enabled;
}

void
fl_scheduler_set_drink_enabled (FlScheduler *self,
                                gboolean     enabled)
{
  g_return_if_fail (FL_IS_SCHEDULER (self));

  enabled = !!enabled;
  if (self->drink_enabled == enabled)
    return;

  self->drink_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRINK_ENABLED]);
  fl_scheduler_recompute (self);
}

void
fl_scheduler_snooze (FlScheduler *self,
                     const char  *kind,
                     int          minutes)
{
  FlReminderState state = { NULL, NULL };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) until = NULL;
  int index;

  g_return_if_fail (FL_IS_SCHEDULER (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (minutes > 0);

  index = kind_index (kind);
  g_return_if_fail (index >= 0);

  now = fl_clock_now (self->clock);
  until = g_date_time_add_minutes (now, minutes);

  fl_journal_get_reminder_state (self->journal, kind, &state);
  g_clear_pointer (&state.snoozed_until, g_date_time_unref);
  state.snoozed_until = g_steal_pointer (&until);
  /* One recompute, below, rather than another from the journal's "changed" */
  self->recording = TRUE;
  fl_journal_set_reminder_state (self->journal, kind, &state);
  self->recording = FALSE;
  fl_reminder_state_clear (&state);

  fl_scheduler_recompute (self);
}

GDateTime *
fl_scheduler_get_next_deadline (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), NULL);

  return self->deadline;
}

GDateTime *
fl_scheduler_get_next_due (FlScheduler *self,
                           const char  *kind)
{
  int index;

  g_return_val_if_fail (FL_IS_SCHEDULER (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  index = kind_index (kind);
  g_return_val_if_fail (index >= 0, NULL);

  return self->due[index];
}

static void
fl_scheduler_constructed (GObject *object)
{
  FlScheduler *self = FL_SCHEDULER (object);

  G_OBJECT_CLASS (fl_scheduler_parent_class)->constructed (object);

  g_signal_connect_object (self->journal, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clock, "time-changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);

  fl_scheduler_recompute (self);
}

static void
fl_scheduler_dispose (GObject *object)
{
  FlScheduler *self = FL_SCHEDULER (object);

  if (self->deadline_id != 0 && self->clock != NULL)
    fl_clock_remove (self->clock, self->deadline_id);
  self->deadline_id = 0;
  g_clear_pointer (&self->deadline, g_date_time_unref);

  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (fl_scheduler_parent_class)->dispose (object);
}

static void
fl_scheduler_finalize (GObject *object)
{
  FlScheduler *self = FL_SCHEDULER (object);

  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self->due[i], g_date_time_unref);

  G_OBJECT_CLASS (fl_scheduler_parent_class)->finalize (object);
}

static void
fl_scheduler_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FlScheduler *self = FL_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_WAKE_TIME:
      g_value_set_int (value, self->wake_time);
      break;

    case PROP_BEDTIME:
      g_value_set_int (value, self->bedtime);
      break;

    case PROP_DRINK_ENABLED:
      g_value_set_boolean (value, self->drink_enabled);
      break;

    case PROP_COOLDOWN_ENABLED:
      g_value_set_boolean (value, self->cooldown_enabled);
      break;

    case PROP_REST_DAY_ENABLED:
      g_value_set_boolean (value, self->rest_day_enabled);
      break;

    case PROP_REST_DAY_TIME:
      g_value_set_int (value, self->rest_day_time);
      break;

    case PROP_BLOOD_TEST_ENABLED:
      g_value_set_boolean (value, self->blood_test_enabled);
      break;

    case PROP_WIND_DOWN_ENABLED:
      g_value_set_boolean (value, self->wind_down_enabled);
      break;

    case PROP_NAP_ENABLED:
      g_value_set_boolean (value, self->nap_enabled);
      break;

    case PROP_SLEEP_BASELINE:
      g_value_set_int (value, self->sleep_baseline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_scheduler_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FlScheduler *self = FL_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_WAKE_TIME:
      fl_scheduler_set_wake_time (self, g_value_get_int (value));
      break;

    case PROP_BEDTIME:
      fl_scheduler_set_bedtime (self, g_value_get_int (value));
      break;

    case PROP_DRINK_ENABLED:
      fl_scheduler_set_drink_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_COOLDOWN_ENABLED:
      fl_scheduler_set_cooldown_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_REST_DAY_ENABLED:
      fl_scheduler_set_rest_day_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_REST_DAY_TIME:
      fl_scheduler_set_rest_day_time (self, g_value_get_int (value));
      break;

    case PROP_BLOOD_TEST_ENABLED:
      fl_scheduler_set_blood_test_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_WIND_DOWN_ENABLED:
      fl_scheduler_set_wind_down_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_NAP_ENABLED:
      fl_scheduler_set_nap_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_SLEEP_BASELINE:
      fl_scheduler_set_sleep_baseline (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_scheduler_class_init (FlSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fl_scheduler_constructed;
  object_class->dispose = fl_scheduler_dispose;
  object_class->finalize = fl_scheduler_finalize;
  object_class->get_property = fl_scheduler_get_property;
  object_class->set_property = fl_scheduler_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         FL_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         FL_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WAKE_TIME] =
    g_param_spec_int ("wake-time", NULL, NULL,
                      0, MINUTES_PER_DAY - 1, DEFAULT_WAKE_TIME,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_BEDTIME] =
    g_param_spec_int ("bedtime", NULL, NULL,
                      0, MINUTES_PER_DAY - 1, DEFAULT_BEDTIME,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_DRINK_ENABLED] =
    g_param_spec_boolean ("drink-enabled", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_COOLDOWN_ENABLED] =
    g_param_spec_boolean ("cooldown-enabled", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_REST_DAY_ENABLED] =
    g_param_spec_boolean ("rest-day-enabled", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_REST_DAY_TIME] =
    g_param_spec_int ("rest-day-time", NULL, NULL,
                      0, MINUTES_PER_DAY - 1, FL_TRAINING_REST_DAY_TIME,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_BLOOD_TEST_ENABLED] =
    g_param_spec_boolean ("blood-test-enabled", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_WIND_DOWN_ENABLED] =
    g_param_spec_boolean ("wind-down-enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NAP_ENABLED] =
    g_param_spec_boolean ("nap-enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_SLEEP_BASELINE] =
    g_param_spec_int ("sleep-baseline", NULL, NULL,
                      1, MINUTES_PER_DAY - 1, FL_SLEEP_DEFAULT_BASELINE_MIN,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlScheduler::due:
   * @reminder: the reminder to show now, already recorded as fired
   */
  signals[DUE] =
    g_signal_new ("due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  FL_TYPE_REMINDER | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
fl_scheduler_init (FlScheduler *self)
{
  self->wake_time = DEFAULT_WAKE_TIME;
  self->bedtime = DEFAULT_BEDTIME;
  self->drink_enabled = TRUE;
  self->cooldown_enabled = TRUE;
  self->rest_day_enabled = TRUE;
  self->rest_day_time = FL_TRAINING_REST_DAY_TIME;
  self->blood_test_enabled = TRUE;
  /* Off until switched on (the application binds them to GSettings, where
   * they are on by default), so a scheduler made for drinks wakes for drinks */
  self->wind_down_enabled = FALSE;
  self->nap_enabled = FALSE;
  self->sleep_baseline = FL_SLEEP_DEFAULT_BASELINE_MIN;
}
