/* test-cooldown-reminder.c: the post-run reminder on a real notification
 * server, and its "Start" starting the cool-down
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole path a runner takes: a run is logged that ended ten minutes
 * ago; the application's scheduler finds the "cooldown" reminder due; the
 * notifier sends it to dunst; the runner picks "Start" in dunst's menu;
 * the application starts a session and shows the Cool-down page.
 *
 * As in test-notifier.c, the test runs in a process of its own
 * (g_test_trap_subprocess) on a private dbus-daemon it starts itself, with
 * no service directories (nothing is activated behind its back), and dunst
 * on the display the suite runs under (xvfb-run). A D-Bus monitor on a
 * second connection records what the server was sent. dunst's context menu
 * hands its entries to a "dmenu" that is a one-line script choosing the
 * "Start" button, as the runner would.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fl-application.h"
#include "fl-cooldown-page.h"
#include "fl-test-clock.h"
#include "fl-window.h"

#define NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH  "/org/freedesktop/Notifications"
#define NOTIFICATIONS_IFACE "org.freedesktop.Notifications"
#define DUNST_IFACE         "org.dunstproject.cmd0"

/* A Friday morning in Berlin; the run ended ten minutes before */
#define NOW       "2026-11-27T10:00:00+01:00"
#define RUN_START "2026-11-27T09:05:00+01:00"
#define RUN_S     (45 * 60)

/* What fl-scheduler.c says (DESIGN.md "Reminders": cool-down) */
#define REMINDER_TITLE "Time to cool down"
#define REMINDER_BODY  "A few minutes of stretching now, while your muscles are warm, helps against heavy legs."

typedef struct
{
  char            *dir;
  char            *bus_address;
  GPid             bus_pid;
  GPid             server_pid;
  GDBusConnection *bus;
  GDBusConnection *monitor;
  guint            filter_id;
  guint            watch_id;
  gboolean         server_up;
  GPtrArray       *notify_calls;      /* of GVariant (susssasa{sv}i) */

  FlTestClock     *clock;
  FlApplication   *app;
  gboolean         started;
} Fixture;

/* One test per process: the monitor's filter posts to it */
static Fixture fx;

/* {{{ Processes, the main loop, the private bus and dunst (as test-notifier.c) */

static void
die_with_parent (gpointer data)
{
  /* If an assertion aborts the test, its bus and server go with it */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GPid
spawn (const char * const *argv,
       int                *stdout_fd)
{
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH;
  /* Our G_DEBUG=fatal-warnings would make dunst abort on its first warning */
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
  gboolean show = g_getenv ("FL_TEST_SHOW_SERVER_OUTPUT") != NULL;
  GPid pid = 0;

  if (!show)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL;
  if (stdout_fd == NULL && !show)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, envp, flags, die_with_parent, NULL, &pid,
                            NULL, stdout_fd, NULL, &error);
  g_assert_no_error (error);

  return pid;
}

static void
end_process (GPid *pid)
{
  int status;

  if (*pid == 0)
    return;

  kill (*pid, SIGTERM);
  /* Bounded: 2 s for a clean exit, then no more asking */
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (*pid, &status, WNOHANG) == *pid)
        goto out;
      g_usleep (10 * 1000);
    }
  kill (*pid, SIGKILL);
  waitpid (*pid, &status, 0);

out:
  g_spawn_close_pid (*pid);
  *pid = 0;
}

