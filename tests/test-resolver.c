/* test-resolver.c: the built-in host resolvers, one written here, and the
 * client-wide rotation against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

static void
test_round_robin (void)
{
  g_autoptr(ArangoHostResolver) resolver = arango_host_resolver_new_round_robin ();
  guint failed[] = { 1 };

  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, 0);
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, 1);
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, 2);
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, 0);
  /* A retry skips the host that failed */
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, failed, 1), ==, 2);
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 1, NULL, 0), ==, 0);
}

static void
test_random (void)
{
  g_autoptr(ArangoHostResolver) resolver = arango_host_resolver_new_random ();
  guint counts[4] = { 0, };
  guint failed[] = { 0, 2 };

  for (guint i = 0; i < 4000; i++)
    counts[arango_host_resolver_pick_host (resolver, 4, NULL, 0)]++;
  /* Each host gets its share (1000 expected; the bounds are 8 standard
   * deviations wide). */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (counts[i], >, 780);

  for (guint i = 0; i < 200; i++)
    {
      guint picked = arango_host_resolver_pick_host (resolver, 4, failed, 2);

      g_assert_true (picked == 1 || picked == 3);
    }
}

static void
test_fallback (void)
{
  g_autoptr(ArangoHostResolver) resolver = NULL;
  g_autoptr(GError) error = NULL;
  guint failed_first[] = { 0 };
  guint failed_second[] = { 1 };

  resolver = arango_host_resolver_new_for_name ("fallback", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, 0);
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, failed_first, 1), ==, 1);
  /* It stays on the new host */
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, 1);
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, failed_second, 1), ==, 2);
  g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, 2);
}

static void
test_periodic (void)
{
  g_autoptr(ArangoHostResolver) resolver = arango_host_resolver_new_periodic (3);
  guint expected[] = { 0, 0, 0, 1, 1, 1, 2, 2, 2, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (arango_host_resolver_pick_host (resolver, 3, NULL, 0), ==, expected[i]);
}

static void
test_by_name (void)
{
  const char *names[] = { "roundrobin", "random", "fallback", "periodic" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoHostResolver) unknown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ArangoHostResolver) resolver = arango_host_resolver_new_for_name (names[i], &error);

      g_assert_no_error (error);
      g_assert_true (ARANGO_IS_HOST_RESOLVER (resolver));
    }

  unknown = arango_host_resolver_new_for_name ("round-robin", &error);
  g_assert_null (unknown);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "round-robin"));
  g_clear_error (&error);

  unknown = arango_host_resolver_new_for_name (NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
}

/* A resolver written by an application: always the last host that has not
 * failed, and it remembers what it was told. */
#define TEST_TYPE_LAST_RESOLVER (test_last_resolver_get_type ())
G_DECLARE_FINAL_TYPE (TestLastResolver, test_last_resolver, TEST, LAST_RESOLVER, ArangoHostResolver)

struct _TestLastResolver
{
  ArangoHostResolver parent_instance;
  guint calls;
  GArray *failed_seen;
};

G_DEFINE_FINAL_TYPE (TestLastResolver, test_last_resolver, ARANGO_TYPE_HOST_RESOLVER)

static guint
last_pick_host (ArangoHostResolver *resolver,
                guint               n_hosts,
                const guint        *failed_hosts,
                guint               n_failed_hosts)
{
  TestLastResolver *self = TEST_LAST_RESOLVER (resolver);
  guint candidate = n_hosts - 1;

  self->calls++;
  g_array_append_vals (self->failed_seen, failed_hosts, n_failed_hosts);
  for (guint i = 0; i < n_failed_hosts; i++)
    if (failed_hosts[i] == candidate && candidate > 0)
      candidate--;
  return candidate;
}

static void
test_last_resolver_finalize (GObject *object)
{
  g_array_unref (TEST_LAST_RESOLVER (object)->failed_seen);
  G_OBJECT_CLASS (test_last_resolver_parent_class)->finalize (object);
}

