/* test-request.c: the generic request, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

#define PASSWORD "request-secret"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (2, "root", PASSWORD);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", PASSWORD);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static ArangoHttpResponse *
request_full (Fixture             *fixture,
              ArangoDatabase      *database,
              const char          *method,
              const char          *path,
              GHashTable          *query,
              GHashTable          *headers,
              const char          *body,
              ArangoRequestFlags   flags,
              GError             **error)
{
  g_autoptr(JsonNode) body_node = body ? json_from_string (body, NULL) : NULL;

  g_assert_true (body == NULL || body_node != NULL);
  arango_database_request_async (database, method, path, query, headers, body_node,
                                 flags, NULL, READY);
  return arango_database_request_finish (database, WAIT, error);
}

static ArangoHttpResponse *
request (Fixture     *fixture,
         const char  *method,
         const char  *path,
         const char  *body,
         GError     **error)
{
  return request_full (fixture, fixture->database, method, path, NULL, NULL, body,
                       ARANGO_REQUEST_FLAGS_NONE, error);
}

static JsonObject *
body_object (ArangoHttpResponse *response)
{
  JsonNode *body = arango_http_response_get_body (response);

  g_assert_nonnull (body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (body));
  return json_node_get_object (body);
}

static guint
total_requests (Fixture *fixture)
{
  return emulator_process_get_request_count (fixture->emulator, 0) +
         emulator_process_get_request_count (fixture->emulator, 1);
}

/* The one request the coordinators logged with @path and @query
 * (transfer full). */
static JsonObject *
find_logged_request (Fixture    *fixture,
                     const char *path,
                     const char *query)
{
  JsonObject *found = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, i);

      for (guint j = 0; j < json_array_get_length (requests); j++)
        {
          JsonObject *logged = json_array_get_object_element (requests, j);

          if (g_str_equal (json_object_get_string_member (logged, "path"), path) &&
              g_str_equal (json_object_get_string_member (logged, "query"), query))
            {
              g_assert_null (found);
              found = json_object_ref (logged);
            }
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_json_reply (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHttpResponse) response = request (fixture, "GET", "/_api/version", NULL, &error);
  g_autoptr(JsonNode) reparsed = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *text = NULL;
  GBytes *bytes;

  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (response), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (body_object (response), "server"), ==, "arango");
  g_assert_true (g_str_has_prefix (arango_http_response_get_header (response, "CONTENT-TYPE"),
                                   "application/json"));
  g_assert_null (arango_http_response_get_header (response, "x-no-such-header"));

  /* The bytes are the body as it came */
  bytes = arango_http_response_get_bytes (response);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  reparsed = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (reparsed, arango_http_response_get_body (response)));

  names = arango_http_response_get_header_names (response);
  g_assert_true (g_strv_contains ((const char * const *) names, "Content-Type") ||
                 g_strv_contains ((const char * const *) names, "content-type"));
  g_assert_true (g_str_has_prefix (arango_http_response_get_host (response), "http://127.0.0.1:"));

  /* Any case of the method will do */
  g_clear_object (&response);
  response = request (fixture, "get", "/_api/version", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (response), ==, 200);
}

/* Query parameters and headers go out as given (names sorted, values
 * escaped), after what the path already carries; the credentials and the
 * library's Accept go with them. */
static void
test_query_and_headers (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GHashTable) query = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHttpResponse) response = NULL;
  g_autoptr(JsonObject) logged = NULL;
  JsonObject *logged_headers;

  g_hash_table_insert (query, "x y", "1&2");
  g_hash_table_insert (query, "details", "true");
  response = request_full (fixture, fixture->database, "GET", "/_api/version?a=b", query,
                           NULL, NULL, ARANGO_REQUEST_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (body_object (response), "details"));
  logged = find_logged_request (fixture, "/_db/_system/_api/version",
                                "a=b&details=true&x%20y=1%262");
  logged_headers = json_object_get_object_member (logged, "headers");
  g_assert_cmpstr (json_object_get_string_member (logged_headers, "accept"), ==,
                   "application/json, */*;q=0.8");
  g_assert_true (json_object_has_member (logged_headers, "authorization"));

  /* A header the server acts on: run it as an async job */
  g_clear_object (&response);
  g_hash_table_insert (headers, "x-arango-async", "store");
  response = request_full (fixture, fixture->database, "GET", "/_api/version", NULL,
                           headers, NULL, ARANGO_REQUEST_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (response), ==, 202);
  g_assert_nonnull (arango_http_response_get_header (response, "x-arango-async-id"));
  g_assert_null (arango_http_response_get_body (response));
  g_assert_cmpuint (g_bytes_get_size (arango_http_response_get_bytes (response)), ==, 0);
}

