/* fl-cli.c: the command line, `fresh-legs log drink 250ml` and friends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command reads all of its input first and stores nothing until all of
 * it is valid; a mistake costs one line on stderr ("fresh-legs: what was
 * wrong; what is accepted") and exit status 2. The same code runs inside the
 * running app (through GApplicationCommandLine), so it never prints, never
 * exits and never touches global state: output goes to the two GStrings.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fl-cli.h"
#include "fl-foods.h"
#include "fl-hydration.h"
#include "fl-iron.h"
#include "fl-import.h"
#include "fl-routine.h"
#include "fl-sleep.h"
#include "fl-today.h"

/* The same limits as fl_record_validate() (fl-record.h: a drink is
 * 1..5000 ml), so that the drink entry fields and the command line can say
 * them in words; the journal still checks every record itself. */
#define DRINK_MIN_ML 1
#define DRINK_MAX_ML 5000

/* An international mile, in metres */
#define METRES_PER_MILE 1609.344

/* Far beyond anything a record accepts (a run is at most 48 h and 500 km):
 * the parsers stop here so that no number overflows on the way to the
 * range check that names the real limit. */
#define PARSE_MAX_SECONDS (1000 * 3600)
#define PARSE_MAX_METRES  1e9

#define MAX_OPTIONS 12

typedef struct
{
  FlStore   *store;
  FlClock   *clock;
  FlJournal *journal;
  GString   *out;
  GString   *err;
  const char *cwd;              /* the caller's working folder, for file names */
} Cli;

typedef struct
{
  const char *name;             /* long name without "--" */
  const char *arg;              /* placeholder for help, NULL for a switch */
  const char *help;             /* what it takes, a phrase that follows "it takes" */
} CliOption;

typedef struct
{
  char      *values[MAX_OPTIONS];       /* by option index; NULL when not given */
  gboolean   switches[MAX_OPTIONS];
  gboolean   help;
  GPtrArray *words;                     /* the arguments that are not options */
} CliArgs;

typedef struct _CliCommand CliCommand;

/* argv[0] is the command's own name ("log", "drink") */
typedef int (*CliHandler) (Cli              *cli,
                           const CliCommand *command,
                           int               argc,
                           char            **argv);

struct _CliCommand
{
  const char      *name;
  CliHandler       handler;     /* NULL: reserved for a later version */
  const char      *summary;
  const char      *synopsis;    /* follows "fresh-legs " in usage lines */
  const CliOption *options;     /* terminated by a NULL name */
  gboolean         takes_words; /* positional arguments ("250ml") */
};