static gboolean
on_deadline (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done or @timeout_ms; says whether it is done */
static gboolean
spin_until (gboolean (*done) (void),
            guint      timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, on_deadline, &expired);

  while ((done == NULL || !done ()) && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (id);

  return done != NULL && done ();
}

static void
start_private_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *config_arg = NULL;
  g_autoptr(GString) address = g_string_new (NULL);
  int out_fd = -1;
  char c;

  /* No <servicedir>: a server runs only because the test starts it.
   * Eavesdropping allowed for the monitor. */
  config = g_strdup_printf (
    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
    " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
    "<busconfig>\n"
    "  <type>session</type>\n"
    "  <listen>unix:dir=%s</listen>\n"
    "  <policy context=\"default\">\n"
    "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
    "    <allow eavesdrop=\"true\"/>\n"
    "    <allow own=\"*\"/>\n"
    "  </policy>\n"
    "</busconfig>\n", fx.dir);
  config_path = g_build_filename (fx.dir, "bus.conf", NULL);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  config_arg = g_strconcat ("--config-file=", config_path, NULL);
  fx.bus_pid = spawn ((const char *[]) { "dbus-daemon", "--nofork", "--print-address=1", config_arg, NULL },
                      &out_fd);

  /* dbus-daemon prints its address once it listens */
  while (read (out_fd, &c, 1) == 1 && c != '\n')
    g_string_append_c (address, c);
  close (out_fd);
  g_assert_cmpuint (address->len, >, 0);
  fx.bus_address = g_string_free (g_steal_pointer (&address), FALSE);

  /* Before anything in this process (GApplication, libnotify) opens the
   * session bus */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", fx.bus_address, TRUE);

  fx.bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  /* The bus goes down in teardown; that must not end this process */
  g_dbus_connection_set_exit_on_close (fx.bus, FALSE);
}

static gboolean
record_message (gpointer data)
{
  GDBusMessage *message = data;

  if (g_strcmp0 (g_dbus_message_get_member (message), "Notify") == 0)
    g_ptr_array_add (fx.notify_calls, g_variant_ref (g_dbus_message_get_body (message)));

  return G_SOURCE_REMOVE;
}

/* On GDBus's worker thread */
static GDBusMessage *
monitor_filter (GDBusConnection *connection,
                GDBusMessage    *message,
                gboolean         incoming,
                gpointer         user_data)
{
  GDBusMessageType type = g_dbus_message_get_message_type (message);

  /* Replies (to BecomeMonitor itself) go through */
  if (!incoming || (type != G_DBUS_MESSAGE_TYPE_METHOD_CALL && type != G_DBUS_MESSAGE_TYPE_SIGNAL))
    return message;

  if (type == G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
      g_strcmp0 (g_dbus_message_get_interface (message), NOTIFICATIONS_IFACE) == 0)
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, record_message,
                                g_object_ref (message), g_object_unref);

  /* A monitor only listens: GDBus must not answer what it overhears */
  g_object_unref (message);
  return NULL;
}

