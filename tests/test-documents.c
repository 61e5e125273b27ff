/* test-documents.c: databases, collections, documents and indexes
 * against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *users;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static JsonNode *
json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (3, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "users", NULL, NULL, READY);
  fixture->users = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arango_collection_get_name (fixture->users), ==, "users");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->users);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static JsonObject *
insert (Fixture             *fixture,
        const char          *text,
        ArangoDocumentFlags  flags,
        GError             **error)
{
  g_autoptr(JsonNode) document = json (text);

  arango_collection_insert_async (fixture->users, document, flags, NULL, READY);
  return arango_collection_insert_finish (fixture->users, WAIT, error);
}

static JsonObject *
get (Fixture     *fixture,
     const char  *key,
     const char  *rev,
     GError     **error)
{
  arango_collection_get_async (fixture->users, key, rev, NULL, READY);
  return arango_collection_get_finish (fixture->users, WAIT, error);
}

static gint64
count (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  arango_collection_count_async (fixture->users, NULL, READY);
  n = arango_collection_count_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_databases (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(JsonObject) properties = NULL;

  arango_database_create_database_async (fixture->database, "shop", NULL, NULL, READY);
  g_assert_true (arango_database_create_database_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);

  arango_database_create_database_async (fixture->database, "shop", NULL, NULL, READY);
  g_assert_false (arango_database_create_database_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);

  arango_database_list_databases_async (fixture->database, NULL, READY);
  names = arango_database_list_databases_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) names, "_system"));
  g_assert_true (g_strv_contains ((const char * const *) names, "shop"));

  arango_database_has_database_async (fixture->database, "shop", NULL, READY);
  g_assert_true (arango_database_has_database_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  arango_database_has_database_async (fixture->database, "nope", NULL, READY);
  g_assert_false (arango_database_has_database_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);

  arango_database_properties_async (fixture->database, NULL, READY);
  properties = arango_database_properties_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (properties, "name"), ==, "_system");
  g_assert_true (json_object_get_boolean_member (properties, "isSystem"));

  arango_database_delete_database_async (fixture->database, "shop", NULL, READY);
  g_assert_true (arango_database_delete_database_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);
  arango_database_delete_database_async (fixture->database, "shop", NULL, READY);
  g_assert_false (arango_database_delete_database_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND);
  g_clear_error (&error);

  arango_database_create_database_async (fixture->database, "", NULL, NULL, READY);
  g_assert_false (arango_database_create_database_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
}

static gboolean
delete_database (Fixture                    *fixture,
                 ArangoDatabase             *database,
                 const char                 *name,
                 ArangoDeleteDatabaseFlags   flags,
                 GError                    **error)
{
  arango_database_delete_database_with_flags_async (database, name, flags, NULL, READY);
  return arango_database_delete_database_with_flags_finish (database, WAIT, error);
}

static guint
requests_sent (Fixture *fixture)
{
  guint total = 0;

  for (guint i = 0; i < emulator_process_get_n_hosts (fixture->emulator); i++)
    total += emulator_process_get_request_count (fixture->emulator, i);
  return total;
}

static void
test_delete_database_with_flags (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoDatabase) shop = NULL;
  const char *const bad_names[] = { "", "a/b", NULL };
  guint sent;

  g_assert_true (arango_database_create_database_sync (fixture->database, "shop", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (delete_database (fixture, fixture->database, "shop",
                                  ARANGO_DELETE_DATABASE_FLAGS_NONE, &error));
  g_assert_no_error (error);

  /* Gone: an error, unless missing databases are fine. */
  g_assert_false (delete_database (fixture, fixture->database, "shop",
                                   ARANGO_DELETE_DATABASE_FLAGS_NONE, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (delete_database (fixture, fixture->database, "shop",
                                   ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING, &error));
  g_assert_no_error (error);
  g_assert_false (arango_database_delete_database_with_flags_sync (fixture->database, "shop",
                                                                   ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING,
                                                                   NULL, &error));
  g_assert_no_error (error);

  /* Only "not found" is let pass: dropping from another database than
   * _system stays an error. */
  g_assert_true (arango_database_create_database_sync (fixture->database, "shop", NULL, NULL, &error));
  g_assert_no_error (error);
  shop = arango_client_db_sync (fixture->client, "shop", "root", "", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (delete_database (fixture, shop, "nowhere",
                                   ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE);
  g_clear_error (&error);

  /* Refused before sending: bad names, unknown flags. */
  sent = requests_sent (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_false (delete_database (fixture, fixture->database, bad_names[i],
                                       ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING, &error));
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  g_assert_false (delete_database (fixture, fixture->database, "shop", 1 << 5, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (requests_sent (fixture), ==, sent);
}

static void
test_collections (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(JsonObject) options = json_object_new ();
  g_autoptr(ArangoCollection) edges = NULL;
  g_autoptr(ArangoCollection) duplicate = NULL;
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonObject) changed = NULL;
  g_autoptr(JsonObject) change = json_object_new ();
  gboolean found = FALSE;

  json_object_set_int_member (options, "type", ARANGO_COLLECTION_TYPE_EDGE);
  arango_database_create_collection_async (fixture->database, "follows", options, NULL, READY);
  edges = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);

  arango_database_create_collection_async (fixture->database, "users", NULL, NULL, READY);
  duplicate = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_null (duplicate);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DUPLICATE_NAME);
  g_clear_error (&error);

  arango_database_list_collections_async (fixture->database, NULL, READY);
  list = arango_database_list_collections_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);

      if (g_str_equal (json_object_get_string_member (entry, "name"), "follows"))
        {
          found = TRUE;
          g_assert_cmpint (json_object_get_int_member (entry, "type"), ==, 3);
        }
    }
  g_assert_true (found);

  arango_database_has_collection_async (fixture->database, "follows", NULL, READY);
  g_assert_true (arango_database_has_collection_finish (fixture->database, WAIT, &error));
  arango_database_has_collection_async (fixture->database, "nope", NULL, READY);
  g_assert_false (arango_database_has_collection_finish (fixture->database, WAIT, &error));
  g_assert_no_error (error);

  arango_collection_properties_async (edges, NULL, READY);
  properties = arango_collection_properties_finish (edges, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (properties, "type"), ==, 3);
  g_assert_false (json_object_get_boolean_member (properties, "waitForSync"));

  json_object_set_boolean_member (change, "waitForSync", TRUE);
  arango_collection_configure_async (edges, change, NULL, READY);
  changed = arango_collection_configure_finish (edges, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (changed, "waitForSync"));

  arango_collection_rename_async (edges, "knows", NULL, READY);
  g_assert_true (arango_collection_rename_finish (edges, WAIT, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (arango_collection_get_name (edges), ==, "knows");

  arango_database_delete_collection_async (fixture->database, "knows", NULL, READY);
  g_assert_true (arango_database_delete_collection_finish (fixture->database, WAIT, &error));
  arango_database_delete_collection_async (fixture->database, "knows", NULL, READY);
  g_assert_false (arango_database_delete_collection_finish (fixture->database, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
}

static void
test_document_crud (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = insert (fixture, "{\"_key\":\"ada\",\"born\":1815}",
                                       ARANGO_DOCUMENT_FLAGS_RETURN_NEW, &error);
  g_autoptr(JsonObject) document = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) replaced = NULL;
  g_autoptr(JsonObject) deleted = NULL;
  g_autoptr(JsonObject) generated = NULL;
  g_autoptr(JsonNode) change = json ("{\"_key\":\"ada\",\"field\":\"maths\"}");
  g_autoptr(JsonNode) replacement = json ("{\"_id\":\"users/ada\",\"name\":\"Ada\"}");
  const char *rev;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meta, "_id"), ==, "users/ada");
  g_assert_cmpstr (json_object_get_string_member (meta, "_key"), ==, "ada");
  rev = json_object_get_string_member (meta, "_rev");
  g_assert_nonnull (rev);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (meta, "new"), "born"), ==, 1815);

  generated = insert (fixture, "{\"name\":\"no key\"}", ARANGO_DOCUMENT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_object_get_string_member (generated, "_key"));
  g_assert_cmpint (count (fixture), ==, 2);

  document = get (fixture, "users/ada", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (document, "born"), ==, 1815);
  g_assert_cmpstr (json_object_get_string_member (document, "_rev"), ==, rev);

  arango_collection_has_async (fixture->users, "ada", NULL, READY);
  g_assert_true (arango_collection_has_finish (fixture->users, WAIT, &error));
  arango_collection_has_async (fixture->users, "bob", NULL, READY);
  g_assert_false (arango_collection_has_finish (fixture->users, WAIT, &error));
  g_assert_no_error (error);

  arango_collection_update_async (fixture->users, change, ARANGO_DOCUMENT_FLAGS_RETURN_NEW | ARANGO_DOCUMENT_FLAGS_RETURN_OLD,
                                  NULL, READY);
  updated = arango_collection_update_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (updated, "_oldRev"), ==, rev);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (updated, "new"), "field"), ==, "maths");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (updated, "new"), "born"), ==, 1815);
  g_assert_false (json_object_has_member (json_object_get_object_member (updated, "old"), "field"));

  arango_collection_replace_async (fixture->users, replacement, ARANGO_DOCUMENT_FLAGS_RETURN_NEW, NULL, READY);
  replaced = arango_collection_replace_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (json_object_get_object_member (replaced, "new"), "born"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (replaced, "new"), "name"), ==, "Ada");

  arango_collection_delete_async (fixture->users, "ada", NULL, ARANGO_DOCUMENT_FLAGS_RETURN_OLD, NULL, READY);
  deleted = arango_collection_delete_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (deleted, "old"), "name"), ==, "Ada");
  g_assert_cmpint (count (fixture), ==, 1);

  arango_collection_truncate_async (fixture->users, NULL, READY);
  g_assert_true (arango_collection_truncate_finish (fixture->users, WAIT, &error));
  g_assert_cmpint (count (fixture), ==, 0);
}

