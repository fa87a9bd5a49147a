/* fl-journal-private.h: what the files of the journal share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fl-journal.c holds the journal in memory, its operations and their
 * replay; fl-journal-json.c loads it from and saves it to JSON. Not API:
 * fl-journal.h is.
 */
#pragma once

#include "fl-journal.h"

G_BEGIN_DECLS

typedef struct
{
  GDateTime  *last_fired;
  GDateTime  *snoozed_until;
  JsonObject *extra;            /* members we do not know; never changed, so shared */
} ReminderEntry;

struct _FlJournal
{
  GObject     parent_instance;

  GPtrArray  *records[FL_N_RECORD_KINDS];
  GHashTable *by_id[FL_N_RECORD_KINDS];   /* id → record, borrowed from records[] */
  FlProfile   profile;
  JsonObject *profile_extra;    /* "profile" as read: fl_profile_to_json() rewrites the known members */
  JsonObject *extra;            /* top-level members we do not know */
  GHashTable *reminders;        /* reminder kind → ReminderEntry */
  GPtrArray  *ops;              /* of Op, since the last fl_journal_mark_synced() */
  gboolean    read_only;
};

/* Adds a reference to @record; one with the same id is replaced (an edit) */
void fl_journal_insert_record (FlJournal *self,
                               FlRecord  *record);

G_END_DECLS