static int cmd_profile   (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_log       (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_log_drink (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_log_run   (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_today     (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_log_cooldown (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_routine   (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_log_iron (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_log_ferritin (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_foods     (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_import    (Cli *cli, const CliCommand *command, int argc, char **argv);
static int cmd_log_sleep (Cli *cli, const CliCommand *command, int argc, char **argv);

enum {
  PROFILE_SEX,
  PROFILE_BIRTH_YEAR,
  PROFILE_WEIGHT,
  PROFILE_DIET,
  PROFILE_HEAVY_PERIODS,
  PROFILE_PREGNANT,
};

static const CliOption profile_options[] = {
  [PROFILE_SEX] = { "sex", N_("SEX"), N_("female or male") },
  [PROFILE_BIRTH_YEAR] = { "birth-year", N_("YEAR"), N_("the year you were born, e.g. 1990") },
  [PROFILE_WEIGHT] = { "weight-kg", N_("KG"), N_("your weight in kg, e.g. 60 or 62.5") },
  [PROFILE_DIET] = { "diet", N_("DIET"), N_("omnivore, vegetarian or vegan") },
  [PROFILE_HEAVY_PERIODS] = { "heavy-periods", N_("yes|no"), N_("yes or no") },
  [PROFILE_PREGNANT] = { "pregnant", N_("yes|no"), N_("yes or no") },
  { NULL }
};

enum {
  DRINK_AT,
};

static const CliOption drink_options[] = {
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

static const CliOption run_options[] = {
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

static const CliOption cooldown_options[] = {
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

static const CliOption sleep_options[] = {
  [SLEEP_DATE] = { "date", N_("DATE"),
                   N_("the date of the morning you woke up (for a nap, its day), as YYYY-MM-DD, e.g. 2026-11-27 (default: today)") },
  [SLEEP_NAP] = { "nap", NULL, N_("log a nap during the day instead of a night") },
  { NULL }
};

enum {
  IMPORT_DRY_RUN,
  IMPORT_JSON,
};

static const CliOption import_options[] = {
  [IMPORT_DRY_RUN] = { "dry-run", NULL, N_("read the files and say what they hold, without storing anything") },
  [IMPORT_JSON] = { "json", NULL, N_("with --dry-run, one JSON array of the activities on one line, for scripts") },
  { NULL }
};

enum {
  ROUTINE_LIST,
  ROUTINE_JSON,
  ROUTINE_IMPORT,
};

static const CliOption routine_options[] = {
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

static const CliOption today_options[] = {
  [TODAY_DATE] = { "date", N_("DATE"), N_("the day to show, as YYYY-MM-DD, e.g. 2026-11-27 (default: today)") },
  [TODAY_JSON] = { "json", NULL, N_("one JSON object on one line, for scripts and status bars") },
  { NULL }
};

static const CliOption no_options[] = {
  { NULL }
};

enum {
  IRON_PORTIONS,
  IRON_AT,
};

static const CliOption iron_options[] = {
  [IRON_PORTIONS] = { "portions", N_("N"), N_("how many portions, e.g. 1, 2, 0.5 or ½ (default: 1)") },
  [IRON_AT] = { "at", N_("TIME"),
                N_("when you ate it, e.g. 2026-11-27T12:30, 2026-11-27T12:30:00+01:00 or 12:30 for today (default: now)") },
  { NULL }
};

enum {
  FERRITIN_DATE,
};

static const CliOption ferritin_options[] = {
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

static const CliOption foods_options[] = {
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

/* What `fresh-legs log` can log */
static const CliCommand log_commands[] = {
  { "drink", cmd_log_drink, N_("Log a drink"),
    N_("log drink AMOUNT [--at TIME]"), drink_options, TRUE },
  { "run", cmd_log_run, N_("Log a run"),
    N_("log run --distance 8km --duration 45:00 [--start TIME] [--rpe 0-10] [--temp °C] [--avg-hr BPM] [--cadence SPM]"),
    run_options, FALSE },
  { "cooldown", cmd_log_cooldown, N_("Log a cool-down done without the app’s timer"),
    N_("log cooldown [--at TIME] [--steps-done N] [--routine NAME]"), cooldown_options, FALSE },
  { "iron", cmd_log_iron, N_("Log a food for its iron"),
    N_("log iron FOOD [--portions N] [--at TIME], e.g. log iron lentils --portions 2"), iron_options, TRUE },
  { "ferritin", cmd_log_ferritin, N_("Log a ferritin result from a blood test"),
    N_("log ferritin µg/L [--date YYYY-MM-DD], e.g. log ferritin 24"), ferritin_options, TRUE },
  { "sleep", cmd_log_sleep, N_("Log a night’s sleep or a nap"),
    N_("log sleep BED-WAKE [--date YYYY-MM-DD] [--nap], e.g. log sleep 23:10-06:40"), sleep_options, TRUE },
};

/* The commands, one table for fl_cli_is_command(), fl_cli_run() and --help. */
static const CliCommand commands[] = {
  { "profile", cmd_profile, N_("Set who you are: sex, birth year, weight and diet"),
    N_("profile [--sex female|male] [--birth-year YYYY] [--weight-kg N] [--diet omnivore|vegetarian|vegan] "
       "[--heavy-periods yes|no] [--pregnant yes|no]"),
    profile_options, FALSE },
  { "log", cmd_log, N_("Log a drink, a run, a cool-down, iron, a ferritin result or sleep"),
    N_("log drink|run|cooldown|iron|ferritin|sleep …"), no_options, TRUE },
  { "today", cmd_today, N_("Show a day’s figures, as sentences or JSON"),
    N_("today [--date YYYY-MM-DD] [--json]"), today_options, FALSE },
  { "routine", cmd_routine, N_("Show a cool-down routine’s steps, list the routines, or import one of your own"),
    N_("routine [NAME] [--json] | routine --list [--json] | routine --import FILE"), routine_options, TRUE },
  { "foods", cmd_foods, N_("List or search the iron food table, or add a food of your own"),
    N_("foods [WORD…] [--search WORD] [--json] | foods --add NAME --portion WORDS --grams G --mg MG [--heme] [--vitamin-c]"),
    foods_options, TRUE },
  { "import", cmd_import, N_("Import runs from GPX or TCX files"),
    N_("import FILE… [--dry-run [--json]]"), import_options, TRUE },
};

/* A file named on the command line, relative to the caller's folder */
static GFile *
cli_file (Cli        *cli,
          const char *arg)
{
  if (cli->cwd != NULL)
    return g_file_new_for_commandline_arg_and_cwd (arg, cli->cwd);

  return g_file_new_for_commandline_arg (arg);
}

/* Messages */

/* One line, whatever a message from elsewhere holds */
static char *
one_line (const char *message)
{
  g_autoptr(GString) line = g_string_new (message);

  for (gsize i = 0; i < line->len; i++)
    if (line->str[i] == '\n' || line->str[i] == '\r' || line->str[i] == '\t')
      line->str[i] = ' ';

  return g_strstrip (g_string_free (g_steal_pointer (&line), FALSE));
}

static void
say_error_line (Cli        *cli,
                const char *message)
{
  g_autofree char *line = one_line (message);

  g_string_append_printf (cli->err, "fresh-legs: %s\n", line);
}

static int bad_input (Cli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);

static int
bad_input (Cli        *cli,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  say_error_line (cli, message);
  return FL_CLI_BAD_INPUT;
}

static int failed (Cli *cli, const char *format, ...) G_GNUC_PRINTF (2, 3);

static int
failed (Cli        *cli,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  say_error_line (cli, message);
  return FL_CLI_FAILED;
}

static int
bad_value (Cli             *cli,
           const CliOption *option,
           const char      *value)
{
  /* Translators: “%1$s” is what the runner typed, --%2$s the option, and
   * the last part says what the option takes, e.g. “yes or no” */
  return bad_input (cli, _("“%s” is not understood for --%s; it takes %s"),
                    value, option->name, _(option->help));
}

static int
usage_error (Cli              *cli,
             const CliCommand *command,
             const char       *what)
{
  /* Translators: the first %s says what was wrong, the second is a usage
   * line such as “log drink AMOUNT [--at TIME]” */
  return bad_input (cli, _("%s; usage: fresh-legs %s"), what, _(command->synopsis));
}

/* Help */

static void
append_commands_help (GString          *out,
                      const CliCommand *table,
                      gsize             n)
{
  gsize width = 0;

  for (gsize i = 0; i < n; i++)
    if (table[i].handler != NULL)
      width = MAX (width, strlen (table[i].name));

  for (gsize i = 0; i < n; i++)
    if (table[i].handler != NULL)
      g_string_append_printf (out, "  %-*s  %s\n", (int) width, table[i].name, _(table[i].summary));
}

static void
append_command_help (GString          *out,
                     const CliCommand *command)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gsize width = 0;

  g_string_append_printf (out, _("Usage: fresh-legs %s"), _(command->synopsis));
  g_string_append (out, "\n\n");
  g_string_append_printf (out, "%s\n\n", _(command->summary));
  g_string_append_printf (out, "%s\n", _("Options:"));

  for (const CliOption *option = command->options; option->name != NULL; option++)
    {
      char *name;

      if (option->arg != NULL)
        name = g_strdup_printf ("--%s=%s", option->name, _(option->arg));
      else
        name = g_strdup_printf ("--%s", option->name);
      width = MAX (width, (gsize) g_utf8_strlen (name, -1));
      g_ptr_array_add (names, name);
    }
  g_ptr_array_add (names, g_strdup ("-h, --help"));
  width = MAX (width, strlen ("-h, --help"));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *help = i + 1 < names->len ? _(command->options[i].help) : _("show this help");
      gsize pad = width - g_utf8_strlen (name, -1);

      g_string_append_printf (out, "  %s%*s  %s\n", name, (int) pad, "", help);
    }
}

static void
append_main_help (GString *out)
{
  g_string_append_printf (out, "%s\n\n", _("Usage: fresh-legs [COMMAND [OPTION…]]"));
  g_string_append_printf (out, "%s\n\n", _("Without a command, Fresh Legs opens its window."));
  g_string_append_printf (out, "%s\n", _("Commands:"));
  append_commands_help (out, commands, G_N_ELEMENTS (commands));
  g_string_append (out, "\n");
  g_string_append_printf (out, "%s\n", _("“fresh-legs COMMAND --help” shows a command’s options."));
}

static void
append_log_help (GString *out)
{
  g_string_append_printf (out, "%s\n\n", _("Usage: fresh-legs log drink|run|cooldown|iron|ferritin|sleep …"));
  g_string_append_printf (out, "%s\n", _("What to log:"));
  append_commands_help (out, log_commands, G_N_ELEMENTS (log_commands));
  g_string_append (out, "\n");
  for (gsize i = 0; i < G_N_ELEMENTS (log_commands); i++)
    g_string_append_printf (out, "  fresh-legs %s\n", _(log_commands[i].synopsis));
}

static gboolean
is_help (const char *arg)
{
  return g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0 || g_strcmp0 (arg, "-?") == 0;
}

/* Options */

static void
cli_args_clear (CliArgs *args)
{
  for (guint i = 0; i < MAX_OPTIONS; i++)
    g_clear_pointer (&args->values[i], g_free);
  g_clear_pointer (&args->words, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliArgs, cli_args_clear)

/* "-250ml", "-5": a negative number, not a cluster of short options */
static gboolean
looks_negative (const char *arg)
{
  return arg[0] == '-' && (g_ascii_isdigit (arg[1]) || arg[1] == '.');
}

static const CliOption *
find_option (const CliCommand *command,
             const char       *long_name,
             gsize             length)
{
  for (const CliOption *option = command->options; option->name != NULL; option++)
    if (strlen (option->name) == length && strncmp (option->name, long_name, length) == 0)
      return option;
  return NULL;
}

/* GOption would read "-250ml" as the short options -2, -5, -0, …; so the
 * words are found here, with GOption's rules for what an option consumes
 * ("--at 09:30" and "--temp -5" both take the next word), and negative
 * numbers that stand as words are kept from GOption. */
static void
split_words (const CliCommand *command,
             int               argc,
             char            **argv,
             GPtrArray        *words,
             GPtrArray        *for_goption)
{
  gboolean only_words = FALSE;

  g_ptr_array_add (for_goption, g_strdup (argv[0]));

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (only_words)
        {
          g_ptr_array_add (words, g_strdup (arg));
          g_ptr_array_add (for_goption, g_strdup (arg));
        }
      else if (strcmp (arg, "--") == 0)
        {
          only_words = TRUE;
          g_ptr_array_add (for_goption, g_strdup (arg));
        }
      else if (g_str_has_prefix (arg, "--"))
        {
          const char *equals = strchr (arg, '=');
          gsize length = equals != NULL ? (gsize) (equals - arg - 2) : strlen (arg) - 2;
          const CliOption *option = find_option (command, arg + 2, length);

          g_ptr_array_add (for_goption, g_strdup (arg));
          if (option != NULL && option->arg != NULL && equals == NULL && i + 1 < argc)
            g_ptr_array_add (for_goption, g_strdup (argv[++i]));
        }
      else if (looks_negative (arg))
        {
          g_ptr_array_add (words, g_strdup (arg));
        }
      else
        {
          if (arg[0] != '-' || arg[1] == '\0')
            g_ptr_array_add (words, g_strdup (arg));
          g_ptr_array_add (for_goption, g_strdup (arg));
        }
    }
  g_ptr_array_add (for_goption, NULL);
}

/* Parses @argv (argv[0] is the command's name) into @args. Returns -1 to go
 * on, or an exit status: help was printed, or the input was bad. */
static int
parse_options (Cli              *cli,
               const CliCommand *command,
               int               argc,
               char            **argv,
               CliArgs          *args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) for_goption = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_auto(GStrv) rest = NULL;
  g_autoptr(GError) error = NULL;
  guint i = 0;

  args->words = g_ptr_array_new_with_free_func (g_free);

  /* GOption parses copies: it rearranges what it parses, and the caller's
   * argv may belong to a GApplicationCommandLine */
  split_words (command, argc, argv, args->words, for_goption);
  rest = (GStrv) g_ptr_array_steal (for_goption, NULL);

  for (const CliOption *option = command->options; option->name != NULL; option++, i++)
    {
      GOptionEntry entry = { option->name, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL, option->help, option->arg };

      g_assert (i < MAX_OPTIONS);
      if (option->arg != NULL)
        {
          entry.arg = G_OPTION_ARG_STRING;
          entry.arg_data = &args->values[i];
        }
      else
        {
          entry.arg_data = &args->switches[i];
        }
      g_array_append_val (entries, entry);
    }
  {
    /* Our own --help: GOption's would print to stdout and exit() the
     * process, which may be the running app */
    GOptionEntry help = { "help", 'h', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &args->help, NULL, NULL };
    g_array_append_val (entries, help);
  }

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_ignore_unknown_options (context, FALSE);
  g_option_context_add_main_entries (context, (GOptionEntry *) (void *) entries->data, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &rest, &error))
    return usage_error (cli, command, error->message);

  if (args->help)
    {
      append_command_help (cli->out, command);
      return FL_CLI_OK;
    }

  if (!command->takes_words && args->words->len > 0)
    {
      g_autofree char *what = NULL;

      /* Translators: %s is an argument the command does not take */
      what = g_strdup_printf (_("“%s” is more than the command takes"),
                              (const char *) g_ptr_array_index (args->words, 0));
      return usage_error (cli, command, what);
    }

  return -1;
}

/* Numbers */

/* An unsigned decimal with '.' ("8", "8.5", ".5"): no sign, exponent, hex,
 * "inf" or "nan", which g_ascii_strtod() alone would take. */
static gboolean
scan_decimal (const char **p,
              double      *out)
{
  const char *start = *p;
  const char *s = start;
  g_autofree char *number = NULL;
  guint digits = 0;

  while (g_ascii_isdigit (*s))
    s++, digits++;
  if (*s == '.')
    {
      s++;
      while (g_ascii_isdigit (*s))
        s++, digits++;
    }
  if (digits == 0)
    return FALSE;

  number = g_strndup (start, s - start);
  *out = g_ascii_strtod (number, NULL);
  *p = s;
  return isfinite (*out);
}

static const char *
skip_spaces (const char *s)
{
  while (g_ascii_isspace (*s))
    s++;
  return s;
}

typedef struct
{
  const char *name;
  double      factor;
} Unit;

typedef enum {
  QUANTITY_OK,
  QUANTITY_NOT_UNDERSTOOD,
  QUANTITY_NO_UNIT,
  QUANTITY_NEGATIVE,
} QuantityResult;

/* "<number>[ ]<unit>", units case-insensitive; @bare_factor applies when no
 * unit is given (0: a unit is required). */
static QuantityResult
parse_quantity (const char *text,
                const Unit *units,
                gsize       n_units,
                double      bare_factor,
                double     *out)
{
  const char *p = skip_spaces (text);
  g_autofree char *unit = NULL;
  gboolean negative = FALSE;
  double value;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (!scan_decimal (&p, &value))
    return QUANTITY_NOT_UNDERSTOOD;

  unit = g_strstrip (g_strdup (skip_spaces (p)));
  if (*unit == '\0')
    {
      if (bare_factor == 0)
        return negative ? QUANTITY_NEGATIVE : QUANTITY_NO_UNIT;
      *out = value * bare_factor;
      return negative && value > 0 ? QUANTITY_NEGATIVE : QUANTITY_OK;
    }

  for (gsize i = 0; i < n_units; i++)
    if (g_ascii_strcasecmp (unit, units[i].name) == 0)
      {
        *out = value * units[i].factor;
        return negative && value > 0 ? QUANTITY_NEGATIVE : QUANTITY_OK;
      }

  return QUANTITY_NOT_UNDERSTOOD;
}

gboolean
fl_parse_volume_ml (const char  *text,
                    int         *out_ml,
                    GError     **error)
{
  static const Unit units[] = {
    { "ml", 1 },
    { "cl", 10 },
    { "l", 1000 },
  };
  g_autofree char *examples = NULL;
  double ml = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_ml != NULL, FALSE);

  /* Translators: the accepted forms, quoted where a space is part of it */
  examples = g_strdup_printf (_("a drink is %d to %d ml, e.g. 250ml, 0.5l or “330 ml”"),
                              DRINK_MIN_ML, DRINK_MAX_ML);

  switch (parse_quantity (text, units, G_N_ELEMENTS (units), 1, &ml))
    {
    case QUANTITY_OK:
      break;
    case QUANTITY_NEGATIVE:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is less than nothing; %s"), text, examples);
      return FALSE;
    case QUANTITY_NOT_UNDERSTOOD:
    case QUANTITY_NO_UNIT:
    default:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                   _("“%s” is not an amount to drink; %s"), text, examples);
      return FALSE;
    }

  if (ml > DRINK_MAX_ML + 0.5)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is more than one drink can be; %s"), text, examples);
      return FALSE;
    }
  if (round (ml) < DRINK_MIN_ML)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is nothing to drink; %s"), text, examples);
      return FALSE;
    }

  *out_ml = (int) round (ml);
  return TRUE;
}

gboolean
fl_parse_distance_m (const char  *text,
                     double      *out_m,
                     GError     **error)
{
  static const Unit units[] = {
    { "m", 1 },
    { "km", 1000 },
    { "mi", METRES_PER_MILE },
  };
  const char *accepted = _("a distance is a number with m, km or mi, e.g. 8km, 8000m, 8.5 km or 5mi");
  double m = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_m != NULL, FALSE);

  switch (parse_quantity (text, units, G_N_ELEMENTS (units), 0, &m))
    {
    case QUANTITY_OK:
      break;
    case QUANTITY_NEGATIVE:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is less than nothing; %s"), text, accepted);
      return FALSE;
    case QUANTITY_NO_UNIT:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                   _("“%s” has no unit; %s"), text, accepted);
      return FALSE;
    case QUANTITY_NOT_UNDERSTOOD:
    default:
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
                   _("“%s” is not a distance; %s"), text, accepted);
      return FALSE;
    }

  if (m <= 0)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is no distance at all; %s"), text, accepted);
      return FALSE;
    }
  if (m > PARSE_MAX_METRES)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is farther than anyone runs; %s"), text, accepted);
      return FALSE;
    }

  *out_m = m;
  return TRUE;
}

/* A run of 1 to @max_digits digits, exactly @max_digits when @exact */
static gboolean
scan_clock_field (const char **p,
                  guint        max_digits,
                  gboolean     exact,
                  int         *out)
{
  const char *s = *p;
  guint digits = 0;
  int value = 0;

  while (g_ascii_isdigit (*s) && digits < max_digits + 1)
    {
      value = value * 10 + (*s - '0');
      s++, digits++;
    }
  if (digits == 0 || digits > max_digits || (exact && digits != max_digits))
    return FALSE;

  *out = value;
  *p = s;
  return TRUE;
}

gboolean
fl_parse_duration_s (const char  *text,
                     int         *out_s,
                     GError     **error)
{
  const char *accepted = _("a duration is minutes:seconds or hours:minutes:seconds, e.g. 45:00, 80:00 or 1:20:00");
  int fields[3] = { 0, };
  guint n_fields = 0;
  const char *p;
  gint64 seconds;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_s != NULL, FALSE);

  p = skip_spaces (text);
  if (*p == '-')
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is less than nothing; %s"), text, accepted);
      return FALSE;
    }

  /* The first field takes any number of digits (80:00 is 80 minutes); up to
   * seven keep the arithmetic far from overflowing. The fields after a
   * colon are always two digits, as on a watch. */
  for (;;)
    {
      if (!scan_clock_field (&p, n_fields == 0 ? 7 : 2, n_fields > 0, &fields[n_fields]))
        goto not_a_duration;
      n_fields++;
      if (*p != ':' || n_fields == 3)
        break;
      p++;
    }
  if (*skip_spaces (p) != '\0' || n_fields < 2)
    goto not_a_duration;

  for (guint i = 1; i < n_fields; i++)
    if (fields[i] > 59)
      {
        g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                     _("“%s” has more than 59 minutes or seconds after a colon; %s"), text, accepted);
        return FALSE;
      }

  if (n_fields == 2)
    seconds = (gint64) fields[0] * 60 + fields[1];
  else
    seconds = (gint64) fields[0] * 3600 + fields[1] * 60 + fields[2];

  if (seconds == 0)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is no time at all; %s"), text, accepted);
      return FALSE;
    }
  if (seconds > PARSE_MAX_SECONDS)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("“%s” is longer than anyone runs; %s"), text, accepted);
      return FALSE;
    }

  *out_s = (int) seconds;
  return TRUE;

