/* fl-cooldown-page-session.c: one moment of a cool-down, large
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stretch (its illustration, mirrored for the right side), what kind of
 * moment it is, the side in words, the countdown, the progress through the
 * whole session and what comes next: all read from the session and its
 * routine, none of it computed here but the drawing. See
 * fl-cooldown-page-private.h.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-cooldown-page-private.h"
#include "fl-cooldown-stats.h"

/* {{{ Words */

/* The muscle ids of the stretch catalogue (data/routines/stretches.json),
 * as a runner says them. A runner's own routine may name others: those are
 * shown as written. */
static const struct
{
  const char *id;
  const char *name;
} muscle_names[] = {
  { "quadriceps", NC_("muscle", "quadriceps") },
  { "hamstrings", NC_("muscle", "hamstrings") },
  { "glutes", NC_("muscle", "glutes") },
  { "hips", NC_("muscle", "hips") },
  { "hip-flexors", NC_("muscle", "hip flexors") },
  { "adductors", NC_("muscle", "inner thighs") },
  { "it-band", NC_("muscle", "IT band") },
  { "calves", NC_("muscle", "calves") },
  { "lower-back", NC_("muscle", "lower back") },
  { "chest", NC_("muscle", "chest") },
  { "shoulders", NC_("muscle", "shoulders") },
  { "triceps", NC_("muscle", "triceps") },
};

static const char *
muscle_name (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (muscle_names); i++)
    if (g_str_equal (muscle_names[i].id, id))
      return g_dpgettext2 (GETTEXT_PACKAGE, "muscle", muscle_names[i].name);

  return id;
}

/* "Quadriceps, hip flexors" */
char *
fl_cooldown_page_format_muscles (const FlStretch *stretch)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *first = NULL;
  const char *rest;

  for (guint i = 0; stretch->muscles[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between two muscles in a list */
        g_string_append (text, _(", "));
      g_string_append (text, muscle_name (stretch->muscles[i]));
    }

  if (text->len == 0)
    return g_strdup ("");

  /* A capital first letter, in any script */
  rest = g_utf8_next_char (text->str);
  first = g_utf8_strup (text->str, rest - text->str);

  return g_strconcat (first, rest, NULL);
}

static const char *
side_text (FlSide side)
{
  switch (side)
    {
    case FL_SIDE_LEFT:
      return _("Left side");
    case FL_SIDE_RIGHT:
      return _("Right side");
    case FL_SIDE_BOTH:
      return _("Both sides");
    case FL_SIDE_NONE:
    default:
      return "";
    }
}

/* The illustration of a stretch, or of the muscle it works */
char *
fl_cooldown_page_stretch_icon (FlCooldownPage  *self,
                               const FlStretch *stretch)
{
  return fl_stretch_figure_icon_for_stretch (gtk_widget_get_display (GTK_WIDGET (self)),
                                             stretch->id, (const char * const *) stretch->muscles);
}

/* }}} */
/* {{{ Steps */

/* The hold a step is about: a hold itself, or the hold a lead-in or change
 * leads to (the step after it: a change always sits between two holds). */
static guint
shown_hold_step (FlRoutine *routine,
                 guint      index)
{
  guint n = fl_routine_get_n_steps (routine);

  while (index + 1 < n && fl_routine_get_step (routine, index)->kind != FL_STEP_HOLD)
    index++;

  return index;
}

/* The hold after the one at @hold_step, or -1 at the last */
static int
next_hold_step (FlRoutine *routine,
                guint      hold_step)
{
  for (guint i = hold_step + 1; i < fl_routine_get_n_steps (routine); i++)
    if (fl_routine_get_step (routine, i)->kind == FL_STEP_HOLD)
      return i;

  return -1;
}

static int
previous_hold_step (FlRoutine *routine,
                    guint      index)
{
  for (guint i = index; i > 0; i--)
    if (fl_routine_get_step (routine, i - 1)->kind == FL_STEP_HOLD)
      return i - 1;

  return -1;
}

gboolean
fl_cooldown_page_session_is_active (FlCooldownPage *self)
{
  FlStretchSessionState state;

  if (self->session == NULL)
    return FALSE;

  state = fl_stretch_session_get_state (self->session);
  return state == FL_STRETCH_SESSION_RUNNING || state == FL_STRETCH_SESSION_PAUSED;
}

/* Milliseconds of the session behind the runner, on the session's own
 * figures: where the current step ends, less what is left of it */
static gint64
session_elapsed_ms (FlCooldownPage *self)
{
  FlRoutine *routine = fl_stretch_session_get_routine (self->session);
  const FlRoutineStep *step = fl_stretch_session_get_step (self->session);

  if (fl_stretch_session_get_state (self->session) == FL_STRETCH_SESSION_DONE)
    return (gint64) fl_routine_get_total_s (routine) * 1000;

  return (gint64) (step->start_s + step->seconds) * 1000 - fl_stretch_session_get_remaining_ms (self->session);
}

