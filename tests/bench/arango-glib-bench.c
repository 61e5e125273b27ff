/* arango-glib-bench.c: the benchmark rig's workloads through the public
 * API, as an application would run them
 *
 * Reads ARANGO_URL, N_GET, CONC, N_INSERT, N_AQL from the environment and
 * prints one line per workload. Transport settings for comparisons
 * (doc/transport.md): REQUEST_COMPRESSION (threshold in bytes),
 * ALLOW_HTTP2=1, TLS_INSECURE=1 (self-signed HTTPS test servers).
 * BENCH_DOCUMENTS=json and BENCH_BATCHES=json read documents and query
 * results as json-glib trees instead of GVariants.
 * BENCH_THREADS=N splits get-c64 over N threads, each with its own client
 * and main context (doc/performance.md, "the second core").
 *
 *   RESULT arango-glib <workload> <ops/s> <peak RSS KiB>
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdlib.h>
#include <sys/resource.h>

#include <arango-glib/arango-glib.h>

typedef struct
{
  ArangoCollection *collection;
  ArangoDatabase *database;
  ArangoQueryOptions *options;
  guint total;       /* operations to run */
  guint started;
  guint finished;
  guint in_flight;
  guint concurrency;
  guint64 documents; /* read by the AQL workload, to check it read them */
  GMainLoop *loop;
} Run;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("arango-glib-bench: %s: %s\n", what,
              error ? error->message : "unexpected results");
  exit (1);
}

static void start_next (Run *run);

static void
operation_done (Run *run)
{
  run->finished++;
  run->in_flight--;
  if (run->finished == run->total)
    g_main_loop_quit (run->loop);
  else
    start_next (run);
}

static void
on_got (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) document = arango_collection_get_finish (ARANGO_COLLECTION (source),
                                                                 result, &error);

  if (document == NULL || !json_object_has_member (document, "_key"))
    fail ("get", error);
  operation_done (user_data);
}

static void
on_got_variant (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) document = arango_collection_get_variant_finish (ARANGO_COLLECTION (source),
                                                                      result, &error);
  const char *key;

  if (document == NULL || !g_variant_lookup (document, "_key", "&s", &key))
    fail ("get", error);
  operation_done (user_data);
}

/* Documents are read as GVariants; BENCH_DOCUMENTS=json reads them as
 * json-glib objects instead, to compare the two. */
static void
start_get (Run *run)
{
  char key[16];

  g_snprintf (key, sizeof key, "%u", 10000 + run->started % 1000);
  if (g_strcmp0 (g_getenv ("BENCH_DOCUMENTS"), "json") == 0)
    arango_collection_get_async (run->collection, key, NULL, NULL, on_got, run);
  else
    arango_collection_get_variant_async (run->collection, key, NULL, NULL, on_got_variant, run);
}

static void
on_inserted (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = arango_collection_insert_finish (ARANGO_COLLECTION (source),
                                                                result, &error);

  if (meta == NULL)
    fail ("insert", error);
  operation_done (user_data);
}

static void
start_insert (Run *run)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) document = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "name", "benchmark");
  json_object_set_int_member (object, "n", run->started);
  json_node_set_object (document, object);
  arango_collection_insert_async (run->collection, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                  NULL, on_inserted, run);
}

static void next_batch (ArangoCursor *cursor,
                        Run          *run);

static void
finish_query (ArangoCursor *cursor,
              Run          *run)
{
  g_object_unref (cursor);
  operation_done (run);
}

