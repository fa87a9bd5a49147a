/* fl-sleep.h: the runner's sleep need, debt, tonight's bedtime and naps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nights are FlSleep records (fl-record.h): time = bed, end = wake, nap
 * FALSE. The night "of" a date is the one that ends that morning, i.e. every
 * night record whose wake time falls on that local date. A nap counts on the
 * date it ends, and lowers the need of the night that follows it.
 */
#pragma once

#include <gio/gio.h>

#include "fl-journal.h"
#include "fl-reminder.h"

G_BEGIN_DECLS

#define FL_SLEEP_ERROR (fl_sleep_error_quark ())

typedef enum {
  FL_SLEEP_ERROR_ORDER,         /* the wake time is not after the bed time */
  FL_SLEEP_ERROR_TOO_LONG,      /* more than 16 hours */
  FL_SLEEP_ERROR_OVERLAP,       /* overlaps a night or nap already logged */
  FL_SLEEP_ERROR_PARSE,         /* "23:10-06:40" could not be read */
} FlSleepError;

GQuark fl_sleep_error_quark (void);

/* No one sleeps longer in one go without it being a mistyped time */
#define FL_SLEEP_MAX_MINUTES (16 * 60)
#define FL_SLEEP_DEFAULT_BASELINE_MIN (8 * 60)
#define FL_SLEEP_DEFAULT_WAKE_TIME_MIN (7 * 60)
/* DESIGN.md "Sleep": a nap after a night under 7 h */
#define FL_SLEEP_SHORT_NIGHT_MIN (7 * 60)
/* Extra need after a high-load day: at most 45 minutes */
#define FL_SLEEP_MAX_LOAD_EXTRA_MIN 45
/* DESIGN.md "Sleep": 15 minutes to fall asleep; wind down 30 minutes
 * before bedtime */
#define FL_SLEEP_FALL_ASLEEP_MIN 15
#define FL_SLEEP_WIND_DOWN_MIN 30
#define FL_SLEEP_HISTORY_NIGHTS 14
#define FL_SLEEP_DEBT_NIGHTS 7

/* What a training model adds to the need of the night after @day (the
 * evening's date): 0 .. 45 minutes after a high-load day. */
typedef int (*FlSleepLoadFunc) (FlJournal   *journal,
                                const GDate *day,
                                gpointer     user_data);

typedef struct
{
  int              baseline_min;   /* the runner's own need, GSettings sleep-baseline */
  int              wake_time_min;  /* planned wake time, minutes after midnight */
  FlSleepLoadFunc  load_func;      /* NULL: nothing is added for training load */
  gpointer         load_data;
  GPtrArray       *planned_runs;   /* of FlRecord (FlRun), planned; may be NULL */
} FlSleepOptions;

typedef struct
{
  GDate date;                   /* the morning the night ends */
  int   need_min;               /* after the band, load and naps */
  int   load_extra_min;         /* added for the day before */
  int   naps_min;               /* naps the day before, taken off */
  int   slept_min;              /* -1: not logged (unknown, not zero) */
} FlSleepNight;

typedef struct
{
  GDate        date;            /* today */
  int          band_low_min;    /* the age band (NSF 2015) */
  int          band_high_min;
  int          baseline_min;    /* as clamped into the band */
  gboolean     profile_is_default;

  FlSleepNight nights[FL_SLEEP_HISTORY_NIGHTS];  /* oldest first; the last is last night */
  FlSleepNight tonight;         /* slept_min is -1 */

  int          debt_min;        /* over the logged of the last 7 nights; never below 0 */
  int          debt_nights_logged;

  GDateTime   *bedtime;         /* tonight's: wake time − need − 15 min */
  GDateTime   *wind_down;       /* 30 minutes before it */

  /* After a short night: a nap window today, or all NULL / 0 */
  GDateTime   *nap_from;
  GDateTime   *nap_to;
  int          nap_min;
  int          naps_today_min;  /* naps already logged today */
} FlSleepDay;

void       fl_sleep_options_init     (FlSleepOptions *options);
/* The defaults, then wake-time and sleep-baseline from @settings, or (NULL)
 * from the app's schema when it is installed */
