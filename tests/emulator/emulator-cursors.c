/* emulator-cursors.c: the /_api/cursor endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The protocol of NOTES.md section 10 and 3.12/RestCursor*_single.json:
 * 201 with the first batch; "id" and "nextBatchId" only while hasMore;
 * an answer that fits one batch is built like the server's
 * handleQueryResult (result, hasMore, count, cached, extra), a cursor
 * batch like its dump (result, hasMore, id, count, extra, cached,
 * nextBatchId). Follow-ups answer 200; DELETE 202; a gone cursor 404/1600.
 * Without allowRetry the cursor goes away after its last batch. A cursor
 * expires ttl seconds (default 600, a Coordinator's --query.registry-ttl)
 * after its last use. Cursors are shared by all Coordinators; one that
 * did not create the cursor answers with x-arango-request-forwarded-to.
 */

#include "emulator-aql-exec.h"
#include "emulator-aql-builtins.h"
#include "emulator-aql-parser.h"
#include "emulator-aql-profile.h"
#include "emulator-faults.h"
#include "emulator-permissions.h"
#include "emulator-query-tracking.h"
#include "emulator-query-cache.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-transactions.h"
#include "emulator-value.h"

#define DEFAULT_BATCH_SIZE 1000
#define DEFAULT_TTL_SECONDS 600

typedef struct {
  char      *id;
  char      *database;
  char      *owner;          /* server id of the Coordinator that made it */
  JsonArray *result;
  guint      position;
  guint      batch_size;
  gint64     ttl_usec;
  gint64     expires;        /* g_get_monotonic_time () */
  gboolean   has_count;
  gboolean   allow_retry;
  JsonNode  *extra;
  guint64    next_batch_id;
  gboolean   cached;
  JsonNode  *last_body;      /* the last batch answered, for a retry */
  guint64    last_batch_id;
} EmuCursor;

static void
emu_cursor_free (gpointer data)
{
  EmuCursor *cursor = data;

  g_free (cursor->id);
  g_free (cursor->database);
  g_free (cursor->owner);
  json_array_unref (cursor->result);
  json_node_unref (cursor->extra);
  g_clear_pointer (&cursor->last_body, json_node_unref);
  g_free (cursor);
}

static GHashTable *
cursors_of (EmuState *state)
{
  if (state->cursors == NULL)
    state->cursors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, emu_cursor_free);
  return state->cursors;
}

static void
expire_cursors (EmuState *state)
{
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, cursors_of (state));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((EmuCursor *) value)->expires <= now)
      g_hash_table_iter_remove (&iter);
}

static const char *
server_id (EmuRequest *req)
{
  return req->coordinator != NULL ? req->coordinator->server_id : "";
}

static void
add_batch (JsonBuilder *builder,
           JsonArray   *result,
           guint        start,
           guint        length)
{
  guint i;

  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (i = start; i < start + length; i++)
    json_builder_add_value (builder, json_node_copy (json_array_get_element (result, i)));
  json_builder_end_array (builder);
}

/* Everything fits the first answer: no cursor is kept. */
static void
reply_complete (EmuRequest    *req,
                EmuAqlOutcome *outcome,
                gboolean       has_count,
                const char    *plan_cache_key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) extra = emu_aql_outcome_extra (outcome);
  guint n = json_array_get_length (outcome->result);

  json_builder_begin_object (builder);
  add_batch (builder, outcome->result, 0, n);
  emu_json_add_boolean (builder, "hasMore", FALSE);
  if (has_count)
    emu_json_add_int (builder, "count", n);
  emu_json_add_boolean (builder, "cached", outcome->cached);
  emu_json_add_node (builder, "extra", extra);
  if (plan_cache_key != NULL)
    emu_json_add_string (builder, "planCacheKey", plan_cache_key);
  emu_json_add_ok (builder, SOUP_STATUS_CREATED);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_CREATED, builder);
}

/* The next batch of @cursor; the answer body is kept for a retry. */
static JsonNode *
next_batch (EmuCursor *cursor,
            guint      code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint total = json_array_get_length (cursor->result);
  guint length = MIN (cursor->batch_size, total - cursor->position);
  gboolean has_more;

  json_builder_begin_object (builder);
  add_batch (builder, cursor->result, cursor->position, length);
  cursor->position += length;
  has_more = cursor->position < total;
  emu_json_add_boolean (builder, "hasMore", has_more);
  if (has_more)
    emu_json_add_string (builder, "id", cursor->id);
  if (cursor->has_count)
    emu_json_add_int (builder, "count", total);
  emu_json_add_node (builder, "extra", cursor->extra);
  emu_json_add_boolean (builder, "cached", cursor->cached);
  if (has_more)
    {
      g_autofree char *next = g_strdup_printf ("%" G_GUINT64_FORMAT, cursor->next_batch_id + 1);

      emu_json_add_string (builder, "nextBatchId", next);
    }
  emu_json_add_ok (builder, code);
  json_builder_end_object (builder);

  cursor->last_batch_id = cursor->next_batch_id++;
  g_clear_pointer (&cursor->last_body, json_node_unref);
  cursor->last_body = json_builder_get_root (builder);
  return json_node_ref (cursor->last_body);
}

