/* test-ui.c: the window, in-process under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts a Fresh Legs with a test clock at 2026-11-27 10:00 in
 * Berlin and a journal in a fresh temporary folder, opens its window and
 * acts on it the way a runner would: a click is a "clicked" on the button
 * they would press. What the test asserts is what they would see, and what
 * lands in the journal and on disk.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "fl-application.h"
#include "fl-bar-chart.h"
#include "fl-cli.h"
#include "fl-cooldown-page.h"
#include "fl-cooldown-stats.h"
#include "fl-hydration-page.h"
#include "fl-hydration.h"
#include "fl-preferences-window.h"
#include "fl-profile-group.h"
#include "fl-progress-ring.h"
#include "fl-stretch-figure.h"
#include "fl-test-clock.h"
#include "fl-welcome-window.h"
#include "fl-window.h"

typedef struct _Fixture Fixture;

struct _Fixture
{
  char          *dir;
  char          *path;
  FlTestClock   *clock;
  FlApplication *app;
  FlWindow      *window;
  FlHydrationPage *page;
  FlProgressRing  *ring;
  gboolean       started;
  void         (*body) (Fixture *f);
};

static void
spin (void)
{
  /* Twice, with a pause: some work is queued from idle handlers */
  for (int i = 0; i < 2; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * 1000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
have_display (void)
{
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("No DISPLAY: run the suite under xvfb-run");
      return FALSE;
    }

  return TRUE;
}

static gpointer
child (gpointer     widget,
       GType        type,
       const char  *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_get_visible (root))
    return root;

  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_button_with_label (w, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_label_with_text (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_visible (root))
    return root;

  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_label_with_text (w, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_first_of_type (GtkWidget *root,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_first_of_type (w, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static FlJournal *
journal (Fixture *f)
{
  return fl_application_get_journal (f->app);
}

static GPtrArray *
drinks (Fixture *f)
{
  return fl_journal_get_records (journal (f), FL_RECORD_DRINK);
}

/* The drinks in the file on disk, as [ml, ml, …] */
static GArray *
drinks_on_disk (Fixture *f)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GArray *result = g_array_new (FALSE, FALSE, sizeof (int));
  JsonObject *root;
  JsonArray *array;

  json_parser_load_from_file (parser, f->path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "fresh-legs-journal");

  if (!json_object_has_member (root, "drinks"))
    return result;

  array = json_object_get_array_member (root, "drinks");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      int ml = json_object_get_int_member (json_array_get_object_element (array, i), "ml");

      g_array_append_val (result, ml);
    }

  return result;
}

typedef void (*TestBody) (Fixture *f);

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (g_getenv ("DISPLAY") == NULL)
    return;

  f->dir = g_dir_make_tmp ("fl-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "fresh-legs", "journal.json", NULL);
  f->clock = fl_test_clock_new ("2026-11-27T10:00:00+01:00");

  /* The memory backend lives as long as the process: start each test clean */
  settings = g_settings_new (BASE_ID);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "wake-time");
  g_settings_reset (settings, "bedtime");
  /* The welcome has its own test */
  g_settings_set_boolean (settings, "welcome-done", TRUE);
  /* Nothing else should come on screen while the window is tested */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);

  f->app = fl_application_new_for_test (FL_CLOCK (f->clock), f->path);
}

static gboolean
run_body (gpointer user_data)
{
  Fixture *f = user_data;
  GtkWindow *window;
  GList *windows;

  spin ();

  window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  if (window == NULL && gtk_application_get_windows (GTK_APPLICATION (f->app)) != NULL)
    window = gtk_application_get_windows (GTK_APPLICATION (f->app))->data;
  g_assert_true (FL_IS_WINDOW (window));
  f->window = FL_WINDOW (window);
  f->page = child (f->window, FL_TYPE_WINDOW, "hydration_page");
  f->ring = child (f->page, FL_TYPE_HYDRATION_PAGE, "ring");

  f->body (f);

  /* Done: the windows go, and with them the application's last hold */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (f->app))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (f->app));

  return G_SOURCE_REMOVE;
}

static void
on_activate (Fixture *f)
{
  if (!f->started)
    {
      f->started = TRUE;
      g_idle_add (run_body, f);
    }
}

/* The application runs as it would for a runner: g_application_run()
 * starts it, activates it (the window opens) and, once the test body has
 * run in its main loop, shuts it down. */
static void
run_test (Fixture       *f,
          gconstpointer  data)
{
  char *argv[] = { (char *) "fresh-legs", NULL };

  if (!have_display ())
    return;

  f->body = (TestBody) data;
  g_signal_connect_swapped (f->app, "activate", G_CALLBACK (on_activate), f);
  g_assert_cmpint (g_application_run (G_APPLICATION (f->app), 1, argv), ==, 0);
  g_assert_true (f->started);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->app == NULL)
    return;

  g_assert_finalize_object (g_steal_pointer (&f->app));
  g_clear_object (&f->clock);

  /* The journal, its folder and anything moved aside */
  {
    g_autofree char *folder = g_path_get_dirname (f->path);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (folder, name, NULL);

        g_unlink (file);
      }
    g_rmdir (folder);
    g_rmdir (f->dir);
  }

  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

static void
log_drink (Fixture *f,
           int      ml)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "log-drink", g_variant_new_int32 (ml));
  spin ();
}

/* The window opens on Hydration, showing today's default goal */
static void
test_window_opens_on_hydration (Fixture *f)
{
  GtkRevealer *defaults;
  GtkLabel *describe;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "hydration");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));

  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 0);
  g_assert_cmpfloat (fl_progress_ring_get_maximum (f->ring), ==, 2000);
  g_assert_cmpstr (fl_progress_ring_get_text (f->ring), ==, "0 ml");
  g_assert_cmpstr (fl_progress_ring_get_secondary_text (f->ring), ==, "of 2.0 L");
  g_assert_cmpint (fl_progress_ring_get_percent (f->ring), ==, 0);

  describe = child (f->page, FL_TYPE_HYDRATION_PAGE, "describe_label");
  g_assert_nonnull (strstr (gtk_label_get_label (describe), "2.0 L"));

  /* Without a profile the window says which defaults it uses */
  defaults = child (f->window, FL_TYPE_WINDOW, "defaults_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (defaults));
  {
    g_autofree char *expected = fl_profile_describe_defaults ();
    GtkLabel *label = child (f->window, FL_TYPE_WINDOW, "defaults_label");

    g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
  }

  fl_window_show_page (f->window, "no-such-page");
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "hydration");
}

