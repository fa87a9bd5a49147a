/* fl-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fl-application.h"
#include "fl-cli.h"
#include "fl-cooldown-stats.h"
#include "fl-import-ui.h"
#include "fl-notifier.h"
#include "fl-preferences-window.h"
#include "fl-system-clock.h"
#include "fl-welcome-window.h"
#include "fl-window.h"

struct _FlApplication
{
  AdwApplication  parent_instance;

  FlClock        *clock;
  char           *journal_path;   /* NULL: the default place */
  gboolean        for_test;

  FlStore        *store;
  FlScheduler    *scheduler;
  FlNotifier     *notifier;
  GSettings      *settings;

  GSettings      *desktop_notifications;  /* GNOME's, when installed: do-not-disturb */
  GPtrArray      *held_reminders; /* due while do-not-disturb was on */

  gboolean        held;           /* running in the background for reminders */
  char           *pending_problem;

  /* The cool-down: the session app.start-cooldown started, the cookie that
   * keeps the screen awake while it runs, and the window whose closing
   * stops it (weak). */
  FlStretchSession *cooldown;
  guint             cooldown_inhibit;
  GtkWindow        *cooldown_window;
};

G_DEFINE_FINAL_TYPE (FlApplication, fl_application, ADW_TYPE_APPLICATION)

enum {
  REMINDER_IN_WINDOW,
  STORE_PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_COOLDOWN_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static FlWindow *
get_window (FlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (FL_IS_WINDOW (window))
    return FL_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (FL_IS_WINDOW (l->data))
      return FL_WINDOW (l->data);

  return NULL;
}

static void
report_problem (FlApplication *self,
                const char    *message)
{
  /* Said now if a window can show it, else when the window opens. */
  if (get_window (self) != NULL)
    g_signal_emit (self, signals[STORE_PROBLEM], 0, message);
  else
    {
      g_free (self->pending_problem);
      self->pending_problem = g_strdup (message);
    }
}

static FlWindow *
ensure_window (FlApplication *self)
{
  FlWindow *window = get_window (self);

  if (window == NULL)
    {
      window = fl_window_new (self);

      if (self->pending_problem != NULL)
        {
          g_autofree char *message = g_steal_pointer (&self->pending_problem);

          g_signal_emit (self, signals[STORE_PROBLEM], 0, message);
        }
    }

  return window;
}

static void
show_welcome_if_new (FlApplication *self,
                     FlWindow      *window)
{
  GtkWindow *welcome;

  if (g_settings_get_boolean (self->settings, "welcome-done") ||
      fl_journal_get_profile (fl_store_get_journal (self->store))->is_set)
    return;

  welcome = fl_welcome_window_new (self, GTK_WINDOW (window));
  gtk_window_present (welcome);
}

/* While reminders are on, closing the window does not end the app: it stays
 * in the background to deliver them (app.quit ends it). */
static void
update_background (FlApplication *self)
{
  gboolean want = g_settings_get_boolean (self->settings, "reminders-enabled");

  if (want && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!want && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = want;
}

/* The XDG autostart entry starts the app hidden at login while reminders
 * are on, so that a reminder can come before the window was ever opened. */
static void
update_autostart (FlApplication *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "autostart", NULL);
  g_autofree char *name = g_strconcat (APP_ID, ".desktop", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (self->for_test)
    return;

  if (g_settings_get_boolean (self->settings, "reminders-enabled"))
    {
      g_autoptr(GKeyFile) entry = g_key_file_new ();
      g_autofree char *data = NULL;

      g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, "Application");
      g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Fresh Legs");
      g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                             _("Deliver Fresh Legs reminders"));
      g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, "fresh-legs --hidden");
      g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
      g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
      g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
      data = g_key_file_to_data (entry, NULL, NULL);

      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents (path, data, -1, &error))
        g_warning ("Could not write the autostart entry %s: %s", path,
                   error ? error->message : g_strerror (errno));
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_unlink (path) != 0)
        g_warning ("Could not remove the autostart entry %s: %s", path, g_strerror (errno));
    }
}

