/* fl-hydration.c: how much to drink today, and whether the runner is behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-clock.h"
#include "fl-hydration.h"

/* EFSA 2010 (Scientific Opinion on Dietary Reference Values for water):
 * adequate total water intake is 2.0 L a day for women and 2.5 L for men, of
 * which about 80 % comes from drinks: 1.6 L and 2.0 L. */
#define BASE_FEMALE_ML 1600
#define BASE_MALE_ML   2000

/* Without a measured rate: about 1 L/h for a runner, more in the heat
 * (ACSM 2007 position stand, "Exercise and fluid replacement": sweat rates
 * of roughly 0.5 to 2 L/h, higher in warm conditions). */
#define SWEAT_RATE_DEFAULT_L_H 1.0
#define SWEAT_RATE_HOT_L_H     1.3
#define HOT_ABOVE_C            25.0

/* ACSM 2007: after exercise, drink about 1.5 L for each litre lost. */
#define REPLACE_FACTOR 1.5

G_DEFINE_QUARK (fl-hydration-error-quark, fl_hydration_error)

int
fl_hydration_base_ml (const FlProfile *profile)
{
  g_return_val_if_fail (profile != NULL, BASE_MALE_ML);

  /* Without a sex, the men's figure: the larger one errs on the side of
   * drinking enough. */
  return profile->sex == FL_SEX_FEMALE ? BASE_FEMALE_ML : BASE_MALE_ML;
}

double
fl_hydration_sweat_rate (const FlProfile *profile,
                         const FlRun     *run,
                         gboolean        *out_measured)
{
  gboolean measured = profile != NULL && profile->sweat_rate_l_h > 0;
  double rate;

  g_return_val_if_fail (run != NULL, SWEAT_RATE_DEFAULT_L_H);

  if (measured)
    rate = profile->sweat_rate_l_h;
  else if (!isnan (run->temperature_c) && run->temperature_c > HOT_ABOVE_C)
    rate = SWEAT_RATE_HOT_L_H;
  else
    rate = SWEAT_RATE_DEFAULT_L_H;

  if (out_measured)
    *out_measured = measured;

  return rate;
}

int
fl_hydration_run_ml (const FlProfile *profile,
                     const FlRun     *run)
{
  double rate;
  double loss_l;

  g_return_val_if_fail (run != NULL, 0);

  rate = fl_hydration_sweat_rate (profile, run, NULL);
  loss_l = rate * run->duration_s / 3600.0;

  /* ACSM 2007: replace 150 % of the loss. */
  return (int) lround (loss_l * REPLACE_FACTOR * 1000.0);
}

static void
hydration_run_clear (gpointer data)
{
  FlHydrationRun *hrun = data;

  /* The day holds a reference, so it stays valid if the journal drops the run. */
  if (hrun->run != NULL)
    fl_record_unref ((FlRecord *) hrun->run);
  hrun->run = NULL;
}

void
fl_hydration_day_init (FlHydrationDay *day,
                       FlJournal      *journal,
                       const GDate    *date)
{
  const FlProfile *stored;
  FlProfile profile;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GDate next;
  GPtrArray *records;
  guint begin, end;

  g_return_if_fail (day != NULL);
  g_return_if_fail (FL_IS_JOURNAL (journal));
  g_return_if_fail (date != NULL && g_date_valid (date));

  memset (day, 0, sizeof *day);
  day->date = *date;
  day->runs = g_array_new (FALSE, TRUE, sizeof (FlHydrationRun));
  g_array_set_clear_func (day->runs, hydration_run_clear);

  stored = fl_journal_get_profile (journal);
  if (stored != NULL && stored->is_set)
    profile = *stored;
  else
    fl_profile_init_defaults (&profile);
  day->profile_is_default = !(stored != NULL && stored->is_set);

  /* The local calendar day, midnight to midnight: 23 or 25 hours on the
   * days the clocks change. */
  next = *date;
  g_date_add_days (&next, 1);
  from = fl_date_to_local_midnight (date);
  to = fl_date_to_local_midnight (&next);

  day->base_ml = fl_hydration_base_ml (&profile);

  /* A run counts on the day it starts. */
  records = fl_journal_get_records (journal, FL_RECORD_RUN);
  fl_journal_range (journal, FL_RECORD_RUN, from, to, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      FlRun *run = g_ptr_array_index (records, i);
      FlHydrationRun hrun;

      hrun.run = (const FlRun *) fl_record_ref ((FlRecord *) run);
      hrun.sweat_rate_l_h = fl_hydration_sweat_rate (&profile, run, &hrun.measured_rate);
      hrun.ml = fl_hydration_run_ml (&profile, run);
      g_array_append_val (day->runs, hrun);
      day->runs_ml += hrun.ml;
    }

  records = fl_journal_get_records (journal, FL_RECORD_DRINK);
  fl_journal_range (journal, FL_RECORD_DRINK, from, to, &begin, &end);
  for (guint i = begin; i < end; i++)
    day->drunk_ml += FL_DRINK (g_ptr_array_index (records, i))->ml;

  day->goal_ml = day->base_ml + day->runs_ml;
}

