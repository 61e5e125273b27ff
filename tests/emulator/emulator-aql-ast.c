/* emulator-aql-ast.c: the parsed form of an AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The JSON forms follow the server's AstNode::toVelocyPack: "type" names
 * and typeID numbers of the AstNodeType enum, as /_api/query
 * (3.12/RestQueryValid_single.json) and /_api/explain show them.
 */

#include "emulator-aql-ast.h"

static const struct {
  const char *name;
  int         id;
} node_types[] = {
  [AQL_NODE_VALUE] = { "value", 40 },
  [AQL_NODE_ARRAY] = { "array", 41 },
  [AQL_NODE_OBJECT] = { "object", 42 },
  [AQL_NODE_OBJECT_ELEMENT] = { "object element", 43 },
  [AQL_NODE_CALCULATED_OBJECT_ELEMENT] = { "calculated object element", 53 },
  [AQL_NODE_REFERENCE] = { "reference", 45 },
  [AQL_NODE_COLLECTION] = { "collection", 44 },
  [AQL_NODE_PARAMETER] = { "parameter", 46 },
  [AQL_NODE_DATASOURCE_PARAMETER] = { "datasource parameter", 60 },
  [AQL_NODE_ATTRIBUTE_ACCESS] = { "attribute access", 35 },
  [AQL_NODE_BOUND_ATTRIBUTE_ACCESS] = { "bound attribute access", 36 },
  [AQL_NODE_INDEXED_ACCESS] = { "indexed access", 37 },
  [AQL_NODE_UNARY_PLUS] = { "unary plus", 15 },
  [AQL_NODE_UNARY_MINUS] = { "unary minus", 16 },
  [AQL_NODE_UNARY_NOT] = { "unary not", 17 },
  [AQL_NODE_AND] = { "logical and", 18 },
  [AQL_NODE_OR] = { "logical or", 19 },
  [AQL_NODE_PLUS] = { "plus", 20 },
  [AQL_NODE_MINUS] = { "minus", 21 },
  [AQL_NODE_TIMES] = { "times", 22 },
  [AQL_NODE_DIV] = { "division", 23 },
  [AQL_NODE_MOD] = { "modulus", 24 },
  [AQL_NODE_EQ] = { "compare ==", 25 },
  [AQL_NODE_NE] = { "compare !=", 26 },
  [AQL_NODE_LT] = { "compare <", 27 },
  [AQL_NODE_LE] = { "compare <=", 28 },
  [AQL_NODE_GT] = { "compare >", 29 },
  [AQL_NODE_GE] = { "compare >=", 30 },
  [AQL_NODE_IN] = { "compare in", 31 },
  [AQL_NODE_NOT_IN] = { "compare not in", 32 },
  [AQL_NODE_TERNARY] = { "ternary", 33 },
  [AQL_NODE_RANGE] = { "range", 49 },
  [AQL_NODE_FUNCTION_CALL] = { "function call", 47 },
};

void
emu_aql_error_set (EmuAqlError *error,
                   int          number,
                   const char  *format,
                   ...)
{
  va_list args;

  if (error->number != 0)
    return;

  error->number = number;
  va_start (args, format);
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
}

void
emu_aql_error_clear (EmuAqlError *error)
{
  error->number = 0;
  g_clear_pointer (&error->message, g_free);
}

EmuAqlNode *
emu_aql_node_new (EmuAqlNodeType type)
{
  EmuAqlNode *node = g_new0 (EmuAqlNode, 1);

  node->type = type;
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) emu_aql_node_free);
  return node;
}

void
emu_aql_node_free (EmuAqlNode *node)
{
  if (node == NULL)
    return;

  g_free (node->text);
  g_clear_pointer (&node->value, json_node_unref);
  g_ptr_array_unref (node->children);
  g_free (node);
}

EmuAqlNode *
emu_aql_node_child (EmuAqlNode *node,
                    guint       index)
{
  return index < node->children->len ? g_ptr_array_index (node->children, index) : NULL;
}