static void
update_reminder_switches (FlApplication *self)
{
  gboolean on = g_settings_get_boolean (self->settings, "reminders-enabled");

  fl_scheduler_set_drink_enabled (self->scheduler,
                                  on && g_settings_get_boolean (self->settings, "drink-reminders"));
  fl_scheduler_set_cooldown_enabled (self->scheduler,
                                     on && g_settings_get_boolean (self->settings, "cooldown-reminders"));
  fl_scheduler_set_rest_day_enabled (self->scheduler,
                                     on && g_settings_get_boolean (self->settings, "rest-day-reminders"));
  fl_scheduler_set_wind_down_enabled (self->scheduler,
                                      on && g_settings_get_boolean (self->settings, "wind-down-reminders"));
  fl_scheduler_set_nap_enabled (self->scheduler,
                                on && g_settings_get_boolean (self->settings, "nap-reminders"));
  fl_scheduler_set_blood_test_enabled (self->scheduler,
                                       on && g_settings_get_boolean (self->settings, "blood-test-reminders"));
}

static void
on_reminders_setting_changed (FlApplication *self,
                              const char    *key,
                              GSettings     *settings)
{
  update_reminder_switches (self);

  if (g_str_equal (key, "reminders-enabled"))
    {
      update_background (self);
      update_autostart (self);
    }
}

static gboolean
do_not_disturb (FlApplication *self)
{
  return self->desktop_notifications != NULL &&
         !g_settings_get_boolean (self->desktop_notifications, "show-banners");
}

static void
on_scheduler_due (FlApplication *self,
                  FlReminder    *reminder,
                  FlScheduler   *scheduler)
{
  /* GNOME's do-not-disturb holds reminders until it ends; a newer one of the
   * same kind replaces an older one held. */
  if (do_not_disturb (self))
    {
      for (guint i = 0; i < self->held_reminders->len; i++)
        {
          FlReminder *held = g_ptr_array_index (self->held_reminders, i);

          if (g_str_equal (held->kind, reminder->kind))
            {
              g_ptr_array_remove_index (self->held_reminders, i);
              break;
            }
        }
      g_ptr_array_add (self->held_reminders, fl_reminder_ref (reminder));
      return;
    }

  fl_notifier_show (self->notifier, reminder);
}

static void
on_show_banners_changed (FlApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  g_autoptr(GPtrArray) held = NULL;

  if (do_not_disturb (self) || self->held_reminders->len == 0)
    return;

  held = g_steal_pointer (&self->held_reminders);
  self->held_reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_reminder_unref);
  for (guint i = 0; i < held->len; i++)
    fl_notifier_show (self->notifier, g_ptr_array_index (held, i));
}

static GSettings *
desktop_notification_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.notifications", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "show-banners"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
on_notifier_undelivered (FlApplication *self,
                         FlReminder    *reminder,
                         FlNotifier    *notifier)
{
  g_signal_emit (self, signals[REMINDER_IN_WINDOW], 0, reminder);
}

static void
on_save_failed (FlApplication *self,
                GError        *error,
                FlStore       *store)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: %s says why, e.g. "Permission denied" */
  message = g_strdup_printf (_("Your last change could not be saved: %s. It is kept while Fresh Legs runs."),
                             error->message);
  report_problem (self, message);
}

static void
log_drink_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  FlApplication *self = user_data;
  g_autoptr(GDateTime) now = fl_clock_now (self->clock);
  g_autoptr(FlRecord) drink = fl_drink_new (now, g_variant_get_int32 (parameter));
  g_autoptr(GError) error = NULL;

  if (!fl_journal_add (fl_store_get_journal (self->store), drink, &error))
    report_problem (self, error->message);
  else
    fl_notifier_withdraw (self->notifier, "drink");
}

static void
snooze_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  FlApplication *self = user_data;
  const char *kind;
  gint32 minutes;

  g_variant_get (parameter, "(&si)", &kind, &minutes);
  fl_scheduler_snooze (self->scheduler, kind, CLAMP (minutes, 1, 24 * 60));
  fl_notifier_withdraw (self->notifier, kind);
}

