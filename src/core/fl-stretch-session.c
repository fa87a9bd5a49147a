/* fl-stretch-session.c: the cool-down timer, step by step on the monotonic clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-stretch-session.h"

G_DEFINE_ENUM_TYPE (FlStretchSessionState, fl_stretch_session_state,
  G_DEFINE_ENUM_VALUE (FL_STRETCH_SESSION_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (FL_STRETCH_SESSION_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (FL_STRETCH_SESSION_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (FL_STRETCH_SESSION_DONE, "done"),
  G_DEFINE_ENUM_VALUE (FL_STRETCH_SESSION_STOPPED, "stopped"))

struct _FlStretchSession
{
  GObject                parent_instance;

  FlRoutine             *routine;
  FlJournal             *journal;
  FlClock               *clock;

  FlStretchSessionState  state;
  guint                  step;
  gint64                 deadline_us;   /* running: when the step ends, on the monotonic clock */
  gint64                 remaining_us;  /* otherwise: what is left of the step, frozen */
  guint                  timer_id;      /* the one armed wake-up, for the next whole second */

  GDateTime             *started;       /* wall clock, for the record */
  guint8                *held;          /* per hold: its time ran out */
  guint                  holds_done;
  FlRecord              *record;
};

G_DEFINE_FINAL_TYPE (FlStretchSession, fl_stretch_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROUTINE,
  PROP_JOURNAL,
  PROP_CLOCK,
  PROP_STATE,
  PROP_CURRENT_STEP,
  PROP_REMAINING_MS,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STEP_CHANGED,
  TICK,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
step_us (FlStretchSession *self,
         guint             index)
{
  return (gint64) fl_routine_get_step (self->routine, index)->seconds * G_USEC_PER_SEC;
}

static gint64
remaining_us (FlStretchSession *self)
{
  if (self->state == FL_STRETCH_SESSION_RUNNING)
    return MAX (self->deadline_us - fl_clock_monotonic_us (self->clock), 0);

  return self->remaining_us;
}

static void
clear_timer (FlStretchSession *self)
{
  if (self->timer_id != 0)
    fl_clock_remove (self->clock, self->timer_id);
  self->timer_id = 0;
}

static gboolean on_timer (gpointer user_data);

/* One wake-up, when the remaining time next crosses a whole second: with
 * 29.4 s left, in 0.4 s; at the step's end, the deadline itself. Never an
 * interval added to the last wake-up, so a late wake-up is not carried on. */
static void
arm_timer (FlStretchSession *self)
{
  gint64 remaining = self->deadline_us - fl_clock_monotonic_us (self->clock);
  gint64 next = self->deadline_us;

  g_assert (self->timer_id == 0);

  if (remaining > 0)
    next = self->deadline_us - ((remaining - 1) / G_USEC_PER_SEC) * G_USEC_PER_SEC;

  self->timer_id = fl_clock_add_monotonic_deadline (self->clock, next, on_timer, self, NULL);
}

static void
notify_time (FlStretchSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING_MS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* While running: the tick, then the next wake-up, unless a handler paused,
 * stopped or moved the session (and armed its own). */
static void
tick (FlStretchSession *self)
{
  if (self->state != FL_STRETCH_SESSION_RUNNING || self->timer_id != 0)
    return;

  notify_time (self);
  g_signal_emit (self, signals[TICK], 0, fl_stretch_session_get_remaining_ms (self));

  if (self->state == FL_STRETCH_SESSION_RUNNING && self->timer_id == 0)
    arm_timer (self);
}

static void
log_cooldown (FlStretchSession *self)
{
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  FlCooldown *cooldown;

  if (self->journal == NULL || self->holds_done == 0 || self->started == NULL)
    return;

  now = fl_clock_now (self->clock);
  record = fl_record_new (FL_RECORD_COOLDOWN, self->started);
  cooldown = FL_COOLDOWN (record);
  /* A wall clock set back during the session must not make it end before
   * it started. */
  cooldown->end = g_date_time_compare (now, self->started) >= 0 ? g_date_time_ref (now)
                                                                : g_date_time_ref (self->started);
  cooldown->routine = g_strdup (fl_routine_get_name (self->routine));
  cooldown->steps_done = self->holds_done;
  cooldown->steps_total = fl_routine_get_n_holds (self->routine);

  if (!fl_journal_add (self->journal, record, &error))
    {
      /* A read-only journal: the window says so on its own */
      g_debug ("Cool-down not logged: %s", error->message);
      return;
    }

  self->record = g_steal_pointer (&record);
}

static void
finish (FlStretchSession *self,
        gboolean          completed)
{
  self->remaining_us = completed ? 0 : remaining_us (self);
  clear_timer (self);
  self->state = completed ? FL_STRETCH_SESSION_DONE : FL_STRETCH_SESSION_STOPPED;

  g_object_ref (self);
  log_cooldown (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  notify_time (self);
  g_signal_emit (self, signals[FINISHED], 0,
                 completed, self->holds_done, fl_routine_get_n_holds (self->routine));
  g_object_unref (self);
}

/* Moves to the start of step @index, whole; running, its deadline is now +
 * its length. */
static void
begin_step (FlStretchSession *self,
            guint             index)
{
  clear_timer (self);
  self->step = index;
  if (self->state == FL_STRETCH_SESSION_RUNNING)
    self->deadline_us = fl_clock_monotonic_us (self->clock) + step_us (self, index);
  else
    self->remaining_us = step_us (self, index);

  g_object_ref (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
  g_signal_emit (self, signals[STEP_CHANGED], 0, index);

  if (self->state == FL_STRETCH_SESSION_RUNNING)
    tick (self);
  else if (self->step == index)
    notify_time (self);
  g_object_unref (self);
}

/* The step's deadline passed: it is done, and the next one starts exactly at
 * that deadline (not at now), so the session keeps its total to the
 * microsecond whatever the wake-ups' delays. */
static void
complete_step (FlStretchSession *self)
{
  const FlRoutineStep *step = fl_routine_get_step (self->routine, self->step);

  if (step->kind == FL_STEP_HOLD && !self->held[step->hold_index])
    {
      self->held[step->hold_index] = TRUE;
      self->holds_done++;
    }

  if (self->step + 1 >= fl_routine_get_n_steps (self->routine))
    {
      finish (self, TRUE);
      return;
    }

  self->step++;
  self->deadline_us += step_us (self, self->step);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
  g_signal_emit (self, signals[STEP_CHANGED], 0, self->step);
}

static gboolean
on_timer (gpointer user_data)
{
  FlStretchSession *self = FL_STRETCH_SESSION (user_data);

  /* The clock forgets a deadline once it fired. */
  self->timer_id = 0;

  g_object_ref (self);

  /* More than one step only after a stall longer than a step (a 0 s step
   * does not exist): each is still done in order. */
  while (self->state == FL_STRETCH_SESSION_RUNNING && self->timer_id == 0 &&
         fl_clock_monotonic_us (self->clock) >= self->deadline_us)
    complete_step (self);

  tick (self);

  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

FlStretchSession *
fl_stretch_session_new (FlRoutine *routine,
                        FlJournal *journal,
                        FlClock   *clock)
{
  g_return_val_if_fail (FL_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (journal == NULL || FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (FL_IS_CLOCK (clock), NULL);

  return g_object_new (FL_TYPE_STRETCH_SESSION,
                       "routine", routine,
                       "journal", journal,
                       "clock", clock,
                       NULL);
}

void
fl_stretch_session_start (FlStretchSession *self)
{
  g_return_if_fail (FL_IS_STRETCH_SESSION (self));

  if (self->state != FL_STRETCH_SESSION_IDLE)
    return;

  self->started = fl_clock_now (self->clock);
  self->state = FL_STRETCH_SESSION_RUNNING;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  begin_step (self, 0);
}

void
fl_stretch_session_pause (FlStretchSession *self)
{
  g_return_if_fail (FL_IS_STRETCH_SESSION (self));

  if (self->state != FL_STRETCH_SESSION_RUNNING)
    return;

  self->remaining_us = remaining_us (self);
  clear_timer (self);
  self->state = FL_STRETCH_SESSION_PAUSED;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  notify_time (self);
}

void
fl_stretch_session_resume (FlStretchSession *self)
{
  g_return_if_fail (FL_IS_STRETCH_SESSION (self));

  if (self->state != FL_STRETCH_SESSION_PAUSED)
    return;

  /* The paused time is not counted: a new deadline, as far away as what was
   * left; the next tick comes when that crosses a whole second. */
  self->deadline_us = fl_clock_monotonic_us (self->clock) + self->remaining_us;
  self->state = FL_STRETCH_SESSION_RUNNING;
  arm_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
is_active (FlStretchSession *self)
{
  return self->state == FL_STRETCH_SESSION_RUNNING || self->state == FL_STRETCH_SESSION_PAUSED;
}

void
fl_stretch_session_skip (FlStretchSession *self)
{
  g_return_if_fail (FL_IS_STRETCH_SESSION (self));

  if (!is_active (self))
    return;

  if (self->step + 1 >= fl_routine_get_n_steps (self->routine))
    finish (self, TRUE);
  else
    begin_step (self, self->step + 1);
}

void
fl_stretch_session_back (FlStretchSession *self)
{
  g_return_if_fail (FL_IS_STRETCH_SESSION (self));

  if (!is_active (self))
    return;

  begin_step (self, self->step > 0 ? self->step - 1 : 0);
}

void
fl_stretch_session_stop (FlStretchSession *self)
{
  g_return_if_fail (FL_IS_STRETCH_SESSION (self));

  if (!is_active (self))
    return;

  finish (self, FALSE);
}

FlRoutine *
fl_stretch_session_get_routine (FlStretchSession *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), NULL);

  return self->routine;
}

FlStretchSessionState
fl_stretch_session_get_state (FlStretchSession *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), FL_STRETCH_SESSION_IDLE);

  return self->state;
}

guint
fl_stretch_session_get_current_step (FlStretchSession *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), 0);

  return self->step;
}

const FlRoutineStep *
fl_stretch_session_get_step (FlStretchSession *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), NULL);

  return fl_routine_get_step (self->routine, self->step);
}