static void
test_document_errors (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) first = insert (fixture, "{\"_key\":\"k1\",\"v\":1}", 0, &error);
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) missing = NULL;
  g_autoptr(JsonObject) stale = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonNode) stale_change = json ("{\"_key\":\"k1\",\"_rev\":\"_not-it---\",\"v\":2}");
  g_autoptr(ArangoCollection) ghost = arango_database_get_collection (fixture->database, "ghost");
  g_autoptr(JsonNode) not_object = json ("[1,2]");
  guint requests = 0;

  g_assert_no_error (error);

  /* Unique constraint: the message names the conflicting key */
  again = insert (fixture, "{\"_key\":\"k1\"}", 0, &error);
  g_assert_null (again);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED);
  g_assert_nonnull (strstr (error->message, "k1"));
  g_clear_error (&error);

  missing = get (fixture, "nobody", NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "[HTTP 404][ERR 1202] document not found");
  g_clear_error (&error);

  /* Revision conflict: the message names the stored revision */
  arango_collection_update_async (fixture->users, stale_change, ARANGO_DOCUMENT_FLAGS_CHECK_REV, NULL, READY);
  stale = arango_collection_update_finish (fixture->users, WAIT, &error);
  g_assert_null (stale);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, json_object_get_string_member (first, "_rev")));
  g_clear_error (&error);

  stale = get (fixture, "k1", "_not-it---", &error);
  g_assert_null (stale);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CONFLICT);
  g_clear_error (&error);

  arango_collection_count_async (ghost, NULL, READY);
  g_assert_cmpint (arango_collection_count_finish (ghost, WAIT, &error), ==, -1);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_clear_error (&error);

  /* Refused before anything is sent */
  for (guint i = 0; i < 3; i++)
    requests += emulator_process_get_request_count (fixture->emulator, i);

  result = get (fixture, "a/b/c", NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  result = get (fixture, "other/k1", NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  result = get (fixture, "", NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  result = get (fixture, "white space", NULL, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  arango_collection_insert_async (fixture->users, not_object, 0, NULL, READY);
  result = arango_collection_insert_finish (fixture->users, WAIT, &error);
  g_assert_null (result);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  result = insert (fixture, "{}", ARANGO_DOCUMENT_FLAGS_OVERWRITE_IGNORE | ARANGO_DOCUMENT_FLAGS_OVERWRITE_REPLACE, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    requests -= emulator_process_get_request_count (fixture->emulator, i);
  g_assert_cmpuint (requests, ==, 0);
}

static void
test_overwrite_modes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) first = insert (fixture, "{\"_key\":\"o\",\"a\":1,\"b\":1}", 0, &error);
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) replaced = NULL;
  g_autoptr(JsonObject) ignored = NULL;
  g_autoptr(JsonObject) document = NULL;

  g_assert_no_error (error);
  updated = insert (fixture, "{\"_key\":\"o\",\"a\":2}", ARANGO_DOCUMENT_FLAGS_OVERWRITE_UPDATE, &error);
  g_assert_no_error (error);
  document = get (fixture, "o", NULL, &error);
  g_assert_cmpint (json_object_get_int_member (document, "a"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (document, "b"), ==, 1);
  g_clear_pointer (&document, json_object_unref);

  replaced = insert (fixture, "{\"_key\":\"o\",\"a\":3}", ARANGO_DOCUMENT_FLAGS_OVERWRITE_REPLACE, &error);
  g_assert_no_error (error);
  document = get (fixture, "o", NULL, &error);
  g_assert_cmpint (json_object_get_int_member (document, "a"), ==, 3);
  g_assert_false (json_object_has_member (document, "b"));
  g_clear_pointer (&document, json_object_unref);

  ignored = insert (fixture, "{\"_key\":\"o\",\"a\":4}", ARANGO_DOCUMENT_FLAGS_OVERWRITE_IGNORE, &error);
  g_assert_no_error (error);
  document = get (fixture, "o", NULL, &error);
  g_assert_cmpint (json_object_get_int_member (document, "a"), ==, 3);
}

static void
test_many (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) documents = json ("[{\"_key\":\"a\",\"n\":1},{\"_key\":\"b\",\"n\":2},{\"_key\":\"a\"},{\"_key\":\"c\",\"n\":3}]");
  g_autoptr(JsonNode) keys = json ("[\"a\",\"zzz\",{\"_key\":\"c\"}]");
  g_autoptr(JsonNode) changes = json ("[{\"_key\":\"a\",\"n\":10},{\"_key\":\"missing\",\"n\":0}]");
  g_autoptr(JsonNode) replacements = json ("[{\"_key\":\"b\",\"m\":20}]");
  g_autoptr(JsonNode) removals = json ("[\"a\",{\"_key\":\"b\"},\"nope\"]");
  g_autoptr(JsonArray) inserted = NULL;
  g_autoptr(JsonArray) read = NULL;
  g_autoptr(JsonArray) updated = NULL;
  g_autoptr(JsonArray) replaced = NULL;
  g_autoptr(JsonArray) deleted = NULL;

  arango_collection_insert_many_async (fixture->users, json_node_get_array (documents), 0, NULL, READY);
  inserted = arango_collection_insert_many_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (inserted), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (inserted, 0), "_key"), ==, "a");
  /* The duplicate fails alone, in its place */
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (inserted, 2), "error"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (inserted, 2), "errorNum"), ==,
                   ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED);
  g_assert_cmpint (count (fixture), ==, 3);

  /* Silent: nothing to report per document when all succeeded */
  {
    g_autoptr(JsonNode) quiet = json ("[{\"_key\":\"q1\"},{\"_key\":\"q2\"}]");
    g_autoptr(JsonArray) none = NULL;

    arango_collection_insert_many_async (fixture->users, json_node_get_array (quiet),
                                         ARANGO_DOCUMENT_FLAGS_SILENT, NULL, READY);
    none = arango_collection_insert_many_finish (fixture->users, WAIT, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (none), ==, 0);
    g_assert_cmpint (count (fixture), ==, 5);
    arango_collection_delete_many_async (fixture->users, json_node_get_array (quiet),
                                         ARANGO_DOCUMENT_FLAGS_SILENT, NULL, READY);
    g_clear_pointer (&none, json_array_unref);
    none = arango_collection_delete_many_finish (fixture->users, WAIT, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count (fixture), ==, 3);
  }

  arango_collection_get_many_async (fixture->users, json_node_get_array (keys), NULL, READY);
  read = arango_collection_get_many_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (read), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (read, 0), "n"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (read, 1), "errorNum"), ==,
                   ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (read, 2), "n"), ==, 3);

  arango_collection_update_many_async (fixture->users, json_node_get_array (changes), 0, NULL, READY);
  updated = arango_collection_update_many_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (updated, 1), "errorNum"), ==,
                   ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);

  arango_collection_replace_many_async (fixture->users, json_node_get_array (replacements), 0, NULL, READY);
  replaced = arango_collection_replace_many_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (replaced), ==, 1);

  arango_collection_delete_many_async (fixture->users, json_node_get_array (removals), 0, NULL, READY);
  deleted = arango_collection_delete_many_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (deleted), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (deleted, 2), "errorNum"), ==,
                   ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND);
  g_assert_cmpint (count (fixture), ==, 1);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) documents = json ("[{\"_key\":\"i1\"},{\"_key\":\"i2\"},{\"_key\":\"i1\"}]");
  g_autoptr(JsonObject) summary = NULL;

  arango_collection_import_bulk_async (fixture->users, json_node_get_array (documents), NULL, NULL, READY);
  summary = arango_collection_import_bulk_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (summary, "created"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "errors"), ==, 1);
  g_assert_cmpint (count (fixture), ==, 2);
}

