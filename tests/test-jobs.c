/* test-jobs.c: calls run as async jobs (x-arango-async) against the
 * emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoDatabase *async_database;
  ArangoCollection *users;
  ArangoCollection *async_users;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static JsonNode *
json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "users", NULL, NULL, READY);
  fixture->users = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);

  fixture->async_database = arango_database_begin_async_execution (fixture->database, TRUE);
  g_assert_true (arango_database_is_async (fixture->async_database));
  g_assert_false (arango_database_is_async (fixture->database));
  fixture->async_users = arango_database_get_collection (fixture->async_database, "users");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->async_users);
  g_clear_object (&fixture->users);
  g_clear_object (&fixture->async_database);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static ArangoJob *
insert_as_job (Fixture    *fixture,
               const char *text)
{
  g_autoptr(JsonNode) document = json (text);
  g_autoptr(GError) error = NULL;
  ArangoJob *job;

  arango_collection_insert_async (fixture->async_users, document, 0, NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (arango_job_get_id (job));
  return job;
}

static ArangoJob *
query_as_job (Fixture    *fixture,
              const char *aql)
{
  g_autoptr(GError) error = NULL;
  ArangoJob *job;

  arango_database_query_async (fixture->async_database, aql, NULL, NULL, NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  return job;
}

static ArangoJobStatus
job_status (Fixture    *fixture,
            ArangoJob  *job,
            GError    **error)
{
  ArangoJobStatus status = ARANGO_JOB_STATUS_PENDING;

  arango_job_status_async (job, NULL, READY);
  arango_job_status_finish (job, WAIT, &status, error);
  return status;
}

/* Polls the status: no timed assertion, the job finishes when it does. */
static void
wait_until_done (Fixture   *fixture,
                 ArangoJob *job)
{
  g_autoptr(GError) error = NULL;

  while (job_status (fixture, job, &error) != ARANGO_JOB_STATUS_DONE)
    {
      g_assert_no_error (error);
      g_usleep (20 * 1000);
    }
  g_assert_no_error (error);
}

/* The result's GAsyncResult, for the original call's _finish. */
static GAsyncResult *
job_result (Fixture   *fixture,
            ArangoJob *job)
{
  arango_job_result_async (job, NULL, READY);
  return WAIT;
}

static void
test_insert (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(ArangoJob) job = insert_as_job (fixture, "{\"_key\": \"neal\", \"age\": 42}");
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;

  wait_until_done (fixture, job);
  meta = arango_collection_insert_finish (fixture->async_users, job_result (fixture, job), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meta, "_id"), ==, "users/neal");
  g_assert_true (json_object_has_member (meta, "_rev"));

  arango_collection_get_async (fixture->users, "neal", NULL, NULL, READY);
  stored = arango_collection_get_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (stored, "age"), ==, 42);

  /* The server hands a result out once: the job manager's 404. */
  again = arango_collection_insert_finish (fixture->async_users, job_result (fixture, job), &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
  test_assert_details (error, 404, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND, "not found");
  g_assert_null (again);
}

/* A job keeps the form of the call that made it: the generic request's
 * stored reply comes back with its bytes as the server wrote them, even
 * when they are not JSON (the metrics' text format). */
static void
test_generic_request_bytes (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoJob) job = NULL;
  g_autoptr(ArangoHttpResponse) metrics = NULL;
  g_autofree char *text = NULL;
  GBytes *bytes;

  arango_database_request_async (fixture->async_database, "GET", "/_admin/metrics/v2",
                                 NULL, NULL, NULL, ARANGO_REQUEST_FLAGS_NONE, NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (arango_job_get_id (job));

  wait_until_done (fixture, job);
  metrics = arango_database_request_finish (fixture->async_database, job_result (fixture, job), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arango_http_response_get_status (metrics), ==, 200);
  g_assert_null (arango_http_response_get_body (metrics));
  bytes = arango_http_response_get_bytes (metrics);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "# TYPE "));
}