/* }}} */
/* {{{ Sound */

void
fl_cooldown_page_play_cue (FlCooldownPage *self,
                           const char     *event_id,
                           const char     *description)
{
#ifdef HAVE_GSOUND
  g_autoptr(GError) error = NULL;

  if (self->sound == NULL && !self->sound_failed)
    {
      self->sound = gsound_context_new (NULL, &error);
      if (self->sound == NULL)
        {
          /* No sound system: the cool-down goes on, silent */
          g_debug ("No sound cues: %s", error->message);
          self->sound_failed = TRUE;
          return;
        }
    }

  if (self->sound == NULL)
    return;

  /* Returns at once: the sound plays on its own (no sound server: an
   * error, and silence) */
  if (!gsound_context_play_simple (self->sound, NULL, &error,
                                   GSOUND_ATTR_EVENT_ID, event_id,
                                   GSOUND_ATTR_EVENT_DESCRIPTION, description,
                                   GSOUND_ATTR_MEDIA_ROLE, "event",
                                   NULL))
    {
      /* No sound server or card: not again for this session (each try
       * costs a few milliseconds and, on ALSA, lines on stderr) */
      g_debug ("Sound cue “%s” not played: %s", event_id, error->message);
      g_clear_object (&self->sound);
      self->sound_failed = TRUE;
    }
#endif
}

/* }}} */
/* {{{ During a session */

static void
draw_rounded (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height)
{
  double radius = MIN (height, width) / 2.0;

  if (width <= 0)
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* One segment per hold, as long as its time (with the lead-in or change
 * before it); the gaps between them are the step marks. */
void
fl_cooldown_page_draw_progress (GtkDrawingArea *area,
                                cairo_t        *cr,
                                int             width,
                                int             height,
                                gpointer        user_data)
{
  FlCooldownPage *self = user_data;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  FlRoutine *routine;
  GdkRGBA fg, accent;
  double gap = 3, usable, x = 0;
  gint64 elapsed_ms;
  int total_s, segment_start_s = 0;
  guint n_holds;

  if (self->session == NULL)
    return;

  routine = fl_stretch_session_get_routine (self->session);
  total_s = fl_routine_get_total_s (routine);
  n_holds = fl_routine_get_n_holds (routine);
  if (total_s <= 0 || n_holds == 0)
    return;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = fg;

  if (width < (int) n_holds * 4)
    gap = 0;
  usable = width - gap * (n_holds - 1);
  elapsed_ms = session_elapsed_ms (self);

  for (guint i = 0; i < fl_routine_get_n_steps (routine); i++)
    {
      const FlRoutineStep *step = fl_routine_get_step (routine, i);
      int segment_end_s;
      double segment_width, fraction;

      if (step->kind != FL_STEP_HOLD)
        continue;

      segment_end_s = step->start_s + step->seconds;
      segment_width = usable * (segment_end_s - segment_start_s) / total_s;
      fraction = (double) (elapsed_ms - (gint64) segment_start_s * 1000) /
                 ((gint64) (segment_end_s - segment_start_s) * 1000);
      fraction = CLAMP (fraction, 0.0, 1.0);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.15);
      draw_rounded (cr, x, 0, segment_width, height);
      if (fraction > 0)
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          draw_rounded (cr, x, 0, MAX (segment_width * fraction, MIN (segment_width, height)), height);
        }

      x += segment_width + gap;
      segment_start_s = segment_end_s;
    }
}

/* What changes once a second: the countdown, the time left, the bar */
void
fl_cooldown_page_update_time (FlCooldownPage *self)
{
  FlRoutine *routine = fl_stretch_session_get_routine (self->session);
  gint64 remaining_ms = fl_stretch_session_get_remaining_ms (self->session);
  gint64 left_ms = (gint64) fl_routine_get_total_s (routine) * 1000 - session_elapsed_ms (self);
  g_autofree char *countdown = NULL;
  g_autofree char *left_clock = NULL;
  g_autofree char *left = NULL;

  /* Whole seconds, rounded up: "3, 2, 1" and never 0 while a step runs */
  countdown = g_strdup_printf ("%" G_GINT64_FORMAT, (remaining_ms + 999) / 1000);
  gtk_label_set_label (self->countdown_label, countdown);

  left_clock = fl_cooldown_format_clock ((int) ((left_ms + 999) / 1000));
  /* Translators: the time left of the whole cool-down: "8:12 left" */
  left = g_strdup_printf (_("%s left"), left_clock);
  gtk_label_set_label (self->left_label, left);

  gtk_widget_queue_draw (GTK_WIDGET (self->progress_area));
}

static void
update_pause_button (FlCooldownPage *self)
{
  gboolean paused = fl_stretch_session_get_state (self->session) == FL_STRETCH_SESSION_PAUSED;
  const char *tooltip = paused ? _("Resume (Space)") : _("Pause (Space)");

  /* Only when it changes: a new tooltip makes GTK ask the X server where
   * the pointer is, a wake-up at every step for nothing */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->pause_button), tooltip) == 0)
    return;

  gtk_image_set_from_icon_name (self->pause_image,
                                paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (self->pause_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _("Resume the cool-down") : _("Pause the cool-down"),
                                  -1);
}

