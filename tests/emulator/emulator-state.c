/* emulator-state.c: the in-memory state every coordinator shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-state.h"
#include "emulator-query-cache.h"
#include "emulator-query-tracking.h"
#include "emulator-wal.h"

#include "emulator-coordinator.h"
#include "emulator-index-def.h"
#include "emulator-listener.h"
#include "emulator-router.h"
#include "emulator-store.h"
#include "emulator-users.h"
#include "emulator-views.h"

#define EMU_N_AGENTS 3
/* --cluster.system-replication-factor: its default. */
#define EMU_SYSTEM_REPLICATION_FACTOR 2

/* The _system collections of a fresh deployment with the ids and order of
 * ../shared/arango-api/transcripts/3.12/RestCollectionGetAllCollections_single.json */
static const struct {
  const char *id;
  const char *name;
} system_collections[] = {
  { "12", "_apps" },
  { "5", "_statistics15" },
  { "11", "_jobs" },
  { "7", "_graphs" },
  { "13", "_appbundles" },
  { "6", "_statisticsRaw" },
  { "8", "_analyzers" },
  { "14", "_frontend" },
  { "10", "_queues" },
  { "4", "_statistics" },
  { "3", "_users" },
  { "9", "_aqlfunctions" },
};

/* The system collections of a database other than _system: those of
 * _system but for _users and the statistics. */
static const char *database_system_collections[] = {
  "_apps", "_jobs", "_graphs", "_appbundles", "_analyzers", "_frontend",
  "_queues", "_aqlfunctions",
};

/* Pregel's history of runs, a system collection of 3.11 only (3.11/
 * RestCollectionGetAllCollections_single.json; not in 3.10's, gone with
 * Pregel in 3.12).  Its status writer looks it up in the database the
 * run is in, so every database has one. */
#define PREGEL_COLLECTION "_pregel_queries"
#define PREGEL_COLLECTION_ID "15"

static gboolean
has_pregel_collection (EmuState *state)
{
  return emu_state_version_at_least (state, 3, 11, 0) &&
         !emu_state_version_at_least (state, 3, 12, 0);
}

/* Collections::createSystemCollectionProperties in the server source:
 * every system collection gets the system replication factor, and all but
 * the first one created (_users in _system, _graphs elsewhere) follow its
 * shard placement, which keeps a database's system collections together.
 * A single server keeps these properties too, but does not show them. */
static void
set_system_properties (EmuCollection *collection,
                       const char    *prototype)
{
  collection->replication_factor = EMU_SYSTEM_REPLICATION_FACTOR;
  if (!g_str_equal (collection->name, prototype))
    collection->distribute_shards_like = g_strdup (prototype);
}

/* Alphabet of the server's HybridLogicalClock::encodeTimeStamp, which
 * turns a _rev into text. */
static const char rev_alphabet[] =
  "-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static char *
new_server_id (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("%s-%s", prefix, uuid);
}

static EmuPeer *
emu_peer_new (EmuRole     role,
              const char *prefix,
              const char *short_prefix,
              guint       number,
              guint16     port)
{
  EmuPeer *peer = g_new0 (EmuPeer, 1);

  peer->role = role;
  peer->server_id = new_server_id (prefix);
  peer->short_name = short_prefix != NULL
    ? g_strdup_printf ("%s%04u", short_prefix, number)
    : NULL;
  peer->port = port;

  return peer;
}

static void
emu_peer_free (gpointer data)
{
  EmuPeer *peer = data;

  g_free (peer->server_id);
  g_free (peer->short_name);
  g_free (peer);
}

static void
emu_collection_free (gpointer data)
{
  EmuCollection *collection = data;

  g_free (collection->id);
  g_free (collection->name);
  g_free (collection->globally_unique_id);
  g_free (collection->object_id);
  g_free (collection->distribute_shards_like);
  g_clear_pointer (&collection->schema, json_node_unref);
  g_clear_pointer (&collection->computed_values, json_node_unref);
  g_free (collection->key_type);
  g_hash_table_unref (collection->documents);
  g_free (collection->revision);
  g_ptr_array_unref (collection->indexes);
  g_clear_pointer (&collection->shards, g_ptr_array_unref);
  g_free (collection);
}

static void
emu_database_free (gpointer data)
{
  EmuDatabase *database = data;

  g_free (database->id);
  g_free (database->name);
  g_ptr_array_unref (database->collections);
  g_clear_pointer (&database->views, g_ptr_array_unref);
  g_clear_pointer (&database->analyzers, g_ptr_array_unref);
  g_free (database);
}

static gpointer
copy_shard (gconstpointer shard,
            gpointer      unused)
{
  return g_strdupv ((char **) shard);
}

