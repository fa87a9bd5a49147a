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
#include "fl-iron-page.h"
#include "fl-import-ui.h"
#include "fl-preferences-window.h"
#include "fl-profile-group.h"
#include "fl-sleep.h"
#include "fl-sleep-page.h"
#include "fl-progress-ring.h"
#include "fl-stretch-figure.h"
#include "fl-test-clock.h"
#include "fl-training-page.h"
#include "fl-run-dialog.h"
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
/* Only the shown page's content is laid out: AdwViewStack measures every
 * page, so the others' content is hidden, while the switcher keeps them */
static void
test_window_lays_out_shown_page_only (Fixture *f)
{
  GtkWidget *iron = GTK_WIDGET (child (f->window, FL_TYPE_WINDOW, "iron_page"));
  GtkWidget *hydration = GTK_WIDGET (f->page);

  g_assert_true (gtk_widget_get_visible (iron));
  g_assert_false (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (iron))));
  g_assert_true (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (hydration))));

  fl_window_show_page (f->window, "iron");
  spin ();
  g_assert_true (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (iron))));
  g_assert_false (gtk_widget_get_visible (adw_bin_get_child (ADW_BIN (hydration))));
  g_assert_true (gtk_widget_get_mapped (adw_bin_get_child (ADW_BIN (iron))));
}

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

/* Import: tests/import/NAME */
static GFile *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", name, NULL);

  return g_file_new_for_path (path);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  char **out_message = user_data;
  g_autoptr(GError) error = NULL;

  *out_message = fl_import_ui_import_files_finish (FL_WINDOW (source), result, &error);
  g_assert_no_error (error);
}

/* What the toast said */
static char *
import_files (Fixture    *f,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  char *message = NULL;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (files, import_fixture (name));
  va_end (args);

  fl_import_ui_import_files (f->window, files, NULL, on_imported, &message);
  while (message == NULL)
    g_main_context_iteration (NULL, TRUE);
  spin ();
  return message;
}

/* Files in, runs in the journal, one toast; the same files again add nothing */
static void
test_import_files (Fixture *f)
{
  GPtrArray *runs = fl_journal_get_records (journal (f), FL_RECORD_RUN);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *broken = NULL;

  first = import_files (f, "garmin-gpxtpx.gpx", "not-xml.gpx", "two-activities.tcx", NULL);
  /* The ride in two-activities.tcx is no run; the broken file is named */
  g_assert_true (g_str_has_prefix (first, "Imported 2 runs; not-xml.gpx: it cannot be read as GPX or TCX"));
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpstr (FL_RUN (g_ptr_array_index (runs, 1))->note, ==, "Hills & Intervals");

  again = import_files (f, "two-activities.tcx", "garmin-gpxtpx.gpx", NULL);
  g_assert_cmpstr (again, ==, "These runs were imported before");
  g_assert_cmpuint (runs->len, ==, 2);

  broken = import_files (f, "truncated.gpx", NULL);
  g_assert_true (g_str_has_prefix (broken, "truncated.gpx: it cannot be read as GPX or TCX: "));
  g_assert_null (strchr (broken, '\n'));
  g_assert_cmpuint (runs->len, ==, 2);
}

/* app.import opens a file chooser; cancelling it imports nothing. Files
 * dropped on the window are imported. */
static void
test_import_action_and_drop (Fixture *f)
{
  GPtrArray *runs = fl_journal_get_records (journal (f), FL_RECORD_RUN);
  g_autoptr(GListModel) controllers = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *chooser = NULL;
  GtkDropTarget *target = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "import"));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "import", NULL);
  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window))
        chooser = window;
    }
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  spin ();
  g_assert_cmpuint (runs->len, ==, 0);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  {
    g_autoptr(GFile) file = import_fixture ("two-laps-nine-hour-gap.tcx");
    GSList *list = g_slist_append (NULL, file);
    GValue value = G_VALUE_INIT;
    gboolean handled = FALSE;
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
    g_value_unset (&value);
    g_slist_free (list);
    g_assert_true (handled);

    while (runs->len == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpuint (runs->len, ==, 1);
  /* The laps' timer time, not the nine hours between them */
  g_assert_cmpint (FL_RUN (g_ptr_array_index (runs, 0))->duration_s, ==, 900);
  g_assert_cmpstr (FL_RUN (g_ptr_array_index (runs, 0))->source, ==, "tcx");
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

  /* With the main menu open, Escape is the menu's */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (find_first_of_type (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON));
    GtkWidget *focus;

    gtk_menu_button_popup (menu);
    spin ();
    focus = gtk_root_get_focus (GTK_ROOT (f->window));
    g_assert_nonnull (focus);
    g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER));
    g_assert_false (press_session_key (f, GDK_KEY_Escape));
    g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_RUNNING);
    gtk_menu_button_popdown (menu);
    /* Focus leaves the popover when it has closed, which on a loaded
     * machine takes more than one turn of the main loop */
    for (guint i = 0; i < 500; i++)
      {
        focus = gtk_root_get_focus (GTK_ROOT (f->window));
        if (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL)
          break;
        spin ();
      }
  }

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

typedef struct
{
  char *summary;                /* of the last Notify sent; atomic pointer */
  char *body;
} NotifySeen;

/* On the bus connection libnotify shares with the app: every Notify call
 * the app sends, whatever the server does with it */
static GDBusMessage *
watch_notify (GDBusConnection *connection,
              GDBusMessage    *message,
              gboolean         incoming,
              gpointer         user_data)
{
  NotifySeen *seen = user_data;
  GVariant *body = g_dbus_message_get_body (message);
  const char *summary, *text;

  if (incoming || g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_METHOD_CALL ||
      g_strcmp0 (g_dbus_message_get_member (message), "Notify") != 0 ||
      body == NULL || !g_variant_is_of_type (body, G_VARIANT_TYPE ("(susssasa{sv}i)")))
    return message;

  /* Notify (app_name, replaces_id, app_icon, summary, body, …) */
  g_variant_get_child (body, 3, "&s", &summary);
  g_variant_get_child (body, 4, "&s", &text);
  g_free (g_atomic_pointer_exchange (&seen->body, g_strdup (text)));
  g_free (g_atomic_pointer_exchange (&seen->summary, g_strdup (summary)));

  return message;
}