static void
start_monitor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *rules[] = { "type='method_call',interface='" NOTIFICATIONS_IFACE "'", NULL };

  fx.monitor = g_dbus_connection_new_for_address_sync (fx.bus_address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  fx.filter_id = g_dbus_connection_add_filter (fx.monitor, monitor_filter, NULL, NULL);
  reply = g_dbus_connection_call_sync (fx.monitor, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Monitoring", "BecomeMonitor",
                                       g_variant_new ("(^asu)", rules, 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

static void
server_appeared (GDBusConnection *connection,
                 const char      *name,
                 const char      *owner,
                 gpointer         user_data)
{
  fx.server_up = TRUE;
}

static void
server_vanished (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  fx.server_up = FALSE;
}

static gboolean
server_is_up (void)
{
  return fx.server_up;
}

static void
start_dunst (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dunstrc = g_build_filename (fx.dir, "dunstrc", NULL);
  g_autofree char *pick = g_build_filename (fx.dir, "pick-start", NULL);
  g_autofree char *config = NULL;

  /* dunst's context menu lists "#label (summary) [id,key]" for each button
   * and invokes the line its dmenu prints: this one picks "Start" */
  g_file_set_contents (pick, "#!/bin/sh\nexec grep -m1 -F '#Start (" REMINDER_TITLE ")'\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (pick, 0700), ==, 0);

  config = g_strdup_printf ("[global]\n"
                            "    dmenu = %s\n"
                            "    show_indicators = no\n", pick);
  g_file_set_contents (dunstrc, config, -1, &error);
  g_assert_no_error (error);

  fx.watch_id = g_bus_watch_name_on_connection (fx.bus, NOTIFICATIONS_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                server_appeared, server_vanished, NULL, NULL);
  fx.server_pid = spawn ((const char *[]) { "dunst", "-config", dunstrc, NULL }, NULL);
  g_assert_true (spin_until (server_is_up, 5000));
}

static guint
dunst_displayed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_connection_call_sync (fx.bus, NOTIFICATIONS_NAME, NOTIFICATIONS_PATH,
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", DUNST_IFACE, "displayedLength"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_uint32 (value);
}

static gboolean
one_displayed (void)
{
  return dunst_displayed () == 1;
}

static gboolean
none_displayed (void)
{
  return dunst_displayed () == 0;
}

static void
dunst_call (const char *method,
            GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (fx.bus, NOTIFICATIONS_NAME, NOTIFICATIONS_PATH, DUNST_IFACE,
                                       method, parameters, NULL, G_DBUS_CALL_FLAGS_NONE, 2000, NULL, &error);
  g_assert_no_error (error);
}

static void
teardown_servers (void)
{
  g_clear_handle_id (&fx.watch_id, g_bus_unwatch_name);
  end_process (&fx.server_pid);
  if (fx.monitor != NULL)
    g_dbus_connection_remove_filter (fx.monitor, fx.filter_id);
  g_clear_object (&fx.monitor);
  end_process (&fx.bus_pid);
  g_clear_object (&fx.bus);
  g_clear_pointer (&fx.bus_address, g_free);
  g_clear_pointer (&fx.notify_calls, g_ptr_array_unref);
}

/* }}} */
/* {{{ The application */

static gboolean
reminder_sent (void)
{
  return fx.notify_calls->len >= 1;
}

static gboolean
session_running (void)
{
  FlStretchSession *session = fl_application_get_cooldown_session (fx.app);

  return session != NULL && fl_stretch_session_get_state (session) == FL_STRETCH_SESSION_RUNNING;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The button labels of a Notify call, sorted */
static GPtrArray *
action_labels (GVariant *notify_call)
{
  g_autofree const char **actions = NULL;
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  g_variant_get_child (notify_call, 5, "^a&s", &actions);
  g_assert_cmpuint (g_strv_length ((char **) actions) % 2, ==, 0);
  /* Pairs of (id, label) */
  for (guint i = 0; actions[i] != NULL; i += 2)
    g_ptr_array_add (labels, g_strdup (actions[i + 1]));
  g_ptr_array_sort (labels, compare_strings);

  return labels;
}

static FlWindow *
app_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fx.app));

  g_assert_nonnull (windows);
  g_assert_true (FL_IS_WINDOW (windows->data));

  return windows->data;
}

static gboolean
run_body (gpointer user_data)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (RUN_START, NULL);
  g_autoptr(FlRecord) run = fl_run_new (start, RUN_S, 8000);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  FlStretchSession *session;
  FlWindow *window = app_window ();
  GtkWidget *page;
  GtkWidget *stack;
  const char *app_name, *summary, *body;
  GList *windows;

  g_assert_cmpstr (fl_window_get_page (window), ==, "hydration");
  g_assert_null (fl_application_get_cooldown_session (fx.app));

  /* The run is logged ten minutes after it ended: the reminder is due */
  g_assert_true (fl_journal_add (fl_application_get_journal (fx.app), run, &error));
  g_assert_no_error (error);

  {
    GDateTime *due = fl_scheduler_get_next_due (fl_application_get_scheduler (fx.app), "cooldown");
    g_autofree char *due_text = due != NULL ? g_date_time_format_iso8601 (due) : NULL;

    g_assert_cmpstr (due_text, ==, "2026-11-27T09:50:00+01");
  }
  /* The test clock fires what is due when it moves: a second later */
  fl_test_clock_advance (fx.clock, G_TIME_SPAN_SECOND);
  g_assert_true (spin_until (reminder_sent, 5000));
  g_assert_true (spin_until (one_displayed, 3000));
  g_assert_cmpuint (fx.notify_calls->len, ==, 1);
  g_variant_get_child (fx.notify_calls->pdata[0], 0, "&s", &app_name);
  g_variant_get_child (fx.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (app_name, ==, "Fresh Legs");
  g_assert_cmpstr (summary, ==, REMINDER_TITLE);
  g_assert_cmpstr (body, ==, REMINDER_BODY);
  /* The two buttons, and the click on the bubble */
  labels = action_labels (fx.notify_calls->pdata[0]);
  g_assert_cmpuint (labels->len, ==, 3);
  g_assert_cmpstr (labels->pdata[0], ==, "Later");
  g_assert_cmpstr (labels->pdata[1], ==, "Open");
  g_assert_cmpstr (labels->pdata[2], ==, "Start");

  /* Nothing has started yet */
  g_assert_null (fl_application_get_cooldown_session (fx.app));

  /* The runner opens dunst's menu and picks "Start" */
  dunst_call ("ContextMenuCall", NULL);
  g_assert_true (spin_until (session_running, 5000));

  session = fl_application_get_cooldown_session (fx.app);
  g_assert_cmpstr (fl_routine_get_name (fl_stretch_session_get_routine (session)), ==, FL_ROUTINE_DEFAULT);
  /* At the 3-2-1 lead-in: the test clock has not moved */
  g_assert_cmpuint (fl_stretch_session_get_current_step (session), ==, 0);

  /* The window is on the Cool-down page, showing the session */
  window = app_window ();
  g_assert_cmpstr (fl_window_get_page (window), ==, "cooldown");
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), FL_TYPE_WINDOW, "cooldown_page"));
  g_assert_true (FL_IS_COOLDOWN_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  stack = adw_bin_get_child (ADW_BIN (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "session");

  /* The reminder is answered: it leaves the screen, and none follows */
  g_assert_true (spin_until (none_displayed, 3000));
  g_assert_cmpuint (fx.notify_calls->len, ==, 1);

  fl_stretch_session_stop (session);
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fx.app))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (fx.app));

  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app)
{
  if (!fx.started)
    {
      fx.started = TRUE;
      g_idle_add (run_body, NULL);
    }
}

