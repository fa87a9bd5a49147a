/* test-record.c: every kind of record, its limits, and its JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "fl-record.h"

/* A valid element of each journal array, as DESIGN.md shows them */
static const char * const bases[FL_N_RECORD_KINDS] = {
  [FL_RECORD_RUN] =
    "{\"id\": \"run-1\", \"start\": \"2026-11-27T07:30:00+01:00\", \"duration_s\": 2700,"
    " \"distance_m\": 8000, \"rpe\": 5, \"avg_hr\": 150, \"cadence_spm\": 168,"
    " \"temperature_c\": 24, \"source\": \"gpx\"}",
  [FL_RECORD_SLEEP] =
    "{\"id\": \"sleep-1\", \"start\": \"2026-11-26T23:00:00+01:00\","
    " \"end\": \"2026-11-27T06:30:00+01:00\", \"nap\": false}",
  [FL_RECORD_DRINK] =
    "{\"id\": \"drink-1\", \"time\": \"2026-11-27T09:00:00+01:00\", \"ml\": 250}",
  [FL_RECORD_IRON] =
    "{\"id\": \"iron-1\", \"time\": \"2026-11-27T12:30:00+01:00\", \"food\": \"lentils-cooked\","
    " \"portions\": 1.5, \"mg\": 3.3}",
  [FL_RECORD_COOLDOWN] =
    "{\"id\": \"cool-1\", \"start\": \"2026-11-27T08:20:00+01:00\","
    " \"end\": \"2026-11-27T08:30:00+01:00\", \"routine\": \"post-run-10\","
    " \"steps_done\": 16, \"steps_total\": 16}",
  [FL_RECORD_CHECKIN] =
    "{\"date\": \"2026-11-27\", \"legs\": 4, \"note\": \"stairs hurt\"}",
  [FL_RECORD_FERRITIN] =
    "{\"id\": \"ferritin-1\", \"date\": \"2026-10-02\", \"ug_per_l\": 24}",
};

#define VALID -1

typedef struct
{
  FlRecordKind kind;
  const char  *member;
  const char  *value;           /* JSON text; NULL removes the member */
  int          code;            /* FlRecordError, or VALID */
} LimitCase;

