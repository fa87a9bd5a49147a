/* fl-sleep-reminders.c: the wind-down and nap reminders (fl-sleep.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-clock.h"
#include "fl-sleep.h"

static char *
format_local (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%H:%M");
}

/* Reminders. The scheduler's "wind-down" and "nap" rows call these. */

#define WIND_DOWN_SNOOZE_MIN 15
/* A firing this long before a bedtime was for an earlier night */
#define WIND_DOWN_SAME_NIGHT (12 * G_TIME_SPAN_HOUR)

/* Tonight's bedtime for the evening of @evening, and the need behind it */
static GDateTime *
bedtime_after (FlJournal            *journal,
               const GDate          *evening,
               const FlSleepOptions *options,
               int                  *out_need)
{
  g_autoptr(GDateTime) wake = NULL;
  FlSleepNight night;
  GDate morning = *evening;

  g_date_add_days (&morning, 1);
  fl_sleep_night_init (&night, journal, &morning, options);
  wake = g_date_time_new_local (g_date_get_year (&morning), g_date_get_month (&morning),
                                g_date_get_day (&morning),
                                options->wake_time_min / 60, options->wake_time_min % 60, 0);
  if (out_need)
    *out_need = night.need_min;

  return g_date_time_add_minutes (wake, -(night.need_min + FL_SLEEP_FALL_ASLEEP_MIN));
}

GDateTime *
fl_sleep_wind_down_due (FlJournal            *journal,
                        const FlSleepOptions *options,
                        GDateTime            *now)
{
  FlReminderState state = { NULL, NULL };
  GDateTime *due = NULL;
  GDate evening;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (options != NULL && now != NULL, NULL);

  fl_journal_get_reminder_state (journal, "wind-down", &state);

  /* Firing clears a snooze, so a snooze is newer than the last firing */
  if (state.snoozed_until != NULL)
    {
      due = g_date_time_ref (state.snoozed_until);
      fl_reminder_state_clear (&state);
      return due;
    }

  /* Yesterday's evening still, when bedtime is after midnight; then today's
   * and tomorrow's */
  fl_date_from_date_time (now, &evening);
  g_date_subtract_days (&evening, 1);
  for (int i = 0; i < 3 && due == NULL; i++, g_date_add_days (&evening, 1))
    {
      g_autoptr(GDateTime) bedtime = bedtime_after (journal, &evening, options, NULL);
      g_autoptr(GDateTime) same_night = g_date_time_add (bedtime, -WIND_DOWN_SAME_NIGHT);

      /* Missed until bedtime (the app was closed): no use any more */
      if (g_date_time_compare (now, bedtime) >= 0)
        continue;
      if (state.last_fired != NULL && g_date_time_compare (state.last_fired, same_night) >= 0)
        continue;

      due = g_date_time_add_minutes (bedtime, -FL_SLEEP_WIND_DOWN_MIN);
    }

  fl_reminder_state_clear (&state);

  return due;
}