static void
on_reminder_in_window_seen (NotifySeen *seen,
                            FlReminder *reminder)
{
  g_free (g_atomic_pointer_exchange (&seen->body, g_strdup (reminder->body)));
  g_free (g_atomic_pointer_exchange (&seen->summary, g_strdup (reminder->title)));
}

/* A cool-down that ends while the window is out of view says so on the
 * desktop (or, with no notification server, in the window); one stopped
 * by the runner does not */
static void
test_cooldown_done_notification (Fixture *f)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(FlRoutine) routine = shipped_routine (FL_ROUTINE_DEFAULT);
  NotifySeen seen = { NULL, NULL };
  FlStretchSession *session;
  g_autofree char *expected_body = NULL;
  guint filter;
  gint64 until;

  if (bus == NULL)
    {
      g_test_skip ("No session bus: run the suite under dbus-run-session");
      return;
    }

  reset_default_routine (f);
  filter = g_dbus_connection_add_filter (bus, watch_notify, &seen, NULL);
  g_signal_connect_swapped (f->app, "reminder-in-window", G_CALLBACK (on_reminder_in_window_seen), &seen);

  /* Stopped by the runner: nothing */
  session = start_cooldown (f);
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  spin ();
  advance_s (f, 40);
  fl_stretch_session_stop (session);
  spin ();
  g_usleep (200 * 1000);
  spin ();
  g_assert_null (g_atomic_pointer_get (&seen.summary));

  /* Run to the end with the window hidden: "Cool-down done" */
  gtk_window_present (GTK_WINDOW (f->window));
  spin ();
  session = start_cooldown (f);
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  spin ();
  advance_s (f, fl_routine_get_total_s (routine));
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_DONE);

  until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (g_atomic_pointer_get (&seen.summary) == NULL && g_get_monotonic_time () < until)
    spin ();
  g_assert_cmpstr (g_atomic_pointer_get (&seen.summary), ==, "Cool-down done");
  expected_body = fl_cooldown_describe (FL_COOLDOWN (fl_stretch_session_get_record (session)));
  g_assert_cmpstr (g_atomic_pointer_get (&seen.body), ==, expected_body);

  g_dbus_connection_remove_filter (bus, filter);
  g_signal_handlers_disconnect_by_data (f->app, &seen);
  g_free (seen.summary);
  g_free (seen.body);
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

/* "Import Routine…" with a file chosen: a file refused says why in one line
 * on the page and changes nothing; a good one is in the picker, chosen as
 * the default, said in a toast, and Start uses it */
static void
test_cooldown_import_body (Fixture *f)
{
  static const struct {
    const char *fixture;
    const char *message;
  } bad[] = {
    { "hold-0.json", "hold-0.json: A hold lasts 20 to 45 seconds; the routine’s “hold_s” is 0." },
    { "unknown-side.json",
      "unknown-side.json: Unknown side “middle” in stretch 1 (“calves”): a side is left, right or both." },
    { "no-name.json",
      "no-name.json: The routine has no “name”: add one such as \"name\": \"after-long-run\"." },
    { "shipped-name.json",
      "shipped-name.json: “post-run-10” is the name of a routine that comes with Fresh Legs: "
      "give yours another “name”." },
    { "not-json.json", NULL },
  };
  FlCooldownPage *page = cooldown_page (f);
  GSettings *settings = fl_application_get_settings (f->app);
  AdwComboRow *row = child (page, FL_TYPE_COOLDOWN_PAGE, "routine_row");
  AdwActionRow *length_row = child (page, FL_TYPE_COOLDOWN_PAGE, "length_row");
  GtkLabel *error_label = child (page, FL_TYPE_COOLDOWN_PAGE, "import_error_label");
  GtkWidget *import_button = child (page, FL_TYPE_COOLDOWN_PAGE, "import_button");
  g_autofree char *routines_dir = fl_routine_user_dir ();
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "routines", "my-routine.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  FlStretchSession *session;

  reset_default_routine (f);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-page", g_variant_new_string ("cooldown"));
  spin ();
  g_assert_cmpstr (cooldown_view (f), ==, "start");
  g_assert_true (gtk_widget_is_drawable (import_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (import_button)), ==, "_Import Routine…");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "routines", bad[i].fixture, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *chosen = NULL;

      g_assert_false (fl_cooldown_page_import_file (page, file));
      spin ();
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
      if (bad[i].message != NULL)
        g_assert_cmpstr (gtk_label_get_label (error_label), ==, bad[i].message);
      else
        g_assert_true (g_str_has_prefix (gtk_label_get_label (error_label),
                                         "not-json.json: This is not a routine: it is not valid JSON ("));
      g_assert_null (strchr (gtk_label_get_label (error_label), '\n'));
      /* Nothing copied, nothing chosen */
      g_assert_false (g_file_test (routines_dir, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 3);
      chosen = g_settings_get_string (settings, "default-routine");
      g_assert_cmpstr (chosen, ==, "post-run-10");
      g_assert_cmpstr (fl_routine_get_name (adw_combo_row_get_selected_item (row)), ==, "post-run-10");
    }

  /* A good one: in the picker, chosen, and the message gone */
  g_assert_true (fl_cooldown_page_import_file (page, good));
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 4);
  g_assert_cmpstr (fl_routine_get_name (adw_combo_row_get_selected_item (row)), ==, "after-long-run");
  {
    g_autofree char *chosen = g_settings_get_string (settings, "default-routine");

    g_assert_cmpstr (chosen, ==, "after-long-run");
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (length_row), ==, "3:25, 5 stretches");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (f->window),
                                          "Imported “After a long run”; it is your routine now"));

  /* Start uses it */
  session = start_cooldown (f);
  g_assert_cmpstr (fl_routine_get_name (fl_stretch_session_get_routine (session)), ==, "after-long-run");
  g_assert_cmpint (fl_stretch_session_get_state (session), ==, FL_STRETCH_SESSION_RUNNING);
  fl_stretch_session_stop (session);
  spin ();
  g_signal_emit_by_name (child (page, FL_TYPE_COOLDOWN_PAGE, "done_button"), "clicked");
  spin ();

  /* The same routine again: an update, not a second one */
  g_settings_set_string (settings, "default-routine", "post-run-5");
  spin ();
  g_assert_true (fl_cooldown_page_import_file (page, good));
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 4);
  g_assert_cmpstr (fl_routine_get_name (adw_combo_row_get_selected_item (row)), ==, "after-long-run");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (f->window),
                                          "Updated “After a long run”; it is your routine now"));

  reset_default_routine (f);
}

