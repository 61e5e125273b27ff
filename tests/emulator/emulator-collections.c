/* emulator-collections.c: the /_api/collection endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Property objects have the fields and order a Coordinator answers with
 * (3.12/RestGetShards_cluster.json without "shards"); the summary of
 * truncate and rename, and the list entries, follow
 * RestCollectionIdentifierTruncate_single.json and
 * RestCollectionGetAllCollections_single.json. Sub-resources answer with
 * a location header, as recorded. Create answers 200, not 201.
 */

#include <string.h>

#include "emulator-collections.h"
#include "emulator-index-def.h"
#include "emulator-permissions.h"
#include "emulator-query-cache.h"
#include "emulator-replication-limits.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-transactions.h"
#include "emulator-wal.h"

#define MAX_NAME_LENGTH 256

typedef enum {
  EXTRA_NONE,
  EXTRA_COUNT,
  EXTRA_FIGURES,
} Extra;

static void
add_collection_summary (JsonBuilder   *builder,
                        EmuCollection *collection)
{
  /* The fields and their order in
   * ../shared/arango-api/transcripts/3.12/RestCollectionGetAllCollections_single.json */
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", collection->id);
  emu_json_add_string (builder, "name", collection->name);
  emu_json_add_int (builder, "status", 3);
  emu_json_add_int (builder, "type", collection->type);
  emu_json_add_boolean (builder, "isSystem", collection->is_system);
  emu_json_add_string (builder, "globallyUniqueId", collection->globally_unique_id);
  json_builder_end_object (builder);
}

static void
add_key_options (JsonBuilder   *builder,
                 EmuCollection *collection,
                 gboolean       single_server)
{
  json_builder_set_member_name (builder, "keyOptions");
  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "allowUserKeys", collection->allow_user_keys);
  emu_json_add_string (builder, "type", collection->key_type);
  if (g_str_equal (collection->key_type, "autoincrement"))
    {
      emu_json_add_int (builder, "offset", collection->key_offset);
      emu_json_add_int (builder, "increment", collection->key_increment);
    }
  /* A Coordinator has no key generator state to show; a single server
   * does (3.12/RestCollectionGetCollectionCount_single.json). */
  if (single_server)
    emu_json_add_int (builder, "lastValue", collection->key_last_value);
  json_builder_end_object (builder);
}

static void
add_engine_index (JsonBuilder *builder,
                  const char  *type,
                  guint64      id,
                  guint        count)
{
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "type", type);
  emu_json_add_int (builder, "id", id);
  emu_json_add_int (builder, "count", count);
  json_builder_end_object (builder);
}

static void
add_engine_figures (JsonBuilder   *builder,
                    EmuCollection *collection,
                    guint          count)
{
  guint i;

  json_builder_set_member_name (builder, "engine");
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "documents", count);
  json_builder_set_member_name (builder, "indexes");
  json_builder_begin_array (builder);
  add_engine_index (builder, "primary", 0, count);
  if (collection->type == 3)
    add_engine_index (builder, "edge", 1, count);
  for (i = 0; i < collection->indexes->len; i++)
    {
      EmuIndex *index = g_ptr_array_index (collection->indexes, i);

      add_engine_index (builder, index->type,
                        g_ascii_strtoull (index->id, NULL, 10), count);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The sizes are the storage engine's estimates; the emulator stores
 * nothing on disk and says 0. ?details=true adds the engine's per-index
 * document counts (3.12/RestCollectionGetCollectionFiguresDetails_single.json). */
static void
add_figures (JsonBuilder   *builder,
             EmuRequest    *req,
             EmuCollection *collection,
             guint          count)
{
  json_builder_set_member_name (builder, "figures");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "indexes");
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "count", 1 + (collection->type == 3) + collection->indexes->len);
  emu_json_add_int (builder, "size", 0);
  json_builder_end_object (builder);
  emu_json_add_int (builder, "documentsSize", 0);
  emu_json_add_boolean (builder, "cacheInUse", FALSE);
  emu_json_add_int (builder, "cacheSize", 0);
  emu_json_add_int (builder, "cacheUsage", 0);
  if (emu_request_get_query_bool (req, "details", FALSE))
    add_engine_figures (builder, collection, count);
  json_builder_end_object (builder);
}

