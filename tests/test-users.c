/* test-users.c: users, permissions and access tokens against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"

#define ROOT_PASSWORD "root-pw"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *root;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* Authentication on, so that permissions decide what a user may do.
 * user_data: NULL for a Coordinator, or "--single". */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char * const args[] = {
    "--coordinators=1", "--user=root", "--password=" ROOT_PASSWORD, user_data, NULL
  };

  fixture->emulator = emulator_process_start_with_args (args);
  fixture->client = test_client_new (fixture->emulator);
  fixture->root = test_open_database (fixture->client, "root", ROOT_PASSWORD);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->root);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static JsonObject *
create_user (Fixture     *fixture,
             const char  *name,
             const char  *password,
             GError     **error)
{
  arango_database_create_user_async (fixture->root, name, password, TRUE, NULL, NULL, READY);
  return arango_database_create_user_finish (fixture->root, WAIT, error);
}

static ArangoPermission
permission (Fixture    *fixture,
            const char *user,
            const char *database,
            const char *collection)
{
  g_autoptr(GError) error = NULL;
  ArangoPermission level;

  arango_database_permission_async (fixture->root, user, database, collection, NULL, READY);
  level = arango_database_permission_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  return level;
}

static void
grant (Fixture          *fixture,
       const char       *user,
       ArangoPermission  level,
       const char       *database,
       const char       *collection)
{
  g_autoptr(GError) error = NULL;

  arango_database_update_permission_async (fixture->root, user, level, database, collection,
                                           NULL, READY);
  g_assert_true (arango_database_update_permission_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
}

static void
test_crud (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) extra = test_json_object ("{\"team\": \"analytics\"}");
  g_autoptr(JsonObject) changes = test_json_object ("{\"active\": false, \"extra\": {\"level\": 2}}");
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) replaced = NULL;
  g_autoptr(JsonArray) users = NULL;
  JsonObject *stored_extra;
  gboolean found_ada = FALSE, found_root = FALSE;

  arango_database_create_user_async (fixture->root, "ada", "secret", TRUE, extra, NULL, READY);
  created = arango_database_create_user_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (created, "user"), ==, "ada");
  g_assert_true (json_object_get_boolean_member (created, "active"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (created, "extra"), "team"),
                   ==, "analytics");
  g_assert_false (json_object_has_member (created, "error"));

  g_assert_null (create_user (fixture, "ada", "other", &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USER_DUPLICATE);
  g_clear_error (&error);

  arango_database_users_async (fixture->root, NULL, READY);
  users = arango_database_users_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (users, i), "user");

      found_ada |= g_str_equal (name, "ada");
      found_root |= g_str_equal (name, "root");
    }
  g_assert_true (found_ada);
  g_assert_true (found_root);

  arango_database_has_user_async (fixture->root, "ada", NULL, READY);
  g_assert_true (arango_database_has_user_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  arango_database_has_user_async (fixture->root, "nobody", NULL, READY);
  g_assert_false (arango_database_has_user_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);

  /* An update merges "extra" and keeps what it does not name. */
  arango_database_update_user_async (fixture->root, "ada", changes, NULL, READY);
  updated = arango_database_update_user_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (updated, "active"));
  stored_extra = json_object_get_object_member (updated, "extra");
  g_assert_cmpstr (json_object_get_string_member (stored_extra, "team"), ==, "analytics");
  g_assert_cmpint (json_object_get_int_member (stored_extra, "level"), ==, 2);

  /* A replacement resets what it does not name. */
  arango_database_replace_user_async (fixture->root, "ada", "new", TRUE, NULL, NULL, READY);
  replaced = arango_database_replace_user_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (replaced, "active"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (replaced, "extra")), ==, 0);

  arango_database_user_async (fixture->root, "ada", NULL, READY);
  read = arango_database_user_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (read, "user"), ==, "ada");
  g_assert_false (json_object_has_member (read, "code"));

  arango_database_delete_user_async (fixture->root, "ada", FALSE, NULL, READY);
  g_assert_true (arango_database_delete_user_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  arango_database_delete_user_async (fixture->root, "ada", FALSE, NULL, READY);
  g_assert_false (arango_database_delete_user_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USER_NOT_FOUND);
  g_clear_error (&error);
  arango_database_delete_user_async (fixture->root, "ada", TRUE, NULL, READY);
  g_assert_false (arango_database_delete_user_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);

  arango_database_user_async (fixture->root, "ada", NULL, READY);
  g_assert_null (arango_database_user_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USER_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "[HTTP 404][ERR 1703]"));
}

