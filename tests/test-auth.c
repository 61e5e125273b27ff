/* test-auth.c: basic auth, JWT login and renewal, ready-made tokens,
 * verification, and secrets kept out of messages and logs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

#define PASSWORD "s3cr3t-Pa55"

static GString *all_log;

static GLogWriterOutput
collect_log (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        g_string_append_len (all_log, fields[i].value,
                             fields[i].length < 0 ? (gssize) strlen (fields[i].value) : fields[i].length);
        g_string_append_c (all_log, '\n');
      }
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
assert_no_secret (const char *text,
                  const char *token)
{
  g_assert_null (strstr (text, PASSWORD));
  /* base64 of "root:" PASSWORD, as a Basic header would carry it */
  g_assert_null (strstr (text, "cm9vdDpzM2NyM3QtUGE1NQ"));
  if (token)
    g_assert_null (strstr (text, token));
}

static ArangoDatabase *
open_database (ArangoClient      *client,
               const char        *password,
               ArangoAuthMethod   method,
               gboolean           verify,
               GError           **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_client_db_full_async (client, "_system", "root", password, method, verify,
                               NULL, test_async_ready, &async);
  return arango_client_db_full_finish (client, test_async_wait (&async), error);
}

static char *
server_role (ArangoDatabase  *database,
             GError         **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  ArangoCluster *cluster = arango_database_get_cluster (database);

  arango_cluster_server_role_async (cluster, NULL, test_async_ready, &async);
  return arango_cluster_server_role_finish (cluster, test_async_wait (&async), error);
}

static void
test_basic (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, "root", PASSWORD);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) good = open_database (client, PASSWORD, ARANGO_AUTH_METHOD_BASIC, TRUE, &error);
  g_autoptr(ArangoDatabase) bad = NULL;
  g_autoptr(ArangoDatabase) unchecked = NULL;
  g_autofree char *role = NULL;

  g_assert_no_error (error);
  role = server_role (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");

  /* Wrong password with verify: refused at once */
  bad = open_database (client, "wrong", ARANGO_AUTH_METHOD_BASIC, TRUE, &error);
  g_assert_null (bad);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED);
  assert_no_secret (error->message, NULL);
  g_assert_null (strstr (error->message, "wrong"));
  g_clear_error (&error);

  /* Without verify: the first request says so */
  unchecked = open_database (client, PASSWORD "x", ARANGO_AUTH_METHOD_BASIC, FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&role, g_free);
  role = server_role (unchecked, &error);
  g_assert_null (role);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_prefix (error->message, "[HTTP 401][ERR 11]"));
  assert_no_secret (error->message, NULL);
}

static void
test_jwt_login_and_renewal (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, "root", PASSWORD);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = open_database (client, PASSWORD, ARANGO_AUTH_METHOD_JWT, FALSE, &error);
  g_autofree char *role = NULL;
  g_autofree char *first_header = NULL;
  g_autofree char *second_header = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (test_count_requests_to (emulator, 0, "POST", "/_open/auth"), ==, 1);

  role = server_role (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
  first_header = test_last_authorization (emulator, 0);
  g_assert_true (g_str_has_prefix (first_header, "bearer "));

  /* The server forgets every token: the next request gets 401, the
   * handle logs in again once and resends. */
  json_node_unref (emulator_process_control (emulator, "POST", "/_control/auth/rotate-secret", NULL));
  g_clear_pointer (&role, g_free);
  role = server_role (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
  g_assert_cmpuint (test_count_requests_to (emulator, 0, "POST", "/_open/auth"), ==, 2);
  g_assert_cmpuint (test_count_requests_to (emulator, 0, "GET", "/_admin/server/role"), ==, 3);
  second_header = test_last_authorization (emulator, 0);
  g_assert_true (g_str_has_prefix (second_header, "bearer "));
  g_assert_cmpstr (first_header, !=, second_header);

  assert_no_secret (all_log->str, first_header + strlen ("bearer "));
  assert_no_secret (all_log->str, second_header + strlen ("bearer "));
}

static void
test_jwt_wrong_password (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, "root", PASSWORD);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = open_database (client, "not-it", ARANGO_AUTH_METHOD_JWT, FALSE, &error);

  g_assert_null (database);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED);
  g_assert_null (strstr (error->message, "not-it"));
  assert_no_secret (error->message, NULL);
}

static void
test_superuser_token (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, "root", PASSWORD);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(JsonNode) minted = emulator_process_control (emulator, "GET", "/_control/auth/superuser-token", NULL);
  const char *token = json_object_get_string_member (json_node_get_object (minted), "jwt");
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = NULL;
  g_autoptr(ArangoDatabase) forged = NULL;
  g_autofree char *role = NULL;
  g_autofree char *header = NULL;

  arango_client_db_with_token_async (client, "_system", token, TRUE, NULL, test_async_ready, &async);
  database = arango_client_db_with_token_finish (client, test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_null (arango_database_get_username (database));
  role = server_role (database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
  header = test_last_authorization (emulator, 0);
  g_assert_cmpstr (header + strlen ("bearer "), ==, token);

  /* A token the server did not sign is refused, and not repeated */
  arango_client_db_with_token_async (client, "_system", "eyJhbGciOiJIUzI1NiJ9.e30.Zm9yZ2Vk", TRUE,
                                     NULL, test_async_ready, &async);
  forged = arango_client_db_with_token_finish (client, test_async_wait (&async), &error);
  g_assert_null (forged);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED);
  g_assert_null (strstr (error->message, "Zm9yZ2Vk"));
  assert_no_secret (all_log->str, token);

  /* Not renewed: once the server forgets the token, requests fail */
  g_clear_pointer (&role, g_free);
  g_clear_error (&error);
  json_node_unref (emulator_process_control (emulator, "POST", "/_control/auth/rotate-secret", NULL));
  role = server_role (database, &error);
  g_assert_null (role);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_assert_cmpuint (test_count_requests_to (emulator, 0, "POST", "/_open/auth"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  all_log = g_string_new (NULL);
  g_log_set_writer_func (collect_log, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/auth/basic", test_basic);
  g_test_add_func ("/auth/jwt-login-and-renewal", test_jwt_login_and_renewal);
  g_test_add_func ("/auth/jwt-wrong-password", test_jwt_wrong_password);
  g_test_add_func ("/auth/superuser-token", test_superuser_token);

  return g_test_run ();
}
