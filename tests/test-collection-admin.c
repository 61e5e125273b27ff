/* test-collection-admin.c: a collection's figures, revision, checksum,
 * compaction, recount and indexes, and deleting collections with flags,
 * against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *planets;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "planets", NULL, NULL, READY);
  fixture->planets = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->planets);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static void
insert (Fixture    *fixture,
        const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = json_from_string (json, &error);
  g_autoptr(JsonObject) meta = NULL;

  g_assert_no_error (error);
  meta = arango_collection_insert_sync (fixture->planets, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                        NULL, &error);
  g_assert_no_error (error);
}

static void
replace (Fixture    *fixture,
         const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = json_from_string (json, &error);
  g_autoptr(JsonObject) meta = NULL;

  g_assert_no_error (error);
  meta = arango_collection_replace_sync (fixture->planets, document, ARANGO_DOCUMENT_FLAGS_NONE,
                                         NULL, &error);
  g_assert_no_error (error);
}

static void
remove_document (Fixture    *fixture,
                 const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = NULL;

  meta = arango_collection_delete_sync (fixture->planets, key, NULL, ARANGO_DOCUMENT_FLAGS_NONE,
                                        NULL, &error);
  g_assert_no_error (error);
}

static JsonObject *
add_index (Fixture    *fixture,
           const char *definition)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) given = test_json_object (definition);
  JsonObject *index;

  index = arango_collection_add_index_sync (fixture->planets, given, NULL, &error);
  g_assert_no_error (error);
  return index;
}

static guint
requests_sent (Fixture *fixture)
{
  return emulator_process_get_request_count (fixture->emulator, 0);
}

static char *
checksum (Fixture             *fixture,
          ArangoChecksumFlags  flags)
{
  g_autoptr(GError) error = NULL;
  char *sum;

  arango_collection_checksum_async (fixture->planets, flags, NULL, READY);
  sum = arango_collection_checksum_finish (fixture->planets, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sum);
  return sum;
}

static char *
revision (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *rev;

  arango_collection_revision_async (fixture->planets, NULL, READY);
  rev = arango_collection_revision_finish (fixture->planets, WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rev);
  return rev;
}

static void
test_statistics (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) plain = NULL;
  g_autoptr(JsonObject) detailed = NULL;
  g_autoptr(JsonObject) index = NULL;
  g_autofree char *query = NULL;
  JsonObject *engine;

  insert (fixture, "{\"_key\": \"mercury\", \"moons\": 0}");
  insert (fixture, "{\"_key\": \"earth\", \"moons\": 1}");
  index = add_index (fixture, "{\"type\": \"persistent\", \"fields\": [\"moons\"]}");

  arango_collection_statistics_async (fixture->planets, FALSE, NULL, READY);
  plain = arango_collection_statistics_finish (fixture->planets, WAIT, &error);
  g_assert_no_error (error);
  query = test_last_query (fixture->emulator, 0);
  g_assert_cmpstr (query, ==, "");
  /* The figures object itself, not the collection around it. */
  g_assert_false (json_object_has_member (plain, "name"));
  g_assert_false (json_object_has_member (plain, "error"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (plain, "indexes"), "count"),
                   ==, 2);
  g_assert_true (json_object_has_member (plain, "documentsSize"));
  g_assert_false (json_object_has_member (plain, "engine"));

  arango_collection_statistics_async (fixture->planets, TRUE, NULL, READY);
  detailed = arango_collection_statistics_finish (fixture->planets, WAIT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&query, g_free);
  query = test_last_query (fixture->emulator, 0);
  g_assert_cmpstr (query, ==, "details=true");
  engine = json_object_get_object_member (detailed, "engine");
  g_assert_nonnull (engine);
  g_assert_cmpint (json_object_get_int_member (engine, "documents"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (engine, "indexes")), ==, 2);
}