static void
test_last_resolver_class_init (TestLastResolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_last_resolver_finalize;
  ARANGO_HOST_RESOLVER_CLASS (klass)->pick_host = last_pick_host;
}

static void
test_last_resolver_init (TestLastResolver *self)
{
  self->failed_seen = g_array_new (FALSE, FALSE, sizeof (guint));
}

static char *
server_id (ArangoDatabase *database)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  ArangoCluster *cluster = arango_database_get_cluster (database);
  char *id;

  arango_cluster_server_id_async (cluster, NULL, test_async_ready, &async);
  id = arango_cluster_server_id_finish (cluster, test_async_wait (&async), &error);
  g_assert_no_error (error);
  return id;
}

static void
test_custom_resolver (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (3, NULL, NULL);
  g_autoptr(TestLastResolver) resolver = g_object_new (TEST_TYPE_LAST_RESOLVER, NULL);
  g_auto(GStrv) ids = test_coordinator_ids (emulator);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = NULL;

  arango_client_set_resolver (client, ARANGO_HOST_RESOLVER (resolver));
  database = test_open_database (client, "root", "");

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = server_id (database);

      g_assert_cmpstr (id, ==, ids[2]);
    }
  g_assert_cmpuint (resolver->calls, ==, 4);
  g_assert_cmpuint (resolver->failed_seen->len, ==, 0);

  /* Host 2 goes down: the resolver hears of it and the request is served
   * by the host it picks next. */
  emulator_process_stop_coordinator (emulator, 2);
  {
    g_autofree char *id = server_id (database);

    g_assert_cmpstr (id, ==, ids[1]);
  }
  g_assert_cmpuint (resolver->failed_seen->len, ==, 1);
  g_assert_cmpuint (g_array_index (resolver->failed_seen, guint, 0), ==, 2);
}

/* One resolver per client: two databases share the rotation. */
static void
test_rotation_is_client_wide (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (3, NULL, NULL);
  g_auto(GStrv) ids = test_coordinator_ids (emulator);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) first = test_open_database (client, "root", "");
  g_autoptr(ArangoDatabase) second = test_open_database (client, "root", "");

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *a = server_id (first);
      g_autofree char *b = server_id (second);
      g_autofree char *c = server_id (first);

      g_assert_cmpstr (a, ==, ids[0]);
      g_assert_cmpstr (b, ==, ids[1]);
      g_assert_cmpstr (c, ==, ids[2]);
    }

  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (emulator_process_get_request_count (emulator, i), ==, 2);
}

static void
test_spread (void)
{
  const char *names[] = { "roundrobin", "random" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(EmulatorProcess) emulator = emulator_process_start (3, NULL, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ArangoHostResolver) resolver = arango_host_resolver_new_for_name (names[n], &error);
      g_autoptr(ArangoClient) client = test_client_new (emulator);
      g_autoptr(ArangoDatabase) database = NULL;

      arango_client_set_resolver (client, resolver);
      database = test_open_database (client, "root", "");
      for (guint i = 0; i < 90; i++)
        g_free (server_id (database));

      for (guint i = 0; i < 3; i++)
        {
          guint count = emulator_process_get_request_count (emulator, i);

          g_test_message ("%s: coordinator %u served %u", names[n], i, count);
          if (n == 0)
            g_assert_cmpuint (count, ==, 30);
          else
            g_assert_cmpuint (count, >, 5);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/resolver/round-robin", test_round_robin);
  g_test_add_func ("/resolver/random", test_random);
  g_test_add_func ("/resolver/fallback", test_fallback);
  g_test_add_func ("/resolver/periodic", test_periodic);
  g_test_add_func ("/resolver/by-name", test_by_name);
  g_test_add_func ("/resolver/custom", test_custom_resolver);
  g_test_add_func ("/resolver/client-wide", test_rotation_is_client_wide);
  g_test_add_func ("/resolver/spread", test_spread);

  return g_test_run ();
}
