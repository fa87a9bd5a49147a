/* test-sleep.c: the sleep need, debt, bedtime, naps and the log's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The suite runs with TZ=Europe/Berlin: the night of 2026-03-29 has one
 * hour less, that of 2026-10-25 one hour more.
 */
#include "config.h"

#include "fl-sleep.h"
#include "fl-test-clock.h"

static GDateTime *
at (const char *iso8601)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, local);

  g_assert_nonnull (time);

  return time;
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static FlJournal *
journal_born (int birth_year)
{
  g_autoptr(GError) error = NULL;
  FlJournal *journal = fl_journal_new ();
  FlProfile profile;

  if (birth_year == 0)
    return journal;

  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = FL_SEX_FEMALE;
  profile.birth_year = birth_year;
  g_assert_true (fl_journal_set_profile (journal, &profile, &error));
  g_assert_no_error (error);

  return journal;
}

static FlRecord *
sleep_new (const char *bed,
           const char *wake,
           gboolean    nap)
{
  g_autoptr(GDateTime) start = at (bed);
  FlRecord *record = fl_record_new (FL_RECORD_SLEEP, start);

  FL_SLEEP (record)->end = at (wake);
  FL_SLEEP (record)->nap = nap;

  return record;
}

static void
log_sleep (FlJournal  *journal,
           const char *bed,
           const char *wake,
           gboolean    nap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = sleep_new (bed, wake, nap);

  g_assert_true (fl_sleep_add (journal, record, &error));
  g_assert_no_error (error);
}

static char *
local_hm (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (time);
  text = local_hm (time);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_band_by_age (void)
{
  g_autoptr(FlJournal) adult = journal_born (1990);
  g_autoptr(FlJournal) teen = journal_born (2010);
  g_autoptr(FlJournal) older = journal_born (1960);
  g_autoptr(FlJournal) none = journal_born (0);
  FlSleepOptions options;
  FlSleepNight night;
  GDate date;
  int low, high;

  set_date (&date, 2026, 11, 27);

  /* NSF 2015: 7–9 h, 8–10 h under 18, 7–8 h over 64 */
  fl_sleep_band (fl_journal_get_profile (adult), &date, &low, &high);
  g_assert_cmpint (low, ==, 420);
  g_assert_cmpint (high, ==, 540);
  fl_sleep_band (fl_journal_get_profile (teen), &date, &low, &high);
  g_assert_cmpint (low, ==, 480);
  g_assert_cmpint (high, ==, 600);
  fl_sleep_band (fl_journal_get_profile (older), &date, &low, &high);
  g_assert_cmpint (low, ==, 420);
  g_assert_cmpint (high, ==, 480);
  /* Without a profile: the default adult */
  fl_sleep_band (fl_journal_get_profile (none), &date, &low, &high);
  g_assert_cmpint (low, ==, 420);
  g_assert_cmpint (high, ==, 540);

  /* The default baseline is 8 h; a baseline outside the band is held in it */
  fl_sleep_options_init (&options);
  fl_sleep_night_init (&night, adult, &date, &options);
  g_assert_cmpint (night.need_min, ==, 480);
  g_assert_cmpint (night.slept_min, ==, -1);

  options.baseline_min = 450;
  fl_sleep_night_init (&night, adult, &date, &options);
  g_assert_cmpint (night.need_min, ==, 450);
  fl_sleep_night_init (&night, teen, &date, &options);
  g_assert_cmpint (night.need_min, ==, 480);

  options.baseline_min = 570;
  fl_sleep_night_init (&night, adult, &date, &options);
  g_assert_cmpint (night.need_min, ==, 540);
  fl_sleep_night_init (&night, teen, &date, &options);
  g_assert_cmpint (night.need_min, ==, 570);
  fl_sleep_night_init (&night, older, &date, &options);
  g_assert_cmpint (night.need_min, ==, 480);
}

typedef struct
{
  GDate hard_day;
  int   extra;
  int   calls;
} LoadModel;

static int
load_model (FlJournal   *journal,
            const GDate *day,
            gpointer     user_data)
{
  LoadModel *model = user_data;

  model->calls++;
  return g_date_compare (day, &model->hard_day) == 0 ? model->extra : 0;
}

static void
test_need_after_high_load (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  LoadModel model = { { 0, }, 45, 0 };
  FlSleepOptions options;
  FlSleepNight night;
  GDate morning;

  set_date (&model.hard_day, 2026, 11, 26);
  set_date (&morning, 2026, 11, 27);

  /* Without a training model nothing is added */
  fl_sleep_options_init (&options);
  fl_sleep_night_init (&night, journal, &morning, &options);
  g_assert_cmpint (night.need_min, ==, 480);
  g_assert_cmpint (night.load_extra_min, ==, 0);

  /* The night after the hard day needs 45 minutes more */
  options.load_func = load_model;
  options.load_data = &model;
  fl_sleep_night_init (&night, journal, &morning, &options);
  g_assert_cmpint (model.calls, ==, 1);
  g_assert_cmpint (night.load_extra_min, ==, 45);
  g_assert_cmpint (night.need_min, ==, 525);

  /* ...and the night before it does not */
  set_date (&morning, 2026, 11, 26);
  fl_sleep_night_init (&night, journal, &morning, &options);
  g_assert_cmpint (night.need_min, ==, 480);

  /* Never more than 45 minutes, and never above the band */
  set_date (&morning, 2026, 11, 27);
  model.extra = 120;
  fl_sleep_night_init (&night, journal, &morning, &options);
  g_assert_cmpint (night.load_extra_min, ==, 45);
  g_assert_cmpint (night.need_min, ==, 525);
  options.baseline_min = 510;
  fl_sleep_night_init (&night, journal, &morning, &options);
  g_assert_cmpint (night.need_min, ==, 540);
}

static void
test_need_minus_naps (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  FlSleepOptions options;
  FlSleepDay day;
  GDate today;

  fl_sleep_options_init (&options);
  set_date (&today, 2026, 11, 27);

  log_sleep (journal, "2026-11-26T23:00:00", "2026-11-27T06:30:00", FALSE);
  /* A 25-minute nap today lowers tonight's need, not last night's */
  log_sleep (journal, "2026-11-27T13:10:00", "2026-11-27T13:35:00", TRUE);

  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.naps_today_min, ==, 25);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min, ==, 450);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].need_min, ==, 480);
  g_assert_cmpint (day.tonight.naps_min, ==, 25);
  g_assert_cmpint (day.tonight.need_min, ==, 455);
  /* Wake at 07:00 − 7 h 35 min − 15 min */
  assert_time (day.bedtime, "2026-11-27 23:10");
  assert_time (day.wind_down, "2026-11-27 22:40");
  /* A nap is logged already: no suggestion (and the night was 7.5 h) */
  g_assert_null (day.nap_from);
  fl_sleep_day_clear (&day);

  /* A long nap cannot take the need below the band's 7 h */
  log_sleep (journal, "2026-11-27T14:00:00", "2026-11-27T15:30:00", TRUE);
  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.tonight.naps_min, ==, 115);
  g_assert_cmpint (day.tonight.need_min, ==, 420);
  assert_time (day.bedtime, "2026-11-27 23:45");
  fl_sleep_day_clear (&day);
}

