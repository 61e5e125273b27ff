/* emulator-collections.c: the collection endpoints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-reply.h"
#include "emulator-router.h"

static void
add_collection_summary (JsonBuilder   *builder,
                        EmuCollection *collection)
{
  /* The fields and their order in
   * ../shared/arango-api/transcripts/3.12/RestCollectionGetAllCollections_single.json */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, collection->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, collection->name);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, 3);
  json_builder_set_member_name (builder, "type");
  json_builder_add_int_value (builder, collection->type);
  json_builder_set_member_name (builder, "isSystem");
  json_builder_add_boolean_value (builder, collection->is_system);
  json_builder_set_member_name (builder, "globallyUniqueId");
  json_builder_add_string_value (builder, collection->globally_unique_id);
  json_builder_end_object (builder);
}

static void
handle_list (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  gboolean exclude_system = emu_request_get_query_bool (req, "excludeSystem", FALSE);
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);
  guint i;

  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (i = 0; i < database->collections->len; i++)
    {
      EmuCollection *collection = g_ptr_array_index (database->collections, i);

      if (!exclude_system || !collection->is_system)
        add_collection_summary (builder, collection);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute collection_routes[] = {
  { "GET", "/_api/collection", handle_list },
};

void
emu_collections_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, collection_routes, G_N_ELEMENTS (collection_routes));
}
