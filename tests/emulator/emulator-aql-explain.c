/* emulator-aql-explain.c: which plan node runs a statement
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Run-time errors name the node that failed by its id in the plan
 * (emulator-aql-plan.c numbers the nodes as the server's planner does:
 * the calculations a statement needs, then its own node).
 */

#include "emulator-aql-explain.h"

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