static void
test_indexes (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) definition = json ("{\"type\":\"persistent\",\"fields\":[\"email\"],\"unique\":true}");
  g_autoptr(JsonObject) index = NULL;
  g_autoptr(JsonArray) indexes = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) clash = NULL;
  g_autofree char *id = NULL;

  arango_collection_add_index_async (fixture->users, json_node_get_object (definition), NULL, READY);
  index = arango_collection_add_index_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (index, "isNewlyCreated"));
  g_assert_true (json_object_get_boolean_member (index, "unique"));
  id = g_strdup (json_object_get_string_member (index, "id"));
  g_assert_true (g_str_has_prefix (id, "users/"));

  arango_collection_indexes_async (fixture->users, NULL, READY);
  indexes = arango_collection_indexes_finish (fixture->users, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (indexes), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (indexes, 0), "type"), ==, "primary");

  /* The unique index holds */
  first = insert (fixture, "{\"email\":\"a@example.org\"}", 0, &error);
  g_assert_no_error (error);
  clash = insert (fixture, "{\"email\":\"a@example.org\"}", 0, &error);
  g_assert_null (clash);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED);
  g_clear_error (&error);

  arango_collection_delete_index_async (fixture->users, id, NULL, READY);
  g_assert_true (arango_collection_delete_index_finish (fixture->users, WAIT, &error));
  g_assert_no_error (error);
  arango_collection_delete_index_async (fixture->users, id, NULL, READY);
  g_assert_false (arango_collection_delete_index_finish (fixture->users, WAIT, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_INDEX_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/data/databases", test_databases);
  ADD ("/data/databases/delete-with-flags", test_delete_database_with_flags);
  ADD ("/data/collections", test_collections);
  ADD ("/data/document-crud", test_document_crud);
  ADD ("/data/document-errors", test_document_errors);
  ADD ("/data/overwrite-modes", test_overwrite_modes);
  ADD ("/data/many", test_many);
  ADD ("/data/import", test_import);
  ADD ("/data/indexes", test_indexes);

#undef ADD

  return g_test_run ();
}