/* Quick-add 250 moves the ring and reaches the journal and the file */
static void
test_quick_add (Fixture *f)
{
  GtkListBox *entries;
  g_autoptr(GArray) on_disk = NULL;
  FlRecord *record;
  g_autoptr(GDateTime) local = NULL;

  g_signal_emit_by_name (child (f->page, FL_TYPE_HYDRATION_PAGE, "add_250_button"), "clicked");
  spin ();

  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 250);
  g_assert_cmpstr (fl_progress_ring_get_text (f->ring), ==, "250 ml");
  g_assert_cmpint (fl_progress_ring_get_percent (f->ring), ==, 13);

  g_assert_cmpuint (drinks (f)->len, ==, 1);
  record = g_ptr_array_index (drinks (f), 0);
  g_assert_cmpint (FL_DRINK (record)->ml, ==, 250);
  local = g_date_time_to_local (record->time);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 10);

  on_disk = drinks_on_disk (f);
  g_assert_cmpuint (on_disk->len, ==, 1);
  g_assert_cmpint (g_array_index (on_disk, int, 0), ==, 250);

  entries = child (f->page, FL_TYPE_HYDRATION_PAGE, "entries_list");
  g_assert_cmpuint (count_rows (entries), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (entries, 0))),
                   ==, "250 ml");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (entries, 0))),
                   ==, "10:00");

  /* 150 and 500 log what they say */
  g_signal_emit_by_name (child (f->page, FL_TYPE_HYDRATION_PAGE, "add_150_button"), "clicked");
  g_signal_emit_by_name (child (f->page, FL_TYPE_HYDRATION_PAGE, "add_500_button"), "clicked");
  spin ();
  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 900);
  g_assert_cmpuint (count_rows (entries), ==, 3);
}

/* Ctrl+1, Ctrl+2 and Ctrl+3 log 150, 250 and 500 ml */
static void
test_shortcuts (Fixture *f)
{
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutController *shortcuts = NULL;
  static const struct { guint key; int ml; } cases[] = {
    { GDK_KEY_1, 150 }, { GDK_KEY_2, 250 }, { GDK_KEY_3, 500 },
  };
  int total = 0;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_GLOBAL)
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (shortcuts);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (cases[c].key, GDK_CONTROL_MASK);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            continue;

          found = TRUE;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       GTK_WIDGET (f->page),
                                                       gtk_shortcut_get_arguments (shortcut)));
        }
      g_assert_true (found);
      spin ();

      total += cases[c].ml;
      g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, total);
      g_assert_cmpint (FL_DRINK (g_ptr_array_index (drinks (f), drinks (f)->len - 1))->ml, ==, cases[c].ml);
    }
}

/* Removing an entry offers "Undo", which brings back the same drink */
static void
test_remove_and_undo (Fixture *f)
{
  GtkListBox *entries;
  GtkWidget *remove, *undo;
  g_autofree char *id = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GArray) on_disk = NULL;
  g_autoptr(GArray) on_disk_after = NULL;

  log_drink (f, 330);
  g_assert_cmpuint (drinks (f)->len, ==, 1);
  id = g_strdup (((FlRecord *) g_ptr_array_index (drinks (f), 0))->id);
  time = g_date_time_ref (((FlRecord *) g_ptr_array_index (drinks (f), 0))->time);

  entries = child (f->page, FL_TYPE_HYDRATION_PAGE, "entries_list");
  remove = find_first_of_type (GTK_WIDGET (gtk_list_box_get_row_at_index (entries, 0)), GTK_TYPE_BUTTON);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  spin ();

  g_assert_cmpuint (drinks (f)->len, ==, 0);
  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 0);
  g_assert_cmpuint (count_rows (entries), ==, 0);
  on_disk = drinks_on_disk (f);
  g_assert_cmpuint (on_disk->len, ==, 0);

  /* The toast says what went, and offers it back */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (f->window), "Removed 330 ml"));
  undo = find_button_with_label (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();

  g_assert_cmpuint (drinks (f)->len, ==, 1);
  g_assert_cmpstr (((FlRecord *) g_ptr_array_index (drinks (f), 0))->id, ==, id);
  g_assert_true (g_date_time_equal (((FlRecord *) g_ptr_array_index (drinks (f), 0))->time, time));
  g_assert_cmpint (FL_DRINK (g_ptr_array_index (drinks (f), 0))->ml, ==, 330);
  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 330);
  g_assert_cmpuint (count_rows (entries), ==, 1);
  on_disk_after = drinks_on_disk (f);
  g_assert_cmpuint (on_disk_after->len, ==, 1);
  g_assert_cmpint (g_array_index (on_disk_after, int, 0), ==, 330);
}

/* A typed amount goes through the command line's parser; bad input is
 * explained next to the field and stores nothing. */
static void
test_custom_amount (Fixture *f)
{
  AdwEntryRow *row;
  GtkLabel *error_label;
  GtkWidget *button;
  g_autoptr(GError) expected = NULL;
  int ml;

  row = child (f->page, FL_TYPE_HYDRATION_PAGE, "amount_row");
  error_label = child (f->page, FL_TYPE_HYDRATION_PAGE, "amount_error_label");
  button = child (f->page, FL_TYPE_HYDRATION_PAGE, "amount_button");

  gtk_editable_set_text (GTK_EDITABLE (row), "a glass");
  g_signal_emit_by_name (button, "clicked");
  spin ();

  g_assert_false (fl_parse_volume_ml ("a glass", &ml, &expected));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_label (error_label), ==, expected->message);
  g_assert_cmpuint (drinks (f)->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "a glass");

  /* Typing again takes the message away */
  gtk_editable_set_text (GTK_EDITABLE (row), "0.33 l");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  g_signal_emit_by_name (row, "entry-activated");
  spin ();
  g_assert_cmpuint (drinks (f)->len, ==, 1);
  g_assert_cmpint (FL_DRINK (g_ptr_array_index (drinks (f), 0))->ml, ==, 330);
  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 330);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (row), "100 l");
  g_signal_emit_by_name (button, "clicked");
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (drinks (f)->len, ==, 1);
}

/* Preferences: a female profile lowers the base goal from 2.0 to 1.6 L */
static void
test_preferences_sex_changes_goal (Fixture *f)
{
  GtkWindow *preferences;
  FlProfileGroup *group;
  AdwComboRow *sex_row;
  GtkWidget *pregnant_row;

  g_assert_cmpstr (fl_progress_ring_get_secondary_text (f->ring), ==, "of 2.0 L");

  preferences = fl_preferences_window_new (f->app, GTK_WINDOW (f->window));
  gtk_window_present (preferences);
  spin ();

  group = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "profile_group");
  sex_row = child (group, FL_TYPE_PROFILE_GROUP, "sex_row");
  pregnant_row = child (group, FL_TYPE_PROFILE_GROUP, "pregnant_row");
  g_assert_false (gtk_widget_get_visible (pregnant_row));

  adw_combo_row_set_selected (sex_row, 1);     /* Female */
  spin ();

  g_assert_true (fl_journal_get_profile (journal (f))->is_set);
  g_assert_cmpint (fl_journal_get_profile (journal (f))->sex, ==, FL_SEX_FEMALE);
  g_assert_cmpstr (fl_progress_ring_get_secondary_text (f->ring), ==, "of 1.6 L");
  g_assert_cmpfloat (fl_progress_ring_get_maximum (f->ring), ==, 1600);
  g_assert_true (gtk_widget_get_visible (pregnant_row));
  /* The defaults line is gone with the defaults */
  g_assert_false (gtk_revealer_get_reveal_child (child (f->window, FL_TYPE_WINDOW, "defaults_revealer")));

  /* And back: male is 2.0 L again, and pregnancy is not asked */
  adw_combo_row_set_selected (sex_row, 2);
  spin ();
  g_assert_cmpint (fl_journal_get_profile (journal (f))->sex, ==, FL_SEX_MALE);
  g_assert_cmpstr (fl_progress_ring_get_secondary_text (f->ring), ==, "of 2.0 L");
  g_assert_false (gtk_widget_get_visible (pregnant_row));

  /* A change made elsewhere (the command line) shows in the open window */
  {
    FlProfile profile = *fl_journal_get_profile (journal (f));

    profile.sex = FL_SEX_FEMALE;
    g_assert_true (fl_journal_set_profile (journal (f), &profile, NULL));
    spin ();
    g_assert_cmpuint (adw_combo_row_get_selected (sex_row), ==, 1);
  }

  gtk_window_destroy (preferences);
  spin ();
}

