/* test-notifier.c: reminders reach a real notification server, and a missing
 * or hung one never stalls the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs in a process of its own (g_test_trap_subprocess) on a
 * private dbus-daemon it starts itself. GDBus and libnotify keep the session
 * bus and their proxy per process, so a fresh process is the only clean
 * slate; and the private bus has no service directories, so no notification
 * server is D-Bus-activated behind a test's back (the "no server" case needs
 * that). The real server is dunst, on the display the suite runs under
 * (xvfb-run); a second connection watches the bus as a D-Bus monitor and
 * records what the server was sent.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fl-iron.h"
#include "fl-notifier.h"
#include "fl-sleep.h"

#define NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH  "/org/freedesktop/Notifications"
#define NOTIFICATIONS_IFACE "org.freedesktop.Notifications"
#define DUNST_IFACE         "org.dunstproject.cmd0"

#define DRINK_TITLE "Time for a drink"
#define DRINK_BODY  "You are 400 ml behind today’s pace."

typedef struct
{
  char               *dir;
  char               *bus_address;
  GPid                bus_pid;
  GPid                server_pid;
  gboolean            server_stopped;
  GDBusConnection    *bus;        /* the session bus, shared with libnotify */
  GDBusConnection    *monitor;
  guint               filter_id;
  guint               watch_id;
  gboolean            server_up;

  GPtrArray          *notify_calls;  /* of GVariant (susssasa{sv}i) */
  guint               n_close_calls;

  GSimpleActionGroup *actions;
  GPtrArray          *activated;     /* "name target" */
  FlNotifier         *notifier;
  GPtrArray          *undelivered;   /* of FlReminder */
  GThread            *main_thread;
  gint64              last_undelivered_at;
} Fixture;

/* One test per process, so one fixture per process: the monitor's filter
 * (on GDBus's thread) posts to it through the main context. */
static Fixture fx;

/* {{{ Helpers: processes */

