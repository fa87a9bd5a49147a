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

#include "fl-journal.h"

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
static void
insert_record (FlJournal *self,
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

/* Loading */

static const char * const profile_members[] = {
  "sex", "birth_year", "weight_kg", "diet", "heavy_periods", "pregnant", "sweat_rate_l_h",
};

static JsonObject *
copy_members (JsonObject         *object,
              const char * const *skip,
              guint               n_skip)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      gboolean skipped = FALSE;

      for (guint i = 0; i < n_skip && !skipped; i++)
        skipped = g_str_equal (skip[i], name);
      if (!skipped)
        json_object_set_member (copy, name, json_node_copy (node));
    }
  return copy;
}

static gboolean
parse_optional_time (JsonObject  *object,
                     const char  *member,
                     GDateTime  **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GTimeZone) local = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  local = g_time_zone_new_local ();
  *out = g_date_time_new_from_iso8601 (json_node_get_string (node), local);
  return *out != NULL;
}

static gboolean
parse_reminders (FlJournal  *self,
                 JsonNode   *node,
                 gboolean    lenient,
                 GError    **error)
{
  static const char * const known[] = { "last_fired", "snoozed_until" };
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      if (lenient)
        return TRUE;
      g_set_error_literal (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                           _("“reminders” must be an object."));
      return FALSE;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autoptr(GDateTime) last_fired = NULL;
      g_autoptr(GDateTime) snoozed_until = NULL;
      ReminderEntry *entry;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (member) ||
          !parse_optional_time (json_node_get_object (member), "last_fired", &last_fired) ||
          !parse_optional_time (json_node_get_object (member), "snoozed_until", &snoozed_until))
        {
          if (lenient)
            continue;
          g_set_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                       _("The reminder “%s” must hold “last_fired” and “snoozed_until” "
                         "as dates and times, or null."), name);
          return FALSE;
        }

      object = json_node_get_object (member);
      entry = g_new0 (ReminderEntry, 1);
      entry->last_fired = g_steal_pointer (&last_fired);
      entry->snoozed_until = g_steal_pointer (&snoozed_until);
      entry->extra = copy_members (object, known, G_N_ELEMENTS (known));
      g_hash_table_replace (self->reminders, g_strdup (name), entry);
    }
  return TRUE;
}

static gboolean
parse_profile (FlJournal  *self,
               JsonNode   *node,
               gboolean    lenient,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      if (lenient)
        return TRUE;
      g_set_error_literal (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                           _("“profile” must be an object."));
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!fl_profile_from_json (&self->profile, object, &local_error))
    {
      if (!lenient)
        {
          g_set_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                       _("The profile: %s"), local_error->message);
          return FALSE;
        }
      fl_profile_init_defaults (&self->profile);
      /* What could not be read stays in the file as it was */
      self->profile_extra = copy_members (object, NULL, 0);
      return TRUE;
    }

  /* Keep every member; fl_profile_to_json() rewrites the known ones on save */
  self->profile_extra = copy_members (object, NULL, 0);
  return TRUE;
}

static gboolean
parse_records (FlJournal     *self,
               FlRecordKind   kind,
               JsonNode      *node,
               gboolean       lenient,
               GError       **error)
{
  const char *member = fl_record_kind_to_member (kind);
  JsonArray *array;
  guint length;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      if (lenient)
        return TRUE;
      g_set_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                   _("“%s” must be a list."), member);
      return FALSE;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(FlRecord) record = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        record = fl_record_new_from_json (kind, json_node_get_object (element), &local_error);
      else
        g_set_error_literal (&local_error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                             _("An entry must be an object."));

      if (record == NULL)
        {
          if (lenient)
            continue;
          /* Counted from 1, as a person counts entries */
          g_set_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                       _("Entry %u of “%s”: %s"), i + 1, member, local_error->message);
          return FALSE;
        }
      insert_record (self, record);
    }
  return TRUE;
}