void
emu_collection_add_properties (JsonBuilder   *builder,
                               EmuRequest    *req,
                               EmuCollection *collection)
{
  gboolean single_server = req->state->single_server;

  emu_json_add_int (builder, "writeConcern", collection->write_concern);
  emu_json_add_boolean (builder, "waitForSync", collection->wait_for_sync);
  emu_json_add_boolean (builder, "usesRevisionsAsDocumentIds", TRUE);
  emu_json_add_boolean (builder, "syncByRevision", TRUE);
  emu_json_add_boolean (builder, "supportsRBAC", TRUE);
  if (!single_server)
    emu_json_add_string (builder, "shardingStrategy", "hash");
  emu_json_add_node (builder, "schema", collection->schema);
  if (!single_server)
    {
      emu_json_add_int (builder, "numberOfShards", collection->number_of_shards);
      emu_json_add_int (builder, "minReplicationFactor", collection->write_concern);
    }
  emu_json_add_string (builder, "id", collection->id);
  emu_json_add_boolean (builder, "isSmartChild", FALSE);
  emu_json_add_string (builder, "name", collection->name);
  emu_json_add_string (builder, "statusString", "loaded");
  if (!single_server)
    {
      emu_json_add_boolean (builder, "isSmart", FALSE);
      emu_json_add_int (builder, "replicationFactor", collection->replication_factor);
      /* Shown by name on a Coordinator, where the plan holds an id. */
      if (collection->distribute_shards_like != NULL)
        emu_json_add_string (builder, "distributeShardsLike", collection->distribute_shards_like);
    }
  emu_json_add_int (builder, "type", collection->type);
  emu_json_add_int (builder, "status", 3);
  emu_json_add_boolean (builder, "cacheEnabled", collection->cache_enabled);
  emu_json_add_boolean (builder, "isSystem", collection->is_system);
  emu_json_add_node (builder, "computedValues", collection->computed_values);
  emu_json_add_int (builder, "internalValidatorType", 0);
  emu_json_add_string (builder, "globallyUniqueId", collection->globally_unique_id);
  if (single_server)
    {
      /* The storage engine's id, which only a server holding the data has
       * (3.12/RestCollectionCreateCollection_single.json). */
      emu_json_add_string (builder, "objectId", collection->object_id);
    }
  else
    {
      json_builder_set_member_name (builder, "shardKeys");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "_key");
      json_builder_end_array (builder);
      emu_json_add_boolean (builder, "isDisjoint", FALSE);
    }
  add_key_options (builder, collection, single_server);
}

/* {"error":false,"code":200[, figures][, count], <properties>} */
static void
reply_properties (EmuRequest    *req,
                  EmuCollection *collection,
                  Extra          extra,
                  guint          count)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  if (extra == EXTRA_FIGURES)
    add_figures (builder, req, collection, count);
  if (extra != EXTRA_NONE)
    emu_json_add_int (builder, "count", count);
  emu_collection_add_properties (builder, req, collection);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* error, code[, count], globallyUniqueId, isSystem, status, type, name, id */
void
emu_collection_reply_summary (EmuRequest    *req,
               EmuCollection *collection,
               gboolean       with_count,
               guint          count)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  if (with_count)
    emu_json_add_int (builder, "count", count);
  emu_json_add_string (builder, "globallyUniqueId", collection->globally_unique_id);
  emu_json_add_boolean (builder, "isSystem", collection->is_system);
  emu_json_add_int (builder, "status", 3);
  emu_json_add_int (builder, "type", collection->type);
  emu_json_add_string (builder, "name", collection->name);
  emu_json_add_string (builder, "id", collection->id);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