void
fl_hydration_day_clear (FlHydrationDay *day)
{
  g_return_if_fail (day != NULL);

  g_clear_pointer (&day->runs, g_array_unref);
}

/* "28", "24.5": a temperature as the runner typed it */
static char *
format_temperature (double celsius)
{
  if (fabs (celsius - round (celsius)) < 0.05)
    return g_strdup_printf ("%.0f", round (celsius));

  return g_strdup_printf ("%.1f", celsius);
}

/* The goal line adds litres to litres, so its parts are all in litres,
 * "0.75 L" too: two decimals at most, one at least. */
static char *
format_litres (int ml)
{
  int cl = (int) lround (ml / 10.0);

  if (cl % 10 == 0)
    /* Translators: a volume in litres, one decimal */
    return g_strdup_printf (_("%.1f L"), cl / 100.0);

  /* Translators: a volume in litres, two decimals */
  return g_strdup_printf (_("%.2f L"), cl / 100.0);
}

typedef enum {
  PERIOD_MORNING,
  PERIOD_AFTERNOON,
  PERIOD_EVENING,
  PERIOD_NIGHT,
} Period;

static Period
period_of (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int hour = g_date_time_get_hour (local);

  if (hour < 12)
    return PERIOD_MORNING;
  if (hour < 17)
    return PERIOD_AFTERNOON;
  if (hour < 21)
    return PERIOD_EVENING;
  return PERIOD_NIGHT;
}

/* "1.95 L for this morning’s 60-minute run at 28 °C". Whole sentences per
 * time of day, so that translators never glue fragments together. */
static char *
describe_run (const FlHydrationRun *hrun)
{
  const FlRun *run = hrun->run;
  g_autofree char *volume = format_litres (hrun->ml);
  g_autofree char *temperature = NULL;
  Period period = period_of (run->parent.time);
  int minutes = MAX (1, (int) lround (run->duration_s / 60.0));
  gulong n = (gulong) minutes;

  if (hrun->measured_rate)
    {
      switch (period)
        {
        case PERIOD_MORNING:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("1.2 L"), %2$d minutes */
                                               "%1$s for this morning’s %2$d-minute run at your measured sweat rate",
                                               "%1$s for this morning’s %2$d-minute run at your measured sweat rate",
                                               n), volume, minutes);
        case PERIOD_AFTERNOON:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("1.2 L"), %2$d minutes */
                                               "%1$s for this afternoon’s %2$d-minute run at your measured sweat rate",
                                               "%1$s for this afternoon’s %2$d-minute run at your measured sweat rate",
                                               n), volume, minutes);
        case PERIOD_EVENING:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("1.2 L"), %2$d minutes */
                                               "%1$s for this evening’s %2$d-minute run at your measured sweat rate",
                                               "%1$s for this evening’s %2$d-minute run at your measured sweat rate",
                                               n), volume, minutes);
        case PERIOD_NIGHT:
        default:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("1.2 L"), %2$d minutes */
                                               "%1$s for tonight’s %2$d-minute run at your measured sweat rate",
                                               "%1$s for tonight’s %2$d-minute run at your measured sweat rate",
                                               n), volume, minutes);
        }
    }

  if (isnan (run->temperature_c))
    {
      switch (period)
        {
        case PERIOD_MORNING:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("0.75 L"), %2$d minutes */
                                               "%1$s for this morning’s %2$d-minute run",
                                               "%1$s for this morning’s %2$d-minute run",
                                               n), volume, minutes);
        case PERIOD_AFTERNOON:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("0.75 L"), %2$d minutes */
                                               "%1$s for this afternoon’s %2$d-minute run",
                                               "%1$s for this afternoon’s %2$d-minute run",
                                               n), volume, minutes);
        case PERIOD_EVENING:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("0.75 L"), %2$d minutes */
                                               "%1$s for this evening’s %2$d-minute run",
                                               "%1$s for this evening’s %2$d-minute run",
                                               n), volume, minutes);
        case PERIOD_NIGHT:
        default:
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a volume ("0.75 L"), %2$d minutes */
                                               "%1$s for tonight’s %2$d-minute run",
                                               "%1$s for tonight’s %2$d-minute run",
                                               n), volume, minutes);
        }
    }

  temperature = format_temperature (run->temperature_c);
  switch (period)
    {
    case PERIOD_MORNING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a volume ("1.95 L"), %2$d minutes, %3$s a temperature ("28") */
                                           "%1$s for this morning’s %2$d-minute run at %3$s °C",
                                           "%1$s for this morning’s %2$d-minute run at %3$s °C",
                                           n), volume, minutes, temperature);
    case PERIOD_AFTERNOON:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a volume ("1.95 L"), %2$d minutes, %3$s a temperature ("28") */
                                           "%1$s for this afternoon’s %2$d-minute run at %3$s °C",
                                           "%1$s for this afternoon’s %2$d-minute run at %3$s °C",
                                           n), volume, minutes, temperature);
    case PERIOD_EVENING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a volume ("1.95 L"), %2$d minutes, %3$s a temperature ("28") */
                                           "%1$s for this evening’s %2$d-minute run at %3$s °C",
                                           "%1$s for this evening’s %2$d-minute run at %3$s °C",
                                           n), volume, minutes, temperature);
    case PERIOD_NIGHT:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a volume ("1.95 L"), %2$d minutes, %3$s a temperature ("28") */
                                           "%1$s for tonight’s %2$d-minute run at %3$s °C",
                                           "%1$s for tonight’s %2$d-minute run at %3$s °C",
                                           n), volume, minutes, temperature);
    }
}