void
emu_aql_node_add (EmuAqlNode *node,
                  EmuAqlNode *child)
{
  g_ptr_array_add (node->children, child);
}

const char *
emu_aql_node_type_name (EmuAqlNodeType type)
{
  return node_types[type].name;
}

int
emu_aql_node_type_id (EmuAqlNodeType type)
{
  return node_types[type].id;
}

/* No variables, parameters, collections or function calls below. */
gboolean
emu_aql_node_is_constant (EmuAqlNode *node)
{
  guint i;

  if (node == NULL)
    return TRUE;

  switch (node->type)
    {
    case AQL_NODE_REFERENCE:
    case AQL_NODE_COLLECTION:
    case AQL_NODE_PARAMETER:
    case AQL_NODE_DATASOURCE_PARAMETER:
    case AQL_NODE_BOUND_ATTRIBUTE_ACCESS:
    case AQL_NODE_FUNCTION_CALL:
      return FALSE;
    default:
      for (i = 0; i < node->children->len; i++)
        if (!emu_aql_node_is_constant (g_ptr_array_index (node->children, i)))
          return FALSE;
      return TRUE;
    }
}

static EmuAqlNode *
find_node (EmuAqlNode      *node,
           EmuAqlNodeMatch  match,
           gpointer         data)
{
  guint i;

  if (node == NULL)
    return NULL;
  if (match (node, data))
    return node;
  for (i = 0; node->children != NULL && i < node->children->len; i++)
    {
      EmuAqlNode *found = find_node (g_ptr_array_index (node->children, i), match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first node of any expression of the query for which @match is TRUE,
 * statement by statement. */
EmuAqlNode *
emu_aql_query_find_node (EmuAqlQuery     *query,
                         EmuAqlNodeMatch  match,
                         gpointer         data)
{
  guint i, j;

  for (i = 0; i < query->statements->len; i++)
    {
      EmuAqlStatement *statement = g_ptr_array_index (query->statements, i);
      EmuAqlNode *parts[] = { statement->expression, statement->with, statement->offset,
                              statement->count, statement->options };
      EmuAqlNode *found;

      for (j = 0; j < G_N_ELEMENTS (parts); j++)
        if ((found = find_node (parts[j], match, data)) != NULL)
          return found;
      for (j = 0; statement->sort != NULL && j < statement->sort->len; j++)
        if ((found = find_node (((EmuAqlSortElement *) g_ptr_array_index (statement->sort, j))->expression,
                                match, data)) != NULL)
          return found;
    }
  return NULL;
}

/* How often @node refers to @variable. */
guint
emu_aql_node_count_references (EmuAqlNode     *node,
                               EmuAqlVariable *variable)
{
  guint n = 0, i;

  if (node == NULL)
    return 0;
  if (node->type == AQL_NODE_REFERENCE && node->variable == variable)
    return 1;
  for (i = 0; i < node->children->len; i++)
    n += emu_aql_node_count_references (g_ptr_array_index (node->children, i), variable);
  return n;
}

void
emu_aql_sort_element_free (gpointer data)
{
  EmuAqlSortElement *element = data;

  emu_aql_node_free (element->expression);
  g_free (element);
}

static void
free_statement (gpointer data)
{
  EmuAqlStatement *statement = data;

  emu_aql_node_free (statement->expression);
  emu_aql_node_free (statement->with);
  emu_aql_node_free (statement->offset);
  emu_aql_node_free (statement->count);
  emu_aql_node_free (statement->collection);
  emu_aql_node_free (statement->options);
  if (statement->sort != NULL)
    g_ptr_array_unref (statement->sort);
  g_free (statement);
}

void
emu_aql_variable_free (gpointer data)
{
  EmuAqlVariable *variable = data;

  g_free (variable->name);
  g_free (variable);
}

EmuAqlQuery *
emu_aql_query_new (const char *text)
{
  EmuAqlQuery *query = g_new0 (EmuAqlQuery, 1);

  query->text = g_strdup (text);
  query->statements = g_ptr_array_new_with_free_func (free_statement);
  query->variables = g_ptr_array_new_with_free_func (emu_aql_variable_free);
  query->parameters = g_ptr_array_new_with_free_func (g_free);
  query->collections = g_ptr_array_new_with_free_func (g_free);
  return query;
}

void
emu_aql_query_free (EmuAqlQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_ptr_array_unref (query->statements);
  g_ptr_array_unref (query->variables);
  g_ptr_array_unref (query->parameters);
  g_ptr_array_unref (query->collections);
  g_free (query);
}

EmuAqlStatement *
emu_aql_query_add_statement (EmuAqlQuery        *query,
                             EmuAqlStatementType type)
{
  EmuAqlStatement *statement = g_new0 (EmuAqlStatement, 1);

  statement->type = type;
  g_ptr_array_add (query->statements, statement);
  return statement;
}

EmuAqlVariable *
emu_aql_query_add_variable (EmuAqlQuery *query,
                            const char  *name)
{
  EmuAqlVariable *variable = g_new0 (EmuAqlVariable, 1);

  variable->name = g_strdup (name);
  variable->id = query->variables->len;
  g_ptr_array_add (query->variables, variable);
  return variable;
}

void
emu_aql_query_use_collection (EmuAqlQuery *query,
                              const char  *name)
{
  guint i;

  for (i = 0; i < query->collections->len; i++)
    if (g_str_equal (g_ptr_array_index (query->collections, i), name))
      return;
  g_ptr_array_add (query->collections, g_strdup (name));
}

static int
value_type_id (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return 0;
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_BOOLEAN:
      return 1;
    case G_TYPE_INT64:
      return 2;
    case G_TYPE_DOUBLE:
      return 3;
    default:
      return 4;
    }
}

static void
add_type (JsonBuilder    *builder,
          EmuAqlNodeType  type,
          guint           flags)
{
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, emu_aql_node_type_name (type));
  if (flags & EMU_AQL_JSON_TYPE_IDS)
    {
      json_builder_set_member_name (builder, "typeID");
      json_builder_add_int_value (builder, emu_aql_node_type_id (type));
    }
}

static void
add_variable (JsonBuilder    *builder,
              EmuAqlVariable *variable)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "variable");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, variable->name);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, variable->id);
  json_builder_end_object (builder);
}

