/* test-cli.c: `fresh-legs profile|log|today`, in-process, against a journal in a temporary folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fl-cli.h"
#include "fl-journal.h"
#include "fl-store.h"
#include "fl-test-clock.h"

#define NOW "2026-11-27T14:05:00+01:00"   /* a Friday, CET */

typedef struct
{
  char        *dir;
  char        *path;
  FlTestClock *clock;
  FlStore     *store;
  char        *out;
  char        *err;
} Fixture;

static void
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = fl_store_new (f->path, FL_CLOCK (f->clock));
  g_assert_true (fl_store_load (f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fl-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "journal.json", NULL);
  f->clock = fl_test_clock_new (NOW);
  open_store (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_assert_finalize_object (f->clock);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->out);
  g_free (f->err);
}

/* Runs "fresh-legs <command_line>" (shell quoting) and keeps its output */
static int
run (Fixture    *f,
     const char *command_line)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "fresh-legs");
  if (*command_line != '\0')
    {
      g_shell_parse_argv (command_line, NULL, &words, &error);
      g_assert_no_error (error);
      for (guint i = 0; words[i] != NULL; i++)
        g_ptr_array_add (argv, words[i]);
    }
  g_ptr_array_add (argv, NULL);

  status = fl_cli_run (f->store, FL_CLOCK (f->clock), argv->len - 1, (char **) argv->pdata, out, err);

  g_free (f->out);
  g_free (f->err);
  f->out = g_string_free (g_steal_pointer (&out), FALSE);
  f->err = g_string_free (g_steal_pointer (&err), FALSE);
  return status;
}

/* Runs a command that must succeed without a word on stderr */
static void
run_ok (Fixture    *f,
        const char *command_line)
{
  int status = run (f, command_line);

  if (status != FL_CLI_OK)
    g_error ("“%s” exited %d: %s", command_line, status, f->err);
  g_assert_cmpstr (f->err, ==, "");
}

