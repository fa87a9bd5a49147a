/* fl-sleep-page-log.c: the Sleep page's log: the form, the nights and naps
 * of the last 14 days, edit, remove and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the runner logs goes through fl_sleep_add(), which refuses
 * overlaps and impossible nights with a message shown under the form.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-sleep.h"
#include "fl-sleep-page-private.h"

static void on_edit_clicked   (FlSleepPage *self,
                               GtkButton   *button);
static void on_remove_clicked (FlSleepPage *self,
                               GtkButton   *button);

void
fl_sleep_page_update_date_button (FlSleepPage *self)
{
  g_autoptr(GDateTime) midnight = fl_date_to_local_midnight (&self->form_date);
  g_autofree char *label = NULL;
  GDate today;

  fl_clock_today (self->clock, &today);
  if (g_date_compare (&today, &self->form_date) == 0)
    label = g_strdup (_("Today"));
  else
    /* Translators: the date of the morning in the sleep form, see
     * g_date_time_format() */
    /* xgettext:no-c-format */
    label = g_date_time_format (midnight, C_("sleep form date", "%a %-d %b"));

  gtk_menu_button_set_label (self->date_button, label);
}

static GtkWidget *
row_button (FlSleepPage *self,
            const char  *icon,
            const char  *tooltip,
            const char  *accessible,
            const char  *id,
            GCallback    callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "fl-record-id", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);

  return button;
}

/* "7 h 30 min", "Friday 27 November, 23:10–06:40" */
static char *
describe_record (const FlSleep *sleep,
                 char         **out_when)
{
  g_autoptr(GDateTime) end = g_date_time_to_local (sleep->end);
  g_autofree char *from = fl_sleep_page_format_hm (sleep->parent.time);
  g_autofree char *to = fl_sleep_page_format_hm (sleep->end);
  /* Translators: the day of a night or nap in the sleep log, see
   * g_date_time_format() */
  /* xgettext:no-c-format */
  g_autofree char *date = g_date_time_format (end, C_("sleep log day", "%A %-d %B"));
  g_autofree char *length = fl_format_sleep_minutes ((int) (g_date_time_difference (sleep->end, sleep->parent.time)
                                                            / G_TIME_SPAN_MINUTE));

  if (sleep->nap)
    /* Translators: "Friday 27 November, nap 13:00–13:25" */
    *out_when = g_strdup_printf (_("%1$s, nap %2$s–%3$s"), date, from, to);
  else
    /* Translators: "Night to Friday 27 November, 23:10–06:40" */
    *out_when = g_strdup_printf (_("Night to %1$s, %2$s–%3$s"), date, from, to);

  return g_steal_pointer (&length);
}

static GtkWidget *
create_entry_row (FlSleepPage   *self,
                  const FlSleep *sleep)
{
  g_autofree char *when = NULL;
  g_autofree char *length = describe_record (sleep, &when);
  /* Translators: a button's name for screen readers: "Edit Night to Friday 27 November, 23:10–06:40" */
  g_autofree char *edit_label = g_strdup_printf (_("Edit %s"), when);
  /* Translators: a button's name for screen readers: "Remove Night to Friday 27 November, 23:10–06:40" */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), when);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), length);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, "document-edit-symbolic", _("Edit"), edit_label,
                                         sleep->parent.id, G_CALLBACK (on_edit_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, "user-trash-symbolic", _("Remove"), remove_label,
                                         sleep->parent.id, G_CALLBACK (on_remove_clicked)));

  return row;
}

