/* emulator-query-cache.c: /_api/query-cache and /_api/query-plan-cache
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The results cache keeps the results of read-only queries by query text
 * and bind parameters, per database, when its mode is "on" (unless the
 * request says "cache": false) or "demand" (when it says "cache": true);
 * a write to a collection a cached query read drops the entry, as the
 * server's cache does. The plan cache keeps an entry per query text and
 * collection bind parameters for requests with options.usePlanCache; a
 * query whose plan came from there says so in planCacheKey, the entry's
 * hash (as the 3.12.4 release notes describe the attribute).
 * Answers as 3.12/Http*QueryResultsCache* and Http*QueryPlanCache* (all
 * _single) record them; the entries' hashes are the emulator's own.
 */

#include <string.h>

#include "emulator-query-cache.h"

#include "emulator-reply.h"
#include "emulator-router.h"

#define DEFAULT_MAX_RESULTS 128
#define DEFAULT_MAX_RESULTS_SIZE 268435456
#define DEFAULT_MAX_ENTRY_SIZE 16777216

typedef struct {
  char      *database;
  char      *query;
  JsonNode  *bind_vars;      /* an object */
  char      *key;            /* database, query and bind parameters */
  char     **data_sources;
  JsonArray *result;         /* results cache only */
  gsize      size;
  gdouble    run_time;
  gint64     created;        /* g_get_real_time () */
  guint64    hits;
  gboolean   full_count;     /* plan cache only */
} Entry;

struct _EmuQueryCache {
  char      *mode;           /* off, on, demand */
  gint64     max_results;
  gint64     max_results_size;
  gint64     max_entry_size;
  gboolean   include_system;
  GPtrArray *results;        /* Entry, oldest first */
  GPtrArray *plans;          /* Entry, oldest first */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->database);
  g_free (entry->query);
  json_node_unref (entry->bind_vars);
  g_free (entry->key);
  g_strfreev (entry->data_sources);
  g_clear_pointer (&entry->result, json_array_unref);
  g_free (entry);
}

void
emu_query_cache_free (EmuQueryCache *cache)
{
  g_free (cache->mode);
  g_ptr_array_unref (cache->results);
  g_ptr_array_unref (cache->plans);
  g_free (cache);
}

static EmuQueryCache *
get_cache (EmuState *state)
{
  if (state->query_cache == NULL)
    {
      EmuQueryCache *cache = g_new0 (EmuQueryCache, 1);

      cache->mode = g_strdup ("off");
      cache->max_results = DEFAULT_MAX_RESULTS;
      cache->max_results_size = DEFAULT_MAX_RESULTS_SIZE;
      cache->max_entry_size = DEFAULT_MAX_ENTRY_SIZE;
      cache->results = g_ptr_array_new_with_free_func (entry_free);
      cache->plans = g_ptr_array_new_with_free_func (entry_free);
      state->query_cache = cache;
    }
  return state->query_cache;
}

/* The bind parameters an entry is kept for: all of them, or (plans) only
 * the collection parameters, as values do not change a plan. */
static JsonNode *
entry_bind_vars (JsonNode *bind_vars,
                 gboolean  collections_only)
{
  JsonObject *out = json_object_new ();
  JsonNode *node;

  if (bind_vars != NULL && JSON_NODE_HOLDS_OBJECT (bind_vars))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (bind_vars));
      while (json_object_iter_next (&iter, &name, &value))
        if (!collections_only || name[0] == '@')
          json_object_set_member (out, name, json_node_copy (value));
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, out);
  return node;
}

/* The collections a query reads: those it names and those bound to its
 * @@ parameters. */
char **
emu_query_data_sources (EmuAqlQuery *query,
                        JsonNode    *bind_vars)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint i;

  for (i = 0; i < query->collections->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (query->collections, i));
  if (bind_vars != NULL && JSON_NODE_HOLDS_OBJECT (bind_vars))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (bind_vars));
      while (json_object_iter_next (&iter, &name, &value))
        if (name[0] == '@' && JSON_NODE_HOLDS_VALUE (value) &&
            json_node_get_value_type (value) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_node_get_string (value));
    }
  return g_strv_builder_end (builder);
}

static char *
entry_key (const char *database,
           const char *query,
           JsonNode   *bind_vars)
{
  g_autofree char *vars = json_to_string (bind_vars, FALSE);

  return g_strdup_printf ("%s\n%s\n%s", database, query, vars);
}

