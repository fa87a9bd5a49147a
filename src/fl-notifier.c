/* fl-notifier.c: reminders on the desktop, through libnotify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libnotify 0.8 speaks to the notification server with synchronous D-Bus
 * calls. Against a stopped server (SIGSTOP) notify_notification_show() blocks
 * for the 25 s D-Bus default timeout, and dropping the notification blocks
 * another 25 s; on the main loop that freezes the window for 50 s. So every
 * libnotify call runs on one worker thread with its own GMainContext, and the
 * main thread only posts work there and hears back.
 *
 * The worker is one per process, not one per notifier: libnotify keeps its
 * D-Bus proxy in a global, and that proxy delivers its signals (the button
 * presses) to the context that was thread-default when it was made. A second
 * worker would never hear them; and a worker that ended would take them along.
 * A notifier that goes away therefore never joins or stops the worker (which
 * may be stuck in a call for 25 s): it hands the worker a last job to take
 * its notifications down and lets go.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>
#include <string.h>

#include "fl-notifier.h"

/* A healthy server answers Notify in milliseconds (a missing one fails in
 * ~4 ms). Past 3 s the worker is taken as stuck: the reminder is handed back
 * as undelivered so the window can show it while the moment still fits. */
#define ANSWER_TIMEOUT_MS 3000

/* Notification id of libnotify's default action: a click on the bubble. */
#define DEFAULT_ACTION_ID "default"

/* The window page a click on a reminder of a kind opens. */
static const struct
{
  const char *kind;
  const char *page;
} kind_pages[] = {
  { "drink", "hydration" },
  { "wind-down", "sleep" },
  { "nap", "sleep" },
  { "blood-test", "iron" },
};

/* {{{ Client: what a notifier shares with the worker thread */

typedef struct
{
  GMainContext *main_context;   /* where the notifier lives and hears back */
  GWeakRef      notifier;       /* only dereferenced in main_context */
  char         *app_name;
  /* Worker thread only: kind -> NotifyNotification, one per reminder kind so
   * a new reminder of a kind replaces the old one on screen. Torn down by
   * the worker when the notifier goes away. */
  GHashTable   *shown;
} Client;

static void
client_clear (Client *client)
{
  /* By now the worker has emptied and dropped @shown (release_on_worker). */
  g_assert (client->shown == NULL);
  g_main_context_unref (client->main_context);
  g_weak_ref_clear (&client->notifier);
  g_free (client->app_name);
}

static Client *
client_ref (Client *client)
{
  return g_atomic_rc_box_acquire (client);
}

static void
client_unref (Client *client)
{
  g_atomic_rc_box_release_full (client, (GDestroyNotify) client_clear);
}

/* }}} */
/* {{{ The worker thread */

static gpointer
worker_thread_main (gpointer data)
{
  GMainContext *context = data;
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);

  /* Thread-default before the first libnotify call, so the proxy libnotify
   * makes (and its signal subscriptions) dispatch here. */
  g_main_context_push_thread_default (context);
  g_main_loop_run (loop);
  g_main_context_pop_thread_default (context);

  return NULL;
}

static GMainContext *
worker_context (void)
{
  static GMainContext *context;

  if (g_once_init_enter (&context))
    {
      GMainContext *new_context = g_main_context_new ();

      /* Runs for the life of the process and is never joined: a join could
       * wait out a call to a hung server. */
      g_thread_unref (g_thread_new ("fl-notifier", worker_thread_main,
                                    g_main_context_ref (new_context)));
      g_once_init_leave (&context, new_context);
    }

  return context;
}

static void
post_to_worker (GSourceFunc    func,
                gpointer       data,
                GDestroyNotify notify)
{
  g_main_context_invoke_full (worker_context (), G_PRIORITY_DEFAULT,
                              func, data, notify);
}

/* }}} */
/* {{{ Jobs */

