/* test-request-signals.c: ArangoClient::request-started and
 * ::request-finished, one pair per attempt, for calls that succeed, fail
 * over, are refused, cannot be decoded, are cancelled or block
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  gboolean finished;
  char *method;
  char *uri;
  guint status;
  GError *error;
  gint64 duration;
  GThread *thread;
} Event;

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCluster *cluster;
  char **ids;
  GPtrArray *events;
} Fixture;

static void
event_free (Event *event)
{
  g_free (event->method);
  g_free (event->uri);
  g_clear_error (&event->error);
  g_free (event);
}

static Event *
event_new (GPtrArray  *events,
           const char *method,
           const char *uri)
{
  Event *event = g_new0 (Event, 1);

  event->method = g_strdup (method);
  event->uri = g_strdup (uri);
  event->thread = g_thread_self ();
  g_ptr_array_add (events, event);
  return event;
}

static void
on_request_started (ArangoClient *client,
                    const char   *method,
                    const char   *uri,
                    GPtrArray    *events)
{
  event_new (events, method, uri);
}

static void
on_request_finished (ArangoClient *client,
                     const char   *method,
                     const char   *uri,
                     guint         status,
                     const GError *error,
                     gint64        duration,
                     GPtrArray    *events)
{
  Event *event = event_new (events, method, uri);

  event->finished = TRUE;
  event->status = status;
  event->error = error ? g_error_copy (error) : NULL;
  event->duration = duration;
}

/* Two coordinators and the fallback resolver: every request goes to
 * coordinator 0 first, and to coordinator 1 only when 0 failed. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hosts = NULL;
  g_autoptr(ArangoHostResolver) fallback = arango_host_resolver_new_fallback ();

  fixture->emulator = emulator_process_start (2, NULL, NULL);
  hosts = g_strsplit (emulator_process_get_hosts (fixture->emulator), ",", -1);
  fixture->client = arango_client_new_for_hosts ((const char * const *) hosts, fallback, &error);
  g_assert_no_error (error);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->cluster = arango_database_get_cluster (fixture->database);
  fixture->ids = test_coordinator_ids (fixture->emulator);

  fixture->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_signal_connect (fixture->client, "request-started",
                    G_CALLBACK (on_request_started), fixture->events);
  g_signal_connect (fixture->client, "request-finished",
                    G_CALLBACK (on_request_finished), fixture->events);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_strfreev (fixture->ids);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static char *
server_id (Fixture       *fixture,
           GCancellable  *cancellable,
           GError       **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_cluster_server_id_async (fixture->cluster, cancellable, test_async_ready, &async);
  return arango_cluster_server_id_finish (fixture->cluster, test_async_wait (&async), error);
}

static char *
server_id_url (Fixture *fixture,
               guint    index)
{
  return g_strconcat (emulator_process_get_host (fixture->emulator, index),
                      "/_db/_system/_admin/server/id", NULL);
}

static Event *
assert_started (Fixture    *fixture,
                guint       position,
                const char *method,
                const char *uri)
{
  Event *event;

  g_assert_cmpuint (fixture->events->len, >, position);
  event = g_ptr_array_index (fixture->events, position);
  g_assert_false (event->finished);
  g_assert_cmpstr (event->method, ==, method);
  g_assert_cmpstr (event->uri, ==, uri);
  return event;
}

/* Returns the event, for the caller to check its error. */
static Event *
assert_finished (Fixture    *fixture,
                 guint       position,
                 const char *method,
                 const char *uri,
                 guint       status)
{
  Event *event;

  g_assert_cmpuint (fixture->events->len, >, position);
  event = g_ptr_array_index (fixture->events, position);
  g_assert_true (event->finished);
  g_assert_cmpstr (event->method, ==, method);
  g_assert_cmpstr (event->uri, ==, uri);
  g_assert_cmpuint (event->status, ==, status);
  g_assert_cmpint (event->duration, >=, 0);
  return event;
}

static void
test_plain_call (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = server_id_url (fixture, 0);
  g_autofree char *id = server_id (fixture, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, fixture->ids[0]);
  g_assert_cmpuint (fixture->events->len, ==, 2);
  assert_started (fixture, 0, "GET", url);
  g_assert_no_error (assert_finished (fixture, 1, "GET", url, 200)->error);
}

/* Runs a call that coordinator 0 fails and coordinator 1 serves, and
 * checks its two attempts; returns how the first one finished. */
static Event *
assert_failed_over (Fixture *fixture,
                    guint    first_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *failed_url = server_id_url (fixture, 0);
  g_autofree char *served_url = server_id_url (fixture, 1);
  g_autofree char *id = server_id (fixture, NULL, &error);
  Event *failed;

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, fixture->ids[1]);

  g_assert_cmpuint (fixture->events->len, ==, 4);
  assert_started (fixture, 0, "GET", failed_url);
  failed = assert_finished (fixture, 1, "GET", failed_url, first_status);
  assert_started (fixture, 2, "GET", served_url);
  g_assert_no_error (assert_finished (fixture, 3, "GET", served_url, 200)->error);
  return failed;
}

