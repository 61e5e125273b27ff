/* emulator-aql-plan.h: the execution plan of a parsed AQL query, and
 * the optimizer rules that rewrite it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-index-def.h"
#include "emulator-state.h"

G_BEGIN_DECLS

typedef enum {
  PLAN_SINGLETON,
  PLAN_CALCULATION,
  PLAN_ENUMERATE_COLLECTION,
  PLAN_INDEX,
  PLAN_ENUMERATE_LIST,
  PLAN_FILTER,
  PLAN_SORT,
  PLAN_LIMIT,
  PLAN_RETURN,
  PLAN_NO_RESULTS,
  PLAN_MODIFICATION,
} EmuPlanNodeType;

typedef struct {
  EmuAqlVariable *variable;
  gboolean        ascending;
} EmuPlanSortElement;

typedef struct {
  EmuPlanNodeType  type;
  guint            id;
  EmuAqlStatement *statement;   /* the statement it runs (not for the singleton) */
  EmuAqlNode      *expression;  /* CALCULATION: owned */
  EmuAqlVariable  *out;         /* CALCULATION, FOR nodes */
  EmuAqlVariable  *in;          /* FILTER, RETURN, ENUMERATE_LIST, modifications */
  EmuAqlVariable  *in_with;     /* UPDATE/REPLACE … WITH */
  GArray          *sort;        /* SORT: EmuPlanSortElement */
  gboolean         async_prefetch;

  /* Collection reads (ENUMERATE_COLLECTION, INDEX) */
  char            *collection;
  EmuIndex        *index;       /* INDEX: the index, or NULL for the primary */
  char            *attribute;   /* INDEX: the attribute looked up, NULL: full index scan */
  EmuAqlNodeType   comparison;  /* INDEX: its comparison */
  EmuAqlNode      *value;       /* INDEX: the value compared with (not owned) */
  gboolean         sorted_by_index;  /* INDEX: replaces a SORT */
  gboolean         ascending;
  gboolean         use_cache;
  GPtrArray       *projections; /* char *, attributes read instead of the document */
  GPtrArray       *projection_variables; /* EmuAqlVariable, one per projection */
} EmuPlanNode;

typedef struct {
  EmuAqlQuery *query;
  EmuDatabase *database;
  gboolean     coordinator;
  GPtrArray   *nodes;          /* EmuPlanNode, from the singleton to the root */
  GPtrArray   *temporaries;    /* EmuAqlVariable the plan made */
  guint        next_id;
  GPtrArray   *applied;        /* names of the rules that changed the plan */
  GHashTable  *disabled;       /* names of the rules switched off */
  GHashTable  *documents;      /* variables holding whole documents */
  JsonArray   *warnings;       /* of constant folding */
  guint        rules_executed;
  guint        rules_skipped;
} EmuPlan;

EmuPlan  *emu_plan_new       (EmuAqlQuery *query,
                              EmuDatabase *database,
                              JsonObject  *options,
                              gboolean     coordinator);
void      emu_plan_free      (EmuPlan     *plan);
JsonNode *emu_plan_json      (EmuPlan     *plan);
gboolean  emu_plan_is_deterministic (EmuAqlNode *expression);
const char *emu_plan_node_type_name (EmuPlanNode *node);

/* Building blocks the optimizer shares with the planner. */
EmuAqlNode     *emu_plan_copy_expression (EmuAqlNode  *node);
gboolean        emu_plan_uses_variable   (EmuPlanNode *node,
                                          EmuAqlVariable *variable);
gboolean        emu_plan_sets_variable   (EmuPlanNode *node,
                                          EmuAqlVariable *variable);
EmuPlanNode    *emu_plan_setter          (EmuPlan     *plan,
                                          EmuAqlVariable *variable);
EmuAqlVariable *emu_plan_new_variable    (EmuPlan     *plan);
EmuPlanNode    *emu_plan_node_new        (EmuPlan     *plan,
                                          EmuPlanNodeType type);
void            emu_plan_node_free       (gpointer     data);

void emu_plan_optimize (EmuPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuPlan, emu_plan_free)

G_END_DECLS
