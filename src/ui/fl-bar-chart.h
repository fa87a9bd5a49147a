/* fl-bar-chart.h: daily bars against each day's target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FL_TYPE_BAR_CHART (fl_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (FlBarChart, fl_bar_chart, FL, BAR_CHART, GtkWidget)

/* Turns a value into text for tooltips and the accessible description,
 * e.g. 1500 → "1.5 L". Returns a newly allocated string. */
typedef char *(*FlBarChartFormatFunc) (double   value,
                                       gpointer user_data);

GtkWidget *fl_bar_chart_new             (void);

/* @n bars, oldest first. @values[i] is drawn as a bar and @targets[i] as a
 * mark across it; a bar that reaches its target gets a check mark, so that
 * "met" is never told by colour alone. @targets may be NULL (no marks), a
 * target of 0 means none for that bar. @labels (short, under each bar: "27")
 * may be NULL. Everything is copied. */
void       fl_bar_chart_set_data        (FlBarChart          *self,
                                         guint                n,
                                         const double        *values,
                                         const double        *targets,
                                         const char * const  *labels);
/* Optional longer names of the bars ("Friday 27 November"), @n of them as in
 * the last fl_bar_chart_set_data(), for tooltips and the accessible
 * description; without them the short labels are used. */
void       fl_bar_chart_set_long_labels (FlBarChart          *self,
                                         const char * const  *long_labels);
/* How values read in tooltips and the accessible description; the default
 * prints the number. */
void       fl_bar_chart_set_format_func (FlBarChart          *self,
                                         FlBarChartFormatFunc func,
                                         gpointer             user_data,
                                         GDestroyNotify       destroy);

guint      fl_bar_chart_get_n_bars      (FlBarChart          *self);
double     fl_bar_chart_get_value       (FlBarChart          *self,
                                         guint                index);
double     fl_bar_chart_get_target      (FlBarChart          *self,
                                         guint                index);
gboolean   fl_bar_chart_get_met         (FlBarChart          *self,
                                         guint                index);
/* The text a screen reader gets: one sentence per bar */
char      *fl_bar_chart_describe        (FlBarChart          *self);

G_END_DECLS
