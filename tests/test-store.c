/* test-store.c: the journal file on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fl-store.h"
#include "fl-test-clock.h"

typedef struct
{
  char        *dir;             /* the temporary folder */
  char        *folder;          /* dir/fresh-legs */
  char        *path;            /* dir/fresh-legs/journal.json */
  FlTestClock *clock;
} Fixture;

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("fl-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->folder = g_build_filename (fixture->dir, "fresh-legs", NULL);
  fixture->path = g_build_filename (fixture->folder, "journal.json", NULL);
  fixture->clock = fl_test_clock_new ("2026-11-27T07:30:00+01:00");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_object (&fixture->clock);
  g_free (fixture->path);
  g_free (fixture->folder);
  g_free (fixture->dir);
}

static FlStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FlStore *store = fl_store_new (fixture->path, FL_CLOCK (fixture->clock));

  g_assert_true (fl_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static JsonObject *
read_json (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (bytes, NULL), &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static GDateTime *
time_at (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

static char *
add_drink (FlJournal  *journal,
           const char *iso8601,
           int         ml)
{
  g_autoptr(GDateTime) time = time_at (iso8601);
  g_autoptr(FlRecord) drink = fl_drink_new (time, ml);
  g_autoptr(GError) error = NULL;

  g_assert_true (fl_journal_add (journal, drink, &error));
  g_assert_no_error (error);
  return g_strdup (drink->id);
}

static guint
total_ml (FlJournal *journal)
{
  GPtrArray *drinks = fl_journal_get_records (journal, FL_RECORD_DRINK);
  guint total = 0;

  for (guint i = 0; i < drinks->len; i++)
    total += FL_DRINK (g_ptr_array_index (drinks, i))->ml;
  return total;
}

static void
count_changed_cb (FlJournal *journal,
                  guint     *count)
{
  (*count)++;
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Root writes into read-only folders; tests of refusal only mean something
 * when this process is refused. */
static gboolean
can_write_in (const char *folder)
{
  g_autofree char *probe = g_build_filename (folder, ".probe", NULL);
  int fd = g_open (probe, O_WRONLY | O_CREAT | O_EXCL, 0600);

  if (fd < 0)
    return FALSE;
  close (fd);
  g_unlink (probe);
  return TRUE;
}

static const char valid_journal[] =
  "{\"format\": \"fresh-legs-journal\", \"version\": 1,"
  " \"drinks\": [{\"id\": \"z\", \"time\": \"2026-11-26T09:00:00+01:00\", \"ml\": 250},"
  "              {\"id\": \"w\", \"time\": \"2026-11-26T12:00:00+01:00\", \"ml\": 500}]}";

static void
test_default_path (void)
{
  g_autofree char *path = fl_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "fresh-legs",
                                                "journal.json", NULL);
  g_autoptr(FlStore) store = fl_store_new (NULL, NULL);

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (fl_store_get_path (store), ==, expected);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FlStore) store = open_store (fixture);
  FlJournal *journal = fl_store_get_journal (store);

  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    g_assert_cmpuint (fl_journal_get_records (journal, kind)->len, ==, 0);
  g_assert_null (fl_store_get_notice (store));
  g_assert_null (fl_store_get_moved_aside_path (store));
  g_assert_false (fl_journal_get_read_only (journal));
  /* Loading writes nothing */
  g_assert_false (g_file_test (fixture->folder, G_FILE_TEST_EXISTS));
}

/* Every kind, the profile and the reminders survive a save and a load */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FlStore) store = open_store (fixture);
  g_autoptr(FlStore) reopened = NULL;
  FlJournal *journal = fl_store_get_journal (store);
  g_autoptr(GDateTime) start = time_at ("2026-11-27T07:30:00+01:00");
  g_autoptr(GDateTime) bed = time_at ("2026-11-26T23:10:00+01:00");
  g_autoptr(GDateTime) wake = time_at ("2026-11-27T06:40:00+01:00");
  g_autoptr(GDateTime) cool_end = time_at ("2026-11-27T08:25:00+01:00");
  g_autoptr(GDateTime) lunch = time_at ("2026-11-27T12:30:00+01:00");
  g_autoptr(GDateTime) fired = time_at ("2026-11-27T10:30:00+01:00");
  g_autoptr(FlRecord) run = fl_run_new (start, 2700, 8000);
  g_autoptr(FlRecord) sleep = fl_record_new (FL_RECORD_SLEEP, bed);
  g_autoptr(FlRecord) iron = fl_record_new (FL_RECORD_IRON, lunch);
  g_autoptr(FlRecord) cooldown = fl_record_new (FL_RECORD_COOLDOWN, cool_end);
  g_autoptr(FlRecord) checkin = fl_record_new (FL_RECORD_CHECKIN, lunch);
  g_autoptr(FlRecord) ferritin = fl_record_new (FL_RECORD_FERRITIN, lunch);
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *drink_id = NULL;
  FlReminderState reminder = { fired, NULL };
  FlReminderState state = { NULL, NULL };
  FlProfile profile;

  FL_RUN (run)->rpe = 5;
  FL_RUN (run)->temperature_c = 28;
  FL_RUN (run)->note = g_strdup ("hot, hilly");
  FL_SLEEP (sleep)->end = g_date_time_ref (wake);
  FL_IRON_INTAKE (iron)->food = g_strdup ("lentils-cooked");
  FL_IRON_INTAKE (iron)->mg = 3.3;
  g_date_time_unref (cooldown->time);
  cooldown->time = g_date_time_add_minutes (cool_end, -10);
  FL_COOLDOWN (cooldown)->end = g_date_time_ref (cool_end);
  FL_COOLDOWN (cooldown)->routine = g_strdup ("post-run-10");
  FL_COOLDOWN (cooldown)->steps_total = 16;
  FL_COOLDOWN (cooldown)->steps_done = 12;
  FL_CHECKIN (checkin)->legs = 4;
  FL_FERRITIN (ferritin)->ug_per_l = 24;

  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_true (fl_journal_add (journal, sleep, &error));
  g_assert_true (fl_journal_add (journal, iron, &error));
  g_assert_true (fl_journal_add (journal, cooldown, &error));
  g_assert_true (fl_journal_add (journal, checkin, &error));
  g_assert_true (fl_journal_add (journal, ferritin, &error));
  g_assert_no_error (error);
  drink_id = add_drink (journal, "2026-11-27T09:00:00+01:00", 250);

  fl_profile_init_defaults (&profile);
  profile.sex = FL_SEX_FEMALE;
  profile.birth_year = 1988;
  profile.weight_kg = 61;
  profile.diet = FL_DIET_VEGAN;
  profile.heavy_periods = TRUE;
  g_assert_true (fl_journal_set_profile (journal, &profile, &error));
  fl_journal_set_reminder_state (journal, "drink", &reminder);

  g_assert_true (fl_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_false (fl_journal_has_unsynced_changes (journal));

  reopened = open_store (fixture);
  before = fl_journal_to_json (journal);
  after = fl_journal_to_json (fl_store_get_journal (reopened));
  g_assert_true (json_node_equal (before, after));

  /* and the figures a user would see */
  journal = fl_store_get_journal (reopened);
  g_assert_cmpuint (total_ml (journal), ==, 250);
  g_assert_nonnull (fl_journal_lookup (journal, FL_RECORD_DRINK, drink_id));
  g_assert_cmpint (FL_CHECKIN (fl_journal_lookup (journal, FL_RECORD_CHECKIN, "2026-11-27"))->legs, ==, 4);
  g_assert_cmpstr (FL_RUN (g_ptr_array_index (fl_journal_get_records (journal, FL_RECORD_RUN), 0))->note, ==, "hot, hilly");
  g_assert_cmpint (fl_journal_get_profile (journal)->diet, ==, FL_DIET_VEGAN);
  g_assert_true (fl_journal_get_profile (journal)->is_set);
  fl_journal_get_reminder_state (journal, "drink", &state);
  g_assert_true (g_date_time_equal (state.last_fired, fired));
  fl_reminder_state_clear (&state);
}

/* Members a later Fresh Legs writes survive this one's save */
static void
test_unknown_members_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FlStore) store = NULL;
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  JsonObject *drink;

  write_file (fixture->path,
              "{\"format\": \"fresh-legs-journal\", \"version\": 1,"
              " \"goals\": {\"weekly_km\": 40},"
              " \"profile\": {\"sex\": \"male\", \"shoe_size\": 44},"
              " \"drinks\": [{\"id\": \"a\", \"time\": \"2026-11-27T06:00:00+01:00\", \"ml\": 200,"
              "               \"kind\": \"tea\"}],"
              " \"reminders\": {\"drink\": {\"last_fired\": null, \"snoozed_until\": null, \"n\": 2}}}");
  store = open_store (fixture);
  id = add_drink (fl_store_get_journal (store), "2026-11-27T08:00:00+01:00", 300);
  g_assert_true (fl_store_save (store, &error));
  g_assert_no_error (error);

  saved = read_json (fixture->path);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (saved, "goals"), "weekly_km"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (saved, "profile"), "shoe_size"), ==, 44);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (saved, "profile"), "sex"), ==, "male");
  drink = json_array_get_object_element (json_object_get_array_member (saved, "drinks"), 0);
  g_assert_cmpstr (json_object_get_string_member (drink, "kind"), ==, "tea");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (saved, "drinks")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (saved, "reminders"), "drink"), "n"), ==, 2);
}

