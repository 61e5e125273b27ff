/* emulator-aql-plan.c: the execution plan of a parsed AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The statements become the server's node types as its ExecutionPlan
 * makes them (SingletonNode, EnumerateCollectionNode, EnumerateListNode,
 * CalculationNode, FilterNode, SortNode, LimitNode, ReturnNode, the
 * modification nodes; a FILTER on a constant makes no node, or a
 * NoResultsNode), numbered in that order, with the constant expressions
 * folded as the server's AST optimizer folds them; the optimizer
 * (emulator-aql-optimizer.c) rewrites the plan, and the estimates are
 * those of the server's nodes (ExecutionNode::estimateCost and the
 * index's filter costs). Shapes: 3.12/RestExplain*_single.json.
 */

#include "emulator-aql-plan.h"

#include <math.h>

#include "emulator-aql-eval.h"
#include "emulator-aql-rules.h"
#include "emulator-reply.h"
#include "emulator-value.h"

typedef struct {
  gdouble items;
  gdouble cost;
} Estimate;

EmuPlanNode *
emu_plan_node_new (EmuPlan         *plan,
                   EmuPlanNodeType  type)
{
  EmuPlanNode *node = g_new0 (EmuPlanNode, 1);

  node->type = type;
  node->id = plan->next_id++;
  node->use_cache = TRUE;
  node->ascending = TRUE;
  return node;
}

void
emu_plan_node_free (gpointer data)
{
  EmuPlanNode *node = data;

  emu_aql_node_free (node->expression);
  g_clear_pointer (&node->sort, g_array_unref);
  g_free (node->collection);
  g_free (node->attribute);
  g_clear_pointer (&node->projections, g_ptr_array_unref);
  g_clear_pointer (&node->projection_variables, g_ptr_array_unref);
  g_free (node);
}

EmuAqlNode *
emu_plan_copy_expression (EmuAqlNode *node)
{
  EmuAqlNode *copy;
  guint i;

  if (node == NULL)
    return NULL;
  copy = emu_aql_node_new (node->type);
  copy->text = g_strdup (node->text);
  copy->value = node->value != NULL ? json_node_copy (node->value) : NULL;
  copy->variable = node->variable;
  for (i = 0; i < node->children->len; i++)
    emu_aql_node_add (copy, emu_plan_copy_expression (g_ptr_array_index (node->children, i)));
  return copy;
}

/* A temporary variable is named by its id; up to 3.11 the name took an
 * id of its own, the variable the next (3.11/RestExplainWarning_single.json:
 * "1" is variable 2, "3" variable 4). */
EmuAqlVariable *
emu_plan_new_variable (EmuPlan *plan)
{
  EmuAqlVariable *variable = g_new0 (EmuAqlVariable, 1);
  guint name = plan->query->variables->len + plan->temporaries->len;

  if (emu_state_version_at_least (plan->database->state, 3, 12, 0))
    variable->id = name;
  else
    {
      name += plan->temporaries->len;
      variable->id = name + 1;
    }
  variable->name = g_strdup_printf ("%u", name);
  g_ptr_array_add (plan->temporaries, variable);
  return variable;
}

/* Functions whose result differs from call to call, or that act: the
 * optimizer neither moves nor removes their calculations. */
static const char *nondeterministic_functions[] = {
  "RAND", "RANDOM_TOKEN", "UUID", "SLEEP", "DATE_NOW", "FAIL", "ASSERT", "WARN",
  "DOCUMENT", "CALL", "APPLY", "V8", "SCHEMA_GET", "SCHEMA_VALIDATE", "CURRENT_USER",
};

gboolean
emu_plan_is_deterministic (EmuAqlNode *expression)
{
  guint i;

  if (expression == NULL)
    return TRUE;
  if (expression->type == AQL_NODE_FUNCTION_CALL &&
      (g_strv_contains (nondeterministic_functions, expression->text) ||
       strstr (expression->text, "::") != NULL))
    return FALSE;
  for (i = 0; i < expression->children->len; i++)
    if (!emu_plan_is_deterministic (g_ptr_array_index (expression->children, i)))
      return FALSE;
  return TRUE;
}

