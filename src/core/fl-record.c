/* fl-record.c: the kinds of entry the journal holds, and their limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One descriptor table per kind says, for every JSON member, its type, where
 * it lives in the struct, its range and its "not given" value, so that one
 * loop parses, one validates and one serializes all seven kinds.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fl-record.h"

G_DEFINE_QUARK (fl-record-error-quark, fl_record_error)

G_DEFINE_BOXED_TYPE (FlRecord, fl_record, fl_record_ref, fl_record_unref)

typedef enum {
  FIELD_STRING,
  FIELD_TIME,                   /* ISO 8601 with its UTC offset */
  FIELD_DATE,                   /* YYYY-MM-DD, held as local midnight */
  FIELD_INT,
  FIELD_DOUBLE,
  FIELD_BOOL,
} FieldType;

typedef enum {
  FIELD_REQUIRED      = 1 << 0,
  /* The "not given" value is allowed even outside the range, and is left out
   * of the JSON (0 bpm means "no heart rate", not a dead runner). */
  FIELD_UNSET_ALLOWED = 1 << 1,
  FIELD_MIN_EXCLUSIVE = 1 << 2,
} FieldFlags;

typedef struct
{
  const char *member;
  FieldType   type;
  gsize       offset;
  FieldFlags  flags;
  double      min;              /* numbers: the range; strings: the length in characters */
  double      max;
  double      unset;            /* numbers, booleans: the value when the member is absent */
  const char *unset_string;     /* strings: the value when the member is absent */
  double      scale;            /* messages show value / scale (metres as km); 0 = 1 */
  const char *message;          /* numbers: the range, with one %s for the value */
} FieldSpec;

typedef struct
{
  const char      *member;
  const char      *missing;     /* one %s: the member */
  gsize            size;
  const FieldSpec *fields;
  guint            n_fields;
  gboolean       (*check)       (const FlRecord *self,
                                 GError        **error);
} KindSpec;

#define MAX_ID_CHARS   200
#define MAX_NAME_CHARS 200
#define MAX_NOTE_CHARS 2000

#define ID_FIELD \
  { .member = "id", .type = FIELD_STRING, .offset = G_STRUCT_OFFSET (FlRecord, id), \
    .min = 1, .max = MAX_ID_CHARS }
#define TIME_FIELD(name) \
  { .member = name, .type = FIELD_TIME, .offset = G_STRUCT_OFFSET (FlRecord, time), \
    .flags = FIELD_REQUIRED }
#define DATE_FIELD \
  { .member = "date", .type = FIELD_DATE, .offset = G_STRUCT_OFFSET (FlRecord, time), \
    .flags = FIELD_REQUIRED }
#define NOTE_FIELD(struct_type) \
  { .member = "note", .type = FIELD_STRING, .offset = G_STRUCT_OFFSET (struct_type, note), \
    .min = 0, .max = MAX_NOTE_CHARS }

static const FieldSpec run_fields[] = {
  ID_FIELD,
  TIME_FIELD ("start"),
  { .member = "duration_s", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlRun, duration_s),
    .flags = FIELD_REQUIRED, .min = 1, .max = 48 * 3600,
    .message = N_("A run lasts 1 second to 48 hours; got %s seconds.") },
  { .member = "distance_m", .type = FIELD_DOUBLE, .offset = G_STRUCT_OFFSET (FlRun, distance_m),
    .flags = FIELD_UNSET_ALLOWED, .min = 0, .max = 500000, .unset = 0, .scale = 1000,
    .message = N_("A run is 0 to 500 km long; got %s km.") },
  /* Borg CR-10 scale, as Foster's session RPE uses it */
  { .member = "rpe", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlRun, rpe),
    .flags = FIELD_UNSET_ALLOWED, .min = 0, .max = 10, .unset = -1,
    .message = N_("Effort (RPE) is 0 to 10; got %s.") },
  { .member = "avg_hr", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlRun, avg_hr),
    .flags = FIELD_UNSET_ALLOWED, .min = 30, .max = 250, .unset = 0,
    .message = N_("An average heart rate is 30 to 250 bpm; got %s bpm.") },
  { .member = "cadence_spm", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlRun, cadence_spm),
    .flags = FIELD_UNSET_ALLOWED, .min = 60, .max = 260, .unset = 0,
    .message = N_("A cadence is 60 to 260 steps per minute; got %s.") },
  { .member = "temperature_c", .type = FIELD_DOUBLE, .offset = G_STRUCT_OFFSET (FlRun, temperature_c),
    .flags = FIELD_UNSET_ALLOWED, .min = -50, .max = 60, .unset = NAN,
    .message = N_("A temperature is −50 to 60 °C; got %s °C.") },
  { .member = "source", .type = FIELD_STRING, .offset = G_STRUCT_OFFSET (FlRun, source),
    .min = 1, .max = 40, .unset_string = "manual" },
  NOTE_FIELD (FlRun),
};

