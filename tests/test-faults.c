/* test-faults.c: thousands of mixed requests, 16 in flight, while the
 * coordinators fail in every way the emulator knows; afterwards the
 * emulator's state says whether any write was lost or done twice
 *
 * Prints: faults: A ok, B failed with an error, C lost, D duplicated
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

#define IN_FLIGHT 16
#define N_PRELOADED 50

typedef enum {
  OP_GET,
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
  OP_QUERY,
  OP_TRANSACTION,
  OP_CLUSTER,
  N_OPS
} OpKind;

/* What the client was told about one write, to hold against the state. */
typedef enum {
  OUTCOME_PENDING,
  OUTCOME_DONE,
  OUTCOME_FAILED,      /* the client says it was not applied */
  OUTCOME_UNCERTAIN,   /* the client says it may have been applied */
} Outcome;

typedef struct
{
  char *key;
  Outcome inserted;
  OpKind follow_up;    /* OP_UPDATE, OP_DELETE or N_OPS for none */
  Outcome followed;
} Written;

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *collection;
  ArangoQueryOptions *query_options;
  GPtrArray *written;     /* Written, one per insert */
  guint total;
  guint started;
  guint finished;
  guint ok;
  guint failed;
  guint duplicated;
  guint next_key;
  guint32 seed;
  GRand *rand;
  GMainLoop *loop;
  guint schedule_id;
} Run;

typedef JsonObject *(*DocumentFinish) (ArangoCollection  *collection,
                                       GAsyncResult      *result,
                                       GError           **error);

typedef struct
{
  Run *run;
  OpKind kind;
  Written *written;
  DocumentFinish finish;
  ArangoTransaction *transaction;
  ArangoCollection *inside;
} Op;

static void start_next (Run *run);

static void
written_free (Written *written)
{
  g_free (written->key);
  g_free (written);
}

/* Whether a failure tells the caller the request may have run: the
 * connection broke after sending, the reply came too late, or it could
 * not be read. */
static gboolean
may_have_been_applied (const GError *error)
{
  return g_error_matches (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION) ||
         g_error_matches (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
}

static void
finish_op_with (Op           *op,
                const GError *error,
                Outcome       outcome)
{
  Run *run = op->run;

  if (error)
    {
      /* Every failure is one of the documented errors, never anything else */
      g_assert_true (error->domain == ARANGO_ERROR || error->domain == ARANGO_SERVER_ERROR ||
                     error->domain == G_IO_ERROR);
      run->failed++;
      /* A unique key refused means the same insert ran twice. */
      if (g_error_matches (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED))
        run->duplicated++;
    }
  else
    run->ok++;

  if (op->written)
    {
      if (op->kind == OP_INSERT || op->kind == OP_TRANSACTION)
        op->written->inserted = outcome;
      else
        op->written->followed = outcome;
    }

  g_clear_object (&op->inside);
  g_clear_object (&op->transaction);
  g_free (op);

  run->finished++;
  if (run->finished == run->total)
    g_main_loop_quit (run->loop);
  else
    start_next (run);
}

static void
finish_op (Op           *op,
           const GError *error)
{
  Outcome outcome = OUTCOME_DONE;

  if (error)
    outcome = may_have_been_applied (error) ? OUTCOME_UNCERTAIN : OUTCOME_FAILED;
  finish_op_with (op, error, outcome);
}

static void
on_document (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = op->finish (ARANGO_COLLECTION (source), result, &error);

  finish_op (op, error);
}

static void
on_batch (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Op *op = user_data;
  ArangoCursor *cursor = ARANGO_CURSOR (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = arango_cursor_next_batch_finish (cursor, result, &error);

  if (batch == NULL)
    {
      g_object_unref (cursor);
      finish_op (op, error);
      return;
    }
  arango_cursor_next_batch_async (cursor, NULL, on_batch, op);
}

static void
on_queried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  ArangoCursor *cursor = arango_database_query_finish (ARANGO_DATABASE (source), result, &error);

  if (cursor == NULL)
    {
      finish_op (op, error);
      return;
    }
  arango_cursor_next_batch_async (cursor, NULL, on_batch, op);
}

static void
on_committed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  arango_transaction_commit_finish (ARANGO_TRANSACTION (source), result, &error);
  finish_op (user_data, error);
}

