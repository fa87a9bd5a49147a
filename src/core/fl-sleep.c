/* fl-sleep.c: the runner's sleep need, debt, tonight's bedtime and naps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "fl-clock.h"
#include "fl-sleep.h"
#include "fl-training.h"

/* NSF 2015 (Hirshkowitz et al., "National Sleep Foundation's sleep time
 * duration recommendations"): 14–17 years 8–10 h, 18–64 years 7–9 h,
 * 65 and over 7–8 h. */
#define BAND_TEEN_LOW    (8 * 60)
#define BAND_TEEN_HIGH   (10 * 60)
#define BAND_ADULT_LOW   (7 * 60)
#define BAND_ADULT_HIGH  (9 * 60)
#define BAND_OLDER_LOW   (7 * 60)
#define BAND_OLDER_HIGH  (8 * 60)


/* Lastella 2021 (naps in athletes): 20–30 minutes in the early afternoon,
 * 13:00–15:00, and at least an hour before training. */
#define NAP_WINDOW_FROM  (13 * 60)
#define NAP_WINDOW_TO    (15 * 60)
#define NAP_LONGEST_MIN  30
#define NAP_SHORTEST_MIN 20
#define NAP_BEFORE_RUN_MIN 60
#define NAP_STEP_MIN     5

/* A record is at most 24 h (fl-record.c), so this far back is enough to
 * find any that overlaps or ends on a date. */
#define LOOK_BACK (24 * G_TIME_SPAN_HOUR)

G_DEFINE_QUARK (fl-sleep-error-quark, fl_sleep_error)

static char *format_local (GDateTime *time,
                           gboolean   with_date);

void
fl_sleep_options_init (FlSleepOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->baseline_min = FL_SLEEP_DEFAULT_BASELINE_MIN;
  options->wake_time_min = FL_SLEEP_DEFAULT_WAKE_TIME_MIN;
  /* The training model says how hard each day was */
  options->load_func = fl_training_sleep_extra_min;
}

void
fl_sleep_options_load (FlSleepOptions *options,
                       GSettings      *settings)
{
  g_autoptr(GSettings) own = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_if_fail (options != NULL);

  fl_sleep_options_init (options);

  if (settings == NULL)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

      /* On the command line of an uninstalled build there may be no schema:
       * then the defaults hold. */
      if (source == NULL)
        return;
      schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
      if (schema == NULL)
        return;
      settings = own = g_settings_new_full (schema, NULL, NULL);
    }
  else
    {
      g_object_get (settings, "settings-schema", &schema, NULL);
    }

  if (g_settings_schema_has_key (schema, "wake-time"))
    options->wake_time_min = g_settings_get_int (settings, "wake-time");
  if (g_settings_schema_has_key (schema, "sleep-baseline"))
    options->baseline_min = g_settings_get_int (settings, "sleep-baseline");
}

void
fl_sleep_band (const FlProfile *profile,
               const GDate     *date,
               int             *out_low_min,
               int             *out_high_min)
{
  int birth_year = FL_PROFILE_DEFAULT_BIRTH_YEAR;
  int age;
  int low = BAND_ADULT_LOW, high = BAND_ADULT_HIGH;

  g_return_if_fail (date != NULL && g_date_valid (date));

  if (profile != NULL && profile->is_set && profile->birth_year > 0)
    birth_year = profile->birth_year;

  /* The age reached this calendar year: the journal keeps a year only */
  age = g_date_get_year (date) - birth_year;
  if (age < 18)
    {
      low = BAND_TEEN_LOW;
      high = BAND_TEEN_HIGH;
    }
  else if (age > 64)
    {
      low = BAND_OLDER_LOW;
      high = BAND_OLDER_HIGH;
    }

  if (out_low_min)
    *out_low_min = low;
  if (out_high_min)
    *out_high_min = high;
}

