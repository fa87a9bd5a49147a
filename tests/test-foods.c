/* test-foods.c: the iron food table, search, and the runner's own foods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fl-foods.h"

static FlFoods *
shipped (void)
{
  g_autoptr(GError) error = NULL;
  FlFoods *table = fl_foods_new (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* The table that comes with the app: complete, plausible, unique ids */
static void
test_table_valid (void)
{
  g_autoptr(FlFoods) table = shipped ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = fl_foods_get_n_foods (table);
  guint n_heme = 0, n_vitamin_c = 0, n_tea = 0;

  g_assert_cmpuint (n, >=, 40);
  g_assert_null (fl_foods_get_notice (table));

  for (guint i = 0; i < n; i++)
    {
      const FlFood *food = fl_foods_get_food (table, i);

      g_assert_true (g_hash_table_add (ids, food->id));
      g_assert_cmpuint (strlen (food->name), >, 0);
      g_assert_cmpuint (strlen (food->portion), >, 0);
      g_assert_cmpfloat (food->grams, >, 0);
      g_assert_cmpfloat (food->mg, >, 0);
      /* The figure says where it comes from */
      g_assert_true (g_str_has_prefix (food->source, "NIH ODS") ||
                     g_str_has_prefix (food->source, "US Dietary Guidelines") ||
                     g_str_has_prefix (food->source, "USDA FoodData Central"));
      g_assert_false (food->own);
      /* Iron per 100 g stays within what foods have (chicken liver ~12 mg;
       * fortified cereal 60 mg) */
      g_assert_cmpfloat (food->mg / food->grams * 100, <=, 60.0);
      n_heme += food->heme;
      n_vitamin_c += food->vitamin_c;
      n_tea += food->tea_or_coffee;
    }

  /* The tips need both kinds of food */
  g_assert_cmpuint (n_heme, >=, 5);
  g_assert_cmpuint (n_vitamin_c, >=, 5);
  g_assert_cmpuint (n_tea, >=, 2);
}

