/* test-journal.c: the journal in memory, its JSON, the profile, and merging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fl-journal.h"

/* Every member DESIGN.md lists, plus members a later version might add: at
 * the top, in the profile, in a record and in a reminder. */
static const char full_document[] =
  "{"
  "  \"format\": \"fresh-legs-journal\", \"version\": 1,"
  "  \"profile\": { \"sex\": \"female\", \"birth_year\": 1990, \"weight_kg\": 60.5,"
  "                 \"diet\": \"vegetarian\", \"heavy_periods\": true, \"pregnant\": false,"
  "                 \"sweat_rate_l_h\": 1.2, \"shoe_size\": 39 },"
  "  \"runs\": [ { \"id\": \"r1\", \"start\": \"2026-11-27T07:30:00+01:00\", \"duration_s\": 2700,"
  "              \"distance_m\": 8000, \"rpe\": 5, \"avg_hr\": 150, \"cadence_spm\": 168,"
  "              \"temperature_c\": 24, \"source\": \"gpx\", \"route\": \"river loop\" } ],"
  "  \"sleep\": [ { \"id\": \"s1\", \"start\": \"2026-11-26T23:10:00+01:00\","
  "               \"end\": \"2026-11-27T06:40:00+01:00\", \"nap\": false } ],"
  "  \"drinks\": [ { \"id\": \"d1\", \"time\": \"2026-11-27T09:00:00+01:00\", \"ml\": 250 },"
  "               { \"id\": \"d2\", \"time\": \"2026-11-27T11:00:00+01:00\", \"ml\": 500 } ],"
  "  \"iron\": [ { \"id\": \"i1\", \"time\": \"2026-11-27T12:30:00+01:00\", \"food\": \"lentils-cooked\","
  "              \"portions\": 1.5, \"mg\": 4.95 } ],"
  "  \"cooldowns\": [ { \"id\": \"c1\", \"start\": \"2026-11-27T08:20:00+01:00\","
  "                   \"end\": \"2026-11-27T08:30:00+01:00\", \"routine\": \"post-run-10\","
  "                   \"steps_done\": 16, \"steps_total\": 16 } ],"
  "  \"checkins\": [ { \"date\": \"2026-11-27\", \"legs\": 4, \"note\": \"\" } ],"
  "  \"ferritin\": [ { \"id\": \"f1\", \"date\": \"2026-10-02\", \"ug_per_l\": 24 } ],"
  "  \"reminders\": { \"drink\": { \"last_fired\": \"2026-11-27T10:30:00+01:00\","
  "                                \"snoozed_until\": null, \"count\": 3 },"
  "                   \"wind-down\": { \"last_fired\": null,"
  "                                    \"snoozed_until\": \"2026-11-27T22:15:00+01:00\" } },"
  "  \"goals\": { \"weekly_km\": 40 }"
  "}";

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static FlJournal *
load (const char *text)
{
  g_autoptr(JsonNode) root = parse (text);
  g_autoptr(GError) error = NULL;
  FlJournal *journal = fl_journal_new_from_json (root, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  return journal;
}

static GDateTime *
time_at (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

static FlRecord *
drink_at (const char *iso8601,
          int         ml)
{
  g_autoptr(GDateTime) time = time_at (iso8601);

  return fl_drink_new (time, ml);
}

static void
count_changed (FlJournal *journal,
               guint     *count)
{
  (*count)++;
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

/* Oldest first; records at the same time keep the order they were added in */
static void
test_sorted_and_stable (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlRecord) ten = drink_at ("2026-11-27T10:00:00+01:00", 100);
  g_autoptr(FlRecord) eight = drink_at ("2026-11-27T08:00:00+01:00", 200);
  g_autoptr(FlRecord) nine_a = drink_at ("2026-11-27T09:00:00+01:00", 300);
  g_autoptr(FlRecord) nine_b = drink_at ("2026-11-27T09:00:00+01:00", 400);
  /* 09:00 in Berlin written as UTC: the same instant, added last */
  g_autoptr(FlRecord) nine_c = drink_at ("2026-11-27T08:00:00Z", 500);
  GPtrArray *drinks;

  g_assert_true (fl_journal_add (journal, ten, NULL));
  g_assert_true (fl_journal_add (journal, eight, NULL));
  g_assert_true (fl_journal_add (journal, nine_a, NULL));
  g_assert_true (fl_journal_add (journal, nine_b, NULL));
  g_assert_true (fl_journal_add (journal, nine_c, NULL));

  drinks = fl_journal_get_records (journal, FL_RECORD_DRINK);
  g_assert_cmpuint (drinks->len, ==, 5);
  g_assert_true (g_ptr_array_index (drinks, 0) == eight);
  g_assert_true (g_ptr_array_index (drinks, 1) == nine_a);
  g_assert_true (g_ptr_array_index (drinks, 2) == nine_b);
  g_assert_true (g_ptr_array_index (drinks, 3) == nine_c);
  g_assert_true (g_ptr_array_index (drinks, 4) == ten);
  g_assert_cmpuint (total_ml (journal), ==, 1500);
}

static void
test_range (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  static const char * const times[] = {
    "2026-11-26T22:00:00+01:00", "2026-11-27T00:00:00+01:00", "2026-11-27T07:00:00+01:00",
    "2026-11-27T12:00:00+01:00", "2026-11-27T23:59:59+01:00", "2026-11-28T00:00:00+01:00",
    "2026-11-28T09:00:00+01:00",
  };
  g_autoptr(GDateTime) day = time_at ("2026-11-27T00:00:00+01:00");
  g_autoptr(GDateTime) next_day = g_date_time_add_days (day, 1);
  g_autoptr(GDateTime) far = time_at ("2030-01-01T00:00:00+01:00");
  guint begin = 99, end = 99;
  guint ml = 0;

  /* An empty journal has an empty range */
  fl_journal_range (journal, FL_RECORD_DRINK, day, next_day, &begin, &end);
  g_assert_cmpuint (begin, ==, 0);
  g_assert_cmpuint (end, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(FlRecord) drink = drink_at (times[i], 100 * (i + 1));
      g_assert_true (fl_journal_add (journal, drink, NULL));
    }

  /* [midnight, next midnight): the day's first moment in, the next day's out */
  fl_journal_range (journal, FL_RECORD_DRINK, day, next_day, &begin, &end);
  g_assert_cmpuint (begin, ==, 1);
  g_assert_cmpuint (end, ==, 5);
  for (guint i = begin; i < end; i++)
    ml += FL_DRINK (g_ptr_array_index (fl_journal_get_records (journal, FL_RECORD_DRINK), i))->ml;
  g_assert_cmpuint (ml, ==, 200 + 300 + 400 + 500);

  /* Open ends */
  fl_journal_range (journal, FL_RECORD_DRINK, NULL, day, &begin, &end);
  g_assert_cmpuint (begin, ==, 0);
  g_assert_cmpuint (end, ==, 1);
  fl_journal_range (journal, FL_RECORD_DRINK, next_day, NULL, &begin, &end);
  g_assert_cmpuint (begin, ==, 5);
  g_assert_cmpuint (end, ==, 7);

  /* Nothing after, and a backwards range is empty */
  fl_journal_range (journal, FL_RECORD_DRINK, far, NULL, &begin, &end);
  g_assert_cmpuint (begin, ==, 7);
  g_assert_cmpuint (end, ==, 7);
  fl_journal_range (journal, FL_RECORD_DRINK, next_day, day, &begin, &end);
  g_assert_cmpuint (end, ==, begin);

  /* Another kind is its own list */
  fl_journal_range (journal, FL_RECORD_RUN, NULL, NULL, &begin, &end);
  g_assert_cmpuint (end - begin, ==, 0);
}

static void
test_lookup_and_remove (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlRecord) a = drink_at ("2026-11-27T09:00:00+01:00", 250);
  g_autoptr(FlRecord) b = drink_at ("2026-11-27T10:00:00+01:00", 330);
  g_autoptr(FlRecord) removed = NULL;
  guint changed = 0;

  g_assert_true (fl_journal_add (journal, a, NULL));
  g_assert_true (fl_journal_add (journal, b, NULL));
  g_signal_connect (journal, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (fl_journal_lookup (journal, FL_RECORD_DRINK, a->id) == a);
  g_assert_true (fl_journal_lookup (journal, FL_RECORD_DRINK, b->id) == b);
  g_assert_null (fl_journal_lookup (journal, FL_RECORD_RUN, a->id));
  g_assert_null (fl_journal_lookup (journal, FL_RECORD_DRINK, "no-such-id"));

  /* Remove hands the record back, for undo */
  removed = fl_journal_remove (journal, FL_RECORD_DRINK, a->id);
  g_assert_true (removed == a);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_null (fl_journal_lookup (journal, FL_RECORD_DRINK, a->id));
  g_assert_cmpuint (total_ml (journal), ==, 330);

  /* Nothing to remove: NULL, and no "changed" */
  g_assert_null (fl_journal_remove (journal, FL_RECORD_DRINK, a->id));
  g_assert_cmpuint (changed, ==, 1);

  /* Undo: add it back */
  g_assert_true (fl_journal_add (journal, removed, NULL));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (total_ml (journal), ==, 580);
  g_assert_true (g_ptr_array_index (fl_journal_get_records (journal, FL_RECORD_DRINK), 0) == a);
}

/* A record with the id of one stored replaces it, and moves to its new time */
static void
test_edit_replaces (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlRecord) first = drink_at ("2026-11-27T09:00:00+01:00", 250);
  g_autoptr(FlRecord) second = drink_at ("2026-11-27T10:00:00+01:00", 500);
  g_autoptr(FlRecord) edit = NULL;
  g_autoptr(FlRecord) same_time = NULL;
  g_autoptr(GDateTime) later = time_at ("2026-11-27T11:00:00+01:00");
  GPtrArray *drinks = fl_journal_get_records (journal, FL_RECORD_DRINK);

  g_assert_true (fl_journal_add (journal, first, NULL));
  g_assert_true (fl_journal_add (journal, second, NULL));

  edit = fl_record_copy (first);
  FL_DRINK (edit)->ml = 300;
  g_date_time_unref (edit->time);
  edit->time = g_date_time_ref (later);
  g_assert_true (fl_journal_add (journal, edit, NULL));

  g_assert_cmpuint (drinks->len, ==, 2);
  g_assert_true (g_ptr_array_index (drinks, 0) == second);
  g_assert_true (g_ptr_array_index (drinks, 1) == edit);
  g_assert_true (fl_journal_lookup (journal, FL_RECORD_DRINK, first->id) == edit);
  g_assert_cmpuint (total_ml (journal), ==, 800);

  /* Same time: stays in its place */
  same_time = fl_record_copy (second);
  FL_DRINK (same_time)->ml = 150;
  g_assert_true (fl_journal_add (journal, same_time, NULL));
  g_assert_cmpuint (drinks->len, ==, 2);
  g_assert_true (g_ptr_array_index (drinks, 0) == same_time);
  g_assert_cmpuint (total_ml (journal), ==, 450);
}

/* One check-in a day: a second one for the date replaces the first */
static void
test_checkin_per_day (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(GDateTime) morning = time_at ("2026-11-27T08:00:00+01:00");
  g_autoptr(GDateTime) evening = time_at ("2026-11-27T21:00:00+01:00");
  g_autoptr(GDateTime) next = time_at ("2026-11-28T08:00:00+01:00");
  g_autoptr(FlRecord) first = fl_record_new (FL_RECORD_CHECKIN, morning);
  g_autoptr(FlRecord) second = fl_record_new (FL_RECORD_CHECKIN, evening);
  g_autoptr(FlRecord) tomorrow = fl_record_new (FL_RECORD_CHECKIN, next);
  FlRecord *found;

  FL_CHECKIN (first)->legs = 2;
  FL_CHECKIN (second)->legs = 5;
  FL_CHECKIN (tomorrow)->legs = 3;
  g_assert_true (fl_journal_add (journal, first, NULL));
  g_assert_true (fl_journal_add (journal, second, NULL));
  g_assert_true (fl_journal_add (journal, tomorrow, NULL));

  g_assert_cmpuint (fl_journal_get_records (journal, FL_RECORD_CHECKIN)->len, ==, 2);
  found = fl_journal_lookup (journal, FL_RECORD_CHECKIN, "2026-11-27");
  g_assert_nonnull (found);
  g_assert_cmpint (FL_CHECKIN (found)->legs, ==, 5);
  g_assert_cmpint (FL_CHECKIN (fl_journal_lookup (journal, FL_RECORD_CHECKIN, "2026-11-28"))->legs, ==, 3);
}

/* Bad input gets a clear error, and nothing stored is lost */
static void
test_invalid_add (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlRecord) good = drink_at ("2026-11-27T09:00:00+01:00", 250);
  g_autoptr(FlRecord) zero = drink_at ("2026-11-27T10:00:00+01:00", 0);
  g_autoptr(FlRecord) edit = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_assert_true (fl_journal_add (journal, good, NULL));
  fl_journal_mark_synced (journal);
  g_signal_connect (journal, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_false (fl_journal_add (journal, zero, &error));
  g_assert_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A drink is 1 to 5000 ml; got 0 ml.");
  g_clear_error (&error);

  /* An edit out of range leaves the stored record as it was */
  edit = fl_record_copy (good);
  FL_DRINK (edit)->ml = 9000;
  g_assert_false (fl_journal_add (journal, edit, &error));
  g_assert_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_INVALID);

  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (fl_journal_has_unsynced_changes (journal));
  g_assert_cmpuint (fl_journal_get_records (journal, FL_RECORD_DRINK)->len, ==, 1);
  g_assert_cmpuint (total_ml (journal), ==, 250);
}

