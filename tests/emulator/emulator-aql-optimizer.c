/* emulator-aql-optimizer.c: the optimizer rules that rewrite a plan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The rules run in the server's order (emulator-aql-rules.c), each as
 * the server's rule of that name does for the plans the emulator makes
 * (one level, no subqueries, no COLLECT): calculations move up out of
 * loops and down past FILTER and LIMIT, filters move up, redundant and
 * unused calculations go (the latter rule runs again while it removed
 * some and others are left, as the server's does), equality filters on an
 * indexed attribute become IndexNodes and SORTs on one are dropped,
 * documents read for a few attributes only are read as projections, and
 * the nodes that may fetch their next batch ahead of time do. Counting
 * follows the server's Optimizer: hidden rules are not counted, rules
 * switched off are "skipped" unless off by default.
 *
 * Index use is limited to what the emulator can read the way the server
 * does: one equality comparison of an attribute with a constant, on the
 * primary index (_key) or on the first attribute of a persistent index.
 */

#include "emulator-aql-plan.h"

#include "emulator-aql-rules.h"
#include "emulator-value.h"

typedef gboolean (*RuleFunc) (EmuPlan *plan,
                              gboolean *rerun);

static guint
position_of (EmuPlan     *plan,
             EmuPlanNode *node)
{
  guint index = 0;

  g_ptr_array_find (plan->nodes, node, &index);
  return index;
}

static EmuPlanNode *
node_at (EmuPlan *plan,
         guint    index)
{
  return g_ptr_array_index (plan->nodes, index);
}

/* The nodes of @type from the root down, as the server's findNodesOfType. */
static GPtrArray *
nodes_of_type (EmuPlan         *plan,
               EmuPlanNodeType  type)
{
  GPtrArray *found = g_ptr_array_new ();
  guint i;

  for (i = plan->nodes->len; i > 0; i--)
    if (node_at (plan, i - 1)->type == type)
      g_ptr_array_add (found, node_at (plan, i - 1));
  return found;
}

static void
move_node (EmuPlan *plan,
           guint    from,
           guint    to)
{
  EmuPlanNode *node = g_ptr_array_steal_index (plan->nodes, from);

  g_ptr_array_insert (plan->nodes, to, node);
}

static void
unlink_node (EmuPlan     *plan,
             EmuPlanNode *node)
{
  g_ptr_array_remove (plan->nodes, node);
}

static gboolean
uses_any_set_by (EmuPlanNode *user,
                 EmuPlanNode *setter)
{
  EmuAqlVariable *variables[3] = { setter->out, NULL, NULL };
  guint i;

  if (setter->type == PLAN_MODIFICATION)
    {
      variables[1] = setter->statement->new_variable;
      variables[2] = setter->statement->old_variable;
    }
  for (i = 0; i < G_N_ELEMENTS (variables); i++)
    if (variables[i] != NULL && emu_plan_uses_variable (user, variables[i]))
      return TRUE;
  for (i = 0; setter->projection_variables != NULL && i < setter->projection_variables->len; i++)
    if (emu_plan_uses_variable (user, g_ptr_array_index (setter->projection_variables, i)))
      return TRUE;
  return FALSE;
}

static gboolean
used_after (EmuPlan        *plan,
            guint           position,
            EmuAqlVariable *variable)
{
  guint i;

  for (i = position + 1; i < plan->nodes->len; i++)
    if (emu_plan_uses_variable (node_at (plan, i), variable))
      return TRUE;
  return FALSE;
}

/* Most rules rewrite the nodes of one type one at a time, as the
 * server's do over findNodesOfType; a NodeRewrite is that step, TRUE if
 * it changed the plan. */
typedef gboolean (*NodeRewrite) (EmuPlan     *plan,
                                 EmuPlanNode *node);