static void
test_failover_after_refused_connection (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  Event *failed;

  emulator_process_stop_coordinator (fixture->emulator, 0);
  failed = assert_failed_over (fixture, 0);
  g_assert_error (failed->error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

static void
test_failover_after_unavailable (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  emulator_process_set_fault (fixture->emulator, 0, "unavailable", 1, 0);
  /* A refusal is a reply: its status says it all */
  g_assert_no_error (assert_failed_over (fixture, 503)->error);
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) ghost = arango_database_get_collection (fixture->database, "ghost");
  g_autoptr(JsonObject) document = NULL;
  g_autofree char *url = g_strconcat (emulator_process_get_host (fixture->emulator, 0),
                                      "/_db/_system/_api/document/ghost/nobody", NULL);

  arango_collection_get_async (ghost, "nobody", NULL, NULL, test_async_ready, &async);
  document = arango_collection_get_finish (ghost, test_async_wait (&async), &error);
  g_assert_null (document);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);

  g_assert_cmpuint (fixture->events->len, ==, 2);
  assert_started (fixture, 0, "GET", url);
  g_assert_no_error (assert_finished (fixture, 1, "GET", url, 404)->error);
}

static void
test_undecodable_reply (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = server_id_url (fixture, 0);
  g_autofree char *id = NULL;
  Event *finished;

  emulator_process_set_fault (fixture->emulator, 0, "garbage", 1, 0);
  id = server_id (fixture, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY);

  g_assert_cmpuint (fixture->events->len, ==, 2);
  assert_started (fixture, 0, "GET", url);
  finished = assert_finished (fixture, 1, "GET", url, 200);
  g_assert_error (finished->error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = server_id_url (fixture, 0);
  g_autofree char *id = NULL;
  Event *finished;

  emulator_process_set_fault (fixture->emulator, 0, "hang", 0, 0);
  arango_cluster_server_id_async (fixture->cluster, cancellable, test_async_ready, &async);
  /* Started at once, finished only when cancelled */
  g_assert_cmpuint (fixture->events->len, ==, 1);
  assert_started (fixture, 0, "GET", url);
  test_wait_for_request (fixture->emulator, 0, "GET", "/_admin/server/id");
  g_assert_cmpuint (fixture->events->len, ==, 1);

  g_cancellable_cancel (cancellable);
  id = arango_cluster_server_id_finish (fixture->cluster, test_async_wait (&async), &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpuint (fixture->events->len, ==, 2);
  finished = assert_finished (fixture, 1, "GET", url, 0);
  g_assert_error (finished->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  emulator_process_set_fault (fixture->emulator, 0, "none", 0, 0);
}

static gpointer
server_id_sync (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;
  char *id = arango_cluster_server_id_sync (fixture->cluster, NULL, &error);

  g_assert_no_error (error);
  return id;
}

/* A blocking call emits in the thread that makes it, before it returns:
 * from the test's thread and from another one. */
static void
test_sync_call (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *url = server_id_url (fixture, 0);
  g_autofree char *id = server_id_sync (fixture);
  g_autofree char *id_in_thread = NULL;
  GThread *thread;

  g_assert_cmpstr (id, ==, fixture->ids[0]);
  g_assert_cmpuint (fixture->events->len, ==, 2);
  g_assert_true (assert_started (fixture, 0, "GET", url)->thread == g_thread_self ());
  g_assert_true (assert_finished (fixture, 1, "GET", url, 200)->thread == g_thread_self ());

  thread = g_thread_new ("sync-call", server_id_sync, fixture);
  id_in_thread = g_thread_join (g_thread_ref (thread));
  g_assert_cmpstr (id_in_thread, ==, fixture->ids[0]);
  g_assert_cmpuint (fixture->events->len, ==, 4);
  g_assert_true (assert_started (fixture, 2, "GET", url)->thread == thread);
  g_assert_true (assert_finished (fixture, 3, "GET", url, 200)->thread == thread);
  g_thread_unref (thread);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/request-signals/plain-call", test_plain_call);
  ADD ("/request-signals/failover-after-refused-connection", test_failover_after_refused_connection);
  ADD ("/request-signals/failover-after-unavailable", test_failover_after_unavailable);
  ADD ("/request-signals/server-error", test_server_error);
  ADD ("/request-signals/undecodable-reply", test_undecodable_reply);
  ADD ("/request-signals/cancelled", test_cancelled);
  ADD ("/request-signals/sync-call", test_sync_call);

#undef ADD

  return g_test_run ();
}