static void
test_read_only (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlRecord) stored = drink_at ("2026-11-27T09:00:00+01:00", 250);
  g_autoptr(FlRecord) another = drink_at ("2026-11-27T10:00:00+01:00", 250);
  g_autoptr(GError) error = NULL;
  FlProfile profile;
  guint changed = 0;

  g_assert_true (fl_journal_add (journal, stored, NULL));
  fl_journal_mark_synced (journal);
  fl_journal_set_read_only (journal, TRUE);
  g_assert_true (fl_journal_get_read_only (journal));
  g_signal_connect (journal, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_false (fl_journal_add (journal, another, &error));
  g_assert_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_null (fl_journal_remove (journal, FL_RECORD_DRINK, stored->id));
  g_assert_true (fl_journal_lookup (journal, FL_RECORD_DRINK, stored->id) == stored);

  fl_profile_init_defaults (&profile);
  profile.sex = FL_SEX_FEMALE;
  g_assert_false (fl_journal_set_profile (journal, &profile, &error));
  g_assert_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY);
  g_assert_false (fl_journal_get_profile (journal)->is_set);

  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (fl_journal_has_unsynced_changes (journal));
  g_assert_cmpuint (fl_journal_get_records (journal, FL_RECORD_DRINK)->len, ==, 1);
}

