/* fl-iron-page.c: today's iron against the target, foods, tips, flags, ferritin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows what FlIron and FlFoods compute and never computes a
 * figure itself: it asks the model for the day, formats it and sends what
 * the runner does back to the journal.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "fl-bar-chart.h"
#include "fl-day-watch.h"
#include "fl-foods.h"
#include "fl-iron-page.h"
#include "fl-iron.h"
#include "fl-progress-ring.h"

#define HISTORY_DAYS  14
#define RESULTS_MAX   6
#define RECENT_MAX    6
#define FERRITIN_SHOWN 6

struct _FlIronPage
{
  AdwBin          parent_instance;

  FlApplication  *app;
  FlJournal      *journal;
  FlClock        *clock;
  FlFoods        *foods;
  FlDayWatch     *day_watch;

  GtkLabel       *advice_label;
  GtkLabel       *average_label;
  GtkWidget      *blood_test_group;
  GtkLabel       *blood_test_label;
  FlBarChart     *chart;
  GtkListBox     *entries_list;
  GtkLabel       *ferritin_error_label;
  AdwEntryRow    *ferritin_date_row;
  GtkWidget      *ferritin_form;
  GtkListBox     *ferritin_list;
  GtkSpinButton  *ferritin_spin;
  GtkLabel       *limit_label;
  GtkWidget      *log_group;
  GtkLabel       *own_error_label;
  AdwExpanderRow *own_food_row;
  GtkSpinButton  *own_grams_spin;
  GtkSwitch      *own_heme_switch;
  GtkSpinButton  *own_mg_spin;
  AdwEntryRow    *own_name_row;
  AdwEntryRow    *own_portion_row;
  GtkSwitch      *own_vitamin_c_switch;
  GtkSpinButton  *portions_spin;
  GtkFlowBox     *recent_box;
  GtkWidget      *recent_group;
  GtkListBox     *results_list;
  GtkListBox     *risks_list;
  FlProgressRing *ring;
  GtkSearchEntry *search_entry;
  GtkLabel       *target_label;
  GtkBox         *tips_box;
  GtkWidget      *tips_group;
};

G_DEFINE_FINAL_TYPE (FlIronPage, fl_iron_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (FlIronPage *self,
           AdwToast   *toast)
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
format_mg_for_chart (double   value,
                     gpointer user_data)
{
  return fl_format_iron_mg (value);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* "½ cup · 3.3 mg · heme iron" */
static char *
describe_food (const FlFood *food)
{
  g_autofree char *mg = fl_format_iron_mg (food->mg);

  if (food->heme)
    /* Translators: a food's portion, iron, and that it is heme iron */
    return g_strdup_printf (_("%s · %s · heme iron"), food->portion, mg);
  if (food->vitamin_c)
    /* Translators: a food's portion, iron, and that it is rich in vitamin C */
    return g_strdup_printf (_("%s · %s · rich in vitamin C"), food->portion, mg);
  /* Translators: a food's portion and iron: “½ cup · 3.3 mg” */
  return g_strdup_printf (_("%s · %s"), food->portion, mg);
}

static GtkWidget *
create_result_row (FlIronPage   *self,
                   const FlFood *food)
{
  g_autofree char *subtitle = describe_food (food);
  /* Translators: a button's name for screen readers: “Log Lentils, boiled” */
  g_autofree char *label = g_strdup_printf (_("Log %s"), food->name);
  GtkWidget *row = plain_row (food->name, subtitle);
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "iron.log-food");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", food->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data_full (G_OBJECT (row), "fl-food-id", g_strdup (food->id), g_free);

  return row;
}

