/* emulator-index-def.c: the indexes of a collection, and unique constraints
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Index descriptions list their attributes in alphabetical order, as the
 * recordings show (3.12/RestIndexAllIndexes_single.json,
 * RestIndexCreate*_single.json). Only unique persistent indexes change
 * behaviour; the other types are kept as metadata.
 */

#include "emulator-index-def.h"

#include <string.h>

#include "emulator-reply.h"
#include "emulator-value.h"

static const char *metadata_types[] = {
  "persistent", "ttl", "geo", "fulltext", "inverted", "mdi", "mdi-prefixed",
};

void
emu_index_free (EmuIndex *index)
{
  if (index == NULL)
    return;

  g_free (index->id);
  g_free (index->name);
  g_free (index->type);
  g_strfreev (index->fields);
  g_clear_pointer (&index->definition, json_object_unref);
  g_free (index);
}

EmuIndex *
emu_index_copy (EmuIndex *index)
{
  EmuIndex *copy = g_new0 (EmuIndex, 1);

  copy->id = g_strdup (index->id);
  copy->name = g_strdup (index->name);
  copy->type = g_strdup (index->type);
  copy->unique = index->unique;
  copy->sparse = index->sparse;
  copy->fields = g_strdupv (index->fields);
  copy->definition = json_object_ref (index->definition);
  return copy;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A copy of @object with its members in alphabetical order. */
static JsonObject *
sorted_copy (JsonObject *object)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObject *sorted = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  guint i;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);

  for (i = 0; i < names->len; i++)
    json_object_set_member (sorted, g_ptr_array_index (names, i),
                            json_node_copy (json_object_get_member (object,
                                                                    g_ptr_array_index (names, i))));
  return sorted;
}

static void
set_error (int        *error_num,
           char      **message,
           int         number,
           const char *text)
{
  *error_num = number;
  *message = g_strdup (text != NULL ? text : emu_error_message (number));
}

/* "fields": strings, or for inverted indexes objects with a "name". */
static char **
parse_fields (JsonObject *request,
              gboolean    objects_allowed)
{
  JsonNode *node = json_object_get_member (request, "fields");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint i;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return NULL;

  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *field = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_VALUE (field) && json_node_get_value_type (field) == G_TYPE_STRING)
        name = json_node_get_string (field);
      else if (objects_allowed && JSON_NODE_HOLDS_OBJECT (field))
        name = emu_json_get_string (json_node_get_object (field), "name");

      if (name == NULL || *name == '\0')
        return NULL;
      g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

static JsonArray *
fields_array (char **fields)
{
  JsonArray *array = json_array_new ();
  guint i;

  for (i = 0; fields[i] != NULL; i++)
    json_array_add_string_element (array, fields[i]);
  return array;
}

/* The member of the request, or (absent or of another type) the default,
 * which is consumed. */
void
emu_index_copy_member (JsonObject *to,
                       JsonObject *from,
                       const char *name,
                       JsonNode   *fallback)
{
  JsonNode *value = json_object_get_member (from, name);

  if (value != NULL && JSON_NODE_TYPE (value) == JSON_NODE_TYPE (fallback) &&
      (!JSON_NODE_HOLDS_VALUE (value) ||
       json_node_get_value_type (value) == json_node_get_value_type (fallback)))
    {
      json_object_set_member (to, name, json_node_copy (value));
      json_node_unref (fallback);
    }
  else
    {
      json_object_set_member (to, name, fallback);
    }
}

