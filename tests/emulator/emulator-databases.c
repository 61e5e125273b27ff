/* emulator-databases.c: the /_api/database endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestDatabaseGet_single.json, RestDatabaseGetUser_single.json,
 * RestDatabaseGetInfo_single.json, RestDatabaseCreate_single.json (201),
 * RestDatabaseDrop_single.json.
 */

#include <string.h>

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
  emu_json_add_string (builder, "path", "none");
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

static void
handle_create (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  const char *name;

  if (!check_system (req) || (body = emu_request_parse_body (req)) == NULL)
    return;

  name = JSON_NODE_HOLDS_OBJECT (body)
    ? emu_json_get_string (json_node_get_object (body), "name")
    : NULL;
  if (name == NULL || !is_valid_name (name))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATABASE_NAME_INVALID, NULL);
      return;
    }
  if (emu_state_lookup_database (req->state, name) != NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DUPLICATE_NAME, NULL);
      return;
    }

  emu_state_create_database (req->state, name);
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
