/* fl-system-clock.c: wall deadlines on a timerfd, monotonic ones on GSource ready times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "fl-system-clock.h"

/* Each wall deadline is a timerfd on CLOCK_REALTIME with TFD_TIMER_ABSTIME:
 * 22:00 stays 22:00 across a suspend or a clock change, and the kernel wakes
 * us exactly then — no polling. TFD_TIMER_CANCEL_ON_SET makes the read fail
 * with ECANCELED when the clock is set, which we report as "time-changed"
 * (the owner recomputes and re-arms). One more timerfd, armed far in the
 * future, watches for clock changes even when no deadline is armed. */

typedef struct
{
  FlSystemClock  *clock;        /* unowned */
  guint           id;
  int             fd;
  guint           watch_id;
  GSourceFunc     func;
  gpointer        user_data;
  GDestroyNotify  notify;
  gint64          deadline_us;  /* CLOCK_REALTIME */
} WallDeadline;

struct _FlSystemClock
{
  GObject     parent_instance;

  GHashTable *wall;             /* id -> WallDeadline */
  GHashTable *monotonic;        /* id -> GSource */
  guint       next_id;

  int         change_fd;
  guint       change_watch_id;
};

static void fl_system_clock_iface_init (FlClockInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FlSystemClock, fl_system_clock, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (FL_TYPE_CLOCK, fl_system_clock_iface_init))

static gboolean arm_change_watch (FlSystemClock *self);

static void
wall_deadline_free (gpointer data)
{
  WallDeadline *d = data;

  g_clear_handle_id (&d->watch_id, g_source_remove);
  if (d->fd >= 0)
    close (d->fd);
  if (d->notify)
    d->notify (d->user_data);
  g_free (d);
}

static gboolean
arm_timerfd (int    fd,
             gint64 deadline_us)
{
  struct itimerspec spec = { 0 };

  /* A deadline at or before the epoch would disarm the timer: fire at once. */
  if (deadline_us <= 0)
    deadline_us = 1;
  spec.it_value.tv_sec = deadline_us / G_USEC_PER_SEC;
  spec.it_value.tv_nsec = (deadline_us % G_USEC_PER_SEC) * 1000;

  return timerfd_settime (fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) == 0;
}

static gboolean
on_wall_fd (int          fd,
            GIOCondition condition,
            gpointer     user_data)
{
  WallDeadline *d = user_data;
  FlSystemClock *self = d->clock;
  guint64 expirations;
  gssize n = read (fd, &expirations, sizeof expirations);

  if (n < 0 && errno == ECANCELED)
    {
      /* The clock was set. The deadline stays where it was on the wall; re-arm
       * it, and let the owners recompute. */
      arm_timerfd (fd, d->deadline_us);
      fl_clock_time_changed (FL_CLOCK (self));
      return G_SOURCE_CONTINUE;
    }

  if (n < 0)
    return G_SOURCE_CONTINUE;   /* EAGAIN: a spurious wake-up */

  {
    GSourceFunc func = d->func;
    gpointer data = d->user_data;
    guint id = d->id;

    /* One-shot: take it out before calling, so that the callback may add or
     * remove deadlines freely. The destroy notify runs after the call. */
    d->watch_id = 0;
    g_hash_table_steal (self->wall, GUINT_TO_POINTER (id));
    func (data);
    wall_deadline_free (d);
  }

  return G_SOURCE_REMOVE;
}

static guint
fl_system_clock_add_wall_deadline (FlClock        *clock,
                                   GDateTime      *deadline,
                                   GSourceFunc     func,
                                   gpointer        user_data,
                                   GDestroyNotify  notify)
{
  FlSystemClock *self = FL_SYSTEM_CLOCK (clock);
  WallDeadline *d;

  d = g_new0 (WallDeadline, 1);
  d->clock = self;
  d->id = ++self->next_id;
  d->func = func;
  d->user_data = user_data;
  d->notify = notify;
  d->deadline_us = g_date_time_to_unix (deadline) * G_USEC_PER_SEC
                   + g_date_time_get_microsecond (deadline);
  d->fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);

  if (d->fd < 0 || !arm_timerfd (d->fd, d->deadline_us))
    g_error ("Could not arm a timer: %s", g_strerror (errno));

  d->watch_id = g_unix_fd_add (d->fd, G_IO_IN, on_wall_fd, d);
  g_hash_table_insert (self->wall, GUINT_TO_POINTER (d->id), d);

  return d->id;
}

typedef struct
{
  GSource         source;
  FlSystemClock  *clock;
  guint           id;
} MonotonicSource;