not_a_duration:
  g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE,
               _("“%s” is not a duration; %s"), text, accepted);
  return FALSE;
}

/* A whole number, sign allowed; the range is the record's to check */
static gboolean
parse_int (const char *text,
           int        *out)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* A decimal number with '.', sign allowed, optionally followed by one of
 * @units ("62.5kg", "28 °C") */
static gboolean
parse_number (const char         *text,
              const char * const *units,
              double             *out)
{
  const char *p = skip_spaces (text);
  g_autofree char *unit = NULL;
  double sign = 1;
  double value;

  if (*p == '-')
    {
      sign = -1;
      p++;
    }
  if (!scan_decimal (&p, &value))
    return FALSE;

  unit = g_strstrip (g_strdup (skip_spaces (p)));
  if (*unit != '\0')
    {
      gboolean found = FALSE;

      for (guint i = 0; units != NULL && units[i] != NULL; i++)
        found = found || g_ascii_strcasecmp (units[i], unit) == 0;
      if (!found)
        return FALSE;
    }

  *out = sign * value;
  return TRUE;
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *out)
{
  if (g_ascii_strcasecmp (text, "yes") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0)
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* Time */

/* Now, to the second: stored times carry no fractions */
static GDateTime *
now_local (Cli *cli)
{
  g_autoptr(GDateTime) now = fl_clock_now (cli->clock);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_add (local, -(GTimeSpan) g_date_time_get_microsecond (local));
}

/* "2026-11-27T09:30", "2026-11-27T09:30:00+01:00", "2026-11-27 09:30" or
 * "09:30" (today); without an offset the time is local. */
static GDateTime *
parse_time (Cli        *cli,
            const char *text)
{
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strstrip (g_strdup (text));
  const char *p = iso;
  int hour, minute, second = 0;

  /* A time of day alone: today */
  if (scan_clock_field (&p, 2, FALSE, &hour) && *p == ':' && (p++, scan_clock_field (&p, 2, TRUE, &minute)))
    {
      if (*p == ':')
        {
          p++;
          if (!scan_clock_field (&p, 2, TRUE, &second))
            return NULL;
        }
      if (*p == '\0')
        {
          GDate today;

          if (hour > 23 || minute > 59 || second > 59)
            return NULL;
          fl_clock_today (cli->clock, &today);
          return g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today),
                                        g_date_get_day (&today), hour, minute, second);
        }
    }

  /* GLib wants the seconds and a 'T'; people often leave both out */
  if (strlen (iso) >= 16 && (iso[10] == ' ' || iso[10] == 't'))
    iso[10] = 'T';
  if (strlen (iso) >= 16 && iso[10] == 'T' && iso[13] == ':' &&
      g_ascii_isdigit (iso[14]) && g_ascii_isdigit (iso[15]) && iso[16] != ':')
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", iso, iso + 16);

      g_free (iso);
      iso = g_steal_pointer (&with_seconds);
    }

  parsed = g_date_time_new_from_iso8601 (iso, local_zone);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_local (parsed);
}

