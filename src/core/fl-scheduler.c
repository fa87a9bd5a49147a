/* fl-scheduler.c: decides when each reminder is due, and wakes up once for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-scheduler-private.h"
#include "fl-sleep.h"
#include "fl-training.h"

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

static gboolean drink_is_enabled      (FlScheduler *self);
static gboolean cooldown_is_enabled   (FlScheduler *self);
static gboolean rest_day_is_enabled   (FlScheduler *self);
static gboolean blood_test_is_enabled (FlScheduler *self);
static gboolean wind_down_is_enabled  (FlScheduler *self);
static gboolean nap_is_enabled        (FlScheduler *self);

/* The next_due and build functions are in fl-scheduler-kinds.c. */
static const ReminderKind kinds[] = {
  { "drink", drink_is_enabled, fl_scheduler_drink_next_due, fl_scheduler_drink_build },
  { "cooldown", cooldown_is_enabled, fl_scheduler_cooldown_next_due, fl_scheduler_cooldown_build },
  { "rest-day", rest_day_is_enabled, fl_scheduler_rest_day_next_due, fl_scheduler_rest_day_build },
  { "blood-test", blood_test_is_enabled, fl_scheduler_blood_test_next_due,
    fl_scheduler_blood_test_build },
  { "wind-down", wind_down_is_enabled, fl_scheduler_wind_down_next_due, fl_scheduler_wind_down_build },
  { "nap", nap_is_enabled, fl_scheduler_nap_next_due, fl_scheduler_nap_build },
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

static gboolean
drink_is_enabled (FlScheduler *self)
{
  return self->drink_enabled;
}

static gboolean
cooldown_is_enabled (FlScheduler *self)
{
  return self->cooldown_enabled;
}

static gboolean
rest_day_is_enabled (FlScheduler *self)
{
  return self->rest_day_enabled;
}

static gboolean
blood_test_is_enabled (FlScheduler *self)
{
  return self->blood_test_enabled;
}

static gboolean
wind_down_is_enabled (FlScheduler *self)
{
  return self->wind_down_enabled;
}

static gboolean
nap_is_enabled (FlScheduler *self)
{
  return self->nap_enabled;
}

FlJournal *
fl_scheduler_get_journal (FlScheduler *self)
{
  g_return_val_if_fail (FL_IS_SCHEDULER (self), NULL);

  return self->journal;
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
