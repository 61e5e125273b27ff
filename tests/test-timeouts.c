/* test-timeouts.c: request-timeout, and cancellation, on each phase of a
 * request — while connecting, while the server thinks, while the body
 * trickles in
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each case prints the time it measured against the limit; the assertions
 * allow for scheduling slack on a loaded machine, the printed margin is the
 * figure to watch.
 */

#include <sys/socket.h>

#include "test-util.h"

#define LIMIT_SECONDS 1

static char *
server_id (ArangoCluster  *cluster,
           GError        **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_cluster_server_id_async (cluster, NULL, test_async_ready, &async);
  return arango_cluster_server_id_finish (cluster, test_async_wait (&async), error);
}

static void
assert_timed_out_on_time (const char *phase,
                          gint64      started,
                          GError     *error)
{
  double elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  g_test_message ("timeout %s: %.3f s for a %d s limit (%+.1f %%)", phase,
                  elapsed, LIMIT_SECONDS, (elapsed / LIMIT_SECONDS - 1) * 100);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_cmpfloat (elapsed, >=, LIMIT_SECONDS * 0.99);
  g_assert_cmpfloat (elapsed, <, LIMIT_SECONDS * 1.5);
}

/* A listening socket that never accepts, its backlog already full: the
 * kernel drops further SYNs, so a connect() waits until someone gives up. */
static GSocket *
listen_without_accepting (guint16    *port,
                          GPtrArray  *fillers)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *listener;

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                           G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (listener, any_port, TRUE, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (listener, 0);
  g_socket_listen (listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  /* Backlog 0 still queues one or two connections: fill them. */
  for (guint i = 0; i < 4; i++)
    {
      GSocket *filler = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_TCP, &error);
      g_assert_no_error (error);
      g_socket_set_blocking (filler, FALSE);
      g_socket_connect (filler, bound, NULL, NULL);
      g_ptr_array_add (fillers, filler);
    }
  g_usleep (100 * 1000);

  return listener;
}

static void
test_timeout_connecting (void)
{
  g_autoptr(GPtrArray) fillers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(ArangoDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *id = NULL;
  guint16 port;
  gint64 started;

  listener = listen_without_accepting (&port, fillers);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = arango_client_new (url, &error);
  g_assert_no_error (error);
  database = test_open_database (client, "root", "");
  arango_client_set_request_timeout (client, LIMIT_SECONDS);

  started = g_get_monotonic_time ();
  id = server_id (arango_database_get_cluster (database), &error);
  g_assert_null (id);
  assert_timed_out_on_time ("while connecting", started, error);
}

static void
test_timeout_waiting (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 started;

  arango_client_set_request_timeout (client, LIMIT_SECONDS);
  emulator_process_set_fault (emulator, 0, "hang", 0, 0);

  started = g_get_monotonic_time ();
  id = server_id (arango_database_get_cluster (database), &error);
  g_assert_null (id);
  assert_timed_out_on_time ("while the server thinks", started, error);
  g_assert_cmpuint (emulator_process_get_request_count (emulator, 0), ==, 1);

  /* A slow reply within the limit is fine */
  g_clear_error (&error);
  emulator_process_set_fault (emulator, 0, "slow", 0, 300);
  id = server_id (arango_database_get_cluster (database), &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
}

static void
test_timeout_mid_body (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_auto(GStrv) ids = test_coordinator_ids (emulator);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 started;

  arango_client_set_request_timeout (client, LIMIT_SECONDS);
  emulator_process_set_fault (emulator, 0, "slow-body", 1, 3000);

  started = g_get_monotonic_time ();
  id = server_id (arango_database_get_cluster (database), &error);
  g_assert_null (id);
  assert_timed_out_on_time ("mid-body", started, error);

  /* Half a body now and the rest within the limit: the whole reply */
  g_clear_error (&error);
  emulator_process_set_fault (emulator, 0, "slow-body", 1, 300);
  id = server_id (arango_database_get_cluster (database), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, ids[0]);
}

/* Deadlines of one main context share a timer: a request with a shorter
 * timeout, started after one with a longer timeout, still times out on
 * time, and the other one ends when cancelled. */
static void
test_timeout_shorter_after_longer (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) patient_client = test_client_new (emulator);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) patient = test_open_database (patient_client, "root", "");
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(TestAsync) patient_async = TEST_ASYNC_INIT;
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  ArangoCluster *patient_cluster = arango_database_get_cluster (patient);
  ArangoCluster *cluster = arango_database_get_cluster (database);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 started;

  arango_client_set_request_timeout (patient_client, 30 * LIMIT_SECONDS);
  arango_client_set_request_timeout (client, LIMIT_SECONDS);
  emulator_process_set_fault (emulator, 0, "hang", 0, 0);

  started = g_get_monotonic_time ();
  arango_cluster_server_id_async (patient_cluster, cancellable, test_async_ready, &patient_async);
  arango_cluster_server_id_async (cluster, NULL, test_async_ready, &async);
  id = arango_cluster_server_id_finish (cluster, test_async_wait (&async), &error);
  g_assert_null (id);
  assert_timed_out_on_time ("after a longer one", started, error);

  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  id = arango_cluster_server_id_finish (patient_cluster, test_async_wait (&patient_async), &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat ((g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC, <, 30 * LIMIT_SECONDS);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancelled 200 ms into a request that would otherwise take seconds: the
 * caller hears of it at once, whatever the request was doing. */
static void
assert_cancelled_promptly (ArangoDatabase *database,
                           const char     *phase)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  ArangoCluster *cluster = arango_database_get_cluster (database);
  gint64 started = g_get_monotonic_time ();
  double elapsed;

  g_timeout_add (200, cancel_soon, cancellable);
  arango_cluster_server_id_async (cluster, cancellable, test_async_ready, &async);
  id = arango_cluster_server_id_finish (cluster, test_async_wait (&async), &error);
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_test_message ("cancelled %s: after %.3f s (cancelled at 0.2 s)", phase, elapsed);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (elapsed, <, 0.7);
}

static void
test_cancel_on_each_phase (void)
{
  g_autoptr(GPtrArray) fillers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (1, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(ArangoClient) unreachable_client = NULL;
  g_autoptr(ArangoDatabase) unreachable = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  listener = listen_without_accepting (&port, fillers);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  unreachable_client = arango_client_new (url, &error);
  g_assert_no_error (error);
  unreachable = test_open_database (unreachable_client, "root", "");
  assert_cancelled_promptly (unreachable, "while connecting");

  emulator_process_set_fault (emulator, 0, "hang", 0, 0);
  assert_cancelled_promptly (database, "while the server thinks");

  emulator_process_set_fault (emulator, 0, "slow-body", 0, 5000);
  assert_cancelled_promptly (database, "mid-body");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeouts/connecting", test_timeout_connecting);
  g_test_add_func ("/timeouts/waiting", test_timeout_waiting);
  g_test_add_func ("/timeouts/mid-body", test_timeout_mid_body);
  g_test_add_func ("/timeouts/shorter-after-longer", test_timeout_shorter_after_longer);
  g_test_add_func ("/timeouts/cancel-on-each-phase", test_cancel_on_each_phase);

  return g_test_run ();
}
