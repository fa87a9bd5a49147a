/* fl-progress-ring.c: a ring that fills as a value approaches its maximum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-progress-ring.h"

/* Large enough for "1500 ml" in title-1 inside the ring */
#define RING_MIN_SIZE     168
#define RING_NATURAL_SIZE 208

struct _FlProgressRing
{
  GtkWidget  parent_instance;

  double     value;
  double     maximum;

  GtkWidget *box;
  GtkWidget *text_label;
  GtkWidget *secondary_label;
  GtkWidget *percent_label;
};

G_DEFINE_FINAL_TYPE (FlProgressRing, fl_progress_ring, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_MAXIMUM,
  PROP_TEXT,
  PROP_SECONDARY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
get_fraction (FlProgressRing *self)
{
  if (self->maximum <= 0)
    return 0;

  return CLAMP (self->value / self->maximum, 0, G_MAXDOUBLE);
}

static void
update_state (FlProgressRing *self)
{
  g_autofree char *percent = NULL;
  g_autofree char *value_text = NULL;

  /* Translators: a percentage, as in "21 %" */
  percent = g_strdup_printf (_("%d %%"), fl_progress_ring_get_percent (self));
  gtk_label_set_label (GTK_LABEL (self->percent_label), percent);

  /* Translators: the ring's value for a screen reader: "750 ml of 3.55 L, 21 %" */
  value_text = g_strdup_printf (_("%s %s, %s"),
                                gtk_label_get_label (GTK_LABEL (self->text_label)),
                                gtk_label_get_label (GTK_LABEL (self->secondary_label)),
                                percent);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, MAX (self->maximum, 0.0),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  CLAMP (self->value, 0.0, MAX (self->maximum, 0.0)),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fl_progress_ring_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  FlProgressRing *self = FL_PROGRESS_RING (widget);
  int child_width, child_height, diagonal;

  /* The labels sit inside the ring, which is drawn in the smaller of the
   * two sides: ask for a square whose inscribed circle holds the labels'
   * box (its diagonal) with the ring's thickness around it, in both
   * orientations alike, so a long text such as "6 h 10 min" never runs
   * over the ring. */
  gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
  diagonal = (int) ceil (sqrt ((double) child_width * child_width + (double) child_height * child_height));

  *minimum = MAX (RING_MIN_SIZE, diagonal + 32);
  *natural = MAX (RING_NATURAL_SIZE, diagonal + 40);
}

static void
fl_progress_ring_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  FlProgressRing *self = FL_PROGRESS_RING (widget);
  int child_width, child_height;

  gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
  child_width = MIN (child_width, width);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height, NULL, NULL);
  child_height = MIN (child_height, height);

  gtk_widget_size_allocate (self->box,
                            &(GtkAllocation) {
                              (width - child_width) / 2,
                              (height - child_height) / 2,
                              child_width,
                              child_height,
                            },
                            -1);
}

static void
fl_progress_ring_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  FlProgressRing *self = FL_PROGRESS_RING (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double thickness = MAX (8, round (size * 0.08));
  double radius = (size - thickness) / 2;
  double fraction = MIN (get_fraction (self), 1.0);
  GdkRGBA fg, accent;
  cairo_t *cr;

  /* Colours come from the theme, so that the ring follows dark mode and the
   * accent colour like the rest of libadwaita. */
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = fg;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, thickness);

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.12);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  if (fraction > 0)
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_cap (cr, fraction < 1.0 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
      cairo_arc (cr, width / 2.0, height / 2.0, radius,
                 -G_PI / 2, -G_PI / 2 + 2 * G_PI * fraction);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);

  gtk_widget_snapshot_child (widget, self->box, snapshot);
}

static void
fl_progress_ring_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (fl_progress_ring_parent_class)->css_changed (widget, change);

  /* The accent or the foreground colour may have changed (dark mode) */
  gtk_widget_queue_draw (widget);
}

