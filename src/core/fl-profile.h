/* fl-profile.h: who the runner is, as far as the rules need to know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  FL_SEX_UNSET,
  FL_SEX_FEMALE,
  FL_SEX_MALE,
} FlSex;

typedef enum {
  FL_DIET_OMNIVORE,
  FL_DIET_VEGETARIAN,
  FL_DIET_VEGAN,
} FlDiet;

/* Until the runner gives a profile (@is_set FALSE), the rules use
 * fl_profile_init_defaults(), and the window and `today` say so. */
typedef struct
{
  gboolean is_set;
  FlSex    sex;
  int      birth_year;          /* 1900 .. this year; 0 = not given */
  double   weight_kg;           /* 25..300; 0 = not given */
  FlDiet   diet;
  gboolean heavy_periods;
  gboolean pregnant;
  double   sweat_rate_l_h;      /* measured by the runner, 0.1..5.0; 0 = not measured */
} FlProfile;

#define FL_PROFILE_DEFAULT_BIRTH_YEAR 1990

void         fl_profile_init_defaults   (FlProfile       *profile);
/* Range checks; messages a user can read (FL_RECORD_ERROR_RANGE).
 * @this_year bounds the birth year; 0 when unknown (then only 1900 is checked). */
gboolean     fl_profile_validate        (const FlProfile *profile,
                                         int              this_year,
                                         GError         **error);
/* Reads the "profile" member; unknown members are left to the caller. Sets
 * @is_set when any known member is present; absent members are "not given".
 * Errors are FL_RECORD_ERROR_TYPE or _RANGE; @profile is unchanged then. */
gboolean     fl_profile_from_json       (FlProfile       *profile,
                                         JsonObject      *object,
                                         GError         **error);
/* Writes the known members into @object (which may hold unknown ones). */
void         fl_profile_to_json         (const FlProfile *profile,
                                         JsonObject      *object);
gboolean     fl_profile_equal           (const FlProfile *a,
                                         const FlProfile *b);

const char  *fl_sex_to_string           (FlSex            sex);
gboolean     fl_sex_from_string         (const char      *string,
                                         FlSex           *out);
const char  *fl_diet_to_string          (FlDiet           diet);
gboolean     fl_diet_from_string        (const char      *string,
                                         FlDiet          *out);
/* One translated sentence: what the rules assume while no profile is set */
char        *fl_profile_describe_defaults (void);

G_END_DECLS