static gboolean
rewrite_each (EmuPlan         *plan,
              EmuPlanNodeType  type,
              NodeRewrite      rewrite)
{
  g_autoptr(GPtrArray) nodes = nodes_of_type (plan, type);
  gboolean modified = FALSE;
  guint i;

  for (i = 0; i < nodes->len; i++)
    modified |= rewrite (plan, g_ptr_array_index (nodes, i));
  return modified;
}

/* Rules look back from a node for the calculation or the loop it reads;
 * a NodeTest says whether @candidate, before @from, is that node (or,
 * as a stop, one the search must not look past). */
typedef gboolean (*NodeTest) (EmuPlan     *plan,
                              EmuPlanNode *candidate,
                              EmuPlanNode *from);

/* The nearest node before @from that @wanted accepts; NULL if there is
 * none, or if @stop (when not NULL) accepts a node nearer to @from. */
static EmuPlanNode *
find_before (EmuPlan     *plan,
             EmuPlanNode *from,
             NodeTest     wanted,
             NodeTest     stop)
{
  guint i;

  for (i = position_of (plan, from); i > 0; i--)
    {
      EmuPlanNode *candidate = node_at (plan, i - 1);

      if (stop != NULL && stop (plan, candidate, from))
        return NULL;
      if (wanted (plan, candidate, from))
        return candidate;
    }
  return NULL;
}

/* ---- moving nodes ----------------------------------------------------- */

/* Moves each of @nodes up past the nodes it does not depend on, as far
 * as @can_pass lets it. */
static gboolean
move_up (EmuPlan   *plan,
         GPtrArray *nodes,
         gboolean (*can_pass) (EmuPlanNode *current))
{
  gboolean modified = FALSE;
  guint i;

  for (i = 0; i < nodes->len; i++)
    {
      EmuPlanNode *node = g_ptr_array_index (nodes, i);
      guint from = position_of (plan, node), to = from;

      if (node->type == PLAN_CALCULATION && !emu_plan_is_deterministic (node->expression))
        continue;
      while (to > 1)
        {
          EmuPlanNode *current = node_at (plan, to - 1);

          if (uses_any_set_by (node, current) || current->type == PLAN_LIMIT ||
              current->type == PLAN_MODIFICATION || !can_pass (current))
            break;
          to--;
        }
      if (to != from)
        {
          move_node (plan, from, to);
          modified = TRUE;
        }
    }
  return modified;
}

static gboolean
any_node (EmuPlanNode *current)
{
  return TRUE;
}

static gboolean
move_calculations_up (EmuPlan  *plan,
                      gboolean *rerun)
{
  g_autoptr(GPtrArray) calculations = nodes_of_type (plan, PLAN_CALCULATION);

  return move_up (plan, calculations, any_node);
}

/* A filter does not pass calculations that must run for every row. */
static gboolean
is_not_volatile (EmuPlanNode *current)
{
  return current->type != PLAN_CALCULATION || emu_plan_is_deterministic (current->expression);
}

static gboolean
move_filters_up (EmuPlan  *plan,
                 gboolean *rerun)
{
  g_autoptr(GPtrArray) filters = nodes_of_type (plan, PLAN_FILTER);

  return move_up (plan, filters, is_not_volatile);
}

/* Past the FILTERs and LIMITs (and calculations between them) that do
 * not use it, so that rows they drop are not calculated for. */
static gboolean
move_calculation_down (EmuPlan     *plan,
                       EmuPlanNode *node)
{
  guint from = position_of (plan, node), last = from, i;

  if (!emu_plan_is_deterministic (node->expression))
    return FALSE;
  for (i = from + 1; i < plan->nodes->len; i++)
    {
      EmuPlanNode *current = node_at (plan, i);

      if (emu_plan_uses_variable (current, node->out))
        break;
      if (current->type == PLAN_FILTER || current->type == PLAN_LIMIT)
        last = i;
      else if (current->type != PLAN_CALCULATION)
        break;
    }
  if (last == from)
    return FALSE;
  move_node (plan, from, last);
  return TRUE;
}

