/* emulator-main.c: start-up, the two announcement lines, and shutdown
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <glib-unix.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "emulator-auth.h"
#include "emulator-control.h"
#include "emulator-coordinator.h"
#include "emulator-log.h"
#include "emulator-router.h"
#include "emulator-secrets.h"
#include "emulator-state.h"

#define MAX_COORDINATORS 64
/* The system collections' replication factor (2) needs two DB-Servers. */
#define MIN_DBSERVERS 2
#define MAX_DBSERVERS 64

typedef struct {
  int       coordinators;
  int       dbservers;
  char     *user;
  char     *password;
  char     *jwt_secret;
  char     *jwt_secret_folder;
  int       jwt_ttl;
  char     *tls_cert;
  char     *tls_key;
  gboolean  exit_on_eof;
  gboolean  http2;
  char     *server_version;
  gboolean  single;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->user);
  g_free (options->password);
  g_free (options->jwt_secret);
  g_free (options->jwt_secret_folder);
  g_free (options->tls_cert);
  g_free (options->tls_key);
  g_free (options->server_version);
}

static gboolean
parse_options (Options   *options,
               int       *argc,
               char    ***argv,
               GError   **error)
{
  const GOptionEntry entries[] = {
    { "coordinators", 0, 0, G_OPTION_ARG_INT, &options->coordinators,
      "Number of coordinators (default 3)", "N" },
    { "dbservers", 0, 0, G_OPTION_ARG_INT, &options->dbservers,
      "Number of DB-Servers in the cluster's health and shard placement (default 3)", "N" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &options->user,
      "Require authentication as this user", "NAME" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &options->password,
      "Password of --user (default empty)", "PW" },
    { "jwt-secret", 0, 0, G_OPTION_ARG_STRING, &options->jwt_secret,
      "Secret that signs the JWTs (default random)", "S" },
    { "jwt-secret-folder", 0, 0, G_OPTION_ARG_FILENAME, &options->jwt_secret_folder,
      "Read the secrets from the files of this folder, the first by name signing", "DIR" },
    { "jwt-ttl", 0, 0, G_OPTION_ARG_INT, &options->jwt_ttl,
      "Lifetime of tokens from /_open/auth and /_open/auth/renew in seconds (default 3600)", "SECONDS" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_cert,
      "Serve HTTPS with this PEM certificate", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options->tls_key,
      "PEM private key of --tls-cert", "FILE" },
    { "http2", 0, 0, G_OPTION_ARG_NONE, &options->http2,
      "with TLS: offer HTTP/2 (ALPN h2) as well as HTTP/1.1", NULL },
    { "exit-on-eof", 0, 0, G_OPTION_ARG_NONE, &options->exit_on_eof,
      "Exit when standard input reaches end of file", NULL },
    { "server-version", 0, 0, G_OPTION_ARG_STRING, &options->server_version,
      "Answer as this ArangoDB version (default " EMU_VERSION ")", "X.Y.Z" },
    { "single", 0, 0, G_OPTION_ARG_NONE, &options->single,
      "Answer as single servers do where they differ from Coordinators", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- emulated ArangoDB cluster");

  g_option_context_set_summary (context,
                                "Prints the coordinator URLs on the first line of standard "
                                "output and \"control <URL>\" on the second.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (options->coordinators < 1 || options->coordinators > MAX_COORDINATORS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--coordinators must be between 1 and %d", MAX_COORDINATORS);
      return FALSE;
    }
  if (options->dbservers < MIN_DBSERVERS || options->dbservers > MAX_DBSERVERS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--dbservers must be between %d and %d", MIN_DBSERVERS, MAX_DBSERVERS);
      return FALSE;
    }
  if (options->jwt_ttl < 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--jwt-ttl must be positive");
      return FALSE;
    }
  if (options->jwt_secret != NULL && options->jwt_secret_folder != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "either --jwt-secret or --jwt-secret-folder");
      return FALSE;
    }
  if (options->password != NULL && options->user == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--password needs --user");
      return FALSE;
    }
  if (options->server_version != NULL &&
      !g_regex_match_simple ("^[0-9]+\\.[0-9]+\\.[0-9]+([-.][0-9A-Za-z.-]+)?$",
                             options->server_version, 0, 0))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--server-version must look like 3.11.14");
      return FALSE;
    }
  if ((options->tls_cert == NULL) != (options->tls_key == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--tls-cert and --tls-key go together");
      return FALSE;
    }
  if (options->http2 && options->tls_cert == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--http2 needs --tls-cert");
      return FALSE;
    }
  /* libsoup 3.2 reads this when each SoupServer is made. */
  if (options->http2)
    g_setenv ("SOUP_SERVER_HTTP2", "1", TRUE);

  return TRUE;
}

