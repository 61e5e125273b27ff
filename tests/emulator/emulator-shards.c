/* emulator-shards.c: shards, their placement, and the agency jobs that move them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A collection gets its numberOfShards shards on first use, each on
 * replicationFactor DB-Servers (leader first), spread round robin, or
 * where the collection it follows (distributeShardsLike) has its. The
 * agency jobs of /_admin/cluster/moveShard, cleanOutServer and
 * resignLeadership take effect at once; their answers and errors are
 * those of RestAdminClusterHandler in the server source.
 */

#include "emulator-shards.h"

#include <string.h>

#include "emulator-collections.h"
#include "emulator-coordinator.h"
#include "emulator-index-def.h"
#include "emulator-reply.h"
#include "emulator-router.h"

/* The collection @collection follows (distributeShardsLike), in the
 * database that holds it; NULL if it follows none. */
static EmuCollection *
find_prototype (EmuState      *state,
                EmuCollection *collection)
{
  GHashTableIter iter;
  EmuDatabase *database;

  if (collection->distribute_shards_like == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, state->databases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &database))
    if (g_ptr_array_find (database->collections, collection, NULL))
      return emu_database_lookup_collection (database, collection->distribute_shards_like);
  return NULL;
}

/* The server shuffles the DB-Servers for each new collection; taking
 * them in turn spreads the leaders the same way, repeatably. Shard i of a
 * collection that follows another lives where shard i of that one does. */
GPtrArray *
emu_shards_of (EmuState      *state,
               EmuCollection *collection)
{
  guint n_servers = state->dbservers->len;
  guint copies = CLAMP (collection->replication_factor, 1, n_servers);
  EmuCollection *prototype;
  GPtrArray *followed = NULL;
  guint first;

  if (collection->shards != NULL)
    return collection->shards;

  prototype = find_prototype (state, collection);
  if (prototype != NULL)
    followed = emu_shards_of (state, prototype);
  first = state->next_leader;
  if (followed == NULL)
    state->next_leader = (state->next_leader + 1) % n_servers;

  collection->shards = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < MAX (collection->number_of_shards, 1); i++)
    {
      g_autofree char *id = emu_state_next_id (state);
      char **shard;

      if (followed != NULL && i < followed->len)
        {
          shard = g_strdupv (g_ptr_array_index (followed, i));
          g_free (shard[0]);
        }
      else
        {
          shard = g_new0 (char *, copies + 2);
          for (guint j = 0; j < copies; j++)
            shard[j + 1] = g_strdup (((EmuPeer *) g_ptr_array_index (state->dbservers,
                                                                     (first + i + j) % n_servers))->server_id);
        }
      shard[0] = g_strconcat ("s", id, NULL);
      g_ptr_array_add (collection->shards, shard);
    }
  return collection->shards;
}

/* Calls @func for every collection of every database. */
static void
foreach_collection (EmuState *state,
                    void    (*func) (EmuState *, EmuCollection *, gpointer),
                    gpointer  data)
{
  GHashTableIter iter;
  EmuDatabase *database;

  g_hash_table_iter_init (&iter, state->databases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &database))
    for (guint i = 0; i < database->collections->len; i++)
      func (state, g_ptr_array_index (database->collections, i), data);
}

/* As addToShardStatistics in the server's ClusterInfo.cpp: "shards"
 * counts every copy, leaders the first copy of each shard, realLeaders
 * those of collections that follow no other one. */
typedef struct {
  guint collections, shards, leaders, real_leaders, followers;
  GHashTable *servers;
} ShardCounts;

static void
count_shards (EmuState      *state,
              EmuCollection *collection,
              gpointer       data)
{
  ShardCounts *counts = data;
  GPtrArray *shards = emu_shards_of (state, collection);

  counts->collections++;
  for (guint i = 0; i < shards->len; i++)
    {
      char **shard = g_ptr_array_index (shards, i);

      for (guint j = 1; shard[j] != NULL; j++)
        {
          g_hash_table_add (counts->servers, shard[j]);
          counts->shards++;
          if (j > 1)
            counts->followers++;
          else
            {
              counts->leaders++;
              counts->real_leaders += collection->distribute_shards_like == NULL;
            }
        }
    }
}