static void
test_revision (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *empty = revision (fixture);
  g_autofree char *after_insert = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *after_second = NULL;
  g_autofree char *after_delete = NULL;

  insert (fixture, "{\"_key\": \"mars\"}");
  after_insert = revision (fixture);
  g_assert_cmpstr (after_insert, !=, empty);
  unchanged = revision (fixture);
  g_assert_cmpstr (unchanged, ==, after_insert);

  insert (fixture, "{\"_key\": \"venus\"}");
  after_second = revision (fixture);
  g_assert_cmpstr (after_second, !=, after_insert);

  /* Removing a document that is not the newest changes it too. */
  remove_document (fixture, "mars");
  after_delete = revision (fixture);
  g_assert_cmpstr (after_delete, !=, after_second);
  g_assert_cmpstr (after_delete, !=, after_insert);
}

static void
test_checksum (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = checksum (fixture, ARANGO_CHECKSUM_FLAGS_NONE);
  g_autofree char *keys = NULL;
  g_autofree char *data = NULL;
  g_autofree char *revisions = NULL;
  g_autofree char *keys_after = NULL;
  g_autofree char *data_after = NULL;
  g_autofree char *revisions_after = NULL;
  g_autofree char *data_reordered = NULL;
  g_autofree char *query = NULL;
  guint sent;

  g_assert_cmpstr (empty, ==, "0");
  query = test_last_query (fixture->emulator, 0);
  g_assert_cmpstr (query, ==, "withRevisions=false&withData=false");

  insert (fixture, "{\"_key\": \"jupiter\", \"moons\": 95, \"rings\": true}");
  keys = checksum (fixture, ARANGO_CHECKSUM_FLAGS_NONE);
  data = checksum (fixture, ARANGO_CHECKSUM_FLAGS_WITH_DATA);
  g_clear_pointer (&query, g_free);
  query = test_last_query (fixture->emulator, 0);
  g_assert_cmpstr (query, ==, "withRevisions=false&withData=true");
  revisions = checksum (fixture, ARANGO_CHECKSUM_FLAGS_WITH_REVISIONS);
  g_assert_cmpstr (keys, !=, empty);
  g_assert_cmpstr (data, !=, keys);
  g_assert_cmpstr (revisions, !=, keys);

  /* A change of data: the keys are the same, the data and the revision
   * are not. */
  replace (fixture, "{\"_key\": \"jupiter\", \"moons\": 97, \"rings\": true}");
  keys_after = checksum (fixture, ARANGO_CHECKSUM_FLAGS_NONE);
  data_after = checksum (fixture, ARANGO_CHECKSUM_FLAGS_WITH_DATA);
  revisions_after = checksum (fixture, ARANGO_CHECKSUM_FLAGS_WITH_REVISIONS |
                                       ARANGO_CHECKSUM_FLAGS_WITH_DATA);
  g_assert_cmpstr (keys_after, ==, keys);
  g_assert_cmpstr (data_after, !=, data);
  g_assert_cmpstr (revisions_after, !=, revisions);

  /* The same attributes in another order are the same data. */
  replace (fixture, "{\"rings\": true, \"moons\": 97, \"_key\": \"jupiter\"}");
  data_reordered = checksum (fixture, ARANGO_CHECKSUM_FLAGS_WITH_DATA);
  g_assert_cmpstr (data_reordered, ==, data_after);

  /* Flags this version does not know: nothing is sent. */
  sent = requests_sent (fixture);
  arango_collection_checksum_async (fixture->planets, 1 << 5, NULL, READY);
  g_assert_null (arango_collection_checksum_finish (fixture->planets, WAIT, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (requests_sent (fixture), ==, sent);
}

static void
test_compact_recount_load (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) compacted = NULL;

  insert (fixture, "{\"_key\": \"saturn\"}");

  arango_collection_compact_async (fixture->planets, NULL, READY);
  compacted = arango_collection_compact_finish (fixture->planets, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (compacted, "name"), ==, "planets");
  g_assert_cmpint (json_object_get_int_member (compacted, "type"), ==, 2);
  g_assert_false (json_object_has_member (compacted, "error"));
  g_assert_false (json_object_has_member (compacted, "code"));
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PUT",
                                            "/_api/collection/planets/compact"), ==, 1);

  arango_collection_recalculate_count_async (fixture->planets, NULL, READY);
  g_assert_true (arango_collection_recalculate_count_finish (fixture->planets, WAIT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PUT",
                                            "/_api/collection/planets/recalculateCount"), ==, 1);

  arango_collection_load_indexes_async (fixture->planets, NULL, READY);
  g_assert_true (arango_collection_load_indexes_finish (fixture->planets, WAIT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "PUT",
                                            "/_api/collection/planets/loadIndexesIntoMemory"), ==, 1);
}

