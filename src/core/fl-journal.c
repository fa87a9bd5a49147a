/* fl-journal.c: the runner's record, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records of each kind live in one array sorted by time (records with the
 * same time keep the order they were added in), with an id index beside it.
 * Every change is also kept as an operation until the store says it is on
 * disk, so that a file changed by someone else can be merged instead of
 * overwritten: their file is loaded, our operations are replayed onto it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-journal-private.h"

G_DEFINE_QUARK (fl-journal-error-quark, fl_journal_error)

typedef enum {
  OP_ADD,
  OP_REMOVE,
  OP_SET_PROFILE,
  OP_SET_REMINDER,
} OpType;

typedef struct
{
  OpType        type;
  FlRecord     *record;         /* ADD: as it was added */
  FlRecordKind  kind;           /* REMOVE */
  char         *name;           /* REMOVE: the record id; SET_REMINDER: the reminder kind */
  FlProfile     profile;        /* SET_PROFILE */
  GDateTime    *last_fired;     /* SET_REMINDER */
  GDateTime    *snoozed_until;
} Op;

G_DEFINE_FINAL_TYPE (FlJournal, fl_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->record, fl_record_unref);
  g_free (op->name);
  g_clear_pointer (&op->last_fired, g_date_time_unref);
  g_clear_pointer (&op->snoozed_until, g_date_time_unref);
  g_free (op);
}

static void
reminder_entry_free (gpointer data)
{
  ReminderEntry *entry = data;

  g_clear_pointer (&entry->last_fired, g_date_time_unref);
  g_clear_pointer (&entry->snoozed_until, g_date_time_unref);
  g_clear_pointer (&entry->extra, json_object_unref);
  g_free (entry);
}

static GHashTable *
reminders_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, reminder_entry_free);
}

static void
fl_journal_finalize (GObject *object)
{
  FlJournal *self = FL_JOURNAL (object);

  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    {
      g_clear_pointer (&self->by_id[kind], g_hash_table_unref);
      g_clear_pointer (&self->records[kind], g_ptr_array_unref);
    }
  g_clear_pointer (&self->profile_extra, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->reminders, g_hash_table_unref);
  g_clear_pointer (&self->ops, g_ptr_array_unref);

  G_OBJECT_CLASS (fl_journal_parent_class)->finalize (object);
}

