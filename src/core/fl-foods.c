/* fl-foods.c: the iron food table, and the runner's own foods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fl-foods.h"

#define FOODS_RESOURCE RESOURCE_PATH "/foods.json"
#define ID_MAX       64
#define FOOD_NAME_MAX     80
#define PORTION_MAX  40
#define GRAMS_MIN    1.0
#define GRAMS_MAX    2000.0
/* Far above any real portion (fortified cereal has 18 mg): a bigger figure
 * is a typing mistake, not a food. */
#define MG_MAX       100.0
#define CANDIDATES_MAX 5

struct _FlFoods
{
  GObject    parent_instance;

  GPtrArray *foods;             /* of FlFood */
  char      *notice;
};

G_DEFINE_FINAL_TYPE (FlFoods, fl_foods, G_TYPE_OBJECT)

G_DEFINE_QUARK (fl-foods-error-quark, fl_foods_error)

static void
food_free (gpointer data)
{
  FlFood *food = data;

  g_free (food->id);
  g_free (food->name);
  g_free (food->name_untranslated);
  g_free (food->portion);
  g_free (food->source);
  g_free (food);
}

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
  g_return_val_if_fail (*error == NULL, FALSE);

  va_start (args, format);
  *error = g_error_new_valist (FL_FOODS_ERROR, FL_FOODS_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

static gboolean
valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > ID_MAX)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
valid_line (const char *text,
            glong       max)
{
  glong length;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  length = g_utf8_strlen (text, -1);
  if (length < 1 || length > max)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      return FALSE;
  /* Not only spaces */
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      return TRUE;
  return FALSE;
}

/* Checks a food as a runner or a file gives it; @number counts from 1 in a
 * file, 0 for one food typed in (the message then names no number) */
