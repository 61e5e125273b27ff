/* emulator-views.c: the /_api/view endpoints (arangosearch and
 * search-alias views)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestViewPostView{ArangoSearch,SearchAlias}_single.json
 * (201), RestViewGetAllViews, RestViewGetView*, RestViewGetViewProperties*,
 * RestViewPatchProperties*, RestViewPutProperties*, RestViewPutRename,
 * RestViewDeleteView*.
 *
 * Views share the name space of collections. Only their definitions are
 * kept: nothing is indexed, and AQL's SEARCH stays refused.
 */

#include <string.h>

#include "emulator-index-def.h"
#include "emulator-input.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-search-defaults.h"
#include "emulator-views.h"

#define MAX_NAME_LENGTH 256
#define BODY_FORM "expecting body to be of the form {name: <string>, type: <string>, properties: <object>}"

typedef struct {
  char       *id;
  char       *name;
  char       *type;
  char       *globally_unique_id;
  JsonObject *properties;  /* type-specific: arangosearch settings and links, or indexes */
} EmuSearchView;

static void
view_free (gpointer data)
{
  EmuSearchView *view = data;

  g_free (view->id);
  g_free (view->name);
  g_free (view->type);
  g_free (view->globally_unique_id);
  json_object_unref (view->properties);
  g_free (view);
}

static GPtrArray *
database_views (EmuDatabase *database)
{
  if (database->views == NULL)
    database->views = g_ptr_array_new_with_free_func (view_free);
  return database->views;
}

static EmuSearchView *
find_view (EmuDatabase *database,
           const char  *name_or_id)
{
  GPtrArray *views = database_views (database);
  guint i;

  for (i = 0; i < views->len; i++)
    {
      EmuSearchView *view = g_ptr_array_index (views, i);

      if (g_str_equal (view->name, name_or_id) || g_str_equal (view->id, name_or_id))
        return view;
    }
  return NULL;
}

static gboolean
is_arangosearch (EmuSearchView *view)
{
  return g_str_equal (view->type, "arangosearch");
}

gboolean
emu_views_use_analyzer (EmuDatabase *database,
                        const char  *analyzer)
{
  GPtrArray *views = database_views (database);
  guint i;

  for (i = 0; i < views->len; i++)
    {
      EmuSearchView *view = g_ptr_array_index (views, i);
      g_autoptr(JsonGenerator) generator = NULL;
      g_autoptr(JsonNode) links = NULL;
      g_autofree char *text = NULL;
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", analyzer);

      if (!is_arangosearch (view))
        continue;
      /* An analyzer is named in "analyzers" arrays at any depth of a link;
       * a quoted match on the serialized links finds it. */
      links = json_node_init_object (json_node_alloc (),
                                     json_object_get_object_member (view->properties, "links"));
      generator = json_generator_new ();
      json_generator_set_root (generator, links);
      text = json_generator_to_data (generator, NULL);
      if (strstr (text, quoted) != NULL)
        return TRUE;
    }
  return FALSE;
}

void
emu_views_forget_collection (EmuDatabase *database,
                             const char  *collection)
{
  guint i, j;

  for (i = 0; database->views != NULL && i < database->views->len; i++)
    {
      EmuSearchView *view = g_ptr_array_index (database->views, i);
      JsonArray *indexes;

      if (is_arangosearch (view))
        {
          JsonObject *links = json_object_get_object_member (view->properties, "links");

          if (json_object_has_member (links, collection))
            json_object_remove_member (links, collection);
          continue;
        }
      indexes = json_object_get_array_member (view->properties, "indexes");
      for (j = json_array_get_length (indexes); j > 0; j--)
        if (g_strcmp0 (emu_json_get_string (json_array_get_object_element (indexes, j - 1),
                                            "collection"), collection) == 0)
          json_array_remove_element (indexes, j - 1);
    }
}

/* A new arangosearch view's properties, in the order the server lists
 * them; immutable ones come from the creation body. */
