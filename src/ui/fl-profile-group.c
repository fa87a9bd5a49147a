/* fl-profile-group.c: the profile fields, shared by Preferences and the welcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-profile-group.h"

/* Long enough to let "+" be clicked a few times, short enough to feel saved */
#define SPIN_SETTLE_MS 400

struct _FlProfileGroup
{
  AdwPreferencesGroup  parent_instance;

  FlProfile            profile;
  gboolean             syncing;
  guint                settle_id;

  AdwActionRow        *birth_year_row;
  GtkSpinButton       *birth_year_spin;
  AdwComboRow         *diet_row;
  AdwActionRow        *heavy_periods_row;
  GtkSwitch           *heavy_periods_switch;
  AdwActionRow        *pregnant_row;
  GtkSwitch           *pregnant_switch;
  AdwComboRow         *sex_row;
  AdwActionRow        *weight_row;
  GtkSpinButton       *weight_spin;
};

G_DEFINE_FINAL_TYPE (FlProfileGroup, fl_profile_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows of the combo models, in the order of the .ui file */
static const FlSex sex_rows[] = { FL_SEX_UNSET, FL_SEX_FEMALE, FL_SEX_MALE };
static const FlDiet diet_rows[] = { FL_DIET_OMNIVORE, FL_DIET_VEGETARIAN, FL_DIET_VEGAN };

static guint
sex_to_row (FlSex sex)
{
  for (guint i = 0; i < G_N_ELEMENTS (sex_rows); i++)
    if (sex_rows[i] == sex)
      return i;

  return 0;
}

static guint
diet_to_row (FlDiet diet)
{
  for (guint i = 0; i < G_N_ELEMENTS (diet_rows); i++)
    if (diet_rows[i] == diet)
      return i;

  return 0;
}

static void
update_rows (FlProfileGroup *self)
{
  gboolean female = self->profile.sex == FL_SEX_FEMALE;

  /* Periods and pregnancy only apply to women; hidden rather than greyed
   * out, so that nobody is asked a question that does not concern them. */
  gtk_widget_set_visible (GTK_WIDGET (self->heavy_periods_row), female);
  gtk_widget_set_visible (GTK_WIDGET (self->pregnant_row), female);

  adw_action_row_set_subtitle (self->birth_year_row,
                               self->profile.birth_year == 0 ? _("Not given yet") : NULL);
  adw_action_row_set_subtitle (self->weight_row,
                               self->profile.weight_kg == 0 ? _("Not given yet") : NULL);
}

static void
emit_changed (FlProfileGroup *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
edited (FlProfileGroup *self)
{
  self->profile.is_set = TRUE;
  update_rows (self);
}

static void
on_sex_selected (FlProfileGroup *self)
{
  guint row = adw_combo_row_get_selected (self->sex_row);

  if (self->syncing || row >= G_N_ELEMENTS (sex_rows))
    return;

  self->profile.sex = sex_rows[row];
  if (self->profile.sex != FL_SEX_FEMALE)
    {
      /* Not asked for anyone but women: not kept either */
      self->profile.heavy_periods = FALSE;
      self->profile.pregnant = FALSE;
      self->syncing = TRUE;
      gtk_switch_set_active (self->heavy_periods_switch, FALSE);
      gtk_switch_set_active (self->pregnant_switch, FALSE);
      self->syncing = FALSE;
    }

  edited (self);
  emit_changed (self);
}

static void
on_diet_selected (FlProfileGroup *self)
{
  guint row = adw_combo_row_get_selected (self->diet_row);

  if (self->syncing || row >= G_N_ELEMENTS (diet_rows))
    return;

  self->profile.diet = diet_rows[row];
  edited (self);
  emit_changed (self);
}

static void
on_switch_changed (FlProfileGroup *self)
{
  if (self->syncing)
    return;

  self->profile.heavy_periods = gtk_switch_get_active (self->heavy_periods_switch);
  self->profile.pregnant = gtk_switch_get_active (self->pregnant_switch);
  edited (self);
  emit_changed (self);
}

static gboolean
on_settled (gpointer user_data)
{
  FlProfileGroup *self = user_data;

  self->settle_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

static void
on_spin_changed (FlProfileGroup *self,
                 GtkSpinButton  *spin)
{
  if (self->syncing)
    return;

  if (spin == self->birth_year_spin)
    self->profile.birth_year = gtk_spin_button_get_value_as_int (spin);
  else
    self->profile.weight_kg = gtk_spin_button_get_value (spin);

  edited (self);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SPIN_SETTLE_MS, on_settled, self);
}

static void
fl_profile_group_dispose (GObject *object)
{
  FlProfileGroup *self = FL_PROFILE_GROUP (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_PROFILE_GROUP);

  G_OBJECT_CLASS (fl_profile_group_parent_class)->dispose (object);
}

static void
fl_profile_group_class_init (FlProfileGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_profile_group_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-profile-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, birth_year_row);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, birth_year_spin);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, diet_row);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, heavy_periods_row);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, heavy_periods_switch);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, pregnant_row);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, pregnant_switch);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, sex_row);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, weight_row);
  gtk_widget_class_bind_template_child (widget_class, FlProfileGroup, weight_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_diet_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sex_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_changed);
}