static int
span_minutes (GDateTime *from,
              GDateTime *to)
{
  GTimeSpan span = g_date_time_difference (to, from);

  /* Rounded to the nearest minute; stored times have whole seconds */
  return (int) ((span + 30 * G_TIME_SPAN_SECOND) / G_TIME_SPAN_MINUTE);
}

/* The records of sleep (naps or nights) that end on @date, summed */
static int
minutes_ending_on (FlJournal   *journal,
                   const GDate *date,
                   gboolean     naps,
                   gboolean    *out_any)
{
  g_autoptr(GDateTime) midnight = fl_date_to_local_midnight (date);
  g_autoptr(GDateTime) from = g_date_time_add (midnight, -LOOK_BACK);
  g_autoptr(GDateTime) to = NULL;
  GPtrArray *records = fl_journal_get_records (journal, FL_RECORD_SLEEP);
  GDate next = *date;
  guint begin, end;
  int total = 0;
  gboolean any = FALSE;

  g_date_add_days (&next, 1);
  to = fl_date_to_local_midnight (&next);

  fl_journal_range (journal, FL_RECORD_SLEEP, from, to, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      FlSleep *sleep = g_ptr_array_index (records, i);
      GDate end_date;

      if (!!sleep->nap != !!naps)
        continue;
      fl_date_from_date_time (sleep->end, &end_date);
      if (g_date_compare (&end_date, date) != 0)
        continue;

      total += span_minutes (sleep->parent.time, sleep->end);
      any = TRUE;
    }

  if (out_any)
    *out_any = any;

  return total;
}

int
fl_sleep_night_minutes (FlJournal   *journal,
                        const GDate *morning)
{
  gboolean any;
  int minutes;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), -1);
  g_return_val_if_fail (morning != NULL && g_date_valid (morning), -1);

  minutes = minutes_ending_on (journal, morning, FALSE, &any);

  return any ? minutes : -1;
}

int
fl_sleep_nap_minutes (FlJournal   *journal,
                      const GDate *date)
{
  g_return_val_if_fail (FL_IS_JOURNAL (journal), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return minutes_ending_on (journal, date, TRUE, NULL);
}

static int
baseline_in_band (FlJournal            *journal,
                  const GDate          *date,
                  const FlSleepOptions *options,
                  int                  *out_low,
                  int                  *out_high)
{
  int low, high;

  fl_sleep_band (fl_journal_get_profile (journal), date, &low, &high);
  if (out_low)
    *out_low = low;
  if (out_high)
    *out_high = high;

  return CLAMP (options->baseline_min, low, high);
}

void
fl_sleep_night_init (FlSleepNight         *night,
                     FlJournal            *journal,
                     const GDate          *morning,
                     const FlSleepOptions *options)
{
  GDate evening;
  int low, high, baseline;

  g_return_if_fail (night != NULL);
  g_return_if_fail (FL_IS_JOURNAL (journal));
  g_return_if_fail (morning != NULL && g_date_valid (morning));
  g_return_if_fail (options != NULL);

  memset (night, 0, sizeof *night);
  night->date = *morning;
  evening = *morning;
  g_date_subtract_days (&evening, 1);

  baseline = baseline_in_band (journal, morning, options, &low, &high);

  /* Only a training model can say a day was hard; without one nothing is
   * added. */
  if (options->load_func != NULL)
    {
      int extra = options->load_func (journal, &evening, options->load_data);

      night->load_extra_min = CLAMP (extra, 0, FL_SLEEP_MAX_LOAD_EXTRA_MIN);
    }
  night->naps_min = fl_sleep_nap_minutes (journal, &evening);

  /* DESIGN.md "Sleep": baseline + load − naps, kept within the age band */
  night->need_min = CLAMP (baseline + night->load_extra_min - night->naps_min, low, high);
  night->slept_min = fl_sleep_night_minutes (journal, morning);
}

/* The earliest nap of 20–30 minutes (as long as fits) between 13:00 and
 * 15:00 on @date that ends an hour before any planned run and does not fall
 * in one. */
static gboolean
find_nap (const GDate          *date,
          const FlSleepOptions *options,
          GDateTime           **out_from,
          GDateTime           **out_to)
{
  g_autoptr(GDateTime) midnight = fl_date_to_local_midnight (date);
  g_autoptr(GDateTime) window_end = NULL;
  g_autoptr(GDateTime) best = NULL;
  int best_min = 0;

  window_end = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                      g_date_get_day (date), NAP_WINDOW_TO / 60, NAP_WINDOW_TO % 60, 0);

  for (int start = NAP_WINDOW_FROM; start + NAP_SHORTEST_MIN <= NAP_WINDOW_TO; start += NAP_STEP_MIN)
    {
      g_autoptr(GDateTime) from = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                         g_date_get_day (date), start / 60, start % 60, 0);
      int longest = MIN (NAP_LONGEST_MIN, span_minutes (from, window_end));

      for (guint i = 0; options->planned_runs != NULL && i < options->planned_runs->len; i++)
        {
          FlRun *run = g_ptr_array_index (options->planned_runs, i);
          g_autoptr(GDateTime) run_end = fl_run_get_end (run);

          /* A nap after the run is over is fine */
          if (g_date_time_compare (from, run_end) >= 0)
            continue;
          /* Otherwise it must end an hour before the run starts */
          longest = MIN (longest, span_minutes (from, run->parent.time) - NAP_BEFORE_RUN_MIN);
        }

      if (longest >= NAP_SHORTEST_MIN && longest > best_min)
        {
          g_clear_pointer (&best, g_date_time_unref);
          best = g_date_time_ref (from);
          best_min = longest;
          if (best_min == NAP_LONGEST_MIN)
            break;
        }
    }

  if (best == NULL)
    return FALSE;

  *out_to = g_date_time_add_minutes (best, best_min);
  *out_from = g_steal_pointer (&best);

  return TRUE;
}