static void
test_database_prefix (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) shop = NULL;
  g_autoptr(ArangoHttpResponse) response = NULL;
  g_autoptr(JsonObject) logged = NULL;
  JsonObject *result;

  arango_database_create_database_async (fixture->database, "shop", NULL, NULL, READY);
  g_assert_true (arango_database_create_database_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  arango_client_db_async (fixture->client, "shop", "root", PASSWORD, NULL, READY);
  shop = arango_client_db_finish (fixture->client, WAIT, &error);
  g_assert_no_error (error);

  response = request_full (fixture, shop, "GET", "/_api/database/current", NULL, NULL, NULL,
                           ARANGO_REQUEST_FLAGS_NONE, &error);
  g_assert_no_error (error);
  result = json_object_get_object_member (body_object (response), "result");
  g_assert_cmpstr (json_object_get_string_member (result, "name"), ==, "shop");
  logged = find_logged_request (fixture, "/_db/shop/_api/database/current", "");
  g_assert_nonnull (logged);
}

static void
test_json_body (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHttpResponse) response = NULL;
  JsonArray *result;

  response = request (fixture, "POST", "/_api/cursor", "{\"query\": \"RETURN 1 + 1\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (response), ==, 201);
  result = json_object_get_array_member (body_object (response), "result");
  g_assert_cmpuint (json_array_get_length (result), ==, 1);
  g_assert_cmpint (json_array_get_int_element (result, 0), ==, 2);
}

/* An ArangoDB error body is the usual GError; with RETURN_ERRORS the
 * reply itself, and check_status() makes the same GError of it. */
static void
test_error_replies (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) checked = NULL;
  g_autoptr(ArangoHttpResponse) response = NULL;

  response = request (fixture, "GET", "/_api/collection/missing", NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_assert_null (response);

  response = request_full (fixture, fixture->database, "GET", "/_api/collection/missing",
                           NULL, NULL, NULL, ARANGO_REQUEST_FLAGS_RETURN_ERRORS, &checked);
  g_assert_no_error (checked);
  g_assert_cmpuint (arango_http_response_get_status (response), ==, 404);
  g_assert_cmpint (json_object_get_int_member (body_object (response), "errorNum"), ==,
                   ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);

  g_assert_false (arango_http_response_check_status (response, &checked));
  g_assert_error (checked, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_assert_cmpstr (checked->message, ==, error->message);
  test_assert_details (checked, 404, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND,
                       "collection or view not found");
}

/* A body that is not JSON is no error: it is in the bytes. */
static void
test_reply_not_json (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHttpResponse) metrics = NULL;
  g_autoptr(ArangoHttpResponse) garbage = NULL;
  g_autofree char *text = NULL;
  GBytes *bytes;

  metrics = request (fixture, "GET", "/_admin/metrics/v2", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (metrics), ==, 200);
  g_assert_null (arango_http_response_get_body (metrics));
  g_assert_true (g_str_has_prefix (arango_http_response_get_header (metrics, "content-type"),
                                   "text/plain"));
  bytes = arango_http_response_get_bytes (metrics);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "# TYPE "));

  /* A reply that claims to be JSON and is not */
  for (guint i = 0; i < 2; i++)
    emulator_process_set_fault (fixture->emulator, i, "garbage", 1, 0);
  garbage = request (fixture, "POST", "/_api/cursor", "{\"query\": \"RETURN 1\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (garbage), ==, 200);
  g_assert_null (arango_http_response_get_body (garbage));
  g_assert_cmpuint (g_bytes_get_size (arango_http_response_get_bytes (garbage)), >, 0);
}