void
emu_shards_add_statistics (JsonBuilder *builder,
                           EmuState    *state)
{
  g_autoptr(GHashTable) servers = g_hash_table_new (g_str_hash, g_str_equal);
  ShardCounts counts = { .servers = servers };
  guint databases = 0;
  GHashTableIter iter;
  EmuDatabase *database;

  g_hash_table_iter_init (&iter, state->databases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &database))
    databases += database->collections->len > 0;
  foreach_collection (state, count_shards, &counts);
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "databases", databases);
  emu_json_add_int (builder, "collections", counts.collections);
  emu_json_add_int (builder, "shards", counts.shards);
  emu_json_add_int (builder, "leaders", counts.leaders);
  emu_json_add_int (builder, "realLeaders", counts.real_leaders);
  emu_json_add_int (builder, "followers", counts.followers);
  emu_json_add_int (builder, "servers", g_hash_table_size (servers));
  json_builder_end_object (builder);
}

static void
add_shard_map (JsonBuilder *builder,
               GPtrArray   *shards)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < shards->len; i++)
    {
      char **shard = g_ptr_array_index (shards, i);

      json_builder_set_member_name (builder, shard[0]);
      json_builder_begin_array (builder);
      for (guint j = 1; shard[j] != NULL; j++)
        json_builder_add_string_value (builder, shard[j]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/* The properties with "shards" after "code", as
 * 3.12/RestGetShards_cluster.json and RestGetShardsWithDetails_cluster.json. */
static void
handle_shards (EmuRequest *req)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);
  g_autoptr(JsonBuilder) builder = NULL;
  GPtrArray *shards;

  if (collection == NULL)
    return;

  shards = emu_shards_of (req->state, collection);
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "shards");
  if (emu_request_get_query_bool (req, "details", FALSE))
    add_shard_map (builder, shards);
  else
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < shards->len; i++)
        json_builder_add_string_value (builder, ((char **) g_ptr_array_index (shards, i))[0]);
      json_builder_end_array (builder);
    }
  emu_collection_add_properties (builder, req, collection);
  json_builder_end_object (builder);
  emu_collection_set_location (req, "shards");
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* FNV-1a: the same key always lands on the same shard. The server hashes
 * the VelocyPack form of the shard keys; which shard a key maps to is not
 * something a client can rely on. */
static guint64
hash_key (const char *key)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (const guchar *p = (const guchar *) key; *p; p++)
    hash = (hash ^ *p) * G_GUINT64_CONSTANT (1099511628211);
  return hash;
}

static void
handle_responsible_shard (EmuRequest *req)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  GPtrArray *shards;
  const char *key;

  if (collection == NULL)
    return;
  body = emu_request_parse_body (req);
  if (body == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID, NULL);
      return;
    }
  key = emu_json_get_string (json_node_get_object (body), "_key");
  if (key == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_CLUSTER_NOT_ALL_SHARDING_ATTRIBUTES_GIVEN, NULL);
      return;
    }

  shards = emu_shards_of (req->state, collection);
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_string (builder, "shardId",
                       ((char **) g_ptr_array_index (shards, hash_key (key) % shards->len))[0]);
  json_builder_end_object (builder);
  emu_collection_set_location (req, "responsibleShard");
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* resolveServerNameID: a DB-Server's id, or its short name. */
static EmuPeer *
find_dbserver (EmuState   *state,
               const char *name)
{
  for (guint i = 0; i < state->dbservers->len; i++)
    {
      EmuPeer *peer = g_ptr_array_index (state->dbservers, i);

      if (g_strcmp0 (peer->server_id, name) == 0 || g_strcmp0 (peer->short_name, name) == 0)
        return peer;
    }
  return NULL;
}

