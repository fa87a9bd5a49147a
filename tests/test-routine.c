/* test-routine.c: routines as data: the shipped ones, a runner's own, and every fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "fl-routine.h"

static FlRoutine *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "routines", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fl_routine_load_file (file, error);
}

static FlRoutine *
lookup (const char *name)
{
  g_autoptr(GError) error = NULL;
  FlRoutine *routine = fl_routine_lookup (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (routine);

  return routine;
}

/* DESIGN.md: the default lasts 10 minutes (within ±15 s), computed from its
 * steps; the 5- and 15-minute ones likewise. */
static void
test_shipped_totals (void)
{
  static const struct {
    const char *name;
    int         minutes;
    int         total_s;
    guint       holds;
  } shipped[] = {
    /* 3 s lead-in + 10 holds × 25 s + 9 changes × 5 s */
    { "post-run-5", 5, 298, 10 },
    /* 3 s lead-in + 17 holds × 30 s + 16 changes × 5 s = 9:53 */
    { "post-run-10", 10, 593, 17 },
    /* 3 s lead-in + 26 holds × 30 s + 25 changes × 5 s = 15:08 */
    { "post-run-15", 15, 908, 26 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autoptr(FlRoutine) routine = lookup (shipped[i].name);
      int sum = 0;

      g_assert_cmpstr (fl_routine_get_name (routine), ==, shipped[i].name);
      g_assert_true (fl_routine_is_shipped (routine));
      g_assert_cmpint (fl_routine_get_total_s (routine), ==, shipped[i].total_s);
      g_assert_cmpint (ABS (fl_routine_get_total_s (routine) - shipped[i].minutes * 60), <=, 15);
      g_assert_cmpuint (fl_routine_get_n_holds (routine), ==, shipped[i].holds);

      /* The total is the steps, end to end */
      for (guint s = 0; s < fl_routine_get_n_steps (routine); s++)
        {
          const FlRoutineStep *step = fl_routine_get_step (routine, s);

          g_assert_cmpint (step->start_s, ==, sum);
          g_assert_cmpint (step->seconds, >, 0);
          sum += step->seconds;
        }
      g_assert_cmpint (sum, ==, shipped[i].total_s);
      g_assert_cmpint (fl_routine_get_seconds_for_holds (routine, shipped[i].holds), ==, sum);
    }
}

static void
test_default (void)
{
  static const char *const muscles[] = {
    "quadriceps", "hamstrings", "glutes", "hip-flexors", "calves",
    "lower-back", "chest", "shoulders", "triceps",
  };
  g_autoptr(FlRoutine) routine = lookup (FL_ROUTINE_DEFAULT);
  g_autoptr(GHashTable) worked = g_hash_table_new (g_str_hash, g_str_equal);
  const FlRoutineStep *step;
  guint n_steps = fl_routine_get_n_steps (routine);

  g_assert_cmpstr (fl_routine_get_title (routine), ==, "After a run — 10 minutes");

  /* A 3-2-1 lead-in, into the quad stretch, left side first */
  step = fl_routine_get_step (routine, 0);
  g_assert_cmpint (step->kind, ==, FL_STEP_LEAD_IN);
  g_assert_cmpint (step->seconds, ==, 3);
  g_assert_cmpstr (step->stretch->id, ==, "quadriceps");
  step = fl_routine_get_step (routine, 1);
  g_assert_cmpint (step->kind, ==, FL_STEP_HOLD);
  g_assert_cmpint (step->side, ==, FL_SIDE_LEFT);
  g_assert_cmpstr (step->stretch->name, ==, "Standing quad stretch");
  g_assert_cmpstr (step->stretch->how, !=, "");
  step = fl_routine_get_step (routine, 3);
  g_assert_cmpint (step->side, ==, FL_SIDE_RIGHT);

  /* Holds of 30 s with 5 s changes between them, ending on a hold */
  for (guint i = 1; i < n_steps; i++)
    {
      step = fl_routine_get_step (routine, i);
      g_assert_cmpint (step->kind, ==, i % 2 ? FL_STEP_HOLD : FL_STEP_CHANGE);
      g_assert_cmpint (step->seconds, ==, i % 2 ? 30 : 5);
      g_assert_cmpuint (step->hold_index, ==, i / 2);
      if (step->kind == FL_STEP_HOLD)
        for (guint m = 0; step->stretch->muscles[m] != NULL; m++)
          g_hash_table_add (worked, step->stretch->muscles[m]);
      else
        g_assert_cmpint (step->side, ==, FL_SIDE_NONE);
    }
  g_assert_cmpint (fl_routine_get_step (routine, n_steps - 1)->kind, ==, FL_STEP_HOLD);

  for (guint i = 0; i < G_N_ELEMENTS (muscles); i++)
    if (!g_hash_table_contains (worked, muscles[i]))
      g_error ("The default routine does not stretch the %s", muscles[i]);
}

/* A runner's routine: its own hold, change and lead-in, sides in the order
 * given, reps, and a stretch of its own beside catalogue ones */
static void
test_own_routine (void)
{
  static const struct {
    FlStepKind  kind;
    FlSide      side;
    int         seconds;
    int         start_s;
    const char *stretch;
    guint       hold_index;
  } expected[] = {
    { FL_STEP_LEAD_IN, FL_SIDE_NONE, 5, 0, "calves", 0 },
    { FL_STEP_HOLD, FL_SIDE_RIGHT, 20, 5, "calves", 0 },
    { FL_STEP_CHANGE, FL_SIDE_NONE, 10, 25, "calves", 1 },
    { FL_STEP_HOLD, FL_SIDE_LEFT, 20, 35, "calves", 1 },
    { FL_STEP_CHANGE, FL_SIDE_NONE, 10, 55, "lower-back", 2 },
    { FL_STEP_HOLD, FL_SIDE_BOTH, 40, 65, "lower-back", 2 },
    { FL_STEP_CHANGE, FL_SIDE_NONE, 10, 105, "lower-back", 3 },
    { FL_STEP_HOLD, FL_SIDE_BOTH, 40, 115, "lower-back", 3 },
    { FL_STEP_CHANGE, FL_SIDE_NONE, 10, 155, "wall-hang", 4 },
    { FL_STEP_HOLD, FL_SIDE_BOTH, 40, 165, "wall-hang", 4 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) routine = load_fixture ("my-routine.json", &error);
  const FlRoutineStep *last;

  g_assert_no_error (error);
  g_assert_cmpstr (fl_routine_get_name (routine), ==, "after-long-run");
  g_assert_cmpstr (fl_routine_get_title (routine), ==, "After a long run");
  g_assert_false (fl_routine_is_shipped (routine));
  g_assert_cmpint (fl_routine_get_total_s (routine), ==, 205);
  g_assert_cmpuint (fl_routine_get_n_holds (routine), ==, 5);
  g_assert_cmpuint (fl_routine_get_n_steps (routine), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const FlRoutineStep *step = fl_routine_get_step (routine, i);

      g_test_message ("step %u", i);
      g_assert_cmpint (step->kind, ==, expected[i].kind);
      g_assert_cmpint (step->side, ==, expected[i].side);
      g_assert_cmpint (step->seconds, ==, expected[i].seconds);
      g_assert_cmpint (step->start_s, ==, expected[i].start_s);
      g_assert_cmpstr (step->stretch->id, ==, expected[i].stretch);
      g_assert_cmpuint (step->hold_index, ==, expected[i].hold_index);
    }

  last = fl_routine_get_step (routine, G_N_ELEMENTS (expected) - 1);
  g_assert_cmpstr (last->stretch->name, ==, "Wall hang");
  g_assert_cmpstr (last->stretch->how, ==, "Lean on a wall with straight arms and let your head hang.");
  g_assert_cmpstr (last->stretch->muscles[0], ==, "shoulders");
  g_assert_cmpstr (last->stretch->muscles[1], ==, "chest");
  g_assert_null (last->stretch->muscles[2]);

  /* What a partial cool-down of it lasted: 3 holds end at 105 s */
  g_assert_cmpint (fl_routine_get_seconds_for_holds (routine, 0), ==, 0);
  g_assert_cmpint (fl_routine_get_seconds_for_holds (routine, 3), ==, 105);
}

static void
test_to_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  routine = fl_routine_new_from_data ("{\"name\": \"two\", \"title\": \"Two stretches\", \"lead_in_s\": 3,"
                                      " \"stretches\": [{\"id\": \"triceps\", \"sides\": [\"left\"]},"
                                      " {\"id\": \"chest\", \"hold_s\": 25}]}",
                                      -1, FL_ROUTINE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  node = fl_routine_to_json (routine);
  text = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==,
                   "{\"name\":\"two\",\"title\":\"Two stretches\",\"total_s\":63,\"steps\":["
                   "{\"kind\":\"lead-in\",\"stretch\":\"triceps\",\"side\":null,\"seconds\":3,"
                   "\"muscles\":[\"triceps\",\"shoulders\"]},"
                   "{\"kind\":\"hold\",\"stretch\":\"triceps\",\"side\":\"left\",\"seconds\":30,"
                   "\"muscles\":[\"triceps\",\"shoulders\"]},"
                   "{\"kind\":\"change\",\"stretch\":\"chest\",\"side\":null,\"seconds\":5,"
                   "\"muscles\":[\"chest\",\"shoulders\"]},"
                   "{\"kind\":\"hold\",\"stretch\":\"chest\",\"side\":\"both\",\"seconds\":25,"
                   "\"muscles\":[\"chest\",\"shoulders\"]}]}");
}

/* Each fault: one clear message, the right error code */
static void
assert_fixture_fails (const char *fixture,
                      int         code,
                      const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) routine = load_fixture (fixture, &error);

  g_assert_null (routine);
  g_assert_error (error, FL_ROUTINE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_invalid_not_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) routine = load_fixture ("not-json.json", &error);

  g_assert_null (routine);
  g_assert_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_NOT_JSON);
  g_assert_true (g_str_has_prefix (error->message, "This is not a routine: it is not valid JSON ("));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_invalid_hold_zero (void)
{
  assert_fixture_fails ("hold-0.json", FL_ROUTINE_ERROR_INVALID,
                        "A hold lasts 20 to 45 seconds; the routine’s “hold_s” is 0.");
}

