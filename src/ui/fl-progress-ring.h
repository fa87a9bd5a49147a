/* fl-progress-ring.h: a ring that fills as a value approaches its maximum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FL_TYPE_PROGRESS_RING (fl_progress_ring_get_type ())
G_DECLARE_FINAL_TYPE (FlProgressRing, fl_progress_ring, FL, PROGRESS_RING, GtkWidget)

/* The ring shows @value against @maximum, with @text large in its middle
 * ("750 ml"), @secondary-text under it ("of 3.55 L") and the percentage.
 * The ring is full from 100 % on; the percentage goes on counting. Its
 * accessible value text is "text secondary-text, N %". */
GtkWidget  *fl_progress_ring_new                (void);

double      fl_progress_ring_get_value          (FlProgressRing *self);
void        fl_progress_ring_set_value          (FlProgressRing *self,
                                                 double          value);
double      fl_progress_ring_get_maximum        (FlProgressRing *self);
void        fl_progress_ring_set_maximum        (FlProgressRing *self,
                                                 double          maximum);
const char *fl_progress_ring_get_text           (FlProgressRing *self);
void        fl_progress_ring_set_text           (FlProgressRing *self,
                                                 const char     *text);
const char *fl_progress_ring_get_secondary_text (FlProgressRing *self);
void        fl_progress_ring_set_secondary_text (FlProgressRing *self,
                                                 const char     *text);
/* The rounded percentage shown, e.g. 21 for 750 of 3550 */
int         fl_progress_ring_get_percent        (FlProgressRing *self);

G_END_DECLS