static const LimitCase limit_cases[] = {
  /* Runs: 1 s .. 48 h */
  { FL_RECORD_RUN, "duration_s", "0", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "duration_s", "1", VALID },
  { FL_RECORD_RUN, "duration_s", "172800", VALID },
  { FL_RECORD_RUN, "duration_s", "172801", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "duration_s", "10000000000000", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "duration_s", "\"45:00\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "duration_s", "2700.5", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "duration_s", NULL, FL_RECORD_ERROR_MISSING },
  /* 0 .. 500 km */
  { FL_RECORD_RUN, "distance_m", "-1", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "distance_m", "0", VALID },
  { FL_RECORD_RUN, "distance_m", "500000", VALID },
  { FL_RECORD_RUN, "distance_m", "500000.5", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "distance_m", "\"8km\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "distance_m", NULL, VALID },
  /* RPE 0..10; -1 or absent = not given */
  { FL_RECORD_RUN, "rpe", "-2", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "rpe", "-1", VALID },
  { FL_RECORD_RUN, "rpe", "0", VALID },
  { FL_RECORD_RUN, "rpe", "10", VALID },
  { FL_RECORD_RUN, "rpe", "11", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "rpe", "true", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "rpe", "null", VALID },
  /* Heart rate 30..250; 0 = not given */
  { FL_RECORD_RUN, "avg_hr", "29", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "avg_hr", "30", VALID },
  { FL_RECORD_RUN, "avg_hr", "250", VALID },
  { FL_RECORD_RUN, "avg_hr", "251", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "avg_hr", "0", VALID },
  /* Cadence 60..260 */
  { FL_RECORD_RUN, "cadence_spm", "59", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "cadence_spm", "60", VALID },
  { FL_RECORD_RUN, "cadence_spm", "260", VALID },
  { FL_RECORD_RUN, "cadence_spm", "261", FL_RECORD_ERROR_RANGE },
  /* -50..60 °C */
  { FL_RECORD_RUN, "temperature_c", "-50.5", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "temperature_c", "-50", VALID },
  { FL_RECORD_RUN, "temperature_c", "60", VALID },
  { FL_RECORD_RUN, "temperature_c", "60.1", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "temperature_c", "\"hot\"", FL_RECORD_ERROR_TYPE },
  /* Times carry their offset; without one they are local */
  { FL_RECORD_RUN, "start", "\"yesterday\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "start", "\"2026-11-31T07:30:00+01:00\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "start", "1764225000", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "start", "\"2026-11-27T07:30:00\"", VALID },
  { FL_RECORD_RUN, "start", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_RUN, "source", "\"\"", FL_RECORD_ERROR_MISSING },
  { FL_RECORD_RUN, "source", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_RUN, "source", "42", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_RUN, "id", "\"\"", FL_RECORD_ERROR_MISSING },
  { FL_RECORD_RUN, "id", "7", FL_RECORD_ERROR_TYPE },

  /* Sleep: 0 < length <= 24 h */
  { FL_RECORD_SLEEP, "end", "\"2026-11-26T23:00:00+01:00\"", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_SLEEP, "end", "\"2026-11-26T23:00:01+01:00\"", VALID },
  { FL_RECORD_SLEEP, "end", "\"2026-11-27T23:00:00+01:00\"", VALID },
  { FL_RECORD_SLEEP, "end", "\"2026-11-27T23:00:01+01:00\"", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_SLEEP, "end", "\"2026-11-26T22:00:00+01:00\"", FL_RECORD_ERROR_RANGE },
  /* The same instant written in another zone is still the same instant */
  { FL_RECORD_SLEEP, "end", "\"2026-11-27T05:30:00Z\"", VALID },
  { FL_RECORD_SLEEP, "end", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_SLEEP, "nap", "\"no\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_SLEEP, "nap", NULL, VALID },

  /* Drinks: 1..5000 ml */
  { FL_RECORD_DRINK, "ml", "0", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_DRINK, "ml", "1", VALID },
  { FL_RECORD_DRINK, "ml", "5000", VALID },
  { FL_RECORD_DRINK, "ml", "5001", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_DRINK, "ml", "-250", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_DRINK, "ml", "250.0", VALID },
  { FL_RECORD_DRINK, "ml", "\"250ml\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_DRINK, "ml", "{}", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_DRINK, "ml", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_DRINK, "time", NULL, FL_RECORD_ERROR_MISSING },

  /* Iron: 0 < portions <= 20, 0..200 mg */
  { FL_RECORD_IRON, "portions", "0", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_IRON, "portions", "0.1", VALID },
  { FL_RECORD_IRON, "portions", "20", VALID },
  { FL_RECORD_IRON, "portions", "20.5", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_IRON, "portions", NULL, VALID },
  { FL_RECORD_IRON, "mg", "-0.1", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_IRON, "mg", "0", VALID },
  { FL_RECORD_IRON, "mg", "200", VALID },
  { FL_RECORD_IRON, "mg", "200.1", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_IRON, "mg", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_IRON, "food", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_IRON, "food", "[\"lentils\"]", FL_RECORD_ERROR_TYPE },

  /* Cool-downs: 1..500 steps, done <= total, end not before start */
  { FL_RECORD_COOLDOWN, "steps_total", "0", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_COOLDOWN, "steps_total", "16", VALID },
  { FL_RECORD_COOLDOWN, "steps_total", "500", VALID },
  { FL_RECORD_COOLDOWN, "steps_total", "501", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_COOLDOWN, "steps_total", "15", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_COOLDOWN, "steps_done", "-1", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_COOLDOWN, "steps_done", "0", VALID },
  { FL_RECORD_COOLDOWN, "end", "\"2026-11-27T08:20:00+01:00\"", VALID },
  { FL_RECORD_COOLDOWN, "end", "\"2026-11-27T08:19:59+01:00\"", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_COOLDOWN, "routine", NULL, FL_RECORD_ERROR_MISSING },

  /* Check-ins: 1..5, a real date */
  { FL_RECORD_CHECKIN, "legs", "0", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_CHECKIN, "legs", "1", VALID },
  { FL_RECORD_CHECKIN, "legs", "5", VALID },
  { FL_RECORD_CHECKIN, "legs", "6", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_CHECKIN, "legs", "\"heavy\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "legs", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_CHECKIN, "date", "\"2026-02-30\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "date", "\"2027-02-29\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "date", "\"2028-02-29\"", VALID },
  { FL_RECORD_CHECKIN, "date", "\"2026-13-01\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "date", "\"2026-11-00\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "date", "\"27.11.2026\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "date", "\"2026-11-27T00:00:00+01:00\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "date", "\"2026-1-27\"", FL_RECORD_ERROR_TYPE },
  { FL_RECORD_CHECKIN, "date", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_CHECKIN, "note", NULL, VALID },
  { FL_RECORD_CHECKIN, "note", "false", FL_RECORD_ERROR_TYPE },

  /* Ferritin: 0 < value <= 2000 µg/L */
  { FL_RECORD_FERRITIN, "ug_per_l", "0", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_FERRITIN, "ug_per_l", "0.5", VALID },
  { FL_RECORD_FERRITIN, "ug_per_l", "2000", VALID },
  { FL_RECORD_FERRITIN, "ug_per_l", "2000.5", FL_RECORD_ERROR_RANGE },
  { FL_RECORD_FERRITIN, "ug_per_l", NULL, FL_RECORD_ERROR_MISSING },
  { FL_RECORD_FERRITIN, "date", "\"2026-04-31\"", FL_RECORD_ERROR_TYPE },
};

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static GDateTime *
time_at (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return time;
}

static FlRecord *
parse_record (FlRecordKind   kind,
              const char    *text,
              GError       **error)
{
  g_autoptr(JsonObject) object = parse_object (text);

  return fl_record_new_from_json (kind, object, error);
}

/* Every limit from both sides, wrong types and missing members, for every kind */
static void
test_limits (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (limit_cases); i++)
    {
      const LimitCase *c = &limit_cases[i];
      g_autoptr(JsonObject) object = parse_object (bases[c->kind]);
      g_autoptr(FlRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s: \"%s\" = %s", fl_record_kind_to_member (c->kind), c->member,
                      c->value ? c->value : "(absent)");

      if (c->value != NULL)
        {
          g_autoptr(JsonNode) value = json_from_string (c->value, NULL);

          g_assert_nonnull (value);
          json_object_set_member (object, c->member, g_steal_pointer (&value));
        }
      else
        json_object_remove_member (object, c->member);

      record = fl_record_new_from_json (c->kind, object, &error);
      if (c->code == VALID)
        {
          g_assert_no_error (error);
          g_assert_nonnull (record);
          g_assert_true (fl_record_validate (record, NULL));
        }
      else
        {
          g_assert_error (error, FL_RECORD_ERROR, c->code);
          g_assert_null (record);
          /* A message a person can read: it names something, and ends a sentence */
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
    }
}

static void
test_base_records_valid (void)
{
  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FlRecord) record = parse_record (kind, bases[kind], &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpint (record->kind, ==, kind);
    }
}

static void
assert_message (FlRecordKind  kind,
                const char   *member,
                const char   *value,
                const char   *expected)
{
  g_autoptr(JsonObject) object = parse_object (bases[kind]);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;

  json_object_set_member (object, member, json_from_string (value, NULL));
  record = fl_record_new_from_json (kind, object, &error);
  g_assert_null (record);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_messages (void)
{
  assert_message (FL_RECORD_DRINK, "ml", "0", "A drink is 1 to 5000 ml; got 0 ml.");
  assert_message (FL_RECORD_DRINK, "ml", "100000", "A drink is 1 to 5000 ml; got 100000 ml.");
  assert_message (FL_RECORD_RUN, "distance_m", "501000", "A run is 0 to 500 km long; got 501 km.");
  assert_message (FL_RECORD_RUN, "rpe", "12", "Effort (RPE) is 0 to 10; got 12.");
  assert_message (FL_RECORD_RUN, "duration_s", "0",
                  "A run lasts 1 second to 48 hours; got 0 seconds.");
  assert_message (FL_RECORD_CHECKIN, "legs", "7", "Legs are rated 1 (fresh) to 5 (heavy); got 7.");
  assert_message (FL_RECORD_CHECKIN, "date", "\"2026-02-30\"",
                  "“date” must be a date of the calendar like 2026-11-27; got \"2026-02-30\".");
  assert_message (FL_RECORD_DRINK, "ml", "\"lots\"", "“ml” must be a whole number; got \"lots\".");
  assert_message (FL_RECORD_SLEEP, "end", "\"2026-11-28T06:30:00+01:00\"",
                  "A sleep ends after it starts and lasts at most 24 hours; got 31.5 hours.");
  assert_message (FL_RECORD_FERRITIN, "ug_per_l", "0",
                  "A ferritin value is more than 0 and at most 2000 µg/L; got 0 µg/L.");

  {
    g_autoptr(JsonObject) object = parse_object (bases[FL_RECORD_IRON]);
    g_autoptr(GError) error = NULL;
    g_autoptr(FlRecord) record = NULL;

    json_object_remove_member (object, "food");
    record = fl_record_new_from_json (FL_RECORD_IRON, object, &error);
    g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_MISSING);
    g_assert_cmpstr (error->message, ==, "An iron entry needs “food”.");
  }
}

/* What is read is what is written: every kind, with a member this version
 * does not know, survives parse and serialize unchanged. */
static void
test_round_trip (void)
{
  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    {
      g_autoptr(JsonObject) input = parse_object (bases[kind]);
      g_autoptr(JsonNode) input_node = NULL;
      g_autoptr(JsonNode) output_node = NULL;
      g_autoptr(FlRecord) record = NULL;
      g_autoptr(FlRecord) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) from_again = NULL;
      g_autofree char *text = NULL;

      json_object_set_string_member (input, "shoe", "Pegasus 40");
      json_object_set_member (input, "extra", json_from_string ("{\"a\": [1, 2, {\"b\": null}]}", NULL));

      record = fl_record_new_from_json (kind, input, &error);
      g_assert_no_error (error);

      input_node = json_node_init_object (json_node_alloc (), input);
      output_node = json_node_init_object (json_node_alloc (), fl_record_to_json (record));
      json_object_unref (json_node_get_object (output_node));
      text = json_to_string (output_node, FALSE);
      g_test_message ("%s", text);
      g_assert_true (json_node_equal (input_node, output_node));

      /* and parse that again: the same record */
      again = fl_record_new_from_json (kind, json_node_get_object (output_node), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again->id, ==, record->id);
      g_assert_true (g_date_time_equal (again->time, record->time));
      from_again = fl_record_to_json (again);
      g_assert_cmpstr (json_object_get_string_member (from_again, "shoe"), ==, "Pegasus 40");
    }
}

static void
test_run_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = parse_record (FL_RECORD_RUN, bases[FL_RECORD_RUN], &error);
  g_autoptr(FlRecord) bare = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(JsonObject) json = NULL;
  g_autofree char *end_text = NULL;
  FlRun *run;

  g_assert_no_error (error);
  run = FL_RUN (record);
  g_assert_cmpstr (record->id, ==, "run-1");
  g_assert_cmpint (run->duration_s, ==, 2700);
  g_assert_cmpfloat (run->distance_m, ==, 8000);
  g_assert_cmpint (run->rpe, ==, 5);
  g_assert_cmpint (run->avg_hr, ==, 150);
  g_assert_cmpint (run->cadence_spm, ==, 168);
  g_assert_cmpfloat (run->temperature_c, ==, 24);
  g_assert_cmpstr (run->source, ==, "gpx");
  g_assert_null (run->note);

  end = fl_run_get_end (run);
  end_text = fl_record_format_time (end);
  g_assert_cmpstr (end_text, ==, "2026-11-27T08:15:00+01:00");

  /* Only what is required: the rest reads as "not given", and is left out again */
  bare = parse_record (FL_RECORD_RUN,
                       "{\"start\": \"2026-11-27T07:30:00+01:00\", \"duration_s\": 1800}", &error);
  g_assert_no_error (error);
  run = FL_RUN (bare);
  g_assert_true (g_uuid_string_is_valid (bare->id));
  g_assert_cmpfloat (run->distance_m, ==, 0);
  g_assert_cmpint (run->rpe, ==, -1);
  g_assert_cmpint (run->avg_hr, ==, 0);
  g_assert_cmpint (run->cadence_spm, ==, 0);
  g_assert_true (isnan (run->temperature_c));
  g_assert_cmpstr (run->source, ==, "manual");

  json = fl_record_to_json (bare);
  g_assert_cmpuint (json_object_get_size (json), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json, "id"), ==, bare->id);
  g_assert_cmpint (json_object_get_int_member (json, "duration_s"), ==, 1800);
  g_assert_cmpstr (json_object_get_string_member (json, "source"), ==, "manual");
  g_assert_false (json_object_has_member (json, "rpe"));
  g_assert_false (json_object_has_member (json, "temperature_c"));
}