static const FieldSpec sleep_fields[] = {
  ID_FIELD,
  TIME_FIELD ("start"),
  { .member = "end", .type = FIELD_TIME, .offset = G_STRUCT_OFFSET (FlSleep, end),
    .flags = FIELD_REQUIRED },
  { .member = "nap", .type = FIELD_BOOL, .offset = G_STRUCT_OFFSET (FlSleep, nap),
    .unset = FALSE },
};

static const FieldSpec drink_fields[] = {
  ID_FIELD,
  TIME_FIELD ("time"),
  { .member = "ml", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlDrink, ml),
    .flags = FIELD_REQUIRED, .min = 1, .max = 5000,
    .message = N_("A drink is 1 to 5000 ml; got %s ml.") },
};

static const FieldSpec iron_fields[] = {
  ID_FIELD,
  TIME_FIELD ("time"),
  { .member = "food", .type = FIELD_STRING, .offset = G_STRUCT_OFFSET (FlIronIntake, food),
    .flags = FIELD_REQUIRED, .min = 1, .max = MAX_NAME_CHARS },
  { .member = "portions", .type = FIELD_DOUBLE, .offset = G_STRUCT_OFFSET (FlIronIntake, portions),
    .flags = FIELD_MIN_EXCLUSIVE, .min = 0, .max = 20, .unset = 1.0,
    .message = N_("Portions are more than 0 and at most 20; got %s.") },
  { .member = "mg", .type = FIELD_DOUBLE, .offset = G_STRUCT_OFFSET (FlIronIntake, mg),
    .flags = FIELD_REQUIRED, .min = 0, .max = 200,
    .message = N_("An iron entry is 0 to 200 mg; got %s mg.") },
};

static const FieldSpec cooldown_fields[] = {
  ID_FIELD,
  TIME_FIELD ("start"),
  { .member = "end", .type = FIELD_TIME, .offset = G_STRUCT_OFFSET (FlCooldown, end),
    .flags = FIELD_REQUIRED },
  { .member = "routine", .type = FIELD_STRING, .offset = G_STRUCT_OFFSET (FlCooldown, routine),
    .flags = FIELD_REQUIRED, .min = 1, .max = MAX_NAME_CHARS },
  { .member = "steps_done", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlCooldown, steps_done),
    .flags = FIELD_REQUIRED, .min = 0, .max = 500,
    .message = N_("A cool-down has 0 to 500 steps done; got %s.") },
  { .member = "steps_total", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlCooldown, steps_total),
    .flags = FIELD_REQUIRED, .min = 1, .max = 500,
    .message = N_("A cool-down has 1 to 500 steps; got %s.") },
};

static const FieldSpec checkin_fields[] = {
  DATE_FIELD,
  { .member = "legs", .type = FIELD_INT, .offset = G_STRUCT_OFFSET (FlCheckin, legs),
    .flags = FIELD_REQUIRED, .min = 1, .max = 5,
    .message = N_("Legs are rated 1 (fresh) to 5 (heavy); got %s.") },
  NOTE_FIELD (FlCheckin),
};