/* The import writes to the runner's routines folder: run in a process of
 * its own whose $XDG_DATA_HOME is a temporary folder, never the
 * developer's */
static void
test_cooldown_import (void)
{
  if (!have_display ())
    return;

  if (!g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data_home = g_dir_make_tmp ("fl-test-ui-data-XXXXXX", &error);
      g_autofree char *saved = g_strdup (g_getenv ("XDG_DATA_HOME"));
      g_autofree char *routines = NULL;
      g_autofree char *installed = NULL;
      g_autofree char *parent = NULL;
      gboolean left;

      g_assert_no_error (error);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (saved != NULL)
        g_setenv ("XDG_DATA_HOME", saved, TRUE);
      else
        g_unsetenv ("XDG_DATA_HOME");

      /* The one file the child left, where the app keeps routines */
      parent = g_build_filename (data_home, "fresh-legs", NULL);
      routines = g_build_filename (parent, "routines", NULL);
      installed = g_build_filename (routines, "after-long-run.json", NULL);
      left = g_file_test (installed, G_FILE_TEST_IS_REGULAR);
      g_unlink (installed);
      g_rmdir (routines);
      g_rmdir (parent);
      g_rmdir (data_home);

      g_test_trap_assert_passed ();
      g_assert_true (left);
      return;
    }

  {
    Fixture f = { 0, };
    g_autofree char *base = g_path_get_basename (g_get_user_data_dir ());

    g_assert_true (g_str_has_prefix (base, "fl-test-ui-data-"));
    fixture_set_up (&f, NULL);
    run_test (&f, test_cooldown_import_body);
    fixture_tear_down (&f, NULL);
  }
}

/* The shortcuts window lists the keys the pages answer: the drinks on
 * Hydration, and the session's keys on Cool-down */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GSList) objects = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char *expected[][2] = {
    { "<Primary>1", "Log 150 ml" },
    { "<Primary>2", "Log 250 ml" },
    { "<Primary>3", "Log 500 ml" },
    { "space", "Pause or resume" },
    { "Right", "Skip to the next step" },
    { "Left", "Back to the previous step" },
    { "Escape", "Stop, logging what was done" },
  };
  GtkShortcutsGroup *cooldown = NULL;

  if (!have_display ())
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;

      if (GTK_IS_SHORTCUTS_GROUP (l->data))
        {
          g_autofree char *group_title = NULL;

          g_object_get (l->data, "title", &group_title, NULL);
          if (g_strcmp0 (group_title, "Cool-down") == 0)
            cooldown = l->data;
        }
      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
      if (accelerator != NULL)
        g_hash_table_insert (shown, g_steal_pointer (&accelerator), g_steal_pointer (&title));
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (shown, expected[i][0]), ==, expected[i][1]);
  g_assert_nonnull (cooldown);

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
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

          g_autofree char *own = g_strdup_printf ("stretch-%s-symbolic", stretch->id);

          if (!gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icon))
            g_error ("No illustration for the stretch “%s” of %s (%s)", stretch->id,
                     fl_routine_get_name (routine), icon);
          /* The shipped stretches each have a figure of their own, not a
           * stand-in for the muscle */
          if (fl_routine_is_shipped (routine))
            g_assert_cmpstr (icon, ==, own);
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
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar *pixels = g_malloc0 (width * height * 4);

  /* A widget not drawn yet (its window just mapped, on a loaded machine)
   * snapshots to nothing: let the main loop run until it draws. */
  for (guint tries = 0; node == NULL && tries < 500; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        spin ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
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

/* Sleep page {{{ */

static FlSleepPage *
show_sleep_page (Fixture *f)
{
  FlSleepPage *page = child (f->window, FL_TYPE_WINDOW, "sleep_page");

  fl_window_show_page (f->window, "sleep");
  spin ();
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "sleep");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  return page;
}

static void
add_night (Fixture    *f,
           const char *bed,
           const char *wake,
           gboolean    nap)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (bed, NULL);
  g_autoptr(FlRecord) record = fl_record_new (FL_RECORD_SLEEP, start);

  FL_SLEEP (record)->end = g_date_time_new_from_iso8601 (wake, NULL);
  FL_SLEEP (record)->nap = nap;
  g_assert_true (fl_sleep_add (journal (f), record, &error));
  g_assert_no_error (error);
  spin ();
}

static const char *
label_text (FlSleepPage *page,
            const char  *name)
{
  return gtk_label_get_label (child (page, FL_TYPE_SLEEP_PAGE, name));
}

/* After a short night: the hours against the need, tonight's bedtime, the
 * debt and the nap window; 14 bars against each night's need */
