/* emulator-query-tracking.c: running and slow AQL queries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GET /_api/query/current, /slow, DELETE /slow and /{id} (kill), GET and
 * PUT /properties, with the fields of the 3.12 OpenAPI description
 * (../shared/arango-api/endpoints-3.12.json) and the entries' fields id,
 * database, user, query, bindVars, started, runTime, peakMemoryUsage,
 * state, stream. The emulator computes a query's results at once; the
 * queries that are running are those whose answer is held back for the
 * time they asked SLEEP() for. Killing one answers it with 410/1500
 * "query killed" at once. The checks, messages and clamps are those of
 * the server's RestQueryHandler, methods::Queries and QueryList.
 */

#include <errno.h>

#include "emulator-query-tracking.h"

#include "emulator-aql-rules.h"
#include "emulator-coordinator.h"

#include "emulator-delay.h"
#include "emulator-reply.h"
#include "emulator-router.h"

/* Query ids carry the short id of the Coordinator that runs the query
 * from bit 40 up (the server's TRI_NewServerSpecificTick); a single
 * server's short id is 0, a Coordinator's its index plus one
 * (Coordinator0001 is 1). */
#define SHORT_ID_SHIFT 40
#define TICK_MASK ((G_GUINT64_CONSTANT (1) << SHORT_ID_SHIFT) - 1)

#define MAX_SLOW_QUERIES_LIMIT 16384
#define MIN_QUERY_STRING_LENGTH 64
#define MAX_QUERY_STRING_LENGTH (32 * 1024 * 1024)

typedef struct {
  EmuState          *state;
  guint64            tick;
  char              *id;
  char              *database;
  char              *user;
  char              *query;
  JsonNode          *bind_vars;     /* an object */
  gint64             started;       /* g_get_real_time () */
  gdouble            run_time;      /* seconds, known when it finished */
  gboolean           stream;
  gboolean           killed;
  SoupServerMessage *msg;           /* running: the held answer */
} Entry;

struct _EmuQueryTracking {
  gboolean   enabled;
  gboolean   track_slow_queries;
  gboolean   track_bind_vars;
  gint64     max_slow_queries;
  gdouble    slow_query_threshold;
  gdouble    slow_streaming_query_threshold;
  gint64     max_query_string_length;
  GPtrArray *running;               /* Entry */
  GPtrArray *slow;                  /* Entry, oldest first */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->database);
  g_free (entry->user);
  g_free (entry->query);
  json_node_unref (entry->bind_vars);
  g_free (entry);
}

void
emu_query_tracking_free (EmuQueryTracking *tracking)
{
  /* Held answers still running end with their messages; they must not
   * find their entries. */
  g_ptr_array_set_free_func (tracking->running, NULL);
  g_ptr_array_unref (tracking->running);
  g_ptr_array_unref (tracking->slow);
  g_free (tracking);
}

static EmuQueryTracking *
get_tracking (EmuState *state)
{
  if (state->query_tracking == NULL)
    {
      EmuQueryTracking *tracking = g_new0 (EmuQueryTracking, 1);

      tracking->enabled = TRUE;
      tracking->track_slow_queries = TRUE;
      tracking->track_bind_vars = TRUE;
      tracking->max_slow_queries = 64;
      tracking->slow_query_threshold = 10;
      tracking->slow_streaming_query_threshold = 10;
      tracking->max_query_string_length = 4096;
      tracking->running = g_ptr_array_new_with_free_func (entry_free);
      tracking->slow = g_ptr_array_new_with_free_func (entry_free);
      state->query_tracking = tracking;
    }
  return state->query_tracking;
}

static guint64
own_short_id (EmuRequest *req)
{
  if (req->state->single_server || req->coordinator == NULL)
    return 0;
  return req->coordinator->index + 1;
}

static Entry *
entry_new (EmuRequest *req,
           const char *query,
           JsonNode   *bind_vars,
           gboolean    stream)
{
  EmuQueryTracking *tracking = get_tracking (req->state);
  Entry *entry = g_new0 (Entry, 1);

  entry->state = req->state;
  entry->tick = (own_short_id (req) << SHORT_ID_SHIFT) | (req->state->next_id++ & TICK_MASK);
  entry->id = g_strdup_printf ("%" G_GUINT64_FORMAT, entry->tick);
  entry->database = g_strdup (req->database);
  entry->user = g_strdup (req->user != NULL ? req->user : "");
  entry->query = g_utf8_substring (query, 0, MIN (g_utf8_strlen (query, -1),
                                                  tracking->max_query_string_length));
  entry->bind_vars = tracking->track_bind_vars && bind_vars != NULL &&
                     JSON_NODE_HOLDS_OBJECT (bind_vars)
    ? json_node_copy (bind_vars)
    : json_from_string ("{}", NULL);
  entry->started = g_get_real_time ();
  entry->stream = stream;
  return entry;
}

