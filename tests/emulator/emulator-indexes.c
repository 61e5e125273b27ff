/* emulator-indexes.c: the /_api/index endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestIndexAllIndexes_single.json, RestIndexPrimaryIndex_single.json,
 * RestIndexCreate*_single.json (201, "code" and "error" after the index
 * attributes), RestIndexDeleteUniquePersistent_single.json. The same
 * index again answers 200 with isNewlyCreated false.
 */

#include "emulator-index-def.h"
#include "emulator-reply.h"
#include "emulator-router.h"

/* A collection missing from the request or the database is 404/1203 with
 * the default text, the name not in it (arangod 3.12 RestIndexHandler:
 * getIndexes, createIndex, dropIndex). */
static EmuCollection *
collection_or_reply (EmuRequest *req,
                     const char *name)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  EmuCollection *collection = name != NULL && *name != '\0'
    ? emu_database_find_collection (database, name) : NULL;

  if (collection == NULL)
    emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND, NULL);
  return collection;
}

/* The index attributes, then "code" and "error"; takes @description. */
static void
reply_index (EmuRequest *req,
             guint       code,
             JsonNode   *description)
{
  g_autoptr(JsonNode) owned = description;
  JsonObject *object = json_node_get_object (owned);

  json_object_set_int_member (object, "code", code);
  json_object_set_boolean_member (object, "error", FALSE);
  emu_reply_json (req->msg, code, description);
}

static void
handle_list (EmuRequest *req)
{
  EmuCollection *collection = collection_or_reply (req, emu_request_get_query (req, "collection"));
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonArray) indexes = NULL;
  guint i;

  if (collection == NULL)
    return;

  indexes = emu_collection_describe_indexes (collection);
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  json_builder_set_member_name (builder, "indexes");
  json_builder_begin_array (builder);
  for (i = 0; i < json_array_get_length (indexes); i++)
    emu_json_add_node (builder, NULL, json_array_get_element (indexes, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "identifiers");
  json_builder_begin_object (builder);
  for (i = 0; i < json_array_get_length (indexes); i++)
    {
      JsonNode *index = json_array_get_element (indexes, i);

      emu_json_add_node (builder,
                         json_object_get_string_member (json_node_get_object (index), "id"),
                         index);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_get (EmuRequest *req)
{
  EmuCollection *collection = collection_or_reply (req, emu_request_get_param (req, "collection"));
  g_autoptr(JsonNode) description = NULL;

  if (collection == NULL)
    return;

  description = emu_collection_describe_index (collection, emu_request_get_param (req, "id"));
  if (description == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_INDEX_NOT_FOUND, NULL);
      return;
    }
  reply_index (req, SOUP_STATUS_OK, g_steal_pointer (&description));
}

/* A new unique index must hold for the documents already there. */
static char *
check_existing (EmuCollection *collection,
                EmuIndex      *index)
{
  GPtrArray *indexes = collection->indexes;
  g_autoptr(GPtrArray) documents = NULL;
  char *message = NULL;
  EmuView view;
  guint i;

  if (!index->unique || !g_str_equal (index->type, "persistent"))
    return NULL;

  /* Check with only the new index in place. */
  collection->indexes = g_ptr_array_new ();
  g_ptr_array_add (collection->indexes, index);
  emu_view_init (&view, NULL, NULL, NULL);
  documents = emu_view_scan (&view, collection);
  for (i = 0; i < documents->len && message == NULL; i++)
    {
      EmuDocument *document = g_ptr_array_index (documents, i);

      message = emu_index_check_unique (&view, collection, emu_document_object (document),
                                        emu_document_key (document));
    }
  g_ptr_array_unref (collection->indexes);
  collection->indexes = indexes;

  return message;
}

static void
handle_create (EmuRequest *req)
{
  EmuCollection *collection = collection_or_reply (req, emu_request_get_query (req, "collection"));
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *message = NULL;
  EmuIndex *index;
  int error_num = 0;
  guint i;

  if (collection == NULL || (body = emu_request_parse_body (req)) == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (body))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER, NULL);
      return;
    }

  index = emu_index_new (req->state, json_node_get_object (body), &error_num, &message);
  if (index == NULL)
    {
      emu_reply_arango_error (req->msg, error_num, message);
      return;
    }

  for (i = 0; i < collection->indexes->len; i++)
    {
      EmuIndex *existing = g_ptr_array_index (collection->indexes, i);

      if (emu_index_same_as (existing, index))
        {
          emu_index_free (index);
          reply_index (req, SOUP_STATUS_OK, emu_index_describe (existing, collection, FALSE));
          return;
        }
      if (g_str_equal (existing->name, index->name))
        {
          emu_index_free (index);
          emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DUPLICATE_NAME, NULL);
          return;
        }
    }

  message = check_existing (collection, index);
  if (message != NULL)
    {
      emu_index_free (index);
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_UNIQUE_CONSTRAINT_VIOLATED, message);
      return;
    }

  index->id = emu_state_next_id (req->state);
  g_ptr_array_add (collection->indexes, index);
  reply_index (req, SOUP_STATUS_CREATED, emu_index_describe (index, collection, TRUE));
}

static void
handle_drop (EmuRequest *req)
{
  EmuCollection *collection = collection_or_reply (req, emu_request_get_param (req, "collection"));
  const char *id = emu_request_get_param (req, "id");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *full_id = NULL;
  EmuIndex *index;

  if (collection == NULL)
    return;

  /* The primary and edge indexes cannot be dropped. */
  if (g_str_equal (id, "0") || (collection->type == 3 && g_str_equal (id, "1")))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_FORBIDDEN, NULL);
      return;
    }

  index = emu_collection_find_index (collection, id);
  if (index == NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_INDEX_NOT_FOUND, NULL);
      return;
    }

  full_id = g_strdup_printf ("%s/%s", collection->name, index->id);
  g_ptr_array_remove (collection->indexes, index);

  /* {"id":…,"error":false,"code":200} */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "id", full_id);
  emu_json_add_ok (builder, SOUP_STATUS_OK);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute index_routes[] = {
  { "GET", "/_api/index", handle_list },
  { "POST", "/_api/index", handle_create },
  { "GET", "/_api/index/{collection}/{id}", handle_get },
  { "DELETE", "/_api/index/{collection}/{id}", handle_drop },
};

void
emu_indexes_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, index_routes, G_N_ELEMENTS (index_routes));
}
