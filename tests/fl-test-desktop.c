/* fl-test-desktop.c: a private desktop for the notification tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fl-test-desktop.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* {{{ Processes */

static gboolean
have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

/* In the parent: checks what the test needs, runs it in a child (bounded by
 * @timeout_s) and checks the child passed. In the child: returns TRUE, run
 * the test. GDBus and libnotify keep the session bus and their proxy per
 * process, so a fresh process is the only clean slate. */
gboolean
fl_test_in_own_process (gboolean needs_dunst,
                        guint    timeout_s)
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

  g_test_trap_subprocess (NULL, timeout_s * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  return FALSE;
}

static void
die_with_parent (gpointer data)
{
  /* If an assertion aborts the test, its bus and server go with it */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Output goes to /dev/null unless FL_TEST_SHOW_SERVER_OUTPUT is set, or
 * @stdout_fd asks for a pipe */
GPid
fl_test_spawn (const char * const *argv,
               int                *stdout_fd)
{
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH;
  /* Our G_DEBUG=fatal-warnings would make dunst abort on its first warning
   * (an icon it cannot find, say) */
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

/* Ends *@pid (one a test stopped, too) and sets it to 0 */
void
fl_test_end_process (GPid *pid)
{
  int status;

  if (*pid == 0)
    return;

  kill (*pid, SIGCONT);
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

/* }}} */
/* {{{ The main loop */

typedef gboolean (*Check) (gpointer data,
                           guint    n);

static gboolean
on_deadline (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check (@data, @n) or @timeout_ms; says whether
 * it is done. Without @check, just runs it for @timeout_ms. */
static gboolean
spin (Check    check,
      gpointer data,
      guint    n,
      guint    timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, on_deadline, &expired);

  while ((check == NULL || !check (data, n)) && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (id);

  return check != NULL && check (data, n);
}

static gboolean
check_done (gpointer data,
            guint    n)
{
  FlTestDoneFunc *done = data;

  return (*done) ();
}

/* Runs the main loop until @done or @timeout_ms; says whether it is done */
gboolean
fl_test_spin_until (FlTestDoneFunc done,
                    guint          timeout_ms)
{
  return spin (done != NULL ? check_done : NULL, &done, 0, timeout_ms);
}

void
fl_test_spin_for (guint ms)
{
  spin (NULL, NULL, 0, ms);
}

/* }}} */
/* {{{ The private bus and what crosses it */

/* Makes @desktop's directory (from @dir_template, as g_dir_make_tmp()) and
 * starts recording */
void
fl_test_desktop_init (FlTestDesktop *desktop,
                      const char    *dir_template)
{
  g_autoptr(GError) error = NULL;

  memset (desktop, 0, sizeof *desktop);
  desktop->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  desktop->notify_calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
}

void
fl_test_desktop_start_bus (FlTestDesktop *desktop)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *config_arg = NULL;
  g_autoptr(GString) address = g_string_new (NULL);
  int out_fd = -1;
  char c;

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
    "</busconfig>\n", desktop->dir);
  config_path = g_build_filename (desktop->dir, "bus.conf", NULL);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  config_arg = g_strconcat ("--config-file=", config_path, NULL);
  desktop->bus_pid = fl_test_spawn ((const char *[]) { "dbus-daemon", "--nofork", "--print-address=1",
                                                       config_arg, NULL },
                                    &out_fd);

  /* dbus-daemon prints its address once it listens */
  while (read (out_fd, &c, 1) == 1 && c != '\n')
    g_string_append_c (address, c);
  close (out_fd);
  g_assert_cmpuint (address->len, >, 0);
  desktop->bus_address = g_string_free (g_steal_pointer (&address), FALSE);

  /* Before anything in this process (GApplication, libnotify) opens the
   * session bus */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", desktop->bus_address, TRUE);

  desktop->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  /* The bus goes down in teardown; that must not end this process */
  g_dbus_connection_set_exit_on_close (desktop->bus, FALSE);
}

typedef struct
{
  FlTestDesktop *desktop;
  GDBusMessage  *message;
} Overheard;

static void
overheard_free (gpointer data)
{
  Overheard *overheard = data;

  g_object_unref (overheard->message);
  g_free (overheard);
}

/* On the main context */
static gboolean
record_message (gpointer data)
{
  Overheard *overheard = data;
  const char *member = g_dbus_message_get_member (overheard->message);

  if (g_strcmp0 (member, "Notify") == 0)
    g_ptr_array_add (overheard->desktop->notify_calls,
                     g_variant_ref (g_dbus_message_get_body (overheard->message)));
  else if (g_strcmp0 (member, "CloseNotification") == 0)
    overheard->desktop->n_close_calls++;

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
      g_strcmp0 (g_dbus_message_get_interface (message), FL_TEST_NOTIFICATIONS_IFACE) == 0)
    {
      Overheard *overheard = g_new (Overheard, 1);

      overheard->desktop = user_data;
      overheard->message = g_object_ref (message);
      g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, record_message, overheard, overheard_free);
    }

  /* A monitor only listens: GDBus must not answer what it overhears */
  g_object_unref (message);
  return NULL;
}

/* A second connection, as a D-Bus monitor: what the notification server is
 * sent lands in notify_calls and n_close_calls */
