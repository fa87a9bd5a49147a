/* fl-stretch-figure.c: a stretch's illustration, large, mirrored for the other side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The illustrations are symbolic icons, so GTK recolours them with the text
 * colour (one drawing for light, dark and high contrast) and renders the SVG
 * at the size it is shown, sharp at any scale. A GtkImage would do all of
 * that but the mirroring, which is why this widget exists.
 */
#include "config.h"

#include "fl-stretch-figure.h"

#define DEFAULT_PIXEL_SIZE 192
/* Below this the line art stops being readable from a mat */
#define SHRINK_LIMIT 96

struct _FlStretchFigure
{
  GtkWidget     parent_instance;

  char         *icon_name;
  gboolean      mirrored;
  int           pixel_size;

  /* The icon looked up for the size last drawn */
  GdkPaintable *paintable;
  int           paintable_size;
};

G_DEFINE_FINAL_TYPE (FlStretchFigure, fl_stretch_figure, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_MIRRORED,
  PROP_PIXEL_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
drop_paintable (FlStretchFigure *self)
{
  g_clear_object (&self->paintable);
  self->paintable_size = 0;
}

static GtkIconTheme *
get_icon_theme (FlStretchFigure *self)
{
  return gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
}

static GdkPaintable *
ensure_paintable (FlStretchFigure *self,
                  int              size)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->paintable != NULL && self->paintable_size == size)
    return self->paintable;

  drop_paintable (self);

  if (!fl_stretch_figure_has_icon (self))
    return NULL;

  self->paintable = GDK_PAINTABLE (gtk_icon_theme_lookup_icon (get_icon_theme (self),
                                                               self->icon_name,
                                                               NULL,
                                                               size,
                                                               scale,
                                                               gtk_widget_get_direction (GTK_WIDGET (self)),
                                                               0));
  self->paintable_size = size;

  return self->paintable;
}

static void
fl_stretch_figure_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  FlStretchFigure *self = FL_STRETCH_FIGURE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int size = MIN (MIN (width, height), self->pixel_size);
  GdkPaintable *paintable;
  /* GTK's symbolic colours: foreground, error, warning, success */
  GdkRGBA colors[4];

  if (size <= 0)
    return;

  paintable = ensure_paintable (self, size);
  if (paintable == NULL)
    return;

  gtk_style_context_get_color (context, &colors[0]);
  if (!gtk_style_context_lookup_color (context, "error_color", &colors[1]))
    colors[1] = colors[0];
  if (!gtk_style_context_lookup_color (context, "warning_color", &colors[2]))
    colors[2] = colors[0];
  if (!gtk_style_context_lookup_color (context, "success_color", &colors[3]))
    colors[3] = colors[0];

  gtk_snapshot_save (snapshot);
  /* Centred in the allocation; mirrored about the vertical axis through the
   * centre, so the figure stays where it was and only faces the other way */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0f, height / 2.0f));
  if (self->mirrored)
    gtk_snapshot_scale (snapshot, -1.0f, 1.0f);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-size / 2.0f, -size / 2.0f));

  if (GTK_IS_SYMBOLIC_PAINTABLE (paintable))
    gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot,
                                              size, size, colors, G_N_ELEMENTS (colors));
  else
    gdk_paintable_snapshot (paintable, snapshot, size, size);

  gtk_snapshot_restore (snapshot);
}

static void
fl_stretch_figure_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  FlStretchFigure *self = FL_STRETCH_FIGURE (widget);

  *minimum = MIN (self->pixel_size, SHRINK_LIMIT);
  *natural = self->pixel_size;
}

static void
fl_stretch_figure_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  FlStretchFigure *self = FL_STRETCH_FIGURE (widget);

  GTK_WIDGET_CLASS (fl_stretch_figure_parent_class)->css_changed (widget, change);

  /* Another icon theme, or dark after light: look up and draw again */
  drop_paintable (self);
  gtk_widget_queue_draw (widget);
}

static void
fl_stretch_figure_dispose (GObject *object)
{
  FlStretchFigure *self = FL_STRETCH_FIGURE (object);

  drop_paintable (self);

  G_OBJECT_CLASS (fl_stretch_figure_parent_class)->dispose (object);
}

static void
fl_stretch_figure_finalize (GObject *object)
{
  FlStretchFigure *self = FL_STRETCH_FIGURE (object);

  g_free (self->icon_name);

  G_OBJECT_CLASS (fl_stretch_figure_parent_class)->finalize (object);
}

