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
 * records what the server was sent. All that is in fl-test-desktop.c.
 */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>

#include "fl-iron.h"
#include "fl-notifier.h"
#include "fl-sleep.h"
#include "fl-test-desktop.h"

#define DRINK_TITLE "Time for a drink"
#define DRINK_BODY  "You are 400 ml behind today’s pace."

typedef struct
{
  FlTestDesktop       desktop;

  GSimpleActionGroup *actions;
  GPtrArray          *activated;     /* "name target" */
  FlNotifier         *notifier;
  GPtrArray          *undelivered;   /* of FlReminder */
  GThread            *main_thread;
  gint64              last_undelivered_at;
} Fixture;

/* One test per process, so one fixture per process */
static Fixture fx;

/* Each test in a process of its own, bounded well above the ~5 s the
 * slowest test takes */
#define TEST_TIMEOUT_S 30

/* {{{ Helpers: the private desktop */

/* The bus and the monitor; dunst @with_dunst. dunst's context menu picks
 * the "Log 250 ml" button, as a user would. */
static void
start_desktop (gboolean with_dunst)
{
  fl_test_desktop_init (&fx.desktop, "fl-notifier-XXXXXX");
  fl_test_desktop_start_bus (&fx.desktop);
  fl_test_desktop_start_monitor (&fx.desktop);
  if (with_dunst)
    fl_test_desktop_start_dunst (&fx.desktop, "#Log 250 ml (", 10000);
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
  GPtrArray *calls = fx.desktop.notify_calls;
  const char *summary = NULL;

  if (calls->len == 0)
    return FALSE;

  g_variant_get_child (g_ptr_array_index (calls, calls->len - 1), 3, "&s", &summary);

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
  fl_test_desktop_teardown (&fx.desktop);
  g_clear_pointer (&fx.activated, g_ptr_array_unref);
  g_clear_pointer (&fx.undelivered, g_ptr_array_unref);
}

/* }}} */
/* {{{ Tests */

static void
assert_action_labels (GVariant *notify_call)
{
  g_autofree const char **actions = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  gsize n_actions;

  g_variant_get_child (notify_call, 5, "^a&s", &actions);
  n_actions = g_strv_length ((char **) actions);
  g_assert_cmpuint (n_actions % 2, ==, 0);

  /* Pairs of (id, label); libnotify sends them in hash order. */
  for (gsize i = 0; i < n_actions; i += 2)
    g_assert_true (g_hash_table_add (ids, (gpointer) actions[i]));
  g_assert_true (g_hash_table_contains (ids, "default"));

  labels = fl_test_notify_call_labels (notify_call);
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

  if (!fl_test_in_own_process (TRUE, TEST_TIMEOUT_S))
    return;

  start_desktop (TRUE);
  start_app ();

  show (DRINK_TITLE);
  g_assert_true (fl_test_desktop_spin_until_notify_calls (&fx.desktop, 1, 5000));
  g_assert_true (fl_test_dunst_spin_until_displayed (&fx.desktop, 1, 5000));
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 0, "&s", &app_name);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 1, "u", &replaces_id);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (app_name, ==, "Fresh Legs");
  g_assert_cmpuint (replaces_id, ==, 0);
  g_assert_cmpstr (summary, ==, DRINK_TITLE);
  g_assert_cmpstr (body, ==, DRINK_BODY);
  assert_action_labels (fx.desktop.notify_calls->pdata[0]);

  hints = g_variant_get_child_value (fx.desktop.notify_calls->pdata[0], 6);
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry));
  g_assert_cmpstr (desktop_entry, ==, APP_ID);
  g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
  g_assert_cmpuint (urgency, ==, 1);  /* normal */

  /* A new drink reminder replaces the one on screen, never stacks. */
  show ("Another drink?");
  g_assert_true (fl_test_desktop_spin_until_notify_calls (&fx.desktop, 2, 5000));
  g_variant_get_child (fx.desktop.notify_calls->pdata[1], 1, "u", &replaces_id);
  g_variant_get_child (fx.desktop.notify_calls->pdata[1], 3, "&s", &summary);
  g_assert_cmpuint (replaces_id, !=, 0);
  g_assert_cmpstr (summary, ==, "Another drink?");
  fl_test_spin_for (200);
  g_assert_cmpuint (fl_test_dunst_displayed (&fx.desktop), ==, 1);

  /* Withdrawn, it leaves the screen. */
  fl_notifier_withdraw (fx.notifier, "drink");
  g_assert_true (fl_test_dunst_spin_until_displayed (&fx.desktop, 0, 5000));
  g_assert_true (fl_test_desktop_spin_until_close_calls (&fx.desktop, 1, 1000));
  fl_test_spin_for (100);
  g_assert_cmpuint (fx.desktop.n_close_calls, ==, 1);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);
  g_assert_cmpuint (fx.activated->len, ==, 0);

  teardown ();
}