static void
update_results (FlIronPage *self)
{
  g_autoptr(GPtrArray) found = NULL;
  const FlProfile *profile;
  gboolean plant_only;
  const char *text;

  clear_list (self->results_list);
  if (self->foods == NULL)
    return;

  /* Empty: the richest foods first, so the list is useful before typing */
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  found = fl_foods_search (self->foods, text);
  profile = self->journal != NULL ? fl_journal_get_profile (self->journal) : NULL;
  /* Meat and fish are offered to a vegetarian or vegan only when asked for */
  plant_only = *text == '\0' && profile != NULL && profile->is_set &&
               (profile->diet == FL_DIET_VEGETARIAN || profile->diet == FL_DIET_VEGAN);
  for (guint i = 0, n = 0; i < found->len && n < RESULTS_MAX; i++)
    {
      const FlFood *food = g_ptr_array_index (found, i);

      if (plant_only && food->heme)
        continue;
      gtk_list_box_append (self->results_list, create_result_row (self, food));
      n++;
    }
}

static void
on_search_changed (FlIronPage *self)
{
  update_results (self);
}

static void
on_search_activated (FlIronPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  /* Enter logs the best match, as the first row shows it */
  if (first != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "iron.log-food", "s",
                                g_object_get_data (G_OBJECT (first), "fl-food-id"));
}

static void
on_remove_clicked (FlIronPage *self,
                   GtkButton  *button);