static JsonObject *
arangosearch_defaults (EmuState   *state,
                       JsonObject *body)
{
  static const char * const immutable[] = {
    "optimizeTopK", "primarySort", "primarySortCompression", "storedValues",
    "writebufferActive", "writebufferIdle", "writebufferSizeMax",
  };
  JsonObject *properties = json_object_new ();
  guint i;

  json_object_set_int_member (properties, "cleanupIntervalStep", 2);
  json_object_set_int_member (properties, "commitIntervalMsec", 1000);
  json_object_set_int_member (properties, "consolidationIntervalMsec",
                              emu_search_consolidation_interval (state));
  json_object_set_object_member (properties, "consolidationPolicy",
                                 emu_search_consolidation_policy (state));
  if (emu_search_has_optimize_top_k (state))
    json_object_set_array_member (properties, "optimizeTopK", json_array_new ());
  json_object_set_array_member (properties, "primarySort", json_array_new ());
  json_object_set_string_member (properties, "primarySortCompression", "lz4");
  json_object_set_array_member (properties, "storedValues", json_array_new ());
  json_object_set_int_member (properties, "writebufferActive", 0);
  json_object_set_int_member (properties, "writebufferIdle", 64);
  json_object_set_int_member (properties, "writebufferSizeMax", 33554432);
  json_object_set_object_member (properties, "links", json_object_new ());

  for (i = 0; body != NULL && i < G_N_ELEMENTS (immutable); i++)
    if (json_object_has_member (body, immutable[i]) &&
        json_object_has_member (properties, immutable[i]))
      json_object_set_member (properties, immutable[i],
                              json_node_copy (json_object_get_member (body, immutable[i])));
  return properties;
}

/* A link as the server shows it: its defaults, then what was given. */
static JsonNode *
normalize_link (JsonNode *given)
{
  JsonObject *link = json_object_new ();
  JsonArray *analyzers = json_array_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_array_add_string_element (analyzers, "identity");
  json_object_set_array_member (link, "analyzers", analyzers);
  json_object_set_object_member (link, "fields", json_object_new ());
  json_object_set_boolean_member (link, "includeAllFields", FALSE);
  json_object_set_string_member (link, "storeValues", "none");
  json_object_set_boolean_member (link, "trackListPositions", FALSE);

  json_object_iter_init (&iter, json_node_get_object (given));
  while (json_object_iter_next (&iter, &member, &value))
    if (json_object_has_member (link, member))
      json_object_set_member (link, member, json_node_copy (value));

  return json_node_init_object (json_node_alloc (), link);
}

/* Applies the mutable settings and links of a PUT or PATCH (or create)
 * body to an arangosearch view's properties. A PUT first goes back to the
 * defaults and drops the links it does not name. */
static gboolean
apply_arangosearch (EmuRequest  *req,
                    EmuDatabase *database,
                    JsonObject  *properties,
                    JsonObject  *body,
                    gboolean     replace)
{
  static const char * const mutable_settings[] = {
    "cleanupIntervalStep", "commitIntervalMsec", "consolidationIntervalMsec",
    "consolidationPolicy",
  };
  JsonObject *links = json_object_get_object_member (properties, "links");
  JsonNode *given_links = json_object_get_member (body, "links");
  JsonObjectIter iter;
  const char *collection;
  JsonNode *link;
  guint i;

  if (given_links != NULL && !JSON_NODE_HOLDS_OBJECT (given_links))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "error parsing arangosearch view properties: 'links' must be an object");
      return FALSE;
    }
  if (given_links != NULL)
    {
      json_object_iter_init (&iter, json_node_get_object (given_links));
      while (json_object_iter_next (&iter, &collection, &link))
        if (emu_database_lookup_collection (database, collection) == NULL)
          {
            emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                                     "collection or view not found: %s", collection);
            return FALSE;
          }
    }

  if (replace)
    {
      g_autoptr(JsonObject) defaults = arangosearch_defaults (req->state, NULL);

      for (i = 0; i < G_N_ELEMENTS (mutable_settings); i++)
        json_object_set_member (properties, mutable_settings[i],
                                json_node_copy (json_object_get_member (defaults, mutable_settings[i])));
      links = json_object_new ();
      json_object_set_object_member (properties, "links", links);
    }

  for (i = 0; i < G_N_ELEMENTS (mutable_settings); i++)
    if (json_object_has_member (body, mutable_settings[i]))
      json_object_set_member (properties, mutable_settings[i],
                              json_node_copy (json_object_get_member (body, mutable_settings[i])));

  if (given_links == NULL)
    return TRUE;
  json_object_iter_init (&iter, json_node_get_object (given_links));
  while (json_object_iter_next (&iter, &collection, &link))
    {
      if (JSON_NODE_HOLDS_NULL (link))
        json_object_remove_member (links, collection);
      else if (JSON_NODE_HOLDS_OBJECT (link))
        json_object_set_member (links, collection, normalize_link (link));
    }
  return TRUE;
}

