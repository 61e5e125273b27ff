/* demo-emulator.c: starting the ArangoDB emulator for the C examples
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <signal.h>

#include "demo-emulator.h"

/**
 * demo_emulator_find:
 *
 * Looks for the emulator: `$ARANGO_EMULATOR`, then the build tree (the
 * emulator is built in `../tests/emulator/` next to the examples), then
 * `PATH`.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL
 */
char *
demo_emulator_find (void)
{
  const char *variable = g_getenv ("ARANGO_EMULATOR");
  g_autofree char *self = NULL;

  if (variable != NULL && *variable != '\0')
    return g_strdup (variable);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *directory = g_path_get_dirname (self);
      g_autofree char *candidate = g_build_filename (directory, "..", "tests", "emulator",
                                                     "arango-emulator", NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&candidate);
    }

  return g_find_program_in_path ("arango-emulator");
}

/**
 * demo_emulator_start:
 * @emulator: (out): where to put the emulator process
 * @user: (nullable): the user to turn authentication on with
 * @password: (nullable): its password; without one, authentication stays off
 * @error: return location for a #GError
 *
 * Starts the emulator with three coordinators and waits until it listens.
 * It is started with `--exit-on-eof`, so it also goes away when the
 * calling program dies: its stdin closes.
 *
 * Returns: (transfer full): the coordinator URLs the emulator prints on
 *   its first line, comma-separated; %NULL with @error set
 */
char *
demo_emulator_start (GSubprocess **emulator,
                     const char   *user,
                     const char   *password,
                     GError      **error)
{
  g_autofree char *path = demo_emulator_find ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *hosts = NULL;
  g_autofree char *control = NULL;

  g_return_val_if_fail (emulator != NULL && *emulator == NULL, NULL);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "arango-emulator was not found; set ARANGO_EMULATOR or give HOSTS");
      return NULL;
    }

  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, "--coordinators");
  g_ptr_array_add (argv, "3");
  if (user != NULL && password != NULL && *password != '\0')
    {
      g_ptr_array_add (argv, "--user");
      g_ptr_array_add (argv, (char *) user);
      g_ptr_array_add (argv, "--password");
      g_ptr_array_add (argv, (char *) password);
    }
  g_ptr_array_add (argv, "--exit-on-eof");
  g_ptr_array_add (argv, NULL);

  g_print ("Starting %s\n", path);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                               error);
  if (process == NULL)
    return NULL;

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  hosts = g_data_input_stream_read_line_utf8 (output, NULL, NULL, error);
  if (hosts != NULL)
    control = g_data_input_stream_read_line_utf8 (output, NULL, NULL, error);
  if (hosts == NULL || control == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             "The emulator exited before printing its URLs");
      g_subprocess_force_exit (process);
      return NULL;
    }

  *emulator = g_steal_pointer (&process);
  return g_steal_pointer (&hosts);
}

/**
 * demo_emulator_stop:
 * @emulator: the process demo_emulator_start() gave
 *
 * Stops the emulator and waits for it to exit.
 */
void
demo_emulator_stop (GSubprocess *emulator)
{
  g_return_if_fail (G_IS_SUBPROCESS (emulator));

  g_output_stream_close (g_subprocess_get_stdin_pipe (emulator), NULL, NULL);
  g_subprocess_send_signal (emulator, SIGTERM);
  g_subprocess_wait (emulator, NULL, NULL);
  g_print ("Stopped the emulator\n");
}
