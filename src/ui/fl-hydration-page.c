/* fl-hydration-page.c: today's drinking goal, logging, history, sweat rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows what FlHydration computes and never computes a figure
 * itself: it asks the model for the day, formats it and sends what the
 * runner does back through actions and the journal.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-bar-chart.h"
#include "fl-cli.h"
#include "fl-day-watch.h"
#include "fl-hydration-page.h"
#include "fl-hydration.h"
#include "fl-progress-ring.h"

#define HISTORY_DAYS 14

struct _FlHydrationPage
{
  AdwBin             parent_instance;

  FlApplication     *app;
  FlJournal         *journal;
  FlClock           *clock;
  FlDayWatch        *day_watch;
  double             measured_rate;     /* from the last Calculate, L/h */

  GtkSpinButton     *after_spin;
  GtkLabel          *amount_error_label;
  AdwEntryRow       *amount_row;
  GtkSpinButton     *before_spin;
  FlBarChart        *chart;
  GtkLabel          *describe_label;
  GtkSpinButton     *drunk_spin;
  GtkListBox        *entries_list;
  GtkWidget         *forget_button;
  GtkWidget         *log_group;
  GtkSpinButton     *minutes_spin;
  AdwActionRow      *rate_row;
  AdwActionRow      *result_row;
  FlProgressRing    *ring;
  GtkLabel          *sweat_error_label;
};

G_DEFINE_FINAL_TYPE (FlHydrationPage, fl_hydration_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (FlHydrationPage *self,
           AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static char *
format_rate (double l_h)
{
  /* Translators: a sweat rate in litres per hour */
  return g_strdup_printf (_("%.2f L/h"), l_h);
}

static char *
format_volume_for_chart (double   value,
                         gpointer user_data)
{
  return fl_format_volume ((int) value);
}

static void
update_ring (FlHydrationPage      *self,
             const FlHydrationDay *day)
{
  g_autofree char *drunk = fl_format_volume (day->drunk_ml);
  g_autofree char *goal = fl_format_volume (day->goal_ml);
  /* Translators: under the amount drunk in the ring: "of 3.55 L" */
  g_autofree char *of_goal = g_strdup_printf (_("of %s"), goal);
  g_autofree char *describe = fl_hydration_day_describe (day);

  fl_progress_ring_set_maximum (self->ring, day->goal_ml);
  fl_progress_ring_set_value (self->ring, day->drunk_ml);
  fl_progress_ring_set_text (self->ring, drunk);
  fl_progress_ring_set_secondary_text (self->ring, of_goal);

  gtk_label_set_label (self->describe_label, describe);
}

static void
on_remove_clicked (FlHydrationPage *self,
                   GtkButton       *button);

static GtkWidget *
create_entry_row (FlHydrationPage *self,
                  const FlRecord  *record)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (record->time);
  g_autofree char *volume = fl_format_volume (FL_DRINK (record)->ml);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  /* Translators: a button's name for screen readers: "Remove 250 ml from 14:05" */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s from %s"), volume, time);
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), volume);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), time);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "fl-record-id", g_strdup (record->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_entries (FlHydrationPage *self,
                const GDate     *today)
{
  g_autoptr(GDateTime) from = fl_date_to_local_midnight (today);
  g_autoptr(GDateTime) to = NULL;
  GDate tomorrow = *today;
  GPtrArray *drinks;
  GtkListBoxRow *row;
  guint begin, end;

  g_date_add_days (&tomorrow, 1);
  to = fl_date_to_local_midnight (&tomorrow);

  while ((row = gtk_list_box_get_row_at_index (self->entries_list, 0)) != NULL)
    gtk_list_box_remove (self->entries_list, GTK_WIDGET (row));

  drinks = fl_journal_get_records (self->journal, FL_RECORD_DRINK);
  fl_journal_range (self->journal, FL_RECORD_DRINK, from, to, &begin, &end);

  /* The latest first: it is the one most likely to be a mistake */
  for (guint i = end; i > begin; i--)
    gtk_list_box_append (self->entries_list,
                         create_entry_row (self, g_ptr_array_index (drinks, i - 1)));
}

static void
update_chart (FlHydrationPage *self,
              const GDate     *today)
{
  double values[HISTORY_DAYS];
  double targets[HISTORY_DAYS];
  char *labels[HISTORY_DAYS + 1] = { NULL, };
  char *long_labels[HISTORY_DAYS + 1] = { NULL, };

  for (guint i = 0; i < HISTORY_DAYS; i++)
    {
      FlHydrationDay day;
      GDate date = *today;
      g_autoptr(GDateTime) midnight = NULL;

      g_date_subtract_days (&date, HISTORY_DAYS - 1 - i);
      midnight = fl_date_to_local_midnight (&date);

      fl_hydration_day_init (&day, self->journal, &date);
      values[i] = day.drunk_ml;
      targets[i] = day.goal_ml;
      fl_hydration_day_clear (&day);

      /* Translators: the day of the month under a bar of the chart, see
       * g_date_time_format(); keep it short */
      /* xgettext:no-c-format */
      labels[i] = g_date_time_format (midnight, C_("chart label", "%-d"));
      /* Translators: a day in the chart's tooltip and for screen readers,
       * see g_date_time_format() */
      /* xgettext:no-c-format */
      long_labels[i] = g_date_time_format (midnight, C_("chart day", "%A %-d %B"));
    }

  fl_bar_chart_set_data (self->chart, HISTORY_DAYS, values, targets,
                         (const char * const *) labels);
  fl_bar_chart_set_long_labels (self->chart, (const char * const *) long_labels);

  for (guint i = 0; i < HISTORY_DAYS; i++)
    {
      g_free (labels[i]);
      g_free (long_labels[i]);
    }
}

static void
update_rate (FlHydrationPage *self)
{
  const FlProfile *profile = fl_journal_get_profile (self->journal);

  if (profile->sweat_rate_l_h > 0)
    {
      g_autofree char *rate = format_rate (profile->sweat_rate_l_h);
      /* Translators: %s is a sweat rate, "1.20 L/h" */
      g_autofree char *subtitle = g_strdup_printf (_("%s, measured by you"), rate);

      adw_action_row_set_subtitle (self->rate_row, subtitle);
      gtk_widget_set_visible (self->forget_button, TRUE);
    }
  else
    {
      adw_action_row_set_subtitle (self->rate_row,
                                   _("Not measured: a typical rate is used, higher on hot days"));
      gtk_widget_set_visible (self->forget_button, FALSE);
    }
}

static void
refresh (FlHydrationPage *self)
{
  FlHydrationDay day;
  GDate today;
  gboolean writable;

  if (self->journal == NULL)
    return;

  fl_clock_today (self->clock, &today);

  fl_hydration_day_init (&day, self->journal, &today);
  update_ring (self, &day);
  fl_hydration_day_clear (&day);

  update_entries (self, &today);
  update_chart (self, &today);
  update_rate (self);

  /* A journal opened read-only (a newer version wrote it) takes nothing; the
   * window says why. */
  writable = !fl_journal_get_read_only (self->journal);
  gtk_widget_set_sensitive (self->log_group, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entries_list), writable);
}