void       fl_sleep_options_load     (FlSleepOptions *options,
                                      GSettings      *settings);

/* The age band (NSF 2015): adults 7–9 h, under 18 8–10 h, over 64 7–8 h */
void       fl_sleep_band             (const FlProfile *profile,
                                      const GDate     *date,
                                      int             *out_low_min,
                                      int             *out_high_min);

/* Minutes slept in the night of @morning (naps not counted), -1 if no
 * night ends that morning. Elapsed time, so the spring-forward night is an
 * hour shorter and the autumn one an hour longer than the clock suggests. */
int        fl_sleep_night_minutes    (FlJournal      *journal,
                                      const GDate    *morning);
/* Minutes of naps that end on @date */
int        fl_sleep_nap_minutes      (FlJournal      *journal,
                                      const GDate    *date);
void       fl_sleep_night_init       (FlSleepNight   *night,
                                      FlJournal      *journal,
                                      const GDate    *morning,
                                      const FlSleepOptions *options);

void       fl_sleep_day_init         (FlSleepDay     *day,
                                      FlJournal      *journal,
                                      const GDate    *today,
                                      const FlSleepOptions *options);
void       fl_sleep_day_clear        (FlSleepDay     *day);
/* Two translated lines for `fresh-legs today`, without a final newline:
 * "Sleep: 6 h 10 min last night against a need of 8 h; debt 2 h 30 min over 6 of the last 7 nights"
 * "Bedtime tonight: 22:45; a nap from 13:00 to 13:30 would help" */
char      *fl_sleep_day_describe     (const FlSleepDay *day);
/* Short translated tips from the rules, for the Sleep page (transfer full,
 * NULL-terminated) */
char     **fl_sleep_day_tips         (const FlSleepDay *day);

/* Checks a night or nap against the rules and what is logged (wake after
 * bed, at most 16 hours, no overlap with another record than itself), then
 * adds it. Nothing is stored on failure; the message says why. */
gboolean   fl_sleep_check            (FlJournal      *journal,
                                      const FlRecord *record,
                                      GError        **error);
gboolean   fl_sleep_add              (FlJournal      *journal,
                                      FlRecord       *record,
                                      GError        **error);

/* A night or nap from clock times and the date of its morning: a night
 * whose bed time is later on the clock than its wake time started the
 * evening before; otherwise (and always for a nap) both are on @date.
 * A nap whose wake time is not after its bed time is refused. (transfer full) */
FlRecord  *fl_sleep_record_new       (const GDate    *date,
                                      int             bed_min,
                                      int             wake_min,
                                      gboolean        nap,
                                      GError        **error);
/* "23:10-06:40" → minutes after midnight */
gboolean   fl_sleep_parse_range      (const char     *text,
                                      int            *out_bed_min,
                                      int            *out_wake_min,
                                      GError        **error);
/* "HH:MM" → minutes after midnight */
gboolean   fl_sleep_parse_clock      (const char     *text,
                                      int            *out_min);

/* Reminders, for the scheduler's "wind-down" and "nap" kinds (the state
 * of each is kept in the journal under that name). Wind-down: 30 minutes
 * before tonight's bedtime, once a night, not after bedtime; "Snooze 15 min"
 * (app.snooze). Nap: at the start of today's nap window after a short
 * night, once a day, not after the window; "Dismiss" (app.dismiss-reminder
 * with the kind). NULL: nothing due. (transfer full) */
GDateTime *fl_sleep_wind_down_due    (FlJournal      *journal,
                                      const FlSleepOptions *options,
                                      GDateTime      *now);
FlReminder *fl_sleep_wind_down_build (FlJournal      *journal,
                                      const FlSleepOptions *options,
                                      GDateTime      *due);
GDateTime *fl_sleep_nap_due          (FlJournal      *journal,
                                      const FlSleepOptions *options,
                                      GDateTime      *now);
FlReminder *fl_sleep_nap_build       (FlJournal      *journal,
                                      const FlSleepOptions *options,
                                      GDateTime      *due);

/* "7 h 30 min", "45 min": translated */
char      *fl_format_sleep_minutes   (int             minutes);

G_END_DECLS
