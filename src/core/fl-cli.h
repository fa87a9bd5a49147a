/* fl-cli.h: the command line, `fresh-legs log drink 250ml` and friends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "fl-clock.h"
#include "fl-store.h"

G_BEGIN_DECLS

/* Exit statuses */
#define FL_CLI_OK          0
#define FL_CLI_FAILED      1        /* the journal could not be saved, or is read-only */
#define FL_CLI_BAD_INPUT   2        /* one line on stderr says what was wrong and what is accepted */

/* TRUE if argv[1] names a command (log, profile, today, …), so that main()
 * can run it without starting the window. */
gboolean fl_cli_is_command (int          argc,
                            char       **argv);

/* Runs one command against @store's journal, saving what it changes. Output
 * goes to @out and @err (the caller prints them: locally, or through the
 * GApplicationCommandLine of the running instance). Nothing is stored on bad
 * input. Returns an exit status. argv[0] is the program name. */
int      fl_cli_run        (FlStore     *store,
                            FlClock     *clock,
                            int          argc,
                            char       **argv,
                            GString     *out,
                            GString     *err);

/* The same, with file names relative to @cwd (NULL: this process's folder):
 * a command forwarded to the running instance names files relative to the
 * folder it was typed in, not the instance's. */
int      fl_cli_run_in     (FlStore     *store,
                            FlClock     *clock,
                            const char  *cwd,
                            int          argc,
                            char       **argv,
                            GString     *out,
                            GString     *err);

/* Parsers, shared with the window's entry fields: "250ml", "0.5l", "330 ml" */
gboolean fl_parse_volume_ml   (const char *text,
                               int        *out_ml,
                               GError    **error);
/* "8km", "8000m", "5mi", "8.5 km" */
gboolean fl_parse_distance_m  (const char *text,
                               double     *out_m,
                               GError    **error);
/* "45:00", "80:00", "1:20:00" */
gboolean fl_parse_duration_s  (const char *text,
                               int        *out_s,
                               GError    **error);

G_END_DECLS
