/* fl-welcome-window.c: the first start: who is running?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-profile-group.h"
#include "fl-welcome-window.h"

struct _FlWelcomeWindow
{
  AdwWindow       parent_instance;

  FlJournal      *journal;
  GSettings      *settings;

  GtkLabel       *error_label;
  GtkImage       *icon;
  FlProfileGroup *profile_group;
  GtkLabel       *skip_label;
};

G_DEFINE_FINAL_TYPE (FlWelcomeWindow, fl_welcome_window, ADW_TYPE_WINDOW)

static void
finish (FlWelcomeWindow *self)
{
  g_settings_set_boolean (self->settings, "welcome-done", TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_skip_clicked (FlWelcomeWindow *self)
{
  finish (self);
}

static void
on_save_clicked (FlWelcomeWindow *self)
{
  g_autoptr(GError) error = NULL;
  FlProfile profile;

  fl_profile_group_get_profile (self->profile_group, &profile);
  /* Saving is the runner's word that this is their profile, even unchanged */
  profile.is_set = TRUE;

  if (!fl_journal_set_profile (self->journal, &profile, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  finish (self);
}

static void
fl_welcome_window_dispose (GObject *object)
{
  FlWelcomeWindow *self = FL_WELCOME_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_WELCOME_WINDOW);

  g_clear_object (&self->journal);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fl_welcome_window_parent_class)->dispose (object);
}

static void
fl_welcome_window_class_init (FlWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_welcome_window_dispose;

  g_type_ensure (FL_TYPE_PROFILE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlWelcomeWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, FlWelcomeWindow, icon);
  gtk_widget_class_bind_template_child (widget_class, FlWelcomeWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, FlWelcomeWindow, skip_label);
  /* Not kept in the struct, but reachable by tests */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "skip_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fl_welcome_window_init (FlWelcomeWindow *self)
{
  g_autofree char *defaults = fl_profile_describe_defaults ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The app icon, once installed; a drop until then (uninstalled runs) */
  if (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                               APP_ID))
    gtk_image_set_from_icon_name (self->icon, APP_ID);
  else
    {
      gtk_image_set_from_icon_name (self->icon, "fl-water-drop-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->icon), "accent");
    }

  /* What "Skip" means, said plainly before it is pressed */
  gtk_label_set_label (self->skip_label, defaults);
}

GtkWindow *
fl_welcome_window_new (FlApplication *app,
                       GtkWindow     *parent)
{
  FlWelcomeWindow *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (FL_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (FL_TYPE_WELCOME_WINDOW,
                       "application", app,
                       "transient-for", parent,
                       NULL);

  self->journal = g_object_ref (fl_application_get_journal (app));
  self->settings = g_object_ref (fl_application_get_settings (app));

  now = fl_clock_now (fl_application_get_clock (app));
  fl_profile_group_set_this_year (self->profile_group, g_date_time_get_year (now));
  fl_profile_group_set_profile (self->profile_group, fl_journal_get_profile (self->journal));

  return GTK_WINDOW (self);
}
