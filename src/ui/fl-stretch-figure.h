/* fl-stretch-figure.h: a stretch's illustration, large, mirrored for the other side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FL_TYPE_STRETCH_FIGURE (fl_stretch_figure_get_type ())
G_DECLARE_FINAL_TYPE (FlStretchFigure, fl_stretch_figure, FL, STRETCH_FIGURE, GtkWidget)

/* Draws the symbolic icon @icon-name (e.g. "stretch-quadriceps-symbolic",
 * from the app's GResource under icons/scalable/actions) as large as its
 * allocation allows, up to "pixel-size" wide and high (natural size; it
 * shrinks to half of that, at most 96 px, when space is short), recoloured
 * with the widget's text colour so that it follows light and dark. The
 * drawings show the left side; "mirrored" flips one about its vertical axis
 * for the right. An icon the theme does not have draws nothing. */
GtkWidget  *fl_stretch_figure_new            (void);

const char *fl_stretch_figure_get_icon_name  (FlStretchFigure *self);
void        fl_stretch_figure_set_icon_name  (FlStretchFigure *self,
                                              const char      *icon_name);
gboolean    fl_stretch_figure_get_mirrored   (FlStretchFigure *self);
void        fl_stretch_figure_set_mirrored   (FlStretchFigure *self,
                                              gboolean         mirrored);
int         fl_stretch_figure_get_pixel_size (FlStretchFigure *self);
void        fl_stretch_figure_set_pixel_size (FlStretchFigure *self,
                                              int              pixel_size);
/* Whether the current icon exists in the icon theme (what a test checks) */
gboolean    fl_stretch_figure_has_icon       (FlStretchFigure *self);

/* The illustration of a stretch: "stretch-ID-symbolic" when @display's icon
 * theme has it, else that of its first muscle that has one (a runner's own
 * "wall-sit" working the quadriceps is drawn as the quadriceps stretch),
 * else "stretch-ID-symbolic" anyway (which draws nothing). Free with g_free(). */
char       *fl_stretch_figure_icon_for_stretch (GdkDisplay         *display,
                                                const char         *stretch_id,
                                                const char * const *muscles);

G_END_DECLS
