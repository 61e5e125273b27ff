/* test-server-admin.c: what a server tells of itself and its secrets,
 * through ArangoDatabase against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>

#include "test-util.h"

#define PASSWORD "pw"

/* One coordinator, so that every call lands where the last one did;
 * authentication on, so that root (basic authentication) is an admin
 * but no superuser. */
typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  TestAsync async;
} Fixture;

static void
fixture_start (Fixture            *fixture,
               const char * const *extra_args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  g_strv_builder_add_many (builder, "--coordinators", "1", "--user", "root",
                           "--password", PASSWORD, NULL);
  if (extra_args != NULL)
    g_strv_builder_addv (builder, (const char **) extra_args);
  args = g_strv_builder_end (builder);

  fixture->emulator = emulator_process_start_with_args ((const char * const *) args);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", PASSWORD);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture_start (fixture, user_data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* A handle on @name that authenticates with a superuser token. */
static ArangoDatabase *
open_as_superuser (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(JsonNode) minted = emulator_process_control (fixture->emulator, "GET",
                                                         "/_control/auth/superuser-token", NULL);
  g_autoptr(GError) error = NULL;
  ArangoDatabase *database;

  database = arango_client_db_with_token_sync (fixture->client, name,
                                               json_object_get_string_member (json_node_get_object (minted), "jwt"),
                                               TRUE, NULL, &error);
  g_assert_no_error (error);
  return database;
}

/* A user that may read _system but is no admin. */
static ArangoDatabase *
open_as_reader (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = NULL;

  user = arango_database_create_user_sync (fixture->database, "reader", "secret", TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  arango_database_update_permission_sync (fixture->database, "reader", ARANGO_PERMISSION_READ_ONLY,
                                          "_system", NULL, NULL, &error);
  g_assert_no_error (error);
  return test_open_database (fixture->client, "reader", "secret");
}

static void
test_echo (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) got = NULL;
  g_autoptr(JsonObject) posted = NULL;
  g_autoptr(JsonObject) sent = test_json_object ("{\"planet\":\"Ceres\",\"moons\":0}");
  g_autoptr(JsonObject) received = NULL;
  g_autoptr(JsonNode) body = json_node_init_object (json_node_alloc (), sent);
  JsonObject *headers;
  JsonArray *raw;

  arango_database_echo_async (fixture->database, NULL, NULL, READY);
  got = arango_database_echo_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (got, "requestType"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (got, "user"), ==, "root");
  g_assert_true (json_object_get_boolean_member (got, "authorized"));
  g_assert_true (json_object_get_boolean_member (got, "isAdminUser"));
  g_assert_cmpstr (json_object_get_string_member (got, "database"), ==, "_system");
  g_assert_cmpstr (json_object_get_string_member (got, "url"), ==, "/_db/_system/_admin/echo");
  g_assert_cmpstr (json_object_get_string_member (got, "path"), ==, "/");
  g_assert_false (json_object_has_member (got, "requestBody"));
  /* The client end of the connection is this process on loopback. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (got, "client"), "address"),
                   ==, "127.0.0.1");
  headers = json_object_get_object_member (got, "headers");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (headers, "authorization"), "Basic "));

  posted = arango_database_echo_sync (fixture->database, body, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (posted, "requestType"), ==, "POST");
  /* The body as the server got it */
  received = test_json_object (json_object_get_string_member (posted, "requestBody"));
  g_assert_cmpstr (json_object_get_string_member (received, "planet"), ==, "Ceres");
  g_assert_cmpint (json_object_get_int_member (received, "moons"), ==, 0);
  g_assert_cmpuint (json_object_get_size (received), ==, 2);
  headers = json_object_get_object_member (posted, "headers");
  g_assert_cmpstr (json_object_get_string_member (headers, "content-type"), ==, "application/json");
  /* The bytes of the body, as a Node Buffer */
  raw = json_object_get_array_member (json_object_get_object_member (posted, "rawRequestBody"), "data");
  g_assert_cmpuint (json_array_get_length (raw),
                    ==, strlen (json_object_get_string_member (posted, "requestBody")));
  g_assert_cmpint (json_array_get_int_element (raw, 0), ==, '{');
}

static void
test_echo_cancelled (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JsonObject) got = NULL;

  g_cancellable_cancel (cancellable);
  arango_database_echo_async (fixture->database, NULL, cancellable, READY);
  got = arango_database_echo_finish (fixture->database, WAIT, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (got);
}

static void
test_read_log (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(JsonObject) warnings = NULL;
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(JsonObject) entries = NULL;
  g_autoptr(JsonObject) refused = NULL;
  JsonArray *text;
  JsonArray *messages;
  guint before;

  arango_database_read_log_async (fixture->database, NULL, NULL, -1, -1, -1, NULL, NULL, NULL,
                                  NULL, READY);
  all = arango_database_read_log_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  text = json_object_get_array_member (all, "text");
  g_assert_cmpint (json_object_get_int_member (all, "totalAmount"), ==, json_array_get_length (text));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (all, "lid")), ==, json_array_get_length (text));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (all, "timestamp")), ==, json_array_get_length (text));

  /* The same entries as the newer call gives, in their older form */
  entries = arango_database_read_log_entries_sync (fixture->database, NULL, NULL, -1, -1, -1, NULL, NULL,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  messages = json_object_get_array_member (entries, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, json_array_get_length (text));
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      g_assert_cmpstr (json_object_get_string_member (message, "message"), ==,
                       json_array_get_string_element (text, i));
      g_assert_cmpint (json_object_get_int_member (message, "id"), ==,
                       json_array_get_int_element (json_object_get_array_member (all, "lid"), i));
    }

  /* Up to warnings: the levels count from 0 (fatal) */
  warnings = arango_database_read_log_sync (fixture->database, "warning", NULL, -1, -1, -1, NULL, NULL,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (warnings, "totalAmount"), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (warnings, "level"), 0), ==, 2);

  /* Newest first, one skipped, two returned; the total counts them all */
  page = arango_database_read_log_sync (fixture->database, NULL, NULL, -1, 2, 1, NULL, "desc",
                                        NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (page, "totalAmount"), ==, json_array_get_length (text));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "lid")), ==, 2);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (page, "lid"), 0), ==,
                   json_array_get_length (text) - 1);

  /* A sort order the server does not know is refused before sending */
  before = emulator_process_get_request_count (fixture->emulator, 0);
  refused = arango_database_read_log_sync (fixture->database, NULL, NULL, -1, -1, -1, NULL, "sideways",
                                           NULL, NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (refused);
  g_clear_error (&error);
  g_assert_cmpuint (emulator_process_get_request_count (fixture->emulator, 0), ==, before);

  /* A level the server does not know is its refusal */
  refused = arango_database_read_log_sync (fixture->database, "chatty", NULL, -1, -1, -1, NULL, NULL,
                                           NULL, NULL, &error);
  g_assert_null (refused);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_HTTP_BAD_PARAMETER,
                       "unknown 'upto' log level: 'chatty'");
}

