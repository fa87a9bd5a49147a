/* fl-stretch-session.h: the cool-down timer, step by step on the monotonic clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fl-clock.h"
#include "fl-journal.h"
#include "fl-routine.h"

G_BEGIN_DECLS

typedef enum {
  FL_STRETCH_SESSION_IDLE,      /* not started */
  FL_STRETCH_SESSION_RUNNING,
  FL_STRETCH_SESSION_PAUSED,
  FL_STRETCH_SESSION_DONE,      /* ran to the end (skipping the last step ends it too) */
  FL_STRETCH_SESSION_STOPPED,   /* stopped early */
} FlStretchSessionState;

#define FL_TYPE_STRETCH_SESSION_STATE (fl_stretch_session_state_get_type ())
GType fl_stretch_session_state_get_type (void) G_GNUC_CONST;

#define FL_TYPE_STRETCH_SESSION (fl_stretch_session_get_type ())
G_DECLARE_FINAL_TYPE (FlStretchSession, fl_stretch_session, FL, STRETCH_SESSION, GObject)

/* One run through a routine: idle → running ⇄ paused → done or stopped.
 *
 * Each step ends at a deadline on the clock's monotonic time; the remaining
 * time is always that deadline − now, never a counter, so it cannot drift,
 * and the next step's deadline is the last one + its length, so the whole
 * session ends exactly its total after the start (plus any pauses). Pausing
 * freezes the remaining time; resuming sets a new deadline, now + remaining.
 *
 * Properties (read-only, notified when they change):
 *   "routine", "journal" (may be NULL: log nothing), "clock" (construct-only)
 *   "state"         FlStretchSessionState
 *   "current-step"  int, index into fl_routine_get_step()
 *   "remaining-ms"  int64, of the current step (notified with each "tick")
 *   "progress"      double, 0..1 over the whole session (notified with each "tick")
 * Signals:
 *   "step-changed" (guint index): a step begins, also when back() restarts one
 *   "tick" (gint64 remaining_ms): once a second while running, when the
 *     remaining time of the step crosses a whole second (and at the start of
 *     each step, after "step-changed"); a display shows ceil(remaining / 1 s).
 *     No tick at the very end: "finished" comes instead.
 *   "finished" (gboolean completed, guint holds_done, guint holds_total):
 *     the session ended (completed: ran to the end; else stopped). Emitted
 *     after the cool-down was logged.
 *
 * A "step" in the journal's cool-down record is a hold: steps_total is the
 * routine's number of holds and steps_done the holds whose time ran out
 * (a skipped hold is not done; one held again after back() counts once).
 * When the session ends with at least one hold done, it adds a cool-down
 * record to the journal (start and end on the wall clock, the routine's
 * name, steps done and total), partial when stopped early; with none done,
 * it logs nothing. */
FlStretchSession     *fl_stretch_session_new               (FlRoutine        *routine,
                                                            FlJournal        *journal,
                                                            FlClock          *clock);

FlRoutine            *fl_stretch_session_get_routine       (FlStretchSession *self);
FlStretchSessionState fl_stretch_session_get_state         (FlStretchSession *self);
guint                 fl_stretch_session_get_current_step  (FlStretchSession *self);
/* The current step (transfer none) */
const FlRoutineStep  *fl_stretch_session_get_step          (FlStretchSession *self);
gint64                fl_stretch_session_get_remaining_ms  (FlStretchSession *self);
double                fl_stretch_session_get_progress      (FlStretchSession *self);
guint                 fl_stretch_session_get_holds_done    (FlStretchSession *self);
/* The cool-down record logged when the session ended, or NULL (nothing done,
 * no journal, or the journal refused it). (transfer none) */
FlRecord             *fl_stretch_session_get_record        (FlStretchSession *self);

/* Each does nothing in a state where it does not apply (pausing a paused
 * session, skipping a finished one, …). */
void                  fl_stretch_session_start             (FlStretchSession *self);
void                  fl_stretch_session_pause             (FlStretchSession *self);
void                  fl_stretch_session_resume            (FlStretchSession *self);
/* To the start of the next step; past the last step, the session is done.
 * While paused it stays paused, at the start of that step. */
void                  fl_stretch_session_skip              (FlStretchSession *self);
/* To the start of the previous step; on the first step, to its start again. */
void                  fl_stretch_session_back              (FlStretchSession *self);
void                  fl_stretch_session_stop              (FlStretchSession *self);

/* DESIGN.md "Reminders": the cool-down is offered when a run ends, for 2
 * hours; a run is "followed by a cool-down" when one starts in that time. */
#define FL_COOLDOWN_WINDOW (2 * G_TIME_SPAN_HOUR)

/* TRUE if the journal has a cool-down with at least one hold done that
 * starts at or after @from and before @to (NULL: no end). */
gboolean              fl_cooldown_logged_between           (FlJournal        *journal,
                                                            GDateTime        *from,
                                                            GDateTime        *to);

G_END_DECLS