static void
die_with_parent (gpointer data)
{
  /* If an assertion aborts the test, its bus and server go with it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GPid
spawn (const char * const *argv,
       int                *stdout_fd)
{
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH;
  /* Our G_DEBUG=fatal-warnings would make dunst abort on its first warning
   * (an icon it cannot find, say). */
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");
  GPid pid = 0;

  if (g_getenv ("FL_TEST_SHOW_SERVER_OUTPUT") == NULL)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL;
  if (stdout_fd == NULL && g_getenv ("FL_TEST_SHOW_SERVER_OUTPUT") == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, envp, flags,
                            die_with_parent, NULL, &pid,
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

  kill (*pid, SIGCONT);
  kill (*pid, SIGTERM);
  /* Bounded: 2 s for a clean exit, then no more asking. */
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

/* }}} */
/* {{{ Helpers: the main loop */

static gboolean
on_deadline (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done or @timeout_ms; says whether it is done. */
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
spin_for (guint ms)
{
  spin_until (NULL, ms);
}

/* }}} */
/* {{{ Helpers: the private bus and what crosses it */

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

  fx.dir = g_dir_make_tmp ("fl-notifier-XXXXXX", &error);
  g_assert_no_error (error);

  /* No <servicedir>: nothing is activated on this bus, a server runs only
   * if the test starts it. Eavesdropping allowed for the monitor. */
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
  fx.bus_pid = spawn ((const char *[]) { "dbus-daemon", "--nofork",
                                         "--print-address=1", config_arg,
                                         NULL },
                      &out_fd);

  /* dbus-daemon prints its address once it listens. */
  while (read (out_fd, &c, 1) == 1 && c != '\n')
    g_string_append_c (address, c);
  close (out_fd);
  g_assert_cmpuint (address->len, >, 0);
  fx.bus_address = g_string_free (g_steal_pointer (&address), FALSE);

  /* Before anything in this process opens the session bus. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", fx.bus_address, TRUE);

  fx.bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  /* The bus goes down in teardown; that must not end this process. */
  g_dbus_connection_set_exit_on_close (fx.bus, FALSE);
}

static gboolean
record_message (gpointer data)
{
  GDBusMessage *message = data;
  const char *member = g_dbus_message_get_member (message);

  if (g_strcmp0 (member, "Notify") == 0)
    g_ptr_array_add (fx.notify_calls,
                     g_variant_ref (g_dbus_message_get_body (message)));
  else if (g_strcmp0 (member, "CloseNotification") == 0)
    fx.n_close_calls++;

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

  if (!incoming || (type != G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
                    type != G_DBUS_MESSAGE_TYPE_SIGNAL))
    return message;

  if (type == G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
      g_strcmp0 (g_dbus_message_get_interface (message), NOTIFICATIONS_IFACE) == 0)
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, record_message,
                                g_object_ref (message), g_object_unref);

  /* A monitor only listens: GDBus must not answer what it overhears. */
  g_object_unref (message);
  return NULL;
}

static void
start_monitor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *rules[] = {
    "type='method_call',interface='" NOTIFICATIONS_IFACE "'",
    NULL
  };

  fx.monitor = g_dbus_connection_new_for_address_sync (
    fx.bus_address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);

  fx.filter_id = g_dbus_connection_add_filter (fx.monitor, monitor_filter,
                                               NULL, NULL);
  reply = g_dbus_connection_call_sync (fx.monitor, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Monitoring",
                                       "BecomeMonitor",
                                       g_variant_new ("(^asu)", rules, 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                                       NULL, &error);
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
  g_autofree char *pick = g_build_filename (fx.dir, "pick-log-250", NULL);
  g_autofree char *config = NULL;

  /* dunst's context menu hands its entries ("#label (summary) [id,key]") to
   * a dmenu-like chooser and invokes what it prints: this one chooses the
   * "Log 250 ml" button, as a user would. */
  g_file_set_contents (pick, "#!/bin/sh\nexec grep -m1 -F '#Log 250 ml ('\n",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (pick, 0700), ==, 0);

  config = g_strdup_printf ("[global]\n"
                            "    dmenu = %s\n"
                            "    show_indicators = no\n", pick);
  g_file_set_contents (dunstrc, config, -1, &error);
  g_assert_no_error (error);

  fx.watch_id = g_bus_watch_name_on_connection (fx.bus, NOTIFICATIONS_NAME,
                                                G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                server_appeared,
                                                server_vanished, NULL, NULL);
  fx.server_pid = spawn ((const char *[]) { "dunst", "-config", dunstrc, NULL },
                         NULL);
  g_assert_true (spin_until (server_is_up, 10000));
}

static guint
dunst_count (const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_connection_call_sync (fx.bus, NOTIFICATIONS_NAME,
                                       NOTIFICATIONS_PATH,
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", DUNST_IFACE, what),
                                       G_VARIANT_TYPE ("(v)"),
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL,
                                       &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_uint32 (value);
}

static guint
dunst_displayed (void)
{
  return dunst_count ("displayedLength");
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

/* }}} */
/* {{{ Helpers: the app side */

static void
on_activate (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autofree char *target = parameter != NULL ? g_variant_print (parameter, FALSE)
                                              : g_strdup ("()");

  g_ptr_array_add (fx.activated,
                   g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)),
                                    target));
}

static void
on_undelivered (FlNotifier *notifier,
                FlReminder *reminder,
                gpointer    user_data)
{
  g_assert_true (g_thread_self () == fx.main_thread);
  g_ptr_array_add (fx.undelivered, fl_reminder_ref (reminder));
  fx.last_undelivered_at = g_get_monotonic_time ();
}

static void
start_app (void)
{
  const GActionEntry entries[] = {
    { "log-drink", on_activate, "i" },
    { "snooze", on_activate, "(si)" },
    { "show-page", on_activate, "s" },
  };

  fx.main_thread = g_thread_self ();
  fx.notify_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  fx.activated = g_ptr_array_new_with_free_func (g_free);
  fx.undelivered = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_reminder_unref);

  fx.actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (fx.actions), entries,
                                   G_N_ELEMENTS (entries), NULL);

  fx.notifier = fl_notifier_new ("Fresh Legs", G_ACTION_GROUP (fx.actions));
  g_signal_connect (fx.notifier, "undelivered", G_CALLBACK (on_undelivered),
                    NULL);
}

