/* fl-scheduler-private.h: what the reminder kinds (fl-scheduler-kinds.c)
 * need from the scheduler, and what its kinds[] table needs from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fl-scheduler.h"

G_BEGIN_DECLS

/* The journal the scheduler reads reminder state and records from.
 * (transfer none) The wake time, bedtime, rest-day time and sleep baseline
 * come from the public getters in fl-scheduler.h. */
FlJournal  *fl_scheduler_get_journal          (FlScheduler *self);

/* One pair per row of kinds[]: @next_due is when the kind is next due from
 * @now (NULL: not today or tomorrow); @build is what it says when it fires
 * at @now for @due. A due time before @now is one missed while the app was
 * closed or the machine slept. */
GDateTime  *fl_scheduler_drink_next_due       (FlScheduler *self,
                                               GDateTime   *now);
FlReminder *fl_scheduler_drink_build          (FlScheduler *self,
                                               GDateTime   *due,
                                               GDateTime   *now);

GDateTime  *fl_scheduler_cooldown_next_due    (FlScheduler *self,
                                               GDateTime   *now);
FlReminder *fl_scheduler_cooldown_build       (FlScheduler *self,
                                               GDateTime   *due,
                                               GDateTime   *now);

GDateTime  *fl_scheduler_rest_day_next_due    (FlScheduler *self,
                                               GDateTime   *now);
FlReminder *fl_scheduler_rest_day_build       (FlScheduler *self,
                                               GDateTime   *due,
                                               GDateTime   *now);

GDateTime  *fl_scheduler_blood_test_next_due  (FlScheduler *self,
                                               GDateTime   *now);
FlReminder *fl_scheduler_blood_test_build     (FlScheduler *self,
                                               GDateTime   *due,
                                               GDateTime   *now);

GDateTime  *fl_scheduler_wind_down_next_due   (FlScheduler *self,
                                               GDateTime   *now);
FlReminder *fl_scheduler_wind_down_build      (FlScheduler *self,
                                               GDateTime   *due,
                                               GDateTime   *now);

GDateTime  *fl_scheduler_nap_next_due         (FlScheduler *self,
                                               GDateTime   *now);
FlReminder *fl_scheduler_nap_build            (FlScheduler *self,
                                               GDateTime   *due,
                                               GDateTime   *now);

G_END_DECLS