typedef struct {
  const char *query;
  JsonNode   *bind_vars;
  gboolean    count;
  gboolean    full_count;
  gboolean    allow_retry;
  gboolean    use_plan_cache;
  char       *plan_cache_key;   /* the plan came from the plan cache */
  gboolean    stream;
  gdouble     batch_size;
  gdouble     ttl;
  guint       profile;
  gdouble     memory_limit;
  JsonObject *options;
} CursorRequest;

static void
cursor_request_clear (CursorRequest *request)
{
  g_clear_pointer (&request->plan_cache_key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CursorRequest, cursor_request_clear)

static gdouble
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (gdouble) G_USEC_PER_SEC;
}

/* options.profile: true is 1, numbers above 2 are 2. */
static guint
profile_level (JsonObject *options)
{
  JsonNode *value = options != NULL ? json_object_get_member (options, "profile") : NULL;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return 0;
  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (value) ? 1 : 0;
  if (!emu_value_is_number (value))
    return 0;
  return (guint) CLAMP (json_node_get_double (value), 0, 2);
}

/* FALSE after replying with the error. */
static gboolean
read_request (EmuRequest    *req,
              JsonNode      *body,
              CursorRequest *request)
{
  JsonObject *object = json_node_get_object (body);
  JsonNode *options = json_object_get_member (object, "options");
  JsonObject *options_object = options != NULL && JSON_NODE_HOLDS_OBJECT (options)
    ? json_node_get_object (options) : NULL;

  request->query = emu_json_get_string (object, "query");
  request->bind_vars = json_object_get_member (object, "bindVars");
  request->count = emu_json_get_boolean (object, "count", FALSE);
  request->full_count = emu_json_get_boolean (options_object, "fullCount", FALSE);
  request->allow_retry = emu_json_get_boolean (options_object, "allowRetry", FALSE);
  request->use_plan_cache = emu_json_get_boolean (options_object, "usePlanCache", FALSE);
  request->stream = emu_json_get_boolean (options_object, "stream", FALSE);
  request->batch_size = DEFAULT_BATCH_SIZE;
  request->ttl = DEFAULT_TTL_SECONDS;
  request->options = options_object;
  request->profile = profile_level (options_object);
  /* The body's memoryLimit, else the options' one; 0 is no limit (the
   * emulator's default: it has no --query.memory-limit). */
  if (!emu_json_get_number (object, "memoryLimit", &request->memory_limit) &&
      !emu_json_get_number (options_object, "memoryLimit", &request->memory_limit))
    request->memory_limit = 0;

  if (json_object_has_member (object, "batchSize") &&
      (!emu_json_get_number (object, "batchSize", &request->batch_size) ||
       request->batch_size < 1))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "expecting non-zero value for 'batchSize'");
      return FALSE;
    }
  if (json_object_has_member (object, "ttl") &&
      (!emu_json_get_number (object, "ttl", &request->ttl) || request->ttl <= 0))
    request->ttl = DEFAULT_TTL_SECONDS;

  return TRUE;
}

/* Runs the query, or takes its results from the query results cache
 * (outside stream transactions only: they see their own writes). */
static gboolean
run_query (EmuRequest      *req,
           EmuRequestScope *scope,
           CursorRequest   *request,
           JsonObject      *body,
           EmuAqlQuery     *query,
           EmuPlan         *plan,
           EmuAqlOutcome   *outcome,
           EmuAqlError     *error)
{
  EmuAqlRunOptions options = {
    .full_count = request->full_count,
    .profile = request->profile,
    .memory_limit = request->memory_limit >= 1 ? (guint64) request->memory_limit : 0,
    .plan = plan,
  };
  gboolean use_cache = scope->transaction == NULL &&
                       emu_query_cache_wanted (req->state, body, query);
  JsonObject *bind_vars = request->bind_vars != NULL && JSON_NODE_HOLDS_OBJECT (request->bind_vars)
    ? json_node_get_object (request->bind_vars) : NULL;

  if (request->use_plan_cache)
    request->plan_cache_key = emu_plan_cache_use (req->state, req->database, query,
                                                  request->bind_vars, request->full_count);
  if (use_cache &&
      (outcome->result = emu_query_cache_lookup (req->state, req->database, query,
                                                 request->bind_vars)) != NULL)
    {
      outcome->warnings = json_array_new ();
      outcome->full_count = -1;
      outcome->cached = TRUE;
      return TRUE;
    }

  if (!emu_aql_execute (req->state, &scope->view,
                        scope->transaction != NULL ? scope->transaction->writable : NULL,
                        query, bind_vars, &options, outcome, error))
    return FALSE;
  if (use_cache)
    emu_query_cache_store (req->state, req->database, query, request->bind_vars,
                           outcome->result, outcome->execution_time);
  return TRUE;
}

