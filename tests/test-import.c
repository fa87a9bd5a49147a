/* test-import.c: runs from GPX and TCX files, one small file per quirk of
 * real devices (tests/import/, after ../shared/activities/README.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "fl-import.h"
#include "fl-journal.h"

/* One step of 0.001° along a meridian: R × π / 180 / 1000 with the mean
 * Earth radius 6371008.8 m */
#define STEP_M 111.19508

static GPtrArray *
import (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *activities = fl_import_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (activities);
  return activities;
}

static FlImportedActivity *
only (GPtrArray *activities)
{
  g_assert_cmpuint (activities->len, ==, 1);
  return g_ptr_array_index (activities, 0);
}

static void
assert_start (const FlImportedActivity *activity,
              const char               *expected)
{
  g_autofree char *start = NULL;

  g_assert_nonnull (activity->start);
  start = fl_record_format_time (activity->start);
  g_assert_cmpstr (start, ==, expected);
}

static void
test_gpx_garmin (void)
{
  g_autoptr(GPtrArray) activities = import ("garmin-gpxtpx.gpx");
  FlImportedActivity *a = only (activities);

  /* The first point, not <metadata><time> (09:00) */
  assert_start (a, "2026-11-20T06:30:00+00:00");
  g_assert_cmpint (a->elapsed_s, ==, 60);
  g_assert_cmpint (a->moving_s, ==, 60);
  g_assert_cmpfloat_with_epsilon (a->distance_m, 2 * STEP_M, 0.01);
  g_assert_false (a->device_distance);
  g_assert_cmpfloat_with_epsilon (a->avg_hr, (140 + 150 + 166) / 3.0, 1e-9);
  g_assert_cmpint (a->max_hr, ==, 166);
  /* cad counts one foot; the 0 sample is left out: (84 + 86) × 2 / 2 */
  g_assert_cmpfloat_with_epsilon (a->avg_cadence_spm, 170, 1e-9);
  g_assert_cmpuint (a->points, ==, 3);
  g_assert_cmpstr (a->sport, ==, "running");
  g_assert_cmpstr (a->name, ==, "Hills & Intervals");
  g_assert_cmpstr (a->source, ==, "gpx");
}

static void
test_gpx_prefixes (void)
{
  g_autoptr(GPtrArray) activities = import ("ns3-extensions.gpx");
  FlImportedActivity *a = only (activities);

  /* gpx: on every element and ns3: on the extension read the same */
  assert_start (a, "2026-11-20T06:30:00+00:00");
  g_assert_cmpfloat_with_epsilon (a->avg_hr, 125, 1e-9);
  g_assert_cmpint (a->max_hr, ==, 130);
  g_assert_cmpfloat_with_epsilon (a->avg_cadence_spm, 170, 1e-9);
  g_assert_cmpstr (a->name, ==, "Prefixed");
  g_assert_null (a->sport);
}

static void
test_gpx_bom (void)
{
  g_autoptr(GPtrArray) activities = import ("bom-no-namespace.gpx");
  FlImportedActivity *a = only (activities);

  assert_start (a, "2021-05-05T12:58:52+00:00");
  g_assert_cmpstr (a->name, ==, "Borovničke, seveda");
  g_assert_cmpfloat_with_epsilon (a->distance_m, STEP_M, 0.01);
  g_assert_cmpint (a->moving_s, ==, 60);
}

static void
test_gpx_segments (void)
{
  g_autoptr(GPtrArray) activities = import ("three-segments.gpx");
  FlImportedActivity *a = only (activities);

  /* 06:00 to 06:23, three one-minute stretches with pauses between (and an
   * empty segment, which is no pause and no stretch) */
  g_assert_cmpint (a->elapsed_s, ==, 23 * 60);
  g_assert_cmpint (a->moving_s, ==, 3 * 60);
  /* Never bridged: the 9-step gaps between segments are not run */
  g_assert_cmpfloat_with_epsilon (a->distance_m, 3 * STEP_M, 0.01);
  g_assert_cmpuint (a->points, ==, 6);
}