static gboolean
validate_food (const FlFood *food,
               guint         number,
               GError      **error)
{
  const char *label = food->id != NULL ? food->id : "";
  g_autofree char *where = NULL;

  if (number > 0)
    /* Translators: the start of a message about one food of a table: “Food 3 (“lentils”): ” */
    where = g_strdup_printf (_("Food %u (“%s”): "), number, label);
  else
    where = g_strdup ("");

  if (food->id == NULL || !valid_id (food->id))
    return invalid (error, _("%san “id” is 1 to 64 characters of a–z, 0–9 and “-”; got “%s”."),
                    where, label);
  if (food->name == NULL || !valid_line (food->name, FOOD_NAME_MAX))
    return invalid (error, _("%sa name is one line of 1 to %d characters; give the food a name."),
                    where, FOOD_NAME_MAX);
  if (food->portion == NULL || !valid_line (food->portion, PORTION_MAX))
    return invalid (error, _("%sa portion is one line of 1 to %d characters in words; e.g. “½ cup” or “1 bowl”."),
                    where, PORTION_MAX);
  if (!(food->grams >= GRAMS_MIN && food->grams <= GRAMS_MAX))
    return invalid (error, _("%sa portion weighs 1 to 2000 g; got %g."), where, food->grams);
  if (!(food->mg > 0 && food->mg <= MG_MAX))
    return invalid (error, _("%siron per portion is more than 0 and at most 100 mg; got %g."), where, food->mg);

  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            char       **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_number (JsonObject *object,
            const char *member,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

static gboolean
get_boolean (JsonObject *object,
             const char *member,
             gboolean    required,
             gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

static FlFood *
food_from_json (JsonNode  *node,
                guint      number,
                gboolean   own,
                GError   **error)
{
  JsonObject *object;
  FlFood *food;
  g_autofree char *source = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("Food %u is not a JSON object, {…}."), number);
      return NULL;
    }
  object = json_node_get_object (node);

  food = g_new0 (FlFood, 1);
  food->own = own;
  if (!get_string (object, "id", TRUE, &food->id))
    food->id = NULL;
  if (!get_string (object, "name", TRUE, &food->name_untranslated) ||
      !get_string (object, "portion", TRUE, &food->portion) ||
      !get_number (object, "grams", &food->grams) ||
      !get_number (object, "mg", &food->mg) ||
      !get_boolean (object, "heme", TRUE, &food->heme) ||
      !get_boolean (object, "vitamin_c", FALSE, &food->vitamin_c) ||
      !get_boolean (object, "tea_or_coffee", FALSE, &food->tea_or_coffee) ||
      !get_string (object, "source", !own, &source))
    {
      invalid (error, _("Food %u (“%s”) needs “id”, “name”, “portion” as text, “grams” and “mg” as numbers, "
                        "“heme” as true or false%s."),
               number, food->id != NULL ? food->id : "",
               own ? "" : _(" and its “source”"));
      food_free (food);
      return NULL;
    }
  food->name = g_strdup (food->name_untranslated);
  food->source = source != NULL ? g_steal_pointer (&source) : g_strdup ("");

  if (!validate_food (food, number, error))
    {
      food_free (food);
      return NULL;
    }

  /* The shipped foods read in the runner's language; their own as written */
  if (!own)
    {
      char *portion = g_strdup (g_dgettext (GETTEXT_PACKAGE, food->portion));

      g_free (food->name);
      food->name = g_strdup (g_dgettext (GETTEXT_PACKAGE, food->name_untranslated));
      g_free (food->portion);
      food->portion = portion;
    }

  return food;
}

gboolean
fl_foods_add_from_json (FlFoods   *self,
                        JsonNode  *root,
                        gboolean   own,
                        GError   **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (food_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;

  g_return_val_if_fail (FL_IS_FOODS (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, _("This is not a food table: a food table is one JSON object, {…}."));
  object = json_node_get_object (root);

  member = json_object_get_member (object, "format");
  if (member != NULL && (json_node_get_value_type (member) != G_TYPE_STRING ||
                         g_strcmp0 (json_node_get_string (member), FL_FOODS_FORMAT) != 0))
    return invalid (error, _("This is not a food table: its “format” is not \"%s\"."), FL_FOODS_FORMAT);

  member = json_object_get_member (object, "version");
  if (member != NULL && (json_node_get_value_type (member) != G_TYPE_INT64 ||
                         json_node_get_int (member) > FL_FOODS_VERSION))
    return invalid (error, _("This food table is for a newer Fresh Legs (this one reads version %d)."),
                    FL_FOODS_VERSION);

  member = json_object_get_member (object, "foods");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return invalid (error, _("A food table has a “foods” list, […]."));
  array = json_node_get_array (member);

  for (guint i = 0; i < self->foods->len; i++)
    g_hash_table_add (ids, ((FlFood *) g_ptr_array_index (self->foods, i))->id);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FlFood *food = food_from_json (json_array_get_element (array, i), i + 1, own, error);

      if (food == NULL)
        return FALSE;
      if (!g_hash_table_add (ids, food->id))
        {
          g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_DUPLICATE,
                       _("Food %u: there is already a food with the id “%s”."), i + 1, food->id);
          food_free (food);
          return FALSE;
        }
      g_ptr_array_add (added, food);
    }

  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (self->foods, g_ptr_array_index (added, i));
  g_ptr_array_set_free_func (added, NULL);

  return TRUE;
}

static gboolean
add_from_data (FlFoods     *self,
               const char  *data,
               gsize        length,
               gboolean     own,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    return invalid (error, _("This is not a food table: it is not valid JSON (%s)."), local_error->message);

  return fl_foods_add_from_json (self, json_parser_get_root (parser), own, error);
}

static void
load_own (FlFoods    *self,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        /* Translators: %s is the file, the second %s why it could not be read */
        self->notice = g_strdup_printf (_("Your own foods in “%s” could not be read: %s"), path, error->message);
      return;
    }

  if (!add_from_data (self, data, length, TRUE, &error))
    /* Translators: %s is the file, the second %s what is wrong in it */
    self->notice = g_strdup_printf (_("Your own foods in “%s” were left out: %s"), path, error->message);
}

FlFoods *
fl_foods_new (const char  *own_path,
              GError     **error)
{
  g_autoptr(FlFoods) self = g_object_new (FL_TYPE_FOODS, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resources_lookup_data (FOODS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL ||
      !add_from_data (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE, &local_error))
    {
      g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_INVALID,
                   _("The food table that comes with Fresh Legs is missing or damaged (%s)."),
                   local_error->message);
      return NULL;
    }

  if (own_path != NULL)
    load_own (self, own_path);

  return g_steal_pointer (&self);
}