static void
test_admin_rights (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) reader = open_as_reader (fixture);
  g_autoptr(JsonObject) log = NULL;
  g_autoptr(JsonArray) calls = NULL;
  g_autoptr(JsonObject) echo = NULL;

  log = arango_database_read_log_sync (reader, NULL, NULL, -1, -1, -1, NULL, NULL, NULL, NULL, &error);
  g_assert_null (log);
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_HTTP_FORBIDDEN,
                       "you need admin rights for log operations");

  calls = arango_database_api_calls_sync (reader, NULL, &error);
  g_assert_null (calls);
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_HTTP_FORBIDDEN,
                       "You need admin rights for recording API operations");

  /* The echo serves anyone, and says who asked */
  echo = arango_database_echo_sync (reader, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (echo, "user"), ==, "reader");
  g_assert_false (json_object_get_boolean_member (echo, "isAdminUser"));
}

static void
test_options (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) superuser = open_as_superuser (fixture, "_system");
  g_autoptr(ArangoDatabase) elsewhere = NULL;
  g_autoptr(JsonObject) refused = NULL;
  g_autoptr(JsonObject) options = NULL;
  g_autoptr(JsonObject) available = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *described;

  /* With the default policy only a superuser token may ask: root is an
   * admin, no superuser */
  arango_database_options_async (fixture->database, NULL, READY);
  refused = arango_database_options_finish (fixture->database, WAIT, &error);
  g_assert_null (refused);
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_HTTP_FORBIDDEN, "insufficient permissions");

  arango_database_options_async (superuser, NULL, READY);
  options = arango_database_options_finish (superuser, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (options, "server.authentication"));
  g_assert_cmpstr (json_object_get_string_member (options, "server.options-api"), ==, "jwt");
  /* Nothing that may name a secret */
  names = json_object_get_members (options);
  g_assert_nonnull (names);
  for (GList *l = names; l != NULL; l = l->next)
    g_assert_null (strstr (l->data, "secret"));

  available = arango_database_options_available_sync (superuser, NULL, &error);
  g_assert_no_error (error);
  described = json_object_get_object_member (available, "server.jwt-secret-folder");
  g_assert_nonnull (described);
  g_assert_cmpstr (json_object_get_string_member (described, "section"), ==, "server");
  g_assert_cmpstr (json_object_get_string_member (described, "type"), ==, "string");
  described = json_object_get_object_member (available, "server.options-api");
  g_assert_cmpstr (json_object_get_string_member (described, "default"), ==, "jwt");

  /* Only _system answers */
  g_assert_true (arango_database_create_database_sync (fixture->database, "asteroids", NULL, NULL, &error));
  g_assert_no_error (error);
  elsewhere = open_as_superuser (fixture, "asteroids");
  g_clear_pointer (&refused, json_object_unref);
  refused = arango_database_options_available_sync (elsewhere, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE);
}