static const FieldSpec ferritin_fields[] = {
  ID_FIELD,
  DATE_FIELD,
  { .member = "ug_per_l", .type = FIELD_DOUBLE, .offset = G_STRUCT_OFFSET (FlFerritin, ug_per_l),
    .flags = FIELD_REQUIRED | FIELD_MIN_EXCLUSIVE, .min = 0, .max = 2000,
    .message = N_("A ferritin value is more than 0 and at most 2000 µg/L; got %s µg/L.") },
};

static gboolean check_sleep    (const FlRecord *self,
                                GError        **error);
static gboolean check_cooldown (const FlRecord *self,
                                GError        **error);

static const KindSpec kinds[FL_N_RECORD_KINDS] = {
  [FL_RECORD_RUN] = { "runs", N_("A run needs “%s”."), sizeof (FlRun),
                      run_fields, G_N_ELEMENTS (run_fields), NULL },
  [FL_RECORD_SLEEP] = { "sleep", N_("A sleep entry needs “%s”."), sizeof (FlSleep),
                        sleep_fields, G_N_ELEMENTS (sleep_fields), check_sleep },
  [FL_RECORD_DRINK] = { "drinks", N_("A drink needs “%s”."), sizeof (FlDrink),
                        drink_fields, G_N_ELEMENTS (drink_fields), NULL },
  [FL_RECORD_IRON] = { "iron", N_("An iron entry needs “%s”."), sizeof (FlIronIntake),
                       iron_fields, G_N_ELEMENTS (iron_fields), NULL },
  [FL_RECORD_COOLDOWN] = { "cooldowns", N_("A cool-down needs “%s”."), sizeof (FlCooldown),
                           cooldown_fields, G_N_ELEMENTS (cooldown_fields), check_cooldown },
  [FL_RECORD_CHECKIN] = { "checkins", N_("A check-in needs “%s”."), sizeof (FlCheckin),
                          checkin_fields, G_N_ELEMENTS (checkin_fields), NULL },
  [FL_RECORD_FERRITIN] = { "ferritin", N_("A ferritin result needs “%s”."), sizeof (FlFerritin),
                           ferritin_fields, G_N_ELEMENTS (ferritin_fields), NULL },
};

#define FIELD_PTR(record, spec, type) ((type *) (gpointer) ((guint8 *) (record) + (spec)->offset))

static gboolean
is_header_field (const FieldSpec *spec)
{
  return spec->offset == G_STRUCT_OFFSET (FlRecord, id) ||
         spec->offset == G_STRUCT_OFFSET (FlRecord, time);
}

static gboolean
is_date_kind (FlRecordKind kind)
{
  return kind == FL_RECORD_CHECKIN || kind == FL_RECORD_FERRITIN;
}

/* ISO 8601 with the offset as ±HH:MM: g_date_time_format_iso8601() writes
 * "+01", which is valid but not what people (or the design) expect. */
char *
fl_record_format_time (GDateTime *time)
{
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *offset = g_date_time_format (time, "%:z");
  int usec;

  g_return_val_if_fail (time != NULL, NULL);

  usec = g_date_time_get_microsecond (time);
  if (usec != 0)
    return g_strdup_printf ("%s.%06d%s", seconds, usec, offset);
  return g_strconcat (seconds, offset, NULL);
}

static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  /* A time without an offset is taken as local time, as a person would mean it */
  return g_date_time_new_from_iso8601 (text, local);
}