static void
on_journal_changed (FlHydrationPage *self)
{
  refresh (self);
}

static void
on_day_changed (FlHydrationPage *self)
{
  refresh (self);
}

static void
on_undo_clicked (FlHydrationPage *self,
                 AdwToast        *toast)
{
  FlRecord *record = g_object_get_data (G_OBJECT (toast), "fl-record");
  g_autoptr(GError) error = NULL;

  if (record == NULL || self->journal == NULL)
    return;

  if (!fl_journal_add (self->journal, fl_record_copy (record), &error))
    add_toast (self, adw_toast_new (error->message));
}

static void
on_remove_clicked (FlHydrationPage *self,
                   GtkButton       *button)
{
  /* A copy: the journal's "changed" rebuilds the list, button included */
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "fl-record-id"));
  g_autoptr(FlRecord) removed = NULL;
  g_autofree char *volume = NULL;
  AdwToast *toast;

  if (self->journal == NULL || id == NULL)
    return;

  removed = fl_journal_remove (self->journal, FL_RECORD_DRINK, id);
  if (removed == NULL)
    return;

  volume = fl_format_volume (FL_DRINK (removed)->ml);
  /* Translators: a toast after a drink was removed: "Removed 250 ml" */
  toast = adw_toast_new_format (_("Removed %s"), volume);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "fl-record",
                          fl_record_copy (removed), (GDestroyNotify) fl_record_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

static void
set_amount_error (FlHydrationPage *self,
                  const char      *message)
{
  gtk_label_set_label (self->amount_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_error_label), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->amount_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
on_amount_activated (FlHydrationPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  g_autoptr(GError) error = NULL;
  int ml;

  if (!fl_parse_volume_ml (text, &ml, &error))
    {
      set_amount_error (self, error->message);
      return;
    }

  set_amount_error (self, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.log-drink", "i", ml);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
}

static void
on_amount_changed (FlHydrationPage *self)
{
  /* The message was about what was typed before */
  if (gtk_widget_get_visible (GTK_WIDGET (self->amount_error_label)))
    set_amount_error (self, NULL);
}

static void
set_sweat_error (FlHydrationPage *self,
                 const char      *message)
{
  gtk_label_set_label (self->sweat_error_label, message != NULL ? message : "");
}

static gboolean
save_sweat_rate (FlHydrationPage *self,
                 double           l_h)
{
  g_autoptr(GError) error = NULL;
  FlProfile profile = *fl_journal_get_profile (self->journal);

  profile.sweat_rate_l_h = l_h;
  /* Storing the rate stores the profile: without the assumed birth year */
  if (!profile.is_set)
    profile.birth_year = 0;
  if (!fl_journal_set_profile (self->journal, &profile, &error))
    {
      set_sweat_error (self, error->message);
      return FALSE;
    }

  set_sweat_error (self, NULL);
  return TRUE;
}

static void
on_calculate_clicked (FlHydrationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rate = NULL;

  if (!fl_hydration_sweat_rate_from_weigh_in (gtk_spin_button_get_value (self->before_spin),
                                              gtk_spin_button_get_value (self->after_spin),
                                              gtk_spin_button_get_value_as_int (self->drunk_spin),
                                              gtk_spin_button_get_value_as_int (self->minutes_spin),
                                              &self->measured_rate,
                                              &error))
    {
      self->measured_rate = 0;
      gtk_widget_set_visible (GTK_WIDGET (self->result_row), FALSE);
      set_sweat_error (self, error->message);
      return;
    }

  set_sweat_error (self, NULL);
  rate = format_rate (self->measured_rate);
  adw_action_row_set_subtitle (self->result_row, rate);
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), TRUE);
}

