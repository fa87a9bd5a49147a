/* fl-cli-commands.c: `fresh-legs profile`, `today`, `routine` and `import`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fl-cli-private.h"
#include "fl-import.h"
#include "fl-routine.h"
#include "fl-today.h"

enum {
  PROFILE_SEX,
  PROFILE_BIRTH_YEAR,
  PROFILE_WEIGHT,
  PROFILE_DIET,
  PROFILE_HEAVY_PERIODS,
  PROFILE_PREGNANT,
};

const CliOption fl_cli_profile_options[] = {
  [PROFILE_SEX] = { "sex", N_("SEX"), N_("female or male") },
  [PROFILE_BIRTH_YEAR] = { "birth-year", N_("YEAR"), N_("the year you were born, e.g. 1990") },
  [PROFILE_WEIGHT] = { "weight-kg", N_("KG"), N_("your weight in kg, e.g. 60 or 62.5") },
  [PROFILE_DIET] = { "diet", N_("DIET"), N_("omnivore, vegetarian or vegan") },
  [PROFILE_HEAVY_PERIODS] = { "heavy-periods", N_("yes|no"), N_("yes or no") },
  [PROFILE_PREGNANT] = { "pregnant", N_("yes|no"), N_("yes or no") },
  { NULL }
};

enum {
  IMPORT_DRY_RUN,
  IMPORT_JSON,
};

const CliOption fl_cli_import_options[] = {
  [IMPORT_DRY_RUN] = { "dry-run", NULL, N_("read the files and say what they hold, without storing anything") },
  [IMPORT_JSON] = { "json", NULL, N_("with --dry-run, one JSON array of the activities on one line, for scripts") },
  { NULL }
};

enum {
  ROUTINE_LIST,
  ROUTINE_JSON,
  ROUTINE_IMPORT,
};

const CliOption fl_cli_routine_options[] = {
  [ROUTINE_LIST] = { "list", NULL, N_("list the routines: the ones that come with Fresh Legs, then your own") },
  [ROUTINE_JSON] = { "json", NULL, N_("one JSON object (or with --list, one array) on one line, for scripts") },
  [ROUTINE_IMPORT] = { "import", N_("FILE"),
                       N_("a routine file of your own (JSON, of the form of data/routines/post-run-10.json) to check and add") },
  { NULL }
};

enum {
  TODAY_DATE,
  TODAY_JSON,
};

const CliOption fl_cli_today_options[] = {
  [TODAY_DATE] = { "date", N_("DATE"), N_("the day to show, as YYYY-MM-DD, e.g. 2026-11-27 (default: today)") },
  [TODAY_JSON] = { "json", NULL, N_("one JSON object on one line, for scripts and status bars") },
  { NULL }
};

/* Commands */

static const char *
sex_label (FlSex sex)
{
  switch (sex)
    {
    case FL_SEX_FEMALE:
      return _("female");
    case FL_SEX_MALE:
      return _("male");
    case FL_SEX_UNSET:
    default:
      return _("sex not given");
    }
}

static const char *
diet_label (FlDiet diet)
{
  switch (diet)
    {
    case FL_DIET_VEGETARIAN:
      return _("vegetarian");
    case FL_DIET_VEGAN:
      return _("vegan");
    case FL_DIET_OMNIVORE:
    default:
      return _("omnivore");
    }
}

