/* test-tls.c: HTTPS coordinators: verified by default, trusted through a
 * CA file, accepted unverified only when told so
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>

#include "test-util.h"

static char *work_dir;
static char *cert_path;
static char *key_path;
static GString *warnings;

static GLogWriterOutput
collect_warnings (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_WARNING)
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          g_string_append_printf (warnings, "%s\n", (const char *) fields[i].value);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* A self-signed certificate for 127.0.0.1, made for this run. */
static gboolean
make_certificate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  int status = 0;

  if (openssl == NULL)
    return FALSE;

  work_dir = g_dir_make_tmp ("arango-tls-XXXXXX", &error);
  g_assert_no_error (error);
  cert_path = g_build_filename (work_dir, "cert.pem", NULL);
  key_path = g_build_filename (work_dir, "key.pem", NULL);
  {
    const char *argv[] = {
      openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
      "-keyout", key_path, "-out", cert_path, "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", NULL
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static EmulatorProcess *
start_tls_emulator (void)
{
  const char *args[] = { "--coordinators", "1", "--tls-cert", cert_path, "--tls-key", key_path, NULL };
  EmulatorProcess *emulator = emulator_process_start_with_args (args);

  g_assert_true (g_str_has_prefix (emulator_process_get_hosts (emulator), "https://"));
  return emulator;
}

static char *
server_role (ArangoClient  *client,
             GError       **error)
{
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  ArangoCluster *cluster = arango_database_get_cluster (database);
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_cluster_server_role_async (cluster, NULL, test_async_ready, &async);
  return arango_cluster_server_role_finish (cluster, test_async_wait (&async), error);
}

static void
test_refused_by_default (void)
{
  g_autoptr(EmulatorProcess) emulator = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;

  if (cert_path == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  emulator = start_tls_emulator ();
  client = test_client_new (emulator);
  role = server_role (client, &error);
  g_assert_null (role);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "certificate"));
  /* Refused at the handshake: the coordinator never saw a request */
  g_assert_cmpuint (emulator_process_get_request_count (emulator, 0), ==, 0);
}

static void
test_trusted_ca_file (void)
{
  g_autoptr(EmulatorProcess) emulator = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;

  if (cert_path == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  emulator = start_tls_emulator ();
  client = test_client_new (emulator);
  g_assert_true (arango_client_set_ca_file (client, cert_path, &error));
  g_assert_no_error (error);
  role = server_role (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
}

static void
test_verification_off (void)
{
  g_autoptr(EmulatorProcess) emulator = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;

  if (cert_path == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  emulator = start_tls_emulator ();
  client = test_client_new (emulator);
  g_string_truncate (warnings, 0);
  arango_client_set_verify_tls (client, FALSE);
  g_assert_nonnull (strstr (warnings->str, "verification is turned off"));
  role = server_role (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
}

/* The HTTP version of the last request coordinator 0 logged. */
static char *
last_http_version (EmulatorProcess *emulator)
{
  g_autoptr(JsonArray) requests = test_logged_requests (emulator, 0);
  guint n = json_array_get_length (requests);

  g_assert_cmpuint (n, >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (requests, n - 1),
                                                  "httpVersion"));
}

/* A coordinator that offers HTTP/2 gets it only from a client that
 * allows it. */
static void
test_http2 (gconstpointer user_data)
{
  gboolean allow = GPOINTER_TO_INT (user_data);
  const char *args[] = { "--coordinators", "1", "--http2",
                         "--tls-cert", cert_path, "--tls-key", key_path, NULL };
  g_autoptr(EmulatorProcess) emulator = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  g_autofree char *version = NULL;

  if (cert_path == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  emulator = emulator_process_start_with_args (args);
  client = test_client_new (emulator);
  g_assert_false (arango_client_get_allow_http2 (client));
  g_assert_true (arango_client_set_ca_file (client, cert_path, &error));
  g_object_set (client, "allow-http2", allow, NULL);

  role = server_role (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
  version = last_http_version (emulator);
  g_assert_cmpstr (version, ==, allow ? "2" : "1.1");
}

/* Under AddressSanitizer, LeakSanitizer's tracer crashes (SIGSEGV in
 * StopTheWorld) in processes that run gnutls, this one and the emulators
 * serving TLS, so neither checks leaks here; the other suites check the
 * library's and the emulator's. Unused without ASan. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "detect_leaks=0";
}

/* GET /_admin/server/tls describes the files the server was started with. */
static void
test_tls_description (void)
{
  g_autoptr(EmulatorProcess) emulator = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(ArangoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) tls = NULL;
  g_autofree char *certificate = NULL;
  JsonObject *keyfile;

  if (cert_path == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  emulator = start_tls_emulator ();
  client = test_client_new (emulator);
  g_assert_true (arango_client_set_ca_file (client, cert_path, &error));
  database = test_open_database (client, "root", "");
  tls = arango_database_tls_sync (database, NULL, &error);
  g_assert_no_error (error);

  keyfile = json_object_get_object_member (tls, "keyfile");
  g_assert_cmpuint (strlen (json_object_get_string_member (keyfile, "sha256")), ==, 64);
  g_assert_cmpuint (strlen (json_object_get_string_member (keyfile, "privateKeySha256")), ==, 64);
  g_assert_true (g_file_get_contents (cert_path, &certificate, NULL, NULL));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (keyfile, "certificates"), 0),
                   ==, certificate);
}

int
main (int    argc,
      char **argv)
{
  int status;

  warnings = g_string_new (NULL);
  g_log_set_writer_func (collect_warnings, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  /* The emulators started here get the same treatment; the variable is
   * read when a process starts, so only they see the change. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS"), ":detect_leaks=0", NULL);

      g_setenv ("ASAN_OPTIONS", options, TRUE);
    }

  if (!make_certificate ())
    g_clear_pointer (&cert_path, g_free);

  g_test_add_func ("/tls/refused-by-default", test_refused_by_default);
  g_test_add_func ("/tls/trusted-ca-file", test_trusted_ca_file);
  g_test_add_func ("/tls/verification-off", test_verification_off);
  g_test_add_data_func ("/tls/http2/allowed", GINT_TO_POINTER (TRUE), test_http2);
  g_test_add_data_func ("/tls/http2/forbidden", GINT_TO_POINTER (FALSE), test_http2);
  g_test_add_func ("/tls/description", test_tls_description);

  status = g_test_run ();

  if (work_dir)
    {
      g_unlink (cert_path);
      g_unlink (key_path);
      g_rmdir (work_dir);
    }
  g_free (cert_path);
  g_free (key_path);
  g_free (work_dir);
  g_string_free (warnings, TRUE);
  return status;
}
