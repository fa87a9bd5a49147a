/* fl-cooldown-page-private.h: what the page's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fl-cooldown-page.c is the widget: the routine picker and the record
 * before a session, following the application's session, the controls and
 * the keys. fl-cooldown-page-session.c shows one moment of a session: the
 * stretch, its side, the countdown and the progress.
 */
#pragma once

#include <adwaita.h>
#ifdef HAVE_GSOUND
#include <gsound.h>
#endif

#include "fl-day-watch.h"
#include "fl-cooldown-page.h"
#include "fl-stretch-figure.h"

G_BEGIN_DECLS

struct _FlCooldownPage
{
  AdwBin             parent_instance;

  FlApplication     *app;
  FlJournal         *journal;
  FlClock           *clock;
  GSettings         *settings;
  FlStretchSession  *session;
  GListStore        *routines;
  FlDayWatch         *day_watch;
  gboolean           wide;
  /* The session ended while this page looked on: it shows what was done */
  gboolean           showing_done;
#ifdef HAVE_GSOUND
  GSoundContext     *sound;
  gboolean           sound_failed;
#endif

  GtkLabel          *countdown_label;
  AdwStatusPage     *done_page;
  FlStretchFigure   *figure;
  FlStretchFigure   *hero_figure;
  GtkLabel          *how_label;
  GtkLabel          *import_error_label;
  /* The file chooser of "Import Routine…", while it is open */
  GtkFileChooserNative *import_dialog;
  /* The toast of the last import while it is shown (a weak pointer) */
  AdwToast          *import_toast;
  GtkBox            *info_box;
  GtkLabel          *kind_label;
  GtkLabel          *left_label;
  AdwActionRow      *length_row;
  GtkLabel          *muscles_label;
  GtkLabel          *name_label;
  GtkLabel          *next_label;
  GtkWidget         *pause_button;
  GtkImage          *pause_image;
  GtkDrawingArea    *progress_area;
  AdwComboRow       *routine_row;
  AdwActionRow      *runs_row;
  GtkWidget         *session_box;
  GtkLabel          *side_label;
  GtkBox            *stage_box;
  GtkLabel          *step_label;
  GtkListBox        *stretches_list;
  AdwActionRow      *week_row;
};

gboolean fl_cooldown_page_session_is_active (FlCooldownPage  *self);
/* Everything about the current step (the session's), and the time */
void     fl_cooldown_page_update_step       (FlCooldownPage  *self);
/* What changes once a second: the countdown, the time left, the bar */
void     fl_cooldown_page_update_time       (FlCooldownPage  *self);
/* The GtkDrawingArea draw function of the progress bar; @user_data: the page */
void     fl_cooldown_page_draw_progress     (GtkDrawingArea  *area,
                                             cairo_t         *cr,
                                             int              width,
                                             int              height,
                                             gpointer         user_data);
/* A sound cue (GSound event id "bell", "complete"); silent without GSound */
void     fl_cooldown_page_play_cue          (FlCooldownPage  *self,
                                             const char      *event_id,
                                             const char      *description);
/* "Quadriceps, hip flexors" (free with g_free()) */
char    *fl_cooldown_page_format_muscles    (const FlStretch *stretch);
/* The icon name of @stretch's illustration (free with g_free()) */
char    *fl_cooldown_page_stretch_icon      (FlCooldownPage  *self,
                                             const FlStretch *stretch);

G_END_DECLS
