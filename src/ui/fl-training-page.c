/* fl-training-page.c: the runs, their load, flags, the plan and cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows what FlTraining computes and never computes a figure
 * itself: it asks the model for the day's state, formats it, and sends what
 * the runner does back through the journal and actions.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-bar-chart.h"
#include "fl-day-watch.h"
#include "fl-run-dialog.h"
#include "fl-training-page.h"
#include "fl-training.h"

/* The list shows the latest runs; older ones are in the journal all the same */
#define MAX_LISTED_RUNS 30

struct _FlTrainingPage
{
  AdwBin          parent_instance;

  FlApplication  *app;
  FlJournal      *journal;
  FlClock        *clock;
  FlDayWatch     *day_watch;
  GtkWidget      *dialog;       /* weak */

  FlBarChart     *cadence_chart;
  AdwActionRow   *cadence_row;
  FlBarChart     *distance_chart;
  AdwActionRow   *distance_row;
  AdwActionRow   *drill_row;
  GtkListBox     *flags_list;
  AdwActionRow   *form_row;
  AdwActionRow   *monotony_row;
  GtkListBox     *plan_list;
  GtkLevelBar    *ratio_bar;
  AdwActionRow   *ratio_row;
  GtkWidget      *return_group;
  GtkListBox     *return_list;
  AdwPreferencesGroup *runs_group;
  GtkListBox     *runs_list;
  GtkStack       *stack;          /* the bin's child: "empty" or "content" */
};

G_DEFINE_FINAL_TYPE (FlTrainingPage, fl_training_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (FlTrainingPage *self,
           AdwToast       *toast)
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
format_km (double km)
{
  /* Translators: a distance in kilometres */
  return g_strdup_printf (_("%.1f km"), km);
}

static char *
format_km_for_chart (double   value,
                     gpointer user_data)
{
  return format_km (value);
}

static char *
format_spm_for_chart (double   value,
                      gpointer user_data)
{
  /* Translators: a cadence in steps per minute */
  return g_strdup_printf (_("%.0f steps/min"), value);
}

static char *
format_duration (int seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);

  return g_strdup_printf ("%d:%02d", seconds / 60, seconds % 60);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle,
          const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  /* Notes and imported names are the runner's text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);

  return row;
}

static void
update_week (FlTrainingPage        *self,
             const FlTrainingState *state)
{
  g_autofree char *week = format_km (state->week_km);
  g_autofree char *before = format_km (state->previous_week_km);
  g_autofree char *distance = NULL;
  g_autofree char *ratio = NULL;
  g_autofree char *form = NULL;
  g_autofree char *monotony = NULL;

  /* Translators: "32.5 km (28.0 km the 7 days before)" */
  distance = g_strdup_printf (_("%s (%s the 7 days before)"), week, before);
  adw_action_row_set_subtitle (self->distance_row, distance);

  if (isnan (state->acwr))
    {
      int missing = MAX (0, 28 - state->history_days);

      if (missing > 0)
        ratio = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Needs 28 days of history: %d more day",
                                              "Needs 28 days of history: %d more days",
                                              missing), missing);
      else
        ratio = g_strdup (_("No load in the last 4 weeks to compare with"));
      gtk_level_bar_set_value (self->ratio_bar, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->ratio_bar), FALSE);
    }
  else
    {
      if (state->flags & FL_TRAINING_FLAG_ACWR_HIGH)
        /* Translators: the load ratio and its band */
        ratio = g_strdup_printf (_("%.2f — high (above 1.5)"), state->acwr);
      else if (state->flags & FL_TRAINING_FLAG_ACWR_CAUTION)
        /* Translators: the load ratio and its band */
        ratio = g_strdup_printf (_("%.2f — caution (1.3 to 1.5)"), state->acwr);
      else
        /* Translators: the load ratio and its band */
        ratio = g_strdup_printf (_("%.2f — within your usual load (up to 1.3)"), state->acwr);
      gtk_level_bar_set_value (self->ratio_bar, MIN (state->acwr, 2.0));
      gtk_widget_set_visible (GTK_WIDGET (self->ratio_bar), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->ratio_bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, ratio,
                                      -1);
    }
  adw_action_row_set_subtitle (self->ratio_row, ratio);

  /* Translators: fitness (CTL), fatigue (ATL) and form (TSB), in load units */
  form = g_strdup_printf (_("Fitness %.0f · fatigue %.0f · form %+.0f"),
                          state->ctl, state->atl, state->tsb);
  adw_action_row_set_subtitle (self->form_row, form);

  if (isnan (state->monotony))
    monotony = g_strdup (_("No load in the last 7 days"));
  else
    /* Translators: Foster's monotony and strain for the last 7 days */
    monotony = g_strdup_printf (_("Monotony %.2f (a flag above 2.0) · strain %.0f"),
                                state->monotony, state->strain);
  adw_action_row_set_subtitle (self->monotony_row, monotony);
}