static void
test_failed_call (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(ArangoJob) first = insert_as_job (fixture, "{\"_key\": \"lily\"}");
  g_autoptr(ArangoJob) second = insert_as_job (fixture, "{\"_key\": \"lily\"}");
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GError) error = NULL;

  wait_until_done (fixture, second);
  meta = arango_collection_insert_finish (fixture->async_users, job_result (fixture, second), &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED);
  g_assert_null (meta);
  /* The status of the job's own reply, which the server kept. */
  g_assert_cmpuint (arango_server_error_get_http_status (error), ==, 409);
  g_assert_cmpint (arango_server_error_get_error_number (error), ==,
                   ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED);
  g_assert_true (g_str_has_prefix (arango_server_error_get_server_message (error),
                                   "unique constraint violated"));
}

static void
test_ordinary_finish (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(JsonNode) document = json ("{\"_key\": \"tom\"}");
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(ArangoJob) job = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result;

  arango_collection_insert_async (fixture->async_users, document, 0, NULL, READY);
  result = WAIT;
  meta = arango_collection_insert_finish (fixture->async_users, result, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_ASYNC_JOB);
  g_assert_null (meta);

  job = arango_job_new_from_result (result, NULL);
  g_assert_nonnull (job);
  g_assert_nonnull (strstr (error->message, arango_job_get_id (job)));
}

static void
test_direct_result_is_no_job (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(JsonNode) document = json ("{\"_key\": \"ann\"}");
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(ArangoJob) job = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result;

  arango_collection_insert_async (fixture->users, document, 0, NULL, READY);
  result = WAIT;
  job = arango_job_new_from_result (result, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (job);

  /* Asking did not use the result up. */
  g_clear_error (&error);
  meta = arango_collection_insert_finish (fixture->users, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meta, "_key"), ==, "ann");
}

static void
test_query (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(ArangoJob) job = query_as_job (fixture, "FOR i IN 1..5 RETURN i * 2");
  g_autoptr(ArangoQueryOptions) options = arango_query_options_new ();
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) second = NULL;
  g_autoptr(GError) error = NULL;

  wait_until_done (fixture, job);
  cursor = arango_database_query_finish (fixture->async_database, job_result (fixture, job), &error);
  g_assert_no_error (error);
  arango_cursor_next_batch_async (cursor, NULL, READY);
  first = arango_cursor_next_batch_finish (cursor, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (first), ==, 5);
  g_assert_cmpint (json_array_get_int_element (first, 4), ==, 10);
  g_clear_object (&job);
  g_clear_object (&cursor);

  /* A cursor from a job fetches its later batches directly. */
  arango_query_options_set_batch_size (options, 2);
  arango_database_query_async (fixture->async_database, "FOR i IN 1..5 RETURN i", NULL, options,
                               NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  wait_until_done (fixture, job);
  cursor = arango_database_query_finish (fixture->async_database, job_result (fixture, job), &error);
  g_assert_no_error (error);
  g_assert_true (arango_cursor_get_has_more (cursor));
  arango_cursor_next_batch_async (cursor, NULL, READY);
  g_clear_pointer (&first, json_array_unref);
  first = arango_cursor_next_batch_finish (cursor, WAIT, &error);
  g_assert_no_error (error);
  arango_cursor_next_batch_async (cursor, NULL, READY);
  second = arango_cursor_next_batch_finish (cursor, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (second), ==, 2);
  g_assert_cmpint (json_array_get_int_element (second, 0), ==, 3);
}

static void
test_query_error (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(ArangoJob) job = query_as_job (fixture, "FOR i IN");
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;

  wait_until_done (fixture, job);
  cursor = arango_database_query_finish (fixture->async_database, job_result (fixture, job), &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUERY_PARSE);
  g_assert_null (cursor);
}