/* Preferences: wake time and bedtime are GSettings minutes */
static void
test_preferences_times (Fixture *f)
{
  GtkWindow *preferences;
  GSettings *settings = fl_application_get_settings (f->app);
  GtkSpinButton *hour, *minute;
  GtkMenuButton *button;

  preferences = fl_preferences_window_new (f->app, GTK_WINDOW (f->window));
  button = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "wake_button");
  hour = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "wake_hour_spin");
  minute = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "wake_minute_spin");

  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "07:00");
  gtk_spin_button_set_value (hour, 6);
  gtk_spin_button_set_value (minute, 30);
  g_assert_cmpint (g_settings_get_int (settings, "wake-time"), ==, 6 * 60 + 30);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "06:30");

  g_settings_set_int (settings, "bedtime", 22 * 60 + 15);
  g_assert_cmpstr (gtk_menu_button_get_label (child (preferences, FL_TYPE_PREFERENCES_WINDOW, "bedtime_button")),
                   ==, "22:15");

  /* The drink-reminder switch follows the master switch */
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (gtk_widget_get_sensitive (child (preferences, FL_TYPE_PREFERENCES_WINDOW, "drink_row")));
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_assert_false (gtk_widget_get_sensitive (child (preferences, FL_TYPE_PREFERENCES_WINDOW, "drink_row")));

  gtk_window_destroy (preferences);
  spin ();
}

/* At midnight the page turns to the new day without being asked */
static void
test_midnight (Fixture *f)
{
  FlBarChart *chart;

  log_drink (f, 500);
  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 500);
  chart = child (f->page, FL_TYPE_HYDRATION_PAGE, "chart");
  g_assert_cmpuint (fl_bar_chart_get_n_bars (chart), ==, 14);
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 13), ==, 500);

  /* 10:00 to 00:30 the next day */
  fl_test_clock_advance (f->clock, (14 * 60 + 30) * G_TIME_SPAN_MINUTE);
  spin ();

  g_assert_cmpfloat (fl_progress_ring_get_value (f->ring), ==, 0);
  g_assert_cmpuint (count_rows (child (f->page, FL_TYPE_HYDRATION_PAGE, "entries_list")), ==, 0);
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 13), ==, 0);
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 12), ==, 500);
  g_assert_cmpfloat (fl_bar_chart_get_target (chart, 12), ==, 2000);

  /* And again the night after: the deadline was re-armed */
  fl_test_clock_advance (f->clock, 24 * G_TIME_SPAN_HOUR);
  spin ();
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 11), ==, 500);
}

/* A reminder no notification server took shows in the window, with its
 * actions: "Log 250 ml" logs it. */
static void
test_reminder_in_window (Fixture *f)
{
  g_autoptr(FlReminder) reminder = NULL;
  g_autoptr(GDateTime) now = fl_clock_now (FL_CLOCK (f->clock));
  GtkRevealer *revealer;
  GtkWidget *log;

  reminder = fl_reminder_new ("drink", now, "Time for a drink", "You are 400 ml behind.");
  fl_reminder_add_action (reminder, "Log 250 ml", "app.log-drink", g_variant_new_int32 (250));
  fl_reminder_add_action (reminder, "Snooze 30 min", "app.snooze", g_variant_new ("(si)", "drink", 30));
  g_signal_emit_by_name (f->app, "reminder-in-window", reminder);
  spin ();

  revealer = child (f->window, FL_TYPE_WINDOW, "reminder_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (child (f->window, FL_TYPE_WINDOW, "reminder_title_label")),
                   ==, "Time for a drink");
  g_assert_cmpstr (gtk_label_get_label (child (f->window, FL_TYPE_WINDOW, "reminder_body_label")),
                   ==, "You are 400 ml behind.");
  g_assert_nonnull (find_button_with_label (GTK_WIDGET (revealer), "Snooze 30 min"));

  log = find_button_with_label (GTK_WIDGET (revealer), "Log 250 ml");
  g_assert_nonnull (log);
  g_signal_emit_by_name (log, "clicked");
  spin ();

  g_assert_cmpuint (drinks (f)->len, ==, 1);
  g_assert_cmpint (FL_DRINK (g_ptr_array_index (drinks (f), 0))->ml, ==, 250);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

/* A problem with the journal file shows in the window until dismissed */
static void
test_store_problem (Fixture *f)
{
  GtkRevealer *revealer;

  revealer = child (f->window, FL_TYPE_WINDOW, "problem_revealer");
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  g_signal_emit_by_name (f->app, "store-problem", "Your journal could not be saved: disk full.");
  spin ();
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (child (f->window, FL_TYPE_WINDOW, "problem_label")),
                   ==, "Your journal could not be saved: disk full.");
}