static void
update_flags (FlTrainingPage        *self,
              const FlTrainingState *state)
{
  clear_list (self->flags_list);

  for (guint bit = 0; bit < FL_TRAINING_N_FLAGS; bit++)
    {
      FlTrainingFlags flag = 1u << bit;

      if (state->flags & flag)
        gtk_list_box_append (self->flags_list,
                             text_row (fl_training_flag_describe (flag), NULL, "dialog-warning-symbolic"));
    }

  if (state->flags == 0)
    gtk_list_box_append (self->flags_list,
                         text_row (_("No flag raised"), NULL, "emblem-ok-symbolic"));

  if (state->cadence_fatigue)
    gtk_list_box_append (self->flags_list,
                         /* xgettext:no-c-format */
                         text_row (_("Your last run’s cadence was 5 % or more under your usual on a heavy-legs day: a sign of fatigue."),
                                   NULL, "dialog-information-symbolic"));
}

static void
update_return (FlTrainingPage        *self,
               const FlTrainingState *state)
{
  gboolean shown = (state->flags & FL_TRAINING_FLAG_RETURN_AFTER_BREAK) != 0;
  g_autofree char *summary = NULL;
  g_autofree char *earlier = NULL;

  clear_list (self->return_list);
  gtk_widget_set_visible (self->return_group, shown);
  if (!shown)
    return;

  earlier = format_km (state->earlier_week_km);
  if (state->beginner)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%d week without running: start again as a beginner, with short, easy runs and walking breaks.",
                                            "%d weeks without running: start again as a beginner, with short, easy runs and walking breaks.",
                                            state->weeks_off), state->weeks_off);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: %1$d weeks, %2$s a distance ("30.0 km") */
                                            "%1$d week without running. Before, you ran %2$s a week: build up to it again over as many weeks as you were off.",
                                            "%1$d weeks without running. Before, you ran %2$s a week: build up to it again over as many weeks as you were off.",
                                            state->weeks_off), state->weeks_off, earlier);
  gtk_list_box_append (self->return_list, text_row (summary, NULL, NULL));

  for (int w = 0; w < state->n_caps; w++)
    {
      g_autofree char *title = NULL;
      g_autofree char *cap = format_km (state->caps_km[w]);
      /* Translators: a weekly cap: "at most 15.0 km (50 %)" */
      g_autofree char *subtitle = g_strdup_printf (_("At most %s (%d %%)"), cap,
                                                   (int) lround (100 * state->caps_km[w] / MAX (state->earlier_week_km, 0.001)));
      GtkWidget *row;

      if (!state->in_break && w == state->ramp_week)
        /* Translators: the current week of the return ramp */
        title = g_strdup_printf (_("Week %d back — this week"), w + 1);
      else
        /* Translators: a week of the return ramp */
        title = g_strdup_printf (_("Week %d back"), w + 1);
      row = text_row (title, subtitle, NULL);
      gtk_list_box_append (self->return_list, row);
    }
}

static void
update_plan (FlTrainingPage        *self,
             const FlTrainingState *state)
{
  clear_list (self->plan_list);

  for (int p = 0; p < FL_TRAINING_PLAN_DAYS; p++)
    {
      const FlTrainingPlanDay *day = &state->plan[p];
      g_autoptr(GDateTime) midnight = fl_date_to_local_midnight (&day->date);
      /* Translators: a day of the plan, see g_date_time_format() */
      /* xgettext:no-c-format */
      g_autofree char *name = g_date_time_format (midnight, C_("plan day", "%A %-d %B"));
      const char *kind, *icon;
      GtkWidget *row, *label;

      switch (day->kind)
        {
        case FL_TRAINING_DAY_REST:
          kind = C_("plan", "Rest");
          icon = "weather-clear-night-symbolic";
          break;
        case FL_TRAINING_DAY_EASY:
          kind = C_("plan", "Easy");
          icon = "media-playback-pause-symbolic";
          break;
        case FL_TRAINING_DAY_NORMAL:
        default:
          kind = C_("plan", "Normal");
          icon = "media-playback-start-symbolic";
          break;
        }

      row = text_row (name, fl_training_reason_describe (day->reason), icon);
      label = gtk_label_new (kind);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      if (day->kind != FL_TRAINING_DAY_NORMAL)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->plan_list, row);
    }
}

