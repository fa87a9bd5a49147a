/* fl-scheduler.h: decides when each reminder is due, and wakes up once for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fl-clock.h"
#include "fl-journal.h"
#include "fl-reminder.h"

G_BEGIN_DECLS

#define FL_TYPE_SCHEDULER (fl_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (FlScheduler, fl_scheduler, FL, SCHEDULER, GObject)

/* Properties (the application binds them to GSettings):
 *   "wake-time"      int, minutes after local midnight (default 7:00)
 *   "bedtime"        int, minutes after local midnight (default 23:00)
 *   "drink-enabled"  boolean (default TRUE)
 *   "cooldown-enabled" boolean (default TRUE)
 *   "wind-down-enabled" boolean (default FALSE): 30 min before tonight's bedtime
 *   "nap-enabled"    boolean (default FALSE): after a short night (fl-sleep.h)
 *   "sleep-baseline" int, minutes of sleep the runner needs (default 480)
 * Signals:
 *   "due" (FlReminder *reminder): show it now. The scheduler has already
 *   recorded it as fired in the journal, so it is never shown twice.
 *
 * The scheduler arms one clock deadline, for the earliest reminder, and
 * recomputes it when the journal changes, a property changes or the clock
 * emits "time-changed". Nothing due means nothing armed. */
FlScheduler *fl_scheduler_new               (FlJournal   *journal,
                                             FlClock     *clock);
int          fl_scheduler_get_wake_time     (FlScheduler *self);
void         fl_scheduler_set_wake_time     (FlScheduler *self,
                                             int          minutes);
int          fl_scheduler_get_bedtime       (FlScheduler *self);
void         fl_scheduler_set_bedtime       (FlScheduler *self,
                                             int          minutes);
gboolean     fl_scheduler_get_drink_enabled (FlScheduler *self);
void         fl_scheduler_set_drink_enabled (FlScheduler *self,
                                             gboolean     enabled);
gboolean     fl_scheduler_get_cooldown_enabled (FlScheduler *self);
void         fl_scheduler_set_cooldown_enabled (FlScheduler *self,
                                                gboolean     enabled);
/* "rest-day-enabled" boolean (default TRUE) and "rest-day-time" int, minutes
 * after local midnight (default 20:00): the evening before a suggested rest
 * day (fl-training.h) */
gboolean     fl_scheduler_get_rest_day_enabled (FlScheduler *self);
void         fl_scheduler_set_rest_day_enabled (FlScheduler *self,
                                                gboolean     enabled);
int          fl_scheduler_get_rest_day_time (FlScheduler *self);
void         fl_scheduler_set_rest_day_time (FlScheduler *self,
                                             int          minutes);
/* "blood-test-enabled" boolean (default TRUE): the iron blood-test suggestion */
gboolean     fl_scheduler_get_blood_test_enabled (FlScheduler *self);
void         fl_scheduler_set_blood_test_enabled (FlScheduler *self,
                                                  gboolean     enabled);

gboolean     fl_scheduler_get_wind_down_enabled (FlScheduler *self);
void         fl_scheduler_set_wind_down_enabled (FlScheduler *self,
                                                 gboolean     enabled);
gboolean     fl_scheduler_get_nap_enabled   (FlScheduler *self);
void         fl_scheduler_set_nap_enabled   (FlScheduler *self,
                                             gboolean     enabled);
int          fl_scheduler_get_sleep_baseline (FlScheduler *self);
void         fl_scheduler_set_sleep_baseline (FlScheduler *self,
                                              int          minutes);

/* Hold reminder @kind until now + @minutes (recorded in the journal). */
void         fl_scheduler_snooze            (FlScheduler *self,
                                             const char  *kind,
                                             int          minutes);
/* The armed deadline, or NULL when nothing is due: for tests and the window.
 * (transfer none, as is the next one) */
GDateTime   *fl_scheduler_get_next_deadline (FlScheduler *self);
/* When @kind will next be due (NULL: not today or tomorrow, or switched off). */
GDateTime   *fl_scheduler_get_next_due      (FlScheduler *self,
                                             const char  *kind);
/* Recompute now (normally automatic). */
void         fl_scheduler_recompute         (FlScheduler *self);

G_END_DECLS
