/* test-util.c: waiting for async results in GTest programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

void
test_async_ready (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TestAsync *async = user_data;

  g_assert_null (async->pending);
  async->pending = g_object_ref (result);
}

/* Runs the default main context until the call finished; the result
 * stays valid until the next wait or the clear. */
GAsyncResult *
test_async_wait (TestAsync *async)
{
  while (async->pending == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_clear_object (&async->result);
  async->result = g_steal_pointer (&async->pending);
  return async->result;
}

void
test_async_clear (TestAsync *async)
{
  g_clear_object (&async->pending);
  g_clear_object (&async->result);
}

ArangoDatabase *
test_open_database (ArangoClient *client,
                    const char   *username,
                    const char   *password)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  ArangoDatabase *database;

  arango_client_db_async (client, "_system", username, password, NULL,
                          test_async_ready, &async);
  database = arango_client_db_finish (client, test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  return database;
}

ArangoClient *
test_client_new (EmulatorProcess *emulator)
{
  g_autoptr(GError) error = NULL;
  ArangoClient *client = arango_client_new (emulator_process_get_hosts (emulator), &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

/* The server ids of the coordinators, in index order. */
char **
test_coordinator_ids (EmulatorProcess *emulator)
{
  g_autoptr(JsonNode) state = emulator_process_control (emulator, "GET", "/_control/state", NULL);
  JsonArray *coordinators = json_object_get_array_member (json_node_get_object (state), "coordinators");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (coordinators); i++)
    g_strv_builder_add (builder,
                        json_object_get_string_member (json_array_get_object_element (coordinators, i),
                                                       "serverId"));
  return g_strv_builder_end (builder);
}

/* How many of the requests that coordinator @index logged match @method
 * and end with @path (the /_db/NAME prefix does not matter). */
guint
test_count_requests_to (EmulatorProcess *emulator,
                        guint            index,
                        const char      *method,
                        const char      *path)
{
  g_autofree char *control_path = g_strdup_printf ("/_control/coordinators/%u/requests", index);
  g_autoptr(JsonNode) log = emulator_process_control (emulator, "GET", control_path, NULL);
  JsonArray *requests = json_object_get_array_member (json_node_get_object (log), "requests");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (g_str_equal (json_object_get_string_member (request, "method"), method) &&
          g_str_has_suffix (json_object_get_string_member (request, "path"), path))
        count++;
    }
  return count;
}

void
test_wait_for_request (EmulatorProcess *emulator,
                       guint            index,
                       const char      *method,
                       const char      *path)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (test_count_requests_to (emulator, index, method, path) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

guint
test_count_batch_requests (EmulatorProcess *emulator,
                           guint            index,
                           ArangoCursor    *cursor,
                           const char      *batch_id)
{
  g_autofree char *path = g_strdup_printf ("/_api/cursor/%s/%s",
                                           arango_cursor_get_id (cursor), batch_id);

  return test_count_requests_to (emulator, index, "POST", path);
}

ArangoCursor *
test_query_cursor (ArangoDatabase *database,
                   const char     *aql,
                   guint           batch_size,
                   gboolean        allow_retry)
{
  g_autoptr(ArangoQueryOptions) options =
    g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", batch_size, "allow-retry", allow_retry, NULL);
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  ArangoCursor *cursor;

  arango_database_query_async (database, aql, NULL, options, NULL, test_async_ready, &async);
  cursor = arango_database_query_finish (database, test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_nonnull (cursor);
  return cursor;
}

/* The Authorization header of the last request coordinator @index got,
 * "" without one. */
char *
test_last_authorization (EmulatorProcess *emulator,
                         guint            index)
{
  g_autoptr(JsonArray) requests = test_logged_requests (emulator, index);
  guint length = json_array_get_length (requests);
  JsonObject *headers;

  g_assert_cmpuint (length, >, 0);
  headers = json_object_get_object_member (json_array_get_object_element (requests, length - 1),
                                           "headers");
  return g_strdup (json_object_get_string_member_with_default (headers, "authorization", ""));
}

JsonObject *
test_json_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

void
test_assert_refused (GError     **error,
                     guint        status,
                     gint         code,
                     const char  *message)
{
  g_autofree char *expected = g_strdup_printf ("[HTTP %u][ERR %d] %s", status, code, message);

  g_assert_error (*error, ARANGO_SERVER_ERROR, code);
  g_assert_cmpstr ((*error)->message, ==, expected);
  test_assert_details (*error, status, code, message);
  g_clear_error (error);
}

void
test_assert_details (const GError *error,
                     guint         status,
                     gint          error_number,
                     const char   *server_message)
{
  g_assert_cmpuint (arango_server_error_get_http_status (error), ==, status);
  g_assert_cmpint (arango_server_error_get_error_number (error), ==, error_number);
  g_assert_cmpstr (arango_server_error_get_server_message (error), ==, server_message);
}

/* The requests coordinator @index logged, oldest first (transfer full). */
JsonArray *
test_logged_requests (EmulatorProcess *emulator,
                      guint            index)
{
  g_autofree char *path = g_strdup_printf ("/_control/coordinators/%u/requests", index);
  g_autoptr(JsonNode) log = emulator_process_control (emulator, "GET", path, NULL);

  return json_array_ref (json_object_get_array_member (json_node_get_object (log), "requests"));
}

/* The query string of the last request coordinator @index served. */
char *
test_last_query (EmulatorProcess *emulator,
                 guint            index)
{
  g_autoptr(JsonArray) requests = test_logged_requests (emulator, index);
  guint n = json_array_get_length (requests);

  g_assert_cmpuint (n, >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (requests, n - 1),
                                                  "query"));
}

gboolean
test_coordinator_running (EmulatorProcess *emulator,
                          guint            index)
{
  g_autofree char *path = g_strdup_printf ("/_control/coordinators/%u", index);
  g_autoptr(JsonNode) state = emulator_process_control (emulator, "GET", path, NULL);

  return json_object_get_boolean_member (json_node_get_object (state), "running");
}

/* Waits (up to five seconds) until coordinator @index no longer listens,
 * as after a shutdown it answered. */
void
test_wait_coordinator_stopped (EmulatorProcess *emulator,
                               guint            index)
{
  for (guint tries = 0; test_coordinator_running (emulator, index) && tries < 500; tries++)
    g_usleep (10 * 1000);
  g_assert_false (test_coordinator_running (emulator, index));
}
