/* test-transport.c: compression, queue time and dirty reads against the
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
  ArangoCollection *notes;
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* One coordinator: every request lands in the same log. */
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");

  arango_database_create_collection_async (fixture->database, "notes", NULL, NULL, READY);
  fixture->notes = arango_database_create_collection_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_async_clear (&fixture->async);
  g_clear_object (&fixture->notes);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->emulator, emulator_process_free);
}

/* The last request the coordinator logged. */
static JsonObject *
last_request (Fixture *fixture)
{
  g_autoptr(JsonArray) requests = test_logged_requests (fixture->emulator, 0);
  guint n = json_array_get_length (requests);

  g_assert_cmpuint (n, >, 0);
  return json_object_ref (json_array_get_object_element (requests, n - 1));
}

static const char *
header_of (JsonObject *request,
           const char *name)
{
  JsonObject *headers = json_object_get_object_member (request, "headers");

  return json_object_get_string_member_with_default (headers, name, NULL);
}

static void
control (Fixture    *fixture,
         const char *path_and_query)
{
  g_autoptr(JsonNode) reply = emulator_process_control (fixture->emulator, "POST",
                                                        path_and_query, NULL);

  g_assert_false (json_object_get_boolean_member_with_default (json_node_get_object (reply),
                                                               "error", FALSE));
}