/* The base alone, with where it comes from. Without a sex the men's figure
 * is used (see fl_hydration_base_ml()), and the line says so by naming it. */
static char *
describe_base_alone (const FlHydrationDay *day,
                     const char           *volume)
{
  gboolean female = day->base_ml == BASE_FEMALE_ML;

  if (day->profile_is_default)
    {
      if (female)
        /* Translators: %s is a volume ("1.6 L") */
        return g_strdup_printf (_("%s base (EFSA 2010, for women; the default until you set your profile)"), volume);
      /* Translators: %s is a volume ("2.0 L") */
      return g_strdup_printf (_("%s base (EFSA 2010, for men; the default until you set your profile)"), volume);
    }

  if (female)
    /* Translators: %s is a volume ("1.6 L") */
    return g_strdup_printf (_("%s base (EFSA 2010, for women)"), volume);
  /* Translators: %s is a volume ("2.0 L") */
  return g_strdup_printf (_("%s base (EFSA 2010, for men)"), volume);
}

char *
fl_hydration_day_describe (const FlHydrationDay *day)
{
  g_autofree char *volume = NULL;
  char *line;

  g_return_val_if_fail (day != NULL, NULL);

  volume = format_litres (day->base_ml);

  if (day->runs == NULL || day->runs->len == 0)
    return describe_base_alone (day, volume);

  if (day->profile_is_default)
    /* Translators: %s is a volume ("2.0 L"); more follows: "+ 1.5 L for …" */
    line = g_strdup_printf (_("%s base (default profile)"), volume);
  else
    /* Translators: %s is a volume ("1.6 L"); more follows: "+ 1.95 L for …" */
    line = g_strdup_printf (_("%s base"), volume);

  for (guint i = 0; i < day->runs->len; i++)
    {
      g_autofree char *run = describe_run (&g_array_index (day->runs, FlHydrationRun, i));
      g_autofree char *previous = line;

      /* Translators: joins the parts of the goal: "1.6 L base + 1.95 L for …" */
      line = g_strdup_printf (_("%1$s + %2$s"), previous, run);
    }

  return line;
}

int
fl_hydration_expected_ml (const FlHydrationDay *day,
                          GDateTime            *wake,
                          GDateTime            *last_call,
                          GDateTime            *at)
{
  GTimeSpan span, elapsed;
  double fraction;

  g_return_val_if_fail (day != NULL, 0);
  g_return_val_if_fail (wake != NULL && last_call != NULL && at != NULL, 0);

  span = g_date_time_difference (last_call, wake);
  elapsed = g_date_time_difference (at, wake);

  if (span <= 0)
    return g_date_time_compare (at, last_call) >= 0 ? day->goal_ml : 0;

  /* The goal spread evenly over the waking hours that count. */
  fraction = CLAMP ((double) elapsed / (double) span, 0.0, 1.0);

  return (int) lround (day->goal_ml * fraction);
}

