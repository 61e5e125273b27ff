/* arango-cursor.c: the results of an AQL query, batch by batch
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-cursor-batch-private.h"
#include "arango-cursor-private.h"
#include "arango-error.h"
#include "arango-pause-private.h"
#include "arango-query-options-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

/**
 * ArangoCursor:
 *
 * The results of an AQL query, fetched one batch at a time. Get one with
 * arango_database_query_async().
 *
 * Call arango_cursor_next_batch_async() until it yields %NULL. The cursor
 * holds no more than the batch being fetched, so a query of millions of
 * results runs in the memory of one batch. Every follow-up request goes
 * to the coordinator that created the cursor: other coordinators do not
 * know it.
 *
 * ```c
 * static void
 * on_batch (GObject *source, GAsyncResult *result, gpointer user_data)
 * {
 *   ArangoCursor *cursor = ARANGO_CURSOR (source);
 *   g_autoptr(GError) error = NULL;
 *   g_autoptr(JsonArray) batch = arango_cursor_next_batch_finish (cursor, result, &error);
 *
 *   if (batch == NULL)
 *     return;   // error, or the end of the results
 *   // … use batch …
 *   arango_cursor_next_batch_async (cursor, NULL, on_batch, user_data);
 * }
 * ```
 *
 * A cursor dropped before its last batch is deleted on the server.
 *
 * With #ArangoQueryOptions:allow-retry (ArangoDB 3.11 and later), a batch
 * whose fetch failed on the way (the connection broke, the reply was cut
 * short or garbled, the attempt timed out) is asked for again, by its
 * number (`POST /_api/cursor/{id}/{batch}`), up to three times in all
 * (after a short pause when the server says the cursor is busy): the
 * server hands out the same batch again if it had already sent it, so
 * none is lost or skipped. Such a cursor is deleted on the server as soon
 * as its last batch is in, since the server would otherwise keep it for a
 * retry until its ttl runs out. [Failover](failover.html) has the rules.
 */

/* Attempts to fetch one batch of a cursor that allows retries: as many as
 * the client makes on one host by default. */
#define BATCH_TRIES 3

/* How long to wait before asking a busy cursor again, doubled each time:
 * the server is still answering the request whose reply was lost. */
#define BUSY_PAUSE_MS 10

struct _ArangoCursor
{
  GObject parent_instance;

  ArangoContext *context;
  ArangoHost *host;          /* the coordinator that holds the cursor */
  char *id;
  gint64 count;
  gboolean has_more;
  gboolean cached;
  JsonObject *statistics;
  JsonArray *warnings;
  JsonObject *profile;
  JsonObject *plan;
  char *plan_cache_key;
  ArangoCursorBatch first_batch;  /* until next_batch hands it out */
  gboolean allow_retry;
  char *next_batch_id;       /* the server's number of the next batch */
  guint tries;               /* of the batch being fetched */
  gboolean busy;
  gboolean potentially_dirty;
};

G_DEFINE_FINAL_TYPE (ArangoCursor, arango_cursor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_COUNT,
  PROP_HAS_MORE,
  PROP_CACHED,
  PROP_STATISTICS,
  PROP_WARNINGS,
  PROP_POTENTIALLY_DIRTY,
  PROP_PROFILE,
  PROP_PLAN,
  PROP_NODE_STATISTICS,
  PROP_PLAN_CACHE_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ArangoRequest *
cursor_request (ArangoCursor *self,
                const char   *method)
{
  ArangoRequest *request = arango_context_request (self->context, method,
                                                   "/_api/cursor", self->id, NULL);

  arango_request_pin_to_host (request, self->host);
  return request;
}

static void
on_deleted_in_passing (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ArangoResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL)
    g_debug ("Deleting an abandoned cursor failed: %s", error->message);
}

static void
delete_in_passing (ArangoCursor *self)
{
  arango_connection_send_async (self->context->client,
                                cursor_request (self, SOUP_METHOD_DELETE),
                                NULL, on_deleted_in_passing, NULL);
}

