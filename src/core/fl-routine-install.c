/* fl-routine-install.c: the runner's own routine files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They live in fl_routine_user_dir(), one JSON file each; installing one
 * validates it first and never writes over another routine's file.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fl-routine-private.h"

/* The runner's routines */

char *
fl_routine_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "fresh-legs", "routines", NULL);
}

static FlRoutine *
load_user_file (GFile   *file,
                GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return fl_routine_new_from_data_full (contents, length, FL_ROUTINE_FLAGS_NONE, FALSE, error);
}

/* A runner's routine cannot stand in for a shipped one */
static gboolean
check_not_reserved (FlRoutine  *self,
                    GError    **error)
{
  if (!fl_routine_is_shipped_name (self->name))
    return TRUE;

  g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_RESERVED,
               _("“%s” is the name of a routine that comes with Fresh Legs: give yours another “name”."),
               self->name);
  return FALSE;
}

FlRoutine *
fl_routine_load_file (GFile   *file,
                      GError **error)
{
  g_autoptr(FlRoutine) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = load_user_file (file, error);
  if (self == NULL || !check_not_reserved (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Valid routines in the runner's folder, by name; shipped names left out */
GPtrArray *
fl_routine_list_user (void)
{
  g_autofree char *dir_path = fl_routine_user_dir ();
  g_autoptr(GPtrArray) routines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      FlRoutine *routine;

      if (!g_str_has_suffix (entry, ".json"))
        continue;

      path = g_build_filename (dir_path, entry, NULL);
      file = g_file_new_for_path (path);
      routine = load_user_file (file, &error);
      if (routine == NULL)
        {
          /* The app validated it on import; a file put there by hand and
           * broken since is left out rather than taking the list down. */
          g_debug ("Skipping routine “%s”: %s", path, error->message);
          continue;
        }
      if (fl_routine_is_shipped_name (routine->name))
        {
          g_object_unref (routine);
          continue;
        }
      g_ptr_array_add (routines, routine);
    }

  return g_steal_pointer (&routines);
}

/* {{{ Importing */

/* The file in @dir_path that holds the runner's routine called @name, or
 * NULL. A file name that differs from the routine's is fine (put there by
 * hand): an update goes into that file, so that the name stays unique. */
static char *
find_user_file (const char *dir_path,
                const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(FlRoutine) routine = NULL;

      if (!g_str_has_suffix (entry, ".json"))
        continue;

      path = g_build_filename (dir_path, entry, NULL);
      file = g_file_new_for_path (path);
      routine = load_user_file (file, NULL);
      if (routine != NULL && g_str_equal (routine->name, name))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* NAME.json, or NAME-2.json, … when a file of another routine (or a broken
 * one) already has that file name: nothing of the runner's is written over */
static char *
free_file_name (const char *dir_path,
                const char *name)
{
  char *path = NULL;

  for (guint n = 1; ; n++)
    {
      g_autofree char *base = n == 1 ? g_strconcat (name, ".json", NULL)
                                     : g_strdup_printf ("%s-%u.json", name, n);

      g_free (path);
      path = g_build_filename (dir_path, base, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
    }
}

FlRoutine *
fl_routine_install_file (GFile     *file,
                         gboolean  *out_updated,
                         GError   **error)
{
  g_autofree char *dir_path = fl_routine_user_dir ();
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autoptr(FlRoutine) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean updated;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Read once: what is validated is what is copied */
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  self = fl_routine_new_from_data_full (contents, length, FL_ROUTINE_FLAGS_NONE, FALSE, error);
  if (self == NULL || !check_not_reserved (self, error))
    return NULL;

  /* Routines say how the runner stretches, nobody else's business: the
   * folder is theirs alone, like the journal */
  if (g_mkdir_with_parents (dir_path, 0700) != 0 || g_chmod (dir_path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_IO,
                   _("Could not save the routine in “%s”: %s"), dir_path, g_strerror (saved_errno));
      return NULL;
    }

  target = find_user_file (dir_path, self->name);
  updated = target != NULL;
  if (target == NULL)
    target = free_file_name (dir_path, self->name);

  if (!g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_IO,
                   _("Could not save the routine in “%s”: %s"), dir_path, local_error->message);
      return NULL;
    }

  if (out_updated != NULL)
    *out_updated = updated;

  return g_steal_pointer (&self);
}

/* }}} */