int
fl_cli_cmd_profile (Cli              *cli,
                    const CliCommand *command,
                    int               argc,
                    char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *summary = NULL;
  FlProfile old_profile, profile;
  gboolean any = FALSE;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  old_profile = *fl_journal_get_profile (cli->journal);
  profile = old_profile;
  if (!old_profile.is_set)
    {
      /* The defaults the rules assume are not what the runner said: a
       * first `profile --sex female` must not store the default birth year */
      fl_profile_init_defaults (&profile);
      profile.birth_year = 0;
      profile.weight_kg = 0;
      profile.sweat_rate_l_h = old_profile.sweat_rate_l_h;
    }

  for (guint i = 0; i <= PROFILE_PREGNANT; i++)
    any = any || args.values[i] != NULL;
  if (!any)
    return fl_cli_usage_error (cli, command, _("“profile” needs at least one option"));

  if (args.values[PROFILE_SEX] != NULL)
    {
      const char *value = args.values[PROFILE_SEX];

      if (g_ascii_strcasecmp (value, fl_sex_to_string (FL_SEX_FEMALE)) == 0)
        profile.sex = FL_SEX_FEMALE;
      else if (g_ascii_strcasecmp (value, fl_sex_to_string (FL_SEX_MALE)) == 0)
        profile.sex = FL_SEX_MALE;
      else
        return fl_cli_bad_value (cli, &fl_cli_profile_options[PROFILE_SEX], value);
    }
  /* 0 is how the profile says "not given", so it is no year or weight here */
  if (args.values[PROFILE_BIRTH_YEAR] != NULL &&
      (!fl_cli_parse_int (args.values[PROFILE_BIRTH_YEAR], &profile.birth_year) || profile.birth_year == 0))
    return fl_cli_bad_value (cli, &fl_cli_profile_options[PROFILE_BIRTH_YEAR], args.values[PROFILE_BIRTH_YEAR]);
  if (args.values[PROFILE_WEIGHT] != NULL)
    {
      static const char * const kg[] = { "kg", NULL };

      if (!fl_cli_parse_number (args.values[PROFILE_WEIGHT], kg, &profile.weight_kg) || profile.weight_kg == 0)
        return fl_cli_bad_value (cli, &fl_cli_profile_options[PROFILE_WEIGHT], args.values[PROFILE_WEIGHT]);
    }
  if (args.values[PROFILE_DIET] != NULL)
    {
      const char *value = args.values[PROFILE_DIET];
      static const FlDiet diets[] = { FL_DIET_OMNIVORE, FL_DIET_VEGETARIAN, FL_DIET_VEGAN };
      gboolean found = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (diets) && !found; i++)
        if (g_ascii_strcasecmp (value, fl_diet_to_string (diets[i])) == 0)
          {
            profile.diet = diets[i];
            found = TRUE;
          }
      if (!found)
        return fl_cli_bad_value (cli, &fl_cli_profile_options[PROFILE_DIET], value);
    }
  if (args.values[PROFILE_HEAVY_PERIODS] != NULL &&
      !fl_cli_parse_yes_no (args.values[PROFILE_HEAVY_PERIODS], &profile.heavy_periods))
    return fl_cli_bad_value (cli, &fl_cli_profile_options[PROFILE_HEAVY_PERIODS], args.values[PROFILE_HEAVY_PERIODS]);
  if (args.values[PROFILE_PREGNANT] != NULL &&
      !fl_cli_parse_yes_no (args.values[PROFILE_PREGNANT], &profile.pregnant))
    return fl_cli_bad_value (cli, &fl_cli_profile_options[PROFILE_PREGNANT], args.values[PROFILE_PREGNANT]);

  profile.is_set = TRUE;

  now = fl_cli_now_local (cli);
  if (!fl_profile_validate (&profile, g_date_time_get_year (now), &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if (fl_journal_get_read_only (cli->journal))
    return fl_cli_failed (cli, _("the journal is open read-only, so the profile was not changed"));

  if (!fl_journal_set_profile (cli->journal, &profile, &error))
    {
      if (g_error_matches (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY))
        return fl_cli_failed (cli, _("the journal is open read-only, so the profile was not changed"));
      return fl_cli_bad_input (cli, "%s", error->message);
    }
  /* Unlike a record, the profile stays changed in memory: setting it again
   * is harmless, and the journal has no way back to "never set" */
  if (!fl_cli_save (cli, &error))
    return fl_cli_failed (cli, _("the profile could not be saved: %s"), error->message);

  parts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (parts, g_strdup (sex_label (profile.sex)));
  if (profile.birth_year > 0)
    /* Translators: a part of the profile summary, %d is a year */
    g_ptr_array_add (parts, g_strdup_printf (_("born %d"), profile.birth_year));
  if (profile.weight_kg > 0)
    /* Translators: a part of the profile summary */
    g_ptr_array_add (parts, g_strdup_printf (_("%.1f kg"), profile.weight_kg));
  g_ptr_array_add (parts, g_strdup (diet_label (profile.diet)));
  if (profile.heavy_periods)
    g_ptr_array_add (parts, g_strdup (_("heavy periods")));
  if (profile.pregnant)
    g_ptr_array_add (parts, g_strdup (_("pregnant")));
  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the parts of the profile summary */
  summary = g_strjoinv (_(", "), (char **) parts->pdata);

  /* Translators: %s lists the profile, e.g. “female, born 1990, 60.0 kg, vegetarian” */
  g_string_append_printf (cli->out, _("Profile saved: %s."), summary);
  g_string_append_c (cli->out, '\n');
  return FL_CLI_OK;
}

/* "9:53" */
static char *
format_minutes_seconds (int seconds)
{
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}

/* routine --list: "post-run-10  After a run — 10 minutes (9:53)", one a line */
static void
list_routines (Cli      *cli,
               gboolean  json)
{
  g_autoptr(GPtrArray) routines = fl_routine_list_all ();
  gsize width = 0;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < routines->len; i++)
        {
          FlRoutine *routine = g_ptr_array_index (routines, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, fl_routine_get_name (routine));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, fl_routine_get_title (routine));
          json_builder_set_member_name (builder, "total_s");
          json_builder_add_int_value (builder, fl_routine_get_total_s (routine));
          json_builder_set_member_name (builder, "shipped");
          json_builder_add_boolean_value (builder, fl_routine_is_shipped (routine));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, FALSE);
      g_string_append_printf (cli->out, "%s\n", text);
      return;
    }

  for (guint i = 0; i < routines->len; i++)
    width = MAX (width, strlen (fl_routine_get_name (g_ptr_array_index (routines, i))));

  for (guint i = 0; i < routines->len; i++)
    {
      FlRoutine *routine = g_ptr_array_index (routines, i);
      g_autofree char *length = format_minutes_seconds (fl_routine_get_total_s (routine));

      g_string_append_printf (cli->out, "%-*s  %s (%s)\n", (int) width, fl_routine_get_name (routine),
                              fl_routine_get_title (routine), length);
    }
}

