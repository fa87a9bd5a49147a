/* fl-test-clock.c: time that tests move by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fl-test-clock.h"

typedef struct
{
  guint           id;
  gboolean        wall;
  gint64          deadline_us;  /* unix time for wall, monotonic otherwise */
  guint64         seq;          /* keeps equal deadlines in the order they were added */
  GSourceFunc     func;
  gpointer        user_data;
  GDestroyNotify  notify;
} Deadline;

struct _FlTestClock
{
  GObject    parent_instance;

  gint64     wall_us;           /* unix time, microseconds */
  gint64     monotonic_us;
  GPtrArray *deadlines;         /* of Deadline */
  guint      next_id;
  guint64    next_seq;
};

static void fl_test_clock_iface_init (FlClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FlTestClock, fl_test_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FL_TYPE_CLOCK, fl_test_clock_iface_init))

static void
deadline_free (gpointer data)
{
  Deadline *d = data;

  if (d->notify)
    d->notify (d->user_data);
  g_free (d);
}

static gint64
date_time_to_us (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static gint64
parse_iso8601_us (const char *iso8601)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso8601, tz);

  if (time == NULL)
    g_error ("FlTestClock: “%s” is not an ISO 8601 time", iso8601);

  return date_time_to_us (time);
}

/* The due deadline that comes first, by time then by order of adding:
 * wall ones are due at @wall_limit, monotonic ones at @mono_limit. */
static Deadline *
first_due (FlTestClock *self,
           gint64       wall_limit,
           gint64       mono_limit,
           gint64      *out_offset)
{
  Deadline *best = NULL;
  gint64 best_offset = 0;

  /* Compare deadlines of both kinds on one axis: the distance from now. */
  for (guint i = 0; i < self->deadlines->len; i++)
    {
      Deadline *d = g_ptr_array_index (self->deadlines, i);
      gint64 offset = d->wall ? d->deadline_us - self->wall_us : d->deadline_us - self->monotonic_us;
      gint64 limit = d->wall ? wall_limit - self->wall_us : mono_limit - self->monotonic_us;

      if (offset > limit)
        continue;
      offset = MAX (offset, 0);
      if (best == NULL || offset < best_offset || (offset == best_offset && d->seq < best->seq))
        {
          best = d;
          best_offset = offset;
        }
    }

  if (out_offset)
    *out_offset = best_offset;

  return best;
}

static void
fire (FlTestClock *self,
      Deadline    *d)
{
  g_ptr_array_remove_fast (self->deadlines, d);
  d->func (d->user_data);
  deadline_free (d);
}

static void
run_until (FlTestClock *self,
           gint64       wall_target,
           gint64       mono_target)
{
  Deadline *d;
  gint64 offset;

  while ((d = first_due (self, wall_target, mono_target, &offset)) != NULL)
    {
      /* Time stands at the deadline while it fires. */
      self->wall_us += offset;
      self->monotonic_us += offset;
      fire (self, d);
    }

  self->wall_us = wall_target;
  self->monotonic_us = mono_target;
}

void
fl_test_clock_advance (FlTestClock *self,
                       GTimeSpan    span)
{
  g_return_if_fail (FL_IS_TEST_CLOCK (self));
  g_return_if_fail (span >= 0);

  g_object_ref (self);
  run_until (self, self->wall_us + span, self->monotonic_us + span);
  g_object_unref (self);
}

static void
jump_wall (FlTestClock *self,
           gint64       wall_us)
{
  Deadline *d;

  g_object_ref (self);
  self->wall_us = wall_us;

  /* As the kernel does on a clock change: wall deadlines now past fire. */
  while ((d = first_due (self, self->wall_us, self->monotonic_us, NULL)) != NULL)
    fire (self, d);

  fl_clock_time_changed (FL_CLOCK (self));
  g_object_unref (self);
}

void
fl_test_clock_set (FlTestClock *self,
                   const char  *iso8601)
{
  g_return_if_fail (FL_IS_TEST_CLOCK (self));

  jump_wall (self, parse_iso8601_us (iso8601));
}