/* The drink reminder as the scheduler builds it (DESIGN.md: "Log 250 ml",
 * "Snooze 30 min"). */
static FlReminder *
drink_reminder (const char *title)
{
  g_autoptr(GDateTime) due = g_date_time_new_local (2024, 6, 3, 10, 30, 0);
  FlReminder *reminder = fl_reminder_new ("drink", due, title, DRINK_BODY);

  fl_reminder_add_action (reminder, "Log 250 ml", "app.log-drink",
                          g_variant_new_int32 (250));
  fl_reminder_add_action (reminder, "Snooze 30 min", "app.snooze",
                          g_variant_new ("(si)", "drink", 30));

  return reminder;
}

static void
show (const char *title)
{
  g_autoptr(FlReminder) reminder = drink_reminder (title);

  fl_notifier_show (fx.notifier, reminder);
}

static gboolean
one_notify_call (void)
{
  return fx.notify_calls->len >= 1;
}

static gboolean
two_notify_calls (void)
{
  return fx.notify_calls->len >= 2;
}

static gboolean
one_close_call (void)
{
  return fx.n_close_calls >= 1;
}

static gboolean
some_undelivered (void)
{
  return fx.undelivered->len >= 1;
}

static gboolean
two_undelivered (void)
{
  return fx.undelivered->len >= 2;
}

static gboolean
last_notify_is_drink_now (void)
{
  const char *summary = NULL;

  if (fx.notify_calls->len == 0)
    return FALSE;

  g_variant_get_child (g_ptr_array_index (fx.notify_calls,
                                          fx.notify_calls->len - 1),
                       3, "&s", &summary);

  return g_strcmp0 (summary, "Drink now") == 0;
}

static gboolean
some_activated (void)
{
  return fx.activated->len >= 1;
}

static void
teardown (void)
{
  g_assert_finalize_object (fx.notifier);
  g_clear_object (&fx.actions);
  g_clear_handle_id (&fx.watch_id, g_bus_unwatch_name);
  end_process (&fx.server_pid);
  if (fx.monitor != NULL)
    g_dbus_connection_remove_filter (fx.monitor, fx.filter_id);
  g_clear_object (&fx.monitor);
  end_process (&fx.bus_pid);
  g_clear_object (&fx.bus);
  if (fx.dir != NULL)
    {
      g_autofree char *pick = g_build_filename (fx.dir, "pick-log-250", NULL);
      g_autofree char *dunstrc = g_build_filename (fx.dir, "dunstrc", NULL);
      g_autofree char *config = g_build_filename (fx.dir, "bus.conf", NULL);

      g_unlink (pick);
      g_unlink (dunstrc);
      g_unlink (config);
      g_rmdir (fx.dir);   /* fails harmlessly if the bus left its socket */
    }
  g_clear_pointer (&fx.dir, g_free);
  g_clear_pointer (&fx.bus_address, g_free);
  g_clear_pointer (&fx.notify_calls, g_ptr_array_unref);
  g_clear_pointer (&fx.activated, g_ptr_array_unref);
  g_clear_pointer (&fx.undelivered, g_ptr_array_unref);
}

/* }}} */
/* {{{ Running each test in a process of its own */

static gboolean
have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

/* In the parent: checks what the test needs, runs it in a child and checks
 * the child passed. In the child: returns TRUE, run the test. */
static gboolean
in_own_process (gboolean needs_dunst)
{
  if (g_test_subprocess ())
    return TRUE;

  if (!have_program ("dbus-daemon"))
    {
      g_test_skip ("needs dbus-daemon");
      return FALSE;
    }
  if (needs_dunst && (g_getenv ("DISPLAY") == NULL || !have_program ("dunst")))
    {
      g_test_skip ("needs dunst and an X display (run under xvfb-run)");
      return FALSE;
    }

  /* Bounded well above the ~5 s the slowest test takes. */
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  return FALSE;
}