/* The attributes each type adds, with the defaults of the recordings. */
static gboolean
describe_type (EmuState   *state,
               EmuIndex   *index,
               JsonObject *request,
               JsonObject *definition,
               int        *error_num,
               char      **message)
{
  const char *type = index->type;

  if (g_str_equal (type, "persistent"))
    {
      emu_index_copy_member (definition, request, "cacheEnabled", emu_value_boolean (FALSE));
      emu_index_copy_member (definition, request, "deduplicate", emu_value_boolean (TRUE));
      emu_index_copy_member (definition, request, "estimates", emu_value_boolean (TRUE));
      json_object_set_int_member (definition, "selectivityEstimate", 1);
    }
  else if (g_str_equal (type, "ttl"))
    {
      JsonNode *expire = json_object_get_member (request, "expireAfter");

      if (g_strv_length (index->fields) != 1 || index->unique ||
          expire == NULL || !emu_value_is_number (expire) ||
          json_node_get_double (expire) < 0)
        {
          set_error (error_num, message, EMU_ERROR_BAD_PARAMETER,
                     "ttl index definition requires exactly one attribute and a numeric expireAfter");
          return FALSE;
        }
      index->sparse = TRUE;
      json_object_set_boolean_member (definition, "estimates", FALSE);
      json_object_set_member (definition, "expireAfter", json_node_copy (expire));
    }
  else if (g_str_equal (type, "geo"))
    {
      index->sparse = TRUE;
      json_object_set_int_member (definition, "bestIndexedLevel", 17);
      emu_index_copy_member (definition, request, "geoJson", emu_value_boolean (FALSE));
      emu_index_copy_member (definition, request, "legacyPolygons", emu_value_boolean (FALSE));
      json_object_set_int_member (definition, "maxNumCoverCells", 8);
      json_object_set_int_member (definition, "worstIndexedLevel", 4);
    }
  else if (g_str_equal (type, "fulltext"))
    {
      index->sparse = TRUE;
      emu_index_copy_member (definition, request, "minLength", emu_value_int (2));
    }
  else if (g_str_equal (type, "inverted"))
    {
      index->sparse = TRUE;
      emu_index_describe_inverted (state, definition, request);
    }
  else if (g_str_equal (type, "zkd"))
    {
      emu_index_copy_member (definition, request, "fieldValueTypes", emu_value_string ("double"));
    }
  else if (g_str_equal (type, "mdi") || g_str_equal (type, "mdi-prefixed"))
    {
      emu_index_copy_member (definition, request, "fieldValueTypes", emu_value_string ("double"));
      emu_index_copy_member (definition, request, "estimates",
                   emu_value_boolean (g_str_equal (type, "mdi-prefixed")));
      if (g_str_equal (type, "mdi-prefixed"))
        {
          JsonNode *prefix = json_object_get_member (request, "prefixFields");

          if (prefix == NULL || !JSON_NODE_HOLDS_ARRAY (prefix))
            {
              set_error (error_num, message, EMU_ERROR_BAD_PARAMETER,
                         "prefixFields must be a non-empty array");
              return FALSE;
            }
          json_object_set_member (definition, "prefixFields", json_node_copy (prefix));
          json_object_set_int_member (definition, "selectivityEstimate", 1);
        }
    }

  return TRUE;
}

/* The type an index of @type is created as, NULL for an unknown one.
 * hash and skiplist are persistent indexes since 3.9. zkd is a type of
 * its own before 3.12 ({3.10,3.11}/RestIndexCreateNewZkd_single.json),
 * when mdi does not exist yet, and an alias of mdi since (the aliases of
 * /_api/engine). */
static const char *
resolve_type (EmuState   *state,
              const char *type)
{
  gboolean mdi = emu_state_version_at_least (state, 3, 12, 0);

  if (g_str_equal (type, "hash") || g_str_equal (type, "skiplist"))
    return "persistent";
  if (g_str_equal (type, "zkd"))
    return mdi ? "mdi" : "zkd";
  if (g_str_has_prefix (type, "mdi") && !mdi)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (metadata_types); i++)
    if (g_str_equal (type, metadata_types[i]))
      return metadata_types[i];
  return NULL;
}