/* A cluster call as a job: it ran on the coordinator that took it. */
static void
test_cluster_call (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ArangoCluster *cluster = arango_database_get_cluster (fixture->async_database);
  g_auto(GStrv) ids = test_coordinator_ids (fixture->emulator);
  g_autoptr(ArangoJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server_id = NULL;
  guint taker = G_MAXUINT;
  g_autofree char *status_path = NULL;

  arango_cluster_server_id_async (cluster, NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  wait_until_done (fixture, job);

  server_id = arango_cluster_server_id_finish (cluster, job_result (fixture, job), &error);
  g_assert_no_error (error);

  status_path = g_strdup_printf ("/_api/job/%s", arango_job_get_id (job));
  for (guint i = 0; ids[i] != NULL; i++)
    if (test_count_requests_to (fixture->emulator, i, "PUT", status_path) > 0)
      taker = i;
  g_assert_cmpuint (taker, <, g_strv_length (ids));
  g_assert_cmpstr (server_id, ==, ids[taker]);
}

/* Every request about a job goes to the coordinator that took it, though
 * the client's resolver spreads requests over all three. */
static void
test_pinned_to_coordinator (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(ArangoJob) job = insert_as_job (fixture, "{\"_key\": \"pinned\"}");
  g_autofree char *path = g_strdup_printf ("/_api/job/%s", arango_job_get_id (job));
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GError) error = NULL;
  guint n_hosts = emulator_process_get_n_hosts (fixture->emulator);
  guint status_counts[3] = { 0, };
  guint taker = G_MAXUINT;

  g_assert_cmpuint (n_hosts, ==, 3);
  for (guint round = 0; round < 2 * n_hosts; round++)
    {
      g_assert_cmpint (job_status (fixture, job, &error), ==, ARANGO_JOB_STATUS_DONE);
      g_assert_no_error (error);
    }
  meta = arango_collection_insert_finish (fixture->async_users, job_result (fixture, job), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_hosts; i++)
    {
      status_counts[i] = test_count_requests_to (fixture->emulator, i, "GET", path);
      if (status_counts[i] > 0)
        taker = i;
    }
  g_assert_cmpuint (taker, <, n_hosts);
  g_assert_cmpuint (status_counts[taker], ==, 2 * n_hosts);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, taker, "PUT", path), ==, 1);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, taker, "POST", "/_api/document/users"), ==, 1);
}

/* SLEEP() keeps a query's job pending; cancelling kills the query, and
 * the job's result is then the query's error. */