/* }}} */
/* {{{ Tests */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
assert_action_labels (GVariant *notify_call)
{
  g_autofree const char **actions = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  gsize n_actions;

  g_variant_get_child (notify_call, 5, "^a&s", &actions);
  n_actions = g_strv_length ((char **) actions);
  g_assert_cmpuint (n_actions % 2, ==, 0);

  /* Pairs of (id, label); libnotify sends them in hash order. */
  for (gsize i = 0; i < n_actions; i += 2)
    {
      g_assert_true (g_hash_table_add (ids, (gpointer) actions[i]));
      g_ptr_array_add (labels, (gpointer) actions[i + 1]);
    }
  g_assert_true (g_hash_table_contains (ids, "default"));

  g_ptr_array_sort (labels, compare_strings);
  g_assert_cmpuint (labels->len, ==, 3);
  /* Sorted: the two buttons, and the click on the bubble */
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "Log 250 ml");
  g_assert_cmpstr (g_ptr_array_index (labels, 1), ==, "Open");
  g_assert_cmpstr (g_ptr_array_index (labels, 2), ==, "Snooze 30 min");
}

static void
test_arrives_with_its_actions (void)
{
  g_autoptr(GVariant) hints = NULL;
  const char *app_name, *summary, *body, *desktop_entry;
  guint32 replaces_id;
  guchar urgency;

  if (!in_own_process (TRUE))
    return;

  start_private_bus ();
  start_monitor ();
  start_dunst ();
  start_app ();

  show (DRINK_TITLE);
  g_assert_true (spin_until (one_notify_call, 5000));
  g_assert_true (spin_until (one_displayed, 5000));
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  g_variant_get_child (fx.notify_calls->pdata[0], 0, "&s", &app_name);
  g_variant_get_child (fx.notify_calls->pdata[0], 1, "u", &replaces_id);
  g_variant_get_child (fx.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (app_name, ==, "Fresh Legs");
  g_assert_cmpuint (replaces_id, ==, 0);
  g_assert_cmpstr (summary, ==, DRINK_TITLE);
  g_assert_cmpstr (body, ==, DRINK_BODY);
  assert_action_labels (fx.notify_calls->pdata[0]);

  hints = g_variant_get_child_value (fx.notify_calls->pdata[0], 6);
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry));
  g_assert_cmpstr (desktop_entry, ==, APP_ID);
  g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 1);  /* normal */

  /* A new drink reminder replaces the one on screen, never stacks. */
  show ("Another drink?");
  g_assert_true (spin_until (two_notify_calls, 5000));
  g_variant_get_child (fx.notify_calls->pdata[1], 1, "u", &replaces_id);
  g_variant_get_child (fx.notify_calls->pdata[1], 3, "&s", &summary);
  g_assert_cmpuint (replaces_id, !=, 0);
  g_assert_cmpstr (summary, ==, "Another drink?");
  spin_for (200);
  g_assert_cmpuint (dunst_displayed (), ==, 1);

  /* Withdrawn, it leaves the screen. */
  fl_notifier_withdraw (fx.notifier, "drink");
  g_assert_true (spin_until (none_displayed, 5000));
  g_assert_true (spin_until (one_close_call, 1000));
  spin_for (100);
  g_assert_cmpuint (fx.n_close_calls, ==, 1);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);
  g_assert_cmpuint (fx.activated->len, ==, 0);

  teardown ();
}

static void
dunst_call (const char *method,
            GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (fx.bus, NOTIFICATIONS_NAME,
                                       NOTIFICATIONS_PATH, DUNST_IFACE,
                                       method, parameters, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL,
                                       &error);
  g_assert_no_error (error);
}

static gboolean
two_activated (void)
{
  return fx.activated->len >= 2;
}

