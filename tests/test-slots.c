/* test-slots.c: requests beyond a coordinator's connections wait in the
 * client; waiting ones still close, cancel and run beside blocking calls
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

#define N_REQUESTS 40   /* five times the connections of a coordinator */

typedef struct
{
  guint succeeded;
  guint failed;
  guint cancelled;
} Outcomes;

static void
on_got (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Outcomes *outcomes = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = arango_collection_get_finish (ARANGO_COLLECTION (source),
                                                                 result, &error);

  if (document != NULL)
    outcomes->succeeded++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    outcomes->cancelled++;
  else
    outcomes->failed++;
}

static guint
finished (Outcomes *outcomes)
{
  return outcomes->succeeded + outcomes->failed + outcomes->cancelled;
}

static ArangoCollection *
prepare_collection (ArangoDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(JsonObject) document = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) meta = NULL;
  ArangoCollection *collection;

  arango_database_create_collection_async (database, "slots", NULL, NULL, test_async_ready, &async);
  collection = arango_database_create_collection_finish (database, test_async_wait (&async), &error);
  g_assert_no_error (error);
  test_async_clear (&async);

  json_object_set_string_member (document, "_key", "one");
  json_node_set_object (node, document);
  arango_collection_insert_async (collection, node, ARANGO_DOCUMENT_FLAGS_NONE, NULL,
                                  test_async_ready, &async);
  meta = arango_collection_insert_finish (collection, test_async_wait (&async), &error);
  g_assert_no_error (error);
  return collection;
}

/* One coordinator, so that 40 requests wait for its 8 connections. */
typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *collection;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  unused)
{
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->collection = prepare_collection (fixture->database);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  unused)
{
  g_clear_object (&fixture->collection);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static void
start_gets (ArangoCollection *collection,
            GCancellable     *cancellable,
            Outcomes         *outcomes)
{
  for (guint i = 0; i < N_REQUESTS; i++)
    arango_collection_get_async (collection, "one", NULL, cancellable, on_got, outcomes);
}

/* A blocking call runs its own main context: it must not wait behind
 * requests whose replies only the default context dispatches. */
static void
test_sync_beside_waiting (Fixture       *fixture,
                          gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  Outcomes outcomes = { 0, };
  gint64 count;

  start_gets (fixture->collection, NULL, &outcomes);
  count = arango_collection_count_sync (fixture->collection, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 1);

  while (finished (&outcomes) < N_REQUESTS)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (outcomes.succeeded, ==, N_REQUESTS);
}

/* Cancelling requests that wait for a connection ends them at once, and
 * the ones behind them still go through. */
static void
test_cancel_waiting (Fixture       *fixture,
                     gconstpointer  unused)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcomes cancelled = { 0, };
  Outcomes kept = { 0, };

  start_gets (fixture->collection, cancellable, &cancelled);
  start_gets (fixture->collection, NULL, &kept);
  g_cancellable_cancel (cancellable);

  while (finished (&cancelled) < N_REQUESTS || finished (&kept) < N_REQUESTS)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cancelled.cancelled, ==, N_REQUESTS);
  g_assert_cmpuint (kept.succeeded, ==, N_REQUESTS);
}

/* Closing the client ends every request, the waiting ones too. */
static void
test_close_with_waiting (Fixture       *fixture,
                         gconstpointer  unused)
{
  Outcomes outcomes = { 0, };

  start_gets (fixture->collection, NULL, &outcomes);
  arango_client_close (fixture->client);

  while (finished (&outcomes) < N_REQUESTS)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (outcomes.succeeded, ==, 0);
  g_assert_cmpuint (outcomes.failed, ==, N_REQUESTS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/slots/sync-beside-waiting", Fixture, NULL,
              fixture_set_up, test_sync_beside_waiting, fixture_tear_down);
  g_test_add ("/slots/cancel-waiting", Fixture, NULL,
              fixture_set_up, test_cancel_waiting, fixture_tear_down);
  g_test_add ("/slots/close-with-waiting", Fixture, NULL,
              fixture_set_up, test_close_with_waiting, fixture_tear_down);

  return g_test_run ();
}
