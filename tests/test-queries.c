/* test-queries.c: AQL cursors and stream transactions against the
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
  ArangoCollection *numbers;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async
#define N_NUMBERS 25

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) documents = json_array_new ();
  g_autoptr(JsonArray) inserted = NULL;

  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "numbers", NULL, NULL, READY);
  fixture->numbers = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_NUMBERS; i++)
    {
      JsonObject *document = json_object_new ();
      g_autofree char *key = g_strdup_printf ("n%02u", i);

      json_object_set_string_member (document, "_key", key);
      json_object_set_int_member (document, "value", i);
      json_object_set_boolean_member (document, "even", i % 2 == 0);
      json_array_add_object_element (documents, document);
    }
  arango_collection_insert_many_async (fixture->numbers, documents, 0, NULL, READY);
  inserted = arango_collection_insert_many_finish (fixture->numbers, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (inserted), ==, N_NUMBERS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->numbers);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static ArangoCursor *
query (Fixture             *fixture,
       const char          *aql,
       JsonObject          *bind_vars,
       ArangoQueryOptions  *options,
       GError             **error)
{
  arango_database_query_async (fixture->database, aql, bind_vars, options, NULL, READY);
  return arango_database_query_finish (fixture->database, WAIT, error);
}

static JsonArray *
next_batch (Fixture       *fixture,
            ArangoCursor  *cursor,
            GError       **error)
{
  arango_cursor_next_batch_async (cursor, NULL, READY);
  return arango_cursor_next_batch_finish (cursor, WAIT, error);
}

static guint
requests_to (Fixture    *fixture,
             guint       index,
             const char *method,
             const char *prefix)
{
  g_autofree char *path = g_strdup_printf ("/_control/coordinators/%u/requests", index);
  g_autoptr(JsonNode) log = emulator_process_control (fixture->emulator, "GET", path, NULL);
  JsonArray *requests = json_object_get_array_member (json_node_get_object (log), "requests");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (g_str_equal (json_object_get_string_member (request, "method"), method) &&
          strstr (json_object_get_string_member (request, "path"), prefix) != NULL)
        n++;
    }
  return n;
}

static void
test_batches_stay_on_one_coordinator (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS,
                                                        "batch-size", 10, "count", TRUE, NULL);
  g_autoptr(JsonObject) bind_vars = json_object_new ();
  g_autoptr(ArangoCursor) cursor = NULL;
  gint64 expected = 0, seen = 0, sum = 0;
  guint batches = 0;
  guint creator = G_MAXUINT;

  json_object_set_int_member (bind_vars, "min", 3);
  cursor = query (fixture, "FOR n IN numbers FILTER n.value >= @min SORT n.value RETURN n.value",
                  bind_vars, options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (arango_cursor_get_count (cursor), ==, N_NUMBERS - 3);
  g_assert_true (arango_cursor_get_has_more (cursor));
  g_assert_nonnull (arango_cursor_get_id (cursor));

  for (guint i = 0; i < 3; i++)
    if (requests_to (fixture, i, "POST", "/_api/cursor") == 1)
      creator = i;
  g_assert_cmpuint (creator, !=, G_MAXUINT);

  for (;;)
    {
      g_autoptr(JsonArray) batch = next_batch (fixture, cursor, &error);

      g_assert_no_error (error);
      if (batch == NULL)
        break;
      batches++;
      g_assert_cmpuint (json_array_get_length (batch), <=, 10);
      for (guint i = 0; i < json_array_get_length (batch); i++)
        {
          gint64 value = json_array_get_int_element (batch, i);

          g_assert_cmpint (value, ==, expected + 3);
          expected++;
          seen++;
          sum += value;
        }
    }
  g_assert_cmpuint (batches, ==, 3);
  g_assert_cmpint (seen, ==, N_NUMBERS - 3);
  g_assert_false (arango_cursor_get_has_more (cursor));
  g_assert_nonnull (arango_cursor_get_statistics (cursor));
  g_assert_true (json_object_has_member (arango_cursor_get_statistics (cursor), "scannedFull"));

  /* The follow-up batches went to the coordinator that made the cursor,
   * and to no other. */
  g_assert_cmpuint (requests_to (fixture, creator, "POST", "/_api/cursor/"), ==, 2);
  for (guint i = 0; i < 3; i++)
    if (i != creator)
      g_assert_cmpuint (requests_to (fixture, i, "POST", "/_api/cursor/"), ==, 0);
}