void
fl_sleep_day_init (FlSleepDay           *day,
                   FlJournal            *journal,
                   const GDate          *today,
                   const FlSleepOptions *options)
{
  FlSleepOptions defaults;
  const FlProfile *profile;
  const FlSleepNight *last;
  g_autoptr(GDateTime) wake = NULL;
  GDate tomorrow;
  int sum = 0;

  g_return_if_fail (day != NULL);
  g_return_if_fail (FL_IS_JOURNAL (journal));
  g_return_if_fail (today != NULL && g_date_valid (today));

  if (options == NULL)
    {
      fl_sleep_options_init (&defaults);
      options = &defaults;
    }

  memset (day, 0, sizeof *day);
  day->date = *today;
  profile = fl_journal_get_profile (journal);
  day->profile_is_default = !(profile != NULL && profile->is_set);
  day->baseline_min = baseline_in_band (journal, today, options, &day->band_low_min, &day->band_high_min);

  for (guint i = 0; i < FL_SLEEP_HISTORY_NIGHTS; i++)
    {
      GDate morning = *today;

      g_date_subtract_days (&morning, FL_SLEEP_HISTORY_NIGHTS - 1 - i);
      fl_sleep_night_init (&day->nights[i], journal, &morning, options);
    }

  /* The debt over the last 7 nights: a night not logged is unknown, so it
   * adds nothing either way, and the count says how many were. A long
   * night pays back a short one. */
  for (guint i = FL_SLEEP_HISTORY_NIGHTS - FL_SLEEP_DEBT_NIGHTS; i < FL_SLEEP_HISTORY_NIGHTS; i++)
    {
      const FlSleepNight *night = &day->nights[i];

      if (night->slept_min < 0)
        continue;
      sum += night->need_min - night->slept_min;
      day->debt_nights_logged++;
    }
  day->debt_min = MAX (0, sum);

  tomorrow = *today;
  g_date_add_days (&tomorrow, 1);
  fl_sleep_night_init (&day->tonight, journal, &tomorrow, options);
  day->tonight.slept_min = -1;

  /* Bedtime from tomorrow's planned wake time, in elapsed time: on the
   * night the clocks go forward it is an hour earlier on the clock. */
  wake = g_date_time_new_local (g_date_get_year (&tomorrow), g_date_get_month (&tomorrow),
                                g_date_get_day (&tomorrow),
                                options->wake_time_min / 60, options->wake_time_min % 60, 0);
  day->bedtime = g_date_time_add_minutes (wake, -(day->tonight.need_min + FL_SLEEP_FALL_ASLEEP_MIN));
  day->wind_down = g_date_time_add_minutes (day->bedtime, -FL_SLEEP_WIND_DOWN_MIN);

  day->naps_today_min = fl_sleep_nap_minutes (journal, today);

  /* After a night under 7 hours, unless a nap is logged already */
  last = &day->nights[FL_SLEEP_HISTORY_NIGHTS - 1];
  if (last->slept_min >= 0 && last->slept_min < FL_SLEEP_SHORT_NIGHT_MIN && day->naps_today_min == 0 &&
      find_nap (today, options, &day->nap_from, &day->nap_to))
    day->nap_min = span_minutes (day->nap_from, day->nap_to);
}

