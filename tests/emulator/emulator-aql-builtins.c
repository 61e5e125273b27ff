/* emulator-aql-builtins.c: the AQL functions the emulator evaluates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Besides LENGTH() and COUNT() (emulator-aql-eval.c, as they also count
 * collections). Wrong argument types are what the server makes of them:
 * warning 1542 "invalid argument type in call to function 'F()'" and
 * null.
 */

#include <string.h>

#include "emulator-aql-builtins.h"

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

/* Sorted by name, for bsearch. */
static const EmuAqlBuiltin builtins[] = {
  { "PUSH", 2, 3, eval_push },
  { "SLEEP", 1, 1, eval_sleep },
};

static int
compare_name (const void *key,
              const void *element)
{
  return strcmp (key, ((const EmuAqlBuiltin *) element)->name);
}

static gboolean
node_calls (EmuAqlNode *node,
            const char *name)
{
  guint i;

  if (node == NULL)
    return FALSE;
  if (node->type == AQL_NODE_FUNCTION_CALL && g_strcmp0 (node->text, name) == 0)
    return TRUE;
  if (node->children != NULL)
    for (i = 0; i < node->children->len; i++)
      if (node_calls (g_ptr_array_index (node->children, i), name))
        return TRUE;
  return FALSE;
}

/* Whether any expression of the query calls the function. */
gboolean
emu_aql_query_calls (EmuAqlQuery *query,
                     const char  *name)
{
  guint i, j;

  for (i = 0; i < query->statements->len; i++)
    {
      EmuAqlStatement *statement = g_ptr_array_index (query->statements, i);

      if (node_calls (statement->expression, name) || node_calls (statement->with, name) ||
          node_calls (statement->offset, name) || node_calls (statement->count, name) ||
          node_calls (statement->options, name))
        return TRUE;
      for (j = 0; statement->sort != NULL && j < statement->sort->len; j++)
        if (node_calls (((EmuAqlSortElement *) g_ptr_array_index (statement->sort, j))->expression,
                        name))
          return TRUE;
    }
  return FALSE;
}

const EmuAqlBuiltin *
emu_aql_builtin_lookup (const char *name)
{
  return bsearch (name, builtins, G_N_ELEMENTS (builtins), sizeof builtins[0], compare_name);
}