/* "Dismiss": the runner has read it; nothing else to do */
static void
dismiss_reminder_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  FlApplication *self = user_data;

  fl_notifier_withdraw (self->notifier, g_variant_get_string (parameter, NULL));
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  FlApplication *self = user_data;
  FlWindow *window = ensure_window (self);

  fl_window_show_page (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  FlApplication *self = user_data;
  FlWindow *window = ensure_window (self);
  GtkWindow *preferences = fl_preferences_window_new (self, GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (preferences);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  FlApplication *self = user_data;
  FlWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  fl_import_ui_choose (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  FlApplication *self = user_data;
  FlWindow *window = ensure_window (self);
  const char *developers[] = { "The Fresh Legs developers", NULL };

  adw_show_about_window (GTK_WINDOW (window),
                         "application-name", _("Fresh Legs"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Fresh Legs developers"),
                         "developers", developers,
                         "comments", _("Keep a runner’s legs from feeling heavy: cool-downs, training load, "
                                       "sleep, drinking and iron, all on your own computer."),
                         "website", "https://github.com/freshlegs/fresh-legs",
                         "issue-url", "https://github.com/freshlegs/fresh-legs/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Fresh Legs developers",
                         /* TRANSLATORS: your name and e-mail, one translator a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  FlApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

/* {{{ The cool-down */

static gboolean
cooldown_is_active (FlApplication *self)
{
  FlStretchSessionState state;

  if (self->cooldown == NULL)
    return FALSE;

  state = fl_stretch_session_get_state (self->cooldown);
  return state == FL_STRETCH_SESSION_RUNNING || state == FL_STRETCH_SESSION_PAUSED;
}

/* Closing the window or quitting ends the cool-down: what was done so far
 * is logged, and nothing runs on unseen. */
static void
stop_cooldown (FlApplication *self)
{
  if (cooldown_is_active (self))
    fl_stretch_session_stop (self->cooldown);
}

static gboolean
on_cooldown_window_close_request (FlApplication *self)
{
  stop_cooldown (self);

  return GDK_EVENT_PROPAGATE;
}

static void
watch_cooldown_window (FlApplication *self,
                       GtkWindow     *window)
{
  if (self->cooldown_window == window)
    return;

  if (self->cooldown_window != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->cooldown_window, on_cooldown_window_close_request, self);
      g_object_remove_weak_pointer (G_OBJECT (self->cooldown_window), (gpointer *) &self->cooldown_window);
    }

  self->cooldown_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->cooldown_window);
  g_signal_connect_swapped (window, "close-request", G_CALLBACK (on_cooldown_window_close_request), self);
}

/* The runner has the window in front of them: focused, and neither
 * minimized nor hidden (a window manager may leave focus on a window it
 * has just minimized) */
static gboolean
window_is_seen (FlWindow *window)
{
  GdkSurface *surface;

  if (window == NULL || !gtk_window_is_active (GTK_WINDOW (window)))
    return FALSE;

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  return surface != NULL && gdk_surface_get_mapped (surface) &&
         (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) == 0;
}

static void
on_cooldown_finished (FlApplication    *self,
                      gboolean          completed,
                      guint             holds_done,
                      guint             holds_total,
                      FlStretchSession *session)
{
  FlWindow *window = get_window (self);
  FlRecord *record = fl_stretch_session_get_record (session);
  g_autoptr(FlReminder) reminder = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *body = NULL;

  if (self->cooldown_inhibit != 0)
    gtk_application_uninhibit (GTK_APPLICATION (self), self->cooldown_inhibit);
  self->cooldown_inhibit = 0;

  /* Stopping is something the runner did in the window; an end reached
   * while they looked elsewhere is worth telling. Of kind "cooldown", it
   * takes the place of the "Time to cool down" reminder, and a click opens
   * the Cool-down page. */
  g_debug ("Cool-down %s; window %s", completed ? "done" : "stopped",
           window_is_seen (window) ? "in view" : "out of view");
  if (!completed || window_is_seen (window))
    return;

  body = record != NULL ? fl_cooldown_describe (FL_COOLDOWN (record)) : NULL;
  now = fl_clock_now (self->clock);
  reminder = fl_reminder_new ("cooldown", now, _("Cool-down done"), body != NULL ? body : "");
  fl_notifier_show (self->notifier, reminder);
}

static void
start_cooldown_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FlApplication *self = user_data;
  FlWindow *window = ensure_window (self);
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  fl_window_show_page (window, "cooldown");
  gtk_window_present (GTK_WINDOW (window));
  /* The reminder is answered */
  fl_notifier_withdraw (self->notifier, "cooldown");

  /* One at a time: a second Start (another click on the reminder) only
   * brings the running one back into view. */
  if (cooldown_is_active (self))
    return;

  name = g_settings_get_string (self->settings, "default-routine");
  routine = fl_routine_lookup (name, &error);
  if (routine == NULL)
    {
      /* A routine of the runner's that was removed or broke since it was
       * picked: the cool-down still happens, with the shipped default. */
      /* TRANSLATORS: a toast; %s is what went wrong with the chosen routine */
      fl_window_add_toast (window, adw_toast_new_format (_("Your routine could not be used: %s. "
                                                           "The 10-minute routine is used instead."),
                                                         error->message));
      routine = fl_routine_lookup (FL_ROUTINE_DEFAULT, NULL);
      g_return_if_fail (routine != NULL);
    }

  if (self->cooldown != NULL)
    g_signal_handlers_disconnect_by_data (self->cooldown, self);
  g_clear_object (&self->cooldown);
  self->cooldown = fl_stretch_session_new (routine, fl_store_get_journal (self->store), self->clock);
  g_signal_connect_swapped (self->cooldown, "finished", G_CALLBACK (on_cooldown_finished), self);
  watch_cooldown_window (self, GTK_WINDOW (window));
  /* The page takes the session up before it starts, so it hears every step */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COOLDOWN_SESSION]);

  /* The runner is on a mat, eyes off the screen: it must not go dark */
  self->cooldown_inhibit = gtk_application_inhibit (GTK_APPLICATION (self), GTK_WINDOW (window),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("A cool-down is running"));
  fl_stretch_session_start (self->cooldown);
}