static void
test_pending_cancel (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(ArangoJob) job = query_as_job (fixture, "FOR i IN 1..3 LET x = SLEEP(60) RETURN i");
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  g_assert_cmpint (job_status (fixture, job, &error), ==, ARANGO_JOB_STATUS_PENDING);
  g_assert_no_error (error);

  cursor = arango_database_query_finish (fixture->async_database, job_result (fixture, job), &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_JOB_PENDING);
  g_assert_null (cursor);
  g_clear_error (&error);

  arango_job_cancel_async (job, NULL, READY);
  cancelled = arango_job_cancel_finish (job, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (cancelled);

  wait_until_done (fixture, job);
  cursor = arango_database_query_finish (fixture->async_database, job_result (fixture, job), &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUERY_KILLED);
  g_assert_null (cursor);
}

/* A client on one coordinator: job lists are per coordinator. */
static ArangoDatabase *
open_on_first_coordinator (Fixture       *fixture,
                           ArangoClient **client)
{
  g_autoptr(GError) error = NULL;

  *client = arango_client_new (emulator_process_get_host (fixture->emulator, 0), &error);
  g_assert_no_error (error);
  return test_open_database (*client, "root", "");
}

static gboolean
strv_has (char       **strv,
          const char  *value)
{
  return g_strv_contains ((const char * const *) strv, value);
}

static void
test_list_and_clear (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(ArangoDatabase) database = open_on_first_coordinator (fixture, &client);
  g_autoptr(ArangoDatabase) async_database = arango_database_begin_async_execution (database, TRUE);
  ArangoCluster *cluster = arango_database_get_cluster (async_database);
  g_autoptr(ArangoJob) done = NULL;
  g_autoptr(ArangoJob) pending = NULL;
  g_auto(GStrv) done_ids = NULL;
  g_auto(GStrv) pending_ids = NULL;
  g_auto(GStrv) limited = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(GError) error = NULL;
  ArangoJobStatus status;

  arango_cluster_server_role_async (cluster, NULL, READY);
  done = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  arango_database_query_async (async_database, "RETURN SLEEP(60)", NULL, NULL, NULL, READY);
  pending = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  wait_until_done (fixture, done);

  arango_database_async_jobs_async (database, ARANGO_JOB_STATUS_DONE, 0, NULL, READY);
  done_ids = arango_database_async_jobs_finish (database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (strv_has (done_ids, arango_job_get_id (done)));
  g_assert_false (strv_has (done_ids, arango_job_get_id (pending)));

  /* Job management runs directly, also from an async handle. */
  arango_database_async_jobs_async (async_database, ARANGO_JOB_STATUS_PENDING, 0, NULL, READY);
  pending_ids = arango_database_async_jobs_finish (async_database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pending_ids), ==, 1);
  g_assert_cmpstr (pending_ids[0], ==, arango_job_get_id (pending));

  limited = arango_database_async_jobs_sync (database, ARANGO_JOB_STATUS_DONE, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (limited), ==, 1);

  /* A threshold in the past leaves every job. */
  g_assert_true (arango_database_clear_async_jobs_sync (database, 1000.0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (arango_job_status_sync (pending, &status, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, ARANGO_JOB_STATUS_PENDING);

  arango_database_clear_async_jobs_async (database, 0, NULL, READY);
  g_assert_true (arango_database_clear_async_jobs_finish (database, WAIT, &error));
  g_assert_no_error (error);
  after = arango_database_async_jobs_sync (database, ARANGO_JOB_STATUS_PENDING, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (after), ==, 0);
  g_assert_false (arango_job_status_sync (done, &status, NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
}

static void
test_clear_one (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ArangoJob) job = insert_as_job (fixture, "{\"_key\": \"gone\"}");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GError) error = NULL;
  ArangoJobStatus status;

  arango_job_clear_async (job, NULL, READY);
  g_assert_true (arango_job_clear_finish (job, WAIT, &error));
  g_assert_no_error (error);

  g_assert_false (arango_job_status_sync (job, &status, NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (arango_job_clear_sync (job, NULL, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
  g_clear_error (&error);

  result = arango_job_result_sync (job, NULL);
  meta = arango_collection_insert_finish (fixture->async_users, result, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
  g_assert_null (meta);
}

/* Without return_result the server keeps nothing: the job has no id. */
static void
test_without_result (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(ArangoDatabase) fire_and_forget = arango_database_begin_async_execution (fixture->database, FALSE);
  g_autoptr(ArangoCollection) users = arango_database_get_collection (fire_and_forget, "users");
  g_autoptr(JsonNode) document = json ("{\"_key\": \"quiet\"}");
  g_autoptr(ArangoJob) job = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  ArangoJobStatus status;

  arango_collection_insert_async (users, document, 0, NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  g_assert_null (arango_job_get_id (job));

  g_assert_false (arango_job_status_sync (job, &status, NULL, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* The emulator ran the insert before it answered. */
  arango_collection_get_async (fixture->users, "quiet", NULL, NULL, READY);
  stored = arango_collection_get_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (stored, "_key"), ==, "quiet");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/jobs/insert", test_insert);
  ADD ("/jobs/generic-request-bytes", test_generic_request_bytes);
  ADD ("/jobs/failed-call", test_failed_call);
  ADD ("/jobs/ordinary-finish", test_ordinary_finish);
  ADD ("/jobs/direct-result-is-no-job", test_direct_result_is_no_job);
  ADD ("/jobs/query", test_query);
  ADD ("/jobs/query-error", test_query_error);
  ADD ("/jobs/cluster-call", test_cluster_call);
  ADD ("/jobs/pinned-to-coordinator", test_pinned_to_coordinator);
  ADD ("/jobs/pending-cancel", test_pending_cancel);
  ADD ("/jobs/list-and-clear", test_list_and_clear);
  ADD ("/jobs/clear-one", test_clear_one);
  ADD ("/jobs/without-result", test_without_result);

#undef ADD

  return g_test_run ();
}
