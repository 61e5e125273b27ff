/* arango-query-options.c: the options of an AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-options-private.h"
#include "arango-query-options-private.h"

/**
 * ArangoQueryOptions:
 *
 * The options of an AQL query (`POST /_api/cursor`), as properties. Only
 * the options set to something other than their default are sent; the
 * others keep the server's defaults. A default is the server's own
 * (#ArangoQueryOptions:fill-block-cache %TRUE,
 * #ArangoQueryOptions:satellite-sync-wait 60), or 0, %FALSE or %NULL
 * standing for it.
 *
 * ```c
 * g_autoptr(ArangoQueryOptions) options =
 *   g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 500, "count", TRUE, NULL);
 * ```
 *
 * In Python: `Arango.QueryOptions(batch_size=500, count=True)`.
 */

/* Where each property goes, in the order of the property ids. */
static const ArangoOptionSpec option_specs[] = {
  { "count", "count" },
  { "batch-size", "batchSize" },
  { "ttl", "ttl" },
  { "memory-limit", "memoryLimit" },
  { "cache", "cache" },
  { "full-count", "options.fullCount" },
  { "stream", "options.stream" },
  { "fail-on-warning", "options.failOnWarning" },
  { "max-warning-count", "options.maxWarningCount" },
  { "max-runtime", "options.maxRuntime" },
  { "profile", "options.profile" },
  { "allow-retry", "options.allowRetry" },
  { "max-plans", "options.maxNumberOfPlans" },
  { "optimizer-rules", "options.optimizer.rules" },
  { "skip-inaccessible-collections", "options.skipInaccessibleCollections" },
  { "intermediate-commit-count", "options.intermediateCommitCount" },
  { "intermediate-commit-size", "options.intermediateCommitSize" },
  { "max-transaction-size", "options.maxTransactionSize" },
  { "allow-dirty-read", "x-arango-allow-dirty-read", TRUE },
  { "use-plan-cache", "options.usePlanCache" },
  { "fill-block-cache", "options.fillBlockCache" },
  { "satellite-sync-wait", "options.satelliteSyncWait" },
  { "force-one-shard-attribute-value", "options.forceOneShardAttributeValue" },
};

#define N_OPTIONS G_N_ELEMENTS (option_specs)

struct _ArangoQueryOptions
{
  GObject parent_instance;

  GValue values[N_OPTIONS];
};

G_DEFINE_FINAL_TYPE (ArangoQueryOptions, arango_query_options, G_TYPE_OBJECT)

static GParamSpec *properties[N_OPTIONS + 1];