/* ---- calculations ----------------------------------------------------- */

static gboolean
same_expression (EmuAqlNode *a,
                 EmuAqlNode *b)
{
  guint i;

  if (a == NULL || b == NULL)
    return a == b;
  if (a->type != b->type || g_strcmp0 (a->text, b->text) != 0 || a->variable != b->variable ||
      a->children->len != b->children->len)
    return FALSE;
  if ((a->value == NULL) != (b->value == NULL) ||
      (a->value != NULL && !json_node_equal (a->value, b->value)))
    return FALSE;
  for (i = 0; i < a->children->len; i++)
    if (!same_expression (g_ptr_array_index (a->children, i), g_ptr_array_index (b->children, i)))
      return FALSE;
  return TRUE;
}

/* Replaces references to @variable in @expression by copies of @by. */
static EmuAqlNode *
substitute (EmuAqlNode     *expression,
            EmuAqlVariable *variable,
            EmuAqlNode     *by)
{
  guint i;

  if (expression == NULL)
    return NULL;
  if (expression->type == AQL_NODE_REFERENCE && expression->variable == variable)
    {
      emu_aql_node_free (expression);
      return emu_plan_copy_expression (by);
    }
  for (i = 0; i < expression->children->len; i++)
    expression->children->pdata[i] = substitute (expression->children->pdata[i], variable, by);
  return expression;
}

static gboolean
calls_function (EmuAqlNode *expression)
{
  guint i;

  if (expression == NULL)
    return FALSE;
  if (expression->type == AQL_NODE_FUNCTION_CALL)
    return TRUE;
  for (i = 0; i < expression->children->len; i++)
    if (calls_function (g_ptr_array_index (expression->children, i)))
      return TRUE;
  return FALSE;
}

/* Every use of @variable after @position becomes one of @by. */
static void
replace_variable (EmuPlan        *plan,
                  guint           position,
                  EmuAqlVariable *variable,
                  EmuAqlVariable *by)
{
  g_autoptr(EmuAqlNode) reference = emu_aql_node_new (AQL_NODE_REFERENCE);
  guint i, j;

  reference->variable = by;
  for (i = position + 1; i < plan->nodes->len; i++)
    {
      EmuPlanNode *node = node_at (plan, i);

      if (node->in == variable)
        node->in = by;
      if (node->in_with == variable)
        node->in_with = by;
      if (node->type == PLAN_CALCULATION)
        node->expression = substitute (node->expression, variable, reference);
      for (j = 0; node->sort != NULL && j < node->sort->len; j++)
        if (g_array_index (node->sort, EmuPlanSortElement, j).variable == variable)
          g_array_index (node->sort, EmuPlanSortElement, j).variable = by;
    }
}

static gboolean
calculates_the_same (EmuPlan     *plan,
                     EmuPlanNode *candidate,
                     EmuPlanNode *calculation)
{
  return candidate->type == PLAN_CALCULATION &&
         same_expression (candidate->expression, calculation->expression);
}

/* Later nodes read the result of an earlier, identical calculation. */
static gboolean
reuse_earlier_calculation (EmuPlan     *plan,
                           EmuPlanNode *node)
{
  EmuPlanNode *earlier;

  if (!emu_plan_is_deterministic (node->expression))
    return FALSE;
  earlier = find_before (plan, node, calculates_the_same, NULL);
  if (earlier == NULL)
    return FALSE;
  replace_variable (plan, position_of (plan, node), node->out, earlier->out);
  return TRUE;
}

/* Inlines the attribute access or expression of @node into the one
 * calculation that uses it, as the server does; FALSE if it cannot. */