/* Reads a POST /_api/index body; the id is left to the caller. */
EmuIndex *
emu_index_new (EmuState    *state,
               JsonObject  *request,
               int         *error_num,
               char       **message)
{
  g_autoptr(JsonObject) definition = json_object_new ();
  const char *type = emu_json_get_string (request, "type");
  const char *name = emu_json_get_string (request, "name");
  EmuIndex *index;

  if (type == NULL)
    {
      set_error (error_num, message, EMU_ERROR_BAD_PARAMETER, "invalid index type definition");
      return NULL;
    }
  type = resolve_type (state, type);
  if (type == NULL)
    {
      set_error (error_num, message, EMU_ERROR_BAD_PARAMETER, "invalid index type definition");
      return NULL;
    }

  index = g_new0 (EmuIndex, 1);
  index->type = g_strdup (type);
  index->fields = parse_fields (request, g_str_equal (type, "inverted"));
  index->unique = emu_json_get_boolean (request, "unique", FALSE);
  index->sparse = emu_json_get_boolean (request, "sparse", FALSE);
  if (index->fields == NULL)
    {
      emu_index_free (index);
      set_error (error_num, message, EMU_ERROR_BAD_PARAMETER,
                 "index definition needs a non-empty \"fields\" array of attribute names");
      return NULL;
    }

  if (!describe_type (state, index, request, definition, error_num, message))
    {
      emu_index_free (index);
      return NULL;
    }

  index->name = name != NULL
    ? g_strdup (name)
    : g_strdup_printf ("idx_%" G_GUINT64_FORMAT,
                       ((guint64) g_random_int () << 31 | g_random_int ()) |
                       G_GUINT64_CONSTANT (1) << 60);

  if (!g_str_equal (type, "inverted"))
    json_object_set_array_member (definition, "fields", fields_array (index->fields));
  json_object_set_string_member (definition, "name", index->name);
  json_object_set_boolean_member (definition, "sparse", index->sparse);
  json_object_set_string_member (definition, "type", index->type);
  json_object_set_boolean_member (definition, "unique", index->unique);
  index->definition = g_steal_pointer (&definition);

  return index;
}

/* POST /_api/index answers 200 with the existing index when it has the
 * same type, fields and flags. */
gboolean
emu_index_same_as (EmuIndex *index,
                   EmuIndex *other)
{
  return g_str_equal (index->type, other->type) &&
         g_strv_equal ((const char * const *) index->fields,
                       (const char * const *) other->fields) &&
         index->unique == other->unique &&
         index->sparse == other->sparse;
}

/* @newly_created: -1 leaves "isNewlyCreated" out. */
JsonNode *
emu_index_describe (EmuIndex      *index,
                    EmuCollection *collection,
                    int            newly_created)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%s/%s", collection->name, index->id);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, index->definition);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (object, name, json_node_copy (value));
  json_object_set_string_member (object, "id", id);
  if (newly_created >= 0)
    json_object_set_boolean_member (object, "isNewlyCreated", newly_created);

  return emu_value_take_object (sorted_copy (object));
}

/* The primary index "0" and, for edge collections, the edge index "1"
 * (the server shows its two halves as one). */
static JsonNode *
describe_builtin (EmuCollection *collection,
                  gboolean       edge)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%s/%s", collection->name, edge ? "1" : "0");
  char *primary_fields[] = { "_key", NULL };
  char *edge_fields[] = { "_from", "_to", NULL };

  json_object_set_array_member (object, "fields",
                                fields_array (edge ? edge_fields : primary_fields));
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", edge ? "edge" : "primary");
  json_object_set_int_member (object, "selectivityEstimate", 1);
  json_object_set_boolean_member (object, "sparse", FALSE);
  json_object_set_string_member (object, "type", edge ? "edge" : "primary");
  json_object_set_boolean_member (object, "unique", !edge);

  return emu_value_take_object (g_steal_pointer (&object));
}

