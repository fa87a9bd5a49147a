/* fl-run-dialog.c: the form to add or edit a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form parses what was typed with the command line's parsers and
 * leaves the range checks to the journal (fl_record_validate()), so the
 * window and `fresh-legs log run` accept and refuse the same things.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "fl-cli.h"
#include "fl-run-dialog.h"
#include "fl-training.h"

struct _FlRunDialog
{
  AdwWindow       parent_instance;

  FlJournal      *journal;
  FlRecord       *run;          /* a copy of the run being edited, or NULL */

  AdwEntryRow    *cadence_row;
  AdwEntryRow    *distance_row;
  AdwEntryRow    *duration_row;
  AdwComboRow    *effort_row;
  GtkLabel       *error_label;
  AdwEntryRow    *hr_row;
  AdwEntryRow    *note_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *temperature_row;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (FlRunDialog, fl_run_dialog, ADW_TYPE_WINDOW)

/* The effort list: "Not given", then 0..10 */
#define EFFORT_NOT_GIVEN 0

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_error (FlRunDialog *self,
           AdwEntryRow *row,
           const char  *message)
{
  AdwEntryRow *rows[] = {
    self->start_row, self->distance_row, self->duration_row, self->hr_row,
    self->cadence_row, self->temperature_row, self->note_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gboolean bad = rows[i] == row;

      if (bad)
        gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (rows[i]),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   bad ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* "2026-11-27 07:30" (or with a T) in local time */
static GDateTime *
parse_start (const char *text)
{
  int year, month, day, hour, minute, consumed = 0;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (sscanf (stripped, "%4d-%2d-%2d%*[ T]%2d:%2d%n", &year, &month, &day, &hour, &minute, &consumed) != 5 ||
      stripped[consumed] != '\0')
    return NULL;
  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || hour < 0 || minute < 0)
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

/* An optional whole number: "" is @unset */
static gboolean
parse_optional_int (const char *text,
                    int         unset,
                    int        *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;
  long value;

  if (*stripped == '\0')
    {
      *out = unset;
      return TRUE;
    }

  value = strtol (stripped, &end, 10);
  if (end == stripped || *end != '\0' || value < G_MININT || value > G_MAXINT)
    return FALSE;

  *out = (int) value;
  return TRUE;
}

static gboolean
parse_optional_double (const char *text,
                       double     *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (*stripped == '\0')
    {
      *out = NAN;
      return TRUE;
    }

  /* A decimal comma is a decimal point */
  g_strdelimit (stripped, ",", '.');
  value = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (value))
    return FALSE;

  *out = value;
  return TRUE;
}

gboolean
fl_run_dialog_save (FlRunDialog *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *note;
  double distance_m = 0, temperature;
  int duration_s, hr, cadence;
  guint effort;
  FlRun *run;

  g_return_val_if_fail (FL_IS_RUN_DIALOG (self), FALSE);

  start = parse_start (row_text (self->start_row));
  if (start == NULL)
    {
      set_error (self, self->start_row,
                 _("The start is a date and a time, e.g. 2026-11-27 07:30."));
      return FALSE;
    }

  if (*row_text (self->distance_row) != '\0' &&
      !fl_parse_distance_m (row_text (self->distance_row), &distance_m, &error))
    {
      set_error (self, self->distance_row, error->message);
      return FALSE;
    }

  if (!fl_parse_duration_s (row_text (self->duration_row), &duration_s, &error))
    {
      set_error (self, self->duration_row, error->message);
      return FALSE;
    }

  if (!parse_optional_int (row_text (self->hr_row), 0, &hr))
    {
      set_error (self, self->hr_row, _("The heart rate is a whole number of beats per minute, e.g. 150."));
      return FALSE;
    }

  if (!parse_optional_int (row_text (self->cadence_row), 0, &cadence))
    {
      set_error (self, self->cadence_row, _("The cadence is a whole number of steps per minute, e.g. 168."));
      return FALSE;
    }

  if (!parse_optional_double (row_text (self->temperature_row), &temperature))
    {
      set_error (self, self->temperature_row, _("The temperature is a number of degrees Celsius, e.g. 18."));
      return FALSE;
    }

  /* An edit keeps the run's id, source and whatever else it was read with */
  if (self->run != NULL)
    {
      record = fl_record_copy (self->run);
      g_clear_pointer (&record->time, g_date_time_unref);
      record->time = g_date_time_ref (start);
    }
  else
    {
      record = fl_record_new (FL_RECORD_RUN, start);
    }

  run = FL_RUN (record);
  run->duration_s = duration_s;
  run->distance_m = distance_m;
  effort = adw_combo_row_get_selected (self->effort_row);
  run->rpe = effort == EFFORT_NOT_GIVEN || effort == GTK_INVALID_LIST_POSITION ? -1 : (int) effort - 1;
  run->avg_hr = hr;
  run->cadence_spm = cadence;
  run->temperature_c = temperature;
  note = row_text (self->note_row);
  g_clear_pointer (&run->note, g_free);
  run->note = *note != '\0' ? g_strdup (note) : NULL;

  if (!fl_journal_add (self->journal, record, &error))
    {
      set_error (self, NULL, error->message);
      return FALSE;
    }

  set_error (self, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
on_save_clicked (FlRunDialog *self)
{
  fl_run_dialog_save (self);
}

static void
fill (FlRunDialog *self,
      GDateTime   *start)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (start);
  g_autofree char *start_text = g_date_time_format (local, "%Y-%m-%d %H:%M");
  const FlRun *run = self->run != NULL ? FL_RUN (self->run) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start_text);
  if (run == NULL)
    return;

  if (run->distance_m > 0)
    {
      g_autofree char *text = g_strdup_printf ("%.2f km", run->distance_m / 1000.0);

      gtk_editable_set_text (GTK_EDITABLE (self->distance_row), text);
    }
  {
    g_autofree char *text = NULL;

    if (run->duration_s >= 3600)
      text = g_strdup_printf ("%d:%02d:%02d", run->duration_s / 3600, run->duration_s / 60 % 60, run->duration_s % 60);
    else
      text = g_strdup_printf ("%d:%02d", run->duration_s / 60, run->duration_s % 60);
    gtk_editable_set_text (GTK_EDITABLE (self->duration_row), text);
  }
  adw_combo_row_set_selected (self->effort_row, run->rpe >= 0 ? (guint) run->rpe + 1 : EFFORT_NOT_GIVEN);
  if (run->avg_hr > 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", run->avg_hr);

      gtk_editable_set_text (GTK_EDITABLE (self->hr_row), text);
    }
  if (run->cadence_spm > 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", run->cadence_spm);

      gtk_editable_set_text (GTK_EDITABLE (self->cadence_row), text);
    }
  if (!isnan (run->temperature_c))
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%.1f", run->temperature_c);
      gtk_editable_set_text (GTK_EDITABLE (self->temperature_row), text);
    }
  if (run->note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), run->note);
}

