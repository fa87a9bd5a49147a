/* fl-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fl-clock.h"

G_DEFINE_INTERFACE (FlClock, fl_clock, G_TYPE_OBJECT)

enum {
  TIME_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fl_clock_default_init (FlClockInterface *iface)
{
  /**
   * FlClock::time-changed:
   *
   * The wall clock was set, or the machine resumed from suspend: wall-clock
   * deadlines computed before may be wrong, or due.
   */
  signals[TIME_CHANGED] =
    g_signal_new ("time-changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

GDateTime *
fl_clock_now (FlClock *self)
{
  g_return_val_if_fail (FL_IS_CLOCK (self), NULL);

  return FL_CLOCK_GET_IFACE (self)->now (self);
}

gint64
fl_clock_monotonic_us (FlClock *self)
{
  g_return_val_if_fail (FL_IS_CLOCK (self), 0);

  return FL_CLOCK_GET_IFACE (self)->monotonic_us (self);
}

guint
fl_clock_add_wall_deadline (FlClock        *self,
                            GDateTime      *deadline,
                            GSourceFunc     func,
                            gpointer        user_data,
                            GDestroyNotify  notify)
{
  g_return_val_if_fail (FL_IS_CLOCK (self), 0);
  g_return_val_if_fail (deadline != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  return FL_CLOCK_GET_IFACE (self)->add_wall_deadline (self, deadline, func, user_data, notify);
}

guint
fl_clock_add_monotonic_deadline (FlClock        *self,
                                 gint64          deadline_us,
                                 GSourceFunc     func,
                                 gpointer        user_data,
                                 GDestroyNotify  notify)
{
  g_return_val_if_fail (FL_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  return FL_CLOCK_GET_IFACE (self)->add_monotonic_deadline (self, deadline_us, func, user_data, notify);
}

void
fl_clock_remove (FlClock *self,
                 guint    id)
{
  g_return_if_fail (FL_IS_CLOCK (self));
  g_return_if_fail (id != 0);

  FL_CLOCK_GET_IFACE (self)->remove (self, id);
}

void
fl_clock_time_changed (FlClock *self)
{
  g_return_if_fail (FL_IS_CLOCK (self));

  g_signal_emit (self, signals[TIME_CHANGED], 0);
}

void
fl_date_from_date_time (GDateTime *time,
                        GDate     *out_date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

void
fl_clock_today (FlClock *self,
                GDate   *out_date)
{
  g_autoptr(GDateTime) now = fl_clock_now (self);

  fl_date_from_date_time (now, out_date);
}

GDateTime *
fl_date_to_local_midnight (const GDate *date)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  GDateTime *midnight;

  g_return_val_if_fail (g_date_valid (date), NULL);

  midnight = g_date_time_new (tz,
                              g_date_get_year (date),
                              g_date_get_month (date),
                              g_date_get_day (date),
                              0, 0, 0);

  /* Where midnight does not exist (a DST change at 00:00, as in some
   * zones), GLib moves it to the first valid time; a NULL here means a date
   * GLib cannot represent. */
  return midnight;
}