static void
test_sleep_page_figures (Fixture *f)
{
  FlSleepPage *page;
  FlProgressRing *ring;
  FlBarChart *chart;
  AdwActionRow *row;
  GtkBox *tips;

  add_night (f, "2026-11-25T23:00:00+01:00", "2026-11-26T07:30:00+01:00", FALSE);
  add_night (f, "2026-11-27T00:40:00+01:00", "2026-11-27T06:50:00+01:00", FALSE);
  page = show_sleep_page (f);
  ring = child (page, FL_TYPE_SLEEP_PAGE, "ring");

  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "6 h 10 min");
  g_assert_cmpstr (fl_progress_ring_get_secondary_text (ring), ==, "of 8 h");
  g_assert_cmpfloat (fl_progress_ring_get_value (ring), ==, 370);
  g_assert_cmpfloat (fl_progress_ring_get_maximum (ring), ==, 480);
  g_assert_cmpstr (label_text (page, "last_night_label"), ==,
                   "Last night: 6 h 10 min against a need of 8 h, 1 h 50 min short.");
  g_assert_cmpstr (label_text (page, "bedtime_label"), ==, "22:45");
  row = child (page, FL_TYPE_SLEEP_PAGE, "bedtime_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "8 h of sleep before you get up at 07:00, and 15 minutes to fall asleep; wind down from 22:15");
  /* 110 short, 30 over: 80 over the 2 nights logged */
  g_assert_cmpstr (label_text (page, "debt_label"), ==, "1 h 20 min");
  row = child (page, FL_TYPE_SLEEP_PAGE, "debt_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Over the 2 nights logged of the last 7; nights not logged are left out");
  g_assert_true (gtk_widget_get_visible (child (page, FL_TYPE_SLEEP_PAGE, "nap_row")));
  g_assert_cmpstr (label_text (page, "nap_label"), ==, "13:00–13:30");

  chart = child (page, FL_TYPE_SLEEP_PAGE, "chart");
  g_assert_cmpuint (fl_bar_chart_get_n_bars (chart), ==, 14);
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 13), ==, 370);
  g_assert_cmpfloat (fl_bar_chart_get_target (chart, 13), ==, 480);
  g_assert_false (fl_bar_chart_get_met (chart, 13));
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 12), ==, 510);
  g_assert_true (fl_bar_chart_get_met (chart, 12));
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 11), ==, 0);

  /* The tips follow the rules: the nap one is there */
  tips = child (page, FL_TYPE_SLEEP_PAGE, "tips_box");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (tips),
                                          "After a short night, a 20–30 minute nap in the early afternoon helps; "
                                          "a longer one leaves you groggy (Lastella 2021)."));

  /* A higher need in Preferences moves the bedtime at once */
  g_settings_set_int (fl_application_get_settings (f->app), "sleep-baseline", 9 * 60);
  spin ();
  g_assert_cmpstr (label_text (page, "bedtime_label"), ==, "21:45");
  g_settings_reset (fl_application_get_settings (f->app), "sleep-baseline");
  spin ();
  g_assert_cmpstr (label_text (page, "bedtime_label"), ==, "22:45");

  /* A nap logged: no more suggestion, and tonight's need is lower */
  add_night (f, "2026-11-27T09:00:00+01:00", "2026-11-27T09:25:00+01:00", TRUE);
  g_assert_false (gtk_widget_get_visible (child (page, FL_TYPE_SLEEP_PAGE, "nap_row")));
  g_assert_cmpstr (label_text (page, "bedtime_label"), ==, "23:10");

  /* At midnight the page turns to the new day: last night is not logged */
  fl_test_clock_advance (f->clock, 14 * G_TIME_SPAN_HOUR);
  spin ();
  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "Not logged");
  g_assert_cmpstr (label_text (page, "last_night_label"), ==, "Last night is not logged yet. Your need is 7 h 35 min.");
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 12), ==, 370);
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 13), ==, 0);
}

static void
fill_sleep_form (FlSleepPage *page,
                 const char  *bed,
                 const char  *wake)
{
  gtk_editable_set_text (GTK_EDITABLE (child (page, FL_TYPE_SLEEP_PAGE, "bed_row")), bed);
  gtk_editable_set_text (GTK_EDITABLE (child (page, FL_TYPE_SLEEP_PAGE, "wake_row")), wake);
  g_signal_emit_by_name (child (page, FL_TYPE_SLEEP_PAGE, "log_button"), "clicked");
  spin ();
}

/* Log a night with the form, see an overlap refused, edit it, remove it
 * and take it back */
static void
test_sleep_page_log_edit_remove (Fixture *f)
{
  FlSleepPage *page = show_sleep_page (f);
  FlProgressRing *ring = child (page, FL_TYPE_SLEEP_PAGE, "ring");
  GtkLabel *error_label = child (page, FL_TYPE_SLEEP_PAGE, "form_error_label");
  GtkListBox *entries = child (page, FL_TYPE_SLEEP_PAGE, "entries_list");
  GPtrArray *records = fl_journal_get_records (journal (f), FL_RECORD_SLEEP);
  GtkWidget *row, *edit, *remove, *undo;
  g_autofree char *id = NULL;
  g_autofree char *bed = NULL;

  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "Not logged");
  g_assert_cmpuint (count_rows (entries), ==, 0);

  /* Nonsense first: said next to the form, nothing stored */
  fill_sleep_form (page, "late", "06:40");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_label (error_label), ==, "Give the bed time as HH:MM, e.g. 23:10.");
  g_assert_cmpuint (records->len, ==, 0);

  fill_sleep_form (page, "23:10", "06:40");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (records->len, ==, 1);
  bed = fl_record_format_time (((FlRecord *) g_ptr_array_index (records, 0))->time);
  g_assert_cmpstr (bed, ==, "2026-11-26T23:10:00+01:00");
  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "7 h 30 min");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (f->window), "Logged a night of 7 h 30 min"));
  g_assert_cmpuint (count_rows (entries), ==, 1);
  id = g_strdup (((FlRecord *) g_ptr_array_index (records, 0))->id);

  /* The same night again overlaps */
  fill_sleep_form (page, "23:30", "07:00");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_label (error_label), ==,
                   "This overlaps the night already logged from 2026-11-26 23:10 to 2026-11-27 06:40; "
                   "edit or remove that one first.");
  g_assert_cmpuint (records->len, ==, 1);

  /* Edit: the form fills in, Save replaces the night (same id) */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (entries, 0));
  edit = find_first_of_type (row, GTK_TYPE_BUTTON);
  g_signal_emit_by_name (edit, "clicked");
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, FL_TYPE_SLEEP_PAGE, "bed_row"))), ==, "23:10");
  g_assert_cmpstr (gtk_button_get_label (child (page, FL_TYPE_SLEEP_PAGE, "log_button")), ==, "Save");
  fill_sleep_form (page, "22:40", "06:40");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((FlRecord *) g_ptr_array_index (records, 0))->id, ==, id);
  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "8 h");
  g_assert_cmpstr (gtk_button_get_label (child (page, FL_TYPE_SLEEP_PAGE, "log_button")), ==, "Log");

  /* Remove, with an undo toast */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (entries, 0));
  remove = NULL;
  for (GtkWidget *w = edit = find_first_of_type (row, GTK_TYPE_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Remove") == 0)
      remove = w;
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  spin ();
  g_assert_cmpuint (records->len, ==, 0);
  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "Not logged");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (f->window),
                                          "Removed Night to Friday 27 November, 22:40–06:40"));
  undo = find_button_with_label (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((FlRecord *) g_ptr_array_index (records, 0))->id, ==, id);
  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "8 h");

  /* A nap on the form's day */
  gtk_switch_set_active (child (page, FL_TYPE_SLEEP_PAGE, "nap_switch"), TRUE);
  fill_sleep_form (page, "08:00", "08:20");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_true (FL_SLEEP (g_ptr_array_index (records, 1))->nap);
  g_assert_cmpuint (count_rows (entries), ==, 2);
}