static void build_node (JsonBuilder *builder,
                        EmuAqlNode  *node,
                        guint        flags);

static void
build_children (JsonBuilder *builder,
                EmuAqlNode  *node,
                guint        flags)
{
  guint i;

  json_builder_set_member_name (builder, "subNodes");
  json_builder_begin_array (builder);
  for (i = 0; i < node->children->len; i++)
    build_node (builder, g_ptr_array_index (node->children, i), flags);
  json_builder_end_array (builder);
}

static void
add_nop (JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "no-op");
  json_builder_end_object (builder);
}

static JsonNode *
constant_json (EmuAqlNode *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  if (node->type == AQL_NODE_VALUE)
    return json_node_copy (node->value);

  if (node->type == AQL_NODE_ARRAY)
    {
      json_builder_begin_array (builder);
      for (i = 0; i < node->children->len; i++)
        json_builder_add_value (builder, constant_json (g_ptr_array_index (node->children, i)));
      json_builder_end_array (builder);
    }
  else
    {
      json_builder_begin_object (builder);
      for (i = 0; i < node->children->len; i++)
        {
          EmuAqlNode *element = g_ptr_array_index (node->children, i);

          json_builder_set_member_name (builder, element->text);
          json_builder_add_value (builder, constant_json (emu_aql_node_child (element, 0)));
        }
      json_builder_end_object (builder);
    }
  return json_builder_get_root (builder);
}

static gboolean is_constant_literal (EmuAqlNode *node);

