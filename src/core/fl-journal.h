/* fl-journal.h: the runner's record, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "fl-profile.h"
#include "fl-record.h"

G_BEGIN_DECLS

#define FL_JOURNAL_FORMAT  "fresh-legs-journal"
#define FL_JOURNAL_VERSION 1

#define FL_JOURNAL_ERROR (fl_journal_error_quark ())

typedef enum {
  FL_JOURNAL_ERROR_FORMAT,      /* not a Fresh Legs journal */
  FL_JOURNAL_ERROR_NEWER,       /* written by a newer Fresh Legs */
  FL_JOURNAL_ERROR_INVALID,     /* a record is out of range or malformed */
  FL_JOURNAL_ERROR_DUPLICATE,   /* a record with this id (or a check-in for this date) exists */
  FL_JOURNAL_ERROR_READ_ONLY,   /* the journal is open read-only */
} FlJournalError;

GQuark fl_journal_error_quark (void);

/* What the scheduler remembers of one reminder kind, so that a restart never
 * repeats or loses one. Times are NULL when never. */
typedef struct
{
  GDateTime *last_fired;
  GDateTime *snoozed_until;
} FlReminderState;

#define FL_TYPE_JOURNAL (fl_journal_get_type ())
G_DECLARE_FINAL_TYPE (FlJournal, fl_journal, FL, JOURNAL, GObject)

/* Signals: "changed" (no arguments), once after every change.
 * Properties: "read-only" (boolean). */

FlJournal       *fl_journal_new                 (void);

/* Loading: the whole document. Fails on a wrong "format", a newer "version"
 * (FL_JOURNAL_ERROR_NEWER; fl_journal_new_from_json_read_only() opens those)
 * or an invalid record (the message names the record and the value). */
FlJournal       *fl_journal_new_from_json       (JsonNode        *root,
                                                 GError         **error);
/* For a journal of a newer version: reads what this version understands,
 * skips what it cannot (records, profile or reminders it cannot validate) and
 * returns a read-only journal. Fails only when @root is not a Fresh Legs
 * journal at all (FL_JOURNAL_ERROR_FORMAT). */
FlJournal       *fl_journal_new_from_json_read_only (JsonNode    *root,
                                                     GError     **error);
JsonNode        *fl_journal_to_json             (FlJournal       *self);

gboolean         fl_journal_get_read_only       (FlJournal       *self);
void             fl_journal_set_read_only       (FlJournal       *self,
                                                 gboolean         read_only);

const FlProfile *fl_journal_get_profile         (FlJournal       *self);
gboolean         fl_journal_set_profile         (FlJournal       *self,
                                                 const FlProfile *profile,
                                                 GError         **error);

/* The records of @kind, oldest first. (transfer none) */
GPtrArray       *fl_journal_get_records         (FlJournal       *self,
                                                 FlRecordKind     kind);
/* The records of @kind with @from <= time < @to as indexes into
 * fl_journal_get_records(): [*out_begin, *out_end). Binary search. */
void             fl_journal_range               (FlJournal       *self,
                                                 FlRecordKind     kind,
                                                 GDateTime       *from,
                                                 GDateTime       *to,
                                                 guint           *out_begin,
                                                 guint           *out_end);
FlRecord        *fl_journal_lookup              (FlJournal       *self,
                                                 FlRecordKind     kind,
                                                 const char      *id);

/* Validates and adds @record (the journal takes a reference); a record with
 * the id of an existing one replaces it (an edit). A check-in's id is set to
 * its date, so a second check-in for a day replaces the first. Fails with
 * FL_JOURNAL_ERROR_INVALID (the message says which value and what is
 * accepted) or FL_JOURNAL_ERROR_READ_ONLY. Emits "changed". */
gboolean         fl_journal_add                 (FlJournal       *self,
                                                 FlRecord        *record,
                                                 GError         **error);
/* Removes a record and returns it (for undo; transfer full), or NULL when
 * there is none or the journal is read-only. Emits "changed". */
FlRecord        *fl_journal_remove              (FlJournal       *self,
                                                 FlRecordKind     kind,
                                                 const char      *id);

/* Reminder bookkeeping, by reminder kind ("drink", "wind-down", …).
 * get: the times in @out are new references (or NULL): the caller frees them
 * with fl_reminder_state_clear(). set: @state may be NULL to forget both; it
 * emits "changed" when something changed. A read-only journal remembers the
 * state in memory but will not save it. */
void             fl_reminder_state_clear        (FlReminderState *state);
void             fl_journal_get_reminder_state  (FlJournal       *self,
                                                 const char      *reminder,
                                                 FlReminderState *out);
void             fl_journal_set_reminder_state  (FlJournal       *self,
                                                 const char      *reminder,
                                                 const FlReminderState *state);

/* Merging: every change since the last fl_journal_mark_synced() is kept as an
 * operation. FlStore, finding the file changed by someone else, loads it and
 * replays those operations on it, then adopts the result. */
void             fl_journal_mark_synced         (FlJournal       *self);
gboolean         fl_journal_has_unsynced_changes (FlJournal      *self);
/* Applies the operations in order onto @onto: an add whose id exists there
 * replaces it, a removal of an id that is not there changes nothing. */
void             fl_journal_replay_unsynced     (FlJournal       *self,
                                                 FlJournal       *onto);
/* Takes the records, profile, reminder state and unknown members of @other;
 * @self keeps its identity, its read-only flag and its unsynced operations.
 * Emits "changed" once. */
void             fl_journal_adopt               (FlJournal       *self,
                                                 FlJournal       *other);

G_END_DECLS