static Entry *
entry_new (const char  *database,
           EmuAqlQuery *query,
           JsonNode    *bind_vars,
           gboolean     for_plan)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->database = g_strdup (database);
  entry->query = g_strdup (query->text);
  entry->bind_vars = entry_bind_vars (bind_vars, for_plan);
  entry->key = entry_key (database, query->text, entry->bind_vars);
  entry->data_sources = emu_query_data_sources (query, bind_vars);
  entry->created = g_get_real_time ();
  return entry;
}

static Entry *
find_entry (GPtrArray  *entries,
            const char *key)
{
  guint i;

  for (i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->key, key))
        return entry;
    }
  return NULL;
}

gboolean
emu_query_cache_wanted (EmuState    *state,
                        JsonObject  *request,
                        EmuAqlQuery *query)
{
  EmuQueryCache *cache = get_cache (state);

  if (query->modifies)
    return FALSE;
  if (g_str_equal (cache->mode, "on"))
    return emu_json_get_boolean (request, "cache", TRUE);
  if (g_str_equal (cache->mode, "demand"))
    return emu_json_get_boolean (request, "cache", FALSE);
  return FALSE;
}

static gboolean
reads_system_collection (Entry *entry)
{
  guint i;

  for (i = 0; entry->data_sources[i] != NULL; i++)
    if (entry->data_sources[i][0] == '_')
      return TRUE;
  return FALSE;
}

/* Whether the cache may keep @entry at all, as QueryCache::store decides. */
static gboolean
fits (EmuQueryCache *cache,
      Entry         *entry)
{
  return (gint64) entry->size <= cache->max_entry_size &&
         (gint64) entry->size <= cache->max_results_size &&
         (cache->include_system || !reads_system_collection (entry));
}

/* Each database's results are limited in number and in total size; the
 * oldest go first. */
static void
enforce_limits (EmuQueryCache *cache,
                const char    *database)
{
  gint64 count = 0, size = 0;
  guint i;

  for (i = cache->results->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (cache->results, i - 1);

      if (!g_str_equal (entry->database, database))
        continue;
      if (count + 1 > cache->max_results || size + (gint64) entry->size > cache->max_results_size)
        {
          g_ptr_array_remove_index (cache->results, i - 1);
          continue;
        }
      count++;
      size += entry->size;
    }
}

/* The cached results (a new reference), or NULL; counts the hit. */
JsonArray *
emu_query_cache_lookup (EmuState    *state,
                        const char  *database,
                        EmuAqlQuery *query,
                        JsonNode    *bind_vars)
{
  g_autoptr(JsonNode) vars = entry_bind_vars (bind_vars, FALSE);
  g_autofree char *key = entry_key (database, query->text, vars);
  Entry *entry = find_entry (get_cache (state)->results, key);

  if (entry == NULL)
    return NULL;
  entry->hits++;
  return json_array_ref (entry->result);
}

void
emu_query_cache_store (EmuState    *state,
                       const char  *database,
                       EmuAqlQuery *query,
                       JsonNode    *bind_vars,
                       JsonArray   *result,
                       gdouble      run_time)
{
  EmuQueryCache *cache = get_cache (state);
  Entry *entry = entry_new (database, query, bind_vars, FALSE);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  json_node_set_array (node, result);
  text = json_to_string (node, FALSE);
  entry->result = json_array_ref (result);
  entry->size = strlen (text);
  entry->run_time = run_time;
  if (!fits (cache, entry))
    {
      entry_free (entry);
      return;
    }
  g_ptr_array_add (cache->results, entry);
  enforce_limits (cache, database);
}

static gboolean
reads (Entry      *entry,
       const char *database,
       const char *collection)
{
  return g_str_equal (entry->database, database) &&
         g_strv_contains ((const char * const *) entry->data_sources, collection);
}

/* All data changed at once (a hot backup restored): every cached result
 * is stale. */
void
emu_query_cache_forget (EmuState *state)
{
  if (state->query_cache != NULL)
    g_ptr_array_set_size (state->query_cache->results, 0);
}

void
emu_query_cache_invalidate (EmuState   *state,
                            const char *database,
                            const char *collection)
{
  EmuQueryCache *cache;
  guint i;

  if (state->query_cache == NULL)
    return;
  cache = state->query_cache;
  for (i = cache->results->len; i > 0; i--)
    if (reads (g_ptr_array_index (cache->results, i - 1), database, collection))
      g_ptr_array_remove_index (cache->results, i - 1);
}

