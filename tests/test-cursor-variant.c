/* test-cursor-variant.c: a cursor's batches as GVariants, against the
 * emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <libsoup/soup.h>

#include "test-util.h"

typedef struct
{
  EmulatorProcess *emulator;
  ArangoClient *client;
  ArangoDatabase *database;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* numbers holds {value: 0} … {value: 24}, read two at a time: 13
 * batches. */
#define N_NUMBERS 25
#define N_NUMBER_BATCHES 13

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoCollection) numbers = NULL;
  g_autoptr(JsonArray) documents = json_array_new ();
  g_autoptr(JsonArray) inserted = NULL;

  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "numbers", NULL, NULL, READY);
  numbers = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_NUMBERS; i++)
    {
      JsonObject *document = json_object_new ();

      json_object_set_int_member (document, "value", i);
      json_array_add_object_element (documents, document);
    }
  arango_collection_insert_many_async (numbers, documents, 0, NULL, READY);
  inserted = arango_collection_insert_many_finish (numbers, WAIT, &error);
  g_assert_no_error (error);
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

static ArangoCursor *
query_numbers (Fixture *fixture)
{
  return test_query_cursor (fixture->database, "FOR n IN numbers SORT n.value RETURN n", 2, FALSE);
}

static GVariant *
next_variant (Fixture       *fixture,
              ArangoCursor  *cursor,
              GError       **error)
{
  arango_cursor_next_batch_variant_async (cursor, NULL, READY);
  return arango_cursor_next_batch_variant_finish (cursor, WAIT, error);
}

static JsonArray *
next_json (Fixture      *fixture,
           ArangoCursor *cursor)
{
  g_autoptr(GError) error = NULL;
  JsonArray *batch;

  arango_cursor_next_batch_async (cursor, NULL, READY);
  batch = arango_cursor_next_batch_finish (cursor, WAIT, &error);
  g_assert_no_error (error);
  return batch;
}

/* Asserts that @batch is @expected, written in GVariant's text format:
 * the printed forms carry every type, so an x where a d belongs shows. */
static void
assert_batch (GVariant   *batch,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) expected_variant = g_variant_parse (G_VARIANT_TYPE ("av"), expected,
                                                          NULL, NULL, &error);
  g_autofree char *expected_text = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  g_assert_cmpstr (g_variant_get_type_string (batch), ==, "av");
  expected_text = g_variant_print (expected_variant, TRUE);
  text = g_variant_print (batch, TRUE);
  g_assert_cmpstr (text, ==, expected_text);
}

static void
assert_next_variant (Fixture      *fixture,
                     ArangoCursor *cursor,
                     const char   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) batch = next_variant (fixture, cursor, &error);

  g_assert_no_error (error);
  assert_batch (batch, expected);
}

static void
assert_variant_end (Fixture      *fixture,
                    ArangoCursor *cursor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) end = next_variant (fixture, cursor, &error);

  g_assert_no_error (error);
  g_assert_null (end);
}

/* Asserts that json-glib reads @variant back as @array; as text too,
 * since json_node_equal() takes 1 and 1.0 for equal. */
static void
assert_same_batch (GVariant  *variant,
                   JsonArray *array)
{
  g_autoptr(JsonNode) from_variant = json_gvariant_serialize (variant);
  g_autoptr(JsonNode) from_array = json_node_init_array (json_node_alloc (), array);
  g_autofree char *variant_text = json_to_string (from_variant, FALSE);
  g_autofree char *array_text = json_to_string (from_array, FALSE);

  g_assert_cmpstr (variant_text, ==, array_text);
  g_assert_true (json_node_equal (from_variant, from_array));
}

/* The "value" of the document at @index of @batch. */
static gint64
variant_value_at (GVariant *batch,
                  gsize     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (batch, index);
  g_autoptr(GVariant) document = g_variant_get_variant (boxed);
  gint64 value = -1;

  g_assert_true (g_variant_lookup (document, "value", "x", &value));
  return value;
}

/* Every kind of JSON value, one result each, with the GVariant type
 * each must come as. */
