/* test-sync.c: the blocking _sync forms against the emulator, alone,
 * mixed with _async calls, from worker threads and under faults
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *users;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = arango_client_db_sync (fixture->client, "_system", "root", "", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ARANGO_IS_DATABASE (fixture->database));

  fixture->users = arango_database_create_collection_sync (fixture->database, "users", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arango_collection_get_name (fixture->users), ==, "users");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->users);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static JsonObject *
insert_user (ArangoCollection  *users,
             const char        *key,
             gint64             age,
             GError           **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *document = json_object_new ();

  json_object_set_string_member (document, "_key", key);
  json_object_set_int_member (document, "age", age);
  json_node_take_object (node, document);
  return arango_collection_insert_sync (users, node, ARANGO_DOCUMENT_FLAGS_NONE, NULL, error);
}

static void
test_documents_and_queries (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(JsonObject) missing = NULL;
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 2, NULL);
  g_autoptr(ArangoCursor) cursor = NULL;
  guint n_batches = 0, n_results = 0;

  meta = insert_user (fixture->users, "ada", 36, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meta, "_key"), ==, "ada");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *key = g_strdup_printf ("u%u", i);
      g_autoptr(JsonObject) other = insert_user (fixture->users, key, i, &error);

      g_assert_no_error (error);
    }

  stored = arango_collection_get_sync (fixture->users, "ada", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (stored, "age"), ==, 36);
  g_assert_true (arango_collection_has_sync (fixture->users, "ada", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_collection_has_sync (fixture->users, "nobody", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (arango_collection_count_sync (fixture->users, NULL, &error), ==, 5);
  g_assert_no_error (error);

  /* A server error comes back as from the _finish function */
  missing = arango_collection_get_sync (fixture->users, "nobody", NULL, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_clear_error (&error);

  /* So does an invalid argument, before anything is sent */
  g_assert_null (arango_collection_get_sync (fixture->users, "", NULL, NULL, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  cursor = arango_database_query_sync (fixture->database, "FOR u IN users RETURN u", NULL, options,
                                       NULL, &error);
  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr(JsonArray) batch = arango_cursor_next_batch_sync (cursor, NULL, &error);

      g_assert_no_error (error);
      if (batch == NULL)
        break;
      n_batches++;
      n_results += json_array_get_length (batch);
    }
  g_assert_cmpuint (n_results, ==, 5);
  g_assert_cmpuint (n_batches, ==, 3);
  g_assert_true (arango_cursor_close_sync (cursor, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (arango_database_delete_collection_sync (fixture->database, "users", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_database_has_collection_sync (fixture->database, "users", NULL, &error));
  g_assert_no_error (error);
}

static void
test_transaction (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *write[] = { "users", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autofree char *status = NULL;
  g_autoptr(ArangoCollection) inside = NULL;

  transaction = arango_database_begin_transaction_sync (fixture->database, NULL, write, NULL, NULL, &error);
  g_assert_no_error (error);
  inside = arango_transaction_get_collection (transaction, "users");
  meta = insert_user (inside, "grace", 45, &error);
  g_assert_no_error (error);

  status = arango_transaction_status_sync (transaction, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status, ==, "running");
  g_assert_true (arango_transaction_commit_sync (transaction, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (arango_collection_has_sync (fixture->users, "grace", NULL, &error));
  g_assert_no_error (error);
}

/* An _async call in flight on the default context is not disturbed by
 * _sync calls run meanwhile on their private ones, and the _sync calls
 * do not dispatch the _async call's callback. */
static void
test_mixed_with_async (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(JsonObject) from_async = NULL;
  g_autofree char *role = NULL;
  g_autoptr(ArangoQueryOptions) options = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) second = NULL;

  meta = insert_user (fixture->users, "ada", 36, &error);
  g_assert_no_error (error);

  arango_collection_get_async (fixture->users, "ada", NULL, NULL, READY);
  g_assert_cmpint (arango_collection_count_sync (fixture->users, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_clear_pointer (&meta, json_object_unref);
  meta = insert_user (fixture->users, "bob", 41, &error);
  g_assert_no_error (error);
  g_assert_null (fixture->async.pending);
  from_async = arango_collection_get_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (from_async, "age"), ==, 36);
  g_clear_pointer (&from_async, json_object_unref);

  arango_collection_get_async (fixture->users, "ada", NULL, NULL, READY);
  role = arango_cluster_server_role_sync (arango_database_get_cluster (fixture->database), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
  from_async = arango_collection_get_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (from_async, "age"), ==, 36);
  g_assert_cmpint (arango_collection_count_sync (fixture->users, NULL, &error), ==, 2);
  g_assert_no_error (error);

  /* A cursor from a _sync query reads on with _async calls */
  options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 1, NULL);
  cursor = arango_database_query_sync (fixture->database, "FOR u IN users SORT u._key RETURN u._key",
                                       NULL, options, NULL, &error);
  g_assert_no_error (error);
  first = arango_cursor_next_batch_sync (cursor, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (first, 0), ==, "ada");
  arango_cursor_next_batch_async (cursor, NULL, READY);
  second = arango_cursor_next_batch_finish (cursor, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (second, 0), ==, "bob");
}

#define N_WORKER_INSERTS 20

typedef struct
{
  ArangoCollection *users;
  const char *prefix;
  GMainContext *main_context;
  gboolean done;
} Worker;

static gboolean
worker_done_in_main (gpointer user_data)
{
  Worker *worker = user_data;

  worker->done = TRUE;
  return G_SOURCE_REMOVE;
}

static gpointer
insert_in_worker (gpointer user_data)
{
  Worker *worker = user_data;
  GError *error = NULL;

  for (guint i = 0; i < N_WORKER_INSERTS && error == NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s%02u", worker->prefix, i);
      g_autoptr(JsonObject) meta = insert_user (worker->users, key, i, &error);
    }
  g_main_context_invoke (worker->main_context, worker_done_in_main, worker);
  return error;
}

/* Two worker threads block in _sync calls on the same client while the
 * main thread keeps its main loop turning and makes _async calls. */
static void
test_from_worker_thread (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GError *worker_error;
  Worker workers[] = {
    { fixture->users, "a", g_main_context_default (), FALSE },
    { fixture->users, "b", g_main_context_default (), FALSE },
  };
  GThread *threads[] = {
    g_thread_new ("sync-worker-a", insert_in_worker, &workers[0]),
    g_thread_new ("sync-worker-b", insert_in_worker, &workers[1]),
  };
  guint main_calls = 0;

  while (!workers[0].done || !workers[1].done)
    {
      g_autoptr(JsonArray) collections = NULL;

      arango_database_list_collections_async (fixture->database, NULL, READY);
      collections = arango_database_list_collections_finish (fixture->database, WAIT, &error);
      g_assert_no_error (error);
      main_calls++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      worker_error = g_thread_join (threads[i]);
      g_assert_no_error (worker_error);
    }
  g_test_message ("%u async calls on the main thread meanwhile", main_calls);
  g_assert_cmpuint (main_calls, >, 0);
  g_assert_cmpint (arango_collection_count_sync (fixture->users, NULL, &error), ==, 2 * N_WORKER_INSERTS);
  g_assert_no_error (error);
}

typedef struct
{
  EmulatorProcess *emulator;
  guint requests_before;
  GCancellable *cancellable;
} Canceller;

/* Cancels once the hanging coordinator has the request, so the _sync
 * call is surely blocked in I/O when the cancellation comes. */
static gpointer
cancel_when_request_arrives (gpointer user_data)
{
  Canceller *canceller = user_data;

  while (emulator_process_get_request_count (canceller->emulator, 0) == canceller->requests_before)
    g_usleep (G_USEC_PER_SEC / 100);
  g_cancellable_cancel (canceller->cancellable);
  return NULL;
}

static void
test_cancelled_from_other_thread (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(ArangoDatabase) database = NULL;
  g_autoptr(ArangoCollection) users = NULL;
  Canceller canceller = { fixture->emulator, 0, cancellable };
  GThread *thread;

  /* Only the first coordinator, so the request cannot fail over */
  client = arango_client_new (emulator_process_get_host (fixture->emulator, 0), &error);
  g_assert_no_error (error);
  database = arango_client_db_sync (client, "_system", "root", "", NULL, &error);
  g_assert_no_error (error);
  users = arango_database_get_collection (database, "users");
  canceller.requests_before = emulator_process_get_request_count (fixture->emulator, 0);
  emulator_process_set_fault (fixture->emulator, 0, "hang", 0, 0);

  thread = g_thread_new ("canceller", cancel_when_request_arrives, &canceller);
  g_assert_cmpint (arango_collection_count_sync (users, cancellable, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (thread);

  /* An already cancelled cancellable fails at once */
  g_clear_error (&error);
  g_assert_null (arango_collection_properties_sync (users, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_after_failover_and_timeout (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = test_coordinator_ids (fixture->emulator);
  ArangoCluster *cluster = arango_database_get_cluster (fixture->database);

  emulator_process_stop_coordinator (fixture->emulator, 1);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = arango_cluster_server_id_sync (cluster, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (id, !=, ids[1]);
    }
  emulator_process_start_coordinator (fixture->emulator, 1);

  /* A write reaching a hanging coordinator times out; it is not resent */
  arango_client_set_request_timeout (fixture->client, 1);
  for (guint i = 0; i < 3; i++)
    emulator_process_set_fault (fixture->emulator, i, "hang", 0, 0);
  g_assert_false (arango_cluster_toggle_maintenance_mode_sync (cluster, "on", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    emulator_process_set_fault (fixture->emulator, i, "none", 0, 0);
  g_assert_cmpint (arango_collection_count_sync (fixture->users, NULL, &error), ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync/documents-and-queries", test_documents_and_queries);
  ADD ("/sync/transaction", test_transaction);
  ADD ("/sync/mixed-with-async", test_mixed_with_async);
  ADD ("/sync/from-worker-thread", test_from_worker_thread);
  ADD ("/sync/cancelled-from-other-thread", test_cancelled_from_other_thread);
  ADD ("/sync/after-failover-and-timeout", test_after_failover_and_timeout);
#undef ADD

  return g_test_run ();
}