void
fl_sleep_day_clear (FlSleepDay *day)
{
  g_return_if_fail (day != NULL);

  g_clear_pointer (&day->bedtime, g_date_time_unref);
  g_clear_pointer (&day->wind_down, g_date_time_unref);
  g_clear_pointer (&day->nap_from, g_date_time_unref);
  g_clear_pointer (&day->nap_to, g_date_time_unref);
}

char *
fl_sleep_day_describe (const FlSleepDay *day)
{
  const FlSleepNight *last;
  g_autofree char *need = NULL;
  g_autofree char *debt = NULL;
  g_autofree char *bedtime = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_return_val_if_fail (day != NULL, NULL);

  last = &day->nights[FL_SLEEP_HISTORY_NIGHTS - 1];
  need = fl_format_sleep_minutes (last->need_min);
  debt = fl_format_sleep_minutes (day->debt_min);
  bedtime = format_local (day->bedtime, FALSE);

  if (last->slept_min < 0)
    {
      /* Translators: "Sleep: last night not logged (need 8 h); debt 30 min over 2 of the last 7 nights" */
      first = g_strdup_printf (_("Sleep: last night not logged (need %1$s); debt %2$s over %3$d of the last 7 nights"),
                               need, debt, day->debt_nights_logged);
    }
  else
    {
      g_autofree char *slept = fl_format_sleep_minutes (last->slept_min);

      /* Translators: "Sleep: 6 h 10 min last night against a need of 8 h; debt 2 h 30 min over 6 of the last 7 nights" */
      first = g_strdup_printf (_("Sleep: %1$s last night against a need of %2$s; debt %3$s over %4$d of the last 7 nights"),
                               slept, need, debt, day->debt_nights_logged);
    }

  if (day->nap_from != NULL)
    {
      g_autofree char *from = format_local (day->nap_from, FALSE);
      g_autofree char *to = format_local (day->nap_to, FALSE);

      /* Translators: "Bedtime tonight: 22:45; a nap from 13:00 to 13:30 would help" */
      second = g_strdup_printf (_("Bedtime tonight: %1$s; a nap from %2$s to %3$s would help"), bedtime, from, to);
    }
  else
    {
      /* Translators: "Bedtime tonight: 22:45" */
      second = g_strdup_printf (_("Bedtime tonight: %s"), bedtime);
    }

  return g_strdup_printf ("%s\n%s", first, second);
}