/* "2026-11-27" */
static gboolean
parse_date (const char *text,
            GDate      *out)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static gboolean
is_today (Cli       *cli,
          GDateTime *time)
{
  GDate today, date;

  fl_clock_today (cli->clock, &today);
  fl_date_from_date_time (time, &date);
  return g_date_compare (&today, &date) == 0;
}

/* "14:05" today, "2026-11-26 14:05" another day */
static char *
format_when (Cli       *cli,
             GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, is_today (cli, local) ? "%H:%M" : "%Y-%m-%d %H:%M");
}

/* "45:00", "1:20:00" */
static char *
format_duration (int seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}

/* Storing */

static gboolean
save (Cli     *cli,
      GError **error)
{
  /* Inside the running app the store saves each change itself (autosave);
   * what is still unsynced then is what that save could not write. */
  if (!fl_journal_has_unsynced_changes (cli->journal))
    return TRUE;
  return fl_store_save (cli->store, error);
}

/* @record is valid; adds and saves it, or takes it out again */
static int
store_record (Cli      *cli,
              FlRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (record->id);

  if (fl_journal_get_read_only (cli->journal))
    return failed (cli, _("the journal is open read-only, so nothing was logged"));

  if (!fl_journal_add (cli->journal, record, &error))
    {
      if (g_error_matches (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY))
        return failed (cli, _("the journal is open read-only, so nothing was logged"));
      return bad_input (cli, "%s", error->message);
    }

  if (!save (cli, &error))
    {
      /* Taken out again: "nothing was logged" must hold in the running
       * app too, or a retry would log it twice. */
      FlRecord *removed = fl_journal_remove (cli->journal, record->kind, id);

      g_clear_pointer (&removed, fl_record_unref);

      return failed (cli, _("nothing was logged, because the journal could not be saved: %s"),
                     error->message);
    }

  return FL_CLI_OK;
}

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

