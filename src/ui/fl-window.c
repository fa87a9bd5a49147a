/* fl-window.c: the main window: a view stack of pages, notices, reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-cooldown-page.h"
#include "fl-hydration-page.h"
#include "fl-iron-page.h"
#include "fl-sleep-page.h"
#include "fl-training-page.h"
#include "fl-import-ui.h"
#include "fl-window.h"

struct _FlWindow
{
  AdwApplicationWindow  parent_instance;

  FlApplication        *app;
  FlJournal            *journal;
  GSettings            *settings;

  FlCooldownPage       *cooldown_page;
  GtkLabel             *defaults_label;
  GtkRevealer          *defaults_revealer;
  FlHydrationPage      *hydration_page;
  FlIronPage           *iron_page;
  FlSleepPage          *sleep_page;
  FlTrainingPage       *training_page;
  GtkLabel             *problem_label;
  GtkRevealer          *problem_revealer;
  GtkBox               *reminder_actions;
  GtkLabel             *reminder_body_label;
  GtkRevealer          *reminder_revealer;
  GtkLabel             *reminder_title_label;
  AdwViewStack         *stack;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (FlWindow, fl_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_size (FlWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The size to come back to is the unmaximized one, which GTK keeps as
   * the default size while the window is maximized. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
update_defaults (FlWindow *self)
{
  const FlProfile *profile = fl_journal_get_profile (self->journal);

  if (!profile->is_set)
    {
      g_autofree char *defaults = fl_profile_describe_defaults ();

      gtk_label_set_label (self->defaults_label, defaults);
    }

  gtk_revealer_set_reveal_child (self->defaults_revealer, !profile->is_set);
}

static void
show_problem (FlWindow   *self,
              const char *message)
{
  if (message == NULL || *message == '\0')
    return;

  gtk_label_set_label (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
}

static void
on_store_problem (FlWindow   *self,
                  const char *message)
{
  show_problem (self, message);
}

static void
on_problem_dismissed (FlWindow *self)
{
  gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
}

static void
on_reminder_dismissed (FlWindow *self)
{
  gtk_revealer_set_reveal_child (self->reminder_revealer, FALSE);
}

static void
show_reminder (FlWindow   *self,
               FlReminder *reminder)
{
  GtkWidget *child;

  gtk_label_set_label (self->reminder_title_label, reminder->title);
  gtk_label_set_label (self->reminder_body_label, reminder->body);
  gtk_widget_set_visible (GTK_WIDGET (self->reminder_body_label),
                          reminder->body != NULL && *reminder->body != '\0');

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reminder_actions))) != NULL)
    gtk_box_remove (self->reminder_actions, child);

  /* The same application actions as the notification's buttons */
  for (guint i = 0; reminder->actions != NULL && i < reminder->actions->len; i++)
    {
      const FlReminderAction *action = &g_array_index (reminder->actions, FlReminderAction, i);
      GtkWidget *button = gtk_button_new_with_label (action->label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action->action);
      if (action->target != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), action->target);
      if (i == 0)
        gtk_widget_add_css_class (button, "suggested-action");

      /* Runs after the action: the reminder is answered */
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_reminder_dismissed), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      gtk_box_append (self->reminder_actions, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reminder_actions),
                          gtk_widget_get_first_child (GTK_WIDGET (self->reminder_actions)) != NULL);
  gtk_revealer_set_reveal_child (self->reminder_revealer, TRUE);
}

static void
on_reminder_in_window (FlWindow   *self,
                       FlReminder *reminder)
{
  show_reminder (self, reminder);
}

static void
on_journal_changed (FlWindow *self)
{
  update_defaults (self);
}

static gboolean
fl_window_close_request (GtkWindow *window)
{
  save_size (FL_WINDOW (window));

  return GTK_WINDOW_CLASS (fl_window_parent_class)->close_request (window);
}

/* After construction: GtkWindow's "application" is not a construct
 * property, so it is not set yet in constructed(). */