/* The sweat-rate calculator: its result becomes the runner's own rate */
static void
test_sweat_rate (Fixture *f)
{
  AdwActionRow *result_row;
  GtkLabel *error_label;
  g_autoptr(GError) expected = NULL;
  double rate;

  result_row = child (f->page, FL_TYPE_HYDRATION_PAGE, "result_row");
  error_label = child (f->page, FL_TYPE_HYDRATION_PAGE, "sweat_error_label");

  /* 1.2 kg lost + 0.5 L drunk in 60 minutes: 1.70 L/h */
  gtk_spin_button_set_value (child (f->page, FL_TYPE_HYDRATION_PAGE, "before_spin"), 70.0);
  gtk_spin_button_set_value (child (f->page, FL_TYPE_HYDRATION_PAGE, "after_spin"), 68.8);
  gtk_spin_button_set_value (child (f->page, FL_TYPE_HYDRATION_PAGE, "drunk_spin"), 500);
  gtk_spin_button_set_value (child (f->page, FL_TYPE_HYDRATION_PAGE, "minutes_spin"), 60);
  g_signal_emit_by_name (child (f->page, FL_TYPE_HYDRATION_PAGE, "calculate_button"), "clicked");
  spin ();

  g_assert_true (fl_hydration_sweat_rate_from_weigh_in (70.0, 68.8, 500, 60, &rate, NULL));
  g_assert_cmpfloat_with_epsilon (rate, 1.7, 1e-9);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (result_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (result_row), ==, "1.70 L/h");
  g_assert_cmpstr (gtk_label_get_label (error_label), ==, "");

  g_signal_emit_by_name (child (f->page, FL_TYPE_HYDRATION_PAGE, "use_button"), "clicked");
  spin ();
  g_assert_cmpfloat_with_epsilon (fl_journal_get_profile (journal (f))->sweat_rate_l_h, 1.7, 1e-9);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (result_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (f->page, FL_TYPE_HYDRATION_PAGE, "rate_row")),
                   ==, "1.70 L/h, measured by you");

  /* A weight after the run far above the one before is refused, inline */
  gtk_spin_button_set_value (child (f->page, FL_TYPE_HYDRATION_PAGE, "after_spin"), 75.0);
  g_signal_emit_by_name (child (f->page, FL_TYPE_HYDRATION_PAGE, "calculate_button"), "clicked");
  spin ();
  g_assert_false (fl_hydration_sweat_rate_from_weigh_in (70.0, 75.0, 500, 60, &rate, &expected));
  g_assert_cmpstr (gtk_label_get_label (error_label), ==, expected->message);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (result_row)));
  g_assert_cmpfloat_with_epsilon (fl_journal_get_profile (journal (f))->sweat_rate_l_h, 1.7, 1e-9);

  /* Forget goes back to the typical rate */
  g_signal_emit_by_name (child (f->page, FL_TYPE_HYDRATION_PAGE, "forget_button"), "clicked");
  spin ();
  g_assert_cmpfloat (fl_journal_get_profile (journal (f))->sweat_rate_l_h, ==, 0);
}

/* The welcome: Skip keeps the defaults, Save stores the profile */
static void
test_welcome (Fixture *f)
{
  GSettings *settings = fl_application_get_settings (f->app);
  GtkWindow *welcome;
  FlProfileGroup *group;
  g_autofree char *defaults = fl_profile_describe_defaults ();

  g_settings_set_boolean (settings, "welcome-done", FALSE);
  welcome = fl_welcome_window_new (f->app, GTK_WINDOW (f->window));
  g_object_add_weak_pointer (G_OBJECT (welcome), (gpointer *) &welcome);
  gtk_window_present (welcome);
  spin ();

  /* Skip says plainly what it means */
  g_assert_cmpstr (gtk_label_get_label (child (welcome, FL_TYPE_WELCOME_WINDOW, "skip_label")), ==, defaults);
  g_signal_emit_by_name (child (welcome, FL_TYPE_WELCOME_WINDOW, "skip_button"), "clicked");
  spin ();
  g_assert_null (welcome);
  g_assert_true (g_settings_get_boolean (settings, "welcome-done"));
  g_assert_false (fl_journal_get_profile (journal (f))->is_set);
  g_assert_cmpstr (fl_progress_ring_get_secondary_text (f->ring), ==, "of 2.0 L");

  g_settings_set_boolean (settings, "welcome-done", FALSE);
  welcome = fl_welcome_window_new (f->app, GTK_WINDOW (f->window));
  g_object_add_weak_pointer (G_OBJECT (welcome), (gpointer *) &welcome);
  gtk_window_present (welcome);
  spin ();

  group = child (welcome, FL_TYPE_WELCOME_WINDOW, "profile_group");
  adw_combo_row_set_selected (child (group, FL_TYPE_PROFILE_GROUP, "sex_row"), 1);
  gtk_switch_set_active (child (group, FL_TYPE_PROFILE_GROUP, "heavy_periods_switch"), TRUE);
  adw_combo_row_set_selected (child (group, FL_TYPE_PROFILE_GROUP, "diet_row"), 2);
  spin ();
  /* Nothing is stored before Save */
  g_assert_false (fl_journal_get_profile (journal (f))->is_set);

  g_signal_emit_by_name (child (welcome, FL_TYPE_WELCOME_WINDOW, "save_button"), "clicked");
  spin ();
  g_assert_null (welcome);
  g_assert_true (g_settings_get_boolean (settings, "welcome-done"));
  g_assert_true (fl_journal_get_profile (journal (f))->is_set);
  g_assert_cmpint (fl_journal_get_profile (journal (f))->sex, ==, FL_SEX_FEMALE);
  g_assert_cmpint (fl_journal_get_profile (journal (f))->diet, ==, FL_DIET_VEGAN);
  g_assert_true (fl_journal_get_profile (journal (f))->heavy_periods);
  g_assert_cmpstr (fl_progress_ring_get_secondary_text (f->ring), ==, "of 1.6 L");
}

/* The window comes back at the size it was closed at */
static void
test_window_size (Fixture *f)
{
  GSettings *settings = fl_application_get_settings (f->app);
  FlWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 500);
  spin ();
  gtk_window_close (GTK_WINDOW (f->window));
  spin ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  second = fl_window_new (f->app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 500);
  gtk_window_destroy (GTK_WINDOW (second));
}

/* The chart: what a screen reader hears, and "met" without colour */
static void
test_bar_chart (void)
{
  GtkWidget *chart;
  const double values[] = { 1200, 2100, 0 };
  const double targets[] = { 2000, 2000, 3550 };
  const char *labels[] = { "25", "26", "27" };
  const char *long_labels[] = { "Wednesday 25", "Thursday 26", "Friday 27" };
  g_autofree char *description = NULL;

  if (!have_display ())
    return;

  chart = g_object_ref_sink (fl_bar_chart_new ());
    fl_bar_chart_set_data (FL_BAR_CHART (chart), 3, values, targets, labels);

  description = fl_bar_chart_describe (FL_BAR_CHART (chart));
  g_assert_cmpstr (description, ==, "25: 1200 of 2000; 26: 2100 of 2000, goal met; 27: 0 of 3550");
  g_clear_pointer (&description, g_free);

  fl_bar_chart_set_long_labels (FL_BAR_CHART (chart), long_labels);
  description = fl_bar_chart_describe (FL_BAR_CHART (chart));
  g_assert_cmpstr (description, ==,
                   "Wednesday 25: 1200 of 2000; Thursday 26: 2100 of 2000, goal met; Friday 27: 0 of 3550");

  g_assert_false (fl_bar_chart_get_met (FL_BAR_CHART (chart), 0));
  g_assert_true (fl_bar_chart_get_met (FL_BAR_CHART (chart), 1));
  g_assert_false (fl_bar_chart_get_met (FL_BAR_CHART (chart), 2));

  /* Without targets there is nothing to meet */
  fl_bar_chart_set_data (FL_BAR_CHART (chart), 2, values, NULL, NULL);
  g_assert_false (fl_bar_chart_get_met (FL_BAR_CHART (chart), 1));
  g_assert_cmpfloat (fl_bar_chart_get_target (FL_BAR_CHART (chart), 1), ==, 0);

  g_assert_finalize_object (chart);
}

