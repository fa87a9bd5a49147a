/* bench-training.c: FlTraining over 10 and 20 years of daily runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a journal of one run a day (varied effort, distance and cadence,
 * some without an effort so the estimate runs too) for N years ending on
 * 2026-11-27, then times fl_training_state_init() for that day: the median
 * of REPEATS runs, on the monotonic clock. Prints one line per length and
 * the ratio 20 y / 10 y (linear growth: about 2). Other lengths can be given
 * as arguments (years), e.g. `bench-training 5 10 20 40`, to see the shape.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fl-training.h"

#define REPEATS 31

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static FlJournal *
build_journal (int          years,
               const GDate *last)
{
  FlJournal *journal = fl_journal_new ();
  GDate day = *last;
  int n_days;

  g_date_subtract_years (&day, years);
  n_days = g_date_days_between (&day, last) + 1;

  for (int i = 0; i < n_days; i++, g_date_add_days (&day, 1))
    {
      g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                                          g_date_get_day (&day), 7, 30, 0);
      g_autoptr(FlRecord) run = fl_run_new (start, 1800 + (i % 5) * 600, 5000 + (i % 7) * 1000);
      g_autoptr(GError) error = NULL;

      FL_RUN (run)->rpe = i % 4 == 3 ? -1 : 2 + i % 6;
      FL_RUN (run)->cadence_spm = 160 + i % 11;
      if (!fl_journal_add (journal, run, &error))
        g_error ("%s", error->message);
    }

  return journal;
}

static double
time_state (FlJournal   *journal,
            const GDate *date,
            double      *out_min_ms)
{
  gint64 samples[REPEATS];
  FlTrainingState state;

  for (int r = 0; r < REPEATS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();

      fl_training_state_init (&state, journal, date);
      samples[r] = g_get_monotonic_time () - t0;
    }

  qsort (samples, REPEATS, sizeof (gint64), compare_gint64);
  *out_min_ms = samples[0] / 1000.0;

  return samples[REPEATS / 2] / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  int lengths[16] = { 10, 20 };
  guint n_lengths = 2;
  double medians[16];
  GDate last;

  if (argc > 1)
    {
      n_lengths = 0;
      for (int i = 1; i < argc && n_lengths < G_N_ELEMENTS (lengths); i++)
        if (atoi (argv[i]) > 0 && atoi (argv[i]) <= 200)
          lengths[n_lengths++] = atoi (argv[i]);
    }

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 27, G_DATE_NOVEMBER, 2026);

  for (guint i = 0; i < n_lengths; i++)
    {
      g_autoptr(FlJournal) journal = build_journal (lengths[i], &last);
      guint n_runs = fl_journal_get_records (journal, FL_RECORD_RUN)->len;
      double min_ms;

      medians[i] = time_state (journal, &last, &min_ms);
      printf ("%2d years, %5u runs: median %.2f ms, best %.2f ms (%d repeats)\n",
              lengths[i], n_runs, medians[i], min_ms, REPEATS);
    }

  for (guint i = 0; i < n_lengths; i++)
    {
      if (i > 0)
        printf ("ratio %d y / %d y: %.2f (linear: %.2f)\n", lengths[i], lengths[i - 1],
                medians[i] / medians[i - 1], (double) lengths[i] / lengths[i - 1]);
      if (lengths[i] == 10)
        printf ("goal: 10 years under 20 ms: %s\n", medians[i] < 20.0 ? "met" : "NOT met");
    }

  return 0;
}