static void
test_every_kind (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char *types[] = {
    "s", "s", "s", "x", "x", "x", "d", "d", "d", "d", "b", "b", "mv", "a{sv}", "av", "a{sv}", "av",
  };
  g_autoptr(ArangoCursor) cursor = test_query_cursor (fixture->database,
    "FOR v IN ['plain', 'tab\\t quote\" backslash\\\\ newline\\n', '\\u00e9\\u20ac\\ud83d\\ude00',"
    " 42, -7, 0, 0.5, -2.25, 1e22, 12345678901234567890, true, false, null,"
    " {name: 'ada', nested: {list: [1, 'two', null], empty: {}}}, [], {}, [[]]]"
    " RETURN v", 100, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) batch = next_variant (fixture, cursor, &error);
  g_autoptr(GVariant) object = NULL;
  g_autoptr(GVariant) nested = NULL;
  g_autoptr(GVariant) list = NULL;
  const char *name = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  g_assert_true (g_variant_is_of_type (batch, G_VARIANT_TYPE ("av")));
  g_assert_cmpuint (g_variant_n_children (batch), ==, G_N_ELEMENTS (types));
  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (batch, i);
      g_autoptr(GVariant) value = g_variant_get_variant (boxed);

      g_assert_cmpstr (g_variant_get_type_string (value), ==, types[i]);
    }

  /* A number beyond 64 bits comes as the double json-glib would read. */
  assert_batch (batch,
                "[<'plain'>, <'tab\\t quote\" backslash\\\\ newline\\n'>,"
                " <'\u00e9\u20ac\U0001F600'>,"
                " <int64 42>, <int64 -7>, <int64 0>, <0.5>, <-2.25>, <1e22>, <12345678901234567890.0>,"
                " <true>, <false>, <@mv nothing>,"
                " <{'name': <'ada'>, 'nested': <{'list': <[<int64 1>, <'two'>, <@mv nothing>]>,"
                "                                'empty': <@a{sv} {}>}>}>,"
                " <@av []>, <@a{sv} {}>, <[<@av []>]>]");

  /* Read as a program would. */
  g_variant_get_child (batch, 13, "v", &object);
  g_assert_true (g_variant_lookup (object, "name", "&s", &name));
  g_assert_cmpstr (name, ==, "ada");
  nested = g_variant_lookup_value (object, "nested", G_VARIANT_TYPE_VARDICT);
  g_assert_nonnull (nested);
  list = g_variant_lookup_value (nested, "list", G_VARIANT_TYPE ("av"));
  g_assert_cmpuint (g_variant_n_children (list), ==, 3);
  g_assert_false (g_variant_lookup (object, "missing", "&s", &name));

  assert_variant_end (fixture, cursor);
}

/* Batch by batch, the variants say what the JSON arrays of an identical
 * cursor say, to the end. */
static void
test_batches_match_json (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) variant_cursor = query_numbers (fixture);
  g_autoptr(ArangoCursor) json_cursor = query_numbers (fixture);
  g_autoptr(GError) error = NULL;
  guint batches = 0;
  gint64 expected = 0;

  for (;;)
    {
      g_autoptr(GVariant) variant = next_variant (fixture, variant_cursor, &error);
      g_autoptr(JsonArray) array = next_json (fixture, json_cursor);

      g_assert_no_error (error);
      g_assert_true ((variant == NULL) == (array == NULL));
      if (variant == NULL)
        break;
      batches++;
      assert_same_batch (variant, array);
      for (gsize i = 0; i < g_variant_n_children (variant); i++)
        g_assert_cmpint (variant_value_at (variant, i), ==, expected++);
    }
  g_assert_cmpuint (batches, ==, N_NUMBER_BATCHES);
  g_assert_cmpint (expected, ==, N_NUMBERS);
  g_assert_false (arango_cursor_get_has_more (variant_cursor));
  assert_variant_end (fixture, variant_cursor);
}

/* One cursor read in turns as JSON and as variants: no batch is lost or
 * read twice, whichever form the first one took. */