/* The ring: percentages past 100, and a maximum of 0 */
static void
test_progress_ring (void)
{
  GtkWidget *ring;

  if (!have_display ())
    return;

  ring = g_object_ref_sink (fl_progress_ring_new ());
  fl_progress_ring_set_maximum (FL_PROGRESS_RING (ring), 3550);
  fl_progress_ring_set_value (FL_PROGRESS_RING (ring), 750);
  g_assert_cmpint (fl_progress_ring_get_percent (FL_PROGRESS_RING (ring)), ==, 21);
  fl_progress_ring_set_value (FL_PROGRESS_RING (ring), 4000);
  g_assert_cmpint (fl_progress_ring_get_percent (FL_PROGRESS_RING (ring)), ==, 113);
  fl_progress_ring_set_maximum (FL_PROGRESS_RING (ring), 0);
  g_assert_cmpint (fl_progress_ring_get_percent (FL_PROGRESS_RING (ring)), ==, 0);
  g_assert_finalize_object (ring);
}

/* {{{ The cool-down page (issue 3) */

static FlCooldownPage *
cooldown_page (Fixture *f)
{
  return child (f->window, FL_TYPE_WINDOW, "cooldown_page");
}

/* "start", "session" or "done" */
static const char *
cooldown_view (Fixture *f)
{
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (cooldown_page (f)));

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static const char *
cooldown_text (Fixture    *f,
               const char *label)
{
  return gtk_label_get_label (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, label));
}

static FlRoutine *
shipped_routine (const char *name)
{
  g_autoptr(GError) error = NULL;
  FlRoutine *routine = fl_routine_lookup (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (routine);

  return routine;
}

/* The memory settings backend outlives each test: start from the default */
static void
reset_default_routine (Fixture *f)
{
  g_settings_reset (fl_application_get_settings (f->app), "default-routine");
}

static FlStretchSession *
start_cooldown (Fixture *f)
{
  FlStretchSession *session;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "start-cooldown", NULL);
  spin ();

  session = fl_application_get_cooldown_session (f->app);
  g_assert_nonnull (session);

  return session;
}

static void
advance_s (Fixture *f,
           double   seconds)
{
  fl_test_clock_advance (f->clock, (GTimeSpan) (seconds * G_TIME_SPAN_SECOND));
  spin ();
}

/* Runs the page's shortcut for @keyval as the window would: the page's
 * global controller, in the capture phase (before a focused button takes
 * Space). FALSE: the page let the key go on. */
static gboolean
press_session_key (Fixture *f,
                   guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (cooldown_page (f)));
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, 0);
  GtkShortcutController *shortcuts = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_GLOBAL)
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }
  g_assert_nonnull (shortcuts);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts)),
                   ==, GTK_PHASE_CAPTURE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
      gboolean handled;

      if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
        continue;

      handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                              GTK_WIDGET (cooldown_page (f)),
                                              gtk_shortcut_get_arguments (shortcut));
      spin ();
      return handled;
    }

  g_assert_not_reached ();
}

/* The countdown label shows whole seconds; "N" for @seconds */
static void
assert_countdown (Fixture *f,
                  int      seconds)
{
  g_autofree char *expected = g_strdup_printf ("%d", seconds);

  g_assert_cmpstr (cooldown_text (f, "countdown_label"), ==, expected);
}

/* app.start-cooldown (the reminder's "Start") opens the Cool-down page and
 * starts the default routine, at its 3-2-1 lead-in; a second Start does not
 * start a second session. Run to the end, the page says what was done and
 * the journal has it. */
static void
test_cooldown_start_action (Fixture *f)
{
  g_autoptr(FlRoutine) routine = shipped_routine (FL_ROUTINE_DEFAULT);
  const FlRoutineStep *first = fl_routine_get_step (routine, 1);
  guint n_holds = fl_routine_get_n_holds (routine);
  g_autofree char *step_text = g_strdup_printf ("Stretch 1 of %u", n_holds);
  g_autofree char *next_text = g_strdup_printf ("Next: %s, right side", first->stretch->name);
  g_autofree char *expected = NULL;
  g_autofree char *description = NULL;
  FlStretchSession *session;
  FlCooldown *cooldown;

  reset_default_routine (f);
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "hydration");
  g_assert_cmpstr (cooldown_view (f), ==, "start");

  session = start_cooldown (f);
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "cooldown");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cooldown_page (f))));
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_RUNNING);
  g_assert_cmpstr (fl_routine_get_name (fl_stretch_session_get_routine (session)), ==, "post-run-10");
  g_assert_cmpstr (cooldown_view (f), ==, "session");

  /* The lead-in, about the first stretch: its left side */
  g_assert_cmpint (fl_routine_get_step (routine, 0)->kind, ==, FL_STEP_LEAD_IN);
  g_assert_cmpint (first->side, ==, FL_SIDE_LEFT);
  assert_countdown (f, 3);
  g_assert_cmpstr (cooldown_text (f, "kind_label"), ==, "Get ready");
  g_assert_cmpstr (cooldown_text (f, "name_label"), ==, first->stretch->name);
  g_assert_cmpstr (cooldown_text (f, "how_label"), ==, first->stretch->how);
  g_assert_cmpstr (cooldown_text (f, "side_label"), ==, "Left side");
  g_assert_cmpstr (cooldown_text (f, "step_label"), ==, step_text);
  g_assert_cmpstr (cooldown_text (f, "next_label"), ==, next_text);
  g_assert_false (fl_stretch_figure_get_mirrored (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "figure")));

  /* Start again (the reminder clicked twice): the same session goes on */
  advance_s (f, 1);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "start-cooldown", NULL);
  spin ();
  g_assert_true (fl_application_get_cooldown_session (f->app) == session);
  assert_countdown (f, 2);

  /* To the end: exactly the routine's total after the start */
  advance_s (f, fl_routine_get_total_s (routine) - 1 - 0.001);
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_RUNNING);
  assert_countdown (f, 1);
  advance_s (f, 0.001);
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_DONE);

  g_assert_cmpuint (fl_journal_get_records (journal (f), FL_RECORD_COOLDOWN)->len, ==, 1);
  cooldown = FL_COOLDOWN (g_ptr_array_index (fl_journal_get_records (journal (f), FL_RECORD_COOLDOWN), 0));
  g_assert_cmpint (cooldown->steps_done, ==, n_holds);
  g_assert_cmpint (cooldown->steps_total, ==, n_holds);
  g_assert_cmpint (g_date_time_difference (cooldown->end, ((FlRecord *) cooldown)->time),
                   ==, fl_routine_get_total_s (routine) * G_TIME_SPAN_SECOND);

  g_assert_cmpstr (cooldown_view (f), ==, "done");
  description = fl_cooldown_describe (cooldown);
  g_assert_cmpstr (description, ==, "17 stretches, 9:53");
  expected = g_strdup_printf ("%s. It is in your journal.", description);
  g_assert_cmpstr (adw_status_page_get_title (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "done_page")),
                   ==, "Cool-down Done");
  g_assert_cmpstr (adw_status_page_get_description (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "done_page")),
                   ==, expected);

  /* Done: back to the routine, and this week counts it */
  g_signal_emit_by_name (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "done_button"), "clicked");
  spin ();
  g_assert_cmpstr (cooldown_view (f), ==, "start");
  g_assert_cmpstr (adw_action_row_get_subtitle (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "week_row")),
                   ==, "1 cool-down, 10 min");
}