static void
fl_journal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FlJournal *self = FL_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_journal_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FlJournal *self = FL_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      fl_journal_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_journal_class_init (FlJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_journal_finalize;
  object_class->get_property = fl_journal_get_property;
  object_class->set_property = fl_journal_set_property;

  /**
   * FlJournal:read-only:
   *
   * Whether changes are refused (a journal written by a newer Fresh Legs).
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FlJournal::changed:
   *
   * Emitted once after every change: a record added, edited or removed, the
   * profile or a reminder state set, another journal adopted.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
fl_journal_init (FlJournal *self)
{
  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    {
      self->records[kind] = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_record_unref);
      self->by_id[kind] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  fl_profile_init_defaults (&self->profile);
  self->reminders = reminders_new ();
  self->ops = g_ptr_array_new_with_free_func (op_free);
}

FlJournal *
fl_journal_new (void)
{
  return g_object_new (FL_TYPE_JOURNAL, NULL);
}

/* The first index whose record is at or after @time (or after it, when
 * @after): the classic lower and upper bounds. */
static guint
search (GPtrArray *records,
        GDateTime *time,
        gboolean   after)
{
  guint low = 0, high = records->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      FlRecord *record = g_ptr_array_index (records, mid);
      int cmp = g_date_time_compare (record->time, time);

      if (cmp < 0 || (after && cmp == 0))
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static gboolean
find_index (FlJournal *self,
            FlRecord  *record,
            guint     *out_index)
{
  GPtrArray *records = self->records[record->kind];

  for (guint i = search (records, record->time, FALSE); i < records->len; i++)
    if (g_ptr_array_index (records, i) == record)
      {
        *out_index = i;
        return TRUE;
      }
  /* Not where its time says: someone changed its time in place */
  return g_ptr_array_find (records, record, out_index);
}

/* Adds a reference to @record; one with the same id is replaced (an edit) */
void
fl_journal_insert_record (FlJournal *self,
                          FlRecord  *record)
{
  GPtrArray *records = self->records[record->kind];
  GHashTable *by_id = self->by_id[record->kind];
  FlRecord *old = g_hash_table_lookup (by_id, record->id);
  guint index;

  if (old == record)
    return;

  fl_record_ref (record);

  if (old != NULL && find_index (self, old, &index))
    {
      if (g_date_time_equal (old->time, record->time))
        {
          /* Same time: the edit stays where the original was */
          g_hash_table_remove (by_id, old->id);
          g_hash_table_insert (by_id, record->id, record);
          fl_record_unref (g_ptr_array_index (records, index));
          g_ptr_array_index (records, index) = record;
          return;
        }
      g_hash_table_remove (by_id, old->id);
      g_ptr_array_remove_index (records, index);
    }

  g_ptr_array_insert (records, (int) search (records, record->time, TRUE), record);
  g_hash_table_insert (by_id, record->id, record);
}

static FlRecord *
remove_record (FlJournal    *self,
               FlRecordKind  kind,
               const char   *id)
{
  FlRecord *record = g_hash_table_lookup (self->by_id[kind], id);
  guint index;

  if (record == NULL || !find_index (self, record, &index))
    return NULL;

  g_hash_table_remove (self->by_id[kind], id);
  return g_ptr_array_steal_index (self->records[kind], index);
}

static gboolean
time_equal (GDateTime *a,
            GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

static gboolean
set_reminder (FlJournal  *self,
              const char *reminder,
              GDateTime  *last_fired,
              GDateTime  *snoozed_until)
{
  ReminderEntry *entry = g_hash_table_lookup (self->reminders, reminder);

  if (entry != NULL &&
      time_equal (entry->last_fired, last_fired) &&
      time_equal (entry->snoozed_until, snoozed_until))
    return FALSE;
  if (entry == NULL && last_fired == NULL && snoozed_until == NULL)
    return FALSE;

  if (entry == NULL)
    {
      entry = g_new0 (ReminderEntry, 1);
      g_hash_table_insert (self->reminders, g_strdup (reminder), entry);
    }

  g_clear_pointer (&entry->last_fired, g_date_time_unref);
  g_clear_pointer (&entry->snoozed_until, g_date_time_unref);
  entry->last_fired = last_fired ? g_date_time_ref (last_fired) : NULL;
  entry->snoozed_until = snoozed_until ? g_date_time_ref (snoozed_until) : NULL;
  return TRUE;
}

static void
add_op (FlJournal *self,
        Op        *op)
{
  g_ptr_array_add (self->ops, op);
}

static void
emit_changed (FlJournal *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
refuse_if_read_only (FlJournal  *self,
                     GError    **error)
{
  if (!self->read_only)
    return FALSE;

  g_set_error_literal (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY,
                       _("The journal is open read-only: it was written by a newer "
                         "version of Fresh Legs."));
  return TRUE;
}

gboolean
fl_journal_get_read_only (FlJournal *self)
{
  g_return_val_if_fail (FL_IS_JOURNAL (self), FALSE);

  return self->read_only;
}

void
fl_journal_set_read_only (FlJournal *self,
                          gboolean   read_only)
{
  g_return_if_fail (FL_IS_JOURNAL (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

const FlProfile *
fl_journal_get_profile (FlJournal *self)
{
  g_return_val_if_fail (FL_IS_JOURNAL (self), NULL);

  return &self->profile;
}

gboolean
fl_journal_set_profile (FlJournal        *self,
                        const FlProfile  *profile,
                        GError          **error)
{
  FlProfile copy;
  Op *op;

  g_return_val_if_fail (FL_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (refuse_if_read_only (self, error))
    return FALSE;

  if (!fl_profile_validate (profile, 0, error))
    return FALSE;

  copy = *profile;
  copy.is_set = TRUE;
  if (fl_profile_equal (&copy, &self->profile))
    return TRUE;

  self->profile = copy;

  op = g_new0 (Op, 1);
  op->type = OP_SET_PROFILE;
  op->profile = copy;
  add_op (self, op);

  emit_changed (self);
  return TRUE;
}

GPtrArray *
fl_journal_get_records (FlJournal    *self,
                        FlRecordKind  kind)
{
  g_return_val_if_fail (FL_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (kind < FL_N_RECORD_KINDS, NULL);

  return self->records[kind];
}

void
fl_journal_range (FlJournal    *self,
                  FlRecordKind  kind,
                  GDateTime    *from,
                  GDateTime    *to,
                  guint        *out_begin,
                  guint        *out_end)
{
  GPtrArray *records;
  guint begin, end;

  g_return_if_fail (FL_IS_JOURNAL (self));
  g_return_if_fail (kind < FL_N_RECORD_KINDS);

  records = self->records[kind];
  begin = from ? search (records, from, FALSE) : 0;
  end = to ? search (records, to, FALSE) : records->len;
  if (end < begin)
    end = begin;

  if (out_begin != NULL)
    *out_begin = begin;
  if (out_end != NULL)
    *out_end = end;
}

FlRecord *
fl_journal_lookup (FlJournal    *self,
                   FlRecordKind  kind,
                   const char   *id)
{
  g_return_val_if_fail (FL_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (kind < FL_N_RECORD_KINDS, NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id[kind], id);
}

gboolean
fl_journal_add (FlJournal  *self,
                FlRecord   *record,
                GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FlRecord) held = NULL;
  Op *op;

  g_return_val_if_fail (FL_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (record->kind < FL_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (refuse_if_read_only (self, error))
    return FALSE;

  /* Added again after a change in place: take it out first, as its id (an
   * index key) or its time (its place in the order) may have changed. */
  if (record->id != NULL && fl_journal_lookup (self, record->kind, record->id) == record)
    held = remove_record (self, record->kind, record->id);

  /* One check-in a day: its id is its date, so a second one replaces the first */
  if (record->kind == FL_RECORD_CHECKIN && record->time != NULL)
    {
      g_autofree char *date = g_date_time_format (record->time, "%Y-%m-%d");

      if (g_strcmp0 (record->id, date) != 0)
        {
          g_free (record->id);
          record->id = g_steal_pointer (&date);
        }
    }

  if (!fl_record_validate (record, &local_error))
    {
      /* Nothing stored is lost: what was there stays */
      if (held != NULL)
        fl_journal_insert_record (self, held);
      g_set_error_literal (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  fl_journal_insert_record (self, record);

  op = g_new0 (Op, 1);
  op->type = OP_ADD;
  op->record = fl_record_copy (record);
  add_op (self, op);

  emit_changed (self);
  return TRUE;
}

FlRecord *
fl_journal_remove (FlJournal    *self,
                   FlRecordKind  kind,
                   const char   *id)
{
  FlRecord *record;
  Op *op;

  g_return_val_if_fail (FL_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (kind < FL_N_RECORD_KINDS, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (self->read_only)
    return NULL;

  record = remove_record (self, kind, id);
  if (record == NULL)
    return NULL;

  op = g_new0 (Op, 1);
  op->type = OP_REMOVE;
  op->kind = kind;
  op->name = g_strdup (id);
  add_op (self, op);

  emit_changed (self);
  return record;
}

void
fl_reminder_state_clear (FlReminderState *state)
{
  g_return_if_fail (state != NULL);

  g_clear_pointer (&state->last_fired, g_date_time_unref);
  g_clear_pointer (&state->snoozed_until, g_date_time_unref);
}

void
fl_journal_get_reminder_state (FlJournal       *self,
                               const char      *reminder,
                               FlReminderState *out)
{
  ReminderEntry *entry;

  g_return_if_fail (FL_IS_JOURNAL (self));
  g_return_if_fail (reminder != NULL);
  g_return_if_fail (out != NULL);

  entry = g_hash_table_lookup (self->reminders, reminder);
  out->last_fired = entry && entry->last_fired ? g_date_time_ref (entry->last_fired) : NULL;
  out->snoozed_until = entry && entry->snoozed_until ? g_date_time_ref (entry->snoozed_until) : NULL;
}

void
fl_journal_set_reminder_state (FlJournal             *self,
                               const char            *reminder,
                               const FlReminderState *state)
{
  GDateTime *last_fired = state ? state->last_fired : NULL;
  GDateTime *snoozed_until = state ? state->snoozed_until : NULL;

  g_return_if_fail (FL_IS_JOURNAL (self));
  g_return_if_fail (reminder != NULL && reminder[0] != '\0');

  if (!set_reminder (self, reminder, last_fired, snoozed_until))
    return;

  /* A read-only journal still remembers in memory what fired, so that this
   * session does not repeat a reminder; it just cannot be saved. */
  if (!self->read_only)
    {
      Op *op = g_new0 (Op, 1);

      op->type = OP_SET_REMINDER;
      op->name = g_strdup (reminder);
      op->last_fired = last_fired ? g_date_time_ref (last_fired) : NULL;
      op->snoozed_until = snoozed_until ? g_date_time_ref (snoozed_until) : NULL;
      add_op (self, op);
    }

  emit_changed (self);
}

void
fl_journal_mark_synced (FlJournal *self)
{
  g_return_if_fail (FL_IS_JOURNAL (self));

  g_ptr_array_set_size (self->ops, 0);
}

gboolean
fl_journal_has_unsynced_changes (FlJournal *self)
{
  g_return_val_if_fail (FL_IS_JOURNAL (self), FALSE);

  return self->ops->len > 0;
}

void
fl_journal_replay_unsynced (FlJournal *self,
                            FlJournal *onto)
{
  gboolean changed = FALSE;

  g_return_if_fail (FL_IS_JOURNAL (self));
  g_return_if_fail (FL_IS_JOURNAL (onto));
  g_return_if_fail (self != onto);

  for (guint i = 0; i < self->ops->len; i++)
    {
      Op *op = g_ptr_array_index (self->ops, i);

      switch (op->type)
        {
        case OP_ADD:
          /* An add whose id is there already replaces it: the edit wins */
          fl_journal_insert_record (onto, op->record);
          changed = TRUE;
          break;

        case OP_REMOVE:
          {
            /* Removing what they removed too is no change */
            FlRecord *record = remove_record (onto, op->kind, op->name);

            if (record != NULL)
              {
                fl_record_unref (record);
                changed = TRUE;
              }
          }
          break;

        case OP_SET_PROFILE:
          onto->profile = op->profile;
          changed = TRUE;
          break;

        case OP_SET_REMINDER:
          changed |= set_reminder (onto, op->name, op->last_fired, op->snoozed_until);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (changed)
    emit_changed (onto);
}

void
fl_journal_adopt (FlJournal *self,
                  FlJournal *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (FL_IS_JOURNAL (self));
  g_return_if_fail (FL_IS_JOURNAL (other));

  if (self == other)
    return;

  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    {
      GPtrArray *records = other->records[kind];

      g_hash_table_remove_all (self->by_id[kind]);
      g_ptr_array_set_size (self->records[kind], 0);
      for (guint i = 0; i < records->len; i++)
        {
          FlRecord *record = g_ptr_array_index (records, i);

          g_ptr_array_add (self->records[kind], fl_record_ref (record));
          g_hash_table_insert (self->by_id[kind], record->id, record);
        }
    }

  self->profile = other->profile;
  g_clear_pointer (&self->profile_extra, json_object_unref);
  if (other->profile_extra != NULL)
    self->profile_extra = json_object_ref (other->profile_extra);
  g_clear_pointer (&self->extra, json_object_unref);
  if (other->extra != NULL)
    self->extra = json_object_ref (other->extra);

  g_hash_table_remove_all (self->reminders);
  g_hash_table_iter_init (&iter, other->reminders);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ReminderEntry *entry = value;
      ReminderEntry *copy = g_new0 (ReminderEntry, 1);

      copy->last_fired = entry->last_fired ? g_date_time_ref (entry->last_fired) : NULL;
      copy->snoozed_until = entry->snoozed_until ? g_date_time_ref (entry->snoozed_until) : NULL;
      copy->extra = entry->extra ? json_object_ref (entry->extra) : NULL;
      g_hash_table_insert (self->reminders, g_strdup (key), copy);
    }

  emit_changed (self);
}
