/* fl-cli-iron.c: iron on the command line: `log iron`, `log ferritin`
 * and `foods`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fl-cli-private.h"
#include "fl-foods.h"
#include "fl-iron.h"

enum {
  IRON_PORTIONS,
  IRON_AT,
};

const CliOption fl_cli_iron_options[] = {
  [IRON_PORTIONS] = { "portions", N_("N"), N_("how many portions, e.g. 1, 2, 0.5 or ½ (default: 1)") },
  [IRON_AT] = { "at", N_("TIME"),
                N_("when you ate it, e.g. 2026-11-27T12:30, 2026-11-27T12:30:00+01:00 or 12:30 for today (default: now)") },
  { NULL }
};

enum {
  FERRITIN_DATE,
};

const CliOption fl_cli_ferritin_options[] = {
  [FERRITIN_DATE] = { "date", N_("DATE"), N_("the day of the blood test, as YYYY-MM-DD, e.g. 2026-10-02 (default: today)") },
  { NULL }
};

enum {
  FOODS_SEARCH,
  FOODS_JSON,
  FOODS_ADD,
  FOODS_PORTION,
  FOODS_GRAMS,
  FOODS_MG,
  FOODS_HEME,
  FOODS_VITAMIN_C,
};

const CliOption fl_cli_foods_options[] = {
  [FOODS_SEARCH] = { "search", N_("WORD"), N_("words that start words of the food’s name, e.g. lentils or kidney bea") },
  [FOODS_JSON] = { "json", NULL, N_("one JSON array on one line, for scripts") },
  [FOODS_ADD] = { "add", N_("NAME"), N_("add a food of your own with this name, e.g. \"Lentil soup\"") },
  [FOODS_PORTION] = { "portion", N_("WORDS"), N_("with --add, the portion in words, e.g. \"1 bowl\"") },
  [FOODS_GRAMS] = { "grams", N_("G"), N_("with --add, what the portion weighs in grams, 1 to 2000, e.g. 300") },
  [FOODS_MG] = { "mg", N_("MG"), N_("with --add, the iron in a portion in mg, more than 0 and at most 100, e.g. 4.5") },
  [FOODS_HEME] = { "heme", NULL, N_("with --add, the food is meat, fish or poultry (heme iron)") },
  [FOODS_VITAMIN_C] = { "vitamin-c", NULL, N_("with --add, the food is rich in vitamin C") },
  { NULL }
};

/* Iron: `log iron`, `log ferritin` and `foods` (fl-iron.h, fl-foods.h) */

/* The food table with the runner's own foods, which live beside the journal */
static FlFoods *
load_foods (Cli *cli,
            int *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *own = fl_foods_own_path_for (fl_store_get_path (cli->store));
  FlFoods *foods = fl_foods_new (own, &error);

  if (foods == NULL)
    {
      *out_status = fl_cli_failed (cli, "%s", error->message);
      return NULL;
    }
  if (fl_foods_get_notice (foods) != NULL)
    fl_cli_say_error_line (cli, fl_foods_get_notice (foods));
  return foods;
}

/* "1", "0.5", "2.5", "½", "1/2", "1½" */
static gboolean
parse_portions (const char *text,
                double     *out)
{
  static const struct {
    const char *glyph;
    double      value;
  } fractions[] = { { "½", 0.5 }, { "¼", 0.25 }, { "¾", 0.75 }, { "⅓", 1.0 / 3 }, { "⅔", 2.0 / 3 } };
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *slash = strchr (copy, '/');
  double whole = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (fractions); i++)
    if (g_str_has_suffix (copy, fractions[i].glyph))
      {
        gsize length = strlen (copy) - strlen (fractions[i].glyph);

        copy[length] = '\0';
        if (length > 0 && !fl_cli_parse_number (copy, NULL, &whole))
          return FALSE;
        *out = whole + fractions[i].value;
        return TRUE;
      }

  if (slash != NULL)
    {
      g_autofree char *numerator = g_strndup (copy, slash - copy);
      double n, d;

      if (!fl_cli_parse_number (numerator, NULL, &n) || !fl_cli_parse_number (slash + 1, NULL, &d) || d <= 0)
        return FALSE;
      *out = n / d;
      return TRUE;
    }

  return fl_cli_parse_number (copy, NULL, out);
}

