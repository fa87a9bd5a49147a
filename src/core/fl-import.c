/* fl-import.c: runs from GPS files (GPX 1.0/1.1, Garmin TCX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One streaming pass with GMarkupParseContext: no tree is built and no point
 * is kept, each activity's figures grow as its points go by, so a 100 MB
 * file costs a 64 KiB buffer. Elements are matched by their local name (the
 * part after the last ':'), so a namespace with any prefix, or a default
 * namespace, or none at all reads the same.
 *
 * The conventions of running platforms, which users compare against:
 * - the start is the first track point's time (never <metadata><time>);
 * - a GPX <trkseg> and a TCX <Track> are stretches between pauses: moving
 *   time and the geodesic distance never bridge two of them;
 * - a point with an impossible latitude or longitude is no point. OpenTracks
 *   writes pause and resume as points at latitude 100 and 200, so such a
 *   point also ends the stretch;
 * - GPX cad and TCX RunCadence count one foot: steps per minute are twice
 *   the value; a running TCX <Cadence> is one foot too (a ride's is pedal
 *   revolutions and is left out); zero samples are left out of the average.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fl-import.h"

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

#define READ_CHUNK (64 * 1024)
#define MAX_DEPTH 256
#define NO_TIME G_MININT64

typedef enum {
  E_OTHER,
  E_GPX,
  E_TCD,                        /* TrainingCenterDatabase */
  E_TRK,
  E_TRKSEG,
  E_TRKPT,
  E_TIME,
  E_NAME,
  E_TYPE,
  E_HR,
  E_CAD,
  E_ACTIVITY,
  E_LAP,
  E_TRACK,
  E_TRACKPOINT,
  E_POSITION,
  E_LATITUDE,
  E_LONGITUDE,
  E_DISTANCE,
  E_HEART_RATE,
  E_VALUE,
  E_CADENCE,
  E_RUN_CADENCE,
  E_TOTAL_TIME,
  E_METADATA,
} Element;

static const struct
{
  const char *name;
  Element     element;
} element_names[] = {
  { "gpx", E_GPX },
  { "TrainingCenterDatabase", E_TCD },
  { "trk", E_TRK },
  { "trkseg", E_TRKSEG },
  { "trkpt", E_TRKPT },
  { "time", E_TIME },
  { "name", E_NAME },
  { "type", E_TYPE },
  { "hr", E_HR },
  { "heartrate", E_HR },
  { "cad", E_CAD },
  { "cadence", E_CAD },
  { "Activity", E_ACTIVITY },
  { "Lap", E_LAP },
  { "Track", E_TRACK },
  { "Trackpoint", E_TRACKPOINT },
  { "Position", E_POSITION },
  { "LatitudeDegrees", E_LATITUDE },
  { "LongitudeDegrees", E_LONGITUDE },
  { "DistanceMeters", E_DISTANCE },
  { "HeartRateBpm", E_HEART_RATE },
  { "Value", E_VALUE },
  { "Time", E_TIME },
  { "Cadence", E_CADENCE },
  { "RunCadence", E_RUN_CADENCE },
  { "TotalTimeSeconds", E_TOTAL_TIME },
  { "metadata", E_METADATA },
};

/* What the text of the current element is for */
typedef enum {
  T_NONE,
  T_NAME,
  T_TYPE,
  T_POINT_TIME,
  T_POINT_HR,
  T_POINT_CAD,                  /* one foot */
  T_POINT_LAT,
  T_POINT_LON,
  T_POINT_DISTANCE,
  T_LAP_TIME,
  T_LAP_DISTANCE,
} Target;

typedef struct
{
  double lat, lon;
  gboolean has_lat, has_lon;
  gboolean bad_position;        /* given, but impossible */
  gint64 time_us;
  char *time_text;              /* kept for the first point only */
  int hr;
  double cad_spm;
  double distance_m;            /* TCX cumulative; < 0 when not given */
} Point;