static gboolean
inline_calculation (EmuPlan     *plan,
                    EmuPlanNode *node,
                    guint        position)
{
  EmuAqlNode *root = node->expression;
  EmuPlanNode *other = NULL;
  gboolean loop_between = FALSE;
  guint users = 0, i;

  for (i = position + 1; i < plan->nodes->len; i++)
    {
      EmuPlanNode *current = node_at (plan, i);

      if (current->type == PLAN_ENUMERATE_COLLECTION || current->type == PLAN_INDEX ||
          current->type == PLAN_ENUMERATE_LIST)
        loop_between = TRUE;
      if (!emu_plan_uses_variable (current, node->out))
        continue;
      if (current->type != PLAN_CALCULATION)
        return FALSE;
      users++;
      other = current;
      if (root->type != AQL_NODE_ATTRIBUTE_ACCESS && users > 1)
        return FALSE;
    }

  if (root->type == AQL_NODE_ATTRIBUTE_ACCESS)
    {
      for (i = position + 1; i < plan->nodes->len; i++)
        if (node_at (plan, i)->type == PLAN_CALCULATION)
          node_at (plan, i)->expression = substitute (node_at (plan, i)->expression, node->out, root);
      return TRUE;
    }
  if (users != 1 || emu_aql_node_count_references (other->expression, node->out) > 1 ||
      (calls_function (root) && loop_between))
    return FALSE;
  other->expression = substitute (other->expression, node->out, root);
  return TRUE;
}

static gboolean
remove_unnecessary_calculations (EmuPlan  *plan,
                                 gboolean *rerun)
{
  g_autoptr(GPtrArray) calculations = nodes_of_type (plan, PLAN_CALCULATION);
  g_autoptr(GPtrArray) unlink = g_ptr_array_new ();
  guint i;

  for (i = 0; i < calculations->len; i++)
    {
      EmuPlanNode *node = g_ptr_array_index (calculations, i);
      guint position = position_of (plan, node);

      if (!emu_plan_is_deterministic (node->expression))
        continue;
      if (!used_after (plan, position, node->out))
        g_ptr_array_add (unlink, node);
      else if (node->expression->type == AQL_NODE_REFERENCE)
        {
          replace_variable (plan, position, node->out, node->expression->variable);
          g_ptr_array_add (unlink, node);
        }
      else if (inline_calculation (plan, node, position))
        g_ptr_array_add (unlink, node);
    }

  for (i = 0; i < unlink->len; i++)
    unlink_node (plan, g_ptr_array_index (unlink, i));
  *rerun = unlink->len > 0 && calculations->len > unlink->len;
  return unlink->len > 0;
}

static EmuPlanNode *
constant_setter (EmuPlan        *plan,
                 EmuAqlVariable *variable)
{
  EmuPlanNode *setter = emu_plan_setter (plan, variable);

  return setter != NULL && setter->type == PLAN_CALCULATION &&
         setter->expression->type == AQL_NODE_VALUE ? setter : NULL;
}

/* A filter on a constant either lets every row pass (and goes) or none
 * (and becomes a NoResultsNode). */
static gboolean
remove_constant_filter (EmuPlan     *plan,
                        EmuPlanNode *node)
{
  EmuPlanNode *setter = constant_setter (plan, node->in);

  if (setter == NULL)
    return FALSE;
  if (emu_value_truthy (setter->expression->value))
    {
      unlink_node (plan, node);
    }
  else
    {
      node->type = PLAN_NO_RESULTS;
      node->in = NULL;
    }
  return TRUE;
}

/* ---- indexes ---------------------------------------------------------- */

/* The attribute of the document in @variable that @expression reads,
 * seen through the calculations of attribute accesses; NULL if none. */
static const char *
document_attribute (EmuPlan        *plan,
                    EmuAqlNode     *expression,
                    EmuAqlVariable *document)
{
  if (expression->type == AQL_NODE_REFERENCE)
    {
      EmuPlanNode *setter = emu_plan_setter (plan, expression->variable);

      return setter != NULL && setter->type == PLAN_CALCULATION
        ? document_attribute (plan, setter->expression, document) : NULL;
    }
  if (expression->type == AQL_NODE_ATTRIBUTE_ACCESS &&
      emu_aql_node_child (expression, 0)->type == AQL_NODE_REFERENCE &&
      emu_aql_node_child (expression, 0)->variable == document)
    return expression->text;
  return NULL;
}