static gboolean
two_activated (void)
{
  return fx.activated->len >= 2;
}

static void
test_buttons_activate_actions (void)
{
  if (!fl_test_in_own_process (TRUE, TEST_TIMEOUT_S))
    return;

  start_desktop (TRUE);
  start_app ();

  show (DRINK_TITLE);
  g_assert_true (fl_test_dunst_spin_until_displayed (&fx.desktop, 1, 5000));

  /* A click on the bubble (dunst's "action" on the first one shown) opens
   * the page the reminder is about. */
  fl_test_dunst_call (&fx.desktop, "NotificationAction", g_variant_new ("(u)", 0));
  g_assert_true (fl_test_spin_until (some_activated, 5000));
  g_assert_cmpstr (fx.activated->pdata[0], ==, "show-page 'hydration'");

  /* The user opens dunst's context menu and picks "Log 250 ml". */
  fl_test_dunst_call (&fx.desktop, "ContextMenuCall", NULL);
  g_assert_true (fl_test_spin_until (two_activated, 5000));
  g_assert_cmpstr (fx.activated->pdata[1], ==, "log-drink 250");

  /* Nothing else (no snooze, no second drink) follows. */
  fl_test_spin_for (300);
  g_assert_cmpuint (fx.activated->len, ==, 2);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  teardown ();
}

static void
test_no_server (void)
{
  gint64 start;

  if (!fl_test_in_own_process (FALSE, TEST_TIMEOUT_S))
    return;

  start_desktop (FALSE);
  start_app ();

  start = g_get_monotonic_time ();
  show (DRINK_TITLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * 1000);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);  /* said on the main loop */

  g_assert_true (fl_test_spin_until (some_undelivered, 1000));
  g_assert_cmpint (fx.last_undelivered_at - start, <, G_USEC_PER_SEC);
  g_assert_cmpstr (((FlReminder *) fx.undelivered->pdata[0])->title, ==,
                   DRINK_TITLE);

  /* A failure is not a hang: the next one is tried, and fails as fast. */
  start = g_get_monotonic_time ();
  show ("Another drink?");
  g_assert_cmpuint (fx.undelivered->len, ==, 1);
  g_assert_true (fl_test_spin_until (two_undelivered, 1000));
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

  if (!fl_test_in_own_process (FALSE, TEST_TIMEOUT_S))
    return;

  /* A session bus address that leads nowhere, as over SSH without one. */
  fl_test_desktop_init (&fx.desktop, "fl-notifier-XXXXXX");
  fx.desktop.bus_address = g_strdup_printf ("unix:path=%s/no-bus", fx.desktop.dir);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", fx.desktop.bus_address, TRUE);
  start_app ();

  start = g_get_monotonic_time ();
  show (DRINK_TITLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * 1000);
  g_assert_true (fl_test_spin_until (some_undelivered, 1000));
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

  if (!fl_test_in_own_process (TRUE, TEST_TIMEOUT_S))
    return;

  start_desktop (TRUE);
  start_app ();

  /* Working at first */
  show (DRINK_TITLE);
  g_assert_true (fl_test_dunst_spin_until_displayed (&fx.desktop, 1, 5000));
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  /* Then the server hangs. */
  g_assert_cmpint (kill (fx.desktop.server_pid, SIGSTOP), ==, 0);

  last_tick = g_get_monotonic_time ();
  longest_gap = 0;
  n_ticks = 0;
  tick_id = g_timeout_add (50, tick, NULL);

  start = g_get_monotonic_time ();
  show ("Another drink?");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * 1000);

  /* The window keeps answering while libnotify waits on the server... */
  fl_test_spin_for (4000);
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
  g_assert_cmpint (kill (fx.desktop.server_pid, SIGCONT), ==, 0);
  start = g_get_monotonic_time ();
  while (TRUE)
    {
      guint before = fx.undelivered->len;

      show ("Drink now");
      if (fx.undelivered->len == before)
        break;
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      fl_test_spin_for (100);
    }
  g_assert_true (fl_test_spin_until (last_notify_is_drink_now, 5000));
  n_undelivered = fx.undelivered->len;
  fl_test_spin_for (300);
  g_assert_cmpuint (fx.undelivered->len, ==, n_undelivered);

  teardown ();
}