static void
arango_cursor_dispose (GObject *object)
{
  ArangoCursor *self = ARANGO_CURSOR (object);

  /* The server would keep the rest of the results until the cursor's ttl
   * runs out. */
  if (self->has_more && self->id != NULL)
    {
      self->has_more = FALSE;
      delete_in_passing (self);
    }

  G_OBJECT_CLASS (arango_cursor_parent_class)->dispose (object);
}

static void
arango_cursor_finalize (GObject *object)
{
  ArangoCursor *self = ARANGO_CURSOR (object);

  g_clear_pointer (&self->context, arango_context_unref);
  g_clear_pointer (&self->host, arango_host_unref);
  g_clear_pointer (&self->statistics, json_object_unref);
  g_clear_pointer (&self->warnings, json_array_unref);
  g_clear_pointer (&self->profile, json_object_unref);
  g_clear_pointer (&self->plan, json_object_unref);
  arango_cursor_batch_clear (&self->first_batch);
  g_free (self->plan_cache_key);
  g_free (self->id);
  g_free (self->next_batch_id);

  G_OBJECT_CLASS (arango_cursor_parent_class)->finalize (object);
}

static void
arango_cursor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ArangoCursor *self = ARANGO_CURSOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;
    case PROP_CACHED:
      g_value_set_boolean (value, self->cached);
      break;
    case PROP_STATISTICS:
      g_value_set_boxed (value, self->statistics);
      break;
    case PROP_POTENTIALLY_DIRTY:
      g_value_set_boolean (value, self->potentially_dirty);
      break;
    case PROP_WARNINGS:
      g_value_set_boxed (value, self->warnings);
      break;
    case PROP_PROFILE:
      g_value_set_boxed (value, self->profile);
      break;
    case PROP_PLAN:
      g_value_set_boxed (value, self->plan);
      break;
    case PROP_NODE_STATISTICS:
      g_value_set_boxed (value, arango_cursor_get_node_statistics (self));
      break;
    case PROP_PLAN_CACHE_KEY:
      g_value_set_string (value, self->plan_cache_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_cursor_class_init (ArangoCursorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = arango_cursor_dispose;
  object_class->finalize = arango_cursor_finalize;
  object_class->get_property = arango_cursor_get_property;

  /**
   * ArangoCursor:id: (getter get_id)
   *
   * The server's id of the cursor, or %NULL when every result came in the
   * first batch.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:count: (getter get_count)
   *
   * The total number of results when the query asked for it
   * (#ArangoQueryOptions:count), otherwise -1.
   */
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:has-more: (getter get_has_more)
   *
   * Whether the server holds more batches.
   */
  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:cached: (getter get_cached)
   *
   * Whether the results came from the query results cache.
   */
  properties[PROP_CACHED] =
    g_param_spec_boolean ("cached", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:statistics: (getter get_statistics)
   *
   * The query's statistics (`extra.stats`) as of the last batch.
   */
  properties[PROP_STATISTICS] =
    g_param_spec_boxed ("statistics", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:warnings: (getter get_warnings)
   *
   * The query's warnings (`extra.warnings`) as of the last batch.
   */
  properties[PROP_WARNINGS] =
    g_param_spec_boxed ("warnings", NULL, NULL, JSON_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:potentially-dirty: (getter get_potentially_dirty)
   *
   * Whether a batch so far may hold dirty data: the query allowed dirty
   * reads (#ArangoQueryOptions:allow-dirty-read) and the server says a
   * follower may have answered (`x-arango-potential-dirty-read`). Once
   * set, it stays set.
   */
  properties[PROP_POTENTIALLY_DIRTY] =
    g_param_spec_boolean ("potentially-dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:profile: (getter get_profile)
   *
   * How long each phase of a profiled query took (`extra.profile`), as of
   * the last batch; %NULL unless the query ran with
   * #ArangoQueryOptions:profile 1 or 2.
   */
  properties[PROP_PROFILE] =
    g_param_spec_boxed ("profile", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:plan: (getter get_plan)
   *
   * The execution plan a query profiled with #ArangoQueryOptions:profile
   * 2 ran (`extra.plan`: `nodes`, `rules`, `collections`, `variables`,
   * …); %NULL otherwise.
   */
  properties[PROP_PLAN] =
    g_param_spec_boxed ("plan", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:node-statistics: (getter get_node_statistics)
   *
   * What each node of the plan of a query profiled with
   * #ArangoQueryOptions:profile 2 did (`extra.stats.nodes`), as of the
   * last batch; %NULL otherwise.
   */
  properties[PROP_NODE_STATISTICS] =
    g_param_spec_boxed ("node-statistics", NULL, NULL, JSON_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoCursor:plan-cache-key: (getter get_plan_cache_key)
   *
   * The key of the cached execution plan the query ran, when it asked
   * for the plan cache (#ArangoQueryOptions:use-plan-cache) and the
   * cache had its plan; %NULL otherwise.
   */
  properties[PROP_PLAN_CACHE_KEY] =
    g_param_spec_string ("plan-cache-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_cursor_init (ArangoCursor *self)
{
  self->count = -1;
}

/* Keeps @object's @member in *@field when the reply has it. */
static void
take_object_member (JsonObject  *object,
                    const char  *member,
                    JsonObject **field)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  g_clear_pointer (field, json_object_unref);
  *field = json_object_ref (json_node_get_object (node));
}

/* Takes in one reply of the cursor API and its @batch. */
static gboolean
update_from_reply (ArangoCursor      *self,
                   ArangoResponse    *response,
                   ArangoCursorBatch *batch,
                   GError           **error)
{
  JsonObject *body;
  JsonNode *has_more, *node;

  if (response->body == NULL || !JSON_NODE_HOLDS_OBJECT (response->body))
    goto invalid;
  body = json_node_get_object (response->body);
  has_more = json_object_get_member (body, "hasMore");
  if (!arango_cursor_batch_take (batch, response) ||
      has_more == NULL || json_node_get_value_type (has_more) != G_TYPE_BOOLEAN)
    goto invalid;

  self->has_more = json_node_get_boolean (has_more);
  if (arango_response_is_potentially_dirty (response) && !self->potentially_dirty)
    {
      self->potentially_dirty = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POTENTIALLY_DIRTY]);
    }

  node = json_object_get_member (body, "id");
  if (node && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_free (self->id);
      self->id = g_strdup (json_node_get_string (node));
    }
  else if (self->has_more && self->id == NULL)
    goto invalid;

  /* Since 3.11, as a string; older servers send none. */
  node = json_object_get_member (body, "nextBatchId");
  g_clear_pointer (&self->next_batch_id, g_free);
  if (node && json_node_get_value_type (node) == G_TYPE_STRING)
    self->next_batch_id = g_strdup (json_node_get_string (node));

  node = json_object_get_member (body, "count");
  if (node && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      /* -1 means "not asked for": a server never counts below zero. */
      if (json_node_get_int (node) < 0)
        goto invalid;
      self->count = json_node_get_int (node);
    }

  node = json_object_get_member (body, "cached");
  if (node && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    self->cached = json_node_get_boolean (node);

  node = json_object_get_member (body, "extra");
  if (node && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *extra = json_node_get_object (node);
      JsonNode *stats = json_object_get_member (extra, "stats");
      JsonNode *warnings = json_object_get_member (extra, "warnings");

      if (stats && JSON_NODE_HOLDS_OBJECT (stats))
        {
          g_clear_pointer (&self->statistics, json_object_unref);
          self->statistics = json_object_ref (json_node_get_object (stats));
        }
      if (warnings && JSON_NODE_HOLDS_ARRAY (warnings))
        {
          g_clear_pointer (&self->warnings, json_array_unref);
          self->warnings = json_array_ref (json_node_get_array (warnings));
        }
      take_object_member (extra, "profile", &self->profile);
      take_object_member (extra, "plan", &self->plan);
    }

  node = json_object_get_member (body, "planCacheKey");
  if (node && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_free (self->plan_cache_key);
      self->plan_cache_key = g_strdup (json_node_get_string (node));
    }

  return TRUE;

invalid:
  arango_cursor_batch_clear (batch);
  g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY,
               _("The cursor reply of %s (HTTP %u) lacks “result”, “hasMore” or “id”, or has a negative “count”"),
               response->host->uri, response->status);
  return FALSE;
}

/* A cursor from the first reply of POST /_api/cursor; @allow_retry as the
 * query asked. */
ArangoCursor *
arango_cursor_new_from_reply (ArangoContext   *context,
                              ArangoResponse  *response,
                              gboolean         allow_retry,
                              GError         **error)
{
  g_autoptr(ArangoCursor) self = g_object_new (ARANGO_TYPE_CURSOR, NULL);

  /* A query run as an async job still fetches its batches directly. */
  self->context = arango_context_ref (arango_context_get_direct (context));
  self->host = arango_host_ref (response->host);
  self->allow_retry = allow_retry;
  if (!update_from_reply (self, response, &self->first_batch, error))
    {
      /* Nothing to delete on the server for a reply that made no sense. */
      self->has_more = FALSE;
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
return_cursor (GTask          *task,
               ArangoResponse *response,
               ArangoContext  *context,
               gboolean        allow_retry)
{
  GError *error = NULL;
  ArangoCursor *cursor = arango_cursor_new_from_reply (context, response, allow_retry, &error);

  if (cursor == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, cursor, g_object_unref);
}

static void
reply_cursor (GTask          *task,
              ArangoResponse *response,
              gconstpointer   context)
{
  return_cursor (task, response, (ArangoContext *) context, FALSE);
}

static void
reply_retriable_cursor (GTask          *task,
                        ArangoResponse *response,
                        gconstpointer   context)
{
  return_cursor (task, response, (ArangoContext *) context, TRUE);
}

/* The POST /_api/cursor request that runs @aql with @bind_vars and
 * @options; *allow_retry says whether the cursor may ask for a lost batch
 * again. */
ArangoRequest *
arango_query_request_new (ArangoContext       *context,
                          const char          *aql,
                          JsonObject          *bind_vars,
                          ArangoQueryOptions  *options,
                          gboolean            *allow_retry)
{
  g_autoptr(JsonObject) body = json_object_new ();
  ArangoRequest *request;

  json_object_set_string_member (body, "query", aql);
  if (bind_vars)
    json_object_set_object_member (body, "bindVars", json_object_ref (bind_vars));

  request = arango_context_request (context, SOUP_METHOD_POST, "/_api/cursor", NULL);
  arango_query_options_apply (options, body, request);
  arango_request_take_json_object (request, g_steal_pointer (&body));
  *allow_retry = FALSE;
  if (options != NULL)
    g_object_get (options, "allow-retry", allow_retry, NULL);
  return request;
}

/* Runs @aql through POST /_api/cursor in @context; the task's result is
 * the new ArangoCursor. The context must outlive the call: the caller's
 * source object holds it. */
void
arango_query_start (ArangoContext       *context,
                    gpointer             source_object,
                    const char          *aql,
                    JsonObject          *bind_vars,
                    ArangoQueryOptions  *options,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  gboolean allow_retry;
  ArangoRequest *request;

  if (aql == NULL || *aql == '\0')
    {
      g_task_report_new_error (source_object, callback, user_data, source_tag,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("The query is empty"));
      return;
    }

  request = arango_query_request_new (context, aql, bind_vars, options, &allow_retry);
  arango_request_defer_member (request, "result");
  arango_context_call (context, source_object, request,
                       allow_retry ? reply_retriable_cursor : reply_cursor, context,
                       source_tag, cancellable, callback, user_data);
}

/**
 * arango_cursor_get_id: (get-property id)
 * @self: an #ArangoCursor
 *
 * Gets the server's id of the cursor.
 *
 * Returns: (nullable): the id, or %NULL when the first batch held every
 *   result
 */
const char *
arango_cursor_get_id (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  return self->id;
}

/**
 * arango_cursor_get_count: (get-property count)
 * @self: an #ArangoCursor
 *
 * Gets the total number of results, when the query asked for it.
 *
 * Returns: the number of results, or -1 when unknown
 */
gint64
arango_cursor_get_count (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), -1);

  return self->count;
}

/**
 * arango_cursor_get_has_more: (get-property has-more)
 * @self: an #ArangoCursor
 *
 * Gets whether the server holds more batches.
 *
 * Returns: %TRUE if there are more batches to fetch
 */
gboolean
arango_cursor_get_has_more (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), FALSE);

  return self->has_more;
}

/**
 * arango_cursor_get_cached: (get-property cached)
 * @self: an #ArangoCursor
 *
 * Gets whether the results came from the query results cache.
 *
 * Returns: %TRUE if they did
 */
gboolean
arango_cursor_get_cached (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), FALSE);

  return self->cached;
}

/**
 * arango_cursor_get_statistics: (get-property statistics)
 * @self: an #ArangoCursor
 *
 * Gets the query's statistics as of the last batch: `writesExecuted`,
 * `scannedFull`, `filtered`, `executionTime`, `fullCount` (with
 * #ArangoQueryOptions:full-count), …
 *
 * Returns: (transfer none) (nullable): the statistics
 */
JsonObject *
arango_cursor_get_statistics (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  return self->statistics;
}

/**
 * arango_cursor_get_warnings: (get-property warnings)
 * @self: an #ArangoCursor
 *
 * Gets the query's warnings as of the last batch, each with `code` and
 * `message`.
 *
 * Returns: (transfer none) (nullable): the warnings
 */
JsonArray *
arango_cursor_get_warnings (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  return self->warnings;
}

/**
 * arango_cursor_get_profile: (get-property profile)
 * @self: an #ArangoCursor
 *
 * Gets how long each phase of a profiled query took, as of the last
 * batch: `parsing`, `optimizing plan`, `executing`, `finalizing`, … in
 * seconds. Only a query run with #ArangoQueryOptions:profile 1 or 2 has
 * one.
 *
 * Returns: (transfer none) (nullable): the phases, or %NULL
 */
JsonObject *
arango_cursor_get_profile (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  return self->profile;
}

/**
 * arango_cursor_get_plan: (get-property plan)
 * @self: an #ArangoCursor
 *
 * Gets the execution plan of a query run with #ArangoQueryOptions:profile
 * 2: its `nodes` (each with its `id` and `type`), the optimizer `rules`
 * applied, `collections`, `variables`, `estimatedCost`, ….
 *
 * Returns: (transfer none) (nullable): the plan, or %NULL
 */
JsonObject *
arango_cursor_get_plan (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  return self->plan;
}

/**
 * arango_cursor_get_node_statistics: (get-property node-statistics)
 * @self: an #ArangoCursor
 *
 * Gets what each node of the plan did in a query run with
 * #ArangoQueryOptions:profile 2, as of the last batch: one object per
 * node, with the plan node's `id`, how often it was `calls`ed, the
 * `items` it produced, those it `filtered` out, and its `runtime` in
 * seconds. The same list is `nodes` in arango_cursor_get_statistics().
 *
 * Returns: (transfer none) (nullable): the nodes' statistics, or %NULL
 */
JsonArray *
arango_cursor_get_node_statistics (ArangoCursor *self)
{
  JsonNode *nodes;

  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  if (self->statistics == NULL)
    return NULL;
  nodes = json_object_get_member (self->statistics, "nodes");
  return nodes != NULL && JSON_NODE_HOLDS_ARRAY (nodes) ? json_node_get_array (nodes) : NULL;
}

/**
 * arango_cursor_get_plan_cache_key: (get-property plan-cache-key)
 * @self: an #ArangoCursor
 *
 * Gets the key of the cached execution plan the query ran (ArangoDB
 * 3.12.4 and later). Only a query that asked for the plan cache
 * (#ArangoQueryOptions:use-plan-cache) has one, and only when the cache
 * had its plan already: the query that puts a plan into the cache has
 * none.
 *
 * Returns: (nullable): the key, or %NULL
 */
const char *
arango_cursor_get_plan_cache_key (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  return self->plan_cache_key;
}

/**
 * arango_cursor_get_potentially_dirty: (get-property potentially-dirty)
 * @self: an #ArangoCursor
 *
 * Tells whether a batch fetched so far may come from a follower that had
 * not caught up yet. Only queries that allowed dirty reads can be.
 *
 * Returns: %TRUE if the results may be dirty
 */
gboolean
arango_cursor_get_potentially_dirty (ArangoCursor *self)
{
  g_return_val_if_fail (ARANGO_IS_CURSOR (self), FALSE);

  return self->potentially_dirty;
}

static void
notify_progress (ArangoCursor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATISTICS]);
}

/* The next batch by its number where the server numbers them and the
 * query allowed retries: asking for it again is then safe, as the server
 * answers with the same batch whether or not it had already sent it. */
static ArangoRequest *
next_batch_request (ArangoCursor *self)
{
  ArangoRequest *request;

  if (!self->allow_retry || self->next_batch_id == NULL)
    request = cursor_request (self, SOUP_METHOD_POST);
  else
    {
      request = arango_context_request (self->context, SOUP_METHOD_POST, "/_api/cursor",
                                        self->id, self->next_batch_id, NULL);
      arango_request_pin_to_host (request, self->host);
      arango_request_set_idempotent (request, TRUE);
    }
  arango_request_defer_member (request, "result");
  return request;
}

/* What the way to the server spoilt, not what the server said; or the
 * server still busy with an earlier request for the batch. */
static gboolean
is_retriable (ArangoCursor *self,
              GError       *error)
{
  return self->allow_retry && self->next_batch_id != NULL &&
         self->tries < BATCH_TRIES &&
         (g_error_matches (error, ARANGO_ERROR, ARANGO_ERROR_CONNECTION) ||
          g_error_matches (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_REPLY) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
          g_error_matches (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CURSOR_BUSY));
}

static void on_next_batch (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
fetch_next_batch (ArangoCursor *self,
                  GTask        *task)
{
  self->tries++;
  arango_connection_send_async (self->context->client, next_batch_request (self),
                                g_task_get_cancellable (task), on_next_batch, task);
}

static void
fetch_after_pause (gpointer user_data)
{
  GTask *task = user_data;
  ArangoCursor *self = g_task_get_source_object (task);

  /* Sending would notice too, but only after the cursor is busy no more. */
  if (g_task_return_error_if_cancelled (task))
    {
      self->busy = FALSE;
      g_object_unref (task);
      return;
    }
  fetch_next_batch (self, task);
}

/* Asks again at once after a failure on the way; a busy cursor after a
 * pause, longer each time, in which cancelling ends the call. */
static void
fetch_again (ArangoCursor *self,
             GTask        *task,
             GError       *error)
{
  g_debug ("Fetching batch %s of cursor %s again (try %u): %s",
           self->next_batch_id, self->id, self->tries + 1, error->message);
  if (!g_error_matches (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CURSOR_BUSY))
    {
      fetch_next_batch (self, task);
      return;
    }
  arango_pause (g_task_get_context (task), BUSY_PAUSE_MS << (self->tries - 1),
                g_task_get_cancellable (task), fetch_after_pause, task);
}

static void
on_next_batch (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ArangoCursor *self = g_task_get_source_object (task);
  g_autoptr(ArangoResponse) response = NULL;
  GError *error = NULL;
  ArangoCursorBatch batch = { 0 };

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL && is_retriable (self, error))
    {
      fetch_again (self, g_steal_pointer (&task), error);
      g_error_free (error);
      return;
    }

  self->busy = FALSE;
  if (response == NULL)
    {
      /* The server no longer has it: there is nothing more to fetch. */
      if (g_error_matches (error, ARANGO_SERVER_ERROR, ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND))
        self->has_more = FALSE;
      g_task_return_error (task, error);
      return;
    }

  if (!update_from_reply (self, response, &batch, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The server keeps a retriable cursor for another try at its last
   * batch; that batch is in. */
  if (!self->has_more && self->allow_retry && self->id != NULL)
    delete_in_passing (self);
  notify_progress (self);
  arango_cursor_batch_return (&batch, task, GPOINTER_TO_INT (g_task_get_task_data (task)));
}

/* Fetches the next batch for the public calls, which differ only in the
 * @form in which they hand it out. */
void
arango_cursor_next_batch_start (ArangoCursor        *self,
                                ArangoBatchForm      form,
                                gpointer             source_tag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  if (self->busy)
    {
      g_task_report_new_error (self, callback, user_data, source_tag,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("A batch of this cursor is already being fetched"));
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GINT_TO_POINTER (form), NULL);

  if (arango_cursor_batch_is_set (&self->first_batch))
    {
      arango_cursor_batch_return (&self->first_batch, task, form);
      return;
    }
  if (!self->has_more)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  self->busy = TRUE;
  self->tries = 0;
  fetch_next_batch (self, g_steal_pointer (&task));
}

/**
 * arango_cursor_next_batch_async:
 * @self: an #ArangoCursor
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the batch is there
 * @user_data: data for @callback
 *
 * Gets the next batch of results. The first call hands out the batch that
 * came with the query; later ones ask the coordinator that holds the
 * cursor (`POST /_api/cursor/{id}`). One batch at a time: a call while
 * another is under way fails with %ARANGO_ERROR_INVALID_ARGUMENT.
 */
void
arango_cursor_next_batch_async (ArangoCursor        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CURSOR (self));

  arango_cursor_next_batch_start (self, ARANGO_BATCH_AS_JSON, arango_cursor_next_batch_async,
                                  cancellable, callback, user_data);
}

/**
 * arango_cursor_next_batch_finish:
 * @self: an #ArangoCursor
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cursor_next_batch_async().
 *
 * Returns: (transfer full) (nullable): the next batch of results, or
 *   %NULL at the end (with no error) or on an error, such as
 *   %ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND when the cursor expired
 */
JsonArray *
arango_cursor_next_batch_finish (ArangoCursor  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return arango_call_finish_pointer (self, result, arango_cursor_next_batch_async, error);
}

/**
 * arango_cursor_next_batch_sync:
 * @self: an #ArangoCursor
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cursor_next_batch_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full) (nullable): the next batch of results, or
 *   %NULL at the end (with no error) or on an error, such as
 *   %ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND when the cursor expired
 */
JsonArray *
arango_cursor_next_batch_sync (ArangoCursor        *self,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CURSOR (self), NULL);

  call = arango_sync_call_begin ();
  arango_cursor_next_batch_async (self, cancellable, arango_sync_call_done, call);
  return arango_cursor_next_batch_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_cursor_close_async:
 * @self: an #ArangoCursor
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the cursor is closed
 * @user_data: data for @callback
 *
 * Releases the cursor on the server (`DELETE /_api/cursor/{id}`) when it
 * still holds results; otherwise sends nothing. Dropping the last
 * reference to a cursor does the same, without waiting.
 */
void
arango_cursor_close_async (ArangoCursor        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CURSOR (self));

  arango_cursor_batch_clear (&self->first_batch);
  if (!self->has_more || self->id == NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, arango_cursor_close_async);
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->has_more = FALSE;
  arango_context_call (self->context, self, cursor_request (self, SOUP_METHOD_DELETE),
                       arango_reply_true, NULL, arango_cursor_close_async,
                       cancellable, callback, user_data);
}

/**
 * arango_cursor_close_finish:
 * @self: an #ArangoCursor
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_cursor_close_async().
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_cursor_close_finish (ArangoCursor  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return arango_call_finish_boolean (self, result, arango_cursor_close_async, error);
}

/**
 * arango_cursor_close_sync:
 * @self: an #ArangoCursor
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_cursor_close_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: %TRUE, or %FALSE with an error
 */
gboolean
arango_cursor_close_sync (ArangoCursor        *self,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CURSOR (self), FALSE);

  call = arango_sync_call_begin ();
  arango_cursor_close_async (self, cancellable, arango_sync_call_done, call);
  return arango_cursor_close_finish (self, arango_sync_call_wait (call), error);
}