/* Everything about the current step: the stretch, its side, what kind of
 * step it is, what comes next */
void
fl_cooldown_page_update_step (FlCooldownPage *self)
{
  FlRoutine *routine = fl_stretch_session_get_routine (self->session);
  guint index = fl_stretch_session_get_current_step (self->session);
  const FlRoutineStep *step = fl_routine_get_step (routine, index);
  guint hold_index = shown_hold_step (routine, index);
  const FlRoutineStep *hold = fl_routine_get_step (routine, hold_index);
  gboolean paused = fl_stretch_session_get_state (self->session) == FL_STRETCH_SESSION_PAUSED;
  g_autofree char *icon = fl_cooldown_page_stretch_icon (self, hold->stretch);
  g_autofree char *muscles = fl_cooldown_page_format_muscles (hold->stretch);
  g_autofree char *step_text = NULL;
  g_autofree char *figure_label = NULL;
  g_autofree char *next = NULL;
  g_autofree char *value_text = NULL;
  const char *kind;
  int next_index;

  /* What kind of moment this is, in one or two words */
  if (paused)
    kind = _("Paused");
  else if (step->kind == FL_STEP_HOLD)
    kind = _("Hold");
  else if (step->kind == FL_STEP_LEAD_IN)
    kind = _("Get ready");
  else
    {
      int previous = previous_hold_step (routine, index);
      const FlRoutineStep *before = previous >= 0 ? fl_routine_get_step (routine, previous) : NULL;

      if (before != NULL && before->stretch == hold->stretch && before->side != hold->side)
        kind = _("Change sides");
      else if (before != NULL && before->stretch == hold->stretch)
        kind = _("Relax, then again");
      else
        kind = _("Next stretch");
    }
  gtk_label_set_label (self->kind_label, kind);

  gtk_label_set_label (self->name_label, hold->stretch->name);
  gtk_label_set_label (self->side_label, side_text (hold->side));
  gtk_widget_set_visible (GTK_WIDGET (self->side_label), hold->side != FL_SIDE_NONE);
  gtk_label_set_label (self->how_label, hold->stretch->how);
  gtk_widget_set_visible (GTK_WIDGET (self->how_label), *hold->stretch->how != '\0');
  gtk_label_set_label (self->muscles_label, muscles);
  gtk_widget_set_visible (GTK_WIDGET (self->muscles_label), *muscles != '\0');

  /* The drawings show the left side; the right is its mirror image */
  fl_stretch_figure_set_icon_name (self->figure, icon);
  fl_stretch_figure_set_mirrored (self->figure, hold->side == FL_SIDE_RIGHT);
  /* Translators: the illustration for a screen reader: "Standing quad stretch, Left side" */
  figure_label = g_strdup_printf (_("%s, %s"), hold->stretch->name, side_text (hold->side));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hold->side != FL_SIDE_NONE ? figure_label : hold->stretch->name,
                                  -1);

  /* Translators: where the runner is: "Stretch 3 of 17" */
  step_text = g_strdup_printf (_("Stretch %u of %u"), hold->hold_index + 1, fl_routine_get_n_holds (routine));
  gtk_label_set_label (self->step_label, step_text);
  /* Said once a step, not once a second: a screen reader would never stop */
  value_text = g_strdup_printf ("%s, %s", step_text, kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_area),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) fl_routine_get_n_holds (routine),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) hold->hold_index,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);

  next_index = next_hold_step (routine, hold_index);
  if (next_index < 0)
    next = g_strdup (_("Last stretch"));
  else
    {
      const FlRoutineStep *after = fl_routine_get_step (routine, next_index);

      if (after->side == FL_SIDE_LEFT)
        /* Translators: what comes after this stretch: "Next: Standing hamstring stretch, left side" */
        next = g_strdup_printf (_("Next: %s, left side"), after->stretch->name);
      else if (after->side == FL_SIDE_RIGHT)
        /* Translators: what comes after this stretch: "Next: Standing hamstring stretch, right side" */
        next = g_strdup_printf (_("Next: %s, right side"), after->stretch->name);
      else
        /* Translators: what comes after this stretch: "Next: Doorway chest stretch" */
        next = g_strdup_printf (_("Next: %s"), after->stretch->name);
    }
  gtk_label_set_label (self->next_label, next);

  if (step->kind != FL_STEP_HOLD)
    gtk_widget_add_css_class (self->session_box, "preparing");
  else
    gtk_widget_remove_css_class (self->session_box, "preparing");
  if (paused)
    gtk_widget_add_css_class (self->session_box, "paused");
  else
    gtk_widget_remove_css_class (self->session_box, "paused");

  update_pause_button (self);
  fl_cooldown_page_update_time (self);
}
/* }}} */
