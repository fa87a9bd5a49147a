/* fl-window.h: the main window: a view stack of pages, notices, reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_WINDOW (fl_window_get_type ())
G_DECLARE_FINAL_TYPE (FlWindow, fl_window, FL, WINDOW, AdwApplicationWindow)

/* The window follows @app's "store-problem" and "reminder-in-window"
 * signals (and shows the store's notice from loading, if any), remembers its
 * size in GSettings and says so while the profile is the default one. */
FlWindow   *fl_window_new       (FlApplication *app);

/* The visible page, by name: "hydration". For app.show-page. */
void        fl_window_show_page (FlWindow      *self,
                                 const char    *name);
const char *fl_window_get_page  (FlWindow      *self);

/* Shows @toast (transfer full) over the window */
void        fl_window_add_toast (FlWindow      *self,
                                 AdwToast      *toast);

G_END_DECLS