/* Keep in step with emu_collection_free (). Documents are immutable and
 * shared; everything else is copied. */
static EmuCollection *
emu_collection_copy (EmuCollection *collection)
{
  EmuCollection *copy = g_memdup2 (collection, sizeof *collection);
  GHashTableIter iter;
  gpointer key, document;
  guint i;

  copy->id = g_strdup (collection->id);
  copy->name = g_strdup (collection->name);
  copy->globally_unique_id = g_strdup (collection->globally_unique_id);
  copy->object_id = g_strdup (collection->object_id);
  copy->distribute_shards_like = g_strdup (collection->distribute_shards_like);
  copy->schema = collection->schema ? json_node_copy (collection->schema) : NULL;
  copy->computed_values = collection->computed_values ? json_node_copy (collection->computed_values) : NULL;
  copy->key_type = g_strdup (collection->key_type);
  copy->revision = g_strdup (collection->revision);
  copy->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) emu_document_unref);
  g_hash_table_iter_init (&iter, collection->documents);
  while (g_hash_table_iter_next (&iter, &key, &document))
    g_hash_table_insert (copy->documents, g_strdup (key), emu_document_ref (document));
  copy->indexes = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_index_free);
  for (i = 0; i < collection->indexes->len; i++)
    g_ptr_array_add (copy->indexes, emu_index_copy (g_ptr_array_index (collection->indexes, i)));
  if (collection->shards != NULL)
    copy->shards = g_ptr_array_copy (collection->shards, copy_shard, NULL);
  return copy;
}

/* A copy of every database, for a hot backup and its restore. */
GHashTable *
emu_state_copy_databases (GHashTable *databases)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, emu_database_free);
  GHashTableIter iter;
  EmuDatabase *database;
  guint i;

  g_hash_table_iter_init (&iter, databases);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &database))
    {
      EmuDatabase *database_copy = g_new0 (EmuDatabase, 1);

      database_copy->state = database->state;
      database_copy->id = g_strdup (database->id);
      database_copy->name = g_strdup (database->name);
      database_copy->collections = g_ptr_array_new_with_free_func (emu_collection_free);
      for (i = 0; i < database->collections->len; i++)
        g_ptr_array_add (database_copy->collections,
                         emu_collection_copy (g_ptr_array_index (database->collections, i)));
      g_hash_table_insert (copy, database_copy->name, database_copy);
    }
  return copy;
}

/* A deployment answering as @version (NULL: EMU_VERSION) with @n_dbservers
 * DB-Servers; its _system database has the system collections of that
 * version. */
EmuState *
emu_state_new (const char *version,
               guint       n_dbservers)
{
  EmuState *state = g_new0 (EmuState, 1);
  EmuDatabase *system;
  guint16 base_port;
  guint i;

  state->jwt_ttl = 3600;
  state->cluster_id = g_uuid_string_random ();
  state->started_at = g_get_real_time ();
  state->version = g_strdup (version != NULL ? version : EMU_VERSION);
  state->coordinators = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_coordinator_free);
  state->dbservers = g_ptr_array_new_with_free_func (emu_peer_free);
  state->agents = g_ptr_array_new_with_free_func (emu_peer_free);
  state->databases = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            NULL, emu_database_free);
  state->target_dbservers = n_dbservers;
  /* Leaves room below the ids of the system collections. */
  state->next_id = 10000;

  /* Nothing listens on these ports; they only have to look like a real
   * deployment and stay the same for the whole run. */
  base_port = (guint16) g_random_int_range (20000, 60000);
  for (i = 0; i < n_dbservers; i++)
    g_ptr_array_add (state->dbservers,
                     emu_peer_new (EMU_ROLE_DBSERVER, "PRMR", "DBServer",
                                   i + 1, (guint16) (base_port + 10 * i)));
  for (i = 0; i < EMU_N_AGENTS; i++)
    g_ptr_array_add (state->agents,
                     emu_peer_new (EMU_ROLE_AGENT, "AGNT", NULL,
                                   i + 1, (guint16) (base_port + 100 + 10 * i)));

  system = emu_state_add_database (state, "_system");
  g_free (system->id);
  system->id = g_strdup ("1");
  for (i = 0; i < G_N_ELEMENTS (system_collections); i++)
    set_system_properties (emu_database_add_collection (system,
                                                        system_collections[i].id,
                                                        system_collections[i].name,
                                                        2, TRUE,
                                                        system_collections[i].name),
                           "_users");
  if (has_pregel_collection (state))
    set_system_properties (emu_database_add_collection (system, PREGEL_COLLECTION_ID,
                                                        PREGEL_COLLECTION, 2, TRUE,
                                                        PREGEL_COLLECTION),
                           "_users");

  state->router = emu_router_new ();
  state->control_router = emu_router_new ();

  return state;
}