/* Preferences: the sleep need and the two sleep reminder switches, which
 * reach the scheduler */
static void
test_sleep_preferences (Fixture *f)
{
  GSettings *settings = fl_application_get_settings (f->app);
  FlScheduler *scheduler = fl_application_get_scheduler (f->app);
  GtkWindow *preferences = fl_preferences_window_new (f->app, GTK_WINDOW (f->window));
  GtkSpinButton *need = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "sleep_need_spin");
  GtkSwitch *wind_down = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "wind_down_switch");
  GtkSwitch *nap = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "nap_switch");

  spin ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (need), ==, 480);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (need)), ==, "8 h");
  gtk_spin_button_spin (need, GTK_SPIN_STEP_FORWARD, 0);
  spin ();
  g_assert_cmpint (g_settings_get_int (settings, "sleep-baseline"), ==, 495);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (need)), ==, "8 h 15 min");
  g_assert_cmpint (fl_scheduler_get_sleep_baseline (scheduler), ==, 495);

  /* With reminders on, each switch turns its reminder on and off */
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (gtk_switch_get_active (wind_down));
  g_assert_true (gtk_switch_get_active (nap));
  g_assert_true (fl_scheduler_get_wind_down_enabled (scheduler));
  g_assert_true (fl_scheduler_get_nap_enabled (scheduler));
  gtk_switch_set_active (wind_down, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "wind-down-reminders"));
  g_assert_false (fl_scheduler_get_wind_down_enabled (scheduler));
  g_assert_true (fl_scheduler_get_nap_enabled (scheduler));
  gtk_switch_set_active (nap, FALSE);
  g_assert_false (fl_scheduler_get_nap_enabled (scheduler));
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_assert_false (gtk_widget_get_sensitive (child (preferences, FL_TYPE_PREFERENCES_WINDOW, "wind_down_row")));

  g_settings_reset (settings, "sleep-baseline");
  g_settings_reset (settings, "wind-down-reminders");
  g_settings_reset (settings, "nap-reminders");
  gtk_window_destroy (preferences);
  spin ();
}

/* }}} */

/* Training {{{ */

static FlTrainingPage *
training_page (Fixture *f)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-page", g_variant_new_string ("training"));
  spin ();
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "training");

  return child (f->window, FL_TYPE_WINDOW, "training_page");
}

static const char *
training_view (FlTrainingPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (page))));
}

static void
set_row_text (FlRunDialog *dialog,
              const char  *name,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, FL_TYPE_RUN_DIALOG, name)), text);
}

/* Before the first run: an empty state that says how to add or import
 * runs, with both buttons working */
static void
test_training_empty_state (Fixture *f)
{
  FlTrainingPage *page = training_page (f);
  AdwStatusPage *empty = child (page, FL_TYPE_TRAINING_PAGE, "empty_page");
  GtkWidget *import = child (page, FL_TYPE_TRAINING_PAGE, "empty_import_button");

  g_assert_cmpstr (training_view (page), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Runs Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "import GPX and TCX files"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (import)), ==, "app.import");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "import"));

  /* A run imported through the window's importer fills the page */
  g_free (import_files (f, "garmin-gpxtpx.gpx", NULL));
  g_assert_cmpuint (fl_journal_get_records (journal (f), FL_RECORD_RUN)->len, ==, 1);
  g_assert_cmpstr (training_view (page), ==, "content");
  g_assert_cmpuint (count_rows (child (page, FL_TYPE_TRAINING_PAGE, "runs_list")), ==, 1);
}

/* The form: bad input is explained and stores nothing; a good run lands
 * in the journal and on the page; editing keeps the run's id */
