/* emulator-docops.c: inserting, updating, replacing and removing one
 * document, as the document API, the import API and AQL share them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Stored documents start with _key, _id (edges: _from, _to), _rev, as the
 * recordings show them (3.12/RestDocumentHandlerReadDocument_single.json).
 * Results are built like the server's buildDocumentIdentity: _id, _key,
 * _rev, _oldRev, old, new.
 */

#include "emulator-docops.h"

#include <string.h>

#include "emulator-index-def.h"
#include "emulator-reply.h"
#include "emulator-value.h"

#define MAX_KEY_LENGTH 254

void
emu_doc_options_init (EmuDocOptions *options)
{
  memset (options, 0, sizeof *options);
  options->keep_null = TRUE;
  options->merge_objects = TRUE;
  options->ignore_revs = TRUE;
}

void
emu_doc_result_clear (EmuDocResult *result)
{
  g_clear_pointer (&result->message, g_free);
  g_clear_pointer (&result->current, emu_document_unref);
  g_clear_pointer (&result->result, json_node_unref);
  g_clear_pointer (&result->key, g_free);
  g_clear_pointer (&result->rev, g_free);
  result->error_num = 0;
  result->written = FALSE;
}

const char *
emu_doc_result_message (EmuDocResult *result)
{
  return result->message != NULL ? result->message : emu_error_message (result->error_num);
}

static void
fail (EmuDocResult *result,
      int           error_num,
      char         *message)
{
  result->error_num = error_num;
  result->message = message;
}

/* Writes @document (NULL: removes @key) unless the stream transaction
 * would go over its maxTransactionSize: RocksDBTrxBaseMethods::addOperation
 * of arangod 3.12 refuses such a write with 32. */
static gboolean
put (EmuView       *view,
     EmuCollection *collection,
     const char    *key,
     EmuDocument   *document,
     EmuDocResult  *result)
{
  if (!emu_view_charge (view, key, document))
    {
      fail (result, EMU_ERROR_RESOURCE_LIMIT,
            g_strdup_printf ("Maximal transaction size limit of %" G_GUINT64_FORMAT
                             " bytes is reached", view->budget->limit));
      return FALSE;
    }
  emu_view_put (view, collection, key, document);
  return TRUE;
}

