/* emulator-aql-eval.c: evaluating AQL expressions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * AQL semantics: attribute access on a non-object is null; && and ||
 * return an operand; arithmetic converts its operands to numbers and a
 * division by zero is null with warning 1562; comparisons use the type
 * order null < bool < number < string < array < object.
 */

#include "emulator-aql-eval.h"

#include <math.h>
#include <string.h>

#include "emulator-aql-builtins.h"
#include "emulator-reply.h"
#include "emulator-value.h"

/* Ranges larger than this would exhaust the emulator's memory. */
#define MAX_RANGE_LENGTH 1000000

void
emu_aql_warn (EmuAqlContext *context,
              int            code,
              const char    *message)
{
  JsonObject *warning = json_object_new ();

  json_object_set_int_member (warning, "code", code);
  json_object_set_string_member (warning, "message", message);
  json_array_add_object_element (context->warnings, warning);
}

const char *
emu_aql_type_name (JsonNode *value)
{
  static const char *names[] = { "null", "bool", "number", "string", "array", "object" };

  return names[emu_value_type_rank (value)];
}

static JsonNode *
lookup_parameter (EmuAqlContext *context,
                  const char    *name)
{
  JsonNode *value = context->bind_vars != NULL
    ? json_object_get_member (context->bind_vars, name)
    : NULL;

  if (value == NULL)
    emu_aql_error_set (context->error, EMU_ERROR_QUERY_BIND_PARAMETER_MISSING,
                       "no value specified for declared bind parameter '%s'", name);
  return value;
}

/* A collection named in the query, or by an @@parameter. */
EmuCollection *
emu_aql_eval_collection (EmuAqlContext *context,
                         EmuAqlNode    *node)
{
  const char *name = node->text;
  EmuCollection *collection;

  if (node->type == AQL_NODE_DATASOURCE_PARAMETER)
    {
      g_autofree char *key = g_strdup_printf ("@%s", node->text);
      JsonNode *value = lookup_parameter (context, key);

      if (value == NULL)
        return NULL;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          emu_aql_error_set (context->error, EMU_ERROR_QUERY_BIND_PARAMETER_TYPE,
                             "bind parameter '%s' has an invalid value or type", key);
          return NULL;
        }
      name = json_node_get_string (value);
    }

  collection = emu_database_lookup_collection (context->view->database, name);
  if (collection == NULL)
    emu_aql_error_set (context->error, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                       "collection or view not found: %s", name);
  return collection;
}

/* Object keys: strings as they are, anything else as its JSON text. */
static char *
key_text (JsonNode *value)
{
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return emu_json_to_string (value);
}