static void
on_inserted_inside (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = arango_collection_insert_finish (ARANGO_COLLECTION (source),
                                                                result, &error);

  if (meta == NULL)
    {
      /* Never committed: nothing of it may show, whatever the insert did. */
      finish_op_with (op, error, OUTCOME_FAILED);
      return;
    }
  arango_transaction_commit_async (op->transaction, NULL, on_committed, op);
}

static JsonNode *
document_for (const char *key,
              const char *field,
              gint64      value)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "_key", key);
  json_object_set_int_member (object, field, value);
  json_node_take_object (node, object);
  return node;
}

static void
on_began (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Op *op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = NULL;

  op->transaction = arango_database_begin_transaction_finish (ARANGO_DATABASE (source), result, &error);
  if (op->transaction == NULL)
    {
      finish_op (op, error);
      return;
    }
  op->inside = arango_transaction_get_collection (op->transaction, "faults");
  document = document_for (op->written->key, "transaction", 1);
  arango_collection_insert_async (op->inside, document, ARANGO_DOCUMENT_FLAGS_NONE, NULL,
                                  on_inserted_inside, op);
}

static void
on_server_id (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = arango_cluster_server_id_finish (ARANGO_CLUSTER (source), result, &error);

  finish_op (user_data, error);
}

static Written *
new_written (Run *run)
{
  Written *written = g_new0 (Written, 1);

  written->key = g_strdup_printf ("w%u-%u", run->seed, run->next_key++);
  written->follow_up = N_OPS;
  g_ptr_array_add (run->written, written);
  return written;
}

/* An inserted document no other write has claimed yet. */
static Written *
claim_written (Run    *run,
               OpKind  follow_up)
{
  guint n = run->written->len;

  for (guint tries = 0; tries < 8 && n > 0; tries++)
    {
      Written *written = run->written->pdata[g_rand_int_range (run->rand, 0, n)];

      if (written->inserted == OUTCOME_DONE && written->follow_up == N_OPS)
        {
          written->follow_up = follow_up;
          return written;
        }
    }
  return NULL;
}

static void
start_op (Run *run)
{
  Op *op = g_new0 (Op, 1);
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(JsonObject) bind_vars = NULL;
  char key[16];

  op->run = run;
  op->kind = g_rand_int_range (run->rand, 0, N_OPS);

  switch (op->kind)
    {
    case OP_GET:
      g_snprintf (key, sizeof key, "p%u", g_rand_int_range (run->rand, 0, N_PRELOADED));
      op->finish = arango_collection_get_finish;
      arango_collection_get_async (run->collection, key, NULL, NULL, on_document, op);
      break;

    case OP_UPDATE:
      op->written = claim_written (run, OP_UPDATE);
      if (op->written == NULL)
        goto insert;
      document = document_for (op->written->key, "updated", 1);
      op->finish = arango_collection_update_finish;
      arango_collection_update_async (run->collection, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                      NULL, on_document, op);
      break;

    case OP_DELETE:
      op->written = claim_written (run, OP_DELETE);
      if (op->written == NULL)
        goto insert;
      op->finish = arango_collection_delete_finish;
      arango_collection_delete_async (run->collection, op->written->key, NULL,
                                      ARANGO_DOCUMENT_FLAGS_NONE, NULL, on_document, op);
      break;

    case OP_QUERY:
      bind_vars = json_object_new ();
      json_object_set_int_member (bind_vars, "min", g_rand_int_range (run->rand, 0, N_PRELOADED / 2));
      arango_database_query_async (run->database,
                                   "FOR d IN faults FILTER d.preloaded >= @min SORT d.preloaded LIMIT 25 RETURN d",
                                   bind_vars, run->query_options, NULL, on_queried, op);
      break;

    case OP_TRANSACTION:
      {
        const char *write[] = { "faults", NULL };

        op->written = new_written (run);
        arango_database_begin_transaction_async (run->database, NULL, write, NULL, NULL,
                                                 on_began, op);
      }
      break;

    case OP_CLUSTER:
      arango_cluster_server_id_async (arango_database_get_cluster (run->database), NULL,
                                      on_server_id, op);
      break;

    case OP_INSERT:
    default:
    insert:
      op->kind = OP_INSERT;
      op->written = new_written (run);
      document = document_for (op->written->key, "inserted", 1);
      op->finish = arango_collection_insert_finish;
      arango_collection_insert_async (run->collection, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                      NULL, on_document, op);
      break;
    }
}