void
fl_test_clock_suspend (FlTestClock *self,
                       GTimeSpan    span)
{
  g_return_if_fail (FL_IS_TEST_CLOCK (self));
  g_return_if_fail (span >= 0);

  jump_wall (self, self->wall_us + span);
}

guint
fl_test_clock_n_pending (FlTestClock *self)
{
  g_return_val_if_fail (FL_IS_TEST_CLOCK (self), 0);

  return self->deadlines->len;
}

static GDateTime *
fl_test_clock_now (FlClock *clock)
{
  FlTestClock *self = FL_TEST_CLOCK (clock);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->wall_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) precise = g_date_time_add (utc, self->wall_us % G_USEC_PER_SEC);

  return g_date_time_to_local (precise);
}

static gint64
fl_test_clock_monotonic_us (FlClock *clock)
{
  return FL_TEST_CLOCK (clock)->monotonic_us;
}

static guint
add_deadline (FlTestClock    *self,
              gboolean        wall,
              gint64          deadline_us,
              GSourceFunc     func,
              gpointer        user_data,
              GDestroyNotify  notify)
{
  Deadline *d = g_new0 (Deadline, 1);

  d->id = ++self->next_id;
  d->wall = wall;
  d->deadline_us = deadline_us;
  d->seq = self->next_seq++;
  d->func = func;
  d->user_data = user_data;
  d->notify = notify;
  g_ptr_array_add (self->deadlines, d);

  return d->id;
}

static guint
fl_test_clock_add_wall_deadline (FlClock        *clock,
                                 GDateTime      *deadline,
                                 GSourceFunc     func,
                                 gpointer        user_data,
                                 GDestroyNotify  notify)
{
  return add_deadline (FL_TEST_CLOCK (clock), TRUE, date_time_to_us (deadline),
                       func, user_data, notify);
}

static guint
fl_test_clock_add_monotonic_deadline (FlClock        *clock,
                                      gint64          deadline_us,
                                      GSourceFunc     func,
                                      gpointer        user_data,
                                      GDestroyNotify  notify)
{
  return add_deadline (FL_TEST_CLOCK (clock), FALSE, deadline_us, func, user_data, notify);
}

static void
fl_test_clock_remove (FlClock *clock,
                      guint    id)
{
  FlTestClock *self = FL_TEST_CLOCK (clock);

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      Deadline *d = g_ptr_array_index (self->deadlines, i);

      if (d->id == id)
        {
          g_ptr_array_remove_index_fast (self->deadlines, i);
          deadline_free (d);
          return;
        }
    }
}

static void
fl_test_clock_finalize (GObject *object)
{
  FlTestClock *self = FL_TEST_CLOCK (object);

  g_ptr_array_set_free_func (self->deadlines, deadline_free);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);

  G_OBJECT_CLASS (fl_test_clock_parent_class)->finalize (object);
}

static void
fl_test_clock_iface_init (FlClockInterface *iface)
{
  iface->now = fl_test_clock_now;
  iface->monotonic_us = fl_test_clock_monotonic_us;
  iface->add_wall_deadline = fl_test_clock_add_wall_deadline;
  iface->add_monotonic_deadline = fl_test_clock_add_monotonic_deadline;
  iface->remove = fl_test_clock_remove;
}

static void
fl_test_clock_class_init (FlTestClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fl_test_clock_finalize;
}

static void
fl_test_clock_init (FlTestClock *self)
{
  self->deadlines = g_ptr_array_new ();
  /* Monotonic time starts well away from 0, as on a real machine. */
  self->monotonic_us = 1000 * G_USEC_PER_SEC;
}

FlTestClock *
fl_test_clock_new (const char *iso8601)
{
  FlTestClock *self = g_object_new (FL_TYPE_TEST_CLOCK, NULL);

  self->wall_us = parse_iso8601_us (iso8601);

  return self;
}