static void
test_single_batch_and_projections (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(JsonArray) end = NULL;
  JsonObject *first;

  cursor = query (fixture, "FOR n IN numbers FILTER n.even == true AND n.value < 6 SORT n.value DESC LIMIT 2 RETURN {v: n.value, k: n._key}",
                  NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (arango_cursor_get_id (cursor));
  g_assert_false (arango_cursor_get_has_more (cursor));
  g_assert_cmpint (arango_cursor_get_count (cursor), ==, -1);

  batch = next_batch (fixture, cursor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (batch), ==, 2);
  first = json_array_get_object_element (batch, 0);
  g_assert_cmpint (json_object_get_int_member (first, "v"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (first, "k"), ==, "n04");

  end = next_batch (fixture, cursor, &error);
  g_assert_null (end);
  g_assert_no_error (error);
}

static void
test_write_queries (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCursor) inserted = NULL;
  g_autoptr(ArangoCursor) removed = NULL;
  g_autoptr(ArangoCursor) length = NULL;
  g_autoptr(JsonArray) batch = NULL;

  inserted = query (fixture, "INSERT {_key: 'extra', value: 100} INTO numbers", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (arango_cursor_get_statistics (inserted), "writesExecuted"), ==, 1);

  removed = query (fixture, "FOR n IN numbers FILTER n.value < 5 REMOVE n IN numbers", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (arango_cursor_get_statistics (removed), "writesExecuted"), ==, 5);

  length = query (fixture, "RETURN LENGTH(numbers)", NULL, NULL, &error);
  g_assert_no_error (error);
  batch = next_batch (fixture, length, &error);
  g_assert_cmpint (json_array_get_int_element (batch, 0), ==, N_NUMBERS + 1 - 5);
}

static void
test_query_errors (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 5, NULL);

  cursor = query (fixture, "FOR n IN numbers FILTER n.value = 1 RETURN n", NULL, NULL, &error);
  g_assert_null (cursor);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUERY_PARSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "position"));
  g_clear_error (&error);

  cursor = query (fixture, "FOR n IN nowhere RETURN n", NULL, NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_clear_error (&error);

  cursor = query (fixture, "FOR n IN numbers FILTER n.value == @missing RETURN n", NULL, NULL, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUERY_BIND_PARAMETER_MISSING);
  g_clear_error (&error);

  cursor = query (fixture, "", NULL, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Closed: nothing more comes, and the server was told */
  cursor = query (fixture, "FOR n IN numbers RETURN n", NULL, options, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonArray) first = next_batch (fixture, cursor, &error);
    g_autoptr(JsonArray) second = NULL;
    guint deletes = 0;

    arango_cursor_close_async (cursor, NULL, READY);
    g_assert_true (arango_cursor_close_finish (cursor, WAIT, &error));
    g_assert_no_error (error);
    second = next_batch (fixture, cursor, &error);
    g_assert_null (second);
    g_assert_no_error (error);
    for (guint i = 0; i < 3; i++)
      deletes += requests_to (fixture, i, "DELETE", "/_api/cursor/");
    g_assert_cmpuint (deletes, ==, 1);
  }
  g_clear_object (&cursor);

  /* Expired on the server: cursor not found */
  g_object_set (options, "ttl", 1, NULL);
  cursor = query (fixture, "FOR n IN numbers RETURN n", NULL, options, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JsonArray) first = next_batch (fixture, cursor, &error);
    g_autoptr(JsonArray) second = NULL;

    g_usleep (1600 * 1000);
    second = next_batch (fixture, cursor, &error);
    g_assert_null (second);
    g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND);
    g_assert_false (arango_cursor_get_has_more (cursor));
  }
}

static void
test_cursor_deleted_when_dropped (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 5, NULL);
  ArangoCursor *cursor = query (fixture, "FOR n IN numbers RETURN n", NULL, options, &error);
  guint deletes = 0;

  g_assert_no_error (error);
  g_object_unref (cursor);
  for (guint spins = 0; deletes == 0 && spins < 200; spins++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
      deletes = 0;
      for (guint i = 0; i < 3; i++)
        deletes += requests_to (fixture, i, "DELETE", "/_api/cursor/");
    }
  g_assert_cmpuint (deletes, ==, 1);
}

