/* fl-sleep-page.c: last night against the need, the debt, tonight's bedtime,
 * the nap window, 14 nights, and the sleep log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows what FlSleep computes and never computes a figure itself:
 * it asks the model for the day and formats it. The log (form, list, edit,
 * remove, undo) is in fl-sleep-page-log.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-bar-chart.h"
#include "fl-day-watch.h"
#include "fl-progress-ring.h"
#include "fl-sleep-page-private.h"
#include "fl-sleep-page.h"
#include "fl-sleep.h"

G_DEFINE_FINAL_TYPE (FlSleepPage, fl_sleep_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Once a toast is dismissed (its time is up, or a click), it is not ours to
 * dismiss again */
static void
on_toast_dismissed (FlSleepPage *self,
                    AdwToast    *toast)
{
  if (self->toast != toast)
    return;

  g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
}

void
fl_sleep_page_add_toast (FlSleepPage *self,
                         AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  /* A newer toast replaces ours at once: libadwaita 1.2 cannot bring back
   * a toast that a high-priority one pushed aside */
  if (self->toast != NULL)
    {
      AdwToast *shown = self->toast;

      g_object_remove_weak_pointer (G_OBJECT (shown), (gpointer *) &self->toast);
      self->toast = NULL;
      adw_toast_dismiss (shown);
    }
  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

char *
fl_sleep_page_format_hm (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%H:%M");
}

static char *
format_minutes_for_chart (double   value,
                          gpointer user_data)
{
  return fl_format_sleep_minutes ((int) value);
}

static void
load_options (FlSleepPage    *self,
              FlSleepOptions *options)
{
  fl_sleep_options_load (options, self->settings);
}

static void
update_last_night (FlSleepPage      *self,
                   const FlSleepDay *day)
{
  const FlSleepNight *last = &day->nights[FL_SLEEP_HISTORY_NIGHTS - 1];
  g_autofree char *need = fl_format_sleep_minutes (last->need_min);
  /* Translators: under the hours slept in the ring: "of 8 h" */
  g_autofree char *of_need = g_strdup_printf (_("of %s"), need);
  g_autofree char *line = NULL;

  fl_progress_ring_set_maximum (self->ring, last->need_min);
  fl_progress_ring_set_secondary_text (self->ring, of_need);

  if (last->slept_min < 0)
    {
      fl_progress_ring_set_value (self->ring, 0);
      /* Translators: in the ring when last night is not logged */
      fl_progress_ring_set_text (self->ring, C_("sleep", "Not logged"));
      /* Translators: %s is the need, "8 h" */
      line = g_strdup_printf (_("Last night is not logged yet. Your need is %s."), need);
    }
  else
    {
      g_autofree char *slept = fl_format_sleep_minutes (last->slept_min);

      fl_progress_ring_set_value (self->ring, last->slept_min);
      fl_progress_ring_set_text (self->ring, slept);

      if (last->slept_min < last->need_min)
        {
          g_autofree char *short_by = fl_format_sleep_minutes (last->need_min - last->slept_min);

          /* Translators: "Last night: 6 h 10 min against a need of 8 h, 1 h 50 min short." */
          line = g_strdup_printf (_("Last night: %1$s against a need of %2$s, %3$s short."),
                                  slept, need, short_by);
        }
      else
        {
          /* Translators: "Last night: 8 h 20 min against a need of 8 h." */
          line = g_strdup_printf (_("Last night: %1$s against a need of %2$s."), slept, need);
        }
    }

  gtk_label_set_label (self->last_night_label, line);
}

static void
update_rows (FlSleepPage          *self,
             const FlSleepDay     *day,
             const FlSleepOptions *options)
{
  g_autofree char *bedtime = fl_sleep_page_format_hm (day->bedtime);
  g_autofree char *wind_down = fl_sleep_page_format_hm (day->wind_down);
  g_autofree char *need = fl_format_sleep_minutes (day->tonight.need_min);
  g_autofree char *wake = g_strdup_printf ("%02d:%02d", options->wake_time_min / 60, options->wake_time_min % 60);
  g_autofree char *bedtime_subtitle = NULL;
  g_autofree char *debt = fl_format_sleep_minutes (day->debt_min);
  g_autofree char *debt_subtitle = NULL;

  gtk_label_set_label (self->bedtime_label, bedtime);
  /* Translators: "8 h of sleep before you get up at 07:00, and 15 minutes to fall asleep; wind down from 22:15" */
  bedtime_subtitle = g_strdup_printf (_("%1$s of sleep before you get up at %2$s, and 15 minutes to fall asleep; "
                                        "wind down from %3$s"),
                                      need, wake, wind_down);
  adw_action_row_set_subtitle (self->bedtime_row, bedtime_subtitle);

  gtk_label_set_label (self->debt_label, debt);
  if (day->debt_nights_logged == 0)
    debt_subtitle = g_strdup (_("No night of the last 7 is logged"));
  else
    debt_subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: under the sleep debt */
                                                  "Over the %d night logged of the last 7; nights not logged are left out",
                                                  "Over the %d nights logged of the last 7; nights not logged are left out",
                                                  (gulong) day->debt_nights_logged),
                                     day->debt_nights_logged);
  adw_action_row_set_subtitle (self->debt_row, debt_subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->nap_row), day->nap_from != NULL);
  if (day->nap_from != NULL)
    {
      g_autofree char *from = fl_sleep_page_format_hm (day->nap_from);
      g_autofree char *to = fl_sleep_page_format_hm (day->nap_to);
      /* Translators: a time range, "13:00–13:30" */
      g_autofree char *range = g_strdup_printf (_("%1$s–%2$s"), from, to);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                /* Translators: under the nap window */
                                                                "After a short night: %d minute, no longer, and at least an hour before a run (Lastella 2021)",
                                                                "After a short night: %d minutes, no longer, and at least an hour before a run (Lastella 2021)",
                                                                (gulong) day->nap_min),
                                                   day->nap_min);

      gtk_label_set_label (self->nap_label, range);
      adw_action_row_set_subtitle (self->nap_row, subtitle);
    }
}

