/* fl-cli-parse.c: reading amounts, distances, durations, times and dates
 * typed on the command line (and in the entry fields, through fl-cli.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fl-cli-private.h"

/* The same limits as fl_record_validate() (fl-record.h: a drink is
 * 1..5000 ml), so that the drink entry fields and the command line can say
 * them in words; the journal still checks every record itself. */
#define DRINK_MIN_ML 1
#define DRINK_MAX_ML 5000

/* An international mile, in metres */
#define METRES_PER_MILE 1609.344

/* Far beyond anything a record accepts (a run is at most 48 h and 500 km):
 * the parsers stop here so that no number overflows on the way to the
 * range check that names the real limit. */
#define PARSE_MAX_SECONDS (1000 * 3600)
#define PARSE_MAX_METRES  1e9

/* Numbers */

/* An unsigned decimal with '.' ("8", "8.5", ".5"): no sign, exponent, hex,
 * "inf" or "nan", which g_ascii_strtod() alone would take. */
static gboolean
scan_decimal (const char **p,
              double      *out)
{
  const char *start = *p;
  const char *s = start;
  g_autofree char *number = NULL;
  guint digits = 0;

  while (g_ascii_isdigit (*s))
    s++, digits++;
  if (*s == '.')
    {
      s++;
      while (g_ascii_isdigit (*s))
        s++, digits++;
    }
  if (digits == 0)
    return FALSE;

  number = g_strndup (start, s - start);
  *out = g_ascii_strtod (number, NULL);
  *p = s;
  return isfinite (*out);
}

static const char *
skip_spaces (const char *s)
{
  while (g_ascii_isspace (*s))
    s++;
  return s;
}

typedef struct
{
  const char *name;
  double      factor;
} Unit;

typedef enum {
  QUANTITY_OK,
  QUANTITY_NOT_UNDERSTOOD,
  QUANTITY_NO_UNIT,
  QUANTITY_NEGATIVE,
} QuantityResult;

/* "<number>[ ]<unit>", units case-insensitive; @bare_factor applies when no
 * unit is given (0: a unit is required). */
static QuantityResult
parse_quantity (const char *text,
                const Unit *units,
                gsize       n_units,
                double      bare_factor,
                double     *out)
{
  const char *p = skip_spaces (text);
  g_autofree char *unit = NULL;
  gboolean negative = FALSE;
  double value;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (!scan_decimal (&p, &value))
    return QUANTITY_NOT_UNDERSTOOD;

  unit = g_strstrip (g_strdup (skip_spaces (p)));
  if (*unit == '\0')
    {
      if (bare_factor == 0)
        return negative ? QUANTITY_NEGATIVE : QUANTITY_NO_UNIT;
      *out = value * bare_factor;
      return negative && value > 0 ? QUANTITY_NEGATIVE : QUANTITY_OK;
    }

  for (gsize i = 0; i < n_units; i++)
    if (g_ascii_strcasecmp (unit, units[i].name) == 0)
      {
        *out = value * units[i].factor;
        return negative && value > 0 ? QUANTITY_NEGATIVE : QUANTITY_OK;
      }

  return QUANTITY_NOT_UNDERSTOOD;
}

gboolean
fl_parse_volume_ml (const char  *text,
                    int         *out_ml,
                    GError     **error)
{
  static const Unit units[] = {
    { "ml", 1 },
    { "cl", 10 },
    { "l", 1000 },
  };
  g_autofree char *examples = NULL;
  double ml = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_ml != NULL, FALSE);

  /* Translators: the accepted forms, quoted where a space is part of it */
  examples = g_strdup_printf (_("a drink is %d to %d ml, e.g. 250ml, 0.5l or “330 ml”"),
                              DRINK_MIN_ML, DRINK_MAX_ML);

  switch (parse_quantity (text, units, G_N_ELEMENTS (units), 1, &ml))
    {
    case QUANTITY_OK:
      break;
    case QUANTITY_NEGATIVE:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is less than nothing; %s"), text, examples);
      return FALSE;
    case QUANTITY_NOT_UNDERSTOOD:
    case QUANTITY_NO_UNIT:
    default:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                   _("“%s” is not an amount to drink; %s"), text, examples);
      return FALSE;
    }

  if (ml > DRINK_MAX_ML + 0.5)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is more than one drink can be; %s"), text, examples);
      return FALSE;
    }
  if (round (ml) < DRINK_MIN_ML)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is nothing to drink; %s"), text, examples);
      return FALSE;
    }

  *out_ml = (int) round (ml);
  return TRUE;
}