static EmuCollection *
lookup_collection (EmuPlan    *plan,
                   const char *name)
{
  return plan->database != NULL && name != NULL
    ? emu_database_lookup_collection (plan->database, name) : NULL;
}

/* The index a lookup of @attribute can use: the primary one for _key
 * (*primary set), else the first persistent index that starts with it. */
static gboolean
find_index (EmuPlan     *plan,
            const char  *collection_name,
            const char  *attribute,
            EmuIndex   **index)
{
  EmuCollection *collection = lookup_collection (plan, collection_name);
  guint i;

  *index = NULL;
  if (collection == NULL)
    return FALSE;
  if (g_str_equal (attribute, "_key"))
    return TRUE;
  for (i = 0; i < collection->indexes->len; i++)
    {
      EmuIndex *candidate = g_ptr_array_index (collection->indexes, i);

      if ((g_str_equal (candidate->type, "persistent") || g_str_equal (candidate->type, "hash") ||
           g_str_equal (candidate->type, "skiplist")) &&
          !candidate->sparse && candidate->fields[0] != NULL &&
          g_str_equal (candidate->fields[0], attribute))
        {
          *index = candidate;
          return TRUE;
        }
    }
  return FALSE;
}

/* A FILTER on "doc.attribute == constant" that an index answers. */
static gboolean
indexed_equality (EmuPlan      *plan,
                  EmuPlanNode  *filter,
                  EmuPlanNode  *read,
                  const char  **attribute,
                  EmuAqlNode  **value,
                  EmuIndex    **index)
{
  EmuPlanNode *setter = emu_plan_setter (plan, filter->in);
  EmuAqlNode *condition = setter != NULL && setter->type == PLAN_CALCULATION ? setter->expression : NULL;
  guint side;

  if (condition == NULL || condition->type != AQL_NODE_EQ)
    return FALSE;
  for (side = 0; side < 2; side++)
    {
      EmuAqlNode *access = emu_aql_node_child (condition, side);
      EmuAqlNode *other = emu_aql_node_child (condition, 1 - side);

      *attribute = document_attribute (plan, access, read->out);
      if (*attribute != NULL && other->type == AQL_NODE_VALUE &&
          find_index (plan, read->collection, *attribute, index))
        {
          *value = other;
          return TRUE;
        }
    }
  return FALSE;
}

/* Replaces @read in the plan (and frees it); returns the IndexNode. */
static EmuPlanNode *
make_index_node (EmuPlan     *plan,
                 EmuPlanNode *read,
                 EmuIndex    *index,
                 const char  *attribute,
                 EmuAqlNode  *value)
{
  EmuPlanNode *node = emu_plan_node_new (plan, PLAN_INDEX);
  guint position = position_of (plan, read);

  node->statement = read->statement;
  node->out = read->out;
  node->collection = g_strdup (read->collection);
  node->index = index;
  node->attribute = g_strdup (attribute);
  node->comparison = AQL_NODE_EQ;
  node->expression = emu_plan_copy_expression (value);
  node->value = node->expression;
  plan->nodes->pdata[position] = node;
  emu_plan_node_free (read);
  return node;
}

static gboolean
use_indexes (EmuPlan  *plan,
             gboolean *rerun)
{
  gboolean modified = FALSE;
  guint i, j;

  for (i = 0; i < plan->nodes->len; i++)
    {
      EmuPlanNode *read = node_at (plan, i);

      if (read->type != PLAN_ENUMERATE_COLLECTION)
        continue;
      for (j = i + 1; j < plan->nodes->len; j++)
        {
          EmuPlanNode *current = node_at (plan, j);
          const char *attribute;
          EmuAqlNode *value;
          EmuIndex *index;

          if (current->type == PLAN_LIMIT || current->type == PLAN_MODIFICATION ||
              current->type == PLAN_RETURN)
            break;
          if (current->type == PLAN_FILTER &&
              indexed_equality (plan, current, read, &attribute, &value, &index))
            {
              /* The filter stays for remove-filter-covered-by-index. */
              make_index_node (plan, read, index, attribute, value);
              modified = TRUE;
              break;
            }
        }
    }
  return modified;
}

