/* fl-import-xml.c: runs from GPS files (GPX 1.0/1.1, Garmin TCX)
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

#include "fl-import-private.h"

#define READ_CHUNK (64 * 1024)

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

GDateTime *
fl_import_parse_time (Parser     *self,
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
  time = fl_import_parse_time (self, text);
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

static void
begin_point (Parser              *self,
             const char         **names,
             const char         **values)
{
  fl_import_clear_point (&self->point);
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
            fl_import_begin_activity (self, FALSE);
          break;
        case E_TRKSEG:
          if (self->current != NULL)
            fl_import_end_stretch (self->current);
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
              fl_import_begin_activity (self, TRUE);
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
            fl_import_end_stretch (self->current);
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
        fl_import_end_activity (self);
      break;
    case E_ACTIVITY:
      if (self->root == E_TCD && self->current != NULL)
        fl_import_end_activity (self);
      break;
    case E_TRKSEG:
    case E_TRACK:
      if (self->current != NULL)
        fl_import_end_stretch (self->current);
      break;
    case E_TRKPT:
    case E_TRACKPOINT:
      if (self->in_point && self->current != NULL)
        fl_import_end_point (self);
      break;
    case E_LAP:
      if (self->root == E_TCD && self->current != NULL)
        {
          self->current->laps_all_timed &= self->current->lap_has_time;
          self->current->laps_all_distance &= self->current->lap_has_distance;
          fl_import_end_stretch (self->current);
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
  fl_import_clear_point (&self->point);
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