static void
reply_job (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *job_id = emu_state_next_id (req->state);

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "error", FALSE);
  emu_json_add_int (builder, "code", SOUP_STATUS_ACCEPTED);
  emu_json_add_string (builder, "id", job_id);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_ACCEPTED, builder);
}

static int
server_position (char      **shard,
                 const char *server_id)
{
  for (int i = 1; shard[i] != NULL; i++)
    if (g_str_equal (shard[i], server_id))
      return i;
  return -1;
}

/* Puts @to where @from was; if @to already held a copy, that copy goes. */
static void
move_copy (char       **shard,
           int          from,
           const char  *to)
{
  int existing = server_position (shard, to);

  /* The agency's job fails for a move onto the same server; nothing changes. */
  if (existing == from)
    return;
  g_free (shard[from]);
  shard[from] = g_strdup (to);
  if (existing > 0)
    {
      g_free (shard[existing]);
      memmove (&shard[existing], &shard[existing + 1],
               (g_strv_length (shard) - existing) * sizeof (char *));
    }
}

/* Shard @index of the collections of @database following @prototype,
 * where they have their shards already (else they take the prototype's
 * when made). */
static void
move_followers (EmuDatabase   *database,
                EmuCollection *prototype,
                guint          index,
                int            from,
                const char    *to)
{
  for (guint i = 0; i < database->collections->len; i++)
    {
      EmuCollection *follower = g_ptr_array_index (database->collections, i);

      if (g_strcmp0 (follower->distribute_shards_like, prototype->name) == 0 &&
          follower->shards != NULL && index < follower->shards->len)
        move_copy (g_ptr_array_index (follower->shards, index), from, to);
    }
}

static void
handle_move_shard (EmuRequest *req)
{
  static const char usage[] = "object with keys `database`, `collection`, `shard`, "
                              "`fromServer` and `toServer` (all strings) expected";
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  JsonObject *object;
  const char *database_name, *collection_name, *shard_id, *from_name, *to_name;
  EmuDatabase *database;
  EmuCollection *collection;
  EmuPeer *from, *to;
  GPtrArray *shards;
  char **shard = NULL;
  guint shard_index;
  int position;

  if (body == NULL)
    return;
  object = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  collection_name = object ? emu_json_get_string (object, "collection") : NULL;
  shard_id = object ? emu_json_get_string (object, "shard") : NULL;
  from_name = object ? emu_json_get_string (object, "fromServer") : NULL;
  to_name = object ? emu_json_get_string (object, "toServer") : NULL;
  if (collection_name == NULL || shard_id == NULL || from_name == NULL || to_name == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER, usage);
      return;
    }

  database_name = emu_json_get_string (object, "database");
  database = emu_state_lookup_database (req->state, database_name ? database_name : req->database);
  collection = database ? emu_database_find_collection (database, collection_name) : NULL;
  if (collection == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND,
                       "database/collection not found");
      return;
    }
  from = find_dbserver (req->state, from_name);
  to = find_dbserver (req->state, to_name);
  if (from == NULL || to == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND,
                       "one or both dbservers not found");
      return;
    }
  shards = emu_shards_of (req->state, collection);
  for (shard_index = 0; shard_index < shards->len; shard_index++)
    if (g_str_equal (((char **) g_ptr_array_index (shards, shard_index))[0], shard_id))
      {
        shard = g_ptr_array_index (shards, shard_index);
        break;
      }
  if (shard == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND, "shard not found");
      return;
    }
  position = server_position (shard, from->server_id);
  if (position < 0)
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND,
                       "shard is not located on the server");
      return;
    }

  /* The agency's MoveShard job fails for a collection that follows
   * another, and moves the shard of every collection following this one
   * along with it. */
  if (collection->distribute_shards_like == NULL)
    {
      move_copy (shard, position, to->server_id);
      move_followers (database, collection, shard_index, position, to->server_id);
    }
  reply_job (req);
}

