/* fl-iron-page.h: today's iron against the target, foods, tips, flags, ferritin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-application.h"

G_BEGIN_DECLS

#define FL_TYPE_IRON_PAGE (fl_iron_page_get_type ())
G_DECLARE_FINAL_TYPE (FlIronPage, fl_iron_page, FL, IRON_PAGE, AdwBin)

/* The page shows FlIron's figures for @app's day (from its clock) and
 * follows the journal and the date. Its actions:
 *   iron.log-food (s)  log the food with this id, in the portions chosen
 *   iron.log-ferritin  log the ferritin result typed in
 *   iron.add-food      add the food of the runner’s own typed in (saved beside
 *                      the journal, validated by FlFoods)
 * Removing an entry offers an undo toast in the nearest AdwToastOverlay. */
GtkWidget     *fl_iron_page_new             (FlApplication *app);
FlApplication *fl_iron_page_get_application (FlIronPage    *self);
void           fl_iron_page_set_application (FlIronPage    *self,
                                             FlApplication *app);

G_END_DECLS