static void
test_explain_validate (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) validated = NULL;
  g_autoptr(JsonObject) invalid = NULL;

  arango_database_validate_async (fixture->database, "FOR n IN numbers RETURN n", NULL, READY);
  validated = arango_database_validate_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (validated, "parsed"));

  arango_database_validate_async (fixture->database, "FOR n IN numbers RETURN", NULL, READY);
  invalid = arango_database_validate_finish (fixture->database, WAIT, &error);
  g_assert_null (invalid);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUERY_PARSE);
}

static void
test_transaction_commit_and_abort (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  const char *write[] = { "numbers", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(ArangoTransaction) doomed = NULL;
  g_autoptr(ArangoCollection) inside = NULL;
  g_autoptr(ArangoCollection) doomed_inside = NULL;
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(JsonObject) seen_inside = NULL;
  g_autoptr(JsonObject) seen_outside = NULL;
  g_autoptr(JsonNode) document = json_from_string ("{\"_key\":\"t1\",\"value\":1000}", NULL);
  g_autoptr(JsonNode) doomed_document = json_from_string ("{\"_key\":\"t2\",\"value\":2000}", NULL);
  g_autofree char *status = NULL;
  guint holder = G_MAXUINT;

  arango_database_begin_transaction_async (fixture->database, NULL, write, NULL, NULL, READY);
  transaction = arango_database_begin_transaction_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (arango_transaction_get_id (transaction));
  for (guint i = 0; i < 3; i++)
    if (requests_to (fixture, i, "POST", "/_api/transaction/begin") == 1)
      holder = i;
  g_assert_cmpuint (holder, !=, G_MAXUINT);

  inside = arango_transaction_get_collection (transaction, "numbers");
  g_assert_cmpstr (arango_collection_get_transaction_id (inside), ==, arango_transaction_get_id (transaction));
  arango_collection_insert_async (inside, document, 0, NULL, READY);
  meta = arango_collection_insert_finish (inside, WAIT, &error);
  g_assert_no_error (error);

  /* Visible inside, not outside, until the commit */
  arango_collection_get_async (inside, "t1", NULL, NULL, READY);
  seen_inside = arango_collection_get_finish (inside, WAIT, &error);
  g_assert_no_error (error);
  arango_collection_get_async (fixture->numbers, "t1", NULL, NULL, READY);
  seen_outside = arango_collection_get_finish (fixture->numbers, WAIT, &error);
  g_assert_null (seen_outside);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_clear_error (&error);

  arango_transaction_status_async (transaction, NULL, READY);
  status = arango_transaction_status_finish (transaction, WAIT, &error);
  g_assert_cmpstr (status, ==, "running");

  arango_transaction_commit_async (transaction, NULL, READY);
  g_assert_true (arango_transaction_commit_finish (transaction, WAIT, &error));
  g_assert_no_error (error);
  arango_collection_get_async (fixture->numbers, "t1", NULL, NULL, READY);
  seen_outside = arango_collection_get_finish (fixture->numbers, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (seen_outside, "value"), ==, 1000);

  /* Every request of the transaction went to the coordinator that began it */
  for (guint i = 0; i < 3; i++)
    if (i != holder)
      g_assert_cmpuint (requests_to (fixture, i, "PUT", "/_api/transaction/"), ==, 0);

  /* An aborted transaction leaves nothing behind */
  arango_database_begin_transaction_async (fixture->database, NULL, write, NULL, NULL, READY);
  doomed = arango_database_begin_transaction_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  doomed_inside = arango_transaction_get_collection (doomed, "numbers");
  g_clear_pointer (&meta, json_object_unref);
  arango_collection_insert_async (doomed_inside, doomed_document, 0, NULL, READY);
  meta = arango_collection_insert_finish (doomed_inside, WAIT, &error);
  g_assert_no_error (error);
  arango_transaction_abort_async (doomed, NULL, READY);
  g_assert_true (arango_transaction_abort_finish (doomed, WAIT, &error));
  arango_collection_has_async (fixture->numbers, "t2", NULL, READY);
  g_assert_false (arango_collection_has_finish (fixture->numbers, WAIT, &error));
  g_assert_no_error (error);

  /* A finished transaction is gone: its handles fail with "transaction
   * not found" */
  {
    g_autoptr(JsonNode) late = json_from_string ("{\"_key\":\"t3\"}", NULL);
    g_autoptr(JsonObject) refused = NULL;

    arango_collection_insert_async (doomed_inside, late, 0, NULL, READY);
    refused = arango_collection_insert_finish (doomed_inside, WAIT, &error);
    g_assert_null (refused);
    g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_TRANSACTION_NOT_FOUND);
    g_clear_error (&error);
  }
  arango_transaction_commit_async (doomed, NULL, READY);
  g_assert_false (arango_transaction_commit_finish (doomed, WAIT, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == ARANGO_SERVER_ERROR);
}

static void
test_transaction_errors (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *write[] = { "missing", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;

  arango_database_begin_transaction_async (fixture->database, NULL, write, NULL, NULL, READY);
  transaction = arango_database_begin_transaction_finish (fixture->database, WAIT, &error);
  g_assert_null (transaction);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
}

static void
test_query_in_transaction (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char *write[] = { "numbers", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoTransaction) transaction = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(ArangoCursor) outside = NULL;
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(JsonArray) outside_batch = NULL;

  arango_database_begin_transaction_async (fixture->database, NULL, write, NULL, NULL, READY);
  transaction = arango_database_begin_transaction_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);

  arango_transaction_query_async (transaction, "FOR n IN numbers FILTER n.value < 3 REMOVE n IN numbers",
                                  NULL, NULL, NULL, READY);
  cursor = arango_transaction_query_finish (transaction, WAIT, &error);
  g_assert_no_error (error);

  outside = query (fixture, "RETURN LENGTH(numbers)", NULL, NULL, &error);
  g_assert_no_error (error);
  outside_batch = next_batch (fixture, outside, &error);
  g_assert_cmpint (json_array_get_int_element (outside_batch, 0), ==, N_NUMBERS);

  g_clear_object (&cursor);
  arango_transaction_query_async (transaction, "RETURN LENGTH(numbers)", NULL, NULL, NULL, READY);
  cursor = arango_transaction_query_finish (transaction, WAIT, &error);
  g_assert_no_error (error);
  batch = next_batch (fixture, cursor, &error);
  g_assert_cmpint (json_array_get_int_element (batch, 0), ==, N_NUMBERS - 3);

  arango_transaction_abort_async (transaction, NULL, READY);
  g_assert_true (arango_transaction_abort_finish (transaction, WAIT, &error));
}

/* The body of the POST /_api/cursor of @aql that a coordinator logged
 * (the last, where it ran more than once on one). */
static JsonObject *
logged_cursor_body (Fixture    *fixture,
                    const char *aql)
{
  JsonObject *body = NULL;

  for (guint index = 0; index < emulator_process_get_n_hosts (fixture->emulator); index++)
    {
      g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, index);

      for (guint i = 0; i < json_array_get_length (requests); i++)
        {
          JsonObject *request = json_array_get_object_element (requests, i);

          g_autoptr(JsonObject) sent = NULL;

          if (!g_str_equal (json_object_get_string_member (request, "method"), "POST") ||
              !g_str_has_suffix (json_object_get_string_member (request, "path"), "/_api/cursor"))
            continue;
          sent = test_json_object (json_object_get_string_member (request, "body"));
          if (g_str_equal (json_object_get_string_member (sent, "query"), aql))
            {
              g_clear_pointer (&body, json_object_unref);
              body = g_steal_pointer (&sent);
            }
        }
    }
  g_assert_nonnull (body);
  return body;
}

