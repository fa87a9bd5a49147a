/* fl-profile.c: who the runner is, as far as the rules need to know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-profile.h"
#include "fl-record.h"

#define MIN_BIRTH_YEAR 1900
#define MIN_WEIGHT_KG  25.0
#define MAX_WEIGHT_KG  300.0
#define MIN_SWEAT_L_H  0.1
#define MAX_SWEAT_L_H  5.0

void
fl_profile_init_defaults (FlProfile *profile)
{
  g_return_if_fail (profile != NULL);

  *profile = (FlProfile) {
    .is_set = FALSE,
    .sex = FL_SEX_UNSET,
    .birth_year = FL_PROFILE_DEFAULT_BIRTH_YEAR,
    .weight_kg = 0,
    .diet = FL_DIET_OMNIVORE,
    .heavy_periods = FALSE,
    .pregnant = FALSE,
    .sweat_rate_l_h = 0,
  };
}

gboolean
fl_profile_validate (const FlProfile *profile,
                     int              this_year,
                     GError         **error)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  if (profile->sex != FL_SEX_UNSET && profile->sex != FL_SEX_FEMALE && profile->sex != FL_SEX_MALE)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("Sex is female or male; got %d."), (int) profile->sex);
      return FALSE;
    }

  if (profile->diet != FL_DIET_OMNIVORE && profile->diet != FL_DIET_VEGETARIAN &&
      profile->diet != FL_DIET_VEGAN)
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("A diet is omnivore, vegetarian or vegan; got %d."), (int) profile->diet);
      return FALSE;
    }

  if (profile->birth_year != 0)
    {
      if (this_year > 0 && (profile->birth_year < MIN_BIRTH_YEAR || profile->birth_year > this_year))
        {
          g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                       _("A birth year is %d to %d; got %d."),
                       MIN_BIRTH_YEAR, this_year, profile->birth_year);
          return FALSE;
        }
      if (this_year <= 0 && profile->birth_year < MIN_BIRTH_YEAR)
        {
          g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                       _("A birth year is %d or later; got %d."),
                       MIN_BIRTH_YEAR, profile->birth_year);
          return FALSE;
        }
    }

  if (profile->weight_kg != 0 &&
      !(profile->weight_kg >= MIN_WEIGHT_KG && profile->weight_kg <= MAX_WEIGHT_KG))
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("A weight is 25 to 300 kg; got %g kg."), profile->weight_kg);
      return FALSE;
    }

  if (profile->sweat_rate_l_h != 0 &&
      !(profile->sweat_rate_l_h >= MIN_SWEAT_L_H && profile->sweat_rate_l_h <= MAX_SWEAT_L_H))
    {
      g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                   _("A sweat rate is 0.1 to 5.0 L per hour; got %g L per hour."),
                   profile->sweat_rate_l_h);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_value (JsonObject  *object,
           const char  *member,
           GType        type,
           JsonNode   **out_node,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType value_type;

  *out_node = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  /* A JSON number may come as either; the caller converts */
  if (value_type == type ||
      (type == G_TYPE_DOUBLE && value_type == G_TYPE_INT64) ||
      (type == G_TYPE_INT64 && value_type == G_TYPE_DOUBLE &&
       floor (json_node_get_double (node)) == json_node_get_double (node)))
    {
      *out_node = node;
      return TRUE;
    }

  {
    g_autofree char *got = json_to_string (node, FALSE);
    const char *format;

    if (type == G_TYPE_STRING)
      format = _("“%s” in the profile must be text; got %s.");
    else if (type == G_TYPE_BOOLEAN)
      format = _("“%s” in the profile must be true or false; got %s.");
    else if (type == G_TYPE_INT64)
      format = _("“%s” in the profile must be a whole number; got %s.");
    else
      format = _("“%s” in the profile must be a number; got %s.");
    g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_TYPE, format, member, got);
  }
  return FALSE;
}

static double
node_get_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