static void
test_buttons_activate_actions (void)
{
  if (!in_own_process (TRUE))
    return;

  start_private_bus ();
  start_monitor ();
  start_dunst ();
  start_app ();

  show (DRINK_TITLE);
  g_assert_true (spin_until (one_displayed, 5000));

  /* A click on the bubble (dunst's "action" on the first one shown) opens
   * the page the reminder is about. */
  dunst_call ("NotificationAction", g_variant_new ("(u)", 0));
  g_assert_true (spin_until (some_activated, 5000));
  g_assert_cmpstr (fx.activated->pdata[0], ==, "show-page 'hydration'");

  /* The user opens dunst's context menu and picks "Log 250 ml". */
  dunst_call ("ContextMenuCall", NULL);
  g_assert_true (spin_until (two_activated, 5000));
  g_assert_cmpstr (fx.activated->pdata[1], ==, "log-drink 250");

  /* Nothing else (no snooze, no second drink) follows. */
  spin_for (300);
  g_assert_cmpuint (fx.activated->len, ==, 2);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  teardown ();
}

static void
test_no_server (void)
{
  gint64 start;

  if (!in_own_process (FALSE))
    return;

  start_private_bus ();
  start_monitor ();
  start_app ();

  start = g_get_monotonic_time ();
  show (DRINK_TITLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * 1000);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);  /* said on the main loop */

  g_assert_true (spin_until (some_undelivered, 1000));
  g_assert_cmpint (fx.last_undelivered_at - start, <, G_USEC_PER_SEC);
  g_assert_cmpstr (((FlReminder *) fx.undelivered->pdata[0])->title, ==,
                   DRINK_TITLE);

  /* A failure is not a hang: the next one is tried, and fails as fast. */
  start = g_get_monotonic_time ();
  show ("Another drink?");
  g_assert_cmpuint (fx.undelivered->len, ==, 1);
  g_assert_true (spin_until (two_undelivered, 1000));
  g_assert_cmpstr (((FlReminder *) fx.undelivered->pdata[1])->title, ==,
                   "Another drink?");
  g_assert_cmpint (fx.last_undelivered_at - start, <, G_USEC_PER_SEC);
  g_assert_cmpuint (fx.activated->len, ==, 0);

  teardown ();
}

static void
test_no_bus (void)
{
  gint64 start;

  if (!in_own_process (FALSE))
    return;

  /* A session bus address that leads nowhere, as over SSH without one. */
  fx.dir = g_dir_make_tmp ("fl-notifier-XXXXXX", NULL);
  fx.bus_address = g_strdup_printf ("unix:path=%s/no-bus", fx.dir);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", fx.bus_address, TRUE);
  start_app ();

  start = g_get_monotonic_time ();
  show (DRINK_TITLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * 1000);
  g_assert_true (spin_until (some_undelivered, 1000));
  g_assert_cmpint (fx.last_undelivered_at - start, <, G_USEC_PER_SEC);

  teardown ();
}

static gint64 last_tick;
static gint64 longest_gap;
static guint  n_ticks;

static gboolean
tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;
  n_ticks++;

  return G_SOURCE_CONTINUE;
}

static void
test_stopped_server (void)
{
  guint tick_id;
  guint n_undelivered;
  gint64 start;

  if (!in_own_process (TRUE))
    return;

  start_private_bus ();
  start_monitor ();
  start_dunst ();
  start_app ();

  /* Working at first */
  show (DRINK_TITLE);
  g_assert_true (spin_until (one_displayed, 5000));
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  /* Then the server hangs. */
  g_assert_cmpint (kill (fx.server_pid, SIGSTOP), ==, 0);
  fx.server_stopped = TRUE;

  last_tick = g_get_monotonic_time ();
  longest_gap = 0;
  n_ticks = 0;
  tick_id = g_timeout_add (50, tick, NULL);

  start = g_get_monotonic_time ();
  show ("Another drink?");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * 1000);

  /* The window keeps answering while libnotify waits on the server... */
  spin_for (4000);
  g_source_remove (tick_id);
  g_test_message ("%u ticks, longest gap %" G_GINT64_FORMAT " ms",
                  n_ticks, longest_gap / 1000);
  g_assert_cmpuint (n_ticks, >=, 60);   /* of 80 */
  g_assert_cmpint (longest_gap, <, 250 * 1000);

  /* ...and after 3 s the reminder comes back to be shown in the window. */
  g_assert_cmpuint (fx.undelivered->len, ==, 1);
  g_assert_cmpstr (((FlReminder *) fx.undelivered->pdata[0])->title, ==,
                   "Another drink?");
  g_assert_cmpint (fx.last_undelivered_at - start, >=, 2900 * 1000);
  g_assert_cmpint (fx.last_undelivered_at - start, <, 3600 * 1000);

  /* While the call hangs, a reminder goes to the window at once. */
  start = g_get_monotonic_time ();
  show ("Still thirsty?");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * 1000);
  g_assert_cmpuint (fx.undelivered->len, ==, 2);

  /* The server wakes up: the hung call returns and the desktop is used
   * again (a show is tried until it is no longer handed straight back). */
  g_assert_cmpint (kill (fx.server_pid, SIGCONT), ==, 0);
  fx.server_stopped = FALSE;
  start = g_get_monotonic_time ();
  while (TRUE)
    {
      guint before = fx.undelivered->len;

      show ("Drink now");
      if (fx.undelivered->len == before)
        break;
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      spin_for (100);
    }
  g_assert_true (spin_until (last_notify_is_drink_now, 5000));
  n_undelivered = fx.undelivered->len;
  spin_for (300);
  g_assert_cmpuint (fx.undelivered->len, ==, n_undelivered);

  teardown ();
}