/* }}} */

static const GActionEntry app_actions[] = {
  { "log-drink", log_drink_action, "i" },
  { "snooze", snooze_action, "(si)" },
  { "dismiss-reminder", dismiss_reminder_action, "s" },
  { "show-page", show_page_action, "s" },
  { "start-cooldown", start_cooldown_action },
  { "preferences", preferences_action },
  { "import", import_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
fl_application_activate (GApplication *app)
{
  FlApplication *self = FL_APPLICATION (app);
  gboolean fresh = get_window (self) == NULL;
  FlWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (fresh)
    show_welcome_if_new (self, window);
}

static int
fl_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  FlApplication *self = FL_APPLICATION (app);
  g_auto(GStrv) argv = NULL;
  int argc;

  argv = g_application_command_line_get_arguments (command_line, &argc);

  if (fl_cli_is_command (argc, argv))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      int status = fl_cli_run_in (self->store, self->clock,
                                  g_application_command_line_get_cwd (command_line),
                                  argc, argv, out, err);

      if (out->len > 0)
        g_application_command_line_print (command_line, "%s", out->str);
      if (err->len > 0)
        g_application_command_line_printerr (command_line, "%s", err->str);

      return status;
    }

  /* `--hidden` (the autostart entry): run for reminders, no window */
  if (argc >= 2 && g_str_equal (argv[1], "--hidden"))
    return 0;

  if (argc >= 2)
    {
      g_application_command_line_printerr (command_line,
                                           /* TRANSLATORS: %s is what was typed after fresh-legs */
                                           _("fresh-legs: unknown command “%s”; try “fresh-legs --help”\n"),
                                           argv[1]);
      return FL_CLI_BAD_INPUT;
    }

  g_application_activate (app);
  return 0;
}