static GtkWidget *
create_entry_row (FlIronPage     *self,
                  const FlRecord *record)
{
  const FlIronIntake *intake = (const FlIronIntake *) record;
  const FlFood *food = self->foods != NULL ? fl_foods_lookup (self->foods, intake->food) : NULL;
  g_autoptr(GDateTime) local = g_date_time_to_local (record->time);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *mg = fl_format_iron_mg (intake->mg);
  g_autofree char *how_much = fl_iron_format_portions (intake->portions, food != NULL ? food->portion : "");
  /* Translators: an entry's details: “12:30 · 2 × ½ cup · 6.6 mg” */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), time, how_much, mg);
  const char *name = food != NULL ? food->name : intake->food;
  /* Translators: a button's name for screen readers: “Remove Lentils, boiled from 12:30” */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s from %s"), name, time);
  GtkWidget *row = plain_row (name, subtitle);
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (button), "fl-record-id", g_strdup (record->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_entries (FlIronPage  *self,
                const GDate *today)
{
  g_autoptr(GDateTime) from = fl_date_to_local_midnight (today);
  g_autoptr(GDateTime) to = NULL;
  GDate tomorrow = *today;
  GPtrArray *records;
  guint begin, end;

  g_date_add_days (&tomorrow, 1);
  to = fl_date_to_local_midnight (&tomorrow);

  clear_list (self->entries_list);
  records = fl_journal_get_records (self->journal, FL_RECORD_IRON);
  fl_journal_range (self->journal, FL_RECORD_IRON, from, to, &begin, &end);
  for (guint i = end; i > begin; i--)
    gtk_list_box_append (self->entries_list, create_entry_row (self, g_ptr_array_index (records, i - 1)));
}

/* The last few different foods logged, newest first: one click logs one again */
static void
update_recent (FlIronPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *records = fl_journal_get_records (self->journal, FL_RECORD_IRON);
  guint n = 0;

  clear_box (GTK_WIDGET (self->recent_box));
  for (guint i = records->len; i > 0 && n < RECENT_MAX && self->foods != NULL; i--)
    {
      const FlIronIntake *intake = g_ptr_array_index (records, i - 1);
      const FlFood *food = fl_foods_lookup (self->foods, intake->food);
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (food == NULL || !g_hash_table_add (seen, food->id))
        continue;

      button = gtk_button_new_with_label (food->name);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (button, "pill");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "iron.log-food");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", food->id);
      label = g_strdup_printf (_("Log %s"), food->name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_flow_box_append (self->recent_box, button);
      n++;
    }

  gtk_widget_set_visible (self->recent_group, n > 0);
}

static void
update_tips (FlIronPage  *self,
             const GDate *today)
{
  g_autoptr(GPtrArray) tips = NULL;

  clear_box (GTK_WIDGET (self->tips_box));
  if (self->foods == NULL)
    {
      gtk_widget_set_visible (self->tips_group, FALSE);
      return;
    }

  tips = fl_iron_tips (self->journal, self->foods, today);
  for (guint i = 0; i < tips->len; i++)
    {
      const FlIronTip *tip = g_ptr_array_index (tips, i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      GtkWidget *label = gtk_label_new (tip->text);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_margin_start (icon, 12);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_set_margin_top (icon, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tip"), -1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_box_append (GTK_BOX (card), icon);
      gtk_box_append (GTK_BOX (card), label);
      gtk_box_append (self->tips_box, card);
    }

  gtk_widget_set_visible (self->tips_group, tips->len > 0);
}

static void
update_risks (FlIronPage      *self,
              const FlIronDay *day)
{
  clear_list (self->risks_list);
  for (guint i = 0; i < FL_IRON_N_RISKS; i++)
    {
      FlIronRisk risk = (FlIronRisk) (1u << i);
      GtkWidget *row;

      if (!(day->risks & risk))
        continue;
      row = plain_row (fl_iron_risk_describe (risk), NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_append (self->risks_list, row);
    }
}

static void
update_ferritin (FlIronPage *self)
{
  GPtrArray *results = fl_journal_get_records (self->journal, FL_RECORD_FERRITIN);
  guint shown = 0;

  clear_list (self->ferritin_list);
  for (guint i = results->len; i > 0 && shown < FERRITIN_SHOWN; i--, shown++)
    {
      const FlFerritin *result = g_ptr_array_index (results, i - 1);
      g_autoptr(GDateTime) local = g_date_time_to_local (result->parent.time);
      g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
      FlFerritinBand band = fl_ferritin_band (result->ug_per_l);
      /* Translators: a ferritin result and its band: “24 µg/L · low” */
      g_autofree char *value = g_strdup_printf (_("%.0f µg/L · %s"), result->ug_per_l, fl_ferritin_band_describe (band));
      GtkWidget *row = plain_row (value, date);

      if (band != FL_FERRITIN_OK)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_append (self->ferritin_list, row);
    }
}

static void
update_chart (FlIronPage  *self,
              const GDate *today)
{
  double values[HISTORY_DAYS];
  double targets[HISTORY_DAYS];
  char *labels[HISTORY_DAYS + 1] = { NULL, };
  char *long_labels[HISTORY_DAYS + 1] = { NULL, };
  const FlProfile *stored = fl_journal_get_profile (self->journal);
  FlProfile profile;

  if (stored != NULL && stored->is_set)
    profile = *stored;
  else
    fl_profile_init_defaults (&profile);

  for (guint i = 0; i < HISTORY_DAYS; i++)
    {
      g_autoptr(GDateTime) midnight = NULL;
      GDate date = *today;

      g_date_subtract_days (&date, HISTORY_DAYS - 1 - i);
      midnight = fl_date_to_local_midnight (&date);
      values[i] = fl_iron_day_mg (self->journal, &date);
      targets[i] = fl_iron_target_mg (&profile, &date);

      /* Translators: the day of the month under a bar of the chart, see
       * g_date_time_format(); keep it short */
      /* xgettext:no-c-format */
      labels[i] = g_date_time_format (midnight, C_("chart label", "%-d"));
      /* Translators: a day in the chart's tooltip and for screen readers,
       * see g_date_time_format() */
      /* xgettext:no-c-format */
      long_labels[i] = g_date_time_format (midnight, C_("chart day", "%A %-d %B"));
    }

  fl_bar_chart_set_data (self->chart, HISTORY_DAYS, values, targets, (const char * const *) labels);
  fl_bar_chart_set_long_labels (self->chart, (const char * const *) long_labels);

  for (guint i = 0; i < HISTORY_DAYS; i++)
    {
      g_free (labels[i]);
      g_free (long_labels[i]);
    }
}

static void
refresh (FlIronPage *self)
{
  g_autofree char *today_mg = NULL;
  g_autofree char *target = NULL;
  g_autofree char *of_target = NULL;
  g_autofree char *describe = NULL;
  g_autofree char *average = NULL;
  g_autofree char *average_line = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *limit_line = NULL;
  FlIronDay day;
  GDate today;
  gboolean writable;

  if (self->journal == NULL)
    return;

  fl_clock_today (self->clock, &today);
  fl_iron_day_init (&day, self->journal, &today);

  today_mg = fl_format_iron_mg (day.today_mg);
  target = fl_format_iron_mg (day.target_mg);
  /* Translators: under the iron eaten today in the ring: “of 32.4 mg” */
  of_target = g_strdup_printf (_("of %s"), target);
  fl_progress_ring_set_maximum (self->ring, day.target_mg);
  fl_progress_ring_set_value (self->ring, day.today_mg);
  fl_progress_ring_set_text (self->ring, today_mg);
  fl_progress_ring_set_secondary_text (self->ring, of_target);

  describe = fl_iron_day_describe_target (&day, self->journal);
  gtk_label_set_label (self->target_label, describe);
  average = fl_format_iron_mg (day.avg7_mg);
  /* Translators: “7-day average: 5.1 mg a day” */
  average_line = g_strdup_printf (_("7-day average: %s a day"), average);
  gtk_label_set_label (self->average_label, average_line);

  reason = fl_iron_blood_test_reason (self->journal, &today);
  gtk_widget_set_visible (self->blood_test_group, reason != NULL);
  gtk_label_set_label (self->blood_test_label, reason != NULL ? reason : "");

  limit = fl_format_iron_mg (FL_IRON_UPPER_LIMIT_MG);
  /* Translators: %s is “45.0 mg” */
  limit_line = g_strdup_printf (_("%s a day is the upper limit for iron from supplements (NIH) — a limit, not a target. "
                                  "Take iron supplements only on a doctor’s advice."), limit);
  gtk_label_set_label (self->limit_label, limit_line);

  update_entries (self, &today);
  update_recent (self);
  update_tips (self, &today);
  update_chart (self, &today);
  update_risks (self, &day);
  update_ferritin (self);

  /* A journal opened read-only (a newer version wrote it) takes nothing; the
   * window says why. */
  writable = !fl_journal_get_read_only (self->journal);
  gtk_widget_set_sensitive (self->log_group, writable);
  gtk_widget_set_sensitive (self->recent_group, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entries_list), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "iron.log-food", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "iron.log-ferritin", writable);
}

static void
on_journal_changed (FlIronPage *self)
{
  /* The profile may have changed what the empty search offers */
  update_results (self);
  refresh (self);
}

static void
on_day_changed (FlIronPage *self)
{
  refresh (self);
}

static void
on_undo_clicked (FlIronPage *self,
                 AdwToast   *toast)
{
  FlRecord *record = g_object_get_data (G_OBJECT (toast), "fl-record");
  g_autoptr(GError) error = NULL;

  if (record == NULL || self->journal == NULL)
    return;

  if (!fl_journal_add (self->journal, fl_record_copy (record), &error))
    add_toast (self, adw_toast_new (error->message));
}

static void
on_remove_clicked (FlIronPage *self,
                   GtkButton  *button)
{
  /* A copy: the journal's "changed" rebuilds the list, button included */
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "fl-record-id"));
  g_autoptr(FlRecord) removed = NULL;
  const FlFood *food;
  AdwToast *toast;

  if (self->journal == NULL || id == NULL)
    return;

  removed = fl_journal_remove (self->journal, FL_RECORD_IRON, id);
  if (removed == NULL)
    return;

  food = self->foods != NULL ? fl_foods_lookup (self->foods, FL_IRON_INTAKE (removed)->food) : NULL;
  /* Translators: a toast after an entry was removed: “Removed Lentils, boiled” */
  toast = adw_toast_new_format (_("Removed %s"), food != NULL ? food->name : FL_IRON_INTAKE (removed)->food);
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "fl-record",
                          fl_record_copy (removed), (GDestroyNotify) fl_record_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

static void
log_food_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FlIronPage *self = FL_IRON_PAGE (widget);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *how_much = NULL;
  g_autofree char *mg = NULL;
  const FlFood *food;
  double portions;

  if (self->journal == NULL || self->foods == NULL)
    return;

  food = fl_foods_lookup (self->foods, g_variant_get_string (parameter, NULL));
  if (food == NULL)
    return;

  portions = gtk_spin_button_get_value (self->portions_spin);
  /* Stored times carry no fractions of a second */
  now = fl_clock_now (self->clock);
  local = g_date_time_to_local (now);
  time = g_date_time_add (local, -(GTimeSpan) g_date_time_get_microsecond (local));
  record = fl_iron_intake_new (food, portions, time);
  if (!fl_journal_add (self->journal, record, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }

  how_much = fl_iron_format_portions (portions, food->portion);
  mg = fl_format_iron_mg (FL_IRON_INTAKE (record)->mg);
  /* Translators: a toast: “Logged Lentils, boiled, 1 × ½ cup (3.3 mg)” */
  add_toast (self, adw_toast_new_format (_("Logged %s, %s (%s)"), food->name, how_much, mg));
}

/* A food of the runner's own: checked and saved by FlFoods beside the journal */
static void
add_food_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FlIronPage *self = FL_IRON_PAGE (widget);
  g_autofree char *own = NULL;
  g_autoptr(GError) error = NULL;
  FlFood food = { 0, };
  const FlFood *added;

  if (self->foods == NULL || self->app == NULL)
    return;

  own = fl_foods_own_path_for (fl_store_get_path (fl_application_get_store (self->app)));
  food.name = (char *) gtk_editable_get_text (GTK_EDITABLE (self->own_name_row));
  food.portion = (char *) gtk_editable_get_text (GTK_EDITABLE (self->own_portion_row));
  food.grams = gtk_spin_button_get_value (self->own_grams_spin);
  food.mg = gtk_spin_button_get_value (self->own_mg_spin);
  food.heme = gtk_switch_get_active (self->own_heme_switch);
  food.vitamin_c = gtk_switch_get_active (self->own_vitamin_c_switch);

  added = fl_foods_add_own (self->foods, &food, own, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->own_error_label), added == NULL);
  if (added == NULL)
    {
      gtk_label_set_label (self->own_error_label, error->message);
      return;
    }

  /* Found at once: the search shows the new food */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), added->name);
  update_results (self);
  gtk_editable_set_text (GTK_EDITABLE (self->own_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->own_portion_row), "");
  adw_expander_row_set_expanded (self->own_food_row, FALSE);
  /* Translators: a toast: “Lentil soup added to your foods” */
  add_toast (self, adw_toast_new_format (_("%s added to your foods"), added->name));
}