/* The figures the issue names, as a runner would look them up */
static void
test_known_figures (void)
{
  g_autoptr(FlFoods) table = shipped ();
  const struct {
    const char *id;
    const char *portion;
    double      grams;
    double      mg;
    gboolean    heme;
  } cases[] = {
    { "lentils-cooked", "½ cup", 99, 3.3, FALSE },
    { "spinach-cooked", "½ cup", 90, 3.2, FALSE },
    { "beef-cooked", "3 oz", 85, 2.1, TRUE },
    { "oysters-cooked", "3 oz", 85, 8.0, TRUE },
    { "fortified-cereal", "1 serving", 30, 18.0, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const FlFood *food = fl_foods_lookup (table, cases[i].id);

      g_assert_nonnull (food);
      g_assert_cmpstr (food->portion, ==, cases[i].portion);
      g_assert_cmpfloat (food->grams, ==, cases[i].grams);
      g_assert_cmpfloat (food->mg, ==, cases[i].mg);
      g_assert_cmpint (food->heme, ==, cases[i].heme);
    }
  g_assert_null (fl_foods_lookup (table, "unobtainium"));
}

static void
test_search (void)
{
  g_autoptr(FlFoods) table = shipped ();
  g_autoptr(GPtrArray) lentils = fl_foods_search (table, "lentils");
  g_autoptr(GPtrArray) le = fl_foods_search (table, "le");
  g_autoptr(GPtrArray) beans = fl_foods_search (table, "Beans");
  g_autoptr(GPtrArray) all = fl_foods_search (table, "");
  g_autoptr(GPtrArray) two_words = fl_foods_search (table, "kidney bea");

  g_assert_cmpuint (lentils->len, ==, 1);
  g_assert_cmpstr (((FlFood *) g_ptr_array_index (lentils, 0))->id, ==, "lentils-cooked");
  /* Two keystrokes find lentils, first: the name starts with them */
  g_assert_cmpuint (le->len, >, 1);
  g_assert_cmpstr (((FlFood *) g_ptr_array_index (le, 0))->id, ==, "lentils-cooked");
  /* Several beans, most iron first */
  g_assert_cmpuint (beans->len, ==, 3);
  g_assert_cmpstr (((FlFood *) g_ptr_array_index (beans, 0))->id, ==, "white-beans-canned");
  g_assert_cmpuint (all->len, ==, fl_foods_get_n_foods (table));
  g_assert_cmpuint (two_words->len, ==, 1);
}

static void
test_resolve (void)
{
  g_autoptr(FlFoods) table = shipped ();
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) near = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown = NULL;
  const FlFood *food;

  g_assert_cmpstr (fl_foods_resolve (table, "lentils-cooked", NULL, NULL)->id, ==, "lentils-cooked");
  g_assert_cmpstr (fl_foods_resolve (table, "Spinach, boiled", NULL, NULL)->id, ==, "spinach-cooked");
  g_assert_cmpstr (fl_foods_resolve (table, "lentils", NULL, NULL)->id, ==, "lentils-cooked");
  g_assert_cmpstr (fl_foods_resolve (table, "SPINACH", NULL, NULL)->id, ==, "spinach-cooked");

  food = fl_foods_resolve (table, "beans", &candidates, &error);
  g_assert_null (food);
  g_assert_error (error, FL_FOODS_ERROR, FL_FOODS_ERROR_AMBIGUOUS);
  g_assert_cmpuint (candidates->len, ==, 3);
  g_assert_cmpstr (error->message, ==,
                   "“beans” matches several foods; say which, by id or more words: "
                   "white-beans-canned (White beans, canned), kidney-beans-canned (Kidney beans, canned), "
                   "black-beans-cooked (Black beans, boiled)");

  /* A typing mistake: the nearest foods */
  food = fl_foods_resolve (table, "lentls", &near, &unknown);
  g_assert_null (food);
  g_assert_error (unknown, FL_FOODS_ERROR, FL_FOODS_ERROR_UNKNOWN);
  g_assert_cmpuint (near->len, >=, 1);
  g_assert_cmpstr (((FlFood *) g_ptr_array_index (near, 0))->id, ==, "lentils-cooked");
  g_assert_true (g_str_has_prefix (unknown->message, "No food matches “lentls”; the closest are: lentils-cooked"));
  g_assert_null (strchr (unknown->message, '\n'));
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fl-test-foods-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "foods.json", NULL);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_own_foods (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *journal = g_build_filename (dir, "journal.json", NULL);
  g_autofree char *path = fl_foods_own_path_for (journal);
  g_autoptr(FlFoods) table = shipped ();
  g_autoptr(FlFoods) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bad = NULL;
  g_autoptr(GError) twice = NULL;
  FlFood food = { 0, };
  const FlFood *added;
  GStatBuf st;
  guint n = fl_foods_get_n_foods (table);

  g_autofree char *expected = g_build_filename (dir, "foods.json", NULL);

  g_assert_cmpstr (path, ==, expected);

  food.name = (char *) "Grandma’s lentil soup";
  food.portion = (char *) "1 bowl";
  food.grams = 300;
  food.mg = 4.5;
  added = fl_foods_add_own (table, &food, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->id, ==, "own-grandma-s-lentil-soup");
  g_assert_true (added->own);
  g_assert_cmpuint (fl_foods_get_n_foods (table), ==, n + 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Out of range: nothing added, the file unchanged */
  food.mg = 0;
  g_assert_null (fl_foods_add_own (table, &food, path, &bad));
  g_assert_error (bad, FL_FOODS_ERROR, FL_FOODS_ERROR_INVALID);
  g_assert_cmpuint (fl_foods_get_n_foods (table), ==, n + 1);

  /* The same id twice */
  food.mg = 4.5;
  food.id = (char *) "own-grandma-s-lentil-soup";
  g_assert_null (fl_foods_add_own (table, &food, path, &twice));
  g_assert_error (twice, FL_FOODS_ERROR, FL_FOODS_ERROR_DUPLICATE);

  /* Read back by a new table, as written: searchable */
  again = fl_foods_new (path, &error);
  g_assert_no_error (error);
  g_assert_null (fl_foods_get_notice (again));
  g_assert_cmpuint (fl_foods_get_n_foods (again), ==, n + 1);
  g_assert_cmpstr (fl_foods_resolve (again, "grandma", NULL, NULL)->name, ==, "Grandma’s lentil soup");
  g_assert_cmpfloat (fl_foods_lookup (again, "own-grandma-s-lentil-soup")->mg, ==, 4.5);

  remove_dir (dir);
}

/* A damaged own file is left alone and said; the shipped table still works */
static void
test_own_foods_invalid (void)
{
  const char *files[] = {
    "{ not json",
    "{\"format\": \"fresh-legs-foods\", \"foods\": [ {\"id\": \"x\", \"name\": \"X\", \"portion\": \"1\", "
    "\"grams\": 10, \"mg\": -1, \"heme\": false} ] }",
    "{\"foods\": [ {\"id\": \"lentils-cooked\", \"name\": \"Mine\", \"portion\": \"1\", "
    "\"grams\": 10, \"mg\": 1, \"heme\": false} ] }",
    "{\"foods\": [ {\"id\": \"Bad Id\", \"name\": \"Mine\", \"portion\": \"1\", "
    "\"grams\": 10, \"mg\": 1, \"heme\": false} ] }",
    "{\"foods\": [ {\"id\": \"mine\", \"name\": \"Mine\", \"portion\": \"1\", \"grams\": 10, \"mg\": 1} ] }",
    "{\"version\": 7, \"foods\": []}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *dir = temp_dir ();
      g_autofree char *path = g_build_filename (dir, "foods.json", NULL);
      g_autofree char *after = NULL;
      g_autoptr(FlFoods) table = NULL;
      g_autoptr(FlFoods) plain = shipped ();
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, files[i], -1, &error));
      table = fl_foods_new (path, &error);
      g_assert_no_error (error);
      g_test_message ("%s", fl_foods_get_notice (table));
      g_assert_nonnull (fl_foods_get_notice (table));
      g_assert_true (g_str_has_prefix (fl_foods_get_notice (table), "Your own foods in"));
      g_assert_cmpuint (fl_foods_get_n_foods (table), ==, fl_foods_get_n_foods (plain));
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, files[i]);

      remove_dir (dir);
    }
}

static void
test_format_mg (void)
{
  g_autofree char *a = fl_format_iron_mg (3.3);
  g_autofree char *b = fl_format_iron_mg (0.05);
  g_autofree char *c = fl_format_iron_mg (32.4);

  g_assert_cmpstr (a, ==, "3.3 mg");
  g_assert_cmpstr (b, ==, "0.05 mg");
  g_assert_cmpstr (c, ==, "32.4 mg");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/foods/table/valid", test_table_valid);
  g_test_add_func ("/fl/foods/table/known-figures", test_known_figures);
  g_test_add_func ("/fl/foods/search", test_search);
  g_test_add_func ("/fl/foods/resolve", test_resolve);
  g_test_add_func ("/fl/foods/own", test_own_foods);
  g_test_add_func ("/fl/foods/own/invalid", test_own_foods_invalid);
  g_test_add_func ("/fl/foods/format-mg", test_format_mg);

  return g_test_run ();
}