char *
fl_foods_own_path_for (const char *journal_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (journal_path != NULL, NULL);

  dir = g_path_get_dirname (journal_path);
  return g_build_filename (dir, "foods.json", NULL);
}

const char *
fl_foods_get_notice (FlFoods *self)
{
  g_return_val_if_fail (FL_IS_FOODS (self), NULL);

  return self->notice;
}

guint
fl_foods_get_n_foods (FlFoods *self)
{
  g_return_val_if_fail (FL_IS_FOODS (self), 0);

  return self->foods->len;
}

const FlFood *
fl_foods_get_food (FlFoods *self,
                   guint    index)
{
  g_return_val_if_fail (FL_IS_FOODS (self), NULL);
  g_return_val_if_fail (index < self->foods->len, NULL);

  return g_ptr_array_index (self->foods, index);
}

const FlFood *
fl_foods_lookup (FlFoods    *self,
                 const char *id)
{
  g_return_val_if_fail (FL_IS_FOODS (self), NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->foods->len; i++)
    {
      FlFood *food = g_ptr_array_index (self->foods, i);

      if (g_str_equal (food->id, id))
        return food;
    }
  return NULL;
}

/* Lower case, every run of what is not a letter or digit one space */
static char *
fold (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);
  GString *folded = g_string_new (NULL);
  gboolean space = TRUE;

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (folded, c);
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (folded, ' ');
          space = TRUE;
        }
    }

  return g_strstrip (g_string_free (folded, FALSE));
}

static GStrv
food_words (const FlFood *food)
{
  g_autofree char *all = g_strdup_printf ("%s %s %s", food->name, food->name_untranslated, food->id);
  g_autofree char *folded = fold (all);

  return g_strsplit (folded, " ", -1);
}

static gboolean
matches (const FlFood *food,
         GStrv         query)
{
  g_auto(GStrv) words = food_words (food);

  for (guint q = 0; query[q] != NULL; q++)
    {
      gboolean found = FALSE;

      for (guint w = 0; words[w] != NULL && !found; w++)
        found = g_str_has_prefix (words[w], query[q]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const FlFood *food;
  int           score;          /* lower is better */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  if (ra->score != rb->score)
    return ra->score < rb->score ? -1 : 1;
  if (ra->food->mg != rb->food->mg)
    return ra->food->mg > rb->food->mg ? -1 : 1;
  return g_utf8_collate (ra->food->name, rb->food->name);
}

static GPtrArray *
ranked_to_foods (GArray *ranked,
                 guint   max)
{
  GPtrArray *foods = g_ptr_array_new ();

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len && i < max; i++)
    g_ptr_array_add (foods, (gpointer) g_array_index (ranked, Ranked, i).food);
  return foods;
}

GPtrArray *
fl_foods_search (FlFoods    *self,
                 const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) query = NULL;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  g_return_val_if_fail (FL_IS_FOODS (self), NULL);

  folded = fold (text != NULL ? text : "");
  query = *folded != '\0' ? g_strsplit (folded, " ", -1) : g_new0 (char *, 1);

  for (guint i = 0; i < self->foods->len; i++)
    {
      const FlFood *food = g_ptr_array_index (self->foods, i);
      g_autofree char *name = fold (food->name);
      Ranked r = { food, 1 };

      if (*folded != '\0' && !matches (food, query))
        continue;
      /* "lentils" before "red lentils": what starts with the words first */
      if (*folded != '\0' && g_str_has_prefix (name, folded))
        r.score = 0;
      g_array_append_val (ranked, r);
    }

  return ranked_to_foods (ranked, G_MAXUINT);
}

