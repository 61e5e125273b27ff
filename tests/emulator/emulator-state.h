/* emulator-state.h: the in-memory state every coordinator shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define EMU_VERSION "3.12.10"
#define EMU_LICENSE "enterprise"

/* The supervision declares a server FAILED after about 15 s without
 * heartbeat (NOTES.md, section 8); until then a stopped one is BAD. */
#define EMU_FAILED_AFTER_USEC (15 * G_USEC_PER_SEC)

/* Upper bound of the per-coordinator request log read by
 * GET /_control/coordinators/{i}/requests. */
#define EMU_REQUEST_LOG_SIZE 200

typedef struct _EmuState       EmuState;
typedef struct _EmuCoordinator EmuCoordinator;
typedef struct _EmuPeer        EmuPeer;
typedef struct _EmuDatabase    EmuDatabase;
typedef struct _EmuCollection  EmuCollection;
typedef struct _EmuIndex       EmuIndex;
typedef struct _EmuRouter      EmuRouter;

typedef enum {
  EMU_ROLE_COORDINATOR,
  EMU_ROLE_DBSERVER,
  EMU_ROLE_AGENT,
} EmuRole;

typedef enum {
  EMU_FAULT_NONE,
  EMU_FAULT_HANG,
  EMU_FAULT_SLOW,
  EMU_FAULT_UNAVAILABLE,
  EMU_FAULT_GARBAGE,
  EMU_FAULT_TRUNCATE,
  EMU_FAULT_RESET,
  EMU_FAULT_SLOW_BODY,
  EMU_FAULT_RESET_MID_REPLY,
  EMU_FAULT_CURSOR_BUSY,
  EMU_FAULT_BAD_GATEWAY,
} EmuFaultKind;

struct _EmuCoordinator {
  EmuState     *state;
  guint         index;
  char         *server_id;
  char         *short_name;
  guint16       port;
  SoupServer   *server;
  struct _EmuListener *listener;
  gboolean      running;
  gint64        stopped_at;       /* g_get_real_time () of the last stop */
  gboolean      removed;          /* taken out of the cluster by POST /_admin/cluster/removeServer */
  /* Shut down through DELETE /_admin/shutdown: it logged off (left the
   * agency's Current, so the endpoint list), and with remove_from_cluster=1
   * it also left the Plan, so the supervision drops it from the health.
   * Both until it starts again and registers anew. */
  gboolean      logged_off;
  gboolean      unregistered;

  EmuFaultKind  fault;
  guint         fault_remaining;  /* 0: until changed through the control surface */
  guint         fault_ms;

  guint         requests;
  guint         connections;
  /* Bumped by a reset so that connections seen before it count again. */
  guint         generation;

  GQueue        request_log;      /* EmuLoggedRequest */
  GQueue        api_calls;        /* the newest first (emulator-api-calls.c) */
  GQueue        deferred;         /* EmuDeferred: held by the hang and slow faults */
};

/* DB-Servers and Agents exist only as data: nothing listens on their ports. */
struct _EmuPeer {
  EmuRole  role;
  char    *server_id;
  char    *short_name;
  guint16  port;
  gint64   maintenance_until;     /* DB-Servers: g_get_real_time () limit, 0 = normal */
  gboolean cleaned_out;           /* DB-Servers: emptied by a cleanOutServer job */
};

struct _EmuCollection {
  char       *id;
  char       *name;
  guint       type;               /* 2 document, 3 edge */
  gboolean    is_system;
  char       *globally_unique_id;
  char       *object_id;

  /* Properties as PUT /_api/collection/{c}/properties changes them. */
  gboolean    wait_for_sync;
  gboolean    cache_enabled;
  JsonNode   *schema;             /* NULL: JSON null */
  JsonNode   *computed_values;    /* NULL: JSON null */
  guint       number_of_shards;
  guint       replication_factor;
  guint       write_concern;
  char       *distribute_shards_like; /* the name of the collection whose shard placement this one follows, or NULL */

  /* Key generator (keyOptions). */
  char       *key_type;           /* traditional, autoincrement, uuid, padded */
  gboolean    allow_user_keys;
  guint64     key_increment;
  guint64     key_offset;
  guint64     key_last_value;

  GHashTable *documents;          /* key -> EmuDocument, committed state */
  /* The collection's revision: that of its last committed write, a
   * removal's own (emulator-store.c); NULL before the first. */
  char       *revision;
  guint64     revision_sequence;  /* the write_sequence of that write */
  GPtrArray  *indexes;            /* EmuIndex; the primary (and edge) index is implicit */
  GPtrArray  *shards;             /* GStrv {shard id, leader, followers…}; made on first use (emulator-shards.c) */
};

/* --cluster.default-replication-factor and --cluster.write-concern at
 * their defaults: what a database gets without options. */
#define EMU_DEFAULT_REPLICATION_FACTOR 1
#define EMU_DEFAULT_WRITE_CONCERN 1

struct _EmuDatabase {
  EmuState   *state;
  char       *id;
  char       *name;
  /* The options it was created with (CreateDatabaseInfo), the defaults of
   * its collections in a cluster. */
  char       *sharding;           /* "" or "single" (OneShard) */
  guint       replication_factor; /* 0: "satellite" */
  guint       write_concern;
  GPtrArray  *collections;        /* EmuCollection, in creation order */
  GPtrArray  *views;              /* emulator-views.c; NULL until first used */
  GPtrArray  *analyzers;          /* emulator-analyzers.c; NULL until first used */
};

