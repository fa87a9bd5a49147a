/* fl-today.c: the whole day in one object, for `fresh-legs today` and scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-hydration.h"
#include "fl-iron.h"
#include "fl-sleep.h"
#include "fl-stretch-session.h"
#include "fl-today.h"
#include "fl-training.h"

/* One builder per section. A new area writes its own and adds one line to
 * fl_today_build_json(). */

static JsonNode *
build_profile (FlJournal   *journal,
               const GDate *date)
{
  const FlProfile *profile = fl_journal_get_profile (journal);
  gboolean is_set = profile != NULL && profile->is_set;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "is_set");
  json_builder_add_boolean_value (builder, is_set);
  /* What the rules assume while the runner has not said */
  json_builder_set_member_name (builder, "assumed");
  if (is_set)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autofree char *assumed = fl_profile_describe_defaults ();

      json_builder_add_string_value (builder, assumed);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
build_hydration (FlJournal   *journal,
                 const GDate *date)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  FlHydrationDay day;

  fl_hydration_day_init (&day, journal, date);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "goal_ml");
  json_builder_add_int_value (builder, day.goal_ml);
  json_builder_set_member_name (builder, "base_ml");
  json_builder_add_int_value (builder, day.base_ml);
  json_builder_set_member_name (builder, "runs_ml");
  json_builder_add_int_value (builder, day.runs_ml);
  json_builder_set_member_name (builder, "drunk_ml");
  json_builder_add_int_value (builder, day.drunk_ml);
  json_builder_end_object (builder);

  fl_hydration_day_clear (&day);

  return json_builder_get_root (builder);
}

/* Cool-down: whether one was done on @date, and how many of the runs of
 * the 14 days up to @date were followed by one within 2 hours of their end
 * (the window the reminder offers it in; the diagnosis's 14 days). */
#define COOLDOWN_DAYS 14

static JsonNode *
build_cooldown (FlJournal   *journal,
                const GDate *date)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) midnight = fl_date_to_local_midnight (date);
  g_autoptr(GDateTime) next_midnight = NULL;
  g_autoptr(GDateTime) first_midnight = NULL;
  GPtrArray *runs = fl_journal_get_records (journal, FL_RECORD_RUN);
  GDate next = *date;
  GDate first = *date;
  guint begin, end;
  int n_runs = 0, n_with = 0;

  g_date_add_days (&next, 1);
  g_date_subtract_days (&first, COOLDOWN_DAYS - 1);
  next_midnight = fl_date_to_local_midnight (&next);
  first_midnight = fl_date_to_local_midnight (&first);

  fl_journal_range (journal, FL_RECORD_RUN, first_midnight, next_midnight, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      g_autoptr(GDateTime) run_end = fl_run_get_end (FL_RUN (g_ptr_array_index (runs, i)));
      g_autoptr(GDateTime) window_end = g_date_time_add (run_end, FL_COOLDOWN_WINDOW);

      n_runs++;
      if (fl_cooldown_logged_between (journal, run_end, window_end))
        n_with++;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "done_today");
  json_builder_add_boolean_value (builder, fl_cooldown_logged_between (journal, midnight, next_midnight));
  json_builder_set_member_name (builder, "last_14d");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "runs");
  json_builder_add_int_value (builder, n_runs);
  json_builder_set_member_name (builder, "runs_with_cooldown");
  json_builder_add_int_value (builder, n_with);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Sleep: the need of last night, what was slept (null: not logged), the
 * 7-night debt, tonight's bedtime and the nap window after a short night,
 * with the wake time and baseline from GSettings (fl-sleep.h). */
