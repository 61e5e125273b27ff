/* test-document-variant.c: documents read as GVariants, against the
 * emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  ArangoCollection *things;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* Every kind of JSON value; 9007199254740993 is an integer that a double
 * cannot hold. */
#define EVERY_KIND \
  "{\"_key\": \"every\", \"name\": \"Ada\", \"age\": 36, \"height\": 1.65, " \
  "\"big\": 9007199254740993, \"huge\": 1e22, \"past64\": 1.2345678901234567e29, " \
  "\"married\": true, \"retired\": false, \"nothing\": null, " \
  "\"address\": {\"city\": \"London\", \"lines\": [\"12 St James's Square\", 2]}, " \
  "\"empty\": {}, \"none\": [], \"text\": \"a\\\"b\\\\c\\u00e9\\ud83d\\ude00\"}"

static ArangoCollection *
create_collection (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  ArangoCollection *collection;

  arango_database_create_collection_async (fixture->database, name, NULL, NULL, READY);
  collection = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  return collection;
}

static void
insert (Fixture    *fixture,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) document = json_from_string (text, &error);
  g_autoptr(JsonObject) meta = NULL;

  g_assert_no_error (error);
  arango_collection_insert_async (fixture->things, document, 0, NULL, READY);
  meta = arango_collection_insert_finish (fixture->things, WAIT, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
  fixture->things = create_collection (fixture, "things");
  insert (fixture, EVERY_KIND);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->things);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

static GVariant *
get_variant (Fixture           *fixture,
             ArangoCollection  *collection,
             const char        *key,
             const char        *rev,
             GError           **error)
{
  arango_collection_get_variant_async (collection, key, rev, NULL, READY);
  return arango_collection_get_variant_finish (collection, WAIT, error);
}

static JsonObject *
get_json (Fixture          *fixture,
          ArangoCollection *collection,
          const char       *key)
{
  g_autoptr(GError) error = NULL;
  JsonObject *document;

  arango_collection_get_async (collection, key, NULL, NULL, READY);
  document = arango_collection_get_finish (collection, WAIT, &error);
  g_assert_no_error (error);
  return document;
}

/* Asserts that json-glib reads @variant back as @object; as text too,
 * since json_node_equal() takes 1 and 1.0 for equal. */
static void
assert_same_document (GVariant   *variant,
                      JsonObject *object)
{
  g_autoptr(JsonNode) expected = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) read_back = json_gvariant_serialize (variant);
  g_autofree char *expected_text = NULL;
  g_autofree char *text = NULL;

  g_assert_true (json_node_equal (read_back, expected));
  expected_text = json_to_string (expected, FALSE);
  text = json_to_string (read_back, FALSE);
  g_assert_cmpstr (text, ==, expected_text);
}

static void
test_every_kind (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) document = get_variant (fixture, fixture->things, "every", NULL, &error);
  g_autoptr(JsonObject) object = get_json (fixture, fixture->things, "every");
  g_autoptr(GVariant) address = NULL;
  g_autoptr(GVariant) nothing = NULL;
  const char *key, *city, *text;
  gint64 age, big;
  gdouble height, huge, past64;
  gboolean married;

  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (document), ==, "a{sv}");
  g_assert_false (g_variant_is_floating (document));
  g_assert_true (g_variant_is_normal_form (document));
  assert_same_document (document, object);

  g_assert_true (g_variant_lookup (document, "_key", "&s", &key));
  g_assert_cmpstr (key, ==, "every");
  g_assert_true (g_variant_lookup (document, "age", "x", &age));
  g_assert_cmpint (age, ==, 36);
  g_assert_true (g_variant_lookup (document, "big", "x", &big));
  g_assert_cmpint (big, ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_true (g_variant_lookup (document, "height", "d", &height));
  g_assert_cmpfloat (height, ==, 1.65);
  g_assert_true (g_variant_lookup (document, "huge", "d", &huge));
  g_assert_cmpfloat (huge, ==, 1e22);
  g_assert_true (g_variant_lookup (document, "past64", "d", &past64));
  g_assert_cmpfloat (past64, ==, 1.2345678901234567e29);
  g_assert_true (g_variant_lookup (document, "married", "b", &married));
  g_assert_true (married);
  g_assert_true (g_variant_lookup (document, "text", "&s", &text));
  g_assert_cmpstr (text, ==, "a\"b\\c\xc3\xa9\xf0\x9f\x98\x80");

  nothing = g_variant_lookup_value (document, "nothing", NULL);
  g_assert_cmpstr (g_variant_get_type_string (nothing), ==, "mv");
  g_assert_null (g_variant_get_maybe (nothing));

  address = g_variant_lookup_value (document, "address", G_VARIANT_TYPE_VARDICT);
  g_assert_nonnull (address);
  g_assert_true (g_variant_lookup (address, "city", "&s", &city));
  g_assert_cmpstr (city, ==, "London");
}