/* An IndexNode that answers exactly what @filter asks. */
static gboolean
index_node_covers (EmuPlan     *plan,
                   EmuPlanNode *candidate,
                   EmuPlanNode *filter)
{
  const char *attribute;
  EmuAqlNode *value;
  EmuIndex *index;

  return candidate->type == PLAN_INDEX && candidate->attribute != NULL &&
         indexed_equality (plan, filter, candidate, &attribute, &value, &index) &&
         index == candidate->index && g_str_equal (attribute, candidate->attribute) &&
         same_expression (value, candidate->value);
}

static gboolean
remove_filter_if_covered (EmuPlan     *plan,
                          EmuPlanNode *filter)
{
  if (find_before (plan, filter, index_node_covers, NULL) == NULL)
    return FALSE;
  unlink_node (plan, filter);
  return TRUE;
}

static gboolean
reads_documents (EmuPlan     *plan,
                 EmuPlanNode *candidate,
                 EmuPlanNode *from)
{
  return candidate->type == PLAN_ENUMERATE_COLLECTION || candidate->type == PLAN_INDEX;
}

/* A SORT does not reach past a loop over a list or a LIMIT to the
 * documents read before it. */
static gboolean
ends_sorted_scope (EmuPlan     *plan,
                   EmuPlanNode *candidate,
                   EmuPlanNode *from)
{
  return candidate->type == PLAN_ENUMERATE_LIST || candidate->type == PLAN_LIMIT;
}

/* A SORT on one attribute of the documents the innermost loop reads goes
 * when an index on it gives that loop the order. */
static gboolean
sort_by_index (EmuPlan     *plan,
               EmuPlanNode *sort)
{
  g_autoptr(EmuAqlNode) reference = emu_aql_node_new (AQL_NODE_REFERENCE);
  EmuPlanSortElement *element;
  EmuPlanNode *read;
  const char *attribute;
  EmuIndex *index;

  if (sort->sort->len != 1)
    return FALSE;
  read = find_before (plan, sort, reads_documents, ends_sorted_scope);
  if (read == NULL)
    return FALSE;
  element = &g_array_index (sort->sort, EmuPlanSortElement, 0);
  reference->variable = element->variable;
  attribute = document_attribute (plan, reference, read->out);
  if (attribute == NULL || !find_index (plan, read->collection, attribute, &index))
    return FALSE;
  if (read->type == PLAN_INDEX &&
      (read->index != index || g_strcmp0 (read->attribute, attribute) != 0))
    return FALSE;
  if (read->type == PLAN_ENUMERATE_COLLECTION)
    {
      /* A scan of the whole index, in its order; the server's
       * IndexNode made here does not use the document cache. */
      read = make_index_node (plan, read, index, NULL, NULL);
      read->use_cache = FALSE;
    }
  read->sorted_by_index = TRUE;
  read->ascending = element->ascending;
  unlink_node (plan, sort);
  return TRUE;
}

/* ---- projections ------------------------------------------------------ */