/* The nights and naps of the 14 days, the latest first */
void
fl_sleep_page_update_entries (FlSleepPage *self,
                              const GDate *today)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) first_midnight = NULL;
  g_autoptr(GDateTime) to = NULL;
  GDate first = *today;
  GDate tomorrow = *today;
  GPtrArray *records;
  GtkListBoxRow *row;
  guint begin, end;

  g_date_subtract_days (&first, FL_SLEEP_HISTORY_NIGHTS - 1);
  g_date_add_days (&tomorrow, 1);
  first_midnight = fl_date_to_local_midnight (&first);
  from = g_date_time_add_days (first_midnight, -1);
  to = fl_date_to_local_midnight (&tomorrow);

  while ((row = gtk_list_box_get_row_at_index (self->entries_list, 0)) != NULL)
    gtk_list_box_remove (self->entries_list, GTK_WIDGET (row));

  records = fl_journal_get_records (self->journal, FL_RECORD_SLEEP);
  fl_journal_range (self->journal, FL_RECORD_SLEEP, from, to, &begin, &end);
  for (guint i = end; i > begin; i--)
    {
      FlSleep *sleep = g_ptr_array_index (records, i - 1);

      if (g_date_time_compare (sleep->end, first_midnight) < 0)
        continue;
      gtk_list_box_append (self->entries_list, create_entry_row (self, sleep));
    }
}

static void
set_form_error (FlSleepPage *self,
                const char  *message)
{
  gtk_label_set_label (self->form_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error_label), message != NULL);
}

static void
set_form_date (FlSleepPage *self,
               const GDate *date)
{
  g_autoptr(GDateTime) midnight = fl_date_to_local_midnight (date);

  self->form_date = *date;
  gtk_calendar_select_day (self->calendar, midnight);
  fl_sleep_page_update_date_button (self);
}

void
fl_sleep_page_reset_form (FlSleepPage *self)
{
  GDate today;

  g_clear_pointer (&self->editing_id, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->bed_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->wake_row), "");
  gtk_switch_set_active (self->nap_switch, FALSE);
  gtk_button_set_label (self->log_button, _("Log"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  set_form_error (self, NULL);

  fl_clock_today (self->clock, &today);
  set_form_date (self, &today);
}

void
fl_sleep_page_on_day_selected (FlSleepPage *self)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (self->calendar);
  GDate date;

  fl_date_from_date_time (selected, &date);
  if (g_date_valid (&self->form_date) && g_date_compare (&date, &self->form_date) == 0)
    return;

  self->form_date = date;
  fl_sleep_page_update_date_button (self);
  gtk_menu_button_popdown (self->date_button);
}

void
fl_sleep_page_on_log_clicked (FlSleepPage *self)
{
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *length = NULL;
  gboolean nap = gtk_switch_get_active (self->nap_switch);
  gboolean editing = self->editing_id != NULL;
  int bed_min, wake_min;

  if (self->journal == NULL)
    return;

  if (!fl_sleep_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->bed_row)), &bed_min))
    {
      set_form_error (self, nap ? _("Give the time the nap started as HH:MM, e.g. 13:10.")
                                : _("Give the bed time as HH:MM, e.g. 23:10."));
      gtk_widget_grab_focus (GTK_WIDGET (self->bed_row));
      return;
    }
  if (!fl_sleep_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->wake_row)), &wake_min))
    {
      set_form_error (self, _("Give the wake time as HH:MM, e.g. 06:40."));
      gtk_widget_grab_focus (GTK_WIDGET (self->wake_row));
      return;
    }

  record = fl_sleep_record_new (&self->form_date, bed_min, wake_min, nap, &error);
  if (record == NULL)
    {
      set_form_error (self, error->message);
      return;
    }

  now = fl_clock_now (self->clock);
  if (g_date_time_compare (FL_SLEEP (record)->end, now) > 0)
    {
      set_form_error (self, _("That wake time is still to come; log the night once you are up, or pick its morning’s date."));
      return;
    }

  /* An edit keeps the record's id: the journal replaces it */
  if (editing)
    {
      g_free (record->id);
      record->id = g_strdup (self->editing_id);
    }

  if (!fl_record_validate (record, &error) || !fl_sleep_add (self->journal, record, &error))
    {
      set_form_error (self, error->message);
      return;
    }

  length = fl_format_sleep_minutes ((int) (g_date_time_difference (FL_SLEEP (record)->end, record->time)
                                           / G_TIME_SPAN_MINUTE));
  fl_sleep_page_reset_form (self);
  if (editing)
    /* Translators: a toast: "Saved 7 h 30 min" */
    fl_sleep_page_add_toast (self, adw_toast_new_format (_("Saved %s"), length));
  else if (nap)
    /* Translators: a toast: "Logged a nap of 25 min" */
    fl_sleep_page_add_toast (self, adw_toast_new_format (_("Logged a nap of %s"), length));
  else
    /* Translators: a toast: "Logged a night of 7 h 30 min" */
    fl_sleep_page_add_toast (self, adw_toast_new_format (_("Logged a night of %s"), length));
}

