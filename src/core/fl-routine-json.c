/* fl-routine-json.c: a routine's JSON, read and checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented at the top of fl-routine.h. Every mistake gets a
 * message that says where it is and what is expected.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fl-routine-private.h"

#define CATALOGUE_PATH ROUTINES_PATH "stretches.json"
#define CATALOGUE_FORMAT "fresh-legs-stretches"

/* DESIGN.md "Cool-down": hold each stretch 20–45 s (ACSM: 10–30 s, repeated
 * 2–4 times; the 30 s per side of the default sits in both), with 5 s to
 * change side or position and a 3-2-1 lead-in. */
#define HOLD_MIN_S        20
#define HOLD_MIN_SHORT_S  1
#define HOLD_MAX_S        45
#define HOLD_DEFAULT_S    30
#define CHANGE_MAX_S      15
#define CHANGE_DEFAULT_S  5
#define LEAD_IN_MAX_S     10
#define LEAD_IN_DEFAULT_S 3
#define REPS_MAX          4

/* A cool-down record counts at most 500 steps (fl-record.c) */
#define HOLDS_MAX 500
#define NAME_MAX_CHARS 64

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlStretch, fl_routine_stretch_free)

/* Helpers for messages */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_INVALID, format, args));
  va_end (args);

  return FALSE;
}

/* A value as it stands in the file, for "got …" in a message */
static char *
describe_node (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* An id or routine name: a–z, 0–9 and "-", so that it is also a file name */
gboolean
fl_routine_is_valid_name (const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || len > NAME_MAX_CHARS)
    return FALSE;

  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A whole number in @node, as int64 or as a double without a fraction */
static gboolean
node_get_whole (JsonNode *node,
                gint64   *out_value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out_value = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (value != (double) (gint64) value || value < -1e9 || value > 1e9)
        return FALSE;
      *out_value = (gint64) value;
      return TRUE;
    }

  return FALSE;
}

/* Reads @member of @object as whole seconds in [@min, @max], or @fallback
 * when absent. @range_message takes the accepted range and the value. */
static gboolean
get_seconds (JsonObject  *object,
             const char  *member,
             int          min,
             int          max,
             int          fallback,
             int         *out_value,
             GError     **error,
             const char  *range_message,
             ...) G_GNUC_PRINTF (8, 9);

static gboolean
get_seconds (JsonObject  *object,
             const char  *member,
             int          min,
             int          max,
             int          fallback,
             int         *out_value,
             GError     **error,
             const char  *range_message,
             ...)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    {
      *out_value = fallback;
      return TRUE;
    }

  if (!node_get_whole (node, &value))
    {
      g_autofree char *got = describe_node (node);

      /* Translators: "“hold_s” is a whole number; got "thirty"." */
      return invalid (error, _("“%s” is a whole number; got %s."), member, got);
    }

  if (value < min || value > max)
    {
      g_autofree char *where = NULL;
      va_list args;

      /* The message names the place ("stretch 3 (“quadriceps”)"); the
       * range and the value follow it. */
      va_start (args, range_message);
      where = g_strdup_vprintf (range_message, args);
      va_end (args);

      g_set_error_literal (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_INVALID, where);
      return FALSE;
    }

  *out_value = (int) value;
  return TRUE;
}

/* The catalogue, parsed once from the GResource (id -> JsonObject) */

G_LOCK_DEFINE_STATIC (catalogue);
static GHashTable *catalogue;

static GHashTable *
get_catalogue (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *array;
  GHashTable *result;

  G_LOCK (catalogue);
  if (catalogue != NULL)
    {
      result = catalogue;
      G_UNLOCK (catalogue);
      return result;
    }

  bytes = g_resources_lookup_data (CATALOGUE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  parser = json_parser_new ();
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      G_UNLOCK (catalogue);
      /* Only a broken build gets here */
      g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_NOT_FOUND,
                   _("The stretch catalogue that comes with Fresh Legs is missing or damaged (%s)."),
                   local_error ? local_error->message : CATALOGUE_PATH);
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  array = json_object_has_member (root, "stretches") ? json_object_get_array_member (root, "stretches") : NULL;
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (!json_object_has_member (object, "id") || !node_is_string (json_object_get_member (object, "id")))
        continue;
      g_hash_table_insert (table,
                           g_strdup (json_object_get_string_member (object, "id")),
                           json_object_ref (object));
    }

  catalogue = g_steal_pointer (&table);
  result = catalogue;
  G_UNLOCK (catalogue);

  return result;
}

