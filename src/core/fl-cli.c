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
#include <string.h>

#include "fl-cli.h"
#include "fl-cli-private.h"

/* The commands are in fl-cli-log.c, fl-cli-iron.c and fl-cli-commands.c;
 * `log` itself only picks one of log_commands. */
static int cmd_log (Cli *cli, const CliCommand *command, int argc, char **argv);

static const CliOption no_options[] = {
  { NULL }
};

/* What `fresh-legs log` can log */
static const CliCommand log_commands[] = {
  { "drink", fl_cli_cmd_log_drink, N_("Log a drink"),
    N_("log drink AMOUNT [--at TIME]"), fl_cli_drink_options, TRUE },
  { "run", fl_cli_cmd_log_run, N_("Log a run"),
    N_("log run --distance 8km --duration 45:00 [--start TIME] [--rpe 0-10] [--temp °C] [--avg-hr BPM] [--cadence SPM]"),
    fl_cli_run_options, FALSE },
  { "cooldown", fl_cli_cmd_log_cooldown, N_("Log a cool-down done without the app’s timer"),
    N_("log cooldown [--at TIME] [--steps-done N] [--routine NAME]"), fl_cli_cooldown_options, FALSE },
  { "iron", fl_cli_cmd_log_iron, N_("Log a food for its iron"),
    N_("log iron FOOD [--portions N] [--at TIME], e.g. log iron lentils --portions 2"), fl_cli_iron_options, TRUE },
  { "ferritin", fl_cli_cmd_log_ferritin, N_("Log a ferritin result from a blood test"),
    N_("log ferritin µg/L [--date YYYY-MM-DD], e.g. log ferritin 24"), fl_cli_ferritin_options, TRUE },
  { "sleep", fl_cli_cmd_log_sleep, N_("Log a night’s sleep or a nap"),
    N_("log sleep BED-WAKE [--date YYYY-MM-DD] [--nap], e.g. log sleep 23:10-06:40"), fl_cli_sleep_options, TRUE },
};

/* The commands, one table for fl_cli_is_command(), fl_cli_run() and --help. */
static const CliCommand commands[] = {
  { "profile", fl_cli_cmd_profile, N_("Set who you are: sex, birth year, weight and diet"),
    N_("profile [--sex female|male] [--birth-year YYYY] [--weight-kg N] [--diet omnivore|vegetarian|vegan] "
       "[--heavy-periods yes|no] [--pregnant yes|no]"),
    fl_cli_profile_options, FALSE },
  { "log", cmd_log, N_("Log a drink, a run, a cool-down, iron, a ferritin result or sleep"),
    N_("log drink|run|cooldown|iron|ferritin|sleep …"), no_options, TRUE },
  { "today", fl_cli_cmd_today, N_("Show a day’s figures, as sentences or JSON"),
    N_("today [--date YYYY-MM-DD] [--json]"), fl_cli_today_options, FALSE },
  { "routine", fl_cli_cmd_routine, N_("Show a cool-down routine’s steps, list the routines, or import one of your own"),
    N_("routine [NAME] [--json] | routine --list [--json] | routine --import FILE"), fl_cli_routine_options, TRUE },
  { "foods", fl_cli_cmd_foods, N_("List or search the iron food table, or add a food of your own"),
    N_("foods [WORD…] [--search WORD] [--json] | foods --add NAME --portion WORDS --grams G --mg MG [--heme] [--vitamin-c]"),
    fl_cli_foods_options, TRUE },
  { "import", fl_cli_cmd_import, N_("Import runs from GPX or TCX files"),
    N_("import FILE… [--dry-run [--json]]"), fl_cli_import_options, TRUE },
};

/* A file named on the command line, relative to the caller's folder */
GFile *
fl_cli_file (Cli        *cli,
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

void
fl_cli_say_error_line (Cli        *cli,
                       const char *message)
{
  g_autofree char *line = one_line (message);

  g_string_append_printf (cli->err, "fresh-legs: %s\n", line);
}

int
fl_cli_bad_input (Cli        *cli,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fl_cli_say_error_line (cli, message);
  return FL_CLI_BAD_INPUT;
}

int
fl_cli_failed (Cli        *cli,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fl_cli_say_error_line (cli, message);
  return FL_CLI_FAILED;
}

int
fl_cli_bad_value (Cli             *cli,
                  const CliOption *option,
                  const char      *value)
{
  /* Translators: “%1$s” is what the runner typed, --%2$s the option, and
   * the last part says what the option takes, e.g. “yes or no” */
  return fl_cli_bad_input (cli, _("“%s” is not understood for --%s; it takes %s"),
                           value, option->name, _(option->help));
}

int
fl_cli_usage_error (Cli              *cli,
                    const CliCommand *command,
                    const char       *what)
{
  /* Translators: the first %s says what was wrong, the second is a usage
   * line such as “log drink AMOUNT [--at TIME]” */
  return fl_cli_bad_input (cli, _("%s; usage: fresh-legs %s"), what, _(command->synopsis));
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

void
fl_cli_args_clear (CliArgs *args)
{
  for (guint i = 0; i < MAX_OPTIONS; i++)
    g_clear_pointer (&args->values[i], g_free);
  g_clear_pointer (&args->words, g_ptr_array_unref);
}

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
int
fl_cli_parse_options (Cli              *cli,
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
    return fl_cli_usage_error (cli, command, error->message);

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
      return fl_cli_usage_error (cli, command, what);
    }

  return -1;
}

/* Storing */

gboolean
fl_cli_save (Cli     *cli,
             GError **error)
{
  /* Inside the running app the store saves each change itself (autosave);
   * what is still unsynced then is what that save could not write. */
  if (!fl_journal_has_unsynced_changes (cli->journal))
    return TRUE;
  return fl_store_save (cli->store, error);
}

/* @record is valid; adds and saves it, or takes it out again */
int
fl_cli_store_record (Cli      *cli,
                     FlRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (record->id);

  if (fl_journal_get_read_only (cli->journal))
    return fl_cli_failed (cli, _("the journal is open read-only, so nothing was logged"));

  if (!fl_journal_add (cli->journal, record, &error))
    {
      if (g_error_matches (error, FL_JOURNAL_ERROR, FL_JOURNAL_ERROR_READ_ONLY))
        return fl_cli_failed (cli, _("the journal is open read-only, so nothing was logged"));
      return fl_cli_bad_input (cli, "%s", error->message);
    }

  if (!fl_cli_save (cli, &error))
    {
      /* Taken out again: "nothing was logged" must hold in the running
       * app too, or a retry would log it twice. */
      FlRecord *removed = fl_journal_remove (cli->journal, record->kind, id);

      g_clear_pointer (&removed, fl_record_unref);

      return fl_cli_failed (cli, _("nothing was logged, because the journal could not be saved: %s"),
                            error->message);
    }

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
    return fl_cli_usage_error (cli, command, _("“log” needs what to log: drink, run, cooldown, iron, ferritin or sleep"));

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
  return fl_cli_usage_error (cli, command, what);
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
    return fl_cli_bad_input (&cli, _("no command given; commands are %s (see fresh-legs --help)"), names);

  command = find_command (argv[1]);
  if (command == NULL)
    return fl_cli_bad_input (&cli, _("“%s” is not a command; commands are %s (see fresh-legs --help)"),
                             argv[1], names);

  return command->handler (&cli, command, argc - 1, argv + 1);
}