char **
fl_sleep_day_tips (const FlSleepDay *day)
{
  g_autoptr(GStrvBuilder) tips = g_strv_builder_new ();
  const FlSleepNight *last;

  g_return_val_if_fail (day != NULL, NULL);

  last = &day->nights[FL_SLEEP_HISTORY_NIGHTS - 1];

  if (last->slept_min < 0)
    g_strv_builder_add (tips, _("Log last night to see it against your need; nights not logged are left out of the debt."));

  if (day->nap_from != NULL)
    g_strv_builder_add (tips, _("After a short night, a 20–30 minute nap in the early afternoon helps; a longer one leaves you groggy (Lastella 2021)."));

  if (day->debt_min >= 60)
    g_strv_builder_add (tips, _("Pay back a sleep debt by going to bed earlier for a few nights, not by sleeping in: a steady wake time keeps your body clock steady."));

  if (day->tonight.load_extra_min > 0)
    g_strv_builder_add (tips, _("After a hard training day your body asks for more sleep: tonight's need includes extra time for it."));

  g_strv_builder_add (tips, _("Dim the lights and put screens away in the last half hour before bed; the wind-down reminder says when."));

  return g_strv_builder_end (tips);
}

static char *
format_local (GDateTime *time,
              gboolean   with_date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, with_date ? "%Y-%m-%d %H:%M" : "%H:%M");
}

gboolean
fl_sleep_check (FlJournal      *journal,
                const FlRecord *record,
                GError        **error)
{
  const FlSleep *sleep;
  g_autoptr(GDateTime) from = NULL;
  GPtrArray *records;
  guint begin, end;
  GTimeSpan span;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (record != NULL && record->kind == FL_RECORD_SLEEP, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sleep = FL_SLEEP (record);
  span = g_date_time_difference (sleep->end, record->time);

  if (span <= 0)
    {
      g_autofree char *bed = format_local (record->time, TRUE);
      g_autofree char *wake = format_local (sleep->end, TRUE);

      if (sleep->nap)
        g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_ORDER,
                     /* Translators: both are times, "2026-11-27 13:30" */
                     _("A nap ends after it starts; got %s to %s."), bed, wake);
      else
        g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_ORDER,
                     /* Translators: both are times, "2026-11-27 07:00" */
                     _("The wake time must be after the bed time; got bed at %s and waking at %s."), bed, wake);
      return FALSE;
    }

  if (span > FL_SLEEP_MAX_MINUTES * G_TIME_SPAN_MINUTE)
    {
      g_autofree char *bed = format_local (record->time, TRUE);
      g_autofree char *wake = format_local (sleep->end, TRUE);
      g_autofree char *length = fl_format_sleep_minutes (span_minutes (record->time, sleep->end));

      g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_TOO_LONG,
                   /* Translators: "A sleep lasts at most 16 hours; 06:40 to 05:00 the next day is 22 h 20 min." */
                   _("A sleep lasts at most 16 hours; %s to %s is %s. Check the times and the date."),
                   bed, wake, length);
      return FALSE;
    }

  records = fl_journal_get_records (journal, FL_RECORD_SLEEP);
  from = g_date_time_add (record->time, -LOOK_BACK);
  fl_journal_range (journal, FL_RECORD_SLEEP, from, sleep->end, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      const FlSleep *other = g_ptr_array_index (records, i);

      /* An edit replaces the record it was made from */
      if (g_strcmp0 (other->parent.id, record->id) == 0)
        continue;

      if (g_date_time_compare (other->parent.time, sleep->end) < 0 &&
          g_date_time_compare (other->end, record->time) > 0)
        {
          g_autofree char *bed = format_local (other->parent.time, TRUE);
          g_autofree char *wake = format_local (other->end, TRUE);

          if (other->nap)
            g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_OVERLAP,
                         /* Translators: both are times, "2026-11-27 13:00" */
                         _("This overlaps the nap already logged from %s to %s; edit or remove that one first."),
                         bed, wake);
          else
            g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_OVERLAP,
                         /* Translators: both are times, "2026-11-26 23:10" */
                         _("This overlaps the night already logged from %s to %s; edit or remove that one first."),
                         bed, wake);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
fl_sleep_add (FlJournal *journal,
              FlRecord  *record,
              GError   **error)
{
  g_return_val_if_fail (FL_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!fl_sleep_check (journal, record, error))
    return FALSE;

  return fl_journal_add (journal, record, error);
}

