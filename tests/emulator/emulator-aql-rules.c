/* emulator-aql-rules.c: the optimizer rules of each ArangoDB release
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GET /_api/query/rules lists every rule the server registered, sorted by
 * the level at which the optimizer runs it, with its flags and its
 * description ({3.10,3.11,3.12,4.x}/RestQueryRules_single.json: 46 rules
 * in 3.10 and 3.11, 55 in a 3.12.0 nightly, 64 in 3.12.10). Cluster-only
 * rules are registered on Coordinators only; the Enterprise Edition's
 * rules are there because the emulator answers as an Enterprise server.
 * The optimizer (emulator-aql-optimizer.c) runs the rules of the release
 * answered as, and counts them, from here.
 *
 * The releases that added a rule are those of the 3.12 release notes
 * (push-limit-into-index 3.12.2, replace-entries-with-object-iteration
 * 3.12.3, use-index-for-collect and use-vector-index 3.12.4,
 * push-down-late-materialization and materialize-into-separate-variable
 * 3.12.1) or else the first recorded release that lists it; descriptions
 * reworded after the 3.12.0 nightly change in 3.12.1.  3.10 had an
 * experimental, hidden async-prefetch that 3.11 dropped and 3.12 brought
 * back for good.  The cluster-only rules of other releases than 3.12 are
 * not recorded: they are 3.12's for every release.
 */

#include "emulator-aql-rules.h"

#include "emulator-reply.h"

/* The descriptions that later releases extended. */
#define PROJECTION_DESCRIPTION \
  "Modify `EnumerationCollectionNode` and `IndexNode` that would have\n" \
  "extracted entire documents to only return a projection of each document.\n" \
  "\n" \
  "Projections are limited to at most 5 different document attributes by default.\n" \
  "The maximum number of projected attributes can optionally be adjusted by\n" \
  "setting the `maxProjections` hint for an AQL `FOR` operation"
#define MOVE_FILTERS_INTO_ENUMERATE_DESCRIPTION \
  "Move filters on non-indexed collection attributes into\n" \
  "`IndexNode` or `EnumerateCollectionNode` to allow early pruning of\n" \
  "non-matching documents. This optimization can help to avoid a lot of temporary\n" \
  "document copies."