/* The sleep reminders as fl-sleep.c builds them: what the server gets */

static void
assert_labels (GVariant   *notify_call,
               const char *first,
               const char *second)
{
  g_autoptr(GPtrArray) labels = fl_test_notify_call_labels (notify_call);

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

  if (!fl_test_in_own_process (TRUE, TEST_TIMEOUT_S))
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

  start_desktop (TRUE);
  start_app ();

  fl_notifier_show (fx.notifier, nap);
  g_assert_true (fl_test_desktop_spin_until_notify_calls (&fx.desktop, 1, 5000));
  fl_notifier_show (fx.notifier, wind_down);
  g_assert_true (fl_test_desktop_spin_until_notify_calls (&fx.desktop, 2, 5000));
  fl_test_spin_for (200);
  /* Two kinds: both on screen, neither replaces the other */
  g_assert_cmpuint (fl_test_dunst_displayed (&fx.desktop), ==, 2);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (summary, ==, "A short nap would help");
  g_assert_cmpstr (body, ==, "You slept 6 h 10 min last night. A nap from 13:00 to 13:30 helps; "
                   "keep it under half an hour.");
  assert_labels (fx.desktop.notify_calls->pdata[0], "Dismiss", "Open");

  g_variant_get_child (fx.desktop.notify_calls->pdata[1], 3, "&s", &summary);
  g_variant_get_child (fx.desktop.notify_calls->pdata[1], 4, "&s", &body);
  g_assert_cmpstr (summary, ==, "Time to wind down");
  g_assert_cmpstr (body, ==, "Bedtime is 22:45: 8 h of sleep before you get up at 07:00, with 15 minutes "
                   "to fall asleep. Dim the lights and put screens away.");
  assert_labels (fx.desktop.notify_calls->pdata[1], "Open", "Snooze 15 min");

  /* A click on the newest bubble opens the Sleep page */
  fl_test_dunst_call (&fx.desktop, "NotificationAction", g_variant_new ("(u)", 0));
  g_assert_true (fl_test_spin_until (some_activated, 5000));
  g_assert_cmpstr (fx.activated->pdata[0], ==, "show-page 'sleep'");

  /* "Dismiss" withdraws it */
  fl_notifier_withdraw (fx.notifier, "nap");
  fl_notifier_withdraw (fx.notifier, "wind-down");
  g_assert_true (fl_test_dunst_spin_until_displayed (&fx.desktop, 0, 5000));

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

  if (!fl_test_in_own_process (TRUE, TEST_TIMEOUT_S))
    return;

  journal = fl_journal_new ();
  midnight = g_date_time_new_from_iso8601 ("2026-10-02T00:00:00+02:00", NULL);
  result = fl_record_new (FL_RECORD_FERRITIN, midnight);
  FL_FERRITIN (result)->ug_per_l = 12;
  g_assert_true (fl_journal_add (journal, result, &error));
  g_assert_no_error (error);
  due = g_date_time_new_from_iso8601 ("2026-11-27T10:00:00+01:00", NULL);
  reminder = fl_iron_blood_test_reminder (journal, due);

  start_desktop (TRUE);
  start_app ();

  fl_notifier_show (fx.notifier, reminder);
  g_assert_true (fl_test_desktop_spin_until_notify_calls (&fx.desktop, 1, 5000));
  fl_test_spin_for (200);
  g_assert_cmpuint (fl_test_dunst_displayed (&fx.desktop), ==, 1);
  g_assert_cmpuint (fx.undelivered->len, ==, 0);

  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (summary, ==, "A blood test could help");
  g_assert_cmpstr (body, ==, "Your last ferritin result, 12 µg/L, reads “empty stores”. A blood test with your GP "
                   "can tell whether your iron stores are filling up. This is information, not medical advice.");
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 5, "^a&s", &actions);
  /* The one button (and the bubble's default action, which is the same) */
  {
    gboolean found = FALSE;

    for (guint i = 1; actions[i - 1] != NULL && actions[i] != NULL; i += 2)
      found = found || g_strcmp0 (actions[i], "Open Iron") == 0;
    g_assert_true (found);
    g_assert_cmpuint (g_strv_length ((char **) actions), <=, 4);
  }

  fl_test_dunst_call (&fx.desktop, "NotificationAction", g_variant_new ("(u)", 0));
  g_assert_true (fl_test_spin_until (some_activated, 5000));
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