static gboolean
same_index (JsonObject *a,
            JsonObject *b)
{
  return g_strcmp0 (emu_json_get_string (a, "collection"), emu_json_get_string (b, "collection")) == 0 &&
         g_strcmp0 (emu_json_get_string (a, "index"), emu_json_get_string (b, "index")) == 0;
}

/* Whether @entry names an inverted index of a collection of @database. */
static gboolean
check_alias_index (EmuRequest  *req,
                   EmuDatabase *database,
                   JsonNode    *entry)
{
  const char *collection_name, *index_name;
  EmuCollection *collection;
  guint i;

  if (!JSON_NODE_HOLDS_OBJECT (entry) ||
      (collection_name = emu_json_get_string (json_node_get_object (entry), "collection")) == NULL ||
      (index_name = emu_json_get_string (json_node_get_object (entry), "index")) == NULL)
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "invalid search-alias view definition");
      return FALSE;
    }
  collection = emu_database_lookup_collection (database, collection_name);
  if (collection == NULL)
    {
      emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                               "collection or view not found: %s", collection_name);
      return FALSE;
    }
  for (i = 0; i < collection->indexes->len; i++)
    {
      EmuIndex *index = g_ptr_array_index (collection->indexes, i);

      if (g_str_equal (index->type, "inverted") &&
          (g_strcmp0 (index->name, index_name) == 0 || g_str_equal (index->id, index_name)))
        return TRUE;
    }
  emu_reply_arango_errorf (req->msg, EMU_ERROR_ARANGO_INDEX_NOT_FOUND,
                           "Cannot find index '%s' in collection '%s'.",
                           index_name, collection_name);
  return FALSE;
}

/* "indexes" of a search-alias view: PUT replaces the list, PATCH adds to
 * it and removes the entries marked "operation": "del". */
static gboolean
apply_search_alias (EmuRequest  *req,
                    EmuDatabase *database,
                    JsonObject  *properties,
                    JsonObject  *body,
                    gboolean     replace)
{
  JsonNode *given = json_object_get_member (body, "indexes");
  g_autoptr(JsonArray) result = NULL;
  JsonArray *current = json_object_get_array_member (properties, "indexes");
  guint i, j;

  if (given != NULL && !JSON_NODE_HOLDS_ARRAY (given))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "invalid search-alias view definition");
      return FALSE;
    }

  result = json_array_new ();
  if (!replace)
    for (i = 0; i < json_array_get_length (current); i++)
      json_array_add_element (result, json_node_copy (json_array_get_element (current, i)));

  for (i = 0; given != NULL && i < json_array_get_length (json_node_get_array (given)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (given), i);
      JsonObject *object;
      gboolean found = FALSE;

      if (!check_alias_index (req, database, entry))
        return FALSE;
      object = json_node_get_object (entry);
      for (j = 0; j < json_array_get_length (result); j++)
        if (same_index (json_array_get_object_element (result, j), object))
          {
            found = TRUE;
            if (!replace && g_strcmp0 (emu_json_get_string (object, "operation"), "del") == 0)
              json_array_remove_element (result, j);
            break;
          }
      if (!found && g_strcmp0 (emu_json_get_string (object, "operation"), "del") != 0)
        {
          JsonObject *stored = json_object_new ();

          json_object_set_string_member (stored, "collection", emu_json_get_string (object, "collection"));
          json_object_set_string_member (stored, "index", emu_json_get_string (object, "index"));
          json_array_add_object_element (result, stored);
        }
    }

  json_object_set_array_member (properties, "indexes", g_steal_pointer (&result));
  return TRUE;
}