void
emu_collection_set_location (EmuRequest *req,
                             const char *sub)
{
  g_autofree char *database = g_uri_escape_string (req->database, NULL, FALSE);
  g_autofree char *name = g_uri_escape_string (emu_request_get_param (req, "collection"),
                                               NULL, FALSE);
  g_autofree char *location = g_strdup_printf ("/_db/%s/_api/collection/%s/%s",
                                               database, name, sub);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Location", location);
}

EmuCollection *
emu_collection_find_or_reply (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  EmuCollection *collection =
    emu_database_find_collection (database, emu_request_get_param (req, "collection"));

  if (collection == NULL)
    emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND, NULL);
  return collection;
}

/* The change in the write-ahead log: a drop names the collection, a
 * create or rename carries its definition. */
static void
log_change (EmuRequest    *req,
            int            type,
            EmuCollection *collection)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) data = NULL;

  if (type != EMU_WAL_COLLECTION_DROP)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      emu_collection_add_properties (builder, req, collection);
      json_builder_end_object (builder);
      data = json_builder_get_root (builder);
    }
  emu_wal_log (req->state, type, req->database, collection, data);
}

/* Traditional collection names; a leading "_" only for system ones. */
static gboolean
is_valid_name (const char *name,
               gboolean    is_system)
{
  gsize length = strlen (name);
  gsize i;

  if (length == 0 || length > MAX_NAME_LENGTH)
    return FALSE;
  if (!g_ascii_isalpha (name[0]) && !(name[0] == '_' && is_system))
    return FALSE;

  for (i = 1; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '_' && name[i] != '-')
      return FALSE;

  return TRUE;
}

static void
handle_list (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  gboolean exclude_system = emu_request_get_query_bool (req, "excludeSystem", FALSE);
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);
  guint i;

  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (i = 0; i < database->collections->len; i++)
    {
      EmuCollection *collection = g_ptr_array_index (database->collections, i);

      if (!exclude_system || !collection->is_system)
        add_collection_summary (builder, collection);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static gboolean
get_uint (JsonObject *object,
          const char *name,
          guint64     minimum,
          guint64    *value)
{
  gdouble number;

  if (!json_object_has_member (object, name))
    return TRUE;
  if (!emu_json_get_number (object, name, &number) || number < minimum || number > G_MAXINT32)
    return FALSE;

  *value = (guint64) number;
  return TRUE;
}

/* The settings PUT /properties may change; FALSE for a bad value. */
static gboolean
apply_properties (EmuCollection *collection,
                  JsonObject    *request)
{
  JsonNode *schema = json_object_get_member (request, "schema");
  JsonNode *computed = json_object_get_member (request, "computedValues");
  guint64 replication = collection->replication_factor;
  guint64 write_concern = collection->write_concern;

  if (schema != NULL && !JSON_NODE_HOLDS_NULL (schema) && !JSON_NODE_HOLDS_OBJECT (schema))
    return FALSE;
  if (computed != NULL && !JSON_NODE_HOLDS_NULL (computed) && !JSON_NODE_HOLDS_ARRAY (computed))
    return FALSE;
  if (!get_uint (request, "replicationFactor", 1, &replication) ||
      !get_uint (request, "writeConcern", 1, &write_concern) ||
      !get_uint (request, "minReplicationFactor", 1, &write_concern))
    return FALSE;

  collection->wait_for_sync = emu_json_get_boolean (request, "waitForSync",
                                                    collection->wait_for_sync);
  collection->cache_enabled = emu_json_get_boolean (request, "cacheEnabled",
                                                    collection->cache_enabled);
  collection->replication_factor = replication;
  collection->write_concern = write_concern;
  if (schema != NULL)
    {
      g_clear_pointer (&collection->schema, json_node_unref);
      if (JSON_NODE_HOLDS_OBJECT (schema))
        collection->schema = json_node_copy (schema);
    }
  if (computed != NULL)
    {
      g_clear_pointer (&collection->computed_values, json_node_unref);
      if (JSON_NODE_HOLDS_ARRAY (computed))
        collection->computed_values = json_node_copy (computed);
    }

  return TRUE;
}

static gboolean
apply_key_options (EmuCollection *collection,
                   JsonObject    *request)
{
  JsonNode *node = json_object_get_member (request, "keyOptions");
  JsonObject *options;
  const char *type;
  guint64 increment = 1, offset = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  options = json_node_get_object (node);
  type = emu_json_get_string (options, "type");
  if (type == NULL)
    type = "traditional";
  if (!g_str_equal (type, "traditional") && !g_str_equal (type, "autoincrement") &&
      !g_str_equal (type, "uuid") && !g_str_equal (type, "padded"))
    return FALSE;
  if (!get_uint (options, "increment", 1, &increment) ||
      !get_uint (options, "offset", 0, &offset))
    return FALSE;

  g_free (collection->key_type);
  collection->key_type = g_strdup (type);
  collection->allow_user_keys = emu_json_get_boolean (options, "allowUserKeys", TRUE);
  collection->key_increment = increment;
  collection->key_offset = offset;
  return TRUE;
}

/* Whether a Coordinator checks the replication settings of a new
 * collection: ?enforceReplicationFactor=false skips the checks. */
static gboolean
enforces_replication (EmuRequest *req)
{
  return !req->state->single_server &&
         emu_request_get_query_bool (req, "enforceReplicationFactor", TRUE);
}

/* The request's replicationFactor, else the database's default; 0 (a
 * SatelliteCollection, whose write concern nothing checks) for
 * "satellite", and by default in a satellite database. */
static gdouble
requested_copies (EmuRequest *req,
                  JsonObject *request)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  gdouble replication = database->replication_factor;

  if (g_strcmp0 (emu_json_get_string (request, "replicationFactor"), "satellite") == 0)
    return 0;
  emu_json_get_number (request, "replicationFactor", &replication);
  return replication;
}

