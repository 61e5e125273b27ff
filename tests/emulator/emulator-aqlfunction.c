/* emulator-aqlfunction.c: /_api/aqlfunction, AQL user functions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The emulator answers as a server without JavaScript
 * (--javascript.enabled false): registering a function needs V8 to check
 * its code and is refused as such a server refuses it (500, errorNum 36
 * "JavaScript operations are not available"). Listing and removing work as
 * there, on the documents of the database's _aqlfunctions collection
 * (_key: the upper-case name; name, code, isDeterministic), which the
 * document API can fill. Answers as 3.12/RestAqlfunction*_single.json.
 */

#include <string.h>

#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-store.h"

#define ERROR_DISABLED 36
#define ERROR_QUERY_FUNCTION_INVALID_NAME 1580
#define ERROR_QUERY_FUNCTION_NOT_FOUND 1582

static void
handle_register (EmuRequest *req)
{
  emu_reply_error (req->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, ERROR_DISABLED,
                   "JavaScript operations are not available");
}

/* namespace::name, each part letters, digits and underscores. */
static gboolean
is_valid_name (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "::", -1);
  guint i;

  if (g_strv_length (parts) < 2)
    return FALSE;
  for (i = 0; parts[i] != NULL; i++)
    {
      const char *c;

      if (*parts[i] == '\0')
        return FALSE;
      for (c = parts[i]; *c != '\0'; c++)
        if (!g_ascii_isalnum (*c) && *c != '_')
          return FALSE;
    }
  return TRUE;
}

/* The stored functions whose upper-case name starts with prefix (all of
 * them for ""); NULL when the database has no _aqlfunctions. */
static GPtrArray *
find_functions (EmuRequest    *req,
                const char    *prefix,
                EmuCollection **collection_out)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  EmuCollection *collection = emu_database_lookup_collection (database, "_aqlfunctions");
  g_autofree char *upper = g_ascii_strup (prefix, -1);
  g_autoptr(GPtrArray) documents = NULL;
  GPtrArray *matching;
  EmuView view;
  guint i;

  if (collection_out != NULL)
    *collection_out = collection;
  matching = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_document_unref);
  if (collection == NULL)
    return matching;

  emu_view_init (&view, database, NULL, NULL);
  documents = emu_view_scan (&view, collection);
  for (i = 0; i < documents->len; i++)
    {
      EmuDocument *document = g_ptr_array_index (documents, i);

      if (g_str_has_prefix (emu_document_key (document), upper))
        g_ptr_array_add (matching, emu_document_ref (document));
    }
  return matching;
}

static void
add_function (JsonBuilder *builder,
              JsonObject  *stored)
{
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "name", emu_json_get_string (stored, "name"));
  emu_json_add_string (builder, "code", emu_json_get_string (stored, "code"));
  emu_json_add_boolean (builder, "isDeterministic",
                        emu_json_get_boolean (stored, "isDeterministic", FALSE));
  json_builder_end_object (builder);
}

/* GET /_api/aqlfunction[/{namespace}][?namespace=]: a namespace "ns"
 * selects the functions named "ns::…". */
static void
handle_list (EmuRequest *req)
{
  const char *namespace = emu_request_get_param (req, "namespace");
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) functions = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint i;

  if (namespace == NULL)
    namespace = emu_request_get_query (req, "namespace");
  prefix = namespace != NULL && *namespace != '\0'
    ? g_strconcat (namespace, "::", NULL)
    : g_strdup ("");
  functions = find_functions (req, prefix, NULL);

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (i = 0; i < functions->len; i++)
    add_function (builder, emu_document_object (g_ptr_array_index (functions, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* DELETE /_api/aqlfunction/{name}[?group=true]: one function, or with
 * group every function of the namespace "name::". */
static void
handle_remove (EmuRequest *req)
{
  const char *name = emu_request_get_param (req, "namespace");
  gboolean group = emu_request_get_query_bool (req, "group", FALSE);
  g_autofree char *upper = g_ascii_strup (name, -1);
  g_autofree char *prefix = group ? g_strconcat (name, "::", NULL) : g_strdup (name);
  g_autoptr(GPtrArray) functions = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  EmuCollection *collection = NULL;
  EmuView view;
  guint removed = 0;
  guint i;

  if (!group && !is_valid_name (name))
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_BAD_REQUEST, ERROR_QUERY_FUNCTION_INVALID_NAME,
                        "error deleting AQL user function: '%s' is not a valid name", name);
      return;
    }

  functions = find_functions (req, prefix, &collection);
  emu_view_init (&view, emu_state_lookup_database (req->state, req->database), NULL, NULL);
  for (i = 0; i < functions->len; i++)
    {
      const char *key = emu_document_key (g_ptr_array_index (functions, i));

      if (group || g_str_equal (key, upper))
        {
          emu_view_put (&view, collection, key, NULL);
          removed++;
        }
    }

  if (!group && removed == 0)
    {
      emu_reply_errorf (req->msg, SOUP_STATUS_NOT_FOUND, ERROR_QUERY_FUNCTION_NOT_FOUND,
                        "no AQL user function with name '%s' found", name);
      return;
    }

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_int (builder, "deletedCount", removed);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute aqlfunction_routes[] = {
  { "POST", "/_api/aqlfunction", handle_register },
  { "GET", "/_api/aqlfunction", handle_list },
  { "GET", "/_api/aqlfunction/{namespace}", handle_list },
  { "DELETE", "/_api/aqlfunction/{namespace}", handle_remove },
};

void
emu_aqlfunction_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, aqlfunction_routes, G_N_ELEMENTS (aqlfunction_routes));
}