/* The characters the server allows in a key, at most 254 bytes. */
gboolean
emu_doc_key_is_valid (const char *key)
{
  gsize length = strlen (key);
  gsize i;

  if (length == 0 || length > MAX_KEY_LENGTH)
    return FALSE;

  for (i = 0; i < length; i++)
    if (!g_ascii_isalnum (key[i]) && strchr ("_-:.@()+,=;$!*'%~", key[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
is_system_attribute (const char *name)
{
  return g_str_equal (name, "_key") || g_str_equal (name, "_id") ||
         g_str_equal (name, "_rev") || g_str_equal (name, "_from") ||
         g_str_equal (name, "_to");
}

/* "collection/key" as _from and _to need it. */
static gboolean
is_valid_handle (JsonNode *node)
{
  const char *handle, *slash;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  handle = json_node_get_string (node);
  slash = strchr (handle, '/');
  return slash != NULL && slash != handle && emu_doc_key_is_valid (slash + 1);
}

/* The key an array item or AQL operand names: a key or id string, or an
 * object's _key. Sets @error_num and returns NULL otherwise. */
char *
emu_doc_input_key (EmuCollection *collection,
                   JsonNode      *input,
                   int           *error_num)
{
  const char *text = NULL;

  if (input != NULL && JSON_NODE_HOLDS_VALUE (input) &&
      json_node_get_value_type (input) == G_TYPE_STRING)
    {
      const char *slash;

      text = json_node_get_string (input);
      slash = strchr (text, '/');
      if (slash != NULL)
        {
          /* An id of another collection names no document of this one. */
          if ((gsize) (slash - text) != strlen (collection->name) ||
              strncmp (text, collection->name, slash - text) != 0)
            {
              *error_num = EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND;
              return NULL;
            }
          text = slash + 1;
        }
    }
  else if (input != NULL && JSON_NODE_HOLDS_OBJECT (input))
    {
      text = emu_json_get_string (json_node_get_object (input), "_key");
      if (text == NULL)
        {
          *error_num = EMU_ERROR_ARANGO_DOCUMENT_HANDLE_BAD;
          return NULL;
        }
    }
  else
    {
      *error_num = EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID;
      return NULL;
    }

  if (!emu_doc_key_is_valid (text))
    {
      *error_num = EMU_ERROR_ARANGO_DOCUMENT_KEY_BAD;
      return NULL;
    }

  return g_strdup (text);
}

static char *
generate_key (EmuState      *state,
              EmuCollection *collection)
{
  guint64 value;

  if (g_str_equal (collection->key_type, "uuid"))
    return g_uuid_string_random ();

  if (g_str_equal (collection->key_type, "autoincrement"))
    {
      guint64 last = collection->key_last_value;
      guint64 offset = collection->key_offset;
      guint64 increment = MAX (collection->key_increment, 1);

      value = last < offset ? offset
                            : last + increment - ((last - offset) % increment);
      if (value == 0)
        value = increment;
    }
  else if (g_str_equal (collection->key_type, "padded"))
    {
      value = collection->key_last_value + 1;
    }
  else
    {
      /* traditional: ticks shared with the ids, so always increasing. */
      value = MAX (state->next_id, collection->key_last_value + 1);
      state->next_id = value + 1;
    }

  collection->key_last_value = value;
  if (g_str_equal (collection->key_type, "padded"))
    return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", value);
  return g_strdup_printf ("%" G_GUINT64_FORMAT, value);
}

static JsonNode *
merge_objects (JsonObject *old,
               JsonObject *patch,
               gboolean    keep_null,
               gboolean    recursive);

/* A patch value merged into an old one: objects merge recursively
 * (mergeObjects), anything else replaces. */
static JsonNode *
merge_value (JsonNode *old,
             JsonNode *patch,
             gboolean  keep_null,
             gboolean  merge)
{
  if (merge && old != NULL && JSON_NODE_HOLDS_OBJECT (old) && JSON_NODE_HOLDS_OBJECT (patch))
    return merge_objects (json_node_get_object (old), json_node_get_object (patch),
                          keep_null, TRUE);
  return json_node_copy (patch);
}

static JsonNode *
merge_objects (JsonObject *old,
               JsonObject *patch,
               gboolean    keep_null,
               gboolean    merge)
{
  JsonObject *merged = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, old);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      JsonNode *change = json_object_get_member (patch, name);

      if (change == NULL)
        json_object_set_member (merged, name, json_node_copy (value));
      else if (keep_null || !JSON_NODE_HOLDS_NULL (change))
        json_object_set_member (merged, name, merge_value (value, change, keep_null, merge));
    }

  json_object_iter_init_ordered (&iter, patch);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (!json_object_has_member (old, name) && (keep_null || !JSON_NODE_HOLDS_NULL (value)))
      json_object_set_member (merged, name, merge_value (NULL, value, keep_null, merge));

  return emu_value_take_object (merged);
}

/* The stored form: system attributes first, then @attributes without
 * the system ones. */
static EmuDocument *
build_document (EmuState      *state,
                EmuCollection *collection,
                const char    *key,
                JsonNode      *from,
                JsonNode      *to,
                JsonObject    *attributes)
{
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%s/%s", collection->name, key);
  g_autofree char *rev = emu_state_new_rev (state);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_set_string_member (object, "_key", key);
  json_object_set_string_member (object, "_id", id);
  if (collection->type == 3)
    {
      json_object_set_member (object, "_from", json_node_copy (from));
      json_object_set_member (object, "_to", json_node_copy (to));
    }
  json_object_set_string_member (object, "_rev", rev);

  json_object_iter_init_ordered (&iter, attributes);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (!is_system_attribute (name))
      json_object_set_member (object, name, json_node_copy (value));

  return emu_document_new (state, emu_value_take_object (object));
}

static void
succeed (EmuDocResult        *result,
         EmuCollection       *collection,
         EmuDocument         *document,
         EmuDocument         *old,
         const EmuDocOptions *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strdup_printf ("%s/%s", collection->name, emu_document_key (document));

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "_id", id);
  emu_json_add_string (builder, "_key", emu_document_key (document));
  emu_json_add_string (builder, "_rev", emu_document_rev (document));
  if (old != NULL && old != document)
    emu_json_add_string (builder, "_oldRev", emu_document_rev (old));
  if (options->return_old && old != NULL)
    emu_json_add_node (builder, "old", old->body);
  if (options->return_new && old != document)
    emu_json_add_node (builder, "new", document->body);
  json_builder_end_object (builder);

  result->result = json_builder_get_root (builder);
  result->key = g_strdup (emu_document_key (document));
  result->rev = g_strdup (emu_document_rev (document));
}

/* Unique persistent indexes; the primary index is the caller's. */
static gboolean
check_unique (EmuView       *view,
              EmuCollection *collection,
              EmuDocument   *document,
              EmuDocResult  *result)
{
  char *message = emu_index_check_unique (view, collection, emu_document_object (document),
                                          emu_document_key (document));

  if (message == NULL)
    return TRUE;

  fail (result, EMU_ERROR_ARANGO_UNIQUE_CONSTRAINT_VIOLATED, message);
  return FALSE;
}

static gboolean
check_revision (EmuDocument  *current,
                JsonNode     *input,
                const char   *if_match,
                gboolean      ignore_revs,
                EmuDocResult *result)
{
  const char *expected = if_match;

  if (expected == NULL && !ignore_revs && input != NULL && JSON_NODE_HOLDS_OBJECT (input))
    expected = emu_json_get_string (json_node_get_object (input), "_rev");

  if (expected == NULL || g_str_equal (expected, emu_document_rev (current)))
    return TRUE;

  fail (result, EMU_ERROR_ARANGO_CONFLICT, g_strdup ("conflict, _rev values do not match"));
  result->current = emu_document_ref (current);
  return FALSE;
}

void
emu_doc_modify (EmuState            *state,
                EmuView             *view,
                EmuCollection       *collection,
                const char          *key,
                JsonNode            *input,
                gboolean             replace,
                const char          *if_match,
                const EmuDocOptions *options,
                EmuDocResult        *result)
{
  g_autofree char *input_key = NULL;
  g_autoptr(EmuDocument) document = NULL;
  g_autoptr(JsonNode) merged = NULL;
  JsonObject *patch;
  JsonObject *attributes;
  EmuDocument *current;
  JsonNode *from = NULL, *to = NULL;
  int error_num = 0;

  if (input == NULL || !JSON_NODE_HOLDS_OBJECT (input))
    {
      fail (result, EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID, NULL);
      return;
    }
  if (key == NULL)
    {
      key = input_key = emu_doc_input_key (collection, input, &error_num);
      if (key == NULL)
        {
          fail (result, error_num, NULL);
          return;
        }
    }

  current = emu_view_lookup (view, collection, key);
  if (current == NULL)
    {
      fail (result, EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND, NULL);
      return;
    }
  if (!check_revision (current, input, if_match, options->ignore_revs, result))
    return;

  patch = json_node_get_object (input);
  if (collection->type == 3)
    {
      JsonObject *old = emu_document_object (current);

      from = json_object_get_member (patch, "_from");
      to = json_object_get_member (patch, "_to");
      if (!replace)
        {
          from = from != NULL ? from : json_object_get_member (old, "_from");
          to = to != NULL ? to : json_object_get_member (old, "_to");
        }
      if (!is_valid_handle (from) || !is_valid_handle (to))
        {
          fail (result, EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE, NULL);
          return;
        }
    }

  if (replace)
    {
      attributes = patch;
    }
  else
    {
      merged = merge_objects (emu_document_object (current), patch,
                              options->keep_null, options->merge_objects);
      attributes = json_node_get_object (merged);
    }

  document = build_document (state, collection, key, from, to, attributes);
  if (!check_unique (view, collection, document, result))
    return;

  /* current may go away with the put. */
  emu_document_ref (current);
  if (put (view, collection, key, document, result))
    {
      succeed (result, collection, document, current, options);
      result->written = TRUE;
    }
  emu_document_unref (current);
}

void
emu_doc_insert (EmuState            *state,
                EmuView             *view,
                EmuCollection       *collection,
                JsonNode            *input,
                const EmuDocOptions *options,
                EmuDocResult        *result)
{
  g_autofree char *key = NULL;
  g_autoptr(EmuDocument) document = NULL;
  JsonObject *object;
  JsonNode *key_node;
  JsonNode *from = NULL, *to = NULL;
  EmuDocument *existing;

  if (input == NULL || !JSON_NODE_HOLDS_OBJECT (input))
    {
      fail (result, EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID, NULL);
      return;
    }
  object = json_node_get_object (input);

  key_node = json_object_get_member (object, "_key");
  if (key_node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (key_node) ||
          json_node_get_value_type (key_node) != G_TYPE_STRING ||
          !emu_doc_key_is_valid (json_node_get_string (key_node)))
        {
          fail (result, EMU_ERROR_ARANGO_DOCUMENT_KEY_BAD, NULL);
          return;
        }
      if (!collection->allow_user_keys)
        {
          fail (result, EMU_ERROR_ARANGO_DOCUMENT_KEY_UNEXPECTED, NULL);
          return;
        }
      key = g_strdup (json_node_get_string (key_node));
    }

  if (collection->type == 3)
    {
      from = json_object_get_member (object, "_from");
      to = json_object_get_member (object, "_to");
      if (!is_valid_handle (from) || !is_valid_handle (to))
        {
          fail (result, EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE, NULL);
          return;
        }
    }

  existing = key != NULL ? emu_view_lookup (view, collection, key) : NULL;
  if (existing != NULL)
    {
      switch (options->overwrite_mode)
        {
        case EMU_OVERWRITE_IGNORE:
          succeed (result, collection, existing, existing, options);
          return;
        case EMU_OVERWRITE_REPLACE:
        case EMU_OVERWRITE_UPDATE:
          emu_doc_modify (state, view, collection, key, input,
                          options->overwrite_mode == EMU_OVERWRITE_REPLACE,
                          NULL, options, result);
          return;
        case EMU_OVERWRITE_NONE:
        case EMU_OVERWRITE_CONFLICT:
        default:
          {
            char *fields[] = { "_key", NULL };

            fail (result, EMU_ERROR_ARANGO_UNIQUE_CONSTRAINT_VIOLATED,
                  emu_index_unique_message ("primary", "primary", fields, key));
          }
          return;
        }
    }

  if (key == NULL)
    key = generate_key (state, collection);

  document = build_document (state, collection, key, from, to, object);
  if (!check_unique (view, collection, document, result))
    return;

  if (!put (view, collection, key, document, result))
    return;
  succeed (result, collection, document, NULL, options);
  result->written = TRUE;
}

void
emu_doc_remove (EmuState            *state,
                EmuView             *view,
                EmuCollection       *collection,
                const char          *key,
                JsonNode            *input,
                const char          *if_match,
                const EmuDocOptions *options,
                EmuDocResult        *result)
{
  g_autofree char *input_key = NULL;
  g_autoptr(EmuDocument) current = NULL;
  EmuDocOptions remove_options = *options;
  int error_num = 0;

  if (key == NULL)
    {
      key = input_key = emu_doc_input_key (collection, input, &error_num);
      if (key == NULL)
        {
          fail (result, error_num, NULL);
          return;
        }
    }

  current = emu_view_lookup (view, collection, key);
  if (current == NULL)
    {
      fail (result, EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND, NULL);
      return;
    }
  emu_document_ref (current);
  if (!check_revision (current, input, if_match, options->ignore_revs, result))
    return;

  if (!put (view, collection, key, NULL, result))
    return;
  /* The identity of the removed document, "old" if asked for. */
  remove_options.return_new = FALSE;
  succeed (result, collection, current, current, &remove_options);
  result->written = TRUE;
}