/* Times keep their UTC offset, so a journal survives travel and DST */
static void
test_times (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) india = NULL;
  g_autoptr(FlRecord) summer = NULL;
  g_autoptr(FlRecord) winter = NULL;
  g_autoptr(FlRecord) precise = NULL;
  g_autoptr(JsonObject) json = NULL;

  india = parse_record (FL_RECORD_DRINK,
                        "{\"time\": \"2026-11-27T09:00:00+05:30\", \"ml\": 250}", &error);
  g_assert_no_error (error);
  json = fl_record_to_json (india);
  g_assert_cmpstr (json_object_get_string_member (json, "time"), ==, "2026-11-27T09:00:00+05:30");
  g_clear_pointer (&json, json_object_unref);

  /* Without an offset: local time, Europe/Berlin in the tests */
  summer = parse_record (FL_RECORD_DRINK, "{\"time\": \"2026-07-01T09:00:00\", \"ml\": 250}", &error);
  g_assert_no_error (error);
  json = fl_record_to_json (summer);
  g_assert_cmpstr (json_object_get_string_member (json, "time"), ==, "2026-07-01T09:00:00+02:00");
  g_clear_pointer (&json, json_object_unref);

  winter = parse_record (FL_RECORD_DRINK, "{\"time\": \"2026-12-01T09:00:00\", \"ml\": 250}", &error);
  g_assert_no_error (error);
  json = fl_record_to_json (winter);
  g_assert_cmpstr (json_object_get_string_member (json, "time"), ==, "2026-12-01T09:00:00+01:00");
  g_clear_pointer (&json, json_object_unref);

  precise = parse_record (FL_RECORD_DRINK,
                          "{\"time\": \"2026-11-27T09:00:00.250000Z\", \"ml\": 250}", &error);
  g_assert_no_error (error);
  json = fl_record_to_json (precise);
  g_assert_cmpstr (json_object_get_string_member (json, "time"), ==, "2026-11-27T09:00:00.250000+00:00");
}

