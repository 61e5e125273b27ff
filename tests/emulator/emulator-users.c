/* emulator-users.c: the /_api/user endpoints (accounts and permissions)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestCreateUser_single.json (201), RestFetchUser,
 * RestFetchAllUser, RestUpdateUser, RestReplaceUser, RestDeleteUser (202),
 * RestFetchUserDatabaseList[Full], RestFetchUserDatabasePermission,
 * RestFetchUserCollectionPermission, RestGrant*, RestRevoke* (202).
 *
 * The accounts live here; state->users (name -> password) stays the table
 * authentication reads, so it holds exactly the active accounts while
 * authentication is on. "root" always exists and, like the user given
 * with --user, has "rw" everywhere.
 */

#include <string.h>

#include "emulator-input.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-users-private.h"

#define ERROR_USER_INVALID_NAME 1700
#define ERROR_USER_DUPLICATE 1702

static void
account_free (gpointer data)
{
  EmuAccount *account = data;

  g_free (account->name);
  g_free (account->password);
  g_clear_pointer (&account->extra, json_object_unref);
  g_hash_table_unref (account->grants);
  g_ptr_array_unref (account->tokens);
  g_free (account);
}

static EmuAccount *
account_new (const char *name,
             const char *password)
{
  EmuAccount *account = g_new0 (EmuAccount, 1);

  account->name = g_strdup (name);
  account->password = g_strdup (password != NULL ? password : "");
  account->active = TRUE;
  account->extra = json_object_new ();
  account->grants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  account->tokens = g_ptr_array_new_with_free_func (emu_access_token_free);
  return account;
}

void
emu_accounts_free (EmuAccounts *accounts)
{
  g_hash_table_unref (accounts->by_name);
  g_free (accounts);
}

/* Brings in the users authentication knows but this table does not yet:
 * the --user account, and users made along with a database. */
static void
sync_accounts (EmuState    *state,
               EmuAccounts *accounts)
{
  GHashTableIter iter;
  gpointer name, password;

  if (state->users == NULL)
    return;

  g_hash_table_iter_init (&iter, state->users);
  while (g_hash_table_iter_next (&iter, &name, &password))
    if (!g_hash_table_contains (accounts->by_name, name))
      {
        EmuAccount *account = account_new (name, password);

        g_hash_table_insert (account->grants, g_strdup ("*"), g_strdup ("rw"));
        g_hash_table_insert (accounts->by_name, account->name, account);
      }
}

EmuAccounts *
emu_users_get_accounts (EmuState *state)
{
  if (state->accounts == NULL)
    {
      state->accounts = g_new0 (EmuAccounts, 1);
      state->accounts->by_name = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        NULL, account_free);
      state->accounts->next_token_id = 1;
      sync_accounts (state, state->accounts);
      /* Without authentication (or with another --user), root is there
       * all the same, with the empty password. */
      if (!g_hash_table_contains (state->accounts->by_name, "root"))
        {
          EmuAccount *root = account_new ("root", "");

          g_hash_table_insert (root->grants, g_strdup ("*"), g_strdup ("rw"));
          g_hash_table_insert (state->accounts->by_name, root->name, root);
        }
      return state->accounts;
    }
  sync_accounts (state, state->accounts);
  return state->accounts;
}

EmuAccount *
emu_users_lookup (EmuState   *state,
                  const char *name)
{
  return g_hash_table_lookup (emu_users_get_accounts (state)->by_name, name);
}

/* Keeps the authentication table in step: an inactive or deleted account
 * cannot log in. */
static void
update_login (EmuState   *state,
              EmuAccount *account,
              gboolean    deleted)
{
  if (!emu_state_auth_enabled (state))
    return;
  if (deleted || !account->active)
    g_hash_table_remove (state->users, account->name);
  else
    emu_state_add_user (state, account->name, account->password);
}

/* Access levels, as the server resolves them: an explicit grant, else the
 * "*" entry at the same level, else the level above. */
static const char *
grant_of (EmuAccount *account,
          const char *database,
          const char *collection)
{
  g_autofree char *key = collection != NULL
    ? g_strdup_printf ("%s/%s", database, collection)
    : g_strdup (database);

  return g_hash_table_lookup (account->grants, key);
}