JsonArray *
emu_collection_describe_indexes (EmuCollection *collection)
{
  JsonArray *indexes = json_array_new ();
  guint i;

  json_array_add_element (indexes, describe_builtin (collection, FALSE));
  if (collection->type == 3)
    json_array_add_element (indexes, describe_builtin (collection, TRUE));
  for (i = 0; i < collection->indexes->len; i++)
    json_array_add_element (indexes,
                            emu_index_describe (g_ptr_array_index (collection->indexes, i),
                                                collection, -1));
  return indexes;
}

/* NULL when @id names no index of the collection. */
JsonNode *
emu_collection_describe_index (EmuCollection *collection,
                               const char    *id)
{
  EmuIndex *index;

  if (g_str_equal (id, "0") || g_str_equal (id, "primary"))
    return describe_builtin (collection, FALSE);
  if (collection->type == 3 && (g_str_equal (id, "1") || g_str_equal (id, "edge")))
    return describe_builtin (collection, TRUE);

  index = emu_collection_find_index (collection, id);
  return index != NULL ? emu_index_describe (index, collection, -1) : NULL;
}

EmuIndex *
emu_collection_find_index (EmuCollection *collection,
                           const char    *id_or_name)
{
  guint i;

  for (i = 0; i < collection->indexes->len; i++)
    {
      EmuIndex *index = g_ptr_array_index (collection->indexes, i);

      if (g_str_equal (index->id, id_or_name) || g_str_equal (index->name, id_or_name))
        return index;
    }

  return NULL;
}

/* Follows a dotted attribute path; NULL when it leads nowhere. */
JsonNode *
emu_json_get_path (JsonObject *object,
                   const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;
  guint i;

  for (i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL)
        return NULL;
      node = json_object_get_member (object, parts[i]);
      if (node == NULL)
        return NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return node;
}

/* The indexed values of @document; FALSE when a sparse index leaves the
 * document out (an attribute missing or null). A non-sparse index
 * indexes missing attributes as null. */
static gboolean
index_values (EmuIndex   *index,
              JsonObject *document,
              JsonNode  **values)
{
  guint i;

  for (i = 0; index->fields[i] != NULL; i++)
    {
      values[i] = emu_json_get_path (document, index->fields[i]);
      if (index->sparse && emu_value_type_rank (values[i]) == 0)
        return FALSE;
    }

  return TRUE;
}

char *
emu_index_unique_message (const char  *name,
                          const char  *type,
                          char       **fields,
                          const char  *conflicting_key)
{
  g_autofree char *over = g_strjoinv (", ", fields);

  return g_strdup_printf ("unique constraint violated - in index %s of type %s over '%s'; "
                          "conflicting key: %s",
                          name, type, over, conflicting_key);
}

/* The message of the first unique persistent index that another visible
 * document (not @skip_key) already holds @document's values in, else
 * NULL. The primary index is checked by the caller. */
char *
emu_index_check_unique (EmuView       *view,
                        EmuCollection *collection,
                        JsonObject    *document,
                        const char    *skip_key)
{
  g_autoptr(GPtrArray) documents = NULL;
  guint i, j, k;

  for (i = 0; i < collection->indexes->len; i++)
    {
      EmuIndex *index = g_ptr_array_index (collection->indexes, i);
      guint n = g_strv_length (index->fields);
      g_autofree JsonNode **values = g_new0 (JsonNode *, n);
      g_autofree JsonNode **others = g_new0 (JsonNode *, n);

      if (!index->unique || !g_str_equal (index->type, "persistent") ||
          !index_values (index, document, values))
        continue;

      if (documents == NULL)
        documents = emu_view_scan (view, collection);

      for (j = 0; j < documents->len; j++)
        {
          EmuDocument *other = g_ptr_array_index (documents, j);
          const char *key = emu_document_key (other);

          if ((skip_key != NULL && g_str_equal (key, skip_key)) ||
              !index_values (index, emu_document_object (other), others))
            continue;

          for (k = 0; k < n && emu_value_equal (values[k], others[k]); k++)
            ;
          if (k == n)
            return emu_index_unique_message (index->name, index->type, index->fields, key);
        }
    }

  return NULL;
}
