/* emulator-permissions.c: collection-level access, as the server enforces it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The server checks access where the work is done, so its refusals differ
 * by endpoint (arangod 3.12 source):
 *
 * - a transaction on a collection (documents, edges, import, truncate,
 *   AQL, stream transactions): TransactionState::checkCollectionPermission,
 *   level "none" 403/11 "forbidden: <c> [<mode>]", level "ro" and a write
 *   403/1004 "read only: <c> [<mode>]", the mode "read", "write" or
 *   "exclusive";
 * - /_api/collection/{c}…: Collections::lookup first, "none" 403/11
 *   "No access to collection '<c>'"; then changing properties or the name
 *   needs "rw" on database and collection (403/11 "forbidden"), dropping
 *   too ("Insufficient rights to drop collection <c>"), truncating takes an
 *   exclusive transaction;
 * - creating a collection needs "rw" on the database (403/11 "cannot
 *   create collection in <db>: forbidden"), and grants the creator "rw"
 *   on it;
 * - Indexes::ensureIndex and Indexes::drop: "rw" on database and
 *   collection (403/11 "forbidden"); Indexes::getAll on a Coordinator
 *   reads the cluster plan and checks nothing beyond the database (whose
 *   "none" the request pipeline refuses with 401), a single server lists
 *   them in a read transaction.
 * - creating a graph (GraphManager::checkCreateGraphPermissions): with
 *   "rw" on the database, "ro" at least on each of its collections, else
 *   403/11 "forbidden"; without, 403/11 if one of them is missing or not
 *   readable, else 403/1004; dropping one (checkDropGraphPermissions):
 *   "rw" on the database and on each collection dropped with it
 *   (403/11), then "rw" on _graphs, which is the database's level
 *   (403/1004). RestGraphHandler reports these 1004s
 *   (generateTransactionError) as "collection is read-only";
 * - changing a graph's definitions (GraphOperations): replacing an edge
 *   definition (checkEdgeDefinitionPermissions) needs "ro" at least on
 *   each of its collections and "rw" on the database for those that do
 *   not exist (403/11 "forbidden"); removing an edge definition with its
 *   collection, or an orphan that exists, needs "rw" on that collection
 *   (hasRWPermissionsFor, 403/11 "forbidden"); collections the graph
 *   needs are looked up (Collections::lookup) and created
 *   (Collections::create) as above; the graph is then written to _graphs
 *   in a transaction (403/1004 "read only: _graphs [write]" with "ro" on
 *   the database).
 *
 * Superusers (authentication off, superuser tokens) pass every check;
 * "root" and the --user account pass as any account with "rw" on "*"
 * does. A collection that does not exist is left to the handler's 404.
 */

#include <string.h>

#include "emulator-permissions.h"
#include "emulator-query-cache.h"
#include "emulator-reply.h"
#include "emulator-users-private.h"

typedef enum {
  LEVEL_NONE,
  LEVEL_RO,
  LEVEL_RW,
} Level;

typedef enum {
  RULE_USE,             /* a transaction on the collection, in mode */
  RULE_LOOKUP,          /* Collections::lookup, then a transaction in mode */
  RULE_LOOKUP_MODIFY,   /* Collections::lookup, then rw on database and collection */
  RULE_LOOKUP_DROP,     /* as RULE_LOOKUP_MODIFY, with the drop's message */
  RULE_CREATE,          /* rw on the database */
  RULE_INDEX_MODIFY,    /* rw on database and collection */
  RULE_INDEX_READ,      /* single server: a read transaction */
} RuleKind;

#define NO_USE ((EmuAccessMode) -1)

typedef struct {
  const char    *method;
  const char    *pattern;
  RuleKind       kind;
  EmuAccessMode  mode;
  const char    *query_parameter;  /* names the collection, else {collection} */
} Rule;

