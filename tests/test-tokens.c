/* test-tokens.c: the token of a database handle: its expiry, replacing
 * it, renewing it, and the tokens refused before anything is sent
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

#define PASSWORD "t0ken-Pa55"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  unused)
{
  fixture->emulator = emulator_process_start (1, "root", PASSWORD);
  fixture->client = test_client_new (fixture->emulator);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  unused)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

/* A token for root, as /_open/auth makes them, expiring @ttl seconds
 * from now. */
static char *
mint_token (Fixture *fixture,
            gint64   ttl)
{
  g_autofree char *path = g_strdup_printf ("/_control/auth/user-token?user=root&ttl=%" G_GINT64_FORMAT, ttl);
  g_autoptr(JsonNode) reply = emulator_process_control (fixture->emulator, "GET", path, NULL);

  return g_strdup (json_object_get_string_member (json_node_get_object (reply), "jwt"));
}

static char *
mint_superuser_token (Fixture *fixture)
{
  g_autoptr(JsonNode) reply = emulator_process_control (fixture->emulator, "GET",
                                                        "/_control/auth/superuser-token", NULL);

  return g_strdup (json_object_get_string_member (json_node_get_object (reply), "jwt"));
}

static ArangoDatabase *
open_with_token (Fixture     *fixture,
                 const char  *token,
                 gboolean     verify,
                 GError     **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_client_db_with_token_async (fixture->client, "_system", token, verify,
                                     NULL, test_async_ready, &async);
  return arango_client_db_with_token_finish (fixture->client, test_async_wait (&async), error);
}

static char *
renew (ArangoDatabase  *database,
       GError         **error)
{
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_database_renew_token_async (database, NULL, test_async_ready, &async);
  return arango_database_renew_token_finish (database, test_async_wait (&async), error);
}

/* One request that needs credentials; what it says does not matter. */
static gboolean
send_request (ArangoDatabase  *database,
              GError         **error)
{
  g_autoptr(JsonObject) properties = arango_database_properties_sync (database, NULL, error);

  return properties != NULL;
}

static void
assert_last_sent (Fixture    *fixture,
                  const char *token)
{
  g_autofree char *authorization = test_last_authorization (fixture->emulator, 0);
  g_autofree char *expected = g_strconcat ("bearer ", token, NULL);

  g_assert_cmpstr (authorization, ==, expected);
}

static guint
count_renewals (Fixture *fixture)
{
  return test_count_requests_to (fixture->emulator, 0, "POST", "/_open/auth/renew");
}

static gint64
seconds_until (GDateTime *when)
{
  return g_date_time_to_unix (when) - g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
expires_in (ArangoDatabase *database)
{
  g_autoptr(GDateTime) expiry = arango_database_dup_token_expiry (database);

  g_assert_nonnull (expiry);
  return seconds_until (expiry);
}

/* What one handle's notifications said, and the thread of the last. */
typedef struct
{
  guint token;
  guint token_expiry;
  GThread *thread;
} Notified;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  Notified *notified = user_data;

  if (g_str_equal (pspec->name, "token"))
    notified->token++;
  else
    notified->token_expiry++;
  notified->thread = g_thread_self ();
}

static void
watch (ArangoDatabase *database,
       Notified       *notified)
{
  g_signal_connect (database, "notify::token", G_CALLBACK (on_notify), notified);
  g_signal_connect (database, "notify::token-expiry", G_CALLBACK (on_notify), notified);
}

static void
assert_token (ArangoDatabase *database,
              const char     *expected)
{
  g_autofree char *token = arango_database_dup_token (database);

  g_assert_cmpstr (token, ==, expected);
}