static GDateTime *
local_midnight (int year,
                int month,
                int day)
{
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

/* Strictly YYYY-MM-DD, and a day the calendar has (not 2026-02-30) */
static GDateTime *
parse_date (const char *text)
{
  unsigned int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  year = (unsigned int) g_ascii_strtoull (text, NULL, 10);
  month = (unsigned int) g_ascii_strtoull (text + 5, NULL, 10);
  day = (unsigned int) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return local_midnight ((int) year, (int) month, (int) day);
}

static char *
format_date (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d");
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static double
get_number (const FlRecord  *self,
            const FieldSpec *spec)
{
  if (spec->type == FIELD_INT)
    return *FIELD_PTR (self, spec, int);
  return *FIELD_PTR (self, spec, double);
}

static gboolean
check_number (FlRecordKind     kind,
              const FieldSpec *spec,
              double           value,
              GError         **error)
{
  gboolean too_low;
  g_autofree char *shown = NULL;

  if ((spec->flags & FIELD_UNSET_ALLOWED) && same_number (value, spec->unset))
    return TRUE;

  too_low = (spec->flags & FIELD_MIN_EXCLUSIVE) ? value <= spec->min : value < spec->min;
  if (!isnan (value) && !too_low && value <= spec->max)
    return TRUE;

  if (spec->type == FIELD_INT)
    shown = g_strdup_printf ("%.0f", value);
  else
    shown = g_strdup_printf ("%g", spec->scale > 0 ? value / spec->scale : value);
  g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE, _(spec->message), shown);
  return FALSE;
}

static void
set_missing_error (FlRecordKind     kind,
                   const FieldSpec *spec,
                   GError         **error)
{
  g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_MISSING,
               _(kinds[kind].missing), spec->member);
}

static gboolean
check_string (FlRecordKind     kind,
              const FieldSpec *spec,
              const char      *value,
              GError         **error)
{
  glong length;

  if (value == NULL)
    {
      /* A member with a default (a run's source) is never without a value */
      if ((spec->flags & FIELD_REQUIRED) || spec->unset_string != NULL)
        {
          set_missing_error (kind, spec, error);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                   _("“%s” is not valid UTF-8 text."), spec->member);
      return FALSE;
    }

  length = g_utf8_strlen (value, -1);
  if (length < spec->min)
    {
      set_missing_error (kind, spec, error);
      return FALSE;
    }
  if (length > spec->max)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is at most %d characters long; got %ld."),
                   spec->member, (int) spec->max, length);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_field (const FlRecord  *self,
                const FieldSpec *spec,
                GError         **error)
{
  switch (spec->type)
    {
    case FIELD_STRING:
      return check_string (self->kind, spec, *FIELD_PTR (self, spec, char *), error);

    case FIELD_TIME:
    case FIELD_DATE:
      if (*FIELD_PTR (self, spec, GDateTime *) == NULL && (spec->flags & FIELD_REQUIRED))
        {
          set_missing_error (self->kind, spec, error);
          return FALSE;
        }
      return TRUE;

    case FIELD_INT:
    case FIELD_DOUBLE:
      return check_number (self->kind, spec, get_number (self, spec), error);

    case FIELD_BOOL:
    default:
      return TRUE;
    }
}

static gboolean
check_span (GDateTime  *start,
            GDateTime  *end,
            gboolean    allow_zero,
            const char *message,
            GError    **error)
{
  GTimeSpan span = g_date_time_difference (end, start);

  if ((span > 0 || (allow_zero && span == 0)) && span <= 24 * G_TIME_SPAN_HOUR)
    return TRUE;

  {
    g_autofree char *hours = g_strdup_printf ("%.1f", (double) span / G_TIME_SPAN_HOUR);
    g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE, message, hours);
  }
  return FALSE;
}

static gboolean
check_sleep (const FlRecord *self,
             GError        **error)
{
  return check_span (self->time, FL_SLEEP (self)->end, FALSE,
                     _("A sleep ends after it starts and lasts at most 24 hours; got %s hours."),
                     error);
}

