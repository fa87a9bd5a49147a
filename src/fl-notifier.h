/* fl-notifier.h: reminders on the desktop, through libnotify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fl-reminder.h"

G_BEGIN_DECLS

#define FL_TYPE_NOTIFIER (fl_notifier_get_type ())
G_DECLARE_FINAL_TYPE (FlNotifier, fl_notifier, FL, NOTIFIER, GObject)

/* A button pressed on a notification activates the reminder action's
 * application action in @actions, on the main thread. */
FlNotifier *fl_notifier_new      (const char   *app_name,
                                  GActionGroup *actions);
/* Never blocks the calling main loop, even with a hung notification server.
 * If no server takes the reminder (none running, an error, no answer in
 * time), "undelivered" is emitted with it, on the main thread. */
void        fl_notifier_show     (FlNotifier   *self,
                                  FlReminder   *reminder);
/* Takes back what is shown of reminder kind @kind, if anything. */
void        fl_notifier_withdraw (FlNotifier   *self,
                                  const char   *kind);

G_END_DECLS
