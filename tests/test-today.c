/* test-today.c: the day in one object, and in sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

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

  /* The sections in their order; those after the cool-down's have tests of their own */
  g_assert_true (g_str_has_prefix (text,
                                   "{\"date\":\"2026-11-27\","
                                   "\"profile\":{\"is_set\":true,\"assumed\":null},"
                                   "\"hydration\":{\"goal_ml\":3550,\"base_ml\":1600,\"runs_ml\":1950,\"drunk_ml\":750},"
                                   "\"cooldown\":{\"done_today\":false,\"last_14d\":{\"runs\":1,\"runs_with_cooldown\":0}},"));
  g_assert_true (g_str_has_prefix (other,
                                   "{\"date\":\"2026-11-28\","
                                   "\"profile\":{\"is_set\":true,\"assumed\":null},"
                                   "\"hydration\":{\"goal_ml\":1600,\"base_ml\":1600,\"runs_ml\":0,\"drunk_ml\":330},"
                                   "\"cooldown\":{\"done_today\":false,\"last_14d\":{\"runs\":1,\"runs_with_cooldown\":0}},"));
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
  /* date, profile, hydration, cooldown, training, sleep, iron */
  g_assert_cmpuint (json_object_get_size (root), ==, 7);
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
                   "1.6 L base + 1.95 L for this morning’s 60-minute run at 28 °C\n"
                   "Sleep: last night not logged (need 8 h); debt 0 min over 0 of the last 7 nights\n"
                   "Bedtime tonight: 22:45\n");
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
                              "2.0 L base (EFSA 2010, for men; the default until you set your profile)\n"
                              "Sleep: last night not logged (need 8 h); debt 0 min over 0 of the last 7 nights\n"
                              "Bedtime tonight: 22:45\n",
                              assumed);
  g_assert_cmpstr (text, ==, expected);
}

/* The sleep section: a short night across the spring DST change (23:30 to
 * 06:00 on the clock is 5 h 30 min), with the wake time from GSettings */
static void
test_sleep (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) bed = g_date_time_new_from_iso8601 ("2026-03-28T23:30:00+01:00", NULL);
  g_autoptr(FlRecord) night = fl_record_new (FL_RECORD_SLEEP, bed);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *text = NULL;
  g_autofree char *later = NULL;
  JsonObject *sleep, *nap;

  FL_SLEEP (night)->end = g_date_time_new_from_iso8601 ("2026-03-29T06:00:00+02:00", NULL);
  g_assert_true (fl_journal_add (journal, night, &error));
  g_assert_no_error (error);
  g_settings_set_int (settings, "wake-time", 6 * 60 + 30);

  text = today_json (journal, 2026, 3, 29);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  sleep = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "sleep");
  g_assert_nonnull (sleep);
  g_assert_cmpint (json_object_get_int_member (sleep, "need_min"), ==, 480);
  g_assert_cmpint (json_object_get_int_member (sleep, "last_night_min"), ==, 330);
  g_assert_cmpint (json_object_get_int_member (sleep, "debt_min"), ==, 150);
  g_assert_cmpint (json_object_get_int_member (sleep, "debt_nights_logged"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sleep, "tonight_need_min"), ==, 480);
  /* 06:30 − 8 h − 15 min */
  g_assert_cmpstr (json_object_get_string_member (sleep, "bedtime"), ==, "22:15");
  nap = json_object_get_object_member (sleep, "nap");
  g_assert_nonnull (nap);
  g_assert_cmpstr (json_object_get_string_member (nap, "from"), ==, "13:00");
  g_assert_cmpstr (json_object_get_string_member (nap, "to"), ==, "13:30");
  g_assert_cmpint (json_object_get_int_member (nap, "minutes"), ==, 30);

  /* The same in sentences */
  {
    g_autofree char *sentences = NULL;
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 29, 3, 2026);
    sentences = fl_today_build_text (journal, &date);
    g_assert_true (g_str_has_suffix (sentences,
                                     "Sleep: 5 h 30 min last night against a need of 8 h; "
                                     "debt 2 h 30 min over 1 of the last 7 nights\n"
                                     "Bedtime tonight: 22:15; a nap from 13:00 to 13:30 would help\n"));
  }

  /* The next day: last night unknown (null, not 0), no nap, the debt stays */
  later = today_json (journal, 2026, 3, 30);
  g_assert_true (json_parser_load_from_data (parser, later, -1, &error));
  sleep = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "sleep");
  g_assert_true (json_object_get_null_member (sleep, "last_night_min"));
  g_assert_true (json_object_get_null_member (sleep, "nap"));
  g_assert_cmpint (json_object_get_int_member (sleep, "debt_min"), ==, 150);

  g_settings_reset (settings, "wake-time");
}