/* A check-in and a ferritin result have a date: their time is local midnight */
static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) checkin = parse_record (FL_RECORD_CHECKIN, bases[FL_RECORD_CHECKIN], &error);
  g_autoptr(FlRecord) made = NULL;
  g_autoptr(FlRecord) ferritin = NULL;
  g_autoptr(GDateTime) afternoon = time_at ("2026-11-27T14:05:00+01:00");
  g_autoptr(GDateTime) summer = time_at ("2026-07-01T14:05:00+02:00");
  g_autoptr(JsonObject) json = NULL;
  g_autofree char *midnight = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (checkin->id, ==, "2026-11-27");
  midnight = fl_record_format_time (checkin->time);
  g_assert_cmpstr (midnight, ==, "2026-11-27T00:00:00+01:00");
  g_assert_cmpint (FL_CHECKIN (checkin)->legs, ==, 4);
  g_assert_cmpstr (FL_CHECKIN (checkin)->note, ==, "stairs hurt");

  /* The same, made in code: the id is the date, the time its local midnight */
  made = fl_record_new (FL_RECORD_CHECKIN, afternoon);
  g_assert_cmpstr (made->id, ==, "2026-11-27");
  g_assert_true (g_date_time_equal (made->time, checkin->time));
  FL_CHECKIN (made)->legs = 2;
  g_assert_true (fl_record_validate (made, NULL));
  json = fl_record_to_json (made);
  g_assert_cmpstr (json_object_get_string_member (json, "date"), ==, "2026-11-27");
  g_assert_false (json_object_has_member (json, "id"));
  g_assert_false (json_object_has_member (json, "note"));

  ferritin = fl_record_new (FL_RECORD_FERRITIN, summer);
  g_clear_pointer (&midnight, g_free);
  midnight = fl_record_format_time (ferritin->time);
  g_assert_cmpstr (midnight, ==, "2026-07-01T00:00:00+02:00");
  g_assert_true (g_uuid_string_is_valid (ferritin->id));
  /* Not given yet: the value is required */
  g_assert_false (fl_record_validate (ferritin, &error));
  g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE);
}