/* A finished query joins the slow ones if it took long enough. */
static void
finished (EmuQueryTracking *tracking,
          Entry            *entry)
{
  gdouble threshold = entry->stream ? tracking->slow_streaming_query_threshold
                                    : tracking->slow_query_threshold;

  if (!tracking->enabled || !tracking->track_slow_queries || entry->run_time < threshold)
    {
      entry_free (entry);
      return;
    }
  g_ptr_array_add (tracking->slow, entry);
  while (tracking->slow->len > (guint) MAX (tracking->max_slow_queries, 0))
    g_ptr_array_remove_index (tracking->slow, 0);
}

static void
held_done (gpointer user_data)
{
  Entry *entry = user_data;
  EmuQueryTracking *tracking = entry->state->query_tracking;
  guint index;

  if (tracking == NULL || !g_ptr_array_find (tracking->running, entry, &index))
    return;   /* the emulator is shutting down */
  g_ptr_array_steal_index_fast (tracking->running, index);
  entry->msg = NULL;
  entry->run_time = (g_get_real_time () - entry->started) / (gdouble) G_USEC_PER_SEC;
  finished (tracking, entry);
}

/* A query that ran: its answer is held back while it sleeps (then it
 * counts as running), and it is noted as slow if it took long enough. */
void
emu_query_tracking_ran (EmuRequest *req,
                        const char *query,
                        JsonNode   *bind_vars,
                        gboolean    stream,
                        gdouble     run_time,
                        gdouble     sleep_seconds)
{
  EmuQueryTracking *tracking = get_tracking (req->state);
  Entry *entry = entry_new (req, query, bind_vars, stream);

  /* An async job's answer is taken at once; emulator-jobs.c keeps the job
   * pending for the time slept instead. */
  if (sleep_seconds <= 0 || emu_request_get_header (req, "x-arango-async") != NULL)
    {
      entry->run_time = run_time;
      finished (tracking, entry);
      return;
    }
  entry->msg = req->msg;
  g_ptr_array_add (tracking->running, entry);
  emu_reply_hold (req->msg, (guint) MIN (sleep_seconds * 1000, G_MAXUINT), held_done, entry);
}

static void
add_entry (JsonBuilder *builder,
           Entry       *entry,
           const char  *state,
           gdouble      run_time)
{
  g_autofree char *started = emu_format_iso_time (entry->started);

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", entry->id);
  emu_json_add_string (builder, "database", entry->database);
  emu_json_add_string (builder, "user", entry->user);
  emu_json_add_string (builder, "query", entry->query);
  emu_json_add_node (builder, "bindVars", entry->bind_vars);
  emu_json_add_string (builder, "started", started);
  emu_json_add_double (builder, "runTime", run_time);
  emu_json_add_int (builder, "peakMemoryUsage", 0);
  emu_json_add_string (builder, "state", state);
  emu_json_add_boolean (builder, "stream", entry->stream);
  json_builder_end_object (builder);
}

/* ?all=true asks about every database: only in _system, and only a
 * superuser (or anyone without authentication) may. */
static gboolean
check_all_databases (EmuRequest *req,
                     const char *forbidden_message)
{
  if (!emu_request_get_query_bool (req, "all", FALSE))
    return TRUE;
  if (!g_str_equal (req->database, "_system"))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_USE_SYSTEM_DATABASE, NULL);
      return FALSE;
    }
  if (!req->superuser)
    {
      emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN, forbidden_message);
      return FALSE;
    }
  return TRUE;
}

#define ALL_QUERIES_FORBIDDEN "only superusers are allowed to perform actions on all queries"

/* The entries of the request's database, of all with ?all=true. */
static void
reply_entries (EmuRequest *req,
               GPtrArray  *entries,
               gboolean    running)
{
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean all = emu_request_get_query_bool (req, "all", FALSE);
  guint i;

  if (!check_all_databases (req, ALL_QUERIES_FORBIDDEN))
    return;

  builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (!all && !g_str_equal (entry->database, req->database))
        continue;
      if (running)
        add_entry (builder, entry, "executing",
                   (g_get_real_time () - entry->started) / (gdouble) G_USEC_PER_SEC);
      else
        add_entry (builder, entry, entry->killed ? "killed" : "finished", entry->run_time);
    }
  json_builder_end_array (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_current (EmuRequest *req)
{
  EmuQueryTracking *tracking = get_tracking (req->state);

  if (!tracking->enabled)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      reply_entries (req, none, TRUE);
      return;
    }
  reply_entries (req, tracking->running, TRUE);
}

