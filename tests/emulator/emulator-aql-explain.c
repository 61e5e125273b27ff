/* emulator-aql-explain.c: the execution plan of a parsed AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The emulator runs queries as written, without an optimizer, so the
 * plan is the statements turned into the server's node types
 * (SingletonNode, EnumerateCollectionNode, EnumerateListNode,
 * CalculationNode, FilterNode, SortNode, LimitNode, ReturnNode and the
 * modification nodes) with the attributes of 3.12/RestExplain*_single.json,
 * "rules" empty, and the server's estimates from the collection sizes: the
 * plan a server makes with its optimizer rules switched off (compare
 * RestExplainOptions_single.json, which switches all but one off).
 */

#include "emulator-aql-explain.h"

#include "emulator-reply.h"

typedef struct {
  JsonBuilder *builder;
  EmuAqlQuery *query;
  EmuDatabase *database;
  guint        next_id;
  guint        previous;      /* the node the next one depends on */
  guint        next_variable; /* ids for the calculations' variables */
  gdouble      items;
  gdouble      cost;
  gdouble      extra_cost;    /* added to the next node's cost */
  GHashTable  *documents;     /* ids of the variables of FORs over collections */
  GPtrArray   *temporaries;   /* char *, names of the calculation variables */
} Plan;

static gboolean
is_collection (EmuAqlNode *node)
{
  return node->type == AQL_NODE_COLLECTION || node->type == AQL_NODE_DATASOURCE_PARAMETER;
}

static gboolean
needs_calculation (EmuAqlNode *node)
{
  return node != NULL && node->type != AQL_NODE_REFERENCE;
}

/* How many CalculationNodes a statement makes, and whether it has a node
 * of its own besides (LET is only a calculation). */
static guint
calculations (EmuAqlStatement *statement,
              gboolean        *has_main)
{
  guint n = 0, i;

  *has_main = statement->type != AQL_STATEMENT_LET;
  switch (statement->type)
    {
    case AQL_STATEMENT_FOR:
      return is_collection (statement->expression) ? 0 : 1;
    case AQL_STATEMENT_LET:
      return 1;
    case AQL_STATEMENT_SORT:
      for (i = 0; i < statement->sort->len; i++)
        n += needs_calculation (((EmuAqlSortElement *) g_ptr_array_index (statement->sort, i))->expression);
      return n;
    case AQL_STATEMENT_LIMIT:
      return 0;
    default:
      return needs_calculation (statement->expression) + needs_calculation (statement->with);
    }
}

/* The id of the node that runs statement @statement (1 is the
 * SingletonNode), as error messages name it. */
guint
emu_aql_plan_node_id (EmuAqlQuery *query,
                      guint        statement)
{
  guint id = 1, i;

  for (i = 0; i <= statement && i < query->statements->len; i++)
    {
      gboolean has_main;

      id += calculations (g_ptr_array_index (query->statements, i), &has_main);
      id += has_main;
    }
  return id;
}

static void
add_variable (JsonBuilder *builder,
              const char  *member,
              guint        id,
              const char  *name,
              gboolean     full_document)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "id", id);
  emu_json_add_string (builder, "name", name);
  emu_json_add_boolean (builder, "isFullDocumentFromCollection", full_document);
  json_builder_end_object (builder);
}

static void
add_empty_array (JsonBuilder *builder,
                 const char  *member)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
}

/* A variable of the plan; those that hold a collection's documents say so. */
static void
add_plan_variable (Plan       *plan,
                   const char *member,
                   guint       id,
                   const char *name)
{
  add_variable (plan->builder, member, id, name,
                g_hash_table_contains (plan->documents, GUINT_TO_POINTER (id)));
}

static guint
begin_node (Plan       *plan,
            const char *type,
            gdouble     items)
{
  guint id = plan->next_id++;

  plan->items = items;
  plan->cost += (items > 0 ? items : 0.5) + plan->extra_cost;
  plan->extra_cost = 0;

  json_builder_begin_object (plan->builder);
  emu_json_add_string (plan->builder, "type", type);
  json_builder_set_member_name (plan->builder, "dependencies");
  json_builder_begin_array (plan->builder);
  if (plan->previous != 0)
    json_builder_add_int_value (plan->builder, plan->previous);
  json_builder_end_array (plan->builder);
  emu_json_add_int (plan->builder, "id", id);
  emu_json_add_double (plan->builder, "estimatedCost", plan->cost);
  emu_json_add_double (plan->builder, "estimatedNrItems", plan->items);
  plan->previous = id;
  return id;
}

