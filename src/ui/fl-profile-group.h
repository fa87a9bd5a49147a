/* fl-profile-group.h: the profile fields, shared by Preferences and the welcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-profile.h"

G_BEGIN_DECLS

#define FL_TYPE_PROFILE_GROUP (fl_profile_group_get_type ())
G_DECLARE_FINAL_TYPE (FlProfileGroup, fl_profile_group, FL, PROFILE_GROUP, AdwPreferencesGroup)

/* Rows for sex, birth year, weight, diet, heavy periods and pregnancy (the
 * last two only for female). The group holds a profile: fields the runner
 * does not touch keep their value (a birth year of 0 stays "not given").
 *
 * Signals:
 *   "changed": the runner changed a field. Combo rows and switches emit it
 *   at once; spin buttons after a short pause, so that holding "+" does not
 *   write the journal at every step (fl_profile_group_flush() emits it now). */
GtkWidget *fl_profile_group_new           (void);

/* Shows @profile; emits nothing and drops an edit not yet emitted. */
void       fl_profile_group_set_profile   (FlProfileGroup  *self,
                                           const FlProfile *profile);
/* The profile as shown, with is_set TRUE once the runner changed a field */
void       fl_profile_group_get_profile   (FlProfileGroup  *self,
                                           FlProfile       *out);
/* The latest birth year the spin button offers */
void       fl_profile_group_set_this_year (FlProfileGroup  *self,
                                           int              year);
/* TRUE while a spin-button change waits to be emitted */
gboolean   fl_profile_group_has_pending   (FlProfileGroup  *self);
void       fl_profile_group_flush         (FlProfileGroup  *self);

G_END_DECLS
