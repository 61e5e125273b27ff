/* emulator-aql-parser.c: AQL text to EmuAqlQuery, for the supported subset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A recursive-descent parser for a subset of arangod/Aql/grammar.y; this
 * file has the statements, emulator-aql-expression.c the expressions. It
 * reports a syntax error at the first token that cannot continue the
 * query, as bison does, in the server's words. Constructs real AQL has
 * but the emulator does not run are refused with error 9 where they
 * start.
 */

#include "emulator-aql-parser.h"

#include <string.h>

#include "emulator-aql-lexer.h"
#include "emulator-aql-parser-private.h"
#include "emulator-reply.h"

gboolean
emu_aql_parser_failed (EmuAqlParser *parser)
{
  return parser->error->number != 0;
}

void
emu_aql_parser_advance (EmuAqlParser *parser)
{
  if (parser->has_lookahead)
    {
      emu_aql_token_clear (&parser->token);
      parser->token = parser->lookahead;
      memset (&parser->lookahead, 0, sizeof parser->lookahead);
      parser->has_lookahead = FALSE;
      return;
    }
  emu_aql_lexer_next (&parser->lexer, &parser->token);
}

EmuAqlTokenType
emu_aql_parser_peek_next (EmuAqlParser *parser)
{
  if (!parser->has_lookahead)
    {
      emu_aql_lexer_next (&parser->lexer, &parser->lookahead);
      parser->has_lookahead = TRUE;
    }
  return parser->lookahead.type;
}

gboolean
emu_aql_parser_at (EmuAqlParser    *parser,
                   EmuAqlTokenType  type)
{
  return parser->token.type == type;
}

/* "syntax error, unexpected <token> near '<rest>' at position <l>:<c>" */
void
emu_aql_parser_syntax_error (EmuAqlParser *parser)
{
  g_autofree char *region = NULL;

  if (emu_aql_parser_failed (parser))
    return;

  region = emu_aql_error_region (parser->text, parser->token.line, parser->token.column);
  emu_aql_error_set (parser->error, EMU_ERROR_QUERY_PARSE,
                     "syntax error, unexpected %s near '%s' at position %u:%u",
                     emu_aql_token_name (parser->token.type), region,
                     parser->token.line, parser->token.column + 1);
}

void
emu_aql_parser_not_implemented (EmuAqlParser *parser,
                                const char   *what)
{
  emu_aql_error_set (parser->error, EMU_ERROR_NOT_IMPLEMENTED,
                     "not implemented: %s is not supported by the emulator", what);
}

gboolean
emu_aql_parser_expect (EmuAqlParser    *parser,
                       EmuAqlTokenType  type)
{
  if (!emu_aql_parser_at (parser, type))
    {
      emu_aql_parser_syntax_error (parser);
      return FALSE;
    }
  emu_aql_parser_advance (parser);
  return TRUE;
}

void
emu_aql_parser_declare_parameter (EmuAqlParser *parser,
                                  const char   *name)
{
  guint i;

  for (i = 0; i < parser->query->parameters->len; i++)
    if (g_str_equal (g_ptr_array_index (parser->query->parameters, i), name))
      return;
  g_ptr_array_add (parser->query->parameters, g_strdup (name));
}

/* A collection the query names directly; it must exist (unless only
 * parsing) and must not be read after the query wrote it. */
EmuAqlNode *
emu_aql_parser_collection_node (EmuAqlParser *parser,
                                const char   *name)
{
  EmuAqlNode *node;
  guint i;

  if (parser->database != NULL &&
      emu_database_lookup_collection (parser->database, name) == NULL)
    {
      /* As a parse error up to 3.12.0 (4.x/, 3.11/RestCursorCreateCursorUnknownCollection_single.json),
       * bare in 3.12.10 (3.12/). */
      if (emu_state_version_at_least (parser->database->state, 3, 12, 1))
        emu_aql_error_set (parser->error, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                           "collection or view not found: %s", name);
      else
        emu_aql_error_set (parser->error, EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND,
                           "AQL: collection or view not found: %s (while parsing)", name);
      return NULL;
    }

  for (i = 0; i < parser->modified->len; i++)
    if (g_str_equal (g_ptr_array_index (parser->modified, i), name))
      {
        emu_aql_error_set (parser->error, EMU_ERROR_QUERY_ACCESS_AFTER_MODIFICATION,
                           "access after data-modification by %s", name);
        return NULL;
      }

  emu_aql_query_use_collection (parser->query, name);
  node = emu_aql_node_new (AQL_NODE_COLLECTION);
  node->text = g_strdup (name);
  return node;
}

