/* fl-record.h: the kinds of entry the journal holds, and their limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FL_RECORD_ERROR (fl_record_error_quark ())

typedef enum {
  FL_RECORD_ERROR_MISSING,      /* a required member is absent */
  FL_RECORD_ERROR_TYPE,         /* a member has the wrong JSON type or form */
  FL_RECORD_ERROR_RANGE,        /* a value is outside what a person could log */
} FlRecordError;

GQuark fl_record_error_quark (void);

typedef enum {
  FL_RECORD_RUN,
  FL_RECORD_SLEEP,
  FL_RECORD_DRINK,
  FL_RECORD_IRON,
  FL_RECORD_COOLDOWN,
  FL_RECORD_CHECKIN,
  FL_RECORD_FERRITIN,
  FL_N_RECORD_KINDS
} FlRecordKind;

/* Every record starts with this header. @time orders the records of a kind:
 * the start of a run, night or cool-down, the moment of a drink or an iron
 * entry, and local midnight of the date for check-ins and ferritin results. */
typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  FlRecordKind kind;
  char        *id;
  GDateTime   *time;
  /*< private >*/
  JsonObject  *json;            /* the members as read: unknown ones survive a save */
} FlRecord;

typedef struct
{
  FlRecord parent;
  int      duration_s;          /* 1 s .. 48 h */
  double   distance_m;          /* 0 .. 500 km; 0 = not measured */
  int      rpe;                 /* 0..10 (CR-10); -1 = not given */
  int      avg_hr;              /* 30..250 bpm; 0 = not given */
  int      cadence_spm;         /* 60..260 steps/min; 0 = not given */
  double   temperature_c;       /* -50..60 °C; NAN = not given */
  char    *source;              /* "manual", "gpx", "tcx"; never NULL */
  char    *note;                /* may be NULL */
} FlRun;

typedef struct
{
  FlRecord   parent;            /* time = bed time */
  GDateTime *end;               /* wake time; 0 < end - start <= 24 h */
  gboolean   nap;
} FlSleep;

typedef struct
{
  FlRecord parent;
  int      ml;                  /* 1..5000 */
} FlDrink;

typedef struct
{
  FlRecord parent;
  char    *food;                /* a food id from the food table */
  double   portions;            /* 0 < portions <= 20 */
  double   mg;                  /* 0..200 */
} FlIronIntake;

typedef struct
{
  FlRecord   parent;
  GDateTime *end;
  char      *routine;
  int        steps_done;        /* 0 .. steps_total */
  int        steps_total;       /* 1..500 */
} FlCooldown;

typedef struct
{
  FlRecord parent;              /* one a day: the id is the date, YYYY-MM-DD */
  int      legs;                /* 1 = fresh .. 5 = heavy */
  char    *note;                /* may be NULL */
} FlCheckin;

typedef struct
{
  FlRecord parent;
  double   ug_per_l;            /* 0 < value <= 2000 */
} FlFerritin;

#define FL_RUN(r)          ((FlRun *) (r))
#define FL_SLEEP(r)        ((FlSleep *) (r))
#define FL_DRINK(r)        ((FlDrink *) (r))
#define FL_IRON_INTAKE(r)  ((FlIronIntake *) (r))
#define FL_COOLDOWN(r)     ((FlCooldown *) (r))
#define FL_CHECKIN(r)      ((FlCheckin *) (r))
#define FL_FERRITIN(r)     ((FlFerritin *) (r))

#define FL_TYPE_RECORD (fl_record_get_type ())
GType        fl_record_get_type        (void) G_GNUC_CONST;

/* A new record of @kind with every field at its "not given" value, a fresh
 * random id and @time (which is referenced). Fill the fields, then hand it to
 * fl_journal_add(), which validates it. */
FlRecord    *fl_record_new             (FlRecordKind   kind,
                                        GDateTime     *time);
FlRecord    *fl_record_ref             (FlRecord      *self);
void         fl_record_unref           (FlRecord      *self);
FlRecord    *fl_record_copy            (const FlRecord *self);

/* Convenience constructors for the common cases */
FlRecord    *fl_drink_new              (GDateTime     *time,
                                        int            ml);
FlRecord    *fl_run_new                (GDateTime     *start,
                                        int            duration_s,
                                        double         distance_m);

/* The journal member that holds the array of this kind: "runs", "drinks", … */
const char  *fl_record_kind_to_member  (FlRecordKind   kind);

/* Range checks with messages a user can read ("A drink is 1 to 5000 ml; got 0 ml."). */
gboolean     fl_record_validate        (const FlRecord *self,
                                        GError       **error);
/* Parses and validates one element of the journal array; unknown members are kept. */
FlRecord    *fl_record_new_from_json   (FlRecordKind   kind,
                                        JsonObject    *object,
                                        GError       **error);
/* The record as JSON: unknown members it was read with, known ones as they are now. */
JsonObject  *fl_record_to_json         (const FlRecord *self);

/* For a run: its end (start + duration). (transfer full) */
GDateTime   *fl_run_get_end            (const FlRun   *run);

/* A time as the journal stores it: ISO 8601 with the offset as ±HH:MM
 * ("2026-11-27T07:30:00+01:00"; g_date_time_format_iso8601() writes "+01"),
 * with microseconds only when there are some. */
char        *fl_record_format_time     (GDateTime     *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlRecord, fl_record_unref)

G_END_DECLS