/* What a fresh process sees: the journal as saved */
static FlStore *
reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FlStore *store = fl_store_new (f->path, FL_CLOCK (f->clock));

  g_assert_true (fl_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

static GPtrArray *
records (FlStore      *store,
         FlRecordKind  kind)
{
  return fl_journal_get_records (fl_store_get_journal (store), kind);
}

static void
assert_time (GDateTime  *time,
             const char *iso8601)
{
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (expected);
  if (!g_date_time_equal (time, expected) ||
      g_date_time_get_utc_offset (time) != g_date_time_get_utc_offset (expected))
    {
      g_autofree char *got = g_date_time_format_iso8601 (time);

      g_error ("expected %s, got %s", iso8601, got);
    }
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static char *
file_contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_is_command (void)
{
  const struct {
    const char *arg;
    gboolean    is_command;
  } cases[] = {
    { "profile", TRUE },
    { "log", TRUE },
    { "today", TRUE },
    { "routine", TRUE },
    { "import", TRUE },
    { "foods", TRUE },
    { "Log", FALSE },
    { "logs", FALSE },
    { "--help", TRUE },
    { "-h", TRUE },
    { "--gapplication-service", FALSE },
    { "--hidden", FALSE },
    { "run.gpx", FALSE },
    { "", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *argv[] = { (char *) "fresh-legs", (char *) cases[i].arg, NULL };

      g_assert_cmpint (fl_cli_is_command (2, argv), ==, cases[i].is_command);
    }

  {
    char *argv[] = { (char *) "fresh-legs", NULL };

    g_assert_false (fl_cli_is_command (1, argv));
  }
}

static void
assert_parse_error (gboolean    ok,
                    GError     *error,
                    const char *text)
{
  if (ok)
    g_error ("“%s” was accepted", text);
  g_assert_nonnull (error);
  /* The message quotes what was typed and says what is accepted, on one line */
  g_assert_nonnull (strstr (error->message, text));
  g_assert_nonnull (strstr (error->message, "; "));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_parse_volume (void)
{
  const struct {
    const char *text;
    int         ml;
  } good[] = {
    { "250ml", 250 },
    { "250 ml", 250 },
    { "250", 250 },
    { " 250ml ", 250 },
    { "250ML", 250 },
    { "250 mL", 250 },
    { "0.5l", 500 },
    { "0.5 L", 500 },
    { "1.5 L", 1500 },
    { ".5l", 500 },
    { "33cl", 330 },
    { "33 CL", 330 },
    { "1", 1 },
    { "5000ml", 5000 },
    { "5l", 5000 },
    { "0.3333l", 333 },
  };
  const char *bad[] = {
    "", " ", "ml", "l", "lots", "a glass", "0", "0ml", "0.0l", "0.0001l", "-250ml", "-0.5l",
    "5001ml", "5.1l", "100l", "100 l", "2,5l", "1e3", "1e3ml", "inf", "nan", "0x10",
    "250gal", "250 m l", "250ml ml", "250ml 300ml", "+250ml", "250.5.5ml", "99999999999999999999ml",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int ml = -1;

      if (!fl_parse_volume_ml (good[i].text, &ml, &error))
        g_error ("“%s” was refused: %s", good[i].text, error->message);
      g_assert_cmpint (ml, ==, good[i].ml);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int ml = -1;
      gboolean ok;

      ok = fl_parse_volume_ml (bad[i], &ml, &error);
      assert_parse_error (ok, error, bad[i]);
      g_assert_cmpint (ml, ==, -1);
    }
}

static void
test_parse_distance (void)
{
  const struct {
    const char *text;
    double      m;
  } good[] = {
    { "8km", 8000 },
    { "8 km", 8000 },
    { "8KM", 8000 },
    { "8.5 km", 8500 },
    { "8000m", 8000 },
    { "400 m", 400 },
    { "5mi", 5 * 1609.344 },
    { "26.2 mi", 26.2 * 1609.344 },
    { "0.5km", 500 },
    { ".4mi", 0.4 * 1609.344 },
  };
  const char *bad[] = {
    "", "8", "km", "eight km", "0km", "0 m", "-5km", "8,5km", "8 miles", "8kmh", "8 k m",
    "1e3m", "inf km", "8km 2km",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double m = -1;

      if (!fl_parse_distance_m (good[i].text, &m, &error))
        g_error ("“%s” was refused: %s", good[i].text, error->message);
      g_assert_cmpfloat_with_epsilon (m, good[i].m, 1e-6);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double m = -1;
      gboolean ok;

      ok = fl_parse_distance_m (bad[i], &m, &error);
      assert_parse_error (ok, error, bad[i]);
      g_assert_cmpfloat (m, ==, -1);
    }
}

static void
test_parse_duration (void)
{
  const struct {
    const char *text;
    int         s;
  } good[] = {
    { "45:00", 2700 },
    { "80:00", 4800 },
    { "1:20:00", 4800 },
    { "0:30", 30 },
    { "05:07", 307 },
    { "150:59", 150 * 60 + 59 },
    { "00:45:30", 2730 },
    { "2:00:01", 7201 },
    { " 45:00 ", 2700 },
  };
  const char *bad[] = {
    "", "45", "45min", ":30", "45:", "45:0", "45:000", "45:60", "1:60:00", "1:20:60", "1:2:03",
    "0:00", "0:00:00", "-45:00", "45:00:00:00", "1.5:00", "abc", "45 00", "45:00 min",
    "99999999:00",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int s = -1;

      if (!fl_parse_duration_s (good[i].text, &s, &error))
        g_error ("“%s” was refused: %s", good[i].text, error->message);
      g_assert_cmpint (s, ==, good[i].s);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int s = -1;
      gboolean ok;

      ok = fl_parse_duration_s (bad[i], &s, &error);
      assert_parse_error (ok, error, bad[i]);
      g_assert_cmpint (s, ==, -1);
    }
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  run_ok (f, "--help");
  g_assert_true (g_str_has_prefix (f->out, "Usage: fresh-legs"));
  g_assert_nonnull (strstr (f->out, "\n  profile "));
  g_assert_nonnull (strstr (f->out, "\n  log "));
  g_assert_nonnull (strstr (f->out, "\n  today "));
  g_assert_nonnull (strstr (f->out, "\n  routine "));
  g_assert_nonnull (strstr (f->out, "\n  import "));

  run_ok (f, "log --help");
  g_assert_nonnull (strstr (f->out, "fresh-legs log drink AMOUNT"));
  g_assert_nonnull (strstr (f->out, "fresh-legs log run --distance"));
  g_assert_nonnull (strstr (f->out, "fresh-legs log cooldown [--at TIME] [--steps-done N]"));

  run_ok (f, "routine --help");
  g_assert_nonnull (strstr (f->out, "--list"));
  g_assert_nonnull (strstr (f->out, "--json"));

  run_ok (f, "log run --help");
  g_assert_nonnull (strstr (f->out, "--distance=DISTANCE"));
  g_assert_nonnull (strstr (f->out, "--duration=TIME"));
  g_assert_nonnull (strstr (f->out, "--cadence=SPM"));
  g_assert_nonnull (strstr (f->out, "-h, --help"));

  run_ok (f, "log drink -h");
  g_assert_nonnull (strstr (f->out, "--at=TIME"));

  run_ok (f, "profile --help");
  g_assert_nonnull (strstr (f->out, "--heavy-periods=yes|no"));

  run_ok (f, "today --help");
  g_assert_nonnull (strstr (f->out, "--json"));

  /* Help stores nothing */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_log_drink (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;
  GPtrArray *drinks;
  const struct {
    const char *time;
    int         ml;
  } expected[] = {
    { "2026-11-26T20:00:00+01:00", 250 },
    { "2026-11-27T08:30:00+01:00", 250 },
    { "2026-11-27T09:00:00+01:00", 1500 },
    { "2026-11-27T09:30:00+01:00", 330 },
    { "2026-11-27T14:05:00+01:00", 250 },
    { "2026-11-27T14:05:00+01:00", 330 },
    { "2026-11-27T14:05:00+01:00", 500 },
  };

  run_ok (f, "profile --sex female");

  run_ok (f, "log drink 250ml");
  g_assert_cmpstr (f->out, ==, "Logged 250 ml at 14:05. Today: 250 ml of 1.6 L.\n");
  run_ok (f, "log drink 330 ml");
  g_assert_cmpstr (f->out, ==, "Logged 330 ml at 14:05. Today: 580 ml of 1.6 L.\n");
  run_ok (f, "log drink '0.5 l'");
  g_assert_cmpstr (f->out, ==, "Logged 500 ml at 14:05. Today: 1.08 L of 1.6 L.\n");
  run_ok (f, "log drink 1.5L --at 2026-11-27T09:00");
  g_assert_cmpstr (f->out, ==, "Logged 1.5 L at 09:00. Today: 2.58 L of 1.6 L.\n");
  run_ok (f, "log drink --at=08:30 250");
  g_assert_cmpstr (f->out, ==, "Logged 250 ml at 08:30. Today: 2.83 L of 1.6 L.\n");
  /* Another zone: stored as the same moment in local time */
  run_ok (f, "log drink 33cl --at 2026-11-27T08:30:00Z");
  g_assert_cmpstr (f->out, ==, "Logged 330 ml at 09:30. Today: 3.16 L of 1.6 L.\n");
  run_ok (f, "log drink 250ml --at '2026-11-26 20:00'");
  g_assert_cmpstr (f->out, ==, "Logged 250 ml at 2026-11-26 20:00. That day: 250 ml of 1.6 L.\n");

  saved = reload (f);
  drinks = records (saved, FL_RECORD_DRINK);
  g_assert_cmpuint (drinks->len, ==, G_N_ELEMENTS (expected));
  /* Drinks at the same moment may come in any order */
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < drinks->len && !found; j++)
        {
          FlRecord *record = g_ptr_array_index (drinks, j);
          g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (expected[i].time, NULL);

          if (FL_DRINK (record)->ml == expected[i].ml && g_date_time_equal (record->time, time))
            {
              assert_time (record->time, expected[i].time);
              found = TRUE;
            }
        }
      if (!found)
        g_error ("no drink of %d ml at %s", expected[i].ml, expected[i].time);
    }
}

static void
test_log_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;
  GPtrArray *runs;
  FlRun *run;

  run_ok (f, "profile --sex female");

  /* EFSA 2010: 1.6 L for women; ACSM 2007: 60 min at 28 °C sweats
   * 1.3 L/h, × 1.5 = 1.95 L */
  run_ok (f, "log run --distance 8km --duration 60:00 --rpe 5 --temp 28 --avg-hr 150 --cadence 168");
  g_assert_cmpstr (f->out, ==, "Logged a run of 8.0 km in 1:00:00 from 13:05. Today’s drinking goal: 3.55 L.\n");

  run_ok (f, "log run --distance 5mi --duration 1:20:00 --start 2026-11-26T07:30");
  g_assert_cmpstr (f->out, ==,
                   "Logged a run of 8.0 km in 1:20:00 from 2026-11-26 07:30. That day’s drinking goal: 3.6 L.\n");

  run_ok (f, "log run --temp -5 --duration 30:00 --distance '5000 m' --start 06:00:30");

  saved = reload (f);
  runs = records (saved, FL_RECORD_RUN);
  g_assert_cmpuint (runs->len, ==, 3);

  run = g_ptr_array_index (runs, 0);
  assert_time (run->parent.time, "2026-11-26T07:30:00+01:00");
  g_assert_cmpint (run->duration_s, ==, 4800);
  g_assert_cmpfloat_with_epsilon (run->distance_m, 5 * 1609.344, 1e-6);
  g_assert_cmpint (run->rpe, ==, -1);
  g_assert_cmpint (run->avg_hr, ==, 0);
  g_assert_cmpint (run->cadence_spm, ==, 0);
  g_assert_true (isnan (run->temperature_c));
  g_assert_cmpstr (run->source, ==, "manual");

  run = g_ptr_array_index (runs, 1);
  assert_time (run->parent.time, "2026-11-27T06:00:30+01:00");
  g_assert_cmpint (run->duration_s, ==, 1800);
  g_assert_cmpfloat (run->distance_m, ==, 5000);
  g_assert_cmpfloat (run->temperature_c, ==, -5);

  /* Logged right after it ended: it started an hour before now */
  run = g_ptr_array_index (runs, 2);
  assert_time (run->parent.time, "2026-11-27T13:05:00+01:00");
  g_assert_cmpint (run->duration_s, ==, 3600);
  g_assert_cmpfloat (run->distance_m, ==, 8000);
  g_assert_cmpint (run->rpe, ==, 5);
  g_assert_cmpint (run->avg_hr, ==, 150);
  g_assert_cmpint (run->cadence_spm, ==, 168);
  g_assert_cmpfloat (run->temperature_c, ==, 28);
  g_assert_cmpstr (run->source, ==, "manual");
}

static void
test_profile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;
  const FlProfile *profile;

  /* A first, partial profile claims nothing the runner did not say */
  run_ok (f, "profile --sex male");
  g_assert_cmpstr (f->out, ==, "Profile saved: male, omnivore.\n");
  saved = reload (f);
  profile = fl_journal_get_profile (fl_store_get_journal (saved));
  g_assert_true (profile->is_set);
  g_assert_cmpint (profile->sex, ==, FL_SEX_MALE);
  g_assert_cmpint (profile->birth_year, ==, 0);
  g_assert_cmpfloat (profile->weight_kg, ==, 0);
  g_clear_object (&saved);

  run_ok (f, "profile --sex female --birth-year 1990 --weight-kg 60 --diet vegetarian "
             "--heavy-periods yes --pregnant no");
  g_assert_cmpstr (f->out, ==, "Profile saved: female, born 1990, 60.0 kg, vegetarian, heavy periods.\n");
  saved = reload (f);
  profile = fl_journal_get_profile (fl_store_get_journal (saved));
  g_assert_true (profile->is_set);
  g_assert_cmpint (profile->sex, ==, FL_SEX_FEMALE);
  g_assert_cmpint (profile->birth_year, ==, 1990);
  g_assert_cmpfloat (profile->weight_kg, ==, 60);
  g_assert_cmpint (profile->diet, ==, FL_DIET_VEGETARIAN);
  g_assert_true (profile->heavy_periods);
  g_assert_false (profile->pregnant);
  g_clear_object (&saved);

  /* One option changes one member */
  run_ok (f, "profile --weight-kg 58.5kg");
  run_ok (f, "profile --diet VEGAN --pregnant yes --heavy-periods no");
  g_assert_cmpstr (f->out, ==, "Profile saved: female, born 1990, 58.5 kg, vegan, pregnant.\n");
  saved = reload (f);
  profile = fl_journal_get_profile (fl_store_get_journal (saved));
  g_assert_cmpint (profile->sex, ==, FL_SEX_FEMALE);
  g_assert_cmpint (profile->birth_year, ==, 1990);
  g_assert_cmpfloat (profile->weight_kg, ==, 58.5);
  g_assert_cmpint (profile->diet, ==, FL_DIET_VEGAN);
  g_assert_false (profile->heavy_periods);
  g_assert_true (profile->pregnant);
}

static void
test_today (Fixture       *f,
            gconstpointer  data)
{
  run_ok (f, "today --json");
  g_assert_true (g_str_has_prefix (f->out, "{\"date\":\"2026-11-27\",\"profile\":{\"is_set\":false,"));
  /* Without a profile: the men's base, as the larger one (EFSA 2010) */
  /* More sections follow the cool-down's (training, sleep, iron …) */
  g_assert_nonnull (strstr (f->out,
                            "\"hydration\":{\"goal_ml\":2000,\"base_ml\":2000,\"runs_ml\":0,\"drunk_ml\":0},"
                            "\"cooldown\":{\"done_today\":false,\"last_14d\":{\"runs\":0,\"runs_with_cooldown\":0}},"));
  g_assert_cmpuint (count_lines (f->out), ==, 1);

  run_ok (f, "profile --sex female");
  run_ok (f, "log run --distance 8km --duration 60:00 --temp 28");
  run_ok (f, "log drink 500ml --at 07:00");
  run_ok (f, "log drink 250ml");
  run_ok (f, "log drink 300ml --at 2026-11-26T23:59:59");
  run_ok (f, "log drink 400ml --at 2026-11-27T00:00:00");

  run_ok (f, "today --json");
  g_assert_true (g_str_has_prefix (f->out,
                                   "{\"date\":\"2026-11-27\",\"profile\":{\"is_set\":true,\"assumed\":null},"
                                   "\"hydration\":{\"goal_ml\":3550,\"base_ml\":1600,\"runs_ml\":1950,\"drunk_ml\":1150},"
                                   "\"cooldown\":{\"done_today\":false,\"last_14d\":{\"runs\":1,\"runs_with_cooldown\":0}},"));

  run_ok (f, "today --date 2026-11-26 --json");
  g_assert_true (g_str_has_prefix (f->out,
                                   "{\"date\":\"2026-11-26\",\"profile\":{\"is_set\":true,\"assumed\":null},"
                                   "\"hydration\":{\"goal_ml\":1600,\"base_ml\":1600,\"runs_ml\":0,\"drunk_ml\":300},"
                                   "\"cooldown\":{\"done_today\":false,\"last_14d\":{\"runs\":0,\"runs_with_cooldown\":0}},"));

  run_ok (f, "today");
  g_assert_true (g_str_has_prefix (f->out, "Friday 2026-11-27\n"));
  g_assert_nonnull (strstr (f->out, "Hydration: 1.15 L of 3.55 L\n"));
  g_assert_true (g_str_has_suffix (f->out, "\n"));
}

/* The shipped routines, shortest first, and one as the JSON scripts read */
static void
test_routine (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *steps;
  JsonObject *step;

  run_ok (f, "routine --list");
  /* The runner's own would follow */
  g_assert_true (g_str_has_prefix (f->out,
                                   "post-run-5   After a run — 5 minutes (4:58)\n"
                                   "post-run-10  After a run — 10 minutes (9:53)\n"
                                   "post-run-15  After a run — 15 minutes (15:08)\n"));

  run_ok (f, "routine --list --json");
  g_assert_true (g_str_has_prefix (f->out,
                                   "[{\"name\":\"post-run-5\",\"title\":\"After a run — 5 minutes\","
                                   "\"total_s\":298,\"shipped\":true},"));
  g_assert_cmpuint (count_lines (f->out), ==, 1);

  run_ok (f, "routine post-run-5 --json");
  g_assert_cmpuint (count_lines (f->out), ==, 1);
  g_assert_true (g_str_has_prefix (f->out,
                                   "{\"name\":\"post-run-5\",\"title\":\"After a run — 5 minutes\",\"total_s\":298,"
                                   "\"steps\":[{\"kind\":\"lead-in\",\"stretch\":\"quadriceps\",\"side\":null,"
                                   "\"seconds\":3,\"muscles\":[\"quadriceps\",\"hip-flexors\"]},"
                                   "{\"kind\":\"hold\",\"stretch\":\"quadriceps\",\"side\":\"left\",\"seconds\":25,"
                                   "\"muscles\":[\"quadriceps\",\"hip-flexors\"]},"
                                   "{\"kind\":\"change\",\"stretch\":\"quadriceps\",\"side\":null,\"seconds\":5,"));
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  steps = json_object_get_array_member (root, "steps");
  /* A lead-in, 10 holds and the 9 changes between them */
  g_assert_cmpuint (json_array_get_length (steps), ==, 20);
  step = json_array_get_object_element (steps, 19);
  g_assert_cmpstr (json_object_get_string_member (step, "kind"), ==, "hold");
  g_assert_cmpstr (json_object_get_string_member (step, "stretch"), ==, "glutes");
  g_assert_cmpstr (json_object_get_string_member (step, "side"), ==, "right");

  /* Without a name: the default, in words */
  run_ok (f, "routine");
  g_assert_true (g_str_has_prefix (f->out,
                                   "After a run — 10 minutes (post-run-10), 9:53\n"
                                   "  0:00  Get ready: Standing quad stretch — 3 s\n"
                                   "  0:03  Standing quad stretch, left side — 30 s\n"
                                   "  0:33  Change to: Standing quad stretch — 5 s\n"
                                   "  0:38  Standing quad stretch, right side — 30 s\n"));
  g_assert_true (g_str_has_suffix (f->out, "  9:23  Child’s pose, both sides — 30 s\n"));
  g_assert_cmpuint (count_lines (f->out), ==, 1 + 34);

  /* Reading routines stores nothing */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* routine --import FILE: a bad file is exit 2 and one line that says what
 * is wrong, with nothing stored; a good one is among the runner's own.
 * In a process of its own whose $XDG_DATA_HOME is in the fixture's folder:
 * the runner's routines folder is never the developer's. */
static void
test_routine_import (Fixture       *f,
                     gconstpointer  data)
{
  static const char *bad[] = {
    "not-json.json", "hold-0.json", "hold-10-min.json", "unknown-side.json",
    "no-name.json", "unknown-stretch.json", "shipped-name.json",
  };
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "routines", "my-routine.json", NULL);
  g_autofree char *routines = NULL;
  g_autofree char *command = NULL;

  if (!g_test_subprocess ())
    {
      g_autofree char *data_home = g_build_filename (f->dir, "data", NULL);
      g_autofree char *saved = g_strdup (g_getenv ("XDG_DATA_HOME"));
      g_autofree char *installed = g_build_filename (data_home, "fresh-legs", "routines",
                                                     "after-long-run.json", NULL);
      g_autofree char *expected = file_contents (good);
      g_autofree char *contents = NULL;

      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (saved != NULL)
        g_setenv ("XDG_DATA_HOME", saved, TRUE);
      else
        g_unsetenv ("XDG_DATA_HOME");
      g_test_trap_assert_passed ();

      /* What the child left: the file as it was given */
      contents = file_contents (installed);
      g_assert_cmpstr (contents, ==, expected);
      return;
    }

  routines = g_build_filename (g_get_user_data_dir (), "fresh-legs", "routines", NULL);
  g_assert_true (g_str_has_suffix (g_get_user_data_dir (), "/data"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "routines", bad[i], NULL);
      g_autofree char *prefix = g_strdup_printf ("fresh-legs: %s: ", path);
      g_autofree char *line = NULL;

      g_free (command);
      command = g_strdup_printf ("routine --import '%s'", path);
      g_assert_cmpint (run (f, command), ==, FL_CLI_BAD_INPUT);
      g_test_message ("%s", f->err);
      g_assert_cmpstr (f->out, ==, "");
      g_assert_cmpuint (count_lines (f->err), ==, 1);
      g_assert_true (g_str_has_prefix (f->err, prefix));
      g_assert_true (g_str_has_suffix (f->err, "; nothing was imported\n"));
      g_assert_false (g_file_test (routines, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
    }

  /* Word for word, two of them */
  g_free (command);
  command = g_strdup_printf ("routine --import '%s/routines/hold-0.json'", g_test_get_dir (G_TEST_DIST));
  g_assert_cmpint (run (f, command), ==, FL_CLI_BAD_INPUT);
  g_assert_true (g_str_has_suffix (f->err, "/routines/hold-0.json: A hold lasts 20 to 45 seconds; "
                                   "the routine’s “hold_s” is 0; nothing was imported\n"));
  g_free (command);
  command = g_strdup_printf ("routine --import '%s/routines/shipped-name.json'", g_test_get_dir (G_TEST_DIST));
  g_assert_cmpint (run (f, command), ==, FL_CLI_BAD_INPUT);
  g_assert_true (g_str_has_suffix (f->err, "/routines/shipped-name.json: “post-run-10” is the name of a routine "
                                   "that comes with Fresh Legs: give yours another “name”; nothing was imported\n"));

  g_free (command);
  command = g_strdup_printf ("routine --import '%s'", good);
  run_ok (f, command);
  g_assert_cmpstr (f->out, ==, "Imported your routine “After a long run” (after-long-run, 3:25). Pick it on the "
                   "Cool-down page, or log one with “fresh-legs log cooldown --routine after-long-run”.\n");
  run_ok (f, command);
  g_assert_true (g_str_has_prefix (f->out, "Updated your routine “After a long run” (after-long-run, 3:25)."));

  run_ok (f, "routine --list");
  g_assert_true (g_str_has_suffix (f->out, "after-long-run  After a long run (3:25)\n"));
  run_ok (f, "log cooldown --routine after-long-run --at 13:00");
  g_assert_cmpstr (f->out, ==, "Logged a cool-down from 13:00: After a long run, 5 of 5 stretches.\n");
}

static void
test_log_cooldown (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;
  GPtrArray *cooldowns;
  FlCooldown *cooldown;

  /* Just done: it started 9:53 ago */
  run_ok (f, "log cooldown");
  g_assert_cmpstr (f->out, ==, "Logged a cool-down from 13:55: After a run — 10 minutes, 17 of 17 stretches.\n");

  /* Stopped after three holds: 3 + 3 × 30 + 2 × 5 = 103 s */
  run_ok (f, "log cooldown --at 13:00 --steps-done 3");
  g_assert_cmpstr (f->out, ==, "Logged a cool-down from 13:00: After a run — 10 minutes, 3 of 17 stretches.\n");

  run_ok (f, "log cooldown --routine post-run-5 --at 2026-11-26T18:30");
  g_assert_cmpstr (f->out, ==,
                   "Logged a cool-down from 2026-11-26 18:30: After a run — 5 minutes, 10 of 10 stretches.\n");

  saved = reload (f);
  cooldowns = records (saved, FL_RECORD_COOLDOWN);
  g_assert_cmpuint (cooldowns->len, ==, 3);

  cooldown = FL_COOLDOWN (g_ptr_array_index (cooldowns, 0));
  assert_time (((FlRecord *) cooldown)->time, "2026-11-26T18:30:00+01:00");
  assert_time (cooldown->end, "2026-11-26T18:34:58+01:00");
  g_assert_cmpstr (cooldown->routine, ==, "post-run-5");
  g_assert_cmpint (cooldown->steps_done, ==, 10);
  g_assert_cmpint (cooldown->steps_total, ==, 10);

  cooldown = FL_COOLDOWN (g_ptr_array_index (cooldowns, 1));
  assert_time (((FlRecord *) cooldown)->time, "2026-11-27T13:00:00+01:00");
  assert_time (cooldown->end, "2026-11-27T13:01:43+01:00");
  g_assert_cmpint (cooldown->steps_done, ==, 3);
  g_assert_cmpint (cooldown->steps_total, ==, 17);

  cooldown = FL_COOLDOWN (g_ptr_array_index (cooldowns, 2));
  assert_time (((FlRecord *) cooldown)->time, "2026-11-27T13:55:07+01:00");
  assert_time (cooldown->end, "2026-11-27T14:05:00+01:00");
  g_assert_cmpstr (cooldown->routine, ==, "post-run-10");
  g_assert_cmpint (cooldown->steps_done, ==, 17);
  g_assert_cmpint (cooldown->steps_total, ==, 17);

  run_ok (f, "today --json");
  g_assert_nonnull (strstr (f->out,
                            "\"cooldown\":{\"done_today\":true,\"last_14d\":{\"runs\":0,\"runs_with_cooldown\":0}},"));
}

/* Nights end on the morning of --date; a nap is a range on that day */
static void
test_log_sleep (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPtrArray *nights;
  FlSleep *night;

  run_ok (f, "log sleep 23:10-06:40");
  g_assert_cmpstr (f->out, ==, "Logged 7 h 30 min of sleep from 2026-11-26 23:10, against a need of 8 h. "
                   "Sleep debt: 30 min over the 1 night logged of the last 7.\n");
  run_ok (f, "log sleep 13:00-13:20 --nap");
  g_assert_cmpstr (f->out, ==, "Logged a nap of 20 min from 13:00.\n");
  /* Eight nights back is outside the debt: no debt line */
  run_ok (f, "log sleep 01:00-06:00 --date 2026-11-20");
  g_assert_cmpstr (f->out, ==, "Logged 5 h of sleep from 2026-11-20 01:00, against a need of 8 h.\n");
  /* Unquoted with spaces */
  run_ok (f, "log sleep 22:30 - 06:30 --date 2026-11-25");
  g_assert_cmpstr (f->out, ==, "Logged 8 h of sleep from 2026-11-24 22:30, against a need of 8 h. "
                   "Sleep debt: 30 min over the 2 nights logged of the last 7.\n");

  saved = reload (f);
  nights = records (saved, FL_RECORD_SLEEP);
  g_assert_cmpuint (nights->len, ==, 4);
  night = FL_SLEEP (g_ptr_array_index (nights, 2));
  assert_time (((FlRecord *) night)->time, "2026-11-26T23:10:00+01:00");
  assert_time (night->end, "2026-11-27T06:40:00+01:00");
  g_assert_false (night->nap);
  night = FL_SLEEP (g_ptr_array_index (nights, 3));
  assert_time (((FlRecord *) night)->time, "2026-11-27T13:00:00+01:00");
  assert_time (night->end, "2026-11-27T13:20:00+01:00");
  g_assert_true (night->nap);

  /* The day's figures: the nap takes 20 minutes off tonight's need */
  run_ok (f, "today --json");
  g_assert_nonnull (strstr (f->out, "\"sleep\":{\"need_min\":480,\"last_night_min\":450,\"debt_min\":30,"
                            "\"debt_nights_logged\":2,\"tonight_need_min\":460,\"bedtime\":\"23:05\",\"nap\":null}"));

  /* Overlaps are refused with the night they overlap, and store nothing */
  before = file_contents (f->path);
  g_assert_cmpint (run (f, "log sleep 06:00-07:30"), ==, FL_CLI_BAD_INPUT);
  g_assert_cmpstr (f->err, ==, "fresh-legs: This overlaps the night already logged from 2026-11-26 23:10 to "
                   "2026-11-27 06:40; edit or remove that one first.\n");
  g_assert_cmpint (run (f, "log sleep 13:10-13:40 --nap"), ==, FL_CLI_BAD_INPUT);
  g_assert_cmpstr (f->err, ==, "fresh-legs: This overlaps the nap already logged from 2026-11-27 13:00 to "
                   "2026-11-27 13:20; edit or remove that one first.\n");
  g_assert_cmpint (run (f, "log sleep 06:40-05:00 --date 2026-11-22"), ==, FL_CLI_BAD_INPUT);
  g_assert_cmpstr (f->err, ==, "fresh-legs: A sleep lasts at most 16 hours; 2026-11-21 06:40 to 2026-11-22 05:00 "
                   "is 22 h 20 min. Check the times and the date.\n");
  g_assert_cmpint (run (f, "log sleep 23:10-6.40.1"), ==, FL_CLI_BAD_INPUT);
  g_assert_cmpstr (f->err, ==, "fresh-legs: “23:10-6.40.1” is not a sleep; give bed and wake time as HH:MM-HH:MM, "
                   "e.g. 23:10-06:40\n");
  after = file_contents (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* Each of these must exit 2 with one line and store nothing */
static const char *bad_inputs[] = {
  "",
  "frobnicate",
  "import run.gpx",
  "log",
  "log coffee 250ml",
  "log drink",
  "log iron",
  "log iron beans",
  "log iron lentls",
  "log iron unobtainium",
  "log iron lentils --portions 0",
  "log iron lentils --portions 21",
  "log iron lentils --portions x",
  "log iron lentils --at 2026-11-28T10:00",
  "log iron lentils --at yesterday",
  "log ferritin",
  "log ferritin abc",
  "log ferritin 0",
  "log ferritin 24 --date 2026-12-01",
  "log ferritin 24 --date 2026-13-01",
  "foods --grams 10",
  "foods --add Soup --portion bowl",
  "foods --add Soup --portion bowl --grams 300 --mg 0",
  "foods --add Soup --portion bowl --grams 300 --mg 200",
  "foods --add Soup --portion bowl --grams 0 --mg 2",
  "log drink 0",
  "log drink 0ml",
  "log drink -250ml",
  "log drink -- -250ml",
  "log drink -0.5 l",
  "log drink 100l",
  "log drink '100 l'",
  "log drink 5001ml",
  "log drink lots",
  "log drink a glass",
  "log drink 250ml 300ml",
  "log drink 2,5l",
  "log drink 1e3",
  "log drink nan",
  "log drink 250ml --at 2026-02-30T10:00",
  "log drink 250ml --at 2026-11-27T24:30",
  "log drink 250ml --at yesterday",
  "log drink 250ml --at 2026-11-27",
  "log drink 250ml --at 2026-11-28T10:00",
  "log drink 250ml --at 14:06",
  "log drink 250ml --at 25:00",
  "log drink 250ml --at",
  "log drink 250ml --at ''",
  "log drink 250ml --volume 3",
  "log drink 250ml -x",
  "log drink 250ml --json",
  "log run",
  "log run --duration 45:00",
  "log run --distance 8km",
  "log run --distance 0km --duration 45:00",
  "log run --distance -5km --duration 45:00",
  "log run --distance 8 --duration 45:00",
  "log run --distance eight --duration 45:00",
  "log run --distance 501km --duration 45:00",
  "log run --distance 8km --duration 0:00",
  "log run --distance 8km --duration 45",
  "log run --distance 8km --duration 45:60",
  "log run --distance 8km --duration 1:60:00",
  "log run --distance 8km --duration -45:00",
  "log run --distance 8km --duration 48:00:01",
  "log run --distance 8km --duration 45:00 --rpe 11",
  "log run --distance 8km --duration 45:00 --rpe -1",
  "log run --distance 8km --duration 45:00 --rpe hard",
  "log run --distance 8km --duration 45:00 --rpe 5.5",
  "log run --distance 8km --duration 45:00 --temp hot",
  "log run --distance 8km --duration 45:00 --temp 61",
  "log run --distance 8km --duration 45:00 --avg-hr 300",
  "log run --distance 8km --duration 45:00 --avg-hr 0",
  "log run --distance 8km --duration 45:00 --cadence 20",
  "log run --distance 8km --duration 45:00 --cadence 0",
  "log run --distance 8km --duration 45:00 --start 2026-11-28T07:00",
  "log run --distance 8km --duration 45:00 --start 2026-13-01T07:00",
  "log run --distance 8km --duration 45:00 --pace 5:37",
  "log run --distance 8km --duration 45:00 easy",
  "log run --distance 8km --duration 45:00 -5",
  "profile",
  "profile female",
  "profile --sex other",
  "profile --sex",
  "profile --birth-year 1850",
  "profile --birth-year 2027",
  "profile --birth-year 0",
  "profile --birth-year nineteen",
  "profile --weight-kg 0",
  "profile --weight-kg -60",
  "profile --weight-kg 400",
  "profile --weight-kg 60lb",
  "profile --diet carnivore",
  "profile --heavy-periods maybe",
  "profile --pregnant 1",
  "profile --height 170",
  "profile --sex female --diet keto",
  "today --date 2026-02-30",
  "today --date 27.11.2026",
  "today --date tomorrow",
  "today --date 2026-11-27T10:00",
  "today --json extra",
  "today --format json",
  "log cooldown extra",
  "log cooldown --steps-done 0",
  "log cooldown --steps-done 18",
  "log cooldown --steps-done all",
  "log cooldown --steps-done 11 --routine post-run-5",
  "log cooldown --at 2026-11-28T10:00",
  "log cooldown --at 14:06",
  "log cooldown --at soon",
  "log cooldown --routine yoga",
  "log cooldown --routine stretches",
  "routine yoga",
  "routine ../journal",
  "routine post-run-5 post-run-10",
  "routine --list post-run-5",
  "routine --format json",
  "routine --import",
  "routine --import /nonexistent/fl-routine.json",
  "routine --import /nonexistent/fl-routine.json --list",
  "routine yoga --import /nonexistent/fl-routine.json",
  "log sleep",
  "log sleep 23:10",
  "log sleep 25:00-07:00",
  "log sleep 23:10-06:40 --date 2026-13-01",
  "log sleep 23:10-06:40 --date tomorrow",
  "log sleep 06:40-05:00",
  "log sleep 13:30-13:00 --nap",
  "log sleep 07:00-07:00",
  "log sleep 10:00-14:30",
  "log sleep 23:10-06:40 --nap",
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  FlJournal *journal = fl_store_get_journal (f->store);
  FlProfile profile_before;

  run_ok (f, "profile --sex female --birth-year 1990");
  run_ok (f, "log drink 250ml --at 10:00");
  run_ok (f, "log run --distance 8km --duration 45:00");
  before = file_contents (f->path);
  profile_before = *fl_journal_get_profile (journal);

  for (gsize i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *after = NULL;
      int status;

      g_test_message ("fresh-legs %s", bad_inputs[i]);
      status = run (f, bad_inputs[i]);
      g_test_message ("  %s", f->err);
      if (status != FL_CLI_BAD_INPUT)
        g_error ("“%s” exited %d: %s%s", bad_inputs[i], status, f->out, f->err);
      g_assert_cmpstr (f->out, ==, "");
      g_assert_true (g_str_has_prefix (f->err, "fresh-legs: "));
      g_assert_true (g_str_has_suffix (f->err, "\n"));
      g_assert_cmpuint (count_lines (f->err), ==, 1);
      /* "what was wrong; what is accepted" */
      g_assert_nonnull (strstr (f->err, "; "));

      after = file_contents (f->path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (records (f->store, FL_RECORD_DRINK)->len, ==, 1);
      g_assert_cmpuint (records (f->store, FL_RECORD_RUN)->len, ==, 1);
      g_assert_true (fl_profile_equal (fl_journal_get_profile (journal), &profile_before));
      g_assert_false (fl_journal_has_unsynced_changes (journal));
    }
}

/* Some messages word for word: the runner reads these */
static void
test_bad_input_messages (Fixture       *f,
                         gconstpointer  data)
{
  const struct {
    const char *command_line;
    const char *err;
  } cases[] = {
    { "log drink 100l",
      "fresh-legs: “100l” is more than one drink can be; a drink is 1 to 5000 ml, e.g. 250ml, 0.5l or “330 ml”\n" },
    { "log drink 0",
      "fresh-legs: “0” is nothing to drink; a drink is 1 to 5000 ml, e.g. 250ml, 0.5l or “330 ml”\n" },
    { "log drink -250ml",
      "fresh-legs: “-250ml” is less than nothing; a drink is 1 to 5000 ml, e.g. 250ml, 0.5l or “330 ml”\n" },
    { "log drink 250 ml please",
      "fresh-legs: “250 ml please” is not an amount to drink; a drink is 1 to 5000 ml, e.g. 250ml, 0.5l or “330 ml”\n" },
    { "log run --distance 8 --duration 45:00",
      "fresh-legs: “8” has no unit; a distance is a number with m, km or mi, e.g. 8km, 8000m, 8.5 km or 5mi\n" },
    { "log run --distance 8km --duration 45",
      "fresh-legs: “45” is not a duration; a duration is minutes:seconds or hours:minutes:seconds, "
      "e.g. 45:00, 80:00 or 1:20:00\n" },
    { "log run --distance 8km",
      "fresh-legs: “log run” needs --duration; usage: fresh-legs log run --distance 8km --duration 45:00 "
      "[--start TIME] [--rpe 0-10] [--temp °C] [--avg-hr BPM] [--cadence SPM]\n" },
    { "log drink 250ml --at 2026-02-30T10:00",
      "fresh-legs: “2026-02-30T10:00” is not understood for --at; it takes when you drank, e.g. "
      "2026-11-27T09:30, 2026-11-27T09:30:00+01:00 or 09:30 for today (default: now)\n" },
    { "profile --sex other",
      "fresh-legs: “other” is not understood for --sex; it takes female or male\n" },
    { "log drink 250ml --volume 3",
      "fresh-legs: Unknown option --volume; usage: fresh-legs log drink AMOUNT [--at TIME]\n" },
    { "frobnicate",
      "fresh-legs: “frobnicate” is not a command; commands are profile, log, today, routine, foods, import (see fresh-legs --help)\n" },
    { "log cooldown --steps-done 18",
      "fresh-legs: “18” is not understood for --steps-done; “post-run-10” has 1 to 17 stretches to hold\n" },
    { "routine yoga",
      "fresh-legs: There is no routine called “yoga”. See “fresh-legs routine --list”; "
      "a routine is named like post-run-10\n" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (run (f, cases[i].command_line), ==, FL_CLI_BAD_INPUT);
      g_assert_cmpstr (f->err, ==, cases[i].err);
    }

  /* Range checks come from the record: the message is the journal's */
  g_assert_cmpint (run (f, "log run --distance 8km --duration 45:00 --rpe 11"), ==, FL_CLI_BAD_INPUT);
  g_assert_true (g_str_has_prefix (f->err, "fresh-legs: Effort (RPE) is 0 to 10"));

  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* The limits the drink parser names are the journal's own */
static void
test_drink_limits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;

  run_ok (f, "log drink 1ml");
  run_ok (f, "log drink 5000ml");
  run_ok (f, "log drink 5l");
  g_assert_cmpint (run (f, "log drink 5001ml"), ==, FL_CLI_BAD_INPUT);

  saved = reload (f);
  g_assert_cmpuint (records (saved, FL_RECORD_DRINK)->len, ==, 3);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  const char *newer =
    "{\"format\": \"fresh-legs-journal\", \"version\": 99, \"drinks\": [], \"hovercraft\": {}}";
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;

  write_file (f->path, newer);
  open_store (f);
  g_assert_nonnull (fl_store_get_notice (f->store));

  g_assert_cmpint (run (f, "log drink 250ml"), ==, FL_CLI_FAILED);
  g_assert_cmpstr (f->out, ==, "");
  /* The notice, then what happened */
  lines = g_strsplit (f->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_cmpstr (lines[1], ==, "fresh-legs: the journal is open read-only, so nothing was logged");
  g_assert_cmpuint (records (f->store, FL_RECORD_DRINK)->len, ==, 0);

  g_assert_cmpint (run (f, "profile --sex male"), ==, FL_CLI_FAILED);
  g_assert_true (g_str_has_suffix (f->err, "fresh-legs: the journal is open read-only, so the profile was not changed\n"));

  /* Reading still works */
  g_assert_cmpint (run (f, "today --json"), ==, FL_CLI_OK);
  g_assert_true (g_str_has_prefix (f->out, "{\"date\":\"2026-11-27\""));
  g_assert_cmpuint (count_lines (f->err), ==, 1);

  after = file_contents (f->path);
  g_assert_cmpstr (after, ==, newer);
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  const char *notice;

  write_file (f->path, "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"drinks\": [");
  open_store (f);
  notice = fl_store_get_notice (f->store);
  g_assert_nonnull (notice);
  g_assert_nonnull (fl_store_get_moved_aside_path (f->store));

  run (f, "log drink 250ml");
  g_assert_true (g_str_has_prefix (f->err, notice) || strstr (f->err, fl_store_get_moved_aside_path (f->store)));
  g_assert_cmpuint (count_lines (f->err), ==, 1);
  g_assert_true (g_str_has_prefix (f->out, "Logged 250 ml at 14:05."));
  g_assert_true (g_file_test (fl_store_get_moved_aside_path (f->store), G_FILE_TEST_IS_REGULAR));
}

static void
test_save_failure (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *moved = g_strconcat (f->dir, ".moved", NULL);

  run_ok (f, "log drink 250ml --at 10:00");

  /* The folder turns into a file: no write can succeed, even as root */
  g_assert_cmpint (g_rename (f->dir, moved), ==, 0);
  write_file (f->dir, "not a folder");

  g_assert_cmpint (run (f, "log drink 500ml"), ==, FL_CLI_FAILED);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "fresh-legs: nothing was logged, because the journal could not be saved: "));
  g_assert_cmpuint (count_lines (f->err), ==, 1);
  /* Taken back out: a retry must not log it twice */
  g_assert_cmpuint (records (f->store, FL_RECORD_DRINK)->len, ==, 1);
  g_assert_cmpint (FL_DRINK (g_ptr_array_index (records (f->store, FL_RECORD_DRINK), 0))->ml, ==, 250);

  g_assert_cmpint (run (f, "profile --sex male"), ==, FL_CLI_FAILED);
  g_assert_true (g_str_has_prefix (f->err, "fresh-legs: the profile could not be saved: "));
  g_assert_cmpuint (count_lines (f->err), ==, 1);

  g_assert_cmpint (g_remove (f->dir), ==, 0);
  g_assert_cmpint (g_rename (moved, f->dir), ==, 0);
}

/* Inside the running app the store saves each change itself */
static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;

  fl_store_set_autosave (f->store, TRUE);
  run_ok (f, "log drink 250ml");
  g_assert_false (fl_journal_has_unsynced_changes (fl_store_get_journal (f->store)));

  saved = reload (f);
  g_assert_cmpuint (records (saved, FL_RECORD_DRINK)->len, ==, 1);
}

/* tests/import/NAME, quoted for run() */
static char *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", name, NULL);

  return g_shell_quote (path);
}

/* import: every file is tried, a broken one costs one stderr line and
 * exit 2, and an activity is never imported twice */
/* A command forwarded to the running instance names files relative to the
 * folder it was typed in, which fl_cli_run_in() is given */
static void
test_import_relative_to_cwd (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "import", NULL);
  char *argv[] = { (char *) "fresh-legs", (char *) "import", (char *) "--dry-run", (char *) "--json",
                   (char *) "garmin-gpxtpx.gpx", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  int status = fl_cli_run_in (f->store, FL_CLOCK (f->clock), folder, 5, argv, out, err);

  g_assert_cmpstr (err->str, ==, "");
  g_assert_cmpint (status, ==, FL_CLI_OK);
  /* Found though this process runs elsewhere; named as it was typed */
  g_assert_false (g_file_test ("garmin-gpxtpx.gpx", G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (out->str, "\"file\":\"garmin-gpxtpx.gpx\""));
  g_assert_nonnull (strstr (out->str, "\"points\":3"));
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *garmin = import_fixture ("garmin-gpxtpx.gpx");
  g_autofree char *broken = import_fixture ("not-xml.gpx");
  g_autofree char *two = import_fixture ("two-activities.tcx");
  g_autofree char *command = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *garmin_path = g_test_build_filename (G_TEST_DIST, "import", "garmin-gpxtpx.gpx", NULL);
  g_autofree char *two_path = g_test_build_filename (G_TEST_DIST, "import", "two-activities.tcx", NULL);
  g_autoptr(FlStore) saved = NULL;
  GPtrArray *runs;

  /* Dry run: JSON for the good file, the broken one on stderr, nothing stored */
  command = g_strdup_printf ("import --dry-run --json %s %s", garmin, broken);
  g_assert_cmpint (run (f, command), ==, FL_CLI_BAD_INPUT);
  expected = g_strdup_printf ("[{\"file\":\"%s\",\"start\":\"2026-11-20T06:30:00+00:00\",\"elapsed_s\":60,"
                              "\"moving_s\":60,\"distance_m\":222,\"avg_hr\":152,\"max_hr\":166,"
                              "\"avg_cadence_spm\":170,\"points\":3,\"sport\":\"running\"}]\n", garmin_path);
  g_assert_cmpstr (f->out, ==, expected);
  g_assert_nonnull (strstr (f->err, "not-xml.gpx: it cannot be read as GPX or TCX"));
  g_assert_true (g_str_has_prefix (f->err, "fresh-legs: "));
  g_assert_nonnull (strchr (f->err, '\n'));
  g_assert_cmpuint (count_lines (f->err), ==, 1);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* Stored: the broken file in the middle does not stop the others */
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("import %s %s %s", garmin, broken, two);
  g_assert_cmpint (run (f, command), ==, FL_CLI_BAD_INPUT);
  g_clear_pointer (&expected, g_free);
  /* Times in Europe/Berlin, the test's TZ */
  expected = g_strdup_printf ("%s: imported a run of 0.2 km in 1:00 from 2026-11-20 07:30\n"
                              "%s: imported a run of 0.1 km in 1:00 from 2026-11-20 07:00\n"
                              "%s: skipped 30.0 km in 1:00:00 from 2026-11-20 18:00: it is cycling, not a run\n",
                              garmin_path, two_path, two_path);
  g_assert_cmpstr (f->out, ==, expected);
  g_assert_nonnull (strstr (f->err, "not-xml.gpx"));

  saved = reload (f);
  runs = records (saved, FL_RECORD_RUN);
  g_assert_cmpuint (runs->len, ==, 2);
  assert_time (((FlRecord *) g_ptr_array_index (runs, 0))->time, "2026-11-20T06:00:00+00:00");
  g_assert_cmpstr (FL_RUN (g_ptr_array_index (runs, 0))->source, ==, "tcx");
  g_assert_cmpint (FL_RUN (g_ptr_array_index (runs, 0))->cadence_spm, ==, 120);
  g_assert_cmpstr (FL_RUN (g_ptr_array_index (runs, 1))->source, ==, "gpx");
  g_assert_cmpint (FL_RUN (g_ptr_array_index (runs, 1))->avg_hr, ==, 152);
  g_assert_cmpint (FL_RUN (g_ptr_array_index (runs, 1))->duration_s, ==, 60);

  /* Again: already imported, still two runs */
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("import %s", garmin);
  run_ok (f, command);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: 0.2 km in 1:00 from 2026-11-20 07:30, already imported\n", garmin_path);
  g_assert_cmpstr (f->out, ==, expected);
  g_clear_object (&saved);
  saved = reload (f);
  g_assert_cmpuint (records (saved, FL_RECORD_RUN)->len, ==, 2);

  /* No file, or --json without --dry-run: a usage line */
  g_assert_cmpint (run (f, "import"), ==, FL_CLI_BAD_INPUT);
  g_assert_nonnull (strstr (f->err, "usage: fresh-legs import"));
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("import --json %s", garmin);
  g_assert_cmpint (run (f, command), ==, FL_CLI_BAD_INPUT);
  g_assert_nonnull (strstr (f->err, "--json goes with --dry-run"));
}

/* The caller's argv is left as it was */
static void
test_argv_untouched (Fixture       *f,
                     gconstpointer  data)
{
  char *argv[] = { "fresh-legs", "log", "drink", "--at", "10:00", "330", "ml", NULL };
  char *copy[G_N_ELEMENTS (argv)];
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  memcpy (copy, argv, sizeof argv);
  g_assert_cmpint (fl_cli_run (f->store, FL_CLOCK (f->clock), G_N_ELEMENTS (argv) - 1, argv, out, err), ==, FL_CLI_OK);
  for (gsize i = 0; i < G_N_ELEMENTS (argv); i++)
    g_assert_true (argv[i] == copy[i]);
  g_assert_cmpstr (out->str, ==, "Logged 330 ml at 10:00. Today: 330 ml of 2.0 L.\n");
}

/* Iron: a food by id, by name or by a word; the day's total against the target */
static void
test_log_iron (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;
  GPtrArray *iron;
  FlIronIntake *intake;

  run_ok (f, "profile --sex female --birth-year 1996 --diet vegetarian --heavy-periods yes");
  run_ok (f, "log iron lentils");
  g_assert_cmpstr (f->out, ==,
                   "Logged Lentils, boiled, 1 × ½ cup (3.3 mg) at 14:05. Today: 3.3 mg of 32.4 mg.\n"
                   "Tip: Lentils, boiled had no vitamin C with it. Iron from plants is absorbed several times "
                   "better with vitamin C in the same meal: a pepper, an orange, broccoli or strawberries.\n");

  /* With a red pepper in the same meal the tip goes */
  run_ok (f, "log iron red-pepper-raw --at 13:50");
  g_assert_cmpstr (f->out, ==, "Logged Red bell pepper, raw, 1 × ½ cup (0.3 mg) at 13:50. Today: 3.6 mg of 32.4 mg.\n");

  run_ok (f, "log iron \"Spinach, boiled\" --portions 1/2 --at 2026-11-26T19:00");
  g_assert_cmpstr (f->out, ==,
                   "Logged Spinach, boiled, 0.5 × ½ cup (1.6 mg) at 2026-11-26 19:00. That day: 1.6 mg of 32.4 mg.\n"
                   "Tip: Spinach, boiled had no vitamin C with it. Iron from plants is absorbed several times "
                   "better with vitamin C in the same meal: a pepper, an orange, broccoli or strawberries.\n");
  run_ok (f, "log iron kidney beans --portions 2");

  saved = reload (f);
  iron = records (saved, FL_RECORD_IRON);
  g_assert_cmpuint (iron->len, ==, 4);
  intake = FL_IRON_INTAKE (g_ptr_array_index (iron, 0));
  g_assert_cmpstr (intake->food, ==, "spinach-cooked");
  g_assert_cmpfloat (intake->portions, ==, 0.5);
  g_assert_cmpfloat (intake->mg, ==, 1.6);
  assert_time (intake->parent.time, "2026-11-26T19:00:00+01:00");
  intake = FL_IRON_INTAKE (g_ptr_array_index (iron, 3));
  g_assert_cmpstr (intake->food, ==, "kidney-beans-canned");
  g_assert_cmpfloat (intake->mg, ==, 4.0);
  assert_time (intake->parent.time, NOW);
}

static void
test_log_iron_ambiguous (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *before = NULL;

  run_ok (f, "log drink 250ml");
  before = file_contents (f->path);
  g_assert_cmpint (run (f, "log iron beans"), ==, FL_CLI_BAD_INPUT);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpstr (f->err, ==,
                   "fresh-legs: “beans” matches several foods; say which, by id or more words: "
                   "white-beans-canned (White beans, canned), kidney-beans-canned (Kidney beans, canned), "
                   "black-beans-cooked (Black beans, boiled)\n");

  g_assert_cmpint (run (f, "log iron lentls"), ==, FL_CLI_BAD_INPUT);
  g_assert_cmpstr (f->err, ==, "fresh-legs: No food matches “lentls”; the closest are: lentils-cooked (Lentils, boiled)\n");
  g_assert_cmpuint (records (f->store, FL_RECORD_IRON)->len, ==, 0);
  {
    g_autofree char *after = file_contents (f->path);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_log_ferritin (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FlStore) saved = NULL;
  GPtrArray *results;

  run_ok (f, "log ferritin 45 --date 2026-06-01");
  g_assert_cmpstr (f->out, ==, "Logged ferritin 45 µg/L for 2026-06-01: not low.\n"
                   "This is information, not medical advice.\n");
  run_ok (f, "log ferritin 24ug/L --date 2026-10-02");
  g_assert_cmpstr (f->out, ==, "Logged ferritin 24 µg/L for 2026-10-02: low.\n"
                   "Your last ferritin result, 24 µg/L, reads “low”. A blood test with your GP can tell "
                   "whether your iron stores are filling up.\n"
                   "This is information, not medical advice.\n");
  run_ok (f, "log ferritin 12");
  g_assert_true (g_str_has_prefix (f->out, "Logged ferritin 12 µg/L for 2026-11-27: empty stores.\n"));

  saved = reload (f);
  results = records (saved, FL_RECORD_FERRITIN);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpfloat (FL_FERRITIN (g_ptr_array_index (results, 1))->ug_per_l, ==, 24);
  assert_time (((FlRecord *) g_ptr_array_index (results, 1))->time, "2026-10-02T00:00:00+02:00");
}

static void
test_foods (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *own = g_build_filename (f->dir, "foods.json", NULL);
  JsonArray *array;

  run_ok (f, "foods --search spin");
  g_assert_cmpstr (f->out, ==, "spinach-cooked             Spinach, boiled — ½ cup (90 g): 3.2 mg\n");
  run_ok (f, "foods");
  g_assert_cmpuint (count_lines (f->out), >=, 40);
  run_ok (f, "foods xyzzy");
  g_assert_cmpstr (f->out, ==, "No food matches “xyzzy”.\n");

  run_ok (f, "foods beef --json");
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "id"), ==, "beef-cooked");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 1), "heme"));

  /* A food of one's own: saved beside the journal, then loggable */
  g_assert_false (g_file_test (own, G_FILE_TEST_EXISTS));
  run_ok (f, "foods --add \"Lentil soup\" --portion \"1 bowl\" --grams 300 --mg 4.5");
  g_assert_cmpstr (f->out, ==, "Added your own food:\n"
                   "own-lentil-soup            Lentil soup — 1 bowl (300 g): 4.5 mg (yours)\n");
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  run_ok (f, "log iron soup --portions 2");
  g_assert_true (g_str_has_prefix (f->out, "Logged Lentil soup, 2 × 1 bowl (9.0 mg) at 14:05."));
  g_remove (own);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/cli/is-command", test_is_command);
  g_test_add_func ("/fl/cli/parse/volume", test_parse_volume);
  g_test_add_func ("/fl/cli/parse/distance", test_parse_distance);
  g_test_add_func ("/fl/cli/parse/duration", test_parse_duration);
#define ADD(path, func) \
  g_test_add ("/fl/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("help", test_help);
  ADD ("log-drink", test_log_drink);
  ADD ("log-drink/limits", test_drink_limits);
  ADD ("log-run", test_log_run);
  ADD ("log-sleep", test_log_sleep);
  ADD ("profile", test_profile);
  ADD ("today", test_today);
  ADD ("routine", test_routine);
  ADD ("log-cooldown", test_log_cooldown);
  ADD ("routine/import", test_routine_import);
  ADD ("bad-input/stores-nothing", test_bad_input);
  ADD ("bad-input/messages", test_bad_input_messages);
  ADD ("journal/read-only", test_read_only);
  ADD ("journal/damaged", test_damaged);
  ADD ("journal/save-failure", test_save_failure);
  ADD ("journal/autosave", test_autosave);
  ADD ("argv-untouched", test_argv_untouched);
  ADD ("log-iron", test_log_iron);
  ADD ("log-iron/ambiguous", test_log_iron_ambiguous);
  ADD ("log-ferritin", test_log_ferritin);
  ADD ("foods", test_foods);
  ADD ("import", test_import);
  ADD ("import/relative-to-cwd", test_import_relative_to_cwd);
#undef ADD

  return g_test_run ();
}