const char *
emu_users_database_level (EmuAccount *account,
                          const char *database)
{
  const char *level = grant_of (account, database, NULL);

  if (level == NULL)
    level = grant_of (account, "*", NULL);
  return level != NULL ? level : "none";
}

const char *
emu_users_collection_level (EmuAccount *account,
                            const char *database,
                            const char *collection)
{
  const char *level;

  /* System collections follow the database, except the fixed levels of
   * auth::User::collectionAuthLevel: nobody reads _users through the API,
   * the Foxx queues are read-only and _frontend writable for everyone. */
  if (collection[0] == '_')
    {
      if (g_str_equal (database, "_system") && g_str_equal (collection, "_users"))
        return "none";
      if (g_str_equal (collection, "_queues"))
        return "ro";
      if (g_str_equal (collection, "_frontend"))
        return "rw";
      return emu_users_database_level (account, database);
    }

  level = grant_of (account, database, collection);
  if (level == NULL)
    level = grant_of (account, database, "*");
  if (level == NULL)
    level = grant_of (account, "*", collection);
  if (level == NULL)
    level = grant_of (account, "*", "*");
  return level != NULL ? level : emu_users_database_level (account, database);
}

gboolean
emu_users_may_access_database (EmuState   *state,
                               const char *user,
                               const char *database,
                               const char *path)
{
  /* Any authenticated user may read its own account and the endpoints
   * (NOTES.md, section 6). */
  if (g_str_has_prefix (path, "/_api/user/") || g_str_equal (path, "/_api/user") ||
      g_str_equal (path, "/_api/cluster/endpoints"))
    return TRUE;

  return emu_users_has_database_access (state, user, database);
}

/* Whether @user has a level other than "none" on @database. */
gboolean
emu_users_has_database_access (EmuState   *state,
                               const char *user,
                               const char *database)
{
  EmuAccount *account = emu_users_lookup (state, user);

  return account != NULL &&
         !g_str_equal (emu_users_database_level (account, database), "none");
}

void
emu_users_forget_database (EmuState   *state,
                           const char *database)
{
  g_autofree char *prefix = g_strconcat (database, "/", NULL);
  GHashTableIter accounts, grants;
  gpointer account, key;

  if (state->accounts == NULL)
    return;
  g_hash_table_iter_init (&accounts, state->accounts->by_name);
  while (g_hash_table_iter_next (&accounts, NULL, &account))
    {
      g_hash_table_iter_init (&grants, ((EmuAccount *) account)->grants);
      while (g_hash_table_iter_next (&grants, &key, NULL))
        if (g_str_equal (key, database) || g_str_has_prefix (key, prefix))
          g_hash_table_iter_remove (&grants);
    }
}

void
emu_users_forget_collection (EmuState   *state,
                             const char *database,
                             const char *collection)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", database, collection);
  GHashTableIter accounts;
  gpointer account;

  if (state->accounts == NULL)
    return;
  g_hash_table_iter_init (&accounts, state->accounts->by_name);
  while (g_hash_table_iter_next (&accounts, NULL, &account))
    g_hash_table_remove (((EmuAccount *) account)->grants, key);
}

gboolean
emu_users_is_admin (EmuRequest *req)
{
  EmuAccount *caller;

  if (req->superuser || req->user == NULL)
    return TRUE;
  caller = emu_users_lookup (req->state, req->user);
  return caller != NULL && g_str_equal (emu_users_database_level (caller, "_system"), "rw");
}

/* Managing users needs "rw" on _system; a user may always read itself,
 * and change what @self_may_write allows. */
gboolean
emu_users_check_access (EmuRequest *req,
                        const char *subject,
                        gboolean    self_may_write)
{
  if (req->superuser || req->user == NULL)
    return TRUE;
  if (subject != NULL && g_str_equal (subject, req->user) &&
      (self_may_write || g_str_equal (req->method, "GET")))
    return TRUE;
  if (emu_users_is_admin (req))
    return TRUE;

  emu_reply_error (req->msg, SOUP_STATUS_FORBIDDEN, EMU_ERROR_FORBIDDEN, NULL);
  return FALSE;
}