/* As the Coordinator reads the body (ClusteringMutableProperties): FALSE
 * after replying. */
static gboolean
check_replication_settings (EmuRequest *req,
                            JsonObject *request)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  gdouble replication = requested_copies (req, request);
  gdouble write_concern = database->write_concern;

  if (!enforces_replication (req))
    return TRUE;
  if (!emu_json_get_number (request, "writeConcern", &write_concern))
    emu_json_get_number (request, "minReplicationFactor", &write_concern);

  if (replication > EMU_MAX_REPLICATION_FACTOR)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       EMU_MAX_REPLICATION_FACTOR_MESSAGE);
      return FALSE;
    }
  if (replication >= 1 && write_concern > replication)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "writeConcern must not be higher than replicationFactor");
      return FALSE;
    }
  return TRUE;
}

/* Once the name is known to be free, the shards are placed: one DB-Server
 * for each copy (500/1487 otherwise). FALSE after replying. */
static gboolean
check_replication_fits (EmuRequest *req,
                        JsonObject *request)
{
  if (!enforces_replication (req) ||
      emu_replication_fits (req->state, requested_copies (req, request)))
    return TRUE;
  emu_reply_arango_error (req->msg, EMU_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS, NULL);
  return FALSE;
}

/* ArangoDB makes a SatelliteCollection of a user collection that asks
 * for one, or that names no replicationFactor in a satellite database
 * (whose default is 0). The emulator keeps none, so a Coordinator refuses
 * it as ArangoDB refuses a replicationFactor it does not take. FALSE after
 * replying. */
static gboolean
check_not_satellite (EmuRequest *req,
                     JsonObject *request,
                     gboolean    is_system)
{
  if (req->state->single_server || is_system || requested_copies (req, request) != 0)
    return TRUE;
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER, NULL);
  return FALSE;
}

/* In a OneShard database (sharding "single") a user collection has one
 * shard and follows the placement of _graphs, the sharding prototype,
 * whose copies it keeps: ClusterMethods forces numberOfShards and
 * distributeShardsLike, and the prototype's sharding settings win. */