static void
end_node (Plan *plan)
{
  json_builder_end_object (plan->builder);
}

/* A CalculationNode for @expression into @variable, or into a new
 * temporary variable when NULL; returns the variable's id. */
static guint
add_calculation (Plan           *plan,
                 EmuAqlNode     *expression,
                 EmuAqlVariable *variable)
{
  g_autofree char *temporary = NULL;
  guint id;

  if (variable != NULL)
    {
      id = variable->id;
    }
  else
    {
      id = plan->next_variable++;
      temporary = g_strdup_printf ("%u", id);
      g_ptr_array_add (plan->temporaries, g_strdup (temporary));
    }

  begin_node (plan, "CalculationNode", plan->items);
  json_builder_set_member_name (plan->builder, "expression");
  json_builder_add_value (plan->builder, emu_aql_node_json (expression, TRUE));
  add_plan_variable (plan, "outVariable", id,
                     variable != NULL ? variable->name : temporary);
  emu_json_add_boolean (plan->builder, "canThrow", FALSE);
  emu_json_add_string (plan->builder, "expressionType",
                       emu_aql_node_is_constant (expression) ? "json"
                       : expression->type == AQL_NODE_ATTRIBUTE_ACCESS ? "attribute"
                       : "simple");
  end_node (plan);
  return id;
}

/* The variable holding @expression: itself if it is a reference, else a
 * new calculation's. */
static void
operand_variable (Plan       *plan,
                  EmuAqlNode *expression,
                  guint      *id,
                  char      **name)
{
  if (expression->type == AQL_NODE_REFERENCE)
    {
      *id = expression->variable->id;
      *name = g_strdup (expression->variable->name);
      return;
    }
  *id = add_calculation (plan, expression, NULL);
  *name = g_strdup_printf ("%u", *id);
}

static gdouble
collection_size (Plan       *plan,
                 EmuAqlNode *node)
{
  EmuCollection *collection = node->type == AQL_NODE_COLLECTION && plan->database != NULL
    ? emu_database_lookup_collection (plan->database, node->text)
    : NULL;

  return collection != NULL ? g_hash_table_size (collection->documents) : 100;
}

static void
add_for (Plan            *plan,
         EmuAqlStatement *statement)
{
  EmuAqlNode *source = statement->expression;

  if (is_collection (source))
    {
      /* A full scan per incoming row, plus the server's penalty of 1 that
       * makes it prefer index reads. */
      gdouble documents = collection_size (plan, source);

      plan->extra_cost = 1;
      begin_node (plan, "EnumerateCollectionNode", plan->items * documents);
      emu_json_add_boolean (plan->builder, "random", FALSE);
      json_builder_set_member_name (plan->builder, "indexHint");
      json_builder_begin_object (plan->builder);
      emu_json_add_boolean (plan->builder, "forced", FALSE);
      emu_json_add_int (plan->builder, "lookahead", 1);
      emu_json_add_string (plan->builder, "type", "none");
      json_builder_end_object (plan->builder);
      g_hash_table_add (plan->documents, GUINT_TO_POINTER (statement->variable->id));
      add_plan_variable (plan, "outVariable", statement->variable->id,
                         statement->variable->name);
      add_empty_array (plan->builder, "projections");
      add_empty_array (plan->builder, "filterProjections");
      emu_json_add_boolean (plan->builder, "count", FALSE);
      emu_json_add_boolean (plan->builder, "producesResult", TRUE);
      emu_json_add_boolean (plan->builder, "readOwnWrites", FALSE);
      emu_json_add_boolean (plan->builder, "useCache", TRUE);
      emu_json_add_int (plan->builder, "maxProjections", 5);
      emu_json_add_string (plan->builder, "collection", source->text);
      emu_json_add_boolean (plan->builder, "satellite", FALSE);
      emu_json_add_boolean (plan->builder, "isSatellite", FALSE);
      emu_json_add_node (plan->builder, "isSatelliteOf", NULL);
      end_node (plan);
    }
  else
    {
      g_autofree char *name = NULL;
      guint in;
      gdouble length = source->type == AQL_NODE_ARRAY ? source->children->len : 100;

      operand_variable (plan, source, &in, &name);
      begin_node (plan, "EnumerateListNode", plan->items * length);
      add_plan_variable (plan, "inVariable", in, name);
      add_plan_variable (plan, "outVariable", statement->variable->id,
                         statement->variable->name);
      end_node (plan);
    }
}

