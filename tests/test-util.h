/* test-util.h: waiting for async results in GTest programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <arango-glib/arango-glib.h>

#include "emulator-harness.h"

G_BEGIN_DECLS

/* Collects the result of one async call at a time:
 *
 *   g_auto(TestAsync) async = TEST_ASYNC_INIT;
 *   arango_cluster_server_id_async (cluster, NULL, test_async_ready, &async);
 *   id = arango_cluster_server_id_finish (cluster, test_async_wait (&async), &error);
 */
typedef struct
{
  GAsyncResult *pending;
  GAsyncResult *result;
} TestAsync;

#define TEST_ASYNC_INIT { NULL, NULL }

void          test_async_ready (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data);
GAsyncResult *test_async_wait  (TestAsync    *async);
void          test_async_clear (TestAsync    *async);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestAsync, test_async_clear)

ArangoDatabase *test_open_database (ArangoClient *client,
                                    const char   *username,
                                    const char   *password);
ArangoClient   *test_client_new    (EmulatorProcess *emulator);
char          **test_coordinator_ids (EmulatorProcess *emulator);
/* A JSON object from its text; the test fails if it is not one. */
JsonObject     *test_json_object   (const char *text);
/* Asserts that *error is the server's refusal with this HTTP status,
 * errorNum and errorMessage, in its message and its details, and clears
 * it. */
void            test_assert_refused (GError     **error,
                                     guint        status,
                                     gint         code,
                                     const char  *message);
/* Asserts what arango_server_error_get_http_status() and the other
 * getters give for @error: 0, -1 and NULL for no details. */
void            test_assert_details (const GError *error,
                                     guint         status,
                                     gint          error_number,
                                     const char   *server_message);
JsonArray      *test_logged_requests (EmulatorProcess *emulator,
                                      guint            index);
guint           test_count_requests_to (EmulatorProcess *emulator,
                                        guint            index,
                                        const char      *method,
                                        const char      *path);
/* Waits (up to five seconds), running the main context, until
 * coordinator @index has logged a request @method to @path, such as one
 * the library sends in passing. */
void            test_wait_for_request (EmulatorProcess *emulator,
                                       guint            index,
                                       const char      *method,
                                       const char      *path);
/* How many times coordinator @index was asked for batch @batch_id of
 * @cursor by its number, as a cursor that allows retries asks. */
guint           test_count_batch_requests (EmulatorProcess *emulator,
                                           guint            index,
                                           ArangoCursor    *cursor,
                                           const char      *batch_id);
/* Runs @aql to its cursor, @batch_size results a batch; the test fails if
 * the query does. */
ArangoCursor   *test_query_cursor  (ArangoDatabase *database,
                                    const char     *aql,
                                    guint           batch_size,
                                    gboolean        allow_retry);
char           *test_last_authorization (EmulatorProcess *emulator,
                                         guint            index);
char           *test_last_query    (EmulatorProcess *emulator,
                                    guint            index);
gboolean        test_coordinator_running      (EmulatorProcess *emulator,
                                               guint            index);
void            test_wait_coordinator_stopped (EmulatorProcess *emulator,
                                               guint            index);

G_END_DECLS