gboolean
fl_parse_distance_m (const char  *text,
                     double      *out_m,
                     GError     **error)
{
  static const Unit units[] = {
    { "m", 1 },
    { "km", 1000 },
    { "mi", METRES_PER_MILE },
  };
  const char *accepted = _("a distance is a number with m, km or mi, e.g. 8km, 8000m, 8.5 km or 5mi");
  double m = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_m != NULL, FALSE);

  switch (parse_quantity (text, units, G_N_ELEMENTS (units), 0, &m))
    {
    case QUANTITY_OK:
      break;
    case QUANTITY_NEGATIVE:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is less than nothing; %s"), text, accepted);
      return FALSE;
    case QUANTITY_NO_UNIT:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                   _("“%s” has no unit; %s"), text, accepted);
      return FALSE;
    case QUANTITY_NOT_UNDERSTOOD:
    default:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                   _("“%s” is not a distance; %s"), text, accepted);
      return FALSE;
    }

  if (m <= 0)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is no distance at all; %s"), text, accepted);
      return FALSE;
    }
  if (m > PARSE_MAX_METRES)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is farther than anyone runs; %s"), text, accepted);
      return FALSE;
    }

  *out_m = m;
  return TRUE;
}

/* A run of 1 to @max_digits digits, exactly @max_digits when @exact */
static gboolean
scan_clock_field (const char **p,
                  guint        max_digits,
                  gboolean     exact,
                  int         *out)
{
  const char *s = *p;
  guint digits = 0;
  int value = 0;

  while (g_ascii_isdigit (*s) && digits < max_digits + 1)
    {
      value = value * 10 + (*s - '0');
      s++, digits++;
    }
  if (digits == 0 || digits > max_digits || (exact && digits != max_digits))
    return FALSE;

  *out = value;
  *p = s;
  return TRUE;
}

gboolean
fl_parse_duration_s (const char  *text,
                     int         *out_s,
                     GError     **error)
{
  const char *accepted = _("a duration is minutes:seconds or hours:minutes:seconds, e.g. 45:00, 80:00 or 1:20:00");
  int fields[3] = { 0, };
  guint n_fields = 0;
  const char *p;
  gint64 seconds;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_s != NULL, FALSE);

  p = skip_spaces (text);
  if (*p == '-')
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is less than nothing; %s"), text, accepted);
      return FALSE;
    }

  /* The first field takes any number of digits (80:00 is 80 minutes); up to
   * seven keep the arithmetic far from overflowing. The fields after a
   * colon are always two digits, as on a watch. */
  for (;;)
    {
      if (!scan_clock_field (&p, n_fields == 0 ? 7 : 2, n_fields > 0, &fields[n_fields]))
        goto not_a_duration;
      n_fields++;
      if (*p != ':' || n_fields == 3)
        break;
      p++;
    }
  if (*skip_spaces (p) != '\0' || n_fields < 2)
    goto not_a_duration;

  for (guint i = 1; i < n_fields; i++)
    if (fields[i] > 59)
      {
        g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                     _("“%s” has more than 59 minutes or seconds after a colon; %s"), text, accepted);
        return FALSE;
      }

  if (n_fields == 2)
    seconds = (gint64) fields[0] * 60 + fields[1];
  else
    seconds = (gint64) fields[0] * 3600 + fields[1] * 60 + fields[2];

  if (seconds == 0)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is no time at all; %s"), text, accepted);
      return FALSE;
    }
  if (seconds > PARSE_MAX_SECONDS)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is longer than anyone runs; %s"), text, accepted);
      return FALSE;
    }

  *out_s = (int) seconds;
  return TRUE;