EmuAccount *
emu_users_require (EmuRequest *req,
                   const char *name)
{
  EmuAccount *account = emu_users_lookup (req->state, name);

  if (account == NULL)
    emu_reply_error (req->msg, SOUP_STATUS_NOT_FOUND, EMU_ERROR_USER_NOT_FOUND, NULL);
  return account;
}

/* A body that is JSON but no object, as the user handler refuses it. */
JsonObject *
emu_users_object_body (EmuRequest  *req,
             JsonNode   **holder)
{
  return emu_input_object_body (req, holder, EMU_ERROR_HTTP_BAD_PARAMETER,
                                "expecting JSON object body");
}

static void
add_account_members (JsonBuilder *builder,
                     EmuAccount  *account)
{
  g_autoptr(JsonNode) extra = json_node_init_object (json_node_alloc (), account->extra);

  emu_json_add_string (builder, "user", account->name);
  emu_json_add_boolean (builder, "active", account->active);
  emu_json_add_node (builder, "extra", extra);
}

/* An account, then "code" and "error", in the order the server writes
 * them. */
static void
reply_account (EmuRequest *req,
               guint       status,
               EmuAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_account_members (builder, account);
  emu_json_add_int (builder, "code", status);
  emu_json_add_boolean (builder, "error", FALSE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, status, builder);
}

static void
reply_accepted (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_ACCEPTED);

  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_ACCEPTED, builder);
}

/* passwd, active and extra of a create, update or replace body; a member
 * of the wrong type is a 400 as the server gives it. */
static gboolean
read_account_fields (EmuRequest  *req,
                     JsonObject  *body,
                     const char **password,
                     JsonNode   **active,
                     JsonNode   **extra)
{
  JsonNode *node = json_object_get_member (body, "passwd");

  *password = NULL;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (json_node_get_value_type (node) != G_TYPE_STRING)
        goto bad;
      *password = json_node_get_string (node);
    }

  *active = json_object_get_member (body, "active");
  if (*active != NULL && json_node_get_value_type (*active) != G_TYPE_BOOLEAN)
    goto bad;

  *extra = json_object_get_member (body, "extra");
  if (*extra != NULL && !JSON_NODE_HOLDS_OBJECT (*extra))
    goto bad;

  return TRUE;

bad:
  emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                   "invalid user definition");
  return FALSE;
}

static void
handle_create (EmuRequest *req)
{
  g_autoptr(JsonNode) holder = NULL;
  EmuAccounts *accounts = emu_users_get_accounts (req->state);
  EmuAccount *account;
  JsonObject *body;
  JsonNode *active, *extra;
  const char *name, *password;

  if (!emu_users_check_access (req, NULL, FALSE) ||
      (body = emu_users_object_body (req, &holder)) == NULL)
    return;

  name = emu_json_get_string (body, "user");
  if (name == NULL || *name == '\0')
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, ERROR_USER_INVALID_NAME,
                       "invalid user name");
      return;
    }
  if (!read_account_fields (req, body, &password, &active, &extra))
    return;
  if (g_hash_table_contains (accounts->by_name, name))
    {
      emu_reply_error (req->msg, SOUP_STATUS_CONFLICT, ERROR_USER_DUPLICATE, "duplicate user");
      return;
    }

  account = account_new (name, password);
  if (active != NULL)
    account->active = json_node_get_boolean (active);
  if (extra != NULL)
    {
      json_object_unref (account->extra);
      account->extra = json_object_ref (json_node_get_object (extra));
    }
  g_hash_table_insert (accounts->by_name, account->name, account);
  update_login (req->state, account, FALSE);

  reply_account (req, SOUP_STATUS_CREATED, account);
}

static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  const EmuAccount *first = *(EmuAccount * const *) a;
  const EmuAccount *second = *(EmuAccount * const *) b;

  return strcmp (first->name, second->name);
}