static gboolean
references (EmuAqlNode     *expression,
            EmuAqlVariable *variable)
{
  guint i;

  if (expression == NULL)
    return FALSE;
  if (expression->type == AQL_NODE_REFERENCE && expression->variable == variable)
    return TRUE;
  for (i = 0; i < expression->children->len; i++)
    if (references (g_ptr_array_index (expression->children, i), variable))
      return TRUE;
  return FALSE;
}

gboolean
emu_plan_uses_variable (EmuPlanNode    *node,
                        EmuAqlVariable *variable)
{
  guint i;

  if (node->in == variable || node->in_with == variable)
    return TRUE;
  if (node->type == PLAN_CALCULATION)
    return references (node->expression, variable);
  if (node->sort != NULL)
    for (i = 0; i < node->sort->len; i++)
      if (g_array_index (node->sort, EmuPlanSortElement, i).variable == variable)
        return TRUE;
  return FALSE;
}

gboolean
emu_plan_sets_variable (EmuPlanNode    *node,
                        EmuAqlVariable *variable)
{
  if (node->out == variable)
    return TRUE;
  if (node->type == PLAN_MODIFICATION)
    return node->statement->new_variable == variable || node->statement->old_variable == variable;
  if (node->projection_variables != NULL)
    return g_ptr_array_find (node->projection_variables, variable, NULL);
  return FALSE;
}

EmuPlanNode *
emu_plan_setter (EmuPlan        *plan,
                 EmuAqlVariable *variable)
{
  guint i;

  for (i = 0; i < plan->nodes->len; i++)
    if (emu_plan_sets_variable (g_ptr_array_index (plan->nodes, i), variable))
      return g_ptr_array_index (plan->nodes, i);
  return NULL;
}

/* ---- building --------------------------------------------------------- */

static gboolean
is_collection (EmuAqlNode *node)
{
  return node->type == AQL_NODE_COLLECTION || node->type == AQL_NODE_DATASOURCE_PARAMETER;
}

/* The server's AST optimizer computes operators on constants (with their
 * warnings: 1 / 0 is null and "division by zero"); literals, ranges and
 * function calls stay as written. */
static EmuAqlNode *
fold (EmuPlan    *plan,
      EmuAqlNode *expression)
{
  EmuAqlError error = { 0 };
  EmuAqlContext context = { 0 };
  EmuAqlNode *folded;
  JsonNode *value;

  if (!emu_aql_node_is_constant (expression))
    return expression;
  switch (expression->type)
    {
    case AQL_NODE_VALUE:
    case AQL_NODE_ARRAY:
    case AQL_NODE_OBJECT:
    case AQL_NODE_RANGE:
      return expression;
    default:
      break;
    }

  context.error = &error;
  context.warnings = plan->warnings;
  value = emu_aql_eval (&context, expression, NULL);
  if (value == NULL)
    {
      /* Left for the execution to report. */
      emu_aql_error_clear (&error);
      return expression;
    }
  folded = emu_aql_node_new (AQL_NODE_VALUE);
  folded->value = value;
  emu_aql_node_free (expression);
  return folded;
}

static EmuPlanNode *
append (EmuPlan         *plan,
        EmuPlanNodeType  type,
        EmuAqlStatement *statement)
{
  EmuPlanNode *node = emu_plan_node_new (plan, type);

  node->statement = statement;
  g_ptr_array_add (plan->nodes, node);
  return node;
}

static EmuPlanNode *
add_calculation (EmuPlan         *plan,
                 EmuAqlStatement *statement,
                 EmuAqlNode      *expression,
                 EmuAqlVariable  *variable)
{
  EmuPlanNode *node = append (plan, PLAN_CALCULATION, statement);

  node->expression = fold (plan, emu_plan_copy_expression (expression));
  node->out = variable != NULL ? variable : emu_plan_new_variable (plan);
  return node;
}

/* The variable holding @expression: itself for a reference, else that of
 * a new calculation. */
static EmuAqlVariable *
operand (EmuPlan         *plan,
         EmuAqlStatement *statement,
         EmuAqlNode      *expression)
{
  if (expression->type == AQL_NODE_REFERENCE)
    return expression->variable;
  return add_calculation (plan, statement, expression, NULL)->out;
}