static void
collect_attributes (EmuAqlNode     *expression,
                    EmuAqlVariable *document,
                    GPtrArray      *attributes,
                    gboolean       *other_use)
{
  guint i;

  if (expression == NULL)
    return;
  if (expression->type == AQL_NODE_ATTRIBUTE_ACCESS &&
      emu_aql_node_child (expression, 0)->type == AQL_NODE_REFERENCE &&
      emu_aql_node_child (expression, 0)->variable == document)
    {
      if (!g_ptr_array_find_with_equal_func (attributes, expression->text, g_str_equal, NULL))
        g_ptr_array_add (attributes, g_strdup (expression->text));
      return;
    }
  if (expression->type == AQL_NODE_REFERENCE && expression->variable == document)
    *other_use = TRUE;
  for (i = 0; i < expression->children->len; i++)
    collect_attributes (g_ptr_array_index (expression->children, i), document, attributes, other_use);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static gboolean
reduce_extraction_to_projection (EmuPlan  *plan,
                                 gboolean *rerun)
{
  gboolean modified = FALSE;
  guint i, j;

  for (i = 0; i < plan->nodes->len; i++)
    {
      EmuPlanNode *read = node_at (plan, i);
      g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func (g_free);
      gboolean other_use = FALSE;

      if ((read->type != PLAN_ENUMERATE_COLLECTION && read->type != PLAN_INDEX) ||
          read->projections != NULL)
        continue;
      for (j = i + 1; j < plan->nodes->len && !other_use; j++)
        {
          EmuPlanNode *current = node_at (plan, j);

          if (current->type == PLAN_CALCULATION)
            collect_attributes (current->expression, read->out, attributes, &other_use);
          else if (emu_plan_uses_variable (current, read->out))
            other_use = TRUE;
        }
      if (other_use || attributes->len == 0 || attributes->len > 5)
        continue;
      g_ptr_array_sort (attributes, compare_strings);
      read->projections = g_steal_pointer (&attributes);
      g_hash_table_remove (plan->documents, read->out);
      modified = TRUE;
    }
  return modified;
}

/* Each projected attribute gets a variable of its own, which the
 * calculations read instead of the attribute. */
static gboolean
optimize_projections (EmuPlan  *plan,
                      gboolean *rerun)
{
  gboolean modified = FALSE;
  guint i, j, k;

  for (i = 0; i < plan->nodes->len; i++)
    {
      EmuPlanNode *read = node_at (plan, i);

      if (read->projections == NULL || read->projection_variables != NULL)
        continue;
      read->projection_variables = g_ptr_array_new ();
      for (j = 0; j < read->projections->len; j++)
        {
          g_autoptr(EmuAqlNode) access = emu_aql_node_new (AQL_NODE_ATTRIBUTE_ACCESS);
          g_autoptr(EmuAqlNode) reference = emu_aql_node_new (AQL_NODE_REFERENCE);
          EmuAqlVariable *variable = emu_plan_new_variable (plan);
          EmuAqlNode *document = emu_aql_node_new (AQL_NODE_REFERENCE);

          g_ptr_array_add (read->projection_variables, variable);
          document->variable = read->out;
          access->text = g_strdup (g_ptr_array_index (read->projections, j));
          emu_aql_node_add (access, document);
          reference->variable = variable;
          for (k = i + 1; k < plan->nodes->len; k++)
            {
              EmuPlanNode *current = node_at (plan, k);

              if (current->type == PLAN_CALCULATION && same_expression (current->expression, access))
                {
                  emu_aql_node_free (current->expression);
                  current->expression = emu_plan_copy_expression (reference);
                }
            }
        }
      modified = TRUE;
    }
  return modified;
}

/* ---- async prefetching -------------------------------------------------- */

static gboolean
async_prefetch (EmuPlan  *plan,
                gboolean *rerun)
{
  gboolean modified = FALSE;
  guint i, first = 0;

  for (i = 0; i < plan->nodes->len; i++)
    {
      EmuPlanNode *node = node_at (plan, i);

      /* Data modification turns it off for the whole query; a LIMIT for
       * itself and what it depends on. */
      if (node->type == PLAN_MODIFICATION)
        return FALSE;
      if (node->type == PLAN_LIMIT)
        first = i + 1;
    }
  for (i = first; i < plan->nodes->len; i++)
    {
      EmuPlanNode *node = node_at (plan, i);

      switch (node->type)
        {
        case PLAN_CALCULATION:
          if (!emu_plan_is_deterministic (node->expression))
            break;
          G_GNUC_FALLTHROUGH;
        case PLAN_ENUMERATE_COLLECTION:
        case PLAN_INDEX:
        case PLAN_ENUMERATE_LIST:
        case PLAN_FILTER:
        case PLAN_SORT:
          node->async_prefetch = TRUE;
          modified = TRUE;
          break;
        default:
          break;
        }
    }
  return modified;
}

/* ---- the optimizer ---------------------------------------------------- */

/* Each rule the emulator implements either works on the whole plan
 * (func) or rewrites the nodes of one type one at a time (rewrite); the
 * rules not listed leave its plans as they are but still count. */
typedef struct {
  const char      *name;
  RuleFunc         func;
  EmuPlanNodeType  type;
  NodeRewrite      rewrite;
} Implementation;

static const Implementation implementations[] = {
  { "move-calculations-up", .func = move_calculations_up },
  { "move-filters-up", .func = move_filters_up },
  { "remove-redundant-calculations", .type = PLAN_CALCULATION, .rewrite = reuse_earlier_calculation },
  { "remove-unnecessary-filters", .type = PLAN_FILTER, .rewrite = remove_constant_filter },
  { "remove-unnecessary-calculations", .func = remove_unnecessary_calculations },
  { "move-calculations-up-2", .func = move_calculations_up },
  { "move-filters-up-2", .func = move_filters_up },
  { "use-indexes", .func = use_indexes },
  { "remove-filter-covered-by-index", .type = PLAN_FILTER, .rewrite = remove_filter_if_covered },
  { "remove-unnecessary-filters-2", .type = PLAN_FILTER, .rewrite = remove_constant_filter },
  { "use-index-for-sort", .type = PLAN_SORT, .rewrite = sort_by_index },
  { "remove-unnecessary-calculations-2", .func = remove_unnecessary_calculations },
  { "move-calculations-down", .type = PLAN_CALCULATION, .rewrite = move_calculation_down },
  { "reduce-extraction-to-projection", .func = reduce_extraction_to_projection },
  { "optimize-projections", .func = optimize_projections },
  { "remove-unnecessary-calculations-4", .func = remove_unnecessary_calculations },
  { "async-prefetch", .func = async_prefetch },
};

static const Implementation *
implementation_of (const char *name)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (implementations); i++)
    if (g_str_equal (implementations[i].name, name))
      return &implementations[i];
  return NULL;
}

