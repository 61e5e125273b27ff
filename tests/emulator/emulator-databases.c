/* emulator-databases.c: the /_api/database endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestDatabaseGet_single.json, RestDatabaseGetUser_single.json,
 * RestDatabaseGetInfo_single.json, RestDatabaseCreate_single.json (201),
 * RestDatabaseDrop_single.json. A database keeps the sharding,
 * replicationFactor and writeConcern of its options as the defaults of
 * its collections, and a Coordinator reports them in
 * GET /_api/database/current (arangod 3.12's TRI_vocbase_t::toVelocyPack).
 */

#include <string.h>

#include "emulator-replication-limits.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-users.h"

#define MAX_NAME_LENGTH 64

/* Traditional database names (--database.extended-names is off by
 * default): a letter, then letters, digits, "_" and "-". */
static gboolean
is_valid_name (const char *name)
{
  gsize length = strlen (name);
  gsize i;

  if (length == 0 || length > MAX_NAME_LENGTH || !g_ascii_isalpha (name[0]))
    return FALSE;

  for (i = 1; i < length; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '_' && name[i] != '-')
      return FALSE;

  return TRUE;
}

/* Creating, dropping and listing all databases only work in _system. */
static gboolean
check_system (EmuRequest *req)
{
  if (g_str_equal (req->database, "_system"))
    return TRUE;

  emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_USE_SYSTEM_DATABASE, NULL);
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the databases, sorted: all of them, or with @user those
 * it has access to. */
static void
reply_names (EmuRequest *req,
             const char *user)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;
  guint i;

  g_hash_table_iter_init (&iter, req->state->databases);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (user == NULL || emu_users_has_database_access (req->state, user, name))
      g_ptr_array_add (names, name);
  g_ptr_array_sort (names, compare_names);

  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (i = 0; i < names->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (names, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_list (EmuRequest *req)
{
  if (check_system (req))
    reply_names (req, NULL);
}

/* The databases the user has a level other than "none" on; all of them
 * for a superuser or without authentication
 * (DatabaseFeature::getDatabaseNamesForUser). */
static void
handle_list_user (EmuRequest *req)
{
  reply_names (req, req->superuser ? NULL : req->user);
}

static void
handle_current (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);

  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", database->id);
  emu_json_add_string (builder, "name", database->name);
  emu_json_add_boolean (builder, "isSystem", g_str_equal (database->name, "_system"));
  /* TRI_vocbase_t::toVelocyPack: a Coordinator adds the cluster options,
   * and the path of its storage engine, which has none. */
  if (!req->state->single_server)
    {
      emu_json_add_string (builder, "sharding", database->sharding);
      if (database->replication_factor == 0)
        emu_json_add_string (builder, "replicationFactor", "satellite");
      else
        emu_json_add_int (builder, "replicationFactor", database->replication_factor);
      emu_json_add_int (builder, "writeConcern", database->write_concern);
    }
  emu_json_add_string (builder, "path", req->state->single_server ? "none" : "");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
reply_true (EmuRequest *req,
            guint       code)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (code);

  emu_json_add_boolean (builder, "result", TRUE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, code, builder);
}

/* "users": [{"username", "passwd", "active"}] become users that can log
 * in when authentication is on. */
static void
add_users (EmuRequest *req,
           JsonObject *request)
{
  JsonNode *users = json_object_get_member (request, "users");
  JsonArray *array;
  guint i;

  if (users == NULL || !JSON_NODE_HOLDS_ARRAY (users) || !emu_state_auth_enabled (req->state))
    return;

  array = json_node_get_array (users);
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *user = json_array_get_element (array, i);
      const char *name, *password;

      if (!JSON_NODE_HOLDS_OBJECT (user))
        continue;
      name = emu_json_get_string (json_node_get_object (user), "username");
      password = emu_json_get_string (json_node_get_object (user), "passwd");
      if (name != NULL && !emu_state_user_exists (req->state, name))
        emu_state_add_user (req->state, name, password != NULL ? password : "");
    }
}

/* Databases::create reports every refusal but a duplicate name as a 400
 * with the error's number. */
static void
refuse (EmuRequest *req,
        int         error_num,
        const char *message)
{
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, error_num,
                   message != NULL ? message : emu_error_message (error_num));
}