static void
add_sort (Plan            *plan,
          EmuAqlStatement *statement)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint i;

  for (i = 0; i < statement->sort->len; i++)
    {
      EmuAqlSortElement *element = g_ptr_array_index (statement->sort, i);
      char *name = NULL;
      guint id;

      operand_variable (plan, element->expression, &id, &name);
      g_ptr_array_add (ids, GUINT_TO_POINTER (id));
      g_ptr_array_add (names, name);
    }

  begin_node (plan, "SortNode", plan->items);
  json_builder_set_member_name (plan->builder, "elements");
  json_builder_begin_array (plan->builder);
  for (i = 0; i < statement->sort->len; i++)
    {
      EmuAqlSortElement *element = g_ptr_array_index (statement->sort, i);

      json_builder_begin_object (plan->builder);
      add_plan_variable (plan, "inVariable", GPOINTER_TO_UINT (g_ptr_array_index (ids, i)),
                         g_ptr_array_index (names, i));
      emu_json_add_boolean (plan->builder, "ascending", element->ascending);
      json_builder_end_object (plan->builder);
    }
  json_builder_end_array (plan->builder);
  emu_json_add_boolean (plan->builder, "stable", FALSE);
  end_node (plan);
}

static gint64
constant_int (EmuAqlNode *node,
              gint64      fallback)
{
  if (node != NULL && node->type == AQL_NODE_VALUE &&
      JSON_NODE_HOLDS_VALUE (node->value) &&
      (json_node_get_value_type (node->value) == G_TYPE_INT64 ||
       json_node_get_value_type (node->value) == G_TYPE_DOUBLE))
    return (gint64) json_node_get_double (node->value);
  return fallback;
}

static void
add_modification (Plan            *plan,
                  EmuAqlStatement *statement)
{
  static const char *types[] = {
    [AQL_STATEMENT_INSERT] = "InsertNode",
    [AQL_STATEMENT_UPDATE] = "UpdateNode",
    [AQL_STATEMENT_REPLACE] = "ReplaceNode",
    [AQL_STATEMENT_REMOVE] = "RemoveNode",
  };
  g_autofree char *name = NULL;
  g_autofree char *with_name = NULL;
  guint in, with = 0;

  operand_variable (plan, statement->expression, &in, &name);
  if (statement->with != NULL)
    operand_variable (plan, statement->with, &with, &with_name);

  begin_node (plan, types[statement->type], plan->items);
  emu_json_add_string (plan->builder, "collection",
                       statement->collection->type == AQL_NODE_COLLECTION
                         ? statement->collection->text : NULL);
  add_plan_variable (plan, statement->with != NULL ? "inKeyVariable" : "inDocVariable", in, name);
  if (statement->with != NULL)
    add_plan_variable (plan, "inDocVariable", with, with_name);
  if (statement->old_variable != NULL)
    add_plan_variable (plan, "outVariableOld", statement->old_variable->id, "OLD");
  if (statement->new_variable != NULL)
    add_plan_variable (plan, "outVariableNew", statement->new_variable->id, "NEW");
  end_node (plan);
}