static void
add_statement (EmuPlan         *plan,
               EmuAqlStatement *statement)
{
  EmuPlanNode *node;
  guint i;

  switch (statement->type)
    {
    case AQL_STATEMENT_FOR:
      if (is_collection (statement->expression))
        {
          node = append (plan, PLAN_ENUMERATE_COLLECTION, statement);
          node->collection = g_strdup (statement->expression->text);
          node->out = statement->variable;
          g_hash_table_add (plan->documents, statement->variable);
        }
      else
        {
          EmuAqlVariable *in = operand (plan, statement, statement->expression);

          node = append (plan, PLAN_ENUMERATE_LIST, statement);
          node->in = in;
          node->out = statement->variable;
        }
      break;

    case AQL_STATEMENT_LET:
      add_calculation (plan, statement, statement->expression, statement->variable);
      break;

    case AQL_STATEMENT_FILTER:
      {
        g_autoptr(EmuAqlNode) condition = fold (plan, emu_plan_copy_expression (statement->expression));

        if (condition->type == AQL_NODE_VALUE)
          {
            /* Always true: no node; never: nothing passes. */
            if (!emu_value_truthy (condition->value))
              append (plan, PLAN_NO_RESULTS, statement);
            break;
          }
        {
          EmuAqlVariable *in = operand (plan, statement, statement->expression);

          node = append (plan, PLAN_FILTER, statement);
          node->in = in;
        }
      }
      break;

    case AQL_STATEMENT_SORT:
      {
        g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (EmuPlanSortElement));

        for (i = 0; i < statement->sort->len; i++)
          {
            EmuAqlSortElement *element = g_ptr_array_index (statement->sort, i);
            EmuPlanSortElement sort = { operand (plan, statement, element->expression),
                                        element->ascending };

            g_array_append_val (elements, sort);
          }
        node = append (plan, PLAN_SORT, statement);
        node->sort = g_steal_pointer (&elements);
      }
      break;

    case AQL_STATEMENT_LIMIT:
      append (plan, PLAN_LIMIT, statement);
      break;

    case AQL_STATEMENT_RETURN:
      {
        EmuAqlVariable *in = operand (plan, statement, statement->expression);

        node = append (plan, PLAN_RETURN, statement);
        node->in = in;
      }
      break;

    default:
      {
        EmuAqlVariable *in = operand (plan, statement, statement->expression);
        EmuAqlVariable *with = statement->with != NULL
          ? operand (plan, statement, statement->with) : NULL;

        node = append (plan, PLAN_MODIFICATION, statement);
        node->in = in;
        node->in_with = with;
        node->collection = statement->collection->type == AQL_NODE_COLLECTION
          ? g_strdup (statement->collection->text) : NULL;
      }
      break;
    }
}

static void
read_rule_options (EmuPlan    *plan,
                   JsonObject *options)
{
  JsonNode *optimizer = options != NULL ? json_object_get_member (options, "optimizer") : NULL;
  JsonNode *member = optimizer != NULL && JSON_NODE_HOLDS_OBJECT (optimizer)
    ? json_object_get_member (json_node_get_object (optimizer), "rules") : NULL;
  JsonArray *list = member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
  const EmuAqlRule *rules;
  guint n_rules, i, j;

  rules = emu_aql_rules (&n_rules);
  for (j = 0; j < n_rules; j++)
    if (emu_aql_rule_applies (&rules[j], plan->database->state, plan->coordinator) &&
        (rules[j].flags & EMU_AQL_RULE_DISABLED_BY_DEFAULT))
      g_hash_table_add (plan->disabled, (gpointer) rules[j].name);

  for (i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      const char *entry = json_array_get_string_element (list, i);
      gboolean enable;

      if (entry == NULL || (entry[0] != '+' && entry[0] != '-'))
        continue;
      enable = entry[0] == '+';
      for (j = 0; j < n_rules; j++)
        {
          if (!emu_aql_rule_applies (&rules[j], plan->database->state, plan->coordinator) ||
              !(rules[j].flags & EMU_AQL_RULE_CAN_BE_DISABLED))
            continue;
          if (!g_str_equal (entry + 1, "all") && !g_str_equal (entry + 1, rules[j].name))
            continue;
          if (enable)
            g_hash_table_remove (plan->disabled, rules[j].name);
          else
            g_hash_table_add (plan->disabled, (gpointer) rules[j].name);
        }
    }
}

/* The plan of @query, optimized as @options (the "options" of the
 * request, may be NULL) say. */