static void
fl_run_dialog_dispose (GObject *object)
{
  FlRunDialog *self = FL_RUN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_RUN_DIALOG);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->run, fl_record_unref);

  G_OBJECT_CLASS (fl_run_dialog_parent_class)->dispose (object);
}

static void
fl_run_dialog_class_init (FlRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_run_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, distance_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, effort_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, hr_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, temperature_row);
  gtk_widget_class_bind_template_child (widget_class, FlRunDialog, window_title);
  /* Not kept in the struct, but reachable by tests */
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fl_run_dialog_init (FlRunDialog *self)
{
  g_autoptr(GtkStringList) efforts = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Borg's CR-10 with its words, as session RPE asks it (Foster 2001) */
  /* Translators: no effort given: one is estimated from time and pace */
  gtk_string_list_append (efforts, C_("effort", "Not given"));
  for (int rpe = 0; rpe <= 10; rpe++)
    {
      /* Translators: an effort on the CR-10 scale: "5 · Hard" */
      g_autofree char *item = g_strdup_printf (_("%d · %s"), rpe, fl_training_rpe_word (rpe));

      gtk_string_list_append (efforts, item);
    }
  adw_combo_row_set_model (self->effort_row, G_LIST_MODEL (efforts));
}

GtkWidget *
fl_run_dialog_new (FlJournal   *journal,
                   FlClock     *clock,
                   const FlRun *run,
                   GtkWindow   *parent)
{
  FlRunDialog *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (FL_IS_CLOCK (clock), NULL);

  self = g_object_new (FL_TYPE_RUN_DIALOG, "transient-for", parent, NULL);
  self->journal = g_object_ref (journal);
  if (run != NULL)
    self->run = fl_record_copy ((const FlRecord *) run);

  adw_window_title_set_title (self->window_title, run != NULL ? _("Edit Run") : _("Add Run"));
  gtk_window_set_title (GTK_WINDOW (self), run != NULL ? _("Edit Run") : _("Add Run"));

  if (run != NULL)
    {
      fill (self, run->parent.time);
    }
  else
    {
      /* A run typed in is usually one just finished: an hour ago, to the quarter */
      GDateTime *local;

      now = fl_clock_now (clock);
      local = g_date_time_add_minutes (now, -60 - g_date_time_get_minute (now) % 15);
      fill (self, local);
      g_date_time_unref (local);
      /* The effort is asked for: it makes the load exact */
      adw_combo_row_set_selected (self->effort_row, EFFORT_NOT_GIVEN);
    }

  return GTK_WIDGET (self);
}