static void
test_head (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHttpResponse) response = NULL;

  response = request_full (fixture, fixture->database, "HEAD", "/_api/collection/missing",
                           NULL, NULL, NULL, ARANGO_REQUEST_FLAGS_RETURN_ERRORS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (response), ==, 404);
  g_assert_null (arango_http_response_get_body (response));
  g_assert_cmpuint (g_bytes_get_size (arango_http_response_get_bytes (response)), ==, 0);
}

/* Nothing is sent for a method or path that cannot be right. */
static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const struct {
    const char *method;
    const char *path;
  } cases[] = {
    { "FETCH", "/_api/version" },
    { "", "/_api/version" },
    { NULL, "/_api/version" },
    { "GET", "" },
    { "GET", NULL },
    { "GET", "_api/version" },
    { "GET", "/_api/collection/two words" },
    { "GET", "/_api/version#details" },
    { "GET", "/_api/collection/caf\xc3\xa9" },
    { "GET", "/_api/version\n" },
  };
  guint sent = total_requests (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArangoHttpResponse) response =
        request (fixture, cases[i].method, cases[i].path, NULL, &error);

      g_test_message ("%s %s: %s", cases[i].method, cases[i].path,
                      error ? error->message : "no error");
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      g_assert_null (response);
    }
  g_assert_cmpuint (total_requests (fixture), ==, sent);
}

/* The connection layer's rules, unchanged: a 503 moves any request to the
 * other coordinator; a broken connection after sending moves a read, and
 * fails a write without sending it again. */
static void
test_failover_rules (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHttpResponse) read = NULL;
  g_autoptr(ArangoHttpResponse) write = NULL;
  g_autoptr(ArangoHttpResponse) unavailable = NULL;
  guint sent;

  for (guint i = 0; i < 2; i++)
    emulator_process_set_fault (fixture->emulator, i, "unavailable", 1, 0);
  sent = total_requests (fixture);
  unavailable = request (fixture, "POST", "/_api/cursor", "{\"query\": \"RETURN 1\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (unavailable), ==, 201);
  g_assert_cmpuint (total_requests (fixture) - sent, ==, 3);

  for (guint i = 0; i < 2; i++)
    emulator_process_set_fault (fixture->emulator, i, "reset-mid-reply", 1, 0);
  sent = total_requests (fixture);
  read = request (fixture, "GET", "/_api/version", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (read), ==, 200);
  /* Each coordinator broke it once; the next round got through */
  g_assert_cmpuint (total_requests (fixture) - sent, ==, 3);

  for (guint i = 0; i < 2; i++)
    emulator_process_set_fault (fixture->emulator, i, "reset-mid-reply", 1, 0);
  sent = total_requests (fixture);
  write = request (fixture, "POST", "/_api/cursor", "{\"query\": \"RETURN 1\"}", &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION);
  g_assert_null (write);
  g_assert_cmpuint (total_requests (fixture) - sent, ==, 1);
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHttpResponse) response = NULL;

  response = arango_database_request_sync (fixture->database, "GET", "/_api/version", NULL,
                                           NULL, NULL, ARANGO_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (response), ==, 200);

  g_clear_object (&response);
  response = arango_database_request_sync (fixture->database, "BREW", "/coffee", NULL,
                                           NULL, NULL, ARANGO_REQUEST_FLAGS_NONE, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (response);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/request/json-reply", test_json_reply);
  ADD ("/request/query-and-headers", test_query_and_headers);
  ADD ("/request/database-prefix", test_database_prefix);
  ADD ("/request/json-body", test_json_body);
  ADD ("/request/error-replies", test_error_replies);
  ADD ("/request/reply-not-json", test_reply_not_json);
  ADD ("/request/head", test_head);
  ADD ("/request/bad-arguments", test_bad_arguments);
  ADD ("/request/failover-rules", test_failover_rules);
  ADD ("/request/sync", test_sync);

#undef ADD

  return g_test_run ();
}