static JsonNode *
build_sleep (FlJournal   *journal,
             const GDate *date)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) bedtime = NULL;
  g_autofree char *bed = NULL;
  const FlSleepNight *last;
  FlSleepOptions options;
  FlSleepDay day;

  fl_sleep_options_load (&options, NULL);
  fl_sleep_day_init (&day, journal, date, &options);
  last = &day.nights[FL_SLEEP_HISTORY_NIGHTS - 1];
  bedtime = g_date_time_to_local (day.bedtime);
  bed = g_date_time_format (bedtime, "%H:%M");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "need_min");
  json_builder_add_int_value (builder, last->need_min);
  json_builder_set_member_name (builder, "last_night_min");
  if (last->slept_min >= 0)
    json_builder_add_int_value (builder, last->slept_min);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "debt_min");
  json_builder_add_int_value (builder, day.debt_min);
  json_builder_set_member_name (builder, "debt_nights_logged");
  json_builder_add_int_value (builder, day.debt_nights_logged);
  json_builder_set_member_name (builder, "tonight_need_min");
  json_builder_add_int_value (builder, day.tonight.need_min);
  json_builder_set_member_name (builder, "bedtime");
  json_builder_add_string_value (builder, bed);
  json_builder_set_member_name (builder, "nap");
  if (day.nap_from != NULL)
    {
      g_autoptr(GDateTime) from = g_date_time_to_local (day.nap_from);
      g_autoptr(GDateTime) to = g_date_time_to_local (day.nap_to);
      g_autofree char *from_text = g_date_time_format (from, "%H:%M");
      g_autofree char *to_text = g_date_time_format (to, "%H:%M");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from_text);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, to_text);
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, day.nap_min);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);

  fl_sleep_day_clear (&day);

  return json_builder_get_root (builder);
}

typedef JsonNode *(*SectionBuilder) (FlJournal   *journal,
                                     const GDate *date);

static const struct {
  const char     *name;
  SectionBuilder  build;
} sections[] = {
  { "profile", build_profile },
  { "hydration", build_hydration },
  { "cooldown", build_cooldown },
  /* fl-training.c builds its own: load, flags, plan, cadence, return ramp */
  { "training", fl_training_build_json },
  { "sleep", build_sleep },
  /* fl-iron.c: target, intake, risk flags, blood-test suggestion */
  { "iron", fl_iron_build_json },
};

JsonNode *
fl_today_build_json (FlJournal   *journal,
                     const GDate *date)
{
  g_autoptr(JsonObject) object = NULL;
  JsonNode *root;
  char iso[16];

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  g_snprintf (iso, sizeof iso, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));

  object = json_object_new ();
  json_object_set_string_member (object, "date", iso);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    json_object_set_member (object, sections[i].name, sections[i].build (journal, date));

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root, object);

  return root;
}

char *
fl_today_build_text (FlJournal   *journal,
                     const GDate *date)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *drunk = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *describe = NULL;
  const FlProfile *profile;
  FlHydrationDay day;
  char when[128];

  g_return_val_if_fail (FL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a strftime() format for the date heading `fresh-legs today`;
   * keep the ISO date in it, scripts and people both read it */
  if (g_date_strftime (when, sizeof when, C_("today heading", "%A %Y-%m-%d"), date) == 0)
    g_snprintf (when, sizeof when, "%04d-%02d-%02d",
                g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  g_string_append_printf (text, "%s\n", when);

  profile = fl_journal_get_profile (journal);
  if (profile == NULL || !profile->is_set)
    {
      g_autofree char *assumed = fl_profile_describe_defaults ();

      g_string_append_printf (text, "%s\n", assumed);
    }

  fl_hydration_day_init (&day, journal, date);
  drunk = fl_format_volume (day.drunk_ml);
  goal = fl_format_volume (day.goal_ml);
  describe = fl_hydration_day_describe (&day);
  /* Translators: "Hydration: 750 ml of 3.55 L" */
  g_string_append_printf (text, _("Hydration: %1$s of %2$s"), drunk, goal);
  g_string_append_printf (text, "\n%s\n", describe);
  fl_hydration_day_clear (&day);

  {
    g_autofree char *sleep = NULL;
    FlSleepOptions options;
    FlSleepDay sleep_day;

    fl_sleep_options_load (&options, NULL);
    fl_sleep_day_init (&sleep_day, journal, date, &options);
    sleep = fl_sleep_day_describe (&sleep_day);
    g_string_append_printf (text, "%s\n", sleep);
    fl_sleep_day_clear (&sleep_day);
  }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
