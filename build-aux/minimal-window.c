/* minimal-window.c: the floor for build-aux/benchmark.sh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication that presents one AdwApplicationWindow with a label:
 * what any libadwaita app costs before it does anything of its own. The
 * benchmark measures it the same way as the two real applications.
 */
#include <adwaita.h>

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("Minimal window"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.example.FirstFrameMinimal",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