/* The "options" of a new database as they are loaded, before its name is
 * checked: an object, with no more copies than any server allows. Sets
 * *options (NULL when absent); FALSE after replying. */
static gboolean
load_options (EmuRequest  *req,
              JsonObject  *request,
              JsonObject **options)
{
  JsonNode *node = json_object_get_member (request, "options");
  gdouble replication;

  *options = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (req, EMU_ERROR_HTTP_BAD_PARAMETER, "invalid options slice");
      return FALSE;
    }
  *options = json_node_get_object (node);
  if (emu_json_get_number (*options, "replicationFactor", &replication) &&
      replication > EMU_MAX_REPLICATION_FACTOR)
    {
      refuse (req, EMU_ERROR_BAD_PARAMETER, EMU_MAX_REPLICATION_FACTOR_MESSAGE);
      return FALSE;
    }
  return TRUE;
}

/* A Coordinator then checks the replication settings against the
 * cluster (1487 for more than its DB-Servers); FALSE after replying. */
static gboolean
check_replication (EmuRequest *req,
                   JsonObject *options)
{
  g_autofree char *message = NULL;
  int error_num;

  if (req->state->single_server ||
      (error_num = emu_replication_check_options (req->state, options, &message)) == 0)
    return TRUE;
  refuse (req, error_num, message);
  return FALSE;
}

/* getVocbaseOptions: what the server makes of the options, silently
 * taking the default for anything it does not know. */
typedef struct {
  const char *sharding;
  guint       replication_factor;   /* 0: satellite */
  guint       write_concern;
} DatabaseOptions;

static void
read_database_options (JsonObject      *options,
                       DatabaseOptions *values)
{
  gdouble number;

  values->sharding = g_strcmp0 (emu_json_get_string (options, "sharding"), "single") == 0
    ? "single" : "";
  values->replication_factor = EMU_DEFAULT_REPLICATION_FACTOR;
  if (emu_json_get_number (options, "replicationFactor", &number))
    values->replication_factor = (guint) CLAMP (number, 0, G_MAXUINT);
  else if (g_strcmp0 (emu_json_get_string (options, "replicationFactor"), "satellite") == 0)
    values->replication_factor = 0;
  values->write_concern = EMU_DEFAULT_WRITE_CONCERN;
  if (emu_json_get_number (options, "writeConcern", &number) && number >= 1)
    values->write_concern = (guint) MIN (number, G_MAXUINT);
}

static void
handle_create (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  JsonObject *request, *options = NULL;
  DatabaseOptions values;
  const char *name;

  if (!check_system (req) || (body = emu_request_parse_body (req)) == NULL)
    return;

  request = JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  name = emu_json_get_string (request, "name");
  if (name != NULL && !load_options (req, request, &options))
    return;
  if (name == NULL || !is_valid_name (name))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATABASE_NAME_INVALID, NULL);
      return;
    }
  if (!check_replication (req, options))
    return;
  read_database_options (options, &values);
  if (emu_state_lookup_database (req->state, name) != NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DUPLICATE_NAME, NULL);
      return;
    }

  emu_state_create_database (req->state, name, values.sharding,
                             values.replication_factor, values.write_concern);
  add_users (req, json_node_get_object (body));
  reply_true (req, SOUP_STATUS_CREATED);
}

static void
handle_drop (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "name");

  if (!check_system (req))
    return;

  if (g_str_equal (name, "_system"))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_FORBIDDEN, NULL);
      return;
    }
  if (emu_state_lookup_database (req->state, name) == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATABASE_NOT_FOUND, NULL);
      return;
    }

  emu_state_drop_database (req->state, name);
  reply_true (req, SOUP_STATUS_OK);
}

static const EmuRoute database_routes[] = {
  { "GET", "/_api/database", handle_list },
  { "GET", "/_api/database/user", handle_list_user },
  { "GET", "/_api/database/current", handle_current },
  { "POST", "/_api/database", handle_create },
  { "DELETE", "/_api/database/{name}", handle_drop },
};

void
emu_databases_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, database_routes, G_N_ELEMENTS (database_routes));
}