/* The emulator's own hash of an entry: 64-bit FNV-1a of its key. */
static char *
entry_hash (Entry *entry)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  const char *c;

  for (c = entry->key; *c != '\0'; c++)
    {
      hash ^= (guchar) *c;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT, hash);
}

char *
emu_plan_cache_use (EmuState    *state,
                    const char  *database,
                    EmuAqlQuery *query,
                    JsonNode    *bind_vars,
                    gboolean     full_count)
{
  EmuQueryCache *cache = get_cache (state);
  Entry *entry = entry_new (database, query, bind_vars, TRUE);
  Entry *existing = find_entry (cache->plans, entry->key);

  if (existing != NULL)
    {
      existing->hits++;
      entry_free (entry);
      return entry_hash (existing);
    }
  entry->full_count = full_count;
  entry->size = 1024 + strlen (query->text);
  g_ptr_array_add (cache->plans, entry);
  return NULL;
}

static void
add_data_sources (JsonBuilder *builder,
                  Entry       *entry)
{
  guint i;

  json_builder_set_member_name (builder, "dataSources");
  json_builder_begin_array (builder);
  for (i = 0; entry->data_sources[i] != NULL; i++)
    json_builder_add_string_value (builder, entry->data_sources[i]);
  json_builder_end_array (builder);
}

static void
add_properties (JsonBuilder   *builder,
                EmuQueryCache *cache)
{
  emu_json_add_string (builder, "mode", cache->mode);
  emu_json_add_int (builder, "maxResults", cache->max_results);
  emu_json_add_int (builder, "maxResultsSize", cache->max_results_size);
  emu_json_add_int (builder, "maxEntrySize", cache->max_entry_size);
  emu_json_add_boolean (builder, "includeSystem", cache->include_system);
}

static void
handle_get_properties (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_properties (builder, get_cache (req->state));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* A size property: any number, truncated; one that is not positive is
 * refused (QueryCache::properties). */
static gboolean
get_size (EmuRequest *req,
          JsonObject *object,
          const char *name,
          gint64     *value)
{
  gdouble number;

  if (!emu_json_get_number (object, name, &number))
    return TRUE;
  if ((gint64) number <= 0)
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                        "invalid value for %s", name);
      return FALSE;
    }
  *value = (gint64) number;
  return TRUE;
}

/* Changed limits apply to what the cache holds, and a new mode starts
 * from an empty cache. */
static void
apply_properties (EmuQueryCache *cache,
                  const char    *mode)
{
  g_autoptr(GHashTable) databases = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer database;
  guint i;

  if (!g_str_equal (mode, cache->mode))
    {
      g_free (cache->mode);
      cache->mode = g_strdup (mode);
      g_ptr_array_set_size (cache->results, 0);
    }
  for (i = cache->results->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (cache->results, i - 1);

      if (fits (cache, entry))
        g_hash_table_add (databases, entry->database);
      else
        g_ptr_array_remove_index (cache->results, i - 1);
    }
  g_hash_table_iter_init (&iter, databases);
  while (g_hash_table_iter_next (&iter, &database, NULL))
    enforce_limits (cache, database);
}

/* Each property of the body replaces the current one when it has the
 * right type; a mode the server does not know is "off". */
static void
handle_set_properties (EmuRequest *req)
{
  EmuQueryCache *cache = get_cache (req->state);
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  JsonObject *object;
  const char *mode;
  gint64 max_results = cache->max_results;
  gint64 max_results_size = cache->max_results_size;
  gint64 max_entry_size = cache->max_entry_size;

  if (body == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "expecting a JSON-Object body");
      return;
    }
  object = json_node_get_object (body);
  if (!get_size (req, object, "maxResults", &max_results) ||
      !get_size (req, object, "maxResultsSize", &max_results_size) ||
      !get_size (req, object, "maxEntrySize", &max_entry_size))
    return;

  mode = emu_json_get_string (object, "mode");
  if (mode != NULL && !g_str_equal (mode, "on") && !g_str_equal (mode, "demand"))
    mode = "off";
  cache->max_results = max_results;
  cache->max_results_size = max_results_size;
  cache->max_entry_size = max_entry_size;
  cache->include_system = emu_json_get_boolean (object, "includeSystem", cache->include_system);
  apply_properties (cache, mode != NULL ? mode : cache->mode);
  handle_get_properties (req);
}