gint64
fl_stretch_session_get_remaining_ms (FlStretchSession *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), 0);

  /* Rounded up: 0 only at the very end */
  return (remaining_us (self) + 999) / 1000;
}

double
fl_stretch_session_get_progress (FlStretchSession *self)
{
  const FlRoutineStep *step;
  gint64 total_us;
  gint64 position_us;

  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), 0.0);

  if (self->state == FL_STRETCH_SESSION_DONE)
    return 1.0;

  step = fl_routine_get_step (self->routine, self->step);
  total_us = (gint64) fl_routine_get_total_s (self->routine) * G_USEC_PER_SEC;
  position_us = (gint64) step->start_s * G_USEC_PER_SEC + step_us (self, self->step) - remaining_us (self);

  return CLAMP ((double) position_us / (double) total_us, 0.0, 1.0);
}

guint
fl_stretch_session_get_holds_done (FlStretchSession *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), 0);

  return self->holds_done;
}

FlRecord *
fl_stretch_session_get_record (FlStretchSession *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_SESSION (self), NULL);

  return self->record;
}

gboolean
fl_cooldown_logged_between (FlJournal *journal,
                            GDateTime *from,
                            GDateTime *to)
{
  GPtrArray *records;
  guint begin, end;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);

  records = fl_journal_get_records (journal, FL_RECORD_COOLDOWN);
  fl_journal_range (journal, FL_RECORD_COOLDOWN, from, to, &begin, &end);
  for (guint i = begin; i < end; i++)
    if (FL_COOLDOWN (g_ptr_array_index (records, i))->steps_done > 0)
      return TRUE;

  return FALSE;
}