FlReminder *
fl_sleep_wind_down_build (FlJournal            *journal,
                          const FlSleepOptions *options,
                          GDateTime            *due)
{
  g_autoptr(GDateTime) bedtime = NULL;
  g_autofree char *bed = NULL;
  g_autofree char *need_text = NULL;
  g_autofree char *wake = NULL;
  g_autofree char *body = NULL;
  g_autofree char *snooze = NULL;
  FlReminder *reminder;
  GDate evening;
  GTimeSpan nearest = G_MAXINT64;
  int need = 0;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (options != NULL && due != NULL, NULL);

  /* The night it is for: the bedtime nearest to it (30 minutes on, or a
   * little less after a snooze) */
  fl_date_from_date_time (due, &evening);
  g_date_subtract_days (&evening, 1);
  for (int i = 0; i < 3; i++, g_date_add_days (&evening, 1))
    {
      int this_need;
      g_autoptr(GDateTime) candidate = bedtime_after (journal, &evening, options, &this_need);
      GTimeSpan distance = ABS (g_date_time_difference (candidate, due));

      if (distance < nearest)
        {
          nearest = distance;
          need = this_need;
          g_clear_pointer (&bedtime, g_date_time_unref);
          bedtime = g_steal_pointer (&candidate);
        }
    }

  bed = format_local (bedtime);
  need_text = fl_format_sleep_minutes (need);
  wake = g_strdup_printf ("%02d:%02d", options->wake_time_min / 60, options->wake_time_min % 60);
  /* Translators: “Bedtime is 22:45: 8 h of sleep before you get up at 07:00, with 15 minutes to fall asleep. Dim the lights and put screens away.” */
  body = g_strdup_printf (_("Bedtime is %1$s: %2$s of sleep before you get up at %3$s, with 15 minutes to fall asleep. "
                            "Dim the lights and put screens away."),
                          bed, need_text, wake);

  reminder = fl_reminder_new ("wind-down", due, _("Time to wind down"), body);
  snooze = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a button */
                                         "Snooze %d min", "Snooze %d min",
                                         WIND_DOWN_SNOOZE_MIN),
                            WIND_DOWN_SNOOZE_MIN);
  fl_reminder_add_action (reminder, snooze, "app.snooze",
                          g_variant_new ("(si)", "wind-down", WIND_DOWN_SNOOZE_MIN));

  return reminder;
}

GDateTime *
fl_sleep_nap_due (FlJournal            *journal,
                  const FlSleepOptions *options,
                  GDateTime            *now)
{
  FlReminderState state = { NULL, NULL };
  g_autoptr(GDateTime) midnight = NULL;
  GDateTime *due = NULL;
  FlSleepDay day;
  GDate today;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (options != NULL && now != NULL, NULL);

  /* Only today's: tomorrow's depends on a night not slept yet */
  fl_date_from_date_time (now, &today);
  midnight = fl_date_to_local_midnight (&today);
  fl_sleep_day_init (&day, journal, &today, options);
  fl_journal_get_reminder_state (journal, "nap", &state);

  if (day.nap_from != NULL && g_date_time_compare (now, day.nap_to) < 0)
    {
      if (state.snoozed_until != NULL)
        due = g_date_time_ref (state.snoozed_until);
      else if (state.last_fired == NULL || g_date_time_compare (state.last_fired, midnight) < 0)
        due = g_date_time_ref (day.nap_from);
    }

  fl_reminder_state_clear (&state);
  fl_sleep_day_clear (&day);

  return due;
}

FlReminder *
fl_sleep_nap_build (FlJournal            *journal,
                    const FlSleepOptions *options,
                    GDateTime            *due)
{
  g_autofree char *slept = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *body = NULL;
  FlReminder *reminder;
  FlSleepDay day;
  GDate today;

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (options != NULL && due != NULL, NULL);

  fl_date_from_date_time (due, &today);
  fl_sleep_day_init (&day, journal, &today, options);

  slept = fl_format_sleep_minutes (MAX (0, day.nights[FL_SLEEP_HISTORY_NIGHTS - 1].slept_min));
  if (day.nap_from != NULL)
    {
      from = format_local (day.nap_from);
      to = format_local (day.nap_to);
      /* Translators: “You slept 6 h 10 min last night. A nap from 13:00 to 13:30 helps; keep it under half an hour.” */
      body = g_strdup_printf (_("You slept %1$s last night. A nap from %2$s to %3$s helps; keep it under half an hour."),
                              slept, from, to);
    }
  else
    {
      /* Translators: %s is how long the runner slept, “6 h 10 min” */
      body = g_strdup_printf (_("You slept %s last night. A nap of 20 to 30 minutes in the early afternoon helps."),
                              slept);
    }
  fl_sleep_day_clear (&day);

  reminder = fl_reminder_new ("nap", due, _("A short nap would help"), body);
  /* Translators: a button that closes the nap reminder */
  fl_reminder_add_action (reminder, C_("nap reminder", "Dismiss"), "app.dismiss-reminder",
                          g_variant_new_string ("nap"));

  return reminder;
}