static void
reply_cleared (EmuRequest *req,
               GPtrArray  *entries)
{
  g_autoptr(JsonBuilder) builder = NULL;
  guint i;

  for (i = entries->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (entries, i - 1);

      if (g_str_equal (entry->database, req->database))
        g_ptr_array_remove_index (entries, i - 1);
    }
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_clear_results (EmuRequest *req)
{
  reply_cleared (req, get_cache (req->state)->results);
}

static void
handle_clear_plans (EmuRequest *req)
{
  reply_cleared (req, get_cache (req->state)->plans);
}

static void
add_result_entry (JsonBuilder *builder,
                  Entry       *entry,
                  const char  *hash,
                  const char  *created)
{
  emu_json_add_string (builder, "hash", hash);
  emu_json_add_string (builder, "query", entry->query);
  emu_json_add_node (builder, "bindVars", entry->bind_vars);
  emu_json_add_int (builder, "size", entry->size);
  emu_json_add_int (builder, "results", json_array_get_length (entry->result));
  emu_json_add_int (builder, "hits", entry->hits);
  emu_json_add_double (builder, "runTime", entry->run_time);
  emu_json_add_string (builder, "started", created);
  add_data_sources (builder, entry);
}

static void
add_plan_entry (JsonBuilder *builder,
                Entry       *entry,
                const char  *hash,
                const char  *created)
{
  emu_json_add_string (builder, "hash", hash);
  emu_json_add_string (builder, "query", entry->query);
  /* The server's hash of the query text alone, as a number. */
  emu_json_add_double (builder, "queryHash", (gdouble) g_str_hash (entry->query));
  emu_json_add_node (builder, "bindVars", entry->bind_vars);
  emu_json_add_boolean (builder, "fullCount", entry->full_count);
  add_data_sources (builder, entry);
  emu_json_add_string (builder, "created", created);
  emu_json_add_int (builder, "hits", entry->hits);
  emu_json_add_int (builder, "memoryUsage", entry->size);
}

typedef void (*AddEntry) (JsonBuilder *builder,
                          Entry       *entry,
                          const char  *hash,
                          const char  *created);

/* A bare array of the entries of the request's database. */
static void
reply_entries (EmuRequest *req,
               GPtrArray  *entries,
               AddEntry    add_entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_array (builder);
  for (i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *hash = NULL;
      g_autofree char *created = NULL;

      if (!g_str_equal (entry->database, req->database))
        continue;
      hash = entry_hash (entry);
      created = emu_format_iso_time (entry->created);
      json_builder_begin_object (builder);
      add_entry (builder, entry, hash, created);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_list_results (EmuRequest *req)
{
  reply_entries (req, get_cache (req->state)->results, add_result_entry);
}

static void
handle_list_plans (EmuRequest *req)
{
  reply_entries (req, get_cache (req->state)->plans, add_plan_entry);
}

/* What the handler answers for the other paths under /_api/query-cache
 * (a DELETE clears whatever follows). */
static void
handle_elsewhere (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                   g_str_equal (req->method, "PUT")
                   ? "expecting PUT /_api/query-cache/properties"
                   : "expecting GET /_api/query-cache/properties or /_api/query-cache/entries");
}

static const EmuRoute query_cache_routes[] = {
  { "GET", "/_api/query-cache/properties", handle_get_properties },
  { "PUT", "/_api/query-cache/properties", handle_set_properties },
  { "GET", "/_api/query-cache/entries", handle_list_results },
  { "DELETE", "/_api/query-cache", handle_clear_results },
  { "DELETE", "/_api/query-cache/{any}", handle_clear_results },
  { "GET", "/_api/query-cache", handle_elsewhere },
  { "GET", "/_api/query-cache/{any}", handle_elsewhere },
  { "PUT", "/_api/query-cache", handle_elsewhere },
  { "PUT", "/_api/query-cache/{any}", handle_elsewhere },
  { "GET", "/_api/query-plan-cache", handle_list_plans },
  { "DELETE", "/_api/query-plan-cache", handle_clear_plans },
};

void
emu_query_cache_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, query_cache_routes, G_N_ELEMENTS (query_cache_routes));
}
