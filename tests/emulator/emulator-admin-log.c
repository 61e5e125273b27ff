/* emulator-admin-log.c: the server log and its levels
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GET /_admin/log/entries, the older GET /_admin/log and
 * /_admin/log/level (GET, PUT, DELETE) as
 * RestAdminLogHandler of the 3.12 source answers them. Each server keeps
 * its own levels; the log holds the lines a Coordinator or DB-Server
 * writes while it starts.
 */

#include "emulator-admin.h"

#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-users.h"

/* The topics a 3.12 server logs under (the PUT body of the OpenAPI
 * description of /_admin/log/level), all at their default level. */
static const char * const log_topics[] = {
  "agency", "agencycomm", "agencystore", "aql", "arangosearch",
  "audit-authentication", "audit-authorization", "audit-collection",
  "audit-database", "audit-document", "audit-hotbackup", "audit-service",
  "audit-view", "authentication", "authorization", "backup", "bench",
  "cache", "cluster", "communication", "config", "crash", "deprecation",
  "development", "dump", "engines", "flush", "general", "graphs",
  "heartbeat", "httpclient", "libiresearch", "license", "maintenance",
  "memory", "queries", "replication", "requests", "restore", "rocksdb",
  "security", "ssl", "startup", "statistics", "supervision", "syscall",
  "threads", "trx", "ttl", "validation", "v8", "views",
};

/* In the server's numbering: FATAL is 1, TRACE 6. */
static const char * const level_names[] = {
  "DEFAULT", "FATAL", "ERROR", "WARNING", "INFO", "DEBUG", "TRACE",
};

typedef struct {
  const char *topic;
  guint       level;
  const char *text;
  gboolean    with_role;   /* the server's role follows the text */
} StartupLine;

static const StartupLine startup_lines[] = {
  { "general", 4, "ArangoDB @VERSION@ " EMU_LICENSE " [linux] 64bit, using jemalloc", FALSE },
  { "memory", 3, "maximum number of memory mappings per process is 65530, which seems too low. it is recommended to set it to at least 512000", FALSE },
  { "startup", 4, "Starting up with role ", TRUE },
  { "engines", 4, "using storage engine 'rocksdb'", FALSE },
  { "general", 4, "ArangoDB (version @VERSION@ " EMU_LICENSE " [linux]) is ready for business. Have fun!", FALSE },
};

static char *
line_message (EmuState          *state,
              const StartupLine *line,
              const char        *role)
{
  g_autofree char *text = emu_state_expand_version (state, line->text);

  return g_strconcat (text, line->with_role ? role : NULL, NULL);
}

static int
parse_level (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  if (strlen (lower) == 1 && lower[0] >= '0' && lower[0] <= '5')
    return lower[0] - '0' + 1;
  if (g_str_equal (lower, "warn"))
    return 3;
  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    {
      g_autofree char *name = g_ascii_strdown (level_names[i], -1);

      if (g_str_equal (lower, name))
        return (int) i;
    }
  return -1;
}

/* RestAdminLogHandler::verifyPermitted with the default
 * --log.api-enabled: admin users only. */
static gboolean
require_log_rights (EmuRequest *req)
{
  if (emu_users_is_admin (req))
    return TRUE;
  emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_HTTP_FORBIDDEN,
                   "you need admin rights for log operations");
  return FALSE;
}

/* The server a ?serverId= names, with its role, for a caller with the
 * rights to ask; NULL after answering. */
static const char *
resolve_server (EmuRequest  *req,
                const char **role)
{
  const char *server_id, *short_name;

  if (!require_log_rights (req) ||
      !emu_admin_resolve_server (req, &server_id, role, &short_name))
    return NULL;
  return server_id;
}

static guint64
query_number (EmuRequest *req,
              const char *name,
              guint64     default_value)
{
  const char *text = emu_request_get_query (req, name);

  return text != NULL ? g_ascii_strtoull (text, NULL, 10) : default_value;
}

/* The lines a log query asks for, in the order asked, offset and size
 * not applied yet; NULL after answering. */
