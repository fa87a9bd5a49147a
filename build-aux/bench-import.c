/* bench-import.c: fl_import_file() on one file, timed; prints one JSON line
 *
 *   bench-import FILE [REPEATS]
 *
 * {"seconds": best wall time of REPEATS, "bytes", "activities", "points",
 *  "distance_m": the sum, so the work cannot be optimized away}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>

#include "fl-import.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  double best = G_MAXDOUBLE, distance_m = 0;
  guint activities = 0, points = 0;
  int repeats;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-import FILE [REPEATS]\n");
      return 2;
    }
  repeats = argc > 2 ? atoi (argv[2]) : 3;
  file = g_file_new_for_commandline_arg (argv[1]);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  for (int r = 0; r < MAX (repeats, 1); r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) result = NULL;
      gint64 begin = g_get_monotonic_time ();
      double seconds;

      result = fl_import_file (file, &error);
      seconds = (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC;
      if (result == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      best = MIN (best, seconds);
      activities = result->len;
      points = 0;
      distance_m = 0;
      for (guint i = 0; i < result->len; i++)
        {
          FlImportedActivity *activity = g_ptr_array_index (result, i);

          points += activity->points;
          distance_m += activity->distance_m;
        }
    }

  printf ("{\"seconds\": %.4f, \"bytes\": %" G_GINT64_FORMAT ", \"activities\": %u, \"points\": %u, \"distance_m\": %.1f}\n",
          best, (gint64) g_file_info_get_size (info), activities, points, distance_m);
  return 0;
}