static const char *
side_label (FlSide side)
{
  switch (side)
    {
    case FL_SIDE_LEFT:
      return _("left side");
    case FL_SIDE_RIGHT:
      return _("right side");
    case FL_SIDE_BOTH:
      return _("both sides");
    case FL_SIDE_NONE:
    default:
      return "";
    }
}

/* routine NAME: the steps as a timetable */
static void
describe_routine (Cli       *cli,
                  FlRoutine *routine)
{
  g_autofree char *length = format_minutes_seconds (fl_routine_get_total_s (routine));

  /* Translators: “After a run — 10 minutes (post-run-10), 9:53” */
  g_string_append_printf (cli->out, _("%s (%s), %s"), fl_routine_get_title (routine),
                          fl_routine_get_name (routine), length);
  g_string_append_c (cli->out, '\n');

  for (guint i = 0; i < fl_routine_get_n_steps (routine); i++)
    {
      const FlRoutineStep *step = fl_routine_get_step (routine, i);
      g_autofree char *at = format_minutes_seconds (step->start_s);
      g_autofree char *what = NULL;

      switch (step->kind)
        {
        case FL_STEP_LEAD_IN:
          /* Translators: the lead-in before the first hold: “Get ready: Standing quad stretch” */
          what = g_strdup_printf (_("Get ready: %s"), step->stretch->name);
          break;
        case FL_STEP_CHANGE:
          /* Translators: the pause to change side or position before a hold */
          what = g_strdup_printf (_("Change to: %s"), step->stretch->name);
          break;
        case FL_STEP_HOLD:
        default:
          /* Translators: “Standing quad stretch, left side” */
          what = g_strdup_printf (_("%s, %s"), step->stretch->name, side_label (step->side));
          break;
        }
      /* Translators: one step: “  0:03  Standing quad stretch, left side — 30 s” */
      g_string_append_printf (cli->out, _("  %s  %s — %d s"), at, what, step->seconds);
      g_string_append_c (cli->out, '\n');
    }
}