static JsonObject *
get_index (Fixture     *fixture,
           const char  *index_id,
           GError     **error)
{
  arango_collection_get_index_async (fixture->planets, index_id, NULL, READY);
  return arango_collection_get_index_finish (fixture->planets, WAIT, error);
}

static void
test_get_index (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) created = add_index (fixture, "{\"type\": \"persistent\", \"fields\": [\"moons\"], \"name\": \"by_moons\"}");
  const char *id = json_object_get_string_member (created, "id");
  const char *number = strchr (id, '/') + 1;
  g_autofree char *foreign = g_strdup_printf ("moons/%s", number);
  const char *const good[] = { id, number, "by_moons" };
  const char *const bad[] = { "", "planets/", "/1", "planets/1/2", foreign };
  g_autoptr(JsonObject) primary = NULL;
  guint sent;

  g_assert_true (g_str_has_prefix (id, "planets/"));
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonObject) index = get_index (fixture, good[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (index, "id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (index, "name"), ==, "by_moons");
      g_assert_cmpstr (json_object_get_string_member (index, "type"), ==, "persistent");
      g_assert_false (json_object_has_member (index, "error"));
      g_assert_false (json_object_has_member (index, "code"));
    }

  primary = get_index (fixture, "0", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (primary, "type"), ==, "primary");

  g_assert_null (get_index (fixture, "424242", &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_INDEX_NOT_FOUND);
  g_clear_error (&error);

  /* Ids that cannot be an index of this collection: nothing is sent. */
  sent = requests_sent (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (get_index (fixture, bad[i], &error));
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "planets"));
      g_clear_error (&error);
    }
  g_assert_null (get_index (fixture, NULL, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (requests_sent (fixture), ==, sent);
}

/* Every call on a collection that does not exist fails as the server
 * says: 404, collection or view not found. */
static void
test_unknown_collection (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(ArangoCollection) missing = arango_database_get_collection (fixture->database, "pluto");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) figures = NULL;
  g_autoptr(JsonObject) compacted = NULL;
  g_autoptr(JsonObject) index = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *sum = NULL;

#define ASSERT_NOT_FOUND() \
  G_STMT_START { \
    g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND); \
    g_assert_nonnull (strstr (error->message, "404")); \
    g_clear_error (&error); \
  } G_STMT_END

  figures = arango_collection_statistics_sync (missing, FALSE, NULL, &error);
  g_assert_null (figures);
  ASSERT_NOT_FOUND ();
  rev = arango_collection_revision_sync (missing, NULL, &error);
  g_assert_null (rev);
  ASSERT_NOT_FOUND ();
  sum = arango_collection_checksum_sync (missing, ARANGO_CHECKSUM_FLAGS_WITH_DATA, NULL, &error);
  g_assert_null (sum);
  ASSERT_NOT_FOUND ();
  compacted = arango_collection_compact_sync (missing, NULL, &error);
  g_assert_null (compacted);
  ASSERT_NOT_FOUND ();
  g_assert_false (arango_collection_recalculate_count_sync (missing, NULL, &error));
  ASSERT_NOT_FOUND ();
  g_assert_false (arango_collection_load_indexes_sync (missing, NULL, &error));
  ASSERT_NOT_FOUND ();
  index = arango_collection_get_index_sync (missing, "0", NULL, &error);
  g_assert_null (index);
  ASSERT_NOT_FOUND ();

#undef ASSERT_NOT_FOUND
}

static gboolean
delete_collection (Fixture                      *fixture,
                   const char                   *name,
                   ArangoDeleteCollectionFlags   flags,
                   GError                      **error)
{
  arango_database_delete_collection_with_flags_async (fixture->database, name, flags, NULL, READY);
  return arango_database_delete_collection_with_flags_finish (fixture->database, WAIT, error);
}

