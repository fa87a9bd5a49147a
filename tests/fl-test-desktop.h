/* fl-test-desktop.h: a private desktop for the notification tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What test-notifier.c and test-cooldown-reminder.c both need: each test in
 * a process of its own, a private dbus-daemon with no service directories
 * (nothing is activated behind a test's back), a D-Bus monitor recording
 * what the notification server is sent, and dunst as that server, on the
 * display the suite runs under (xvfb-run). One FlTestDesktop per process.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FL_TEST_NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define FL_TEST_NOTIFICATIONS_PATH  "/org/freedesktop/Notifications"
#define FL_TEST_NOTIFICATIONS_IFACE "org.freedesktop.Notifications"
#define FL_TEST_DUNST_IFACE         "org.dunstproject.cmd0"

typedef struct
{
  char            *dir;            /* the bus's socket and config, dunst's files */
  char            *bus_address;
  GPid             bus_pid;
  GPid             server_pid;
  GDBusConnection *bus;            /* the session bus, shared with libnotify */
  GDBusConnection *monitor;
  guint            filter_id;
  guint            watch_id;
  gboolean         server_up;

  GPtrArray       *notify_calls;   /* of GVariant (susssasa{sv}i) */
  guint            n_close_calls;
} FlTestDesktop;

typedef gboolean (*FlTestDoneFunc) (void);

/* Processes */
gboolean   fl_test_in_own_process         (gboolean            needs_dunst,
                                           guint               timeout_s);
GPid       fl_test_spawn                  (const char * const *argv,
                                           int                *stdout_fd);
void       fl_test_end_process            (GPid               *pid);

/* The main loop */
gboolean   fl_test_spin_until             (FlTestDoneFunc      done,
                                           guint               timeout_ms);
void       fl_test_spin_for               (guint               ms);

/* The desktop */
void       fl_test_desktop_init           (FlTestDesktop      *desktop,
                                           const char         *dir_template);
void       fl_test_desktop_start_bus      (FlTestDesktop      *desktop);
void       fl_test_desktop_start_monitor  (FlTestDesktop      *desktop);
void       fl_test_desktop_start_dunst    (FlTestDesktop      *desktop,
                                           const char         *menu_entry,
                                           guint               timeout_ms);
void       fl_test_desktop_teardown       (FlTestDesktop      *desktop);

gboolean   fl_test_desktop_spin_until_notify_calls (FlTestDesktop *desktop,
                                                    guint          n,
                                                    guint          timeout_ms);
gboolean   fl_test_desktop_spin_until_close_calls  (FlTestDesktop *desktop,
                                                    guint          n,
                                                    guint          timeout_ms);

/* dunst, over its D-Bus interface (as dunstctl) */
guint      fl_test_dunst_displayed        (FlTestDesktop      *desktop);
gboolean   fl_test_dunst_spin_until_displayed (FlTestDesktop *desktop,
                                               guint          n,
                                               guint          timeout_ms);
void       fl_test_dunst_call             (FlTestDesktop      *desktop,
                                           const char         *method,
                                           GVariant           *parameters);

/* What a Notify call carried */
GPtrArray *fl_test_notify_call_labels     (GVariant           *notify_call);

G_END_DECLS
