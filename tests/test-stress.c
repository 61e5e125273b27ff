/* test-stress.c: a thousand operations cancelled at random moments, and a
 * thousand requests in flight at once
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <dirent.h>

#include "test-util.h"

typedef struct
{
  GMainLoop *loop;
  guint pending;
  guint cancelled;
  guint completed;
  guint other_errors;
  GRand *rand;
  void (*start_next) (gpointer data);
  gpointer start_data;
} Tally;

typedef struct
{
  Tally *tally;
  GCancellable *cancellable;
  guint cancel_source;
  ArangoCollection *collection;
} Operation;

static void
operation_finish (Operation    *operation,
                  const GError *error)
{
  Tally *tally = operation->tally;

  if (error == NULL)
    tally->completed++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    tally->cancelled++;
  else
    {
      g_test_message ("unexpected: %s", error->message);
      tally->other_errors++;
    }

  if (operation->cancel_source)
    g_source_remove (operation->cancel_source);
  g_clear_object (&operation->cancellable);
  g_clear_object (&operation->collection);
  g_free (operation);
  tally->pending--;
  if (tally->start_next)
    tally->start_next (tally->start_data);
  if (tally->pending == 0)
    g_main_loop_quit (tally->loop);
}

static gboolean
cancel_now (gpointer user_data)
{
  Operation *operation = user_data;

  operation->cancel_source = 0;
  g_cancellable_cancel (operation->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_got (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = arango_collection_get_finish (ARANGO_COLLECTION (source), result, &error);

  g_assert_true ((document == NULL) == (error != NULL));
  operation_finish (user_data, error);
}

static void
on_inserted (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = arango_collection_insert_finish (ARANGO_COLLECTION (source), result, &error);

  g_assert_true ((meta == NULL) == (error != NULL));
  operation_finish (user_data, error);
}

static void
on_batch (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Operation *operation = user_data;
  ArangoCursor *cursor = ARANGO_CURSOR (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = arango_cursor_next_batch_finish (cursor, result, &error);

  if (batch == NULL)
    {
      g_object_unref (cursor);
      operation_finish (operation, error);
      return;
    }
  /* Mid-cursor: the next batch may be cancelled while it is fetched */
  arango_cursor_next_batch_async (cursor, operation->cancellable, on_batch, operation);
}

static void
on_queried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Operation *operation = user_data;
  g_autoptr(GError) error = NULL;
  ArangoCursor *cursor = arango_database_query_finish (ARANGO_DATABASE (source), result, &error);

  if (cursor == NULL)
    {
      operation_finish (operation, error);
      return;
    }
  arango_cursor_next_batch_async (cursor, operation->cancellable, on_batch, operation);
}

static ArangoCollection *
prepare_collection (ArangoDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(JsonArray) documents = json_array_new ();
  g_autoptr(JsonArray) results = NULL;
  ArangoCollection *collection;

  arango_database_create_collection_async (database, "stress", NULL, NULL, test_async_ready, &async);
  collection = arango_database_create_collection_finish (database, test_async_wait (&async), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      JsonObject *document = json_object_new ();
      g_autofree char *key = g_strdup_printf ("d%u", i);

      json_object_set_string_member (document, "_key", key);
      json_object_set_int_member (document, "n", i);
      json_array_add_object_element (documents, document);
    }
  arango_collection_insert_many_async (collection, documents, 0, NULL, test_async_ready, &async);
  results = arango_collection_insert_many_finish (collection, test_async_wait (&async), &error);
  g_assert_no_error (error);
  return collection;
}

typedef struct
{
  Tally tally;
  ArangoDatabase *database;
  ArangoCollection *collection;
  ArangoQueryOptions *options;
  guint started;
  guint total;
  guint window_ms;   /* cancel within about twice an operation's time */
} CancellationRun;

static void
start_cancelled_operation (CancellationRun *run)
{
  Operation *operation = g_new0 (Operation, 1);
  guint moment = g_rand_int_range (run->tally.rand, 0, 4);
  guint kind = g_rand_int_range (run->tally.rand, 0, 3);
  g_autofree char *key = g_strdup_printf ("d%u", g_rand_int_range (run->tally.rand, 0, 40));

  operation->tally = &run->tally;
  operation->cancellable = g_cancellable_new ();
  run->tally.pending++;
  run->started++;

  /* Before it starts, right after, or at a random moment of its life:
   * connecting, waiting for a slow reply, between cursor batches. */
  if (moment == 0)
    g_cancellable_cancel (operation->cancellable);

  if (kind == 0)
    arango_collection_get_async (run->collection, key, NULL, operation->cancellable, on_got, operation);
  else if (kind == 1)
    {
      g_autoptr(JsonNode) document = json_from_string ("{\"written\": true}", NULL);

      arango_collection_insert_async (run->collection, document, 0, operation->cancellable,
                                      on_inserted, operation);
    }
  else
    arango_database_query_async (run->database, "FOR d IN stress RETURN d", NULL, run->options,
                                 operation->cancellable, on_queried, operation);

  if (moment == 1)
    g_cancellable_cancel (operation->cancellable);
  else if (moment >= 2)
    operation->cancel_source = g_timeout_add (g_rand_int_range (run->tally.rand, 0, run->window_ms),
                                              cancel_now, operation);
}

