/* arango-query-options.c: the options of an AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-query-options-private.h"

/**
 * ArangoQueryOptions:
 *
 * The options of an AQL query (`POST /_api/cursor`), as properties. Only
 * the options that are set are sent; the others keep the server's
 * defaults.
 *
 * ```c
 * g_autoptr(ArangoQueryOptions) options =
 *   g_object_new (ARANGO_TYPE_QUERY_OPTIONS, "batch-size", 500, "count", TRUE, NULL);
 * ```
 *
 * In Python: `Arango.QueryOptions(batch_size=500, count=True)`.
 */

typedef enum {
  WHERE_TOP,      /* a member of the request body */
  WHERE_OPTIONS,  /* a member of the body's "options" */
  WHERE_HEADER,   /* a request header */
} Where;

typedef enum {
  KIND_BOOLEAN,
  KIND_UINT,
  KIND_UINT64,
  KIND_DOUBLE,
  KIND_STRV,
} Kind;

typedef struct
{
  const char *property;
  const char *json_name;
  Kind kind;
  Where where;
} OptionSpec;

/* Only set values are sent: FALSE, 0 and NULL mean "server default". */
static const OptionSpec option_specs[] = {
  { "count", "count", KIND_BOOLEAN, WHERE_TOP },
  { "batch-size", "batchSize", KIND_UINT, WHERE_TOP },
  { "ttl", "ttl", KIND_UINT, WHERE_TOP },
  { "memory-limit", "memoryLimit", KIND_UINT64, WHERE_TOP },
  { "cache", "cache", KIND_BOOLEAN, WHERE_TOP },
  { "full-count", "fullCount", KIND_BOOLEAN, WHERE_OPTIONS },
  { "stream", "stream", KIND_BOOLEAN, WHERE_OPTIONS },
  { "fail-on-warning", "failOnWarning", KIND_BOOLEAN, WHERE_OPTIONS },
  { "max-warning-count", "maxWarningCount", KIND_UINT, WHERE_OPTIONS },
  { "max-runtime", "maxRuntime", KIND_DOUBLE, WHERE_OPTIONS },
  { "profile", "profile", KIND_UINT, WHERE_OPTIONS },
  { "allow-retry", "allowRetry", KIND_BOOLEAN, WHERE_OPTIONS },
  { "max-plans", "maxNumberOfPlans", KIND_UINT, WHERE_OPTIONS },
  { "optimizer-rules", "optimizer", KIND_STRV, WHERE_OPTIONS },
  { "skip-inaccessible-collections", "skipInaccessibleCollections", KIND_BOOLEAN, WHERE_OPTIONS },
  { "intermediate-commit-count", "intermediateCommitCount", KIND_UINT64, WHERE_OPTIONS },
  { "intermediate-commit-size", "intermediateCommitSize", KIND_UINT64, WHERE_OPTIONS },
  { "max-transaction-size", "maxTransactionSize", KIND_UINT64, WHERE_OPTIONS },
  { "allow-dirty-read", "x-arango-allow-dirty-read", KIND_BOOLEAN, WHERE_HEADER },
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
arango_query_options_finalize (GObject *object)
{
  ArangoQueryOptions *self = ARANGO_QUERY_OPTIONS (object);

  for (guint i = 0; i < N_OPTIONS; i++)
    g_value_unset (&self->values[i]);

  G_OBJECT_CLASS (arango_query_options_parent_class)->finalize (object);
}

static void
arango_query_options_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ArangoQueryOptions *self = ARANGO_QUERY_OPTIONS (object);

  if (prop_id == 0 || prop_id > N_OPTIONS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_copy (&self->values[prop_id - 1], value);
}

static void
arango_query_options_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ArangoQueryOptions *self = ARANGO_QUERY_OPTIONS (object);

  if (prop_id == 0 || prop_id > N_OPTIONS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_copy (value, &self->values[prop_id - 1]);
}

static GParamSpec *
param_spec_for (const OptionSpec *spec)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  switch (spec->kind)
    {
    case KIND_BOOLEAN:
      return g_param_spec_boolean (spec->property, NULL, NULL, FALSE, flags);
    case KIND_UINT:
      return g_param_spec_uint (spec->property, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case KIND_UINT64:
      return g_param_spec_uint64 (spec->property, NULL, NULL, 0, G_MAXUINT64, 0, flags);
    case KIND_DOUBLE:
      return g_param_spec_double (spec->property, NULL, NULL, 0, G_MAXDOUBLE, 0, flags);
    case KIND_STRV:
    default:
      return g_param_spec_boxed (spec->property, NULL, NULL, G_TYPE_STRV, flags);
    }
}

static void
arango_query_options_class_init (ArangoQueryOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_query_options_finalize;
  object_class->get_property = arango_query_options_get_property;
  object_class->set_property = arango_query_options_set_property;

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
  for (guint i = 0; i < N_OPTIONS; i++)
    properties[i + 1] = param_spec_for (&option_specs[i]);

  g_object_class_install_properties (object_class, N_OPTIONS + 1, properties);
}

static void
arango_query_options_init (ArangoQueryOptions *self)
{
  for (guint i = 0; i < N_OPTIONS; i++)
    {
      g_value_init (&self->values[i], G_PARAM_SPEC_VALUE_TYPE (properties[i + 1]));
      g_param_value_set_default (properties[i + 1], &self->values[i]);
    }
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

static JsonNode *
json_for_value (const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (value) ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case G_TYPE_UINT:
      return g_value_get_uint (value) ? json_node_init_int (json_node_alloc (), g_value_get_uint (value)) : NULL;
    case G_TYPE_UINT64:
      return g_value_get_uint64 (value) ? json_node_init_int (json_node_alloc (), (gint64) g_value_get_uint64 (value)) : NULL;
    case G_TYPE_DOUBLE:
      return g_value_get_double (value) > 0 ? json_node_init_double (json_node_alloc (), g_value_get_double (value)) : NULL;
    default:
      {
        const char * const *rules = g_value_get_boxed (value);
        JsonObject *optimizer;
        JsonNode *node;
        JsonArray *list;

        if (rules == NULL || rules[0] == NULL)
          return NULL;
        list = json_array_new ();
        for (guint i = 0; rules[i]; i++)
          json_array_add_string_element (list, rules[i]);
        optimizer = json_object_new ();
        json_object_set_array_member (optimizer, "rules", list);
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, optimizer);
        return node;
      }
    }
}

/* Writes the options that are set into the cursor request body (and its
 * headers). @self may be NULL. */
void
arango_query_options_apply (ArangoQueryOptions *self,
                            JsonObject         *body,
                            ArangoRequest      *request)
{
  JsonObject *nested = NULL;

  if (self == NULL)
    return;

  for (guint i = 0; i < N_OPTIONS; i++)
    {
      JsonNode *value = json_for_value (&self->values[i]);

      if (value == NULL)
        continue;

      switch (option_specs[i].where)
        {
        case WHERE_TOP:
          json_object_set_member (body, option_specs[i].json_name, value);
          break;
        case WHERE_OPTIONS:
          if (nested == NULL)
            {
              nested = json_object_new ();
              json_object_set_object_member (body, "options", nested);
            }
          json_object_set_member (nested, option_specs[i].json_name, value);
          break;
        case WHERE_HEADER:
          arango_request_add_header (request, option_specs[i].json_name, "true");
          json_node_unref (value);
          break;
        }
    }
}
