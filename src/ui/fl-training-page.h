/* fl-training-page.h: the runs, their load, flags, the plan and cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_TRAINING_PAGE (fl_training_page_get_type ())
G_DECLARE_FINAL_TYPE (FlTrainingPage, fl_training_page, FL, TRAINING_PAGE, AdwBin)

/* The page shows what FlTraining computes for @app's day and follows the
 * journal and the date. Actions: training.add-run opens the run form,
 * training.edit-run (s: a run id) opens it on that run; removing a run
 * offers an undo toast in the nearest AdwToastOverlay. "Import…" activates
 * app.import. Before the first run an empty state says how to add runs. */
GtkWidget     *fl_training_page_new             (FlApplication  *app);
FlApplication *fl_training_page_get_application (FlTrainingPage *self);
void           fl_training_page_set_application (FlTrainingPage *self,
                                                 FlApplication  *app);
/* The run form the page has open, or NULL (for tests) */
GtkWidget     *fl_training_page_get_run_dialog  (FlTrainingPage *self);

G_END_DECLS
