/* fl-cooldown-page.c: the guided cool-down: pick a routine, stretch, done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows what the model says and computes no figure of its own:
 * the routine lays out the steps and the total, FlStretchSession counts the
 * time (deadline − now on the monotonic clock) and logs the cool-down, and
 * FlCooldownStats reads the record. The page turns those into words, a
 * drawing and a sound, and sends the runner's presses back to the session.
 *
 * A runner does this on a mat, eyes on the stretch: the countdown is large,
 * the side is said in words, every change of step rings (with GSound), and
 * the keyboard does everything while a session runs.
 *
 * This file is the widget; fl-cooldown-page-session.c draws the moment of a
 * session (fl-cooldown-page-private.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fl-cooldown-page-private.h"
#include "fl-cooldown-stats.h"

/* Wider than this, the figure stands beside the words, not above them */
#define WIDE_LAYOUT_WIDTH 700

G_DEFINE_FINAL_TYPE (FlCooldownPage, fl_cooldown_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* {{{ Before a session: the routine and the record */

/* "27 min", "1 h 05 min" */
static char *
format_minutes (GTimeSpan span)
{
  int minutes = (int) ((span + 30 * G_TIME_SPAN_SECOND) / G_TIME_SPAN_MINUTE);

  if (minutes >= 60)
    /* Translators: a time spent, in hours and minutes */
    return g_strdup_printf (_("%d h %02d min"), minutes / 60, minutes % 60);

  /* Translators: a time spent, in minutes */
  return g_strdup_printf (_("%d min"), minutes);
}

static FlRoutine *
get_selected_routine (FlCooldownPage *self)
{
  return adw_combo_row_get_selected_item (self->routine_row);
}

static GtkWidget *
create_stretch_row (FlCooldownPage  *self,
                    const FlStretch *stretch,
                    int              n_holds,
                    int              hold_s)
{
  g_autofree char *icon = fl_cooldown_page_stretch_icon (self, stretch);
  g_autofree char *muscles = fl_cooldown_page_format_muscles (stretch);
  g_autofree char *holds = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *figure;

  if (stretch->per_side)
    holds = n_holds <= 2
      /* Translators: how a stretch done per side is held: "30 s each side" */
      ? g_strdup_printf (_("%d s each side"), hold_s)
      /* Translators: "2 × 30 s each side" */
      : g_strdup_printf (_("%d × %d s each side"), n_holds / 2, hold_s);
  else
    holds = n_holds == 1
      /* Translators: how long a stretch is held: "30 s" */
      ? g_strdup_printf (_("%d s"), hold_s)
      /* Translators: "2 × 30 s" */
      : g_strdup_printf (_("%d × %d s"), n_holds, hold_s);

  subtitle = *muscles != '\0'
    /* Translators: a stretch in the list: "30 s each side · Quadriceps, hip flexors" */
    ? g_strdup_printf (_("%s · %s"), holds, muscles)
    : g_strdup (holds);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stretch->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  figure = g_object_new (FL_TYPE_STRETCH_FIGURE,
                         "icon-name", icon,
                         "pixel-size", 40,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), figure);

  return row;
}

static void
update_routine_details (FlCooldownPage *self)
{
  FlRoutine *routine = get_selected_routine (self);
  g_autofree char *total = NULL;
  g_autofree char *length = NULL;
  g_autofree char *hero_icon = NULL;
  GtkListBoxRow *row;
  const FlStretch *group = NULL;
  int group_holds = 0, group_hold_s = 0;
  guint n_holds;

  while ((row = gtk_list_box_get_row_at_index (self->stretches_list, 0)) != NULL)
    gtk_list_box_remove (self->stretches_list, GTK_WIDGET (row));

  if (routine == NULL)
    return;

  n_holds = fl_routine_get_n_holds (routine);
  total = fl_cooldown_format_clock (fl_routine_get_total_s (routine));
  /* Translators: a routine's length: "10:00, 17 stretches" (a stretch is
   * one side held once) */
  length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u stretch", "%s, %u stretches", n_holds),
                            total, n_holds);
  adw_action_row_set_subtitle (self->length_row, length);

  /* The holds, one row per stretch (its sides and repeats together) */
  for (guint i = 0; i <= fl_routine_get_n_steps (routine); i++)
    {
      const FlRoutineStep *step = i < fl_routine_get_n_steps (routine) ? fl_routine_get_step (routine, i) : NULL;

      if (step != NULL && step->kind != FL_STEP_HOLD)
        continue;

      if (step != NULL && step->stretch == group)
        {
          group_holds++;
          continue;
        }

      if (group != NULL)
        gtk_list_box_append (self->stretches_list, create_stretch_row (self, group, group_holds, group_hold_s));

      if (step == NULL)
        break;

      group = step->stretch;
      group_holds = 1;
      group_hold_s = step->seconds;
      if (hero_icon == NULL)
        hero_icon = fl_cooldown_page_stretch_icon (self, group);
    }

  fl_stretch_figure_set_icon_name (self->hero_figure, hero_icon);
}

static void
update_record (FlCooldownPage *self)
{
  FlCooldownStats stats;
  GDate today;
  g_autofree char *week = NULL;
  g_autofree char *runs = NULL;

  if (self->journal == NULL)
    return;

  fl_clock_today (self->clock, &today);
  fl_cooldown_stats_init (&stats, self->journal, &today);

  if (stats.week_cooldowns == 0)
    week = g_strdup (_("None yet"));
  else
    {
      g_autofree char *time = format_minutes (stats.week_time);

      /* Translators: this week's cool-downs and their time: "3 cool-downs, 27 min" */
      week = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cool-down, %s", "%u cool-downs, %s",
                                           stats.week_cooldowns),
                              stats.week_cooldowns, time);
    }
  adw_action_row_set_subtitle (self->week_row, week);

  if (stats.recent_runs == 0)
    /* Translators: %d is 14 */
    runs = g_strdup_printf (_("No runs in the last %d days"), FL_COOLDOWN_STATS_DAYS);
  else
    /* Translators: "4 of your 6 runs in the last 14 days" */
    runs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of your %u run in the last %d days",
                                         "%u of your %u runs in the last %d days",
                                         stats.recent_runs),
                            stats.recent_runs_with_cooldown, stats.recent_runs, FL_COOLDOWN_STATS_DAYS);
  adw_action_row_set_subtitle (self->runs_row, runs);
}