void
fl_test_desktop_start_monitor (FlTestDesktop *desktop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *rules[] = { "type='method_call',interface='" FL_TEST_NOTIFICATIONS_IFACE "'", NULL };

  desktop->monitor = g_dbus_connection_new_for_address_sync (desktop->bus_address,
                                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                            NULL, NULL, &error);
  g_assert_no_error (error);

  desktop->filter_id = g_dbus_connection_add_filter (desktop->monitor, monitor_filter, desktop, NULL);
  reply = g_dbus_connection_call_sync (desktop->monitor, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Monitoring", "BecomeMonitor",
                                       g_variant_new ("(^asu)", rules, 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
check_notify_calls (gpointer data,
                    guint    n)
{
  FlTestDesktop *desktop = data;

  return desktop->notify_calls->len >= n;
}

/* Runs the main loop until the server was sent @n Notify calls (or more) */
gboolean
fl_test_desktop_spin_until_notify_calls (FlTestDesktop *desktop,
                                         guint          n,
                                         guint          timeout_ms)
{
  return spin (check_notify_calls, desktop, n, timeout_ms);
}

static gboolean
check_close_calls (gpointer data,
                   guint    n)
{
  FlTestDesktop *desktop = data;

  return desktop->n_close_calls >= n;
}

/* Runs the main loop until the server was sent @n CloseNotification calls
 * (or more) */
gboolean
fl_test_desktop_spin_until_close_calls (FlTestDesktop *desktop,
                                        guint          n,
                                        guint          timeout_ms)
{
  return spin (check_close_calls, desktop, n, timeout_ms);
}

/* }}} */
/* {{{ dunst */

static void
server_appeared (GDBusConnection *connection,
                 const char      *name,
                 const char      *owner,
                 gpointer         user_data)
{
  FlTestDesktop *desktop = user_data;

  desktop->server_up = TRUE;
}

static void
server_vanished (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  FlTestDesktop *desktop = user_data;

  desktop->server_up = FALSE;
}

static gboolean
check_server_up (gpointer data,
                 guint    n)
{
  FlTestDesktop *desktop = data;

  return desktop->server_up;
}

/* Starts dunst and waits up to @timeout_ms for it on the bus. dunst's
 * context menu hands its entries ("#label (summary) [id,key]") to a
 * dmenu-like chooser and invokes what it prints: this one chooses the first
 * entry containing @menu_entry, as a user would. */
void
fl_test_desktop_start_dunst (FlTestDesktop *desktop,
                             const char    *menu_entry,
                             guint          timeout_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dunstrc = g_build_filename (desktop->dir, "dunstrc", NULL);
  g_autofree char *pick = g_build_filename (desktop->dir, "dmenu-pick", NULL);
  g_autofree char *script = NULL;
  g_autofree char *config = NULL;

  g_assert_null (strchr (menu_entry, '\''));
  script = g_strdup_printf ("#!/bin/sh\nexec grep -m1 -F '%s'\n", menu_entry);
  g_file_set_contents (pick, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (pick, 0700), ==, 0);

  config = g_strdup_printf ("[global]\n"
                            "    dmenu = %s\n"
                            "    show_indicators = no\n", pick);
  g_file_set_contents (dunstrc, config, -1, &error);
  g_assert_no_error (error);

  desktop->watch_id = g_bus_watch_name_on_connection (desktop->bus, FL_TEST_NOTIFICATIONS_NAME,
                                                      G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                      server_appeared, server_vanished, desktop, NULL);
  desktop->server_pid = fl_test_spawn ((const char *[]) { "dunst", "-config", dunstrc, NULL }, NULL);
  g_assert_true (spin (check_server_up, desktop, 0, timeout_ms));
}

/* How many notifications dunst has on screen */
guint
fl_test_dunst_displayed (FlTestDesktop *desktop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_connection_call_sync (desktop->bus, FL_TEST_NOTIFICATIONS_NAME, FL_TEST_NOTIFICATIONS_PATH,
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", FL_TEST_DUNST_IFACE, "displayedLength"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_uint32 (value);
}

static gboolean
check_displayed (gpointer data,
                 guint    n)
{
  return fl_test_dunst_displayed (data) == n;
}

/* Runs the main loop until dunst shows exactly @n notifications */
gboolean
fl_test_dunst_spin_until_displayed (FlTestDesktop *desktop,
                                    guint          n,
                                    guint          timeout_ms)
{
  return spin (check_displayed, desktop, n, timeout_ms);
}

/* Calls @method of dunst's own interface, as dunstctl does:
 * "NotificationAction" (u) clicks a bubble, "ContextMenuCall" opens the menu
 * that the chooser from fl_test_desktop_start_dunst() answers */
void
fl_test_dunst_call (FlTestDesktop *desktop,
                    const char    *method,
                    GVariant      *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (desktop->bus, FL_TEST_NOTIFICATIONS_NAME, FL_TEST_NOTIFICATIONS_PATH,
                                       FL_TEST_DUNST_IFACE, method, parameters, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 2000, NULL, &error);
  g_assert_no_error (error);
}

/* }}} */

/* Stops dunst, the monitor and the bus, and removes the directory with all
 * in it (the test's own files too); safe on a desktop half started */
void
fl_test_desktop_teardown (FlTestDesktop *desktop)
{
  g_clear_handle_id (&desktop->watch_id, g_bus_unwatch_name);
  fl_test_end_process (&desktop->server_pid);
  if (desktop->monitor != NULL)
    g_dbus_connection_remove_filter (desktop->monitor, desktop->filter_id);
  g_clear_object (&desktop->monitor);
  fl_test_end_process (&desktop->bus_pid);
  g_clear_object (&desktop->bus);

  if (desktop->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (desktop->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (desktop->dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (desktop->dir);
    }
  g_clear_pointer (&desktop->dir, g_free);
  g_clear_pointer (&desktop->bus_address, g_free);
  g_clear_pointer (&desktop->notify_calls, g_ptr_array_unref);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The labels of a Notify call's actions (buttons, and "default" for a click
 * on the bubble), sorted: libnotify sends them in hash order */
GPtrArray *
fl_test_notify_call_labels (GVariant *notify_call)
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