static void
start_next (Run *run)
{
  while (run->started < run->total && run->started - run->finished < IN_FLIGHT)
    {
      run->started++;
      start_op (run);
    }
}

/* Every 50 ms one coordinator changes: it fails in some way for a few
 * requests or a while, goes down, or comes back.
 *
 * "reset-mid-reply" and "slow-body" run the request first, so a write may
 * have been applied when the client hears of a failure.
 *
 * "reset" (the coordinator answers a request with a TCP reset) made
 * libsoup 3.2.3 crash now and then under load; it is in the schedule
 * since requests to plain-HTTP coordinators no longer go through libsoup
 * messages (doc/failover.md). */
static gboolean
on_schedule (gpointer user_data)
{
  static const char *kinds[] = { "hang", "slow", "unavailable", "garbage", "truncate", "slow-body", "reset-mid-reply", "reset" };
  Run *run = user_data;
  guint n_kinds = G_N_ELEMENTS (kinds);
  guint index = g_rand_int_range (run->rand, 0, 3);
  guint action = g_rand_int_range (run->rand, 0, 4 + n_kinds);

  if (action < n_kinds)
    /* Up to 1.5 s: a slow body may outlast the 1 s request timeout after
     * the request ran, the case where a client must not claim too much. */
    emulator_process_set_fault (run->emulator, index, kinds[action], 1 + g_rand_int_range (run->rand, 0, 3),
                                g_rand_int_range (run->rand, 100, 1500));
  else if (action == n_kinds)
    emulator_process_stop_coordinator (run->emulator, index);
  else
    {
      emulator_process_set_fault (run->emulator, index, "none", 0, 0);
      emulator_process_start_coordinator (run->emulator, index);
    }
  return G_SOURCE_CONTINUE;
}

static GHashTable *
stored_documents (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 100000, NULL);
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(JsonArray) batch = NULL;
  GHashTable *stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) json_object_unref);

  arango_database_query_async (run->database, "FOR d IN faults RETURN d", NULL, options, NULL,
                               test_async_ready, &async);
  cursor = arango_database_query_finish (run->database, test_async_wait (&async), &error);
  g_assert_no_error (error);
  arango_cursor_next_batch_async (cursor, NULL, test_async_ready, &async);
  batch = arango_cursor_next_batch_finish (cursor, test_async_wait (&async), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (batch); i++)
    {
      JsonObject *document = json_array_get_object_element (batch, i);

      g_hash_table_insert (stored, g_strdup (json_object_get_string_member (document, "_key")),
                           json_object_ref (document));
    }
  return stored;
}

/* A write is lost when the client said it was done and the state does
 * not have it, or said it was not done and the state has it. */
