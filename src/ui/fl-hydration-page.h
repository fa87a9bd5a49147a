/* fl-hydration-page.h: today's drinking goal, logging, history, sweat rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_HYDRATION_PAGE (fl_hydration_page_get_type ())
G_DECLARE_FINAL_TYPE (FlHydrationPage, fl_hydration_page, FL, HYDRATION_PAGE, AdwBin)

/* The page shows the journal of @app's day (from its clock) and follows
 * the journal and the date. Logging goes through the app.log-drink action;
 * removing a drink offers an undo toast in the nearest AdwToastOverlay.
 * Ctrl+1, Ctrl+2 and Ctrl+3 log 150, 250 and 500 ml while it is shown. */
GtkWidget     *fl_hydration_page_new             (FlApplication   *app);
FlApplication *fl_hydration_page_get_application (FlHydrationPage *self);
void           fl_hydration_page_set_application (FlHydrationPage *self,
                                                  FlApplication   *app);

G_END_DECLS