static void
arango_query_options_class_init (ArangoQueryOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /**
   * ArangoQueryOptions:count:
   *
   * Whether the cursor reports the total number of results
   * (arango_cursor_get_count()).
   */
  /**
   * ArangoQueryOptions:batch-size: (getter get_batch_size) (setter set_batch_size)
   *
   * How many results one batch holds at most; 0 for the server's default
   * (1000).
   */
  /**
   * ArangoQueryOptions:ttl:
   *
   * Seconds the server keeps an idle cursor; 0 for the server's default.
   */
  /**
   * ArangoQueryOptions:memory-limit:
   *
   * The most memory, in bytes, the query may use; 0 for no limit.
   */
  /**
   * ArangoQueryOptions:cache:
   *
   * Whether the query results cache may answer the query.
   */
  /**
   * ArangoQueryOptions:full-count:
   *
   * Whether the statistics report `fullCount`, the number of results
   * without the last top-level `LIMIT`.
   */
  /**
   * ArangoQueryOptions:stream:
   *
   * Whether the query runs lazily, producing results as batches are
   * fetched, instead of all at once.
   */
  /**
   * ArangoQueryOptions:fail-on-warning:
   *
   * Whether a warning aborts the query.
   */
  /**
   * ArangoQueryOptions:max-warning-count:
   *
   * The most warnings reported; 0 for the server's default.
   */
  /**
   * ArangoQueryOptions:max-runtime:
   *
   * Seconds after which the server kills the query; 0 for no limit.
   */
  /**
   * ArangoQueryOptions:profile:
   *
   * 1 to return timing of the query's phases in the statistics, 2 to add
   * per-node details; 0 for none.
   */
  /**
   * ArangoQueryOptions:allow-retry:
   *
   * Whether a batch may be fetched again after a failed request (ArangoDB
   * 3.11 and later). The cursor then asks for each batch by its number,
   * and asks again when fetching one fails on the way, without losing or
   * skipping a batch; see #ArangoCursor.
   */
  /**
   * ArangoQueryOptions:max-plans:
   *
   * The most execution plans the optimizer considers; 0 for the default.
   */
  /**
   * ArangoQueryOptions:optimizer-rules:
   *
   * Optimizer rules to turn on (`+name`) or off (`-name`).
   */
  /**
   * ArangoQueryOptions:skip-inaccessible-collections:
   *
   * Whether collections the user may not read count as empty instead of
   * failing the query.
   */
  /**
   * ArangoQueryOptions:intermediate-commit-count:
   *
   * Operations after which a write query commits what it did so far.
   */
  /**
   * ArangoQueryOptions:intermediate-commit-size:
   *
   * Bytes after which a write query commits what it did so far.
   */
  /**
   * ArangoQueryOptions:max-transaction-size:
   *
   * The largest transaction, in bytes, the query may make.
   */
  /**
   * ArangoQueryOptions:allow-dirty-read:
   *
   * Whether followers may answer the read (sent as the
   * `x-arango-allow-dirty-read` header).
   */
  /**
   * ArangoQueryOptions:use-plan-cache:
   *
   * Whether the query takes its execution plan from the server's plan
   * cache, and puts it there when it is not yet (ArangoDB 3.12.4 and
   * later). A query served from the cache says so in
   * #ArangoCursor:plan-cache-key.
   */
  /**
   * ArangoQueryOptions:fill-block-cache:
   *
   * Whether the documents and index entries the query reads go into the
   * RocksDB block cache (the server's default). %FALSE keeps a query
   * that reads much data once from pushing the hot set out of the cache.
   */
  /**
   * ArangoQueryOptions:satellite-sync-wait:
   *
   * Seconds a DB-Server may wait for its SatelliteCollections to catch
   * up before the query fails (Enterprise Edition clusters); the
   * server's default is 60.
   */
  /**
   * ArangoQueryOptions:force-one-shard-attribute-value:
   *
   * The shard key value every document the query touches has, so that
   * a query in a OneShard or SmartGraph setup runs on the one DB-Server
   * holding it (Enterprise Edition clusters); %NULL for none. A wrong
   * value gives wrong results, not an error.
   */
  {
    const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;
    GParamSpec *specs[N_OPTIONS] = {
      g_param_spec_boolean ("count", NULL, NULL, FALSE, flags),
      g_param_spec_uint ("batch-size", NULL, NULL, 0, G_MAXUINT, 0, flags),
      g_param_spec_uint ("ttl", NULL, NULL, 0, G_MAXUINT, 0, flags),
      g_param_spec_uint64 ("memory-limit", NULL, NULL, 0, G_MAXUINT64, 0, flags),
      g_param_spec_boolean ("cache", NULL, NULL, FALSE, flags),
      g_param_spec_boolean ("full-count", NULL, NULL, FALSE, flags),
      g_param_spec_boolean ("stream", NULL, NULL, FALSE, flags),
      g_param_spec_boolean ("fail-on-warning", NULL, NULL, FALSE, flags),
      g_param_spec_uint ("max-warning-count", NULL, NULL, 0, G_MAXUINT, 0, flags),
      g_param_spec_double ("max-runtime", NULL, NULL, 0, G_MAXDOUBLE, 0, flags),
      g_param_spec_uint ("profile", NULL, NULL, 0, G_MAXUINT, 0, flags),
      g_param_spec_boolean ("allow-retry", NULL, NULL, FALSE, flags),
      g_param_spec_uint ("max-plans", NULL, NULL, 0, G_MAXUINT, 0, flags),
      g_param_spec_boxed ("optimizer-rules", NULL, NULL, G_TYPE_STRV, flags),
      g_param_spec_boolean ("skip-inaccessible-collections", NULL, NULL, FALSE, flags),
      g_param_spec_uint64 ("intermediate-commit-count", NULL, NULL, 0, G_MAXUINT64, 0, flags),
      g_param_spec_uint64 ("intermediate-commit-size", NULL, NULL, 0, G_MAXUINT64, 0, flags),
      g_param_spec_uint64 ("max-transaction-size", NULL, NULL, 0, G_MAXUINT64, 0, flags),
      g_param_spec_boolean ("allow-dirty-read", NULL, NULL, FALSE, flags),
      g_param_spec_boolean ("use-plan-cache", NULL, NULL, FALSE, flags),
      g_param_spec_boolean ("fill-block-cache", NULL, NULL, TRUE, flags),
      g_param_spec_double ("satellite-sync-wait", NULL, NULL, 0, G_MAXDOUBLE, 60, flags),
      g_param_spec_string ("force-one-shard-attribute-value", NULL, NULL, NULL, flags),
    };

    for (guint i = 0; i < N_OPTIONS; i++)
      {
        g_assert (g_str_equal (specs[i]->name, option_specs[i].property));
        properties[i + 1] = specs[i];
      }
  }

  arango_option_class_install (object_class, G_STRUCT_OFFSET (ArangoQueryOptions, values),
                               properties, N_OPTIONS);
}

