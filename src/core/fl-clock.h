/* fl-clock.h: where every "now" in Fresh Legs comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FL_TYPE_CLOCK (fl_clock_get_type ())
G_DECLARE_INTERFACE (FlClock, fl_clock, FL, CLOCK, GObject)

/**
 * FlClockInterface:
 * @now: the wall-clock time in the local time zone
 * @monotonic_us: microseconds on a clock that never jumps and stops while suspended
 * @add_wall_deadline: call @func once when the wall clock reaches @deadline;
 *   a deadline already past fires on the next main-loop iteration
 * @add_monotonic_deadline: call @func once when monotonic_us() reaches @deadline_us
 * @remove: cancel a deadline returned by one of the two above
 *
 * Deadlines are one-shot: @func's return value is ignored. The ids are never 0.
 * The "time-changed" signal says that the wall clock was set, or the machine
 * resumed: whoever keeps wall deadlines recomputes them.
 */
struct _FlClockInterface
{
  GTypeInterface parent_iface;

  GDateTime *(*now)                    (FlClock        *self);
  gint64     (*monotonic_us)           (FlClock        *self);
  guint      (*add_wall_deadline)      (FlClock        *self,
                                        GDateTime      *deadline,
                                        GSourceFunc     func,
                                        gpointer        user_data,
                                        GDestroyNotify  notify);
  guint      (*add_monotonic_deadline) (FlClock        *self,
                                        gint64          deadline_us,
                                        GSourceFunc     func,
                                        gpointer        user_data,
                                        GDestroyNotify  notify);
  void       (*remove)                 (FlClock        *self,
                                        guint           id);
};

GDateTime *fl_clock_now                    (FlClock        *self);
gint64     fl_clock_monotonic_us           (FlClock        *self);
guint      fl_clock_add_wall_deadline      (FlClock        *self,
                                            GDateTime      *deadline,
                                            GSourceFunc     func,
                                            gpointer        user_data,
                                            GDestroyNotify  notify);
guint      fl_clock_add_monotonic_deadline (FlClock        *self,
                                            gint64          deadline_us,
                                            GSourceFunc     func,
                                            gpointer        user_data,
                                            GDestroyNotify  notify);
void       fl_clock_remove                 (FlClock        *self,
                                            guint           id);
void       fl_clock_time_changed           (FlClock        *self);

/* Convenience: today's local calendar date, and the local midnight that starts @date */
void       fl_clock_today                  (FlClock        *self,
                                            GDate          *out_date);
GDateTime *fl_date_to_local_midnight       (const GDate    *date);
void       fl_date_from_date_time          (GDateTime      *time,
                                            GDate          *out_date);

G_END_DECLS
