/* fl-foods.h: the iron food table, and the runner's own foods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table that comes with Fresh Legs is data/foods.json, compiled into the
 * core GResource (RESOURCE_PATH "/foods.json"); a runner's own foods are a
 * file of the same form, "foods.json" beside the journal
 * ($XDG_DATA_HOME/fresh-legs/foods.json):
 *
 *   { "format": "fresh-legs-foods", "version": 1,
 *     "foods": [ { "id": "lentils-cooked",        a–z, 0–9 and "-", 1–64 chars, unique
 *                  "name": "Lentils, boiled",     one line, 1–80 characters
 *                  "portion": "½ cup",            one line in words, 1–40 characters
 *                  "grams": 99,                   what the portion weighs, 1–2000
 *                  "mg": 3.3,                     iron per portion, more than 0, at most 100
 *                  "heme": false,                 meat, fish and poultry: true
 *                  "vitamin_c": false,            optional: rich in vitamin C (for the tips)
 *                  "tea_or_coffee": false,        optional: tea or coffee (for the tips)
 *                  "source": "…" }, … ] }         where the figure comes from (own foods: optional)
 *
 * The shipped foods' names and portions are looked up with gettext
 * (build-aux/food-strings.py puts them in the template); own foods are shown
 * as written.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FL_FOODS_FORMAT  "fresh-legs-foods"
#define FL_FOODS_VERSION 1

#define FL_FOODS_ERROR (fl_foods_error_quark ())

typedef enum {
  FL_FOODS_ERROR_INVALID,       /* a food or the file is malformed or out of range */
  FL_FOODS_ERROR_DUPLICATE,     /* a food with this id exists */
  FL_FOODS_ERROR_UNKNOWN,       /* no food matches what was asked for */
  FL_FOODS_ERROR_AMBIGUOUS,     /* several foods match */
  FL_FOODS_ERROR_IO,            /* the runner's file could not be read or written */
} FlFoodsError;

GQuark fl_foods_error_quark (void);

typedef struct
{
  char     *id;
  char     *name;               /* translated for the shipped foods */
  char     *name_untranslated;
  char     *portion;            /* in words, translated for the shipped foods */
  double    grams;
  double    mg;                 /* iron per portion */
  gboolean  heme;
  gboolean  vitamin_c;
  gboolean  tea_or_coffee;
  char     *source;             /* never NULL ("" for an own food without one) */
  gboolean  own;                /* added by the runner */
} FlFood;

#define FL_TYPE_FOODS (fl_foods_get_type ())
G_DECLARE_FINAL_TYPE (FlFoods, fl_foods, FL, FOODS, GObject)

/* The shipped table, then the runner's own foods from @own_path (NULL: none;
 * a missing file is no foods). An own file that cannot be read or is
 * invalid is left alone and ignored, and fl_foods_get_notice() says why.
 * Fails only if the shipped table is missing or damaged. */
FlFoods      *fl_foods_new              (const char   *own_path,
                                         GError      **error);
/* "foods.json" in the folder of @journal_path. (transfer full) */
char         *fl_foods_own_path_for     (const char   *journal_path);
const char   *fl_foods_get_notice       (FlFoods      *self);

/* Validates a whole table document and adds its foods, all or none (the
 * message names the food and the value). For tests and own files. */
gboolean      fl_foods_add_from_json    (FlFoods      *self,
                                         JsonNode     *root,
                                         gboolean      own,
                                         GError      **error);

guint         fl_foods_get_n_foods      (FlFoods      *self);
/* Shipped foods first, in the table's order, then own ones. (transfer none) */
const FlFood *fl_foods_get_food         (FlFoods      *self,
                                         guint         index);
const FlFood *fl_foods_lookup           (FlFoods      *self,
                                         const char   *id);

/* The foods every word of @text picks out (each word the start of a word of
 * the name, translated or not, or of the id; case and accents of ASCII
 * ignored), best first: a food whose name starts with @text, then by iron
 * per portion. An empty @text gives every food. (transfer container) */
GPtrArray    *fl_foods_search           (FlFoods      *self,
                                         const char   *text);
/* The food @text means: its id, its name, or words that pick out one food.
 * Otherwise NULL with FL_FOODS_ERROR_AMBIGUOUS or _UNKNOWN, one line that
 * lists the closest matches ("…; say which: lentils-cooked (Lentils,
 * boiled), …"); @out_candidates (may be NULL) gets them. */
const FlFood *fl_foods_resolve          (FlFoods      *self,
                                         const char   *text,
                                         GPtrArray   **out_candidates,
                                         GError      **error);

/* Adds one of the runner's own foods (@food->id NULL: made from the name)
 * after the same checks as the file's, and saves the own foods to @own_path
 * (atomically, 0600). Nothing changes on failure. (transfer none) */
const FlFood *fl_foods_add_own          (FlFoods      *self,
                                         const FlFood *food,
                                         const char   *own_path,
                                         GError      **error);

/* "3.3 mg", "0.05 mg": translated */
char         *fl_format_iron_mg         (double        mg);

G_END_DECLS