EmuPlan *
emu_plan_new (EmuAqlQuery *query,
              EmuDatabase *database,
              JsonObject  *options,
              gboolean     coordinator)
{
  EmuPlan *plan = g_new0 (EmuPlan, 1);
  EmuPlanNode *singleton;
  guint i;

  plan->query = query;
  plan->database = database;
  plan->coordinator = coordinator;
  plan->nodes = g_ptr_array_new_with_free_func (emu_plan_node_free);
  plan->temporaries = g_ptr_array_new_with_free_func (emu_aql_variable_free);
  plan->applied = g_ptr_array_new ();
  plan->disabled = g_hash_table_new (g_str_hash, g_str_equal);
  plan->documents = g_hash_table_new (NULL, NULL);
  plan->warnings = json_array_new ();
  plan->next_id = 1;

  singleton = emu_plan_node_new (plan, PLAN_SINGLETON);
  g_ptr_array_add (plan->nodes, singleton);
  for (i = 0; i < query->statements->len; i++)
    add_statement (plan, g_ptr_array_index (query->statements, i));

  read_rule_options (plan, options);
  emu_plan_optimize (plan);
  return plan;
}

void
emu_plan_free (EmuPlan *plan)
{
  g_ptr_array_unref (plan->nodes);
  g_ptr_array_unref (plan->temporaries);
  g_ptr_array_unref (plan->applied);
  g_hash_table_unref (plan->disabled);
  g_hash_table_unref (plan->documents);
  json_array_unref (plan->warnings);
  g_free (plan);
}

/* ---- estimates -------------------------------------------------------- */

static gdouble
collection_size (EmuPlan    *plan,
                 const char *name)
{
  EmuCollection *collection = name != NULL && plan->database != NULL
    ? emu_database_lookup_collection (plan->database, name)
    : NULL;

  return collection != NULL ? g_hash_table_size (collection->documents) : 100;
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

/* How many values a FOR over @variable goes through: known for constant
 * arrays and ranges, else the server's guess of 100. */
static gdouble
list_length (EmuPlan        *plan,
             EmuAqlVariable *variable)
{
  EmuPlanNode *setter = emu_plan_setter (plan, variable);
  EmuAqlNode *expression = setter != NULL && setter->type == PLAN_CALCULATION ? setter->expression : NULL;

  if (expression == NULL)
    return 100;
  if (expression->type == AQL_NODE_ARRAY)
    return expression->children->len;
  if (expression->type == AQL_NODE_VALUE && JSON_NODE_HOLDS_ARRAY (expression->value))
    return json_array_get_length (json_node_get_array (expression->value));
  if (expression->type == AQL_NODE_RANGE)
    {
      EmuAqlNode *low = emu_aql_node_child (expression, 0);
      EmuAqlNode *high = emu_aql_node_child (expression, 1);

      if (low->type == AQL_NODE_VALUE && high->type == AQL_NODE_VALUE)
        return ABS (constant_int (high, 0) - constant_int (low, 0)) + 1;
    }
  return 100;
}

static guint
index_field_count (EmuIndex *index)
{
  return index != NULL ? g_strv_length (index->fields) : 1;
}

/* Index::FilterCosts of a lookup (normalizeFilterCosts): a seek of
 * log2(n), 0.05 per document read, a little less for indexes over more
 * attributes; a full scan reads every entry. */
static void
index_costs (EmuPlan     *plan,
             EmuPlanNode *node,
             gdouble     *items,
             gdouble     *cost)
{
  gdouble n = collection_size (plan, node->collection);

  if (node->attribute == NULL || n == 0)
    {
      *items = n;
      *cost = n;
      return;
    }
  /* Every index attribute compared for equality: 1 / selectivity (the
   * emulator's estimate is 1); a prefix only: no reduction known. */
  *items = index_field_count (node->index) == 1 ? 1 : n;
  *cost = MAX (1.0, log2 (n)) + *items * 0.05 - (index_field_count (node->index) - 1) * 0.02;
}

static Estimate
estimate_node (EmuPlan     *plan,
               EmuPlanNode *node,
               Estimate     in)
{
  Estimate out = in;
  gint64 offset, limit;

  switch (node->type)
    {
    case PLAN_SINGLETON:
      out.items = 1;
      out.cost = 1;
      break;
    case PLAN_ENUMERATE_COLLECTION:
      /* A full scan per incoming row, plus the penalty of 1 that makes
       * the server prefer index reads. */
      out.items = in.items * collection_size (plan, node->collection);
      out.cost = in.cost + out.items + 1;
      break;
    case PLAN_INDEX:
      {
        gdouble items, cost;

        index_costs (plan, node, &items, &cost);
        out.items = in.items * items;
        out.cost = in.cost + in.items * cost;
      }
      break;
    case PLAN_ENUMERATE_LIST:
      out.items = in.items * list_length (plan, node->in);
      out.cost = in.cost + out.items;
      break;
    case PLAN_SORT:
      out.cost = in.cost + (in.items <= 3 ? in.items : in.items * log2 (in.items));
      break;
    case PLAN_LIMIT:
      offset = constant_int (node->statement->offset, 0);
      limit = constant_int (node->statement->count, 0);
      out.items = MIN ((gdouble) limit, MAX (0, in.items - offset));
      out.cost = in.cost + out.items;
      break;
    case PLAN_NO_RESULTS:
      out.items = 0;
      out.cost = 0.5;
      break;
    default:
      out.cost = in.cost + in.items;
      break;
    }
  return out;
}

/* ---- JSON ------------------------------------------------------------- */

typedef struct {
  EmuPlan     *plan;
  JsonBuilder *builder;
} Writer;

/* Expressions as the release answered as writes them in plans. */
static JsonNode *
expression_json (Writer     *writer,
                 EmuAqlNode *expression)
{
  guint flags = EMU_AQL_JSON_TYPE_IDS;

  if (emu_state_version_at_least (writer->plan->database->state, 3, 11, 0))
    flags |= EMU_AQL_JSON_RAW_CONSTANTS;
  return emu_aql_node_json (expression, flags);
}

static void
write_variable (Writer         *writer,
                const char     *member,
                EmuAqlVariable *variable)
{
  if (member != NULL)
    json_builder_set_member_name (writer->builder, member);
  json_builder_begin_object (writer->builder);
  emu_json_add_int (writer->builder, "id", variable->id);
  emu_json_add_string (writer->builder, "name", variable->name);
  emu_json_add_boolean (writer->builder, "isFullDocumentFromCollection",
                        g_hash_table_contains (writer->plan->documents, variable));
  json_builder_end_object (writer->builder);
}

static void
write_empty_array (JsonBuilder *builder,
                   const char  *member)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
}