int
fl_cli_cmd_log_iron (Cli              *cli,
                     const CliCommand *command,
                     int               argc,
                     char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(FlFoods) foods = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(GPtrArray) tips = NULL;
  g_autofree char *text = NULL;
  g_autofree char *how_much = NULL;
  g_autofree char *mg = NULL;
  g_autofree char *day_mg = NULL;
  g_autofree char *target = NULL;
  g_autofree char *when = NULL;
  const FlFood *food;
  FlIronIntake *intake;
  FlIronDay day;
  GDate date;
  double portions = 1;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return fl_cli_usage_error (cli, command, _("“log iron” needs a food, e.g. lentils"));

  if (args.values[IRON_PORTIONS] != NULL &&
      (!parse_portions (args.values[IRON_PORTIONS], &portions) || !(portions > 0 && portions <= 20)))
    return fl_cli_bad_value (cli, &fl_cli_iron_options[IRON_PORTIONS], args.values[IRON_PORTIONS]);

  now = fl_cli_now_local (cli);
  if (args.values[IRON_AT] != NULL)
    {
      time = fl_cli_parse_time (cli, args.values[IRON_AT]);
      if (time == NULL)
        return fl_cli_bad_value (cli, &fl_cli_iron_options[IRON_AT], args.values[IRON_AT]);
      if (g_date_time_compare (time, now) > 0)
        return fl_cli_bad_input (cli, _("“%s” is in the future; --at takes %s"),
                                 args.values[IRON_AT], _(fl_cli_iron_options[IRON_AT].help));
    }
  else
    {
      time = g_date_time_ref (now);
    }

  if ((foods = load_foods (cli, &status)) == NULL)
    return status;

  /* "kidney beans" arrives as two words when not quoted */
  g_ptr_array_add (args.words, NULL);
  text = g_strjoinv (" ", (char **) args.words->pdata);
  food = fl_foods_resolve (foods, text, NULL, &error);
  if (food == NULL)
    return fl_cli_bad_input (cli, "%s", error->message);

  record = fl_iron_intake_new (food, portions, time);
  intake = FL_IRON_INTAKE (record);
  if (!fl_record_validate (record, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if ((status = fl_cli_store_record (cli, record)) != FL_CLI_OK)
    return status;

  fl_date_from_date_time (time, &date);
  fl_iron_day_init (&day, cli->journal, &date);
  how_much = fl_iron_format_portions (portions, food->portion);
  mg = fl_format_iron_mg (intake->mg);
  day_mg = fl_format_iron_mg (day.today_mg);
  target = fl_format_iron_mg (day.target_mg);
  when = fl_cli_format_when (cli, time);
  if (fl_cli_is_today (cli, time))
    /* Translators: “Logged Lentils, boiled, 1 × ½ cup (3.3 mg) at 14:05. Today: 3.3 mg of 32.4 mg.” */
    g_string_append_printf (cli->out, _("Logged %s, %s (%s) at %s. Today: %s of %s."),
                            food->name, how_much, mg, when, day_mg, target);
  else
    /* Translators: “Logged Lentils, boiled, 1 × ½ cup (3.3 mg) at 2026-11-26 12:30. That day: 3.3 mg of 32.4 mg.” */
    g_string_append_printf (cli->out, _("Logged %s, %s (%s) at %s. That day: %s of %s."),
                            food->name, how_much, mg, when, day_mg, target);
  g_string_append_c (cli->out, '\n');

  tips = fl_iron_tips (cli->journal, foods, &date);
  for (guint i = 0; i < tips->len; i++)
    {
      /* Translators: %s is a tip, one sentence or two */
      g_string_append_printf (cli->out, _("Tip: %s"), ((FlIronTip *) g_ptr_array_index (tips, i))->text);
      g_string_append_c (cli->out, '\n');
    }

  return FL_CLI_OK;
}

int
fl_cli_cmd_log_ferritin (Cli              *cli,
                         const CliCommand *command,
                         int               argc,
                         char            **argv)
{
  static const char * const units[] = { "µg/L", "ug/L", "ng/mL", NULL };
  g_auto(CliArgs) args = { 0, };
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autofree char *value = NULL;
  g_autofree char *reason = NULL;
  FlFerritinBand band;
  GDate date, today;
  double ug_per_l;
  char iso[16];
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return fl_cli_usage_error (cli, command, _("“log ferritin” needs the result in µg/L, e.g. 24"));

  /* "24 µg/L" arrives as two words when not quoted */
  g_ptr_array_add (args.words, NULL);
  value = g_strjoinv (" ", (char **) args.words->pdata);
  if (!fl_cli_parse_number (value, units, &ug_per_l))
    /* Translators: %s is what was typed */
    return fl_cli_bad_input (cli, _("“%s” is not a ferritin result; give it in µg/L (the same as ng/mL), e.g. 24"), value);

  fl_clock_today (cli->clock, &today);
  date = today;
  if (args.values[FERRITIN_DATE] != NULL)
    {
      if (!fl_cli_parse_date (args.values[FERRITIN_DATE], &date))
        return fl_cli_bad_value (cli, &fl_cli_ferritin_options[FERRITIN_DATE], args.values[FERRITIN_DATE]);
      if (g_date_compare (&date, &today) > 0)
        return fl_cli_bad_input (cli, _("“%s” is in the future; --date takes %s"),
                                 args.values[FERRITIN_DATE], _(fl_cli_ferritin_options[FERRITIN_DATE].help));
    }

  midnight = fl_date_to_local_midnight (&date);
  record = fl_record_new (FL_RECORD_FERRITIN, midnight);
  FL_FERRITIN (record)->ug_per_l = ug_per_l;
  if (!fl_record_validate (record, &error))
    return fl_cli_bad_input (cli, "%s", error->message);

  if ((status = fl_cli_store_record (cli, record)) != FL_CLI_OK)
    return status;

  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  band = fl_ferritin_band (ug_per_l);
  /* Translators: “Logged ferritin 24 µg/L for 2026-11-27: low.” The last %s is
   * “empty stores”, “low” or “not low” */
  g_string_append_printf (cli->out, _("Logged ferritin %g µg/L for %s: %s."),
                          ug_per_l, iso, fl_ferritin_band_describe (band));
  g_string_append_c (cli->out, '\n');

  fl_clock_today (cli->clock, &today);
  reason = fl_iron_blood_test_reason (cli->journal, &today);
  if (reason != NULL)
    g_string_append_printf (cli->out, "%s\n", reason);
  g_string_append_printf (cli->out, "%s\n", _("This is information, not medical advice."));

  return FL_CLI_OK;
}

static JsonNode *
food_to_json (const FlFood *food)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, food->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, food->name);
  json_builder_set_member_name (builder, "portion");
  json_builder_add_string_value (builder, food->portion);
  json_builder_set_member_name (builder, "grams");
  json_builder_add_double_value (builder, food->grams);
  json_builder_set_member_name (builder, "mg");
  json_builder_add_double_value (builder, food->mg);
  json_builder_set_member_name (builder, "heme");
  json_builder_add_boolean_value (builder, food->heme);
  json_builder_set_member_name (builder, "vitamin_c");
  json_builder_add_boolean_value (builder, food->vitamin_c);
  json_builder_set_member_name (builder, "tea_or_coffee");
  json_builder_add_boolean_value (builder, food->tea_or_coffee);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, food->source);
  json_builder_set_member_name (builder, "own");
  json_builder_add_boolean_value (builder, food->own);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* "lentils-cooked  Lentils, boiled — ½ cup (99 g): 3.3 mg" */