/* A stretch's own fields ("name", "how", "muscles", "per_side") from a
 * catalogue entry or a routine's entry with a "name". Catalogue strings are
 * translated. */
static FlStretch *
stretch_from_object (JsonObject  *object,
                     const char  *id,
                     guint        number,
                     gboolean     from_catalogue,
                     GError     **error)
{
  g_autoptr(FlStretch) stretch = g_new0 (FlStretch, 1);
  g_autoptr(GPtrArray) muscles = g_ptr_array_new_with_free_func (g_free);
  JsonNode *node;

  stretch->id = g_strdup (id);

  node = json_object_get_member (object, "name");
  if (node == NULL || !node_is_string (node) || *json_node_get_string (node) == '\0')
    {
      invalid (error, _("Stretch %u (“%s”) needs a “name”, as text."), number, id);
      return NULL;
    }
  stretch->name = g_strdup (json_node_get_string (node));

  node = json_object_get_member (object, "how");
  if (node != NULL && (!node_is_string (node) || strpbrk (json_node_get_string (node), "\r\n") != NULL))
    {
      invalid (error, _("Stretch %u (“%s”): “how” is one line of text."), number, id);
      return NULL;
    }
  stretch->how = g_strdup (node ? json_node_get_string (node) : "");

  node = json_object_get_member (object, "muscles");
  if (node != NULL)
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!node_is_string (element) || !fl_routine_is_valid_name (json_node_get_string (element)))
            {
              array = NULL;
              break;
            }
          g_ptr_array_add (muscles, g_strdup (json_node_get_string (element)));
        }
      if (array == NULL)
        {
          invalid (error,
                   _("Stretch %u (“%s”): “muscles” is a list of muscle names such as [\"hamstrings\", \"calves\"]."),
                   number, id);
          return NULL;
        }
    }
  g_ptr_array_add (muscles, NULL);
  stretch->muscles = (char **) g_ptr_array_steal (muscles, NULL);

  node = json_object_get_member (object, "per_side");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    {
      invalid (error, _("Stretch %u (“%s”): “per_side” is true or false."), number, id);
      return NULL;
    }
  stretch->per_side = node ? json_node_get_boolean (node) : FALSE;

  if (from_catalogue)
    {
      /* The catalogue's strings are in the translation template */
      char *name = g_strdup (g_dgettext (GETTEXT_PACKAGE, stretch->name));
      char *how = g_strdup (*stretch->how ? g_dgettext (GETTEXT_PACKAGE, stretch->how) : "");

      g_free (stretch->name);
      stretch->name = name;
      g_free (stretch->how);
      stretch->how = how;
    }

  return g_steal_pointer (&stretch);
}