static gboolean
apply_properties (EmuRequest  *req,
                  EmuDatabase *database,
                  EmuSearchView     *view,
                  JsonObject  *properties,
                  JsonObject  *body,
                  gboolean     replace)
{
  return is_arangosearch (view)
    ? apply_arangosearch (req, database, properties, body, replace)
    : apply_search_alias (req, database, properties, body, replace);
}

static void
add_view_header (JsonBuilder *builder,
                 EmuSearchView     *view)
{
  emu_json_add_string (builder, "globallyUniqueId", view->globally_unique_id);
  emu_json_add_string (builder, "id", view->id);
  emu_json_add_string (builder, "name", view->name);
  emu_json_add_string (builder, "type", view->type);
}

static void
add_properties (JsonBuilder *builder,
                EmuSearchView     *view)
{
  g_autoptr(GList) members = json_object_get_members (view->properties);
  GList *l;

  /* In insertion order, which is the order the server writes. */
  for (l = members; l != NULL; l = l->next)
    emu_json_add_node (builder, l->data, json_object_get_member (view->properties, l->data));
}

/* Create, change and rename answer with the definition alone; reading
 * the properties adds "error" and "code". */
static void
reply_definition (EmuRequest *req,
                  guint       status,
                  EmuSearchView    *view,
                  gboolean    with_ok)
{
  g_autoptr(JsonBuilder) builder = with_ok ? emu_json_begin_ok (status) : json_builder_new ();

  if (!with_ok)
    json_builder_begin_object (builder);
  add_view_header (builder, view);
  add_properties (builder, view);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, status, builder);
}

static gboolean
check_new_name (EmuRequest  *req,
                EmuDatabase *database,
                const char  *name)
{
  if (name == NULL || !emu_input_is_traditional_name (name, MAX_NAME_LENGTH))
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_ILLEGAL_NAME, NULL);
      return FALSE;
    }
  if (find_view (database, name) != NULL ||
      emu_database_lookup_collection (database, name) != NULL)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DUPLICATE_NAME, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
handle_create (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(JsonObject) properties = NULL;
  g_autoptr(JsonNode) holder = NULL;
  JsonObject *body;
  const char *name, *type;
  EmuSearchView *view;

  if ((body = emu_input_object_body (req, &holder, EMU_ERROR_BAD_PARAMETER, BODY_FORM)) == NULL)
    return;

  name = emu_json_get_string (body, "name");
  type = emu_json_get_string (body, "type");
  if (type == NULL || (!g_str_equal (type, "arangosearch") && !g_str_equal (type, "search-alias")))
    {
      emu_reply_error (req->msg, SOUP_STATUS_BAD_REQUEST, EMU_ERROR_BAD_PARAMETER,
                       "invalid view type");
      return;
    }
  if (!check_new_name (req, database, name))
    return;

  view = g_new0 (EmuSearchView, 1);
  view->type = g_strdup (type);
  if (g_str_equal (type, "arangosearch"))
    properties = arangosearch_defaults (req->state, body);
  else
    {
      properties = json_object_new ();
      json_object_set_array_member (properties, "indexes", json_array_new ());
    }
  if (!apply_properties (req, database, view, properties, body, FALSE))
    {
      g_free (view->type);
      g_free (view);
      return;
    }

  view->id = emu_state_next_id (req->state);
  view->name = g_strdup (name);
  view->globally_unique_id = g_strdup_printf ("h%s/%s", req->state->cluster_id, view->id);
  view->properties = g_steal_pointer (&properties);
  g_ptr_array_add (database_views (database), view);

  reply_definition (req, SOUP_STATUS_CREATED, view, FALSE);
}

static int
compare_views (gconstpointer a,
               gconstpointer b)
{
  const EmuSearchView *first = *(EmuSearchView * const *) a;
  const EmuSearchView *second = *(EmuSearchView * const *) b;

  return strcmp (first->name, second->name);
}

