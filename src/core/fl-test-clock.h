/* fl-test-clock.h: a clock that tests set and advance by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fl-clock.h"

G_BEGIN_DECLS

#define FL_TYPE_TEST_CLOCK (fl_test_clock_get_type ())
G_DECLARE_FINAL_TYPE (FlTestClock, fl_test_clock, FL, TEST_CLOCK, GObject)

/* @iso8601: e.g. "2026-11-27T07:30:00+01:00"; shown in the local zone (TZ) */
FlTestClock *fl_test_clock_new      (const char  *iso8601);
/* Moves wall and monotonic time forward together, firing every deadline that
 * falls in the span in order, with now() equal to each deadline as it fires. */
void         fl_test_clock_advance  (FlTestClock *self,
                                     GTimeSpan    span);
/* Sets the wall clock (forwards or back) without moving monotonic time, as
 * when the user or NTP sets the clock; wall deadlines now past fire; emits
 * "time-changed". */
void         fl_test_clock_set      (FlTestClock *self,
                                     const char  *iso8601);
/* Wall time moves on by @span, monotonic time does not (Linux's
 * CLOCK_MONOTONIC stops in suspend); emits "time-changed". */
void         fl_test_clock_suspend  (FlTestClock *self,
                                     GTimeSpan    span);
guint        fl_test_clock_n_pending (FlTestClock *self);

G_END_DECLS