void
emu_state_free (EmuState *state)
{
  if (state == NULL)
    return;

  /* Coordinators first: stopping them drops requests that still point at
   * the routers and the rest of the state. */
  g_ptr_array_unref (state->coordinators);
  g_clear_pointer (&state->control_listener, emu_listener_free);
  g_clear_object (&state->control_server);
  g_clear_pointer (&state->router, emu_router_free);
  g_clear_pointer (&state->control_router, emu_router_free);
  g_clear_pointer (&state->cursors, g_hash_table_unref);
  g_clear_pointer (&state->transactions, g_hash_table_unref);
  g_clear_pointer (&state->wal, emu_wal_free);
  g_clear_pointer (&state->query_cache, emu_query_cache_free);
  g_clear_pointer (&state->query_tracking, emu_query_tracking_free);
  g_clear_pointer (&state->jobs, g_hash_table_unref);
  g_clear_pointer (&state->backups, g_hash_table_unref);
  g_clear_pointer (&state->remote_backups, g_hash_table_unref);
  g_clear_pointer (&state->transfers, g_hash_table_unref);
  g_clear_pointer (&state->log_levels, g_hash_table_unref);
  g_ptr_array_unref (state->dbservers);
  g_ptr_array_unref (state->agents);
  g_hash_table_unref (state->databases);
  g_clear_pointer (&state->users, g_hash_table_unref);
  g_clear_pointer (&state->accounts, emu_accounts_free);
  g_clear_object (&state->tls_certificate);
  g_free (state->jwt_secret);
  g_clear_pointer (&state->jwt_passive_secrets, g_ptr_array_unref);
  g_free (state->jwt_secret_folder);
  g_free (state->cluster_id);
  g_free (state->version);
  g_free (state);
}

gboolean
emu_state_auth_enabled (EmuState *state)
{
  return state->users != NULL;
}

void
emu_state_add_user (EmuState   *state,
                    const char *user,
                    const char *password)
{
  if (state->users == NULL)
    state->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_replace (state->users, g_strdup (user), g_strdup (password));
}

gboolean
emu_state_check_password (EmuState   *state,
                          const char *user,
                          const char *password)
{
  const char *expected;

  if (state->users == NULL || user == NULL || password == NULL)
    return FALSE;

  expected = g_hash_table_lookup (state->users, user);
  return expected != NULL && g_str_equal (expected, password);
}

gboolean
emu_state_user_exists (EmuState   *state,
                       const char *user)
{
  return state->users != NULL && user != NULL &&
         g_hash_table_contains (state->users, user);
}

char *
emu_state_next_id (EmuState *state)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, state->next_id++);
}

gboolean
emu_state_in_maintenance (EmuState *state)
{
  return state->maintenance_until != 0 &&
         g_get_real_time () < state->maintenance_until;
}

/* A revision as the server writes it: a hybrid logical clock value
 * (milliseconds << 20, plus a counter) in the server's base64 alphabet,
 * e.g. "_l6zhVDW---"; strictly increasing over the whole run. */
char *
emu_state_new_rev (EmuState *state)
{
  guint64 now = (guint64) (g_get_real_time () / 1000) << 20;
  guint64 value;
  char text[12];
  guint position = sizeof text - 1;

  value = now > state->rev_clock ? now : state->rev_clock + 1;
  state->rev_clock = value;

  text[position] = '\0';
  while (value > 0 && position > 0)
    {
      text[--position] = rev_alphabet[value & 0x3f];
      value >>= 6;
    }

  return g_strdup (text + position);
}

EmuDatabase *
emu_state_lookup_database (EmuState   *state,
                           const char *name)
{
  return g_hash_table_lookup (state->databases, name);
}

EmuDatabase *
emu_state_add_database (EmuState   *state,
                        const char *name)
{
  EmuDatabase *database = g_new0 (EmuDatabase, 1);

  database->state = state;
  database->id = emu_state_next_id (state);
  database->name = g_strdup (name);
  database->collections = g_ptr_array_new_with_free_func (emu_collection_free);
  g_hash_table_replace (state->databases, database->name, database);

  return database;
}

/* A new database as POST /_api/database makes it, with its system
 * collections. */
EmuDatabase *
emu_state_create_database (EmuState   *state,
                           const char *name)
{
  EmuDatabase *database = emu_state_add_database (state, name);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (database_system_collections); i++)
    set_system_properties (emu_state_create_collection (state, database,
                                                        database_system_collections[i],
                                                        2, TRUE),
                           "_graphs");
  if (has_pregel_collection (state))
    set_system_properties (emu_state_create_collection (state, database, PREGEL_COLLECTION,
                                                        2, TRUE),
                           "_graphs");

  return database;
}