static guint
count_lost (Run        *run,
            GHashTable *stored)
{
  guint lost = 0;

  for (guint i = 0; i < run->written->len; i++)
    {
      Written *written = run->written->pdata[i];
      JsonObject *document = g_hash_table_lookup (stored, written->key);
      gboolean was_lost = FALSE;

      if (written->follow_up == OP_DELETE)
        /* Claimed only after its insert was done, so it existed */
        was_lost = (written->followed == OUTCOME_DONE && document != NULL) ||
                   (written->followed == OUTCOME_FAILED && document == NULL);
      else if (written->follow_up == OP_UPDATE)
        was_lost = document == NULL ||
                   (written->followed == OUTCOME_DONE && !json_object_has_member (document, "updated")) ||
                   (written->followed == OUTCOME_FAILED && json_object_has_member (document, "updated"));
      else if (written->inserted == OUTCOME_DONE)
        was_lost = document == NULL;
      else if (written->inserted == OUTCOME_FAILED)
        was_lost = document != NULL;

      if (was_lost)
        g_test_message ("lost: %s (insert %d, follow-up %d %d)", written->key,
                        written->inserted, written->follow_up, written->followed);
      lost += was_lost;
    }
  return lost;
}

static void
preload (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) documents = json_array_new ();
  g_autoptr(JsonArray) results = NULL;
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_database_create_collection_async (run->database, "faults", NULL, NULL, test_async_ready, &async);
  run->collection = arango_database_create_collection_finish (run->database, test_async_wait (&async), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_PRELOADED; i++)
    {
      JsonObject *document = json_object_new ();
      g_autofree char *key = g_strdup_printf ("p%u", i);

      json_object_set_string_member (document, "_key", key);
      json_object_set_int_member (document, "preloaded", i);
      json_array_add_object_element (documents, document);
    }
  arango_collection_insert_many_async (run->collection, documents, 0, NULL, test_async_ready, &async);
  results = arango_collection_insert_many_finish (run->collection, test_async_wait (&async), &error);
  g_assert_no_error (error);
}

static void
test_faults (void)
{
  Run run = { 0, };
  g_autoptr(GHashTable) stored = NULL;
  const char *total = g_getenv ("FAULTS_REQUESTS");
  gint64 began;
  guint lost;

  run.total = total ? (guint) g_ascii_strtoull (total, NULL, 10) : 10000;
  run.seed = g_test_rand_int ();
  run.rand = g_rand_new_with_seed (run.seed);
  run.emulator = emulator_process_start (3, NULL, NULL);
  run.client = test_client_new (run.emulator);
  run.database = test_open_database (run.client, "root", "");
  run.written = g_ptr_array_new_with_free_func ((GDestroyNotify) written_free);
  run.loop = g_main_loop_new (NULL, FALSE);
  run.query_options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 10, NULL);
  preload (&run);

  /* A hanging coordinator costs one timeout, never forever. */
  arango_client_set_request_timeout (run.client, 1);

  began = g_get_monotonic_time ();
  run.schedule_id = g_timeout_add (50, on_schedule, &run);
  start_next (&run);
  g_main_loop_run (run.loop);
  g_source_remove (run.schedule_id);

  json_node_unref (emulator_process_control (run.emulator, "POST", "/_control/reset", NULL));
  stored = stored_documents (&run);
  lost = count_lost (&run, stored);

  g_print ("# faults: %u ok, %u failed with an error, %u lost, %u duplicated (%u requests, seed %u, %.1f s)\n",
           run.ok, run.failed, lost, run.duplicated, run.total, run.seed,
           (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (run.ok + run.failed, ==, run.total);
  g_assert_cmpuint (run.ok, >, run.total / 2);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (run.duplicated, ==, 0);

  g_object_unref (run.query_options);
  g_main_loop_unref (run.loop);
  g_ptr_array_unref (run.written);
  g_object_unref (run.collection);
  g_object_unref (run.database);
  g_object_unref (run.client);
  emulator_process_free (run.emulator);
  g_rand_free (run.rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/mixed-load", test_faults);

  return g_test_run ();
}