static void
handle_list (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  EmuAccounts *accounts = emu_users_get_accounts (req->state);
  GHashTableIter iter;
  gpointer account;
  guint i;

  if (!emu_users_check_access (req, NULL, FALSE))
    return;

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, accounts->by_name);
  while (g_hash_table_iter_next (&iter, NULL, &account))
    g_ptr_array_add (sorted, account);
  g_ptr_array_sort (sorted, compare_accounts);

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (i = 0; i < sorted->len; i++)
    {
      json_builder_begin_object (builder);
      add_account_members (builder, g_ptr_array_index (sorted, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_get (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "user");
  EmuAccount *account;

  if (emu_users_check_access (req, name, FALSE) && (account = emu_users_require (req, name)) != NULL)
    reply_account (req, SOUP_STATUS_OK, account);
}

/* PATCH changes what the body names and merges "extra"; PUT resets what
 * it leaves out. */
static void
change_account (EmuRequest *req,
                gboolean    replace)
{
  g_autoptr(JsonNode) holder = NULL;
  const char *name = emu_request_get_param (req, "user");
  EmuAccount *account;
  JsonObject *body;
  JsonNode *active, *extra;
  const char *password;

  if (!emu_users_check_access (req, name, TRUE) || (account = emu_users_require (req, name)) == NULL ||
      (body = emu_users_object_body (req, &holder)) == NULL ||
      !read_account_fields (req, body, &password, &active, &extra))
    return;

  if (password != NULL || replace)
    {
      g_free (account->password);
      account->password = g_strdup (password != NULL ? password : "");
    }
  if (active != NULL || replace)
    account->active = active != NULL ? json_node_get_boolean (active) : TRUE;
  if (replace)
    {
      json_object_unref (account->extra);
      account->extra = extra != NULL ? json_object_ref (json_node_get_object (extra))
                                     : json_object_new ();
    }
  else if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (extra));
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (account->extra, member, json_node_copy (value));
    }
  update_login (req->state, account, FALSE);

  reply_account (req, SOUP_STATUS_OK, account);
}

static void
handle_update (EmuRequest *req)
{
  change_account (req, FALSE);
}

static void
handle_replace (EmuRequest *req)
{
  change_account (req, TRUE);
}

static void
handle_delete (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "user");
  EmuAccount *account;

  if (!emu_users_check_access (req, NULL, FALSE) || (account = emu_users_require (req, name)) == NULL)
    return;

  update_login (req->state, account, TRUE);
  g_hash_table_remove (emu_users_get_accounts (req->state)->by_name, name);
  reply_accepted (req);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_database_names (EmuState *state)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, state->databases);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, name);
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* ?full=true: every database with its level and the explicit grant (or
 * "undefined") of each collection; without: the databases the user may
 * use, with their level. */
static void
add_full_database (JsonBuilder *builder,
                   EmuAccount  *account,
                   EmuDatabase *database)
{
  const char *level;
  guint i;

  json_builder_set_member_name (builder, database->name);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "permission", emu_users_database_level (account, database->name));
  json_builder_set_member_name (builder, "collections");
  json_builder_begin_object (builder);
  for (i = 0; i < database->collections->len; i++)
    {
      EmuCollection *collection = g_ptr_array_index (database->collections, i);

      level = grant_of (account, database->name, collection->name);
      emu_json_add_string (builder, collection->name, level != NULL ? level : "undefined");
    }
  level = grant_of (account, database->name, "*");
  emu_json_add_string (builder, "*", level != NULL ? level : "undefined");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
