/* fl-system-clock.h: the real clock (timerfd for wall deadlines)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fl-clock.h"

G_BEGIN_DECLS

#define FL_TYPE_SYSTEM_CLOCK (fl_system_clock_get_type ())
G_DECLARE_FINAL_TYPE (FlSystemClock, fl_system_clock, FL, SYSTEM_CLOCK, GObject)

FlClock *fl_system_clock_new (void);

G_END_DECLS
