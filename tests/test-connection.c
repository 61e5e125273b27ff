/* test-connection.c: sessions, keep-alive, headers,
 * cancellation, replies the client cannot use, server errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

static char *
server_id (ArangoCluster  *cluster,
           GCancellable   *cancellable,
           GError        **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_cluster_server_id_async (cluster, cancellable, test_async_ready, &async);
  return arango_cluster_server_id_finish (cluster, test_async_wait (&async), error);
}

static JsonObject *
last_request (EmulatorProcess *emulator,
              guint            index)
{
  g_autofree char *path = g_strdup_printf ("/_control/coordinators/%u/requests", index);
  g_autoptr(JsonNode) log = emulator_process_control (emulator, "GET", path, NULL);
  JsonArray *requests = json_object_get_array_member (json_node_get_object (log), "requests");

  g_assert_cmpuint (json_array_get_length (requests), >, 0);
  return json_object_ref (json_array_get_object_element (requests, json_array_get_length (requests) - 1));
}

static void
test_keep_alive (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = server_id (arango_database_get_cluster (database), NULL, &error);

      g_assert_no_error (error);
    }
  g_assert_cmpuint (emulator_process_get_request_count (emulator, 0), ==, 20);
  g_assert_cmpuint (emulator_process_get_connection_count (emulator, 0), ==, 1);
}

/* Each coordinator has its own session: connections are per host, and
 * each keeps its one connection across rounds. */
static void
test_session_per_host (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (3, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");

  for (guint i = 0; i < 15; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = server_id (arango_database_get_cluster (database), NULL, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (emulator_process_get_request_count (emulator, i), ==, 5);
      g_assert_cmpuint (emulator_process_get_connection_count (emulator, i), ==, 1);
    }
}

static void
test_request_headers (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "pw");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = server_id (arango_database_get_cluster (database), NULL, &error);
  g_autoptr(JsonObject) request = last_request (emulator, 0);
  JsonObject *headers = json_object_get_object_member (request, "headers");

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, "/_db/_system/_admin/server/id");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (headers, "x-arango-driver"),
                                   "arango-glib/"));
  /* root:pw */
  g_assert_cmpstr (json_object_get_string_member (headers, "authorization"), ==, "Basic cm9vdDpwdw==");
}

static gboolean
cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancellation (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  ArangoCluster *cluster = arango_database_get_cluster (database);
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) waiting = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 started;
  double elapsed;

  /* Cancelled before it starts: nothing is sent */
  g_cancellable_cancel (before);
  id = server_id (cluster, before, &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (emulator_process_get_request_count (emulator, 0), ==, 0);

  /* Cancelled while waiting for a hanging server: promptly */
  emulator_process_set_fault (emulator, 0, "hang", 0, 0);
  g_timeout_add (200, cancel_later, waiting);
  started = g_get_monotonic_time ();
  id = server_id (cluster, waiting, &error);
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (elapsed, <, 1.0);
  g_clear_error (&error);

  /* The client still works afterwards */
  emulator_process_set_fault (emulator, 0, "none", 0, 0);
  id = server_id (cluster, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
}

static void
test_cancel_while_connecting_to_dead_hosts (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (2, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  ArangoCluster *cluster = arango_database_get_cluster (database);
  g_autofree char *id = NULL;

  emulator_process_stop_coordinator (emulator, 0);
  emulator_process_stop_coordinator (emulator, 1);
  arango_cluster_server_id_async (cluster, cancellable, test_async_ready, &async);
  g_cancellable_cancel (cancellable);
  id = arango_cluster_server_id_finish (cluster, test_async_wait (&async), &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_server_error (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  ArangoCluster *cluster = arango_database_get_cluster (database);
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) statistics = NULL;

  arango_cluster_server_statistics_async (cluster, "PRMR-no-such-server", NULL,
                                          test_async_ready, &async);
  statistics = arango_cluster_server_statistics_finish (cluster, test_async_wait (&async), &error);
  g_assert_null (statistics);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == ARANGO_SERVER_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "[HTTP 4"));
  g_assert_nonnull (strstr (error->message, "][ERR "));
}

static void
test_unknown_database (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = NULL;

  arango_client_db_full_async (client, "no-such-db", "root", "", ARANGO_AUTH_METHOD_BASIC,
                               TRUE, NULL, test_async_ready, &async);
  database = arango_client_db_full_finish (client, test_async_wait (&async), &error);
  g_assert_null (database);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "[HTTP 404][ERR 1228] database not found");
}

static void
test_close (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  ArangoCluster *cluster = arango_database_get_cluster (database);
  g_autoptr(GCancellable) never = g_cancellable_new ();
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* A request under way when the client closes ends with an error */
  emulator_process_set_fault (emulator, 0, "hang", 0, 0);
  arango_cluster_server_id_async (cluster, never, test_async_ready, &async);
  while (emulator_process_get_request_count (emulator, 0) == 0)
    g_main_context_iteration (NULL, FALSE);
  arango_client_close (client);
  id = arango_cluster_server_id_finish (cluster, test_async_wait (&async), &error);
  g_assert_null (id);
  g_assert_nonnull (error);
  g_clear_error (&error);

  id = server_id (cluster, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_CLOSED);
}

static GString *debug_log;

static GLogWriterOutput
collect_log (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && debug_log)
      {
        g_string_append_len (debug_log, fields[i].value,
                             fields[i].length < 0 ? (gssize) strlen (fields[i].value) : fields[i].length);
        g_string_append_c (debug_log, '\n');
      }
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
test_debug_log (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "hunter2");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  debug_log = g_string_new (NULL);
  id = server_id (arango_database_get_cluster (database), NULL, &error);
  g_assert_no_error (error);
  g_test_message ("log: %s", debug_log->str);
  g_assert_nonnull (strstr (debug_log->str, "GET "));
  g_assert_nonnull (strstr (debug_log->str, "/_db/_system/_admin/server/id"));
  g_assert_nonnull (strstr (debug_log->str, "200"));
  g_assert_nonnull (strstr (debug_log->str, " ms)"));
  g_assert_null (strstr (debug_log->str, "hunter2"));
  g_assert_null (strstr (debug_log->str, "cm9vdDpodW50ZXIy"));
  g_string_free (g_steal_pointer (&debug_log), TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("G_MESSAGES_DEBUG", "Arango", TRUE);
  g_log_set_writer_func (collect_log, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/connection/keep-alive", test_keep_alive);
  g_test_add_func ("/connection/session-per-host", test_session_per_host);
  g_test_add_func ("/connection/request-headers", test_request_headers);
  g_test_add_func ("/connection/cancellation", test_cancellation);
  g_test_add_func ("/connection/cancel-while-connecting", test_cancel_while_connecting_to_dead_hosts);
  g_test_add_func ("/connection/server-error", test_server_error);
  g_test_add_func ("/connection/unknown-database", test_unknown_database);
  g_test_add_func ("/connection/close", test_close);
  g_test_add_func ("/connection/debug-log", test_debug_log);

  return g_test_run ();
}