handle_list_permissions (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "user");
  gboolean full = emu_request_get_query_bool (req, "full", FALSE);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) names = NULL;
  EmuAccount *account;
  guint i;

  if (!emu_users_check_access (req, name, FALSE) || (account = emu_users_require (req, name)) == NULL)
    return;

  names = sorted_database_names (req->state);
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  for (i = 0; i < names->len; i++)
    {
      const char *database = g_ptr_array_index (names, i);
      const char *level = emu_users_database_level (account, database);

      if (full)
        add_full_database (builder, account,
                           emu_state_lookup_database (req->state, database));
      else if (!g_str_equal (level, "none"))
        emu_json_add_string (builder, database, level);
    }
  if (full)
    {
      const char *level = grant_of (account, "*", NULL);

      json_builder_set_member_name (builder, "*");
      json_builder_begin_object (builder);
      emu_json_add_string (builder, "permission", level != NULL ? level : "none");
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* The database and collection of a permission path must exist, "*"
 * standing for all. */
static gboolean
check_target (EmuRequest *req,
              const char *database,
              const char *collection)
{
  EmuDatabase *found = NULL;

  if (!g_str_equal (database, "*") &&
      (found = emu_state_lookup_database (req->state, database)) == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATABASE_NOT_FOUND, NULL);
      return FALSE;
    }
  if (collection != NULL && !g_str_equal (collection, "*") && found != NULL &&
      emu_database_lookup_collection (found, collection) == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
handle_get_permission (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "user");
  const char *database = emu_request_get_param (req, "database");
  const char *collection = emu_request_get_param (req, "collection");
  g_autoptr(JsonBuilder) builder = NULL;
  EmuAccount *account;

  if (!emu_users_check_access (req, name, FALSE) || (account = emu_users_require (req, name)) == NULL ||
      !check_target (req, database, collection))
    return;

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_string (builder, "result",
                       collection != NULL
                       ? emu_users_collection_level (account, database, collection)
                       : emu_users_database_level (account, database));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static gboolean
is_level (const char *grant)
{
  return grant != NULL &&
         (g_str_equal (grant, "rw") || g_str_equal (grant, "ro") || g_str_equal (grant, "none"));
}

static void
handle_set_permission (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "user");
  const char *database = emu_request_get_param (req, "database");
  const char *collection = emu_request_get_param (req, "collection");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) holder = NULL;
  g_autofree char *key = NULL;
  EmuAccount *account;
  JsonObject *body;
  const char *grant;

  if (!emu_users_check_access (req, NULL, FALSE) || (account = emu_users_require (req, name)) == NULL ||
      (body = emu_users_object_body (req, &holder)) == NULL)
    return;

  grant = emu_json_get_string (body, "grant");
  if (!is_level (grant))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "invalid grant");
      return;
    }
  if (!check_target (req, database, collection))
    return;

  key = collection != NULL ? g_strdup_printf ("%s/%s", database, collection)
                           : g_strdup (database);
  g_hash_table_replace (account->grants, g_strdup (key), g_strdup (grant));

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  emu_json_add_string (builder, key, grant);
  emu_json_add_int (builder, "code", SOUP_STATUS_OK);
  emu_json_add_boolean (builder, "error", FALSE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_reset_permission (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "user");
  const char *database = emu_request_get_param (req, "database");
  const char *collection = emu_request_get_param (req, "collection");
  g_autofree char *key = NULL;
  EmuAccount *account;

  if (!emu_users_check_access (req, NULL, FALSE) || (account = emu_users_require (req, name)) == NULL ||
      !check_target (req, database, collection))
    return;

  key = collection != NULL ? g_strdup_printf ("%s/%s", database, collection)
                           : g_strdup (database);
  g_hash_table_remove (account->grants, key);
  reply_accepted (req);
}

static const EmuRoute user_routes[] = {
  { "POST", "/_api/user", handle_create },
  { "GET", "/_api/user", handle_list },
  { "GET", "/_api/user/{user}", handle_get },
  { "PATCH", "/_api/user/{user}", handle_update },
  { "PUT", "/_api/user/{user}", handle_replace },
  { "DELETE", "/_api/user/{user}", handle_delete },
  { "GET", "/_api/user/{user}/database", handle_list_permissions },
  { "GET", "/_api/user/{user}/database/{database}", handle_get_permission },
  { "GET", "/_api/user/{user}/database/{database}/{collection}", handle_get_permission },
  { "PUT", "/_api/user/{user}/database/{database}", handle_set_permission },
  { "PUT", "/_api/user/{user}/database/{database}/{collection}", handle_set_permission },
  { "DELETE", "/_api/user/{user}/database/{database}", handle_reset_permission },
  { "DELETE", "/_api/user/{user}/database/{database}/{collection}", handle_reset_permission },
};

void
emu_users_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, user_routes, G_N_ELEMENTS (user_routes));
}
