/* test-hosts.c: host strings, host lists and client settings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

static GString *warnings;

/* g_test_expect_message() does not see structured log messages in GLib
 * 2.74, so the library's warnings are collected here. */
static GLogWriterOutput
collect_warnings (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_WARNING)
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          g_string_append_printf (warnings, "%s\n", (const char *) fields[i].value);
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
assert_hosts (ArangoClient       *client,
              const char * const *expected)
{
  g_auto(GStrv) hosts = arango_client_get_hosts (client);
  g_auto(GStrv) from_property = NULL;

  g_assert_cmpstrv (hosts, expected);
  g_object_get (client, "hosts", &from_property, NULL);
  g_assert_cmpstrv (from_property, expected);
}

static void
test_single_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new ("http://db.example:8529/", &error);
  const char *expected[] = { "http://db.example:8529", NULL };

  g_assert_no_error (error);
  assert_hosts (client, expected);
  g_assert_cmpuint (arango_client_get_max_tries (client), ==, 3);
}

static void
test_comma_separated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client =
    arango_client_new (" http://h1:8529/ ,http://h2:8529//,  https://h3:8530 ", &error);
  const char *expected[] = { "http://h1:8529", "http://h2:8529", "https://h3:8530", NULL };

  g_assert_no_error (error);
  assert_hosts (client, expected);
  g_assert_cmpuint (arango_client_get_max_tries (client), ==, 9);
}

static void
test_default_host (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new (NULL, &error);
  g_autoptr(ArangoClient) plain = g_object_new (ARANGO_TYPE_CLIENT, NULL);
  const char *expected[] = { "http://127.0.0.1:8529", NULL };

  g_assert_no_error (error);
  assert_hosts (client, expected);
  assert_hosts (plain, expected);
}

static void
test_list_and_endpoint_schemes (void)
{
  g_autoptr(GError) error = NULL;
  const char *hosts[] = { "tcp://10.0.0.1:8529", "ssl://[::1]:8530/", "HTTP://Upper:1", NULL };
  const char *expected[] = { "http://10.0.0.1:8529", "https://[::1]:8530", "http://upper:1", NULL };
  g_autoptr(ArangoHostResolver) resolver = arango_host_resolver_new_random ();
  g_autoptr(ArangoClient) client = arango_client_new_for_hosts (hosts, resolver, &error);

  g_assert_no_error (error);
  assert_hosts (client, expected);
  g_assert_true (arango_client_get_resolver (client) == resolver);
}

static void
assert_rejected (const char *hosts,
                 const char *must_not_contain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new (hosts, &error);

  g_test_message ("%s → %s", hosts, error ? error->message : "(accepted)");
  g_assert_null (client);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST);
  g_assert_cmpstr (error->message, !=, "");
  if (must_not_contain)
    g_assert_null (strstr (error->message, must_not_contain));
}

static void
test_malformed (void)
{
  assert_rejected ("", NULL);
  assert_rejected ("   ", NULL);
  assert_rejected ("http://h1:8529,,http://h2:8529", NULL);
  assert_rejected (",", NULL);
  assert_rejected ("h1:8529", NULL);
  assert_rejected ("localhost", NULL);
  assert_rejected ("ftp://h1:21", NULL);
  assert_rejected ("http://", NULL);
  assert_rejected ("http://h1:notaport", NULL);
  assert_rejected ("http://h1:8529/?x=1", NULL);
  assert_rejected ("http://h1:8529/#top", NULL);
  assert_rejected ("http://[::1:8529", NULL);
  assert_rejected ("http://h1:99999", NULL);
  assert_rejected ("http://root:topsecret@h1:8529", "topsecret");
  assert_rejected ("http://root:topsecret@h1:99999", "topsecret");
  assert_rejected ("gopher://root:topsecret@h1:1", "topsecret");
  assert_rejected ("http://root:top%zzsecret@h1:1", "secret");
  assert_rejected ("http://h1:1/a\tb", NULL);
}

static void
test_empty_list (void)
{
  g_autoptr(GError) error = NULL;
  const char *none[] = { NULL };
  g_autoptr(ArangoClient) client = arango_client_new_for_hosts (none, NULL, &error);

  g_assert_null (client);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST);
}