static void
test_debt_missing_nights (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  FlSleepOptions options;
  FlSleepDay day;
  GDate today;

  fl_sleep_options_init (&options);
  set_date (&today, 2026, 11, 27);

  /* Nothing logged: no debt, and it says none was logged */
  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.debt_min, ==, 0);
  g_assert_cmpint (day.debt_nights_logged, ==, 0);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min, ==, -1);
  fl_sleep_day_clear (&day);

  /* 6 h (the 20th), 7 h (the 24th) and 8 h 30 min (the 27th) against 8 h */
  log_sleep (journal, "2026-11-20T00:30:00", "2026-11-20T06:30:00", FALSE);
  log_sleep (journal, "2026-11-23T23:00:00", "2026-11-24T06:00:00", FALSE);
  log_sleep (journal, "2026-11-26T22:30:00", "2026-11-27T07:00:00", FALSE);
  /* Outside the seven nights (mornings 21 to 27): the 20th and the 19th */
  log_sleep (journal, "2026-11-19T01:00:00", "2026-11-19T05:00:00", FALSE);
  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.debt_nights_logged, ==, 2);
  /* 7 h (60 short) and 8.5 h (30 over); the missing five count as nothing */
  g_assert_cmpint (day.debt_min, ==, 30);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min, ==, 510);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 4].slept_min, ==, 420);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 8].slept_min, ==, 360);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 9].slept_min, ==, 240);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 2].slept_min, ==, -1);
  fl_sleep_day_clear (&day);

  /* A short night on the 21st: 5 h → 180 more */
  log_sleep (journal, "2026-11-21T01:00:00", "2026-11-21T06:00:00", FALSE);
  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.debt_nights_logged, ==, 3);
  g_assert_cmpint (day.debt_min, ==, 210);
  fl_sleep_day_clear (&day);

  /* Long nights pay it back, but a debt never turns into credit */
  log_sleep (journal, "2026-11-24T21:00:00", "2026-11-25T08:00:00", FALSE);
  log_sleep (journal, "2026-11-25T21:00:00", "2026-11-26T08:00:00", FALSE);
  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.debt_nights_logged, ==, 5);
  g_assert_cmpint (day.debt_min, ==, 0);
  fl_sleep_day_clear (&day);
}

