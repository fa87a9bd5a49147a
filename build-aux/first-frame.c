/* first-frame.c: measure exec → first frame of a GTK 4 application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built twice by build-aux/benchmark.sh:
 *
 *   cc -shared -fPIC first-frame.c -o first-frame.so `pkg-config --cflags --libs gtk4` -ldl
 *     An LD_PRELOAD shim. It wraps the calls an application makes to show its
 *     window (gtk_window_present, gtk_window_present_with_time,
 *     gtk_widget_show, gtk_widget_set_visible); when the window is mapped it
 *     connects to the "after-paint" signal of the window's GdkFrameClock, and
 *     on the first one it writes
 *       <milliseconds since exec> <VmRSS KiB> <VmHWM KiB>
 *     to $FIRST_FRAME_OUT and ends the process with _exit (0); with
 *     FIRST_FRAME_STAY=1 it writes the line and lets the application run on
 *     (the idle measurement waits for that line).
 *
 *   cc -DFIRST_FRAME_EXEC first-frame.c -o first-frame-exec
 *     A launcher: `first-frame-exec CMD ARGS…` stores the CLOCK_MONOTONIC
 *     time in $FIRST_FRAME_T0_NS and execs CMD, so the measured span starts
 *     at exec and the shell's fork costs nothing. Without it the shim falls
 *     back to the process start time in /proc/self/stat, which has only
 *     clock-tick (10 ms) resolution. $FIRST_FRAME_PRELOAD becomes LD_PRELOAD
 *     of CMD only, so the shim is not loaded into the launcher itself.
 *
 * Both applications go through the same code path, so the comparison is fair
 * whichever of the calls each one uses.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t
now_ns (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

#ifdef FIRST_FRAME_EXEC

int
main (int argc, char **argv)
{
  char t0[32];

  if (argc < 2)
    {
      fprintf (stderr, "usage: first-frame-exec COMMAND [ARGS…]\n");
      return 2;
    }
  snprintf (t0, sizeof t0, "%llu", (unsigned long long) now_ns (CLOCK_MONOTONIC));
  if (getenv ("FIRST_FRAME_PRELOAD") != NULL)
    setenv ("LD_PRELOAD", getenv ("FIRST_FRAME_PRELOAD"), 1);
  setenv ("FIRST_FRAME_T0_NS", t0, 1);
  execvp (argv[1], argv + 1);
  fprintf (stderr, "first-frame-exec: %s: %s\n", argv[1], strerror (errno));
  return 127;
}

#else /* the LD_PRELOAD shim */

#include <dlfcn.h>
#include <gtk/gtk.h>

/* The shim defines GTK's own symbols; the prototypes come from gtk.h. */

static gboolean armed;

static double
elapsed_ms (void)
{
  const char *t0 = g_getenv ("FIRST_FRAME_T0_NS");
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long long start_ticks = 0;
  int field;

  if (t0 != NULL && *t0 != '\0')
    return (double) (now_ns (CLOCK_MONOTONIC) - g_ascii_strtoull (t0, NULL, 10)) / 1e6;

  /* Field 22 of /proc/self/stat is the start time in clock ticks since boot,
   * the same origin as CLOCK_BOOTTIME. The command name (field 2) may hold
   * spaces, so count from the last ')'. */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;
  p = strrchr (stat, ')');
  for (field = 2; p != NULL && field < 22; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  return (double) now_ns (CLOCK_BOOTTIME) / 1e6
         - (double) start_ticks * 1000.0 / (double) sysconf (_SC_CLK_TCK);
}

static long
status_kib (const char *status,
            const char *key)
{
  const char *line = strstr (status, key);

  return line != NULL ? strtol (line + strlen (key), NULL, 10) : -1;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  double ms = elapsed_ms ();
  g_autofree char *status = NULL;
  const char *out = g_getenv ("FIRST_FRAME_OUT");
  FILE *f = stdout;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  if (out != NULL && (f = fopen (out, "w")) == NULL)
    f = stdout;
  fprintf (f, "%.1f %ld %ld\n", ms,
           status ? status_kib (status, "VmRSS:") : -1,
           status ? status_kib (status, "VmHWM:") : -1);
  fflush (f);
  if (f != stdout)
    fclose (f);
  if (g_strcmp0 (g_getenv ("FIRST_FRAME_STAY"), "1") == 0)
    {
      g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
      return;
    }
  /* The first frame is all we measure: leave at once, skipping atexit
   * handlers and finalizers so they don't add to the next run's noise. */
  _exit (0);
}

static void
connect_frame_clock (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock == NULL || armed)
    return;
  armed = TRUE;
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_map (GtkWidget *window,
        gpointer   user_data)
{
  connect_frame_clock (window);
}

static void
watch (gpointer widget)
{
  if (armed || !GTK_IS_WINDOW (widget))
    return;
  if (gtk_widget_get_mapped (widget))
    connect_frame_clock (widget);
  else if (g_object_get_data (widget, "first-frame-watched") == NULL)
    {
      g_object_set_data (widget, "first-frame-watched", GINT_TO_POINTER (1));
      g_signal_connect (widget, "map", G_CALLBACK (on_map), NULL);
    }
}

#define REAL(name) \
  static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

void
gtk_window_present (GtkWindow *window)
{
  REAL (gtk_window_present);
  watch (window);
  real_gtk_window_present (window);
  watch (window);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  REAL (gtk_window_present_with_time);
  watch (window);
  real_gtk_window_present_with_time (window, timestamp);
  watch (window);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
void
gtk_widget_show (GtkWidget *widget)
{
  REAL (gtk_widget_show);
  watch (widget);
  real_gtk_widget_show (widget);
  watch (widget);
}
G_GNUC_END_IGNORE_DEPRECATIONS

void
gtk_widget_set_visible (GtkWidget *widget,
                        gboolean   visible)
{
  REAL (gtk_widget_set_visible);
  if (visible)
    watch (widget);
  real_gtk_widget_set_visible (widget, visible);
  if (visible)
    watch (widget);
}

#endif