static void
fl_application_startup (GApplication *app)
{
  FlApplication *self = FL_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  g_autoptr(GError) error = NULL;
  FlJournal *journal;

  G_APPLICATION_CLASS (fl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  if (self->clock == NULL)
    self->clock = fl_system_clock_new ();

  self->store = fl_store_new (self->journal_path, self->clock);
  if (!fl_store_load (self->store, &error))
    {
      /* The file exists but cannot be read: say so, and do not save over it. */
      g_autofree char *message = g_strdup_printf (_("Your journal could not be read: %s. Nothing will be saved "
                                                    "until this is fixed."), error->message);
      fl_journal_set_read_only (fl_store_get_journal (self->store), TRUE);
      report_problem (self, message);
    }
  else if (fl_store_get_notice (self->store) != NULL)
    report_problem (self, fl_store_get_notice (self->store));

  fl_store_set_autosave (self->store, TRUE);
  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);

  journal = fl_store_get_journal (self->store);
  self->settings = g_settings_new (BASE_ID);
  self->scheduler = fl_scheduler_new (journal, self->clock);
  g_settings_bind (self->settings, "wake-time", self->scheduler, "wake-time", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "bedtime", self->scheduler, "bedtime", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "rest-day-reminder-time", self->scheduler, "rest-day-time", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "sleep-baseline", self->scheduler, "sleep-baseline", G_SETTINGS_BIND_GET);
  update_reminder_switches (self);
  g_signal_connect_object (self->settings, "changed::reminders-enabled",
                           G_CALLBACK (on_reminders_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::cooldown-reminders",
                           G_CALLBACK (on_reminders_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::drink-reminders",
                           G_CALLBACK (on_reminders_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::rest-day-reminders",
                           G_CALLBACK (on_reminders_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::wind-down-reminders",
                           G_CALLBACK (on_reminders_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::nap-reminders",
                           G_CALLBACK (on_reminders_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::blood-test-reminders",
                           G_CALLBACK (on_reminders_setting_changed), self, G_CONNECT_SWAPPED);

  self->notifier = fl_notifier_new (_("Fresh Legs"), G_ACTION_GROUP (self));
  g_signal_connect_object (self->notifier, "undelivered", G_CALLBACK (on_notifier_undelivered),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheduler, "due", G_CALLBACK (on_scheduler_due), self, G_CONNECT_SWAPPED);

  self->desktop_notifications = desktop_notification_settings ();
  if (self->desktop_notifications != NULL)
    g_signal_connect_object (self->desktop_notifications, "changed::show-banners",
                             G_CALLBACK (on_show_banners_changed), self, G_CONNECT_SWAPPED);

  update_background (self);
  update_autostart (self);

  /* Reminders that came due while the app was closed are due now: shown once, late. */
  fl_scheduler_recompute (self->scheduler);
}

static void
fl_application_shutdown (GApplication *app)
{
  FlApplication *self = FL_APPLICATION (app);

  /* A cool-down under way is logged as far as it got */
  stop_cooldown (self);

  /* Disconnect the model from the desktop before the objects go. */
  g_clear_object (&self->notifier);
  g_clear_object (&self->scheduler);

  G_APPLICATION_CLASS (fl_application_parent_class)->shutdown (app);
}

static void
fl_application_dispose (GObject *object)
{
  FlApplication *self = FL_APPLICATION (object);

  if (self->cooldown != NULL)
    g_signal_handlers_disconnect_by_data (self->cooldown, self);
  g_clear_object (&self->cooldown);
  if (self->cooldown_window != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->cooldown_window, on_cooldown_window_close_request, self);
      g_object_remove_weak_pointer (G_OBJECT (self->cooldown_window), (gpointer *) &self->cooldown_window);
      self->cooldown_window = NULL;
    }

  g_clear_object (&self->notifier);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->desktop_notifications);
  g_clear_pointer (&self->held_reminders, g_ptr_array_unref);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (fl_application_parent_class)->dispose (object);
}

static void
fl_application_finalize (GObject *object)
{
  FlApplication *self = FL_APPLICATION (object);

  g_free (self->journal_path);
  g_free (self->pending_problem);

  G_OBJECT_CLASS (fl_application_parent_class)->finalize (object);
}

static void
fl_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FlApplication *self = FL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_COOLDOWN_SESSION:
      g_value_set_object (value, self->cooldown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_application_class_init (FlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = fl_application_dispose;
  object_class->finalize = fl_application_finalize;
  object_class->get_property = fl_application_get_property;

  properties[PROP_COOLDOWN_SESSION] =
    g_param_spec_object ("cooldown-session", NULL, NULL,
                         FL_TYPE_STRETCH_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->activate = fl_application_activate;
  app_class->command_line = fl_application_command_line;
  app_class->startup = fl_application_startup;
  app_class->shutdown = fl_application_shutdown;

  /**
   * FlApplication::reminder-in-window:
   * @reminder: the reminder no notification server took
   */
  signals[REMINDER_IN_WINDOW] =
    g_signal_new ("reminder-in-window",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FL_TYPE_REMINDER);

  /**
   * FlApplication::store-problem:
   * @message: a translated sentence about the journal file
   */
  signals[STORE_PROBLEM] =
    g_signal_new ("store-problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fl_application_init (FlApplication *self)
{
  self->held_reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) fl_reminder_unref);
}

FlApplication *
fl_application_new (void)
{
  return g_object_new (FL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

FlApplication *
fl_application_new_for_test (FlClock    *clock,
                             const char *journal_path)
{
  FlApplication *self;

  /* Non-unique, so that tests never talk to a Fresh Legs the developer runs. */
  self = g_object_new (FL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
  self->clock = g_object_ref (clock);
  self->journal_path = g_strdup (journal_path);
  self->for_test = TRUE;

  return self;
}

FlClock *
fl_application_get_clock (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), NULL);
  return self->clock;
}

FlStore *
fl_application_get_store (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), NULL);
  return self->store;
}

FlJournal *
fl_application_get_journal (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), NULL);
  return self->store ? fl_store_get_journal (self->store) : NULL;
}

FlScheduler *
fl_application_get_scheduler (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), NULL);
  return self->scheduler;
}

GSettings *
fl_application_get_settings (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), NULL);
  return self->settings;
}

FlStretchSession *
fl_application_get_cooldown_session (FlApplication *self)
{
  g_return_val_if_fail (FL_IS_APPLICATION (self), NULL);
  return self->cooldown;
}