/* routine --import FILE: validated, then copied among the runner's own */
static int
import_routine (Cli        *cli,
                const char *path)
{
  g_autoptr(GFile) file = fl_cli_file (cli, path);
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *length = NULL;
  gboolean updated = FALSE;

  routine = fl_routine_install_file (file, &updated, &error);
  if (routine == NULL)
    {
      g_autofree char *message = g_strdup (error->message);
      gsize len = strlen (message);

      /* The sentence goes on after it */
      if (len > 0 && message[len - 1] == '.')
        message[len - 1] = '\0';
      /* Translators: "my.json: A hold lasts 20 to 45 seconds; …; nothing was imported" */
      return fl_cli_bad_input (cli, _("%s: %s; nothing was imported"), path, message);
    }

  length = format_minutes_seconds (fl_routine_get_total_s (routine));
  g_string_append_printf (cli->out,
                          updated
                          /* Translators: "Updated your routine “After a long run” (after-long-run, 3:25)." */
                          ? _("Updated your routine “%s” (%s, %s).")
                          /* Translators: "Imported your routine “After a long run” (after-long-run, 3:25)." */
                          : _("Imported your routine “%s” (%s, %s)."),
                          fl_routine_get_title (routine), fl_routine_get_name (routine), length);
  g_string_append_c (cli->out, ' ');
  /* Translators: %s is the routine's name, e.g. after-long-run */
  g_string_append_printf (cli->out, _("Pick it on the Cool-down page, or log one with "
                                      "“fresh-legs log cooldown --routine %s”."),
                          fl_routine_get_name (routine));
  g_string_append_c (cli->out, '\n');

  return FL_CLI_OK;
}

int
fl_cli_cmd_routine (Cli              *cli,
                    const CliCommand *command,
                    int               argc,
                    char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(FlRoutine) routine = NULL;
  const char *name = FL_ROUTINE_DEFAULT;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[ROUTINE_IMPORT] != NULL)
    {
      if (args.words->len > 0 || args.switches[ROUTINE_LIST] || args.switches[ROUTINE_JSON])
        return fl_cli_usage_error (cli, command, _("“routine --import” takes one file and nothing else"));
      return import_routine (cli, args.values[ROUTINE_IMPORT]);
    }

  if (args.switches[ROUTINE_LIST])
    {
      if (args.words->len > 0)
        return fl_cli_usage_error (cli, command, _("“routine --list” takes no name"));
      list_routines (cli, args.switches[ROUTINE_JSON]);
      return FL_CLI_OK;
    }

  if (args.words->len > 1)
    {
      g_autofree char *what = NULL;

      /* Translators: %s is an argument the command does not take */
      what = g_strdup_printf (_("“%s” is more than the command takes"),
                              (const char *) g_ptr_array_index (args.words, 1));
      return fl_cli_usage_error (cli, command, what);
    }
  if (args.words->len == 1)
    name = g_ptr_array_index (args.words, 0);

  routine = fl_cli_lookup_routine (cli, name, &status);
  if (routine == NULL)
    return status;

  if (args.switches[ROUTINE_JSON])
    {
      g_autoptr(JsonNode) root = fl_routine_to_json (routine);
      g_autofree char *text = json_to_string (root, FALSE);

      g_string_append_printf (cli->out, "%s\n", text);
    }
  else
    {
      describe_routine (cli, routine);
    }

  return FL_CLI_OK;
}

int
fl_cli_cmd_today (Cli              *cli,
                  const CliCommand *command,
                  int               argc,
                  char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  GDate date;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[TODAY_DATE] != NULL)
    {
      if (!fl_cli_parse_date (args.values[TODAY_DATE], &date))
        return fl_cli_bad_value (cli, &fl_cli_today_options[TODAY_DATE], args.values[TODAY_DATE]);
    }
  else
    {
      fl_clock_today (cli->clock, &date);
    }

  if (args.switches[TODAY_JSON])
    {
      g_autoptr(JsonNode) root = fl_today_build_json (cli->journal, &date);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *json = NULL;

      json_generator_set_pretty (generator, FALSE);
      json_generator_set_root (generator, root);
      json = json_generator_to_data (generator, NULL);
      g_string_append_printf (cli->out, "%s\n", json);
    }
  else
    {
      g_autofree char *text = fl_today_build_text (cli->journal, &date);

      g_string_append (cli->out, text);
      if (!g_str_has_suffix (text, "\n"))
        g_string_append_c (cli->out, '\n');
    }

  return FL_CLI_OK;
}

/* import FILE…: every file is tried; one that fails says so on stderr and
 * adds nothing, and the status is then 2 */
