/* fl-routine.h: a stretch routine, read from JSON and laid out as timed steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Routines are data. The shipped ones are data/routines/post-run-{5,10,15}.json,
 * compiled into the core GResource under RESOURCE_PATH "/routines/"; a
 * runner's own are files of the same form in fl_routine_user_dir().
 *
 * A routine file:
 *
 *   { "format": "fresh-legs-routine",      optional; if present, exactly this
 *     "version": 1,                        optional; a newer one is refused
 *     "name": "post-run-10",               required: a–z, 0–9 and "-", 1–64 chars
 *     "title": "After a run — 10 minutes", optional (default: the name)
 *     "hold_s": 30,                        optional: seconds per hold, 20–45 (default 30)
 *     "change_s": 5,                       optional: seconds to change side or position, 0–15 (default 5)
 *     "lead_in_s": 3,                      optional: the 3-2-1 before the first hold, 0–10 (default 3)
 *     "stretches": [                       required, at least one
 *       { "id": "quadriceps" },            a stretch from the catalogue, as it is there
 *       { "id": "lower-back", "reps": 2, "hold_s": 40, "sides": ["right", "left"] },
 *       { "id": "wall-sit-stretch",        a stretch of the runner's own: "name" makes it one
 *         "name": "…", "how": "… one line …", "muscles": ["quadriceps"], "per_side": true }
 *     ] }
 *
 * Per stretch: "hold_s" (20–45) overrides the routine's; "reps" (1–4, default
 * 1; ACSM: 2–4 repetitions of 10–30 s) repeats the sides; "sides" is an array
 * of "left", "right" or "both" (default ["left", "right"] for a stretch done
 * per side, ["both"] otherwise). With 2 reps of a per-side stretch the sides
 * alternate: left, right, left, right.
 *
 * The stretch catalogue, data/routines/stretches.json (RESOURCE_PATH
 * "/routines/stretches.json"), is shared by every routine:
 *
 *   { "format": "fresh-legs-stretches", "version": 1,
 *     "stretches": [ { "id": "quadriceps", "name": "Standing quad stretch",
 *                      "how": "…", "muscles": ["quadriceps", "hip-flexors"],
 *                      "per_side": true }, … ] }
 *
 * An entry of a routine without "name" must name a catalogue stretch; one
 * with "name" defines its own ("how" and "muscles" optional, "per_side"
 * default false) and may reuse a catalogue id to replace that stretch.
 * Muscle names are ids ("quadriceps", "hip-flexors", "lower-back", …) that
 * the window translates.
 *
 * Laid out, a routine is a flat list of steps: the lead-in, then each hold,
 * with a change step between two holds (none after the last); steps of 0 s
 * are left out. The total is the sum of the steps: computed, never typed.
 * The shipped routines' titles, names and how-tos are looked up with
 * gettext; a runner's own are shown as written.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The routine a cool-down uses until the runner picks another */
#define FL_ROUTINE_DEFAULT "post-run-10"

#define FL_ROUTINE_FORMAT  "fresh-legs-routine"
#define FL_ROUTINE_VERSION 1

#define FL_ROUTINE_ERROR (fl_routine_error_quark ())

typedef enum {
  FL_ROUTINE_ERROR_NOT_JSON,    /* the text is not JSON at all */
  FL_ROUTINE_ERROR_INVALID,     /* JSON, but not a valid routine: the message says what and where */
  FL_ROUTINE_ERROR_NEWER,       /* written for a newer Fresh Legs */
  FL_ROUTINE_ERROR_NOT_FOUND,   /* no routine by that name */
  FL_ROUTINE_ERROR_RESERVED,    /* a runner's routine uses the name of a shipped one */
  FL_ROUTINE_ERROR_IO,          /* the file could not be read */
} FlRoutineError;

GQuark fl_routine_error_quark (void);

typedef enum {
  FL_ROUTINE_FLAGS_NONE        = 0,
  /* Tests and benchmarks only: holds of 1–45 s instead of 20–45 s, so that
   * a whole session is short enough to time on the real clock. */
  FL_ROUTINE_FLAGS_SHORT_HOLDS = 1 << 0,
} FlRoutineFlags;

typedef enum {
  FL_STEP_LEAD_IN,
  FL_STEP_HOLD,
  FL_STEP_CHANGE,
} FlStepKind;

typedef enum {
  FL_SIDE_NONE,                 /* lead-in and change steps */
  FL_SIDE_LEFT,
  FL_SIDE_RIGHT,
  FL_SIDE_BOTH,
} FlSide;