static void
week_labels (const FlTrainingState *state,
             char                 **labels,
             char                 **long_labels)
{
  for (int w = 0; w < FL_TRAINING_WEEKS; w++)
    {
      g_autoptr(GDateTime) start = fl_date_to_local_midnight (&state->week_start[w]);

      /* Translators: the first day of a week under a bar, see g_date_time_format(); keep it short */
      /* xgettext:no-c-format */
      labels[w] = g_date_time_format (start, C_("week chart label", "%-d %b"));
      /* Translators: a week in the chart's tooltip and for screen readers */
      /* xgettext:no-c-format */
      long_labels[w] = g_date_time_format (start, C_("week chart day", "the 7 days from %A %-d %B"));
    }
}

static void
update_charts (FlTrainingPage        *self,
               const FlTrainingState *state)
{
  char *labels[FL_TRAINING_WEEKS + 1] = { NULL, };
  char *long_labels[FL_TRAINING_WEEKS + 1] = { NULL, };
  double cadence[FL_TRAINING_WEEKS];
  double targets[FL_TRAINING_WEEKS];

  week_labels (state, labels, long_labels);

  fl_bar_chart_set_data (self->distance_chart, FL_TRAINING_WEEKS, state->weekly_km, NULL,
                         (const char * const *) labels);
  fl_bar_chart_set_long_labels (self->distance_chart, (const char * const *) long_labels);

  /* A week without a cadence is an empty bar; the drill's target is the mark */
  for (int w = 0; w < FL_TRAINING_WEEKS; w++)
    {
      cadence[w] = isnan (state->cadence_weekly[w]) ? 0 : state->cadence_weekly[w];
      targets[w] = state->cadence_target;
    }
  fl_bar_chart_set_data (self->cadence_chart, FL_TRAINING_WEEKS, cadence,
                         state->cadence_target > 0 ? targets : NULL,
                         (const char * const *) labels);
  fl_bar_chart_set_long_labels (self->cadence_chart, (const char * const *) long_labels);

  for (int w = 0; w < FL_TRAINING_WEEKS; w++)
    {
      g_free (labels[w]);
      g_free (long_labels[w]);
    }
}

static void
update_cadence (FlTrainingPage        *self,
                const FlTrainingState *state)
{
  g_autofree char *cadence = NULL;
  g_autofree char *drill = NULL;

  if (state->cadence_last == 0)
    cadence = g_strdup (_("No run with a cadence yet: add it to a run, or import one from a watch"));
  else if (isnan (state->cadence_baseline))
    /* Translators: a cadence in steps per minute */
    cadence = g_strdup_printf (_("Last run %d steps/min; a baseline needs 3 easy runs with a cadence in 90 days"),
                               state->cadence_last);
  else
    /* Translators: cadences in steps per minute */
    cadence = g_strdup_printf (_("Last run %d steps/min, your easy-run baseline %.0f"),
                               state->cadence_last, state->cadence_baseline);
  adw_action_row_set_subtitle (self->cadence_row, cadence);

  if (state->cadence_target > 0)
    /* Translators: Heiderscheit 2011's drill; cadences in steps per minute */
    drill = g_strdup_printf (_("On easy runs, try %d steps/min (+5 %%) with shorter steps at the same pace; never above %d (+10 %%)."),
                             state->cadence_target, state->cadence_max);
  else
    /* xgettext:no-c-format */
    drill = g_strdup (_("A +5 % step-rate drill is offered once there is a baseline."));
  adw_action_row_set_subtitle (self->drill_row, drill);
}

static void on_edit_clicked   (FlTrainingPage *self,
                               GtkButton      *button);
static void on_remove_clicked (FlTrainingPage *self,
                               GtkButton      *button);

static GtkWidget *
row_button (FlTrainingPage *self,
            const char     *icon_name,
            const char     *tooltip,
            const char     *label,
            const char     *id,
            GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "fl-record-id", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);

  return button;
}