static void
test_delete_with_flags (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) system_options = test_json_object ("{\"isSystem\": true}");
  g_autoptr(ArangoCollection) system = NULL;
  const char *const bad_names[] = { "", "a/b" };
  guint sent;

  g_assert_true (delete_collection (fixture, "planets", ARANGO_DELETE_COLLECTION_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "DELETE",
                                            "/_api/collection/planets"), ==, 1);

  /* Gone: an error, unless missing collections are fine. */
  g_assert_false (delete_collection (fixture, "planets", ARANGO_DELETE_COLLECTION_FLAGS_NONE, &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (delete_collection (fixture, "planets", ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING,
                                     &error));
  g_assert_no_error (error);

  /* A system collection needs the SYSTEM flag (isSystem=true). */
  arango_database_create_collection_async (fixture->database, "_probes", system_options, NULL, READY);
  system = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_false (delete_collection (fixture, "_probes", ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING,
                                     &error));
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (delete_collection (fixture, "_probes",
                                    ARANGO_DELETE_COLLECTION_FLAGS_SYSTEM |
                                    ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "DELETE",
                                            "/_api/collection/_probes"), ==, 2);

  /* Refused before sending: bad names, unknown flags. */
  sent = requests_sent (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_false (delete_collection (fixture, bad_names[i], ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING,
                                         &error));
      g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  g_assert_false (delete_collection (fixture, NULL, ARANGO_DELETE_COLLECTION_FLAGS_NONE, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (delete_collection (fixture, "planets", 1 << 7, &error));
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (requests_sent (fixture), ==, sent);
}

/* The blocking forms share the async code path; one round trip each. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) figures = NULL;
  g_autoptr(JsonObject) compacted = NULL;
  g_autoptr(JsonObject) primary = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *sum = NULL;

  insert (fixture, "{\"_key\": \"neptune\"}");

  figures = arango_collection_statistics_sync (fixture->planets, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (figures, "engine"), "documents"),
                   ==, 1);
  rev = arango_collection_revision_sync (fixture->planets, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rev, !=, "0");
  sum = arango_collection_checksum_sync (fixture->planets, ARANGO_CHECKSUM_FLAGS_WITH_REVISIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sum, !=, "0");
  compacted = arango_collection_compact_sync (fixture->planets, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (compacted, "name"), ==, "planets");
  g_assert_true (arango_collection_recalculate_count_sync (fixture->planets, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (arango_collection_load_indexes_sync (fixture->planets, NULL, &error));
  g_assert_no_error (error);
  primary = arango_collection_get_index_sync (fixture->planets, "planets/0", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (primary, "name"), ==, "primary");
  g_assert_true (arango_database_delete_collection_with_flags_sync (fixture->database, "planets",
                                                                    ARANGO_DELETE_COLLECTION_FLAGS_NONE,
                                                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_false (arango_database_delete_collection_with_flags_sync (fixture->database, "planets",
                                                                     ARANGO_DELETE_COLLECTION_FLAGS_IGNORE_MISSING,
                                                                     NULL, &error));
  g_assert_no_error (error);
}

/* A cancelled call fails with G_IO_ERROR_CANCELLED. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  arango_collection_recalculate_count_async (fixture->planets, cancellable, READY);
  g_assert_false (arango_collection_recalculate_count_finish (fixture->planets, WAIT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/collection-admin/statistics", test_statistics);
  ADD ("/collection-admin/revision", test_revision);
  ADD ("/collection-admin/checksum", test_checksum);
  ADD ("/collection-admin/compact-recount-load", test_compact_recount_load);
  ADD ("/collection-admin/get-index", test_get_index);
  ADD ("/collection-admin/unknown-collection", test_unknown_collection);
  ADD ("/collection-admin/delete-with-flags", test_delete_with_flags);
  ADD ("/collection-admin/sync", test_sync);
  ADD ("/collection-admin/cancelled", test_cancelled);

#undef ADD

  return g_test_run ();
}