typedef struct
{
  FlImportedActivity *activity;
  gboolean is_tcx;
  char *raw_sport;

  /* the stretch */
  gboolean stretch_has_prev;
  double prev_lat, prev_lon;
  gint64 stretch_first_us, stretch_last_us;

  gint64 first_us, last_us;
  gint64 moving_us;
  double geo_m;
  double hr_sum;
  guint hr_n;
  double cad_sum;
  guint cad_n;
  double device_distance_max;

  guint n_laps;
  gboolean laps_all_timed, laps_all_distance;
  double lap_time_sum, lap_distance_sum;
  gboolean lap_has_time, lap_has_distance;      /* the summary of the lap being read */
} Current;

typedef struct
{
  const char *display_name;
  GPtrArray *activities;
  Element root;
  Element stack[MAX_DEPTH];
  int depth;                    /* may exceed MAX_DEPTH: deeper elements read as E_OTHER */
  Target target;
  GString *text;
  gboolean in_point;
  Point point;
  Current *current;
  GTimeZone *utc;
} Parser;

static Element
lookup_element (const char *qualified)
{
  const char *colon = strrchr (qualified, ':');
  const char *local = colon != NULL ? colon + 1 : qualified;

  for (gsize i = 0; i < G_N_ELEMENTS (element_names); i++)
    if (strcmp (local, element_names[i].name) == 0)
      return element_names[i].element;
  return E_OTHER;
}

static Element
parent (Parser *self,
        int     up)
{
  int i = MIN (self->depth, MAX_DEPTH) - 1 - up;

  return i >= 0 && self->depth - 1 - up < MAX_DEPTH ? self->stack[i] : E_OTHER;
}

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

/* Times */

static gboolean
scan_digits (const char **p,
             int          n,
             int         *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil) */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era;
  int yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (int) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The common form, "2026-11-27T07:30:00.123Z" or "…+01:00", without a
 * GDateTime for each of a million points. FALSE for anything else. */
static gboolean
parse_time_fast (const char *s,
                 gint64     *out_us)
{
  int y, mo, d, h, mi, sec, oh = 0, om = 0;
  gint64 us = 0, offset_s = 0;

  if (!scan_digits (&s, 4, &y) || *s++ != '-' || !scan_digits (&s, 2, &mo) || *s++ != '-' ||
      !scan_digits (&s, 2, &d) || (*s != 'T' && *s != 't' && *s != ' '))
    return FALSE;
  s++;
  if (!scan_digits (&s, 2, &h) || *s++ != ':' || !scan_digits (&s, 2, &mi) || *s++ != ':' ||
      !scan_digits (&s, 2, &sec))
    return FALSE;
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > g_date_get_days_in_month (mo, y) || h > 23 || mi > 59 || sec > 59)
    return FALSE;
  if (*s == '.' || *s == ',')
    {
      gint64 scale = 100000;

      s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      for (; g_ascii_isdigit (*s); s++, scale /= 10)
        us += (*s - '0') * scale;
    }
  if (*s == 'Z' || *s == 'z')
    s++;
  else if (*s == '+' || *s == '-')
    {
      int sign = *s++ == '-' ? -1 : 1;

      if (!scan_digits (&s, 2, &oh))
        return FALSE;
      if (*s == ':')
        s++;
      if (*s != '\0' && !scan_digits (&s, 2, &om))
        return FALSE;
      if (oh > 23 || om > 59)
        return FALSE;
      offset_s = sign * (oh * 3600 + om * 60);
    }
  /* No zone: GPX and TCX times are UTC */
  if (*s != '\0')
    return FALSE;

  *out_us = ((days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) - offset_s) * G_USEC_PER_SEC + us;
  return TRUE;
}

static GDateTime *
parse_time (Parser     *self,
            const char *text)
{
  return g_date_time_new_from_iso8601 (text, self->utc);
}