static void
test_max_tries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new ("http://a:1,http://b:2,http://c:3", &error);
  guint from_property = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (arango_client_get_max_tries (client), ==, 9);

  /* Below the number of hosts: some hosts go untried; 1 is no failover. */
  g_assert_true (arango_client_set_max_tries (client, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (arango_client_get_max_tries (client), ==, 2);
  g_assert_true (arango_client_set_max_tries (client, 1, &error));
  g_assert_cmpuint (arango_client_get_max_tries (client), ==, 1);

  g_assert_true (arango_client_set_max_tries (client, 4, &error));
  g_assert_no_error (error);
  g_object_get (client, "max-tries", &from_property, NULL);
  g_assert_cmpuint (from_property, ==, 4);

  g_assert_true (arango_client_set_max_tries (client, 0, &error));
  g_assert_cmpuint (arango_client_get_max_tries (client), ==, 9);
}

static void
test_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new ("http://a:1", &error);
  g_autoptr(ArangoHostResolver) fallback = arango_host_resolver_new_fallback ();
  g_autoptr(GTlsDatabase) database = NULL;
  ArangoHostResolver *resolver = NULL;
  guint timeout = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (arango_client_get_request_timeout (client), ==, 60);
  g_object_set (client, "request-timeout", 5, "resolver", fallback, NULL);
  g_object_get (client, "request-timeout", &timeout, "resolver", &resolver, NULL);
  g_assert_cmpuint (timeout, ==, 5);
  g_assert_true (resolver == fallback);
  g_object_unref (resolver);

  /* Round robin again when unset */
  arango_client_set_resolver (client, NULL);
  g_assert_nonnull (arango_client_get_resolver (client));
  g_assert_false (arango_client_get_resolver (client) == fallback);

  g_assert_true (arango_client_get_verify_tls (client));
  g_string_truncate (warnings, 0);
  arango_client_set_verify_tls (client, FALSE);
  g_assert_nonnull (strstr (warnings->str, "verification is turned off"));
  g_assert_false (arango_client_get_verify_tls (client));

  g_assert_null (arango_client_get_tls_database (client));
  g_assert_false (arango_client_set_ca_file (client, "/nonexistent/ca.pem", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (arango_client_get_tls_database (client));

  database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
  arango_client_set_tls_database (client, database);
  g_assert_true (arango_client_get_tls_database (client) == database);
}

static void
test_invalid_database_name (void)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new ("http://127.0.0.1:1", &error);
  g_autoptr(ArangoDatabase) database = NULL;

  arango_client_db_async (client, "a/b", "root", "", NULL, test_async_ready, &async);
  database = arango_client_db_finish (client, test_async_wait (&async), &error);
  g_assert_null (database);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_client_db_async (client, "", "root", "", NULL, test_async_ready, &async);
  database = arango_client_db_finish (client, test_async_wait (&async), &error);
  g_assert_null (database);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_client_db_with_token_async (client, "_system", "", FALSE, NULL, test_async_ready, &async);
  database = arango_client_db_with_token_finish (client, test_async_wait (&async), &error);
  g_assert_null (database);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
}

static void
test_database_properties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = arango_client_new ("http://127.0.0.1:1", &error);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "alice", "pw");
  g_autoptr(ArangoClient) client_property = NULL;
  g_autoptr(ArangoCluster) cluster_property = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpstr (arango_database_get_name (database), ==, "_system");
  g_assert_cmpstr (arango_database_get_username (database), ==, "alice");
  g_assert_true (arango_database_get_client (database) == client);
  g_object_get (database, "name", &name, "client", &client_property,
                "cluster", &cluster_property, NULL);
  g_assert_cmpstr (name, ==, "_system");
  g_assert_true (client_property == client);
  g_assert_true (cluster_property == arango_database_get_cluster (database));
}

int
main (int    argc,
      char **argv)
{
  warnings = g_string_new (NULL);
  g_log_set_writer_func (collect_warnings, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hosts/single-url", test_single_url);
  g_test_add_func ("/hosts/comma-separated", test_comma_separated);
  g_test_add_func ("/hosts/default", test_default_host);
  g_test_add_func ("/hosts/list-and-endpoint-schemes", test_list_and_endpoint_schemes);
  g_test_add_func ("/hosts/malformed", test_malformed);
  g_test_add_func ("/hosts/empty-list", test_empty_list);
  g_test_add_func ("/client/max-tries", test_max_tries);
  g_test_add_func ("/client/settings", test_settings);
  g_test_add_func ("/client/invalid-database-name", test_invalid_database_name);
  g_test_add_func ("/database/properties", test_database_properties);

  return g_test_run ();
}