static FlJournal *
parse_document (JsonNode  *root,
                gboolean   lenient,
                GError   **error)
{
  g_autoptr(FlJournal) self = NULL;
  const char *known[FL_N_RECORD_KINDS + 4] = { "format", "version", "profile", "reminders" };
  JsonObject *object;
  JsonNode *node;
  gint64 version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_FORMAT,
                           _("This is not a Fresh Legs journal: it holds no JSON object."));
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), FL_JOURNAL_FORMAT) != 0)
    {
      g_set_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_FORMAT,
                   _("This is not a Fresh Legs journal: “format” is not “%s”."),
                   FL_JOURNAL_FORMAT);
      return NULL;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1)
    {
      g_set_error_literal (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_FORMAT,
                           _("This Fresh Legs journal has no valid “version”."));
      return NULL;
    }
  version = json_node_get_int (node);
  if (version > FL_JOURNAL_VERSION && !lenient)
    {
      /* The version is formatted apart: a G_GINT64_FORMAT inside _()
       * would cut the message short for xgettext. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_NEWER,
                   /* TRANSLATORS: %s is the file's version number, %d the newest this app reads */
                   _("This journal was written by a newer version of Fresh Legs "
                     "(journal version %s; this one reads up to %d)."),
                   found, FL_JOURNAL_VERSION);
      return NULL;
    }

  self = fl_journal_new ();

  if (!parse_profile (self, json_object_get_member (object, "profile"), lenient, error))
    return NULL;

  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    {
      known[4 + kind] = fl_record_kind_to_member (kind);
      if (!parse_records (self, kind, json_object_get_member (object, known[4 + kind]),
                          lenient, error))
        return NULL;
    }

  if (!parse_reminders (self, json_object_get_member (object, "reminders"), lenient, error))
    return NULL;

  self->extra = copy_members (object, known, G_N_ELEMENTS (known));

  return g_steal_pointer (&self);
}

FlJournal *
fl_journal_new_from_json (JsonNode  *root,
                          GError   **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_document (root, FALSE, error);
}

FlJournal *
fl_journal_new_from_json_read_only (JsonNode  *root,
                                    GError   **error)
{
  FlJournal *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = parse_document (root, TRUE, error);
  if (self != NULL)
    self->read_only = TRUE;
  return self;
}

/* Saving */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static JsonObject *
reminders_to_json (FlJournal *self)
{
  JsonObject *object = json_object_new ();
  g_autofree const char **names = NULL;
  guint n_names;

  /* Sorted, so that the file does not reshuffle on every save */
  names = (const char **) g_hash_table_get_keys_as_array (self->reminders, &n_names);
  g_qsort_with_data (names, (int) n_names, sizeof (char *), compare_names, NULL);

  for (guint i = 0; i < n_names; i++)
    {
      ReminderEntry *entry = g_hash_table_lookup (self->reminders, names[i]);
      JsonObject *member = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      if (entry->last_fired != NULL)
        {
          g_autofree char *text = fl_record_format_time (entry->last_fired);
          json_object_set_string_member (member, "last_fired", text);
        }
      else
        json_object_set_null_member (member, "last_fired");

      if (entry->snoozed_until != NULL)
        {
          g_autofree char *text = fl_record_format_time (entry->snoozed_until);
          json_object_set_string_member (member, "snoozed_until", text);
        }
      else
        json_object_set_null_member (member, "snoozed_until");

      if (entry->extra != NULL)
        {
          json_object_iter_init_ordered (&iter, entry->extra);
          while (json_object_iter_next_ordered (&iter, &name, &node))
            json_object_set_member (member, name, json_node_copy (node));
        }

      json_object_set_object_member (object, names[i], member);
    }

  return object;
}

JsonNode *
fl_journal_to_json (FlJournal *self)
{
  JsonObject *object;
  JsonNode *root;

  g_return_val_if_fail (FL_IS_JOURNAL (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "format", FL_JOURNAL_FORMAT);
  json_object_set_int_member (object, "version", FL_JOURNAL_VERSION);

  if (self->profile.is_set || (self->profile_extra && json_object_get_size (self->profile_extra) > 0))
    {
      JsonObject *profile = self->profile_extra
                            ? copy_members (self->profile_extra, NULL, 0)
                            : json_object_new ();

      if (self->profile.is_set)
        fl_profile_to_json (&self->profile, profile);
      else
        for (guint i = 0; i < G_N_ELEMENTS (profile_members); i++)
          json_object_remove_member (profile, profile_members[i]);
      json_object_set_object_member (object, "profile", profile);
    }

  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    {
      JsonArray *array = json_array_sized_new (self->records[kind]->len);

      for (guint i = 0; i < self->records[kind]->len; i++)
        json_array_add_object_element (array, fl_record_to_json (g_ptr_array_index (self->records[kind], i)));
      json_object_set_array_member (object, fl_record_kind_to_member (kind), array);
    }

  json_object_set_object_member (object, "reminders", reminders_to_json (self));

  if (self->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, self->extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (!json_object_has_member (object, name))
          json_object_set_member (object, name, json_node_copy (node));
    }

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  return root;
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
        insert_record (self, held);
      g_set_error_literal (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  insert_record (self, record);

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
          insert_record (onto, op->record);
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