/* Records made in code are checked the same way as records read */
static void
test_validate_in_code (void)
{
  g_autoptr(GDateTime) now = time_at ("2026-11-27T09:00:00+01:00");
  g_autoptr(GDateTime) later = time_at ("2026-11-27T09:10:00+01:00");
  g_autoptr(FlRecord) drink = fl_drink_new (now, 0);
  g_autoptr(FlRecord) run = fl_run_new (now, 2700, 8000);
  g_autoptr(FlRecord) sleep = fl_record_new (FL_RECORD_SLEEP, now);
  g_autoptr(FlRecord) cooldown = fl_record_new (FL_RECORD_COOLDOWN, now);
  g_autoptr(GError) error = NULL;

  g_assert_false (fl_record_validate (drink, &error));
  g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "A drink is 1 to 5000 ml; got 0 ml.");
  g_clear_error (&error);
  FL_DRINK (drink)->ml = 5000;
  g_assert_true (fl_record_validate (drink, &error));
  g_assert_no_error (error);

  g_assert_true (fl_record_validate (run, &error));
  g_assert_no_error (error);
  FL_RUN (run)->rpe = 11;
  g_assert_false (fl_record_validate (run, &error));
  g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE);
  g_clear_error (&error);
  FL_RUN (run)->rpe = -1;
  g_clear_pointer (&FL_RUN (run)->source, g_free);
  g_assert_false (fl_record_validate (run, &error));
  g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_MISSING);
  g_clear_error (&error);

  /* A sleep without its end is not a sleep */
  g_assert_false (fl_record_validate (sleep, &error));
  g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "A sleep entry needs “end”.");
  g_clear_error (&error);

  FL_COOLDOWN (cooldown)->end = g_date_time_ref (later);
  FL_COOLDOWN (cooldown)->routine = g_strdup ("post-run-10");
  FL_COOLDOWN (cooldown)->steps_total = 16;
  FL_COOLDOWN (cooldown)->steps_done = 17;
  g_assert_false (fl_record_validate (cooldown, &error));
  g_assert_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE);
  g_clear_error (&error);
  FL_COOLDOWN (cooldown)->steps_done = 16;
  g_assert_true (fl_record_validate (cooldown, &error));
  g_assert_no_error (error);
}

