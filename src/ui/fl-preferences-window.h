/* fl-preferences-window.h: the profile, the day and the reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_PREFERENCES_WINDOW (fl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FlPreferencesWindow, fl_preferences_window, FL, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Profile changes go to the journal through fl_journal_set_profile() as they
 * are made; wake time, bedtime and the reminder switches are GSettings keys. */
GtkWindow *fl_preferences_window_new (FlApplication *app,
                                      GtkWindow     *parent);

G_END_DECLS