/* The {"server": …} of a single-server job, or NULL after answering. */
static const char *
job_server (EmuRequest *req,
            JsonNode   *body)
{
  const char *server = NULL;

  if (JSON_NODE_HOLDS_OBJECT (body))
    server = emu_json_get_string (json_node_get_object (body), "server");
  if (server == NULL)
    emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                     "object with key `server`");
  return server;
}

/* The supervision moves each copy on @data (the DB-Server being cleaned
 * out) to a DB-Server that holds none of that shard, if there is one. */
static void
clean_out_collection (EmuState      *state,
                      EmuCollection *collection,
                      gpointer       data)
{
  EmuPeer *leaving = data;
  GPtrArray *shards = emu_shards_of (state, collection);

  for (guint i = 0; i < shards->len; i++)
    {
      char **shard = g_ptr_array_index (shards, i);
      int position = server_position (shard, leaving->server_id);

      for (guint j = 0; position > 0 && j < state->dbservers->len; j++)
        {
          EmuPeer *other = g_ptr_array_index (state->dbservers, j);

          if (server_position (shard, other->server_id) < 0)
            {
              move_copy (shard, position, other->server_id);
              break;
            }
        }
    }
}

typedef struct {
  EmuPeer  *dbserver;
  gboolean  holds;
} HolderSearch;

static void
find_holder (EmuState      *state,
             EmuCollection *collection,
             gpointer       data)
{
  HolderSearch *search = data;
  GPtrArray *shards = emu_shards_of (state, collection);

  for (guint i = 0; i < shards->len && !search->holds; i++)
    search->holds = server_position (g_ptr_array_index (shards, i), search->dbserver->server_id) > 0;
}

static gboolean
holds_shards (EmuState *state,
              EmuPeer  *dbserver)
{
  HolderSearch search = { dbserver, FALSE };

  foreach_collection (state, find_holder, &search);
  return search.holds;
}

/* Leadership passes to the first follower; the resigning server stays a
 * follower. */
static void
resign_collection (EmuState      *state,
                   EmuCollection *collection,
                   gpointer       data)
{
  EmuPeer *resigning = data;
  GPtrArray *shards = emu_shards_of (state, collection);

  for (guint i = 0; i < shards->len; i++)
    {
      char **shard = g_ptr_array_index (shards, i);

      if (g_str_equal (shard[1], resigning->server_id) && shard[2] != NULL)
        {
          char *leader = shard[1];

          shard[1] = shard[2];
          shard[2] = leader;
        }
    }
}

/* POST {"server": …}: the server accepts the job for any name (the
 * supervision fails it later for one that is no DB-Server); for a
 * DB-Server @apply does to each collection what the job does, and the
 * DB-Server is returned. */
static EmuPeer *
run_server_job (EmuRequest *req,
                void      (*apply) (EmuState *, EmuCollection *, gpointer))
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  const char *server;
  EmuPeer *dbserver;

  if (body == NULL || (server = job_server (req, body)) == NULL)
    return NULL;

  dbserver = find_dbserver (req->state, server);
  if (dbserver != NULL)
    foreach_collection (req->state, apply, dbserver);
  reply_job (req);
  return dbserver;
}

/* A DB-Server that holds nothing any more is listed in cleanedServers of
 * /_admin/cluster/numberOfServers, as the finished job leaves it. */
static void
handle_clean_out_server (EmuRequest *req)
{
  EmuPeer *dbserver = run_server_job (req, clean_out_collection);

  if (dbserver != NULL && !holds_shards (req->state, dbserver))
    dbserver->cleaned_out = TRUE;
}

static void
handle_resign_leadership (EmuRequest *req)
{
  run_server_job (req, resign_collection);
}

static EmuCoordinator *
find_coordinator (EmuState   *state,
                  const char *name)
{
  for (guint i = 0; i < state->coordinators->len; i++)
    {
      EmuCoordinator *coordinator = g_ptr_array_index (state->coordinators, i);

      if (emu_coordinator_in_plan (coordinator) &&
          (g_str_equal (coordinator->server_id, name) || g_str_equal (coordinator->short_name, name)))
        return coordinator;
    }
  return NULL;
}