static int
cmd_profile (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
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
    return usage_error (cli, command, _("“profile” needs at least one option"));

  if (args.values[PROFILE_SEX] != NULL)
    {
      const char *value = args.values[PROFILE_SEX];

      if (g_ascii_strcasecmp (value, fl_sex_to_string (FL_SEX_FEMALE)) == 0)
        profile.sex = FL_SEX_FEMALE;
      else if (g_ascii_strcasecmp (value, fl_sex_to_string (FL_SEX_MALE)) == 0)
        profile.sex = FL_SEX_MALE;
      else
        return bad_value (cli, &profile_options[PROFILE_SEX], value);
    }
  /* 0 is how the profile says "not given", so it is no year or weight here */
  if (args.values[PROFILE_BIRTH_YEAR] != NULL &&
      (!parse_int (args.values[PROFILE_BIRTH_YEAR], &profile.birth_year) || profile.birth_year == 0))
    return bad_value (cli, &profile_options[PROFILE_BIRTH_YEAR], args.values[PROFILE_BIRTH_YEAR]);
  if (args.values[PROFILE_WEIGHT] != NULL)
    {
      static const char * const kg[] = { "kg", NULL };

      if (!parse_number (args.values[PROFILE_WEIGHT], kg, &profile.weight_kg) || profile.weight_kg == 0)
        return bad_value (cli, &profile_options[PROFILE_WEIGHT], args.values[PROFILE_WEIGHT]);
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
        return bad_value (cli, &profile_options[PROFILE_DIET], value);
    }
  if (args.values[PROFILE_HEAVY_PERIODS] != NULL &&
      !parse_yes_no (args.values[PROFILE_HEAVY_PERIODS], &profile.heavy_periods))
    return bad_value (cli, &profile_options[PROFILE_HEAVY_PERIODS], args.values[PROFILE_HEAVY_PERIODS]);
  if (args.values[PROFILE_PREGNANT] != NULL &&
      !parse_yes_no (args.values[PROFILE_PREGNANT], &profile.pregnant))
    return bad_value (cli, &profile_options[PROFILE_PREGNANT], args.values[PROFILE_PREGNANT]);

  profile.is_set = TRUE;

  now = now_local (cli);
  if (!fl_profile_validate (&profile, g_date_time_get_year (now), &error))
    return bad_input (cli, "%s", error->message);

  if (fl_journal_get_read_only (cli->journal))
    return failed (cli, _("the journal is open read-only, so the profile was not changed"));

  if (!fl_journal_set_profile (cli->journal, &profile, &error))
    {
      if (g_error_matches (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY))
        return failed (cli, _("the journal is open read-only, so the profile was not changed"));
      return bad_input (cli, "%s", error->message);
    }
  /* Unlike a record, the profile stays changed in memory: setting it again
   * is harmless, and the journal has no way back to "never set" */
  if (!save (cli, &error))
    return failed (cli, _("the profile could not be saved: %s"), error->message);

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

static int
cmd_log_drink (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return usage_error (cli, command, _("“log drink” needs an amount"));

  /* "330 ml" arrives as one word when quoted, as two when not */
  g_ptr_array_add (args.words, NULL);
  amount = g_strjoinv (" ", (char **) args.words->pdata);
  if (!fl_parse_volume_ml (amount, &ml, &error))
    return bad_input (cli, "%s", error->message);

  now = now_local (cli);
  if (args.values[DRINK_AT] != NULL)
    {
      time = parse_time (cli, args.values[DRINK_AT]);
      if (time == NULL)
        return bad_value (cli, &drink_options[DRINK_AT], args.values[DRINK_AT]);
      if (g_date_time_compare (time, now) > 0)
        return bad_input (cli, _("“%s” is in the future; --at takes %s"),
                          args.values[DRINK_AT], _(drink_options[DRINK_AT].help));
    }
  else
    {
      time = g_date_time_ref (now);
    }

  record = fl_drink_new (time, ml);
  if (!fl_record_validate (record, &error))
    return bad_input (cli, "%s", error->message);

  if ((status = store_record (cli, record)) != FL_CLI_OK)
    return status;

  fl_date_from_date_time (time, &date);
  fl_hydration_day_init (&day, cli->journal, &date);
  drunk = fl_format_volume (ml);
  drunk_total = fl_format_volume (day.drunk_ml);
  goal = fl_format_volume (day.goal_ml);
  when = format_when (cli, time);
  if (is_today (cli, time))
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

static int
cmd_log_run (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[RUN_DISTANCE] == NULL)
    return usage_error (cli, command, _("“log run” needs --distance"));
  if (args.values[RUN_DURATION] == NULL)
    return usage_error (cli, command, _("“log run” needs --duration"));

  if (!fl_parse_distance_m (args.values[RUN_DISTANCE], &distance_m, &error))
    return bad_input (cli, "%s", error->message);
  if (!fl_parse_duration_s (args.values[RUN_DURATION], &duration_s, &error))
    return bad_input (cli, "%s", error->message);
  /* The record keeps -1 and 0 for "not given", which a runner who gives
   * the option cannot mean; every other value is the record's to judge */
  if (args.values[RUN_RPE] != NULL && (!parse_int (args.values[RUN_RPE], &rpe) || rpe == -1))
    return bad_value (cli, &run_options[RUN_RPE], args.values[RUN_RPE]);
  if (args.values[RUN_AVG_HR] != NULL && (!parse_int (args.values[RUN_AVG_HR], &avg_hr) || avg_hr == 0))
    return bad_value (cli, &run_options[RUN_AVG_HR], args.values[RUN_AVG_HR]);
  if (args.values[RUN_CADENCE] != NULL && (!parse_int (args.values[RUN_CADENCE], &cadence) || cadence == 0))
    return bad_value (cli, &run_options[RUN_CADENCE], args.values[RUN_CADENCE]);
  if (args.values[RUN_TEMP] != NULL)
    {
      static const char * const celsius[] = { "°C", "C", NULL };

      if (!parse_number (args.values[RUN_TEMP], celsius, &temperature))
        return bad_value (cli, &run_options[RUN_TEMP], args.values[RUN_TEMP]);
    }

  now = now_local (cli);
  if (args.values[RUN_START] != NULL)
    {
      start = parse_time (cli, args.values[RUN_START]);
      if (start == NULL)
        return bad_value (cli, &run_options[RUN_START], args.values[RUN_START]);
      if (g_date_time_compare (start, now) > 0)
        return bad_input (cli, _("“%s” is in the future; --start takes %s"),
                          args.values[RUN_START], _(run_options[RUN_START].help));
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
    return bad_input (cli, "%s", error->message);

  if ((status = store_record (cli, record)) != FL_CLI_OK)
    return status;

  fl_date_from_date_time (start, &date);
  fl_hydration_day_init (&day, cli->journal, &date);
  goal = fl_format_volume (day.goal_ml);
  fl_hydration_day_clear (&day);
  when = format_when (cli, start);
  duration = format_duration (duration_s);

  if (is_today (cli, start))
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
static FlRoutine *
lookup_routine (Cli        *cli,
                const char *name,
                int        *out_status)
{
  g_autoptr(GError) error = NULL;
  FlRoutine *routine = fl_routine_lookup (name, &error);

  if (routine == NULL)
    /* Translators: the first %s is “There is no routine called “x”.” */
    *out_status = bad_input (cli, _("%s See “fresh-legs routine --list”; a routine is named like post-run-10"),
                             error->message);
  return routine;
}

static int
cmd_log_cooldown (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  routine = lookup_routine (cli, args.values[COOLDOWN_ROUTINE] ? args.values[COOLDOWN_ROUTINE] : FL_ROUTINE_DEFAULT,
                            &status);
  if (routine == NULL)
    return status;
  n_holds = fl_routine_get_n_holds (routine);

  steps_done = (int) n_holds;
  if (args.values[COOLDOWN_STEPS_DONE] != NULL &&
      (!parse_int (args.values[COOLDOWN_STEPS_DONE], &steps_done) || steps_done < 1 || (guint) steps_done > n_holds))
    /* Translators: “"20" is not understood for --steps-done; “post-run-10” has 1 to 17 stretches to hold” */
    return bad_input (cli, _("“%s” is not understood for --steps-done; “%s” has 1 to %u stretches to hold"),
                      args.values[COOLDOWN_STEPS_DONE], fl_routine_get_name (routine), n_holds);

  /* As long as the routine takes to the end of the last hold done */
  seconds = fl_routine_get_seconds_for_holds (routine, steps_done);

  now = now_local (cli);
  if (args.values[COOLDOWN_AT] != NULL)
    {
      start = parse_time (cli, args.values[COOLDOWN_AT]);
      if (start == NULL)
        return bad_value (cli, &cooldown_options[COOLDOWN_AT], args.values[COOLDOWN_AT]);
      if (g_date_time_compare (start, now) > 0)
        return bad_input (cli, _("“%s” is in the future; --at takes %s"),
                          args.values[COOLDOWN_AT], _(cooldown_options[COOLDOWN_AT].help));
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
    return bad_input (cli, "%s", error->message);

  if ((status = store_record (cli, record)) != FL_CLI_OK)
    return status;

  when = format_when (cli, start);
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
  g_autoptr(GFile) file = cli_file (cli, path);
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
      return bad_input (cli, _("%s: %s; nothing was imported"), path, message);
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

static int
cmd_routine (Cli              *cli,
             const CliCommand *command,
             int               argc,
             char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(FlRoutine) routine = NULL;
  const char *name = FL_ROUTINE_DEFAULT;
  int status;

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[ROUTINE_IMPORT] != NULL)
    {
      if (args.words->len > 0 || args.switches[ROUTINE_LIST] || args.switches[ROUTINE_JSON])
        return usage_error (cli, command, _("“routine --import” takes one file and nothing else"));
      return import_routine (cli, args.values[ROUTINE_IMPORT]);
    }

  if (args.switches[ROUTINE_LIST])
    {
      if (args.words->len > 0)
        return usage_error (cli, command, _("“routine --list” takes no name"));
      list_routines (cli, args.switches[ROUTINE_JSON]);
      return FL_CLI_OK;
    }

  if (args.words->len > 1)
    {
      g_autofree char *what = NULL;

      /* Translators: %s is an argument the command does not take */
      what = g_strdup_printf (_("“%s” is more than the command takes"),
                              (const char *) g_ptr_array_index (args.words, 1));
      return usage_error (cli, command, what);
    }
  if (args.words->len == 1)
    name = g_ptr_array_index (args.words, 0);

  routine = lookup_routine (cli, name, &status);
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

static int
cmd_log_sleep (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return usage_error (cli, command, _("“log sleep” needs the bed and wake time, e.g. 23:10-06:40"));

  /* "23:10 - 06:40" arrives as three words when not quoted */
  g_ptr_array_add (args.words, NULL);
  range = g_strjoinv ("", (char **) args.words->pdata);
  if (!fl_sleep_parse_range (range, &bed_min, &wake_min, &error))
    return bad_input (cli, "%s", error->message);

  if (args.values[SLEEP_DATE] != NULL)
    {
      if (!parse_date (args.values[SLEEP_DATE], &date))
        return bad_value (cli, &sleep_options[SLEEP_DATE], args.values[SLEEP_DATE]);
    }
  else
    {
      fl_clock_today (cli->clock, &date);
    }

  nap = args.switches[SLEEP_NAP];
  record = fl_sleep_record_new (&date, bed_min, wake_min, nap, &error);
  if (record == NULL)
    return bad_input (cli, "%s", error->message);

  now = now_local (cli);
  if (g_date_time_compare (FL_SLEEP (record)->end, now) > 0)
    {
      g_autofree char *end = format_when (cli, FL_SLEEP (record)->end);

      /* Translators: %s is a time, "07:40" or "2026-11-28 07:40" */
      return bad_input (cli, _("that sleep ends at %s, which is in the future; log it once you are up"), end);
    }

  /* The record's own limits (24 h), then the sleep rules: 16 h, no overlap */
  if (!fl_record_validate (record, &error) ||
      !fl_sleep_check (cli->journal, record, &error))
    return bad_input (cli, "%s", error->message);

  if ((status = store_record (cli, record)) != FL_CLI_OK)
    return status;

  slept = fl_format_sleep_minutes ((int) (g_date_time_difference (FL_SLEEP (record)->end,
                                                                  record->time) / G_TIME_SPAN_MINUTE));
  when = format_when (cli, record->time);
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

static int
cmd_log (Cli              *cli,
         const CliCommand *command,
         int               argc,
         char            **argv)
{
  g_autofree char *what = NULL;

  if (argc < 2)
    return usage_error (cli, command, _("“log” needs what to log: drink, run, cooldown, iron, ferritin or sleep"));

  if (is_help (argv[1]))
    {
      append_log_help (cli->out);
      return FL_CLI_OK;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (log_commands); i++)
    if (strcmp (argv[1], log_commands[i].name) == 0)
      return log_commands[i].handler (cli, &log_commands[i], argc - 1, argv + 1);

  /* Translators: %s is what the runner typed after “log” */
  what = g_strdup_printf (_("“%s” is not something to log"), argv[1]);
  return usage_error (cli, command, what);
}

static int
cmd_today (Cli              *cli,
           const CliCommand *command,
           int               argc,
           char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  GDate date;
  int status;

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[TODAY_DATE] != NULL)
    {
      if (!parse_date (args.values[TODAY_DATE], &date))
        return bad_value (cli, &today_options[TODAY_DATE], args.values[TODAY_DATE]);
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
static int
cmd_import (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return usage_error (cli, command, _("“import” needs one or more GPX or TCX files"));
  if (args.switches[IMPORT_JSON] && !args.switches[IMPORT_DRY_RUN])
    return usage_error (cli, command, _("--json goes with --dry-run"));
  if (!args.switches[IMPORT_DRY_RUN] && fl_journal_get_read_only (cli->journal))
    return failed (cli, _("the journal is open read-only, so nothing was imported"));

  for (guint i = 0; i < args.words->len; i++)
    {
      const char *name = g_ptr_array_index (args.words, i);
      g_autoptr(GFile) file = cli_file (cli, name);
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

              say_error_line (cli, line);
            }
          else
            say_error_line (cli, file_error->message);
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

                say_error_line (cli, line);
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

  if (added->len > 0 && !save (cli, &error))
    {
      /* Taken out again, so that a retry does not import them twice */
      for (guint i = 0; i < added->len; i++)
        {
          FlRecord *run = g_ptr_array_index (added, i);
          FlRecord *removed = fl_journal_remove (cli->journal, FL_RECORD_RUN, run->id);

          g_clear_pointer (&removed, fl_record_unref);
        }
      return failed (cli, _("nothing was imported, because the journal could not be saved: %s"), error->message);
    }

  return any_failed ? FL_CLI_BAD_INPUT : FL_CLI_OK;
}

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
      *out_status = failed (cli, "%s", error->message);
      return NULL;
    }
  if (fl_foods_get_notice (foods) != NULL)
    say_error_line (cli, fl_foods_get_notice (foods));
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
        if (length > 0 && !parse_number (copy, NULL, &whole))
          return FALSE;
        *out = whole + fractions[i].value;
        return TRUE;
      }

  if (slash != NULL)
    {
      g_autofree char *numerator = g_strndup (copy, slash - copy);
      double n, d;

      if (!parse_number (numerator, NULL, &n) || !parse_number (slash + 1, NULL, &d) || d <= 0)
        return FALSE;
      *out = n / d;
      return TRUE;
    }

  return parse_number (copy, NULL, out);
}

static int
cmd_log_iron (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return usage_error (cli, command, _("“log iron” needs a food, e.g. lentils"));

  if (args.values[IRON_PORTIONS] != NULL &&
      (!parse_portions (args.values[IRON_PORTIONS], &portions) || !(portions > 0 && portions <= 20)))
    return bad_value (cli, &iron_options[IRON_PORTIONS], args.values[IRON_PORTIONS]);

  now = now_local (cli);
  if (args.values[IRON_AT] != NULL)
    {
      time = parse_time (cli, args.values[IRON_AT]);
      if (time == NULL)
        return bad_value (cli, &iron_options[IRON_AT], args.values[IRON_AT]);
      if (g_date_time_compare (time, now) > 0)
        return bad_input (cli, _("“%s” is in the future; --at takes %s"),
                          args.values[IRON_AT], _(iron_options[IRON_AT].help));
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
    return bad_input (cli, "%s", error->message);

  record = fl_iron_intake_new (food, portions, time);
  intake = FL_IRON_INTAKE (record);
  if (!fl_record_validate (record, &error))
    return bad_input (cli, "%s", error->message);

  if ((status = store_record (cli, record)) != FL_CLI_OK)
    return status;

  fl_date_from_date_time (time, &date);
  fl_iron_day_init (&day, cli->journal, &date);
  how_much = fl_iron_format_portions (portions, food->portion);
  mg = fl_format_iron_mg (intake->mg);
  day_mg = fl_format_iron_mg (day.today_mg);
  target = fl_format_iron_mg (day.target_mg);
  when = format_when (cli, time);
  if (is_today (cli, time))
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

static int
cmd_log_ferritin (Cli              *cli,
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

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.words->len == 0)
    return usage_error (cli, command, _("“log ferritin” needs the result in µg/L, e.g. 24"));

  /* "24 µg/L" arrives as two words when not quoted */
  g_ptr_array_add (args.words, NULL);
  value = g_strjoinv (" ", (char **) args.words->pdata);
  if (!parse_number (value, units, &ug_per_l))
    /* Translators: %s is what was typed */
    return bad_input (cli, _("“%s” is not a ferritin result; give it in µg/L (the same as ng/mL), e.g. 24"), value);

  fl_clock_today (cli->clock, &today);
  date = today;
  if (args.values[FERRITIN_DATE] != NULL)
    {
      if (!parse_date (args.values[FERRITIN_DATE], &date))
        return bad_value (cli, &ferritin_options[FERRITIN_DATE], args.values[FERRITIN_DATE]);
      if (g_date_compare (&date, &today) > 0)
        return bad_input (cli, _("“%s” is in the future; --date takes %s"),
                          args.values[FERRITIN_DATE], _(ferritin_options[FERRITIN_DATE].help));
    }

  midnight = fl_date_to_local_midnight (&date);
  record = fl_record_new (FL_RECORD_FERRITIN, midnight);
  FL_FERRITIN (record)->ug_per_l = ug_per_l;
  if (!fl_record_validate (record, &error))
    return bad_input (cli, "%s", error->message);

  if ((status = store_record (cli, record)) != FL_CLI_OK)
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
    return bad_input (cli, _("“foods --add NAME” also needs --portion, --grams and --mg; "
                             "e.g. foods --add \"Lentil soup\" --portion \"1 bowl\" --grams 300 --mg 4.5"));
  if (!parse_number (args->values[FOODS_GRAMS], grams, &food.grams))
    return bad_value (cli, &foods_options[FOODS_GRAMS], args->values[FOODS_GRAMS]);
  if (!parse_number (args->values[FOODS_MG], mg, &food.mg))
    return bad_value (cli, &foods_options[FOODS_MG], args->values[FOODS_MG]);

  food.name = args->values[FOODS_ADD];
  food.portion = args->values[FOODS_PORTION];
  food.heme = args->switches[FOODS_HEME];
  food.vitamin_c = args->switches[FOODS_VITAMIN_C];

  added = fl_foods_add_own (foods, &food, own, &error);
  if (added == NULL)
    {
      if (g_error_matches (error, FL_FOODS_ERROR, FL_FOODS_ERROR_IO))
        return failed (cli, "%s", error->message);
      return bad_input (cli, "%s", error->message);
    }

  /* Translators: then the food's line: “own-lentil-soup  Lentil soup — 1 bowl (300 g): 4.5 mg” */
  g_string_append_printf (cli->out, "%s\n", _("Added your own food:"));
  append_food_line (cli->out, added);
  return FL_CLI_OK;
}

static int
cmd_foods (Cli              *cli,
           const CliCommand *command,
           int               argc,
           char            **argv)
{
  g_auto(CliArgs) args = { 0, };
  g_autoptr(FlFoods) foods = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *search = NULL;
  int status;

  if ((status = parse_options (cli, command, argc, argv, &args)) >= 0)
    return status;

  if (args.values[FOODS_ADD] == NULL &&
      (args.values[FOODS_PORTION] != NULL || args.values[FOODS_GRAMS] != NULL || args.values[FOODS_MG] != NULL ||
       args.switches[FOODS_HEME] || args.switches[FOODS_VITAMIN_C]))
    return usage_error (cli, command, _("--portion, --grams, --mg, --heme and --vitamin-c go with --add NAME"));

  if ((foods = load_foods (cli, &status)) == NULL)
    return status;

  if (args.values[FOODS_ADD] != NULL)
    {
      if (args.words->len > 0 || args.values[FOODS_SEARCH] != NULL)
        return usage_error (cli, command, _("“foods --add” takes no search"));
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

static const CliCommand *
find_command (const char *name)
{
  if (name == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (name, commands[i].name) == 0)
      return &commands[i];
  return NULL;
}

static char *
list_commands (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (commands[i].handler != NULL)
      g_ptr_array_add (names, (gpointer) commands[i].name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

gboolean
fl_cli_is_command (int    argc,
                   char **argv)
{
  /* --help too: the list of commands is printed here, without a display */
  return argc >= 2 && argv != NULL && (find_command (argv[1]) != NULL || is_help (argv[1]));
}

int
fl_cli_run (FlStore  *store,
            FlClock  *clock,
            int       argc,
            char    **argv,
            GString  *out,
            GString  *err)
{
  return fl_cli_run_in (store, clock, NULL, argc, argv, out, err);
}

int
fl_cli_run_in (FlStore    *store,
               FlClock    *clock,
               const char *cwd,
               int         argc,
               char      **argv,
               GString    *out,
               GString    *err)
{
  Cli cli = { store, clock, NULL, out, err, cwd };
  const CliCommand *command;
  const char *notice;
  g_autofree char *names = NULL;

  g_return_val_if_fail (FL_IS_STORE (store), FL_CLI_FAILED);
  g_return_val_if_fail (FL_IS_CLOCK (clock), FL_CLI_FAILED);
  g_return_val_if_fail (out != NULL && err != NULL, FL_CLI_FAILED);

  cli.journal = fl_store_get_journal (store);

  if (argc >= 2 && is_help (argv[1]))
    {
      append_main_help (out);
      return FL_CLI_OK;
    }

  /* A damaged file moved aside or a newer version: said before anything
   * else, so that no output hides it */
  notice = fl_store_get_notice (store);
  if (notice != NULL)
    {
      g_autofree char *line = one_line (notice);

      g_string_append_printf (err, "%s\n", line);
    }

  names = list_commands ();
  if (argc < 2)
    /* Translators: %s lists the commands: “profile, log, today” */
    return bad_input (&cli, _("no command given; commands are %s (see fresh-legs --help)"), names);

  command = find_command (argv[1]);
  if (command == NULL)
    return bad_input (&cli, _("“%s” is not a command; commands are %s (see fresh-legs --help)"),
                      argv[1], names);

  return command->handler (&cli, command, argc - 1, argv + 1);
}
