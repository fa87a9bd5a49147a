/* fl-import-ui.h: runs from GPS files into the window: the file chooser
 * (app.import), files dropped on the window, and the toast that reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-window.h"

G_BEGIN_DECLS

/* Asks for GPX or TCX files (GtkFileChooserNative, several at once) and
 * imports them into @window's journal. For app.import. */
void  fl_import_ui_choose             (FlWindow            *window);

/* Lets files be dropped on @window to import them. */
void  fl_import_ui_add_drop_target    (FlWindow            *window);

/* Reads @files (GFile) off the main thread, adds their runs to the
 * application's journal (skipping those already there), logs the runs and
 * shows a toast ("Imported 3 runs", or the first error). @callback may be
 * NULL; _finish() returns the toast's text. */
void  fl_import_ui_import_files       (FlWindow            *window,
                                       GPtrArray           *files,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char *fl_import_ui_import_files_finish (FlWindow           *window,
                                        GAsyncResult       *result,
                                        GError            **error);

G_END_DECLS