static gboolean
check_cooldown (const FlRecord *self,
                GError        **error)
{
  const FlCooldown *cooldown = FL_COOLDOWN (self);

  if (!check_span (self->time, cooldown->end, TRUE,
                   _("A cool-down ends after it starts and lasts at most 24 hours; got %s hours."),
                   error))
    return FALSE;

  if (cooldown->steps_done > cooldown->steps_total)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("A cool-down of %d steps has 0 to %d of them done; got %d."),
                   cooldown->steps_total, cooldown->steps_total, cooldown->steps_done);
      return FALSE;
    }
  return TRUE;
}

gboolean
fl_record_validate (const FlRecord *self,
                    GError        **error)
{
  const KindSpec *spec;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->kind < FL_N_RECORD_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spec = &kinds[self->kind];

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_MISSING,
                   _(spec->missing), "id");
      return FALSE;
    }

  for (guint i = 0; i < spec->n_fields; i++)
    if (!validate_field (self, &spec->fields[i], error))
      return FALSE;

  if (spec->check != NULL && !spec->check (self, error))
    return FALSE;

  return TRUE;
}

/* A record with every field at its "not given" value, and no id or time */
static FlRecord *
record_alloc (FlRecordKind kind)
{
  const KindSpec *spec = &kinds[kind];
  FlRecord *self = g_malloc0 (spec->size);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;

  for (guint i = 0; i < spec->n_fields; i++)
    {
      const FieldSpec *field = &spec->fields[i];

      if (is_header_field (field))
        continue;

      switch (field->type)
        {
        case FIELD_STRING:
          *FIELD_PTR (self, field, char *) = g_strdup (field->unset_string);
          break;
        case FIELD_INT:
          *FIELD_PTR (self, field, int) = (int) field->unset;
          break;
        case FIELD_DOUBLE:
          *FIELD_PTR (self, field, double) = field->unset;
          break;
        case FIELD_BOOL:
          *FIELD_PTR (self, field, gboolean) = field->unset != 0;
          break;
        case FIELD_TIME:
        case FIELD_DATE:
        default:
          break;
        }
    }

  return self;
}

static char *
make_id (FlRecordKind  kind,
         GDateTime    *time)
{
  /* One check-in a day: its date is its id */
  if (kind == FL_RECORD_CHECKIN)
    return format_date (time);
  return g_uuid_string_random ();
}

FlRecord *
fl_record_new (FlRecordKind  kind,
               GDateTime    *time)
{
  FlRecord *self;

  g_return_val_if_fail (kind < FL_N_RECORD_KINDS, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  self = record_alloc (kind);
  if (is_date_kind (kind))
    {
      int year, month, day;

      g_date_time_get_ymd (time, &year, &month, &day);
      self->time = local_midnight (year, month, day);
    }
  else
    {
      self->time = g_date_time_ref (time);
    }
  self->id = make_id (kind, self->time);

  return self;
}

FlRecord *
fl_record_ref (FlRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fl_record_unref (FlRecord *self)
{
  const KindSpec *spec;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  spec = &kinds[self->kind];
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const FieldSpec *field = &spec->fields[i];

      if (is_header_field (field))
        continue;
      if (field->type == FIELD_STRING)
        g_free (*FIELD_PTR (self, field, char *));
      else if (field->type == FIELD_TIME || field->type == FIELD_DATE)
        g_clear_pointer (FIELD_PTR (self, field, GDateTime *), g_date_time_unref);
    }

  g_free (self->id);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->json, json_object_unref);
  g_free (self);
}

FlRecord *
fl_record_copy (const FlRecord *self)
{
  const KindSpec *spec;
  FlRecord *copy;

  g_return_val_if_fail (self != NULL, NULL);

  spec = &kinds[self->kind];
  copy = g_malloc (spec->size);
  memcpy (copy, self, spec->size);
  g_atomic_ref_count_init (&copy->ref_count);

  for (guint i = 0; i < spec->n_fields; i++)
    {
      const FieldSpec *field = &spec->fields[i];

      if (is_header_field (field))
        continue;
      if (field->type == FIELD_STRING)
        *FIELD_PTR (copy, field, char *) = g_strdup (*FIELD_PTR (self, field, char *));
      else if ((field->type == FIELD_TIME || field->type == FIELD_DATE) &&
               *FIELD_PTR (self, field, GDateTime *) != NULL)
        g_date_time_ref (*FIELD_PTR (self, field, GDateTime *));
    }

  copy->id = g_strdup (self->id);
  if (copy->time != NULL)
    g_date_time_ref (copy->time);
  /* The retained JSON is never changed after parsing, so copies share it */
  if (copy->json != NULL)
    json_object_ref (copy->json);

  return copy;
}