GDateTime *
fl_hydration_behind_at (const FlHydrationDay *day,
                        GDateTime            *wake,
                        GDateTime            *last_call,
                        GDateTime            *from)
{
  GTimeSpan span, offset;
  gint64 need;
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (wake != NULL && last_call != NULL && from != NULL, NULL);

  span = g_date_time_difference (last_call, wake);
  need = (gint64) day->drunk_ml + FL_HYDRATION_BEHIND_ML;

  /* Behind means drunk <= goal × (t − wake) / span − 250, so the first such
   * moment is wake + span × (drunk + 250) / goal; the expected amount only
   * grows, so from there on the runner stays behind until they drink. */
  if (span <= 0 || day->goal_ml <= 0 || need > day->goal_ml)
    return NULL;

  if (span <= G_MAXINT64 / need)
    offset = (span * need + day->goal_ml - 1) / day->goal_ml;
  else
    offset = (GTimeSpan) ceil ((double) span * (double) need / (double) day->goal_ml);

  /* Up to the next whole second, which keeps it behind, and stored times tidy. */
  offset = (offset + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC * G_USEC_PER_SEC;

  at = g_date_time_add (wake, offset);
  if (g_date_time_compare (at, from) < 0)
    {
      g_date_time_unref (at);
      at = g_date_time_ref (from);
    }

  if (g_date_time_compare (at, last_call) >= 0)
    return NULL;

  return g_steal_pointer (&at);
}

/* Sweat rates people actually have; outside this a weighing went wrong. */
#define WEIGH_IN_MIN_KG      25.0
#define WEIGH_IN_MAX_KG      300.0
#define WEIGH_IN_MAX_GAIN_KG 2.0
#define WEIGH_IN_MAX_DRUNK   5000
#define WEIGH_IN_MIN_MINUTES 10
#define WEIGH_IN_MAX_MINUTES 600
#define SWEAT_RATE_MIN_L_H   0.1
#define SWEAT_RATE_MAX_L_H   5.0

gboolean
fl_hydration_sweat_rate_from_weigh_in (double   before_kg,
                                       double   after_kg,
                                       int      drunk_ml,
                                       int      minutes,
                                       double  *out_l_h,
                                       GError **error)
{
  double loss_l, rate;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(before_kg >= WEIGH_IN_MIN_KG && before_kg <= WEIGH_IN_MAX_KG))
    {
      g_set_error (error, FL_HYDRATION_ERROR, FL_HYDRATION_ERROR_INPUT,
                   _("The weight before the run must be 25 to 300 kg; got %.1f kg."), before_kg);
      return FALSE;
    }

  if (!(after_kg >= WEIGH_IN_MIN_KG && after_kg <= WEIGH_IN_MAX_KG))
    {
      g_set_error (error, FL_HYDRATION_ERROR, FL_HYDRATION_ERROR_INPUT,
                   _("The weight after the run must be 25 to 300 kg; got %.1f kg."), after_kg);
      return FALSE;
    }

  /* Drinking during a run can leave the runner a little heavier, but not by
   * more than 2 kg: that is a mistyped weight. */
  if (after_kg > before_kg + WEIGH_IN_MAX_GAIN_KG)
    {
      g_set_error (error, FL_HYDRATION_ERROR, FL_HYDRATION_ERROR_INPUT,
                   _("The weight after the run (%.1f kg) is more than 2 kg above the weight before (%.1f kg); check both weights."),
                   after_kg, before_kg);
      return FALSE;
    }

  if (drunk_ml < 0 || drunk_ml > WEIGH_IN_MAX_DRUNK)
    {
      g_set_error (error, FL_HYDRATION_ERROR, FL_HYDRATION_ERROR_INPUT,
                   _("What you drank during the run must be 0 to 5000 ml; got %d ml."), drunk_ml);
      return FALSE;
    }

  if (minutes < WEIGH_IN_MIN_MINUTES || minutes > WEIGH_IN_MAX_MINUTES)
    {
      g_set_error (error, FL_HYDRATION_ERROR, FL_HYDRATION_ERROR_INPUT,
                   _("The run must last 10 to 600 minutes; got %d."), minutes);
      return FALSE;
    }

  /* A kilogram of body weight lost is a litre of sweat; what was drunk
   * during the run was sweated out too. */
  loss_l = (before_kg - after_kg) * 1.0 + drunk_ml / 1000.0;
  rate = loss_l / (minutes / 60.0);
  /* Scales read to 0.1 kg: more than two decimals would be noise. */
  rate = round (rate * 100.0) / 100.0;

  if (!(rate >= SWEAT_RATE_MIN_L_H && rate <= SWEAT_RATE_MAX_L_H))
    {
      g_set_error (error, FL_HYDRATION_ERROR, FL_HYDRATION_ERROR_INPUT,
                   _("That works out at %.2f L/h, outside the 0.1 to 5.0 L/h a runner sweats; check the weights and what you drank."),
                   rate);
      return FALSE;
    }

  if (out_l_h)
    *out_l_h = rate;

  return TRUE;
}

char *
fl_format_volume (int ml)
{
  if (ABS (ml) < 1000)
    /* Translators: a volume in millilitres */
    return g_strdup_printf (_("%d ml"), ml);

  /* "1.6 L", "1.95 L", "2.0 L" */
  return format_litres (ml);
}
