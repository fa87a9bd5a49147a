/* fl-cli-log.c: `fresh-legs log drink|run|cooldown|sleep`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-cli-private.h"
#include "fl-hydration.h"
#include "fl-routine.h"
#include "fl-sleep.h"

enum {
  DRINK_AT,
};

const CliOption fl_cli_drink_options[] = {
  [DRINK_AT] = { "at", N_("TIME"),
                 N_("when you drank, e.g. 2026-11-27T09:30, 2026-11-27T09:30:00+01:00 or 09:30 for today (default: now)") },
  { NULL }
};

enum {
  RUN_DISTANCE,
  RUN_DURATION,
  RUN_START,
  RUN_RPE,
  RUN_TEMP,
  RUN_AVG_HR,
  RUN_CADENCE,
};

const CliOption fl_cli_run_options[] = {
  [RUN_DISTANCE] = { "distance", N_("DISTANCE"), N_("how far, e.g. 8km, 8000m, 8.5 km or 5mi") },
  [RUN_DURATION] = { "duration", N_("TIME"), N_("how long, as minutes:seconds or hours:minutes:seconds, e.g. 45:00, 80:00 or 1:20:00") },
  [RUN_START] = { "start", N_("TIME"),
                  N_("when it started, e.g. 2026-11-27T07:30 or 07:30 for today (default: now minus the duration)") },
  [RUN_RPE] = { "rpe", N_("0-10"), N_("how hard it felt, a whole number from 0 (rest) to 10 (maximal)") },
  [RUN_TEMP] = { "temp", N_("°C"), N_("the air temperature in °C, e.g. 28 or -5") },
  [RUN_AVG_HR] = { "avg-hr", N_("BPM"), N_("the average heart rate in beats per minute, e.g. 150") },
  [RUN_CADENCE] = { "cadence", N_("SPM"), N_("the average steps per minute, e.g. 168") },
  { NULL }
};

enum {
  COOLDOWN_AT,
  COOLDOWN_STEPS_DONE,
  COOLDOWN_ROUTINE,
};

const CliOption fl_cli_cooldown_options[] = {
  [COOLDOWN_AT] = { "at", N_("TIME"),
                    N_("when it started, e.g. 2026-11-27T18:30 or 18:30 for today (default: now minus its length)") },
  [COOLDOWN_STEPS_DONE] = { "steps-done", N_("N"),
                            N_("how many of the routine’s stretches you held, a whole number from 1 to all of them (default: all)") },
  [COOLDOWN_ROUTINE] = { "routine", N_("NAME"),
                         N_("the routine you did, e.g. post-run-10 (default: post-run-10; see “fresh-legs routine --list”)") },
  { NULL }
};

enum {
  SLEEP_DATE,
  SLEEP_NAP,
};

const CliOption fl_cli_sleep_options[] = {
  [SLEEP_DATE] = { "date", N_("DATE"),
                   N_("the date of the morning you woke up (for a nap, its day), as YYYY-MM-DD, e.g. 2026-11-27 (default: today)") },
  [SLEEP_NAP] = { "nap", NULL, N_("log a nap during the day instead of a night") },
  { NULL }
};

int
fl_cli_cmd_log_drink (Cli              *cli,
                      const CliCommand *command,
                      int               argc,
                      char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *when = NULL;
  g_autofree char *drunk = NULL;
  g_autofree char *drunk_total = NULL;
  g_autofree char *goal = NULL;
  FlHydrationDay day;
  GDate date;
  int ml;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return fl_cli_usage_error (cli, command, _("“log drink” needs an amount"));

  /* "330 ml" arrives as one word when quoted, as two when not */
  g_ptr_array_add (args.words, NULL);
  amount = g_strjoinv (" ", (char **) args.words->pdata);
  if (!fl_parse_volume_ml (amount, &ml, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  now = fl_cli_now_local (cli);
  if (args.values[DRINK_AT] != NULL)
    {
      time = fl_cli_parse_time (cli, args.values[DRINK_AT]);
      if (time == NULL)
        return fl_cli_bad_value (cli, &fl_cli_drink_options[DRINK_AT], args.values[DRINK_AT]);
      if (g_date_time_compare (time, now) > 0)
        return fl_cli_bad_input (cli, _("“%s” is in the future; --at takes %s"),
                                 args.values[DRINK_AT], _(fl_cli_drink_options[DRINK_AT].help));
    }
  else
    {
      time = g_date_time_ref (now);
    }

  record = fl_drink_new (time, ml);
  if (!fl_record_validate (record, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if ((status = fl_cli_store_record (cli, record)) != FL_CLI_OK)
    return status;

  fl_date_from_date_time (time, &date);
  fl_hydration_day_init (&day, cli->journal, &date);
  drunk = fl_format_volume (ml);
  drunk_total = fl_format_volume (day.drunk_ml);
  goal = fl_format_volume (day.goal_ml);
  when = fl_cli_format_when (cli, time);
  if (fl_cli_is_today (cli, time))
    /* Translators: “Logged 250 ml at 14:05. Today: 750 ml of 2.0 L.” */
    g_string_append_printf (cli->out, _("Logged %s at %s. Today: %s of %s."),
                            drunk, when, drunk_total, goal);
  else
    /* Translators: “Logged 250 ml at 2026-11-26 14:05. That day: 750 ml of 2.0 L.” */
    g_string_append_printf (cli->out, _("Logged %s at %s. That day: %s of %s."),
                            drunk, when, drunk_total, goal);
  g_string_append_c (cli->out, '\n');
  fl_hydration_day_clear (&day);

  return FL_CLI_OK;
}

int
fl_cli_cmd_log_run (Cli              *cli,
                    const CliCommand *command,
                    int               argc,
                    char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autofree char *when = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *goal = NULL;
  FlHydrationDay day;
  GDate date;
  FlRun *run;
  double distance_m;
  int duration_s;
  int rpe = -1, avg_hr = 0, cadence = 0;
  double temperature = NAN;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[RUN_DISTANCE] == NULL)
    return fl_cli_usage_error (cli, command, _("“log run” needs --distance"));
  if (args.values[RUN_DURATION] == NULL)
    return fl_cli_usage_error (cli, command, _("“log run” needs --duration"));

  if (!fl_parse_distance_m (args.values[RUN_DISTANCE], &distance_m, &error))
    return fl_cli_bad_input (cli, "%s", error->message);
  if (!fl_parse_duration_s (args.values[RUN_DURATION], &duration_s, &error))
    return fl_cli_bad_input (cli, "%s", error->message);
  /* The record keeps -1 and 0 for "not given", which a runner who gives
   * the option cannot mean; every other value is the record's to judge */
  if (args.values[RUN_RPE] != NULL && (!fl_cli_parse_int (args.values[RUN_RPE], &rpe) || rpe == -1))
    return fl_cli_bad_value (cli, &fl_cli_run_options[RUN_RPE], args.values[RUN_RPE]);
  if (args.values[RUN_AVG_HR] != NULL && (!fl_cli_parse_int (args.values[RUN_AVG_HR], &avg_hr) || avg_hr == 0))
    return fl_cli_bad_value (cli, &fl_cli_run_options[RUN_AVG_HR], args.values[RUN_AVG_HR]);
  if (args.values[RUN_CADENCE] != NULL && (!fl_cli_parse_int (args.values[RUN_CADENCE], &cadence) || cadence == 0))
    return fl_cli_bad_value (cli, &fl_cli_run_options[RUN_CADENCE], args.values[RUN_CADENCE]);
  if (args.values[RUN_TEMP] != NULL)
    {
      static const char * const celsius[] = { "°C", "C", NULL };

      if (!fl_cli_parse_number (args.values[RUN_TEMP], celsius, &temperature))
        return fl_cli_bad_value (cli, &fl_cli_run_options[RUN_TEMP], args.values[RUN_TEMP]);
    }

  now = fl_cli_now_local (cli);
  if (args.values[RUN_START] != NULL)
    {
      start = fl_cli_parse_time (cli, args.values[RUN_START]);
      if (start == NULL)
        return fl_cli_bad_value (cli, &fl_cli_run_options[RUN_START], args.values[RUN_START]);
      if (g_date_time_compare (start, now) > 0)
        return fl_cli_bad_input (cli, _("“%s” is in the future; --start takes %s"),
                                 args.values[RUN_START], _(fl_cli_run_options[RUN_START].help));
    }
  else
    {
      /* Logged right after it ended */
      start = g_date_time_add_seconds (now, -duration_s);
    }

  record = fl_run_new (start, duration_s, distance_m);
  run = FL_RUN (record);
  run->rpe = rpe;
  run->avg_hr = avg_hr;
  run->cadence_spm = cadence;
  run->temperature_c = temperature;
  g_free (run->source);
  run->source = g_strdup ("manual");

  if (!fl_record_validate (record, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if ((status = fl_cli_store_record (cli, record)) != FL_CLI_OK)
    return status;

  fl_date_from_date_time (start, &date);
  fl_hydration_day_init (&day, cli->journal, &date);
  goal = fl_format_volume (day.goal_ml);
  fl_hydration_day_clear (&day);
  when = fl_cli_format_when (cli, start);
  duration = fl_cli_format_duration (duration_s);

  if (fl_cli_is_today (cli, start))
    /* Translators: “Logged a run of 8.0 km in 45:00 from 13:20. Today’s drinking goal: 3.1 L.” */
    g_string_append_printf (cli->out, _("Logged a run of %.1f km in %s from %s. Today’s drinking goal: %s."),
                            distance_m / 1000, duration, when, goal);
  else
    g_string_append_printf (cli->out, _("Logged a run of %.1f km in %s from %s. That day’s drinking goal: %s."),
                            distance_m / 1000, duration, when, goal);
  g_string_append_c (cli->out, '\n');

  return FL_CLI_OK;
}

/* The routine called @name, or NULL with the message given */
FlRoutine *
fl_cli_lookup_routine (Cli        *cli,
                       const char *name,
                       int        *out_status)
{
  g_autoptr(GError) error = NULL;
  FlRoutine *routine = fl_routine_lookup (name, &error);

  if (routine == NULL)
    /* Translators: the first %s is “There is no routine called “x”.” */
    *out_status = fl_cli_bad_input (cli, _("%s See “fresh-legs routine --list”; a routine is named like post-run-10"),
                                    error->message);
  return routine;
}

int
fl_cli_cmd_log_cooldown (Cli              *cli,
                         const CliCommand *command,
                         int               argc,
                         char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autofree char *when = NULL;
  g_autofree char *done = NULL;
  FlCooldown *cooldown;
  guint n_holds;
  int steps_done;
  int seconds;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  routine = fl_cli_lookup_routine (cli, args.values[COOLDOWN_ROUTINE] ? args.values[COOLDOWN_ROUTINE] : FL_ROUTINE_DEFAULT,
                                   &status);
  if (routine == NULL)
    return status;
  n_holds = fl_routine_get_n_holds (routine);

  steps_done = (int) n_holds;
  if (args.values[COOLDOWN_STEPS_DONE] != NULL &&
      (!fl_cli_parse_int (args.values[COOLDOWN_STEPS_DONE], &steps_done) || steps_done < 1 || (guint) steps_done > n_holds))
    /* Translators: “"20" is not understood for --steps-done; “post-run-10” has 1 to 17 stretches to hold” */
    return fl_cli_bad_input (cli, _("“%s” is not understood for --steps-done; “%s” has 1 to %u stretches to hold"),
                             args.values[COOLDOWN_STEPS_DONE], fl_routine_get_name (routine), n_holds);

  /* As long as the routine takes to the end of the last hold done */
  seconds = fl_routine_get_seconds_for_holds (routine, steps_done);

  now = fl_cli_now_local (cli);
  if (args.values[COOLDOWN_AT] != NULL)
    {
      start = fl_cli_parse_time (cli, args.values[COOLDOWN_AT]);
      if (start == NULL)
        return fl_cli_bad_value (cli, &fl_cli_cooldown_options[COOLDOWN_AT], args.values[COOLDOWN_AT]);
      if (g_date_time_compare (start, now) > 0)
        return fl_cli_bad_input (cli, _("“%s” is in the future; --at takes %s"),
                                 args.values[COOLDOWN_AT], _(fl_cli_cooldown_options[COOLDOWN_AT].help));
    }
  else
    {
      /* Logged right after it ended */
      start = g_date_time_add_seconds (now, -seconds);
    }

  record = fl_record_new (FL_RECORD_COOLDOWN, start);
  cooldown = FL_COOLDOWN (record);
  cooldown->end = g_date_time_add_seconds (start, seconds);
  cooldown->routine = g_strdup (fl_routine_get_name (routine));
  cooldown->steps_done = steps_done;
  cooldown->steps_total = (int) n_holds;

  if (!fl_record_validate (record, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if ((status = fl_cli_store_record (cli, record)) != FL_CLI_OK)
    return status;

  when = fl_cli_format_when (cli, start);
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: “17 of 17 stretches”; the plural follows the total */
                                       "%d of %u stretch", "%d of %u stretches", n_holds),
                          steps_done, n_holds);
  /* Translators: “Logged a cool-down from 14:05: After a run — 10 minutes, 17 of 17 stretches.” */
  g_string_append_printf (cli->out, _("Logged a cool-down from %s: %s, %s."),
                          when, fl_routine_get_title (routine), done);
  g_string_append_c (cli->out, '\n');

  return FL_CLI_OK;
}

int
fl_cli_cmd_log_sleep (Cli              *cli,
                      const CliCommand *command,
                      int               argc,
                      char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autofree char *range = NULL;
  g_autofree char *slept = NULL;
  g_autofree char *when = NULL;
  FlSleepOptions options;
  GDate date;
  int bed_min, wake_min;
  int status;
  gboolean nap;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return fl_cli_usage_error (cli, command, _("“log sleep” needs the bed and wake time, e.g. 23:10-06:40"));

  /* "23:10 - 06:40" arrives as three words when not quoted */
  g_ptr_array_add (args.words, NULL);
  range = g_strjoinv ("", (char **) args.words->pdata);
  if (!fl_sleep_parse_range (range, &bed_min, &wake_min, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if (args.values[SLEEP_DATE] != NULL)
    {
      if (!fl_cli_parse_date (args.values[SLEEP_DATE], &date))
        return fl_cli_bad_value (cli, &fl_cli_sleep_options[SLEEP_DATE], args.values[SLEEP_DATE]);
    }
  else
    {
      fl_clock_today (cli->clock, &date);
    }

  nap = args.switches[SLEEP_NAP];
  record = fl_sleep_record_new (&date, bed_min, wake_min, nap, &error);
  if (record == NULL)
    return fl_cli_bad_input (cli, "%s", error->message);

  now = fl_cli_now_local (cli);
  if (g_date_time_compare (FL_SLEEP (record)->end, now) > 0)
    {
      g_autofree char *end = fl_cli_format_when (cli, FL_SLEEP (record)->end);

      /* Translators: %s is a time, "07:40" or "2026-11-28 07:40" */
      return fl_cli_bad_input (cli, _("that sleep ends at %s, which is in the future; log it once you are up"), end);
    }

  /* The record's own limits (24 h), then the sleep rules: 16 h, no overlap */
  if (!fl_record_validate (record, &error) ||
      !fl_sleep_check (cli->journal, record, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if ((status = fl_cli_store_record (cli, record)) != FL_CLI_OK)
    return status;

  slept = fl_format_sleep_minutes ((int) (g_date_time_difference (FL_SLEEP (record)->end,
                                                                  record->time) / G_TIME_SPAN_MINUTE));
  when = fl_cli_format_when (cli, record->time);
  if (nap)
    {
      /* Translators: “Logged a nap of 25 min from 13:10.” */
      g_string_append_printf (cli->out, _("Logged a nap of %s from %s."), slept, when);
    }
  else
    {
      FlSleepDay day;
      FlSleepNight night;
      g_autofree char *need = NULL;
      g_autofree char *debt = NULL;
      GDate today;

      fl_sleep_options_load (&options, NULL);
      fl_clock_today (cli->clock, &today);
      fl_sleep_day_init (&day, cli->journal, &today, &options);
      fl_sleep_night_init (&night, cli->journal, &date, &options);
      need = fl_format_sleep_minutes (night.need_min);
      debt = fl_format_sleep_minutes (day.debt_min);
      /* Translators: “Logged 7 h 30 min of sleep from 2026-11-26 23:10, against a need of 8 h.” */
      g_string_append_printf (cli->out, _("Logged %s of sleep from %s, against a need of %s."),
                              slept, when, need);
      /* The debt is over the last 7 nights: only a night among them moves it */
      if (g_date_days_between (&date, &today) >= 0 &&
          g_date_days_between (&date, &today) < FL_SLEEP_DEBT_NIGHTS)
        {
          g_string_append_c (cli->out, ' ');
          g_string_append_printf (cli->out,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: “Sleep debt: 1 h 10 min over the 1 night logged of the last 7.” */
                                               "Sleep debt: %s over the %d night logged of the last 7.",
                                               "Sleep debt: %s over the %d nights logged of the last 7.",
                                               (gulong) day.debt_nights_logged),
                                  debt, day.debt_nights_logged);
        }
      fl_sleep_day_clear (&day);
    }
  g_string_append_c (cli->out, '\n');

  return FL_CLI_OK;
}