static void
add_statement (Plan            *plan,
               EmuAqlStatement *statement)
{
  g_autofree char *name = NULL;
  guint in;

  switch (statement->type)
    {
    case AQL_STATEMENT_FOR:
      add_for (plan, statement);
      break;

    case AQL_STATEMENT_LET:
      add_calculation (plan, statement->expression, statement->variable);
      break;

    case AQL_STATEMENT_FILTER:
      operand_variable (plan, statement->expression, &in, &name);
      begin_node (plan, "FilterNode", plan->items);
      add_plan_variable (plan, "inVariable", in, name);
      end_node (plan);
      break;

    case AQL_STATEMENT_SORT:
      add_sort (plan, statement);
      break;

    case AQL_STATEMENT_LIMIT:
      {
        gint64 offset = constant_int (statement->offset, 0);
        gint64 limit = constant_int (statement->count, 0);

        begin_node (plan, "LimitNode", MIN (plan->items, (gdouble) limit));
        emu_json_add_int (plan->builder, "offset", offset);
        emu_json_add_int (plan->builder, "limit", limit);
        emu_json_add_boolean (plan->builder, "fullCount", FALSE);
        end_node (plan);
      }
      break;

    case AQL_STATEMENT_RETURN:
      operand_variable (plan, statement->expression, &in, &name);
      begin_node (plan, "ReturnNode", plan->items);
      add_plan_variable (plan, "inVariable", in, name);
      emu_json_add_boolean (plan->builder, "count", TRUE);
      end_node (plan);
      break;

    default:
      add_modification (plan, statement);
      break;
    }
}

static void
add_collections (Plan *plan)
{
  guint i, j;

  json_builder_set_member_name (plan->builder, "collections");
  json_builder_begin_array (plan->builder);
  for (i = 0; i < plan->query->collections->len; i++)
    {
      const char *name = g_ptr_array_index (plan->query->collections, i);
      gboolean written = FALSE;

      for (j = 0; j < plan->query->statements->len; j++)
        {
          EmuAqlStatement *statement = g_ptr_array_index (plan->query->statements, j);

          if (statement->collection != NULL && statement->collection->type == AQL_NODE_COLLECTION &&
              g_str_equal (statement->collection->text, name))
            written = TRUE;
        }
      json_builder_begin_object (plan->builder);
      emu_json_add_string (plan->builder, "name", name);
      emu_json_add_string (plan->builder, "type", written ? "write" : "read");
      json_builder_end_object (plan->builder);
    }
  json_builder_end_array (plan->builder);
}

JsonNode *
emu_aql_explain_plan (EmuAqlQuery *query,
                      EmuDatabase *database)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Plan plan = {
    .builder = builder,
    .query = query,
    .database = database,
    .next_id = 1,
    .next_variable = query->variables->len,
    .items = 1,
  };
  guint i;

  plan.temporaries = g_ptr_array_new_with_free_func (g_free);
  plan.documents = g_hash_table_new (NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  begin_node (&plan, "SingletonNode", 1);
  json_builder_set_member_name (builder, "bindParameterVariables");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  end_node (&plan);
  for (i = 0; i < query->statements->len; i++)
    add_statement (&plan, g_ptr_array_index (query->statements, i));
  json_builder_end_array (builder);

  add_empty_array (builder, "rules");
  /* Async prefetching is an optimizer rule: no node has it. */
  emu_json_add_int (builder, "asyncPrefetchNodes", 0);
  add_collections (&plan);

  json_builder_set_member_name (builder, "variables");
  json_builder_begin_array (builder);
  for (i = plan.temporaries->len; i > 0; i--)
    add_variable (builder, NULL, query->variables->len + i - 1,
                  g_ptr_array_index (plan.temporaries, i - 1), FALSE);
  for (i = query->variables->len; i > 0; i--)
    {
      EmuAqlVariable *variable = g_ptr_array_index (query->variables, i - 1);

      add_plan_variable (&plan, NULL, variable->id, variable->name);
    }
  json_builder_end_array (builder);

  emu_json_add_double (builder, "estimatedCost", plan.cost);
  emu_json_add_double (builder, "estimatedNrItems", plan.items);
  emu_json_add_boolean (builder, "isModificationQuery", query->modifies);
  json_builder_end_object (builder);

  g_ptr_array_unref (plan.temporaries);
  g_hash_table_unref (plan.documents);
  return json_builder_get_root (builder);
}