static void
test_invalid_hold_ten_minutes (void)
{
  assert_fixture_fails ("hold-10-min.json", FL_ROUTINE_ERROR_INVALID,
                        "A hold lasts 20 to 45 seconds; stretch 2 (“hamstrings”) has 600.");
}

static void
test_invalid_side (void)
{
  assert_fixture_fails ("unknown-side.json", FL_ROUTINE_ERROR_INVALID,
                        "Unknown side “middle” in stretch 1 (“calves”): a side is left, right or both.");
}

static void
test_invalid_no_name (void)
{
  assert_fixture_fails ("no-name.json", FL_ROUTINE_ERROR_INVALID,
                        "The routine has no “name”: add one such as \"name\": \"after-long-run\".");
}

static void
test_invalid_unknown_stretch (void)
{
  assert_fixture_fails ("unknown-stretch.json", FL_ROUTINE_ERROR_INVALID,
                        "Unknown stretch “neck-roll” (stretch 2): use one from the stretch catalogue, "
                        "or give it a “name” to describe your own.");
}

static void
test_invalid_shipped_name (void)
{
  assert_fixture_fails ("shipped-name.json", FL_ROUTINE_ERROR_RESERVED,
                        "“post-run-10” is the name of a routine that comes with Fresh Legs: "
                        "give yours another “name”.");
}