static void
handle_slow (EmuRequest *req)
{
  reply_entries (req, get_tracking (req->state)->slow, FALSE);
}

static void
reply_ok (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_clear_slow (EmuRequest *req)
{
  GPtrArray *slow = get_tracking (req->state)->slow;
  gboolean all = emu_request_get_query_bool (req, "all", FALSE);
  guint i;

  if (!check_all_databases (req, "only superusers may retrieve the list of queries for all databases"))
    return;
  for (i = slow->len; i > 0; i--)
    if (all || g_str_equal (((Entry *) g_ptr_array_index (slow, i - 1))->database, req->database))
      g_ptr_array_remove_index (slow, i - 1);
  reply_ok (req);
}

/* What the server's StringUtils::uint64 makes of an id: its leading
 * digits, 0 when there are none or too many. */
static guint64
parse_tick (const char *text)
{
  guint64 value;

  if (!g_ascii_isdigit (*text))
    return 0;
  errno = 0;
  value = g_ascii_strtoull (text, NULL, 10);
  return errno == ERANGE ? 0 : value;
}

/* A Coordinator of the cluster (not one taken out of it). */
static EmuCoordinator *
coordinator_by_short_id (EmuState *state,
                         guint64   short_id)
{
  EmuCoordinator *coordinator;

  if (short_id == 0 || short_id > state->coordinators->len)
    return NULL;
  coordinator = g_ptr_array_index (state->coordinators, short_id - 1);
  return emu_coordinator_in_plan (coordinator) ? coordinator : NULL;
}

/* A Coordinator forwards a kill to the Coordinator whose short id the
 * query id carries, which says so in a header; an id that names none is
 * refused at once (RestQueryHandler::forwardingTarget). */
static gboolean
forward_kill (EmuRequest *req,
              guint64     tick)
{
  guint64 short_id = tick >> SHORT_ID_SHIFT;
  EmuCoordinator *target;

  if (req->state->single_server || req->coordinator == NULL || short_id == own_short_id (req))
    return TRUE;
  target = coordinator_by_short_id (req->state, short_id);
  if (target == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_QUERY_NOT_FOUND,
                              "cannot find target server for query id");
      return FALSE;
    }
  emu_reply_set_header (req->msg, "X-Arango-Request-Forwarded-To", target->server_id);
  return TRUE;
}

static void
handle_kill (EmuRequest *req)
{
  GPtrArray *running = get_tracking (req->state)->running;
  gboolean all = emu_request_get_query_bool (req, "all", FALSE);
  guint64 tick = parse_tick (emu_request_get_param (req, "id"));
  guint i;

  if (!forward_kill (req, tick) || !check_all_databases (req, ALL_QUERIES_FORBIDDEN))
    return;

  for (i = 0; i < running->len; i++)
    {
      Entry *entry = g_ptr_array_index (running, i);

      if (entry->tick == tick && (all || g_str_equal (entry->database, req->database)))
        {
          entry->killed = TRUE;
          /* The held answer is replaced: libsoup appends to a body. */
          soup_message_body_truncate (soup_server_message_get_response_body (entry->msg));
          emu_reply_arango_error (entry->msg, EMU_ERROR_QUERY_KILLED, NULL);
          emu_reply_hold_end (entry->msg);
          reply_ok (req);
          return;
        }
    }
  emu_reply_arango_error (req->msg, EMU_ERROR_QUERY_NOT_FOUND, "query ID not found in query list");
}