static void
append_food_line (GString      *out,
                  const FlFood *food)
{
  g_autofree char *mg = fl_format_iron_mg (food->mg);
  const char *kind = "";

  if (food->own)
    /* Translators: after a food the runner added */
    kind = _(" (yours)");
  else if (food->heme)
    /* Translators: after a food with heme iron: meat, fish, poultry */
    kind = _(" (heme iron)");

  g_string_append_printf (out, "%-26s ", food->id);
  /* Translators: “Lentils, boiled — ½ cup (99 g): 3.3 mg”, then “ (heme iron)” or nothing */
  g_string_append_printf (out, _("%s — %s (%.0f g): %s%s"), food->name, food->portion, food->grams, mg, kind);
  g_string_append_c (out, '\n');
}

static int
add_own_food (Cli     *cli,
              FlFoods *foods,
              CliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *own = fl_foods_own_path_for (fl_store_get_path (cli->store));
  FlFood food = { 0, };
  const FlFood *added;
  static const char * const grams[] = { "g", NULL };
  static const char * const mg[] = { "mg", NULL };

  if (args->values[FOODS_PORTION] == NULL || args->values[FOODS_GRAMS] == NULL || args->values[FOODS_MG] == NULL)
    return fl_cli_bad_input (cli, _("“foods --add NAME” also needs --portion, --grams and --mg; "
                                    "e.g. foods --add \"Lentil soup\" --portion \"1 bowl\" --grams 300 --mg 4.5"));
  if (!fl_cli_parse_number (args->values[FOODS_GRAMS], grams, &food.grams))
    return fl_cli_bad_value (cli, &fl_cli_foods_options[FOODS_GRAMS], args->values[FOODS_GRAMS]);
  if (!fl_cli_parse_number (args->values[FOODS_MG], mg, &food.mg))
    return fl_cli_bad_value (cli, &fl_cli_foods_options[FOODS_MG], args->values[FOODS_MG]);

  food.name = args->values[FOODS_ADD];
  food.portion = args->values[FOODS_PORTION];
  food.heme = args->switches[FOODS_HEME];
  food.vitamin_c = args->switches[FOODS_VITAMIN_C];

  added = fl_foods_add_own (foods, &food, own, &error);
  if (added == NULL)
    {
      if (g_error_matches (error, FL_FOODS_ERROR, FL_FOODS_ERROR_IO))
        return fl_cli_failed (cli, "%s", error->message);
      return fl_cli_bad_input (cli, "%s", error->message);
    }

  /* Translators: then the food's line: “own-lentil-soup  Lentil soup — 1 bowl (300 g): 4.5 mg” */
  g_string_append_printf (cli->out, "%s\n", _("Added your own food:"));
  append_food_line (cli->out, added);
  return FL_CLI_OK;
}