/* The countdown moves once a second, on the second: not before the
 * second is up, and by one */
static void
test_cooldown_countdown (Fixture *f)
{
  g_autoptr(FlRoutine) routine = shipped_routine (FL_ROUTINE_DEFAULT);
  int hold_s = fl_routine_get_step (routine, 1)->seconds;
  int total_s = fl_routine_get_total_s (routine);
  g_autofree char *left = NULL;
  g_autofree char *left_clock = NULL;

  reset_default_routine (f);
  start_cooldown (f);

  /* The lead-in: 3, 2, 1 */
  assert_countdown (f, 3);
  advance_s (f, 1);
  assert_countdown (f, 2);
  advance_s (f, 1);
  assert_countdown (f, 1);
  advance_s (f, 1);

  /* The first hold */
  g_assert_cmpstr (cooldown_text (f, "kind_label"), ==, "Hold");
  assert_countdown (f, hold_s);
  advance_s (f, 0.999);
  assert_countdown (f, hold_s);
  advance_s (f, 0.001);
  assert_countdown (f, hold_s - 1);
  advance_s (f, 1);
  assert_countdown (f, hold_s - 2);

  /* The whole session's time left moves with it: 5 s are gone */
  left_clock = fl_cooldown_format_clock (total_s - 5);
  left = g_strdup_printf ("%s left", left_clock);
  g_assert_cmpstr (cooldown_text (f, "left_label"), ==, left);
}

/* Space pauses: the countdown stops while the clock goes on, and Space
 * resumes where it stopped */
static void
test_cooldown_space_pauses (Fixture *f)
{
  g_autoptr(FlRoutine) routine = shipped_routine (FL_ROUTINE_DEFAULT);
  int hold_s = fl_routine_get_step (routine, 1)->seconds;
  FlStretchSession *session;

  reset_default_routine (f);

  /* Without a session Space is not the page's */
  g_assert_false (press_session_key (f, GDK_KEY_space));

  session = start_cooldown (f);
  advance_s (f, 3 + 2);
  assert_countdown (f, hold_s - 2);

  /* Half a second later, paused: the number the runner saw stays */
  advance_s (f, 0.5);
  g_assert_true (press_session_key (f, GDK_KEY_space));
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_PAUSED);
  g_assert_cmpstr (cooldown_text (f, "kind_label"), ==, "Paused");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "pause_button")),
                   ==, "Resume (Space)");

  advance_s (f, 1);
  assert_countdown (f, hold_s - 2);
  advance_s (f, 60);
  assert_countdown (f, hold_s - 2);
  g_assert_cmpstr (cooldown_view (f), ==, "session");

  g_assert_true (press_session_key (f, GDK_KEY_space));
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_RUNNING);
  g_assert_cmpstr (cooldown_text (f, "kind_label"), ==, "Hold");
  assert_countdown (f, hold_s - 2);
  advance_s (f, 0.5);
  assert_countdown (f, hold_s - 3);
  advance_s (f, 1);
  assert_countdown (f, hold_s - 4);

  /* The pause button does the same */
  g_signal_emit_by_name (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "pause_button"), "clicked");
  spin ();
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_PAUSED);
}

/* Right skips to the next step, Left goes back to the one before; the
 * right side is the left side's mirror image */
static void
test_cooldown_skip_and_back (Fixture *f)
{
  g_autoptr(FlRoutine) routine = shipped_routine (FL_ROUTINE_DEFAULT);
  const FlRoutineStep *change = fl_routine_get_step (routine, 2);
  int hold_s = fl_routine_get_step (routine, 1)->seconds;
  FlStretchFigure *figure;
  FlStretchSession *session;

  reset_default_routine (f);
  session = start_cooldown (f);
  figure = child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "figure");
  advance_s (f, 3 + 4);
  g_assert_cmpuint (fl_stretch_session_get_current_step (session), ==, 1);
  assert_countdown (f, hold_s - 4);

  /* Skip the left side: changing to the right */
  g_assert_cmpint (change->kind, ==, FL_STEP_CHANGE);
  g_assert_true (press_session_key (f, GDK_KEY_Right));
  g_assert_cmpuint (fl_stretch_session_get_current_step (session), ==, 2);
  g_assert_cmpstr (cooldown_text (f, "kind_label"), ==, "Change sides");
  g_assert_cmpstr (cooldown_text (f, "side_label"), ==, "Right side");
  assert_countdown (f, change->seconds);
  g_assert_true (fl_stretch_figure_get_mirrored (figure));

  /* Back to the start of the left side */
  g_assert_true (press_session_key (f, GDK_KEY_Left));
  g_assert_cmpuint (fl_stretch_session_get_current_step (session), ==, 1);
  g_assert_cmpstr (cooldown_text (f, "kind_label"), ==, "Hold");
  g_assert_cmpstr (cooldown_text (f, "side_label"), ==, "Left side");
  assert_countdown (f, hold_s);
  g_assert_false (fl_stretch_figure_get_mirrored (figure));

  /* The buttons do the same */
  g_signal_emit_by_name (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "skip_button"), "clicked");
  g_signal_emit_by_name (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "skip_button"), "clicked");
  spin ();
  g_assert_cmpuint (fl_stretch_session_get_current_step (session), ==, 3);
  g_assert_cmpstr (cooldown_text (f, "kind_label"), ==, "Hold");
  g_assert_cmpstr (cooldown_text (f, "side_label"), ==, "Right side");
  g_assert_true (fl_stretch_figure_get_mirrored (figure));
  g_signal_emit_by_name (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "back_button"), "clicked");
  spin ();
  g_assert_cmpuint (fl_stretch_session_get_current_step (session), ==, 2);

  /* Skipped holds are not done */
  g_assert_cmpuint (fl_stretch_session_get_holds_done (session), ==, 0);
}

/* Escape stops: what was done is in the journal and on disk, as a partial
 * cool-down, and the page says so */