typedef struct
{
  Client     *client;
  FlReminder *reminder;
  guint       serial;
  /* Set by the main thread once it gave up waiting; read by the worker. */
  int         abandoned;
  /* Written by the worker before it posts the job back. */
  gboolean    delivered;
  char       *error_message;
  /* Main thread only */
  GSource    *timeout;
  gboolean    overdue;
} ShowJob;

static void
show_job_clear (ShowJob *job)
{
  g_assert (job->timeout == NULL);
  client_unref (job->client);
  fl_reminder_unref (job->reminder);
  g_free (job->error_message);
}

static ShowJob *
show_job_ref (ShowJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
show_job_unref (ShowJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) show_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowJob, show_job_unref)

static void
show_job_cancel_timeout (ShowJob *job)
{
  if (job->timeout != NULL)
    {
      g_source_destroy (job->timeout);
      g_clear_pointer (&job->timeout, g_source_unref);
    }
}

typedef struct
{
  Client   *client;
  char     *kind;
} WithdrawJob;

static void
withdraw_job_free (WithdrawJob *job)
{
  client_unref (job->client);
  g_free (job->kind);
  g_free (job);
}

/* A button on a shown notification, and what it does when pressed */
typedef struct
{
  Client   *client;
  char     *action;       /* without the "app." prefix */
  GVariant *target;
  gboolean  optional;     /* if the application lacks it: just activate it */
} Press;

static Press *
press_new (Client     *client,
           const char *action,
           GVariant   *target,
           gboolean    optional)
{
  Press *press = g_new0 (Press, 1);

  if (g_str_has_prefix (action, "app."))
    action += strlen ("app.");

  press->client = client_ref (client);
  press->action = g_strdup (action);
  press->target = target != NULL ? g_variant_ref_sink (target) : NULL;
  press->optional = optional;

  return press;
}

static Press *
press_copy (const Press *press)
{
  return press_new (press->client, press->action, press->target,
                    press->optional);
}

static void
press_free (Press *press)
{
  client_unref (press->client);
  g_free (press->action);
  g_clear_pointer (&press->target, g_variant_unref);
  g_free (press);
}

/* }}} */
/* {{{ FlNotifier */

struct _FlNotifier
{
  GObject       parent_instance;

  char         *app_name;
  GActionGroup *actions;

  GMainContext *main_context;
  Client       *client;
  GHashTable   *pending;        /* serial -> ShowJob, posted, not answered */
  guint         next_serial;
  /* Shows past ANSWER_TIMEOUT_MS whose call has not returned yet: while there
   * is one, the worker is stuck and new reminders go straight to the window. */
  guint         n_overdue;
};