static void
bind_application (FlWindow      *self,
                  FlApplication *app)
{
  const char *base_path;
  FlStore *store;

  self->app = g_object_ref (app);
  self->journal = g_object_ref (fl_application_get_journal (self->app));
  self->settings = g_object_ref (fl_application_get_settings (self->app));

  /* The page icons live in our GResource; GtkApplication only looks there
   * on its own when the application id matches the resource path. */
  base_path = g_application_get_resource_base_path (G_APPLICATION (app));
  if (g_strcmp0 (base_path, RESOURCE_PATH) != 0)
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                                      RESOURCE_PATH "/icons");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  fl_cooldown_page_set_application (self->cooldown_page, self->app);
  fl_hydration_page_set_application (self->hydration_page, self->app);
  fl_iron_page_set_application (self->iron_page, self->app);
  fl_sleep_page_set_application (self->sleep_page, self->app);
  fl_training_page_set_application (self->training_page, self->app);

  g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);
  g_signal_connect_swapped (self->app, "store-problem", G_CALLBACK (on_store_problem), self);
  g_signal_connect_swapped (self->app, "reminder-in-window", G_CALLBACK (on_reminder_in_window), self);
  /* Ctrl+Q quits without closing the window first */
  g_signal_connect_swapped (self->app, "shutdown", G_CALLBACK (save_size), self);

  store = fl_application_get_store (self->app);
  if (store != NULL)
    show_problem (self, fl_store_get_notice (store));

  update_defaults (self);
}

static void
fl_window_dispose (GObject *object)
{
  FlWindow *self = FL_WINDOW (object);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->app != NULL)
    g_signal_handlers_disconnect_by_data (self->app, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_WINDOW);

  g_clear_object (&self->journal);
  g_clear_object (&self->settings);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (fl_window_parent_class)->dispose (object);
}

static void
fl_window_class_init (FlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fl_window_dispose;

  window_class->close_request = fl_window_close_request;

  g_type_ensure (FL_TYPE_COOLDOWN_PAGE);
  g_type_ensure (FL_TYPE_HYDRATION_PAGE);
  g_type_ensure (FL_TYPE_IRON_PAGE);
  g_type_ensure (FL_TYPE_SLEEP_PAGE);
  g_type_ensure (FL_TYPE_TRAINING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlWindow, cooldown_page);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, defaults_label);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, defaults_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, hydration_page);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, iron_page);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, sleep_page);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, reminder_actions);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, reminder_body_label);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, reminder_revealer);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, reminder_title_label);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FlWindow, training_page);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_dismissed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

/* AdwViewStack measures every page, shown or not, so each page's text
 * would be laid out before the first frame and again at every resize. Only
 * the shown page's content is visible; the pages themselves stay visible,
 * so the switcher keeps them all. */
static void
on_visible_child_changed (FlWindow *self)
{
  GtkWidget *shown = adw_view_stack_get_visible_child (self->stack);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      GtkWidget *content = ADW_IS_BIN (page) ? adw_bin_get_child (ADW_BIN (page)) : NULL;

      if (content != NULL)
        gtk_widget_set_visible (content, page == shown);
    }
}

static void
fl_window_init (FlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GPX and TCX files dropped anywhere on the window are imported */
  fl_import_ui_add_drop_target (self);
  /* The switcher follows DESIGN.md's order (Cool-down before Hydration), but
   * the window opens on Hydration: app.start-cooldown brings up Cool-down */
  adw_view_stack_set_visible_child_name (self->stack, "hydration");
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (on_visible_child_changed), self);
  on_visible_child_changed (self);

  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

FlWindow *
fl_window_new (FlApplication *app)
{
  FlWindow *self;

  g_return_val_if_fail (FL_IS_APPLICATION (app), NULL);

  self = g_object_new (FL_TYPE_WINDOW, "application", app, NULL);
  bind_application (self, app);

  return self;
}

void
fl_window_show_page (FlWindow   *self,
                    const char *name)
{
  g_return_if_fail (FL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_debug ("No page named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
fl_window_get_page (FlWindow *self)
{
  g_return_val_if_fail (FL_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
fl_window_add_toast (FlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (FL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