/* }}} */

static gboolean
have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

static void
test_start_from_notification (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *journal_path = NULL;
  char *argv[] = { (char *) "fresh-legs", NULL };
  const char *quiet[] = { "drink-reminders", "rest-day-reminders", "wind-down-reminders",
                          "nap-reminders", "blood-test-reminders" };

  if (!g_test_subprocess ())
    {
      if (g_getenv ("DISPLAY") == NULL || !have_program ("dunst"))
        {
          g_test_skip ("needs dunst and an X display (run under xvfb-run)");
          return;
        }
      if (!have_program ("dbus-daemon"))
        {
          g_test_skip ("needs dbus-daemon");
          return;
        }

      /* Bounded: the whole path takes about 2 s */
      g_test_trap_subprocess (NULL, 15 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  fx.dir = g_dir_make_tmp ("fl-cooldown-reminder-XXXXXX", &error);
  g_assert_no_error (error);
  fx.notify_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  start_private_bus ();
  start_monitor ();
  start_dunst ();

  gtk_init ();

  /* Reminders on, only the cool-down's: nothing else comes on screen */
  settings = g_settings_new (BASE_ID);
  g_settings_set_boolean (settings, "welcome-done", TRUE);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_boolean (settings, "cooldown-reminders", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    g_settings_set_boolean (settings, quiet[i], FALSE);

  journal_path = g_build_filename (fx.dir, "journal.json", NULL);
  fx.clock = fl_test_clock_new (NOW);
  fx.app = fl_application_new_for_test (FL_CLOCK (fx.clock), journal_path);
  g_signal_connect (fx.app, "activate", G_CALLBACK (on_activate), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (fx.app), 1, argv), ==, 0);
  g_assert_true (fx.started);

  g_assert_finalize_object (g_steal_pointer (&fx.app));
  g_clear_object (&fx.clock);
  teardown_servers ();

  /* The journal, dunst's files, the bus's config and its socket */
  {
    g_autoptr(GDir) dir = g_dir_open (fx.dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (fx.dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (fx.dir);
  }
  g_clear_pointer (&fx.dir, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/cooldown-reminder/start-from-notification", test_start_from_notification);

  return g_test_run ();
}