static void
test_cooldown_escape_stops (Fixture *f)
{
  g_autoptr(FlRoutine) routine = shipped_routine (FL_ROUTINE_DEFAULT);
  int first_hold_end = fl_routine_get_step (routine, 1)->start_s + fl_routine_get_step (routine, 1)->seconds;
  guint n_holds = fl_routine_get_n_holds (routine);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-27T10:00:00+01:00", NULL);
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;
  FlStretchSession *session;
  FlRecord *record;
  JsonArray *on_disk;

  reset_default_routine (f);
  session = start_cooldown (f);
  /* The first hold done, and 10 s more: the change, 5 s of the right side */
  advance_s (f, first_hold_end + 10);
  g_assert_cmpuint (fl_stretch_session_get_holds_done (session), ==, 1);

  g_assert_true (press_session_key (f, GDK_KEY_Escape));
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_STOPPED);

  g_assert_cmpuint (fl_journal_get_records (journal (f), FL_RECORD_COOLDOWN)->len, ==, 1);
  record = g_ptr_array_index (fl_journal_get_records (journal (f), FL_RECORD_COOLDOWN), 0);
  g_assert_true (g_date_time_equal (record->time, start));
  g_assert_cmpint (g_date_time_difference (FL_COOLDOWN (record)->end, record->time),
                   ==, (first_hold_end + 10) * G_TIME_SPAN_SECOND);
  g_assert_cmpstr (FL_COOLDOWN (record)->routine, ==, "post-run-10");
  g_assert_cmpint (FL_COOLDOWN (record)->steps_done, ==, 1);
  g_assert_cmpint (FL_COOLDOWN (record)->steps_total, ==, n_holds);

  json_parser_load_from_file (parser, f->path, &error);
  g_assert_no_error (error);
  on_disk = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cooldowns");
  g_assert_cmpuint (json_array_get_length (on_disk), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (on_disk, 0), "steps_done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (on_disk, 0), "steps_total"), ==, n_holds);

  g_assert_cmpstr (cooldown_view (f), ==, "done");
  description = fl_cooldown_describe (FL_COOLDOWN (record));
  g_assert_cmpstr (description, ==, "1 of 17 stretches, 0:43");
  expected = g_strdup_printf ("%s. Logged as far as you got.", description);
  g_assert_cmpstr (adw_status_page_get_title (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "done_page")),
                   ==, "Cool-down Stopped");
  g_assert_cmpstr (adw_status_page_get_description (child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "done_page")),
                   ==, expected);

  /* The session is over: Escape goes back to the window */
  g_assert_false (press_session_key (f, GDK_KEY_Escape));
  g_assert_cmpuint (fl_journal_get_records (journal (f), FL_RECORD_COOLDOWN)->len, ==, 1);
}

/* Closing the window stops a cool-down: it is logged as far as it got,
 * nothing runs on unseen */
static void
test_cooldown_close_stops (Fixture *f)
{
  FlStretchSession *session;

  reset_default_routine (f);
  session = start_cooldown (f);
  g_object_ref (session);
  advance_s (f, 3 + 30 + 5 + 30 + 2);
  g_assert_cmpuint (fl_stretch_session_get_holds_done (session), ==, 2);

  gtk_window_close (GTK_WINDOW (f->window));
  spin ();
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_STOPPED);
  g_assert_cmpuint (fl_journal_get_records (journal (f), FL_RECORD_COOLDOWN)->len, ==, 1);
  g_assert_cmpint (FL_COOLDOWN (g_ptr_array_index (fl_journal_get_records (journal (f), FL_RECORD_COOLDOWN), 0))->steps_done,
                   ==, 2);
  g_object_unref (session);
}

/* The routine picker is GSettings default-routine, both ways, and Start
 * uses it; a routine that is gone falls back to the default */
static void
test_cooldown_routine_picker (Fixture *f)
{
  GSettings *settings = fl_application_get_settings (f->app);
  AdwComboRow *row = child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "routine_row");
  AdwActionRow *length_row = child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "length_row");
  g_autoptr(FlRoutine) short_routine = shipped_routine ("post-run-5");
  g_autofree char *short_total = fl_cooldown_format_clock (fl_routine_get_total_s (short_routine));
  g_autofree char *short_length = g_strdup_printf ("%s, %u stretches", short_total,
                                                   fl_routine_get_n_holds (short_routine));
  GListModel *model;
  FlStretchSession *session;
  guint long_index = GTK_INVALID_LIST_POSITION;

  reset_default_routine (f);
  g_assert_cmpstr (fl_routine_get_name (adw_combo_row_get_selected_item (row)), ==, "post-run-10");
  g_assert_cmpstr (adw_action_row_get_subtitle (length_row), ==, "9:53, 17 stretches");

  g_settings_set_string (settings, "default-routine", "post-run-5");
  spin ();
  g_assert_cmpstr (fl_routine_get_name (adw_combo_row_get_selected_item (row)), ==, "post-run-5");
  g_assert_cmpstr (adw_action_row_get_subtitle (length_row), ==, short_length);

  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FlRoutine) routine = g_list_model_get_item (model, i);

      if (g_str_equal (fl_routine_get_name (routine), "post-run-15"))
        long_index = i;
    }
  g_assert_cmpuint (long_index, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (row, long_index);
  spin ();
  {
    g_autofree char *chosen = g_settings_get_string (settings, "default-routine");

    g_assert_cmpstr (chosen, ==, "post-run-15");
  }

  session = start_cooldown (f);
  g_assert_cmpstr (fl_routine_get_name (fl_stretch_session_get_routine (session)), ==, "post-run-15");
  fl_stretch_session_stop (session);
  spin ();

  /* A routine of the runner's that is gone: the default, and a word why */
  g_settings_set_string (settings, "default-routine", "gone-routine");
  spin ();
  g_assert_cmpstr (fl_routine_get_name (adw_combo_row_get_selected_item (row)), ==, "post-run-10");
  session = start_cooldown (f);
  g_assert_cmpstr (fl_routine_get_name (fl_stretch_session_get_routine (session)), ==, "post-run-10");
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_RUNNING);

  reset_default_routine (f);
}

/* The record on the page follows the journal: this week's cool-downs and
 * the runs followed by one */
