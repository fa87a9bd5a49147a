/* fl-routine-private.h: what the files of the routines share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fl-routine-json.c reads and checks a routine's JSON and the stretch
 * catalogue; fl-routine-install.c reads, lists and installs the runner's
 * routine files; fl-routine.c holds the object, the shipped routines, the
 * listing and lookup. Not API: fl-routine.h is.
 */
#pragma once

#include "fl-routine.h"

G_BEGIN_DECLS

#define ROUTINES_PATH  RESOURCE_PATH "/routines/"

struct _FlRoutine
{
  GObject    parent_instance;

  char      *name;
  char      *title;
  gboolean   shipped;
  GPtrArray *stretches;         /* of FlStretch *, one per entry of "stretches" */
  GArray    *steps;             /* of FlRoutineStep */
  guint      n_holds;
  int        total_s;
};

void       fl_routine_stretch_free       (gpointer         data);
gboolean   fl_routine_is_valid_name      (const char      *name);
FlRoutine *fl_routine_new_from_data_full (const char      *data,
                                          gssize           length,
                                          FlRoutineFlags   flags,
                                          gboolean         shipped,
                                          GError         **error);
gboolean   fl_routine_is_shipped_name    (const char      *name);
GPtrArray *fl_routine_list_user          (void);

G_END_DECLS
