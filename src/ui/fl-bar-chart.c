/* fl-bar-chart.c: daily bars against each day's target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "fl-bar-chart.h"

#define CHECK_SPACE    18       /* above the tallest bar, for the check mark */
#define LABEL_SPACING  6
#define MIN_SLOT_WIDTH 14

typedef struct
{
  double  value;
  double  target;
  char   *label;
  char   *long_label;
} Bar;

struct _FlBarChart
{
  GtkWidget             parent_instance;

  GArray               *bars;           /* of Bar */
  FlBarChartFormatFunc  format_func;
  gpointer              format_data;
  GDestroyNotify        format_destroy;
};

G_DEFINE_FINAL_TYPE (FlBarChart, fl_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->label, g_free);
  g_clear_pointer (&bar->long_label, g_free);
}

static gboolean
bar_met (const Bar *bar)
{
  return bar->target > 0 && bar->value >= bar->target;
}

static char *
format_value (FlBarChart *self,
              double      value)
{
  if (self->format_func != NULL)
    return self->format_func (value, self->format_data);

  return g_strdup_printf ("%g", value);
}

static const char *
bar_name (const Bar *bar)
{
  if (bar->long_label != NULL)
    return bar->long_label;

  return bar->label != NULL ? bar->label : "";
}

static char *
describe_bar (FlBarChart *self,
              const Bar  *bar)
{
  g_autofree char *value = format_value (self, bar->value);
  g_autofree char *target = NULL;

  if (bar->target <= 0)
    /* Translators: one bar of a chart: "Friday 27 November: 1.2 L" */
    return g_strdup_printf (_("%s: %s"), bar_name (bar), value);

  target = format_value (self, bar->target);
  if (bar_met (bar))
    /* Translators: one bar of a chart: "Friday 27 November: 2.1 L of 2.0 L, goal met" */
    return g_strdup_printf (_("%s: %s of %s, goal met"), bar_name (bar), value, target);
  else
    /* Translators: one bar of a chart: "Friday 27 November: 1.2 L of 2.0 L" */
    return g_strdup_printf (_("%s: %s of %s"), bar_name (bar), value, target);
}

char *
fl_bar_chart_describe (FlBarChart *self)
{
  GString *text;

  g_return_val_if_fail (FL_IS_BAR_CHART (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *line = describe_bar (self, &g_array_index (self->bars, Bar, i));

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}

static void
update_description (FlBarChart *self)
{
  g_autofree char *description = fl_bar_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static PangoLayout *
create_label_layout (FlBarChart *self,
                     const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static int
get_label_height (FlBarChart *self)
{
  g_autoptr(PangoLayout) layout = create_label_layout (self, "0123456789");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static double
get_scale_max (FlBarChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      max = MAX (max, MAX (bar->value, bar->target));
    }

  /* A little headroom, so that a bar at its target still shows the mark */
  return max > 0 ? max * 1.08 : 1;
}

static void
fl_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FlBarChart *self = FL_BAR_CHART (widget);
  guint n = MAX (self->bars->len, 1);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = n * MIN_SLOT_WIDTH;
      *natural = n * 36;
    }
  else
    {
      int label_height = get_label_height (self);

      *minimum = CHECK_SPACE + 64 + LABEL_SPACING + label_height;
      *natural = CHECK_SPACE + 140 + LABEL_SPACING + label_height;
    }
}

static void
draw_check (cairo_t *cr,
            double   cx,
            double   cy,
            double   size)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.5, size / 5));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, cx - size / 2, cy);
  cairo_line_to (cr, cx - size / 8, cy + size / 3);
  cairo_line_to (cr, cx + size / 2, cy - size / 3);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
