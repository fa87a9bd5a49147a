/* test-today.c: the day in one object, and in sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "fl-today.h"

static void
add_run (FlJournal  *journal,
         const char *start,
         int         minutes,
         double      temperature_c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (start, NULL);
  g_autoptr(FlRecord) run = fl_run_new (time, minutes * 60, 8000);

  FL_RUN (run)->temperature_c = temperature_c;
  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

static void
add_drink (FlJournal  *journal,
           const char *time_iso,
           int         ml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (time_iso, NULL);
  g_autoptr(FlRecord) drink = fl_drink_new (time, ml);

  g_assert_true (fl_journal_add (journal, drink, &error));
  g_assert_no_error (error);
}

/* A woman who ran an hour at 28 °C on the morning of 2026-11-27 and drank
 * 750 ml; a drink the evening before and one the day after don't count. */
static FlJournal *
constructed_journal (void)
{
  g_autoptr(GError) error = NULL;
  FlJournal *journal = fl_journal_new ();
  FlProfile profile;

  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = FL_SEX_FEMALE;
  profile.birth_year = 1990;
  profile.weight_kg = 60.0;
  g_assert_true (fl_journal_set_profile (journal, &profile, &error));
  g_assert_no_error (error);

  add_run (journal, "2026-11-27T07:30:00+01:00", 60, 28);
  add_drink (journal, "2026-11-26T23:50:00+01:00", 400);
  add_drink (journal, "2026-11-27T09:00:00+01:00", 250);
  add_drink (journal, "2026-11-27T12:30:00+01:00", 500);
  add_drink (journal, "2026-11-28T00:10:00+01:00", 330);

  return journal;
}

static char *
today_json (FlJournal *journal,
            int        year,
            int        month,
            int        day)
{
  g_autoptr(JsonNode) node = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  node = fl_today_build_json (journal, &date);
  g_assert_nonnull (node);

  return json_to_string (node, FALSE);
}

static void
test_json (void)
{
  g_autoptr(FlJournal) journal = constructed_journal ();
  g_autofree char *text = today_json (journal, 2026, 11, 27);
  g_autofree char *other = today_json (journal, 2026, 11, 28);

  g_assert_cmpstr (text, ==,
                   "{\"date\":\"2026-11-27\","
                   "\"profile\":{\"is_set\":true,\"assumed\":null},"
                   "\"hydration\":{\"goal_ml\":3550,\"base_ml\":1600,\"runs_ml\":1950,\"drunk_ml\":750},"
                   "\"cooldown\":{\"done_today\":false,\"last_14d\":{\"runs\":1,\"runs_with_cooldown\":0}}}");
  g_assert_cmpstr (other, ==,
                   "{\"date\":\"2026-11-28\","
                   "\"profile\":{\"is_set\":true,\"assumed\":null},"
                   "\"hydration\":{\"goal_ml\":1600,\"base_ml\":1600,\"runs_ml\":0,\"drunk_ml\":330},"
                   "\"cooldown\":{\"done_today\":false,\"last_14d\":{\"runs\":1,\"runs_with_cooldown\":0}}}");
}