static void
on_json_batch (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Run *run = user_data;
  ArangoCursor *cursor = ARANGO_CURSOR (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = arango_cursor_next_batch_finish (cursor, result, &error);

  if (error)
    fail ("cursor", error);
  if (batch == NULL)
    {
      finish_query (cursor, run);
      return;
    }

  /* Read every document, as an application would. */
  for (guint i = 0; i < json_array_get_length (batch); i++)
    if (json_object_has_member (json_array_get_object_element (batch, i), "_key"))
      run->documents++;
  next_batch (cursor, run);
}

static void
on_variant_batch (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Run *run = user_data;
  ArangoCursor *cursor = ARANGO_CURSOR (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) batch = arango_cursor_next_batch_variant_finish (cursor, result, &error);
  g_autoptr(GVariant) boxed = NULL;
  g_autoptr(GVariant) first = NULL;
  const char *key;

  if (error)
    fail ("cursor", error);
  if (batch == NULL)
    {
      finish_query (cursor, run);
      return;
    }

  /* Counted as the raw libsoup peer counts its array: the batch is
   * decoded in full either way. Looking up a member of each document
   * through GLib's GVariant API would cost more than decoding did
   * (doc/performance.md has the figures). */
  if (g_variant_n_children (batch) > 0)
    {
      boxed = g_variant_get_child_value (batch, 0);
      first = g_variant_get_variant (boxed);
      if (!g_variant_is_of_type (first, G_VARIANT_TYPE_VARDICT) ||
          !g_variant_lookup (first, "_key", "&s", &key))
        fail ("cursor", NULL);
    }
  run->documents += g_variant_n_children (batch);
  next_batch (cursor, run);
}

/* BENCH_BATCHES=json reads the results as json-glib trees instead of
 * GVariants, to compare the two. */
static void
next_batch (ArangoCursor *cursor,
            Run          *run)
{
  if (g_strcmp0 (g_getenv ("BENCH_BATCHES"), "json") == 0)
    arango_cursor_next_batch_async (cursor, NULL, on_json_batch, run);
  else
    arango_cursor_next_batch_variant_async (cursor, NULL, on_variant_batch, run);
}

static void
on_queried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ArangoCursor *cursor = arango_database_query_finish (ARANGO_DATABASE (source), result, &error);

  if (cursor == NULL)
    fail ("query", error);
  next_batch (cursor, user_data);
}

static void
start_query (Run *run)
{
  arango_database_query_async (run->database, "FOR d IN bench LIMIT 1000 RETURN d",
                               NULL, run->options, NULL, on_queried, run);
}

/* BENCH_WORKLOADS=get-c64,aql-1000 runs only those, for profiling one. */
static gboolean
selected (const char *name)
{
  const char *list = g_getenv ("BENCH_WORKLOADS");
  g_auto(GStrv) names = NULL;

  if (list == NULL || *list == '\0')
    return TRUE;
  names = g_strsplit (list, ",", -1);
  return g_strv_contains ((const char * const *) names, name);
}