/* Only a server the supervision declared FAILED, and that holds no
 * shards, may go. The server retries for 60 s before it answers 412; the
 * emulator's state cannot change meanwhile, so it answers at once. */
static void
handle_remove_server (EmuRequest *req)
{
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  const char *server = NULL;
  EmuCoordinator *coordinator;

  if (body == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (body) && json_node_get_value_type (body) == G_TYPE_STRING)
    server = json_node_get_string (body);
  else if (JSON_NODE_HOLDS_OBJECT (body))
    server = emu_json_get_string (json_node_get_object (body), "server");
  if (server == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "expecting string or object with key `server`");
      return;
    }

  coordinator = find_coordinator (req->state, server);
  if (coordinator == NULL && find_dbserver (req->state, server) == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND, NULL);
      return;
    }
  if (coordinator == NULL || coordinator->running ||
      g_get_real_time () - coordinator->stopped_at < EMU_FAILED_AFTER_USEC)
    {
      emu_reply_error (req->msg, SOUP_STATUS_PRECONDITION_FAILED,
                       EMU_ERROR_HTTP_PRECONDITION_FAILED, "server may not be deleted");
      return;
    }

  coordinator->removed = TRUE;
  emu_reply_empty (req->msg, SOUP_STATUS_OK);
}

/* toVelocyPackForClusterInventory of the server source: the plan's
 * properties with the shard map, the indexes but the primary and edge
 * ones, and the plan's readiness. */
static void
add_inventory_entry (JsonBuilder   *builder,
                     EmuRequest    *req,
                     EmuCollection *collection)
{
  EmuState *state = req->state;
  g_autoptr(JsonArray) indexes = emu_collection_describe_indexes (collection);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_object (builder);
  emu_collection_add_properties (builder, req, collection);
  emu_json_add_string (builder, "planId", collection->id);
  json_builder_set_member_name (builder, "shards");
  add_shard_map (builder, emu_shards_of (state, collection));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "indexes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (indexes); i++)
    {
      JsonObject *index = json_array_get_object_element (indexes, i);
      const char *type = emu_json_get_string (index, "type");

      if (g_strcmp0 (type, "primary") != 0 && g_strcmp0 (type, "edge") != 0)
        json_builder_add_value (builder, json_node_copy (json_array_get_element (indexes, i)));
    }
  json_builder_end_array (builder);
  emu_json_add_int (builder, "planVersion", 1);
  emu_json_add_boolean (builder, "isReady", TRUE);
  emu_json_add_boolean (builder, "allInSync", TRUE);
  json_builder_end_object (builder);
}

static void
handle_cluster_inventory (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  gboolean include_system = emu_request_get_query_bool (req, "includeSystem", TRUE);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *tick = emu_state_next_id (req->state);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "collections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < database->collections->len; i++)
    {
      EmuCollection *collection = g_ptr_array_index (database->collections, i);

      if (include_system || !collection->is_system)
        add_inventory_entry (builder, req, collection);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "views");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  emu_json_add_string (builder, "tick", tick);
  emu_json_add_string (builder, "state", "unused");
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute shard_routes[] = {
  { "GET", "/_api/collection/{collection}/shards", handle_shards },
  { "PUT", "/_api/collection/{collection}/responsibleShard", handle_responsible_shard },
  { "POST", "/_admin/cluster/moveShard", handle_move_shard },
  { "POST", "/_admin/cluster/cleanOutServer", handle_clean_out_server },
  { "POST", "/_admin/cluster/resignLeadership", handle_resign_leadership },
  { "POST", "/_admin/cluster/removeServer", handle_remove_server },
  { "GET", "/_api/replication/clusterInventory", handle_cluster_inventory },
};

void
emu_shards_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, shard_routes, G_N_ELEMENTS (shard_routes));
}
