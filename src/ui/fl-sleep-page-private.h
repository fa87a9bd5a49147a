/* fl-sleep-page-private.h: what the Sleep page's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fl-sleep-page.c shows the figures; fl-sleep-page-log.c is the sleep log:
 * the form, the list of nights and naps, edit, remove and undo.
 */
#pragma once

#include "fl-day-watch.h"
#include "fl-bar-chart.h"
#include "fl-progress-ring.h"
#include "fl-sleep-page.h"

G_BEGIN_DECLS

struct _FlSleepPage
{
  AdwBin          parent_instance;

  FlApplication  *app;
  FlJournal      *journal;
  FlClock        *clock;
  GSettings      *settings;
  FlDayWatch      *day_watch;

  GDate           form_date;      /* the morning of the night being logged */
  char           *editing_id;     /* the record the form edits, or NULL */
  AdwToast       *toast;          /* the last one shown (weak) */

  AdwEntryRow    *bed_row;
  GtkLabel       *bedtime_label;
  AdwActionRow   *bedtime_row;
  GtkCalendar    *calendar;
  GtkWidget      *cancel_button;
  FlBarChart     *chart;
  GtkMenuButton  *date_button;
  GtkLabel       *debt_label;
  AdwActionRow   *debt_row;
  GtkListBox     *entries_list;
  GtkLabel       *form_error_label;
  GtkWidget      *form_group;
  GtkLabel       *last_night_label;
  GtkButton      *log_button;
  GtkLabel       *nap_label;
  AdwActionRow   *nap_row;
  GtkSwitch      *nap_switch;
  FlProgressRing *ring;
  GtkBox         *tips_box;
  AdwEntryRow    *wake_row;
};

/* fl-sleep-page.c */
void  fl_sleep_page_add_toast          (FlSleepPage *self,
                                        AdwToast    *toast);
char *fl_sleep_page_format_hm          (GDateTime   *time);

/* fl-sleep-page-log.c */
void  fl_sleep_page_update_entries     (FlSleepPage *self,
                                        const GDate *today);
void  fl_sleep_page_update_date_button (FlSleepPage *self);
void  fl_sleep_page_reset_form         (FlSleepPage *self);
/* Template callbacks */
void  fl_sleep_page_on_cancel_clicked  (FlSleepPage *self);
void  fl_sleep_page_on_day_selected    (FlSleepPage *self);
void  fl_sleep_page_on_form_changed    (FlSleepPage *self);
void  fl_sleep_page_on_log_clicked     (FlSleepPage *self);

G_END_DECLS
