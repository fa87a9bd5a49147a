/* fl-import.c: the figures of an imported activity, and what becomes of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fl-import-xml.c reads the file and hands over each point; here they add
 * up to distance, moving time, heart rate and cadence, by the conventions
 * listed at the top of fl-import-xml.c. The results become JSON, a run in
 * the journal, or a duplicate of one already there.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fl-import-private.h"

G_DEFINE_QUARK (fl-import-error-quark, fl_import_error)

/* The IUGG mean Earth radius R1 = (2a + b) / 3 of WGS 84, in metres. The
 * haversine on this sphere is within 0.5 % of Vincenty's ellipsoidal
 * distance, far below a GPS track's own noise; heights are left out (2D
 * distance, as Strava and Garmin Connect report it). */
#define EARTH_RADIUS_M 6371008.8

/* Duplicates: a start within a minute, and a duration within 10 % or a
 * minute, whichever is more (two exports of one watch activity differ by
 * rounding and by a trimmed first or last second). */
#define DUPLICATE_START_S     60
#define DUPLICATE_DURATION_S  60
#define DUPLICATE_DURATION_FRACTION 0.10

void
fl_imported_activity_free (FlImportedActivity *activity)
{
  if (activity == NULL)
    return;
  g_clear_pointer (&activity->start, g_date_time_unref);
  g_free (activity->sport);
  g_free (activity->name);
  g_free (activity);
}

/* Activities */

void
fl_import_end_stretch (Current *current)
{
  if (current->stretch_first_us != NO_TIME)
    current->moving_us += current->stretch_last_us - current->stretch_first_us;
  current->stretch_first_us = current->stretch_last_us = NO_TIME;
  current->stretch_has_prev = FALSE;
}

void
fl_import_begin_activity (Parser  *self,
                          gboolean is_tcx)
{
  Current *current = g_new0 (Current, 1);

  current->activity = g_new0 (FlImportedActivity, 1);
  current->activity->source = is_tcx ? "tcx" : "gpx";
  current->is_tcx = is_tcx;
  current->stretch_first_us = current->stretch_last_us = NO_TIME;
  current->first_us = current->last_us = NO_TIME;
  current->device_distance_max = -1;
  current->laps_all_timed = current->laps_all_distance = TRUE;
  self->current = current;
}

static char *
normalize_sport (const char *raw)
{
  g_autofree char *lower = NULL;

  if (raw == NULL)
    return NULL;
  lower = g_utf8_strdown (raw, -1);
  g_strstrip (lower);
  if (*lower == '\0')
    return NULL;
  /* Strava's GPX export writes its activity type codes: 9 Run, 1 Ride */
  if (strstr (lower, "run") != NULL || strcmp (lower, "9") == 0)
    return g_strdup ("running");
  if (strstr (lower, "bik") != NULL || strstr (lower, "cycl") != NULL || strstr (lower, "ride") != NULL ||
      strcmp (lower, "1") == 0)
    return g_strdup ("cycling");
  if (strstr (lower, "walk") != NULL)
    return g_strdup ("walking");
  if (strstr (lower, "hik") != NULL)
    return g_strdup ("hiking");
  if (strstr (lower, "swim") != NULL)
    return g_strdup ("swimming");
  return g_strdup ("other");
}