static gboolean
on_signal (gpointer user_data)
{
  GMainLoop *loop = user_data;

  emu_debug ("signal received, exiting");
  g_main_loop_quit (loop);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_stdin (int          fd,
          GIOCondition condition,
          gpointer     user_data)
{
  GMainLoop *loop = user_data;
  char buffer[256];
  gssize n;

  n = read (fd, buffer, sizeof buffer);
  if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
    return G_SOURCE_CONTINUE;

  /* The test that started us is gone: do not outlive it. */
  emu_debug ("standard input closed, exiting");
  g_main_loop_quit (loop);

  return G_SOURCE_REMOVE;
}

static gboolean
setup_state (EmuState  *state,
             Options   *options,
             GError   **error)
{
  int i;

  if (options->user != NULL)
    emu_state_add_user (state, options->user,
                        options->password != NULL ? options->password : "");

  state->jwt_secret = options->jwt_secret != NULL
    ? g_strdup (options->jwt_secret)
    : emu_auth_new_secret ();
  state->jwt_ttl = (guint) options->jwt_ttl;
  if (options->jwt_secret_folder != NULL)
    {
      g_autofree char *message = NULL;
      int error_num;

      state->jwt_secret_folder = g_strdup (options->jwt_secret_folder);
      if (!emu_secrets_load_folder (state, &error_num, &message))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, message);
          return FALSE;
        }
    }
  state->single_server = options->single;

  if (options->tls_cert != NULL)
    {
      state->tls_certificate = g_tls_certificate_new_from_files (options->tls_cert,
                                                                 options->tls_key,
                                                                 error);
      if (state->tls_certificate == NULL)
        return FALSE;
    }

  emu_router_register_families (state->router);

  for (i = 0; i < options->coordinators; i++)
    {
      EmuCoordinator *coordinator = emu_coordinator_new (state, (guint) i, error);

      if (coordinator == NULL)
        return FALSE;
      g_ptr_array_add (state->coordinators, coordinator);
    }
  state->target_coordinators = options->coordinators;

  return emu_control_start (state, error);
}

static void
announce (EmuState *state)
{
  g_autoptr(GString) urls = g_string_new (NULL);
  g_autofree char *control = emu_control_get_url (state);
  guint i;

  for (i = 0; i < state->coordinators->len; i++)
    {
      g_autofree char *url = emu_coordinator_get_url (g_ptr_array_index (state->coordinators, i));

      if (i > 0)
        g_string_append_c (urls, ',');
      g_string_append (urls, url);
    }

  /* These two lines are all stdout ever carries: callers parse them. */
  printf ("%s\ncontrol %s\n", urls->str, control);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  Options options = { .coordinators = 3, .dbservers = 3, .jwt_ttl = 3600 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(EmuState) state = NULL;
  guint sigterm_id, sigint_id, stdin_id = 0;

#ifdef __linux__
  /* Whoever spawned us may die without a chance to clean up. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
  /* A client closing its socket early must not kill the process. */
  signal (SIGPIPE, SIG_IGN);

  emu_log_init ();

  if (!parse_options (&options, &argc, &argv, &error))
    {
      g_printerr ("arango-emulator: %s\n", error->message);
      options_clear (&options);
      return 2;
    }

  state = emu_state_new (options.server_version, (guint) options.dbservers);
  if (!setup_state (state, &options, &error))
    {
      g_printerr ("arango-emulator: %s\n", error->message);
      options_clear (&options);
      return 1;
    }

  announce (state);

  loop = g_main_loop_new (NULL, FALSE);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal, loop);
  sigint_id = g_unix_signal_add (SIGINT, on_signal, loop);
  if (options.exit_on_eof)
    stdin_id = g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin, loop);

  g_main_loop_run (loop);

  g_source_remove (sigterm_id);
  g_source_remove (sigint_id);
  if (stdin_id != 0 && g_main_context_find_source_by_id (NULL, stdin_id) != NULL)
    g_source_remove (stdin_id);
  options_clear (&options);

  return 0;
}