static void
test_training_add_run_form (Fixture *f)
{
  FlTrainingPage *page = training_page (f);
  GPtrArray *runs = fl_journal_get_records (journal (f), FL_RECORD_RUN);
  FlRunDialog *dialog;
  GtkLabel *error_label;
  AdwActionRow *distance_row;
  g_autofree char *id = NULL;
  FlRun *run;

  g_signal_emit_by_name (child (page, FL_TYPE_TRAINING_PAGE, "empty_add_button"), "clicked");
  spin ();
  dialog = FL_RUN_DIALOG (fl_training_page_get_run_dialog (page));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  /* Starts an hour before now (10:00), to the quarter */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, FL_TYPE_RUN_DIALOG, "start_row"))), ==,
                   "2026-11-27 09:00");

  set_row_text (dialog, "start_row", "2026-11-27 07:30");
  set_row_text (dialog, "distance_row", "8 km");
  set_row_text (dialog, "duration_row", "45 minutes");
  error_label = child (dialog, FL_TYPE_RUN_DIALOG, "error_label");
  g_assert_false (fl_run_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_has_css_class (child (dialog, FL_TYPE_RUN_DIALOG, "duration_row"), "error"));
  g_assert_cmpuint (runs->len, ==, 0);

  /* A heart rate out of range: the journal's own message */
  set_row_text (dialog, "duration_row", "45:00");
  set_row_text (dialog, "hr_row", "400");
  g_assert_false (fl_run_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (runs->len, ==, 0);

  set_row_text (dialog, "hr_row", "152");
  set_row_text (dialog, "cadence_row", "168");
  set_row_text (dialog, "temperature_row", "24,5");
  set_row_text (dialog, "note_row", "Tempo");
  /* "5 · Hard" is the sixth entry after "Not given" */
  adw_combo_row_set_selected (child (dialog, FL_TYPE_RUN_DIALOG, "effort_row"), 6);
  g_signal_emit_by_name (child (dialog, FL_TYPE_RUN_DIALOG, "save_button"), "clicked");
  spin ();

  g_assert_null (fl_training_page_get_run_dialog (page));
  g_assert_cmpuint (runs->len, ==, 1);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpint (run->duration_s, ==, 2700);
  g_assert_cmpfloat (run->distance_m, ==, 8000);
  g_assert_cmpint (run->rpe, ==, 5);
  g_assert_cmpint (run->avg_hr, ==, 152);
  g_assert_cmpint (run->cadence_spm, ==, 168);
  g_assert_cmpfloat (run->temperature_c, ==, 24.5);
  g_assert_cmpstr (run->note, ==, "Tempo");
  g_assert_cmpstr (run->source, ==, "manual");
  {
    g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 ("2026-11-27T07:30:00+01:00", NULL);

    g_assert_true (g_date_time_equal (run->parent.time, expected));
  }
  id = g_strdup (run->parent.id);

  g_assert_cmpstr (training_view (page), ==, "content");
  distance_row = child (page, FL_TYPE_TRAINING_PAGE, "distance_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (distance_row), ==, "8.0 km (0.0 km the 7 days before)");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (page), "8.0 km in 45:00"));
  /* Under 28 days of history the ratio keeps quiet, and says why */
  g_assert_cmpstr (adw_action_row_get_subtitle (child (page, FL_TYPE_TRAINING_PAGE, "ratio_row")), ==,
                   "Needs 28 days of history: 27 more days");

  /* Edit: the form opens filled in; the run keeps its id */
  gtk_widget_activate_action (GTK_WIDGET (page), "training.edit-run", "s", id);
  spin ();
  dialog = FL_RUN_DIALOG (fl_training_page_get_run_dialog (page));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, FL_TYPE_RUN_DIALOG, "distance_row"))), ==, "8.00 km");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, FL_TYPE_RUN_DIALOG, "duration_row"))), ==, "45:00");
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, FL_TYPE_RUN_DIALOG, "effort_row")), ==, 6);
  set_row_text (dialog, "duration_row", "50:00");
  g_assert_true (fl_run_dialog_save (dialog));
  spin ();
  g_assert_cmpuint (runs->len, ==, 1);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpstr (run->parent.id, ==, id);
  g_assert_cmpint (run->duration_s, ==, 3000);
  g_assert_cmpstr (run->note, ==, "Tempo");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (page), "8.0 km in 50:00"));
}

/* Removing a run offers it back; the page follows */
static void
test_training_remove_and_undo (Fixture *f)
{
  FlTrainingPage *page = training_page (f);
  GPtrArray *runs = fl_journal_get_records (journal (f), FL_RECORD_RUN);
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-11-26T18:00:00+01:00", NULL);
  g_autoptr(FlRecord) record = fl_run_new (start, 1800, 5000);
  g_autoptr(GError) error = NULL;
  GtkListBox *list = child (page, FL_TYPE_TRAINING_PAGE, "runs_list");
  GtkWidget *row, *undo, *remove = NULL;

  g_assert_true (fl_journal_add (journal (f), record, &error));
  g_assert_no_error (error);
  spin ();
  g_assert_cmpstr (training_view (page), ==, "content");
  g_assert_cmpuint (count_rows (list), ==, 1);

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  /* The row's buttons: edit, then remove (icons, found by their tooltip) */
  for (GtkWidget *w = find_first_of_type (row, GTK_TYPE_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), "Remove") == 0)
      remove = w;
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  spin ();

  g_assert_cmpuint (runs->len, ==, 0);
  g_assert_cmpstr (training_view (page), ==, "empty");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (f->window), "Removed the 30:00 run"));
  undo = find_button_with_label (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  spin ();

  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpstr (((FlRecord *) g_ptr_array_index (runs, 0))->id, ==, record->id);
  g_assert_cmpstr (training_view (page), ==, "content");
  g_assert_cmpuint (count_rows (list), ==, 1);

  /* Let the toast's hide animation end before the window goes: a crash in
   * adw_animation_skip() while the window unmapped was seen once */
  {
    gint64 until = g_get_monotonic_time () + 600 * 1000;

    while (g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10 * 1000);
      }
  }
}

/* Preferences: the rest-day reminder's switch and time reach the scheduler */
static void
test_training_rest_day_preferences (Fixture *f)
{
  GSettings *settings = fl_application_get_settings (f->app);
  FlScheduler *scheduler = fl_application_get_scheduler (f->app);
  GtkWindow *preferences = fl_preferences_window_new (f->app, GTK_WINDOW (f->window));
  GtkSpinButton *time = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "rest_day_time_spin");
  GtkSwitch *toggle = child (preferences, FL_TYPE_PREFERENCES_WINDOW, "rest_day_switch");

  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, "20:00");
  g_assert_cmpint (fl_scheduler_get_rest_day_time (scheduler), ==, 20 * 60);

  /* Typed as a time of day */
  gtk_editable_set_text (GTK_EDITABLE (time), "21:30");
  gtk_spin_button_update (time);
  spin ();
  g_assert_cmpint (g_settings_get_int (settings, "rest-day-reminder-time"), ==, 21 * 60 + 30);
  g_assert_cmpint (fl_scheduler_get_rest_day_time (scheduler), ==, 21 * 60 + 30);
  gtk_spin_button_spin (time, GTK_SPIN_STEP_FORWARD, 0);
  spin ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, "21:45");

  /* The switch, under the reminders' main switch */
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (fl_scheduler_get_rest_day_enabled (scheduler));
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "rest-day-reminders"));
  g_assert_false (fl_scheduler_get_rest_day_enabled (scheduler));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (time)));

  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_settings_reset (settings, "rest-day-reminders");
  g_settings_reset (settings, "rest-day-reminder-time");
  gtk_window_destroy (preferences);
}