static void
handle_list (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(JsonBuilder) builder = emu_json_begin_ok (SOUP_STATUS_OK);
  GPtrArray *views = database_views (database);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (views->len);
  guint i;

  /* Not g_ptr_array_copy (): the copy would free the views with it. */
  for (i = 0; i < views->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (views, i));
  g_ptr_array_sort (sorted, compare_views);
  json_builder_set_member_name (builder, "result");
  json_builder_begin_array (builder);
  for (i = 0; i < sorted->len; i++)
    {
      json_builder_begin_object (builder);
      add_view_header (builder, g_ptr_array_index (sorted, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static EmuSearchView *
require_view (EmuRequest   *req,
              EmuDatabase **database)
{
  EmuSearchView *view;

  *database = emu_state_lookup_database (req->state, req->database);
  view = find_view (*database, emu_request_get_param (req, "view"));
  if (view == NULL)
    emu_reply_arango_error (req->msg, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND, NULL);
  return view;
}

static void
handle_get (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  EmuDatabase *database;
  EmuSearchView *view;

  if ((view = require_view (req, &database)) == NULL)
    return;

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_string (builder, "type", view->type);
  emu_json_add_string (builder, "name", view->name);
  emu_json_add_string (builder, "id", view->id);
  emu_json_add_string (builder, "globallyUniqueId", view->globally_unique_id);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_get_properties (EmuRequest *req)
{
  EmuDatabase *database;
  EmuSearchView *view;

  if ((view = require_view (req, &database)) != NULL)
    reply_definition (req, SOUP_STATUS_OK, view, TRUE);
}

/* Both kinds check the whole body before they change anything, so a
 * refused change leaves the view as it was. */
static void
change_properties (EmuRequest *req,
                   gboolean    replace)
{
  g_autoptr(JsonNode) holder = NULL;
  EmuDatabase *database;
  JsonObject *body;
  EmuSearchView *view;

  if ((view = require_view (req, &database)) == NULL ||
      (body = emu_input_object_body (req, &holder, EMU_ERROR_BAD_PARAMETER, BODY_FORM)) == NULL ||
      !apply_properties (req, database, view, view->properties, body, replace))
    return;
  reply_definition (req, SOUP_STATUS_OK, view, FALSE);
}

static void
handle_update (EmuRequest *req)
{
  change_properties (req, FALSE);
}

static void
handle_replace (EmuRequest *req)
{
  change_properties (req, TRUE);
}

static void
handle_rename (EmuRequest *req)
{
  g_autoptr(JsonNode) holder = NULL;
  EmuDatabase *database;
  const char *name;
  JsonObject *body;
  EmuSearchView *view;

  if ((view = require_view (req, &database)) == NULL ||
      (body = emu_input_object_body (req, &holder, EMU_ERROR_BAD_PARAMETER, BODY_FORM)) == NULL)
    return;

  name = emu_json_get_string (body, "name");
  if (name != NULL && g_str_equal (name, view->name))
    {
      reply_definition (req, SOUP_STATUS_OK, view, FALSE);
      return;
    }
  if (!check_new_name (req, database, name))
    return;

  g_free (view->name);
  view->name = g_strdup (name);
  reply_definition (req, SOUP_STATUS_OK, view, FALSE);
}

static void
handle_delete (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  EmuDatabase *database;
  EmuSearchView *view;

  if ((view = require_view (req, &database)) == NULL)
    return;

  g_ptr_array_remove (database->views, view);
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_boolean (builder, "result", TRUE);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute view_routes[] = {
  { "POST", "/_api/view", handle_create },
  { "GET", "/_api/view", handle_list },
  { "GET", "/_api/view/{view}", handle_get },
  { "DELETE", "/_api/view/{view}", handle_delete },
  { "GET", "/_api/view/{view}/properties", handle_get_properties },
  { "PATCH", "/_api/view/{view}/properties", handle_update },
  { "PUT", "/_api/view/{view}/properties", handle_replace },
  { "PUT", "/_api/view/{view}/rename", handle_rename },
};

void
emu_views_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, view_routes, G_N_ELEMENTS (view_routes));
}