static JsonNode *
note_with_text (const char *key,
                gsize       length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = g_strnfill (length, 'a');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "_key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
insert_note (Fixture    *fixture,
             const char *key,
             gsize       length)
{
  g_autoptr(JsonNode) note = note_with_text (key, length);
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(GError) error = NULL;

  arango_collection_insert_async (fixture->notes, note, ARANGO_DOCUMENT_FLAGS_NONE, NULL, READY);
  meta = arango_collection_insert_finish (fixture->notes, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (meta, "_key"), ==, key);
}

static JsonObject *
get_note (Fixture     *fixture,
          const char  *key,
          GError     **error)
{
  arango_collection_get_async (fixture->notes, key, NULL, NULL, READY);
  return arango_collection_get_finish (fixture->notes, WAIT, error);
}

static void
test_request_compression (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(JsonObject) small_request = NULL;
  g_autoptr(JsonObject) large_request = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint threshold = 0;

  g_assert_cmpuint (arango_client_get_request_compression (fixture->client), ==, 0);
  insert_note (fixture, "off", 5000);
  large_request = last_request (fixture);
  g_assert_null (header_of (large_request, "content-encoding"));
  g_clear_pointer (&large_request, json_object_unref);

  g_object_set (fixture->client, "request-compression", 1024, NULL);
  g_object_get (fixture->client, "request-compression", &threshold, NULL);
  g_assert_cmpuint (threshold, ==, 1024);

  insert_note (fixture, "small", 10);
  small_request = last_request (fixture);
  g_assert_null (header_of (small_request, "content-encoding"));

  insert_note (fixture, "large", 5000);
  large_request = last_request (fixture);
  g_assert_cmpstr (header_of (large_request, "content-encoding"), ==, "deflate");
  /* 5,000 times the same letter shrinks a lot on the wire. */
  g_assert_cmpint (g_ascii_strtoll (header_of (large_request, "content-length"), NULL, 10), <, 500);

  /* The server decoded it: the document is whole. */
  stored = get_note (fixture, "large", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (json_object_get_string_member (stored, "text")), ==, 5000);
}

/* A body is compressed once; the attempt that fails over to another
 * coordinator sends the same compressed bytes. */
static void
test_request_compression_failover (void)
{
  g_autoptr(EmulatorProcess) emulator = emulator_process_start (2, NULL, NULL);
  g_autoptr(ArangoClient) client = test_client_new (emulator);
  g_autoptr(ArangoDatabase) database = test_open_database (client, "root", "");
  g_autoptr(ArangoCollection) notes = NULL;
  g_autoptr(JsonNode) note = note_with_text ("moved", 3000);
  g_autoptr(JsonObject) meta = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestAsync) async = TEST_ASYNC_INIT;

  arango_database_create_collection_async (database, "notes", NULL, NULL, test_async_ready, &async);
  notes = arango_database_create_collection_finish (database, test_async_wait (&async), &error);
  g_assert_no_error (error);

  arango_client_set_request_compression (client, 1024);
  emulator_process_stop_coordinator (emulator, 0);
  emulator_process_stop_coordinator (emulator, 1);
  emulator_process_start_coordinator (emulator, 1);

  /* Whichever coordinator the resolver picks first, the insert ends on
   * the one that runs, compressed. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("moved%u", i);

      json_object_set_string_member (json_node_get_object (note), "_key", id);
      arango_collection_insert_async (notes, note, ARANGO_DOCUMENT_FLAGS_NONE, NULL,
                                      test_async_ready, &async);
      g_clear_pointer (&meta, json_object_unref);
      meta = arango_collection_insert_finish (notes, test_async_wait (&async), &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (test_count_requests_to (emulator, 1, "POST", "/_api/document/notes"), ==, 2);
  {
    g_autoptr(JsonArray) requests = test_logged_requests (emulator, 1);
    guint compressed = 0;

    for (guint i = 0; i < json_array_get_length (requests); i++)
      {
        JsonObject *request = json_array_get_object_element (requests, i);

        if (g_str_equal (json_object_get_string_member (request, "method"), "POST") &&
            g_strcmp0 (header_of (request, "content-encoding"), "deflate") == 0)
          compressed++;
      }
    g_assert_cmpuint (compressed, ==, 2);
  }

  arango_collection_get_async (notes, "moved1", NULL, NULL, test_async_ready, &async);
  stored = arango_collection_get_finish (notes, test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (json_object_get_string_member (stored, "text")), ==, 3000);
}

/* Straight to the emulator, with libsoup: the library never sends a body
 * that does not match its Content-Encoding. */
static void
test_request_compression_garbage (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strdup_printf ("%s/_api/document/notes",
                                          emulator_process_get_host (fixture->emulator, 0));
  g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{\"not\":\"gzip\"}", 14);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Content-Encoding", "gzip");
  soup_message_set_request_body_from_bytes (message, "application/json", garbage);
  reply = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (soup_message_get_status (message), ==, 400);
  body = json_from_string (g_bytes_get_data (reply, NULL), &error);
  g_assert_no_error (error);
  object = json_node_get_object (body);
  g_assert_cmpint (json_object_get_int_member (object, "errorNum"), ==, ARANGO_SERVER_ERROR_BAD_PARAMETER);
  g_assert_cmpstr (json_object_get_string_member (object, "errorMessage"), ==, "decoding error");
}

static void
test_response_compression (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GError) error = NULL;

  insert_note (fixture, "long", 20000);
  control (fixture, "/_control/compress-responses?threshold=1000");

  stored = get_note (fixture, "long", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (json_object_get_string_member (stored, "text")), ==, 20000);

  request = last_request (fixture);
  g_assert_nonnull (strstr (header_of (request, "accept-encoding"), "gzip"));

  /* What went over the wire was compressed, as a client without a
   * decoder sees it. */
  {
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autofree char *uri = g_strdup_printf ("%s/_api/document/notes/long",
                                            emulator_process_get_host (fixture->emulator, 0));
    g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
    g_autoptr(GBytes) reply = NULL;
    const guint8 *data;
    gsize length = 0;

    soup_session_remove_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  "Accept-Encoding", "gzip");
    reply = soup_session_send_and_read (session, message, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (message), ==, 200);
    g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                   "Content-Encoding"), ==, "gzip");
    data = g_bytes_get_data (reply, &length);
    g_assert_cmpuint (length, <, 1000);
    g_assert_cmpuint (length, >, 2);
    g_assert_cmphex (data[0], ==, 0x1f);
    g_assert_cmphex (data[1], ==, 0x8b);
  }
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_queue_time (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  double seconds = -1.0;

  insert_note (fixture, "q", 10);
  request = last_request (fixture);
  g_assert_null (header_of (request, "x-arango-queue-time-seconds"));
  g_assert_cmpfloat (arango_client_get_last_queue_time (fixture->client), ==, 0.0);
  g_clear_pointer (&request, json_object_unref);

  g_signal_connect (fixture->client, "notify::last-queue-time", G_CALLBACK (on_notify), &notified);
  arango_client_set_max_queue_time (fixture->client, 2.5);
  control (fixture, "/_control/queue-time?seconds=0.25");

  stored = get_note (fixture, "q", &error);
  g_assert_no_error (error);
  request = last_request (fixture);
  g_assert_cmpstr (header_of (request, "x-arango-queue-time-seconds"), ==, "2.500000");
  g_object_get (fixture->client, "last-queue-time", &seconds, NULL);
  g_assert_cmpfloat_with_epsilon (seconds, 0.25, 1e-9);
  g_assert_cmpuint (notified, ==, 1);

  /* Invalid limits send none. */
  arango_client_set_max_queue_time (fixture->client, -3.0);
  g_assert_cmpfloat (arango_client_get_max_queue_time (fixture->client), ==, 0.0);
}