static void
set_ferritin_error (FlIronPage *self,
                    const char *message)
{
  gtk_label_set_label (self->ferritin_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->ferritin_error_label), message != NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->ferritin_date_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
log_ferritin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FlIronPage *self = FL_IRON_PAGE (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->ferritin_date_row));
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GDate date, today;
  int year, month, day;
  char end;

  if (self->journal == NULL)
    return;

  fl_clock_today (self->clock, &today);
  date = today;
  if (*text != '\0')
    {
      if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
          !g_date_valid_dmy (day, month, year))
        {
          /* Translators: %s is what was typed */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2026-10-02."), text);

          set_ferritin_error (self, message);
          return;
        }
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      if (g_date_compare (&date, &today) > 0)
        {
          set_ferritin_error (self, _("That date is in the future; give the day of the blood test."));
          return;
        }
    }

  midnight = fl_date_to_local_midnight (&date);
  record = fl_record_new (FL_RECORD_FERRITIN, midnight);
  FL_FERRITIN (record)->ug_per_l = gtk_spin_button_get_value (self->ferritin_spin);
  if (!fl_journal_add (self->journal, record, &error))
    {
      set_ferritin_error (self, error->message);
      return;
    }

  set_ferritin_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->ferritin_date_row), "");
  add_toast (self, adw_toast_new (_("Ferritin result logged")));
}

