/* emulator-aql-memory.c: a query's memory as the server's resource
 * monitor counts it, for options.memoryLimit
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The server counts what its blocks of rows hold: every block of N rows
 * and R registers 16 bytes (an AqlValue) per slot, and each value that
 * does not fit into its slot (VelocyPack of more than 16 bytes) with its
 * size, once per block however many rows share it.  Most nodes hold one
 * block at a time; a SORT holds all of its input until the last row.  A
 * block that would take the query over its limit fails the node that
 * asked for it with TRI_ERROR_RESOURCE_LIMIT, and every node the error
 * passes on its way to the root names itself in the message (twice for
 * a node that fetched the failed rows through its asynchronous prefetch
 * task, 3.12/RestCursorMemoryLimit_single.json).
 *
 * The emulator runs a statement over all rows at once; it counts (a) the
 * first block of rows a FOR or LET produces, with the registers the plan
 * has by then (one per variable set so far: the server reuses registers
 * of dead variables, which this ignores), and (b) all rows a SORT takes
 * in, failing then the node before it that made the blocks.  Value sizes
 * are estimated from the JSON (emu_aql_memory_value()).
 */

#include "emulator-aql-memory.h"

#include <string.h>

#include "emulator-aql-eval.h"
#include "emulator-value.h"

/* An AqlValue: a value of up to 16 bytes of VelocyPack lives in it. */
#define SLOT_BYTES 16

/* The VelocyPack size of @value, near enough: one head byte, numbers
 * in 1 to 9 bytes, strings with their length, compounds with an index
 * table of up to 8 bytes per member. */
static gsize
vpack_size (JsonNode *value)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gsize size, length;
  guint i, n;

  switch (json_node_get_node_type (value))
    {
    case JSON_NODE_ARRAY:
      n = json_array_get_length (json_node_get_array (value));
      size = 9 + n;
      for (i = 0; i < n; i++)
        size += vpack_size (json_array_get_element (json_node_get_array (value), i));
      return size;
    case JSON_NODE_OBJECT:
      size = 9;
      json_object_iter_init (&iter, json_node_get_object (value));
      while (json_object_iter_next (&iter, &name, &member))
        size += 2 + strlen (name) + 1 + vpack_size (member);
      return size;
    case JSON_NODE_NULL:
      return 1;
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        {
          length = strlen (json_node_get_string (value));
          return length + (length < 127 ? 1 : 9);
        }
      if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
        return 1;
      return 9;
    }
}

/* Bytes @value takes beside its slot: 0 when it fits into the slot. */
gsize
emu_aql_memory_value (JsonNode *value)
{
  gsize size = vpack_size (value);

  return size > SLOT_BYTES ? size : 0;
}

static gboolean
sets_variable (EmuPlanNode *node)
{
  return node->out != NULL ||
         (node->statement != NULL &&
          (node->statement->new_variable != NULL || node->statement->old_variable != NULL));
}

/* The node that runs @statement (the last of its nodes: its own, after
 * the calculations it needs), NULL if the optimizer removed it. */
EmuPlanNode *
emu_aql_memory_node_of (EmuPlan         *plan,
                        EmuAqlStatement *statement)
{
  guint i;

  for (i = plan->nodes->len; i > 0; i--)
    {
      EmuPlanNode *node = g_ptr_array_index (plan->nodes, i - 1);

      if (node->statement == statement)
        return node;
    }
  return NULL;
}

/* The slots of a row once @statement ran, in bytes. */
guint
emu_aql_memory_registers (EmuPlan         *plan,
                          EmuAqlStatement *statement)
{
  EmuPlanNode *last = emu_aql_memory_node_of (plan, statement);
  guint registers = 0, i;

  for (i = 0; i < plan->nodes->len; i++)
    {
      EmuPlanNode *node = g_ptr_array_index (plan->nodes, i);

      registers += sets_variable (node);
      if (node == last)
        break;
    }
  return MAX (registers, 1) * SLOT_BYTES;
}

/* The node that made the blocks @buffering holds: the nearest one
 * upstream that writes blocks of its own (calculations, limits and
 * returns write into the blocks they are given). */
EmuPlanNode *
emu_aql_memory_allocator (EmuPlan     *plan,
                          EmuPlanNode *buffering)
{
  guint position;

  if (buffering == NULL || !g_ptr_array_find (plan->nodes, buffering, &position))
    return NULL;
  while (position > 0)
    {
      EmuPlanNode *node = g_ptr_array_index (plan->nodes, --position);

      if (node->type != PLAN_CALCULATION && node->type != PLAN_LIMIT)
        return node;
    }
  return NULL;
}

/* TRI_ERROR_RESOURCE_LIMIT thrown by @thrower: since 3.12.0 the message
 * names each node the error passed (before, none). */
void
emu_aql_memory_error (EmuState    *state,
                      EmuPlan     *plan,
                      EmuPlanNode *thrower,
                      gboolean     prefetched,
                      EmuAqlError *error)
{
  g_autoptr(GString) nodes = g_string_new (NULL);
  guint position = 0;

  if (emu_state_version_at_least (state, 3, 12, 0) &&
      g_ptr_array_find (plan->nodes, thrower, &position))
    for (; position < plan->nodes->len; position++)
      {
        EmuPlanNode *node = g_ptr_array_index (plan->nodes, position);
        guint times = node != thrower && node->async_prefetch && prefetched ? 2 : 1;

        while (times-- > 0)
          g_string_append_printf (nodes, " [node #%u: %s]", node->id,
                                  emu_plan_node_type_name (node));
      }
  emu_aql_error_set (error, 32, "AQL: query would use more memory than allowed%s "
                     "(while executing)", nodes->str);
}