static void
fl_stretch_figure_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FlStretchFigure *self = FL_STRETCH_FIGURE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_MIRRORED:
      g_value_set_boolean (value, self->mirrored);
      break;
    case PROP_PIXEL_SIZE:
      g_value_set_int (value, self->pixel_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_stretch_figure_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FlStretchFigure *self = FL_STRETCH_FIGURE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      fl_stretch_figure_set_icon_name (self, g_value_get_string (value));
      break;
    case PROP_MIRRORED:
      fl_stretch_figure_set_mirrored (self, g_value_get_boolean (value));
      break;
    case PROP_PIXEL_SIZE:
      fl_stretch_figure_set_pixel_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_stretch_figure_class_init (FlStretchFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_stretch_figure_dispose;
  object_class->finalize = fl_stretch_figure_finalize;
  object_class->get_property = fl_stretch_figure_get_property;
  object_class->set_property = fl_stretch_figure_set_property;

  widget_class->snapshot = fl_stretch_figure_snapshot;
  widget_class->measure = fl_stretch_figure_measure;
  widget_class->css_changed = fl_stretch_figure_css_changed;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MIRRORED] =
    g_param_spec_boolean ("mirrored", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PIXEL_SIZE] =
    g_param_spec_int ("pixel-size", NULL, NULL,
                      16, 1024, DEFAULT_PIXEL_SIZE,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stretch-figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fl_stretch_figure_init (FlStretchFigure *self)
{
  self->pixel_size = DEFAULT_PIXEL_SIZE;
}

GtkWidget *
fl_stretch_figure_new (void)
{
  return g_object_new (FL_TYPE_STRETCH_FIGURE, NULL);
}

const char *
fl_stretch_figure_get_icon_name (FlStretchFigure *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_FIGURE (self), NULL);

  return self->icon_name;
}

void
fl_stretch_figure_set_icon_name (FlStretchFigure *self,
                                 const char      *icon_name)
{
  g_return_if_fail (FL_IS_STRETCH_FIGURE (self));

  if (g_strcmp0 (self->icon_name, icon_name) == 0)
    return;

  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);

  drop_paintable (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

gboolean
fl_stretch_figure_get_mirrored (FlStretchFigure *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_FIGURE (self), FALSE);

  return self->mirrored;
}

void
fl_stretch_figure_set_mirrored (FlStretchFigure *self,
                                gboolean         mirrored)
{
  g_return_if_fail (FL_IS_STRETCH_FIGURE (self));

  mirrored = !!mirrored;
  if (self->mirrored == mirrored)
    return;

  self->mirrored = mirrored;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIRRORED]);
}

int
fl_stretch_figure_get_pixel_size (FlStretchFigure *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_FIGURE (self), DEFAULT_PIXEL_SIZE);

  return self->pixel_size;
}

void
fl_stretch_figure_set_pixel_size (FlStretchFigure *self,
                                  int              pixel_size)
{
  g_return_if_fail (FL_IS_STRETCH_FIGURE (self));
  g_return_if_fail (pixel_size > 0);

  if (self->pixel_size == pixel_size)
    return;

  self->pixel_size = pixel_size;
  drop_paintable (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXEL_SIZE]);
}

gboolean
fl_stretch_figure_has_icon (FlStretchFigure *self)
{
  g_return_val_if_fail (FL_IS_STRETCH_FIGURE (self), FALSE);

  return self->icon_name != NULL &&
         gtk_icon_theme_has_icon (get_icon_theme (self), self->icon_name);
}

char *
fl_stretch_figure_icon_for_stretch (GdkDisplay         *display,
                                    const char         *stretch_id,
                                    const char * const *muscles)
{
  GtkIconTheme *theme;
  char *icon;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);
  g_return_val_if_fail (stretch_id != NULL, NULL);

  icon = g_strconcat ("stretch-", stretch_id, "-symbolic", NULL);
  theme = gtk_icon_theme_get_for_display (display);
  if (gtk_icon_theme_has_icon (theme, icon))
    return icon;

  for (guint i = 0; muscles != NULL && muscles[i] != NULL; i++)
    {
      g_autofree char *other = g_strconcat ("stretch-", muscles[i], "-symbolic", NULL);

      if (gtk_icon_theme_has_icon (theme, other))
        {
          g_free (icon);
          return g_steal_pointer (&other);
        }
    }

  return icon;
}