static gint64
parse_time_us (Parser     *self,
               const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  gint64 us;

  if (parse_time_fast (text, &us))
    return us;
  time = parse_time (self, text);
  if (time == NULL)
    return NO_TIME;
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Activities */

static void
end_stretch (Current *current)
{
  if (current->stretch_first_us != NO_TIME)
    current->moving_us += current->stretch_last_us - current->stretch_first_us;
  current->stretch_first_us = current->stretch_last_us = NO_TIME;
  current->stretch_has_prev = FALSE;
}

static void
begin_activity (Parser  *self,
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

static void
end_activity (Parser *self)
{
  Current *current = self->current;
  FlImportedActivity *activity = current->activity;

  self->current = NULL;
  end_stretch (current);

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

static void
clear_point (Point *point)
{
  g_free (point->time_text);
  memset (point, 0, sizeof *point);
  point->time_us = NO_TIME;
  point->distance_m = -1;
}

static void
end_point (Parser *self)
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
        end_stretch (current);
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
          activity->start = parse_time (self, point->time_text);
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

static void
begin_point (Parser              *self,
             const char         **names,
             const char         **values)
{
  clear_point (&self->point);
  self->in_point = TRUE;

  for (int i = 0; names[i] != NULL; i++)
    {
      double value;

      if (strcmp (names[i], "lat") == 0)
        {
          if (parse_double (values[i], &value) && fabs (value) <= 90)
            {
              self->point.lat = value;
              self->point.has_lat = TRUE;
            }
          else
            self->point.bad_position = TRUE;
        }
      else if (strcmp (names[i], "lon") == 0)
        {
          if (parse_double (values[i], &value) && fabs (value) <= 180)
            {
              self->point.lon = value;
              self->point.has_lon = TRUE;
            }
          else
            self->point.bad_position = TRUE;
        }
    }
}

static gboolean
has_ancestor (Parser  *self,
              Element  element)
{
  for (int i = MIN (self->depth, MAX_DEPTH) - 1; i >= 0; i--)
    if (self->stack[i] == element)
      return TRUE;
  return FALSE;
}

/* GMarkup callbacks */

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Parser *self = user_data;
  Element element = lookup_element (element_name);
  Element up = parent (self, 0);
  Element up2 = parent (self, 1);

  if (self->depth == 0)
    {
      self->root = element;
      if (element != E_GPX && element != E_TCD)
        {
          g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_FORMAT,
                       /* Translators: %s is an XML element name such as “html” */
                       _("it is neither GPX nor TCX (its root element is <%s>)"), element_name);
          return;
        }
    }

  if (self->depth < MAX_DEPTH)
    self->stack[self->depth] = element;
  self->depth++;
  self->target = T_NONE;

  if (self->root == E_GPX)
    {
      switch (element)
        {
        case E_TRK:
          if (self->current == NULL)
            begin_activity (self, FALSE);
          break;
        case E_TRKSEG:
          if (self->current != NULL)
            end_stretch (self->current);
          break;
        case E_TRKPT:
          if (self->current != NULL)
            begin_point (self, names, values);
          break;
        case E_NAME:
          if (up == E_TRK && self->current != NULL)
            self->target = T_NAME;
          break;
        case E_TYPE:
          if (up == E_TRK && self->current != NULL)
            self->target = T_TYPE;
          break;
        case E_TIME:
          if (up == E_TRKPT && self->in_point)
            self->target = T_POINT_TIME;
          break;
        case E_HR:
          if (self->in_point)
            self->target = T_POINT_HR;
          break;
        case E_CAD:
          if (self->in_point)
            self->target = T_POINT_CAD;
          break;
        default:
          break;
        }
    }
  else if (self->root == E_TCD)
    {
      switch (element)
        {
        case E_ACTIVITY:
          if (self->current == NULL)
            {
              begin_activity (self, TRUE);
              for (int i = 0; names[i] != NULL; i++)
                if (strcmp (names[i], "Sport") == 0)
                  self->current->raw_sport = g_strdup (values[i]);
            }
          break;
        case E_LAP:
          if (self->current != NULL)
            {
              /* Whether it has its summary is known at its end */
              self->current->n_laps++;
              self->current->lap_has_time = self->current->lap_has_distance = FALSE;
            }
          break;
        case E_TRACK:
          if (self->current != NULL && has_ancestor (self, E_LAP))
            end_stretch (self->current);
          break;
        case E_TRACKPOINT:
          if (self->current != NULL && has_ancestor (self, E_LAP))
            begin_point (self, names, values);
          break;
        case E_TIME:
          if (up == E_TRACKPOINT && self->in_point)
            self->target = T_POINT_TIME;
          break;
        case E_LATITUDE:
          if (up == E_POSITION && self->in_point)
            self->target = T_POINT_LAT;
          break;
        case E_LONGITUDE:
          if (up == E_POSITION && self->in_point)
            self->target = T_POINT_LON;
          break;
        case E_DISTANCE:
          if (up == E_TRACKPOINT && self->in_point)
            self->target = T_POINT_DISTANCE;
          else if (up == E_LAP && self->current != NULL)
            self->target = T_LAP_DISTANCE;
          break;
        case E_VALUE:
          if (up == E_HEART_RATE && up2 == E_TRACKPOINT && self->in_point)
            self->target = T_POINT_HR;
          break;
        case E_CADENCE:
          if (up == E_TRACKPOINT && self->in_point && self->current != NULL &&
              self->current->raw_sport != NULL && g_ascii_strcasecmp (self->current->raw_sport, "Running") == 0)
            self->target = T_POINT_CAD;
          break;
        case E_RUN_CADENCE:
          if (self->in_point)
            self->target = T_POINT_CAD;
          break;
        case E_TOTAL_TIME:
          if (up == E_LAP && self->current != NULL)
            self->target = T_LAP_TIME;
          break;
        default:
          break;
        }
    }

  if (self->target != T_NONE)
    g_string_truncate (self->text, 0);
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  Parser *self = user_data;
  Element element = self->depth <= MAX_DEPTH ? self->stack[self->depth - 1] : E_OTHER;
  Target target = self->target;
  const char *text;

  self->depth--;
  self->target = T_NONE;

  if (target != T_NONE)
    {
      g_strstrip (self->text->str);
      text = self->text->str;

      switch (target)
        {
        case T_NAME:
          if (*text != '\0' && self->current->activity->name == NULL)
            self->current->activity->name = g_strdup (text);
          break;
        case T_TYPE:
          g_free (self->current->raw_sport);
          self->current->raw_sport = g_strdup (text);
          break;
        case T_POINT_TIME:
          self->point.time_us = parse_time_us (self, text);
          if (self->point.time_us != NO_TIME && self->current->first_us == NO_TIME)
            {
              g_free (self->point.time_text);
              self->point.time_text = g_strdup (text);
            }
          break;
        case T_POINT_HR:
          {
            double value;

            /* Outside what a heart beats, a sensor glitch */
            if (parse_double (text, &value) && value >= 20 && value <= 260)
              self->point.hr = (int) round (value);
          }
          break;
        case T_POINT_CAD:
          {
            double value;

            if (parse_double (text, &value) && value > 0 && value < 200)
              self->point.cad_spm = 2 * value;
          }
          break;
        case T_POINT_LAT:
          {
            double value;

            if (parse_double (text, &value) && fabs (value) <= 90)
              {
                self->point.lat = value;
                self->point.has_lat = TRUE;
              }
            else
              self->point.bad_position = TRUE;
          }
          break;
        case T_POINT_LON:
          {
            double value;

            if (parse_double (text, &value) && fabs (value) <= 180)
              {
                self->point.lon = value;
                self->point.has_lon = TRUE;
              }
            else
              self->point.bad_position = TRUE;
          }
          break;
        case T_POINT_DISTANCE:
          {
            double value;

            if (parse_double (text, &value) && value >= 0)
              self->point.distance_m = value;
          }
          break;
        case T_LAP_TIME:
          {
            double value;

            if (parse_double (text, &value) && value >= 0)
              {
                self->current->lap_time_sum += value;
                self->current->lap_has_time = TRUE;
              }
          }
          break;
        case T_LAP_DISTANCE:
          {
            double value;

            if (parse_double (text, &value) && value >= 0)
              {
                self->current->lap_distance_sum += value;
                self->current->lap_has_distance = TRUE;
              }
          }
          break;
        case T_NONE:
        default:
          break;
        }
    }

  switch (element)
    {
    case E_TRK:
      if (self->root == E_GPX && self->current != NULL)
        end_activity (self);
      break;
    case E_ACTIVITY:
      if (self->root == E_TCD && self->current != NULL)
        end_activity (self);
      break;
    case E_TRKSEG:
    case E_TRACK:
      if (self->current != NULL)
        end_stretch (self->current);
      break;
    case E_TRKPT:
    case E_TRACKPOINT:
      if (self->in_point && self->current != NULL)
        end_point (self);
      break;
    case E_LAP:
      if (self->root == E_TCD && self->current != NULL)
        {
          self->current->laps_all_timed &= self->current->lap_has_time;
          self->current->laps_all_distance &= self->current->lap_has_distance;
          end_stretch (self->current);
        }
      break;
    default:
      break;
    }
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Parser *self = user_data;

  if (self->target != T_NONE)
    g_string_append_len (self->text, text, length);
}

/* GMarkup hands CDATA sections (OpenTracks writes names in them) to the
 * passthrough callback, markers included */
static void
on_passthrough (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  Parser *self = user_data;
  const gsize open = strlen ("<![CDATA["), close = strlen ("]]>");

  if (self->target != T_NONE && length >= open + close && strncmp (text, "<![CDATA[", open) == 0)
    g_string_append_len (self->text, text + open, length - open - close);
}

static const GMarkupParser markup_parser = {
  on_start_element,
  on_end_element,
  on_text,
  on_passthrough,
  NULL,
};

static void
parser_init (Parser     *self,
             const char *display_name)
{
  memset (self, 0, sizeof *self);
  self->display_name = display_name;
  self->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_imported_activity_free);
  self->text = g_string_sized_new (64);
  self->utc = g_time_zone_new_utc ();
  clear_point (&self->point);
}