static gboolean
routine_name_to_position (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  FlCooldownPage *self = user_data;
  const char *name = g_variant_get_string (variant, NULL);
  guint fallback = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->routines)); i++)
    {
      g_autoptr(FlRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (g_str_equal (fl_routine_get_name (routine), name))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
      if (g_str_equal (fl_routine_get_name (routine), FL_ROUTINE_DEFAULT))
        fallback = i;
    }

  /* A routine of the runner's that is gone: show the one a cool-down will
   * use instead (app.start-cooldown falls back to the default too) */
  g_value_set_uint (value, fallback);
  return TRUE;
}

static GVariant *
position_to_routine_name (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  FlCooldownPage *self = user_data;
  g_autoptr(FlRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines),
                                                        g_value_get_uint (value));

  if (routine == NULL)
    return NULL;

  return g_variant_new_string (fl_routine_get_name (routine));
}

/* The routines, shipped and the runner's own, read again each time the page
 * comes into view: one imported meanwhile is there to pick. */
static void
load_routines (FlCooldownPage *self)
{
  g_autoptr(GPtrArray) all = fl_routine_list_all ();

  /* While the list changes, "selected" must not write to the setting */
  if (self->settings != NULL)
    g_settings_unbind (self->routine_row, "selected");

  g_list_store_splice (self->routines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->routines)),
                       all->pdata, all->len);

  if (self->settings != NULL)
    g_settings_bind_with_mapping (self->settings, "default-routine",
                                  self->routine_row, "selected",
                                  G_SETTINGS_BIND_DEFAULT,
                                  routine_name_to_position, position_to_routine_name,
                                  self, NULL);

  update_routine_details (self);
}

