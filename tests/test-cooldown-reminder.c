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
 * "Start" button, as the runner would. All that is in fl-test-desktop.c.
 */
#include "config.h"

#include "fl-application.h"
#include "fl-cooldown-page.h"
#include "fl-test-clock.h"
#include "fl-test-desktop.h"
#include "fl-window.h"

/* A Friday morning in Berlin; the run ended ten minutes before */
#define NOW       "2026-11-27T10:00:00+01:00"
#define RUN_START "2026-11-27T09:05:00+01:00"
#define RUN_S     (45 * 60)

/* What fl-scheduler.c says (DESIGN.md "Reminders": cool-down) */
#define REMINDER_TITLE "Time to cool down"
#define REMINDER_BODY  "A few minutes of stretching now, while your muscles are warm, helps against heavy legs."

typedef struct
{
  FlTestDesktop    desktop;

  FlTestClock     *clock;
  FlApplication   *app;
  gboolean         started;
} Fixture;

/* One test per process */
static Fixture fx;

/* {{{ The application */

static gboolean
session_running (void)
{
  FlStretchSession *session = fl_application_get_cooldown_session (fx.app);

  return session != NULL && fl_stretch_session_get_state (session) == FL_STRETCH_SESSION_RUNNING;
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
  g_assert_true (fl_test_desktop_spin_until_notify_calls (&fx.desktop, 1, 5000));
  g_assert_true (fl_test_dunst_spin_until_displayed (&fx.desktop, 1, 3000));
  g_assert_cmpuint (fx.desktop.notify_calls->len, ==, 1);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 0, "&s", &app_name);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 3, "&s", &summary);
  g_variant_get_child (fx.desktop.notify_calls->pdata[0], 4, "&s", &body);
  g_assert_cmpstr (app_name, ==, "Fresh Legs");
  g_assert_cmpstr (summary, ==, REMINDER_TITLE);
  g_assert_cmpstr (body, ==, REMINDER_BODY);
  /* The two buttons, and the click on the bubble */
  labels = fl_test_notify_call_labels (fx.desktop.notify_calls->pdata[0]);
  g_assert_cmpuint (labels->len, ==, 3);
  g_assert_cmpstr (labels->pdata[0], ==, "Later");
  g_assert_cmpstr (labels->pdata[1], ==, "Open");
  g_assert_cmpstr (labels->pdata[2], ==, "Start");

  /* Nothing has started yet */
  g_assert_null (fl_application_get_cooldown_session (fx.app));

  /* The runner opens dunst's menu and picks "Start" */
  fl_test_dunst_call (&fx.desktop, "ContextMenuCall", NULL);
  g_assert_true (fl_test_spin_until (session_running, 5000));

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
  g_assert_true (fl_test_dunst_spin_until_displayed (&fx.desktop, 0, 3000));
  g_assert_cmpuint (fx.desktop.notify_calls->len, ==, 1);

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

static void
test_start_from_notification (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *journal_path = NULL;
  char *argv[] = { (char *) "fresh-legs", NULL };
  const char *quiet[] = { "drink-reminders", "rest-day-reminders", "wind-down-reminders",
                          "nap-reminders", "blood-test-reminders" };

  /* Bounded: the whole path takes about 2 s */
  if (!fl_test_in_own_process (TRUE, 15))
    return;

  fl_test_desktop_init (&fx.desktop, "fl-cooldown-reminder-XXXXXX");
  fl_test_desktop_start_bus (&fx.desktop);
  fl_test_desktop_start_monitor (&fx.desktop);
  fl_test_desktop_start_dunst (&fx.desktop, "#Start (" REMINDER_TITLE ")", 5000);

  gtk_init ();

  /* Reminders on, only the cool-down's: nothing else comes on screen */
  settings = g_settings_new (BASE_ID);
  g_settings_set_boolean (settings, "welcome-done", TRUE);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_boolean (settings, "cooldown-reminders", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (quiet); i++)
    g_settings_set_boolean (settings, quiet[i], FALSE);

  journal_path = g_build_filename (fx.desktop.dir, "journal.json", NULL);
  fx.clock = fl_test_clock_new (NOW);
  fx.app = fl_application_new_for_test (FL_CLOCK (fx.clock), journal_path);
  g_signal_connect (fx.app, "activate", G_CALLBACK (on_activate), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (fx.app), 1, argv), ==, 0);
  g_assert_true (fx.started);

  g_assert_finalize_object (g_steal_pointer (&fx.app));
  g_clear_object (&fx.clock);
  /* The journal goes with dunst's files, the bus's config and its socket */
  fl_test_desktop_teardown (&fx.desktop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/cooldown-reminder/start-from-notification", test_start_from_notification);

  return g_test_run ();
}