static GtkWidget *
create_run_row (FlTrainingPage *self,
                const FlRun    *run)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (run->parent.time);
  /* Translators: when a run started, see g_date_time_format() */
  /* xgettext:no-c-format */
  g_autofree char *when = g_date_time_format (local, C_("run start", "%a %-d %b %Y, %H:%M"));
  g_autofree char *duration = format_duration (run->duration_s);
  g_autofree char *title = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  GString *subtitle = g_string_new (when);
  GtkWidget *row;

  if (run->distance_m > 0)
    {
      g_autofree char *km = format_km (run->distance_m / 1000.0);

      /* Translators: a run: "8.0 km in 45:00" */
      title = g_strdup_printf (_("%s in %s"), km, duration);
    }
  else
    {
      /* Translators: a run without a distance: "45:00 run" */
      title = g_strdup_printf (_("%s run"), duration);
    }

  if (run->rpe >= 0)
    /* Translators: appended to a run's line: " · effort 5 (Hard)" */
    g_string_append_printf (subtitle, _(" · effort %d (%s)"), run->rpe, fl_training_rpe_word (run->rpe));
  if (run->cadence_spm > 0)
    /* Translators: appended to a run's line */
    g_string_append_printf (subtitle, _(" · %d steps/min"), run->cadence_spm);
  if (run->avg_hr > 0)
    /* Translators: appended to a run's line */
    g_string_append_printf (subtitle, _(" · %d bpm"), run->avg_hr);
  if (run->note != NULL && *run->note != '\0')
    g_string_append_printf (subtitle, " · %s", run->note);

  row = text_row (title, subtitle->str, NULL);
  g_string_free (subtitle, TRUE);

  /* Translators: a button's name for screen readers: "Edit the run of Fri 27 Nov 2026, 07:30" */
  edit_label = g_strdup_printf (_("Edit the run of %s"), when);
  /* Translators: a button's name for screen readers */
  remove_label = g_strdup_printf (_("Remove the run of %s"), when);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, "document-edit-symbolic", _("Edit"), edit_label,
                                         run->parent.id, G_CALLBACK (on_edit_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, "user-trash-symbolic", _("Remove"), remove_label,
                                         run->parent.id, G_CALLBACK (on_remove_clicked)));

  return row;
}

static void
update_runs (FlTrainingPage *self)
{
  GPtrArray *runs = fl_journal_get_records (self->journal, FL_RECORD_RUN);
  guint shown = MIN (runs->len, MAX_LISTED_RUNS);

  clear_list (self->runs_list);

  /* The latest first: it is the one most likely to need a fix */
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->runs_list,
                         create_run_row (self, g_ptr_array_index (runs, runs->len - 1 - i)));

  if (runs->len > shown)
    {
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "The latest %u of %u run",
                                                                   "The latest %u of %u runs",
                                                                   runs->len), shown, runs->len);

      adw_preferences_group_set_description (self->runs_group, description);
    }
  else
    {
      adw_preferences_group_set_description (self->runs_group, NULL);
    }
}

static void
refresh (FlTrainingPage *self)
{
  FlTrainingState state;
  gboolean writable;
  GDate today;

  if (self->journal == NULL)
    return;

  /* A journal opened read-only (a newer version wrote it) takes nothing */
  writable = !fl_journal_get_read_only (self->journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.add-run", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.edit-run", writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->runs_list), writable);

  if (fl_journal_get_records (self->journal, FL_RECORD_RUN)->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");

  fl_clock_today (self->clock, &today);
  fl_training_state_init (&state, self->journal, &today);

  update_week (self, &state);
  update_flags (self, &state);
  update_return (self, &state);
  update_plan (self, &state);
  update_charts (self, &state);
  update_cadence (self, &state);
  update_runs (self);
}

static void
on_journal_changed (FlTrainingPage *self)
{
  refresh (self);
}

static void
on_day_changed (FlTrainingPage *self)
{
  refresh (self);
}

static void
open_dialog (FlTrainingPage *self,
             const FlRun    *run)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->journal == NULL)
    return;

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  self->dialog = fl_run_dialog_new (self->journal, self->clock, run,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
add_run_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_dialog (FL_TRAINING_PAGE (widget), NULL);
}

static void
edit_run_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FlTrainingPage *self = FL_TRAINING_PAGE (widget);
  FlRecord *run;

  if (self->journal == NULL)
    return;

  run = fl_journal_lookup (self->journal, FL_RECORD_RUN, g_variant_get_string (parameter, NULL));
  if (run != NULL)
    open_dialog (self, FL_RUN (run));
}