static void
test_json_default_profile (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *assumed = fl_profile_describe_defaults ();
  JsonObject *root, *profile, *hydration;

  add_drink (journal, "2026-03-29T23:30:00+02:00", 200);
  text = today_json (journal, 2026, 3, 29);

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (root), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2026-03-29");

  profile = json_object_get_object_member (root, "profile");
  g_assert_false (json_object_get_boolean_member (profile, "is_set"));
  g_assert_nonnull (assumed);
  g_assert_cmpstr (assumed, !=, "");
  g_assert_cmpstr (json_object_get_string_member (profile, "assumed"), ==, assumed);

  /* The default profile is a man's: 2.0 L */
  hydration = json_object_get_object_member (root, "hydration");
  g_assert_cmpint (json_object_get_int_member (hydration, "goal_ml"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (hydration, "base_ml"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (hydration, "runs_ml"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (hydration, "drunk_ml"), ==, 200);
}

static void
add_cooldown (FlJournal  *journal,
              const char *start,
              int         minutes,
              int         steps_done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (start, NULL);
  g_autoptr(FlRecord) cooldown = fl_record_new (FL_RECORD_COOLDOWN, time);

  FL_COOLDOWN (cooldown)->end = g_date_time_add_minutes (time, minutes);
  FL_COOLDOWN (cooldown)->routine = g_strdup ("post-run-10");
  FL_COOLDOWN (cooldown)->steps_done = steps_done;
  FL_COOLDOWN (cooldown)->steps_total = 17;
  g_assert_true (fl_journal_add (journal, cooldown, &error));
  g_assert_no_error (error);
}

static JsonObject *
cooldown_section (FlJournal  *journal,
                  int         day,
                  JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = today_json (journal, 2026, 11, day);

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);

  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "cooldown");
}

/* A run is followed by a cool-down when one starts within 2 hours of its
 * end; the 14 days are the day and the 13 before it, by the run's start. */
static void
test_cooldown (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *section, *last;

  /* Ends 08:30, cool-down at 08:40: followed */
  add_run (journal, "2026-11-27T07:30:00+01:00", 60, 10);
  add_cooldown (journal, "2026-11-27T08:40:00+01:00", 10, 17);
  /* Ends 18:45, cool-down at 20:50, 2 h 5 min later: not followed */
  add_run (journal, "2026-11-20T18:00:00+01:00", 45, 10);
  add_cooldown (journal, "2026-11-20T20:50:00+01:00", 10, 17);
  /* The first of the 14 days; a cool-down the minute it ended: followed */
  add_run (journal, "2026-11-14T07:00:00+01:00", 30, 10);
  add_cooldown (journal, "2026-11-14T07:30:00+01:00", 5, 10);
  /* The day before the 14: not counted */
  add_run (journal, "2026-11-13T07:00:00+01:00", 30, 10);
  add_cooldown (journal, "2026-11-13T07:35:00+01:00", 10, 17);
  /* A cool-down stopped before its first hold ran out does not count */
  add_run (journal, "2026-11-25T07:00:00+01:00", 30, 10);
  add_cooldown (journal, "2026-11-25T07:35:00+01:00", 1, 0);
  /* Ran late on the 26th, cooled down after midnight: followed, and a
   * cool-down on the 27th */
  add_run (journal, "2026-11-26T23:30:00+01:00", 30, 10);
  add_cooldown (journal, "2026-11-27T00:10:00+01:00", 5, 3);

  section = cooldown_section (journal, 27, parser);
  g_assert_true (json_object_get_boolean_member (section, "done_today"));
  last = json_object_get_object_member (section, "last_14d");
  g_assert_cmpint (json_object_get_int_member (last, "runs"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (last, "runs_with_cooldown"), ==, 3);

  /* A day later the 14th falls out of the window */
  section = cooldown_section (journal, 28, parser);
  g_assert_false (json_object_get_boolean_member (section, "done_today"));
  last = json_object_get_object_member (section, "last_14d");
  g_assert_cmpint (json_object_get_int_member (last, "runs"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (last, "runs_with_cooldown"), ==, 2);

  /* The 25th: its own cool-down had no hold done; the 12th to the 25th
   * hold the runs of the 13th, 14th, 20th and 25th, the first two followed */
  section = cooldown_section (journal, 25, parser);
  g_assert_false (json_object_get_boolean_member (section, "done_today"));
  last = json_object_get_object_member (section, "last_14d");
  g_assert_cmpint (json_object_get_int_member (last, "runs"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (last, "runs_with_cooldown"), ==, 2);
}

static void
test_text (void)
{
  g_autoptr(FlJournal) journal = constructed_journal ();
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 27, 11, 2026);
  text = fl_today_build_text (journal, &date);

  g_assert_cmpstr (text, ==,
                   "Friday 2026-11-27\n"
                   "Hydration: 750 ml of 3.55 L\n"
                   "1.6 L base + 1.95 L for this morning’s 60-minute run at 28 °C\n");
}

static void
test_text_default_profile (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autofree char *assumed = fl_profile_describe_defaults ();
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  GDate date;

  add_drink (journal, "2026-11-28T08:00:00+01:00", 1500);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, 11, 2026);
  text = fl_today_build_text (journal, &date);

  expected = g_strdup_printf ("Saturday 2026-11-28\n"
                              "%s\n"
                              "Hydration: 1.5 L of 2.0 L\n"
                              "2.0 L base (EFSA 2010, for men; the default until you set your profile)\n",
                              assumed);
  g_assert_cmpstr (text, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/today/json", test_json);
  g_test_add_func ("/fl/today/json-default-profile", test_json_default_profile);
  g_test_add_func ("/fl/today/cooldown", test_cooldown);
  g_test_add_func ("/fl/today/text", test_text);
  g_test_add_func ("/fl/today/text-default-profile", test_text_default_profile);

  return g_test_run ();
}