static void
test_expiry (Fixture       *fixture,
             gconstpointer  unused)
{
  g_autofree char *token = mint_token (fixture, 3600);
  g_autofree char *superuser = mint_superuser_token (fixture);
  g_autofree char *property_token = NULL;
  g_autoptr(GDateTime) property_expiry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = open_with_token (fixture, token, TRUE, &error);
  g_autoptr(ArangoDatabase) superuser_database = NULL;
  g_autoptr(ArangoDatabase) basic = NULL;
  g_autoptr(ArangoDatabase) jwt = NULL;
  g_autofree char *basic_token = NULL;
  g_autoptr(GDateTime) basic_expiry = NULL;

  g_assert_no_error (error);
  assert_token (database, token);
  g_assert_cmpint (expires_in (database), >=, 3590);
  g_assert_cmpint (expires_in (database), <=, 3600);

  g_object_get (database, "token", &property_token, "token-expiry", &property_expiry, NULL);
  g_assert_cmpstr (property_token, ==, token);
  g_assert_cmpint (seconds_until (property_expiry), ==, expires_in (database));

  /* A superuser token names no expiry */
  superuser_database = open_with_token (fixture, superuser, TRUE, &error);
  g_assert_no_error (error);
  assert_token (superuser_database, superuser);
  g_assert_null (arango_database_dup_token_expiry (superuser_database));

  /* Basic authentication has no token */
  basic = test_open_database (fixture->client, "root", PASSWORD);
  g_object_get (basic, "token", &basic_token, "token-expiry", &basic_expiry, NULL);
  g_assert_null (basic_token);
  g_assert_null (basic_expiry);

  /* A login's token shows, with the lifetime the server gave it */
  jwt = arango_client_db_full_sync (fixture->client, "_system", "root", PASSWORD,
                                    ARANGO_AUTH_METHOD_JWT, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expires_in (jwt), >=, 3590);
  g_assert_true (send_request (jwt, &error));
  g_free (property_token);
  property_token = arango_database_dup_token (jwt);
  assert_last_sent (fixture, property_token);
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  unused)
{
  const char *garbage[] = {
    "not-a-jwt",
    "e30.e30",                                       /* two parts */
    "e30.e30.e30.e30",                               /* four */
    "e30..sig",                                      /* an empty payload */
    "e3 0.e30.sig",                                  /* not base64url */
    "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig",          /* payload "not json" */
    "eyJhbGciOiJIUzI1NiJ9.WzFd.sig",                 /* payload [1] */
    "WzFd.e30.sig",                                  /* header [1] */
    "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOiJzb29uIn0.sig",  /* {"exp":"soon"} */
  };
  g_autoptr(GError) error = NULL;

  for (guint verify = 0; verify < 2; verify++)
    for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
      {
        g_autoptr(ArangoDatabase) database = open_with_token (fixture, garbage[i], verify, &error);

        g_assert_null (database);
        g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED);
        g_assert_true (g_str_has_prefix (error->message, "The token is not a JSON Web Token"));
        g_assert_null (strstr (error->message, garbage[i]));
        g_clear_error (&error);
      }

  g_assert_null (open_with_token (fixture, "", TRUE, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);

  /* Refused before anything was sent */
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, 0);
}