static gboolean
monotonic_source_dispatch (GSource     *source,
                           GSourceFunc  callback,
                           gpointer     user_data)
{
  MonotonicSource *ms = (MonotonicSource *) source;

  /* One-shot: take the table's reference over, so that the callback may add
   * or remove deadlines freely; returning G_SOURCE_REMOVE destroys it. */
  g_hash_table_steal (ms->clock->monotonic, GUINT_TO_POINTER (ms->id));
  callback (user_data);
  g_source_unref (source);

  return G_SOURCE_REMOVE;
}

static GSourceFuncs monotonic_source_funcs = {
  .dispatch = monotonic_source_dispatch,
};

static void
destroy_source (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static guint
fl_system_clock_add_monotonic_deadline (FlClock        *clock,
                                        gint64          deadline_us,
                                        GSourceFunc     func,
                                        gpointer        user_data,
                                        GDestroyNotify  notify)
{
  FlSystemClock *self = FL_SYSTEM_CLOCK (clock);
  GSource *source;
  MonotonicSource *ms;

  /* g_source_set_ready_time() is on g_get_monotonic_time(): the source
   * becomes ready exactly at the deadline, with no interval to drift. */
  source = g_source_new (&monotonic_source_funcs, sizeof (MonotonicSource));
  ms = (MonotonicSource *) source;
  ms->clock = self;
  ms->id = ++self->next_id;
  g_source_set_ready_time (source, MAX (deadline_us, 0));
  g_source_set_callback (source, func, user_data, notify);
  g_source_set_static_name (source, "[fresh-legs] monotonic deadline");
  g_source_attach (source, NULL);
  g_hash_table_insert (self->monotonic, GUINT_TO_POINTER (ms->id), source);

  return ms->id;
}

static void
fl_system_clock_remove (FlClock *clock,
                        guint    id)
{
  FlSystemClock *self = FL_SYSTEM_CLOCK (clock);

  if (!g_hash_table_remove (self->wall, GUINT_TO_POINTER (id)))
    g_hash_table_remove (self->monotonic, GUINT_TO_POINTER (id));
}

static GDateTime *
fl_system_clock_now (FlClock *clock)
{
  return g_date_time_new_now_local ();
}

static gint64
fl_system_clock_monotonic_us (FlClock *clock)
{
  return g_get_monotonic_time ();
}

static gboolean
on_change_fd (int          fd,
              GIOCondition condition,
              gpointer     user_data)
{
  FlSystemClock *self = user_data;
  guint64 expirations;

  if (read (fd, &expirations, sizeof expirations) < 0 && errno == ECANCELED)
    {
      arm_change_watch (self);
      fl_clock_time_changed (FL_CLOCK (self));
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
arm_change_watch (FlSystemClock *self)
{
  /* Armed ten years ahead: it never expires, it only gets cancelled. */
  gint64 far = (g_get_real_time () / G_USEC_PER_SEC + 10 * 365 * 24 * 3600) * G_USEC_PER_SEC;

  return arm_timerfd (self->change_fd, far);
}

static void
fl_system_clock_finalize (GObject *object)
{
  FlSystemClock *self = FL_SYSTEM_CLOCK (object);

  g_clear_pointer (&self->wall, g_hash_table_unref);
  g_clear_pointer (&self->monotonic, g_hash_table_unref);
  g_clear_handle_id (&self->change_watch_id, g_source_remove);
  if (self->change_fd >= 0)
    close (self->change_fd);

  G_OBJECT_CLASS (fl_system_clock_parent_class)->finalize (object);
}

static void
fl_system_clock_iface_init (FlClockInterface *iface)
{
  iface->now = fl_system_clock_now;
  iface->monotonic_us = fl_system_clock_monotonic_us;
  iface->add_wall_deadline = fl_system_clock_add_wall_deadline;
  iface->add_monotonic_deadline = fl_system_clock_add_monotonic_deadline;
  iface->remove = fl_system_clock_remove;
}

static void
fl_system_clock_class_init (FlSystemClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_system_clock_finalize;
}

static void
fl_system_clock_init (FlSystemClock *self)
{
  self->wall = g_hash_table_new_full (NULL, NULL, NULL, wall_deadline_free);
  self->monotonic = g_hash_table_new_full (NULL, NULL, NULL, destroy_source);

  self->change_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->change_fd >= 0 && arm_change_watch (self))
    self->change_watch_id = g_unix_fd_add (self->change_fd, G_IO_IN, on_change_fd, self);
}

FlClock *
fl_system_clock_new (void)
{
  return g_object_new (FL_TYPE_SYSTEM_CLOCK, NULL);
}