static void
disconnect_model (FlIronPage *self)
{
  g_clear_object (&self->day_watch);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);

  g_clear_object (&self->foods);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);
  g_clear_object (&self->app);
}

static void
fl_iron_page_dispose (GObject *object)
{
  FlIronPage *self = FL_IRON_PAGE (object);

  disconnect_model (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_IRON_PAGE);

  G_OBJECT_CLASS (fl_iron_page_parent_class)->dispose (object);
}

static void
fl_iron_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FlIronPage *self = FL_IRON_PAGE (object);

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
fl_iron_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FlIronPage *self = FL_IRON_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      fl_iron_page_set_application (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_iron_page_class_init (FlIronPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_iron_page_dispose;
  object_class->get_property = fl_iron_page_get_property;
  object_class->set_property = fl_iron_page_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         FL_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FL_TYPE_BAR_CHART);
  g_type_ensure (FL_TYPE_PROGRESS_RING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-iron-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, advice_label);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, average_label);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, blood_test_group);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, blood_test_label);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, chart);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, entries_list);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, ferritin_date_row);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, ferritin_error_label);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, ferritin_form);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, ferritin_list);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, ferritin_spin);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, log_group);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_error_label);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_food_row);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_grams_spin);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_heme_switch);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_mg_spin);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_name_row);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_portion_row);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, own_vitamin_c_switch);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, portions_spin);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, risks_list);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, ring);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, target_label);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, tips_box);
  gtk_widget_class_bind_template_child (widget_class, FlIronPage, tips_group);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "iron.add-food", NULL, add_food_action);
  gtk_widget_class_install_action (widget_class, "iron.log-food", "s", log_food_action);
  gtk_widget_class_install_action (widget_class, "iron.log-ferritin", NULL, log_ferritin_action);
}

