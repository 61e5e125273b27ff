/* emulator-collection-state.c: what a collection's data amounts to
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GET /_api/collection/{c}/checksum and /revision, PUT /compact, and the
 * list of key generators, as 3.12/RestCollectionGetCollectionChecksum*,
 * RestCollectionGetCollectionRevision, RestApiCollectionCompact and
 * RestCollectionGetKeyGenerators (all _single) record them.
 */

#include "emulator-collections.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-store.h"
#include "emulator-transactions.h"

/* 64-bit FNV-1a, continued from hash. */
static guint64
fnv1a (guint64     hash,
       const char *text)
{
  for (; *text != '\0'; text++)
    {
      hash ^= (guchar) *text;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hash;
}

/* The collection's revision as the request sees it: that of its last
 * committed write, or of a newer document the request's stream
 * transaction wrote; "0" before the first write. */
static const char *
latest_revision (EmuCollection *collection,
                 GPtrArray     *documents)
{
  EmuDocument *latest = NULL;
  guint i;

  for (i = 0; i < documents->len; i++)
    {
      EmuDocument *document = g_ptr_array_index (documents, i);

      if (latest == NULL || document->sequence > latest->sequence)
        latest = document;
    }
  if (latest != NULL && latest->sequence > collection->revision_sequence)
    return emu_document_rev (latest);
  return collection->revision != NULL ? collection->revision : "0";
}

#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)

static guint64 hash_value (guint64 hash, JsonNode *node);

/* The members of @object but the document's _key, _id and _rev (when
 * @skip_system), each hashed from the start and added up: the same
 * for the same members in any order, as the server's normalized hash. */
static guint64
hash_members (guint64     hash,
              JsonObject *object,
              gboolean    skip_system)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  guint64 sum = 0;
  char text[24];

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (skip_system && (g_str_equal (name, "_key") || g_str_equal (name, "_id") ||
                          g_str_equal (name, "_rev")))
        continue;
      sum += hash_value (fnv1a (fnv1a (FNV_OFFSET, name), ":"), value);
    }
  g_snprintf (text, sizeof text, "{%" G_GUINT64_FORMAT "}", sum);
  return fnv1a (hash, text);
}

/* A JSON value, equal values alike: numbers by value (1 and 1.0). */
static guint64
hash_value (guint64   hash,
            JsonNode *node)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  guint i;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return hash_members (hash, json_node_get_object (node), FALSE);
    case JSON_NODE_ARRAY:
      hash = fnv1a (hash, "[");
      for (i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        hash = fnv1a (hash_value (hash, json_array_get_element (json_node_get_array (node), i)), ",");
      return fnv1a (hash, "]");
    case JSON_NODE_NULL:
      return fnv1a (hash, "null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return fnv1a (fnv1a (hash, "\""), json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return fnv1a (hash, json_node_get_boolean (node) ? "true" : "false");
    default:
      return fnv1a (hash, g_ascii_dtostr (number, sizeof number, json_node_get_double (node)));
    }
}

/* As the server does it: one hash per document over its key (and
 * revision, and data without _key, _id and _rev), combined with XOR so
 * that the order of the documents does not matter. The hash functions
 * are ours (README.md, "Collection checksum and revision"). */
static guint64
checksum (GPtrArray *documents,
          gboolean   with_revisions,
          gboolean   with_data)
{
  guint64 sum = 0;
  guint i;

  for (i = 0; i < documents->len; i++)
    {
      EmuDocument *document = g_ptr_array_index (documents, i);
      guint64 hash = fnv1a (FNV_OFFSET, emu_document_key (document));

      if (with_revisions)
        hash = fnv1a (hash, emu_document_rev (document));
      if (with_data)
        hash = hash_members (hash, emu_document_object (document), TRUE);
      sum ^= hash;
    }
  return sum;
}

/* The collection of the request and the documents the request sees of it
 * (inside its stream transaction, if any); NULL when an error was answered. */
static GPtrArray *
scan_or_reply (EmuRequest     *req,
               EmuCollection **collection)
{
  EmuRequestScope scope;

  if (!emu_request_scope_init (&scope, req) ||
      (*collection = emu_collection_find_or_reply (req)) == NULL)
    return NULL;
  return emu_view_scan (&scope.view, *collection);
}

static void
handle_checksum (EmuRequest *req)
{
  EmuCollection *collection = NULL;
  g_autoptr(GPtrArray) documents = scan_or_reply (req, &collection);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *sum = NULL;

  if (documents == NULL)
    return;
  sum = g_strdup_printf ("%" G_GUINT64_FORMAT,
                         checksum (documents,
                                   emu_request_get_query_bool (req, "withRevisions", FALSE),
                                   emu_request_get_query_bool (req, "withData", FALSE)));

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_boolean (builder, "isSystem", collection->is_system);
  emu_json_add_int (builder, "status", 3);
  emu_json_add_int (builder, "type", collection->type);
  emu_json_add_string (builder, "name", collection->name);
  emu_json_add_string (builder, "id", collection->id);
  emu_json_add_string (builder, "revision", latest_revision (collection, documents));
  emu_json_add_string (builder, "globallyUniqueId", collection->globally_unique_id);
  emu_json_add_string (builder, "checksum", sum);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
  emu_collection_set_location (req, "checksum");
}

static void
handle_revision (EmuRequest *req)
{
  EmuCollection *collection = NULL;
  g_autoptr(GPtrArray) documents = scan_or_reply (req, &collection);
  g_autoptr(JsonBuilder) builder = NULL;

  if (documents == NULL)
    return;
  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_string (builder, "revision", latest_revision (collection, documents));
  emu_collection_add_properties (builder, req, collection);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
  emu_collection_set_location (req, "revision");
}

/* Nothing to compact in memory: the answer is the summary. */
static void
handle_compact (EmuRequest *req)
{
  EmuCollection *collection = emu_collection_find_or_reply (req);

  if (collection == NULL)
    return;
  emu_collection_reply_summary (req, collection, FALSE, 0);
  emu_collection_set_location (req, "compact");
}

/* A bare object, without error and code. */
static void
handle_key_generators (EmuRequest *req)
{
  static const char *const generators[] = {
    "upgrade", "padded", "uuid", "autoincrement", "traditional",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "keyGenerators");
  json_builder_begin_array (builder);
  /* "upgrade": in 3.12.10 (3.12/), not in a 3.12.0 nightly (4.x/). */
  for (i = emu_state_version_at_least (req->state, 3, 12, 1) ? 0 : 1; i < G_N_ELEMENTS (generators); i++)
    json_builder_add_string_value (builder, generators[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute collection_state_routes[] = {
  { "GET", "/_api/collection/{collection}/checksum", handle_checksum },
  { "GET", "/_api/collection/{collection}/revision", handle_revision },
  { "PUT", "/_api/collection/{collection}/compact", handle_compact },
  { "GET", "/_api/key-generators", handle_key_generators },
};

void
emu_collection_state_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, collection_state_routes,
                         G_N_ELEMENTS (collection_state_routes));
}