static void
test_gpx_pause_markers (void)
{
  g_autoptr(GPtrArray) activities = import ("pause-markers.gpx");
  FlImportedActivity *a = only (activities);

  /* Latitudes 100 and 200 and a longitude of 999 are no points; the
   * markers end a stretch, so 0.001 → 0.050 is not run */
  g_assert_cmpuint (a->points, ==, 4);
  assert_start (a, "2026-11-20T06:00:00.250000+00:00");
  g_assert_cmpint (a->elapsed_s, ==, 6 * 60);
  g_assert_cmpint (a->moving_s, ==, 2 * 60);
  g_assert_cmpfloat_with_epsilon (a->distance_m, 2 * STEP_M, 0.01);
}

static void
test_gpx_offsets (void)
{
  g_autoptr(GPtrArray) activities = import ("offsets-foreign.gpx");
  FlImportedActivity *a = only (activities);
  g_autoptr(GDateTime) utc = NULL;

  /* 18:00+01:00 is 17:00Z: the next point, 40 s later, is written in UTC */
  assert_start (a, "2026-11-20T18:00:00+01:00");
  utc = g_date_time_to_utc (a->start);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 17);
  g_assert_cmpint (a->elapsed_s, ==, 40);
  /* Foreign elements beside hr and cad (speed, power, OpenTracks' own)
   * change nothing; the CDATA name is the track's, not the extension's */
  g_assert_cmpstr (a->name, ==, "Evening run");
  g_assert_cmpfloat_with_epsilon (a->avg_hr, 152, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->avg_cadence_spm, 172, 1e-9);
  g_assert_cmpfloat_with_epsilon (a->distance_m, STEP_M, 0.01);
}

static void
test_gpx10_tracks (void)
{
  g_autoptr(GPtrArray) activities = import ("gpx10-four-tracks.gpx");
  FlImportedActivity *a;

  /* Four tracks: the empty one is no activity */
  g_assert_cmpuint (activities->len, ==, 3);

  a = g_ptr_array_index (activities, 0);
  g_assert_cmpstr (a->name, ==, "no times");
  g_assert_null (a->start);
  g_assert_cmpint (a->elapsed_s, ==, -1);
  g_assert_cmpint (a->moving_s, ==, -1);
  g_assert_cmpfloat_with_epsilon (a->distance_m, STEP_M, 0.01);

  a = g_ptr_array_index (activities, 1);
  /* Not the file's <time> nor the waypoint's */
  assert_start (a, "2010-10-03T09:36:30+00:00");
  g_assert_cmpint (a->elapsed_s, ==, 600);
  g_assert_cmpfloat_with_epsilon (a->distance_m, 2 * STEP_M, 0.01);

  a = g_ptr_array_index (activities, 2);
  assert_start (a, "2010-10-03T10:57:10+00:00");
  g_assert_cmpint (a->elapsed_s, ==, 1200);
  g_assert_cmpfloat_with_epsilon (a->distance_m, 3 * STEP_M, 0.01);
}

static void
test_tcx_nine_hour_gap (void)
{
  g_autoptr(GPtrArray) activities = import ("two-laps-nine-hour-gap.tcx");
  FlImportedActivity *a = only (activities);

  assert_start (a, "2026-11-20T06:00:00+00:00");
  /* 06:00 to 15:15 elapsed; moving is the laps' timer time, 600.4 + 300 */
  g_assert_cmpint (a->elapsed_s, ==, 9 * 3600 + 15 * 60);
  g_assert_cmpint (a->moving_s, ==, 900);
  /* The device's distance (the laps'), not the geodesic 2 × 111 m */
  g_assert_cmpfloat_with_epsilon (a->distance_m, 3000, 1e-9);
  g_assert_true (a->device_distance);
  /* Samples, not the lap's AverageHeartRateBpm */
  g_assert_cmpfloat_with_epsilon (a->avg_hr, 155, 1e-9);
  g_assert_cmpint (a->max_hr, ==, 170);
  /* ns3:RunCadence × 2, the 0 left out: (170 + 174) / 2 */
  g_assert_cmpfloat_with_epsilon (a->avg_cadence_spm, 172, 1e-9);
  g_assert_cmpstr (a->sport, ==, "running");
  g_assert_cmpstr (a->source, ==, "tcx");
}

static void
test_tcx_default_namespace (void)
{
  /* White space before <?xml, a TPX in a default namespace, and a running
   * <Cadence> (one foot) */
  g_autoptr(GPtrArray) activities = import ("default-ns-cadence.tcx");
  FlImportedActivity *a = only (activities);

  assert_start (a, "2026-11-21T07:00:00+00:00");
  g_assert_cmpfloat_with_epsilon (a->avg_cadence_spm, (160 + 180) / 2.0, 1e-9);
  g_assert_cmpint (a->moving_s, ==, 120);
  g_assert_cmpfloat_with_epsilon (a->distance_m, 2 * STEP_M, 0.01);
}

