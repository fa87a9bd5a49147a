/* fl-preferences-window.c: the profile, the day and the reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-preferences-window.h"
#include "fl-profile-group.h"
#include "fl-sleep.h"

struct _FlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FlJournal            *journal;
  GSettings            *settings;
  gboolean              syncing_times;

  GtkMenuButton        *bedtime_button;
  GtkSpinButton        *bedtime_hour_spin;
  GtkSpinButton        *bedtime_minute_spin;
  AdwActionRow         *drink_row;
  GtkSwitch            *drink_switch;
  AdwActionRow         *cooldown_row;
  GtkSwitch            *cooldown_switch;
  AdwActionRow         *rest_day_row;
  GtkSwitch            *rest_day_switch;
  GtkSpinButton        *rest_day_time_spin;
  AdwActionRow         *nap_row;
  AdwActionRow         *blood_test_row;
  GtkSwitch            *blood_test_switch;
  GtkSwitch            *nap_switch;
  GtkSpinButton        *sleep_need_spin;
  AdwActionRow         *wind_down_row;
  GtkSwitch            *wind_down_switch;
  FlProfileGroup       *profile_group;
  GtkSwitch            *reminders_switch;
  GtkMenuButton        *wake_button;
  GtkSpinButton        *wake_hour_spin;
  GtkSpinButton        *wake_minute_spin;
};

G_DEFINE_FINAL_TYPE (FlPreferencesWindow, fl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (FlPreferencesWindow *self,
            const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
sync_profile (FlPreferencesWindow *self)
{
  /* An edit the runner is still making wins over what the journal says */
  if (fl_profile_group_has_pending (self->profile_group))
    return;

  fl_profile_group_set_profile (self->profile_group, fl_journal_get_profile (self->journal));
}

static void
on_journal_changed (FlPreferencesWindow *self)
{
  sync_profile (self);
}

static void
on_profile_changed (FlPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  FlProfile profile;

  fl_profile_group_get_profile (self->profile_group, &profile);
  if (fl_profile_equal (&profile, fl_journal_get_profile (self->journal)))
    return;

  if (!fl_journal_set_profile (self->journal, &profile, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The profile was not saved: %s"), error->message);

      show_error (self, message);
      /* Show what is stored, not what was refused */
      fl_profile_group_set_profile (self->profile_group, fl_journal_get_profile (self->journal));
    }
}

static gboolean
on_minutes_spin_output (GtkSpinButton *spin,
                        gpointer       user_data)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_minutes_spin_input (GtkSpinButton *spin,
                       double        *new_value,
                       gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hour, minute, consumed = 0;

  if (sscanf (text, "%d:%d%n", &hour, &minute, &consumed) != 2 || text[consumed] != '\0' ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return GTK_INPUT_ERROR;

  *new_value = hour * 60 + minute;
  return TRUE;
}

/* Wake time and bedtime: minutes after midnight in GSettings, an "07:00"
 * button with hour and minute spin buttons in its popover. */

static void
sync_time (FlPreferencesWindow *self,
           const char          *key,
           GtkMenuButton       *button,
           GtkSpinButton       *hour_spin,
           GtkSpinButton       *minute_spin)
{
  int minutes = g_settings_get_int (self->settings, key);
  g_autofree char *label = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  self->syncing_times = TRUE;
  gtk_spin_button_set_value (hour_spin, minutes / 60);
  gtk_spin_button_set_value (minute_spin, minutes % 60);
  self->syncing_times = FALSE;

  gtk_menu_button_set_label (button, label);
}

static void
on_settings_changed (FlPreferencesWindow *self,
                     const char          *key)
{
  if (g_strcmp0 (key, "wake-time") == 0)
    sync_time (self, key, self->wake_button, self->wake_hour_spin, self->wake_minute_spin);
  else if (g_strcmp0 (key, "bedtime") == 0)
    sync_time (self, key, self->bedtime_button, self->bedtime_hour_spin, self->bedtime_minute_spin);
}

static void
on_time_spin_changed (FlPreferencesWindow *self,
                      GtkSpinButton       *spin)
{
  gboolean wake = spin == self->wake_hour_spin || spin == self->wake_minute_spin;
  GtkSpinButton *hour_spin = wake ? self->wake_hour_spin : self->bedtime_hour_spin;
  GtkSpinButton *minute_spin = wake ? self->wake_minute_spin : self->bedtime_minute_spin;

  if (self->syncing_times)
    return;

  g_settings_set_int (self->settings, wake ? "wake-time" : "bedtime",
                      gtk_spin_button_get_value_as_int (hour_spin) * 60
                      + gtk_spin_button_get_value_as_int (minute_spin));
}

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* The sleep need in minutes (GSettings sleep-baseline), shown as "8 h 15 min" */
static gboolean
on_sleep_need_output (GtkSpinButton *spin)
{
  g_autofree char *text = fl_format_sleep_minutes (gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static gboolean
fl_preferences_window_close_request (GtkWindow *window)
{
  FlPreferencesWindow *self = FL_PREFERENCES_WINDOW (window);

  /* A weight or birth year just typed is saved, not lost */
  fl_profile_group_flush (self->profile_group);

  return GTK_WINDOW_CLASS (fl_preferences_window_parent_class)->close_request (window);
}

static void
fl_preferences_window_dispose (GObject *object)
{
  FlPreferencesWindow *self = FL_PREFERENCES_WINDOW (object);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->journal);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fl_preferences_window_parent_class)->dispose (object);
}

static void
fl_preferences_window_class_init (FlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fl_preferences_window_dispose;

  window_class->close_request = fl_preferences_window_close_request;

  g_type_ensure (FL_TYPE_PROFILE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, bedtime_button);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, bedtime_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, bedtime_minute_spin);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, cooldown_row);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, cooldown_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, rest_day_row);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, rest_day_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, rest_day_time_spin);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, nap_row);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, blood_test_row);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, blood_test_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, nap_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, sleep_need_spin);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, wind_down_row);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, wind_down_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, drink_row);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, drink_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, wake_button);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, wake_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, FlPreferencesWindow, wake_minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sleep_need_output);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_time_spin_changed);
}

