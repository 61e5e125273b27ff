/* emulator-import.c: POST /_api/import
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestImportJson*_single.json and RestImportCsv*_single.json:
 * 201 {"error":false,"created","errors","empty","updated","ignored"
 * [,"details"]}; with complete=true the first error fails the whole
 * import (409 "unique constraint violated", the plain text). type=list is
 * one JSON array, type=documents one object per line, type=auto either,
 * no type the array-per-line format with a header line.
 */

#include <string.h>

#include "emulator-docops.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-transactions.h"
#include "emulator-value.h"

typedef struct {
  gint64     created;
  gint64     errors;
  gint64     empty;
  gint64     updated;
  gint64     ignored;
  GPtrArray *details;       /* char * */
} Summary;

typedef struct {
  EmuRequest      *req;
  EmuRequestScope  scope;
  EmuCollection   *collection;
  EmuDocOptions    options;
  gboolean         complete;
  Summary          summary;
  int              failure;    /* complete=true: the error that stops the import */
  char            *failure_message;
} Import;

static void
add_detail (Import     *import,
            guint       position,
            const char *what,
            JsonNode   *document)
{
  g_autofree char *text = emu_json_to_string (document);

  import->summary.errors++;
  g_ptr_array_add (import->summary.details,
                   g_strdup_printf ("at position %u: %s, offending document: %s",
                                    position, what, text));
}

/* One document; @position is how the server numbers it in details. */
static void
import_one (Import   *import,
            JsonNode *document,
            guint     position)
{
  EmuDocResult result = { 0 };
  EmuDocument *existing = NULL;
  const char *key = NULL;

  if (import->failure != 0)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (document))
    {
      add_detail (import, position, "invalid JSON type (expecting object)", document);
      if (import->complete)
        import->failure = EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID;
      return;
    }

  if (import->collection->type == 3)
    {
      JsonObject *object = json_node_get_object (document);

      if (emu_json_get_string (object, "_from") == NULL ||
          emu_json_get_string (object, "_to") == NULL)
        {
          add_detail (import, position, "missing '_from' or '_to' attribute", document);
          if (import->complete)
            import->failure = EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE;
          return;
        }
    }

  key = emu_json_get_string (json_node_get_object (document), "_key");
  if (key != NULL)
    existing = emu_view_lookup (&import->scope.view, import->collection, key);

  emu_doc_insert (import->req->state, &import->scope.view, import->collection, document,
                  &import->options, &result);
  if (result.error_num != 0)
    {
      g_autofree char *what = g_strdup_printf ("creating document failed with error '%s'",
                                               emu_error_message (result.error_num));

      add_detail (import, position, what, document);
      if (import->complete)
        {
          import->failure = result.error_num;
          import->failure_message = g_strdup (emu_error_message (result.error_num));
        }
    }
  else if (existing == NULL)
    import->summary.created++;
  else if (result.written)
    import->summary.updated++;
  else
    import->summary.ignored++;

  emu_doc_result_clear (&result);
}

static gboolean
is_blank (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static gboolean
starts_with_array (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;
  return *text == '[';
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

/* Replies and returns FALSE for a body that is no JSON array. */
static gboolean
import_list (Import     *import,
             const char *text)
{
  g_autoptr(JsonNode) root = parse_json (text);
  JsonArray *array;
  guint i;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      emu_reply_error (import->req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "expecting a JSON array in the request");
      return FALSE;
    }

  array = json_node_get_array (root);
  for (i = 0; i < json_array_get_length (array); i++)
    import_one (import, json_array_get_element (array, i), i + 1);
  return TRUE;
}

static void
import_lines (Import     *import,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) document = NULL;

      if (is_blank (lines[i]))
        {
          /* A trailing newline ends the last line; it is no empty one. */
          if (lines[i + 1] != NULL)
            import->summary.empty++;
          continue;
        }
      document = parse_json (lines[i]);
      if (document == NULL)
        {
          import->summary.errors++;
          g_ptr_array_add (import->summary.details,
                           g_strdup_printf ("at position %u: invalid JSON type (expecting object), "
                                            "offending document: %s", i, lines[i]));
          continue;
        }
      import_one (import, document, i);
    }
}

/* The first line names the attributes, every further line is a JSON
 * array of values. */
static gboolean
import_arrays (Import     *import,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(JsonNode) header = NULL;
  JsonArray *names;
  guint i, j;

  for (i = 0; lines[i] != NULL && is_blank (lines[i]); i++)
    ;
  header = lines[i] != NULL ? parse_json (lines[i]) : NULL;
  if (header == NULL || !JSON_NODE_HOLDS_ARRAY (header))
    {
      emu_reply_error (import->req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "no JSON array found in second line");
      return FALSE;
    }
  names = json_node_get_array (header);

  for (i++; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) values = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(JsonNode) document = NULL;
      JsonArray *array;

      if (is_blank (lines[i]))
        {
          if (lines[i + 1] != NULL)
            import->summary.empty++;
          continue;
        }
      values = parse_json (lines[i]);
      if (values == NULL || !JSON_NODE_HOLDS_ARRAY (values) ||
          json_array_get_length (json_node_get_array (values)) != json_array_get_length (names))
        {
          import->summary.errors++;
          g_ptr_array_add (import->summary.details,
                           g_strdup_printf ("at position %u: wrong number of JSON values "
                                            "(got %u, expected %u)", i,
                                            values != NULL && JSON_NODE_HOLDS_ARRAY (values)
                                              ? json_array_get_length (json_node_get_array (values)) : 0,
                                            json_array_get_length (names)));
          continue;
        }

      array = json_node_get_array (values);
      object = json_object_new ();
      for (j = 0; j < json_array_get_length (names); j++)
        {
          JsonNode *name = json_array_get_element (names, j);
          JsonNode *value = json_array_get_element (array, j);

          if (JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING &&
              !JSON_NODE_HOLDS_NULL (value))
            json_object_set_member (object, json_node_get_string (name), json_node_copy (value));
        }
      document = emu_value_take_object (g_steal_pointer (&object));
      import_one (import, document, i);
    }

  return TRUE;
}