static void
test_tcx_two_activities (void)
{
  g_autoptr(GPtrArray) activities = import ("two-activities.tcx");
  FlImportedActivity *run, *ride;

  g_assert_cmpuint (activities->len, ==, 2);
  run = g_ptr_array_index (activities, 0);
  ride = g_ptr_array_index (activities, 1);
  g_assert_cmpstr (run->sport, ==, "running");
  g_assert_cmpfloat_with_epsilon (run->distance_m, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (run->avg_cadence_spm, 120, 1e-9);
  g_assert_cmpstr (ride->sport, ==, "cycling");
  assert_start (ride, "2026-11-20T17:00:00+00:00");
  g_assert_cmpint (ride->moving_s, ==, 3600);
  /* A ride's <Cadence> is pedal revolutions, not steps */
  g_assert_cmpfloat (ride->avg_cadence_spm, ==, 0);
}

static void
test_tcx_laps_without_summary (void)
{
  g_autoptr(GPtrArray) activities = import ("laps-without-summary.tcx");
  FlImportedActivity *a = only (activities);

  /* No TotalTimeSeconds: two Tracks, 4 min and 1 min; no DistanceMeters:
   * geodesic, never across the two Tracks; the point without a position
   * keeps its time but adds no distance */
  g_assert_cmpint (a->elapsed_s, ==, 11 * 60);
  g_assert_cmpint (a->moving_s, ==, 5 * 60);
  g_assert_false (a->device_distance);
  g_assert_cmpfloat_with_epsilon (a->distance_m, 3 * STEP_M, 0.01);
  g_assert_cmpuint (a->points, ==, 5);
}

static void
assert_fails (const char   *name,
              FlImportError code,
              const char   *words)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = fl_import_file (file, &error);

  g_assert_null (activities);
  g_assert_error (error, FL_IMPORT_ERROR, (int) code);
  g_test_message ("%s", error->message);
  /* One line that names the file and says what is wrong */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_errors (void)
{
  assert_fails ("not-xml.gpx", FL_IMPORT_ERROR_NOT_XML, "cannot be read as GPX or TCX");
  assert_fails ("truncated.gpx", FL_IMPORT_ERROR_NOT_XML, "ended unexpectedly");
  assert_fails ("html.gpx", FL_IMPORT_ERROR_FORMAT, "<html>");
  assert_fails ("empty-segment.gpx", FL_IMPORT_ERROR_EMPTY, "no track point");
  assert_fails ("no-laps.tcx", FL_IMPORT_ERROR_EMPTY, "no track point");
  assert_fails ("there-is-no-such-file.gpx", FL_IMPORT_ERROR_READ, "there-is-no-such-file.gpx");
}

static void
test_too_big (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fl-test-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.gpx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) activities = NULL;
  int fd;

  /* Sparse: 100 MB and one byte, without writing them */
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, FL_IMPORT_MAX_BYTES + 1), ==, 0);
  close (fd);

  activities = fl_import_file (file, &error);
  g_assert_null (activities);
  g_assert_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "huge.gpx"));
  g_assert_nonnull (strstr (error->message, "100 MB"));

  g_remove (path);
  g_rmdir (dir);
}

static const char untimed_doc[] =
  "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>yesterday</time></trkpt>"
  "<trkpt lat=\"1\" lon=\"2\"><time>0000-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>";

static void
test_data_chunks (void)
{
  /* The same file whole and fed from a buffer give the same figures */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", "garmin-gpxtpx.gpx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  activities = fl_import_data (contents, length, "buffer", &error);
  g_assert_no_error (error);
  g_assert_cmpint (only (activities)->max_hr, ==, 166);

  g_clear_pointer (&activities, g_ptr_array_unref);
  activities = fl_import_data (untimed_doc, strlen (untimed_doc), "buffer", &error);
  g_assert_no_error (error);
  /* A time that is no time: the point counts, the start is unknown */
  g_assert_null (only (activities)->start);
}

/* A character cut in two by the 64 KiB read chunks, and bytes that are no
 * UTF-8 at all */