static void
fl_preferences_window_init (FlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
fl_preferences_window_new (FlApplication *app,
                           GtkWindow     *parent)
{
  FlPreferencesWindow *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (FL_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (FL_TYPE_PREFERENCES_WINDOW,
                       "application", app,
                       "transient-for", parent,
                       NULL);

  self->journal = g_object_ref (fl_application_get_journal (app));
  self->settings = g_object_ref (fl_application_get_settings (app));

  now = fl_clock_now (fl_application_get_clock (app));
  fl_profile_group_set_this_year (self->profile_group, g_date_time_get_year (now));
  sync_profile (self);
  g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);

  g_settings_bind (self->settings, "reminders-enabled",
                   self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "drink-reminders",
                   self->drink_switch, "active", G_SETTINGS_BIND_DEFAULT);
  /* Drink reminders cannot come while reminders are off altogether */
  g_settings_bind (self->settings, "reminders-enabled",
                   self->drink_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "cooldown-reminders",
                   self->cooldown_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->cooldown_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "rest-day-reminders",
                   self->rest_day_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->rest_day_row, "sensitive", G_SETTINGS_BIND_GET);
  /* Minutes after midnight, shown and typed as 20:00 */
  g_signal_connect (self->rest_day_time_spin, "output", G_CALLBACK (on_minutes_spin_output), NULL);
  g_signal_connect (self->rest_day_time_spin, "input", G_CALLBACK (on_minutes_spin_input), NULL);
  g_settings_bind (self->settings, "rest-day-reminder-time",
                   self->rest_day_time_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "rest-day-reminders",
                   self->rest_day_time_spin, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "wind-down-reminders",
                   self->wind_down_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->wind_down_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "nap-reminders",
                   self->nap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->nap_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "blood-test-reminders",
                   self->blood_test_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders-enabled",
                   self->blood_test_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "sleep-baseline",
                   self->sleep_need_spin, "value", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (on_settings_changed), self);
  on_settings_changed (self, "wake-time");
  on_settings_changed (self, "bedtime");

  return GTK_WINDOW (self);
}