void
fl_import_end_activity (Parser *self)
{
  Current *current = self->current;
  FlImportedActivity *activity = current->activity;

  self->current = NULL;
  fl_import_end_stretch (current);

  activity->sport = normalize_sport (current->raw_sport);

  if (current->first_us != NO_TIME)
    {
      activity->elapsed_s = (int) ((current->last_us - current->first_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
      activity->moving_s = (int) ((current->moving_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
    }
  else
    {
      activity->elapsed_s = activity->moving_s = -1;
    }

  /* The device's own figures where it wrote them: the laps' timer time and
   * distance, else the last cumulative distance of the track points */
  if (current->is_tcx && current->n_laps > 0 && current->laps_all_timed && activity->points > 0 &&
      activity->elapsed_s >= 0)
    /* The laps' sum rounds a little over the points' span at times */
    activity->moving_s = MIN ((int) round (current->lap_time_sum), activity->elapsed_s);

  if (current->is_tcx && current->n_laps > 0 && current->laps_all_distance)
    {
      activity->distance_m = current->lap_distance_sum;
      activity->device_distance = TRUE;
    }
  else if (current->device_distance_max >= 0)
    {
      activity->distance_m = current->device_distance_max;
      activity->device_distance = TRUE;
    }
  else
    {
      activity->distance_m = current->geo_m;
    }

  if (current->hr_n > 0)
    activity->avg_hr = current->hr_sum / current->hr_n;
  if (current->cad_n > 0)
    activity->avg_cadence_spm = current->cad_sum / current->cad_n;

  /* An activity with no point (an empty <trk>, a TCX activity without
   * laps) is nothing to import */
  if (activity->points > 0)
    g_ptr_array_add (self->activities, activity);
  else
    fl_imported_activity_free (activity);

  g_free (current->raw_sport);
  g_free (current);
}

void
fl_import_clear_point (Point *point)
{
  g_free (point->time_text);
  memset (point, 0, sizeof *point);
  point->time_us = NO_TIME;
  point->distance_m = -1;
}

void
fl_import_end_point (Parser *self)
{
  Current *current = self->current;
  FlImportedActivity *activity = current->activity;
  Point *point = &self->point;
  gboolean has_position = point->has_lat && point->has_lon;

  self->in_point = FALSE;

  if (point->bad_position || (!current->is_tcx && !has_position))
    {
      /* No point; a pause marker ends the stretch */
      if (!current->is_tcx)
        fl_import_end_stretch (current);
      return;
    }
  /* A TCX point without a position (no fix yet, a treadmill) still has its
   * time, heart rate and cadence; it only adds no distance */
  if (!has_position && point->time_us == NO_TIME)
    return;

  activity->points++;

  if (point->time_us != NO_TIME)
    {
      if (current->first_us == NO_TIME)
        {
          current->first_us = current->last_us = point->time_us;
          activity->start = fl_import_parse_time (self, point->time_text);
        }
      current->last_us = MAX (current->last_us, point->time_us);
      if (current->stretch_first_us == NO_TIME)
        current->stretch_first_us = current->stretch_last_us = point->time_us;
      current->stretch_last_us = MAX (current->stretch_last_us, point->time_us);
    }

  if (has_position)
    {
      if (current->stretch_has_prev)
        {
          double phi1 = current->prev_lat * G_PI / 180, phi2 = point->lat * G_PI / 180;
          double dphi = phi2 - phi1, dlambda = (point->lon - current->prev_lon) * G_PI / 180;
          double a = sin (dphi / 2) * sin (dphi / 2) + cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

          current->geo_m += 2 * EARTH_RADIUS_M * asin (MIN (1.0, sqrt (a)));
        }
      current->prev_lat = point->lat;
      current->prev_lon = point->lon;
      current->stretch_has_prev = TRUE;
    }

  if (point->hr > 0)
    {
      current->hr_sum += point->hr;
      current->hr_n++;
      activity->max_hr = MAX (activity->max_hr, point->hr);
    }
  if (point->cad_spm > 0)
    {
      current->cad_sum += point->cad_spm;
      current->cad_n++;
    }
  if (point->distance_m >= 0)
    current->device_distance_max = MAX (current->device_distance_max, point->distance_m);
}

/* Results */

JsonNode *
fl_imported_activity_to_json (const FlImportedActivity *activity,
                              const char               *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (activity != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    json_builder_add_string_value (builder, file);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "start");
  if (activity->start != NULL)
    {
      g_autofree char *start = fl_record_format_time (activity->start);

      json_builder_add_string_value (builder, start);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "elapsed_s");
  if (activity->elapsed_s >= 0)
    json_builder_add_int_value (builder, activity->elapsed_s);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "moving_s");
  if (activity->moving_s >= 0)
    json_builder_add_int_value (builder, activity->moving_s);
  else
    json_builder_add_null_value (builder);

  /* Whole metres, beats and steps: more digits would be noise (and
   * json-glib would print 17 of them) */
  json_builder_set_member_name (builder, "distance_m");
  json_builder_add_int_value (builder, (gint64) round (activity->distance_m));

  json_builder_set_member_name (builder, "avg_hr");
  if (activity->avg_hr > 0)
    json_builder_add_int_value (builder, (gint64) round (activity->avg_hr));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "max_hr");
  if (activity->max_hr > 0)
    json_builder_add_int_value (builder, activity->max_hr);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "avg_cadence_spm");
  if (activity->avg_cadence_spm > 0)
    json_builder_add_int_value (builder, (gint64) round (activity->avg_cadence_spm));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "points");
  json_builder_add_int_value (builder, activity->points);

  json_builder_set_member_name (builder, "sport");
  if (activity->sport != NULL)
    json_builder_add_string_value (builder, activity->sport);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
is_run_sport (const char *sport)
{
  /* Unknown and "other" are taken as runs: most GPX files say nothing */
  return sport == NULL || (strcmp (sport, "cycling") != 0 && strcmp (sport, "swimming") != 0);
}

/* What the journal accepts (fl-record.h), or "not given" */
static int
clamp_to_record (double value,
                 int    min,
                 int    max)
{
  int rounded = (int) round (value);

  return rounded >= min && rounded <= max ? rounded : 0;
}

FlRecord *
fl_imported_activity_to_run (const FlImportedActivity *activity)
{
  FlRecord *record;
  FlRun *run;
  int duration_s;

  g_return_val_if_fail (activity != NULL, NULL);

  if (activity->start == NULL)
    return NULL;

  /* The time spent running, as the watch's "time" shows it */
  duration_s = activity->moving_s > 0 ? activity->moving_s : activity->elapsed_s;
  record = fl_run_new (activity->start, duration_s, activity->distance_m);
  run = FL_RUN (record);
  run->rpe = -1;
  run->avg_hr = clamp_to_record (activity->avg_hr, 30, 250);
  run->cadence_spm = clamp_to_record (activity->avg_cadence_spm, 60, 260);
  g_free (run->source);
  run->source = g_strdup (activity->source);
  if (activity->name != NULL)
    run->note = g_strdup (activity->name);

  return record;
}

FlRecord *
fl_import_find_duplicate (FlJournal      *journal,
                          const FlRecord *record)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GPtrArray *runs;
  guint begin, end;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (record != NULL && record->kind == FL_RECORD_RUN, NULL);

  from = g_date_time_add_seconds (record->time, -DUPLICATE_START_S);
  to = g_date_time_add_seconds (record->time, DUPLICATE_START_S + 1);
  fl_journal_range (journal, FL_RECORD_RUN, from, to, &begin, &end);
  runs = fl_journal_get_records (journal, FL_RECORD_RUN);

  for (guint i = begin; i < end; i++)
    {
      FlRun *other = g_ptr_array_index (runs, i);
      int duration_s = FL_RUN ((FlRecord *) record)->duration_s;
      double tolerance = MAX (DUPLICATE_DURATION_S, DUPLICATE_DURATION_FRACTION * MAX (duration_s, other->duration_s));

      if (fabs ((double) (other->duration_s - duration_s)) <= tolerance)
        return (FlRecord *) other;
    }
  return NULL;
}