static void
on_use_clicked (FlHydrationPage *self)
{
  g_autofree char *rate = NULL;

  if (self->measured_rate <= 0)
    return;

  if (!save_sweat_rate (self, self->measured_rate))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->result_row), FALSE);
  rate = format_rate (self->measured_rate);
  /* Translators: a toast; %s is a sweat rate, "1.20 L/h" */
  add_toast (self, adw_toast_new_format (_("Your sweat rate is now %s"), rate));
}

static void
on_forget_clicked (FlHydrationPage *self)
{
  save_sweat_rate (self, 0);
}

static gboolean
on_log_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  /* Only while the page is shown: other pages may use the same keys */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, "app.log-drink", args);
}

static void
add_log_shortcut (GtkShortcutController *controller,
                  guint                  key,
                  int                    ml)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_CONTROL_MASK),
                               gtk_callback_action_new (on_log_shortcut, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (ml));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
disconnect_model (FlHydrationPage *self)
{
  g_clear_object (&self->day_watch);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);

  g_clear_object (&self->journal);
  g_clear_object (&self->clock);
  g_clear_object (&self->app);
}

static void
fl_hydration_page_dispose (GObject *object)
{
  FlHydrationPage *self = FL_HYDRATION_PAGE (object);

  disconnect_model (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_HYDRATION_PAGE);

  G_OBJECT_CLASS (fl_hydration_page_parent_class)->dispose (object);
}

static void
fl_hydration_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FlHydrationPage *self = FL_HYDRATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_hydration_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FlHydrationPage *self = FL_HYDRATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      fl_hydration_page_set_application (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_hydration_page_class_init (FlHydrationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_hydration_page_dispose;
  object_class->get_property = fl_hydration_page_get_property;
  object_class->set_property = fl_hydration_page_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         FL_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FL_TYPE_BAR_CHART);
  g_type_ensure (FL_TYPE_PROGRESS_RING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-hydration-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, after_spin);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, amount_row);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, before_spin);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, chart);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, describe_label);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, drunk_spin);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, entries_list);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, forget_button);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, log_group);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, rate_row);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, result_row);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, ring);
  gtk_widget_class_bind_template_child (widget_class, FlHydrationPage, sweat_error_label);
  /* Not kept in the struct, but reachable by tests */
  gtk_widget_class_bind_template_child_full (widget_class, "add_150_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "add_250_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "add_500_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "amount_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "calculate_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "use_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calculate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_use_clicked);
}

static void
fl_hydration_page_init (FlHydrationPage *self)
{
  GtkEventController *controller;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("Nothing logged yet today"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->entries_list, placeholder);

  fl_bar_chart_set_format_func (self->chart, format_volume_for_chart, NULL, NULL);

  /* Handled by the window wherever the focus is, while the page is shown */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_log_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_1, 150);
  add_log_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_2, 250);
  add_log_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_3, 500);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
fl_hydration_page_new (FlApplication *app)
{
  return g_object_new (FL_TYPE_HYDRATION_PAGE, "application", app, NULL);
}

FlApplication *
fl_hydration_page_get_application (FlHydrationPage *self)
{
  g_return_val_if_fail (FL_IS_HYDRATION_PAGE (self), NULL);

  return self->app;
}

void
fl_hydration_page_set_application (FlHydrationPage *self,
                                   FlApplication   *app)
{
  const FlProfile *profile;

  g_return_if_fail (FL_IS_HYDRATION_PAGE (self));
  g_return_if_fail (app == NULL || FL_IS_APPLICATION (app));

  if (self->app == app)
    return;

  disconnect_model (self);

  if (app != NULL)
    {
      self->app = g_object_ref (app);
      self->journal = g_object_ref (fl_application_get_journal (app));
      self->clock = g_object_ref (fl_application_get_clock (app));

      g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);
      self->day_watch = fl_day_watch_new (self->clock);
      g_signal_connect_swapped (self->day_watch, "day-changed", G_CALLBACK (on_day_changed), self);

      /* The weigh-in starts from the runner's weight, if known */
      profile = fl_journal_get_profile (self->journal);
      if (profile->weight_kg > 0)
        {
          gtk_spin_button_set_value (self->before_spin, profile->weight_kg);
          gtk_spin_button_set_value (self->after_spin, profile->weight_kg);
        }

      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}