static void
parser_clear (Parser *self)
{
  if (self->current != NULL)
    {
      g_free (self->current->raw_sport);
      fl_imported_activity_free (self->current->activity);
      g_clear_pointer (&self->current, g_free);
    }
  g_free (self->point.time_text);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_string_free (self->text, TRUE);
  g_time_zone_unref (self->utc);
}

/* The error for a file, "run.gpx: what is wrong" */
static void
name_error (GError    **error,
            const char *display_name,
            GError     *cause)
{
  int code = FL_IMPORT_ERROR_NOT_XML;
  /* GMarkup quotes the offending byte, which may be half a character */
  g_autofree char *message = g_utf8_make_valid (cause->message, -1);

  if (cause->domain == FL_IMPORT_ERROR)
    code = cause->code;
  else if (cause->domain != G_MARKUP_ERROR)
    code = FL_IMPORT_ERROR_READ;

  if (code == FL_IMPORT_ERROR_NOT_XML)
    /* Translators: “run.gpx: it cannot be read as GPX or TCX: Error on line 1 char 5: …” */
    g_set_error (error, FL_IMPORT_ERROR, code, _("%s: it cannot be read as GPX or TCX: %s"),
                 display_name, message);
  else
    g_set_error (error, FL_IMPORT_ERROR, code, "%s: %s", display_name, message);
}