/* The iron section: a vegetarian woman of 30 with heavy periods who had
 * lentils twice today (2 × 3.3 mg) */
static void
test_iron (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 ("2026-11-27T12:30:00+01:00", NULL);
  g_autoptr(FlRecord) lentils = fl_record_new (FL_RECORD_IRON, time);
  g_autofree char *text = NULL;
  FlProfile profile;
  JsonObject *iron;
  JsonArray *flags;

  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = FL_SEX_FEMALE;
  profile.birth_year = 1996;
  profile.diet = FL_DIET_VEGETARIAN;
  profile.heavy_periods = TRUE;
  g_assert_true (fl_journal_set_profile (journal, &profile, &error));
  g_assert_no_error (error);
  FL_IRON_INTAKE (lentils)->food = g_strdup ("lentils-cooked");
  FL_IRON_INTAKE (lentils)->portions = 2;
  FL_IRON_INTAKE (lentils)->mg = 6.6;
  g_assert_true (fl_journal_add (journal, lentils, &error));
  g_assert_no_error (error);

  text = today_json (journal, 2026, 11, 27);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  iron = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "iron");
  g_assert_cmpuint (json_object_get_size (iron), ==, 5);
  /* Tenths, as people read them: 18 × 1.8 is 32.4, not 32.400000000000006 */
  g_assert_cmpfloat (json_object_get_double_member (iron, "target_mg"), ==, 32.4);
  g_assert_cmpfloat (json_object_get_double_member (iron, "today_mg"), ==, 6.6);
  g_assert_cmpfloat (json_object_get_double_member (iron, "avg7_mg"), ==, 0.9);
  g_assert_false (json_object_get_boolean_member (iron, "blood_test_suggested"));
  flags = json_object_get_array_member (iron, "risk_flags");
  g_assert_cmpuint (json_array_get_length (flags), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (flags, 0), ==, "female-14-50");
  g_assert_cmpstr (json_array_get_string_element (flags, 1), ==, "heavy-periods");
  g_assert_cmpstr (json_array_get_string_element (flags, 2), ==, "vegetarian-or-vegan");
}

/* The training section: runs twice a week for 5 weeks, then 5 of 6 days,
 * each 30 minutes at RPE 4 over 6 km, ending on 2026-11-27 (see
 * tests/test-training.c for the arithmetic) */
static void
add_training_run (FlJournal *journal,
                  GDate     *date,
                  int        cadence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                      g_date_get_day (date), 7, 0, 0);
  g_autoptr(FlRecord) run = fl_run_new (start, 30 * 60, 6000);

  FL_RUN (run)->rpe = 4;
  FL_RUN (run)->cadence_spm = cadence;
  g_assert_true (fl_journal_add (journal, run, &error));
  g_assert_no_error (error);
}

static JsonObject *
training_section (JsonParser *parser,
                  FlJournal  *journal)
{
  g_autofree char *text = today_json (journal, 2026, 11, 27);
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);

  return json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "training");
}