/* "changed" once per change, and not for what changes nothing */
static void
test_changed_once (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(FlJournal) other = fl_journal_new ();
  g_autoptr(FlRecord) drink = drink_at ("2026-11-27T09:00:00+01:00", 250);
  g_autoptr(FlRecord) removed = NULL;
  g_autoptr(GDateTime) fired = time_at ("2026-11-27T10:30:00+01:00");
  FlReminderState state = { fired, NULL };
  FlProfile profile;
  guint changed = 0;

  g_signal_connect (journal, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (fl_journal_add (journal, drink, NULL));
  g_assert_cmpuint (changed, ==, 1);

  fl_profile_init_defaults (&profile);
  profile.sex = FL_SEX_MALE;
  g_assert_true (fl_journal_set_profile (journal, &profile, NULL));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (fl_journal_set_profile (journal, &profile, NULL));
  g_assert_cmpuint (changed, ==, 2);

  fl_journal_set_reminder_state (journal, "drink", &state);
  g_assert_cmpuint (changed, ==, 3);
  fl_journal_set_reminder_state (journal, "drink", &state);
  g_assert_cmpuint (changed, ==, 3);

  removed = fl_journal_remove (journal, FL_RECORD_DRINK, drink->id);
  g_assert_nonnull (removed);
  g_assert_cmpuint (changed, ==, 4);

  fl_journal_adopt (journal, other);
  g_assert_cmpuint (changed, ==, 5);
}

static void
test_round_trip (void)
{
  g_autoptr(JsonNode) input = parse (full_document);
  g_autoptr(FlJournal) journal = load (full_document);
  g_autoptr(JsonNode) output = fl_journal_to_json (journal);
  g_autofree char *text = json_to_string (output, TRUE);
  const FlProfile *profile = fl_journal_get_profile (journal);
  JsonObject *root = json_node_get_object (output);

  g_test_message ("%s", text);
  g_assert_true (json_node_equal (input, output));

  /* The unknown members, by name, in case equality ever got lax */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "goals"), "weekly_km"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "profile"), "shoe_size"), ==, 39);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "runs"), 0), "route"), ==, "river loop");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (root, "reminders"), "drink"), "count"), ==, 3);

  g_assert_true (profile->is_set);
  g_assert_cmpint (profile->sex, ==, FL_SEX_FEMALE);
  g_assert_cmpint (profile->birth_year, ==, 1990);
  g_assert_cmpfloat (profile->weight_kg, ==, 60.5);
  g_assert_cmpint (profile->diet, ==, FL_DIET_VEGETARIAN);
  g_assert_true (profile->heavy_periods);
  g_assert_false (profile->pregnant);
  g_assert_cmpfloat (profile->sweat_rate_l_h, ==, 1.2);

  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    g_assert_cmpuint (fl_journal_get_records (journal, kind)->len, ==, kind == FL_RECORD_DRINK ? 2 : 1);
}