G_DEFINE_FINAL_TYPE (FlNotifier, fl_notifier, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_APP_NAME,
  PROP_ACTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  UNDELIVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* {{{ On the worker thread */

static void
on_button (NotifyNotification *notification,
           char               *action_id,
           gpointer            user_data);

static gboolean
show_on_worker (gpointer data);

static void
close_quietly (NotifyNotification *notification)
{
  g_autoptr(GError) error = NULL;
  int id = 0;

  /* Never on the server (it failed, or was not sent): nothing to take back,
   * and no call to make to a server that may not answer. */
  g_object_get (notification, "id", &id, NULL);
  if (id == 0)
    return;

  if (!notify_notification_close (notification, &error))
    g_debug ("Could not withdraw a notification: %s", error->message);
}

static NotifyNotification *
prepare_notification (Client     *client,
                      FlReminder *reminder)
{
  NotifyNotification *notification;
  const char *page = reminder->kind;

  notification = g_hash_table_lookup (client->shown, reminder->kind);
  if (notification == NULL)
    {
      notification = notify_notification_new (reminder->title, reminder->body,
                                              APP_ID);
      g_hash_table_insert (client->shown, g_strdup (reminder->kind),
                           notification);
    }
  else
    {
      /* Same object, same server id: the server replaces the old reminder
       * of this kind instead of stacking a second one. */
      notify_notification_update (notification, reminder->title,
                                  reminder->body, APP_ID);
      notify_notification_clear_actions (notification);
    }

  notify_notification_set_app_name (notification, client->app_name);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_DEFAULT);
  /* Lets the desktop group it with the app and use the app's icon. */
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (kind_pages); i++)
    if (g_str_equal (kind_pages[i].kind, reminder->kind))
      page = kind_pages[i].page;

  notify_notification_add_action (notification, DEFAULT_ACTION_ID, _("Open"),
                                  on_button,
                                  press_new (client, "show-page",
                                             g_variant_new_string (page),
                                             TRUE),
                                  (GFreeFunc) press_free);

  for (guint i = 0; reminder->actions != NULL && i < reminder->actions->len; i++)
    {
      const FlReminderAction *action =
        &g_array_index (reminder->actions, FlReminderAction, i);
      g_autofree char *id = g_strdup_printf ("fl-action-%u", i);

      notify_notification_add_action (notification, id, action->label,
                                      on_button,
                                      press_new (client, action->action,
                                                 action->target, FALSE),
                                      (GFreeFunc) press_free);
    }

  return notification;
}

static gboolean
show_done_on_main (gpointer data);

static gboolean
show_on_worker (gpointer data)
{
  ShowJob *job = data;
  NotifyNotification *notification;
  g_autoptr(GError) error = NULL;

  if (g_atomic_int_get (&job->abandoned))
    {
      job->error_message = g_strdup ("gave up waiting before it was sent");
      goto out;
    }

  if (job->client->shown == NULL)
    {
      job->error_message = g_strdup ("the notifier is gone");
      goto out;
    }

  /* Once per process; the name is only the fallback, each notification
   * carries its own. */
  if (!notify_is_initted () && !notify_init (job->client->app_name))
    {
      job->error_message = g_strdup ("libnotify did not initialise");
      goto out;
    }

  notification = prepare_notification (job->client, job->reminder);
  job->delivered = notify_notification_show (notification, &error);
  if (!job->delivered)
    {
      int id = 0;

      job->error_message = g_strdup (error->message);

      /* Nothing of it on screen to replace or take back later: drop it now,
       * while the caller still waits for the answer, rather than later at
       * some moment the bus may be going away. */
      g_object_get (notification, "id", &id, NULL);
      if (id == 0)
        g_hash_table_remove (job->client->shown, job->reminder->kind);
    }
  else if (g_atomic_int_get (&job->abandoned))
    {
      /* The answer came too late: the reminder is in the window already,
       * and it should not be seen twice. */
      close_quietly (notification);
    }

out:
  g_main_context_invoke_full (job->client->main_context, G_PRIORITY_DEFAULT,
                              show_done_on_main, show_job_ref (job),
                              (GDestroyNotify) show_job_unref);

  return G_SOURCE_REMOVE;
}

static gboolean
withdraw_on_worker (gpointer data)
{
  WithdrawJob *job = data;
  NotifyNotification *notification;

  notification = g_hash_table_lookup (job->client->shown, job->kind);
  if (notification != NULL)
    {
      close_quietly (notification);
      g_hash_table_remove (job->client->shown, job->kind);
    }

  return G_SOURCE_REMOVE;
}

/* The notifier is gone: its buttons could do nothing any more, so take its
 * notifications off the screen. */
static gboolean
release_on_worker (gpointer data)
{
  Client *client = data;
  GHashTableIter iter;
  gpointer notification;

  g_hash_table_iter_init (&iter, client->shown);
  while (g_hash_table_iter_next (&iter, NULL, &notification))
    close_quietly (notification);

  /* The notifications hold Presses that hold the client: drop them here,
   * on the thread that owns them. */
  g_clear_pointer (&client->shown, g_hash_table_unref);

  return G_SOURCE_REMOVE;
}

static gboolean
press_on_main (gpointer data);

static void
on_button (NotifyNotification *notification,
           char               *action_id,
           gpointer            user_data)
{
  const Press *press = user_data;

  g_main_context_invoke_full (press->client->main_context, G_PRIORITY_DEFAULT,
                              press_on_main, press_copy (press),
                              (GDestroyNotify) press_free);
}

/* }}} */
/* {{{ On the main thread */

static void
undelivered (FlNotifier  *self,
             FlReminder  *reminder,
             const char  *why)
{
  g_debug ("Reminder “%s” not on the desktop: %s", reminder->kind,
           why != NULL ? why : "unknown error");
  g_signal_emit (self, signals[UNDELIVERED], 0, reminder);
}

static gboolean
show_done_on_main (gpointer data)
{
  ShowJob *job = data;
  g_autoptr(FlNotifier) self = g_weak_ref_get (&job->client->notifier);
  g_autoptr(ShowJob) own = NULL;

  if (self == NULL ||
      !g_hash_table_steal_extended (self->pending, GUINT_TO_POINTER (job->serial),
                                    NULL, (gpointer *) &own))
    return G_SOURCE_REMOVE;

  show_job_cancel_timeout (job);

  if (job->overdue)
    {
      /* Already handed back as undelivered; the worker is free again. */
      g_assert (self->n_overdue > 0);
      self->n_overdue--;
      if (self->n_overdue == 0)
        g_debug ("The notification server answers again");
    }
  else if (!job->delivered)
    {
      undelivered (self, job->reminder, job->error_message);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
show_timed_out (gpointer data)
{
  ShowJob *job = data;
  g_autoptr(FlNotifier) self = g_weak_ref_get (&job->client->notifier);

  g_clear_pointer (&job->timeout, g_source_unref);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  job->overdue = TRUE;
  g_atomic_int_set (&job->abandoned, TRUE);
  self->n_overdue++;
  undelivered (self, job->reminder, "no answer from the notification server");

  return G_SOURCE_REMOVE;
}

static gboolean
press_on_main (gpointer data)
{
  const Press *press = data;
  g_autoptr(FlNotifier) self = g_weak_ref_get (&press->client->notifier);
  const GVariantType *parameter_type = NULL;
  gboolean enabled = FALSE;

  if (self == NULL || self->actions == NULL)
    return G_SOURCE_REMOVE;

  if (!g_action_group_query_action (self->actions, press->action, &enabled,
                                    &parameter_type, NULL, NULL, NULL))
    {
      if (!press->optional)
        g_warning ("A reminder's button names an unknown action “%s”",
                   press->action);
      else if (G_IS_APPLICATION (self->actions))
        g_application_activate (G_APPLICATION (self->actions));
      return G_SOURCE_REMOVE;
    }

  if (parameter_type == NULL
      ? press->target != NULL
      : press->target == NULL || !g_variant_is_of_type (press->target,
                                                        parameter_type))
    {
      g_warning ("A reminder's button gives action “%s” a wrong target",
                 press->action);
      return G_SOURCE_REMOVE;
    }

  if (enabled)
    g_action_group_activate_action (self->actions, press->action,
                                    press->target);

  return G_SOURCE_REMOVE;
}

/* }}} */

static void
fl_notifier_constructed (GObject *object)
{
  FlNotifier *self = FL_NOTIFIER (object);
  Client *client;

  G_OBJECT_CLASS (fl_notifier_parent_class)->constructed (object);

  self->main_context = g_main_context_ref_thread_default ();

  client = g_atomic_rc_box_new0 (Client);
  client->main_context = g_main_context_ref (self->main_context);
  g_weak_ref_init (&client->notifier, self);
  client->app_name = g_strdup (self->app_name != NULL && *self->app_name != '\0'
                               ? self->app_name : g_get_application_name ());
  if (client->app_name == NULL)
    client->app_name = g_strdup (APP_ID);
  client->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         g_object_unref);
  self->client = client;
}

static void
fl_notifier_dispose (GObject *object)
{
  FlNotifier *self = FL_NOTIFIER (object);

  if (self->client != NULL)
    {
      GHashTableIter iter;
      gpointer job;

      /* Never waits for the worker: it may sit in a call to a hung server. */
      g_weak_ref_set (&self->client->notifier, NULL);

      g_hash_table_iter_init (&iter, self->pending);
      while (g_hash_table_iter_next (&iter, NULL, &job))
        show_job_cancel_timeout (job);
      g_hash_table_remove_all (self->pending);

      post_to_worker (release_on_worker, g_steal_pointer (&self->client),
                      (GDestroyNotify) client_unref);
    }

  g_clear_object (&self->actions);

  G_OBJECT_CLASS (fl_notifier_parent_class)->dispose (object);
}

static void
fl_notifier_finalize (GObject *object)
{
  FlNotifier *self = FL_NOTIFIER (object);

  g_hash_table_unref (self->pending);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_free (self->app_name);

  G_OBJECT_CLASS (fl_notifier_parent_class)->finalize (object);
}

static void
fl_notifier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FlNotifier *self = FL_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_NAME:
      g_value_set_string (value, self->app_name);
      break;

    case PROP_ACTIONS:
      g_value_set_object (value, self->actions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_notifier_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FlNotifier *self = FL_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_NAME:
      self->app_name = g_value_dup_string (value);
      break;

    case PROP_ACTIONS:
      self->actions = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fl_notifier_class_init (FlNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fl_notifier_constructed;
  object_class->dispose = fl_notifier_dispose;
  object_class->finalize = fl_notifier_finalize;
  object_class->get_property = fl_notifier_get_property;
  object_class->set_property = fl_notifier_set_property;

  properties[PROP_APP_NAME] =
    g_param_spec_string ("app-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* Where a button's action is activated */
  properties[PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, NULL,
                         G_TYPE_ACTION_GROUP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* FlNotifier::undelivered:
   * @reminder: (type FlReminder): the reminder no server took
   *
   * Emitted on the main thread when no notification server showed
   * @reminder, so the application can show it itself. */
  signals[UNDELIVERED] =
    g_signal_new ("undelivered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  FL_TYPE_REMINDER);
}

static void
fl_notifier_init (FlNotifier *self)
{
  self->pending = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) show_job_unref);
}

FlNotifier *
fl_notifier_new (const char   *app_name,
                 GActionGroup *actions)
{
  g_return_val_if_fail (actions == NULL || G_IS_ACTION_GROUP (actions), NULL);

  return g_object_new (FL_TYPE_NOTIFIER,
                       "app-name", app_name,
                       "actions", actions,
                       NULL);
}

void
fl_notifier_show (FlNotifier *self,
                  FlReminder *reminder)
{
  ShowJob *job;

  g_return_if_fail (FL_IS_NOTIFIER (self));
  g_return_if_fail (reminder != NULL);
  g_return_if_fail (reminder->kind != NULL && reminder->title != NULL);

  if (self->client == NULL)
    return;

  if (self->n_overdue > 0)
    {
      undelivered (self, reminder, "the notification server is not answering");
      return;
    }

  job = g_atomic_rc_box_new0 (ShowJob);
  job->client = client_ref (self->client);
  job->reminder = fl_reminder_ref (reminder);
  job->serial = ++self->next_serial;

  job->timeout = g_timeout_source_new (ANSWER_TIMEOUT_MS);
  g_source_set_callback (job->timeout, show_timed_out, job, NULL);
  g_source_set_static_name (job->timeout, "[fl-notifier] answer timeout");
  g_source_attach (job->timeout, self->main_context);

  g_hash_table_insert (self->pending, GUINT_TO_POINTER (job->serial), job);
  post_to_worker (show_on_worker, show_job_ref (job),
                  (GDestroyNotify) show_job_unref);
}

void
fl_notifier_withdraw (FlNotifier *self,
                      const char *kind)
{
  WithdrawJob *job;

  g_return_if_fail (FL_IS_NOTIFIER (self));
  g_return_if_fail (kind != NULL);

  if (self->client == NULL)
    return;

  job = g_new0 (WithdrawJob, 1);
  job->client = client_ref (self->client);
  job->kind = g_strdup (kind);
  /* Behind any show of the same kind still queued on the worker. */
  post_to_worker (withdraw_on_worker, job, (GDestroyNotify) withdraw_job_free);
}

/* }}} */
