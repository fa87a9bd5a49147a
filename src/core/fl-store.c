/* fl-store.c: the journal file on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is health data the runner owns, so it is written so that it is
 * never lost: atomically (temporary file, fsync, rename), 0600 in a 0700
 * folder; a file that does not parse is moved aside, never overwritten; and a
 * file changed by someone else since we read it (another copy of the app, a
 * sync tool) is merged with ours, not overwritten. A change is noticed by the
 * SHA-256 of the bytes we last read or wrote.
 */
#define _GNU_SOURCE 1

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

#include "fl-store.h"
#include "fl-system-clock.h"

G_DEFINE_QUARK (fl-store-error-quark, fl_store_error)

#define FILE_MODE   0600
#define FOLDER_MODE 0700

struct _FlStore
{
  GObject    parent_instance;

  char      *path;
  FlClock   *clock;
  FlJournal *journal;

  char      *notice;
  char      *moved_aside_path;
  char      *checksum;          /* SHA-256 of the file as last read or written; NULL: no file */

  gulong     changed_id;
  gboolean   busy;              /* loading or saving: "changed" from adopt() is our own */
  gboolean   save_pending;      /* a "changed" came while busy */
};

G_DEFINE_FINAL_TYPE (FlStore, fl_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CLOCK,
  PROP_JOURNAL,
  PROP_NOTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fl_store_dispose (GObject *object)
{
  FlStore *self = FL_STORE (object);

  if (self->journal != NULL)
    g_clear_signal_handler (&self->changed_id, self->journal);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (fl_store_parent_class)->dispose (object);
}

static void
fl_store_finalize (GObject *object)
{
  FlStore *self = FL_STORE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->moved_aside_path, g_free);
  g_clear_pointer (&self->checksum, g_free);

  G_OBJECT_CLASS (fl_store_parent_class)->finalize (object);
}

static void
fl_store_constructed (GObject *object)
{
  FlStore *self = FL_STORE (object);

  G_OBJECT_CLASS (fl_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = fl_store_default_path ();
  if (self->clock == NULL)
    self->clock = fl_system_clock_new ();
}

static void
fl_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FlStore *self = FL_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  FlStore *self = FL_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_store_class_init (FlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fl_store_constructed;
  object_class->dispose = fl_store_dispose;
  object_class->finalize = fl_store_finalize;
  object_class->get_property = fl_store_get_property;
  object_class->set_property = fl_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         FL_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         FL_TYPE_JOURNAL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * FlStore:notice:
   *
   * A translated message for the runner after loading or saving (a damaged
   * file moved aside, a newer version open read-only), or %NULL.
   */
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlStore::save-failed:
   * @error: what went wrong, with a message for the runner
   *
   * An automatic save failed; the change stays in memory.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
fl_store_init (FlStore *self)
{
  self->journal = fl_journal_new ();
}

char *
fl_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "fresh-legs", "journal.json", NULL);
}

FlStore *
fl_store_new (const char *path,
              FlClock    *clock)
{
  g_return_val_if_fail (clock == NULL || FL_IS_CLOCK (clock), NULL);

  return g_object_new (FL_TYPE_STORE,
                       "path", path,
                       "clock", clock,
                       NULL);
}

const char *
fl_store_get_path (FlStore *self)
{
  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return self->path;
}

FlJournal *
fl_store_get_journal (FlStore *self)
{
  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return self->journal;
}

const char *
fl_store_get_notice (FlStore *self)
{
  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return self->notice;
}

const char *
fl_store_get_moved_aside_path (FlStore *self)
{
  g_return_val_if_fail (FL_IS_STORE (self), NULL);

  return self->moved_aside_path;
}

