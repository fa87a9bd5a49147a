/* fl-run-dialog.h: the form to add or edit a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-clock.h"
#include "fl-journal.h"

G_BEGIN_DECLS

#define FL_TYPE_RUN_DIALOG (fl_run_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FlRunDialog, fl_run_dialog, FL, RUN_DIALOG, AdwWindow)

/* A modal form over @parent. With @run it edits that run (its id, source and
 * any members it was read with are kept); without, it adds one starting now
 * (from @clock). Save validates, stores into @journal and closes; bad input
 * shows one message in the form and stores nothing. */
GtkWidget *fl_run_dialog_new  (FlJournal   *journal,
                               FlClock     *clock,
                               const FlRun *run,
                               GtkWindow   *parent);
/* Save as the button does; FALSE (with the message shown) on bad input */
gboolean   fl_run_dialog_save (FlRunDialog *self);

G_END_DECLS