int
fl_cli_cmd_import (Cli              *cli,
                   const CliCommand *command,
                   int               argc,
                   char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(JsonArray) dry_run = json_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_record_unref);
  g_autoptr(GError) error = NULL;
  gboolean any_failed = FALSE;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return fl_cli_usage_error (cli, command, _("“import” needs one or more GPX or TCX files"));
  if (args.switches[IMPORT_JSON] && !args.switches[IMPORT_DRY_RUN])
    return fl_cli_usage_error (cli, command, _("--json goes with --dry-run"));
  if (!args.switches[IMPORT_DRY_RUN] && fl_journal_get_read_only (cli->journal))
    return fl_cli_failed (cli, _("the journal is open read-only, so nothing was imported"));

  for (guint i = 0; i < args.words->len; i++)
    {
      const char *name = g_ptr_array_index (args.words, i);
      g_autoptr(GFile) file = fl_cli_file (cli, name);
      g_autoptr(GPtrArray) activities = NULL;
      g_autoptr(GError) file_error = NULL;

      activities = fl_import_file (file, &file_error);
      if (activities == NULL)
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *prefix = g_strconcat (base, ": ", NULL);

          /* Named as typed, like the lines on stdout */
          if (g_str_has_prefix (file_error->message, prefix))
            {
              g_autofree char *line = g_strconcat (name, ": ", file_error->message + strlen (prefix), NULL);

              fl_cli_say_error_line (cli, line);
            }
          else
            fl_cli_say_error_line (cli, file_error->message);
          any_failed = TRUE;
          continue;
        }

      for (guint j = 0; j < activities->len; j++)
        {
          const FlImportedActivity *activity = g_ptr_array_index (activities, j);
          g_autofree char *what = fl_imported_activity_describe (activity);
          g_autoptr(FlRecord) run = NULL;
          g_autoptr(GError) run_error = NULL;

          if (args.switches[IMPORT_DRY_RUN])
            {
              if (args.switches[IMPORT_JSON])
                json_array_add_element (dry_run, fl_imported_activity_to_json (activity, name));
              else
                /* Translators: “run.gpx: 8.2 km in 45:10 from 2026-11-20 07:30 (running, 2710 points)” */
                g_string_append_printf (cli->out, _("%s: %s (%s, %u points)\n"), name, what,
                                        activity->sport != NULL ? activity->sport : _("sport not given"),
                                        activity->points);
              continue;
            }

          switch (fl_import_add_activity (cli->journal, activity, &run, &run_error))
            {
            case FL_IMPORT_ADDED:
              g_ptr_array_add (added, g_steal_pointer (&run));
              /* Translators: “run.gpx: imported a run of 8.2 km in 45:10 from 2026-11-20 07:30” */
              g_string_append_printf (cli->out, _("%s: imported a run of %s\n"), name, what);
              break;
            case FL_IMPORT_DUPLICATE:
              g_string_append_printf (cli->out, _("%s: %s, already imported\n"), name, what);
              break;
            case FL_IMPORT_NO_TIMES:
              g_string_append_printf (cli->out, _("%s: skipped %s: a run needs the times of its points\n"),
                                      name, what);
              break;
            case FL_IMPORT_NOT_A_RUN:
              /* Translators: the last %s is a sport, “cycling” or “swimming” */
              g_string_append_printf (cli->out, _("%s: skipped %s: it is %s, not a run\n"),
                                      name, what, activity->sport);
              break;
            case FL_IMPORT_INVALID:
            default:
              {
                g_autofree char *line = g_strdup_printf ("%s: %s", name, run_error->message);

                fl_cli_say_error_line (cli, line);
                any_failed = TRUE;
              }
              break;
            }
        }
    }

  if (args.switches[IMPORT_JSON])
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), dry_run);
      g_autofree char *text = json_to_string (root, FALSE);

      g_string_append_printf (cli->out, "%s\n", text);
    }

  if (added->len > 0 && !fl_cli_save (cli, &error))
    {
      /* Taken out again, so that a retry does not import them twice */
      for (guint i = 0; i < added->len; i++)
        {
          FlRecord *run = g_ptr_array_index (added, i);
          FlRecord *removed = fl_journal_remove (cli->journal, FL_RECORD_RUN, run->id);

          g_clear_pointer (&removed, fl_record_unref);
        }
      return fl_cli_failed (cli, _("nothing was imported, because the journal could not be saved: %s"), error->message);
    }

  return any_failed ? FL_CLI_BAD_INPUT : FL_CLI_OK;
}