static void
set_notice (FlStore    *self,
            const char *notice)
{
  if (g_strcmp0 (self->notice, notice) == 0)
    return;

  g_free (self->notice);
  self->notice = g_strdup (notice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

static char *
compute_checksum (const char *data,
                  gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Reads the file. TRUE with *out_contents NULL when there is none. */
static gboolean
read_file (FlStore   *self,
           gboolean   saving,
           char     **out_contents,
           gsize     *out_length,
           GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  *out_contents = NULL;
  *out_length = 0;

  if (g_file_get_contents (self->path, out_contents, out_length, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;

  if (saving)
    g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO,
                 _("Could not save your journal to %s: %s"), self->path, local_error->message);
  else
    g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO,
                 _("Could not read your journal %s: %s"), self->path, local_error->message);
  return FALSE;
}

/* Renames without ever replacing a file that is there: RENAME_NOREPLACE
 * where the file system has it, a check just before otherwise. */
static gboolean
rename_no_replace (const char  *from,
                   const char  *to,
                   int         *out_errno)
{
#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;
  if (errno != EINVAL && errno != ENOSYS)
    {
      *out_errno = errno;
      return FALSE;
    }
#endif
  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      *out_errno = EEXIST;
      return FALSE;
    }
  if (g_rename (from, to) == 0)
    return TRUE;
  *out_errno = errno;
  return FALSE;
}

/* Moves a damaged file to journal.json.damaged-YYYYMMDD-HHMMSS (local time),
 * with -2, -3, … if that name is taken, and tells the runner where it went. */
static gboolean
move_aside (FlStore  *self,
            GError  **error)
{
  g_autoptr(GDateTime) now = fl_clock_now (self->clock);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strconcat (self->path, ".damaged-", stamp, NULL);
  g_autofree char *target = g_strdup (base);
  g_autofree char *notice = NULL;
  int saved_errno = 0;

  for (guint n = 2; !rename_no_replace (self->path, target, &saved_errno); n++)
    {
      if (saved_errno != EEXIST || n > 1000)
        {
          g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO,
                       _("Your journal %s could not be read, and could not be moved "
                         "aside to keep it safe: %s"),
                       self->path, g_strerror (saved_errno));
          return FALSE;
        }
      g_free (target);
      target = g_strdup_printf ("%s-%u", base, n);
    }

  g_free (self->moved_aside_path);
  self->moved_aside_path = g_steal_pointer (&target);

  notice = g_strdup_printf (_("Your journal could not be read, so Fresh Legs moved it to %s "
                              "and started a new one. Nothing in the old file was deleted."),
                            self->moved_aside_path);
  set_notice (self, notice);
  return TRUE;
}

/* NULL when the bytes are not a JSON document */
static JsonNode *
parse_bytes (const char *contents,
             gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, contents, (gssize) length, NULL))
    return NULL;
  if (json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

static void
newer_notice (FlStore *self)
{
  set_notice (self, _("Your journal was written by a newer version of Fresh Legs. It is open "
                      "read-only: update Fresh Legs to make changes."));
}

/* Puts @loaded into the store's journal, keeping the journal object that
 * others hold, with nothing left to sync. */
static void
take_journal (FlStore   *self,
              FlJournal *loaded,
              gboolean   read_only)
{
  fl_journal_adopt (self->journal, loaded);
  fl_journal_mark_synced (self->journal);
  fl_journal_set_read_only (self->journal, read_only);
}

gboolean
fl_store_load (FlStore  *self,
               GError  **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FlJournal) loaded = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  gboolean was_busy;
  gboolean ok = TRUE;

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_file (self, FALSE, &contents, &length, error))
    return FALSE;

  was_busy = self->busy;
  self->busy = TRUE;

  set_notice (self, NULL);
  g_clear_pointer (&self->moved_aside_path, g_free);

  if (contents == NULL)
    {
      g_clear_pointer (&self->checksum, g_free);
      loaded = fl_journal_new ();
      take_journal (self, loaded, FALSE);
      goto out;
    }

  /* Health data: tighten a file someone made readable by others */
  {
    GStatBuf st;

    if (g_stat (self->path, &st) == 0 && (st.st_mode & 077) != 0)
      g_chmod (self->path, FILE_MODE);
  }

  root = parse_bytes (contents, length);
  if (root != NULL)
    loaded = fl_journal_new_from_json (root, &local_error);

  if (loaded != NULL)
    {
      g_free (self->checksum);
      self->checksum = compute_checksum (contents, length);
      take_journal (self, loaded, FALSE);
    }
  else if (g_error_matches (local_error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_NEWER))
    {
      g_clear_error (&local_error);
      loaded = fl_journal_new_from_json_read_only (root, NULL);
      g_assert (loaded != NULL);
      g_free (self->checksum);
      self->checksum = compute_checksum (contents, length);
      take_journal (self, loaded, TRUE);
      newer_notice (self);
    }
  else
    {
      /* Not JSON, not a journal, or a record out of range: keep it whole,
       * out of the way, and start afresh. */
      if (local_error != NULL)
        g_debug ("Journal %s is damaged: %s", self->path, local_error->message);
      if (!move_aside (self, error))
        {
          ok = FALSE;
          goto out;
        }
      g_clear_pointer (&self->checksum, g_free);
      g_clear_object (&loaded);
      loaded = fl_journal_new ();
      take_journal (self, loaded, FALSE);
    }

out:
  self->busy = was_busy;
  return ok;
}