/* The plan, the flags and the return ramp as a runner reads them */
static void
test_training_plan_and_flags (Fixture *f)
{
  FlTrainingPage *page = training_page (f);
  g_autoptr(GError) error = NULL;
  GtkListBox *plan = child (page, FL_TYPE_TRAINING_PAGE, "plan_list");
  GtkListBox *flags = child (page, FL_TYPE_TRAINING_PAGE, "flags_list");

  /* Two very hard days: tomorrow is a rest day */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 26 + i, 7, 0, 0);
      g_autoptr(FlRecord) run = fl_run_new (start, 40 * 60, 8000);

      FL_RUN (run)->rpe = 8;
      g_assert_true (fl_journal_add (journal (f), run, &error));
      g_assert_no_error (error);
    }
  spin ();

  g_assert_cmpuint (count_rows (plan), ==, 7);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (gtk_list_box_get_row_at_index (plan, 0)), "Saturday 28 November"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (gtk_list_box_get_row_at_index (plan, 0)), "Two hard days in a row"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (gtk_list_box_get_row_at_index (plan, 0)), "Rest"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (gtk_list_box_get_row_at_index (plan, 1)), "Normal"));
  g_assert_cmpuint (count_rows (flags), ==, 1);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (flags), "No flag raised"));
  g_assert_false (gtk_widget_get_visible (child (page, FL_TYPE_TRAINING_PAGE, "return_group")));
}

/* }}} */

/* Iron: a vegetarian runner with heavy periods sees 32.4 mg, finds lentils
 * in two keystrokes, logs two portions with Enter, is told about vitamin C,
 * and logs a low ferritin result, which brings the blood-test suggestion */