static void
fl_progress_ring_dispose (GObject *object)
{
  FlProgressRing *self = FL_PROGRESS_RING (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (fl_progress_ring_parent_class)->dispose (object);
}

static void
fl_progress_ring_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FlProgressRing *self = FL_PROGRESS_RING (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_MAXIMUM:
      g_value_set_double (value, self->maximum);
      break;
    case PROP_TEXT:
      g_value_set_string (value, fl_progress_ring_get_text (self));
      break;
    case PROP_SECONDARY_TEXT:
      g_value_set_string (value, fl_progress_ring_get_secondary_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_progress_ring_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FlProgressRing *self = FL_PROGRESS_RING (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      fl_progress_ring_set_value (self, g_value_get_double (value));
      break;
    case PROP_MAXIMUM:
      fl_progress_ring_set_maximum (self, g_value_get_double (value));
      break;
    case PROP_TEXT:
      fl_progress_ring_set_text (self, g_value_get_string (value));
      break;
    case PROP_SECONDARY_TEXT:
      fl_progress_ring_set_secondary_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_progress_ring_class_init (FlProgressRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_progress_ring_dispose;
  object_class->get_property = fl_progress_ring_get_property;
  object_class->set_property = fl_progress_ring_set_property;

  widget_class->measure = fl_progress_ring_measure;
  widget_class->size_allocate = fl_progress_ring_size_allocate;
  widget_class->snapshot = fl_progress_ring_snapshot;
  widget_class->css_changed = fl_progress_ring_css_changed;

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAXIMUM] =
    g_param_spec_double ("maximum", NULL, NULL,
                         0, G_MAXDOUBLE, 1,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECONDARY_TEXT] =
    g_param_spec_string ("secondary-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "flprogressring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
fl_progress_ring_init (FlProgressRing *self)
{
  self->maximum = 1;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->text_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->text_label, "title-1");
  gtk_widget_add_css_class (self->text_label, "numeric");
  gtk_box_append (GTK_BOX (self->box), self->text_label);

  self->secondary_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->secondary_label, "numeric");
  gtk_box_append (GTK_BOX (self->box), self->secondary_label);

  self->percent_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->percent_label, "dim-label");
  gtk_widget_add_css_class (self->percent_label, "caption");
  gtk_widget_add_css_class (self->percent_label, "numeric");
  gtk_widget_set_margin_top (self->percent_label, 4);
  gtk_box_append (GTK_BOX (self->box), self->percent_label);

  update_state (self);
}

GtkWidget *
fl_progress_ring_new (void)
{
  return g_object_new (FL_TYPE_PROGRESS_RING, NULL);
}

double
fl_progress_ring_get_value (FlProgressRing *self)
{
  g_return_val_if_fail (FL_IS_PROGRESS_RING (self), 0);

  return self->value;
}

void
fl_progress_ring_set_value (FlProgressRing *self,
                            double          value)
{
  g_return_if_fail (FL_IS_PROGRESS_RING (self));

  value = MAX (value, 0);
  if (self->value == value)
    return;

  self->value = value;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

double
fl_progress_ring_get_maximum (FlProgressRing *self)
{
  g_return_val_if_fail (FL_IS_PROGRESS_RING (self), 0);

  return self->maximum;
}

void
fl_progress_ring_set_maximum (FlProgressRing *self,
                              double          maximum)
{
  g_return_if_fail (FL_IS_PROGRESS_RING (self));

  maximum = MAX (maximum, 0);
  if (self->maximum == maximum)
    return;

  self->maximum = maximum;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
}

const char *
fl_progress_ring_get_text (FlProgressRing *self)
{
  g_return_val_if_fail (FL_IS_PROGRESS_RING (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->text_label));
}

void
fl_progress_ring_set_text (FlProgressRing *self,
                           const char     *text)
{
  g_return_if_fail (FL_IS_PROGRESS_RING (self));

  if (g_strcmp0 (text, fl_progress_ring_get_text (self)) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->text_label), text);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
fl_progress_ring_get_secondary_text (FlProgressRing *self)
{
  g_return_val_if_fail (FL_IS_PROGRESS_RING (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->secondary_label));
}

void
fl_progress_ring_set_secondary_text (FlProgressRing *self,
                                     const char     *text)
{
  g_return_if_fail (FL_IS_PROGRESS_RING (self));

  if (g_strcmp0 (text, fl_progress_ring_get_secondary_text (self)) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->secondary_label), text);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDARY_TEXT]);
}

int
fl_progress_ring_get_percent (FlProgressRing *self)
{
  g_return_val_if_fail (FL_IS_PROGRESS_RING (self), 0);

  return (int) round (get_fraction (self) * 100);
}
