/* emulator-aql-access.c: how a FOR over a collection reads it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The emulator has no optimizer, but its statistics should count what
 * the server's plan reads. Two of the server's rules matter for the
 * queries people write most: a FOR directly followed by FILTER v._key ==
 * <expression without v> looks the key up in the primary index
 * (scannedIndex, documentLookups: 3.12/RestCursorModifyArray_single.json),
 * and a FOR whose variable only names the documents to REMOVE reads just
 * the keys from the primary index (scannedIndex:
 * RestCursorDeleteQuery_single.json). Everything else is a full scan.
 */

#include "emulator-aql-access.h"

static guint
statement_references (EmuAqlStatement *statement,
                      EmuAqlVariable  *variable)
{
  guint n = emu_aql_node_count_references (statement->expression, variable) +
            emu_aql_node_count_references (statement->with, variable) +
            emu_aql_node_count_references (statement->offset, variable) +
            emu_aql_node_count_references (statement->count, variable) +
            emu_aql_node_count_references (statement->options, variable);
  guint i;

  if (statement->sort != NULL)
    for (i = 0; i < statement->sort->len; i++)
      n += emu_aql_node_count_references (((EmuAqlSortElement *) g_ptr_array_index (statement->sort, i))->expression,
                             variable);
  return n;
}

static gboolean
is_key_of (EmuAqlNode     *node,
           EmuAqlVariable *variable)
{
  EmuAqlNode *object;

  if (node->type != AQL_NODE_ATTRIBUTE_ACCESS || g_strcmp0 (node->text, "_key") != 0)
    return FALSE;
  object = emu_aql_node_child (node, 0);
  return object->type == AQL_NODE_REFERENCE && object->variable == variable;
}

/* FILTER v._key == x or x == v._key, x not using v: x. */
static EmuAqlNode *
key_condition (EmuAqlStatement *filter,
               EmuAqlVariable  *variable)
{
  EmuAqlNode *condition = filter->expression;
  EmuAqlNode *left, *right;

  if (filter->type != AQL_STATEMENT_FILTER || condition->type != AQL_NODE_EQ)
    return NULL;
  left = emu_aql_node_child (condition, 0);
  right = emu_aql_node_child (condition, 1);
  if (is_key_of (left, variable) && emu_aql_node_count_references (right, variable) == 0)
    return right;
  if (is_key_of (right, variable) && emu_aql_node_count_references (left, variable) == 0)
    return left;
  return NULL;
}

EmuAqlAccess
emu_aql_access_of (EmuAqlQuery  *query,
                   guint         for_statement,
                   EmuAqlNode  **key)
{
  EmuAqlStatement *loop = g_ptr_array_index (query->statements, for_statement);
  EmuAqlVariable *variable = loop->variable;
  gboolean only_removed = TRUE;
  guint uses = 0;
  guint i;

  *key = NULL;
  if (for_statement + 1 < query->statements->len &&
      (*key = key_condition (g_ptr_array_index (query->statements, for_statement + 1),
                             variable)) != NULL)
    return EMU_AQL_KEY_LOOKUP;

  for (i = for_statement + 1; i < query->statements->len && only_removed; i++)
    {
      EmuAqlStatement *statement = g_ptr_array_index (query->statements, i);
      guint n = statement_references (statement, variable);

      if (n == 0)
        continue;
      uses += n;
      only_removed = statement->type == AQL_STATEMENT_REMOVE && n == 1 &&
                     statement->expression->type == AQL_NODE_REFERENCE &&
                     emu_aql_node_count_references (statement->options, variable) == 0;
    }
  return only_removed && uses > 0 ? EMU_AQL_KEY_SCAN : EMU_AQL_FULL_SCAN;
}