static GPtrArray *
select_lines (EmuRequest  *req,
              const char **role)
{
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  const char *upto = emu_request_get_query (req, "upto");
  const char *level = emu_request_get_query (req, "level");
  const char *search = emu_request_get_query (req, "search");
  const char *sort = emu_request_get_query (req, "sort");
  g_autofree char *needle = search ? g_utf8_strdown (search, -1) : NULL;
  guint64 start = query_number (req, "start", 0);
  int wanted = 4;
  guint i;

  if (resolve_server (req, role) == NULL)
    return NULL;

  if (level != NULL || upto != NULL)
    {
      wanted = parse_level (level ? level : upto);
      if (wanted < 1)
        {
          emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                            "unknown '%s' log level: '%s'", level ? "level" : "upto",
                            level ? level : upto);
          return NULL;
        }
    }

  for (i = 0; i < G_N_ELEMENTS (startup_lines); i++)
    {
      const StartupLine *line = &startup_lines[i];
      g_autofree char *message = line_message (req->state, line, *role);
      g_autofree char *lower = g_utf8_strdown (message, -1);

      if (i + 1 < start ||
          (level != NULL ? (int) line->level != wanted : (int) line->level > wanted) ||
          (needle != NULL && strstr (lower, needle) == NULL))
        continue;
      g_ptr_array_add (matching, (gpointer) line);
    }
  if (g_strcmp0 (sort, "desc") == 0)
    for (i = 0; i < matching->len / 2; i++)
      {
        gpointer swap = matching->pdata[i];

        matching->pdata[i] = matching->pdata[matching->len - 1 - i];
        matching->pdata[matching->len - 1 - i] = swap;
      }
  return g_steal_pointer (&matching);
}

/* The range of @matching that offset and size leave. */
static void
page_of (EmuRequest *req,
         GPtrArray  *matching,
         guint      *first,
         guint      *end)
{
  guint64 offset = query_number (req, "offset", 0);
  guint64 size = query_number (req, "size", G_MAXUINT64);

  *first = (guint) MIN (offset, matching->len);
  *end = (guint) MIN ((guint64) matching->len, *first + MIN (size, (guint64) matching->len));
}

static void
handle_entries (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) matching = NULL;
  g_autofree char *date = emu_format_iso_time (req->state->started_at);
  const char *role;
  guint first, end, i;

  matching = select_lines (req, &role);
  if (matching == NULL)
    return;
  page_of (req, matching, &first, &end);

  json_builder_begin_object (builder);
  emu_json_add_int (builder, "total", matching->len);
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (i = first; i < end; i++)
    {
      const StartupLine *line = matching->pdata[i];
      g_autofree char *message = line_message (req->state, line, role);

      json_builder_begin_object (builder);
      emu_json_add_int (builder, "id", (line - startup_lines) + 1);
      emu_json_add_string (builder, "topic", line->topic);
      emu_json_add_string (builder, "level", level_names[line->level]);
      emu_json_add_string (builder, "date", date);
      emu_json_add_string (builder, "message", message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

typedef enum {
  COLUMN_ID,
  COLUMN_TOPIC,
  COLUMN_LEVEL,
  COLUMN_TIMESTAMP,
  COLUMN_TEXT,
} Column;

static void
add_column (JsonBuilder *builder,
            EmuRequest  *req,
            const char  *role,
            GPtrArray   *lines,
            guint        first,
            guint        end,
            Column       column)
{
  static const char * const names[] = { "lid", "topic", "level", "timestamp", "text" };
  guint i;

  json_builder_set_member_name (builder, names[column]);
  json_builder_begin_array (builder);
  for (i = first; i < end; i++)
    {
      const StartupLine *line = lines->pdata[i];
      g_autofree char *message = NULL;

      switch (column)
        {
        case COLUMN_ID:
          json_builder_add_int_value (builder, (line - startup_lines) + 1);
          break;
        case COLUMN_TOPIC:
          json_builder_add_string_value (builder, line->topic);
          break;
        case COLUMN_LEVEL:
          /* FATAL is 0 here, TRACE 5 */
          json_builder_add_int_value (builder, line->level - 1);
          break;
        case COLUMN_TIMESTAMP:
          json_builder_add_int_value (builder, req->state->started_at / G_USEC_PER_SEC);
          break;
        case COLUMN_TEXT:
        default:
          message = line_message (req->state, line, role);
          json_builder_add_string_value (builder, message);
          break;
        }
    }
  json_builder_end_array (builder);
}

/* GET /_admin/log, deprecated since 3.8: the same selection as the
 * entries, as one array per field. */
static void
handle_legacy_log (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) matching = NULL;
  const char *role;
  guint first, end;
  Column column;

  matching = select_lines (req, &role);
  if (matching == NULL)
    return;
  page_of (req, matching, &first, &end);

  json_builder_begin_object (builder);
  emu_json_add_int (builder, "totalAmount", matching->len);
  for (column = COLUMN_ID; column <= COLUMN_TEXT; column++)
    add_column (builder, req, role, matching, first, end, column);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static JsonObject *
default_levels (void)
{
  JsonObject *levels = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (log_topics); i++)
    json_object_set_string_member (levels, log_topics[i],
                                   g_str_equal (log_topics[i], "requests") ? "FATAL" : "INFO");
  return levels;
}

static JsonObject *
levels_of (EmuState   *state,
           const char *server_id)
{
  JsonObject *levels;

  if (state->log_levels == NULL)
    state->log_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) json_object_unref);
  levels = g_hash_table_lookup (state->log_levels, server_id);
  if (levels == NULL)
    {
      levels = default_levels ();
      g_hash_table_insert (state->log_levels, g_strdup (server_id), levels);
    }
  return levels;
}