static void
update_chart (FlSleepPage      *self,
              const FlSleepDay *day)
{
  double values[FL_SLEEP_HISTORY_NIGHTS];
  double targets[FL_SLEEP_HISTORY_NIGHTS];
  char *labels[FL_SLEEP_HISTORY_NIGHTS + 1] = { NULL, };
  char *long_labels[FL_SLEEP_HISTORY_NIGHTS + 1] = { NULL, };

  for (guint i = 0; i < FL_SLEEP_HISTORY_NIGHTS; i++)
    {
      const FlSleepNight *night = &day->nights[i];
      g_autoptr(GDateTime) midnight = fl_date_to_local_midnight (&night->date);
      g_autofree char *name = NULL;

      values[i] = MAX (0, night->slept_min);
      targets[i] = night->need_min;

      /* Translators: the day of the month under a bar of the chart, see
       * g_date_time_format(); keep it short */
      /* xgettext:no-c-format */
      labels[i] = g_date_time_format (midnight, C_("chart label", "%-d"));
      /* Translators: the morning a night ended, in the chart's tooltip and
       * for screen readers, see g_date_time_format() */
      /* xgettext:no-c-format */
      name = g_date_time_format (midnight, C_("sleep chart night", "the night to %A %-d %B"));
      if (night->slept_min < 0)
        /* Translators: %s is "the night to Friday 27 November" */
        long_labels[i] = g_strdup_printf (_("%s (not logged)"), name);
      else
        long_labels[i] = g_steal_pointer (&name);
    }

  fl_bar_chart_set_data (self->chart, FL_SLEEP_HISTORY_NIGHTS, values, targets,
                         (const char * const *) labels);
  fl_bar_chart_set_long_labels (self->chart, (const char * const *) long_labels);

  for (guint i = 0; i < FL_SLEEP_HISTORY_NIGHTS; i++)
    {
      g_free (labels[i]);
      g_free (long_labels[i]);
    }
}