/* Makes the folder (0700), and tightens one that is open to others */
static gboolean
ensure_folder (FlStore  *self,
               GError  **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  GStatBuf st;

  if (g_mkdir_with_parents (folder, FOLDER_MODE) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO,
                   _("Could not create the folder %s for your journal: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (folder, &st) == 0 && (st.st_mode & 077) != 0)
    g_chmod (folder, FOLDER_MODE);
  return TRUE;
}

/* Someone else wrote the file since we read it: load theirs, replay our
 * changes on it, and make that our journal. */
static gboolean
merge_theirs (FlStore     *self,
              const char  *contents,
              gsize        length,
              GError     **error)
{
  g_autoptr(JsonNode) root = parse_bytes (contents, length);
  g_autoptr(FlJournal) theirs = NULL;
  g_autoptr(GError) local_error = NULL;

  if (root != NULL)
    theirs = fl_journal_new_from_json (root, &local_error);

  if (theirs == NULL)
    {
      if (g_error_matches (local_error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_NEWER))
        {
          /* A newer Fresh Legs wrote it: do not write over what we cannot read */
          fl_journal_set_read_only (self->journal, TRUE);
          newer_notice (self);
          g_set_error_literal (error, FL_STORE_ERROR, FL_STORE_ERROR_READ_ONLY,
                               _("Your journal was changed by a newer version of Fresh Legs, "
                                 "so this one will not write over it."));
          return FALSE;
        }

      /* Theirs is damaged: keep it aside, and write ours */
      if (!move_aside (self, error))
        return FALSE;
      g_clear_pointer (&self->checksum, g_free);
      return TRUE;
    }

  fl_journal_replay_unsynced (self->journal, theirs);
  fl_journal_adopt (self->journal, theirs);
  /* The journal now holds theirs: if our write fails, the file still matches */
  g_free (self->checksum);
  self->checksum = compute_checksum (contents, length);
  return TRUE;
}

static gboolean
save_unlocked (FlStore  *self,
               GError  **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  gsize data_length;

  if (fl_journal_get_read_only (self->journal))
    {
      g_set_error_literal (error, FL_STORE_ERROR, FL_STORE_ERROR_READ_ONLY,
                           _("Your journal was written by a newer version of Fresh Legs "
                             "and is open read-only: nothing can be saved."));
      return FALSE;
    }

  if (!read_file (self, TRUE, &contents, &length, error))
    return FALSE;

  if (contents != NULL)
    {
      g_autofree char *on_disk = compute_checksum (contents, length);

      if (g_strcmp0 (on_disk, self->checksum) != 0 &&
          !merge_theirs (self, contents, length, error))
        return FALSE;
    }

  if (!ensure_folder (self, error))
    return FALSE;

  root = fl_journal_to_json (self->journal);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &data_length);

  if (!g_file_set_contents_full (self->path, data, (gssize) data_length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 FILE_MODE, &local_error))
    {
      g_set_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO,
                   _("Could not save your journal to %s: %s"), self->path, local_error->message);
      return FALSE;
    }

  g_free (self->checksum);
  self->checksum = compute_checksum (data, data_length);
  fl_journal_mark_synced (self->journal);
  return TRUE;
}

gboolean
fl_store_save (FlStore  *self,
               GError  **error)
{
  gboolean was_busy;
  gboolean ok;

  g_return_val_if_fail (FL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A merge adopts their journal, which emits "changed": that must not
   * start a second save from inside this one. */
  was_busy = self->busy;
  self->busy = TRUE;
  ok = save_unlocked (self, error);
  self->busy = was_busy;

  return ok;
}

static void
on_journal_changed (FlStore   *self,
                    FlJournal *journal)
{
  if (self->busy)
    {
      /* Our own adopt() during a merge, or a handler of it changing the
       * journal again: the save under way, or the one after it, takes it. */
      self->save_pending = TRUE;
      return;
    }
  /* The runner was told when it was opened; only reminder state changes here */
  if (fl_journal_get_read_only (journal))
    return;

  do
    {
      g_autoptr(GError) error = NULL;

      self->save_pending = FALSE;
      if (!fl_store_save (self, &error))
        {
          g_signal_emit (self, signals[SAVE_FAILED], 0, error);
          return;
        }
    }
  while (self->save_pending && fl_journal_has_unsynced_changes (journal));
}

void
fl_store_set_autosave (FlStore  *self,
                       gboolean  autosave)
{
  g_return_if_fail (FL_IS_STORE (self));

  if (autosave == (self->changed_id != 0))
    return;

  if (autosave)
    self->changed_id = g_signal_connect_object (self->journal, "changed",
                                                G_CALLBACK (on_journal_changed), self,
                                                G_CONNECT_SWAPPED);
  else
    g_clear_signal_handler (&self->changed_id, self->journal);
}