static const Rule rules[] = {
  { "GET", "/_api/document/{collection}/{key}", RULE_USE, EMU_ACCESS_READ, NULL },
  { "POST", "/_api/document/{collection}", RULE_USE, EMU_ACCESS_WRITE, NULL },
  { "PUT", "/_api/document/{collection}", RULE_USE, EMU_ACCESS_WRITE, NULL },
  { "PATCH", "/_api/document/{collection}", RULE_USE, EMU_ACCESS_WRITE, NULL },
  { "DELETE", "/_api/document/{collection}", RULE_USE, EMU_ACCESS_WRITE, NULL },
  { "PUT", "/_api/document/{collection}/{key}", RULE_USE, EMU_ACCESS_WRITE, NULL },
  { "PATCH", "/_api/document/{collection}/{key}", RULE_USE, EMU_ACCESS_WRITE, NULL },
  { "DELETE", "/_api/document/{collection}/{key}", RULE_USE, EMU_ACCESS_WRITE, NULL },
  { "GET", "/_api/edges/{collection}", RULE_USE, EMU_ACCESS_READ, NULL },
  { "POST", "/_api/import", RULE_USE, EMU_ACCESS_WRITE, "collection" },

  { "POST", "/_api/collection", RULE_CREATE, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}", RULE_LOOKUP, NO_USE, NULL },
  { "GET", "/_api/collection/{collection}", RULE_LOOKUP, NO_USE, NULL },
  { "GET", "/_api/collection/{collection}/properties", RULE_LOOKUP, NO_USE, NULL },
  { "GET", "/_api/collection/{collection}/count", RULE_LOOKUP, EMU_ACCESS_READ, NULL },
  { "GET", "/_api/collection/{collection}/figures", RULE_LOOKUP, NO_USE, NULL },
  { "GET", "/_api/collection/{collection}/checksum", RULE_LOOKUP, EMU_ACCESS_READ, NULL },
  { "GET", "/_api/collection/{collection}/revision", RULE_LOOKUP, NO_USE, NULL },
  { "GET", "/_api/collection/{collection}/shards", RULE_LOOKUP, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}/responsibleShard", RULE_LOOKUP, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}/load", RULE_LOOKUP, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}/unload", RULE_LOOKUP, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}/loadIndexesIntoMemory", RULE_LOOKUP, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}/compact", RULE_LOOKUP, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}/truncate", RULE_LOOKUP, EMU_ACCESS_EXCLUSIVE, NULL },
  { "PUT", "/_api/collection/{collection}/properties", RULE_LOOKUP_MODIFY, NO_USE, NULL },
  { "PUT", "/_api/collection/{collection}/rename", RULE_LOOKUP_MODIFY, NO_USE, NULL },
  { "DELETE", "/_api/collection/{collection}", RULE_LOOKUP_DROP, NO_USE, NULL },

  { "GET", "/_api/index", RULE_INDEX_READ, EMU_ACCESS_READ, "collection" },
  { "GET", "/_api/index/{collection}/{id}", RULE_INDEX_READ, EMU_ACCESS_READ, NULL },
  { "POST", "/_api/index", RULE_INDEX_MODIFY, NO_USE, "collection" },
  { "DELETE", "/_api/index/{collection}/{id}", RULE_INDEX_MODIFY, NO_USE, NULL },
};

static Level
level_of (const char *grant)
{
  if (g_str_equal (grant, "rw"))
    return LEVEL_RW;
  if (g_str_equal (grant, "ro"))
    return LEVEL_RO;
  return LEVEL_NONE;
}

/* NULL when every check passes: no authentication, a superuser. */
static EmuAccount *
checked_account (EmuRequest *req)
{
  if (req->superuser || req->user == NULL)
    return NULL;
  return emu_users_lookup (req->state, req->user);
}

static Level
database_level (EmuAccount *account,
                EmuRequest *req)
{
  return account != NULL ? level_of (emu_users_database_level (account, req->database))
                         : LEVEL_RW;
}

static Level
collection_level (EmuAccount *account,
                  EmuRequest *req,
                  const char *collection)
{
  return account != NULL
    ? level_of (emu_users_collection_level (account, req->database, collection))
    : LEVEL_RW;
}

static const char *
mode_name (EmuAccessMode mode)
{
  switch (mode)
    {
    case EMU_ACCESS_WRITE:
      return "write";
    case EMU_ACCESS_EXCLUSIVE:
      return "exclusive";
    case EMU_ACCESS_READ:
    default:
      return "read";
    }
}

/* The error of TransactionState::checkCollectionPermission, or 0. */
static int
use_refusal (EmuRequest    *req,
             const char    *collection,
             EmuAccessMode  mode,
             char         **message)
{
  Level level = collection_level (checked_account (req), req, collection);
  int error_num;

  if (level == LEVEL_NONE)
    error_num = EMU_ERROR_FORBIDDEN;
  else if (level == LEVEL_RO && mode != EMU_ACCESS_READ)
    error_num = EMU_ERROR_ARANGO_READ_ONLY;
  else
    return 0;

  *message = g_strdup_printf ("%s: %s [%s]", emu_error_message (error_num), collection,
                              mode_name (mode));
  return error_num;
}

gboolean
emu_permissions_check_use (EmuRequest    *req,
                           EmuCollection *collection,
                           EmuAccessMode  mode)
{
  g_autofree char *message = NULL;
  int error_num = use_refusal (req, collection->name, mode, &message);

  if (error_num == 0)
    return TRUE;
  emu_reply_arango_error (req->msg, error_num, message);
  return FALSE;
}

