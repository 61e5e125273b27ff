/* emulator-aql-profile.c: what options.profile adds to a query's extra
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Level 1 adds "profile", the seconds of each phase of the query; level 2
 * also the plan and, in "stats", "nodes": per plan node how often it was
 * called, how many rows it gave, how many it filtered out, and how long
 * it ran (3.12/RestCursorProfileQuery_single.json).
 *
 * The emulator runs each statement over all rows at once, not node by
 * node in batches; the figures are those of the server's model: a node's
 * items are the rows its statement left (the rows it passes on, for the
 * nodes that do not change their number), its calls one per batch of
 * 1000 rows (at least one: a node is called once to say it has none),
 * its runtime the time until its statement ended, counting what the
 * nodes before it took (the server pulls the rows through them), and its
 * fetching the runtime of the node before.
 */

#include "emulator-aql-profile.h"

#include "emulator-aql-memory.h"
#include "emulator-reply.h"

JsonNode *
emu_aql_profile_phases (EmuState           *state,
                        const EmuAqlPhases *phases)
{
  /* The emulator parses and optimizes the syntax tree in one go, has no
   * collections to load nor executors to build, and plans and optimizes
   * together: those steps take no time of their own here. */
  const struct {
    const char *name;
    guint       since_minor;
    gdouble     seconds;
  } steps[] = {
    { "initializing", 0, phases->initializing },
    { "parsing", 0, phases->parsing },
    { "optimizing ast", 0, 0 },
    { "loading collections", 0, 0 },
    { "instantiating plan", 0, 0 },
    { "optimizing plan", 0, phases->planning },
    /* since 3.11 (3.10/RestCursorProfileQuery_single.json has none) */
    { "instantiating executors", 11, 0 },
    { "executing", 0, phases->executing },
    { "finalizing", 0, phases->finalizing },
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_object (builder);
  for (i = 0; i < G_N_ELEMENTS (steps); i++)
    if (emu_state_version_at_least (state, 3, steps[i].since_minor, 0))
      emu_json_add_double (builder, steps[i].name, steps[i].seconds);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A FILTER the optimizer folded into the node before it (an index
 * lookup) has no node: its rows are that node's. */
static guint
last_statement_of (EmuPlan *plan,
                   guint    index)
{
  EmuAqlQuery *query = plan->query;

  while (index + 1 < query->statements->len)
    {
      EmuAqlStatement *next = g_ptr_array_index (query->statements, index + 1);

      if (next->type != AQL_STATEMENT_FILTER || emu_aql_memory_node_of (plan, next) != NULL)
        break;
      index++;
    }
  return index;
}

static guint64
items_of (EmuPlan       *plan,
          EmuPlanNode   *node,
          guint64        before,
          const guint64 *rows_after)
{
  guint index;

  if (node->type == PLAN_SINGLETON)
    return 1;
  if (node->type == PLAN_NO_RESULTS)
    return 0;
  if (node->statement == NULL ||
      !g_ptr_array_find (plan->query->statements, node->statement, &index))
    return before;
  switch (node->type)
    {
    case PLAN_ENUMERATE_COLLECTION:
    case PLAN_INDEX:
    case PLAN_ENUMERATE_LIST:
    case PLAN_FILTER:
    case PLAN_LIMIT:
      return rows_after[last_statement_of (plan, index)];
    default:
      return before;
    }
}

typedef struct {
  guint   id;
  guint64 items;
  guint64 filtered;
  gdouble runtime;
  gdouble fetching;
} NodeStats;

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const NodeStats *first = a, *second = b;

  return first->id < second->id ? -1 : first->id > second->id;
}

/* In the order of the node ids, as the server lists them. */
JsonNode *
emu_aql_profile_nodes (EmuState      *state,
                       EmuPlan       *plan,
                       const guint64 *rows_after,
                       const gdouble *seconds_after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) stats = g_array_new (FALSE, TRUE, sizeof (NodeStats));
  gboolean since_3_12 = emu_state_version_at_least (state, 3, 12, 0);
  guint64 before = 0;
  gdouble runtime = 0;
  guint i, index;

  for (i = 0; i < plan->nodes->len; i++)
    {
      EmuPlanNode *node = g_ptr_array_index (plan->nodes, i);
      NodeStats entry = { node->id, items_of (plan, node, before, rows_after), 0, 0, runtime };

      if (node->statement != NULL &&
          g_ptr_array_find (plan->query->statements, node->statement, &index))
        runtime = MAX (runtime, seconds_after[index]);
      entry.runtime = runtime;
      if (node->type == PLAN_FILTER && before > entry.items)
        entry.filtered = before - entry.items;
      g_array_append_val (stats, entry);
      before = entry.items;
    }
  g_array_sort (stats, compare_ids);

  json_builder_begin_array (builder);
  for (i = 0; i < stats->len; i++)
    {
      NodeStats *entry = &g_array_index (stats, NodeStats, i);

      json_builder_begin_object (builder);
      emu_json_add_int (builder, "id", entry->id);
      emu_json_add_int (builder, "calls",
                        MAX ((entry->items + EMU_AQL_BATCH_ROWS - 1) / EMU_AQL_BATCH_ROWS, 1));
      /* "parallel" and "fetching": since 3.12 */
      if (since_3_12)
        emu_json_add_int (builder, "parallel", 0);
      emu_json_add_int (builder, "items", entry->items);
      emu_json_add_int (builder, "filtered", entry->filtered);
      emu_json_add_double (builder, "runtime", entry->runtime);
      if (since_3_12)
        emu_json_add_double (builder, "fetching", entry->fetching);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