static void
test_iron_page (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FlProfile profile;
  GtkWidget *page;
  FlProgressRing *ring;
  GtkSearchEntry *search;
  GtkListBox *results, *entries, *risks, *ferritin;
  FlBarChart *chart;
  FlIronIntake *intake;
  GPtrArray *iron;

  fl_profile_init_defaults (&profile);
  profile.is_set = TRUE;
  profile.sex = FL_SEX_FEMALE;
  profile.birth_year = 1996;
  profile.diet = FL_DIET_VEGETARIAN;
  profile.heavy_periods = TRUE;
  g_assert_true (fl_journal_set_profile (journal (f), &profile, &error));
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "show-page", g_variant_new_string ("iron"));
  spin ();
  g_assert_cmpstr (fl_window_get_page (f->window), ==, "iron");

  page = child (f->window, FL_TYPE_WINDOW, "iron_page");
  ring = child (page, FL_TYPE_IRON_PAGE, "ring");
  g_assert_cmpstr (fl_progress_ring_get_secondary_text (ring), ==, "of 32.4 mg");
  g_assert_cmpfloat (fl_progress_ring_get_value (ring), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (child (page, FL_TYPE_IRON_PAGE, "target_label")), ==,
                   "18.0 mg for women 19 to 50 (NIH), × 1.8 for a vegetarian or vegan diet: 32.4 mg a day");
  g_assert_cmpstr (gtk_label_get_label (child (page, FL_TYPE_IRON_PAGE, "advice_label")), ==,
                   "This is information, not medical advice.");
  risks = child (page, FL_TYPE_IRON_PAGE, "risks_list");
  g_assert_cmpuint (count_rows (risks), ==, 3);
  g_assert_false (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "blood_test_group")));
  g_assert_false (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "recent_group")));

  /* Nothing typed: plant foods only for a vegetarian, richest first */
  results = child (page, FL_TYPE_IRON_PAGE, "results_list");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (results, 1))),
                   ==, "White beans, canned");

  /* Two keystrokes */
  search = child (page, FL_TYPE_IRON_PAGE, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "le");
  g_signal_emit_by_name (search, "search-changed");
  spin ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (results, 0))),
                   ==, "Lentils, boiled");

  gtk_spin_button_set_value (child (page, FL_TYPE_IRON_PAGE, "portions_spin"), 2);
  g_signal_emit_by_name (search, "activate");
  spin ();

  iron = fl_journal_get_records (journal (f), FL_RECORD_IRON);
  g_assert_cmpuint (iron->len, ==, 1);
  intake = FL_IRON_INTAKE (g_ptr_array_index (iron, 0));
  g_assert_cmpstr (intake->food, ==, "lentils-cooked");
  g_assert_cmpfloat (intake->portions, ==, 2);
  g_assert_cmpfloat (intake->mg, ==, 6.6);
  g_assert_cmpfloat (fl_progress_ring_get_value (ring), ==, 6.6);
  g_assert_cmpstr (fl_progress_ring_get_text (ring), ==, "6.6 mg");
  entries = child (page, FL_TYPE_IRON_PAGE, "entries_list");
  g_assert_cmpuint (count_rows (entries), ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (entries, 0))),
                   ==, "10:00 · 2 × ½ cup · 6.6 mg");
  g_assert_true (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "recent_group")));
  g_assert_true (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "tips_group")));
  g_assert_nonnull (find_label_with_text (page, "Lentils, boiled had no vitamin C with it. Iron from plants is "
                                          "absorbed several times better with vitamin C in the same meal: a "
                                          "pepper, an orange, broccoli or strawberries."));
  chart = child (page, FL_TYPE_IRON_PAGE, "chart");
  g_assert_cmpuint (fl_bar_chart_get_n_bars (chart), ==, 14);
  g_assert_cmpfloat (fl_bar_chart_get_value (chart, 13), ==, 6.6);
  g_assert_cmpfloat (fl_bar_chart_get_target (chart, 13), ==, 32.4);

  /* An orange in the same meal, one click from the table: the tip goes */
  gtk_spin_button_set_value (child (page, FL_TYPE_IRON_PAGE, "portions_spin"), 1);
  gtk_widget_activate_action (page, "iron.log-food", "s", "orange");
  spin ();
  g_assert_false (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "tips_group")));

  /* A date that is not one: said, nothing stored */
  ferritin = child (page, FL_TYPE_IRON_PAGE, "ferritin_list");
  gtk_editable_set_text (GTK_EDITABLE (child (page, FL_TYPE_IRON_PAGE, "ferritin_date_row")), "2026-13-01");
  gtk_widget_activate_action (page, "iron.log-ferritin", NULL);
  spin ();
  g_assert_true (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "ferritin_error_label")));
  g_assert_cmpuint (fl_journal_get_records (journal (f), FL_RECORD_FERRITIN)->len, ==, 0);

  gtk_spin_button_set_value (child (page, FL_TYPE_IRON_PAGE, "ferritin_spin"), 24);
  gtk_editable_set_text (GTK_EDITABLE (child (page, FL_TYPE_IRON_PAGE, "ferritin_date_row")), "2026-10-02");
  gtk_widget_activate_action (page, "iron.log-ferritin", NULL);
  spin ();
  g_assert_false (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "ferritin_error_label")));
  g_assert_cmpuint (count_rows (ferritin), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (ferritin, 0))),
                   ==, "24 µg/L · low");
  g_assert_true (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "blood_test_group")));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (page, FL_TYPE_IRON_PAGE, "blood_test_label")),
                                   "Your last ferritin result, 24 µg/L, reads “low”."));

  /* A food of one's own: without a name it is refused and said */
  gtk_widget_activate_action (page, "iron.add-food", NULL);
  spin ();
  g_assert_true (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "own_error_label")));
  g_assert_cmpstr (gtk_label_get_label (child (page, FL_TYPE_IRON_PAGE, "own_error_label")), ==,
                   "a name is one line of 1 to 80 characters; give the food a name.");

  gtk_editable_set_text (GTK_EDITABLE (child (page, FL_TYPE_IRON_PAGE, "own_name_row")), "Lentil soup");
  gtk_editable_set_text (GTK_EDITABLE (child (page, FL_TYPE_IRON_PAGE, "own_portion_row")), "1 bowl");
  gtk_spin_button_set_value (child (page, FL_TYPE_IRON_PAGE, "own_grams_spin"), 300);
  gtk_spin_button_set_value (child (page, FL_TYPE_IRON_PAGE, "own_mg_spin"), 4.5);
  gtk_widget_activate_action (page, "iron.add-food", NULL);
  spin ();
  g_assert_false (gtk_widget_get_visible (child (page, FL_TYPE_IRON_PAGE, "own_error_label")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (results, 0))),
                   ==, "Lentil soup");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (results, 0))),
                   ==, "1 bowl · 4.5 mg");
  {
    g_autofree char *folder = g_path_get_dirname (f->path);
    g_autofree char *own = g_build_filename (folder, "foods.json", NULL);

    g_assert_true (g_file_test (own, G_FILE_TEST_IS_REGULAR));
  }
}

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
  ADD ("/fl/ui/window/lays-out-shown-page-only", test_window_lays_out_shown_page_only);
  ADD ("/fl/ui/window/remembers-size", test_window_size);
  ADD ("/fl/ui/window/reminder-in-window", test_reminder_in_window);
  ADD ("/fl/ui/window/store-problem", test_store_problem);
  ADD ("/fl/ui/import/files", test_import_files);
  ADD ("/fl/ui/import/action-and-drop", test_import_action_and_drop);
  ADD ("/fl/ui/hydration/quick-add", test_quick_add);
  ADD ("/fl/ui/hydration/shortcuts", test_shortcuts);
  ADD ("/fl/ui/hydration/remove-and-undo", test_remove_and_undo);
  ADD ("/fl/ui/hydration/custom-amount", test_custom_amount);
  ADD ("/fl/ui/hydration/midnight", test_midnight);
  ADD ("/fl/ui/hydration/sweat-rate", test_sweat_rate);
  ADD ("/fl/ui/iron/page", test_iron_page);
  ADD ("/fl/ui/preferences/sex-changes-goal", test_preferences_sex_changes_goal);
  ADD ("/fl/ui/preferences/times-and-switches", test_preferences_times);
  ADD ("/fl/ui/welcome/skip-and-save", test_welcome);
  ADD ("/fl/ui/training/empty-state", test_training_empty_state);
  ADD ("/fl/ui/training/add-run-form", test_training_add_run_form);
  ADD ("/fl/ui/training/remove-and-undo", test_training_remove_and_undo);
  ADD ("/fl/ui/training/plan-and-flags", test_training_plan_and_flags);
  ADD ("/fl/ui/training/rest-day-preferences", test_training_rest_day_preferences);
  g_test_add_func ("/fl/ui/widgets/bar-chart", test_bar_chart);
  g_test_add_func ("/fl/ui/widgets/progress-ring", test_progress_ring);
  ADD ("/fl/ui/cooldown/start-action", test_cooldown_start_action);
  ADD ("/fl/ui/cooldown/countdown", test_cooldown_countdown);
  ADD ("/fl/ui/cooldown/space-pauses", test_cooldown_space_pauses);
  ADD ("/fl/ui/cooldown/skip-and-back", test_cooldown_skip_and_back);
  ADD ("/fl/ui/cooldown/escape-stops", test_cooldown_escape_stops);
  ADD ("/fl/ui/cooldown/close-stops", test_cooldown_close_stops);
  ADD ("/fl/ui/cooldown/done-notification", test_cooldown_done_notification);
  ADD ("/fl/ui/cooldown/routine-picker", test_cooldown_routine_picker);
  ADD ("/fl/ui/cooldown/record", test_cooldown_record);
  g_test_add_func ("/fl/ui/cooldown/import", test_cooldown_import);
  g_test_add_func ("/fl/ui/help-overlay", test_help_overlay);
  g_test_add_func ("/fl/ui/widgets/stretch-figures-exist", test_stretch_figures_exist);
  ADD ("/fl/ui/sleep/figures", test_sleep_page_figures);
  ADD ("/fl/ui/sleep/log-edit-remove", test_sleep_page_log_edit_remove);
  ADD ("/fl/ui/sleep/preferences", test_sleep_preferences);
  g_test_add_func ("/fl/ui/widgets/stretch-figure-mirrored", test_stretch_figure_mirrored);

  return g_test_run ();
}