static gboolean
refuse (EmuRequest *req,
        const char *message)
{
  emu_reply_arango_error (req->msg, EMU_ERROR_FORBIDDEN, message);
  return FALSE;
}

/* GraphManager's read-only refusal, as RestGraphHandler reports it. */
static gboolean
refuse_read_only_graph (EmuRequest *req)
{
  emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_READ_ONLY, "collection is read-only");
  return FALSE;
}

gboolean
emu_permissions_check_lookup (EmuRequest *req,
                              const char *collection)
{
  g_autofree char *message = NULL;

  if (collection_level (checked_account (req), req, collection) != LEVEL_NONE)
    return TRUE;
  message = g_strdup_printf ("No access to collection '%s'", collection);
  return refuse (req, message);
}

gboolean
emu_permissions_check_create_collection (EmuRequest *req)
{
  g_autofree char *message = NULL;

  if (database_level (checked_account (req), req) == LEVEL_RW)
    return TRUE;
  message = g_strdup_printf ("cannot create collection in %s: %s", req->database,
                             emu_error_message (EMU_ERROR_FORBIDDEN));
  return refuse (req, message);
}

static gboolean
may_modify (EmuAccount *account,
            EmuRequest *req,
            const char *collection)
{
  return database_level (account, req) == LEVEL_RW &&
         collection_level (account, req, collection) == LEVEL_RW;
}

static gboolean
apply_rule (EmuRequest    *req,
            const Rule    *rule,
            EmuCollection *collection)
{
  EmuAccount *account = checked_account (req);
  const char *name = collection->name;

  switch (rule->kind)
    {
    case RULE_USE:
      return emu_permissions_check_use (req, collection, rule->mode);

    case RULE_INDEX_READ:
      return !req->state->single_server || emu_permissions_check_use (req, collection, rule->mode);

    case RULE_INDEX_MODIFY:
      return may_modify (account, req, name) || refuse (req, NULL);

    case RULE_LOOKUP:
    case RULE_LOOKUP_MODIFY:
    case RULE_LOOKUP_DROP:
    case RULE_CREATE:
    default:
      break;
    }

  if (!emu_permissions_check_lookup (req, name))
    return FALSE;

  if (rule->kind == RULE_LOOKUP_MODIFY && !may_modify (account, req, name))
    return refuse (req, NULL);
  if (rule->kind == RULE_LOOKUP_DROP && !may_modify (account, req, name))
    {
      g_autofree char *message = g_strdup_printf ("Insufficient rights to drop collection %s",
                                                  name);

      return refuse (req, message);
    }
  return rule->mode == NO_USE || emu_permissions_check_use (req, collection, rule->mode);
}

static const Rule *
rule_for (EmuRequest *req,
          const char *pattern)
{
  const char *method = g_str_equal (req->method, "HEAD") ? "GET" : req->method;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].pattern, pattern) && g_str_equal (rules[i].method, method))
      return &rules[i];
  return NULL;
}

gboolean
emu_permissions_authorize_route (EmuRequest *req,
                                 const char *pattern)
{
  const Rule *rule;
  Rule effective;
  EmuDatabase *database;
  EmuCollection *collection;
  const char *name;

  if (checked_account (req) == NULL || (rule = rule_for (req, pattern)) == NULL)
    return TRUE;

  if (rule->kind == RULE_CREATE)
    return emu_permissions_check_create_collection (req);

  name = rule->query_parameter != NULL ? emu_request_get_query (req, rule->query_parameter)
                                       : emu_request_get_param (req, "collection");
  database = emu_state_lookup_database (req->state, req->database);
  collection = name != NULL && database != NULL
    ? emu_database_find_collection (database, name) : NULL;
  if (collection == NULL)
    return TRUE;

  /* PUT /_api/document/{c}?onlyget=true reads. */
  effective = *rule;
  if (g_str_equal (rule->method, "PUT") && rule->kind == RULE_USE &&
      emu_request_get_query_bool (req, "onlyget", FALSE))
    effective.mode = EMU_ACCESS_READ;
  return apply_rule (req, &effective, collection);
}

static void
note_use (GHashTable    *uses,
          const char    *name,
          EmuAccessMode  mode)
{
  gpointer known;

  if (name == NULL)
    return;
  if (g_hash_table_lookup_extended (uses, name, NULL, &known) &&
      GPOINTER_TO_INT (known) >= (gint) mode)
    return;
  g_hash_table_replace (uses, (gpointer) name, GINT_TO_POINTER (mode));
}