FlRecord *
fl_drink_new (GDateTime *time,
              int        ml)
{
  FlRecord *self = fl_record_new (FL_RECORD_DRINK, time);

  FL_DRINK (self)->ml = ml;
  return self;
}

FlRecord *
fl_run_new (GDateTime *start,
            int        duration_s,
            double     distance_m)
{
  FlRecord *self = fl_record_new (FL_RECORD_RUN, start);

  FL_RUN (self)->duration_s = duration_s;
  FL_RUN (self)->distance_m = distance_m;
  return self;
}

const char *
fl_record_kind_to_member (FlRecordKind kind)
{
  g_return_val_if_fail (kind < FL_N_RECORD_KINDS, NULL);

  return kinds[kind].member;
}

static char *
describe_node (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static gboolean
parse_field (FlRecord        *self,
             const FieldSpec *spec,
             JsonNode        *node,
             GError         **error)
{
  GType value_type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* The defaults are in place already */
      if (spec->flags & FIELD_REQUIRED)
        {
          set_missing_error (self->kind, spec, error);
          return FALSE;
        }
      return TRUE;
    }

  value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  switch (spec->type)
    {
    case FIELD_STRING:
      if (value_type != G_TYPE_STRING)
        break;
      g_free (*FIELD_PTR (self, spec, char *));
      *FIELD_PTR (self, spec, char *) = g_strdup (json_node_get_string (node));
      return TRUE;

    case FIELD_TIME:
    case FIELD_DATE:
      {
        GDateTime *time;

        if (value_type != G_TYPE_STRING)
          break;
        if (spec->type == FIELD_TIME)
          time = parse_time (json_node_get_string (node));
        else
          time = parse_date (json_node_get_string (node));
        if (time == NULL)
          break;
        g_clear_pointer (FIELD_PTR (self, spec, GDateTime *), g_date_time_unref);
        *FIELD_PTR (self, spec, GDateTime *) = time;
        return TRUE;
      }

    case FIELD_INT:
      {
        double value;

        if (value_type == G_TYPE_INT64)
          value = (double) json_node_get_int (node);
        else if (value_type == G_TYPE_DOUBLE && floor (json_node_get_double (node)) == json_node_get_double (node))
          value = json_node_get_double (node);
        else
          break;
        /* Checked before the cast, so that 1e12 is an error and not garbage */
        if (!check_number (self->kind, spec, value, error))
          return FALSE;
        *FIELD_PTR (self, spec, int) = (int) value;
        return TRUE;
      }

    case FIELD_DOUBLE:
      if (value_type == G_TYPE_INT64)
        *FIELD_PTR (self, spec, double) = (double) json_node_get_int (node);
      else if (value_type == G_TYPE_DOUBLE)
        *FIELD_PTR (self, spec, double) = json_node_get_double (node);
      else
        break;
      return TRUE;

    case FIELD_BOOL:
      if (value_type != G_TYPE_BOOLEAN)
        break;
      *FIELD_PTR (self, spec, gboolean) = json_node_get_boolean (node);
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  {
    g_autofree char *got = describe_node (node);
    const char *format;

    switch (spec->type)
      {
      case FIELD_STRING:
        format = _("“%s” must be text; got %s.");
        break;
      case FIELD_TIME:
        format = _("“%s” must be a date and time like 2026-11-27T07:30:00+01:00; got %s.");
        break;
      case FIELD_DATE:
        format = _("“%s” must be a date of the calendar like 2026-11-27; got %s.");
        break;
      case FIELD_INT:
        format = _("“%s” must be a whole number; got %s.");
        break;
      case FIELD_DOUBLE:
        format = _("“%s” must be a number; got %s.");
        break;
      case FIELD_BOOL:
      default:
        format = _("“%s” must be true or false; got %s.");
        break;
      }
    g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE, format, spec->member, got);
  }
  return FALSE;
}