/* }}} */
/* {{{ Importing a routine of the runner's own */

static void
add_toast (FlCooldownPage *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_import_error (FlCooldownPage *self,
                   const char     *message)
{
  g_autoptr(GString) line = g_string_new (message);

  /* One line, whatever the parser put in */
  g_string_replace (line, "\n", " ", 0);
  gtk_label_set_label (self->import_error_label, line->str);
  gtk_widget_set_visible (GTK_WIDGET (self->import_error_label), TRUE);
}

static void
select_routine (FlCooldownPage *self,
                const char     *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->routines)); i++)
    {
      g_autoptr(FlRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (g_str_equal (fl_routine_get_name (routine), name))
        {
          adw_combo_row_set_selected (self->routine_row, i);
          return;
        }
    }
}

gboolean
fl_cooldown_page_import_file (FlCooldownPage *self,
                              GFile          *file)
{
  g_autoptr(FlRoutine) routine = NULL;
  g_autoptr(GError) error = NULL;
  gboolean updated = FALSE;
  const char *name;
  AdwToast *toast;

  g_return_val_if_fail (FL_IS_COOLDOWN_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Validated, then copied into the runner's folder: a file refused
   * changes nothing */
  routine = fl_routine_install_file (file, &updated, &error);
  if (routine == NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: why a routine file was refused: "my.json: A hold lasts 20 to 45 seconds; …" */
      message = g_strdup_printf (_("%s: %s"), base, error->message);
      show_import_error (self, message);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->import_error_label), FALSE);
  name = fl_routine_get_name (routine);

  /* In the picker, and chosen: the setting selects it through the binding */
  load_routines (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "default-routine", name);
  select_routine (self, name);

  toast = updated
    /* Translators: a toast; %s is the routine's title. The same "name" as
     * one imported before: the file replaced it. */
    ? adw_toast_new_format (_("Updated “%s”; it is your routine now"), fl_routine_get_title (routine))
    /* Translators: a toast; %s is the routine's title */
    : adw_toast_new_format (_("Imported “%s”; it is your routine now"), fl_routine_get_title (routine));
  /* The newest import's word replaces the one before, not queued behind it */
  if (self->import_toast != NULL)
    adw_toast_dismiss (self->import_toast);
  g_set_weak_pointer (&self->import_toast, toast);
  add_toast (self, toast);

  return TRUE;
}

static void
on_import_response (FlCooldownPage       *self,
                    int                   response,
                    GtkFileChooserNative *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        fl_cooldown_page_import_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_clear_object (&self->import_dialog);
}

static void
on_import_clicked (FlCooldownPage *self)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->import_dialog != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_dialog));
      return;
    }

  /* GtkFileChooserNative: the portal's chooser in a sandbox, and no
   * GtkFileDialog before GTK 4.10 */
  self->import_dialog = gtk_file_chooser_native_new (_("Import a Routine"),
                                                     GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     GTK_FILE_CHOOSER_ACTION_OPEN,
                                                     _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_dialog), TRUE);

  /* Translators: the file chooser's filter for routine files */
  gtk_file_filter_set_name (json, _("Routines (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_dialog), json);

  g_signal_connect_swapped (self->import_dialog, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_dialog));
}

/* }}} */
/* {{{ Following the session: which view, the controls, the keys */
static void
show_view (FlCooldownPage *self)
{
  const char *view = "start";

  if (fl_cooldown_page_session_is_active (self))
    {
      view = "session";
      fl_cooldown_page_update_step (self);
    }
  else if (self->session != NULL && self->showing_done)
    view = "done";

  /* The template's top widget: AdwBin owns it, so it is not bound as a
   * template child (disposing the template would unparent it twice) */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), view);
}