/* Health data: the folder 0700, the file 0600, even where they were wider */
static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FlStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  id = add_drink (fl_store_get_journal (store), "2026-11-27T08:00:00+01:00", 300);
  g_assert_true (fl_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_cmphex (mode_of (fixture->folder), ==, 0700);
  g_assert_cmphex (mode_of (fixture->path), ==, 0600);

  g_assert_cmpint (g_chmod (fixture->folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_clear_pointer (&id, g_free);
  id = add_drink (fl_store_get_journal (store), "2026-11-27T09:00:00+01:00", 300);
  g_assert_true (fl_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_cmphex (mode_of (fixture->folder), ==, 0700);
  g_assert_cmphex (mode_of (fixture->path), ==, 0600);

  /* A file made readable by others is tightened when it is opened */
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_clear_object (&store);
  store = open_store (fixture);
  g_assert_cmphex (mode_of (fixture->path), ==, 0600);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

typedef struct
{
  const char *name;
  const char *contents;
} DamagedCase;

/* A file that does not parse is moved aside whole, and the runner is told where */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  static const DamagedCase cases[] = {
    { "not JSON", "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"drinks\": [" },
    { "empty", "" },
    { "not an object", "[{\"ml\": 250}]" },
    { "another format", "{\"format\": \"fresh-arms\", \"version\": 1}" },
    { "a record out of range",
      "{\"format\": \"fresh-legs-journal\", \"version\": 1,"
      " \"drinks\": [{\"time\": \"2026-11-27T09:00:00+01:00\", \"ml\": 0}]}" },
    { "a date that does not exist",
      "{\"format\": \"fresh-legs-journal\", \"version\": 1,"
      " \"checkins\": [{\"date\": \"2026-02-30\", \"legs\": 3}]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FlStore) store = fl_store_new (fixture->path, FL_CLOCK (fixture->clock));
      g_autoptr(GBytes) moved = NULL;
      g_autoptr(GBytes) original = g_bytes_new_static (cases[i].contents, strlen (cases[i].contents));
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strconcat (fixture->path, ".damaged-20261127-073000", NULL);
      g_autofree char *id = NULL;
      guint notified = 0;

      g_test_message ("%s", cases[i].name);
      write_file (fixture->path, cases[i].contents);
      g_signal_connect (store, "notify::notice", G_CALLBACK (count_notify), &notified);

      g_assert_true (fl_store_load (store, &error));
      g_assert_no_error (error);

      g_assert_cmpstr (fl_store_get_moved_aside_path (store), ==, expected);
      g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
      moved = read_bytes (expected);
      g_assert_true (g_bytes_equal (moved, original));

      g_assert_cmpuint (notified, ==, 1);
      g_assert_nonnull (fl_store_get_notice (store));
      g_assert_nonnull (strstr (fl_store_get_notice (store), expected));
      g_assert_cmpuint (fl_journal_get_records (fl_store_get_journal (store), FL_RECORD_DRINK)->len, ==, 0);
      g_assert_false (fl_journal_get_read_only (fl_store_get_journal (store)));

      /* Starting afresh writes a new journal and leaves the damaged one alone */
      id = add_drink (fl_store_get_journal (store), "2026-11-27T08:00:00+01:00", 250);
      g_assert_true (fl_store_save (store, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
      g_clear_pointer (&moved, g_bytes_unref);
      moved = read_bytes (expected);
      g_assert_true (g_bytes_equal (moved, original));

      g_unlink (expected);
      g_unlink (fixture->path);
    }
}

/* Never overwrite anything: a second damaged file in the same second gets its own name */
static void
test_damaged_twice (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = g_strconcat (fixture->path, ".damaged-20261127-073000", NULL);
  g_autofree char *second = g_strconcat (fixture->path, ".damaged-20261127-073000-2", NULL);
  g_autoptr(FlStore) a = fl_store_new (fixture->path, FL_CLOCK (fixture->clock));
  g_autoptr(FlStore) b = fl_store_new (fixture->path, FL_CLOCK (fixture->clock));
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(FlStore) later = NULL;
  g_autofree char *third = NULL;

  write_file (fixture->path, "first damaged");
  g_assert_true (fl_store_load (a, NULL));
  write_file (fixture->path, "second damaged");
  g_assert_true (fl_store_load (b, NULL));

  g_assert_cmpstr (fl_store_get_moved_aside_path (a), ==, first);
  g_assert_cmpstr (fl_store_get_moved_aside_path (b), ==, second);
  first_bytes = read_bytes (first);
  second_bytes = read_bytes (second);
  g_assert_cmpstr (g_bytes_get_data (first_bytes, NULL), ==, "first damaged");
  g_assert_cmpstr (g_bytes_get_data (second_bytes, NULL), ==, "second damaged");

  /* The name follows the clock, in local time */
  fl_test_clock_advance (fixture->clock, 90 * G_TIME_SPAN_MINUTE + 5 * G_TIME_SPAN_SECOND);
  write_file (fixture->path, "third damaged");
  later = fl_store_new (fixture->path, FL_CLOCK (fixture->clock));
  g_assert_true (fl_store_load (later, NULL));
  third = g_strconcat (fixture->path, ".damaged-20261127-090005", NULL);
  g_assert_cmpstr (fl_store_get_moved_aside_path (later), ==, third);
}

/* A newer version opens read-only and is never written over */
static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char newer[] =
    "{\"format\": \"fresh-legs-journal\", \"version\": 2,"
    " \"drinks\": [{\"id\": \"a\", \"time\": \"2026-11-27T06:00:00+01:00\", \"ml\": 200}],"
    " \"hydration_v2\": {\"goal\": \"adaptive\"}}";
  g_autoptr(FlStore) store = fl_store_new (fixture->path, FL_CLOCK (fixture->clock));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = time_at ("2026-11-27T08:00:00+01:00");
  g_autoptr(FlRecord) drink = fl_drink_new (time, 250);
  FlJournal *journal;

  write_file (fixture->path, newer);
  before = read_bytes (fixture->path);

  g_assert_true (fl_store_load (store, &error));
  g_assert_no_error (error);
  journal = fl_store_get_journal (store);
  g_assert_true (fl_journal_get_read_only (journal));
  g_assert_cmpuint (total_ml (journal), ==, 200);
  g_assert_null (fl_store_get_moved_aside_path (store));
  g_assert_nonnull (fl_store_get_notice (store));
  g_assert_nonnull (strstr (fl_store_get_notice (store), "newer version"));
  g_assert_nonnull (strstr (fl_store_get_notice (store), "read-only"));

  g_assert_false (fl_journal_add (journal, drink, &error));
  g_assert_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (fl_store_save (store, &error));
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_READ_ONLY);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Another copy of the app changed the file after we read it: both sides'
 * drinks are kept, and what we removed stays removed. */
static void
test_merge_other_process (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(FlStore) ours = NULL;
  g_autoptr(FlStore) theirs = NULL;
  g_autoptr(FlStore) check = NULL;
  g_autoptr(FlRecord) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *their_id = NULL;
  g_autofree char *our_id = NULL;
  g_autofree char *late_id = NULL;
  FlJournal *our_journal;
  FlJournal *journal;
  guint changed = 0;

  write_file (fixture->path, valid_journal);
  ours = open_store (fixture);
  theirs = open_store (fixture);
  our_journal = fl_store_get_journal (ours);

  their_id = add_drink (fl_store_get_journal (theirs), "2026-11-27T10:00:00+01:00", 400);
  g_assert_true (fl_store_save (theirs, &error));
  g_assert_no_error (error);

  our_id = add_drink (our_journal, "2026-11-27T11:00:00+01:00", 150);
  removed = fl_journal_remove (our_journal, FL_RECORD_DRINK, "z");
  g_assert_nonnull (removed);
  g_signal_connect (our_journal, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_true (fl_store_save (ours, &error));
  g_assert_no_error (error);

  /* Our journal object took their drink in, and said so */
  g_assert_true (fl_store_get_journal (ours) == our_journal);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (fl_journal_lookup (our_journal, FL_RECORD_DRINK, their_id));
  g_assert_cmpuint (total_ml (our_journal), ==, 500 + 400 + 150);

  check = open_store (fixture);
  journal = fl_store_get_journal (check);
  g_assert_nonnull (fl_journal_lookup (journal, FL_RECORD_DRINK, their_id));
  g_assert_nonnull (fl_journal_lookup (journal, FL_RECORD_DRINK, our_id));
  g_assert_nonnull (fl_journal_lookup (journal, FL_RECORD_DRINK, "w"));
  g_assert_null (fl_journal_lookup (journal, FL_RECORD_DRINK, "z"));
  g_assert_cmpuint (total_ml (journal), ==, 1050);

  /* The other copy saves again: it still has "z" in memory, but did not
   * remove it itself, so our removal stands. */
  late_id = add_drink (fl_store_get_journal (theirs), "2026-11-27T12:00:00+01:00", 100);
  g_assert_true (fl_store_save (theirs, &error));
  g_assert_no_error (error);
  g_clear_object (&check);
  check = open_store (fixture);
  journal = fl_store_get_journal (check);
  g_assert_null (fl_journal_lookup (journal, FL_RECORD_DRINK, "z"));
  g_assert_cmpuint (total_ml (journal), ==, 1150);
  g_assert_cmpuint (total_ml (fl_store_get_journal (theirs)), ==, 1150);
}

/* The other side wrote something that does not parse: it goes aside, ours is written */
static void
test_merge_damaged_theirs (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FlStore) ours = NULL;
  g_autoptr(FlStore) check = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strconcat (fixture->path, ".damaged-20261127-073000", NULL);
  g_autofree char *id = NULL;

  write_file (fixture->path, valid_journal);
  ours = open_store (fixture);
  write_file (fixture->path, "{ half written");

  id = add_drink (fl_store_get_journal (ours), "2026-11-27T11:00:00+01:00", 150);
  g_assert_true (fl_store_save (ours, &error));
  g_assert_no_error (error);

  moved = read_bytes (expected);
  g_assert_cmpstr (g_bytes_get_data (moved, NULL), ==, "{ half written");
  g_assert_nonnull (strstr (fl_store_get_notice (ours), expected));

  check = open_store (fixture);
  g_assert_cmpuint (total_ml (fl_store_get_journal (check)), ==, 900);
}

static void
on_save_failed (FlStore *store,
                GError  *error,
                GError **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

/* With autosave every change is on disk at once, merges included */
static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FlStore) ours = NULL;
  g_autoptr(FlStore) theirs = NULL;
  g_autoptr(FlStore) check = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  write_file (fixture->path, valid_journal);
  ours = open_store (fixture);
  theirs = open_store (fixture);
  fl_store_set_autosave (ours, TRUE);
  fl_store_set_autosave (theirs, TRUE);
  g_signal_connect (ours, "save-failed", G_CALLBACK (on_save_failed), &failure);

  a = add_drink (fl_store_get_journal (ours), "2026-11-27T09:00:00+01:00", 100);
  check = open_store (fixture);
  g_assert_cmpuint (total_ml (fl_store_get_journal (check)), ==, 850);
  g_assert_false (fl_journal_has_unsynced_changes (fl_store_get_journal (ours)));

  /* Theirs saves on top (a merge, which emits "changed" inside the save) */
  b = add_drink (fl_store_get_journal (theirs), "2026-11-27T10:00:00+01:00", 200);
  c = add_drink (fl_store_get_journal (ours), "2026-11-27T11:00:00+01:00", 300);
  g_assert_null (failure);
  g_clear_object (&check);
  check = open_store (fixture);
  g_assert_cmpuint (total_ml (fl_store_get_journal (check)), ==, 1350);
  g_assert_cmpuint (total_ml (fl_store_get_journal (ours)), ==, 1350);

  /* Off: changes stay in memory only */
  fl_store_set_autosave (ours, FALSE);
  g_clear_pointer (&a, g_free);
  a = add_drink (fl_store_get_journal (ours), "2026-11-27T12:00:00+01:00", 50);
  g_clear_object (&check);
  check = open_store (fixture);
  g_assert_cmpuint (total_ml (fl_store_get_journal (check)), ==, 1350);
  g_assert_true (fl_journal_has_unsynced_changes (fl_store_get_journal (ours)));
}

typedef struct
{
  FlJournal *journal;
  guint      calls;
  char      *added;
} Nested;

/* A listener that, on the first "changed" it hears, logs another drink:
 * with a merge under way that "changed" comes from inside the save. */
static void
add_inside_changed (FlJournal *journal,
                    Nested    *nested)
{
  if (nested->calls++ == 0)
    nested->added = add_drink (journal, "2026-11-27T13:00:00+01:00", 70);
}

static void
test_autosave_reentrant (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FlStore) ours = NULL;
  g_autoptr(FlStore) theirs = NULL;
  g_autoptr(FlStore) check = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  Nested nested = { NULL, 0, NULL };
  FlJournal *journal;

  write_file (fixture->path, valid_journal);
  ours = open_store (fixture);
  theirs = open_store (fixture);
  journal = fl_store_get_journal (ours);
  fl_store_set_autosave (ours, TRUE);
  g_signal_connect (ours, "save-failed", G_CALLBACK (on_save_failed), &failure);

  a = add_drink (fl_store_get_journal (theirs), "2026-11-27T10:00:00+01:00", 200);
  g_assert_true (fl_store_save (theirs, NULL));

  g_signal_connect (journal, "changed", G_CALLBACK (add_inside_changed), &nested);
  b = add_drink (journal, "2026-11-27T11:00:00+01:00", 300);
  g_assert_null (failure);
  g_assert_nonnull (nested.added);

  check = open_store (fixture);
  g_assert_nonnull (fl_journal_lookup (fl_store_get_journal (check), FL_RECORD_DRINK, a));
  g_assert_nonnull (fl_journal_lookup (fl_store_get_journal (check), FL_RECORD_DRINK, b));
  g_assert_nonnull (fl_journal_lookup (fl_store_get_journal (check), FL_RECORD_DRINK, nested.added));
  g_assert_cmpuint (total_ml (fl_store_get_journal (check)), ==, 750 + 200 + 300 + 70);
  g_assert_false (fl_journal_has_unsynced_changes (journal));
  g_free (nested.added);
}

static void
test_autosave_failure (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "journal.json", NULL);
  g_autoptr(FlStore) store = fl_store_new (path, FL_CLOCK (fixture->clock));
  g_autoptr(GError) failure = NULL;
  g_autofree char *id = NULL;

  write_file (blocker, "a file where the folder should be");
  fl_store_set_autosave (store, TRUE);
  g_signal_connect (store, "save-failed", G_CALLBACK (on_save_failed), &failure);

  id = add_drink (fl_store_get_journal (store), "2026-11-27T09:00:00+01:00", 100);
  g_assert_error (failure, FL_STORE_ERROR, FL_STORE_ERROR_IO);
  g_assert_nonnull (strstr (failure->message, path));
  /* The change stays in memory, to be saved later */
  g_assert_cmpuint (total_ml (fl_store_get_journal (store)), ==, 100);
  g_assert_true (fl_journal_has_unsynced_changes (fl_store_get_journal (store)));
}

/* A folder the app may not write in: a clear error, the old file whole */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FlStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean writable;

  write_file (fixture->path, valid_journal);
  store = open_store (fixture);
  before = read_bytes (fixture->path);

  g_assert_cmpint (g_chmod (fixture->folder, 0500), ==, 0);
  writable = can_write_in (fixture->folder);
  if (writable)
    {
      g_chmod (fixture->folder, 0700);
      g_test_skip ("This process writes into read-only folders (running as root); "
                   "/fl/store/failed-write covers the failure path.");
      return;
    }

  id = add_drink (fl_store_get_journal (store), "2026-11-27T09:00:00+01:00", 100);
  g_assert_false (fl_store_save (store, &error));
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_chmod (fixture->folder, 0700);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  /* Nothing lost in memory either: it saves once the folder is writable */
  g_clear_error (&error);
  g_assert_true (fl_store_save (store, &error));
  g_assert_no_error (error);
}

/* A write that fails half-way (the file size limit, which holds for root
 * too) leaves the old file exactly as it was. */
static void
test_failed_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FlStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  gboolean saved;

  write_file (fixture->path, valid_journal);
  store = open_store (fixture);
  before = read_bytes (fixture->path);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *time = g_strdup_printf ("2026-11-27T%02u:00:00+01:00", i + 1);
      g_autofree char *id = add_drink (fl_store_get_journal (store), time, 100 + i);
    }

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = g_bytes_get_size (before) + 16;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  saved = fl_store_save (store, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (saved);
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO);
  g_test_message ("%s", error->message);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (fl_journal_has_unsynced_changes (fl_store_get_journal (store)));

  /* No temporary file left behind */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->folder, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  g_clear_error (&error);
  g_assert_true (fl_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_false (fl_journal_has_unsynced_changes (fl_store_get_journal (store)));
}

