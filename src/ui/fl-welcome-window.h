/* fl-welcome-window.h: the first start: who is running?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_WELCOME_WINDOW (fl_welcome_window_get_type ())
G_DECLARE_FINAL_TYPE (FlWelcomeWindow, fl_welcome_window, FL, WELCOME_WINDOW, AdwWindow)

/* Asks for the profile. "Save" writes it through fl_journal_set_profile();
 * "Skip" keeps the defaults, which the window names. Both set the GSettings
 * key welcome-done and close the window; closing it otherwise asks again at
 * the next start. */
GtkWindow *fl_welcome_window_new (FlApplication *app,
                                  GtkWindow     *parent);

G_END_DECLS