rounded_top_rectangle (cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height)
{
  double r = MIN (width / 2, MIN (height, 4));

  cairo_move_to (cr, x, y + height);
  cairo_line_to (cr, x, y + r);
  cairo_arc (cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
  cairo_line_to (cr, x + width - r, y);
  cairo_arc (cr, x + width - r, y + r, r, 1.5 * G_PI, 2 * G_PI);
  cairo_line_to (cr, x + width, y + height);
  cairo_close_path (cr);
}

static void
fl_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FlBarChart *self = FL_BAR_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = self->bars->len;
  int label_height = get_label_height (self);
  double plot_top = CHECK_SPACE;
  double baseline = height - label_height - LABEL_SPACING;
  double plot_height = baseline - plot_top;
  double scale_max = get_scale_max (self);
  double slot, bar_width;
  int widest_label = 0;
  guint label_step = 1;
  GdkRGBA fg, accent, accent_fg;
  cairo_t *cr;

  if (n == 0 || plot_height <= 0)
    return;

  /* Theme colours, so that the chart follows dark mode and the accent */
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = fg;
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent_fg))
    accent_fg = fg;

  slot = (double) width / n;
  bar_width = MIN (28, round (slot * 0.6));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The axis */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.2);
  cairo_rectangle (cr, 0, baseline, width, 1);
  cairo_fill (cr);

  for (guint i = 0; i < n; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      double cx = slot * i + slot / 2;
      double bar_height = round (plot_height * bar->value / scale_max);
      double top = baseline - bar_height;

      /* Bars that missed their target are paler; the check mark on the ones
       * that met it says the same without colour. */
      if (bar_height > 0)
        {
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue,
                                 accent.alpha * (bar->target <= 0 || bar_met (bar) ? 1.0 : 0.55));
          rounded_top_rectangle (cr, round (cx - bar_width / 2), top, bar_width, bar_height);
          cairo_fill (cr);
        }

      if (bar->target > 0)
        {
          double mark_y = round (baseline - plot_height * bar->target / scale_max);
          double mark_width = MIN (slot - 2, bar_width + 8);

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.75);
          cairo_rectangle (cr, round (cx - mark_width / 2), mark_y - 1, round (mark_width), 2);
          cairo_fill (cr);

          if (bar_met (bar))
            {
              gdk_cairo_set_source_rgba (cr, &accent_fg);
              draw_check (cr, cx, MIN (top, mark_y) - 9, MIN (10, bar_width));
            }
        }
    }

  cairo_destroy (cr);

  /* Labels under the bars; every other one when they do not fit */
  for (guint i = 0; i < n; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) layout = NULL;
      int w;

      if (bar->label == NULL)
        continue;

      layout = create_label_layout (self, bar->label);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest_label = MAX (widest_label, w);
    }

  if (widest_label + 2 > slot)
    label_step = (guint) ceil ((widest_label + 2) / slot);

  for (guint i = 0; i < n; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) layout = NULL;
      GdkRGBA label_color = fg;
      int w;

      /* Count from the newest bar, so that today always has its label */
      if (bar->label == NULL || (n - 1 - i) % label_step != 0)
        continue;

      layout = create_label_layout (self, bar->label);
      pango_layout_get_pixel_size (layout, &w, NULL);
      label_color.alpha *= 0.6;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (round (slot * i + slot / 2 - w / 2.0),
                                                    baseline + LABEL_SPACING));
      gtk_snapshot_append_layout (snapshot, layout, &label_color);
      gtk_snapshot_restore (snapshot);
    }
}

static gboolean
fl_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  FlBarChart *self = FL_BAR_CHART (widget);
  g_autofree char *text = NULL;
  int width = gtk_widget_get_width (widget);
  guint index;

  if (self->bars->len == 0 || width <= 0 || keyboard_tooltip)
    return FALSE;

  index = (guint) CLAMP (x * (int) self->bars->len / width, 0, (int) self->bars->len - 1);
  text = describe_bar (self, &g_array_index (self->bars, Bar, index));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
fl_bar_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (fl_bar_chart_parent_class)->css_changed (widget, change);

  /* Colours (dark mode) or the font size may have changed */
  gtk_widget_queue_resize (widget);
}

static void
fl_bar_chart_finalize (GObject *object)
{
  FlBarChart *self = FL_BAR_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);
  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  G_OBJECT_CLASS (fl_bar_chart_parent_class)->finalize (object);
}

static void
fl_bar_chart_class_init (FlBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fl_bar_chart_finalize;

  widget_class->measure = fl_bar_chart_measure;
  widget_class->snapshot = fl_bar_chart_snapshot;
  widget_class->query_tooltip = fl_bar_chart_query_tooltip;
  widget_class->css_changed = fl_bar_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "flbarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fl_bar_chart_init (FlBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
fl_bar_chart_new (void)
{
  return g_object_new (FL_TYPE_BAR_CHART, NULL);
}

void
fl_bar_chart_set_data (FlBarChart         *self,
                       guint               n,
                       const double       *values,
                       const double       *targets,
                       const char * const *labels)
{
  g_return_if_fail (FL_IS_BAR_CHART (self));
  g_return_if_fail (n == 0 || values != NULL);

  g_array_set_size (self->bars, 0);
  for (guint i = 0; i < n; i++)
    {
      Bar bar = {
        .value = MAX (values[i], 0),
        .target = targets != NULL ? MAX (targets[i], 0) : 0,
        .label = labels != NULL ? g_strdup (labels[i]) : NULL,
      };

      g_array_append_val (self->bars, bar);
    }

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
fl_bar_chart_set_long_labels (FlBarChart         *self,
                              const char * const *long_labels)
{
  g_return_if_fail (FL_IS_BAR_CHART (self));

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      g_free (bar->long_label);
      bar->long_label = long_labels != NULL ? g_strdup (long_labels[i]) : NULL;
    }

  update_description (self);
}

void
fl_bar_chart_set_format_func (FlBarChart           *self,
                              FlBarChartFormatFunc  func,
                              gpointer              user_data,
                              GDestroyNotify        destroy)
{
  g_return_if_fail (FL_IS_BAR_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  self->format_func = func;
  self->format_data = user_data;
  self->format_destroy = destroy;

  update_description (self);
}

guint
fl_bar_chart_get_n_bars (FlBarChart *self)
{
  g_return_val_if_fail (FL_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

double
fl_bar_chart_get_value (FlBarChart *self,
                        guint       index)
{
  g_return_val_if_fail (FL_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (index < self->bars->len, 0);

  return g_array_index (self->bars, Bar, index).value;
}

double
fl_bar_chart_get_target (FlBarChart *self,
                         guint       index)
{
  g_return_val_if_fail (FL_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (index < self->bars->len, 0);

  return g_array_index (self->bars, Bar, index).target;
}

gboolean
fl_bar_chart_get_met (FlBarChart *self,
                      guint       index)
{
  g_return_val_if_fail (FL_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (index < self->bars->len, FALSE);

  return bar_met (&g_array_index (self->bars, Bar, index));
}