static void
handle_create (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(EmuAqlQuery) query = NULL;
  g_autoptr(EmuPlan) plan = NULL;
  EmuAqlError error = { 0 };
  EmuAqlOutcome outcome = { 0 };
  EmuAqlPhases phases = { 0 };
  gint64 started = g_get_monotonic_time (), parsed, planned;
  EmuRequestScope scope;
  g_auto(CursorRequest) request = { 0 };
  EmuCursor *cursor;
  g_autoptr(JsonNode) first = NULL;

  if (!emu_request_scope_init (&scope, req))
    return;

  /* No body at all is an empty query (RestCursorCreateCursorMissingBody). */
  if (g_bytes_get_size (req->body) == 0)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_QUERY_EMPTY, NULL);
      return;
    }
  if ((body = emu_request_parse_body (req)) == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_QUERY_EMPTY, NULL);
      return;
    }
  if (!read_request (req, body, &request))
    return;

  phases.initializing = seconds_since (started);
  parsed = g_get_monotonic_time ();
  query = emu_aql_parse (request.query, scope.database, &error);
  phases.parsing = seconds_since (parsed);
  /* Such a query runs (and can be killed) while it sleeps, and a killed
   * one writes nothing; the emulator's queries write as they are made. */
  if (query != NULL && query->modifies && emu_aql_query_calls (query, "SLEEP"))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_NOT_IMPLEMENTED,
                              "not implemented: SLEEP() in a data-modification query "
                              "is not supported by the emulator");
      return;
    }
  if (query == NULL ||
      !emu_aql_check_bind_vars (query, scope.database, request.bind_vars, &error) ||
      !emu_permissions_check_query (req, query, request.bind_vars, &error))
    {
      emu_reply_arango_error (req->msg, error.number, error.message);
      emu_aql_error_clear (&error);
      return;
    }
  if (scope.transaction != NULL)
    {
      g_auto(GStrv) read = emu_query_data_sources (query, request.bind_vars);

      if (!emu_request_scope_can_query (&scope, req, read, query->modifies))
        return;
    }

  /* The executor names plan nodes in memory errors and profiles. */
  planned = g_get_monotonic_time ();
  if (request.profile >= 2 || request.memory_limit >= 1)
    plan = emu_plan_new (query, scope.database, request.options, !req->state->single_server);
  phases.planning = seconds_since (planned);

  if (!run_query (req, &scope, &request, json_node_get_object (body), query, plan,
                  &outcome, &error))
    {
      emu_reply_arango_error (req->msg, error.number, error.message);
      emu_aql_error_clear (&error);
      emu_aql_outcome_clear (&outcome);
      return;
    }

  /* A query that called SLEEP() answers when its time is up, and runs
   * until then. */
  emu_query_tracking_ran (req, request.query, request.bind_vars, request.stream,
                          outcome.execution_time, outcome.sleep_seconds);

  /* A result from the query results cache has no profile. */
  if (request.profile >= 1 && !outcome.cached)
    {
      phases.executing = outcome.execution_time;
      phases.finalizing = seconds_since (planned) - phases.planning - phases.executing +
                          outcome.sleep_seconds;
      outcome.profile = emu_aql_profile_phases (req->state, &phases);
    }

  if (json_array_get_length (outcome.result) <= (guint) request.batch_size)
    {
      reply_complete (req, &outcome, request.count, request.plan_cache_key);
      emu_aql_outcome_clear (&outcome);
      return;
    }

  expire_cursors (req->state);
  cursor = g_new0 (EmuCursor, 1);
  cursor->id = emu_state_next_id (req->state);
  cursor->database = g_strdup (req->database);
  cursor->owner = g_strdup (server_id (req));
  cursor->result = json_array_ref (outcome.result);
  cursor->batch_size = (guint) MIN (request.batch_size, G_MAXUINT);
  cursor->ttl_usec = (gint64) (request.ttl * G_USEC_PER_SEC);
  cursor->expires = g_get_monotonic_time () + cursor->ttl_usec;
  cursor->has_count = request.count;
  cursor->allow_retry = request.allow_retry;
  cursor->extra = emu_aql_outcome_extra (&outcome);
  cursor->cached = outcome.cached;
  cursor->next_batch_id = 1;
  g_hash_table_insert (cursors_of (req->state), cursor->id, cursor);
  emu_aql_outcome_clear (&outcome);

  first = next_batch (cursor, SOUP_STATUS_CREATED);
  if (request.plan_cache_key != NULL)
    json_object_set_string_member (json_node_get_object (first), "planCacheKey",
                                   request.plan_cache_key);
  emu_reply_json (req->msg, SOUP_STATUS_CREATED, first);
}

