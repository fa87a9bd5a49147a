/* fl-iron.h: an iron target, intake, risk flags, ferritin and the blood-test suggestion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Information, not medical advice: every figure here is a population
 * guideline, and the window and the command line say so.
 */
#pragma once

#include <glib.h>

#include "fl-foods.h"
#include "fl-journal.h"
#include "fl-reminder.h"

G_BEGIN_DECLS

/* NIH ODS: the tolerable upper intake level for adults, 45 mg a day, is
 * about supplements; it is shown as information, never as a target. */
#define FL_IRON_UPPER_LIMIT_MG 45.0

/* A week's running that counts as high volume: 40 km (see fl-iron.c). */
#define FL_IRON_HIGH_VOLUME_KM 40.0

/* Check-ins of 4 or 5 ("heavy") on 5 of the last 14 days */
#define FL_IRON_HEAVY_LEGS         4
#define FL_IRON_HEAVY_DAYS_NEEDED  5
#define FL_IRON_HEAVY_DAYS_WINDOW  14

/* Ferritin bands, µg/L (Swiss sports-medicine consensus) */
#define FL_FERRITIN_EMPTY_BELOW 15.0
#define FL_FERRITIN_LOW_BELOW   30.0

typedef enum {
  FL_IRON_RISK_NONE           = 0,
  FL_IRON_RISK_FEMALE         = 1 << 0,   /* female, 14 to 50 */
  FL_IRON_RISK_HEAVY_PERIODS  = 1 << 1,
  FL_IRON_RISK_PLANT_DIET     = 1 << 2,   /* vegetarian or vegan */
  FL_IRON_RISK_HIGH_VOLUME    = 1 << 3,   /* >= 40 km in the last 7 days */
} FlIronRisk;

#define FL_IRON_N_RISKS 4

typedef enum {
  FL_FERRITIN_EMPTY,            /* below 15 µg/L: empty stores */
  FL_FERRITIN_LOW,              /* 15 to 30: low */
  FL_FERRITIN_OK,               /* 30 and above */
} FlFerritinBand;

typedef enum {
  FL_IRON_TIP_VITAMIN_C,        /* plant iron logged without vitamin C in the same meal */
  FL_IRON_TIP_TEA_COFFEE,       /* tea or coffee within an hour of an iron-rich meal */
} FlIronTipKind;

typedef struct
{
  FlIronTipKind kind;
  char         *food_id;        /* the food that raised it */
  char         *text;           /* one translated sentence */
} FlIronTip;

typedef struct
{
  GDate       date;
  gboolean    profile_is_default;
  int         age;              /* on @date, from the birth year; -1: not known */
  double      target_mg;
  double      today_mg;         /* logged on @date */
  double      avg7_mg;          /* mean of the 7 days ending on @date */
  double      week_km;          /* run in the 7 days ending on @date */
  FlIronRisk  risks;
  guint       heavy_days;       /* of the 14 days ending on @date */
  gboolean    has_ferritin;     /* a result on or before @date */
  double      ferritin;         /* the latest one, µg/L */
  GDate       ferritin_date;
  gboolean    blood_test_suggested;
} FlIronDay;

/* The age reached on @date's year; -1 without a birth year. With only the
 * year of birth stored, this is the age the runner turns that year. */
int          fl_iron_age_on              (const FlProfile *profile,
                                          const GDate     *date);
/* The daily target in mg (NIH ODS RDA), for @profile on @date */
double       fl_iron_target_mg           (const FlProfile *profile,
                                          const GDate     *date);
double       fl_iron_day_mg              (FlJournal       *journal,
                                          const GDate     *date);
/* The mean over the @n_days days ending on @last (days without entries count as 0) */
double       fl_iron_average_mg          (FlJournal       *journal,
                                          const GDate     *last,
                                          guint            n_days);
double       fl_iron_week_km             (FlJournal       *journal,
                                          const GDate     *last);
guint        fl_iron_heavy_leg_days      (FlJournal       *journal,
                                          const GDate     *last);
FlIronRisk   fl_iron_risks               (FlJournal       *journal,
                                          const GDate     *date);
/* "female-14-50", "heavy-periods", "vegetarian-or-vegan", "high-running-volume"
 * for one flag (the JSON of `today`) */
const char  *fl_iron_risk_to_string      (FlIronRisk       risk);
/* One translated line for one flag */
const char  *fl_iron_risk_describe       (FlIronRisk       risk);

FlFerritinBand fl_ferritin_band          (double           ug_per_l);
/* "empty stores", "low", "in range": translated */
const char  *fl_ferritin_band_describe   (FlFerritinBand   band);

/* A risk flag and heavy legs on 5 of the last 14 days, or the latest
 * ferritin below 30 µg/L (DESIGN.md "Iron") */
gboolean     fl_iron_blood_test_suggested (FlJournal      *journal,
                                           const GDate    *date);
/* Why, in one translated sentence, or NULL when it is not suggested */
char        *fl_iron_blood_test_reason   (FlJournal       *journal,
                                          const GDate     *date);

/* The tips that apply to what was logged on @date, in a GPtrArray of
 * FlIronTip (free with g_ptr_array_unref). */
GPtrArray   *fl_iron_tips                (FlJournal       *journal,
                                          FlFoods         *foods,
                                          const GDate     *date);

void         fl_iron_day_init            (FlIronDay       *day,
                                          FlJournal       *journal,
                                          const GDate     *date);
/* "18 mg for women 19–50 × 1.8 for a vegetarian diet = 32.4 mg": translated */
char        *fl_iron_day_describe_target (const FlIronDay *day,
                                          FlJournal       *journal);

/* A new iron entry: @portions of @food at @time, its mg to the hundredth.
 * Validate it (fl_record_validate) or let fl_journal_add() do so. */
FlRecord    *fl_iron_intake_new          (const FlFood    *food,
                                          double           portions,
                                          GDateTime       *time);
/* "2 × ½ cup": translated */
char        *fl_iron_format_portions     (double           portions,
                                          const char      *portion);

/* The "iron" section of `today --json`: {"target_mg", "today_mg", "avg7_mg",
 * "risk_flags": [...], "blood_test_suggested"} */
JsonNode    *fl_iron_build_json          (FlJournal       *journal,
                                          const GDate     *date);

/* The blood-test reminder (kind "blood-test"): due when the rule holds on
 * the day of @now and the last one (@last_fired, may be NULL) was at least a
 * month before; never in the night, between an hour before @bedtime_min and
 * @wake_min (minutes after local midnight), where it waits for the morning.
 * NULL: not due. (transfer full) */
GDateTime   *fl_iron_blood_test_due      (FlJournal       *journal,
                                          GDateTime       *now,
                                          GDateTime       *last_fired,
                                          int              wake_min,
                                          int              bedtime_min);
/* The reminder, with one action, "Open Iron" (app.show-page "iron") */
FlReminder  *fl_iron_blood_test_reminder (FlJournal       *journal,
                                          GDateTime       *due);

G_END_DECLS