/* A document id, and the revision it must have, as for the JSON form. */
static void
test_id_and_revision (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = get_json (fixture, fixture->things, "every");
  const char *rev = json_object_get_string_member (object, "_rev");
  g_autoptr(GVariant) by_id = get_variant (fixture, fixture->things, "things/every", rev, &error);
  g_autoptr(GVariant) stale = NULL;
  g_autofree char *stale_message = NULL;

  g_assert_no_error (error);
  assert_same_document (by_id, object);

  stale = get_variant (fixture, fixture->things, "every", "_stale---", &error);
  g_assert_null (stale);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CONFLICT);
  test_assert_details (error, 412, ARANGO_SERVER_ERROR_CONFLICT,
                       arango_server_error_get_server_message (error));
  stale_message = g_strdup_printf ("(stored _rev %s)", rev);
  g_assert_true (g_str_has_suffix (error->message, stale_message));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) missing = arango_database_get_collection (fixture->database, "missing");
  g_autoptr(GVariant) none = NULL;
  g_autoptr(GVariant) no_collection = NULL;
  g_autoptr(GVariant) other_collection = NULL;

  none = get_variant (fixture, fixture->things, "nobody", NULL, &error);
  g_assert_null (none);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND, "document not found");

  no_collection = get_variant (fixture, missing, "every", NULL, &error);
  g_assert_null (no_collection);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND,
                       "collection or view not found: missing");

  /* Refused before anything is sent, as by the JSON form. */
  other_collection = get_variant (fixture, fixture->things, "others/every", NULL, &error);
  g_assert_null (other_collection);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
}

/* A success that cannot be read fails the read; a proxy's error page is
 * still the error its status says. */
static void
test_broken_replies (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) garbled = NULL;
  g_autoptr(GVariant) proxied = NULL;
  g_autoptr(GVariant) after = NULL;

  emulator_process_set_fault (fixture->emulator, 0, "garbage", 1, 0);
  garbled = get_variant (fixture, fixture->things, "every", NULL, &error);
  g_assert_null (garbled);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY);
  g_clear_error (&error);

  emulator_process_set_fault (fixture->emulator, 0, "bad-gateway", 1, 0);
  proxied = get_variant (fixture, fixture->things, "every", NULL, &error);
  g_assert_null (proxied);
  g_assert_error (error, ARANGO_SERVER_ERROR, 502);
  test_assert_details (error, 502, -1, NULL);
  g_clear_error (&error);

  after = get_variant (fixture, fixture->things, "every", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
}

/* Deeper than a GVariant can nest: refused, and the JSON form reads it. */
static void
test_too_deep (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GString) text = g_string_new ("{\"_key\": \"deep\", \"v\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) refused = NULL;
  g_autoptr(JsonObject) object = NULL;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "{\"v\": ");
  g_string_append (text, "1");
  for (guint i = 0; i < 61; i++)
    g_string_append_c (text, '}');
  insert (fixture, text->str);

  refused = get_variant (fixture, fixture->things, "deep", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY);
  object = get_json (fixture, fixture->things, "deep");
  g_assert_true (json_object_has_member (object, "v"));
}

static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) document = arango_collection_get_variant_sync (fixture->things, "every",
                                                                     NULL, NULL, &error);
  g_autoptr(GVariant) missing = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (document, "name", "&s", &name));
  g_assert_cmpstr (name, ==, "Ada");

  missing = arango_collection_get_variant_sync (fixture->things, "nobody", NULL, NULL, &error);
  g_assert_null (missing);
  test_assert_refused (&error, 404, ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND, "document not found");
}

/* An async job keeps the form of the call that made it: its stored
 * reply is read as a GVariant too. */
static void
test_async_job (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ArangoDatabase) async_database = arango_database_begin_async_execution (fixture->database, TRUE);
  g_autoptr(ArangoCollection) async_things = arango_database_get_collection (async_database, "things");
  g_autoptr(JsonObject) object = get_json (fixture, fixture->things, "every");
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoJob) job = NULL;
  g_autoptr(GVariant) document = NULL;

  arango_collection_get_variant_async (async_things, "every", NULL, NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (arango_job_get_id (job));

  /* Polled: no timed assertion, the job finishes when it does. */
  for (;;)
    {
      ArangoJobStatus status = ARANGO_JOB_STATUS_PENDING;

      arango_job_status_async (job, NULL, READY);
      arango_job_status_finish (job, WAIT, &status, &error);
      g_assert_no_error (error);
      if (status == ARANGO_JOB_STATUS_DONE)
        break;
      g_usleep (20 * 1000);
    }
  arango_job_result_async (job, NULL, READY);
  document = arango_collection_get_variant_finish (async_things, WAIT, &error);
  g_assert_no_error (error);
  assert_same_document (document, object);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document-variant/every-kind", test_every_kind);
  ADD ("/document-variant/id-and-revision", test_id_and_revision);
  ADD ("/document-variant/refusals", test_refusals);
  ADD ("/document-variant/broken-replies", test_broken_replies);
  ADD ("/document-variant/too-deep", test_too_deep);
  ADD ("/document-variant/sync", test_sync);
  ADD ("/document-variant/async-job", test_async_job);
#undef ADD

  return g_test_run ();
}