gboolean
fl_profile_from_json (FlProfile  *profile,
                      JsonObject *object,
                      GError    **error)
{
  FlProfile result;
  JsonNode *node;
  gboolean any = FALSE;

  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  fl_profile_init_defaults (&result);
  /* In a stored profile an absent birth year means "not given" */
  result.birth_year = 0;

  if (!get_value (object, "sex", G_TYPE_STRING, &node, error))
    return FALSE;
  if (node != NULL)
    {
      any = TRUE;
      if (!fl_sex_from_string (json_node_get_string (node), &result.sex))
        {
          g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                       _("Sex is “female” or “male”; got “%s”."), json_node_get_string (node));
          return FALSE;
        }
    }

  if (!get_value (object, "birth_year", G_TYPE_INT64, &node, error))
    return FALSE;
  if (node != NULL)
    {
      double year = node_get_number (node);

      any = TRUE;
      if (year < 0 || year > G_MAXINT)
        {
          g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                       _("A birth year is %d or later; got %.0f."), MIN_BIRTH_YEAR, year);
          return FALSE;
        }
      result.birth_year = (int) year;
    }

  if (!get_value (object, "weight_kg", G_TYPE_DOUBLE, &node, error))
    return FALSE;
  if (node != NULL)
    {
      any = TRUE;
      result.weight_kg = node_get_number (node);
    }

  if (!get_value (object, "diet", G_TYPE_STRING, &node, error))
    return FALSE;
  if (node != NULL)
    {
      any = TRUE;
      if (!fl_diet_from_string (json_node_get_string (node), &result.diet))
        {
          g_set_error (error, FL_RECORD_ERROR, FL_RECORD_ERROR_RANGE,
                       _("A diet is “omnivore”, “vegetarian” or “vegan”; got “%s”."),
                       json_node_get_string (node));
          return FALSE;
        }
    }

  if (!get_value (object, "heavy_periods", G_TYPE_BOOLEAN, &node, error))
    return FALSE;
  if (node != NULL)
    {
      any = TRUE;
      result.heavy_periods = json_node_get_boolean (node);
    }

  if (!get_value (object, "pregnant", G_TYPE_BOOLEAN, &node, error))
    return FALSE;
  if (node != NULL)
    {
      any = TRUE;
      result.pregnant = json_node_get_boolean (node);
    }

  if (!get_value (object, "sweat_rate_l_h", G_TYPE_DOUBLE, &node, error))
    return FALSE;
  if (node != NULL)
    {
      any = TRUE;
      result.sweat_rate_l_h = node_get_number (node);
    }

  /* The file holds no clock: the upper bound of the birth year is checked
   * where the runner types it in. */
  if (!fl_profile_validate (&result, 0, error))
    return FALSE;

  if (!any)
    fl_profile_init_defaults (&result);
  result.is_set = any;
  *profile = result;
  return TRUE;
}

void
fl_profile_to_json (const FlProfile *profile,
                    JsonObject      *object)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (object != NULL);

  if (profile->sex != FL_SEX_UNSET)
    json_object_set_string_member (object, "sex", fl_sex_to_string (profile->sex));
  else
    json_object_remove_member (object, "sex");

  if (profile->birth_year != 0)
    json_object_set_int_member (object, "birth_year", profile->birth_year);
  else
    json_object_remove_member (object, "birth_year");

  if (profile->weight_kg != 0)
    json_object_set_double_member (object, "weight_kg", profile->weight_kg);
  else
    json_object_remove_member (object, "weight_kg");

  json_object_set_string_member (object, "diet", fl_diet_to_string (profile->diet));
  json_object_set_boolean_member (object, "heavy_periods", profile->heavy_periods);
  json_object_set_boolean_member (object, "pregnant", profile->pregnant);

  if (profile->sweat_rate_l_h != 0)
    json_object_set_double_member (object, "sweat_rate_l_h", profile->sweat_rate_l_h);
  else
    json_object_remove_member (object, "sweat_rate_l_h");
}

gboolean
fl_profile_equal (const FlProfile *a,
                  const FlProfile *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return !a->is_set == !b->is_set &&
         a->sex == b->sex &&
         a->birth_year == b->birth_year &&
         a->weight_kg == b->weight_kg &&
         a->diet == b->diet &&
         !a->heavy_periods == !b->heavy_periods &&
         !a->pregnant == !b->pregnant &&
         a->sweat_rate_l_h == b->sweat_rate_l_h;
}

const char *
fl_sex_to_string (FlSex sex)
{
  switch (sex)
    {
    case FL_SEX_FEMALE:
      return "female";
    case FL_SEX_MALE:
      return "male";
    case FL_SEX_UNSET:
    default:
      return "unset";
    }
}

gboolean
fl_sex_from_string (const char *string,
                    FlSex      *out)
{
  FlSex sex;

  if (g_strcmp0 (string, "female") == 0)
    sex = FL_SEX_FEMALE;
  else if (g_strcmp0 (string, "male") == 0)
    sex = FL_SEX_MALE;
  else if (g_strcmp0 (string, "unset") == 0)
    sex = FL_SEX_UNSET;
  else
    return FALSE;

  if (out != NULL)
    *out = sex;
  return TRUE;
}

const char *
fl_diet_to_string (FlDiet diet)
{
  switch (diet)
    {
    case FL_DIET_VEGETARIAN:
      return "vegetarian";
    case FL_DIET_VEGAN:
      return "vegan";
    case FL_DIET_OMNIVORE:
    default:
      return "omnivore";
    }
}

gboolean
fl_diet_from_string (const char *string,
                     FlDiet     *out)
{
  FlDiet diet;

  if (g_strcmp0 (string, "omnivore") == 0)
    diet = FL_DIET_OMNIVORE;
  else if (g_strcmp0 (string, "vegetarian") == 0)
    diet = FL_DIET_VEGETARIAN;
  else if (g_strcmp0 (string, "vegan") == 0)
    diet = FL_DIET_VEGAN;
  else
    return FALSE;

  if (out != NULL)
    *out = diet;
  return TRUE;
}

char *
fl_profile_describe_defaults (void)
{
  /* Hydration uses the EFSA 2010 goal for men while the sex is unset; the
   * iron rules use the target for adult men, as an omnivore. */
  return g_strdup_printf (_("No profile yet: Fresh Legs assumes an adult runner born in %d, "
                            "with the drinking goal for men (2.0 L) and an omnivore diet. "
                            "Set your profile for figures that fit you."),
                          FL_PROFILE_DEFAULT_BIRTH_YEAR);
}
