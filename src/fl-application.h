/* fl-application.h: the application: model, reminders, command line, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "fl-clock.h"
#include "fl-journal.h"
#include "fl-reminder.h"
#include "fl-scheduler.h"
#include "fl-store.h"
#include "fl-stretch-session.h"

G_BEGIN_DECLS

#define FL_TYPE_APPLICATION (fl_application_get_type ())
G_DECLARE_FINAL_TYPE (FlApplication, fl_application, FL, APPLICATION, AdwApplication)

FlApplication *fl_application_new           (void);
/* For tests: a given clock and journal file instead of the real ones */
FlApplication *fl_application_new_for_test  (FlClock     *clock,
                                             const char  *journal_path);

FlClock       *fl_application_get_clock     (FlApplication *self);
FlStore       *fl_application_get_store     (FlApplication *self);
FlJournal     *fl_application_get_journal   (FlApplication *self);
FlScheduler   *fl_application_get_scheduler (FlApplication *self);
GSettings     *fl_application_get_settings  (FlApplication *self);
/* The cool-down session app.start-cooldown started: running, paused, or the
 * last one, ended; NULL before the first. Property "cooldown-session"
 * (read-only, notified when a new session starts). */
FlStretchSession *fl_application_get_cooldown_session (FlApplication *self);

/* Signals:
 *   "reminder-in-window" (FlReminder *): a reminder that no notification
 *   server took; the window shows it with the same actions.
 *   "store-problem" (const char *message): a notice after load or a failed
 *   save, for the window to show.
 *
 * Application actions (a click, a shortcut and a notification button all end
 * in these):
 *   app.log-drink        (i)   log ml now
 *   app.snooze           ((si)) snooze a reminder kind for minutes
 *   app.dismiss-reminder (s)   take back what is shown of a reminder kind
 *   app.show-page        (s)   present the window on a page ("hydration")
 *   app.start-cooldown         present the window on the Cool-down page and
 *                              start a session with the routine of GSettings
 *                              default-routine (one at a time: with one under
 *                              way it only shows it). While it runs the
 *                              screen stays awake; closing the window or
 *                              quitting stops it (logged as done so far); if
 *                              it runs to the end while the window is not
 *                              focused, a notification says "Cool-down done".
 *   app.preferences (<Primary>comma), app.about, app.quit (<Primary>q)
 * The shortcuts window is GtkApplication's own: gtk/help-overlay.ui in the
 * resources gives win.show-help-overlay (<Primary>question).
 *
 * What the application needs from src/ui (fl-window.h, fl-preferences-window.h,
 * fl-welcome-window.h):
 *   FlWindow  *fl_window_new             (FlApplication *app);
 *   void       fl_window_show_page       (FlWindow *self, const char *name);
 *   GtkWindow *fl_preferences_window_new (FlApplication *app, GtkWindow *parent);
 *   GtkWindow *fl_welcome_window_new     (FlApplication *app, GtkWindow *parent);
 * The application presents the welcome on first start (GSettings welcome-done
 * false and no profile). "store-problem" is emitted only once a window exists:
 * a message pending from start-up is emitted right after fl_window_new()
 * returns, so the window connects to it in its constructor.
 */

G_END_DECLS
