/* fl-journal-json.c: the journal to and from JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading checks the format and version; members we do not know are kept
 * as read and written back on saving.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-journal-private.h"

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
      fl_journal_insert_record (self, record);
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