static EmuAqlVariable *
declare_variable (EmuAqlParser *parser,
                  const char   *name)
{
  EmuAqlVariable *variable;

  if (g_hash_table_contains (parser->scope, name))
    {
      emu_aql_error_set (parser->error, EMU_ERROR_QUERY_VARIABLE_REDECLARED,
                         "variable '%s' is assigned multiple times", name);
      return NULL;
    }

  variable = emu_aql_query_add_variable (parser->query, name);
  g_hash_table_insert (parser->scope, variable->name, variable);
  return variable;
}

/* NEW and OLD of a data-modification, visible after it. */
static EmuAqlVariable *
declare_pseudo_variable (EmuAqlParser *parser,
                         const char   *name)
{
  EmuAqlVariable *variable = emu_aql_query_add_variable (parser->query, name);

  g_hash_table_replace (parser->scope, variable->name, variable);
  return variable;
}

/* --- statements ------------------------------------------------------ */

static gboolean
parse_for (EmuAqlParser *parser)
{
  EmuAqlStatement *statement;
  g_autofree char *name = NULL;

  emu_aql_parser_advance (parser);   /* FOR */
  if (!emu_aql_parser_at (parser, AQL_TOKEN_IDENTIFIER))
    {
      emu_aql_parser_syntax_error (parser);
      return FALSE;
    }
  name = g_strdup (parser->token.text);
  emu_aql_parser_advance (parser);

  if (emu_aql_parser_at (parser, AQL_TOKEN_COMMA))
    {
      emu_aql_parser_not_implemented (parser, "graph traversals (FOR v, e, p IN …)");
      return FALSE;
    }
  if (!emu_aql_parser_expect (parser, AQL_TOKEN_IN))
    return FALSE;

  switch (parser->token.type)
    {
    case AQL_TOKEN_OUTBOUND:
    case AQL_TOKEN_INBOUND:
    case AQL_TOKEN_ANY:
    case AQL_TOKEN_SHORTEST_PATH:
    case AQL_TOKEN_K_SHORTEST_PATHS:
    case AQL_TOKEN_K_PATHS:
    case AQL_TOKEN_ALL_SHORTEST_PATHS:
      emu_aql_parser_not_implemented (parser, "graph traversals and path searches");
      return FALSE;
    default:
      break;
    }

  statement = emu_aql_query_add_statement (parser->query, AQL_STATEMENT_FOR);
  if ((statement->expression = emu_aql_parser_expression (parser)) == NULL)
    return FALSE;

  switch (parser->token.type)
    {
    case AQL_TOKEN_OUTBOUND:
    case AQL_TOKEN_INBOUND:
    case AQL_TOKEN_ANY:
      emu_aql_parser_not_implemented (parser, "graph traversals and path searches");
      return FALSE;
    case AQL_TOKEN_IDENTIFIER:
      /* SEARCH, OPTIONS, PRUNE and the like follow the expression. */
      emu_aql_parser_not_implemented (parser, "FOR … SEARCH / OPTIONS");
      return FALSE;
    default:
      break;
    }

  /* The variable is visible after the expression only. */
  statement->variable = declare_variable (parser, name);
  return statement->variable != NULL;
}