static void
test_utf8 (void)
{
  g_autoptr(GString) doc = g_string_new ("<gpx><trk><name>");
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fl-test-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "long-name.gpx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* "č" is two bytes; byte 65535 (the last of the first chunk) is the
   * first of one */
  if (doc->len % 2 == 0)
    g_string_append_c (name, 'x');
  while (doc->len + name->len < 70000)
    g_string_append (name, "č");
  g_string_append (doc, name->str);
  g_string_append (doc, "</name><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2026-11-20T06:00:00Z</time></trkpt>"
                   "</trkseg></trk></gpx>");
  g_assert_cmpint ((guchar) doc->str[65535], ==, 0xc4);
  g_assert_true (g_file_set_contents (path, doc->str, doc->len, &error));

  activities = fl_import_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (only (activities)->name, ==, name->str);
  g_clear_pointer (&activities, g_ptr_array_unref);

  /* Latin-1 "é" in a name, and a bad byte inside "<?xml" */
  activities = fl_import_data ("<gpx><trk><name>caf\xe9</name></trk></gpx>", 39, "latin1.gpx", &error);
  g_assert_null (activities);
  g_assert_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_NOT_XML);
  g_assert_cmpstr (error->message, ==, "latin1.gpx: it cannot be read as GPX or TCX: it is not UTF-8 text (at byte 19)");
  g_clear_error (&error);
  activities = fl_import_data ("<?xml\xe0version=\"1.0\"?><gpx/>", 27, "pi.gpx", &error);
  g_assert_null (activities);
  g_assert_error (error, FL_IMPORT_ERROR, FL_IMPORT_ERROR_NOT_XML);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_json (void)
{
  g_autoptr(GPtrArray) activities = import ("garmin-gpxtpx.gpx");
  g_autoptr(GPtrArray) untimed = import ("gpx10-four-tracks.gpx");
  g_autoptr(JsonNode) node = fl_imported_activity_to_json (only (activities), "run.gpx");
  g_autoptr(JsonNode) empty = fl_imported_activity_to_json (g_ptr_array_index (untimed, 0), "old.gpx");
  g_autofree char *text = json_to_string (node, FALSE);
  g_autofree char *empty_text = json_to_string (empty, FALSE);

  g_assert_cmpstr (text, ==,
                   "{\"file\":\"run.gpx\",\"start\":\"2026-11-20T06:30:00+00:00\",\"elapsed_s\":60,\"moving_s\":60,"
                   "\"distance_m\":222,\"avg_hr\":152,\"max_hr\":166,\"avg_cadence_spm\":170,\"points\":3,"
                   "\"sport\":\"running\"}");
  g_assert_cmpstr (empty_text, ==,
                   "{\"file\":\"old.gpx\",\"start\":null,\"elapsed_s\":null,\"moving_s\":null,"
                   "\"distance_m\":111,\"avg_hr\":null,\"max_hr\":null,\"avg_cadence_spm\":null,\"points\":2,"
                   "\"sport\":\"other\"}");
}