static void
handle_get_properties (EmuRequest *req)
{
  EmuQueryTracking *tracking = get_tracking (req->state);
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  emu_json_add_boolean (builder, "enabled", tracking->enabled);
  emu_json_add_boolean (builder, "trackSlowQueries", tracking->track_slow_queries);
  emu_json_add_boolean (builder, "trackBindVars", tracking->track_bind_vars);
  emu_json_add_int (builder, "maxSlowQueries", tracking->max_slow_queries);
  emu_json_add_double (builder, "slowQueryThreshold", tracking->slow_query_threshold);
  emu_json_add_double (builder, "slowStreamingQueryThreshold",
                       tracking->slow_streaming_query_threshold);
  emu_json_add_int (builder, "maxQueryStringLength", tracking->max_query_string_length);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* An integer property as the server reads it: only an integer counts
 * (a fraction is ignored), and a negative one fails VelocyPack's
 * getUInt(). */
static gboolean
get_count (EmuRequest *req,
           JsonObject *object,
           const char *name,
           gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return TRUE;
  if (json_node_get_int (node) < 0)
    {
      emu_reply_error (req->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, EMU_ERROR_INTERNAL,
                       "caught velocypack error in RestQueryHandler: Number out of range");
      return FALSE;
    }
  *value = json_node_get_int (node);
  return TRUE;
}

/* A threshold: any number; a negative one becomes 0. */
static gdouble
get_threshold (JsonObject *object,
               const char *name,
               gdouble     value)
{
  gdouble number;

  return emu_json_get_number (object, name, &number) ? MAX (number, 0) : value;
}

/* Each property of the body replaces the current one when it has the
 * right type; nothing else is checked. */
static void
handle_set_properties (EmuRequest *req)
{
  EmuQueryTracking *tracking = get_tracking (req->state);
  g_autoptr(JsonNode) body = emu_request_parse_body (req);
  JsonObject *object;
  gint64 max_slow = tracking->max_slow_queries;
  gint64 max_length = tracking->max_query_string_length;

  if (body == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "expecting a JSON object as body");
      return;
    }
  object = json_node_get_object (body);
  if (!get_count (req, object, "maxSlowQueries", &max_slow) ||
      !get_count (req, object, "maxQueryStringLength", &max_length))
    return;

  tracking->enabled = emu_json_get_boolean (object, "enabled", tracking->enabled);
  tracking->track_slow_queries = emu_json_get_boolean (object, "trackSlowQueries",
                                                       tracking->track_slow_queries);
  tracking->track_bind_vars = emu_json_get_boolean (object, "trackBindVars",
                                                    tracking->track_bind_vars);
  tracking->max_slow_queries = MIN (max_slow, MAX_SLOW_QUERIES_LIMIT);
  tracking->slow_query_threshold = get_threshold (object, "slowQueryThreshold",
                                                  tracking->slow_query_threshold);
  tracking->slow_streaming_query_threshold = get_threshold (object, "slowStreamingQueryThreshold",
                                                            tracking->slow_streaming_query_threshold);
  tracking->max_query_string_length = CLAMP (max_length, MIN_QUERY_STRING_LENGTH,
                                             MAX_QUERY_STRING_LENGTH);
  handle_get_properties (req);
}

/* What the handler answers for the other paths under /_api/query. */
static void
handle_unknown_type (EmuRequest *req)
{
  emu_reply_errorf (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_HTTP_NOT_FOUND,
                    "unknown type '%s', expecting 'slow', 'current', or 'properties'",
                    emu_request_get_param (req, "type"));
}

/* The handler's answer to the paths it does not know, by method. */
static void
handle_elsewhere (EmuRequest *req)
{
  const char *message = "expecting GET /_api/query/<type>";

  if (g_str_equal (req->method, "PUT"))
    message = "expecting PUT /_api/query/properties";
  else if (g_str_equal (req->method, "DELETE"))
    message = "expecting DELETE /_api/query/<id> or /_api/query/slow";
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER, message);
}

/* The optimizer's rules, as emulator-aql-rules.c lists them: a
 * Coordinator has the cluster rules besides. */
static void
handle_rules (EmuRequest *req)
{
  g_autoptr(JsonNode) rules = emu_aql_rules_json (req->state, !req->state->single_server);

  emu_reply_json (req->msg, SOUP_STATUS_OK, rules);
}

static const EmuRoute query_tracking_routes[] = {
  { "GET", "/_api/query/rules", handle_rules },
  { "GET", "/_api/query/current", handle_current },
  { "GET", "/_api/query/slow", handle_slow },
  { "DELETE", "/_api/query/slow", handle_clear_slow },
  { "GET", "/_api/query/properties", handle_get_properties },
  { "PUT", "/_api/query/properties", handle_set_properties },
  { "DELETE", "/_api/query/{id}", handle_kill },
  { "GET", "/_api/query/{type}", handle_unknown_type },
  { "GET", "/_api/query", handle_elsewhere },
  { "DELETE", "/_api/query", handle_elsewhere },
  { "PUT", "/_api/query", handle_elsewhere },
  { "PUT", "/_api/query/{name}", handle_elsewhere },
};

void
emu_query_tracking_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, query_tracking_routes, G_N_ELEMENTS (query_tracking_routes));
}
