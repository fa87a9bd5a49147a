/* fl-import-private.h: what the files of the import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fl-import-xml.c reads GPX and TCX with GMarkup and hands each point and
 * activity to fl-import.c, which does the activity maths (distance, moving
 * time, heart rate, cadence) and turns results into JSON and runs. Not API:
 * fl-import.h is.
 */
#pragma once

#include "fl-import.h"

G_BEGIN_DECLS

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

GDateTime *fl_import_parse_time     (Parser     *self,
                                     const char *text);

void       fl_import_begin_activity (Parser     *self,
                                     gboolean    is_tcx);
void       fl_import_end_activity   (Parser     *self);
void       fl_import_end_stretch    (Current    *current);
void       fl_import_clear_point    (Point      *point);
void       fl_import_end_point      (Parser     *self);

G_END_DECLS
