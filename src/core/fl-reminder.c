/* fl-reminder.c: one reminder, as the scheduler hands it to whoever shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fl-reminder.h"

G_DEFINE_BOXED_TYPE (FlReminder, fl_reminder, fl_reminder_ref, fl_reminder_unref)

static void
reminder_action_clear (gpointer data)
{
  FlReminderAction *action = data;

  g_clear_pointer (&action->label, g_free);
  g_clear_pointer (&action->action, g_free);
  g_clear_pointer (&action->target, g_variant_unref);
}

FlReminder *
fl_reminder_new (const char *kind,
                 GDateTime  *due,
                 const char *title,
                 const char *body)
{
  FlReminder *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (due != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_new0 (FlReminder, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = g_strdup (kind);
  self->due = g_date_time_ref (due);
  self->title = g_strdup (title);
  self->body = g_strdup (body ? body : "");
  self->actions = g_array_new (FALSE, TRUE, sizeof (FlReminderAction));
  g_array_set_clear_func (self->actions, reminder_action_clear);

  return self;
}

void
fl_reminder_add_action (FlReminder *self,
                        const char *label,
                        const char *action,
                        GVariant   *target)
{
  FlReminderAction entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (action != NULL);

  entry.label = g_strdup (label);
  entry.action = g_strdup (action);
  entry.target = target ? g_variant_ref_sink (target) : NULL;
  g_array_append_val (self->actions, entry);
}

FlReminder *
fl_reminder_ref (FlReminder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
fl_reminder_unref (FlReminder *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->kind);
  g_date_time_unref (self->due);
  g_free (self->title);
  g_free (self->body);
  g_array_unref (self->actions);
  g_free (self);
}