static void
on_edit_clicked (FlTrainingPage *self,
                 GtkButton      *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "fl-record-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "training.edit-run", "s", id);
}

static void
on_undo_clicked (FlTrainingPage *self,
                 AdwToast       *toast)
{
  FlRecord *record = g_object_get_data (G_OBJECT (toast), "fl-record");
  g_autoptr(FlRecord) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (record == NULL || self->journal == NULL)
    return;

  copy = fl_record_copy (record);
  if (!fl_journal_add (self->journal, copy, &error))
    add_toast (self, adw_toast_new (error->message));
}

static void
on_remove_clicked (FlTrainingPage *self,
                   GtkButton      *button)
{
  /* A copy: the journal's "changed" rebuilds the list, button included */
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "fl-record-id"));
  g_autoptr(FlRecord) removed = NULL;
  g_autofree char *duration = NULL;
  AdwToast *toast;

  if (self->journal == NULL || id == NULL)
    return;

  removed = fl_journal_remove (self->journal, FL_RECORD_RUN, id);
  if (removed == NULL)
    return;

  duration = format_duration (FL_RUN (removed)->duration_s);
  /* Translators: a toast after a run was removed: "Removed the 45:00 run" */
  toast = adw_toast_new_format (_("Removed the %s run"), duration);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "fl-record",
                          fl_record_copy (removed), (GDestroyNotify) fl_record_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

static void
disconnect_model (FlTrainingPage *self)
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
fl_training_page_dispose (GObject *object)
{
  FlTrainingPage *self = FL_TRAINING_PAGE (object);

  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }

  disconnect_model (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_TRAINING_PAGE);

  G_OBJECT_CLASS (fl_training_page_parent_class)->dispose (object);
}

static void
fl_training_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FlTrainingPage *self = FL_TRAINING_PAGE (object);

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
fl_training_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FlTrainingPage *self = FL_TRAINING_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      fl_training_page_set_application (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_training_page_class_init (FlTrainingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_training_page_dispose;
  object_class->get_property = fl_training_page_get_property;
  object_class->set_property = fl_training_page_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         FL_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FL_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, cadence_chart);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, distance_chart);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, distance_row);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, drill_row);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, flags_list);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, form_row);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, monotony_row);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, ratio_bar);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, ratio_row);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, return_group);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, return_list);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, runs_group);
  gtk_widget_class_bind_template_child (widget_class, FlTrainingPage, runs_list);
  /* Not kept in the struct, but reachable by tests */
  gtk_widget_class_bind_template_child_full (widget_class, "add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "empty_add_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "empty_import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "empty_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "training.add-run", NULL, add_run_action);
  gtk_widget_class_install_action (widget_class, "training.edit-run", "s", edit_run_action);
}

static void
fl_training_page_init (FlTrainingPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child: not a template child, which the template's
   * disposal would unparent before AdwBin does */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  /* The ratio's bands (Gabbett 2016): up to 1.3 as usual, above it a
   * warning colour; the row's text says which band, never colour alone. */
  gtk_level_bar_remove_offset_value (self->ratio_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->ratio_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 1.3);
  gtk_level_bar_add_offset_value (self->ratio_bar, GTK_LEVEL_BAR_OFFSET_LOW, 2.0);

  placeholder = gtk_label_new (_("No runs"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->runs_list, placeholder);

  fl_bar_chart_set_format_func (self->distance_chart, format_km_for_chart, NULL, NULL);
  fl_bar_chart_set_format_func (self->cadence_chart, format_spm_for_chart, NULL, NULL);
}

GtkWidget *
fl_training_page_new (FlApplication *app)
{
  return g_object_new (FL_TYPE_TRAINING_PAGE, "application", app, NULL);
}

FlApplication *
fl_training_page_get_application (FlTrainingPage *self)
{
  g_return_val_if_fail (FL_IS_TRAINING_PAGE (self), NULL);

  return self->app;
}

void
fl_training_page_set_application (FlTrainingPage *self,
                                  FlApplication  *app)
{
  g_return_if_fail (FL_IS_TRAINING_PAGE (self));
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

      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

GtkWidget *
fl_training_page_get_run_dialog (FlTrainingPage *self)
{
  g_return_val_if_fail (FL_IS_TRAINING_PAGE (self), NULL);

  return self->dialog;
}