static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) nothing = json_object_new ();

  g_assert_null (create_user (fixture, "", "pw", &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The user name is empty");
  g_clear_error (&error);

  g_assert_null (create_user (fixture, NULL, "pw", &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_update_user_async (fixture->root, "root", nothing, NULL, READY);
  g_assert_null (arango_database_update_user_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_update_user_async (fixture->root, "root", NULL, NULL, READY);
  g_assert_null (arango_database_update_user_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_update_permission_async (fixture->root, "root", (ArangoPermission) 7,
                                           "_system", NULL, NULL, READY);
  g_assert_false (arango_database_update_permission_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_permission_async (fixture->root, "root", "", NULL, NULL, READY);
  g_assert_cmpint (arango_database_permission_finish (fixture->root, WAIT, &error),
                   ==, ARANGO_PERMISSION_NONE);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_database_create_access_token_async (fixture->root, "root", "", 0, NULL, READY);
  g_assert_null (arango_database_create_access_token_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* None of them reached the server. */
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "POST", "/_api/user"), ==, 0);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PATCH", "/_api/user/root"), ==, 0);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PUT", "/_api/user/root/database/_system"), ==, 0);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "POST", "/_api/token/root"), ==, 0);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "bob", "pw", &error);
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(ArangoCollection) reports = NULL;
  g_autoptr(ArangoCollection) archive = NULL;

  g_assert_no_error (error);
  arango_database_create_collection_async (fixture->root, "reports", NULL, NULL, READY);
  reports = arango_database_create_collection_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  arango_database_create_collection_async (fixture->root, "archive", NULL, NULL, READY);
  archive = arango_database_create_collection_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);

  /* A new user has no access anywhere. */
  g_assert_cmpint (permission (fixture, "bob", "_system", NULL), ==, ARANGO_PERMISSION_NONE);
  g_assert_cmpint (permission (fixture, "bob", "_system", "reports"), ==, ARANGO_PERMISSION_NONE);

  grant (fixture, "bob", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  grant (fixture, "bob", ARANGO_PERMISSION_READ_ONLY, "_system", "reports");
  g_assert_cmpint (permission (fixture, "bob", "_system", NULL), ==, ARANGO_PERMISSION_READ_WRITE);
  g_assert_cmpint (permission (fixture, "bob", "_system", "reports"), ==, ARANGO_PERMISSION_READ_ONLY);
  /* Without its own level a collection inherits the database's ... */
  g_assert_cmpint (permission (fixture, "bob", "_system", "archive"), ==, ARANGO_PERMISSION_READ_WRITE);
  /* ... unless the database sets one for all its collections. */
  grant (fixture, "bob", ARANGO_PERMISSION_NONE, "_system", "*");
  g_assert_cmpint (permission (fixture, "bob", "_system", "archive"), ==, ARANGO_PERMISSION_NONE);
  g_assert_cmpint (permission (fixture, "bob", "_system", "reports"), ==, ARANGO_PERMISSION_READ_ONLY);

  arango_database_permissions_async (fixture->root, "bob", NULL, READY);
  all = arango_database_permissions_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (all, "_system"), ==, "rw");

  arango_database_reset_permission_async (fixture->root, "bob", "_system", "*", NULL, READY);
  g_assert_true (arango_database_reset_permission_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (permission (fixture, "bob", "_system", "archive"), ==, ARANGO_PERMISSION_READ_WRITE);

  arango_database_reset_permission_async (fixture->root, "bob", "_system", NULL, NULL, READY);
  g_assert_true (arango_database_reset_permission_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (permission (fixture, "bob", "_system", NULL), ==, ARANGO_PERMISSION_NONE);

  /* The default for every database applies where none is set. */
  grant (fixture, "bob", ARANGO_PERMISSION_READ_ONLY, "*", NULL);
  g_assert_cmpint (permission (fixture, "bob", "_system", NULL), ==, ARANGO_PERMISSION_READ_ONLY);

  arango_database_update_permission_async (fixture->root, "bob", ARANGO_PERMISSION_READ_ONLY,
                                           "nowhere", NULL, NULL, READY);
  g_assert_false (arango_database_update_permission_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND);
  g_clear_error (&error);

  arango_database_update_permission_async (fixture->root, "bob", ARANGO_PERMISSION_READ_ONLY,
                                           "_system", "missing", NULL, READY);
  g_assert_false (arango_database_update_permission_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_clear_error (&error);

  /* A dropped database takes its permissions along. */
  arango_database_create_database_async (fixture->root, "shop", NULL, NULL, READY);
  g_assert_true (arango_database_create_database_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  grant (fixture, "bob", ARANGO_PERMISSION_READ_WRITE, "shop", NULL);
  arango_database_delete_database_async (fixture->root, "shop", NULL, READY);
  g_assert_true (arango_database_delete_database_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  arango_database_create_database_async (fixture->root, "shop", NULL, NULL, READY);
  g_assert_true (arango_database_create_database_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (permission (fixture, "bob", "shop", NULL), ==, ARANGO_PERMISSION_READ_ONLY);

  arango_database_permission_async (fixture->root, "nobody", "_system", NULL, NULL, READY);
  g_assert_cmpint (arango_database_permission_finish (fixture->root, WAIT, &error),
                   ==, ARANGO_PERMISSION_NONE);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USER_NOT_FOUND);
}

static JsonArray *
list_collections (Fixture         *fixture,
                  ArangoDatabase  *database,
                  GError         **error)
{
  arango_database_list_collections_async (database, NULL, READY);
  return arango_database_list_collections_finish (database, WAIT, error);
}

static void
assert_refused (Fixture        *fixture,
                ArangoDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) collections = list_collections (fixture, database, &error);

  g_assert_null (collections);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_prefix (error->message, "[HTTP 401]"));
}

static void
test_login (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "carol", "carol-pw", &error);
  g_autoptr(JsonObject) deactivate = test_json_object ("{\"active\": false}");
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(ArangoDatabase) carol = NULL;
  g_autoptr(ArangoDatabase) impostor = NULL;
  g_autoptr(JsonArray) collections = NULL;

  g_assert_no_error (error);
  carol = test_open_database (fixture->client, "carol", "carol-pw");
  impostor = test_open_database (fixture->client, "carol", "wrong");

  /* Known, but with no access to the database. */
  assert_refused (fixture, carol);

  grant (fixture, "carol", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
  collections = list_collections (fixture, carol, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collections);
  assert_refused (fixture, impostor);

  /* A user may read its own account without rights on the database... */
  grant (fixture, "carol", ARANGO_PERMISSION_NONE, "_system", NULL);
  {
    g_autoptr(JsonObject) self = NULL;

    arango_database_user_async (carol, "carol", NULL, READY);
    self = arango_database_user_finish (carol, WAIT, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (self, "user"), ==, "carol");
  }
  /* ... but not manage users. */
  arango_database_create_user_async (carol, "mallory", "pw", TRUE, NULL, NULL, READY);
  g_assert_null (arango_database_create_user_finish (carol, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_clear_error (&error);
  assert_refused (fixture, carol);

  /* It can log in for a JWT too, and the token carries its permissions. */
  {
    g_autoptr(ArangoDatabase) with_token = NULL;
    g_autoptr(JsonArray) listed = NULL;

    arango_client_db_full_async (fixture->client, "_system", "carol", "carol-pw",
                                 ARANGO_AUTH_METHOD_JWT, FALSE, NULL, READY);
    with_token = arango_client_db_full_finish (fixture->client, WAIT, &error);
    g_assert_no_error (error);
    assert_refused (fixture, with_token);
    grant (fixture, "carol", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
    listed = list_collections (fixture, with_token, &error);
    g_assert_no_error (error);
    g_assert_nonnull (listed);
    g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "POST", "/_open/auth"), >=, 1);
  }

  /* An inactive or deleted user cannot log in. */
  grant (fixture, "carol", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  arango_database_update_user_async (fixture->root, "carol", deactivate, NULL, READY);
  updated = arango_database_update_user_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  assert_refused (fixture, carol);

  arango_database_delete_user_async (fixture->root, "carol", FALSE, NULL, READY);
  g_assert_true (arango_database_delete_user_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  assert_refused (fixture, carol);
}

static ArangoCollection *
create_collection (Fixture        *fixture,
                   ArangoDatabase *database,
                   const char     *name,
                   GError        **error)
{
  arango_database_create_collection_async (database, name, NULL, NULL, READY);
  return arango_database_create_collection_finish (database, WAIT, error);
}

static JsonObject *
insert (Fixture          *fixture,
        ArangoCollection *collection,
        const char       *document,
        GError          **error)
{
  g_autoptr(JsonNode) node = json_from_string (document, NULL);

  arango_collection_insert_async (collection, node, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  return arango_collection_insert_finish (collection, WAIT, error);
}

static JsonObject *
read_document (Fixture          *fixture,
               ArangoCollection *collection,
               const char       *key,
               GError          **error)
{
  arango_collection_get_async (collection, key, NULL, NULL, READY);
  return arango_collection_get_finish (collection, WAIT, error);
}

static ArangoCursor *
query (Fixture        *fixture,
       ArangoDatabase *database,
       const char     *aql,
       GError        **error)
{
  arango_database_query_async (database, aql, NULL, NULL, NULL, READY);
  return arango_database_query_finish (database, WAIT, error);
}

/* The server's refusal: @code and its text, as the transaction on the
 * collection words it. */
static void
assert_server_error (GError     **error,
                     gint         code,
                     const char  *message)
{
  g_assert_error (*error, ARANGO_SERVER_ERROR, code);
  g_assert_true (g_str_has_prefix ((*error)->message, "[HTTP 403]"));
  g_assert_nonnull (strstr ((*error)->message, message));
  g_clear_error (error);
}

static JsonObject *
explain (Fixture        *fixture,
         ArangoDatabase *database,
         const char     *aql,
         GError        **error)
{
  arango_database_explain_async (database, aql, NULL, NULL, NULL, READY);
  return arango_database_explain_finish (database, WAIT, error);
}

/* Collection levels decide what a user with "rw" on the database may do:
 * "ro" reads but does not write, "none" does neither, the database's "*"
 * entry is the default of the collections without a level of their own. */
static void
test_collection_access (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "dave", "dave-pw", &error);
  g_autoptr(ArangoDatabase) dave = NULL;
  g_autoptr(ArangoCollection) reports = NULL;
  g_autoptr(ArangoCollection) secrets = create_collection (fixture, fixture->root, "secrets",
                                                           &error);
  g_autoptr(ArangoCollection) notes = create_collection (fixture, fixture->root, "notes", &error);
  g_autoptr(ArangoCollection) as_dave = NULL;
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;

  g_assert_no_error (error);
  reports = create_collection (fixture, fixture->root, "reports", &error);
  g_assert_no_error (error);
  document = insert (fixture, reports, "{\"_key\": \"q1\"}", &error);
  g_assert_no_error (error);
  g_clear_pointer (&document, json_object_unref);

  grant (fixture, "dave", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  grant (fixture, "dave", ARANGO_PERMISSION_READ_ONLY, "_system", "reports");
  grant (fixture, "dave", ARANGO_PERMISSION_NONE, "_system", "secrets");
  dave = test_open_database (fixture->client, "dave", "dave-pw");

  /* "ro": reads, does not write, by document or by query. */
  as_dave = arango_database_get_collection (dave, "reports");
  document = read_document (fixture, as_dave, "q1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (document, "_key"), ==, "q1");
  g_clear_pointer (&document, json_object_unref);
  g_assert_null (insert (fixture, as_dave, "{}", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY, "read only: reports [write]");
  arango_collection_truncate_async (as_dave, NULL, READY);
  g_assert_false (arango_collection_truncate_finish (as_dave, WAIT, &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY, "read only: reports [exclusive]");
  cursor = query (fixture, dave, "FOR r IN reports RETURN r", &error);
  g_assert_no_error (error);
  g_clear_object (&cursor);
  g_assert_null (query (fixture, dave, "INSERT {} INTO reports", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY, "read only: reports [write]");
  g_assert_null (explain (fixture, dave, "INSERT {} INTO reports", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY,
                       "read only: reports [write] (while optimizing ast)");

  /* "none": not even reads. */
  g_clear_object (&as_dave);
  as_dave = arango_database_get_collection (dave, "secrets");
  g_assert_null (read_document (fixture, as_dave, "any", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden: secrets [read]");
  g_assert_null (query (fixture, dave, "FOR s IN secrets RETURN s", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden: secrets [read]");
  /* Explaining starts the query's transaction, which checks them too. */
  g_assert_null (explain (fixture, dave, "FOR s IN secrets RETURN s", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN,
                       "forbidden: secrets [read] (while optimizing ast)");

  /* The database's "*" applies where no level of its own is set; the
   * collections dave creates are his to write. */
  g_clear_object (&as_dave);
  as_dave = arango_database_get_collection (dave, "notes");
  document = insert (fixture, as_dave, "{}", &error);
  g_assert_no_error (error);
  g_clear_pointer (&document, json_object_unref);
  grant (fixture, "dave", ARANGO_PERMISSION_READ_ONLY, "_system", "*");
  g_assert_null (insert (fixture, as_dave, "{}", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY, "read only: notes [write]");
  g_clear_object (&as_dave);
  as_dave = create_collection (fixture, dave, "drafts", &error);
  g_assert_no_error (error);
  document = insert (fixture, as_dave, "{}", &error);
  g_assert_no_error (error);
  g_clear_pointer (&document, json_object_unref);

  /* "ro" on the database: no new collections. */
  grant (fixture, "dave", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
  g_assert_null (create_collection (fixture, dave, "more", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN,
                       "cannot create collection in _system: forbidden");

  /* Root is not bound by dave's levels. */
  document = insert (fixture, secrets, "{}", &error);
  g_assert_no_error (error);
}

/* A Coordinator lists a collection's indexes from the cluster plan and
 * checks nothing beyond the database (methods::Indexes::getAll); a single
 * server reads them in a transaction on the collection. Without access to
 * the database no request gets that far. */
static void
test_index_listing_access (Fixture       *fixture,
                           gconstpointer  user_data)
{
  gboolean single_server = user_data != NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "iris", "iris-pw", &error);
  g_autoptr(ArangoCollection) vault = create_collection (fixture, fixture->root, "vault", &error);
  g_autoptr(ArangoDatabase) iris = NULL;
  g_autoptr(ArangoCollection) as_iris = NULL;
  g_autoptr(JsonArray) indexes = NULL;

  g_assert_no_error (error);
  grant (fixture, "iris", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
  grant (fixture, "iris", ARANGO_PERMISSION_NONE, "_system", "vault");
  iris = test_open_database (fixture->client, "iris", "iris-pw");
  as_iris = arango_database_get_collection (iris, "vault");

  indexes = arango_collection_indexes_sync (as_iris, NULL, &error);
  if (single_server)
    {
      g_assert_null (indexes);
      test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden: vault [read]");
    }
  else
    {
      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (indexes), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (indexes, 0),
                                                      "type"),
                       ==, "primary");
      g_clear_pointer (&indexes, json_array_unref);
    }

  grant (fixture, "iris", ARANGO_PERMISSION_NONE, "_system", NULL);
  grant (fixture, "iris", ARANGO_PERMISSION_READ_WRITE, "_system", "vault");
  g_assert_null (arango_collection_indexes_sync (as_iris, NULL, &error));
  test_assert_refused (&error, 401, ARANGO_SERVER_ERROR_FORBIDDEN,
                       "not authorized to execute this request");
}

/* Whatever the grants, everyone reads but does not write the Foxx queues,
 * and writes _frontend; the other system collections follow the database. */
static void
test_system_collection_levels (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "erin", "erin-pw", &error);
  g_autoptr(ArangoDatabase) erin = NULL;
  g_autoptr(ArangoCollection) queues = NULL;
  g_autoptr(ArangoCollection) frontend = NULL;
  g_autoptr(JsonObject) document = NULL;

  g_assert_no_error (error);
  grant (fixture, "erin", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  grant (fixture, "erin", ARANGO_PERMISSION_NONE, "_system", "*");
  g_assert_cmpint (permission (fixture, "erin", "_system", "_queues"), ==,
                   ARANGO_PERMISSION_READ_ONLY);
  g_assert_cmpint (permission (fixture, "erin", "_system", "_graphs"), ==,
                   ARANGO_PERMISSION_READ_WRITE);
  erin = test_open_database (fixture->client, "erin", "erin-pw");
  queues = arango_database_get_collection (erin, "_queues");
  g_assert_null (insert (fixture, queues, "{}", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY, "read only: _queues [write]");

  grant (fixture, "erin", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
  g_assert_cmpint (permission (fixture, "erin", "_system", "_frontend"), ==,
                   ARANGO_PERMISSION_READ_WRITE);
  frontend = arango_database_get_collection (erin, "_frontend");
  document = insert (fixture, frontend, "{}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* Dropping a collection drops the levels users had on it: one created
 * again under the same name starts from the database's defaults. */
static void
test_drop_forgets_grants (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "frank", "frank-pw", &error);
  g_autoptr(ArangoCollection) ledger = create_collection (fixture, fixture->root, "ledger",
                                                          &error);
  g_autoptr(ArangoCollection) again = NULL;

  g_assert_no_error (error);
  grant (fixture, "frank", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  grant (fixture, "frank", ARANGO_PERMISSION_NONE, "_system", "ledger");
  g_assert_cmpint (permission (fixture, "frank", "_system", "ledger"), ==, ARANGO_PERMISSION_NONE);

  arango_database_delete_collection_async (fixture->root, "ledger", NULL, READY);
  g_assert_true (arango_database_delete_collection_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);
  again = create_collection (fixture, fixture->root, "ledger", &error);
  g_assert_no_error (error);
  g_assert_cmpint (permission (fixture, "frank", "_system", "ledger"), ==,
                   ARANGO_PERMISSION_READ_WRITE);
}

static ArangoGraph *
create_graph (ArangoDatabase *database,
              const char     *name,
              const char     *edges,
              const char     *vertices,
              GError        **error)
{
  g_autofree char *text = g_strdup_printf ("[{\"collection\": \"%s\", \"from\": [\"%s\"], "
                                           "\"to\": [\"%s\"]}]", edges, vertices, vertices);
  g_autoptr(JsonNode) definitions = json_from_string (text, NULL);

  return arango_database_create_graph_sync (database, name, json_node_get_array (definitions),
                                            NULL, NULL, NULL, error);
}

static JsonObject *
insert_edge (ArangoGraph *graph,
             const char  *collection,
             const char  *edge,
             GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (edge, NULL);

  return arango_graph_insert_edge_sync (graph, collection, node, ARANGO_DOCUMENT_FLAGS_NONE, NULL,
                                        error);
}

/* Vertices and edges through a graph are documents of its collections,
 * read and written in transactions that check them. */
static void
test_graph_elements_access (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "gina", "gina-pw", &error);
  g_autoptr(ArangoGraph) social = create_graph (fixture->root, "social", "knows", "people", &error);
  g_autoptr(JsonNode) alice = json_from_string ("{\"_key\": \"alice\"}", NULL);
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(ArangoDatabase) gina = NULL;
  g_autoptr(ArangoGraph) as_gina = NULL;
  const char *loop = "{\"_from\": \"people/alice\", \"_to\": \"people/alice\"}";

  g_assert_no_error (error);
  document = arango_graph_insert_vertex_sync (social, "people", alice, ARANGO_DOCUMENT_FLAGS_NONE,
                                              NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&document, json_object_unref);
  grant (fixture, "gina", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  grant (fixture, "gina", ARANGO_PERMISSION_READ_ONLY, "_system", "people");
  grant (fixture, "gina", ARANGO_PERMISSION_NONE, "_system", "knows");
  gina = test_open_database (fixture->client, "gina", "gina-pw");
  as_gina = arango_database_get_graph (gina, "social");

  document = arango_graph_vertex_sync (as_gina, "people", "alice", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&document, json_object_unref);
  g_assert_null (arango_graph_insert_vertex_sync (as_gina, "people", alice,
                                                  ARANGO_DOCUMENT_FLAGS_NONE, NULL, &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY, "read only: people [write]");
  g_assert_null (insert_edge (as_gina, "knows", loop, &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden: knows [write]");

  /* An edge's transaction also reads the vertex collections... */
  grant (fixture, "gina", ARANGO_PERMISSION_READ_WRITE, "_system", "knows");
  grant (fixture, "gina", ARANGO_PERMISSION_NONE, "_system", "people");
  g_assert_null (insert_edge (as_gina, "knows", loop, &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden: people [read]");

  /* ... and removing a vertex writes the edge collections. */
  grant (fixture, "gina", ARANGO_PERMISSION_READ_WRITE, "_system", "people");
  grant (fixture, "gina", ARANGO_PERMISSION_READ_ONLY, "_system", "knows");
  g_assert_null (arango_graph_delete_vertex_sync (as_gina, "people", "alice", NULL,
                                                  ARANGO_DOCUMENT_FLAGS_NONE, NULL, &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_READ_ONLY, "read only: knows [write]");
  document = arango_graph_vertex_sync (social, "people", "alice", NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Creating a graph needs "rw" on the database (its _graphs) and read
 * access to its collections; the creator gets "rw" on those it creates.
 * Dropping one needs "rw" on the database and on what it drops. The
 * graph handler words its read-only refusals its own way. */
static void
test_graph_definitions_access (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "hank", "hank-pw", &error);
  g_autoptr(ArangoGraph) social = create_graph (fixture->root, "social", "knows", "people", &error);
  g_autoptr(ArangoDatabase) hank = NULL;
  g_autoptr(ArangoGraph) trips = NULL;

  g_assert_no_error (error);
  grant (fixture, "hank", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
  hank = test_open_database (fixture->client, "hank", "hank-pw");
  g_assert_null (create_graph (hank, "mine", "knows", "people", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_READ_ONLY, "collection is read-only");
  g_assert_null (create_graph (hank, "mine", "roads", "towns", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");

  grant (fixture, "hank", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  grant (fixture, "hank", ARANGO_PERMISSION_NONE, "_system", "people");
  g_assert_null (create_graph (hank, "mine", "knows", "people", &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");

  grant (fixture, "hank", ARANGO_PERMISSION_READ_ONLY, "_system", "*");
  trips = create_graph (hank, "trips", "roads", "towns", &error);
  g_assert_no_error (error);
  g_assert_cmpint (permission (fixture, "hank", "_system", "roads"), ==, ARANGO_PERMISSION_READ_WRITE);
  g_assert_cmpint (permission (fixture, "hank", "_system", "towns"), ==, ARANGO_PERMISSION_READ_WRITE);

  g_assert_false (arango_database_delete_graph_sync (hank, "social", TRUE, FALSE, NULL, &error));
  assert_server_error (&error, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");
  grant (fixture, "hank", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
  g_assert_false (arango_database_delete_graph_sync (hank, "trips", FALSE, FALSE, NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_READ_ONLY, "collection is read-only");
  grant (fixture, "hank", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  g_assert_true (arango_database_delete_graph_sync (hank, "trips", TRUE, FALSE, NULL, &error));
  g_assert_no_error (error);
}

static ArangoCollection *
create_edge_collection (Fixture     *fixture,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(JsonObject) options = test_json_object ("{\"type\": 3}");

  return arango_database_create_collection_sync (fixture->root, name, options, NULL, error);
}

static ArangoCollection *
add_edge_definition (ArangoGraph  *graph,
                     const char   *edges,
                     const char   *vertices,
                     GError      **error)
{
  const char * const ends[] = { vertices, NULL };

  return arango_graph_create_edge_definition_sync (graph, edges, ends, ends, NULL, error);
}

static ArangoCollection *
replace_edge_definition (ArangoGraph  *graph,
                         const char   *edges,
                         const char   *vertices,
                         GError      **error)
{
  const char * const ends[] = { vertices, NULL };

  return arango_graph_replace_edge_definition_sync (graph, edges, ends, ends, NULL, error);
}

/* With "ro" on the database a graph's definitions do not change: what
 * needs new collections is refused as their creation, what would only be
 * written to _graphs by that transaction, and an orphan leaves only with
 * "rw" on it. With "none" no request gets that far. */
static void
test_graph_changes_read_only (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "jo", "jo-pw", &error);
  g_autoptr(ArangoGraph) social = create_graph (fixture->root, "social", "knows", "people", &error);
  g_autoptr(ArangoCollection) likes = create_edge_collection (fixture, "likes", &error);
  g_autoptr(ArangoCollection) toys = create_collection (fixture, fixture->root, "toys", &error);
  g_autoptr(ArangoCollection) pets = NULL;
  g_autoptr(ArangoDatabase) jo = NULL;
  g_autoptr(ArangoGraph) as_jo = NULL;
  const char *creation = "cannot create collection in _system: forbidden";
  const char *read_only = "read only: _graphs [write]";

  g_assert_no_error (error);
  pets = arango_graph_create_vertex_collection_sync (social, "pets", NULL, &error);
  g_assert_no_error (error);
  grant (fixture, "jo", ARANGO_PERMISSION_READ_ONLY, "_system", NULL);
  jo = test_open_database (fixture->client, "jo", "jo-pw");
  as_jo = arango_database_get_graph (jo, "social");

  g_assert_null (add_edge_definition (as_jo, "follows", "people", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, creation);
  g_assert_null (add_edge_definition (as_jo, "likes", "people", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_READ_ONLY, read_only);
  g_assert_null (replace_edge_definition (as_jo, "knows", "users", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");
  g_assert_null (replace_edge_definition (as_jo, "knows", "pets", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_READ_ONLY, read_only);
  g_assert_false (arango_graph_delete_edge_definition_sync (as_jo, "knows", FALSE, NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_READ_ONLY, read_only);
  g_assert_null (arango_graph_create_vertex_collection_sync (as_jo, "towns", NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, creation);
  g_assert_null (arango_graph_create_vertex_collection_sync (as_jo, "toys", NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_READ_ONLY, read_only);
  g_assert_false (arango_graph_delete_vertex_collection_sync (as_jo, "pets", FALSE, NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");
  grant (fixture, "jo", ARANGO_PERMISSION_READ_WRITE, "_system", "pets");
  g_assert_false (arango_graph_delete_vertex_collection_sync (as_jo, "pets", FALSE, NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_READ_ONLY, read_only);

  grant (fixture, "jo", ARANGO_PERMISSION_NONE, "_system", NULL);
  g_assert_false (arango_graph_delete_edge_definition_sync (as_jo, "knows", FALSE, NULL, &error));
  test_assert_refused (&error, 401, ARANGO_SERVER_ERROR_FORBIDDEN,
                       "not authorized to execute this request");

  /* Nothing changed. */
  g_assert_true (arango_graph_has_edge_definition_sync (social, "knows", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_graph_has_edge_definition_sync (social, "likes", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_graph_has_vertex_collection_sync (social, "toys", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (arango_graph_has_vertex_collection_sync (social, "pets", NULL, &error));
  g_assert_no_error (error);
}

/* With "rw" on the database, a collection the user may not read stops a
 * change that names it or needs it looked up; removing a definition or an
 * orphan takes "rw" on its collection (a definition's only when the
 * collection goes too). */
static void
test_graph_changes_without_access (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) user = create_user (fixture, "kim", "kim-pw", &error);
  g_autoptr(ArangoGraph) social = create_graph (fixture->root, "social", "knows", "people", &error);
  g_autoptr(ArangoCollection) likes = create_edge_collection (fixture, "likes", &error);
  g_autoptr(ArangoCollection) vault = create_collection (fixture, fixture->root, "vault", &error);
  g_autoptr(ArangoCollection) pets = NULL;
  g_autoptr(ArangoCollection) added = NULL;
  g_autoptr(ArangoDatabase) kim = NULL;
  g_autoptr(ArangoGraph) as_kim = NULL;

  g_assert_no_error (error);
  pets = arango_graph_create_vertex_collection_sync (social, "pets", NULL, &error);
  g_assert_no_error (error);
  grant (fixture, "kim", ARANGO_PERMISSION_READ_WRITE, "_system", NULL);
  grant (fixture, "kim", ARANGO_PERMISSION_NONE, "_system", "vault");
  grant (fixture, "kim", ARANGO_PERMISSION_NONE, "_system", "likes");
  grant (fixture, "kim", ARANGO_PERMISSION_NONE, "_system", "pets");
  kim = test_open_database (fixture->client, "kim", "kim-pw");
  as_kim = arango_database_get_graph (kim, "social");

  g_assert_null (add_edge_definition (as_kim, "likes", "people", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "No access to collection 'likes'");
  g_assert_null (add_edge_definition (as_kim, "follows", "vault", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "No access to collection 'pets'");
  g_assert_null (replace_edge_definition (as_kim, "knows", "vault", &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");
  g_assert_null (arango_graph_create_vertex_collection_sync (as_kim, "vault", NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "No access to collection 'pets'");
  g_assert_false (arango_graph_delete_vertex_collection_sync (as_kim, "pets", FALSE, NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");

  grant (fixture, "kim", ARANGO_PERMISSION_READ_ONLY, "_system", "knows");
  g_assert_false (arango_graph_delete_edge_definition_sync (as_kim, "knows", TRUE, NULL, &error));
  test_assert_refused (&error, 403, ARANGO_SERVER_ERROR_FORBIDDEN, "forbidden");
  g_assert_true (arango_graph_delete_edge_definition_sync (as_kim, "knows", FALSE, NULL, &error));
  g_assert_no_error (error);

  /* Readable collections are enough to add a definition; those it
   * creates are the creator's. */
  grant (fixture, "kim", ARANGO_PERMISSION_READ_ONLY, "_system", "pets");
  added = add_edge_definition (as_kim, "follows", "people", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpint (permission (fixture, "kim", "_system", "follows"), ==,
                   ARANGO_PERMISSION_READ_WRITE);
}

/* Changing root's other settings keeps its password. */
static void
test_root_keeps_password (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = test_json_object ("{\"extra\": {\"note\": \"admin\"}}");
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonArray) collections = NULL;

  arango_database_update_user_async (fixture->root, "root", changes, NULL, READY);
  updated = arango_database_update_user_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  collections = list_collections (fixture, fixture->root, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collections);
}

static void
test_access_tokens (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) token = NULL;
  g_autoptr(JsonArray) tokens = NULL;
  g_autoptr(JsonArray) remaining = NULL;
  gint64 valid_until = g_get_real_time () / G_USEC_PER_SEC + 3600;
  JsonObject *listed;
  gint64 id;

  arango_database_create_access_token_async (fixture->root, "root", "service A", valid_until,
                                             NULL, READY);
  token = arango_database_create_access_token_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (token, "name"), ==, "service A");
  g_assert_cmpint (json_object_get_int_member (token, "valid_until"), ==, valid_until);
  g_assert_true (json_object_get_boolean_member (token, "active"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (token, "token"), "v1."));
  id = json_object_get_int_member (token, "id");

  arango_database_list_access_tokens_async (fixture->root, "root", NULL, READY);
  tokens = arango_database_list_access_tokens_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (tokens), ==, 1);
  listed = json_array_get_object_element (tokens, 0);
  g_assert_cmpint (json_object_get_int_member (listed, "id"), ==, id);
  /* The secret is shown once, at creation. */
  g_assert_false (json_object_has_member (listed, "token"));

  arango_database_delete_access_token_async (fixture->root, "root", id, NULL, READY);
  g_assert_true (arango_database_delete_access_token_finish (fixture->root, WAIT, &error));
  g_assert_no_error (error);

  arango_database_list_access_tokens_async (fixture->root, "root", NULL, READY);
  remaining = arango_database_list_access_tokens_finish (fixture->root, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (remaining), ==, 0);

  arango_database_delete_access_token_async (fixture->root, "root", id, NULL, READY);
  g_assert_false (arango_database_delete_access_token_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_HTTP_NOT_FOUND);
  g_clear_error (&error);

  arango_database_list_access_tokens_async (fixture->root, "nobody", NULL, READY);
  g_assert_null (arango_database_list_access_tokens_finish (fixture->root, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USER_NOT_FOUND);
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonArray) users = NULL;

  created = arango_database_create_user_sync (fixture->root, "dave", "pw", FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (created, "active"));

  g_assert_true (arango_database_update_permission_sync (fixture->root, "dave",
                                                         ARANGO_PERMISSION_READ_ONLY,
                                                         "_system", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (arango_database_permission_sync (fixture->root, "dave", "_system", NULL, NULL, &error),
                   ==, ARANGO_PERMISSION_READ_ONLY);
  g_assert_no_error (error);

  users = arango_database_users_sync (fixture->root, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (users), ==, 2);

  g_assert_true (arango_database_delete_user_sync (fixture->root, "dave", FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_database_has_user_sync (fixture->root, "dave", NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/users/crud", test_crud);
  ADD ("/users/bad-arguments", test_bad_arguments);
  ADD ("/users/permissions", test_permissions);
  ADD ("/users/login", test_login);
  ADD ("/users/collection-access", test_collection_access);
  ADD ("/users/system-collection-levels", test_system_collection_levels);
  ADD ("/users/drop-forgets-grants", test_drop_forgets_grants);
  ADD ("/users/graph-elements-access", test_graph_elements_access);
  ADD ("/users/graph-definitions-access", test_graph_definitions_access);
  ADD ("/users/graph-changes-read-only", test_graph_changes_read_only);
  ADD ("/users/graph-changes-without-access", test_graph_changes_without_access);
  ADD ("/users/index-listing-access", test_index_listing_access);
  g_test_add ("/users/index-listing-access/single-server", Fixture, "--single",
              fixture_set_up, test_index_listing_access, fixture_tear_down);
  ADD ("/users/root-keeps-password", test_root_keeps_password);
  ADD ("/users/access-tokens", test_access_tokens);
  ADD ("/users/sync", test_sync);

#undef ADD

  return g_test_run ();
}