int
fl_cli_cmd_foods (Cli              *cli,
                  const CliCommand *command,
                  int               argc,
                  char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(FlFoods) foods = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *search = NULL;
  int status;

  if ((status = fl_cli_parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[FOODS_ADD] == NULL &&
      (args.values[FOODS_PORTION] != NULL || args.values[FOODS_GRAMS] != NULL || args.values[FOODS_MG] != NULL ||
       args.switches[FOODS_HEME] || args.switches[FOODS_VITAMIN_C]))
    return fl_cli_usage_error (cli, command, _("--portion, --grams, --mg, --heme and --vitamin-c go with --add NAME"));

  if ((foods = load_foods (cli, &status)) == NULL)
    return status;

  if (args.values[FOODS_ADD] != NULL)
    {
      if (args.words->len > 0 || args.values[FOODS_SEARCH] != NULL)
        return fl_cli_usage_error (cli, command, _("“foods --add” takes no search"));
      return add_own_food (cli, foods, &args);
    }

  /* `foods lentils` searches like `foods --search lentils` */
  g_ptr_array_add (args.words, args.values[FOODS_SEARCH] != NULL ? g_strdup (args.values[FOODS_SEARCH]) : NULL);
  if (args.values[FOODS_SEARCH] != NULL)
    g_ptr_array_add (args.words, NULL);
  search = g_strjoinv (" ", (char **) args.words->pdata);
  found = fl_foods_search (foods, search);

  if (args.switches[FOODS_JSON])
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < found->len; i++)
        json_array_add_element (array, food_to_json (g_ptr_array_index (found, i)));
      json_node_set_array (root, array);
      text = json_to_string (root, FALSE);
      g_string_append_printf (cli->out, "%s\n", text);
      return FL_CLI_OK;
    }

  if (found->len == 0)
    {
      /* Translators: %s is what was searched for */
      g_string_append_printf (cli->out, _("No food matches “%s”."), search);
      g_string_append_c (cli->out, '\n');
      return FL_CLI_OK;
    }

  for (guint i = 0; i < found->len; i++)
    append_food_line (cli->out, g_ptr_array_index (found, i));

  return FL_CLI_OK;
}