static void
test_copy_and_ref (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) input = parse_object (bases[FL_RECORD_RUN]);
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(FlRecord) copy = NULL;
  g_autoptr(JsonObject) json = NULL;
  FlRecord *boxed;

  json_object_set_string_member (input, "note", "felt heavy");
  json_object_set_int_member (input, "elevation_m", 120);
  record = fl_record_new_from_json (FL_RECORD_RUN, input, &error);
  g_assert_no_error (error);

  copy = fl_record_copy (record);
  g_assert_true (copy != record);
  g_assert_cmpstr (copy->id, ==, record->id);
  g_assert_true (copy->id != record->id);
  g_assert_true (FL_RUN (copy)->note != FL_RUN (record)->note);

  /* Changing the copy leaves the original alone */
  g_free (FL_RUN (copy)->note);
  FL_RUN (copy)->note = g_strdup ("fine");
  FL_RUN (copy)->duration_s = 3000;
  g_assert_cmpstr (FL_RUN (record)->note, ==, "felt heavy");
  g_assert_cmpint (FL_RUN (record)->duration_s, ==, 2700);

  /* and keeps the unknown members */
  json = fl_record_to_json (copy);
  g_assert_cmpint (json_object_get_int_member (json, "elevation_m"), ==, 120);
  g_assert_cmpstr (json_object_get_string_member (json, "note"), ==, "fine");
  g_assert_cmpint (json_object_get_int_member (json, "duration_s"), ==, 3000);

  /* The boxed type copies by reference */
  boxed = g_boxed_copy (FL_TYPE_RECORD, record);
  g_assert_true (boxed == record);
  g_boxed_free (FL_TYPE_RECORD, boxed);
  g_assert_true (G_TYPE_IS_BOXED (FL_TYPE_RECORD));
}

static void
test_members (void)
{
  static const char * const expected[FL_N_RECORD_KINDS] = {
    "runs", "sleep", "drinks", "iron", "cooldowns", "checkins", "ferritin",
  };

  for (guint kind = 0; kind < FL_N_RECORD_KINDS; kind++)
    g_assert_cmpstr (fl_record_kind_to_member (kind), ==, expected[kind]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/record/base-records-valid", test_base_records_valid);
  g_test_add_func ("/fl/record/limits-both-sides", test_limits);
  g_test_add_func ("/fl/record/messages", test_messages);
  g_test_add_func ("/fl/record/round-trip-keeps-unknown", test_round_trip);
  g_test_add_func ("/fl/record/run-fields", test_run_fields);
  g_test_add_func ("/fl/record/times-keep-offset", test_times);
  g_test_add_func ("/fl/record/dates", test_dates);
  g_test_add_func ("/fl/record/validate-in-code", test_validate_in_code);
  g_test_add_func ("/fl/record/copy-and-ref", test_copy_and_ref);
  g_test_add_func ("/fl/record/members", test_members);

  return g_test_run ();
}