static void
test_bedtime (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  FlSleepOptions options;
  FlSleepDay day;
  GDate today;

  fl_sleep_options_init (&options);
  set_date (&today, 2026, 11, 27);

  /* 07:00 − 8 h − 15 min to fall asleep */
  fl_sleep_day_init (&day, journal, &today, &options);
  assert_time (day.bedtime, "2026-11-27 22:45");
  assert_time (day.wind_down, "2026-11-27 22:15");
  fl_sleep_day_clear (&day);

  /* A late riser goes to bed after midnight */
  options.wake_time_min = 9 * 60 + 30;
  fl_sleep_day_init (&day, journal, &today, &options);
  assert_time (day.bedtime, "2026-11-28 01:15");
  fl_sleep_day_clear (&day);

  options.wake_time_min = 6 * 60;
  options.baseline_min = 7 * 60 + 30;
  fl_sleep_day_init (&day, journal, &today, &options);
  assert_time (day.bedtime, "2026-11-27 22:15");
  fl_sleep_day_clear (&day);
}

static void
test_dst_spring (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  FlSleepOptions options;
  FlSleepDay day;
  GDate date;

  fl_sleep_options_init (&options);

  /* 23:00 to 07:00 on the clock, but the clocks went forward at 02:00 */
  set_date (&date, 2026, 3, 29);
  record = fl_sleep_record_new (&date, 23 * 60, 7 * 60, FALSE, &error);
  g_assert_no_error (error);
  assert_time (record->time, "2026-03-28 23:00");
  assert_time (FL_SLEEP (record)->end, "2026-03-29 07:00");
  g_assert_true (fl_sleep_add (journal, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fl_sleep_night_minutes (journal, &date), ==, 7 * 60);

  /* So it was a short night: debt 1 h and a nap */
  fl_sleep_day_init (&day, journal, &date, &options);
  g_assert_cmpint (day.debt_min, ==, 60);
  g_assert_cmpint (day.debt_nights_logged, ==, 1);
  g_assert_null (day.nap_from);    /* 7 h is not under 7 h */
  fl_sleep_day_clear (&day);

  /* Tonight's bedtime the evening before the change: eight hours before
   * 07:00 summer time is 22:00 winter time, minus 15 minutes */
  set_date (&date, 2026, 3, 28);
  fl_sleep_day_init (&day, journal, &date, &options);
  assert_time (day.bedtime, "2026-03-28 21:45");
  assert_time (day.wind_down, "2026-03-28 21:15");
  fl_sleep_day_clear (&day);
}

static void
test_dst_autumn (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  FlSleepOptions options;
  FlSleepDay day;
  GDate date;

  fl_sleep_options_init (&options);

  /* 23:00 to 07:00 on the clock, with 02:00–03:00 twice: 9 hours */
  set_date (&date, 2026, 10, 25);
  record = fl_sleep_record_new (&date, 23 * 60, 7 * 60, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (fl_sleep_add (journal, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fl_sleep_night_minutes (journal, &date), ==, 9 * 60);

  fl_sleep_day_init (&day, journal, &date, &options);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min, ==, 540);
  g_assert_cmpint (day.debt_min, ==, 0);
  fl_sleep_day_clear (&day);

  /* The evening before: 07:00 winter time − 8 h 15 min is 23:45 summer time */
  set_date (&date, 2026, 10, 24);
  fl_sleep_day_init (&day, journal, &date, &options);
  assert_time (day.bedtime, "2026-10-24 23:45");
  fl_sleep_day_clear (&day);

  /* A 6-hour night the day after: a short one, so a nap */
  set_date (&date, 2026, 10, 26);
  g_clear_pointer (&record, fl_record_unref);
  record = fl_sleep_record_new (&date, 0, 6 * 60, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (fl_sleep_add (journal, record, &error));
  g_assert_no_error (error);
  fl_sleep_day_init (&day, journal, &date, &options);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min, ==, 360);
  g_assert_nonnull (day.nap_from);
  fl_sleep_day_clear (&day);
}

static void
assert_refused (FlJournal  *journal,
                FlRecord   *record,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = fl_journal_to_json (journal);
  g_autoptr(JsonNode) after = NULL;

  g_assert_false (fl_sleep_add (journal, record, &error));
  g_assert_error (error, FL_SLEEP_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);

  after = fl_journal_to_json (journal);
  g_assert_true (json_node_equal (before, after));
}

static void
test_overlap (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  g_autoptr(FlRecord) inside = NULL;
  g_autoptr(FlRecord) across = NULL;
  g_autoptr(FlRecord) nap = NULL;
  g_autoptr(FlRecord) adjacent = NULL;
  g_autoptr(FlRecord) edit = NULL;
  g_autoptr(GError) error = NULL;
  FlRecord *night;

  log_sleep (journal, "2026-11-26T23:10:00", "2026-11-27T06:40:00", FALSE);
  night = g_ptr_array_index (fl_journal_get_records (journal, FL_RECORD_SLEEP), 0);

  across = sleep_new ("2026-11-26T22:00:00", "2026-11-26T23:30:00", FALSE);
  assert_refused (journal, across, FL_SLEEP_ERROR_OVERLAP,
                  "This overlaps the night already logged from 2026-11-26 23:10 to 2026-11-27 06:40; "
                  "edit or remove that one first.");
  inside = sleep_new ("2026-11-27T01:00:00", "2026-11-27T02:00:00", FALSE);
  assert_refused (journal, inside, FL_SLEEP_ERROR_OVERLAP,
                  "This overlaps the night already logged from 2026-11-26 23:10 to 2026-11-27 06:40; "
                  "edit or remove that one first.");

  log_sleep (journal, "2026-11-27T13:00:00", "2026-11-27T13:30:00", TRUE);
  nap = sleep_new ("2026-11-27T13:20:00", "2026-11-27T14:00:00", TRUE);
  assert_refused (journal, nap, FL_SLEEP_ERROR_OVERLAP,
                  "This overlaps the nap already logged from 2026-11-27 13:00 to 2026-11-27 13:30; "
                  "edit or remove that one first.");

  /* Back to sleep the moment the night ends is not an overlap */
  adjacent = sleep_new ("2026-11-27T06:40:00", "2026-11-27T07:10:00", FALSE);
  g_assert_true (fl_sleep_add (journal, adjacent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fl_journal_get_records (journal, FL_RECORD_SLEEP)->len, ==, 3);

  /* An edit of the night may overlap what it replaces */
  edit = fl_record_copy (night);
  g_date_time_unref (edit->time);
  edit->time = at ("2026-11-26T22:40:00");
  g_assert_true (fl_sleep_add (journal, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fl_journal_get_records (journal, FL_RECORD_SLEEP)->len, ==, 3);
  {
    GDate morning;

    /* 22:40 to 06:40, and the 30 minutes after it */
    set_date (&morning, 2026, 11, 27);
    g_assert_cmpint (fl_sleep_night_minutes (journal, &morning), ==, 510);
  }
}

static void
test_impossible (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  g_autoptr(FlRecord) reversed = NULL;
  g_autoptr(FlRecord) too_long = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  reversed = sleep_new ("2026-11-27T07:00:00", "2026-11-27T06:00:00", FALSE);
  assert_refused (journal, reversed, FL_SLEEP_ERROR_ORDER,
                  "The wake time must be after the bed time; got bed at 2026-11-27 07:00 and waking at 2026-11-27 06:00.");

  too_long = sleep_new ("2026-11-26T12:00:00", "2026-11-27T04:30:00", FALSE);
  assert_refused (journal, too_long, FL_SLEEP_ERROR_TOO_LONG,
                  "A sleep lasts at most 16 hours; 2026-11-26 12:00 to 2026-11-27 04:30 is 16 h 30 min. "
                  "Check the times and the date.");

  /* Exactly 16 hours is allowed */
  record = sleep_new ("2026-11-26T12:00:00", "2026-11-27T04:00:00", FALSE);
  g_assert_true (fl_sleep_add (journal, record, &error));
  g_assert_no_error (error);
  g_clear_pointer (&record, fl_record_unref);

  /* From clock times: a nap never crosses midnight, a night does */
  set_date (&date, 2026, 11, 27);
  record = fl_sleep_record_new (&date, 13 * 60 + 30, 13 * 60, TRUE, &error);
  g_assert_null (record);
  g_assert_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_ORDER);
  g_assert_cmpstr (error->message, ==, "A nap ends after it starts on the same day; got 13:30 to 13:00.");
  g_clear_error (&error);

  record = fl_sleep_record_new (&date, 7 * 60, 7 * 60, FALSE, &error);
  g_assert_null (record);
  g_assert_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_ORDER);
  g_clear_error (&error);

  /* "06:40-05:00": a bed time after the wake time is the evening before, so
   * the 22 h 20 min are refused as too long */
  record = fl_sleep_record_new (&date, 6 * 60 + 40, 5 * 60, FALSE, &error);
  g_assert_no_error (error);
  assert_time (record->time, "2026-11-26 06:40");
  assert_refused (journal, record, FL_SLEEP_ERROR_TOO_LONG,
                  "A sleep lasts at most 16 hours; 2026-11-26 06:40 to 2026-11-27 05:00 is 22 h 20 min. "
                  "Check the times and the date.");
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  int bed = -1, wake = -1;

  g_assert_true (fl_sleep_parse_range ("23:10-06:40", &bed, &wake, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bed, ==, 23 * 60 + 10);
  g_assert_cmpint (wake, ==, 6 * 60 + 40);
  g_assert_true (fl_sleep_parse_range ("0:05 - 7:00", &bed, &wake, &error));
  g_assert_cmpint (bed, ==, 5);
  g_assert_cmpint (wake, ==, 420);

  g_assert_false (fl_sleep_parse_range ("23:10", &bed, &wake, &error));
  g_assert_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "“23:10” is not a sleep; give bed and wake time as HH:MM-HH:MM, e.g. 23:10-06:40");
  g_clear_error (&error);
  g_assert_false (fl_sleep_parse_range ("24:00-07:00", &bed, &wake, &error));
  g_clear_error (&error);
  g_assert_false (fl_sleep_parse_range ("23:10-06:4", &bed, &wake, &error));
  g_clear_error (&error);
  g_assert_false (fl_sleep_parse_range ("23:10-06:40-07:00", &bed, &wake, &error));
  g_clear_error (&error);

  {
    g_autofree char *a = fl_format_sleep_minutes (450);
    g_autofree char *b = fl_format_sleep_minutes (480);
    g_autofree char *c = fl_format_sleep_minutes (35);

    g_assert_cmpstr (a, ==, "7 h 30 min");
    g_assert_cmpstr (b, ==, "8 h");
    g_assert_cmpstr (c, ==, "35 min");
  }
}

static FlRecord *
planned_run (const char *start,
             int         minutes)
{
  g_autoptr(GDateTime) time = at (start);

  return fl_run_new (time, minutes * 60, 8000);
}

static void
assert_nap (FlJournal      *journal,
            FlSleepOptions *options,
            const char     *from,
            const char     *to,
            int             minutes)
{
  FlSleepDay day;
  GDate today;

  set_date (&today, 2026, 11, 27);
  fl_sleep_day_init (&day, journal, &today, options);
  if (from == NULL)
    {
      g_assert_null (day.nap_from);
      g_assert_null (day.nap_to);
      g_assert_cmpint (day.nap_min, ==, 0);
    }
  else
    {
      assert_time (day.nap_from, from);
      assert_time (day.nap_to, to);
      g_assert_cmpint (day.nap_min, ==, minutes);
    }
  fl_sleep_day_clear (&day);
}

static void
test_nap_after_short_night (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_record_unref);
  FlSleepOptions options;

  fl_sleep_options_init (&options);

  /* No night logged: nothing is known, so nothing is suggested */
  assert_nap (journal, &options, NULL, NULL, 0);

  /* 6 h 50 min is under 7 h: 30 minutes from 13:00 (Lastella 2021) */
  log_sleep (journal, "2026-11-26T23:50:00", "2026-11-27T06:40:00", FALSE);
  assert_nap (journal, &options, "2026-11-27 13:00", "2026-11-27 13:30", 30);

  /* At least an hour before a planned run */
  options.planned_runs = runs;
  g_ptr_array_add (runs, planned_run ("2026-11-27T14:30:00", 45));
  assert_nap (journal, &options, "2026-11-27 13:00", "2026-11-27 13:30", 30);
  g_ptr_array_set_size (runs, 0);
  g_ptr_array_add (runs, planned_run ("2026-11-27T14:20:00", 45));
  assert_nap (journal, &options, "2026-11-27 13:00", "2026-11-27 13:20", 20);
  /* A run at 13:30: after it, when it is over */
  g_ptr_array_set_size (runs, 0);
  g_ptr_array_add (runs, planned_run ("2026-11-27T13:30:00", 30));
  assert_nap (journal, &options, "2026-11-27 14:00", "2026-11-27 14:30", 30);
  /* A run at 14:00 for 45 min leaves no 20 minutes in the window */
  g_ptr_array_set_size (runs, 0);
  g_ptr_array_add (runs, planned_run ("2026-11-27T14:00:00", 45));
  assert_nap (journal, &options, NULL, NULL, 0);
  /* A run in the evening changes nothing */
  g_ptr_array_set_size (runs, 0);
  g_ptr_array_add (runs, planned_run ("2026-11-27T18:00:00", 45));
  assert_nap (journal, &options, "2026-11-27 13:00", "2026-11-27 13:30", 30);
  options.planned_runs = NULL;

  /* Once a nap is logged, the suggestion is done */
  log_sleep (journal, "2026-11-27T12:30:00", "2026-11-27T12:50:00", TRUE);
  assert_nap (journal, &options, NULL, NULL, 0);
}

static void
test_nap_not_after_a_full_night (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  FlSleepOptions options;

  fl_sleep_options_init (&options);

  /* Exactly 7 h is not a short night */
  log_sleep (journal, "2026-11-26T23:40:00", "2026-11-27T06:40:00", FALSE);
  assert_nap (journal, &options, NULL, NULL, 0);
}

/* Several pieces of one night (awake at 03:00 for an hour) add up */
static void
test_broken_night (void)
{
  g_autoptr(FlJournal) journal = journal_born (1990);
  g_autoptr(FlTestClock) clock = fl_test_clock_new ("2026-11-27T09:00:00+01:00");
  FlSleepOptions options;
  FlSleepDay day;
  GDate today;

  fl_sleep_options_init (&options);
  fl_clock_today (FL_CLOCK (clock), &today);

  log_sleep (journal, "2026-11-26T23:00:00", "2026-11-27T03:00:00", FALSE);
  log_sleep (journal, "2026-11-27T04:00:00", "2026-11-27T06:30:00", FALSE);
  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min, ==, 390);
  g_assert_cmpint (day.debt_min, ==, 90);
  g_assert_cmpint (day.debt_nights_logged, ==, 1);
  assert_time (day.nap_from, "2026-11-27 13:00");
  fl_sleep_day_clear (&day);

  /* The next morning the same night is yesterday's */
  fl_test_clock_advance (clock, 24 * G_TIME_SPAN_HOUR);
  fl_clock_today (FL_CLOCK (clock), &today);
  fl_sleep_day_init (&day, journal, &today, &options);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min, ==, -1);
  g_assert_cmpint (day.nights[FL_SLEEP_HISTORY_NIGHTS - 2].slept_min, ==, 390);
  g_assert_null (day.nap_from);
  g_assert_cmpint (day.debt_min, ==, 90);
  fl_sleep_day_clear (&day);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/sleep/band-by-age", test_band_by_age);
  g_test_add_func ("/fl/sleep/need-after-high-load", test_need_after_high_load);
  g_test_add_func ("/fl/sleep/need-minus-naps", test_need_minus_naps);
  g_test_add_func ("/fl/sleep/debt-missing-nights", test_debt_missing_nights);
  g_test_add_func ("/fl/sleep/bedtime", test_bedtime);
  g_test_add_func ("/fl/sleep/dst-spring", test_dst_spring);
  g_test_add_func ("/fl/sleep/dst-autumn", test_dst_autumn);
  g_test_add_func ("/fl/sleep/overlap", test_overlap);
  g_test_add_func ("/fl/sleep/impossible", test_impossible);
  g_test_add_func ("/fl/sleep/parse", test_parse);
  g_test_add_func ("/fl/sleep/nap-after-short-night", test_nap_after_short_night);
  g_test_add_func ("/fl/sleep/nap-not-after-a-full-night", test_nap_not_after_a_full_night);
  g_test_add_func ("/fl/sleep/broken-night", test_broken_night);

  return g_test_run ();
}
