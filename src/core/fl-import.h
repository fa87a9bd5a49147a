/* fl-import.h: runs from GPS files (GPX 1.0/1.1, Garmin TCX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fl-journal.h"
#include "fl-record.h"

G_BEGIN_DECLS

#define FL_IMPORT_ERROR (fl_import_error_quark ())

typedef enum {
  FL_IMPORT_ERROR_TOO_BIG,      /* over FL_IMPORT_MAX_BYTES */
  FL_IMPORT_ERROR_READ,         /* the file could not be read */
  FL_IMPORT_ERROR_NOT_XML,      /* not well-formed XML */
  FL_IMPORT_ERROR_FORMAT,       /* XML, but neither GPX nor TCX */
  FL_IMPORT_ERROR_EMPTY,        /* GPX or TCX without a single track point */
} FlImportError;

GQuark fl_import_error_quark (void);

/* Larger files are refused: the biggest real activity files are a few MB */
#define FL_IMPORT_MAX_BYTES (100 * 1024 * 1024)

/* One GPX <trk> or TCX <Activity>. Unknown values are -1 (times,
 * distance), 0 (heart rate, cadence) or NULL. */
typedef struct
{
  GDateTime  *start;            /* the first track point's time, with the file's offset */
  int         elapsed_s;        /* first to last point, pauses included */
  int         moving_s;         /* the stretches between pauses (TCX: the laps' timer time) */
  double      distance_m;       /* the device's where given, else geodesic */
  gboolean    device_distance;  /* TRUE when distance_m came from the file */
  double      avg_hr;           /* over the samples */
  int         max_hr;
  double      avg_cadence_spm;  /* steps per minute, zero samples left out */
  guint       points;           /* valid track points */
  char       *sport;            /* "running", "cycling", "walking", "hiking", "swimming", "other" */
  char       *name;             /* the track's or activity's name, may be NULL */
  const char *source;           /* "gpx" or "tcx" */
} FlImportedActivity;

void        fl_imported_activity_free     (FlImportedActivity *activity);

/* Reads @file, streaming. Returns the activities that hold at least one
 * track point, in file order (transfer full; free func set), or NULL with
 * one error that names the file and what is wrong. */
GPtrArray  *fl_import_file                (GFile              *file,
                                           GError            **error);
/* The same on a buffer; @display_name names it in errors. */
GPtrArray  *fl_import_data                (const char         *data,
                                           gsize               length,
                                           const char         *display_name,
                                           GError            **error);

/* {"file", "start", "elapsed_s", "moving_s", "distance_m", "avg_hr",
 * "max_hr", "avg_cadence_spm", "points", "sport"}, null where unknown */
JsonNode   *fl_imported_activity_to_json  (const FlImportedActivity *activity,
                                           const char         *file);

typedef enum {
  FL_IMPORT_ADDED,
  FL_IMPORT_DUPLICATE,          /* a run started within 60 s with a similar duration */
  FL_IMPORT_NO_TIMES,           /* the track has no times: a run needs a start */
  FL_IMPORT_NOT_A_RUN,          /* a ride or a swim */
  FL_IMPORT_INVALID,            /* the journal refused it (read-only, out of range) */
} FlImportOutcome;

/* The run (source "gpx"/"tcx", rpe not given) for @activity, or NULL when
 * it has no start. (transfer full) */
FlRecord   *fl_imported_activity_to_run   (const FlImportedActivity *activity);

/* The run in @journal that @run duplicates: a start within 60 s and a
 * duration within 10 % (at least 60 s). (transfer none) */
FlRecord   *fl_import_find_duplicate      (FlJournal          *journal,
                                           const FlRecord     *run);

/* Adds @activity to @journal unless it is not a run, has no times or is
 * there already. @out_run (optional) gets the run added or duplicated
 * (transfer full). @error is set for FL_IMPORT_INVALID only. Does not save. */
FlImportOutcome fl_import_add_activity    (FlJournal          *journal,
                                           const FlImportedActivity *activity,
                                           FlRecord          **out_run,
                                           GError            **error);

/* One line for people: "run of 8.2 km in 45:10 on 2026-11-20 07:30" */
char       *fl_imported_activity_describe (const FlImportedActivity *activity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlImportedActivity, fl_imported_activity_free)

G_END_DECLS