static void
test_invalid_other (void)
{
  static const struct {
    const char *json;
    int         code;
    const char *message;
  } cases[] = {
    { "[1, 2]", FL_ROUTINE_ERROR_INVALID, "This is not a routine: a routine is one JSON object, {…}." },
    { "{\"format\": \"fresh-legs-journal\", \"name\": \"x\"}", FL_ROUTINE_ERROR_INVALID,
      "This is not a routine: its “format” is \"fresh-legs-journal\", not \"fresh-legs-routine\"." },
    { "{\"version\": 2, \"name\": \"x\"}", FL_ROUTINE_ERROR_NEWER,
      "This routine is for a newer Fresh Legs (format version 2; this one reads version 1)." },
    { "{\"name\": \"After Run\"}", FL_ROUTINE_ERROR_INVALID,
      "A routine’s “name” is 1 to 64 characters of a–z, 0–9 and “-”; got \"After Run\"." },
    { "{\"name\": \"x\"}", FL_ROUTINE_ERROR_INVALID,
      "The routine has no stretches: add a “stretches” list with at least one." },
    { "{\"name\": \"x\", \"stretches\": []}", FL_ROUTINE_ERROR_INVALID,
      "The routine has no stretches: add a “stretches” list with at least one." },
    { "{\"name\": \"x\", \"hold_s\": \"thirty\", \"stretches\": [{\"id\": \"chest\"}]}", FL_ROUTINE_ERROR_INVALID,
      "“hold_s” is a whole number; got \"thirty\"." },
    { "{\"name\": \"x\", \"hold_s\": 46, \"stretches\": [{\"id\": \"chest\"}]}", FL_ROUTINE_ERROR_INVALID,
      "A hold lasts 20 to 45 seconds; the routine’s “hold_s” is 46." },
    { "{\"name\": \"x\", \"hold_s\": 20, \"change_s\": 16, \"stretches\": [{\"id\": \"chest\"}]}",
      FL_ROUTINE_ERROR_INVALID,
      "A change of side or position takes 0 to 15 seconds; “change_s” is 16." },
    { "{\"name\": \"x\", \"lead_in_s\": -1, \"stretches\": [{\"id\": \"chest\"}]}", FL_ROUTINE_ERROR_INVALID,
      "The lead-in lasts 0 to 10 seconds; “lead_in_s” is -1." },
    { "{\"name\": \"x\", \"stretches\": [{\"id\": \"chest\", \"reps\": 5}]}", FL_ROUTINE_ERROR_INVALID,
      "A stretch is done 1 to 4 times; stretch 1 (“chest”) has “reps” 5." },
    { "{\"name\": \"x\", \"stretches\": [\"chest\"]}", FL_ROUTINE_ERROR_INVALID,
      "Stretch 1 is not a JSON object, {…}." },
    { "{\"name\": \"x\", \"stretches\": [{\"hold_s\": 30}]}", FL_ROUTINE_ERROR_INVALID,
      "Stretch 1 has no “id”." },
    { "{\"name\": \"x\", \"stretches\": [{\"id\": \"calves\", \"sides\": \"left\"}]}", FL_ROUTINE_ERROR_INVALID,
      "Stretch 1 (“calves”): “sides” is a list of left, right or both, such as [\"left\", \"right\"]." },
    { "{\"name\": \"x\", \"stretches\": [{\"id\": \"mine\", \"name\": \"\"}]}", FL_ROUTINE_ERROR_INVALID,
      "Stretch 1 (“mine”) needs a “name”, as text." },
    { "{\"name\": \"x\", \"stretches\": [{\"id\": \"mine\", \"name\": \"Mine\", \"muscles\": \"legs\"}]}",
      FL_ROUTINE_ERROR_INVALID,
      "Stretch 1 (“mine”): “muscles” is a list of muscle names such as [\"hamstrings\", \"calves\"]." },
    { "{\"name\": \"x\", \"stretches\": [{\"id\": \"mine\", \"name\": \"Mine\", \"per_side\": 1}]}",
      FL_ROUTINE_ERROR_INVALID,
      "Stretch 1 (“mine”): “per_side” is true or false." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FlRoutine) routine = fl_routine_new_from_data (cases[i].json, -1, FL_ROUTINE_FLAGS_NONE, &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (routine);
      g_assert_error (error, FL_ROUTINE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* The limits: 20 and 45 s are holds, and short holds only on request */
static void
test_hold_limits (void)
{
  const char *json = "{\"name\": \"x\", \"hold_s\": 1, \"stretches\": [{\"id\": \"chest\", \"hold_s\": 45}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) edge = NULL;
  g_autoptr(FlRoutine) strict = NULL;
  g_autoptr(FlRoutine) shorter = NULL;

  edge = fl_routine_new_from_data ("{\"name\": \"x\", \"hold_s\": 20.0, \"stretches\": [{\"id\": \"chest\"},"
                                   " {\"id\": \"glutes\", \"hold_s\": 45}]}",
                                   -1, FL_ROUTINE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* 3 + 20 + 5 + 45 + 5 + 45 */
  g_assert_cmpint (fl_routine_get_total_s (edge), ==, 123);

  strict = fl_routine_new_from_data (json, -1, FL_ROUTINE_FLAGS_NONE, &error);
  g_assert_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_INVALID);
  g_assert_null (strict);
  g_clear_error (&error);

  shorter = fl_routine_new_from_data ("{\"name\": \"x\", \"hold_s\": 1, \"lead_in_s\": 0, \"stretches\": [{\"id\": \"chest\"}]}",
                                      -1, FL_ROUTINE_FLAGS_SHORT_HOLDS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_routine_get_total_s (shorter), ==, 1);
  g_assert_cmpuint (fl_routine_get_n_steps (shorter), ==, 1);
}

static void
copy_fixture_to_user_dir (const char *fixture,
                          const char *as)
{
  g_autofree char *dir = fl_routine_user_dir ();
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "routines", fixture, NULL);
  g_autofree char *to = g_build_filename (dir, as, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, length, &error));
  g_assert_no_error (error);
}

/* The list: shipped ones shortest first, then the runner's valid ones;
 * broken files and files taking a shipped name are left out */
static void
test_list_and_lookup (void)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(FlRoutine) own = NULL;
  g_autoptr(FlRoutine) shipped = NULL;
  g_autoptr(FlRoutine) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = fl_routine_user_dir ();

  /* G_TEST_OPTION_ISOLATE_DIRS: a fresh XDG_DATA_HOME */
  g_assert_true (g_str_has_suffix (dir, "/fresh-legs/routines"));

  before = fl_routine_list_all ();
  g_assert_cmpuint (before->len, ==, 3);
  g_assert_cmpstr (fl_routine_get_name (g_ptr_array_index (before, 0)), ==, "post-run-5");
  g_assert_cmpstr (fl_routine_get_name (g_ptr_array_index (before, 1)), ==, "post-run-10");
  g_assert_cmpstr (fl_routine_get_name (g_ptr_array_index (before, 2)), ==, "post-run-15");

  copy_fixture_to_user_dir ("my-routine.json", "my file.json");
  copy_fixture_to_user_dir ("not-json.json", "broken.json");
  copy_fixture_to_user_dir ("shipped-name.json", "post-run-10.json");
  copy_fixture_to_user_dir ("hold-10-min.json", "long-hold.json");

  after = fl_routine_list_all ();
  g_assert_cmpuint (after->len, ==, 4);
  g_assert_cmpstr (fl_routine_get_name (g_ptr_array_index (after, 3)), ==, "after-long-run");

  /* By its "name", whatever the file is called */
  own = fl_routine_lookup ("after-long-run", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_routine_get_total_s (own), ==, 205);

  /* A file cannot take the place of a shipped routine */
  shipped = fl_routine_lookup ("post-run-10", &error);
  g_assert_no_error (error);
  g_assert_true (fl_routine_is_shipped (shipped));
  g_assert_cmpint (fl_routine_get_total_s (shipped), ==, 593);

  missing = fl_routine_lookup ("long-hold", &error);
  g_assert_null (missing);
  g_assert_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no routine called “long-hold”.");
  g_clear_error (&error);

  missing = fl_routine_lookup ("stretches", &error);
  g_assert_null (missing);
  g_assert_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_NOT_FOUND);
}