static void
follow_graphs (EmuDatabase   *database,
               EmuCollection *collection)
{
  EmuCollection *prototype = emu_database_lookup_collection (database, "_graphs");

  collection->number_of_shards = 1;
  g_free (collection->distribute_shards_like);
  collection->distribute_shards_like = g_strdup ("_graphs");
  if (prototype != NULL)
    {
      collection->replication_factor = prototype->replication_factor;
      collection->write_concern = prototype->write_concern;
    }
}

static void
handle_create (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  EmuCollection *collection;
  JsonObject *request;
  const char *name;
  gboolean is_system;
  gdouble type = 2, shards = 1;

  if (body == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_ILLEGAL_NAME, NULL);
      return;
    }

  request = json_node_get_object (body);
  name = emu_json_get_string (request, "name");
  is_system = emu_json_get_boolean (request, "isSystem", FALSE);
  if (name == NULL || !is_valid_name (name, is_system))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_ILLEGAL_NAME, NULL);
      return;
    }
  if (json_object_has_member (request, "type") &&
      (!emu_json_get_number (request, "type", &type) || (type != 2 && type != 3)))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_COLLECTION_TYPE_INVALID, NULL);
      return;
    }
  if (json_object_has_member (request, "numberOfShards") &&
      (!emu_json_get_number (request, "numberOfShards", &shards) || shards < 1 || shards > 1000))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "invalid number of shards");
      return;
    }
  if (!check_replication_settings (req, request))
    return;
  if (emu_database_lookup_collection (database, name) != NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DUPLICATE_NAME, NULL);
      return;
    }
  if (!check_replication_fits (req, request) || !check_not_satellite (req, request, is_system))
    return;

  collection = emu_state_create_collection (req->state, database, name, (guint) type, is_system);
  collection->number_of_shards = (guint) shards;
  collection->replication_factor = emu_database_replication_factor (database);
  collection->write_concern = database->write_concern;
  if (!apply_key_options (collection, request))
    {
      emu_database_drop_collection (database, collection);
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_INVALID_KEY_GENERATOR, NULL);
      return;
    }
  if (!apply_properties (collection, request))
    {
      emu_database_drop_collection (database, collection);
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER, NULL);
      return;
    }
  if (!is_system && g_str_equal (database->sharding, "single"))
    follow_graphs (database, collection);

  log_change (req, EMU_WAL_COLLECTION_CREATE, collection);
  emu_permissions_grant_creator (req, collection->name);
  reply_properties (req, collection, EXTRA_NONE, 0);
}

static void
handle_get (EmuRequest *req)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);

  if (collection != NULL)
    emu_collection_reply_summary (req, collection, FALSE, 0);
}

static void
handle_properties (EmuRequest *req)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);

  if (collection == NULL)
    return;
  reply_properties (req, collection, EXTRA_NONE, 0);
  emu_collection_set_location (req, "properties");
}

/* count and truncate may run inside a stream transaction. */
static void
handle_count (EmuRequest *req)
{
  EmuRequestScope scope;
  EmuCollection *collection;

  if (!emu_request_scope_init (&scope, req) || (collection = emu_collection_find_or_reply (req)) == NULL ||
      !emu_request_scope_can_read (&scope, req, collection))
    return;
  reply_properties (req, collection, EXTRA_COUNT, emu_view_count (&scope.view, collection));
  emu_collection_set_location (req, "count");
}

static void
handle_figures (EmuRequest *req)
{
  EmuRequestScope scope;
  EmuCollection *collection;

  if (!emu_request_scope_init (&scope, req) || (collection = emu_collection_find_or_reply (req)) == NULL)
    return;
  reply_properties (req, collection, EXTRA_FIGURES, emu_view_count (&scope.view, collection));
  emu_collection_set_location (req, "figures");
}

/* Collections::updateProperties on a Coordinator, before it looks at the
 * values any further: no more copies, and no larger write concern, than
 * there are DB-Servers (500/1487). FALSE after replying. */