static const EmuAqlRule rules[] = {
  { "replace-function-with-index", 0,
    "Replace deprecated index functions such as `FULLTEXT()`,\n"
    "`NEAR()`, `WITHIN()`, or `WITHIN_RECTANGLE()` with a regular subquery." },
  { "inline-subqueries", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Try to pull subqueries out into their surrounding scope, e.g.\n"
    "`FOR x IN (FOR y IN collection FILTER y.value >= 5 RETURN y.test) RETURN x.a`\n"
    "becomes `FOR tmp IN collection FILTER tmp.value >= 5 LET x = tmp.test RETURN x.a`." },
  { "replace-like-with-range", 0,
    "Replace LIKE() function with range scans where possible.",
    .since = EMU_RELEASE (3, 12, 0) },
  { "replace-entries-with-object-iteration", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Replace FOR ... ENTRIES(obj) enumeration with proper object iteration\n"
    "to avoid copying a lot of key/value pairs and storing intermediate results.",
    .since = EMU_RELEASE (3, 12, 3) },
  { "simplify-conditions", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Replace parts in `CalculationNode` expressions with\n"
    "simpler expressions." },
  { "move-calculations-up", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Move calculations up in the processing pipeline as far as\n"
    "possible (ideally out of enumerations) so they are not executed in loops if not\n"
    "required. It is quite common that this rule enables further optimizations." },
  { "move-filters-up", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Move filters up in the processing pipeline as far as possible\n"
    "(ideally out of inner loops) so they filter results as early as possible." },
  { "remove-redundant-calculations", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Replace references to redundant calculations (expressions\n"
    "with the exact same result) with a single reference, allowing other rules to\n"
    "remove no longer needed calculations." },
  { "remove-unnecessary-filters", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Remove `FILTER` conditions that always evaluate to `true`." },
  { "remove-unnecessary-calculations", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Remove all calculations whose result is not referenced in the\n"
    "query. This can be a consequence of applying other optimizations." },
  { "specialize-collect", EMU_AQL_RULE_HIDDEN | EMU_AQL_RULE_CAN_CREATE_ADDITIONAL_PLANS,
    "Appears whenever a `COLLECT` statement is used in a query to determine\n"
    "the type of `CollectNode` to use." },
  { "remove-redundant-sorts", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Try to merge multiple `SORT` statements into fewer sorts." },
  { "optimize-subqueries", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Apply optimizations to subqueries.\n"
    "\n"
    "This rule adds a `LIMIT` statement to qualifying subqueries to make them return\n"
    "less data. It also modifies the result value of subqueries in case only the\n"
    "number of subquery results is checked later. This saves copying the document\n"
    "data from the subquery to the outer scope and may enable follow-up\n"
    "optimizations." },
  { "interchange-adjacent-enumerations", EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_CAN_CREATE_ADDITIONAL_PLANS,
    "Try out permutations of `FOR` statements in queries that contain\n"
    "multiple loops, which may enable further optimizations by other rules." },
  { "move-calculations-up-2", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Second pass of moving calculations up in the processing\n"
    "pipeline as far as possible, to pull them out of inner loops etc." },
  { "move-filters-up-2", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Second pass of moving filters up in the processing pipeline\n"
    "as far as possible so they filter results as early as possible." },
  { "replace-equal-attribute-accesses", EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_DISABLED_BY_DEFAULT,
    "Replace attribute accesses that are equal due to a filter statement\n"
    "with the same value. This might enable other optimizations later on.",
    .since = EMU_RELEASE (3, 12, 0) },
  { "remove-redundant-sorts-2", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Second pass of trying to merge multiple `SORT` statements\n"
    "into fewer sorts." },
  { "remove-sort-rand-limit-1", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Remove `SORT RAND() LIMIT 1` constructs by moving the random iteration\n"
    "into `EnumerateCollectionNode`.\n"
    "\n"
    "The RocksDB storage engine doesn't allow to seek random documents efficiently.\n"
    "This optimization picks a pseudo-random document based on a limited number of\n"
    "seeks within the collection's key range, selecting a random start key in the\n"
    "key range, and then going a few steps before or after that." },
  { "remove-collect-variables", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Remove `INTO` and `AGGREGATE` clauses from `COLLECT`\n"
    "statements if the result is not used." },
  { "propagate-constant-attributes", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Insert constant values into `FILTER` conditions, replacing\n"
    "dynamic attribute values." },
  { "remove-data-modification-out-variables", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Avoid setting the pseudo-variables `OLD` and `NEW` if they\n"
    "are not used in data modification queries." },
  { "replace-or-with-in", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Combine multiple `OR` equality conditions on the same\n"
    "variable or attribute with an `IN` condition." },
  { "replace-any-eq-with-in", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Replace `ANY ==` array comparison expressions with equivalent `IN`\n"
    "expressions to enable further optimizations and index usage.",
    .since = EMU_RELEASE (3, 12, 10) },
  { "remove-redundant-or", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Combine multiple `OR` conditions for the same variable or\n"
    "attribute into a single condition." },
  { "geo-index-optimizer", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Utilize geo-spatial indexes.",
    .until = EMU_RELEASE (3, 12, 1) },
  { "geo-index-optimizer", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Utilize geo-spatial indexes to remove `FILTER DISTANCE(...)`\n"
    "and SORT DISTANCE(...)`.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "use-vector-index", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Utilize a vector index to accelerate the comparison of\n"
    "vector embeddings with vector similarity AQL functions.",
    .since = EMU_RELEASE (3, 12, 4) },
  { "push-filter-into-enumerate-near", EMU_AQL_RULE_HIDDEN | EMU_AQL_RULE_DISABLED_BY_DEFAULT,
    "Push Filter into EnumerateNearVector node. Can also optimize\n"
    "filtering by using `storedValues`. This rule is only enabled by the\n"
    "`use-vector-index` rule.",
    .since = EMU_RELEASE (3, 12, 10) },
  { "materialize-for-enumerate-near", EMU_AQL_RULE_HIDDEN,
    "Choose how each EnumerateNearVectorNode emits its document.\n"
    "If the vector index storedValues cover the downstream projections, or if a\n"
    "pushed-down filter already loaded the document, the vector node produces the\n"
    "output directly. Otherwise a MaterializeRocksDBNode is inserted after the\n"
    "vector node to translate the doc-id into the full document.",
    .since = EMU_RELEASE (3, 12, 10) },
  { "use-indexes", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Use indexes to iterate over collections, replacing\n"
    "`EnumerateCollectionNode` with `IndexNode` in the query plan." },
  { "remove-filter-covered-by-index", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Replace or remove `FilterNode` if the filter conditions are\n"
    "already covered by `IndexNode`." },
  { "remove-unnecessary-filters-2", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Second pass of removing `FILTER` conditions that always\n"
    "evaluate to `true`." },
  { "use-index-for-sort", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Use indexes to avoid `SORT` operations, removing `SortNode`\n"
    "from the query plan." },
  { "sort-in-values", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Use a binary search for in-list lookups with a logarithmic\n"
    "complexity instead of the default linear complexity in-list lookup if the\n"
    "comparison array on the right-hand side of an `IN` operator is pre-sorted by an\n"
    "extra function call." },
  { "optimize-traversal-last-element-access", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Transform accesses to the last vertex or edge of the path\n"
    "output variable (`p.vertices[-1]` and `p.edges[-1]`) emitted by AQL traversals\n"
    "(`FOR v, e, p IN ...`) with accesses to the vertex or edge variable\n"
    "(`v` and `e`). This can avoid computing the path variable at all and enable\n"
    "further optimizations that are not possible on the path variable `p`.",
    .since = EMU_RELEASE (3, 11, 0) },
  { "optimize-traversals", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Try to move `FILTER` conditions into `TraversalNode` for\n"
    "early pruning of results, apply traversal projections, and avoid calculating\n"
    "edge and path output variables that are not declared in the query for the\n"
    "AQL traversal." },
  { "optimize-enumerate-path-filters", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Move `FILTER` conditions on the path output variable into the path search",
    .since = EMU_RELEASE (3, 12, 0), .until = EMU_RELEASE (3, 12, 1) },
  { "optimize-enumerate-path-filters", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Move `FILTER` conditions on the path output variable into the path search.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "optimize-paths", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Check how the output variables of `K_PATHS`, `K_SHORTEST_PATHS`,\n"
    "and `ALL_SHORTEST_PATHS` path search graph algorithms are used and avoid\n"
    "loading the vertex documents if they are not accessed in the query." },
  { "remove-filter-covered-by-traversal", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Replace or remove `FilterNode` if the filter conditions are\n"
    "already covered by `TraversalNode`." },
  { "handle-arangosearch-views", 0,
    "Appears whenever an `arangosearch` or `search-alias` View is accessed\n"
    "in a query." },
  { "arangosearch-constrained-sort", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Make nodes of type `EnumerateViewNode` aware of `SORT` with a\n"
    "subsequent `LIMIT` when using Views to reduce memory usage and avoid unnecessary\n"
    "sorting that has already been carried out by ArangoSearch internally." },
  { "remove-unnecessary-calculations-2", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Second pass of removing all calculations whose result is not\n"
    "referenced in the query. This can be a consequence of applying other\n"
    "optimizations" },
  { "remove-redundant-path-var", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Avoid computing the variables emitted by AQL traversals if\n"
    "they are declared but unused in the query, or only used in filters that are\n"
    "pulled into the traversal, significantly reducing overhead." },
  { "optimize-cluster-single-document-operations", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Let a Coordinator work with a document directly if you\n"
    "reference a document by its `_key`. In this case, no AQL is executed on the\n"
    "DB-Servers." },
  { "optimize-cluster-multiple-document-operations", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "For bulk `INSERT` operations in cluster deployments, avoid\n"
    "unnecessary overhead that AQL queries typically require for the setup and\n"
    "shutdown in clusters, as well as for the internal batching.\n"
    "\n"
    "This optimization also decreases the number of HTTP requests to the DB-Servers.\n"
    "\n"
    "The following patterns are recognized:\n"
    "\n"
    "- `FOR doc IN @docs INSERT doc INTO collection`, where `@docs` is a\n"
    "  bind parameter with an array of documents to be inserted\n"
    "- `FOR doc IN [ { … }, { … }, … ] INSERT doc INTO collection`, where the `FOR`\n"
    "  loop iterates over an array of input documents known at query compile time\n"
    "- `LET docs = [ { … }, { … }, … ] FOR doc IN docs INSERT doc INTO collection`,\n"
    "  where the `docs` variable is a static array of input documents known at\n"
    "  query compile time\n"
    "\n"
    "If a query has such a pattern, and all of the following restrictions are met,\n"
    "then the optimization is triggered:\n"
    "\n"
    "- There are no following `RETURN` nodes (including any `RETURN OLD` or `RETURN NEW`)\n"
    "- The `FOR` loop is not contained in another outer `FOR` loop or subquery\n"
    "- There are no other operations (e.g. `LET`, `FILTER`) between `FOR` and `INSERT`\n"
    "- `INSERT` is not used on a SmartGraph edge collection\n"
    "- The `FOR` loop iterates over a constant, deterministic expression\n"
    "\n"
    "The optimization then replaces the `InsertNode` and `EnumerateListNode` with a\n"
    "`MultipleRemoteExecutionNode` in the query execution plan, which takes care of\n"
    "inserting all documents into the collection in one go. Further optimizer rules\n"
    "are skipped if the optimization is triggered.\n"
    "" },
  { "move-calculations-down", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Move calculations down in the processing pipeline as far as\n"
    "possible (below `FILTER`, `LIMIT` and `SUBQUERY` nodes) so they are executed as\n"
    "late as possible and not before their results are required." },
  { "fuse-filters", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Merges adjacent `FILTER` nodes together into a single\n"
    "`FILTER` node." },
  { "cluster-one-shard", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Offload the entire query to the DB-Server (except the client\n"
    "communication via a Coordinator). This saves all the back and forth that\n"
    "normally exists in regular cluster queries, benefitting traversals and joins\n"
    "in particular.\n"
    "\n"
    "Only for eligible queries in the OneShard deployment mode as well as for\n"
    "queries that only involve collection(s) with a single shard (and identical\n"
    "sharding in case of multiple collections, e.g. via `distributeShardsLike`).\n"
    "Queries involving V8 / JavaScript (e.g. user-defined AQL functions) or\n"
    "SmartGraphs cannot be optimized." },
  { "cluster-lift-constant-for-disjoint-graph-nodes", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Detect SmartGraph traversals with a constant start vertex to\n"
    "prepare follow-up optimizations that can determine the shard location and push\n"
    "down calculations to a DB-Server." },
  { "distribute-in-cluster", EMU_AQL_RULE_CLUSTER_ONLY,
    "Appears if query parts get distributed in a cluster." },
  { "smart-joins", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Reduce inter-node joins to server-local joins.\n"
    "This rule is only employed when joining two collections with identical sharding\n"
    "setup via their shard keys." },
  { "scatter-in-cluster", EMU_AQL_RULE_CLUSTER_ONLY,
    "Appears if nodes of the types `ScatterNode`, `GatherNode`,\n"
    "and `RemoteNode` are inserted into a distributed query plan." },
  { "scatter-satellite-graphs", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Execute nodes of the types `TraversalNode`,\n"
    "`ShortestPathNode`, and `KShortestPathsNode` on a DB-Server instead of on a\n"
    "Coordinator if the nodes operate on SatelliteGraphs, removing the need to\n"
    "transfer data for these nodes." },
  { "remove-satellite-joins", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Optimize nodes of the types `ScatterNode`, `GatherNode`, and\n"
    "`RemoteNode` for SatelliteCollections and SatelliteGraphs away. Execute the\n"
    "respective query parts on each participating DB-Server independently, so that\n"
    "the results become available locally without network communication.\n"
    "Depends on the `remove-unnecessary-remote-scatter` rule." },
  { "remove-distribute-nodes", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Combine multiples nodes of type `DistributeNode` into one if\n"
    "two adjacent `DistributeNode` nodes share the same input variables and\n"
    "therefore can be optimized into a single `DistributeNode`." },
  { "distribute-offset-info-to-cluster", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Push the calculation of search highlighting information to\n"
    "DB-Servers where the data for determining the offsets is stored." },
  { "distribute-filtercalc-to-cluster", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Move filters up in a distributed execution plan. Filters are\n"
    "moved as far up in the plan as possible to make result sets as small as\n"
    "possible, as early as possible." },
  { "distribute-sort-to-cluster", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Move sort operations up in a distributed query. Sorts are\n"
    "moved as far up in the query plan as possible to make result sets as small as\n"
    "possible, as early as possible." },
  { "move-filters-into-enumerate", EMU_AQL_RULE_CAN_BE_DISABLED,
    MOVE_FILTERS_INTO_ENUMERATE_DESCRIPTION,
    .until = EMU_RELEASE (3, 12, 0) },
  { "move-filters-into-enumerate", EMU_AQL_RULE_CAN_BE_DISABLED,
    MOVE_FILTERS_INTO_ENUMERATE_DESCRIPTION " The optimization can also be applied to enumerations over\n"
    "non-collection array.",
    .since = EMU_RELEASE (3, 12, 0) },
  { "remove-unnecessary-calculations-3", EMU_AQL_RULE_HIDDEN | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_DISABLED_BY_DEFAULT,
    "Third pass of removing all calculations whose result is not\n"
    "referenced in the query. This can be a consequence of applying other\n"
    "optimizations" },
  { "remove-unnecessary-remote-scatter", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Avoid distributing calculations and handle them centrally if\n"
    "a `RemoteNode` is followed by a `ScatterNode`, and the `ScatterNode` is only\n"
    "followed by calculations or a `SingletonNode`." },
  { "undistribute-remove-after-enum-coll", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Push nodes of type `RemoveNode` into the same query part that\n"
    "enumerates over the documents of a collection. This saves inter-cluster\n"
    "roundtrips between the `EnumerateCollectionNode` and the `RemoveNode`.\n"
    "It includes simple `UPDATE` and `REPLACE` operations that modify multiple\n"
    "documents and do not use `LIMIT`." },
  { "collect-in-cluster", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Perform the heavy processing for `COLLECT` statements on\n"
    "DB-Servers and only light-weight aggregation on a Coordinator. Both sides get\n"
    "a `CollectNode` in the query plan." },
  { "sort-limit", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Make `SORT` aware of a subsequent `LIMIT` to enable\n"
    "optimizations internal to the `SortNode` that allow to reduce memory usage\n"
    "and, in many cases, improve the sorting speed.\n"
    "\n"
    "A `SortNode` needs to be followed by a `LimitNode` with no intervening nodes\n"
    "that may change the element count (e.g. a `FilterNode` which cannot be moved\n"
    "before the sort, or a source node like `EnumerateCollectionNode`).\n"
    "\n"
    "The optimizer may choose not to apply the rule if it decides that it offers\n"
    "little or no benefit. In particular, it does not apply the rule if the input\n"
    "size is very small or if the output from the `LimitNode` is similar in size to\n"
    "the input. In exceptionally rare cases, this rule could result in some small\n"
    "slowdown. If observed, you can disable the rule for the affected query at the\n"
    "cost of increased memory usage." },
  { "reduce-extraction-to-projection", EMU_AQL_RULE_CAN_BE_DISABLED,
    PROJECTION_DESCRIPTION " since\n"
    "ArangoDB 3.9.1.",
    .until = EMU_RELEASE (3, 12, 1) },
  { "reduce-extraction-to-projection", EMU_AQL_RULE_CAN_BE_DISABLED,
    PROJECTION_DESCRIPTION ".",
    .since = EMU_RELEASE (3, 12, 1) },
  { "restrict-to-single-shard", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Restrict operations to a single shard instead of applying\n"
    "them for all shards if a collection operation (`IndexNode` or a\n"
    "data modification node) only affects a single shard.\n"
    "\n"
    "This optimization can be applied for queries that access a collection only once\n"
    "in the query, and that do not use traversals, shortest path queries, and that\n"
    "do not access collection data dynamically using the `DOCUMENT()`, `FULLTEXT()`,\n"
    "`NEAR()` or `WITHIN()` AQL functions. Additionally, the optimizer can only\n"
    "apply this optimization if it can safely determine the values of all the\n"
    "collection's shard keys from the query, and when the shard keys are covered by\n"
    "a single index (this is always true if the shard key is the default `_key`)." },
  { "optimize-count", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Optimize subqueries to use an optimized code path for\n"
    "counting documents.\n"
    "\n"
    "The requirements are that the subquery result must only be used with the\n"
    "`COUNT()` or `LENGTH()` AQL function and not for anything else. The subquery\n"
    "itself must be read-only (no data modification subquery), not use nested `FOR`\n"
    "loops, no `LIMIT` statement, and no `FILTER` condition or calculation that\n"
    "requires accessing document data. Accessing index data is supported for\n"
    "filtering but not for further calculations." },
  { "parallelize-gather", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Apply an optimization to execute Coordinator `GatherNode`\n"
    "nodes in parallel. These notes cannot be parallelized if they depend on a\n"
    "`TraversalNode`, except for certain Disjoint SmartGraph traversals where the\n"
    "traversal can run completely on the local DB-Server." },
  { "decay-unnecessary-sorted-gather", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED,
    "Avoid merge-sorting results on a Coordinator if they are all\n"
    "from a single shard and fully sorted by a DB-Server already." },
  { "push-subqueries-to-dbserver", EMU_AQL_RULE_CLUSTER_ONLY | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Execute subqueries entirely on a DB-Server if possible.\n"
    "Subqueries need to contain exactly one distribute/gather section, and only one\n"
    "collection access or traversal, shortest path, or k-shortest paths query." },
  { "async-prefetch", EMU_AQL_RULE_HIDDEN | EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_DISABLED_BY_DEFAULT,
    "Allow query execution nodes to asynchronously prefetch the\n"
    "next batch while processing the current batch, allowing parts of the query to\n"
    "run in parallel. This is an experimental option as not all operations are\n"
    "thread-safe.",
    .since = EMU_RELEASE (3, 10, 0), .until = EMU_RELEASE (3, 11, 0) },
  { "late-document-materialization-arangosearch", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Try to read from the underlying collections of a View as late\n"
    "as possible if the involved attributes are covered by the View index." },
  { "late-document-materialization", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Try to read from collections as late as possible if the\n"
    "involved attributes are covered by regular indexes.",
    .until = EMU_RELEASE (3, 12, 1) },
  { "late-document-materialization", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Try to read from collections as late as possible if the\n"
    "involved attributes are covered by inverted indexes.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "push-limit-into-index", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Reduce results early for a combination of `FILTER`, `SORT`,\n"
    "and `LIMIT` where the filter condition uses the `IN` comparison operator and\n"
    "the condition and sort attributes are covered by a persistent index, so that\n"
    "the limit can already be applied when reading from the index. Additional\n"
    "requirements are that there is no outer loop and no post-filtering, and the\n"
    "attributes to sort by must all be in the same direction.",
    .since = EMU_RELEASE (3, 12, 2) },
  { "batch-materialize-documents", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Batch document lookup from indexes.",
    .since = EMU_RELEASE (3, 12, 0), .until = EMU_RELEASE (3, 12, 1) },
  { "batch-materialize-documents", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Batch document lookups from indexes for efficiency.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "late-materialization-offset-info", EMU_AQL_RULE_CAN_BE_DISABLED | EMU_AQL_RULE_ENTERPRISE_ONLY,
    "Get the search highlighting offsets as late as possible to\n"
    "avoid unnecessary reads." },
  { "join-index-nodes", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Join adjacent index nodes and replace them with a join node\n"
    "in case the indexes qualify for it.",
    .since = EMU_RELEASE (3, 12, 0), .until = EMU_RELEASE (3, 12, 1) },
  { "join-index-nodes", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Join adjacent index nodes and replace them with a join node\n"
    "in case the indexes qualify for it.\n"
    "\n"
    "If two or more collections are joined using nested `FOR` loops and the\n"
    "attributes to join on are indexed by primary indexes or persistent indexes,\n"
    "then a merge join can be performed because they are sorted. Returning\n"
    "document attributes from the outer loop is limited to attributes covered by\n"
    "the index.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "use-index-for-collect", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Use indexes for a `COLLECT` operation if possible.\n"
    "Persistent indexes can speed up the scanning for distinct values up to orders\n"
    "of magnitude if the selectivity is low, i.e. if there are few different\n"
    "values. Furthermore, they can be used to cover eligible\n"
    "`COLLECT ... AGGREGATE` operations.",
    .since = EMU_RELEASE (3, 12, 4) },
  { "push-down-late-materialization", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Defer loading documents when attributes accessed in `FILTER`\n"
    "and `SORT` operations are covered by an index. The rule can also push the\n"
    "materialization past `FOR` loops in case they are optimized to a merge join.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "materialize-into-separate-variable", 0,
    "Introduce separate internal variables for projected\n"
    "attributes. This enables late materialization that avoids the creation of\n"
    "temporary objects and having to look up attributes by key in these objects.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "optimize-projections", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Remove projections that are no longer used and store projection\n"
    "results in separate output registers.",
    .since = EMU_RELEASE (3, 12, 0) },
  { "remove-unnecessary-calculations-4", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Fourth pass of removing all calculations whose result is not\n"
    "referenced in the query. This can be a consequence of applying other\n"
    "optimizations",
    .since = EMU_RELEASE (3, 12, 0) },
  { "async-prefetch", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Allow query execution nodes to asynchronously prefetch the\n"
    "next batch while processing the current batch, allowing parts of the query to\n"
    "run in parallel. This is only possible for certain operations in a query.",
    .since = EMU_RELEASE (3, 12, 0) },
  { "immutable-search-condition", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Optimize immutable search condition for nested loops, we don't need to make "
    "real search many times, if we can cache results in bitset",
    .since = EMU_RELEASE (3, 12, 0), .until = EMU_RELEASE (3, 12, 1) },
  { "immutable-search-condition", EMU_AQL_RULE_CAN_BE_DISABLED,
    "Optimize immutable search condition for nested loops. There is no need\n"
    "to perform a real search repeatedly if the results can be cached in a bitset.",
    .since = EMU_RELEASE (3, 12, 1) },
  { "splice-subqueries", 0,
    "Appears if subqueries are spliced into the surrounding query,\n"
    "reducing overhead for executing subqueries by inlining the execution.\n"
    "This mainly benefits queries which execute subqueries very often that only\n"
    "return a few results at a time.\n"
    "\n"
    "This optimization is performed on all subqueries and is applied after all other\n"
    "optimizations." },
};

const EmuAqlRule *
emu_aql_rules (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

static gboolean
version_at_least (EmuState *state,
                  guint     release)
{
  return emu_state_version_at_least (state, release >> 16, (release >> 8) & 0xff, release & 0xff);
}

gboolean
emu_aql_rule_applies (const EmuAqlRule *rule,
                      EmuState         *state,
                      gboolean          coordinator)
{
  if (rule->since != 0 && !version_at_least (state, rule->since))
    return FALSE;
  if (rule->until != 0 && version_at_least (state, rule->until))
    return FALSE;
  return coordinator || !(rule->flags & EMU_AQL_RULE_CLUSTER_ONLY);
}

static void
add_flag (JsonBuilder *builder,
          const char  *name,
          guint        flags,
          guint        flag)
{
  emu_json_add_boolean (builder, name, (flags & flag) != 0);
}

JsonNode *
emu_aql_rules_json (EmuState *state,
                    gboolean  coordinator)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint i;

  json_builder_begin_array (builder);
  for (i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (!emu_aql_rule_applies (&rules[i], state, coordinator))
        continue;
      json_builder_begin_object (builder);
      emu_json_add_string (builder, "name", rules[i].name);
      emu_json_add_string (builder, "description", rules[i].description);
      json_builder_set_member_name (builder, "flags");
      json_builder_begin_object (builder);
      add_flag (builder, "hidden", rules[i].flags, EMU_AQL_RULE_HIDDEN);
      add_flag (builder, "clusterOnly", rules[i].flags, EMU_AQL_RULE_CLUSTER_ONLY);
      add_flag (builder, "canBeDisabled", rules[i].flags, EMU_AQL_RULE_CAN_BE_DISABLED);
      add_flag (builder, "canCreateAdditionalPlans", rules[i].flags,
                EMU_AQL_RULE_CAN_CREATE_ADDITIONAL_PLANS);
      add_flag (builder, "disabledByDefault", rules[i].flags, EMU_AQL_RULE_DISABLED_BY_DEFAULT);
      add_flag (builder, "enterpriseOnly", rules[i].flags, EMU_AQL_RULE_ENTERPRISE_ONLY);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
