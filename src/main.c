/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "fl-application.h"
#include "fl-cli.h"
#include "fl-system-clock.h"

/* A command (`fresh-legs log drink 250ml`) goes to the running instance when
 * there is one, so the window updates at once; with none, it works on the
 * journal here, without a display: over SSH, from cron or a status bar. */
static int
run_command (int    argc,
             char **argv)
{
  g_autoptr(GApplication) probe = NULL;
  g_autoptr(FlClock) clock = NULL;
  g_autoptr(FlStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  probe = g_application_new (APP_ID, G_APPLICATION_HANDLES_COMMAND_LINE);
  if (g_application_register (probe, NULL, NULL) && g_application_get_is_remote (probe))
    return g_application_run (probe, argc, argv);

  clock = fl_system_clock_new ();
  store = fl_store_new (NULL, clock);
  if (!fl_store_load (store, &error))
    {
      /* TRANSLATORS: %s is why the journal file could not be read */
      g_printerr (_("fresh-legs: %s\n"), error->message);
      return FL_CLI_FAILED;
    }

  status = fl_cli_run (store, clock, argc, argv, out, err);
  fputs (out->str, stdout);
  fputs (err->str, stderr);

  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FlApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (fl_cli_is_command (argc, argv))
    return run_command (argc, argv);

  app = fl_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