static void
fl_profile_group_init (FlProfileGroup *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  fl_profile_init_defaults (&self->profile);
  fl_profile_group_set_profile (self, &self->profile);
}

GtkWidget *
fl_profile_group_new (void)
{
  return g_object_new (FL_TYPE_PROFILE_GROUP, NULL);
}

void
fl_profile_group_set_profile (FlProfileGroup  *self,
                              const FlProfile *profile)
{
  g_return_if_fail (FL_IS_PROFILE_GROUP (self));
  g_return_if_fail (profile != NULL);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->profile = *profile;
  /* The defaults assume a birth year; the runner has not given one, and
   * saving the form must not make it look as if they had. */
  if (!profile->is_set)
    self->profile.birth_year = 0;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->sex_row, sex_to_row (profile->sex));
  adw_combo_row_set_selected (self->diet_row, diet_to_row (profile->diet));
  /* Not given yet: the spin buttons start from a likely value */
  gtk_spin_button_set_value (self->birth_year_spin,
                             self->profile.birth_year != 0 ? self->profile.birth_year
                                                           : FL_PROFILE_DEFAULT_BIRTH_YEAR);
  gtk_spin_button_set_value (self->weight_spin,
                             self->profile.weight_kg != 0 ? self->profile.weight_kg : 70.0);
  gtk_switch_set_active (self->heavy_periods_switch, self->profile.heavy_periods);
  gtk_switch_set_active (self->pregnant_switch, self->profile.pregnant);
  self->syncing = FALSE;

  update_rows (self);
}

void
fl_profile_group_get_profile (FlProfileGroup *self,
                              FlProfile      *out)
{
  g_return_if_fail (FL_IS_PROFILE_GROUP (self));
  g_return_if_fail (out != NULL);

  *out = self->profile;
}

void
fl_profile_group_set_this_year (FlProfileGroup *self,
                                int             year)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (FL_IS_PROFILE_GROUP (self));

  adjustment = gtk_spin_button_get_adjustment (self->birth_year_spin);
  self->syncing = TRUE;
  gtk_adjustment_set_upper (adjustment, year);
  self->syncing = FALSE;
}

gboolean
fl_profile_group_has_pending (FlProfileGroup *self)
{
  g_return_val_if_fail (FL_IS_PROFILE_GROUP (self), FALSE);

  return self->settle_id != 0;
}

void
fl_profile_group_flush (FlProfileGroup *self)
{
  g_return_if_fail (FL_IS_PROFILE_GROUP (self));

  if (self->settle_id != 0)
    emit_changed (self);
}