not_a_duration:
  g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
               _("“%s” is not a duration; %s"), text, accepted);
  return FALSE;
}

/* A whole number, sign allowed; the range is the record's to check */
gboolean
fl_cli_parse_int (const char *text,
                  int        *out)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* A decimal number with '.', sign allowed, optionally followed by one of
 * @units ("62.5kg", "28 °C") */
gboolean
fl_cli_parse_number (const char         *text,
                     const char * const *units,
                     double             *out)
{
  const char *p = skip_spaces (text);
  g_autofree char *unit = NULL;
  double sign = 1;
  double value;

  if (*p == '-')
    {
      sign = -1;
      p++;
    }
  if (!scan_decimal (&p, &value))
    return FALSE;

  unit = g_strstrip (g_strdup (skip_spaces (p)));
  if (*unit != '\0')
    {
      gboolean found = FALSE;

      for (guint i = 0; units != NULL && units[i] != NULL; i++)
        found = found || g_ascii_strcasecmp (units[i], unit) == 0;
      if (!found)
        return FALSE;
    }

  *out = sign * value;
  return TRUE;
}

gboolean
fl_cli_parse_yes_no (const char *text,
                     gboolean   *out)
{
  if (g_ascii_strcasecmp (text, "yes") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0)
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* Time */

/* Now, to the second: stored times carry no fractions */
GDateTime *
fl_cli_now_local (Cli *cli)
{
  g_autoptr(GDateTime) now = fl_clock_now (cli->clock);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_add (local, -(GTimeSpan) g_date_time_get_microsecond (local));
}

/* "2026-11-27T09:30", "2026-11-27T09:30:00+01:00", "2026-11-27 09:30" or
 * "09:30" (today); without an offset the time is local. */
GDateTime *
fl_cli_parse_time (Cli        *cli,
                   const char *text)
{
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strstrip (g_strdup (text));
  const char *p = iso;
  int hour, minute, second = 0;

  /* A time of day alone: today */
  if (scan_clock_field (&p, 2, FALSE, &hour) && *p == ':' && (p++, scan_clock_field (&p, 2, TRUE, &minute)))
    {
      if (*p == ':')
        {
          p++;
          if (!scan_clock_field (&p, 2, TRUE, &second))
            return NULL;
        }
      if (*p == '\0')
        {
          GDate today;

          if (hour > 23 || minute > 59 || second > 59)
            return NULL;
          fl_clock_today (cli->clock, &today);
          return g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today),
                                        g_date_get_day (&today), hour, minute, second);
        }
    }

  /* GLib wants the seconds and a 'T'; people often leave both out */
  if (strlen (iso) >= 16 && (iso[10] == ' ' || iso[10] == 't'))
    iso[10] = 'T';
  if (strlen (iso) >= 16 && iso[10] == 'T' && iso[13] == ':' &&
      g_ascii_isdigit (iso[14]) && g_ascii_isdigit (iso[15]) && iso[16] != ':')
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", iso, iso + 16);

      g_free (iso);
      iso = g_steal_pointer (&with_seconds);
    }

  parsed = g_date_time_new_from_iso8601 (iso, local_zone);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_local (parsed);
}

/* "2026-11-27" */
gboolean
fl_cli_parse_date (const char *text,
                   GDate      *out)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

gboolean
fl_cli_is_today (Cli       *cli,
                 GDateTime *time)
{
  GDate today, date;

  fl_clock_today (cli->clock, &today);
  fl_date_from_date_time (time, &date);
  return g_date_compare (&today, &date) == 0;
}

/* "14:05" today, "2026-11-26 14:05" another day */
char *
fl_cli_format_when (Cli       *cli,
                    GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, fl_cli_is_today (cli, local) ? "%H:%M" : "%Y-%m-%d %H:%M");
}

/* "45:00", "1:20:00" */
char *
fl_cli_format_duration (int seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}
