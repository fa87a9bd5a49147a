/* fl-sleep-page.h: last night against the need, the debt, tonight's bedtime,
 * the nap window, 14 nights, and the sleep log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_SLEEP_PAGE (fl_sleep_page_get_type ())
G_DECLARE_FINAL_TYPE (FlSleepPage, fl_sleep_page, FL, SLEEP_PAGE, AdwBin)

/* The page shows what FlSleep computes for @app's day (from its clock), with
 * the wake time and sleep need from its GSettings, and follows the journal,
 * the settings and the date. Nights and naps are logged, edited and removed
 * (with an undo toast in the nearest AdwToastOverlay) through fl_sleep_add(). */
GtkWidget     *fl_sleep_page_new             (FlApplication *app);
FlApplication *fl_sleep_page_get_application (FlSleepPage   *self);
void           fl_sleep_page_set_application (FlSleepPage   *self,
                                              FlApplication *app);

G_END_DECLS
