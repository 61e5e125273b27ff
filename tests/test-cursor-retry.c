/* test-cursor-retry.c: a cursor with allow-retry fetches a batch whose
 * reply was lost again, by its number, and never skips one
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
  TestAsync async;
} Fixture;

#define WAIT (test_async_wait (&fixture->async))
#define READY test_async_ready, &fixture->async

/* Seven numbers in batches of two: [1,2] [3,4] [5,6] [7]. */
#define QUERY "FOR i IN 1..7 RETURN i"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->emulator = emulator_process_start (1, NULL, NULL);
  fixture->client = test_client_new (fixture->emulator);
  fixture->database = test_open_database (fixture->client, "root", "");
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
start_query (Fixture  *fixture,
             gboolean  allow_retry)
{
  return test_query_cursor (fixture->database, QUERY, 2, allow_retry);
}

static JsonArray *
next_batch (Fixture       *fixture,
            ArangoCursor  *cursor,
            GError       **error)
{
  arango_cursor_next_batch_async (cursor, NULL, READY);
  return arango_cursor_next_batch_finish (cursor, WAIT, error);
}

/* The batch as text, e.g. "[3,4]"; "null" at the end. */
static char *
next_batch_text (Fixture      *fixture,
                 ArangoCursor *cursor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = next_batch (fixture, cursor, &error);
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  if (batch == NULL)
    return g_strdup ("null");
  node = json_node_init_array (json_node_alloc (), batch);
  return json_to_string (node, FALSE);
}

static void
assert_next_batch (Fixture      *fixture,
                   ArangoCursor *cursor,
                   const char   *expected)
{
  g_autofree char *text = next_batch_text (fixture, cursor);

  g_assert_cmpstr (text, ==, expected);
}

/* Fetching the next batch under @fault fails as a broken connection. */
static void
assert_fetch_fails (Fixture      *fixture,
                    ArangoCursor *cursor,
                    const char   *fault,
                    guint         count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = NULL;

  emulator_process_set_fault (fixture->emulator, 0, fault, count, 0);
  batch = next_batch (fixture, cursor, &error);
  g_assert_error (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION);
  g_assert_null (batch);
  g_assert_true (arango_cursor_get_has_more (cursor));
}

static guint
requests_for_batch (Fixture      *fixture,
                    ArangoCursor *cursor,
                    const char   *batch_id)
{
  return test_count_batch_requests (fixture->emulator, 0, cursor, batch_id);
}

/* The one request a dropped connection or a garbled reply spoilt is made
 * again, and the same batch comes back, whether or not the server had
 * run the first one. */
static void
test_lost_reply_is_fetched_again (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  static const char * const faults[] = {
    "reset",             /* before the server saw it */
    "reset-mid-reply",   /* after it ran and sent half of the batch */
    "truncate",
    "garbage",
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(ArangoCursor) cursor = start_query (fixture, TRUE);

      g_test_message ("fault %s", faults[i]);
      assert_next_batch (fixture, cursor, "[1,2]");

      emulator_process_set_fault (fixture->emulator, 0, faults[i], 1, 0);
      assert_next_batch (fixture, cursor, "[3,4]");
      g_assert_cmpuint (requests_for_batch (fixture, cursor, "2"), ==, 2);

      assert_next_batch (fixture, cursor, "[5,6]");
      assert_next_batch (fixture, cursor, "[7]");
      assert_next_batch (fixture, cursor, "null");
      g_assert_cmpuint (requests_for_batch (fixture, cursor, "3"), ==, 1);
      g_assert_cmpuint (requests_for_batch (fixture, cursor, "4"), ==, 1);
    }
}

/* A reply that outlasts the request timeout: the batch ran on the server,
 * the retry gets it again. */
static void
test_timed_out_fetch_is_retried (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = start_query (fixture, TRUE);

  arango_client_set_request_timeout (fixture->client, 1);
  assert_next_batch (fixture, cursor, "[1,2]");

  emulator_process_set_fault (fixture->emulator, 0, "slow-body", 1, 3000);
  assert_next_batch (fixture, cursor, "[3,4]");
  g_assert_cmpuint (requests_for_batch (fixture, cursor, "2"), ==, 2);
  assert_next_batch (fixture, cursor, "[5,6]");
}

/* Three attempts, then the error; the cursor still knows which batch is
 * next, so a later call gets it. */
static void
test_gives_up_and_keeps_the_cursor (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = start_query (fixture, TRUE);

  assert_next_batch (fixture, cursor, "[1,2]");

  assert_fetch_fails (fixture, cursor, "reset", 0);
  g_assert_cmpuint (requests_for_batch (fixture, cursor, "2"), ==, 3);

  emulator_process_set_fault (fixture->emulator, 0, "none", 0, 0);
  assert_next_batch (fixture, cursor, "[3,4]");
  assert_next_batch (fixture, cursor, "[5,6]");
}