static void
on_step_changed (FlCooldownPage *self,
                 guint           index)
{
  if (!fl_cooldown_page_session_is_active (self))
    return;

  fl_cooldown_page_update_step (self);
  fl_cooldown_page_play_cue (self, "bell", _("Next step of the cool-down"));
}

static void
on_tick (FlCooldownPage *self,
         gint64          remaining_ms)
{
  fl_cooldown_page_update_time (self);
}

static void
on_state_changed (FlCooldownPage *self)
{
  show_view (self);
}

static void
on_finished (FlCooldownPage *self,
             gboolean        completed,
             guint           holds_done,
             guint           holds_total)
{
  FlRecord *record = fl_stretch_session_get_record (self->session);
  g_autofree char *description = NULL;

  if (record != NULL)
    {
      g_autofree char *done = fl_cooldown_describe (FL_COOLDOWN (record));

      description = completed
        /* Translators: under "Cool-down Done": "17 stretches, 10:00. It is in your journal." */
        ? g_strdup_printf (_("%s. It is in your journal."), done)
        /* Translators: under "Cool-down Stopped": "5 of 17 stretches, 3:40. Logged as far as you got." */
        : g_strdup_printf (_("%s. Logged as far as you got."), done);
    }
  else if (holds_done == 0)
    description = g_strdup (_("No stretch was held to the end, so nothing was logged."));
  else
    /* The journal is read-only; the window says why */
    description = g_strdup (_("Your journal could not take it, so nothing was logged."));

  adw_status_page_set_title (self->done_page, completed ? _("Cool-down Done") : _("Cool-down Stopped"));
  adw_status_page_set_description (self->done_page, description);
  adw_status_page_set_icon_name (self->done_page, completed ? "emblem-ok-symbolic" : "media-playback-stop-symbolic");
  if (completed)
    gtk_widget_add_css_class (GTK_WIDGET (self->done_page), "fl-completed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->done_page), "fl-completed");

  if (completed)
    fl_cooldown_page_play_cue (self, "complete", _("Cool-down done"));

  self->showing_done = TRUE;
  show_view (self);
}

static void
set_session (FlCooldownPage   *self,
             FlStretchSession *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  self->showing_done = FALSE;
#ifdef HAVE_GSOUND
  /* A new session tries sound again: a sound server may have come up */
  self->sound_failed = FALSE;
#endif

  if (session != NULL)
    {
      g_signal_connect_swapped (session, "step-changed", G_CALLBACK (on_step_changed), self);
      g_signal_connect_swapped (session, "tick", G_CALLBACK (on_tick), self);
      g_signal_connect_swapped (session, "finished", G_CALLBACK (on_finished), self);
      g_signal_connect_swapped (session, "notify::state", G_CALLBACK (on_state_changed), self);
    }

  show_view (self);
}

static void
on_cooldown_session_changed (FlCooldownPage *self)
{
  set_session (self, fl_application_get_cooldown_session (self->app));
}

static void
on_pause_clicked (FlCooldownPage *self)
{
  if (!fl_cooldown_page_session_is_active (self))
    return;

  if (fl_stretch_session_get_state (self->session) == FL_STRETCH_SESSION_PAUSED)
    fl_stretch_session_resume (self->session);
  else
    fl_stretch_session_pause (self->session);
}

static void
on_skip_clicked (FlCooldownPage *self)
{
  if (self->session != NULL)
    fl_stretch_session_skip (self->session);
}

static void
on_back_clicked (FlCooldownPage *self)
{
  if (self->session != NULL)
    fl_stretch_session_back (self->session);
}

static void
on_stop_clicked (FlCooldownPage *self)
{
  if (self->session != NULL)
    fl_stretch_session_stop (self->session);
}

static void
on_done_clicked (FlCooldownPage *self)
{
  self->showing_done = FALSE;
  show_view (self);
}

/* Space, Right, Left and Escape belong to the session while one runs and
 * the page is shown; otherwise they go where they would have gone. */
static gboolean
on_session_key (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  FlCooldownPage *self = FL_COOLDOWN_PAGE (widget);
  const char *what = g_variant_get_string (args, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!fl_cooldown_page_session_is_active (self))
    return FALSE;

  /* An open menu keeps its keys: Escape closes it, arrows move in it */
  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;

  if (g_str_equal (what, "pause"))
    on_pause_clicked (self);
  else if (g_str_equal (what, "skip"))
    on_skip_clicked (self);
  else if (g_str_equal (what, "back"))
    on_back_clicked (self);
  else if (g_str_equal (what, "stop"))
    on_stop_clicked (self);

  return TRUE;
}

static void
add_session_key (GtkShortcutController *controller,
                 guint                  key,
                 const char            *what)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, 0),
                               gtk_callback_action_new (on_session_key, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (what));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* }}} */