static gboolean
has_call (JsonArray  *calls,
          const char *method,
          const char *path)
{
  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *call = json_array_get_object_element (calls, i);

      if (g_str_equal (json_object_get_string_member (call, "requestType"), method) &&
          g_str_equal (json_object_get_string_member (call, "path"), path))
        return TRUE;
    }
  return FALSE;
}

static void
test_api_calls (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = NULL;
  g_autoptr(JsonArray) calls = NULL;
  g_autoptr(JsonArray) again = NULL;
  JsonObject *newest;

  version = arango_database_version_sync (fixture->database, FALSE, NULL, &error);
  g_assert_no_error (error);

  arango_database_api_calls_async (fixture->database, NULL, READY);
  calls = arango_database_api_calls_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  /* The newest first: this very call */
  newest = json_array_get_object_element (calls, 0);
  g_assert_cmpstr (json_object_get_string_member (newest, "requestType"), ==, "GET");
  g_assert_cmpstr (json_object_get_string_member (newest, "path"), ==, "/_admin/server/api-calls");
  g_assert_cmpstr (json_object_get_string_member (newest, "database"), ==, "_system");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (newest, "timeStamp"), "Z"));
  g_assert_true (has_call (calls, "GET", "/_api/version"));
  g_assert_false (has_call (calls, "DELETE", "/_api/version"));

  again = arango_database_api_calls_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (again), ==, json_array_get_length (calls) + 1);
}

static char *
sha256_of (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static const char *
passive_sha256 (JsonObject *secrets,
                guint       i)
{
  JsonArray *passive = json_object_get_array_member (secrets, "passive");

  return json_object_get_string_member (json_array_get_object_element (passive, i), "sha256");
}

static const char *
active_sha256 (JsonObject *secrets)
{
  return json_object_get_string_member (json_object_get_object_member (secrets, "active"), "sha256");
}

static void
write_secret (const char *folder,
              const char *name,
              const char *secret)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, secret, -1, &error);
  g_assert_no_error (error);
}