/* Levenshtein distance between two short words */
static int
distance (const char *a,
          const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree int *row = g_new (int, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = (int) j;
  for (gsize i = 1; i <= la; i++)
    {
      int diagonal = row[0];

      row[0] = (int) i;
      for (gsize j = 1; j <= lb; j++)
        {
          int above = row[j];
          int cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

/* For a word that picks out nothing: the foods whose words are nearest
 * (a typing mistake: "lentls"), by the sum over the query's words of the
 * distance to the nearest word of the food, compared as far as the query
 * word goes. */
static GPtrArray *
closest (FlFoods *self,
         GStrv    query)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint i = 0; i < self->foods->len; i++)
    {
      const FlFood *food = g_ptr_array_index (self->foods, i);
      g_auto(GStrv) words = food_words (food);
      Ranked r = { food, 0 };

      for (guint q = 0; query[q] != NULL; q++)
        {
          int best = G_MAXINT / 4;

          for (guint w = 0; words[w] != NULL; w++)
            {
              g_autofree char *start = g_strndup (words[w], strlen (query[q]));

              best = MIN (best, distance (query[q], start));
            }
          r.score += best;
        }
      /* More than half the letters wrong is not a near miss */
      if (r.score * 2 <= (int) strlen (query[0]) + 1)
        g_array_append_val (ranked, r);
    }

  return ranked_to_foods (ranked, CANDIDATES_MAX);
}

static char *
list_candidates (GPtrArray *candidates)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    {
      const FlFood *food = g_ptr_array_index (candidates, i);

      if (i > 0)
        g_string_append (list, ", ");
      /* Translators: one food in a list: “lentils-cooked (Lentils, boiled)” */
      g_string_append_printf (list, _("%s (%s)"), food->id, food->name);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

const FlFood *
fl_foods_resolve (FlFoods    *self,
                  const char *text,
                  GPtrArray **out_candidates,
                  GError    **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) query = NULL;

  g_return_val_if_fail (FL_IS_FOODS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (out_candidates != NULL)
    *out_candidates = NULL;

  folded = fold (text);

  /* The id, or the whole name as shown or as in the table (case and
   * punctuation aside: "spinach boiled" is "Spinach, boiled") */
  for (guint i = 0; i < self->foods->len; i++)
    {
      const FlFood *food = g_ptr_array_index (self->foods, i);
      g_autofree char *name = fold (food->name);
      g_autofree char *untranslated = fold (food->name_untranslated);

      if (g_ascii_strcasecmp (food->id, text) == 0 ||
          (*folded != '\0' && (g_str_equal (name, folded) || g_str_equal (untranslated, folded))))
        return food;
    }

  if (*folded == '\0')
    {
      g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_UNKNOWN,
                   _("No food given; name one by its id or a word of its name, e.g. lentils (see “fresh-legs foods”)"));
      return NULL;
    }

  found = fl_foods_search (self, text);
  if (found->len == 1)
    return g_ptr_array_index (found, 0);

  if (found->len > 1)
    {
      g_ptr_array_set_size (found, MIN (found->len, CANDIDATES_MAX + 3));
      list = list_candidates (found);
      /* Translators: %s is what was typed, %u how many foods it matches,
       * the last %s a list of foods */
      g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_AMBIGUOUS,
                   _("“%s” matches several foods; say which, by id or more words: %s"),
                   text, list);
    }
  else
    {
      g_clear_pointer (&found, g_ptr_array_unref);
      query = g_strsplit (folded, " ", -1);
      found = closest (self, query);
      list = list_candidates (found);
      if (found->len > 0)
        /* Translators: %s is what was typed, the last %s a list of foods */
        g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_UNKNOWN,
                     _("No food matches “%s”; the closest are: %s"), text, list);
      else
        g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_UNKNOWN,
                     _("No food matches “%s”; see “fresh-legs foods --search WORD” for the table"), text);
    }

  if (out_candidates != NULL)
    *out_candidates = g_steal_pointer (&found);

  return NULL;
}