static gboolean
children_are_constant (EmuAqlNode *node)
{
  guint i;

  for (i = 0; i < node->children->len; i++)
    if (!is_constant_literal (g_ptr_array_index (node->children, i)))
      return FALSE;
  return TRUE;
}

static gboolean
is_constant_literal (EmuAqlNode *node)
{
  if (node->type == AQL_NODE_VALUE)
    return TRUE;
  if (node->type == AQL_NODE_OBJECT_ELEMENT)
    return is_constant_literal (emu_aql_node_child (node, 0));
  if (node->type != AQL_NODE_ARRAY && node->type != AQL_NODE_OBJECT)
    return FALSE;
  return children_are_constant (node);
}

static void
build_node (JsonBuilder *builder,
            EmuAqlNode  *node,
            guint        flags)
{
  if (node == NULL)
    {
      add_nop (builder);
      return;
    }

  json_builder_begin_object (builder);
  add_type (builder, node->type, flags);

  switch (node->type)
    {
    case AQL_NODE_VALUE:
      json_builder_set_member_name (builder, "value");
      json_builder_add_value (builder, json_node_copy (node->value));
      if (flags & EMU_AQL_JSON_TYPE_IDS)
        {
          json_builder_set_member_name (builder, "vTypeID");
          json_builder_add_int_value (builder, value_type_id (node->value));
        }
      break;

    case AQL_NODE_REFERENCE:
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, node->variable->name);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, node->variable->id);
      json_builder_set_member_name (builder, "subqueryReference");
      json_builder_add_boolean_value (builder, FALSE);
      break;

    case AQL_NODE_COLLECTION:
    case AQL_NODE_PARAMETER:
    case AQL_NODE_OBJECT_ELEMENT:
    case AQL_NODE_ATTRIBUTE_ACCESS:
    case AQL_NODE_FUNCTION_CALL:
    case AQL_NODE_DATASOURCE_PARAMETER:
      json_builder_set_member_name (builder, "name");
      if (node->type == AQL_NODE_DATASOURCE_PARAMETER)
        {
          g_autofree char *name = g_strdup_printf ("@%s", node->text);

          json_builder_add_string_value (builder, name);
        }
      else
        {
          json_builder_add_string_value (builder, node->text);
        }
      if (node->type == AQL_NODE_FUNCTION_CALL)
        {
          /* The arguments sit in an array node, in plans a constant
           * one as its value (3.12/RestCursorProfileQuery_single.json),
           * before 3.11 as its elements (3.10/). */
          json_builder_set_member_name (builder, "subNodes");
          json_builder_begin_array (builder);
          json_builder_begin_object (builder);
          add_type (builder, AQL_NODE_ARRAY, flags);
          if ((flags & EMU_AQL_JSON_RAW_CONSTANTS) && node->children->len > 0 &&
              children_are_constant (node))
            {
              guint i;

              json_builder_set_member_name (builder, "raw");
              json_builder_begin_array (builder);
              for (i = 0; i < node->children->len; i++)
                json_builder_add_value (builder,
                                        constant_json (g_ptr_array_index (node->children, i)));
              json_builder_end_array (builder);
            }
          else
            {
              build_children (builder, node, flags);
            }
          json_builder_end_object (builder);
          json_builder_end_array (builder);
        }
      else if (node->children->len > 0)
        {
          build_children (builder, node, flags);
        }
      break;

    case AQL_NODE_ARRAY:
    case AQL_NODE_OBJECT:
      if ((flags & EMU_AQL_JSON_RAW_CONSTANTS) && is_constant_literal (node))
        {
          json_builder_set_member_name (builder, "raw");
          json_builder_add_value (builder, constant_json (node));
          break;
        }
      build_children (builder, node, flags);
      break;

    case AQL_NODE_EQ:
    case AQL_NODE_NE:
    case AQL_NODE_LT:
    case AQL_NODE_LE:
    case AQL_NODE_GT:
    case AQL_NODE_GE:
    case AQL_NODE_IN:
    case AQL_NODE_NOT_IN:
      /* Plans show whether the comparison lets null pass (an index may
       * then skip the nulls); the emulator's never excludes them. */
      if (flags & EMU_AQL_JSON_TYPE_IDS)
        {
          json_builder_set_member_name (builder, "excludesNull");
          json_builder_add_boolean_value (builder, FALSE);
        }
      build_children (builder, node, flags);
      break;

    default:
      build_children (builder, node, flags);
      break;
    }

  json_builder_end_object (builder);
}

