/* emulator-wal.c: the write-ahead log, and /_api/wal
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A single server logs every committed change with a tick from its tick
 * counter (the counter ids come from); GET /_api/wal/lastTick, /range and
 * /tail read that log as 3.12/RestWalAccess*_single.json record it. The
 * log keeps the last MAX_MARKERS changes, as a WAL keeps its recent files.
 * A Coordinator has no log of its own and refuses the whole API (501,
 * errorNum 1470, as RestWalAccessHandler does).
 */

#include <string.h>

#include "emulator-wal.h"

#include "emulator-query-cache.h"
#include "emulator-reply.h"
#include "emulator-router.h"

#define MAX_MARKERS 10000
#define DEFAULT_CHUNK_SIZE (1024 * 1024)
#define ERROR_CLUSTER_UNSUPPORTED 1470
#define COLLECTION_DEFINITION_SIZE 512

typedef struct {
  guint64   tick;
  int       type;
  char     *database;
  char     *cuid;
  JsonNode *data;       /* NULL: no "data" member; never changed once logged */
} Marker;

struct _EmuWal {
  GQueue   markers;     /* Marker, oldest first */
  guint64  first_tick;  /* ticks before it were dropped from the log */
  char    *server_id;
};

static void
marker_free (Marker *marker)
{
  g_free (marker->database);
  g_free (marker->cuid);
  g_clear_pointer (&marker->data, json_node_unref);
  g_free (marker);
}

void
emu_wal_free (EmuWal *wal)
{
  g_queue_clear_full (&wal->markers, (GDestroyNotify) marker_free);
  g_free (wal->server_id);
  g_free (wal);
}

static EmuWal *
get_wal (EmuState *state)
{
  if (state->wal == NULL)
    {
      state->wal = g_new0 (EmuWal, 1);
      state->wal->first_tick = 1;
      /* A single server's id is a random 15-digit number. */
      state->wal->server_id = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                               (guint64) g_random_int_range (100000, 999999) *
                                               G_GUINT64_CONSTANT (1000000000) +
                                               (guint64) g_random_int_range (0, 999999999));
    }
  return state->wal;
}

/* data is kept as it is (documents are immutable), not copied: every
 * committed write passes here. */
void
emu_wal_log (EmuState      *state,
             int            type,
             const char    *database,
             EmuCollection *collection,
             JsonNode      *data)
{
  EmuWal *wal = get_wal (state);
  Marker *marker = g_new0 (Marker, 1);

  marker->tick = state->next_id++;
  marker->type = type;
  marker->database = g_strdup (database);
  marker->cuid = g_strdup (collection->globally_unique_id);
  marker->data = data != NULL ? json_node_ref (data) : NULL;
  g_queue_push_tail (&wal->markers, marker);
  /* Every committed change passes here: cached results that read the
   * collection are stale now. */
  emu_query_cache_invalidate (state, database, collection->name);

  while (wal->markers.length > MAX_MARKERS)
    {
      Marker *oldest = g_queue_pop_head (&wal->markers);

      wal->first_tick = oldest->tick + 1;
      marker_free (oldest);
    }
}

guint64
emu_wal_last_tick (EmuState *state)
{
  return state->next_id - 1;
}

const char *
emu_wal_server_id (EmuState *state)
{
  return get_wal (state)->server_id;
}

void
emu_wal_add_server (JsonBuilder *builder,
                    EmuState    *state,
                    gboolean     with_engine)
{
  json_builder_set_member_name (builder, "server");
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "version", EMU_VERSION);
  emu_json_add_string (builder, "serverId", emu_wal_server_id (state));
  if (with_engine)
    emu_json_add_string (builder, "engine", "rocksdb");
  json_builder_end_object (builder);
}

static gboolean
refuse_on_coordinator (EmuRequest *req)
{
  return emu_reply_refusal_if (req->msg, !req->state->single_server,
                               SOUP_STATUS_NOT_IMPLEMENTED, ERROR_CLUSTER_UNSUPPORTED,
                               "'/_api/wal' is not yet supported in a cluster");
}

static char *
tick_string (guint64 tick)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, tick);
}

static JsonBuilder *
begin_tick_reply (EmuRequest *req)
{
  JsonBuilder *builder = json_builder_new ();
  g_autofree char *now = emu_format_iso_time (g_get_real_time ());

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "time", now);
  return builder;
}