/* Changes made after loading are written with the unknown members intact */
static void
test_round_trip_after_changes (void)
{
  g_autoptr(FlJournal) journal = load (full_document);
  g_autoptr(FlRecord) drink = drink_at ("2026-11-27T15:00:00+01:00", 330);
  g_autoptr(FlRecord) removed = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(FlJournal) again = NULL;
  FlProfile profile = *fl_journal_get_profile (journal);
  JsonObject *root;
  JsonObject *saved_profile;

  g_assert_true (fl_journal_add (journal, drink, NULL));
  removed = fl_journal_remove (journal, FL_RECORD_DRINK, "d1");
  g_assert_nonnull (removed);
  profile.weight_kg = 0;
  profile.diet = FL_DIET_VEGAN;
  g_assert_true (fl_journal_set_profile (journal, &profile, NULL));

  output = fl_journal_to_json (journal);
  root = json_node_get_object (output);
  saved_profile = json_object_get_object_member (root, "profile");
  g_assert_cmpstr (json_object_get_string_member (saved_profile, "diet"), ==, "vegan");
  g_assert_false (json_object_has_member (saved_profile, "weight_kg"));
  g_assert_cmpint (json_object_get_int_member (saved_profile, "shoe_size"), ==, 39);
  g_assert_true (json_object_has_member (root, "goals"));

  again = fl_journal_new_from_json (output, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (total_ml (again), ==, 830);
  g_assert_null (fl_journal_lookup (again, FL_RECORD_DRINK, "d1"));
  g_assert_cmpint (fl_journal_get_profile (again)->diet, ==, FL_DIET_VEGAN);
}

static void
test_empty_document (void)
{
  g_autoptr(FlJournal) journal = load ("{\"format\": \"fresh-legs-journal\", \"version\": 1}");
  g_autoptr(FlJournal) fresh = fl_journal_new ();
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(JsonNode) expected = NULL;

  /* Missing arrays are empty; no profile is "not set" */
  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    g_assert_cmpuint (fl_journal_get_records (journal, kind)->len, ==, 0);
  g_assert_false (fl_journal_get_profile (journal)->is_set);
  g_assert_cmpint (fl_journal_get_profile (journal)->birth_year, ==, FL_PROFILE_DEFAULT_BIRTH_YEAR);

  output = fl_journal_to_json (fresh);
  expected = parse ("{\"format\": \"fresh-legs-journal\", \"version\": 1, \"runs\": [], \"sleep\": [],"
                    " \"drinks\": [], \"iron\": [], \"cooldowns\": [], \"checkins\": [],"
                    " \"ferritin\": [], \"reminders\": {}}");
  g_assert_true (json_node_equal (output, expected));
}

typedef struct
{
  const char *document;
  GQuark      domain;
  int         code;
  const char *message_part;
} LoadCase;

static void
test_load_errors (void)
{
  static const LoadCase cases[] = {
    { "[1, 2, 3]", 0, FL_JOURNAL_ERROR_FORMAT, "not a Fresh Legs journal" },
    { "\"journal\"", 0, FL_JOURNAL_ERROR_FORMAT, "not a Fresh Legs journal" },
    { "{\"version\": 1}", 0, FL_JOURNAL_ERROR_FORMAT, "“format”" },
    { "{\"format\": \"fresh-arms-journal\", \"version\": 1}", 0, FL_JOURNAL_ERROR_FORMAT, "“format”" },
    { "{\"format\": \"fresh-legs-journal\"}", 0, FL_JOURNAL_ERROR_FORMAT, "“version”" },
    { "{\"format\": \"fresh-legs-journal\", \"version\": \"1\"}", 0, FL_JOURNAL_ERROR_FORMAT, "“version”" },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 0}", 0, FL_JOURNAL_ERROR_FORMAT, "“version”" },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 2}", 0, FL_JOURNAL_ERROR_NEWER, "newer version" },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"drinks\": ["
      "{\"time\": \"2026-11-27T09:00:00+01:00\", \"ml\": 250},"
      "{\"time\": \"2026-11-27T10:00:00+01:00\", \"ml\": 0}]}",
      0, FL_JOURNAL_ERROR_INVALID, "Entry 2 of “drinks”: A drink is 1 to 5000 ml; got 0 ml." },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"checkins\": ["
      "{\"date\": \"2026-02-30\", \"legs\": 3}]}",
      0, FL_JOURNAL_ERROR_INVALID, "Entry 1 of “checkins”: “date”" },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"runs\": {}}",
      0, FL_JOURNAL_ERROR_INVALID, "“runs” must be a list." },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"sleep\": [42]}",
      0, FL_JOURNAL_ERROR_INVALID, "Entry 1 of “sleep”" },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"profile\": {\"sex\": \"other\"}}",
      0, FL_JOURNAL_ERROR_INVALID, "The profile: " },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"profile\": {\"weight_kg\": 900}}",
      0, FL_JOURNAL_ERROR_INVALID, "25 to 300 kg" },
    { "{\"format\": \"fresh-legs-journal\", \"version\": 1, \"reminders\": {\"drink\": {\"last_fired\": \"noon\"}}}",
      0, FL_JOURNAL_ERROR_INVALID, "“drink”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = parse (cases[i].document);
      g_autoptr(GError) error = NULL;
      g_autoptr(FlJournal) journal = NULL;

      g_test_message ("%s", cases[i].document);
      journal = fl_journal_new_from_json (root, &error);
      g_assert_null (journal);
      g_assert_error (error, FL_JOURNAL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

/* A newer journal opens read-only with what can be read */
static void
test_newer_read_only (void)
{
  g_autoptr(JsonNode) root = parse (
    "{\"format\": \"fresh-legs-journal\", \"version\": 2,"
    " \"drinks\": [{\"id\": \"a\", \"time\": \"2026-11-27T09:00:00+01:00\", \"ml\": 250},"
    "              {\"id\": \"b\", \"time\": \"2026-11-27T10:00:00+01:00\", \"ml\": \"a glass\"},"
    "              {\"id\": \"c\", \"time\": \"2026-11-27T11:00:00+01:00\", \"ml\": 500, \"kind\": \"tea\"}],"
    " \"profile\": {\"sex\": \"female\"},"
    " \"moods\": [{\"date\": \"2026-11-27\", \"mood\": 3}]}");
  g_autoptr(JsonNode) not_journal = parse ("{\"format\": \"other\", \"version\": 2}");
  g_autoptr(GError) error = NULL;
  g_autoptr(FlJournal) journal = fl_journal_new_from_json_read_only (root, &error);
  g_autoptr(FlJournal) none = NULL;
  g_autoptr(FlRecord) drink = drink_at ("2026-11-27T12:00:00+01:00", 250);

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_assert_true (fl_journal_get_read_only (journal));
  g_assert_cmpuint (fl_journal_get_records (journal, FL_RECORD_DRINK)->len, ==, 2);
  g_assert_cmpuint (total_ml (journal), ==, 750);
  g_assert_cmpint (fl_journal_get_profile (journal)->sex, ==, FL_SEX_FEMALE);

  g_assert_false (fl_journal_add (journal, drink, &error));
  g_assert_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY);
  g_clear_error (&error);

  none = fl_journal_new_from_json_read_only (not_journal, &error);
  g_assert_null (none);
  g_assert_error (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_FORMAT);
}

static void
test_reminder_state (void)
{
  g_autoptr(FlJournal) journal = load (full_document);
  g_autoptr(GDateTime) fired = time_at ("2026-11-27T12:00:00+01:00");
  g_autoptr(GDateTime) snoozed = time_at ("2026-11-27T12:30:00+01:00");
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(FlJournal) again = NULL;
  FlReminderState state = { NULL, NULL };
  FlReminderState set = { fired, snoozed };
  JsonObject *drink;

  /* As read */
  fl_journal_get_reminder_state (journal, "drink", &state);
  g_assert_nonnull (state.last_fired);
  g_assert_null (state.snoozed_until);
  g_assert_cmpint (g_date_time_get_hour (state.last_fired), ==, 10);
  g_assert_cmpint (g_date_time_get_minute (state.last_fired), ==, 30);
  fl_reminder_state_clear (&state);
  g_assert_null (state.last_fired);

  /* Never fired */
  fl_journal_get_reminder_state (journal, "nap", &state);
  g_assert_null (state.last_fired);
  g_assert_null (state.snoozed_until);

  fl_journal_set_reminder_state (journal, "drink", &set);
  g_assert_true (fl_journal_has_unsynced_changes (journal));
  fl_journal_get_reminder_state (journal, "drink", &state);
  g_assert_true (g_date_time_equal (state.last_fired, fired));
  g_assert_true (g_date_time_equal (state.snoozed_until, snoozed));
  fl_reminder_state_clear (&state);

  output = fl_journal_to_json (journal);
  drink = json_object_get_object_member (json_object_get_object_member (json_node_get_object (output), "reminders"), "drink");
  g_assert_cmpstr (json_object_get_string_member (drink, "last_fired"), ==, "2026-11-27T12:00:00+01:00");
  g_assert_cmpstr (json_object_get_string_member (drink, "snoozed_until"), ==, "2026-11-27T12:30:00+01:00");
  g_assert_cmpint (json_object_get_int_member (drink, "count"), ==, 3);

  again = fl_journal_new_from_json (output, NULL);
  fl_journal_get_reminder_state (again, "wind-down", &state);
  g_assert_null (state.last_fired);
  g_assert_nonnull (state.snoozed_until);
  g_assert_cmpint (g_date_time_get_hour (state.snoozed_until), ==, 22);
  fl_reminder_state_clear (&state);
}

/* Our changes, replayed onto a journal someone else changed */
static void
test_replay_and_adopt (void)
{
  g_autoptr(FlJournal) ours = load (full_document);
  g_autoptr(FlJournal) theirs = load (full_document);
  g_autoptr(FlRecord) their_drink = drink_at ("2026-11-27T13:00:00+01:00", 400);
  g_autoptr(FlRecord) our_drink = drink_at ("2026-11-27T14:00:00+01:00", 150);
  g_autoptr(FlRecord) removed = NULL;
  g_autoptr(FlRecord) their_removed = NULL;
  g_autoptr(FlRecord) edit = NULL;
  g_autoptr(GDateTime) fired = time_at ("2026-11-27T14:00:00+01:00");
  FlReminderState reminder = { fired, NULL };
  FlReminderState state = { NULL, NULL };
  FlProfile profile = *fl_journal_get_profile (ours);
  FlJournal *identity = ours;
  guint changed = 0;

  /* Theirs: a drink added, d2 removed */
  g_assert_true (fl_journal_add (theirs, their_drink, NULL));
  their_removed = fl_journal_remove (theirs, FL_RECORD_DRINK, "d2");
  g_assert_nonnull (their_removed);

  /* Ours: a drink added, d1 removed, d2 removed too, r1 edited, profile, reminder */
  g_assert_true (fl_journal_add (ours, our_drink, NULL));
  removed = fl_journal_remove (ours, FL_RECORD_DRINK, "d1");
  g_assert_nonnull (removed);
  g_clear_pointer (&removed, fl_record_unref);
  removed = fl_journal_remove (ours, FL_RECORD_DRINK, "d2");
  g_assert_nonnull (removed);
  edit = fl_record_copy (fl_journal_lookup (ours, FL_RECORD_RUN, "r1"));
  FL_RUN (edit)->rpe = 8;
  g_assert_true (fl_journal_add (ours, edit, NULL));
  profile.weight_kg = 58;
  g_assert_true (fl_journal_set_profile (ours, &profile, NULL));
  fl_journal_set_reminder_state (ours, "drink", &reminder);
  g_assert_true (fl_journal_has_unsynced_changes (ours));

  fl_journal_replay_unsynced (ours, theirs);
  g_assert_null (fl_journal_lookup (theirs, FL_RECORD_DRINK, "d1"));
  g_assert_null (fl_journal_lookup (theirs, FL_RECORD_DRINK, "d2"));
  g_assert_nonnull (fl_journal_lookup (theirs, FL_RECORD_DRINK, their_drink->id));
  g_assert_nonnull (fl_journal_lookup (theirs, FL_RECORD_DRINK, our_drink->id));
  g_assert_cmpuint (total_ml (theirs), ==, 550);
  g_assert_cmpint (FL_RUN (fl_journal_lookup (theirs, FL_RECORD_RUN, "r1"))->rpe, ==, 8);
  g_assert_cmpuint (fl_journal_get_records (theirs, FL_RECORD_RUN)->len, ==, 1);
  g_assert_cmpfloat (fl_journal_get_profile (theirs)->weight_kg, ==, 58);

  g_signal_connect (ours, "changed", G_CALLBACK (count_changed), &changed);
  fl_journal_adopt (ours, theirs);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (ours == identity);
  g_assert_cmpuint (total_ml (ours), ==, 550);
  g_assert_nonnull (fl_journal_lookup (ours, FL_RECORD_DRINK, their_drink->id));
  fl_journal_get_reminder_state (ours, "drink", &state);
  g_assert_true (g_date_time_equal (state.last_fired, fired));
  fl_reminder_state_clear (&state);

  /* Until the store says it is on disk, the operations stay */
  g_assert_true (fl_journal_has_unsynced_changes (ours));
  fl_journal_mark_synced (ours);
  g_assert_false (fl_journal_has_unsynced_changes (ours));
}

static void
test_profile_limits (void)
{
  FlProfile profile;
  g_autoptr(GError) error = NULL;
  static const struct { int year; gboolean ok; } years[] = {
    { 0, TRUE }, { 1899, FALSE }, { 1900, TRUE }, { 2026, TRUE }, { 2027, FALSE },
  };
  static const struct { double kg; gboolean ok; } weights[] = {
    { 0, TRUE }, { 24.9, FALSE }, { 25, TRUE }, { 300, TRUE }, { 300.1, FALSE }, { -60, FALSE },
  };
  static const struct { double rate; gboolean ok; } rates[] = {
    { 0, TRUE }, { 0.09, FALSE }, { 0.1, TRUE }, { 5.0, TRUE }, { 5.01, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      fl_profile_init_defaults (&profile);
      profile.birth_year = years[i].year;
      g_assert_cmpint (fl_profile_validate (&profile, 2026, &error), ==, years[i].ok);
      if (!years[i].ok)
        g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE);
      g_clear_error (&error);
    }

  fl_profile_init_defaults (&profile);
  profile.birth_year = 2031;
  g_assert_false (fl_profile_validate (&profile, 2026, &error));
  g_assert_cmpstr (error->message, ==, "A birth year is 1900 to 2026; got 2031.");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      fl_profile_init_defaults (&profile);
      profile.weight_kg = weights[i].kg;
      g_assert_cmpint (fl_profile_validate (&profile, 2026, &error), ==, weights[i].ok);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      fl_profile_init_defaults (&profile);
      profile.sweat_rate_l_h = rates[i].rate;
      g_assert_cmpint (fl_profile_validate (&profile, 2026, &error), ==, rates[i].ok);
      g_clear_error (&error);
    }
}

