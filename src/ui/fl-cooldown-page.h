/* fl-cooldown-page.h: the guided cool-down: pick a routine, stretch, done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_COOLDOWN_PAGE (fl_cooldown_page_get_type ())
G_DECLARE_FINAL_TYPE (FlCooldownPage, fl_cooldown_page, FL, COOLDOWN_PAGE, AdwBin)

/* Before a session the page offers the routines (the choice is GSettings
 * default-routine), what the chosen one holds, "Start Cool-down"
 * (app.start-cooldown) and this week's record. It follows @app's
 * "cooldown-session": while one runs it shows the current stretch, the
 * countdown, the progress and the controls, and after it what was done.
 * While a session runs and the page is shown: Space pauses and resumes,
 * Right skips, Left goes back, Escape stops. A sound cue marks every change
 * of step when built with GSound. */
GtkWidget     *fl_cooldown_page_new             (FlApplication  *app);
FlApplication *fl_cooldown_page_get_application (FlCooldownPage *self);
void           fl_cooldown_page_set_application (FlCooldownPage *self,
                                                 FlApplication  *app);
/* "Import Routine…" once a file is chosen (tests call it with a file, as
 * the file chooser would): fl_routine_install_file(), then the routine is
 * in the picker and is the default (GSettings default-routine), and a toast
 * says so. A file refused leaves everything as it was, and the page shows
 * why in one line until the next import. Returns whether it was imported. */
gboolean       fl_cooldown_page_import_file     (FlCooldownPage *self,
                                                 GFile          *file);

G_END_DECLS