static const char *
bound_name (JsonNode   *bind_vars,
            const char *parameter)
{
  g_autofree char *key = g_strconcat ("@", parameter, NULL);
  JsonNode *value;

  if (bind_vars == NULL || !JSON_NODE_HOLDS_OBJECT (bind_vars))
    return NULL;
  value = json_object_get_member (json_node_get_object (bind_vars), key);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (value);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* As the query's transaction adds its collections: by name, each in the
 * strongest mode the query uses it. */
gboolean
emu_permissions_check_query (EmuRequest  *req,
                             EmuAqlQuery *query,
                             JsonNode    *bind_vars,
                             EmuAqlError *error)
{
  g_autoptr(GHashTable) uses = NULL;
  g_auto(GStrv) read = NULL;
  g_autofree gpointer *names = NULL;
  EmuDatabase *database;
  guint i, n_names;

  if (checked_account (req) == NULL)
    return TRUE;

  uses = g_hash_table_new (g_str_hash, g_str_equal);
  read = emu_query_data_sources (query, bind_vars);
  for (i = 0; read[i] != NULL; i++)
    note_use (uses, read[i], EMU_ACCESS_READ);
  for (i = 0; i < query->statements->len; i++)
    {
      EmuAqlStatement *statement = g_ptr_array_index (query->statements, i);
      EmuAqlNode *target = statement->collection;

      if (target == NULL)
        continue;
      note_use (uses,
                target->type == AQL_NODE_DATASOURCE_PARAMETER
                  ? bound_name (bind_vars, target->text) : target->text,
                EMU_ACCESS_WRITE);
    }

  database = emu_state_lookup_database (req->state, req->database);
  names = g_hash_table_get_keys_as_array (uses, &n_names);
  qsort (names, n_names, sizeof *names, compare_names);
  for (i = 0; i < n_names; i++)
    {
      EmuCollection *collection = emu_database_find_collection (database, names[i]);
      EmuAccessMode mode = GPOINTER_TO_INT (g_hash_table_lookup (uses, names[i]));
      g_autofree char *message = NULL;
      int error_num;

      if (collection == NULL)
        continue;
      if ((error_num = use_refusal (req, collection->name, mode, &message)) != 0)
        {
          emu_aql_error_set (error, error_num, "%s", message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
readable (EmuAccount  *account,
          EmuRequest  *req,
          EmuDatabase *database,
          const char  *name,
          gboolean     must_exist)
{
  if (must_exist && emu_database_lookup_collection (database, name) == NULL)
    return FALSE;
  return collection_level (account, req, name) != LEVEL_NONE;
}

gboolean
emu_permissions_check_graph_create (EmuRequest  *req,
                                    EmuDatabase *database,
                                    GPtrArray   *edge_collections,
                                    GPtrArray   *vertex_collections)
{
  EmuAccount *account = checked_account (req);
  GPtrArray *lists[] = { edge_collections, vertex_collections };
  /* Without "rw" on the database no collection can be created. */
  gboolean database_writable = database_level (account, req) == LEVEL_RW;

  if (account == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; j < lists[i]->len; j++)
      if (!readable (account, req, database, g_ptr_array_index (lists[i], j), !database_writable))
        return refuse (req, NULL);
  return database_writable || refuse_read_only_graph (req);
}

gboolean
emu_permissions_check_graph_drop (EmuRequest *req,
                                  GPtrArray  *dropped)
{
  EmuAccount *account = checked_account (req);

  if (account == NULL)
    return TRUE;
  for (guint i = 0; i < dropped->len; i++)
    if (!may_modify (account, req, g_ptr_array_index (dropped, i)))
      return refuse (req, NULL);
  return database_level (account, req) == LEVEL_RW || refuse_read_only_graph (req);
}

gboolean
emu_permissions_check_edge_definition (EmuRequest  *req,
                                       EmuDatabase *database,
                                       GPtrArray   *collections)
{
  EmuAccount *account = checked_account (req);
  gboolean database_writable = database_level (account, req) == LEVEL_RW;

  if (account == NULL)
    return TRUE;
  for (guint i = 0; i < collections->len; i++)
    {
      const char *name = g_ptr_array_index (collections, i);

      if (collection_level (account, req, name) == LEVEL_NONE ||
          (emu_database_lookup_collection (database, name) == NULL && !database_writable))
        return refuse (req, NULL);
    }
  return TRUE;
}

gboolean
emu_permissions_check_graph_collection_write (EmuRequest *req,
                                              const char *collection)
{
  return collection_level (checked_account (req), req, collection) == LEVEL_RW ||
         refuse (req, NULL);
}

void
emu_permissions_grant_creator (EmuRequest *req,
                               const char *collection)
{
  EmuAccount *account = checked_account (req);

  if (account == NULL || collection[0] == '_')
    return;
  g_hash_table_replace (account->grants,
                        g_strdup_printf ("%s/%s", req->database, collection),
                        g_strdup ("rw"));
}