static EmuCursor *
lookup_or_reply (EmuRequest *req)
{
  EmuCursor *cursor;

  expire_cursors (req->state);
  cursor = g_hash_table_lookup (cursors_of (req->state), emu_request_get_param (req, "id"));
  if (cursor == NULL || !g_str_equal (cursor->database, req->database))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_CURSOR_NOT_FOUND, NULL);
      return NULL;
    }

  cursor->expires = g_get_monotonic_time () + cursor->ttl_usec;
  if (!g_str_equal (cursor->owner, server_id (req)))
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "X-Arango-Request-Forwarded-To", cursor->owner);
  return cursor;
}

/* The cursor whose next batch @req asks for, unless the cursor-busy fault
 * finds it busy (3.12 RestCursorHandler: 409/1601 from the repository). */
static EmuCursor *
lookup_for_batch (EmuRequest *req)
{
  EmuCursor *cursor = lookup_or_reply (req);

  if (cursor != NULL && emu_faults_cursor_is_busy (req->coordinator))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_CURSOR_BUSY, NULL);
      return NULL;
    }
  return cursor;
}

static void
serve_next (EmuRequest *req,
            EmuCursor  *cursor)
{
  g_autoptr(JsonNode) body = next_batch (cursor, SOUP_STATUS_OK);

  emu_reply_json (req->msg, SOUP_STATUS_OK, body);

  /* Done: only a retriable cursor stays until DELETE or its ttl. */
  if (cursor->position >= json_array_get_length (cursor->result) && !cursor->allow_retry)
    g_hash_table_remove (cursors_of (req->state), cursor->id);
}

static void
handle_next (EmuRequest *req)
{
  EmuCursor *cursor = lookup_for_batch (req);

  if (cursor == NULL)
    return;
  if (cursor->position >= json_array_get_length (cursor->result))
    {
      /* A retriable cursor after its last batch has nothing more. */
      emu_reply_arango_error (req->msg, EMU_ERROR_CURSOR_NOT_FOUND, NULL);
      return;
    }
  serve_next (req, cursor);
}

/* POST /_api/cursor/{id}/{batchId}, as the server's showLatestBatch:
 * the next batch (with or without allowRetry, since 3.11.1), or the last
 * one again, exactly as it was sent (a first batch keeps its "code":201),
 * which only a cursor with allowRetry keeps. */
static void
handle_batch (EmuRequest *req)
{
  EmuCursor *cursor = lookup_for_batch (req);
  guint64 batch_id;

  if (cursor == NULL)
    return;

  batch_id = g_ascii_strtoull (emu_request_get_param (req, "batch"), NULL, 10);
  if (batch_id == cursor->last_batch_id && !cursor->allow_retry)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "expecting allowRetry option to be true");
      return;
    }
  if (batch_id == cursor->next_batch_id &&
      cursor->position < json_array_get_length (cursor->result))
    {
      serve_next (req, cursor);
      return;
    }
  if (batch_id != cursor->last_batch_id)
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_CURSOR_NOT_FOUND,
                       "batch id not found");
      return;
    }

  emu_reply_json (req->msg, SOUP_STATUS_OK, cursor->last_body);
}

static void
handle_delete (EmuRequest *req)
{
  EmuCursor *cursor = lookup_or_reply (req);
  g_autoptr(JsonBuilder) builder = NULL;

  if (cursor == NULL)
    return;

  /* {"id":"…","error":false,"code":202} */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", cursor->id);
  emu_json_add_ok (builder, SOUP_STATUS_ACCEPTED);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_ACCEPTED, builder);

  g_hash_table_remove (cursors_of (req->state), cursor->id);
}

/* PUT /_api/cursor without an id (3.12/RestCursorMissingCursorIdentifier_single.json). */
static void
handle_missing_id (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                   g_str_equal (req->method, "DELETE")
                     ? "expecting DELETE /_api/cursor/<cursor-id>"
                     : "expecting POST /_api/cursor/<cursor-id>");
}

static const EmuRoute cursor_routes[] = {
  { "POST", "/_api/cursor", handle_create },
  { "PUT", "/_api/cursor", handle_missing_id },
  { "DELETE", "/_api/cursor", handle_missing_id },
  { "POST", "/_api/cursor/{id}", handle_next },
  { "PUT", "/_api/cursor/{id}", handle_next },
  { "DELETE", "/_api/cursor/{id}", handle_delete },
  { "POST", "/_api/cursor/{id}/{batch}", handle_batch },
};

void
emu_cursors_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, cursor_routes, G_N_ELEMENTS (cursor_routes));
}