static void
reply_summary (Import *import)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "error", FALSE);
  emu_json_add_int (builder, "created", import->summary.created);
  emu_json_add_int (builder, "errors", import->summary.errors);
  emu_json_add_int (builder, "empty", import->summary.empty);
  emu_json_add_int (builder, "updated", import->summary.updated);
  emu_json_add_int (builder, "ignored", import->summary.ignored);
  if (emu_request_get_query_bool (import->req, "details", FALSE))
    {
      json_builder_set_member_name (builder, "details");
      json_builder_begin_array (builder);
      for (i = 0; i < import->summary.details->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (import->summary.details, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  emu_reply_builder (import->req->msg, SOUP_STATUS_CREATED, builder);
}

static gboolean
import_options (Import     *import,
                EmuRequest *req)
{
  const char *duplicate = emu_request_get_query (req, "onDuplicate");

  emu_doc_options_init (&import->options);
  if (emu_request_get_query_bool (req, "overwrite", FALSE))
    emu_view_truncate (&import->scope.view, import->collection);

  if (duplicate == NULL || g_str_equal (duplicate, "error"))
    import->options.overwrite_mode = EMU_OVERWRITE_NONE;
  else if (g_str_equal (duplicate, "update"))
    import->options.overwrite_mode = EMU_OVERWRITE_UPDATE;
  else if (g_str_equal (duplicate, "replace"))
    import->options.overwrite_mode = EMU_OVERWRITE_REPLACE;
  else if (g_str_equal (duplicate, "ignore"))
    import->options.overwrite_mode = EMU_OVERWRITE_IGNORE;
  else
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "invalid value for 'onDuplicate'");
      return FALSE;
    }

  import->complete = emu_request_get_query_bool (req, "complete", FALSE);
  return TRUE;
}

static void
handle_import (EmuRequest *req)
{
  const char *name = emu_request_get_query (req, "collection");
  const char *type = emu_request_get_query (req, "type");
  g_autoptr(EmuOverlay) pending = emu_overlay_new ();
  g_autofree char *text = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (req->body, &length);
  Import import = { .req = req };
  gboolean ok;

  if (!emu_request_scope_init (&import.scope, req))
    return;
  if (name == NULL || *name == '\0')
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST,
                       EMU_ERROR_ARANGO_COLLECTION_PARAMETER_MISSING, NULL);
      return;
    }
  import.collection = emu_database_lookup_collection (import.scope.database, name);
  if (import.collection == NULL)
    {
      emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                               "collection or view not found: %s", name);
      return;
    }
  if (!emu_request_scope_can_write (&import.scope, req, import.collection))
    return;

  /* The import is one transaction: its writes land together or, with
   * complete=true and an error, not at all. */
  emu_view_init (&import.scope.view, import.scope.database,
                 import.scope.transaction != NULL ? import.scope.transaction->overlay : NULL,
                 pending);
  if (import.scope.transaction != NULL)
    import.scope.view.budget = &import.scope.transaction->budget;
  if (!import_options (&import, req))
    return;

  text = g_strndup (data, length);
  import.summary.details = g_ptr_array_new_with_free_func (g_free);

  if (type != NULL && g_str_equal (type, "list"))
    ok = import_list (&import, text);
  else if (type != NULL && g_str_equal (type, "documents"))
    ok = (import_lines (&import, text), TRUE);
  else if (type != NULL && g_str_equal (type, "auto"))
    ok = starts_with_array (text)
           ? import_list (&import, text)
           : (import_lines (&import, text), TRUE);
  else if (type == NULL || g_str_equal (type, "array") || g_str_equal (type, "tabular"))
    ok = import_arrays (&import, text);
  else
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_HTTP_BAD_PARAMETER,
                       "invalid value for 'type'");
      ok = FALSE;
    }

  if (ok && import.failure != 0)
    emu_reply_arango_error (req->msg, import.failure, import.failure_message);
  else if (ok)
    {
      EmuView target;

      emu_view_init (&target, import.scope.database,
                     import.scope.transaction != NULL ? import.scope.transaction->overlay : NULL,
                     NULL);
      emu_view_apply (&target, pending);
      reply_summary (&import);
    }

  g_ptr_array_unref (import.summary.details);
  g_free (import.failure_message);
}

static const EmuRoute import_routes[] = {
  { "POST", "/_api/import", handle_import },
};

void
emu_import_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, import_routes, G_N_ELEMENTS (import_routes));
}