static void
test_mixed_with_json (Fixture       *fixture,
                      gconstpointer  user_data)
{
  for (guint first_as_variant = 0; first_as_variant < 2; first_as_variant++)
    {
      g_autoptr(ArangoCursor) cursor = query_numbers (fixture);
      gint64 expected = 0;

      for (guint n = 0; n < N_NUMBER_BATCHES; n++)
        if ((n + first_as_variant) % 2 == 1)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GVariant) variant = next_variant (fixture, cursor, &error);

            g_assert_no_error (error);
            for (gsize i = 0; i < g_variant_n_children (variant); i++)
              g_assert_cmpint (variant_value_at (variant, i), ==, expected++);
          }
        else
          {
            g_autoptr(JsonArray) array = next_json (fixture, cursor);

            for (guint i = 0; i < json_array_get_length (array); i++)
              {
                JsonObject *document = json_array_get_object_element (array, i);

                g_assert_cmpint (json_object_get_int_member (document, "value"), ==, expected++);
              }
          }
      g_assert_cmpint (expected, ==, N_NUMBERS);
      assert_variant_end (fixture, cursor);
    }
}

/* A call while a fetch is under way is refused, in either form, and
 * leaves the fetch alone. */
static void
test_one_fetch_at_a_time (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor =
    test_query_cursor (fixture->database, "FOR i IN 1..5 RETURN i", 2, FALSE);
  g_auto(TestAsync) second = TEST_ASYNC_INIT;
  g_auto(TestAsync) third = TEST_ASYNC_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) refused = NULL;
  g_autoptr(JsonArray) refused_json = NULL;

  assert_next_variant (fixture, cursor, "[<int64 1>, <int64 2>]");

  arango_cursor_next_batch_variant_async (cursor, NULL, READY);
  arango_cursor_next_batch_variant_async (cursor, NULL, test_async_ready, &second);
  arango_cursor_next_batch_async (cursor, NULL, test_async_ready, &third);

  refused = arango_cursor_next_batch_variant_finish (cursor, test_async_wait (&second), &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (refused);
  g_clear_error (&error);
  refused_json = arango_cursor_next_batch_finish (cursor, test_async_wait (&third), &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT);
  g_assert_null (refused_json);
  g_clear_error (&error);

  {
    g_autoptr(GVariant) batch = arango_cursor_next_batch_variant_finish (cursor, WAIT, &error);

    g_assert_no_error (error);
    assert_batch (batch, "[<int64 3>, <int64 4>]");
  }
  assert_next_variant (fixture, cursor, "[<int64 5>]");
  assert_variant_end (fixture, cursor);
}

/* Reads every batch of the cursor with the blocking call; returns them
 * in a GPtrArray. */
static gpointer
read_all_sync (gpointer user_data)
{
  ArangoCursor *cursor = user_data;
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GError) error = NULL;
  GVariant *batch;

  while ((batch = arango_cursor_next_batch_variant_sync (cursor, NULL, &error)))
    g_ptr_array_add (batches, batch);
  g_assert_no_error (error);
  return g_steal_pointer (&batches);
}

/* The blocking form, in a worker thread, reads what the async one reads. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) json_cursor = query_numbers (fixture);
  g_autoptr(ArangoCursor) variant_cursor = query_numbers (fixture);
  g_autoptr(GPtrArray) batches =
    g_thread_join (g_thread_new ("variant-sync", read_all_sync, variant_cursor));

  g_assert_cmpuint (batches->len, ==, N_NUMBER_BATCHES);
  for (guint i = 0; i < batches->len; i++)
    {
      g_autoptr(JsonArray) array = next_json (fixture, json_cursor);

      assert_same_batch (g_ptr_array_index (batches, i), array);
    }
}

/* An async job's reply comes decoded whole, not as text: its first batch
 * takes another way to a GVariant, the later ones come directly. */