static void
test_load_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRoutine) routine = load_fixture ("no-such-file.json", &error);

  g_assert_null (routine);
  g_assert_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "Could not read “"));
}

/* {{{ Importing: fl_routine_install_file() */

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "routines", name, NULL);

  return g_file_new_for_path (path);
}

static char *
fixture_contents (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "routines", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

/* The runner's folder as "name (mode): contents" lines, sorted: what must
 * not change when an import fails */
static char *
snapshot_user_dir (void)
{
  g_autofree char *dir_path = fl_routine_user_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *entry;

  if (dir == NULL)
    return g_strdup ("(no folder)");

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, entry, NULL);
      g_autofree char *contents = NULL;
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_ptr_array_add (lines, g_strdup_printf ("%s (%o): %s", entry, (guint) (st.st_mode & 0777), contents));
    }
  g_ptr_array_sort (lines, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A valid file lands in the runner's folder byte for byte, private, and
 * is then a routine to pick; importing it again is an update */
static void
test_install_valid (void)
{
  g_autofree char *dir = fl_routine_user_dir ();
  g_autofree char *installed = g_build_filename (dir, "after-long-run.json", NULL);
  g_autofree char *expected = fixture_contents ("my-routine.json");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = fixture_file ("my-routine.json");
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(FlRoutine) again = NULL;
  g_autoptr(FlRoutine) found = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gboolean updated = TRUE;

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  routine = fl_routine_install_file (file, &updated, &error);
  g_assert_no_error (error);
  g_assert_nonnull (routine);
  g_assert_false (updated);
  g_assert_cmpstr (fl_routine_get_name (routine), ==, "after-long-run");
  g_assert_cmpstr (fl_routine_get_title (routine), ==, "After a long run");
  g_assert_false (fl_routine_is_shipped (routine));
  g_assert_cmpint (fl_routine_get_total_s (routine), ==, 205);

  g_assert_true (g_file_get_contents (installed, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (mode_of (installed), ==, 0600);
  g_assert_cmpuint (mode_of (dir), ==, 0700);

  all = fl_routine_list_all ();
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (fl_routine_get_name (g_ptr_array_index (all, 3)), ==, "after-long-run");
  found = fl_routine_lookup ("after-long-run", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fl_routine_get_total_s (found), ==, 205);

  /* The same file again: an update of the same routine, still one file */
  again = fl_routine_install_file (file, &updated, &error);
  g_assert_no_error (error);
  g_assert_true (updated);
  g_assert_cmpstr (fl_routine_get_name (again), ==, "after-long-run");
  {
    g_autofree char *listing = snapshot_user_dir ();
    g_autofree char *expected_listing = g_strdup_printf ("after-long-run.json (600): %s\n", expected);

    g_assert_cmpstr (listing, ==, expected_listing);
  }
}

/* A new version of a routine replaces the old one in its own file, even
 * one put there by hand under another file name; a file name taken by
 * another routine is never written over */
static void
test_install_update (void)
{
  g_autofree char *dir = fl_routine_user_dir ();
  g_autofree char *by_hand = g_build_filename (dir, "my file.json", NULL);
  g_autofree char *other = g_build_filename (dir, "after-long-run.json", NULL);
  g_autofree char *second = g_build_filename (dir, "after-long-run-2.json", NULL);
  g_autofree char *original = fixture_contents ("my-routine.json");
  g_autofree char *newer_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) newer = g_string_new (original);
  g_autoptr(GFile) newer_file = NULL;
  g_autoptr(GFile) file = fixture_file ("my-routine.json");
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(FlRoutine) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *other_routine = "{ \"name\": \"calves-only\", \"stretches\": [ { \"id\": \"calves\" } ] }";
  gboolean updated = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (by_hand, original, -1, &error));
  g_assert_no_error (error);

  /* The title changed: same "name", so the same routine */
  g_string_replace (newer, "\"After a long run\"", "\"After a long run, v2\"", 1);
  newer_path = g_build_filename (g_get_tmp_dir (), "fl-test-routine-v2.json", NULL);
  g_assert_true (g_file_set_contents (newer_path, newer->str, -1, &error));
  newer_file = g_file_new_for_path (newer_path);

  routine = fl_routine_install_file (newer_file, &updated, &error);
  g_remove (newer_path);
  g_assert_no_error (error);
  g_assert_true (updated);
  g_assert_true (g_file_get_contents (by_hand, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer->str);
  g_assert_cmpuint (mode_of (by_hand), ==, 0600);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  found = fl_routine_lookup ("after-long-run", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fl_routine_get_title (found), ==, "After a long run, v2");

  /* NAME.json holding another routine: the import goes beside it */
  g_assert_cmpint (g_remove (by_hand), ==, 0);
  g_assert_true (g_file_set_contents (other, other_routine, -1, &error));
  g_clear_object (&routine);
  routine = fl_routine_install_file (file, &updated, &error);
  g_assert_no_error (error);
  g_assert_false (updated);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (other, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, other_routine);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (second, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, original);
}

/* Every fault: the validation's own message, and the folder as it was */
static void
test_install_faults (void)
{
  static const struct {
    const char *fixture;
    int         code;
    const char *message;        /* NULL: checked by prefix below */
  } cases[] = {
    { "not-json.json", FL_ROUTINE_ERROR_NOT_JSON, NULL },
    { "hold-0.json", FL_ROUTINE_ERROR_INVALID,
      "A hold lasts 20 to 45 seconds; the routine’s “hold_s” is 0." },
    { "hold-10-min.json", FL_ROUTINE_ERROR_INVALID,
      "A hold lasts 20 to 45 seconds; stretch 2 (“hamstrings”) has 600." },
    { "unknown-side.json", FL_ROUTINE_ERROR_INVALID,
      "Unknown side “middle” in stretch 1 (“calves”): a side is left, right or both." },
    { "no-name.json", FL_ROUTINE_ERROR_INVALID,
      "The routine has no “name”: add one such as \"name\": \"after-long-run\"." },
    { "unknown-stretch.json", FL_ROUTINE_ERROR_INVALID,
      "Unknown stretch “neck-roll” (stretch 2): use one from the stretch catalogue, "
      "or give it a “name” to describe your own." },
    { "shipped-name.json", FL_ROUTINE_ERROR_RESERVED,
      "“post-run-10” is the name of a routine that comes with Fresh Legs: give yours another “name”." },
    { "no-such-file.json", FL_ROUTINE_ERROR_IO, NULL },
  };
  g_autofree char *empty = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GFile) mine = fixture_file ("my-routine.json");
  g_autoptr(FlRoutine) installed = NULL;
  g_autoptr(GError) error = NULL;

  /* Into no folder at all: none is made */
  empty = snapshot_user_dir ();
  g_assert_cmpstr (empty, ==, "(no folder)");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = fixture_file (cases[i].fixture);
      g_autoptr(FlRoutine) routine = fl_routine_install_file (file, NULL, &error);
      g_autofree char *after = snapshot_user_dir ();

      g_test_message ("%s", cases[i].fixture);
      g_assert_null (routine);
      g_assert_error (error, FL_ROUTINE_ERROR, cases[i].code);
      g_assert_null (strchr (error->message, '\n'));
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpstr (after, ==, empty);
      g_clear_error (&error);
    }

  /* Beside a routine already there: it stays as it was */
  installed = fl_routine_install_file (mine, NULL, &error);
  g_assert_no_error (error);
  before = snapshot_user_dir ();
  g_assert_true (g_str_has_prefix (before, "after-long-run.json (600): {"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = fixture_file (cases[i].fixture);
      g_autoptr(FlRoutine) routine = fl_routine_install_file (file, NULL, &error);
      g_autofree char *after = snapshot_user_dir ();

      g_assert_null (routine);
      g_assert_error (error, FL_ROUTINE_ERROR, cases[i].code);
      g_assert_cmpstr (after, ==, before);
      g_clear_error (&error);
    }
}

/* }}} */

static void
test_properties (void)
{
  g_autoptr(FlRoutine) routine = lookup ("post-run-5");
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  int total = 0;

  g_object_get (routine, "name", &name, "title", &title, "total-s", &total, NULL);
  g_assert_cmpstr (name, ==, "post-run-5");
  g_assert_cmpstr (title, ==, "After a run — 5 minutes");
  g_assert_cmpint (total, ==, 298);
  g_assert_cmpstr (fl_step_kind_to_string (FL_STEP_CHANGE), ==, "change");
  g_assert_cmpstr (fl_side_to_string (FL_SIDE_RIGHT), ==, "right");
  g_assert_null (fl_side_to_string (FL_SIDE_NONE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/fl/routine/shipped-totals", test_shipped_totals);
  g_test_add_func ("/fl/routine/default", test_default);
  g_test_add_func ("/fl/routine/own-routine", test_own_routine);
  g_test_add_func ("/fl/routine/to-json", test_to_json);
  g_test_add_func ("/fl/routine/properties", test_properties);
  g_test_add_func ("/fl/routine/hold-limits", test_hold_limits);
  g_test_add_func ("/fl/routine/invalid/not-json", test_invalid_not_json);
  g_test_add_func ("/fl/routine/invalid/hold-zero", test_invalid_hold_zero);
  g_test_add_func ("/fl/routine/invalid/hold-ten-minutes", test_invalid_hold_ten_minutes);
  g_test_add_func ("/fl/routine/invalid/unknown-side", test_invalid_side);
  g_test_add_func ("/fl/routine/invalid/no-name", test_invalid_no_name);
  g_test_add_func ("/fl/routine/invalid/unknown-stretch", test_invalid_unknown_stretch);
  g_test_add_func ("/fl/routine/invalid/shipped-name", test_invalid_shipped_name);
  g_test_add_func ("/fl/routine/invalid/other", test_invalid_other);
  g_test_add_func ("/fl/routine/load-missing-file", test_load_missing_file);
  g_test_add_func ("/fl/routine/list-and-lookup", test_list_and_lookup);
  g_test_add_func ("/fl/routine/install/valid", test_install_valid);
  g_test_add_func ("/fl/routine/install/update", test_install_update);
  g_test_add_func ("/fl/routine/install/faults", test_install_faults);

  return g_test_run ();
}