static gboolean
parse_let (EmuAqlParser *parser)
{
  emu_aql_parser_advance (parser);   /* LET */

  for (;;)
    {
      EmuAqlStatement *statement;
      g_autofree char *name = NULL;

      if (!emu_aql_parser_at (parser, AQL_TOKEN_IDENTIFIER))
        {
          emu_aql_parser_syntax_error (parser);
          return FALSE;
        }
      name = g_strdup (parser->token.text);
      emu_aql_parser_advance (parser);
      if (!emu_aql_parser_expect (parser, AQL_TOKEN_ASSIGN))
        return FALSE;

      statement = emu_aql_query_add_statement (parser->query, AQL_STATEMENT_LET);
      if ((statement->expression = emu_aql_parser_expression (parser)) == NULL ||
          (statement->variable = declare_variable (parser, name)) == NULL)
        return FALSE;

      if (!emu_aql_parser_at (parser, AQL_TOKEN_COMMA))
        return TRUE;
      emu_aql_parser_advance (parser);
    }
}

static gboolean
parse_filter (EmuAqlParser *parser)
{
  EmuAqlStatement *statement;

  emu_aql_parser_advance (parser);
  statement = emu_aql_query_add_statement (parser->query, AQL_STATEMENT_FILTER);
  return (statement->expression = emu_aql_parser_expression (parser)) != NULL;
}

static gboolean
parse_sort (EmuAqlParser *parser)
{
  EmuAqlStatement *statement = emu_aql_query_add_statement (parser->query, AQL_STATEMENT_SORT);

  statement->sort = g_ptr_array_new_with_free_func (emu_aql_sort_element_free);
  emu_aql_parser_advance (parser);   /* SORT */

  for (;;)
    {
      EmuAqlSortElement *element = g_new0 (EmuAqlSortElement, 1);

      element->ascending = TRUE;
      g_ptr_array_add (statement->sort, element);
      if ((element->expression = emu_aql_parser_expression (parser)) == NULL)
        return FALSE;

      if (emu_aql_parser_at (parser, AQL_TOKEN_ASC) || emu_aql_parser_at (parser, AQL_TOKEN_DESC))
        {
          element->ascending = emu_aql_parser_at (parser, AQL_TOKEN_ASC);
          emu_aql_parser_advance (parser);
        }
      else if (emu_aql_parser_at (parser, AQL_TOKEN_TRUE) || emu_aql_parser_at (parser, AQL_TOKEN_FALSE) ||
               emu_aql_parser_at (parser, AQL_TOKEN_QUOTED_STRING) || emu_aql_parser_at (parser, AQL_TOKEN_PARAMETER))
        {
          emu_aql_parser_not_implemented (parser, "a SORT direction given as a value");
          return FALSE;
        }

      if (!emu_aql_parser_at (parser, AQL_TOKEN_COMMA))
        return TRUE;
      emu_aql_parser_advance (parser);
    }
}

static gboolean
parse_limit (EmuAqlParser *parser)
{
  EmuAqlStatement *statement = emu_aql_query_add_statement (parser->query, AQL_STATEMENT_LIMIT);
  EmuAqlNode *first;

  emu_aql_parser_advance (parser);
  if ((first = emu_aql_parser_expression (parser)) == NULL)
    return FALSE;

  if (!emu_aql_parser_at (parser, AQL_TOKEN_COMMA))
    {
      statement->count = first;
      return TRUE;
    }

  statement->offset = first;
  emu_aql_parser_advance (parser);
  return (statement->count = emu_aql_parser_expression (parser)) != NULL;
}

static gboolean
parse_return (EmuAqlParser *parser)
{
  EmuAqlStatement *statement = emu_aql_query_add_statement (parser->query, AQL_STATEMENT_RETURN);

  emu_aql_parser_advance (parser);
  if (emu_aql_parser_at (parser, AQL_TOKEN_DISTINCT))
    {
      statement->distinct = TRUE;
      emu_aql_parser_advance (parser);
    }
  return (statement->expression = emu_aql_parser_expression (parser)) != NULL;
}

/* INTO|IN name, "name" or @@name, then OPTIONS { … }. */

/* As the server's AstNode::isConstant(): values and bind parameters,
 * which are values by the time the query runs, in arrays and objects. */
