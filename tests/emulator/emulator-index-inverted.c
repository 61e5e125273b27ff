/* emulator-index-inverted.c: the description of an inverted index
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The defaults a 3.12 server fills in (3.12/RestIndexCreateNewInverted_single.json;
 * those that changed between releases: emulator-search-defaults.c):
 * commit, consolidation and write buffer settings, the primary sort, and
 * the features of each field's analyzer.
 */

#include "emulator-index-def.h"

#include "emulator-reply.h"
#include "emulator-search-defaults.h"
#include "emulator-value.h"

/* The features of the built-in analyzers: identity indexes frequencies and
 * norms, the text_<language> analyzers positions too. NULL for others. */
static const char *const *
analyzer_features (const char *analyzer)
{
  static const char *const identity[] = { "frequency", "norm", NULL };
  static const char *const text[] = { "frequency", "position", "norm", NULL };

  if (g_str_equal (analyzer, "identity"))
    return identity;
  if (g_str_has_prefix (analyzer, "text_"))
    return text;
  return NULL;
}

static JsonArray *
features_array (const char *const *features)
{
  JsonArray *array = json_array_new ();

  for (; *features != NULL; features++)
    json_array_add_string_element (array, *features);
  return array;
}

static JsonNode *
parse (const char *json)
{
  return json_from_string (json, NULL);
}

/* Each field as an object; one with its own analyzer gets that analyzer's
 * features, as the server resolves them. */
static JsonArray *
describe_fields (JsonArray *given)
{
  JsonArray *fields = json_array_new ();
  guint i;

  for (i = 0; i < json_array_get_length (given); i++)
    {
      JsonNode *field = json_array_get_element (given, i);
      JsonObject *object;
      const char *analyzer;
      const char *const *features;

      if (!JSON_NODE_HOLDS_OBJECT (field))
        {
          object = json_object_new ();
          json_object_set_string_member (object, "name", json_node_get_string (field));
          json_array_add_object_element (fields, object);
          continue;
        }
      object = json_object_ref (json_node_get_object (field));
      analyzer = emu_json_get_string (object, "analyzer");
      features = analyzer != NULL ? analyzer_features (analyzer) : NULL;
      if (features != NULL && !json_object_has_member (object, "features"))
        {
          JsonObject *copy = json_object_new ();
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          json_object_iter_init (&iter, object);
          while (json_object_iter_next (&iter, &name, &value))
            json_object_set_member (copy, name, json_node_copy (value));
          json_object_set_array_member (copy, "features", features_array (features));
          json_object_unref (object);
          object = copy;
        }
      json_array_add_object_element (fields, object);
    }
  return fields;
}

void
emu_index_describe_inverted (EmuState   *state,
                             JsonObject *definition,
                             JsonObject *request)
{
  const char *analyzer = emu_json_get_string (request, "analyzer");
  const char *const *features = analyzer_features (analyzer != NULL ? analyzer : "identity");

  emu_index_copy_member (definition, request, "analyzer", emu_value_string ("identity"));
  emu_index_copy_member (definition, request, "cleanupIntervalStep", emu_value_int (2));
  emu_index_copy_member (definition, request, "commitIntervalMsec", emu_value_int (1000));
  emu_index_copy_member (definition, request, "consolidationIntervalMsec",
                         emu_value_int (emu_search_consolidation_interval (state)));
  emu_index_copy_member (definition, request, "consolidationPolicy",
                         json_node_init_object (json_node_alloc (),
                                                emu_search_consolidation_policy (state)));
  if (features != NULL)
    {
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      json_node_take_array (node, features_array (features));
      emu_index_copy_member (definition, request, "features", node);
    }
  json_object_set_array_member (definition, "fields",
                                describe_fields (json_object_get_array_member (request, "fields")));
  emu_index_copy_member (definition, request, "includeAllFields", emu_value_boolean (FALSE));
  if (emu_search_has_optimize_top_k (state))
    emu_index_copy_member (definition, request, "optimizeTopK", parse ("[]"));
  emu_index_copy_member (definition, request, "primarySort", parse ("{\"fields\":[],\"compression\":\"lz4\"}"));
  emu_index_copy_member (definition, request, "searchField", emu_value_boolean (FALSE));
  emu_index_copy_member (definition, request, "storedValues", parse ("[]"));
  emu_index_copy_member (definition, request, "trackListPositions", emu_value_boolean (FALSE));
  json_object_set_int_member (definition, "version", 1);
  emu_index_copy_member (definition, request, "writebufferActive", emu_value_int (0));
  emu_index_copy_member (definition, request, "writebufferIdle", emu_value_int (64));
  emu_index_copy_member (definition, request, "writebufferSizeMax", emu_value_int (33554432));
}
