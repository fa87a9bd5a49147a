/* fl-cli-private.h: what the files of the command line share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fl-cli.c holds the command table, the dispatch, the help and the helpers
 * every command uses; fl-cli-parse.c reads numbers, times and dates;
 * fl-cli-log.c, fl-cli-iron.c and fl-cli-commands.c hold the commands. Not
 * API: fl-cli.h is.
 */
#pragma once

#include <gio/gio.h>

#include "fl-cli.h"
#include "fl-routine.h"

G_BEGIN_DECLS

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

void     fl_cli_args_clear     (CliArgs          *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliArgs, fl_cli_args_clear)

/* The commands: fl-cli-log.c */
int fl_cli_cmd_log_drink    (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_log_run      (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_log_cooldown (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_log_sleep    (Cli *cli, const CliCommand *command, int argc, char **argv);
/* fl-cli-iron.c */
int fl_cli_cmd_log_iron     (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_log_ferritin (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_foods        (Cli *cli, const CliCommand *command, int argc, char **argv);
/* fl-cli-commands.c */
int fl_cli_cmd_profile      (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_today        (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_routine      (Cli *cli, const CliCommand *command, int argc, char **argv);
int fl_cli_cmd_import       (Cli *cli, const CliCommand *command, int argc, char **argv);

/* Their options, each beside the command that reads them and indexed by
 * that file's enum; terminated by a NULL name */
extern const CliOption fl_cli_drink_options[];
extern const CliOption fl_cli_run_options[];
extern const CliOption fl_cli_cooldown_options[];
extern const CliOption fl_cli_sleep_options[];
extern const CliOption fl_cli_iron_options[];
extern const CliOption fl_cli_ferritin_options[];
extern const CliOption fl_cli_foods_options[];
extern const CliOption fl_cli_profile_options[];
extern const CliOption fl_cli_today_options[];
extern const CliOption fl_cli_routine_options[];
extern const CliOption fl_cli_import_options[];

/* fl-cli.c: files, messages, options and storing */
GFile   *fl_cli_file           (Cli              *cli,
                                const char       *arg);
void     fl_cli_say_error_line (Cli              *cli,
                                const char       *message);
int      fl_cli_bad_input      (Cli              *cli,
                                const char       *format,
                                ...) G_GNUC_PRINTF (2, 3);
int      fl_cli_failed         (Cli              *cli,
                                const char       *format,
                                ...) G_GNUC_PRINTF (2, 3);
int      fl_cli_bad_value      (Cli              *cli,
                                const CliOption  *option,
                                const char       *value);
int      fl_cli_usage_error    (Cli              *cli,
                                const CliCommand *command,
                                const char       *what);
int      fl_cli_parse_options  (Cli              *cli,
                                const CliCommand *command,
                                int               argc,
                                char            **argv,
                                CliArgs          *args);
gboolean fl_cli_save           (Cli              *cli,
                                GError          **error);
int      fl_cli_store_record   (Cli              *cli,
                                FlRecord         *record);

/* fl-cli-parse.c: numbers, times and dates */
gboolean   fl_cli_parse_int       (const char         *text,
                                   int                *out);
gboolean   fl_cli_parse_number    (const char         *text,
                                   const char * const *units,
                                   double             *out);
gboolean   fl_cli_parse_yes_no    (const char         *text,
                                   gboolean           *out);
GDateTime *fl_cli_now_local       (Cli                *cli);
GDateTime *fl_cli_parse_time      (Cli                *cli,
                                   const char         *text);
gboolean   fl_cli_parse_date      (const char         *text,
                                   GDate              *out);
gboolean   fl_cli_is_today        (Cli                *cli,
                                   GDateTime          *time);
char      *fl_cli_format_when     (Cli                *cli,
                                   GDateTime          *time);
char      *fl_cli_format_duration (int                 seconds);

/* fl-cli-log.c: also for `routine NAME` */
FlRoutine *fl_cli_lookup_routine  (Cli                *cli,
                                   const char         *name,
                                   int                *out_status);

G_END_DECLS