static void
update_tips (FlSleepPage      *self,
             const FlSleepDay *day)
{
  g_auto(GStrv) tips = fl_sleep_day_tips (day);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tips_box))) != NULL)
    gtk_box_remove (self->tips_box, child);

  for (guint i = 0; tips[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (tips[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (self->tips_box, label);
    }
}

static void
refresh (FlSleepPage *self)
{
  FlSleepOptions options;
  FlSleepDay day;
  GDate today;
  gboolean writable;

  if (self->journal == NULL)
    return;

  fl_clock_today (self->clock, &today);
  load_options (self, &options);
  fl_sleep_day_init (&day, self->journal, &today, &options);

  update_last_night (self, &day);
  update_rows (self, &day, &options);
  update_chart (self, &day);
  update_tips (self, &day);
  fl_sleep_day_clear (&day);

  fl_sleep_page_update_entries (self, &today);
  fl_sleep_page_update_date_button (self);

  /* A journal opened read-only takes nothing; the window says why */
  writable = !fl_journal_get_read_only (self->journal);
  gtk_widget_set_sensitive (self->form_group, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entries_list), writable);
}

static void
on_journal_changed (FlSleepPage *self)
{
  refresh (self);
}

static void
on_settings_changed (FlSleepPage *self,
                     const char  *key)
{
  if (g_strcmp0 (key, "wake-time") == 0 || g_strcmp0 (key, "sleep-baseline") == 0)
    refresh (self);
}

static void
on_day_changed (FlSleepPage *self)
{
  refresh (self);
}

static void
disconnect_model (FlSleepPage *self)
{
  g_clear_object (&self->day_watch);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_object (&self->journal);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->app);
}

static void
fl_sleep_page_dispose (GObject *object)
{
  FlSleepPage *self = FL_SLEEP_PAGE (object);

  disconnect_model (self);
  g_clear_pointer (&self->editing_id, g_free);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_SLEEP_PAGE);

  G_OBJECT_CLASS (fl_sleep_page_parent_class)->dispose (object);
}

static void
fl_sleep_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FlSleepPage *self = FL_SLEEP_PAGE (object);

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
fl_sleep_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FlSleepPage *self = FL_SLEEP_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      fl_sleep_page_set_application (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_sleep_page_class_init (FlSleepPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_sleep_page_dispose;
  object_class->get_property = fl_sleep_page_get_property;
  object_class->set_property = fl_sleep_page_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         FL_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FL_TYPE_BAR_CHART);
  g_type_ensure (FL_TYPE_PROGRESS_RING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-sleep-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, bed_row);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, bedtime_label);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, bedtime_row);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, chart);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, debt_label);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, debt_row);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, entries_list);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, last_night_label);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, nap_label);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, nap_row);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, nap_switch);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, ring);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, tips_box);
  gtk_widget_class_bind_template_child (widget_class, FlSleepPage, wake_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_cancel_clicked", G_CALLBACK (fl_sleep_page_on_cancel_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_day_selected", G_CALLBACK (fl_sleep_page_on_day_selected));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_form_changed", G_CALLBACK (fl_sleep_page_on_form_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_log_clicked", G_CALLBACK (fl_sleep_page_on_log_clicked));
}

static void
fl_sleep_page_init (FlSleepPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No nights or naps logged in the last 14 days"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->entries_list, placeholder);

  fl_bar_chart_set_format_func (self->chart, format_minutes_for_chart, NULL, NULL);
}

GtkWidget *
fl_sleep_page_new (FlApplication *app)
{
  return g_object_new (FL_TYPE_SLEEP_PAGE, "application", app, NULL);
}

FlApplication *
fl_sleep_page_get_application (FlSleepPage *self)
{
  g_return_val_if_fail (FL_IS_SLEEP_PAGE (self), NULL);

  return self->app;
}

void
fl_sleep_page_set_application (FlSleepPage   *self,
                               FlApplication *app)
{
  g_return_if_fail (FL_IS_SLEEP_PAGE (self));
  g_return_if_fail (app == NULL || FL_IS_APPLICATION (app));

  if (self->app == app)
    return;

  disconnect_model (self);

  if (app != NULL)
    {
      self->app = g_object_ref (app);
      self->journal = g_object_ref (fl_application_get_journal (app));
      self->clock = g_object_ref (fl_application_get_clock (app));
      self->settings = g_object_ref (fl_application_get_settings (app));

      g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);
      self->day_watch = fl_day_watch_new (self->clock);
      g_signal_connect_swapped (self->day_watch, "day-changed", G_CALLBACK (on_day_changed), self);
      g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (on_settings_changed), self);

      fl_sleep_page_reset_form (self);
      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}