static JsonNode *
eval_object (EmuAqlContext *context,
             EmuAqlNode    *node,
             JsonNode     **row)
{
  g_autoptr(JsonObject) object = json_object_new ();
  guint i;

  for (i = 0; i < node->children->len; i++)
    {
      EmuAqlNode *element = g_ptr_array_index (node->children, i);
      g_autofree char *name = NULL;
      JsonNode *value;

      if (element->type == AQL_NODE_CALCULATED_OBJECT_ELEMENT)
        {
          g_autoptr(JsonNode) key = emu_aql_eval (context, emu_aql_node_child (element, 0), row);

          if (key == NULL)
            return NULL;
          name = key_text (key);
          value = emu_aql_eval (context, emu_aql_node_child (element, 1), row);
        }
      else
        {
          name = g_strdup (element->text);
          value = emu_aql_eval (context, emu_aql_node_child (element, 0), row);
        }
      if (value == NULL)
        return NULL;
      json_object_set_member (object, name, value);
    }

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
eval_array (EmuAqlContext *context,
            EmuAqlNode    *node,
            JsonNode     **row)
{
  g_autoptr(JsonArray) array = json_array_new ();
  guint i;

  for (i = 0; i < node->children->len; i++)
    {
      JsonNode *value = emu_aql_eval (context, g_ptr_array_index (node->children, i), row);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
    }

  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
member_or_null (JsonNode   *object,
                const char *name)
{
  JsonNode *member = NULL;

  if (object != NULL && JSON_NODE_HOLDS_OBJECT (object))
    member = json_object_get_member (json_node_get_object (object), name);
  return member != NULL ? json_node_copy (member) : emu_value_null ();
}

static JsonNode *
eval_indexed (JsonNode *value,
              JsonNode *index)
{
  if (JSON_NODE_HOLDS_ARRAY (value) && emu_value_is_number (index))
    {
      JsonArray *array = json_node_get_array (value);
      gint64 position = (gint64) json_node_get_double (index);
      gint64 length = json_array_get_length (array);

      if (position < 0)
        position += length;
      if (position >= 0 && position < length)
        return json_node_copy (json_array_get_element (array, position));
      return emu_value_null ();
    }

  if (JSON_NODE_HOLDS_OBJECT (value) && emu_value_type_rank (index) != 0)
    {
      g_autofree char *name = key_text (index);

      return member_or_null (value, name);
    }

  return emu_value_null ();
}

static JsonNode *
eval_arithmetic (EmuAqlContext *context,
                 EmuAqlNodeType type,
                 JsonNode      *left,
                 JsonNode      *right)
{
  gdouble a = emu_value_to_number (left);
  gdouble b = emu_value_to_number (right);

  switch (type)
    {
    case AQL_NODE_PLUS:
      return emu_value_number (a + b);
    case AQL_NODE_MINUS:
      return emu_value_number (a - b);
    case AQL_NODE_TIMES:
      return emu_value_number (a * b);
    case AQL_NODE_DIV:
    case AQL_NODE_MOD:
      if (b == 0.0)
        {
          emu_aql_warn (context, EMU_ERROR_QUERY_DIVISION_BY_ZERO,
                        emu_error_message (EMU_ERROR_QUERY_DIVISION_BY_ZERO));
          return emu_value_null ();
        }
      return emu_value_number (type == AQL_NODE_DIV ? a / b : fmod (a, b));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
contains (JsonNode *haystack,
          JsonNode *needle)
{
  JsonArray *array;
  guint i;

  if (!JSON_NODE_HOLDS_ARRAY (haystack))
    return FALSE;

  array = json_node_get_array (haystack);
  for (i = 0; i < json_array_get_length (array); i++)
    if (emu_value_equal (json_array_get_element (array, i), needle))
      return TRUE;
  return FALSE;
}

static JsonNode *
eval_comparison (EmuAqlNodeType  type,
                 JsonNode       *left,
                 JsonNode       *right)
{
  int order;

  if (type == AQL_NODE_IN || type == AQL_NODE_NOT_IN)
    return emu_value_boolean (contains (right, left) == (type == AQL_NODE_IN));

  order = emu_value_compare (left, right);
  switch (type)
    {
    case AQL_NODE_EQ:
      return emu_value_boolean (order == 0);
    case AQL_NODE_NE:
      return emu_value_boolean (order != 0);
    case AQL_NODE_LT:
      return emu_value_boolean (order < 0);
    case AQL_NODE_LE:
      return emu_value_boolean (order <= 0);
    case AQL_NODE_GT:
      return emu_value_boolean (order > 0);
    case AQL_NODE_GE:
    default:
      return emu_value_boolean (order >= 0);
    }
}

static JsonNode *
eval_range (EmuAqlContext *context,
            JsonNode      *from,
            JsonNode      *to)
{
  gint64 first = (gint64) emu_value_to_number (from);
  gint64 last = (gint64) emu_value_to_number (to);
  g_autoptr(JsonArray) array = json_array_new ();
  gint64 step = first <= last ? 1 : -1;
  gint64 value;

  if ((first <= last ? last - first : first - last) >= MAX_RANGE_LENGTH)
    {
      emu_aql_error_set (context->error, 32, "query would use more memory than allowed");
      return NULL;
    }

  for (value = first;; value += step)
    {
      json_array_add_int_element (array, value);
      if (value == last)
        break;
    }
  return emu_value_take_array (g_steal_pointer (&array));
}

static JsonNode *
eval_builtin (EmuAqlContext *context,
              EmuAqlNode    *node,
              JsonNode     **row)
{
  const EmuAqlBuiltin *builtin = emu_aql_builtin_lookup (node->text);
  g_autoptr(GPtrArray) arguments = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  guint i;

  for (i = 0; i < node->children->len; i++)
    {
      JsonNode *value = emu_aql_eval (context, emu_aql_node_child (node, i), row);

      if (value == NULL)
        return NULL;
      g_ptr_array_add (arguments, value);
    }
  return builtin->eval (context, node->text, (JsonNode **) arguments->pdata, arguments->len);
}

/* LENGTH(): collections count their documents, strings their characters,
 * numbers the characters of their text, true 1, false and null 0. */
static JsonNode *
eval_length (EmuAqlContext *context,
             EmuAqlNode    *node,
             JsonNode     **row)
{
  EmuAqlNode *argument = emu_aql_node_child (node, 0);
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *text = NULL;

  if (argument->type == AQL_NODE_COLLECTION || argument->type == AQL_NODE_DATASOURCE_PARAMETER)
    {
      EmuCollection *collection = emu_aql_eval_collection (context, argument);

      return collection != NULL ? emu_value_int (emu_view_count (context->view, collection))
                                : NULL;
    }

  if ((value = emu_aql_eval (context, argument, row)) == NULL)
    return NULL;

  switch (emu_value_type_rank (value))
    {
    case 1:
      return emu_value_int (json_node_get_boolean (value) ? 1 : 0);
    case 2:
      text = emu_json_to_string (value);
      return emu_value_int (strlen (text));
    case 3:
      return emu_value_int (g_utf8_strlen (json_node_get_string (value), -1));
    case 4:
      return emu_value_int (json_array_get_length (json_node_get_array (value)));
    case 5:
      return emu_value_int (json_object_get_size (json_node_get_object (value)));
    default:
      return emu_value_int (0);
    }
}

static JsonNode *
eval_binary (EmuAqlContext *context,
             EmuAqlNode    *node,
             JsonNode     **row)
{
  g_autoptr(JsonNode) left = emu_aql_eval (context, emu_aql_node_child (node, 0), row);
  g_autoptr(JsonNode) right = NULL;

  if (left == NULL)
    return NULL;

  /* && and || evaluate their right side only when needed. */
  if (node->type == AQL_NODE_AND && !emu_value_truthy (left))
    return g_steal_pointer (&left);
  if (node->type == AQL_NODE_OR && emu_value_truthy (left))
    return g_steal_pointer (&left);

  if ((right = emu_aql_eval (context, emu_aql_node_child (node, 1), row)) == NULL)
    return NULL;

  switch (node->type)
    {
    case AQL_NODE_AND:
    case AQL_NODE_OR:
      return g_steal_pointer (&right);
    case AQL_NODE_PLUS:
    case AQL_NODE_MINUS:
    case AQL_NODE_TIMES:
    case AQL_NODE_DIV:
    case AQL_NODE_MOD:
      return eval_arithmetic (context, node->type, left, right);
    case AQL_NODE_RANGE:
      return eval_range (context, left, right);
    case AQL_NODE_INDEXED_ACCESS:
      return eval_indexed (left, right);
    default:
      return eval_comparison (node->type, left, right);
    }
}

static JsonNode *
eval_bound_access (EmuAqlContext *context,
                   EmuAqlNode    *node,
                   JsonNode     **row)
{
  EmuAqlNode *parameter = emu_aql_node_child (node, 1);
  JsonNode *name = lookup_parameter (context, parameter->text);
  g_autoptr(JsonNode) value = NULL;

  if (name == NULL)
    return NULL;
  if (!emu_aql_is_attribute_name (name))
    {
      emu_aql_error_set (context->error, EMU_ERROR_QUERY_BIND_PARAMETER_TYPE,
                         "bind parameter '%s' has an invalid value or type", parameter->text);
      return NULL;
    }
  if ((value = emu_aql_eval (context, emu_aql_node_child (node, 0), row)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (name))
    return member_or_null (value, json_node_get_string (name));

  /* An array of names is a path into nested objects. */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (name)); i++)
    {
      JsonNode *next = member_or_null (value, json_array_get_string_element (json_node_get_array (name), i));

      json_node_unref (value);
      value = next;
    }
  return g_steal_pointer (&value);
}

/* What `x.@p` takes for p: a name, or an array of names for a nested
 * attribute (Ast::injectBindParameters); none of them empty. */
gboolean
emu_aql_is_attribute_name (JsonNode *value)
{
  JsonArray *names;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return *json_node_get_string (value) != '\0';
  if (!JSON_NODE_HOLDS_ARRAY (value))
    return FALSE;
  names = json_node_get_array (value);
  if (json_array_get_length (names) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *part = json_array_get_element (names, i);

      if (!JSON_NODE_HOLDS_VALUE (part) || json_node_get_value_type (part) != G_TYPE_STRING ||
          *json_node_get_string (part) == '\0')
        return FALSE;
    }
  return TRUE;
}

JsonNode *
emu_aql_eval (EmuAqlContext *context,
              EmuAqlNode    *node,
              JsonNode     **row)
{
  switch (node->type)
    {
    case AQL_NODE_VALUE:
      return json_node_copy (node->value);

    case AQL_NODE_ARRAY:
      return eval_array (context, node, row);

    case AQL_NODE_OBJECT:
      return eval_object (context, node, row);

    case AQL_NODE_REFERENCE:
      return row[node->variable->id] != NULL ? json_node_copy (row[node->variable->id])
                                             : emu_value_null ();

    case AQL_NODE_PARAMETER:
      {
        JsonNode *value = lookup_parameter (context, node->text);

        return value != NULL ? json_node_copy (value) : NULL;
      }

    case AQL_NODE_COLLECTION:
    case AQL_NODE_DATASOURCE_PARAMETER:
      emu_aql_error_set (context->error, EMU_ERROR_NOT_IMPLEMENTED,
                         "not implemented: a collection used as an expression operand "
                         "is not supported by the emulator");
      return NULL;

    case AQL_NODE_ATTRIBUTE_ACCESS:
      {
        g_autoptr(JsonNode) object = emu_aql_eval (context, emu_aql_node_child (node, 0), row);

        return object != NULL ? member_or_null (object, node->text) : NULL;
      }

    case AQL_NODE_BOUND_ATTRIBUTE_ACCESS:
      return eval_bound_access (context, node, row);

    case AQL_NODE_UNARY_PLUS:
    case AQL_NODE_UNARY_MINUS:
    case AQL_NODE_UNARY_NOT:
      {
        g_autoptr(JsonNode) operand = emu_aql_eval (context, emu_aql_node_child (node, 0), row);

        if (operand == NULL)
          return NULL;
        if (node->type == AQL_NODE_UNARY_NOT)
          return emu_value_boolean (!emu_value_truthy (operand));
        return emu_value_number ((node->type == AQL_NODE_UNARY_MINUS ? -1 : 1) *
                                 emu_value_to_number (operand));
      }

    case AQL_NODE_TERNARY:
      {
        g_autoptr(JsonNode) condition = emu_aql_eval (context, emu_aql_node_child (node, 0), row);
        EmuAqlNode *then = emu_aql_node_child (node, 1);

        if (condition == NULL)
          return NULL;
        if (emu_value_truthy (condition))
          return then != NULL ? emu_aql_eval (context, then, row) : g_steal_pointer (&condition);
        return emu_aql_eval (context, emu_aql_node_child (node, 2), row);
      }

    case AQL_NODE_FUNCTION_CALL:
      if (g_str_equal (node->text, "LENGTH") || g_str_equal (node->text, "COUNT"))
        return eval_length (context, node, row);
      return eval_builtin (context, node, row);

    case AQL_NODE_OBJECT_ELEMENT:
    case AQL_NODE_CALCULATED_OBJECT_ELEMENT:
      g_assert_not_reached ();

    default:
      return eval_binary (context, node, row);
    }
}