static void
fl_stretch_session_constructed (GObject *object)
{
  FlStretchSession *self = FL_STRETCH_SESSION (object);

  G_OBJECT_CLASS (fl_stretch_session_parent_class)->constructed (object);

  g_assert (self->routine != NULL && self->clock != NULL);
  /* A valid routine has at least one hold, so at least one step */
  g_assert (fl_routine_get_n_steps (self->routine) > 0);

  self->held = g_new0 (guint8, fl_routine_get_n_holds (self->routine));
  self->remaining_us = step_us (self, 0);
}

static void
fl_stretch_session_dispose (GObject *object)
{
  FlStretchSession *self = FL_STRETCH_SESSION (object);

  if (self->clock != NULL)
    clear_timer (self);

  g_clear_object (&self->routine);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->record, fl_record_unref);

  G_OBJECT_CLASS (fl_stretch_session_parent_class)->dispose (object);
}

static void
fl_stretch_session_finalize (GObject *object)
{
  FlStretchSession *self = FL_STRETCH_SESSION (object);

  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->held, g_free);

  G_OBJECT_CLASS (fl_stretch_session_parent_class)->finalize (object);
}

static void
fl_stretch_session_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FlStretchSession *self = FL_STRETCH_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CURRENT_STEP:
      g_value_set_uint (value, self->step);
      break;

    case PROP_REMAINING_MS:
      g_value_set_int64 (value, fl_stretch_session_get_remaining_ms (self));
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, fl_stretch_session_get_progress (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_stretch_session_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FlStretchSession *self = FL_STRETCH_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_stretch_session_class_init (FlStretchSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fl_stretch_session_constructed;
  object_class->dispose = fl_stretch_session_dispose;
  object_class->finalize = fl_stretch_session_finalize;
  object_class->get_property = fl_stretch_session_get_property;
  object_class->set_property = fl_stretch_session_set_property;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL,
                         FL_TYPE_ROUTINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         FL_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         FL_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       FL_TYPE_STRETCH_SESSION_STATE, FL_STRETCH_SESSION_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CURRENT_STEP] =
    g_param_spec_uint ("current-step", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_REMAINING_MS] =
    g_param_spec_int64 ("remaining-ms", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlStretchSession::step-changed:
   * @index: the step that begins
   */
  signals[STEP_CHANGED] =
    g_signal_new ("step-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * FlStretchSession::tick:
   * @remaining_ms: what is left of the current step, on a whole second
   */
  signals[TICK] =
    g_signal_new ("tick",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * FlStretchSession::finished:
   * @completed: it ran to the end (FALSE: stopped early)
   * @holds_done: the holds whose time ran out
   * @holds_total: the routine's holds
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_BOOLEAN, G_TYPE_UINT, G_TYPE_UINT);
}

static void
fl_stretch_session_init (FlStretchSession *self)
{
  self->state = FL_STRETCH_SESSION_IDLE;
}