static void
test_expired (Fixture       *fixture,
              gconstpointer  unused)
{
  g_autofree char *token = mint_token (fixture, -60);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) refused = open_with_token (fixture, token, TRUE, &error);
  g_autoptr(ArangoDatabase) database = NULL;
  g_autofree char *renewed = NULL;

  /* With verify: refused here, by this machine's clock */
  g_assert_null (refused);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_TOKEN_EXPIRED);
  g_assert_true (g_str_has_prefix (error->message, "The token expired at "));
  g_assert_null (strstr (error->message, token));
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, 0);
  g_clear_error (&error);

  /* Without: the handle opens, and the server refuses it */
  database = open_with_token (fixture, token, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expires_in (database), <=, -60);
  g_assert_false (send_request (database, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Nor does the server renew it */
  renewed = renew (database, &error);
  g_assert_null (renewed);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_TOKEN_EXPIRED);
  g_assert_cmpuint (count_renewals (fixture), ==, 1);
  g_clear_error (&error);

  g_assert_false (arango_database_set_token (database, token, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_TOKEN_EXPIRED);
}

static gpointer
set_token_in_thread (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (arango_database_set_token (args[0], args[1], &error));
  g_assert_no_error (error);
  return NULL;
}

static void
test_set_token (Fixture       *fixture,
                gconstpointer  unused)
{
  g_autofree char *first = mint_token (fixture, 3600);
  g_autofree char *second = mint_token (fixture, 7200);
  g_autofree char *third = mint_token (fixture, 5000);
  g_autofree char *expired = mint_token (fixture, -1);
  g_autofree char *role = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = open_with_token (fixture, first, TRUE, &error);
  g_autoptr(ArangoDatabase) jobs = arango_database_begin_async_execution (database, TRUE);
  g_autoptr(ArangoDatabase) basic = test_open_database (fixture->client, "root", PASSWORD);
  ArangoCluster *cluster = arango_database_get_cluster (database);
  Notified notified = { 0 };
  Notified jobs_notified = { 0 };
  gpointer args[2];
  GThread *thread;

  g_assert_no_error (error);
  watch (database, &notified);
  watch (jobs, &jobs_notified);

  /* Every handle sharing the credentials hears of it, and sends it */
  g_assert_true (arango_database_set_token (database, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified.token, ==, 1);
  g_assert_cmpuint (notified.token_expiry, ==, 1);
  g_assert_cmpuint (jobs_notified.token, ==, 1);
  assert_token (jobs, second);
  g_assert_cmpint (expires_in (database), >=, 7190);
  g_assert_true (send_request (database, &error));
  assert_last_sent (fixture, second);
  role = arango_cluster_server_role_sync (cluster, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (role, ==, "COORDINATOR");
  assert_last_sent (fixture, second);

  /* The same token again changes nothing */
  g_assert_true (arango_database_set_token (database, second, &error));
  g_assert_cmpuint (notified.token, ==, 1);

  /* Refused tokens leave the handle as it was */
  g_assert_false (arango_database_set_token (database, "not-a-jwt", &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED);
  g_clear_error (&error);
  g_assert_false (arango_database_set_token (database, expired, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_TOKEN_EXPIRED);
  g_clear_error (&error);
  g_assert_false (arango_database_set_token (database, "", &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (notified.token, ==, 1);
  assert_token (database, second);

  /* Basic authentication has no token to replace */
  g_assert_false (arango_database_set_token (basic, second, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  assert_token (basic, NULL);

  /* From another thread: notified there, sent from here */
  args[0] = database;
  args[1] = third;
  thread = g_thread_new ("set-token", set_token_in_thread, args);
  g_thread_ref (thread);
  g_thread_join (thread);
  g_assert_cmpuint (notified.token, ==, 2);
  g_assert_true (notified.thread == thread);
  g_thread_unref (thread);
  g_assert_true (send_request (database, &error));
  assert_last_sent (fixture, third);
}

static void
test_renew (Fixture       *fixture,
            gconstpointer  unused)
{
  g_autofree char *near = mint_token (fixture, 100);
  g_autofree char *nearer = mint_token (fixture, 30);
  g_autofree char *superuser = mint_superuser_token (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = open_with_token (fixture, near, TRUE, &error);
  g_autoptr(ArangoDatabase) old = NULL;
  g_autoptr(ArangoDatabase) superuser_database = NULL;
  g_autoptr(ArangoDatabase) basic = test_open_database (fixture->client, "root", PASSWORD);
  g_autofree char *renewed = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *renewed_sync = NULL;
  g_autofree char *refused = NULL;
  Notified notified = { 0 };

  g_assert_no_error (error);
  watch (database, &notified);

  /* Within 150 s of its expiry the server issues a new one */
  renewed = renew (database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (renewed);
  g_assert_cmpstr (renewed, !=, near);
  assert_token (database, renewed);
  g_assert_cmpuint (notified.token, ==, 1);
  g_assert_cmpint (expires_in (database), >=, 3590);
  g_assert_true (send_request (database, &error));
  assert_last_sent (fixture, renewed);

  /* The old one stays valid until it expires */
  old = open_with_token (fixture, near, TRUE, &error);
  g_assert_no_error (error);

  /* Far from its expiry: no new token, no error, nothing changes */
  kept = renew (database, &error);
  g_assert_no_error (error);
  g_assert_null (kept);
  assert_token (database, renewed);
  g_assert_cmpuint (notified.token, ==, 1);
  g_assert_cmpuint (count_renewals (fixture), ==, 2);

  /* The blocking form */
  g_assert_true (arango_database_set_token (database, nearer, &error));
  renewed_sync = arango_database_renew_token_sync (database, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (renewed_sync);
  assert_token (database, renewed_sync);
  g_assert_cmpuint (notified.token, ==, 3);

  /* A superuser token names no user to renew it for */
  superuser_database = open_with_token (fixture, superuser, FALSE, &error);
  refused = renew (superuser_database, &error);
  g_assert_null (refused);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED);
  g_assert_true (g_str_has_suffix (error->message, "[HTTP 404][ERR 1703] user not found"));
  g_assert_null (strstr (error->message, superuser));
  assert_token (superuser_database, superuser);
  g_clear_error (&error);

  /* Basic authentication: refused, nothing sent */
  g_assert_null (renew (basic, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (count_renewals (fixture), ==, 4);
}

static void
test_password_handle (Fixture       *fixture,
                      gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) database = arango_client_db_full_sync (fixture->client, "_system", "root",
                                                                   PASSWORD, ARANGO_AUTH_METHOD_JWT,
                                                                   TRUE, NULL, &error);
  g_autofree char *first = NULL;
  g_autofree char *relogged = NULL;
  g_autofree char *minted = NULL;
  g_autofree char *kept = NULL;
  Notified notified = { 0 };

  g_assert_no_error (error);
  watch (database, &notified);
  first = arango_database_dup_token (database);
  g_assert_nonnull (first);

  /* The server forgets its tokens: the handle logs in again, and says so */
  json_node_unref (emulator_process_control (fixture->emulator, "POST", "/_control/auth/rotate-secret", NULL));
  g_assert_true (send_request (database, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "POST", "/_open/auth"), ==, 2);
  g_assert_cmpuint (notified.token, ==, 1);
  relogged = arango_database_dup_token (database);
  g_assert_cmpstr (relogged, !=, first);
  assert_last_sent (fixture, relogged);

  /* It takes a token from elsewhere too, and may renew it (a lifetime
   * unlike the login's: tokens made in the same second are equal) */
  minted = mint_token (fixture, 3000);
  g_assert_true (arango_database_set_token (database, minted, &error));
  g_assert_true (send_request (database, &error));
  assert_last_sent (fixture, minted);
  kept = renew (database, &error);
  g_assert_no_error (error);
  g_assert_null (kept);
  g_assert_cmpuint (notified.token, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tokens/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("expiry", test_expiry);
  ADD ("garbage", test_garbage);
  ADD ("expired", test_expired);
  ADD ("set-token", test_set_token);
  ADD ("renew", test_renew);
  ADD ("password-handle", test_password_handle);
#undef ADD

  return g_test_run ();
}