void
fl_sleep_page_on_cancel_clicked (FlSleepPage *self)
{
  fl_sleep_page_reset_form (self);
}

void
fl_sleep_page_on_form_changed (FlSleepPage *self)
{
  /* The message was about what was typed before */
  if (gtk_widget_get_visible (GTK_WIDGET (self->form_error_label)))
    set_form_error (self, NULL);
}

static void
on_edit_clicked (FlSleepPage *self,
                 GtkButton   *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "fl-record-id");
  FlRecord *record;
  g_autofree char *bed = NULL;
  g_autofree char *wake = NULL;
  GDate date;

  if (self->journal == NULL || id == NULL)
    return;

  record = fl_journal_lookup (self->journal, FL_RECORD_SLEEP, id);
  if (record == NULL)
    return;

  bed = fl_sleep_page_format_hm (record->time);
  wake = fl_sleep_page_format_hm (FL_SLEEP (record)->end);
  fl_date_from_date_time (FL_SLEEP (record)->end, &date);

  g_free (self->editing_id);
  self->editing_id = g_strdup (id);
  gtk_editable_set_text (GTK_EDITABLE (self->bed_row), bed);
  gtk_editable_set_text (GTK_EDITABLE (self->wake_row), wake);
  gtk_switch_set_active (self->nap_switch, FL_SLEEP (record)->nap);
  set_form_date (self, &date);
  gtk_button_set_label (self->log_button, _("Save"));
  gtk_widget_set_visible (self->cancel_button, TRUE);
  set_form_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->bed_row));
}

static void
on_undo_clicked (FlSleepPage *self,
                 AdwToast    *toast)
{
  FlRecord *record = g_object_get_data (G_OBJECT (toast), "fl-record");
  g_autoptr(FlRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL || self->journal == NULL)
    return;

  /* Something logged since may overlap it: then say so */
  copy = fl_record_copy (record);
  if (!fl_sleep_add (self->journal, copy, &error))
    fl_sleep_page_add_toast (self, adw_toast_new (error->message));
}

static void
on_remove_clicked (FlSleepPage *self,
                   GtkButton   *button)
{
  /* A copy: the journal's "changed" rebuilds the list, button included */
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "fl-record-id"));
  g_autoptr(FlRecord) removed = NULL;
  g_autofree char *when = NULL;
  g_autofree char *length = NULL;
  AdwToast *toast;

  if (self->journal == NULL || id == NULL)
    return;

  removed = fl_journal_remove (self->journal, FL_RECORD_SLEEP, id);
  if (removed == NULL)
    return;

  if (g_strcmp0 (self->editing_id, id) == 0)
    fl_sleep_page_reset_form (self);

  length = describe_record (FL_SLEEP (removed), &when);
  /* Translators: a toast after a night or nap was removed: "Removed Night to Friday 27 November, 23:10–06:40" */
  toast = adw_toast_new_format (_("Removed %s"), when);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "fl-record",
                          fl_record_copy (removed), (GDestroyNotify) fl_record_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  fl_sleep_page_add_toast (self, toast);
}