static void
handle_last_tick (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *tick = NULL;

  if (refuse_on_coordinator (req))
    return;
  tick = tick_string (emu_wal_last_tick (req->state));
  builder = begin_tick_reply (req);
  emu_json_add_string (builder, "tick", tick);
  emu_wal_add_server (builder, req->state, FALSE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_range (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (refuse_on_coordinator (req))
    return;
  min = tick_string (get_wal (req->state)->first_tick);
  max = tick_string (emu_wal_last_tick (req->state));
  builder = begin_tick_reply (req);
  emu_json_add_string (builder, "tickMin", min);
  emu_json_add_string (builder, "tickMax", max);
  emu_wal_add_server (builder, req->state, FALSE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static guint64
query_tick (EmuRequest *req,
            const char *name,
            guint64     default_value)
{
  const char *text = emu_request_get_query (req, name);

  return text != NULL && *text != '\0' ? g_ascii_strtoull (text, NULL, 10) : default_value;
}

/* Appends the marker's line; returns what the change amounts to in the
 * log, for chunkSize: the line, and for a collection change its
 * definition, which the server's log holds with it. */
static gsize
append_marker (GString *out,
               Marker  *marker)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *tick = tick_string (marker->tick);
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "tick", tick);
  emu_json_add_int (builder, "type", marker->type);
  emu_json_add_string (builder, "db", marker->database);
  emu_json_add_string (builder, "cuid", marker->cuid);
  if (marker->type == EMU_WAL_DOCUMENT || marker->type == EMU_WAL_REMOVE)
    emu_json_add_string (builder, "tid", "0");
  if (marker->data != NULL)
    emu_json_add_node (builder, "data", marker->data);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  line = json_to_string (root, FALSE);
  g_string_append (out, line);
  g_string_append_c (out, '\n');
  if (marker->type == EMU_WAL_COLLECTION_CREATE || marker->type == EMU_WAL_COLLECTION_DROP)
    return strlen (line) + COLLECTION_DEFINITION_SIZE;
  return strlen (line);
}

static void
set_tick_header (EmuRequest *req,
                 const char *name,
                 guint64     tick)
{
  g_autofree char *text = tick_string (tick);

  emu_reply_set_header (req->msg, name, text);
}

/* GET /_api/wal/tail?from=&to=&chunkSize=&global=: the markers after from
 * (of this database unless global), up to chunkSize bytes of changes, as
 * application/x-arango-dump (one JSON object per line); 204 when none. */
static void
handle_tail (EmuRequest *req)
{
  EmuWal *wal;
  guint64 from, to, chunk_size, last_tick, last_included = 0, last_scanned;
  gboolean global, more = FALSE;
  g_autoptr(GString) out = g_string_new (NULL);
  gsize taken = 0;
  GList *l;

  if (refuse_on_coordinator (req))
    return;
  wal = get_wal (req->state);
  last_tick = emu_wal_last_tick (req->state);
  from = query_tick (req, "from", 0);
  to = query_tick (req, "to", G_MAXUINT64);
  chunk_size = query_tick (req, "chunkSize", DEFAULT_CHUNK_SIZE);
  global = emu_request_get_query_bool (req, "global", FALSE);
  last_scanned = from > 0 ? from - 1 : 0;

  for (l = wal->markers.head; l != NULL; l = l->next)
    {
      Marker *marker = l->data;

      if (marker->tick <= from || marker->tick > to)
        continue;
      if (taken >= chunk_size)
        {
          more = TRUE;
          break;
        }
      last_scanned = marker->tick;
      if (!global && !g_str_equal (marker->database, req->database))
        continue;
      taken += append_marker (out, marker);
      last_included = marker->tick;
    }
  if (more)
    last_tick = last_scanned;

  emu_reply_set_header (req->msg, "X-Arango-Replication-Checkmore", more ? "true" : "false");
  emu_reply_set_header (req->msg, "X-Arango-Replication-Frompresent",
                        from + 1 >= wal->first_tick ? "true" : "false");
  set_tick_header (req, "X-Arango-Replication-Lastincluded", last_included);
  set_tick_header (req, "X-Arango-Replication-Lastscanned", last_scanned);
  set_tick_header (req, "X-Arango-Replication-Lasttick", last_tick);

  if (out->len == 0)
    {
      /* libsoup 3.2 ends the connection after a 204 (the server keeps
       * it); clients connect again. */
      emu_reply_raw (req->msg, SOUP_STATUS_NO_CONTENT, "application/x-arango-dump", "", 0);
      return;
    }
  emu_reply_raw (req->msg, SOUP_STATUS_OK, "application/x-arango-dump", out->str, out->len);
}

static const EmuRoute wal_routes[] = {
  { "GET", "/_api/wal/lastTick", handle_last_tick },
  { "GET", "/_api/wal/range", handle_range },
  { "GET", "/_api/wal/tail", handle_tail },
};

void
emu_wal_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, wal_routes, G_N_ELEMENTS (wal_routes));
}