static void
test_profile_json (void)
{
  static const struct { const char *json; int code; } bad[] = {
    { "{\"sex\": \"other\"}", FL_RECORD_ERROR_RANGE },
    { "{\"sex\": 1}", FL_RECORD_ERROR_TYPE },
    { "{\"birth_year\": \"1990\"}", FL_RECORD_ERROR_TYPE },
    { "{\"birth_year\": 1850}", FL_RECORD_ERROR_RANGE },
    { "{\"diet\": \"keto\"}", FL_RECORD_ERROR_RANGE },
    { "{\"heavy_periods\": \"yes\"}", FL_RECORD_ERROR_TYPE },
    { "{\"weight_kg\": 12}", FL_RECORD_ERROR_RANGE },
    { "{\"sweat_rate_l_h\": 9}", FL_RECORD_ERROR_RANGE },
  };
  FlProfile profile;
  g_autoptr(JsonNode) partial = parse ("{\"sex\": \"male\", \"unknown\": 1}");
  g_autoptr(JsonNode) empty = parse ("{\"unknown\": 1}");
  g_autoptr(JsonObject) written = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i].json);
      g_autoptr(GError) error = NULL;

      fl_profile_init_defaults (&profile);
      g_assert_false (fl_profile_from_json (&profile, json_node_get_object (node), &error));
      g_assert_error (error, FL_RECORD_ERROR, bad[i].code);
      /* Left as it was */
      g_assert_false (profile.is_set);
    }

  g_assert_true (fl_profile_from_json (&profile, json_node_get_object (partial), NULL));
  g_assert_true (profile.is_set);
  g_assert_cmpint (profile.sex, ==, FL_SEX_MALE);
  g_assert_cmpint (profile.birth_year, ==, 0);
  g_assert_cmpint (profile.diet, ==, FL_DIET_OMNIVORE);

  g_assert_true (fl_profile_from_json (&profile, json_node_get_object (empty), NULL));
  g_assert_false (profile.is_set);

  /* Writing removes a member that is no longer given */
  json_object_set_double_member (written, "weight_kg", 70);
  json_object_set_int_member (written, "kept", 5);
  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = FL_SEX_FEMALE;
  fl_profile_to_json (&profile, written);
  g_assert_false (json_object_has_member (written, "weight_kg"));
  g_assert_cmpstr (json_object_get_string_member (written, "sex"), ==, "female");
  g_assert_cmpint (json_object_get_int_member (written, "birth_year"), ==, 1990);
  g_assert_cmpint (json_object_get_int_member (written, "kept"), ==, 5);
}

