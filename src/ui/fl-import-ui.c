/* fl-import-ui.c: runs from GPS files into the window: the file chooser
 * (app.import), files dropped on the window, and the toast that reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both ways in end in fl_import_ui_import_files(): the files are read in a
 * worker thread (a 100 MB file takes a moment, the window must not freeze),
 * and the runs are added to the journal back on the main thread, which the
 * journal and its "changed" listeners live on.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-import-ui.h"
#include "fl-import.h"

typedef struct
{
  GFile     *file;
  GPtrArray *activities;        /* NULL when reading failed */
  GError    *error;
} ReadFile;

static void
read_file_free (ReadFile *read)
{
  g_clear_object (&read->file);
  g_clear_pointer (&read->activities, g_ptr_array_unref);
  g_clear_error (&read->error);
  g_free (read);
}

static void
read_files_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GPtrArray *reads = task_data;

  for (guint i = 0; i < reads->len; i++)
    {
      ReadFile *read = g_ptr_array_index (reads, i);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      read->activities = fl_import_file (read->file, &read->error);
    }
  g_task_return_boolean (task, TRUE);
}

/* Adds what was read and says what happened, in one line */
static char *
add_runs (FlJournal *journal,
          GPtrArray *reads,
          guint     *out_added)
{
  guint added = 0, duplicates = 0, not_runs = 0, no_times = 0;
  g_autofree char *problem = NULL;

  for (guint i = 0; i < reads->len; i++)
    {
      ReadFile *read = g_ptr_array_index (reads, i);

      if (read->activities == NULL)
        {
          if (problem == NULL && read->error != NULL)
            problem = g_strdup (read->error->message);
          continue;
        }

      for (guint j = 0; j < read->activities->len; j++)
        {
          const FlImportedActivity *activity = g_ptr_array_index (read->activities, j);
          g_autoptr(GError) error = NULL;
          g_autofree char *what = fl_imported_activity_describe (activity);

          switch (fl_import_add_activity (journal, activity, NULL, &error))
            {
            case FL_IMPORT_ADDED:
              added++;
              g_info ("Imported a run of %s", what);
              break;
            case FL_IMPORT_DUPLICATE:
              duplicates++;
              g_info ("Already imported: %s", what);
              break;
            case FL_IMPORT_NOT_A_RUN:
              not_runs++;
              g_info ("Skipped, not a run (%s): %s", activity->sport, what);
              break;
            case FL_IMPORT_NO_TIMES:
              no_times++;
              g_info ("Skipped, no times: %s", what);
              break;
            case FL_IMPORT_INVALID:
            default:
              if (problem == NULL && error != NULL)
                {
                  g_autofree char *name = g_file_get_basename (read->file);

                  problem = g_strdup_printf ("%s: %s", name, error->message);
                }
              break;
            }
        }
    }

  *out_added = added;

  if (added > 0)
    {
      g_autofree char *imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u run", "Imported %u runs",
                                                                added), added);

      if (problem != NULL)
        /* Translators: “Imported 2 runs; walk.gpx: it cannot be read as GPX or TCX: …” */
        return g_strdup_printf (_("%s; %s"), imported, problem);
      return g_steal_pointer (&imported);
    }
  if (problem != NULL)
    return g_steal_pointer (&problem);
  if (duplicates > 0)
    return g_strdup (g_dngettext (GETTEXT_PACKAGE, "This run was imported before",
                                  "These runs were imported before", duplicates));
  if (not_runs > 0)
    return g_strdup (_("No runs to import: these are rides or swims"));
  if (no_times > 0)
    return g_strdup (_("No runs to import: the tracks have no times"));
  return g_strdup (_("No runs to import"));
}

static void
on_files_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  FlWindow *window = FL_WINDOW (source);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *reads = g_task_get_task_data (G_TASK (result));
  GtkApplication *app;
  AdwToast *toast;
  char *message;
  guint added = 0;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (outer))
    return;

  app = gtk_window_get_application (GTK_WINDOW (window));
  if (!FL_IS_APPLICATION (app))
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CLOSED, "The window has closed");
      return;
    }

  message = add_runs (fl_application_get_journal (FL_APPLICATION (app)), reads, &added);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, added > 0 ? 3 : 6);
  fl_window_add_toast (window, toast);
  /* Where the runs now are (a no-op until the Training page exists) */
  if (added > 0)
    fl_window_show_page (window, "training");

  g_task_return_pointer (outer, message, g_free);
}

void
fl_import_ui_import_files (FlWindow            *window,
                           GPtrArray           *files,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  GPtrArray *reads;

  g_return_if_fail (FL_IS_WINDOW (window));
  g_return_if_fail (files != NULL);

  outer = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (outer, fl_import_ui_import_files);

  reads = g_ptr_array_new_with_free_func ((GDestroyNotify) read_file_free);
  for (guint i = 0; i < files->len; i++)
    {
      ReadFile *read = g_new0 (ReadFile, 1);

      read->file = g_object_ref (g_ptr_array_index (files, i));
      g_ptr_array_add (reads, read);
    }

  inner = g_task_new (window, cancellable, on_files_read, g_steal_pointer (&outer));
  g_task_set_task_data (inner, reads, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (inner, read_files_in_thread);
}

char *
fl_import_ui_import_files_finish (FlWindow      *window,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The file chooser */

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(FlWindow) window = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      if (files->len > 0)
        fl_import_ui_import_files (window, files, NULL, NULL, NULL);
    }

  /* It hides itself after answering; the last reference goes here */
  g_object_unref (dialog);
}

void
fl_import_ui_choose (FlWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) gps = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (FL_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Import Activities"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         /* Translators: the file chooser's button */
                                         _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (gps, _("GPS activities (GPX, TCX)"));
  gtk_file_filter_add_suffix (gps, "gpx");
  gtk_file_filter_add_suffix (gps, "tcx");
  gtk_file_filter_add_mime_type (gps, "application/gpx+xml");
  gtk_file_filter_add_mime_type (gps, "application/vnd.garmin.tcx+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), gps);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), gps);

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Dropping files */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  FlWindow *window = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GSList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  fl_import_ui_import_files (window, files, NULL, NULL, NULL);
  return TRUE;
}

void
fl_import_ui_add_drop_target (FlWindow *window)
{
  GtkDropTarget *target;

  g_return_if_fail (FL_IS_WINDOW (window));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), window, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (target));
}