/* {{{ Keeping up with the model and the day */

static void
on_journal_changed (FlCooldownPage *self)
{
  update_record (self);
}

static void
on_day_changed (FlCooldownPage *self)
{
  update_record (self);
}

static void
on_map (FlCooldownPage *self)
{
  if (self->app != NULL && !fl_cooldown_page_session_is_active (self))
    load_routines (self);
}

static void
disconnect_model (FlCooldownPage *self)
{
  g_clear_object (&self->day_watch);

  set_session (self, NULL);

  if (self->settings != NULL)
    g_settings_unbind (self->routine_row, "selected");
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  if (self->app != NULL)
    g_signal_handlers_disconnect_by_data (self->app, self);

  g_clear_object (&self->settings);
  g_clear_object (&self->journal);
  g_clear_object (&self->clock);
  g_clear_object (&self->app);
}

/* }}} */
/* {{{ GObject */

/* Wide: the figure beside the words, so that a landscape screen shows it
 * large without scrolling; narrow: above them. Decided where the width is
 * known, in the page's own layout (AdwBin's, plus this). */
static void
update_layout (FlCooldownPage *self,
               int             width)
{
  gboolean wide = width >= WIDE_LAYOUT_WIDTH;

  if (wide == self->wide)
    return;

  self->wide = wide;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->stage_box),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (self->stage_box, wide ? 36 : 12);
  fl_stretch_figure_set_pixel_size (self->figure, wide ? 320 : 240);
  gtk_widget_set_hexpand (GTK_WIDGET (self->figure), !wide);
  if (wide)
    gtk_widget_remove_css_class (self->session_box, "narrow");
  else
    gtk_widget_add_css_class (self->session_box, "narrow");
  gtk_widget_set_hexpand (GTK_WIDGET (self->info_box), wide);
}

static GtkSizeRequestMode
page_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
page_measure (GtkWidget      *widget,
              GtkOrientation  orientation,
              int             for_size,
              int            *minimum,
              int            *natural,
              int            *minimum_baseline,
              int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
page_allocate (GtkWidget *widget,
               int        width,
               int        height,
               int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  update_layout (FL_COOLDOWN_PAGE (widget), width);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
fl_cooldown_page_dispose (GObject *object)
{
  FlCooldownPage *self = FL_COOLDOWN_PAGE (object);

  disconnect_model (self);

  if (self->import_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->import_dialog, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_dialog));
      g_clear_object (&self->import_dialog);
    }

  g_clear_weak_pointer (&self->import_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), FL_TYPE_COOLDOWN_PAGE);

  g_clear_object (&self->routines);
#ifdef HAVE_GSOUND
  g_clear_object (&self->sound);
#endif

  G_OBJECT_CLASS (fl_cooldown_page_parent_class)->dispose (object);
}