typedef struct
{
  char      *id;
  char      *name;              /* translated for the shipped catalogue */
  char      *how;               /* one line; "" when a runner's stretch has none */
  char     **muscles;           /* muscle ids; never NULL, may be empty */
  gboolean   per_side;
} FlStretch;

typedef struct
{
  FlStepKind       kind;
  FlSide           side;        /* FL_SIDE_NONE unless a hold */
  int              seconds;     /* > 0 */
  int              start_s;     /* when it starts, from the start of the session */
  /* A hold: its own stretch. A lead-in or change: the stretch the runner is
   * getting into, the one the next hold stretches. Owned by the routine. */
  const FlStretch *stretch;
  /* The holds before this step: a hold's own index among the holds (0 for
   * the first), or for a lead-in or change the index of the hold it leads to */
  guint            hold_index;
} FlRoutineStep;

#define FL_TYPE_ROUTINE (fl_routine_get_type ())
G_DECLARE_FINAL_TYPE (FlRoutine, fl_routine, FL, ROUTINE, GObject)

/* Properties (read-only): "name", "title", "total-s" (int) */

/* Parses and validates a routine. Every fault has one translated message
 * (FL_ROUTINE_ERROR_NOT_JSON, _INVALID, _NEWER). */
FlRoutine           *fl_routine_new_from_data   (const char      *data,
                                                 gssize           length,
                                                 FlRoutineFlags   flags,
                                                 GError         **error);
/* A runner's routine file, e.g. one to import: validated as above, and
 * refused (FL_ROUTINE_ERROR_RESERVED) when it takes a shipped routine's name. */
FlRoutine           *fl_routine_load_file       (GFile           *file,
                                                 GError         **error);
/* A routine by name: a shipped one, or one in fl_routine_user_dir() saved as
 * NAME.json or under any file name with that "name" (FL_ROUTINE_ERROR_NOT_FOUND). */
FlRoutine           *fl_routine_lookup          (const char      *name,
                                                 GError         **error);
/* Every routine: the shipped ones, shortest first, then the runner's valid
 * ones by name (a file that does not validate is left out). (transfer full:
 * a GPtrArray of FlRoutine, freeing its elements) */
GPtrArray           *fl_routine_list_all        (void);
/* $XDG_DATA_HOME/fresh-legs/routines, where the app copies imported routines */
char                *fl_routine_user_dir        (void);
/* Imports a runner's routine file: validates it as fl_routine_load_file()
 * does, then copies it byte for byte into fl_routine_user_dir() (the folder
 * 0700, the file 0600, written atomically). A routine of the runner's with
 * the same "name" is an earlier version of it: it is replaced in its own
 * file, and *@out_updated says so. On any fault nothing in the folder
 * changes. Returns the routine as installed. (transfer full) */
FlRoutine           *fl_routine_install_file    (GFile           *file,
                                                 gboolean        *out_updated,
                                                 GError         **error);

const char          *fl_routine_get_name        (FlRoutine       *self);
const char          *fl_routine_get_title       (FlRoutine       *self);
gboolean             fl_routine_is_shipped      (FlRoutine       *self);
/* Seconds from the start of the lead-in to the end of the last hold */
int                  fl_routine_get_total_s     (FlRoutine       *self);
guint                fl_routine_get_n_steps     (FlRoutine       *self);
const FlRoutineStep *fl_routine_get_step        (FlRoutine       *self,
                                                 guint            index);
/* The holds: what a cool-down record counts as its steps (steps_total) */
guint                fl_routine_get_n_holds     (FlRoutine       *self);
/* Seconds from the start to the end of the first @n_holds holds (0 for 0) */
int                  fl_routine_get_seconds_for_holds (FlRoutine *self,
                                                       guint      n_holds);

/* {"name", "title", "total_s", "steps": [{"kind": "lead-in"|"hold"|"change",
 *  "stretch": id, "side": "left"|"right"|"both"|null, "seconds",
 *  "muscles": [...]}]}: what `fresh-legs routine NAME --json` prints.
 * A lead-in's or change's stretch and muscles are those of the next hold. */
JsonNode            *fl_routine_to_json         (FlRoutine       *self);

/* "lead-in", "hold", "change"; "left", "right", "both" (NULL for FL_SIDE_NONE) */
const char          *fl_step_kind_to_string     (FlStepKind       kind);
const char          *fl_side_to_string          (FlSide           side);

G_END_DECLS