void
emu_state_drop_database (EmuState   *state,
                         const char *name)
{
  emu_users_forget_database (state, name);
  g_hash_table_remove (state->databases, name);
}

EmuCollection *
emu_database_lookup_collection (EmuDatabase *database,
                                const char  *name)
{
  guint i;

  for (i = 0; i < database->collections->len; i++)
    {
      EmuCollection *collection = g_ptr_array_index (database->collections, i);

      if (g_str_equal (collection->name, name))
        return collection;
    }

  return NULL;
}

/* The collection endpoints accept the name or the numeric id. */
EmuCollection *
emu_database_find_collection (EmuDatabase *database,
                              const char  *name_or_id)
{
  EmuCollection *collection = emu_database_lookup_collection (database, name_or_id);
  guint i;

  if (collection != NULL)
    return collection;

  for (i = 0; i < database->collections->len; i++)
    {
      collection = g_ptr_array_index (database->collections, i);
      if (g_str_equal (collection->id, name_or_id))
        return collection;
    }

  return NULL;
}

EmuCollection *
emu_database_add_collection (EmuDatabase *database,
                             const char  *id,
                             const char  *name,
                             guint        type,
                             gboolean     is_system,
                             const char  *globally_unique_id)
{
  EmuCollection *collection = g_new0 (EmuCollection, 1);

  collection->id = g_strdup (id);
  collection->name = g_strdup (name);
  collection->type = type;
  collection->is_system = is_system;
  collection->globally_unique_id = g_strdup (globally_unique_id);
  collection->object_id = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           g_ascii_strtoull (id, NULL, 10) + 1);
  collection->number_of_shards = 1;
  collection->replication_factor = 1;
  collection->write_concern = 1;
  collection->key_type = g_strdup ("traditional");
  collection->allow_user_keys = TRUE;
  collection->key_increment = 1;
  collection->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) emu_document_unref);
  collection->indexes = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_index_free);
  g_ptr_array_add (database->collections, collection);

  return collection;
}

/* A collection with fresh ids; a Coordinator's globallyUniqueId is
 * "c<id>/" (3.12/RestGetShards_cluster.json). */
EmuCollection *
emu_state_create_collection (EmuState    *state,
                             EmuDatabase *database,
                             const char  *name,
                             guint        type,
                             gboolean     is_system)
{
  g_autofree char *id = emu_state_next_id (state);
  g_autofree char *guid = g_strdup_printf ("c%s/", id);

  /* The object id is the next number. */
  state->next_id++;
  return emu_database_add_collection (database, id, name, type, is_system, guid);
}

void
emu_database_drop_collection (EmuDatabase   *database,
                              EmuCollection *collection)
{
  emu_views_forget_collection (database, collection->name);
  emu_users_forget_collection (database->state, database->name, collection->name);
  g_ptr_array_remove (database->collections, collection);
}

EmuCoordinator *
emu_state_find_coordinator (EmuState   *state,
                            const char *server_id)
{
  guint i;

  for (i = 0; i < state->coordinators->len; i++)
    {
      EmuCoordinator *coordinator = g_ptr_array_index (state->coordinators, i);

      if (g_strcmp0 (coordinator->server_id, server_id) == 0)
        return coordinator;
    }

  return NULL;
}

EmuPeer *
emu_state_find_peer (EmuState   *state,
                     const char *server_id)
{
  GPtrArray *lists[] = { state->dbservers, state->agents };
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (lists); i++)
    for (j = 0; j < lists[i]->len; j++)
      {
        EmuPeer *peer = g_ptr_array_index (lists[i], j);

        if (g_strcmp0 (peer->server_id, server_id) == 0)
          return peer;
      }

  return NULL;
}

char *
emu_format_iso_time (gint64 real_time_usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (real_time_usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* Whether the version answered as is @major.@minor.@micro or later; a
 * pre-release ("3.12.0-nightly.20240305") counts as its release. */
gboolean
emu_state_version_at_least (EmuState *state,
                            guint     major,
                            guint     minor,
                            guint     micro)
{
  guint64 have[3] = { 0, 0, 0 };
  const char *p = state->version;

  for (guint i = 0; i < 3 && *p; i++)
    {
      char *end;

      have[i] = g_ascii_strtoull (p, &end, 10);
      p = *end == '.' ? end + 1 : end;
      if (*end != '.')
        break;
    }
  if (have[0] != major)
    return have[0] > major;
  if (have[1] != minor)
    return have[1] > minor;
  return have[2] >= micro;
}

/* @text with every "@VERSION@" replaced by the version answered as. */
char *
emu_state_expand_version (EmuState   *state,
                          const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "@VERSION@", -1);

  return g_strjoinv (state->version, parts);
}
