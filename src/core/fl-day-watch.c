/* fl-day-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fl-day-watch.h"

struct _FlDayWatch
{
  GObject  parent_instance;

  FlClock *clock;
  guint    midnight_id;
  gulong   time_changed_id;
};

G_DEFINE_FINAL_TYPE (FlDayWatch, fl_day_watch, G_TYPE_OBJECT)

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean on_midnight (gpointer user_data);

static void
arm_midnight (FlDayWatch *self)
{
  g_autoptr(GDateTime) midnight = NULL;
  GDate tomorrow;

  if (self->midnight_id != 0)
    fl_clock_remove (self->clock, self->midnight_id);

  fl_clock_today (self->clock, &tomorrow);
  g_date_add_days (&tomorrow, 1);
  midnight = fl_date_to_local_midnight (&tomorrow);
  self->midnight_id = fl_clock_add_wall_deadline (self->clock, midnight, on_midnight, self, NULL);
}

static gboolean
on_midnight (gpointer user_data)
{
  FlDayWatch *self = user_data;

  /* The deadline is spent: arm the next before telling, so that a handler
   * may drop the watch. */
  self->midnight_id = 0;
  g_object_ref (self);
  arm_midnight (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static void
on_time_changed (FlDayWatch *self)
{
  g_object_ref (self);
  arm_midnight (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0);
  g_object_unref (self);
}

static void
fl_day_watch_dispose (GObject *object)
{
  FlDayWatch *self = FL_DAY_WATCH (object);

  if (self->midnight_id != 0)
    fl_clock_remove (self->clock, self->midnight_id);
  self->midnight_id = 0;
  g_clear_signal_handler (&self->time_changed_id, self->clock);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (fl_day_watch_parent_class)->dispose (object);
}

static void
fl_day_watch_class_init (FlDayWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fl_day_watch_dispose;

  /**
   * FlDayWatch::day-changed:
   *
   * The local day turned over, or the clock was set: "today" may be another.
   */
  signals[DAY_CHANGED] =
    g_signal_new ("day-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fl_day_watch_init (FlDayWatch *self)
{
}

FlDayWatch *
fl_day_watch_new (FlClock *clock)
{
  FlDayWatch *self;

  g_return_val_if_fail (FL_IS_CLOCK (clock), NULL);

  self = g_object_new (FL_TYPE_DAY_WATCH, NULL);
  self->clock = g_object_ref (clock);
  self->time_changed_id = g_signal_connect_swapped (clock, "time-changed", G_CALLBACK (on_time_changed), self);
  arm_midnight (self);

  return self;
}