static void
arango_query_options_init (ArangoQueryOptions *self)
{
  arango_option_values_init (self->values, properties, N_OPTIONS);
}

/**
 * arango_query_options_new:
 *
 * Creates query options that leave everything to the server's defaults.
 *
 * Returns: (transfer full): a new #ArangoQueryOptions
 */
ArangoQueryOptions *
arango_query_options_new (void)
{
  return g_object_new (ARANGO_TYPE_QUERY_OPTIONS, NULL);
}

/**
 * arango_query_options_set_batch_size: (set-property batch-size)
 * @self: an #ArangoQueryOptions
 * @batch_size: results per batch; 0 for the server's default
 *
 * Sets how many results one batch holds at most.
 */
void
arango_query_options_set_batch_size (ArangoQueryOptions *self,
                                     guint               batch_size)
{
  g_return_if_fail (ARANGO_IS_QUERY_OPTIONS (self));

  g_object_set (self, "batch-size", batch_size, NULL);
}

/**
 * arango_query_options_get_batch_size: (get-property batch-size)
 * @self: an #ArangoQueryOptions
 *
 * Gets how many results one batch holds at most.
 *
 * Returns: the batch size; 0 for the server's default
 */
guint
arango_query_options_get_batch_size (ArangoQueryOptions *self)
{
  guint batch_size = 0;

  g_return_val_if_fail (ARANGO_IS_QUERY_OPTIONS (self), 0);

  g_object_get (self, "batch-size", &batch_size, NULL);
  return batch_size;
}

/**
 * arango_query_options_set_count: (set-property count)
 * @self: an #ArangoQueryOptions
 * @count: whether the cursor reports the number of results
 *
 * Sets whether the cursor reports the total number of results.
 */
void
arango_query_options_set_count (ArangoQueryOptions *self,
                                gboolean            count)
{
  g_return_if_fail (ARANGO_IS_QUERY_OPTIONS (self));

  g_object_set (self, "count", count, NULL);
}

/**
 * arango_query_options_get_count: (get-property count)
 * @self: an #ArangoQueryOptions
 *
 * Gets whether the cursor reports the total number of results.
 *
 * Returns: %TRUE if it does
 */
gboolean
arango_query_options_get_count (ArangoQueryOptions *self)
{
  gboolean count = FALSE;

  g_return_val_if_fail (ARANGO_IS_QUERY_OPTIONS (self), FALSE);

  g_object_get (self, "count", &count, NULL);
  return count;
}

/* Writes the options that are set into the cursor request body (and its
 * headers). @self may be NULL. */
void
arango_query_options_apply (ArangoQueryOptions *self,
                            JsonObject         *body,
                            ArangoRequest      *request)
{
  if (self != NULL)
    arango_option_values_apply (self->values, properties, option_specs, N_OPTIONS,
                                body, request);
}
