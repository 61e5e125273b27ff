/* emulator-queries.c: POST /_api/query (parse) and POST /_api/explain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Shapes: 3.12/RestQueryValid_single.json, RestQueryInvalid_single.json
 * (the parser's message as is), RestExplainValid_single.json,
 * RestExplainInvalid_single.json (explain appends " (while parsing)" to
 * the errors of parsing, as the server's Query::explain does). Parsing
 * starts no transaction, so it checks no collection's access; explaining
 * does, with the refusals of a cursor.
 */

#include "emulator-aql-exec.h"
#include "emulator-aql-plan.h"
#include "emulator-aql-parser.h"
#include "emulator-permissions.h"
#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-value.h"

/* The query text of the body; FALSE after replying. */
static gboolean
read_body (EmuRequest  *req,
           JsonNode   **body,
           const char **text)
{
  if (g_bytes_get_size (req->body) == 0)
    {
      emu_reply_arango_error (req->msg, EMU_ERROR_QUERY_EMPTY, NULL);
      return FALSE;
    }
  if ((*body = emu_request_parse_body (req)) == NULL)
    return FALSE;

  *text = JSON_NODE_HOLDS_OBJECT (*body)
    ? emu_json_get_string (json_node_get_object (*body), "query")
    : NULL;
  return TRUE;
}

static void
add_strings (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *strings)
{
  guint i;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
handle_parse (EmuRequest *req)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(EmuAqlQuery) query = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  EmuAqlError error = { 0 };
  const char *text = NULL;

  if (!read_body (req, &body, &text))
    return;

  query = emu_aql_parse (text, NULL, &error);
  if (query == NULL)
    {
      emu_reply_arango_error (req->msg, error.number, error.message);
      emu_aql_error_clear (&error);
      return;
    }

  builder = emu_json_begin_ok (SOUP_STATUS_OK);
  emu_json_add_boolean (builder, "parsed", TRUE);
  add_strings (builder, "collections", query->collections);
  add_strings (builder, "bindVars", query->parameters);
  json_builder_set_member_name (builder, "ast");
  json_builder_add_value (builder, emu_aql_query_ast_json (query));
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_explain (EmuRequest *req)
{
  EmuDatabase *database = emu_state_lookup_database (req->state, req->database);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(EmuAqlQuery) query = NULL;
  g_autoptr(EmuPlan) plan = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  EmuAqlError error = { 0 };
  const char *text = NULL;
  JsonNode *bind_vars = NULL;
  JsonObject *options = NULL;
  gboolean all_plans = FALSE;
  gint64 started = g_get_monotonic_time ();

  if (!read_body (req, &body, &text))
    return;

  if (JSON_NODE_HOLDS_OBJECT (body))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (body), "options");

      bind_vars = json_object_get_member (json_node_get_object (body), "bindVars");
      if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
        options = json_node_get_object (member);
      if (options != NULL)
        all_plans = emu_json_get_boolean (options, "allPlans", FALSE);
    }

  query = emu_aql_parse (text, database, &error);
  if (query == NULL || !emu_aql_check_bind_vars (query, database, bind_vars, &error))
    {
      emu_reply_arango_errorf (req->msg, error.number, "%s (while parsing)", error.message);
      emu_aql_error_clear (&error);
      return;
    }
  /* Query::explain creates the query's transaction, which checks the
   * collections, after entering the state "optimizing ast". */
  if (!emu_permissions_check_query (req, query, bind_vars, &error))
    {
      emu_reply_arango_errorf (req->msg, error.number, "%s (while optimizing ast)",
                               error.message);
      emu_aql_error_clear (&error);
      return;
    }

  plan = emu_plan_new (query, database, options, !req->state->single_server);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (all_plans)
    {
      json_builder_set_member_name (builder, "plans");
      json_builder_begin_array (builder);
      json_builder_add_value (builder, emu_plan_json (plan));
      json_builder_end_array (builder);
    }
  else
    {
      json_builder_set_member_name (builder, "plan");
      json_builder_add_value (builder, emu_plan_json (plan));
      /* A query that warns is not cached. */
      emu_json_add_boolean (builder, "cacheable",
                            !query->modifies && json_array_get_length (plan->warnings) == 0);
    }
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_value (builder, emu_value_take_array (json_array_ref (plan->warnings)));
  json_builder_set_member_name (builder, "stats");
  json_builder_begin_object (builder);
  emu_json_add_int (builder, "rulesExecuted", plan->rules_executed);
  emu_json_add_int (builder, "rulesSkipped", plan->rules_skipped);
  emu_json_add_int (builder, "plansCreated", 1);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  emu_json_add_int (builder, "peakMemoryUsage", 0);
  emu_json_add_double (builder, "executionTime",
                       (g_get_monotonic_time () - started) / (gdouble) G_USEC_PER_SEC);
  json_builder_end_object (builder);
  emu_json_add_ok (builder, SOUP_STATUS_OK);
  json_builder_end_object (builder);

  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute query_routes[] = {
  { "POST", "/_api/query", handle_parse },
  { "POST", "/_api/explain", handle_explain },
};

void
emu_queries_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, query_routes, G_N_ELEMENTS (query_routes));
}