static gboolean
run_rule (const Implementation *implementation,
       EmuPlan              *plan,
       gboolean             *rerun)
{
  if (implementation == NULL)
    return FALSE;
  if (implementation->rewrite != NULL)
    return rewrite_each (plan, implementation->type, implementation->rewrite);
  return implementation->func (plan, rerun);
}

void
emu_plan_optimize (EmuPlan *plan)
{
  const EmuAqlRule *rules;
  guint n_rules, i;

  rules = emu_aql_rules (&n_rules);
  for (i = 0; i < n_rules; i++)
    {
      const EmuAqlRule *rule = &rules[i];
      gboolean hidden = (rule->flags & EMU_AQL_RULE_HIDDEN) != 0;
      const Implementation *implementation = implementation_of (rule->name);
      gboolean rerun, applied = FALSE;

      if (!emu_aql_rule_applies (rule, plan->database->state, plan->coordinator))
        continue;
      if (g_hash_table_contains (plan->disabled, rule->name))
        {
          if (!hidden && !(rule->flags & EMU_AQL_RULE_DISABLED_BY_DEFAULT))
            plan->rules_skipped++;
          continue;
        }
      do
        {
          rerun = FALSE;
          applied |= run_rule (implementation, plan, &rerun);
          if (!hidden)
            plan->rules_executed++;
        }
      while (rerun);
      if (applied && !hidden)
        g_ptr_array_add (plan->applied, (gpointer) rule->name);
    }
}