/* Where the folder should be there is a file: the save fails, the file is untouched */
static void
test_folder_is_a_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(FlStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  write_file (fixture->folder, "someone's notes");
  before = read_bytes (fixture->folder);
  path = g_build_filename (fixture->folder, "journal.json", NULL);
  store = fl_store_new (path, FL_CLOCK (fixture->clock));

  id = add_drink (fl_store_get_journal (store), "2026-11-27T09:00:00+01:00", 100);
  g_assert_false (fl_store_save (store, &error));
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO);
  after = read_bytes (fixture->folder);
  g_assert_true (g_bytes_equal (before, after));
}

/* Where the file should be there is a folder: it cannot be read or replaced */
static void
test_path_is_a_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *inside = g_build_filename (fixture->path, "keep.txt", NULL);
  g_autoptr(FlStore) store = fl_store_new (fixture->path, FL_CLOCK (fixture->clock));
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  write_file (inside, "precious");

  g_assert_false (fl_store_load (store, &error));
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO);
  g_clear_error (&error);

  id = add_drink (fl_store_get_journal (store), "2026-11-27T09:00:00+01:00", 100);
  g_assert_false (fl_store_save (store, &error));
  g_assert_error (error, FL_STORE_ERROR, FL_STORE_ERROR_IO);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
  after = read_bytes (inside);
  g_assert_cmpstr (g_bytes_get_data (after, NULL), ==, "precious");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/store/default-path", test_default_path);
  ADD ("/fl/store/missing-file", test_missing_file);
  ADD ("/fl/store/round-trip", test_round_trip);
  ADD ("/fl/store/unknown-members-kept", test_unknown_members_kept);
  ADD ("/fl/store/permissions", test_permissions);
  ADD ("/fl/store/damaged-moved-aside", test_damaged);
  ADD ("/fl/store/damaged-never-overwrites", test_damaged_twice);
  ADD ("/fl/store/newer-version-read-only", test_newer_version);
  ADD ("/fl/store/merge-other-process", test_merge_other_process);
  ADD ("/fl/store/merge-damaged-theirs", test_merge_damaged_theirs);
  ADD ("/fl/store/autosave", test_autosave);
  ADD ("/fl/store/autosave-reentrant", test_autosave_reentrant);
  ADD ("/fl/store/autosave-failure", test_autosave_failure);
  ADD ("/fl/store/read-only-folder", test_read_only_folder);
  ADD ("/fl/store/failed-write", test_failed_write);
  ADD ("/fl/store/folder-is-a-file", test_folder_is_a_file);
  ADD ("/fl/store/path-is-a-folder", test_path_is_a_folder);

  return g_test_run ();
}