/* What goes into GMarkup, chunk by chunk */
typedef struct
{
  GMarkupParseContext *context;
  gboolean at_start;
  char     carry[4];            /* the start of a character split by the chunk boundary */
  gsize    n_carry;
  guint64  offset;              /* bytes checked so far, for the message */
} Feeder;

/* Feeds @length bytes (@last: the end of the file). The first bytes lose a
 * byte-order mark and the white space before "<?xml" that some services
 * write, which GMarkup would refuse. The text is checked to be UTF-8 first:
 * GMarkup assumes it, and on invalid bytes in a processing instruction
 * GLib 2.74 sets its error twice. */
static gboolean
feed (Feeder      *self,
      const char  *data,
      gsize        length,
      gboolean     last,
      GError     **error)
{
  g_autofree char *joined = NULL;
  const char *end;
  gsize keep = 0;

  if (self->n_carry > 0)
    {
      joined = g_malloc (self->n_carry + length);
      memcpy (joined, self->carry, self->n_carry);
      memcpy (joined + self->n_carry, data, length);
      data = joined;
      length += self->n_carry;
      self->n_carry = 0;
    }

  if (self->at_start)
    {
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          length -= 3;
          self->offset += 3;
        }
      while (length > 0 && g_ascii_isspace (*data))
        {
          data++;
          length--;
          self->offset++;
        }
      if (length == 0)
        return TRUE;
      self->at_start = FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      gsize rest = length - (gsize) (end - data);

      /* A character cut in two by the chunk boundary is completed by the next chunk */
      if (last || rest >= sizeof self->carry ||
          g_utf8_get_char_validated (end, (gssize) rest) != (gunichar) -2)
        {
          g_autofree char *at = g_strdup_printf ("%" G_GUINT64_FORMAT, self->offset + (guint64) (end - data));

          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8,
                       /* Translators: %s is a byte offset in the file, e.g. 1234 */
                       _("it is not UTF-8 text (at byte %s)"), at);
          return FALSE;
        }
      keep = rest;
      memcpy (self->carry, end, keep);
      self->n_carry = keep;
    }

  self->offset += length - keep;
  return g_markup_parse_context_parse (self->context, data, length - keep, error);
}