static void
test_new_options (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(ArangoQueryOptions) defaults = arango_query_options_new ();
  g_autoptr(ArangoQueryOptions) options = NULL;
  g_autoptr(ArangoCursor) first = NULL;
  g_autoptr(ArangoCursor) second = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) three = test_json_object ("{\"v\": 3}");
  g_autoptr(JsonObject) seven = test_json_object ("{\"v\": 7}");
  const char *filtered = "FOR n IN numbers FILTER n.value < @v RETURN n.value";
  g_autoptr(GError) error = NULL;
  JsonObject *sent;
  gboolean fill_block_cache = FALSE;
  gdouble satellite_sync_wait = 0;

  /* The server's defaults: sent as nothing at all. */
  g_object_get (defaults, "fill-block-cache", &fill_block_cache,
                "satellite-sync-wait", &satellite_sync_wait, NULL);
  g_assert_true (fill_block_cache);
  g_assert_cmpfloat (satellite_sync_wait, ==, 60);
  g_object_set (defaults, "fill-block-cache", TRUE, "satellite-sync-wait", 60.0, NULL);
  first = query (fixture, "FOR n IN numbers RETURN n", NULL, defaults, &error);
  g_assert_no_error (error);
  body = logged_cursor_body (fixture, "FOR n IN numbers RETURN n");
  g_assert_false (json_object_has_member (body, "options"));
  g_clear_pointer (&body, json_object_unref);
  g_clear_object (&first);

  options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS,
                          "use-plan-cache", TRUE,
                          "fill-block-cache", FALSE,
                          "satellite-sync-wait", 5.0,
                          "force-one-shard-attribute-value", "n01",
                          NULL);
  first = query (fixture, filtered, three, options, &error);
  g_assert_no_error (error);
  body = logged_cursor_body (fixture, filtered);
  sent = json_object_get_object_member (body, "options");
  g_assert_true (json_object_get_boolean_member (sent, "usePlanCache"));
  g_assert_false (json_object_get_boolean_member (sent, "fillBlockCache"));
  g_assert_cmpfloat (json_object_get_double_member (sent, "satelliteSyncWait"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (sent, "forceOneShardAttributeValue"), ==, "n01");
  g_assert_cmpuint (json_object_get_size (sent), ==, 4);

  /* The first run puts the plan into the cache, the next one takes it. */
  g_assert_null (arango_cursor_get_plan_cache_key (first));
  second = query (fixture, filtered, seven, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (arango_cursor_get_plan_cache_key (second));
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(ArangoQueryOptions) options = arango_query_options_new ();
  g_autoptr(ArangoCursor) plain = NULL;
  g_autoptr(ArangoCursor) phases = NULL;
  g_autoptr(ArangoCursor) detailed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) plan_nodes = NULL;
  g_autoptr(JsonArray) property = NULL;
  JsonObject *profile, *plan;
  JsonArray *nodes;
  const char *aql = "FOR n IN numbers FILTER n.even SORT n.value RETURN n.value";

  plain = query (fixture, aql, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (arango_cursor_get_profile (plain));
  g_assert_null (arango_cursor_get_plan (plain));
  g_assert_null (arango_cursor_get_node_statistics (plain));

  g_object_set (options, "profile", 1, NULL);
  phases = query (fixture, aql, NULL, options, &error);
  g_assert_no_error (error);
  profile = arango_cursor_get_profile (phases);
  g_assert_nonnull (profile);
  g_assert_true (json_object_has_member (profile, "parsing"));
  g_assert_true (json_object_has_member (profile, "executing"));
  g_assert_null (arango_cursor_get_plan (phases));
  g_assert_null (arango_cursor_get_node_statistics (phases));

  g_object_set (options, "profile", 2, "batch-size", 5, NULL);
  detailed = query (fixture, aql, NULL, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (arango_cursor_get_profile (detailed));
  plan = arango_cursor_get_plan (detailed);
  g_assert_nonnull (plan);
  nodes = arango_cursor_get_node_statistics (detailed);
  g_assert_nonnull (nodes);
  /* One entry per node of the plan, by its id. */
  plan_nodes = json_array_ref (json_object_get_array_member (plan, "nodes"));
  g_assert_cmpuint (json_array_get_length (nodes), ==, json_array_get_length (plan_nodes));
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      JsonObject *node = json_array_get_object_element (nodes, i);
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (plan_nodes); j++)
        found |= json_object_get_int_member (json_array_get_object_element (plan_nodes, j), "id") ==
                 json_object_get_int_member (node, "id");
      g_assert_true (found);
      g_assert_true (json_object_has_member (node, "items"));
    }
  /* The last node returned the 13 even numbers. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (nodes,
                                                                              json_array_get_length (nodes) - 1),
                                               "items"), ==, 13);
  g_object_get (detailed, "node-statistics", &property, NULL);
  g_assert_true (property == nodes);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/query/batches-stay-on-one-coordinator", test_batches_stay_on_one_coordinator);
  ADD ("/query/single-batch-and-projections", test_single_batch_and_projections);
  ADD ("/query/write-queries", test_write_queries);
  ADD ("/query/errors", test_query_errors);
  ADD ("/query/cursor-deleted-when-dropped", test_cursor_deleted_when_dropped);
  ADD ("/query/explain-validate", test_explain_validate);
  ADD ("/query/new-options", test_new_options);
  ADD ("/query/profile", test_profile);
  ADD ("/transaction/commit-and-abort", test_transaction_commit_and_abort);
  ADD ("/transaction/errors", test_transaction_errors);
  ADD ("/transaction/query-inside", test_query_in_transaction);

#undef ADD

  return g_test_run ();
}