static void
fl_iron_page_init (FlIronPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->entries_list, placeholder (_("Nothing logged yet today")));
  gtk_list_box_set_placeholder (self->results_list, placeholder (_("No food matches; try one word, e.g. beans")));
  gtk_list_box_set_placeholder (self->risks_list,
                                placeholder (_("No risk flags from your profile and your running")));
  gtk_list_box_set_placeholder (self->ferritin_list, placeholder (_("No results logged")));

  fl_bar_chart_set_format_func (self->chart, format_mg_for_chart, NULL, NULL);
}

GtkWidget *
fl_iron_page_new (FlApplication *app)
{
  return g_object_new (FL_TYPE_IRON_PAGE, "application", app, NULL);
}

FlApplication *
fl_iron_page_get_application (FlIronPage *self)
{
  g_return_val_if_fail (FL_IS_IRON_PAGE (self), NULL);

  return self->app;
}

void
fl_iron_page_set_application (FlIronPage    *self,
                              FlApplication *app)
{
  g_return_if_fail (FL_IS_IRON_PAGE (self));
  g_return_if_fail (app == NULL || FL_IS_APPLICATION (app));

  if (self->app == app)
    return;

  disconnect_model (self);

  if (app != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *own = fl_foods_own_path_for (fl_store_get_path (fl_application_get_store (app)));

      self->app = g_object_ref (app);
      self->journal = g_object_ref (fl_application_get_journal (app));
      self->clock = g_object_ref (fl_application_get_clock (app));
      self->foods = fl_foods_new (own, &error);
      if (self->foods == NULL)
        g_warning ("%s", error->message);
      else if (fl_foods_get_notice (self->foods) != NULL)
        g_message ("%s", fl_foods_get_notice (self->foods));

      g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);
      self->day_watch = fl_day_watch_new (self->clock);
      g_signal_connect_swapped (self->day_watch, "day-changed", G_CALLBACK (on_day_changed), self);

      update_results (self);
      refresh (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}