JsonNode *
emu_aql_node_json (EmuAqlNode *node,
                   guint       flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_node (builder, node, flags);
  return json_builder_get_root (builder);
}

static void
begin_statement (JsonBuilder *builder,
                 const char  *type)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "subNodes");
  json_builder_begin_array (builder);
}

static void
end_statement (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_statement (JsonBuilder     *builder,
                 EmuAqlStatement *statement)
{
  static const char *modification_names[] = {
    [AQL_STATEMENT_INSERT] = "insert",
    [AQL_STATEMENT_UPDATE] = "update",
    [AQL_STATEMENT_REPLACE] = "replace",
    [AQL_STATEMENT_REMOVE] = "remove",
  };
  guint i;

  switch (statement->type)
    {
    case AQL_STATEMENT_FOR:
      begin_statement (builder, "for");
      add_variable (builder, statement->variable);
      build_node (builder, statement->expression, FALSE);
      add_nop (builder);
      end_statement (builder);
      break;

    case AQL_STATEMENT_LET:
      begin_statement (builder, "let");
      add_variable (builder, statement->variable);
      build_node (builder, statement->expression, FALSE);
      end_statement (builder);
      break;

    case AQL_STATEMENT_FILTER:
    case AQL_STATEMENT_RETURN:
      begin_statement (builder, statement->type == AQL_STATEMENT_FILTER ? "filter" : "return");
      build_node (builder, statement->expression, FALSE);
      end_statement (builder);
      break;

    case AQL_STATEMENT_SORT:
      begin_statement (builder, "sort");
      begin_statement (builder, "array");
      for (i = 0; i < statement->sort->len; i++)
        {
          EmuAqlSortElement *element = g_ptr_array_index (statement->sort, i);

          begin_statement (builder, "sort element");
          build_node (builder, element->expression, FALSE);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, "value");
          json_builder_set_member_name (builder, "value");
          json_builder_add_boolean_value (builder, element->ascending);
          json_builder_end_object (builder);
          end_statement (builder);
        }
      end_statement (builder);
      end_statement (builder);
      break;

    case AQL_STATEMENT_LIMIT:
      begin_statement (builder, "limit");
      if (statement->offset != NULL)
        {
          build_node (builder, statement->offset, FALSE);
        }
      else
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, "value");
          json_builder_set_member_name (builder, "value");
          json_builder_add_int_value (builder, 0);
          json_builder_end_object (builder);
        }
      build_node (builder, statement->count, FALSE);
      end_statement (builder);
      break;

    case AQL_STATEMENT_INSERT:
    case AQL_STATEMENT_UPDATE:
    case AQL_STATEMENT_REPLACE:
    case AQL_STATEMENT_REMOVE:
      begin_statement (builder, modification_names[statement->type]);
      build_node (builder, statement->options, FALSE);
      build_node (builder, statement->collection, FALSE);
      build_node (builder, statement->expression, FALSE);
      if (statement->type == AQL_STATEMENT_UPDATE || statement->type == AQL_STATEMENT_REPLACE)
        build_node (builder, statement->with, FALSE);
      end_statement (builder);
      break;

    default:
      break;
    }
}

/* The "ast" of /_api/query: [{"type":"root","subNodes":[…]}] */
JsonNode *
emu_aql_query_ast_json (EmuAqlQuery *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_array (builder);
  begin_statement (builder, "root");
  for (i = 0; i < query->statements->len; i++)
    build_statement (builder, g_ptr_array_index (query->statements, i));
  end_statement (builder);
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