FlImportOutcome
fl_import_add_activity (FlJournal                *journal,
                        const FlImportedActivity *activity,
                        FlRecord                **out_run,
                        GError                  **error)
{
  g_autoptr(FlRecord) run = NULL;
  FlRecord *duplicate;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), FL_IMPORT_INVALID);
  g_return_val_if_fail (activity != NULL, FL_IMPORT_INVALID);

  if (!is_run_sport (activity->sport))
    return FL_IMPORT_NOT_A_RUN;

  run = fl_imported_activity_to_run (activity);
  if (run == NULL)
    return FL_IMPORT_NO_TIMES;

  duplicate = fl_import_find_duplicate (journal, run);
  if (duplicate != NULL)
    {
      if (out_run != NULL)
        *out_run = fl_record_ref (duplicate);
      return FL_IMPORT_DUPLICATE;
    }

  if (!fl_journal_add (journal, run, error))
    return FL_IMPORT_INVALID;

  if (out_run != NULL)
    *out_run = g_steal_pointer (&run);
  return FL_IMPORT_ADDED;
}

char *
fl_imported_activity_describe (const FlImportedActivity *activity)
{
  g_autofree char *when = NULL;
  g_autofree char *duration = NULL;
  int seconds;

  g_return_val_if_fail (activity != NULL, NULL);

  seconds = activity->moving_s > 0 ? activity->moving_s : MAX (activity->elapsed_s, 0);
  if (seconds >= 3600)
    duration = g_strdup_printf ("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  else
    duration = g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);

  if (activity->start == NULL)
    /* Translators: “8.2 km without times” */
    return g_strdup_printf (_("%.1f km without times"), activity->distance_m / 1000);

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (activity->start);

    when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  }
  /* Translators: “8.2 km in 45:10 from 2026-11-20 07:30” */
  return g_strdup_printf (_("%.1f km in %s from %s"), activity->distance_m / 1000, duration, when);
}