static void
test_journal (void)
{
  g_autoptr(FlJournal) journal = fl_journal_new ();
  g_autoptr(GPtrArray) garmin = import ("garmin-gpxtpx.gpx");
  g_autoptr(GPtrArray) two = import ("two-activities.tcx");
  g_autoptr(GPtrArray) untimed = import ("gpx10-four-tracks.gpx");
  g_autoptr(FlRecord) record = NULL;
  g_autoptr(FlRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  FlImportedActivity *a = only (garmin);
  GPtrArray *runs = fl_journal_get_records (journal, FL_RECORD_RUN);
  FlRun *run;

  g_assert_cmpint (fl_import_add_activity (journal, a, &record, &error), ==, FL_IMPORT_ADDED);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  run = FL_RUN (record);
  g_assert_true (g_date_time_equal (record->time, a->start));
  g_assert_cmpint (run->duration_s, ==, 60);
  g_assert_cmpfloat_with_epsilon (run->distance_m, 2 * STEP_M, 0.01);
  g_assert_cmpint (run->avg_hr, ==, 152);
  g_assert_cmpint (run->cadence_spm, ==, 170);
  g_assert_cmpint (run->rpe, ==, -1);
  g_assert_cmpstr (run->source, ==, "gpx");
  g_assert_cmpstr (run->note, ==, "Hills & Intervals");

  /* The same activity again, and again 40 s later and 5 s longer (another
   * export of it): already imported */
  g_assert_cmpint (fl_import_add_activity (journal, a, &again, NULL), ==, FL_IMPORT_DUPLICATE);
  g_assert_true (again == record);
  {
    g_autoptr(GDateTime) later = g_date_time_add_seconds (a->start, 40);
    g_autoptr(GDateTime) much_later = g_date_time_add_seconds (a->start, 61);
    GDateTime *start = a->start;

    a->start = later;
    a->moving_s = 65;
    g_assert_cmpint (fl_import_add_activity (journal, a, NULL, NULL), ==, FL_IMPORT_DUPLICATE);
    /* Same start, but ten times as long: another run */
    a->moving_s = 600;
    a->start = start;
    g_assert_cmpint (fl_import_add_activity (journal, a, NULL, NULL), ==, FL_IMPORT_ADDED);
    /* 61 s later: another run */
    a->moving_s = 60;
    a->start = much_later;
    g_assert_cmpint (fl_import_add_activity (journal, a, NULL, NULL), ==, FL_IMPORT_ADDED);
    a->start = start;
  }
  g_assert_cmpuint (runs->len, ==, 3);

  /* A ride is no run; a track without times has no start */
  g_assert_cmpint (fl_import_add_activity (journal, g_ptr_array_index (two, 1), NULL, NULL), ==,
                   FL_IMPORT_NOT_A_RUN);
  g_assert_cmpint (fl_import_add_activity (journal, g_ptr_array_index (untimed, 0), NULL, NULL), ==,
                   FL_IMPORT_NO_TIMES);
  g_assert_cmpuint (runs->len, ==, 3);

  /* Read-only: refused with a message, nothing added */
  fl_journal_set_read_only (journal, TRUE);
  g_assert_cmpint (fl_import_add_activity (journal, g_ptr_array_index (two, 0), NULL, &error), ==,
                   FL_IMPORT_INVALID);
  g_assert_nonnull (error);
  g_assert_cmpuint (runs->len, ==, 3);
}

static void
test_shared_files (void)
{
  /* Optional: the real files beside the project, when they are there */
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "activities", NULL);
  const char *folders[] = { "gpx", "tcx", "edge" };
  guint n_files = 0, n_failed = 0;

  if (!g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/activities is not here");
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (root, folders[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) activities = fl_import_file (file, &error);

          n_files++;
          /* Every real GPX and TCX reads; of the edge cases, only the
           * ones with nothing in them fail, with a message */
          if (activities == NULL)
            {
              n_failed++;
              g_test_message ("%s", error->message);
              g_assert_cmpstr (folders[i], ==, "edge");
              g_assert_nonnull (strstr (error->message, name));
            }
        }
    }
  g_assert_cmpuint (n_files, >, 0);
  g_assert_cmpuint (n_failed, <=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl/import/gpx/garmin-gpxtpx", test_gpx_garmin);
  g_test_add_func ("/fl/import/gpx/prefixes", test_gpx_prefixes);
  g_test_add_func ("/fl/import/gpx/bom-no-namespace", test_gpx_bom);
  g_test_add_func ("/fl/import/gpx/segments-are-pauses", test_gpx_segments);
  g_test_add_func ("/fl/import/gpx/pause-markers", test_gpx_pause_markers);
  g_test_add_func ("/fl/import/gpx/offsets-foreign-elements", test_gpx_offsets);
  g_test_add_func ("/fl/import/gpx/gpx10-four-tracks", test_gpx10_tracks);
  g_test_add_func ("/fl/import/tcx/nine-hour-gap", test_tcx_nine_hour_gap);
  g_test_add_func ("/fl/import/tcx/default-namespace", test_tcx_default_namespace);
  g_test_add_func ("/fl/import/tcx/two-activities", test_tcx_two_activities);
  g_test_add_func ("/fl/import/tcx/laps-without-summary", test_tcx_laps_without_summary);
  g_test_add_func ("/fl/import/errors", test_errors);
  g_test_add_func ("/fl/import/too-big", test_too_big);
  g_test_add_func ("/fl/import/buffer", test_data_chunks);
  g_test_add_func ("/fl/import/utf-8", test_utf8);
  g_test_add_func ("/fl/import/json", test_json);
  g_test_add_func ("/fl/import/journal", test_journal);
  g_test_add_func ("/fl/import/shared-files", test_shared_files);

  return g_test_run ();
}
