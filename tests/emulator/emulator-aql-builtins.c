/* emulator-aql-builtins.c: the AQL functions the emulator evaluates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Besides LENGTH() and COUNT() (emulator-aql-eval.c, as they also count
 * collections); the geo functions are in emulator-aql-geo.c. Wrong
 * argument types are what the server makes of them: warning 1542
 * "invalid argument type in call to function 'F()'" and null.
 */

#include <string.h>

#include "emulator-aql-builtins.h"

#include "emulator-aql-geo.h"
#include "emulator-reply.h"
#include "emulator-value.h"

#define ERROR_QUERY_FUNCTION_ARGUMENT_TYPE_MISMATCH 1542

static JsonNode *
type_mismatch (EmuAqlContext *context,
               const char    *name)
{
  g_autofree char *message =
    g_strdup_printf ("invalid argument type in call to function '%s()'", name);

  emu_aql_warn (context, ERROR_QUERY_FUNCTION_ARGUMENT_TYPE_MISMATCH, message);
  return emu_value_null ();
}

static gboolean
contains (JsonArray *array,
          JsonNode  *value)
{
  guint i;

  for (i = 0; i < json_array_get_length (array); i++)
    if (emu_value_compare (json_array_get_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* PUSH(anyArray, value[, unique]): anyArray with value appended; null
 * stands for an empty array. */
static JsonNode *
eval_push (EmuAqlContext *context,
           const char    *name,
           JsonNode     **arguments,
           guint          n_arguments)
{
  gboolean unique = n_arguments > 2 && emu_value_truthy (arguments[2]);
  JsonArray *result = json_array_new ();
  guint i;

  if (JSON_NODE_HOLDS_ARRAY (arguments[0]))
    {
      JsonArray *given = json_node_get_array (arguments[0]);

      for (i = 0; i < json_array_get_length (given); i++)
        json_array_add_element (result, json_node_copy (json_array_get_element (given, i)));
    }
  else if (!JSON_NODE_HOLDS_NULL (arguments[0]))
    {
      json_array_unref (result);
      return type_mismatch (context, name);
    }

  if (!unique || !contains (result, arguments[1]))
    json_array_add_element (result, json_node_copy (arguments[1]));
  return emu_value_take_array (result);
}

/* SLEEP(seconds): null, once the time has passed. The emulator does not
 * block its only thread: it adds the time up, and the answer is held back
 * that long (emulator-query-tracking.c), or the query's job kept pending
 * (emulator-jobs.c). */
static JsonNode *
eval_sleep (EmuAqlContext *context,
            const char    *name,
            JsonNode     **arguments,
            guint          n_arguments)
{
  gdouble seconds;

  if (!emu_value_is_number (arguments[0]) ||
      (seconds = json_node_get_double (arguments[0])) < 0)
    return type_mismatch (context, name);
  context->slept += seconds;
  return emu_value_null ();
}

/* MERGE(document, …) or MERGE([document, …]): the objects' attributes,
 * later ones winning, in the order they first appear (as VelocyPack's
 * Collection::merge() writes them). */
static JsonNode *
eval_merge (EmuAqlContext *context,
            const char    *name,
            JsonNode     **arguments,
            guint          n_arguments)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *result;
  JsonArray *list = NULL;
  guint n = n_arguments;

  if (n_arguments == 1 && JSON_NODE_HOLDS_ARRAY (arguments[0]))
    {
      list = json_node_get_array (arguments[0]);
      n = json_array_get_length (list);
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *value = list != NULL ? json_array_get_element (list, i) : arguments[i];
      JsonObjectIter iter;
      const char *member;
      JsonNode *member_value;

      if (!JSON_NODE_HOLDS_OBJECT (value))
        return type_mismatch (context, name);
      json_object_iter_init_ordered (&iter, json_node_get_object (value));
      while (json_object_iter_next_ordered (&iter, &member, &member_value))
        {
          if (!g_hash_table_contains (values, member))
            g_ptr_array_add (order, (gpointer) member);
          g_hash_table_insert (values, (gpointer) member, member_value);
        }
    }

  result = json_object_new ();
  for (guint i = 0; i < order->len; i++)
    json_object_set_member (result, g_ptr_array_index (order, i),
                            json_node_copy (g_hash_table_lookup (values, g_ptr_array_index (order, i))));
  return emu_value_take_object (result);
}

/* RAND(): a number in [0, 1). */
static JsonNode *
eval_rand (EmuAqlContext *context,
           const char    *name,
           JsonNode     **arguments,
           guint          n_arguments)
{
  return emu_value_number (g_random_double ());
}

/* Sorted by name, for bsearch. The counts are the server's (a function
 * that takes any number takes at most 65536). */
static const EmuAqlBuiltin builtins[] = {
  { "GEO_CONTAINS", 2, 2, emu_aql_geo_contains },
  { "GEO_DISTANCE", 2, 3, emu_aql_geo_distance },
  { "GEO_POLYGON", 1, 1, emu_aql_geo_polygon },
  { "MERGE", 1, 65536, eval_merge },
  { "PUSH", 2, 3, eval_push },
  { "RAND", 0, 0, eval_rand },
  { "SLEEP", 1, 1, eval_sleep },
};

static int
compare_name (const void *key,
              const void *element)
{
  return strcmp (key, ((const EmuAqlBuiltin *) element)->name);
}

static gboolean
is_call_of (EmuAqlNode *node,
            gpointer    name)
{
  return node->type == AQL_NODE_FUNCTION_CALL && g_strcmp0 (node->text, name) == 0;
}

/* Whether any expression of the query calls the function. */
gboolean
emu_aql_query_calls (EmuAqlQuery *query,
                     const char  *name)
{
  return emu_aql_query_find_node (query, is_call_of, (gpointer) name) != NULL;
}

const EmuAqlBuiltin *
emu_aql_builtin_lookup (const char *name)
{
  return bsearch (name, builtins, G_N_ELEMENTS (builtins), sizeof builtins[0], compare_name);
}