static gboolean
check_changed_replication (EmuRequest *req,
                           JsonObject *request)
{
  gdouble replication = 0, write_concern = 0;

  if (req->state->single_server)
    return TRUE;
  emu_json_get_number (request, "replicationFactor", &replication);
  /* The deprecated name counts only where the new one is missing. */
  emu_json_get_number (request,
                       json_object_has_member (request, "writeConcern")
                         ? "writeConcern" : "minReplicationFactor",
                       &write_concern);
  if (emu_replication_fits (req->state, replication) &&
      emu_replication_fits (req->state, write_concern))
    return TRUE;
  emu_reply_arango_error (req->msg, EMU_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS, NULL);
  return FALSE;
}

static void
handle_change_properties (EmuRequest *req)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);
  g_autoptr(JsonNode) body = NULL;

  if (collection == NULL || (body = emu_request_parse_body (req)) == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (body) && !check_changed_replication (req, json_node_get_object (body)))
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body) || !apply_properties (collection, json_node_get_object (body)))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER, NULL);
      return;
    }

  reply_properties (req, collection, EXTRA_NONE, 0);
  emu_collection_set_location (req, "properties");
}

static void
handle_truncate (EmuRequest *req)
{
  EmuRequestScope scope;
  EmuCollection *collection;

  if (!emu_request_scope_init (&scope, req) || (collection = emu_collection_find_or_reply (req)) == NULL ||
      !emu_request_scope_can_write (&scope, req, collection))
    return;

  emu_view_truncate (&scope.view, collection);
  emu_collection_reply_summary (req, collection, FALSE, 0);
  emu_collection_set_location (req, "truncate");
}

/* Renaming works as on a single server (3.12/RestCollectionIdentifierRename_single.json);
 * see README.md: real Coordinators do not support it. */
static void
handle_rename (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  EmuCollection *collection = emu_collection_find_or_reply (req);
  g_autoptr(JsonNode) body = NULL;
  const char *name;

  if (collection == NULL || (body = emu_request_parse_body (req)) == NULL)
    return;

  name = JSON_NODE_HOLDS_OBJECT (body)
    ? emu_json_get_string (json_node_get_object (body), "name")
    : NULL;
  if (name == NULL || !is_valid_name (name, collection->is_system))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_ILLEGAL_NAME, NULL);
      return;
    }
  if (collection->is_system)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_FORBIDDEN, NULL);
      return;
    }
  if (!g_str_equal (name, collection->name) &&
      emu_database_lookup_collection (database, name) != NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DUPLICATE_NAME, NULL);
      return;
    }

  /* Cached results of queries that named it by its old name are stale. */
  emu_query_cache_invalidate (req->state, req->database, collection->name);
  g_free (collection->name);
  collection->name = g_strdup (name);
  log_change (req, EMU_WAL_COLLECTION_RENAME, collection);
  emu_collection_reply_summary (req, collection, FALSE, 0);
  emu_collection_set_location (req, "rename");
}

static void
handle_load (EmuRequest *req)
{
  EmuRequestScope scope;
  EmuCollection *collection;

  if (!emu_request_scope_init (&scope, req) || (collection = emu_collection_find_or_reply (req)) == NULL)
    return;
  emu_collection_reply_summary (req, collection, TRUE, emu_view_count (&scope.view, collection));
  emu_collection_set_location (req, "load");
}

static void
handle_unload (EmuRequest *req)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);

  if (collection == NULL)
    return;
  emu_collection_reply_summary (req, collection, FALSE, 0);
  emu_collection_set_location (req, "unload");
}

/* {"error":false,"code":200,"result":true[,"count":n]} and a location. */
static void
reply_result (EmuRequest *req,
              const char *action,
              gboolean    with_count)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);
  g_autoptr(JsonBuilder) builder = NULL;

  if (collection == NULL)
    return;
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_boolean (builder, "result", TRUE);
  if (with_count)
    emu_json_add_int (builder, "count", g_hash_table_size (collection->documents));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
  emu_collection_set_location (req, action);
}