static gboolean
parse_side (const char *text,
            FlSide     *out_side)
{
  static const struct {
    const char *name;
    FlSide      side;
  } sides[] = {
    { "left", FL_SIDE_LEFT },
    { "right", FL_SIDE_RIGHT },
    { "both", FL_SIDE_BOTH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (g_str_equal (text, sides[i].name))
      {
        *out_side = sides[i].side;
        return TRUE;
      }

  return FALSE;
}

static void
append_step (FlRoutine       *self,
             FlStepKind       kind,
             FlSide           side,
             int              seconds,
             const FlStretch *stretch)
{
  FlRoutineStep step = {
    .kind = kind,
    .side = side,
    .seconds = seconds,
    .start_s = self->total_s,
    .stretch = stretch,
    .hold_index = self->n_holds,
  };

  if (seconds <= 0)
    return;

  g_array_append_val (self->steps, step);
  self->total_s += seconds;
  if (kind == FL_STEP_HOLD)
    self->n_holds++;
}

/* One entry of "stretches": its stretch, then its holds laid out as steps */
static gboolean
add_entry (FlRoutine   *self,
           JsonNode    *node,
           guint        number,
           int          hold_default,
           int          hold_min,
           int          change_s,
           int          lead_in_s,
           GError     **error)
{
  g_autoptr(FlStretch) stretch = NULL;
  g_autoptr(GArray) sides = g_array_new (FALSE, FALSE, sizeof (FlSide));
  g_autofree char *hold_text = NULL;
  g_autofree char *reps_text = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *id;
  int hold_s, reps;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("Stretch %u is not a JSON object, {…}."), number);
  object = json_node_get_object (node);

  member = json_object_get_member (object, "id");
  if (member == NULL)
    return invalid (error, _("Stretch %u has no “id”."), number);
  if (!node_is_string (member) || !fl_routine_is_valid_name (json_node_get_string (member)))
    {
      g_autofree char *got = describe_node (member);

      return invalid (error, _("Stretch %u: an “id” is 1 to 64 characters of a–z, 0–9 and “-”; got %s."),
                      number, got);
    }
  id = json_node_get_string (member);

  if (json_object_has_member (object, "name"))
    {
      stretch = stretch_from_object (object, id, number, FALSE, error);
    }
  else
    {
      GHashTable *table = get_catalogue (error);
      JsonObject *entry;

      if (table == NULL)
        return FALSE;
      entry = g_hash_table_lookup (table, id);
      if (entry == NULL)
        return invalid (error,
                        _("Unknown stretch “%s” (stretch %u): use one from the stretch catalogue, "
                          "or give it a “name” to describe your own."),
                        id, number);
      stretch = stretch_from_object (entry, id, number, TRUE, error);
    }
  if (stretch == NULL)
    return FALSE;

  if (json_object_has_member (object, "hold_s"))
    hold_text = describe_node (json_object_get_member (object, "hold_s"));
  if (!get_seconds (object, "hold_s", hold_min, HOLD_MAX_S, hold_default, &hold_s, error,
                    /* Translators: "A hold lasts 20 to 45 seconds; stretch 3 (“calves”) has 600." */
                    _("A hold lasts %d to %d seconds; stretch %u (“%s”) has %s."),
                    hold_min, HOLD_MAX_S, number, id, hold_text))
    return FALSE;

  /* ACSM: 2–4 repetitions; one is fine in a short routine */
  if (json_object_has_member (object, "reps"))
    reps_text = describe_node (json_object_get_member (object, "reps"));
  if (!get_seconds (object, "reps", 1, REPS_MAX, 1, &reps, error,
                    _("A stretch is done %d to %d times; stretch %u (“%s”) has “reps” %s."),
                    1, REPS_MAX, number, id, reps_text))
    return FALSE;

  member = json_object_get_member (object, "sides");
  if (member != NULL)
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;

      if (array == NULL || json_array_get_length (array) == 0)
        return invalid (error,
                        _("Stretch %u (“%s”): “sides” is a list of left, right or both, such as [\"left\", \"right\"]."),
                        number, id);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          FlSide side;

          if (!node_is_string (element) || !parse_side (json_node_get_string (element), &side))
            {
              g_autofree char *got = node_is_string (element) ? g_strdup (json_node_get_string (element))
                                                              : describe_node (element);

              return invalid (error, _("Unknown side “%s” in stretch %u (“%s”): a side is left, right or both."),
                              got, number, id);
            }
          g_array_append_val (sides, side);
        }
    }
  else if (stretch->per_side)
    {
      FlSide left = FL_SIDE_LEFT, right = FL_SIDE_RIGHT;

      g_array_append_val (sides, left);
      g_array_append_val (sides, right);
    }
  else
    {
      FlSide both = FL_SIDE_BOTH;

      g_array_append_val (sides, both);
    }

  if (self->n_holds + (guint) reps * sides->len > HOLDS_MAX)
    return invalid (error, _("A routine has at most %d holds; this one has more."), HOLDS_MAX);

  g_ptr_array_add (self->stretches, stretch);
  for (int rep = 0; rep < reps; rep++)
    for (guint i = 0; i < sides->len; i++)
      {
        if (self->n_holds == 0)
          append_step (self, FL_STEP_LEAD_IN, FL_SIDE_NONE, lead_in_s, stretch);
        else
          append_step (self, FL_STEP_CHANGE, FL_SIDE_NONE, change_s, stretch);
        append_step (self, FL_STEP_HOLD, g_array_index (sides, FlSide, i), hold_s, stretch);
      }
  g_steal_pointer (&stretch);

  return TRUE;
}

