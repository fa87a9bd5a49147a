/* fl-reminder.h: one reminder, as the scheduler hands it to whoever shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A button on a reminder: activating it means activating the application
 * action @action (e.g. "app.log-drink") with @target (may be NULL), the same
 * action a click or a shortcut in the window uses. */
typedef struct
{
  char     *label;              /* translated */
  char     *action;
  GVariant *target;
} FlReminderAction;

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  char      *kind;              /* "drink", … */
  GDateTime *due;               /* when it was due; late if well before now */
  char      *title;             /* translated */
  char      *body;              /* translated */
  GArray    *actions;           /* of FlReminderAction */
} FlReminder;

#define FL_TYPE_REMINDER (fl_reminder_get_type ())
GType       fl_reminder_get_type    (void) G_GNUC_CONST;

FlReminder *fl_reminder_new         (const char *kind,
                                     GDateTime  *due,
                                     const char *title,
                                     const char *body);
/* @target is sunk if floating */
void        fl_reminder_add_action  (FlReminder *self,
                                     const char *label,
                                     const char *action,
                                     GVariant   *target);
FlReminder *fl_reminder_ref         (FlReminder *self);
void        fl_reminder_unref       (FlReminder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlReminder, fl_reminder_unref)

G_END_DECLS