static void
handle_load_indexes (EmuRequest *req)
{
  reply_result (req, "loadIndexesIntoMemory", FALSE);
}

/* The stored count is always right here: recounting only reports it. A
 * single server adds the count, a Coordinator (which has the DB-Servers
 * recount) does not (arangod 3.12 RocksDBRestCollectionHandler and
 * ClusterRestCollectionHandler, handleExtraCommandPut); no recording
 * shows it. */
static void
handle_recalculate_count (EmuRequest *req)
{
  reply_result (req, "recalculateCount", req->state->single_server);
}

static void
handle_drop (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  EmuCollection *collection = emu_collection_find_or_reply (req);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *id = NULL;

  if (collection == NULL)
    return;
  if (collection->is_system && !emu_request_get_query_bool (req, "isSystem", FALSE))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_FORBIDDEN, NULL);
      return;
    }

  id = g_strdup (collection->id);
  log_change (req, EMU_WAL_COLLECTION_DROP, collection);
  emu_database_drop_collection (database, collection);

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_string (builder, "id", id);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* A sub-resource or action the server does not have: 404/404 once the
 * collection is found, as RestCollectionHandler answers (3.12 source). */
static void
handle_unknown_resource (EmuRequest *req)
{
  if (emu_collection_find_or_reply (req) == NULL)
    return;
  emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND,
                   "expecting one of the resources 'checksum', 'count', 'figures', "
                   "'properties', 'responsibleShard', 'revision', 'shards'");
}

static void
handle_unknown_action (EmuRequest *req)
{
  if (emu_collection_find_or_reply (req) == NULL)
    return;
  emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND,
                   "expecting one of the actions 'load', 'unload', 'truncate', "
                   "'properties', 'compact', 'rename', 'loadIndexesIntoMemory'");
}

/* Only the collection itself can be deleted; the server checks that
 * before looking it up. */
static void
handle_delete_below_collection (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                   "expected DELETE /_api/collection/<collection-name>");
}

/* A PUT needs a collection and an action (3.12/job_fetch_result_04_single.json). */
static void
handle_put_without_action (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                   "expected PUT /_api/collection/<collection-name>/<action>");
}

static const EmuRoute collection_routes[] = {
  { "GET", "/_api/collection", handle_list },
  { "PUT", "/_api/collection", handle_put_without_action },
  { "PUT", "/_api/collection/{collection}", handle_put_without_action },
  { "POST", "/_api/collection", handle_create },
  { "GET", "/_api/collection/{collection}", handle_get },
  { "DELETE", "/_api/collection/{collection}", handle_drop },
  { "GET", "/_api/collection/{collection}/properties", handle_properties },
  { "PUT", "/_api/collection/{collection}/properties", handle_change_properties },
  { "GET", "/_api/collection/{collection}/count", handle_count },
  { "GET", "/_api/collection/{collection}/figures", handle_figures },
  { "PUT", "/_api/collection/{collection}/truncate", handle_truncate },
  { "PUT", "/_api/collection/{collection}/rename", handle_rename },
  { "PUT", "/_api/collection/{collection}/load", handle_load },
  { "PUT", "/_api/collection/{collection}/unload", handle_unload },
  { "PUT", "/_api/collection/{collection}/loadIndexesIntoMemory", handle_load_indexes },
  { "PUT", "/_api/collection/{collection}/recalculateCount", handle_recalculate_count },
  /* Fewer literals: only what no route above names. */
  { "GET", "/_api/collection/{collection}/{resource}", handle_unknown_resource },
  { "PUT", "/_api/collection/{collection}/{action}", handle_unknown_action },
  { "DELETE", "/_api/collection/{collection}/{resource}", handle_delete_below_collection },
};

void
emu_collections_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, collection_routes, G_N_ELEMENTS (collection_routes));
}