/* Keeps 16 operations going until all are started. */
static void
start_more (gpointer data)
{
  CancellationRun *run = data;

  while (run->started < run->total && run->tally.pending < 16)
    start_cancelled_operation (run);
}

static void
test_random_cancellation (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (3, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(ArangoCollection) collection = prepare_collection (database);
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 5, NULL);
  CancellationRun run = { { 0, }, database, collection, options, 0, 1000, 0 };
  g_autoptr(ArangoCursor) probe = NULL;
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  gint64 began;

  run.tally.loop = g_main_loop_new (NULL, FALSE);
  run.tally.rand = g_rand_new_with_seed (g_test_rand_int ());
  run.tally.start_next = start_more;
  run.tally.start_data = &run;

  /* Slow replies on two coordinators widen the windows in which a request
   * is waiting (the first) or reading half a body (the second); the third
   * answers at once. */
  emulator_process_set_fault (emulator, 0, "slow", 0, 15);
  emulator_process_set_fault (emulator, 1, "slow-body", 0, 10);

  /* How long a query takes on this machine (sanitizers slow it down a
   * lot), so that the random moments fall within the operations' lives. */
  began = g_get_monotonic_time ();
  arango_database_query_async (database, "FOR d IN stress RETURN d", NULL, options, NULL,
                               test_async_ready, &async);
  probe = arango_database_query_finish (database, test_async_wait (&async), NULL);
  g_assert_nonnull (probe);
  /* With 16 in flight, and connections that a cancellation closes to be
   * opened again, an operation takes several times one alone. */
  run.window_ms = MAX (20, 8 * (g_get_monotonic_time () - began) / 1000);
  g_test_message ("cancelling within %u ms", run.window_ms);

  start_more (&run);
  g_main_loop_run (run.tally.loop);
  g_test_message ("%u cancelled, %u completed", run.tally.cancelled, run.tally.completed);
  g_assert_cmpuint (run.tally.other_errors, ==, 0);
  g_assert_cmpuint (run.tally.cancelled + run.tally.completed, ==, run.total);
  /* Both outcomes happen: the moments are spread over the operations' lives */
  g_assert_cmpuint (run.tally.cancelled, >, run.total / 4);
  g_assert_cmpuint (run.tally.completed, >, 0);

  /* The client still works */
  emulator_process_set_fault (emulator, 0, "none", 0, 0);
  emulator_process_set_fault (emulator, 1, "none", 0, 0);
  {
    g_auto(TestAsync) async = TEST_ASYNC_INIT;
    g_autoptr(GError) error = NULL;
    gint64 n;

    arango_collection_count_async (collection, NULL, test_async_ready, &async);
    n = arango_collection_count_finish (collection, test_async_wait (&async), &error);
    g_assert_no_error (error);
    g_assert_cmpint (n, >=, 40);
  }

  g_rand_free (run.tally.rand);
  g_main_loop_unref (run.tally.loop);
}

static guint
open_descriptors (void)
{
  DIR *dir = opendir ("/proc/self/fd");
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (readdir (dir) != NULL)
    n++;
  closedir (dir);
  return n;
}

static void
test_thousand_in_flight (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (3, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(ArangoCollection) collection = prepare_collection (database);
  Tally tally = { 0, };
  guint before = open_descriptors ();
  guint peak = before;
  guint total = 1000;

  tally.loop = g_main_loop_new (NULL, FALSE);

  for (guint i = 0; i < total; i++)
    {
      Operation *operation = g_new0 (Operation, 1);
      g_autofree char *key = g_strdup_printf ("d%u", i % 40);

      operation->tally = &tally;
      tally.pending++;
      arango_collection_get_async (collection, key, NULL, NULL, on_got, operation);
    }

  while (tally.pending > 0)
    {
      g_main_context_iteration (NULL, TRUE);
      peak = MAX (peak, open_descriptors ());
    }

  g_test_message ("descriptors: %u before, %u at the peak, %u after", before, peak, open_descriptors ());
  g_assert_cmpuint (tally.completed, ==, total);
  /* Each coordinator's pool holds 8 connections at most. */
  g_assert_cmpuint (peak, <=, before + 3 * 8 + 4);

  g_main_loop_unref (tally.loop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stress/random-cancellation", test_random_cancellation);
  g_test_add_func ("/stress/thousand-in-flight", test_thousand_in_flight);

  return g_test_run ();
}
