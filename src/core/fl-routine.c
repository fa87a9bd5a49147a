/* fl-routine.c: a stretch routine, read from JSON and laid out as timed steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented at the top of fl-routine.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fl-routine-private.h"

G_DEFINE_FINAL_TYPE (FlRoutine, fl_routine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_TOTAL_S,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (fl-routine-error-quark, fl_routine_error)

void
fl_routine_stretch_free (gpointer data)
{
  FlStretch *stretch = data;

  g_free (stretch->id);
  g_free (stretch->name);
  g_free (stretch->how);
  g_strfreev (stretch->muscles);
  g_free (stretch);
}

/* Shipped routines */

static FlRoutine *
load_shipped (const char  *name,
              GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!fl_routine_is_valid_name (name) || g_str_equal (name, "stretches"))
    return NULL;

  path = g_strconcat (ROUTINES_PATH, name, ".json", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  return fl_routine_new_from_data_full (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        FL_ROUTINE_FLAGS_NONE, TRUE, error);
}

gboolean
fl_routine_is_shipped_name (const char *name)
{
  g_autofree char *path = NULL;

  if (!fl_routine_is_valid_name (name) || g_str_equal (name, "stretches"))
    return FALSE;

  path = g_strconcat (ROUTINES_PATH, name, ".json", NULL);
  return g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

static char **
shipped_names (void)
{
  g_auto(GStrv) children = g_resources_enumerate_children (ROUTINES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      if (!g_str_has_suffix (children[i], ".json") || g_str_equal (children[i], "stretches.json"))
        continue;
      g_ptr_array_add (names, g_strndup (children[i], strlen (children[i]) - strlen (".json")));
    }
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_steal (names, NULL);
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  FlRoutine *ra = *(FlRoutine **) a;
  FlRoutine *rb = *(FlRoutine **) b;

  return strcmp (ra->name, rb->name);
}

static int
compare_by_length (gconstpointer a,
                   gconstpointer b)
{
  FlRoutine *ra = *(FlRoutine **) a;
  FlRoutine *rb = *(FlRoutine **) b;

  if (ra->total_s != rb->total_s)
    return ra->total_s < rb->total_s ? -1 : 1;
  return strcmp (ra->name, rb->name);
}

FlRoutine *
fl_routine_lookup (const char  *name,
                   GError     **error)
{
  g_autoptr(GPtrArray) user = NULL;
  FlRoutine *routine;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (fl_routine_is_shipped_name (name))
    return load_shipped (name, error);

  user = fl_routine_list_user ();
  for (guint i = 0; i < user->len; i++)
    {
      routine = g_ptr_array_index (user, i);
      if (g_str_equal (routine->name, name))
        return g_object_ref (routine);
    }

  g_set_error (error, FL_ROUTINE_ERROR, FL_ROUTINE_ERROR_NOT_FOUND,
               _("There is no routine called “%s”."), name);
  return NULL;
}

GPtrArray *
fl_routine_list_all (void)
{
  g_autoptr(GPtrArray) routines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) user = fl_routine_list_user ();
  g_auto(GStrv) names = shipped_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      FlRoutine *routine = load_shipped (names[i], &error);

      /* A shipped routine that does not validate is a bug the tests catch */
      if (routine == NULL)
        g_critical ("Shipped routine “%s” is invalid: %s", names[i], error ? error->message : "?");
      else
        g_ptr_array_add (routines, routine);
    }
  g_ptr_array_sort (routines, compare_by_length);

  g_ptr_array_sort (user, compare_by_name);
  for (guint i = 0; i < user->len; i++)
    g_ptr_array_add (routines, g_object_ref (g_ptr_array_index (user, i)));

  return g_steal_pointer (&routines);
}

/* Accessors */

const char *
fl_routine_get_name (FlRoutine *self)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), NULL);

  return self->name;
}

const char *
fl_routine_get_title (FlRoutine *self)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), NULL);

  return self->title;
}

gboolean
fl_routine_is_shipped (FlRoutine *self)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), FALSE);

  return self->shipped;
}

int
fl_routine_get_total_s (FlRoutine *self)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), 0);

  return self->total_s;
}

guint
fl_routine_get_n_steps (FlRoutine *self)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), 0);

  return self->steps->len;
}

const FlRoutineStep *
fl_routine_get_step (FlRoutine *self,
                     guint      index)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return &g_array_index (self->steps, FlRoutineStep, index);
}

guint
fl_routine_get_n_holds (FlRoutine *self)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), 0);

  return self->n_holds;
}

int
fl_routine_get_seconds_for_holds (FlRoutine *self,
                                  guint      n_holds)
{
  g_return_val_if_fail (FL_IS_ROUTINE (self), 0);

  if (n_holds == 0)
    return 0;

  for (guint i = 0; i < self->steps->len; i++)
    {
      const FlRoutineStep *step = &g_array_index (self->steps, FlRoutineStep, i);

      if (step->kind == FL_STEP_HOLD && step->hold_index + 1 == n_holds)
        return step->start_s + step->seconds;
    }

  return self->total_s;
}

const char *
fl_step_kind_to_string (FlStepKind kind)
{
  switch (kind)
    {
    case FL_STEP_LEAD_IN:
      return "lead-in";
    case FL_STEP_HOLD:
      return "hold";
    case FL_STEP_CHANGE:
      return "change";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
fl_side_to_string (FlSide side)
{
  switch (side)
    {
    case FL_SIDE_LEFT:
      return "left";
    case FL_SIDE_RIGHT:
      return "right";
    case FL_SIDE_BOTH:
      return "both";
    case FL_SIDE_NONE:
    default:
      return NULL;
    }
}

JsonNode *
fl_routine_to_json (FlRoutine *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (FL_IS_ROUTINE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "total_s");
  json_builder_add_int_value (builder, self->total_s);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const FlRoutineStep *step = &g_array_index (self->steps, FlRoutineStep, i);
      const char *side = fl_side_to_string (step->side);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, fl_step_kind_to_string (step->kind));
      json_builder_set_member_name (builder, "stretch");
      json_builder_add_string_value (builder, step->stretch->id);
      json_builder_set_member_name (builder, "side");
      if (side != NULL)
        json_builder_add_string_value (builder, side);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_int_value (builder, step->seconds);
      json_builder_set_member_name (builder, "muscles");
      json_builder_begin_array (builder);
      for (guint m = 0; step->stretch->muscles[m] != NULL; m++)
        json_builder_add_string_value (builder, step->stretch->muscles[m]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* GObject */

static void
fl_routine_finalize (GObject *object)
{
  FlRoutine *self = FL_ROUTINE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->stretches, g_ptr_array_unref);

  G_OBJECT_CLASS (fl_routine_parent_class)->finalize (object);
}

static void
fl_routine_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FlRoutine *self = FL_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TOTAL_S:
      g_value_set_int (value, self->total_s);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_routine_class_init (FlRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fl_routine_finalize;
  object_class->get_property = fl_routine_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TOTAL_S] =
    g_param_spec_int ("total-s", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fl_routine_init (FlRoutine *self)
{
  self->stretches = g_ptr_array_new_with_free_func (fl_routine_stretch_free);
  self->steps = g_array_new (FALSE, TRUE, sizeof (FlRoutineStep));
}