static gboolean
is_known_member (const KindSpec *spec,
                 const char     *member)
{
  for (guint i = 0; i < spec->n_fields; i++)
    if (g_str_equal (spec->fields[i].member, member))
      return TRUE;
  return FALSE;
}

FlRecord *
fl_record_new_from_json (FlRecordKind   kind,
                         JsonObject    *object,
                         GError       **error)
{
  const KindSpec *spec;
  g_autoptr(FlRecord) self = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_val_if_fail (kind < FL_N_RECORD_KINDS, NULL);
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  spec = &kinds[kind];
  self = record_alloc (kind);

  for (guint i = 0; i < spec->n_fields; i++)
    {
      const FieldSpec *field = &spec->fields[i];

      if (!parse_field (self, field, json_object_get_member (object, field->member), error))
        return NULL;
    }

  if (self->id == NULL)
    self->id = make_id (kind, self->time);

  /* Only the members this version does not know are kept; the known ones are
   * written from the struct, so an edit is never undone by a stale copy. */
  self->json = json_object_new ();
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!is_known_member (spec, name))
      json_object_set_member (self->json, name, json_node_copy (node));

  if (!fl_record_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
set_number_member (JsonObject *object,
                   const char *member,
                   double      value)
{
  /* 8000 reads better than 8000.0 in a file people may open */
  if (floor (value) == value && fabs (value) < 1e15)
    json_object_set_int_member (object, member, (gint64) value);
  else
    json_object_set_double_member (object, member, value);
}

JsonObject *
fl_record_to_json (const FlRecord *self)
{
  const KindSpec *spec;
  JsonObject *object;

  g_return_val_if_fail (self != NULL, NULL);

  spec = &kinds[self->kind];
  object = json_object_new ();

  for (guint i = 0; i < spec->n_fields; i++)
    {
      const FieldSpec *field = &spec->fields[i];

      switch (field->type)
        {
        case FIELD_STRING:
          {
            const char *value = *FIELD_PTR (self, field, char *);

            if (value != NULL)
              json_object_set_string_member (object, field->member, value);
          }
          break;

        case FIELD_TIME:
        case FIELD_DATE:
          {
            GDateTime *value = *FIELD_PTR (self, field, GDateTime *);

            if (value != NULL)
              {
                g_autofree char *text = field->type == FIELD_TIME ? fl_record_format_time (value)
                                                                  : format_date (value);
                json_object_set_string_member (object, field->member, text);
              }
          }
          break;

        case FIELD_INT:
        case FIELD_DOUBLE:
          {
            double value = get_number (self, field);

            if ((field->flags & FIELD_UNSET_ALLOWED) && same_number (value, field->unset))
              break;
            if (field->type == FIELD_INT)
              json_object_set_int_member (object, field->member, (gint64) value);
            else
              set_number_member (object, field->member, value);
          }
          break;

        case FIELD_BOOL:
          json_object_set_boolean_member (object, field->member,
                                          *FIELD_PTR (self, field, gboolean));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (self->json != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, self->json);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (!json_object_has_member (object, name) && !is_known_member (spec, name))
          json_object_set_member (object, name, json_node_copy (node));
    }

  return object;
}

GDateTime *
fl_run_get_end (const FlRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  g_return_val_if_fail (run->parent.time != NULL, NULL);

  return g_date_time_add_seconds (run->parent.time, run->duration_s);
}