/* The routine-level fields, then each entry */
static gboolean
parse_routine (FlRoutine      *self,
               JsonNode       *root,
               FlRoutineFlags  flags,
               GError        **error)
{
  g_autofree char *hold_text = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *lead_in_text = NULL;
  int hold_min = (flags & FL_ROUTINE_FLAGS_SHORT_HOLDS) ? HOLD_MIN_SHORT_S : HOLD_MIN_S;
  int hold_s, change_s, lead_in_s;
  JsonObject *object;
  JsonNode *member;
  JsonArray *stretches;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _("This is not a routine: a routine is one JSON object, {…}."));
  object = json_node_get_object (root);

  member = json_object_get_member (object, "format");
  if (member != NULL && (!node_is_string (member) || !g_str_equal (json_node_get_string (member), FL_ROUTINE_FORMAT)))
    {
      g_autofree char *got = describe_node (member);

      return invalid (error, _("This is not a routine: its “format” is %s, not \"%s\"."), got, FL_ROUTINE_FORMAT);
    }

  member = json_object_get_member (object, "version");
  if (member != NULL)
    {
      gint64 version;

      if (!node_get_whole (member, &version) || version < 1)
        {
          g_autofree char *got = describe_node (member);

          return invalid (error, _("A routine’s “version” is a whole number such as 1; got %s."), got);
        }
      if (version > FL_ROUTINE_VERSION)
        {
          g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_NEWER,
                       _("This routine is for a newer Fresh Legs (format version %d; this one reads version %d)."),
                       (int) version, FL_ROUTINE_VERSION);
          return FALSE;
        }
    }

  member = json_object_get_member (object, "name");
  if (member == NULL || (node_is_string (member) && *json_node_get_string (member) == '\0'))
    return invalid (error, _("The routine has no “name”: add one such as \"name\": \"after-long-run\"."));
  if (!node_is_string (member) || !fl_routine_is_valid_name (json_node_get_string (member)))
    {
      g_autofree char *got = describe_node (member);

      return invalid (error, _("A routine’s “name” is 1 to 64 characters of a–z, 0–9 and “-”; got %s."), got);
    }
  self->name = g_strdup (json_node_get_string (member));

  member = json_object_get_member (object, "title");
  if (member != NULL && (!node_is_string (member) || *json_node_get_string (member) == '\0' ||
                         strpbrk (json_node_get_string (member), "\r\n") != NULL))
    return invalid (error, _("A routine’s “title” is one line of text."));
  if (member == NULL)
    self->title = g_strdup (self->name);
  else if (self->shipped)
    self->title = g_strdup (g_dgettext (GETTEXT_PACKAGE, json_node_get_string (member)));
  else
    self->title = g_strdup (json_node_get_string (member));

  if (json_object_has_member (object, "hold_s"))
    hold_text = describe_node (json_object_get_member (object, "hold_s"));
  if (!get_seconds (object, "hold_s", hold_min, HOLD_MAX_S, HOLD_DEFAULT_S, &hold_s, error,
                    /* Translators: "A hold lasts 20 to 45 seconds; the routine’s “hold_s” is 600." */
                    _("A hold lasts %d to %d seconds; the routine’s “hold_s” is %s."),
                    hold_min, HOLD_MAX_S, hold_text))
    return FALSE;

  if (json_object_has_member (object, "change_s"))
    change_text = describe_node (json_object_get_member (object, "change_s"));
  if (!get_seconds (object, "change_s", 0, CHANGE_MAX_S, CHANGE_DEFAULT_S, &change_s, error,
                    _("A change of side or position takes %d to %d seconds; “change_s” is %s."),
                    0, CHANGE_MAX_S, change_text))
    return FALSE;

  if (json_object_has_member (object, "lead_in_s"))
    lead_in_text = describe_node (json_object_get_member (object, "lead_in_s"));
  if (!get_seconds (object, "lead_in_s", 0, LEAD_IN_MAX_S, LEAD_IN_DEFAULT_S, &lead_in_s, error,
                    _("The lead-in lasts %d to %d seconds; “lead_in_s” is %s."),
                    0, LEAD_IN_MAX_S, lead_in_text))
    return FALSE;

  member = json_object_get_member (object, "stretches");
  stretches = member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
  if (stretches == NULL || json_array_get_length (stretches) == 0)
    return invalid (error, _("The routine has no stretches: add a “stretches” list with at least one."));

  for (guint i = 0; i < json_array_get_length (stretches); i++)
    if (!add_entry (self, json_array_get_element (stretches, i), i + 1,
                    hold_s, hold_min, change_s, lead_in_s, error))
      return FALSE;

  return TRUE;
}

FlRoutine *
fl_routine_new_from_data_full (const char      *data,
                               gssize           length,
                               FlRoutineFlags   flags,
                               gboolean         shipped,
                               GError         **error)
{
  g_autoptr(FlRoutine) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_NOT_JSON,
                   _("This is not a routine: it is not valid JSON (%s)."), local_error->message);
      return NULL;
    }

  self = g_object_new (FL_TYPE_ROUTINE, NULL);
  self->shipped = shipped;
  if (!parse_routine (self, json_parser_get_root (parser), flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

FlRoutine *
fl_routine_new_from_data (const char      *data,
                          gssize           length,
                          FlRoutineFlags   flags,
                          GError         **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return fl_routine_new_from_data_full (data, length, flags, FALSE, error);
}