static void
test_queue_time_violated (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;

  insert_note (fixture, "busy", 10);
  control (fixture, "/_control/queue-time?seconds=3");
  g_object_set (fixture->client, "max-queue-time", 1.0, NULL);

  stored = get_note (fixture, "busy", &error);
  g_assert_null (stored);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_QUEUE_TIME_REQUIREMENT_VIOLATED);
  g_assert_nonnull (strstr (error->message, "queue time violated"));
  g_assert_nonnull (strstr (error->message, "412"));
  /* The refusal said how long the queue is. */
  g_assert_cmpfloat_with_epsilon (arango_client_get_last_queue_time (fixture->client), 3.0, 1e-9);
  g_clear_error (&error);

  /* A limit above the queue time passes. */
  arango_client_set_max_queue_time (fixture->client, 5.0);
  stored = get_note (fixture, "busy", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_clear_pointer (&stored, json_object_unref);

  /* Once the queue is short again, so is what the client reads. */
  control (fixture, "/_control/reset");
  stored = get_note (fixture, "busy", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (arango_client_get_last_queue_time (fixture->client), ==, 0.0);
}

static void
test_dirty_read_documents (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(JsonArray) keys = json_array_new ();
  g_autoptr(JsonArray) many = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exists;

  insert_note (fixture, "d", 10);

  stored = get_note (fixture, "d", &error);
  g_assert_no_error (error);
  request = last_request (fixture);
  g_assert_null (header_of (request, "x-arango-allow-dirty-read"));
  g_assert_false (arango_collection_get_last_read_potentially_dirty (fixture->notes));
  g_clear_pointer (&request, json_object_unref);
  g_clear_pointer (&stored, json_object_unref);

  g_object_set (fixture->notes, "allow-dirty-read", TRUE, NULL);
  g_assert_true (arango_collection_get_allow_dirty_read (fixture->notes));

  stored = get_note (fixture, "d", &error);
  g_assert_no_error (error);
  request = last_request (fixture);
  g_assert_cmpstr (header_of (request, "x-arango-allow-dirty-read"), ==, "true");
  g_assert_true (arango_collection_get_last_read_potentially_dirty (fixture->notes));
  g_clear_pointer (&request, json_object_unref);

  arango_collection_has_async (fixture->notes, "d", NULL, READY);
  exists = arango_collection_has_finish (fixture->notes, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (exists);
  request = last_request (fixture);
  g_assert_cmpstr (header_of (request, "x-arango-allow-dirty-read"), ==, "true");
  g_clear_pointer (&request, json_object_unref);

  json_array_add_string_element (keys, "d");
  arango_collection_get_many_async (fixture->notes, keys, NULL, READY);
  many = arango_collection_get_many_finish (fixture->notes, WAIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (many), ==, 1);
  request = last_request (fixture);
  g_assert_cmpstr (header_of (request, "x-arango-allow-dirty-read"), ==, "true");
  g_clear_pointer (&request, json_object_unref);

  /* Writes never ask for it. */
  insert_note (fixture, "w", 10);
  request = last_request (fixture);
  g_assert_null (header_of (request, "x-arango-allow-dirty-read"));
  g_clear_pointer (&request, json_object_unref);

  g_object_set (fixture->notes, "allow-dirty-read", FALSE, NULL);
  g_clear_pointer (&stored, json_object_unref);
  stored = get_note (fixture, "d", &error);
  g_assert_no_error (error);
  g_assert_false (arango_collection_get_last_read_potentially_dirty (fixture->notes));
}

static void
test_dirty_read_query (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(ArangoQueryOptions) options = arango_query_options_new ();
  g_autoptr(ArangoCursor) plain = NULL;
  g_autoptr(ArangoCursor) dirty = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GError) error = NULL;
  gboolean potentially_dirty = TRUE;

  arango_database_query_async (fixture->database, "RETURN 1", NULL, NULL, NULL, READY);
  plain = arango_database_query_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_object_get (plain, "potentially-dirty", &potentially_dirty, NULL);
  g_assert_false (potentially_dirty);

  g_object_set (options, "allow-dirty-read", TRUE, NULL);
  arango_database_query_async (fixture->database, "RETURN 1", NULL, options, NULL, READY);
  dirty = arango_database_query_finish (fixture->database, WAIT, &error);
  g_assert_no_error (error);
  g_assert_true (arango_cursor_get_potentially_dirty (dirty));
  request = last_request (fixture);
  g_assert_cmpstr (header_of (request, "x-arango-allow-dirty-read"), ==, "true");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/transport/compression/request", Fixture, NULL,
              fixture_set_up, test_request_compression, fixture_tear_down);
  g_test_add_func ("/transport/compression/request-failover", test_request_compression_failover);
  g_test_add ("/transport/compression/request-garbage", Fixture, NULL,
              fixture_set_up, test_request_compression_garbage, fixture_tear_down);
  g_test_add ("/transport/compression/response", Fixture, NULL,
              fixture_set_up, test_response_compression, fixture_tear_down);
  g_test_add ("/transport/queue-time/sent-and-read", Fixture, NULL,
              fixture_set_up, test_queue_time, fixture_tear_down);
  g_test_add ("/transport/queue-time/violated", Fixture, NULL,
              fixture_set_up, test_queue_time_violated, fixture_tear_down);
  g_test_add ("/transport/dirty-read/documents", Fixture, NULL,
              fixture_set_up, test_dirty_read_documents, fixture_tear_down);
  g_test_add ("/transport/dirty-read/query", Fixture, NULL,
              fixture_set_up, test_dirty_read_query, fixture_tear_down);

  return g_test_run ();
}