static void
write_projections (Writer      *writer,
                   EmuPlanNode *node)
{
  JsonBuilder *builder = writer->builder;
  guint i;

  json_builder_set_member_name (builder, "projections");
  json_builder_begin_array (builder);
  for (i = 0; node->projections != NULL && i < node->projections->len; i++)
    {
      const char *attribute = g_ptr_array_index (node->projections, i);

      if (node->projection_variables == NULL)
        {
          json_builder_add_string_value (builder, attribute);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, attribute);
      json_builder_end_array (builder);
      write_variable (writer, "variable", g_ptr_array_index (node->projection_variables, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The members of the nodes that read a collection. */
static void
write_collection_access (Writer      *writer,
                         EmuPlanNode *node)
{
  JsonBuilder *builder = writer->builder;

  write_variable (writer, "outVariable", node->out);
  write_projections (writer, node);
  write_empty_array (builder, "filterProjections");
  emu_json_add_boolean (builder, "count", FALSE);
  emu_json_add_boolean (builder, "producesResult", TRUE);
  emu_json_add_boolean (builder, "readOwnWrites", FALSE);
  emu_json_add_boolean (builder, "useCache", node->use_cache);
  emu_json_add_int (builder, "maxProjections", 5);
  emu_json_add_string (builder, "collection", node->collection);
  emu_json_add_boolean (builder, "satellite", FALSE);
  emu_json_add_boolean (builder, "isSatellite", FALSE);
  emu_json_add_node (builder, "isSatelliteOf", NULL);
}

static void
write_index_description (Writer      *writer,
                         EmuPlanNode *node)
{
  static const char *members[] = {
    "type", "name", "fields", "selectivityEstimate", "unique", "sparse", "deduplicate",
    "estimates", "cacheEnabled",
  };
  JsonBuilder *builder = writer->builder;
  guint i;

  json_builder_begin_object (builder);
  if (node->index == NULL)
    {
      emu_json_add_string (builder, "id", "0");
      emu_json_add_string (builder, "type", "primary");
      emu_json_add_string (builder, "name", "primary");
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "_key");
      json_builder_end_array (builder);
      emu_json_add_int (builder, "selectivityEstimate", 1);
      emu_json_add_boolean (builder, "unique", TRUE);
      emu_json_add_boolean (builder, "sparse", FALSE);
    }
  else
    {
      emu_json_add_string (builder, "id", node->index->id);
      for (i = 0; i < G_N_ELEMENTS (members); i++)
        {
          JsonNode *value = json_object_get_member (node->index->definition, members[i]);

          if (value != NULL)
            {
              json_builder_set_member_name (builder, members[i]);
              json_builder_add_value (builder, json_node_copy (value));
            }
        }
    }
  json_builder_end_object (builder);
}

/* The lookup as the server's Condition shows it: an OR of ANDs. */
static void
write_condition (Writer      *writer,
                 EmuPlanNode *node)
{
  JsonBuilder *builder = writer->builder;
  g_autoptr(EmuAqlNode) comparison = NULL;
  EmuAqlNode *access, *reference;

  json_builder_set_member_name (builder, "condition");
  if (node->attribute == NULL)
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
      return;
    }

  reference = emu_aql_node_new (AQL_NODE_REFERENCE);
  reference->variable = node->out;
  access = emu_aql_node_new (AQL_NODE_ATTRIBUTE_ACCESS);
  access->text = g_strdup (node->attribute);
  emu_aql_node_add (access, reference);
  comparison = emu_aql_node_new (node->comparison);
  emu_aql_node_add (comparison, access);
  emu_aql_node_add (comparison, emu_plan_copy_expression (node->value));

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "type", "n-ary or");
  emu_json_add_int (builder, "typeID", 63);
  json_builder_set_member_name (builder, "subNodes");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "type", "n-ary and");
  emu_json_add_int (builder, "typeID", 62);
  json_builder_set_member_name (builder, "subNodes");
  json_builder_begin_array (builder);
  json_builder_add_value (builder, expression_json (writer, comparison));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
index_covers (EmuPlanNode *node,
              GPtrArray   *attributes)
{
  guint i;

  if (attributes == NULL || attributes->len == 0)
    return FALSE;
  for (i = 0; i < attributes->len; i++)
    {
      const char *attribute = g_ptr_array_index (attributes, i);

      if (node->index != NULL ? !g_strv_contains ((const char * const *) node->index->fields, attribute)
                              : !g_str_equal (attribute, "_key"))
        return FALSE;
    }
  return TRUE;
}

static void
write_index_node (Writer      *writer,
                  EmuPlanNode *node)
{
  JsonBuilder *builder = writer->builder;
  gboolean covers = index_covers (node, node->projections);

  write_collection_access (writer, node);
  emu_json_add_string (builder, "strategy", "document");
  emu_json_add_boolean (builder, "needsGatherNodeSort", node->sorted_by_index);
  if (node->sorted_by_index)
    {
      json_builder_set_member_name (builder, "sortElements");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      write_variable (writer, "inVariable", node->out);
      emu_json_add_boolean (builder, "ascending", node->ascending);
      json_builder_set_member_name (builder, "path");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, node->index != NULL ? node->index->fields[0] : "_key");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  emu_json_add_boolean (builder, "indexCoversProjections", covers);
  emu_json_add_boolean (builder, "indexCoversOutProjections", covers);
  emu_json_add_boolean (builder, "indexCoversFilterProjections", FALSE);
  json_builder_set_member_name (builder, "indexes");
  json_builder_begin_array (builder);
  write_index_description (writer, node);
  json_builder_end_array (builder);
  write_condition (writer, node);
  emu_json_add_boolean (builder, "allCoveredByOneIndex", FALSE);
  emu_json_add_boolean (builder, "sorted", TRUE);
  emu_json_add_boolean (builder, "ascending", node->ascending);
  emu_json_add_boolean (builder, "evalFCalls", TRUE);
  emu_json_add_boolean (builder, "waitForSync", FALSE);
  emu_json_add_int (builder, "limit", 0);
  emu_json_add_boolean (builder, "isLateMaterialized", FALSE);
  emu_json_add_int (builder, "lookahead", 1);
}

static const char *
expression_type (EmuAqlNode *expression)
{
  if (emu_aql_node_is_constant (expression) && expression->type != AQL_NODE_RANGE)
    return "json";
  if (expression->type == AQL_NODE_ATTRIBUTE_ACCESS &&
      emu_aql_node_child (expression, 0)->type == AQL_NODE_REFERENCE)
    return "attribute";
  return "simple";
}

/* The node's type as the server names it ("SortNode"). */
const char *
emu_plan_node_type_name (EmuPlanNode *node)
{
  static const char *types[] = {
    [PLAN_SINGLETON] = "SingletonNode",
    [PLAN_CALCULATION] = "CalculationNode",
    [PLAN_ENUMERATE_COLLECTION] = "EnumerateCollectionNode",
    [PLAN_INDEX] = "IndexNode",
    [PLAN_ENUMERATE_LIST] = "EnumerateListNode",
    [PLAN_FILTER] = "FilterNode",
    [PLAN_SORT] = "SortNode",
    [PLAN_LIMIT] = "LimitNode",
    [PLAN_RETURN] = "ReturnNode",
    [PLAN_NO_RESULTS] = "NoResultsNode",
  };
  static const char *modifications[] = {
    [AQL_STATEMENT_INSERT] = "InsertNode",
    [AQL_STATEMENT_UPDATE] = "UpdateNode",
    [AQL_STATEMENT_REPLACE] = "ReplaceNode",
    [AQL_STATEMENT_REMOVE] = "RemoveNode",
  };

  return node->type == PLAN_MODIFICATION ? modifications[node->statement->type]
                                         : types[node->type];
}

static void
write_node (Writer      *writer,
            EmuPlanNode *node,
            EmuPlanNode *previous,
            Estimate     estimate)
{
  JsonBuilder *builder = writer->builder;
  guint i;

  json_builder_begin_object (builder);
  emu_json_add_string (builder, "type", emu_plan_node_type_name (node));
  json_builder_set_member_name (builder, "dependencies");
  json_builder_begin_array (builder);
  if (previous != NULL)
    json_builder_add_int_value (builder, previous->id);
  json_builder_end_array (builder);
  emu_json_add_int (builder, "id", node->id);
  emu_json_add_double (builder, "estimatedCost", estimate.cost);
  emu_json_add_double (builder, "estimatedNrItems", estimate.items);
  if (node->async_prefetch)
    emu_json_add_boolean (builder, "isAsyncPrefetchEnabled", TRUE);

  switch (node->type)
    {
    case PLAN_SINGLETON:
      json_builder_set_member_name (builder, "bindParameterVariables");
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
      break;
    case PLAN_CALCULATION:
      json_builder_set_member_name (builder, "expression");
      json_builder_add_value (builder, expression_json (writer, node->expression));
      write_variable (writer, "outVariable", node->out);
      emu_json_add_boolean (builder, "canThrow", FALSE);
      emu_json_add_string (builder, "expressionType", expression_type (node->expression));
      break;
    case PLAN_ENUMERATE_COLLECTION:
      emu_json_add_boolean (builder, "random", FALSE);
      json_builder_set_member_name (builder, "indexHint");
      json_builder_begin_object (builder);
      emu_json_add_boolean (builder, "forced", FALSE);
      emu_json_add_int (builder, "lookahead", 1);
      emu_json_add_string (builder, "type", "none");
      json_builder_end_object (builder);
      write_collection_access (writer, node);
      break;
    case PLAN_INDEX:
      write_index_node (writer, node);
      break;
    case PLAN_ENUMERATE_LIST:
      write_variable (writer, "inVariable", node->in);
      write_variable (writer, "outVariable", node->out);
      break;
    case PLAN_FILTER:
      write_variable (writer, "inVariable", node->in);
      break;
    case PLAN_SORT:
      json_builder_set_member_name (builder, "elements");
      json_builder_begin_array (builder);
      for (i = 0; i < node->sort->len; i++)
        {
          EmuPlanSortElement *element = &g_array_index (node->sort, EmuPlanSortElement, i);

          json_builder_begin_object (builder);
          write_variable (writer, "inVariable", element->variable);
          emu_json_add_boolean (builder, "ascending", element->ascending);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      emu_json_add_boolean (builder, "stable", FALSE);
      break;
    case PLAN_LIMIT:
      emu_json_add_int (builder, "offset", constant_int (node->statement->offset, 0));
      emu_json_add_int (builder, "limit", constant_int (node->statement->count, 0));
      emu_json_add_boolean (builder, "fullCount", FALSE);
      break;
    case PLAN_RETURN:
      write_variable (writer, "inVariable", node->in);
      emu_json_add_boolean (builder, "count", TRUE);
      break;
    case PLAN_NO_RESULTS:
      break;
    case PLAN_MODIFICATION:
      emu_json_add_string (builder, "collection", node->collection);
      write_variable (writer, node->in_with != NULL ? "inKeyVariable" : "inDocVariable", node->in);
      if (node->in_with != NULL)
        write_variable (writer, "inDocVariable", node->in_with);
      if (node->statement->old_variable != NULL)
        write_variable (writer, "outVariableOld", node->statement->old_variable);
      if (node->statement->new_variable != NULL)
        write_variable (writer, "outVariableNew", node->statement->new_variable);
      break;
    }
  json_builder_end_object (builder);
}

static void
write_collections (Writer *writer)
{
  JsonBuilder *builder = writer->builder;
  EmuAqlQuery *query = writer->plan->query;
  guint i, j;

  json_builder_set_member_name (builder, "collections");
  json_builder_begin_array (builder);
  for (i = 0; i < query->collections->len; i++)
    {
      const char *name = g_ptr_array_index (query->collections, i);
      gboolean written = FALSE;

      for (j = 0; j < query->statements->len; j++)
        {
          EmuAqlStatement *statement = g_ptr_array_index (query->statements, j);

          if (statement->collection != NULL && statement->collection->type == AQL_NODE_COLLECTION &&
              g_str_equal (statement->collection->text, name))
            written = TRUE;
        }
      json_builder_begin_object (builder);
      emu_json_add_string (builder, "name", name);
      emu_json_add_string (builder, "type", written ? "write" : "read");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A variable set by a calculation of a constant is one. */
static void
write_plan_variable (Writer         *writer,
                     EmuAqlVariable *variable)
{
  JsonBuilder *builder = writer->builder;
  EmuPlanNode *setter = emu_plan_setter (writer->plan, variable);

  json_builder_begin_object (builder);
  emu_json_add_int (builder, "id", variable->id);
  emu_json_add_string (builder, "name", variable->name);
  emu_json_add_boolean (builder, "isFullDocumentFromCollection",
                        g_hash_table_contains (writer->plan->documents, variable));
  if (setter != NULL && setter->type == PLAN_CALCULATION &&
      g_str_equal (expression_type (setter->expression), "json"))
    {
      json_builder_set_member_name (builder, "constantValue");
      json_builder_add_value (builder, emu_aql_eval (&(EmuAqlContext) { 0 }, setter->expression, NULL));
    }
  json_builder_end_object (builder);
}

JsonNode *
emu_plan_json (EmuPlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Writer writer = { plan, builder };
  Estimate estimate = { 0 };
  guint i, async_nodes = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (i = 0; i < plan->nodes->len; i++)
    {
      EmuPlanNode *node = g_ptr_array_index (plan->nodes, i);

      estimate = estimate_node (plan, node, estimate);
      write_node (&writer, node, i > 0 ? g_ptr_array_index (plan->nodes, i - 1) : NULL, estimate);
      async_nodes += node->async_prefetch;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (i = 0; i < plan->applied->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (plan->applied, i));
  json_builder_end_array (builder);
  emu_json_add_int (builder, "asyncPrefetchNodes", async_nodes);
  emu_json_add_double (builder, "estimatedCost", estimate.cost);
  emu_json_add_double (builder, "estimatedNrItems", estimate.items);
  write_collections (&writer);

  json_builder_set_member_name (builder, "variables");
  json_builder_begin_array (builder);
  for (i = plan->temporaries->len; i > 0; i--)
    write_plan_variable (&writer, g_ptr_array_index (plan->temporaries, i - 1));
  for (i = plan->query->variables->len; i > 0; i--)
    write_plan_variable (&writer, g_ptr_array_index (plan->query->variables, i - 1));
  json_builder_end_array (builder);
  emu_json_add_boolean (builder, "isModificationQuery", plan->query->modifies);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