static gboolean
is_compile_time_constant (EmuAqlNode *node)
{
  guint i;

  switch (node->type)
    {
    case AQL_NODE_PARAMETER:
      return TRUE;
    case AQL_NODE_REFERENCE:
    case AQL_NODE_COLLECTION:
    case AQL_NODE_DATASOURCE_PARAMETER:
    case AQL_NODE_BOUND_ATTRIBUTE_ACCESS:
    case AQL_NODE_FUNCTION_CALL:
      return FALSE;
    default:
      for (i = 0; node->children != NULL && i < node->children->len; i++)
        if (!is_compile_time_constant (g_ptr_array_index (node->children, i)))
          return FALSE;
      return TRUE;
    }
}

static gboolean
parse_target (EmuAqlParser    *parser,
              EmuAqlStatement *statement)
{
  if (!emu_aql_parser_at (parser, AQL_TOKEN_IN) && !emu_aql_parser_at (parser, AQL_TOKEN_INTO))
    {
      emu_aql_parser_syntax_error (parser);
      return FALSE;
    }
  emu_aql_parser_advance (parser);

  if (emu_aql_parser_at (parser, AQL_TOKEN_IDENTIFIER) || emu_aql_parser_at (parser, AQL_TOKEN_QUOTED_STRING))
    {
      if ((statement->collection = emu_aql_parser_collection_node (parser, parser->token.text)) == NULL)
        return FALSE;
      g_ptr_array_add (parser->modified, g_strdup (parser->token.text));
    }
  else if (emu_aql_parser_at (parser, AQL_TOKEN_DATA_SOURCE_PARAMETER))
    {
      g_autofree char *name = g_strdup_printf ("@%s", parser->token.text);

      statement->collection = emu_aql_node_new (AQL_NODE_DATASOURCE_PARAMETER);
      statement->collection->text = g_strdup (parser->token.text);
      emu_aql_parser_declare_parameter (parser, name);
    }
  else
    {
      emu_aql_parser_syntax_error (parser);
      return FALSE;
    }
  emu_aql_parser_advance (parser);

  if (emu_aql_parser_at (parser, AQL_TOKEN_IDENTIFIER) && emu_aql_parser_peek_next (parser) == AQL_TOKEN_OBJECT_OPEN)
    {
      g_autofree char *qualifier = g_strdup (parser->token.text);

      emu_aql_parser_advance (parser);
      if ((statement->options = emu_aql_parser_object (parser)) == NULL)
        return FALSE;
      if (g_ascii_strcasecmp (qualifier, "OPTIONS") != 0)
        {
          g_autofree char *region = emu_aql_error_region (parser->text, parser->token.line,
                                                          parser->token.column);

          emu_aql_error_set (parser->error, EMU_ERROR_QUERY_PARSE,
                             "unexpected qualifier '%s', expecting 'OPTIONS' near '%s' "
                             "at position %u:%u", qualifier, region,
                             parser->token.line, parser->token.column + 1);
          return FALSE;
        }
      if (!is_compile_time_constant (statement->options))
        {
          emu_aql_error_set (parser->error, EMU_ERROR_QUERY_COMPILE_TIME_OPTIONS,
                             "%s", emu_error_message (EMU_ERROR_QUERY_COMPILE_TIME_OPTIONS));
          return FALSE;
        }
    }

  parser->query->modifies = TRUE;
  return TRUE;
}

static gboolean
parse_modification (EmuAqlParser        *parser,
                    EmuAqlStatementType  type)
{
  EmuAqlStatement *statement = emu_aql_query_add_statement (parser->query, type);
  gboolean ok;

  emu_aql_parser_advance (parser);
  parser->operand = TRUE;
  ok = (statement->expression = emu_aql_parser_expression (parser)) != NULL;
  if (ok && (type == AQL_STATEMENT_UPDATE || type == AQL_STATEMENT_REPLACE) &&
      emu_aql_parser_at (parser, AQL_TOKEN_WITH))
    {
      emu_aql_parser_advance (parser);
      ok = (statement->with = emu_aql_parser_expression (parser)) != NULL;
    }
  parser->operand = FALSE;
  if (!ok)
    return FALSE;

  if (!parse_target (parser, statement))
    return FALSE;

  if (type != AQL_STATEMENT_INSERT)
    statement->old_variable = declare_pseudo_variable (parser, "OLD");
  if (type != AQL_STATEMENT_REMOVE)
    statement->new_variable = declare_pseudo_variable (parser, "NEW");
  return TRUE;
}