static void
test_jwt_secrets_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("arango-jwt-XXXXXX", &error);
  const char *args[] = { "--jwt-secret-folder", folder, NULL };
  Fixture fixture = { 0 };
  g_autoptr(ArangoDatabase) superuser = NULL;
  g_autoptr(JsonObject) secrets = NULL;
  g_autoptr(JsonObject) refused = NULL;
  g_autoptr(JsonObject) reloaded = NULL;
  g_autoptr(JsonObject) rotated = NULL;
  g_autofree char *first = sha256_of ("first-secret");
  g_autofree char *second = sha256_of ("second-secret");
  g_autofree char *newest = sha256_of ("newest-secret");
  g_autofree char *third = sha256_of ("third-secret");

  g_assert_no_error (error);
  /* Whitespace around a secret is not part of it */
  write_secret (folder, "b-first", "first-secret\n");
  write_secret (folder, "c-second", "second-secret");
  fixture_start (&fixture, args);
  superuser = open_as_superuser (&fixture, "_system");

  /* The hashes, never the secrets; any user may ask */
  secrets = arango_database_jwt_secrets_sync (fixture.database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (active_sha256 (secrets), ==, first);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (secrets, "passive")), ==, 1);
  g_assert_cmpstr (passive_sha256 (secrets, 0), ==, second);

  /* Reloading is for a superuser token only */
  write_secret (folder, "d-third", "third-secret");
  refused = arango_database_reload_jwt_secrets_sync (fixture.database, NULL, &error);
  g_assert_null (refused);
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");

  arango_database_reload_jwt_secrets_async (superuser, NULL, test_async_ready, &fixture.async);
  reloaded = arango_database_reload_jwt_secrets_finish (superuser, test_async_wait (&fixture.async), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (active_sha256 (reloaded), ==, first);
  g_assert_cmpstr (passive_sha256 (reloaded, 1), ==, third);

  /* A new first file becomes the active secret; the token signed with
   * the old one, now passive, still opens the door */
  write_secret (folder, "a-newest", "newest-secret");
  rotated = arango_database_reload_jwt_secrets_sync (superuser, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (active_sha256 (rotated), ==, newest);
  g_assert_cmpstr (passive_sha256 (rotated, 0), ==, first);
  g_clear_pointer (&secrets, json_object_unref);
  secrets = arango_database_jwt_secrets_sync (superuser, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (secrets, "passive")), ==, 3);

  fixture_tear_down (&fixture, NULL);
  for (const char *const *name = (const char *[]) { "a-newest", "b-first", "c-second", "d-third", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (folder, *name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_jwt_secrets_without_folder (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) superuser = open_as_superuser (fixture, "_system");
  g_autoptr(JsonObject) secrets = NULL;
  g_autoptr(JsonObject) refused = NULL;

  secrets = arango_database_jwt_secrets_sync (fixture->database, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (active_sha256 (secrets)), ==, 64);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (secrets, "passive")), ==, 0);

  /* The secret came from no file: there is nothing to read again */
  refused = arango_database_reload_jwt_secrets_sync (superuser, NULL, &error);
  g_assert_null (refused);
  test_assert_refused (&error, 400, ARANGO_SERVER_ERROR_BAD_PARAMETER,
                       "no JWT secret file was specified");
}

static void
test_encryption (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) superuser = open_as_superuser (fixture, "_system");
  g_autoptr(JsonObject) refused = NULL;

  /* A coordinator holds no keys, not even for a superuser */
  arango_database_encryption_async (superuser, NULL, READY);
  refused = arango_database_encryption_finish (superuser, WAIT, &error);
  g_assert_null (refused);
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");
}

static void
test_encryption_single (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) superuser = open_as_superuser (fixture, "_system");
  g_autoptr(JsonObject) refused = NULL;

  /* Not for an admin that is no superuser */
  refused = arango_database_encryption_sync (fixture->database, NULL, &error);
  g_assert_null (refused);
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");

  /* A single server without encryption at rest has nothing to rotate */
  refused = arango_database_encryption_sync (superuser, NULL, &error);
  g_assert_null (refused);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND, "not found");
}

static const char * const single_server[] = { "--single", NULL };

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, args) \
  g_test_add (path, Fixture, args, fixture_set_up, func, fixture_tear_down)

  ADD ("/server-admin/echo", test_echo, NULL);
  ADD ("/server-admin/echo-cancelled", test_echo_cancelled, NULL);
  ADD ("/server-admin/read-log", test_read_log, NULL);
  ADD ("/server-admin/admin-rights", test_admin_rights, NULL);
  ADD ("/server-admin/options", test_options, NULL);
  ADD ("/server-admin/api-calls", test_api_calls, NULL);
  ADD ("/server-admin/jwt-secrets-without-folder", test_jwt_secrets_without_folder, NULL);
  ADD ("/server-admin/encryption", test_encryption, NULL);
  ADD ("/server-admin/encryption-single", test_encryption_single, single_server);
  g_test_add_func ("/server-admin/jwt-secrets-folder", test_jwt_secrets_folder);

  return g_test_run ();
}