static GPtrArray *
finish (Parser              *self,
        GMarkupParseContext *context,
        GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_markup_parse_context_end_parse (context, &local_error))
    {
      name_error (error, self->display_name, local_error);
      return NULL;
    }
  if (self->root != E_GPX && self->root != E_TCD)
    {
      g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_NOT_XML,
                   _("%s: it is not a GPX or TCX file (it is empty)"), self->display_name);
      return NULL;
    }
  if (self->activities->len == 0)
    {
      g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_EMPTY,
                   _("%s: it holds no track point, so there is no run in it"), self->display_name);
      return NULL;
    }
  return g_steal_pointer (&self->activities);
}

GPtrArray *
fl_import_data (const char *data,
                gsize       length,
                const char *display_name,
                GError    **error)
{
  Parser parser;
  Feeder feeder = { NULL, TRUE, { 0, }, 0, 0 };
  g_autoptr(GError) local_error = NULL;
  GPtrArray *result = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > FL_IMPORT_MAX_BYTES)
    {
      g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_TOO_BIG,
                   _("%s: it is over 100 MB, more than any activity file; nothing was imported"), display_name);
      return NULL;
    }

  parser_init (&parser, display_name);
  feeder.context = g_markup_parse_context_new (&markup_parser, G_MARKUP_PREFIX_ERROR_POSITION, &parser, NULL);
  if (!feed (&feeder, data, length, TRUE, &local_error))
    name_error (error, display_name, local_error);
  else
    result = finish (&parser, feeder.context, error);
  g_markup_parse_context_free (feeder.context);
  parser_clear (&parser);

  return result;
}

GPtrArray *
fl_import_file (GFile   *file,
                GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *buffer = NULL;
  Feeder feeder = { NULL, TRUE, { 0, }, 0, 0 };
  GPtrArray *result = NULL;
  Parser parser;
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The name the runner sees in the file chooser and the folder */
  display_name = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_READ,
                     _("%s: there is no such file; runs come from GPX or TCX files"), display_name);
      else
        g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_READ, "%s: %s", display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_READ,
                   _("%s: it is a folder; give the GPX or TCX files in it"), display_name);
      return NULL;
    }
  if (g_file_info_get_size (info) > FL_IMPORT_MAX_BYTES)
    {
      g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_TOO_BIG,
                   _("%s: it is over 100 MB, more than any activity file; nothing was imported"), display_name);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_READ, "%s: %s", display_name, local_error->message);
      return NULL;
    }

  parser_init (&parser, display_name);
  feeder.context = g_markup_parse_context_new (&markup_parser, G_MARKUP_PREFIX_ERROR_POSITION, &parser, NULL);
  buffer = g_malloc (READ_CHUNK);

  for (gsize total = 0; ok;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_READ, "%s: %s", display_name, local_error->message);
          ok = FALSE;
          break;
        }
      if (n == 0)
        {
          /* A character the last chunk left open */
          if (!feed (&feeder, "", 0, TRUE, &local_error))
            {
              name_error (error, display_name, local_error);
              ok = FALSE;
            }
          break;
        }
      total += n;
      /* It may have grown since it was measured */
      if (total > FL_IMPORT_MAX_BYTES)
        {
          g_set_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_TOO_BIG,
                       _("%s: it is over 100 MB, more than any activity file; nothing was imported"), display_name);
          ok = FALSE;
          break;
        }
      if (!feed (&feeder, buffer, n, FALSE, &local_error))
        {
          name_error (error, display_name, local_error);
          ok = FALSE;
        }
    }

  if (ok)
    result = finish (&parser, feeder.context, error);
  g_markup_parse_context_free (feeder.context);
  parser_clear (&parser);

  return result;
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