/* A level set the way Logger::setLogLevel takes it: "topic=level", or a
 * bare level for every topic ("all" as the topic too). Unknown topics and
 * levels are ignored, as the server ignores them. */
static void
set_level (JsonObject *levels,
           const char *topic,
           const char *level)
{
  int number = parse_level (level);

  if (number < 0)
    return;
  if (topic == NULL || g_str_equal (topic, "all"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (log_topics); i++)
        json_object_set_string_member (levels, log_topics[i], level_names[number]);
    }
  else if (json_object_has_member (levels, topic))
    json_object_set_string_member (levels, topic, level_names[number]);
}

static void
reply_levels (EmuRequest *req,
              JsonObject *levels)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);

  if (emu_request_get_query_bool (req, "withAppenders", FALSE))
    {
      /* AppendersLogLevelConfig: the global levels and those of each
       * output; the emulator logs to one output, "-". */
      JsonObject *config = json_object_new ();
      JsonObject *appenders = json_object_new ();

      json_object_set_object_member (config, "global", json_object_ref (levels));
      json_object_set_object_member (appenders, "-", json_object_ref (levels));
      json_object_set_object_member (config, "appenders", appenders);
      json_node_take_object (body, config);
    }
  else
    json_node_set_object (body, levels);
  emu_reply_json (req->msg, SOUP_STATUS_OK, body);
}

static void
handle_get_levels (EmuRequest *req)
{
  const char *role;
  const char *server_id = resolve_server (req, &role);

  if (server_id != NULL)
    reply_levels (req, levels_of (req->state, server_id));
}

static void
handle_put_levels (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  const char *role;
  const char *server_id = resolve_server (req, &role);
  JsonObject *levels;

  if (server_id == NULL)
    return;
  body = emu_request_parse_body (req);
  if (body == NULL)
    return;

  levels = levels_of (req->state, server_id);
  if (JSON_NODE_HOLDS_VALUE (body) && json_node_get_value_type (body) == G_TYPE_STRING)
    {
      g_auto(GStrv) parts = g_strsplit (json_node_get_string (body), "=", 2);

      if (parts[0] != NULL && parts[1] != NULL)
        set_level (levels, parts[0], parts[1]);
      else if (parts[0] != NULL)
        set_level (levels, NULL, parts[0]);
    }
  else if (JSON_NODE_HOLDS_OBJECT (body))
    {
      JsonObjectIter iter;
      const char *topic;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (body));
      while (json_object_iter_next (&iter, &topic, &value))
        if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          set_level (levels, topic, json_node_get_string (value));
    }
  reply_levels (req, levels);
}

static void
handle_reset_levels (EmuRequest *req)
{
  const char *role;
  const char *server_id = resolve_server (req, &role);

  if (server_id == NULL)
    return;
  if (req->state->log_levels != NULL)
    g_hash_table_remove (req->state->log_levels, server_id);
  reply_levels (req, levels_of (req->state, server_id));
}

static const EmuRoute admin_log_routes[] = {
  { "GET", "/_admin/log", handle_legacy_log },
  { "GET", "/_admin/log/entries", handle_entries },
  { "GET", "/_admin/log/level", handle_get_levels },
  { "PUT", "/_admin/log/level", handle_put_levels },
  { "DELETE", "/_admin/log/level", handle_reset_levels },
};

void
emu_admin_log_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, admin_log_routes, G_N_ELEMENTS (admin_log_routes));
}
