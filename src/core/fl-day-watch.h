/* fl-day-watch.h: says when the local day turns over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fl-clock.h"

G_BEGIN_DECLS

#define FL_TYPE_DAY_WATCH (fl_day_watch_get_type ())
G_DECLARE_FINAL_TYPE (FlDayWatch, fl_day_watch, FL, DAY_WATCH, GObject)

/* Emits "day-changed" at every local midnight (one wall-clock deadline, no
 * polling) and when the clock was set or the machine resumed, since the day
 * may be another then. Whatever shows "today" refreshes on it. */
FlDayWatch *fl_day_watch_new (FlClock *clock);

G_END_DECLS