static void
test_training (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlJournal) resting = fl_journal_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) resting_parser = json_parser_new ();
  JsonObject *training, *day, *cadence, *ramp;
  JsonArray *flags, *plan, *caps;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 27, G_DATE_NOVEMBER, 2026);
  g_date_subtract_days (&date, 40);
  for (int i = 0; i <= 40; i++, g_date_add_days (&date, 1))
    if ((i < 35 && (i % 7 == 0 || i % 7 == 3)) || (i >= 35 && i != 38))
      add_training_run (journal, &date, 160 + i % 5);

  training = training_section (parser, journal);
  g_assert_cmpfloat (json_object_get_double_member (training, "acwr"), ==, 1.61);
  g_assert_cmpfloat (json_object_get_double_member (training, "week_km"), ==, 30.0);
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (training, "ctl")));
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (training, "atl")));
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (training, "tsb")));
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (training, "monotony")));
  flags = json_object_get_array_member (training, "flags");
  g_assert_cmpuint (json_array_get_length (flags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (flags, 0), ==, "acwr-high");
  g_assert_cmpstr (json_array_get_string_element (flags, 1), ==, "distance-jump");
  plan = json_object_get_array_member (training, "plan");
  g_assert_cmpuint (json_array_get_length (plan), ==, 7);
  day = json_array_get_object_element (plan, 0);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, "2026-11-28");
  g_assert_cmpstr (json_object_get_string_member (day, "kind"), ==, "rest");
  g_assert_cmpstr (json_object_get_string_member (day, "reason"), ==, "Load ratio above 1.5");
  day = json_array_get_object_element (plan, 6);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, "2026-12-04");
  g_assert_cmpstr (json_object_get_string_member (day, "kind"), ==, "easy");
  /* RPE 4 runs are easy: the median of their 160 + i % 5 is 162; the last
   * run's is 160 + 40 % 5 */
  cadence = json_object_get_object_member (training, "cadence");
  g_assert_cmpfloat (json_object_get_double_member (cadence, "baseline_spm"), ==, 162.0);
  g_assert_cmpint (json_object_get_int_member (cadence, "last_spm"), ==, 160);
  g_assert_cmpint (json_object_get_int_member (cadence, "drill_spm"), ==, 170);
  g_assert_cmpint (json_object_get_int_member (cadence, "max_spm"), ==, 178);
  g_assert_false (json_object_get_boolean_member (cadence, "fatigue_sign"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (training, "return_after_break")));

  /* 20 days without a run after 4 weeks of 30 km: a break, 15 then 22.5 km;
   * the ratio is silent before 28 days of history */
  g_date_set_dmy (&date, 27, G_DATE_NOVEMBER, 2026);
  g_date_subtract_days (&date, 47);
  for (int i = 0; i < 28; i++, g_date_add_days (&date, 1))
    if (i % 7 == 0 || i % 7 == 2 || i % 7 == 4 || i % 7 == 6)
      add_training_run (resting, &date, 0);
  training = training_section (resting_parser, resting);
  ramp = json_object_get_object_member (training, "return_after_break");
  g_assert_nonnull (ramp);
  g_assert_cmpint (json_object_get_int_member (ramp, "weeks_off"), ==, 2);
  caps = json_object_get_array_member (ramp, "caps_km");
  g_assert_cmpuint (json_array_get_length (caps), ==, 2);
  g_assert_cmpfloat (json_array_get_double_element (caps, 0), ==, 12.0);
  g_assert_cmpfloat (json_array_get_double_element (caps, 1), ==, 18.0);
  flags = json_object_get_array_member (training, "flags");
  g_assert_cmpuint (json_array_get_length (flags), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (flags, 0), ==, "return-after-break");
  g_assert_cmpfloat (json_object_get_double_member (training, "week_km"), ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/today/json", test_json);
  g_test_add_func ("/fl/today/json-default-profile", test_json_default_profile);
  g_test_add_func ("/fl/today/cooldown", test_cooldown);
  g_test_add_func ("/fl/today/iron", test_iron);
  g_test_add_func ("/fl/today/sleep", test_sleep);
  g_test_add_func ("/fl/today/training", test_training);
  g_test_add_func ("/fl/today/text", test_text);
  g_test_add_func ("/fl/today/text-default-profile", test_text_default_profile);

  return g_test_run ();
}