/* One line for the rig: the operations per second since @began. */
static void
print_result (const char *workload,
              guint       total,
              gint64      began)
{
  double seconds = (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC;

  g_print ("RESULT arango-glib %s %.0f %ld\n", workload, total / seconds, peak_rss_kib ());
}

typedef void (*StartFunc) (Run *run);
static StartFunc current_start;

static void
start_next (Run *run)
{
  while (run->started < run->total && run->in_flight < run->concurrency)
    {
      run->started++;
      run->in_flight++;
      current_start (run);
    }
}

static void
workload (Run        *run,
          const char *name,
          StartFunc   start,
          guint       total,
          guint       concurrency)
{
  gint64 began;

  if (total == 0 || !selected (name))
    return;

  run->total = total;
  run->started = run->finished = run->in_flight = 0;
  run->concurrency = concurrency;
  current_start = start;

  began = g_get_monotonic_time ();
  start_next (run);
  g_main_loop_run (run->loop);
  print_result (name, total, began);
}

/* One of BENCH_THREADS threads of get-c64: its own client, database and
 * main context, as an application running a client per thread has. */
typedef struct
{
  GMutex lock;
  GCond changed;
  guint ready;
  gboolean go;
} StartGate;

typedef struct
{
  const char *url;
  Run run;
  StartGate *gate;
} GetThread;

/* The clock starts once every thread has its client. */
static void
gate_wait (StartGate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->ready++;
  g_cond_broadcast (&gate->changed);
  while (!gate->go)
    g_cond_wait (&gate->changed, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_open (StartGate *gate,
           guint      n_waiting)
{
  g_mutex_lock (&gate->lock);
  while (gate->ready < n_waiting)
    g_cond_wait (&gate->changed, &gate->lock);
  gate->go = TRUE;
  g_cond_broadcast (&gate->changed);
  g_mutex_unlock (&gate->lock);
}

static gpointer
run_get_thread (gpointer user_data)
{
  GetThread *thread = user_data;
  Run *run = &thread->run;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (context);
  client = arango_client_new (thread->url, &error);
  if (client == NULL)
    fail ("client", error);
  run->database = arango_client_db_sync (client, "_system", "root", "", NULL, &error);
  if (run->database == NULL)
    fail ("database", error);
  run->collection = arango_database_get_collection (run->database, "bench");
  run->loop = g_main_loop_new (context, FALSE);

  gate_wait (thread->gate);
  start_next (run);
  g_main_loop_run (run->loop);

  g_main_loop_unref (run->loop);
  g_object_unref (run->collection);
  g_object_unref (run->database);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
threaded_get_workload (const char *url,
                       guint       total,
                       guint       concurrency,
                       guint       n_threads)
{
  g_autofree GetThread *threads = g_new0 (GetThread, n_threads);
  g_autofree GThread **handles = g_new0 (GThread *, n_threads);
  StartGate gate = { 0, };
  gint64 began;

  if (total == 0 || !selected ("get-c64"))
    return;

  for (guint i = 0; i < n_threads; i++)
    {
      threads[i].url = url;
      threads[i].gate = &gate;
      threads[i].run.total = total / n_threads + (i < total % n_threads);
      threads[i].run.concurrency = MAX (concurrency / n_threads, 1);
      handles[i] = g_thread_new ("bench-get", run_get_thread, &threads[i]);
    }
  current_start = start_get;
  gate_open (&gate, n_threads);
  began = g_get_monotonic_time ();
  for (guint i = 0; i < n_threads; i++)
    g_thread_join (handles[i]);
  print_result ("get-c64", total, began);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) results = arango_collection_insert_many_finish (ARANGO_COLLECTION (source),
                                                                       result, &error);

  if (results == NULL)
    fail ("prepare", error);
  g_main_loop_quit (run->loop);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) created = NULL;
  g_autoptr(JsonArray) documents = json_array_new ();

  created = arango_database_create_collection_finish (ARANGO_DATABASE (source), result, &error);
  if (created == NULL && !g_error_matches (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DUPLICATE_NAME))
    fail ("prepare", error);

  for (guint i = 0; i < 1000; i++)
    {
      JsonObject *document = json_object_new ();
      g_autofree char *key = g_strdup_printf ("%u", 10000 + i);

      json_object_set_string_member (document, "_key", key);
      json_object_set_string_member (document, "name", "benchmark document");
      json_object_set_int_member (document, "n", i);
      json_array_add_object_element (documents, document);
    }
  arango_collection_insert_many_async (run->collection, documents, ARANGO_DOCUMENT_FLAGS_NONE,
                                       NULL, on_prepared, run);
}

static void
on_database (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  run->database = arango_client_db_finish (ARANGO_CLIENT (source), result, &error);
  if (run->database == NULL)
    fail ("database", error);
  g_main_loop_quit (run->loop);
}

int
main (int    argc,
      char **argv)
{
  const char *url = g_getenv ("ARANGO_URL");
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = NULL;
  Run run = { 0, };
  guint n_get = env_uint ("N_GET", 20000);
  guint concurrency = env_uint ("CONC", 64);
  guint n_insert = env_uint ("N_INSERT", 2000);
  guint n_aql = env_uint ("N_AQL", 200);

  client = arango_client_new (url ? url : "http://127.0.0.1:18529", &error);
  if (client == NULL)
    fail ("client", error);
  arango_client_set_request_compression (client, env_uint ("REQUEST_COMPRESSION", 0));
  arango_client_set_allow_http2 (client, env_uint ("ALLOW_HTTP2", 0) != 0);
  if (env_uint ("TLS_INSECURE", 0) != 0)
    arango_client_set_verify_tls (client, FALSE);

  run.loop = g_main_loop_new (NULL, FALSE);
  arango_client_db_async (client, "_system", "root", "", NULL, on_database, &run);
  g_main_loop_run (run.loop);

  run.collection = arango_database_get_collection (run.database, "bench");
  run.options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 1000, NULL);

  /* Against a real server or the emulator the documents must exist; the
   * rig's canned responder has them all already. */
  if (g_getenv ("BENCH_PREPARE") != NULL)
    {
      arango_database_create_collection_async (run.database, "bench", NULL, NULL, on_created, &run);
      g_main_loop_run (run.loop);
    }

  workload (&run, "get-seq", start_get, n_get, 1);
  if (env_uint ("BENCH_THREADS", 1) > 1)
    threaded_get_workload (url ? url : "http://127.0.0.1:18529", n_get,
                           MAX (concurrency, 1), env_uint ("BENCH_THREADS", 1));
  else
    workload (&run, "get-c64", start_get, n_get, MAX (concurrency, 1));
  workload (&run, "insert-seq", start_insert, n_insert, 1);
  workload (&run, "aql-1000", start_query, n_aql, 1);
  if (n_aql > 0 && selected ("aql-1000") && run.documents == 0)
    {
      g_printerr ("arango-glib-bench: the queries returned no documents\n");
      return 1;
    }

  g_object_unref (run.options);
  g_object_unref (run.collection);
  g_object_unref (run.database);
  g_main_loop_unref (run.loop);
  return 0;
}