FlRecord *
fl_sleep_record_new (const GDate *date,
                     int          bed_min,
                     int          wake_min,
                     gboolean     nap,
                     GError     **error)
{
  g_autoptr(GDateTime) bed = NULL;
  g_autoptr(GDateTime) wake = NULL;
  FlRecord *record;
  GDate bed_date;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (bed_min >= 0 && bed_min < 24 * 60, NULL);
  g_return_val_if_fail (wake_min >= 0 && wake_min < 24 * 60, NULL);

  bed_date = *date;
  /* A night crosses midnight when it starts later on the clock than it ends */
  if (!nap && bed_min > wake_min)
    g_date_subtract_days (&bed_date, 1);

  bed = g_date_time_new_local (g_date_get_year (&bed_date), g_date_get_month (&bed_date),
                               g_date_get_day (&bed_date), bed_min / 60, bed_min % 60, 0);
  wake = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), wake_min / 60, wake_min % 60, 0);
  if (bed == NULL || wake == NULL)
    {
      g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_PARSE, _("That date is out of range."));
      return NULL;
    }

  if (g_date_time_compare (wake, bed) <= 0)
    {
      g_autofree char *from = format_local (bed, FALSE);
      g_autofree char *to = format_local (wake, FALSE);

      if (nap)
        g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_ORDER,
                     /* Translators: both are times of day, "13:30" */
                     _("A nap ends after it starts on the same day; got %s to %s."), from, to);
      else
        g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_ORDER,
                     /* Translators: both are times of day, "07:00" */
                     _("The wake time must be after the bed time; got %s to %s."), from, to);
      return NULL;
    }

  record = fl_record_new (FL_RECORD_SLEEP, bed);
  FL_SLEEP (record)->end = g_date_time_ref (wake);
  FL_SLEEP (record)->nap = nap;

  return record;
}

gboolean
fl_sleep_parse_clock (const char *text,
                      int        *out_min)
{
  const char *p = text;
  int hour = 0, minute = 0, digits = 0;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  while (g_ascii_isdigit (*p) && digits < 2)
    {
      hour = hour * 10 + (*p++ - '0');
      digits++;
    }
  if (digits == 0 || (*p != ':' && *p != '.'))
    return FALSE;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  minute = (p[0] - '0') * 10 + (p[1] - '0');
  p += 2;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || hour > 23 || minute > 59)
    return FALSE;

  if (out_min)
    *out_min = hour * 60 + minute;

  return TRUE;
}

gboolean
fl_sleep_parse_range (const char *text,
                      int        *out_bed_min,
                      int        *out_wake_min,
                      GError    **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text != NULL)
    parts = g_strsplit (text, "-", 3);

  if (parts == NULL || g_strv_length (parts) != 2 ||
      !fl_sleep_parse_clock (parts[0], out_bed_min) ||
      !fl_sleep_parse_clock (parts[1], out_wake_min))
    {
      g_set_error (error, FL_SLEEP_ERROR, FL_SLEEP_ERROR_PARSE,
                   /* Translators: %s is what was typed */
                   _("“%s” is not a sleep; give bed and wake time as HH:MM-HH:MM, e.g. 23:10-06:40"),
                   text != NULL ? text : "");
      return FALSE;
    }

  return TRUE;
}

char *
fl_format_sleep_minutes (int minutes)
{
  const char *sign = minutes < 0 ? "−" : "";
  int hours, rest;

  minutes = ABS (minutes);
  hours = minutes / 60;
  rest = minutes % 60;

  if (hours == 0)
    /* Translators: a length of sleep in minutes; %1$s is a minus sign or nothing */
    return g_strdup_printf (_("%1$s%2$d min"), sign, rest);
  if (rest == 0)
    /* Translators: a length of sleep in hours; %1$s is a minus sign or nothing */
    return g_strdup_printf (_("%1$s%2$d h"), sign, hours);

  /* Translators: a length of sleep, "7 h 30 min"; %1$s is a minus sign or nothing */
  return g_strdup_printf (_("%1$s%2$d h %3$d min"), sign, hours, rest);
}
