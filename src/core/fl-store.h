/* fl-store.h: the journal file on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fl-clock.h"
#include "fl-journal.h"

G_BEGIN_DECLS

#define FL_STORE_ERROR (fl_store_error_quark ())

typedef enum {
  FL_STORE_ERROR_READ_ONLY,     /* opened read-only: nothing can be saved */
  FL_STORE_ERROR_IO,            /* the file or its folder could not be read or written */
} FlStoreError;

GQuark fl_store_error_quark (void);

#define FL_TYPE_STORE (fl_store_get_type ())
G_DECLARE_FINAL_TYPE (FlStore, fl_store, FL, STORE, GObject)

/* Signals: "save-failed" (GError *error), from autosave only.
 * Properties: "notice" (string, read-only, notified when it changes),
 * "journal" (read-only; the same object for the store's whole life: loading
 * and merging fill it in place), "path" and "clock" (construct-only). */

/* $XDG_DATA_HOME/fresh-legs/journal.json */
char        *fl_store_default_path   (void);

/* @path: NULL for fl_store_default_path(). @clock names moved-aside files
 * (NULL: the system clock). */
FlStore     *fl_store_new            (const char  *path,
                                      FlClock     *clock);
const char  *fl_store_get_path       (FlStore     *self);
FlJournal   *fl_store_get_journal    (FlStore     *self);

/* Reads the file into the journal. A missing file is an empty journal. A file
 * that does not parse is moved aside to "journal.json.damaged-YYYYMMDD-HHMMSS"
 * and the journal starts empty; a newer version opens read-only; both set
 * "notice" and still return TRUE. FALSE only when the file exists but cannot
 * be read (permissions, I/O). */
gboolean     fl_store_load           (FlStore     *self,
                                      GError     **error);
/* Writes atomically (temporary file, fsync, rename; folder 0700, file 0600).
 * If someone else changed the file since it was read, their version is
 * loaded, this journal's unsynced changes are replayed onto it, and the
 * merge is written. On failure the file on disk is untouched. */
gboolean     fl_store_save           (FlStore     *self,
                                      GError     **error);

/* With autosave, every "changed" of the journal is saved at once; a failure
 * emits "save-failed" with the GError (the change stays in memory). */
void         fl_store_set_autosave   (FlStore     *self,
                                      gboolean     autosave);

/* A translated message for the runner after load (damaged file moved aside,
 * newer version read-only), or NULL. A save can set it too: when the file
 * someone else wrote does not parse, it is moved aside before ours is written. */
const char  *fl_store_get_notice     (FlStore     *self);
/* Where a damaged file went, or NULL */
const char  *fl_store_get_moved_aside_path (FlStore *self);

G_END_DECLS