static void
test_async_job (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(ArangoDatabase) async_database = arango_database_begin_async_execution (fixture->database, TRUE);
  g_autoptr(ArangoQueryOptions) options = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 3, NULL);
  ArangoJobStatus status = ARANGO_JOB_STATUS_PENDING;
  g_autoptr(ArangoJob) job = NULL;
  g_autoptr(ArangoCursor) cursor = NULL;
  g_autoptr(GError) error = NULL;

  /* json-glib 1.6 writes 1e22 back as "1e+22.0", which is not JSON. */
  arango_database_query_async (async_database,
                               "FOR v IN [1e22, 'x', {a: [null, 0.25]}, -3, true] RETURN v",
                               NULL, options, NULL, READY);
  job = arango_job_new_from_result (WAIT, &error);
  g_assert_no_error (error);
  while (arango_job_status_sync (job, &status, NULL, &error) && status != ARANGO_JOB_STATUS_DONE)
    g_usleep (20 * 1000);
  g_assert_no_error (error);

  arango_job_result_async (job, NULL, READY);
  cursor = arango_database_query_finish (async_database, WAIT, &error);
  g_assert_no_error (error);
  assert_next_variant (fixture, cursor, "[<1e22>, <'x'>, <{'a': <[<@mv nothing>, <0.25>]>}>]");
  assert_next_variant (fixture, cursor, "[<int64 -3>, <true>]");
  assert_variant_end (fixture, cursor);
}

/* With allow-retry, a follow-up batch spoilt on the way is fetched again
 * and comes out whole; a spoilt first reply fails the query. */
static void
test_retry (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const char * const faults[] = { "garbage", "truncate", "reset-mid-reply" };
  g_autoptr(ArangoQueryOptions) retrying = g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "allow-retry", TRUE, NULL);
  g_autoptr(ArangoCursor) refused = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(ArangoCursor) cursor =
        test_query_cursor (fixture->database, "FOR i IN 1..5 RETURN {i: i}", 2, TRUE);
      g_autofree char *path = g_strdup_printf ("/_api/cursor/%s", arango_cursor_get_id (cursor));

      g_test_message ("fault %s", faults[i]);
      assert_next_variant (fixture, cursor, "[<{'i': <int64 1>}>, <{'i': <int64 2>}>]");
      emulator_process_set_fault (fixture->emulator, 0, faults[i], 1, 0);
      assert_next_variant (fixture, cursor, "[<{'i': <int64 3>}>, <{'i': <int64 4>}>]");
      g_assert_cmpuint (test_count_batch_requests (fixture->emulator, 0, cursor, "2"), ==, 2);
      assert_next_variant (fixture, cursor, "[<{'i': <int64 5>}>]");
      assert_variant_end (fixture, cursor);
      /* With its last batch in, the cursor is deleted in passing: that
       * request must not meet the next fault. */
      test_wait_for_request (fixture->emulator, 0, "DELETE", path);
    }

  emulator_process_set_fault (fixture->emulator, 0, "garbage", 1, 0);
  arango_database_query_async (fixture->database, "FOR i IN 1..5 RETURN i", NULL, retrying, NULL, READY);
  refused = arango_database_query_finish (fixture->database, WAIT, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY);
  g_assert_null (refused);
}

/* Deletes the cursor on the server behind the library's back, as another
 * client could. */
static void
delete_on_server (Fixture      *fixture,
                  ArangoCursor *cursor)
{
  g_autofree char *url = g_strdup_printf ("%s/_db/_system/_api/cursor/%s",
                                          emulator_process_get_host (fixture->emulator, 0),
                                          arango_cursor_get_id (cursor));
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_DELETE, url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_ACCEPTED);
}

/* The server's refusal of a follow-up comes out of the variant finish;
 * then the cursor is at its end. */
static void
test_cursor_not_found (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = query_numbers (fixture);
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariant) gone = NULL;
  g_autoptr(GError) error = NULL;

  first = next_variant (fixture, cursor, &error);
  g_assert_no_error (error);
  delete_on_server (fixture, cursor);

  gone = next_variant (fixture, cursor, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND);
  g_assert_null (gone);
  g_assert_false (arango_cursor_get_has_more (cursor));
  assert_variant_end (fixture, cursor);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cursor-variant/every-kind", test_every_kind);
  ADD ("/cursor-variant/batches-match-json", test_batches_match_json);
  ADD ("/cursor-variant/mixed-with-json", test_mixed_with_json);
  ADD ("/cursor-variant/one-fetch-at-a-time", test_one_fetch_at_a_time);
  ADD ("/cursor-variant/sync", test_sync);
  ADD ("/cursor-variant/async-job", test_async_job);
  ADD ("/cursor-variant/retry", test_retry);
  ADD ("/cursor-variant/cursor-not-found", test_cursor_not_found);

#undef ADD

  return g_test_run ();
}