static void
test_profile_defaults (void)
{
  FlProfile profile;
  FlProfile other;
  g_autofree char *text = fl_profile_describe_defaults ();
  FlSex sex;
  FlDiet diet;

  fl_profile_init_defaults (&profile);
  g_assert_false (profile.is_set);
  g_assert_cmpint (profile.sex, ==, FL_SEX_UNSET);
  g_assert_cmpint (profile.birth_year, ==, 1990);
  g_assert_cmpint (profile.diet, ==, FL_DIET_OMNIVORE);
  g_assert_cmpfloat (profile.weight_kg, ==, 0);
  g_assert_cmpfloat (profile.sweat_rate_l_h, ==, 0);
  g_assert_false (profile.heavy_periods);
  g_assert_false (profile.pregnant);

  g_assert_cmpstr (text, ==,
                   "No profile yet: Fresh Legs assumes an adult runner born in 1990, with the "
                   "drinking goal for men (2.0 L) and an omnivore diet. Set your profile for "
                   "figures that fit you.");

  other = profile;
  g_assert_true (fl_profile_equal (&profile, &other));
  other.heavy_periods = TRUE;
  g_assert_false (fl_profile_equal (&profile, &other));

  g_assert_true (fl_sex_from_string ("female", &sex));
  g_assert_cmpint (sex, ==, FL_SEX_FEMALE);
  g_assert_false (fl_sex_from_string ("Female", &sex));
  g_assert_cmpstr (fl_sex_to_string (FL_SEX_MALE), ==, "male");
  g_assert_true (fl_diet_from_string ("vegan", &diet));
  g_assert_cmpint (diet, ==, FL_DIET_VEGAN);
  g_assert_false (fl_diet_from_string ("paleo", &diet));
  g_assert_cmpstr (fl_diet_to_string (FL_DIET_VEGETARIAN), ==, "vegetarian");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/journal/sorted-and-stable", test_sorted_and_stable);
  g_test_add_func ("/fl/journal/range", test_range);
  g_test_add_func ("/fl/journal/lookup-and-remove", test_lookup_and_remove);
  g_test_add_func ("/fl/journal/edit-replaces", test_edit_replaces);
  g_test_add_func ("/fl/journal/checkin-one-a-day", test_checkin_per_day);
  g_test_add_func ("/fl/journal/invalid-add-loses-nothing", test_invalid_add);
  g_test_add_func ("/fl/journal/read-only-refuses-changes", test_read_only);
  g_test_add_func ("/fl/journal/changed-once", test_changed_once);
  g_test_add_func ("/fl/journal/round-trip-keeps-unknown", test_round_trip);
  g_test_add_func ("/fl/journal/round-trip-after-changes", test_round_trip_after_changes);
  g_test_add_func ("/fl/journal/empty-document", test_empty_document);
  g_test_add_func ("/fl/journal/load-errors", test_load_errors);
  g_test_add_func ("/fl/journal/newer-read-only", test_newer_read_only);
  g_test_add_func ("/fl/journal/reminder-state", test_reminder_state);
  g_test_add_func ("/fl/journal/replay-and-adopt", test_replay_and_adopt);
  g_test_add_func ("/fl/profile/limits", test_profile_limits);
  g_test_add_func ("/fl/profile/json", test_profile_json);
  g_test_add_func ("/fl/profile/defaults", test_profile_defaults);

  return g_test_run ();
}