/* statement* (RETURN … | a data-modification) */
static gboolean
parse_statements (EmuAqlParser *parser)
{
  gboolean finished = FALSE;

  for (;;)
    {
      gboolean ok;

      switch (parser->token.type)
        {
        case AQL_TOKEN_FOR:
          ok = parse_for (parser);
          finished = FALSE;
          break;
        case AQL_TOKEN_LET:
          ok = parse_let (parser);
          finished = FALSE;
          break;
        case AQL_TOKEN_FILTER:
          ok = parse_filter (parser);
          finished = FALSE;
          break;
        case AQL_TOKEN_SORT:
          ok = parse_sort (parser);
          finished = FALSE;
          break;
        case AQL_TOKEN_LIMIT:
          ok = parse_limit (parser);
          finished = FALSE;
          break;
        case AQL_TOKEN_INSERT:
          ok = parse_modification (parser, AQL_STATEMENT_INSERT);
          finished = TRUE;
          break;
        case AQL_TOKEN_UPDATE:
          ok = parse_modification (parser, AQL_STATEMENT_UPDATE);
          finished = TRUE;
          break;
        case AQL_TOKEN_REPLACE:
          ok = parse_modification (parser, AQL_STATEMENT_REPLACE);
          finished = TRUE;
          break;
        case AQL_TOKEN_REMOVE:
          ok = parse_modification (parser, AQL_STATEMENT_REMOVE);
          finished = TRUE;
          break;
        case AQL_TOKEN_RETURN:
          if (!parse_return (parser))
            return FALSE;
          return emu_aql_parser_expect (parser, AQL_TOKEN_END);
        case AQL_TOKEN_COLLECT:
          emu_aql_parser_not_implemented (parser, "COLLECT");
          return FALSE;
        case AQL_TOKEN_WINDOW:
          emu_aql_parser_not_implemented (parser, "WINDOW");
          return FALSE;
        case AQL_TOKEN_UPSERT:
          emu_aql_parser_not_implemented (parser, "UPSERT");
          return FALSE;
        case AQL_TOKEN_END:
          if (finished)
            return TRUE;
          emu_aql_parser_syntax_error (parser);
          return FALSE;
        default:
          emu_aql_parser_syntax_error (parser);
          return FALSE;
        }

      if (!ok)
        return FALSE;
    }
}

EmuAqlQuery *
emu_aql_parse (const char  *text,
               EmuDatabase *database,
               EmuAqlError *error)
{
  EmuAqlParser parser = { 0 };
  EmuAqlQuery *query;
  gboolean ok;

  if (text == NULL || *text == '\0')
    {
      emu_aql_error_set (error, EMU_ERROR_QUERY_EMPTY, "%s",
                         emu_error_message (EMU_ERROR_QUERY_EMPTY));
      return NULL;
    }

  parser.text = text;
  parser.database = database;
  parser.error = error;
  parser.query = emu_aql_query_new (text);
  parser.scope = g_hash_table_new (g_str_hash, g_str_equal);
  parser.modified = g_ptr_array_new_with_free_func (g_free);
  emu_aql_lexer_init (&parser.lexer, text);
  emu_aql_parser_advance (&parser);

  /* WITH collections … is only the start of a traversal query. */
  if (emu_aql_parser_at (&parser, AQL_TOKEN_WITH))
    {
      emu_aql_parser_not_implemented (&parser, "WITH");
      ok = FALSE;
    }
  else
    {
      ok = parse_statements (&parser);
    }

  query = parser.query;
  emu_aql_token_clear (&parser.token);
  emu_aql_token_clear (&parser.lookahead);
  g_hash_table_unref (parser.scope);
  g_ptr_array_unref (parser.modified);

  if (!ok)
    {
      emu_aql_query_free (query);
      return NULL;
    }
  return query;
}