struct _EmuState {
  /* Authentication: users == NULL means authentication is off. */
  GHashTable      *users;         /* name -> password */
  char            *jwt_secret;    /* the active secret: signs and verifies */
  GPtrArray       *jwt_passive_secrets;  /* char *: verify only (emulator-admin-secrets.c) */
  char            *jwt_secret_folder;    /* --jwt-secret-folder, or NULL */
  guint            jwt_ttl;

  GTlsCertificate *tls_certificate;

  char            *cluster_id;
  gint64           started_at;
  char            *version;       /* the ArangoDB version it answers as, EMU_VERSION or --server-version */
  GPtrArray       *coordinators;  /* EmuCoordinator */
  GPtrArray       *dbservers;     /* EmuPeer */
  GPtrArray       *agents;        /* EmuPeer */

  gint64           maintenance_until;   /* supervision maintenance, 0 = off */
  gboolean         read_only;
  gboolean         single_server; /* --single: single-server answer shapes */
  gint64           target_coordinators;
  gint64           target_dbservers;

  /* emulator-transport.c: injected by the control surface */
  double           queue_time;    /* seconds, reported and enforced */
  guint            compress_response_threshold;  /* bytes, 0 = never */

  GHashTable      *databases;     /* name -> EmuDatabase */
  guint64          next_id;
  guint            next_leader;   /* emulator-shards.c: the DB-Server that leads the next collection's first shard */
  guint64          rev_clock;     /* last hybrid logical clock value of a _rev */
  guint64          write_sequence;/* order of document writes, for full scans */

  /* Owned by their families: emulator-cursors.c, emulator-transactions.c. */
  GHashTable      *cursors;       /* id -> EmuCursor */
  GHashTable      *transactions;  /* id -> EmuTransaction */
  struct _EmuWal  *wal;           /* emulator-wal.c; NULL until the first change */
  struct _EmuQueryCache *query_cache; /* emulator-query-cache.c; NULL until used */
  struct _EmuQueryTracking *query_tracking; /* emulator-query-tracking.c; NULL until used */
  /* Owned by emulator-jobs.c and emulator-backups.c. */
  GHashTable      *jobs;          /* id -> EmuJob */
  GHashTable      *backups;       /* id -> EmuBackup */
  GHashTable      *remote_backups;/* "repository\nid" -> EmuBackup */
  GHashTable      *transfers;     /* upload/download id -> EmuTransfer */
  /* Seconds of AQL SLEEP() the request being handled asked for: the
   * emulator does not block, it keeps a job pending that long. */
  gdouble          aql_slept;
  GHashTable      *log_levels;    /* server id -> JsonObject topic -> level (emulator-admin-log.c) */
  struct _EmuAccounts *accounts;  /* emulator-users.c; NULL until first used */

  EmuRouter       *router;
  EmuRouter       *control_router;
  SoupServer      *control_server;
  struct _EmuListener *control_listener;
  guint16          control_port;
};

EmuState       *emu_state_new                  (const char   *version,
                                                guint         n_dbservers);
void            emu_state_free                 (EmuState     *state);

gboolean        emu_state_auth_enabled         (EmuState     *state);
void            emu_state_add_user             (EmuState     *state,
                                                const char   *user,
                                                const char   *password);
gboolean        emu_state_check_password       (EmuState     *state,
                                                const char   *user,
                                                const char   *password);
gboolean        emu_state_user_exists          (EmuState     *state,
                                                const char   *user);

char           *emu_state_next_id              (EmuState     *state);
gboolean        emu_state_in_maintenance       (EmuState     *state);

char           *emu_state_new_rev              (EmuState     *state);

EmuDatabase    *emu_state_lookup_database      (EmuState     *state,
                                                const char   *name);
EmuDatabase    *emu_state_add_database         (EmuState     *state,
                                                const char   *name);
EmuDatabase    *emu_state_create_database      (EmuState     *state,
                                                const char   *name,
                                                const char   *sharding,
                                                guint         replication_factor,
                                                guint         write_concern);
void            emu_state_drop_database        (EmuState     *state,
                                                const char   *name);

GHashTable     *emu_state_copy_databases       (GHashTable   *databases);

/* The replicationFactor of a new collection of @database that names
 * none. The emulator makes no SatelliteCollections: in a "satellite"
 * database this is the server's default, and POST /_api/collection
 * refuses a user collection that would be one (emulator-collections.c). */
guint           emu_database_replication_factor (EmuDatabase *database);

EmuCollection  *emu_database_lookup_collection (EmuDatabase  *database,
                                                const char   *name);
EmuCollection  *emu_database_find_collection   (EmuDatabase  *database,
                                                const char   *name_or_id);
EmuCollection  *emu_database_add_collection    (EmuDatabase  *database,
                                                const char   *id,
                                                const char   *name,
                                                guint         type,
                                                gboolean      is_system,
                                                const char   *globally_unique_id);
EmuCollection  *emu_state_create_collection    (EmuState     *state,
                                                EmuDatabase  *database,
                                                const char   *name,
                                                guint         type,
                                                gboolean      is_system);
void            emu_database_drop_collection   (EmuDatabase  *database,
                                                EmuCollection *collection);

EmuCoordinator *emu_state_find_coordinator     (EmuState     *state,
                                                const char   *server_id);
EmuPeer        *emu_state_find_peer            (EmuState     *state,
                                                const char   *server_id);

char           *emu_format_iso_time            (gint64        real_time_usec);
gboolean        emu_state_version_at_least     (EmuState     *state,
                                                guint         major,
                                                guint         minor,
                                                guint         micro);
char           *emu_state_expand_version       (EmuState     *state,
                                                const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuState, emu_state_free)

G_END_DECLS