static void
fl_cooldown_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FlCooldownPage *self = FL_COOLDOWN_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_cooldown_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FlCooldownPage *self = FL_COOLDOWN_PAGE (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      fl_cooldown_page_set_application (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_cooldown_page_class_init (FlCooldownPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fl_cooldown_page_dispose;
  object_class->get_property = fl_cooldown_page_get_property;
  object_class->set_property = fl_cooldown_page_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         FL_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FL_TYPE_STRETCH_FIGURE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/fl-cooldown-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, done_page);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, figure);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, hero_figure);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, how_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, import_error_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, info_box);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, left_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, length_row);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, muscles_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, pause_image);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, progress_area);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, routine_row);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, runs_row);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, session_box);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, side_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, stage_box);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, stretches_list);
  gtk_widget_class_bind_template_child (widget_class, FlCooldownPage, week_row);
  /* Not kept in the struct, but reachable by tests */
  gtk_widget_class_bind_template_child_full (widget_class, "back_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "done_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "skip_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "start_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "stop_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_done_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_pause_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked);
}

/* The page's own style sheet, once per display, beside the app's */
static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "fl-cooldown-page-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/ui/fl-cooldown-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fl-cooldown-page-style",
                          g_object_ref (provider), g_object_unref);
}

static void
fl_cooldown_page_init (FlCooldownPage *self)
{
  GtkEventController *controller;
  g_autoptr(GtkExpression) title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (page_get_request_mode, page_measure, page_allocate));
  /* Narrow until a width says otherwise (the template's layout) */
  gtk_widget_add_css_class (self->session_box, "narrow");

  self->routines = g_list_store_new (FL_TYPE_ROUTINE);
  title = gtk_property_expression_new (FL_TYPE_ROUTINE, NULL, "title");
  adw_combo_row_set_expression (self->routine_row, title);
  adw_combo_row_set_model (self->routine_row, G_LIST_MODEL (self->routines));
  g_signal_connect_swapped (self->routine_row, "notify::selected-item",
                            G_CALLBACK (update_routine_details), self);

  gtk_drawing_area_set_draw_func (self->progress_area, fl_cooldown_page_draw_progress, self, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  /* Wherever the focus is in the window, and before a focused button can
   * take Space for itself: with the runner on a mat, Space is "pause". */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_session_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_space, "pause");
  add_session_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "skip");
  add_session_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "back");
  add_session_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Escape, "stop");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* }}} */

GtkWidget *
fl_cooldown_page_new (FlApplication *app)
{
  return g_object_new (FL_TYPE_COOLDOWN_PAGE, "application", app, NULL);
}

FlApplication *
fl_cooldown_page_get_application (FlCooldownPage *self)
{
  g_return_val_if_fail (FL_IS_COOLDOWN_PAGE (self), NULL);

  return self->app;
}

void
fl_cooldown_page_set_application (FlCooldownPage *self,
                                  FlApplication  *app)
{
  g_return_if_fail (FL_IS_COOLDOWN_PAGE (self));
  g_return_if_fail (app == NULL || FL_IS_APPLICATION (app));

  if (self->app == app)
    return;

  disconnect_model (self);

  if (app != NULL)
    {
      self->app = g_object_ref (app);
      self->journal = g_object_ref (fl_application_get_journal (app));
      self->clock = g_object_ref (fl_application_get_clock (app));
      self->settings = g_object_ref (fl_application_get_settings (app));

      g_signal_connect_swapped (self->journal, "changed", G_CALLBACK (on_journal_changed), self);
      self->day_watch = fl_day_watch_new (self->clock);
      g_signal_connect_swapped (self->day_watch, "day-changed", G_CALLBACK (on_day_changed), self);
      g_signal_connect_swapped (self->app, "notify::cooldown-session",
                                G_CALLBACK (on_cooldown_session_changed), self);

      load_routines (self);
      update_record (self);
      set_session (self, fl_application_get_cooldown_session (app));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}