/* The sleep reminders as fl-sleep.c builds them: what the server gets */

static void
assert_labels (GVariant   *notify_call,
               const char *first,
               const char *second)
{
  g_autofree const char **actions = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gsize n_actions;

  g_variant_get_child (notify_call, 5, "^a&s", &actions);
  n_actions = g_strv_length ((char **) actions);
  for (gsize i = 0; i + 1 < n_actions; i += 2)
    g_ptr_array_add (labels, (gpointer) actions[i + 1]);
  g_ptr_array_sort (labels, compare_strings);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, first);
  g_assert_cmpstr (g_ptr_array_index (labels, 1), ==, second);
}

static void
test_sleep_reminders (void)
{
  g_autoptr(FlJournal) journal = NULL;
  g_autoptr(FlRecord) night = NULL;
  g_autoptr(GDateTime) bed = NULL;
  g_autoptr(GDateTime) wind_down_due = NULL;
  g_autoptr(GDateTime) nap_due = NULL;
  g_autoptr(FlReminder) wind_down = NULL;
  g_autoptr(FlReminder) nap = NULL;
  g_autoptr(GError) error = NULL;
  FlSleepOptions options;
  const char *summary, *body;

  if (!in_own_process (TRUE))
    return;

  /* Last night 00:30 to 06:40 */
  journal = fl_journal_new ();
  bed = g_date_time_new_from_iso8601 ("2026-11-27T00:30:00+01:00", NULL);
  night = fl_record_new (FL_RECORD_SLEEP, bed);
  FL_SLEEP (night)->end = g_date_time_new_from_iso8601 ("2026-11-27T06:40:00+01:00", NULL);
  g_assert_true (fl_sleep_add (journal, night, &error));
  g_assert_no_error (error);
  fl_sleep_options_init (&options);
  wind_down_due = g_date_time_new_from_iso8601 ("2026-11-27T22:15:00+01:00", NULL);
  nap_due = g_date_time_new_from_iso8601 ("2026-11-27T13:00:00+01:00", NULL);
  wind_down = fl_sleep_wind_down_build (journal, &options, wind_down_due);
  nap = fl_sleep_nap_build (journal, &options, nap_due);

  start_private_bus ();
  start_monitor ();
  start_dunst ();
  start_app ();

  fl_notifier_show (fx.notifier, nap);
  g_assert_true (spin_until (one_notify_call, 5000));
  fl_notifier_show (fx.notifier, wind_down);
  g_assert_true (spin_until (two_notify_calls, 5000));
  spin_for (200);
  /* Two kinds: both on screen, neither replaces the other */
  g_assert_cmpuint (dunst_displayed (), ==, 2);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  g_variant_get_child (fx.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (summary, ==, "A short nap would help");
  g_assert_cmpstr (body, ==, "You slept 6 h 10 min last night. A nap from 13:00 to 13:30 helps; "
                   "keep it under half an hour.");
  assert_labels (fx.notify_calls->pdata[0], "Dismiss", "Open");

  g_variant_get_child (fx.notify_calls->pdata[1], 3, "&s", &summary);
  g_variant_get_child (fx.notify_calls->pdata[1], 4, "&s", &body);
  g_assert_cmpstr (summary, ==, "Time to wind down");
  g_assert_cmpstr (body, ==, "Bedtime is 22:45: 8 h of sleep before you get up at 07:00, with 15 minutes "
                   "to fall asleep. Dim the lights and put screens away.");
  assert_labels (fx.notify_calls->pdata[1], "Open", "Snooze 15 min");

  /* A click on the newest bubble opens the Sleep page */
  dunst_call ("NotificationAction", g_variant_new ("(u)", 0));
  g_assert_true (spin_until (some_activated, 5000));
  g_assert_cmpstr (fx.activated->pdata[0], ==, "show-page 'sleep'");

  /* "Dismiss" withdraws it */
  fl_notifier_withdraw (fx.notifier, "nap");
  fl_notifier_withdraw (fx.notifier, "wind-down");
  g_assert_true (spin_until (none_displayed, 5000));

  teardown ();
}

/* The blood-test suggestion as fl-iron.c builds it: what the server gets,
 * and its one button opens the Iron page */
static void
test_blood_test_reminder (void)
{
  g_autoptr(FlJournal) journal = NULL;
  g_autoptr(FlRecord) result = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(FlReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **actions = NULL;
  const char *summary, *body;

  if (!in_own_process (TRUE))
    return;

  journal = fl_journal_new ();
  midnight = g_date_time_new_from_iso8601 ("2026-10-02T00:00:00+02:00", NULL);
  result = fl_record_new (FL_RECORD_FERRITIN, midnight);
  FL_FERRITIN (result)->ug_per_l = 12;
  g_assert_true (fl_journal_add (journal, result, &error));
  g_assert_no_error (error);
  due = g_date_time_new_from_iso8601 ("2026-11-27T10:00:00+01:00", NULL);
  reminder = fl_iron_blood_test_reminder (journal, due);

  start_private_bus ();
  start_monitor ();
  start_dunst ();
  start_app ();

  fl_notifier_show (fx.notifier, reminder);
  g_assert_true (spin_until (one_notify_call, 5000));
  spin_for (200);
  g_assert_cmpuint (dunst_displayed (), ==, 1);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  g_variant_get_child (fx.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (summary, ==, "A blood test could help");
  g_assert_cmpstr (body, ==, "Your last ferritin result, 12 µg/L, reads “empty stores”. A blood test with your GP "
                   "can tell whether your iron stores are filling up. This is information, not medical advice.");
  g_variant_get_child (fx.notify_calls->pdata[0], 5, "^a&s", &actions);
  /* The one button (and the bubble's default action, which is the same) */
  {
    gboolean found = FALSE;

    for (guint i = 1; actions[i - 1] != NULL && actions[i] != NULL; i += 2)
      found = found || g_strcmp0 (actions[i], "Open Iron") == 0;
    g_assert_true (found);
    g_assert_cmpuint (g_strv_length ((char **) actions), <=, 4);
  }

  dunst_call ("NotificationAction", g_variant_new ("(u)", 0));
  g_assert_true (spin_until (some_activated, 5000));
  g_assert_cmpstr (fx.activated->pdata[0], ==, "show-page 'iron'");

  teardown ();
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/notifier/arrives-with-its-actions",
                   test_arrives_with_its_actions);
  g_test_add_func ("/fl/notifier/buttons-activate-actions",
                   test_buttons_activate_actions);
  g_test_add_func ("/fl/notifier/no-server", test_no_server);
  g_test_add_func ("/fl/notifier/no-bus", test_no_bus);
  g_test_add_func ("/fl/notifier/stopped-server", test_stopped_server);
  g_test_add_func ("/fl/notifier/sleep-reminders", test_sleep_reminders);
  g_test_add_func ("/fl/notifier/blood-test-reminder", test_blood_test_reminder);

  return g_test_run ();
}