/* The server still works on the request whose reply was lost and says
 * the cursor is busy: the library asks again after a pause, and the batch
 * comes out whole and in its place. */
static void
test_busy_cursor_is_asked_again (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = start_query (fixture, TRUE);

  assert_next_batch (fixture, cursor, "[1,2]");

  emulator_process_set_fault (fixture->emulator, 0, "cursor-busy", 2, 0);
  assert_next_batch (fixture, cursor, "[3,4]");
  g_assert_cmpuint (requests_for_batch (fixture, cursor, "2"), ==, 3);

  assert_next_batch (fixture, cursor, "[5,6]");
  assert_next_batch (fixture, cursor, "[7]");
  assert_next_batch (fixture, cursor, "null");
}

/* Fetching the next batch of a cursor that stays busy fails with the
 * server's error. */
static void
assert_fetch_finds_it_busy (Fixture      *fixture,
                            ArangoCursor *cursor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = NULL;

  batch = next_batch (fixture, cursor, &error);
  g_assert_error (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CURSOR_BUSY);
  g_assert_nonnull (strstr (error->message, "[HTTP 409][ERR 1601] cursor is busy"));
  g_assert_null (batch);
  g_assert_true (arango_cursor_get_has_more (cursor));
}

/* Busy on every try: the server's 409/1601 after three, and the cursor
 * still asks for the same batch next. */
static void
test_busy_every_time_gives_up (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = start_query (fixture, TRUE);

  assert_next_batch (fixture, cursor, "[1,2]");

  emulator_process_set_fault (fixture->emulator, 0, "cursor-busy", 0, 0);
  assert_fetch_finds_it_busy (fixture, cursor);
  g_assert_cmpuint (requests_for_batch (fixture, cursor, "2"), ==, 3);

  emulator_process_set_fault (fixture->emulator, 0, "none", 0, 0);
  assert_next_batch (fixture, cursor, "[3,4]");
}

/* Without allow-retry the batch is asked for without its number, and
 * asking again could skip one: busy is the caller's error at once. */
static void
test_busy_without_allow_retry (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = start_query (fixture, FALSE);
  g_autofree char *path = g_strdup_printf ("/_api/cursor/%s", arango_cursor_get_id (cursor));

  assert_next_batch (fixture, cursor, "[1,2]");

  emulator_process_set_fault (fixture->emulator, 0, "cursor-busy", 1, 0);
  assert_fetch_finds_it_busy (fixture, cursor);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "POST", path), ==, 1);

  assert_next_batch (fixture, cursor, "[3,4]");
}

/* The server keeps a retriable cursor after its last batch; the library
 * deletes it once that batch is in. */
static void
test_deleted_after_last_batch (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = start_query (fixture, TRUE);
  g_autofree char *path = g_strdup_printf ("/_api/cursor/%s", arango_cursor_get_id (cursor));

  assert_next_batch (fixture, cursor, "[1,2]");
  assert_next_batch (fixture, cursor, "[3,4]");
  assert_next_batch (fixture, cursor, "[5,6]");
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "DELETE", path), ==, 0);
  assert_next_batch (fixture, cursor, "[7]");

  test_wait_for_request (fixture->emulator, 0, "DELETE", path);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "DELETE", path), ==, 1);
  assert_next_batch (fixture, cursor, "null");
}

/* Without allow-retry nothing changes: the batch is asked for without its
 * number, a broken connection is the caller's error, and the batch the
 * server sent into it is gone. */
static void
test_without_allow_retry (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(ArangoCursor) cursor = start_query (fixture, FALSE);
  g_autofree char *path = g_strdup_printf ("/_api/cursor/%s", arango_cursor_get_id (cursor));

  assert_next_batch (fixture, cursor, "[1,2]");

  assert_fetch_fails (fixture, cursor, "reset-mid-reply", 1);
  g_assert_cmpuint (test_count_requests_to (fixture->emulator, 0, "POST", path), ==, 1);
  g_assert_cmpuint (requests_for_batch (fixture, cursor, "2"), ==, 0);

  assert_next_batch (fixture, cursor, "[5,6]");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cursor-retry/lost-reply-is-fetched-again", test_lost_reply_is_fetched_again);
  ADD ("/cursor-retry/timed-out-fetch-is-retried", test_timed_out_fetch_is_retried);
  ADD ("/cursor-retry/gives-up-and-keeps-the-cursor", test_gives_up_and_keeps_the_cursor);
  ADD ("/cursor-retry/busy-cursor-is-asked-again", test_busy_cursor_is_asked_again);
  ADD ("/cursor-retry/busy-every-time-gives-up", test_busy_every_time_gives_up);
  ADD ("/cursor-retry/busy-without-allow-retry", test_busy_without_allow_retry);
  ADD ("/cursor-retry/deleted-after-last-batch", test_deleted_after_last_batch);
  ADD ("/cursor-retry/without-allow-retry", test_without_allow_retry);

#undef ADD

  return g_test_run ();
}