/* "Oat bran muffin" → "own-oat-bran-muffin" */
static char *
make_id (FlFoods    *self,
         const char *name)
{
  g_autofree char *folded = fold (name);
  g_autoptr(GString) id = g_string_new ("own-");
  g_autofree char *base = NULL;

  for (const char *p = folded; *p != '\0' && id->len < ID_MAX - 4; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (*p == ' ' && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 4 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 4)
    g_string_append (id, "food");

  base = g_strdup (id->str);
  for (guint n = 2; fl_foods_lookup (self, id->str) != NULL; n++)
    {
      g_string_assign (id, base);
      g_string_append_printf (id, "-%u", n);
    }

  return g_string_free (g_steal_pointer (&id), FALSE);
}

static JsonNode *
own_foods_to_json (FlFoods *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FL_FOODS_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FL_FOODS_VERSION);
  json_builder_set_member_name (builder, "foods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->foods->len; i++)
    {
      const FlFood *food = g_ptr_array_index (self->foods, i);

      if (!food->own)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, food->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, food->name_untranslated);
      json_builder_set_member_name (builder, "portion");
      json_builder_add_string_value (builder, food->portion);
      json_builder_set_member_name (builder, "grams");
      json_builder_add_double_value (builder, food->grams);
      json_builder_set_member_name (builder, "mg");
      json_builder_add_double_value (builder, food->mg);
      json_builder_set_member_name (builder, "heme");
      json_builder_add_boolean_value (builder, food->heme);
      json_builder_set_member_name (builder, "vitamin_c");
      json_builder_add_boolean_value (builder, food->vitamin_c);
      json_builder_set_member_name (builder, "tea_or_coffee");
      json_builder_add_boolean_value (builder, food->tea_or_coffee);
      if (*food->source != '\0')
        {
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, food->source);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const FlFood *
fl_foods_add_own (FlFoods      *self,
                  const FlFood *food,
                  const char   *own_path,
                  GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  FlFood *copy;
  gsize length;

  g_return_val_if_fail (FL_IS_FOODS (self), NULL);
  g_return_val_if_fail (food != NULL, NULL);
  g_return_val_if_fail (own_path != NULL, NULL);

  copy = g_new0 (FlFood, 1);
  copy->name = g_strstrip (g_strdup (food->name != NULL ? food->name : ""));
  copy->name_untranslated = g_strdup (copy->name);
  copy->id = food->id != NULL ? g_strdup (food->id) : make_id (self, copy->name);
  copy->portion = g_strstrip (g_strdup (food->portion != NULL ? food->portion : ""));
  copy->grams = food->grams;
  copy->mg = food->mg;
  copy->heme = food->heme;
  copy->vitamin_c = food->vitamin_c;
  copy->tea_or_coffee = food->tea_or_coffee;
  copy->source = g_strdup (food->source != NULL ? food->source : "");
  copy->own = TRUE;

  if (!validate_food (copy, 0, error))
    {
      food_free (copy);
      return NULL;
    }
  if (fl_foods_lookup (self, copy->id) != NULL)
    {
      g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_DUPLICATE,
                   _("There is already a food with the id “%s”."), copy->id);
      food_free (copy);
      return NULL;
    }

  g_ptr_array_add (self->foods, copy);

  root = own_foods_to_json (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  /* Health-adjacent data, like the journal: a private folder and file */
  dir = g_path_get_dirname (own_path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (own_path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_IO,
                   _("Your foods could not be saved to “%s”: %s"), own_path,
                   local_error != NULL ? local_error->message : g_strerror (errno));
      g_ptr_array_remove (self->foods, copy);
      return NULL;
    }

  return copy;
}

char *
fl_format_iron_mg (double mg)
{
  /* Tea and coffee have hundredths of a milligram; everything else tenths */
  if (mg > 0 && mg < 0.095)
    /* Translators: an amount of iron in milligrams, two decimals */
    return g_strdup_printf (_("%.2f mg"), mg);

  /* Translators: an amount of iron in milligrams, one decimal */
  return g_strdup_printf (_("%.1f mg"), round (mg * 10.0) / 10.0);
}

static void
fl_foods_finalize (GObject *object)
{
  FlFoods *self = FL_FOODS (object);

  g_clear_pointer (&self->foods, g_ptr_array_unref);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (fl_foods_parent_class)->finalize (object);
}

static void
fl_foods_class_init (FlFoodsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_foods_finalize;
}

static void
fl_foods_init (FlFoods *self)
{
  self->foods = g_ptr_array_new_with_free_func (food_free);
}