static void
test_cooldown_record (Fixture *f)
{
  AdwActionRow *week = child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "week_row");
  AdwActionRow *runs = child (cooldown_page (f), FL_TYPE_COOLDOWN_PAGE, "runs_row");
  g_autoptr(GDateTime) run_start = g_date_time_new_from_iso8601 ("2026-11-27T08:00:00+01:00", NULL);
  g_autoptr(GDateTime) other_start = g_date_time_new_from_iso8601 ("2026-11-25T18:00:00+01:00", NULL);
  g_autoptr(GDateTime) cooldown_start = g_date_time_new_from_iso8601 ("2026-11-27T08:50:00+01:00", NULL);
  g_autoptr(FlRecord) run = fl_run_new (run_start, 45 * 60, 8000);
  g_autoptr(FlRecord) other = fl_run_new (other_start, 30 * 60, 5000);
  g_autoptr(FlRecord) cooldown = fl_record_new (FL_RECORD_COOLDOWN, cooldown_start);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (adw_action_row_get_subtitle (week), ==, "None yet");
  g_assert_cmpstr (adw_action_row_get_subtitle (runs), ==, "No runs in the last 14 days");

  g_assert_true (fl_journal_add (journal (f), run, &error));
  g_assert_true (fl_journal_add (journal (f), other, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (adw_action_row_get_subtitle (runs), ==, "0 of your 2 runs in the last 14 days");

  FL_COOLDOWN (cooldown)->end = g_date_time_add_minutes (cooldown_start, 12);
  FL_COOLDOWN (cooldown)->routine = g_strdup ("post-run-10");
  FL_COOLDOWN (cooldown)->steps_done = 17;
  FL_COOLDOWN (cooldown)->steps_total = 17;
  g_assert_true (fl_journal_add (journal (f), cooldown, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (adw_action_row_get_subtitle (week), ==, "1 cool-down, 12 min");
  g_assert_cmpstr (adw_action_row_get_subtitle (runs), ==, "1 of your 2 runs in the last 14 days");

  /* On Monday a new week begins, at midnight, without being asked */
  advance_s (f, (3 * 24 - 10 + 0.5) * 3600);
  g_assert_cmpstr (adw_action_row_get_subtitle (week), ==, "None yet");
  g_assert_cmpstr (adw_action_row_get_subtitle (runs), ==, "1 of your 2 runs in the last 14 days");
}

static void
ensure_app_icons (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  /* What GtkApplication does for the app: our icons are in the GResource */
  gtk_icon_theme_add_resource_path (theme, RESOURCE_PATH "/icons");
}

/* Every stretch of every shipped routine has an illustration */
static void
test_stretch_figures_exist (void)
{
  g_autoptr(GPtrArray) routines = NULL;

  if (!have_display ())
    return;

  ensure_app_icons ();
  routines = fl_routine_list_all ();
  g_assert_cmpuint (routines->len, >=, 3);

  for (guint r = 0; r < routines->len; r++)
    {
      FlRoutine *routine = g_ptr_array_index (routines, r);

      for (guint i = 0; i < fl_routine_get_n_steps (routine); i++)
        {
          const FlStretch *stretch = fl_routine_get_step (routine, i)->stretch;
          g_autofree char *icon = fl_stretch_figure_icon_for_stretch (gdk_display_get_default (), stretch->id,
                                                                      (const char * const *) stretch->muscles);

          if (!gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icon))
            g_error ("No illustration for the stretch “%s” of %s (%s)", stretch->id,
                     fl_routine_get_name (routine), icon);
        }
    }
}

/* Renders @widget (in its realized window) to ARGB32 pixels */
static guchar *
render_widget (GtkWidget *widget,
               int        width,
               int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar *pixels = g_malloc0 (width * height * 4);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, width * 4);

  return pixels;
}

/* The figure draws the illustration in the text colour, and mirrored it is
 * the same drawing flipped about its vertical centre line */
static void
test_stretch_figure_mirrored (void)
{
  const int size = 160;
  GtkWidget *window, *figure;
  g_autofree guchar *left = NULL;
  g_autofree guchar *right = NULL;
  GdkRGBA fg;
  guint drawn = 0, asymmetric = 0, off = 0;

  if (!have_display ())
    return;

  ensure_app_icons ();
  window = gtk_window_new ();
  figure = fl_stretch_figure_new ();
  fl_stretch_figure_set_pixel_size (FL_STRETCH_FIGURE (figure), 128);
  fl_stretch_figure_set_icon_name (FL_STRETCH_FIGURE (figure), "stretch-quadriceps-symbolic");
  g_assert_true (fl_stretch_figure_has_icon (FL_STRETCH_FIGURE (figure)));
  gtk_widget_set_size_request (figure, size, size);
  gtk_window_set_child (GTK_WINDOW (window), figure);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (figure) != size)
    spin ();

  left = render_widget (figure, size, size);
  fl_stretch_figure_set_mirrored (FL_STRETCH_FIGURE (figure), TRUE);
  spin ();
  right = render_widget (figure, size, size);
  gtk_style_context_get_color (gtk_widget_get_style_context (figure), &fg);

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        const guchar *l = left + (y * size + x) * 4;
        const guchar *r = right + (y * size + (size - 1 - x)) * 4;
        const guchar *l_flipped = left + (y * size + (size - 1 - x)) * 4;

        /* Premultiplied BGRA: inside the lines, the text colour (which
         * may be translucent: libadwaita's is 80 % black) */
        if (ABS (l[3] - (int) (fg.alpha * 255)) <= 1)
          {
            drawn++;
            if (ABS (l[2] - (int) (fg.red * fg.alpha * 255)) > 2 ||
                ABS (l[1] - (int) (fg.green * fg.alpha * 255)) > 2 ||
                ABS (l[0] - (int) (fg.blue * fg.alpha * 255)) > 2)
              off++;
          }
        if (ABS (l[3] - l_flipped[3]) > 64)
          asymmetric++;
        for (int c = 0; c < 4; c++)
          g_assert_cmpint (ABS (l[c] - r[c]), <=, 8);
      }

  /* It drew something, in the text colour, that is not its own mirror image */
  g_assert_cmpuint (drawn, >, 500);
  g_assert_cmpuint (off, ==, 0);
  g_assert_cmpuint (asymmetric, >, 200);

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") != NULL)
    gtk_init ();

#define ADD(path, body) \
  g_test_add (path, Fixture, (gconstpointer) (body), fixture_set_up, run_test, fixture_tear_down)

  ADD ("/fl/ui/window/opens-on-hydration", test_window_opens_on_hydration);
  ADD ("/fl/ui/window/remembers-size", test_window_size);
  ADD ("/fl/ui/window/reminder-in-window", test_reminder_in_window);
  ADD ("/fl/ui/window/store-problem", test_store_problem);
  ADD ("/fl/ui/hydration/quick-add", test_quick_add);
  ADD ("/fl/ui/hydration/shortcuts", test_shortcuts);
  ADD ("/fl/ui/hydration/remove-and-undo", test_remove_and_undo);
  ADD ("/fl/ui/hydration/custom-amount", test_custom_amount);
  ADD ("/fl/ui/hydration/midnight", test_midnight);
  ADD ("/fl/ui/hydration/sweat-rate", test_sweat_rate);
  ADD ("/fl/ui/preferences/sex-changes-goal", test_preferences_sex_changes_goal);
  ADD ("/fl/ui/preferences/times-and-switches", test_preferences_times);
  ADD ("/fl/ui/welcome/skip-and-save", test_welcome);
  g_test_add_func ("/fl/ui/widgets/bar-chart", test_bar_chart);
  g_test_add_func ("/fl/ui/widgets/progress-ring", test_progress_ring);
  ADD ("/fl/ui/cooldown/start-action", test_cooldown_start_action);
  ADD ("/fl/ui/cooldown/countdown", test_cooldown_countdown);
  ADD ("/fl/ui/cooldown/space-pauses", test_cooldown_space_pauses);
  ADD ("/fl/ui/cooldown/skip-and-back", test_cooldown_skip_and_back);
  ADD ("/fl/ui/cooldown/escape-stops", test_cooldown_escape_stops);
  ADD ("/fl/ui/cooldown/close-stops", test_cooldown_close_stops);
  ADD ("/fl/ui/cooldown/routine-picker", test_cooldown_routine_picker);
  ADD ("/fl/ui/cooldown/record", test_cooldown_record);
  g_test_add_func ("/fl/ui/widgets/stretch-figures-exist", test_stretch_figures_exist);
  g_test_add_func ("/fl/ui/widgets/stretch-figure-mirrored", test_stretch_figure_mirrored);

  return g_test_run ();
}
